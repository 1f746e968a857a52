/* test_text.c -- display width, wrapping and the sanitiser (CJK, combining
 * marks, controls, bidi) */
#include "config.h"
#include "testlib.h"

#include "base/buf.h"
#include "base/text.h"

static char *sanitized(const char *in, size_t n, unsigned flags)
{
	static struct buf b;

	buf_clear(&b);
	text_sanitize(str_make(in, n), &b, flags);
	buf_addc(&b, '\0');
	return b.p;
}

/* The case-insensitive comparisons (str_ieq, str_istarts, str_ieq_any)
 * against to_upper() byte by byte, for every pair of bytes, at the
 * start, in the middle and at the end of a word: they take a byte as
 * equal to a letter only when it is that letter in either case. */
static bool fold_eq(int a, int b)
{
	return to_upper(a) == to_upper(b);
}

static void case_folding_every_byte(void **state)
{
	(void)state;
	for (int a = 0; a < 256; a++)
		for (int b = 1; b < 256; b++) {
			char word[4] = { 'X', (char)b, 'Y', 0 }, text[3] = { 'x', (char)a, 'y' };
			const char *const list[] = { "Q", word + 1, "x" };
			struct str t = str_make(text, 3);
			bool want = fold_eq(a, b);

			assert_int_equal(str_ieq(t, word), want);
			assert_int_equal(str_istarts(t, word), want);
			assert_int_equal(str_istarts(str_make(text, 2), word), false);
			assert_int_equal(str_ieq(str_make(text + 1, 1), word + 1), false);
			word[2] = 0;
			assert_int_equal(str_ieq(str_make(text + 1, 1), word + 1), want);
			assert_int_equal(str_ieq_any(str_make(text + 1, 1), list, 3), want || fold_eq(a, 'Q') || fold_eq(a, 'x'));
			assert_int_equal(str_ieq_any(str_make(text + 1, 1), list + 2, 1), fold_eq(a, 'x'));
		}
	/* a NUL in the text is no end of the word */
	assert_false(str_ieq(str_make("AB\0", 3), "AB"));
	assert_true(str_ieq_any(STR_NULL, (const char *const[]){ "A", "" }, 2));
	assert_false(str_ieq_any(STR_NULL, (const char *const[]){ "A" }, 1));
}

