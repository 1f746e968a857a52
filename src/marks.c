/* marks.c -- the reader's marks */
#include "config.h"
#include "marks.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cable.h"
#include "util.h"

/* A paragraph's address as the marks keep it ("3", "0a", "4b"). */
struct addr {
	char a[ADDRESS_MAX];
};

struct entry {
	char *id;
	struct addr *addrs;
	size_t n, cap;
};

struct marks {
	char *path;
	struct entry *e;
	size_t n, cap;
	bool dirty;
};

static struct entry *find(const struct marks *m, const char *id)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->e[i].id, id) == 0)
			return &m->e[i];
	return NULL;
}

static struct entry *add_entry(struct marks *m, const char *id)
{
	struct entry *e = find(m, id);

	if (e)
		return e;
	grow_array((void **)&m->e, &m->cap, m->n + 1, sizeof(*m->e));
	e = &m->e[m->n++];
	memset(e, 0, sizeof(*e));
	e->id = xstrdup(id);
	return e;
}

static void add_addr(struct entry *e, const char *a, size_t n)
{
	grow_array((void **)&e->addrs, &e->cap, e->n + 1, sizeof(*e->addrs));
	n = MIN(n, sizeof(e->addrs[0].a) - 1);
	memcpy(e->addrs[e->n].a, a, n);
	e->addrs[e->n].a[n] = '\0';
	e->n++;
}

struct marks *marks_load(const char *path)
{
	struct marks *m = xcalloc(1, sizeof(*m));
	FILE *f;
	char line[4096];

	m->path = path ? xstrdup(path) : NULL;
	if (!path || !(f = fopen(path, "r")))
		return m;
	while (fgets(line, sizeof(line), f)) {
		char *tab = strchr(line, '\t'), *p;
		struct entry *e;

		if (!tab || line[0] == '#')
			continue;
		*tab = '\0';
		e = add_entry(m, line);
		/* "3,4,0a,12b": the addresses (an older file holds numbers, which are addresses too) */
		for (p = tab + 1; *p;) {
			size_t n = 0;

			while (p[n] && ((p[n] >= '0' && p[n] <= '9') || (p[n] >= 'a' && p[n] <= 'z')))
				n++;
			if (!n)
				break;
			add_addr(e, p, n);
			p += n;
			while (*p == ',' || *p == ' ')
				p++;
		}
	}
	fclose(f);
	return m;
}

void marks_free(struct marks *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->e[i].id);
		free(m->e[i].addrs);
	}
	free(m->e);
	free(m->path);
	free(m);
}

bool marks_has(const struct marks *m, const char *id, const char *address)
{
	const struct entry *e = find(m, id);

	for (size_t i = 0; e && i < e->n; i++)
		if (strcmp(e->addrs[i].a, address) == 0)
			return true;
	return false;
}

bool marks_toggle(struct marks *m, const char *id, const char *address)
{
	struct entry *e = add_entry(m, id);

	m->dirty = true;
	for (size_t i = 0; i < e->n; i++) {
		if (strcmp(e->addrs[i].a, address) == 0) {
			e->addrs[i] = e->addrs[--e->n];
			return false;
		}
	}
	add_addr(e, address, strlen(address));
	return true;
}

size_t marks_count(const struct marks *m, const char *id)
{
	const struct entry *e = find(m, id);

	return e ? e->n : 0;
}

/* In the order of the text: by number, then by letters ("4" < "4a" < "4b" < "10"). */
static int cmp_addr(const void *pa, const void *pb)
{
	const char *a = ((const struct addr *)pa)->a, *b = ((const struct addr *)pb)->a;
	long x = strtol(a, NULL, 10), y = strtol(b, NULL, 10);
	size_t la, lb;

	if (x != y)
		return (x > y) - (x < y);
	while (*a >= '0' && *a <= '9')
		a++;
	while (*b >= '0' && *b <= '9')
		b++;
	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return (la > lb) - (la < lb);
	return strcmp(a, b);
}

/* Creates the folders of @path, like mkdir -p on its dirname. */
static void make_parents(const char *path)
{
	char tmp[PATH_MAX];

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(tmp, 0700);
		*p = '/';
	}
}

bool marks_save(struct marks *m)
{
	char tmp[PATH_MAX];
	FILE *f;
	int fd;

	if (!m->dirty || !m->path)
		return true;
	make_parents(m->path);
	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", m->path) >= (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return false;
	}
	fd = mkstemp(tmp);
	if (fd < 0)
		return false;
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		return false;
	}
	fputs("# pilcrow marks: cable id, tab, the addresses of the marked paragraphs\n", f);
	for (size_t i = 0; i < m->n; i++) {
		struct entry *e = &m->e[i];

		if (!e->n)
			continue;
		qsort(e->addrs, e->n, sizeof(*e->addrs), cmp_addr);
		fprintf(f, "%s\t", e->id);
		for (size_t k = 0; k < e->n; k++)
			fprintf(f, "%s%s", k ? "," : "", e->addrs[k].a);
		fputc('\n', f);
	}
	if (fflush(f) != 0 || fsync(fd) != 0 || ferror(f)) {
		int e = errno;

		fclose(f);
		unlink(tmp);
		errno = e;
		return false;
	}
	fclose(f);
	if (rename(tmp, m->path) != 0) {
		int e = errno;

		unlink(tmp);
		errno = e;
		return false;
	}
	m->dirty = false;
	return true;
}

const char *marks_default_path(void)
{
	static char path[PATH_MAX];
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		snprintf(path, sizeof(path), "%s/pilcrow/marks", xdg);
	else if (home && home[0])
		snprintf(path, sizeof(path), "%s/.local/share/pilcrow/marks", home);
	else
		return NULL;
	return path;
}
