/* test_screens.c -- the screens' models without a terminal: the stack a
 * key goes down, the cable list, the prompts' line editor */
#include "config.h"
#include "testlib.h"

#include <unistd.h>

#include "views/clist.h"
#include "corpus/corpus.h"
#include "views/flow.h"
#include "views/hits.h"
#include "views/lineedit.h"
#include "report/overview.h"
#include "views/screen.h"

/* ------------------------------------------------------------ the stack */

/* What the fake screens did, in order: "open:a handle:b draw:a ..." */
static char trail[1024];

static void note(const char *what, const struct screen *s)
{
	size_t n = strlen(trail);

	snprintf(trail + n, sizeof(trail) - n, "%s%s:%s", n ? " " : "", what, (const char *)s->state);
}

static void f_open(void *ctx, struct screen *s)
{
	(void)ctx;
	note("open", s);
}

static void f_close(void *ctx, struct screen *s)
{
	(void)ctx;
	note("close", s);
}

/* Screen "a" takes 'a', screen "b" takes 'b'; "m" (an overlay) takes all. */
static bool f_handle(void *ctx, struct screen *s, struct key k)
{
	const char *name = s->state;

	(void)ctx;
	if (name[0] == 'm' || k.code == name[0]) {
		note("handle", s);
		return true;
	}
	return false;
}

static void f_recalc(void *ctx, struct screen *s, struct rect r)
{
	(void)ctx;
	(void)r;
	note("recalc", s);
}

static void f_draw(const void *ctx, const struct screen *s)
{
	(void)ctx;
	note("draw", s);
}

static bool f_cursor(const void *ctx, const struct screen *s, int *y, int *x)
{
	(void)ctx;
	*y = *x = ((const char *)s->state)[0];
	return true;
}

static const struct screen_ops full_ops = { .name = "full", .open = f_open, .handle = f_handle, .recalc = f_recalc,
					    .draw = f_draw, .cursor = f_cursor, .close = f_close };
static const struct screen_ops overlay_ops = { .name = "overlay", .overlay = true, .open = f_open, .handle = f_handle,
					       .recalc = f_recalc, .draw = f_draw, .close = f_close };

static void stack_order(void **state)
{
	struct screens st;
	struct screen a = { .ops = &full_ops, .state = (char *)"a" }, b = { .ops = &full_ops, .state = (char *)"b" },
		      m = { .ops = &overlay_ops, .state = (char *)"m" };
	struct rect r = { 0, 0, 24, 80 };
	int y = 0, x = 0;

	(void)state;
	trail[0] = '\0';
	screens_init(&st, NULL);
	assert_null(screens_top(&st));
	assert_false(screens_handle(&st, (struct key){ 'a', false }));
	assert_true(screens_push(&st, &a));
	assert_true(screens_push(&st, &b));
	/* a key goes to the top screen; what it does not take is passed on
	 * (to the caller's global actions), not to the screen below */
	assert_true(screens_handle(&st, (struct key){ 'b', false }));
	assert_false(screens_handle(&st, (struct key){ 'a', false }));
	/* a full screen hides the ones below: only it is recalculated and drawn */
	trail[0] = '\0';
	screens_recalc(&st, r);
	screens_draw(&st);
	assert_string_equal(trail, "recalc:b draw:b");
	/* an overlay is drawn over the screen below, after it, and takes the
	 * keys; the cursor is the one below's when the overlay has none */
	assert_true(screens_push(&st, &m));
	assert_ptr_equal(screens_base(&st), &b);
	trail[0] = '\0';
	screens_recalc(&st, r);
	screens_draw(&st);
	assert_true(screens_handle(&st, (struct key){ 'a', false }));
	assert_string_equal(trail, "recalc:b recalc:m draw:b draw:m handle:m");
	assert_true(screens_cursor(&st, &y, &x));
	assert_int_equal(y, 'b');
	assert_true(screens_has(&st, &a));
	/* popping closes, top first */
	trail[0] = '\0';
	assert_true(screens_pop(&st));
	assert_true(screens_pop(&st));
	assert_ptr_equal(screens_top(&st), &a);
	assert_string_equal(trail, "close:m close:b");
	assert_false(screens_has(&st, &b));
	assert_true(screens_pop(&st));
	assert_false(screens_pop(&st));
}

static struct rect drawn_in[4];
static int ndrawn;

