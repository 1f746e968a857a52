/* textcheck.c -- the text's own checks: what a reader copies out of a cable
 * must be the cable's words and nothing else.  Reads every record of the
 * files and folders named (cable texts, pages, dumps), parses each as
 * pilcrow does, and checks what came out against rules of its own, written
 * apart from the parser's so that they hold on cables never seen:
 *
 *   signer-in-text  no paragraph ends with the signer's name: the last
 *                   paragraph does not end, after a sentence, in one to
 *                   three words of a name's shape with no stop after them
 *   signer-set      where the text ends in a name (its own line, or after
 *                   the last sentence), `signer` holds it
 *   page-header     no page header ("ROME 00000097 002 OF 005", "PAGE 02
 *                   ROME 01196 01 OF 02"), in any case, in a paragraph, a
 *                   header field or a REF entry
 *   ref-text        no REF entry holds a paragraph, a portion marking with
 *                   prose after it, a caveat sentence or a header line
 *   header-para     no paragraph the text does not number is a header line
 *                   (E.O., TAGS, SUBJECT, REF, Classified By, its reasons,
 *                   DERIVED FROM, the classification line, routing)
 *   ref-serial      every serial in the REF block (found here in the text
 *                   itself) is the serial of a reference or is named in a
 *                   warning
 *   later-link      no reference leads to a later cable: the parser gives
 *                   no later serial of the citing post in the same year
 *                   unless it says so, and the corpus of these files links
 *                   no cable dated after the one citing it
 *   same-addresses  the same cable from two sources has the same paragraph
 *                   addresses; where the texts differ, the paragraphs they
 *                   share have the same addresses.  Each page is also
 *                   read as the dump gives its cable (its text without
 *                   the site's ¶ anchors, its table as the dump's columns)
 *   list-people     the people and offices the list index keeps for a
 *                   cable (the signer, who classified it, the FM, TO and
 *                   INFO lines, person TAGS: people.h), read from the
 *                   header and the last lines of a dump's record, are the
 *                   ones the whole cable's parse gives; over the corpus of
 *                   the files named, and the pages written as one dump
 *
 * Prints one line a cable and check, tab-separated:
 *   SOURCE CHECK RESULT EXPECTED OURS
 * RESULT is "agree" or "disagree"; SOURCE is the file, and for a record of
 * a dump the file, '#' and the id. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "config.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "doc/cable.h"
#include "corpus/corpus.h"
#include "doc/people.h"
#include "parse/parse.h"
#include "source/source.h"
#include "base/util.h"

static struct cable cab;

/* ---------------------------------------------------------------- output */

static void out_field(struct str s)
{
	for (size_t i = 0; i < s.n && i < 300; i++) {
		char ch = s.p[i];

		putchar(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch);
	}
}

static void row(const char *src, const char *check, bool ok, struct str expected, struct str ours)
{
	printf("%s\t%s\t%s\t", src, check, ok ? "agree" : "disagree");
	out_field(expected);
	putchar('\t');
	out_field(ours);
	putchar('\n');
}

/* ------------------------------------------------------------- patterns */

struct rx {
	const char *pattern;
	pcre2_code *code;
	pcre2_match_data *md;
};

static bool rx_find(struct rx *r, struct str s, size_t from, size_t *start, size_t *end)
{
	int rc;

	if (!r->code) {
		int err;
		PCRE2_SIZE off;

		r->code = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_MULTILINE,
					&err, &off, NULL);
		if (!r->code) {
			fprintf(stderr, "textcheck: bad pattern at %zu: %s\n", (size_t)off, r->pattern);
			exit(2);
		}
		r->md = pcre2_match_data_create_from_pattern(r->code, NULL);
	}
	if (from > s.n)
		return false;
	rc = pcre2_match(r->code, (PCRE2_SPTR)(s.p ? s.p : ""), s.n, from, PCRE2_NO_UTF_CHECK, r->md, NULL);
	if (rc < 0)
		return false;
	{
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);

		if (start)
			*start = ov[0];
		if (end)
			*end = ov[1];
	}
	return true;
}

static void rx_free(struct rx *r)
{
	pcre2_match_data_free(r->md);
	pcre2_code_free(r->code);
	r->md = NULL;
	r->code = NULL;
}

/* A page header: "ROME 00000097 002 OF 005", "Rome 00000097 001.2 of 005",
 * "PAGE 02 ROME 01196 01 OF 02 082030Z". */
static struct rx page_header = { "(?i)\\b\\d{8}\\s+\\d{3}(?:\\.\\d{1,2})?\\s+of\\s+\\d{3}\\b|"
				 "\\bPAGE\\s+\\d{2,3}\\s+[A-Z][A-Z .]{1,40}?\\s\\d{3,6}\\s+\\d{2}\\s+OF\\s+\\d{2}\\b",
				 NULL, NULL };

/* What a REF entry never holds. */
static struct rx not_ref = {
	"(?i)\\bclassified\\s+by\\b|\\bderived\\s+from\\b|\\bdeclassify\\s+on\\b|\\breasons?:?\\s+1\\.[4-6]|"
	"\\bsensitive\\s+but\\s+unclassified\\b|\\bE\\.\\s?O\\.\\s*1[0-9]{4}|\\bTAGS\\s*:|\\bSUBJECT\\s*:|"
	"\\bsummary\\s*:|\\bend\\s+summary\\b|\\bthis\\s+(?:cable|message)\\s+(?:is|was|has)\\b|"
	"(?-i:\\((?:U|SBU|C|S|TS)(?://?[A-Z]+)*\\)\\s+(?:[A-Z][a-z]+|THIS|THE|ON|IN|AS|PER|DURING)\\b)|"
	"(?:^|\\s)(?:¶\\s*)?\\d{1,2}\\.\\s+\\((?:U|SBU|C|S|TS)\\b",
	NULL, NULL };

