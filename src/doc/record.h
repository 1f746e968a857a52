/* record.h -- a record: one cable's text as its container holds it, and
 * what the container (a cables.csv row, a cable page, the five metadata
 * lines of some copies) says about it besides.  The source makes records;
 * the parser reads them. */
#ifndef PILCROW_RECORD_H
#define PILCROW_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "doc/cable.h"
#include "base/str.h"

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
	bool cut;                     /* the input ended inside the record */
	bool no_ref_ids;              /* a list that keeps no references: their
				       * items are not read for ids */
	struct str notes[8];          /* repairs made while reading the container */
	size_t nnotes;
};

/* Adds a repair note to @m (kept when there is room). */
void record_note(struct record_meta *m, const char *note);

#endif
