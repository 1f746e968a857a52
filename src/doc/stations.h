/* stations.h -- the stations of the corpus and the other names cables give them */
#ifndef PILCROW_STATIONS_H
#define PILCROW_STATIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The station key another name stands for ("SECSTATE" -> "STATE",
 * "RIO" -> "RIODEJANEIRO"), or NULL. */
const char *station_alias(const char *name);

/* True when @key ("ROME", "HOCHIMINHCITY") is a station of the corpus. */
bool station_known(const char *key);

/* The one known station a letter away from @key ("BISHTEK" -> "BISHKEK"),
 * or NULL (none, or more than one). */
const char *station_near(const char *key);

/* The one known station that @key ("RIODEJAN", "VATICA") cuts short,
 * five letters or more of it; NULL (none, or more than one). */
const char *station_prefix(const char *key);

/* The vocabulary, generated from data/stations.tsv: the keys, and the
 * other written forms of some ("SECSTATE" -> "STATE"), each sorted. */
struct station_alias {
	const char *name, *key;
};
extern const char *const station_keys[];
extern const size_t station_nkeys;
extern const struct station_alias station_aliases[];
extern const size_t station_naliases;
/* Both hashed (stations.c's name_slot): each slot the index + 1 of the
 * name there, 0 when empty. */
#define STATION_SLOTS 4096
extern const uint16_t station_key_slot[STATION_SLOTS];
extern const uint16_t station_alias_slot[STATION_SLOTS];

/* For the unit tests: true when the tables are sorted. */
bool station_table_sorted(void);

#endif