/* A header line, at the start of a paragraph. */
static struct rx header_line = {
	"(?i)^\\s*(?:\\(?[A-Z/]{1,8}\\)\\s*)?(?:classi?fi?e?d\\s+by\\b|derived\\s+from\\b|reasons?\\s*:?\\s*1\\.[4-6]|"
	"1\\.[4-6]\\s*\\(?[a-h]\\)|E\\.?\\s?O\\.?\\s*1[0-9]{4}|TAGS?\\s*:|SUBJE?C?T?\\s*:|REFS?\\s*:|DECL\\s*:|"
	"FM\\s+AMEMBASSY|TO\\s+RUE|INFO\\s+RUE|DE\\s+RUE|"
	"(?-i:(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET|C O N F I D E N T I A L|S E C R E T)\\s+"
	"(?:SECTION\\s+\\d+\\s+OF\\s+\\d+\\s+)?[A-Z][A-Z ]*\\s0*\\d{2,6}\\b))",
	NULL, NULL };

/* A REF label, and what ends a REF block. */
/* A header field inside the first lines of a paragraph before ¶1. */
static struct rx header_inside = { "(?i)\\bE\\.?\\s?O\\.?\\s*1[0-9]{4}\\b|\\bTAGS?\\s*:|\\bSUBJECT\\s*:|\\bclassified\\s+by\\s*:|"
				   "\\bDECL\\s*:", NULL, NULL };

static struct rx ref_label = { "(?i)(?:^|\\s)REF(?:S|TEL|TELS|ERENCES?)?\\s*:|(?m)^[ \\t]*REFS?(?=\\s+[A-Z(])", NULL, NULL };
static struct rx ref_end = {
	"(?i)classi?fi?e?d\\s+by\\b|\\bderived\\s+from\\b|^\\s*(?:¶\\s*)?\\d{1,2}\\s*[.)]\\s|"
	"^\\s*\\((?:U|SBU|C|S|TS)(?://?[A-Z]+)*\\)|\\bsummary\\b|^\\s*(?:E\\.?O\\.?\\s|TAGS|SUBJECT)|"
	"^\\s*PAGE\\s+\\d|\\bthis\\s+(?:cable|message)\\s+is\\b|"
	"(?-i:\\b\\d{1,2}\\.\\s*\\((?:U|SBU|C|S|TS)(?://?[A-Z]+)*\\)\\s+[A-Z][a-z])|\\b(?:sensitive\\s+but\\s+unclassified)\\b|"
	"(?-i:^\\s*(?:C\\s?O\\s?N\\s?F\\s?I\\s?D|S\\s?E\\s?C\\s?R\\s?E\\s?T|UNCLAS))",
	NULL, NULL };
/* A line that goes on with a REF block after a blank line: an item. */
static struct rx ref_item = { "^\\s*(?:¶\\s*)?(?:[(\\[]?[A-Za-z][)\\].:]\\s|[A-Z][A-Za-z]+(?:\\s+\\S+){0,3}\\s+0*\\d{2,7}\\b)",
			      NULL, NULL };

/* -------------------------------------------------------------- the words */

static bool word_in(struct str w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (str_ieq(w, list[i]))
			return true;
	return false;
}

#define IN(w, list) word_in((w), (list), sizeof(list) / sizeof((list)[0]))

/* Words that end a text without being anyone's name. */
static const char *const not_names[] = {
	"END", "TEXT", "COMMENT", "COMMENTS", "SUMMARY", "UNQUOTE", "QUOTE", "SIPDIS", "NNNN", "NNN", "BT", "NOFORN",
	"CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "UNCLAS", "EXEMPT", "GDS", "NOTE", "THANKS", "REGARDS",
	"MINIMIZE", "CONSIDERED", "DECONTROL", "CLASSIFIED", "BY", "SENSITIVE", "OADR", "ACTION", "REQUEST",
	"REF", "REFTEL", "SEPTEL", "PARA", "SEE", "BELOW", "ABOVE", "FOLLOWS", "AND", "OR", "THE", "OF", "IN",
	"TO", "FOR", "AT", "ON", "IS", "ARE", "WAS", "WE", "YES", "NO", "CABLE", "MESSAGE", "PART", "ONE", "TWO",
	"POINTS", "TALKING", "NON-PAPER", "CABLE", "SUBJECT", "TAGS", "INFO", "SENSITIVE", "BUT", "SBU"
};

static bool name_word(struct str w, bool *caps)
{
	size_t upper = 0, lower = 0;

	if (w.n < 2 || !is_upper((unsigned char)w.p[0]) || IN(w, not_names))
		return false;
	if (strspn(w.p, "X") >= w.n)
		return false;   /* a redaction */
	for (size_t i = 0; i < w.n; i++) {
		int ch = (unsigned char)w.p[i];

		if (is_upper(ch))
			upper++;
		else if (is_lower(ch))
			lower++;
		else if (!(ch == '\'' || ch == '-'))
			return false;
	}
	*caps = lower == 0;
	return upper + lower >= 2;
}

/* Does @t end in a name after its last sentence ("... collected. DRUCKER",
 * "... for show.” Beyrle", a name on a line of its own)?  *name is it. */
