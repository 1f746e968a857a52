#!/bin/sh
# check-real.sh SHARED -- pilcrow against the real material kept beside the
# project (../shared), never in it:
#   1. SHARED/cables: every real cable (txt/, html/, csv/) parses without a
#      crash or a sanitizer report, with an id and a classification, and
#      they match SOURCES.tsv; the dumps there, whole and split into pieces
#      (split -l, split -b, CRLF), give every record;
#   2. SHARED/cables/wikileaks: each page's cable text, parsed alone, against
#      the page's own table, heading, TAGS links and ¶ anchors
#      (tests/real/pagecheck says how each field compares);
#   3. SHARED/peer-cases: the header fields another parser of these cables
#      expects, compared as the README there says (tests/real/peer.jq);
#   4. the text's own checks over all of SHARED/cables (the pages, the
#      cables, the dumps, the versions) and the peer cases' excerpts: what
#      a reader copies is the cable's words and nothing else
#      (tests/real/textcheck says what each check holds to); reviewed
#      findings must stay under 1 % of the cables;
#   5. SHARED/cables/versions: every pair of texts of one cable compared
#      (--diff), its redaction runs against a count made apart.
# Prints the agreement per field and every disagreement; a disagreement
# judged to be the page's or the peer's error is listed, with the reason, in
# tests/real/reviewed.tsv and counts as agreeing.  Fails when a target is
# missed, when a disagreement is neither fixed nor reviewed, or when a
# review no longer matches a disagreement.  Skips (77) without SHARED.
. "${srcdir:-.}/tests/lib.sh"

shared=$1
: "${PAGECHECK:=$srcdir/tests/real/pagecheck}"
: "${TEXTCHECK:=$srcdir/tests/real/textcheck}"
reviewed=$srcdir/tests/real/reviewed.tsv
if [ ! -d "$shared/cables" ]; then
	echo "SKIP: no real cables at $shared"
	exit 77
fi
command -v jq > /dev/null || { echo "check-real needs jq" >&2; exit 99; }

# ------------------------------------------------------- 1. the real cables
dir=$shared/cables
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
echo "$files real cables"

