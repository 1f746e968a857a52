#!/bin/sh
# workspace.sh -- the workspace is never lost: two sessions marking at once,
# a kill -9 in the middle of marking, a damaged workspace set aside, a
# directory that cannot be written, the schema brought up from version 1,
# the old marks file imported once.
. "${srcdir:-.}/tests/lib.sh"
: "${WSMAKE:=$(dirname "$PILCROW")/../tests/wsmake}"
cd "$srcdir" || exit 99

export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
unset NO_COLOR

# A cable of 1,000 paragraphs.
{
	printf 'CONFIDENTIAL ROME 000001\n\nSUBJECT: A LONG CABLE\n\n'
	i=1
	while [ $i -le 1000 ]; do
		printf '%d. (C) Paragraph number %d of the long cable.\n\n' $i $i
		i=$((i + 1))
	done
} > "$tmp/long.txt"

# marks: NAME START [KEYS-AFTER]: a script marking 500 paragraphs from START
marking_script() {
	{
		echo "size 24 100"
		echo "wait-index"
		echo "keys <Enter>"
		[ "$2" -gt 1 ] && echo "type :$2<Enter>"
		i=0
		while [ $i -lt 500 ]; do
			echo "keys mj"
			i=$((i + 1))
		done
	} > "$tmp/$1.script"
}

# 1. Two sessions mark 500 paragraphs each at the same time: all 1,000 are
# in the store, and each session's list shows the other's.
ws=$tmp/two/workspace.db
mkdir -p "$tmp/two"
marking_script a 1
marking_script b 501
for s in a b; do
	other=$([ $s = a ] && echo b || echo a)
	# each starts marking once the other has started, ends once both have
	sed -i "2i run touch $tmp/$s.started; until [ -f $tmp/$other.started ]; do sleep 0.01; done" "$tmp/$s.script"
	cat >> "$tmp/$s.script" <<EOF
run touch $tmp/$s.done; until [ -f $tmp/$other.done ]; do sleep 0.01; done
keys <C-l><BS>
dump $s-after
EOF
done
PILCROW_SCRIPT=$tmp/a.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$ws timeout 120 "$PILCROW" "$tmp/long.txt" data/cables/07OSLO512.txt \
	> /dev/null 2> "$tmp/a.err" &
pa=$!
PILCROW_SCRIPT=$tmp/b.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$ws timeout 120 "$PILCROW" "$tmp/long.txt" data/cables/07OSLO512.txt \
	> /dev/null 2> "$tmp/b.err"
rb=$?
wait $pa
ra=$?
check "two sessions: both exit 0 ($ra $rb: $(cat "$tmp/a.err" "$tmp/b.err" | head -c 300))" [ "$ra" -eq 0 ] && [ "$rb" -eq 0 ]
workspace_lines "$ws" > "$tmp/two.lines"
check "two sessions: 1,000 marks in the store (got $(wc -l < "$tmp/two.lines"); $(cat "$tmp/a.err" "$tmp/b.err"))" [ "$(wc -l < "$tmp/two.lines")" -eq 1000 ]
check "two sessions: every paragraph once" \
	sh -c "cut -f2 '$tmp/two.lines' | sort -n | uniq | wc -l | grep -qx 1000"
for s in a b; do
	check "session $s's list shows the other's marks: 1000 marked" grep -q "^ 1/2  • 1000 marked" "$tmp/$s-after"
done

# 2. kill -9 in the middle of marking: every mark whose key returned is there.
# The session says each mark in the status bar; the script's run after each
# key records that it returned, before the next key is read.
ws=$tmp/kill/workspace.db
mkdir -p "$tmp/kill"
{
	echo "size 24 100"
	i=1
	while [ $i -le 300 ]; do
		echo "keys mj"
		echo "run echo $i > $tmp/kill.tmp && mv $tmp/kill.tmp $tmp/kill.returned"
		i=$((i + 1))
	done
} > "$tmp/kill.script"
PILCROW_SCRIPT=$tmp/kill.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$ws "$PILCROW" "$tmp/long.txt" \
	> /dev/null 2>&1 &
pk=$!
n=0
until [ -f "$tmp/kill.returned" ] && [ "$(cat "$tmp/kill.returned" 2> /dev/null)" -ge 40 ] 2> /dev/null; do
	sleep 0.01
	n=$((n + 1))
	[ $n -gt 3000 ] && break