static void record_area(struct rect r)
{
	if (ndrawn < 4)
		drawn_in[ndrawn++] = r;
}

/* A screen draws inside the rectangle it is given: the painter is told it
 * before each draw, and the cursor a screen gives is within it. */
static void stack_rectangles(void **state)
{
	struct screens st;
	struct screen b = { .ops = &full_ops, .state = (char *)"\3" }, m = { .ops = &overlay_ops, .state = (char *)"m" };
	struct rect r = { 5, 10, 12, 40 };
	int y = 0, x = 0;

	(void)state;
	screens_init(&st, NULL);
	st.area = record_area;
	ndrawn = 0;
	screens_push(&st, &b);
	screens_push(&st, &m);
	screens_recalc(&st, r);
	screens_draw(&st);
	assert_int_equal(ndrawn, 2);
	assert_int_equal(drawn_in[0].y, 5);
	assert_int_equal(drawn_in[0].x, 10);
	assert_int_equal(drawn_in[1].h, 12);
	assert_int_equal(drawn_in[1].w, 40);
	/* the overlay has no cursor: the one below's, placed in its rectangle */
	assert_true(screens_cursor(&st, &y, &x));
	assert_int_equal(y, 5 + 3);
	assert_int_equal(x, 10 + 3);
}

static void stack_full(void **state)
{
	struct screens st;
	struct screen a = { .ops = &full_ops, .state = (char *)"a" };

	(void)state;
	screens_init(&st, NULL);
	for (int i = 0; i < SCREENS_MAX; i++)
		assert_true(screens_push(&st, &a));
	assert_false(screens_push(&st, &a));
}

/* ------------------------------------------------------------ line editor */

static void line_editing(void **state)
{
	struct lineedit l = { 0 };

	(void)state;
	line_set(&l, "tag=PREL");
	assert_int_equal(l.cur, 8);
	assert_true(line_insert(&l, ' '));
	assert_true(line_insert(&l, 0xE9));   /* é: two bytes */
	assert_string_equal(l.s, "tag=PREL \xC3\xA9");
	line_left(&l);                        /* back over both bytes */
	assert_int_equal(l.cur, 9);
	line_home(&l);
	assert_true(line_insert(&l, '!'));
	assert_string_equal(l.s, "!tag=PREL \xC3\xA9");
	line_right(&l);
	line_delete(&l);
	assert_string_equal(l.s, "!tg=PREL \xC3\xA9");
	line_end(&l);
	assert_true(line_backspace(&l));      /* a character, not a byte */
	assert_string_equal(l.s, "!tg=PREL ");
	line_kill_word(&l);                   /* the blanks, then the word */
	assert_string_equal(l.s, "");
	line_set(&l, "origin=ROME level>=C");
	line_left(&l);
	line_left(&l);
	line_kill_end(&l);
	assert_string_equal(l.s, "origin=ROME level>");
	line_home(&l);
	line_right(&l);
	line_kill_start(&l);
	assert_string_equal(l.s, "rigin=ROME level>");
	assert_int_equal(l.cur, 0);
	assert_false(line_backspace(&l));
	/* control characters are not text */
	assert_false(line_insert(&l, 0x1B));
	assert_false(line_insert(&l, 0x7F));
	/* no length is too long: 10,000 bytes typed are all kept, in order */
	line_set(&l, "");
	for (int i = 0; i < 10000 / 3; i++)
		assert_true(line_insert(&l, 0x65E5));   /* 日: three bytes */
	for (int i = 0; i < 10000 % 3; i++)
		assert_true(line_insert(&l, 'x'));
	assert_int_equal(l.n, 10000);
	assert_int_equal(strlen(l.s), 10000);
	assert_memory_equal(l.s + 9996, "\xE6\x97\xA5x", 4);
	line_set(&l, l.s);                    /* set from itself */
	assert_int_equal(l.n, 10000);
	line_free(&l);
}

