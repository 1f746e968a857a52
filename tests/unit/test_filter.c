/* test_filter.c -- the filter language: parsing, matching, malformed filters */
#include "config.h"
#include "testlib.h"

#include <stdlib.h>

#include "doc/people.h"
#include "parse/parse.h"
#include "search/filter.h"

static bool parses(const char *s)
{
	struct cfilter f;
	char err[256];
	bool ok = cfilter_parse(&f, s, err, sizeof(err));

	if (ok)
		cfilter_free(&f);
	return ok;
}

static const char *error_of(const char *s)
{
	static char err[256];
	struct cfilter f;

	err[0] = '\0';
	if (cfilter_parse(&f, s, err, sizeof(err))) {
		cfilter_free(&f);
		return "(parsed)";
	}
	return err;
}

static void good_filters(void **state)
{
	assert_true(parses(""));
	assert_true(parses("   "));
	assert_true(parses("level>=S tag=PREL origin=ROME"));
	assert_true(parses("LEVEL=c caveat=noforn"));
	assert_true(parses("date>=2005-01 date<2006-06-30 date=2004"));
	assert_true(parses("subject~'IRAQ|IRAN' text=\"a literal phrase\""));
	assert_true(parses("id=04ROME3933 id!=04ROME3934 level!=U"));
	assert_true(parses("caveat=REL caveat=NF"));
}

static void malformed_filters(void **state)
{
	assert_non_null(strstr(error_of("levle>=S"), "unknown field 'levle'"));
	assert_string_equal(error_of("level"), "(parsed)");   /* a bare word: the text */
	assert_non_null(strstr(error_of("level!"), "wants an operator"));
	assert_non_null(strstr(error_of("level=X"), "unknown level 'X'"));
	assert_non_null(strstr(error_of("level="), "wants a value"));
	assert_non_null(strstr(error_of("tag>PREL"), "cannot be compared with '>'"));
	assert_non_null(strstr(error_of("date>=2005-13"), "not a date"));
	assert_non_null(strstr(error_of("date=yesterday"), "not a date"));
	assert_non_null(strstr(error_of("date=2005-02-30"), "not a date"));
	assert_non_null(strstr(error_of("subject~("), "bad pattern"));
	assert_non_null(strstr(error_of("text=\"open"), "not closed"));
	assert_non_null(strstr(error_of("caveat=SECRETISH"), "unknown caveat"));
	assert_non_null(strstr(error_of("=S"), "neither a word"));
	assert_non_null(strstr(error_of("level>=S ???"), "neither a word"));
	assert_non_null(strstr(error_of("versions>x"), "not a number of versions"));
	assert_non_null(strstr(error_of("versions~2"), "cannot be compared"));
	assert_non_null(strstr(error_of("serial=ROME:50..40"), "not a post's serials"));
	assert_non_null(strstr(error_of("serial=ROME"), "not a post's serials"));
	assert_non_null(strstr(error_of("serial=ROME:1..x"), "not a post's serials"));
	assert_non_null(strstr(error_of("serial=ROME:1234567890"), "not a post's serials"));
	assert_non_null(strstr(error_of("serial>ROME:1"), "cannot be compared"));
	/* an unknown field names the nearest one */
	assert_non_null(strstr(error_of("subjct=Iran"), "did you mean 'subject'?"));
	assert_non_null(strstr(error_of("tags=PREL"), "did you mean 'tag'?"));
	assert_non_null(strstr(error_of("citedby=04ROME3933"), "did you mean 'cited-by'?"));
	assert_null(strstr(error_of("colour=red"), "did you mean"));
	/* | only with = and != */
	assert_non_null(strstr(error_of("date>=2004|2005"), "'|' goes with = and != only"));
	/* a bad pattern says where */
	assert_non_null(strstr(error_of("text~'ab(c'"), "at character"));
	assert_non_null(strstr(error_of("level~S"), "cannot be compared with '~'"));
	/* near= and sort= */
	assert_string_equal(error_of("near=\"iran nuclear/5\" sort=relevance"), "(parsed)");
	assert_non_null(strstr(error_of("near=iran"), "two words or more"));
	assert_non_null(strstr(error_of("near=\"u.s. side\""), "near= takes words"));
	assert_non_null(strstr(error_of("near=\"a b/x\""), "a number of words"));
	assert_non_null(strstr(error_of("near!=\"a b\""), "cannot be compared"));
	assert_non_null(strstr(error_of("sort=colour"), "unknown order"));
	/* para= takes a paragraph's marking */
	assert_string_equal(error_of("para>=S//NF iran para=C|TS"), "(parsed)");
	assert_non_null(strstr(error_of("para=SEKRIT"), "not a paragraph's marking"));
	assert_non_null(strstr(error_of("para~S"), "cannot be compared"));
	assert_non_null(strstr(error_of("para>=S|C"), "'|' goes with = and != only"));
	{
		struct cfilter f;
		char err[256];
		enum sort_key k;

		/* sort=-KEY: that order reversed; the words back and forth */
		assert_true(cfilter_parse(&f, "level>=S sort=-date", err, sizeof(err)));
		assert_int_equal(f.sort, SORT_DATE);
		assert_true(f.reverse);
		cfilter_free(&f);
		assert_true(cfilter_parse(&f, "sort=ID", err, sizeof(err)));
		assert_int_equal(f.sort, SORT_ID);
		assert_false(f.reverse);
		cfilter_free(&f);
		assert_non_null(strstr(error_of("sort=--date"), "unknown order"));
		for (int i = 0; i < SORT_COUNT; i++) {
			assert_true(sort_key_parse(sort_key_word((enum sort_key)i), &k));
			assert_int_equal(k, i);
		}
		assert_false(sort_key_parse("colour", &k));
	}
	assert_non_null(strstr(error_of("srot=date"), "did you mean 'sort'?"));
	/* hostile input never crashes: long, binary, unterminated */
	char big[4096];

	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_non_null(strstr(error_of(big), "too long"));   /* a bare word, too long */
	memcpy(big, "subject=", 8);
	assert_non_null(strstr(error_of(big), "too long"));
	big[8 + 511] = '\0';
	assert_true(parses(big));
	memcpy(big, "text='", 6);
	big[8 + 511] = '\'';
	assert_non_null(strstr(error_of(big), "too long"));
	assert_non_null(strstr(error_of("tag=\x01\xff"), "(parsed)"));
}

