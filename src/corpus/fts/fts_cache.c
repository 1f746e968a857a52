/* fts_cache.c -- the cache directory of the full-text index. */
#include "config.h"
#include "corpus/fts/fts_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/files.h"

#define MB ((off_t)1024 * 1024)






bool fts_cache_key(char *const *paths, size_t n, char key[17], char *desc, size_t descsize, char *err,
		   size_t errsize)
{
	uint64_t h = 0x70696c63726f7731u;
	struct buf d = { 0 };

	for (size_t i = 0; i < n; i++) {
		struct stat st;
		int fd = open(paths[i], O_RDONLY | O_CLOEXEC);
		uint64_t id[6];

		if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			snprintf(err, errsize, "%s: %s", paths[i], fd < 0 ? strerror(errno) : "not a regular file");
			if (fd >= 0)
				close(fd);
			buf_free(&d);
			return false;
		}
		id[0] = (uint64_t)st.st_dev;
		id[1] = (uint64_t)st.st_ino;
		id[2] = (uint64_t)st.st_size;
		id[3] = (uint64_t)st.st_mtim.tv_sec;
		id[4] = (uint64_t)st.st_mtim.tv_nsec;
		id[5] = i;
		h = files_mix(h, id, sizeof(id));
		if (!files_sum_part(fd, 0, st.st_size < MB ? st.st_size : MB, &h) ||
		    (st.st_size > MB && !files_sum_part(fd, st.st_size - MB, MB, &h))) {
			snprintf(err, errsize, "%s: %s", paths[i], strerror(errno));
			close(fd);
			buf_free(&d);
			return false;
		}
		close(fd);
		buf_printf(&d, "input %s %lld %lld.%09ld\n", paths[i], (long long)st.st_size,
			   (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
	}
	snprintf(key, 17, "%016llx", (unsigned long long)h);
	snprintf(desc, descsize, "%s", d.p ? d.p : "");
	buf_free(&d);
	return true;
}


int fts_cache_lock(const char *dir, const char *key)
{
	char path[FILES_PATH];
	int fd;

	snprintf(path, sizeof(path), "%s/%s.lock", dir, key);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

void fts_cache_unlock(int fd)
{
	if (fd >= 0)
		close(fd);   /* the lock goes with the descriptor */
}


void fts_cache_sweep(const char *dir, const char *key)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t kl = strlen(key);

	if (!d)
		return;
	while ((e = readdir(d))) {
		char path[FILES_PATH];
		long pid;

		if (strncmp(e->d_name, key, kl) != 0 || strncmp(e->d_name + kl, ".part-", 6) != 0)
			continue;
		pid = strtol(e->d_name + kl + 6, NULL, 10);
		/* a build whose process is gone (killed, crashed) */
		if (pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH) {
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			files_remove_dir(path);
		}
	}
	closedir(d);
}



