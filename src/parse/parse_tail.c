/* parse_tail.c -- the end of a cable: the signer ("SEMBLER", "GILLESPIE##",
 * "BEIRUT MINIMIZE CONSIDERED. EAGLETON", a name followed by the
 * classification line again in the old layout) and the lines after the
 * text: NNNN, footers, notes of the communications centre, the
 * declassification note. */
#include "config.h"
#include "parse/parse_lines.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool is_footer_line(struct str s)
{
	size_t i = 0;

	while (i < s.n && is_digit((unsigned char)s.p[i]))
		i++;
	return i == 4 && str_find(s, " - ") > 4 && s.n < 80;
}

static bool signer_line(struct str s, struct str *name, struct str *prefix, struct str context);

/* "...": the publisher cut the text there. */
static bool cut_mark(struct str s)
{
	struct marker m;

	return ((s.n <= 8 && str_iends(s, "...")) || str_eq_c(s, "\xe2\x80\xa6")) && !read_marker(s, &m);
}

/* A fragment cut short after the signer ("HTS ACTIVIST LIU XIAOBO..."): a
 * line that ends in "..." under a blank line and a name alone. */
static bool cut_after_signer(struct parser *p, size_t i)
{
	struct str s = line_str(p, i), name, prefix;
	size_t j = i;

	if (s.n < 4 || s.n > 80 || !str_iends(s, "...") || j == p->body_start || !line_blank(p, j - 1))
		return false;
	while (j > p->body_start && line_blank(p, j - 1))
		j--;
	return j > p->body_start && signer_line(line_str(p, j - 1), &name, &prefix, STR_NULL) && !prefix.n;
}

/* Lines after the signer, or after the last paragraph: NNNN, footers, notes. */
static bool is_trailer(struct str s)
{
	static const char *const exact[] = { "NNNN", "NNN", "BT", "#", "UNQUOTE", "END OF MESSAGE",
					     "SIPDIS", "ADP000", "ZZ", "//END//", "END CABLE TEXT" };

	if (STR_IEQ_ANY(s, exact) || str_istarts(s, "NOTE BY OC/T") || str_istarts(s, "NOTE BY OCT") ||
	    cut_mark(s) || str_find(s, "EL PA\xc3\x8dS") >= 0 ||
	    is_footer_line(s) || is_level_only(s) || str_istarts(s, "XMT ") || str_istarts(s, "NOTE: NOT PASSED") ||
	    str_istarts(s, "Declassified/Released"))
		return true;
	/* "Review 30 JUN 2006", the second line of the note above */
	if (str_istarts(s, "Review ") && s.n < 24 && is_digit((unsigned char)s.p[s.n - 1]))
		return true;
	/* "#", "###", a stray ">" left by a web page */
	for (size_t i = 0; i < s.n; i++)
		if (is_alpha((unsigned char)s.p[i]) || is_digit((unsigned char)s.p[i]) || s.n > 4)
			return false;
	return true;
}

/* A word that closes a line after the signer ("FEIERSTEIN NNNN End Cable
 * Text", "SOBEL 2008-01-08"): how many bytes of @s's end it takes, or 0. */
static size_t trailing_trailer(struct str s)
{
	static const char *const words[] = { " NNNN", " End Cable Text", " BT" };
	size_t k = s.n;

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (str_iends(s, words[i]))
			return strlen(words[i]) - 1;
	/* a date in ISO form, as some copies add after the name */
	if (k >= 11 && s.p[k - 11] == ' ' && is_digit((unsigned char)s.p[k - 10]) && s.p[k - 6] == '-' &&
	    s.p[k - 3] == '-' && is_digit((unsigned char)s.p[k - 1]))
		return 10;
	return 0;
}

/* Lines that stand just before the signer: EXEMPT, GDS, MINIMIZE CONSIDERED. */
static bool is_pre_signer(struct str s)
{
	struct marker m;

	if (read_marker(s, &m))
		return false;
	return str_ieq(s, "EXEMPT") || str_ieq(s, "GDS") || str_istarts(s, "XGDS") ||
	       (s.n < 50 && str_ifind(s, "MINIMIZE CONSIDERED") >= 0) || str_ieq(s, "NOFORN");
}

/* Words that end a text without being anyone's name: the telegrams' own
 * words, and the common words a sentence left without its stop ends in.
 * Sorted, for a bisection (parse_tail_words_sorted): every word of every
 * name the list reads at a record's end comes here. */
