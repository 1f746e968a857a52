/* settings.c -- the config file read, and the defaults written in its
 * syntax (--dump-config) */
#include "config.h"
#include "ui/settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc/cite.h"
#include "ui/keys.h"
#include "ui/ui_curses.h"
#include "base/util.h"

const char *const role_names[ROLE_COUNT] = { "label", "section", "match", "status", "title", "deleted", "inserted",
					     "level-u", "level-sbu", "level-c", "level-s", "level-ts" };

/* The actions by name: ACT_LIST_DOWN is "list-down". */
static const char *const actions_upper[] = {
#define KEY(a, where, keys, help, ...) #a,
#include "ui/keys.def"
#undef KEY
	NULL
};
static const enum where action_where[] = {
#define KEY(a, where, keys, help, ...) where,
#include "ui/keys.def"
#undef KEY
};
/* The names of earlier versions, still read in a config file: the movement
 * rows each screen had are now the generic movement actions. */
static const struct {
	const char *name;
	enum action a;
} action_aliases[] = {
#define MOVES(p, down, up, pgdn, pgup, first, last) \
	{ p down, ACT_NEXT }, { p up, ACT_PREV }, { p pgdn, ACT_PAGE_DOWN }, { p pgup, ACT_PAGE_UP }, \
	{ p first, ACT_FIRST }, { p last, ACT_LAST }
	MOVES("list-", "down", "up", "pgdn", "pgup", "first", "last"),
	{ "list-halfdn", ACT_HALF_DOWN }, { "list-halfup", ACT_HALF_UP },
	MOVES("help-", "down", "up", "pgdn", "pgup", "first", "last"),
	MOVES("raw-", "down", "up", "pgdn", "pgup", "first", "last"),
	MOVES("glance-", "down", "up", "pgdn", "pgup", "first", "last"),
	MOVES("hits-", "down", "up", "pgdn", "pgup", "first", "last"),
	MOVES("marks-", "down", "up", "pgdn", "pgup", "first", "last"),
#undef MOVES
};

static char action_lower[sizeof(actions_upper) / sizeof(actions_upper[0])][32];
const char *action_names[sizeof(actions_upper) / sizeof(actions_upper[0])];

static void make_action_names(void)
{
	const char **names = action_names;

	if (names[0])
		return;
	for (size_t i = 0; actions_upper[i]; i++) {
		size_t k = 0;

		for (const char *p = actions_upper[i]; *p && k + 1 < sizeof(action_lower[i]); p++)
			action_lower[i][k++] = *p == '_' ? '-' : (char)(*p | 0x20);
		action_lower[i][k] = '\0';
		names[i] = action_lower[i];
	}
}

void settings_init(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->citation, sizeof(s->citation), "%s", CITE_DEFAULT);
	snprintf(s->quote, sizeof(s->quote), "%s", QUOTE_DEFAULT);
	snprintf(s->clipboard, sizeof(s->clipboard), "osc52");
	s->width = 100;
	s->mouse = true;
	for (int r = 0; r < ROLE_COUNT; r++)
		s->colors[r] = (struct color_set){ false, -1, -1, 0 };
	make_action_names();
}

void settings_free(struct settings *s)
{
	free(s->binds);
	s->binds = NULL;
	s->nbinds = s->cap_binds = 0;
}

static char *trim(char *p)
{
	char *e;

	while (*p == ' ' || *p == '\t')
		p++;
	e = p + strlen(p);
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return p;
}

#define FAIL(...) do { snprintf(err, errsize, __VA_ARGS__); return false; } while (0)