static bool name_tail(struct str t, struct str *name)
{
	size_t end = t.n, start, words = 0, caps_words = 0;
	size_t lower = 0;
	const char *w0 = NULL;

	while (end && is_space((unsigned char)t.p[end - 1]))
		end--;
	start = end;
	while (words < 4) {
		size_t we = start, ws;
		bool caps;

		while (we && (t.p[we - 1] == ' '))
			we--;
		ws = we;
		while (ws && !is_space((unsigned char)t.p[ws - 1]))
			ws--;
		if (ws == we || !name_word(str_make(t.p + ws, we - ws), &caps))
			break;
		words++;
		caps_words += caps;
		start = ws;
		w0 = t.p + ws;
	}
	if (!words || words > 3)
		return false;
	/* what stands before: a sentence's end, or a line end */
	{
		size_t k = start;
		bool newline = false;

		while (k && is_space((unsigned char)t.p[k - 1])) {
			newline |= t.p[k - 1] == '\n';
			k--;
		}
		if (!k)
			return false;
		if (!newline) {
			const char *q = t.p + k;
			bool stop = q[-1] == '.' || q[-1] == '!' || q[-1] == '?' || q[-1] == ')' || q[-1] == '"';

			if (k >= 3 && (unsigned char)q[-3] == 0xE2 && (unsigned char)q[-2] == 0x80 &&
			    (unsigned char)q[-1] == 0x9D)
				stop = true;   /* ” */
			/* "David J. Hazarian": an initial is no sentence's end */
			if (q[-1] == '.' && k >= 2 && is_upper((unsigned char)q[-2]) &&
			    (k == 2 || !is_alpha((unsigned char)q[-3])))
				stop = false;
			if (!stop)
				return false;
		}
	}
	for (size_t i = 0; i < t.n; i++)
		lower += is_lower((unsigned char)t.p[i]);
	/* in a text of capitals, a name of capitals; in mixed case, a name
	 * of capitals, or one or two words Capitalised */
	if (lower < 8 && caps_words != words)
		return false;
	if (lower >= 8 && caps_words != words && words > 2)
		return false;
	*name = str_make(w0, end - (size_t)(w0 - t.p));
	return true;
}

/* The last line of the text that is no trailer (NNNN, a rule, a
 * classification, a page header, a footer, "End Cable Text"). */
static struct str last_content(struct str t, struct str *before)
{
	size_t end = t.n;

	*before = STR_NULL;
	while (end) {
		size_t s = end, e = end;
		struct str line;
		size_t alnum = 0;

		while (s && t.p[s - 1] != '\n')
			s--;
		line = str_trim(str_make(t.p + s, e - s));
		for (size_t i = 0; i < line.n; i++)
			alnum += is_alpha((unsigned char)line.p[i]) || is_digit((unsigned char)line.p[i]);
		if (line.n && alnum && !str_ieq(line, "NNNN") && !str_ieq(line, "NNN") && !str_ieq(line, "BT") && !str_istarts(line, "End Cable Text") &&
		    !rx_find(&page_header, line, 0, NULL, NULL) && !(alnum * 2 < line.n)) {
			struct str cls = line;
			bool level = str_istarts(cls, "CONFIDENTIAL") || str_istarts(cls, "SECRET") ||
				     str_istarts(cls, "UNCLASSIFIED") || str_istarts(cls, "UNCLAS");

			if (!(level && line.n < 40)) {
				*before = str_make(t.p, s ? s - 1 : 0);
				return line;
			}
		}
		end = s ? s - 1 : 0;
	}
	return STR_NULL;
}

/* ---------------------------------------------------------- the records */

struct seen {
	char id[64];
	char src[512];
	char date[24];
	char **addr;     /* each paragraph's address */
	char **norm;     /* and its text: letters and digits, upper case */
	char **num;      /* and its number as written */
	size_t n;
};

static struct seen *seen;
static size_t nseen, capseen;
static const char *prefix;   /* taken off the paths printed */

static char *normalised(struct str s)
{
	struct buf b = { 0 };

	for (size_t i = 0; i < s.n; i++) {
		int ch = (unsigned char)s.p[i];

		if (is_alpha(ch) || is_digit(ch))
			buf_addc(&b, (char)to_upper(ch));
	}
	buf_addc(&b, '\0');
	return b.p;
}

static void source_name(const struct record_meta *m, const struct cable *c, char *out, size_t size)
{
	struct str p = m->path;
	size_t pl = prefix ? strlen(prefix) : 0;

	if (pl && p.n > pl && memcmp(p.p, prefix, pl) == 0 && p.p[pl] == '/')
		p = str_make(p.p + pl + 1, p.n - pl - 1);
	if (m->format == FORMAT_CSV)
		snprintf(out, size, "%.*s#%s", (int)p.n, p.p, c->id);
	else
		snprintf(out, size, "%.*s", (int)p.n, p.p);
}

/* ------------------------------------------------------------ the checks */

/* A line that is a name alone: one to three words of a name's shape. */
static bool name_line(struct str line)
{
	struct str rest = line, w;
	size_t words = 0;
	bool caps;

	while (rest.n && (rest.p[rest.n - 1] == '#'))
		rest.n--;
	while (str_next_word(&rest, &w)) {
		if (!name_word(w, &caps))
			return false;
		words++;
	}
	return words >= 1 && words <= 3;
}

/* A line after which a name alone is the signer: the end of a sentence,
 * a web address, a rule. */
static bool before_name(struct str prev, struct str name)
{
	char ch;

	if (!prev.n)
		return true;
	ch = prev.p[prev.n - 1];
	if (ch == '.' || ch == '!' || ch == '?' || ch == ')' || ch == '"' || ch == '*' || ch == '-' || ch == '=' ||
	    (prev.n >= 3 && (unsigned char)prev.p[prev.n - 3] == 0xE2))
		return true;
	if (str_find(prev, "://") >= 0 || str_find(prev, "www.") >= 0)
		return true;
	/* a name in capitals under a line in mixed case */
	return str_count_lower(prev, 3) >= 3 && !str_has_lower(name);
}

