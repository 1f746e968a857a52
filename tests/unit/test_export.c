/* test_export.c -- JSON escaping and the two renderings */
#include "config.h"
#include "testlib.h"

#include "base/buf.h"
#include "doc/export.h"
#include "base/json.h"

static const char *json_of(const char *in, size_t n)
{
	static struct buf b;

	buf_clear(&b);
	json_string(&b, str_make(in, n));
	return b.p;
}

static void json_escapes(void **state)
{
	assert_string_equal(json_of("plain", 5), "\"plain\"");
	assert_string_equal(json_of("q\"b\\", 4), "\"q\\\"b\\\\\"");
	assert_string_equal(json_of("a\nb\tc\r", 6), "\"a\\nb\\tc\\r\"");
	/* every control character is escaped: ESC, NUL, DEL, C1 */
	assert_string_equal(json_of("\x1b[31m", 5), "\"\\u001b[31m\"");
	assert_string_equal(json_of("a\0b", 3), "\"a\\u0000b\"");
	assert_string_equal(json_of("\x7f", 1), "\"\\u007f\"");
	assert_string_equal(json_of("\xC2\x9B", 2), "\"\\u009b\"");
	/* line separators and bidi controls too; other UTF-8 passes */
	assert_string_equal(json_of("\xE2\x80\xA8\xE2\x80\xAE\xE2\x81\xA6", 9), "\"\\u2028\\u202e\\u2066\"");
	assert_string_equal(json_of("\xC2\xB6\xE2\x80\x99", 5), "\"\xC2\xB6\xE2\x80\x99\"");
}

static void json_and_text_of_a_cable(void **state)
{
	struct cable c;
	struct buf b = { 0 };

	cable_init(&c);
	assert_true(parse_text(&c, "CONFIDENTIAL ROME 000123\n\nE.O. 12958: DECL: 01/01/2014\n"
				   "TAGS: PREL IT\nSUBJECT: TEST \x1b[2J CABLE\n\n1. (C) Hello \x1b]52;c;x\x07 world.\n"));
	export_json(&b, &c);
	assert_non_null(strstr(b.p, "\"id\":\"ROME123\""));
	assert_non_null(strstr(b.p, "\"subject\":\"TEST \\u001b[2J CABLE\""));
	assert_non_null(strstr(b.p, "\"tags\":[\"PREL\",\"IT\"]"));
	assert_non_null(strstr(b.p, "\"paragraphs\":[{\"number\":1,\"address\":\"1\",\"number_as_written\":\"1\",\"marking\":\"C\""));
	assert_null(memchr(b.p, 0x1b, b.n));
	assert_int_equal(b.p[b.n - 1], '\n');
	assert_null(memchr(b.p, '\n', b.n - 1));

	buf_clear(&b);
	export_text(&b, &c, 120);
	assert_null(memchr(b.p, 0x1b, b.n));
	assert_null(memchr(b.p, 0x07, b.n));
	assert_non_null(strstr(b.p, "\xE2\x90\x9B"));   /* ESC shown as a picture */
	assert_non_null(strstr(b.p, "PREL \xE2\x80\x94 External political relations \xC2\xB7 IT \xE2\x80\x94 Italy"));
	assert_non_null(strstr(b.p, "\xC2\xB6" "1 (C) Hello"));
	buf_free(&b);
	cable_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_escapes),
		cmocka_unit_test(json_and_text_of_a_cable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
