/* json.h -- JSON string literals. */
#ifndef PILCROW_JSON_H
#define PILCROW_JSON_H

#include "base/buf.h"
#include "base/str.h"

/* Appends a JSON string literal for @s, escaping quotes, backslashes and
 * every control character (C0, DEL, C1), line separators and bidi controls. */
void json_string(struct buf *out, struct str s);

#endif
