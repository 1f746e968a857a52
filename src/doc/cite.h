/* cite.h -- a cable's citation, and a paragraph quoted with it:
 *
 *   “…the paragraph…” — Embassy Rome, cable 04ROME3933, 6 October 2004,
 *   ¶3 (C). WikiLeaks, https://wikileaks.org/plusd/cables/04ROME3933_a.html
 *
 * made from a template: {NAME} is a field, {PREFIX NAME} the field with
 * PREFIX before it, both left out when the field is empty.  Fields:
 * origin (the station's name: "Embassy Rome"), id, date ("6 October
 * 2004"), iso (2004-10-06), para ("¶3 (C)"), url, subject,
 * classification, text (the paragraph), cite (the citation, in the quote
 * template); for the styles editors ask for, year (2004: the date's, or
 * with no date the id's), mdy ("October 6, 2004"), md ("October 6"),
 * apdate ("Oct. 6, 2004"): mdy and apdate are the year alone when the
 * cable gives no date, md is then empty.  A template may also be the name
 * of a style (cite_styles).  What is made never holds a control
 * character. */
#ifndef PILCROW_CITE_H
#define PILCROW_CITE_H

#include "base/buf.h"
#include "base/str.h"

#define CITE_DEFAULT "{origin}, cable {id}{, date}{, para}. WikiLeaks, {url}"

/* The styles by name, each a template: chicago-note,
 * chicago-bibliography, author-date, ap (ended by a NULL name). */
struct cite_style {
	const char *name, *tmpl;
};
extern const struct cite_style cite_styles[];

/* The template @tmpl stands for: a style's, or itself. */
const char *cite_template(const char *tmpl);

/* The year of a cable: its date's, else its id's ("04ROME3933": 2004);
 * 0 when neither gives one. */
int cite_year(const char *id, const char *iso);
#define QUOTE_DEFAULT "\xE2\x80\x9C{text}\xE2\x80\x9D \xE2\x80\x94 {cite}"

struct cite_src {
	const char *id, *date, *origin, *origin_name, *subject, *classification;
	const char *address, *marking;     /* "" for the whole cable */
	struct str text;
};

/* What cable @c is, and its paragraph @para (-1: the whole cable) whose
 * sanitised text is @text, as a citation's source; its strings are kept
 * here until the next call. */
struct cable;
void cite_about(struct cite_src *s, const struct cable *c, int para, struct str text);

/* The citation of @s by @tmpl (NULL: CITE_DEFAULT), appended to @out. */
void cite_make(struct buf *out, const char *tmpl, const struct cite_src *s);

/* The paragraph quoted with its citation, by @quote (NULL: QUOTE_DEFAULT). */
void cite_quote(struct buf *out, const char *quote, const char *tmpl, const struct cite_src *s);

/* Appends @n bytes of @s on one line with no control character: a line
 * break, a tab or a line separator is a blank, the rest (C0, DEL, C1, the
 * bidirectional controls and direction marks) is left out, runs of blanks
 * are one. */
void cite_clean(struct buf *out, const char *s, size_t n);

/* The station's name when the cable does not give it ("ROME": "Rome";
 * "AMEMBASSY ROME" in the routing: "Embassy Rome"). */
void cite_origin_name(char *out, size_t n, const char *origin, const char *from);

/* "2004-10-06...": "6 October 2004" ("" when it is no date). */
void cite_long_date(char *out, size_t n, const char *iso);

/* The cable's page at WikiLeaks. */
void cite_url(char *out, size_t n, const char *id);

/* Is @tmpl a template (or a style) cite_make() can use?  (says why not in
 * @err) */
bool cite_check(const char *tmpl, bool quote, char *err, size_t errsize);

#endif
