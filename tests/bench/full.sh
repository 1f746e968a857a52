# full.sh -- what the benchmarks on the whole corpus share (sourced): the
# full-size synthetic cables.csv (251,287 cables, tests/bench/gencsv, or
# BENCH_CSV), read once into the page cache for every contender alike, and
# the helpers to time and take medians.  Sets out, csv and bytes.
: "${PILCROW:=src/pilcrow}"
: "${GENCSV:=tests/bench/gencsv}"
: "${BENCH_DIR:=tests/bench/out}"
: "${BENCH_RUNS:=3}"
mkdir -p "$BENCH_DIR"
out=$(cd "$BENCH_DIR" && pwd)
csv=${BENCH_CSV:-$out/cables-full.csv}
# written again when the generator is newer than it
if [ ! -s "$csv" ] || { [ -z "${BENCH_CSV:-}" ] && [ "$GENCSV" -nt "$csv" ]; }; then
	echo "writing $csv (251,287 cables)..."
	"$GENCSV" --cables 251287 > "$csv.tmp" && mv "$csv.tmp" "$csv"
fi
# a workspace of the benchmarks' own, new each time: a list left filtered
# by one run (the reader reopens where it was left) would time the next
# on a filtered list
XDG_DATA_HOME=$out/data
rm -rf "$XDG_DATA_HOME"
export LANG=C.UTF-8 TERM=xterm-256color PILCROW_MARKS="$out/marks" XDG_DATA_HOME
bytes=$(wc -c < "$csv")
# warm: the dump into the page cache again, for every contender alike and
# before each timed run: a system that reclaims cold pages on its own
# (DAMON's proactive reclaim, say) takes some back within seconds, and
# whoever ran last would pay for them
warm() { cat "$csv" > /dev/null; }
warm

now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
stat_of() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
# grep_ms ARGS: the median wall time of grep -c ARGS on the dump
grep_ms() {
	for run in $(seq "$BENCH_RUNS"); do
		warm
		t0=$(now)
		grep -c "$@" "$csv" > "$out/grep.count" || true   # not /dev/null: GNU grep would stop at the first match
		ms "$t0" "$(now)"
		echo
	done | median
}
# grep_words_ms N FILE: the median wall time of grep -c -i -w for each of
# the first N words of FILE on the dump (a name looked for as grep would)
grep_words_ms() {
	head -"$1" "$2" | while read -r w; do
		t0=$(now)
		grep -c -i -w "$w" "$csv" > "$out/grep.count" || true
		ms "$t0" "$(now)"
		echo
	done | median
}
# rare_words N: N words of the dump's text as rare as names are (from the
# 1,001st most frequent of five letters or more), one a line
rare_words() {
	head -c 50000000 "$csv" | tr -cs 'A-Za-z' '\n' | awk 'length >= 5' | tr 'A-Z' 'a-z' | sort | uniq -c | sort -rn |
		awk -v n="$1" 'NR > 1000 && NR <= 1000 + n { print $2 }'
}
# filters and keys, each in its own run of the reader on the dump (its
# saved list and text index when there are), and a pilcrow for pipes
filter_ms() {   # filter_ms FILTER [ARGS]: the Enter that applies it, to its redraw
	f=$1
	shift
	printf 'size 40 160\nwait-index\ntype f%s<Enter>\n' "$(printf '%s' "$f" | sed 's/</<lt>/g')" > "$out/filter.script"
	for run in $(seq "$BENCH_RUNS"); do
		PILCROW_SCRIPT=$out/filter.script PILCROW_TIMING=$out/times "$PILCROW" --fresh "$@" "$csv" > /dev/null
		sort -g "$out/times" | tail -1
	done | median | awk '{ printf "%.1f", $1 * 1000 }'
}
hits_ms() {     # the Tab that shows the hits: its first page
	printf 'size 40 160\nwait-index\ntype f%s<Enter>\nkeys <Tab>\n' "$1" > "$out/hits.script"
	for run in $(seq "$BENCH_RUNS"); do
		PILCROW_SCRIPT=$out/hits.script PILCROW_TIMING=$out/times "$PILCROW" --fresh "$csv" > /dev/null
		tail -1 "$out/times"
	done | median | awk '{ printf "%.1f", $1 * 1000 }'
}
cli_ms() {      # cli_ms ARGS: a pilcrow for pipes, start to end
	for run in $(seq "$BENCH_RUNS"); do
		t0=$(now)
		"$PILCROW" "$@" "$csv" > /dev/null
		ms "$t0" "$(now)"
		echo
	done | median
}
key_ms() {      # key_ms KEYS: the slowest key of a script
	printf 'size 40 160\nwait-index\n%s\n' "$1" > "$out/key.script"
	for run in $(seq "$BENCH_RUNS"); do
		PILCROW_SCRIPT=$out/key.script PILCROW_TIMING=$out/times "$PILCROW" --fresh "$csv" > /dev/null
		sort -g "$out/times" | tail -1
	done | median | awk '{ printf "%.1f", $1 * 1000 }'
}
