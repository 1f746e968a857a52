/* source.h -- open what the user names: files, folders (recursively), "-"
 * for standard input; sniff the format from the content; decode to UTF-8;
 * hand each record (one cable's text and its container metadata) on. */
#ifndef PILCROW_SOURCE_H
#define PILCROW_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/record.h"
#include "base/str.h"

/* Called for each record; the strings are valid only during the call.
 * Returns false to stop reading. */
typedef bool (*record_fn)(struct str text, const struct record_meta *meta, void *ud);

/* What reading counts, and where it tells its problems: the sink, a line
 * each ("pilcrow: PATH: what is wrong"); standard error when it is NULL. */
struct source_stats {
	size_t records;   /* records handed on */
	size_t problems;  /* files or records that could not be read */
	size_t bytes;     /* input bytes read */
	size_t changed;   /* inputs found cut short, grown or written to while read */
	void (*report)(const char *line, void *ud);
	void *report_ud;
};

/* Reads every path in order; problems are reported, one line each
 * ("pilcrow: PATH: what is wrong"), and counted. */
void source_read(char *const *paths, size_t npaths, record_fn fn, void *ud, struct source_stats *st);

/* Reports a problem with @path (the path made safe to print) to the sink
 * of @st (stderr when @st or its sink is NULL). */
void source_report(const struct source_stats *st, const char *path, const char *fmt, ...) PRINTF_LIKE(3, 4);


/* Calls @fn with each file named by @paths, folders walked recursively in
 * name order ("-" stands for standard input); returns false from @fn to stop. */
void source_walk(char *const *paths, size_t npaths, bool (*fn)(const char *path, void *ud), void *ud,
		 struct source_stats *st);

/* A file's bytes: mapped when it is a regular file, else read into memory.
 * A mapped file keeps its descriptor, and its size and time at the opening,
 * so that a change made to it while it is read can be seen (fstat). */
struct loaded {
	struct str data;
	bool mapped;
	void *mem;
	int fd;                 /* mapped: the file, open; else -1 */
	long long mtime_s, mtime_ns;
};

/* What another program did to a mapped file since it was opened. */
enum source_change {
	SOURCE_SAME,
	SOURCE_CUT,             /* shorter: the pages past its end are gone */
	SOURCE_GROWN,           /* longer: the mapping holds what it was */
	SOURCE_WRITTEN,         /* the same length, written to */
};

/* Looks at the file of @l again (one fstat); @now gets its size. */
enum source_change source_changed(const struct loaded *l, size_t *now);

/* Says a change other than a cut (which the reader of the file words
 * itself) on one line, and counts it in @st->changed. */
void source_tell_change(struct source_stats *st, const char *path, enum source_change ch, size_t now, size_t was);

/* Loads @path ("-": standard input); reports and returns false on failure. */
bool source_load(const char *path, struct loaded *l, struct source_stats *st);
void source_unload(struct loaded *l);

/* Reading records out of loaded bytes, with buffers kept between calls. */
struct source_reader;

struct source_reader *source_reader_new(record_fn fn, void *ud, struct source_stats *st);
void source_reader_free(struct source_reader *r);

/* Hands on the records of a whole file: a text cable, a page, or a dump. */
void source_reader_buffer(struct source_reader *r, const char *path, struct str data, bool mapped);

/* Hands on one cables.csv record: @record is its bytes, at @offset in @path. */
void source_reader_csv_record(struct source_reader *r, const char *path, struct str record, uint64_t offset);

/* Where the mapped file @data of @path was found cut short by another
 * program (see mapguard.h), at most its size now; SIZE_MAX while it is
 * whole or not mapped. */
size_t source_cut_at(const char *path, struct str data, bool mapped);

/* True when @data is a cables.csv dump. */
bool source_is_csv(struct str data);

#endif
