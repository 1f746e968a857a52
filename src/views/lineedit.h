/* lineedit.h -- the prompts' line editor: a line of UTF-8 with a cursor,
 * and a history per prompt.  No ncurses here: tested without a terminal. */
#ifndef PILCROW_LINEEDIT_H
#define PILCROW_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HISTORY_MAX 64

/* A line of any length: a prompt never cuts what is typed or pasted. */
struct lineedit {
	char *s;           /* NUL-terminated; "" until the first line_set() */
	size_t n;          /* bytes in s */
	size_t cap;
	size_t cur;        /* the cursor, a byte offset at a character's start */
};

/* What was typed before at one prompt, oldest first, and where Up/Down
 * has walked to (n: the line being typed, kept in draft). */
struct history {
	char *items[HISTORY_MAX];
	size_t n, pos;
	char *draft;       /* the line being typed, while Up walks back */
};

void line_set(struct lineedit *l, const char *s);   /* the cursor at the end */
bool line_insert(struct lineedit *l, uint32_t ch);  /* false: not a character */
void line_free(struct lineedit *l);
void line_left(struct lineedit *l);
void line_right(struct lineedit *l);
void line_home(struct lineedit *l);
void line_end(struct lineedit *l);
bool line_backspace(struct lineedit *l);            /* false: nothing before the cursor */
void line_delete(struct lineedit *l);               /* the character under the cursor */
void line_kill_word(struct lineedit *l);            /* the word before the cursor (Ctrl-W) */
void line_kill_start(struct lineedit *l);           /* from the start to the cursor (Ctrl-U) */
void line_kill_end(struct lineedit *l);             /* from the cursor to the end (Ctrl-K) */

/* Remembers @s (not empty, not the same as the last); resets the walk. */
void history_add(struct history *h, const char *s);
/* Up (dir -1) and Down (+1): puts the older or newer line into @l. */
void history_walk(struct history *h, struct lineedit *l, int dir);
void history_free(struct history *h);

#endif
