/* idlist.c -- a list of cable ids from a file (idlist.h) */
#include "config.h"
#include "search/idlist.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/util.h"
#include "doc/ids.h"

static int cmp_at(const void *a, const void *b, void *pool)
{
	return strcmp((const char *)pool + *(const uint32_t *)a, (const char *)pool + *(const uint32_t *)b);
}

/* The id at the start of @line (after blanks), canonical, into @out;
 * false when the line holds none. */
static bool line_id(const char *line, size_t n, char out[ID_MAX])
{
	char up[ID_MAX];
	size_t i = 0, k = 0;
	bool odd;

	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i == n || line[i] == '#')
		return false;
	while (i < n && k + 1 < sizeof(up) && (is_alpha((unsigned char)line[i]) || is_digit((unsigned char)line[i])))
		up[k++] = (char)to_upper((unsigned char)line[i++]);
	up[k] = '\0';
	if (k < 4 || !is_digit((unsigned char)up[0]))
		return false;
	id_canonical(str_c(up), out, &odd);
	return out[0] != '\0';
}

bool idlist_read(struct idlist *l, const char *path, char *err, size_t errsize)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, id[ID_MAX];
	size_t len = 0, cap = 0, pool_n = 0, pool_cap = 0, k = 0;
	ssize_t got;

	memset(l, 0, sizeof(*l));
	if (!f) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return false;
	}
	/* a line at a time: what is kept is the ids alone */
	while ((got = getline(&line, &len, f)) >= 0) {
		size_t idn;

		l->lines++;
		for (ssize_t i = 0; i < got; i++)
			if (line[i] == '\0' || ((unsigned char)line[i] < 0x20 && line[i] != '\t' && line[i] != '\n' &&
						line[i] != '\r')) {
				snprintf(err, errsize, "%s: line %zu holds binary bytes: not a list of cable ids", path, l->lines);
				free(line);
				fclose(f);
				idlist_free(l);
				return false;
			}
		if (!line_id(line, (size_t)got, id))
			continue;
		idn = strlen(id) + 1;
		if (pool_n + idn > UINT32_MAX) {
			snprintf(err, errsize, "%s: more ids than pilcrow takes (%zu lines read)", path, l->lines);
			free(line);
			fclose(f);
			idlist_free(l);
			return false;
		}
		grow_array((void **)&l->pool, &pool_cap, pool_n + idn, 1);
		memcpy(l->pool + pool_n, id, idn);
		grow_array((void **)&l->at, &cap, l->n + 1, sizeof(*l->at));
		l->at[l->n++] = (uint32_t)pool_n;
		pool_n += idn;
	}
	free(line);
	fclose(f);
	if (!l->n) {
		snprintf(err, errsize, "%s: no cable id in it (an id a line, as 04ROME3933)", path);
		idlist_free(l);
		return false;
	}
	qsort_r(l->at, l->n, sizeof(*l->at), cmp_at, l->pool);
	/* each once */
	for (size_t i = 0; i < l->n; i++)
		if (!k || strcmp(idlist_id(l, k - 1), idlist_id(l, i)) != 0)
			l->at[k++] = l->at[i];
	l->n = k;
	return true;
}

bool idlist_has(const struct idlist *l, const char *id)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(idlist_id(l, mid), id);

		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

void idlist_free(struct idlist *l)
{
	free(l->pool);
	free(l->at);
	l->pool = NULL;
	l->at = NULL;
	l->n = 0;
}
