#!/bin/sh
# faults.sh -- the reader's work through the faults of the machine: a lock
# another process holds for seconds, a data directory that is read only or
# full, and workspaces damaged in place (random bytes over the file, its
# size and time kept, so that nothing but the contents tells).
. "${srcdir:-.}/tests/lib.sh"
: "${WSMAKE:=$(dirname "$PILCROW")/../tests/wsmake}"
cd "$srcdir" || exit 99

export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
unset NO_COLOR
slow=
case $PILCROW in *-valgrind) slow=1 ;; esac

# damage FILE SEED: 40 bytes of garbage over FILE at a place SEED chooses,
# in place, its time kept; prints the place
damage() {
	size=$(wc -c < "$1")
	cp -p "$1" "$tmp/damage.time"
	off=$(awk -v s="$2" -v n="$size" 'BEGIN { srand(s); print int(rand() * (n - 40)) }')
	LC_ALL=C awk -v s="$2" 'BEGIN { srand(s * 7 + 1); for (i = 0; i < 40; i++) printf "%c", 1 + int(rand() * 255) }' |
		dd of="$1" bs=1 seek="$off" conv=notrunc 2> /dev/null
	touch -r "$tmp/damage.time" "$1"
	echo "$off"
}

# marks_of DB: the marks and items DB holds, a line each
marks_of() {
	PILCROW_WORKSPACE=$1 "$PILCROW" --export jsonl 2> /dev/null | jq -r '[.id, .paragraph, .collections] | @tsv'
}

# A workspace of 100 marks (and its items as lines, to compare with).
base=$tmp/base/workspace.db
mkdir -p "$tmp/base"
"$WSMAKE" "$base" marks 100
marks_of "$base" > "$tmp/base.lines"
check "the workspace to damage: 100 marks ($(wc -l < "$tmp/base.lines"))" [ "$(wc -l < "$tmp/base.lines")" -eq 100 ]

# 1. A lock held for 8 s (BEGIN EXCLUSIVE in another process) while four
# paragraphs are marked: each key answers at once, the status bar says the
# workspace is waited for, and every mark is in the file once the lock is
# free, without leaving the session.
ws=$tmp/lock/workspace.db
mkdir -p "$tmp/lock"
"$WSMAKE" "$ws" 1 04ROME3933:1
cat > "$tmp/lock.script" <<EOF
size 24 200
run "$WSMAKE" "$ws" lock 8 "$tmp/locked" > /dev/null 2>&1 & until [ -f "$tmp/locked" ]; do sleep 0.05; done
keys jm
dump lock-waiting
keys jmjmjm
dump lock-four
run until [ ! -f "$tmp/locked" ]; do sleep 0.1; done
keys <C-l>
dump lock-saved
EOF
start=$(date +%s)
PILCROW_SCRIPT=$tmp/lock.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$ws timeout 60 "$PILCROW" data/cables/04ROME3933.txt \
	> /dev/null 2> "$tmp/lock.err"
rc=$?
secs=$(($(date +%s) - start))
check "lock: exit 0 ($rc: $(cat "$tmp/lock.err"))" [ "$rc" -eq 0 ]
check "lock: the status bar says the workspace is waited for" grep -q "waiting for the workspace" "$tmp/lock-waiting"
check "lock: the marks shown meanwhile, the wait said ($(tail -n 1 "$tmp/lock-four"))" \
	grep -q "¶5 marked; waiting for the workspace" "$tmp/lock-four"
[ -n "$slow" ] || check "lock: no key waited for the lock (the run took $secs s, the lock 8)" [ "$secs" -le 13 ]
check "lock: said once the lock was free ($(tail -n 1 "$tmp/lock-saved"))" grep -q "the workspace is free again: .* saved" "$tmp/lock-saved"
marks_of "$ws" > "$tmp/lock.lines"
check "lock: every mark in the file ($(wc -l < "$tmp/lock.lines") of 5)" [ "$(wc -l < "$tmp/lock.lines")" -eq 5 ]
check "lock: not given up" sh -c "! grep -q 'will not be saved' '$tmp/lock.err'"

# The lock still held when the reader quits: it waits, and says so.
"$WSMAKE" "$ws" lock 3 "$tmp/locked" > /dev/null 2>&1 &
lp=$!
until [ -f "$tmp/locked" ]; do sleep 0.05; done
printf 'keys jjjjjm\n' > "$tmp/lock2.script"
PILCROW_SCRIPT=$tmp/lock2.script PILCROW_WORKSPACE=$ws timeout 60 "$PILCROW" data/cables/04ROME3933.txt \
	> /dev/null 2> "$tmp/lock2.err"
