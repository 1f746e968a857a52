/* idlist.h -- a list of cable ids from a file, as colleagues send them: an
 * id a line (04ROME3933, 2004ROME03933 or 04rome3933), anything after it
 * on the line left out, blank lines and # comments skipped.  For id=@FILE
 * in a filter and pilcrow --import-ids. */
#ifndef PILCROW_IDLIST_H
#define PILCROW_IDLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The ids, canonical, sorted, each once: NUL-ended one after another in
 * one block (a million ids take about 12 MB, not a block each). */
struct idlist {
	char *pool;
	uint32_t *at;            /* where each id starts in the pool */
	size_t n;
	size_t lines;            /* the lines read */
};

/* Reads @path; false (and why, naming the file, in @err) when it cannot be
 * read, holds binary bytes, or names no id. */
bool idlist_read(struct idlist *l, const char *path, char *err, size_t errsize);

/* Id @i of the list. */
static inline const char *idlist_id(const struct idlist *l, size_t i)
{
	return l->pool + l->at[i];
}

/* Does the list hold @id (canonical)? */
bool idlist_has(const struct idlist *l, const char *id);

void idlist_free(struct idlist *l);

#endif
