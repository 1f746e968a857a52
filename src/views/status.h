/* status.h -- the message of the moment on the status line.  The UI owns
 * it (struct ui) and paints it; the models it shows (the reader's view)
 * are handed it to say what a key did.  It lasts until the next key. */
#ifndef PILCROW_STATUS_H
#define PILCROW_STATUS_H

#include <stdarg.h>
#include <stdbool.h>

#include "base/util.h"

struct status {
	char msg[256];
};

void status_say(struct status *s, const char *fmt, ...) PRINTF_LIKE(2, 3);
void status_vsay(struct status *s, const char *fmt, va_list ap) PRINTF_LIKE(2, 0);
void status_clear(struct status *s);
bool status_empty(const struct status *s);

#endif
