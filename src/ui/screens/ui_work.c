/* ui_work.c -- the reader's own work from the reader and the list: notes
 * (a line, or $EDITOR), collections (a prompt that completes the names),
 * and copying a paragraph or a citation to the clipboard (OSC 52, or the
 * command the config names) */
#include "config.h"
#include "ui/ui_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "doc/cite.h"
#include "base/text.h"

/* ------------------------------------------------------------ notes */

static bool can_keep(struct ui *u)
{
	struct view *v = &u->v;

	if (!v->c || v->sel < 0)
		return false;
	if (!v->c->id[0]) {
		ui_say(u, "this cable has no id: nothing can be kept about it");
		return false;
	}
	return true;
}

void ui_said_kept(struct ui *u, const char *what)
{
	if (*ws_caveat(u->v.ws))
		ui_say(u, "%s; %s", what, ws_caveat(u->v.ws));
	else
		ui_say(u, "%s", what);
}

static void set_note(struct ui *u, const char *text)
{
	struct view *v = &u->v;
	struct ws_about a;
	char what[96];

	view_about(v, v->sel, &a);
	snprintf(what, sizeof(what), "note on \xC2\xB6%s %s", a.address,
		 *text ? "kept" : ws_note(v->ws, v->c->id, a.address) ? "removed" : "left empty");
	ws_note_set(v->ws, &a, text);
	ui_said_kept(u, what);
}

static void note_done(struct ui *u, char kind, const char *text)
{
	(void)kind;
	if (can_keep(u))
		set_note(u, text);
}

void reader_note(struct ui *u)
{
	const char *note;
	char label[64];

	if (!can_keep(u))
		return;
	note = ws_note(u->v.ws, u->v.c->id, u->v.c->paras[u->v.sel].address);
	/* a note of several lines is edited where it can be seen whole */
	if (note && strchr(note, '\n')) {
		ui_say(u, "this note is more than a line: A edits it in $EDITOR");
		return;
	}
	snprintf(label, sizeof(label), " note on \xC2\xB6%s: ", u->v.c->paras[u->v.sel].address);
	prompt_open(u, 'a', label, note ? note : "", note_done);
}

/* The editor: $VISUAL, $EDITOR or vi, on a file holding the note on @a
 * (@id, @address). */
static void note_in_editor(struct ui *u, const struct ws_about *a)
{
	const char *note, *tmpdir = getenv("TMPDIR");
	char path[4096], what[120];
	struct buf text = { 0 };
	FILE *f;
	int fd, status = -1;
	pid_t pid;

	note = ws_note(u->v.ws, a->id, a->address);
	snprintf(path, sizeof(path), "%s/pilcrow-note-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	fd = mkstemp(path);
	if (fd < 0) {
		ui_say(u, "cannot make a file for the editor: %s", strerror(errno));
		return;
	}
	if (note && (write(fd, note, strlen(note)) < 0 || write(fd, "\n", 1) < 0)) {
		close(fd);
		unlink(path);
		ui_say(u, "cannot write the note for the editor: %s", strerror(errno));
		return;
	}
	close(fd);
	def_prog_mode();
	endwin();
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exec ${VISUAL:-${EDITOR:-vi}} \"$1\"", "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		unlink(path);
		ui_say(u, "the editor failed (status %d): the note is as it was", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return;
	}
	if ((f = fopen(path, "r"))) {
		char chunk[4096];
		size_t n;

		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_add(&text, chunk, n);
		fclose(f);
	}
	unlink(path);
	/* the editor's last newline is not the note's */
	while (text.n && (text.p[text.n - 1] == '\n' || text.p[text.n - 1] == ' '))
		text.n--;
	buf_addc(&text, '\0');
	snprintf(what, sizeof(what), "note on %s%s %s", *a->address ? "\xC2\xB6" : a->id, a->address,
		 *text.p ? "kept" : "removed");
	ws_note_set(u->v.ws, a, text.p);
	ui_said_kept(u, what);
	buf_free(&text);
}

void reader_note_editor(struct ui *u)
{
	struct ws_about a;

	if (!can_keep(u))
		return;
	view_about(&u->v, u->v.sel, &a);
	note_in_editor(u, &a);
}

/* ------------------------------------------------------------ collections */

static size_t collection_names(struct ui *u, const char *const **names)
{
	return ws_collections(u->v.ws, names);
}

static void collect_done(struct ui *u, char kind, const char *text)
{
	struct ws_about a;
	char what[160];
	bool in;

	(void)kind;
	if (!can_keep(u) || !*text)
		return;
	view_about(&u->v, u->v.sel, &a);
	in = ws_collect_toggle(u->v.ws, &a, text);
	snprintf(what, sizeof(what), "\xC2\xB6%s %s collection '%.60s'", a.address, in ? "put into" : "taken out of",
		 text);
	ui_said_kept(u, what);
}

void reader_collect(struct ui *u)
{
	if (!can_keep(u))
		return;
	prompt_open(u, 'c', " collection (Tab completes): ", "", collect_done);
	prompt_names(u, collection_names);
}

/* ------------------------------------------------------------ copying */

/* Hand-written: base64 for OSC 52, a dozen lines that none of pilcrow's
 * libraries offers. */
static void base64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);

		buf_addc(out, a[v >> 18 & 63]);
		buf_addc(out, a[v >> 12 & 63]);
		buf_addc(out, i + 1 < n ? a[v >> 6 & 63] : '=');
		buf_addc(out, i + 2 < n ? a[v & 63] : '=');
	}
}

