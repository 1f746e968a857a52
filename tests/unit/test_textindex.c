/* test_textindex.c -- the full-text index and the scan give the same
 * answers: each text is a row of a small index (SQLite FTS5) and is
 * searched by the scan's pattern too, for the matching rules (case,
 * diacritics, wraps, apostrophes, hyphens, punctuation, prefixes,
 * alternatives); the markings of the rows (para=) by both; and the words
 * a filter's index query is made of. */
#include "config.h"
#include "testlib.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus/fts/fts.h"
#include "doc/marking.h"
#include "search/filter.h"
#include "search/near.h"
#include "search/search.h"
#include "search/textrows.h"
#include "corpus/fts/fts_shards.h"

static const char *const texts[] = {
	"PRESIDENT URIBE MET V\xC3\x89LEZ AT THE PALACE",         /* 0 */
	"Minister Velez said nothing",                             /* 1 */
	"BERLUSCONI'S VIEW OF THE TALKS",                          /* 2 */
	"Berlusconi\xE2\x80\x99s view, he said",                   /* 3 */
	"BERLUSCONI,S VIEW IS KNOWN",                              /* 4 */
	"BERLUSCONI, SAID THE PAPER",                              /* 5 */
	"THE COUNTER-\nTERRORISM UNIT MET",                        /* 6 */
	"ITS COUNTER-TERRORISM POLICY",                            /* 7 */
	"HE TOLD ON HIS\n   DECISION TO RESIGN",                   /* 8 */
	"THE U.S. SIDE AGREED, reasons 1.4(b) and (d)",           /* 9 */
	"PRESIDENTIAL ELECTIONS LOOM",                             /* 10 */
	"the IRANIAN side and Iran-Iraq talks",                    /* 11 */
	"DER SPIEGEL \xC3\x9C" "BER ALLES",                        /* 12 */
	"a x x b",                                                 /* 13 */
	"a x x x b",                                               /* 14 */
	"b x a, and a c x b",                                      /* 15 */
};
#define NTEXTS (sizeof(texts) / sizeof(texts[0]))

static char dir[64];
static struct fts_shards *ti;

/* Text @i's paragraph marking: S//NF when i%6, S when i%3, else C. */
static struct row_marks marks_of(size_t i)
{
	struct row_marks m = { 1u << (i % 3 ? LEVEL_C : LEVEL_S), i % 6 ? 0 : CAVEAT_NOFORN };

	return m;
}

