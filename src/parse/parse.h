/* parse.h -- cable text -> struct cable (pure: no I/O, no globals) */
#ifndef PILCROW_PARSE_H
#define PILCROW_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/buf.h"
#include "doc/cable.h"
#include "doc/record.h"
#include "base/str.h"

/* Parses @text (valid UTF-8; any line ends) into @c, which is reset first.
 * Returns false when the text does not look like a cable at all. */
bool parse_cable(struct cable *c, struct str text, const struct record_meta *meta);

/* The same for the header alone (no paragraphs, signer or trailer): what
 * the corpus index needs, faster.  @text may stop anywhere in the body. */
bool parse_cable_header(struct cable *c, struct str text, const struct record_meta *meta);

/* What the list index of a corpus keeps: the header, a Classified By
 * written in the first paragraph, and the signer when @whole (@text is the
 * whole record); else parse_cable_tail() adds the signer from the
 * record's last bytes, and *@header_cut (may be NULL) says when @text
 * stopped before the body began: read more of the record for the rest of
 * the header. */
bool parse_cable_list(struct cable *c, struct str text, bool whole, const struct record_meta *meta,
		      bool *header_cut);

/* parse_cable_list() of a record's head cut short at the end of @text,
 * anywhere (in a line, in a character), and *@cut_seen: whether the parse
 * read the line the cut ends, or asked for lines past it.  When it did
 * not, the same head cut later gives the same, line for line: every
 * decision was made before the cut.  With @body_seen (else NULL), what
 * the paragraphs read for a Classified By in the first one see of the cut
 * is said there instead: a cut seen only there changes who classified the
 * cable and why (and the level, of a text whose record gives none and
 * that has no classification line: its paragraphs' highest). */
bool parse_cable_list_cut(struct cable *c, struct str text, const struct record_meta *meta, bool *header_cut,
			  bool *cut_seen, bool *body_seen);

/* The signer of @c, parsed by parse_cable_list() from the start of its
 * record, found in @tail, the record's last bytes (@cut: starting inside
 * the text, in the middle of a line perhaps), as parse_cable() finds it. */
void parse_cable_tail(struct cable *c, struct str tail, bool cut);

/* parse_cable_tail() of @tail cut from a longer end of the same record,
 * and *@cut_seen: whether the parse read the line the cut falls in (its
 * first) or asked for lines before it.  When it did not, the longer end
 * gives the same signer, but for a database row glued to the text there
 * (parse_tail looks for one over the whole text: the caller's to rule
 * out). */
void parse_cable_tail_cut(struct cable *c, struct str tail, bool cut, bool *cut_seen);

/* What subject_tidy() did. */
enum { SUBJECT_CUT = 1, SUBJECT_BACKSLASHES = 2, SUBJECT_CAPTION = 4, SUBJECT_ENTITIES = 8, SUBJECT_TWICE = 16 };

/* A SUBJECT's value tidied as the parser keeps it (the corpus index shows
 * the same): cut at a label later on its line (REF:, Classified By), its
 * own marking taken off into *m (level 0 when none, *mark_at its bytes), a
 * database row's backslashes and a glued "Sensitive but unclassified" left
 * out, HTML character references decoded.  Returns a part of @raw, or of
 * @out when it had to change; *notes says what was done. */
struct str subject_tidy(struct str raw, struct buf *out, struct marking *m, struct str *mark_at, unsigned *notes);

#endif
