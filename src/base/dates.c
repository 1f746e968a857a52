/* dates.c -- the date formats cables use */
#include "config.h"
#include "base/dates.h"

#include <string.h>

#include <stdio.h>

static const char *const months[12] = {
	"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
};
static const char *const full_months[12] = {
	"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
	"SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"
};

int year_from_yy(int yy)
{
	return yy >= 66 ? 1900 + yy : 2000 + yy;
}

int month_from_name(struct str s)
{
	/* a month's name is 3 to 9 letters, its first one of these: most
	 * words are told apart here, and this runs on many words */
	if (s.n < 3 || s.n > 9 ||
	    !letter_in((unsigned char)s.p[0], LETTER('J') | LETTER('F') | LETTER('M') | LETTER('A') | LETTER('S') |
							 LETTER('O') | LETTER('N') | LETTER('D')))
		return 0;
	for (int i = 0; i < 12; i++)
		if (to_upper((unsigned char)s.p[0]) == months[i][0] && (str_ieq(s, months[i]) || str_ieq(s, full_months[i])))
			return i + 1;
	if (str_ieq(s, "SEPT"))
		return 9;
	return 0;
}

/* The month name at *@i, and the blanks after it: 1-12, or 0. */
static int read_month(struct str s, size_t *i)
{
	size_t j = *i;
	int mon;

	while (j < s.n && is_alpha((unsigned char)s.p[j]))
		j++;
	mon = month_from_name(str_make(s.p + *i, j - *i));
	if (!mon)
		return 0;
	while (j < s.n && s.p[j] == ' ')
		j++;
	*i = j;
	return mon;
}

/* Reads up to @max digits at *i; returns the value or -1 when none. */
static int read_num(struct str s, size_t *i, size_t max)
{
	int v = 0;
	size_t k = 0;

	while (*i < s.n && k < max && is_digit((unsigned char)s.p[*i])) {
		v = v * 10 + (s.p[*i] - '0');
		(*i)++;
		k++;
	}
	return k ? v : -1;
}

static size_t count_digits(struct str s, size_t i)
{
	size_t k = 0;

	while (i + k < s.n && is_digit((unsigned char)s.p[i + k]))
		k++;
	return k;
}

/* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MMZ" (when hh >= 0), without printf:
 * this runs for every cable of the corpus. */
static void iso(char out[ISO_DATE_MAX], int y, int m, int d, int hh, int mi)
{
	char *p = out;

	*p++ = (char)('0' + y / 1000 % 10);
	*p++ = (char)('0' + y / 100 % 10);
	*p++ = (char)('0' + y / 10 % 10);
	*p++ = (char)('0' + y % 10);
	*p++ = '-';
	*p++ = (char)('0' + m / 10);
	*p++ = (char)('0' + m % 10);
	*p++ = '-';
	*p++ = (char)('0' + d / 10);
	*p++ = (char)('0' + d % 10);
	if (hh >= 0) {
		*p++ = 'T';
		*p++ = (char)('0' + hh / 10);
		*p++ = (char)('0' + hh % 10);
		*p++ = ':';
		*p++ = (char)('0' + mi / 10);
		*p++ = (char)('0' + mi % 10);
		*p++ = 'Z';
	}
	*p = '\0';
}

static bool valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static bool valid_hm(int h, int mi)
{
	return h >= 0 && h <= 23 && mi >= 0 && mi <= 59;
}

bool date_from_dtg(struct str s, char out[ISO_DATE_MAX])
{
	size_t i = 0;
	int day, hh, mm, mon, yy;

	if (count_digits(s, 0) != 6)
		return false;
	day = read_num(s, &i, 2);
	hh = read_num(s, &i, 2);
	mm = read_num(s, &i, 2);
	if (i >= s.n || (s.p[i] != 'Z' && s.p[i] != 'z'))
		return false;
	i++;
	while (i < s.n && s.p[i] == ' ')
		i++;
	mon = read_month(s, &i);
	if (!mon)
		return false;
	if (count_digits(s, i) == 4) {
		yy = read_num(s, &i, 4);
	} else if (count_digits(s, i) == 2) {
		yy = year_from_yy(read_num(s, &i, 2));
	} else {
		return false;
	}
	if (!valid_ymd(yy, mon, day) || !valid_hm(hh, mm))
		return false;
	iso(out, yy, mon, day, hh, mm);
	return true;
}

struct str dtg_extent(struct str s)
{
	/* the group runs to the end of the year */
	size_t j = 7;

	while (j < s.n && s.p[j] == ' ')
		j++;
	while (j < s.n && is_alpha((unsigned char)s.p[j]))
		j++;
	while (j < s.n && s.p[j] == ' ')
		j++;
	while (j < s.n && is_digit((unsigned char)s.p[j]))
		j++;
	return str_make(s.p, j);
}

