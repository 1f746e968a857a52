#!/bin/sh
# corpus.sh -- the command line over many cables: --filter and --id with
# --json and --text, malformed filters (status 2, one line), filters and ids
# that match nothing (status 1, one line), --id in the reader.
. "${srcdir:-.}/tests/lib.sh"

command -v jq > /dev/null || { echo "corpus.sh needs jq" >&2; exit 99; }
cables=$srcdir/data/cables
linked=$srcdir/tests/screen/linked.csv

# ids FILTER...: the ids --json writes for those arguments, one a line
ids() {
	run_pilcrow "$tmp/out" "$tmp/err" --json "$@"
	jq -r .id "$tmp/out" | sort | tr '\n' ' '
}

check "--filter level>=S keeps the SECRET cables ($(ids -f 'level>=S' "$cables"))" \
	[ "$(ids -f 'level>=S' "$cables")" = "05WELLINGTON880 85NICOSIA1022 " ]
run_pilcrow "$tmp/out" "$tmp/err" --json -f 'level>=S' "$cables"
check "--filter level>=S: status 0 (got $rc)" [ "$rc" -eq 0 ]
check "--filter level>=S: nothing on stderr" [ ! -s "$tmp/err" ]
check "terms combine ($(ids --filter 'level>=C caveat=NOFORN tag=PREL' "$cables"))" \
	[ "$(ids --filter 'level>=C caveat=NOFORN tag=PREL' "$cables")" = "05WELLINGTON880 09LISBON771 " ]
check "terms combine: and, not or ($(ids --filter 'level>=C caveat=NOFORN tag=NZ' "$cables"))" \
	[ "$(ids --filter 'level>=C caveat=NOFORN tag=NZ' "$cables")" = "05WELLINGTON880 " ]
check "origin and date ($(ids --filter 'origin=lisbon date=2009-07' "$cables"))" \
	[ "$(ids --filter 'origin=lisbon date=2009-07' "$cables")" = "09LISBON771 " ]
check "a date range ($(ids --filter 'date>=1980 date<2006' "$cables"))" \
	[ "$(ids --filter 'date>=1980 date<2006' "$cables")" = "05WELLINGTON880 85NICOSIA1022 " ]
check "a quoted literal over the text ($(ids --filter 'text="Massolo"' "$cables"))" \
	[ "$(ids --filter 'text="Massolo"' "$cables")" = "04ROME3933 " ]
check "--filter over cables.csv ($(ids -f 'level=U' "$linked"))" \
	[ -n "$(ids -f 'level=U' "$linked")" ]
n_all=$(ids "$cables" | wc -w)
n_not=$(ids -f 'level!=U' "$cables" | wc -w)
n_u=$(ids -f 'level=U' "$cables" | wc -w)
check "level=U and level!=U split the samples ($n_u + $n_not = $n_all)" [ $((n_u + n_not)) -eq "$n_all" ]

# --id: canonical, as written, any case
for id in 04ROME3933 2004ROME03933 04rome3933; do
	check "--id $id finds 04ROME3933" [ "$(ids --id "$id" "$cables")" = "04ROME3933 " ]
done
run_pilcrow "$tmp/out" "$tmp/err" --text --width 60 --id 04ROME3933 "$cables"
check "--text --id writes that cable alone" grep -q "04ROME3933" "$tmp/out"
check "--text --id: one cable (no page break)" [ "$(grep -c "$(printf '\f')" "$tmp/out")" -eq 0 ]

# malformed filters: status 2, one line naming --filter and the problem
for f in 'levle>=S' 'level=X' 'tag>PREL' 'date>=2005-13' 'subject~(' 'text="open' '???'; do
	run_pilcrow "$tmp/out" "$tmp/err" --json --filter "$f" "$cables"
	check "--filter '$f': status 2 (got $rc)" [ "$rc" -eq 2 ]
	check "--filter '$f': one line on stderr" [ "$(wc -l < "$tmp/err")" -eq 1 ]
	check "--filter '$f': the line names --filter ($(cat "$tmp/err"))" grep -q '^pilcrow: --filter: ' "$tmp/err"
	check "--filter '$f': nothing on stdout" [ ! -s "$tmp/out" ]
done

# nothing passes: status 1, one line
run_pilcrow "$tmp/out" "$tmp/err" --json --filter 'level=TS' "$cables"
check "a filter nothing passes: status 1 (got $rc)" [ "$rc" -eq 1 ]
check "a filter nothing passes: says so ($(cat "$tmp/err"))" grep -qx "pilcrow: no cable passes the filter 'level=TS'" "$tmp/err"
run_pilcrow "$tmp/out" "$tmp/err" --json --id 99NOWHERE1 "$cables"
check "an --id not read: status 1 (got $rc)" [ "$rc" -eq 1 ]
check "an --id not read: says so ($(cat "$tmp/err"))" grep -qx "pilcrow: no cable 99NOWHERE1 in what was read" "$tmp/err"

# the reader with an --id it cannot find: status 1, one line, no screen
printf 'dump never\n' > "$tmp/script"
PILCROW_SCRIPT=$tmp/script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$tmp/marks \
	run_pilcrow "$tmp/out" "$tmp/err" --id 99NOWHERE1 "$cables"
check "reader, --id not read: status 1 (got $rc)" [ "$rc" -eq 1 ]
check "reader, --id not read: says so ($(cat "$tmp/err"))" grep -q "no cable 99NOWHERE1" "$tmp/err"
check "reader, --id not read: no screen drawn" [ ! -e "$tmp/never" ]
# A pattern PCRE2's limits stop (nested repeats that cannot match): the
# answer is not whole, and that is said, with status 3, whether or not
# other cables matched.
costly='(\w+\s?)+$x|MINISTER'
run_pilcrow "$tmp/out" "$tmp/err" --json --filter "text~$costly" "$cables"
check "a costly filter: status 3 ($rc)" [ "$rc" -eq 3 ]
check "a costly filter: said on how many cables ($(cat "$tmp/err"))" \
	grep -q "^pilcrow: gave up on [0-9]* cables*: the pattern is too costly there; simplify it$" "$tmp/err"
run_pilcrow "$tmp/out" "$tmp/err" --grep "~$costly" "$cables"
check "a costly --grep: status 3 ($rc)" [ "$rc" -eq 3 ]
check "a costly --grep: said ($(cat "$tmp/err"))" grep -q "gave up on [0-9]* cable" "$tmp/err"
run_pilcrow "$tmp/out" "$tmp/err" --stats --filter "text~$costly" "$cables"
check "a costly --stats filter: status 3 ($rc)" [ "$rc" -eq 3 ]
run_pilcrow "$tmp/out" "$tmp/err" --json --filter "text~MINISTER" "$cables"
check "the same alternative alone: status 0, nothing said ($rc)" sh -c "[ $rc -eq 0 ] && [ ! -s '$tmp/err' ]"
finish
