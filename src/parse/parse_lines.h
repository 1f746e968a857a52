/* parse_lines.h -- what the parts of the parser share: the parser's state
 * and the line helpers of parse_lines.c.  The calls run one way, down:
 *   parse.c           the driver: runs the stages, then reconciles what the
 *                     text and the container say (parse_reconcile.c: id,
 *                     origin, level, date)
 *   parse_preamble.c  five metadata lines, partial note, routing header,
 *                     classification line
 *   parse_header.c    the header machine: captions, E.O. and DECL, TAGS
 *                     (parse_tags.c reads its list), SUBJECT, REF
 *                     (parse_refs.c its block, parse_reftok.c and
 *                     parse_refitem.c each item), Classified By
 *                     (parse_classby.c); parse_fields.c the fields'
 *                     values and the shapes of header lines
 *   parse_body.c      paragraphs, sections, summary (parse_tail.c: the
 *                     signer and the trailer)
 *   parse_lines.c     the line helpers all of them use,
 *   parse_labels.c    the header labels, and
 *   parse_classline.c the classification line; these three call no stage */
#ifndef PILCROW_PARSE_LINES_H
#define PILCROW_PARSE_LINES_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "doc/cable.h"
#include "doc/ids.h"
#include "parse/parse.h"

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
	struct line *lines;      /* first the caller's (PARSER_LINES on its stack), then the heap's */
	size_t nlines, cap_lines;
	bool lines_heap;

	size_t header_start;     /* first line after the preamble */
	struct str header_rest;  /* text after the classification line on its own line */
	size_t body_start, body_end;

	/* the classification line */
	bool have_class_line;
	struct str class_text, class_station, class_serial, class_year;
	const char *class_repaired;  /* the level a damaged classification line stands for */

	struct str footer_id;    /* "2004ROME03933" from a footer line */
	bool id_odd;             /* the id does not have the usual shape */
	int year;                /* the cable's year, or -1 */
	bool year_from_file;     /* ... and it comes from the file name */
	char file_id[ID_MAX];    /* the id a file name of cable-id shape gives, or "" */
	struct str file_base;    /* that file name without its extension */
	struct str de_serial;    /* "0096" of the routing header's "DE RUEHLP #0096/01 0231326" */
	char station[48];        /* the cable's station key ("ROME"), as soon as known, or "" */
	bool seen_main;          /* E.O., TAGS or SUBJECT found */
	bool saw_classby;        /* a Classified By line, even one that names nobody */
	bool no_tail;            /* the text stops before the record's end: no signer, no trailer */
	/* a text cut short (the list's first reads of a record's head and of
	 * its end): the lines before the cut, from line cut_from on, cut_span
	 * of them; where the parse says it read a line outside them (the one
	 * the cut falls in) or asked for lines past them.  Not cut: 0,
	 * SIZE_MAX, NULL */
	size_t cut_from, cut_span;
	bool *cut_seen;

	struct buf scratch;      /* joined paragraph text */
	long serial;             /* the cable's own serial, as soon as known from
				  * the text or its record (not a file name), or 0 */
	struct buf noyear;       /* REF items that had no year, for one warning */
	struct buf earlier;      /* ... and took the year before the cable's */
	struct buf notcable;     /* REF items that name no cable */
	struct buf undated;      /* REF cables without a year, the cable none either */
	struct str field_src;    /* the header field being read, as written */
};

/* Lines a parse keeps on its caller's stack before it asks for memory:
 * more than the header and the tail the list reads have, so that most
 * records cost no allocation. */
#define PARSER_LINES 128

/* @p's lines in @first (PARSER_LINES of them), then on the heap. */
static inline void parser_lines_init(struct parser *p, struct line *first)
{
	p->lines = first;
	p->cap_lines = PARSER_LINES;
	p->lines_heap = false;
	p->cut_from = 0;
	p->cut_span = SIZE_MAX;
}

