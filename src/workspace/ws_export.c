/* ws_export.c -- the marks and notes for the tools writers use: Markdown,
 * CSL-JSON (Zotero, Pandoc, citeproc), BibTeX, plain text, JSON Lines */
#include "config.h"
#include "base/json.h"
#include "workspace/ws_export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc/cite.h"
#include "base/files.h"
#include "base/util.h"

/* What a reference says when its year comes from the cable's id. */
#define NO_DATE_NOTE "the year is the cable id's; its text gives no date"

const char *const ws_export_formats[] = { "markdown", "csl-json", "bibtex", "text", "jsonl", "ids", NULL };

struct ex {
	bool (*keep)(const char *id, void *ud);
	void *keep_ud;
	struct buf *out;
	const char *format, *tmpl;
	char last[64];           /* the cable of the item before */
	size_t cables, items;
	struct buf tmp;
};

/* The citation of the cable alone (no paragraph). */
static void cable_cite(struct ex *x, const struct ws_item *it)
{
	struct cite_src s = ws_cite_item(it);

	s.address = "";
	s.marking = "";
	buf_clear(&x->tmp);
	cite_make(&x->tmp, x->tmpl, &s);
}

static void json_c(struct buf *out, const char *key, const char *value, bool comma)
{
	if (comma)
		buf_adds(out, ", ");
	json_string(out, str_c(key));
	buf_adds(out, ": ");
	json_string(out, str_c(value));
}

/* Text without control characters, on one line. */
static void one_line(struct buf *out, const char *s)
{
	cite_clean(out, s, strlen(s));
}

/* Text on one line, Markdown's punctuation escaped: a cable's "*" or "<"
 * (or a note's) is text, never emphasis or a tag. */
static void md_text(struct buf *out, const char *s)
{
	struct buf line = { 0 };

	one_line(&line, s);
	for (size_t i = 0; i < line.n; i++) {
		if (strchr("\\`*_{}[]<>#|~", line.p[i]))
			buf_addc(out, '\\');
		buf_addc(out, line.p[i]);
	}
	buf_free(&line);
}

/* Text on one line with its web addresses as autolinks (<https://…>):
 * GitHub, Pandoc and CommonMark link them, and an underscore or a dot in
 * them stays as written.  A dot or a comma that ends a sentence after an
 * address is not part of it. */
static void md_linked(struct buf *out, const char *s)
{
	struct buf part = { 0 };
	const char *p = s;

	for (;;) {
		const char *at = strstr(p, "https://"), *end;

		if (!at)
			at = strstr(p, "http://");
		if (!at)
			break;
		end = at + strcspn(at, " \t\n<>\"");
		while (end > at && strchr(".,;:)", end[-1]))
			end--;
		buf_clear(&part);
		buf_add(&part, p, (size_t)(at - p));
		buf_addc(&part, '\0');
		md_text(out, part.p);
		buf_addc(out, '<');
		buf_add(out, at, (size_t)(end - at));
		buf_addc(out, '>');
		p = end;
	}
	md_text(out, p);
	buf_free(&part);
}

/* A note as it was written: its lines kept, each escaped, joined by
 * hard line breaks (a backslash at the end of a line, CommonMark's). */
static void md_note(struct buf *out, const char *note)
{
	struct buf line = { 0 };

	for (const char *p = note;;) {
		size_t n = strcspn(p, "\n");

		buf_clear(&line);
		buf_add(&line, p, n);
		buf_addc(&line, '\0');
		md_text(out, line.p);
		if (!p[n])
			break;
		p += n + 1;
		if (*p)
			buf_adds(out, "\\\n");
	}
	buf_free(&line);
}

static void markdown(struct ex *x, const struct ws_item *it, bool first)
{
	if (first) {
		cable_cite(x, it);
		buf_printf(x->out, "%s## ", x->cables > 1 ? "\n" : "");
		buf_addc(&x->tmp, '\0');
		md_linked(x->out, x->tmp.p);
		buf_adds(x->out, "\n\n");
		if (*it->subject) {
			buf_adds(x->out, "*");
			md_text(x->out, it->subject);
			buf_adds(x->out, "*\n\n");
		}
	}
	if (*it->address) {
		buf_printf(x->out, "> **\xC2\xB6%s**%s%s%s ", it->address, *it->marking ? " (" : "", it->marking,
			   *it->marking ? ")" : "");
		md_text(x->out, it->text);
		buf_adds(x->out, "\n\n");
	}
	if (*it->note) {
		buf_printf(x->out, "Note%s%s: ", *it->address ? " on \xC2\xB6" : "", it->address);
		md_note(x->out, it->note);
		buf_adds(x->out, "\n\n");
	}
}

/* Text for citeproc's markup in CSL-JSON: its <, > and & as entities. */
static void html_text(struct buf *out, const char *s)
{
	struct buf clean = { 0 };

	one_line(&clean, s);
	for (size_t i = 0; i < clean.n; i++) {
		char ch = clean.p[i];

		if (ch == '<')
			buf_adds(out, "&lt;");
		else if (ch == '>')
			buf_adds(out, "&gt;");
		else if (ch == '&')
			buf_adds(out, "&amp;");
		else
			buf_addc(out, ch);
	}
	buf_free(&clean);
}

