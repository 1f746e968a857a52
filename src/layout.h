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

/* "80x24 stacked header=0,0,80x3 list=3,0,80x7 detail=10,0,80x13 status=23,0,80x1" */
void layout_describe(const struct layout *l, char *out, size_t size);

#endif
