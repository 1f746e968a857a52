/* ui_prompt.c -- the prompt: a line editor over the status bar (an
 * overlay screen), with a history per kind of prompt for the session */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "base/util.h"

/* Rows above the prompt an error takes at most. */
#define PROMPT_ERROR_ROWS 6

/* The prompt's own state (no other screen sees it). */
/* The prompts' kinds (ui_internal.h). */
enum { PROMPT_KINDS = 9 };

struct prompt {
	char kind;
	char label[96];          /* shown before the line */
	bool loaded[PROMPT_KINDS];   /* the history from the workspace, read */
	/* Tab: the names that complete what was typed (NULL: none); the
	 * stem typed and the last one given */
	size_t (*names)(struct ui *u, const char *const **names);
	char *stem;
	int next_name;           /* -1: not completing */
	struct lineedit line;
	struct history hist[PROMPT_KINDS];
	struct history *h;       /* the kind's */
	prompt_done_fn done;
	/* Tab on the last word (prompt_words): its candidates, the next one,
	 * where the word starts */
	prompt_words_fn words;
	char **cands;
	size_t ncands, word_at;
	bool showing_cands;      /* the rows above show candidates, not an error */
	struct rect area;
	int label_w, cursor_x;
	/* what was wrong with the line Enter took (prompt_fault): said whole,
	 * wrapped over the rows above the prompt (recalc) */
	char error[512];
	struct str error_rows[PROMPT_ERROR_ROWS];
	int nerror_rows, error_w;
};

static const char kinds[PROMPT_KINDS] = { '/', ':', 'f', 'l', 'a', 'c', 'e', 'y', 's' };

/* The kinds whose lines are kept between sessions (a note is kept as the note). */
static bool kept(char kind)
{
	return kind != 'a' && kind != 'y';      /* a note is kept as the note; a yes as what it did */
}

static void load_line(const char *line, void *ud)
{
	history_add(ud, line);
}

void prompt_open(struct ui *u, char kind, const char *label, const char *start, prompt_done_fn done)
{
	struct prompt *p = ui_screen(u, &prompt_ops)->state;

	p->kind = kind;
	snprintf(p->label, sizeof(p->label), "%s", label);
	p->done = done;
	p->names = NULL;
	p->words = NULL;
	p->next_name = -1;
	p->h = &p->hist[0];
	for (int i = 0; i < PROMPT_KINDS; i++)
		if (kinds[i] == kind) {
			p->h = &p->hist[i];
			/* the lines typed in earlier sessions, once */
			if (!p->loaded[i] && kept(kind) && u->v.ws)
				ws_history(u->v.ws, kind, HISTORY_MAX, load_line, p->h);
			p->loaded[i] = true;
		}
	p->h->pos = p->h->n;
	line_set(&p->line, start);
	p->error[0] = '\0';
	p->nerror_rows = 0;
	p->showing_cands = false;
	if (!screens_has(&u->stack, ui_screen_of(u, &prompt_ops)))
		screens_push(&u->stack, ui_screen(u, &prompt_ops));
}

void prompt_fault(struct ui *u, char kind, const char *label, const char *text, size_t at, const char *error,
		  prompt_done_fn done)
{
	struct prompt *p;

	prompt_open(u, kind, label, text, done);
	p = ui_screen(u, &prompt_ops)->state;
	/* the cursor at the fault, on a character's first byte */
	if (at > p->line.n)
		at = p->line.n;
	while (at > 0 && at < p->line.n && ((unsigned char)p->line.s[at] & 0xC0) == 0x80)
		at--;
	p->line.cur = at;
	snprintf(p->error, sizeof(p->error), "%s", error);
	p->error_w = 0;
}

void prompt_words(struct ui *u, prompt_words_fn words)
{
	struct prompt *p = ui_screen(u, &prompt_ops)->state;

	p->words = words;
}

static void drop_cands(struct prompt *p)
{
	for (size_t i = 0; i < p->ncands; i++)
		free(p->cands[i]);
	free(p->cands);
	p->cands = NULL;
	p->ncands = 0;
}

/* Tab on the last word: the first candidate, then the next each time; the
 * candidates, with their counts, shown above the prompt. */
static void complete_word(struct ui *u, struct prompt *p)
{
	struct buf line = { 0 }, info = { 0 };

	if (p->next_name < 0) {
		const char *s = p->line.s ? p->line.s : "";
		size_t at = strlen(s);

		while (at > 0 && s[at - 1] != ' ')
			at--;
		drop_cands(p);
		p->word_at = at;
		p->ncands = p->words(u, s + at, &p->cands, &info);
		p->next_name = 0;
		buf_addc(&info, '\0');
		snprintf(p->error, sizeof(p->error), "%s", p->ncands ? info.p : "");
		p->error_w = 0;
		p->nerror_rows = 0;
		p->showing_cands = p->ncands > 0;
	}
	if (!p->ncands) {
		ui_say(u, "nothing to complete here: ? lists the filter's fields");
		buf_free(&info);
		return;
	}
	buf_add(&line, p->line.s, p->word_at);
	buf_adds(&line, p->cands[p->next_name]);
	buf_addc(&line, '\0');
	line_set(&p->line, line.p);
	p->next_name = (int)(((size_t)p->next_name + 1) % p->ncands);
	buf_free(&line);
	buf_free(&info);
}

void prompt_names(struct ui *u, size_t (*names)(struct ui *u, const char *const **names))
{
	struct prompt *p = ui_screen(u, &prompt_ops)->state;

	p->names = names;
}

