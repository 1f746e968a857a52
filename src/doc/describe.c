/* describe.c -- header fields as lines of text */
#include "config.h"
#include "doc/describe.h"

#include "doc/tags.h"

void describe_tags(struct buf *out, const struct cable *c)
{
	for (size_t i = 0; i < c->ntags; i++) {
		const struct tag_entry *e = tags_lookup(c->tags[i].text);

		if (i)
			buf_adds(out, " \xC2\xB7 ");
		buf_addstr(out, c->tags[i].text);
		if (e && e->meaning[0])
			buf_printf(out, " \xE2\x80\x94 %s", e->meaning);
	}
}

void describe_ref(struct buf *out, const struct reference *r)
{
	if (r->label.n)
		buf_printf(out, "%.*s. ", (int)r->label.n, r->label.p);
	buf_addstr(out, r->text);
	if (r->id.n && !str_eq(r->id, r->text))
		buf_printf(out, " \xE2\x86\x92 %.*s", (int)r->id.n, r->id.p);
}

void describe_classified_by(struct buf *out, const struct cable *c)
{
	if (!c->classified_by.text.n)
		return;
	buf_addstr(out, c->classified_by.text);
	if (c->reasons.text.n)
		buf_printf(out, "; reasons %.*s", (int)c->reasons.text.n, c->reasons.text.p);
}

void describe_declassify(struct buf *out, const struct cable *c)
{
	size_t start = out->n;

	if (c->declassify.text.n)
		buf_addstr(out, c->declassify.text);
	if (c->eo.text.n)
		buf_printf(out, "%s(E.O. %.*s)", out->n > start ? " " : "", (int)c->eo.text.n, c->eo.text.p);
}
