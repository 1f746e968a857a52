/* html.h -- WikiLeaks cable pages: metadata table, title, <pre> blocks */
#ifndef PILCROW_HTML_H
#define PILCROW_HTML_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/buf.h"
#include "doc/record.h"

/* True when @s looks like an HTML page. */
bool html_sniff(struct str s);

/* Extracts the cable from a page: its text (the <pre> blocks, tags stripped,
 * entities decoded) goes to @text; the metadata to @meta, its strings kept
 * in @a.  Returns false, with *err set, when the page holds no cable. */
bool html_extract(struct str page, struct buf *text, struct record_meta *meta, struct arena *a,
		  const char **err);

/* Appends @in with tags removed and entities decoded to @out. */
void html_to_text(struct str in, struct buf *out);

#endif
