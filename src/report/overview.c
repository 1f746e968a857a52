/* overview.c -- the corpus at a glance */
#include "config.h"
#include "base/json.h"
#include "report/overview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/filter.h"
#include "doc/people.h"
#include "doc/tags.h"
#include "base/util.h"

/* A count by pool string (origins, tags): open addressing on the offset. */
struct tally {
	uint32_t *key;
	size_t *count;
	size_t cap, n;
};

static void tally_add(struct tally *t, uint32_t key)
{
	size_t h;

	if (!key)
		return;
	if ((t->n + 1) * 2 > t->cap) {
		struct tally bigger = { 0 };

		bigger.cap = t->cap ? t->cap * 2 : 256;
		bigger.key = xcalloc(bigger.cap, sizeof(*bigger.key));
		bigger.count = xcalloc(bigger.cap, sizeof(*bigger.count));
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->key[i])
				continue;
			h = t->key[i] * 2654435761u % bigger.cap;
			while (bigger.key[h])
				h = (h + 1) % bigger.cap;
			bigger.key[h] = t->key[i];
			bigger.count[h] = t->count[i];
			bigger.n++;
		}
		free(t->key);
		free(t->count);
		*t = bigger;
	}
	h = key * 2654435761u % t->cap;
	while (t->key[h] && t->key[h] != key)
		h = (h + 1) % t->cap;
	if (!t->key[h]) {
		t->key[h] = key;
		t->n++;
	}
	t->count[h]++;
}

static int by_count(const void *a, const void *b)
{
	const struct facet *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->label, y->label);
}

static int by_label(const void *a, const void *b)
{
	return strcmp(((const struct facet *)a)->label, ((const struct facet *)b)->label);
}

/* The filter term of @field for the value @name: quoted when it has a
 * blank (or a comma, a bar), with the quote it does not hold; false when
 * it holds both. */
static bool facet_term(char *term, size_t size, const char *field, const char *name)
{
	bool dq = strchr(name, '"') != NULL, sq = strchr(name, '\'') != NULL;

	if (dq && sq)
		return false;
	if (!strpbrk(name, " \t|") && !dq && !(sq && name[0] == '\''))
		snprintf(term, size, "%s=%s", field, name);
	else
		snprintf(term, size, dq ? "%s='%s'" : "%s=\"%s\"", field, name);
	return true;
}

/* The @most largest of @t (OVERVIEW_ALL: all) into *@out, made here,
 * largest first (ties by name); how many there are in all to @all.  The
 * labels are the strings less their first @skip bytes (people.h's role),
 * and equal labels are one facet (an office both TO and INFO). */
static size_t tally_top(const struct tally *t, const struct corpus *c, struct facet **out, size_t most,
			const char *field, size_t *all, size_t skip)
{
	struct facet *f = xcalloc(t->n ? t->n : 1, sizeof(*f));
	size_t n = 0;

	for (size_t i = 0; i < t->cap; i++) {
		const char *name;

		if (!t->key[i])
			continue;
		name = corpus_str(c, t->key[i]);
		name += strlen(name) >= skip ? skip : strlen(name);
		if (!facet_term(f[n].term, sizeof(f[n].term), field, name))
			continue;
		snprintf(f[n].label, sizeof(f[n].label), "%s", name);
		f[n].count = t->count[i];
		n++;
	}
	if (skip && n > 1) {
		size_t k = 0;

		qsort(f, n, sizeof(*f), by_label);
		for (size_t i = 1; i < n; i++) {
			if (strcmp(f[i].label, f[k].label) == 0)
				f[k].count += f[i].count;
			else
				f[++k] = f[i];
		}
		n = k + 1;
	}
	if (n > 1)
		qsort(f, n, sizeof(*f), by_count);
	*out = f;
	*all = n;
	return n < most ? n : most;
}

