/* text.c -- display width, wrapping and sanitising */
#include "config.h"
#include "base/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

/* Characters that would let text reorder or hide what follows it: the C1
 * controls, the line and paragraph separators, and every character of the
 * Unicode Bidi_Control property (embeddings, overrides, isolates and the
 * direction marks LRM, RLM and ALM), as libunistring knows them. */
bool text_unsafe_char(unsigned uc)
{
	return (uc >= 0x80 && uc < 0xA0) || uc_is_property_bidi_control(uc) || uc == 0x2028 || uc == 0x2029;
}

/* The length of the run of printable ASCII (0x20 to 0x7E) that @p starts
 * with, eight bytes at a time while all eight are: the --text of a dump is
 * mostly such runs, and three passes over them a byte at a time (clean?
 * narrow? wrap) were a fifth of its time.  A byte past ASCII sets its high
 * bit; one below 0x20 borrows into it (w - 0x20 in each byte, not set in
 * w); 0x7F is the byte that w ^ 0x7F makes zero. */
static size_t printable_run(const uint8_t *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w, del, bad;

		memcpy(&w, p + i, 8);
		del = w ^ (0x7F * ones);
		bad = (w | ((w - 0x20 * ones) & ~w) | ((del - ones) & ~del)) & high;
		if (bad) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			/* the lowest flag is the first such byte (a borrow only
			 * flags bytes above the one it came from) */
			return i + (size_t)__builtin_ctzll(bad) / 8;
#else
			break;
#endif
		}
	}
	while (i < n && p[i] >= 0x20 && p[i] < 0x7F)
		i++;
	return i;
}

bool text_is_clean(struct str s, unsigned flags)
{
	const uint8_t *p = (const uint8_t *)s.p, *end = p + s.n;

	while (p < end) {
		ucs4_t uc;
		int len;

		p += printable_run(p, (size_t)(end - p));
		if (p >= end)
			break;
		if (*p < 0x80) {
			if ((*p < 0x20 && !(*p == '\n' && (flags & SANITIZE_KEEP_NEWLINES))) || *p == 0x7F)
				return false;
			p++;
			continue;
		}
		len = u8_mbtoucr(&uc, p, (size_t)(end - p));
		if (len < 0 || text_unsafe_char(uc))
			return false;
		p += len;
	}
	return true;
}

/* Width of one character; zero-width and combining marks take 0 columns. */
static int uc_cols(ucs4_t uc)
{
	int w = uc_width(uc, "UTF-8");

	return w < 0 ? 1 : w;
}

/* What the sanitiser wrote, as text_wrap would find it out by reading it
 * again (narrow_text, printable_run): @narrow, every character one column
 * wide and no control but line ends; from byte @plain on, printable ASCII
 * only.  Noted at each character that is not printable ASCII, where the
 * sanitiser decodes it anyway. */
struct shape {
	bool narrow;
	size_t plain;
};

/* The sanitiser wrote @uc, ending at byte @at of what it wrote. */
static void shape_char(struct shape *sh, ucs4_t uc, size_t at)
{
	if (uc >= 0x80 && uc_cols(uc) != 1)
		sh->narrow = false;
	sh->plain = at;
}

