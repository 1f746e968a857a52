#!/bin/sh
# tmux.sh -- the real binary in a real terminal: tmux runs pilcrow, send-keys
# types, capture-pane reads the screen.  (Polls the pane for what it waits
# for; the scripted tests in screen.sh need no terminal at all.)
. "${srcdir:-.}/tests/lib.sh"

if ! command -v tmux > /dev/null; then
	echo "SKIP: no tmux"
	exit 77
fi
sock=$tmp/tmux.sock
t() { tmux -S "$sock" "$@"; }
cd "$srcdir" || exit 99

# wait_for TEXT: until the pane shows TEXT (10 s at most)
wait_for() { tmux_wait e2e "$1"; }

t -f /dev/null new-session -d -s e2e -x 100 -y 40 \
	"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color PILCROW_WORKSPACE=$tmp/ws.db $PILCROW data/cables/04ROME3933.txt; echo pilcrow-exited-\$?; sleep 5" ||
	{ echo "SKIP: tmux cannot start a session here"; exit 77; }

check "the banner and the subject" wait_for "CONFIDENTIAL  04ROME3933  ROME"
check "the subject under it" wait_for "Subject   IRAQ/ITALY- ITALIAN POLITICAL DIRECTOR"
# the paragraph list may come a moment after the header (slow under valgrind)
check "the list down to ¶8" wait_for "¶8 (U)"
t capture-pane -e -p -t e2e > "$tmp/colors"
check "the banner is blue (256 colours)" grep -q '48;5;27m CONFIDENTIAL' "$tmp/colors"
t capture-pane -p -t e2e > "$tmp/pane"
for n in 1 2 3 4 5 6; do
	check "the list shows ¶$n (C)" grep -q "¶$n (C)" "$tmp/pane"
done
check "the list shows ¶7 (U)" grep -q "¶7 (U)" "$tmp/pane"
check "the list shows ¶8 (U)" grep -q "¶8 (U)" "$tmp/pane"

t send-keys -t e2e f
check "f opens the menu" wait_for "Filter by marking"
t send-keys -t e2e 1
check "the (U) filter is on" wait_for "filter: U only"
wait_for "¶8 (U) Minimize considered" > /dev/null
t capture-pane -p -t e2e > "$tmp/pane"
check "the (U) filter shows ¶7" grep -q "¶7 (U) this message" "$tmp/pane"
check "the (U) filter shows ¶8" grep -q "¶8 (U) Minimize considered" "$tmp/pane"
check "the (U) filter hides ¶1 to ¶6" sh -c "! grep -q '¶[1-6] (C)' '$tmp/pane'"
t send-keys -t e2e F
check "F clears it" wait_for "filters cleared"

t send-keys -t e2e : 5 Enter
check ":5 selects ¶5" wait_for "¶5/8"
t send-keys -t e2e / M a s s o l o Enter
check "/Massolo finds a match" wait_for "match 10 of 15 for /Massolo"
t send-keys -t e2e n
check "n walks to the next match" wait_for "match 11 of 15"
t send-keys -t e2e n
check "n again" wait_for "match 12 of 15"
t send-keys -t e2e N
check "N walks back" wait_for "match 11 of 15"

t resize-window -t e2e -x 140 -y 40 2> /dev/null || t resize-pane -t e2e -x 140 -y 40
check "a resize keeps the selection" wait_for "¶5/8"
t send-keys -t e2e m
check "m marks" wait_for "¶5 marked"
# y: OSC 52 to the terminal; tmux (set-clipboard on) takes it into its buffer
t set-option -s set-clipboard on
t send-keys -t e2e Y
check "Y copies the citation" wait_for "copied the citation of ¶5 of 04ROME3933"
n=0
until t show-buffer 2> /dev/null | grep -q "cable 04ROME3933"; do
	n=$((n + 1))
	[ $n -gt 100 ] && break
	sleep 0.1
done
t show-buffer > "$tmp/buffer" 2> /dev/null
check "the citation reached tmux's clipboard ($(head -c 200 "$tmp/buffer"))" \
	grep -qx "Rome, cable 04ROME3933, 2004, ¶5 (C). WikiLeaks, https://wikileaks.org/plusd/cables/04ROME3933_a.html" "$tmp/buffer"
