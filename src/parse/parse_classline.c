/* parse_classline.c -- the classification line ("CONFIDENTIAL ROME 003933",
 * "C O N F I D E N T I A L SECTION 01 OF 03 ROME 001187", "UNCLAS SECTION 01
 * OF 02 HAVANA 004690"), spaced out, lower-cased, with a year before the
 * station, or glued to the end of another line.  Part of the bottom layer:
 * the preamble looks for it, the header and the body stop at it. */
#include "config.h"
#include "parse/parse_lines.h"

#include <string.h>

static const char *const level_words[] = {
	"TOP SECRET", "TOPSECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "UNCLAS",
	"LIMITED OFFICIAL USE",
};

/* Spaced-out levels that lost a letter, or a blank, on the way: as the
 * squeezed line reads them, and the level they are. */
static const struct {
	const char *as_squeezed, *level;
} damaged[] = {
	{ "ECRET", "SECRET" }, { "SE CRET", "SECRET" }, { "CSE CRET", "SECRET" },
	{ "ONFIDENTIAL", "CONFIDENTIAL" }, { "CO NFIDENTIAL", "CONFIDENTIAL" },
	{ "NCLASSIFIED", "UNCLASSIFIED" }, { "UN CLASSIFIED", "UNCLASSIFIED" },
};

static const char *const class_caveats[] = {
	"NOFORN", "EFTO", "SENSITIVE", "SBU", "FOUO", "EXDIS", "NODIS", "LIMDIS", "STADIS", "NOFORN//",
};

#define SQUEEZE_MAX 240

/* Upper-case copy of the start of @s with spaced-out letters joined and
 * runs of blanks made one; pos[k] is the offset in @s of up[k]. */
static size_t squeeze_line(struct str s, char *up, uint32_t *pos)
{
	size_t k = 0;

	for (size_t i = 0; i < s.n && k + 1 < SQUEEZE_MAX; i++) {
		int c = (unsigned char)s.p[i];

		if (c == ' ' || c == '\t') {
			bool single_before = i > 0 && is_alpha((unsigned char)s.p[i - 1]) &&
					     (i < 2 || s.p[i - 2] == ' ');
			bool single_after = i + 1 < s.n && is_alpha((unsigned char)s.p[i + 1]) &&
					    (i + 2 >= s.n || !is_alpha((unsigned char)s.p[i + 2]));

			if (single_before && single_after)
				continue;
			if (k && up[k - 1] == ' ')
				continue;
			c = ' ';
		}
		up[k] = (char)to_upper(c);
		pos[k] = (uint32_t)i;
		k++;
	}
	up[k] = '\0';
	pos[k] = (uint32_t)(k ? pos[k - 1] + 1 : 0);
	return k;
}

static bool word_at(const char *up, size_t i, const char *w)
{
	size_t n;

	/* the first letter first: most words of the lists differ there */
	if (up[i] != w[0])
		return false;
	n = strlen(w);
	return strncmp(up + i, w, n) == 0 &&
	       (up[i + n] == '\0' || up[i + n] == ' ' || up[i + n] == '/' || up[i + n] == ',');
}

static size_t skip_digits(const char *up, size_t i)
{
	while (is_digit((unsigned char)up[i]))
		i++;
	return i;
}

/* A cheap look first: every classification starts with one of a few
 * letters (or, its first letter lost, "E C R E T", "O N F I D E N T I A
 * L"), and its first three letters, blanks left out, name a level.  Most
 * lines stop here. */
static bool may_be_class_line(struct str s)
{
	static const char *const starts[] = { "UNC", "CON", "SEC", "TOP", "LIM", "ECR", "ONF", "NCL", "CSE" };
	char first[3];
	size_t k = 0;

	if (!s.n || !letter_in((unsigned char)s.p[0], LETTER('U') | LETTER('C') | LETTER('S') | LETTER('T') |
							 LETTER('L') | LETTER('E') | LETTER('O') | LETTER('N')))
		return false;
	/* the damaged forms are spaced out: "E C R E T", "O N F I D ..." */
	if (letter_in((unsigned char)s.p[0], LETTER('E') | LETTER('O') | LETTER('N')) &&
	    (s.n < 3 || s.p[1] != ' ' || !is_alpha((unsigned char)s.p[2])))
		return false;
	for (size_t i = 0; i < s.n && i < 12 && k < 3; i++)
		if (s.p[i] != ' ')
			first[k++] = (char)to_upper((unsigned char)s.p[i]);
	return STR_IEQ_ANY(str_make(first, k), starts);
}

/* The level at the start of squeezed line @up (a damaged one repaired,
 * into *@repaired; spaced-out letters running the caveat on): where it
 * ends, into *@i.  False when the line does not start with one. */
static bool level_at(const char *up, size_t *i, const char **repaired)
{
	for (size_t r = 0; r < sizeof(damaged) / sizeof(damaged[0]); r++) {
		if (word_at(up, 0, damaged[r].as_squeezed)) {
			*i = strlen(damaged[r].as_squeezed);
			*repaired = damaged[r].level;
			return true;
		}
	}
	for (size_t w = 0; w < sizeof(level_words) / sizeof(level_words[0]); w++) {
		size_t k = strlen(level_words[w]);

		if (word_at(up, 0, level_words[w])) {
			*i = k;
			return true;
		}
		if (strncmp(up, level_words[w], k) == 0) {
			/* spaced-out letters run the caveat on: "S E C R E T N O F O R N" */
			for (size_t c = 0; c < sizeof(class_caveats) / sizeof(class_caveats[0]); c++) {
				if (word_at(up, k, class_caveats[c])) {
					*i = k + strlen(class_caveats[c]);
					return true;
				}
			}
		}
	}
	return false;
}

