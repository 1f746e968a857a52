/* main.c -- the wiring: the options read (opts.c), then the reader or
 * what runs without it (cli_run.c) */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "corpus/corpus.h"
#include "corpus/fts/fts.h"
#include "ui/keys.h"
#include "ui/settings.h"
#include "ui/term.h"
#include "ui/ui.h"
#include "workspace/workspace.h"
#include "cli/cli.h"

/* A problem of the config file: said on standard error; the first is
 * kept for the reader's status bar. */
static void config_problem(const char *line, void *ud)
{
	char *first = ud;

	fprintf(stderr, "pilcrow: %s\n", line);
	if (first && !*first)
		snprintf(first, 256, "%s", line);
}

static int run_reader(const struct opts *o, char *const *paths, size_t n)
{
	struct corpus *c = corpus_new();
	struct settings set;
	struct buf key = { 0 };
	struct ui_opts uo = { o->no_color, o->no_mouse, o->id, o->filter_text, o->no_index, cli_open_workspace(), o->fresh,
			      NULL, &set, 0, "" };
	const char *const *lines;
	size_t nlines;
	int status;

	/* the inputs by their full names: where their list was left */
	for (size_t i = 0; i < n; i++) {
		char full[PATH_MAX];

		buf_printf(&key, "%s%s", i ? "\n" : "", strcmp(paths[i], "-") && realpath(paths[i], full) ? full : paths[i]);
	}
	buf_addc(&key, '\0');
	/* standard input is another text each time: no place kept */
	for (size_t i = 0; i < n; i++)
		if (strcmp(paths[i], "-") == 0)
			key.p[0] = '\0';
	uo.place_key = *key.p ? key.p : NULL;
	/* the config's problems, on standard error and in the status bar */
	settings_init(&set);
	uo.config_problems = settings_load(&set, NULL, config_problem, uo.config_first);
	/* the status bar is short: "line 2: ..." without the file's path */
	if (strncmp(uo.config_first, set.path, strlen(set.path)) == 0 && uo.config_first[strlen(set.path)] == ':') {
		char rest[sizeof(uo.config_first) - 8];

		snprintf(rest, sizeof(rest), "%.*s", (int)sizeof(rest) - 1, uo.config_first + strlen(set.path) + 1);
		snprintf(uo.config_first, sizeof(uo.config_first), "line %s", rest);
	}
	keys_bind(set.binds, set.nbinds);
	uo.no_mouse = uo.no_mouse || !set.mouse;

	corpus_set_workspace(c, uo.ws);
	fts_use_saved(c, !o->no_index);
	corpus_add_paths(c, paths, n);
	status = ui_run(c, &uo);
	/* the changes kept while another process holds the lock are written
	 * before pilcrow ends; Ctrl-C (or SIGTERM, SIGHUP) gives them up */
	if (ws_pending(uo.ws) && !ws_flush(uo.ws, 0)) {
		size_t kept = ws_pending(uo.ws);

		fprintf(stderr, "pilcrow: waiting for the workspace to save %zu change%s (another process holds its lock);"
			" Ctrl-C gives them up\n", kept, kept == 1 ? "" : "s");
		term_quit_reset();
		while (!term_quit_signal() && !ws_flush(uo.ws, 500))
			;
		if (ws_pending(uo.ws))
			fprintf(stderr, "pilcrow: %zu change%s not saved\n", kept, kept == 1 ? "" : "s");
		else
			fprintf(stderr, "pilcrow: the workspace is free again: %zu change%s saved\n", kept, kept == 1 ? "" : "s");
	}
	/* what was set aside or will not be saved is said again on exit */
	if (*ws_notice(uo.ws))
		fprintf(stderr, "pilcrow: %s\n", ws_notice(uo.ws));
	if (*ws_unsaved(uo.ws))
		fprintf(stderr, "pilcrow: %s\n", ws_unsaved(uo.ws));
	ws_close(uo.ws);
	keys_bind(NULL, 0);
	settings_free(&set);
	buf_free(&key);
	/* what could not be read is told once the screen is gone */
	nlines = corpus_messages(c, &lines);
	for (size_t i = 0; i < nlines; i++)
		fprintf(stderr, "%s\n", lines[i]);
	corpus_free(c);
	return status;
}

int main(int argc, char **argv)
{
	struct opts o;
	char **paths;
	size_t n;
	int status;

	term_fatal_handlers();
	status = cli_options(argc, argv, &o, &paths, &n);
	if (status >= 0)
		return status;
	if (o.export_fmt)
		status = run_export_ws(&o, paths, n);
	else if (o.index)
		status = run_index(paths, n);
	else if (o.stats)
		status = run_stats(&o, paths, n);
	else if (o.diff)
		status = run_diff(&o, paths, n);
	else if (o.thread)
		status = run_thread(&o, paths, n);
	else if (o.count_file)
		status = run_count(&o, paths, n);
	else if (o.import_ids)
		status = run_import_ids(&o, paths, n);
	else if (o.mode == MODE_READER)
		status = run_reader(&o, paths, n);
	else
		status = run_export(&o, paths, n);
	cli_options_free(&o);
	/* ended cleanly by a signal: now as the signal would have */
	term_reraise(status);
	return status;
}
