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

static int cmp_id(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
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
	size_t len = 0, cap = 0, k = 0;
	ssize_t got;

	memset(l, 0, sizeof(*l));
	if (!f) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return false;
	}
	while ((got = getline(&line, &len, f)) >= 0) {
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
		grow_array((void **)&l->ids, &cap, l->n + 1, sizeof(*l->ids));
		l->ids[l->n++] = xstrdup(id);
	}
	free(line);
	fclose(f);
	if (!l->n) {
		snprintf(err, errsize, "%s: no cable id in it (an id a line, as 04ROME3933)", path);
		idlist_free(l);
		return false;
	}
	qsort(l->ids, l->n, sizeof(*l->ids), cmp_id);
	/* each once */
	for (size_t i = 0; i < l->n; i++) {
		if (k && strcmp(l->ids[k - 1], l->ids[i]) == 0) {
			free(l->ids[i]);
			continue;
		}
		l->ids[k++] = l->ids[i];
	}
	l->n = k;
	return true;
}

bool idlist_has(const struct idlist *l, const char *id)
{
	return l->n && bsearch(&id, l->ids, l->n, sizeof(*l->ids), cmp_id) != NULL;
}

void idlist_free(struct idlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->ids[i]);
	free(l->ids);
	l->ids = NULL;
	l->n = 0;
}
