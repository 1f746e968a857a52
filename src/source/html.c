/* html.c -- WikiLeaks cable pages
 *
 * A hand-written scanner, not an HTML library: the pages are machine-made and
 * regular, raw '&' and '>' occur unescaped in them, and a page may be cut
 * short; what matters is a few landmarks and the <pre> text. */
#include "config.h"
#include "source/html.h"
#include "base/entity.h"

#include <stdio.h>
#include <string.h>
#include <unistr.h>

bool html_sniff(struct str s)
{
	struct str head = str_make(s.p, MIN(s.n, (size_t)4096));

	return str_ifind(head, "<html") >= 0 || str_ifind(head, "<!doctype html") >= 0 ||
	       str_ifind(head, "<table class='cable'>") >= 0 || str_ifind(head, "<pre>") >= 0 ||
	       str_ifind(head, "<h3>Viewing cable") >= 0 || str_ifind(head, "<head>") >= 0 ||
	       str_ifind(head, "<body") >= 0;
}

void html_to_text(struct str in, struct buf *out)
{
	size_t i = 0;
	/* the next '<' and '&' at or after i, each looked for again only once
	 * passed: one pass over the page, however many entities or tags it
	 * holds (looking for both at every step was quadratic) */
	const char *lt = memchr(in.p, '<', in.n), *amp = memchr(in.p, '&', in.n);

	buf_reserve(out, in.n + 1);
	while (i < in.n) {
		const char *stop;

		if (lt && lt < in.p + i)
			lt = memchr(in.p + i, '<', in.n - i);
		if (amp && amp < in.p + i)
			amp = memchr(in.p + i, '&', in.n - i);
		stop = lt && (!amp || lt < amp) ? lt : amp;

		if (!stop) {
			buf_add(out, in.p + i, in.n - i);
			break;
		}
		buf_add(out, in.p + i, (size_t)(stop - in.p) - i);
		i = (size_t)(stop - in.p);
		if (*stop == '&') {
			size_t used = entity_decode_at(in, i, out);

			if (!used) {
				buf_addc(out, '&');
				used = 1;
			}
			i += used;
			continue;
		}
		/* a tag starts with a letter, '/' or '!'; anything else is a raw '<' */
		if (i + 1 < in.n && (is_alpha((unsigned char)in.p[i + 1]) || in.p[i + 1] == '/' ||
				     in.p[i + 1] == '!')) {
			const char *gt = memchr(in.p + i, '>', in.n - i);

			if (!gt)
				break;      /* a page cut inside a tag */
			if (str_istarts(str_make(in.p + i, in.n - i), "<br"))
				buf_addc(out, '\n');
			i = (size_t)(gt - in.p) + 1;
			continue;
		}
		buf_addc(out, '<');
		i++;
	}
}

/* Returns the text between @open (after it) and @close, or the rest of the
 * page when @close is missing (*cut set). */
static struct str between(struct str s, size_t from, const char *open, const char *close,
			  size_t *next, bool *cut)
{
	struct str rest = str_make(s.p + from, s.n - from);
	long a = str_ifind(rest, open), b;

	*cut = false;
	if (a < 0)
		return STR_NULL;
	rest = str_make(rest.p + a + strlen(open), rest.n - (size_t)a - strlen(open));
	b = str_ifind(rest, close);
	if (b < 0) {
		*cut = true;
		*next = s.n;
		return rest;
	}
	*next = (size_t)(rest.p + b + strlen(close) - s.p);
	return str_make(rest.p, (size_t)b);
}

static struct str plain(struct arena *a, struct str html)
{
	struct buf b = { 0 };
	struct str r;

	html_to_text(html, &b);
	r = arena_strdup(a, str_trim(buf_str(&b)));
	buf_free(&b);
	return r;
}

/* The metadata table: <th> names then <td> values. */
static void read_table(struct str table, struct record_meta *meta, struct arena *a)
{
	struct str names[12], values[12];
	size_t nn = 0, nv = 0, at = 0, next;
	bool cut;

	while (nn < 12) {
		struct str th = between(table, at, "<th>", "</th>", &next, &cut);

		if (!th.p || cut)
			break;
		names[nn++] = plain(a, th);
		at = next;
	}
	at = 0;
	while (nv < 12) {
		struct str td = between(table, at, "<td>", "</td>", &next, &cut);

		if (!td.p || cut)
			break;
		values[nv++] = plain(a, td);
		at = next;
	}
	for (size_t i = 0; i < nn && i < nv; i++) {
		if (str_ieq(names[i], "Reference ID"))
			meta->id = values[i];
		else if (str_ieq(names[i], "Created"))
			meta->created = values[i];
		else if (str_ieq(names[i], "Classification"))
			meta->classification = values[i];
		else if (str_ieq(names[i], "Origin"))
			meta->origin_name = values[i];
	}
}

/* "2007-09-11 09:44:00\t", optionally after a row number and a tab. */
static bool row_start(struct str s)
{
	size_t i = 0;

	while (i < s.n && i < 10 && is_digit((unsigned char)s.p[i]))
		i++;
	if (i > 0 && i < s.n && s.p[i] == '\t')
		s = str_make(s.p + i + 1, s.n - i - 1);
	return s.n > 20 && is_digit((unsigned char)s.p[0]) && s.p[4] == '-' && s.p[7] == '-' &&
	       s.p[10] == ' ' && s.p[13] == ':' && s.p[16] == ':' && s.p[19] == '\t';
}