static void sanitize_controls(void **state)
{
	/* ESC [ 2 J: the escape shows as a picture, the rest as plain text */
	assert_string_equal(sanitized("a\x1b[2Jb", 6, 0), "a\xE2\x90\x9B[2Jb");
	/* OSC 52 clipboard write and BEL */
	assert_string_equal(sanitized("\x1b]52;c;aGk=\x07", 12, 0),
			    "\xE2\x90\x9B]52;c;aGk=\xE2\x90\x87");
	/* NUL, DEL, C1 CSI (U+009B) */
	assert_string_equal(sanitized("x\0y\x7f", 4, 0), "x\xE2\x90\x80y\xE2\x90\xA1");
	assert_string_equal(sanitized("\xC2\x9B" "31m", 5, 0), "\xEF\xBF\xBD" "31m");
	/* tab and newline */
	assert_string_equal(sanitized("a\tb\nc", 5, 0), "a b c");
	assert_string_equal(sanitized("a\nc", 3, SANITIZE_KEEP_NEWLINES), "a\nc");
	/* bidi override and isolate */
	assert_string_equal(sanitized("\xE2\x80\xAE" "abc" "\xE2\x81\xA6", 9, 0),
			    "\xEF\xBF\xBD" "abc" "\xEF\xBF\xBD");
	/* invalid and overlong UTF-8 */
	assert_string_equal(sanitized("\xFF\xC0\xAF", 3, 0), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	/* plain text and valid UTF-8 pass through */
	assert_string_equal(sanitized("\xC2\xB6" "1 caf\xC3\xA9", 9, 0), "\xC2\xB6" "1 caf\xC3\xA9");
	assert_true(text_is_clean(STR_LIT("\xC2\xB6" "1 caf\xC3\xA9"), 0));
	assert_false(text_is_clean(STR_LIT("a\x1b"), 0));
	assert_false(text_is_clean(STR_LIT("\xE2\x80\xAE"), 0));
	/* the direction marks LRM, RLM and ALM are bidi controls too */
	assert_string_equal(sanitized("a\xE2\x80\x8E" "b\xE2\x80\x8F" "c\xD8\x9C", 11, 0),
			    "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
	assert_false(text_is_clean(STR_LIT("\xE2\x80\x8E"), 0));
	assert_false(text_is_clean(STR_LIT("\xD8\x9C"), 0));
}

/* The sanitiser reads printable ASCII eight bytes at a time: every byte
 * value, at every place of a text longer than two such words, is seen as
 * one byte at a time would see it. */
static void sanitize_every_byte(void **state)
{
	(void)state;
	for (int b = 0; b < 256; b++)
		for (size_t at = 0; at < 20; at++) {
			char in[21], want[32];
			bool printable = b >= 0x20 && b < 0x7F;

			memset(in, 'a', 20);
			in[at] = (char)b;
			in[20] = '\0';
			if (printable || b == '\t' || b == '\n' || b == '\r' || b >= 0x80) {
				memcpy(want, in, 21);
				if (!printable)
					memcpy(want + at, b < 0x80 ? " " : "\xEF\xBF\xBD", b < 0x80 ? 1 : 3);
				if (!printable)
					memcpy(want + at + (b < 0x80 ? 1 : 3), in + at + 1, 20 - at);
			} else {
				/* the control pictures, U+2400 + c (DEL U+2421) */
				memcpy(want, in, at);
				want[at] = '\xE2';
				want[at + 1] = '\x90';
				want[at + 2] = (char)(0x80 + (b == 0x7F ? 0x21 : b));
				memcpy(want + at + 3, in + at + 1, 20 - at);
			}
			if (strcmp(sanitized(in, 20, 0), want) != 0)
				fail_msg("byte 0x%02x at %zu sanitised as \"%s\"", b, at, sanitized(in, 20, 0));
			if (text_is_clean(str_make(in, 20), 0) != printable)
				fail_msg("byte 0x%02x at %zu: clean %d", b, at, !printable);
			if (text_is_clean(str_make(in, 20), SANITIZE_KEEP_NEWLINES) != (printable || b == '\n'))
				fail_msg("byte 0x%02x at %zu: clean with line ends %d", b, at, !printable);
		}
}

static void widths(void **state)
{
	assert_int_equal(text_width(STR_LIT("abc")), 3);
	/* CJK: two columns each */
	assert_int_equal(text_width(STR_LIT("\xE6\x97\xA5\xE6\x9C\xAC")), 4);
	/* e + combining acute: one column */
	assert_int_equal(text_width(STR_LIT("e\xCC\x81")), 1);
	/* fit: a wide character is not split */
	int used;
	assert_int_equal(text_fit(STR_LIT("a\xE6\x97\xA5" "b"), 2, &used), 1);
	assert_int_equal(used, 1);
	assert_int_equal(text_fit(STR_LIT("a\xE6\x97\xA5" "b"), 3, &used), 4);
	assert_int_equal(used, 3);
	/* fit keeps combining marks with their base */
	assert_int_equal(text_fit(STR_LIT("e\xCC\x81x"), 1, &used), 3);
}

struct lines {
	char buf[1024];
	size_t n;
	int widest;
};

static void collect(struct str line, void *ud)
{
	struct lines *l = ud;
	int w = text_width(line);

	if (w > l->widest)
		l->widest = w;
	memcpy(l->buf + l->n, line.p, line.n);
	l->n += line.n;
	l->buf[l->n++] = '|';
	l->buf[l->n] = '\0';
}

/* The ASCII path of text_wrap breaks where libunistring's does: random
 * texts of letters, digits, blanks, line ends and every ASCII sign, at
 * every width from 1 to 30. */
static void ascii_wrapping_as_unicode(void **state)
{
	static const char alphabet[] = "abc XY 12  .,;:!?()[]{}\"'/-%$#&*+<=>@\\^_`|~\n";
	/* one column wide, each of another line-break class */
	static const char *const wide1[] = { "\xC2\xB6", "\xE2\x80\x94", "\xE2\x80\x99", "\xE2\x80\x9C",
					     "\xC3\xA9", "\xC2\xB7", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x91",
					     "\xC2\xA0", "\xE2\x80\x8B", "\xE2\x82\xAC", "\xC2\xBF", "\xE2\x80\xA6" };
	unsigned seed = 12345;
	char text[400];

	(void)state;
	for (int round = 0; round < 200000; round++) {
		struct lines a = { "", 0, 0 }, b = { "", 0, 0 };
		size_t n;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % 48;
		for (size_t i = 0, k = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			/* half the texts with characters past ASCII, now and then */
			if ((round & 1) && (seed >> 16) % 7 == 0) {
				const char *w = wide1[(seed >> 8) % (sizeof(wide1) / sizeof(*wide1))];

				memcpy(text + k, w, strlen(w));
				k += strlen(w);
			} else {
				text[k++] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
			}
			if (i + 1 == n)
				n = k, i = n;
		}
		text[n] = '\0';
		text_wrap(str_make(text, n), 1 + round % 30, collect, &a);
		text_wrap_unicode(str_make(text, n), 1 + round % 30, collect, &b);
		if (strcmp(a.buf, b.buf) != 0)
			fail_msg("width %d, \"%s\": ascii \"%s\", unicode \"%s\"", 1 + round % 30, text, a.buf, b.buf);
	}
}

static void wrapping(void **state)
{
	struct lines l = { "", 0, 0 };

	text_wrap(STR_LIT("the quick brown fox jumps over the lazy dog"), 10, collect, &l);
	assert_string_equal(l.buf, "the quick|brown fox|jumps over|the lazy|dog|");
	assert_true(l.widest <= 10);

	memset(&l, 0, sizeof(l));
	text_wrap(STR_LIT("one\ntwo three"), 20, collect, &l);
	assert_string_equal(l.buf, "one|two three|");

	/* a word longer than the line is cut */
	memset(&l, 0, sizeof(l));
	text_wrap(STR_LIT("abcdefghijkl"), 5, collect, &l);
	assert_string_equal(l.buf, "abcde|fghij|kl|");

	/* CJK wraps by columns: 3 characters (6 columns) per line of 6 */
	memset(&l, 0, sizeof(l));
	text_wrap(STR_LIT("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE6\x97\xA5\xE6\x9C\xAC"), 6, collect, &l);
	assert_true(l.widest <= 6);
	assert_string_equal(l.buf, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E|\xE6\x97\xA5\xE6\x9C\xAC|");

	/* lines break at blanks only: not after a comma for an apostrophe,
	 * a slash or a hyphen inside a word */
	memset(&l, 0, sizeof(l));
	text_wrap(STR_LIT("of the government,s broader goal"), 16, collect, &l);
	assert_string_equal(l.buf, "of the|government,s|broader goal|");
	memset(&l, 0, sizeof(l));
	text_wrap(STR_LIT("would be. A/S Bloomfield spoke"), 12, collect, &l);
	assert_string_equal(l.buf, "would be.|A/S|Bloomfield|spoke|");
	memset(&l, 0, sizeof(l));
	text_wrap(STR_LIT("a pro-Western party"), 12, collect, &l);
	assert_string_equal(l.buf, "a|pro-Western|party|");

	/* a character wider than the line still makes progress */
	memset(&l, 0, sizeof(l));
	text_wrap(STR_LIT("\xE6\x97\xA5\xE6\x9C\xAC"), 1, collect, &l);
	assert_string_equal(l.buf, "\xE6\x97\xA5|\xE6\x9C\xAC|");
}

struct check {
	struct buf joined;
	int width, widest;
	size_t empty;
};

static void check_line(struct str line, void *ud)
{
	struct check *c = ud;
	int w = text_width(line);

	if (w > c->widest)
		c->widest = w;
	if (!line.n)
		c->empty++;
	for (size_t i = 0; i < line.n; i++)
		if (line.p[i] != ' ')
			buf_addc(&c->joined, line.p[i]);
}

/* At every width: no line too wide, no empty line, nothing lost. */
static void wrapping_properties(void **state)
{
	const char *text = "A/S Bloomfield briefed on latest developments in UN protection force commitments "
			   "and noted that the U.S. saw two pillars (1546) for improvement: a political track "
			   "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E and caf\xC3\xA9 "
			   "http://www.state.sgov.gov/p/sa/newdelhi/ -- Dr. Leena Srivastava.";
	struct buf want = { 0 };

	for (const char *p = text; *p; p++)
		if (*p != ' ')
			buf_addc(&want, *p);
	for (int width = 1; width <= 120; width++) {
		struct check c = { { 0 }, width, 0, 0 };

		text_wrap(str_c(text), width, check_line, &c);
		assert_true(c.widest <= (width < 2 ? 2 : width));
		assert_int_equal(c.empty, 0);
		assert_string_equal(c.joined.p, want.p);
		buf_free(&c.joined);
	}
	buf_free(&want);
}

/* text_sanitize_wrap writes the lines that text_sanitize and text_wrap
 * write: random texts of printable ASCII, controls, line ends, characters
 * one column wide and two, combining marks, invalid bytes and line
 * separators, the texts ending in printable ASCII after such a character
 * (what the wrap takes without reading again) or not, both flags, widths
 * 1 to 40. */
static void sanitize_wrap_as_both(void **state)
{
	static const char *const pieces[] = { "abc ", "de", "  ", ".", "(", "\"", "\n", "\t", "\r", "\x1B[31m",
					      "\x7F", "\xC2\xB6", "\xE2\x80\x94", "\xC3\xA9", "\xE6\x97\xA5",
					      "\xCC\x81", "\xFF", "\xE2\x80\xA8", "\xE2\x80\xAE", "\xC2\x85",
					      "word, ", "longerwordthanaline " };
	unsigned seed = 777;

	(void)state;
	for (int round = 0; round < 40000; round++) {
		struct lines a = { "", 0, 0 }, b = { "", 0, 0 };
		struct buf text = { 0 }, clean = { 0 };
		unsigned flags = round & 1 ? SANITIZE_KEEP_NEWLINES : 0;
		int width = 1 + round % 40;
		size_t n;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % 24;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			/* a quarter of the texts printable ASCII after their first piece */
			buf_adds(&text, pieces[(seed >> 16) % ((round & 2) && i ? 6 : sizeof(pieces) / sizeof(*pieces))]);
		}
		text_sanitize(buf_str(&text), &clean, flags);
		text_wrap(buf_str(&clean), width, collect, &a);
		text_sanitize_wrap(buf_str(&text), flags, width, collect, &b);
		if (strcmp(a.buf, b.buf) != 0)
			fail_msg("width %d, flags %u, \"%.*s\": apart \"%s\", at once \"%s\"", width, flags, (int)text.n,
				 text.p ? text.p : "", a.buf, b.buf);
		buf_free(&text);
		buf_free(&clean);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sanitize_controls),
		cmocka_unit_test(sanitize_every_byte),
		cmocka_unit_test(case_folding_every_byte),
		cmocka_unit_test(widths),
		cmocka_unit_test(wrapping),
		cmocka_unit_test(ascii_wrapping_as_unicode),
		cmocka_unit_test(wrapping_properties),
		cmocka_unit_test(sanitize_wrap_as_both),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
