/* thread.c -- a cable's thread as text (a tree) and as JSON */
#include "config.h"
#include "report/thread.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "base/minutes.h"
#include "base/text.h"
#include "base/util.h"
#include "doc/marking.h"

static void tree_make(struct thread_view *v, const struct thread *t)
{
	size_t *count = xcalloc(t->nn + 1, sizeof(*count));

	v->first = xcalloc(t->nn + 2, sizeof(*v->first));
	v->kids = xcalloc(t->nn ? t->nn : 1, sizeof(*v->kids));
	for (size_t k = 1; k < t->nn; k++)
		count[t->n[k].parent]++;
	for (size_t p = 0; p < t->nn; p++)
		v->first[p + 1] = v->first[p] + count[p];
	memset(count, 0, (t->nn + 1) * sizeof(*count));
	for (size_t k = 1; k < t->nn; k++) {
		size_t p = (size_t)t->n[k].parent;

		v->kids[v->first[p] + count[p]++] = k;
	}
	free(count);
}

/* The children of @p on one side (@up: what it cites) into @out; how many. */
static size_t side(const struct thread_view *v, size_t p, bool up, size_t *out)
{
	size_t n = 0;

	for (size_t i = v->first[p]; i < v->first[p + 1]; i++)
		if ((v->t->n[v->kids[i]].depth < 0) == up)
			out[n++] = v->kids[i];
	return n;
}

/* The fans of more than THREAD_FAN children, a group a post. */
static void make_groups(struct thread_view *v, const struct corpus *c)
{
	const struct thread *t = v->t;
	size_t *kids = xcalloc(t->nn ? t->nn : 1, sizeof(*kids)), cap = 0;

	for (size_t p = 0; p < t->nn; p++)
		for (int up = 0; up < 2; up++) {
			size_t nk = side(v, p, up, kids), start = v->ng;

			if (nk <= THREAD_FAN)
				continue;
			for (size_t i = 0; i < nk; i++) {
				const struct thread_node *n = &t->n[kids[i]];
				uint32_t origin = n->entry >= 0 ? corpus_entry(c, (size_t)n->entry)->origin : 0;
				uint32_t date = n->entry >= 0 ? corpus_entry(c, (size_t)n->entry)->date : 0;
				size_t k = start;
				struct thread_group *g;

				while (k < v->ng && v->g[k].origin != origin)
					k++;
				if (k == v->ng) {
					grow_array((void **)&v->g, &cap, v->ng + 1, sizeof(*v->g));
					memset(&v->g[k], 0, sizeof(v->g[k]));
					v->g[k].parent = p;
					v->g[k].up = up;
					v->g[k].origin = origin;
					v->g[k].nodes = xcalloc(nk, sizeof(size_t));
					v->ng++;
				}
				g = &v->g[k];
				g->nodes[g->n++] = kids[i];
				if (date && (!g->from || date < g->from))
					g->from = date;
				if (date > g->to)
					g->to = date;
			}
		}
	free(kids);
}

static void add_row(struct thread_view *v, enum thread_row_kind kind, size_t at, const struct buf *prefix)
{
	struct thread_row *r;

	grow_array((void **)&v->rows, &v->cap, v->nrows + 1, sizeof(*v->rows));
	r = &v->rows[v->nrows++];
	r->kind = kind;
	r->at = at;
	snprintf(r->prefix, sizeof(r->prefix), "%s", prefix->p ? prefix->p : "");
}

#define TEE "\xE2\x94\x9C\xE2\x94\x80 "
#define ELL "\xE2\x94\x94\xE2\x94\x80 "
#define BAR "\xE2\x94\x82  "

static void rows_of(struct thread_view *v, size_t p, bool up, struct buf *prefix);

/* Node @k's row and, unless folded, its branch; @last: the last of its
 * siblings. */
static void node_rows(struct thread_view *v, size_t k, bool up, bool last, struct buf *prefix)
{
	size_t keep = prefix->n;

	buf_adds(prefix, last ? ELL : TEE);
	add_row(v, TR_NODE, k, prefix);
	prefix->n = keep;
	buf_adds(prefix, last ? "   " : BAR);
	if (!v->folded[k])
		rows_of(v, k, up, prefix);
	prefix->n = keep;
	prefix->p[keep] = '\0';
}

