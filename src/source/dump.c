/* dump.c -- the cables.csv dump, whole or in pieces */
#include "config.h"
#include "source/dump.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/util.h"

/* A record held open across pieces is given up past this size. */
#define CARRY_MAX ((size_t)256 * 1024 * 1024)

struct dump {
	struct csv r;             /* the piece being read */
	char *path;
	struct str data;
	bool started;             /* the piece's start dealt with */
	size_t recno_base;        /* records of the pieces before */

	struct buf carry;         /* the bytes so far of a record open at a piece's end */
	char *carry_path;
	uint64_t carry_offset;
	size_t carry_recno;

	struct buf one;           /* the bytes of the joined or cut record handed on */
};

struct dump *dump_new(void)
{
	return xcalloc(1, sizeof(struct dump));
}

void dump_free(struct dump *d)
{
	if (!d)
		return;
	free(d->path);
	free(d->carry_path);
	buf_free(&d->carry);
	buf_free(&d->one);
	free(d);
}

void dump_piece(struct dump *d, const char *path, struct str data)
{
	d->recno_base += d->r.recno;
	free(d->path);
	d->path = xstrdup(path);
	d->data = data;
	csv_open(&d->r, data);
	d->started = false;
}

size_t dump_at(const struct dump *d)
{
	return (size_t)(d->r.p - d->r.base);
}

bool dump_scannable(const struct dump *d, struct str *piece)
{
	if (!d->started || d->carry.n)
		return false;
	*piece = str_make(d->r.base, (size_t)(d->r.end - d->r.base));
	return true;
}

void dump_skip(struct dump *d, size_t to, size_t records)
{
	d->r.p = d->r.base + MIN(to, (size_t)(d->r.end - d->r.base));
	d->r.recno += records;
}

void dump_drop(struct dump *d)
{
	buf_clear(&d->carry);
	d->r.p = d->r.end;
}

void dump_end_at(struct dump *d, size_t n)
{
	if (n < d->data.n) {
		d->data.n = n;
		if (d->r.end > d->r.base + n)
			d->r.end = d->r.base + n;
		if (d->r.p > d->r.end)
			d->r.p = d->r.end;
	}
}

bool dump_open(const struct dump *d)
{
	return d->carry.n > 0;
}

static const char *base_name(const char *path, size_t *dirlen)
{
	const char *slash = strrchr(path, '/');

	*dirlen = slash ? (size_t)(slash - path) : 0;
	return slash ? slash + 1 : path;
}

/* "cables.csv.aa" and "cables.csv.ab" (or "cables.csv.yz" and
 * "cables.csv.zaaa", as split names them past 650 pieces), "part-01.csv"
 * and "part-02.csv": one folder, the names alike but for a few letters or
 * digits, in name order. */
static bool next_name(const char *a, const char *b)
{
	size_t da, db, na, nb, pre = 0, suf = 0;
	const char *ba = base_name(a, &da), *bb = base_name(b, &db);

	if (da != db || strncmp(a, b, da) != 0 || strcmp(ba, bb) >= 0)
		return false;
	na = strlen(ba);
	nb = strlen(bb);
	while (pre < na && pre < nb && ba[pre] == bb[pre])
		pre++;
	while (suf < na - pre && suf < nb - pre && ba[na - 1 - suf] == bb[nb - 1 - suf])
		suf++;
	if (na - pre - suf > 4 || nb - pre - suf > 4)
		return false;
	for (size_t i = pre; i < na - suf; i++)
		if (!is_digit((unsigned char)ba[i]) && !is_alpha((unsigned char)ba[i]))
			return false;
	for (size_t i = pre; i < nb - suf; i++)
		if (!is_digit((unsigned char)bb[i]) && !is_alpha((unsigned char)bb[i]))
			return false;
	return pre > 0 || suf > 0;
}

bool dump_continues(const struct dump *d, const char *path, struct str data)
{
	return d->carry.n && csv_find_start(data, 0, 1) != 0 && next_name(d->carry_path, path);
}

static void problem(struct dump *d, struct dump_item *it, const char *fmt, ...) PRINTF_LIKE(3, 4);

static void problem(struct dump *d, struct dump_item *it, const char *fmt, ...)
{
	va_list ap;

	memset(it, 0, sizeof(*it));
	it->kind = DUMP_PROBLEM;
	it->path = d->path;
	va_start(ap, fmt);
	vsnprintf(it->msg, sizeof(it->msg), fmt, ap);
	va_end(ap);
}

