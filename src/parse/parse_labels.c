/* parse_labels.c -- the labels of the header fields (E.O., TAGS, SUBJECT,
 * REF, Classified By, DECL) at the start of a line, inside one, or glued
 * to the word before them; misspelt ones too.  Part of the bottom layer:
 * the preamble uses it to see where the header starts, the header to read
 * its fields. */
#include "config.h"
#include "parse/parse_lines.h"

#include <string.h>

static bool at_word_end(struct str s, size_t k)
{
	return k >= s.n || !is_alpha((unsigned char)s.p[k]);
}

size_t skip_sep(struct str s, size_t k)
{
	while (k < s.n && (s.p[k] == ' ' || s.p[k] == ':' || s.p[k] == '\t' || s.p[k] == ';'))
		k++;
	return k;
}

/* "E.O. 12958", "EO 12958", "E.o. 12958", "E. O. 12356", "E.0. 12958" */
static bool eo_label(struct str s, size_t *skip)
{
	static const char *const forms[] = { "E.O.", "E. O.", "E.0.", "E.O", "EO" };

	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		size_t k = strlen(forms[f]);

		if (str_istarts(s, forms[f])) {
			size_t v = skip_sep(s, k);

			if (v > k - (forms[f][k - 1] == '.') && v < s.n && is_digit((unsigned char)s.p[v])) {
				*skip = v;
				return true;
			}
		}
	}
	return false;
}

/* The REF labels that need their colon: "REF:", "REFS:", "REFTELS:", "REF(S):". */
static size_t ref_colon_label(struct str s)
{
	static const char *const forms[] = { "REFERENCES:", "REFERENCE:", "REFTELS:", "REFTEL:", "REF(S):",
					     "REFS:", "REF:" };

	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
		if (str_istarts(s, forms[f]))
			return strlen(forms[f]);
	return 0;
}

/* A long label one letter away from its word, with its colon, at a line's
 * start: "Classfied By:", "SUBJCT:", "REFERNCE:" (the short ones, TAGS and
 * REF, are too near other words; their known misspellings are listed). */
static enum label label_misspelt(struct str s, size_t *skip, bool *typo)
{
	static const struct {
		const char *word;
		enum label lbl;
	} words[] = { { "CLASSIFIED", LBL_CLASSBY }, { "SUBJECT", LBL_SUBJECT }, { "REFERENCE", LBL_REF },
		      { "REFERENCES", LBL_REF }, { "REFTELS", LBL_REF } };
	size_t k = 0;
	struct str w;

	/* CLASSIFIED, SUBJECT, REFERENCE, REFTELS */
	if (!s.n || !letter_in((unsigned char)s.p[0], LETTER('C') | LETTER('S') | LETTER('R')))
		return LBL_NONE;
	while (k < s.n && is_alpha((unsigned char)s.p[k]))
		k++;
	w = str_make(s.p, k);
	/* a word one letter from one of these, and its colon (CLASSIFIED's
	 * after " BY"): most lines are told here, before any word is tried */
	if (w.n < 6 || w.n > 11 || k >= s.n || (s.p[k] != ':' && s.p[k] != ' '))
		return LBL_NONE;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t e = k;

		if (str_ieq(w, words[i].word) || !str_one_edit(w, words[i].word))
			continue;
		if (words[i].lbl == LBL_CLASSBY) {
			if (!str_istarts(str_make(s.p + k, s.n - k), " BY"))
				continue;
			e += 3;
		}
		if (e >= s.n || s.p[e] != ':')
			continue;
		*skip = skip_sep(s, e);
		*typo = true;
		return words[i].lbl;
	}
	return LBL_NONE;
}

/* "E.O. 12958" at @s (known to be one): a label at a line's start, and
 * inside a line only before its DECL part ("..., E.O. 12958, reasons
 * 1.4" cites the order). */
static enum label eo_at(struct str s, bool line_start, size_t *skip)
{
	/* inside a line, "E.O. 12958" is a label only before its DECL
	 * part: "..., E.O. 12958, reasons 1.4" cites the order */
	size_t e = *skip;
	struct str after;

