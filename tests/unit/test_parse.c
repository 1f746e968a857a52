/* test_parse.c -- the quirks the parser must survive, one snippet each */
#include "config.h"
#include "testlib.h"

#include "parse/parse_lines.h"

#define HEAD "CONFIDENTIAL ROME 001234\n\nE.O. 12958: DECL: 01/01/2014\nTAGS: PREL IT\n" \
	     "SUBJECT: A TEST\n\nClassified By: DCM A B, reasons 1.4\n\n"

/* ------------------------------------------------------------ markers */

static void mangled_markers(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD
		"11. (C) One.\n"
		"12. (C) Two.\n"
		"- 13. (C) Three.\n"
		"- 14. (C) Four.\n"
		"- 15. (C) Five.\n"
		"- 16. (C) Six.\n"
		"- \\P 7. (U) Seven.\n"
		"- 18. (U) Eight.\n"));
	assert_int_equal(c->nparas, 8);
	for (int i = 0; i < 8; i++)
		assert_int_equal(c->paras[i].number, i + 1);
	assert_str(c->paras[0].number_as_written, "11");
	assert_str(c->paras[2].number_as_written, "- 13");
	assert_str(c->paras[6].number_as_written, "- \\P 7");
	assert_str(c->paras[6].text, "Seven.");
	assert_int_equal(c->paras[6].marking.level, LEVEL_U);
	assert_true(has_warning(c, "read as \"1\""));
}

static void spurious_pilcrow_on_wrapped_number(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD
		"\xC2\xB6" "1. (C) The law was passed in\n"
		"\xC2\xB6" "1987.  It is still in force.\n"
		"\n"
		"\xC2\xB6" "2. (C) Second.\n"));
	assert_int_equal(c->nparas, 2);
	assert_str(c->paras[0].text, "The law was passed in 1987.  It is still in force.");
	assert_int_equal(c->paras[1].number, 2);
	assert_true(has_warning(c, "stray pilcrow before \"1987\""));
}

static void spurious_pilcrow_on_ref_letters(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "CONFIDENTIAL ROME 001234\n\nE.O. 12958: DECL: 01/01/2014\n"
		"TAGS: PREL\nSUBJECT: X\n\nREF: A. ROME 100\n     \xC2\xB6" "B. ROME 200\n\n"
		"1. (C) Text.\n"));
	assert_int_equal(c->nrefs, 2);
	assert_str(c->refs[1].label, "B");
	assert_str(c->refs[1].text, "ROME 200");
	assert_true(has_warning(c, "stray pilcrow before REF B"));
}

static void marker_without_space(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1.(SBU) Sensitive.\n\n2.(C) Confidential.\n"));
	assert_int_equal(c->nparas, 2);
	assert_int_equal(c->paras[0].marking.level, LEVEL_SBU);
	assert_str(c->paras[0].text, "Sensitive.");
	assert_int_equal(c->paras[1].marking.level, LEVEL_C);
}

static void marking_without_open_paren(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. C) Lost its parenthesis.\n"));
	assert_int_equal(c->nparas, 1);
	assert_int_equal(c->paras[0].marking.level, LEVEL_C);
	assert_str(c->paras[0].marking_as_written, "C");
	assert_str(c->paras[0].text, "Lost its parenthesis.");
	assert_true(has_warning(c, "lacks its opening parenthesis"));
}

static void entire_text_marking(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (C - ENTIRE TEXT) First.\n\n2. Second.\n\n3. Third.\n"));
	assert_int_equal(c->nparas, 3);
	assert_int_equal(c->paras[0].marking.level, LEVEL_C);
	assert_int_equal(c->paras[1].marking.level, LEVEL_C);
	assert_int_equal(c->paras[2].marking.level, LEVEL_C);
	assert_true(has_warning(c, "entire text"));
	/* written out in words, as old telegrams do */
	assert_true(parse_text(c, HEAD "1. CONFIDENTIAL - ENTIRE TEXT.\n\n2. Second.\n"));
	assert_int_equal(c->paras[1].marking.level, LEVEL_C);
}

/* ------------------------------------------------- classification lines */

static void spaced_out_classification(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "C O N F I D E N T I A L SECTION 01 OF 03 ROME 001187\n\n"
				  "E.O. 12958: DECL: 10/06/2014\nTAGS: PREL\nSUBJECT: X\n\n1. (C) T.\n"));
	assert_int_equal(c->marking.level, LEVEL_C);
	assert_str(c->classification.text, "CONFIDENTIAL");
	assert_str(c->origin.text, "ROME");
	assert_true(has_warning(c, "C O N F I D E N T I A L"));
}

