/* describe.h -- header fields of a cable as one line of text, shared by
 * --text and the reader's header pane (the text is not sanitised here) */
#ifndef PILCROW_DESCRIBE_H
#define PILCROW_DESCRIBE_H

#include "base/buf.h"
#include "doc/cable.h"

/* "PREL — External political relations · IT — Italy" */
void describe_tags(struct buf *out, const struct cable *c);

/* "A. STATE 12345 → 04STATE12345" */
void describe_ref(struct buf *out, const struct reference *r);

/* "POLITICAL MINISTER COUNSELOR TOM COUNTRYMAN; reasons 1.4" */
void describe_classified_by(struct buf *out, const struct cable *c);

/* "2014-10-06 (E.O. 12958)" */
void describe_declassify(struct buf *out, const struct cable *c);

#endif
