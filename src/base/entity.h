/* entity.h -- HTML character references and named entities decoded. */
#ifndef PILCROW_ENTITY_H
#define PILCROW_ENTITY_H

#include <stddef.h>

#include "base/buf.h"
#include "base/str.h"

/* Decodes the entity at @in.p[@i] (an '&') onto @out; the bytes it took,
 * or 0 when there is none there. */
size_t entity_decode_at(struct str in, size_t i, struct buf *out);

/* Appends @in with its character references (&#8217; &#x2019;) and the
 * common named entities (&amp; &rsquo; ...) decoded to @out; anything else,
 * a bare '&' too, is copied as it is.  Returns how many it decoded. */
size_t entity_decode(struct str in, struct buf *out);

#endif
