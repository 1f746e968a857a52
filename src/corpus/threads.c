/* threads.c -- worker threads that signals leave alone */
#include "config.h"
#include "corpus/threads.h"

#include <signal.h>

int thread_start(pthread_t *th, void *(*fn)(void *), void *arg)
{
	static const int faults[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGSYS, SIGTRAP };
	sigset_t all, old;
	int r;

	/* the new thread takes the mask it is created with */
	sigfillset(&all);
	for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		sigdelset(&all, faults[i]);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	r = pthread_create(th, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return r;
}
