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
	/* the name twice on its line */
	assert_true(parse_text(c, HEAD "1. (C) The talks went well.\nPEREIRA PEREIRA\n"));
	assert_str(c->signer.text, "PEREIRA");
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

/* ------------------------------------------------------------- REF items */

/* The header of a cable of Lisbon, serial 310 of 2009, with @ref. */
static bool parse_ref(struct cable *c, const char *ref)
{
	char text[2048];

	snprintf(text, sizeof(text), "CONFIDENTIAL LISBON 000310\n\nR 261200Z JAN 09\nE.O. 12958: DECL: 03/01/2019\n"
		 "TAGS: PREL PO\nSUBJECT: HARBOUR TALKS\n%s\n\nClassified By: DCM J. Doe, reasons 1.4 (b)\n\n"
		 "1. (C) Text.\n", ref);
	return parse_text(c, text);
}

#define REF_IDS_ARE(c, ...)                                                                  \
	do {                                                                                 \
		static const char *const want_[] = { __VA_ARGS__ };                          \
		size_t n_ = 0;                                                               \
		for (size_t i_ = 0; i_ < (c)->nrefs; i_++)                                  \
			if ((c)->refs[i_].id.n) {                                            \
				assert_true(n_ < sizeof(want_) / sizeof(want_[0]));          \
				assert_str((c)->refs[i_].id, want_[n_]);                     \
				n_++;                                                        \
			}                                                                    \
		assert_int_equal(n_, sizeof(want_) / sizeof(want_[0]));                      \
	} while (0)

static void ref_years_in_every_form(void **state)
{
	struct cable *c = *state;

	/* after the serial with a hyphen, in parentheses between, four digits after */
	assert_true(parse_ref(c, "REF: A. MADRID 4471-05 B. STATE (02) 118843 C. MOSCOW 03242 2008"));
	REF_IDS_ARE(c, "05MADRID4471", "02STATE118843", "08MOSCOW3242");
	/* hyphens between year, post and serial */
	assert_true(parse_ref(c, "REF: PARIS-08-1234 AND 07-ROME-4567"));
	REF_IDS_ARE(c, "08PARIS1234", "07ROME4567");
	/* four digits before, an apostrophe, in parentheses after */
	assert_true(parse_ref(c, "REF: A. 2005 MADRID 3528 B. '08 ROME 12 C. ASUNCION 701 (07)"));
	REF_IDS_ARE(c, "05MADRID3528", "08ROME12", "07ASUNCION701");
	/* two digits behind a stray zero before the post; a zero-padded serial stays one */
	assert_true(parse_ref(c, "REF: ROME 5; 094 ROME 841; ROME 097"));
	REF_IDS_ARE(c, "09ROME5", "94ROME841", "09ROME97");
	/* a hyphenated word that is no cable stays none */
	assert_true(parse_ref(c, "REF: STATE CA-3400"));
	for (size_t i = 0; i < c->nrefs; i++)
		assert_int_equal(c->refs[i].id.n, 0);
	assert_true(has_warning(c, "REF not read as a cable: STATE CA-3400"));
}

static void ref_posts_in_every_form(void **state)
{
	struct cable *c = *state;

	/* lower case, the Department's other names, a post's own telegram */
	assert_true(parse_ref(c, "REF: a. 05 state 201650 b. 06 berlin 674 c. SECSTATE 12345 d. DEPTEL 6789 "
				 "e. EMBTEL 123"));
	REF_IDS_ARE(c, "05STATE201650", "06BERLIN674", "09STATE12345", "09STATE6789", "09LISBON123");
	/* written out in words, misspelt by a letter, abbreviated */
	assert_true(parse_ref(c, "REF: A. Rio de Janeiro 31 B. SAO PAUO 7 C. ADDIS 1556 D. PHNOM PEN 333"));
	REF_IDS_ARE(c, "09RIODEJANEIRO31", "09SAOPAULO7", "09ADDISABABA1556", "09PHNOMPENH333");
	/* cut short to ten letters, as page headers write it */
	assert_true(parse_ref(c, "REF: PORT AU PR 2325"));
	REF_IDS_ARE(c, "09PORTAUPRINCE2325");
	assert_true(has_warning(c, "read as PORTAUPRINCE"));
	/* an old post */
	assert_true(parse_ref(c, "REF: 79 TEHRAN 8980"));
	REF_IDS_ARE(c, "79TEHRAN8980");
}

