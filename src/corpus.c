/* corpus.c -- the index of many cables */
#include "config.h"
#include "corpus_internal.h"
#include "corpus_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "ids.h"
#include "parse.h"
#include "source.h"
#include "util.h"

/* ------------------------------------------------------------------ strings */

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

uint32_t pool_add(struct corpus *c, struct str s)
{
	uint32_t off;

	if (!s.n)
		return 0;
	if (c->pool.n + s.n + 1 >= UINT32_MAX)
		die("the corpus is too large for the index (4 GB of strings)");
	off = (uint32_t)c->pool.n;
	buf_add(&c->pool, s.p, s.n);
	buf_addc(&c->pool, '\0');
	return off;
}

/* Doubles the table *t of *n slots (1024 at first). */
static void htab_grow(struct hslot **t, size_t *n)
{
	size_t m = *n ? *n * 2 : 1024;
	struct hslot *old = *t;

	*t = xcalloc(m, sizeof(**t));
	for (size_t i = 0; i < *n; i++) {
		size_t k;

		if (!old[i].val)
			continue;
		k = old[i].hash & (m - 1);
		while ((*t)[k].val)
			k = (k + 1) & (m - 1);
		(*t)[k] = old[i];
	}
	free(old);
	*n = m;
}

/* The pool offset of @s, added once. */
uint32_t intern(struct corpus *c, struct str s)
{
	uint32_t h;
	size_t k;

	if (!s.n)
		return 0;
	if ((c->used_slots + 1) * 2 > c->nslots)
		htab_grow(&c->slots, &c->nslots);
	h = hash(s.p, s.n);
	k = h & (c->nslots - 1);
	while (c->slots[k].val) {
		const char *have = c->pool.p + c->slots[k].val;

		if (c->slots[k].hash == h && strnlen(have, s.n + 1) == s.n && memcmp(have, s.p, s.n) == 0)
			return c->slots[k].val;
		k = (k + 1) & (c->nslots - 1);
	}
	c->slots[k].hash = h;
	c->slots[k].val = pool_add(c, s);
	c->used_slots++;
	return c->slots[k].val;
}

const char *corpus_str(const struct corpus *c, uint32_t off)
{
	return off && off < c->pool.n ? c->pool.p + off : "";
}

uint32_t list_add(struct corpus *c, const uint32_t *items, size_t n)
{
	uint32_t at;

	if (!n)
		return 0;
	/* room for the "none" slot at 0, the count and the items */
	grow_array((void **)&c->lists, &c->cap_lists, c->nlists + n + 2, sizeof(*c->lists));
	if (c->nlists == 0)
		c->lists[c->nlists++] = 0;   /* position 0 means "none" */
	at = (uint32_t)c->nlists;
	c->lists[c->nlists++] = (uint32_t)n;
	memcpy(c->lists + c->nlists, items, n * sizeof(*items));
	c->nlists += n;
	return at;
}

size_t list_get(const struct corpus *c, uint32_t at, const uint32_t **items)
{
	if (!at) {
		*items = NULL;
		return 0;
	}
	*items = c->lists + at + 1;
	return c->lists[at];
}

size_t corpus_tags(const struct corpus *c, size_t i, const uint32_t **offs)
{
	return list_get(c, c->e[i].tags, offs);
}

/* ---------------------------------------------------------------- ids */

void id_insert(struct corpus *c, const char *id, uint32_t entry)
{
	uint32_t h;
	size_t k;

	if (!*id)
		return;
	if ((c->n + 1) * 2 > c->nids)
		htab_grow(&c->ids, &c->nids);
	h = hash(id, strlen(id));
	k = h & (c->nids - 1);
	while (c->ids[k].val) {
		if (c->ids[k].hash == h && strcmp(corpus_str(c, c->e[c->ids[k].val - 1].id), id) == 0)
			return;         /* the same id twice: the first stays */
		k = (k + 1) & (c->nids - 1);
	}
	c->ids[k].hash = h;
	c->ids[k].val = entry + 1;
}

