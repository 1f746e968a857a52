/* fuzz_csv.c -- the cables.csv readers on any bytes: the unescaping reader
 * record by record, each record parsed as --json would; then the corpus
 * index over the same bytes as a mapped file (the raw scan, the quick
 * header fields, ids and cited-by), a few cables opened, filters run; then
 * the bytes cut into two pieces of one dump. */
#define _GNU_SOURCE 1
#include "config.h"
#include "fuzz.h"

#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/buf.h"
#include "doc/cable.h"
#include "corpus/corpus.h"
#include "source/csv.h"
#include "source/dump.h"
#include "doc/export.h"
#include "search/filter.h"
#include "parse/parse.h"
#include "source/source.h"

static bool export_record(struct str text, const struct record_meta *meta, void *ud)
{
	struct cable c;
	struct buf *out = ud;

	cable_init(&c);
	if (parse_cable(&c, text, meta)) {
		buf_clear(out);
		export_json(out, &c);
		FUZZ_ASSERT(fuzz_is_safe(str_make(out->p, out->n - 1), ""));
	}
	cable_free(&c);
	return true;
}

static void quiet(const char *line, void *ud)
{
	(void)line;
	(void)ud;
}

static void run_corpus(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz.csv", 0);
	char path[64];
	char *paths[1] = { path };
	struct corpus *c;
	uint32_t *rows = NULL;
	size_t cap = 0, n;
	struct cfilter f;
	char err[256];

	if (fd < 0)
		return;
	if (size && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	c = corpus_new();
	corpus_add_paths(c, paths, 1);
	while (!corpus_index_step(c, 1000))
		;
	n = corpus_count(c);
	for (size_t i = 0; i < n && i < 8; i++) {
		const uint32_t *cited;

		(void)corpus_cable(c, i);
		(void)corpus_cited_by(c, i, &cited);
		FUZZ_ASSERT(corpus_find(c, corpus_str(c, corpus_entry(c, i)->id)) >= 0 ||
			    !*corpus_str(c, corpus_entry(c, i)->id));
	}
	if (cfilter_parse(&f, "level>=C tag=PREL text~'(?i)minister' date>=2000", err, sizeof(err))) {
		FUZZ_ASSERT(corpus_select(c, &f, SORT_DATE, false, &rows, &cap) <= n);
		cfilter_free(&f);
	}
	FUZZ_ASSERT(corpus_select(c, NULL, SORT_LEVEL, true, &rows, &cap) == n);
	free(rows);
	corpus_free(c);
	close(fd);
}

/* The bytes as two pieces of one dump, cut where the first byte says. */
static void run_pieces(const uint8_t *data, size_t size)
{
	struct dump *d = dump_new();
	struct dump_item it;
	size_t cut = size ? (size_t)data[0] * size / 256 : 0;
	struct str a = str_make((const char *)data, cut), b = str_make((const char *)data + cut, size - cut);
	size_t records = 0;

	dump_piece(d, "cables.csv.aa", a);
	while (dump_next(d, &it))
		records += it.kind == DUMP_RECORD;
	if (dump_open(d) && dump_continues(d, "cables.csv.ab", b)) {
		dump_piece(d, "cables.csv.ab", b);
		while (dump_next(d, &it)) {
			if (it.kind == DUMP_RECORD) {
				FUZZ_ASSERT(it.bytes.n == it.length);
				FUZZ_ASSERT(it.raw.nfields <= CSV_COLUMNS || !it.cut);
				records++;
			}
		}
	}
	if (dump_finish(d, &it) && it.kind == DUMP_RECORD) {
		FUZZ_ASSERT(it.cut);
		records++;
	}
	FUZZ_ASSERT(records <= size);
	dump_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str in = str_make((const char *)data, size);
	struct buf out = { NULL, 0, 0 }, rec_buf = { NULL, 0, 0 };
	struct source_stats st;
	struct source_reader *r;
	struct csv csv;
	struct csv_record rec;
	const char *err;
	enum csv_status s;

	csv_open(&csv, in);
	while ((s = csv_next(&csv, &rec_buf, &rec, &err)) != CSV_EOF) {
		if (s == CSV_OK)
			FUZZ_ASSERT(rec.offset + rec.length <= size);
	}
	memset(&st, 0, sizeof(st));
	st.report = quiet;
	r = source_reader_new(export_record, &out, &st);
	source_reader_buffer(r, "fuzz.csv", in, false);
	source_reader_free(r);
	run_corpus(data, size);
	run_pieces(data, size);
	buf_free(&out);
	buf_free(&rec_buf);
	return 0;
}
