/* test_dump.c -- the cables.csv dump read in pieces: where the first record
 * of a piece starts, a record joined across two pieces, a record cut off at
 * the end, a quote that never closes, the names of pieces; a dump cut short
 * under the list after it was read; a long record's head and end read
 * first to a short cut, and on to the usual one when the parse needs it;
 * a header after a routing of hundreds of addressees in the text; a list
 * read for one run without people or references, and only that. */
#include "config.h"
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/buf.h"
#include "corpus/corpus.h"
#include "corpus/corpus_internal.h"
#include "corpus/corpus_store.h"
#include "doc/people.h"
#include "search/filter.h"
#include "source/dump.h"

#define REC(n, body) "\"" #n "\",\"1/5/2005 14:30\",\"05ROME" #n "\",\"Embassy Rome\",\"SECRET\",\"\",\"HEAD\",\"" body "\"\n"

static void record_starts(void **state)
{
	const char *s = "text\n" REC(1, "a") "\"2\",\"x\"\n" REC(3, "b");

	(void)state;
	assert_true(csv_record_starts(REC(1, "a"), REC(1, "a") + 40));
	assert_false(csv_record_starts(REC(1, "a"), REC(1, "a") + 20));
	assert_false(csv_record_starts("\"1\",\"a\",\"b\"", "\"1\",\"a\",\"b\"" + 11));
	assert_int_equal(csv_find_start(str_c(s), 0, SIZE_MAX), 5);
	/* "2","x" is no record: no date */
	assert_int_equal(csv_find_start(str_c(s), 6, SIZE_MAX), strlen("text\n" REC(1, "a") "\"2\",\"x\"\n"));
	assert_true(csv_sniff(str_c(s)));
	assert_false(csv_sniff(STR_LIT("\"id\",\"name\"\n\"1\",\"2\"\n")));
}

static void joined_across_pieces(void **state)
{
	const char *whole = REC(1, "first") REC(2, "the second \\\"quoted\\\" one") REC(3, "third");
	size_t cut = strlen(REC(1, "first")) + 30;
	struct dump *d = dump_new();
	struct dump_item it;
	char ids[3][16];
	size_t n = 0;

	(void)state;
	dump_piece(d, "dir/cables.csv.aa", str_make(whole, cut));
	while (dump_next(d, &it)) {
		assert_int_equal(it.kind, DUMP_RECORD);
		snprintf(ids[n++], sizeof(ids[0]), "%.*s", (int)it.raw.f[CSV_ID].n, it.raw.f[CSV_ID].p);
	}
	assert_int_equal(n, 1);
	assert_true(dump_open(d));
	/* the next piece goes on; one by another name does not */
	assert_false(dump_continues(d, "dir/other.txt", str_c(whole + cut)));
	assert_false(dump_continues(d, "elsewhere/cables.csv.ab", str_c(whole + cut)));
	assert_true(dump_continues(d, "dir/cables.csv.ab", str_c(whole + cut)));
	dump_piece(d, "dir/cables.csv.ab", str_c(whole + cut));
	assert_true(dump_next(d, &it));
	assert_true(it.joined);
	assert_str(it.raw.f[CSV_BODY], "the second \\\"quoted\\\" one");
	assert_string_equal(it.path, "dir/cables.csv.aa");
	assert_int_equal(it.offset, strlen(REC(1, "first")));
	assert_int_equal(it.length, strlen(REC(2, "the second \\\"quoted\\\" one")));
	assert_true(dump_next(d, &it));
	assert_str(it.raw.f[CSV_ID], "05ROME3");
	assert_false(dump_next(d, &it));
	assert_false(dump_finish(d, &it));
	dump_free(d);
}