/* Are @bytes one whole record, and no more?  Its fields into *raw. */
static bool whole_record(struct str bytes, struct csv_raw *raw)
{
	struct csv r;
	const char *err;

	csv_open(&r, bytes);
	return csv_next_raw(&r, raw, &err) == CSV_OK && (size_t)(r.p - r.base) == bytes.n;
}

/* Hands on the held record, joined or cut, out of a copy of its bytes. */
static void hand_on(struct dump *d, struct dump_item *it, bool cut)
{
	struct buf tmp = d->one;

	d->one = d->carry;
	d->carry = tmp;
	buf_clear(&d->carry);
	memset(it, 0, sizeof(*it));
	it->kind = DUMP_RECORD;
	it->path = d->carry_path;
	it->offset = d->carry_offset;
	it->length = d->one.n;
	it->recno = d->carry_recno;
	it->bytes = buf_str(&d->one);
	if (!cut && whole_record(it->bytes, &it->raw)) {
		it->joined = true;
		return;
	}
	csv_cut_raw(it->bytes, &it->raw);
	it->cut = true;
}

/* The start of a piece: the rest of the record held open, or the bytes
 * before its first record.  True when an item was made. */
static bool piece_start(struct dump *d, struct dump_item *it)
{
	struct str s = d->data;
	size_t skip = (size_t)(d->r.p - d->r.base), start;

	d->started = true;
	start = csv_find_start(s, skip, SIZE_MAX);
	if (d->carry.n) {
		size_t head = start == SIZE_MAX ? s.n : start;

		if (d->carry.n + head > CARRY_MAX) {
			problem(d, it, "record %zu (byte %llu of %s) runs on past %zu MB; left out", d->carry_recno,
				(unsigned long long)d->carry_offset, d->carry_path, CARRY_MAX >> 20);
			buf_clear(&d->carry);
			d->r.p = start == SIZE_MAX ? d->r.end : d->r.base + start;
			return true;
		}
		buf_add(&d->carry, s.p, head);
		d->r.p = d->r.base + head;
		if (start == SIZE_MAX) {
			/* the whole piece is inside the record: it goes on in the next one, or ends here */
			struct csv_raw raw;

			if (whole_record(buf_str(&d->carry), &raw)) {
				hand_on(d, it, false);
				return true;
			}
			return false;
		}
		hand_on(d, it, false);
		return true;
	}
	if (start == SIZE_MAX) {
		problem(d, it, "no record of the dump in it (%zu bytes)", s.n - skip);
		d->r.p = d->r.end;
		return true;
	}
	if (start > skip) {
		size_t k = skip;

		/* the line end of the last record of the piece before is no loss */
		while (k < start && (s.p[k] == '\n' || s.p[k] == '\r'))
			k++;
		d->r.p = d->r.base + start;
		if (k == start)
			return false;
		problem(d, it, "skipped %zu bytes before the first record", start - skip);
		return true;
	}
	return false;
}

bool dump_next(struct dump *d, struct dump_item *it)
{
	struct csv_raw raw;
	const char *err;
	enum csv_status st;

	if (!d->started && piece_start(d, it))
		return true;
	for (;;) {
		st = csv_next_raw(&d->r, &raw, &err);
		if (st == CSV_EOF)
			return false;
		if (st == CSV_OK) {
			memset(it, 0, sizeof(*it));
			it->kind = DUMP_RECORD;
			it->raw = raw;
			it->path = d->path;
			it->offset = raw.offset;
			it->length = raw.length;
			it->recno = d->recno_base + d->r.recno;
			it->bytes = str_make(d->r.base + raw.offset, raw.length);
			return true;
		}
		if (raw.cut) {
			/* the piece ends inside the record: held, for the next piece or the end */
			buf_clear(&d->carry);
			buf_add(&d->carry, d->r.base + raw.offset, (size_t)(d->r.end - d->r.base) - raw.offset);
			free(d->carry_path);
			d->carry_path = xstrdup(d->path);
			d->carry_offset = raw.offset;
			d->carry_recno = d->recno_base + d->r.recno;
			return false;
		}
		problem(d, it, "record %zu (byte %zu): %s", d->recno_base + d->r.recno, raw.offset, err);
		return true;
	}
}

bool dump_finish(struct dump *d, struct dump_item *it)
{
	size_t recno;
	uint64_t offset;

	if (!d->carry.n)
		return false;
	hand_on(d, it, true);
	if (it->raw.nfields > CSV_ID)
		return true;
	recno = it->recno;
	offset = it->offset;
	problem(d, it, "record %zu (byte %llu) is cut off before its id; left out", recno,
		(unsigned long long)offset);
	it->path = d->carry_path;
	return true;
}
