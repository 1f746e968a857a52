/* test_compare.c -- two texts of one cable compared (doc/compare.h): the
 * blocks aligned by content then by address, the words diffed within
 * them, redactions and layout told apart.  The snippets are invented. */
#include "config.h"
#include "testlib.h"

#include "base/buf.h"
#include "doc/compare.h"

#define HEAD "CONFIDENTIAL ROME 000100\n\nTAGS: PREL\nSUBJECT: TALKS\n\n"

struct pair {
	struct cable a, b;
	struct compare cmp;
	struct buf out;
};

static struct pair *compared(const char *a, const char *b)
{
	static struct pair p;

	cable_init(&p.a);
	cable_init(&p.b);
	assert_true(parse_text(&p.a, a));
	assert_true(parse_text(&p.b, b));
	compare_cables(&p.cmp, &p.a, &p.b);
	memset(&p.out, 0, sizeof(p.out));
	return &p;
}

static void done(struct pair *p)
{
	compare_free(&p->cmp);
	cable_free(&p->a);
	cable_free(&p->b);
	buf_free(&p->out);
}

static const char *summary(struct pair *p)
{
	buf_clear(&p->out);
	compare_summary(&p->cmp, &p->out, "a", "b");
	buf_addc(&p->out, '\0');
	return p->out.p;
}

static const char *written(struct pair *p, bool layout)
{
	buf_clear(&p->out);
	compare_write(&p->cmp, &p->out, layout);
	buf_addc(&p->out, '\0');
	return p->out.p;
}

static void same_text_is_same(void **state)
{
	struct pair *p;

	(void)state;
	p = compared(HEAD "1. (C) One.\n\n2. (C) Two.\n", HEAD "1. (C) One.\n\n2. (C) Two.\n");
	assert_true(p->cmp.same_words);
	assert_string_equal(summary(p), "the same words");
	assert_string_equal(written(p, true), "");
	done(p);
}

static void words_diffed_within_a_paragraph(void **state)
{
	struct pair *p;

	(void)state;
	p = compared(HEAD "1. (C) Minister Khalid Babar said no.\n\n2. (C) Two.\n",
		     HEAD "1. (C) Minister xxxxxxxxxxxx said no.\n\n2. (C) Two.\n");
	assert_false(p->cmp.same_words);
	assert_int_equal(p->cmp.added, 1);
	assert_int_equal(p->cmp.lifted, 0);
	assert_string_equal(summary(p), "¶1: 1 redaction added");
	assert_string_equal(written(p, false), "@@ ¶1 @@\n¶1 (C) Minister [-Khalid Babar-] {+xxxxxxxxxxxx+} said no.\n");
	done(p);
	/* a redaction lifted, a bracketed one added, another word changed */
	p = compared(HEAD "1. (C) XXXXXXXXXXXX said no to the plan.\n",
		     HEAD "1. (C) Babar said no to [Source removed] the new plan.\n");
	assert_int_equal(p->cmp.added, 1);
	assert_int_equal(p->cmp.lifted, 1);
	assert_int_equal(p->cmp.a.runs, 1);
	assert_int_equal(p->cmp.b.runs, 1);
	assert_string_equal(summary(p), "¶1: 1 redaction added, 1 redaction lifted; words changed in ¶1");
	done(p);
}

static void paragraphs_aligned_by_address_then_content(void **state)
{
	struct pair *p;

	(void)state;
	/* ¶2 and ¶3 withheld: ¶4 still meets ¶4 */
	p = compared(HEAD "1. (C) One.\n\n2. (C) Two.\n\n3. (S) Three.\n\n4. (C) Four is here.\n",
		     HEAD "1. (C) One.\n\n4. (C) Four is there.\n");
	assert_string_equal(summary(p), "¶2–¶3 withheld in b; words changed in ¶4");
	assert_int_equal(p->cmp.withheld, 2);
	done(p);
	/* renumbered: the same words meet whatever their number */
	p = compared(HEAD "1. (C) Alpha beta gamma.\n\n2. (C) Delta epsilon.\n",
		     HEAD "1. (C) Delta epsilon.\n");
	assert_string_equal(summary(p), "¶1 withheld in b");
	assert_string_equal(written(p, false), "@@ ¶1 (withheld) @@\n¶1 [-(C) Alpha beta gamma.-]\n");
	done(p);
	/* a paragraph only in the second */
	p = compared(HEAD "1. (C) One.\n", HEAD "1. (C) One.\n\n2. (U) New.\n");
	assert_string_equal(summary(p), "¶2 only in b");
	assert_int_equal(p->cmp.only_b, 1);
	done(p);
}

