#!/bin/sh
# run.sh TARGET... -- runs each libFuzzer target (tests/fuzz/fuzz_TARGET) for
# FUZZ_SECONDS, from the seeds (data/cables, the test fixtures, the hostile
# inputs, the inputs that once failed) and the corpus it grew before (FUZZ_DIR/TARGET).  A
# finding is left in FUZZ_DIR as crash-*, leak-* or timeout-*: copy it into
# tests/fuzz/regressions/TARGET/ with a name saying what it found, fix the
# bug, and 'make check' replays it from then on.
set -eu
: "${srcdir:=.}"
: "${FUZZ_SECONDS:=60}"
: "${FUZZ_DIR:=tests/fuzz/out}"
here=$(dirname "$0")
status=0
sh "$srcdir/tests/hostile/make.sh" "$FUZZ_DIR/hostile" --small
for t in "$@"; do
	mkdir -p "$FUZZ_DIR/$t"
	echo "fuzz_$t: $FUZZ_SECONDS s"
	if ! "$here/fuzz_$t" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
		-max_len=262144 -dict="$srcdir/tests/fuzz/dict" -artifact_prefix="$FUZZ_DIR/" \
		-print_final_stats=1 \
		"$FUZZ_DIR/$t" "$srcdir/data/cables" "$srcdir/tests/screen" "$FUZZ_DIR/hostile" \
		"$srcdir/tests/fuzz/regressions/$t" \
		> "$FUZZ_DIR/$t.log" 2>&1; then
		status=1
		echo "fuzz_$t: a finding; see $FUZZ_DIR/$t.log" >&2
		grep -A20 'ERROR\|does not hold' "$FUZZ_DIR/$t.log" | head -40 >&2
	fi
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|cov:' "$FUZZ_DIR/$t.log" | tail -3
done
exit $status
