/* parse_header.h -- what the header machine (parse_header.c) and the
 * fields' values and line shapes (parse_fields.c) share. */
#ifndef PILCROW_PARSE_HEADER_H
#define PILCROW_PARSE_HEADER_H

#include "parse/parse_lines.h"

/* Sets @f to @s; when @s is a joined copy, the span is the whole field's. */
void set_field(struct parser *p, struct field *f, struct str s);

/* The declassification part: "DECL: 10/06/2014", "N/A", "OADR", "X1". */
void parse_decl(struct parser *p, struct str v);

/* "12958: DECL: 10/06/2014", "12958 DECL: 02/22/2011", "12958: N/A". */
void parse_eo(struct parser *p, struct str v);

/* A caption line (each of "SIPDIS SIPDIS" its own). */
void add_caption(struct parser *p, struct str s);

/* A caption word alone, or one of the caption lines written together. */
bool is_caption_word(struct str s);

/* SUBJECT, tidied by subject_tidy(); the repairs said. */
void parse_subject(struct parser *p, struct str v);

/* A line cut in the middle of a word at a fixed width, the rest of the
 * word starting @next. */
bool broken_word(const struct parser *p, struct str prev, struct str next);

/* A line that can go on with a TAGS list: capitals, digits, separators. */
bool tag_like(struct str s);

/* Three lower-case letters or more. */
bool mostly_lower(struct str s);

/* A portion marking and prose after it ("(SBU) Poloff delivered ..."). */
bool marked_prose(struct str s);

/* A handling caveat written as a sentence ("(U) THIS CABLE IS SENSITIVE
 * BUT UNCLASSIFIED ..."). */
bool caveat_sentence(struct str s);

#endif
