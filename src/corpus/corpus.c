/* corpus.c -- many cables at once: the corpus made and freed, its inputs
 * named, its entries added, a cable read again and parsed when opened. */
#include "config.h"
#include "corpus/corpus_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "doc/ids.h"
#include "doc/people.h"
#include "parse/parse.h"
#include "source/source.h"
#include "base/util.h"

/* True when the mapped dump of @s was cut short by another program (its
 * lost pages read as blanks, see mapguard.h) before byte @upto; said once. */
bool source_cut_before(struct corpus *c, struct csource *s, size_t upto)
{
	size_t cut = source_cut_at(s->path, s->l.data, s->l.mapped);

	if (s->cut_at && s->cut_at < cut)
		cut = s->cut_at;
	if (cut >= upto)
		return false;
	if (!s->cut) {
		s->cut = true;
		source_report(&c->st, s->path, "the file was cut short while open (now %zu bytes); "
			      "the cables past that cannot be read", cut);
		c->st.problems++;
		c->st.changed++;
	}
	return true;
}

bool source_watch(struct corpus *c, struct csource *s)
{
	size_t now;
	enum source_change ch = source_changed(&s->l, &now);

	if (ch == SOURCE_CUT) {
		if (!s->cut_at || now < s->cut_at)
			s->cut_at = now ? now : 1;  /* 0 is "not seen" */
		return source_cut_before(c, s, SIZE_MAX);
	}
	if (ch != SOURCE_SAME && !s->change_said) {
		s->change_said = true;
		source_tell_change(&c->st, s->path, ch, now, s->l.data.n);
	}
	return false;
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

	c->target_ok = c->header_only ? parse_cable_list(c->target, text, true, meta, NULL)
				       : parse_cable(c->target, text, meta);
	if (!c->target_ok)
		source_report(&c->st, meta->path.p, "not a cable (no classification line, id or header found)");
	return true;
}

struct corpus *corpus_new(void)
{
	struct corpus *c = xcalloc(1, sizeof(*c));

	buf_addc(&c->pool, '\0');   /* offset 0: the empty string */
	/* what reading meets is kept, to be told once the screen is gone */
	c->st.report = keep_message;
	c->st.report_ud = c;
	c->reader = source_reader_new(parsed, c, &c->st);
	c->dump = dump_new();
	cable_init(&c->scratch);
	return c;
}

