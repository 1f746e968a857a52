/* fuzz_cable.c -- the cable parser on any bytes, as a plain-text file would
 * bring them: decoded to UTF-8, parsed, written as JSON and as text.  The
 * JSON must hold no raw control character, the text none but newlines and
 * page breaks.  The list index's parse of the whole text gives the same
 * people and offices as the whole parse, but for who classified it (the
 * list reads the first paragraph's Classified By only when the body's
 * first block holds the word: a word broken across two lines, or a
 * heading before the paragraph, escapes it; check-real holds the real
 * cables to it); of its start and its end, values of the same form.  A
 * head cut short whose parse says it did not read the line the cut ends
 * (parse_cable_list_cut) gives the list the same entry as the same head
 * cut later, and one whose parse read it only in the paragraphs read for
 * a Classified By, the same but for who classified it and the level; an end whose parse did not read the line its cut falls in
 * (parse_cable_tail_cut), the same signer as a longer end, when what lies
 * between is ASCII without a '/' (as the list asks). */
#include "config.h"
#include "fuzz.h"

#include <stdio.h>
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

static void field_to(struct buf *b, struct str s)
{
	buf_add(b, s.p, s.n);
	buf_addc(b, '|');
}

static void person_to(struct str v, void *ud)
{
	field_to(ud, v);
}

static void person_but_classifier(struct str v, void *ud)
{
	if (v.p[0] != ROLE_CLASSIFIER)
		field_to(ud, v);
}

/* What the list keeps of @c, written out; without @all, but for who
 * classified it and the level (what a Classified By in the first
 * paragraph, and the paragraphs of a text with no classification line,
 * give). */
static void list_entry(const struct cable *c, struct buf *b, bool all)
{
	struct buf scratch = { NULL, 0, 0 };
	char nums[64];

	snprintf(nums, sizeof(nums), "%d %d %d %u|", all ? (int)c->marking.level : 0, (int)c->marking.caveats,
		 (int)c->format, c->part);
	buf_adds(b, nums);
	field_to(b, str_c(c->id));
	field_to(b, str_c(c->date));
	field_to(b, c->subject.text);
	field_to(b, c->origin.text);
	field_to(b, c->origin_name.text);
	for (size_t i = 0; i < c->ntags; i++)
		field_to(b, c->tags[i].text);
	for (size_t i = 0; i < c->nrefs; i++)
		field_to(b, c->refs[i].id);
	people_each(c, &scratch, all ? person_to : person_but_classifier, b);
	buf_free(&scratch);
}

/* A head cut at @k, whose parse did not read where the cut fell, against
 * the same head cut at @later. */
static void list_cut(struct str text, const struct record_meta *meta, size_t k, size_t later)
{
	struct cable a, b;
	struct buf ea = { NULL, 0, 0 }, eb = { NULL, 0, 0 };
	struct record_meta m = *meta;
	bool more, seen, ok;

	/* a record's id, as a dump gives it: without one the parse looks for
	 * a footer from the text's end */
	m.id = STR_LIT("09ROME1234");
	cable_init(&a);
	cable_init(&b);
	ok = parse_cable_list_cut(&a, str_make(text.p, k), &m, &more, &seen, NULL);
	if (!seen && !more) {
		FUZZ_ASSERT(parse_cable_list(&b, str_make(text.p, later), false, &m, &more) == ok && !more);
		list_entry(&a, &ea, true);
		list_entry(&b, &eb, true);
		FUZZ_ASSERT(ea.n == eb.n && memcmp(ea.p, eb.p, ea.n) == 0);
	}
	{
		/* what the paragraphs read for a Classified By see, apart: the
		 * rest of the entry stands without them */
		bool head_seen, body_seen, more2;

		FUZZ_ASSERT(parse_cable_list_cut(&a, str_make(text.p, k), &m, &more2, &head_seen, &body_seen) == ok);
		FUZZ_ASSERT((head_seen || body_seen) == seen && more2 == more);
		if (!head_seen && !more) {
			parse_cable_list(&b, str_make(text.p, later), false, &m, &more2);
			buf_clear(&ea);
			buf_clear(&eb);
			list_entry(&a, &ea, false);
			list_entry(&b, &eb, false);
			FUZZ_ASSERT(ea.n == eb.n && memcmp(ea.p, eb.p, ea.n) == 0);
		}
	}
	cable_free(&a);
	cable_free(&b);
	buf_free(&ea);
	buf_free(&eb);
}

/* The signer of the last @k bytes of @text, whose parse did not read the
 * line the cut falls in, against the last @later bytes'. */
static void tail_cut(struct str text, const struct record_meta *meta, size_t k, size_t later)
{
	struct cable a, b;
	struct record_meta m = *meta;
	struct str head = cut(text, 3072, false), between;
	bool more, seen;

	/* the bytes between, and the short end's first 16 */
	if (later > text.n || k < 16 || k + 16 > later)
		return;
	between = str_make(text.p + text.n - later, later - k + 16);
	for (size_t i = 0; i < between.n; i++)
		if ((unsigned char)between.p[i] >= 0x80 || between.p[i] == '/')
			return;
	m.id = STR_LIT("09ROME1234");
	cable_init(&a);
	cable_init(&b);
	parse_cable_list(&a, head, false, &m, &more);
	parse_cable_list(&b, head, false, &m, &more);
	parse_cable_tail_cut(&a, str_make(text.p + text.n - k, k), true, &seen);
	parse_cable_tail(&b, str_make(text.p + text.n - later, later), true);
	if (!seen)
		FUZZ_ASSERT(a.signer.text.n == b.signer.text.n &&
			    (!a.signer.text.n || memcmp(a.signer.text.p, b.signer.text.p, a.signer.text.n) == 0));
	cable_free(&a);
	cable_free(&b);
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
		if (text.n > 1) {
			size_t k = 1 + (size ? data[size - 1] * 7919u : 0) % (text.n - 1);

			list_cut(text, &meta, k, text.n);
			/* an end of k bytes against one of up to 2 kB more */
			tail_cut(text, &meta, k, MIN(text.n, k + 16 + (size ? data[0] * 8u : 0)));
		}
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