/* OSC 52, write only: the terminal is never asked for its clipboard.
 * Inside tmux, the sequence as it is (tmux's set-clipboard on) and
 * wrapped for passthrough (allow-passthrough on), which reaches the
 * terminal outside. */
static bool osc52(struct str text)
{
	struct buf b = { 0 }, seq = { 0 };
	bool ok;

	base64(&b, (const unsigned char *)text.p, text.n);
	buf_adds(&seq, "\033]52;c;");
	buf_add(&seq, b.p, b.n);
	buf_adds(&seq, "\a");
	if (getenv("TMUX") && *getenv("TMUX")) {
		buf_adds(&seq, "\033Ptmux;\033\033]52;c;");
		buf_add(&seq, b.p, b.n);
		buf_adds(&seq, "\a\033\\");
	}
	ok = ui_term_write(seq.p, seq.n);
	buf_free(&b);
	buf_free(&seq);
	return ok;
}

/* The command of `set clipboard`, given the text on its standard input;
 * its output goes nowhere (it would be written over the screen). */
static bool copy_command(const char *cmd, struct str text, char *err, size_t errsize)
{
	char *line = xasprintf("( %s ) > /dev/null 2>&1", cmd);
	FILE *p = popen(line, "w");
	int status;

	free(line);
	if (!p) {
		snprintf(err, errsize, "cannot run '%s': %s", cmd, strerror(errno));
		return false;
	}
	fwrite(text.p, 1, text.n, p);
	status = pclose(p);
	if (status != 0) {
		snprintf(err, errsize, "'%s' failed (status %d)", cmd, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return false;
	}
	return true;
}

/* Copies @text (made by cite.c: no control character in it) and says what. */
static void copy_out(struct ui *u, struct str text, const char *what)
{
	const char *how = u->set ? u->set->clipboard : "osc52";
	char err[SETTING_MAX + 100];
	size_t chars = text_width(text);

	if (strcmp(how, "osc52") == 0 ? !osc52(text) : !copy_command(how, text, err, sizeof(err))) {
		if (strcmp(how, "osc52") == 0)
			snprintf(err, sizeof(err), "the terminal could not be written");
		ui_say(u, "not copied: %s", err);
		return;
	}
	ui_say(u, "copied %s, %zu character%s", what, chars, chars == 1 ? "" : "s");
}

void ui_copy_cite(struct ui *u, const struct cite_src *s, bool quote)
{
	struct buf b = { 0 };
	char what[120];

	if (quote)
		cite_quote(&b, u->set ? u->set->quote : NULL, u->set ? u->set->citation : NULL, s);
	else
		cite_make(&b, u->set ? u->set->citation : NULL, s);
	if (*s->address)
		snprintf(what, sizeof(what), "%s\xC2\xB6%s of %s", quote ? "" : "the citation of ", s->address,
			 *s->id ? s->id : "this cable");
	else
		snprintf(what, sizeof(what), "the citation of %s", *s->id ? s->id : "the cable");
	copy_out(u, buf_str(&b), what);
	buf_free(&b);
}

void reader_copy(struct ui *u, bool quote)
{
	struct view *v = &u->v;
	struct ws_about a;
	struct cite_src s;

	if (!v->c || v->sel < 0)
		return;
	view_about(v, v->sel, &a);
	s = ws_cite_about(&a);
	ui_copy_cite(u, &s, quote);
}

void list_copy_cite(struct ui *u, size_t entry)
{
	const struct cable *c = corpus_cable(u->corpus, entry);
	struct ws_about a;
	struct cite_src s;

	if (!c) {
		ui_say(u, "this cable cannot be read");
		return;
	}
	ws_about(&a, c, -1, STR_NULL);
	s = ws_cite_about(&a);
	ui_copy_cite(u, &s, false);
}

/* ------------------------------------------------------------ the list's cable */

/* The cable selected in the list, parsed; NULL (said) when there is none. */
static const struct cable *list_cable(struct ui *u)
{
	const struct cable *c;

	if (!u->list.n)
		return NULL;
	c = corpus_cable(u->corpus, u->list.rows[u->list.sel]);
	if (!c)
		ui_say(u, "this cable cannot be read");
	else if (!c->id[0])
		ui_say(u, "this cable has no id: nothing can be kept about it");
	return c && c->id[0] ? c : NULL;
}

static void cable_note_done(struct ui *u, char kind, const char *text)
{
	const struct cable *c = list_cable(u);
	struct ws_about a;
	char what[120];

	(void)kind;
	if (!c)
		return;
	ws_about(&a, c, -1, STR_NULL);
	snprintf(what, sizeof(what), "note on %s %s", c->id, *text ? "kept" : "removed");
	ws_note_set(u->v.ws, &a, text);
	ui_said_kept(u, what);
}

void list_note(struct ui *u)
{
	const struct cable *c = list_cable(u);
	const char *note;
	char label[96];

	if (!c)
		return;
	note = ws_note(u->v.ws, c->id, "");
	if (note && strchr(note, '\n')) {
		ui_say(u, "this note is more than a line: A edits it in $EDITOR");
		return;
	}
	snprintf(label, sizeof(label), " note on %s: ", c->id);
	prompt_open(u, 'a', label, note ? note : "", cable_note_done);
}

static void cable_collect_done(struct ui *u, char kind, const char *text)
{
	const struct cable *c = list_cable(u);
	struct ws_about a;
	char what[160];
	bool in;

	(void)kind;
	if (!c || !*text)
		return;
	ws_about(&a, c, -1, STR_NULL);
	in = ws_collect_toggle(u->v.ws, &a, text);
	snprintf(what, sizeof(what), "%s %s collection '%.60s'", c->id, in ? "put into" : "taken out of", text);
	ui_said_kept(u, what);
}

void list_collect(struct ui *u)
{
	if (!list_cable(u))
		return;
	prompt_open(u, 'c', " collection for the cable (Tab completes): ", "", cable_collect_done);
	prompt_names(u, collection_names);
}

void list_note_editor(struct ui *u)
{
	const struct cable *c = list_cable(u);
	struct ws_about a;

	if (!c)
		return;
	ws_about(&a, c, -1, STR_NULL);
	note_in_editor(u, &a);
}