void corpus_free(struct corpus *c)
{
	if (!c)
		return;
	if (c->text_free)
		c->text_free(c);    /* the index's threads read the sources */
	par_free(c);
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
	free(c->dups);
	free(c->dups_by_first);
	free(c->cited_at);
	free(c->cited);
	free(c->cite_count);
	free(c->cite_hash);
	buf_free(&c->pool);
	buf_free(&c->hr.hbuf);
	buf_free(&c->hr.tbuf);
	buf_free(&c->hr.dec);
	buf_free(&c->fbuf);
	buf_free(&c->pbuf);
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

bool corpus_list_saved(const struct corpus *c)
{
	return c->list_saved;
}

void corpus_add_paths(struct corpus *c, char *const *paths, size_t n)
{
	source_walk(paths, n, add_source, c, &c->st);
	c->done = c->next >= c->nsrc;
}

/* An entry's fields packed (pack_entry): the numbers, then its strings,
 * each its length (4 bytes), its pool_hash (4 bytes: the worker's work,
 * not the corpus's thread's; 0 for the subject, which is kept, not
 * interned) and its bytes: the id, the subject, the
 * station in capitals, the origin's name, the TAGS, the REF ids, the
 * people and offices (people.h). */
struct packed_head {
	uint32_t date;
	uint8_t level, caveats, format, part;
	uint16_t ntags, nrefs, npeople;
};

/* @s packed, hashed when @interned. */
static void pack_str(struct buf *out, struct str s, bool interned)
{
	uint32_t n[2] = { (uint32_t)s.n, interned ? pool_hash(s.p, s.n) : 0 };

	buf_add(out, n, sizeof(n));
	buf_add(out, s.p, s.n);
}

struct pack_people {
	struct buf *out;
	uint16_t n;
};

static void person_packed(struct str value, void *ud)
{
	struct pack_people *pp = ud;

	if (pp->n < PEOPLE_MAX) {
		pack_str(pp->out, value, true);
		pp->n++;
	}
}

void pack_entry(const struct cable *cab, struct buf *out, struct buf *scratch, unsigned leave)
{
	struct packed_head h;
	size_t at = out->n;
	struct pack_people pp = { out, 0 };

	memset(&h, 0, sizeof(h));
	h.date = date_minutes(cab->date);
	h.level = (uint8_t)cab->marking.level;
	h.caveats = (uint8_t)cab->marking.caveats;
	h.format = (uint8_t)cab->format;
	h.part = (uint8_t)(cab->part > 255 ? 255 : cab->part);
	buf_add(out, &h, sizeof(h));
	pack_str(out, str_c(cab->id), true);
	pack_str(out, cab->subject.text, false);
	/* the station in capitals, so that ROME and Rome are one */
	buf_clear(scratch);
	for (size_t i = 0; i < cab->origin.text.n; i++)
		buf_addc(scratch, (char)to_upper((unsigned char)cab->origin.text.p[i]));
	pack_str(out, buf_str(scratch), true);
	pack_str(out, cab->origin_name.text, true);
	for (size_t i = 0; i < cab->ntags && h.ntags < 128; i++, h.ntags++)
		pack_str(out, cab->tags[i].text, true);
	for (size_t i = 0; !(leave & LIST_NO_REFS) && i < cab->nrefs && h.nrefs < 128; i++)
		if (cab->refs[i].id.n) {
			pack_str(out, cab->refs[i].id, true);
			h.nrefs++;
		}
	if (!(leave & LIST_NO_PEOPLE))
		people_each(cab, scratch, person_packed, &pp);
	h.npeople = pp.n;
	memcpy(out->p + at, &h, sizeof(h));
}

static struct str unpack_str(const char **p, uint32_t *hash)
{
	uint32_t n[2];
	struct str s;

	memcpy(n, *p, sizeof(n));
	s = str_make(*p + sizeof(n), n[0]);
	*hash = n[1];
	*p += sizeof(n) + n[0];
	return s;
}

/* A reference (interned at @off, its pool_hash @hash) of the entry being
 * added, listed for who cites whom (build_cited_by's pass 0), while that
 * is to be built. */
static void cite_note(struct corpus *c, uint32_t off, uint32_t hash)
{
	if (c->cite_pass != 0 || !off)
		return;
	grow_array((void **)&c->cite_hash, &c->cite_cap, c->cite_nrefs + 1, sizeof(*c->cite_hash));
	c->cite_hash[c->cite_nrefs++] = hash;
}

/* The next packed string interned (*@hash: its pool_hash). */
static uint32_t intern_packed(struct corpus *c, const char **p, uint32_t *hash)
{
	struct str s = unpack_str(p, hash);

	return intern_hashed(c, s, *hash);
}

void prefetch_packed(const struct corpus *c, const char *packed, bool strings)
{
	const char *p = packed + sizeof(struct packed_head);
	enum pool_fetch what = strings ? FETCH_STRING : FETCH_SLOT;
	struct packed_head h;
	uint32_t hash;

	memcpy(&h, packed, sizeof(h));
	unpack_str(&p, &hash);
	if (!strings)
		pool_prefetch(c, hash, FETCH_ID_SLOT);
	pool_prefetch(c, hash, what);
	unpack_str(&p, &hash);        /* the subject: kept, not interned */
	for (size_t i = 0; i < 2u + h.ntags + h.nrefs + h.npeople; i++) {
		unpack_str(&p, &hash);
		pool_prefetch(c, hash, what);
	}
}

size_t add_packed(struct corpus *c, const char *packed, uint32_t source, uint64_t offset, uint64_t length)
{
	const char *p = packed;
	struct packed_head h;
	struct centry *e;
	uint32_t items[PEOPLE_MAX > 128 ? PEOPLE_MAX : 128];
	struct str id;
	uint32_t idh, hash;
	char idc[64];

	memcpy(&h, p, sizeof(h));
	p += sizeof(h);
	grow_array((void **)&c->e, &c->cap, c->n + 1, sizeof(*c->e));
	e = &c->e[c->n];
	memset(e, 0, sizeof(*e));
	e->offset = offset;
	e->length = length > UINT32_MAX ? UINT32_MAX : (uint32_t)length;
	e->source = source;
	id = unpack_str(&p, &idh);
	/* (a cable's id is at most 63 bytes, NUL-free: idc is id) */
	str_cpy(idc, sizeof(idc), id);
	e->id = intern_hashed(c, str_c(idc), idh);
	e->subject = pool_add(c, unpack_str(&p, &hash));
	e->origin = intern_packed(c, &p, &hash);
	e->origin_name = intern_packed(c, &p, &hash);
	e->date = h.date;
	e->level = h.level;
	e->caveats = h.caveats;
	e->format = h.format;
	e->part = h.part;
	for (size_t i = 0; i < h.ntags; i++)
		items[i] = intern_packed(c, &p, &hash);
	e->tags = list_add(c, items, h.ntags);
	for (size_t i = 0; i < h.nrefs; i++) {
		items[i] = intern_packed(c, &p, &hash);
		cite_note(c, items[i], hash);
	}
	e->refs = list_add(c, items, h.nrefs);
	for (size_t i = 0; i < h.npeople; i++)
		items[i] = intern_packed(c, &p, &hash);
	e->people = list_add(c, items, h.npeople);
	c->n++;
	id_insert(c, idc, idh, (uint32_t)c->n - 1);
	return (size_t)(p - packed);
}

/* A new entry for @cab, read from @source at @offset: packed, then added,
 * as the parallel reading does (corpus_par.c). */
void add_entry(struct corpus *c, const struct cable *cab, uint32_t source, uint64_t offset, uint64_t length)
{
	buf_clear(&c->pbuf);
	pack_entry(cab, &c->pbuf, &c->fbuf, c->hr.leave);
	add_packed(c, c->pbuf.p, source, offset, length);
}

void corpus_pass_done(struct corpus *c, size_t i)
{
	struct csource *s;
	size_t page, to;

	if (i >= c->n || c->e[i].source >= c->nsrc)
		return;
	s = &c->src[c->e[i].source];
	if (!s->l.mapped || s->kind != SRC_CSV || c->e[i].offset > s->l.data.n)
		return;
	page = (size_t)sysconf(_SC_PAGESIZE);
	to = (size_t)c->e[i].offset / page * page;
	if (to > s->passed) {
		madvise((void *)(s->l.data.p + s->passed), to - s->passed, MADV_DONTNEED);
		s->passed = to;
	}
}

bool corpus_entry_cut(const struct corpus *c, size_t i)
{
	const struct centry *e;
	const struct csource *s;

	if (i >= c->n)
		return false;
	e = &c->e[i];
	s = &c->src[e->source];
	return s->l.mapped && s->cut_at && e->offset >= s->cut_at;
}

const char *corpus_entry_path(const struct corpus *c, size_t i)
{
	return i < c->n && c->e[i].source < c->nsrc ? c->src[c->e[i].source].path : "";
}

const struct centry *corpus_entry(const struct corpus *c, size_t i)
{
	return i < c->n ? &c->e[i] : NULL;
}

/* ---------------------------------------------------------------- opening */

/* The bytes of record @i: a slice of its mapped dump, or its file, loaded. */
/* The bytes of record @i, problems told to @st: what record_bytes() and a
 * parser of another thread share. */
static bool entry_bytes(const struct corpus *c, size_t i, struct loaded *tmp, struct str *out,
			struct source_stats *st)
{
	const struct centry *e = &c->e[i];
	const struct csource *s = &c->src[e->source];

	memset(tmp, 0, sizeof(*tmp));
	if (s->l.data.p) {
		if (e->offset + e->length > s->l.data.n)
			return false;
		*out = str_make(s->l.data.p + e->offset, e->length);
		return true;
	}
	if (!source_load(s->path, tmp, st))
		return false;
	*out = tmp->data;
	return true;
}

bool record_bytes(struct corpus *c, size_t i, struct loaded *tmp, struct str *out)
{
	return entry_bytes(c, i, tmp, out, &c->st);
}

/* Parses entry @i into @into (which is reset); false when it cannot be read. */
static bool parse_entry(struct corpus *c, size_t i, struct cable *into)
{
	const struct centry *e = &c->e[i];
	struct loaded tmp;
	struct str bytes;

	if (c->src[e->source].cut && source_cut_before(c, &c->src[e->source], e->offset + e->length)) {
		source_report(&c->st, c->src[e->source].path, "%s cannot be read: the file was cut short before it",
			      corpus_str(c, e->id));
		return false;
	}
	if (!record_bytes(c, i, &tmp, &bytes))
		return false;
	c->target = into;
	c->header_only = false;
	c->target_ok = false;
	if (e->format == FORMAT_CSV)
		source_reader_csv_record(c->reader, c->src[e->source].path, bytes,
					 e->offset + c->src[e->source].base);
	else
		source_reader_buffer(c->reader, c->src[e->source].path, bytes, tmp.mapped);
	if (source_cut_before(c, &c->src[e->source], e->offset + e->length))
		c->target_ok = false;
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

/* Entry @i parsed for a text filter, in a cable of the scan's own, so
 * that a scan over the corpus does not push the reader's out of the cache. */
const struct cable *scan_cable(struct corpus *c, size_t i)
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

/* ---------------------------------------------------------------- parsers */

/* A parser of the corpus's cables for another thread: its own reader and
 * cable; the corpus, complete, is only read. */
struct corpus_parser {
	const struct corpus *c;
	struct source_reader *r;
	struct source_stats st;
	struct cable cable;
	bool ok;
};

static void quiet(const char *line, void *ud)
{
	(void)line;
	(void)ud;       /* told already, when the corpus read it */
}

static bool parser_parsed(struct str text, const struct record_meta *meta, void *ud)
{
	struct corpus_parser *p = ud;

	p->ok = parse_cable(&p->cable, text, meta);
	return true;
}

struct corpus_parser *corpus_parser_new(const struct corpus *c)
{
	struct corpus_parser *p = xcalloc(1, sizeof(*p));

	p->c = c;
	p->st.report = quiet;
	p->r = source_reader_new(parser_parsed, p, &p->st);
	cable_init(&p->cable);
	return p;
}

const struct cable *corpus_parser_get(struct corpus_parser *p, size_t i)
{
	const struct centry *e;
	const struct csource *s;
	struct loaded tmp;
	struct str bytes;

	if (i >= p->c->n || !entry_bytes(p->c, i, &tmp, &bytes, &p->st))
		return NULL;
	e = &p->c->e[i];
	s = &p->c->src[e->source];
	p->ok = false;
	if (e->format == FORMAT_CSV)
		source_reader_csv_record(p->r, s->path, bytes, e->offset + s->base);
	else
		source_reader_buffer(p->r, s->path, bytes, tmp.mapped);
	source_unload(&tmp);
	return p->ok ? &p->cable : NULL;
}

void corpus_parser_free(struct corpus_parser *p)
{
	if (!p)
		return;
	source_reader_free(p->r);
	cable_free(&p->cable);
	free(p);
}

void corpus_set_workspace(struct corpus *c, const struct workspace *ws)
{
	c->ws = ws;
}

void corpus_list_lean(struct corpus *c, unsigned leave)
{
	c->hr.leave = leave;
}
