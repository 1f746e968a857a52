/* ui.h -- the reader: ncurses lives behind this header and in ui*.c only */
#ifndef PILCROW_UI_H
#define PILCROW_UI_H

#include <stdbool.h>

#include "view.h"

struct ui_opts {
	bool no_color;
	bool no_mouse;
};

/* Runs the reader on @lib until the user quits; returns the exit status.
 * With PILCROW_SCRIPT set, keys come from that file and the screen goes to
 * /dev/null (see script.c). */
int ui_run(struct library *lib, const struct ui_opts *o);

#endif
