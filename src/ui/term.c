/* term.c -- restoring the terminal on every way out, fatal signals too */
#include "config.h"
#include "ui/term.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "source/mapguard.h"

static volatile sig_atomic_t quit_signal;
static struct termios saved;
static int saved_fd = -1;
static char restore[256];
static size_t nrestore;
static volatile sig_atomic_t screen_taken;

void term_save(int fd)
{
	if (tcgetattr(fd, &saved) == 0)
		saved_fd = fd;
}

void term_set_restore(const char *bytes)
{
	size_t n = strlen(bytes);

	if (n >= sizeof(restore))
		n = sizeof(restore) - 1;
	memcpy(restore, bytes, n);
	nrestore = n;
	screen_taken = 1;
}

void term_forget(void)
{
	screen_taken = 0;
}

static void paint_put(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV: return "a segmentation fault (SIGSEGV)";
	case SIGBUS: return "a bus error (SIGBUS)";
	case SIGFPE: return "an arithmetic error (SIGFPE)";
	case SIGILL: return "an illegal instruction (SIGILL)";
	case SIGABRT: return "an abort (SIGABRT)";
	case SIGSYS: return "a bad system call (SIGSYS)";
	case SIGTRAP: return "a trap (SIGTRAP)";
	default: return "a fatal signal";
	}
}

static void on_fatal(int sig, siginfo_t *si, void *ctx)
{
	const char *what;
	(void)ctx;

	if (sig == SIGBUS && si && mapguard_rescue(si->si_addr))
		return;         /* a mapped file was cut short: read on, it is reported later */
	if (screen_taken) {
		screen_taken = 0;
		paint_put(STDOUT_FILENO, restore, nrestore);
		if (saved_fd >= 0)
			tcsetattr(saved_fd, TCSAFLUSH, &saved);
	}
	what = signal_name(sig);
	paint_put(STDERR_FILENO, "pilcrow: stopped by ", 20);
	paint_put(STDERR_FILENO, what, strlen(what));
	paint_put(STDERR_FILENO, "; this is a bug, please report it\n", 34);
	/* the same signal again, now fatal: at once when sent from outside,
	 * or when the faulting instruction runs again on return */
	signal(sig, SIG_DFL);
	raise(sig);
}

void term_fatal_handlers(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS, SIGTRAP };
	static char altstack[64 * 1024];
	stack_t ss;
	struct sigaction sa;

	/* a stack of its own, so that even a stack overflow is reported */
	memset(&ss, 0, sizeof(ss));
	ss.ss_sp = altstack;
	ss.ss_size = sizeof(altstack);
	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fatal;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	/* a reader gone from a pipe, a file past its size limit: the write
	 * fails and says so (EPIPE, EFBIG), rather than a silent death */
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);
}

/* The signals whose default ends the process, not for a bug: each ends
 * the reader the clean way (the terminal restored, the work saved, the
 * index build undone), then the process as the signal would have. */
static const int quit_sigs[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF,
#ifdef SIGIO
	SIGIO,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};

static void on_quit(int sig)
{
	quit_signal = sig;
}

void term_quit_handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_quit;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a signal interrupts the wait for a key */
	for (size_t i = 0; i < sizeof(quit_sigs) / sizeof(quit_sigs[0]); i++)
		sigaction(quit_sigs[i], &sa, NULL);
}

void term_reraise(int status)
{
	int sig = status - 128;

	/* SIGINT, SIGTERM and SIGHUP end with their status; the others
	 * (SIGQUIT's core, a limit's signal) as their default would */
	if (status <= 128 || sig == SIGINT || sig == SIGTERM || sig == SIGHUP)
		return;
	for (size_t i = 0; i < sizeof(quit_sigs) / sizeof(quit_sigs[0]); i++)
		if (quit_sigs[i] == sig) {
			signal(sig, SIG_DFL);
			raise(sig);
		}
}

int term_quit_signal(void)
{
	return quit_signal;
}

void term_quit_reset(void)
{
	quit_signal = 0;
}
