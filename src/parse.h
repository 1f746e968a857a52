/* parse.h -- cable text -> struct cable (pure: no I/O, no globals) */
#ifndef PILCROW_PARSE_H
#define PILCROW_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "cable.h"
#include "record.h"
#include "str.h"

/* Parses @text (valid UTF-8; any line ends) into @c, which is reset first.
 * Returns false when the text does not look like a cable at all. */
bool parse_cable(struct cable *c, struct str text, const struct record_meta *meta);

/* The same for the header alone (no paragraphs, signer or trailer): what
 * the corpus index needs, faster.  @text may stop anywhere in the body. */
bool parse_cable_header(struct cable *c, struct str text, const struct record_meta *meta);

#endif
