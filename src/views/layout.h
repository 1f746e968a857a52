/* layout.h -- where the panes go: pure arithmetic, tested without a terminal */
#ifndef PILCROW_LAYOUT_H
#define PILCROW_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

/* The smallest screen pilcrow draws panes on; below it, it says so. */
#define LAYOUT_MIN_ROWS 6
#define LAYOUT_MIN_COLS 20
/* From this width the list and the detail stand side by side. */
#define LAYOUT_WIDE_COLS 120

struct rect {
	int y, x, h, w;
};

struct layout {
	int rows, cols;
	bool too_small;
	bool wide;
	struct rect header, list, detail, status;
};

/* Lays out a @rows x @cols screen whose header would like @header_lines
 * lines (1 when collapsed). */
void layout_compute(struct layout *l, int rows, int cols, int header_lines);

/* The columns of the cable list, each an x and a width (0: not shown). */
struct list_columns {
	int id_x, id_w, date_x, date_w, origin_x, origin_w, class_x, class_w, subject_x, subject_w;
};

/* The list's columns at @cols for ids up to @id_wanted columns wide: the id
 * in full when it fits in a third of the line, the date (2004-10-06), the
 * classification as its short marking, the origin from 100 columns, and the
 * rest for the subject. */
void layout_list(struct list_columns *c, int cols, int id_wanted);

/* Stacked panes follow the content: the list gets every row it wants
 * (@list_want) when that leaves the detail a third of the body or more,
 * the detail the rest; a longer list gets the rows the detail does not
 * need for its longest paragraph (@detail_want, its title included). */
void layout_fit(struct layout *l, int list_want, int detail_want);

/* Side by side, the panes share a wide screen by what they show: the
 * detail needs @measure columns for its text (and one for the scroll
 * marks); the columns past that go to the list, as far as its rows want
 * (@list_want: the widest row of paragraph numbers, markings and first
 * words), never less than it has. */
void layout_fit_wide(struct layout *l, int measure, int list_want);

/* The detail alone over the body: no list (the whole cable, whole). */
void layout_whole(struct layout *l);

/* "80x24 stacked header=0,0,80x3 list=3,0,80x7 detail=10,0,80x13 status=23,0,80x1" */
void layout_describe(const struct layout *l, char *out, size_t size);

#endif
