/* settings.h -- the config file, $XDG_CONFIG_HOME/pilcrow/config
 * (~/.config/pilcrow/config; PILCROW_CONFIG names another), tig-like
 * lines (see pilcrow.conf(5)):
 *
 *   set citation = {origin}, cable {id}{, date}{, para}. WikiLeaks, {url}
 *   set quote = “{text}” — {cite}
 *   set clipboard = osc52          (or a command: wl-copy, xclip -selection clipboard, pbcopy)
 *   set width = 100                (the detail's measure, in columns)
 *   set header = folded            (or banner: the reader opens with the banner only)
 *   set flow = panes               (or whole: v shows the whole cable over the whole screen)
 *   set apostrophes = kept         (or fixed: a picked quote's ",s" becomes "'s")
 *   set mouse = on                 (or off)
 *   bind reader x mark             (SCREEN KEY ACTION)
 *   color status black white bold  (ROLE FG BG ATTR...: names, 0-255, #rrggbb)
 *
 * An error is one line naming the file, the line and the problem; the
 * rest of the file is still applied.  No ncurses here: the reader turns
 * the colours and keys into its own. */
#ifndef PILCROW_SETTINGS_H
#define PILCROW_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "ui/keys_where.h"

#define SETTING_MAX 512

/* A key the config binds: @code on screen @where does action number
 * @action (the order of keys.def). */
struct binding_set {
	enum where where;
	int code;
	bool is_key;            /* an ncurses KEY_ code, not a character */
	int action;
};

/* A colour the config sets: -1 is the terminal's own; 0-255; from 256 a
 * true colour 0xRRGGBB + 256. */
enum role { ROLE_LABEL, ROLE_SECTION, ROLE_MATCH, ROLE_STATUS, ROLE_TITLE, ROLE_DELETED, ROLE_INSERTED, ROLE_U, ROLE_SBU, ROLE_C, ROLE_S,
	    ROLE_TS, ROLE_COUNT };
struct color_set {
	bool set;
	int fg, bg;
	unsigned attrs;         /* SET_BOLD ... */
};
enum { SET_BOLD = 1, SET_UNDERLINE = 2, SET_REVERSE = 4, SET_DIM = 8, SET_ITALIC = 16, SET_BLINK = 32 };

struct settings {
	char citation[SETTING_MAX], quote[SETTING_MAX], clipboard[SETTING_MAX];
	int width;
	bool banner_only, mouse, flow_whole, apostrophes;
	struct binding_set *binds;
	size_t nbinds, cap_binds;
	struct color_set colors[ROLE_COUNT];
	char path[4096];        /* the file read, or "" */
};

extern const char *const role_names[ROLE_COUNT];
extern const char *action_names[];     /* "list-down", ..., NULL (after settings_init) */

/* The defaults. */
void settings_init(struct settings *s);
/* Reads the config file (@path NULL: PILCROW_CONFIG or the default place;
 * a missing file is the defaults); each problem through @err, one line
 * "FILE:LINE: problem".  Returns the number of problems. */
size_t settings_load(struct settings *s, const char *path, void (*err)(const char *line, void *ud), void *ud);
/* One line of the file's syntax applied; false with the problem in @err. */
bool settings_line(struct settings *s, const char *line, char *err, size_t errsize);
void settings_free(struct settings *s);

/* The defaults in the file's syntax (--dump-config): every setting, every
 * key of the table, every colour. */
void settings_dump(struct buf *out);

/* A key as the config writes it: "j", "<Down>", "<C-d>". */
void settings_key_name(struct buf *out, int code);

#endif