done
kill -9 $pk 2> /dev/null
wait $pk 2> /dev/null
returned=$(cat "$tmp/kill.returned")
kept=$(workspace_lines "$ws" | wc -l)
check "kill -9 after $returned marks returned: at least that many kept ($kept)" [ "$kept" -ge "$returned" ]
check "kill -9: killed in the middle (not at the end)" [ "$returned" -lt 300 ]

# 3. A damaged workspace is set aside with a dated name and a new one made;
# nothing is deleted, and what pilcrow says is one line naming it.
echo "keys jm" > "$tmp/one.script"
for kind in garbage truncated garbled newer; do
	d=$tmp/bad-$kind
	mkdir -p "$d"
	cp "$tmp/two/workspace.db" "$d/workspace.db"
	case $kind in
	garbage) head -c 20000 /dev/urandom > "$d/workspace.db" ;;
	truncated)
		# the workspace of the two sessions, its WAL merged, cut in half
		PILCROW_WORKSPACE=$tmp/two/workspace.db "$PILCROW" --export jsonl > /dev/null
		size=$(wc -c < "$tmp/two/workspace.db")
		head -c $((size / 2)) "$tmp/two/workspace.db" > "$d/workspace.db" ;;
	garbled)
		# the first page (the schema) kept, every other page garbage
		size=$(wc -c < "$d/workspace.db")
		head -c $((size - 4096)) /dev/urandom | dd of="$d/workspace.db" bs=4096 seek=1 conv=notrunc 2> /dev/null ;;
	newer)
		# a schema version this pilcrow does not know (the header's user_version, at byte 60)
		printf '\000\000\000\143' | dd of="$d/workspace.db" bs=1 seek=60 conv=notrunc 2> /dev/null ;;
	esac
	cp "$d/workspace.db" "$tmp/$kind.copy"
	PILCROW_SCRIPT=$tmp/one.script PILCROW_WORKSPACE=$d/workspace.db "$PILCROW" data/cables/04ROME3933.txt \
		> /dev/null 2> "$tmp/$kind.err"
	rc=$?
	check "$kind workspace: exit 0 ($rc)" [ "$rc" -eq 0 ]
	bad=$(ls "$d" | grep '^workspace.db.bad-[0-9]\{8\}T[0-9]\{6\}Z$')
	check "$kind workspace: set aside with a dated name ($(ls "$d" | tr '\n' ' '))" [ -n "$bad" ]
	check "$kind workspace: kept as it was" cmp -s "$d/$bad" "$tmp/$kind.copy"
	check "$kind workspace: one line naming it ($(cat "$tmp/$kind.err"))" \
		sh -c "[ \$(wc -l < '$tmp/$kind.err') -eq 1 ] && grep -q 'workspace.db: .*set aside as .*workspace.db.bad-' '$tmp/$kind.err'"
	check "$kind workspace: a new one holds the new mark" \
		sh -c "PILCROW_WORKSPACE=$d/workspace.db '$PILCROW' --export jsonl | grep -q '\"paragraph\": \"2\"'"
done
check "newer workspace: the line says why" grep -q "newer pilcrow (schema 99" "$tmp/newer.err"

# 4. A directory that cannot be written: marks kept for the session, the
# status bar says they will not be saved.  Root writes anywhere: as root the
# reader runs as nobody.
as=
d=$tmp/ro
mkdir -p "$d" "$tmp/rodump"
chmod 555 "$d"
chmod 777 "$tmp/rodump"
if [ "$(id -u)" -eq 0 ]; then
	chmod 755 "$tmp"
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
cat > "$tmp/ro.script" <<EOF
size 24 100
keys jm
dump ro-marked
keys jm M
dump ro-marked-only
EOF
PILCROW_SCRIPT=$tmp/ro.script PILCROW_DUMP_DIR=$tmp/rodump PILCROW_WORKSPACE=$d/workspace.db $as "$PILCROW" \
	data/cables/04ROME3933.txt > /dev/null 2> "$tmp/ro.err"
rc=$?
chmod 700 "$tmp"
check "read-only directory: exit 0 ($rc: $(cat "$tmp/ro.err"))" [ "$rc" -eq 0 ]
check "read-only directory: the status bar says the marks will not be saved" \
	grep -q "marks will not be saved: .*cannot be written" "$tmp/rodump/ro-marked"
check "read-only directory: the marks are kept for the session" grep -q "^ ¶3/8  filter: marked only" "$tmp/rodump/ro-marked-only"
check "read-only directory: said on exit too" grep -q "marks will not be saved" "$tmp/ro.err"
check "read-only directory: no file made" [ ! -e "$d/workspace.db" ]
chmod 755 "$d"

