/* source.c -- files, folders, standard input, format sniffing, decoding */
#include "config.h"
#include "source/source.h"
#include "source/mapguard.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/buf.h"
#include "source/csv.h"
#include "source/decode.h"
#include "source/dump.h"
#include "source/html.h"

#define MAX_DEPTH 64
/* How much of a streamed dump is read before its pages are given back. */
#define RELEASE_STEP ((size_t)8 * 1024 * 1024)

struct source_reader {
	record_fn fn;
	void *ud;
	struct source_stats *st;
	bool stop;
	struct buf text, dec, rec, dec2;
	struct arena a;
	struct dump *dump;      /* the dump being read, across its pieces */
	const struct loaded *cur; /* the file being read, looked at again as it is */
	bool change_said;       /* its growth or a write to it said */
	bool cut_said;          /* its cut said */
	unsigned looks;         /* records since it was last looked at */
};

/* The name the rest of this file uses. */
#define source source_reader

void source_report(const struct source_stats *st, const char *path, const char *fmt, ...)
{
	va_list ap;
	struct buf b = { 0 };
	char msg[512];

	buf_adds(&b, "pilcrow: ");
	/* a file name may hold control characters: never send them raw */
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		buf_addc(&b, (char)(*p < 0x20 || *p == 0x7F ? '?' : *p));
	buf_adds(&b, ": ");
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	buf_adds(&b, msg);
	if (st && st->report) {
		st->report(b.p, st->report_ud);
	} else {
		buf_addc(&b, '\n');
		fputs(b.p, stderr);
	}
	buf_free(&b);
}

static void emit(struct source *s, struct str text, struct record_meta *m)
{
	if (s->stop)
		return;
	s->st->records++;
	if (!s->fn(text, m, s->ud))
		s->stop = true;
}

static void meta_init(struct record_meta *m, const char *path, enum cable_format f, uint64_t off,
		      uint64_t len)
{
	memset(m, 0, sizeof(*m));
	m->format = f;
	m->path = str_c(path);
	m->offset = off;
	m->length = len;
}

/* A decoded copy of a short container field, or the field itself. */
static struct str clean_field(struct source *s, struct str f)
{
	struct buf tmp = { 0 };
	struct str out;

	if (decode_utf8(f, &tmp, &out, NULL) != DECODE_OK)
		out = STR_NULL;
	out = arena_strdup(&s->a, out);
	buf_free(&tmp);
	return out;
}

/* Hands on one cables.csv record: @raw's fields, at @offset of @path. */
static void emit_csv(struct source *s, const char *path, const struct csv_raw *raw, uint64_t offset,
		     uint64_t length)
{
	struct record_meta m;
	struct csv_record rec;
	struct str text;
	const char *note = NULL;

	arena_reset(&s->a);
	csv_unescape_record(raw, &s->rec, &rec);
	meta_init(&m, path, FORMAT_CSV, offset, length);
	m.cut = raw->cut;
	decode_utf8(rec.text, &s->dec, &text, &note);
	if (note)
		record_note(&m, note);
	m.created = clean_field(s, rec.f[CSV_CREATED]);
	m.id = clean_field(s, rec.f[CSV_ID]);
	m.origin_name = clean_field(s, rec.f[CSV_ORIGIN]);
	m.classification = clean_field(s, rec.f[CSV_CLASS]);
	m.refs = clean_field(s, rec.f[CSV_REFS]);
	emit(s, text, &m);
}

/* One item of the dump: a record handed on, a problem reported. */
static void dump_item(struct source *s, const struct dump_item *it)
{
	if (it->kind == DUMP_PROBLEM) {
		source_report(s->st, it->path, "%s", it->msg);
		s->st->problems++;
		return;
	}
	emit_csv(s, it->path, &it->raw, it->offset, it->length);
}

/* The record left open at the end of the last piece, as far as it goes. */
static void finish_dump(struct source *s)
{
	struct dump_item it;

	if (s->dump && dump_finish(s->dump, &it))
		dump_item(s, &it);
}

size_t source_cut_at(const char *path, struct str data, bool mapped)
{
	size_t cut;
	struct stat sb;

	if (!mapped || mapguard_rescues() == 0)
		return SIZE_MAX;        /* the common case: nothing was ever cut */
	cut = mapguard_cut(data.p);
	if (cut != SIZE_MAX && stat(path, &sb) == 0 && (uint64_t)sb.st_size < cut)
		cut = (size_t)sb.st_size;
	return cut;
}

/* When the mapped file @data was cut short by another program while it was
 * read, says so once and returns how much of it is still the file's; else
 * returns data.n. */
