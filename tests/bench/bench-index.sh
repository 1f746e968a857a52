#!/bin/sh
# bench-index.sh -- the full-text index on the whole corpus: a full-size
# synthetic cables.csv (251,287 cables, about 1.9 GB, tests/bench/gencsv),
# beside grep -c and grep -c -i on the same file in the same run.
#
#   make bench-index
#   BENCH_CSV=path/to/cables.csv make bench-index     (another file)
#   BENCH_RUNS=5 make bench-index                     (runs per figure)
#
# Measures (medians of BENCH_RUNS runs, the file in the page cache):
#   - building the index with pilcrow --index: wall time, the index's size
#     beside the dump's, the peak of anonymous memory while building (RssAnon
#     sampled every 100 ms: the heap, not the mapped dump) and after;
#   - the longest a key waits while the reader builds it in the background
#     (the reader in tmux, a key every 200 ms, PILCROW_TIMING);
#   - a second open with the saved index: the first screen with the full
#     count (PILCROW_STATS);
#   - filters on the text, each from the Enter that applies it to the end of
#     its redraw (PILCROW_TIMING): a word, the word in a SECRET paragraph
#     (para>=S), a SECRET paragraph, a phrase, a word with level,
#     origin and tag terms, a prefix, near=, a very common word; the
#     results screen's first page after Tab; the same word read in the
#     cables (--no-index);
#   - the overview of the whole corpus (o); --json --filter 'level>=S' and
#     --grep Iran, start to end;
#   - grep -c and grep -c -i for the same word and phrase.
set -eu
. "$(dirname "$0")/full.sh"
XDG_CACHE_HOME=$out/cache
export XDG_CACHE_HOME
anon_of() { awk '/^RssAnon/ { print $2 }' "/proc/$1/status" 2> /dev/null || true; }

# --- building, with its memory sampled from outside
rm -rf "$XDG_CACHE_HOME"
t0=$(now)
"$PILCROW" --index "$csv" 2> "$out/index.err" &
pid=$!
peak=0
while kill -0 "$pid" 2> /dev/null; do
	a=$(anon_of "$pid")
	[ -n "$a" ] && [ "$a" -gt "$peak" ] && peak=$a
	sleep 0.1
