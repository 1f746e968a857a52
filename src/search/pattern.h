/* pattern.h -- the matching rules, the same for every search: the reader's
 * /, the list's /, the filter's text and subject terms and --filter.
 *
 *  - Case does not count, nor do diacritics (Velez finds Vélez), unless the
 *    pattern starts with (?-i): then case counts (diacritics still do not).
 *  - Any run of blanks and line breaks is one space; ' ’ ‘ ` ´ and a comma
 *    between two letters (Sarkozy,s) are all one apostrophe.
 *  - A word or phrase (not a regular expression) is matched as words, from a
 *    word's start to a word's end; a * at its end is a prefix (presid*); a
 *    word broken by a hyphen at a line's end (counter-\nterrorism) is found.
 *
 * A user's pattern becomes a PCRE2 pattern; what it can match is written
 * out (classes of the accented letters, the apostrophes, the blanks), so
 * the text is searched as it is, and a match's offsets are the text's. */
#ifndef PILCROW_PATTERN_H
#define PILCROW_PATTERN_H

#include <stdbool.h>

#include "base/buf.h"

/* Writes into @out the PCRE2 pattern for @user: a regular expression, or
 * (@literal) words and phrases.  Returns true when case counts. */
bool pattern_compile(const char *user, bool literal, struct buf *out);

/* The same; with @ascii, words for an ASCII text only, their letters
 * without their accented forms (a faster search, for a text known to be
 * ASCII: there the accented forms cannot stand). */
bool pattern_compile_for(const char *user, bool literal, bool ascii, struct buf *out);

/* Writes into @out the longest word of each phrase of @user (words and
 * phrases, | between them), | between them: what a text must hold for
 * @user to match in it.  False when a phrase has no word. */
bool pattern_longest_words(const char *user, struct buf *out);

#endif
