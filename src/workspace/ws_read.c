/* ws_read.c -- the workspace's items read out, in the order of the
 * corpus (date, id) and of the text (0a, 3, 10, 10a), for the marks
 * browser and the exports.  The rows are read unsorted and sorted here:
 * SQLite's ORDER BY moved every row's text through a temporary b-tree, and
 * took half the time of opening the browser on 10,000 marks. */
#include "config.h"
#include "workspace/ws_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/util.h"

enum { R_CABLE, R_ADDRESS, R_DATE, R_ORIGIN, R_ORIGIN_NAME, R_SUBJECT, R_CLASS, R_MARKING, R_TEXT, R_NOTE, R_COLL,
       R_FIELDS };

struct irow {
	const char *f[R_FIELDS];
};

/* "4" < "4a" < "4b" < "10": by number, then by the letters after it. */
static int cmp_address(const char *a, const char *b)
{
	long x = strtol(a, NULL, 10), y = strtol(b, NULL, 10);
	size_t la, lb;

	if (x != y)
		return (x > y) - (x < y);
	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return (la > lb) - (la < lb);
	return strcmp(a, b);
}

static int cmp_rows(const void *pa, const void *pb)
{
	const struct irow *a = pa, *b = pb;
	int d;

	/* the undated last */
	if (!*a->f[R_DATE] != !*b->f[R_DATE])
		return *a->f[R_DATE] ? -1 : 1;
	if ((d = strcmp(a->f[R_DATE], b->f[R_DATE])) != 0 || (d = strcmp(a->f[R_CABLE], b->f[R_CABLE])) != 0 ||
	    (d = cmp_address(a->f[R_ADDRESS], b->f[R_ADDRESS])) != 0)
		return d;
	return strcmp(a->f[R_COLL], b->f[R_COLL]);
}

static size_t read_items(struct workspace *w, const char *collection, size_t text_max, ws_item_fn fn, void *ud,
			 int *rc);

size_t ws_items(struct workspace *w, const char *collection, size_t text_max, ws_item_fn fn, void *ud)
{
	for (int attempt = 0;; attempt++) {
		int rc;
		size_t told = read_items(w, collection, text_max, fn, ud, &rc);

		/* damage met: the file recovered, its items read again (the
		 * callback has seen none: they are told after the reading) */
		if (rc == SQLITE_DONE || attempt || !ws_recover(w, rc))
			return told;
		wc_load(w);
	}
}

static size_t read_items(struct workspace *w, const char *collection, size_t text_max, ws_item_fn fn, void *ud,
			 int *rc)
{
	static const char *const sql =
		"SELECT i.cable, i.address, c.date, c.origin, c.origin_name, c.subject, c.classification, p.marking,"
		" CASE WHEN ?1 > 0 THEN substr(p.text, 1, ?1) ELSE p.text END, n.text, i.collection"
		" FROM item i LEFT JOIN cable c ON c.id = i.cable"
		" LEFT JOIN para p ON p.cable = i.cable AND p.address = i.address"
		" LEFT JOIN note n ON n.cable = i.cable AND n.address = i.address"
		" UNION ALL"
		" SELECT n.cable, n.address, c.date, c.origin, c.origin_name, c.subject, c.classification, p.marking,"
		" CASE WHEN ?1 > 0 THEN substr(p.text, 1, ?1) ELSE p.text END, n.text, NULL"
		" FROM note n LEFT JOIN cable c ON c.id = n.cable"
		" LEFT JOIN para p ON p.cable = n.cable AND p.address = n.address"
		" WHERE NOT EXISTS (SELECT 1 FROM item i WHERE i.cable = n.cable AND i.address = n.address)";
	struct arena a = { 0 };
	struct irow *rows = NULL;
	size_t n = 0, cap = 0, told = 0;
	struct buf colls = { 0 };
	sqlite3_stmt *st;

	if ((*rc = sqlite3_prepare_v2(w->db, sql, -1, &st, NULL)) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)text_max);
	while ((*rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct irow *r;

		grow_array((void **)&rows, &cap, n + 1, sizeof(*rows));
		r = &rows[n++];
		for (int k = 0; k < R_FIELDS; k++) {
			const char *t = (const char *)sqlite3_column_text(st, k);

			r->f[k] = arena_strdup(&a, str_make(t ? t : "", t ? (size_t)sqlite3_column_bytes(st, k) : 0)).p;
		}
	}
	sqlite3_finalize(st);
	if (*rc != SQLITE_DONE) {
		/* damage met half-way: nothing told from it */
		free(rows);
		arena_free(&a);
		return 0;
	}
	if (n)
		qsort(rows, n, sizeof(*rows), cmp_rows);
	/* a paragraph in several collections is one item, its collections
	 * named together; with @collection, only the items in it */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		bool in = !collection;

		buf_clear(&colls);
		for (; j < n && strcmp(rows[j].f[R_CABLE], rows[i].f[R_CABLE]) == 0 &&
		       strcmp(rows[j].f[R_ADDRESS], rows[i].f[R_ADDRESS]) == 0;
		     j++) {
			if (!*rows[j].f[R_COLL])
				continue;
			buf_printf(&colls, "%s%s", colls.n ? ", " : "", rows[j].f[R_COLL]);
			in = in || strcasecmp(rows[j].f[R_COLL], collection) == 0;
		}
		buf_addc(&colls, '\0');
		if (in) {
			const char *const *f = rows[i].f;
			struct ws_item it = { f[R_CABLE], f[R_DATE], f[R_ORIGIN], f[R_ORIGIN_NAME], f[R_SUBJECT], f[R_CLASS],
					      f[R_ADDRESS], f[R_MARKING], f[R_TEXT], f[R_NOTE], colls.p };

			told++;
			if (!fn(&it, ud))
				break;
		}
		i = j;
	}
	buf_free(&colls);
	free(rows);
	arena_free(&a);
	return told;
}
