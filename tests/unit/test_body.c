/* test_body.c -- the paragraphs of older and messier cables: numbers
 * written twice, numberings started again, lists inside paragraphs,
 * paragraph addresses, page headers and database rows inside the text,
 * stray and missing ¶ signs, redacted paragraphs, the signer after the
 * last comment.  Every snippet is invented for these tests; only the
 * shapes are the real cables'. */
#include "config.h"
#include "testlib.h"

#define HEAD "CONFIDENTIAL LISBON 000310\n\nE.O. 12958: DECL: 03/01/2019\nTAGS: PREL PO\n" \
	     "SUBJECT: HARBOUR TALKS\n\nClassified By: DCM J. Doe, reasons 1.4 (b) and (d)\n\n"

/* Asserts the paragraphs' addresses, in order. */
static void assert_addresses(const struct cable *c, const char *const *want, size_t n)
{
	if (c->nparas != n) {
		for (size_t i = 0; i < c->nparas; i++)
			print_error("paragraph %zu: %s \"%.*s\"\n", i, c->paras[i].address,
				    (int)MIN(c->paras[i].text.n, 40), c->paras[i].text.p);
	}
	assert_int_equal(c->nparas, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(c->paras[i].address, want[i]);
}

#define ADDRESSES_ARE(c, ...)                                                                 \
	do {                                                                                  \
		static const char *const want_[] = { __VA_ARGS__ };                           \
		assert_addresses((c), want_, sizeof(want_) / sizeof(want_[0]));               \
	} while (0)

/* ------------------------------------------------ numbers as written */

static void number_written_twice(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (C) The first.\n\n2. (C) The second.\n\n"
				  "2. (S) The second again, as the drafter wrote it.\n\n3. (C) The third.\n"));
	ADDRESSES_ARE(c, "1", "2", "2a", "3");
	/* the number written is kept, the marking read, the marker gone from the text */
	assert_int_equal(c->paras[2].number, 2);
	assert_str(c->paras[2].number_as_written, "2");
	assert_int_equal(c->paras[2].marking.level, LEVEL_S);
	assert_str(c->paras[2].text, "The second again, as the drafter wrote it.");
	assert_true(has_warning(c, "numbered again"));
}

static void numbering_started_again(void **state)
{
	struct cable *c = *state;

	/* a text quoted inside the cable numbers its own paragraphs */
	assert_true(parse_text(c, HEAD "1. (C) The first.\n\n2. (C) The second.\n\n"
				  "3. (C) The text of the note follows.\n\n"
				  "1. (U) The note's first.\n\n2. (U) The note's second.\n\n"
				  "4. (C) Back in the cable.\n\n5. (C) The last.\n"));
	ADDRESSES_ARE(c, "1", "2", "3", "1a", "2a", "4", "5");
	assert_int_equal(c->paras[3].number, 1);
	assert_int_equal(c->paras[5].number, 4);
	assert_true(has_warning(c, "start again at 1"));
}

static void numbers_above_four_digits(void **state)
{
	struct cable *c = *state;
	struct buf b = { 0 };

	/* a long cable: every number kept, none merged into the one before */
	buf_adds(&b, HEAD);
	for (int i = 1; i <= 10002; i++)
		buf_printf(&b, "%d. (C) Paragraph %d.\n\n", i, i);
	buf_addc(&b, '\0');
	assert_true(parse_text(c, b.p));
	assert_int_equal(c->nparas, 10002);
	assert_int_equal(c->paras[9999].number, 10000);
	assert_string_equal(c->paras[10001].address, "10002");
	assert_str(c->paras[10001].text, "Paragraph 10002.");
	/* a number past what an int holds is no paragraph number */
	assert_true(parse_text(c, HEAD "1. (C) The first.\n\n12345678901. (C) Not a number.\n"));
	ADDRESSES_ARE(c, "1");
	buf_free(&b);
}

static void unnumbered_blocks_have_their_own_address(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "An introduction before the first number.\n\n"
				  "1. (C) The first.\n\n2. (C) The second.\n\nBACKGROUND\n----------\n\n"
				  "A block under a heading, with no number.\n\nStill the same block.\n\n"
				  "3. (C) The third.\n"));
	/* before ¶1 "0a", under the heading after ¶2 "2a" */
	ADDRESSES_ARE(c, "0a", "1", "2", "2a", "3");
	assert_int_equal(c->paras[0].number, 0);
	assert_int_equal(c->paras[3].number, 0);
	assert_str(c->sections[c->paras[3].section].title, "BACKGROUND");
	/* every address names one paragraph */
	for (size_t i = 0; i < c->nparas; i++)
		for (size_t j = i + 1; j < c->nparas; j++)
			assert_string_not_equal(c->paras[i].address, c->paras[j].address);
}

