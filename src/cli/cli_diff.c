/* cli_diff.c -- pilcrow --diff: two texts of one cable compared for
 * pipes, word by word (doc/compare.h).  --diff A B compares two files of
 * one cable each; --diff --id ID compares the versions of ID among the
 * inputs, each with the next.  Exit 0: the same words; 1: they differ;
 * 2: nothing to compare (said on one line). */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "corpus/corpus.h"
#include "doc/compare.h"

/* Writes the comparison of @a and @b; true when their words differ. */
static bool write_pair(struct buf *out, const struct cable *a, const struct cable *b, bool layout)
{
	struct compare cmp;
	bool differ;

	compare_cables(&cmp, a, b);
	buf_printf(out, "diff %s\n--- a: ", a->id);
	compare_version_name(out, a->path, a->format, a->offset, true);
	buf_adds(out, "\n+++ b: ");
	compare_version_name(out, b->path, b->format, b->offset, true);
	buf_adds(out, "\nsummary: ");
	compare_summary(&cmp, out, "a", "b");
	buf_printf(out, "\nredaction runs: a %zu, b %zu (%zu added, %zu lifted)\n", cmp.a.runs, cmp.b.runs,
		   cmp.added, cmp.lifted);
	compare_write(&cmp, out, layout);
	differ = !cmp.same_words;
	compare_free(&cmp);
	return differ;
}

/* The one cable of @path, read into @c; NULL (said) when there is not
 * exactly one. */
static const struct cable *one_cable(struct corpus *c, char *path)
{
	const struct cable *cab;

	cli_read_all(c, &path, 1, false, false, false);
	cli_tell_messages(c);
	if (corpus_count(c) != 1) {
		if (corpus_count(c))
			fprintf(stderr, "pilcrow: --diff: %s holds %zu cables; name one with --id ID\n", path,
				corpus_count(c));
		else
			fprintf(stderr, "pilcrow: --diff: %s: no cable could be read\n", path);
		return NULL;
	}
	cab = corpus_cable(c, 0);
	if (!cab)
		fprintf(stderr, "pilcrow: --diff: %s: the cable could not be read again\n", path);
	return cab;
}

static int diff_files(const struct opts *o, char *const *paths, struct buf *out)
{
	struct corpus *ca = corpus_new(), *cb = corpus_new();
	const struct cable *a = one_cable(ca, paths[0]), *b = a ? one_cable(cb, paths[1]) : NULL;
	int status = 2;

	if (a && b) {
		if (strcmp(a->id, b->id) != 0 && (*a->id || *b->id))
			fprintf(stderr, "pilcrow: --diff: %s is %s and %s is %s: two cables, not two texts of one\n",
				paths[0], *a->id ? a->id : "a cable without an id", paths[1],
				*b->id ? b->id : "a cable without an id");
		else
			status = write_pair(out, a, b, o->layout);
	}
	corpus_free(ca);
	corpus_free(cb);
	return status;
}

static int diff_versions(const struct opts *o, char *const *paths, size_t n, struct buf *out)
{
	struct corpus *c = corpus_new();
	uint32_t v[64];
	size_t nv;
	long e;
	int status = 0;

	cli_read_all(c, paths, n, false, false, false);
	cli_tell_messages(c);
	e = corpus_find(c, o->id);
	if (e < 0) {
		fprintf(stderr, "pilcrow: --diff: no cable %s in what was read\n", o->id);
		corpus_free(c);
		return 2;
	}
	nv = corpus_versions(c, (size_t)e, v, sizeof(v) / sizeof(*v));
	if (nv < 2) {
		fprintf(stderr, "pilcrow: --diff: %s has one text in what was read: nothing to compare\n", o->id);
		corpus_free(c);
		return 2;
	}
	if (nv > sizeof(v) / sizeof(*v))
		nv = sizeof(v) / sizeof(*v);
	/* each with the next: the cache keeps the last few parsed */
	for (size_t k = 0; k + 1 < nv; k++) {
		const struct cable *a = corpus_cable(c, v[k]), *b = corpus_cable(c, v[k + 1]);

		if (!a || !b) {
			fprintf(stderr, "pilcrow: --diff: a version of %s could not be read again\n", o->id);
			status = 2;
			break;
		}
		if (k)
			buf_addc(out, '\n');
		if (write_pair(out, a, b, o->layout))
			status = 1;
	}
	corpus_free(c);
	return status;
}

int run_diff(const struct opts *o, char *const *paths, size_t n)
{
	struct buf out = { 0 };
	int status;

	if (!o->id && n != 2) {
		fprintf(stderr, "pilcrow: --diff wants two files (%zu given), or --id ID and the inputs that hold its versions\n",
			n);
		return 2;
	}
	status = o->id ? diff_versions(o, paths, n, &out) : diff_files(o, paths, &out);
	if (out.n && (fwrite(out.p, 1, out.n, stdout) != out.n || fflush(stdout) != 0))
		status = 2;
	buf_free(&out);
	return status;
}