static void check_signer(const char *src, const struct cable *c)
{
	/* (a REF or a header alone, no text: no signer to look for) */
	struct str name = STR_NULL, before, last, tail = STR_NULL;
	bool in_text = c->nparas && name_tail(c->paras[c->nparas - 1].text, &tail);
	bool has = false;

	if (c->nparas) {
		struct str t = c->paras[c->nparas - 1].text;
		size_t from = t.n > 80 ? t.n - 80 : 0;

		row(src, "signer-in-text", !in_text, tail, str_make(t.p + from, t.n - from));
	} else {
		row(src, "signer-in-text", true, STR_NULL, STR_NULL);
	}
	/* the text itself: its last line is a name alone under a sentence,
	 * a rule or a web address, or ends in one after its last sentence */
	last = last_content(c->text, &before);
	while (last.n && last.p[last.n - 1] == '#')
		last.n--;       /* "GILLESPIE##" */
	if (last.n && c->nparas) {
		struct str prev = STR_NULL, ln = before;

		while (ln.n) {
			size_t s = ln.n;

			while (s && ln.p[s - 1] != '\n')
				s--;
			prev = str_trim(str_make(ln.p + s, ln.n - s));
			if (prev.n)
				break;
			ln.n = s ? s - 1 : 0;
		}
		if (name_line(last) && before_name(prev, last)) {
			has = true;
			name = last;
		} else if (name_tail(last, &name)) {
			has = true;
		}
	}
	if (has) {
		struct str ours = c->signer.text, w = name;
		size_t k = w.n;
		char key[64];

		while (k && !is_space((unsigned char)w.p[k - 1]))
			k--;
		snprintf(key, sizeof(key), "%.*s", (int)MIN(w.n - k, 60), w.p + k);
		/* the signer holds the name's last word */
		row(src, "signer-set", ours.n && str_ifind(ours, key) >= 0, name, ours);
	} else {
		row(src, "signer-set", true, STR_NULL, c->signer.text);
	}
}

static bool has_page_header(struct str s, struct str *what)
{
	size_t a, b;

	if (!rx_find(&page_header, s, 0, &a, &b))
		return false;
	*what = str_make(s.p + a, b - a);
	return true;
}

static void check_page_headers(const char *src, const struct cable *c)
{
	struct str what = STR_NULL;
	char where[64] = "";
	bool found = false;

	for (size_t i = 0; i < c->nparas && !found; i++)
		if (has_page_header(c->paras[i].text, &what)) {
			snprintf(where, sizeof(where), "¶%s", c->paras[i].address);
			found = true;
		}
	for (size_t i = 0; i < c->nrefs && !found; i++)
		if (has_page_header(c->refs[i].text, &what)) {
			snprintf(where, sizeof(where), "REF %.*s", (int)c->refs[i].label.n, c->refs[i].label.p);
			found = true;
		}
	if (!found && has_page_header(c->subject.text, &what)) {
		snprintf(where, sizeof(where), "subject");
		found = true;
	}
	if (!found && has_page_header(c->classified_by.text, &what)) {
		snprintf(where, sizeof(where), "classified_by");
		found = true;
	}
	if (!found && has_page_header(c->reasons.text, &what)) {
		snprintf(where, sizeof(where), "reasons");
		found = true;
	}
	if (!found && has_page_header(c->signer.text, &what)) {
		snprintf(where, sizeof(where), "signer");
		found = true;
	}
	for (size_t i = 0; i < c->ntags && !found; i++)
		if (has_page_header(c->tags[i].text, &what)) {
			snprintf(where, sizeof(where), "tags");
			found = true;
		}
	row(src, "page-header", !found, str_c(where), what);
}

static void check_ref_text(const char *src, const struct cable *c)
{
	for (size_t i = 0; i < c->nrefs; i++) {
		size_t a, b;

		if (rx_find(&not_ref, c->refs[i].text, 0, &a, &b)) {
			struct str t = c->refs[i].text;
			size_t from = a > 40 ? a - 40 : 0;

			row(src, "ref-text", false, str_make(t.p + a, b - a), str_make(t.p + from, MIN(t.n - from, 120)));
			return;
		}
	}
	row(src, "ref-text", true, STR_NULL, STR_NULL);
}

static void check_header_paras(const char *src, const struct cable *c)
{
	bool before_first = true;

	for (size_t i = 0; i < c->nparas; i++) {
		size_t a, b;
		struct str t = c->paras[i].text;

		if (c->paras[i].number_as_written.n) {
			before_first = false;
			continue;
		}
		if (rx_find(&header_line, t, 0, &a, &b) ||
		    (before_first && rx_find(&header_inside, str_make(t.p, MIN(t.n, 400)), 0, &a, &b))) {
			char addr[32];

			snprintf(addr, sizeof(addr), "¶%s", c->paras[i].address);
			row(src, "header-para", false, str_c(addr), str_make(t.p, MIN(t.n, 100)));
			return;
		}
	}
	row(src, "header-para", true, STR_NULL, STR_NULL);
}

/* ---------------------------------------------------------- REF serials */

static bool month_word(struct str w)
{
	static const char *const m[] = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT",
					 "NOV", "DEC", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY",
					 "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER" };

	return IN(w, m);
}

/* The token (letters and digits) before @at in @s, and after @end. */
static struct str word_before(struct str s, size_t at)
{
	size_t e = at, b;

	while (e && !(is_alpha((unsigned char)s.p[e - 1]) || is_digit((unsigned char)s.p[e - 1])))
		e--;
	b = e;
	while (b && (is_alpha((unsigned char)s.p[b - 1]) || is_digit((unsigned char)s.p[b - 1])))
		b--;
	return str_make(s.p + b, e - b);
}

static struct str word_after(struct str s, size_t end)
{
	size_t b = end, e;

	while (b < s.n && !(is_alpha((unsigned char)s.p[b]) || is_digit((unsigned char)s.p[b])))
		b++;
	e = b;
	while (e < s.n && (is_alpha((unsigned char)s.p[e]) || is_digit((unsigned char)s.p[e])))
		e++;
	return str_make(s.p + b, e - b);
}

static bool all_digits(struct str w)
{
	if (!w.n)
		return false;
	for (size_t i = 0; i < w.n; i++)
		if (!is_digit((unsigned char)w.p[i]))
			return false;
	return true;
}

