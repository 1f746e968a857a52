/* ui_paint.c -- text and colours on the screen.  Every piece of cable text
 * reaching ncurses has been through text_sanitize() (paint_clean()). */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdarg.h>

#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* A colour of the config on this terminal: a true colour (#rrggbb) as the
 * nearest of the 256 (or of the 8), a number past the terminal's as one
 * of the 8. */
static short term_color(int v)
{
	if (v >= 256) {
		int r = (v - 256) >> 16 & 255, g = (v - 256) >> 8 & 255, b = (v - 256) & 255;

		if (COLORS >= 256) {
			int q[3] = { r, g, b };

			for (int i = 0; i < 3; i++)
				q[i] = q[i] < 48 ? 0 : q[i] < 115 ? 1 : (q[i] - 35) / 40;
			return (short)(16 + 36 * q[0] + 6 * q[1] + q[2]);
		}
		return (short)((r >= 128) | (g >= 128) << 1 | (b >= 128) << 2);
	}
	if (v >= COLORS)
		return (short)(v % 8);
	return (short)v;
}

static int set_attrs(unsigned a)
{
	return (a & SET_BOLD ? (int)A_BOLD : 0) | (a & SET_UNDERLINE ? (int)A_UNDERLINE : 0) |
	       (a & SET_REVERSE ? (int)A_REVERSE : 0) | (a & SET_DIM ? (int)A_DIM : 0) |
	       (a & SET_ITALIC ? (int)A_ITALIC : 0) | (a & SET_BLINK ? (int)A_BLINK : 0);
}

/* The config's color lines over the defaults. */
static void config_colors(struct ui *u)
{
	static const enum pair pairs[ROLE_U] = { PAIR_LABEL, PAIR_SECTION, PAIR_MATCH, PAIR_STATUS, PAIR_TITLE,
						   PAIR_DELETED, PAIR_INSERTED };

	if (!u->set)
		return;
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct color_set *c = &u->set->colors[r];

		if (!c->set)
			continue;
		if (r < ROLE_U) {
			init_pair((short)pairs[r], term_color(c->fg), term_color(c->bg));
			u->pair_extra[pairs[r]] = set_attrs(c->attrs);
		} else {
			int l = LEVEL_U + (r - ROLE_U);

			init_pair((short)(PAIR_BANNER + l), term_color(c->fg), term_color(c->bg));
			/* a portion marking in the text: the level's colour on the screen's */
			init_pair((short)(PAIR_MARK + l), term_color(c->bg), -1);
			u->pair_extra[PAIR_BANNER + l] = set_attrs(c->attrs);
		}
	}
}

void ui_colors(struct ui *u)
{
	/* UNCLASSIFIED green, SBU magenta, CONFIDENTIAL blue, SECRET red,
	 * TOP SECRET orange (yellow with 8 colours) */
	short fg[LEVEL_COUNT] = { COLOR_WHITE, COLOR_GREEN, COLOR_MAGENTA, COLOR_BLUE, COLOR_RED, COLOR_YELLOW };
	short text_on[LEVEL_COUNT] = { COLOR_BLACK, COLOR_BLACK, COLOR_WHITE, COLOR_WHITE, COLOR_WHITE, COLOR_BLACK };

	u->color = false;
	if (u->o->no_color || (getenv("NO_COLOR") && getenv("NO_COLOR")[0]) || !has_colors())
		return;
	if (start_color() != OK)
		return;
	use_default_colors();
	if (COLORS >= 256) {
		fg[LEVEL_TS] = 208;   /* orange */
		fg[LEVEL_C] = 27;     /* a blue that reads on dark and light */
		fg[LEVEL_S] = 160;
		fg[LEVEL_U] = 28;
	}
	for (int l = 0; l < LEVEL_COUNT; l++) {
		init_pair((short)(PAIR_BANNER + l), text_on[l], fg[l]);
		init_pair((short)(PAIR_MARK + l), l ? fg[l] : -1, -1);
	}
	init_pair(PAIR_LABEL, COLOR_CYAN, -1);
	init_pair(PAIR_SECTION, COLOR_YELLOW, -1);
	init_pair(PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_WHITE);
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_DELETED, COLOR_RED, -1);
	init_pair(PAIR_INSERTED, COLOR_GREEN, -1);
	u->pair_extra[PAIR_DELETED] = u->pair_extra[PAIR_INSERTED] = A_BOLD;
	config_colors(u);
	u->color = true;
}

int pair_attr(const struct ui *u, enum pair p, int mono)
{
	return u->color ? (int)COLOR_PAIR(p) | u->pair_extra[p] : mono;
}

int ui_level_attr(const struct ui *u, enum level l, bool banner)
{
	if (banner)
		return (u->color ? (int)COLOR_PAIR(PAIR_BANNER + l) | u->pair_extra[PAIR_BANNER + l] : (int)A_REVERSE) |
		       (int)A_BOLD;
	return (u->color && l ? (int)COLOR_PAIR(PAIR_MARK + l) : 0) | (int)A_BOLD;
}

