/* cli.h -- the command line: its options (opts.c), and what the modes
 * without the reader run (cli_run.c) */
#ifndef PILCROW_CLI_H
#define PILCROW_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/ids.h"
#include "search/filter.h"
#include "search/search.h"
#include "workspace/workspace.h"

enum mode { MODE_READER, MODE_JSON, MODE_TEXT };

struct opts {
	enum mode mode;
	int width;
	bool no_color, no_mouse;
	const char *filter_text, *id;
	struct cfilter filter;
	bool stats;               /* --stats */
	bool index;               /* --index */
	bool grep_chose;          /* --grep's words were added to the filter */
	bool user_filter;         /* then: the user gave a filter too */
	bool no_index;            /* --no-index */
	bool fresh, cite;         /* --fresh, --cite */
	const char *export_fmt, *collection, *output;   /* --export, --collection, --output */
	const char *grep;         /* --grep: words, or ~REGEX */
	const char *count_file;   /* --count: a filter a line */
	const char *import_ids;   /* --import-ids: an id a line, into --collection */
	const char *search;       /* --search: a saved search's name */
	const char *thread;       /* --thread: a cable's id, canonical (in threadbuf) */
	char threadbuf[ID_MAX];
	char *search_filter;      /* then: its filter, --filter's terms after */
	bool csv;                 /* --format csv */
	bool diff, layout;        /* --diff, --layout */
	size_t top;               /* --stats --top N (0: the default; all: every one) */
	struct search *grep_re;
	char idbuf[ID_MAX];       /* --id, as ids are written */
};

/* Reads the command line into @o (opts.c): -1 to go on, with the paths
 * (the samples when none is given), or the status to exit with (the
 * usage said, --help, --version, --dump-config). */
int cli_options(int argc, char **argv, struct opts *o, char ***paths, size_t *n);
void cli_options_free(struct opts *o);

/* The workspace: PILCROW_WORKSPACE, or the default place. */
struct workspace *cli_open_workspace(void);

/* --index, --stats, --json/--text/--grep, --export */
int run_index(char *const *paths, size_t n);
int run_stats(const struct opts *o, char *const *paths, size_t n);
int run_count(const struct opts *o, char *const *paths, size_t n);
int run_import_ids(const struct opts *o, char *const *paths, size_t n);
/* --thread ID (cli_thread.c) */
int run_thread(const struct opts *o, char *const *paths, size_t n);
/* --diff A B, --diff --id ID (cli_diff.c) */
int run_diff(const struct opts *o, char *const *paths, size_t n);
/* --export ids without a collection: the cables the filter lists */
int cli_export_listed_ids(const struct opts *o, char *const *paths, size_t n);

/* What the runs share (cli_run.c): the inputs read into @c (and the text
 * index looked for, or built), with a progress line on a terminal when
 * @shown (progress.h); the corpus's messages on stderr; the workspace when
 * the filter asks it, else NULL. */
struct corpus;
void cli_read_all(struct corpus *c, char *const *paths, size_t n, bool build, bool text, bool shown);
void cli_tell_messages(struct corpus *c);
struct workspace *cli_filter_workspace(const struct cfilter *f);
int run_export(const struct opts *o, char *const *paths, size_t n);
int run_export_ws(const struct opts *o, char *const *inputs, size_t n);

#endif
