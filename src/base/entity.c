/* entity.c -- character references and the common named entities decoded,
 * for the HTML pages and for fields that carry them from a page (a
 * subject, a title). */
#include "config.h"
#include "base/entity.h"

#include <stdio.h>
#include <string.h>
#include <unistr.h>

static const struct {
	const char *name;
	const char *text;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
	{ "nbsp", " " }, { "para", "\xC2\xB6" }, { "sect", "\xC2\xA7" }, { "mdash", "\xE2\x80\x94" },
	{ "ndash", "\xE2\x80\x93" }, { "rsquo", "\xE2\x80\x99" }, { "lsquo", "\xE2\x80\x98" },
	{ "ldquo", "\xE2\x80\x9C" }, { "rdquo", "\xE2\x80\x9D" }, { "hellip", "\xE2\x80\xA6" },
};

size_t entity_decode_at(struct str in, size_t i, struct buf *out)
{
	size_t j = i + 1;

	if (j < in.n && in.p[j] == '#') {
		unsigned long v = 0;
		bool hex = j + 1 < in.n && (in.p[j + 1] == 'x' || in.p[j + 1] == 'X');
		size_t k = j + 1 + hex, digits = 0;
		uint8_t enc[6];
		int n;

		for (; k < in.n && digits < 8; k++, digits++) {
			int ch = (unsigned char)in.p[k];

			if (is_digit(ch))
				v = v * (hex ? 16 : 10) + (unsigned long)(ch - '0');
			else if (hex && ch >= 'a' && ch <= 'f')
				v = v * 16 + (unsigned long)(ch - 'a' + 10);
			else if (hex && ch >= 'A' && ch <= 'F')
				v = v * 16 + (unsigned long)(ch - 'A' + 10);
			else
				break;
		}
		if (!digits || k >= in.n || in.p[k] != ';')
			return 0;
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		n = u8_uctomb(enc, (ucs4_t)v, sizeof(enc));
		if (n > 0)
			buf_add(out, enc, (size_t)n);
		return k + 1 - i;
	}
	for (size_t e = 0; e < sizeof(entities) / sizeof(entities[0]); e++) {
		size_t n = strlen(entities[e].name);

		if (i + 1 + n < in.n && memcmp(in.p + i + 1, entities[e].name, n) == 0 &&
		    in.p[i + 1 + n] == ';') {
			buf_adds(out, entities[e].text);
			return n + 2;
		}
	}
	return 0;
}

size_t entity_decode(struct str in, struct buf *out)
{
	size_t i = 0, n = 0;

	while (i < in.n) {
		const char *amp = memchr(in.p + i, '&', in.n - i);
		size_t used;

		if (!amp) {
			buf_add(out, in.p + i, in.n - i);
			break;
		}
		buf_add(out, in.p + i, (size_t)(amp - in.p) - i);
		i = (size_t)(amp - in.p);
		used = entity_decode_at(in, i, out);
		if (used) {
			n++;
			i += used;
		} else {
			buf_addc(out, '&');
			i++;
		}
	}
	return n;
}
