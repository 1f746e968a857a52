/* dbfile.h -- a look at an SQLite file's header, before SQLite opens it. */
#ifndef PILCROW_DBFILE_H
#define PILCROW_DBFILE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

/* Is the file at PATH damaged where its first 100 bytes show it: a header
 * no SQLite writes (page size, format versions, payload fractions), or
 * shorter than the page count its header vouches for (when that count is
 * current and no write-ahead log holds pages of it)?  SEALED files were
 * written whole and are never written again (the text index's shards):
 * for them a file that is not a database at all, or whose length is not
 * exactly its pages, is damaged too.  WHY gets the reason. */
bool dbfile_damaged(const char *path, bool sealed, char *why, size_t n);

/* MSG fit to be shown: what is not printable ASCII is one '?'.  Returns OUT. */
const char *dbfile_clean(const char *msg, char *out, size_t n);

/* SQLite's message for DB's last error, fit to be shown: it may quote the
 * bytes of a damaged schema, so what is not printable ASCII is one '?'.
 * A NULL DB (an open that could not allocate) is "out of memory".
 * Returns OUT. */
const char *dbfile_errmsg(sqlite3 *db, char *out, size_t n);

#endif