static void sanitize(struct str in, struct buf *out, unsigned flags, struct shape *sh)
{
	const uint8_t *p = (const uint8_t *)in.p, *end = p + in.n;
	size_t base = out->n;

	sh->narrow = true;
	sh->plain = 0;
	buf_reserve(out, in.n + 16);
	while (p < end) {
		ucs4_t uc;
		int len;
		const uint8_t *run = p;

		/* copy the plain run in one go */
		p += printable_run(p, (size_t)(end - p));
		if (p > run)
			buf_add(out, run, (size_t)(p - run));
		if (p >= end)
			break;
		if (*p < 0x80) {
			if (*p == '\n' && (flags & SANITIZE_KEEP_NEWLINES)) {
				buf_addc(out, '\n');
				shape_char(sh, '\n', out->n - base);
			} else if (*p == '\t' || *p == '\n' || *p == '\r') {
				buf_addc(out, ' ');
			} else {
				/* U+2400 + c: the control pictures; DEL is U+2421 */
				uint8_t pic[3] = { 0xE2, 0x90, (uint8_t)(0x80 + (*p == 0x7F ? 0x21 : *p)) };

				buf_add(out, pic, 3);
				shape_char(sh, 0x2400 + (*p == 0x7F ? 0x21u : *p), out->n - base);
			}
			p++;
			continue;
		}
		len = u8_mbtoucr(&uc, p, (size_t)(end - p));
		if (len < 0) {
			buf_add(out, "\xEF\xBF\xBD", 3);
			shape_char(sh, 0xFFFD, out->n - base);
			p++;
			continue;
		}
		if (uc == 0x2028 || uc == 0x2029) {
			buf_addc(out, (flags & SANITIZE_KEEP_NEWLINES) ? '\n' : ' ');
			if (flags & SANITIZE_KEEP_NEWLINES)
				shape_char(sh, '\n', out->n - base);
		} else if (text_unsafe_char(uc)) {
			buf_add(out, "\xEF\xBF\xBD", 3);
			shape_char(sh, 0xFFFD, out->n - base);
		} else {
			buf_add(out, p, (size_t)len);
			shape_char(sh, uc, out->n - base);
		}
		p += len;
	}
}

void text_sanitize(struct str in, struct buf *out, unsigned flags)
{
	struct shape sh;

	sanitize(in, out, flags, &sh);
}

int text_width(struct str s)
{
	const uint8_t *p = (const uint8_t *)s.p, *end = p + s.n;
	int w = 0;

	while (p < end) {
		ucs4_t uc;
		int len;

		if (*p < 0x80) {
			w++;
			p++;
			continue;
		}
		len = u8_mbtoucr(&uc, p, (size_t)(end - p));
		if (len < 0) {
			w++;
			p++;
			continue;
		}
		w += uc_cols(uc);
		p += len;
	}
	return w;
}

size_t text_fit(struct str s, int cols, int *used)
{
	const uint8_t *p = (const uint8_t *)s.p, *end = p + s.n;
	int w = 0;

	while (p < end) {
		ucs4_t uc = *p;
		int len = 1, cw = 1;

		if (*p >= 0x80) {
			len = u8_mbtoucr(&uc, p, (size_t)(end - p));
			if (len < 0)
				len = 1;
			else
				cw = uc_cols(uc);
		}
		if (w + cw > cols)
			break;
		w += cw;
		p += len;
	}
	/* combining marks that follow belong to the last character */
	while (p < end && *p >= 0x80) {
		ucs4_t uc;
		int len = u8_mbtoucr(&uc, p, (size_t)(end - p));

		if (len < 0 || uc_cols(uc) != 0)
			break;
		p += len;
	}
	if (used)
		*used = w;
	return (size_t)(p - (const uint8_t *)s.p);
}

static struct str rtrim(struct str s)
{
	while (s.n && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == '\n'))
		s.n--;
	return s;
}

/* Is the character that ends just before @i two columns wide? */
static bool wide_before(const uint8_t *p, size_t i)
{
	size_t k = i;
	ucs4_t uc;

	if (!k || p[k - 1] < 0x80)
		return false;
	while (k > 0 && (p[k - 1] & 0xC0) == 0x80 && i - k < 3)
		k--;
	if (k == 0)
		return false;
	k--;
	return u8_mbtouc(&uc, p + k, i - k) > 0 && uc_cols(uc) == 2;
}

/* Greedy filling at the break opportunities libunistring finds (UAX #14),
 * kept to the blanks (and wide letters);
 * written here rather than with u8_width_linebreaks because that counts the
 * blank that ends a line, which costs a column, and it never cuts a word
 * longer than the line. */
/* A line ends: from *@start to the last break opportunity, or to @i (a
 * word too long for a line is cut there); the next starts past the
 * blanks, *@col its width so far.  Returns where the scan goes on. */
static size_t cut_line(struct str s, size_t *start, size_t *last, size_t i, int *col,
		       void (*emit)(struct str line, void *ud), void *ud)
{
	size_t cut = *last > *start ? *last : i;

	emit(rtrim(str_make(s.p + *start, cut - *start)), ud);
	*start = *last = cut;
	while (*start < s.n && s.p[*start] == ' ')
		(*start)++;
	*col = text_width(str_make(s.p + *start, i > *start ? i - *start : 0));
	return i < *start ? *start : i;
}

