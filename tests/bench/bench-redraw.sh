#!/bin/sh
# bench-redraw.sh [CABLE] -- how long the reader takes to handle a key and
# redraw: a scripted run of 3,000 keys (moves, paging, search, filters,
# resizes, the continuous view) on one cable, each key timed from its
# arrival to the end of the redraw (PILCROW_TIMING).  Prints the median,
# the 95th percentile and the worst.  The default cable is the largest
# WikiLeaks page beside the project, or else the largest sample.
#
# Then the continuous view (v) of a cable of 100,000 paragraphs: every key
# of a run through it timed the same way (the target: none over 50 ms), and
# opening it at its end beside less +G on its --text.
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
	wl=$srcdir/../shared/cables/wikileaks
	if [ -d "$wl" ]; then
		cable=$(find "$wl" -name '*.html' -type f -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
	fi
	for d in "$srcdir/data/cables"; do
		[ -z "$cable" ] || break
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
	split("j k j j <Space> b <PgDn> <PgUp> <C-d> <C-u> G g ] [ } { n N <Tab> <Tab> H H v", keys, " ")
	for (i = 0; i < 3000; i++) {
		if (i == 100) print "type /the<Enter>"
		if (i % 500 == 250) printf "size %d %d\n", 24 + i % 30, 80 + i % 90
		printf "keys %s\n", keys[1 + int(rand() * 23)]
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

# the continuous view of 100,000 paragraphs
long=$BENCH_DIR/04ROME9999.txt
awk 'BEGIN { print "CONFIDENTIAL\nSECTION 01 OF 01 ROME 009999\n\nSUBJECT: ONE HUNDRED THOUSAND PARAGRAPHS\n"
	for (i = 1; i <= 100000; i++)
		printf "(C) Paragraph %d says something about Iraq and Iran, with enough words to wrap over two lines at eighty columns.\n\n", i }' > "$long"
awk 'BEGIN {
	print "size 50 160"
	print "keys v"
	for (i = 0; i < 400; i++) print "keys <Space>"
	print "keys G"
	for (i = 0; i < 200; i++) print "keys b"
	print "type :5000<Enter>"
	for (i = 0; i < 200; i++) print "keys j"
	print "type /Paragraph 99999<Enter>"
	print "keys g"
	print "keys ]"
}' > "$BENCH_DIR/flow.script"
LANG=C.UTF-8 TERM=xterm-256color PILCROW_SCRIPT=$BENCH_DIR/flow.script PILCROW_TIMING=$BENCH_DIR/flow.times \
	PILCROW_MARKS=$BENCH_DIR/marks "$PILCROW" "$long" > /dev/null
sort -g "$BENCH_DIR/flow.times" | awk '{ t[NR] = $1 } END {
	printf "continuous view, 100,000 paragraphs: keys: %d   median: %.3f ms   p95: %.3f ms   worst: %.3f ms\n", NR,
		t[int((NR + 1) / 2)] * 1000, t[int(NR * 0.95)] * 1000, t[NR] * 1000 }'

# opening it at its end, beside less +G on the same text (best of 5, seconds)
"$PILCROW" --text "$long" > "$BENCH_DIR/long.txt"
printf 'size 50 160\nkeys vG\n' > "$BENCH_DIR/end.script"
best() {
	b=
	for i in 1 2 3 4 5; do
		s=$(date +%s.%N)
		"$@" > /dev/null 2>&1
		e=$(date +%s.%N)
		b=$(echo "$s $e ${b:-999}" | awk '{ d = $2 - $1; print (d < $3 ? d : $3) }')
	done
	echo "$b"
}
p=$(best env LANG=C.UTF-8 TERM=xterm-256color PILCROW_SCRIPT="$BENCH_DIR/end.script" PILCROW_MARKS="$BENCH_DIR/marks" \
	"$PILCROW" "$long")
if command -v script > /dev/null && command -v less > /dev/null; then
	l=$(best sh -c "printf q | script -qfc 'stty rows 50 cols 160; less +G $BENCH_DIR/long.txt' /dev/null")
	printf 'open at the end: pilcrow v G %.3f s   less +G %.3f s\n' "$p" "$l"
else
	printf 'open at the end: pilcrow v G %.3f s   (no less or script here)\n' "$p"
fi