static bool set_line(struct settings *s, char *rest, char *err, size_t errsize)
{
	char *eq = strchr(rest, '='), *name, *value;

	if (!eq)
		FAIL("'set' wants NAME = VALUE");
	*eq = '\0';
	name = trim(rest);
	value = trim(eq + 1);
	if (strcmp(name, "citation") == 0 || strcmp(name, "quote") == 0) {
		bool quote = name[0] == 'q';

		if (!*value)
			FAIL("'%s' wants a template", name);
		if (!cite_check(value, quote, err, errsize))
			return false;
		snprintf(quote ? s->quote : s->citation, SETTING_MAX, "%s", value);
	} else if (strcmp(name, "clipboard") == 0) {
		if (!*value)
			FAIL("'clipboard' wants osc52 or a command");
		snprintf(s->clipboard, sizeof(s->clipboard), "%s", value);
	} else if (strcmp(name, "width") == 0) {
		char *end;
		long w = strtol(value, &end, 10);

		if (*end || w < 20 || w > 1000)
			FAIL("'width' wants a number of columns from 20 to 1000, not '%s'", value);
		s->width = (int)w;
	} else if (strcmp(name, "header") == 0) {
		if (strcmp(value, "folded") != 0 && strcmp(value, "banner") != 0)
			FAIL("'header' is folded or banner, not '%s'", value);
		s->banner_only = value[0] == 'b';
	} else if (strcmp(name, "apostrophes") == 0) {
		if (strcmp(value, "kept") != 0 && strcmp(value, "fixed") != 0)
			FAIL("'apostrophes' is kept or fixed, not '%s'", value);
		s->apostrophes = value[0] == 'f';
	} else if (strcmp(name, "flow") == 0) {
		if (strcmp(value, "panes") != 0 && strcmp(value, "whole") != 0)
			FAIL("'flow' is panes or whole, not '%s'", value);
		s->flow_whole = value[0] == 'w';
	} else if (strcmp(name, "mouse") == 0) {
		if (strcmp(value, "on") != 0 && strcmp(value, "off") != 0)
			FAIL("'mouse' is on or off, not '%s'", value);
		s->mouse = value[1] == 'n';
	} else {
		FAIL("no setting '%s' (settings: citation quote clipboard width header flow apostrophes mouse)", name);
	}
	return true;
}

static bool bind_line(struct settings *s, char *rest, char *err, size_t errsize)
{
	char *screen = strtok(rest, " \t"), *key = strtok(NULL, " \t"), *action = strtok(NULL, " \t");
	struct binding_set b = { 0 };
	bool found = false;

	if (!screen || !key || !action || strtok(NULL, " \t"))
		FAIL("'bind' wants SCREEN KEY ACTION");
	for (int w = 0; w < WHERE_COUNT; w++)
		if (strcmp(screen, where_names[w]) == 0) {
			b.where = (enum where)w;
			found = true;
		}
	/* the names of earlier versions: a config keeps working */
	for (size_t i = 0; !found && i < sizeof(where_aliases) / sizeof(where_aliases[0]); i++)
		if (strcmp(screen, where_aliases[i].name) == 0) {
			b.where = where_aliases[i].where;
			found = true;
		}
	if (!found) {
		char all[256] = "";

		for (int w = 0; w < WHERE_COUNT; w++)
			snprintf(all + strlen(all), sizeof(all) - strlen(all), "%s%s", w ? " " : "", where_names[w]);
		FAIL("no screen '%s' (screens: %s)", screen, all);
	}
	if (key[0] == '<' && key[strlen(key) - 1] == '>' && strlen(key) > 2) {
		if (!keys_name(key + 1, strlen(key) - 2, &b.code, &b.is_key))
			FAIL("no key '%s' (<Up> <Down> <C-x> <Enter> <Tab> <Space> <F1> ...)", key);
	} else if (strlen(key) == 1 && (unsigned char)key[0] > 0x20 && (unsigned char)key[0] < 0x7F) {
		b.code = key[0];
	} else {
		FAIL("'%s' is not a key: one character, or a name such as <C-x>", key);
	}
	if (strcmp(action, "none") == 0) {
		b.action = -1;          /* the key does nothing there */
	} else {
		found = false;
		for (size_t i = 0; action_names[i]; i++)
			if (strcmp(action, action_names[i]) == 0) {
				if (action_where[i] != b.where && action_where[i] != ANY)
					FAIL("'%s' is an action of the %s screen, not of %s", action,
					     where_names[action_where[i]], screen);
				b.action = (int)i;
				found = true;
			}
		for (size_t i = 0; !found && i < sizeof(action_aliases) / sizeof(action_aliases[0]); i++)
			if (strcmp(action, action_aliases[i].name) == 0) {
				b.action = (int)action_aliases[i].a;
				found = true;
			}
		if (!found)
			FAIL("no action '%s' (pilcrow --dump-config lists them)", action);
	}
	grow_array((void **)&s->binds, &s->cap_binds, s->nbinds + 1, sizeof(*s->binds));
	s->binds[s->nbinds++] = b;
	return true;
}

