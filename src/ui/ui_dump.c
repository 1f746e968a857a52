/* ui_dump.c -- the screen as plain text, and its styles, for the screen
 * tests (the script's "dump" and "dump-styles") */
#include "config.h"
#include "ui/ui_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static const char *pair_name(short p)
{
	static const char *const lv[LEVEL_COUNT] = { "none", "U", "SBU", "C", "S", "TS" };
	static char tmp[32];

	if (p >= PAIR_BANNER && p < PAIR_BANNER + LEVEL_COUNT)
		snprintf(tmp, sizeof(tmp), "banner-%s", lv[p - PAIR_BANNER]);
	else if (p >= PAIR_MARK && p < PAIR_MARK + LEVEL_COUNT)
		snprintf(tmp, sizeof(tmp), "mark-%s", lv[p - PAIR_MARK]);
	else if (p == PAIR_LABEL)
		return "label";
	else if (p == PAIR_SECTION)
		return "section";
	else if (p == PAIR_MATCH)
		return "match";
	else if (p == PAIR_STATUS)
		return "status";
	else if (p == PAIR_TITLE)
		return "title";
	else if (p == PAIR_DELETED)
		return "deleted";
	else if (p == PAIR_INSERTED)
		return "inserted";
	else
		snprintf(tmp, sizeof(tmp), "pair%d", p);
	return tmp;
}

static void style_name(attr_t a, short p, char *out, size_t size)
{
	char pair[64] = "";

	/* the pair's name and its colours: foreground/background, -1 the default */
	if (p) {
		short fg = 0, bg = 0;

		pair_content(p, &fg, &bg);
		snprintf(pair, sizeof(pair), "%s[%d/%d]", pair_name(p), fg, bg);
	}
	snprintf(out, size, "%s%s%s%s%s", pair, (a & A_BOLD) ? " bold" : "",
		 (a & A_REVERSE) ? " reverse" : "", (a & A_UNDERLINE) ? " underline" : "",
		 (a & A_DIM) ? " dim" : "");
}

bool screen_dump(const char *path, bool styles)
{
	FILE *f = fopen(path, "w");
	wchar_t *w = xcalloc((size_t)COLS + 1, sizeof(*w));

	if (!f) {
		free(w);
		return false;
	}
	for (int y = 0; y < LINES; y++) {
		char mb[MB_LEN_MAX * 1024];
		size_t n = 0;
		mbstate_t st;
		int got = mvwinnwstr(curscr, y, 0, w, COLS);

		memset(&st, 0, sizeof(st));
		for (int i = 0; i < got && n + MB_LEN_MAX < sizeof(mb); i++) {
			size_t k = wcrtomb(mb + n, w[i], &st);

			if (k == (size_t)-1)
				mb[n++] = '?';
			else
				n += k;
		}
		while (n && mb[n - 1] == ' ')
			n--;
		fwrite(mb, 1, n, f);
		fputc('\n', f);
	}
	if (styles) {
		fputs("--- styles (row: columns style)\n", f);
		for (int y = 0; y < LINES; y++) {
			int start = 0;
			char prev[96] = "", cur[96];

			for (int x = 0; x <= COLS; x++) {
				if (x < COLS) {
					cchar_t cc;
					wchar_t wc[CCHARW_MAX + 1];
					attr_t a = 0;
					short p = 0;

					mvwin_wch(curscr, y, x, &cc);
					getcchar(&cc, wc, &a, &p, NULL);
					style_name(a & (A_BOLD | A_REVERSE | A_UNDERLINE | A_DIM), p, cur, sizeof(cur));
				}
				if (x == COLS || strcmp(cur, prev) != 0) {
					if (x > 0 && prev[0])
						fprintf(f, "%d: %d-%d %s\n", y, start, x - 1,
							prev[0] == ' ' ? prev + 1 : prev);
					start = x;
					snprintf(prev, sizeof(prev), "%s", cur);
				}
			}
		}
	}
	free(w);
	return fclose(f) == 0;
}