/* Where the screen being drawn paints: the rectangle screens_draw gives
 * it.  Every painter here takes coordinates within it and clips to it, so
 * that a screen draws inside its rectangle and nowhere else. */
static struct rect area = { 0, 0, 1 << 14, 1 << 14 };

void paint_area(struct rect r)
{
	area = r;
}

/* Clips a run of @w columns at @y, @x to the area; false when nothing of
 * it is inside. */
static bool clip(int y, int x, int *w)
{
	if (y < 0 || y >= area.h || x < 0 || x >= area.w || *w <= 0)
		return false;
	if (*w > area.w - x)
		*w = area.w - x;
	return true;
}

int paint_put(int y, int x, int w, struct str s, int attr)
{
	int used = 0;
	size_t n;

	if (!s.n || !clip(y, x, &w))
		return 0;
	n = text_fit(s, w, &used);
	if (!n)
		return 0;
	attron(attr);
	mvaddnstr(area.y + y, area.x + x, s.p, (int)n);
	attroff(attr);
	return used;
}

void paint_erase(void)
{
	if (area.y == 0 && area.x == 0 && area.h >= LINES && area.w >= COLS) {
		erase();
		return;
	}
	for (int y = 0; y < area.h; y++)
		paint_fill(y, 0, area.w, 0);
}

int put_cut(int y, int x, int w, struct str s, int attr)
{
	int used;

	if (w <= 0 || text_width(s) <= w)
		return paint_put(y, x, w, s, attr);
	used = paint_put(y, x, w - 1, s, attr);
	return used + put_c(y, x + used, 1, "\xE2\x80\xA6", attr);
}

int put_c(int y, int x, int w, const char *s, int attr)
{
	return paint_put(y, x, w, str_c(s), attr);
}

struct str paint_clean(struct buf *b, struct str s)
{
	buf_clear(b);
	text_sanitize(s, b, 0);
	return buf_str(b);
}

void paint_fill(int y, int x, int w, int attr)
{
	if (!clip(y, x, &w))
		return;
	attron(attr);
	mvhline(area.y + y, area.x + x, ' ', w);
	attroff(attr);
}

void paint_over(int y, int x, int w, struct str shown, const char *from, const char *to, int attr)
{
	const char *ls = shown.p, *le = ls + shown.n;
	int col;

	if (!ls || to <= ls || from >= le)
		return;
	if (from < ls)
		from = ls;
	if (to > le)
		to = le;
	col = text_width(str_make(ls, (size_t)(from - ls)));
	if (col < w)
		paint_put(y, x + col, w - col, str_make(from, (size_t)(to - from)), attr);
}

void paint_thousands(char *out, size_t size, size_t n)
{
	char tmp[32];
	size_t len, k = 0;

	snprintf(tmp, sizeof(tmp), "%zu", n);
	len = strlen(tmp);
	for (size_t i = 0; i < len && k + 2 < size; i++) {
		if (i && (len - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = tmp[i];
	}
	out[k] = '\0';
}

bool screen_too_small(bool also)
{
	if (!also && area.h >= LAYOUT_MIN_ROWS && area.w >= LAYOUT_MIN_COLS)
		return false;
	too_small();
	return true;
}

void too_small(void)
{
	put_c(0, 0, area.w, "terminal too small", A_BOLD);
	put_c(1, 0, area.w, "pilcrow needs 20x6", 0);
}

void status_line(const struct ui *u, const struct rect *r, struct str left, const char *hint)
{
	int attr = pair_attr(u, PAIR_STATUS, A_REVERSE), x, room;
	struct buf a = { 0 }, b = { 0 };
	struct str m;
	int mw;

	paint_fill(r->y, r->x, r->w, attr);
	x = paint_put(r->y, r->x, r->w, paint_clean(&a, left), attr);
	room = r->w - x - 2;
	if (!status_empty(&u->status)) {
		/* right-aligned when it fits, else cut after what is on the left:
		 * a message is never left out */
		m = paint_clean(&b, str_c(u->status.msg));
		mw = text_width(m);
		if (room > 0)
			paint_put(r->y, r->x + (r->w - mw - 1 > x + 2 ? r->w - mw - 1 : x + 2), room, m, attr | A_BOLD);
	} else if (hint && *hint) {
		/* a hint only whole */
		mw = text_width(str_c(hint));
		if (x + 2 + mw < r->w)
			paint_put(r->y, r->x + r->w - mw - 1, mw, str_c(hint), attr);
	}
	buf_free(&a);
	buf_free(&b);
}

void ui_say(struct ui *u, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status_vsay(&u->status, fmt, ap);
	va_end(ap);
}