static const char *const stop_words[] = {
	"ABOVE", "ACCORDINGLY", "ACTION", "ADVISE", "AGREE", "ALL", "AMBASSADOR", "AND", "APPROVED", "ARE", "AT",
	"BEGIN", "BEGINS", "BELOW", "BT", "BUT", "BY", "CABLE", "CLASSIFIED", "CLEARED", "CLOSING", "COMMENT",
	"COMMENTS", "CONCUR", "CONCURS", "CONFIDENTIAL", "CONSIDERED", "DECONTROL", "DEPARTMENT", "DEPT", "DONE",
	"DRAFTED", "EMBASSY", "END", "ENDS", "EXDIS", "EXEMPT", "FOLLOW", "FOLLOWS", "FOR", "FYI", "GDS",
	"GUIDANCE", "HERE", "IN", "INFO", "INSTRUCTIONS", "IS", "IT", "LIMDIS", "MESSAGE", "MINIMIZE", "NNNN",
	"NO", "NODIS", "NOFORN", "NON-PAPER", "NONE", "NOT", "NOTE", "OADR", "OF", "OK", "ON", "ONE", "OR", "PARA",
	"PART", "PLEASE", "POINTS", "POST", "POSTS", "PROTECT", "QUOTE", "REF", "REFTEL", "REGARDS", "REPEAT",
	"REPEATED", "REPORT", "REPORTS", "REQUEST", "REQUESTED", "RPT", "SBU", "SECRET", "SECSTATE", "SEE",
	"SENSITIVE", "SEPTEL", "SIGNED", "SINCERELY", "SIPDIS", "STADIS", "STATE", "SUBJECT", "SUMMARY", "TAGS",
	"TALKING", "TEL", "TEXT", "THANKS", "THAT", "THE", "THERE", "THIS", "TO", "TWO", "UNCLAS", "UNCLASSIFIED",
	"UNQUOTE", "UPDATE", "UPDATES", "US", "USG", "WAS", "WE", "YES",
};

static int cmp_word(const void *key, const void *word)
{
	return strcmp((const char *)key, *(const char *const *)word);
}

/* Is @w one of stop_words, in any case? */
static bool not_a_name(struct str w)
{
	char up[16];

	if (w.n >= sizeof(up))
		return false;   /* longer than any of them */
	for (size_t i = 0; i < w.n; i++)
		up[i] = (char)to_upper((unsigned char)w.p[i]);
	up[w.n] = '\0';
	return bsearch(up, stop_words, sizeof(stop_words) / sizeof(stop_words[0]), sizeof(stop_words[0]), cmp_word) != NULL;
}

bool parse_tail_words_sorted(void)
{
	for (size_t i = 1; i < sizeof(stop_words) / sizeof(stop_words[0]); i++)
		if (strcmp(stop_words[i - 1], stop_words[i]) >= 0 || strlen(stop_words[i]) >= 16)
			return false;
	return true;
}

/* A word of a name: "SOBEL", "LeBaron", "O'NEILL", an initial "D." */
static bool signer_word(struct str w)
{
	if (w.n < 2 || !is_upper((unsigned char)w.p[0]))
		return false;
	if (w.n == 2 && w.p[1] == '.')
		return true;
	if (is_redacted(w))
		return false;
	for (size_t i = 0; i < w.n; i++) {
		int ch = (unsigned char)w.p[i];

		if (!(is_alpha(ch) || ch == '\'' || ch == '-'))
			return false;
	}
	return !not_a_name(w);
}

/* "JR", "Jr.", "III" after a name. */
static bool name_suffix(struct str w)
{
	return str_ieq(w, "JR") || str_ieq(w, "JR.") || str_ieq(w, "III") || str_ieq(w, "II");
}

/* The name that ends @s: one to three words of a name's shape ("SOBEL",
 * "LA LIME", "Beyrle", "TIMKEN JR"), a suffix after them; where it starts,
 * or SIZE_MAX.  *caps: written in capitals. */