static struct cf_subject sample(void)
{
	static const struct str tags[] = { STR_LIT("PREL"), STR_LIT("IT"), STR_LIT("IRAQI FREEDOM") };
	struct cf_subject s;

	memset(&s, 0, sizeof(s));
	s.level = LEVEL_C;
	s.caveats = CAVEAT_NOFORN;
	s.origin = STR_LIT("ROME");
	s.origin_name = STR_LIT("Embassy Rome");
	s.id = STR_LIT("04ROME3933");
	s.subject = STR_LIT("IRAQ/ITALY- ITALIAN POLITICAL DIRECTOR");
	s.text = STR_LIT("Massolo said Italy was keen");
	s.versions = 1;
	s.date = date_minutes("2004-10-06T12:47Z");
	s.tags = tags;
	s.ntags = 3;
	return s;
}

static bool matches(const char *filter)
{
	struct cfilter f;
	char err[256];
	struct cf_subject s = sample();
	bool r;

	if (!cfilter_parse(&f, filter, err, sizeof(err)))
		fail_msg("%s: %s", filter, err);
	r = cfilter_match(&f, &s);
	cfilter_free(&f);
	return r;
}

static void matching(void **state)
{
	assert_true(matches(""));
	assert_true(matches("level=C"));
	assert_true(matches("level>=C level<S level>U level<=C"));
	assert_false(matches("level>=S"));
	assert_false(matches("level!=C"));
	assert_true(matches("caveat=NOFORN"));
	assert_false(matches("caveat=REL"));
	assert_true(matches("origin=rome"));
	assert_true(matches("origin=embassy"));
	assert_false(matches("origin=PARIS"));
	assert_true(matches("tag=prel tag=\"IRAQI FREEDOM\""));
	assert_false(matches("tag=PGOV"));
	assert_true(matches("tag!=PGOV"));
	assert_true(matches("date=2004 date=2004-10 date=2004-10-06"));
	assert_true(matches("date>=2004-10-06 date<=2004-10-06 date>2003 date<2005"));
	assert_false(matches("date<2004-10-06"));
	assert_false(matches("date>2004-10"));
	assert_true(matches("id=04rome3933"));
	assert_true(matches("subject~'italy|iran'"));
	assert_true(matches("subject~Italy"));    /* case never counts by itself */
	assert_false(matches("subject~'(?-i)Italy'"));   /* (?-i): it does */
	assert_true(matches("subject~'(?-i)ITALY'"));
	assert_true(matches("subject=political"));
	assert_false(matches("subject=politic"));  /* words as words */
	assert_true(matches("subject=politic*"));  /* a prefix */
	assert_true(matches("text=\"said Italy\""));
	assert_true(matches("text=\"said italy\""));
	assert_false(matches("text='(?-i)said italy'"));
	assert_true(matches("text~'said italy'"));
	/* bare words and phrases are text; ! and - negate; | is or */
	assert_true(matches("massolo \"was keen\""));
	assert_false(matches("massolo \"was not keen\""));
	assert_true(matches("!tag=PGOV -origin=PARIS"));
	assert_false(matches("-tag=PREL"));
	assert_true(matches("tag=PGOV|PREL origin=PARIS|ROME level=S|C"));
	assert_false(matches("tag=PGOV|ECON"));
	assert_true(matches("-keen*ly keen*"));
	assert_true(matches("level>=C tag=PREL origin=ROME date=2004"));
	assert_false(matches("level>=C tag=PREL origin=PARIS"));
	/* how many texts of the cable the inputs hold (one here) */
	assert_true(matches("versions=1 versions<2 versions>=1"));
	assert_false(matches("versions>1"));
	assert_true(matches("!versions>1"));
	/* the serial of the id, as a number, of the post in any year */
	assert_true(matches("serial=ROME:3933"));
	assert_true(matches("serial=rome:3900..3950 serial=3933 serial=1..4000"));
	assert_true(matches("serial=PARIS:3933|ROME:3000..3999"));
	assert_false(matches("serial=PARIS:3933"));
	assert_false(matches("serial=ROME:3934..3950"));
	assert_false(matches("serial=ROME:1..3932"));
	assert_true(matches("!serial=ROME:1..3932"));
}

