/* pagecheck.c -- a WikiLeaks cable page holds two witnesses of one cable:
 * the cable's text, and the page's own metadata (its table, its heading,
 * its TAGS links and its ¶ anchors).  For each page named, this parses the
 * text alone, as a plain-text cable with no container and no telling file
 * name, and compares what it finds with the page's metadata.
 *
 * Prints one line a field and page, tab-separated:
 *   PAGE FIELD RESULT PAGE-VALUE OUR-VALUE
 * RESULT is "agree", "disagree", or "none" when the page gives nothing to
 * compare (no TAGS links, no ¶ anchors).  How each field compares:
 *   id              the page's reference id, equal; where the text gives
 *                   no year (a partial extract has no routing header),
 *                   the station and serial
 *   classification  the page's, equal (upper case)
 *   date            the page's creation day (YYYY-MM-DD), equal; none to
 *                   compare where the text has no date at all (a partial
 *                   extract without routing header, footer or date line)
 *   origin          the page's origin name, blanks left out, holds ours
 *                   (Embassy Rome: ROME), or ours holds it (UNVIE: UNVIEVIENNA)
 *   subject         the page's heading shows the first line of the subject
 *                   (a leading portion marking, with or without its "(",
 *                   and a trailing backslash left out; the site drops the
 *                   first character of a subject that begins with a
 *                   bracket or a quote): ours starts with it, blanks
 *                   collapsed, any case
 *   tags            the page links the tags of the TAGS field's first line
 *                   (each once): our tags on that line, letters and digits
 *                   only, equal
 *   paragraphs      the page's numbered anchors (parN), in order, equal to
 *                   our paragraph numbers (0s left out), in order */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "doc/cable.h"
#include "source/html.h"
#include "parse/parse.h"
#include "source/source.h"

static struct cable cab;

/* Prints @s with tabs and line ends made blanks, at most 300 bytes. */
static void field_out(struct str s)
{
	for (size_t i = 0; i < s.n && i < 300; i++) {
		char ch = s.p[i];

		putchar(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch);
	}
}

static void row(const char *page, const char *field, const char *result, struct str theirs, struct str ours)
{
	printf("%s\t%s\t%s\t", page, field, result);
	field_out(theirs);
	putchar('\t');
	field_out(ours);
	putchar('\n');
}

/* Upper case, runs of blanks made one, trimmed. */
static void collapse(struct str s, struct buf *out)
{
	bool space = false;

	buf_clear(out);
	for (size_t i = 0; i < s.n; i++) {
		int ch = (unsigned char)s.p[i];

		if (is_space(ch)) {
			space = true;
			continue;
		}
		if (space && out->n)
			buf_addc(out, ' ');
		space = false;
		buf_addc(out, (char)to_upper(ch));
	}
}

/* Letters and digits only, upper case. */
static void squeeze(struct str s, struct buf *out)
{
	for (size_t i = 0; i < s.n; i++) {
		int ch = (unsigned char)s.p[i];

		if (is_alpha(ch) || is_digit(ch) || ch >= 0x80)
			buf_addc(out, (char)to_upper(ch));
	}
}

/* The page's TAGS links and ¶ anchors, from its second <pre> block (the
 * body; the first is the routing header).  Each tag once: some texts
 * repeat their TAGS line, and the page links it again. */
