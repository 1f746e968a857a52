/* ui_stats.h -- the reader's own measurements, for the benchmarks:
 * PILCROW_TIMING=FILE writes the seconds each key took to handle and
 * redraw, one a line; PILCROW_STATS=FILE writes the time to the first
 * screen, to the whole index, the peak of anonymous memory and the
 * longest indexing step (what a key may wait), and whether the list index
 * was the one saved with the text index. */
#ifndef PILCROW_UI_STATS_H
#define PILCROW_UI_STATS_H

#include <stdbool.h>
#include <stddef.h>

struct stats;

/* NULL when neither variable is set: every call below then does nothing. */
struct stats *stats_start(void);
bool stats_timing(const struct stats *s);
void stats_first_screen(struct stats *s);
void stats_indexed(struct stats *s);
void stats_memory(struct stats *s);
void stats_step(struct stats *s, double ms);
void stats_key(struct stats *s, double ms);
/* Writes the files and frees @s; @saved: the list index was loaded. */
/* How long the text index took to build or check (fts_took_ms). */
void stats_text_index(struct stats *s, double ms);
void stats_finish(struct stats *s, size_t cables, bool saved);

#endif