	if (line_start)
		return LBL_EO;
	while (e < s.n && is_digit((unsigned char)s.p[e]))
		e++;
	e = skip_sep(s, e);
	after = str_make(s.p + e, s.n - e);
	if (str_istarts(after, "DECL") || str_istarts(after, "N/A") || str_istarts(after, "NA") ||
	    str_istarts(after, "OADR") || str_istarts(after, "X"))
		return LBL_EO;
	return LBL_NONE;
}

/* Inside a line only the unmistakable forms count. */
static enum label inline_label(struct str s, size_t *skip)
{
	static const struct {
		const char *form;
		enum label lbl;
	} plain[] = { { "TAGS:", LBL_TAGS }, { "SUBJECT:", LBL_SUBJECT }, { "SUBJ:", LBL_SUBJECT } };
	size_t k;

	for (size_t f = 0; f < sizeof(plain) / sizeof(plain[0]); f++)
		if (str_istarts(s, plain[f].form)) {
			*skip = skip_sep(s, strlen(plain[f].form));
			return plain[f].lbl;
		}
	if ((k = ref_colon_label(s)) != 0) {
		*skip = skip_sep(s, k);
		return LBL_REF;
	}
	if (str_istarts(s, "CLASSIFIED BY") && (s.n == 13 || s.p[13] == ':' || s.p[13] == ' ')) {
		*skip = skip_sep(s, 13);
		return LBL_CLASSBY;
	}
	return LBL_NONE;
}

/* A label's word as written or misspelt; colon: it needs ':' right after. */
struct label_word {
	const char *word;
	size_t len;
	enum label lbl;
	bool typo, colon;
};

/* The longest word of word_label's: REFERENCES. */
#define LABEL_WORD_MAX 10

/* The labels that start with T, S, U, R or D, as written and misspelt. */
static enum label word_label(struct str s, size_t *skip, bool *typo)
{
#define W(word, lbl, typo, colon) { word, sizeof(word) - 1, lbl, typo, colon }
	/* a list for each first letter, in the order they are tried: every
	 * line of a header comes here, and only its first letter's words can
	 * match it */
	static const struct label_word t_words[] = {
		W("TAGS", LBL_TAGS, false, false), W("TAGES", LBL_TAGS, true, false),
		W("TAG", LBL_TAGS, true, true), W("TAS", LBL_TAGS, true, true),
		W("TGS", LBL_TAGS, true, false), W("TAGSS", LBL_TAGS, true, false),
		W("TABS", LBL_TAGS, true, true),
	}, s_words[] = {
		W("SUBJECT", LBL_SUBJECT, false, false), W("SUBJ", LBL_SUBJECT, false, true),
		W("SUBJET", LBL_SUBJECT, true, true), W("SUBECT", LBL_SUBJECT, true, true),
		W("SUJBECT", LBL_SUBJECT, true, true),
	}, u_words[] = {
		W("UBJECT", LBL_SUBJECT, true, true),
	}, r_words[] = {
		W("REFTELS", LBL_REF, false, true), W("REFTEL", LBL_REF, false, true),
		W("REFERENCES", LBL_REF, false, true), W("REFERENCE", LBL_REF, false, true),
		W("REFS", LBL_REF, false, false), W("REF", LBL_REF, false, false),
	}, d_words[] = {
		W("DECL", LBL_DECL, false, true),
	};
#undef W
	const struct label_word *words = NULL;
	size_t k, nwords = 0;
	/* the first two letters folded once */
	int a = to_upper((unsigned char)s.p[0]), b = s.n < 2 ? 0 : to_upper((unsigned char)s.p[1]);

	switch (a) {
	case 'T': words = t_words; nwords = sizeof(t_words) / sizeof(t_words[0]); break;
	case 'S': words = s_words; nwords = sizeof(s_words) / sizeof(s_words[0]); break;
	case 'U': words = u_words; nwords = sizeof(u_words) / sizeof(u_words[0]); break;
	case 'R': words = r_words; nwords = sizeof(r_words) / sizeof(r_words[0]); break;
	case 'D': words = d_words; nwords = sizeof(d_words) / sizeof(d_words[0]); break;
	default: break;
	}
	/* a word matches only the line's first run of letters, whole: only
	 * the words of its length are compared */
	size_t run = 0;