/* True when the mapped dump of @s was cut short by another program (its
 * lost pages read as blanks, see mapguard.h) before byte @upto; said once. */
bool source_cut_before(struct corpus *c, struct csource *s, size_t upto)
{
	size_t cut = source_cut_at(s->path, s->l.data, s->l.mapped);

	if (cut >= upto)
		return false;
	if (!s->cut) {
		s->cut = true;
		source_report(s->path, "the file was cut short while open (now %zu bytes); "
			      "the cables past that cannot be read", cut);
		c->st.problems++;
	}
	return true;
}

long corpus_find(const struct corpus *c, const char *id)
{
	uint32_t h;
	size_t k;

	if (!c->nids || !id || !*id)
		return -1;
	h = hash(id, strlen(id));
	k = h & (c->nids - 1);
	while (c->ids[k].val) {
		if (c->ids[k].hash == h && strcmp(corpus_str(c, c->e[c->ids[k].val - 1].id), id) == 0)
			return (long)c->ids[k].val - 1;
		k = (k + 1) & (c->nids - 1);
	}
	return -1;
}

/* ---------------------------------------------------------------- building */

void keep_message(const char *line, void *ud)
{
	struct corpus *c = ud;

	grow_array((void **)&c->msgs, &c->cap_msgs, c->nmsgs + 1, sizeof(*c->msgs));
	c->msgs[c->nmsgs++] = xstrdup(line);
}

size_t corpus_messages(const struct corpus *c, const char *const **lines)
{
	*lines = (const char *const *)c->msgs;
	return c->nmsgs;
}

static bool parsed(struct str text, const struct record_meta *meta, void *ud)
{
	struct corpus *c = ud;

	c->target_ok = c->header_only ? parse_cable_header(c->target, text, meta)
				       : parse_cable(c->target, text, meta);
	if (!c->target_ok)
		source_report(meta->path.p, "not a cable (no classification line, id or header found)");
	return true;
}

struct corpus *corpus_new(void)
{
	struct corpus *c = xcalloc(1, sizeof(*c));

	buf_addc(&c->pool, '\0');   /* offset 0: the empty string */
	c->reader = source_reader_new(parsed, c, &c->st);
	c->dump = dump_new();
	cable_init(&c->scratch);
	return c;
}

void corpus_free(struct corpus *c)
{
	if (!c)
		return;
	corpus_text_free(c);    /* its threads read the sources */
	for (size_t i = 0; i < c->nsrc; i++) {
		source_unload(&c->src[i].l);
		free(c->src[i].path);
	}
	for (size_t i = 0; i < CACHE_N; i++) {
		if (c->cache[i].c) {
			cable_free(c->cache[i].c);
			free(c->cache[i].c);
		}
	}
	for (size_t i = 0; i < c->nmsgs; i++)
		free(c->msgs[i]);
	free(c->msgs);
	free(c->src);
	free(c->e);
	free(c->slots);
	free(c->lists);
	free(c->ids);
	free(c->cited_at);
	free(c->cited);
	free(c->cite_count);
	buf_free(&c->pool);
	buf_free(&c->hbuf);
	buf_free(&c->fbuf);
	buf_free(&c->dec);
	cable_free(&c->scratch);
	if (c->scan) {
		cable_free(c->scan);
		free(c->scan);
	}
	source_reader_free(c->reader);
	dump_free(c->dump);
	free(c);
}

static bool add_source(const char *path, void *ud)
{
	struct corpus *c = ud;
	struct csource *s;
	struct stat sb;

	grow_array((void **)&c->src, &c->cap_src, c->nsrc + 1, sizeof(*c->src));
	s = &c->src[c->nsrc++];
	memset(s, 0, sizeof(*s));
	s->path = xstrdup(path);
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0)
		s->size = (uint64_t)sb.st_size;
	c->bytes_total += s->size;
	return true;
}

void corpus_use_saved(struct corpus *c, bool yes)
{
	c->use_saved = yes;
}

bool corpus_list_saved(const struct corpus *c)
{
	return c->list_saved;
}

