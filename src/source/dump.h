/* dump.h -- the cables.csv dump read record by record, whole or in pieces:
 * the one scanner behind --json and the corpus index.  A piece may start
 * inside a record (the tail of the one before it, which goes on from the
 * piece before), end inside one (it goes on in the next piece), or hold
 * damaged records; the dump finds the first record of each piece, joins a
 * record cut between two pieces, hands on what a record cut off at the
 * end of the input has, and resynchronises after damage. */
#ifndef PILCROW_DUMP_H
#define PILCROW_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "source/csv.h"
#include "base/str.h"

struct dump;

enum dump_kind {
	DUMP_RECORD,   /* a record: raw, path, offset, length */
	DUMP_PROBLEM,  /* what could not be read: msg, path (and where, in msg) */
};

struct dump_item {
	enum dump_kind kind;
	struct csv_raw raw;       /* the fields, in the piece or in bytes below */
	const char *path;         /* the piece where the record starts */
	uint64_t offset, length;  /* there; the length counts every piece's bytes */
	size_t recno;             /* its number in the dump (1 for the first) */
	bool joined;              /* it went on into the next piece */
	bool cut;                 /* the input ended inside it: its last field stops short */
	struct str bytes;         /* the record's bytes, for a joined or cut record a
				   * copy the dump keeps until the next call */
	char msg[200];            /* DUMP_PROBLEM: one line, the path left out */
};

struct dump *dump_new(void);
void dump_free(struct dump *d);

/* Starts reading the piece @data of @path (kept until the next piece). */
void dump_piece(struct dump *d, const char *path, struct str data);

/* The next item of the piece into @it; false at the piece's end. */
bool dump_next(struct dump *d, struct dump_item *it);

/* True when a record is left open at the end of the last piece read: the
 * next piece, if there is one, should go on with it. */
bool dump_open(const struct dump *d);

/* How far into the piece the reading stands, in bytes. */
size_t dump_at(const struct dump *d);

/* For records read apart (the corpus's workers scan stretches of a piece,
 * corpus_par.c): the piece's bytes as the reading sees them, once its
 * start is dealt with and while no record is held open (false else);
 * dump_skip() then moves the reading to byte @to, past the @records
 * records read there, as dump_next() would have. */
bool dump_scannable(const struct dump *d, struct str *piece);
void dump_skip(struct dump *d, size_t to, size_t records);

/* Gives up the rest of the piece and the record left open (the file was
 * cut short under the reader: what follows is not the file's). */
void dump_drop(struct dump *d);

/* The piece now ends at byte @n (its file was cut short there under the
 * reader, who saw it before reading so far): the record across @n is
 * handed on as cut off, as at the end of any input. */
void dump_end_at(struct dump *d, size_t n);

/* True when @path, holding @data, goes on with the open record: it does
 * not start with a record, and its name is the last piece's next one
 * (cables.csv.aa, cables.csv.ab; part1, part2). */
bool dump_continues(const struct dump *d, const char *path, struct str data);

/* After the last piece, or before a file that does not go on with it: the
 * open record as far as it goes (cut), into @it, or a problem when it is
 * cut before its id.  False when none is open. */
bool dump_finish(struct dump *d, struct dump_item *it);

#endif