static void lower_case_classification(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "C o n f i d e n t i a l section 01 of 04 ankara 000348\n\n"
				  "Sipdis\n\nE.o. 12958: decl: 01/07/2014 Tags: prel, pgov, tu "
				  "Subject: turkish p.m. goes to washington\n\n1. (C) T.\n"));
	assert_int_equal(c->marking.level, LEVEL_C);
	assert_str(c->origin.text, "ANKARA");
	assert_str(c->declassify.text, "2014-01-07");
	assert_int_equal(c->ntags, 3);
	assert_str(c->tags[0].text, "PREL");
	assert_str(c->tags[2].text, "TU");
	assert_str(c->subject.text, "turkish p.m. goes to washington");
	assert_str(c->captions[0].text, "Sipdis");
}

/* --------------------------------------------------------------- TAGS */

static void tags_wrapped_and_multiword(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "SECRET ROME 000001\n\nE.O. 12958: DECL: 01/01/2015\n"
				  "TAGS: PREL IT IR IZ NATO EUN IRAQI FREEDOM\nGLOBAL DEFENSE\n"
				  "SUBJECT: X\n\n1. (S) T.\n"));
	assert_int_equal(c->ntags, 8);
	assert_str(c->tags[6].text, "IRAQI FREEDOM");
	assert_str(c->tags[7].text, "GLOBAL DEFENSE");
}

static void tags_comma_no_colon_typos_sipdis(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "CONFIDENTIAL ROME 000001\n\nEO 12958 DECL: 02/22/2011\n"
				  "TAGS PREL, PGOV, SIPDIS, SF\nSUBJECT: X\n\n1. (C) T.\n"));
	assert_int_equal(c->ntags, 3);
	assert_str(c->tags[2].text, "SF");
	assert_true(has_warning(c, "SIPDIS inside the TAGS"));
	assert_true(has_warning(c, "TAGS label written"));
	assert_str(c->declassify.text, "2011-02-22");

	assert_true(parse_text(c, "CONFIDENTIAL ROME 000001\n\nTAS: PREL IT\nSUBJECT: X\n\n1. (C) T.\n"));
	assert_int_equal(c->ntags, 2);
	assert_true(parse_text(c, "CONFIDENTIAL ROME 000001\n\nTGS PREL IT\nSUBJECT: X\n\n1. (C) T.\n"));
	assert_int_equal(c->ntags, 2);
	assert_true(parse_text(c, "CONFIDENTIAL ROME 000001\n\nTAGES: PREL\nSUBJECT: X\n\n1. (C) T.\n"));
	assert_int_equal(c->ntags, 1);
}

/* ------------------------------------------------------------- SUBJECT */

static void subject_ends_at_blank_ref_classby_or_para(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "CONFIDENTIAL ROME 000001\n\nTAGS: PREL\nSUBJECT: ONE\nTWO\n\n1. (C) T.\n"));
	assert_str(c->subject.text, "ONE TWO");
	assert_true(parse_text(c, "CONFIDENTIAL ROME 000001\n\nTAGS: PREL\nSUBJECT: ONE\nTWO\nREF: ROME 12\n\n1. (C) T.\n"));
	assert_str(c->subject.text, "ONE TWO");
	assert_int_equal(c->nrefs, 1);
	assert_true(parse_text(c, "CONFIDENTIAL ROME 000001\n\nTAGS: PREL\nSUBJECT: ONE\nTWO\n"
				  "Classified By: X Y, reasons 1.4\n1. (C) T.\n"));
	assert_str(c->subject.text, "ONE TWO");
	assert_str(c->classified_by.text, "X Y");
	assert_true(parse_text(c, "CONFIDENTIAL ROME 000001\n\nTAGS: PREL\nSUBJECT: ONE\nTWO\n1. (C) Text.\n"));
	assert_str(c->subject.text, "ONE TWO");
	assert_int_equal(c->nparas, 1);
	assert_str(c->paras[0].text, "Text.");
}

static void no_subject_no_tags(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "CONFIDENTIAL ROME 000001\n\nE.O. 12958: DECL: 1/1/2020\n\n"
				  "1. (C) Only text.\n"));
	assert_int_equal(c->ntags, 0);
	assert_int_equal(c->subject.text.n, 0);
	assert_int_equal(c->nparas, 1);
	assert_str(c->eo.text, "12958");
}

/* ----------------------------------------------------------------- REF */

