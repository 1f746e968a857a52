/* csv.c -- the cables.csv dump, one record at a time
 *
 * Hand-written: the dump escapes quotes with a backslash (\") rather than
 * doubling them, which general CSV readers do not take, and the reader must
 * stream 1.9 GB at memory speed.  A record starts a line with its row
 * number and creation date ("123","12/28/1966 18:48","); nothing else in
 * the dump can, since a quote inside a field is always escaped. */
#include "config.h"
#include "source/csv.h"

#include <stdint.h>
#include <string.h>

/* How far into a piece of a dump its first record may start. */
#define SNIFF_BYTES ((size_t)8 << 20)

static const char *digits(const char *p, const char *end, size_t min, size_t max)
{
	const char *q = p;

	while (q < end && is_digit((unsigned char)*q) && (size_t)(q - p) < max)
		q++;
	return (size_t)(q - p) >= min ? q : NULL;
}

/* '"' DIGITS '","' M/D/YYYY H:MM '","' */
bool csv_record_starts(const char *p, const char *end)
{
	const char *q = p;

	if (q >= end || *q != '"')
		return false;
	if (!(q = digits(q + 1, end, 1, 12)) || end - q < 3 || q[0] != '"' || q[1] != ',' || q[2] != '"')
		return false;
	if (!(q = digits(q + 3, end, 1, 2)) || q >= end || *q != '/')
		return false;
	if (!(q = digits(q + 1, end, 1, 2)) || q >= end || *q != '/')
		return false;
	if (!(q = digits(q + 1, end, 4, 4)) || q >= end || *q != ' ')
		return false;
	if (!(q = digits(q + 1, end, 1, 2)) || q >= end || *q != ':')
		return false;
	if (!(q = digits(q + 1, end, 2, 2)))
		return false;
	return end - q >= 3 && q[0] == '"' && q[1] == ',' && q[2] == '"';
}

size_t csv_find_start(struct str s, size_t from, size_t limit)
{
	size_t at = from;

	if (limit > s.n)
		limit = s.n;
	while (at < limit) {
		const char *nl;

		if ((at == 0 || s.p[at - 1] == '\n') && csv_record_starts(s.p + at, s.p + s.n))
			return at;
		nl = memchr(s.p + at, '\n', limit - at);
		if (!nl)
			break;
		at = (size_t)(nl - s.p) + 1;
	}
	return SIZE_MAX;
}

static struct str skip_bom(struct str s)
{
	if (s.n >= 3 && memcmp(s.p, "\xEF\xBB\xBF", 3) == 0)
		return str_make(s.p + 3, s.n - 3);
	return s;
}

bool csv_sniff(struct str s)
{
	return csv_find_start(skip_bom(s), 0, SNIFF_BYTES) != SIZE_MAX;
}

void csv_open(struct csv *r, struct str data)
{
	r->base = data.p;
	r->p = skip_bom(data).p;
	r->end = data.p + data.n;
	r->recno = 0;
}

/* Skips to the next line that starts a record. */
static void resync(struct csv *r, const char *from)
{
	size_t at = csv_find_start(str_make(r->base, (size_t)(r->end - r->base)), (size_t)(from - r->base),
				   SIZE_MAX);

	r->p = at == SIZE_MAX ? r->end : r->base + at;
}

/* Finds the quote that closes a field opened before @p: a '"' after an even
 * run of backslashes.  Returns NULL when the input ends first; sets *next
 * when the next record starts first (the field's quote never closes). */
static const char *closing_quote(const char *p, const char *end, const char **next)
{
	*next = NULL;
	while (p < end) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		size_t bs = 0;

		if (!q)
			return NULL;
		while (q - bs > p && q[-1 - (long)bs] == '\\')
			bs++;
		if (bs % 2 == 0) {
			/* a quote that starts a line and a record is the next record's */
			if (q[-1] == '\n' && csv_record_starts(q, end)) {
				*next = q;
				return NULL;
			}
			return q;
		}
		p = q + 1;
	}
	return NULL;
}

/* Appends the raw field [p, e) with backslash escapes undone. */
static void unescape(struct buf *out, const char *p, const char *e)
{
	while (p < e) {
		const char *bs = memchr(p, '\\', (size_t)(e - p));

		if (!bs) {
			buf_add(out, p, (size_t)(e - p));
			return;
		}
		buf_add(out, p, (size_t)(bs - p));
		if (bs + 1 < e) {
			char ch = bs[1];

			if (ch == 'n')
				buf_addc(out, '\n');
			else if (ch == 't')
				buf_addc(out, '\t');
			else if (ch == '"' || ch == '\'' || ch == '\\')
				buf_addc(out, ch);
			else
				buf_add(out, bs, 2);
			p = bs + 2;
		} else {
			buf_addc(out, '\\');
			p = bs + 1;
		}
	}
}

