/* files.c -- small things done to files and folders: the cache folder,
 * a checksum, a folder set aside or removed, a small file written whole
 * or read. */
#include "config.h"
#include "base/files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MB ((off_t)1024 * 1024)

/* Hand-written: the index needs a fast checksum of files of a gigabyte,
 * and none of pilcrow's libraries offers one (SQLite's hashes are shell
 * extensions).  Eight bytes a step, mixed with a multiply and a shift. */
static uint64_t mix(uint64_t h, const unsigned char *p, size_t n);

uint64_t files_mix(uint64_t h, const void *p, size_t n)
{
	return mix(h, p, n);
}

static uint64_t mix(uint64_t h, const unsigned char *p, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15u;
		h ^= h >> 29;
	}
	for (; i < n; i++) {
		h = (h ^ p[i]) * 0x100000001B3u;
		h ^= h >> 29;
	}
	return h;
}

bool files_cache_dir(char *out, size_t n, char *err, size_t errsize)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char parent[FILES_PATH];

	if (xdg && *xdg == '/')
		snprintf(parent, sizeof(parent), "%s", xdg);
	else if (home && *home)
		snprintf(parent, sizeof(parent), "%s/.cache", home);
	else {
		snprintf(err, errsize, "no cache directory (neither XDG_CACHE_HOME nor HOME is set)");
		return false;
	}
	snprintf(out, n, "%s/pilcrow", parent);
	if ((mkdir(parent, 0700) != 0 && errno != EEXIST) || (mkdir(out, 0700) != 0 && errno != EEXIST)) {
		snprintf(err, errsize, "cannot make %s: %s", out, strerror(errno));
		return false;
	}
	if (access(out, W_OK | X_OK) != 0) {
		snprintf(err, errsize, "cannot write in %s: %s", out, strerror(errno));
		return false;
	}
	return true;
}

/* The checksum of @n bytes of @fd at @off. */
bool files_sum_part(int fd, off_t off, off_t n, uint64_t *h)
{
	unsigned char *b = malloc((size_t)MB);
	bool ok = b != NULL;

	while (ok && n > 0) {
		ssize_t r = pread(fd, b, (size_t)(n < MB ? n : MB), off);

		if (r <= 0) {
			ok = r == 0;
			break;
		}
		*h = mix(*h, b, (size_t)r);
		off += r;
		n -= r;
	}
	free(b);
	return ok;
}

bool files_checksum(const char *path, uint64_t *sum, uint64_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	bool ok;

	if (fd < 0)
		return false;
	*sum = 0x636865636b73756du;
	ok = fstat(fd, &st) == 0 && files_sum_part(fd, 0, st.st_size, sum);
	*size = (uint64_t)st.st_size;
	close(fd);
	return ok;
}

void files_remove_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char f[FILES_PATH];

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(f, sizeof(f), "%s/%s", path, e->d_name);
		unlink(f);
	}
	closedir(d);
	rmdir(path);
}

bool files_set_aside(const char *dir, const char *key, char *out, size_t n)
{
	char from[FILES_PATH], when[32];
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y%m%dT%H%M%SZ", &tm);
	snprintf(from, sizeof(from), "%s/%s", dir, key);
	/* another set aside the same second keeps its name: this one is -2, -3 ... */
	for (int k = 1; k < 100; k++) {
		struct stat st;

		if (k == 1)
			snprintf(out, n, "%s/%s.bad-%s", dir, key, when);
		else
			snprintf(out, n, "%s/%s.bad-%s-%d", dir, key, when, k);
		if (stat(out, &st) != 0)
			return rename(from, out) == 0;
	}
	return false;
}

bool files_write(const char *path, const char *text)
{
	char tmp[FILES_PATH];
	FILE *f;
	bool ok;

	snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid());
	f = fopen(tmp, "w");
	if (!f)
		return false;
	ok = fputs(text, f) >= 0;
	ok = (fclose(f) == 0) && ok;
	if (ok && rename(tmp, path) == 0)
		return true;
	unlink(tmp);
	return false;
}

bool files_read(const char *path, char *out, size_t n)
{
	FILE *f = fopen(path, "r");
	size_t r;

	if (!f)
		return false;
	r = fread(out, 1, n - 1, f);
	out[r] = '\0';
	fclose(f);
	return r > 0;
}

bool files_write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return false;
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

bool files_user_path(const char *typed, char *out, size_t n, char *err, size_t errsize)
{
	const char *home = getenv("HOME"), *rest = NULL;
	char cwd[4096];
	int w;

	if (typed[0] == '~' && (typed[1] == '/' || !typed[1]))
		rest = typed + 1;
	else if (strncmp(typed, "$HOME", 5) == 0 && (typed[5] == '/' || !typed[5]))
		rest = typed + 5;
	else if (strncmp(typed, "${HOME}", 7) == 0 && (typed[7] == '/' || !typed[7]))
		rest = typed + 7;
	if (rest) {
		if (!home || !*home) {
			snprintf(err, errsize, "%s: HOME is not set, so ~ names no folder", typed);
			return false;
		}
		w = snprintf(out, n, "%s%s", home, rest);
	} else if (typed[0] == '/') {
		w = snprintf(out, n, "%s", typed);
	} else {
		if (!getcwd(cwd, sizeof(cwd))) {
			snprintf(err, errsize, "%s: the working folder cannot be named (%s)", typed, strerror(errno));
			return false;
		}
		w = snprintf(out, n, "%s/%s", cwd, typed);
	}
	if (w < 0 || (size_t)w >= n) {
		snprintf(err, errsize, "%s: the path is too long", typed);
		return false;
	}
	return true;
}
