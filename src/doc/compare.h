/* compare.h -- two texts of one cable compared, for the versions view and
 * --diff.  Each text is cut into blocks (the subject, the section titles,
 * the paragraphs, the trailer, the signer) and each block into words.
 * Blocks are aligned first by content (a text found once on each side),
 * then by address (¶4 with ¶4), the pairs kept in order; what lies between
 * two aligned pairs is compared word by word as one stretch, so that a
 * paragraph split or joined differently is no difference of words.
 *
 * Layout is folded: words are compared with curly quotes made straight,
 * the subject and the signer without letter case (a copy's layout wrote
 * them in capitals or not), x's whatever their number and case, wrapping
 * never counts, nor ¶ against "1.", nor a routing header given
 * on one side only.  Those differences are counted apart (compare.quotes,
 * wrapped, markers, breaks, routing_*) and shown when asked.
 *
 * A redaction is a word of x's (three or more, "xxxxxxxxxxxx",
 * "XXXXXXXXXXXX") or a bracketed note ending in removed, redacted,
 * withheld or deleted ("[Source removed]"); a run is such words one after
 * another.  A run inserted is a redaction added; one deleted, lifted.
 *
 * A text without paragraphs compares as one block, the whole text.
 *
 * Bounds: alignment is O(n log n) in blocks; a stretch of more than
 * COMPARE_WORDS_MAX words a side, or differing in more than
 * COMPARE_EDITS_MAX words, is not compared word by word: its old text is
 * deleted and its new inserted whole (kind CMP_WHOLE, and said). */
#ifndef PILCROW_COMPARE_H
#define PILCROW_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "doc/cable.h"

#define COMPARE_WORDS_MAX 20000
#define COMPARE_EDITS_MAX 2000

enum cmp_block_kind { CB_SUBJECT, CB_SECTION, CB_PARA, CB_TEXT, CB_TRAILER, CB_SIGNER };

struct cmp_tok {
	struct str raw;          /* as written */
	struct str norm;         /* as compared: quotes made straight */
	uint64_t h;              /* of norm */
	uint32_t block;          /* its block on its side */
	bool redact;             /* part of a redaction */
	bool run_start;          /* the first word of a redaction run */
	bool block_start;        /* the first word of its block */
};

struct cmp_block {
	enum cmp_block_kind kind;
	char label[48];          /* "¶4", "Subject", "§ RWANDA", "Signer" */
	const struct paragraph *p;   /* CB_PARA */
	size_t t0, t1;           /* its words */
	uint64_t h;              /* of its words as compared */
	uint64_t hraw;           /* of its words as written */
	uint32_t lines;          /* lines it takes in the source */
	bool pilcrow;            /* its number written with ¶ */
};

struct cmp_side {
	const struct cable *c;
	struct cmp_block *b;
	size_t nb, capb;
	struct cmp_tok *t;
	size_t nt, capt;
	size_t runs;             /* redaction runs */
};

enum cmp_op { OP_SAME, OP_DEL, OP_INS };

struct cmp_edit {
	enum cmp_op op;
	size_t a0, a1, b0, b1;   /* words: OP_SAME both, OP_DEL a, OP_INS b */
};

enum cmp_kind {
	CMP_SAME,                /* the same words, written the same */
	CMP_LAYOUT,              /* the same words; quotes, wrapping or markers differ */
	CMP_CHANGED,             /* words differ */
	CMP_WITHHELD,            /* blocks only in the first */
	CMP_ADDED,               /* blocks only in the second */
	CMP_WHOLE,               /* too large to compare word by word */
};

struct cmp_hunk {
	enum cmp_kind kind;
	size_t a0, a1, b0, b1;   /* blocks */
	size_t e0, e1;           /* its edits in compare.e */
	size_t del, ins;         /* words deleted, inserted */
	size_t added, lifted;    /* redaction runs */
	size_t quotes;           /* quote marks that alone differ */
	size_t cased;            /* words of the subject or signer whose case alone differs */
	size_t xforms;           /* redactions written with other x's ("XXXX", "xxxxxxxxxxxx") */
	bool wrapped, markers, breaks;   /* lines, ¶ or "1.", paragraph breaks */
};

struct compare {
	struct arena arena;
	struct cmp_side a, b;
	struct cmp_hunk *h;
	size_t nh, caph;
	struct cmp_edit *e;
	size_t ne, cape;
	size_t efloor;           /* the current hunk's first edit */
	/* totals */
	size_t added, lifted, quotes, cased, xforms, wrapped, markers, breaks, whole;
	size_t withheld, only_b, changed;  /* blocks withheld, added; hunks changed */
	bool routing_a, routing_b;
	bool same_words;         /* no word differs (layout aside) */
};

/* Compares @a with @b (both kept by the caller while @cmp is used). */
void compare_cables(struct compare *cmp, const struct cable *a, const struct cable *b);
void compare_free(struct compare *cmp);

/* Is @w (one word, punctuation around it allowed) x's that stand for
 * words removed? */
bool compare_is_xword(struct str w);

/* Does @c hold a redaction (its subject, section titles, paragraphs,
 * trailer or signer), as the comparison finds them? */
bool compare_has_redaction(const struct cable *c);

/* The summary: "¶4: 1 redaction added; ¶1, ¶3–¶5 withheld in B; 12
 * quote marks changed", the versions named @na and @nb.  Layout figures
 * only when @layout. */
void compare_summary(const struct compare *cmp, struct buf *out, const char *na, const char *nb);

/* The hunk's label: "¶4", "¶1–¶3", "¶2a → ¶2a–¶2c". */
void compare_hunk_label(const struct compare *cmp, const struct cmp_hunk *h, struct buf *out);

/* Hunk @h's words as they are shown, piece by piece to @fn: a block's
 * label where a block starts (its address, "Subject", "§" for a section
 * title), a marker opened before words out or in and closed after them,
 * each word (@op: out, in, or alike); with @layout the words that differ
 * in layout alone as out and in.  A word follows a blank unless it
 * follows an opened marker. */
enum cmp_piece { CP_LABEL, CP_OPEN, CP_CLOSE, CP_WORD };
typedef void (*compare_piece_fn)(enum cmp_piece piece, enum cmp_op op, struct str text, void *ud);
void compare_walk(const struct compare *cmp, const struct cmp_hunk *h, bool layout, compare_piece_fn fn, void *ud);

/* The comparison for pipes, in the manner of git diff --word-diff: a
 * hunk a paragraph, "[-deleted-]" and "{+inserted+}"; hunks of layout
 * only when @layout (their quotes then shown as changes). */
void compare_write(const struct compare *cmp, struct buf *out, bool layout);

/* A version named for people: its format, the date in its file's name
 * when there is one, the file (its name, or its whole path), and the
 * record's place in a dump: "html, 2010-12-03, 2010-12-03-9b83283.html". */
void compare_version_name(struct buf *out, struct str path, enum cable_format format, uint64_t offset,
			  bool whole_path);

#endif
