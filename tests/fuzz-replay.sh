#!/bin/sh
# fuzz-replay.sh -- every fuzz target, replayed without libFuzzer over the
# seeds and over each input that once made a target fail
# (tests/fuzz/regressions/TARGET/): the checks inside the targets must hold.
. "${srcdir:-.}/tests/lib.sh"

bin=$(dirname "$PILCROW")/../tests/fuzz
sh "$srcdir/tests/hostile/make.sh" "$tmp/hostile" --small
for t in cable html csv text compare; do
	if timeout 300 "$bin/replay_$t" "$srcdir/data/cables" "$srcdir/tests/screen" "$tmp/hostile" \
		"$srcdir/tests/fuzz/regressions/$t" > "$tmp/out" 2>&1; then
		ok
	else
		fail "replay_$t: $(tail -5 "$tmp/out")"
	fi
	check "replay_$t replayed the seeds ($(tail -1 "$tmp/out"))" grep -q '[1-9][0-9]* inputs replayed' "$tmp/out"
done
finish
