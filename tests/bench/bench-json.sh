#!/bin/sh
# bench-json.sh -- how fast 'pilcrow --json' reads a cables.csv, and whether
# its memory stays flat as the file grows.
#
#   make bench                      (sizes 64, 256 and 1024 MB)
#   BENCH_SIZES="256 1900" make bench
#
# For each size: a synthetic cables.csv in the dump's format (tests/bench/gencsv),
# then the best of three runs of 'pilcrow --json FILE > /dev/null', timed by
# tests/bench/runstat, beside the best of three of 'grep -c -F TAGS FILE'
# (one pass over the same bytes, the least a reader of the file does).
# Prints MB/s, cables/s and peak RSS.
set -eu
: "${PILCROW:=src/pilcrow}"
: "${GENCSV:=tests/bench/gencsv}"
: "${RUNSTAT:=tests/bench/runstat}"
: "${BENCH_SIZES:=64 256 1024}"
: "${BENCH_DIR:=tests/bench/out}"
mkdir -p "$BENCH_DIR"

printf '%-8s %10s %10s %12s %12s %12s %14s\n' "size" "cables" "seconds" "MB/s" "cables/s" "peak RSS" "grep -c MB/s"
for mb in $BENCH_SIZES; do
	csv=$BENCH_DIR/cables-$mb.csv
	[ -s "$csv" ] || "$GENCSV" --mb "$mb" > "$csv"
	bytes=$(wc -c < "$csv")
	cables=$(grep -c '^"[0-9]*","[0-9]' "$csv")
	best=""
	rss=0
	for run in 1 2 3; do
		stat=$("$RUNSTAT" "$PILCROW" --json "$csv" 2>&1 > /dev/null | tail -1)
		wall=$(echo "$stat" | sed 's/.*wall=\([0-9.]*\).*/\1/')
		kb=$(echo "$stat" | sed 's/.*maxrss_kb=\([0-9]*\).*/\1/')
		[ "$kb" -gt "$rss" ] && rss=$kb
		if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then best=$wall; fi
	done
	grep_best=""
	for run in 1 2 3; do
		# not to /dev/null: grep stops at the first match when it sees that
		stat=$("$RUNSTAT" grep -c -F TAGS "$csv" 2>&1 > "$BENCH_DIR/grep.out" | tail -1)
		wall=$(echo "$stat" | sed 's/.*wall=\([0-9.]*\).*/\1/')
		if [ -z "$grep_best" ] || awk "BEGIN { exit !($wall < $grep_best) }"; then grep_best=$wall; fi
	done
	awk -v mb="$mb" -v bytes="$bytes" -v n="$cables" -v s="$best" -v rss="$rss" -v g="$grep_best" 'BEGIN {
		printf "%-8s %10d %10.3f %12.1f %12.0f %9.1f MB %14.1f\n", mb " MB", n, s,
			bytes / 1048576 / s, n / s, rss / 1024, bytes / 1048576 / g }'
done
