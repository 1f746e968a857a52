/* opts.c -- the command line read: the options (one table, for parsing
 * and for --help), their values checked, --grep's words added to the
 * filter, the paths (the samples when none) */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/util.h"
#include "doc/ids.h"
#include "search/filter.h"
#include "search/search.h"
#include "ui/keys.h"
#include "ui/keys_where.h"
#include "ui/settings.h"
#include "workspace/ws_export.h"
#include "cli/cli.h"

/* Options with no letter of their own. */
enum { OPT_FRESH = 256, OPT_CITE, OPT_COLLECTION, OPT_DUMP_CONFIG, OPT_COUNT, OPT_FORMAT, OPT_TOP, OPT_IMPORT_IDS, OPT_SEARCH,
       OPT_THREAD, OPT_DIFF, OPT_LAYOUT };

/* The command-line options: one row each, the single source for parsing
 * and for --help. */
#define OPTIONS(X) \
	X("json", no_argument, 'j', NULL, "write the cables as JSON Lines, one object per cable") \
	X("text", no_argument, 't', NULL, "write a plain-text rendering, for pipes") \
	X("width", required_argument, 'w', "N", "wrap --text at N columns (default: the terminal, or 80)") \
	X("stats", no_argument, 's', NULL, "the corpus at a glance: cables a year, top origins and TAGS, levels, caveats, signers, classifiers, addressees, people (--json: JSON)") \
	X("top", required_argument, OPT_TOP, "N", "--stats: the top N origins, TAGS and people (all: every one; 12 without)") \
	X("grep", required_argument, 'g', "WORDS", "print each hit in context: ID ¶N (C): ...[match]... (~REGEX: an expression)") \
	X("filter", required_argument, 'f', "EXPR", "only the cables that pass EXPR (level>=S tag=PREL ...)") \
	X("search", required_argument, OPT_SEARCH, "NAME", "the saved search NAME (= in the cable list saves one): its filter and order, with --filter's terms") \
	X("index", no_argument, 'x', NULL, "build the full-text index of the dump given (its progress on standard error, when a terminal)") \
	X("no-index", no_argument, 'N', NULL, "neither use nor build a full-text index: every search scans") \
	X("id", required_argument, 'i', "ID", "only the cable ID (--json, --text), or open at it") \
	X("no-color", no_argument, 'C', NULL, "reader: no colour, bold and reverse only (also NO_COLOR)") \
	X("no-mouse", no_argument, 'M', NULL, "reader: do not take the mouse") \
	X("fresh", no_argument, OPT_FRESH, NULL, "reader: start clean, not at the cable, filter and order left last time") \
	X("cite", no_argument, OPT_CITE, NULL, "--text: each cable's citation before its text") \
	X("thread", required_argument, OPT_THREAD, "ID", "print the thread of cable ID: what it cites and what cites it, as a tree (--json: its nodes and edges)") \
	X("diff", no_argument, OPT_DIFF, NULL, "compare two texts of one cable: --diff A B (two files), or --diff --id ID (its versions among the inputs); word by word, [-out-] {+in+}; exit 0 when the words are the same, 1 when they differ") \
	X("layout", no_argument, OPT_LAYOUT, NULL, "--diff: show the layout differences too (quotes, wrapping, ¶ against 1.), which are otherwise only counted") \
	X("count", required_argument, OPT_COUNT, "FILE", "count the cables each filter of FILE passes, a filter a line (-: standard input)") \
	X("format", required_argument, OPT_FORMAT, "FORMAT", "--count: tsv (COUNT<TAB>FILTER, the default) or csv (with a header row)") \
	X("export", required_argument, 'e', "FORMAT", "write the marks and notes: markdown, csl-json, bibtex, text, jsonl") \
	X("import-ids", required_argument, OPT_IMPORT_IDS, "FILE", "put the cables of FILE's ids (an id a line) into --collection NAME; the ids not found are said") \
	X("collection", required_argument, OPT_COLLECTION, "NAME", "--export: only collection NAME (marks: what m marked)") \
	X("output", required_argument, 'o', "FILE", "--export: write FILE (whole or not at all) instead of standard output") \
	X("dump-config", no_argument, OPT_DUMP_CONFIG, NULL, "print the config file's defaults (every setting, key and colour) and exit") \
	X("help", no_argument, 'h', NULL, "show this help and exit") \
	X("version", no_argument, 'V', NULL, "show the version and exit")


static void option_line(FILE *f, int ch, const char *name, const char *arg, const char *help)
{
	char left[48];

	if (ch < 256)
		snprintf(left, sizeof(left), "-%c, --%s%s%s", ch, name, arg ? " " : "", arg ? arg : "");
	else
		snprintf(left, sizeof(left), "    --%s%s%s", name, arg ? " " : "", arg ? arg : "");
	fprintf(f, "  %-22s %s\n", left, help);
}

