/* parse.h -- cable text -> struct cable (pure: no I/O, no globals) */
#ifndef PILCROW_PARSE_H
#define PILCROW_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "cable.h"
#include "str.h"

/* What the container told us about a record, besides its text. */
struct record_meta {
	enum cable_format format;
	struct str path;
	uint64_t offset, length;      /* the record's bytes in its file */
	struct str id;                /* reference id, or empty */
	struct str created;           /* as the container writes it */
	struct str classification;
	struct str origin_name;       /* "Embassy Rome" */
	struct str subject;           /* from the page title */
	struct str refs;              /* "72MOSCOW1603|72TEHRAN1091" (cables.csv) */
	struct str notes[8];          /* repairs made while reading the container */
	size_t nnotes;
};

/* Adds a repair note to @m (kept when there is room). */
void record_note(struct record_meta *m, const char *note);

/* Parses @text (valid UTF-8; any line ends) into @c, which is reset first.
 * Returns false when the text does not look like a cable at all. */
bool parse_cable(struct cable *c, struct str text, const struct record_meta *meta);

/* The same for the header alone (no paragraphs, signer or trailer): what
 * the corpus index needs, faster.  @text may stop anywhere in the body. */
bool parse_cable_header(struct cable *c, struct str text, const struct record_meta *meta);

#endif