static void refs_over_lines_and_missing_years(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "R 231553Z FEB 00\nCONFIDENTIAL PRETORIA 003173\n\nE.O. 12958: DECL: 02/22/2011\n"
		"TAGS: PREL\nSUBJECT: X\nREF: A. 99 PRETORIA 12315  B. 2000 PRETORIA 9150\n"
		"     C. 00 CAPE TOWN 2150  D. PRETORIA 425 AND 2764\n     E. EMAIL FROM J. SMITH\n\n"
		"1. (C) Text.\n"));
	assert_int_equal(c->nrefs, 6);
	assert_str(c->refs[0].id, "99PRETORIA12315");
	assert_str(c->refs[1].id, "00PRETORIA9150");
	assert_str(c->refs[2].id, "00CAPETOWN2150");
	/* no year: the cable's own */
	assert_str(c->refs[3].label, "D");
	assert_str(c->refs[3].text, "PRETORIA 425 AND 2764");
	assert_str(c->refs[3].id, "00PRETORIA425");
	/* AND 2764 reuses the station */
	assert_str(c->refs[4].label, "D");
	assert_str(c->refs[4].id, "00PRETORIA2764");
	/* not a cable */
	assert_str(c->refs[5].label, "E");
	assert_int_equal(c->refs[5].id.n, 0);
	assert_true(has_warning(c, "REF without a year"));
}

static void refs_paren_letters_and_semicolons(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "SECRET STATE 200012\n\nR 010000Z JAN 09\nTAGS: PREL\nSUBJECT: X\n"
		"REF: A)STATE 198912 B)HAVANA 3721\n\n1. (S) T.\n"));
	assert_int_equal(c->nrefs, 2);
	assert_str(c->refs[0].id, "09STATE198912");
	assert_str(c->refs[1].id, "09HAVANA3721");
	assert_true(parse_text(c, "SECRET STATE 000012\n\nTAGS: PREL\nSUBJECT: X\n"
		"REF: SECSTATE 119436; 08 UNVIE 663 (NOTAL)\n\n1. (S) T.\n"));
	assert_int_equal(c->nrefs, 2);
	assert_str(c->refs[1].id, "08UNVIEVIENNA663");
}

/* --------------------------------------------------------- Classified By */

static void classified_by_variants(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (C) T.\n"));
	assert_str(c->classified_by.text, "DCM A B");
	assert_str(c->reasons.text, "1.4");

	assert_true(parse_text(c, "CONFIDENTIAL PARIS 001040\n\nTAGS: PREL\nSUBJECT: X\n\n"
		"Classified By: Kathleen Allegrone, Political Minister-Counselor, 1.4 (b\n/d).\n\n1. (C) T.\n"));
	assert_str(c->classified_by.text, "Kathleen Allegrone, Political Minister-Counselor");
	assert_str(c->reasons.text, "1.4 (b /d)");

	assert_true(parse_text(c, "CONFIDENTIAL PRETORIA 001173\n\nTAGS: PREL\nSUBJECT: X\n"
		"CLASSIFIED BY AMBASSADOR DELANO E. LEWIS. REASONS 1.5 (B) AND (D).\n\n1. (C) T.\n"));
	assert_str(c->classified_by.text, "AMBASSADOR DELANO E. LEWIS");
	assert_str(c->reasons.text, "1.5 (B) AND (D)");

	assert_true(parse_text(c, "CONFIDENTIAL ANKARA 000348\n\nTAGS: PREL\nSUBJECT: X\n\n"
		"(U) Classified by: Classified by Ambassador Eric Edelman; reasons: 1.5 (b,d).\n\n1. (C) T.\n"));
	assert_str(c->classified_by.text, "Ambassador Eric Edelman");
	assert_str(c->reasons.text, "1.5 (b,d)");
	assert_true(has_warning(c, "written twice"));
}

/* ------------------------------------------------------------- E.O./DECL */

static void eo_decl_variants(void **state)
{
	static const struct {
		const char *line, *eo, *decl;
	} cases[] = {
		{ "E.O. 12958: DECL: 10/06/2014", "12958", "2014-10-06" },
		{ "EO 12958 DECL: 02/22/2011", "12958", "2011-02-22" },
		{ "E.O. 12958: DECL: 11/29/10", "12958", "2010-11-29" },
		{ "E.O. 12958: DECL: 2035/01/12", "12958", "2035-01-12" },
		{ "E.O. 12958: DECL: 9/26/2033", "12958", "2033-09-26" },
		{ "E.O. 12958: N/A", "12958", "N/A" },
		{ "E.O. 12356:  DECL:  OADR", "12356", "OADR" },
		{ "E.o. 12958: decl: 01/07/2014", "12958", "2014-01-07" },
		{ "E.O. 11652: NGDS", "11652", "NGDS" },
		{ "E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009", "12958", "DECLASSIFIED BY NARA 09/02/2009" },
	};
	struct cable *c = *state;
	char text[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "CONFIDENTIAL ROME 000001\n\n%s\nTAGS: PREL\nSUBJECT: X\n\n1. (C) T.\n",
			 cases[i].line);
		assert_true(parse_text(c, text));
		assert_str(c->eo.text, cases[i].eo);
		assert_str(c->declassify.text, cases[i].decl);
	}
}