rc=$?
wait $lp
check "lock at the end: exit 0 ($rc)" [ "$rc" -eq 0 ]
check "lock at the end: said, then saved ($(cat "$tmp/lock2.err"))" \
	sh -c "grep -q 'waiting for the workspace to save [0-9]* change' '$tmp/lock2.err' && grep -q 'free again: [0-9]* changes* saved' '$tmp/lock2.err'"
check "lock at the end: the mark in the file" [ "$(marks_of "$ws" | wc -l)" -eq 6 ]

# Killed while it waits: the changes it kept are in a file beside the
# workspace, and the next session to open it makes them.
ws=$tmp/killed/workspace.db
mkdir -p "$tmp/killed"
"$WSMAKE" "$ws" 1 04ROME3933:1
"$WSMAKE" "$ws" lock 4 "$tmp/locked" > /dev/null 2>&1 &
lp=$!
until [ -f "$tmp/locked" ]; do sleep 0.05; done
printf 'keys jmjmjm\nrun touch %s/marked; sleep 60\n' "$tmp" > "$tmp/killed.script"
PILCROW_SCRIPT=$tmp/killed.script PILCROW_WORKSPACE=$ws "$PILCROW" data/cables/04ROME3933.txt > /dev/null 2>&1 &
pk=$!
until [ -f "$tmp/marked" ]; do sleep 0.05; done
kill -9 $pk
wait $pk 2> /dev/null
wait $lp
check "killed while waiting: the kept changes in a file beside the workspace" \
	sh -c "ls '$tmp/killed' | grep -q '^workspace.db-kept-$pk\$'"
PILCROW_WORKSPACE=$ws "$PILCROW" --export jsonl 2> "$tmp/killed.err" | jq -r '[.id, .paragraph] | @tsv' > "$tmp/killed.lines"
check "killed while waiting: the next session makes them ($(wc -l < "$tmp/killed.lines") marks; $(cat "$tmp/killed.err"))" \
	[ "$(wc -l < "$tmp/killed.lines")" -eq 4 ]
check "killed while waiting: said" grep -q "kept by a session that ended while it waited" "$tmp/killed.err"
check "killed while waiting: the file of kept changes gone" sh -c "! ls '$tmp/killed' | grep -q -- '-kept-'"

# 2. A data directory that cannot be written, and one that is full: the
# marks already there are shown and exported, and new ones said unsaved.
# Root writes anywhere: as root the reader runs as nobody.
as=
d=$tmp/ro
mkdir -p "$d"
cp "$base" "$d/workspace.db"
chmod 644 "$d/workspace.db"
chmod 555 "$d"
if [ "$(id -u)" -eq 0 ]; then
	chmod 755 "$tmp"
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
PILCROW_WORKSPACE=$d/workspace.db $as "$PILCROW" --export jsonl > "$tmp/ro.jsonl" 2> "$tmp/ro.err"
check "read-only directory: --export gives the 100 marks ($(wc -l < "$tmp/ro.jsonl"); $(cat "$tmp/ro.err"))" \
	[ "$(wc -l < "$tmp/ro.jsonl")" -eq 100 ]
mkdir -p "$tmp/rodump" && chmod 777 "$tmp/rodump"
printf 'size 24 100\nkeys w\ndump ro-marks\n' > "$tmp/ro.script"
PILCROW_SCRIPT=$tmp/ro.script PILCROW_DUMP_DIR=$tmp/rodump PILCROW_WORKSPACE=$d/workspace.db $as "$PILCROW" \
	data/cables/04ROME3933.txt > /dev/null 2> "$tmp/ro2.err"
chmod 700 "$tmp"
check "read-only directory: the marks browser lists them ($(head -n 1 "$tmp/rodump/ro-marks"))" \
	grep -q "100 in 10 cables" "$tmp/rodump/ro-marks"
check "read-only directory: new marks said unsaved" grep -q "marks will not be saved" "$tmp/ro2.err"
check "read-only directory: the file untouched" cmp -s "$d/workspace.db" "$base"
chmod 755 "$d"

d=$tmp/full
mkdir -p "$d"
cp "$base" "$d/workspace.db"
# (a pipe out: the limit is the process's, whatever file it writes)
(trap '' XFSZ; ulimit -f 1; PILCROW_WORKSPACE=$d/workspace.db exec "$PILCROW" --export jsonl 2> "$tmp/full.err") |
	cat > "$tmp/full.jsonl"
