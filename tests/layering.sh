#!/bin/sh
# layering.sh -- the folders of src/ are layers, lowest first; a file
# includes only from its own folder and the folders before it, and names
# the folder ("corpus/corpus.h"), so that the parser never reaches the
# corpus nor the core the screens.  Fails on an include against the order,
# a project header included without its folder, and a source file that
# lies in no layer.
. "${srcdir:-.}/tests/lib.sh"
cd "$srcdir/src" || exit 99

order="base doc parse source workspace search corpus corpus/fts corpus/select report views ui ui/screens cli"

# rank FOLDER: its place in the order, or nothing
rank() {
	i=0
	for l in $order; do
		[ "$l" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
}

bad=$tmp/bad
: > "$bad"
for f in $(find . -name '*.[ch]' -o -name '*.def' | sed 's|^\./||' | sort); do
	case $f in */*) ;; *) echo "$f: lies in no layer" >> "$bad"; continue ;; esac
	folder=${f%/*}
	mine=$(rank "$folder")
	if [ -z "$mine" ]; then
		echo "$f: $folder is not a layer" >> "$bad"
		continue
	fi
	grep -o '^#include "[^"]*"' "$f" | sed 's/#include "//; s/"$//' | while read -r inc; do
		case $inc in
		config.h) continue ;;
		*/*) ;;
		*) echo "$f: includes $inc without its folder" >> "$bad"; continue ;;
		esac
		theirs=$(rank "${inc%/*}")
		if [ -z "$theirs" ]; then
			echo "$f: includes $inc, in no layer" >> "$bad"
		elif [ "$theirs" -gt "$mine" ]; then
			echo "$f: includes $inc, a layer above its own ($folder)" >> "$bad"
		fi
	done
done
check "every include goes down the layers ($(wc -l < "$bad") against: $(head -n 3 "$bad" | tr '\n' ';'))" [ ! -s "$bad" ]

# and the layers themselves: the document library needs no SQLite, PCRE2 nor
# threads, the core no ncurses
for l in base doc parse source; do
	check "$l holds no SQLite, PCRE2, pthread nor curses include" \
		sh -c "! grep -rlE '#include <(sqlite3|pcre2|pthread|curses|ncurses)' $l"
done
for l in workspace search corpus report views; do
	check "$l holds no curses include" sh -c "! grep -rlE '#include <n?curses' $l"
done
finish
