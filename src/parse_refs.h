/* parse_refs.h -- what the two files of the REF field share: the block
 * (parse_refs.c: its labels and items, the years the citing cable gives,
 * the warnings) and one item read as tokens (parse_reftok.c: the grammar of
 * a cable reference: station, serials, year, in any of their written
 * forms). */
#ifndef PILCROW_PARSE_REFS_H
#define PILCROW_PARSE_REFS_H

#include "parse_lines.h"

#define REF_HITS_MAX 32
#define REF_KEY_MAX 48

/* One cable an item names: "STATE 188314" ... */
struct ref_hit {
	char station[REF_KEY_MAX]; /* its key: "STATE", "SAOPAULO" */
	char serial[16];           /* digits as written: "0561" */
	int year;                  /* the year the item writes (full), or -1 */
	bool station_own;          /* no station written: the citing cable's */
	struct str text;           /* where it is written in the item */
};

/* What one item says. */
struct ref_read {
	struct ref_hit hit[REF_HITS_MAX];
	size_t nhits;
	bool loose;                /* it holds a number no hit took (a report,
				    * an e-mail's date, a cable not read) */
};

/* Reads the REF item @item (its label @label, wraps joined) as tokens;
 * names of stations a letter away from a known one are said in warnings. */
void ref_item_read(struct parser *p, struct str item, struct str label, struct ref_read *out);

#endif