static void cut_skipped_and_damaged(void **state)
{
	const char *s = "ing of the record before\"\n" REC(1, "one")
			"\"2\",\"1/5/2005 14:30\",\"05ROME2\",\"Embassy Rome\",\"SECRET\",\"\",\"HEAD\",\"never closes\n"
			REC(3, "three") "\"4\",\"1/5/2005 14:30\",\"05ROME4\",\"Embassy Rome\",\"CONFIDENTIAL\",\"\",\"HEAD\",\"cut sh";
	struct dump *d = dump_new();
	struct dump_item it;

	(void)state;
	dump_piece(d, "cables.csv.ab", str_c(s));
	assert_true(dump_next(d, &it));
	assert_int_equal(it.kind, DUMP_PROBLEM);
	assert_string_equal(it.msg, "skipped 26 bytes before the first record");
	assert_true(dump_next(d, &it));
	assert_str(it.raw.f[CSV_ID], "05ROME1");
	assert_true(dump_next(d, &it));
	assert_int_equal(it.kind, DUMP_PROBLEM);
	assert_non_null(strstr(it.msg, "record 2 (byte"));
	assert_non_null(strstr(it.msg, "a quote that never closes before the next record"));
	assert_true(dump_next(d, &it));
	assert_str(it.raw.f[CSV_ID], "05ROME3");
	assert_false(dump_next(d, &it));
	assert_true(dump_finish(d, &it));
	assert_int_equal(it.kind, DUMP_RECORD);
	assert_true(it.cut);
	assert_str(it.raw.f[CSV_CLASS], "CONFIDENTIAL");
	assert_str(it.raw.f[CSV_BODY], "cut sh");
	dump_free(d);
}

/* Records read apart (the corpus's workers split stretches of a piece):
 * the piece is offered once its start is dealt with and while no record
 * is held open; a skip moves the reading and the record numbers on as
 * reading those records would have. */
static void skipped_as_read_elsewhere(void **state)
{
	const char *s = "junk\n" REC(1, "a") REC(2, "b") REC(3, "c") "\"4\",\"1/5/2005 14:30\",\"05ROME4";
	size_t at3 = strlen("junk\n" REC(1, "a") REC(2, "b"));
	struct dump *d = dump_new();
	struct dump_item it;
	struct str piece;

	(void)state;
	dump_piece(d, "cables.csv", str_c(s));
	assert_false(dump_scannable(d, &piece));         /* its start not dealt with */
	assert_true(dump_next(d, &it));
	assert_int_equal(it.kind, DUMP_PROBLEM);          /* the bytes before the first record */
	assert_true(dump_scannable(d, &piece));
	assert_int_equal(piece.n, strlen(s));
	assert_true(dump_next(d, &it));
	assert_str(it.raw.f[CSV_ID], "05ROME1");
	assert_int_equal(it.recno, 1);
	/* record 2 read elsewhere */
	dump_skip(d, at3, 1);
	assert_int_equal(dump_at(d), at3);
	assert_true(dump_next(d, &it));
	assert_str(it.raw.f[CSV_ID], "05ROME3");
	assert_int_equal(it.recno, 3);
	assert_int_equal(it.offset, at3);
	/* the last is cut off at the piece's end: held open, nothing to offer */
	assert_false(dump_next(d, &it));
	assert_true(dump_open(d));
	assert_false(dump_scannable(d, &piece));
	assert_true(dump_finish(d, &it));
	assert_true(it.cut);
	dump_free(d);
}

/* A dump cut short behind the reading (the list read, then the file cut
 * in record 2): record 3, past the cut, is none of the file's any more;
 * record 2, across it, still is, cut off, as a fresh read gives it. */
static void cut_behind_the_reading(void **state)
{
	const char *s = REC(1, "1. (S) A.") REC(2, "1. (S) B.") REC(3, "1. (S) C.");
	size_t at2 = strlen(REC(1, "1. (S) A."));
	char path[] = "/tmp/test_dump-XXXXXX";
	char *paths[1] = { path };
	int fd = mkstemp(path);
	struct corpus *c;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, s, strlen(s)), (ssize_t)strlen(s));
	c = corpus_new();
	corpus_add_paths(c, paths, 1);
	while (!corpus_index_step(c, 1000))
		;
	assert_int_equal(corpus_count(c), 3);
	assert_int_equal(corpus_watch(c), 0);
	assert_false(corpus_entry_cut(c, 2));       /* no cut, nothing gone */
	assert_int_equal(ftruncate(fd, (off_t)(at2 + 10)), 0);
	assert_true(corpus_watch(c) > 0);
	assert_false(corpus_entry_cut(c, 0));
	assert_false(corpus_entry_cut(c, 1));
	assert_true(corpus_entry_cut(c, 2));
	corpus_free(c);
	close(fd);
	unlink(path);
}

