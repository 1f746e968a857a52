#!/bin/sh
# bench-corpus.sh -- pilcrow on the whole corpus: a full-size synthetic
# cables.csv (251,287 cables, about 1.9 GB, tests/bench/gencsv) opened in the
# reader, beside less and grep on the same file in the same run.
#
#   make bench-corpus
#   BENCH_CSV=path/to/cables.csv make bench-corpus     (another file)
#   BENCH_RUNS=5 make bench-corpus                     (runs per figure)
#
# Measures, each the median of BENCH_RUNS runs, with the file in the page
# cache (it is read once first, as less and grep would find it too):
#   - the first screen of the cable list, and the index complete: inside
#     pilcrow (PILCROW_STATS, scripted), and from outside, in tmux, as the
#     time until the screen shows the list and then the final count;
#   - the longest indexing step, which is the longest a key can wait;
#   - the peak of anonymous memory (RssAnon: the heap and the index, not the
#     mapped file), sampled after every indexing step and every screen;
#   - level, origin, TAG and combined filters, and literal and regex text
#     filters, each timed from the Enter that applies it to the end of the
#     redraw (PILCROW_TIMING);
#   - less: the time to open the file and show its last line (less +G, in
#     tmux); grep -c for the same literal and the same regex.
set -eu
. "$(dirname "$0")/full.sh"
# the list index read from the dump, as a first open reads it (bench-index
# measures the full-text index and the list saved with it)
XDG_CACHE_HOME=$out/cache-corpus
export XDG_CACHE_HOME

# --- inside pilcrow: first screen, index, memory, longest step
printf 'size 40 160\nwait-index\n' > "$out/index.script"
: > "$out/first"; : > "$out/indexed"; : > "$out/rss"; : > "$out/step"
for run in $(seq "$BENCH_RUNS"); do
	PILCROW_SCRIPT=$out/index.script PILCROW_STATS=$out/stats "$PILCROW" --fresh --no-index "$csv" > /dev/null
	stat_of first_screen_ms "$out/stats" >> "$out/first"
	stat_of indexed_ms "$out/stats" >> "$out/indexed"
	stat_of rss_anon_peak_kb "$out/stats" >> "$out/rss"
	stat_of index_step_max_ms "$out/stats" >> "$out/step"
	cables=$(stat_of cables "$out/stats")
done

# --- filters: each in its own run, after the index is complete; the
# slowest key of the run is the Enter that applies the filter
filter_ms() {
	printf 'size 40 160\nwait-index\ntype f%s<Enter>\n' "$(printf '%s' "$1" | sed 's/</<lt>/g')" > "$out/filter.script"
	for run in $(seq "$BENCH_RUNS"); do
		PILCROW_SCRIPT=$out/filter.script PILCROW_TIMING=$out/times "$PILCROW" --fresh --no-index "$csv" > /dev/null
		sort -g "$out/times" | tail -1
	done | median | awk '{ printf "%.0f", $1 * 1000 }'
}

# --- from outside, in tmux: a program's screen, polled every 10 ms
sock=$out/tmux.sock
tmux_until() {          # tmux_until COMMAND...: ms until the screen shows $pattern
	tmux -S "$sock" kill-server 2> /dev/null || true
	t0=$(now)
	tmux -S "$sock" new-session -d -x 160 -y 40 "$@"
	while ! tmux -S "$sock" capture-pane -p 2> /dev/null | grep -qF -- "$pattern"; do
		sleep 0.01
		if [ "$(ms "$t0" "$(now)")" -gt 60000 ]; then
			echo "timed out waiting for '$pattern'" >&2
			break
		fi
	done
	ms "$t0" "$(now)"
	echo
	tmux -S "$sock" kill-server 2> /dev/null || true
}
last=$(tail -c 8192 "$csv" | awk 'length($0) >= 30 { l = $0 } END { print substr(l, 1, 40) }')
outside() {             # outside PATTERN COMMAND...: the median of the runs
	pattern=$1
	shift
	for run in $(seq "$BENCH_RUNS"); do tmux_until "$@"; done | median
}
less_ms=$(outside "$last" env LESS= less +G "$csv")
count=$(echo "$cables" | sed ':a; s/\([0-9]\)\([0-9]\{3\}\)\(,\|$\)/\1,\2\3/; ta')
first_out=$(outside " pilcrow  " "$PILCROW" --fresh --no-index "$csv")
indexed_out=$(outside " 1/$count " "$PILCROW" --fresh --no-index "$csv")

printf '\nfile: %s (%d MB, %s cables)\n\n' "$csv" $((bytes / 1048576)) "$count"
printf '%-46s %10s\n' "measure" "ms"
printf '%-46s %10s\n' "pilcrow: first screen of the list" "$(median < "$out/first")"
printf '%-46s %10s\n' "pilcrow: first screen, seen in tmux" "$first_out"
printf '%-46s %10s\n' "less +G: open and show the last line (tmux)" "$less_ms"
printf '%-46s %10s\n' "pilcrow: index complete" "$(median < "$out/indexed")"
printf '%-46s %10s\n' "pilcrow: index complete, seen in tmux" "$indexed_out"
printf '%-46s %10s\n' "pilcrow: longest indexing step (a key's wait)" "$(median < "$out/step")"
printf '%-46s %10s\n' "pilcrow: filter level>=S" "$(filter_ms 'level>=S')"
printf '%-46s %10s\n' "pilcrow: filter origin=ROME" "$(filter_ms 'origin=ROME')"
printf '%-46s %10s\n' "pilcrow: filter tag=PREL" "$(filter_ms 'tag=PREL')"
printf '%-46s %10s\n' "pilcrow: filter level>=S tag=PREL origin=ROME" "$(filter_ms 'level>=S tag=PREL origin=ROME')"
printf '%-46s %10s\n' "pilcrow: filter date>=2005 date<2007" "$(filter_ms 'date>=2005 date<2007')"
printf '%-46s %10s\n' "pilcrow: filter text=\"Massolo\" (literal)" "$(filter_ms 'text="Massolo"')"
printf '%-46s %10s\n' "grep -c -F Massolo" "$(grep_ms -F Massolo)"
printf '%-46s %10s\n' "pilcrow: filter text=\"budget energy\" (literal)" "$(filter_ms 'text="budget energy"')"
printf '%-46s %10s\n' "grep -c -F 'budget energy'" "$(grep_ms -F 'budget energy')"
printf '%-46s %10s\n' "pilcrow: filter text~'minister.*embassy'" "$(filter_ms "text~'minister.*embassy'")"
printf '%-46s %10s\n' "grep -c -E 'minister.*embassy'" "$(grep_ms -E 'minister.*embassy')"
printf '%-46s %10s\n' "pilcrow: peak anonymous memory (MB)" "$(median < "$out/rss" | awk '{ printf "%.1f", $1 / 1024 }')"