t send-keys -t e2e '?'
check "? shows the help" wait_for "pilcrow keys"
t send-keys -t e2e q q
check "q quits with status 0" wait_for "pilcrow-exited-0"
check "the mark is in the workspace" sh -c "PILCROW_WORKSPACE=$tmp/ws.db $PILCROW --export jsonl | grep -q '\"id\": \"04ROME3933\", \"paragraph\": \"5\"'"

# a filter on the text runs in steps between keys; Ctrl-C (SIGINT, in a
# real terminal) stops it and leaves pilcrow running, the list as it was
i=0
while [ $i -lt 600 ]; do
	cat data/cables/cables-sample.csv
	i=$((i + 1))
done > "$tmp/big.csv"
cat > "$tmp/runaway.sh" <<EOS
exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color PILCROW_MARKS=$tmp/marks2 \\
	$PILCROW --filter 'text~(\\w+\\s?)+\$x' $tmp/big.csv
EOS
t new-session -d -s big -x 120 -y 30 "sh $tmp/runaway.sh; echo pilcrow-exited-\$?; sleep 5"
check "a runaway filter runs in steps, with its progress" tmux_wait big "Esc cancels)"
t send-keys -t big C-c
check "Ctrl-C stops it, not pilcrow" tmux_wait big "cancelled: text~"
# (600 copies of the same 3 records: versions of 3 cables, a row each)
check "the list is as it was" tmux_wait big " 1/3 "
t send-keys -t big q
check "q then quits with status 0" tmux_wait big "pilcrow-exited-0"

# The full-text index asked on a thread of its own: keys never wait for it,
# and Esc drops the question at once, the list as it was.  A filter of
# 10,000 terms, and one of 1,000 prefixes each standing for thousands of
# made-up words (asked in pieces); the time from Esc to the screen that
# says so is measured through tmux (its polling included), the reader's
# own time for the key (PILCROW_TIMING) must be within 50 ms.
case $PILCROW in
*-valgrind)
	# times under valgrind mean nothing
	t kill-server 2> /dev/null
	finish ;;
esac
gen_csv 2000 "$tmp/ask.csv"
gen_vocab 3000 "$tmp/vocab.csv"
"$PILCROW" --index "$tmp/ask.csv" > /dev/null 2>&1
"$PILCROW" --index "$tmp/vocab.csv" > /dev/null 2>&1
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "minist* " }' > "$tmp/many.filter"
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "%c* ", 97 + i % 26 }' > "$tmp/prefixes.filter"
for what in many:ask:2,000 prefixes:vocab:3,000; do
	f=${what%%:*} dump=${what#*:} count=${dump#*:} dump=${dump%%:*}
	cat > "$tmp/ask-$f.sh" <<EOS
exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color PILCROW_MARKS=$tmp/marks3 PILCROW_TIMING=$tmp/timing-$f \\
	$PILCROW --filter "\$(cat $tmp/$f.filter)" $tmp/$dump.csv
EOS
	t new-session -d -s "$f" -x 120 -y 30 "sh $tmp/ask-$f.sh; echo pilcrow-exited-\$?; sleep 5"
	check "$f: the index is being asked, the keys answered" tmux_wait "$f" "Esc cancels)"
	t0=$(date +%s%N)
	t send-keys -t "$f" Escape
	i=0
	until t capture-pane -p -t "$f" | grep -q "cancelled"; do
		i=$((i + 1))
		[ $i -gt 2000 ] && break
	done
	ms=$((($(date +%s%N) - t0) / 1000000))
	check "$f: Esc answered, the screen says so ($ms ms through tmux)" [ $i -le 2000 ] && [ "$ms" -lt 1000 ]
	check "$f: the list as it was" tmux_wait "$f" "1/$count"
	echo "$f: Esc answered in $ms ms through tmux"
	t send-keys -t "$f" q
	check "$f: q then quits with status 0" tmux_wait "$f" "pilcrow-exited-0"
	worst=$(sort -g "$tmp/timing-$f" | tail -n 1)
	check "$f: no key took 50 ms (the longest: $worst s)" awk -v w="$worst" 'BEGIN { exit !(w < 0.05) }'
done
t kill-server 2> /dev/null
finish
