/* str.h -- counted strings (text from cables may hold NUL bytes) */
#ifndef PILCROW_STR_H
#define PILCROW_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A byte string that is not necessarily NUL-terminated. */
struct str {
	const char *p;
	size_t n;
};

#define STR_NULL ((struct str){ NULL, 0 })
#define STR_LIT(s) ((struct str){ (s), sizeof(s) - 1 })
/* The same as an initializer, for tables of words with their lengths. */
#define STR_INIT(s) { (s), sizeof(s) - 1 }

static inline struct str str_make(const char *p, size_t n)
{
	return (struct str){ p, n };
}

static inline struct str str_c(const char *s)
{
	return (struct str){ s, s ? strlen(s) : 0 };
}

/* @n less an incomplete UTF-8 character at the end of @p, as a buffer
 * filled to its limit may leave. */
static inline size_t utf8_drop_partial(const char *p, size_t n)
{
	for (size_t back = 1; back <= 4 && back <= n; back++) {
		unsigned char c = (unsigned char)p[n - back];

		if ((c & 0xC0) == 0x80)
			continue;       /* a continuation byte: look further back */
		if (c < 0xC0)
			return n;       /* ASCII */
		size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

		return back < want ? n - back : n;
	}
	return n;
}

/* True when @s has no bytes (or was never set). */
static inline bool str_empty(struct str s)
{
	return s.n == 0;
}

static inline bool str_eq(struct str a, struct str b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

static inline bool str_eq_c(struct str a, const char *b)
{
	return str_eq(a, str_c(b));
}

/* @s into @dst, a C string of at most @cap - 1 bytes (cut there, as
 * snprintf's "%.*s" cuts; a NUL in @s ends the string there too): the
 * copy that runs for every record of a dump, where snprintf costs more
 * than the rest of the line. */
static inline void str_cpy(char *dst, size_t cap, struct str s)
{
	size_t n = s.n < cap ? s.n : cap - 1;

	if (n)
		memcpy(dst, s.p, n);
	dst[n] = '\0';
}

static inline bool is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static inline bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline bool is_alpha(int c)
{
	return is_upper(c) || is_lower(c);
}

static inline int to_upper(int c)
{
	return is_lower(c) ? c - 'a' + 'A' : c;
}

/* A set of letters, either case: LETTER('T') | LETTER('S'), for
 * letter_in().  The recognisers' first tests ("can this line start a
 * label?") run on every line the list reads: a mask, not a strchr() call. */
#define LETTER(ch) (UINT32_C(1) << ((ch) - 'A'))

static inline bool letter_in(int c, uint32_t set)
{
	return is_alpha(c) && ((set >> (to_upper(c) - 'A')) & 1);
}

/* Takes the next blank-separated word of *rest into *word; false at the end. */
bool str_next_word(struct str *rest, struct str *word);

/* Returns @s without leading and trailing white space. */
struct str str_trim(struct str s);

/* ASCII case-insensitive comparisons. */
bool str_ieq(struct str a, const char *b);
bool str_istarts(struct str s, const char *prefix);
bool str_iends(struct str s, const char *suffix);

/* Is @a one letter from @b: one changed, added or left out?  @a is
 * compared upper-cased, @b as it is (in capitals). */
bool str_one_edit(struct str a, const char *b);

/* How many ASCII lower-case letters @s holds, counted up to @enough. */
size_t str_count_lower(struct str s, size_t enough);

static inline bool str_has_lower(struct str s)
{
	return str_count_lower(s, 1) > 0;
}

/* Is @s one of the @n @words (ASCII case-insensitive)?  STR_IEQ_ANY counts
 * an array's words itself. */
bool str_ieq_any(struct str s, const char *const *words, size_t n);
#define STR_IEQ_ANY(s, words) str_ieq_any((s), (words), sizeof(words) / sizeof((words)[0]))

/* Returns the offset of @needle in @s (ASCII case-insensitive), or -1. */
long str_ifind(struct str s, const char *needle);

/* Returns the offset of @needle in @s, or -1. */
long str_find(struct str s, const char *needle);

#endif
