/* status.c -- the message of the moment (status.h) */
#include "config.h"
#include "views/status.h"

#include <stdio.h>

void status_vsay(struct status *s, const char *fmt, va_list ap)
{
	vsnprintf(s->msg, sizeof(s->msg), fmt, ap);
}

void status_say(struct status *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status_vsay(s, fmt, ap);
	va_end(ap);
}

void status_clear(struct status *s)
{
	s->msg[0] = '\0';
}

bool status_empty(const struct status *s)
{
	return !s->msg[0];
}
