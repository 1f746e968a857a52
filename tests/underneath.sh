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
check "--json, dump cut short: the line says so" grep -q "cut2.csv: the file was cut short while open (now 2000000 bytes)" "$tmp/err2"
check "--json, dump cut short: what came out is whole JSON" jq -e . "$tmp/out2" > /dev/null
check "--json, dump cut short: no cable from past the cut" \
	[ "$(grep -c '"id":"05ROME' "$tmp/out2")" -lt 2000 ]

# --- the reader: the dump changed under it at several points, in both
# phases (its list read, and read whole); each time a message, no stall
# (the time limit), and the list as a fresh read of the file as it now is
gen_csv 2000 "$tmp/base.csv"
size=$(wc -c < "$tmp/base.csv")
half=$((size / 2))
# under NAME FIRST ACTION: the reader indexes FIRST cables, ACTION (shell)
# changes the dump, the list is read whole; the screen in $tmp/NAME-list,
# the end of the list in $tmp/NAME-end
under() {
	cp "$tmp/base.csv" "$tmp/$1.csv"
	cat > "$tmp/$1.script" <<EOS
run $3
wait-index
size 24 200
dump $1-list
keys G
dump $1-end
keys Q
EOS
	PILCROW_SCRIPT=$tmp/$1.script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$tmp/marks PILCROW_INDEX_FIRST=$2 \
		run_pilcrow "$tmp/out" "$tmp/$1.err" "$tmp/$1.csv"
	check "reader, $1: no stall, status 0 (got $rc)" [ "$rc" -eq 0 ]
}
# listed COUNT_FILE SCREEN: the count of cables the screen's banner shows
listed() { sed -n 's/^ pilcrow  \([0-9,]*\) cables.*/\1/p' "$1" | tr -d ,; }
fresh() { "$PILCROW" --stats --json --no-index "$1" 2> /dev/null | jq .cables; }
# cut ahead of the reading (100 cables read of 2,000, cut at half): read
# on to where it now ends, no wait for pages that will never come
under cut-ahead 100 "truncate -s $half '$tmp/cut-ahead.csv'"
check "reader, cut ahead: the status bar says so" grep -q "cut short while open (now $half bytes)" "$tmp/cut-ahead-list"
check "reader, cut ahead: the list as a fresh read gives it ($(listed "$tmp/cut-ahead-list") and $(fresh "$tmp/cut-ahead.csv"))" \
	[ "$(listed "$tmp/cut-ahead-list")" = "$(fresh "$tmp/cut-ahead.csv")" ]
check "reader, cut ahead: told on exit, once" [ "$(grep -c "cut short" "$tmp/cut-ahead.err")" -eq 1 ]
# cut ahead, late in the list (1,500 read, cut at 4/5)
under cut-late 1500 "truncate -s $((size * 4 / 5)) '$tmp/cut-late.csv'"
check "reader, cut late: the status bar says so" grep -q "cut short while open" "$tmp/cut-late-list"
check "reader, cut late: the list as a fresh read gives it" \
	[ "$(listed "$tmp/cut-late-list")" = "$(fresh "$tmp/cut-late.csv")" ]
# grown (another program appends): read as it was opened, and said
under grown 100 "cat '$tmp/base.csv' >> '$tmp/grown.csv'"
check "reader, grown: the status bar says so" grep -q "grew while it was read (now $((size * 2)) bytes); read as it was opened ($size bytes)" "$tmp/grown-list"
check "reader, grown: the cables it had when opened ($(listed "$tmp/grown-list"))" [ "$(listed "$tmp/grown-list")" -eq 2000 ]
# written over in place, the length kept
under written 100 "printf 'XXXX' | dd of='$tmp/written.csv' bs=1 seek=$((size - 100)) conv=notrunc 2> /dev/null"
check "reader, written to: the status bar says so" grep -q "written to while it was read" "$tmp/written-list"
# the second phase: the list whole and the text index made (its minimum
# lowered), then the dump cut: seen at the next key, said, and the cables
# past the cut cannot be opened
cp "$tmp/base.csv" "$tmp/whole.csv"
cat > "$tmp/whole.script" <<EOS
wait-index
size 24 200
run truncate -s $half '$tmp/whole.csv'
keys j
dump whole-list
keys G<Enter>
dump whole-open
keys Q
EOS
PILCROW_SCRIPT=$tmp/whole.script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$tmp/marks PILCROW_INDEX_MIN=1 \
	run_pilcrow "$tmp/out" "$tmp/whole.err" "$tmp/whole.csv"
check "reader, cut once read: status 0 (got $rc)" [ "$rc" -eq 0 ]
check "reader, cut once read: the status bar says so at the next key" grep -q "cut short while open (now $half bytes)" "$tmp/whole-list"
check "reader, cut once read: a cable past the cut cannot be read" grep -q "05ROME2000 cannot be read" "$tmp/whole-open"

# --- the command line: the dump changed while it is read (stopped at a
# point of its reading, the change made, let go): said, status 4, no stall
# stopped_at WHEN FILE ACTION -- PILCROW ARGS: runs pilcrow in the
# background, stops it once WHEN holds (a shell test), does ACTION, lets
# it go on; sets $rc, stdout in $tmp/bg.out, stderr in $tmp/bg.err
stopped_at() {
	when=$1 action=$2
	shift 3
	timeout 60 "$PILCROW" "$@" > "$tmp/bg.out" 2> "$tmp/bg.err" &
	pid=$!
	sleep 0.01
	stopped=
	for i in $(seq 2000); do
		kid=$(pgrep -P "$pid" | head -n 1)
		[ -n "$kid" ] || kid=$pid
		kill -STOP "$kid" 2> /dev/null || break
		if eval "$when"; then stopped=$kid; break; fi
		kill -CONT "$kid"
		sleep 0.005
	done
	[ -n "$stopped" ] && eval "$action"
	[ -n "$stopped" ] && kill -CONT "$stopped"
	wait "$pid"
	rc=$?
	check "stopped at '$when'" [ -n "$stopped" ]
}
# (a smaller dump under valgrind: the stop comes wherever the reading is)
case $PILCROW in *-valgrind) big=3000 ;; *) big=30000 ;; esac
gen_csv "$big" "$tmp/big.csv"
bigsize=$(wc -c < "$tmp/big.csv")
# while the list is read: the dump mapped, its list not done (four times
# the dump: the list of 30,000 is read in a fifth of a second, which a
# busy machine's polling can miss whole)
gen_csv "$((big * 4))" "$tmp/bigcut.csv"
cutsize=$(wc -c < "$tmp/bigcut.csv")
stopped_at 'grep -q bigcut.csv /proc/$kid/maps 2> /dev/null' "truncate -s $((cutsize / 2)) '$tmp/bigcut.csv'" -- \
	--stats --json --no-index "$tmp/bigcut.csv"
