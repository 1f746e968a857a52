/* people.h -- the people and offices a cable names, made one spelling each
 * for the corpus's list, its filters and its overview: who signed it, who
 * classified it, the FM line, the action and the info addressees, and the
 * person TAGS.  A value is written with its role before it ("S:POPPER",
 * "T:SECSTATE WASHDC", "P:STEINBERG, JAMES B."), so that one string says
 * both and the list keeps it once. */
#ifndef PILCROW_PEOPLE_H
#define PILCROW_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/str.h"
#include "doc/cable.h"

enum people_role {
	ROLE_FROM = 'F', ROLE_TO = 'T', ROLE_INFO = 'I', ROLE_CLASSIFIER = 'C', ROLE_SIGNER = 'S', ROLE_PERSON = 'P'
};

/* Values kept for one cable at most (a long list of info addressees is
 * cut there). */
#define PEOPLE_MAX 96
/* The bytes of a name kept at most. */
#define PEOPLE_NAME_MAX 200

/* The role of a value, and its name (after the role). */
static inline char people_role(struct str v)
{
	return v.n > 2 ? v.p[0] : 0;
}

static inline struct str people_name(struct str v)
{
	return v.n > 2 ? str_make(v.p + 2, v.n - 2) : STR_NULL;
}

/* Each value of @c through @fn, role first, in upper case; the same value
 * once.  @scratch is the caller's. */
void people_each(const struct cable *c, struct buf *scratch, void (*fn)(struct str value, void *ud), void *ud);

/* An addressee as the routing header writes it ("RUEHC/SECSTATE WASHDC
 * IMMEDIATE 7701") made the office it names ("SECSTATE WASHDC"): the
 * routing indicator, the precedence and the serial left out, in upper
 * case, blanks single.  Into @out, which is emptied first. */
struct str people_addressee(struct str raw, struct buf *out);
/* The same, worked out each time (people_addressee keeps its answers). */
struct str people_addressee_uncached(struct str raw, struct buf *out);

/* A name (a signer, who classified) in one spelling: upper case, blanks
 * single, no punctuation at its ends. */
struct str people_plain_name(struct str raw, struct buf *out);

#endif
