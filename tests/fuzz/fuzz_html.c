/* fuzz_html.c -- the WikiLeaks page reader on any bytes: the cable taken out
 * of the page, parsed and written as JSON; and the tag stripper alone. */
#include "config.h"
#include "fuzz.h"

#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "doc/cable.h"
#include "source/decode.h"
#include "doc/export.h"
#include "source/html.h"
#include "parse/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str in = str_make((const char *)data, size), page;
	struct buf tmp = { NULL, 0, 0 }, text = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	struct record_meta meta;
	struct arena a;
	const char *note, *err = NULL;

	if (decode_text(in, &tmp, &page, &note) != DECODE_OK) {
		buf_free(&tmp);
		return 0;
	}
	html_to_text(page, &out);
	buf_clear(&out);
	memset(&meta, 0, sizeof(meta));
	meta.format = FORMAT_HTML;
	meta.path = STR_LIT("fuzz.html");
	memset(&a, 0, sizeof(a));
	if (html_extract(page, &text, &meta, &a, &err)) {
		struct cable c;

		cable_init(&c);
		if (parse_cable(&c, buf_str(&text), &meta)) {
			export_json(&out, &c);
			FUZZ_ASSERT(fuzz_is_safe(str_make(out.p, out.n - 1), ""));
		}
		cable_free(&c);
	} else {
		FUZZ_ASSERT(err && *err);
	}
	arena_free(&a);
	buf_free(&out);
	buf_free(&text);
	buf_free(&tmp);
	return 0;
}
