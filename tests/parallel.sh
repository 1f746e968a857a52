#!/bin/sh
# parallel.sh -- the whole-dump passes on every core write what one core
# writes: --json, --text, --text --cite and --grep of a dump of 3,000 cables
# (six batches of 512 a worker, records of every length across the
# batches' edges) beside the bundled cables (files of every format), with
# 1, 2 and 8 workers (PILCROW_WORKERS), each byte for byte the same; and
# with a filter as without, the cables it keeps in the same order; and a
# damaged dump, whole and in pieces, each stretch the workers split
# that is not plain records read again as on one core.
. "${srcdir:-.}/tests/lib.sh"

gen_csv 3000 "$tmp/dump.csv"
mkdir -p "$tmp/in"
cp "$tmp/dump.csv" "$tmp/in/a-dump.csv"
cp "$srcdir"/data/cables/* "$tmp/in/"
for args in "--json" "--text --width 61" "--text --cite" "--grep minister" "--json --grep italy" "--json --filter level>=C"; do
	for w in 1 2 8; do
		PILCROW_WORKERS=$w run_pilcrow "$tmp/out.$w" "$tmp/err.$w" --no-index $args "$tmp/in"
		check "$args with $w workers: status 0 ($(head -c 200 "$tmp/err.$w"))" [ "$rc" -eq 0 ]
	done
	check "$args: something written ($(wc -c < "$tmp/out.1") bytes)" [ -s "$tmp/out.1" ]
	check "$args: 2 workers write what 1 writes" cmp -s "$tmp/out.1" "$tmp/out.2"
	check "$args: 8 workers write what 1 writes" cmp -s "$tmp/out.1" "$tmp/out.8"
done
# the workers split the dump into records too, a stretch of about 2 MB
# each, from a record start to the next: a stretch that is not plain
# records is read again record by record, as on one core.  A dump of
# 6,000 cables with damage here and there (a field lost, a line inside
# a text that starts like a record, a quote that never closes), cut into
# pieces whose records run across them: every worker count writes the same
# cables and says the same problems.
gen_csv 6000 "$tmp/big.csv"
mkdir -p "$tmp/damaged" "$tmp/pieces"
awk 'NR % 23011 == 17 { sub(/"Embassy Rome",/, "") }
     NR % 31013 == 40 { print "\"12\",\"1/5/2005 14:30\",\"a line of a text\"" }
     NR % 41017 == 99 { sub(/^SEMBLER$/, "SEMBLER \"") }
     { print }' "$tmp/big.csv" > "$tmp/damaged/cables.csv"
(cd "$tmp/pieces" && split -b 7000000 "$tmp/damaged/cables.csv" cables.csv.)
check "the damaged dump: damage made" [ "$(cmp "$tmp/big.csv" "$tmp/damaged/cables.csv" | wc -l)" -eq 1 ]
check "the damaged dump: in three pieces" [ "$(ls "$tmp/pieces" | wc -l)" -eq 3 ]
for in in damaged pieces; do
	for w in 1 2 8; do
		PILCROW_WORKERS=$w run_pilcrow "$tmp/out.$w" "$tmp/err.$w" --no-index --json "$tmp/$in"
	done
	check "$in: cables written ($(wc -l < "$tmp/out.1"))" [ "$(wc -l < "$tmp/out.1")" -gt 5900 ]
	check "$in: problems said ($(wc -l < "$tmp/err.1"): $(head -c 300 "$tmp/err.1"))" [ -s "$tmp/err.1" ]
	check "$in: 2 workers write what 1 writes" cmp -s "$tmp/out.1" "$tmp/out.2"
	check "$in: 8 workers write what 1 writes" cmp -s "$tmp/out.1" "$tmp/out.8"
	check "$in: 2 workers say what 1 says" cmp -s "$tmp/err.1" "$tmp/err.2"
	check "$in: 8 workers say what 1 says" cmp -s "$tmp/err.1" "$tmp/err.8"
done
# the progress line: none when standard error is no terminal; drawn when
# asked, each phase, on one line rewritten (\r), wiped at the end
PILCROW_WORKERS=2 run_pilcrow "$tmp/out" "$tmp/err" --no-index --json "$tmp/in"
check "--json: nothing on standard error when it is no terminal" [ ! -s "$tmp/err" ]
PILCROW_PROGRESS=1 PILCROW_WORKERS=2 run_pilcrow "$tmp/out.p" "$tmp/err" --no-index --json "$tmp/in"
check "--json with its progress: the same output" cmp -s "$tmp/out" "$tmp/out.p"
check "--json with its progress: the writing said, with the rate" grep -q 'writing .*cables/s' "$tmp/err"
check "--json with its progress: one line, rewritten" [ "$(wc -l < "$tmp/err")" -eq 0 ]
printf 'level>=C\nminister\n' > "$tmp/filters"
PILCROW_PROGRESS=1 run_pilcrow "$tmp/out" "$tmp/err" --no-index --count "$tmp/filters" "$tmp/in"
check "--count with its progress: the counting said" grep -q 'counting .*filters/s' "$tmp/err"
# every record, once, in the order of the inputs
run_pilcrow "$tmp/out" "$tmp/err" --no-index --json "$tmp/in"
jq -r .id "$tmp/out" > "$tmp/ids"
check "--json: every record once ($(wc -l < "$tmp/ids"))" [ "$(wc -l < "$tmp/ids")" -eq "$((3000 + $(ls "$srcdir"/data/cables | wc -l) - 1 + 3))" ]
check "--json: the dump's records in its order" \
	[ "$(grep -x '05ROME[0-9]*' "$tmp/ids" | sed 's/^05ROME//' | awk '$1 != NR { bad++ } END { print bad + 0 }')" -eq 0 ]
finish
