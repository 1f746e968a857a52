/* export.c -- the model as JSON Lines or plain text */
#include "config.h"
#include "doc/export.h"
#include "doc/cite.h"
#include "base/json.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "doc/marking.h"
#include "doc/describe.h"
#include "base/text.h"

static void number(struct buf *out, uint64_t v)
{
	char tmp[24];
	size_t n = sizeof(tmp);

	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_add(out, tmp + n, sizeof(tmp) - n);
}

static void key_n(struct buf *out, const char *k, size_t n, bool first)
{
	if (!first)
		buf_addc(out, ',');
	buf_addc(out, '"');
	buf_add(out, k, n);
	buf_add(out, "\":", 2);
}

#define key(out, k, first) key_n(out, k, sizeof(k) - 1, first)

/* A string value, or null when empty. */
static void str_or_null(struct buf *out, struct str s)
{
	if (s.n)
		json_string(out, s);
	else
		buf_add(out, "null", 4);
}

static void field_array(struct buf *out, const struct field *f, size_t n)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(out, ',');
		json_string(out, f[i].text);
	}
	buf_addc(out, ']');
}

static void caveats_json(struct buf *out, const struct marking *m)
{
	bool first = true;

	buf_addc(out, '[');
	for (unsigned bit = 1; bit <= CAVEAT_REL; bit <<= 1) {
		char tmp[128];

		if (!(m->caveats & bit))
			continue;
		if (!first)
			buf_addc(out, ',');
		first = false;
		if (bit == CAVEAT_REL && m->rel.n)
			snprintf(tmp, sizeof(tmp), "REL TO %.*s", (int)MIN(m->rel.n, 100), m->rel.p);
		else
			snprintf(tmp, sizeof(tmp), "%s", caveat_name(bit));
		json_string(out, str_c(tmp));
	}
	buf_addc(out, ']');
}

/* "routing": the precedence, date-time group, FROM, TO and INFO, or null. */
static void routing_json(struct buf *out, const struct routing *r)
{
	if (r->present) {
		buf_addc(out, '{');
		key(out, "precedence", true);
		str_or_null(out, r->precedence.text);
		key(out, "dtg", false);
		str_or_null(out, r->dtg.text);
		key(out, "from", false);
		str_or_null(out, r->from.text);
		key(out, "to", false);
		field_array(out, r->to, r->nto);
		key(out, "info", false);
		field_array(out, r->info, r->ninfo);
		buf_addc(out, '}');
	} else {
		buf_adds(out, "null");
	}
}

/* "references": each REF item's label, text and the id it names. */
static void refs_json(struct buf *out, const struct cable *c)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < c->nrefs; i++) {
		if (i)
			buf_addc(out, ',');
		buf_addc(out, '{');
		key(out, "label", true);
		str_or_null(out, c->refs[i].label);
		key(out, "text", false);
		str_or_null(out, c->refs[i].text);
		key(out, "id", false);
		str_or_null(out, c->refs[i].id);
		buf_addc(out, '}');
	}
	buf_addc(out, ']');
}

/* "paragraphs": each one's number, address, marking, section and text. */
static void paras_json(struct buf *out, const struct cable *c)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < c->nparas; i++) {
		const struct paragraph *p = &c->paras[i];
		char mark[96];

		if (i)
			buf_addc(out, ',');
		buf_addc(out, '{');
		key(out, "number", true);
		if (p->number < 0)
			buf_addc(out, '-');
		number(out, (uint64_t)(p->number < 0 ? -(int64_t)p->number : p->number));
		key(out, "address", false);
		json_string(out, str_c(p->address));
		key(out, "number_as_written", false);
		str_or_null(out, p->number_as_written);
		key(out, "marking", false);
		marking_format_portion(&p->marking, mark, sizeof(mark));
		str_or_null(out, str_c(mark));
		key(out, "section", false);
		str_or_null(out, p->section >= 0 ? c->sections[p->section].title : STR_NULL);
		key(out, "text", false);
		json_string(out, p->text);
		buf_addc(out, '}');
	}
	buf_addc(out, ']');
}

void export_json(struct buf *out, const struct cable *c)
{
	const struct routing *r = &c->routing;

	buf_addc(out, '{');
	key(out, "id", true);
	str_or_null(out, str_c(c->id));
	key(out, "id_as_written", false);
	str_or_null(out, c->id_as_written.text);
	key(out, "format", false);
	json_string(out, str_c(cable_format_name(c->format)));
	key(out, "partial", false);
	buf_adds(out, c->partial ? "true" : "false");
	key(out, "classification", false);
	str_or_null(out, c->classification.text);
	key(out, "classification_as_written", false);
	str_or_null(out, c->classification_as_written.text);
	key(out, "level", false);
	str_or_null(out, str_c(level_abbrev(c->marking.level)));
	key(out, "caveats", false);
	caveats_json(out, &c->marking);
	key(out, "origin", false);
	str_or_null(out, c->origin.text);
	key(out, "origin_name", false);
	str_or_null(out, c->origin_name.text);
	key(out, "date", false);
	str_or_null(out, str_c(c->date));
	key(out, "routing", false);
	routing_json(out, r);
	key(out, "captions", false);
	field_array(out, c->captions, c->ncaptions);
	key(out, "eo", false);
	str_or_null(out, c->eo.text);
	key(out, "declassify", false);
	str_or_null(out, c->declassify.text);
	key(out, "tags", false);
	field_array(out, c->tags, c->ntags);
	key(out, "subject", false);
	str_or_null(out, c->subject.text);
	key(out, "subject_marking", false);
	{
		char sm[96];

		marking_format_portion(&c->subject_marking, sm, sizeof(sm));
		str_or_null(out, str_c(sm));
	}
	key(out, "references", false);
	refs_json(out, c);
	key(out, "classified_by", false);
	str_or_null(out, c->classified_by.text);
	key(out, "reasons", false);
	str_or_null(out, c->reasons.text);
	key(out, "signer", false);
	str_or_null(out, c->signer.text);
	key(out, "paragraphs", false);
	paras_json(out, c);
	key(out, "warnings", false);
	buf_addc(out, '[');
	for (size_t i = 0; i < c->nwarnings; i++) {
		if (i)
			buf_addc(out, ',');
		json_string(out, c->warnings[i]);
	}
	buf_addc(out, ']');
	key(out, "source", false);
	buf_addc(out, '{');
	key(out, "path", true);
	json_string(out, c->path);
	key(out, "offset", false);
	number(out, c->offset);
	key(out, "length", false);
	number(out, c->length);
	buf_add(out, "}}\n", 3);
}

