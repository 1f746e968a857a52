/* ui.c -- the reader's loop: input (the terminal or a script), the stack
 * of screens, the global actions, and indexing between keys */
#include "config.h"
#include "ui/ui_internal.h"
#include "corpus/fts/fts.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ui/script.h"
#include "ui/term.h"
#include "ui/ui_stats.h"
#include "base/util.h"

/* ------------------------------------------------------------ indexing */

/* One step of indexing, between keys: INDEX_STEP_MS of work at most (and
 * one record more), so that a key never waits longer than that. */
#define INDEX_STEP_MS 15
/* The first screen: the cables read before it, and the time it may wait. */
#define FIRST_SCREEN_ROWS 300
#define FIRST_SCREEN_MS 30
#define FIRST_SCREEN_WHOLE ((uint64_t)4 << 20)

static bool index_step(struct ui *u)
{
	double t0 = now_ms();
	bool done = corpus_index_step(u->corpus, INDEX_STEP_MS);

	stats_step(u->stats, now_ms() - t0);
	return done;
}

/* The full-text index: looked for (and built in the background when the
 * dump is large) once the list index is whole.  A scripted run waits for
 * it, so that what a test sees never depends on the machine's speed. */
static void text_index(struct ui *u)
{
	if (!corpus_done(u->corpus) || u->text_started || u->o->no_index)
		return;
	u->text_started = true;
	fts_start(u->corpus, false, true);
	if (script_active())
		fts_wait(u->corpus, NULL, NULL);
	if (*fts_reason(u->corpus))
		ui_say(u, "%s", fts_reason(u->corpus));
}

/* True while the full-text index is being made or checked. */
bool ui_text_index_busy(const struct ui *u)
{
	enum fts_state s = fts_state(u->corpus);

	return s == FTS_BUILDING || s == FTS_CHECKING || s == FTS_WAITING;
}

/* What more cables in the index change on the screen: the list grows, and
 * once the index is whole the cable read gets its links and cited-by. */
static void indexed_more(struct ui *u)
{
	clist_grow(&u->list);
	if (corpus_done(u->corpus) && screens_has(&u->stack, ui_screen_of(u, &reader_ops)))
		reader_make_links(u);
	text_index(u);
}

/* A problem met since the last look (a file cut short, a cable that
 * cannot be read) is told in the status bar as well as on exit. */
static void tell_problems(struct ui *u)
{
	const char *const *lines;
	size_t n = corpus_messages(u->corpus, &lines);

	if (n <= u->problems_told)
		return;
	u->problems_told = n;
	if (strncmp(lines[n - 1], "pilcrow: ", 9) == 0)
		ui_say(u, "%s", lines[n - 1] + 9);
	else
		ui_say(u, "%s", lines[n - 1]);
}

/* ------------------------------------------------------------ keys */

/* A filter reading the cables' text goes on between keys. */
static void filter_step(struct ui *u, double budget_ms, size_t most)
{
	double t0 = now_ms();

	if (clist_step(&u->list, budget_ms, most)) {
		status_clear(&u->status);
		ui_list_done(u);
		/* for the benchmarks: from the key that set the filter to its
		 * end, as one key's time */
		if (u->filter_t0 > 0)
			stats_key(u->stats, now_ms() - u->filter_t0);
		u->filter_t0 = 0;
	}
	stats_step(u->stats, now_ms() - t0);
}

/* The screens by the key table's sections (keys.def). */
static const struct screen_ops *const section_screens[WHERE_COUNT] = {
#define SCREEN(where, name, title, ops) [where] = &ops,
#include "ui/keys.def"
#undef SCREEN
};

