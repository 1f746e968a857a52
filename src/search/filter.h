/* filter.h -- the corpus filter language, the same for --filter and for the
 * reader's cable list:
 *
 *   level>=S  level=C|S  caveat=NOFORN  origin=ROME|PARIS  tag=PREL|PGOV
 *   date>=2005-01  date<2006-06-30  id=04ROME3933  cites=04ROME3933
 *   cited-by=04ROME3933  subject~REGEX  subject=words  text~REGEX
 *   text="a phrase"  iran  "nuclear program"  presid*  !tag=PREL  -tag=PREL
 *   near="iran nuclear"  near="iran nuclear/5"  sort=date|id|origin|level|relevance
 *   id=@FILE (the ids of a file, an id a line)
 *   marked  noted  opened  !opened  collection=NAME|NAME  note=words  note~REGEX
 *   para=S  para>=C  para=S//NF  (a paragraph at that marking)
 *   signer=NAME  classified-by=WORDS  from=POST  to=POST  info=POST
 *   addressee=POST  person=NAME  (people.h: who signed, who classified,
 *   the FM line, the action and info addressees, either, person TAGS)
 *   serial=ROME:3900..3950  serial=ROME:3933  serial=3900..3950  (the
 *   serial of the id, a number, of that post in any year)
 *   thread=ID  (the cables of ID's thread: what it cites, what cites it)
 *   versions>1  (how many texts of the cable the inputs hold: corpus.h)
 *   redacted  (a redaction in its text: x's, "[Source removed]"; compare.h)
 *
 * Terms are separated by blanks and must all hold; ! or - before a term
 * negates it.  A value with blanks is quoted ("..." or '...'); | separates
 * alternatives of = and !=.  A bare word or quoted phrase is a text term.
 * near= holds when its words stand within 10 words of each other (or /N)
 * in a paragraph; sort= is no condition but the order of the list.
 * para= holds when a paragraph of the cable is at that marking (its level
 * compared, every caveat given among its own); with it, the words of the
 * filter must stand in such a paragraph (in a row of textrows.h whose
 * markings pass every para= term), and so must a hit or a highlight.
 * The people fields hold when every word of the value stands, as a word,
 * in one of the cable's values of that kind (in any order: signer=Popper
 * and person="James Steinberg" find "STEINBERG, JAMES B."); ~ matches
 * each value with an expression.
 * marked, noted, opened, collection= and note= ask the reader's workspace
 * (a cable with a mark, a note, that was opened, in the collection, with a
 * note whose words match).
 * Comparison operators: = != < <= > >= (level and date), = and != (the
 * others), ~ (a regular expression).  Words, phrases and expressions match
 * by the rules of pattern.h (case and diacritics do not count unless the
 * value starts with (?-i)). */
#ifndef PILCROW_FILTER_H
#define PILCROW_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc/cable.h"
#include "base/minutes.h"
#include "search/idlist.h"
#include "search/search.h"
#include "search/textrows.h"

struct workspace;

/* The orders of a list of cables; relevance is the full-text index's BM25
 * score for the filter's words (file order without it). */
enum sort_key { SORT_INPUT, SORT_DATE, SORT_ID, SORT_ORIGIN, SORT_LEVEL, SORT_RELEVANCE, SORT_COUNT };
/* The word of sort=WORD for @key ("file", "date", ...), and back (false
 * when @v names no order). */
const char *sort_key_word(enum sort_key key);
bool sort_key_parse(const char *v, enum sort_key *key);

enum cf_field { CF_LEVEL, CF_CAVEAT, CF_ORIGIN, CF_TAG, CF_DATE, CF_ID, CF_SUBJECT, CF_TEXT, CF_CITES,
		CF_CITED_BY, CF_NEAR, CF_PARA, CF_SIGNER, CF_CLASSIFIED_BY, CF_FROM, CF_TO, CF_INFO, CF_ADDRESSEE,
		CF_PERSON, CF_SERIAL, CF_THREAD, CF_VERSIONS, CF_REDACTED, CF_SORT, CF_MARKED, CF_NOTED, CF_OPENED, CF_COLLECTION, CF_NOTE };

/* Is @f one of the people and offices a cable names (people.h)? */
static inline bool cf_people_field(enum cf_field f)
{
	return f >= CF_SIGNER && f <= CF_PERSON;
}

/* Alternatives of one term at most (tag=PREL|PGOV|...). */
#define CF_ALTS 16
enum cf_op { CF_EQ, CF_NE, CF_LT, CF_LE, CF_GT, CF_GE, CF_RE };

struct cf_alt {
	char *value;            /* upper-cased for the fields that ignore case */
	int level;              /* CF_LEVEL, CF_PARA (LEVEL_NONE: any level) */
	unsigned caveat;        /* CF_CAVEAT; CF_PARA: every caveat it must have */
	uint32_t date_lo, date_hi; /* CF_DATE: the value as a range of minutes;
				    * CF_SERIAL: the serials from, to */
	size_t words;           /* the people fields: its words' searches in near */
};

