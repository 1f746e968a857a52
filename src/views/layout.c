/* layout.c -- where the panes go */
#include "config.h"
#include "views/layout.h"

#include <stdio.h>
#include <string.h>

static struct rect rect(int y, int x, int h, int w)
{
	struct rect r = { y, x, h < 0 ? 0 : h, w < 0 ? 0 : w };

	return r;
}

void layout_compute(struct layout *l, int rows, int cols, int header_lines)
{
	int header, body;

	memset(l, 0, sizeof(*l));
	l->rows = rows;
	l->cols = cols;
	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
		l->too_small = true;
		return;
	}
	l->status = rect(rows - 1, 0, 1, cols);
	/* the header takes at most a third; a short screen keeps the banner only */
	header = header_lines < 1 ? 1 : header_lines;
	if (rows < 12)
		header = 1;
	else if (header > (rows - 1) / 3)
		header = (rows - 1) / 3;
	l->header = rect(0, 0, header, cols);
	body = rows - 1 - header;
	l->wide = cols >= LAYOUT_WIDE_COLS;
	if (l->wide) {
		/* list on the left, a rule and a blank column, the detail on the right */
		int lw = cols * 2 / 5;

		if (lw < 40)
			lw = 40;
		if (lw > 64)
			lw = 64;
		l->list = rect(header, 0, body, lw);
		l->detail = rect(header, lw + 2, body, cols - lw - 2);
	} else {
		/* list above, detail below; the detail's title line separates them */
		int lh = body * 2 / 5;

		if (lh < 1)
			lh = 1;
		if (body - lh < 2)
			lh = body - 2 > 0 ? body - 2 : 1;
		l->list = rect(header, 0, lh, cols);
		l->detail = rect(header + lh, 0, body - lh, cols);
	}
}

void layout_fit_wide(struct layout *l, int measure, int list_want)
{
	int lw, most;

	if (l->too_small || !l->wide)
		return;
	lw = l->list.w;
	/* the detail keeps its measure and the scroll column; the list takes
	 * what is left as far as it wants it */
	most = l->cols - 2 - (measure + 1);
	if (list_want > lw)
		lw = list_want < most ? list_want : most > lw ? most : lw;
	l->list.w = lw;
	l->detail = rect(l->detail.y, lw + 2, l->detail.h, l->cols - lw - 2);
}

void layout_whole(struct layout *l)
{
	int top = l->header.y + l->header.h;

	if (l->too_small)
		return;
	l->detail = rect(top, 0, l->rows - 1 - top, l->cols);
	l->list = rect(top, 0, 0, 0);
	l->wide = false;
}

void layout_describe(const struct layout *l, char *out, size_t size)
{
	if (l->too_small) {
		snprintf(out, size, "%dx%d too small", l->cols, l->rows);
		return;
	}
	snprintf(out, size, "%dx%d %s header=%d,%d,%dx%d list=%d,%d,%dx%d detail=%d,%d,%dx%d status=%d,%d,%dx%d",
		 l->cols, l->rows, l->wide ? "wide" : "stacked",
		 l->header.y, l->header.x, l->header.w, l->header.h,
		 l->list.y, l->list.x, l->list.w, l->list.h,
		 l->detail.y, l->detail.x, l->detail.w, l->detail.h,
		 l->status.y, l->status.x, l->status.w, l->status.h);
}

void layout_list(struct list_columns *c, int cols, int id_wanted)
{
	int x = 1, gap = 2;

	memset(c, 0, sizeof(*c));
	c->id_x = x;
	c->id_w = id_wanted < 4 ? 4 : id_wanted;
	if (c->id_w > cols / 3 && cols >= 24)
		c->id_w = cols / 3;
	if (c->id_w > cols - 1)
		c->id_w = cols - 1;
	x += c->id_w + gap;
	if (cols >= 50) {
		c->date_x = x;
		c->date_w = 10;
		x += c->date_w + gap;
	}
	if (cols >= 100) {
		c->origin_x = x;
		c->origin_w = 14;
		x += c->origin_w + gap;
	}
	if (x + 5 < cols) {
		c->class_x = x;
		c->class_w = cols >= 60 ? 9 : 5;
		x += c->class_w + gap;
	}
	if (x < cols) {
		c->subject_x = x;
		c->subject_w = cols - x;
	}
}

void layout_fit(struct layout *l, int list_want, int detail_want)
{
	int body, lh, dh, least;

	if (l->too_small || l->wide)
		return;
	body = l->list.h + l->detail.h;
	lh = l->list.h;
	if (list_want < 1)
		list_want = 1;
	if (detail_want < 2)
		detail_want = 2;
	/* the detail keeps a third of the body at least (it scrolls) */
	least = body / 3 > 2 ? body / 3 : 2;
	if (list_want <= body - least)
		lh = list_want;
	else if (detail_want < l->detail.h)
		lh = body - detail_want;
	dh = body - lh;
	l->list.h = lh;
	l->detail.y = l->list.y + lh;
	l->detail.h = dh;
}