/* Is every character of @s one column wide, with no control but line
 * ends?  Printable ASCII is, and most cables' other characters (¶, —, ’,
 * é ...); CJK and combining marks are not. */
static bool narrow_text(struct str s)
{
	const uint8_t *p = (const uint8_t *)s.p;

	for (size_t i = 0; i < s.n;) {
		ucs4_t uc;
		int len;

		i += printable_run(p + i, s.n - i);
		if (i >= s.n)
			break;
		if (p[i] < 0x80) {
			if (p[i] != '\n')
				return false;
			i++;
			continue;
		}
		len = u8_mbtoucr(&uc, p + i, s.n - i);
		if (len < 0 || uc_cols(uc) != 1)
			return false;
		i += (size_t)len;
	}
	return true;
}

/* May a line break before @i, which follows a blank, in narrow text?
 * Where the character at @i and the last one before the blanks are both
 * ASCII, by the rules of UAX #14 that ASCII meets (test_text holds them
 * to libunistring's answers): never before ) ] } ! ? , . : ; / (LB13),
 * nor after ( [ { and blanks (LB14), nor between a quote, blanks and
 * ( [ { (LB15); else after the blanks (LB18).  Else libunistring decides,
 * over the word before the blanks to the character after @i: what the
 * rules about blanks look at. */
static bool narrow_break_at(const char *s, size_t n, size_t i, char *brk, size_t cap)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t k = i, w0, end;
	unsigned char before;

	while (k > 0 && s[k - 1] == ' ')
		k--;
	if (k == 0 || s[k - 1] == '\n')
		return false;       /* blanks at a line's start: no break */
	before = (unsigned char)s[k - 1];
	if (before < 0x80 && p[i] < 0x80) {
		/* (a switch, not strchr: this runs at every blank of a dump's
		 * --text; NUL is strchr's too, kept for the same answers) */
		switch (s[i]) {
		case ')': case ']': case '}': case '!': case '?': case ',': case '.': case ':': case ';': case '/':
		case '\0':
			return false;
		case '(': case '[': case '{':
			return before != '"' && before != '\'' && before != '(' && before != '[' && before != '{';
		default:
			return before != '(' && before != '[' && before != '{';
		}
	}
	w0 = k - 1;
	while (w0 > 0 && s[w0 - 1] != ' ' && s[w0 - 1] != '\n')
		w0--;
	end = i;
	for (int c = 0; c < 2 && end < n; c++) {    /* the character at @i and the next */
		end++;
		while (end < n && (p[end] & 0xC0) == 0x80)
			end++;
	}
	{
		char *b = end - w0 <= cap ? brk : xmalloc(end - w0);
		bool ok;

		u8_possible_linebreaks(p + w0, end - w0, "UTF-8", b);
		ok = b[i - w0] == UC_BREAK_POSSIBLE;
		if (b != brk)
			free(b);
		return ok;
	}
}

/* text_wrap for narrow text: a column a character, the breaks above.  The
 * --text of a dump is mostly wrapping, and libunistring's break table over
 * every paragraph and its width of every character were three quarters of
 * its time. */
static void wrap_narrow(struct str s, size_t plain, int width, void (*emit)(struct str line, void *ud), void *ud)
{
	const uint8_t *p = (const uint8_t *)s.p;
	char brk[256];
	size_t start = 0, i = 0, last = 0;
	int col = 0;

	while (i < s.n) {
		char ch = s.p[i];
		size_t len = 1;

		if (col + 1 < width) {
			/* printable ASCII as far as the line has room: a column a
			 * byte and no cut, so taken at once, the last break among
			 * them looked for from their end (the same as going
			 * through them; the next byte, if any, is seen below) */
			size_t room = MIN((size_t)(width - col), s.n - i);
			size_t r = i >= plain ? room : printable_run(p + i, room);

			if (r > 1) {
				for (size_t b = i + r; b-- > i;)
					if (b > start && s.p[b - 1] == ' ' && s.p[b] != ' ' &&
					    narrow_break_at(s.p, s.n, b, brk, sizeof(brk))) {
						last = b;
						break;
					}
				col += (int)r;
				i += r;
				continue;
			}
		}
		if (ch == '\n') {
			emit(rtrim(str_make(s.p + start, i - start)), ud);
			start = last = i + 1;
			col = 0;
			i++;
			continue;
		}
		if (p[i] >= 0x80)
			while (i + len < s.n && (p[i + len] & 0xC0) == 0x80)
				len++;
		if (i > start && s.p[i - 1] == ' ' && ch != ' ' && narrow_break_at(s.p, s.n, i, brk, sizeof(brk)))
			last = i;
		if (col + 1 > width && ch != ' ' && i > start) {
			i = cut_line(s, &start, &last, i, &col, emit, ud);
			continue;
		}
		col++;
		i += len;
	}
	if (start < s.n)
		emit(rtrim(str_make(s.p + start, s.n - start)), ud);
}

