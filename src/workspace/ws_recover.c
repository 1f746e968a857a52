/* ws_recover.c -- a damaged workspace: set aside (never deleted: the
 * reader may want it back), and what SQLite can still read of it copied
 * into a new one.  Each table is read forward until the damage, then
 * backward by its key from the other end, so that the rows on both sides
 * of a damaged page are kept.  Hand-written: SQLite's own recovery
 * (sqlite3_recover) is an extension the system's library does not carry. */
#include "config.h"
#include "workspace/ws_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/files.h"

/* The tables of every schema, what to read of each and where it goes. */
static const struct {
	const char *from, *cols, *key, *to;
	int ncols;
} tables[] = {
	{ "item", "collection, cable, address, at", "collection DESC, cable DESC, address DESC", "item", 4 },
	{ "note", "cable, address, text, at", "cable DESC, address DESC", "note", 4 },
	{ "cable", "id, date, origin, origin_name, subject, classification", "id DESC", "cable", 6 },
	{ "para", "cable, address, marking, text", "cable DESC, address DESC", "para", 4 },
	{ "reading", "cable, address, list_top, detail_top, at", "cable DESC", "reading", 5 },
	{ "place", "inputs, cable, filter, sort, reverse, reading, at", "inputs DESC", "place", 7 },
	{ "history", "kind, line, at", "kind DESC, line DESC", "history", 3 },
	{ "meta", "key, value", "key DESC", "meta", 2 },
	{ "search", "name, filter, sort, reverse, at", "name DESC", "search", 5 },
	/* schema 1: the marks alone */
	{ "mark", "'marks', cable, address, at", "cable DESC, address DESC", "item", 4 },
};

/* Copies the rows @sql gives into @ins until the end or the damage. */
static void copy_rows(sqlite3 *from, const char *sql, sqlite3_stmt *ins, int ncols)
{
	sqlite3_stmt *sel;

	if (sqlite3_prepare_v2(from, sql, -1, &sel, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(sel) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i));
		sqlite3_step(ins);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(sel);
}

static long count(sqlite3 *db, const char *sql)
{
	int rc;

	return ws_read_int(db, sql, &rc);
}