static void ref_serials_in_every_form(void **state)
{
	struct cable *c = *state;

	/* several after one post: a slash, a comma, AND */
	assert_true(parse_ref(c, "REF: LIMA 512/498, 77 AND 301"));
	REF_IDS_ARE(c, "09LIMA512", "09LIMA498", "09LIMA77", "09LIMA301");
	/* the serial before the post; a marking glued to the serial */
	assert_true(parse_ref(c, "REF: A. 1280 BRASILIA B. ROME (S)01187"));
	REF_IDS_ARE(c, "09BRASILIA1280", "09ROME1187");
	/* glued to its year and post, a stray O for a zero */
	assert_true(parse_ref(c, "REF: 09CAIRO0561; LAGOS O1512"));
	REF_IDS_ARE(c, "09CAIRO561", "09LAGOS1512");
}

static void ref_year_never_later(void **state)
{
	struct cable *c = *state;

	/* no year: the citing cable's, unless that is a later serial of its own post */
	assert_true(parse_ref(c, "REF: A. LISBON 451 B. LISBON 120 C. MADRID 451"));
	REF_IDS_ARE(c, "08LISBON451", "09LISBON120", "09MADRID451");
	assert_true(has_warning(c, "took the year before the cable's (2008)"));
	assert_true(has_warning(c, "LISBON 451"));
	/* a year written wins, and a later serial is said */
	assert_true(parse_ref(c, "REF: 09 LISBON 451"));
	REF_IDS_ARE(c, "09LISBON451");
	assert_true(has_warning(c, "names a later cable of this post"));
	/* a serial known only from the file's name moves no year */
	assert_true(parse_text(c, "REF: LISBON 451\n"));
	assert_int_equal(c->nrefs, 1);
}

static void every_serial_a_reference_or_said(void **state)
{
	struct cable *c = *state;

	assert_true(parse_ref(c, "REF: A. LISBON 12 B. DAO LISBON IIR 6 889 0272 08 C. DOE-ROE EMAIL 05/11/07 "
				 "D. TD-314/09169-05"));
	REF_IDS_ARE(c, "09LISBON12");
	assert_true(has_warning(c, "B: DAO LISBON IIR 6 889 0272 08"));
	assert_true(has_warning(c, "D: TD-314/09169-05"));
	/* an e-mail of a date names no cable and needs no warning */
	assert_false(has_warning(c, "C: DOE-ROE"));
}

static void ref_block_ends(void **state)
{
	struct cable *c = *state;

	/* a marked paragraph on the next line */
	assert_true(parse_text(c, "CONFIDENTIAL LISBON 000310\n\nTAGS: PREL\nSUBJECT: X\nREF: STATE 40380\n"
				  " (SBU) Poloff delivered the demarche today.\nPEREIRA\n"));
	assert_int_equal(c->nrefs, 1);
	assert_str(c->refs[0].text, "STATE 40380");
	assert_int_equal(c->nparas, 1);
	assert_str(c->signer.text, "PEREIRA");
	/* a caveat sentence joined to the list, DERIVED FROM under it */
	assert_true(parse_text(c, "CONFIDENTIAL LISBON 000310\n\nTAGS: PREL\nSUBJECT: X\n"
				  "REF: 08 LISBON 1159 (U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.\n"
				  "DERIVED FROM: DSCG 05-1 B, D\n\n1. (C) Text.\n"));
	assert_int_equal(c->nrefs, 1);
	assert_str(c->refs[0].text, "08 LISBON 1159");
	assert_int_equal(c->ncaptions, 2);
	assert_str(c->captions[1].text, "DERIVED FROM: DSCG 05-1 B, D");
	assert_int_equal(c->nparas, 1);
	/* prose after a complete item is the text */
	assert_true(parse_text(c, "CONFIDENTIAL LISBON 000310\n\nTAGS: PREL\nSUBJECT: X\nREF: STATE 1234 AND PREVIOUS\n"
				  "The minister said that the talks would go on in the spring.\n\n1. (C) Text.\n"));
	assert_int_equal(c->nrefs, 1);
	assert_str(c->refs[0].text, "STATE 1234 AND PREVIOUS");
	assert_int_equal(c->nparas, 2);
	/* a list broken over a blank line goes on */
	assert_true(parse_text(c, "CONFIDENTIAL LISBON 009100\n\nR 261200Z JUN 09\nTAGS: PREL\nSUBJECT: X\n"
				  "REF: A) LISBON 3552 B) MADRID 4080 C) DOE E-MAIL\n\nOF 10/6 D) STATE 215870\n\n"
				  "Classified By: X, reasons 1.4 (b)\n\n1. (C) Text.\n"));
	REF_IDS_ARE(c, "09LISBON3552", "09MADRID4080", "09STATE215870");
}

