/* cli_run.c -- what pilcrow does without the reader: --json, --text and
 * --grep (every cable, or those a filter chose, on every core), --index,
 * --stats, and --export of the workspace */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "cli/progress.h"
#include "doc/cable.h"
#include "report/cli_export.h"
#include "corpus/corpus.h"
#include "corpus/fts/fts.h"
#include "doc/export.h"
#include "report/grep.h"
#include "report/overview.h"
#include "parse/parse.h"
#include "source/source.h"
#include "base/util.h"
#include "workspace/ws_export.h"

struct export_ctx {
	const struct opts *o;
	struct source_stats st;   /* what reading counts; problems go to stderr */
	size_t read, written, hits;
	size_t gave_up;           /* cables --grep's pattern gave up on */
	bool write_failed;
};

/* The workspace: PILCROW_WORKSPACE, or the default place. */
struct workspace *cli_open_workspace(void)
{
	char old[PATH_MAX];

	return ws_open(getenv("PILCROW_WORKSPACE"), ws_old_marks(old, sizeof(old)));
}

/* The workspace when the filter asks it (marked, noted ...), else NULL. */
struct workspace *cli_filter_workspace(const struct cfilter *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (cf_reads_workspace(&f->terms[i]))
			return cli_open_workspace();
	return NULL;
}

/* --index: the text index's build, as a share of the dump's bytes */
struct index_bar {
	struct progress p;
	uint64_t bytes;
};

static void index_progress(int pct, void *ud)
{
	struct index_bar *b = ud;

	progress_show(&b->p, b->bytes / 100 * (uint64_t)pct);
}

/* Reads @paths into @c whole, and finds its full-text index (builds it
 * when @build); says why there is none when asked for one. */
void cli_read_all(struct corpus *c, char *const *paths, size_t n, bool build, bool text, bool shown)
{
	struct index_bar b;
	uint64_t done, total;

	fts_use_saved(c, text);
	corpus_add_paths(c, paths, n);
	progress_start(&b.p, !build, "reading", "MB", 1.0 / 1048576, 0);
	b.p.on = b.p.on && shown;
	while (!corpus_index_step(c, 100)) {
		corpus_progress(c, &done, &total);
		b.p.total = total;
		progress_show(&b.p, done);
	}
	progress_end(&b.p);
	if (!text)
		return;
	fts_start(c, build, false);
	corpus_progress(c, &done, &b.bytes);
	progress_start(&b.p, false, "indexing", "MB", 1.0 / 1048576, b.bytes);
	b.p.on = b.p.on && shown && build;
	fts_wait(c, build ? index_progress : NULL, &b);
	progress_end(&b.p);
	/* why there is no index, when one was looked for and not had */
	if (!build && *fts_reason(c))
		fprintf(stderr, "pilcrow: %s\n", fts_reason(c));
}

void cli_tell_messages(struct corpus *c)
{
	const char *const *lines;
	size_t nlines = corpus_messages(c, &lines);

	for (size_t i = 0; i < nlines; i++)
		fprintf(stderr, "%s\n", lines[i]);
}

int run_index(char *const *paths, size_t n)
{
	struct corpus *c = corpus_new();
	double t0 = now_ms();
	int status = 0;
	size_t changed;

	cli_read_all(c, paths, n, true, true, true);
	changed = corpus_watch(c);
	cli_tell_messages(c);
	if (fts_state(c) == FTS_READY) {
		char count[32];

		snprintf(count, sizeof(count), "%zu", corpus_count(c));
		fprintf(stderr, "pilcrow: the text of %s cables is indexed in %s (%.1f s)\n", count,
			fts_dir(c), (now_ms() - t0) / 1000);
	} else {
		fprintf(stderr, "pilcrow: %s\n", *fts_reason(c) ? fts_reason(c)
				: corpus_count(c) ? "only a cables.csv dump (or its pieces) has a text index"
						  : "no cable was read");
		status = changed ? 4 : 1;
	}
	corpus_free(c);
	return status;
}

/* A pattern PCRE2's limits stopped on @n cables: the answer is not whole;
 * said (the status is 3). */
static bool gave_up(size_t n)
{
	if (n)
		fprintf(stderr, "pilcrow: gave up on %zu cable%s: the pattern is too costly there; simplify it\n", n,
			n == 1 ? "" : "s");
	return n > 0;
}

