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

/* --count FILE: a filter a line (blank lines and # comments skipped), its
 * count and the filter as written, a line each; a line that does not
 * parse is said on stderr and the others still run (status 2). */
int run_count(const struct opts *o, char *const *paths, size_t n)
{
	bool in = strcmp(o->count_file, "-") == 0;
	FILE *f = in ? stdin : fopen(o->count_file, "r");
	struct corpus *c;
	struct workspace *ws = NULL;
	struct buf out = { 0 };
	uint32_t *rows = NULL;
	size_t cap = 0, len = 0, lineno = 0;
	char *line = NULL;
	int status = 0;
	ssize_t got;
	struct progress pr;
	struct stat sb;

	if (!f) {
		fprintf(stderr, "pilcrow: %s: %s\n", o->count_file, strerror(errno));
		return 1;
	}
	c = corpus_new();
	cli_read_all(c, paths, n, false, !o->no_index, true);
	cli_tell_messages(c);
	if (o->csv)
		buf_adds(&out, "count,filter\n");
	/* a file's lines counted first, for the time left (not a pipe's) */
	if (!in && fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode)) {
		size_t lines = 0;

		while ((got = getline(&line, &len, f)) >= 0)
			lines++;
		rewind(f);
		progress_start(&pr, true, "counting", "filters", 1, lines);
	} else {
		progress_start(&pr, true, "counting", "filters", 1, 0);
	}
	while ((got = getline(&line, &len, f)) >= 0) {
		progress_show(&pr, lineno);
		char *s = line, *e = line + got;

		lineno++;
		if (memchr(line, '\0', (size_t)got)) {
			fprintf(stderr, "pilcrow: %s:%zu: a NUL byte in the line: not a filter\n", o->count_file, lineno);
			status = 2;
			continue;
		}
		while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '#')
			continue;
		switch (count_line(c, &ws, o->count_file, lineno, s, o->csv, &out, &rows, &cap)) {
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
	free(line);
	if (!in)
		fclose(f);
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
