/* script.h -- scripted runs for the screen tests: an input source, like
 * the keyboard.  With PILCROW_SCRIPT=FILE the reader's input comes from
 * FILE (see script.c for the commands); the reader's loop acts on each
 * event.  The script knows nothing of the screens. */
#ifndef PILCROW_SCRIPT_H
#define PILCROW_SCRIPT_H

#include <stdbool.h>

#include "ui/ui_curses.h"
#include "views/screen.h"

enum script_kind {
	SCRIPT_END,         /* the script is over */
	SCRIPT_KEY,         /* key */
	SCRIPT_RESIZE,      /* rows, cols */
	SCRIPT_MOUSE,       /* mouse */
	SCRIPT_DUMP,        /* path, styles: write the screen as it is */
	SCRIPT_WAIT_INDEX,  /* index everything */
	SCRIPT_INDEX,       /* n: index n more cables */
};

struct script_event {
	enum script_kind kind;
	struct key key;
	int rows, cols;
	MEVENT mouse;
	char path[4096];
	bool styles;
	unsigned long n;
};

bool script_active(void);
bool script_start(void);               /* reads PILCROW_SCRIPT; false on error */
/* The next event; SCRIPT_END at the end. */
void script_next(struct script_event *ev);
void script_finish(void);

#endif
