/* gencsv.c -- writes a synthetic cables.csv in the dump's format, for the
 * benchmarks: quoted columns, backslash escapes, raw newlines, routing
 * headers, hard-wrapped marked paragraphs, page breaks, REF lists.
 *
 *   gencsv --cables N      N records
 *   gencsv --mb M          about M megabytes
 *
 * The text is made of invented words: half from a list of common ones, half
 * from a vocabulary of 65,536 made-up words drawn log-uniformly (a few very
 * frequent, most rare, as in real prose), with "Iran" in about 5 % of the
 * cables and "nuclear program" in about 1 %, so that a search has realistic
 * answers.  Every id is another (the row is its serial).  The same
 * arguments give the same file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static const char *const words[] = {
	"the", "government", "minister", "said", "embassy", "officials", "would", "meeting",
	"with", "on", "of", "to", "and", "in", "a", "that", "for", "was", "not", "talks",
	"election", "party", "security", "foreign", "agreement", "support", "regional", "trade",
	"president", "parliament", "cooperation", "assistance", "reform", "opposition", "press",
	"told", "PolOff", "EconOff", "ambassador", "delegation", "proposal", "budget", "energy",
	"\"quoted\"", "country's", "week", "Post", "will", "continue", "to", "report", "comment",
};
static const char *const stations[] = { "ROME", "PARIS", "TOKYO", "BERLIN", "MOSCOW", "CAIRO",
	"ANKARA", "NEW DELHI", "BOGOTA", "HANOI", "LAGOS", "STATE", "BRASILIA", "KABUL" };
static const char *const names[] = { "Embassy Rome", "Embassy Paris", "Embassy Tokyo",
	"Embassy Berlin", "Embassy Moscow", "Embassy Cairo", "Embassy Ankara", "Embassy New Delhi",
	"Embassy Bogota", "Embassy Hanoi", "Consulate Lagos", "Secretary of State",
	"Embassy Brasilia", "Embassy Kabul" };
static const char *const classes[] = { "UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
	"CONFIDENTIAL", "CONFIDENTIAL//NOFORN", "SECRET", "SECRET//NOFORN" };
static const char *const marks[] = { "U", "SBU", "C", "C", "S", "S//NF" };
static const char *const months[] = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
	"SEP", "OCT", "NOV", "DEC" };
static const char *const tags[] = { "PREL", "PGOV", "ECON", "PHUM", "PTER", "MARR", "ETRD",
	"KDEM", "SNAR", "IT", "FR", "JA", "GM", "RS", "EG", "TU", "IN", "CO", "VM", "NI" };

/* Made-up word number @k: syllables from its bits. */
static void vocab_word(uint32_t k, char *w)
{
	static const char *const syl[] = { "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo",
		"ban", "dor", "fel", "gim", "hus", "jat", "kel", "pom" };
	size_t n = 0;

	do {
		const char *s = syl[k & 15];

		while (*s)
			w[n++] = *s++;
		k >>= 4;
	} while (k);
	w[n] = '\0';
}

/* Made-up surname number @k in capitals ("KALOMI"), 2,000 of them: the
 * people of a cable come from its serial and station, never from rnd(),
 * so that the rest of the dump is the same as without them. */
static void surname(uint32_t k, char *w)
{
	vocab_word(256 + k % 2000, w);
	for (char *c = w; *c; c++)
		*c = (char)(*c - 32);
}

/* The INFO addressees a cable may have, as the routing header writes them. */
static const char *const infos[] = { "RUEHZL/EUROPEAN POLITICAL COLLECTIVE", "RUCNDT/USMISSION USUN NEW YORK",
	"RHEHNSC/NSC WASHDC PRIORITY", "RUEAIIA/CIA WASHDC", "RUEKJCS/SECDEF WASHINGTON DC",
	"RUEHBS/USEU BRUSSELS", "RUEHNO/USMISSION USNATO PRIORITY 0123", "RUEHGV/USMISSION GENEVA" };

/* The next word of a paragraph. */
static const char *next_word(void)
{
	static char w[64];
	uint32_t r = rnd(100000), e;

	/* about 950 words a cable: 5 in 100,000 is in 4.6 % of the cables */
	if (r < 5)
		return "Iran";
	if (r == 5)
		return "nuclear program";
	if (r < 50000)
		return words[rnd(sizeof(words) / sizeof(words[0]))];
	/* log-uniform over the vocabulary */
	e = rnd(16);
	vocab_word((1u << e) - 1 + rnd(1u << e), w);
	return w;
}

static char out[1 << 20];
static size_t olen;
static unsigned long long written;

static void put(const char *s)
{
	size_t n = strlen(s);

	written += n;
	if (olen + n >= sizeof(out)) {
		fwrite(out, 1, olen, stdout);
		olen = 0;
	}
	memcpy(out + olen, s, n);
	olen += n;
}

/* Inside a quoted field: quotes and apostrophes are escaped with a backslash. */
static void put_field_text(const char *s)
{
	char tmp[4096];
	size_t n = 0;

	for (; *s && n + 2 < sizeof(tmp); s++) {
		if (*s == '"' || *s == '\'')
			tmp[n++] = '\\';
		tmp[n++] = *s;
	}
	tmp[n] = '\0';
	put(tmp);
}

static void paragraph(int number, int mark)
{
	char line[256];
	int len = 0, lines = 3 + (int)rnd(14);

	snprintf(line, sizeof(line), "%d. (%s) ", number, marks[mark]);
	put(line);
	len = (int)strlen(line);
	for (int l = 0; l < lines;) {
		const char *w = next_word();

		put_field_text(w);
		len += (int)strlen(w) + 1;
		if (len > 62) {
			l++;
			put(l == lines ? ". \n \n" : " \n");
			len = 0;
		} else {
			put(" ");
		}
	}
}

