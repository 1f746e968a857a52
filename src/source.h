/* source.h -- open what the user names: files, folders (recursively), "-"
 * for standard input; sniff the format from the content; decode to UTF-8;
 * hand each record (one cable's text and its container metadata) on. */
#ifndef PILCROW_SOURCE_H
#define PILCROW_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "parse.h"
#include "str.h"

/* Called for each record; the strings are valid only during the call.
 * Returns false to stop reading. */
typedef bool (*record_fn)(struct str text, const struct record_meta *meta, void *ud);

struct source_stats {
	size_t records;   /* records handed on */
	size_t problems;  /* files or records that could not be read */
	size_t bytes;     /* input bytes read */
};

/* Reads every path in order; problems are reported on stderr, one line
 * each ("pilcrow: PATH: what is wrong"), and counted. */
void source_read(char *const *paths, size_t npaths, record_fn fn, void *ud, struct source_stats *st);

/* Reports a problem with @path on stderr (the path made safe to print). */
void source_report(const char *path, const char *fmt, ...) PRINTF_LIKE(2, 3);

#endif