/* The matching rules on a text, as a filter term and as a search. */
static bool text_has(const char *text, const char *filter)
{
	struct cfilter f;
	char err[256];
	struct cf_subject s = sample();
	bool r;

	s.text = str_c(text);
	if (!cfilter_parse(&f, filter, err, sizeof(err)))
		fail_msg("%s: %s", filter, err);
	r = cfilter_match(&f, &s);
	cfilter_free(&f);
	return r;
}

static void matching_rules(void **state)
{
	/* case and diacritics */
	assert_true(text_has("PRESIDENT URIBE MET VELEZ", "iran|velez"));
	assert_true(text_has("Minister V\xC3\xA9lez said", "Velez"));
	assert_true(text_has("MINISTER V\xC3\x89LEZ SAID", "velez"));
	assert_true(text_has("Minister V\xC3\xA9lez said", "text~'V[a-z]lez'") == false);
	assert_true(text_has("Minister V\xC3\xA9lez said", "text~'Vel.z'"));
	assert_true(text_has("the IRANIAN side", "text~iran"));
	assert_false(text_has("the IRANIAN side", "iran"));
	assert_true(text_has("the IRANIAN side", "iran*"));
	/* a phrase across a line break, a wrap, blanks */
	assert_true(text_has("told on his\ndecision to", "\"on his decision\""));
	assert_true(text_has("on  his \n\t decision", "\"on his decision\""));
	assert_true(text_has("on his\ndecision", "text~'on his decision'"));
	/* apostrophes: ' ’ ‘ ` and the comma between letters */
	assert_true(text_has("BERLUSCONI'S VIEW", "Berlusconi's"));
	assert_true(text_has("Berlusconi\xE2\x80\x99s view", "Berlusconi's"));
	assert_true(text_has("BERLUSCONI,S VIEW", "Berlusconi's"));
	assert_true(text_has("Berlusconi`s view", "\"Berlusconi\xE2\x80\x99s view\""));
	assert_false(text_has("BERLUSCONI, SAID", "Berlusconi's"));
	assert_true(text_has("SARKOZY,S PLAN", "text~\"sarkozy's\""));
	/* a word broken by a hyphen at a line's end */
	assert_true(text_has("its counter-\nterrorism unit", "counterterrorism"));
	assert_true(text_has("its counter-\n   terrorism unit", "\"counterterrorism unit\""));
	/* and without the line's end, and the other way round */
	assert_true(text_has("its counter-terrorism unit", "counterterrorism"));
	assert_true(text_has("its counter-\nterrorism unit", "\"counter terrorism\""));
	assert_true(text_has("its counter-terrorism unit", "counter-terrorism"));
	/* words as the index splits them: punctuation between them is a gap */
	assert_true(text_has("reasons 1.4 (b) and (d)", "\"1 4 b\""));
	assert_true(text_has("the U.S. side", "\"u s side\""));
	assert_false(text_has("the U.S. side", "us"));
	assert_true(text_has("Minister V\xC3\xA9lez-G\xC3\xB3mez said", "velezgomez"));
	assert_true(text_has("DER SPIEGEL \xC3\x9C" "BER", "\xC3\xBC" "ber"));
	assert_false(text_has("anything", "\"...\""));
	/* the regular expression's own syntax is left alone */
	assert_true(text_has("ref 1546 said", "text~'\\d{4}'"));
	assert_true(text_has("A/S Bloomfield", "text~'[a-z]/s\\s+bloom'"));
	assert_true(text_has("xyz", "text~'(?:x)(?=y)'"));
	/* cites= and cited-by= */
	{
		static const struct str refs[] = { STR_LIT("04ROME3900"), STR_LIT("04STATE1234") };
		struct cfilter f;
		char err[256];
		struct cf_subject s = sample();

		s.refs = refs;
		s.nrefs = 2;
		assert_true(cfilter_parse(&f, "cites=04rome3900 -cites=05PARIS1", err, sizeof(err)));
		assert_true(cfilter_match(&f, &s));
		cfilter_free(&f);
		/* nobody to ask: cited-by holds for no cable */
		assert_true(cfilter_parse(&f, "cited-by=04STATE99", err, sizeof(err)));
		assert_false(cfilter_match(&f, &s));
		cfilter_free(&f);
	}
}

