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
if [ ! -s "$csv" ]; then
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
cat "$csv" > /dev/null          # into the page cache, for every contender alike

now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
stat_of() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
# grep_ms ARGS: the median wall time of grep -c ARGS on the dump
grep_ms() {
	for run in $(seq "$BENCH_RUNS"); do
		t0=$(now)
		grep -c "$@" "$csv" > "$out/grep.count" || true   # not /dev/null: GNU grep would stop at the first match
		ms "$t0" "$(now)"
		echo
	done | median
}