/* A record whose text is @lead blank lines, a header, and a first
 * paragraph (@classby: a Classified By line) and more, in lines of 60:
 * long enough that the list reads its head and its end, not all of it;
 * then @end: the signer's line and what follows it. */
static void long_record(struct buf *b, int n, size_t lead, bool classby, size_t *classby_at, const char *end)
{
	char line[80];
	size_t body;

	snprintf(line, sizeof(line), "\"%d\",\"1/5/2005 14:30\",\"05ROME%d\",\"Embassy Rome\",", n, 1000 + n);
	buf_adds(b, line);
	buf_adds(b, "\"SECRET\",\"\",\"HEAD\",\"");
	body = b->n;
	for (size_t i = 0; i < lead; i++)
		buf_addc(b, '\n');
	snprintf(line, sizeof(line), "S E C R E T ROME 00%d\n\n", 1000 + n);
	buf_adds(b, line);
	buf_adds(b, "E.O. 12958: DECL: 01/05/2015\nTAGS: PREL IT\nSUBJECT: A HEADER READ WHOLE\n\n"
		    "REF: A. ROME 101 B. STATE 2002\n\n");
	if (!classby)
		buf_adds(b, "Classified By: Ambassador Ronald P. Spogli, reasons 1.4 (b,d)\n\n");
	buf_adds(b, "1. (S) ");
	if (classby) {
		*classby_at = b->n - body;
		buf_adds(b, "Classified By: Ambassador Ronald P. Spogli, reasons 1.4 (b,d)\n");
	}
	for (int i = 0; i < 90; i++)
		buf_adds(b, "The talks will go on next week in Rome, the minister said.\n");
	buf_adds(b, end);
	buf_adds(b, "\"\n");
}

static void long_heads_read_to_their_header(void **state)
{
	char path[] = "/tmp/test_dump-XXXXXX";
	char *paths[1] = { path };
	int fd = mkstemp(path);
	struct buf b = { 0 }, probe = { 0 }, blanks = { 0 }, row = { 0 };
	size_t at = 0;
	struct corpus *c;

	(void)state;
	/* where the first paragraph's Classified By starts without blank
	 * lines before the text: the second record's is cut in its name at
	 * the first cut, HEADER_FIRST bytes into the text */
	long_record(&probe, 2, 0, true, &at, "");
	assert_true(at + 30 < HEADER_FIRST);
	/* the end: the signer, then blank lines past the first cut of the
	 * end, TAIL_FIRST bytes before it; a database row glued on, a line
	 * of text after it and the signer (the row cuts the text there: no
	 * signer, whether the first cut of the end holds the row or not) */
	buf_adds(&blanks, "\nSPOGLI\n");
	for (size_t i = 0; i < TAIL_FIRST + 100; i++)
		buf_addc(&blanks, '\n');
	buf_adds(&row, "The last words. 0 03/13/2008 9871 PGOV,PREL Rome 08ROME1004\n");
	for (size_t i = 0; i < TAIL_FIRST / 60 + 2; i++)
		buf_adds(&row, "The talks will go on next week in Rome, the minister said.\n");
	buf_adds(&row, "\nSPOGLI\n");
	/* the first header read at the first cut; the second's Classified
	 * By, in the first paragraph, across it; the third header after
	 * 1,500 blank lines, past it */
	long_record(&b, 1, 0, false, &at, "\nSPOGLI\n");
	long_record(&b, 2, HEADER_FIRST - at - 30, true, &at, "\nSPOGLI\n");
	long_record(&b, 3, 1500, false, &at, blanks.p);
	long_record(&b, 4, 0, false, &at, row.p);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, b.p, b.n), (ssize_t)b.n);
	c = corpus_new();
	corpus_add_paths(c, paths, 1);
	while (!corpus_index_step(c, 1000))
		;
	assert_int_equal(corpus_count(c), 4);
	{
		const uint32_t *offs;

		assert_int_equal(corpus_people(c, 3, &offs), 1);
		assert_string_equal(corpus_str(c, offs[0]), "C:AMBASSADOR RONALD P. SPOGLI");
	}
	for (size_t i = 0; i < 3; i++) {
		const struct centry *e = corpus_entry(c, i);
		const uint32_t *offs;

		assert_string_equal(corpus_str(c, e->subject), "A HEADER READ WHOLE");
		assert_int_equal(corpus_tags(c, i, &offs), 2);
		assert_int_equal(corpus_refs(c, i, &offs), 2);
		assert_string_equal(corpus_str(c, offs[1]), "05STATE2002");
		/* the signer from the record's end, who classified it whole */
		assert_int_equal(corpus_people(c, i, &offs), 2);
		assert_string_equal(corpus_str(c, offs[0]), "S:SPOGLI");
		assert_string_equal(corpus_str(c, offs[1]), "C:AMBASSADOR RONALD P. SPOGLI");
	}
	corpus_free(c);
	close(fd);
	unlink(path);
	buf_free(&b);
	buf_free(&probe);
	buf_free(&blanks);
	buf_free(&row);
}