/* ------------------------------------------------------------- the body */

static void page_breaks_inside_text(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD
		"1. (C) The talks went on into the night and the delegations\n"
		"agreed to meet again when the\n"
		"\n"
		"ROME 00001234  002 OF 003\n"
		"\n"
		"\n"
		"ministers return from the summit.\n"
		"\n"
		"2. (C) The second paragraph runs over the foot of the page, as\n"
		"                       CONFIDENTIAL\n"
		"\n"
		"PAGE 03        ROME  01234  01 OF 03  170856Z\n"
		"old telegrams often do.\n"));
	assert_int_equal(c->nparas, 2);
	assert_str(c->paras[0].text, "The talks went on into the night and the delegations agreed to meet "
				     "again when the ministers return from the summit.");
	assert_str(c->paras[1].text, "The second paragraph runs over the foot of the page, as old "
				     "telegrams often do.");
}

static void section_headings(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD
		"Summary\n\n1. (C) Sum.\n\n"
		"Iran - Italy Supports Engagement\n\n2. (C) Two.\n\n"
		"-------\nRoutes Shift South\n-------\n\n3. (C) Three.\n\n"
		"NO-NONSENSE STYLE -----------\n\n4. (C) Four.\n"));
	assert_int_equal(c->nparas, 4);
	assert_int_equal(c->nsections, 4);
	assert_str(c->sections[c->paras[0].section].title, "Summary");
	assert_str(c->sections[c->paras[1].section].title, "Iran - Italy Supports Engagement");
	assert_str(c->sections[c->paras[2].section].title, "Routes Shift South");
	assert_str(c->sections[c->paras[3].section].title, "NO-NONSENSE STYLE");
}

static void summary_end_summary(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD
		"1. (C) SUMMARY: The first part.\n\n2. (C) Still summary.  END\nSUMMARY.\n\n"
		"3. (C) After it.\n"));
	assert_int_equal(c->nparas, 3);
	assert_true(c->paras[0].section >= 0);
	assert_str(c->sections[c->paras[0].section].title, "Summary");
	assert_int_equal(c->paras[1].section, c->paras[0].section);
	assert_int_equal(c->paras[2].section, -1);
}

static void comma_for_apostrophe_kept(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (C) PM Allawi,s statements and POST,S view.\n"));
	assert_str(c->paras[0].text, "PM Allawi,s statements and POST,S view.");
}

static void signer_and_trailer(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (C) Text.\n\n2. (U) Minimize considered.\n\nSEMBLER\n\nNNNN\n\n"
				  "2004ROME01234 - Classification: CONFIDENTIAL\n"));
	assert_str(c->signer.text, "SEMBLER");
	assert_int_equal(c->nparas, 2);
	assert_int_equal(c->ntrailer, 2);
	assert_str(c->trailer[0].text, "NNNN");
	assert_str(c->id_as_written.text, "2004ROME01234");
	assert_string_equal(c->id, "04ROME1234");

	assert_true(parse_text(c, HEAD "1. (C) Text ends here.\nGILLESPIE##\n"));
	assert_str(c->signer.text, "GILLESPIE");
	assert_true(parse_text(c, HEAD "1. (C) Text.\n\nBEIRUT MINIMIZE CONSIDERED. EAGLETON\n"));
	assert_str(c->signer.text, "EAGLETON");
	assert_str(c->trailer[0].text, "BEIRUT MINIMIZE CONSIDERED.");
	/* a wrapped last line is text, not a signer */
	assert_true(parse_text(c, HEAD "1. (C) The talks will resume in the spring with the\nFrench Delegation\n"));
	assert_int_equal(c->signer.text.n, 0);
	assert_str(c->paras[0].text, "The talks will resume in the spring with the French Delegation");
	/* the telegram's words, in any case, are no name: the first of the
	 * list, the last and one between */
	assert_true(parse_tail_words_sorted());
	assert_true(parse_text(c, HEAD "1. (C) Text ends here.\n\nAbove\n"));
	assert_int_equal(c->signer.text.n, 0);
	assert_true(parse_text(c, HEAD "1. (C) Text ends here.\n\nYES\n"));
	assert_int_equal(c->signer.text.n, 0);
	assert_true(parse_text(c, HEAD "1. (C) Text ends here.\n\nMinimize\n"));
	assert_int_equal(c->signer.text.n, 0);
	assert_true(parse_text(c, HEAD "1. (C) Text ends here.\n\nMinimizes\n"));
	assert_str(c->signer.text, "Minimizes");
}