/* A word of letters, a 0 written for an O among them ("0TTAWA"). */
static bool word_like(struct str w)
{
	size_t letters = 0;

	for (size_t i = 0; i < w.n; i++) {
		if (is_alpha((unsigned char)w.p[i]))
			letters++;
		else if (w.p[i] != '0')
			return false;
	}
	return letters >= 2;
}

/* The REF block of the text, found in the text: from its label to what
 * ends it (a paragraph, a marking, Classified By, ...), over blank lines
 * while an item follows. */
static struct str ref_block(const struct cable *c)
{
	struct str t = c->text;
	size_t head_end = t.n, a, b, e;

	for (size_t i = 0; i < c->nparas; i++)
		if (c->paras[i].number_as_written.n && c->paras[i].at.off < t.n) {
			head_end = c->paras[i].at.off;
			break;
		}
	t.n = head_end;
	if (!rx_find(&ref_label, t, 0, &a, &b))
		return STR_NULL;
	e = t.n;
	if (rx_find(&ref_end, t, b, &a, NULL) && a < e)
		e = a;
	/* a blank line ends it unless an item follows */
	for (size_t i = b; i + 1 < e; i++) {
		if (t.p[i] != '\n')
			continue;
		size_t j = i + 1;

		while (j < e && (t.p[j] == ' ' || t.p[j] == '\t' || t.p[j] == '\r'))
			j++;
		if (j < e && t.p[j] == '\n') {
			size_t k = j;

			while (k < e && is_space((unsigned char)t.p[k]))
				k++;
			if (!rx_find(&ref_item, str_make(t.p + k, e - k), 0, &a, NULL) || a != 0) {
				e = j;
				break;
			}
		}
	}
	return str_make(t.p + b, e - b);
}

/* Does offset @at of @blk stand inside a page header? */
static bool in_page_header(struct str blk, size_t at)
{
	size_t a, b, from = 0;

	while (from < blk.n && rx_find(&page_header, blk, from, &a, &b)) {
		if (at >= a && at < b)
			return true;
		if (a > at)
			return false;
		from = b;
	}
	return false;
}

static bool serial_known(const struct cable *c, struct str digits)
{
	char want[16];
	size_t k = 0, m = 0;

	while (k + 1 < digits.n && digits.p[k] == '0')
		k++;
	for (; k < digits.n && m + 1 < sizeof(want); k++)
		want[m++] = digits.p[k];
	want[m] = '\0';
	for (size_t i = 0; i < c->nrefs; i++) {
		struct str id = c->refs[i].id;
		size_t j = id.n;

		while (j && is_digit((unsigned char)id.p[j - 1]))
			j--;
		if (id.n - j == m && memcmp(id.p + j, want, m) == 0)
			return true;
	}
	/* a warning names it: a run of digits of the same value */
	for (size_t i = 0; i < c->nwarnings; i++) {
		struct str w = c->warnings[i];

		for (size_t at = 0; at < w.n;) {
			size_t e = at;

			if (!is_digit((unsigned char)w.p[at])) {
				at++;
				continue;
			}
			while (e < w.n && is_digit((unsigned char)w.p[e]))
				e++;
			{
				size_t z = at;

				while (z + 1 < e && w.p[z] == '0')
					z++;
				if (e - z == m && memcmp(w.p + z, want, m) == 0)
					return true;
			}
			at = e;
		}
	}
	return false;
}

static void check_ref_serials(const char *src, const struct cable *c)
{
	struct str blk = ref_block(c);
	size_t i = 0, total = 0;
	bool prev_serial = false;

	while (i < blk.n) {
		size_t s, e;
		struct str d, wb, wa;
		bool glued_before, glued_after;

		if (!is_digit((unsigned char)blk.p[i])) {
			if (is_alpha((unsigned char)blk.p[i]) && !(blk.p[i] == 'Z' || blk.p[i] == 'z'))
				prev_serial = false;
			i++;
			continue;
		}
		s = i;
		while (i < blk.n && is_digit((unsigned char)blk.p[i]))
			i++;
		e = i;
		d = str_make(blk.p + s, e - s);
		glued_before = s > 0 && is_alpha((unsigned char)blk.p[s - 1]);
		glued_after = e < blk.n && is_alpha((unsigned char)blk.p[e]);
		wb = word_before(blk, s);
		wa = word_after(blk, e);
		if (glued_before && wb.n > d.n)
			wb = str_make(wb.p, wb.n - d.n);
		if (in_page_header(blk, s) || d.n < 2 || d.n > 7 ||
		    (e < blk.n && (blk.p[e] == 'Z' || blk.p[e] == ':' ||
				   (blk.p[e] == '.' && e + 1 < blk.n && is_digit((unsigned char)blk.p[e + 1])))) ||
		    (s > 0 && blk.p[s - 1] == '.' && s > 1 && is_digit((unsigned char)blk.p[s - 2])) ||
		    /* the parts of a date: 12/14/07, 05-11-07 */
		    (s > 1 && (blk.p[s - 1] == '/' || blk.p[s - 1] == '-') && is_digit((unsigned char)blk.p[s - 2]) &&
		     (d.n <= 2 || (d.n == 4 && atoi(d.p) >= 1940 && atoi(d.p) <= 2030))) ||
		    (e + 1 < blk.n && (blk.p[e] == '/' || blk.p[e] == '-') && is_digit((unsigned char)blk.p[e + 1]) &&
		     d.n <= 2) ||
		    (glued_before && s >= 3 && month_word(str_make(blk.p + s - 3, 3))) ||
		    month_word(wb) || month_word(wa) ||
		    (glued_after && d.n == 2) ||                        /* 09STATE */
		    (d.n == 2 && prev_serial) ||                        /* a year after the serial */
		    (d.n == 4 && (s == 0 || !glued_before) && atoi(d.p) >= 1940 && atoi(d.p) <= 2030 &&
		     (all_digits(wb) || prev_serial || word_like(wa))) ||
		    (d.n == 2 && word_like(wa) && !glued_after) ||   /* 05 STATE 1234, 05 0TTAWA 3518 */
		    (d.n == 3 && d.p[0] == '0' && word_like(wa) && !glued_after) ||   /* 094 QUITO 841 */
		    str_ieq(wb, "PARA") || str_ieq(wb, "PARAS") || str_ieq(wb, "PARAGRAPH") || str_ieq(wb, "SECTION") ||
		    str_ieq(wb, "PAGE") || str_ieq(wb, "PAGES") || str_ieq(wb, "NO") || str_ieq(wb, "PERCENT") ||
		    str_ieq(wa, "PERCENT") || (str_ieq(wb, "OF") && all_digits(wa))) {
			prev_serial = prev_serial && d.n != 2 ? prev_serial : false;
			if (d.n >= 3 && !month_word(wb) && !month_word(wa))
				prev_serial = false;
			continue;
		}
		total++;
		prev_serial = true;
		if (!serial_known(c, d)) {
			size_t from = s > 40 ? s - 40 : 0;

			row(src, "ref-serial", false, d, str_make(blk.p + from, MIN(blk.n - from, 100)));
			return;
		}
	}
	row(src, "ref-serial", true, STR_NULL, STR_NULL);
}