/* The children of @p on one side, or its groups when it is a fan. */
static void rows_of(struct thread_view *v, size_t p, bool up, struct buf *prefix)
{
	size_t ng = 0, seen = 0;

	for (size_t k = 0; k < v->ng; k++)
		if (v->g[k].parent == p && v->g[k].up == up)
			ng++;
	if (ng) {
		for (size_t k = 0; k < v->ng; k++) {
			size_t keep = prefix->n;
			bool last;

			if (v->g[k].parent != p || v->g[k].up != up)
				continue;
			last = ++seen == ng;
			buf_adds(prefix, last ? ELL : TEE);
			add_row(v, TR_GROUP, k, prefix);
			prefix->n = keep;
			buf_adds(prefix, last ? "   " : BAR);
			for (size_t i = 0; v->g[k].open && i < v->g[k].n; i++)
				node_rows(v, v->g[k].nodes[i], up, i + 1 == v->g[k].n, prefix);
			prefix->n = keep;
			prefix->p[keep] = '\0';
		}
		return;
	}
	{
		size_t total = 0, done = 0;

		for (size_t i = v->first[p]; i < v->first[p + 1]; i++)
			total += (v->t->n[v->kids[i]].depth < 0) == up;
		for (size_t i = v->first[p]; i < v->first[p + 1]; i++)
			if ((v->t->n[v->kids[i]].depth < 0) == up) {
				done++;
				node_rows(v, v->kids[i], up, done == total, prefix);
			}
	}
}

void thread_view_rows(struct thread_view *v)
{
	struct buf prefix = { 0 };
	const struct thread *t = v->t;

	v->nrows = 0;
	if (!t->nn)
		return;
	buf_adds(&prefix, "");
	add_row(v, TR_NODE, 0, &prefix);
	if (t->root_cited > t->root_cites) {
		add_row(v, TR_TITLE, 0, &prefix);
		rows_of(v, 0, true, &prefix);
	}
	if (t->nn > t->root_cited) {
		add_row(v, TR_TITLE, 1, &prefix);
		rows_of(v, 0, false, &prefix);
	}
	buf_free(&prefix);
}

void thread_view_make(struct thread_view *v, const struct corpus *c, const struct thread *t)
{
	memset(v, 0, sizeof(*v));
	v->t = t;
	tree_make(v, t);
	v->folded = xcalloc(t->nn ? t->nn : 1, sizeof(*v->folded));
	make_groups(v, c);
	thread_view_rows(v);
}

void thread_view_free(struct thread_view *v)
{
	for (size_t k = 0; k < v->ng; k++)
		free(v->g[k].nodes);
	free(v->g);
	free(v->first);
	free(v->kids);
	thread_refs_free(v->written, v->nwritten);
	corpus_parser_free(v->wparser);
	free(v->folded);
	free(v->rows);
	memset(v, 0, sizeof(*v));
}

bool thread_refs_step(struct thread_view *v, const struct corpus *c, double budget_ms)
{
	const struct thread *t = v->t;
	double until = now_ms() + budget_ms;

	if (!v->written) {
		v->written = xcalloc(t->nn ? t->nn : 1, sizeof(*v->written));
		v->nwritten = t->nn;
		v->wparsed = -1;
	}
	for (; v->wnext < t->nn && v->wparses <= THREAD_REF_PARSES; v->wnext++) {
		const struct thread_node *n = &t->n[v->wnext];
		long citing = n->parent >= 0 ? t->n[n->parent].entry : -1;
		const char *id = corpus_str(c, n->ref);

		if (n->entry >= 0 || citing < 0 || n->depth >= 0)
			continue;
		if (citing != v->wparsed) {
			/* a parse a step at least; the clock read before each */
			if (v->wparses && now_ms() >= until)
				return false;
			if (++v->wparses > THREAD_REF_PARSES)
				break;
			if (!v->wparser)
				v->wparser = corpus_parser_new(c);
			v->wcable = corpus_parser_get(v->wparser, (size_t)citing);
			v->wparsed = citing;
		}
		for (size_t r = 0; v->wcable && r < v->wcable->nrefs; r++)
			if (str_eq_c(v->wcable->refs[r].id, id) && v->wcable->refs[r].text.n) {
				struct buf clean = { 0 };

				text_sanitize(v->wcable->refs[r].text, &clean, 0);
				buf_addc(&clean, '\0');
				v->written[v->wnext] = clean.p;
				break;
			}
	}
	v->wnext = t->nn;
	corpus_parser_free(v->wparser);
	v->wparser = NULL;
	v->wcable = NULL;
	return true;
}

char **thread_refs_written(const struct corpus *c, const struct thread *t)
{
	struct thread_view v;
	char **w;

	memset(&v, 0, sizeof(v));
	v.t = t;
	while (!thread_refs_step(&v, c, 1e12))
		;
	w = v.written;
	return w;
}

void thread_refs_free(char **w, size_t n)
{
	for (size_t k = 0; w && k < n; k++)
		free(w[k]);
	free(w);
}

