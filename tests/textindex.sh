#!/bin/sh
# textindex.sh -- the full-text index: the same answers as reading the
# cables, for every matching rule (case, diacritics, wraps, page breaks,
# apostrophes, hyphens, punctuation, prefixes, alternatives, negation);
# and its faults: an unwritable cache, a shard cut short, bytes changed in
# one, a build killed halfway, two processes at once, a dump changed after
# it was indexed.
. "${srcdir:-.}/tests/lib.sh"

command -v jq > /dev/null || { echo "textindex.sh needs jq" >&2; exit 99; }

gen_rules 1200 "$tmp/rules.csv"
ids() { # ids OUT ARGS...: the ids pilcrow writes for ARGS
	_o=$1
	shift
	run_pilcrow "$tmp/ids.json" "$tmp/ids.err" --json "$@"
	jq -r .id "$tmp/ids.json" > "$_o"
}

run_pilcrow "$tmp/out" "$tmp/err" --index "$tmp/rules.csv"
check "--index builds the index (status $rc: $(cat "$tmp/err"))" [ "$rc" -eq 0 ]
check "--index says where it is" grep -q "indexed in $XDG_CACHE_HOME/pilcrow/" "$tmp/err"
key=$(ls "$XDG_CACHE_HOME/pilcrow" | grep -v '\.' | head -1)
dir=$XDG_CACHE_HOME/pilcrow/$key
check "the index is one directory, its shards, meta and checked stamp" \
	[ -s "$dir/text-0.db" ] && [ -s "$dir/meta" ] && [ -s "$dir/checked" ]
check "no part of the build is left" [ -z "$(ls "$XDG_CACHE_HOME/pilcrow" | grep part)" ]
size=$(cat "$dir"/text-*.db | wc -c)
dump=$(wc -c < "$tmp/rules.csv")
check "the text index is smaller than the dump ($size of $dump bytes)" [ "$size" -lt "$dump" ]

# each query: the index's answer, the scan's, and how many it must find
same() { # same QUERY COUNT
	ids "$tmp/a" --filter "$1" "$tmp/rules.csv"
	ids "$tmp/b" --no-index --filter "$1" "$tmp/rules.csv"
	check "'$1': the index and the scan agree ($(wc -l < "$tmp/a") / $(wc -l < "$tmp/b"))" cmp -s "$tmp/a" "$tmp/b"
	check "'$1': $2 cables (found $(wc -l < "$tmp/a"))" [ "$(wc -l < "$tmp/a")" -eq "$2" ]
}
same 'iran' 1200
same 'velez' 377                        # i%5 (VÉLEZ) or i%7 (VELEZ)
same "$(printf 'V\303\251lez')" 377
same 'VELEZ' 377                        # capitals ask for nothing
same '(?-i)Berlusconi' 133              # unless (?-i): the scan answers
same '(?-i)VELEZ' 377                   # (diacritics still do not count)
same '"uribe met velez"' 240
same "berlusconi's" 473                 # ' (CSV-escaped), ’ and the comma
same '"berlusconi s view"' 473
same '"on his decision"' 196            # a wrapped line (i%8), a page break (i%23)
same 'counterterrorism' 277             # broken at the line's end (i%6), hyphenated (i%13)
same '"counter terrorism"' 277
same 'counter-terrorism' 277
same '"counterterrorism unit"' 200       # joined, in a phrase (i%6)
same '"u s side"' 70
same 'presid*' 291                      # PRESIDENT, PRESIDENTIAL
same 'presidential' 63
same '"nuclear program"' 120
same 'iran -velez' 823
same '!velez' 823
same 'velez|"u s side"' 425
same 'text="velez|u.s. side"' 425
same '"1 4 b"' 1200                     # the header's Classified By line
same '"phrase across paragraphs" level=S' 400
same '"ends here and another"' 0        # a phrase is within a paragraph
same 'iran tag=IT date>=2005' 360
same 'counter* -counterterrorism' 0
same 'zzyzx' 0
same 'near="minister trade/3"' 137      # TRADE. MINISTER VELEZ, when no line stands between
same 'near="spoke decision/2"' 52       # across the page break
same 'near="uribe palace/4" level=S' 80
same 'near="presid* palace"' 240
# para=: a paragraph at that marking (¶2 is S//NF when i%6, S when i%3, else
# C; ¶1 C, ¶3 and ¶4 U), and the words in such a paragraph
same 'para=S' 400
same 'para>=S' 400
same 'para=S//NF' 200
same 'para=S//NOFORN' 200
same 'para>C' 400
same 'para=U' 1200
same 'para>=TS' 0
same '!para>=S' 800
same 'para=C|S' 1200
same 'para>=S iran' 400
same 'para=S//NF iran' 200
same 'para>=S minister' 17                # ¶2 holds MINISTER when i%23 (and S when i%3)
same 'para<=C minister' 1200
same 'para>=S "nuclear program"' 40       # i%10 == 3 and i%3
same 'para>=S near="iran nuclear/5"' 40
same 'para>=S -minister' 383
same 'para>=S velez' 0                    # ¶1, C
same 'para=U comment' 1200
same 'para=U iran' 0
same 'para>=S presid*' 0
same 'para>=S para=S//NF iran' 200
"$PILCROW" --grep iran --filter 'para>=S' "$tmp/rules.csv" > "$tmp/grep-para" 2>&1
check "--grep with para>=S: a hit a cable, each in a SECRET paragraph ($(wc -l < "$tmp/grep-para"))" \
	sh -c "[ \$(wc -l < '$tmp/grep-para') -eq 400 ] && ! grep -v ' ¶2 (S' '$tmp/grep-para'"
