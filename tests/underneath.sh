#!/bin/sh
# underneath.sh -- files that change while pilcrow has them open: a dump cut
# short while the reader indexes it and while --json reads it (the lost
# pages raise SIGBUS), a cable removed before it is opened.  pilcrow says
# what happened, on one line, and goes on with what it has.
. "${srcdir:-.}/tests/lib.sh"

command -v jq > /dev/null || { echo "underneath.sh needs jq" >&2; exit 99; }
command -v truncate > /dev/null || { echo "underneath.sh needs truncate" >&2; exit 77; }

# --- the reader: the dump is cut short after 100 of 2,000 cables were indexed
gen_csv 2000 "$tmp/cut.csv"
size=$(wc -c < "$tmp/cut.csv")
cat > "$tmp/cut.script" <<EOS
run truncate -s 200000 '$tmp/cut.csv'
wait-index
size 24 200
dump cut-list
keys G<Enter>
dump cut-open
keys gj<Enter>
dump cut-first
keys Q
EOS
PILCROW_SCRIPT=$tmp/cut.script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$tmp/marks PILCROW_INDEX_FIRST=100 \
	run_pilcrow "$tmp/out" "$tmp/err" "$tmp/cut.csv"
check "reader, dump cut short: status 0 (got $rc; $(head -c 300 "$tmp/err"))" [ "$rc" -eq 0 ]
check "reader, dump cut short: the status bar says so" grep -q "cut short while open" "$tmp/cut-list"
n=$(sed -n 's/^ pilcrow  \([0-9,]*\) cables.*/\1/p' "$tmp/cut-list" | tr -d ,)
check "reader, dump cut short: the index stops at the cut ($n cables)" [ "${n:-0}" -ge 40 ] && [ "${n:-0}" -lt 2000 ]
check "reader, dump cut short: a cable past the cut cannot be read" \
	grep -q "05ROME100 cannot be read: the file was cut short before it" "$tmp/cut-open"
check "reader, dump cut short: a cable before it still can" grep -q "SUBJECT\|CABLE NUMBER 2" "$tmp/cut-first"
check "reader, dump cut short: told again on exit, one line" \
	[ "$(grep -c "cut.csv: the file was cut short while open (now 200000 bytes)" "$tmp/err")" -eq 1 ]
check "the file is as the other program left it" [ "$(wc -c < "$tmp/cut.csv")" -eq 200000 ]

# --- --json: the dump is cut short while it is being read
gen_csv 2000 "$tmp/cut2.csv"
timeout 60 "$PILCROW" --json "$tmp/cut2.csv" 2> "$tmp/err2" |
	{ IFS= read -r first; printf '%s\n' "$first" > "$tmp/out2"; truncate -s 2000000 "$tmp/cut2.csv"; cat >> "$tmp/out2"; }
check "--json, dump cut short: one line on stderr ($(cat "$tmp/err2"))" [ "$(wc -l < "$tmp/err2")" -eq 1 ]
check "--json, dump cut short: the line says so" grep -q "cut2.csv: the file was cut short while it was read" "$tmp/err2"
check "--json, dump cut short: what came out is whole JSON" jq -e . "$tmp/out2" > /dev/null
check "--json, dump cut short: no cable from past the cut" \
	[ "$(grep -c '"id":"05ROME' "$tmp/out2")" -lt 2000 ]

# --- a cable removed after the folder was read, before it is opened
mkdir "$tmp/dir"
for c in 04ROME3933.txt 05WELLINGTON880.txt 07OSLO512.txt; do cp "$srcdir/data/cables/$c" "$tmp/dir/"; done
cat > "$tmp/rm.script" <<EOS
wait-index
size 24 100
run rm '$tmp/dir/05WELLINGTON880.txt'
keys j<Enter>
dump rm-open
keys j<Enter>
dump rm-next
EOS
PILCROW_SCRIPT=$tmp/rm.script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$tmp/marks \
	run_pilcrow "$tmp/out" "$tmp/err" "$tmp/dir"
check "reader, a cable removed: status 0 (got $rc)" [ "$rc" -eq 0 ]
check "reader, a cable removed: the status bar says why" grep -q "05WELLINGTON880.txt: No such file" "$tmp/rm-open"
check "reader, a cable removed: the others still open" grep -q "OSLO" "$tmp/rm-next"
finish
