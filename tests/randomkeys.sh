#!/bin/sh
# randomkeys.sh [-n STEPS] [-s SEED] PATH... -- drives the reader with random
# keys, prompts, mouse events and resizes (down to 1x1) on each PATH in
# turn; passes when every run ends normally (under the sanitizers, a report
# ends it abnormally).  'make check' runs it on the samples; 'make
# check-real' runs 10,000 steps on each real cable.
. "${srcdir:-.}/tests/lib.sh"

steps=2000
seed=1
while [ $# -gt 0 ]; do
	case $1 in
	-n) steps=$2; shift 2 ;;
	-s) seed=$2; shift 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- "$srcdir/data/cables" "$srcdir/tests/screen/hostile.txt"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color

# random_script SEED STEPS: one command a line, in the syntax of script.c
random_script() {
	awk -v seed="$1" -v n="$2" 'BEGIN {
		srand(seed)
		nk = split("j k <Up> <Down> <Space> b <PgDn> <PgUp> <C-d> <C-u> g G <Home> <End> ] [ } { <Tab> " \
			"n N f F m M J K H ? <F1> <C-l> 1 2 3 9 0 <Enter> <Esc> <BS> x <Left> <Right> <lt> \
			日 é <C-a> <C-z> v o p <Del> <C-w> <C-k> <C-e> <C-c>", keys, " ")
		np = split("/Massolo<Enter> /[a-z]+<Enter> /(<Enter> /<Enter> :3<Enter> :0<Enter> :99999999<Enter> " \
			"/日本<Enter> /\\\\d{4}<Enter> /.*<Enter> :<BS><BS><Enter> /x<Esc> fminist*<Enter><Tab> " \
			"f<C-u>iran|velez<Enter> f-tag=PREL<Enter> /(\\\\w+\\\\s?)+$x<Enter> f<Up><Enter>", prompts, " ")
		for (i = 0; i < n; i++) {
			r = rand()
			if (r < 0.04)
				printf "size %d %d\n", 1 + int(rand() * 70), 1 + int(rand() * 220)
			else if (r < 0.06)
				printf "type %s\n", prompts[1 + int(rand() * np)]
			else if (r < 0.07)
				printf "click %d %d\n", int(rand() * 70), int(rand() * 220)
			else if (r < 0.08)
				printf "wheel %s %d %d\n", rand() < 0.5 ? "up" : "down", int(rand() * 70), int(rand() * 220)
			else
				printf "keys %s\n", keys[1 + int(rand() * nk)]
		}
	}'
}

for path in "$@"; do
	random_script "$seed" "$steps" > "$tmp/script"
	PILCROW_SCRIPT=$tmp/script PILCROW_MARKS=$tmp/marks timeout 300 "$PILCROW" "$path" \
		> /dev/null 2> "$tmp/err"
	rc=$?
	check "$path: $steps random steps end normally (status $rc: $(head -c 500 "$tmp/err"))" [ "$rc" -eq 0 ]
	seed=$((seed + 1))
done
finish
