/* ui.h -- the reader: ncurses lives behind this header and in ui*.c only */
#ifndef PILCROW_UI_H
#define PILCROW_UI_H

#include <stdbool.h>

#include "corpus/corpus.h"
#include "ui/settings.h"
#include "workspace/workspace.h"

struct ui_opts {
	bool no_color;
	bool no_mouse;
	const char *id;      /* open at this cable (--id) */
	const char *filter;  /* the list's first filter (--filter) */
	bool no_index;       /* --no-index: no full-text index, searches scan */
	struct workspace *ws;   /* the marks, notes, collections */
	bool fresh;             /* --fresh: not where things were left */
	const char *place_key;  /* the inputs, for where their list was left */
	const struct settings *set;   /* the config file (settings.h) */
	size_t config_problems;       /* and its problems: how many, the first */
	char config_first[256];
};

/* Runs the reader on @corpus (indexing it as it goes) until the user quits;
 * returns the exit status.  With PILCROW_SCRIPT set, keys come from that
 * file and the screen goes to /dev/null (see script.c). */
int ui_run(struct corpus *corpus, const struct ui_opts *o);

#endif
