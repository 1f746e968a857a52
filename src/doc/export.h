/* export.h -- the model as JSON Lines (--json) or plain text (--text) */
#ifndef PILCROW_EXPORT_H
#define PILCROW_EXPORT_H

#include "base/buf.h"
#include "doc/cable.h"

/* Appends @c as one line of JSON (with its newline) to @out. */
void export_json(struct buf *out, const struct cable *c);

/* Appends a plain rendering of @c wrapped to @width columns; every control
 * character in the text is shown as a visible placeholder. */
void export_text(struct buf *out, const struct cable *c, int width);

/* The cable's citation (cite.h, by the default template), a line and a
 * blank line (--text --cite). */
void export_cite(struct buf *out, const struct cable *c);

#endif