done
wait "$pid"
build_ms=$(ms "$t0" "$(now)")
dir=$(sed -n 's/.*indexed in \([^ ]*\) .*/\1/p' "$out/index.err")
isize=$(cat "$dir"/*.db | wc -c)

# --- a second open: the saved list and the index
printf 'size 40 160\nwait-index\n' > "$out/open.script"
: > "$out/first"
for run in $(seq "$BENCH_RUNS"); do
	PILCROW_SCRIPT=$out/open.script PILCROW_STATS=$out/stats "$PILCROW" "$csv" > /dev/null
	stat_of indexed_ms "$out/stats" >> "$out/first"
	after=$(stat_of rss_anon_peak_kb "$out/stats")
	saved=$(stat_of list_saved "$out/stats")
done

printf '\nfile: %s (%d MB)\n\n' "$csv" $((bytes / 1048576))
printf '%-58s %12s\n' "measure" "value"
printf '%-58s %10s s\n' "pilcrow --index: build (two cores)" "$(awk -v m="$build_ms" 'BEGIN { printf "%.1f", m / 1000 }')"
printf '%-58s %9s MB\n' "index size (the dump: $((bytes / 1048576)) MB)" "$((isize / 1048576))"
printf '%-58s %11s%%\n' "index size / dump size" "$(awk -v a="$isize" -v b="$bytes" 'BEGIN { printf "%.0f", a * 100 / b }')"
printf '%-58s %9s MB\n' "peak anonymous memory while building" "$((peak / 1024))"
printf '%-58s %9s MB\n' "peak anonymous memory, reader on the indexed dump" "$((after / 1024))"
printf '%-58s %10s ms\n' "second open: first screen, full count (saved list: $saved)" "$(median < "$out/first")"
printf '%-58s %10s ms\n' "filter Iran (a word, in 4.6% of the cables)" "$(filter_ms 'Iran')"
printf '%-58s %10s ms\n' "filter para>=S iran (Iran in a SECRET paragraph)" "$(filter_ms 'para>=S iran')"
printf '%-58s %10s ms\n' "filter para>=S (a SECRET paragraph)" "$(filter_ms 'para>=S')"
printf '%-58s %10s ms\n' "grep -c Iran" "$(grep_ms Iran)"
printf '%-58s %10s ms\n' "grep -c -i iran" "$(grep_ms -i iran)"
printf '%-58s %10s ms\n' "filter \"nuclear program\" (a phrase)" "$(filter_ms '"nuclear program"')"
printf '%-58s %10s ms\n' "grep -c -i 'nuclear program'" "$(grep_ms -i 'nuclear program')"
printf '%-58s %10s ms\n' "filter iran level>=S origin=ROME tag=PREL" "$(filter_ms 'iran level>=S origin=ROME tag=PREL')"
printf '%-58s %10s ms\n' "filter kalo* (a prefix)" "$(filter_ms 'kalo*')"
printf '%-58s %10s ms\n' "filter near=\"iran delegation/5\"" "$(filter_ms 'near="iran delegation/5"')"
printf '%-58s %10s ms\n' "filter iran sort=relevance" "$(filter_ms 'iran sort=relevance')"
printf '%-58s %10s ms\n' "filter delegation (in nearly every cable)" "$(filter_ms 'delegation')"
printf '%-58s %10s ms\n' "results screen: first page of the hits of iran (Tab)" "$(hits_ms 'iran')"
printf '%-58s %10s ms\n' "the overview of the whole corpus (o)" "$(key_ms 'keys o')"
printf '%-58s %10s ms\n' "completion: the first Tab after origin=R (with counts)" "$(key_ms "$(printf 'keys f\ntype origin=R<Tab>')")"
printf '%-58s %10s ms\n' "pilcrow --json --filter 'level>=S' (83,928 cables)" "$(cli_ms --json --filter 'level>=S')"
printf '%-58s %10s ms\n' "pilcrow --grep Iran (every hit in context)" "$(cli_ms --grep Iran)"
printf '%-58s %10s ms\n' "filter iran without the index (--no-index: read)" "$(filter_ms 'iran' --no-index)"
printf '%-58s %10s ms\n' "filter text~iran (an expression: read)" "$(filter_ms 'text~iran')"

# --- keys while the reader builds the index in the background (tmux)
sock=$out/tmux.sock
rm -rf "$XDG_CACHE_HOME"
tmux -S "$sock" kill-server 2> /dev/null || true
tmux -S "$sock" new-session -d -x 160 -y 40 \
	"PILCROW_TIMING=$out/bgtimes XDG_CACHE_HOME=$XDG_CACHE_HOME $PILCROW $csv"
t0=$(now)
while ! tmux -S "$sock" capture-pane -p | grep -q "indexing text"; do
	sleep 0.05
	[ "$(ms "$t0" "$(now)")" -lt 60000 ] || break
done
keys=0
while tmux -S "$sock" capture-pane -p | grep -q "indexing text"; do
	tmux -S "$sock" send-keys j
	keys=$((keys + 1))
	sleep 0.2
	[ "$(ms "$t0" "$(now)")" -lt 300000 ] || break
done
bg_ms=$(ms "$t0" "$(now)")
tmux -S "$sock" send-keys Q
sleep 0.5
tmux -S "$sock" kill-server 2> /dev/null || true
bg_worst=$(sort -g "$out/bgtimes" | tail -1 | awk '{ printf "%.1f", $1 * 1000 }')
bg_median=$(median < "$out/bgtimes" | awk '{ printf "%.2f", $1 * 1000 }')

printf '%-58s %10s ms\n' "keys while the reader builds it ($keys keys in $((bg_ms / 1000)) s): worst" "$bg_worst"
printf '%-58s %10s ms\n' "keys while the reader builds it: median" "$bg_median"
