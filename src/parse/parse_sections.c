/* parse_sections.c -- section headings between the paragraphs ("GROWING
 * CONCERN" over a rule of dashes, "Comment" before a marked paragraph),
 * SUMMARY and END SUMMARY. */
#include "config.h"
#include "parse/parse_body.h"

#include <string.h>

bool is_rule(struct str s)
{
	size_t dashes = 0;

	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] == '-' || s.p[i] == '=' || s.p[i] == '_')
			dashes++;
		else if (s.p[i] != ' ')
			return false;
	}
	return dashes >= 3;
}

/* Where a rule glued to the end of a heading starts ("NO-NONSENSE STYLE -----"), or s.n. */
size_t rule_suffix(struct str s)
{
	size_t e = s.n, dashes = 0;

	while (e > 0 && (s.p[e - 1] == '-' || s.p[e - 1] == ' ')) {
		dashes += s.p[e - 1] == '-';
		e--;
	}
	return dashes >= 5 && e > 0 && s.p[e] == ' ' ? e : s.n;
}

size_t next_content(struct parser *p, size_t i, size_t end)
{
	while (i < end && (line_blank(p, i) || is_page_break(line_str(p, i), p->station)))
		i++;
	return i;
}

static bool all_caps(struct str s)
{
	bool letters = false;

	for (size_t i = 0; i < s.n; i++) {
		if (is_lower((unsigned char)s.p[i]))
			return false;
		letters |= is_upper((unsigned char)s.p[i]);
	}
	return letters;
}

static size_t word_count(struct str s)
{
	size_t n = 0;
	struct str w;

	while (str_next_word(&s, &w))
		n++;
	return n;
}

/* A short line of a title's shape ("U.S. - EU Summit"): after it, a
 * marked paragraph starts even without a blank line between. */
bool heading_like(struct str s)
{
	return s.n && s.n <= 60 && is_upper((unsigned char)s.p[0]) && s.p[s.n - 1] != ',' &&
	       s.p[s.n - 1] != '-' && word_count(s) <= 8;
}

/* A row of a table ("FOREIGN GRANTS AND LOANS   13.8   15.7"): not a heading. */
static bool looks_tabular(struct str s)
{
	size_t digits = 0, letters = 0;

	if (str_find(s, "   ") >= 0 && rule_suffix(s) == s.n)
		return true;
	for (size_t i = 0; i < s.n; i++) {
		digits += is_digit((unsigned char)s.p[i]);
		letters += is_alpha((unsigned char)s.p[i]);
	}
	return digits * 2 > letters;
}

/* Is line @i a section heading?  Sets *next to the line after it (and after its rule). */
bool heading_at(struct parser *p, struct body *b, size_t i, size_t end, size_t *next)
{
	struct str s = line_str(p, i);
	struct marker m;
	size_t k;
	char last;

	if (s.n == 0 || s.n > 80 || s.p[0] == '(' || s.p[0] == '"' || is_rule(s) ||
	    read_marker(s, &m) || is_page_break(s, p->station))
		return false;
	last = s.p[s.n - 1];
	if (last == '.' || last == ',' || last == ';' || looks_tabular(s))
		return false;
	if (rule_suffix(s) < s.n) {
		*next = i + 1;
		return true;
	}
	if (i + 1 < end && is_rule(line_str(p, i + 1))) {
		*next = i + 2;
		return true;
	}
	if (i + 1 < end && !line_blank(p, i + 1))
		return false;
	k = next_content(p, i + 1, end);
	if (k >= end)
		return false;
	if (read_marker(line_str(p, k), &m)) {
		enum take take;

		if (body_decide(p, b, &m, true, false, &take)) {
			*next = i + 1;
			return true;
		}
	}
	if (!b->numbered && word_count(s) <= 8 && (all_caps(s) || last == ':') && s.n <= 60) {
		*next = i + 1;
		return true;
	}
	return false;
}

bool starts_summary(struct str s)
{
	size_t k;

	if (str_istarts(s, "BEGIN SUMMARY"))
		return true;
	if (str_istarts(s, "SUMMARY"))
		k = 7;
	else if (str_istarts(s, "SUMMAY"))
		k = 6;
	else
		return false;
	return k == s.n || s.p[k] == ':' || s.p[k] == '.' || s.p[k] == ' ' || s.p[k] == '-';
}

bool section_is_summary(const struct cable *c, int section)
{
	return section >= 0 && str_ifind(c->sections[section].title, "SUMMAR") >= 0;
}

static bool delimiter(char ch)
{
	return ch == '-' || ch == '=' || ch == '_' || ch == '/' || ch == '*' || ch == '~' || ch == '#' || ch == ' ';
}

/* A heading without the marks drawn around it: "-- KOSOVO --", "- - - A
 * Dissenting View - - -", "//ISLAMISTS RESURGENT//", "------- COMMENT". */
static struct str undelimited(struct str s)
{
	struct str t = s;

	while (t.n && delimiter(t.p[0]))
		t = str_make(t.p + 1, t.n - 1);
	while (t.n && delimiter(t.p[t.n - 1]))
		t.n--;
	return t.n ? t : s;
}

int add_section(struct parser *p, struct str title)
{
	struct section *sec = cable_add_section(p->c);

	title.n = rule_suffix(title);
	title = undelimited(str_trim(title));
	sec->title = title;
	sec->at = text_span(p, title);
	return (int)p->c->nsections - 1;
}