"$PILCROW" --grep '"talks on trade"' --filter 'para>=S' "$tmp/rules.csv" > "$tmp/grep-para" 2>&1
check "--grep with para>=S: the hits of the C paragraph left out" grep -q "^pilcrow: no hit for" "$tmp/grep-para"
same '-near="iran discussed/1"' 0

# sort=relevance: by BM25 with the index (the shortest paragraphs first
# here), file order without it; the same cables either way
ids "$tmp/a" --filter 'velez sort=relevance' "$tmp/rules.csv"
ids "$tmp/b" --no-index --filter 'velez sort=relevance' "$tmp/rules.csv"
ids "$tmp/c" --filter 'velez' "$tmp/rules.csv"
sort "$tmp/a" > "$tmp/a.s"
sort "$tmp/c" > "$tmp/c.s"
differ() { ! cmp -s "$1" "$2"; }
check "sort=relevance: the same cables" cmp -s "$tmp/a.s" "$tmp/c.s"
check "sort=relevance: ranked by the index" differ "$tmp/a" "$tmp/c"
check "sort=relevance: file order by the scan" cmp -s "$tmp/b" "$tmp/c"
first=$(head -1 "$tmp/a" | sed 's/^..ROME//')
check "sort=relevance: a cable with the word twice first ($first)" [ $((first % 35)) -eq 0 ]

# the saved list index: a second open has the list at once, as reading gives it
check "the list index is saved with it" [ -s "$dir/list.db" ]
run_pilcrow "$tmp/a" "$tmp/err" --stats --json "$tmp/rules.csv"
run_pilcrow "$tmp/b" "$tmp/err" --no-index --stats --json "$tmp/rules.csv"
check "the saved list gives what reading gives" cmp -s "$tmp/a" "$tmp/b"
printf 'size 30 120\nwait-index\ntype fvelez<Enter>\ndump %s\n' "$tmp/saved.dump" > "$tmp/saved.script"
PILCROW_SCRIPT=$tmp/saved.script PILCROW_STATS=$tmp/stats "$PILCROW" "$tmp/rules.csv" > /dev/null 2>&1
check "the reader on a saved list: the full count and the filter ($(tail -1 "$tmp/saved.dump" | cut -c1-40))" \
	grep -q "377 of 1,200  filter: velez" "$tmp/saved.dump"
check "the reader on a saved list: it loads it ($(tr '\n' ' ' < "$tmp/stats"))" grep -q "list_saved 1" "$tmp/stats"
PILCROW_SCRIPT=$tmp/saved.script PILCROW_STATS=$tmp/stats "$PILCROW" --no-index "$tmp/rules.csv" > /dev/null 2>&1
check "--no-index: the dump is read" grep -q "list_saved 0" "$tmp/stats"
# the same files named otherwise (another folder, ./): the same index and list
(cd "$tmp" && PILCROW_SCRIPT=$tmp/saved.script PILCROW_STATS=$tmp/stats "$PILCROW" ./rules.csv > /dev/null 2>&1)
check "named otherwise: the saved list is loaded" grep -q "list_saved 1" "$tmp/stats"

