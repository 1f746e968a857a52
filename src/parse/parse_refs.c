/* parse_refs.c -- REF lists: lettered (A. B) (C)) or numbered items, over
 * several lines, with stray pilcrows, "AND 2764" reusing the station before,
 * missing years, and references that are not cables at all. */
#include "config.h"
#include "parse/parse_refs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "doc/ids.h"
#include "doc/stations.h"

/* The year of a REF that writes none: the citing cable's, unless that
 * makes it a later serial of the citing post itself ("ROME 451" cited by
 * ROME 97 of 26 January): then the year before, said. */
static int default_year(struct parser *p, const struct ref_hit *h)
{
	struct buf *b = &p->noyear;
	int y = p->year;

	if (p->serial > 0 && strcmp(h->station, p->station) == 0 && atol(h->serial) > p->serial) {
		b = &p->earlier;
		y = p->year - 1;
	}
	/* no printf: this runs for most REFs of the dump */
	if (b->n)
		buf_adds(b, ", ");
	buf_adds(b, h->station);
	buf_addc(b, ' ');
	buf_adds(b, h->serial);
	return y;
}

static void ref_ids(struct parser *p, size_t first, struct str item, struct str label)
{
	struct cable *c = p->c;
	struct ref_read read, *rr = &read;
	bool used_first = false;

	if (p->meta && p->meta->no_ref_ids)
		return;
	ref_item_read(p, item, label, rr);
	if (rr->loose) {
		/* a number no cable took: a report, a message of a date, a cable not read */
		if (p->notcable.n)
			buf_adds(&p->notcable, "; ");
		if (label.n)
			buf_printf(&p->notcable, "%.*s: ", (int)label.n, label.p);
		buf_printf(&p->notcable, "%.*s", (int)MIN(item.n, 160), item.p);
	}
	for (size_t i = 0; i < rr->nhits; i++) {
		const struct ref_hit *h = &rr->hit[i];
		char id[ID_MAX];
		int y = h->year;

		if (y < 0) {
			if (p->year < 0) {
				/* no year anywhere: no id, but the serial is said */
				if (p->undated.n)
					buf_adds(&p->undated, ", ");
				buf_adds(&p->undated, h->station);
				buf_addc(&p->undated, ' ');
				buf_adds(&p->undated, h->serial);
				continue;
			}
			y = default_year(p, h);
		} else if (y == p->year && p->serial > 0 && strcmp(h->station, p->station) == 0 &&
			   atol(h->serial) > p->serial) {
			/* "10 BUENOS AIRES 118" in BUENOS AIRES 111: as written, said */
			cable_caution(c, "REF %s %s of %d names a later cable of this post than this one (%ld); kept as written",
				   h->station, h->serial, y, p->serial);
		}
		if (!id_from_parts(y, str_c(h->station), str_c(h->serial), id))
			continue;
		if (!used_first) {
			c->refs[first].id = keep(p, str_c(id));
			used_first = true;
		} else {
			struct reference *r = cable_add_ref(c);

			r->label = label;
			r->text = h->text;
			r->at = text_span(p, r->text);
			r->id = keep(p, str_c(id));
		}
	}
}

static void add_ref(struct parser *p, struct str label, struct str item)
{
	struct cable *c = p->c;
	struct reference *r;

	item = str_trim(item);
	while (item.n && (item.p[item.n - 1] == ';' || item.p[item.n - 1] == ','))
		item.n--;
	item = str_trim(item);
	if (!item.n)
		return;
	r = cable_add_ref(c);
	r->label = label;
	r->at = text_span(p, item);
	r->text = join_wrapped(p, item);
	ref_ids(p, c->nrefs - 1, r->text, label);
}

/* A REF label at @i: "A.", "B)", "(C)", "¶B." (a stray pilcrow), "1.".
 * Sets where the label starts, the label character, and the item text. */
static bool ref_label_at(struct str v, size_t i, char want, size_t *lstart, size_t *letter,
			 size_t *text)
{
	size_t k = i;

	if (i > 0 && !(v.p[i - 1] == ' ' || v.p[i - 1] == ';' || v.p[i - 1] == ',' ||
		       v.p[i - 1] == '\n' || v.p[i - 1] == '\t'))
		return false;
	if (is_pilcrow_at(v, k))
		k += 2;
	if (k < v.n && (v.p[k] == '(' || v.p[k] == '[') && k + 2 < v.n && to_upper((unsigned char)v.p[k + 1]) == want &&
	    (v.p[k + 2] == ')' || v.p[k + 2] == ']')) {
		*lstart = i;
		*letter = k + 1;
		*text = k + 3;
		return true;
	}
	if (k + 1 < v.n && to_upper((unsigned char)v.p[k]) == want &&
	    (v.p[k + 1] == '.' || v.p[k + 1] == ')' || (v.p[k + 1] == ':' && is_upper((unsigned char)v.p[k]))) &&
	    (k + 2 >= v.n || v.p[k + 2] == ' ' || is_upper((unsigned char)v.p[k + 2]) ||
	     is_digit((unsigned char)v.p[k + 2]) || v.p[k + 2] == '\n')) {
		*lstart = i;
		*letter = k;
		*text = k + 2;
		return true;
	}
	return false;
}

void parse_refs(struct parser *p, struct str v)
{
	size_t lstarts[27], starts[27], letters[27], n = 0;
	size_t lstart, letter, text;
	char stray[27];
	size_t nstray = 0;

	/* lettered items (A. B. C.), or else numbered ones (1. 2. 3.), in sequence */
	for (size_t i = 0; i < v.n && n < 26; i++) {
		if (ref_label_at(v, i, (char)('A' + n), &lstart, &letter, &text)) {
			if (is_pilcrow_at(v, lstart))
				stray[nstray++] = (char)('A' + n);
			lstarts[n] = lstart;
			letters[n] = letter;
			starts[n] = text;
			n++;
			i = text - 1;
		}
	}
	if (n == 0) {
		size_t k = 0;

		for (size_t j = 0; j < v.n && k < 9; j++) {
			if (!ref_label_at(v, j, (char)('1' + k), &lstart, &letter, &text))
				continue;
			lstarts[k] = lstart;
			letters[k] = letter;
			starts[k] = text;
			k++;
			j = text - 1;
		}
		if (k >= 2)
			n = k;
	}
	if (nstray == 1)
		cable_warn(p->c, "a stray pilcrow before REF %c; removed", stray[0]);
	else if (nstray)
		cable_warn(p->c, "stray pilcrows before REF %c to %c; removed", stray[0], stray[nstray - 1]);
	if (n) {
		/* "REF: 09 STATE 96625; A. A)STATE 70789": what comes before the first label */
		if (str_trim(str_make(v.p, lstarts[0])).n)
			add_ref(p, STR_NULL, str_make(v.p, lstarts[0]));
		for (size_t k = 0; k < n; k++) {
			size_t end = k + 1 < n ? lstarts[k + 1] : v.n;

			add_ref(p, str_make(v.p + letters[k], 1), str_make(v.p + starts[k], end - starts[k]));
		}
		return;
	}
	/* no labels: items split by ';' */
	while (v.n) {
		const char *semi = memchr(v.p, ';', v.n);
		size_t len = semi ? (size_t)(semi - v.p) : v.n;

		add_ref(p, STR_NULL, str_make(v.p, len));
		v = semi ? str_make(semi + 1, v.n - len - 1) : STR_NULL;
	}
}

/* "POLITICAL MINISTER COUNSELOR TOM COUNTRYMAN, REASONS 1.4" and variants. */