/* ------------------------------------------------------- the cables read */

static void remember(const char *src, const struct cable *c)
{
	struct seen *s;

	if (!c->id[0])
		return;
	if (nseen == capseen) {
		capseen = capseen ? capseen * 2 : 1024;
		seen = xrealloc(seen, capseen * sizeof(*seen));
	}
	s = &seen[nseen++];
	memset(s, 0, sizeof(*s));
	snprintf(s->id, sizeof(s->id), "%s", c->id);
	snprintf(s->src, sizeof(s->src), "%s", src);
	snprintf(s->date, sizeof(s->date), "%s", c->date);
	s->n = c->nparas;
	s->addr = xmalloc((c->nparas + 1) * sizeof(char *));
	s->norm = xmalloc((c->nparas + 1) * sizeof(char *));
	s->num = xmalloc((c->nparas + 1) * sizeof(char *));
	for (size_t i = 0; i < c->nparas; i++) {
		s->addr[i] = xstrdup(c->paras[i].address);
		s->norm[i] = normalised(c->paras[i].text);
		s->num[i] = normalised(c->paras[i].number_as_written);
	}
}

/* The citing cables' references, kept for the check of dates. */
struct citing {
	char src[512];
	bool id_from_name;   /* the text names no id: its file's name does */
	char id[64];
	char date[24];
	char **refs;
	size_t n;
};

static struct citing *cites;
static size_t ncites, capcites;

/* Does a warning say that the reference of serial @digits names a later cable? */
static bool later_said(const struct cable *c, struct str digits)
{
	for (size_t i = 0; i < c->nwarnings; i++) {
		struct str w = c->warnings[i];
		long at = str_find(w, "names a later cable");

		if (at >= 0 && digits.n) {
			char want[24];

			snprintf(want, sizeof(want), " %.*s ", (int)MIN(digits.n, 20), digits.p);
			if (str_find(w, want) >= 0)
				return true;
		}
	}
	return false;
}

static void remember_refs(const char *src, const struct cable *c)
{
	struct citing *k;

	if (ncites == capcites) {
		capcites = capcites ? capcites * 2 : 1024;
		cites = xrealloc(cites, capcites * sizeof(*cites));
	}
	k = &cites[ncites++];
	memset(k, 0, sizeof(*k));
	snprintf(k->src, sizeof(k->src), "%s", src);
	snprintf(k->id, sizeof(k->id), "%s", c->id);
	for (size_t i = 0; i < c->nwarnings; i++)
		k->id_from_name |= str_find(c->warnings[i], "took the file name's") >= 0;
	snprintf(k->date, sizeof(k->date), "%s", c->date);
	k->refs = xmalloc((c->nrefs + 1) * sizeof(char *));
	for (size_t i = 0; i < c->nrefs; i++) {
		struct str id = c->refs[i].id;
		size_t d = id.n;

		if (!id.n)
			continue;
		/* a later cable the parser itself says it names is said, not hidden */
		while (d && is_digit((unsigned char)id.p[d - 1]))
			d--;
		if (later_said(c, str_make(id.p + d, id.n - d)))
			continue;
		k->refs[k->n++] = xstrndup(id.p, id.n);
	}
}

/* "09ROME97" -> year 9, station "ROME", serial 97 (false when not of that shape). */
static bool id_parts(const char *id, int *yy, char *station, size_t size, long *serial)
{
	size_t n = strlen(id), i = 2, j;

	if (n < 4 || !is_digit((unsigned char)id[0]) || !is_digit((unsigned char)id[1]))
		return false;
	j = n;
	while (j > i && is_digit((unsigned char)id[j - 1]))
		j--;
	if (j == n || j == i)
		return false;
	for (size_t k = i; k < j; k++)
		if (!is_upper((unsigned char)id[k]))
			return false;
	*yy = (id[0] - '0') * 10 + (id[1] - '0');
	snprintf(station, size, "%.*s", (int)(j - i), id + i);
	*serial = atol(id + j);
	return true;
}

/* The links the corpus makes over these files, for the citing cable @id: a
 * link to a cable dated after it, or NULL (*why says which). */
static struct corpus *corp;

