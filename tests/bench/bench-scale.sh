#!/bin/sh
# bench-scale.sh -- how pilcrow's costs grow with the corpus: synthetic
# dumps of 1, 2 and 4 times the Cablegate corpus (251,287; 502,574;
# 1,005,148 cables, tests/bench/gencsv), each measured the same way, a
# comparison beside each in the same run:
#   - the first screen of the list on the first open (tail -n 40: the end
#     of the file, as less +G shows it);
#   - the full count, the list read whole (grep -c over the file);
#   - the reader's anonymous memory once the list is whole
#     (rss_anon_done_kb of PILCROW_STATS);
#   - the text index: its build (--index) and its size on disk;
#   - an indexed word, applied in the reader (grep -c -i -w of it);
#   - a metadata filter, applied in the reader;
#   - --json of the whole dump (its throughput; the list saved);
# then the table with each figure's ratio to 1x, and what a cable costs in
# the list, in the cited-by index and in the text index.  The dumps and
# their indexes are removed at the end.  Not part of make check: it needs
# about 12 GB of disk and ten minutes.
#
#   make bench-scale
set -eu
: "${PILCROW:=src/pilcrow}"
: "${GENCSV:=tests/bench/gencsv}"
: "${BENCH_DIR:=tests/bench/out}"
: "${BENCH_RUNS:=3}"
: "${SCALES:=1 2 4}"
mkdir -p "$BENCH_DIR"
out=$(cd "$BENCH_DIR" && pwd)/scale
rm -rf "$out"
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
export LANG=C.UTF-8 TERM=xterm-256color XDG_DATA_HOME=$out/data PILCROW_MARKS=$out/marks
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }
word=${BENCH_WORD:-nuclear}
meta='level>=S tag=PREL'

# key_ms SCRIPT DUMP: the slowest key of a scripted run, in ms
key_ms() {
	for run in $(seq "$BENCH_RUNS"); do
		PILCROW_SCRIPT=$1 PILCROW_TIMING=$out/times "$PILCROW" --fresh "$2" > /dev/null
		sort -g "$out/times" | tail -1
	done | median | awk '{ printf "%.1f", $1 * 1000 }'
}

for s in $SCALES; do
	n=$((251287 * s))
	csv=$out/cables-$s.csv
	export XDG_CACHE_HOME=$out/cache-$s
	echo "scale ${s}x: writing $n cables..." >&2
	"$GENCSV" --cables "$n" > "$csv"
	bytes=$(wc -c < "$csv")
	cat "$csv" > /dev/null
	# the first open, no saved list: the first screen and the full count
	printf 'size 40 160\nwait-index\n' > "$out/open.script"
	for run in $(seq "$BENCH_RUNS"); do
		rm -rf "$XDG_CACHE_HOME"
		PILCROW_SCRIPT=$out/open.script PILCROW_STATS=$out/stats "$PILCROW" --fresh --no-index "$csv" > /dev/null
		awk '{ printf "%s ", $2 } END { print "" }' "$out/stats"
	done > "$out/opens"
	first=$(awk '{ print $1 }' "$out/opens" | median)
	full=$(awk '{ print $2 }' "$out/opens" | median)
	anon=$(awk '{ print $8 }' "$out/opens" | median)
	less_ms=$(for run in $(seq "$BENCH_RUNS"); do
		t0=$(now); tail -n 40 "$csv" > /dev/null; ms "$t0" "$(now)"; echo; done | median)
	grep_c=$(for run in $(seq "$BENCH_RUNS"); do
		t0=$(now); grep -c '^"' "$csv" > "$out/count" || true; ms "$t0" "$(now)"; echo; done | median)   # not /dev/null: GNU grep would stop at the first match
	# the text index
	rm -rf "$XDG_CACHE_HOME"
	t0=$(now)
	"$PILCROW" --index "$csv" 2> "$out/index.err"
	index_ms=$(ms "$t0" "$(now)")
	index_kb=$(du -sk "$XDG_CACHE_HOME" | awk '{ print $1 }')
	# a word and a metadata filter in the reader, the list saved with the index
	printf 'size 40 160\nwait-index\ntype f%s<Enter>\n' "$word" > "$out/word.script"
	word_ms=$(key_ms "$out/word.script" "$csv")
	grepw_ms=$(t0=$(now); grep -c -i -w "$word" "$csv" > "$out/count" || true; ms "$t0" "$(now)")
	printf 'size 40 160\nwait-index\ntype f%s<Enter>\n' "$meta" > "$out/meta.script"
	meta_ms=$(key_ms "$out/meta.script" "$csv")
	# --json of it all
	json_ms=$(for run in $(seq "$BENCH_RUNS"); do
		t0=$(now); "$PILCROW" --json "$csv" > /dev/null; ms "$t0" "$(now)"; echo; done | median)
	json_mbs=$(awk -v b="$bytes" -v t="$json_ms" 'BEGIN { printf "%.0f", b / 1048576 / (t / 1000) }')
	printf '%s %s %s %s %s %s %s %s %s %s %s %s %s %s\n' "$s" "$n" "$bytes" "$first" "$less_ms" "$full" "$grep_c" \
		"$anon" "$index_ms" "$index_kb" "$word_ms" "$meta_ms" "$json_mbs" "$grepw_ms" >> "$out/rows"
	rm -rf "$csv" "$XDG_CACHE_HOME"
done

awk '
{ s[NR] = $1; for (i = 2; i <= NF; i++) v[NR, i] = $i; n = NR }
function row(label, col, unit, cmp,    i, line) {
	line = sprintf("%-44s", label)
	for (i = 1; i <= n; i++)
		line = line sprintf(" %10s", v[i, col])
	line = line sprintf("   %-6s", unit)
	if (n > 1 && v[1, col] > 0)
		line = line sprintf(" %5.2fx", v[n, col] / v[1, col])
	print line (cmp ? "   " cmp : "")
}
END {
	head = sprintf("%-44s", "measure")
	for (i = 1; i <= n; i++) head = head sprintf(" %9sx", s[i])
	print head "   unit   " s[n] "x/1x"
	row("cables", 2, "")
	row("dump", 3, "bytes")
	row("first screen of the list", 4, "ms")
	row("  tail -n 40 (the end, as less +G), beside", 5, "ms")
	row("full count, the list read whole", 6, "ms")
	row("  grep -c over the file, beside", 7, "ms")
	row("reader anonymous memory, list whole", 8, "kB")
	row("text index build (--index)", 9, "ms")
	row("text index size", 10, "kB")
	row("an indexed word (f nuclear)", 11, "ms")
	row("  grep -c -i -w of it, beside", 14, "ms")
	row("a metadata filter (level>=S tag=PREL)", 12, "ms")
	row("--json of the whole dump", 13, "MB/s")
	printf "\nper cable at %sx: list %.0f bytes of anonymous memory, text index %.0f bytes\n", s[n], \
		v[n, 8] * 1024 / v[n, 2], v[n, 10] * 1024 / v[n, 2]
}' "$out/rows"