static void handle_key(struct ui *u, struct key k)
{
	struct screen *top;
	enum action a;

	if (k.is_key && k.code == KEY_RESIZE)
		return;
	status_clear(&u->status);
	/* Esc and Ctrl-C stop a filter being applied, whatever the screen */
	if (u->list.busy && !k.is_key && (k.code == 27 || k.code == CTRL('c')) && ui_list_cancel(u))
		return;
	/* a click or the wheel, where the top screen is */
	top = screens_top(&u->stack);
	if (k.is_key && k.code == KEY_MOUSE && top) {
		u->mouse.y -= top->r.y;
		u->mouse.x -= top->r.x;
	}
	if (screens_handle(&u->stack, k))
		return;
	/* what the top screen passed on, as its section reads the key: the
	 * movement keys move its pane, here for every screen */
	a = keys_action(k, top ? (enum where)top->keys : ANY, true);
	if (keys_move(a) != MOVE_NONE) {
		screens_move(&u->stack, keys_move(a));
		return;
	}
	/* an action that opens a screen, from any screen that passed it on */
	if (screens_start(section_screens, WHERE_COUNT, (int)a, u))
		return;
	switch (a) {
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	case ACT_QUIT: u->quit = true; break;
	case ACT_NONE:
		if (!k.is_key && k.code >= 0x20 && k.code < 0x7F)
			ui_say(u, "'%c' does nothing here: ? lists the keys", k.code);
		break;
	default: break;
	}
}

/* Recalculates and paints the screens that show, and puts the cursor. */
static void draw(struct ui *u)
{
	int y = 0, x = 0;

	screens_recalc(&u->stack, (struct rect){ 0, 0, LINES, COLS });
	screens_draw(&u->stack);
	if (screens_cursor(&u->stack, &y, &x))
		move(y, x);
	refresh();
}

/* ------------------------------------------------------------ input */

enum input { INPUT_KEY, INPUT_NONE, INPUT_REDRAW, INPUT_END };

/* The work between keys, one scheduler for the terminal and for scripts,
 * in one order: the hits of the hits screen, then the filter being
 * applied, then the reading of the inputs.  @ms is a step's time, @most
 * the cables of a filter step (0: as many as the time allows); @whole
 * goes on until the hits and the filter are done (a script, whose screen
 * is only looked at between events); @index reads the inputs here (a
 * script reads them only when it says: wait-index, index N).  True when
 * the screen should be drawn again. */
static bool idle_work(struct ui *u, double ms, size_t most, bool whole, bool index)
{
	double t0 = now_ms();

	if (screens_idle(&u->stack, ms)) {
		stats_step(u->stats, now_ms() - t0);
		return true;
	}
	if (u->list.busy) {
		do
			filter_step(u, ms, most);
		while (whole && u->list.busy);
		return true;
	}
	if (index && !corpus_done(u->corpus)) {
		index_step(u);
		indexed_more(u);
		return true;
	}
	return false;
}

/* The next key from the script; the screen is as the last draw left it. */
static enum input script_input(struct ui *u, struct key *k)
{
	struct script_event ev;
	/* a filter being applied: PILCROW_QUERY_STEP cables between two
	 * events (a test of the progress and of cancelling), or all of it */
	const char *step = getenv("PILCROW_QUERY_STEP");
	size_t most = step ? (strtoul(step, NULL, 10) ? strtoul(step, NULL, 10) : 1) : 0;

	/* done: the screen shows it before the next event */
	if (idle_work(u, 1e12, most, !step, false) && !u->list.busy)
		return INPUT_REDRAW;
	for (;;) {
		script_next(&ev);
		switch (ev.kind) {
		case SCRIPT_END: return INPUT_END;
		case SCRIPT_KEY: *k = ev.key; return INPUT_KEY;
		case SCRIPT_RESIZE:
			resize_term(ev.rows, ev.cols);
			*k = (struct key){ KEY_RESIZE, true };
			return INPUT_KEY;
		case SCRIPT_MOUSE:
			u->mouse = ev.mouse;
			*k = (struct key){ KEY_MOUSE, true };
			return INPUT_KEY;
		case SCRIPT_DUMP:
			if (!screen_dump(ev.path, ev.styles)) {
				fprintf(stderr, "pilcrow: %s: cannot write the dump\n", ev.path);
				exit(2);
			}
			break;
		case SCRIPT_WAIT_INDEX:
			while (!index_step(u))
				;
			indexed_more(u);
			return INPUT_REDRAW;
		case SCRIPT_INDEX:
			corpus_index_records(u->corpus, ev.n);
			stats_memory(u->stats);
			indexed_more(u);
			return INPUT_REDRAW;
		}
	}
}

