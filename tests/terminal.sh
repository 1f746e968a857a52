#!/bin/sh
# terminal.sh -- the terminal always comes back: pilcrow runs from a shell
# inside tmux and is stopped every way there is (SIGTERM, SIGINT and Ctrl-C,
# SIGHUP, a fatal SIGSEGV and SIGABRT, every other signal that ends a
# process while the text index is built, Ctrl-Z then fg), under a shell that
# mends nothing itself (sh -i, not bash).  After each, the terminal must be
# as the shell left it: the same stty modes, the normal screen, the cursor
# shown, the mouse and the keypad let go.
. "${srcdir:-.}/tests/lib.sh"

command -v tmux > /dev/null || { echo "SKIP: no tmux"; exit 77; }
# Under valgrind a pilcrow takes seconds to start and to die, and these
# checks wait on the pane for a second or so: they time out now and then
# (a signal sent before the screen is up, a pane read before it is
# cleared).  The memory is valgrind's; the terminal is held by make check
# and the sanitizers' run.
case $PILCROW in
*-valgrind) echo "SKIP: the terminal's signals are timed; not under valgrind"; exit 77 ;;
esac
sock=$tmp/tmux.sock
t() { tmux -S "$sock" "$@"; }

wait_for() { tmux_wait term "$1"; }

# the pane's terminal state, as tmux sees it: alternate screen, cursor,
# keypad, mouse
pane_state() {
	t display-message -p -t term \
		'alt=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_cursor_flag}#{keypad_flag} mouse=#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}'
}

t -f /dev/null new-session -d -s term -x 120 -y 40 \
	"env -i PATH='$PATH' HOME='$tmp' TERM=tmux-256color LANG=C.UTF-8 PS1='ready\$ ' sh -i" ||
	{ echo "SKIP: tmux cannot start a session here"; exit 77; }
wait_for 'ready$' || { echo "SKIP: no shell prompt in tmux"; exit 77; }
t send-keys -t term "stty -a > '$tmp/stty.before'" Enter
sleep 0.3
before=$(pane_state)

# start: runs pilcrow from the shell, its pid in a file, then prints its
# status.  The pane is cleared and the pid file made anew first: a slow
# start (under valgrind) must not be taken for the screen or the pid of the
# pilcrow before.
start() {
	rm -f "$tmp/pid"
	t send-keys -t term clear Enter
	i=0
	while t capture-pane -p -t term | grep -q "exited-\|9 cables" && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	t send-keys -t term "sh -c 'echo \$\$ > $tmp/pid; exec env PILCROW_MARKS=$tmp/marks $PILCROW $srcdir/data/cables'; echo \"exited-\$?\"" Enter
	i=0
	while [ ! -s "$tmp/pid" ] && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	wait_for "04ROME3933" && wait_for "9 cables"
}

# restored WHAT: the terminal is as before
restored() {
	rm -f "$tmp/stty.after"
	t send-keys -t term "stty -a > '$tmp/stty.after'" Enter
	sleep 0.3
	check "$1: the stty modes are back" cmp -s "$tmp/stty.before" "$tmp/stty.after"
	check "$1: the screen, cursor, keypad and mouse are back ($(pane_state), before: $before)" \
		[ "$(pane_state)" = "$before" ]
}

for sig in TERM INT HUP; do
	start
	kill -"$sig" "$(cat "$tmp/pid")"
	case $sig in TERM) code=143 ;; INT) code=130 ;; HUP) code=129 ;; esac
	check "SIG$sig: pilcrow exits with status $code" wait_for "exited-$code"
	restored "SIG$sig"
done

start
t send-keys -t term C-c
check "Ctrl-C: pilcrow exits with status 130" wait_for "exited-130"
restored "Ctrl-C"

for sig in SEGV ABRT; do
	start
	kill -"$sig" "$(cat "$tmp/pid")"
	case $sig in SEGV) what="a segmentation fault (SIGSEGV)"; code=139 ;; ABRT) what="an abort (SIGABRT)"; code=134 ;; esac
	check "SIG$sig: one line says what stopped pilcrow" wait_for "pilcrow: stopped by $what; this is a bug, please report it"
	check "SIG$sig: it dies of the signal (status $code)" wait_for "exited-$code"
	restored "SIG$sig"
done

# Every other signal whose default ends a process, sent while the reader
# builds the text index of a dump: the terminal comes back, the process
# ends as the signal would have (status 128 + N), and the index's
# half-built directory is gone.  SIGPIPE and SIGXFSZ are ignored (a write
# says its error): the reader goes on.
case $PILCROW in
*-valgrind) big=$srcdir/data/cables; busy="9 cables" ;;
*) gen_csv 20000 "$tmp/big.csv"; big=$tmp/big.csv; busy="indexing text" ;;
esac
start_big() {
	t send-keys -t term clear Enter
	t send-keys -t term "sh -c 'echo \$\$ > $tmp/pid; exec env PILCROW_MARKS=$tmp/marks XDG_CACHE_HOME=$tmp/sigcache $PILCROW $big'; echo \"exited-\$?\"" Enter
	wait_for "$busy"
}
# (the signals' numbers as Linux has them)
for pair in QUIT:3 USR1:10 USR2:12 ALRM:14 XCPU:24 VTALRM:26 PROF:27; do
	sig=${pair%:*}
	start_big
	kill -"$sig" "$(cat "$tmp/pid")"
	code=$((128 + ${pair#*:}))
	check "SIG$sig while indexing: pilcrow ends as the signal would (status $code)" wait_for "exited-$code"
	restored "SIG$sig while indexing"
	check "SIG$sig while indexing: no half-built index left ($(find "$tmp/sigcache" -name '*.part-*' | head -n 1))" \
		sh -c "! find '$tmp/sigcache' -name '*.part-*' | grep -q ."
done
for sig in PIPE XFSZ; do
	start_big
	kill -"$sig" "$(cat "$tmp/pid")"
	sleep 0.3
	check "SIG$sig: ignored, the reader goes on" kill -0 "$(cat "$tmp/pid")"
	t send-keys -t term Q
	check "SIG$sig: then Q quits it (status 0)" wait_for "exited-0"
	restored "SIG$sig"
done

case $PILCROW in
*-valgrind)
	# valgrind does not let its guest stop for job control
	t kill-server 2> /dev/null
	finish ;;
esac
start
# the reader takes keys before Ctrl-Z is typed: typed while it still sets
# the terminal up, the key can be flushed with the input before it (a
# loaded machine showed the screen, then lost the Ctrl-Z)
t send-keys -t term j
wait_for "2/9"
t send-keys -t term k
wait_for "1/9"
t send-keys -t term C-z
check "Ctrl-Z: the shell has pilcrow stopped" wait_for "Stopped"
restored "Ctrl-Z"
t send-keys -t term clear Enter fg Enter
check "fg: pilcrow draws its screen again" wait_for "9 cables"
t send-keys -t term j
check "fg: and takes keys" wait_for "2/9"
t send-keys -t term q
gone() {
	i=0
	while kill -0 "$(cat "$tmp/pid")" 2> /dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	! kill -0 "$(cat "$tmp/pid")" 2> /dev/null
}
check "q after fg: pilcrow quits" gone
restored "q after Ctrl-Z and fg"

t kill-server 2> /dev/null
finish
