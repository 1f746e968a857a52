/* grep.c -- hits in context */
#include "config.h"
#include "base/json.h"
#include "report/grep.h"

#include <string.h>

#include "doc/marking.h"
#include "base/text.h"
#include "base/util.h"

/* @s made one line and added to @out: sanitised, every run of blanks and
 * line breaks one space. */
static void one_line(struct buf *out, struct str s)
{
	struct buf t = { 0 };
	bool blank = false;

	text_sanitize(s, &t, SANITIZE_KEEP_NEWLINES);
	for (size_t i = 0; i < t.n; i++) {
		char c = t.p[i];
		bool is_blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';

		if (is_blank && blank)
			continue;
		buf_addc(out, is_blank ? ' ' : c);
		blank = is_blank;
	}
	buf_free(&t);
}

static bool continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

struct collect {
	const struct cable *c;
	int para;               /* -1: the header */
	struct str head;
	size_t n;
	void (*fn)(const struct hit *h, void *ud);
	void *ud;
};

static void found(size_t start, size_t len, void *ud)
{
	struct collect *k = ud;
	struct str t = k->para < 0 ? k->head : k->c->paras[k->para].text;
	struct hit h;
	size_t from = start > GREP_CONTEXT ? start - GREP_CONTEXT : 0, to = start + len + GREP_CONTEXT;

	if (to > t.n)
		to = t.n;
	/* the context starts and ends at a character, and at a word when it can */
	while (from > 0 && continuation(t.p[from]))
		from--;
	while (to < t.n && continuation(t.p[to]))
		to++;
	if (from > 0) {
		size_t w = from;

		while (w < start && t.p[w] != ' ' && t.p[w] != '\n')
			w++;
		if (w < start)
			from = w + 1;
	}
	if (to < t.n) {
		size_t w = to;

		while (w > start + len && t.p[w - 1] != ' ' && t.p[w - 1] != '\n')
			w--;
		if (w > start + len)
			to = w - 1;
	}
	memset(&h, 0, sizeof(h));
	h.para = k->para;
	h.start = start;
	h.len = len;
	if (from > 0)
		buf_adds(&h.before, "\xE2\x80\xA6");
	one_line(&h.before, str_make(t.p + from, start - from));
	one_line(&h.match, str_make(t.p + start, len));
	one_line(&h.after, str_make(t.p + start + len, to - start - len));
	if (to < t.n)
		buf_adds(&h.after, "\xE2\x80\xA6");
	k->fn(&h, k->ud);
	k->n++;
	buf_free(&h.before);
	buf_free(&h.match);
	buf_free(&h.after);
}

/* What finds the matches in a text: an expression, or a filter's term. */
typedef size_t (*finder)(const void *what, struct str text, void (*fn)(size_t start, size_t len, void *ud), void *ud);

static size_t find_re(const void *what, struct str text, void (*fn)(size_t start, size_t len, void *ud), void *ud)
{
	return search_all(what, text, (size_t)-1, fn, ud);
}

static size_t find_term(const void *what, struct str text, void (*fn)(size_t start, size_t len, void *ud), void *ud)
{
	return cf_find(what, text, fn, ud);
}

static size_t grep_with(const struct cable *c, finder find, const void *what, void (*fn)(const struct hit *h, void *ud),
			void *ud)
{
	struct collect k = { c, -1, STR_NULL, 0, fn, ud };

	/* the header, before the first paragraph (a filter's words are found
	 * there too: the subject, the Classified By line) */
	k.head = str_make(c->text.p, c->nparas ? MIN((size_t)c->paras[0].at.off, c->text.n) : c->text.n);
	find(what, k.head, found, &k);
	for (size_t i = 0; i < c->nparas; i++) {
		k.para = (int)i;
		find(what, c->paras[i].text, found, &k);
	}
	return k.n;
}

size_t grep_cable(const struct cable *c, const struct search *re, void (*fn)(const struct hit *h, void *ud),
		  void *ud)
{
	return grep_with(c, find_re, re, fn, ud);
}

size_t grep_cable_term(const struct cable *c, const struct cf_term *t, void (*fn)(const struct hit *h, void *ud),
		       void *ud)
{
	return grep_with(c, find_term, t, fn, ud);
}

static void marking_of(const struct paragraph *p, char *out, size_t size)
{
	out[0] = '\0';
	if (p && p->marking.level)
		marking_format_portion(&p->marking, out, size);
}

void grep_line(struct buf *out, const struct cable *c, const struct hit *h)
{
	const struct paragraph *p = h->para >= 0 ? &c->paras[h->para] : NULL;
	char mark[96];
	struct buf id = { 0 };

	marking_of(p, mark, sizeof(mark));
	text_sanitize(str_c(c->id[0] ? c->id : "(no id)"), &id, 0);
	buf_printf(out, "%.*s %s%s%s%s%s: %.*s[%.*s]%.*s\n", (int)id.n, id.p, p ? "\xC2\xB6" : "",
		   p ? p->address : "header", mark[0] ? " (" : "",
		   mark, mark[0] ? ")" : "", (int)h->before.n, h->before.p ? h->before.p : "", (int)h->match.n,
		   h->match.p ? h->match.p : "", (int)h->after.n, h->after.p ? h->after.p : "");
	buf_free(&id);
}

void grep_json(struct buf *out, const struct cable *c, const struct hit *h)
{
	const struct paragraph *p = h->para >= 0 ? &c->paras[h->para] : NULL;
	char mark[96];

	marking_of(p, mark, sizeof(mark));
	buf_adds(out, "{\"id\":");
	json_string(out, str_c(c->id));
	buf_adds(out, ",\"date\":");
	json_string(out, str_c(c->date));
	buf_adds(out, ",\"origin\":");
	json_string(out, c->origin.text);
	buf_adds(out, ",\"paragraph\":");
	if (p)
		json_string(out, str_c(p->address));
	else
		buf_adds(out, "null");      /* in the header */
	buf_adds(out, ",\"marking\":");
	json_string(out, str_c(mark));
	buf_printf(out, ",\"start\":%zu,\"length\":%zu,\"before\":", h->start, h->len);
	json_string(out, buf_str(&h->before));
	buf_adds(out, ",\"match\":");
	json_string(out, buf_str(&h->match));
	buf_adds(out, ",\"after\":");
	json_string(out, buf_str(&h->after));
	buf_adds(out, "}\n");
}
