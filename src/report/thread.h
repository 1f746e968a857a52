/* thread.h -- a cable's thread (corpus.h's corpus_thread) written for
 * pipes: a tree in the manner of mutt's threads, a row a cable (date,
 * post, id, level, subject; a REF the inputs do not hold with its id
 * alone), what the cable cites above what cites it, a fan of more than
 * THREAD_FAN cables a row a post; or as JSON, every node and every edge. */
#ifndef PILCROW_THREAD_H
#define PILCROW_THREAD_H

#include "base/buf.h"
#include "corpus/corpus.h"

#define THREAD_FAN 12

void thread_text(struct buf *out, const struct corpus *c, const struct thread *t);
void thread_json(struct buf *out, const struct corpus *c, const struct thread *t);

#endif