# a dump in pieces, records joined across them: one index, its list saved
mkdir "$tmp/pieces"
(cd "$tmp/pieces" && split -b 100000 "$tmp/rules.csv" cables.csv.)
run_pilcrow "$tmp/out" "$tmp/err" --index "$tmp/pieces"
check "pieces: indexed (status $rc: $(tail -1 "$tmp/err"))" [ "$rc" -eq 0 ]
run_pilcrow "$tmp/a" "$tmp/err" --stats --json "$tmp/pieces"
check "pieces: the saved list gives what reading gives" cmp -s "$tmp/a" "$tmp/b"
PILCROW_SCRIPT=$tmp/saved.script PILCROW_STATS=$tmp/stats "$PILCROW" "$tmp/pieces" > /dev/null 2>&1
check "pieces: the saved list is loaded" grep -q "list_saved 1" "$tmp/stats"
check "pieces: the filter from the index ($(tail -1 "$tmp/saved.dump" | cut -c1-40))" \
	grep -q "377 of 1,200  filter: velez" "$tmp/saved.dump"
ids "$tmp/p1" --filter '"uribe met velez"' "$tmp/pieces"
ids "$tmp/p2" --no-index --filter '"uribe met velez"' "$tmp/pieces"
check "pieces: the index and the scan agree" cmp -s "$tmp/p1" "$tmp/p2"
check "pieces: every cable ($(wc -l < "$tmp/p1"))" [ "$(wc -l < "$tmp/p1")" -eq 240 ]

# a list index whose bytes changed is not used: the dump is read
cp "$dir/list.db" "$tmp/list.db"
printf 'XXXX' | dd of="$dir/list.db" bs=1 seek=5000 conv=notrunc 2> /dev/null
PILCROW_SCRIPT=$tmp/saved.script PILCROW_STATS=$tmp/stats "$PILCROW" "$tmp/rules.csv" > /dev/null 2>&1
check "a damaged list index is not loaded" grep -q "list_saved 0" "$tmp/stats"
check "a damaged list index: the index is set aside" [ -n "$(ls -d "$XDG_CACHE_HOME/pilcrow/$key".bad-* 2> /dev/null)" ]
run_pilcrow "$tmp/a" "$tmp/err" --stats --json "$tmp/rules.csv"
check "a damaged list index: the dump is read instead" cmp -s "$tmp/a" "$tmp/b"
rm -rf "$XDG_CACHE_HOME/pilcrow/$key".bad-*
run_pilcrow "$tmp/out" "$tmp/err" --index "$tmp/rules.csv"
check "built again after the damaged list (status $rc)" [ "$rc" -eq 0 ] && [ -s "$dir/list.db" ]

# --- faults.  A second --index finds it done
run_pilcrow "$tmp/out" "$tmp/err" --index "$tmp/rules.csv"
check "a second --index finds the index (status $rc)" [ "$rc" -eq 0 ] && grep -q "indexed in $dir" "$tmp/err"