check "a full disk: --export gives the 100 marks ($(wc -l < "$tmp/full.jsonl"); $(cat "$tmp/full.err"))" \
	[ "$(wc -l < "$tmp/full.jsonl")" -eq 100 ]

# 3. The workspace damaged in place, 20 times: no crash, no hang; where
# the marks read differ from the ones made, a line says the file was
# damaged and set aside, the file is kept, and the marks SQLite can read
# are in the new one, as many as the line says.
seeds="1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20"
[ -n "$slow" ] && seeds="2 16 18"
for s in $seeds; do
	d=$tmp/dmg$s
	mkdir -p "$d"
	cp -p "$base" "$d/workspace.db"
	off=$(damage "$d/workspace.db" "$s")
	PILCROW_WORKSPACE=$d/workspace.db timeout 60 "$PILCROW" --export jsonl > "$tmp/dmg.jsonl" 2> "$tmp/dmg.err"
	rc=$?
	check "damage $s (at $off): no crash, no hang ($rc)" [ "$rc" -lt 124 ]
	jq -r '[.id, .paragraph, .collections] | @tsv' "$tmp/dmg.jsonl" > "$tmp/dmg.lines" 2> /dev/null
	if ! cmp -s "$tmp/dmg.lines" "$tmp/base.lines"; then
		check "damage $s (at $off): marks differ, and a line says why ($(cat "$tmp/dmg.err"))" \
			grep -q "workspace.db: .*set aside as" "$tmp/dmg.err"
	fi
	if grep -q "set aside as" "$tmp/dmg.err"; then
		check "damage $s: the damaged file kept" sh -c "ls '$d' | grep -q '^workspace.db.bad-'"
		said=$(sed -n 's/.*recovered into a new one: \([0-9]*\) marks\{0,1\},.*/\1/p' "$tmp/dmg.err")
		check "damage $s: the marks recovered are the marks read (${said:-none said}, $(wc -l < "$tmp/dmg.lines"))" \
			[ "${said:-0}" -eq "$(wc -l < "$tmp/dmg.lines")" ]
		PILCROW_WORKSPACE=$d/workspace.db "$PILCROW" --export jsonl > /dev/null 2> "$tmp/dmg2.err"
		check "damage $s: the new workspace opens with nothing to say ($(cat "$tmp/dmg2.err"))" [ ! -s "$tmp/dmg2.err" ]
	fi
done
# the reader on a damaged workspace: it opens, marks, and keeps the mark
d=$tmp/dmg-reader
mkdir -p "$d"
cp -p "$base" "$d/workspace.db"
damage "$d/workspace.db" 18 > /dev/null
printf 'keys jm\n' > "$tmp/dmgr.script"
PILCROW_SCRIPT=$tmp/dmgr.script PILCROW_WORKSPACE=$d/workspace.db timeout 60 "$PILCROW" data/cables/04ROME3933.txt \
	> /dev/null 2> "$tmp/dmgr.err"
rc=$?
check "the reader on a damaged workspace: exit 0 ($rc: $(cat "$tmp/dmgr.err"))" [ "$rc" -eq 0 ]
check "the reader on a damaged workspace: the new mark kept" \
	sh -c "PILCROW_WORKSPACE='$d/workspace.db' '$PILCROW' --export jsonl | grep -q '04ROME3933'"
