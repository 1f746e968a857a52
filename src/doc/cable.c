/* cable.c -- the document model's bookkeeping */
#include "config.h"
#include "doc/cable.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void cable_init(struct cable *c)
{
	memset(c, 0, sizeof(*c));
}

void cable_free(struct cable *c)
{
	arena_free(&c->arena);
	memset(c, 0, sizeof(*c));
}

void cable_reset(struct cable *c)
{
	struct arena a = c->arena;

	arena_reset(&a);
	memset(c, 0, sizeof(*c));
	c->arena = a;
}

/* The repair @tmp kept once among the warnings (and the cautions when
 * @trust). */
static void warn(struct cable *c, const char *tmp, bool trust)
{
	struct str *w;

	/* the same repair made twice is said once */
	for (size_t i = 0; i < c->nwarnings; i++)
		if (str_eq_c(c->warnings[i], tmp))
			return;
	if (c->nwarnings == c->cap_warnings) {
		size_t cap = c->cap_warnings ? c->cap_warnings * 2 : 8;

		c->warnings = arena_grow(&c->arena, c->warnings, c->nwarnings, cap, sizeof(*w));
		c->cap_warnings = cap;
	}
	w = &c->warnings[c->nwarnings++];
	*w = arena_strdup(&c->arena, str_c(tmp));
	if (!trust)
		return;
	if (c->ncautions == c->cap_cautions) {
		size_t cap = c->cap_cautions ? c->cap_cautions * 2 : 4;

		c->cautions = arena_grow(&c->arena, c->cautions, c->ncautions, cap, sizeof(*c->cautions));
		c->cap_cautions = cap;
	}
	c->cautions[c->ncautions++] = *w;
}

void cable_warn(struct cable *c, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;

	if (c->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	warn(c, tmp, false);
}

void cable_caution(struct cable *c, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;

	if (c->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	warn(c, tmp, true);
}

/* Appends a zeroed item to an arena-backed array. */
static void *push(struct arena *a, void **arr, size_t *n, size_t *cap, size_t elem)
{
	char *item;

	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;

		*arr = arena_grow(a, *arr, *n, nc, elem);
		*cap = nc;
	}
	item = (char *)*arr + *n * elem;
	memset(item, 0, elem);
	(*n)++;
	return item;
}

struct field *cable_add_field(struct cable *c, struct field **arr, size_t *n, size_t *cap)
{
	return push(&c->arena, (void **)arr, n, cap, sizeof(**arr));
}

struct reference *cable_add_ref(struct cable *c)
{
	return push(&c->arena, (void **)&c->refs, &c->nrefs, &c->cap_refs, sizeof(*c->refs));
}

struct paragraph *cable_add_para(struct cable *c)
{
	struct paragraph *p = push(&c->arena, (void **)&c->paras, &c->nparas, &c->cap_paras,
				   sizeof(*c->paras));

	p->section = -1;
	return p;
}

struct section *cable_add_section(struct cable *c)
{
	return push(&c->arena, (void **)&c->sections, &c->nsections, &c->cap_sections,
		    sizeof(*c->sections));
}

const struct paragraph *cable_para_by_number(const struct cable *c, int n)
{
	for (size_t i = 0; i < c->nparas; i++)
		if (c->paras[i].number == n)
			return &c->paras[i];
	return NULL;
}

const char *cable_format_name(enum cable_format f)
{
	switch (f) {
	case FORMAT_HTML: return "html";
	case FORMAT_CSV: return "csv";
	case FORMAT_TEXT: break;
	}
	return "text";
}

struct span cable_span(const struct cable *c, struct str s)
{
	if (!s.p || s.p < c->text.p || s.p + s.n > c->text.p + c->text.n)
		return (struct span){ SPAN_NONE, 0 };
	return (struct span){ (uint32_t)(s.p - c->text.p), (uint32_t)s.n };
}

const struct paragraph *cable_para_by_address(const struct cable *c, struct str a)
{
	/* any case: ":4A" is ¶4a */
	for (size_t i = 0; i < c->nparas; i++)
		if (str_ieq(a, c->paras[i].address))
			return &c->paras[i];
	return NULL;
}
