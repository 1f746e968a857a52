/* keys.h -- the key table (keys.def) as the reader uses it: which action a
 * key has on a screen, and the rows the help screen lists */
#ifndef PILCROW_KEYS_H
#define PILCROW_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/keys_where.h"
#include "views/screen.h"

enum action {
#define KEY(a, where, keys, help, ...) ACT_##a,
#include "ui/keys.def"
#undef KEY
	ACT_COUNT,
	ACT_NONE = -1
};

/* The action of @k on the screens of section @where (ANY is tried after
 * @where when @global). */
enum action keys_action(struct key k, enum where where, bool global);

/* The movement of a movement action (next, prev, page-down ...), or
 * MOVE_NONE. */
enum move keys_move(enum action a);

/* The config's bindings (settings.h), before the table's; @b stays the caller's. */
struct binding_set;
void keys_bind(const struct binding_set *b, size_t n);

/* The key named @s (@n bytes, without the <>): Up, Down, C-x, Enter, ...
 * (the names of the scripts and of the config's bind). */
bool keys_name(const char *s, size_t n, int *code, bool *is_key);
/* The name of key @code in that list ("Down", "Enter"), or NULL. */
const char *keys_name_of(int code);

/* The rows of the table, in its order. */
struct key_row {
	enum where where;
	const char *keys, *help;
};
extern const struct key_row key_rows[];
extern const size_t nkey_rows;

#endif