/* ------------------------------------------------------------- people */

static const char people_text[] =
	"R 101200Z MAR 09\n"
	"FM USMISSION USUN NEW YORK\n"
	"TO RUEHC/SECSTATE WASHDC IMMEDIATE 7701\n"
	"INFO RUEHNO/USMISSION USNATO PRIORITY 0123\n"
	"RUEKJCS/SECDEF WASHINGTON DC\n"
	"\n"
	"C O N F I D E N T I A L USUN NEW YORK 000123\n"
	"\n"
	"E.O. 12958: DECL: 03/10/2019\n"
	"TAGS: PREL, OVIP (STEINBERG, JAMES B.), UNSC\n"
	"SUBJECT: A MEETING\n"
	"\n"
	"Classified By: Ambassador Susan E. R\xc3\xad" "ce, reasons 1.4 (b) and (d)\n"
	"\n"
	"1. (C) The Deputy Secretary met the Council.\n"
	"\n"
	"RICE\n";

/* The cable of people_text, parsed at the first question (freed at the
 * end of the test). */
static struct cable people_cable;
static bool people_parsed;

static bool cable_passes(const char *filter)
{
	struct cable *c = &people_cable;
	struct record_meta m;
	struct cfilter f;
	char err[256];
	bool r;

	if (!people_parsed) {
		memset(&m, 0, sizeof(m));
		m.path = str_c("people.txt");
		cable_init(c);
		assert_true(parse_cable(c, str_c(people_text), &m));
		people_parsed = true;
	}
	if (!cfilter_parse(&f, filter, err, sizeof(err)))
		fail_msg("%s: %s", filter, err);
	r = cfilter_match_cable(&f, c);
	cfilter_free(&f);
	return r;
}

