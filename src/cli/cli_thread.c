/* cli_thread.c -- pilcrow --thread ID: the thread of a cable for pipes, a
 * tree of what it cites and what cites it (--json: its nodes and edges),
 * from the list index alone (no cable is parsed; a dump's saved list when
 * it has a text index). */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "corpus/corpus.h"
#include "report/thread.h"

int run_thread(const struct opts *o, char *const *paths, size_t n)
{
	struct corpus *c = corpus_new();
	struct thread t;
	struct buf out = { 0 };
	long e;
	int status = 0;

	/* the list saved with a dump's text index, when there is one */
	cli_read_all(c, paths, n, false, !o->no_index, false);
	cli_tell_messages(c);
	e = corpus_find(c, o->thread);
	if (e < 0) {
		fprintf(stderr, "pilcrow: --thread: no cable %s in what was read\n", o->thread);
		corpus_free(c);
		return 1;
	}
	corpus_thread(c, (size_t)e, THREAD_DEPTH, THREAD_MOST, &t);
	if (o->mode == MODE_JSON)
		thread_json(&out, c, &t);
	else
		thread_text(&out, c, &t);
	if (fwrite(out.p, 1, out.n, stdout) != out.n || fflush(stdout) != 0)
		status = 1;
	if (corpus_watch(c) && !status)
		status = 4;
	buf_free(&out);
	thread_free(&t);
	corpus_free(c);
	return status;
}
