/* csv.h -- the cables.csv dump: 8 quoted columns, backslash escapes, raw
 * newlines inside fields, no header row */
#ifndef PILCROW_CSV_H
#define PILCROW_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/str.h"

#define CSV_COLUMNS 8

enum csv_col { CSV_ROW, CSV_CREATED, CSV_ID, CSV_ORIGIN, CSV_CLASS, CSV_REFS, CSV_HEADER, CSV_BODY };

struct csv {
	const char *base, *p, *end;
	size_t recno;        /* records read so far */
};

struct csv_record {
	struct str f[CSV_COLUMNS];  /* unescaped; point into the caller's buffer */
	size_t nfields;
	size_t offset, length;      /* the record's bytes in the input */
	struct str text;            /* header "\n\n" body, contiguous in the buffer */
};

enum csv_status { CSV_OK, CSV_EOF, CSV_BAD };

/* A record as it stands in the input: each field's bytes between its
 * quotes, escapes not undone. */
struct csv_raw {
	struct str f[CSV_COLUMNS];
	size_t nfields;
	size_t offset, length;
	bool cut;                   /* the input ends inside it */
};

/* True when a record starts at @p: '"' row number '","' M/D/YYYY H:MM '","'. */
bool csv_record_starts(const char *p, const char *end);

/* The offset of the first line at or after @from, before @limit, that
 * starts a record; SIZE_MAX when none does. */
size_t csv_find_start(struct str s, size_t from, size_t limit);

/* Reads what a record cut short has: its whole fields, and the field that
 * was cut as far as it goes.  False when not even the id is there. */
bool csv_cut_raw(struct str bytes, struct csv_raw *rec);

/* Unescapes the fields of @raw into @out (reused) as a record. */
void csv_unescape_record(const struct csv_raw *raw, struct buf *out, struct csv_record *rec);

/* Reads the next record without copying anything. */
enum csv_status csv_next_raw(struct csv *r, struct csv_raw *rec, const char **err);

/* Appends @raw with the backslash escapes undone to @out. */
void csv_unescape(struct buf *out, struct str raw);

/* True when @s is the dump or a piece of it: a line in its first
 * megabytes starts a record ("1","12/28/1966 18:48",...). */
bool csv_sniff(struct str s);

void csv_open(struct csv *r, struct str data);

/* Reads the next record, unescaping its fields into @out (reused).  On
 * CSV_BAD, *err says what is wrong and the reader has skipped to the next
 * record it can find. */
enum csv_status csv_next(struct csv *r, struct buf *out, struct csv_record *rec, const char **err);

#endif