static void page_links(struct str page, struct buf *tags, struct buf *tags_shown, struct buf *anchors)
{
	long pre = str_find(page, "<pre>");
	struct buf seen = { 0 };   /* "\nTAG\n" for each tag taken */
	struct str s;

	if (pre < 0)
		return;
	s = str_make(page.p + pre + 5, page.n - (size_t)pre - 5);
	pre = str_find(s, "<pre>");
	if (pre >= 0)
		s = str_make(s.p + pre + 5, s.n - (size_t)pre - 5);
	buf_addc(&seen, '\n');
	for (;;) {
		long a = str_find(s, "<a ");
		const char *gt, *end;

		if (a < 0)
			break;
		s = str_make(s.p + a + 3, s.n - (size_t)a - 3);
		gt = memchr(s.p, '>', s.n);
		if (!gt)
			break;
		if (str_istarts(s, "href='/tag/")) {
			struct buf t = { 0 }, key = { 0 };

			end = strstr(gt, "</a>");
			if (!end || end > s.p + s.n)
				break;
			html_to_text(str_make(gt + 1, (size_t)(end - gt - 1)), &t);
			buf_addc(&key, '\n');
			squeeze(buf_str(&t), &key);
			buf_addc(&key, '\n');
			buf_addc(&key, '\0');
			buf_addc(&seen, '\0');
			seen.n--;
			if (!strstr(seen.p, key.p)) {
				buf_addstr(tags_shown, buf_str(&t));
				buf_addc(tags_shown, ' ');
				squeeze(buf_str(&t), tags);
				buf_add(&seen, key.p + 1, key.n - 2);
			}
			buf_free(&t);
			buf_free(&key);
		} else if (str_istarts(s, "id='par") && is_digit((unsigned char)s.p[7])) {
			size_t k = 7;

			if (anchors->n)
				buf_addc(anchors, ' ');
			while (k < s.n && is_digit((unsigned char)s.p[k]))
				buf_addc(anchors, s.p[k++]);
		}
	}
	buf_free(&seen);
}

/* The heading's subject as the page shows it, its marking and backslash left out. */
static struct str page_subject(struct str s)
{
	size_t k = 0;

	s = str_trim(s);
	if (k < s.n && s.p[k] == '(')
		k++;
	{
		size_t j = k;

		while (j < s.n && j - k < 24 && (is_alpha((unsigned char)s.p[j]) || s.p[j] == '/' ||
						   (j > k && (s.p[j] == ' ' || s.p[j] == ','))))
			j++;
		if (j > k && j < s.n && s.p[j] == ')' && j + 1 < s.n && s.p[j + 1] == ' ')
			s = str_make(s.p + j + 2, s.n - j - 2);
	}
	s = str_trim(s);
	if (s.n && s.p[s.n - 1] == '\\')
		s.n--;
	return str_trim(s);
}

/* Our tags written on the same line as the first, squeezed. */
static void first_line_tags(const struct cable *c, struct buf *out, struct buf *shown)
{
	const char *line_start, *line_end;

	if (!c->ntags || c->tags[0].at.off >= c->text.n)
		return;
	line_start = c->text.p + c->tags[0].at.off;
	line_end = memchr(line_start, '\n', c->text.n - c->tags[0].at.off);
	if (!line_end)
		line_end = c->text.p + c->text.n;
	for (size_t i = 0; i < c->ntags; i++) {
		const char *at = c->text.p + c->tags[i].at.off;

		if (c->tags[i].at.off >= c->text.n || at < line_start || at >= line_end)
			continue;
		squeeze(c->tags[i].text, out);
		buf_addstr(shown, c->tags[i].text);
		buf_adds(shown, "; ");
	}
}

static bool origin_agrees(struct str name, struct str ours)
{
	struct buf a = { 0 }, b = { 0 };
	bool ok;

	squeeze(name, &a);
	squeeze(ours, &b);
	buf_addc(&a, '\0');
	buf_addc(&b, '\0');
	ok = b.n > 1 && (strstr(a.p, b.p) || strstr(b.p, a.p));
	buf_free(&a);
	buf_free(&b);
	return ok;
}