/* The facet of a value's role (WHO_...), or -1 (the FM line has none). */
static int who_of(char role)
{
	switch (role) {
	case ROLE_SIGNER: return WHO_SIGNER;
	case ROLE_CLASSIFIER: return WHO_CLASSIFIER;
	case ROLE_PERSON: return WHO_PERSON;
	case ROLE_TO:
	case ROLE_INFO: return WHO_ADDRESSEE;
	default: return -1;
	}
}

/* The people and offices of entry @e into the tallies of the facets
 * @want asks (1 << WHO_...): an office both TO and INFO of one cable
 * counted once. */
static void tally_people(struct tally *who, const struct corpus *c, size_t e, unsigned want)
{
	const uint32_t *p;
	size_t n = corpus_people(c, e, &p);

	for (size_t k = 0; k < n; k++) {
		struct str v = str_c(corpus_str(c, p[k]));
		int w = who_of(people_role(v));
		bool twice = false;

		if (w < 0 || !(want >> w & 1))
			continue;
		/* an office both TO and INFO of the cable: once, as TO */
		for (size_t j = 0; people_role(v) == ROLE_INFO && j < n && !twice; j++) {
			const char *o = corpus_str(c, p[j]);

			twice = o[0] == ROLE_TO && strcmp(o + 2, v.p + 2) == 0;
		}
		if (!twice)
			tally_add(&who[w], p[k]);
	}
}

void overview_free(struct overview *o)
{
	free(o->origins);
	free(o->tags);
	o->origins = o->tags = NULL;
	for (int w = 0; w < WHO_COUNT; w++) {
		free(o->who[w]);
		o->who[w] = NULL;
	}
}

static void tally_free(struct tally *t)
{
	free(t->key);
	free(t->count);
}

/* The years from @first to @last, a run of two or more without a cable
 * one row. */
static void year_rows(struct overview *o, const size_t *years, int first, int last)
{
	for (int y = first; first && y <= last; y++) {
		struct facet *f = &o->spans[o->nspans++];
		int run = 0;

		while (y + run <= last && !years[y + run - 1966])
			run++;
		if (run >= 2) {
			snprintf(f->label, sizeof(f->label), "%04d\xE2\x80\x93%04d", y, y + run - 1);
			f->empty_run = run;
			y += run - 1;
			continue;
		}
		snprintf(f->label, sizeof(f->label), "%04d", y);
		snprintf(f->term, sizeof(f->term), "date=%04d", y);
		f->count = years[y - 1966];
	}
}

void overview_make(struct overview *o, const struct corpus *c, const uint32_t *rows, size_t n, size_t top)
{
	overview_make_some(o, c, rows, n, top, WHO_ALL);
}

