/* testlib.h -- helpers shared by the unit tests */
#ifndef PILCROW_TESTLIB_H
#define PILCROW_TESTLIB_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/cable.h"
#include "parse/parse.h"

/* Asserts that counted string @s equals C string @want. */
#define assert_str(s, want) assert_str_impl((s), (want), __FILE__, __LINE__)

static inline void assert_str_impl(struct str s, const char *want, const char *file, int line)
{
	if (!str_eq_c(s, want)) {
		print_error("%s:%d: got \"%.*s\", want \"%s\"\n", file, line, (int)s.n, s.p ? s.p : "",
			       want);
		_fail(file, line);
	}
}

/* cmocka setup and teardown for the tests that parse into one cable. */
static inline int cable_setup(void **state)
{
	struct cable *c = malloc(sizeof(*c));

	if (!c)
		return -1;
	cable_init(c);
	*state = c;
	return 0;
}

static inline int cable_teardown(void **state)
{
	cable_free(*state);
	free(*state);
	return 0;
}

/* Parses @text as a plain-text cable into @c. */
static inline bool parse_text(struct cable *c, const char *text)
{
	struct record_meta m;

	memset(&m, 0, sizeof(m));
	m.format = FORMAT_TEXT;
	m.path = STR_LIT("snippet");
	return parse_cable(c, str_c(text), &m);
}

/* True when some warning of @c contains @part. */
static inline bool has_warning(const struct cable *c, const char *part)
{
	for (size_t i = 0; i < c->nwarnings; i++)
		if (str_find(c->warnings[i], part) >= 0)
			return true;
	return false;
}

#endif
