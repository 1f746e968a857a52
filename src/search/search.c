/* search.c -- PCRE2 for every search, after the matching rules (pattern.c) */
#include "config.h"
#include "search/search.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "search/pattern.h"
#include "base/util.h"

struct search {
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	size_t gave_up;          /* matches stopped by a limit */
	bool words;
	bool jit_tried;          /* compiled to machine code, when first used */
};

/* The bounds on one match, so that no pattern can freeze the reader: the
 * backtracking steps (which the compiled code counts too), in proportion
 * to the text (an honest pattern's work grows with the text, a runaway's
 * explodes), and the depth of nested backtracking (the interpreter's heap).
 * A runaway pattern such as (\w+\s?)+$x gives up on a cable in about
 * 2.5 ms on the real WikiLeaks pages (47 kB a page: make bench-regex), and
 * the reader says so; an honest one (\w+ing\b) needs a step or two a byte.
 * 50 steps a byte made it 61 ms a page. */
#define SEARCH_STEPS_PER_BYTE 10
#define SEARCH_MATCH_LIMIT_MIN 100000
#define SEARCH_MATCH_LIMIT_MAX 20000000
#define SEARCH_DEPTH_LIMIT 5000

static pcre2_code *compile(const char *pattern, char *err, size_t errsize)
{
	int code;
	PCRE2_SIZE at;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_CASELESS, &code, &at,
				       NULL);

	if (!re && err) {
		PCRE2_UCHAR msg[160];

		pcre2_get_error_message(code, msg, sizeof(msg));
		snprintf(err, errsize, "%s (at character %zu)", (const char *)msg, (size_t)at + 1);
	}
	return re;
}

static struct search *make(const char *pattern, bool words, bool ascii, char *err, size_t errsize)
{
	struct buf b = { 0 };
	struct search *s;
	pcre2_code *re;

	/* the pattern as written first, so that an error says where in it */
	if (!words) {
		re = compile(pattern, err, errsize);
		if (!re)
			return NULL;
		pcre2_code_free(re);
	}
	pattern_compile_for(pattern, words, ascii, &b);
	re = compile(b.p ? b.p : "", err, errsize);
	buf_free(&b);
	if (!re)
		return NULL;
	s = xcalloc(1, sizeof(*s));
	s->re = re;
	s->md = pcre2_match_data_create_from_pattern(re, NULL);
	s->mc = pcre2_match_context_create(NULL);
	s->words = words;
	if (!s->md || !s->mc)
		die("out of memory (PCRE2 match data)");
	pcre2_set_depth_limit(s->mc, SEARCH_DEPTH_LIMIT);
	return s;
}

struct search *search_new(const char *pattern, char *err, size_t errsize)
{
	return make(pattern, false, false, err, errsize);
}

struct search *search_new_words(const char *words, char *err, size_t errsize)
{
	return make(words, true, false, err, errsize);
}

struct search *search_new_words_ascii(const char *words, char *err, size_t errsize)
{
	return make(words, true, true, err, errsize);
}

void search_free(struct search *s)
{
	if (!s)
		return;
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mc);
	pcre2_code_free(s->re);
	free(s);
}

size_t search_gave_up(const struct search *s)
{
	return s ? s->gave_up : 0;
}

size_t search_all(const struct search *s, struct str text, size_t max,
		  void (*fn)(size_t start, size_t len, void *ud), void *ud)
{
	PCRE2_SIZE from = 0;
	size_t n = 0, limit = SEARCH_MATCH_LIMIT_MIN + SEARCH_STEPS_PER_BYTE * text.n;

	/* compiled to machine code where PCRE2 can (a filter runs the pattern
	 * over every record of the corpus), when first used: a term the text
	 * index answers never is, and 10,000 of them would hold 10,000 pieces
	 * of machine code.  The interpreter otherwise, and under 'make
	 * check-valgrind' (PILCROW_NO_JIT), because the compiled code reads a
	 * few bytes past the text on purpose, which memcheck cannot tell from
	 * a bug. */
	if (!s->jit_tried) {
		((struct search *)s)->jit_tried = true;   /* scratch, like its match data */
		if (!getenv("PILCROW_NO_JIT"))
			(void)pcre2_jit_compile(s->re, PCRE2_JIT_COMPLETE);
	}
	pcre2_set_match_limit(s->mc, (uint32_t)MIN(limit, (size_t)SEARCH_MATCH_LIMIT_MAX));
	while (from <= text.n && n < max) {
		int rc = pcre2_match(s->re, (PCRE2_SPTR)text.p, text.n, from, 0, s->md, s->mc);
		PCRE2_SIZE *ov;

		if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
		    rc == PCRE2_ERROR_JIT_STACKLIMIT)
			((struct search *)s)->gave_up++;   /* scratch of the search, like its match data */
		if (rc < 0)
			break;      /* no match, or a limit reached: no more in this text */
		ov = pcre2_get_ovector_pointer(s->md);
		if (ov[1] > ov[0]) {
			fn(ov[0], ov[1] - ov[0], ud);
			n++;
			from = ov[1];
		} else {
			/* an empty match: step over one character */
			from = ov[0] + 1;
			while (from < text.n && ((unsigned char)text.p[from] & 0xC0) == 0x80)
				from++;
		}
	}
	return n;
}
