/* test_header.c -- the header fields of older and messier cables, and
 * excerpts: TAGS, SUBJECT, REF ids, Classified By, the signer, the
 * classification, the id from a file name.  Every snippet is invented for
 * these tests; only the shapes are the real cables'. */
#include "config.h"
#include "testlib.h"

#include "doc/stations.h"

/* Parses @text as a plain-text file named @path. */
static bool parse_named(struct cable *c, const char *path, const char *text)
{
	struct record_meta m;

	memset(&m, 0, sizeof(m));
	m.format = FORMAT_TEXT;
	m.path = str_c(path);
	return parse_cable(c, str_c(text), &m);
}

static void assert_tags(const struct cable *c, const char *const *want, size_t n)
{
	if (c->ntags != n) {
		for (size_t i = 0; i < c->ntags; i++)
			print_error("tag %zu: %.*s\n", i, (int)c->tags[i].text.n, c->tags[i].text.p);
	}
	assert_int_equal(c->ntags, n);
	for (size_t i = 0; i < n; i++)
		assert_str(c->tags[i].text, want[i]);
}

#define TAGS_ARE(c, ...)                                                                      \
	do {                                                                                  \
		static const char *const want_[] = { __VA_ARGS__ };                           \
		assert_tags((c), want_, sizeof(want_) / sizeof(want_[0]));                    \
	} while (0)

#define CLASS "SECRET ATHENS 000412\n\n"

/* ---------------------------------------------------------------- TAGS */