static void line_history(void **state)
{
	struct history h;
	struct lineedit l = { 0 };

	(void)state;
	memset(&h, 0, sizeof(h));
	history_add(&h, "Massolo");
	history_add(&h, "Iran");
	history_add(&h, "Iran");              /* the same twice is kept once */
	history_add(&h, "");
	assert_int_equal(h.n, 2);
	line_set(&l, "draft");
	history_walk(&h, &l, -1);
	assert_string_equal(l.s, "Iran");
	history_walk(&h, &l, -1);
	assert_string_equal(l.s, "Massolo");
	history_walk(&h, &l, -1);             /* the oldest stays */
	assert_string_equal(l.s, "Massolo");
	history_walk(&h, &l, 1);
	history_walk(&h, &l, 1);              /* back to what was being typed */
	assert_string_equal(l.s, "draft");
	history_walk(&h, &l, 1);
	assert_string_equal(l.s, "draft");
	for (int i = 0; i < HISTORY_MAX + 5; i++) {
		char s[16];

		snprintf(s, sizeof(s), "q%d", i);
		history_add(&h, s);
	}
	assert_int_equal(h.n, HISTORY_MAX);
	assert_string_equal(h.items[0], "q5");
	history_free(&h);
	line_free(&l);
}

/* ------------------------------------------------------------ the list */

static char dir[64];

static void write_cable(const char *id, const char *station, const char *serial, const char *subject)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.txt", dir, id);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "CONFIDENTIAL\nSECTION 01 OF 01 %s %s\n\nSUBJECT: %s\n\n1. (C) Text of %s which runs on for a while word after word after word to the end.\n", station, serial,
		subject, id);
	fclose(f);
}

static struct corpus *small_corpus(void)
{
	struct corpus *c = corpus_new();
	char *paths[1] = { dir };

	snprintf(dir, sizeof(dir), "/tmp/pilcrow-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
	write_cable("05ROME1029", "ROME", "001029", "LATER SERIAL");
	write_cable("05ROME318", "ROME", "000318", "EARLIER SERIAL");
	write_cable("99PARIS12", "PARIS", "000012", "NINETIES");
	write_cable("07OSLO5", "OSLO", "000005", "OSLO CABLE");
	write_cable("66ACCRA7", "ACCRA", "000007", "SIXTIES");
	corpus_add_paths(c, paths, 1);
	while (!corpus_index_step(c, 1000))
		;
	return c;
}

static void remove_dir(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* A dated cable of Rome citing @ref. */
static void write_dated(const char *id, const char *serial, const char *dtg, const char *ref)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.txt", dir, id);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "R %s\nFM AMEMBASSY ROME\nCONFIDENTIAL ROME %s\n\nSUBJECT: TALKS\n%s\n\n1. (C) Text.\n", dtg,
		serial, ref);
	fclose(f);
}

/* A reference never leads to a later cable: ROME 97 of January writes "09
 * ROME 451"; the corpus holds ROME 451 of March (later) and of the year
 * before: the link is the year before's. */
static void reference_never_to_a_later_cable(void **state)
{
	struct corpus *c = corpus_new();
	char *paths[1] = { dir };
	long citing, later, before;
	bool moved;
	const uint32_t *cited;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/pilcrow-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
	write_dated("09ROME97", "000097", "261200Z JAN 09", "REF: 09 ROME 451");
	write_dated("09ROME451", "000451", "100000Z MAR 09", "");
	write_dated("08ROME451", "000451", "100000Z MAR 08", "");
	corpus_add_paths(c, paths, 1);
	while (!corpus_index_step(c, 1000))
		;
	citing = corpus_find(c, "09ROME97");
	later = corpus_find(c, "09ROME451");
	before = corpus_find(c, "08ROME451");
	assert_true(citing >= 0 && later >= 0 && before >= 0);
	assert_int_equal(corpus_ref_target(c, (size_t)citing, "09ROME451", &moved), before);
	assert_true(moved);
	assert_int_equal(corpus_cited_by(c, (size_t)later, &cited), 0);
	assert_int_equal(corpus_cited_by(c, (size_t)before, &cited), 1);
	assert_int_equal(cited[0], citing);
	/* nor to itself, nor to a later cable when no earlier one is there */
	assert_int_equal(corpus_ref_target(c, (size_t)citing, "09ROME97", &moved), -1);
	assert_int_equal(corpus_ref_target(c, (size_t)before, "09ROME451", &moved), -1);
	corpus_free(c);
	remove_dir();
}

static const char *sel_id(const struct clist *l)
{
	return corpus_str(l->corpus, corpus_entry(l->corpus, (size_t)clist_entry(l))->id);
}