struct cf_term {
	enum cf_field field;
	enum cf_op op;
	bool negate;            /* ! or - before it */
	struct cf_alt alt[CF_ALTS];
	size_t nalt;
	struct search *re;      /* ~, and the words of subject= and text= */
	struct search *pre;     /* words of the text: the longest word of each
				 * phrase, which an ASCII record's bytes must hold */
	char *pattern;          /* what re was made from, as written */
	bool words;             /* re is words and phrases, not an expression */
	struct search **near;   /* near=: each word's search; signer= and the
				 * other people fields: each word of the name's */
	size_t nnear;
	int near_dist;          /* near=: the words between the first and the last, at most */
	struct idlist ids;      /* id=@FILE: the ids of the file */
};

/* Does term @t read the cables' text (text terms, near=, para=)? */
static inline bool cf_reads_text(const struct cf_term *t)
{
	return t->field == CF_TEXT || t->field == CF_NEAR || t->field == CF_PARA || t->field == CF_REDACTED;
}

/* Does term @t ask the workspace (marked, noted, opened, collection=)? */
static inline bool cf_reads_workspace(const struct cf_term *t)
{
	return t->field >= CF_MARKED;
}

struct cfilter {
	struct cf_term *terms;
	size_t n;
	char *text;             /* as the user wrote it */
	int sort;               /* sort=KEY: the order asked for (enum sort_key), or -1 */
	bool reverse;           /* sort=-KEY: that order reversed */
};

/* Does a para= term hold for @m?  (Its negation left aside.) */
bool cf_para_holds(const struct cf_term *t, struct row_marks m);
/* Do the markings @m pass every para= term of @f that must hold (the
 * ones words must stand under)?  True when it has none. */
bool cfilter_para_ok(const struct cfilter *f, struct row_marks m);
/* Does @f have such a term? */
bool cfilter_has_para(const struct cfilter *f);
/* May a hit of @f's words stand in paragraph @para of @c (-1: the text
 * outside the paragraphs)?  Its row's markings passed by cfilter_para_ok. */
bool cfilter_para_ok_at(const struct cfilter *f, const struct cable *c, long para);

/* Parses @s; on error returns false and writes a one-line message to @err. */
bool cfilter_parse(struct cfilter *f, const char *s, char *err, size_t errsize);
/* The same, and on error where in @s the term at fault starts (@at). */
bool cfilter_parse_at(struct cfilter *f, const char *s, char *err, size_t errsize, size_t *at);
void cfilter_free(struct cfilter *f);

/* True when the filter has no terms. */
static inline bool cfilter_empty(const struct cfilter *f)
{
	return f->n == 0;
}

/* How many cables the filter's patterns gave up on (PCRE2's limits). */
size_t cfilter_gave_up(const struct cfilter *f);

/* True when the filter needs the full text of the cables. */
bool cfilter_needs_text(const struct cfilter *f);

/* The fields of one cable that a filter looks at. */
struct cf_subject {
	enum level level;
	unsigned caveats;
	struct str origin, origin_name, id, subject;
	/* the text: a regular expression reads @text (the record as it is);
	 * words read the rows (textrows.h) of @cable, parsed by @parse when
	 * NULL; @text_plain says @text is ASCII CSV, with no entity, so that a
	 * record whose bytes lack a word need not be parsed */
	struct str text;
	bool text_plain;
	const struct cable *cable;
	const struct cable *(*parse)(void *ud);
	void *parse_ud;
	/* the answer of text term @term known beforehand (the full-text
	 * index): 1 or 0, or -1 when it must be searched */
	int (*known)(const void *ud, size_t term);
	const void *known_ud;
	uint32_t date;          /* minutes since 1900-01-01, 0 when unknown */
	uint32_t versions;      /* texts of the cable among the inputs (versions=) */
	const struct str *tags;
	size_t ntags;
	const struct str *refs; /* the ids the cable cites */
	size_t nrefs;
	/* is the cable in the thread of term @term's cable (thread=)?  NULL:
	 * nobody knows */
	bool (*in_thread)(const void *ud, size_t term);
	const void *in_thread_ud;
	/* does cable @citer cite @cited?  (cited-by=; NULL: nobody knows) */
	bool (*cites)(const void *ud, struct str citer, struct str cited);
	const void *cites_ud;
	/* the reader's workspace (marked, noted, opened, collection=), or NULL */
	const struct workspace *ws;
	/* the people and offices, role first (people.h); with @people_keys
	 * (one number for each distinct value) and a @memo, each value's
	 * answer is found once */
	const struct str *people;
	const uint32_t *people_keys;
	size_t npeople;
	struct cf_memo *memo;
};

/* The answers of a filter's people terms for the values met, by key:
 * matching each of 250,000 cables' names costs more than the question. */
struct cf_memo;
struct cf_memo *cf_memo_new(void);
void cf_memo_free(struct cf_memo *m);

bool cfilter_match(const struct cfilter *f, const struct cf_subject *s);

/* Is term @t words to find in a text (a bare word, a phrase, a prefix,
 * text=, text~, near=), not negated?  The hits view and the reader's
 * highlights find these. */
bool cf_findable(const struct cf_term *t);

/* Each match of findable term @t in @text through @fn: a match of its
 * words or expression; for near=, each window of words that satisfies it
 * (near.h).  How many (@fn may be NULL: only how many). */
size_t cf_find(const struct cf_term *t, struct str text, void (*fn)(size_t start, size_t len, void *ud), void *ud);

/* Does @f have a findable term? */
bool cfilter_findable(const struct cfilter *f);

/* The same for a parsed cable. */
bool cfilter_match_cable(const struct cfilter *f, const struct cable *c);


#endif