/* --stats: from the list index alone (only a text filter reads the text) */
int run_stats(const struct opts *o, char *const *paths, size_t n)
{
	struct corpus *c = corpus_new();
	const char *const *lines;
	uint32_t *rows = NULL;
	size_t cap = 0, nrows, nlines;
	struct overview ov;
	struct buf out = { 0 };
	int status = 0;
	size_t changed;

	struct workspace *ws = cli_filter_workspace(&o->filter);

	corpus_set_workspace(c, ws);
	/* the tallies count the people; nothing here follows the references */
	corpus_list_lean(c, corpus_list_needs(&o->filter, true, false));
	cli_read_all(c, paths, n, false, !o->no_index, true);
	changed = corpus_watch(c);
	nrows = corpus_select(c, &o->filter, SORT_INPUT, false, &rows, &cap);
	/* a dump cut short behind the reading: the cables read past the cut
	 * are not the file's any more (--json cannot write them either) */
	if (changed) {
		size_t k = 0;

		for (size_t i = 0; i < nrows; i++)
			if (!corpus_entry_cut(c, rows[i]))
				rows[k++] = rows[i];
		nrows = k;
	}
	overview_make(&ov, c, rows, nrows, o->top ? o->top : OVERVIEW_TOP);
	if (o->mode == MODE_JSON)
		overview_json(&out, &ov);
	else
		overview_text(&out, &ov, o->width);
	nlines = corpus_messages(c, &lines);
	for (size_t i = 0; i < nlines; i++)
		fprintf(stderr, "%s\n", lines[i]);
	if (!corpus_count(c))
		status = 1;
	else if (fwrite(out.p, 1, out.n, stdout) != out.n || fflush(stdout) != 0)
		status = 1;
	else if (gave_up(cfilter_gave_up(&o->filter)))
		status = 3;
	if (changed && status != 1)
		status = 4;
	buf_free(&out);
	free(rows);
	overview_free(&ov);
	corpus_free(c);
	ws_close(ws);
	return status;
}

static void written_progress(size_t done, void *ud)
{
	progress_show(ud, done);
}

/* The cables, every one or those the filter chose from the list index (and
 * the text index, when the dump has one), parsed and written on every core. */
static void export_selected(struct export_ctx *x, char *const *paths, size_t n)
{
	struct corpus *c = corpus_new();
	uint32_t *rows = NULL;
	size_t cap = 0, nrows;
	struct cli_out o = { x->o->mode == MODE_JSON, x->o->width, x->o->id, x->o->grep_re ? x->o->grep : NULL,
			     x->o->cite, &x->o->filter, written_progress, NULL };
	struct progress p;
	struct cli_result r;

	struct workspace *ws = cli_filter_workspace(&x->o->filter);

	corpus_set_workspace(c, ws);
	/* each cable written is parsed whole: the list only chooses them */
	corpus_list_lean(c, corpus_list_needs(&x->o->filter, false, false));
	cli_read_all(c, paths, n, false, !x->o->no_index, true);
	x->read = corpus_count(c);
	nrows = corpus_select(c, &x->o->filter, SORT_INPUT, false, &rows, &cap);
	progress_start(&p, true, "writing", "cables", 1, nrows);
	o.progress_ud = &p;
	cli_export(c, rows, nrows, &o, stdout, &r);
	progress_end(&p);
	x->written = r.written;
	x->hits = r.hits;
	x->gave_up = r.gave_up;
	x->write_failed = r.write_failed;
	x->st.changed = corpus_watch(c);
	cli_tell_messages(c);
	free(rows);
	corpus_free(c);
	ws_close(ws);
}

