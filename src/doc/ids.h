/* ids.h -- cable identifiers: 04ROME3933 = two-digit year + station + serial */
#ifndef PILCROW_IDS_H
#define PILCROW_IDS_H

#include <stdbool.h>
#include "base/str.h"

#define ID_MAX 64

/* Canonical form of an id as written: "2004ROME03933" -> "04ROME3933".
 * Sets *odd when the id does not have the usual shape (kept as written). */
void id_canonical(struct str as_written, char out[ID_MAX], bool *odd);

/* Builds "04ROME3933" from year (full or two-digit), station ("HO CHI MINH
 * CITY", "SECSTATE") and serial ("003933").  Returns false when a part is
 * missing or the result does not fit. */
bool id_from_parts(int year, struct str station, struct str serial, char out[ID_MAX]);

/* Writes the station as it appears in ids: spaces dropped, upper case,
 * aliases resolved ("SECSTATE" -> "STATE", "UNVIE" -> "UNVIEVIENNA"). */
void station_key(struct str station, char *out, size_t size);

/* Station part of a canonical id ("04ROME3933" -> "ROME"). */
struct str id_station(const char *id);

/* Two-digit year of a canonical id, or -1. */
int id_year(const char *id);

/* The serial of a canonical id as a number ("04ROME3933" -> 3933), or -1. */
long id_serial(const char *id);

/* Orders canonical ids by year (66-99 before 00-10), station, then serial
 * as a number: 05ROME318 before 05ROME1029.  Ids of another shape go last. */
int id_compare(const char *a, const char *b);

#endif
