/* corpus_select.c -- choosing and ordering a corpus's cables: a filter
 * applied in steps (the full-text index answering the text terms it can,
 * the others read in the cables), then a sort. */
#include "config.h"
#include "corpus/corpus_internal.h"
#include "corpus/fts/fts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/ids.h"
#include "doc/people.h"
#include "base/util.h"

/* True when @s is ASCII without an entity: its words are its rows' words. */
static bool plain_ascii(struct str s)
{
	size_t i = 0;

	for (; i + 8 <= s.n; i += 8) {
		uint64_t w;

		memcpy(&w, s.p + i, 8);
		if (w & 0x8080808080808080u)
			return false;
	}
	for (; i < s.n; i++)
		if ((unsigned char)s.p[i] >= 0x80)
			return false;
	return !memchr(s.p, '&', s.n);
}

struct parse_ctx {
	struct corpus *c;
	size_t i;
};

static const struct cable *parse_for_scan(void *ud)
{
	struct parse_ctx *pc = ud;

	return scan_cable(pc->c, pc->i);
}


/* The people fields, as bits of cquery.fields. */
#define CF_PEOPLE_BITS ((1u << CF_SIGNER) | (1u << CF_CLASSIFIED_BY) | (1u << CF_FROM) | (1u << CF_TO) | \
			(1u << CF_INFO) | (1u << CF_ADDRESSEE) | (1u << CF_PERSON))

unsigned corpus_list_needs(const struct cfilter *f, bool people, bool refs)
{
	unsigned fields = 0, leave = 0;

	for (size_t i = 0; f && i < f->n; i++)
		fields |= 1u << f->terms[i].field;
	if (!people && !(fields & CF_PEOPLE_BITS))
		leave |= LIST_NO_PEOPLE;
	/* cites= and cited-by= read the references, thread= follows them */
	if (!refs && !(fields & ((1u << CF_CITES) | (1u << CF_CITED_BY) | (1u << CF_THREAD))))
		leave |= LIST_NO_REFS;
	return leave;
}

/* ---------------------------------------------------------------- selecting */

const char *sort_name(enum sort_key k)
{
	static const char *const names[SORT_COUNT] = { "file order", "date", "id", "origin", "classification",
						       "relevance" };

	return (unsigned)k < SORT_COUNT ? names[k] : "";
}

/* How the rows are ordered: passed to the comparison, never kept aside. */
struct order {
	const struct corpus *c;
	enum sort_key by;
	bool reverse;
};

static int cmp_entries(const void *pa, const void *pb, void *ud)
{
	const struct order *o = ud;
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const struct centry *x = &o->c->e[a], *y = &o->c->e[b];
	int r = 0;

	/* a cable without a date goes last whichever way the list runs */
	if (o->by == SORT_DATE && (!x->date) != (!y->date))
		return x->date ? -1 : 1;
	switch (o->by) {
	case SORT_DATE:
		r = (x->date > y->date) - (x->date < y->date);
		break;
	case SORT_ID:
		r = id_compare(corpus_str(o->c, x->id), corpus_str(o->c, y->id));
		break;
	case SORT_ORIGIN:
		r = strcmp(corpus_str(o->c, x->origin), corpus_str(o->c, y->origin));
		if (!r)
			r = (x->date > y->date) - (x->date < y->date);
		break;
	case SORT_LEVEL:
		r = (x->level < y->level) - (x->level > y->level);   /* highest first */
		if (!r)
			r = (x->date > y->date) - (x->date < y->date);
		break;
	case SORT_INPUT:
	case SORT_RELEVANCE:
	case SORT_COUNT:
		break;
	}
	if (o->reverse)
		r = -r;
	return r ? r : (a > b) - (a < b);
}

/* A row and its BM25 score (lower is more relevant). */
struct ranked {
	double score;
	uint32_t entry;
};

static int cmp_ranked(const void *pa, const void *pb, void *ud)
{
	const struct ranked *a = pa, *b = pb;
	int r = (a->score > b->score) - (a->score < b->score);

	if (*(const bool *)ud)
		r = -r;
	return r ? r : (a->entry > b->entry) - (a->entry < b->entry);
}

