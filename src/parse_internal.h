/* parse_internal.h -- what the parts of the parser share.  The calls run
 * one way, down:
 *   parse.c           the driver: runs the stages, then reconciles what the
 *                     text and the container say (id, origin, level, date)
 *   parse_preamble.c  five metadata lines, partial note, routing header,
 *                     classification line
 *   parse_header.c    captions, E.O. and DECL, TAGS, SUBJECT, REF (with
 *                     parse_refs.c for its items), Classified By
 *   parse_body.c      paragraphs, sections, summary, signer, trailer
 *   parse_lines.c     the line helpers all of them use; it calls none */
#ifndef PILCROW_PARSE_INTERNAL_H
#define PILCROW_PARSE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "cable.h"
#include "parse.h"

struct line {
	uint32_t off;     /* first byte after the indentation */
	uint32_t len;     /* without the indentation, CR and trailing blanks */
	uint32_t indent;  /* columns of leading blanks */
};

struct parser {
	struct cable *c;
	const struct record_meta *meta;
	const char *t;           /* c->text.p */
	size_t n;
	struct line *lines;
	size_t nlines, cap_lines;

	size_t header_start;     /* first line after the preamble */
	struct str header_rest;  /* text after the classification line on its own line */
	size_t body_start, body_end;

	/* the classification line */
	bool have_class_line;
	struct str class_text, class_station, class_serial, class_year;

	struct str footer_id;    /* "2004ROME03933" from a footer line */
	bool id_odd;             /* the id does not have the usual shape */
	int year;                /* the cable's year, or -1 */
	bool seen_main;          /* E.O., TAGS or SUBJECT found */

	struct buf scratch;      /* joined paragraph text */
	struct buf noyear;       /* REF items that had no year, for one warning */
	struct str field_src;    /* the header field being read, as written */
};

static inline struct str line_str(const struct parser *p, size_t i)
{
	return str_make(p->t + p->lines[i].off, p->lines[i].len);
}

static inline bool line_blank(const struct parser *p, size_t i)
{
	return p->lines[i].len == 0 ||
	       (p->lines[i].len == 1 && (p->t[p->lines[i].off] == '-' || p->t[p->lines[i].off] == '\\'));
}

/* Span of @s inside the text. */
static inline struct span text_span(const struct parser *p, struct str s)
{
	return cable_span(p->c, s);
}

/* ------------------------------------------------ parse_lines.c (the bottom) */

/* Splits the text into p->lines. */
void parse_split_lines(struct parser *p);

/* Copies @s into the cable's arena. */
struct str keep(struct parser *p, struct str s);

/* Joins hard-wrapped lines of @s into one line (arena copy when needed). */
struct str join_wrapped(struct parser *p, struct str s);

/* True when a pilcrow (U+00B6) starts at s.p[i]. */
static inline bool is_pilcrow_at(struct str s, size_t i)
{
	return i + 1 < s.n && (unsigned char)s.p[i] == 0xC2 && (unsigned char)s.p[i + 1] == 0xB6;
}

/* A paragraph-number marker at the start of a line: "1. (C)", "¶3.", "- 13.", "\\P 7." */
struct marker {
	struct str written;   /* "11", "- 13", "\\P 7" */
	long k;
	bool pilcrow, dash;
	bool has_mark, entire, bare_mark;
	struct marking mark;
	struct str mark_written;
	struct str rest;      /* the text after the marker */
	struct str pilcrow_at;/* the ¶ sign itself, when present */
};
bool read_marker(struct str line, struct marker *m);

/* Page-break and page-header lines ("ROME 00001187 002 OF 003", "PAGE 02 ...",
 * a classification alone on its line). */
bool is_page_break(struct str s, uint32_t indent);

/* The text glued after a page header, or empty. */
struct str page_rest(struct str s);

/* A line holding only a classification ("CONFIDENTIAL", "UNCLASSIFIED PTQ5647"). */
bool is_level_only(struct str s);

/* "2004ROME03933 - Classification: CONFIDENTIAL": sets *id to the id. */
bool is_footer(struct str s, struct str *id);

/* ------------------------------------------------------------- the stages */

/* parse_preamble.c: everything before the header; sets header_start. */
void parse_preamble(struct parser *p, struct record_meta *m, struct str *long_date);

/* parse_header.c: the header fields; sets body_start. */
void parse_header(struct parser *p);

/* parse_refs.c: the items of a REF field (called by the header). */
void parse_refs(struct parser *p, struct str v);

/* parse_body.c: paragraphs, sections, signer and trailer. */
void parse_body(struct parser *p);

#endif