void overview_make_some(struct overview *o, const struct corpus *c, const uint32_t *rows, size_t n, size_t top,
			unsigned people)
{
	static const unsigned caveat_bits[] = { CAVEAT_NOFORN, CAVEAT_FOUO, CAVEAT_ORCON, CAVEAT_PROPIN,
						CAVEAT_NODIS, CAVEAT_EXDIS, CAVEAT_LIMDIS, CAVEAT_REL };
	static const char *const who_field[WHO_COUNT] = { "signer", "classified-by", "addressee", "person" };
	struct tally origins = { 0 }, tags = { 0 }, who[WHO_COUNT] = { { 0 } };
	size_t years[OVERVIEW_SPANS] = { 0 }, months[12] = { 0 }, levels[LEVEL_COUNT] = { 0 }, caveats[8] = { 0 };
	int first = 0, last = 0;

	memset(o, 0, sizeof(*o));
	o->cables = n;
	for (size_t i = 0; i < n; i++) {
		const struct centry *e = corpus_entry(c, rows[i]);
		const uint32_t *t;
		size_t nt = corpus_tags(c, rows[i], &t);
		char d[11];

		minutes_date(e->date, d);
		if (d[0]) {
			int y = atoi(d), m = atoi(d + 5);

			if (y >= 1966 && y < 1966 + OVERVIEW_SPANS) {
				years[y - 1966]++;
				first = !first || y < first ? y : first;
				last = y > last ? y : last;
			}
			if (m >= 1 && m <= 12)
				months[m - 1]++;
		} else {
			o->undated++;
		}
		tally_add(&origins, e->origin);
		for (size_t k = 0; k < nt; k++)
			tally_add(&tags, t[k]);
		if (people)
			tally_people(who, c, rows[i], people);
		if (e->level < LEVEL_COUNT)
			levels[e->level]++;
		for (size_t k = 0; k < 8; k++)
			if (e->caveats & caveat_bits[k])
				caveats[k]++;
	}
	o->by_month = first && first == last;
	o->year = first;
	if (o->by_month) {
		for (int m = 0; m < 12; m++) {
			struct facet *f = &o->spans[o->nspans++];

			snprintf(f->label, sizeof(f->label), "%04d-%02d", first, m + 1);
			snprintf(f->term, sizeof(f->term), "date=%04d-%02d", first, m + 1);
			f->count = months[m];
		}
	} else {
		year_rows(o, years, first, last);
	}
	for (size_t k = 0; k < o->nspans; k++)
		if (o->spans[k].count > o->most_span)
			o->most_span = o->spans[k].count;
	o->norigins = tally_top(&origins, c, &o->origins, top, "origin", &o->all_origins, 0);
	o->ntags = tally_top(&tags, c, &o->tags, top, "tag", &o->all_tags, 0);
	for (int w = 0; w < WHO_COUNT; w++) {
		o->nwho[w] = tally_top(&who[w], c, &o->who[w], top, who_field[w], &o->all_who[w], 2);
		tally_free(&who[w]);
	}
	for (size_t k = 0; k < o->ntags; k++) {
		const struct tag_entry *te = tags_lookup(str_c(o->tags[k].label));

		o->tags[k].meaning = te && te->meaning[0] ? te->meaning : NULL;
	}
	for (int l = LEVEL_COUNT - 1; l > LEVEL_NONE; l--) {
		struct facet *f;

		if (!levels[l])
			continue;
		f = &o->levels[o->nlevels++];
		snprintf(f->label, sizeof(f->label), "%s", level_abbrev((enum level)l));
		snprintf(f->term, sizeof(f->term), "level=%s", level_abbrev((enum level)l));
		f->count = levels[l];
	}
	for (size_t k = 0; k < 8; k++) {
		struct facet *f;

		if (!caveats[k])
			continue;
		f = &o->caveats[o->ncaveats++];
		snprintf(f->label, sizeof(f->label), "%s", caveat_name(caveat_bits[k]));
		snprintf(f->term, sizeof(f->term), "caveat=%s", caveat_name(caveat_bits[k]));
		f->count = caveats[k];
	}
	tally_free(&origins);
	tally_free(&tags);
}

void overview_bar(struct buf *out, size_t count, size_t most, int cols)
{
	static const char *const eighths[] = { "", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D", "\xE2\x96\x8C",
					       "\xE2\x96\x8B", "\xE2\x96\x8A", "\xE2\x96\x89" };
	size_t units = most ? (count * (size_t)cols * 8 + most / 2) / most : 0;

	/* a count that is not 0 always shows */
	if (count && !units)
		units = 1;
	for (size_t i = 0; i < units / 8; i++)
		buf_adds(out, "\xE2\x96\x88");
	buf_adds(out, eighths[units % 8]);
}

static void section(struct buf *out, const char *title, const struct facet *f, size_t n, size_t most, int width)
{
	int labw = 16;

	if (!n)
		return;
	/* names wider than the column: the column as wide as the widest (to 48) */
	for (size_t i = 0; i < n; i++)
		if (!f[i].empty_run && strlen(f[i].label) > (size_t)labw)
			labw = (int)MIN(strlen(f[i].label), (size_t)48);
	buf_printf(out, "\n%s\n", title);
	for (size_t i = 0; i < n; i++) {
		if (f[i].empty_run) {
			/* a run of empty years, one line */
			buf_printf(out, "  %s%*s %8s\n", f[i].label, 16 - 9, "", "none");
			continue;
		}
		buf_printf(out, "  %-*s %8zu  ", labw, f[i].label, f[i].count);
		if (most)
			overview_bar(out, f[i].count, most, width - 30 > 10 ? width - 30 : 10);
		else if (f[i].meaning)
			buf_adds(out, f[i].meaning);
		buf_addc(out, '\n');
	}
}