static void each_value(struct str v, void *ud)
{
	struct buf *b = ud;

	buf_add(b, v.p, v.n);
	buf_addc(b, ';');
}

static void people(void **state)
{
	struct buf b = { 0 }, all = { 0 };
	struct cable c;
	struct record_meta m;

	/* one spelling: the indicator, the precedence and the serial left out */
	assert_true(str_eq_c(people_addressee(str_c("RUEHC/SECSTATE WASHDC IMMEDIATE 7701"), &b), "SECSTATE WASHDC"));
	assert_true(str_eq_c(people_addressee(str_c("rhehnsc/nsc  washdc priority"), &b), "NSC WASHDC"));
	assert_true(str_eq_c(people_addressee(str_c("RUEKJCS/SECDEF WASHINGTON DC"), &b), "SECDEF WASHDC"));
	assert_true(str_eq_c(people_addressee(str_c("USMISSION USUN NEW YORK"), &b), "USMISSION USUN NEW YORK"));
	assert_true(str_eq_c(people_addressee(str_c("AMEMBASSY PARIS NIACT IMMEDIATE 0000"), &b), "AMEMBASSY PARIS"));
	assert_true(str_eq_c(people_plain_name(str_c(" Popper. "), &b), "POPPER"));
	/* the values of a cable, role first, each once */
	memset(&m, 0, sizeof(m));
	m.path = str_c("people.txt");
	cable_init(&c);
	assert_true(parse_cable(&c, str_c(people_text), &m));
	people_each(&c, &b, each_value, &all);
	assert_string_equal(all.p, "S:RICE;C:AMBASSADOR SUSAN E. R\xc3\x8d" "CE;F:USMISSION USUN NEW YORK;"
			    "P:STEINBERG, JAMES B.;T:SECSTATE WASHDC;I:USMISSION USNATO;I:SECDEF WASHDC;");
	cable_free(&c);
	buf_free(&b);
	buf_free(&all);

	/* names as words, case and diacritics aside, in any order */
	assert_true(cable_passes("signer=rice"));
	assert_true(cable_passes("classified-by=rice"));
	assert_true(cable_passes("classified-by=\"Susan Rice\""));
	assert_true(cable_passes("classified-by=\"rice, susan\""));
	assert_false(cable_passes("classified-by=\"Condoleezza Rice\""));
	assert_true(cable_passes("person=steinberg"));
	assert_true(cable_passes("person=\"James Steinberg\""));
	assert_false(cable_passes("person=\"Jane Steinberg\""));
	assert_false(cable_passes("person=stein"));
	assert_true(cable_passes("person=stein*"));
	/* the routing */
	assert_true(cable_passes("from=USUN"));
	assert_true(cable_passes("to=secstate to=washdc"));
	assert_false(cable_passes("to=RUEHC"));
	assert_false(cable_passes("to=immediate"));
	assert_false(cable_passes("to=7701"));
	assert_true(cable_passes("info=usnato info=secdef"));
	assert_false(cable_passes("info=secstate"));
	assert_true(cable_passes("addressee=secstate addressee=usnato"));
	assert_false(cable_passes("to=usnato"));
	/* each role its own */
	assert_false(cable_passes("signer=susan"));
	assert_false(cable_passes("person=rice"));
	assert_true(cable_passes("signer=rice|kissinger !signer=kissinger signer~^R"));
	assert_true(cable_passes("signer!=kissinger"));
	assert_non_null(strstr(error_of("signer=,,"), "wants a name"));
	assert_non_null(strstr(error_of("signer>rice"), "cannot be compared"));
	assert_non_null(strstr(error_of("signr=rice"), "did you mean 'signer'"));
	cable_free(&people_cable);
	people_parsed = false;
}

