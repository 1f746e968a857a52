/* source_load.c -- a file's bytes in memory: a regular file mapped (its
 * descriptor kept, so that a change made to it while it is read can be
 * seen), anything else read; standard input past 64 MB spooled into an
 * unlinked file of the cache and mapped. */
#include "config.h"
#include "source/source.h"
#include "source/mapguard.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/files.h"
#include "base/util.h"

/* Reads all of @fd (a pipe, a terminal, a device) into memory. */
static bool slurp(int fd, struct buf *b)
{
	buf_clear(b);
	for (;;) {
		ssize_t n;

		buf_reserve(b, 1 << 16);
		n = read(fd, b->p + b->n, b->cap - b->n - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (n == 0)
			break;
		b->n += (size_t)n;
	}
	b->p[b->n] = '\0';
	return true;
}

/* Standard input that is not a file is read in steps: up to SPOOL_AT it
 * is kept in memory (an excerpt, a cable), past that it goes on into a
 * temporary file in the cache, unlinked at once (nothing is left behind,
 * whatever ends pilcrow), which is then mapped like any file: a dump piped
 * in costs the page cache, which the kernel can take back, not the
 * process's own memory (1.86 GB for the whole dump, read whole). */
#define SPOOL_AT ((size_t)64 << 20)

/* Reads @fd into @b until its end or @upto bytes; false on an error. */
static bool read_upto(int fd, struct buf *b, size_t upto, bool *end)
{
	*end = false;
	while (b->n < upto) {
		ssize_t n;

		buf_reserve(b, 1 << 16);
		n = read(fd, b->p + b->n, MIN(b->cap - b->n - 1, upto - b->n));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (n == 0) {
			*end = true;
			break;
		}
		b->n += (size_t)n;
	}
	if (b->p)
		b->p[b->n] = '\0';
	return true;
}

/* The rest of standard input after @head, into an unlinked file of the
 * cache; that file mapped into @l.  False (errno set, or @why) when the
 * cache cannot take it: the caller reads on into memory. */
static bool spool(int fd, struct buf *head, struct loaded *l, char *why, size_t whysize)
{
	char dir[4096], path[4200], err[300];
	struct buf chunk = { 0 };
	struct stat sb;
	bool end = false;
	void *map;
	int t;

	/* the cache, or when it cannot take a file the temporary folder */
	t = -1;
	if (files_cache_dir(dir, sizeof(dir), err, sizeof(err))) {
		snprintf(path, sizeof(path), "%s/stdin-XXXXXX", dir);
		t = mkostemp(path, O_CLOEXEC);
	}
	if (t < 0) {
		const char *tmp = getenv("TMPDIR");

		snprintf(dir, sizeof(dir), "%s", tmp && *tmp == '/' ? tmp : "/tmp");
		snprintf(path, sizeof(path), "%s/pilcrow-stdin-XXXXXX", dir);
		t = mkostemp(path, O_CLOEXEC);
	}
	if (t < 0) {
		snprintf(why, whysize, "cannot make a file in %s: %s", dir, strerror(errno));
		return false;
	}
	unlink(path);
	if (!files_write_all(t, head->p, head->n))
		goto failed;
	while (!end) {
		buf_clear(&chunk);
		if (!read_upto(fd, &chunk, (size_t)1 << 20, &end))
			goto failed_read;
		if (chunk.n && !files_write_all(t, chunk.p, chunk.n))
			goto failed;
	}
	buf_free(&chunk);
	if (fstat(t, &sb) != 0 || sb.st_size <= 0)
		goto failed;
	map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, t, 0);
	if (map == MAP_FAILED)
		goto failed;
	l->data = str_make(map, (size_t)sb.st_size);
	l->mapped = true;
	l->fd = t;
	l->mtime_s = (long long)sb.st_mtim.tv_sec;
	l->mtime_ns = (long long)sb.st_mtim.tv_nsec;
	mapguard_add(map, (size_t)sb.st_size);
	buf_free(head);
	return true;
failed:
	snprintf(why, whysize, "cannot keep it in %s: %s", dir, strerror(errno));
	buf_free(&chunk);
	close(t);
	return false;
failed_read:
	/* the input itself failed: the bytes are gone, nothing to fall back on */
	snprintf(why, whysize, "%s", strerror(errno));
	buf_free(&chunk);
	close(t);
	errno = EIO;
	return false;
}

