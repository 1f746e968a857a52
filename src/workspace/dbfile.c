/* dbfile.c -- a look at an SQLite file's header, before SQLite opens it:
 * the cheap check that catches a file cut short or a header overwritten,
 * which SQLite itself may only meet pages later, as a wrong answer. */
#include "config.h"
#include "workspace/dbfile.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

bool dbfile_damaged(const char *path, bool sealed, char *why, size_t n)
{
	unsigned char h[100];
	char wal[PATH_MAX + 8];
	struct stat st, ws;
	FILE *f = fopen(path, "rb");
	size_t got = f ? fread(h, 1, sizeof(h), f) : 0;
	unsigned long page, pages;
	unsigned long long want;

	if (f)
		fclose(f);
	if (!f || stat(path, &st) != 0)
		return false;                   /* not there: met elsewhere */
	if (got < sizeof(h) || memcmp(h, "SQLite format 3", 16) != 0) {
		/* new, or not a database at all: SQLite says so, unless the
		 * file was written whole as one */
		if (sealed)
			snprintf(why, n, "not a database");
		return sealed;
	}
	page = (unsigned long)h[16] << 8 | h[17];
	if (page == 1)
		page = 65536;
	if (page < 512 || (page & (page - 1)) || h[18] < 1 || h[18] > 2 || h[19] < 1 || h[19] > 2 || h[21] != 64 ||
	    h[22] != 32 || h[23] != 32) {
		snprintf(why, n, "a damaged header");
		return true;
	}
	snprintf(wal, sizeof(wal), "%s-wal", path);
	if (stat(wal, &ws) == 0 && ws.st_size > 0)
		return false;
	/* the page count is current when "version-valid-for" is the change
	 * counter (SQLite before 3.7.0 kept no count) */
	pages = (unsigned long)h[28] << 24 | (unsigned long)h[29] << 16 | (unsigned long)h[30] << 8 | h[31];
	if (!pages || memcmp(h + 24, h + 92, 4) != 0) {
		if (sealed)
			snprintf(why, n, "a damaged header");
		return sealed;
	}
	want = (unsigned long long)pages * page;
	if ((unsigned long long)st.st_size >= want && (!sealed || (unsigned long long)st.st_size == want))
		return false;
	snprintf(why, n, "%s (%llu of %llu bytes)", (unsigned long long)st.st_size < want ? "cut short" : "grown",
		 (unsigned long long)st.st_size, want);
	return true;
}

const char *dbfile_clean(const char *msg, char *out, size_t n)
{
	const unsigned char *m = (const unsigned char *)msg;
	size_t k = 0;

	if (!n)
		return out;
	for (; *m && k + 1 < n; m++) {
		bool shown = *m >= 0x20 && *m < 0x7f;

		if (shown)
			out[k++] = (char)*m;
		else if (k == 0 || out[k - 1] != '?')
			out[k++] = '?';
	}
	out[k] = '\0';
	return out;
}

const char *dbfile_errmsg(sqlite3 *db, char *out, size_t n)
{
	return dbfile_clean(db ? sqlite3_errmsg(db) : "out of memory", out, n);
}