static void csl(struct ex *x, const struct ws_item *it)
{
	char url[160];
	int y, m, d;
	bool dated;

	cite_url(url, sizeof(url), it->id);
	buf_adds(x->out, x->cables > 1 ? ",\n  {" : "  {");
	json_c(x->out, "id", it->id, false);
	json_c(x->out, "type", "report", true);
	json_c(x->out, "number", it->id, true);
	/* the title as written: citeproc re-cases what is not marked nocase */
	buf_adds(x->out, ", \"title\": ");
	buf_clear(&x->tmp);
	buf_adds(&x->tmp, "<span class=\"nocase\">");
	html_text(&x->tmp, *it->subject ? it->subject : it->id);
	buf_adds(&x->tmp, "</span>");
	json_string(x->out, buf_str(&x->tmp));
	json_c(x->out, "publisher", "WikiLeaks", true);
	json_c(x->out, "genre", "Diplomatic cable", true);
	json_c(x->out, "authority", it->origin_name, true);
	/* the station as the author: "(Embassy Riga 2008)" in an author-date style */
	if (*it->origin_name) {
		buf_adds(x->out, ", \"author\": [{");
		json_c(x->out, "literal", it->origin_name, false);
		buf_adds(x->out, "}]");
	}
	dated = sscanf(it->date, "%4d-%2d-%2d", &y, &m, &d) == 3;
	if (dated)
		buf_printf(x->out, ", \"issued\": {\"date-parts\": [[%d, %d, %d]]}", y, m, d);
	else if ((y = cite_year(it->id, NULL)))
		buf_printf(x->out, ", \"issued\": {\"date-parts\": [[%d]]}", y);
	json_c(x->out, "URL", url, true);
	buf_clear(&x->tmp);
	buf_adds(&x->tmp, it->classification);
	if (!dated && y)
		buf_printf(&x->tmp, "%s%s", *it->classification ? "; " : "", NO_DATE_NOTE);
	if (x->tmp.n) {
		buf_addc(&x->tmp, '\0');
		json_c(x->out, "note", x->tmp.p, true);
	}
	buf_adds(x->out, "}");
}

/* BibTeX's special characters escaped, braces balanced. */
static void bib_value(struct buf *out, const char *s)
{
	struct buf clean = { 0 };

	one_line(&clean, s);
	for (size_t i = 0; i < clean.n; i++) {
		char ch = clean.p[i];

		if (strchr("&%$#_{}", ch))
			buf_addc(out, '\\');
		if (ch == '\\')
			buf_adds(out, "\\textbackslash{}");
		else if (ch == '~')
			buf_adds(out, "\\textasciitilde{}");
		else if (ch == '^')
			buf_adds(out, "\\textasciicircum{}");
		else
			buf_addc(out, ch);
	}
	buf_free(&clean);
}