static const char *later_in_corpus(const char *id, char *why, size_t size)
{
	long e = corpus_find(corp, id);
	const struct centry *ce;
	size_t n;
	const uint32_t *refs;

	if (e < 0)
		return NULL;
	ce = corpus_entry(corp, (size_t)e);
	n = corpus_refs(corp, (size_t)e, &refs);
	for (size_t r = 0; r < n; r++) {
		bool moved;
		long t = corpus_ref_target(corp, (size_t)e, corpus_str(corp, refs[r]), &moved);
		const struct centry *te = t >= 0 ? corpus_entry(corp, (size_t)t) : NULL;

		if (te && ce->date && te->date && te->date / 1440 > ce->date / 1440) {
			snprintf(why, size, "the corpus links %s, dated after it", corpus_str(corp, te->id));
			return corpus_str(corp, te->id);
		}
	}
	return NULL;
}

static void check_later_links(void)
{
	for (size_t i = 0; i < ncites; i++) {
		struct citing *k = &cites[i];
		int yy, ryy;
		char st[64], rst[64];
		long ser, rser;
		/* a serial known only from a file's name tells no order */
		bool have = !k->id_from_name && id_parts(k->id, &yy, st, sizeof(st), &ser);
		const char *bad = NULL;
		char why[160] = "";

		if (!k->n)
			continue;
		/* the parser: a later serial of the citing post, not said */
		for (size_t r = 0; r < k->n && !bad; r++) {
			if (have && id_parts(k->refs[r], &ryy, rst, sizeof(rst), &rser) && ryy == yy &&
			    strcmp(rst, st) == 0 && rser > ser) {
				bad = k->refs[r];
				snprintf(why, sizeof(why), "a later serial of %s", k->id);
			}
		}
		/* the corpus: a link to a cable dated after the citing one */
		if (!bad && corp)
			bad = later_in_corpus(k->id, why, sizeof(why));
		row(k->src, "later-link", !bad, str_c(why), str_c(bad ? bad : ""));
	}
}

/* All of a cable's paragraphs as one normalised text. */
static char *whole_text(const struct seen *s)
{
	struct buf b = { 0 };

	for (size_t k = 0; k < s->n; k++) {
		buf_adds(&b, s->num[k]);
		buf_adds(&b, s->norm[k]);
	}
	buf_addc(&b, '\0');
	return b.p;
}

static void check_same_addresses(void)
{
	for (size_t i = 0; i < nseen; i++) {
		for (size_t j = i + 1; j < nseen; j++) {
			struct seen *a = &seen[i], *b = &seen[j];
			char *wa, *wb;
			bool ok = true;
			char what[700] = "";

			if (strcmp(a->id, b->id) != 0)
				continue;
			wa = whole_text(a);
			wb = whole_text(b);
			if (strcmp(wa, wb) == 0) {
				/* the same words: the same paragraphs, the same addresses */
				for (size_t k = 0; k < MAX(a->n, b->n) && ok; k++)
					if (k >= a->n || k >= b->n || strcmp(a->addr[k], b->addr[k]) != 0) {
						ok = false;
						snprintf(what, sizeof(what), "¶%s here, ¶%s in %s", k < a->n ? a->addr[k] : "-",
							 k < b->n ? b->addr[k] : "-", b->src);
					}
			} else {
				/* the paragraphs they share, each once in both */
				for (size_t k = 0; k < a->n && ok; k++) {
					size_t found = 0, at = 0, mine = 0;

					if (strlen(a->norm[k]) < 12)
						continue;
					for (size_t m = 0; m < a->n; m++)
						mine += strcmp(a->norm[m], a->norm[k]) == 0;
					for (size_t m = 0; m < b->n; m++)
						if (strcmp(b->norm[m], a->norm[k]) == 0) {
							found++;
							at = m;
						}
					if (found == 1 && mine == 1 && strcmp(a->addr[k], b->addr[at]) != 0) {
						ok = false;
						snprintf(what, sizeof(what), "¶%s here, ¶%s in %s", a->addr[k], b->addr[at], b->src);
					}
				}
			}
			free(wa);
			free(wb);
			row(a->src, "same-addresses", ok, str_c(b->src), str_c(what));
		}
	}
}

/* --------------------------------------------------------------- driving */

/* @text without the ¶ signs a cable page puts before a number that starts
 * a line (its paragraph anchors; the dump has none). */
static void without_anchors(struct str text, struct buf *out)
{
	bool line_start = true;

	for (size_t i = 0; i < text.n; i++) {
		if (line_start && i + 2 < text.n && (unsigned char)text.p[i] == 0xC2 &&
		    (unsigned char)text.p[i + 1] == 0xB6 && is_digit((unsigned char)text.p[i + 2])) {
			i++;
			continue;
		}
		buf_addc(out, text.p[i]);
		if (text.p[i] == '\n')
			line_start = true;
		else if (text.p[i] != ' ')
			line_start = false;
	}
}

/* The pages written as a dump (list-people): its records, and the name
 * of the page each came from, in order. */
static struct buf page_dump;
static char **page_src;
static size_t npage_src, cap_page_src;

/* @s as a field of the dump: quoted, with its quotes and backslashes
 * escaped by a backslash as the dump writes them. */
static void csv_field(struct buf *out, struct str s, bool last)
{
	buf_addc(out, '"');
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] == '"' || s.p[i] == '\\')
			buf_addc(out, '\\');
		buf_addc(out, s.p[i]);
	}
	buf_adds(out, last ? "\"\n" : "\",");
}

static void page_as_record(const char *src, const struct record_meta *m, struct str text)
{
	char row[32];

	snprintf(row, sizeof(row), "%zu", npage_src + 1);
	csv_field(&page_dump, str_c(row), false);
	/* the dump's date is "08/13/1979 04:04", the page's "1979-08-13 04:04" */
	if (m->created.n >= 16 && m->created.p[4] == '-' && m->created.p[7] == '-') {
		char d[32];

		snprintf(d, sizeof(d), "%.2s/%.2s/%.4s %.5s", m->created.p + 5, m->created.p + 8, m->created.p,
			 m->created.p + 11);
		csv_field(&page_dump, str_c(d), false);
	} else {
		csv_field(&page_dump, m->created, false);
	}
	csv_field(&page_dump, m->id, false);
	csv_field(&page_dump, m->origin_name, false);
	csv_field(&page_dump, m->classification, false);
	csv_field(&page_dump, m->refs, false);
	csv_field(&page_dump, STR_NULL, false);
	csv_field(&page_dump, text, true);
	grow_array((void **)&page_src, &cap_page_src, npage_src + 1, sizeof(*page_src));
	page_src[npage_src++] = xstrdup(src);
}

