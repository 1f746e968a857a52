/* ui_header.c -- the reader's header as lines for a width: the fields the
 * banner does not show, each label then its text wrapped under it; the
 * references and citing cables that can be opened are links (built by
 * the reader's recalc, drawn by ui_draw.c) */
#include "config.h"
#include "ui/screens/reader.h"

#include <string.h>

#include "doc/compare.h"
#include "doc/describe.h"
#include "base/text.h"

static void hline_add(struct ui *u, const char *label, struct str text, int link)
{
	struct reader *rd = reader_of(u);
	struct hline *h;

	grow_array((void **)&rd->hlines, &rd->cap_hlines, rd->nhlines + 1, sizeof(*rd->hlines));
	h = &rd->hlines[rd->nhlines++];
	h->label_off = rd->hbuf.n;
	buf_adds(&rd->hbuf, label);
	h->label_len = strlen(label);
	h->off = rd->hbuf.n;
	buf_addstr(&rd->hbuf, text);
	h->len = text.n;
	h->link = link;
}

struct wrap_into {
	struct ui *u;
	const char *label;
	bool first;
	int link;
};

static void wrap_line(struct str line, void *ud)
{
	struct wrap_into *w = ud;

	hline_add(w->u, w->first ? w->label : "", line, w->link);
	w->first = false;
}

/* One header field: its label, then its text wrapped under it. */
static void header_field(struct ui *u, const char *label, struct str text, int width, int link)
{
	struct reader *rd = reader_of(u);
	struct buf b = { 0 };
	struct wrap_into w = { u, label, true, link };
	size_t first = rd->nhlines;

	if (!text.n)
		return;
	text_wrap(paint_clean(&b, text), width, wrap_line, &w);
	if (link >= 0) {
		rd->links[link].line = (int)first;
		rd->links[link].lines = (int)(rd->nhlines - first);
	}
	buf_free(&b);
}

/* A field the banner and the first lines leave out (routing, captions,
 * signer, the parser's repairs): one line, cut with an ellipsis, while
 * the header is folded; all of it, wrapped, when it is full. */
static void folded_field(struct ui *u, const char *label, struct str text, int width)
{
	struct reader *rd = reader_of(u);
	struct buf b = { 0 }, cut = { 0 };
	struct str s;
	int used;
	size_t fit;

	if (!text.n)
		return;
	if (rd->header_full || rd->flow_on) {
		header_field(u, label, text, width, -1);
		return;
	}
	s = paint_clean(&b, text);
	fit = text_fit(s, width, &used);
	if (fit < s.n) {
		fit = text_fit(s, width - 1, &used);
		buf_add(&cut, s.p, fit);
		buf_adds(&cut, "\xE2\x80\xA6");
		s = buf_str(&cut);
	}
	hline_add(u, label, s, -1);
	buf_free(&cut);
	buf_free(&b);
}

/* "R" -> "ROUTINE": the precedence as the cable writes it, spelt out. */
static const char *precedence_word(struct str p)
{
	static const struct {
		const char *code, *word;
	} words[] = { { "R", "ROUTINE" }, { "P", "PRIORITY" }, { "O", "IMMEDIATE" }, { "Z", "FLASH" } };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (str_eq_c(p, words[i].code))
			return words[i].word;
	return NULL;
}

static void join_fields(struct buf *t, const struct field *f, size_t n, const char *sep)
{
	buf_clear(t);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(t, sep);
		buf_addstr(t, f[i].text);
	}
}

/* The routing, the captions, the signer and the parser's repairs. */
static void more_fields(struct ui *u, const struct cable *c, int width)
{
	struct reader *rd = reader_of(u);
	const struct routing *r = &c->routing;
	struct buf t = { 0 };

	if (r->precedence.text.n) {
		const char *w = precedence_word(r->precedence.text);

		buf_printf(&t, "%.*s", (int)r->precedence.text.n, r->precedence.text.p);
		if (w)
			buf_printf(&t, " (%s)", w);
	}
	if (r->dtg.text.n)
		buf_printf(&t, "%s%.*s", t.n ? ", " : "", (int)r->dtg.text.n, r->dtg.text.p);
	folded_field(u, "Sent", buf_str(&t), width);
	join_fields(&t, r->to, r->nto, "; ");
	folded_field(u, "To", buf_str(&t), width);
	join_fields(&t, r->info, r->ninfo, "; ");
	folded_field(u, "Info", buf_str(&t), width);
	join_fields(&t, c->captions, c->ncaptions, " \xC2\xB7 ");
	folded_field(u, "Captions", buf_str(&t), width);
	folded_field(u, "Signed", c->signer.text, width);
	if (c->nwarnings && (rd->header_full || rd->flow_on)) {
		for (size_t i = 0; i < c->nwarnings; i++)
			header_field(u, i ? "" : "Repairs", c->warnings[i], width, -1);
	} else if (c->nwarnings) {
		buf_clear(&t);
		buf_printf(&t, "%zu: ", c->nwarnings);
		for (size_t i = 0; i < c->nwarnings; i++)
			buf_printf(&t, "%s%.*s", i ? "; " : "", (int)c->warnings[i].n, c->warnings[i].p);
		folded_field(u, "Repairs", buf_str(&t), width);
	}
	buf_free(&t);
}

/* Citing cables shown at most, around the selected one. */
#define CITED_SHOWN 4

