/* ui_stats.c -- the reader's own measurements */
#include "config.h"
#include "ui/ui_stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

struct stats {
	const char *timing, *stats;
	double start, first, indexed, step_max, text_index;
	long rss_peak_kb;
	long rss_done_kb;        /* when the list was whole */
	double *samples;
	size_t n, cap;
};

struct stats *stats_start(void)
{
	struct stats *s;

	if (!getenv("PILCROW_TIMING") && !getenv("PILCROW_STATS"))
		return NULL;
	s = xcalloc(1, sizeof(*s));
	s->timing = getenv("PILCROW_TIMING");
	s->stats = getenv("PILCROW_STATS");
	s->start = now_ms();
	s->first = s->indexed = -1;
	return s;
}

bool stats_timing(const struct stats *s)
{
	return s && s->timing;
}

void stats_first_screen(struct stats *s)
{
	if (s && s->first < 0)
		s->first = now_ms() - s->start;
}

static long rss_anon_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "RssAnon:", 8) == 0)
			kb = atol(line + 8);
	fclose(f);
	return kb;
}

void stats_indexed(struct stats *s)
{
	if (s && s->indexed < 0) {
		s->indexed = now_ms() - s->start;
		s->rss_done_kb = rss_anon_kb();
	}
}

/* Samples the anonymous memory (the heap and the index, not the mapped
 * files). */
void stats_memory(struct stats *s)
{
	long kb;

	if (!s || !s->stats)
		return;
	kb = rss_anon_kb();
	if (kb > s->rss_peak_kb)
		s->rss_peak_kb = kb;
}

void stats_step(struct stats *s, double ms)
{
	if (s && ms > s->step_max)
		s->step_max = ms;
	stats_memory(s);
}

void stats_key(struct stats *s, double ms)
{
	if (!stats_timing(s))
		return;
	grow_array((void **)&s->samples, &s->cap, s->n + 1, sizeof(*s->samples));
	s->samples[s->n++] = ms / 1e3;
}

void stats_text_index(struct stats *s, double ms)
{
	if (s)
		s->text_index = ms;
}

void stats_finish(struct stats *s, size_t cables, bool saved)
{
	FILE *f;

	if (!s)
		return;
	stats_memory(s);        /* the text index in memory is made after the last step */
	if (s->timing && s->n && (f = fopen(s->timing, "w"))) {
		for (size_t i = 0; i < s->n; i++)
			fprintf(f, "%.9f\n", s->samples[i]);
		fclose(f);
	}
	if (s->stats && (f = fopen(s->stats, "w"))) {
		fprintf(f, "first_screen_ms %.1f\nindexed_ms %.1f\ncables %zu\nrss_anon_peak_kb %ld\n"
			"index_step_max_ms %.1f\nlist_saved %d\ntext_index_ms %.1f\nrss_anon_done_kb %ld\n", s->first,
			s->indexed, cables, s->rss_peak_kb, s->step_max, saved, s->text_index, s->rss_done_kb);
		fclose(f);
	}
	free(s->samples);
	free(s);
}
