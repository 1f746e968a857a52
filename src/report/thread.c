/* thread.c -- a cable's thread as text (a tree) and as JSON */
#include "config.h"
#include "report/thread.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/minutes.h"
#include "base/util.h"
#include "doc/marking.h"

/* Each node's children, in the thread's order: kids[first[p] ..
 * first[p + 1]] are node indexes. */
struct tree {
	size_t *first, *kids;
};

static void tree_make(struct tree *tr, const struct thread *t)
{
	size_t *count = xcalloc(t->nn + 1, sizeof(*count));

	tr->first = xcalloc(t->nn + 2, sizeof(*tr->first));
	tr->kids = xcalloc(t->nn ? t->nn : 1, sizeof(*tr->kids));
	for (size_t k = 1; k < t->nn; k++)
		count[t->n[k].parent]++;
	for (size_t p = 0; p < t->nn; p++)
		tr->first[p + 1] = tr->first[p] + count[p];
	memset(count, 0, (t->nn + 1) * sizeof(*count));
	for (size_t k = 1; k < t->nn; k++) {
		size_t p = (size_t)t->n[k].parent;

		tr->kids[tr->first[p] + count[p]++] = k;
	}
	free(count);
}

static void tree_free(struct tree *tr)
{
	free(tr->first);
	free(tr->kids);
}

/* The cable of node @k as a row: date, post, id, level, subject. */
static void row(struct buf *out, const struct corpus *c, const struct thread_node *n)
{
	const struct centry *e;
	char date[11];

	if (n->entry < 0) {
		buf_printf(out, "%-10s  %-14s  %-18s  (not in the inputs)\n", "", "", corpus_str(c, n->ref));
		return;
	}
	e = corpus_entry(c, (size_t)n->entry);
	minutes_date(e->date, date);
	buf_printf(out, "%-10s  %-14.14s  %-18s  %-4s %s%s%s\n", date[0] ? date : "-", corpus_str(c, e->origin),
		   corpus_str(c, e->id), level_abbrev((enum level)e->level), corpus_str(c, e->subject),
		   n->again ? "  (above)" : "", n->more ? "  (+ more)" : "");
}

struct post_group {
	uint32_t origin;
	size_t n;
	uint32_t from, to;       /* dates, minutes */
};

/* More than THREAD_FAN children: a row a post, with how many and when. */
static void fan(struct buf *out, const struct corpus *c, const struct thread *t, const size_t *kids, size_t nk,
		const char *prefix)
{
	struct post_group *g = xcalloc(nk, sizeof(*g));
	size_t ng = 0;

	for (size_t i = 0; i < nk; i++) {
		const struct thread_node *n = &t->n[kids[i]];
		uint32_t origin = 0, date = 0;
		size_t k = 0;

		if (n->entry >= 0) {
			origin = corpus_entry(c, (size_t)n->entry)->origin;
			date = corpus_entry(c, (size_t)n->entry)->date;
		}
		while (k < ng && g[k].origin != origin)
			k++;
		if (k == ng) {
			g[ng].origin = origin;
			g[ng].from = g[ng].to = date;
			ng++;
		}
		g[k].n++;
		if (date && (!g[k].from || date < g[k].from))
			g[k].from = date;
		if (date > g[k].to)
			g[k].to = date;
	}
	for (size_t k = 0; k < ng; k++) {
		char a[11], b[11];

		minutes_date(g[k].from, a);
		minutes_date(g[k].to, b);
		buf_printf(out, "%s%s%-14s  %zu cable%s", prefix, k + 1 < ng ? "\xE2\x94\x9C\xE2\x94\x80 " : "\xE2\x94\x94\xE2\x94\x80 ",
			   g[k].origin ? corpus_str(c, g[k].origin) : "(not in the inputs)", g[k].n, g[k].n == 1 ? "" : "s");
		if (a[0])
			buf_printf(out, ", %s%s%s", a, strcmp(a, b) ? " \xE2\x80\x93 " : "", strcmp(a, b) ? b : "");
		buf_addc(out, '\n');
	}
	free(g);
}

/* The children of @p of one side (@up: what it cites), each a row with
 * its branch after it. */
static void branch(struct buf *out, const struct corpus *c, const struct thread *t, const struct tree *tr, size_t p,
		   bool up, struct buf *prefix)
{
	size_t *kids = xcalloc(tr->first[p + 1] - tr->first[p] + 1, sizeof(*kids)), nk = 0;

	for (size_t i = tr->first[p]; i < tr->first[p + 1]; i++)
		if ((t->n[tr->kids[i]].depth < 0) == up)
			kids[nk++] = tr->kids[i];
	if (nk > THREAD_FAN) {
		fan(out, c, t, kids, nk, prefix->p ? prefix->p : "");
		free(kids);
		return;
	}
	for (size_t i = 0; i < nk; i++) {
		size_t keep = prefix->n;
		bool last = i + 1 == nk;

		buf_adds(out, prefix->p ? prefix->p : "");
		buf_adds(out, last ? "\xE2\x94\x94\xE2\x94\x80 " : "\xE2\x94\x9C\xE2\x94\x80 ");
		row(out, c, &t->n[kids[i]]);
		buf_adds(prefix, last ? "   " : "\xE2\x94\x82  ");
		branch(out, c, t, tr, kids[i], up, prefix);
		prefix->n = keep;
		if (prefix->p)
			prefix->p[keep] = '\0';
	}
	free(kids);
}

void thread_text(struct buf *out, const struct corpus *c, const struct thread *t)
{
	struct tree tr;
	struct buf prefix = { 0 };

	if (!t->nn)
		return;
	tree_make(&tr, t);
	row(out, c, &t->n[0]);
	if (t->root_cited > t->root_cites) {
		buf_adds(out, "cites\n");
		branch(out, c, t, &tr, 0, true, &prefix);
	}
	if (t->nn > t->root_cited) {
		buf_adds(out, "cited by\n");
		branch(out, c, t, &tr, 0, false, &prefix);
	}
	buf_printf(out, "(%d level%s each way at most, %zu cable%s%s)\n", t->depth, t->depth == 1 ? "" : "s",
		   t->cables, t->cables == 1 ? "" : "s", t->cut ? "; more past them, not shown" : "");
	buf_free(&prefix);
	tree_free(&tr);
}

static void node_id(struct buf *out, const struct corpus *c, const struct thread_node *n)
{
	json_string(out, str_c(n->entry >= 0 ? corpus_str(c, corpus_entry(c, (size_t)n->entry)->id)
					     : corpus_str(c, n->ref)));
}

void thread_json(struct buf *out, const struct corpus *c, const struct thread *t)
{
	bool any = false;

	if (!t->nn)
		return;
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
}
