#!/bin/sh
# bench-regex.sh [DIR] -- a runaway regular expression over real pages:
# text~(\w+\s?)+$x over the WikiLeaks pages beside the project (951, or
# DIR), each record matched until PCRE2's limits stop it (search.c), the
# time a cable; beside it an honest pattern over the same pages and grep -c
# -E of the runaway pattern (a DFA, which cannot run away) in the same run.
# Each the median of BENCH_RUNS.
#
#   make bench-regex
set -eu
: "${PILCROW:=src/pilcrow}"
: "${BENCH_RUNS:=3}"
: "${srcdir:=.}"
dir=${1:-$srcdir/../shared/cables/wikileaks}
[ -d "$dir" ] || { echo "bench-regex: no pages at $dir" >&2; exit 77; }
export LANG=C.UTF-8
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }
n=$(find "$dir" -type f -name '*.html' | wc -l)
kb=$(du -sk "$dir" | awk '{ print $1 }')
find "$dir" -type f -exec cat {} + > /dev/null
printf '\n%d pages in %s (%d kB a page)\n\n' "$n" "$dir" $((kb / n))
printf '%-58s %12s %14s\n' "measure" "in all" "a cable"
run() {  # run LABEL COMMAND...: its median time, in all and a cable
	label=$1
	shift
	for r in $(seq "$BENCH_RUNS"); do
		t0=$(now)
		"$@" > /dev/null 2>&1 || true
		ms "$t0" "$(now)"
		echo
	done | median | awk -v l="$label" -v n="$n" '{ printf "%-58s %9.0f ms %11.2f ms\n", l, $1, $1 / n }'
}
run "pilcrow --no-index --filter 'text~(\\w+\\s?)+\$x' --json" "$PILCROW" --no-index --filter 'text~(\w+\s?)+$x' --json "$dir"
"$PILCROW" --no-index --filter 'text~(\w+\s?)+$x' --json "$dir" 2>&1 > /dev/null | sed 's/^/  /'
run "pilcrow --no-index --filter (an honest pattern: a word in -ing)" "$PILCROW" --no-index --filter 'text~\w+ing\b' --json "$dir"
run "grep -r -c -E '([[:alnum:]_]+[[:space:]]?)+\$x'" grep -r -c -E '([[:alnum:]_]+[[:space:]]?)+$x' "$dir"