static size_t name_at_end(struct str s, bool *caps)
{
	size_t end = s.n, start = s.n, words = 0, upper = 0, lower = 0;

	while (words < 4) {
		size_t we = start, ws;
		struct str w;

		while (we && s.p[we - 1] == ' ')
			we--;
		ws = we;
		while (ws && s.p[ws - 1] != ' ')
			ws--;
		w = str_make(s.p + ws, we - ws);
		if (!w.n)
			break;
		if (words == 0 && name_suffix(w) && ws > 0) {
			start = ws;
			continue;
		}
		if (!signer_word(w) || (words == 0 && w.p[w.n - 1] == '.'))
			break;
		words++;
		start = ws;
	}
	if (words < 1 || words > 3)
		return SIZE_MAX;
	for (size_t i = start; i < end; i++) {
		upper += is_upper((unsigned char)s.p[i]);
		lower += is_lower((unsigned char)s.p[i]);
	}
	*caps = lower == 0 || (lower <= 1 && upper >= 4);   /* "McMULLEN" */
	/* in mixed case a name is one or two words ("Beyrle", "La Lime") */
	if (!*caps && words > 2)
		return SIZE_MAX;
	return start;
}

/* Does @head, the line before a name on the same line, end a sentence
 * ("... collected.", "... for show.”", "END COMMENT", "MINIMIZE
 * CONSIDERED.")?  An initial is no sentence's end ("David J. Hazarian"). */
static bool sentence_before(struct str head)
{
	static const char *const phrases[] = { "END COMMENT", "END OF COMMENT", "END TEXT", "END OF TEXT",
					       "END SUMMARY", "MINIMIZE CONSIDERED", "END COMMENT)" };
	struct str h = str_trim(head);
	char ch;

	if (!h.n)
		return false;
	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++)
		if (str_iends(h, phrases[i]))
			return true;
	ch = h.p[h.n - 1];
	if (ch == '.' && h.n >= 2 && is_upper((unsigned char)h.p[h.n - 2]) && (h.n == 2 || h.p[h.n - 3] == ' '))
		return false;
	return ch == '.' || ch == '!' || ch == '?' || ch == ')' || ch == '"' ||
	       (h.n >= 3 && (unsigned char)h.p[h.n - 3] == 0xE2 && (unsigned char)h.p[h.n - 2] == 0x80 &&
		((unsigned char)h.p[h.n - 1] == 0x9D || (unsigned char)h.p[h.n - 1] == 0x99));
}

/* A signer line: the name alone on its line (*prefix empty), or after the
 * last sentence of the line (*prefix the text before it); @context, the
 * line before it, tells a text in capitals from one in mixed case when the
 * line holds little ("3. Koenig"). */
static bool signer_line(struct str s, struct str *name, struct str *prefix, struct str context)
{
	size_t at;
	bool caps;

	*prefix = STR_NULL;
	while (s.n && (s.p[s.n - 1] == '#' || s.p[s.n - 1] == ' '))
		s.n--;
	if (s.n == 0 || s.p[s.n - 1] == '.' || s.p[s.n - 1] == ',')
		return false;
	at = name_at_end(s, &caps);
	if (at == SIZE_MAX)
		return false;
	*name = str_make(s.p + at, s.n - at);
	{
		/* "KUBISKE KUBISKE": the name written twice on its line */
		const char *sp = memchr(name->p, ' ', name->n);

		if (sp && name->n == 2 * (size_t)(sp - name->p) + 1 &&
		    strncasecmp(name->p, sp + 1, (size_t)(sp - name->p)) == 0)
			name->n = (size_t)(sp - name->p);
	}
	if (at == 0)
		return name->n <= 40;
	*prefix = str_make(s.p, at);
	if (!sentence_before(*prefix)) {
		/* "... Hamadeh. BEIRUT 00000586 003 OF 003 SISON": a page header
		 * the copy joined between the last sentence and the name */
		size_t len, h = page_header_in(*prefix, 0, &len, NULL);

		if (h == SIZE_MAX || str_trim(str_make(prefix->p + h + len, prefix->n - h - len)).n ||
		    !sentence_before(str_make(prefix->p, h)))
			return false;
	}
	/* in a text of capitals the name is in capitals; after a text in
	 * mixed case, a name in capitals, or one Capitalised word or two */
	return str_count_lower(*prefix, 4) + str_count_lower(context, 4) < 4 ? caps : true;
}

static void add_trailer(struct parser *p, struct str s)
{
	struct cable *c = p->c;
	struct field *f = cable_add_field(c, &c->trailer, &c->ntrailer, &c->cap_trailer);

	f->text = s;
	f->at = text_span(p, s);
}

/* A line of text in upper and lower case: after it, a name in capitals
 * alone on its line is no more text, but the signer. */
