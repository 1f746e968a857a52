/* test_layout.c -- pane geometry as a string, without a terminal */
#include "config.h"
#include "testlib.h"

#include "layout.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stacked),
		cmocka_unit_test(wide),
		cmocka_unit_test(small),
		cmocka_unit_test(every_size_fits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