static void prompt_free(void *state)
{
	struct prompt *p = state;

	for (int i = 0; i < PROMPT_KINDS; i++)
		history_free(&p->hist[i]);
	line_free(&p->line);
	free(p->stem);
	p->stem = NULL;
	drop_cands(p);
}

static void finish(struct ui *u, bool take)
{
	struct prompt *p = ui_screen(u, &prompt_ops)->state;
	/* a copy: what is done with the line may open another prompt */
	char *text = xstrdup(p->line.s ? p->line.s : "");

	screens_pop(&u->stack);
	if (take) {
		history_add(p->h, text);
		if (kept(p->kind) && u->v.ws)
			ws_history_add(u->v.ws, p->kind, text);
		if (p->done)
			p->done(u, p->kind, text);
	}
	free(text);
}

/* Tab: the next name that starts with what was typed before the first Tab. */
static void complete(struct ui *u)
{
	struct prompt *p = ui_screen(u, &prompt_ops)->state;
	const char *const *names;
	size_t n;

	if (p->words) {
		complete_word(u, p);
		return;
	}
	n = p->names ? p->names(u, &names) : 0;

	if (!n) {
		ui_say(u, "nothing to complete");
		return;
	}
	if (p->next_name < 0) {
		free(p->stem);
		p->stem = xstrdup(p->line.s ? p->line.s : "");
		p->next_name = 0;
	}
	for (size_t k = 0; k < n; k++) {
		size_t i = ((size_t)p->next_name + k) % n;

		if (strncasecmp(names[i], p->stem, strlen(p->stem)) == 0) {
			line_set(&p->line, names[i]);
			p->next_name = (int)((i + 1) % n);
			return;
		}
	}
	ui_say(u, "no name starts with '%s'", p->stem);
}

static bool prompt_handle(void *ctx, struct screen *s, struct key k)
{
	struct ui *u = ctx;
	struct prompt *p = s->state;
	struct lineedit *l = &p->line;
	enum action a = keys_action(k, PROMPT, false);

	if (a != ACT_PROMPT_COMPLETE) {
		p->next_name = -1;
		/* typing on: the candidates shown go */
		if (p->showing_cands) {
			p->error[0] = '\0';
			p->nerror_rows = 0;
			p->showing_cands = false;
		}
	}
	switch (a) {
	case ACT_PROMPT_COMPLETE: complete(u); break;
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
	case ACT_PROMPT_OLDER: history_walk(p->h, l, -1); break;
	case ACT_PROMPT_NEWER: history_walk(p->h, l, 1); break;
	default:
		if (!k.is_key)
			line_insert(l, (uint32_t)k.code);
		break;
	}
	/* a prompt takes every key: what is typed is text */
	return true;
}

static void error_row(struct str line, void *ud)
{
	struct prompt *p = ud;

	if (p->nerror_rows < PROMPT_ERROR_ROWS)
		p->error_rows[p->nerror_rows++] = line;
}

static void prompt_recalc(void *ctx, struct screen *s, struct rect r)
{
	struct ui *u = ctx;
	struct prompt *p = ui_screen(u, &prompt_ops)->state;
	struct buf b = { 0 };

	(void)s;
	p->area = (struct rect){ r.h - 1, 0, 1, r.w };   /* within the screen's rectangle */
	if (*p->error && p->error_w != r.w) {
		p->nerror_rows = 0;
		p->error_w = r.w;
		text_wrap(str_c(p->error), r.w - 2 > 10 ? r.w - 2 : 10, error_row, p);
	}
	if (p->nerror_rows > r.h - 2)
		p->nerror_rows = r.h - 2 > 0 ? r.h - 2 : 0;
	p->label_w = text_width(str_c(p->label));
	p->cursor_x = p->label_w + text_width(paint_clean(&b, str_make(p->line.s, p->line.cur)));
	if (p->cursor_x > r.w - 1)
		p->cursor_x = r.w - 1;
	buf_free(&b);
}

static void prompt_draw(const void *ctx, const struct screen *s)
{
	const struct ui *u = ctx;
	const struct prompt *p = s->state;
	int attr = pair_attr(u, PAIR_STATUS, A_REVERSE);
	struct buf b = { 0 }, in = { 0 };

	/* the error, whole, over the rows above the prompt */
	for (int k = 0; k < p->nerror_rows; k++) {
		int y = p->area.y - p->nerror_rows + k;

		paint_fill(y, p->area.x, p->area.w, A_BOLD);
		paint_put(y, p->area.x + 1, p->area.w - 1, paint_clean(&in, p->error_rows[k]), A_BOLD);
	}
	paint_fill(p->area.y, p->area.x, p->area.w, attr);
	buf_adds(&b, p->label);
	buf_addstr(&b, paint_clean(&in, str_make(p->line.s, p->line.n)));
	paint_put(p->area.y, p->area.x, p->area.w, buf_str(&b), attr);
	buf_free(&in);
	buf_free(&b);
}

static bool prompt_cursor(const void *ctx, const struct screen *s, int *y, int *x)
{
	const struct prompt *p = s->state;

	(void)ctx;
	*y = p->area.y;
	*x = p->area.x + p->cursor_x;
	return true;
}

const struct screen_ops prompt_ops = {
	.name = "prompt",
	.keys = PROMPT,
	.state_size = sizeof(struct prompt),
	.overlay = true,
	.free = prompt_free,
	.handle = prompt_handle,
	.recalc = prompt_recalc,
	.draw = prompt_draw,
	.cursor = prompt_cursor,
};
