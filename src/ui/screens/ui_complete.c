/* ui_complete.c -- Tab in the list's filter prompt: the last word
 * completed to a field's name (level=, origin= ...) or, after one, to the
 * values it takes, each with its count in the list shown ("ROME (3,197)"),
 * a TAG with its meaning: levels, caveats, posts, TAGS, signers,
 * classifiers, addressees, people, collections, orders, paragraphs'
 * markings.  The counts come from the overview of the list, made again
 * only when the list changed. */
#include "config.h"
#include "ui/ui_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"

/* The fields as a filter is typed: the name and its operator. */
static const char *const fields[] = {
	"level>=", "level=", "caveat=", "origin=", "tag=", "date>=", "date<", "date=", "id=", "subject=", "text=",
	"cites=", "cited-by=", "near=", "para>=", "para=", "signer=", "classified-by=", "from=", "to=", "info=",
	"addressee=", "person=", "serial=", "versions>", "redacted", "note=", "collection=", "sort=", "marked", "noted", "opened", "!opened",
};

/* Is @word the field @name and an operator? */
static bool field_is(const char *word, const char *name)
{
	size_t n = strlen(name);

	return strncasecmp(word, name, n) == 0 && word[n] && strchr("!=<>~", word[n]);
}

/* Does a word of @name start with @stem (a surname alone finds the full name)? */
static bool name_starts(const char *name, const char *stem)
{
	size_t n = strlen(stem);

	for (const char *w = name; *w; w++)
		if ((w == name || w[-1] == ' ' || w[-1] == ',') && strncasecmp(w, stem, n) == 0)
			return true;
	return false;
}

/* The overview of the list shown, kept while the list stays as it is:
 * without the people, or with one facet of them (WHO_...). */
static struct list_counts {
	struct overview ov;
	double made_at;
	size_t n;
	bool made;
	int who;
} counts[2];

/* @who: WHO_SIGNER ..., or -1 for no people */
static const struct overview *list_counts_of(struct ui *u, int who)
{
	const struct clist *l = &u->list;
	struct list_counts *k = &counts[who >= 0];

	if (!k->made || k->made_at != l->made_at || k->n != l->n || k->who != who) {
		if (k->made)
			overview_free(&k->ov);
		overview_make_some(&k->ov, u->corpus, l->rows, l->n, OVERVIEW_ALL, who >= 0 ? 1u << who : 0);
		k->who = who;
		k->made = true;
		k->made_at = l->made_at;
		k->n = l->n;
	}
	return &k->ov;
}

static const struct overview *list_counts(struct ui *u)
{
	return list_counts_of(u, -1);
}

/* The people facet @w of the list shown. */
static const struct facet *who_counts(struct ui *u, int w, size_t *n)
{
	const struct overview *o = list_counts_of(u, w);

	*n = o->nwho[w];
	return o->who[w];
}

struct cands {
	char ***out;
	size_t n, cap;
	struct buf *info;
};

static void add(struct cands *c, const char *field, const char *value, size_t count, const char *meaning)
{
	char num[32];

	grow_array((void **)c->out, &c->cap, c->n + 1, sizeof(**c->out));
	(*c->out)[c->n++] = xasprintf(strchr(value, ' ') ? "%s\"%s\"" : "%s%s", field, value);
	if (c->info->n)
		buf_adds(c->info, " \xC2\xB7 ");
	buf_adds(c->info, value);
	if (count != (size_t)-1) {
		paint_thousands(num, sizeof(num), count);
		buf_printf(c->info, " (%s)", num);
	}
	if (meaning)
		buf_printf(c->info, " %s", meaning);
}

/* The people facets whose name has a word starting with @stem, with their
 * counts in the list (@counted false: the counts are another field's, not
 * shown). */
static void names(struct cands *c, const char *field, const struct facet *f, size_t n, const char *stem,
		  bool counted)
{
	for (size_t i = 0; i < n; i++)
		if (name_starts(f[i].label, stem))
			add(c, field, f[i].label, counted ? f[i].count : (size_t)-1, NULL);
}

