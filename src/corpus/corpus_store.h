/* corpus_store.h -- a corpus's list index saved and loaded again (beside
 * its full-text index, fts.h), so that a second open of a dump has
 * its full count and every filter at once. */
#ifndef PILCROW_CORPUS_STORE_H
#define PILCROW_CORPUS_STORE_H

#include <stdbool.h>
#include <stddef.h>

struct corpus;

/* Writes the whole list index of @c (complete) to the new file @path. */
bool corpus_store_save(const struct corpus *c, const char *path, char *err, size_t errsize);

/* Loads the list index at @path into @c, whose sources are named and not
 * yet read; true when @c is then complete.  False, and @c as it was, when
 * the file is not of these sources, or (@why then says how) damaged: its
 * checksum wrong, or an offset or a length in it outside what it holds. */
bool corpus_store_load(struct corpus *c, const char *path, char *why, size_t whysize);

#endif