# 4. The saved list of a dump (list.db, beside its text index) damaged in
# place, its size and time kept, 20 times: no crash, the same answers as
# from the dump itself, and the damage said, the index set aside.
# Each time the index is made anew, so that the damage comes after its
# check (the stamp it keeps of its files: size, time and inode, all kept).
gen_csv 3000 "$tmp/dump.csv"
"$PILCROW" --stats --no-index "$tmp/dump.csv" > "$tmp/list-stats.want" 2> /dev/null
"$PILCROW" --json --no-index --filter 'level>=C tag=PREL' "$tmp/dump.csv" | jq -r .id > "$tmp/list-ids.want"
for s in $seeds; do
	rm -rf "$XDG_CACHE_HOME"
	"$PILCROW" --index "$tmp/dump.csv" > /dev/null 2>&1
	list=$(find "$XDG_CACHE_HOME" -name list.db | head -n 1)
	[ "$s" = "${seeds%% *}" ] && check "the dump's saved list made ($list)" [ -f "$list" ]
	off=$(damage "$list" "$s")
	timeout 60 "$PILCROW" --stats "$tmp/dump.csv" > "$tmp/list-stats" 2> "$tmp/list.err"
	rc=$?
	check "saved list damaged $s (at $off): --stats, no crash ($rc)" [ "$rc" -lt 124 ]
	check "saved list damaged $s: --stats as from the dump" cmp -s "$tmp/list-stats" "$tmp/list-stats.want"
	timeout 60 "$PILCROW" --json --filter 'level>=C tag=PREL' "$tmp/dump.csv" 2>> "$tmp/list.err" | jq -r .id > "$tmp/list-ids"
	check "saved list damaged $s: --filter, the same cables" cmp -s "$tmp/list-ids" "$tmp/list-ids.want"
	if grep -q "saved list" "$tmp/list.err"; then
		check "saved list damaged $s: one line, the index set aside ($(head -n 1 "$tmp/list.err"))" \
			sh -c "grep -q 'set aside as' '$tmp/list.err' && find '$XDG_CACHE_HOME' -name '*.bad-*' | grep -q ."
	fi
done
rm -rf "$XDG_CACHE_HOME"

# 5. A shard of the text index damaged, 20 times: every query answers as
# the cables do (the index's answer, or the scan's once damage is met),
# and where the index is used no more, one line says it was set aside.
gen_rules 1200 "$tmp/rules.csv"
queries='nuclear|uribe|presiden*|"decision to resign"|velez -uribe'
# ask STEM: each query's ids, sorted, in STEM.NAME; stderr added to STEM.err
ask() {
	printf '%s\n' "$queries" | tr '|' '\n' | while IFS= read -r q; do
		timeout 60 "$PILCROW" --json "$@" --filter "$q" "$tmp/rules.csv" 2>> "$stem.err" | jq -r .id | sort > "$stem.$(echo "$q" | tr -dc a-z)"
	done
}
stem=$tmp/want ask --no-index
check "the shard queries have answers ($(wc -l < "$tmp/want.nuclear") for nuclear)" [ -s "$tmp/want.nuclear" ]
# answers_right LABEL: each query answered as the cables answer it
answers_right() {
	for f in "$tmp"/want.*; do
		case $f in *.err) continue ;; esac
		got=$tmp/got.${f##*/want.}
		check "$1: '${f##*/want.}' answers as the cables do ($(wc -l < "$got") of $(wc -l < "$f"))" cmp -s "$got" "$f"
	done
}
# damage200 FILE SEED: 200 bytes over FILE, as damage does 40
damage200() {
	damage "$1" "$2" > /dev/null
	for k in 1 2 3 4; do damage "$1" "$(($2 * 10 + k))" > /dev/null; done
}
# restamp SHARD: the index's record of SHARD's size, times and inode made
# its present ones, as when the disk itself changed its bytes (nothing
# that writes a file can set its change time back)
restamp() {
	checked=$(dirname "$1")/checked
	now=$(stat -c '%s %.9Y %.9Z %i' "$1")
	awk -v now="$now" '$1 == "0" { $0 = "0 " now } { print }' "$checked" > "$checked.new" && mv "$checked.new" "$checked"
}
fresh_index() {
	rm -rf "$XDG_CACHE_HOME"
	"$PILCROW" --index "$tmp/rules.csv" > /dev/null 2>&1
	shard=$(find "$XDG_CACHE_HOME" -name 'text-0.db' | head -n 1)
	: > "$tmp/got.err"
}
# Written over in place, its modification time put back: the change time
# betrays it, the shard's checksum is taken, and the damage said.
for s in $seeds; do
	fresh_index
	damage200 "$shard" "$s"
	stem=$tmp/got ask
	answers_right "shard damaged in place $s"
	check "shard damaged in place $s: said in a line ($(head -n 1 "$tmp/got.err"))" \
		grep -q "text index was damaged.*set aside" "$tmp/got.err"
