/* test_formats.c -- the containers (cables.csv, WikiLeaks pages), encodings,
 * dates and ids */
#include "config.h"
#include "testlib.h"

#include <stdlib.h>

#include "base/arena.h"
#include "source/csv.h"
#include "base/dates.h"
#include "source/decode.h"
#include "source/html.h"
#include "doc/ids.h"

/* ------------------------------------------------------------------ csv */

static void csv_records(void **state)
{
	const char *data =
		"\"1\",\"12/28/1966 18:48\",\"66BUENOSAIRES2481\",\"Embassy Buenos Aires\",\"UNCLASSIFIED\","
		"\"66STATE106206\",\"P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\",\"UNCLASSIFIED BUENOS AIRES 2481\n"
		"1. A \\\"QUOTED\\\" WORD AND THE EMBASSY\\'S VIEW, A BACKSLASH \\\\ TOO.\n\"\r\n"
		"\"2\",\"2/25/1972 9:30\",\"72TEHRAN1164\",\"Embassy Tehran\",\"UNCLASSIFIED\",\"\",\"\",\"BODY\"\n";
	struct csv r;
	struct csv_record rec;
	struct buf out = { 0 };
	const char *err;

	assert_true(csv_sniff(str_c(data)));
	csv_open(&r, str_c(data));
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_OK);
	assert_str(rec.f[CSV_ID], "66BUENOSAIRES2481");
	assert_str(rec.f[CSV_CREATED], "12/28/1966 18:48");
	assert_str(rec.f[CSV_REFS], "66STATE106206");
	assert_str(rec.f[CSV_BODY], "UNCLASSIFIED BUENOS AIRES 2481\n1. A \"QUOTED\" WORD AND THE EMBASSY'S VIEW, "
				    "A BACKSLASH \\ TOO.\n");
	assert_str(rec.text, "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\n\nUNCLASSIFIED BUENOS AIRES 2481\n"
			     "1. A \"QUOTED\" WORD AND THE EMBASSY'S VIEW, A BACKSLASH \\ TOO.\n");
	assert_int_equal(rec.offset, 0);
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_OK);
	assert_str(rec.f[CSV_ID], "72TEHRAN1164");
	assert_str(rec.text, "\n\nBODY");
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_EOF);
	buf_free(&out);
}

static void csv_bad_records(void **state)
{
	/* an unterminated quote at the end: the good record before it is read */
	const char *data = "\"1\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"\n\"2\",\"a\",\"b\",\"c";
	struct csv r;
	struct csv_record rec;
	struct buf out = { 0 };
	const char *err;

	csv_open(&r, str_c(data));
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_OK);
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_BAD);
	assert_non_null(strstr(err, "unterminated"));
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_EOF);

	/* too few columns, then a good record after a resync */
	data = "\"1\",\"1/2/2003 4:05\",\"b\"\n\"2\",\"1/2/2003 4:05\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"\n";
	csv_open(&r, str_c(data));
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_BAD);
	assert_non_null(strstr(err, "columns"));
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_OK);
	assert_str(rec.f[CSV_BODY], "g");

	/* garbage after a closing quote */
	data = "\"1\",\"1/2/2003 4:05\"x,\"b\"\n\"2\",\"1/2/2003 4:05\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"\n";
	csv_open(&r, str_c(data));
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_BAD);
	assert_int_equal(csv_next(&r, &out, &rec, &err), CSV_OK);
	assert_false(csv_sniff(STR_LIT("hello")));
	buf_free(&out);
}

/* ----------------------------------------------------------------- html */

static void html_page(void **state)
{
	const char *page =
		"<html><body><h3>Viewing cable 08ROME1, A SUBJECT CUT \\</h3>"
		"<table class='cable'><tr><th>Reference ID</th><th>Created</th><th>Released</th>"
		"<th>Classification</th><th>Origin</th></tr><tr><td><a href='x'>08ROME1</a></td>"
		"<td><a>2008-03-14 09:09</a></td><td>2011</td><td><a>SECRET//NOFORN</a></td>"
		"<td><a>Embassy Rome</a></td></tr></table>"
		"<code><pre>R 140912Z MAR 08&#x000A;FM AMEMBASSY ROME</pre></code>"
		"<code><pre>S E C R E T ROME 000001&#x000A;TAGS: <a href='/tag/PREL_0.html'>PREL</a>&#x000A;"
		"<a id='par1' href='#par1'>\xC2\xB6</a>1. (S) A &amp; B, raw & and > and &lt;x&gt; &#233;.</pre></code>"
		"</body></html>";
	struct buf text = { 0 };
	struct record_meta m;
	struct arena a = { 0 };
	const char *err;

	memset(&m, 0, sizeof(m));
	assert_true(html_sniff(str_c(page)));
	assert_true(html_extract(str_c(page), &text, &m, &a, &err));
	assert_str(m.id, "08ROME1");
	assert_str(m.created, "2008-03-14 09:09");
	assert_str(m.classification, "SECRET//NOFORN");
	assert_str(m.origin_name, "Embassy Rome");
	assert_str(m.subject, "A SUBJECT CUT \\");
	assert_str(buf_str(&text), "R 140912Z MAR 08\nFM AMEMBASSY ROME\n\nS E C R E T ROME 000001\nTAGS: PREL\n"
				   "\xC2\xB6" "1. (S) A & B, raw & and > and <x> \xC3\xA9.");
	buf_free(&text);
	arena_free(&a);
}