# A full disk: the workspace made, then its file may not grow (a file-size
# limit makes the first write to the WAL fail, as a full disk would).
d=$tmp/full
mkdir -p "$d"
echo "keys j" > "$tmp/full0.script"
PILCROW_SCRIPT=$tmp/full0.script PILCROW_WORKSPACE=$d/workspace.db "$PILCROW" data/cables/04ROME3933.txt > /dev/null 2>&1
cat > "$tmp/full.script" <<EOF
size 24 100
keys jm
dump full-marked
keys M
dump full-marked-only
EOF
(trap '' XFSZ; ulimit -f 8; PILCROW_SCRIPT=$tmp/full.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$d/workspace.db \
	exec "$PILCROW" data/cables/04ROME3933.txt > /dev/null 2> "$tmp/full.err")
rc=$?
check "a full disk: exit 0 ($rc: $(cat "$tmp/full.err"))" [ "$rc" -eq 0 ]
check "a full disk: the status bar says the marks will not be saved" \
	grep -q "marks will not be saved" "$tmp/full-marked"
check "a full disk: the mark is kept for the session" grep -q "filter: marked only" "$tmp/full-marked-only"
check "a full disk: said on exit" grep -q "marks will not be saved" "$tmp/full.err"

# 5. A workspace of schema version 1 (marks alone) is brought up to this
# pilcrow's, its marks kept.
d=$tmp/v1
mkdir -p "$d"
"$WSMAKE" "$d/workspace.db" 1 04ROME3933:3 04ROME3933:0a 07OSLO512:2
check "schema 1: made" [ -f "$d/workspace.db" ]
PILCROW_WORKSPACE=$d/workspace.db "$PILCROW" --export jsonl > "$tmp/v1.jsonl" 2> "$tmp/v1.err"
check "schema 1: three marks after the migration ($(cat "$tmp/v1.err"))" [ "$(wc -l < "$tmp/v1.jsonl")" -eq 3 ]
jq -r '.id + " " + .paragraph' "$tmp/v1.jsonl" | tr '\n' , > "$tmp/v1.order"
check "schema 1: 0a before 3 ($(cat "$tmp/v1.order"))" grep -qx '04ROME3933 0a,04ROME3933 3,07OSLO512 2,' "$tmp/v1.order"
check "schema 1: now at the current version" sh -c "'$WSMAKE' --version '$d/workspace.db' | grep -qx 3"

# 6. The old marks file is imported once, and left as it was.
d=$tmp/old
mkdir -p "$d"
printf '# pilcrow marks: cable id, tab, the addresses of the marked paragraphs\n04ROME3933\t2,5\n' > "$d/marks"
cp "$d/marks" "$tmp/marks.copy"
echo "keys gm" > "$tmp/old.script"
echo "dump old-imported" >> "$tmp/old.script"
PILCROW_SCRIPT=$tmp/old.script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$d/marks PILCROW_WORKSPACE=$d/workspace.db \
	"$PILCROW" data/cables/04ROME3933.txt > /dev/null 2> "$tmp/old.err"
check "old marks: imported, said once ($(cat "$tmp/old.err"))" grep -q "2 marks imported from .*marks" "$tmp/old.err"
check "old marks: the file is left as it was" cmp -s "$d/marks" "$tmp/marks.copy"
check "old marks: the import and the new mark" \
	sh -c "PILCROW_WORKSPACE=$d/workspace.db '$PILCROW' --export jsonl | jq -r .paragraph | tr '\n' , | grep -qx '1,2,5,'"
PILCROW_SCRIPT=$tmp/old.script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$d/marks PILCROW_WORKSPACE=$d/workspace.db \
	"$PILCROW" data/cables/04ROME3933.txt > /dev/null 2> "$tmp/old2.err"
check "old marks: the cable opened keeps what they are on (its subject, ¶5's text)" \
	sh -c "PILCROW_WORKSPACE=$d/workspace.db '$PILCROW' --export jsonl | jq -r 'select(.paragraph == \"5\") | .subject + \"|\" + .text' |
		grep -q '^IRAQ/ITALY- ITALIAN POLITICAL DIRECTOR.*|Moving to the upcoming international conference'"
check "old marks: not imported twice (the unmark stays)" \
	sh -c "PILCROW_WORKSPACE=$d/workspace.db '$PILCROW' --export jsonl | jq -r .paragraph | tr '\n' , | grep -qx '2,5,'"
check "old marks: nothing said the second time" [ ! -s "$tmp/old2.err" ]