void thread_node_text(struct buf *out, const struct corpus *c, const struct thread_node *n, const char *written)
{
	const struct centry *e;
	char date[11];

	if (n->entry < 0) {
		buf_printf(out, "%-10s  %-14s  %-18s  ", "", "", corpus_str(c, n->ref));
		if (written)
			buf_printf(out, "\"%s\" ", written);
		buf_adds(out, "(not in the inputs)");
		return;
	}
	e = corpus_entry(c, (size_t)n->entry);
	minutes_date(e->date, date);
	buf_printf(out, "%-10s  %-14.14s  %-18s  %-4s %s%s%s", date[0] ? date : "-", corpus_str(c, e->origin),
		   corpus_str(c, e->id), level_abbrev((enum level)e->level), corpus_str(c, e->subject),
		   n->again ? "  (above)" : "", n->more ? "  (+ more)" : "");
}

void thread_group_text(struct buf *out, const struct corpus *c, const struct thread_group *g)
{
	char a[11], b[11];

	minutes_date(g->from, a);
	minutes_date(g->to, b);
	buf_printf(out, "%-14s  %zu cable%s", g->origin ? corpus_str(c, g->origin) : "(not in the inputs)", g->n,
		   g->n == 1 ? "" : "s");
	if (a[0])
		buf_printf(out, ", %s%s%s", a, strcmp(a, b) ? " \xE2\x80\x93 " : "", strcmp(a, b) ? b : "");
}

void thread_said(struct buf *out, const struct thread *t)
{
	buf_printf(out, "%d level%s each way at most, %zu cable%s%s", t->depth, t->depth == 1 ? "" : "s", t->cables,
		   t->cables == 1 ? "" : "s", t->cut ? "; more past them" : "");
}

void thread_text(struct buf *out, const struct corpus *c, const struct thread *t)
{
	struct thread_view v;

	if (!t->nn)
		return;
	thread_view_make(&v, c, t);
	while (!thread_refs_step(&v, c, 1e12))
		;
	for (size_t i = 0; i < v.nrows; i++) {
		const struct thread_row *r = &v.rows[i];

		buf_adds(out, r->prefix);
		if (r->kind == TR_TITLE)
			buf_adds(out, r->at ? "cited by" : "cites");
		else if (r->kind == TR_GROUP)
			thread_group_text(out, c, &v.g[r->at]);
		else
			thread_node_text(out, c, &t->n[r->at], v.written[r->at]);
		buf_addc(out, '\n');
	}
	buf_addc(out, '(');
	thread_said(out, t);
	buf_adds(out, ")\n");
	thread_view_free(&v);
}

static void node_id(struct buf *out, const struct corpus *c, const struct thread_node *n)
{
	json_string(out, str_c(n->entry >= 0 ? corpus_str(c, corpus_entry(c, (size_t)n->entry)->id)
					     : corpus_str(c, n->ref)));
}

void thread_json(struct buf *out, const struct corpus *c, const struct thread *t)
{
	bool any = false;
	char **written;

	if (!t->nn)
		return;
	written = thread_refs_written(c, t);
	buf_adds(out, "{\"id\":");
	node_id(out, c, &t->n[0]);
	buf_printf(out, ",\"levels\":%d,\"cables\":%zu,\"cut\":%s,\"nodes\":[", t->depth, t->cables,
		   t->cut ? "true" : "false");
	/* each cable once: the first node of it */
	for (size_t k = 0; k < t->nn; k++) {
		const struct thread_node *n = &t->n[k];
		const struct centry *e;
		char date[11];

		if (n->again)
			continue;
		buf_adds(out, any ? ",{\"id\":" : "{\"id\":");
		any = true;
		node_id(out, c, n);
		buf_printf(out, ",\"depth\":%d,\"in_inputs\":%s", n->depth, n->entry >= 0 ? "true" : "false");
		if (written[k]) {
			buf_adds(out, ",\"as_written\":");
			json_string(out, str_c(written[k]));
		}
		if (n->entry >= 0) {
			e = corpus_entry(c, (size_t)n->entry);
			minutes_date(e->date, date);
			buf_adds(out, ",\"date\":");
			if (date[0])
				json_string(out, str_c(date));
			else
				buf_adds(out, "null");
			buf_adds(out, ",\"origin\":");
			json_string(out, str_c(corpus_str(c, e->origin)));
			buf_printf(out, ",\"level\":\"%s\",\"subject\":", level_abbrev((enum level)e->level));
			json_string(out, str_c(corpus_str(c, e->subject)));
		}
		buf_printf(out, ",\"more\":%s}", n->more ? "true" : "false");
	}
	/* every link: the citing cable to the cited */
	buf_adds(out, "],\"edges\":[");
	any = false;
	for (size_t k = 1; k < t->nn; k++) {
		const struct thread_node *n = &t->n[k], *p = &t->n[n->parent];
		bool up = n->depth < 0;

		buf_adds(out, any ? ",{\"from\":" : "{\"from\":");
		any = true;
		node_id(out, c, up ? p : n);
		buf_adds(out, ",\"to\":");
		node_id(out, c, up ? n : p);
		buf_addc(out, '}');
	}
	buf_adds(out, "]}\n");
	thread_refs_free(written, t->nn);
}