static size_t still_there(struct source *s, const char *path, struct str data, bool mapped)
{
	size_t cut = source_cut_at(path, data, mapped), now;

	/* a look at the file itself every 32 records (an fstat): a cut is
	 * seen before the reading meets its lost pages, a growth or a write
	 * said once */
	if (mapped && s->cur && s->cur->data.p == data.p && s->looks++ % 32 == 0) {
		enum source_change ch = source_changed(s->cur, &now);

		if (ch == SOURCE_CUT && now < cut)
			cut = now;
		else if (ch != SOURCE_SAME && ch != SOURCE_CUT && !s->change_said) {
			s->change_said = true;
			source_tell_change(s->st, path, ch, now, data.n);
		}
	}

	if (cut >= data.n)
		return data.n;
	if (!s->cut_said) {
		source_report(s->st, path, "the file was cut short while it was read (now %zu bytes); read up to there",
			      cut);
		s->st->problems++;
		s->st->changed++;
		s->cut_said = true;
	}
	return cut;
}

/* A text or a page cut short while it was decoded: read again what is
 * still the file (the blank pages and the zeros past its new end left out).
 * True when that was done. */
static bool reread_cut(struct source *s, const char *path, struct str data, bool mapped)
{
	size_t keep = still_there(s, path, data, mapped);

	if (keep >= data.n)
		return false;
	while (keep && !data.p[keep - 1])
		keep--;
	if (keep)
		source_reader_buffer(s, path, str_make(data.p, keep), false);
	return true;
}

static void read_csv(struct source *s, const char *path, struct str data, bool mapped)
{
	struct dump_item it;
	size_t released = 0;

	if (!s->dump)
		s->dump = dump_new();
	dump_piece(s->dump, path, data);
	if (mapped)
		madvise((void *)data.p, data.n, MADV_SEQUENTIAL);
	while (!s->stop) {
		bool more = dump_next(s->dump, &it);
		size_t cut = mapped ? still_there(s, path, data, mapped) : data.n;

		if (cut < dump_at(s->dump)) {
			dump_drop(s->dump);   /* what was read may hold blank pages */
			break;
		}
		/* seen ahead of the reading: read on to where it now ends */
		if (cut < data.n)
			dump_end_at(s->dump, cut);
		if (!more)
			break;
		dump_item(s, &it);
		/* give the pages already read back, so memory stays flat */
		if (mapped && it.kind == DUMP_RECORD && !it.joined && it.offset + it.length - released > RELEASE_STEP) {
			size_t page = (size_t)sysconf(_SC_PAGESIZE);
			size_t upto = (it.offset / page) * page;

			if (upto > released) {
				madvise((void *)(data.p + released), upto - released, MADV_DONTNEED);
				released = upto;
			}
		}
	}
}

void source_reader_csv_record(struct source *s, const char *path, struct str record, uint64_t offset)
{
	struct csv r;
	struct csv_raw raw;
	const char *err;

	csv_open(&r, record);
	if (csv_next_raw(&r, &raw, &err) != CSV_OK && !(raw.cut && csv_cut_raw(record, &raw))) {
		source_report(s->st, path, "record at byte %llu: %s", (unsigned long long)offset, err ? err : "not a record");
		s->st->problems++;
		return;
	}
	emit_csv(s, path, &raw, raw.offset + offset, record.n);
}

bool source_is_csv(struct str data)
{
	return csv_sniff(data);
}

void source_reader_buffer(struct source *s, const char *path, struct str data, bool mapped)
{
	struct record_meta m;
	struct str text;
	const char *note = NULL, *err = NULL;

	s->st->bytes += data.n;
	/* the next piece of a dump whose last record is still open goes on with it */
	if (s->dump && dump_open(s->dump)) {
		if (dump_continues(s->dump, path, data)) {
			read_csv(s, path, data, mapped);
			return;
		}
		finish_dump(s);
	}
	if (data.n == 0) {
		source_report(s->st, path, "empty file");
		s->st->problems++;
		return;
	}
	if (decode_is_utf16(data)) {
		/* decode first, then sniff what the text is */
		decode_text(data, &s->dec2, &text, &note);
		data = text;
	}
	/* a dump, or a piece of one, however damaged further on */
	if (csv_sniff(data)) {
		read_csv(s, path, data, mapped);
		return;
	}
	if (decode_is_binary(data)) {
		source_report(s->st, path, "binary data, not a cable");
		s->st->problems++;
		return;
	}
	arena_reset(&s->a);
	if (html_sniff(data)) {
		struct str page;
		const char *pnote = NULL;

		meta_init(&m, path, FORMAT_HTML, 0, data.n);
		if (note)
			record_note(&m, note);
		decode_text(data, &s->dec, &page, &pnote);
		if (reread_cut(s, path, data, mapped))
			return;
		if (pnote)
			record_note(&m, pnote);
		if (!html_extract(page, &s->text, &m, &s->a, &err)) {
			source_report(s->st, path, "%s", err);
			s->st->problems++;
			return;
		}
		emit(s, buf_str(&s->text), &m);
		return;
	}
	meta_init(&m, path, FORMAT_TEXT, 0, data.n);
	if (note)
		record_note(&m, note);
	note = NULL;
	if (decode_text(data, &s->dec, &text, &note) != DECODE_OK) {
		source_report(s->st, path, "binary data, not a cable");
		s->st->problems++;
		return;
	}
	if (reread_cut(s, path, data, mapped))
		return;
	if (note)
		record_note(&m, note);
	if (decode_line_ends(&text, &s->dec))
		record_note(&m, "lines ended by a carriage return alone, read as line breaks");
	emit(s, text, &m);
}