static bool mixed_case(struct str s)
{
	return str_count_lower(s, 2) >= 2;
}

/* A database row glued on after the text cuts it there: what follows is
 * the row's fields and the text again. */
static void cut_db_row(struct parser *p)
{
	size_t from;

	if (p->body_start >= p->nlines)
		return;
	/* one look over the whole text first: most have no row */
	from = p->lines[p->body_start].off;
	if (db_row_in(str_make(p->t + from, p->n - from)) == SIZE_MAX)
		return;
	for (size_t i = p->body_start; i < p->nlines; i++) {
		size_t at = db_row_in(line_str(p, i));

		if (at == SIZE_MAX)
			continue;
		while (at > 0 && p->t[p->lines[i].off + at - 1] == ' ')
			at--;
		p->lines[i].len = (uint32_t)at;
		cable_warn(p->c, "a database row glued to the end of the text was left out, with the %zu lines after it",
			   p->nlines - i - 1);
		p->nlines = i + 1;
		return;
	}
}

/* A line after which a name alone on its line is the signer: a sentence's
 * end, EXEMPT or MINIMIZE CONSIDERED, a rule, a web address, a line in
 * mixed case over a name in capitals. */
static bool before_signer(struct str prev, struct str name)
{
	char ch = prev.n ? prev.p[prev.n - 1] : '.';

	return ends_sentence(prev) || is_pre_signer(prev) || is_redacted(prev) || ch == '*' || ch == '-' || ch == '=' || ch == '_' ||
	       str_find(prev, "://") >= 0 || str_ifind(prev, "www.") >= 0 || (mixed_case(prev) && !mixed_case(name));
}

/* The last word of a text cut off in the middle of its bytes: "mo~97@Q5OQg"
 * (letters, digits and the signs no word holds, mixed). */
static bool garbage_word(struct str w)
{
	size_t odd = 0, digits = 0, letters = 0;

	for (size_t i = 0; i < w.n; i++) {
		int ch = (unsigned char)w.p[i];

		odd += ch == '~' || ch == '@' || ch == '^' || ch == '{' || ch == '}' || ch == '|' || ch == '\\' ||
		       ch == '`' || ch < 0x20;
		digits += is_digit(ch);
		letters += is_alpha(ch);
	}
	return odd >= 2 || (odd && digits && letters);
}

/* A text that ends cut off: the publisher's "..." after it, or garbage
 * after its last word.  The garbage goes; the cable is marked partial and
 * the warning says why. */
static void cut_off_end(struct parser *p, size_t end, struct str *garbage)
{
	struct cable *c = p->c;

	*garbage = STR_NULL;
	for (size_t i = p->nlines; i > p->body_start && i > end; i--) {
		if (!line_blank(p, i - 1) && cut_mark(line_str(p, i - 1))) {
			c->partial = true;
			cable_caution(c, "the text ends in \"...\": its publisher cut it short; marked partial");
			break;
		}
	}
	for (size_t i = end; i > p->body_start; i--) {
		struct str s = line_str(p, i - 1);
		size_t k = s.n;

		if (line_blank(p, i - 1))
			continue;
		while (k && s.p[k - 1] != ' ')
			k--;
		if (garbage_word(str_make(s.p + k, s.n - k))) {
			*garbage = str_make(s.p + k, s.n - k);
			p->lines[i - 1].len = (uint32_t)(str_trim(str_make(s.p, k)).n + (size_t)(str_trim(str_make(s.p, k)).p - s.p));
			c->partial = true;
			cable_caution(c, "the text ends cut off, in garbage (\"%.*s\"), left out; marked partial",
				   (int)MIN(garbage->n, 40), garbage->p);
		} else if (s.n >= 3 && memcmp(s.p + s.n - 3, "...", 3) == 0 && !c->partial &&
			   (s.n - k == 3 || (k < s.n && s.n - k > 3 && is_alpha((unsigned char)s.p[s.n - 4])))) {
			/* "1. ...": a paragraph whose text was left out; "... the
			 * world's l...": cut in the middle of a word or a sentence */
			struct str what = s.n - k == 3 ? s : str_make(s.p + k, s.n - k);

			c->partial = true;
			cable_caution(c, "the text ends in \"%.*s\": cut short; marked partial", (int)MIN(what.n, 40), what.p);
		}
		break;
	}
}