/* text_wrap of @s, whose shape is known (@narrow, from byte @plain on
 * printable ASCII). */
static void wrap_shaped(struct str s, bool narrow, size_t plain, int width,
			void (*emit)(struct str line, void *ud), void *ud)
{
	if (width < 1)
		width = 1;
	if (s.n && narrow)
		wrap_narrow(s, plain, width, emit, ud);
	else
		text_wrap_unicode(s, width, emit, ud);
}

void text_wrap(struct str s, int width, void (*emit)(struct str line, void *ud), void *ud)
{
	wrap_shaped(s, s.n && narrow_text(s), s.n, width, emit, ud);
}

void text_sanitize_wrap(struct str in, unsigned flags, int width, void (*emit)(struct str line, void *ud), void *ud)
{
	struct buf clean = { 0 };
	struct shape sh;

	sanitize(in, &clean, flags, &sh);
	wrap_shaped(buf_str(&clean), sh.narrow, sh.plain, width, emit, ud);
	buf_free(&clean);
}

void text_wrap_unicode(struct str s, int width, void (*emit)(struct str line, void *ud), void *ud)
{
	char small[512];
	char *brk;
	const uint8_t *p = (const uint8_t *)s.p;
	size_t start = 0, i = 0, last = 0;
	int col = 0;

	if (width < 1)
		width = 1;
	if (s.n == 0) {
		emit(s, ud);
		return;
	}
	brk = s.n <= sizeof(small) ? small : xmalloc(s.n);
	u8_possible_linebreaks(p, s.n, "UTF-8", brk);
	while (i < s.n) {
		ucs4_t uc;
		int len = u8_mbtoucr(&uc, p + i, s.n - i), w;

		if (len < 0) {
			len = 1;
			uc = 0xFFFD;
		}
		if (uc == '\n') {
			emit(rtrim(str_make(s.p + start, i - start)), ud);
			start = last = i + 1;
			col = 0;
			i++;
			continue;
		}
		/* a line breaks at a blank, never inside a word: not after the
		 * comma of "government,s" nor the hyphen of "pro-Western", which
		 * UAX #14 allows; text without blanks (CJK) at its wide letters */
		if (brk[i] == UC_BREAK_POSSIBLE && i > start && (s.p[i - 1] == ' ' || uc_cols(uc) == 2 || wide_before(p, i)))
			last = i;
		w = uc == ' ' ? 1 : uc_cols(uc);
		if (col + w > width && uc != ' ' && i > start) {
			i = cut_line(s, &start, &last, i, &col, emit, ud);
			continue;
		}
		col += w;
		i += (size_t)len;
	}
	if (start < s.n || s.n == 0)
		emit(rtrim(str_make(s.p + start, s.n - start)), ud);
	if (brk != small)
		free(brk);
}

size_t text_word_char(const char *s, size_t n)
{
	ucs4_t uc;
	int len;

	if (!n)
		return 0;
	if ((unsigned char)*s < 0x80)
		return ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') || (*s >= '0' && *s <= '9') ? 1 : 0;
	len = u8_mbtouc(&uc, (const uint8_t *)s, n);
	if (len <= 0 || uc == 0xFFFD)
		return 0;
	return uc_is_general_category(uc, UC_CATEGORY_L) || uc_is_general_category(uc, UC_CATEGORY_N) ? (size_t)len : 0;
}