void corpus_add_paths(struct corpus *c, char *const *paths, size_t n)
{
	source_set_report(keep_message, c);
	source_walk(paths, n, add_source, c, &c->st);
	source_set_report(NULL, NULL);
	c->done = c->next >= c->nsrc;
}

/* A new entry for @cab, read from @source at @offset. */
void add_entry(struct corpus *c, const struct cable *cab, uint32_t source, uint64_t offset,
		      uint64_t length)
{
	struct centry *e;
	uint32_t items[128];
	size_t k = 0;
	struct buf *b = &c->fbuf;

	grow_array((void **)&c->e, &c->cap, c->n + 1, sizeof(*c->e));
	e = &c->e[c->n];
	memset(e, 0, sizeof(*e));
	e->offset = offset;
	e->length = length > UINT32_MAX ? UINT32_MAX : (uint32_t)length;
	e->source = source;
	e->id = intern(c, str_c(cab->id));
	e->subject = pool_add(c, cab->subject.text);
	/* the station in capitals, so that ROME and Rome are one */
	buf_clear(b);
	for (size_t i = 0; i < cab->origin.text.n; i++)
		buf_addc(b, (char)to_upper((unsigned char)cab->origin.text.p[i]));
	e->origin = intern(c, buf_str(b));
	e->origin_name = intern(c, cab->origin_name.text);
	e->date = date_minutes(cab->date);
	e->level = (uint8_t)cab->marking.level;
	e->caveats = (uint8_t)cab->marking.caveats;
	e->format = (uint8_t)cab->format;
	for (size_t i = 0; i < cab->ntags && k < 128; i++)
		items[k++] = intern(c, cab->tags[i].text);
	e->tags = list_add(c, items, k);
	k = 0;
	for (size_t i = 0; i < cab->nrefs && k < 128; i++)
		if (cab->refs[i].id.n)
			items[k++] = intern(c, cab->refs[i].id);
	e->refs = list_add(c, items, k);
	c->n++;
	id_insert(c, cab->id, (uint32_t)c->n - 1);
}

const struct centry *corpus_entry(const struct corpus *c, size_t i)
{
	return i < c->n ? &c->e[i] : NULL;
}

/* ---------------------------------------------------------------- opening */

/* The bytes of record @i: a slice of its mapped dump, or its file, loaded. */
static bool record_bytes(struct corpus *c, size_t i, struct loaded *tmp, struct str *out)
{
	const struct centry *e = &c->e[i];
	struct csource *s = &c->src[e->source];

	memset(tmp, 0, sizeof(*tmp));
	if (s->l.data.p) {
		if (e->offset + e->length > s->l.data.n)
			return false;
		*out = str_make(s->l.data.p + e->offset, e->length);
		return true;
	}
	source_set_report(keep_message, c);
	if (!source_load(s->path, tmp, &c->st)) {
		source_set_report(NULL, NULL);
		return false;
	}
	source_set_report(NULL, NULL);
	*out = tmp->data;
	return true;
}

/* Parses entry @i into @into (which is reset); false when it cannot be read. */
static bool parse_entry(struct corpus *c, size_t i, struct cable *into)
{
	const struct centry *e = &c->e[i];
	struct loaded tmp;
	struct str bytes;

	if (c->src[e->source].cut && source_cut_before(c, &c->src[e->source], e->offset + e->length)) {
		source_set_report(keep_message, c);
		source_report(c->src[e->source].path, "%s cannot be read: the file was cut short before it",
			      corpus_str(c, e->id));
		source_set_report(NULL, NULL);
		return false;
	}
	if (!record_bytes(c, i, &tmp, &bytes))
		return false;
	c->target = into;
	c->header_only = false;
	c->target_ok = false;
	source_set_report(keep_message, c);
	if (e->format == FORMAT_CSV)
		source_reader_csv_record(c->reader, c->src[e->source].path, bytes,
					 e->offset + c->src[e->source].base);
	else
		source_reader_buffer(c->reader, c->src[e->source].path, bytes, tmp.mapped);
	if (source_cut_before(c, &c->src[e->source], e->offset + e->length))
		c->target_ok = false;
	source_set_report(NULL, NULL);
	source_unload(&tmp);
	return c->target_ok;
}