int run_export(const struct opts *o, char *const *paths, size_t n)
{
	struct export_ctx x;

	memset(&x, 0, sizeof(x));
	x.o = o;
	/* the list index read (the saved one, when the dump has a text
	 * index), then every cable it holds, or the filter chose, parsed and
	 * written on every core in order */
	export_selected(&x, paths, n);
	if (fflush(stdout) != 0 || x.write_failed) {
		if (errno != EPIPE)
			fprintf(stderr, "pilcrow: standard output: %s\n", strerror(errno));
		return 1;
	}
	if (gave_up(x.gave_up + cfilter_gave_up(&o->filter)) && !x.st.changed)
		return 3;
	/* what was written is what the inputs held when read; they changed
	 * since (said on stderr), so it may not be whole */
	if (x.st.changed)
		return 4;
	if (x.read && !x.written && o->grep_re) {
		fprintf(stderr, "pilcrow: no hit for '%s'%s\n", o->grep,
			(o->grep_chose ? o->user_filter : !cfilter_empty(&o->filter)) ? " in the cables that pass the filter" : "");
	} else if (x.read && !x.written) {
		if (o->id)
			fprintf(stderr, "pilcrow: no cable %s%s in what was read\n", o->id,
				cfilter_empty(&o->filter) ? "" : " that passes the filter");
		else
			fprintf(stderr, "pilcrow: no cable passes the filter '%s'\n", o->filter_text);
	}
	return x.written ? 0 : 1;
}

/* --export: the workspace's items, to standard output or --output */
/* The ids of the cables a filter chose, sorted, for --export --filter. */
struct chosen {
	char **ids;
	size_t n;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_chosen(const char *id, void *ud)
{
	const struct chosen *ch = ud;

	return bsearch(&id, ch->ids, ch->n, sizeof(*ch->ids), cmp_str) != NULL;
}

/* The cables of @paths that pass the filter, by id. */
static void choose(const struct opts *o, char *const *paths, size_t n, struct workspace *ws, struct chosen *ch)
{
	struct corpus *c = corpus_new();
	uint32_t *rows = NULL;
	size_t cap = 0, nrows;

	corpus_set_workspace(c, ws);
	corpus_list_lean(c, corpus_list_needs(&o->filter, false, false));
	cli_read_all(c, paths, n, false, !o->no_index, true);
	cli_tell_messages(c);
	nrows = corpus_select(c, &o->filter, SORT_INPUT, false, &rows, &cap);
	ch->ids = xmalloc((nrows ? nrows : 1) * sizeof(*ch->ids));
	for (size_t i = 0; i < nrows; i++)
		ch->ids[ch->n++] = xstrdup(corpus_str(c, corpus_entry(c, rows[i])->id));
	qsort(ch->ids, ch->n, sizeof(*ch->ids), cmp_str);
	free(rows);
	corpus_free(c);
}

int run_export_ws(const struct opts *o, char *const *inputs, size_t n)
{
	struct workspace *ws = cli_open_workspace();
	struct buf out = { 0 };
	char err[PATH_MAX + 100];
	struct chosen ch = { NULL, 0 };
	bool filtered = !cfilter_empty(&o->filter);
	size_t items;
	int status = 0;

	/* ids without a collection: the cables the filter lists in the inputs */
	if (strcmp(o->export_fmt, "ids") == 0 && !o->collection) {
		ws_close(ws);
		return cli_export_listed_ids(o, inputs, n);
	}
	/* --filter: the marks and notes of the cables it chooses in the inputs */
	if (filtered)
		choose(o, inputs, n, ws, &ch);
	items = ws_export_some(ws, o->export_fmt, o->collection, NULL, filtered ? is_chosen : NULL, &ch, &out);
	/* after the reading: damage met while it read is told too */
	if (*ws_notice(ws))
		fprintf(stderr, "pilcrow: %s\n", ws_notice(ws));
	if (!items)
		fprintf(stderr, "pilcrow: %s\n", filtered ? "nothing marked or noted in the cables the filter chooses"
					       : o->collection ? "nothing in that collection" : "nothing marked or noted yet");
	for (size_t i = 0; i < ch.n; i++)
		free(ch.ids[i]);
	free(ch.ids);
	if (o->output) {
		if (!ws_write_file(o->output, &out, inputs, n, err, sizeof(err))) {
			fprintf(stderr, "pilcrow: %s\n", err);
			status = 1;
		}
	} else if ((out.n && fwrite(out.p, 1, out.n, stdout) != out.n) || fflush(stdout) != 0) {
		if (errno != EPIPE)
			fprintf(stderr, "pilcrow: standard output: %s\n", strerror(errno));
		status = 1;
	}
	buf_free(&out);
	ws_close(ws);
	return status ? status : items ? 0 : 1;
}