static void html_truncated_and_not_a_page(void **state)
{
	struct buf text = { 0 };
	struct record_meta m;
	struct arena a = { 0 };
	const char *err;

	memset(&m, 0, sizeof(m));
	assert_true(html_extract(STR_LIT("<html><pre>UNCLAS ROME 000001&#x000A;1. (U) Cut sho"), &text, &m, &a,
				 &err));
	assert_str(buf_str(&text), "UNCLAS ROME 000001\n1. (U) Cut sho");
	assert_int_equal(m.nnotes, 1);
	assert_non_null(strstr(m.notes[0].p, "cut short"));

	memset(&m, 0, sizeof(m));
	assert_false(html_extract(STR_LIT("<html><body><p>Hello</p></body></html>"), &text, &m, &a, &err));
	assert_non_null(strstr(err, "not a WikiLeaks cable page"));
	buf_free(&text);
	arena_free(&a);
}

static void html_database_row(void **state)
{
	const char *page =
		"<html><table class='cable'><tr><th>Reference ID</th></tr><tr><td>07BERN881</td></tr></table>"
		"<pre>R 110944Z SEP 07</pre><pre>2007-09-11 09:44:00\t07BERN881\tEmbassy Bern\tSECRET\t\t"
		"O 110944Z SEP 07\\&#x000A;FM AMEMBASSY BERN\tS E C R E T BERN 000881 \\&#x000A;TAGS: PREL&#x000A;"
		"1. (S) Text.\\&#x000A;CARTER \\&#x000A;&#x000A;121752\t2007-09-11 12:50:00\t07TBILISI2290\t"
		"Embassy Tbilisi\tUNCLASSIFIED\t\tX\tY</pre></html>";
	struct buf text = { 0 };
	struct record_meta m;
	struct arena a = { 0 };
	const char *err;

	memset(&m, 0, sizeof(m));
	assert_true(html_extract(str_c(page), &text, &m, &a, &err));
	assert_str(buf_str(&text), "O 110944Z SEP 07\nFM AMEMBASSY BERN\nS E C R E T BERN 000881 \nTAGS: PREL\n"
				   "1. (S) Text.\nCARTER \n\n");
	assert_int_equal(m.nnotes, 2);
	assert_non_null(strstr(m.notes[0].p, "07TBILISI2290"));
	buf_free(&text);
	arena_free(&a);
}

/* ------------------------------------------------------------ encodings */

static void encodings(void **state)
{
	struct buf tmp = { 0 };
	struct str out;
	const char *note;

	/* valid UTF-8: no copy */
	assert_int_equal(decode_text(STR_LIT("\xC2\xB6" "1."), &tmp, &out, &note), DECODE_OK);
	assert_null(note);
	assert_str(out, "\xC2\xB6" "1.");
	/* Latin-1 pilcrow and CP1252 quotes */
	assert_int_equal(decode_text(STR_LIT("\xB6" "1. \x93Hi\x94 \x92s"), &tmp, &out, &note), DECODE_OK);
	assert_str(out, "\xC2\xB6" "1. \xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x99s");
	assert_non_null(strstr(note, "CP1252"));
	/* mostly UTF-8 with one bad byte */
	assert_int_equal(decode_text(STR_LIT("\xC2\xB6\xC2\xB6\xC2\xB6 \xFF ok"), &tmp, &out, &note), DECODE_OK);
	assert_str(out, "\xC2\xB6\xC2\xB6\xC2\xB6 \xEF\xBF\xBD ok");
	assert_non_null(strstr(note, "U+FFFD"));
	/* UTF-16 with a byte-order mark, both ways */
	assert_int_equal(decode_text(str_make("\xFF\xFE" "A\0\xB6\0", 6), &tmp, &out, &note), DECODE_OK);
	assert_str(out, "A\xC2\xB6");
	assert_int_equal(decode_text(str_make("\xFE\xFF\0A\0B", 6), &tmp, &out, &note), DECODE_OK);
	assert_str(out, "AB");
	/* a lone surrogate becomes U+FFFD */
	assert_int_equal(decode_text(str_make("\xFF\xFE\x00\xD8" "A\0", 6), &tmp, &out, &note), DECODE_OK);
	assert_str(out, "\xEF\xBF\xBD" "A");
	/* UTF-8 byte-order mark dropped */
	assert_int_equal(decode_text(STR_LIT("\xEF\xBB\xBFX"), &tmp, &out, &note), DECODE_OK);
	assert_str(out, "X");
	/* binary */
	char bin[256];

	for (int i = 0; i < 256; i++)
		bin[i] = (char)i;
	assert_int_equal(decode_text(str_make(bin, sizeof(bin)), &tmp, &out, &note), DECODE_BINARY);
	buf_free(&tmp);
}

