#!/bin/sh
# bench-search.sh -- searching the corpus without an index, beside grep on
# the same file in the same run: a word and a phrase found in every cable's
# text (--grep, the hits in context; --json --filter WORD, the cables), the
# corpus at a glance (--stats), each the best of three, timed by
# tests/bench/runstat, beside 'grep -c -i WORD'.
#
#   make bench-search                 (a 256 MB synthetic cables.csv)
#   BENCH_MB=1900 make bench-search   (the size of the real dump)
set -eu
: "${PILCROW:=src/pilcrow}"
: "${GENCSV:=tests/bench/gencsv}"
: "${RUNSTAT:=tests/bench/runstat}"
: "${BENCH_MB:=256}"
: "${BENCH_DIR:=tests/bench/out}"
mkdir -p "$BENCH_DIR"
csv=$BENCH_DIR/cables-$BENCH_MB.csv
[ -s "$csv" ] || "$GENCSV" --mb "$BENCH_MB" > "$csv"

# best WHAT COMMAND...: the best wall time of three runs, output kept in a file
best() {
	what=$1
	shift
	b=""
	for run in 1 2 3; do
		stat=$("$RUNSTAT" "$@" 2>&1 > "$BENCH_DIR/search.out" | tail -1)
		wall=$(echo "$stat" | sed 's/.*wall=\([0-9.]*\).*/\1/')
		if [ -z "$b" ] || awk "BEGIN { exit !($wall < $b) }"; then b=$wall; fi
	done
	printf '  %-44s %8.3f s  (%s lines)\n' "$what" "$b" "$(wc -l < "$BENCH_DIR/search.out")"
}

echo "$csv: $(($(wc -c < "$csv") / 1048576)) MB"
best "grep -c -i delegation" grep -c -i delegation "$csv"
best "pilcrow --grep delegation" "$PILCROW" --no-index --grep delegation "$csv"
best "pilcrow --json --filter delegation" "$PILCROW" --no-index --json --filter delegation "$csv"
best "grep -c -i 'foreign minister'" grep -c -i "foreign minister" "$csv"
best "pilcrow --grep 'foreign minister'" "$PILCROW" --no-index --grep "foreign minister" "$csv"
best "pilcrow --stats" "$PILCROW" --no-index --stats "$csv"
best "pilcrow --stats --filter 'level>=S tag=PREL'" "$PILCROW" --no-index --stats --filter "level>=S tag=PREL" "$csv"