static void list_model(void **state)
{
	struct corpus *c = small_corpus();
	struct clist l;
	char err[256];

	(void)state;
	clist_init(&l, c);
	clist_make(&l);
	assert_int_equal(l.n, 5);
	assert_true(clist_plain(&l));
	/* moves stay in the list */
	clist_move(&l, -3);
	assert_int_equal(l.sel, 0);
	clist_move(&l, 99);
	assert_int_equal(l.sel, 4);
	/* the scroll follows the selection */
	clist_scroll(&l, 2);
	assert_int_equal(l.pane.top, 3);
	clist_move(&l, -4);
	clist_scroll(&l, 2);
	assert_int_equal(l.pane.top, 0);
	/* a filter keeps the selected cable selected when it passes */
	assert_true(clist_select_entry(&l, (size_t)corpus_find(c, "05ROME318")));
	assert_true(clist_set_filter(&l, "origin=ROME", err, sizeof(err)));
	assert_int_equal(l.n, 2);
	assert_string_equal(sel_id(&l), "05ROME318");
	/* narrowing adds to the filter */
	assert_true(clist_narrow(&l, "subject~later", err, sizeof(err)));
	assert_int_equal(l.n, 1);
	assert_string_equal(l.filter.text, "origin=ROME subject~later");
	assert_string_equal(sel_id(&l), "05ROME1029");
	/* a bad filter keeps the one there */
	assert_false(clist_set_filter(&l, "colour=red", err, sizeof(err)));
	assert_true(err[0] != '\0');
	assert_int_equal(l.n, 1);
	assert_true(clist_set_filter(&l, "", err, sizeof(err)));
	assert_int_equal(l.n, 5);
	/* cleared: the rows are the entries again, all of them */
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.rows[i], i);
	clist_free(&l);
	corpus_free(c);
	remove_dir();
}

static void list_text_filter_in_steps(void **state)
{
	struct corpus *c = small_corpus();
	struct clist l;
	char err[256];
	int steps = 0;

	(void)state;
	clist_init(&l, c);
	clist_make(&l);
	/* a filter on the text is applied in steps; the rows stay till then */
	assert_true(clist_set_filter(&l, "text~'Text of 05ROME'", err, sizeof(err)));
	assert_true(l.busy);
	assert_int_equal(l.n, 5);
	assert_true(cfilter_empty(&l.filter));
	while (!clist_step(&l, 1e9, 1))
		steps++;
	assert_int_equal(steps, 4);             /* one cable a step: five steps */
	assert_false(l.busy);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.filter.text, "text~'Text of 05ROME'");
	/* cancelled halfway: the list and its filter as they were */
	assert_true(clist_set_filter(&l, "text~OSLO", err, sizeof(err)));
	assert_false(clist_step(&l, 1e9, 2));
	assert_int_equal(clist_progress(&l), 40);
	assert_string_equal(clist_cancel(&l), "text~OSLO");
	assert_false(l.busy);
	assert_null(clist_cancel(&l));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.filter.text, "text~'Text of 05ROME'");
	/* a pattern that runs away gives up at PCRE2's limits, and says so */
	assert_true(clist_set_filter(&l, "text~'(\\w+\\s?)+$x'", err, sizeof(err)));
	while (!clist_step(&l, 1e9, 0))
		;
	assert_int_equal(l.n, 0);
	assert_int_equal(l.gave_up, 5);
	clist_free(&l);
	corpus_free(c);
	remove_dir();
}