# 7. Where things were left: a list reopened at its cable, filter and
# order, the cable in the reader at its paragraph; --fresh and R start clean.
ws=$tmp/place/workspace.db
mkdir -p "$tmp/place"
cat > "$tmp/place1.script" <<EOF
size 30 100
wait-index
keys f
type level>=C<Enter>
keys s jj<Enter>jjj
dump place-left
EOF
printf 'size 30 100\nwait-index\ndump place-again\nkeys <Enter>\ndump place-again-reader\nkeys <BS>\ndump place-again-list\nkeys RR\ndump place-R\n' > "$tmp/place2.script"
printf 'size 30 100\nwait-index\ndump place-fresh\n' > "$tmp/place3.script"
for k in 1 2 3; do
	fresh=
	[ $k -eq 3 ] && fresh=--fresh
	PILCROW_SCRIPT=$tmp/place$k.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$ws "$PILCROW" $fresh data/cables \
		> /dev/null 2> "$tmp/place$k.err"
	check "place, run $k: exit 0 ($(cat "$tmp/place$k.err"))" [ $? -eq 0 ]
done
left=$(sed -n 1p "$tmp/place-left" | sed 's/  *cable.*//')
para=$(tail -1 "$tmp/place-left" | sed 's/^ *\(¶[0-9a-z]*\)\/.*/\1/')
id=$(echo "$left" | awk '{ print $2 }')
check "place: the list again, the cable left selected ($id)" sh -c "grep -q 'as left: $id; Enter returns to it where you left it' '$tmp/place-again' && grep -q '^ pilcrow ' '$tmp/place-again'"
check "place: Enter reopens the cable ($left)" sh -c "sed -n 1p '$tmp/place-again-reader' | grep -qF -- '$left'"
check "place: at the paragraph it was left at ($para)" sh -c "tail -1 '$tmp/place-again-reader' | grep -q '^ $para/'"
check "place: the list with its filter and order" \
	grep -q "^ pilcrow  9 cables  sorted by date  filter: level>=C" "$tmp/place-again-list"
check "place: R starts clean" sh -c "sed -n 1p '$tmp/place-R' | grep -qx ' pilcrow  9 cables *'"
check "place: --fresh starts clean" sh -c "sed -n 1p '$tmp/place-fresh' | grep -qx ' pilcrow  9 cables *' &&
	sed -n 2p '$tmp/place-fresh' | grep -q '04ROME3933'"
# 8. A note of several lines in $EDITOR (A), in the reader and the list;
# the line editor (a) then says it is more than a line.
printf '#!/bin/sh\nprintf "first line\\nsecond line\\n" > "$1"\n' > "$tmp/editor"
chmod +x "$tmp/editor"
printf 'size 30 100\nwait-index\nkeys A\nkeys <Enter>jA\nkeys a\ndump editor-a\n' > "$tmp/editor.script"
EDITOR=$tmp/editor VISUAL= PILCROW_SCRIPT=$tmp/editor.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$tmp/ed.db \
	"$PILCROW" data/cables > /dev/null 2> "$tmp/editor.err"
check "editor: exit 0 ($(cat "$tmp/editor.err"))" [ $? -eq 0 ]
PILCROW_WORKSPACE=$tmp/ed.db "$PILCROW" --export jsonl > "$tmp/ed.jsonl"
check "editor: the cable's note, two lines" \
	sh -c "jq -r 'select(.paragraph == \"\") | .note' '$tmp/ed.jsonl' | tr '\n' '|' | grep -qx 'first line|second line|'"
check "editor: the paragraph's note, two lines" \
	sh -c "jq -r 'select(.paragraph == \"2\") | .note' '$tmp/ed.jsonl' | tr '\n' '|' | grep -qx 'first line|second line|'"
check "editor: a says the note is more than a line" grep -q "more than a line: A edits it" "$tmp/editor-a"
# 9. A list filtered by the workspace follows it: a cable unmarked leaves
# the list of marked cables, one opened leaves !opened.
cat > "$tmp/follow.script" <<EOF
size 30 100
wait-index
keys jj<Enter>m<BS>
keys f
type marked<Enter>
dump follow-marked
keys <Enter>m<BS>
dump follow-unmarked
keys f<C-u>
type !opened<Enter>
dump follow-unopened
keys <Enter><BS>
dump follow-opened
EOF
PILCROW_SCRIPT=$tmp/follow.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$tmp/follow.db "$PILCROW" data/cables \
	> /dev/null 2> "$tmp/follow.err"
