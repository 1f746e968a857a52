/* fuzz_text.c -- the sanitiser and the wrapper on any bytes.  What the
 * sanitiser writes must be safe for a terminal; every wrapped line must fit
 * its width; text_fit must stay inside the text and its width; text of
 * printable ASCII and line ends is wrapped as libunistring's breaks have it
 * (text_wrap's narrow path against text_wrap_unicode); sanitising and
 * wrapping at once writes the lines of the two apart. */
#include "config.h"
#include "fuzz.h"

#include "base/buf.h"
#include "base/text.h"

struct wrap_check {
	int width;
	size_t lines;
	struct buf all;         /* the lines, each ended by a NUL */
};

static void check_line(struct str line, void *ud)
{
	struct wrap_check *w = ud;

	int used;

	/* a line fits its width; only a character wider than the whole line
	 * (a CJK character in one column) may stand alone on a line */
	FUZZ_ASSERT(text_width(line) <= w->width || text_fit(line, 2, &used) == line.n);
	FUZZ_ASSERT(fuzz_is_safe(line, ""));
	w->lines++;
	buf_addstr(&w->all, line);
	buf_addc(&w->all, '\0');
}

static void collect_line(struct str line, void *ud)
{
	struct wrap_check *w = ud;

	w->lines++;
	buf_addstr(&w->all, line);
	buf_addc(&w->all, '\0');
}

/* Printable ASCII and line ends only: the narrow path's text. */
static bool plain_ascii(struct str s)
{
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] != '\n' && (s.p[i] < 0x20 || s.p[i] > 0x7E))
			return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf clean = { NULL, 0, 0 }, kept = { NULL, 0, 0 };
	struct str in;
	int width, used = -1;
	size_t fit;

	if (size < 1)
		return 0;
	width = 1 + data[0] % 120;
	in = str_make((const char *)data + 1, size - 1);
	text_sanitize(in, &clean, 0);
	FUZZ_ASSERT(fuzz_is_safe(buf_str(&clean), ""));
	FUZZ_ASSERT(text_is_clean(buf_str(&clean), 0));
	text_sanitize(in, &kept, SANITIZE_KEEP_NEWLINES);
	FUZZ_ASSERT(fuzz_is_safe(buf_str(&kept), "\n"));
	if (text_is_clean(in, 0))
		FUZZ_ASSERT(clean.n == in.n && memcmp(clean.p, in.p, in.n) == 0);
	FUZZ_ASSERT(text_width(buf_str(&clean)) >= 0);
	fit = text_fit(buf_str(&clean), width, &used);
	FUZZ_ASSERT(fit <= clean.n && used >= 0 && used <= width);
	{
		struct wrap_check w = { width, 0, { NULL, 0, 0 } }, u = { width, 0, { NULL, 0, 0 } };

		text_wrap(buf_str(&kept), width, check_line, &w);
		if (kept.n && plain_ascii(buf_str(&kept))) {
			text_wrap_unicode(buf_str(&kept), width, collect_line, &u);
			FUZZ_ASSERT(w.lines == u.lines && w.all.n == u.all.n &&
				    (!w.all.n || memcmp(w.all.p, u.all.p, w.all.n) == 0));
		}
		buf_free(&w.all);
		buf_free(&u.all);
	}
	{
		/* sanitising and wrapping at once: the lines of the two apart */
		struct wrap_check w = { width, 0, { NULL, 0, 0 } }, u = { width, 0, { NULL, 0, 0 } };

		text_wrap(buf_str(&kept), width, collect_line, &w);
		text_sanitize_wrap(in, SANITIZE_KEEP_NEWLINES, width, collect_line, &u);
		FUZZ_ASSERT(w.lines == u.lines && w.all.n == u.all.n && (!w.all.n || memcmp(w.all.p, u.all.p, w.all.n) == 0));
		buf_free(&w.all);
		buf_free(&u.all);
	}
	buf_free(&clean);
	buf_free(&kept);
	return 0;
}
