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
printf '%-62s %10s ms\n' "thread of the first cable in the list (t), to its screen" "$(key_ms 'keys t')"
printf '%-62s %10s ms\n' "pilcrow --thread of the first cable (the list saved)" "$(cli_ms --thread "$(head -c 400 "$csv" | sed -n 's/^"1","[^"]*","\([^"]*\)".*/\1/p')")"
printf '%-62s %10s ms\n' "grep -c -E of the same ids (\"[0-9][0-9]ROME39[0-4][0-9]\")" \
	"$(grep_ms -E '"[0-9][0-9]ROME39[0-4][0-9]"')"