check "follow: exit 0 ($(cat "$tmp/follow.err"))" [ $? -eq 0 ]
check "follow: the marked cable listed" grep -q "^ 1/1 .* 1 of 9  filter: marked" "$tmp/follow-marked"
check "follow: unmarked, it leaves the list" grep -q "(no cable passes the filter)" "$tmp/follow-unmarked"
check "follow: !opened lists the 8 not opened" grep -q " 8 of 9  filter: !opened" "$tmp/follow-unopened"
check "follow: one opened, it leaves !opened" grep -q " 7 of 9  filter: !opened" "$tmp/follow-opened"
# 10. Saved searches: saved in one session (=), the first screen of the
# next (the list as left beneath it), not when --filter is given; --search
# NAME opens one, --json --search writes its cables in its order; a name
# not saved is said, with the names there are.
cat > "$tmp/save.script" <<EOF
size 24 100
wait-index
keys f
type level>=S<Enter>
keys sS=
type hot<Enter>
keys f<C-u>
type origin=ROME|RIGA|OSLO<Enter>
keys =
type three posts<Enter>
EOF
PILCROW_SCRIPT=$tmp/save.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$tmp/search.db "$PILCROW" data/cables \
	> /dev/null 2> "$tmp/save.err"
check "searches: saved (exit 0: $(cat "$tmp/save.err"))" [ $? -eq 0 ]
printf 'size 24 100\nwait-index\ndump start\nkeys <Esc>\ndump start-list\n' > "$tmp/start.script"
PILCROW_SCRIPT=$tmp/start.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$tmp/search.db "$PILCROW" data/cables \
	> /dev/null 2> "$tmp/start.err"
check "searches: the next session (exit 0: $(cat "$tmp/start.err"))" [ $? -eq 0 ]
check "searches: the first screen, with both" grep -q "^ Saved searches  2   found in the 9 cables read" "$tmp/start"
check "searches: hot, 2 cables, by date reversed" grep -q "^ hot  *2  level>=S  by date, reversed" "$tmp/start"
check "searches: three posts, 3 cables" grep -q "^ three posts  *3  origin=ROME|RIGA|OSLO" "$tmp/start"
check "searches: Esc, the list as left" grep -q " 3 of 9  filter: origin=ROME|RIGA|OSLO" "$tmp/start-list"
printf 'size 24 100\nwait-index\ndump given\n' > "$tmp/given.script"
PILCROW_SCRIPT=$tmp/given.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$tmp/search.db "$PILCROW" \
	--filter level=C data/cables > /dev/null 2>&1
check "searches: not with --filter" grep -q "filter: level=C" "$tmp/given"
PILCROW_SCRIPT=$tmp/given.script PILCROW_DUMP_DIR=$tmp PILCROW_WORKSPACE=$tmp/search.db "$PILCROW" \
	--search 'three POSTS' data/cables > /dev/null 2>&1
check "searches: --search opens one (its name in any case)" grep -q " 3 of 9  filter: origin=ROME|RIGA|OSLO" "$tmp/given"
PILCROW_WORKSPACE=$tmp/search.db "$PILCROW" --json --search hot data/cables | jq -r .id | tr '\n' ' ' > "$tmp/hot.ids"
PILCROW_WORKSPACE=$tmp/search.db "$PILCROW" --json --filter 'level>=S sort=-date' data/cables | jq -r .id | tr '\n' ' ' \
	> "$tmp/hot.want"
check "searches: --json --search, its cables in its order ($(cat "$tmp/hot.ids"))" \
	sh -c "[ -s '$tmp/hot.ids' ] && cmp -s '$tmp/hot.ids' '$tmp/hot.want' && [ \"\$(cut -d' ' -f1 '$tmp/hot.ids')\" = 05WELLINGTON880 ]"
PILCROW_WORKSPACE=$tmp/search.db "$PILCROW" --json --search hot --filter origin=NICOSIA data/cables | jq -r .id > "$tmp/hotn"
check "searches: --search with --filter, both hold" sh -c "[ \"\$(cat '$tmp/hotn')\" = 85NICOSIA1022 ]"
PILCROW_WORKSPACE=$tmp/search.db "$PILCROW" --json --search cold data/cables > "$tmp/cold.out" 2> "$tmp/cold.err"
check "searches: a name not saved, exit 2" [ $? -eq 2 ]
check "searches: ... said in a line, with the names saved" \
	grep -qx "pilcrow: --search: no saved search 'cold' (saved: hot, three posts)" "$tmp/cold.err"
finish
