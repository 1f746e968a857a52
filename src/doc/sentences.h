/* sentences.h -- a paragraph's sentences, for quoting a part of it, by
 * rules that know cables: a full stop, a question or an exclamation mark
 * ends a sentence when a blank and a capital, a digit, a quote or a
 * bracket follow, or the text ends; but not after an abbreviation
 * ("U.S.", "Amb.", "Dep. FM", "Gen.", "No."), an initial ("J. Smith"),
 * or a list's number or letter ("1.", "(a)", "b.").  Closing quotes and
 * brackets after the mark belong to the sentence. */
#ifndef PILCROW_SENTENCES_H
#define PILCROW_SENTENCES_H

#include <stddef.h>

#include "base/str.h"

struct sentence {
	size_t start, len;      /* in the text, without the blanks around it */
};

/* The sentences of @t, at most @max, into @out; how many there are (a
 * count past @max says @out is full). */
size_t sentences_split(struct str t, struct sentence *out, size_t max);

/* @s as a quote is written: its line breaks and runs of blanks one space;
 * with @apostrophes, a cable's ",s" after a letter is "'s" (the telegraph
 * had no apostrophe), and nothing else is changed.  Appended to @out. */
struct buf;
void sentences_quote(struct buf *out, struct str s, int apostrophes);

#endif
