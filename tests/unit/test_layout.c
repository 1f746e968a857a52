/* test_layout.c -- pane geometry as a string, without a terminal */
#include "config.h"
#include "testlib.h"

#include "views/layout.h"

static const char *describe(int rows, int cols, int header)
{
	static char out[256];
	struct layout l;

	layout_compute(&l, rows, cols, header);
	layout_describe(&l, out, sizeof(out));
	return out;
}

static void stacked(void **state)
{
	assert_string_equal(describe(24, 80, 7),
			    "80x24 stacked header=0,0,80x7 list=7,0,80x6 detail=13,0,80x10 status=23,0,80x1");
	/* the header never takes more than a third */
	assert_string_equal(describe(24, 80, 20),
			    "80x24 stacked header=0,0,80x7 list=7,0,80x6 detail=13,0,80x10 status=23,0,80x1");
	/* collapsed */
	assert_string_equal(describe(24, 80, 1),
			    "80x24 stacked header=0,0,80x1 list=1,0,80x8 detail=9,0,80x14 status=23,0,80x1");
}

static void wide(void **state)
{
	assert_string_equal(describe(40, 160, 6),
			    "160x40 wide header=0,0,160x6 list=6,0,64x33 detail=6,66,94x33 status=39,0,160x1");
	assert_string_equal(describe(30, 120, 4),
			    "120x30 wide header=0,0,120x4 list=4,0,48x25 detail=4,50,70x25 status=29,0,120x1");
	/* just below the wide threshold: stacked */
	assert_string_equal(describe(30, 119, 4),
			    "119x30 stacked header=0,0,119x4 list=4,0,119x10 detail=14,0,119x15 status=29,0,119x1");
}

static void small(void **state)
{
	/* short screens keep only the banner of the header */
	assert_string_equal(describe(6, 20, 9),
			    "20x6 stacked header=0,0,20x1 list=1,0,20x1 detail=2,0,20x3 status=5,0,20x1");
	assert_string_equal(describe(11, 40, 9),
			    "40x11 stacked header=0,0,40x1 list=1,0,40x3 detail=4,0,40x6 status=10,0,40x1");
	assert_string_equal(describe(5, 20, 1), "20x5 too small");
	assert_string_equal(describe(6, 19, 1), "19x6 too small");
	assert_string_equal(describe(1, 1, 1), "1x1 too small");
	assert_string_equal(describe(0, 0, 1), "0x0 too small");
}

static void every_size_fits(void **state)
{
	/* at every size the panes fill the screen without overlapping */
	for (int rows = 6; rows <= 80; rows++) {
		for (int cols = 20; cols <= 250; cols += 7) {
			for (int header = 1; header <= 12; header += 5) {
				struct layout l;

				layout_compute(&l, rows, cols, header);
				assert_false(l.too_small);
				assert_true(l.header.h >= 1 && l.list.h >= 1 && l.detail.h >= 2);
				assert_int_equal(l.status.y, rows - 1);
				if (l.wide) {
					assert_int_equal(l.list.h, l.detail.h);
					assert_int_equal(l.header.h + l.list.h + 1, rows);
					assert_true(l.list.w + 2 + l.detail.w == cols);
				} else {
					assert_int_equal(l.header.h + l.list.h + l.detail.h + 1, rows);
					assert_int_equal(l.detail.y, l.list.y + l.list.h);
				}
			}
		}
	}
}

static const char *fitted(int rows, int cols, int header, int list_want, int detail_want)
{
	static char out[256];
	struct layout l;

	layout_compute(&l, rows, cols, header);
	layout_fit(&l, list_want, detail_want);
	layout_describe(&l, out, sizeof(out));
	return out;
}