const struct cable *corpus_cable(struct corpus *c, size_t i)
{
	struct cache_slot *slot = &c->cache[0];

	if (i >= c->n)
		return NULL;
	for (size_t k = 0; k < CACHE_N; k++) {
		if (c->cache[k].c && c->cache[k].entry == i) {
			c->cache[k].used = ++c->tick;
			return c->cache[k].c;
		}
		if (!c->cache[k].c || c->cache[k].used < slot->used)
			slot = &c->cache[k];
	}
	if (!slot->c) {
		slot->c = xmalloc(sizeof(*slot->c));
		cable_init(slot->c);
	}
	slot->entry = (size_t)-1;
	if (!parse_entry(c, i, slot->c))
		return NULL;
	slot->entry = i;
	slot->used = ++c->tick;
	return slot->c;
}

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

/* Entry @i parsed for a text filter, in a cable of the scan's own, so
 * that a scan over the corpus does not push the reader's out of the cache. */
static const struct cable *scan_cable(struct corpus *c, size_t i)
{
	for (size_t k = 0; k < CACHE_N; k++)
		if (c->cache[k].c && c->cache[k].entry == i)
			return c->cache[k].c;
	if (!c->scan) {
		c->scan = xmalloc(sizeof(*c->scan));
		cable_init(c->scan);
	}
	return parse_entry(c, i, c->scan) ? c->scan : NULL;
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

/* ---------------------------------------------------------------- selecting */

const char *sort_name(enum sort_key k)
{
	static const char *const names[SORT_COUNT] = { "file order", "date", "id", "origin", "classification" };

	return (unsigned)k < SORT_COUNT ? names[k] : "";
}

static const struct corpus *sorting;
static enum sort_key sort_by;
static bool sort_reverse;

static int cmp_entries(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	const struct centry *x = &sorting->e[a], *y = &sorting->e[b];
	int r = 0;

	/* a cable without a date goes last whichever way the list runs */
	if (sort_by == SORT_DATE && (!x->date) != (!y->date))
		return x->date ? -1 : 1;
	switch (sort_by) {
	case SORT_DATE:
		r = (x->date > y->date) - (x->date < y->date);
		break;
	case SORT_ID:
		r = id_compare(corpus_str(sorting, x->id), corpus_str(sorting, y->id));
		break;
	case SORT_ORIGIN:
		r = strcmp(corpus_str(sorting, x->origin), corpus_str(sorting, y->origin));
		if (!r)
			r = (x->date > y->date) - (x->date < y->date);
		break;
	case SORT_LEVEL:
		r = (x->level < y->level) - (x->level > y->level);   /* highest first */
		if (!r)
			r = (x->date > y->date) - (x->date < y->date);
		break;
	case SORT_INPUT:
	case SORT_COUNT:
		break;
	}
	if (sort_reverse)
		r = -r;
	return r ? r : (a > b) - (a < b);
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
	for (size_t k = 0; k < n; k++)
		if (str_ieq(cited, corpus_str(c, r[k])))
			return true;
	return false;
}

/* The index's answer to text term @term for the entry being looked at. */
struct known_ctx {
	const struct cquery *q;
	uint32_t entry;
};

static int known_answer(const void *ud, size_t term)
{
	const struct known_ctx *k = ud;
	const struct cq_known *t = k->q->known ? &k->q->known[term] : NULL;
	size_t lo = 0, hi;

	if (!t || !t->have)
		return -1;
	hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->e[mid] < k->entry)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->n && t->e[lo] == k->entry;
}

