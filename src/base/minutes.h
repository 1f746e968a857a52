/* minutes.h -- dates as minutes since 1900-01-01 (0: no date), what the
 * list index keeps and the filter compares */
#ifndef PILCROW_MINUTES_H
#define PILCROW_MINUTES_H

#include <stdbool.h>
#include <stdint.h>

/* "2005-06-30T12:00Z" -> minutes since 1900-01-01 (0 when not a date). */
uint32_t date_minutes(const char *iso);

/* The other way, the day only: "2005-06-30" ("" for 0). */
void minutes_date(uint32_t minutes, char out[11]);

/* "2005", "2005-06", "2005-06-30": the first and last minute of that
 * span; false when @v is not one. */
bool minutes_range(const char *v, uint32_t *lo, uint32_t *hi);

#endif
