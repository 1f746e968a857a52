#!/bin/sh
# pieces.sh -- a cables.csv dump as it circulates: split into pieces (by
# lines, by bytes, with CRLF line ends), given together or one by one, cut
# off at its end, or damaged in the middle.  Every record is read once, a
# record cut between two pieces is joined, a record cut off at the end is
# still shown, and what cannot be read is one line: file, record, byte.
. "${srcdir:-.}/tests/lib.sh"

command -v jq > /dev/null || { echo "pieces.sh needs jq" >&2; exit 99; }
command -v split > /dev/null || { echo "pieces.sh needs split" >&2; exit 77; }

gen_csv 2700 "$tmp/dump.csv"
ids() { jq -r '[.id, .date, .level, .subject, (.paragraphs | length), (.paragraphs[3].text | length)] | @tsv' "$@"; }
run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/dump.csv"
ids "$tmp/out" > "$tmp/whole.tsv"
check "the whole dump: 2,700 cables" [ "$(wc -l < "$tmp/whole.tsv")" -eq 2700 ]
# the reader's banner: the cable's place in the list, with separators
printf 'wait-index\nsize 24 100\nkeys G<Enter>\ndump banner\n' > "$tmp/banner.script"
PILCROW_SCRIPT=$tmp/banner.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$tmp/ws.db "$PILCROW" --fresh "$tmp/dump.csv" \
	> /dev/null 2>&1
check "the banner: cable 2,700/2,700 ($(head -1 "$tmp/banner"))" sh -c "head -1 '$tmp/banner' | grep -q 'cable 2,700/2,700 *\$'"

