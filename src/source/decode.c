/* decode.c -- bytes of unknown encoding -> valid UTF-8 */
#include "config.h"
#include "source/decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uniconv.h>
#include <unistr.h>

bool decode_is_utf16(struct str in)
{
	return in.n >= 2 && (((unsigned char)in.p[0] == 0xFF && (unsigned char)in.p[1] == 0xFE) ||
			     ((unsigned char)in.p[0] == 0xFE && (unsigned char)in.p[1] == 0xFF));
}

bool decode_is_binary(struct str in)
{
	size_t n = MIN(in.n, (size_t)65536), bad = 0, nul = 0;

	if (decode_is_utf16(in))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)in.p[i];

		if (ch == 0)
			nul++;
		else if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f' &&
			 ch != '\v' && ch != 0x1B)
			bad++;
	}
	/* a few stray controls are hostile text (even in a short cable); many
	 * are a binary file */
	return n && ((nul > 8 && nul * 64 > n) || (nul + bad > 8 && (nul + bad) * 16 > n));
}

/* Offset of the first byte that is not ASCII, or in.n.  Checked eight bytes
 * at a time: this runs over every record of a 1.9 GB dump. */
static size_t ascii_prefix(struct str in)
{
	size_t i = 0;

	/* 32 bytes a step, then 8: a record's text is read whole here */
	for (; i + 32 <= in.n; i += 32) {
		uint64_t w[4];

		memcpy(w, in.p + i, 32);
		if ((w[0] | w[1] | w[2] | w[3]) & UINT64_C(0x8080808080808080))
			break;
	}
	for (; i + 8 <= in.n; i += 8) {
		uint64_t w;

		memcpy(&w, in.p + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
	}
	while (i < in.n && !((unsigned char)in.p[i] & 0x80))
		i++;
	return i;
}

bool decode_is_ascii(struct str in)
{
	return ascii_prefix(in) == in.n;
}

/* Counts well-formed multi-byte UTF-8 sequences and invalid bytes. */
static void utf8_census(struct str in, size_t from, size_t *good, size_t *bad)
{
	const uint8_t *p = (const uint8_t *)in.p + from, *end = (const uint8_t *)in.p + in.n;

	*good = *bad = 0;
	while (p < end) {
		ucs4_t uc;
		int len;

		if (*p < 0x80) {
			p++;
			continue;
		}
		len = u8_mbtoucr(&uc, p, (size_t)(end - p));
		if (len < 0) {
			(*bad)++;
			p++;
		} else {
			(*good)++;
			p += len;
		}
	}
}

/* UTF-8 with stray invalid bytes: each becomes U+FFFD. */
static void repair_utf8(struct str in, struct buf *out)
{
	const uint8_t *p = (const uint8_t *)in.p, *end = p + in.n;

	buf_clear(out);
	buf_reserve(out, in.n + in.n / 8 + 16);
	while (p < end) {
		ucs4_t uc;
		int len = *p < 0x80 ? 1 : u8_mbtoucr(&uc, p, (size_t)(end - p));

		if (len < 0) {
			buf_add(out, "\xEF\xBF\xBD", 3);
			p++;
		} else {
			buf_add(out, p, (size_t)len);
			p += len;
		}
	}
}

/* The CP1252 characters at 0x80..0x9F; 0 where CP1252 has none (kept as
 * the Latin-1 C1 control, which the output escapes). */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static void from_cp1252(struct str in, struct buf *out)
{
	size_t len = 0;
	uint8_t *r;

	/* libunistring (through iconv) does the conversion; a table is the
	 * fallback when iconv lacks CP1252 */
	r = u8_conv_from_encoding("CP1252", iconveh_question_mark, in.p, in.n, NULL, NULL, &len);
	buf_clear(out);
	if (r) {
		buf_add(out, r, len);
		free(r);
		return;
	}
	for (size_t i = 0; i < in.n; i++) {
		unsigned char ch = (unsigned char)in.p[i];
		uint8_t enc[6];
		ucs4_t uc = ch;
		int n;

		if (ch >= 0x80 && ch < 0xA0 && cp1252_high[ch - 0x80])
			uc = cp1252_high[ch - 0x80];
		n = u8_uctomb(enc, uc, sizeof(enc));
		if (n > 0)
			buf_add(out, enc, (size_t)n);
	}
}

static void from_utf16(struct str in, struct buf *out, bool big_endian)
{
	size_t len = 0, units = (in.n - 2) / 2;
	uint16_t *u = malloc(units ? units * sizeof(uint16_t) : 1);
	uint8_t *r;

	buf_clear(out);
	if (!u)
		return;
	for (size_t i = 0; i < units; i++) {
		unsigned char a = (unsigned char)in.p[2 + 2 * i], b = (unsigned char)in.p[3 + 2 * i];

		u[i] = big_endian ? (uint16_t)(a << 8 | b) : (uint16_t)(b << 8 | a);
		/* lone surrogates would make the conversion fail: replace them */
		if (u[i] >= 0xD800 && u[i] <= 0xDFFF) {
			bool pair = u[i] <= 0xDBFF && i + 1 < units;

			if (pair) {
				unsigned char c2 = (unsigned char)in.p[4 + 2 * i], d2 = (unsigned char)in.p[5 + 2 * i];
				uint16_t nx = big_endian ? (uint16_t)(c2 << 8 | d2) : (uint16_t)(d2 << 8 | c2);

				pair = nx >= 0xDC00 && nx <= 0xDFFF;
				if (pair) {
					u[i + 1] = nx;
					i++;
					continue;
				}
			}
			u[i] = 0xFFFD;
		}
	}
	r = u16_to_u8(u, units, NULL, &len);
	if (r) {
		buf_add(out, r, len);
		free(r);
	}
	free(u);
}

enum decode_result decode_text(struct str in, struct buf *tmp, struct str *out, const char **note)
{
	if (note)
		*note = NULL;
	if (decode_is_utf16(in)) {
		bool be = (unsigned char)in.p[0] == 0xFE;

		from_utf16(in, tmp, be);
		*out = buf_str(tmp);
		if (note)
			*note = be ? "converted from UTF-16 (big-endian)" : "converted from UTF-16 (little-endian)";
		return DECODE_OK;
	}
	if (decode_is_binary(in))
		return DECODE_BINARY;
	return decode_utf8(in, tmp, out, note);
}

enum decode_result decode_utf8(struct str in, struct buf *tmp, struct str *out, const char **note)
{
	size_t from, good, bad;

	if (note)
		*note = NULL;
	if (in.n >= 3 && memcmp(in.p, "\xEF\xBB\xBF", 3) == 0)
		in = str_make(in.p + 3, in.n - 3);
	from = ascii_prefix(in);
	if (from == in.n || !u8_check((const uint8_t *)in.p + from, in.n - from)) {
		*out = in;
		return DECODE_OK;
	}
	utf8_census(in, from, &good, &bad);
	if (good > bad) {
		repair_utf8(in, tmp);
		*out = buf_str(tmp);
		if (note)
			*note = "invalid UTF-8 bytes shown as U+FFFD";
		return DECODE_OK;
	}
	from_cp1252(in, tmp);
	*out = buf_str(tmp);
	if (note)
		*note = "converted from Latin-1/CP1252";
	return DECODE_OK;
}

/* The first CR of a run that no LF follows, or NULL: memchr, as the
 * CRLF of most files is passed over fast. */
static const char *lone_cr(struct str s)
{
	const char *p = s.p, *end = s.p + s.n;

	while (p < end && (p = memchr(p, '\r', (size_t)(end - p)))) {
		const char *q = p;

		while (q < end && *q == '\r')
			q++;
		if (q == end || *q != '\n')
			return p;
		p = q + 1;
	}
	return NULL;
}

bool decode_line_ends(struct str *text, struct buf *tmp)
{
	const char *first = lone_cr(*text);
	size_t at;
	char *p, *end;

	if (!first)
		return false;
	at = (size_t)(first - text->p);
	if (text->p != tmp->p) {
		buf_clear(tmp);
		buf_add(tmp, text->p, text->n);
	}
	p = tmp->p + at;
	end = tmp->p + text->n;
	while (p < end) {
		char *q = p;

		if (*p != '\r') {
			p++;
			continue;
		}
		while (q < end && *q == '\r')
			q++;
		if (q == end || *q != '\n')
			memset(p, '\n', (size_t)(q - p));
		p = q;
	}
	*text = str_make(tmp->p, text->n);
	return true;
}
