/* fts_cache.h -- where the full-text index of a set of inputs lives, and
 * how it is known to be theirs and whole:
 *
 *   $XDG_CACHE_HOME/pilcrow/KEY/       a complete index (~/.cache/pilcrow)
 *       text-0.db ... text-N.db       its shards (fts_shards.h)
 *       meta                          what it was built from, and each
 *                                     shard's size and checksum
 *       checked                       the shards' size and mtime when
 *                                     their checksums were last found right
 *   $XDG_CACHE_HOME/pilcrow/KEY.lock   held by the process building it
 *   $XDG_CACHE_HOME/pilcrow/KEY.part-PID/   an index being built: never used
 *   $XDG_CACHE_HOME/pilcrow/KEY.bad-DATE/   one found damaged, set aside
 *
 * KEY is a hash of the inputs' identity: device, inode, size, mtime and
 * their first and last megabyte, so a changed or replaced dump is never
 * answered from an index of another. */
#ifndef PILCROW_FTS_CACHE_H
#define PILCROW_FTS_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/files.h"

#define FTS_PATH FILES_PATH

/* The identity of the @n files @paths: @key (17 bytes) and a description
 * of them (for the meta file).  False (and why) when one cannot be read. */
bool fts_cache_key(char *const *paths, size_t n, char key[17], char *desc, size_t descsize, char *err,
		   size_t errsize);

/* Takes the build lock of @key (not waiting): the descriptor, or -1 when
 * another process holds it (or it cannot be made). */
int fts_cache_lock(const char *dir, const char *key);
void fts_cache_unlock(int fd);

/* Removes the parts of builds whose process is gone. */
void fts_cache_sweep(const char *dir, const char *key);

#endif
