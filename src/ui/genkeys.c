/* genkeys.c -- prints the key table (keys.def) for the man page (roff), the
 * README (markdown) or as plain text; run at build time, so the manual cannot drift from the
 * keys the reader takes.  The key codes are not needed here: the macro
 * drops them. */
#include <stdio.h>
#include <string.h>

#include "ui/keys_where.h"

struct row {
	enum where where;
	const char *keys, *help;
};

static const struct row rows[] = {
#define KEY(action, where, keys, help, ...) { where, keys, help },
#include "ui/keys.def"
#undef KEY
};

/* roff needs its hyphens and backslashes escaped */
static void roff(const char *s)
{
	for (; *s; s++) {
		if (*s == '-' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
}

/* markdown table cells need their pipes escaped */
static void md(const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			putchar('\\');
		putchar(*s);
	}
}

int main(int argc, char **argv)
{
	int as_roff = argc > 1 && strcmp(argv[1], "--roff") == 0;
	int as_md = argc > 1 && strcmp(argv[1], "--markdown") == 0;

	if (as_md)
		puts("| where | keys | what they do |\n|---|---|---|");
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		if (as_md) {
			printf("| %s | ", where_names[rows[i].where]);
			md(rows[i].keys);
			fputs(" | ", stdout);
			md(rows[i].help);
			puts(" |");
		} else if (as_roff) {
			if (i == 0 || rows[i].where != rows[i - 1].where)
				printf(".SS %s\n", where_titles[rows[i].where]);
			fputs(".TP\n.B ", stdout);
			roff(rows[i].keys);
			putchar('\n');
			roff(rows[i].help);
			putchar('\n');
		} else {
			printf("%-8s %-20s %s\n", where_names[rows[i].where], rows[i].keys, rows[i].help);
		}
	}
	return 0;
}
