/* marking.h -- classification levels and caveats: parse, compare, name */
#ifndef PILCROW_MARKING_H
#define PILCROW_MARKING_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"

/* Ordered: a larger value is a higher classification. */
enum level {
	LEVEL_NONE = 0, /* not marked / unknown */
	LEVEL_U,        /* UNCLASSIFIED */
	LEVEL_SBU,      /* SENSITIVE BUT UNCLASSIFIED, FOUO, LIMITED OFFICIAL USE */
	LEVEL_C,        /* CONFIDENTIAL */
	LEVEL_S,        /* SECRET */
	LEVEL_TS,       /* TOP SECRET */
	LEVEL_COUNT
};

enum caveat {
	CAVEAT_NOFORN = 1 << 0,
	CAVEAT_FOUO = 1 << 1,
	CAVEAT_ORCON = 1 << 2,
	CAVEAT_PROPIN = 1 << 3,
	CAVEAT_NODIS = 1 << 4,
	CAVEAT_EXDIS = 1 << 5,
	CAVEAT_LIMDIS = 1 << 6,
	CAVEAT_REL = 1 << 7,   /* REL TO ..., countries in marking.rel */
};

struct marking {
	enum level level;
	unsigned caveats;
	struct str rel;        /* "USA, GBR" for REL TO; points at the source */
};

/* Short name of a level: "U", "SBU", "C", "S", "TS", or "" for none. */
const char *level_abbrev(enum level l);

/* Long name: "UNCLASSIFIED", ..., "TOP SECRET". */
const char *level_name(enum level l);

/* Parses a level abbreviation or name ("s", "SECRET", "sbu"); LEVEL_NONE if not one. */
enum level level_from_name(struct str s);

/* Parses an overall classification as written: "CONFIDENTIAL//NOFORN",
 * "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "C O N F I D E N T I A L",
 * "Unclas", "SECRET NOFORN".  Returns false when no level is found. */
bool marking_parse_classification(struct str s, struct marking *m);

/* Parses the inside of a portion marking: "C", "S//NF", "SBU/N", "C/NF",
 * "S//NF//REL TO USA, GBR", "U//FOUO", "C - ENTIRE TEXT", "LOU".
 * Sets *entire (when not NULL) for "ENTIRE TEXT".  Returns false when @s is
 * not a marking (then *m is unchanged). */
bool marking_parse_portion(struct str s, struct marking *m, bool *entire);

/* Name of one caveat bit: "NOFORN", "FOUO", ..., "REL TO". */
const char *caveat_name(unsigned bit);

/* Writes the normalised portion form ("S//NF", "C", "U//FOUO") into @out. */
void marking_format_portion(const struct marking *m, char *out, size_t size);

/* Writes the overall classification as the corpus writes it into @out:
 * the level in full, "//NOFORN" when it applies, and SBU as
 * "UNCLASSIFIED//FOR OFFICIAL USE ONLY"; other caveats are left out. */
void marking_format_classification(const struct marking *m, char *out, size_t size);

/* Writes the normalised banner form ("SECRET//NOFORN") into @out. */
void marking_format_banner(const struct marking *m, char *out, size_t size);

#endif
