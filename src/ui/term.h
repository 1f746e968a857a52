/* term.h -- the terminal always comes back.  The modes the terminal had
 * before pilcrow, and the bytes that undo what the screen set (the
 * alternate screen, the hidden cursor, the mouse, the keypad mode), are
 * kept ready so that even a fatal signal can restore them: with write() and
 * tcsetattr(), which a signal handler may call, not with ncurses, which it
 * may not. */
#ifndef PILCROW_TERM_H
#define PILCROW_TERM_H

#include <signal.h>

/* Installs the handlers for the fatal signals (SIGSEGV, SIGBUS, SIGFPE,
 * SIGILL, SIGABRT), on their own stack: mapped files cut short are rescued
 * (mapguard), anything else restores the terminal, says so on one line and
 * dies of the same signal; SIGSYS and SIGTRAP too.  SIGPIPE and SIGXFSZ
 * are ignored.  Any mode calls it, first thing. */
void term_fatal_handlers(void);

/* Remembers the terminal on @fd before the screen takes it. */
void term_save(int fd);

/* The bytes that put the terminal back (from terminfo: rmcup, cnorm, sgr0,
 * rmkx, mouse off), written on a fatal signal before the modes. */
void term_set_restore(const char *bytes);

/* The screen is gone: nothing left to restore. */
void term_forget(void);

/* SIGINT, SIGTERM, SIGHUP, and every other signal whose default ends the
 * process (SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU ...): recorded for
 * the main loop, which ends cleanly.  (SIGPIPE and SIGXFSZ are ignored from
 * the start, by term_fatal_handlers: the write's error says it.) */
void term_quit_handlers(void);
/* At the very end, after a signal's clean ending (@status 128 + N): the
 * process ends as signal N would have (not for SIGINT, SIGTERM, SIGHUP,
 * whose status says it). */
void term_reraise(int status);
int term_quit_signal(void);
/* The signal was taken care of (SIGINT cancelled a filter being applied). */
void term_quit_reset(void);

#endif
