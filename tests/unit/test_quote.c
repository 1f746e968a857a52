/* test_quote.c -- text a reader can quote: the cable's words and nothing
 * else.  The signer taken off the end of the last paragraph (on its own
 * line or after the last sentence), the lines after it, page headers in
 * any case and in any place, REF entries read as tokens, header lines
 * kept in the header, the same addresses from every layout, lines broken
 * at blanks only, a text cut off in garbage.  Every snippet is invented
 * for these tests; only the shapes are the real cables'. */
#include "config.h"
#include "testlib.h"

#define HEAD "CONFIDENTIAL LISBON 000310\n\nE.O. 12958: DECL: 03/01/2019\nTAGS: PREL PO\n" \
	     "SUBJECT: HARBOUR TALKS\n\nClassified By: DCM J. Doe, reasons 1.4 (b) and (d)\n\n"

static const struct paragraph *last_para(const struct cable *c)
{
	assert_true(c->nparas > 0);
	return &c->paras[c->nparas - 1];
}

/* ------------------------------------------------------------- the signer */

static void signer_after_the_last_sentence(void **state)
{
	struct cable *c = *state;

	/* the page joined the name to the last line */
	assert_true(parse_text(c, HEAD "1. (C) The harbour stays open. End Comment and Action Request. PEREIRA\n"));
	assert_str(c->signer.text, "PEREIRA");
	assert_str(last_para(c)->text, "The harbour stays open. End Comment and Action Request.");

	/* a name in mixed case after a closing quote */
	assert_true(parse_text(c, HEAD "1. (C) He said it was \"only for show.\xe2\x80\x9d Almeida\n"));
	assert_str(c->signer.text, "Almeida");
	assert_str(last_para(c)->text, "He said it was \"only for show.\xe2\x80\x9d");

	/* two words, in capitals, after END COMMENT without its stop */
	assert_true(parse_text(c, HEAD "1. (C) They will go on. END COMMENT DA COSTA\n"));
	assert_str(c->signer.text, "DA COSTA");
	assert_str(last_para(c)->text, "They will go on. END COMMENT");

	/* an abbreviation ends the sentence ("the U.S.") */
	assert_true(parse_text(c, HEAD "1. (C) They would resettle in the U.S. PEREIRA\n"));
	assert_str(c->signer.text, "PEREIRA");
}

static void no_signer_from_a_sentence(void **state)
{
	struct cable *c = *state;

	/* a name with its stop is the sentence's last word */
	assert_true(parse_text(c, HEAD "1. (C) The answer came, said Pereira.\n"));
	assert_int_equal(c->signer.text.n, 0);
	assert_str(last_para(c)->text, "The answer came, said Pereira.");

	/* an initial is no sentence's end */
	assert_true(parse_text(c, HEAD "1. (C) Contact our officer, Maria J. Silveira\n"));
	assert_int_equal(c->signer.text.n, 0);

	/* a sentence left without its stop, in capitals */
	assert_true(parse_text(c, HEAD "1. (C) THE TALKS CONTINUE. REQUEST GUIDANCE\n"));
	assert_int_equal(c->signer.text.n, 0);
	assert_str(last_para(c)->text, "THE TALKS CONTINUE. REQUEST GUIDANCE");

	/* three Capitalised words are a phrase, not a name */
	assert_true(parse_text(c, HEAD "1. (C) The talks went well. More Talks Follow\n"));
	assert_int_equal(c->signer.text.n, 0);
}

static void signer_alone_after_a_rule_or_an_address(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (U) Visit our classified website at:\n"
				  "http://www.example.sgov.gov/p/lisbon\nSilveira\n"));
	assert_str(c->signer.text, "Silveira");
	assert_true(parse_text(c, HEAD "1. (U) You can reach the site through the network.\n"
				  "*****************************************\nPEREIRA\n"));
	assert_str(c->signer.text, "PEREIRA");
	/* a page header between the last sentence and the name */
	assert_true(parse_text(c, HEAD "1. (C) The talks went well.\nLISBON 00000310 002 OF 002\nPEREIRA\n"));
	assert_str(c->signer.text, "PEREIRA");
	/* a redacted line before it stays text */
	assert_true(parse_text(c, HEAD "1. (C) The talks went well.\n\nXXXXXXXXXXXX\nPEREIRA\n"));
	assert_str(c->signer.text, "PEREIRA");
	assert_str(last_para(c)->text, "The talks went well.\n\nXXXXXXXXXXXX");
}

