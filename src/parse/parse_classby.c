/* parse_classby.c -- "Classified By: POLITICAL MINISTER COUNSELOR TOM
 * COUNTRYMAN, REASONS 1.4 (B) AND (D)" and its variants: who classified
 * the cable, and why.  Read from the header's Classified By line, or from
 * the first paragraph where older cables put it ("1. (U) CLASSIFIED BY
 * ..."). */
#include "config.h"
#include "parse/parse_lines.h"

#include <string.h>

/* Takes a leading "(C)", "1." or "CONFIDENTIAL - ENTIRE TEXT." off @v. */
static struct str skip_lead(struct str v)
{
	for (;;) {
		size_t k = 0;

		v = str_trim(v);
		if (v.n > 3 && v.p[0] == '(') {
			const char *close = memchr(v.p, ')', MIN(v.n, (size_t)12));

			if (!close)
				return v;
			k = (size_t)(close - v.p) + 1;
		} else if (v.n > 2 && is_digit((unsigned char)v.p[0]) && v.p[1] == '.' && v.p[2] == ' ') {
			k = 2;
		} else {
			long e = str_ifind(str_make(v.p, MIN(v.n, (size_t)40)), "ENTIRE TEXT");

			if (e < 0)
				return v;
			k = (size_t)e + 11;
			while (k < v.n && (v.p[k] == '.' || v.p[k] == ')' || v.p[k] == ' '))
				k++;
		}
		v = str_make(v.p + k, v.n - k);
	}
}

/* True when the @n bytes at @a are the start of @word, in any case. */
static bool starts_word_of(const char *a, const char *word, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!word[i] || to_upper((unsigned char)a[i]) != (unsigned char)word[i])
			return false;
	return true;
}

/* True when @v begins like a Classified By line. */
bool classby_starts(struct str v)
{
	return str_istarts(skip_lead(v), "CLASSIFIED BY");
}

/* True when the reasons are there: "1.4 (b) and (d)", "REASON 1.5". */
static bool has_reasons(struct str v)
{
	if (str_ifind(v, "REASON") >= 0)
		return true;
	for (size_t i = 0; i + 2 < v.n; i++)
		if (v.p[i] == '1' && v.p[i + 1] == '.' && (v.p[i + 2] == '4' || v.p[i + 2] == '5'))
			return true;
	return false;
}

/* The classifier's name with what follows it in the line taken off its
 * end: punctuation, "for", "per", "under Section", "reasons" cut short,
 * the order's number. */
static struct str trim_by(struct str by)
{
	for (;;) {
		long eo;

		while (by.n && (by.p[by.n - 1] == ',' || by.p[by.n - 1] == ';' || by.p[by.n - 1] == '.' ||
				by.p[by.n - 1] == ' ' || by.p[by.n - 1] == ':' || by.p[by.n - 1] == '-'))
			by.n--;
		if (str_iends(by, " FOR") || str_iends(by, " PER")) {
			by.n -= 4;
			continue;
		}
		/* "... under Section 1.4", "CLASSIFIED BY SECTION 1.5": a section is no name */
		if (str_iends(by, "SECTION") && (by.n == 7 || by.p[by.n - 8] == ' ')) {
			by.n -= 7;
			by = str_trim(by);
			if (str_iends(by, "UNDER"))
				by.n -= 5;
			else if (str_iends(by, "PER"))
				by.n -= 3;
			continue;
		}
		/* "... for Reas": the word "reasons" cut short at the end of the line */
		{
			size_t j = by.n;

			while (j > 0 && is_alpha((unsigned char)by.p[j - 1]))
				j--;
			if (by.n - j >= 3 && by.n - j < 7 && j > 0 && by.p[j - 1] == ' ' &&
			    starts_word_of(by.p + j, "REASONS", by.n - j)) {
				by.n = j;
				continue;
			}
		}
		/* "... for E.O. 12958 reasons 1.4": the order's number is not a name */
		eo = str_ifind(by, "E.O. 1");
		if (eo > 0 && by.n - (size_t)eo <= 12) {
			by.n = (size_t)eo;
			continue;
		}
		break;
	}
	return by;
}