static void fit_content(void **state)
{
	/* 110x32 with a 10-line header: by default the list has 8 rows, the
	 * detail 13; a list of 13 rows gets them all, the detail the other 8 */
	assert_string_equal(fitted(32, 110, 10, 100, 100),
			    "110x32 stacked header=0,0,110x10 list=10,0,110x8 detail=18,0,110x13 status=31,0,110x1");
	assert_string_equal(fitted(32, 110, 10, 13, 100),
			    "110x32 stacked header=0,0,110x10 list=10,0,110x13 detail=23,0,110x8 status=31,0,110x1");
	/* a list longer than the detail's third allows: the detail keeps the
	 * rows its longest paragraph needs, the list the rest */
	assert_string_equal(fitted(32, 110, 10, 40, 9),
			    "110x32 stacked header=0,0,110x10 list=10,0,110x12 detail=22,0,110x9 status=31,0,110x1");
	assert_string_equal(fitted(32, 110, 10, 40, 30),
			    "110x32 stacked header=0,0,110x10 list=10,0,110x8 detail=18,0,110x13 status=31,0,110x1");
	/* a short list gives the detail its rows */
	assert_string_equal(fitted(24, 80, 7, 2, 100),
			    "80x24 stacked header=0,0,80x7 list=7,0,80x2 detail=9,0,80x14 status=23,0,80x1");
	/* side by side, both have the height anyway */
	assert_string_equal(fitted(40, 160, 6, 2, 3),
			    "160x40 wide header=0,0,160x6 list=6,0,64x33 detail=6,66,94x33 status=39,0,160x1");
	/* every size still fits, whatever is wanted */
	for (int rows = 6; rows <= 60; rows += 3)
		for (int want = 0; want < 70; want += 4) {
			struct layout l;

			layout_compute(&l, rows, 80, 5);
			layout_fit(&l, want, 70 - want);
			assert_true(l.list.h >= 1 && l.detail.h >= 2);
			assert_int_equal(l.header.h + l.list.h + l.detail.h + 1, rows);
			assert_int_equal(l.detail.y, l.list.y + l.list.h);
		}
}

static void list_columns(void **state)
{
	struct list_columns c;

	/* 80 columns: the id in full, the date, the short marking, the subject */
	layout_list(&c, 80, 15);
	assert_int_equal(c.id_w, 15);
	assert_int_equal(c.date_x, 18);
	assert_int_equal(c.origin_w, 0);
	assert_int_equal(c.class_x, 30);
	assert_int_equal(c.subject_x, 41);
	assert_int_equal(c.subject_w, 39);
	/* 120: the origin too */
	layout_list(&c, 120, 15);
	assert_int_equal(c.origin_x, 30);
	assert_int_equal(c.subject_w, 120 - 57);
	/* an id longer than a third of the line is cut (with an ellipsis, by the list) */
	layout_list(&c, 40, 30);
	assert_int_equal(c.id_w, 13);
	assert_int_equal(c.date_w, 0);
	/* narrow: no column runs past the line */
	for (int cols = 20; cols < 200; cols++) {
		layout_list(&c, cols, 17);
		assert_true(c.subject_x + c.subject_w <= cols);
		assert_true(c.id_x + c.id_w <= cols);
	}
}

/* Side by side on a wide screen, the detail keeps its measure and the
 * list takes the rest as far as its rows want; the whole cable alone
 * takes the whole body. */
static void sharing(void **state)
{
	struct layout l;
	char out[256];

	(void)state;
	layout_compute(&l, 40, 240, 1);
	assert_int_equal(l.list.w, 64);
	/* short paragraphs: the list wants no more */
	layout_fit_wide(&l, 100, 50);
	assert_int_equal(l.list.w, 64);
	/* long ones: the list grows while the detail keeps 100 columns and its scroll column */
	layout_fit_wide(&l, 100, 400);
	assert_int_equal(l.list.w, 240 - 2 - 101);
	assert_int_equal(l.detail.w, 101);
	assert_int_equal(l.detail.x, l.list.w + 2);
	/* a wide screen already taken by the measure: nothing moves */
	layout_compute(&l, 40, 150, 1);
	layout_fit_wide(&l, 100, 400);
	assert_int_equal(l.list.w, 60);
	/* the whole cable, whole */
	layout_compute(&l, 24, 80, 1);
	layout_whole(&l);
	layout_describe(&l, out, sizeof(out));
	assert_string_equal(out, "80x24 stacked header=0,0,80x1 list=1,0,0x0 detail=1,0,80x22 status=23,0,80x1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sharing),
		cmocka_unit_test(stacked),
		cmocka_unit_test(wide),
		cmocka_unit_test(small),
		cmocka_unit_test(every_size_fits),
		cmocka_unit_test(fit_content),
		cmocka_unit_test(list_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
