/* progress.h -- long work on the command line said on standard error while
 * it runs: one line (a bar, how far, the rate and the time left), drawn
 * at most ten times a second and only once the work has taken half a
 * second, wiped at the end.  Nothing when standard error is not a
 * terminal, or when standard output is the same terminal (the bar would
 * land among what is written); PILCROW_PROGRESS=1 draws it anyway, from
 * the start (the tests). */
#ifndef PILCROW_PROGRESS_H
#define PILCROW_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

struct progress {
	bool on, drawn;
	bool forced;             /* PILCROW_PROGRESS=1: at once, terminal or not */
	const char *what;        /* "reading", "writing", "counting", "indexing" */
	const char *unit;        /* "MB", "cables", "filters" */
	double per;              /* units a count (1/1048576: bytes as MB) */
	double t0, last;
	uint64_t total;          /* 0: not known (no bar, no time left) */
};

/* Starts a phase; @stdout_used: the work writes to standard output. */
void progress_start(struct progress *p, bool stdout_used, const char *what, const char *unit, double per,
		    uint64_t total);
/* @done of the total so far. */
void progress_show(struct progress *p, uint64_t done);
/* The line wiped. */
void progress_end(struct progress *p);

#endif
