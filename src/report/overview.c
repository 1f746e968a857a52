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

/* The @most largest of @t into @out, largest first (ties by name). */
static size_t tally_top(const struct tally *t, const struct corpus *c, struct facet *out, size_t most,
			const char *field)
{
	size_t n = 0;

	for (size_t i = 0; i < t->cap; i++) {
		size_t k;
		const char *name;

		if (!t->key[i])
			continue;
		name = corpus_str(c, t->key[i]);
		for (k = n; k > 0; k--) {
			if (out[k - 1].count > t->count[i] ||
			    (out[k - 1].count == t->count[i] && strcmp(out[k - 1].label, name) <= 0))
				break;
			if (k < most)
				out[k] = out[k - 1];
		}
		if (k >= most)
			continue;
		memset(&out[k], 0, sizeof(out[k]));
		snprintf(out[k].label, sizeof(out[k].label), "%s", name);
		out[k].count = t->count[i];
		snprintf(out[k].term, sizeof(out[k].term), strchr(name, ' ') ? "%s=\"%s\"" : "%s=%s", field, name);
		if (n < most)
			n++;
	}
	return n;
}

static void tally_free(struct tally *t)
{
	free(t->key);
	free(t->count);
}

void overview_make(struct overview *o, const struct corpus *c, const uint32_t *rows, size_t n)
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
		for (int y = first; first && y <= last; y++) {
			struct facet *f = &o->spans[o->nspans++];

			snprintf(f->label, sizeof(f->label), "%04d", y);
			snprintf(f->term, sizeof(f->term), "date=%04d", y);
			f->count = years[y - 1966];
		}
	}
	for (size_t k = 0; k < o->nspans; k++)
		if (o->spans[k].count > o->most_span)
			o->most_span = o->spans[k].count;
	o->norigins = tally_top(&origins, c, o->origins, OVERVIEW_TOP, "origin");
	o->ntags = tally_top(&tags, c, o->tags, OVERVIEW_TOP, "tag");
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
	section(out, "Top origins", o->origins, o->norigins, 0, width);
	section(out, "Top TAGS", o->tags, o->ntags, 0, width);
	section(out, "Levels", o->levels, o->nlevels, 0, width);
	section(out, "Caveats", o->caveats, o->ncaveats, 0, width);
}

static void json_facets(struct buf *out, const char *name, const struct facet *f, size_t n, bool first)
{
	buf_printf(out, "%s\"%s\":[", first ? "" : ",", name);
	for (size_t i = 0; i < n; i++) {
		buf_adds(out, i ? ",{\"value\":" : "{\"value\":");
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
