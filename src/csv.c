/* csv.c -- the cables.csv dump
 *
 * Hand-written: the dump escapes quotes with a backslash (\") rather than
 * doubling them, which general CSV readers do not take, and the reader must
 * stream 1.9 GB at memory speed. */
#include "config.h"
#include "csv.h"

#include <string.h>

/* '"' DIGITS '","' */
static bool record_start(const char *p, const char *end)
{
	const char *q = p;

	if (q >= end || *q != '"')
		return false;
	q++;
	while (q < end && is_digit((unsigned char)*q))
		q++;
	return q > p + 1 && end - q >= 3 && q[0] == '"' && q[1] == ',' && q[2] == '"';
}

bool csv_sniff(struct str s)
{
	if (s.n >= 3 && memcmp(s.p, "\xEF\xBB\xBF", 3) == 0)
		s = str_make(s.p + 3, s.n - 3);
	return record_start(s.p, s.p + s.n);
}

void csv_open(struct csv *r, struct str data)
{
	r->base = r->p = data.p;
	r->end = data.p + data.n;
	r->recno = 0;
	if (data.n >= 3 && memcmp(data.p, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3;
}

/* Skips to the next line that starts a record. */
static void resync(struct csv *r, const char *from)
{
	const char *p = from;

	while (p < r->end) {
		const char *nl = memchr(p, '\n', (size_t)(r->end - p));

		if (!nl) {
			p = r->end;
			break;
		}
		p = nl + 1;
		if (record_start(p, r->end))
			break;
	}
	r->p = p;
}

/* Finds the quote that closes a field opened before @p: a '"' after an even
 * run of backslashes.  Returns NULL when the input ends first. */
static const char *closing_quote(const char *p, const char *end)
{
	while (p < end) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		size_t bs = 0;

		if (!q)
			return NULL;
		while (q - bs > p && q[-1 - (long)bs] == '\\')
			bs++;
		if (bs % 2 == 0)
			return q;
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
	for (;;) {
		const char *q;

		if (*p != '"') {
			*err = "a field is not quoted";
			resync(r, p);
			return CSV_BAD;
		}
		q = closing_quote(p + 1, r->end);
		if (!q) {
			*err = "unterminated quote: the file ends inside a field";
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
	rec->offset = (size_t)(start - r->base);
	rec->length = (size_t)(p - start);
	if (rec->nfields != CSV_COLUMNS) {
		*err = rec->nfields < CSV_COLUMNS ? "too few columns (8 expected)" : "too many columns (8 expected)";
		return CSV_BAD;
	}
	return CSV_OK;
}

enum csv_status csv_next(struct csv *r, struct buf *out, struct csv_record *rec, const char **err)
{
	struct csv_raw raw;
	enum csv_status st = csv_next_raw(r, &raw, err);
	size_t offs[CSV_COLUMNS];

	rec->offset = raw.offset;
	rec->length = raw.length;
	if (st != CSV_OK)
		return st;
	buf_clear(out);
	/* the header and the body go last and together: "header\n\nbody" */
	for (size_t i = 0; i < CSV_COLUMNS; i++) {
		if (i == CSV_BODY)
			buf_add(out, "\n\n", 2);
		offs[i] = out->n;
		csv_unescape(out, raw.f[i]);
	}
	for (size_t i = 0; i < CSV_COLUMNS; i++) {
		size_t end = i + 1 < CSV_COLUMNS ? offs[i + 1] - (i + 1 == CSV_BODY ? 2 : 0) : out->n;

		rec->f[i] = str_make(out->p + offs[i], end - offs[i]);
	}
	rec->nfields = raw.nfields;
	rec->offset = raw.offset;
	rec->length = raw.length;
	rec->text = str_make(out->p + offs[CSV_HEADER], out->n - offs[CSV_HEADER]);
	return CSV_OK;
}
