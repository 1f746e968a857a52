/* dates.h -- the date formats cables use, turned into ISO 8601 */
#ifndef PILCROW_DATES_H
#define PILCROW_DATES_H

#include <stdbool.h>
#include "base/str.h"

#define ISO_DATE_MAX 24

/* Full year for a two-digit year: 66..99 -> 19xx, else 20xx (the corpus runs 1966-2010). */
int year_from_yy(int yy);

/* Returns 1..12 for "JAN".."DEC" (any case, 3 letters or the full name), else 0. */
int month_from_name(struct str s);

/* "271517Z OCT 09" -> "2009-10-27T15:17Z".  Leading text before the group is not allowed. */
bool date_from_dtg(struct str s, char out[ISO_DATE_MAX]);

/* The date-time group that starts @s, one date_from_dtg() reads, to the
 * end of its year ("271517Z OCT 09" of "271517Z OCT 09 ZDK"). */
struct str dtg_extent(struct str s);

/* Finds a date-time group anywhere in @s ("R 141116Z MAY 09 ZDK"): returns its offset or -1. */
long dtg_find(struct str s, struct str *dtg);

/* "12/28/1966 18:48" (cables.csv) -> "1966-12-28T18:48Z". */
bool date_from_csv(struct str s, char out[ISO_DATE_MAX]);

/* "2004-01-20 12:47" (WikiLeaks page).  Sets *suspect when the minutes repeat
 * the hour ("12:12"), a known fault of those pages. */
bool date_from_html(struct str s, char out[ISO_DATE_MAX], bool *suspect);

/* "Fri Feb 23 00:00:00 +0100 2001" -> "2001-02-23". */
bool date_from_long(struct str s, char out[ISO_DATE_MAX]);

/* Declassification dates: "10/06/2014", "9/26/2033", "11/29/10", "2035/01/12"
 * -> "YYYY-MM-DD".  Returns false when @s is not such a date. */
bool date_from_decl(struct str s, char out[ISO_DATE_MAX]);

#endif