check "--stats, cut while read: status 4 (got $rc)" [ "$rc" -eq 4 ]
check "--stats, cut while read: said ($(cat "$tmp/bg.err"))" grep -q "bigcut.csv: the file was cut short" "$tmp/bg.err"
got=$(jq .cables "$tmp/bg.out") want=$(fresh "$tmp/bigcut.csv")
check "--stats, cut while read: the cables of the file as it is ($got, a fresh read $want; pilcrow said: $(head -c 200 "$tmp/bg.err"))" \
	[ "$got" = "$want" ]
cp "$tmp/big.csv" "$tmp/biggrow.csv"
stopped_at 'grep -q biggrow.csv /proc/$kid/maps 2> /dev/null' "cat '$tmp/big.csv' >> '$tmp/biggrow.csv'" -- \
	--json --filter "origin=ROME" "$tmp/biggrow.csv"
check "--json, grown while read: status 4 (got $rc)" [ "$rc" -eq 4 ]
check "--json, grown while read: said" grep -q "biggrow.csv: the file grew while it was read" "$tmp/bg.err"
check "--json, grown while read: the cables it had ($(wc -l < "$tmp/bg.out"))" [ "$(wc -l < "$tmp/bg.out")" -eq "$big" ]
# while its text index is made: the build gives up, keeps nothing, says why
rm -rf "$XDG_CACHE_HOME"
cp "$tmp/big.csv" "$tmp/bigidx.csv"
stopped_at "find '$XDG_CACHE_HOME' -name '*.part-*' 2> /dev/null | grep -q ." "truncate -s $((bigsize / 3)) '$tmp/bigidx.csv'" -- \
	--index "$tmp/bigidx.csv"
check "--index, cut while indexed: status 4 (got $rc)" [ "$rc" -eq 4 ]
check "--index, cut while indexed: said ($(tail -n 1 "$tmp/bg.err"))" grep -q "changed while it was indexed" "$tmp/bg.err"
check "--index, cut while indexed: nothing half-made left" sh -c "! find '$XDG_CACHE_HOME' -name '*.part-*' | grep -q ."
check "--index, cut while indexed: no index kept" sh -c "! find '$XDG_CACHE_HOME' -name 'meta' | grep -q ."

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