bool source_load(const char *path, struct loaded *l, struct source_stats *st)
{
	struct stat sb;
	struct buf all = { 0 };
	int fd;

	memset(l, 0, sizeof(*l));
	l->fd = -1;
	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0) {
			source_report(st, path, "%s", strerror(errno));
			st->problems++;
			return false;
		}
	}
	if (fstat(fd, &sb) != 0 || S_ISDIR(sb.st_mode)) {
		source_report(st, path, "%s", S_ISDIR(sb.st_mode) ? "is a folder" : strerror(errno));
		st->problems++;
		if (fd != STDIN_FILENO)
			close(fd);
		return false;
	}
	if (S_ISREG(sb.st_mode) && sb.st_size > 0) {
		size_t len = (size_t)sb.st_size;
		void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);

		if (map != MAP_FAILED) {
			l->data = str_make(map, len);
			l->mapped = true;
			l->fd = fd;
			l->mtime_s = (long long)sb.st_mtim.tv_sec;
			l->mtime_ns = (long long)sb.st_mtim.tv_nsec;
			mapguard_add(map, len);
			return true;
		}
	}
	if (fd == STDIN_FILENO) {
		bool end;
		char why[8400];

		if (!read_upto(fd, &all, SPOOL_AT, &end)) {
			source_report(st, path, "%s", strerror(errno));
			st->problems++;
			buf_free(&all);
			return false;
		}
		if (!end) {
			if (spool(fd, &all, l, why, sizeof(why)))
				return true;
			/* all that was read so far is in @all no more: said */
			source_report(st, path, "%s", why);
			st->problems++;
			buf_free(&all);
			return false;
		}
		l->mem = all.p;
		l->data = str_make(all.p ? all.p : "", all.n);
		return true;
	}
	if (!slurp(fd, &all)) {
		source_report(st, path, "%s", strerror(errno));
		st->problems++;
		buf_free(&all);
		if (fd != STDIN_FILENO)
			close(fd);
		return false;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	l->mem = all.p;
	l->data = str_make(all.p ? all.p : "", all.n);
	return true;
}

void source_unload(struct loaded *l)
{
	if (l->mapped) {
		mapguard_remove(l->data.p);
		munmap((void *)l->data.p, l->data.n);
		if (l->fd > STDIN_FILENO)
			close(l->fd);
	}
	free(l->mem);
	memset(l, 0, sizeof(*l));
	l->fd = -1;
}

enum source_change source_changed(const struct loaded *l, size_t *now)
{
	struct stat sb;

	*now = l->data.n;
	if (!l->mapped || l->fd < 0 || fstat(l->fd, &sb) != 0)
		return SOURCE_SAME;
	*now = (size_t)sb.st_size;
	if ((uint64_t)sb.st_size < l->data.n)
		return SOURCE_CUT;
	if ((uint64_t)sb.st_size > l->data.n)
		return SOURCE_GROWN;
	if ((long long)sb.st_mtim.tv_sec != l->mtime_s || (long long)sb.st_mtim.tv_nsec != l->mtime_ns)
		return SOURCE_WRITTEN;
	return SOURCE_SAME;
}

void source_tell_change(struct source_stats *st, const char *path, enum source_change ch, size_t now, size_t was)
{
	if (ch == SOURCE_GROWN)
		source_report(st, path, "the file grew while it was read (now %zu bytes); read as it was opened (%zu bytes)",
			      now, was);
	else if (ch == SOURCE_WRITTEN)
		source_report(st, path, "the file was written to while it was read; what was read may not agree with it now");
	else
		return;
	st->changed++;
}