static void layout_folded(void **state)
{
	struct pair *p;

	(void)state;
	/* wrapping, curly quotes, the ¶ sign: the same words */
	p = compared(HEAD "1. (C) The \"plan\" is\ngood.\n", HEAD "\xC2\xB6" "1. (C) The \xE2\x80\x9Cplan\xE2\x80\x9D is good.\n");
	assert_true(p->cmp.same_words);
	assert_int_equal(p->cmp.quotes, 2);
	assert_int_equal(p->cmp.wrapped, 1);
	assert_int_equal(p->cmp.markers, 1);
	assert_string_equal(summary(p), "the same words; 2 quote marks changed; 1 paragraph wrapped differently; "
					"1 paragraph number written ¶ against 1.");
	assert_string_equal(written(p, false), "");
	assert_string_equal(written(p, true), "@@ ¶1 (layout only) @@\n¶1 (C) The [-\"plan\"-] {+\xE2\x80\x9Cplan\xE2\x80\x9D+} is good.\n");
	done(p);
	/* x's of another number or case: the same redaction */
	p = compared(HEAD "1. (C) XXXXXXXXXXXX said.\n", HEAD "1. (C) xxxxx said.\n");
	assert_true(p->cmp.same_words);
	assert_int_equal(p->cmp.xforms, 1);
	assert_int_equal(p->cmp.added + p->cmp.lifted, 0);
	done(p);
}

static void xwords(void **state)
{
	(void)state;
	assert_true(compare_is_xword(str_c("xxxxxxxxxxxx")));
	assert_true(compare_is_xword(str_c("(XXXXXXXXXXXX),")));
	assert_true(compare_is_xword(str_c("XXXX's")));
	assert_false(compare_is_xword(str_c("xx")));
	assert_false(compare_is_xword(str_c("Xerxes")));
	assert_false(compare_is_xword(str_c("XXL")));
}

/* Past the bound a stretch is not diffed word by word, and says so; a long
 * cable against itself is quick. */
static void bounded(void **state)
{
	struct buf a = { 0 }, b = { 0 };
	struct pair *p;

	(void)state;
	buf_adds(&a, HEAD "1. (C)");
	buf_adds(&b, HEAD "1. (C)");
	for (int i = 0; i < 3000; i++) {
		buf_printf(&a, " a%d", i);
		buf_printf(&b, " b%d", i);
	}
	buf_addc(&a, '\0');
	buf_addc(&b, '\0');
	p = compared(a.p, b.p);
	assert_int_equal(p->cmp.whole, 1);
	assert_non_null(strstr(summary(p), "¶1: too long to compare word by word"));
	done(p);
	buf_clear(&a);
	buf_adds(&a, HEAD);
	for (int i = 1; i <= 20000; i++)
		buf_printf(&a, "%d. (C) Paragraph %d says %d things.\n\n", i, i, i * 7);
	buf_addc(&a, '\0');
	p = compared(a.p, a.p);
	assert_true(p->cmp.same_words);
	assert_int_equal(p->cmp.nh, p->cmp.a.nb);
	done(p);
	buf_free(&a);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_text_is_same),
		cmocka_unit_test(words_diffed_within_a_paragraph),
		cmocka_unit_test(paragraphs_aligned_by_address_then_content),
		cmocka_unit_test(layout_folded),
		cmocka_unit_test(xwords),
		cmocka_unit_test(bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