/* Line @i is read: a line of a text cut short that the cut falls in says
 * so (one comparison: below cut_from, i - cut_from wraps round). */
static inline void line_read(const struct parser *p, size_t i)
{
	if (i - p->cut_from >= p->cut_span)
		*p->cut_seen = true;
}

/* Are there @k lines from line @i on?  When the text was cut short and
 * there are not, the answer was the cut's. */
static inline bool lines_from(const struct parser *p, size_t i, size_t k)
{
	if (i + k <= p->nlines)
		return true;
	line_read(p, p->nlines);
	return false;
}

static inline void parser_lines_free(struct parser *p)
{
	if (p->lines_heap)
		free(p->lines);
}

static inline struct str line_str(const struct parser *p, size_t i)
{
	line_read(p, i);
	return str_make(p->t + p->lines[i].off, p->lines[i].len);
}

static inline bool line_blank(const struct parser *p, size_t i)
{
	line_read(p, i);
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
	bool paren;           /* "1)" rather than "1." */
	bool has_mark, entire, bare_mark;
	struct marking mark;
	struct str mark_written;
	struct str rest;      /* the text after the marker */
	struct str pilcrow_at;/* the ¶ sign itself, when present */
};
bool read_marker(struct str line, struct marker *m);

/* is_page_break() past its cheap tests. */
bool page_break_line(struct str s, const char *station);

/* A line that is a page break: a page header alone on it ("ROME
 * 00001187 002 OF 003", "Rome 00000097 002 of 005", "PAGE 02 ..."), or a
 * classification alone.  @station: the cable's station key, or NULL.  The
 * cheap tests inline: this runs on every line. */
static inline bool is_page_break(struct str s, const char *station)
{
	if (s.n == 0 || s.n > 80)
		return s.n > 80 && s.p[0] == 'P' && memcmp(s.p, "PAGE ", 5) == 0 && is_digit((unsigned char)s.p[5]);
	/* a capital first, or a page header in lower case ("khartoum 00000881
	 * 002 of 002"), which ends with a digit as few lines of text do */
	if (!is_upper((unsigned char)s.p[0]) && !(is_lower((unsigned char)s.p[0]) && is_digit((unsigned char)s.p[s.n - 1])))
		return false;
	return page_break_line(s, station);
}

/* The first page header in @s from @from, in any of its forms and any
 * case (see parse_lines.c), its station matched against the cable's
 * (@station, or NULL): where it starts (*len its length), or SIZE_MAX. */
size_t page_header_in(struct str s, size_t from, size_t *len, const char *station);

/* The same for the first form only ("ROME 00001187 002 OF 003"), as a
 * whole text is looked over. */
size_t station_header_in(struct str s, size_t from, size_t *len, const char *station);

/* The text after the page header that starts @s ("PAGE 03 HARARE 06677 03
 * OF 03 291401Z 11. (C) COMMENT: ..."), or "" (none starts it, or nothing
 * follows it). */
struct str page_rest(struct str s, const char *station);

/* A database row glued into the text after the signer ("... End comment.
 * STEVENS 0 03/13/2008 9871 PGOV,PREL,PHUM ..."): where it starts, or SIZE_MAX. */
size_t db_row_in(struct str s);

/* A line holding only a classification ("CONFIDENTIAL", "UNCLASSIFIED PTQ5647"). */
bool is_level_only(struct str s);

/* True when @s ends a sentence (. ! ? ) " ' : ; or a closing quote). */
bool ends_sentence(struct str s);

/* A portion marking in parentheses at the start of @s ("(C)", "(S//NF)"),
 * its ")" within @window bytes: read into *m (*entire: it marks the whole
 * text, when @entire is not NULL).  Returns the ")", or NULL. */
const char *paren_marking(struct str s, size_t window, struct marking *m, bool *entire);