static void what_follows_the_signer(void **state)
{
	struct cable *c = *state;

	/* NNNN and the web copy's end on the name's line */
	assert_true(parse_text(c, HEAD "1. (C) The talks went well.\nPEREIRA NNNN End Cable Text\n"));
	assert_str(c->signer.text, "PEREIRA");
	assert_int_equal(c->ntrailer, 2);
	assert_str(c->trailer[0].text, "NNNN");
	assert_str(c->trailer[1].text, "End Cable Text");
	/* a date after the name */
	assert_true(parse_text(c, HEAD "1. (C) The talks went well. PEREIRA 2009-03-01\n"));
	assert_str(c->signer.text, "PEREIRA");
	assert_str(last_para(c)->text, "The talks went well.");
	/* the name written again */
	assert_true(parse_text(c, HEAD "1. (C) The talks went well.\nPereira\npereira\n"));
	assert_str(c->signer.text, "Pereira");
	assert_str(last_para(c)->text, "The talks went well.");
	/* the classification again, and a suffix */
	assert_true(parse_text(c, HEAD "1. (C) The talks went well.\nPEREIRA JR\n\nCONFIDENTIAL\n"));
	assert_str(c->signer.text, "PEREIRA JR");
}

static void signer_in_capitals_of_old_cables(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. THE MINISTER AGREED. WE WILL REPORT FURTHER. KESSLER\n"));
	assert_str(c->signer.text, "KESSLER");
	assert_str(last_para(c)->text, "THE MINISTER AGREED. WE WILL REPORT FURTHER.");
	/* a wrapped last line of capitals is text */
	assert_true(parse_text(c, HEAD "1. THE MINISTER WILL MEET WITH\nGROMOV\n"));
	assert_int_equal(c->signer.text.n, 0);
}

/* ----------------------------------------------------------- page headers */

static void page_headers_in_any_case(void **state)
{
	struct cable *c = *state;

	/* a line of its own, the station's name in mixed case */
	assert_true(parse_text(c, HEAD "1. (C) Contacts in the opposition\n\nLisbon 00000310 002 of 005\n\n"
				  "party said so.\n"));
	assert_str(c->paras[0].text, "Contacts in the opposition party said so.");
	/* inside a line, in mixed case: the word before it stays */
	assert_true(parse_text(c, HEAD "1. (C) the center-left PD Lisbon 00000310 002 of 005 party and more.\n"));
	assert_str(c->paras[0].text, "the center-left PD party and more.");
	/* the station cut short, or a part of it */
	assert_true(parse_text(c, "CONFIDENTIAL RIO DE JANEIRO 000310\n\nSUBJECT: X\n\n1. (C) The talks\n"
				  "RIO DE JAN 00000310 001.2 OF 002 went on.\n"));
	assert_str(c->paras[0].text, "The talks went on.");
	/* the old telegrams' form, glued before a paragraph */
	assert_true(parse_text(c, HEAD "1. (C) First.\nPAGE 02 LISBON 00310 01 OF 02 011200Z 2. (C) Second.\n"));
	assert_int_equal(c->nparas, 2);
	assert_str(c->paras[1].text, "Second.");
}

static void page_headers_in_header_fields(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "CONFIDENTIAL LISBON 000310\n\nE.O. 12958: DECL: 03/01/2019\nTAGS: PREL PO\n"
				  "SUBJECT: HARBOUR TALKS REF: A. 08 LISBON 175 LISBON 00000310 001.2 OF 005\n"
				  "Classified By: DCM J. Doe, reasons 1.4 (b) and (d)\n\n1. (C) Text.\n"));
	assert_str(c->subject.text, "HARBOUR TALKS");
	assert_int_equal(c->nrefs, 1);
	assert_str(c->refs[0].text, "08 LISBON 175");
	assert_str(c->refs[0].id, "08LISBON175");
	assert_true(has_warning(c, "page header inside a header line"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(signer_after_the_last_sentence, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(no_signer_from_a_sentence, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(signer_alone_after_a_rule_or_an_address, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(what_follows_the_signer, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(signer_in_capitals_of_old_cables, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(page_headers_in_any_case, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(page_headers_in_header_fields, cable_setup, cable_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
