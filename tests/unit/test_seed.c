/* test_seed.c -- the founding sample, 04ROME3933, read as the issue says */
#include "config.h"
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"

static struct cable c;

static int setup(void **state)
{
	const char *srcdir = getenv("srcdir");
	char path[4096];
	struct buf text = { 0 };
	struct record_meta m;
	FILE *f;
	char chunk[4096];
	size_t n;

	snprintf(path, sizeof(path), "%s/data/cables/04ROME3933.txt", srcdir ? srcdir : ".");
	f = fopen(path, "rb");
	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&text, chunk, n);
	fclose(f);
	memset(&m, 0, sizeof(m));
	m.path = str_c(path);
	cable_init(&c);
	if (!parse_cable(&c, buf_str(&text), &m))
		return -1;
	buf_free(&text);
	return 0;
}

static int teardown(void **state)
{
	cable_free(&c);
	return 0;
}

static void header(void **state)
{
	static const char *const tags[] = { "PREL", "IT", "IR", "IZ", "NATO", "EUN", "IRAQI FREEDOM",
					    "GLOBAL DEFENSE" };

	assert_string_equal(c.id, "04ROME3933");
	assert_true(c.partial);
	assert_str(c.classification.text, "CONFIDENTIAL");
	assert_int_equal(c.marking.level, LEVEL_C);
	assert_str(c.origin.text, "ROME");
	assert_str(c.eo.text, "12958");
	assert_str(c.declassify.text, "2014-10-06");
	assert_int_equal(c.ntags, 8);
	for (size_t i = 0; i < 8; i++)
		assert_str(c.tags[i].text, tags[i]);
	assert_str(c.subject.text, "IRAQ/ITALY- ITALIAN POLITICAL DIRECTOR ON PLANS FOR IRAQ NATO PROTECTION "
				   "FORCE, IRAQ CONFERENCE, ENGAGEMENT WITH IRAN");
	assert_true(str_find(c.classified_by.text, "TOM COUNTRYMAN") >= 0);
	assert_str(c.reasons.text, "1.4");
	assert_str(c.signer.text, "SEMBLER");
}

static void paragraphs(void **state)
{
	static const char marks[] = "CCCCCCUU";

	assert_int_equal(c.nparas, 8);
	for (size_t i = 0; i < 8; i++) {
		char m[2] = { marks[i], 0 };

		assert_int_equal(c.paras[i].number, (int)i + 1);
		assert_string_equal(level_abbrev(c.paras[i].marking.level), m);
		assert_true(c.paras[i].section >= 0);
	}
	assert_str(c.sections[c.paras[0].section].title, "Summary");
	assert_str(c.sections[c.paras[1].section].title, "Iran - Italy Supports Engagement with Tough Messages");
	for (size_t i = 2; i < 8; i++)
		assert_str(c.sections[c.paras[i].section].title, "Iraq - Election Prep and Right Mix of Forces");
}

static void spans_point_at_the_source(void **state)
{
	struct span s = c.subject.at;

	assert_true(s.off != SPAN_NONE);
	assert_true(str_istarts(str_make(c.text.p + s.off, s.len), "IRAQ/ITALY- ITALIAN POLITICAL"));
	s = c.paras[2].at;
	assert_true(str_istarts(str_make(c.text.p + s.off, s.len), "- 13. (C) Turning to Iraq"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header),
		cmocka_unit_test(paragraphs),
		cmocka_unit_test(spans_point_at_the_source),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