/* The next key from the terminal; indexes while the keyboard is quiet, so
 * that a key never waits long. */
static enum input terminal_input(struct ui *u, struct key *k)
{
	wint_t ch;
	int r;

	/* never a wait without end: a signal that came while the screen was
	 * drawn, before the wait began, would not end it (and another
	 * session's marks show within the half second) */
	timeout(!corpus_done(u->corpus) || u->list.busy || screens_busy(&u->stack)
			? 0 : ui_text_index_busy(u) ? 250 : 500);
	if (term_quit_signal())
		return INPUT_NONE;
	r = get_wch(&ch);
	if (r == ERR) {
		if (ui_text_index_busy(u) && corpus_done(u->corpus) && !u->list.busy)
			return INPUT_REDRAW;      /* the progress in the status bar */
		if (!term_quit_signal() && idle_work(u, INDEX_STEP_MS, 0, false, true))
			return INPUT_REDRAW;
		return INPUT_NONE;
	}
	*k = (struct key){ (int)ch, r == KEY_CODE_YES };
	if (k->is_key && k->code == KEY_MOUSE && getmouse(&u->mouse) != OK)
		return INPUT_NONE;
	return INPUT_KEY;
}

/* ------------------------------------------------------------ the run */

/* Opens what the options ask for: the list, a cable in it, or the lone cable. */
static int first_screens(struct ui *u)
{
	struct corpus *corpus = u->corpus;
	const struct ui_opts *o = u->o;

	/* the first screen comes quickly: the first records, enough for a
	 * tall screen, then it shows while the rest is read (30 ms at most;
	 * a scripted test may ask for an exact number of cables instead) */
	if (script_active() && getenv("PILCROW_INDEX_FIRST")) {
		corpus_index_records(corpus, strtoul(getenv("PILCROW_INDEX_FIRST"), NULL, 10));
	} else {
		double until = now_ms() + FIRST_SCREEN_MS;
		uint64_t done, total;

		/* inputs of a few megabytes read whole: a lone cable opens in
		 * the reader however slow the machine (valgrind) */
		corpus_progress(corpus, &done, &total);
		while (!corpus_index_step(corpus, 5) &&
		       (total <= FIRST_SCREEN_WHOLE || (corpus_count(corpus) < FIRST_SCREEN_ROWS && now_ms() < until)))
			;
	}
	if (o->id) {
		/* --id: index until that cable is found */
		while (corpus_find(corpus, o->id) < 0 && !corpus_index_step(corpus, 50))
			;
	}
	if (!corpus_count(corpus) && corpus_done(corpus))
		return 1;
	u->has_list = !corpus_done(corpus) || corpus_count(corpus) > 1;
	clist_make(&u->list);
	if (u->has_list)
		screens_push(&u->stack, ui_screen(u, &list_ops));
	if (o->filter && *o->filter)
		ui_list_filter(u, o->filter);
	ui_list_restore(u);
	if (o->id) {
		long e = corpus_find(corpus, o->id);

		if (e < 0) {
			fprintf(stderr, "pilcrow: no cable %s in what was read\n", o->id);
			return 1;
		}
		clist_select_entry(&u->list, (size_t)e);
		ui_open_cable(u, (size_t)e);
	} else if (!u->has_list) {
		ui_open_cable(u, 0);
	} else if (!(o->filter && *o->filter) && ws_has_searches(u->v.ws)) {
		/* searches saved, none asked: they are the first screen */
		screens_start(section_screens, WHERE_COUNT, ACT_LIST_SEARCHES, u);
	}
	return 0;
}