static void usage(FILE *f)
{
	fprintf(f, "Usage: pilcrow [OPTION]... [PATH]...\n"
		   "Read US diplomatic cables: single cables (text), WikiLeaks cable pages (HTML),\n"
		   "folders of them, or the cables.csv dump.  PATH \"-\" reads standard input.\n"
		   "With no PATH, opens the sample cables that come with pilcrow.\n\n"
		   "Options:\n");
#define X(name, arg, ch, argname, help) option_line(f, ch, name, argname, help);
	OPTIONS(X)
#undef X
	fprintf(f, "\nFilters (--filter, and f in the cable list): terms that must all hold,\n"
		   "  level=C level>=S caveat=NOFORN origin=ROME|PARIS tag=PREL|PGOV id=04ROME3933\n"
		   "  date>=2005-01 date<2006-06-30 cites=ID cited-by=ID subject~REGEX text~REGEX\n"
		   "  iran \"nuclear program\" presid* (the text, as words)  !tag=PREL -iran (not)\n"
		   "  near=\"iran nuclear/5\" (words within 5 of each other; 10 without /N)\n"
		   "  para=S para>=C para=S//NF (a paragraph at that marking; words must stand in one)\n"
		   "  signer=NAME classified-by=WORDS person=NAME (person TAGS) from=POST to=POST\n"
		   "  info=POST addressee=POST (TO or INFO) (names as words, any order: to=USUN)\n"
		   "  serial=ROME:3900..3950 serial=ROME:3933 (a post's serials, in any year)\n"
		   "  thread=ID (the cables of ID's thread, as --thread draws it)\n"
		   "  versions>1 (more than one text of the cable among the inputs)\n"
		   "  redacted (x's or \"[Source removed]\" in its text; text=redacted: the word)\n"
		   "  sort=date|id|origin|level|relevance (the order; relevance: by the text index)\n"
		   "  marked noted opened !opened collection=NAME (your marks, notes, reading)\n"
		   "  note=WORDS note~REGEX (the cables whose notes, yours, hold them)\n"
		   "  id=@FILE (the cables of a file's ids, an id a line)\n"
		   "  (operators = != < <= > >= ~; quote values with blanks; | between alternatives)\n"
		   "Case and diacritics never count unless a pattern starts with (?-i).\n");
	fprintf(f, "\nKeys (where:");
	for (int w = 0; w < WHERE_COUNT; w++)
		fprintf(f, " %s%s", where_names[w], w + 1 < WHERE_COUNT ? "," : "):\n");
#define KEY(a, where, keys, help, ...) fprintf(f, "  %-8s %-20s %s\n", where_names[where], keys, help);
#include "ui/keys.def"
#undef KEY
	fprintf(f, "\nWithout --json or --text, and with a terminal, pilcrow opens the reader;\n"
		   "otherwise it writes --text.\n"
		   "Exit status: 0 when a cable was read, 1 when none could be, 2 for bad usage, 3 when a\n"
		   "pattern gave up on some cables (too costly there: the answer is not whole), 4 when\n"
		   "an input was cut short, grown or written to while it was read.\n"
		   "See pilcrow(1) for the JSON format.\n");
}

