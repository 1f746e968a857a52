/* ui_screen.c -- the screens, each made with its own state the first time
 * it is asked for (a screen is its file, its ops and its rows in keys.def:
 * nothing here names one) */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdlib.h>

#include "base/util.h"

struct screen *ui_screen_of(const struct ui *u, const struct screen_ops *ops)
{
	for (size_t i = 0; i < u->nscreens; i++)
		if (u->screens[i]->ops == ops)
			return u->screens[i];
	return NULL;
}

void *ui_state(const struct ui *u, const struct screen_ops *ops)
{
	struct screen *s = ui_screen_of(u, ops);

	return s ? s->state : NULL;
}

struct screen *ui_screen(struct ui *u, const struct screen_ops *ops)
{
	struct screen *s = ui_screen_of(u, ops);

	if (s)
		return s;
	s = xcalloc(1, sizeof(*s));
	s->ops = ops;
	s->keys = ops->keys;
	s->state = ops->state_size ? xcalloc(1, ops->state_size) : NULL;
	if (s->state && ops->init)
		ops->init(s);
	grow_array((void **)&u->screens, &u->cap_screens, u->nscreens + 1, sizeof(*u->screens));
	u->screens[u->nscreens++] = s;
	return s;
}

void ui_screens_free(struct ui *u)
{
	for (size_t i = 0; i < u->nscreens; i++) {
		struct screen *s = u->screens[i];

		if (s->state && s->ops->free)
			s->ops->free(s->state);
		free(s->state);
		free(s);
	}
	free(u->screens);
	u->screens = NULL;
	u->nscreens = u->cap_screens = 0;
}
