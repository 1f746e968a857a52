/* fuzz_cable.c -- the cable parser on any bytes, as a plain-text file would
 * bring them: decoded to UTF-8, parsed, written as JSON and as text.  The
 * JSON must hold no raw control character, the text none but newlines and
 * page breaks. */
#include "config.h"
#include "fuzz.h"

#include <string.h>

#include "base/buf.h"
#include "doc/cable.h"
#include "source/decode.h"
#include "doc/export.h"
#include "parse/parse.h"

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
