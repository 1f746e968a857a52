/* parse_refs.h -- what the files of the REF field share: the block
 * (parse_refs.c: its labels and items, the years the citing cable gives,
 * the warnings), an item's tokens (parse_reftok.c) and the grammar of a
 * cable reference over them (parse_refitem.c: station, serials, year, in
 * any of their written forms). */
#ifndef PILCROW_PARSE_REFS_H
#define PILCROW_PARSE_REFS_H

#include "parse/parse_lines.h"

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

/* A REF item read as words and numbers: "09CAIRO0561" is three of them,
 * "HK05511" two, "#3565" and "O1512" numbers, "0TTAWA" a word, "(08)",
 * "'08" and "/08" years, "05/11/07" and "251847Z" dates (no cable). */
enum rkind { RK_WORD, RK_NUM, RK_YEAR, RK_YEAR_AFTER, RK_OTHER };

#define RTOK_MAX 128
#define RWORD_MAX 24

struct rtok {
	enum rkind kind;
	struct str s;            /* as written */
	char v[RWORD_MAX];       /* words: upper case, 0 read as O; numbers: digits */
	bool sep;                /* a comma, semicolon or list slash before it */
	bool caps;               /* a word written in capitals (or Capitalised) */
	bool particle;           /* "de", "da", "do", "del" of a station's name */
	bool used;               /* a serial or a year of a cable read */
	bool month;              /* a word that names a month */
};

struct toks {
	struct rtok t[RTOK_MAX];
	size_t n;
	bool sep;                /* a separator seen, for the next token */
};

/* parse_reftok.c: the tokens of @item into @k. */
void ref_tokens(struct str item, struct toks *k);

/* A word that names no station ("AND", "EMAIL", "NOTAL", a month). */
bool ref_stopword(struct str w);

/* A word after which a number counts something ("PARA", "SECTION"). */
bool ref_counting_word(struct str w);

/* The year two or four digits write (full), or -1. */
int ref_year_of(struct str digits);

/* "05/11/07", "9-22", "21-APR-2007": a date, not a serial. */
bool ref_date_like(struct str s);

/* How many digits @s holds. */
size_t ref_digit_count(struct str s);

/* parse_refitem.c: reads the REF item @item (its label @label, wraps
 * joined); names of stations a letter away from a known one, or cut
 * short, are said in warnings. */
void ref_item_read(struct parser *p, struct str item, struct str label, struct ref_read *out);

#endif
