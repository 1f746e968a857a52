#!/bin/sh
# bench-small.sh [DIR] -- a corpus under the 5,000 cables of the on-disk
# index: the WikiLeaks pages beside the project (or the samples), opened
# in the reader, get a text index in memory.  Measures how long it takes
# to be complete (PILCROW_STATS), then a word filter and a word filter
# ordered by relevance applied in the reader with it, beside the same
# filter with --no-index (every cable read) and grep -r -c -i -w over the
# same folder, in the same run; each the median of BENCH_RUNS.
#
#   make bench-small
set -eu
: "${PILCROW:=src/pilcrow}"
: "${BENCH_DIR:=tests/bench/out}"
: "${BENCH_RUNS:=3}"
: "${srcdir:=.}"
mkdir -p "$BENCH_DIR"
out=$(cd "$BENCH_DIR" && pwd)
dir=${1:-$srcdir/../shared/cables/wikileaks}
[ -d "$dir" ] || dir=$srcdir/data/cables
export LANG=C.UTF-8 TERM=xterm-256color PILCROW_WORKSPACE=$out/small.db
word=${BENCH_WORD:-minister}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }

# the index alone: the time its build took, as pilcrow measured it
printf 'size 40 160\nwait-index\n' > "$out/small.script"
for run in $(seq "$BENCH_RUNS"); do
	PILCROW_SCRIPT=$out/small.script PILCROW_STATS=$out/small.stats "$PILCROW" --fresh "$dir" > /dev/null
	awk '$1 == "text_index_ms" { print $2 }' "$out/small.stats"
done | median > "$out/small.index"
cables=$(awk '$1 == "cables" { print $2 }' "$out/small.stats")
# a filter in the reader: the key that applies it, to the end of its redraw
filter_ms() {           # filter_ms FILTER [--no-index]
	printf 'size 40 160\nwait-index\ntype f%s<Enter>\n' "$1" > "$out/small-filter.script"
	for run in $(seq "$BENCH_RUNS"); do
		PILCROW_SCRIPT=$out/small-filter.script PILCROW_TIMING=$out/small.times "$PILCROW" --fresh ${2:-} "$dir" > /dev/null
		sort -g "$out/small.times" | tail -1
	done | median | awk '{ printf "%.1f", $1 * 1000 }'
}
grep_ms=$(for run in $(seq "$BENCH_RUNS"); do
	t0=$(now)
	grep -r -c -i -w "$word" "$dir" > "$out/small.grep" || true
	ms "$t0" "$(now)"
	echo
done | median)
printf '\n%s: %s cables\n\n' "$dir" "$cables"
printf '%-52s %10s\n' "measure" "ms"
printf '%-52s %10s\n' "pilcrow: the text index in memory, complete" "$(cat "$out/small.index")"
printf '%-52s %10s\n' "pilcrow: filter $word (index in memory)" "$(filter_ms "$word")"
printf '%-52s %10s\n' "pilcrow: filter $word sort=relevance (index)" "$(filter_ms "$word sort=relevance")"
printf '%-52s %10s\n' "pilcrow: filter $word (--no-index: every cable read)" "$(filter_ms "$word" --no-index)"
printf '%-52s %10s\n' "grep -r -c -i -w $word" "$grep_ms"