# The dumps, split as they circulate: every record, as the whole file gives it.
pieces=0
for f in "$dir"/csv/*.csv; do
	[ -f "$f" ] || continue
	run_pilcrow "$tmp/whole.jsonl" "$tmp/err" --json "$f"
	jq -r '[.id, .date, .level, (.paragraphs | length)] | @tsv' "$tmp/whole.jsonl" > "$tmp/whole.tsv"
	total=$(wc -l < "$tmp/whole.tsv")
	lines=$(wc -l < "$f")
	for how in "-l $((lines / 3 + 1))" "-l 1000" "-b 100000" "-b 7777" "-b 65536 crlf"; do
		split_dump "$f" "$how" "$tmp/split"
		pieces=$((pieces + $(ls "$tmp/split" | wc -l)))
		run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/split"
		jq -r '[.id, .date, .level, (.paragraphs | length)] | @tsv' "$tmp/out" > "$tmp/split.tsv"
		check "$(basename "$f") split ($how): every record ($(wc -l < "$tmp/split.tsv") of $total), nothing reported ($(head -c 200 "$tmp/err"))" \
			cmp -s "$tmp/whole.tsv" "$tmp/split.tsv"
		check "$(basename "$f") split ($how): nothing on stderr" [ ! -s "$tmp/err" ]
	done
done
echo "$pieces pieces of split dumps"

# ------------------------------------------------------ 2. the cable pages
rows=$tmp/rows.tsv
: > "$rows"
if [ -d "$dir/wikileaks" ]; then
	find "$dir/wikileaks" -name '*.html' | LC_ALL=C sort > "$tmp/pages"
	xargs "$PAGECHECK" < "$tmp/pages" > "$tmp/pages.tsv" 2> "$tmp/err"
	check "pagecheck ran cleanly ($(head -c 300 "$tmp/err"))" [ ! -s "$tmp/err" ]
	sed -e "s|^$dir/||" -e 's|^|pages\t|' "$tmp/pages.tsv" >> "$rows"
	echo "$(wc -l < "$tmp/pages") cable pages"
fi

# ------------------------------------------------------- 3. the peer cases
if [ -d "$shared/peer-cases" ]; then
	ncase=0
	for jf in "$shared"/peer-cases/*.jsonl; do
		base=$(basename "$jf")
		n=0
		while IFS= read -r case; do
			n=$((n + 1))
			field=$(printf '%s' "$case" | jq -r '.field')
			case $field in
			tags|subject|references|nondisclosure_deadline|signers|classified_by) ;;
			*) continue ;;
			esac
			# a case of a second convention, not the main one, is not compared
			[ "$(printf '%s' "$case" | jq -r '.variant')" = null ] || continue
			ncase=$((ncase + 1))
			name=$(printf '%s' "$case" | jq -r '(.cable_id // "excerpt") + (if .input_format == "html" then ".html" else ".txt" end)')
			rm -rf "$tmp/case" && mkdir "$tmp/case"
			printf '%s' "$case" | jq -j '.input' > "$tmp/case/$name"
			# kept for the text checks too: real excerpts, each in a folder of its own
			mkdir -p "$tmp/excerpts/$base:$n" && cp "$tmp/case/$name" "$tmp/excerpts/$base:$n/"
			run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/case/$name"
			ours=$(head -n 1 "$tmp/out")
			[ -n "$ours" ] || ours=null
			printf 'peers\tpeer-cases/%s:%d\t%s\t' "$base" "$n" "$field" >> "$rows"
			printf '%s' "$case" | jq -r --argjson ours "$ours" -f "$srcdir/tests/real/peer.jq" >> "$rows"
			if [ "$ours" = null ]; then
				printf 'peers\tpeer-cases/%s:%d\toutput\tdisagree\ta cable\t(no output) %s\n' "$base" "$n" \
					"$(head -c 200 "$tmp/err" | tr '\t\n' '  ')" >> "$rows"
			else
				printf 'peers\tpeer-cases/%s:%d\toutput\tagree\ta cable\ta cable\n' "$base" "$n" >> "$rows"
			fi
		done < "$jf"
	done
	echo "$ncase peer cases"
fi

# ------------------------------------------------------ 4. the text checks
"$TEXTCHECK" -p "$dir" $(for d in wikileaks txt html csv versions; do [ -d "$dir/$d" ] && echo "$dir/$d"; done) \
	> "$tmp/text.tsv" 2> "$tmp/err"
check "textcheck ran cleanly ($(head -c 300 "$tmp/err"))" [ ! -s "$tmp/err" ]
# the peer cases' excerpts (REF blocks, Classified By lines, last lines)
if [ -d "$tmp/excerpts" ]; then
	"$TEXTCHECK" -p "$tmp/excerpts" "$tmp/excerpts" 2> "$tmp/err" | sed -e 's|^|peer-cases/|' >> "$tmp/text.tsv"
	check "textcheck ran cleanly on the excerpts ($(head -c 300 "$tmp/err"))" [ ! -s "$tmp/err" ]
fi
sed -e 's|^|text\t|' "$tmp/text.tsv" >> "$rows"
ncables=$(awk -F '\t' '$2 == "signer-in-text"' "$tmp/text.tsv" | cut -f1 | sort -u | wc -l)
echo "$ncables cables read for the text checks"

# ------------------------------------------------ 5. the versions compared
# Every pair of texts of one cable (files in date order) through --diff:
# its count of redaction runs in each text must be the count made apart
# (tests/real/redactions.awk over --text), and added less lifted their
# difference; the status is 0 exactly when the summary says the same words.
if [ -d "$shared/cables/versions" ]; then
	pairs=0 runs_bad=0
	for d in "$shared"/cables/versions/*/; do
		prev=
		for f in "$d"*; do
			[ -f "$f" ] || continue
			if [ -n "$prev" ]; then
				pairs=$((pairs + 1))
				run_pilcrow "$tmp/out" "$tmp/err" --diff "$prev" "$f"
				st=$rc
				ra=$("$PILCROW" --text --width 1000 "$prev" 2>/dev/null | awk -f "$srcdir/tests/real/redactions.awk")
				rb=$("$PILCROW" --text --width 1000 "$f" 2>/dev/null | awk -f "$srcdir/tests/real/redactions.awk")
				line=$(grep '^redaction runs: ' "$tmp/out")
				set -- $(echo "$line" | tr -c '0-9\n' ' ')
				same=$(grep -c '^summary: .*the same words' "$tmp/out")
				if [ "$#" -ne 4 ] || [ "$1" != "$ra" ] || [ "$2" != "$rb" ] || [ $(($3 - $4)) -ne $((rb - ra)) ] ||
				   { [ "$st" -eq 0 ] && [ "$same" -ne 1 ]; } || { [ "$st" -eq 1 ] && [ "$same" -ne 0 ]; }; then
					echo "versions: $prev $f: '$line' (status $st), counted apart: a $ra, b $rb"
					runs_bad=$((runs_bad + 1))
				fi
				case $st in 0|1) ;; *) runs_bad=$((runs_bad + 1)); echo "versions: $prev $f: status $st";; esac
			fi
			prev=$f
		done
	done
	echo "$pairs pairs of versions compared"
	check "--diff's redaction runs agree with a count made apart on every pair ($runs_bad differ)" [ "$runs_bad" -eq 0 ]
