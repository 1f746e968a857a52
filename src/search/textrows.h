/* textrows.h -- what a text search reads in a cable, the same for the
 * scan and the full-text index: rows, row 0 the text outside the
 * paragraphs (the header before the first, the trailer after the last),
 * row k the text of paragraph k-1 (wraps joined, page breaks out).  A word
 * written with hyphens (counter-terrorism) is written again at the row's
 * end without them, with six words on each side, so that the index, which
 * splits words at a hyphen, finds it as one word, and the phrases around
 * it, as the scan does. */
#ifndef PILCROW_TEXTROWS_H
#define PILCROW_TEXTROWS_H

#include <stdbool.h>

#include "base/buf.h"
#include "doc/cable.h"
#include "base/str.h"

/* Rows a cable has at most: the paragraphs past the last row's share it. */
#define TEXTROWS_MAX 4096

/* Calls @fn for each row of @c (row number, text) until it returns false;
 * @scratch holds the rows made up. */
void text_rows(const struct cable *c, struct buf *scratch,
	       bool (*fn)(unsigned row, struct str text, void *ud), void *ud);

/* The row made of text @t: @t, and after it its hyphenated words joined,
 * with the words around them, when it has any (then in @b). */
struct str text_row(struct str t, struct buf *b);

/* The markings of a row, or of a paragraph: its levels, a bit each
 * (1 << enum level), and every caveat of any of them.  Row 0 has none; the
 * last row of a cable of more paragraphs than rows has those of all the
 * paragraphs it takes. */
struct row_marks {
	unsigned levels, caveats;
};

struct row_marks text_para_marks(const struct paragraph *p);
struct row_marks text_row_marks(const struct cable *c, unsigned row);
/* How many rows @c has. */
unsigned text_rows_count(const struct cable *c);

/* The paragraph index (into c->paras) of row @row, or -1 for row 0. */
static inline long text_row_para(unsigned row)
{
	return (long)row - 1;
}

#endif