void overview_text(struct buf *out, const struct overview *o, int width)
{
	buf_printf(out, "%zu cable%s", o->cables, o->cables == 1 ? "" : "s");
	if (o->undated)
		buf_printf(out, " (%zu without a date)", o->undated);
	buf_addc(out, '\n');
	section(out, o->by_month ? "Cables a month" : "Cables a year", o->spans, o->nspans, o->most_span, width);
	section(out, o->norigins < o->all_origins ? "Top origins" : "Origins", o->origins, o->norigins, 0, width);
	section(out, o->ntags < o->all_tags ? "Top TAGS" : "TAGS", o->tags, o->ntags, 0, width);
	section(out, "Levels", o->levels, o->nlevels, 0, width);
	section(out, "Caveats", o->caveats, o->ncaveats, 0, width);
	for (int w = 0; w < WHO_COUNT; w++)
		section(out, overview_who_title(o, w), o->who[w], o->nwho[w], 0, width);
}

const char *overview_who_title(const struct overview *o, int w)
{
	static const char *const titles[WHO_COUNT][2] = { { "Signers", "Top signers" },
							  { "Classified by", "Top classifiers" },
							  { "Addressees (TO and INFO)", "Top addressees (TO and INFO)" },
							  { "People (TAGS)", "Top people (TAGS)" } };

	return titles[w][o->nwho[w] < o->all_who[w]];
}

static void json_facets(struct buf *out, const char *name, const struct facet *f, size_t n, bool first)
{
	bool any = false;

	buf_printf(out, "%s\"%s\":[", first ? "" : ",", name);
	for (size_t i = 0; i < n; i++) {
		/* machines get every year: a run of empty ones, each with 0 */
		if (f[i].empty_run) {
			int y0 = atoi(f[i].label);

			for (int y = y0; y < y0 + f[i].empty_run; y++) {
				buf_printf(out, "%s{\"value\":\"%04d\",\"cables\":0,\"filter\":\"date=%04d\"}", any ? "," : "", y, y);
				any = true;
			}
			continue;
		}
		buf_adds(out, any ? ",{\"value\":" : "{\"value\":");
		any = true;
		json_string(out, str_c(f[i].label));
		buf_printf(out, ",\"cables\":%zu", f[i].count);
		if (f[i].meaning) {
			buf_adds(out, ",\"meaning\":");
			json_string(out, str_c(f[i].meaning));
		}
		buf_adds(out, ",\"filter\":");
		json_string(out, str_c(f[i].term));
		buf_addc(out, '}');
	}
	buf_addc(out, ']');
}

void overview_json(struct buf *out, const struct overview *o)
{
	buf_printf(out, "{\"cables\":%zu,\"undated\":%zu,", o->cables, o->undated);
	json_facets(out, o->by_month ? "months" : "years", o->spans, o->nspans, true);
	json_facets(out, "origins", o->origins, o->norigins, false);
	json_facets(out, "tags", o->tags, o->ntags, false);
	json_facets(out, "levels", o->levels, o->nlevels, false);
	json_facets(out, "caveats", o->caveats, o->ncaveats, false);
	json_facets(out, "signers", o->who[WHO_SIGNER], o->nwho[WHO_SIGNER], false);
	json_facets(out, "classifiers", o->who[WHO_CLASSIFIER], o->nwho[WHO_CLASSIFIER], false);
	json_facets(out, "addressees", o->who[WHO_ADDRESSEE], o->nwho[WHO_ADDRESSEE], false);
	json_facets(out, "people", o->who[WHO_PERSON], o->nwho[WHO_PERSON], false);
	buf_adds(out, "}\n");
}
