/* json.c -- JSON string literals: every control character, line
 * separator and bidi control escaped, invalid UTF-8 replaced; the one
 * writer of JSON strings (--json, --stats, --grep, the exports). */
#include "config.h"
#include "base/json.h"

#include <inttypes.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>

#include "base/text.h"

/* 1: the byte needs escaping or a closer look (every byte from 0x80: the
 * UTF-8 is checked, and C1 controls, line separators and bidi controls
 * escaped). */
static const unsigned char json_special[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
	[0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
	[0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
	['"'] = 1, ['\\'] = 1, [0x7F ... 0xFF] = 1,
};

static void json_u(struct buf *out, unsigned v)
{
	static const char hex[] = "0123456789abcdef";
	char e[6] = { '\\', 'u', hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15], hex[v & 15] };

	buf_add(out, e, 6);
}

void json_string(struct buf *out, struct str s)
{
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;

	buf_reserve(out, s.n + 2);
	buf_addc(out, '"');
	while (p < end) {
		const unsigned char *run = p;

		/* eight bytes at a time while none is a control, '"', '\\' or
		 * >= 0x7F (SWAR: the text of a 1.9 GB dump passes through here) */
		while (end - p >= 8) {
			uint64_t w, ctl, quo, bsl;

			memcpy(&w, p, 8);
			ctl = (w - UINT64_C(0x2020202020202020)) & ~w;
			quo = (w ^ UINT64_C(0x2222222222222222));
			quo = (quo - UINT64_C(0x0101010101010101)) & ~quo;
			bsl = (w ^ UINT64_C(0x5C5C5C5C5C5C5C5C));
			bsl = (bsl - UINT64_C(0x0101010101010101)) & ~bsl;
			if ((ctl | quo | bsl | w | (w + UINT64_C(0x0101010101010101))) &
			    UINT64_C(0x8080808080808080))
				break;
			p += 8;
		}
		while (p < end && !json_special[*p])
			p++;
		if (p > run)
			buf_add(out, run, (size_t)(p - run));
		if (p >= end)
			break;
		if (*p >= 0x80) {
			/* a UTF-8 sequence: copied when valid, U+FFFD when not (a
			 * field cut short by a limit, bytes that came through raw) */
			ucs4_t cp;
			int len = u8_mbtoucr(&cp, p, (size_t)(end - p));

			if (len < 0) {
				buf_add(out, "\xEF\xBF\xBD", 3);
				p++;
			} else {
				if (text_unsafe_char(cp))
					json_u(out, cp);    /* C1 controls, line separators, bidi controls */
				else
					buf_add(out, p, (size_t)len);
				p += len;
			}
			continue;
		}
		switch (*p) {
		case '"': buf_add(out, "\\\"", 2); p++; continue;
		case '\\': buf_add(out, "\\\\", 2); p++; continue;
		case '\n': buf_add(out, "\\n", 2); p++; continue;
		case '\t': buf_add(out, "\\t", 2); p++; continue;
		case '\r': buf_add(out, "\\r", 2); p++; continue;
		default: json_u(out, *p++); continue;   /* other C0 controls, DEL */
		}
	}
	buf_addc(out, '"');
}