long dtg_find(struct str s, struct str *dtg)
{
	char tmp[ISO_DATE_MAX];

	for (size_t i = 0; i + 7 <= s.n; i++) {
		if (!is_digit((unsigned char)s.p[i]) || (i > 0 && is_digit((unsigned char)s.p[i - 1])))
			continue;
		if (count_digits(s, i) != 6 || i + 6 >= s.n || (s.p[i + 6] != 'Z' && s.p[i + 6] != 'z'))
			continue;
		struct str rest = str_make(s.p + i, s.n - i);

		if (date_from_dtg(rest, tmp)) {
			if (dtg)
				*dtg = dtg_extent(rest);
			return (long)i;
		}
	}
	return -1;
}

/* Reads an optional " HH:MM" at *i and writes the ISO date, with the time when
 * there is a valid one. */
static bool finish_iso(struct str s, size_t i, int y, int m, int d, char out[ISO_DATE_MAX], int *hour,
		       int *minute)
{
	int hh = -1, mi = -1;

	if (!valid_ymd(y, m, d))
		return false;
	if (i < s.n && s.p[i] == ' ') {
		i++;
		hh = read_num(s, &i, 2);
		if (hh >= 0 && i < s.n && s.p[i] == ':') {
			i++;
			mi = read_num(s, &i, 2);
		}
	}
	if (hh >= 0 && mi >= 0 && valid_hm(hh, mi)) {
		iso(out, y, m, d, hh, mi);
	} else {
		iso(out, y, m, d, -1, 0);
		hh = mi = -1;
	}
	if (hour)
		*hour = hh;
	if (minute)
		*minute = mi;
	return true;
}

bool date_from_csv(struct str s, char out[ISO_DATE_MAX])
{
	size_t i = 0;
	int m, d, y;

	s = str_trim(s);
	m = read_num(s, &i, 2);
	if (m < 0 || i >= s.n || s.p[i++] != '/')
		return false;
	d = read_num(s, &i, 2);
	if (d < 0 || i >= s.n || s.p[i++] != '/')
		return false;
	y = read_num(s, &i, 4);
	if (y < 0)
		return false;
	return finish_iso(s, i, y, m, d, out, NULL, NULL);
}

bool date_from_html(struct str s, char out[ISO_DATE_MAX], bool *suspect)
{
	size_t i = 0;
	int y, m, d, hh = -1, mi = -1;

	s = str_trim(s);
	*suspect = false;
	y = read_num(s, &i, 4);
	if (y < 0 || i >= s.n || s.p[i++] != '-')
		return false;
	m = read_num(s, &i, 2);
	if (m < 0 || i >= s.n || s.p[i++] != '-')
		return false;
	d = read_num(s, &i, 2);
	if (!finish_iso(s, i, y, m, d, out, &hh, &mi))
		return false;
	*suspect = hh >= 0 && hh == mi;
	return true;
}

bool date_from_long(struct str s, char out[ISO_DATE_MAX])
{
	/* Www Mmm DD HH:MM:SS +ZZZZ YYYY */
	size_t i = 0, j;
	int mon, d, y;

	s = str_trim(s);
	while (i < s.n && is_alpha((unsigned char)s.p[i]))
		i++;
	if (i != 3 || i >= s.n || s.p[i] != ' ')
		return false;
	i++;
	mon = read_month(s, &i);
	if (!mon)
		return false;
	d = read_num(s, &i, 2);
	if (d < 0)
		return false;
	/* skip the time and zone, take the last 4-digit field */
	j = s.n;
	while (j > i && is_digit((unsigned char)s.p[j - 1]))
		j--;
	if (s.n - j != 4 || j == 0 || s.p[j - 1] != ' ')
		return false;
	y = read_num(s, &j, 4);
	if (!valid_ymd(y, mon, d))
		return false;
	iso(out, y, mon, d, -1, 0);
	return true;
}

bool date_from_decl(struct str s, char out[ISO_DATE_MAX])
{
	size_t i = 0, n1, n2, n3;
	int a, b, c, y, m, d;

	s = str_trim(s);
	n1 = count_digits(s, 0);
	a = read_num(s, &i, 4);
	if (a < 0 || i >= s.n || (s.p[i] != '/' && s.p[i] != '-' && s.p[i] != '.'))
		return false;
	i++;
	n2 = count_digits(s, i);
	b = read_num(s, &i, 2);
	if (b < 0 || i >= s.n || (s.p[i] != '/' && s.p[i] != '-' && s.p[i] != '.'))
		return false;
	i++;
	n3 = count_digits(s, i);
	c = read_num(s, &i, 4);
	if (c < 0 || n2 > 2)
		return false;
	/* anything after the date must not be another digit */
	if (i < s.n && is_digit((unsigned char)s.p[i]))
		return false;
	if (n1 == 4) {          /* YYYY/MM/DD */
		y = a;
		m = b;
		d = c;
		if (n3 > 2)
			return false;
	} else if (n1 <= 2) {   /* MM/DD/YY or MM/DD/YYYY */
		m = a;
		d = b;
		if (n3 == 4)
			y = c;
		else if (n3 == 2)
			y = year_from_yy(c);
		else
			return false;
	} else {
		return false;
	}
	if (!valid_ymd(y, m, d))
		return false;
	iso(out, y, m, d, -1, 0);
	return true;
}