/* ------------------------------------------------------------------ text */

struct wrap_ctx {
	struct buf *out;
	int indent;
	bool first;
};

static void emit_line(struct str line, void *ud)
{
	struct wrap_ctx *w = ud;

	if (!w->first)
		for (int i = 0; i < w->indent; i++)
			buf_addc(w->out, ' ');
	w->first = false;
	buf_addstr(w->out, line);
	buf_addc(w->out, '\n');
}

/* Writes "@label@text" wrapped, later lines indented under the text. */
static void text_field(struct buf *out, const char *label, struct str text, int width)
{
	struct wrap_ctx w = { out, (int)strlen(label), true };

	if (!text.n)
		return;
	buf_adds(out, label);
	text_sanitize_wrap(text, 0, MAX(width - w.indent, 10), emit_line, &w);
}

static void text_block(struct buf *out, struct str text, int width)
{
	struct wrap_ctx w = { out, 0, true };

	text_sanitize_wrap(text, SANITIZE_KEEP_NEWLINES, width, emit_line, &w);
}

void export_text(struct buf *out, const struct cable *c, int width)
{
	struct buf line = { 0 };
	char banner[160];
	int section = -1;

	if (width < 20)
		width = 20;
	marking_format_banner(&c->marking, banner, sizeof(banner));
	buf_printf(&line, "%s  %s", c->marking.level ? banner : "(no classification)",
		   c->id[0] ? c->id : "(no id)");
	if (c->origin.text.n)
		buf_printf(&line, "  %.*s", (int)c->origin.text.n, c->origin.text.p);
	if (c->date[0])
		buf_printf(&line, "  %s", c->date);
	if (c->partial)
		buf_adds(&line, "  (partial extract)");
	text_field(out, "", buf_str(&line), width);
	if (c->classification_as_written.text.n && !str_eq_c(c->classification_as_written.text, banner))
		text_field(out, "Classification: ", c->classification_as_written.text, width);
	text_field(out, "Subject: ", c->subject.text, width);
	if (c->origin_name.text.n)
		text_field(out, "From: ", c->origin_name.text, width);
	buf_clear(&line);
	describe_tags(&line, c);
	text_field(out, "TAGS: ", buf_str(&line), width);
	for (size_t i = 0; i < c->nrefs; i++) {
		buf_clear(&line);
		describe_ref(&line, &c->refs[i]);
		text_field(out, i ? "     " : "REF: ", buf_str(&line), width);
	}
	buf_clear(&line);
	describe_classified_by(&line, c);
	text_field(out, "Classified by: ", buf_str(&line), width);
	buf_clear(&line);
	describe_declassify(&line, c);
	text_field(out, "Declassify: ", buf_str(&line), width);
	buf_clear(&line);
	for (size_t i = 0; i < c->ncaptions; i++) {
		if (i)
			buf_adds(&line, ", ");
		buf_addstr(&line, c->captions[i].text);
	}
	text_field(out, "Captions: ", buf_str(&line), width);

	for (size_t i = 0; i < c->nparas; i++) {
		const struct paragraph *p = &c->paras[i];
		char mark[96];

		buf_addc(out, '\n');
		if (p->section != section && p->section >= 0) {
			text_block(out, c->sections[p->section].title, width);
			buf_addc(out, '\n');
		}
		section = p->section;
		/* "¶3 (C) ...": appended, not printed (a dump's --text writes
		 * one a paragraph, and printf was a fourteenth of its time) */
		buf_clear(&line);
		buf_adds(&line, "\xC2\xB6");
		buf_adds(&line, p->address);
		buf_addc(&line, ' ');
		marking_format_portion(&p->marking, mark, sizeof(mark));
		if (mark[0]) {
			buf_addc(&line, '(');
			buf_adds(&line, mark);
			buf_adds(&line, ") ");
		}
		buf_addstr(&line, p->text);
		text_block(out, buf_str(&line), width);
	}
	if (c->signer.text.n) {
		buf_addc(out, '\n');
		text_block(out, c->signer.text, width);
	}
	buf_free(&line);
}

void export_cite(struct buf *out, const struct cable *c)
{
	struct cite_src s;

	cite_about(&s, c, -1, STR_NULL);
	cite_make(out, NULL, &s);
	buf_adds(out, "\n\n");
}