static void bibtex(struct ex *x, const struct ws_item *it)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
					      "nov", "dec" };
	char url[160];
	int y, m, d;

	cite_url(url, sizeof(url), it->id);
	/* the station as the author, an institution: braced whole, so that
	 * no style reads "Embassy" as a first name; the title braced whole,
	 * so that its case is kept */
	buf_printf(x->out, "%s@techreport{%s,\n  author = {{", x->cables > 1 ? "\n" : "", it->id);
	bib_value(x->out, it->origin_name);
	buf_adds(x->out, "}},\n  title = {{");
	bib_value(x->out, *it->subject ? it->subject : it->id);
	buf_adds(x->out, "}},\n  institution = {");
	bib_value(x->out, it->origin_name);
	buf_adds(x->out, "},\n  type = {Diplomatic cable},\n  number = {");
	bib_value(x->out, it->id);
	buf_adds(x->out, "},\n  publisher = {WikiLeaks},\n");
	if (sscanf(it->date, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
		buf_printf(x->out, "  year = {%d},\n  month = %s,\n  day = {%d},\n  date = {%.10s},\n", y, months[m - 1],
			   d, it->date);
	else if ((y = cite_year(it->id, NULL)))
		buf_printf(x->out, "  year = {%d},\n  note = {%s},\n", y, NO_DATE_NOTE);
	buf_printf(x->out, "  url = {%s}\n}\n", url);
}

static void text_item(struct ex *x, const struct ws_item *it)
{
	struct cite_src s = ws_cite_item(it);

	if (x->items > 1)
		buf_adds(x->out, "\n");
	if (*it->address && *it->text)
		cite_quote(x->out, NULL, x->tmpl, &s);
	else
		cite_make(x->out, x->tmpl, &s);
	buf_adds(x->out, "\n");
	if (*it->note) {
		/* as written, its lines kept, each without control characters */
		buf_adds(x->out, "Note: ");
		for (const char *p = it->note;;) {
			size_t n = strcspn(p, "\n");

			cite_clean(x->out, p, n);
			buf_adds(x->out, "\n");
			if (!p[n] || !p[n + 1])
				break;
			p += n + 1;
			buf_adds(x->out, "      ");
		}
	}
}

static void jsonl(struct ex *x, const struct ws_item *it)
{
	struct cite_src s = ws_cite_item(it);
	char url[160];

	cite_url(url, sizeof(url), it->id);
	buf_clear(&x->tmp);
	cite_make(&x->tmp, x->tmpl, &s);
	buf_addc(&x->tmp, '\0');
	buf_adds(x->out, "{");
	json_c(x->out, "id", it->id, false);
	json_c(x->out, "paragraph", it->address, true);
	json_c(x->out, "marking", it->marking, true);
	json_c(x->out, "collections", it->collections, true);
	json_c(x->out, "date", it->date, true);
	json_c(x->out, "origin", it->origin_name, true);
	json_c(x->out, "subject", it->subject, true);
	json_c(x->out, "classification", it->classification, true);
	json_c(x->out, "text", it->text, true);
	json_c(x->out, "note", it->note, true);
	json_c(x->out, "citation", x->tmp.p, true);
	json_c(x->out, "url", url, true);
	buf_adds(x->out, "}\n");
}

static bool one(const struct ws_item *it, void *ud)
{
	struct ex *x = ud;
	bool first = strcmp(x->last, it->id) != 0;

	if (x->keep && !x->keep(it->id, x->keep_ud))
		return true;
	if (first) {
		snprintf(x->last, sizeof(x->last), "%s", it->id);
		x->cables++;
	}
	x->items++;
	if (strcmp(x->format, "markdown") == 0)
		markdown(x, it, first);
	else if (strcmp(x->format, "csl-json") == 0 && first)
		csl(x, it);
	else if (strcmp(x->format, "bibtex") == 0 && first)
		bibtex(x, it);
	else if (strcmp(x->format, "text") == 0)
		text_item(x, it);
	else if (strcmp(x->format, "ids") == 0 && first)
		ws_export_id_line(x->out, it->id, it->date, it->origin, it->subject);
	else if (strcmp(x->format, "jsonl") == 0)
		jsonl(x, it);
	return true;
}

void ws_export_id_line(struct buf *out, const char *id, const char *date, const char *origin, const char *subject)
{
	char url[160];

	cite_url(url, sizeof(url), id);
	buf_printf(out, "%s\t%.10s\t", id, date ? date : "");
	one_line(out, origin ? origin : "");
	buf_addc(out, '\t');
	one_line(out, subject ? subject : "");
	buf_printf(out, "\t%s\n", url);
}

bool ws_export_known(const char *format)
{
	for (size_t i = 0; ws_export_formats[i]; i++)
		if (strcmp(format, ws_export_formats[i]) == 0)
			return true;
	return false;
}

size_t ws_export(struct workspace *w, const char *format, const char *collection, const char *tmpl, struct buf *out)
{
	return ws_export_some(w, format, collection, tmpl, NULL, NULL, out);
}

size_t ws_export_some(struct workspace *w, const char *format, const char *collection, const char *tmpl,
		      bool (*keep)(const char *id, void *ud), void *ud, struct buf *out)
{
	struct ex x = { keep, ud, out, format, tmpl, "", 0, 0, { 0 } };

	if (strcmp(format, "csl-json") == 0)
		buf_adds(out, "[\n");
	ws_items(w, collection, 0, one, &x);
	if (strcmp(format, "csl-json") == 0)
		buf_adds(out, x.cables ? "\n]\n" : "]\n");
	buf_free(&x.tmp);
	return x.items;
}

/* The error of @path for the errno @e, in words a reader knows. */
static void write_error(char *err, size_t errsize, const char *path, int e)
{
	if (e == ENOSPC || e == EDQUOT)
		snprintf(err, errsize, "%s: disk full (%s); the file was not changed", path, strerror(e));
	else
		snprintf(err, errsize, "%s: %s; the file was not changed", path, strerror(e));
}

bool ws_write_file(const char *path, const struct buf *data, char *const *inputs, size_t ninputs, char *err,
		   size_t errsize)
{
	struct stat st, in;
	char *tmp;
	int fd, e = 0;

	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errsize, "%s: is a directory", path);
			return false;
		}
		for (size_t i = 0; i < ninputs; i++)
			if (stat(inputs[i], &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino) {
				snprintf(err, errsize, "%s: is a file being read; not written over", path);
				return false;
			}
	}
	tmp = xasprintf("%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		e = errno;
		write_error(err, errsize, path, e);
		free(tmp);
		return false;
	}
	/* each step keeps its own errno: a later one must not hide it */
	if (!files_write_all(fd, data->p, data->n) || fsync(fd) != 0)
		e = errno;
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e) {
		/* the file is the reader's: the usual permissions, not mkstemp's 0600 */
		mode_t mask = umask(0);

		umask(mask);
		chmod(tmp, 0666 & ~mask);
		if (rename(tmp, path) == 0) {
			free(tmp);
			return true;
		}
		e = errno;
	}
	write_error(err, errsize, path, e);
	unlink(tmp);
	free(tmp);
	return false;
}
