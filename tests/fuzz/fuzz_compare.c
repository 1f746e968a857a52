/* fuzz_compare.c -- two texts of one cable compared (doc/compare.h) on any
 * bytes: the input cut in two where its first byte says, each part parsed
 * as a plain-text cable, then compared both ways and each with itself.  A
 * text against itself has the same words and no hunk that is not alike;
 * the redaction runs added less those lifted are always the second's runs
 * less the first's; every edit covers the words of its hunk's blocks in
 * order; what --diff writes holds no control character but newlines. */
#include "config.h"
#include "fuzz.h"

#include "base/buf.h"
#include "doc/cable.h"
#include "doc/compare.h"
#include "parse/parse.h"
#include "source/decode.h"

static void check_pair(const struct cable *a, const struct cable *b, bool same)
{
	struct compare cmp;
	struct buf out = { NULL, 0, 0 };
	size_t wa = 0, wb = 0;

	compare_cables(&cmp, a, b);
	FUZZ_ASSERT(cmp.added + cmp.a.runs == cmp.lifted + cmp.b.runs);
	if (same) {
		FUZZ_ASSERT(cmp.same_words);
		FUZZ_ASSERT(cmp.added == 0 && cmp.lifted == 0 && cmp.quotes == 0);
		for (size_t i = 0; i < cmp.nh; i++)
			FUZZ_ASSERT(cmp.h[i].kind == CMP_SAME);
	}
	/* the edits walk both texts' words once, in order */
	for (size_t i = 0; i < cmp.nh; i++)
		for (size_t k = cmp.h[i].e0; k < cmp.h[i].e1; k++) {
			const struct cmp_edit *e = &cmp.e[k];

			if (e->op != OP_INS) {
				FUZZ_ASSERT(e->a0 == wa && e->a1 >= e->a0);
				wa = e->a1;
			}
			if (e->op != OP_DEL) {
				FUZZ_ASSERT(e->b0 == wb && e->b1 >= e->b0);
				wb = e->b1;
			}
			if (e->op == OP_SAME)
				FUZZ_ASSERT(e->a1 - e->a0 == e->b1 - e->b0);
		}
	FUZZ_ASSERT(wa == cmp.a.nt && wb == cmp.b.nt);
	compare_summary(&cmp, &out, "a", "b");
	buf_addc(&out, '\n');
	compare_write(&cmp, &out, true);
	FUZZ_ASSERT(fuzz_is_safe(str_make(out.p, out.n), "\n"));
	buf_free(&out);
	compare_free(&cmp);
}

static bool parsed(struct cable *c, struct str in, struct buf *tmp)
{
	struct record_meta meta;
	struct str text;
	const char *note;

	cable_init(c);
	if (decode_text(in, tmp, &text, &note) != DECODE_OK)
		return false;
	memset(&meta, 0, sizeof(meta));
	meta.format = FORMAT_TEXT;
	meta.path = STR_LIT("fuzz.txt");
	meta.length = in.n;
	return parse_cable(c, text, &meta);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf ta = { NULL, 0, 0 }, tb = { NULL, 0, 0 };
	struct cable a, b;
	size_t cut;
	bool oka, okb;

	if (!size)
		return 0;
	cut = 1 + (size - 1) * data[0] / 256;
	oka = parsed(&a, str_make((const char *)data + 1, cut - 1), &ta);
	okb = parsed(&b, str_make((const char *)data + cut, size - cut), &tb);
	if (oka)
		check_pair(&a, &a, true);
	if (oka && okb) {
		check_pair(&a, &b, false);
		check_pair(&b, &a, false);
	}
	cable_free(&a);
	cable_free(&b);
	buf_free(&ta);
	buf_free(&tb);
	return 0;
}