static void overview_counts(void **state)
{
	struct corpus *c = small_corpus();
	struct clist l;
	struct overview *o = malloc(sizeof(*o));
	struct buf b = { 0 };
	char err[256];

	(void)state;
	clist_init(&l, c);
	clist_make(&l);
	overview_make(o, c, l.rows, l.n, 1);
	assert_int_equal(o->cables, 5);
	/* the top one of four origins, and how many there are */
	assert_int_equal(o->norigins, 1);
	assert_int_equal(o->all_origins, 4);
	assert_int_equal(o->levels[0].count, 5);
	assert_string_equal(o->levels[0].term, "level=C");
	/* the top origin first, with the term that narrows to it */
	assert_string_equal(o->origins[0].label, "ROME");
	assert_int_equal(o->origins[0].count, 2);
	assert_string_equal(o->origins[0].term, "origin=ROME");
	/* the bars: a count that is not 0 always shows, the largest fills */
	overview_bar(&b, 1, 1000, 10);
	assert_string_equal(b.p, "\xE2\x96\x8F");
	buf_clear(&b);
	overview_bar(&b, 7, 7, 3);
	assert_string_equal(b.p, "\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88");
	overview_free(o);
	/* the hits of the filter's words: the header, paragraphs with their address */
	assert_true(clist_set_filter(&l, "text~serial|sixties 'of 05ROME318'", err, sizeof(err)));
	while (!clist_step(&l, 1e9, 0))
		;
	{
		struct hits h;

		memset(&h, 0, sizeof(h));
		assert_true(hits_possible(&l.filter));
		hits_start(&h, c, &l.filter, l.rows, l.n);
		while (!hits_step(&h, 1e9))
			;
		assert_int_equal(h.cables, 1);
		/* SERIAL in the subject, a hit in the header; then ¶1 */
		assert_int_equal(h.n, 2);
		assert_int_equal(h.hit[0].para, -1);
		assert_string_equal(h.hit[0].address, "");
		assert_memory_equal(h.hit[0].text + h.hit[0].before, "SERIAL", 6);
		assert_string_equal(h.hit[1].address, "1");
		assert_string_equal(h.hit[1].marking, "C");
		assert_memory_equal(h.hit[1].text + h.hit[1].before, "of 05ROME318", 12);
		hits_free(&h);
	}
	buf_free(&b);
	free(o);
	clist_free(&l);
	corpus_free(c);
	remove_dir();
}

/* The continuous view scrolls within its text, a header of no line too
 * (a narrow screen): never before its first line. */
static void flow_bounds(void **state)
{
	struct corpus *c = small_corpus();
	struct view v;
	struct flow f;
	struct status st = { "" };
	struct workspace *m = ws_open(":memory:", NULL);

	(void)state;
	memset(&f, 0, sizeof(f));
	view_init(&v, c, m, &st);
	assert_true(view_open(&v, 0));
	flow_setup(&f, NULL, 0, 30, 3);
	flow_end(&f, &v);
	assert_true(f.top.line >= 0);
	flow_scroll(&f, &v, -1000);
	assert_int_equal(f.top.block, 0);
	assert_int_equal(f.top.line, 0);
	assert_int_equal(flow_fill(&f, &v), 0);
	assert_int_equal(f.nshown, 3);
	assert_int_equal(f.shown[0].kind, FLOW_TITLE);
	assert_int_equal(f.shown[1].kind, FLOW_TEXT);
	/* the reader's / by the same rules as the filter: no case, blanks as one */
	view_search(&v, "text  OF");
	assert_int_equal(v.nmatches, 1);
	view_search(&v, "(?-i)text of");
	assert_int_equal(v.nmatches, 0);
	view_search_words(&v, "tex");
	assert_int_equal(v.nmatches, 0);      /* words as words */
	view_search_words(&v, "tex*");
	assert_int_equal(v.nmatches, 1);
	view_search(&v, "");
	/* down to the end and no further: the last line at the bottom */
	flow_scroll(&f, &v, 1000);
	flow_fill(&f, &v);
	assert_true(f.at_end);
	assert_int_equal(f.nshown, 3);
	flow_free(&f);
	view_free(&v);
	ws_close(m);
	corpus_free(c);
	remove_dir();
}

static void list_sort_by_id(void **state)
{
	struct corpus *c = small_corpus();
	struct clist l;
	const char *want[] = { "66ACCRA7", "99PARIS12", "05ROME318", "05ROME1029", "07OSLO5" };

	(void)state;
	clist_init(&l, c);
	clist_make(&l);
	while (l.sort != SORT_ID)
		clist_sort_next(&l);
	/* by year (66-99 before 00-10), station, then the serial as a number */
	for (size_t i = 0; i < 5; i++) {
		l.sel = i;
		assert_string_equal(sel_id(&l), want[i]);
	}
	clist_free(&l);
	corpus_free(c);
	remove_dir();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stack_order),
		cmocka_unit_test(stack_full),
		cmocka_unit_test(stack_rectangles),
		cmocka_unit_test(line_editing),
		cmocka_unit_test(line_history),
		cmocka_unit_test(list_model),
		cmocka_unit_test(list_text_filter_in_steps),
		cmocka_unit_test(overview_counts),
		cmocka_unit_test(flow_bounds),
		cmocka_unit_test(list_sort_by_id),
		cmocka_unit_test(reference_never_to_a_later_cable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
