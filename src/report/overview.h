/* overview.h -- the corpus at a glance, for a set of its cables: how many
 * a year (a month, when they are all of one year), the top origins, the
 * top TAGS with their meanings, how many at each level and with each
 * caveat, the top signers, classifiers, addressees and people.  Made from the list index alone (no cable is parsed), for the
 * overview screen and pilcrow --stats. */
#ifndef PILCROW_OVERVIEW_H
#define PILCROW_OVERVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "corpus/corpus.h"
#include "doc/marking.h"

#define OVERVIEW_TOP 12        /* the origins and TAGS --stats shows unless told */
#define OVERVIEW_ALL ((size_t)-1)
#define OVERVIEW_SPANS 64     /* 1966..2029, or 12 months */

/* A facet: a row that narrows the filter when chosen. */
struct facet {
	char label[208];         /* "2004", "2004-10", "ROME", "PREL", "C", "NOFORN"; "1980–2001";
				  * "SECSTATE WASHDC" (people.h's names, PEOPLE_NAME_MAX) */
	const char *meaning;     /* a tag's meaning, or NULL */
	size_t count;
	char term[232];          /* the filter term it stands for: date=2004, origin=ROME */
	int empty_run;           /* years: a run of this many years without a cable, one row ("none") */
};

/* The facets of the people and offices (people.h): who signed, who
 * classified, the action and info addressees together, person TAGS. */
enum { WHO_SIGNER, WHO_CLASSIFIER, WHO_ADDRESSEE, WHO_PERSON, WHO_COUNT };

struct overview {
	size_t cables, undated;
	bool by_month;           /* all dated cables are of one year */
	int year;                /* that year */
	struct facet spans[OVERVIEW_SPANS];
	size_t nspans;
	struct facet *origins, *tags;   /* the top ones, or all (overview_make's @top) */
	struct facet levels[LEVEL_COUNT], caveats[8];
	size_t norigins, ntags, nlevels, ncaveats;
	size_t all_origins, all_tags;   /* how many there are in all */
	struct facet *who[WHO_COUNT];    /* the top ones, or all, as origins and tags */
	size_t nwho[WHO_COUNT], all_who[WHO_COUNT];
	size_t most_span;        /* the largest count of a span, for the bars */
};

/* Counts the @n entries @rows of @c: the @top origins, TAGS, signers,
 * classifiers, addressees and people (OVERVIEW_ALL: every one), years
 * with runs of two or more empty years folded into one row.
 * overview_free() lets it go. */
void overview_make(struct overview *o, const struct corpus *c, const uint32_t *rows, size_t n, size_t top);
/* The same with only the people facets of @who (1 << WHO_SIGNER ...; 0:
 * none): less than half the time on the whole corpus, for completion. */
#define WHO_ALL ((1u << WHO_COUNT) - 1)
void overview_make_some(struct overview *o, const struct corpus *c, const uint32_t *rows, size_t n, size_t top,
			unsigned who);
void overview_free(struct overview *o);

/* The overview as text (bars of block characters, @width columns) or JSON. */
void overview_text(struct buf *out, const struct overview *o, int width);
void overview_json(struct buf *out, const struct overview *o);

/* The title of people facet @w (WHO_SIGNER ...): "Top signers" when
 * only the top ones are kept. */
const char *overview_who_title(const struct overview *o, int w);

/* A bar of @count out of @most in @cols columns, with eighth blocks. */
void overview_bar(struct buf *out, size_t count, size_t most, int cols);

#endif
