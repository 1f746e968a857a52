/* test_workspace.c -- the workspace's store and cache, the citations, the
 * marks browser's model and the filter's workspace terms */
#include "config.h"
#include "testlib.h"

#include <unistd.h>

#include "base/buf.h"
#include "doc/cite.h"
#include "search/filter.h"
#include "views/marklist.h"
#include "workspace/workspace.h"
#include "workspace/ws_export.h"

static char dir[64], path[128];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/pilcrow-ws-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/workspace.db", dir);
	return 0;
}

static int teardown(void **state)
{
	char cmd[160];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static struct ws_about about(const char *id, const char *date, const char *address, const char *text)
{
	struct ws_about a = { id, date, "ROME", "Embassy Rome", "A SUBJECT", "CONFIDENTIAL", address, "C", str_c(text) };

	return a;
}

static bool count_item(const struct ws_item *it, void *ud)
{
	struct buf *b = ud;

	buf_printf(b, "%s %s [%s] %s|", it->id, it->address, it->collections, it->note);
	return true;
}

/* Marks, notes, collections: in the cache at once, in the file for the next
 * session, and in the order of the text. */
static void store(void **state)
{
	struct workspace *w;
	struct ws_about a = about("04ROME3933", "2004-10-06", "10", "ten"),
			b = about("04ROME3933", "2004-10-06", "0a", "zero a"),
			c = about("04ROME3933", "2004-10-06", "3", "three"),
			d = about("07OSLO512", "2007-05-24", "2", "two");
	struct buf out = { 0 };
	const char *const *names;

	(void)state;
	unlink(path);
	w = ws_open(path, NULL);
	assert_string_equal(ws_unsaved(w), "");
	assert_true(ws_mark_toggle(w, &a));
	assert_true(ws_mark_toggle(w, &b));
	assert_true(ws_mark_toggle(w, &c));
	assert_true(ws_marked(w, "04ROME3933", "0a"));
	assert_int_equal(ws_mark_count(w, "04ROME3933"), 3);
	assert_false(ws_mark_toggle(w, &c));           /* unmarked */
	assert_int_equal(ws_mark_count(w, "04ROME3933"), 2);
	ws_note_set(w, &d, "a note");
	assert_true(ws_collect_toggle(w, &d, "book"));
	assert_int_equal(ws_cable_flags(w, str_c("07OSLO512")), WS_NOTED | WS_COLLECTED);
	assert_true(ws_in_collection(w, str_c("07OSLO512"), "BOOK"));   /* names ignore case */
	assert_int_equal(ws_collections(w, &names), 2);
	assert_string_equal(names[0], "book");
	assert_string_equal(names[1], "marks");
	ws_close(w);

	/* the next session finds it all, by date then address (0a before 10) */
	w = ws_open(path, NULL);
	assert_int_equal(ws_mark_count(w, "04ROME3933"), 2);
	assert_string_equal(ws_note(w, "07OSLO512", "2"), "a note");
	assert_null(ws_note(w, "07OSLO512", "3"));
	assert_int_equal(ws_items(w, NULL, 0, count_item, &out), 3);
	buf_addc(&out, '\0');
	assert_string_equal(out.p, "04ROME3933 0a [marks] |04ROME3933 10 [marks] |07OSLO512 2 [book] a note|");
	buf_clear(&out);
	assert_int_equal(ws_items(w, "book", 0, count_item, &out), 1);
	/* moved: out of book into later */
	ws_collect_move(w, &d, "book", "later");
	assert_false(ws_in_collection(w, str_c("07OSLO512"), "book"));
	assert_true(ws_in_collection(w, str_c("07OSLO512"), "later"));
	/* a long note comes back whole */
	{
		char *big = malloc(20001);

		memset(big, 'x', 20000);
		big[20000] = '\0';
		big[10000] = '\n';
		ws_note_set(w, &d, big);
		assert_int_equal(strlen(ws_note(w, "07OSLO512", "2")), 20000);
		assert_string_equal(ws_note(w, "07OSLO512", "2"), big);
		free(big);
	}
	/* a note emptied is gone */
	ws_note_set(w, &d, "");
	assert_null(ws_note(w, "07OSLO512", "2"));
	assert_int_equal(ws_cable_flags(w, str_c("07OSLO512")) & WS_NOTED, 0);
	ws_close(w);
	buf_free(&out);
}

/* Two sessions: one sees the other's change once it looks (data_version). */
static void two_sessions(void **state)
{
	struct workspace *one, *two;
	struct ws_about a = about("08RIGA301", "2008-04-16", "3", "three");
	struct ws_spot s = { "4", 2, 7 }, got;

	(void)state;
	unlink(path);
	one = ws_open(path, NULL);
	two = ws_open(path, NULL);
	ws_mark_toggle(one, &a);
	assert_false(ws_marked(two, "08RIGA301", "3"));  /* not looked yet */
	assert_false(ws_refresh(one));                    /* its own change: nothing new */
	assert_true(ws_refresh(two));
	assert_true(ws_marked(two, "08RIGA301", "3"));
	assert_false(ws_refresh(two));                    /* nothing since */
	ws_spot_set(two, "08RIGA301", &s);
	assert_true(ws_refresh(one));
	assert_true(ws_spot_get(one, "08RIGA301", &got));
	assert_string_equal(got.address, "4");
	assert_int_equal(got.detail_top, 7);
	assert_true(ws_cable_flags(one, str_c("08RIGA301")) & WS_OPENED);
	ws_close(one);
	ws_close(two);
}

static void line(const char *l, void *ud)
{
	struct buf *b = ud;

	buf_printf(b, "%s|", l);
}

static void history_and_places(void **state)
{
	struct workspace *w;
	struct ws_place p = { "04ROME3933", "level>=S", 1, true, true }, q;
	struct buf b = { 0 };

	(void)state;
	unlink(path);
	w = ws_open(path, NULL);
	ws_history_add(w, '/', "iran");
	ws_history_add(w, '/', "massolo");
	ws_history_add(w, '/', "iran");                  /* again: now the newest */
	ws_history_add(w, 'f', "level>=S");
	ws_place_set(w, "/data/cables.csv", &p);
	ws_close(w);
	w = ws_open(path, NULL);
	ws_history(w, '/', 10, line, &b);
	buf_addc(&b, '\0');
	assert_string_equal(b.p, "massolo|iran|");
	assert_true(ws_place_get(w, "/data/cables.csv", &q));
	assert_string_equal(q.cable, "04ROME3933");
	assert_string_equal(q.filter, "level>=S");
	assert_int_equal(q.sort, 1);
	assert_true(q.reverse && q.reading);
	assert_false(ws_place_get(w, "/elsewhere", &q));
	ws_close(w);
	buf_free(&b);
}

/* Saved searches: kept for the next session, their names in any case, a
 * rename refused onto a name taken, a delete. */
static void saved_searches(void **state)
{
	struct workspace *w;
	struct ws_search s = { "Iran, secret", "level>=S iran", "date", true }, got, *all;
	size_t n;

	(void)state;
	unlink(path);
	w = ws_open(path, NULL);
	assert_false(ws_has_searches(w));
	ws_search_put(w, &s);
	snprintf(s.name, sizeof(s.name), "rome");
	snprintf(s.filter, sizeof(s.filter), "origin=ROME");
	snprintf(s.sort, sizeof(s.sort), "file");
	s.reverse = false;
	ws_search_put(w, &s);
	ws_close(w);
	w = ws_open(path, NULL);
	assert_true(ws_has_searches(w));
	assert_true(ws_search_get(w, "IRAN, SECRET", &got));
	assert_string_equal(got.name, "Iran, secret");
	assert_string_equal(got.filter, "level>=S iran");
	assert_string_equal(got.sort, "date");
	assert_true(got.reverse);
	/* a second of the same name (any case) takes its place */
	snprintf(s.name, sizeof(s.name), "ROME");
	snprintf(s.filter, sizeof(s.filter), "origin=ROME level=C");
	ws_search_put(w, &s);
	n = ws_searches(w, &all);
	assert_int_equal(n, 2);
	assert_string_equal(all[0].name, "Iran, secret");
	assert_string_equal(all[1].filter, "origin=ROME level=C");
	free(all);
	assert_false(ws_search_rename(w, "rome", "iran, SECRET"));
	assert_true(ws_search_rename(w, "rome", "Rome, confidential"));
	assert_false(ws_search_get(w, "rome", &got));
	assert_true(ws_search_get(w, "rome, confidential", &got));
	ws_search_del(w, "iran, secret");
	n = ws_searches(w, &all);
	assert_int_equal(n, 1);
	assert_string_equal(all[0].name, "Rome, confidential");
	free(all);
	ws_close(w);
}

static void citations(void **state)
{
	struct cite_src s = { "04ROME3933", "2004-10-06T11:30Z", "ROME", "Embassy Rome", "SUBJ", "CONFIDENTIAL", "3", "C",
			      STR_LIT("The \x1b[31mred\x1b[0m text\nacross \xC2\x9B lines.") };
	struct buf b = { 0 };
	char err[200], out[64];

	(void)state;
	cite_make(&b, NULL, &s);
	buf_addc(&b, '\0');
	assert_string_equal(b.p, "Embassy Rome, cable 04ROME3933, 6 October 2004, \xC2\xB6" "3 (C). WikiLeaks, "
				 "https://wikileaks.org/plusd/cables/04ROME3933_a.html");
	/* the quote: no control character (ESC, C1), the lines as one */
	buf_clear(&b);
	cite_quote(&b, NULL, "{id}", &s);
	buf_addc(&b, '\0');
	assert_string_equal(b.p, "\xE2\x80\x9CThe [31mred[0m text across lines.\xE2\x80\x9D \xE2\x80\x94 04ROME3933");
	/* no direction mark, embedding or isolate reaches the clipboard; a line separator is a blank */
	s.text = STR_LIT("Al\xE2\x80\x8Fi \xD8\x9C\xE2\x80\xAEsaid\xE2\x81\xA9\xE2\x80\xA8no \xE2\x80\x8E" "doubt");
	buf_clear(&b);
	cite_quote(&b, NULL, "{id}", &s);
	buf_addc(&b, '\0');
	assert_string_equal(b.p, "\xE2\x80\x9C" "Ali said no doubt\xE2\x80\x9D \xE2\x80\x94 04ROME3933");
	/* the styles editors ask for, by name */
	buf_clear(&b);
	cite_make(&b, "chicago-note", &s);
	buf_addc(&b, '\0');
	assert_string_equal(b.p, "Embassy Rome, \xE2\x80\x9CSUBJ,\xE2\x80\x9D cable 04ROME3933, October 6, 2004, \xC2\xB6"
				 "3 (C), WikiLeaks, https://wikileaks.org/plusd/cables/04ROME3933_a.html.");
	buf_clear(&b);
	cite_make(&b, "{year}|{md}|{apdate}", &s);
	buf_addc(&b, '\0');
	assert_string_equal(b.p, "2004|October 6|Oct. 6, 2004");
	assert_true(cite_check("author-date", false, err, sizeof(err)));
	/* a field left out with its prefix when empty; with no date, the
	 * year is the id's, and the month and day are empty */
	s.date = "";
	s.address = "";
	buf_clear(&b);
	cite_make(&b, "{id}{, date}{ para}{, md}|{mdy}|{apdate}!", &s);
	buf_addc(&b, '\0');
	assert_string_equal(b.p, "04ROME3933, 2004|2004|2004!");
	assert_int_equal(cite_year("75ACCRA3311", ""), 1975);
	assert_int_equal(cite_year("10STATE1", NULL), 2010);
	assert_int_equal(cite_year("09STATE1", "2010-01-01"), 2010);
	assert_int_equal(cite_year("", NULL), 0);
	assert_false(cite_check("{id} {colour}", false, err, sizeof(err)));
	assert_non_null(strstr(err, "unknown field {colour}"));
	assert_false(cite_check("{text}", false, err, sizeof(err)));   /* the quote's field only */
	assert_true(cite_check("{text} {cite}", true, err, sizeof(err)));
	cite_origin_name(out, sizeof(out), "HOCHIMINHCITY", "AMCONSUL HO CHI MINH CITY");
	assert_string_equal(out, "Consulate Ho Chi Minh City");
	cite_origin_name(out, sizeof(out), "ROME", NULL);
	assert_string_equal(out, "Rome");
	cite_long_date(out, sizeof(out), "2009-13-01");
	assert_string_equal(out, "");
	buf_free(&b);
}

/* The browser's lines: a cable, its items, their notes. */
static void browser_lines(void **state)
{
	struct workspace *w;
	struct ws_about a = about("04ROME3933", "2004-10-06", "2", "two"), b = about("04ROME3933", "2004-10-06", "5", "five"),
			c = about("07OSLO512", "2007-05-24", "1", "one");
	struct marklist m;

	(void)state;
	unlink(path);
	memset(&m, 0, sizeof(m));
	w = ws_open(path, NULL);
	ws_mark_toggle(w, &a);
	ws_mark_toggle(w, &b);
	ws_note_set(w, &b, "five's note");
	ws_mark_toggle(w, &c);
	marklist_load(&m, w, NULL);
	assert_int_equal(m.cables, 2);
	assert_int_equal(m.nlines, 6);
	assert_int_equal(m.lines[0].kind, ML_CABLE);
	assert_int_equal(m.lines[1].kind, ML_ITEM);
	assert_int_equal(m.lines[2].kind, ML_ITEM);
	assert_int_equal(m.lines[3].kind, ML_NOTE);
	assert_int_equal(m.lines[4].kind, ML_CABLE);
	assert_string_equal(m.items[m.lines[5].item].id, "07OSLO512");
	assert_int_equal(marklist_next_item(&m, 3, 1), 5);
	assert_int_equal(marklist_next_item(&m, 4, -1), 2);
	marklist_free(&m);
	ws_close(w);
}

/* marked, noted, opened, collection= in the filter language */
static void filter_terms(void **state)
{
	struct workspace *w;
	struct ws_about a = about("04ROME3933", "2004-10-06", "2", "two");
	struct cfilter f;
	struct cf_subject s;
	char err[200];

	(void)state;
	unlink(path);
	w = ws_open(path, NULL);
	ws_mark_toggle(w, &a);
	ws_collect_toggle(w, &a, "Book");
	memset(&s, 0, sizeof(s));
	s.ws = w;
	s.id = str_c("04ROME3933");
	assert_true(cfilter_parse(&f, "marked", err, sizeof(err)));
	assert_true(cfilter_match(&f, &s));
	cfilter_free(&f);
	assert_true(cfilter_parse(&f, "noted", err, sizeof(err)));
	assert_false(cfilter_match(&f, &s));
	cfilter_free(&f);
	assert_true(cfilter_parse(&f, "!opened collection=book|later", err, sizeof(err)));
	assert_true(cfilter_match(&f, &s));
	cfilter_free(&f);
	assert_true(cfilter_parse(&f, "collection!=book", err, sizeof(err)));
	assert_false(cfilter_match(&f, &s));
	cfilter_free(&f);
	/* text=marked is the word */
	assert_true(cfilter_parse(&f, "text=marked", err, sizeof(err)));
	assert_int_equal(f.terms[0].field, CF_TEXT);
	cfilter_free(&f);
	assert_false(cfilter_parse(&f, "collection>book", err, sizeof(err)));
	cfilter_free(&f);
	/* note=: the words of a note on a paragraph, case and accents aside;
	 * note~: an expression; neither on a cable without notes */
	ws_note_set(w, &a, "Worth quoting:\nthe Minister\xE2\x80\x99s own words");
	assert_true(cfilter_parse(&f, "note=minister", err, sizeof(err)));
	assert_true(cfilter_match(&f, &s));
	cfilter_free(&f);
	assert_true(cfilter_parse(&f, "note=\"worth quoting\"", err, sizeof(err)));
	assert_true(cfilter_match(&f, &s));
	cfilter_free(&f);
	assert_true(cfilter_parse(&f, "note~'quot\\w+:'", err, sizeof(err)));
	assert_true(cfilter_match(&f, &s));
	cfilter_free(&f);
	assert_true(cfilter_parse(&f, "note=ambassador", err, sizeof(err)));
	assert_false(cfilter_match(&f, &s));
	cfilter_free(&f);
	assert_true(cfilter_parse(&f, "!note=ambassador", err, sizeof(err)));
	assert_true(cfilter_match(&f, &s));
	cfilter_free(&f);
	assert_false(cfilter_parse(&f, "note>x", err, sizeof(err)));
	cfilter_free(&f);
	/* another cable */
	s.id = str_c("07OSLO512");
	assert_true(cfilter_parse(&f, "marked", err, sizeof(err)));
	assert_false(cfilter_match(&f, &s));
	cfilter_free(&f);
	assert_true(cfilter_parse(&f, "note=minister", err, sizeof(err)));
	assert_false(cfilter_match(&f, &s));
	cfilter_free(&f);
	ws_close(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(store),
		cmocka_unit_test(two_sessions),
		cmocka_unit_test(history_and_places),
		cmocka_unit_test(saved_searches),
		cmocka_unit_test(citations),
		cmocka_unit_test(browser_lines),
		cmocka_unit_test(filter_terms),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
