/* wsmake.c -- workspaces for the tests and the benchmarks:
 *
 *   wsmake DB 1 ID:ADDRESS...   a workspace of schema version 1 (marks
 *                               alone), as the first pilcrow wrote it
 *   wsmake --version DB         prints the schema version of DB
 *   wsmake DB marks N           N marks (N/10 cables of 10 paragraphs),
 *                               made through the workspace itself
 *   wsmake DB open N            opens and closes DB N times: the median,
 *                               95th percentile and worst time, in ms
 *   wsmake DB browse N          the same for reading the marks browser's
 *                               lines (all the items) N times
 *   wsmake DB lock S READY      holds DB's lock (BEGIN EXCLUSIVE) for S
 *                               seconds, the file READY there meanwhile
 *   wsmake DB searches FILE     a saved search for each line of FILE (a
 *                               filter), named s01, s02 ... */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "views/marklist.h"
#include "base/util.h"
#include "workspace/workspace.h"

static int version_of(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	printf("%d\n", v);
	return v < 0;
}

static int version1(const char *path, char **marks, int n)
{
	sqlite3 *db;
	int rc = 0;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return 1;
	rc |= sqlite3_exec(db, "CREATE TABLE mark(cable TEXT NOT NULL, address TEXT NOT NULL, at INTEGER NOT NULL,"
			       " PRIMARY KEY(cable, address)) WITHOUT ROWID; PRAGMA user_version = 1;", NULL, NULL, NULL);
	for (int i = 0; i < n; i++) {
		char *colon = strchr(marks[i], ':'), *sql;

		if (!colon) {
			sqlite3_close(db);
			return 2;
		}
		*colon = '\0';
		sql = sqlite3_mprintf("INSERT INTO mark VALUES(%Q, %Q, %d)", marks[i], colon + 1, 1000 + i);
		rc |= sqlite3_exec(db, sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	}
	sqlite3_close(db);
	return rc != SQLITE_OK;
}

static int many(const char *path, long n)
{
	struct workspace *w = ws_open(path, NULL);
	char text[200];

	for (long i = 0; i < n; i++) {
		char id[32], date[16], addr[8];
		struct ws_about a = { id, date, "ROME", "Embassy Rome", "A SUBJECT OF SOME LENGTH FOR THE BROWSER",
				      "CONFIDENTIAL", addr, "C", { text, 0 } };

		snprintf(id, sizeof(id), "0%ldROME%ld", 4 + i / 10 % 6, 1000 + i / 10);
		snprintf(date, sizeof(date), "200%ld-%02ld-%02ld", 4 + i / 10 % 6, 1 + i % 12, 1 + i % 28);
		snprintf(addr, sizeof(addr), "%ld", 1 + i % 10);
		a.text.n = (size_t)snprintf(text, sizeof(text), "Paragraph %ld of a cable, with words enough to show "
							      "in the browser's line and a little more.", i);
		ws_mark_toggle(w, &a);
	}
	ws_close(w);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int time_open(const char *path, long n, bool browse)
{
	double *t = calloc((size_t)n, sizeof(*t));
	struct workspace *w = browse ? ws_open(path, NULL) : NULL;
	struct marklist m;

	if (!t || n < 1)
		return 2;
	memset(&m, 0, sizeof(m));
	for (long i = 0; i < n; i++) {
		double t0 = now_ms();

		if (browse)
			marklist_load(&m, w, NULL);
		else
			ws_close(ws_open(path, NULL));
		t[i] = now_ms() - t0;
	}
	marklist_free(&m);
	ws_close(w);
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	printf("%.3f %.3f %.3f\n", t[n / 2], t[n * 95 / 100], t[n - 1]);
	free(t);
	return 0;
}

static int hold_lock(const char *path, double seconds, const char *ready)
{
	sqlite3 *db;
	FILE *f;

	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "wsmake: %s: %s\n", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	if ((f = fopen(ready, "w")))
		fclose(f);
	sqlite3_sleep((int)(seconds * 1000));
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	remove(ready);
	return 0;
}

/* A saved search for each filter of @file (a line each). */
static int searches(const char *db, const char *file)
{
	struct workspace *w = ws_open(db, NULL);
	FILE *f = fopen(file, "r");
	char line[4096];
	int n = 0;

	if (!w || !f) {
		fprintf(stderr, "wsmake: cannot open %s\n", !w ? db : file);
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		struct ws_search s = { "", "", "file", false };

		line[strcspn(line, "\n")] = '\0';
		snprintf(s.name, sizeof(s.name), "s%02d", ++n);
		snprintf(s.filter, sizeof(s.filter), "%s", line);
		ws_search_put(w, &s);
	}
	fclose(f);
	ws_close(w);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--version") == 0)
		return version_of(argv[2]);
	if (argc >= 3 && strcmp(argv[2], "1") == 0)
		return version1(argv[1], argv + 3, argc - 3);
	if (argc == 4 && strcmp(argv[2], "open") == 0)
		return time_open(argv[1], strtol(argv[3], NULL, 10), false);
	if (argc == 4 && strcmp(argv[2], "browse") == 0)
		return time_open(argv[1], strtol(argv[3], NULL, 10), true);
	if (argc == 5 && strcmp(argv[2], "lock") == 0)
		return hold_lock(argv[1], strtod(argv[3], NULL), argv[4]);
	if (argc == 4 && strcmp(argv[2], "searches") == 0)
		return searches(argv[1], argv[3]);
	if (argc == 4 && strcmp(argv[2], "marks") == 0)
		return many(argv[1], strtol(argv[3], NULL, 10));
	fprintf(stderr, "usage: wsmake DB 1 ID:ADDRESS... | --version DB | DB marks N | DB open N | DB browse N |"
			" DB lock S READY | DB searches FILE\n");
	return 2;
}
