#!/bin/sh
# bench-near.sh -- the cables around one on the whole corpus: the
# neighbours view (p: a pass over the list's ids) from the list and from
# the reader, serial= in the filter, beside grep -c of the same run of
# serials in the same run; a cable's thread (t) and --thread.  The list is the one saved with the text index
# (built here when absent).
#
#   make bench-near
#   BENCH_CSV=path/to/cables.csv make bench-near
set -eu
. "$(dirname "$0")/full.sh"
XDG_CACHE_HOME=$out/cache
export XDG_CACHE_HOME
"$PILCROW" --index "$csv" 2> "$out/near-index.err" || { cat "$out/near-index.err" >&2; exit 1; }

printf '\nfile: %s (%d MB)\n\n' "$csv" $((bytes / 1048576))
printf '%-62s %12s\n' "measure" "value"
printf '%-62s %10s ms\n' "neighbours of the first cable in the list (p)" "$(key_ms 'keys p')"
printf '%-62s %10s ms\n' "neighbours from the reader (Enter, then p)" "$(key_ms "$(printf 'keys <Enter>\nkeys p')")"
printf '%-62s %10s ms\n' "filter serial=ROME:3900..3950" "$(filter_ms 'serial=ROME:3900..3950')"
last_key_ms() {  # last_key_ms FILE KEYS: the last key of a script on FILE
	printf 'size 40 160\nwait-index\n%s\n' "$2" > "$out/key.script"
	for run in $(seq "$BENCH_RUNS"); do
		PILCROW_SCRIPT=$out/key.script PILCROW_TIMING=$out/times "$PILCROW" --fresh "$1" > /dev/null
		tail -1 "$out/times"
	done | median | awk '{ printf "%.1f", $1 * 1000 }'
}
printf '%-62s %10s ms\n' "thread of the first cable in the list (t), to its screen" "$(key_ms 'keys t')"
# A circular answered by 10,000 cables of 20 posts, 100 of which are
# answered in turn (the synthetic dump's REFs seldom lead to a cable it
# holds): the thread screen and --thread at their bounds.
fan=$out/fan.csv
awk 'BEGIN {
	split("ROME PARIS TOKYO BERLIN MOSCOW CAIRO KABUL MADRID LISBON ATHENS OSLO RIGA VIENNA BERN SEOUL LIMA QUITO DAKAR ACCRA LAGOS", p, " ")
	rec(1, "06STATE100", "Secretary of State", "", "STATE 000100", "DEMARCHE TO ALL POSTS")
	for (i = 1; i <= 10000; i++) {
		post = p[1 + i % 20]
		rec(i + 1, "06" post (1000 + i), "Embassy " post, "06STATE100", post " 00" (1000 + i), "REPLY FROM " post)
	}
	for (i = 1; i <= 100; i++) {
		post = p[1 + i % 20]
		rec(10001 + i, "06STATE" (200 + i), "Secretary of State", "06" post (1000 + i), "STATE 000" (200 + i), "ANSWER TO " post)
	}
}
function rec(row, id, origin, refs, line, subject) {
	printf "\"%d\",\"1/%d/2006 9:00\",\"%s\",\"%s\",\"UNCLASSIFIED\",\"%s\",\"R 010000Z JAN 06\nFM X\nTO Y\",\"UNCLAS %s\n\nTAGS: PREL\nSUBJECT: %s\n\n1. (U) Text.\nSIGNER\n\"\n", \
		row, 1 + row % 28, id, origin, refs, line, subject
}' > "$fan"
printf '%-62s %10s ms\n' "thread of a circular cited by 10,000 (t), to its screen" "$(last_key_ms "$fan" 'keys t')"
printf '%-62s %10s ms\n' "... a post's group opened (Enter on its row)" "$(last_key_ms "$fan" "$(printf 'keys t\nkeys jjj<Enter>')")"
t0=$(now)
"$PILCROW" --thread 06STATE100 "$fan" > "$out/fan-thread.txt"
printf '%-62s %10s ms\n' "pilcrow --thread of it, start to end ($(tail -1 "$out/fan-thread.txt"))" "$(ms "$t0" "$(now)")"
rm -f "$fan"
