/* stations.c -- the stations of the corpus, as the station part of their
 * cables' ids ("ROME" in 04ROME3933), and the other names cables give them
 * in REF lines and headers: the vocabulary is data/stations.tsv, compiled
 * in (stations_data.c).  Known stations let a REF that misspells one
 * ("BISHTEK 1194", "0TTAWA 3518") still name the cable it cites. */
#include "config.h"
#include "doc/stations.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"

/* The name's slot in the tables' hashes, which genstations.awk works out
 * the same way when it writes them (stations_data.c: slots that hold an
 * index + 1, 0 empty, the next slot tried after a taken one): the list
 * asks about five names a cable, and a bisection of the tables was ten
 * strcmp() each.  Arithmetic that awk's numbers do exactly. */
static size_t name_slot(const char *s)
{
	uint32_t h = 0;

	for (; *s; s++)
		h = h * 31 + (unsigned char)*s;
	return (h + (h >> 15)) & (STATION_SLOTS - 1);
}

/* The index + 1 of @name in the table whose slots are @slot and whose
 * i-th name is at @names + i * @stride bytes (a name first in each entry),
 * or 0. */
static size_t slot_find(const uint16_t *slot, const char *name, const void *names, size_t stride)
{
	for (size_t k = name_slot(name); slot[k]; k = (k + 1) & (STATION_SLOTS - 1)) {
		const char *entry;

		/* the entry's first member, a pointer (copied: the bytes' type
		 * says nothing of their alignment) */
		memcpy(&entry, (const char *)names + (slot[k] - 1u) * stride, sizeof(entry));
		if (strcmp(name, entry) == 0)
			return slot[k];
	}
	return 0;
}

const char *station_alias(const char *name)
{
	size_t i = slot_find(station_alias_slot, name, station_aliases, sizeof(station_aliases[0]));

	return i ? station_aliases[i - 1].key : NULL;
}

bool station_known(const char *key)
{
	return slot_find(station_key_slot, key, station_keys, sizeof(station_keys[0])) != 0;
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
