/* corpus_near.c -- the cables around one: the same post's nearest serials
 * (by year, then serial as a number, so that the years cross), its other
 * cables of the same day, and the other records of the same id (the
 * sections of a telegram given apart).  A pass over the list's ids: about
 * 10 ms on the whole corpus, made when asked. */
#include "config.h"
#include "corpus/corpus_internal.h"

#include <stdlib.h>
#include <string.h>

#include "doc/ids.h"
#include "base/util.h"

static int by_id(const void *pa, const void *pb, void *ud)
{
	const struct corpus *c = ud;
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	int r = id_compare(corpus_str(c, c->e[a].id), corpus_str(c, c->e[b].id));

	return r ? r : (a > b) - (a < b);
}

static void push(uint32_t **list, size_t *n, size_t *cap, uint32_t e)
{
	grow_array((void **)list, cap, *n + 1, sizeof(**list));
	(*list)[(*n)++] = e;
}

void corpus_neighbours(const struct corpus *c, size_t i, size_t k, struct neighbours *out)
{
	const char *id;
	struct str station;
	uint32_t *post = NULL;
	size_t npost = 0, cap = 0, cap_day = 0, cap_same = 0, at = 0;
	uint32_t day;

	memset(out, 0, sizeof(*out));
	if (i >= c->n)
		return;
	id = corpus_str(c, c->e[i].id);
	station = id_station(id);
	day = c->e[i].date / 1440;
	if (!station.n || id_serial(id) < 0)
		return;
	for (size_t e = 0; e < c->n; e++) {
		const char *other;
		struct str st;

		if (e == i)
			continue;
		if (c->e[e].id == c->e[i].id) {
			push(&out->same_id, &out->nsame, &cap_same, (uint32_t)e);
			continue;
		}
		other = corpus_str(c, c->e[e].id);
		/* "09ROME12": the station after the year, a digit after it (the
		 * usual shape, looked at without measuring the id) */
		if (is_digit((unsigned char)other[0]) && is_digit((unsigned char)other[1]) &&
		    !is_digit((unsigned char)other[2]) &&
		    (strncmp(other + 2, station.p, station.n) != 0 || !is_digit((unsigned char)other[2 + station.n])))
			continue;
		st = id_station(other);
		if (st.n != station.n || memcmp(st.p, station.p, st.n) != 0 || id_serial(other) < 0)
			continue;
		push(&post, &npost, &cap, (uint32_t)e);
		if (day && c->e[e].date / 1440 == day)
			push(&out->day, &out->nday, &cap_day, (uint32_t)e);
	}
	push(&post, &npost, &cap, (uint32_t)i);
	qsort_r(post, npost, sizeof(*post), by_id, (void *)c);
	if (out->nday > 1)
		qsort_r(out->day, out->nday, sizeof(*out->day), by_id, (void *)c);
	while (at < npost && post[at] != i)
		at++;
	/* the k before and the k after, the nearest first */
	out->before = xmalloc((k ? k : 1) * sizeof(*out->before));
	out->after = xmalloc((k ? k : 1) * sizeof(*out->after));
	for (size_t j = at; j > 0 && out->nbefore < k; j--)
		out->before[out->nbefore++] = post[j - 1];
	for (size_t j = at + 1; j < npost && out->nafter < k; j++)
		out->after[out->nafter++] = post[j];
	free(post);
}

void neighbours_free(struct neighbours *n)
{
	free(n->before);
	free(n->after);
	free(n->day);
	free(n->same_id);
	memset(n, 0, sizeof(*n));
}