static void person_joined(struct str value, void *ud)
{
	struct buf *b = ud;

	if (b->n)
		buf_adds(b, "; ");
	buf_add(b, value.p, value.n);
}

/* list-people over every cable of @c; @names: each entry's source name
 * (NULL: made from its cable's path and id). */
static void check_list_people(struct corpus *c, char **names)
{
	struct buf want = { 0 }, ours = { 0 }, scratch = { 0 };

	for (size_t i = 0; i < corpus_count(c); i++) {
		const struct cable *full = corpus_cable(c, i);
		const uint32_t *offs;
		size_t n = corpus_people(c, i, &offs);
		char src[600];

		if (!full)
			continue;
		if (names) {
			snprintf(src, sizeof(src), "%s#dump", names[i]);
		} else {
			struct record_meta m;

			memset(&m, 0, sizeof(m));
			m.path = full->path;
			m.format = full->format;
			source_name(&m, full, src, sizeof(src));
		}
		buf_clear(&want);
		buf_clear(&ours);
		people_each(full, &scratch, person_joined, &want);
		for (size_t k = 0; k < n; k++)
			person_joined(str_c(corpus_str(c, offs[k])), &ours);
		row(src, "list-people", want.n == ours.n && memcmp(want.p, ours.p, want.n) == 0, buf_str(&want),
		    buf_str(&ours));
	}
	buf_free(&want);
	buf_free(&ours);
	buf_free(&scratch);
}

/* The pages as one dump, in a file of their own, read as a corpus. */
static void check_page_dump(void)
{
	const char *dir = getenv("TMPDIR");
	char buf[4096];
	int fd;
	struct corpus *c;
	char *paths[1];

	if (!npage_src)
		return;
	snprintf(buf, sizeof(buf), "%s/textcheck-XXXXXX.csv", dir && *dir ? dir : "/tmp");
	fd = mkstemps(buf, 4);
	if (fd < 0 || write(fd, page_dump.p, page_dump.n) != (ssize_t)page_dump.n) {
		perror("textcheck: the pages as a dump");
		exit(2);
	}
	close(fd);
	paths[0] = buf;
	c = corpus_new();
	corpus_add_paths(c, paths, 1);
	while (!corpus_index_step(c, 1000))
		;
	if (corpus_count(c) != npage_src)
		fprintf(stderr, "textcheck: the pages' dump gives %zu cables of %zu\n", corpus_count(c), npage_src);
	else
		check_list_people(c, page_src);
	corpus_free(c);
	if (!getenv("TEXTCHECK_KEEP"))
		unlink(buf);
	else
		fprintf(stderr, "kept %s\n", buf);
}

static bool one(struct str text, const struct record_meta *m, void *ud)
{
	char src[512];

	(void)ud;
	if (!parse_cable(&cab, text, m))
		return true;
	source_name(m, &cab, src, sizeof(src));
	check_signer(src, &cab);
	check_page_headers(src, &cab);
	check_ref_text(src, &cab);
	check_header_paras(src, &cab);
	check_ref_serials(src, &cab);
	remember(src, &cab);
	remember_refs(src, &cab);
	if (m->format == FORMAT_HTML) {
		/* the same cable as the dump gives it: the text without the
		 * site's ¶ anchors, its table as the dump's columns */
		struct buf t = { 0 };
		struct record_meta dm = *m;
		char dsrc[600];

		without_anchors(text, &t);
		dm.format = FORMAT_CSV;
		if (parse_cable(&cab, buf_str(&t), &dm)) {
			snprintf(dsrc, sizeof(dsrc), "%s#dump", src);
			remember(dsrc, &cab);
			page_as_record(src, m, buf_str(&t));
		}
		buf_free(&t);
	}
	return true;
}

int main(int argc, char **argv)
{
	struct source_stats st = { 0 };
	int first = 1;

	if (argc > 2 && strcmp(argv[1], "-p") == 0) {
		prefix = argv[2];
		first = 3;
	}
	cable_init(&cab);
	source_read(argv + first, (size_t)(argc - first), one, NULL, &st);
	/* the same files as one corpus, for its links */
	corp = corpus_new();
	corpus_add_paths(corp, argv + first, (size_t)(argc - first));
	while (!corpus_index_step(corp, 1000))
		;
	check_later_links();
	check_list_people(corp, NULL);
	corpus_free(corp);
	check_page_dump();
	for (size_t i = 0; i < npage_src; i++)
		free(page_src[i]);
	free(page_src);
	buf_free(&page_dump);
	check_same_addresses();
	cable_free(&cab);
	for (size_t i = 0; i < nseen; i++) {
		for (size_t k = 0; k < seen[i].n; k++) {
			free(seen[i].addr[k]);
			free(seen[i].norm[k]);
			free(seen[i].num[k]);
		}
		free(seen[i].addr);
		free(seen[i].norm);
		free(seen[i].num);
	}
	free(seen);
	for (size_t i = 0; i < ncites; i++) {
		for (size_t k = 0; k < cites[i].n; k++)
			free(cites[i].refs[k]);
		free(cites[i].refs);
	}
	free(cites);
	rx_free(&page_header);
	rx_free(&not_ref);
	rx_free(&header_line);
	rx_free(&ref_label);
	rx_free(&header_inside);
	rx_free(&ref_end);
	rx_free(&ref_item);
	return st.problems ? 1 : 0;
}