/* people_addressee keeps its answers by what it is asked less a serial
 * at its end: random addressees of routing words, indicators, blanks of
 * each kind, digits, punctuation, a NUL and letters past ASCII, each with
 * several serials and none, give what working each out gives. */
static void addressees_kept(void **state)
{
	static const char *const pieces[] = { "RUEHC/", "RHEHNSC/", "SECSTATE", "WASHDC", "WASHINGTON DC", "AMEMBASSY",
					      "PARIS", "IMMEDIATE", "PRIORITY", "ROUTINE", "0000", "7701", "12", " ",
					      "  ", "\t", "\v", "\n", ".", ",", "/", "-", "\xC3\xA9", "\xC3\x9F", "a" };
	unsigned seed = 4242;
	struct buf raw = { 0 }, one = { 0 }, two = { 0 };

	(void)state;
	for (int round = 0; round < 60000; round++) {
		size_t n;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % 7;
		buf_clear(&raw);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 29 == 0)
				buf_addc(&raw, '\0');
			else
				buf_adds(&raw, pieces[(seed >> 16) % (sizeof(pieces) / sizeof(*pieces))]);
		}
		/* the same with a serial, now and then */
		seed = seed * 1103515245u + 12345u;
		if ((seed >> 16) % 2)
			buf_printf(&raw, "%s%u", (seed >> 17) % 3 ? " " : "  ", (seed >> 20) % 10000);
		{
			struct str a = people_addressee(buf_str(&raw), &one), b = people_addressee_uncached(buf_str(&raw), &two);

			if (a.n != b.n || (a.n && memcmp(a.p, b.p, a.n) != 0))
				fail_msg("\"%.*s\": kept \"%.*s\", worked out \"%.*s\"", (int)raw.n, raw.p, (int)a.n,
					 a.p ? a.p : "", (int)b.n, b.p ? b.p : "");
		}
	}
	buf_free(&raw);
	buf_free(&one);
	buf_free(&two);
}

static void dates(void **state)
{
	assert_int_equal(date_minutes("1900-01-01"), 1);
	assert_int_equal(date_minutes("1900-01-02"), 1441);
	assert_true(date_minutes("2004-10-06T12:47Z") > date_minutes("2004-10-06"));
	/* the closed formula against the calendar */
	assert_int_equal(date_minutes("2004-10-06"), 55100161);
	assert_int_equal(date_minutes("2000-03-01"), 52680961);
	assert_int_equal(date_minutes("1966-12-28"), 35232481);
	assert_int_equal(date_minutes("2010-02-28"), 57938401);
	assert_int_equal(date_minutes("1900-03-01"), 84961);
	assert_int_equal(date_minutes("2004-10-06T12:47Z"), 55100161 + 12 * 60 + 47);
	assert_int_equal(date_minutes("nonsense"), 0);
	assert_int_equal(date_minutes(NULL), 0);
	assert_int_equal(date_minutes(""), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_filters),
		cmocka_unit_test(malformed_filters),
		cmocka_unit_test(matching),
		cmocka_unit_test(matching_rules),
		cmocka_unit_test(people),
		cmocka_unit_test(addressees_kept),
		cmocka_unit_test(dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