/* Orders the rows by relevance: the sum of the scores of the text terms
 * the index answered with one (file order when none did). */
static void rank_rows(const struct corpus *c, struct cquery *q)
{
	struct ranked *r = xmalloc((q->n ? q->n : 1) * sizeof(*r));

	for (size_t i = 0; i < q->n; i++) {
		r[i].entry = q->rows[i];
		r[i].score = q->job && q->asked ? fts_job_score(q->job, q->rows[i]) : 0;
	}
	qsort_r(r, q->n, sizeof(*r), cmp_ranked, &q->reverse);
	for (size_t i = 0; i < q->n; i++)
		q->rows[i] = r[i].entry;
	free(r);
	(void)c;
}

/* Does the cable @citer of the corpus cite @cited?  (cited-by=) */
static bool corpus_cites(const void *ud, struct str citer, struct str cited)
{
	const struct corpus *c = ud;
	char id[64];
	long e;
	const uint32_t *r;
	size_t n;

	snprintf(id, sizeof(id), "%.*s", (int)citer.n, citer.p);
	e = corpus_find(c, id);
	if (e < 0)
		return false;
	n = list_get(c, c->e[e].refs, &r);
	for (size_t k = 0; k < n; k++) {
		bool moved;
		long t = corpus_ref_target(c, (size_t)e, corpus_str(c, r[k]), &moved);

		if (t >= 0 && str_ieq(cited, corpus_str(c, c->e[t].id)))
			return true;
	}
	return false;
}

/* The index's answer to text term @term for the entry being looked at. */
struct known_ctx {
	const struct cquery *q;
	const struct cfilter *f;
	uint32_t entry;
};

/* Is the entry looked at in the thread of term @term (thread=)? */
static bool thread_member(const void *ud, size_t term)
{
	const struct known_ctx *k = ud;

	return k->q->threads && k->q->threads[term] && k->q->threads[term][k->entry];
}

static int known_answer(const void *ud, size_t term)
{
	const struct known_ctx *k = ud;
	const struct cf_term *t;
	bool pass;

	if (!k->q->job || !k->q->asked || !fts_job_answered(k->q->job, term))
		return -1;
	/* the answer is of all the answered terms at once: what the term
	 * would say before its negation that makes it hold, or not */
	t = &k->f->terms[term];
	pass = fts_job_passes(k->q->job, k->entry);
	return pass != (t->negate != (t->op == CF_NE));
}