static void person_line(struct str value, void *ud)
{
	buf_addstr(ud, value);
	buf_addc(ud, '\n');
}

/* A record of the page form, whose text holds its routing: @n addressees
 * (a line each, of 40 bytes), the classification line, its captions and
 * a passage of offices before the header's labels. */
static void routed_record(struct buf *b, int k, int n)
{
	buf_printf(b, "\"%d\",\"8/10/2008 07:07\",\"08ROME%d\",\"Embassy Rome\",\"SECRET//NOFORN\",\"\",\"\",\"", k,
		   5000 + k);
	buf_printf(b, "VZCZCXRO%04d\nOO RUEHFL RUEHMIL\nDE RUEHRO #%04d/01 2230709\nZNY SSSSS ZZH\n"
		      "O 100709Z AUG 08\nFM AMEMBASSY ROME\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 9077\n"
		      "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE IMMEDIATE\n", k, 5000 + k);
	for (int i = 0; i < n; i++)
		buf_printf(b, "RUEH%02d/AMEMBASSY PLACE %04d IMMEDIATE %04d\n", i % 100, i, i);
	buf_printf(b, "\nS E C R E T SECTION 01 OF 03 ROME %06d\n\nNOFORN\nSIPDIS\n\n", 5000 + k);
	buf_adds(b, "DEPT FOR EUR/WE, EUR/RPM, S/CT, PASS TO THE OPERATIONS\n"
		    "CENTER, MILAN FOR RSO AND LEGAT, NAPLES FOR RSO, FLORENCE\nFOR RSO\n\n"
		    "E.O. 12958: DECL: 08/10/2038\nTAGS: PREL, PTER, IT\n\n"
		    "SUBJECT: A HEADER PAST ITS ROUTING\nREF: A. ROME 3065 B. ROME 3049\n\n"
		    "Classified By: DCM Elizabeth Dibble for reasons 1.4 (b), (d)\n\n");
	for (int i = 1; i <= 12; i++)
		buf_printf(b, "%d. (S) The talks will go on next week in Rome, the minister said to us.\n\n", i);
	buf_adds(b, "SPOGLI\"\n");
}

/* Records whose text holds a routing of 0 to 800 addressees, the header
 * after it at 2 kB to 33 kB into the text, past each cut of the head: the
 * list has the header the whole parse has. */
