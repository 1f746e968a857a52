/* cable.h -- the document model: one diplomatic cable, parsed
 *
 * Every string lives in the cable's arena.  Every field keeps the byte span
 * it was read from in cable->text (the UTF-8 text the parser saw), so the
 * reader can show the original.  A span with off == SPAN_CONTAINER means the
 * value came from the container (the CSV columns, the HTML metadata table or
 * the five metadata lines), not from the cable text. */
#ifndef PILCROW_CABLE_H
#define PILCROW_CABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "doc/marking.h"
#include "base/str.h"
#include "base/util.h"

#define SPAN_NONE UINT32_MAX
#define SPAN_CONTAINER (UINT32_MAX - 1)

/* Largest cable text the parser takes (a single record). */
#define CABLE_MAX_TEXT ((size_t)256 * 1024 * 1024)

struct span {
	uint32_t off, len;
};

/* A value and where it came from. */
struct field {
	struct str text;
	struct span at;
};

enum cable_format { FORMAT_TEXT, FORMAT_HTML, FORMAT_CSV };

struct reference {
	struct str label;   /* "A", "B", or empty */
	struct str text;    /* as written, wraps joined */
	struct str id;      /* canonical id, or empty when not a cable */
	struct span at;
};

/* A paragraph's address: its number ("3"), or for a block the text does
 * not number, the number before it and a letter ("0a" before ¶1, "4a" for
 * the second paragraph written 4); an unnumbered cable's paragraphs by
 * position ("1", "2", ...).  Distinct in a cable, and stable. */
#define ADDRESS_MAX 20

struct paragraph {
	int number;                   /* true number; 0 when the text gives none */
	char address[ADDRESS_MAX];    /* "3", "0a", "4b": see above */
	struct str number_as_written; /* "11", "\\P 7", "" when unnumbered */
	struct marking marking;       /* normalised portion marking */
	struct str marking_as_written;/* "C", "S//NF", "" when unmarked */
	int section;                  /* index into cable->sections, or -1 */
	struct str text;              /* hard wraps joined */
	struct span at;               /* the whole paragraph in the source */
};

struct section {
	struct str title;
	struct span at;
};

struct routing {
	bool present;
	struct field precedence; /* "R", "O", "P R" */
	struct field dtg;        /* "271517Z OCT 09" */
	struct field from;       /* "AMEMBASSY ROME" */
	struct field *to;
	size_t nto;
	struct field *info;
	size_t ninfo;
};

struct cable {
	struct arena arena;

	struct str text;       /* the UTF-8 text parsed (owned by the arena) */

	/* source: where the record sits in its file */
	struct str path;
	uint64_t offset, length;
	enum cable_format format;

	char id[64];           /* canonical: 04ROME3933 */
	struct field id_as_written;
	bool partial;
	struct span partial_at;
	unsigned part;         /* "SECTION 02 OF 03" on its first classification line: 2; else 0 */

	struct field classification;  /* normalised: "SECRET//NOFORN", "UNCLASSIFIED" */
	struct field classification_as_written;  /* "C O N F I D E N T I A L", "UNCLAS" */
	struct marking marking;       /* level and caveats */
	struct field origin;          /* station: "ROME" */
	struct field origin_name;     /* "Embassy Rome", from the container */
	char date[24];                /* ISO 8601, or "" */
	struct field date_as_written;

	struct routing routing;
	struct field *captions;
	size_t ncaptions;
	struct field eo;              /* "12958" */
	struct field declassify;      /* "2014-10-06" or the word as written */
	struct field *tags;
	size_t ntags;
	struct field subject;
	struct marking subject_marking;  /* the subject's own "(C)", kept apart from it */
	struct span subject_marking_at;
	struct reference *refs;
	size_t nrefs;
	struct field classified_by;
	struct field reasons;

	struct section *sections;
	size_t nsections;
	struct paragraph *paras;
	size_t nparas;
	struct field signer;
	struct field *trailer;
	size_t ntrailer;

	struct str *warnings;
	size_t nwarnings;
	/* the repairs that change what a reader should trust (another cable's
	 * text, a level in conflict with the record, a text cut short, a REF
	 * that cannot be): the same strings as in warnings */
	struct str *cautions;
	size_t ncautions;
	/* read for the list index, which keeps no warnings: none are made */
	bool quiet;

	/* capacities of the arrays above (arena-backed) */
	size_t cap_to, cap_info, cap_captions, cap_tags, cap_refs, cap_sections,
	       cap_paras, cap_trailer, cap_warnings, cap_cautions;
};

/* Prepares @c; cable_free() releases it. */
void cable_init(struct cable *c);
void cable_free(struct cable *c);

/* Empties @c but keeps its memory for the next cable. */
void cable_reset(struct cable *c);

/* Records a repair the parser made. */
void cable_warn(struct cable *c, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* The same for a repair that changes what a reader should trust: also
 * one of the cable's cautions, which the reader shows unasked. */
void cable_caution(struct cable *c, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Append helpers: each returns the new zeroed element. */
struct field *cable_add_field(struct cable *c, struct field **arr, size_t *n, size_t *cap);
struct reference *cable_add_ref(struct cable *c);
struct paragraph *cable_add_para(struct cable *c);
struct section *cable_add_section(struct cable *c);

/* Returns the paragraph whose true number is @n, or NULL. */
const struct paragraph *cable_para_by_number(const struct cable *c, int n);

/* Returns the paragraph at address @a ("3", "0a", any case), or NULL. */
const struct paragraph *cable_para_by_address(const struct cable *c, struct str a);

/* Returns the name of @f: "text", "html" or "csv". */
const char *cable_format_name(enum cable_format f);

/* Returns a span for @s, which must point into c->text, or SPAN_NONE. */
struct span cable_span(const struct cable *c, struct str s);

#endif