struct walk {
	bool (*fn)(const char *path, void *ud);
	void *ud;
	struct source_stats *st;
	bool stop;
};

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_path(struct walk *w, const char *path, int depth);

static void walk_dir(struct walk *w, const char *path, int depth)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!d) {
		source_report(w->st, path, "%s", strerror(errno));
		w->st->problems++;
		return;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;   /* ".", "..", and hidden files */
		grow_array((void **)&names, &cap, n + 1, sizeof(*names));
		names[n++] = xasprintf("%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n; i++) {
		if (!w->stop)
			walk_path(w, names[i], depth + 1);
		free(names[i]);
	}
	free(names);
}

static void walk_path(struct walk *w, const char *path, int depth)
{
	struct stat sb;

	if (strcmp(path, "-") == 0) {
		w->stop = !w->fn(path, w->ud);
		return;
	}
	if (depth > MAX_DEPTH) {
		source_report(w->st, path, "folders nested too deep");
		w->st->problems++;
		return;
	}
	/* below the top, links are not followed: a loop would never end */
	if ((depth > 0 ? lstat(path, &sb) : stat(path, &sb)) != 0) {
		source_report(w->st, path, "%s", strerror(errno));
		w->st->problems++;
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		walk_dir(w, path, depth);
		return;
	}
	if (S_ISLNK(sb.st_mode))
		return;
	w->stop = !w->fn(path, w->ud);
}

void source_walk(char *const *paths, size_t npaths, bool (*fn)(const char *path, void *ud), void *ud,
		 struct source_stats *st)
{
	struct walk w = { fn, ud, st, false };

	for (size_t i = 0; i < npaths && !w.stop; i++)
		walk_path(&w, paths[i], 0);
}

struct source *source_reader_new(record_fn fn, void *ud, struct source_stats *st)
{
	struct source *s = xcalloc(1, sizeof(*s));

	s->fn = fn;
	s->ud = ud;
	s->st = st;
	return s;
}

void source_reader_free(struct source *s)
{
	if (!s)
		return;
	buf_free(&s->text);
	buf_free(&s->dec);
	buf_free(&s->dec2);
	buf_free(&s->rec);
	arena_free(&s->a);
	dump_free(s->dump);
	free(s);
}

/* source_read: every record of every file, in order */
static bool read_one(const char *path, void *ud)
{
	struct source *s = ud;
	struct loaded l;

	if (!source_load(path, &l, s->st))
		return true;
	s->cur = &l;
	s->change_said = s->cut_said = false;
	s->looks = 0;
	source_reader_buffer(s, path, l.data, l.mapped);
	/* and once more at its end: a change after the last look is said too */
	if (!s->change_said && !s->cut_said) {
		size_t now;
		enum source_change ch = source_changed(&l, &now);

		if (ch == SOURCE_CUT) {
			source_report(s->st, path, "the file was cut short (now %zu bytes) once it was read", now);
			s->st->changed++;
		} else {
			source_tell_change(s->st, path, ch, now, l.data.n);
		}
	}
	s->cur = NULL;
	source_unload(&l);
	return !s->stop;
}

void source_read(char *const *paths, size_t npaths, record_fn fn, void *ud, struct source_stats *st)
{
	struct source *s;

	memset(st, 0, sizeof(*st));
	s = source_reader_new(fn, ud, st);
	source_walk(paths, npaths, read_one, s, st);
	if (!s->stop)
		finish_dump(s);
	source_reader_free(s);
}
