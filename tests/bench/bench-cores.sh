#!/bin/sh
# bench-cores.sh -- the first open and the whole-dump passes on every core,
# on the full-size synthetic cables.csv (251,287 cables, full.sh), each
# beside what a user would compare it with, in the same run (medians of
# BENCH_RUNS runs; the file put back in the page cache before each run of
# each, warm in full.sh; no saved list: every run is a first open):
#   - the first screen of the list, beside tail -n 40 (the end of the file,
#     as less +G shows it);
#   - the full count, the list read whole, beside grep -c over the file;
#   - --json of the whole dump, on every core and on one (PILCROW_WORKERS=1);
#   - --text --filter 'level>=S';
#   - --grep 'nuclear program' without the text index, beside grep -c -i.
#
#   make bench-cores
#   BENCH_CSV=path/to/cables.csv make bench-cores
set -eu
. "$(dirname "$0")/full.sh"
XDG_CACHE_HOME=$out/cores-cache
export XDG_CACHE_HOME
trap 'rm -rf "$XDG_CACHE_HOME"' EXIT

# first_open: the first screen and the full count of one first open, in ms
printf 'size 40 160\nwait-index\n' > "$out/cores.script"
: > "$out/cores.first"
: > "$out/cores.count"
for run in $(seq "$BENCH_RUNS"); do
	rm -rf "$XDG_CACHE_HOME"
	warm
	PILCROW_SCRIPT=$out/cores.script PILCROW_STATS=$out/cores.stats "$PILCROW" --fresh --no-index "$csv" > /dev/null
	stat_of first_screen_ms "$out/cores.stats" >> "$out/cores.first"
	stat_of indexed_ms "$out/cores.stats" >> "$out/cores.count"
done
# cmd_ms ARGS: the median wall time of a first open of pilcrow ARGS
cmd_ms() {
	for run in $(seq "$BENCH_RUNS"); do
		rm -rf "$XDG_CACHE_HOME"
		warm
		t0=$(now)
		"$@" > /dev/null
		ms "$t0" "$(now)"
		echo
	done | median
}
tail_ms() {
	for run in $(seq "$BENCH_RUNS"); do
		warm
		t0=$(now)
		tail -n 40 "$csv" > /dev/null
		ms "$t0" "$(now)"
		echo
	done | median
}

printf '%-52s %10s\n' "measure (first open, no saved list)" "ms"
printf '%-52s %10s\n' "pilcrow: first screen of the list" "$(median < "$out/cores.first")"
printf '%-52s %10s\n' "  tail -n 40, beside" "$(tail_ms)"
printf '%-52s %10s\n' "pilcrow: full count, the list read whole" "$(median < "$out/cores.count")"
printf '%-52s %10s\n' "  grep -c '^\"', beside" "$(grep_ms '^"')"
printf '%-52s %10s\n' "pilcrow --json, the whole dump" "$(cmd_ms "$PILCROW" --no-index --json "$csv")"
printf '%-52s %10s\n' "  the same on one core (PILCROW_WORKERS=1)" \
	"$(cmd_ms env PILCROW_WORKERS=1 "$PILCROW" --no-index --json "$csv")"
printf '%-52s %10s\n' "pilcrow --text --filter 'level>=S'" "$(cmd_ms "$PILCROW" --no-index --text --filter 'level>=S' "$csv")"
printf '%-52s %10s\n' "pilcrow --grep 'nuclear program' (no text index)" \
	"$(cmd_ms "$PILCROW" --no-index --grep 'nuclear program' "$csv")"
printf '%-52s %10s\n' "  grep -c -i 'nuclear program', beside" "$(grep_ms -i 'nuclear program')"
