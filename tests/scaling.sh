#!/bin/sh
# scaling.sh -- no input makes pilcrow's work grow faster than the input:
# each of a family of shapes that a quadratic step would choke on (HTML
# entities, tags, deep nesting, long lines, many paragraphs, many REF items,
# nested parentheses) is read at one size and at ten times that size, and
# the second may take at most twelve times the first.  Each time is the
# best of three runs, and a run under 50 ms counts as 50 ms (below that the
# ratio is noise).  Under valgrind the family is left to the other builds.
. "${srcdir:-.}/tests/lib.sh"
cd "$srcdir" || exit 99

case $PILCROW in
*-valgrind) echo "SKIP: timings under valgrind mean nothing"; exit 77 ;;
esac
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# repeat N TEXT: TEXT N times
repeat() {
	awk -v n="$1" -v t="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", t }'
}

# page FILE N PIECE: a cable page whose <pre> holds the text of a cable
# and then PIECE N times
page() {
	{
		printf '<html><head><title>Cable</title></head><body>\n'
		printf '<table class="cable"><tr><th>Reference ID</th><th>Created</th><th>Classification</th><th>Origin</th></tr>\n'
		printf '<tr><td><a href="x">08ROME1</a></td><td>2008-01-02 10:00</td><td>CONFIDENTIAL</td><td>Embassy Rome</td></tr></table>\n'
		printf '<pre>C O N F I D E N T I A L ROME 000001&#x000A;&#x000A;SUBJECT: A PAGE&#x000A;&#x000A;1. (C) Text '
		repeat "$2" "$3"
		printf '.&#x000A;</pre></body></html>\n'
	} > "$1"
}

# text FILE N PIECE [HEAD]: a cable whose first paragraph holds PIECE N times
text() {
	{
		printf 'CONFIDENTIAL ROME 000001\n\nE.O. 12958: DECL: 01/01/2018\nTAGS: PREL, IT\nSUBJECT: A CABLE\n\n'
		printf '%s' "${4:-}"
		printf '1. (C) Text '
		repeat "$2" "$3"
		printf '.\n'
	} > "$1"
}

# paras FILE N: a cable of N numbered paragraphs
paras() {
	{
		printf 'CONFIDENTIAL ROME 000001\n\nSUBJECT: MANY\n\n'
		awk -v n="$2" 'BEGIN { for (i = 1; i <= n; i++) printf "%d. (C) Paragraph %d.\n\n", i, i }'
	} > "$1"
}

# refs FILE N: a cable of N REF items
refs() {
	{
		printf 'CONFIDENTIAL ROME 000001\n\nSUBJECT: MANY REFS\n\nREF: '
		awk -v n="$2" 'BEGIN { for (i = 1; i <= n; i++) printf "%s. 07 ROME %d ", (i % 26 == 0 ? "Z" : substr("ABCDEFGHIJKLMNOPQRSTUVWXY", i % 26, 1)), i }'
		printf '\n\n1. (C) Text.\n'
	} > "$1"
}

# best_ms FILE ARGS...: the best of three runs of pilcrow ARGS on FILE, in ms
best_ms() {
	f=$1
	shift
	best=
	for k in 1 2 3; do
		t0=$(date +%s%N)
		timeout 120 "$PILCROW" "$@" "$f" > /dev/null 2>&1
		t1=$(date +%s%N)
		ms=$(((t1 - t0) / 1000000))
		[ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
	done
	echo "$best"
}

# scales NAME MAKER N PIECE...: NAME made at N and 10 N, timed with --json
scales() {
	name=$1 maker=$2 n=$3
	shift 3
	"$maker" "$tmp/$name-1" "$n" "$@"
	"$maker" "$tmp/$name-10" $((n * 10)) "$@"
	t1=$(best_ms "$tmp/$name-1" --json)
	t10=$(best_ms "$tmp/$name-10" --json)
	floor=$t1
	[ "$floor" -lt 50 ] && floor=50
	check "$name: 10 times the input in $t10 ms, 1 time in $t1 ms (at most 12 times)" [ "$t10" -le $((floor * 12)) ]
}

scales "page-entities" page 200000 '&#x000A;'
scales "page-named-entities" page 100000 '&amp;&lt;&gt;&quot; '
scales "page-tags" page 100000 '<b>x</b>'
scales "page-raw-less-than" page 200000 '< '
scales "page-unclosed-entities" page 200000 '&x'
scales "page-deep-nesting" page 100000 '<span>'
scales "text-long-line" text 200000 'wordy text '
scales "text-nested-parentheses" text 100000 '('
scales "text-many-markings" text 100000 '(C) '
scales "text-many-paragraphs" paras 20000
scales "text-many-refs" refs 10000
finish