/* The line of text before line @i, blank lines and page breaks passed over. */
static struct str content_before(struct parser *p, size_t i)
{
	while (i > p->body_start) {
		i--;
		if (!line_blank(p, i) && !is_page_break(line_str(p, i), p->station))
			return line_str(p, i);
	}
	return STR_NULL;
}

/* Finds the signer and trailer lines; returns the line where the body ends. */
size_t parse_tail(struct parser *p)
{
	struct cable *c = p->c;
	size_t i, first_trailer;
	struct str name, prefix, cut[8];
	size_t ncut = 0;

	cut_db_row(p);
	i = p->nlines;
	first_trailer = p->nlines;
	while (i > p->body_start) {
		struct str s = line_str(p, i - 1);
		size_t k;

		if (line_blank(p, i - 1) || (is_page_break(s, p->station) && !page_rest(s, p->station).n) ||
		    is_trailer(s) || cut_after_signer(p, i - 1)) {
			if (cut_after_signer(p, i - 1)) {
				c->partial = true;
				cable_caution(c, "a line cut short after the signer (\"%.*s\"), left out; marked partial",
					   (int)MIN(s.n, 60), s.p);
			}
			if (!line_blank(p, i - 1))
				first_trailer = i - 1;
			i--;
			continue;
		}
		/* "FEIERSTEIN NNNN End Cable Text": the trailer on the last line */
		if ((k = trailing_trailer(s)) != 0 && ncut < sizeof(cut) / sizeof(cut[0])) {
			struct str head = str_trim(str_make(s.p, s.n - k));

			cut[ncut++] = str_make(s.p + s.n - k, k);
			p->lines[i - 1].len = (uint32_t)(head.p + head.n - (p->t + p->lines[i - 1].off));
			continue;
		}
		break;
	}
	{
		struct str garbage;

		cut_off_end(p, i, &garbage);
		if (garbage.n && ncut < sizeof(cut) / sizeof(cut[0]))
			cut[ncut++] = garbage;
	}
	/* the name written twice ("Huntsman", "huntsman"): the second is a trailer */
	if (i > p->body_start + 1 && ncut < sizeof(cut) / sizeof(cut[0])) {
		size_t j = i - 1;

		while (j > p->body_start && line_blank(p, j - 1))
			j--;
		if (j > p->body_start && str_ieq(line_str(p, j - 1), "") == false &&
		    line_str(p, j - 1).n == line_str(p, i - 1).n && line_str(p, i - 1).n < 40 &&
		    strncasecmp(line_str(p, j - 1).p, line_str(p, i - 1).p, line_str(p, i - 1).n) == 0 &&
		    signer_line(line_str(p, j - 1), &name, &prefix, STR_NULL) && !prefix.n) {
			cut[ncut++] = line_str(p, i - 1);
			i = j;
		}
	}
	if (i > p->body_start && signer_line(line_str(p, i - 1), &name, &prefix, content_before(p, i - 1))) {
		size_t j = i - 1;

		while (j > p->body_start && (line_blank(p, j - 1) || is_page_break(line_str(p, j - 1), p->station)))
			j--;
		if (prefix.n || j == p->body_start || j < i - 1 || before_signer(line_str(p, j - 1), name)) {
			struct marker mk;

			c->signer.text = name;
			c->signer.at = text_span(p, name);
			if (prefix.n > 48 || (prefix.n && str_ifind(prefix, "MINIMIZE") < 0) ||
			    (prefix.n && read_marker(prefix, &mk))) {
				/* "... END COMMENT. BLAIR": the line is the text's, but for the name */
				struct str head = str_trim(prefix);

				p->lines[i - 1].len = (uint32_t)(head.p + head.n - (p->t + p->lines[i - 1].off));
				goto trailer;
			}
			if (prefix.n)
				add_trailer(p, str_trim(prefix));
			i--;
			while (i > p->body_start &&
			       (line_blank(p, i - 1) || is_pre_signer(line_str(p, i - 1)))) {
				if (!line_blank(p, i - 1))
					add_trailer(p, line_str(p, i - 1));
				i--;
			}
		}
	}
trailer:
	while (ncut)
		add_trailer(p, cut[--ncut]);
	for (size_t k = first_trailer; k < p->nlines; k++)
		if (!line_blank(p, k) && !is_page_break(line_str(p, k), p->station))
			add_trailer(p, line_str(p, k));
	return i;
}
