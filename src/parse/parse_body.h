/* parse_body.h -- what the files of the body share: the state of the
 * paragraph machine (parse_body.c), the reading of paragraph numbers and
 * the addresses (parse_number.c), headings and summaries
 * (parse_sections.c). */
#ifndef PILCROW_PARSE_BODY_H
#define PILCROW_PARSE_BODY_H

#include "parse/parse_lines.h"

struct body {
	int expected;            /* the next paragraph number */
	bool numbered;           /* the cable numbers its paragraphs */
	bool uses_marks;
	long cur;                /* index of the open paragraph, or -1 */
	bool pending_blank, after_break;
	struct str prev;         /* the last line appended */
	const char *first, *last;/* span of the open paragraph */
	int section;             /* current section index */
	int saved_section;       /* the section before SUMMARY */
	bool in_summary;
	bool have_entire;
	struct marking entire;
	bool mangled_said;       /* the mangled-marker repair was reported */
	size_t page_headers;     /* page headers taken out of lines of text */
	bool any_header;         /* the text holds a page header inside a line at all */
	long outer;              /* inside a numbering that started again: the
				  * outer one's next number, else 0 */
	bool excerpt;            /* no header: the text may start at any paragraph */
	size_t with_pilcrow, taken;  /* paragraphs opened by a marker, and with a ¶ sign */
	size_t with_paren;       /* ... and written "1)" */
	bool stray_sign;         /* the line had a stray ¶ taken off: running text */
	size_t line, end;        /* the line being read, and where the body ends */
	long again_next;         /* after a number written again, the one after it */
	long inner;              /* the number of the last line inside the open
				  * paragraph that starts with one (a list), or 0 */
};

/* How decide() read a marker. */
enum take { TAKE_NEXT, TAKE_AGAIN, TAKE_RESTART, TAKE_RESUME };

/* The true number of the paragraph marker @m, or 0 when the line does not
 * start one; *take says how it was read.  @fresh: the line starts after a
 * blank line or a sentence's end; @warn: the repairs are said (a real
 * reading, not a look ahead). */
int body_decide(struct parser *p, struct body *b, const struct marker *m, bool fresh, bool warn,
		enum take *take);

/* Gives every paragraph its address (see cable.h). */
void assign_addresses(struct cable *c, bool numbered);

/* A rule of dashes, equals signs or underscores. */
bool is_rule(struct str s);

/* Where a rule glued to the end of a heading starts, or s.n. */
size_t rule_suffix(struct str s);

/* The first line from @i before @end that is neither blank nor a page break. */
size_t next_content(struct parser *p, size_t i, size_t end);

/* A short line of a title's shape. */
bool heading_like(struct str s);

/* Is line @i a section heading?  Sets *next to the line after it. */
bool heading_at(struct parser *p, struct body *b, size_t i, size_t end, size_t *next);

/* "SUMMARY:", "BEGIN SUMMARY", "Summay". */
bool starts_summary(struct str s);
bool section_is_summary(const struct cable *c, int section);

/* Adds a section titled @title; returns its index. */
int add_section(struct parser *p, struct str title);

#endif
