/* ids.c -- cable identifiers */
#include "config.h"
#include "doc/ids.h"
#include "doc/stations.h"
#include "base/util.h"

#include <stdio.h>
#include <string.h>

void station_key(struct str station, char *out, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < station.n && n + 1 < size; i++) {
		int c = (unsigned char)station.p[i];

		if (c == ' ' || c == '\t' || c == '-' || c == '.' || c == '\'')
			continue;
		out[n++] = (char)to_upper(c);
	}
	n = utf8_drop_partial(out, n);   /* a station cut short is not cut inside a character */
	out[n] = '\0';
	{
		const char *key = station_alias(out);

		if (key)
			snprintf(out, size, "%s", key);
	}
}

bool id_from_parts(int year, struct str station, struct str serial, char out[ID_MAX])
{
	char key[48];
	size_t i = 0;

	if (year < 0 || station.n == 0 || serial.n == 0)
		return false;
	station_key(station, key, sizeof(key));
	if (!key[0])
		return false;
	while (i + 1 < serial.n && serial.p[i] == '0')
		i++;
	if (serial.n - i > 12)
		return false;
	for (size_t k = i; k < serial.n; k++)
		if (!is_digit((unsigned char)serial.p[k]))
			return false;
	{
		/* no printf: this runs for every REF of the dump */
		size_t kn = strlen(key), m = 0, sn = serial.n - i;

		if (2 + kn + sn + 1 > ID_MAX)
			return false;
		out[m++] = (char)('0' + (year % 100) / 10);
		out[m++] = (char)('0' + year % 10);
		memcpy(out + m, key, kn);
		m += kn;
		memcpy(out + m, serial.p + i, sn);
		out[m + sn] = '\0';
	}
	return true;
}

void id_canonical(struct str s, char out[ID_MAX], bool *odd)
{
	size_t yd = 0, st, se;

	s = str_trim(s);
	*odd = false;
	while (yd < s.n && is_digit((unsigned char)s.p[yd]))
		yd++;
	st = yd;
	se = s.n;
	while (se > st && is_digit((unsigned char)s.p[se - 1]))
		se--;
	/* the shape: 2 or 4 digits, upper-case letters only, digits */
	bool shape = (yd == 2 || (yd == 4 && (s.p[0] == '1' || s.p[0] == '2') &&
				 (s.p[1] == '9' || s.p[1] == '0'))) &&
		     se > st && se < s.n && s.n < ID_MAX;
	for (size_t i = st; shape && i < se; i++)
		if (!is_upper((unsigned char)s.p[i]))
			shape = false;
	if (shape) {
		struct str station = str_make(s.p + st, se - st);

		if (str_find(station, "NOFORN") >= 0 || str_find(station, "SECTION") >= 0)
			shape = false;
	}
	if (!shape) {
		size_t n = utf8_drop_partial(s.p, MIN(s.n, (size_t)ID_MAX - 1));

		memcpy(out, s.p, n);
		out[n] = '\0';
		*odd = true;
		return;
	}
	size_t k = se;
	while (k + 1 < s.n && s.p[k] == '0')
		k++;
	{
		size_t m = 0;

		memcpy(out, s.p + yd - 2, 2);
		m = 2;
		memcpy(out + m, s.p + st, se - st);
		m += se - st;
		memcpy(out + m, s.p + k, s.n - k);
		out[m + s.n - k] = '\0';
	}
}

struct str id_station(const char *id)
{
	size_t n = strlen(id), a = 0, b;

	while (a < n && is_digit((unsigned char)id[a]))
		a++;
	b = n;
	while (b > a && is_digit((unsigned char)id[b - 1]))
		b--;
	return str_make(id + a, b - a);
}

int id_year(const char *id)
{
	if (is_digit((unsigned char)id[0]) && is_digit((unsigned char)id[1]) &&
	    !is_digit((unsigned char)id[2]))
		return (id[0] - '0') * 10 + (id[1] - '0');
	return -1;
}

long id_serial(const char *id)
{
	size_t n = strlen(id), b = n;
	long v = 0;

	while (b > 0 && is_digit((unsigned char)id[b - 1]))
		b--;
	if (b == n || n - b > 9)
		return -1;
	for (size_t i = b; i < n; i++)
		v = v * 10 + (id[i] - '0');
	return v;
}

int id_compare(const char *a, const char *b)
{
	int ya = id_year(a), yb = id_year(b);
	long sa, sb;
	struct str ta, tb;
	int r;

	/* ids of another shape go after, as text */
	if ((ya < 0) != (yb < 0))
		return ya < 0 ? 1 : -1;
	if (ya < 0)
		return strcmp(a, b);
	/* the cables run from 1966: 66-99 are the 1900s */
	ya += ya >= 66 ? 1900 : 2000;
	yb += yb >= 66 ? 1900 : 2000;
	if (ya != yb)
		return ya < yb ? -1 : 1;
	ta = id_station(a);
	tb = id_station(b);
	r = strncmp(ta.p, tb.p, ta.n < tb.n ? ta.n : tb.n);
	if (r || ta.n != tb.n)
		return r ? r : ta.n < tb.n ? -1 : 1;
	sa = id_serial(a);
	sb = id_serial(b);
	if (sa != sb)
		return sa < sb ? -1 : 1;
	return strcmp(a, b);
}
