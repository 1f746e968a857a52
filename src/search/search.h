/* search.h -- search over cable text (PCRE2, UTF-8), by the matching
 * rules of pattern.h: case and diacritics do not count unless the pattern
 * starts with (?-i); blanks, line breaks and apostrophes as one */
#ifndef PILCROW_SEARCH_H
#define PILCROW_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"

struct search;

/* Compiles regular expression @pattern; on error returns NULL and writes a
 * message (with the position in @pattern) to @err. */
struct search *search_new(const char *pattern, char *err, size_t errsize);

/* The same for words and phrases (matched as words; presid* a prefix). */
struct search *search_new_words(const char *words, char *err, size_t errsize);
/* The same for an ASCII text only (faster: no accented forms). */
struct search *search_new_words_ascii(const char *words, char *err, size_t errsize);
void search_free(struct search *s);

/* Calls @fn for each non-empty match in @text (at most @max of them).  A
 * match that reaches PCRE2's limits ends the search of @text. */
size_t search_all(const struct search *s, struct str text, size_t max,
		  void (*fn)(size_t start, size_t len, void *ud), void *ud);

/* How many searches a limit stopped: the pattern is too costly there. */
size_t search_gave_up(const struct search *s);

#endif
