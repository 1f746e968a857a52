/* parse_tags.c -- the TAGS field of a cable: tags.c reads the list with the
 * vocabulary; this keeps each tag in the cable with where it was written,
 * and says what was repaired. */
#include "config.h"
#include "parse/parse_lines.h"

#include <string.h>

#include "doc/tags.h"

struct tags_ctx {
	struct parser *p;
	struct str whole;       /* the run-together word being split */
	struct buf pieces;      /* its pieces so far, for the warning */
	struct buf typos;
	struct buf fixed;    /* long words read as the known tag a letter away */
	bool repeated;
};

static void flush_run_together(struct tags_ctx *x)
{
	if (!x->whole.n)
		return;
	cable_warn(x->p->c, "TAGS run together: \"%.*s\" read as %.*s", (int)MIN(x->whole.n, 60), x->whole.p,
		   (int)MIN(x->pieces.n, 200), x->pieces.p);
	x->whole = STR_NULL;
	buf_clear(&x->pieces);
}

static void one_tag(const struct tag_read *t, void *ud)
{
	struct tags_ctx *x = ud;
	struct parser *p = x->p;
	struct cable *c = p->c;
	struct field *f;

	if (t->note & TAGS_SIPDIS) {
		f = cable_add_field(c, &c->captions, &c->ncaptions, &c->cap_captions);
		f->text = t->src;
		f->at = text_span(p, t->src);
		cable_warn(c, "SIPDIS inside the TAGS; moved to the captions");
		return;
	}
	/* a second TAGS line may repeat the first */
	for (size_t i = 0; i < c->ntags; i++) {
		if (str_eq(c->tags[i].text, t->text)) {
			x->repeated = true;
			return;
		}
	}
	if (!(t->note & TAGS_RUN_TOGETHER) || !str_eq(t->whole, x->whole))
		flush_run_together(x);
	if (t->note & TAGS_RUN_TOGETHER) {
		x->whole = t->whole;
		if (x->pieces.n)
			buf_addc(&x->pieces, ' ');
		buf_addstr(&x->pieces, t->text);
	}
	if (t->note & TAGS_CORRECTED) {
		if (x->fixed.n)
			buf_adds(&x->fixed, ", ");
		buf_printf(&x->fixed, "%.*s as %.*s", (int)MIN(t->near.n, 40), t->near.p, (int)MIN(t->text.n, 40),
			   t->text.p);
	}
	if (t->note & TAGS_TYPO) {
		if (x->typos.n)
			buf_adds(&x->typos, ", ");
		buf_printf(&x->typos, "%.*s (%.*s is one letter away)", (int)MIN(t->text.n, 40), t->text.p,
			   (int)MIN(t->near.n, 40), t->near.p);
	}
	f = cable_add_field(c, &c->tags, &c->ntags, &c->cap_tags);
	f->at = text_span(p, t->src);
	f->text = str_eq(t->text, t->src) ? t->src : keep(p, t->text);
}

void parse_tags(struct parser *p, const struct str *pieces, size_t np, bool typo, struct str label)
{
	struct cable *c = p->c;
	struct tags_ctx x;
	unsigned notes;

	memset(&x, 0, sizeof(x));
	x.p = p;
	if (typo)
		cable_warn(c, "TAGS label written \"%.*s\"", (int)MIN(label.n, 12), label.p);
	notes = tags_read(pieces, np, one_tag, &x);
	flush_run_together(&x);
	if (x.typos.n)
		cable_warn(c, "TAGS not in the vocabulary, kept as written: %.*s", (int)MIN(x.typos.n, 300),
			   x.typos.p);
	if (x.fixed.n)
		cable_warn(c, "TAGS misspelt by a letter, read as the known tag: %.*s", (int)MIN(x.fixed.n, 300),
			   x.fixed.p);
	if ((notes & TAGS_REPEATED) || x.repeated)
		cable_warn(c, "TAGS written more than once (as on each page of a long telegram); each kept once");
	if (notes & TAGS_LOWER)
		cable_warn(c, "TAGS written in lower case; upper-cased");
	buf_free(&x.pieces);
	buf_free(&x.typos);
	buf_free(&x.fixed);
}
