/* stations.c -- the stations of the corpus, as the station part of their
 * cables' ids ("ROME" in 04ROME3933), and the other names cables give them
 * in REF lines and headers: the vocabulary is data/stations.tsv, compiled
 * in (stations_data.c).  Known stations let a REF that misspells one
 * ("BISHTEK 1194", "0TTAWA 3518") still name the cable it cites. */
#include "config.h"
#include "doc/stations.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"

static int cmp_key(const void *a, const void *b)
{
	return strcmp((const char *)a, *(const char *const *)b);
}

const char *station_alias(const char *name)
{
	size_t lo = 0, hi = station_naliases;

	/* sorted by name when generated: bisection */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, station_aliases[mid].name);

		if (c == 0)
			return station_aliases[mid].key;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool station_known(const char *key)
{
	return bsearch(key, station_keys, station_nkeys, sizeof(station_keys[0]), cmp_key) != NULL;
}

const char *station_near(const char *key)
{
	const char *found = NULL;
	struct str k = str_c(key);

	if (k.n < 5)
		return NULL;
	for (size_t i = 0; i < station_nkeys; i++) {
		if (strlen(station_keys[i]) >= 5 && str_one_edit(k, station_keys[i])) {
			if (found)
				return NULL;    /* two are as near: say nothing */
			found = station_keys[i];
		}
	}
	return found;
}

const char *station_prefix(const char *key)
{
	const char *found = NULL;
	size_t n = strlen(key);

	if (n < 5)
		return NULL;
	for (size_t i = 0; i < station_nkeys; i++) {
		if (strlen(station_keys[i]) > n && strncmp(station_keys[i], key, n) == 0) {
			if (found)
				return NULL;
			found = station_keys[i];
		}
	}
	return found;
}

bool station_table_sorted(void)
{
	for (size_t i = 1; i < station_nkeys; i++)
		if (strcmp(station_keys[i - 1], station_keys[i]) >= 0)
			return false;
	for (size_t i = 1; i < station_naliases; i++)
		if (strcmp(station_aliases[i - 1].name, station_aliases[i].name) >= 0)
			return false;
	return true;
}