/* Does entry @i pass @f (the answers of @q's index beside it)? */
static bool entry_passes(struct corpus *c, const struct cfilter *f, const struct cquery *q, bool text, size_t i)
{
	struct known_ctx kc = { q, (uint32_t)i };
	struct parse_ctx pc;
	struct loaded tmp;
	const struct centry *e = &c->e[i];
	struct str tags[128], refs[128];
	const uint32_t *r;
	size_t nr = list_get(c, e->refs, &r);
	struct cf_subject s;
	const uint32_t *t;
	size_t nt = list_get(c, e->tags, &t);
	memset(&s, 0, sizeof(s));
	s.level = (enum level)e->level;
	s.caveats = e->caveats;
	s.origin = str_c(corpus_str(c, e->origin));
	s.origin_name = str_c(corpus_str(c, e->origin_name));
	s.id = str_c(corpus_str(c, e->id));
	s.subject = str_c(corpus_str(c, e->subject));
	s.date = e->date;
	for (size_t k = 0; k < nt && k < 128; k++)
		tags[k] = str_c(corpus_str(c, t[k]));
	s.tags = tags;
	s.ntags = MIN(nt, (size_t)128);
	for (size_t k = 0; k < nr && k < 128; k++)
		refs[k] = str_c(corpus_str(c, r[k]));
	s.refs = refs;
	s.nrefs = MIN(nr, (size_t)128);
	s.cites = corpus_cites;
	s.cites_ud = c;
	if (q && q->known) {
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
	q->key = key;
	q->reverse = reverse;
}

/* Asks the full-text index for the filter's text terms it can answer. */
static void plan(struct corpus *c, struct cquery *q)
{
	const struct cfilter *f = q->f;

	q->planned = true;
	q->text = f && cfilter_needs_text(f);
	if (!q->text || corpus_text_state(c) != CT_READY)
		return;
	q->known = xcalloc(f->n, sizeof(*q->known));
	q->text = false;
	for (size_t i = 0; i < f->n; i++) {
		const struct cf_term *t = &f->terms[i];
		struct cq_known *k = &q->known[i];

		if (t->field != CF_TEXT)
			continue;
		k->have = corpus_text_term(c, t, &k->e, NULL, &k->n);
		if (!k->have) {
			q->text = true;         /* this one is read in the cables */
			continue;
		}
		if (!t->negate && t->op != CF_NE && (!q->only || k->n < q->only->n))
			q->only = k;
	}
}

bool corpus_query_step(struct corpus *c, struct cquery *q, double budget_ms, size_t most)
{
	double until = now_ms() + budget_ms;
	size_t seen = 0, end;

	if (!q->planned)
		plan(c, q);
	end = q->only ? q->only->n : c->n;
	grow_array((void **)&q->rows, &q->cap, c->n ? c->n : 1, sizeof(*q->rows));
	while (q->next < end) {
		size_t i = q->only ? q->only->e[q->next] : q->next;

		q->next++;
		if (!q->f || entry_passes(c, q->f, q, q->text, i))
			q->rows[q->n++] = (uint32_t)i;
		seen++;
		/* the clock is read now and then: a metadata filter is fast */
		if ((most && seen >= most) || ((q->text || seen % 4096 == 0) && now_ms() >= until))
			break;
	}
	if (q->next < end)
		return false;
	if (q->key != SORT_INPUT || q->reverse) {
		sorting = c;
		sort_by = q->key;
		sort_reverse = q->reverse;
		qsort(q->rows, q->n, sizeof(*q->rows), cmp_entries);
	}
	return true;
}

void corpus_query_free(struct cquery *q)
{
	if (q->known && q->f)
		for (size_t i = 0; i < q->f->n; i++)
			free(q->known[i].e);
	free(q->known);
	free(q->rows);
	memset(q, 0, sizeof(*q));
}

size_t corpus_select(struct corpus *c, const struct cfilter *f, enum sort_key key, bool reverse,
		     uint32_t **out, size_t *cap)
{
	struct cquery q;

	corpus_query_start(&q, f, key, reverse);
	q.rows = *out;
	q.cap = *cap;
	while (!corpus_query_step(c, &q, 1e12, 0))
		;
	*out = q.rows;
	*cap = q.cap;
	return q.n;
}
