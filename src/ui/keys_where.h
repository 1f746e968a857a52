/* keys_where.h -- the sections of the key table (keys.def): where a key
 * acts.  Shared by the reader, --help and genkeys (no ncurses here). */
#ifndef PILCROW_KEYS_WHERE_H
#define PILCROW_KEYS_WHERE_H

enum where {
#define SECTION(where, name, title) where,
#define SCREEN(where, name, title, ops) where,
#include "ui/keys.def"
#undef SCREEN
#undef SECTION
	WHERE_COUNT
};

/* The sections' names in the config file's bind lines, --help and the
 * manual. */
static const char *const where_names[WHERE_COUNT] = {
#define SECTION(where, name, title) name,
#define SCREEN(where, name, title, ops) name,
#include "ui/keys.def"
#undef SCREEN
#undef SECTION
};

/* The names of earlier versions, still read in a config file. */
static const struct {
	const char *name;
	enum where where;
} where_aliases[] = { { "both", ANY }, { "raw", ORIGINAL }, { "glance", OVERVIEW } };

/* The section titles of the help screen and the manual. */
static const char *const where_titles[WHERE_COUNT] = {
#define SECTION(where, name, title) title,
#define SCREEN(where, name, title, ops) title,
#include "ui/keys.def"
#undef SCREEN
#undef SECTION
};

#endif
