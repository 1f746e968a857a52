/* fuzz_cable.c -- the cable parser on any bytes, as a plain-text file would
 * bring them: decoded to UTF-8, parsed, written as JSON and as text.  The
 * JSON must hold no raw control character, the text none but newlines and
 * page breaks.  The list index's parse of the whole text gives the same
 * people and offices as the whole parse, but for who classified it (the
 * list reads the first paragraph's Classified By only when the body's
 * first block holds the word: a word broken across two lines, or a
 * heading before the paragraph, escapes it; check-real holds the real
 * cables to it); of its start and its end, values of the same form. */
#include "config.h"
#include "fuzz.h"

#include <string.h>

#include "base/buf.h"
#include "doc/cable.h"
#include "source/decode.h"
#include "doc/export.h"
#include "doc/people.h"
#include "parse/parse.h"

static void joined(struct str v, void *ud)
{
	struct buf *b = ud;

	FUZZ_ASSERT(v.n > 2 && v.p[1] == ':' && !memchr(v.p, '\0', v.n));
	if (v.p[0] == ROLE_CLASSIFIER)
		return;
	buf_add(b, v.p, v.n);
	buf_addc(b, '\n');
}

/* @s cut to at most @n bytes at a character's start: from its start
 * (@from_end false) or its end. */
static struct str cut(struct str s, size_t n, bool from_end)
{
	if (s.n <= n)
		return s;
	if (!from_end) {
		while (n > 0 && ((unsigned char)s.p[n] & 0xC0) == 0x80)
			n--;
		return str_make(s.p, n);
	}
	{
		size_t at = s.n - n;

		while (at < s.n && ((unsigned char)s.p[at] & 0xC0) == 0x80)
			at++;
		return str_make(s.p + at, s.n - at);
	}
}

/* The people of the list's parse against the whole parse's (in @whole). */
static void list_people(struct str text, const struct record_meta *meta, const struct buf *whole)
{
	struct cable l;
	struct buf got = { NULL, 0, 0 }, scratch = { NULL, 0, 0 };
	struct str head = cut(text, 3072, false);
	bool more;

	cable_init(&l);
	if (parse_cable_list(&l, head, head.n == text.n, meta, &more)) {
		if (head.n < text.n)
			parse_cable_tail(&l, cut(text, 2048, true), true);
		people_each(&l, &scratch, joined, &got);
		if (head.n == text.n)
			FUZZ_ASSERT(got.n == whole->n && (!got.n || memcmp(got.p, whole->p, got.n) == 0));
	}
	cable_free(&l);
	buf_free(&got);
	buf_free(&scratch);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str in = str_make((const char *)data, size), text;
	struct buf tmp = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	struct record_meta meta;
	struct cable c;
	const char *note;

	if (decode_text(in, &tmp, &text, &note) != DECODE_OK) {
		buf_free(&tmp);
		return 0;
	}
	memset(&meta, 0, sizeof(meta));
	meta.format = FORMAT_TEXT;
	meta.path = STR_LIT("fuzz.txt");
	meta.length = size;
	cable_init(&c);
	if (parse_cable(&c, text, &meta)) {
		struct buf people = { NULL, 0, 0 }, scratch = { NULL, 0, 0 };

		people_each(&c, &scratch, joined, &people);
		list_people(text, &meta, &people);
		buf_free(&people);
		buf_free(&scratch);
		export_json(&out, &c);
		FUZZ_ASSERT(out.n && out.p[out.n - 1] == '\n');
		FUZZ_ASSERT(fuzz_is_safe(str_make(out.p, out.n - 1), ""));
		buf_clear(&out);
		export_text(&out, &c, 20 + (size ? data[0] % 100 : 0));
		FUZZ_ASSERT(fuzz_is_safe(str_make(out.p, out.n), "\n\f"));
	}
	cable_free(&c);
	buf_free(&out);
	buf_free(&tmp);
	return 0;
}