static void line_ends(void **state)
{
	struct buf tmp = { 0 };
	struct str out;

	(void)state;
	/* LF and CRLF: nothing to change, no copy */
	out = STR_LIT("a\nb\r\nc\r\r\n");
	assert_false(decode_line_ends(&out, &tmp));
	assert_str(out, "a\nb\r\nc\r\r\n");
	/* CR alone, as old Mac files write it: each a line end, blank lines kept */
	out = STR_LIT("a\rb\r\rc\r");
	assert_true(decode_line_ends(&out, &tmp));
	assert_str(out, "a\nb\n\nc\n");
	/* a stray CR inside an LF text, a CRLF beside it untouched */
	out = STR_LIT("a\r\nb\rc\n");
	assert_true(decode_line_ends(&out, &tmp));
	assert_str(out, "a\r\nb\nc\n");
	/* changed in place when the text is already in the buffer */
	buf_clear(&tmp);
	buf_adds(&tmp, "x\ry");
	out = buf_str(&tmp);
	assert_true(decode_line_ends(&out, &tmp));
	assert_ptr_equal(out.p, tmp.p);
	assert_str(out, "x\ny");
	buf_free(&tmp);
}

/* ------------------------------------------------------------ dates, ids */

static void dates(void **state)
{
	char out[ISO_DATE_MAX];
	long at;
	struct str dtg;
	bool suspect;

	assert_true(date_from_dtg(STR_LIT("271517Z OCT 09"), out));
	assert_string_equal(out, "2009-10-27T15:17Z");
	assert_true(date_from_dtg(STR_LIT("201247Z Jan 04"), out));
	assert_string_equal(out, "2004-01-20T12:47Z");
	assert_true(date_from_dtg(STR_LIT("281848Z DEC 66"), out));
	assert_string_equal(out, "1966-12-28T18:48Z");
	assert_false(date_from_dtg(STR_LIT("321517Z OCT 09"), out));
	at = dtg_find(STR_LIT("R 141116Z MAY 09 ZDK"), &dtg);
	assert_int_equal(at, 2);
	assert_str(dtg, "141116Z MAY 09");
	assert_true(date_from_csv(STR_LIT("2/25/1972 9:30"), out));
	assert_string_equal(out, "1972-02-25T09:30Z");
	assert_true(date_from_html(STR_LIT("2004-01-20 12:12"), out, &suspect));
	assert_true(suspect);
	assert_true(date_from_long(STR_LIT("Fri Feb 23 00:00:00 +0100 2001"), out));
	assert_string_equal(out, "2001-02-23");
	assert_true(date_from_decl(STR_LIT("11/29/10"), out));
	assert_string_equal(out, "2010-11-29");
	assert_false(date_from_decl(STR_LIT("13/40/2010"), out));
	assert_false(date_from_decl(STR_LIT("OADR"), out));
}

static void ids(void **state)
{
	char out[ID_MAX];
	bool odd;

	id_canonical(STR_LIT("2004ROME03933"), out, &odd);
	assert_string_equal(out, "04ROME3933");
	assert_false(odd);
	id_canonical(STR_LIT("04ROME3933"), out, &odd);
	assert_string_equal(out, "04ROME3933");
	id_canonical(STR_LIT("7575LIBREVILLE1895"), out, &odd);
	assert_string_equal(out, "7575LIBREVILLE1895");
	assert_true(odd);
	id_canonical(STR_LIT("09SECTION01OF03SANJOSE525"), out, &odd);
	assert_true(odd);
	id_canonical(STR_LIT("85NOFORNMOGADISHU1643"), out, &odd);
	assert_true(odd);
	assert_true(id_from_parts(2000, STR_LIT("HO CHI MINH CITY"), STR_LIT("000838"), out));
	assert_string_equal(out, "00HOCHIMINHCITY838");
	assert_true(id_from_parts(2006, STR_LIT("SECSTATE"), STR_LIT("119436"), out));
	assert_string_equal(out, "06STATE119436");
	assert_true(id_from_parts(2009, STR_LIT("UNVIE"), STR_LIT("109"), out));
	assert_string_equal(out, "09UNVIEVIENNA109");
	assert_str(id_station("04ROME3933"), "ROME");
	assert_int_equal(id_year("04ROME3933"), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_records),
		cmocka_unit_test(csv_bad_records),
		cmocka_unit_test(html_page),
		cmocka_unit_test(html_truncated_and_not_a_page),
		cmocka_unit_test(html_database_row),
		cmocka_unit_test(encodings),
		cmocka_unit_test(line_ends),
		cmocka_unit_test(dates),
		cmocka_unit_test(ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
