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
last_key_ms() {  # last_key_ms KEYS: the last key of a script (the ones before bring the list there)
	printf 'size 40 160\nwait-index\n%s\n' "$1" > "$out/key.script"
	for run in $(seq "$BENCH_RUNS"); do
		PILCROW_SCRIPT=$out/key.script PILCROW_TIMING=$out/times "$PILCROW" --fresh "$csv" > /dev/null
		tail -1 "$out/times"
	done | median | awk '{ printf "%.1f", $1 * 1000 }'
}
# the thread of a cable many cite: the ids the dump's REF column names
# most, the first of them the dump holds
cited=""
for id in $(awk -F '","' '/^"[0-9]+","/ && NF > 6 { n = split($6, r, "|"); for (i = 1; i <= n; i++) if (r[i] != "") c[r[i]]++ }
		END { for (k in c) print c[k], k }' "$csv" | sort -rn | head -40 | awk '{ print $2 }'); do
	if [ "$("$PILCROW" --json --thread "$id" "$csv" 2> /dev/null | jq -r .cables)" -gt 1 ] 2> /dev/null; then
		cited=$id
		break
	fi
done
printf '%-62s %10s ms\n' "thread of the first cable in the list (t), to its screen" "$(key_ms 'keys t')"
if [ -n "$cited" ]; then
	printf '%s\n' "id=$cited" > "$out/near-cited.txt"
	printf '%-62s %10s ms\n' "thread of $cited ($("$PILCROW" --json --thread "$cited" "$csv" | jq -r .cables) cables), to its screen" \
		"$(last_key_ms "$(printf 'keys f\ntype id=%s<Enter>\nkeys t' "$cited")")"
	printf '%-62s %10s ms\n' "pilcrow --thread $cited (the list saved)" "$(cli_ms --thread "$cited")"
	printf '%-62s %10s ms\n' "grep -c $cited (the records that name it)" "$(grep_ms "$cited")"
fi
printf '%-62s %10s ms\n' "grep -c -E of the same ids (\"[0-9][0-9]ROME39[0-4][0-9]\")" \
	"$(grep_ms -E '"[0-9][0-9]ROME39[0-4][0-9]"')"
