#!/bin/sh
# bench-searches.sh -- the saved searches screen on the whole corpus: 50
# searches saved (20 names, 15 filters on the metadata, 15 of both),
# pilcrow opened on the dump with them (they are its first screen): the
# time until every count is on the screen, seen in tmux, and the longest
# step between two keys meanwhile (PILCROW_STATS: a key waits no longer);
# beside pilcrow --count of the same 50 filters and grep -c -i -w of the
# names (5 timed, the 20 estimated from their median), in the same run.
# The text index is the one bench-index builds (built here when absent).
#
#   make bench-searches
#   BENCH_CSV=path/to/cables.csv make bench-searches
set -eu
. "$(dirname "$0")/full.sh"
: "${WSMAKE:=tests/wsmake}"
XDG_CACHE_HOME=$out/cache
export XDG_CACHE_HOME
"$PILCROW" --index "$csv" 2> "$out/searches-index.err" || { cat "$out/searches-index.err" >&2; exit 1; }
# 20 names: words as rare as names are (as bench-count chooses them)
rare_words 20 > "$out/search-names.txt"
filters=$out/searches.txt
{
	cat "$out/search-names.txt"
	for f in 'level>=S' 'origin=ROME' 'tag=PREL' 'caveat=NOFORN' 'date>=2005 date<2007' 'level=C origin=PARIS' \
		'tag=PGOV|PREL' 'origin=CAIRO|KABUL' 'level>=S caveat=NOFORN' 'date<1990' 'tag=KDEM level=U' \
		'origin=STATE date>=2009' 'level=S tag=PREL origin=BRASILIA' '!tag=PREL' 'date>=2010-01 date<2010-03'; do
		echo "$f"
	done
	head -15 "$out/search-names.txt" | awk '{ split("level>=S|origin=ROME|tag=PREL|date>=2005|caveat=NOFORN", m, "|")
		print m[1 + (NR - 1) % 5] " " $1 }'
} > "$filters"
n=$(wc -l < "$filters")
ws=$out/searches.db
rm -f "$ws" "$ws-wal" "$ws-shm"
"$WSMAKE" "$ws" searches "$filters"

# pilcrow --count of the same filters, for comparison (and the list index
# saved, so that each run below reopens the dump as a user would)
t0=$(now)
"$PILCROW" --count "$filters" "$csv" > "$out/searches-count.tsv" 2> "$out/searches-count.err"
count_ms=$(ms "$t0" "$(now)")

# in tmux: from the start to the screen with every count (no … left)
sock=$out/tmux.sock
counted() {
	tmux -S "$sock" capture-pane -p 2> /dev/null > "$out/searches.screen" || return 1
	grep -q '^ Saved searches  [0-9]*   found in the' "$out/searches.screen" &&
		! grep -q '…' "$out/searches.screen"
}
for run in $(seq "$BENCH_RUNS"); do
	tmux -S "$sock" kill-server 2> /dev/null || true
	rm -f "$out/searches.stats"
	t0=$(now)
	tmux -S "$sock" new-session -d -x 160 -y 60 \
		env PILCROW_WORKSPACE="$ws" PILCROW_STATS="$out/searches.stats" "$PILCROW" --fresh "$csv"
	while ! counted; do
		sleep 0.01
		if [ "$(ms "$t0" "$(now)")" -gt 60000 ]; then
			echo "timed out: $(head -1 "$out/searches.screen")" >&2
			break
		fi
	done
	echo "$(ms "$t0" "$(now)")" >> "$out/searches.ms"
	tmux -S "$sock" send-keys q
	sleep 0.2
	tmux -S "$sock" send-keys q
	i=0
	while [ ! -s "$out/searches.stats" ] && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
	stat_of index_step_max_ms "$out/searches.stats" >> "$out/searches.step"
	tmux -S "$sock" kill-server 2> /dev/null || true
done
all_ms=$(median < "$out/searches.ms")
step_ms=$(median < "$out/searches.step")
rm -f "$out/searches.ms" "$out/searches.step"
# the screen's counts are --count's
awk 'NR > 1 && / s[0-9][0-9] / { print $2 }' "$out/searches.screen" | tr -d , > "$out/searches.screen-counts"
cut -f1 "$out/searches-count.tsv" > "$out/searches.count-counts"
same=yes
cmp -s "$out/searches.screen-counts" "$out/searches.count-counts" || same=no
grep5=$(grep_words_ms 5 "$out/search-names.txt")
printf '%-58s %10s\n' "measure ($n saved searches)" "ms"
printf '%-58s %10s\n' "pilcrow: start to every count on the screen (tmux)" "$all_ms"
printf '%-58s %10s\n' "pilcrow: longest step between keys meanwhile" "$step_ms"
printf '%-58s %10s\n' "pilcrow --count: the same $n filters" "$count_ms"
printf '%-58s %10s\n' "grep -c -i -w: one name (median of 5)" "$grep5"
printf '%-58s %10s\n' "grep -c -i -w: the 20 names (estimated)" "$(awk -v m="$grep5" 'BEGIN { printf "%.0f", m * 20 }')"
echo "the screen's counts are --count's: $same"