/* --------------------------------------------------------- header lines */

static void header_lines_stay_in_the_header(void **state)
{
	struct cable *c = *state;

	/* Classified By over a page break, its reasons on the next page */
	assert_true(parse_text(c, "SECRET LISBON 000310\n\nTAGS: PREL\nSUBJECT: X\n\nCLASSIFIED BY: DCM J. DOE, "
				  "REASONS\n\n\nPAGE 02 RUEHLI0310 S E C R E T\n1.4 (B) AND (D).\n\n1. (S) Text.\n"));
	assert_str(c->reasons.text, "1.4 (B) AND (D)");
	assert_int_equal(c->nparas, 1);
	assert_int_equal(c->paras[0].number, 1);
	/* a label misspelt by a letter */
	assert_true(parse_text(c, "SECRET LISBON 000310\n\nTAGS: PREL\nSUBJECT: X\n\nClassfied By: DCM J. Doe, "
				  "reasons 1.4 (b)\n\n1. (S) Text.\n"));
	assert_str(c->classified_by.text, "DCM J. Doe");
	assert_true(has_warning(c, "header label written \"Classfied By:\""));
	/* E.O. inside the line cites the order, no field */
	assert_true(parse_text(c, "SECRET LISBON 000310\n\nTAGS: PREL\nSUBJECT: X\n\nClassified By: DCM J. Doe, "
				  "E.O. 12958, reasons\n1.4 (b) and (d).\n\n1. (S) Text.\n"));
	assert_str(c->reasons.text, "1.4 (b) and (d)");
	assert_int_equal(c->nparas, 1);
	/* a subject broken by a page header between blank lines */
	assert_true(parse_text(c, "SECRET LISBON 000310\n\nTAGS: PREL\nSUBJECT: (S) HARBOUR TALKS GO\n\n"
				  "LISBON 00000310 002 OF 003\n\nON IN SPRING\nREF: STATE 1\n\n"
				  "Classified By: X, reasons 1.4 (b)\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "HARBOUR TALKS GO ON IN SPRING");
	/* a subject broken over a blank line */
	assert_true(parse_text(c, "SECRET LISBON 000310\n\nTAGS: PREL\nSUBJECT: (S) HARBOUR TALKS GO\n\n"
				  "ON IN SPRING\nREF: STATE 1\n\nClassified By: X, reasons 1.4 (b)\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "HARBOUR TALKS GO ON IN SPRING");
}

static void header_given_twice(void **state)
{
	struct cable *c = *state;

	/* the web copy's date, the header, then the header again in another case */
	assert_true(parse_text(c, "Friday, 18 December 2009, 11:04\nS E C R E T LISBON 000310\nNOFORN\n"
				  "EO 12958 DECL: 12/18/2034\nTAGS PREL, PO\nSUBJECT: HARBOUR TALKS\n"
				  "Friday, 18 December 2009, 11:04\nS e c r e t lisbon 000310\nDept for eur/we\n"
				  "E.o. 12958: decl: 12/18/2034\nSubject: harbour talks\n"
				  "Classified By: DCM J. Doe, reasons 1.4 (b)\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "HARBOUR TALKS");
	assert_str(c->classified_by.text, "DCM J. Doe");
	assert_int_equal(c->nparas, 1);
	assert_int_equal(c->paras[0].number, 1);
}

static void subject_repeated_under_page_headers(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (C) The harbour talks began\nLISBON 00000310 002 OF 002\n"
				  "SUBJECT: HARBOUR TALKS\nin the spring.\n"));
	assert_str(c->paras[0].text, "The harbour talks began in the spring.");
}

/* -------------------------------------------------------------- addresses */

static void same_addresses_with_or_without_signs(void **state)
{
	struct cable *c = *state;

	/* a number written again after a blank line: with the page's ¶ sign or without */
	assert_true(parse_text(c, HEAD "1. FIRST.\n\n2. SECOND.\n\n2. SECOND AGAIN.\n\n3. THIRD.\n"));
	assert_int_equal(c->nparas, 4);
	assert_string_equal(c->paras[2].address, "2a");
	assert_true(parse_text(c, HEAD "\xc2\xb6" "1. FIRST.\n\n\xc2\xb6" "2. SECOND.\n\n\xc2\xb6" "2. SECOND AGAIN.\n\n"
				  "\xc2\xb6" "3. THIRD.\n"));
	assert_int_equal(c->nparas, 4);
	assert_string_equal(c->paras[2].address, "2a");
	/* the last item of a list inside the paragraph is no paragraph */
	assert_true(parse_text(c, HEAD "1. FIRST.\n\n2. POINTS:\n\n1. ONE.\n\n2. TWO.\n\n3. THIRD.\n"));
	assert_int_equal(c->nparas, 3);
	assert_str(c->paras[1].text, "POINTS:\n\n1. ONE.\n\n2. TWO.");
}

/* ------------------------------------------------------------------ TAGS */

#define TAGS_ARE(c, ...)                                                              \
	do {                                                                          \
		static const char *const want_[] = { __VA_ARGS__ };                   \
		assert_int_equal((c)->ntags, sizeof(want_) / sizeof(want_[0]));      \
		for (size_t i_ = 0; i_ < (c)->ntags; i_++)                           \
			assert_str((c)->tags[i_].text, want_[i_]);                    \
	} while (0)

static void tags_of_people_and_words(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "CONFIDENTIAL LISBON 000310\n\nTAGS: PREL OVIP DOE, JANE ROE, RICHARD Q. PO\n"
				  "SUBJECT: X\n\n1. (C) Text.\n"));
	TAGS_ARE(c, "PREL", "OVIP", "DOE, JANE", "ROE, RICHARD Q.", "PO");
	assert_true(parse_text(c, "CONFIDENTIAL LISBON 000310\n\nTAGS: PREL IRAQI FREEDOMKDEM PO\nSUBJECT: X\n\n"
				  "1. (C) Text.\n"));
	TAGS_ARE(c, "PREL", "IRAQI FREEDOM", "KDEM", "PO");
	/* a long word a letter from a known tag is it; a short code stays */
	assert_true(parse_text(c, "CONFIDENTIAL LISBON 000310\n\nTAGS: PREL, UNDESCO, MOPPS\nSUBJECT: X\n\n"
				  "1. (C) Text.\n"));
	TAGS_ARE(c, "PREL", "UNESCO", "MOPPS");
	assert_true(has_warning(c, "UNDESCO as UNESCO"));
	assert_true(has_warning(c, "MOPPS (MOPS is one letter away)"));
	/* continued on the next line */
	assert_true(parse_text(c, "CONFIDENTIAL LISBON 000310\n\nTAGS: PREL PGOV\n     PO ECON\nSUBJECT: X\n\n"
				  "1. (C) Text.\n"));
	TAGS_ARE(c, "PREL", "PGOV", "PO", "ECON");
}

/* --------------------------------------------------------- smaller damage */

static void text_cut_off(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (C) The pipeline project. The mo~97@Q5OQg\n"));
	assert_true(c->partial);
	assert_str(c->paras[0].text, "The pipeline project. The");
	assert_true(has_warning(c, "garbage"));
	assert_true(parse_text(c, HEAD "1. (C) The talks went well.\nPEREIRA\n...\n"));
	assert_true(c->partial);
	assert_str(c->signer.text, "PEREIRA");
	assert_true(parse_text(c, HEAD "1. ...\n"));
	assert_true(c->partial);
	assert_true(parse_text(c, HEAD "1. (C) The talks went well.\n"));
	assert_false(c->partial);
}

static void headings_without_their_rules(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, HEAD "1. (C) First.\n\n-- KOSOVO --\n\n2. (C) Second.\n\n"
				  "- - - A Dissenting View - - -\n\n3. (C) Third.\n\n//ISLAMISTS RESURGENT//\n\n"
				  "4. (C) Fourth.\n"));
	assert_int_equal(c->nsections, 3);
	assert_str(c->sections[0].title, "KOSOVO");
	assert_str(c->sections[1].title, "A Dissenting View");
	assert_str(c->sections[2].title, "ISLAMISTS RESURGENT");
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
		cmocka_unit_test_setup_teardown(ref_years_in_every_form, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(ref_posts_in_every_form, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(ref_serials_in_every_form, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(ref_year_never_later, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(every_serial_a_reference_or_said, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(ref_block_ends, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(header_lines_stay_in_the_header, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(header_given_twice, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(subject_repeated_under_page_headers, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(same_addresses_with_or_without_signs, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(tags_of_people_and_words, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(text_cut_off, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(headings_without_their_rules, cable_setup, cable_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