static void tags_multiword_and_persons(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, CLASS "TAGS: PREL KPAL COUNTRY CLEARANCE GAZA DISENGAGEMENT\n"
				   "SUBJECT: VISIT\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "PREL", "KPAL", "COUNTRY CLEARANCE", "GAZA DISENGAGEMENT");

	/* after OVIP, the names of people: bare, or in parentheses */
	assert_true(parse_text(c, CLASS "TAGS: OVIP KOSTAS ELENI PREL GR\nSUBJECT: VISIT\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "OVIP", "KOSTAS, ELENI", "PREL", "GR");
	assert_true(parse_text(c, CLASS "TAGS: ovip (kostas, eleni m.), prel,\ngr, tu\nSUBJECT: Visit\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "OVIP", "KOSTAS, ELENI M.", "PREL", "GR", "TU");
	assert_true(has_warning(c, "lower case"));

	/* words the vocabulary does not know stay one tag; codes stay apart */
	assert_true(parse_text(c, CLASS "TAGS: PREL KDRG FERRY SAFETY REGULATIONS GR\nSUBJECT: X\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "PREL", "KDRG", "FERRY SAFETY REGULATIONS", "GR");
}

static void tags_run_together_page_headers_repeats(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, CLASS "TAGS: PRELPGOVECONGR MARR\nSUBJECT: X\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "PREL", "PGOV", "ECON", "GR", "MARR");
	assert_true(has_warning(c, "run together: \"PRELPGOVECONGR\" read as PREL PGOV ECON GR"));

	/* the page headers of an old telegram inside the list, the list again on each page */
	assert_true(parse_text(c, CLASS "TAGS: PREL, MARR, GR         SECRET      PAGE 02        ATHENS  00412  "
				   "011200Z PREL, MARR, GR   SECRET PAGE 03 ATHENS 00412 011201Z MARR\n"
				   "SUBJECT: X\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "PREL", "MARR", "GR");
	assert_true(has_warning(c, "page header inside a header line"));
	assert_true(has_warning(c, "more than once"));
}

static void tags_typos_labels_continuations(void **state)
{
	struct cable *c = *state;

	/* one letter from a known tag: kept as written, and said */
	assert_true(parse_text(c, CLASS "TAGS: PREL MOPPS GR\nSUBJECT: X\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "PREL", "MOPPS", "GR");
	assert_true(has_warning(c, "MOPPS (MOPS is one letter away)"));

	assert_true(parse_text(c, CLASS "TABS: EFIS, ECON, GR\nSUBJECT: X\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "EFIS", "ECON", "GR");
	assert_true(has_warning(c, "TAGS label written \"TABS"));

	/* a list that ends with a comma goes on, in lower case too; one that does not, stops */
	assert_true(parse_text(c, CLASS "TAGS: ferry, \nsafety\nSUBJECT: X\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "FERRY", "SAFETY");
	assert_true(parse_text(c, CLASS "TAGS ferry\nsafety\n\n1. (S) Text.\n"));
	TAGS_ARE(c, "FERRY");
}

/* -------------------------------------------------------------- SUBJECT */

static void subject_stops_at_ref_and_classby(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, CLASS "SUBJECT: FERRY TALKS STALL REF: A. ATHENS 300 B. ATHENS 301\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS STALL");
	assert_int_equal(c->nrefs, 2);
	/* glued to the last word of the subject */
	assert_true(parse_text(c, CLASS "SUBJECT: FERRY TALKS IN PIRAEUSREF: ATHENS 300\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS IN PIRAEUS");
	assert_int_equal(c->nrefs, 1);
	assert_true(parse_text(c, CLASS "SUBJECT: FERRY TALKS IN PIRAEUSClassified By: DCM Ann Smith, reasons 1.4 (d)\n\n"
				   "1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS IN PIRAEUS");
	assert_str(c->classified_by.text, "DCM Ann Smith");
	/* on the next line: REFS:, Ref(s):, REFTELS: */
	assert_true(parse_text(c, CLASS "SUBJECT: FERRY TALKS\nSTALL AGAIN REFS: (A) ATHENS 300\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS STALL AGAIN");
	assert_true(parse_text(c, CLASS "SUBJECT: FERRY TALKS\nRef(s): ATHENS 300\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS");
	assert_int_equal(c->nrefs, 1);
	/* a classification line below the subject is not the subject */
	assert_true(parse_text(c, CLASS "SUBJECT: FERRY TALKS...\nS E C R E T ATHENS 000412 SIPDIS\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS...");
}

static void subject_marking_backslashes_entities(void **state)
{
	struct cable *c = *state;
	char m[32];

	assert_true(parse_text(c, CLASS "SUBJECT: (S/NF) FERRY TALKS STALL\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS STALL");
	marking_format_portion(&c->subject_marking, m, sizeof(m));
	assert_string_equal(m, "S//NF");
	assert_int_not_equal(c->subject_marking_at.off, SPAN_NONE);

	assert_true(parse_text(c, CLASS "SUBJECT: FERRY TALKS \\\nSTALL AGAIN \\\n \\\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS STALL AGAIN");
	assert_true(has_warning(c, "backslashes"));

	assert_true(parse_text(c, CLASS "SUBJECT: THE MINISTER&#8217;S &amp; THE MAYOR&#x2019;S FERRY\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "THE MINISTER\xE2\x80\x99S & THE MAYOR\xE2\x80\x99S FERRY");

	assert_true(parse_text(c, CLASS "SUBJECT:FERRY TALKS STALL Sensitive but\nunclassified\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS STALL");
	/* the S lost from the label; the subject on its own line below it */
	assert_true(parse_text(c, CLASS "UBJECT: FERRY TALKS\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS");
	assert_true(parse_text(c, CLASS "SUBJECT:\n\nFerry Talks Stall in Piraeus\n1. (S) Text.\n"));
	assert_str(c->subject.text, "Ferry Talks Stall in Piraeus");
}

/* ------------------------------------------------------------------ REF */

static void ref_years_and_stations(void **state)
{
	struct cable *c = *state;

	/* no year: the citing cable's, which the file name gives when the text does not */
	assert_true(parse_named(c, "some/folder/07ATHENS412.txt", "REF: A. ATHENS 300\nB. 06 ATHENS 12\n"));
	assert_int_equal(c->nrefs, 2);
	assert_str(c->refs[0].id, "07ATHENS300");
	assert_str(c->refs[1].id, "06ATHENS12");
	assert_string_equal(c->id, "07ATHENS412");
	assert_true(has_warning(c, "file name"));

	/* stations as the cables name them, mixed case, misspelt, zero for O */
	assert_true(parse_named(c, "07ATHENS412.html", "REF: A: Rio de Janeiro 0031; B: Sao Paulo 7 C) BISHTEK 12\n"
						       "D) 0TTAWA 44 E) 05 HAGUE 9 F) SECSTATE 1000\n"));
	assert_int_equal(c->nrefs, 6);
	assert_str(c->refs[0].id, "07RIODEJANEIRO31");
	assert_str(c->refs[1].id, "07SAOPAULO7");
	assert_str(c->refs[2].id, "07BISHKEK12");
	assert_true(has_warning(c, "\"BISHTEK\"; read as BISHKEK"));
	assert_str(c->refs[3].id, "07OTTAWA44");
	assert_str(c->refs[4].id, "05THEHAGUE9");
	assert_str(c->refs[5].id, "07STATE1000");

	/* years after the serial, glued ids, what parentheses describe, a number alone */
	assert_true(parse_named(c, "07ATHENS412.txt", "REF: A. ATHENS 701 (06) B. ATHENS 0789/05 "
						      "C. 06ATHENS0561 D. ATHENS 60 (THE 9TH PLENUM) E) 307\n"));
	assert_str(c->refs[0].id, "06ATHENS701");
	assert_str(c->refs[1].id, "05ATHENS789");
	assert_str(c->refs[2].id, "06ATHENS561");
	assert_str(c->refs[3].id, "07ATHENS60");
	assert_int_equal(c->nrefs, 5);
	assert_str(c->refs[4].id, "07ATHENS307");

	/* a page header inside the list is no reference */
	assert_true(parse_named(c, "07ATHENS412.txt", "REF: A. STATE 40721 SECRET PAGE 02 ATHENS 00412 01 OF 02 "
						      "082030Z B. ATHENS 98\n"));
	assert_int_equal(c->nrefs, 2);
	assert_str(c->refs[1].id, "07ATHENS98");
	assert_true(station_table_sorted());
	/* every key and every other name found, and nothing else */
	for (size_t i = 0; i < station_nkeys; i++)
		assert_true(station_known(station_keys[i]));
	for (size_t i = 0; i < station_naliases; i++)
		assert_string_equal(station_alias(station_aliases[i].name), station_aliases[i].key);
	assert_false(station_known("BISHTEK"));
	assert_false(station_known(""));
	assert_null(station_alias("ROMEX"));
	assert_null(station_alias(""));
}

/* ------------------------------------------------------- Classified By */

static void classified_by_places(void **state)
{
	struct cable *c = *state;

	/* on the line of a REF */
	assert_true(parse_text(c, CLASS "REF: ATHENS 300 Classified By: Ambassador Jo Lee for reasons 1.4 (b)\n\n"
				   "1. (S) Text.\n"));
	assert_str(c->classified_by.text, "Ambassador Jo Lee");
	assert_str(c->reasons.text, "1.4 (b)");
	/* in an excerpt with nothing else */
	assert_true(parse_text(c, "\nClassified By: Consul Jo Lee; reasons 1.4\n(b) and (d)\n"));
	assert_str(c->classified_by.text, "Consul Jo Lee");
	/* in the first paragraph, as older cables put it */
	assert_true(parse_text(c, "\n1.  CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY DCM\nJO LEE - 1.5 B,D.\n\n2.  (C) More.\n"));
	assert_str(c->classified_by.text, "DCM JO LEE");
	/* the label written twice, a marking between */
	assert_true(parse_text(c, "\nClassified By: (C) CLASSIFIED BY MINISTER JO LEE; REASON 1.4 (B).\n"));
	assert_str(c->classified_by.text, "MINISTER JO LEE");
	/* a line that names nobody gives way to the one with the reasons */
	assert_true(parse_text(c, CLASS "- - CORRECTED COPY - - CLASSIFIED BY LINE ADDED\n\nTAGS: PREL\n"
				   "SUBJECT: X\n\nCLASSIFIED BY DCM JO LEE PER 1.5 (B)\n\n1. (S) Text.\n"));
	assert_str(c->classified_by.text, "DCM JO LEE");
	/* a word cut by a fixed width of 72 columns */
	assert_true(parse_text(c, "\nClassified By: Classified by Deputy Political Counselor Charles O. Blah \n"
				  "a, for reasons 1.4 (b) and (d).\n"));
	assert_str(c->classified_by.text, "Deputy Political Counselor Charles O. Blaha");
	assert_true(has_warning(c, "broken at the end of a line"));
}

/* -------------------------------------------------------------- signer */

static void signer_in_old_layouts(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "THE TALKS WILL GO ON.\nSTAVROU\nSECRET\n"));
	assert_str(c->signer.text, "STAVROU");
	assert_true(parse_text(c, "THE TALKS WILL GO ON.\n\nSTAVROU\n\nSECRET\n\nDeclassified/Released US Department of "
				  "State EO Systematic\nReview 30 JUN 2006\n"));
	assert_str(c->signer.text, "STAVROU");
	assert_true(parse_text(c, "     THIS REPORT.  END OF TEXT. STAVROU\n\n\nUNCLASSIFIED\n"));
	assert_str(c->signer.text, "STAVROU");
	/* text in lower case, then a name in capitals */
	assert_true(parse_text(c, "4. We look forward to the talks.\nWith regards,\nCity\nSTAVROU\n"));
	assert_str(c->signer.text, "STAVROU");
}

/* ------------------------------------------------- what makes a cable */

static void excerpts_and_prose(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "REF: STATE 1234\n"));
	assert_true(parse_text(c, "TAGS PREL GR\n"));
	assert_true(parse_text(c, "E.O. 12958: N/A\n"));
	assert_true(parse_text(c, "3. (C) The minister agreed.\n"));
	assert_true(parse_text(c, "THE TALKS WILL GO ON.\n\nSTAVROU\n"));
	assert_true(parse_text(c, "POSTS FOR FRAUD UNITS E.O. 12958: N/A TAGS: KFRD GR\n\nSUBJECT: X\n"));
	assert_int_equal(c->ntags, 2);
	assert_false(parse_text(c, "The weather in Athens was fine, and the ferries ran on time all week.\n"
				   "Nobody complained about anything at all.\n"));
}

/* ------------------------------------------------ copies' preambles */

static void preambles_of_copies(void **state)
{
	struct cable *c = *state;

	/* the label written twice */
	assert_true(parse_text(c, CLASS "TAGS: PREL GR\nSUBJECT: SUBJECT: FERRY TALKS\n\n1. (S) Text.\n"));
	assert_str(c->subject.text, "FERRY TALKS");
	assert_true(has_warning(c, "written twice"));
	/* a copy forwarded from a mail system: the cable starts at its routing */
	assert_true(parse_text(c, "Jo Lee 03/21/2007 05:47:09 PM From DB/Inbox: Search Results\n"
				  "The cable says the ferry talks stalled. Read it.\nCONFIDENTIAL\n"
				  "VZCZCXYZ0001\nRR RUEHC\nDE RUEHTH #0412/01 0801200\nZNY CCCCC ZZH\n"
				  "R 211200Z MAR 07\nFM AMEMBASSY ATHENS\nTO RUEHC/SECSTATE WASHDC 1234\nBT\n"
				  "C O N F I D E N T I A L ATHENS 000412\n\nTAGS: PREL GR\nSUBJECT: FERRY TALKS\n\n"
				  "1. (C) Text.\n"));
	assert_string_equal(c->id, "07ATHENS412");
	assert_string_equal(c->date, "2007-03-21T12:00Z");
	assert_str(c->subject.text, "FERRY TALKS");
	assert_true(has_warning(c, "forwarded from a mail system"));
	assert_false(has_warning(c, "two cables"));
	/* the database's labelled lines above the text */
	assert_true(parse_text(c, "ID: 248711\nORIGIN: 10ATHENS180\nDATE: 2010-02-12 17:09:00\n"
				  "SOURCE: Embassy Athens\nCLASSIFICATION: CONFIDENTIAL\n\n"
				  "C O N F I D E N T I A L ATHENS 000180\n\nTAGS: PREL GR\nSUBJECT: FERRY TALKS\n\n"
				  "1. (C) Text.\n"));
	assert_string_equal(c->id, "10ATHENS180");
	assert_string_equal(c->date, "2010-02-12T17:09Z");
	assert_str(c->origin_name.text, "Embassy Athens");
	assert_str(c->subject.text, "FERRY TALKS");
	/* ... and its row, one field a line, the references last */
	assert_true(parse_text(c, ">\n12/16/2009 14:15\n09ATHENS2487\nEmbassy Athens\nCONFIDENTIAL\n09STATE122115\n"
				  "C O N F I D E N T I A L ATHENS 002487\n\nTAGS: PREL GR\nSUBJECT: FERRY TALKS\n"
				  "REF: STATE 122115\n\n1. (C) Text.\n"));
	assert_string_equal(c->id, "09ATHENS2487");
	assert_str(c->origin_name.text, "Embassy Athens");
	assert_int_equal(c->nrefs, 1);
	assert_str(c->refs[0].id, "09STATE122115");
}

static void damaged_and_missing_ids(void **state)
{
	struct cable *c = *state;

	/* a spaced level that lost its first letter */
	assert_true(parse_text(c, "E C R E T ATHENS 000412\n\nTAGS: PREL GR\nSUBJECT: FERRY TALKS\n\n1. (S) Text.\n"));
	assert_int_equal(c->marking.level, LEVEL_S);
	assert_str(c->classification.text, "SECRET");
	assert_true(has_warning(c, "lost a letter"));
	/* the station redacted on the classification line: the FM line names it */
	assert_true(parse_text(c, "R 211200Z MAR 07\nFM AMEMBASSY ATHENS\nTO SECSTATE WASHDC 1234\n\n"
				  "S E C R E T XXXXXXXXXXXX 000412\n\nTAGS: PREL GR\nSUBJECT: FERRY TALKS\n\n"
				  "1. (S) Text.\n"));
	assert_string_equal(c->id, "07ATHENS412");
	assert_str(c->origin.text, "ATHENS");
	assert_true(has_warning(c, "redacted"));
	/* no id on the classification line: the routing header's DE and FM lines */
	assert_true(parse_text(c, "RR RUEHC\nDE RUEHTH #0412/01 0801200\nR 211200Z MAR 07\nFM AMEMBASSY ATHENS\n"
				  "TO SECSTATE WASHDC 1234\n\nCONFIDENTIAL\n\nTAGS: PREL GR\nSUBJECT: FERRY TALKS\n\n"
				  "1. (C) Text.\n"));
	assert_string_equal(c->id, "07ATHENS412");
	assert_str(c->origin.text, "ATHENS");
	assert_true(has_warning(c, "made from the routing header"));
	assert_false(has_warning(c, "names"));
	/* a routing header over another cable's text: the text's id, and said */
	assert_true(parse_text(c, "RR RUEHC\nDE RUEHTH #0412/01 0801200\nR 211200Z MAR 07\nFM AMEMBASSY ATHENS\n"
				  "TO SECSTATE WASHDC 1234\n\nS E C R E T SECTION 01 OF 02 ANKARA 000519\n\nTAGS: PREL TU\n"
				  "SUBJECT: FERRY TALKS\n\n1. (S) Text.\n"));
	assert_string_equal(c->id, "07ANKARA519");
	assert_true(has_warning(c, "name two cables"));
}

/* ------------------------------------------------------- classification */

static void classification_normalised(void **state)
{
	struct cable *c = *state;

	assert_true(parse_text(c, "S E C R E T ATHENS 000412\n\nNOFORN\nSIPDIS\n\nTAGS: PREL\n\n1. (S) Text.\n"));
	assert_str(c->classification.text, "SECRET//NOFORN");
	assert_str(c->classification_as_written.text, "S E C R E T");
	assert_true(parse_text(c, "UNCLAS ATHENS 000412\n\nSENSITIVE BUT UNCLASSIFIED\n\nTAGS: PREL\n\n1. (SBU) Text.\n"));
	assert_str(c->classification.text, "UNCLASSIFIED//FOR OFFICIAL USE ONLY");
	assert_str(c->classification_as_written.text, "UNCLAS");
	/* the subject's marking is the head's: NOFORN from it, not from a portion's */
	assert_true(parse_text(c, "CONFIDENTIAL ATHENS 000412\n\nTAGS: PREL\nSUBJECT: (C/NF) FERRY TALKS\n\n1. (C) Text.\n"));
	assert_str(c->classification.text, "CONFIDENTIAL//NOFORN");
	assert_true(parse_text(c, "CONFIDENTIAL ATHENS 000412\n\nTAGS: PREL\nSUBJECT: FERRY TALKS\n\n1. (C/NF) Text.\n"));
	assert_str(c->classification.text, "CONFIDENTIAL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(tags_multiword_and_persons, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(tags_run_together_page_headers_repeats, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(tags_typos_labels_continuations, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(subject_stops_at_ref_and_classby, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(subject_marking_backslashes_entities, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(ref_years_and_stations, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(classified_by_places, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(signer_in_old_layouts, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(excerpts_and_prose, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(preambles_of_copies, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(damaged_and_missing_ids, cable_setup, cable_teardown),
		cmocka_unit_test_setup_teardown(classification_normalised, cable_setup, cable_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
