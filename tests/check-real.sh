#!/bin/sh
# check-real.sh DIR -- every real cable in DIR (../shared/cables: txt/, html/,
# csv/ and SOURCES.tsv) parses without a crash or a sanitizer report, with an
# id and a classification; where SOURCES.tsv names them, they must match.
# Skips (status 77) when DIR is not there.
. "${srcdir:-.}/tests/lib.sh"

dir=$1
if [ ! -d "$dir" ]; then
	echo "SKIP: no real cables at $dir"
	exit 77
fi
command -v jq > /dev/null || { echo "check-real needs jq" >&2; exit 99; }
files=0
for f in "$dir"/txt/* "$dir"/html/* "$dir"/csv/*; do
	[ -f "$f" ] || continue
	files=$((files + 1))
	run_pilcrow "$tmp/out" "$tmp/err" --json "$f"
	check "$f: exit 0" [ "$rc" -eq 0 ]
	check "$f: nothing on stderr ($(head -c 300 "$tmp/err"))" [ ! -s "$tmp/err" ]
	check "$f: valid JSON Lines" jq -e . "$tmp/out" > /dev/null
	n=$(jq -r 'select(.id == null or .classification == null or .level == null) | .source.offset' "$tmp/out" | wc -l)
	check "$f: every cable has an id and a classification ($n lack one)" [ "$n" -eq 0 ]
	# SOURCES.tsv: file, repo, path, commit, format, cable_id, classification.
	# The text may write UNCLAS where the corpus says UNCLASSIFIED: compare
	# the id and the level.
	rel=${f#"$dir"/}
	want=$(awk -F '\t' -v f="$rel" '$1 == f && $5 != "csv" {
		l = $7
		if (l ~ /^TOP SECRET/) l = "TS"
		else if (l ~ /^SECRET/) l = "S"
		else if (l ~ /^CONFIDENTIAL/) l = "C"
		else if (l ~ /FOR OFFICIAL USE ONLY|SENSITIVE/) l = "SBU"
		else if (l ~ /^UNCLASSIFIED/) l = "U"
		print $6 "\t" l }' "$dir/SOURCES.tsv")
	if [ -n "$want" ]; then
		got=$(jq -r '[.id, .level] | @tsv' "$tmp/out")
		check "$rel: id and level '$got', SOURCES.tsv says '$want'" [ "$got" = "$want" ]
	fi
done
echo "$files files"
finish
