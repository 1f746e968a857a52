#!/bin/sh
# bench-workspace.sh -- the workspace's costs, on this machine's disk:
#
# - a mark, a note, a collection change, each committed before its key
#   returns (the key's whole time, its redraw included; target 5 ms),
#   beside one durable append of 100 bytes (dd conv=fsync), the floor of
#   any write that survives a crash;
# - opening the marks browser (w) with 10,000 marks (target 50 ms), beside
#   grep -c over the same marks exported as JSON Lines;
# - the workspace's startup (open, schema check, the cache read) with
#   10,000 marks (target 5 ms), beside grep -c over an old marks file of
#   10,000 lines.
#
#   make bench-workspace
set -eu
: "${PILCROW:=src/pilcrow}"
: "${WSMAKE:=tests/wsmake}"
: "${BENCH_DIR:=tests/bench/out}"
out=$BENCH_DIR/workspace
rm -rf "$out"
mkdir -p "$out"
export LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=$out/config

stats() {  # seconds a line -> median p95 worst in ms
	sort -g | awk '{ t[NR] = $1 * 1000 } END { printf "median %.2f ms  p95 %.2f ms  worst %.2f ms  (%d)", t[int((NR + 1) / 2)], t[int(NR * 0.95)], t[NR], NR }'
}

# a cable of 600 paragraphs
{
	printf 'CONFIDENTIAL ROME 000001\n\nSUBJECT: A LONG CABLE\n\n'
	i=1
	while [ $i -le 600 ]; do
		printf '%d. (C) Paragraph number %d of the long cable, with a few words more.\n\n' $i $i
		i=$((i + 1))
	done
} > "$out/long.txt"

# 1. marks, notes, collections: 300 of each, a key each (the times of
# PILCROW_TIMING are the keys in order)
{
	echo "size 40 120"
	i=0
	while [ $i -lt 300 ]; do
		echo "keys mj"
		i=$((i + 1))
	done
} > "$out/mark.script"
PILCROW_WORKSPACE=$out/mark.db PILCROW_SCRIPT=$out/mark.script PILCROW_TIMING=$out/mark.times "$PILCROW" "$out/long.txt" > /dev/null
awk 'NR > 1 && NR % 2 == 0' "$out/mark.times" | stats > "$out/mark"
echo "a mark (m), committed:        $(cat "$out/mark")"
# a note and a collection: a, or c, a letter, Enter (the commit), j
{
	echo "size 40 120"
	i=0
	while [ $i -lt 300 ]; do
		echo "keys a"
		echo "type n<Enter>"
		echo "keys j"
		i=$((i + 1))
	done
} > "$out/note.script"
PILCROW_WORKSPACE=$out/note.db PILCROW_SCRIPT=$out/note.script PILCROW_TIMING=$out/note.times "$PILCROW" "$out/long.txt" > /dev/null
awk 'NR > 1 && NR % 4 == 0' "$out/note.times" | stats > "$out/note"
echo "a note (a, Enter), committed: $(cat "$out/note")"
sed 's/type n<Enter>/type b<Enter>/; s/keys a/keys c/' "$out/note.script" > "$out/coll.script"
PILCROW_WORKSPACE=$out/coll.db PILCROW_SCRIPT=$out/coll.script PILCROW_TIMING=$out/coll.times "$PILCROW" "$out/long.txt" > /dev/null
awk 'NR > 1 && NR % 4 == 0' "$out/coll.times" | stats > "$out/coll"
echo "a collection (c, Enter):      $(cat "$out/coll")"
i=0
t0=$(date +%s%N)
while [ $i -lt 100 ]; do
	dd if=/dev/zero of="$out/dd" bs=100 count=1 oflag=append conv=notrunc,fsync 2> /dev/null
	i=$((i + 1))
done
t1=$(date +%s%N)
echo "beside: dd conv=fsync, 100 bytes: $(( (t1 - t0) / 100 / 1000 )) us a write (its process start included)"

# 2. the marks browser with 10,000 marks
"$WSMAKE" "$out/many.db" marks 10000
{
	echo "size 50 160"
	i=0
	while [ $i -lt 20 ]; do
		echo "keys w"
		echo "keys q"
		i=$((i + 1))
	done
} > "$out/browse.script"
PILCROW_WORKSPACE=$out/many.db PILCROW_SCRIPT=$out/browse.script PILCROW_TIMING=$out/browse.times \
	"$PILCROW" "$out/long.txt" data/cables/07OSLO512.txt > /dev/null
awk 'NR > 1 && NR % 2 == 0' "$out/browse.times" | stats > "$out/browse"
echo "the marks browser, 10,000 marks: $(cat "$out/browse")"
PILCROW_WORKSPACE=$out/many.db "$PILCROW" --export jsonl > "$out/many.jsonl"
farm-bench -n 10 -- grep -c '"paragraph"' "$out/many.jsonl" 2>&1 | grep -i "wall" | head -1 | awk '{ printf "beside: grep -c over the 10,000 as JSON Lines: median %.2f ms\n", $5 * 1000 }'

# 3. the startup of the workspace with 10,000 marks
echo "the workspace's startup (open, check, cache), 10,000 marks: $("$WSMAKE" "$out/many.db" open 50 |
	awk '{ printf "median %.2f ms  p95 %.2f ms  worst %.2f ms", $1, $2, $3 }')"
echo "an empty workspace's startup: $("$WSMAKE" "$out/empty.db" open 50 | awk '{ printf "median %.2f ms", $1 }')"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "0%dROME%d\t%d\n", 4 + i % 6, 1000 + i, 1 + i % 10 }' > "$out/oldmarks"
farm-bench -n 10 -- grep -c . "$out/oldmarks" 2>&1 | grep -i "wall" | head -1 | awk '{ printf "beside: grep -c over an old marks file of 10,000 lines: median %.2f ms\n", $5 * 1000 }'
ls -l "$out/many.db" | awk '{ printf "the workspace of 10,000 marks: %.1f MB\n", $5 / 1e6 }'