/* The link a reference of the open cable leads to, or -1. */
static int ref_link(const struct ui *u, const struct reference *r, bool *moved)
{
	const struct reader *rd = reader_of(u);
	long e = r->id.n ? corpus_ref_target(u->corpus, u->v.cur, r->id.p, moved) : -1;

	for (size_t k = 0; e >= 0 && k < rd->nlinks; k++)
		if (rd->links[k].entry == (size_t)e)
			return (int)k;
	return -1;
}

/* The cable's versions, when the inputs hold more than one text of it:
 * each named (format, the date in its file's name, the file), the one
 * read first. */
static void versions_field(struct ui *u, int width)
{
	uint32_t v[8];
	size_t n = corpus_versions(u->corpus, u->v.cur, v, 8), k = 0;
	struct buf t = { 0 };

	if (n < 2)
		return;
	while (k < n && k < 8 && v[k] != u->v.cur)
		k++;
	buf_printf(&t, "%zu of %zu", k + 1, n);
	for (size_t i = 0; i < n && i < 8; i++) {
		const struct centry *e = corpus_entry(u->corpus, v[i]);

		buf_adds(&t, i ? " \xC2\xB7 " : ": ");
		compare_version_name(&t, str_c(corpus_entry_path(u->corpus, v[i])), (enum cable_format)e->format,
				     e->format == FORMAT_CSV ? e->offset : 0, false);
	}
	buf_adds(&t, " (D: the next; d: compared)");
	header_field(u, "Versions", buf_str(&t), width, -1);
	buf_free(&t);
}

void header_lines(struct ui *u, int cols)
{
	struct reader *rd = reader_of(u);
	const struct cable *c = u->v.c;
	struct buf t = { 0 };
	int width = cols - LABEL_W > 10 ? cols - LABEL_W : 10;
	size_t nrefs_linked = 0, ncited, first_cited;

	rd->nhlines = 0;
	buf_clear(&rd->hbuf);
	if (!c)
		return;
	for (size_t k = 0; k < rd->nlinks; k++)
		rd->links[k].line = -1;
	header_field(u, "Subject", c->subject.text, width, -1);
	versions_field(u, width);
	/* what changes how far the text can be trusted, unasked: a line each */
	for (size_t i = 0; i < c->ncautions; i++)
		folded_field(u, i ? "" : "Caution", c->cautions[i], width);
	describe_tags(&t, c);
	header_field(u, "TAGS", buf_str(&t), width, -1);
	/* one line a reference: the ones in the corpus can be opened (r, Enter) */
	for (size_t i = 0; i < c->nrefs; i++) {
		bool moved = false;
		int link = ref_link(u, &c->refs[i], &moved);

		buf_clear(&t);
		describe_ref(&t, &c->refs[i]);
		if (link >= 0 && moved)
			/* the id would be a later cable: the corpus's of the year before */
			buf_printf(&t, " (later than this cable; leads to %s)",
				   corpus_str(u->corpus, corpus_entry(u->corpus, rd->links[link].entry)->id));
		if (link >= 0) {
			buf_adds(&t, " \xE2\x8F\x8E");   /* a return sign: Enter opens it */
			nrefs_linked++;
		}
		header_field(u, i ? "" : "REF", buf_str(&t), width, link);
	}
	/* the cables that cite this one, a few at a time */
	first_cited = nrefs_linked;
	ncited = rd->nlinks - first_cited;
	if (ncited) {
		size_t from = 0;

		if (rd->link_sel >= (int)first_cited)
			from = (size_t)rd->link_sel - first_cited;
		if (from + CITED_SHOWN > ncited)
			from = ncited > CITED_SHOWN ? ncited - CITED_SHOWN : 0;
		for (size_t k = from; k < ncited && k < from + CITED_SHOWN; k++) {
			const struct centry *e = corpus_entry(u->corpus, rd->links[first_cited + k].entry);
			char label[32];

			buf_clear(&t);
			buf_printf(&t, "%s  %s", corpus_str(u->corpus, e->id), corpus_str(u->corpus, e->subject));
			snprintf(label, sizeof(label), k == from ? "Cited by" : "");
			hline_add(u, label, str_make(t.p, text_fit(buf_str(&t), width, NULL)), (int)(first_cited + k));
			rd->links[first_cited + k].line = (int)rd->nhlines - 1;
			rd->links[first_cited + k].lines = 1;
		}
		if (ncited > CITED_SHOWN) {
			buf_clear(&t);
			buf_printf(&t, "(%zu cables cite this one; r walks them)", ncited);
			hline_add(u, "", buf_str(&t), -1);
		}
	} else if (!corpus_done(u->corpus)) {
		hline_add(u, "Cited by", STR_LIT("(still indexing)"), -1);
	}
	buf_clear(&t);
	describe_classified_by(&t, c);
	header_field(u, "Class. by", buf_str(&t), width, -1);
	buf_clear(&t);
	describe_declassify(&t, c);
	header_field(u, "Declass.", buf_str(&t), width, -1);
	buf_clear(&t);
	if (c->origin_name.text.n)
		buf_addstr(&t, c->origin_name.text);
	if (c->routing.from.text.n)
		buf_printf(&t, "%sFM %.*s", t.n ? "; " : "", (int)c->routing.from.text.n, c->routing.from.text.p);
	header_field(u, "From", buf_str(&t), width, -1);
	buf_free(&t);
	more_fields(u, c, width);
}