static void long_routings_read_to_their_header(void **state)
{
	char path[] = "/tmp/test_dump-XXXXXX";
	char *paths[1] = { path };
	int fd = mkstemp(path);
	static const int addressees[] = { 0, 20, 40, 55, 57, 59, 61, 63, 65, 67, 69, 71, 300, 600, 800 };
	const size_t n = sizeof(addressees) / sizeof(*addressees);
	struct buf b = { 0 }, want = { 0 }, got = { 0 }, scratch = { 0 };
	struct corpus *c;

	(void)state;
	for (size_t i = 0; i < n; i++)
		routed_record(&b, (int)i + 1, addressees[i]);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, b.p, b.n), (ssize_t)b.n);
	c = corpus_new();
	corpus_add_paths(c, paths, 1);
	while (!corpus_index_step(c, 1000))
		;
	assert_int_equal(corpus_count(c), n);
	for (size_t i = 0; i < n; i++) {
		const struct centry *e = corpus_entry(c, i);
		const struct cable *whole = corpus_cable(c, i);
		const uint32_t *offs;
		size_t np;

		assert_non_null(whole);
		assert_true(str_eq_c(whole->subject.text, "A HEADER PAST ITS ROUTING"));
		assert_string_equal(corpus_str(c, e->subject), "A HEADER PAST ITS ROUTING");
		assert_int_equal(corpus_tags(c, i, &offs), 3);
		assert_string_equal(corpus_str(c, offs[1]), "PTER");
		assert_int_equal(corpus_refs(c, i, &offs), 2);
		assert_string_equal(corpus_str(c, offs[0]), "08ROME3065");
		/* the people and offices, the whole parse's, in its order */
		np = corpus_people(c, i, &offs);
		buf_clear(&want);
		people_each(whole, &scratch, person_line, &want);
		buf_clear(&got);
		for (size_t k = 0; k < np; k++) {
			buf_adds(&got, corpus_str(c, offs[k]));
			buf_addc(&got, '\n');
		}
		buf_addc(&got, '\0');
		buf_addc(&want, '\0');
		assert_string_equal(got.p, want.p);
		assert_string_equal(corpus_str(c, offs[1]), "C:DCM ELIZABETH DIBBLE");
	}
	corpus_free(c);
	close(fd);
	unlink(path);
	buf_free(&b);
	buf_free(&want);
	buf_free(&got);
	buf_free(&scratch);
}

/* The dump @path read with @workers workers, its list leaving out @leave. */
static struct corpus *read_lean(char *path, const char *workers, unsigned leave)
{
	char *paths[1] = { path };
	struct corpus *c = corpus_new();

	setenv("PILCROW_WORKERS", workers, 1);
	corpus_list_lean(c, leave);
	corpus_add_paths(c, paths, 1);
	while (!corpus_index_step(c, 1000))
		;
	unsetenv("PILCROW_WORKERS");
	return c;
}

/* The strings of list @offs of @n, joined by '|'. */
static void joined(const struct corpus *c, const uint32_t *offs, size_t n, struct buf *out)
{
	buf_clear(out);
	for (size_t i = 0; i < n; i++) {
		buf_adds(out, corpus_str(c, offs[i]));
		buf_addc(out, '|');
	}
	buf_addc(out, '\0');
}

/* The strings of @na at @oa in @a and of @nb at @ob in @b: the same, or
 * none in @b when it @left_out them. */
static void same_strings(const struct corpus *a, const uint32_t *oa, size_t na, const struct corpus *b,
			 const uint32_t *ob, size_t nb, bool left_out)
{
	struct buf ja = { 0 }, jb = { 0 };

	assert_true(na > 0);
	if (left_out) {
		assert_int_equal(nb, 0);
		return;
	}
	joined(a, oa, na, &ja);
	joined(b, ob, nb, &jb);
	assert_string_equal(ja.p, jb.p);
	buf_free(&ja);
	buf_free(&jb);
}

/* Entry @i of @a and of @b: the same, but for the people and the
 * references @b leaves out (@leave), which it has none of. */
static void same_but(const struct corpus *a, const struct corpus *b, size_t i, unsigned leave)
{
	const struct centry *x = corpus_entry(a, i), *y = corpus_entry(b, i);
	const uint32_t *oa, *ob;
	size_t na, nb;

	assert_string_equal(corpus_str(a, x->id), corpus_str(b, y->id));
	assert_string_equal(corpus_str(a, x->subject), corpus_str(b, y->subject));
	assert_string_equal(corpus_str(a, x->origin), corpus_str(b, y->origin));
	assert_true(x->date == y->date && x->level == y->level && x->caveats == y->caveats);
	na = corpus_tags(a, i, &oa);
	nb = corpus_tags(b, i, &ob);
	same_strings(a, oa, na, b, ob, nb, false);
	na = corpus_refs(a, i, &oa);
	nb = corpus_refs(b, i, &ob);
	same_strings(a, oa, na, b, ob, nb, leave & LIST_NO_REFS);
	na = corpus_people(a, i, &oa);
	nb = corpus_people(b, i, &ob);
	same_strings(a, oa, na, b, ob, nb, leave & LIST_NO_PEOPLE);
}

