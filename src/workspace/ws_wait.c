/* ws_wait.c -- another process holds the workspace's lock (a long
 * transaction, a backup, a second pilcrow busy writing): a lock is a wait,
 * not a failure.  The session goes on with a copy of the file in memory,
 * where its changes are made at once (the screens show them), and keeps
 * each transaction as it was asked for.  When the lock is free they are
 * made in the file, in their order, in one transaction, and the session
 * goes back to the file.  A key never waits for the lock: each try is
 * made with no wait, between keys.
 *
 * The kept transactions are also written, as they are made, to a file
 * beside the workspace (workspace.db-kept-PID, synced): a session killed
 * while it waits loses nothing, as the next one to open the workspace
 * makes them (wq_orphans). */
#include "config.h"
#include "workspace/ws_internal.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"

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
	mem = ws_memory_of(w, w->unready ? NULL : w->db);
	w->file = w->db;
	w->db = mem;
	snprintf(w->waiting, sizeof(w->waiting),
		 "waiting for the workspace (another process holds its lock); the changes are kept meanwhile");
}

/* The file the kept changes of process @pid are written to. */
static void kept_path(const char *path, long pid, char *out, size_t n)
{
	snprintf(out, n, "%s-kept-%ld", path, pid);
}

/* @s with its tabs, line ends and backslashes escaped. */
static void put_escaped(FILE *f, const char *s)
{
	if (!s) {
		fputs("\\N", f);
		return;
	}
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\\\", f);
		else if (*s == '\t')
			fputs("\\t", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\r')
			fputs("\\r", f);
		else
			putc(*s, f);
	}
}

/* Appends transaction @t to the file of kept changes, synced. */
static void write_kept(struct workspace *w, const struct ws_txn *t)
{
	char path[PATH_MAX + 40];
	FILE *f;

	kept_path(w->path, (long)getpid(), path, sizeof(path));
	if (!(f = fopen(path, "a")))
		return;
	for (size_t k = 0; k < t->n; k++) {
		const struct ws_op *op = &t->ops[k];

		fprintf(f, "op\t%d\t%s", (int)op->s, op->types);
		for (int i = 0; op->types[i]; i++) {
			putc('\t', f);
			if (op->types[i] == 't')
				put_escaped(f, op->t[i]);
			else
				fprintf(f, "%lld", (long long)op->l[i]);
		}
		putc('\n', f);
	}
	fputs("commit\n", f);
	fflush(f);
	fsync(fileno(f));
	fclose(f);
}

static void remove_kept(struct workspace *w)
{
	char path[PATH_MAX + 40];

	kept_path(w->path, (long)getpid(), path, sizeof(path));
	unlink(path);
}

void wq_start_unready(struct workspace *w)
{
	w->unready = true;
	wq_start(w);
}

void wq_keep(struct workspace *w)
{
	write_kept(w, &w->cur);
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
	if (w->unready) {
		/* locked since the open: made ready now, with no wait */
		int v;

		rc = ws_ready_file(w->file, 1, &v);
		if (rc == SQLITE_OK && (v > WS_SCHEMA || v < 0))
			rc = SQLITE_NOTADB;
		if (rc == SQLITE_OK)
			w->unready = false;
	}
	if (!w->unready)
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
		remove_kept(w);
		if (!*w->unsaved)
			snprintf(w->unsaved, sizeof(w->unsaved), "marks will not be saved: %.*s: %s", PATH_MAX - 50, w->path,
				 sqlite3_errstr(rc));
		return true;
	}
	/* back to the file, with what the other sessions did meanwhile */
	remove_kept(w);
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

/* One field of a kept line, unescaped in place; NULL for \N. */
static char *field(char **p)
{
	char *s = *p, *o = s, *e = strchr(s, '\t');

	*p = e ? e + 1 : s + strlen(s);
	if (e)
		*e = '\0';
	if (strcmp(s, "\\N") == 0)
		return NULL;
	for (char *i = s; *i; i++) {
		if (*i == '\\' && i[1]) {
			i++;
			*o++ = *i == 't' ? '\t' : *i == 'n' ? '\n' : *i == 'r' ? '\r' : *i;
		} else {
			*o++ = *i;
		}
	}
	*o = '\0';
	return s;
}

/* A kept line ("op", the statement, its types, its arguments) into @op;
 * false when it is not one this pilcrow writes. */
static bool read_op(char *line, struct ws_op *op)
{
	char *p = line + 3, *v;
	long s;

	memset(op, 0, sizeof(*op));
	if (!(v = field(&p)) || (s = strtol(v, NULL, 10)) < 0 || s >= WS_STMT_COUNT)
		return false;
	op->s = (enum ws_stmt)s;
	if (!(v = field(&p)) || strlen(v) > WS_ARGS || strspn(v, "tl") != strlen(v))
		return false;
	snprintf(op->types, sizeof(op->types), "%s", v);
	for (int i = 0; op->types[i]; i++) {
		v = field(&p);
		if (op->types[i] == 't')
			op->t[i] = v ? xstrdup(v) : NULL;
		else
			op->l[i] = v ? strtoll(v, NULL, 10) : 0;
	}
	return true;
}

/* Reads the file of kept changes @path into @w->queue: its whole
 * transactions (one cut by the kill is left out). */
static void read_kept(struct workspace *w, const char *path)
{
	FILE *f = fopen(path, "r");
	struct ws_txn t = { 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f)
		return;
	while ((len = getline(&line, &cap, f)) > 0 && line[len - 1] == '\n') {
		line[len - 1] = '\0';
		if (strcmp(line, "commit") == 0) {
			grow_array((void **)&w->queue, &w->cap_queue, w->nqueue + 1, sizeof(*w->queue));
			w->queue[w->nqueue++] = t;
			memset(&t, 0, sizeof(t));
		} else if (strncmp(line, "op\t", 3) == 0) {
			grow_array((void **)&t.ops, &t.cap, t.n + 1, sizeof(*t.ops));
			if (read_op(line, &t.ops[t.n]))
				t.n++;
			else
				wq_clear(&t);   /* not ours: the transaction is left out */
		}
	}
	wq_clear(&t);
	free(t.ops);
	free(line);
	fclose(f);
}

size_t wq_orphans(struct workspace *w)
{
	char dir[PATH_MAX], path[PATH_MAX + 300];
	const char *base = strrchr(w->path, '/');
	size_t bl;
	DIR *d;
	struct dirent *e;
	size_t n = 0;

	snprintf(dir, sizeof(dir), "%.*s", base ? (int)(base - w->path) : 1, base ? w->path : ".");
	base = base ? base + 1 : w->path;
	bl = strlen(base);
	if (w->file || !(d = opendir(dir)))
		return 0;
	while ((e = readdir(d))) {
		long pid;
		int rc;

		if (strncmp(e->d_name, base, bl) != 0 || strncmp(e->d_name + bl, "-kept-", 6) != 0)
			continue;
		pid = strtol(e->d_name + bl + 6, NULL, 10);
		/* a session that is gone (killed, crashed) while it waited */
		if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		read_kept(w, path);
		for (size_t k = 0; k < w->nqueue; k++)
			n += w->queue[k].n;
		w->file = w->db;
		rc = write_queue(w);
		w->file = NULL;
		wq_free(w);
		if (rc == SQLITE_OK)
			unlink(path);
	}
	closedir(d);
	if (n && !*w->notice)
		snprintf(w->notice, sizeof(w->notice),
			 "%zu change%s kept by a session that ended while it waited for the workspace, saved now", n,
			 n == 1 ? "" : "s");
	return n;
}
