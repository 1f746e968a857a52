/* overview.c -- the corpus at a glance */
#include "config.h"
#include "base/json.h"
#include "report/overview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/filter.h"
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

/* The @most largest of @t (OVERVIEW_ALL: all) into *@out, made here,
 * largest first (ties by name); how many there are in all to @all. */
static size_t tally_top(const struct tally *t, const struct corpus *c, struct facet **out, size_t most,
			const char *field, size_t *all)
{
	struct facet *f = xcalloc(t->n ? t->n : 1, sizeof(*f));
	size_t n = 0;

	for (size_t i = 0; i < t->cap; i++) {
		const char *name;

		if (!t->key[i])
			continue;
		name = corpus_str(c, t->key[i]);
		snprintf(f[n].label, sizeof(f[n].label), "%s", name);
		f[n].count = t->count[i];
		snprintf(f[n].term, sizeof(f[n].term), strchr(name, ' ') ? "%s=\"%s\"" : "%s=%s", field, name);
		n++;
	}
	if (n > 1)
		qsort(f, n, sizeof(*f), by_count);
	*out = f;
	*all = n;
	return n < most ? n : most;
}

void overview_free(struct overview *o)
{
	free(o->origins);
	free(o->tags);
	o->origins = o->tags = NULL;
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
	static const unsigned caveat_bits[] = { CAVEAT_NOFORN, CAVEAT_FOUO, CAVEAT_ORCON, CAVEAT_PROPIN,
						CAVEAT_NODIS, CAVEAT_EXDIS, CAVEAT_LIMDIS, CAVEAT_REL };
	struct tally origins = { 0 }, tags = { 0 };
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
	o->norigins = tally_top(&origins, c, &o->origins, top, "origin", &o->all_origins);
	o->ntags = tally_top(&tags, c, &o->tags, top, "tag", &o->all_tags);
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
	if (!n)
		return;
	buf_printf(out, "\n%s\n", title);
	for (size_t i = 0; i < n; i++) {
		if (f[i].empty_run) {
			/* a run of empty years, one line */
			buf_printf(out, "  %s%*s %8s\n", f[i].label, 16 - 9, "", "none");
			continue;
		}
		buf_printf(out, "  %-16s %8zu  ", f[i].label, f[i].count);
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
	buf_adds(out, "}\n");
}
