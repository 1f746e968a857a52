/* parse_subject.c -- a SUBJECT's value tidied: what the parser keeps, and
 * what the corpus index shows in the cable list, the same. */
#include "config.h"
#include "parse/parse_lines.h"

#include <string.h>

#include "base/entity.h"

struct str subject_tidy(struct str s, struct buf *out, struct marking *m, struct str *mark_at, unsigned *notes)
{
	long k;

	*notes = 0;
	memset(m, 0, sizeof(*m));
	*mark_at = STR_NULL;
	s = str_trim(s);
	/* "SUBJECT: SUBJECT: ...": the label written twice */
	while (str_istarts(s, "SUBJECT:")) {
		s = str_trim(str_make(s.p + 8, s.n - 8));
		*notes |= SUBJECT_TWICE;
	}
	/* a label later on its line: "... CAIRO REF: A. ..." */
	k = find_midline(s, 0);
	if (k >= 0) {
		s = str_trim(str_make(s.p, (size_t)k));
		*notes |= SUBJECT_CUT;
	}
	/* its own marking: "(C) ...", "(S/NF) ..." */
	if (s.n > 3) {
		const char *close = paren_marking(s, 32, m, NULL);

		if (close) {
			*mark_at = str_make(s.p, (size_t)(close - s.p) + 1);
			s = str_trim(str_make(close + 1, (size_t)(s.p + s.n - close - 1)));
		}
	}
	/* "... TEXT \ MORE TEXT \": the line ends of a database row */
	if (memchr(s.p, '\\', s.n)) {
		bool cut = false;

		buf_clear(out);
		for (size_t i = 0; i < s.n; i++) {
			if (s.p[i] == '\\' && (i + 1 == s.n || s.p[i + 1] == ' ') && (i == 0 || s.p[i - 1] == ' ')) {
				cut = true;
				continue;
			}
			if (s.p[i] == ' ' && out->n && out->p[out->n - 1] == ' ')
				continue;
			buf_addc(out, s.p[i]);
		}
		if (cut) {
			s = str_trim(buf_str(out));
			*notes |= SUBJECT_BACKSLASHES;
		}
	}
	/* "... CHILD Sensitive but": the handling caption glued on */
	for (;;) {
		static const char *const tails[] = { "SENSITIVE BUT UNCLASSIFIED", "SENSITIVE BUT", "SBU" };
		bool found = false;

		for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]) && !found; t++) {
			size_t n = strlen(tails[t]);

			if (s.n > n + 1 && s.p[s.n - n - 1] == ' ' && str_ieq(str_make(s.p + s.n - n, n), tails[t]) &&
			    (t < 2 || s.p[s.n - n] == 'S')) {
				s = str_trim(str_make(s.p, s.n - n));
				*notes |= SUBJECT_CAPTION;
				found = true;
			}
		}
		if (!found)
			break;
	}
	if (memchr(s.p, '&', s.n)) {
		struct buf tmp = { 0 };

		if (entity_decode(s, &tmp)) {
			buf_clear(out);
			buf_addstr(out, buf_str(&tmp));
			s = buf_str(out);
			*notes |= SUBJECT_ENTITIES;
		}
		buf_free(&tmp);
	}
	return s;
}