done
# Damaged by the disk in its header and schema (its record vouching for
# it): what SQLite meets (a malformed schema, not a database) is damage
# said, and the query answered by reading the cables.
for s in $seeds; do
	fresh_index
	for k in 1 2 3 4 5; do
		off=$(awk -v s="$s$k" 'BEGIN { srand(s); print int(rand() * 8152) }')
		LC_ALL=C awk -v s="$s$k" 'BEGIN { srand(s * 7 + 1); for (i = 0; i < 40; i++) printf "%c", 1 + int(rand() * 255) }' |
			dd of="$shard" bs=1 seek="$off" conv=notrunc 2> /dev/null
	done
	restamp "$shard"
	stem=$tmp/got ask
	answers_right "shard's header damaged $s"
	if [ -s "$tmp/got.err" ]; then
		check "shard's header damaged $s: said in a line ($(head -n 1 "$tmp/got.err" | LC_ALL=C tr -c '[:print:]\n' '?'))" \
			grep -q "text index was damaged.*set aside" "$tmp/got.err"
		# SQLite quotes the damaged schema: its bytes never reach the terminal
		check "shard's header damaged $s: the line is printable text" \
			sh -c "! LC_ALL=C grep -q '[^[:print:]]' '$tmp/got.err'"
	fi
done
# Cut short by a page, its record vouching for it: the look at its header
# finds it before SQLite reads a page.
fresh_index
size=$(wc -c < "$shard")
truncate -s "$((size - 4096))" "$shard"
restamp "$shard"
stem=$tmp/got ask
answers_right "shard cut short"
check "shard cut short: said ($(head -n 1 "$tmp/got.err"))" grep -q "text index was damaged.*set aside" "$tmp/got.err"
rm -rf "$XDG_CACHE_HOME"

# 6. A prompt takes any length: a filter of 10,000 bytes, its last term
# deciding, is taken whole (a prompt that cut it would lose that term).
terms=$(awk 'BEGIN { for (i = 0; i < 1428; i++) printf "-qqqqq "; printf "origin=ROME" }')
check "the long filter: over 10,000 bytes (${#terms})" [ "${#terms}" -ge 10000 ]
printf 'size 24 100\nwait-index\nkeys f\ntype %s<Enter>\ndump long-filter\n' "$terms" > "$tmp/long.script"
PILCROW_SCRIPT=$tmp/long.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$tmp/long.db timeout 60 "$PILCROW" data/cables \
	> /dev/null 2> "$tmp/long.err"
check "the long filter: exit 0 ($(cat "$tmp/long.err"))" [ $? -eq 0 ]
check "the long filter: taken whole, its last term applied ($(tail -n 1 "$tmp/long-filter" | cut -c1-60))" \
	grep -q " 1 of 9 " "$tmp/long-filter"

# 7. A dump on standard input (a pipe): past 64 MB it goes on into an
# unlinked file of the cache, which is mapped, so that its size is not the
# process's memory (a limit on the data segment below the dump's size,
# which reading it whole into memory breaks); nothing is left in the cache.
# (Not under valgrind, too slow for 200 MB; the limit not under the
# sanitizers, whose own memory it would count.)
if [ -z "$slow" ]; then
	gen_csv 2000 "$tmp/piece.csv"
	for i in $(seq 33); do cat "$tmp/piece.csv"; done > "$tmp/piped.csv"
	mb=$(($(wc -c < "$tmp/piped.csv") / 1048576))
	want=$("$PILCROW" --stats --json --no-index "$tmp/piped.csv" | jq .cables)
	got=$(cat "$tmp/piped.csv" | timeout 120 "$PILCROW" --stats --json - | jq .cables)
	check "a dump of $mb MB piped in: read whole ($got of $want cables)" [ "$got" = "$want" ]
	check "a dump piped in: nothing of it left in the cache" sh -c "! ls '$XDG_CACHE_HOME/pilcrow' 2> /dev/null | grep -q stdin"
	# no cache to be had: the temporary folder takes it
	mkdir "$tmp/tmpdir"
	got=$(cat "$tmp/piped.csv" | env -u HOME -u XDG_CACHE_HOME TMPDIR="$tmp/tmpdir" timeout 120 "$PILCROW" --stats --json - |
		jq .cables)
	check "a dump piped in with no cache: read whole through the temporary folder ($got of $want)" [ "$got" = "$want" ]
	check "a dump piped in with no cache: nothing left there" [ -z "$(ls "$tmp/tmpdir")" ]
	if [ -z "$ASAN_OPTIONS" ]; then
		n=$(cat "$tmp/piped.csv" | (ulimit -d 150000; timeout 120 "$PILCROW" --json - 2> "$tmp/piped.err") | wc -l)
		check "a dump of $mb MB piped in under a data limit of 146 MB: every cable written ($n; $(head -c 200 "$tmp/piped.err"))" \
			[ "$n" -eq "$want" ]
	fi
	rm -f "$tmp/piped.csv"
fi
finish