# --- the pieces given together, in name order: every record once, as the whole gives it
for how in "-l 100000" "-l 777" "-b 1000000" "-b 4099" "-b 65536 crlf"; do
	split_dump "$tmp/dump.csv" "$how" "$tmp/p"
	n=$(ls "$tmp/p" | wc -l)
	run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/p"
	ids "$tmp/out" > "$tmp/split.tsv"
	check "split $how ($n pieces, a folder): every record, as the whole gives it" cmp -s "$tmp/whole.tsv" "$tmp/split.tsv"
	check "split $how: nothing on stderr ($(head -c 200 "$tmp/err"))" [ ! -s "$tmp/err" ]
	check "split $how: no record is partial" [ "$(jq -r 'select(.partial)' "$tmp/out" | wc -l)" -eq 0 ]
	# shellcheck disable=SC2046
	run_pilcrow "$tmp/out" "$tmp/err" --json $(ls -d "$tmp"/p/*)
	ids "$tmp/out" > "$tmp/split2.tsv"
	check "split $how (the pieces named): every record" cmp -s "$tmp/whole.tsv" "$tmp/split2.tsv"
done

# a record that runs on into the next piece says where it starts, and its whole length
split_dump "$tmp/dump.csv" "-b 1000000" "$tmp/p"
run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/p"
first_len=$(wc -c < "$tmp/p/cables.csv.aa")
jq -r "select(.source.path | endswith(\"cables.csv.aa\")) | select(.source.offset + .source.length > $first_len) | [.id, .source.offset, .source.length] | @tsv" \
	"$tmp/out" > "$tmp/across"
check "a record across two pieces: one, in the first piece ($(cat "$tmp/across"))" [ "$(wc -l < "$tmp/across")" -eq 1 ]
id=$(cut -f1 "$tmp/across")
check "... its length is the record's" \
	[ "$(jq -r "select(.id == \"$id\") | .source.length" "$tmp/out")" -eq "$(awk -F '\t' '{ print $3 }' "$tmp/across")" ]

# --- the pieces one by one: the bytes before the first record skipped and said,
# the record cut at the end shown with what it has
total=0
partial=0
for piece in "$tmp"/p/*; do
	run_pilcrow "$tmp/out" "$tmp/err" --json "$piece"
	total=$((total + $(wc -l < "$tmp/out")))
	partial=$((partial + $(jq -r 'select(.partial) | .id' "$tmp/out" | wc -l)))
	case $piece in
	*.aa) check "the first piece alone: nothing on stderr" [ ! -s "$tmp/err" ] ;;
	*) check "$(basename "$piece") alone: one line says what was skipped ($(cat "$tmp/err"))" \
		grep -q "^pilcrow: .*$(basename "$piece"): skipped [0-9]* bytes before the first record$" "$tmp/err" ;;
	esac
done
pieces=$(ls "$tmp/p" | wc -l)
check "one by one: every record once, where it starts ($total of 2700)" [ "$total" -eq 2700 ]
check "one by one: the records cut at a piece's end are partial ($partial, $((pieces - 1)) expected)" \
	[ "$partial" -eq $((pieces - 1)) ]
run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/p/cables.csv.aa"
check "a record cut at the end: its columns are there" \
	[ "$(tail -n 1 "$tmp/out" | jq -r '[.partial, .level, .origin_name] | @tsv')" = "$(printf 'true\tC\tEmbassy Rome')" ]
check "a record cut at the end: a warning says so" \
	tail -n 1 "$tmp/out" | grep -q "cut off at the end of the input"

# --- the reader: the pieces are one dump there too
cat > "$tmp/list.script" <<EOS
wait-index
size 24 120
dump pieces-list
keys Q
EOS
PILCROW_SCRIPT=$tmp/list.script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$tmp/marks run_pilcrow "$tmp/out" "$tmp/err" "$tmp/p"
check "the reader: the pieces give 2,700 cables" grep -q "^ pilcrow  2,700 cables" "$tmp/pieces-list"
check "the reader: nothing to say ($(head -c 200 "$tmp/err"))" [ ! -s "$tmp/err" ]
cat > "$tmp/open.script" <<EOS
wait-index
size 24 120
type f
type id=$id<Enter>
keys <Enter>
dump pieces-open
keys Q
EOS
PILCROW_SCRIPT=$tmp/open.script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$tmp/marks run_pilcrow "$tmp/out" "$tmp/err" "$tmp/p"
n=$(echo "$id" | sed 's/05ROME//')
check "the reader: the record across two pieces opens" grep -q "Subject   CABLE NUMBER $n$" "$tmp/pieces-open"
check "the reader: ... whole, its last paragraph there" grep -q "^ .4 (C) THE MINISTER" "$tmp/pieces-open"

# --- damage: one line each, every other record read, never a hang
gen_csv 30 "$tmp/small.csv"
{
	head -c 20000 "$tmp/small.csv"
	head -c 300000 /dev/urandom | tr -d '"\n'
	printf '\n'
	tail -c 30000 "$tmp/small.csv"
} > "$tmp/binary.csv"
run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/binary.csv"
check "mostly binary: status 0" [ "$rc" -eq 0 ]
check "mostly binary: the records before and after are read ($(wc -l < "$tmp/out"))" [ "$(wc -l < "$tmp/out")" -ge 8 ]
check "mostly binary: one line on stderr, with the record and its byte ($(cat "$tmp/err"))" \
	[ "$(grep -c 'binary.csv: record [0-9]* (byte [0-9]*): ' "$tmp/err")" -eq "$(wc -l < "$tmp/err")" ]
check "mostly binary: at most two lines on stderr" [ "$(wc -l < "$tmp/err")" -le 2 ]

printf '"id","name","value"\n"1","a","b"\n"2","c","d"\n' > "$tmp/other.csv"
run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/other.csv"
check "another CSV: status 1" [ "$rc" -eq 1 ]
check "another CSV: one clear line ($(cat "$tmp/err"))" [ "$(wc -l < "$tmp/err")" -eq 1 ]
check "another CSV: it names the file" grep -q "other.csv: not a cable" "$tmp/err"

# a record whose last field never closes, between two whole records
at=$(grep -bo '^"6","' "$tmp/small.csv" | cut -d: -f1)
{ head -c "$at" "$tmp/small.csv"; printf '"99","1/1/2005 1:00","05ROME99","Embassy Rome","SECRET","","","OPEN\n'
  tail -c +"$((at + 1))" "$tmp/small.csv"; } > "$tmp/open.csv"
run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/open.csv"
check "a quote that never closes: one line, with the record and its byte ($(cat "$tmp/err"))" \
	grep -q "open.csv: record [0-9]* (byte [0-9]*): a quote that never closes before the next record" "$tmp/err"
check "a quote that never closes: every other record is read ($(wc -l < "$tmp/out"))" [ "$(wc -l < "$tmp/out")" -eq 30 ]
finish