	while (run < s.n && run <= LABEL_WORD_MAX && is_alpha((unsigned char)s.p[run]))
		run++;
	for (size_t w = 0; w < nwords; w++) {
		size_t n = words[w].len;

		if (n != run || b != words[w].word[1] || !str_istarts(s, words[w].word))
			continue;
		if (n < s.n && s.p[n] == '(' && str_istarts(str_make(s.p + n, s.n - n), "(S)"))
			n += 3;   /* REF(S): */
		if (words[w].colon && (n >= s.n || s.p[n] != ':'))
			continue;
		if (!words[w].colon && n < s.n && !(s.p[n] == ':' || s.p[n] == ' ' || s.p[n] == ',' ||
						   s.p[n] == ';' || s.p[n] == '-' || s.p[n] == '.'))
			continue;
		/* "SUBJECT" and "REF" without a colon must be followed by capitals */
		if (n < s.n && s.p[n] == ' ' && (words[w].lbl == LBL_SUBJECT || words[w].lbl == LBL_REF)) {
			size_t v = skip_sep(s, n);

			if (v < s.n && is_lower((unsigned char)s.p[v]))
				continue;
		}
		k = n;
		while (k < s.n && (s.p[k] == ' ' || s.p[k] == ':' || s.p[k] == ',' || s.p[k] == ';' ||
				   s.p[k] == '-' || s.p[k] == '.'))
			k++;
		*skip = k;
		*typo = words[w].typo || (n < s.n && s.p[n] != ':' && words[w].lbl == LBL_TAGS);
		return words[w].lbl;
	}
	return label_misspelt(s, skip, typo);
}

enum label label_at(struct str s, bool line_start, size_t *skip, bool *typo)
{
	size_t k;

	*typo = false;
	if (!s.n)
		return LBL_NONE;
	if ((s.p[0] == 'E' || s.p[0] == 'e') && eo_label(s, skip))
		return eo_at(s, line_start, skip);
	if (!line_start)
		return inline_label(s, skip);
	/* every label at a line's start begins with one of these, or "(U)", or "A." */
	if (!(s.p[0] == '(' || letter_in((unsigned char)s.p[0], LETTER('T') | LETTER('S') | LETTER('U') | LETTER('R') |
							    LETTER('D') | LETTER('C') | LETTER('B'))) &&
	    !(s.n > 2 && s.p[1] == '.'))
		return LBL_NONE;
	/* "(U) Classified by ..." */
	k = 0;
	if (s.n > 4 && s.p[0] == '(') {
		const char *close = memchr(s.p, ')', MIN(s.n, 8));

		if (close)
			k = (size_t)(close - s.p) + 1;
		while (k < s.n && s.p[k] == ' ')
			k++;
	}
	if (k < s.n && (s.p[k] == 'C' || s.p[k] == 'c') && str_istarts(str_make(s.p + k, s.n - k), "CLASSIFIED BY")) {
		*skip = skip_sep(s, k + 13);
		return LBL_CLASSBY;
	}
	/* "A. REF AMMAN 222": the first item's letter before the label */
	if (s.n > 7 && is_upper((unsigned char)s.p[0]) && s.p[1] == '.' && s.p[2] == ' ' &&
	    str_istarts(str_make(s.p + 3, s.n - 3), "REF ")) {
		*skip = 7;
		return LBL_REF;
	}
	switch (to_upper((unsigned char)s.p[0])) {
	case 'D':
		if (str_istarts(s, "DECLASSIFY ON")) {
			*skip = skip_sep(s, 13);
			return LBL_DECL;
		}
		break;
	case 'S':
		if ((str_istarts(s, "SUMMARY") && at_word_end(s, 7)) || str_istarts(s, "SUMMAY:"))
			return LBL_SUMMARY;
		break;
	case 'B':
		if (str_istarts(s, "BEGIN SUMMARY"))
			return LBL_SUMMARY;
		return LBL_NONE;
	default:
		break;
	}
	/* every label here starts with T, S, U, R or D */
	if (!s.n || !letter_in((unsigned char)s.p[0], LETTER('T') | LETTER('S') | LETTER('U') | LETTER('R') | LETTER('D')))
		return label_misspelt(s, skip, typo);
	return word_label(s, skip, typo);
}

