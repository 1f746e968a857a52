#!/bin/sh
# bench-people.sh -- the people and offices on the whole corpus: the first
# open that reads them into the list (the header column, the first kB and
# the last 2 kB of each record), and then each people field of the filter
# language alone in the reader, the overview with its people facets,
# completion of a signer and pilcrow --count of the fields; each beside
# grep -c of the same name in the same run.  The names are the dump's own
# (a signer of median rank, the most frequent person TAG ...), taken from
# pilcrow --stats --json.  The text index is the one bench-index builds
# (built here when absent): the list is saved with it.
#
#   make bench-people
#   BENCH_CSV=path/to/cables.csv make bench-people
set -eu
. "$(dirname "$0")/full.sh"
XDG_CACHE_HOME=$out/cache
export XDG_CACHE_HOME

# --- the first open: the whole list read from the dump (no saved list)
echo 'level>=U' > "$out/people-all.txt"
first=$(for run in $(seq "$BENCH_RUNS"); do
	t0=$(now)
	XDG_CACHE_HOME=$out/nocache "$PILCROW" --no-index --count "$out/people-all.txt" "$csv" > /dev/null
	ms "$t0" "$(now)"
	echo
	rm -rf "$out/nocache"
done | median)
"$PILCROW" --index "$csv" 2> "$out/people-index.err" || { cat "$out/people-index.err" >&2; exit 1; }

# --- the names: the dump's own
"$PILCROW" --stats --json --top all "$csv" > "$out/people-stats.json"
pick() {        # pick FACET RANK: the value at RANK (0: the first), as a filter value
	jq -r --arg f "$1" --argjson r "$2" '.[$f] | (.[$r] // .[-1]) | .value' "$out/people-stats.json"
}
count_of() {    # count_of FACET RANK: how many cables it has
	jq -r --arg f "$1" --argjson r "$2" '.[$f] | (.[$r] // .[-1]) | .cables' "$out/people-stats.json"
}
nsign=$(jq '.signers | length' "$out/people-stats.json")
signer=$(pick signers $((nsign / 2)))
classifier=$(pick classifiers 0)
addressee=$(pick addressees 2)
person=$(pick people 0)
surname=${person%%,*}
filters=$out/people-filters.txt
{
	echo "signer=$signer"
	echo "classified-by=\"$classifier\""
	echo "from=CAIRO"
	echo "to=secstate"
	echo "info=\"$addressee\""
	echo "addressee=\"$addressee\""
	echo "person=$surname"
	echo "signer=$signer level>=S"
} > "$filters"

printf '\nfile: %s (%d MB)\n\n' "$csv" $((bytes / 1048576))
printf '%-66s %12s\n' "measure" "value"
printf '%-66s %10s ms\n' "first open: the whole list read, people too (--count level>=U)" "$first"
printf '%-66s %10s ms\n' "grep -c of the records' first column (the same bytes read)" "$(grep_ms '^"[0-9]*","')"
while read -r f; do
	printf '%-66s %10s ms\n' "filter $f" "$(filter_ms "$f")"
done < "$filters"
printf '%-66s %10s ms\n' "grep -c -w $signer (the signer's name, anywhere)" "$(grep_ms -w "$signer")"
printf '%-66s %10s ms\n' "grep -c -i -w $surname (the person's name, anywhere)" "$(grep_ms -i -w "$surname")"
printf '%-66s %10s ms\n' "pilcrow --count of the $(wc -l < "$filters") filters above (saved list)" "$(cli_ms --count "$filters")"
printf '%-66s %10s ms\n' "the overview of the whole corpus, people facets too (o)" "$(key_ms 'keys o')"
printf '%-66s %10s ms\n' "completion: the first Tab after signer=KA (with counts)" \
	"$(key_ms "$(printf 'keys f\ntype signer=KA<Tab>')")"
printf '%-66s %10s ms\n' "completion: the first Tab after origin=R (no people counted)" \
	"$(key_ms "$(printf 'keys f\ntype origin=R<Tab>')")"
printf '\n%s: %s cables signed; %s is %s classifications; %s a person TAG of %s\n' "$signer" \
	"$(count_of signers $((nsign / 2)))" "$classifier" "$(count_of classifiers 0)" "$person" "$(count_of people 0)"
