#!/bin/sh
# golden.sh -- 'pilcrow --json' on each bundled sample must print exactly
# tests/golden/NAME.json; '--text' on the founding sample, NAME.text.
# UPDATE_GOLDEN=1 rewrites the golden files from the current output.
. "${srcdir:-.}/tests/lib.sh"

cd "$srcdir" || exit 99
for f in data/cables/*; do
	name=$(basename "$f")
	for mode in json text; do
		golden=tests/golden/$name.$mode
		[ "$mode" = text ] && [ ! -f "$golden" ] && [ -z "$UPDATE_GOLDEN" ] && continue
		[ "$mode" = text ] && [ "$name" != 04ROME3933.txt ] && continue
		run_pilcrow "$tmp/out" "$tmp/err" --"$mode" --width 80 "$f"
		check "$f --$mode exits 0" [ "$rc" -eq 0 ]
		check "$f --$mode writes nothing on stderr" [ ! -s "$tmp/err" ]
		compare_golden "$tmp/out" "$golden" "$f --$mode"
	done
done
# every golden file has its sample
for g in tests/golden/*; do
	name=$(basename "$g")
	check "$g has a sample in data/cables" [ -f "data/cables/${name%.*}" ]
done
finish
