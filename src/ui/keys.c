/* keys.c -- the key table (keys.def), compiled into a lookup and the rows
 * of the help screen */
#include "config.h"
#include "ui/ui_internal.h"
#include "ui/keys.h"
#include "ui/settings.h"

#include <string.h>

#define KEY_CODES_MAX 12

static const struct binding {
	enum action a;
	enum where where;
	int codes[KEY_CODES_MAX];
} bindings[] = {
#define KEY(a, where, keys, help, ...) { ACT_##a, where, { __VA_ARGS__ } },
#include "ui/keys.def"
#undef KEY
};

const struct key_row key_rows[] = {
#define KEY(a, where, keys, help, ...) { where, keys, help },
#include "ui/keys.def"
#undef KEY
};
const size_t nkey_rows = sizeof(key_rows) / sizeof(key_rows[0]);

/* The config's bind lines, looked at before the table (set once, at the
 * start: they are the table as this reader has it). */
static const struct binding_set *bound;
static size_t nbound;

void keys_bind(const struct binding_set *b, size_t n)
{
	bound = b;
	nbound = n;
}

static const struct {
	const char *name;
	int code;
	bool is_key;
} names[] = {
	{ "Up", KEY_UP, true }, { "Down", KEY_DOWN, true }, { "Left", KEY_LEFT, true },
	{ "Right", KEY_RIGHT, true }, { "PgUp", KEY_PPAGE, true }, { "PgDn", KEY_NPAGE, true },
	{ "Home", KEY_HOME, true }, { "End", KEY_END, true }, { "F1", KEY_F(1), true },
	{ "BS", KEY_BACKSPACE, true }, { "Del", KEY_DC, true }, { "Enter", '\r', false }, { "Esc", 27, false },
	{ "Tab", '\t', false }, { "Space", ' ', false }, { "lt", '<', false },
};

bool keys_name(const char *s, size_t n, int *code, bool *is_key)
{
	*is_key = false;
	if (n == 3 && s[0] == 'C' && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z') {
		*code = CTRL(s[2]);
		return true;
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].name) == n && strncmp(names[i].name, s, n) == 0) {
			*code = names[i].code;
			*is_key = names[i].is_key;
			return true;
		}
	return false;
}

const char *keys_name_of(int code)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].code == code)
			return names[i].name;
	return NULL;
}

enum action keys_action(struct key k, enum where where, bool global)
{
	/* a character past ASCII is text, never a key of the table */
	if (!k.is_key && k.code > 0x7F)
		return ACT_NONE;
	for (int pass = 0; pass < (global ? 2 : 1); pass++) {
		enum where w = pass ? ANY : where;

		for (size_t i = nbound; i-- > 0;)
			if (bound[i].where == w && bound[i].code == k.code && bound[i].is_key == k.is_key)
				return (enum action)bound[i].action;

		for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++) {
			if (bindings[i].where != w)
				continue;
			for (size_t c = 0; c < KEY_CODES_MAX && bindings[i].codes[c]; c++)
				if (bindings[i].codes[c] == k.code)
					return bindings[i].a;
		}
	}
	return ACT_NONE;
}

enum move keys_move(enum action a)
{
	switch (a) {
	case ACT_NEXT: return MOVE_DOWN;
	case ACT_PREV: return MOVE_UP;
	case ACT_PAGE_DOWN: return MOVE_PAGE_DOWN;
	case ACT_PAGE_UP: return MOVE_PAGE_UP;
	case ACT_HALF_DOWN: return MOVE_HALF_DOWN;
	case ACT_HALF_UP: return MOVE_HALF_UP;
	case ACT_FIRST: return MOVE_FIRST;
	case ACT_LAST: return MOVE_LAST;
	default: return MOVE_NONE;
	}
}
