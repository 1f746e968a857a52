/* text.c -- display width, wrapping and sanitising */
#include "config.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

/* Characters that would let text reorder or hide what follows it. */
static bool is_bidi_control(ucs4_t uc)
{
	return (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069);
}

static bool unsafe_uc(ucs4_t uc)
{
	return (uc >= 0x80 && uc < 0xA0) || is_bidi_control(uc) || uc == 0x2028 || uc == 0x2029;
}

bool text_is_clean(struct str s, unsigned flags)
{
	const uint8_t *p = (const uint8_t *)s.p, *end = p + s.n;

	while (p < end) {
		ucs4_t uc;
		int len;

		if (*p < 0x80) {
			if ((*p < 0x20 && !(*p == '\n' && (flags & SANITIZE_KEEP_NEWLINES))) || *p == 0x7F)
				return false;
			p++;
			continue;
		}
		len = u8_mbtoucr(&uc, p, (size_t)(end - p));
		if (len < 0 || unsafe_uc(uc))
			return false;
		p += len;
	}
	return true;
}

void text_sanitize(struct str in, struct buf *out, unsigned flags)
{
	const uint8_t *p = (const uint8_t *)in.p, *end = p + in.n;

	buf_reserve(out, in.n + 16);
	while (p < end) {
		ucs4_t uc;
		int len;
		const uint8_t *run = p;

		/* copy the plain run in one go */
		while (p < end && *p >= 0x20 && *p < 0x7F)
			p++;
		if (p > run)
			buf_add(out, run, (size_t)(p - run));
		if (p >= end)
			break;
		if (*p < 0x80) {
			if (*p == '\n' && (flags & SANITIZE_KEEP_NEWLINES)) {
				buf_addc(out, '\n');
			} else if (*p == '\t' || *p == '\n' || *p == '\r') {
				buf_addc(out, ' ');
			} else {
				/* U+2400 + c: the control pictures; DEL is U+2421 */
				uint8_t pic[3] = { 0xE2, 0x90, (uint8_t)(0x80 + (*p == 0x7F ? 0x21 : *p)) };

				buf_add(out, pic, 3);
			}
			p++;
			continue;
		}
		len = u8_mbtoucr(&uc, p, (size_t)(end - p));
		if (len < 0) {
			buf_add(out, "\xEF\xBF\xBD", 3);
			p++;
			continue;
		}
		if (uc == 0x2028 || uc == 0x2029)
			buf_addc(out, (flags & SANITIZE_KEEP_NEWLINES) ? '\n' : ' ');
		else if (unsafe_uc(uc))
			buf_add(out, "\xEF\xBF\xBD", 3);
		else
			buf_add(out, p, (size_t)len);
		p += len;
	}
}

/* Width of one character; zero-width and combining marks take 0 columns. */
static int uc_cols(ucs4_t uc)
{
	int w = uc_width(uc, "UTF-8");

	return w < 0 ? 1 : w;
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

/* Emits @line, cut into pieces of at most @width columns when it is wider. */
static void emit_cut(struct str line, int width, void (*emit)(struct str, void *), void *ud)
{
	bool cut = false;

	line = rtrim(line);
	while (text_width(line) > width) {
		cut = true;
		size_t k = text_fit(line, width, NULL);

		if (k == 0) {
			/* a character wider than the line: give it a line of its own */
			ucs4_t uc;
			int len = u8_mbtoucr(&uc, (const uint8_t *)line.p, line.n);

			k = len > 0 ? (size_t)len : 1;
		}
		emit(str_make(line.p, k), ud);
		line = str_make(line.p + k, line.n - k);
		while (line.n && line.p[0] == ' ') {
			line.p++;
			line.n--;
		}
	}
	if (line.n || !cut)
		emit(line, ud);
}

void text_wrap(struct str s, int width, void (*emit)(struct str line, void *ud), void *ud)
{
	char small[512];
	char *brk;
	size_t start = 0;

	if (width < 1)
		width = 1;
	if (s.n == 0) {
		emit(s, ud);
		return;
	}
	brk = s.n <= sizeof(small) ? small : xmalloc(s.n);
	/* libunistring counts the blank that ends a line; the blank is dropped
	 * when the line is emitted, so it may take the column after the last */
	u8_width_linebreaks((const uint8_t *)s.p, s.n, width + 1, 0, 0, NULL, "UTF-8", brk);
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] == '\n') {
			emit_cut(str_make(s.p + start, i - start), width, emit, ud);
			start = i + 1;
		} else if (brk[i] == UC_BREAK_POSSIBLE && i > start) {
			emit_cut(str_make(s.p + start, i - start), width, emit, ud);
			start = i;
		}
	}
	emit_cut(str_make(s.p + start, s.n - start), width, emit, ud);
	if (brk != small)
		free(brk);
}
