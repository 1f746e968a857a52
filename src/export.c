/* export.c -- the model as JSON Lines or plain text */
#include "config.h"
#include "export.h"
#include "cite.h"
#include "workspace.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "marking.h"
#include "describe.h"
#include "text.h"

/* 1: the byte needs escaping or a closer look (every byte from 0x80: the
 * UTF-8 is checked, and C1 controls, line separators and bidi controls
 * escaped). */
static const unsigned char json_special[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
	[0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
	[0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
	['"'] = 1, ['\\'] = 1, [0x7F ... 0xFF] = 1,
};

static void json_u(struct buf *out, unsigned v)
{
	static const char hex[] = "0123456789abcdef";
	char e[6] = { '\\', 'u', hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15], hex[v & 15] };

	buf_add(out, e, 6);
}

void json_string(struct buf *out, struct str s)
{
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;

	buf_reserve(out, s.n + 2);
	buf_addc(out, '"');
	while (p < end) {
		const unsigned char *run = p;

		/* eight bytes at a time while none is a control, '"', '\\' or
		 * >= 0x7F (SWAR: the text of a 1.9 GB dump passes through here) */
		while (end - p >= 8) {
			uint64_t w, ctl, quo, bsl;

			memcpy(&w, p, 8);
			ctl = (w - UINT64_C(0x2020202020202020)) & ~w;
			quo = (w ^ UINT64_C(0x2222222222222222));
			quo = (quo - UINT64_C(0x0101010101010101)) & ~quo;
			bsl = (w ^ UINT64_C(0x5C5C5C5C5C5C5C5C));
			bsl = (bsl - UINT64_C(0x0101010101010101)) & ~bsl;
			if ((ctl | quo | bsl | w | (w + UINT64_C(0x0101010101010101))) &
			    UINT64_C(0x8080808080808080))
				break;
			p += 8;
		}
		while (p < end && !json_special[*p])
			p++;
		if (p > run)
			buf_add(out, run, (size_t)(p - run));
		if (p >= end)
			break;
		if (*p >= 0x80) {
			/* a UTF-8 sequence: copied when valid, U+FFFD when not (a
			 * field cut short by a limit, bytes that came through raw) */
			ucs4_t cp;
			int len = u8_mbtoucr(&cp, p, (size_t)(end - p));

			if (len < 0) {
				buf_add(out, "\xEF\xBF\xBD", 3);
				p++;
			} else {
				if (text_unsafe_char(cp))
					json_u(out, cp);    /* C1 controls, line separators, bidi controls */
				else
					buf_add(out, p, (size_t)len);
				p += len;
			}
			continue;
		}
		switch (*p) {
		case '"': buf_add(out, "\\\"", 2); p++; continue;
		case '\\': buf_add(out, "\\\\", 2); p++; continue;
		case '\n': buf_add(out, "\\n", 2); p++; continue;
		case '\t': buf_add(out, "\\t", 2); p++; continue;
		case '\r': buf_add(out, "\\r", 2); p++; continue;
		default: json_u(out, *p++); continue;   /* other C0 controls, DEL */
		}
	}
	buf_addc(out, '"');
}

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
	key(out, "classified_by", false);
	str_or_null(out, c->classified_by.text);
	key(out, "reasons", false);
	str_or_null(out, c->reasons.text);
	key(out, "signer", false);
	str_or_null(out, c->signer.text);
	key(out, "paragraphs", false);
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
	struct buf clean = { 0 };
	struct wrap_ctx w = { out, (int)strlen(label), true };

	if (!text.n)
		return;
	buf_adds(out, label);
	text_sanitize(text, &clean, 0);
	text_wrap(buf_str(&clean), MAX(width - w.indent, 10), emit_line, &w);
	buf_free(&clean);
}

static void text_block(struct buf *out, struct str text, int width)
{
	struct buf clean = { 0 };
	struct wrap_ctx w = { out, 0, true };

	text_sanitize(text, &clean, SANITIZE_KEEP_NEWLINES);
	text_wrap(buf_str(&clean), width, emit_line, &w);
	buf_free(&clean);
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
		buf_clear(&line);
		buf_printf(&line, "\xC2\xB6%s ", p->address);
		marking_format_portion(&p->marking, mark, sizeof(mark));
		if (mark[0])
			buf_printf(&line, "(%s) ", mark);
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
	struct ws_about a;
	struct cite_src s;

	ws_about(&a, c, -1, STR_NULL);
	s = ws_cite_about(&a);
	cite_make(out, NULL, &s);
	buf_adds(out, "\n\n");
}
