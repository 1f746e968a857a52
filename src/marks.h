/* marks.h -- the reader's own marks on paragraphs, kept between sessions in
 * $XDG_DATA_HOME/pilcrow/marks (one line a cable: id, tab, the paragraphs'
 * addresses) */
#ifndef PILCROW_MARKS_H
#define PILCROW_MARKS_H

#include <stdbool.h>
#include <stddef.h>

struct marks;

/* Loads the marks from @path (a missing file is no marks). */
struct marks *marks_load(const char *path);
void marks_free(struct marks *m);

bool marks_has(const struct marks *m, const char *id, const char *address);

/* Marks or unmarks; returns the new state. */
bool marks_toggle(struct marks *m, const char *id, const char *address);

/* How many paragraphs of @id are marked. */
size_t marks_count(const struct marks *m, const char *id);

/* Writes the marks if they changed: a temporary file, then a rename.
 * Returns false with errno set on failure. */
bool marks_save(struct marks *m);

/* The default file: $XDG_DATA_HOME/pilcrow/marks or ~/.local/share/pilcrow/marks,
 * or NULL when neither can be found.  The string is static. */
const char *marks_default_path(void);

#endif