static const char *const color_names[] = { "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white" };

static bool color_value(const char *v, int *out)
{
	char *end;
	long n;

	if (strcmp(v, "default") == 0) {
		*out = -1;
		return true;
	}
	for (int i = 0; i < 8; i++) {
		if (strcmp(v, color_names[i]) == 0) {
			*out = i;
			return true;
		}
		if (strncmp(v, "bright-", 7) == 0 && strcmp(v + 7, color_names[i]) == 0) {
			*out = i + 8;
			return true;
		}
	}
	if (v[0] == '#' && strlen(v) == 7) {
		n = strtol(v + 1, &end, 16);
		if (!*end) {
			*out = 256 + (int)n;
			return true;
		}
		return false;
	}
	n = strtol(v, &end, 10);
	if (*v && !*end && n >= 0 && n <= 255) {
		*out = (int)n;
		return true;
	}
	return false;
}

static bool color_line(struct settings *s, char *rest, char *err, size_t errsize)
{
	static const char *const attrs[] = { "bold", "underline", "reverse", "dim", "italic", "blink" };
	char *role = strtok(rest, " \t"), *fg = strtok(NULL, " \t"), *bg = strtok(NULL, " \t"), *a;
	struct color_set c = { true, -1, -1, 0 };
	int r = -1;

	if (!role || !fg || !bg)
		FAIL("'color' wants ROLE FOREGROUND BACKGROUND [ATTRIBUTES]");
	for (int i = 0; i < ROLE_COUNT; i++)
		if (strcmp(role, role_names[i]) == 0)
			r = i;
	if (r < 0)
		FAIL("no role '%s' (roles: label section match status title level-u level-sbu level-c level-s "
		     "level-ts)", role);
	if (!color_value(fg, &c.fg))
		FAIL("'%s' is not a colour (a name, 0-255, #rrggbb or default)", fg);
	if (!color_value(bg, &c.bg))
		FAIL("'%s' is not a colour (a name, 0-255, #rrggbb or default)", bg);
	while ((a = strtok(NULL, " \t"))) {
		bool known = strcmp(a, "normal") == 0;

		for (int i = 0; i < 6; i++)
			if (strcmp(a, attrs[i]) == 0) {
				c.attrs |= 1u << i;
				known = true;
			}
		if (!known)
			FAIL("no attribute '%s' (bold underline reverse dim italic blink normal)", a);
	}
	s->colors[r] = c;
	return true;
}

bool settings_line(struct settings *s, const char *line, char *err, size_t errsize)
{
	char buf[2 * SETTING_MAX], *p, *word;

	if (strlen(line) >= sizeof(buf))
		FAIL("the line is too long (%zu bytes at most)", sizeof(buf) - 1);
	snprintf(buf, sizeof(buf), "%s", line);
	p = trim(buf);
	if (!*p || *p == '#')
		return true;
	word = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p)
		*p++ = '\0';
	if (strcmp(word, "set") == 0)
		return set_line(s, p, err, errsize);
	if (strcmp(word, "bind") == 0)
		return bind_line(s, p, err, errsize);
	if (strcmp(word, "color") == 0)
		return color_line(s, p, err, errsize);
	FAIL("'%s' is not a command of the config (set, bind, color)", word);
}