static void check_page(const char *path)
{
	struct loaded l;
	struct source_stats st = { 0 };
	struct record_meta page, alone;
	struct buf text = { 0 }, x = { 0 }, y = { 0 }, z = { 0 }, w = { 0 }, anchors = { 0 };
	struct arena a = { 0 };
	const char *err = NULL;
	char date[16];

	if (!source_load(path, &l, &st))
		return;
	memset(&page, 0, sizeof(page));
	if (!html_extract(l.data, &text, &page, &a, &err)) {
		row(path, "page", "disagree", str_c(err), STR_NULL);
		goto out;
	}
	memset(&alone, 0, sizeof(alone));
	alone.format = FORMAT_TEXT;
	alone.path = str_c("-");
	alone.length = text.n;
	if (!parse_cable(&cab, buf_str(&text), &alone)) {
		row(path, "cable", "disagree", STR_LIT("a cable"), STR_LIT("not a cable"));
		goto out;
	}

	{
		/* the text alone may give no year: then the station and the serial */
		bool same = str_eq_c(page.id, cab.id) ||
			    (cab.id[0] && !is_digit((unsigned char)cab.id[0]) && page.id.n > 2 &&
			     str_eq_c(str_make(page.id.p + 2, page.id.n - 2), cab.id));

		row(path, "id", same ? "agree" : "disagree", page.id, str_c(cab.id));
	}

	collapse(page.classification, &x);
	collapse(cab.classification.text, &y);
	row(path, "classification", str_eq(buf_str(&x), buf_str(&y)) ? "agree" : "disagree", buf_str(&x),
	    buf_str(&y));

	snprintf(date, sizeof(date), "%.10s", cab.date);
	if (!cab.date[0] && cab.partial && !cab.routing.present)
		row(path, "date", "none", page.created, STR_LIT("(the text has no date)"));
	else
		row(path, "date",
		    page.created.n >= 10 && strncmp(page.created.p, date, 10) == 0 ? "agree" : "disagree",
		    page.created, str_c(cab.date));

	row(path, "origin", origin_agrees(page.origin_name, cab.origin.text) ? "agree" : "disagree",
	    page.origin_name, cab.origin.text);

	collapse(page_subject(page.subject), &x);
	{
		struct str ours = cab.subject.text;

		/* the site drops a first bracket or quote: "SOURCE REMOVED] ...", "UNHAPPY CHINA\" ..." */
		if (ours.n && x.n && (ours.p[0] == '(' || ours.p[0] == '[' || ours.p[0] == '"' || ours.p[0] == '\'') &&
		    x.p[0] != ours.p[0])
			ours = str_make(ours.p + 1, ours.n - 1);
		else if (ours.n > 3 && x.n && (unsigned char)ours.p[0] == 0xE2 && (unsigned char)ours.p[1] == 0x80 &&
			 (unsigned char)x.p[0] != 0xE2)
			ours = str_make(ours.p + 3, ours.n - 3);
		collapse(ours, &y);
	}
	row(path, "subject", y.n >= x.n && memcmp(x.p, y.p, x.n) == 0 && (x.n || !y.n) ? "agree" : "disagree",
	    buf_str(&x), buf_str(&y));

	buf_clear(&x);
	buf_clear(&y);
	page_links(l.data, &x, &z, &anchors);
	first_line_tags(&cab, &y, &w);
	if (!x.n)
		row(path, "tags", "none", STR_NULL, buf_str(&w));
	else
		row(path, "tags", str_eq(buf_str(&x), buf_str(&y)) ? "agree" : "disagree", buf_str(&z),
		    buf_str(&w));

	buf_clear(&y);
	for (size_t i = 0; i < cab.nparas; i++) {
		if (cab.paras[i].number <= 0)
			continue;
		if (y.n)
			buf_addc(&y, ' ');
		buf_printf(&y, "%d", cab.paras[i].number);
	}
	if (!anchors.n)
		row(path, "paragraphs", "none", STR_NULL, buf_str(&y));
	else
		row(path, "paragraphs", str_eq(buf_str(&anchors), buf_str(&y)) ? "agree" : "disagree",
		    buf_str(&anchors), buf_str(&y));
out:
	buf_free(&text);
	buf_free(&x);
	buf_free(&y);
	buf_free(&z);
	buf_free(&w);
	buf_free(&anchors);
	arena_free(&a);
	source_unload(&l);
}

int main(int argc, char **argv)
{
	cable_init(&cab);
	for (int i = 1; i < argc; i++)
		check_page(argv[i]);
	cable_free(&cab);
	return 0;
}