static unsigned long get32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static void put32(unsigned char *p, unsigned long v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Does the page at @off start as a b-tree page: its type, and a header
 * whose cell count and content start fit a page of @page bytes? */
static bool btree_page_at(FILE *f, long off, unsigned long page)
{
	unsigned char h[8];
	unsigned long cells, start;

	if (fseek(f, off, SEEK_SET) != 0 || fread(h, 1, sizeof(h), f) != sizeof(h))
		return false;
	if (h[0] != 2 && h[0] != 5 && h[0] != 10 && h[0] != 13)
		return false;
	cells = (unsigned long)h[3] << 8 | h[4];
	start = (unsigned long)h[5] << 8 | h[6];
	if (start == 0)
		start = 65536;
	return cells > 0 && start < page && start >= 8 + 2 * cells && ((unsigned long)h[1] << 8 | h[2]) < page;
}

/* The page size of the file: the one that makes most of its first pages
 * b-tree pages (0 when none does). */
static unsigned long page_size_of(FILE *f, long size)
{
	unsigned long best = 0;
	int best_score = 0;

	for (unsigned long page = 512; page <= 65536; page *= 2) {
		int score = 0;

		if ((unsigned long)size % page)
			continue;
		for (unsigned long k = 1; k < 32 && (k + 1) * page <= (unsigned long)size; k++)
			score += btree_page_at(f, (long)(k * page), page);
		if (score > best_score) {
			best = page;
			best_score = score;
		}
	}
	return best;
}

/* A copy of @path with its first 100 bytes, the header, written again as
 * SQLite writes it for a workspace: what damage to the header hides
 * (magic, page size, counts, text encoding, format) is read again.  The
 * page size is the one its pages show.  The name of the copy into @out. */
static bool header_rewritten(const char *path, char *out, size_t n)
{
	unsigned char h[100];
	FILE *f = fopen(path, "rb"), *o;
	unsigned long page = 0;
	long size;
	bool ok;

	if (!f)
		return false;
	if (fread(h, 1, sizeof(h), f) != sizeof(h) || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 1024) {
		fclose(f);
		return false;
	}
	if (!(page = page_size_of(f, size))) {
		fclose(f);
		return false;
	}
	memcpy(h, "SQLite format 3", 16);
	h[16] = (unsigned char)(page == 65536 ? 0 : page >> 8);
	h[17] = (unsigned char)(page == 65536 ? 1 : page & 0xFF);
	h[18] = h[19] = 1;                      /* the old journal: no -shm needed */
	h[20] = 0;
	h[21] = 64;
	h[22] = h[23] = 32;
	put32(h + 28, (unsigned long)size / page);
	memcpy(h + 92, h + 24, 4);              /* the count is current */
	put32(h + 32, 0);                       /* no free list: only the tables are read */
	put32(h + 36, 0);
	if (get32(h + 44) < 1 || get32(h + 44) > 4)
		put32(h + 44, 4);
	put32(h + 52, 0);                       /* no auto-vacuum */
	put32(h + 56, 1);                       /* UTF-8 */
	put32(h + 64, 0);
	snprintf(out, n, "%s.header-%ld", path, (long)getpid());
	if (!(o = fopen(out, "wb"))) {
		fclose(f);
		return false;
	}
	ok = fwrite(h, 1, sizeof(h), o) == sizeof(h) && fseek(f, (long)sizeof(h), SEEK_SET) == 0;
	while (ok) {
		char b[65536];
		size_t got = fread(b, 1, sizeof(b), f);

		if (!got)
			break;
		ok = fwrite(b, 1, got, o) == got;
	}
	ok = (fclose(o) == 0) && ok;
	fclose(f);
	if (!ok)
		remove(out);
	return ok;
}

/* What can be read of the file @path, into @to (a new workspace). */
static void salvage_from(sqlite3 *to, const char *path)
{
	sqlite3 *from = ws_open_readonly(path, true);

	if (!from)
		return;
	sqlite3_exec(to, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	for (size_t k = 0; k < sizeof(tables) / sizeof(tables[0]); k++) {
		char sql[400];
		struct buf ins_sql = { 0 };
		sqlite3_stmt *ins;
		int rc;

		buf_printf(&ins_sql, "INSERT OR IGNORE INTO %s VALUES(", tables[k].to);
		for (int i = 0; i < tables[k].ncols; i++)
			buf_printf(&ins_sql, "%s?%d", i ? ", " : "", i + 1);
		buf_adds(&ins_sql, ")");
		buf_addc(&ins_sql, '\0');
		rc = sqlite3_prepare_v2(to, ins_sql.p, -1, &ins, NULL);
		buf_free(&ins_sql);
		if (rc != SQLITE_OK)
			continue;
		/* forward, then backward by the key (the b-tree's order) */
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s", tables[k].cols, tables[k].from);
		copy_rows(from, sql, ins, tables[k].ncols);
		snprintf(sql, sizeof(sql), "SELECT %s FROM %s ORDER BY %s", tables[k].cols, tables[k].from, tables[k].key);
		copy_rows(from, sql, ins, tables[k].ncols);
		sqlite3_finalize(ins);
	}
	sqlite3_exec(to, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(from);
}

/* The statements of the schema in the copy @path written again as @to
 * (a new workspace) has them, where a damaged one hides a table. */
static void schema_rewritten(const char *path, sqlite3 *to)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *sel, *upd;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return;
	}
	if (sqlite3_prepare_v2(to, "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL", -1, &sel, NULL) == SQLITE_OK) {
		if (sqlite3_prepare_v2(db, "UPDATE sqlite_master SET sql = ?2 WHERE name = ?1", -1, &upd, NULL) == SQLITE_OK) {
			while (sqlite3_step(sel) == SQLITE_ROW) {
				sqlite3_bind_value(upd, 1, sqlite3_column_value(sel, 0));
				sqlite3_bind_value(upd, 2, sqlite3_column_value(sel, 1));
				sqlite3_step(upd);
				sqlite3_reset(upd);
			}
			sqlite3_finalize(upd);
		}
		sqlite3_finalize(sel);
	}
	sqlite3_close(db);
}

/* What can be read of the file @path, into @to: as it is, and again from
 * a copy with its header and its schema written anew, when that gives
 * more (INSERT OR IGNORE: a row read twice is one). */
static void salvage(sqlite3 *to, const char *path)
{
	char copy[FILES_PATH + 32], journal[FILES_PATH + 48];

	salvage_from(to, path);
	if (header_rewritten(path, copy, sizeof(copy))) {
		schema_rewritten(copy, to);
		salvage_from(to, copy);
		remove(copy);
		snprintf(journal, sizeof(journal), "%s-journal", copy);
		remove(journal);
	}
}

/* Renames the file (and its -wal and -shm) to PATH.bad-DATE, by the text
 * index's own setting aside. */
static bool set_aside(const char *path, char *to, size_t n)
{
	char dir[PATH_MAX], from2[PATH_MAX + 8], to2[FILES_PATH + 8];
	const char *base = strrchr(path, '/');
	struct stat st;

	snprintf(dir, sizeof(dir), "%.*s", base ? (int)(base - path) : 1, base ? path : ".");
	if (!files_set_aside(dir, base ? base + 1 : path, to, n))
		return false;
	for (int k = 0; k < 2; k++) {
		snprintf(from2, sizeof(from2), "%s%s", path, k ? "-shm" : "-wal");
		snprintf(to2, sizeof(to2), "%s%s", to, k ? "-shm" : "-wal");
		if (stat(from2, &st) == 0)
			rename(from2, to2);
	}
	return true;
}

enum ws_opened ws_replace(struct workspace *w, const char *why, bool keep, char *err, size_t n)
{
	char to[FILES_PATH], said[400];
	enum ws_opened r;

	snprintf(said, sizeof(said), "%s", why);
	ws_finalize_all(w);
	if (w->in_txn && w->db)
		sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
	w->in_txn = false;
	sqlite3_close(w->db);
	w->db = NULL;
	if (!set_aside(w->path, to, sizeof(to))) {
		snprintf(err, n, "%s cannot be set aside: %s", w->path, strerror(errno));
		return WS_OPEN_REFUSED;
	}
	r = ws_open_file(w, err, n);
	if (r != WS_OPEN_OK) {
		snprintf(w->notice, sizeof(w->notice), "%s: %s; set aside as %s", w->path, said, to);
		return r;
	}
	if (!keep) {
		snprintf(w->notice, sizeof(w->notice), "%s: %s; set aside as %s, a new one made", w->path, said, to);
		return r;
	}
	salvage(w->db, to);
	{
		long marks = count(w->db, "SELECT count(*) FROM item WHERE collection = 'marks'");
		long items = count(w->db, "SELECT count(*) FROM item WHERE collection <> 'marks'");
		long notes = count(w->db, "SELECT count(*) FROM note");

		if (marks + items + notes > 0)
			snprintf(w->notice, sizeof(w->notice),
				 "%s: %s; set aside as %s; recovered into a new one: %ld mark%s, %ld note%s, "
				 "%ld item%s of collections",
				 w->path, said, to, marks, marks == 1 ? "" : "s", notes, notes == 1 ? "" : "s", items,
				 items == 1 ? "" : "s");
		else
			snprintf(w->notice, sizeof(w->notice),
				 "%s: %s; set aside as %s, a new one made (nothing could be read of it)", w->path, said,
				 to);
	}
	return r;
}

bool ws_recover(struct workspace *w, int rc)
{
	char why[200], err[PATH_MAX + 100];

	/* once a session: a file that is damaged again is the disk's doing */
	if (!ws_is_damage(rc) || w->recovering || w->file || *w->unsaved)
		return false;
	w->recovering = true;
	snprintf(why, sizeof(why), "damaged (%s)", sqlite3_errstr(rc));
	if (ws_replace(w, why, true, err, sizeof(err)) != WS_OPEN_OK)
		ws_to_memory(w, err);
	w->data_version = ws_read_int(w->db, "PRAGMA data_version", &rc);
	return true;
}

void ws_met(struct workspace *w, int rc)
{
	if (ws_recover(w, rc))
		wc_load(w);
}
