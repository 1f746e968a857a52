/* ui_prompt.c -- the prompt: a line editor over the status bar (an
 * overlay screen), with a history per kind of prompt for the session */
#include "config.h"
#include "ui_internal.h"

#include <string.h>

#include "text.h"

static const char kinds[PROMPT_KINDS] = { '/', ':', 'f', 'l' };

void prompt_open(struct ui *u, char kind, const char *label, const char *start, prompt_done_fn done)
{
	struct prompt *p = &u->prompt;

	p->kind = kind;
	p->label = label;
	p->done = done;
	p->h = &p->hist[0];
	for (int i = 0; i < PROMPT_KINDS; i++)
		if (kinds[i] == kind)
			p->h = &p->hist[i];
	p->h->pos = p->h->n;
	line_set(&p->line, start);
	if (!screens_has(&u->stack, &u->prompt_screen))
		screens_push(&u->stack, &u->prompt_screen);
}

void prompt_free(struct prompt *p)
{
	for (int i = 0; i < PROMPT_KINDS; i++)
		history_free(&p->hist[i]);
}

static void finish(struct ui *u, bool take)
{
	struct prompt *p = &u->prompt;
	char text[LINE_MAX_BYTES];

	snprintf(text, sizeof(text), "%s", p->line.s);
	screens_pop(&u->stack);
	if (!take)
		return;
	history_add(p->h, text);
	if (p->done)
		p->done(u, p->kind, text);
}

static bool prompt_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct lineedit *l = &u->prompt.line;
	enum action a = keys_action(k, PROMPT, false);

	(void)s;
	switch (a) {
	case ACT_PROMPT_DONE: finish(u, true); break;
	case ACT_PROMPT_CANCEL: finish(u, false); break;
	case ACT_PROMPT_LEFT: line_left(l); break;
	case ACT_PROMPT_RIGHT: line_right(l); break;
	case ACT_PROMPT_HOME: line_home(l); break;
	case ACT_PROMPT_END: line_end(l); break;
	case ACT_PROMPT_BACKSPACE:
		/* Backspace in an empty prompt closes it, and does nothing more */
		if (!l->n)
			finish(u, false);
		else
			line_backspace(l);
		break;
	case ACT_PROMPT_DELETE: line_delete(l); break;
	case ACT_PROMPT_KILL_WORD: line_kill_word(l); break;
	case ACT_PROMPT_KILL_START: line_kill_start(l); break;
	case ACT_PROMPT_KILL_END: line_kill_end(l); break;
	case ACT_PROMPT_OLDER: history_walk(u->prompt.h, l, -1); break;
	case ACT_PROMPT_NEWER: history_walk(u->prompt.h, l, 1); break;
	default:
		if (!k.is_key)
			line_insert(l, (uint32_t)k.code);
		break;
	}
	/* a prompt takes every key: what is typed is text */
	return true;
}

static void prompt_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;
	struct prompt *p = &u->prompt;
	struct buf b = { 0 };

	(void)s;
	p->area = (struct rect){ r.y + r.h - 1, r.x, 1, r.w };
	p->label_w = text_width(str_c(p->label));
	p->cursor_x = p->label_w + text_width(clean(&b, str_make(p->line.s, p->line.cur)));
	if (p->cursor_x > r.w - 1)
		p->cursor_x = r.w - 1;
	buf_free(&b);
}

static void prompt_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct prompt *p = &u->prompt;
	int attr = pair_attr(u, PAIR_STATUS, A_REVERSE);
	struct buf b = { 0 }, in = { 0 };

	(void)s;
	fill(p->area.y, p->area.x, p->area.w, attr);
	buf_adds(&b, p->label);
	buf_addstr(&b, clean(&in, str_make(p->line.s, p->line.n)));
	put(p->area.y, p->area.x, p->area.w, buf_str(&b), attr);
	buf_free(&in);
	buf_free(&b);
}

static bool prompt_cursor(const void *ctx, const struct screen *s, int *y, int *x)
{
	const struct ui *u = ctx;

	(void)s;
	*y = u->prompt.area.y;
	*x = u->prompt.area.x + u->prompt.cursor_x;
	return true;
}

const struct screen_ops prompt_ops = {
	.name = "prompt",
	.overlay = true,
	.handle = prompt_handle,
	.recalc = prompt_recalc,
	.draw = prompt_draw,
	.cursor = prompt_cursor,
};
