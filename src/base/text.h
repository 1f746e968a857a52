/* text.h -- the only user of libunistring's width and line breaking: display
 * width, wrapping, and the sanitiser every piece of cable text passes
 * through before it reaches a terminal. */
#ifndef PILCROW_TEXT_H
#define PILCROW_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/str.h"

enum {
	SANITIZE_KEEP_NEWLINES = 1 << 0,  /* keep '\n' (else it becomes a space) */
};

/* Writes @in to @out as text safe for a terminal: C0/C1 controls, DEL and
 * escape sequences become visible placeholders (U+2400..), bidi overrides and
 * isolates are neutralised (U+FFFD), invalid UTF-8 becomes U+FFFD, a tab a
 * space.  Appends to @out. */
void text_sanitize(struct str in, struct buf *out, unsigned flags);

/* True for a character that must never reach a terminal or a JSON reader
 * raw: a C1 control, a line or paragraph separator, a bidi override or
 * isolate. */
bool text_unsafe_char(unsigned cp);

/* The bytes of the letter or digit (Unicode L or N) that starts @s, of @n
 * bytes, or 0: what makes a word for the matching rules and for the
 * full-text index's tokenizer. */
size_t text_word_char(const char *s, size_t n);

/* True when @s needs no sanitising (the common case, checked fast). */
bool text_is_clean(struct str s, unsigned flags);

/* Display width in terminal columns of sanitised @s. */
int text_width(struct str s);

/* Bytes of @s (sanitised) that fit in @cols columns; *used gets their width. */
size_t text_fit(struct str s, int cols, int *used);

/* Wraps sanitised @s to @width columns (by display width, at the line-break
 * opportunities Unicode allows; words longer than a line are cut).  '\n'
 * ends a line.  Calls @emit for each line, without trailing blanks.  A
 * character wider than @width (a CJK character when @width is 1) stands
 * alone on its line. */
void text_wrap(struct str s, int width, void (*emit)(struct str line, void *ud), void *ud);
/* text_sanitize, then text_wrap of what it wrote, with what the
 * sanitiser saw of it: the same lines, without reading the text again to
 * learn whether every character is one column wide. */
void text_sanitize_wrap(struct str in, unsigned flags, int width, void (*emit)(struct str line, void *ud), void *ud);
/* The same with libunistring's break opportunities whatever the text
 * (text_wrap takes a path of its own for printable ASCII). */
void text_wrap_unicode(struct str s, int width, void (*emit)(struct str line, void *ud), void *ud);

#endif
