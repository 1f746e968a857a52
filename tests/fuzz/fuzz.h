/* fuzz.h -- what the fuzz targets share: the libFuzzer entry point, and the
 * checks that turn a quiet misbehaviour into a finding. */
#ifndef PILCROW_FUZZ_H
#define PILCROW_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "base/str.h"
#include "base/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run, which libFuzzer then reports as a finding. */
#define FUZZ_ASSERT(cond)                                                              \
	do {                                                                           \
		if (!(cond)) {                                                         \
			fprintf(stderr, "%s:%d: %s does not hold\n", __FILE__, __LINE__, #cond); \
			abort();                                                       \
		}                                                                      \
	} while (0)

/* True when @s is valid UTF-8 with no C0 control but those in @allowed
 * (a string of them), no DEL, no C1 control, and no bidi override or
 * isolate: what may reach a terminal or a JSON consumer. */
static inline int fuzz_is_safe(struct str s, const char *allowed)
{
	const uint8_t *p = (const uint8_t *)s.p, *end = p + s.n;

	while (p < end) {
		ucs4_t cp;
		int len = u8_mbtoucr(&cp, p, (size_t)(end - p));

		if (len < 0)
			return 0;
		if ((cp < 0x20 || cp == 0x7f) && !(cp && strchr(allowed, (int)cp)))
			return 0;
		if (text_unsafe_char(cp))
			return 0;
		p += len;
	}
	return 1;
}

#endif
