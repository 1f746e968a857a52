/* ws_wait.c -- another process holds the workspace's lock (a long
 * transaction, a backup, a second pilcrow busy writing): a lock is a wait,
 * not a failure.  The session goes on with a copy of the file in memory,
 * where its changes are made at once (the screens show them), and keeps
 * each transaction as it was asked for.  When the lock is free they are
 * made in the file, in their order, in one transaction, and the session
 * goes back to the file.  A key never waits for the lock: each try is
 * made with no wait, between keys. */
#include "config.h"
#include "ws_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void wq_record(struct ws_txn *t, enum ws_stmt s, const char *types, va_list ap)
{
	struct ws_op *op;

	grow_array((void **)&t->ops, &t->cap, t->n + 1, sizeof(*t->ops));
	op = &t->ops[t->n++];
	memset(op, 0, sizeof(*op));
	op->s = s;
	for (int i = 0; types[i] && i < WS_ARGS; i++) {
		op->types[i] = types[i] == 't' ? 't' : 'l';
		if (types[i] == 't') {
			const char *v = va_arg(ap, const char *);

			op->t[i] = v ? xstrdup(v) : NULL;
		} else if (types[i] == 'i') {
			op->l[i] = va_arg(ap, int);
		} else {
			op->l[i] = va_arg(ap, int64_t);
		}
	}
}

void wq_clear(struct ws_txn *t)
{
	for (size_t k = 0; k < t->n; k++)
		for (int i = 0; i < WS_ARGS; i++)
			free(t->ops[k].t[i]);
	t->n = 0;
}

void wq_start(struct workspace *w)
{
	sqlite3 *mem;

	if (w->in_txn)
		sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
	w->in_txn = false;
	ws_finalize_all(w);
	/* the lock lets the file be read (WAL); in the old journal mode
	 * its holder may not, and the file is read alone */
	mem = ws_memory_copy(w->db);
	if (!mem) {
		sqlite3 *ro = ws_open_readonly(w->path, false);

		mem = ro ? ws_memory_copy(ro) : NULL;
		sqlite3_close(ro);
	}
	if (!mem) {
		sqlite3_open(":memory:", &mem);
		ws_make_schema(mem, 0);
	}
	w->file = w->db;
	w->db = mem;
	snprintf(w->waiting, sizeof(w->waiting),
		 "waiting for the workspace (another process holds its lock); the changes are kept meanwhile");
}

void wq_keep(struct workspace *w)
{
	grow_array((void **)&w->queue, &w->cap_queue, w->nqueue + 1, sizeof(*w->queue));
	w->queue[w->nqueue++] = w->cur;
	memset(&w->cur, 0, sizeof(w->cur));
}

void wq_free(struct workspace *w)
{
	for (size_t k = 0; k < w->nqueue; k++) {
		wq_clear(&w->queue[k]);
		free(w->queue[k].ops);
	}
	free(w->queue);
	w->queue = NULL;
	w->nqueue = w->cap_queue = 0;
}

/* Makes every kept change in the file, in one transaction: SQLITE_OK, or
 * what stopped it (then nothing of it is in the file). */
static int write_queue(struct workspace *w)
{
	int rc = sqlite3_exec(w->file, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	for (size_t k = 0; k < w->nqueue && rc == SQLITE_OK; k++)
		for (size_t i = 0; i < w->queue[k].n && rc == SQLITE_OK; i++) {
			const struct ws_op *op = &w->queue[k].ops[i];
			sqlite3_stmt *st;

			rc = sqlite3_prepare_v2(w->file, ws_sql(op->s), -1, &st, NULL);
			if (rc == SQLITE_OK) {
				rc = ws_run_op(st, op);
				rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
				sqlite3_finalize(st);
			}
		}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(w->file, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK && !sqlite3_get_autocommit(w->file))
		sqlite3_exec(w->file, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

bool wq_flush(struct workspace *w, int wait_ms)
{
	size_t n = 0;
	int rc;

	if (!w->file)
		return true;
	if (w->in_txn)
		return false;
	for (size_t k = 0; k < w->nqueue; k++)
		n += w->queue[k].n;
	sqlite3_busy_timeout(w->file, wait_ms);
	rc = write_queue(w);
	sqlite3_busy_timeout(w->file, WS_LOCK_WAIT_MS);
	if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED)
		return false;
	if (rc != SQLITE_OK) {
		/* the file refuses for another reason than the lock: the
		 * session stays in memory, and says why */
		sqlite3_close(w->file);
		w->file = NULL;
		wq_free(w);
		if (!*w->unsaved)
			snprintf(w->unsaved, sizeof(w->unsaved), "marks will not be saved: %.*s: %s", PATH_MAX - 50, w->path,
				 sqlite3_errstr(rc));
		return true;
	}
	/* back to the file, with what the other sessions did meanwhile */
	ws_finalize_all(w);
	sqlite3_close(w->db);
	w->db = w->file;
	w->file = NULL;
	wq_free(w);
	snprintf(w->waiting, sizeof(w->waiting), "the workspace is free again: %zu change%s saved", n,
		 n == 1 ? "" : "s");
	wc_load(w);
	w->data_version = ws_read_int(w->db, "PRAGMA data_version", &rc);
	w->gen++;
	return true;
}

size_t ws_pending(const struct workspace *w)
{
	size_t n = 0;

	for (size_t k = 0; w->file && k < w->nqueue; k++)
		n += w->queue[k].n;
	return n;
}

bool ws_flush(struct workspace *w, int wait_ms)
{
	return wq_flush(w, wait_ms);
}

bool ws_saved_late(struct workspace *w, char *out, size_t n)
{
	if (w->file || !*w->waiting)
		return false;
	snprintf(out, n, "%s", w->waiting);
	w->waiting[0] = '\0';
	return true;
}