/* Does entry @i pass @f (the answers of @q's index beside it)? */
static bool entry_passes(struct corpus *c, const struct cfilter *f, const struct cquery *q, bool text, size_t i)
{
	struct known_ctx kc = { q, f, (uint32_t)i };
	struct parse_ctx pc;
	struct loaded tmp;
	const struct centry *e = &c->e[i];
	struct str tags[128], refs[128], people[PEOPLE_MAX];
	const uint32_t *r;
	size_t nr = list_get(c, e->refs, &r);
	struct cf_subject s;
	const uint32_t *t;
	size_t nt = list_get(c, e->tags, &t);
	/* only the fields the filter looks at: measuring every string of
	 * every entry was half the time of a filter on the level */
	unsigned need = q ? q->fields : ~0u;

	memset(&s, 0, sizeof(s));
	s.level = (enum level)e->level;
	s.caveats = e->caveats;
	s.date = e->date;
	if (need & (1u << CF_ORIGIN)) {
		s.origin = str_c(corpus_str(c, e->origin));
		s.origin_name = str_c(corpus_str(c, e->origin_name));
	}
	if (need & ((1u << CF_ID) | (1u << CF_SERIAL) | (1u << CF_CITED_BY) | (1u << CF_MARKED) | (1u << CF_NOTED) |
		    (1u << CF_OPENED) |
		    (1u << CF_COLLECTION) | (1u << CF_NOTE)))
		s.id = str_c(corpus_str(c, e->id));
	if (need & (1u << CF_SUBJECT))
		s.subject = str_c(corpus_str(c, e->subject));
	if (need & (1u << CF_TAG)) {
		for (size_t k = 0; k < nt && k < 128; k++)
			tags[k] = str_c(corpus_str(c, t[k]));
		s.tags = tags;
		s.ntags = MIN(nt, (size_t)128);
	}
	if (need & (1u << CF_CITES)) {
		/* the cables the references lead to in the corpus, or the ids as written */
		for (size_t k = 0; k < nr && k < 128; k++) {
			bool moved;
			long tt = corpus_ref_target(c, i, corpus_str(c, r[k]), &moved);

			refs[k] = str_c(corpus_str(c, tt >= 0 ? c->e[tt].id : r[k]));
		}
		s.refs = refs;
		s.nrefs = MIN(nr, (size_t)128);
	}
	if (need & CF_PEOPLE_BITS) {
		const uint32_t *pk;
		size_t np = list_get(c, e->people, &pk);

		for (size_t k = 0; k < np && k < PEOPLE_MAX; k++)
			people[k] = str_c(corpus_str(c, pk[k]));
		s.people = people;
		s.people_keys = pk;
		s.npeople = MIN(np, (size_t)PEOPLE_MAX);
		s.memo = q ? q->memo : NULL;
	}
	if (need & (1u << CF_VERSIONS))
		s.versions = (uint32_t)corpus_versions(c, i, NULL, 0);
	s.cites = corpus_cites;
	s.cites_ud = c;
	if (q && q->threads) {
		s.in_thread = thread_member;
		s.in_thread_ud = &kc;
	}
	s.ws = c->ws;
	if (q && q->job && q->asked) {
		s.known = known_answer;
		s.known_ud = &kc;
	}
	if (text) {
		bool ok;

		/* a regular expression reads the record's bytes; words read
		 * the cable's rows, parsed only when the bytes may hold them */
		if (!record_bytes(c, i, &tmp, &s.text))
			return false;
		s.text_plain = e->format == FORMAT_CSV && plain_ascii(s.text);
		pc.c = c;
		pc.i = i;
		s.parse = parse_for_scan;
		s.parse_ud = &pc;
		ok = cfilter_match(f, &s);
		source_unload(&tmp);
		return ok;
	}
	return cfilter_match(f, &s);
}

void corpus_query_start(struct cquery *q, const struct cfilter *f, enum sort_key key, bool reverse)
{
	memset(q, 0, sizeof(*q));
	q->f = f && !cfilter_empty(f) ? f : NULL;
	/* a sort= in the filter is the order asked for */
	q->key = f && f->sort >= 0 ? (enum sort_key)f->sort : key;
	q->reverse = f && f->sort >= 0 ? f->reverse : reverse;
}

/* The cables of each thread= term's threads (its alternatives'), marked
 * by entry, made once for the question. */
static void plan_threads(const struct corpus *c, struct cquery *q)
{
	const struct cfilter *f = q->f;

	q->threads = xcalloc(f->n, sizeof(*q->threads));
	q->nthreads = f->n;
	for (size_t i = 0; i < f->n; i++) {
		const struct cf_term *t = &f->terms[i];

		if (t->field != CF_THREAD)
			continue;
		q->threads[i] = xcalloc(c->n ? c->n : 1, 1);
		for (size_t k = 0; k < t->nalt; k++) {
			long e = corpus_find(c, t->alt[k].value);
			struct thread th;

			if (e < 0)
				continue;
			corpus_thread(c, (size_t)e, THREAD_DEPTH, THREAD_MOST, &th);
			for (size_t n = 0; n < th.nn; n++)
				if (th.n[n].entry >= 0)
					q->threads[i][th.n[n].entry] = 1;
			thread_free(&th);
		}
	}
}

/* Asks the full-text index for the filter's text terms it can answer,
 * on a thread of its own. */
static void plan(struct corpus *c, struct cquery *q)
{
	const struct cfilter *f = q->f;

	q->planned = true;
	q->fields = 0;
	for (size_t i = 0; f && i < f->n; i++)
		q->fields |= 1u << f->terms[i].field;
	if (q->fields & CF_PEOPLE_BITS)
		q->memo = cf_memo_new();
	if (q->fields & (1u << CF_THREAD))
		plan_threads(c, q);
	q->text = f && cfilter_needs_text(f);
	if (!q->text || fts_state(c) != FTS_READY)
		return;
	/* the scores only when they order the rows */
	q->job = fts_ask(c, f, q->key == SORT_RELEVANCE);
}