/* Some pages hold a raw database row instead of the text:
 * "2007-09-11 09:44:00\tID\tOrigin\tCLASS\tREFS\tHEADER\\\n...\tBODY\\\n...\n",
 * sometimes with a second row glued on.  Returns true when it repaired one. */
static bool repair_db_row(struct buf *text, struct record_meta *meta, struct arena *a)
{
	struct str s = buf_str(text);
	struct str f[8];
	size_t nf = 0, i = 0, end;
	struct buf out = { 0 };

	if (s.n < 20 || !is_digit((unsigned char)s.p[0]) || s.p[4] != '-' || s.p[10] != ' ' ||
	    s.p[19] != '\t')
		return false;
	/* the row ends where the next row starts (the site dropped some of the
	 * backslashes, so a bare newline does not end it) */
	for (end = 0; end < s.n; end++)
		if (s.p[end] == '\n' && row_start(str_make(s.p + end + 1, s.n - end - 1)))
			break;
	while (nf < 8 && i <= end) {
		const char *tab = nf < 6 ? memchr(s.p + i, '\t', end - i) : NULL;
		size_t e = tab ? (size_t)(tab - s.p) : end;

		f[nf++] = str_make(s.p + i, e - i);
		i = e + 1;
		if (!tab)
			break;
	}
	if (nf < 7)
		return false;
	for (size_t k = 5; k < 7; k++) {
		struct str v = f[k];

		for (size_t j = 0; j < v.n; j++) {
			if (v.p[j] == '\\' && j + 1 < v.n && v.p[j + 1] == '\n')
				continue;
			buf_addc(&out, v.p[j]);
		}
		buf_addc(&out, '\n');
	}
	if (!meta->id.n)
		meta->id = arena_strdup(a, f[1]);
	if (end + 1 < s.n) {
		/* what follows is another cable: say which */
		struct str rest = str_make(s.p + end + 1, s.n - end - 1);
		const char *t1 = memchr(rest.p, '\t', rest.n);
		const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(rest.p + rest.n - t1 - 1)) : NULL;
		const char *t3 = t2 ? memchr(t2 + 1, '\t', (size_t)(rest.p + rest.n - t2 - 1)) : NULL;
		char note[160];
		struct str other = STR_NULL;

		if (t2 && t3)
			other = str_make(t2 + 1, (size_t)(t3 - t2 - 1));
		if (other.n && other.n < 40 && is_digit((unsigned char)other.p[0]))
			snprintf(note, sizeof(note), "the page has a second cable (%.*s) glued on; left out",
				 (int)other.n, other.p);
		else
			snprintf(note, sizeof(note), "the page has a second cable glued on; left out");
		record_note(meta, arena_strdup(a, str_c(note)).p);
	}
	record_note(meta, "the page held a raw database row; its fields were read");
	buf_clear(text);
	buf_addstr(text, buf_str(&out));
	buf_free(&out);
	return true;
}

bool html_extract(struct str page, struct buf *text, struct record_meta *meta, struct arena *a,
		  const char **err)
{
	struct str h3, table, pres[2];
	size_t next = 0, at = 0, npre = 0;
	bool cut = false, any_cut = false;
	struct buf tmp = { 0 };

	*err = NULL;
	buf_clear(text);
	meta->format = FORMAT_HTML;
	h3 = between(page, 0, "<h3>Viewing cable ", "</h3>", &next, &cut);
	if (h3.p && !cut) {
		struct str t = plain(a, h3);
		const char *comma = memchr(t.p, ',', t.n);

		if (comma) {
			meta->id = str_trim(str_make(t.p, (size_t)(comma - t.p)));
			meta->subject = str_trim(str_make(comma + 1, (size_t)(t.p + t.n - comma - 1)));
		} else {
			meta->id = t;
		}
	}
	table = between(page, 0, "<table class='cable'>", "</table>", &next, &cut);
	if (!table.p)
		table = between(page, 0, "<table class=\"cable\">", "</table>", &next, &cut);
	if (table.p) {
		read_table(table, meta, a);
		at = next;
		any_cut |= cut;
	}
	while (npre < 2) {
		struct str pre = between(page, at, "<pre>", "</pre>", &next, &cut);

		if (!pre.p)
			break;
		pres[npre++] = pre;
		at = next;
		any_cut |= cut;
		if (cut)
			break;
	}
	if (npre == 0) {
		*err = table.p ? "the page has no cable text (no <pre> block)"
			       : "not a WikiLeaks cable page (no <pre> block or cable table)";
		return false;
	}
	for (size_t i = 0; i < npre; i++) {
		buf_clear(&tmp);
		html_to_text(pres[i], &tmp);
		if (i == 1 && tmp.n > 20 && is_digit((unsigned char)tmp.p[0]) && tmp.p[19] == '\t') {
			/* the body block is a database row: it holds the header too */
			buf_clear(text);
			buf_addstr(text, buf_str(&tmp));
			repair_db_row(text, meta, a);
			break;
		}
		if (i)
			buf_add(text, "\n\n", 2);
		buf_addstr(text, buf_str(&tmp));
	}
	if (npre == 1)
		repair_db_row(text, meta, a);
	if (any_cut)
		record_note(meta, "the page is cut short; read what was there");
	buf_free(&tmp);
	return true;
}