/* The date the web copies put before a cable, or glue to a line ("Friday,
 * 23 February 2001, 15:53"): @s without it. */
struct str strip_site_date(struct str s);

/* A line that holds only that date. */
bool is_site_date_line(struct str s);

/* A word or line redacted by the publisher: "XXXXXXXXXXXX". */
bool is_redacted(struct str s);

/* "2004ROME03933 - Classification: CONFIDENTIAL": sets *id to the id. */
bool is_footer(struct str s, struct str *id);

/* ---------------------------------------- parse_labels.c (the bottom too) */

enum label { LBL_NONE, LBL_EO, LBL_DECL, LBL_TAGS, LBL_SUBJECT, LBL_REF, LBL_CLASSBY, LBL_SUMMARY };

/* The label that starts @s (at the start of a line when @line_start, else
 * inside one, where only the unmistakable forms count); *skip is where its
 * value starts, *typo says it is misspelt. */
enum label label_at(struct str s, bool line_start, size_t *skip, bool *typo);

/* Offset of the next label inside @s from @from (after a blank, or glued to
 * the word before it), or -1. */
long find_midline(struct str s, size_t from);

/* True when a header label starts @s or stands inside it. */
bool line_has_label(struct str s);

/* Where the value after a label's blanks, colons and semicolons starts. */
size_t skip_sep(struct str s, size_t k);

/* ------------------------------------- parse_classline.c (the bottom too) */

struct classline {
	struct str level;    /* "C O N F I D E N T I A L" as written */
	struct str station;  /* "HO CHI MINH CITY" as written */
	struct str serial;   /* "000838" */
	struct str year;     /* "75" in "CONFIDENTIAL 75 LIBREVILLE 1895" */
	struct str rest;     /* what follows the serial on the same line */
	struct str whole;
	const char *repaired;/* "SECRET" for a damaged "E C R E T", else NULL */
	unsigned part;       /* "SECTION 02 OF 03": 2; 0 when not said */
};

/* True when @s is a classification line: level, station, serial. */
bool match_class_line(struct str s, struct classline *cl);

/* Where a classification line glued to the end of another line starts
 * ("...KABUL 0106UNCLAS SECTION 01 OF 02 DUSHANBE 000575"), or -1. */
long find_glued_class_line(struct str s, struct classline *cl);

/* ------------------------------------------------------------- the stages */

/* parse_preamble.c: everything before the header; sets header_start. */
void parse_preamble(struct parser *p, struct record_meta *m, struct str *long_date);

/* parse_header.c: the header fields; sets body_start. */
void parse_header(struct parser *p);

/* parse_tags.c: the tags of a TAGS field written over @np lines (called by
 * the header); @typo and @label: the label was misspelt, as written. */
void parse_tags(struct parser *p, const struct str *pieces, size_t np, bool typo, struct str label);

/* parse_classby.c: who classified the cable and why, from a Classified By
 * value (called by the header, and by the driver for a first paragraph that
 * holds it); a value without reasons gives way to a later one with them. */
void parse_classby(struct parser *p, struct str v);

/* parse_classby.c: "REASONS: 1.5 (B) AND (D)." on a line of its own, a
 * page break after the Classified By line: the reasons it lacked. */
void parse_reasons(struct parser *p, struct str v);

/* True when @v begins like a Classified By line ("1. (U) CLASSIFIED BY"). */
bool classby_starts(struct str v);

/* parse_refs.c: the items of a REF field (called by the header). */
void parse_refs(struct parser *p, struct str v);

/* parse_body.c: paragraphs and sections (calls the tail first). */
void parse_body(struct parser *p);

/* parse_tail.c: the signer and the trailer lines; returns the line where
 * the text ends. */
size_t parse_tail(struct parser *p);

/* For the unit tests: true when parse_tail.c's words that are no name
 * are sorted, for its bisection, and each shorter than 16 bytes. */
bool parse_tail_words_sorted(void);

#endif
