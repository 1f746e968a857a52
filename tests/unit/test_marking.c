/* test_marking.c -- classification levels, caveats and portion markings */
#include "config.h"
#include "testlib.h"

#include "doc/marking.h"

static void portion_markings(void **state)
{
	static const struct {
		const char *in;
		enum level level;
		unsigned caveats;
		const char *norm;
	} cases[] = {
		{ "U", LEVEL_U, 0, "U" },
		{ "SBU", LEVEL_SBU, 0, "SBU" },
		{ "C", LEVEL_C, 0, "C" },
		{ "S", LEVEL_S, 0, "S" },
		{ "TS", LEVEL_TS, 0, "TS" },
		{ "C/NF", LEVEL_C, CAVEAT_NOFORN, "C//NF" },
		{ "S//NF", LEVEL_S, CAVEAT_NOFORN, "S//NF" },
		{ "SBU/N", LEVEL_SBU, CAVEAT_NOFORN, "SBU//NF" },
		{ "s//nf", LEVEL_S, CAVEAT_NOFORN, "S//NF" },
		{ "U//FOUO", LEVEL_SBU, CAVEAT_FOUO, "SBU//FOUO" },
		{ "LOU", LEVEL_SBU, 0, "SBU" },
		{ "S//NF//REL TO USA, GBR", LEVEL_S, CAVEAT_NOFORN | CAVEAT_REL, "S//NF//REL TO USA, GBR" },
		{ "C/REL LIBYA", LEVEL_C, CAVEAT_REL, "C//REL TO LIBYA" },
		{ "TOP SECRET", LEVEL_TS, 0, "TS" },
		{ "CONFIDENTIAL", LEVEL_C, 0, "C" },
	};
	char out[96];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct marking m;
		bool entire = true;

		assert_true(marking_parse_portion(str_c(cases[i].in), &m, &entire));
		assert_int_equal(m.level, cases[i].level);
		assert_int_equal(m.caveats, cases[i].caveats);
		assert_false(entire);
		marking_format_portion(&m, out, sizeof(out));
		assert_string_equal(out, cases[i].norm);
	}
}

static void not_markings(void **state)
{
	static const char *const cases[] = { "A", "B", "1", "SEE PARA 2", "CIRC 600", "NOTAL", "",
					     "C D", "S//XYZ123", "REF A", "(C)" };

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct marking m = { LEVEL_NONE, 0, STR_NULL };

		assert_false(marking_parse_portion(str_c(cases[i]), &m, NULL));
		assert_int_equal(m.level, LEVEL_NONE);
	}
}

static void entire_text(void **state)
{
	struct marking m;
	bool entire = false;

	assert_true(marking_parse_portion(STR_LIT("C - ENTIRE TEXT"), &m, &entire));
	assert_int_equal(m.level, LEVEL_C);
	assert_true(entire);
}

static void classifications(void **state)
{
	static const struct {
		const char *in;
		enum level level;
		unsigned caveats;
		const char *banner;
	} cases[] = {
		{ "CONFIDENTIAL", LEVEL_C, 0, "CONFIDENTIAL" },
		{ "C O N F I D E N T I A L", LEVEL_C, 0, "CONFIDENTIAL" },
		{ "C o n f i d e n t i a l", LEVEL_C, 0, "CONFIDENTIAL" },
		{ "S E C R E T", LEVEL_S, 0, "SECRET" },
		{ "S E C R E T N O F O R N", LEVEL_S, CAVEAT_NOFORN, "SECRET//NOFORN" },
		{ "SECRET//NOFORN", LEVEL_S, CAVEAT_NOFORN, "SECRET//NOFORN" },
		{ "CONFIDENTIAL//NOFORN", LEVEL_C, CAVEAT_NOFORN, "CONFIDENTIAL//NOFORN" },
		{ "UNCLAS", LEVEL_U, 0, "UNCLASSIFIED" },
		{ "UNCLASSIFIED", LEVEL_U, 0, "UNCLASSIFIED" },
		{ "UNCLASSIFIED//FOR OFFICIAL USE ONLY", LEVEL_SBU, CAVEAT_FOUO,
		  "UNCLASSIFIED//FOR OFFICIAL USE ONLY" },
		{ "UNCLAS SENSITIVE", LEVEL_SBU, 0, "UNCLASSIFIED//SBU" },
		{ "LIMITED OFFICIAL USE", LEVEL_SBU, 0, "UNCLASSIFIED//SBU" },
		{ "TOP SECRET", LEVEL_TS, 0, "TOP SECRET" },
		{ "T O P S E C R E T", LEVEL_TS, 0, "TOP SECRET" },
	};
	char out[96];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct marking m;

		assert_true(marking_parse_classification(str_c(cases[i].in), &m));
		assert_int_equal(m.level, cases[i].level);
		assert_int_equal(m.caveats, cases[i].caveats);
		marking_format_banner(&m, out, sizeof(out));
		assert_string_equal(out, cases[i].banner);
	}
	assert_false(marking_parse_classification(STR_LIT("ROME 003933"), &(struct marking){ 0 }));
}

static void levels_order_and_names(void **state)
{
	assert_true(LEVEL_U < LEVEL_SBU && LEVEL_SBU < LEVEL_C && LEVEL_C < LEVEL_S && LEVEL_S < LEVEL_TS);
	assert_string_equal(level_abbrev(LEVEL_SBU), "SBU");
	assert_string_equal(level_name(LEVEL_TS), "TOP SECRET");
	assert_int_equal(level_from_name(STR_LIT("secret")), LEVEL_S);
	assert_int_equal(level_from_name(STR_LIT("x")), LEVEL_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(portion_markings),
		cmocka_unit_test(not_markings),
		cmocka_unit_test(entire_text),
		cmocka_unit_test(classifications),
		cmocka_unit_test(levels_order_and_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