/* The index's answer, come: the terms it did not answer are read in the
 * cables; a term that must hold answered limits the entries looked at. */
static void take_answer(struct corpus *c, struct cquery *q)
{
	const struct cfilter *f = q->f;

	q->asked = true;
	if (!fts_answer(c, q->job))
		return;
	q->text = false;
	q->answered = true;
	for (size_t i = 0; i < f->n; i++) {
		if (cf_reads_text(&f->terms[i]) && !fts_job_answered(q->job, i))
			q->text = true;
		if (!fts_job_answered(q->job, i))
			q->answered = false;
	}
	if (fts_job_positive(q->job)) {
		q->nonly = fts_job_entries(q->job, &q->only);
		q->has_only = true;
	}
}

/* Entry @i passed: its row, or with one row a cable, its first
 * version's row when not given yet. */
static void add_row(struct corpus *c, struct cquery *q, size_t i)
{
	size_t head;

	if (!q->one_per_cable || !corpus_has_dups(c)) {
		q->rows[q->n++] = (uint32_t)i;
		return;
	}
	head = corpus_version_head(c, i);
	if (q->seen_n <= head / 8) {
		size_t m = c->n / 8 + 1;

		q->seen = xrealloc(q->seen, m);
		memset(q->seen + q->seen_n, 0, m - q->seen_n);
		q->seen_n = m;
	}
	if (q->seen[head / 8] & (1u << (head % 8)))
		return;
	q->seen[head / 8] |= (uint8_t)(1u << (head % 8));
	if (q->n && q->rows[q->n - 1] > head)
		q->reorder = true;
	q->rows[q->n++] = (uint32_t)head;
}

bool corpus_query_step(struct corpus *c, struct cquery *q, double budget_ms, size_t most)
{
	double until = now_ms() + budget_ms;
	size_t seen = 0, end;

	if (!q->planned)
		plan(c, q);
	if (q->job && !q->asked) {
		/* the keys are answered while the index answers */
		if (!fts_job_wait(q->job, budget_ms))
			return false;
		take_answer(c, q);
	}
	end = q->has_only ? q->nonly : c->n;
	grow_array((void **)&q->rows, &q->cap, c->n ? c->n : 1, sizeof(*q->rows));
	while (q->next < end) {
		size_t i = q->has_only ? q->only[q->next] : q->next;

		q->next++;
		/* the terms ANDed (cfilter_match), each answered: the answer's
		 * set is the filter's */
		if (!q->f || (q->answered ? fts_job_passes(q->job, (uint32_t)i) : entry_passes(c, q->f, q, q->text, i)))
			add_row(c, q, i);
		seen++;
		/* the clock is read now and then: a metadata filter is fast */
		if ((most && seen >= most) || ((q->text || seen % 4096 == 0) && now_ms() >= until))
			break;
	}
	if (q->next < end)
		return false;
	if (q->key == SORT_RELEVANCE) {
		rank_rows(c, q);
	} else if (q->key != SORT_INPUT || q->reverse || q->reorder) {
		struct order o = { c, q->key, q->reverse };

		qsort_r(q->rows, q->n, sizeof(*q->rows), cmp_entries, &o);
	}
	return true;
}

void corpus_query_free(struct cquery *q)
{
	/* not through q->f, which the list may have moved by now; an
	 * answer still to come is given up at once */
	fts_job_drop(q->job);
	cf_memo_free(q->memo);
	for (size_t i = 0; i < q->nthreads; i++)
		free(q->threads[i]);
	free(q->threads);
	free(q->only);
	free(q->seen);
	free(q->rows);
	memset(q, 0, sizeof(*q));
}

size_t corpus_select(struct corpus *c, const struct cfilter *f, enum sort_key key, bool reverse,
		     uint32_t **out, size_t *cap)
{
	struct cquery q;
	size_t n;

	corpus_query_start(&q, f, key, reverse);
	q.rows = *out;
	q.cap = *cap;
	while (!corpus_query_step(c, &q, 1e12, 0))
		;
	*out = q.rows;
	*cap = q.cap;
	n = q.n;
	q.rows = NULL;              /* the caller's now */
	corpus_query_free(&q);
	return n;
}
