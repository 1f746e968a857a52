/* cli_batch.c -- the command line's work on many at once: --count (a
 * filter a line), --export ids for the listed cables, --import-ids */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/util.h"
#include "cli/progress.h"
#include "corpus/corpus.h"
#include "doc/cable.h"
#include "search/idlist.h"
#include "workspace/ws_export.h"

/* A filter of a --count line, written as CSV asks: quoted, its quotes doubled. */
static void csv_field(struct buf *out, const char *s)
{
	buf_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(out, '"');
		buf_addc(out, *s);
	}
	buf_addc(out, '"');
}

/* One line of the --count file: its filter counted, or its fault said
 * with the line and the column.  0, or 2 when it does not parse, 3 when
 * its pattern gave up on some cables (the count is not whole). */
static int count_line(struct corpus *c, struct workspace **ws, const char *file, size_t lineno, char *line,
		       bool csv, struct buf *out, uint32_t **rows, size_t *cap)
{
	struct cfilter f;
	char err[256];
	size_t at = 0, n, gave;

	if (!cfilter_parse_at(&f, line, err, sizeof(err), &at)) {
		fprintf(stderr, "pilcrow: %s:%zu: column %zu: %s\n", file, lineno, at + 1, err);
		return 2;
	}
	if (!*ws && (*ws = cli_filter_workspace(&f)))
		corpus_set_workspace(c, *ws);
	n = corpus_select(c, &f, SORT_INPUT, false, rows, cap);
	/* the count is not whole where the pattern gave up: said */
	gave = cfilter_gave_up(&f);
	if (gave)
		fprintf(stderr, "pilcrow: %s:%zu: gave up on %zu cable%s: the pattern is too costly there; simplify it\n",
			file, lineno, gave, gave == 1 ? "" : "s");
	if (csv) {
		buf_printf(out, "%zu,", n);
		csv_field(out, line);
		buf_addc(out, '\n');
	} else {
		buf_printf(out, "%zu\t%s\n", n, line);
	}
	cfilter_free(&f);
	return gave ? 3 : 0;
}

/* Line @s of @got bytes made a filter's text in place: NULL for a blank
 * line or a comment, and for a NUL byte in it (*@nul set). */
static char *filter_text(char *s, size_t got, bool *nul)
{
	char *e = s + got;

	*nul = memchr(s, '\0', got) != NULL;
	if (*nul)
		return NULL;
	while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	return *s && *s != '#' ? s : NULL;
}

/* What a line of a --count file is, once read (read_filters). */
#define NO_FILTER SIZE_MAX           /* a blank line or a comment */
#define NUL_LINE (SIZE_MAX - 1)      /* a line with a NUL byte */

/* The lines of @f, each made a filter's text (filter_text) once: line i's
 * at byte @text[i] of @all (ended by a NUL), or NO_FILTER, NUL_LINE; how
 * many lines. */
static size_t read_filters(FILE *f, struct buf *all, size_t **text)
{
	size_t n = 0, cap = 0, size = 0;
	char *line = NULL;
	ssize_t got;

	*text = NULL;
	while ((got = getline(&line, &size, f)) >= 0) {
		bool nul;
		const char *s = filter_text(line, (size_t)got, &nul);

		grow_array((void **)text, &cap, n + 1, sizeof(**text));
		(*text)[n++] = nul ? NUL_LINE : s ? all->n : NO_FILTER;
		if (s) {
			buf_adds(all, s);
			buf_addc(all, '\0');
		}
	}
	free(line);
	return n;
}

/* What the list may leave out for every filter of @text (those that do
 * not parse ask nothing: they are not counted). */
static unsigned count_needs(const char *all, const size_t *text, size_t n)
{
	unsigned leave = LIST_NO_PEOPLE | LIST_NO_REFS;

	for (size_t i = 0; i < n && leave; i++) {
		struct cfilter f;
		char err[256];

		if (text[i] < NUL_LINE && cfilter_parse(&f, all + text[i], err, sizeof(err))) {
			leave &= corpus_list_needs(&f, false, false);
			cfilter_free(&f);
		}
	}
	return leave;
}

/* --count FILE: a filter a line (blank lines and # comments skipped), its
 * count and the filter as written, a line each; a line that does not
 * parse is said on stderr and the others still run (status 2).  The file
 * is read first, so that the list leaves out what none of its filters
 * asks (corpus_list_lean). */