static void ui_init(struct ui *u, struct corpus *corpus, const struct ui_opts *o, struct workspace *ws)
{
	memset(u, 0, sizeof(*u));
	u->o = o;
	u->set = o->set;
	u->corpus = corpus;
	view_init(&u->v, corpus, ws, &u->status);
	if (o->set && o->set->banner_only)
		u->v.header_collapsed = true;
	clist_init(&u->list, corpus);
	screens_init(&u->stack, u);
	u->stack.area = paint_area;
}

static void ui_free(struct ui *u)
{
	view_free(&u->v);
	clist_free(&u->list);
	ui_screens_free(u);
	ui_bulk_free();
}

int ui_run(struct corpus *corpus, const struct ui_opts *o)
{
	struct ui u;
	struct workspace *ws = o->ws;
	int status;

	if (!ui_locale())
		fprintf(stderr, "pilcrow: no UTF-8 locale; text may show wrongly\n");
	if (getenv("PILCROW_SCRIPT") && !script_start())
		return 2;
	ui_init(&u, corpus, o, ws);
	if (o->config_problems)
		ui_say(&u, "%zu problem%s in the config, on standard error; %s", o->config_problems,
			 o->config_problems == 1 ? "" : "s", o->config_first);
	else if (*ws_notice(ws))
		ui_say(&u, "%s", ws_notice(ws));
	else if (*ws_unsaved(ws))
		ui_say(&u, "%s", ws_unsaved(ws));
	u.stats = stats_start();
	status = first_screens(&u);
	if (status)
		goto done;
	text_index(&u);
	if (!ui_term_start(&u)) {
		status = 1;
		goto done;
	}
	term_quit_handlers();
	while (!u.quit) {
		struct key k = { 0, false };
		enum input in;
		double t0;

		/* once read, the inputs looked at again each second (an fstat
		 * each; at every event of a scripted run, so that what a test
		 * sees never depends on the machine's speed): a change made to
		 * them under the reader is said */
		if (corpus_done(corpus) && (script_active() || now_ms() >= u.next_watch)) {
			u.next_watch = now_ms() + 1000;
			corpus_watch(corpus);
		}
		tell_problems(&u);
		/* another session's marks and notes, before the screen shows ours */
		if (ws_refresh(ws)) {
			char said[200];

			if (u.v.c && u.v.filter.marked_only)
				view_set_filter(&u.v, u.v.filter);
			screens_refresh(&u.stack);
			/* the changes kept while another process held the lock are in */
			if (ws_saved_late(ws, said, sizeof(said)))
				ui_say(&u, "%s", said);
		}
		ui_list_workspace(&u);
		draw(&u);
		stats_first_screen(u.stats);
		stats_memory(u.stats);
		in = script_active() ? script_input(&u, &k) : terminal_input(&u, &k);
		/* the index's work in the background, looked at whatever came
		 * (keys may come faster than the wait for one) */
		if (fts_poll(corpus) && *fts_reason(corpus))
			ui_say(&u, "%s", fts_reason(corpus));
		if (corpus_done(corpus))
			stats_indexed(u.stats);
		if (term_quit_signal() == SIGINT && u.list.busy) {
			/* Ctrl-C stops the filter being applied, not pilcrow */
			term_quit_reset();
			status_clear(&u.status);
			ui_list_cancel(&u);
			continue;
		}
		if (term_quit_signal()) {
			status = 128 + term_quit_signal();
			break;
		}
		if (in == INPUT_END)
			break;
		if (in != INPUT_KEY)
			continue;
		t0 = now_ms();
		handle_key(&u, k);
		if (u.list.busy && u.filter_t0 <= 0)
			u.filter_t0 = t0;
		if (stats_timing(u.stats)) {
			draw(&u);
			stats_key(u.stats, now_ms() - t0);
		}
	}
	ui_keep_spot(&u);
	ui_list_keep(&u);
	ui_term_end();
	script_finish();
done:
	stats_text_index(u.stats, fts_took_ms(corpus));
	stats_finish(u.stats, corpus_count(corpus), corpus_list_saved(corpus));
	ui_free(&u);
	return status;
}