# a cache that cannot be made: the scan answers, one line says why
good=$XDG_CACHE_HOME
: > "$tmp/not-a-dir"
XDG_CACHE_HOME=$tmp/not-a-dir
run_pilcrow "$tmp/out" "$tmp/err" --json --filter velez "$tmp/rules.csv"
check "no cache: the scan answers (status $rc)" [ "$rc" -eq 0 ] && [ "$(wc -l < "$tmp/out")" -eq 377 ]
run_pilcrow "$tmp/out" "$tmp/err" --index "$tmp/rules.csv"
check "no cache: --index fails (status $rc)" [ "$rc" -eq 1 ]
check "no cache: one line says why ($(cat "$tmp/err"))" \
	[ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "cannot make $tmp/not-a-dir/pilcrow" "$tmp/err"
XDG_CACHE_HOME=$good

# a full disk (a file size limit): no index, one line says why, nothing left.
# The larger dump of the tests below: long enough to build that it can be
# killed halfway (smaller under valgrind, which is slow enough anyway)
case $PILCROW in
*valgrind*) big=3000 ;;
*) big=30000 ;;
esac
uribe=$((big / 5))
gen_rules "$big" "$tmp/big.csv"
indexes=$(ls "$XDG_CACHE_HOME/pilcrow" | grep -cv '\.')
for limit in 400 $((big / 8)); do
	(trap '' XFSZ; ulimit -f "$limit"; exec "$PILCROW" --index "$tmp/big.csv") > /dev/null 2> "$tmp/err"
	rc=$?
	check "a full disk ($limit blocks): --index fails (status $rc)" [ "$rc" -eq 1 ]
	check "a full disk ($limit blocks): one line says why ($(cat "$tmp/err"))" \
		[ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "no text index (cannot .*: searches scan" "$tmp/err"
	check "a full disk ($limit blocks): the half-built index is removed" \
		[ -z "$(ls "$XDG_CACHE_HOME/pilcrow" | grep part)" ] && [ "$(ls "$XDG_CACHE_HOME/pilcrow" | grep -cv '\.')" -eq "$indexes" ]
done
run_pilcrow "$tmp/out" "$tmp/err" --json --filter '"uribe met velez"' "$tmp/big.csv"
check "a full disk: the scan answers ($(wc -l < "$tmp/out"))" [ "$(wc -l < "$tmp/out")" -eq "$uribe" ]

# a shard cut short: found out, set aside, the scan answers; --index builds it again
cp "$dir/text-0.db" "$tmp/shard"
truncate -s 40000 "$dir/text-0.db"
run_pilcrow "$tmp/out" "$tmp/err" --json --filter velez "$tmp/rules.csv"
check "a cut shard: the right answer (status $rc, $(wc -l < "$tmp/out"))" [ "$rc" -eq 0 ] && [ "$(wc -l < "$tmp/out")" -eq 377 ]
check "a cut shard: one line says it is set aside ($(cat "$tmp/err"))" grep -q "damaged.*set aside as $XDG_CACHE_HOME/pilcrow/$key.bad-" "$tmp/err"
check "a cut shard: set aside, not deleted" [ -n "$(ls -d "$XDG_CACHE_HOME/pilcrow/$key".bad-* 2> /dev/null)" ]
check "a cut shard: no index under its name" [ ! -e "$dir" ]
rm -rf "$XDG_CACHE_HOME/pilcrow/$key".bad-*
run_pilcrow "$tmp/out" "$tmp/err" --index "$tmp/rules.csv"
check "built again after the damage (status $rc)" [ "$rc" -eq 0 ] && [ -s "$dir/meta" ]

# bytes changed inside a shard: the checksum finds them
size0=$(wc -c < "$dir/text-0.db")
printf 'XXXXXXXXXXXXXXXX' | dd of="$dir/text-0.db" bs=1 seek=$((size0 / 2)) conv=notrunc 2> /dev/null
run_pilcrow "$tmp/out" "$tmp/err" --json --filter velez "$tmp/rules.csv"
check "changed bytes: the right answer ($(wc -l < "$tmp/out"))" [ "$(wc -l < "$tmp/out")" -eq 377 ]
check "changed bytes: set aside ($(cat "$tmp/err"))" grep -q "checksums do not match.*set aside" "$tmp/err"
rm -rf "$XDG_CACHE_HOME/pilcrow/$key".bad-*

# cables chosen by a filter are written on every core, in batches: the
# same bytes as the one pass over the dump (every cable holds iran)
run_pilcrow "$tmp/a" "$tmp/err" --json --filter iran "$tmp/big.csv"
run_pilcrow "$tmp/b" "$tmp/err" --json "$tmp/big.csv"
check "--json --filter, in batches: as the dump is read ($(wc -l < "$tmp/a") / $(wc -l < "$tmp/b"))" cmp -s "$tmp/a" "$tmp/b"
run_pilcrow "$tmp/a" "$tmp/err" --text --width 72 --filter iran "$tmp/big.csv"
run_pilcrow "$tmp/b" "$tmp/err" --text --width 72 "$tmp/big.csv"
check "--text --filter, in batches: as the dump is read" cmp -s "$tmp/a" "$tmp/b"
# --grep's words in batches (each thread its own search), beside the same
# hits found by an expression in one pass over the dump
run_pilcrow "$tmp/a" "$tmp/err" --grep the "$tmp/big.csv"
run_pilcrow "$tmp/b" "$tmp/err" --grep '~(?<![\pL\pN])the(?![\pL\pN])' "$tmp/big.csv"
check "--grep in batches: as the dump is read ($(wc -l < "$tmp/a") / $(wc -l < "$tmp/b") hits)" cmp -s "$tmp/a" "$tmp/b"
check "--grep in batches: hits ($(wc -l < "$tmp/a"))" [ "$(wc -l < "$tmp/a")" -ge $((big * 3)) ]

# killed while it builds: no index claims to be complete, and the next
# build removes what it left
"$PILCROW" --index "$tmp/big.csv" 2> /dev/null &
pid=$!
i=0
while [ $i -lt 200 ] && [ -z "$(ls "$XDG_CACHE_HOME/pilcrow" | grep part)" ]; do sleep 0.02; i=$((i + 1)); done
sleep 0.2
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
bigkey=$(ls "$XDG_CACHE_HOME/pilcrow" | sed -n 's/\.part-.*//p' | head -1)
check "killed: what the build left is only a part ($(ls "$XDG_CACHE_HOME/pilcrow" | tr '\n' ' '))" \
	[ -n "$bigkey" ] && [ ! -e "$XDG_CACHE_HOME/pilcrow/$bigkey" ]
run_pilcrow "$tmp/out" "$tmp/err" --json --filter '"uribe met velez"' "$tmp/big.csv"
check "killed: the scan answers ($(wc -l < "$tmp/out"))" [ "$(wc -l < "$tmp/out")" -eq "$uribe" ]
check "killed: nothing is said of an index" [ ! -s "$tmp/err" ]

# two at once: one builds, the other waits for it and uses it
PILCROW_PROGRESS=1 "$PILCROW" --index "$tmp/big.csv" 2> "$tmp/err1" &
p1=$!
PILCROW_PROGRESS=1 "$PILCROW" --index "$tmp/big.csv" 2> "$tmp/err2" &
p2=$!
wait "$p1"; r1=$?
wait "$p2"; r2=$?
check "two at once: both end well ($r1, $r2)" [ "$r1" -eq 0 ] && [ "$r2" -eq 0 ]
check "two at once: the index is built once ($(grep -l 'indexing ' "$tmp/err1" "$tmp/err2" | wc -l) builds)" \
	[ "$(grep -l 'indexing ' "$tmp/err1" "$tmp/err2" | wc -l)" -eq 1 ]
check "two at once: the part of the killed build is gone" [ -z "$(ls "$XDG_CACHE_HOME/pilcrow" | grep part)" ]
ids "$tmp/a" --filter '"uribe met velez"' "$tmp/big.csv"
check "two at once: the index answers ($(wc -l < "$tmp/a"))" [ "$(wc -l < "$tmp/a")" -eq "$uribe" ]

# a dump changed after it was indexed is never answered from the old index
cp "$tmp/rules.csv" "$tmp/changed.csv"
run_pilcrow "$tmp/out" "$tmp/err" --index "$tmp/changed.csv"
gen_rules 1201 "$tmp/more.csv"
tail -c +$(($(wc -c < "$tmp/rules.csv") + 1)) "$tmp/more.csv" >> "$tmp/changed.csv"
ids "$tmp/a" --filter iran "$tmp/changed.csv"
check "a changed dump: its new cable is found, not answered from the old index ($(tail -1 "$tmp/a"))" \
	[ "$(wc -l < "$tmp/a")" -eq 1201 ] && [ "$(tail -1 "$tmp/a")" = "01ROME1201" ]

# a prefix standing for thousands of words is asked in pieces of them: the
# answers are the scan's, with other words, negated, and in near=
gen_vocab 1500 "$tmp/vocab.csv"
run_pilcrow "$tmp/out" "$tmp/err" --index "$tmp/vocab.csv"
for q in 'a*' 'ab*' 'q* -x*' 'abc*|zy*' 'near=ab*,cd*,5' 'sembler a*'; do
	ids "$tmp/a" --filter "$q" "$tmp/vocab.csv"
	ids "$tmp/b" --no-index --filter "$q" "$tmp/vocab.csv"
	check "pieces: '$q' answers as the scan does ($(wc -l < "$tmp/a") and $(wc -l < "$tmp/b"))" cmp -s "$tmp/a" "$tmp/b"
done
check "pieces: a prefix stands for thousands of words here" \
	[ "$("$PILCROW" --stats --json --filter 'a*' "$tmp/vocab.csv" | jq .cables)" -eq 1500 ]
# The index in memory: a corpus under 5,000 cables opened in the reader
# gets one, built in the background, and no file is written; its answers
# are the scan's (--no-index), in a dump without an index and in a folder;
# sort=relevance orders by it.
cp "$tmp/rules.csv" "$tmp/small.csv"
before=$(ls "$XDG_CACHE_HOME/pilcrow" | wc -l)
mem_view() { # mem_view OUT INPUT FILTER [--no-index]: the list the reader shows
	printf 'size 30 120\nwait-index\ntype f%s<Enter>\ndump mem\n' "$3" > "$tmp/mem.script"
	LANG=C.UTF-8 TERM=xterm-256color PILCROW_SCRIPT=$tmp/mem.script PILCROW_DUMP_DIR=$tmp PILCROW_STATS=$tmp/mem.stats \
		PILCROW_WORKSPACE=$tmp/mem.db "$PILCROW" --fresh ${4:-} "$2" > /dev/null 2>&1
	mv "$tmp/mem" "$1"
}
for q in 'velez' '"uribe met velez"' 'presid*' 'iran -velez' 'near="minister trade/3"' 'counter-terrorism'; do
	mem_view "$tmp/mem-a" "$tmp/small.csv" "$q"
	built=$(awk '$1 == "text_index_ms" { print ($2 > 0) }' "$tmp/mem.stats")
	mem_view "$tmp/mem-b" "$tmp/small.csv" "$q" --no-index
	check "in memory: '$q' built an index, and the list is the scan's ($(tail -1 "$tmp/mem-a" | cut -c1-40))" \
		sh -c "[ '$built' = 1 ] && cmp -s '$tmp/mem-a' '$tmp/mem-b'"
done
for q in 'minister' '"foreign minister"' 'presid*|embassy' 'near="prime minister/3"'; do
	mem_view "$tmp/mem-a" "$srcdir/data/cables" "$q"
	built=$(awk '$1 == "text_index_ms" { print ($2 > 0) }' "$tmp/mem.stats")
	mem_view "$tmp/mem-b" "$srcdir/data/cables" "$q" --no-index
	check "in memory, a folder: '$q' (built: $built), the list is the scan's" \
		sh -c "[ '$built' = 1 ] && cmp -s '$tmp/mem-a' '$tmp/mem-b'"
done
check "in memory: no file written in the cache" [ "$(ls "$XDG_CACHE_HOME/pilcrow" | wc -l)" -eq "$before" ]
mem_view "$tmp/mem-a" "$srcdir/data/cables" 'minister sort=relevance'
check "in memory: sort=relevance orders by it (the most relevant first)" \
	sh -c "sed -n 2p '$tmp/mem-a' | grep -q '^ 85NICOSIA1022 ' && head -1 '$tmp/mem-a' | grep -q 'sorted by relevance'"
# a disk that fills while the index is built (a 2 MB file system, when
# this user may mount one): the build stops and says why on one line,
# leaves no index that a later run trusts, and the searches scan
if mkdir -p "$tmp/full" && mount -t tmpfs -o size=2m tmpfs "$tmp/full" 2> /dev/null; then
	gen_csv 3000 "$tmp/fill.csv"
	XDG_CACHE_HOME=$tmp/full run_pilcrow "$tmp/out" "$tmp/err" --index "$tmp/fill.csv"
	check "disk full: --index fails ($rc)" [ "$rc" -eq 1 ]
	check "disk full: one line says why ($(cat "$tmp/err"))" \
		[ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "disk is full" "$tmp/err"
	# (its lock file stays, as after any build: it holds no index)
	check "disk full: no index left, whole or in part ($(ls "$tmp/full/pilcrow" | tr '\n' ' '))" \
		[ -z "$(ls "$tmp/full/pilcrow" | grep -v '\.lock$')" ]
	XDG_CACHE_HOME=$tmp/full run_pilcrow "$tmp/out" "$tmp/err" --count - "$tmp/fill.csv" <<EOF
"cable number 7"
EOF
	check "disk full: a later search scans and answers ($(cat "$tmp/out"))" grep -q '^1	' "$tmp/out"
	umount "$tmp/full"
fi

finish
