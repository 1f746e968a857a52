/* threads.h -- starting a worker thread (the corpus's text index, its
 * questions, the writers of --json and --text) that signals leave alone: the
 * signals sent to the process (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, an
 * abort sent from outside ...) go to the main thread, whose wait for a key
 * they interrupt; a worker keeps only the signals of its own faults
 * (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGSYS, SIGTRAP), which the fatal
 * handler reports from any thread. */
#ifndef PILCROW_THREADS_H
#define PILCROW_THREADS_H

#include <pthread.h>

/* pthread_create(@th, NULL, @fn, @arg), the new thread's other signals
 * blocked; returns what pthread_create returns. */
int thread_start(pthread_t *th, void *(*fn)(void *), void *arg);

#endif