/* A label glued to the word before it: "...TO CAIROClassified By: ...",
 * "...AS UK PRIMEREF: A. LONDON 1939".  Only forms that cannot be words:
 * "Classified By:" as written, and a REF label followed by its first item. */
static bool glued_label(struct str s)
{
	size_t k;

	/* "Classified By:" or "Classified by:", not in capitals */
	if (str_istarts(s, "Classified By:"))
		return s.p[0] == 'C' && s.p[1] == 'l';
	if ((k = ref_colon_label(s)) == 0 || !is_upper((unsigned char)s.p[0]))
		return false;
	while (k < s.n && s.p[k] == ' ')
		k++;
	/* "A.", "A)", "(A)", or a station and its number */
	if (k + 1 < s.n && is_upper((unsigned char)s.p[k]) && (s.p[k + 1] == '.' || s.p[k + 1] == ')'))
		return true;
	if (k + 2 < s.n && s.p[k] == '(' && is_upper((unsigned char)s.p[k + 1]) && s.p[k + 2] == ')')
		return true;
	while (k < s.n && (is_upper((unsigned char)s.p[k]) || s.p[k] == ' '))
		k++;
	return k < s.n && is_digit((unsigned char)s.p[k]);
}

/* Could a label start at @s?  Two or three letters tell, before label_at()
 * looks closely: this runs at every blank of every header line. */
static bool maybe_label(struct str s)
{
	int a, b, c;

	if (s.n < 4)
		return false;
	a = to_upper((unsigned char)s.p[0]);
	b = to_upper((unsigned char)s.p[1]);
	c = to_upper((unsigned char)s.p[2]);
	switch (a) {
	case 'E': return b == '.' || b == 'O';
	case 'T': return b == 'A' && c == 'G';
	case 'S': return b == 'U' && c == 'B';
	case 'R': return b == 'E' && c == 'F';
	case 'C': return b == 'L' && c == 'A';
	default: return false;
	}
}

long find_midline(struct str s, size_t from)
{
	size_t skip;
	bool typo;

	/* what can start a label's test: a blank (a label after it), or a C
	 * or an R (glued to the word before); every other byte is passed by
	 * one look in this table */
	static const unsigned char starts[256] = { [' '] = 1, ['C'] = 2, ['R'] = 2 };

	for (size_t i = from; i + 4 < s.n; i++) {
		struct str rest;

		if (!starts[(unsigned char)s.p[i]])
			continue;
		if (s.p[i] == ' ') {
			int c = s.p[i + 1] | 0x20;

			/* E.O., TAGS, SUBJECT, REF, Classified By: told by the first letter */
			if (c != 'e' && c != 't' && c != 's' && c != 'r' && c != 'c')
				continue;
			rest = str_make(s.p + i + 1, s.n - i - 1);
			if (maybe_label(rest) && label_at(rest, false, &skip, &typo) != LBL_NONE)
				return (long)i + 1;
		} else if (i > from && (s.p[i] == 'C' || s.p[i] == 'R') && is_alpha((unsigned char)s.p[i - 1]) &&
			   maybe_label(str_make(s.p + i, s.n - i)) && glued_label(str_make(s.p + i, s.n - i))) {
			return (long)i;
		}
	}
	return -1;
}

bool line_has_label(struct str s)
{
	size_t skip;
	bool typo;
	enum label l = label_at(s, true, &skip, &typo);

	return (l != LBL_NONE && l != LBL_SUMMARY) || find_midline(s, 0) >= 0;
}
