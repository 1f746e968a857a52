/* keys_where.h -- the sections of the key table (keys.def): where a key
 * acts.  Shared by the reader, --help and genkeys (no ncurses here). */
#ifndef PILCROW_KEYS_WHERE_H
#define PILCROW_KEYS_WHERE_H

enum where { LIST, READER, ANY, PROMPT, MENU, HELP, ORIGINAL, OVERVIEW, HITS, MARKS, WHERE_COUNT };

/* The sections' names in the config file's bind lines, --help and the
 * manual. */
static const char *const where_names[WHERE_COUNT] = { "list", "reader", "any", "prompt", "menu", "help", "original",
						      "overview", "hits", "marks" };

/* The names of earlier versions, still read in a config file. */
static const struct {
	const char *name;
	enum where where;
} where_aliases[] = { { "both", ANY }, { "raw", ORIGINAL }, { "glance", OVERVIEW } };

/* The section titles of the help screen and the manual. */
static const char *const where_titles[WHERE_COUNT] = {
	"In the cable list", "In the reader", "Everywhere", "In a prompt", "In the filter menu",
	"On the help screen", "In the original", "In the overview",
	"In the search results", "In the marks browser"
};

#endif
