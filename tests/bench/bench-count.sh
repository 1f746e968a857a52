#!/bin/sh
# bench-count.sh -- pilcrow --count on the whole corpus: 1,000 filters of a
# name each (words the dump holds, as a colleague's list of names would
# be), answered by the text index, beside grep -c -i for the same names
# (10 of them timed, the 1,000 estimated from their median) in the same
# run.  The index is the one bench-index builds (built here when absent).
#
#   make bench-count
#   BENCH_CSV=path/to/cables.csv make bench-count
set -eu
. "$(dirname "$0")/full.sh"
XDG_CACHE_HOME=$out/cache
export XDG_CACHE_HOME
t0=$(now)
"$PILCROW" --index "$csv" 2> "$out/count-index.err" || { cat "$out/count-index.err" >&2; exit 1; }
echo "the text index ready in $(ms "$t0" "$(now)") ms (built, or found)"
# 1,000 names: words of the dump's text as rare as names are (the 1,001st
# to the 2,000th most frequent of five letters or more)
names=$out/names.txt
rare_words 1000 > "$names"
n=$(wc -l < "$names")
t0=$(now)
"$PILCROW" --count "$names" "$csv" > "$out/count.tsv" 2> "$out/count.err"
count_ms=$(ms "$t0" "$(now)")
[ "$(wc -l < "$out/count.tsv")" -eq "$n" ] || { echo "--count wrote $(wc -l < "$out/count.tsv") lines for $n filters" >&2; exit 1; }
grep10=$(grep_words_ms 10 "$names")
printf '%-52s %10s\n' "measure" "ms"
printf '%-52s %10s\n' "pilcrow --count: $n name filters (text index)" "$count_ms"
printf '%-52s %10s\n' "grep -c -i -w: one name (median of 10)" "$grep10"
printf '%-52s %10s\n' "grep -c -i -w: $n names (estimated: 1,000 x median)" "$(awk -v m="$grep10" -v n="$n" 'BEGIN { printf "%.0f", m * n }')"
