/* keys.c -- the key table (keys.def), compiled into a lookup and the rows
 * of the help screen */
#include "config.h"
#include "ui_internal.h"
#include "keys.h"

#define KEY_CODES_MAX 12

static const struct binding {
	enum action a;
	enum where where;
	int codes[KEY_CODES_MAX];
} bindings[] = {
#define KEY(a, where, keys, help, ...) { ACT_##a, where, { __VA_ARGS__ } },
#include "keys.def"
#undef KEY
};

const struct key_row key_rows[] = {
#define KEY(a, where, keys, help, ...) { where, keys, help },
#include "keys.def"
#undef KEY
};
const size_t nkey_rows = sizeof(key_rows) / sizeof(key_rows[0]);

enum action keys_action(struct key k, enum where where, bool global)
{
	/* a character past ASCII is text, never a key of the table */
	if (!k.is_key && k.code > 0x7F)
		return ACT_NONE;
	for (int pass = 0; pass < (global ? 2 : 1); pass++) {
		enum where w = pass ? BOTH : where;

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