fi

# --------------------------------------------------------------- the report
# rows: SET SOURCE FIELD RESULT THEIRS OURS; reviewed: SOURCE FIELD THEIRS OURS REASON
: > "$tmp/open"
: > "$tmp/stale"
awk -F '\t' -v reviewed="$reviewed" -v stale="$tmp/stale" -v open="$tmp/open" '
BEGIN {
	while ((getline line < reviewed) > 0) {
		if (line ~ /^#/ || line == "") continue
		split(line, r, "\t")
		key = r[1] "\t" r[2] "\t" r[3] "\t" r[4]
		rev[key] = 1; order[++nrev] = key
	}
	# the targets: per field for the pages, over all fields for the peers
	target["pages\tid"] = 99.5; target["pages\tclassification"] = 99.5
	target["pages\tdate"] = 99.5; target["pages\torigin"] = 99.5
	target["pages\tsubject"] = 99; target["pages\ttags"] = 99
	target["pages\tparagraphs"] = 98
	target["peers\tall"] = 95; target["peers\toutput"] = 100
	# the text checks: every finding fixed or reviewed (below)
	text_checks = "signer-in-text signer-set page-header ref-text header-para ref-serial later-link same-addresses list-people"
	nt = split(text_checks, tc, " ")
	for (i = 1; i <= nt; i++) target["text\t" tc[i]] = 100
}
{
	set = $1; field = $3; res = $4
	if (res == "none") { none[set "\t" field]++; next }
	k = set "\t" field
	if (!(k in total)) fields[++nf] = k
	all = field == "output" ? "" : set "\tall"   # "output": whether an excerpt gave a cable
	total[k]++; total[all]++
	if (res == "agree") { agree[k]++; agree[all]++; next }
	key = $2 "\t" $3 "\t" $5 "\t" $6
	if (key in rev) { seen[key] = 1; rv[k]++; rv[all]++; next }
	print $2 "\t" $3 "\t" $5 "\t" $6 > open
}
END {
	printf "%-6s %-22s %7s %9s %9s %7s %8s %8s %7s\n", "set", "field", "cases", "agree", "reviewed", "differ", "raw %", "with rv", "target"
	fields[++nf] = "peers\tall"
	for (i = 1; i <= nf; i++) {
		k = fields[i]
		if (!total[k]) continue
		split(k, p, "\t")
		d = total[k] - agree[k] - rv[k]
		pr = 100 * agree[k] / total[k]; pw = 100 * (agree[k] + rv[k]) / total[k]
		t = (k in target) ? target[k] : 0
		printf "%-6s %-22s %7d %9d %9d %7d %7.1f%% %7.1f%% %6s%s\n", p[1], p[2], total[k], agree[k], rv[k], d, pr, pw, \
			t ? t "%" : "", (t && pw < t) ? "  BELOW TARGET" : ""
		if (t && pw < t) below++
		if (none[k]) printf "%-6s %-22s %7d pages give nothing to compare\n", "", "", none[k]
	}
	for (i = 1; i <= nrev; i++) if (!(order[i] in seen)) print order[i] > stale
	# reviewed findings of the text checks: below 1 % of the cables read
	if (ncables) {
		pr = 100 * rv["text\tall"] / ncables
		printf "text   reviewed findings %d of %d cables: %.2f%% (target below 1%%)%s\n", rv["text\tall"], ncables, pr,
			(pr >= 1 ? "  BELOW TARGET" : "")
		if (pr >= 1) below++
	}
	exit below ? 1 : 0
}' ncables="$ncables" "$rows"
check "every target met" [ $? -eq 0 ]
if [ -s "$tmp/open" ]; then
	echo "--- disagreements neither fixed nor reviewed (SOURCE FIELD THEIRS OURS):"
	cat "$tmp/open"
fi
check "every disagreement fixed or reviewed ($(wc -l < "$tmp/open") open)" [ ! -s "$tmp/open" ]
if [ -s "$tmp/stale" ]; then
	echo "--- reviews in tests/real/reviewed.tsv that no longer match a disagreement:"
	cat "$tmp/stale"
fi
check "every review still matches a disagreement" [ ! -s "$tmp/stale" ]
[ -n "$REAL_ROWS" ] && cp "$rows" "$REAL_ROWS"
finish
