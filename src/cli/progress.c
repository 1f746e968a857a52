/* progress.c -- the progress line of long work on the command line
 * (progress.h) */
#include "config.h"
#include "cli/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"

#define PROGRESS_AFTER_MS 500.0
#define PROGRESS_EVERY_MS 100.0
#define PROGRESS_BAR 24

void progress_start(struct progress *p, bool stdout_used, const char *what, const char *unit, double per,
		    uint64_t total)
{
	const char *force = getenv("PILCROW_PROGRESS");

	memset(p, 0, sizeof(*p));
	p->forced = force && *force == '1';
	p->on = p->forced ||
		(isatty(STDERR_FILENO) && !(stdout_used && isatty(STDOUT_FILENO)));
	p->what = what;
	p->unit = unit;
	p->per = per;
	p->total = total;
	p->t0 = now_ms();
	p->last = -1e9;
}

void progress_show(struct progress *p, uint64_t done)
{
	double now = now_ms(), secs, rate;
	char line[160];
	int n;

	if (!p->on || (!p->forced && now - p->t0 < PROGRESS_AFTER_MS) || now - p->last < PROGRESS_EVERY_MS)
		return;
	p->last = now;
	secs = (now - p->t0) / 1000;
	rate = secs > 0 ? done * p->per / secs : 0;
	n = snprintf(line, sizeof(line), "\r%-9s", p->what);
	if (p->total && done <= p->total) {
		int fill = (int)(PROGRESS_BAR * done / p->total), pct = (int)(100 * done / p->total);
		double left = done ? secs * (double)(p->total - done) / (double)done : 0;

		n += snprintf(line + n, sizeof(line) - (size_t)n, " [");
		for (int i = 0; i < PROGRESS_BAR; i++)
			line[n++] = i < fill ? '#' : '.';
		n += snprintf(line + n, sizeof(line) - (size_t)n, "] %3d%%  %.0f %s/s  %d:%02d left", pct, rate, p->unit,
			      (int)left / 60, (int)left % 60);
	} else {
		n += snprintf(line + n, sizeof(line) - (size_t)n, " %.0f %s  %.0f %s/s", done * p->per, p->unit, rate,
			      p->unit);
	}
	/* blanks over what a longer line left */
	fprintf(stderr, "%s   ", line);
	fflush(stderr);
	p->drawn = true;
}

void progress_end(struct progress *p)
{
	if (p->drawn)
		fprintf(stderr, "\r%78s\r", "");
	p->drawn = false;
}
