/* minutes.c -- dates as minutes since 1900-01-01, what the list index keeps
 * and the filter compares. */
#include "config.h"
#include "base/minutes.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days from 1900-01-01 to y-m-d (a closed formula: this runs for every cable). */
static uint32_t days(int y, int m, int d)
{
	static const int before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	int py = y - 1;
	uint32_t n = (uint32_t)((y - 1900) * 365 + (py / 4 - 1899 / 4) - (py / 100 - 1899 / 100) +
				(py / 400 - 1899 / 400));

	n += (uint32_t)before[m - 1] + (m > 2 && leap(y) ? 1 : 0);
	return n + (uint32_t)(d - 1);
}

static int digits_at(const char *s, int k)
{
	int v = 0;

	for (int i = 0; i < k; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

uint32_t date_minutes(const char *iso)
{
	int y, m, d, hh = 0, mi = 0;

	/* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM..." as the parser writes them */
	if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
		return 0;
	y = digits_at(iso, 4);
	m = digits_at(iso + 5, 2);
	d = digits_at(iso + 8, 2);
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	if (iso[10] == 'T' && strlen(iso) >= 16) {
		hh = digits_at(iso + 11, 2);
		mi = digits_at(iso + 14, 2);
		if (hh < 0 || mi < 0)
			hh = mi = 0;
	}
	return days(y, m, d) * 1440u + (uint32_t)(hh * 60 + mi) + 1;
}

void minutes_date(uint32_t minutes, char out[11])
{
	uint32_t d;
	int y = 1900, m = 1;

	if (!minutes) {
		out[0] = '\0';
		return;
	}
	d = (minutes - 1) / 1440;
	/* from 1901 to 2100 every fourth year is a leap year: 1,461 days a
	 * four years, stepped over at once (the overview dates every row) */
	if (d >= 365 + 1461) {
		uint32_t cycles = (d - 365) / 1461;

		if (cycles > 49)
			cycles = 49;    /* up to 2096; the years after, one by one */
		d -= 365 + cycles * 1461;
		y = 1901 + 4 * (int)cycles;
	}
	while (d >= (uint32_t)(leap(y) ? 366 : 365)) {
		d -= leap(y) ? 366 : 365;
		y++;
	}
	while (d >= (uint32_t)month_days(y, m)) {
		d -= (uint32_t)month_days(y, m);
		m++;
	}
	d++;
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + (int)d / 10);
	out[9] = (char)('0' + (int)d % 10);
	out[10] = '\0';
}

/* "2005", "2005-06", "2005-06-30": the first and last minute of that span. */
bool minutes_range(const char *v, uint32_t *lo, uint32_t *hi)
{
	int y, m = 0, d = 0, n;
	char extra;

	n = sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &extra);
	if (n < 1 || n > 3 || y < 1900 || y > 2199 || (n >= 2 && (m < 1 || m > 12)))
		return false;
	if (n == 3 && (d < 1 || d > month_days(y, m)))
		return false;
	/* the text must be exactly the date */
	if (strlen(v) != (size_t)(n == 1 ? 4 : n == 2 ? 7 : 10) && !(n == 2 && strlen(v) == 6) &&
	    !(n == 3 && strlen(v) >= 8 && strlen(v) <= 10))
		return false;
	if (n == 1) {
		*lo = days(y, 1, 1) * 1440u + 1;
		*hi = days(y, 12, 31) * 1440u + 1440;
	} else if (n == 2) {
		*lo = days(y, m, 1) * 1440u + 1;
		*hi = days(y, m, month_days(y, m)) * 1440u + 1440;
	} else {
		*lo = days(y, m, d) * 1440u + 1;
		*hi = days(y, m, d) * 1440u + 1440;
	}
	return true;
}