static void lists_inside_paragraphs(void **state)
{
	struct cable *c = *state;

	/* "1)" items inside a paragraph numbered "1.": its text, not paragraphs */
	assert_true(parse_text(c, HEAD "1. (C) The minister raised three points:\n\n"
				  "1) the harbour fees;\n\n2) the pilots' strike;\n\n3) the new quay.\n\n"
				  "2. (C) We replied on each.\n"));
	ADDRESSES_ARE(c, "1", "2");
	assert_str(c->paras[0].text, "The minister raised three points:\n\n1) the harbour fees;\n\n"
				     "2) the pilots' strike;\n\n3) the new quay.");
	assert_int_equal(c->paras[1].number, 2);
}

static void double_dot_and_excerpt_start(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1.. (C) Two dots after the number.\n\n2. (C) One.\n"));
	ADDRESSES_ARE(c, "1", "2");
	assert_str(c->paras[0].text, "Two dots after the number.");
	/* an excerpt may start at any paragraph */
	assert_true(parse_text(c, "7. (C) The minister agreed to meet again.\n\n8. (C) He left.\n"));
	ADDRESSES_ARE(c, "7", "8");
}

/* --------------------------------------------------- the pilcrow sign */

static void pilcrow_in_its_sequence_and_astray(void **state)
{
	struct cable *c = *state;

	/* ¶3 comes next: a paragraph, though the line before has no full stop */
	assert_true(parse_text(c, HEAD "¶1. (C) The week's topics: fees, pilots and\n"
				  "¶2. (C) Harbour fees... The port raised its fees on March\n"
				  "¶4. It was the third rise this year, which\n"
				  "¶2009. brought the total to a record. It was raised on October\n"
				  "¶16. The shippers protested.\n"
				  "¶3. Pilots' strike... The pilots walked out.\n"));
	ADDRESSES_ARE(c, "1", "2", "3");
	/* a ¶ before a day after its month (though 4 may come next), before a
	 * year: no paragraph, the sign left out */
	assert_str(c->paras[1].text, "Harbour fees... The port raised its fees on March 4. It was the third rise "
				     "this year, which 2009. brought the total to a record. It was raised "
				     "on October 16. The shippers protested.");
	assert_true(has_warning(c, "stray pilcrow"));
	/* "¶11." is ¶11, not a ¶ read as a "1" */
	assert_true(parse_text(c, HEAD "¶9. (C) Nine.\n\n¶10. (C) Ten.\n\n¶11. (C) Eleven.\n"));
	ADDRESSES_ARE(c, "9", "10", "11");
}

static void redacted_paragraphs(void **state)
{
	struct cable *c = *state;

	/* the publisher left out ¶4-7 whole */
	assert_true(parse_text(c, HEAD "¶1. (C) One.\n¶2. (C) Two.\n¶3. Three and\nXXXXXXXXXXXX\n"
				  "¶8. Eight, after the redacted ones.\n¶9. Nine.\n"));
	ADDRESSES_ARE(c, "1", "2", "3", "8", "9");
	assert_true(has_warning(c, "skip from 3 to 8"));
}

/* -------------------------------------------- page headers and rows */

static void page_header_and_row_inside_a_line(void **state)
{
	struct cable *c = *state;

	/* a page break as copies give it: the header on a line of its own,
	 * between two halves of a sentence */
	assert_true(parse_text(c, HEAD "10. (C) He spoke of the budget as well as on\n"
				  "LISBON 00000310  002 OF 003\n"
				  "his decision-making in the cabinet.\n\n"
				  "11. (C) The talks end LISBON 00000310  003 OF 003 on Friday.\n\n"
				  "12. (C) The last words. 0 03/13/2009 9871 PREL,PO Lisbon 09LISBON310\n"
				  "12. (C) The last words.\n"));
	ADDRESSES_ARE(c, "10", "11", "12");
	assert_str(c->paras[0].text, "He spoke of the budget as well as on his decision-making in the cabinet.");
	assert_str(c->paras[1].text, "The talks end on Friday.");
	assert_str(c->paras[2].text, "The last words.");
	assert_true(has_warning(c, "database row"));
}

/* ---------------------------------------------------------- the end */

static void signer_after_last_comment(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (C) The talks went well.\n\n"
				  "2. (C) COMMENT: They will go on. END COMMENT.\nFERREIRA\n"));
	assert_str(c->signer.text, "FERREIRA");
	assert_int_equal(c->nparas, 2);
	assert_str(c->paras[1].text, "COMMENT: They will go on. END COMMENT.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(number_written_twice, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(numbering_started_again, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(numbers_above_four_digits, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(unnumbered_blocks_have_their_own_address, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(lists_inside_paragraphs, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(double_dot_and_excerpt_start, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(pilcrow_in_its_sequence_and_astray, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(redacted_paragraphs, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(page_header_and_row_inside_a_line, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(signer_after_last_comment, cable_setup, cable_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