/* What a list without people or references leaves out, each alone and
 * both, on one core and two: only those, from long records (their heads
 * and ends read apart) and short ones; such a list is never saved; and
 * the filters and runs that keep them. */
static void lean_lists_leave_only_that(void **state)
{
	char path[] = "/tmp/test_dump-XXXXXX", saved[64];
	int fd = mkstemp(path);
	struct buf b = { 0 };
	size_t at = 0;
	static const char *const keep[] = { "signer=spogli", "from=rome", "person~a level>=S", "cites=05STATE2002",
					    "cited-by=05ROME1001", "thread=05ROME1001" };

	(void)state;
	for (int k = 0; k < 300; k++) {
		long_record(&b, 3 * k + 1, 0, false, &at, "\nSPOGLI\n");
		buf_printf(&b, "\"%d\",\"1/5/2005 14:30\",\"05ROME%d\",\"Embassy Rome\",\"SECRET\",\"\",\"HEAD\",\"", 3 * k + 2,
			   1000 + 3 * k + 2);
		buf_adds(&b, "S E C R E T ROME 002\n\nE.O. 12958: DECL: 01/05/2015\nTAGS: PGOV\nSUBJECT: SHORT\n\n"
			     "REF: ROME 101\n\nClassified By: DCM Elizabeth Dibble, reasons 1.4 (b)\n\n"
			     "1. (S) Short.\n\nSPOGLI\"\n");
		long_record(&b, 3 * k + 3, 1500, true, &at, "\nSPOGLI\n");
	}
	assert_true(fd >= 0);
	assert_int_equal(write(fd, b.p, b.n), (ssize_t)b.n);
	for (int w = 1; w <= 2; w++) {
		struct corpus *full = read_lean(path, w == 1 ? "1" : "2", 0);

		assert_int_equal(corpus_count(full), 900);
		for (unsigned leave = 1; leave <= 3; leave++) {
			struct corpus *c = read_lean(path, w == 1 ? "1" : "2", leave);
			char err[512];

			assert_int_equal(corpus_count(c), 900);
			for (size_t i = 0; i < 900; i++)
				same_but(full, c, i, leave);
			snprintf(saved, sizeof(saved), "%s.list", path);
			assert_false(corpus_store_save(c, saved, err, sizeof(err)));
			assert_non_null(strstr(err, "not saved"));
			assert_int_equal(access(saved, F_OK), -1);
			corpus_free(c);
		}
		corpus_free(full);
	}
	/* what the filters read of the list, kept; the rest left out */
	for (size_t i = 0; i < sizeof(keep) / sizeof(*keep); i++) {
		struct cfilter f;
		char err[256];
		unsigned leave;

		assert_true(cfilter_parse(&f, keep[i], err, sizeof(err)));
		leave = corpus_list_needs(&f, false, false);
		assert_int_equal(leave, i < 3 ? LIST_NO_REFS : LIST_NO_PEOPLE);
		cfilter_free(&f);
	}
	assert_int_equal(corpus_list_needs(NULL, false, false), LIST_NO_PEOPLE | LIST_NO_REFS);
	assert_int_equal(corpus_list_needs(NULL, true, false), LIST_NO_REFS);
	assert_int_equal(corpus_list_needs(NULL, false, true), LIST_NO_PEOPLE);
	close(fd);
	unlink(path);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(record_starts),
		cmocka_unit_test(joined_across_pieces),
		cmocka_unit_test(cut_skipped_and_damaged),
		cmocka_unit_test(skipped_as_read_elsewhere),
		cmocka_unit_test(cut_behind_the_reading),
		cmocka_unit_test(long_heads_read_to_their_header),
		cmocka_unit_test(long_routings_read_to_their_header),
		cmocka_unit_test(lean_lists_leave_only_that),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