static int setup(void **state)
{
	char path[128], err[256];
	char *paths[1] = { path };
	struct fts_shard *s;
	struct buf b = { 0 };

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/pilcrow-ti-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/text-0.db", dir);
	s = fts_shard_create(path, err, sizeof(err));
	assert_non_null(s);
	for (size_t i = 0; i < NTEXTS; i++) {
		struct buf m = { 0 };

		/* each text a cable of one paragraph (row 1), and its row 0 with
		 * the levels of its paragraphs, as the builder makes them */
		fts_marks_text(marks_of(i), &m);
		assert_true(fts_shard_add(s, (int64_t)i * FTS_ROWS + 1, text_row(str_c(texts[i]), &b), buf_str(&m)));
		buf_clear(&m);
		fts_union_text(marks_of(i), &m);
		assert_true(fts_shard_add(s, (int64_t)i * FTS_ROWS, str_c(""), buf_str(&m)));
		buf_free(&m);
	}
	assert_true(fts_shard_finish(s, err, sizeof(err)));
	buf_free(&b);
	ti = fts_shards_open(paths, 1, err, sizeof(err));
	assert_non_null(ti);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	fts_shards_close(ti);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

/* The texts @pattern finds, as a bit set: by the index, and by the scan. */
static unsigned by_index(const char *pattern)
{
	char q[512], x[600], err[256];
	int64_t *rows = NULL;
	size_t n = 0, cap = 0;
	unsigned set = 0;

	if (!fts_query(pattern, q, sizeof(q)))
		fail_msg("'%s' should be a query for the index", pattern);
	snprintf(x, sizeof(x), "x : (%s)", q);  /* the text's column, as asked */
	assert_int_equal(fts_shards_query(ti, x, &rows, NULL, &n, &cap, err, sizeof(err)), FTS_OK);
	for (size_t i = 0; i < n; i++)
		set |= 1u << fts_shards_entry(rows[i]);
	free(rows);
	return set;
}

static void found(size_t start, size_t len, void *ud)
{
	(void)start;
	(void)len;
	*(bool *)ud = true;
}

static unsigned by_scan(const char *pattern)
{
	char err[256];
	struct search *s = search_new_words(pattern, err, sizeof(err));
	struct buf b = { 0 };
	unsigned set = 0;

	assert_non_null(s);
	for (size_t i = 0; i < NTEXTS; i++) {
		bool any = false;

		search_all(s, text_row(str_c(texts[i]), &b), 1, found, &any);
		if (any)
			set |= 1u << i;
	}
	buf_free(&b);
	search_free(s);
	return set;
}

#define BIT(i) (1u << (i))

static void same(const char *pattern, unsigned want)
{
	unsigned a = by_index(pattern), b = by_scan(pattern);

	if (a != b || a != want)
		fail_msg("'%s': index %#x, scan %#x, wanted %#x", pattern, a, b, want);
}

static void same_answers(void **state)
{
	(void)state;
	/* case and diacritics */
	same("velez", BIT(0) | BIT(1));
	same("V\xC3\xA9lez", BIT(0) | BIT(1));
	same("VELEZ", BIT(0) | BIT(1));
	same("uber", BIT(12));
	/* a phrase across a wrap and blanks */
	same("\"on his decision\"", BIT(8));
	same("\"uribe met velez\"", BIT(0));
	/* apostrophes, and the comma between two letters */
	same("Berlusconi's", BIT(2) | BIT(3) | BIT(4));
	same("\"berlusconi\xE2\x80\x99s view\"", BIT(2) | BIT(3) | BIT(4));
	same("\"berlusconi said\"", BIT(5));
	/* hyphens: at a line's end, inside a word, written or not */
	same("counterterrorism", BIT(6) | BIT(7));
	same("\"counter terrorism\"", BIT(6) | BIT(7));
	same("counter-terrorism", BIT(6) | BIT(7));
	same("\"counterterrorism unit\"", BIT(6));      /* joined, in a phrase */
	same("\"its counterterrorism policy\"", BIT(7));
	same("\"iran iraq\"", BIT(11));
	/* punctuation between words */
	same("\"u s side\"", BIT(9));
	same("\"1 4 b\"", BIT(9));
	same("\"1.4(b)\"", BIT(9));
	/* words as words; a prefix; alternatives */
	same("iran", BIT(11));
	same("iran*", BIT(11));
	same("presid*", BIT(0) | BIT(10));
	same("president", BIT(0));
	same("velez|\"u s side\"", BIT(0) | BIT(1) | BIT(9));
	same("talks|spiegel", BIT(2) | BIT(11) | BIT(12));
}

/* near=: the index's NEAR and the scan's count the same words between */
static unsigned near_by_index(const char *words, int dist)
{
	char q[512], err[256];
	int64_t *rows = NULL;
	size_t n = 0, cap = 0;
	unsigned set = 0;

	assert_true(fts_near_query(words, dist, q, sizeof(q)));
	assert_int_equal(fts_shards_query(ti, q, &rows, NULL, &n, &cap, err, sizeof(err)), FTS_OK);
	for (size_t i = 0; i < n; i++)
		set |= 1u << fts_shards_entry(rows[i]);
	free(rows);
	return set;
}

static unsigned near_by_scan(const char *words, int dist)
{
	struct search *w[NEAR_WORDS];
	char copy[256], *save = NULL, err[256];
	size_t nw = 0;
	struct buf b = { 0 };
	unsigned set = 0;

	snprintf(copy, sizeof(copy), "%s", words);
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
		assert_non_null(w[nw++] = search_new_words(t, err, sizeof(err)));
	for (size_t i = 0; i < NTEXTS; i++)
		if (near_match(w, nw, dist, text_row(str_c(texts[i]), &b)))
			set |= 1u << i;
	for (size_t k = 0; k < nw; k++)
		search_free(w[k]);
	buf_free(&b);
	return set;
}

static void near_same(const char *words, int dist, unsigned want)
{
	unsigned a = near_by_index(words, dist), b = near_by_scan(words, dist);

	if (a != b || a != want)
		fail_msg("near '%s'/%d: index %#x, scan %#x, wanted %#x", words, dist, a, b, want);
}

static void near_words(void **state)
{
	(void)state;
	near_same("a b", 2, BIT(13) | BIT(15));        /* two words between, not three */
	near_same("a b", 3, BIT(13) | BIT(14) | BIT(15));
	near_same("b a", 1, BIT(15));                  /* either order */
	near_same("a c b", 2, BIT(15));                /* the words between the first and the last */
	near_same("a c b", 1, 0);
	near_same("uribe palace", 4, BIT(0));
	near_same("uribe palace", 3, 0);
	near_same("presid* palace", 5, BIT(0));
	near_same("velez said", 0, BIT(1));
	near_same("counterterrorism unit", 0, BIT(6));   /* the joined word and its neighbours */
	near_same("counter terrorism", 0, BIT(6) | BIT(7));
}

/* The texts @pattern finds in a row whose markings pass the para= terms
 * of @paras (the index: the condition beside the words; the scan: each
 * row's markings), and those the para= term alone finds. */
static unsigned para_index(const char *q)
{
	char err[256];
	int64_t *rows = NULL;
	size_t n = 0, cap = 0;
	unsigned set = 0;

	assert_int_equal(fts_shards_query(ti, q, &rows, NULL, &n, &cap, err, sizeof(err)), FTS_OK);
	for (size_t i = 0; i < n; i++)
		set |= 1u << fts_shards_entry(rows[i]);
	free(rows);
	return set;
}

static void para_same(const char *paras, const char *pattern, unsigned want)
{
	struct cfilter f;
	char err[256], cond[512], wq[512], q[1200];
	unsigned a, b = 0, words = by_scan(pattern);

	assert_true(cfilter_parse(&f, paras, err, sizeof(err)));
	assert_true(fts_row_condition(&f, cond, sizeof(cond)));
	assert_true(fts_query(pattern, wq, sizeof(wq)));
	snprintf(q, sizeof(q), "x : (%s) AND %s", wq, cond);
	a = para_index(q);
	for (size_t i = 0; i < NTEXTS; i++)
		if ((words >> i & 1) && cfilter_para_ok(&f, marks_of(i)))
			b |= 1u << i;
	if (a != b || a != want)
		fail_msg("'%s %s': index %#x, scan %#x, wanted %#x", paras, pattern, a, b, want);
	/* the para= term alone */
	assert_true(fts_para_query(&f.terms[0], q, sizeof(q)));
	a = para_index(q);
	b = 0;
	for (size_t i = 0; i < NTEXTS; i++)
		if (cf_para_holds(&f.terms[0], marks_of(i)))
			b |= 1u << i;
	if (a != b)
		fail_msg("'%s': index %#x, scan %#x", paras, a, b);
	cfilter_free(&f);
}

static void para_rows(void **state)
{
	(void)state;
	/* velez: 0 (S//NF) and 1 (C); view: 2 (C), 3 (S), 4 (C) */
	para_same("para>=S", "velez", BIT(0));
	para_same("para=C", "velez", BIT(1));
	para_same("para=S//NF", "velez", BIT(0));
	para_same("para>=S", "view", BIT(3));
	para_same("para=S//NF", "view", 0);
	para_same("para<S", "view", BIT(2) | BIT(4));
	para_same("para=S|C", "view", BIT(2) | BIT(3) | BIT(4));
}

static void queries(void **state)
{
	char q[256];

	(void)state;
	assert_true(fts_query("iran", q, sizeof(q)));
	assert_string_equal(q, "\"iran\"");
	assert_true(fts_query("\"nuclear program\"|presid*", q, sizeof(q)));
	assert_string_equal(q, "\"nuclear program\" OR \"presid\"*");
	assert_true(fts_query("Berlusconi's \"view\"", q, sizeof(q)));
	assert_string_equal(q, "\"Berlusconi s view\"");
	/* what the index cannot answer: the scan does */
	assert_false(fts_query("(?-i)Iran", q, sizeof(q)));
	assert_false(fts_query("pres* bush", q, sizeof(q)));
	assert_false(fts_query("pres*dent", q, sizeof(q)));
	assert_false(fts_query("...", q, sizeof(q)));
	assert_false(fts_query("a|...", q, sizeof(q)));
	assert_true(fts_near_query("iran nuclear*", 5, q, sizeof(q)));
	assert_string_equal(q, "NEAR(\"iran\" \"nuclear\"*, 5)");
	/* para=: questions on the markings' column */
	{
		struct cfilter f;
		char err[256];
		struct buf m = { 0 };
		struct row_marks rm = { 1u << LEVEL_S | 1u << LEVEL_C, CAVEAT_NOFORN | CAVEAT_REL };

		assert_true(cfilter_parse(&f, "para>=S para=S//NF|C", err, sizeof(err)));
		assert_true(fts_para_query(&f.terms[0], q, sizeof(q)));
		assert_string_equal(q, "m : (((ulvs OR ulvts)))");   /* a row a cable: row 0's */
		assert_true(fts_para_query(&f.terms[1], q, sizeof(q)));
		assert_string_equal(q, "m : (((lvs) AND cvnoforn) OR ((lvc)))");   /* a caveat: the rows' */
		assert_true(fts_row_condition(&f, q, sizeof(q)));
		assert_string_equal(q, "m : (((lvs OR lvts))) AND m : (((lvs) AND cvnoforn) OR ((lvc)))");
		cfilter_free(&f);
		assert_true(cfilter_parse(&f, "para>TS", err, sizeof(err)));
		assert_false(fts_para_query(&f.terms[0], q, sizeof(q)));
		cfilter_free(&f);
		fts_marks_text(rm, &m);
		assert_string_equal(m.p, "lvc lvs cvnoforn cvrelto");
		buf_free(&m);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_answers),
		cmocka_unit_test(near_words),
		cmocka_unit_test(para_rows),
		cmocka_unit_test(queries),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
