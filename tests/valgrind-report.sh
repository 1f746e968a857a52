#!/bin/sh
# valgrind-report.sh DIR -- after 'make check-valgrind': every valgrind log in
# DIR must report no error and no leak (definite, indirect or possible).
dir=$1
n=0
bad=0
for log in "$dir"/*.log; do
	[ -f "$log" ] || continue
	n=$((n + 1))
	if grep -q 'Process terminating with default action of signal' "$log"; then
		# killed on purpose by a test (tests/terminal.sh sends SIGSEGV and
		# SIGABRT): what it had not freed is no leak, but errors still count
		grep -qE '^==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched|Source and dest)' "$log" ||
			continue
	elif ! grep -q 'ERROR SUMMARY: [1-9]' "$log" && ! grep -qE '(definitely|indirectly|possibly) lost: [1-9]' "$log"; then
		continue
	fi
	bad=$((bad + 1))
	echo "--- $log" >&2
	grep -E '^==[0-9]+== ' "$log" | head -60 >&2
done
echo "valgrind: $n runs, $bad with errors or leaks"
[ "$n" -gt 0 ] && [ "$bad" -eq 0 ]