static const char *sample_dir(void)
{
	static const char *const dirs[] = { PKGDATADIR "/cables", SRCDATADIR "/cables" };
	const char *env = getenv("PILCROW_DATADIR");
	static char buf[PATH_MAX];
	struct stat sb;

	if (env && *env) {
		snprintf(buf, sizeof(buf), "%s/cables", env);
		return buf;
	}
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (stat(dirs[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			return dirs[i];
	return dirs[0];
}

static int terminal_width(void)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (cols && atoi(cols) > 0)
		return atoi(cols);
	return 80;
}

/* --grep's words: the cables that hold them are chosen first, by the
 * filter's rules (from the text index, when the dump has one); only those
 * are searched for the hits.  False (said) when the pattern is wrong. */
static bool grep_words(struct opts *o)
{
	char err[256];

	if (o->mode == MODE_TEXT) {
		fprintf(stderr, "pilcrow: --grep writes lines of its own: --json for objects, not --text\n");
		return false;
	}
	o->grep_re = o->grep[0] == '~' ? search_new(o->grep + 1, err, sizeof(err))
				       : search_new_words(o->grep, err, sizeof(err));
	if (!o->grep_re || !o->grep[o->grep[0] == '~']) {
		fprintf(stderr, "pilcrow: --grep: %s\n", o->grep_re ? "an empty pattern" : err);
		return false;
	}
	if (o->mode == MODE_READER)
		o->mode = MODE_TEXT;
	if (o->grep[0] != '~' && !strchr(o->grep, '"') && strlen(o->grep) < 400) {
		char *both = xasprintf("%s text=\"%s\"", o->filter_text ? o->filter_text : "", o->grep);
		struct cfilter f;

		if (cfilter_parse(&f, both, err, sizeof(err))) {
			o->user_filter = !cfilter_empty(&o->filter);
			cfilter_free(&o->filter);
			o->filter = f;
			o->grep_chose = true;
		}
		free(both);
	}
	return true;
}

/* --search NAME: the saved search's filter, its order as a sort= term,
 * and --filter's terms after them; false (said) when there is no such
 * search. */
static bool saved_search(struct opts *o)
{
	struct workspace *ws = cli_open_workspace();
	struct ws_search s, *all = NULL;
	struct buf b = { 0 };
	struct cfilter f;
	char err[256];
	size_t n;

	if (!ws_search_get(ws, o->search, &s)) {
		n = ws_searches(ws, &all);
		for (size_t i = 0; i < n && b.n < 300; i++)
			buf_printf(&b, "%s%s", i ? ", " : "saved: ", all[i].name);
		if (!n)
			buf_adds(&b, "none yet: = in the cable list saves one");
		buf_addc(&b, '\0');
		fprintf(stderr, "pilcrow: --search: no saved search '%s' (%s)\n", o->search, b.p);
		free(all);
		buf_free(&b);
		ws_close(ws);
		return false;
	}
	ws_close(ws);
	buf_adds(&b, s.filter);
	/* the order, unless the filter says its own */
	if (cfilter_parse(&f, s.filter, err, sizeof(err))) {
		if (f.sort < 0 && ((*s.sort && strcmp(s.sort, "file") != 0) || s.reverse))
			buf_printf(&b, " sort=%s%s", s.reverse ? "-" : "", *s.sort ? s.sort : "file");
		cfilter_free(&f);
	}
	if (o->filter_text && *o->filter_text)
		buf_printf(&b, " %s", o->filter_text);
	o->search_filter = b.p;
	o->filter_text = o->search_filter;
	return true;
}

/* The options' values checked and made ready; -1 to go on, or the exit
 * status (2: bad usage). */
static int ready(struct opts *o)
{
	char err[256];

	if (!o->width)
		o->width = terminal_width();
	if (o->search && !saved_search(o))
		return 2;
	if (!cfilter_parse(&o->filter, o->filter_text ? o->filter_text : "", err, sizeof(err))) {
		fprintf(stderr, "pilcrow: %s: %s\n", o->search ? "--search" : "--filter", err);
		return 2;
	}
	if (o->grep && !grep_words(o))
		return 2;
	if (o->import_ids && (!o->collection || !*o->collection)) {
		fprintf(stderr, "pilcrow: --import-ids wants --collection NAME: the collection to put the cables into\n");
		return 2;
	}
	if (o->count_file && (o->stats || o->grep || o->export_fmt || o->index || o->filter_text)) {
		fprintf(stderr, "pilcrow: --count goes alone: each line of its file is a filter\n");
		return 2;
	}
	if (o->thread && (o->stats || o->grep || o->export_fmt || o->index || o->filter_text || o->count_file ||
			  o->mode == MODE_TEXT || o->id)) {
		fprintf(stderr, "pilcrow: --thread goes alone, or with --json\n");
		return 2;
	}
	if (o->diff && (o->stats || o->grep || o->export_fmt || o->index || o->filter_text || o->count_file ||
			o->thread || o->mode != MODE_READER || o->import_ids || o->search)) {
		fprintf(stderr, "pilcrow: --diff goes alone, or with --id and --layout\n");
		return 2;
	}
	if (o->layout && !o->diff) {
		fprintf(stderr, "pilcrow: --layout goes with --diff\n");
		return 2;
	}
	if (o->stats && (o->grep || o->mode == MODE_TEXT)) {
		fprintf(stderr, "pilcrow: --stats goes alone, or with --json and --filter\n");
		return 2;
	}
	/* the reader needs a terminal to draw on; a pipe gets --text */
	if (o->mode == MODE_READER && !o->stats && !o->thread && !o->diff && !(isatty(STDOUT_FILENO) || getenv("PILCROW_SCRIPT")))
		o->mode = MODE_TEXT;
	return -1;
}

/* The options whose values are checked (or made) as they are read: -1
 * when @ch is one of them and its value is right, the status (2) when it
 * is wrong, 0 when @ch is another option. */
static int checked_value(struct opts *o, int ch)
{
	switch (ch) {
	case 'w': {
		char *end;
		long w = strtol(optarg, &end, 10);

		if (*end || w < 20 || w > 1000) {
			fprintf(stderr, "pilcrow: --width wants a number from 20 to 1000, not '%s'\n", optarg);
			return 2;
		}
		o->width = (int)w;
		break;
	}
	case 'i':
	case OPT_THREAD: {
		char up[ID_MAX];
		size_t k = 0;
		bool odd;

		/* "2004ROME03933" or "04rome3933" finds 04ROME3933 */
		for (; optarg[k] && k + 1 < sizeof(up); k++)
			up[k] = (char)to_upper((unsigned char)optarg[k]);
		up[k] = '\0';
		if (ch == 'i') {
			id_canonical(str_c(up), o->idbuf, &odd);
			o->id = o->idbuf;
		} else {
			id_canonical(str_c(up), o->threadbuf, &odd);
			o->thread = o->threadbuf;
		}
		break;
	}
	case OPT_TOP: {
		char *end;
		long t = strtol(optarg, &end, 10);

		if (strcmp(optarg, "all") == 0) {
			o->top = (size_t)-1;
		} else if (*end || t < 1 || t > 1000000) {
			fprintf(stderr, "pilcrow: --top wants a number from 1, or all, not '%s'\n", optarg);
			return 2;
		} else {
			o->top = (size_t)t;
		}
		break;
	}
	case OPT_FORMAT:
		if (strcmp(optarg, "tsv") != 0 && strcmp(optarg, "csv") != 0) {
			fprintf(stderr, "pilcrow: --format: tsv or csv, not '%s'\n", optarg);
			return 2;
		}
		o->csv = optarg[0] == 'c';
		break;
	case 'e':
		if (!ws_export_known(optarg)) {
			fprintf(stderr, "pilcrow: --export: no format '%s' (formats: markdown csl-json bibtex text jsonl ids)\n",
				optarg);
			return 2;
		}
		o->export_fmt = optarg;
		break;
	default:
		return 0;
	}
	return -1;
}

void cli_options_free(struct opts *o)
{
	cfilter_free(&o->filter);
	search_free(o->grep_re);
	free(o->search_filter);
	o->grep_re = NULL;
	o->search_filter = NULL;
}

int cli_options(int argc, char **argv, struct opts *o, char ***paths, size_t *n)
{
	static const struct option longopts[] = {
#define X(name, arg, ch, argname, help) { name, arg, NULL, ch },
		OPTIONS(X)
#undef X
		{ NULL, 0, NULL, 0 }
	};
	static char *def[1];
	int ch, status;

	memset(o, 0, sizeof(*o));
	while ((ch = getopt_long(argc, argv, "jtw:f:i:CMhVsg:xNe:o:", longopts, NULL)) != -1) {
		status = checked_value(o, ch);
		if (status > 0)
			return status;
		if (status < 0)
			continue;
		switch (ch) {
		case 'j':
		case 't':
			if (o->mode != MODE_READER && o->mode != (ch == 'j' ? MODE_JSON : MODE_TEXT)) {
				fprintf(stderr, "pilcrow: --json and --text cannot be used together\n");
				return 2;
			}
			o->mode = ch == 'j' ? MODE_JSON : MODE_TEXT;
			break;
		case 'f': o->filter_text = optarg; break;
		case 'g': o->grep = optarg; break;
		case 's': o->stats = true; break;
		case 'x': o->index = true; break;
		case 'N': o->no_index = true; break;
		case 'C': o->no_color = true; break;
		case OPT_FRESH: o->fresh = true; break;
		case OPT_DIFF: o->diff = true; break;
		case OPT_LAYOUT: o->layout = true; break;
		case OPT_DUMP_CONFIG: {
			struct buf out = { 0 };
			int bad;

			settings_dump(&out);
			bad = fwrite(out.p, 1, out.n, stdout) != out.n || fflush(stdout) != 0;
			buf_free(&out);
			return bad;
		}
		case OPT_CITE: o->cite = true; break;
		case OPT_COLLECTION: o->collection = optarg; break;
		case OPT_COUNT: o->count_file = optarg; break;
		case OPT_IMPORT_IDS: o->import_ids = optarg; break;
		case OPT_SEARCH: o->search = optarg; break;
		case 'o': o->output = optarg; break;
		case 'M': o->no_mouse = true; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("pilcrow %s\n", PACKAGE_VERSION); return 0;
		default:
			fprintf(stderr, "Try 'pilcrow --help' for more information.\n");
			return 2;
		}
	}
	status = ready(o);
	if (status >= 0) {
		cli_options_free(o);
		return status;
	}
	if (optind == argc && o->diff) {
		fprintf(stderr, "pilcrow: --diff wants two files, or --id ID and the inputs that hold its versions\n");
		cli_options_free(o);
		return 2;
	}
	if (optind == argc) {
		def[0] = (char *)sample_dir();
		*paths = def;
		*n = 1;
	} else {
		*paths = argv + optind;
		*n = (size_t)(argc - optind);
	}
	return -1;
}