static void record(unsigned long row)
{
	char buf[512];
	int st = (int)rnd(sizeof(stations) / sizeof(stations[0]));
	int cl = (int)rnd(sizeof(classes) / sizeof(classes[0]));
	int year = 1985 + (int)rnd(26), month = 1 + (int)rnd(12), day = 1 + (int)rnd(28);
	int hour = (int)rnd(24), minute = (int)rnd(60);
	/* the row as the serial: every id once (a random serial of four
	 * digits gave two records of one id every hundred, which pilcrow
	 * takes for two texts of one cable); the draw kept, so that the rest
	 * is as before */
	unsigned serial = (rnd(9999), (unsigned)row);
	char station_id[32];
	int paras = 5 + (int)rnd(12);
	char signer[32], classifier[32], person[32];

	snprintf(station_id, sizeof(station_id), "%s", stations[st]);
	for (char *p = station_id, *q = station_id;; p++) {
		if (*p != ' ')
			*q++ = *p;
		if (!*p)
			break;
	}
	snprintf(buf, sizeof(buf), "\"%lu\",\"%d/%d/%d %d:%02d\",\"%02d%s%u\",\"%s\",\"%s\",\"%02dSTATE%u\",\"",
		 row, month, day, year, hour, minute, year % 100, station_id, serial, names[st],
		 classes[cl], year % 100, 1000 + rnd(90000));
	put(buf);
	/* the people: the signer (one of 2,000), who classified (the signer
	 * three times in four), 1 to 4 INFO addressees, a person TAG in one
	 * cable of 8 */
	surname((serial * 7 + (uint32_t)st * 131) % 2000, signer);
	surname((serial % 4 ? serial * 7 + (uint32_t)st * 131 : serial * 13) % 2000, classifier);
	surname(serial * 31 % 2000, person);
	snprintf(buf, sizeof(buf),
		 "VZCZCXRO%04u\nRR RUEHAG\nDE RUEHXX #%04u/01 %03u%02d%02d\nZNY CCCCC ZZH\n"
		 "R %02d%02d%02dZ %s %02d\nFM AMEMBASSY %s\nTO RUEHC/SECSTATE WASHDC %04u\nINFO ",
		 rnd(10000), serial, rnd(366), hour, minute, day, hour, minute, months[month - 1],
		 year % 100, stations[st], rnd(10000));
	put(buf);
	for (unsigned k = 0; k <= serial % 4; k++) {
		put(k ? "\n" : "");
		put(infos[(serial + k * 3) % (sizeof(infos) / sizeof(infos[0]))]);
	}
	put("\",\"");
	snprintf(buf, sizeof(buf),
		 "%s SECTION 01 OF 02 %s %06u \n \nSIPDIS \n \nE.O. 12958: DECL: %02d/%02d/%d \n"
		 "TAGS: %s %s %s", cl >= 4 ? "S E C R E T" : cl >= 2 ? "C O N F I D E N T I A L" : "UNCLAS",
		 stations[st], serial, month, day, year + 10, tags[rnd(9)], tags[rnd(9)], tags[9 + rnd(11)]);
	put(buf);
	if (serial % 8 == 0) {
		snprintf(buf, sizeof(buf), ", OVIP (%s, JOHN)", person);
		put(buf);
	}
	put(" \nSUBJECT: ");
	for (int w = 0; w < 9; w++) {
		const char *x = words[rnd(sizeof(words) / sizeof(words[0]))];
		char up[64];
		size_t i;

		for (i = 0; x[i] && i < sizeof(up) - 1; i++)
			up[i] = (x[i] >= 'a' && x[i] <= 'z') ? (char)(x[i] - 32) : x[i];
		up[i] = '\0';
		put_field_text(up);
		put(w == 4 ? " \n" : " ");
	}
	snprintf(buf, sizeof(buf), "\n \nREF: A. STATE %u \n     B. %s %u \n \n"
		 "Classified By: %s A. %s, reasons 1.4 (b) and (d) \n \n",
		 1000 + rnd(90000), stations[st], 100 + rnd(9000), serial % 4 ? "Ambassador" : "Political Counselor",
		 classifier);
	put(buf);
	for (int p = 1; p <= paras; p++) {
		if (p == 3) {
			snprintf(buf, sizeof(buf), "Section Heading %d \n---------- \n \n", p);
			put(buf);
		}
		if (p == 6) {
			snprintf(buf, sizeof(buf), "%s %08u  002 OF 002 \n \n", stations[st], serial);
			put(buf);
		}
		paragraph(p, cl);
	}
	put(signer);
	put(" \n\"\n");
}

int main(int argc, char **argv)
{
	unsigned long cables = 0, limit_mb = 0;

	if (argc == 3 && strcmp(argv[1], "--cables") == 0)
		cables = strtoul(argv[2], NULL, 10);
	else if (argc == 3 && strcmp(argv[1], "--mb") == 0)
		limit_mb = strtoul(argv[2], NULL, 10);
	else {
		fprintf(stderr, "usage: gencsv --cables N | --mb M\n");
		return 2;
	}
	for (unsigned long row = 1;; row++) {
		if (cables && row > cables)
			break;
		if (limit_mb && written >= (unsigned long long)limit_mb * 1024 * 1024)
			break;
		record(row);
	}
	fwrite(out, 1, olen, stdout);
	return ferror(stdout) ? 1 : 0;
}