size_t settings_load(struct settings *s, const char *path, void (*report)(const char *line, void *ud), void *ud)
{
	const char *env = getenv("PILCROW_CONFIG"), *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char line[4 * SETTING_MAX], err[600], msg[sizeof(err) + sizeof(s->path) + 40];
	size_t lineno = 0, problems = 0;
	FILE *f;

	if (path)
		snprintf(s->path, sizeof(s->path), "%s", path);
	else if (env && *env)
		snprintf(s->path, sizeof(s->path), "%s", env);
	else if (xdg && *xdg == '/')
		snprintf(s->path, sizeof(s->path), "%s/pilcrow/config", xdg);
	else if (home && *home)
		snprintf(s->path, sizeof(s->path), "%s/.config/pilcrow/config", home);
	else
		return 0;
	f = fopen(s->path, "r");
	if (!f) {
		/* no file is the defaults; one that cannot be read is a problem */
		if (errno != ENOENT) {
			snprintf(msg, sizeof(msg), "%s: %s", s->path, strerror(errno));
			report(msg, ud);
			problems++;
		}
		return problems;
	}
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			int ch;

			while ((ch = fgetc(f)) != EOF && ch != '\n')
				;
			snprintf(err, sizeof(err), "the line is too long");
		} else if (settings_line(s, line, err, sizeof(err))) {
			continue;
		}
		snprintf(msg, sizeof(msg), "%s:%zu: %s", s->path, lineno, err);
		report(msg, ud);
		problems++;
	}
	fclose(f);
	return problems;
}

/* The table's keys as the config writes them: "j", "<Down>", "<C-d>". */
void settings_key_name(struct buf *out, int code)
{
	const char *name = keys_name_of(code);

	if (name)
		buf_printf(out, "<%s>", name);
	else if (code > 0 && code < 0x20)
		buf_printf(out, "<C-%c>", code + 'a' - 1);
	else
		buf_addc(out, (char)code);
}

/* Can a bind line name this key of the table?  (The mouse cannot.) */
static bool key_nameable(int code)
{
	return (code > 0 && code < 0x7F) || keys_name_of(code);
}

void settings_dump(struct buf *out)
{
	static const struct {
		enum where where;
		int codes[12];
	} table[] = {
#define KEY(a, where, keys, help, ...) { where, { __VA_ARGS__ } },
#include "ui/keys.def"
#undef KEY
	};
	static const char *const colors[ROLE_COUNT] = {
		"cyan default", "yellow default", "black yellow", "black white", "white blue bold", "red default bold",
		"green default bold",
		"black green bold", "white magenta bold", "white blue bold", "white red bold", "black yellow bold",
	};
	struct settings s;

	settings_init(&s);
	buf_printf(out, "# pilcrow's config: these are the defaults (see pilcrow.conf(5))\n"
			"set citation = %s\nset quote = %s\nset clipboard = %s\nset width = %d\n"
			"set header = folded\nset flow = panes\nset apostrophes = kept\nset mouse = on\n\n# the colours: ROLE FOREGROUND BACKGROUND [ATTRIBUTES]\n",
		   s.citation, s.quote, s.clipboard, s.width);
	for (int r = 0; r < ROLE_COUNT; r++)
		buf_printf(out, "color %s %s\n", role_names[r], colors[r]);
	buf_adds(out, "\n# the keys: SCREEN KEY ACTION (none: the key does nothing there)\n");
	for (size_t i = 0; action_names[i]; i++)
		for (size_t c = 0; c < 12 && table[i].codes[c]; c++) {
			/* Enter is \r, \n and KEY_ENTER: written once */
			if (table[i].codes[c] == '\n' || table[i].codes[c] == KEY_ENTER || table[i].codes[c] == 127 ||
			    table[i].codes[c] == 8 || !key_nameable(table[i].codes[c]))
				continue;
			buf_printf(out, "bind %s ", where_names[table[i].where]);
			settings_key_name(out, table[i].codes[c]);
			buf_printf(out, " %s\n", action_names[i]);
		}
	settings_free(&s);
}
