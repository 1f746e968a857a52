/* test_words.c -- the list's words in the reader: for every kind of word
 * term (a word, a phrase, a prefix, text=, text~, near=, several terms),
 * the reader's matches in a cable are the hits view's hits in its
 * paragraphs, the same count at the same places */
#include "config.h"
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "report/grep.h"
#include "search/filter.h"
#include "views/view.h"

static const char *const filters[] = {
	"iran",                          /* a word */
	"\"firm messages\"",             /* a phrase */
	"engag*",                        /* a prefix */
	"text=nuclear",                  /* text= */
	"text~'nuclear (issue|policy)'", /* an expression */
	"near=\"iran nuclear\"",         /* near=: each window a match */
	"near=\"italy iraq/3\"",
	"iran massolo level>=C",         /* several terms, and a term that finds nothing */
};

struct tally {
	size_t n;
};

static void count_hit(const struct hit *h, void *ud)
{
	struct tally *t = ud;

	if (h->para < 0)
		return;                  /* the header: the reader shows no match there */
	t->n++;
}

static void same_cable(struct corpus *c, size_t e, const struct cfilter *f, size_t *total)
{
	struct status st = { "" };
	struct view v;
	struct tally t = { 0 };
	const struct cable *cable = corpus_cable(c, e);

	assert_non_null(cable);
	for (size_t k = 0; k < f->n; k++)
		if (cf_findable(&f->terms[k]))
			grep_cable_term(cable, &f->terms[k], count_hit, &t);
	view_init(&v, c, NULL, &st);
	assert_true(view_open(&v, e));
	view_search_filter(&v, f);
	assert_true(view_searching(&v));
	assert_int_equal(v.nmatches, t.n);
	/* in the order they stand, and each paragraph that holds one says so */
	for (size_t k = 1; k < v.nmatches; k++)
		assert_true(v.matches[k - 1].para < v.matches[k].para ||
			    (v.matches[k - 1].para == v.matches[k].para && v.matches[k - 1].start <= v.matches[k].start));
	for (size_t k = 0; k < v.nmatches; k++)
		assert_true(view_para_matches(&v, v.matches[k].para));
	*total += t.n;
	view_free(&v);
}

static void reader_matches_are_the_hits(void **state)
{
	const char *srcdir = getenv("srcdir");
	char dir[4096], err[256];
	char *paths[1] = { dir };
	struct corpus *c = corpus_new();

	(void)state;
	snprintf(dir, sizeof(dir), "%s/data/cables", srcdir ? srcdir : ".");
	corpus_add_paths(c, paths, 1);
	while (!corpus_index_step(c, 1000))
		;
	assert_true(corpus_count(c) > 3);
	for (size_t i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
		struct cfilter f;
		size_t total = 0;

		assert_true(cfilter_parse(&f, filters[i], err, sizeof(err)));
		assert_true(cfilter_findable(&f));
		for (size_t e = 0; e < corpus_count(c); e++)
			same_cable(c, e, &f, &total);
		/* never a test that asserts nothing: each kind finds something */
		if (total == 0)
			fail_msg("%s: no match in the samples", filters[i]);
		cfilter_free(&f);
	}
	corpus_free(c);
}

/* near= gives each window of words that satisfies it, not overlapping. */
static void near_windows_in_a_text(void **state)
{
	struct cfilter f;
	char err[256];
	const char *text = "Iran said the nuclear talks would go on; nothing else. Then Iran again, and far later, "
			   "after many many words of no interest at all to anyone reading, nuclear.";

	(void)state;
	assert_true(cfilter_parse(&f, "near=\"iran nuclear/5\"", err, sizeof(err)));
	assert_int_equal(cf_find(&f.terms[0], str_c(text), NULL, NULL), 1);
	cfilter_free(&f);
	assert_true(cfilter_parse(&f, "near=\"iran nuclear/30\"", err, sizeof(err)));
	/* the first window ends at "nuclear"; the second "Iran" stands after
	 * it, with the last "nuclear" in reach */
	assert_int_equal(cf_find(&f.terms[0], str_c(text), NULL, NULL), 2);
	cfilter_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reader_matches_are_the_hits),
		cmocka_unit_test(near_windows_in_a_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