/* Past the caveats at @i: "//NOFORN", " NOFORN", " E F T O". */
static size_t caveats_end(const char *up, size_t i)
{
	for (;;) {
		if (up[i] == '/') {
			while (up[i] == '/')
				i++;
			while (up[i] && up[i] != ' ' && up[i] != '/')
				i++;
			continue;
		}
		if (up[i] == ' ') {
			bool cav = false;

			for (size_t w = 0; w < sizeof(class_caveats) / sizeof(class_caveats[0]); w++) {
				if (word_at(up, i + 1, class_caveats[w])) {
					i += 1 + strlen(class_caveats[w]);
					cav = true;
					break;
				}
			}
			if (cav)
				continue;
		}
		return i;
	}
}

bool match_class_line(struct str s, struct classline *cl)
{
	char up[SQUEEZE_MAX + 1];
	uint32_t pos[SQUEEZE_MAX + 1];
	size_t n, i = 0, level_end, st, se, d;

	if (!may_be_class_line(s))
		return false;
	n = squeeze_line(s, up, pos);

	cl->repaired = NULL;
	if (!level_at(up, &i, &cl->repaired))
		return false;
	i = caveats_end(up, i);
	level_end = i;
	/* SECTION 01 OF 03 */
	cl->part = 0;
	if (strncmp(up + i, " SECTION ", 9) == 0) {
		size_t j = skip_digits(up, i + 9);

		if (j > i + 9 && strncmp(up + j, " OF ", 4) == 0) {
			size_t k = skip_digits(up, j + 4);

			if (k > j + 4) {
				for (size_t q = i + 9; q < j && cl->part < 1000; q++)
					cl->part = cl->part * 10 + (unsigned)(up[q] - '0');
				i = k;
			}
		}
	}
	if (up[i] != ' ')
		return false;
	i++;
	/* an optional two-digit year before the station */
	cl->year = STR_NULL;
	d = skip_digits(up, i);
	if (d == i + 2 && up[d] == ' ' && is_upper((unsigned char)up[d + 1])) {
		cl->year = str_make(s.p + pos[i], 2);
		i = d + 1;
	}
	/* station: one to five words of letters */
	st = i;
	se = i;
	for (int words = 0; words < 5; words++) {
		size_t j = i;

		if (!is_upper((unsigned char)up[j]))
			break;
		while (is_upper((unsigned char)up[j]) || up[j] == '\'' || up[j] == '.' || up[j] == '-')
			j++;
		if (up[j] != ' ')
			break;
		if (word_at(up, i, "SECTION") || word_at(up, i, "PAGE"))
			return false;
		se = j;
		i = j + 1;
		if (is_digit((unsigned char)up[i]))
			break;
	}
	if (se == st || !is_digit((unsigned char)up[i]))
		return false;
	d = skip_digits(up, i);
	if (d - i < 2 || d - i > 8 || (up[d] != '\0' && up[d] != ' '))
		return false;
	cl->whole = s;
	cl->level = str_trim(str_make(s.p, pos[level_end]));
	cl->station = str_make(s.p + pos[st], pos[se] - pos[st]);
	cl->serial = str_make(s.p + pos[i], d - i);
	if (d < n)
		cl->rest = str_trim(str_make(s.p + pos[d], s.n - pos[d]));
	else
		cl->rest = STR_NULL;
	/* squeezing stops after SQUEEZE_MAX characters: the rest is header text */
	if (d >= n && n + 1 >= SQUEEZE_MAX && pos[d] < s.n)
		cl->rest = str_trim(str_make(s.p + pos[d], s.n - pos[d]));
	return true;
}

/* Looks for a classification line glued to the end of another line
 * ("...KABUL 0106UNCLAS SECTION 01 OF 02 DUSHANBE 000575"). */
long find_glued_class_line(struct str s, struct classline *cl)
{
	static const struct str starts[] = { STR_INIT("UNCLAS"), STR_INIT("CONFIDENTIAL"), STR_INIT("C O N F"),
					     STR_INIT("SECRET"), STR_INIT("S E C R"), STR_INIT("TOP SECRET"),
					     STR_INIT("LIMITED OFFICIAL") };

	/* a classification line ends with its serial number */
	if (s.n < 10 || !is_digit((unsigned char)s.p[s.n - 1]))
		return -1;

	for (size_t i = 1; i < s.n; i++) {
		char ch = s.p[i];

		if ((ch != 'U' && ch != 'C' && ch != 'S' && ch != 'T' && ch != 'L') || i + 1 == s.n)
			continue;
		/* the first two bytes before memcmp: capitals are most of a
		 * routing line, and few of them start a level */
		for (size_t w = 0; w < sizeof(starts) / sizeof(starts[0]); w++) {
			size_t k = starts[w].n;

			if (starts[w].p[0] == ch && starts[w].p[1] == s.p[i + 1] && i + k <= s.n &&
			    memcmp(s.p + i, starts[w].p, k) == 0 &&
			    match_class_line(str_make(s.p + i, s.n - i), cl))
				return (long)i;
		}
	}
	return -1;
}
