/* ws_export.h -- the workspace's marks and notes written out (--export,
 * and the marks browser's e) */
#ifndef PILCROW_WS_EXPORT_H
#define PILCROW_WS_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "workspace/workspace.h"

/* markdown, csl-json, bibtex, text, jsonl; NULL after the last */
extern const char *const ws_export_formats[];
bool ws_export_known(const char *format);

/* Appends the items of @collection (NULL: all) in @format to @out, cited
 * by @tmpl (NULL: the default); returns how many there were. */
size_t ws_export(struct workspace *w, const char *format, const char *collection, const char *tmpl, struct buf *out);

/* A line of --export ids: ID, date, origin, subject and the cable's page,
 * tab-separated (the strings on one line, no control character). */
void ws_export_id_line(struct buf *out, const char *id, const char *date, const char *origin, const char *subject);

/* The same for the items of the cables @keep says yes to (--export with
 * --filter); NULL keeps every one. */
size_t ws_export_some(struct workspace *w, const char *format, const char *collection, const char *tmpl,
		      bool (*keep)(const char *id, void *ud), void *ud, struct buf *out);

/* Writes @data to @path atomically (a temporary file beside it, then a
 * rename); refuses a path that is one of @inputs.  False with a
 * one-line reason in @err. */
bool ws_write_file(const char *path, const struct buf *data, char *const *inputs, size_t ninputs, char *err,
		   size_t errsize);

#endif