void csv_unescape(struct buf *out, struct str raw)
{
	if (raw.n)
		unescape(out, raw.p, raw.p + raw.n);
}

enum csv_status csv_next_raw(struct csv *r, struct csv_raw *rec, const char **err)
{
	const char *p = r->p, *start;

	*err = NULL;
	while (p < r->end && (*p == '\n' || *p == '\r'))
		p++;
	if (p >= r->end) {
		r->p = p;
		return CSV_EOF;
	}
	start = p;
	r->recno++;
	rec->nfields = 0;
	rec->offset = (size_t)(start - r->base);   /* a bad record is reported where it starts */
	rec->length = 0;
	rec->cut = false;
	for (;;) {
		const char *q, *next;

		if (*p != '"') {
			*err = "a field is not quoted";
			resync(r, p);
			return CSV_BAD;
		}
		q = closing_quote(p + 1, r->end, &next);
		if (next) {
			*err = "a quote that never closes before the next record";
			r->p = next;
			return CSV_BAD;
		}
		if (!q) {
			*err = "unterminated quote: the file ends inside a field";
			rec->cut = true;
			r->p = r->end;
			return CSV_BAD;
		}
		if (rec->nfields < CSV_COLUMNS)
			rec->f[rec->nfields] = str_make(p + 1, (size_t)(q - p - 1));
		rec->nfields++;
		p = q + 1;
		if (p < r->end && *p == ',') {
			p++;
			if (p >= r->end) {
				*err = "the file ends after a comma";
				rec->cut = true;
				r->p = r->end;
				return CSV_BAD;
			}
			continue;
		}
		if (p >= r->end || *p == '\n' || (*p == '\r' && p + 1 < r->end && p[1] == '\n') ||
		    (*p == '\r' && p + 1 == r->end))
			break;
		*err = "text after a closing quote";
		resync(r, p);
		return CSV_BAD;
	}
	while (p < r->end && (*p == '\r' || *p == '\n'))
		p++;
	r->p = p;
	rec->length = (size_t)(p - start);
	if (rec->nfields < CSV_COLUMNS && p >= r->end && p[-1] == '"') {
		/* the input ends right after a field: the rest of the record is not there */
		*err = "unterminated record: the file ends after a field";
		rec->cut = true;
		return CSV_BAD;
	}
	if (rec->nfields != CSV_COLUMNS) {
		*err = rec->nfields < CSV_COLUMNS ? "too few columns (8 expected)" : "too many columns (8 expected)";
		return CSV_BAD;
	}
	return CSV_OK;
}

bool csv_cut_raw(struct str bytes, struct csv_raw *rec)
{
	const char *p = bytes.p, *end = bytes.p + bytes.n;

	memset(rec, 0, sizeof(*rec));
	rec->cut = true;
	rec->length = bytes.n;
	while (p < end && rec->nfields < CSV_COLUMNS) {
		const char *q, *next;

		if (*p != '"')
			break;
		q = closing_quote(p + 1, end, &next);
		if (!q) {
			/* the field that was cut: what it has */
			const char *e = next ? next : end;

			while (e > p + 1 && (e[-1] == '\n' || e[-1] == '\r'))
				e--;
			rec->f[rec->nfields++] = str_make(p + 1, (size_t)(e - p - 1));
			break;
		}
		rec->f[rec->nfields++] = str_make(p + 1, (size_t)(q - p - 1));
		p = q + 1;
		if (p >= end || *p != ',')
			break;
		p++;
	}
	return rec->nfields > CSV_ID;
}

void csv_unescape_record(const struct csv_raw *raw, struct buf *out, struct csv_record *rec)
{
	size_t offs[CSV_COLUMNS];

	buf_clear(out);
	/* the header and the body go last and together: "header\n\nbody" */
	for (size_t i = 0; i < CSV_COLUMNS; i++) {
		if (i == CSV_BODY)
			buf_add(out, "\n\n", 2);
		offs[i] = out->n;
		if (i < raw->nfields)
			csv_unescape(out, raw->f[i]);
	}
	for (size_t i = 0; i < CSV_COLUMNS; i++) {
		size_t end = i + 1 < CSV_COLUMNS ? offs[i + 1] - (i + 1 == CSV_BODY ? 2 : 0) : out->n;

		rec->f[i] = str_make(out->p + offs[i], end - offs[i]);
	}
	rec->nfields = raw->nfields;
	rec->offset = raw->offset;
	rec->length = raw->length;
	rec->text = str_make(out->p + offs[CSV_HEADER], out->n - offs[CSV_HEADER]);
}

enum csv_status csv_next(struct csv *r, struct buf *out, struct csv_record *rec, const char **err)
{
	struct csv_raw raw;
	enum csv_status st = csv_next_raw(r, &raw, err);

	rec->offset = raw.offset;
	rec->length = raw.length;
	if (st != CSV_OK)
		return st;
	csv_unescape_record(&raw, out, rec);
	return CSV_OK;
}
