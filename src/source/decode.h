/* decode.h -- bytes of unknown encoding -> valid UTF-8 */
#ifndef PILCROW_DECODE_H
#define PILCROW_DECODE_H

#include <stdbool.h>
#include "base/buf.h"
#include "base/str.h"

enum decode_result {
	DECODE_OK,        /* *out is valid UTF-8 */
	DECODE_BINARY,    /* not text at all */
};

/* Makes @in valid UTF-8.  When it already is, *out points at @in (no copy);
 * otherwise the converted text is written to @tmp and *out points there.
 * UTF-8 and UTF-16 byte-order marks are honoured; Latin-1/CP1252 is detected;
 * stray invalid bytes in UTF-8 become U+FFFD.  *note (may be NULL) says what
 * was done, for the cable's warnings. */
enum decode_result decode_text(struct str in, struct buf *tmp, struct str *out, const char **note);

/* decode_text() without the binary test, for the records of a file that
 * passed it (it runs on every record of a 1.9 GB dump). */
enum decode_result decode_utf8(struct str in, struct buf *tmp, struct str *out, const char **note);

/* Line ends written as CR alone (old Mac files, or a stray one) made LF,
 * so that CR, LF and CRLF read alike: a run of CRs before an LF is part of
 * that line end, any other run is as many line ends.  The length stays the
 * same (offsets into the file hold).  When @text points at @tmp it is
 * changed there, otherwise copied into @tmp first.  False when there was
 * nothing to change. */
bool decode_line_ends(struct str *text, struct buf *tmp);

/* True when @in looks like binary data rather than text. */
bool decode_is_binary(struct str in);

/* True when every byte of @in is ASCII. */
bool decode_is_ascii(struct str in);

/* True when @in starts with a UTF-16 byte-order mark. */
bool decode_is_utf16(struct str in);

#endif
