#!/bin/sh
# bench-redraw.sh [CABLE] -- how long the reader takes to handle a key and
# redraw: a scripted run of 3,000 keys (moves, paging, search, filters,
# resizes) on one cable, each key timed from its arrival to the end of the
# redraw (PILCROW_TIMING).  Prints the median, the 95th percentile and the
# worst.  The default cable is the largest real one beside the project, or
# else the largest sample.
#
#   make bench-redraw
#   BENCH_CABLE=path/to/cable make bench-redraw
set -eu
: "${PILCROW:=src/pilcrow}"
: "${BENCH_DIR:=tests/bench/out}"
: "${srcdir:=.}"
mkdir -p "$BENCH_DIR"
cable=${1:-${BENCH_CABLE:-}}
if [ -z "$cable" ]; then
	for d in "$srcdir/../shared/cables/txt" "$srcdir/../shared/cables/html" "$srcdir/data/cables"; do
		[ -d "$d" ] || continue
		for f in "$d"/*; do
			[ -f "$f" ] || continue
			n=$("$PILCROW" --json "$f" 2> /dev/null | awk '{ n += length($0) } END { print n + 0 }')
			if [ -z "$cable" ] || [ "$n" -gt "$best" ]; then
				cable=$f
				best=$n
			fi
		done
		[ -n "$cable" ] && break
	done
fi
script=$BENCH_DIR/redraw.script
awk 'BEGIN {
	srand(7)
	print "size 50 160"
	split("j k j j <Space> b <PgDn> <PgUp> <C-d> <C-u> G g ] [ } { n N <Tab> <Tab> H H", keys, " ")
	for (i = 0; i < 3000; i++) {
		if (i == 100) print "type /the<Enter>"
		if (i % 500 == 250) printf "size %d %d\n", 24 + i % 30, 80 + i % 90
		printf "keys %s\n", keys[1 + int(rand() * 22)]
	}
}' > "$script"
times=$BENCH_DIR/redraw.times
LANG=C.UTF-8 TERM=xterm-256color PILCROW_SCRIPT=$script PILCROW_TIMING=$times PILCROW_MARKS=$BENCH_DIR/marks \
	"$PILCROW" "$cable" > /dev/null
paras=$("$PILCROW" --json "$cable" | awk -F '"number":' '{ print NF - 1 }')
sort -g "$times" | awk -v cable="$cable" -v paras="$paras" '{ t[NR] = $1 } END {
	printf "cable: %s (%d paragraphs)\n", cable, paras
	printf "keys: %d   median: %.3f ms   p95: %.3f ms   worst: %.3f ms\n", NR,
		t[int((NR + 1) / 2)] * 1000, t[int(NR * 0.95)] * 1000, t[NR] * 1000 }'
