/* test_sentences.c -- a paragraph's sentences by the rules that know
 * cables (abbreviations, initials, numbered lists, quotes), and a quote
 * written from them.  The snippets are invented; only the shapes are the
 * real cables'. */
#include "config.h"
#include "testlib.h"

#include "base/buf.h"
#include "doc/sentences.h"

/* The sentences of @text joined by " | ". */
static const char *split(const char *text)
{
	static char out[1024];
	struct sentence s[32];
	size_t n = sentences_split(str_c(text), s, 32);

	out[0] = '\0';
	for (size_t i = 0; i < n && i < 32; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%.*s", i ? " | " : "", (int)s[i].len,
			 text + s[i].start);
	return out;
}

static void sentences_of_cables(void **state)
{
	(void)state;
	assert_string_equal(split("Burton said yes.  The Cabinet agreed."), "Burton said yes. | The Cabinet agreed.");
	/* abbreviations and initials go on */
	assert_string_equal(split("The U.S. position was put by Amb. Smith and Dep. FM Jones. He agreed."),
			    "The U.S. position was put by Amb. Smith and Dep. FM Jones. | He agreed.");
	assert_string_equal(split("A/S Bloomfield met J. Doe on Oct. 6. Massolo spoke."),
			    "A/S Bloomfield met J. Doe on Oct. 6. | Massolo spoke.");
	assert_string_equal(split("The USG e.g. would act. No. 5 was sent."), "The USG e.g. would act. | No. 5 was sent.");
	/* a list's number or letter opening the text */
	assert_string_equal(split("1. The talks open. 2. They close."), "1. The talks open. | 2. They close.");
	assert_string_equal(split("b. Nothing else. Then more."), "b. Nothing else. | Then more.");
	/* questions, exclamations, the quotes that close them, line breaks */
	assert_string_equal(split("He asked \"why now?\"\nThe Minister smiled. (The room laughed.) End."),
			    "He asked \"why now?\" | The Minister smiled. | (The room laughed.) | End.");
	/* a stop not followed by a blank and a capital goes on: 3.5, lower case */
	assert_string_equal(split("It rose 3.5 percent. the rest followed"), "It rose 3.5 percent. the rest followed");
	/* the words after the last stop */
	assert_string_equal(split("First. And a last without a stop  "), "First. | And a last without a stop");
	assert_string_equal(split("   "), "");
}

static void quotes_written(void **state)
{
	struct buf b = { 0 };

	(void)state;
	sentences_quote(&b, str_c("The Cabinet,s\ndecision   was   final."), 0);
	buf_addc(&b, '\0');
	assert_string_equal(b.p, "The Cabinet,s decision was final.");
	buf_clear(&b);
	/* the setting turns ,s into 's after a letter, and nothing else */
	sentences_quote(&b, str_c("The Cabinet,s decision, so far, was Burton,s. 1,500 ,s kept"), 1);
	buf_addc(&b, '\0');
	assert_string_equal(b.p, "The Cabinet's decision, so far, was Burton's. 1,500 ,s kept");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sentences_of_cables),
		cmocka_unit_test(quotes_written),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