/* ------------------------------------------------------------- gluing */

static void routing_glued_to_classification(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "R 141116Z MAY 09\nFM AMEMBASSY DUSHANBE\nTO RUEHC/SECSTATE WASHDC 0323\n"
				  "INFO RUEHBUL/AMEMBASSY KABUL 0106UNCLAS SECTION 01 OF 02 DUSHANBE 000575\n\n"
				  "E.O. 12958: N/A\nTAGS: PHUM\nSUBJECT: X\n\n1. (U) T.\n"));
	assert_string_equal(c->id, "09DUSHANBE575");
	assert_int_equal(c->marking.level, LEVEL_U);
	assert_int_equal(c->routing.ninfo, 1);
	assert_str(c->routing.info[0].text, "RUEHBUL/AMEMBASSY KABUL 0106");
	assert_str(c->routing.dtg.text, "141116Z MAY 09");
	assert_string_equal(c->date, "2009-05-14T11:16Z");
	assert_true(has_warning(c, "glued"));
}

static void header_fields_glued_on_one_line(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "C O N F I D E N T I A L SECTION 01 OF 02 STATE 000284 SIPDIS "
				  "E.O. 12958: DECL: 01/04/2020 TAGS: MASS MARR SUBJECT: A GLUED HEADER\n\n"
				  "1.(U) Text.\n"));
	assert_str(c->captions[0].text, "SIPDIS");
	assert_str(c->eo.text, "12958");
	assert_str(c->declassify.text, "2020-01-04");
	assert_int_equal(c->ntags, 2);
	assert_str(c->subject.text, "A GLUED HEADER");
	assert_int_equal(c->nparas, 1);
}

static void five_metadata_lines(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "01PRETORIA1173\nTHIN-SKINNED MBEKI\nFri Feb 23 00:00:00 +0100 2001\n"
				  "CONFIDENTIAL\nEmbassy Pretoria\n"
				  "C O N F I D E N T I A L SECTION 01 OF 02 PRETORIA 001173\n"
				  "TAGS PREL, PGOV, SF\n\n1. (C) Text.\n"));
	assert_string_equal(c->id, "01PRETORIA1173");
	assert_str(c->origin_name.text, "Embassy Pretoria");
	assert_string_equal(c->date, "2001-02-23");
	assert_str(c->subject.text, "THIN-SKINNED MBEKI");
}

static void unnumbered_paragraphs(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "UNCLAS USEU BRUSSELS 001177\n\nTAGS: OTRA\nSUBJECT: X\n\n"
				  "SUMMARY: First block.  END\nSUMMARY\n\nBACKGROUND:\n\nSecond block.\n\nThird.\n"));
	assert_int_equal(c->nparas, 3);
	/* no number of their own: 0, and addressed by position */
	assert_int_equal(c->paras[0].number, 0);
	assert_string_equal(c->paras[0].address, "1");
	assert_int_equal(c->paras[0].number_as_written.n, 0);
	assert_str(c->sections[c->paras[0].section].title, "Summary");
	assert_str(c->sections[c->paras[1].section].title, "BACKGROUND:");
	assert_int_equal(c->paras[2].number, 0);
	assert_string_equal(c->paras[2].address, "3");
	assert_true(has_warning(c, "not numbered"));
}

static void not_a_cable(void **state)
{
	struct cable *c = *state;

	assert_false(parse_text(c, "Dear diary,\n\nToday I wrote a parser.\n"));
	assert_false(parse_text(c, ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(mangled_markers, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(spurious_pilcrow_on_wrapped_number, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(spurious_pilcrow_on_ref_letters, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(marker_without_space, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(marking_without_open_paren, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(entire_text_marking, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(spaced_out_classification, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(lower_case_classification, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(tags_wrapped_and_multiword, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(tags_comma_no_colon_typos_sipdis, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(subject_ends_at_blank_ref_classby_or_para, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(no_subject_no_tags, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(refs_over_lines_and_missing_years, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(refs_paren_letters_and_semicolons, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(classified_by_variants, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(eo_decl_variants, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(page_breaks_inside_text, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(section_headings, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(summary_end_summary, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(comma_for_apostrophe_kept, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(signer_and_trailer, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(routing_glued_to_classification, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(header_fields_glued_on_one_line, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(five_metadata_lines, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(unnumbered_paragraphs, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(not_a_cable, cable_setup, cable_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