/* The facets of one kind whose value starts with @stem. */
static void facets(struct cands *c, const char *field, const struct facet *f, size_t n, const char *stem,
		   bool skip_term)
{
	for (size_t i = 0; i < n; i++) {
		/* a level's or a caveat's value: its term's, after the = */
		const char *value = skip_term ? strchr(f[i].term, '=') + 1 : f[i].label;

		if (!f[i].empty_run && strncasecmp(value, stem, strlen(stem)) == 0)
			add(c, field, value, f[i].count, f[i].meaning);
	}
}

size_t ui_filter_words(struct ui *u, const char *word, char ***cands, struct buf *info)
{
	struct cands c = { cands, 0, 0, info };
	const char *op = strpbrk(word, "=<>~"), *stem;
	char field[32];
	size_t fl;

	*cands = NULL;
	if (!op) {
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			if (strncasecmp(fields[i], word, strlen(word)) == 0)
				add(&c, "", fields[i], (size_t)-1, NULL);
		return c.n;
	}
	/* FIELD and its operator, kept as typed; the value's start after it */
	stem = op;
	while (*stem && strchr("!=<>~", *stem))
		stem++;
	fl = (size_t)(stem - word);
	if (fl >= sizeof(field))
		return 0;
	memcpy(field, word, fl);
	field[fl] = '\0';
	if (strncasecmp(word, "origin", 6) == 0) {
		facets(&c, field, list_counts(u)->origins, list_counts(u)->norigins, stem, false);
	} else if (strncasecmp(word, "tag", 3) == 0) {
		facets(&c, field, list_counts(u)->tags, list_counts(u)->ntags, stem, false);
	} else if (strncasecmp(word, "level", 5) == 0) {
		facets(&c, field, list_counts(u)->levels, list_counts(u)->nlevels, stem, true);
	} else if (strncasecmp(word, "caveat", 6) == 0) {
		facets(&c, field, list_counts(u)->caveats, list_counts(u)->ncaveats, stem, true);
	} else if (field_is(word, "signer") || field_is(word, "classified-by") || field_is(word, "person")) {
		int w = field_is(word, "signer") ? WHO_SIGNER : field_is(word, "person") ? WHO_PERSON : WHO_CLASSIFIER;
		size_t n;
		const struct facet *f = who_counts(u, w, &n);

		names(&c, field, f, n, stem, true);
	} else if (field_is(word, "addressee") || field_is(word, "to") || field_is(word, "info")) {
		size_t n;
		const struct facet *f = who_counts(u, WHO_ADDRESSEE, &n);

		/* the counts are of TO and INFO together: shown for addressee= */
		names(&c, field, f, n, stem, field_is(word, "addressee"));
	} else if (strncasecmp(word, "collection", 10) == 0) {
		const char *const *names;
		size_t n = ws_collections(u->v.ws, &names);

		for (size_t i = 0; i < n; i++)
			if (strncasecmp(names[i], stem, strlen(stem)) == 0)
				add(&c, field, names[i], (size_t)-1, NULL);
	} else if (strncasecmp(word, "para", 4) == 0) {
		/* a paragraph's marking (no count: the list does not know them) */
		static const char *const marks[] = { "U", "SBU", "C", "C//NF", "S", "S//NF", "TS", "TS//NF" };

		for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
			if (strncasecmp(marks[i], stem, strlen(stem)) == 0)
				add(&c, field, marks[i], (size_t)-1, NULL);
	} else if (strncasecmp(word, "sort", 4) == 0) {
		static const char *const orders[] = { "date", "id", "origin", "level", "relevance", "file" };

		for (size_t i = 0; i < sizeof(orders) / sizeof(orders[0]); i++)
			if (strncasecmp(orders[i], stem, strlen(stem)) == 0)
				add(&c, field, orders[i], (size_t)-1, NULL);
	}
	return c.n;
}