void parse_classby(struct parser *p, struct str orig)
{
	struct cable *c = p->c;
	long at;
	struct str by, why = STR_NULL, v;

	p->saw_classby = true;
	v = skip_lead(join_wrapped(p, orig));
	/* a value that holds no reasons gives way to a later one that does
	 * ("CLASSIFIED BY LINE ADDED", a REF list under the wrong label) */
	if (c->classified_by.text.n) {
		if (c->reasons.text.n || !has_reasons(v))
			return;
		cable_warn(c, "two Classified By lines; kept the one with the reasons");
	}
	while (str_istarts(v, "CLASSIFIED BY")) {
		v = str_make(v.p + 13, v.n - 13);
		v = str_make(v.p + skip_sep(v, 0), v.n - skip_sep(v, 0));
		cable_warn(c, "\"Classified by\" written twice");
		v = skip_lead(v);
	}
	at = str_ifind(v, "REASON");
	if (at < 0 && (at = str_ifind(v, " FOR REA")) >= 0) {
		/* "for Reas (b) and (d)": the word cut short */
		size_t k = (size_t)at + 5;

		while (k < v.n && is_alpha((unsigned char)v.p[k]))
			k++;
		why = str_make(v.p + k, v.n - k);
		by = str_make(v.p, (size_t)at);
	} else if (at >= 0) {
		size_t k = (size_t)at + 6;

		if (k < v.n && (v.p[k] == 'S' || v.p[k] == 's'))
			k++;
		k = skip_sep(v, k);
		why = str_make(v.p + k, v.n - k);
		by = str_make(v.p, (size_t)at);
	} else {
		/* no word "reasons": the reasons start at "1.4" */
		by = v;
		for (size_t i = 0; i + 2 < v.n; i++) {
			if (v.p[i] == '1' && v.p[i + 1] == '.' && is_digit((unsigned char)v.p[i + 2]) &&
			    (i == 0 || v.p[i - 1] == ' ' || v.p[i - 1] == ',')) {
				why = str_make(v.p + i, v.n - i);
				by = str_make(v.p, i);
				break;
			}
		}
	}
	by = str_trim(by);
	by = trim_by(by);
	/* keep "E." of an initial but not the sentence's full stop */
	if (by.n && v.n > by.n && by.p[by.n] == '.' && by.n >= 2 && by.p[by.n - 2] == ' ')
		by.n++;
	why = str_trim(why);
	/* "for reasons EO 12958 1.4(b)": the order cited before the reasons */
	if (str_istarts(why, "E.O. 1") || str_istarts(why, "EO 1")) {
		size_t k = str_istarts(why, "EO") ? 3 : 5;

		while (k < why.n && is_digit((unsigned char)why.p[k]))
			k++;
		why = str_trim(str_make(why.p + k, why.n - k));
	}
	while (why.n && (why.p[why.n - 1] == '.' || why.p[why.n - 1] == ','))
		why.n--;
	c->classified_by.text = by;
	c->classified_by.at = text_span(p, by);
	if (c->classified_by.at.off == SPAN_NONE)
		c->classified_by.at = text_span(p, orig);
	c->reasons.text = why;
	c->reasons.at = text_span(p, why);
	if (c->reasons.at.off == SPAN_NONE)
		c->reasons.at = text_span(p, orig);
}

void parse_reasons(struct parser *p, struct str v)
{
	struct cable *c = p->c;
	size_t k = 6;

	if (!str_istarts(v, "REASON") || c->reasons.text.n)
		return;
	if (k < v.n && (v.p[k] == 'S' || v.p[k] == 's'))
		k++;
	k = skip_sep(v, k);
	v = str_trim(str_make(v.p + k, v.n - k));
	while (v.n && (v.p[v.n - 1] == '.' || v.p[v.n - 1] == ','))
		v.n--;
	c->reasons.text = v;
	c->reasons.at = text_span(p, v);
}