int run_count(const struct opts *o, char *const *paths, size_t n)
{
	bool in = strcmp(o->count_file, "-") == 0;
	FILE *f = in ? stdin : fopen(o->count_file, "r");
	struct corpus *c;
	struct workspace *ws = NULL;
	struct buf out = { 0 }, all = { 0 };
	uint32_t *rows = NULL;
	size_t cap = 0, nlines, *text;
	int status = 0;
	struct progress pr;
	struct stat sb;
	bool regular;

	if (!f) {
		fprintf(stderr, "pilcrow: %s: %s\n", o->count_file, strerror(errno));
		return 1;
	}
	regular = !in && fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode);
	nlines = read_filters(f, &all, &text);
	if (!in)
		fclose(f);
	c = corpus_new();
	corpus_list_lean(c, count_needs(all.p, text, nlines));
	cli_read_all(c, paths, n, false, !o->no_index, true);
	cli_tell_messages(c);
	if (o->csv)
		buf_adds(&out, "count,filter\n");
	/* the time left for a file's lines (not a pipe's, still coming when
	 * counting was a line at a time) */
	progress_start(&pr, true, "counting", "filters", 1, regular ? nlines : 0);
	for (size_t i = 0; i < nlines; i++) {
		progress_show(&pr, i);
		if (text[i] == NUL_LINE) {
			fprintf(stderr, "pilcrow: %s:%zu: a NUL byte in the line: not a filter\n", o->count_file, i + 1);
			status = 2;
			continue;
		}
		if (text[i] == NO_FILTER)
			continue;
		switch (count_line(c, &ws, o->count_file, i + 1, all.p + text[i], o->csv, &out, &rows, &cap)) {
		case 2: status = 2; break;
		case 3: status = status ? status : 3; break;
		default: break;
		}
		/* the counts as they come: a long batch shows its progress */
		if (out.n > (1u << 16) || !o->csv) {
			if (fwrite(out.p, 1, out.n, stdout) != out.n)
				status = 1;
			buf_clear(&out);
		}
	}
	progress_end(&pr);
	if (out.n && fwrite(out.p, 1, out.n, stdout) != out.n)
		status = 1;
	if (fflush(stdout) != 0)
		status = 1;
	if (!corpus_count(c))
		status = 1;
	free(text);
	buf_free(&all);
	buf_free(&out);
	free(rows);
	corpus_free(c);
	ws_close(ws);
	return status;
}

int cli_export_listed_ids(const struct opts *o, char *const *paths, size_t n)
{
	struct workspace *ws = cli_filter_workspace(&o->filter);
	struct corpus *c = corpus_new();
	struct buf out = { 0 };
	uint32_t *rows = NULL;
	size_t cap = 0, nrows;
	int status = 0;

	corpus_set_workspace(c, ws);
	corpus_list_lean(c, corpus_list_needs(&o->filter, false, false));
	cli_read_all(c, paths, n, false, !o->no_index, true);
	cli_tell_messages(c);
	nrows = corpus_select(c, &o->filter, SORT_INPUT, false, &rows, &cap);
	for (size_t i = 0; i < nrows; i++) {
		const struct centry *e = corpus_entry(c, rows[i]);
		char date[11];

		minutes_date(e->date, date);
		ws_export_id_line(&out, corpus_str(c, e->id), date, corpus_str(c, e->origin), corpus_str(c, e->subject));
	}
	if (!nrows)
		fprintf(stderr, "pilcrow: no cable passes the filter\n");
	if ((out.n && fwrite(out.p, 1, out.n, stdout) != out.n) || fflush(stdout) != 0)
		status = 1;
	buf_free(&out);
	free(rows);
	corpus_free(c);
	ws_close(ws);
	return status ? status : nrows ? 0 : 1;
}

/* The ids not in the inputs said a line each, up to this many. */
#define MISSING_SAID 50

/* --import-ids FILE --collection NAME: the cables of the ids the inputs
 * hold put into the collection (a cable already there stays), in one
 * transaction; the ids they do not hold said on stderr, a line each (the
 * first MISSING_SAID, then how many more). */
int run_import_ids(const struct opts *o, char *const *paths, size_t n)
{
	struct idlist l;
	struct corpus *c;
	struct workspace *ws;
	char err[4200];
	size_t put = 0, had = 0, missing = 0;

	if (!idlist_read(&l, o->import_ids, err, sizeof(err))) {
		fprintf(stderr, "pilcrow: --import-ids: %s\n", err);
		return 1;
	}
	c = corpus_new();
	cli_read_all(c, paths, n, false, false, false);
	cli_tell_messages(c);
	ws = cli_open_workspace();
	ws_batch_begin(ws);     /* one transaction, however many */
	for (size_t i = 0; i < l.n; i++) {
		long e = corpus_find(c, idlist_id(&l, i));
		const struct cable *cab = e >= 0 ? corpus_cable(c, (size_t)e) : NULL;
		struct ws_about a;

		if (!cab) {
			/* the first ones a line each, then how many more */
			if (++missing <= MISSING_SAID)
				fprintf(stderr, "pilcrow: %s: not in the inputs\n", idlist_id(&l, i));
			continue;
		}
		if (ws_in_collection(ws, str_c(cab->id), o->collection)) {
			had++;
			continue;
		}
		ws_about(&a, cab, -1, STR_NULL);
		ws_collect_toggle(ws, &a, o->collection);
		put++;
	}
	ws_batch_end(ws);
	if (missing > MISSING_SAID)
		fprintf(stderr, "pilcrow: and %zu more ids not in the inputs\n", missing - MISSING_SAID);
	fprintf(stderr, "pilcrow: %zu cable%s put into %s%s%.0zu%s; %zu id%s not in the inputs\n", put, put == 1 ? "" : "s",
		o->collection, had ? " (" : "", had, had ? " there already)" : "", missing, missing == 1 ? "" : "s");
	ws_close(ws);
	corpus_free(c);
	idlist_free(&l);
	return put || had ? 0 : 1;
}
