#!/bin/sh
# bench-versions.sh [DIR] -- versions compared: the real pairs beside the
# project (../shared/cables/versions: a folder a cable, its texts in date
# order), each beside git diff --no-index --word-diff of the same two files
# in the same run:
#   - the versions view (d in the list) of the largest pair, key to redraw;
#   - pilcrow --diff over every pair, start to end, in all;
#   - a cable of N paragraphs against itself (10,000 and 100,000): wall
#     time and peak memory, to see them grow linearly.
# Each the median of BENCH_RUNS.
#
#   make bench-versions
set -eu
: "${PILCROW:=src/pilcrow}"
: "${RUNSTAT:=tests/bench/runstat}"
: "${BENCH_DIR:=tests/bench/out}"
: "${BENCH_RUNS:=5}"
: "${srcdir:=.}"
mkdir -p "$BENCH_DIR"
out=$(cd "$BENCH_DIR" && pwd)
dir=${1:-$srcdir/../shared/cables/versions}
[ -d "$dir" ] || { echo "bench-versions: no versions at $dir" >&2; exit 77; }
export LANG=C.UTF-8 TERM=xterm-256color PILCROW_WORKSPACE=$out/versions.db
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }

# the pairs: each file of a folder with the next
: > "$out/pairs"
for d in "$dir"/*/; do
	prev=
	for f in "$d"*; do
		[ -f "$f" ] || continue
		[ -n "$prev" ] && printf '%s\t%s\n' "$prev" "$f" >> "$out/pairs"
		prev=$f
	done
done
npairs=$(wc -l < "$out/pairs")
cat $(cut -f1,2 "$out/pairs" | tr '\t' '\n') > /dev/null   # into the page cache
largest=$(while IFS='	' read -r a b; do echo "$(($(wc -c < "$a") + $(wc -c < "$b"))) $a $b"; done < "$out/pairs" |
	sort -rn | head -1)
set -- $largest
lbytes=$1 la=$2 lb=$3
rm -rf "$out/largest"
mkdir -p "$out/largest"
cp "$la" "$out/largest/1-$(basename "$la")"
cp "$lb" "$out/largest/2-$(basename "$lb")"

printf '\n%d pairs of versions in %s; the largest %s (%d kB)\n\n' "$npairs" "$dir" "$(basename "$(dirname "$la")")" \
	$((lbytes / 1024))
printf '%-66s %12s\n' "measure" "value"
printf 'size 40 160\nwait-index\nkeys d\n' > "$out/versions.script"
for run in $(seq "$BENCH_RUNS"); do
	PILCROW_SCRIPT=$out/versions.script PILCROW_TIMING=$out/times "$PILCROW" --fresh "$out/largest" > /dev/null
	tail -1 "$out/times"
done | median | awk '{ printf "%-66s %9.1f ms\n", "versions view of the largest pair (d), key to redraw", $1 * 1000 }'
for run in $(seq "$BENCH_RUNS"); do
	t0=$(now)
	"$PILCROW" --diff "$la" "$lb" > /dev/null || true
	ms "$t0" "$(now)"
	echo
done | median | awk '{ printf "%-66s %9.1f ms\n", "pilcrow --diff of the largest pair, start to end", $1 }'
for run in $(seq "$BENCH_RUNS"); do
	t0=$(now)
	git diff --no-index --word-diff "$la" "$lb" > /dev/null || true
	ms "$t0" "$(now)"
	echo
done | median | awk '{ printf "%-66s %9.1f ms\n", "git diff --no-index --word-diff of the same two files", $1 }'
for run in $(seq "$BENCH_RUNS"); do
	t0=$(now)
	while IFS='	' read -r a b; do
		"$PILCROW" --diff "$a" "$b" > /dev/null || true
	done < "$out/pairs"
	ms "$t0" "$(now)"
	echo
done | median | awk -v n="$npairs" '{ printf "%-66s %9.1f ms\n", "pilcrow --diff over all " n " pairs, in all", $1 }'
for run in $(seq "$BENCH_RUNS"); do
	t0=$(now)
	while IFS='	' read -r a b; do
		git diff --no-index --word-diff "$a" "$b" > /dev/null || true
	done < "$out/pairs"
	ms "$t0" "$(now)"
	echo
done | median | awk -v n="$npairs" '{ printf "%-66s %9.1f ms\n", "git diff --no-index --word-diff over the same " n " pairs", $1 }'

# a long cable against itself: linear time, memory flat per paragraph
for n in 10000 100000; do
	awk -v n="$n" 'BEGIN {
		print "CONFIDENTIAL ROME 000100\n\nTAGS: PREL\nSUBJECT: A LONG CABLE\n"
		for (i = 1; i <= n; i++)
			printf "%d. (C) Paragraph %d of the long cable says %d things about the talks.\n\n", i, i, i * 7
	}' > "$out/long-$n.txt"
	"$RUNSTAT" "$PILCROW" --diff "$out/long-$n.txt" "$out/long-$n.txt" > /dev/null 2> "$out/long.stat" || true
	awk -v n="$n" '{ split($1, w, "="); split($3, m, "="); printf "%-66s %9.0f ms %7.1f MB\n", \
		"pilcrow --diff of a " n "-paragraph cable against itself", w[2] * 1000, m[2] / 1024 }' "$out/long.stat"
	t0=$(now)
	git diff --no-index --word-diff "$out/long-$n.txt" "$out/long-$n.txt" > /dev/null || true
	printf '%-66s %9s ms\n' "git diff --no-index --word-diff of the same" "$(ms "$t0" "$(now)")"
	rm -f "$out/long-$n.txt"
done
rm -rf "$out/largest"
