#!/bin/sh
# screen.sh -- drives the real reader with scripted keys (tests/screen/*.script)
# and compares each screen dump with tests/screen/NAME.expected.
# The first line of a script says what to open: "# args: FILE...".
# UPDATE_GOLDEN=1 rewrites the expected dumps.
. "${srcdir:-.}/tests/lib.sh"

cd "$srcdir" || exit 99
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
unset NO_COLOR
for script in tests/screen/*.script; do
	name=$(basename "$script" .script)
	out=$tmp/$name
	mkdir -p "$out"
	args=$(sed -n '1s/^# args: *//p' "$script")
	# "# term: vt100" on the second line runs the script in that terminal
	term=$(sed -n '2s/^# term: *//p' "$script")
	# "# env: VAR=VALUE" on the second line: more of the environment
	env=$(sed -n '2s/^# env: *//p' "$script")
	mkdir -p "$out/ws"
	env ${env:-PILCROW_NONE=} TERM=${term:-xterm-256color} PILCROW_SCRIPT=$script PILCROW_DUMP_DIR=$out PILCROW_WORKSPACE=$out/ws/workspace.db \
		timeout 60 "$PILCROW" $args > "$tmp/stdout" 2> "$tmp/stderr"
	rc=$?
	check "$name: exit 0 (got $rc: $(head -c 300 "$tmp/stderr"))" [ "$rc" -eq 0 ]
	for dump in "$out"/*; do
		[ -f "$dump" ] || continue
		d=$(basename "$dump")
		expected=tests/screen/$d.expected
		# no control character may reach the screen
		check "$d: no control characters on the screen" \
			sh -c "! LC_ALL=C grep -q '$(printf '[\001-\010\013-\037\177]')' '$dump'"
		compare_golden "$dump" "$expected" "$d"
	done
	# what the run left in the workspace (marks, notes, collections)
	if [ -f "tests/screen/$name.marks" ]; then
		workspace_lines "$out/ws/workspace.db" > "$tmp/$name.ws"
		check "$name: the workspace" diff -u "tests/screen/$name.marks" "$tmp/$name.ws"
	fi
done
# every expected dump comes from a script
for e in tests/screen/*.expected; do
	[ -f "$e" ] || continue
	d=$(basename "$e" .expected)
	check "$e belongs to a script" [ -f "tests/screen/${d%%-*}.script" ]
done
finish
