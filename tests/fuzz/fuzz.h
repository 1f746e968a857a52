/* fuzz.h -- what the fuzz targets share: the libFuzzer entry point, and the
 * checks that turn a quiet misbehaviour into a finding. */
#ifndef PILCROW_FUZZ_H
#define PILCROW_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "str.h"

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
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;

	while (p < end) {
		size_t len = utf8_valid_len(p, (size_t)(end - p));
		unsigned cp;

		if (!len)
			return 0;
		if (len == 1 && (*p < 0x20 || *p == 0x7f) && !(*p && strchr(allowed, *p)))
			return 0;
		cp = len == 2 ? (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu)
		   : len == 3 ? (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu) : 0;
		if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
			return 0;
		p += len;
	}
	return 1;
}

#endif
