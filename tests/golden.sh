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
# --grep over the samples: the hits in context, as lines and as JSON
# (tests/golden/grep/NAME.lines and NAME.json)
for case in "massolo:massolo" "phrase:iraqi forces" "prefix:minist*" "apostrophe:cabinet's" \
	"regex:~(?-i)elect\\w+ (?:and|officials)" "filtered:talks"; do
	name=${case%%:*}
	pattern=${case#*:}
	extra=
	[ "$name" = filtered ] && extra="--filter level>=C"
	for mode in lines json; do
		flag=
		[ "$mode" = json ] && flag=--json
		run_pilcrow "$tmp/out" "$tmp/err" --grep "$pattern" $flag $extra data/cables
		check "--grep '$pattern' $flag exits 0" [ "$rc" -eq 0 ]
		compare_golden "$tmp/out" "tests/golden/grep/$name.$mode" "--grep '$pattern' $flag"
	done
done
# --count: a filter a line, its count; a line that does not parse said
# with its line and column, the others still run (status 2)
for format in tsv csv; do
	run_pilcrow "$tmp/out" "$tmp/err" --no-index --count tests/golden/count/filters.txt --format $format data/cables
	check "--count --format $format: status 2 for the lines that do not parse" [ "$rc" -eq 2 ]
	compare_golden "$tmp/out" "tests/golden/count/filters.$format" "--count --format $format"
	compare_golden "$tmp/err" "tests/golden/count/filters.err" "--count: what does not parse"
done
# a runaway pattern: PCRE2's limits stop it on each cable, --count says on
# how many with its line, and exits 3 (the count is not whole)
printf 'level>=C\ntext~(\\w+\\s?)+$x\n' > "$tmp/runaway.txt"
run_pilcrow "$tmp/out" "$tmp/err" --no-index --count "$tmp/runaway.txt" data/cables
check "--count of a runaway pattern: status 3" [ "$rc" -eq 3 ]
check "--count of a runaway pattern: said with its line" grep -q "runaway.txt:2: gave up on [1-9][0-9]* cables" "$tmp/err"
check "--count of a runaway pattern: the other line counted" grep -q "^[1-9][0-9]*	level>=C\$" "$tmp/out"
# the people and offices: names as words in any order, routing indicators,
# precedences and serials left out; the list's values (the dump's records
# read at their start and end) and the cables' own (each file parsed whole)
run_pilcrow "$tmp/out" "$tmp/err" --no-index --count tests/golden/count/people.txt data/cables
check "--count people: status 2 for the line that does not parse" [ "$rc" -eq 2 ]
compare_golden "$tmp/out" "tests/golden/count/people.tsv" "--count people"
compare_golden "$tmp/err" "tests/golden/count/people.err" "--count people: what does not parse"
for f in 'signer=Bordonaro|porter' 'addressee=washdc' 'classified-by=ambassador'; do
	run_pilcrow "$tmp/out" "$tmp/err" --no-index --json --filter "$f" data/cables
	jq -r .id "$tmp/out" | sort > "$tmp/ids"
	check "--json --filter '$f' writes as many cables as --count counts" \
		[ "$(wc -l < "$tmp/ids")" = "$(awk -F '\t' -v f="$f" '$2 == f { print $1 }' tests/golden/count/people.tsv)" ]
done
# --count reads the file first and leaves out of its list what none of the
# lines asks: the references, when one line has cites=
printf 'level>=C\ncites=07OSLO455\ncites=85STATE40211|09STATE74110\n' > "$tmp/cites.txt"
run_pilcrow "$tmp/out" "$tmp/err" --no-index --count "$tmp/cites.txt" data/cables
check "--count of cites=: the cables whose references name it ($(tr '\n' ' ' < "$tmp/out"))" \
	grep -q "^1	cites=07OSLO455\$" "$tmp/out"
check "--count of cites=: either of two" grep -q "^2	cites=85STATE40211|09STATE74110\$" "$tmp/out"
# --diff: two texts of one cable word by word (a paragraph withheld, a
# redaction added in two forms, quotes, wrapping and ¶ folded); --layout
# shows the layout; --id compares the versions among the inputs; the same
# file against itself exits 0; two cables are a usage error of one line
d=tests/golden/diff/cables
run_pilcrow "$tmp/out" "$tmp/err" --diff $d/09VALLETTA100-first.txt $d/09VALLETTA100-second.html
check "--diff: status 1 when the words differ" [ "$rc" -eq 1 ]
compare_golden "$tmp/out" tests/golden/diff/valletta.diff "--diff A B"
run_pilcrow "$tmp/out" "$tmp/err" --diff --layout $d/09VALLETTA100-first.txt $d/09VALLETTA100-second.html
compare_golden "$tmp/out" tests/golden/diff/valletta-layout.diff "--diff --layout A B"
run_pilcrow "$tmp/out" "$tmp/err" --diff --id 09valletta100 $d
check "--diff --id: status 1 when the words differ" [ "$rc" -eq 1 ]
compare_golden "$tmp/out" tests/golden/diff/valletta-id.diff "--diff --id"
run_pilcrow "$tmp/out" "$tmp/err" --diff $d/09VALLETTA100-first.txt $d/09VALLETTA100-first.txt
check "--diff of a file with itself: status 0" [ "$rc" -eq 0 ]
check "--diff of a file with itself: the same words" grep -qx "summary: the same words" "$tmp/out"
run_pilcrow "$tmp/out" "$tmp/err" --diff $d/09VALLETTA100-first.txt $d/09VALLETTA101.txt
check "--diff of two cables: status 2" [ "$rc" -eq 2 ]
check "--diff of two cables: one line that names both" \
	[ "$(wc -l < "$tmp/err")" -eq 1 -a "$(grep -c '09VALLETTA100 and .*09VALLETTA101' "$tmp/err")" -eq 1 ]
check "--diff of two cables: nothing on stdout" [ ! -s "$tmp/out" ]
run_pilcrow "$tmp/out" "$tmp/err" --diff $d/09VALLETTA101.txt
check "--diff of one file: status 2" [ "$rc" -eq 2 ]
run_pilcrow "$tmp/out" "$tmp/err" --diff --id 09VALLETTA101 $d
check "--diff --id of a cable with one text: status 2, said" [ "$rc" -eq 2 -a -s "$tmp/err" ]
# --thread: the tree of what a cable cites and what cites it, as text and
# JSON: a REF not in the inputs, a fan of 14 replies a row a post, a cable
# that cites itself drawn once more and not followed; thread= lists it
for id in 06STATE100 06ROME20 06ROME500; do
	run_pilcrow "$tmp/out" "$tmp/err" --thread "$id" tests/golden/thread/threads.csv
	check "--thread $id exits 0 ($(head -c 200 "$tmp/err"))" [ "$rc" -eq 0 ]
	compare_golden "$tmp/out" "tests/golden/thread/$id.text" "--thread $id"
	run_pilcrow "$tmp/out" "$tmp/err" --json --thread "$id" tests/golden/thread/threads.csv
	compare_golden "$tmp/out" "tests/golden/thread/$id.json" "--json --thread $id"
	check "--json --thread $id: its edges join its nodes" \
		[ "$(jq -r '([.nodes[].id] | sort | unique) as $n | [.edges[] | .from, .to] | unique | map(select(. as $e | $n | index($e) | not)) | length' "$tmp/out")" = 0 ]
	run_pilcrow "$tmp/out" "$tmp/err" --json --filter "thread=$id" tests/golden/thread/threads.csv
	check "thread=$id lists the cables --thread shows" \
		[ "$(jq -r .id "$tmp/out" | sort | tr '\n' ' ')" = "$(jq -r '.nodes[] | select(.in_inputs) | .id' "tests/golden/thread/$id.json" | sort | tr '\n' ' ')" ]
done
run_pilcrow "$tmp/out" "$tmp/err" --thread 06NOSUCH1 tests/golden/thread/threads.csv
check "--thread of a cable not read: status 1 ($rc)" [ "$rc" -eq 1 ]
check "--thread of a cable not read: said" grep -q "no cable 06NOSUCH1 in what was read" "$tmp/err"
run_pilcrow "$tmp/out" "$tmp/err" --thread 06ROME20 --text tests/golden/thread/threads.csv
check "--thread with --text: bad usage, status 2" [ "$rc" -eq 2 ]
run_pilcrow "$tmp/out" "$tmp/err" --no-index --count - data/cables < tests/golden/count/filters.txt
check "--count - reads standard input" cmp -s "$tmp/out" tests/golden/count/filters.tsv
printf 'origin=ROME\n' > "$tmp/one.txt"
run_pilcrow "$tmp/out" "$tmp/err" --count "$tmp/one.txt" --filter level=S data/cables
check "--count with --filter: bad usage, status 2" [ "$rc" -eq 2 ]
run_pilcrow "$tmp/out" "$tmp/err" --grep "no such words at all" data/cables
check "--grep without a hit: status 1" [ "$rc" -eq 1 ]
check "--grep without a hit: one line says so" grep -q "no hit for" "$tmp/err"
run_pilcrow "$tmp/out" "$tmp/err" --grep "~ab(c" data/cables
check "--grep with a bad pattern: status 2 and the position" sh -c "[ $rc -eq 2 ] && grep -q 'at character' '$tmp/err'"
# --stats: the corpus at a glance, as text and as JSON, whole and filtered
for case in "all:" "secret:level>=C" "one-year:date=2008"; do
	name=${case%%:*}
	filter=${case#*:}
	run_pilcrow "$tmp/out" "$tmp/err" --stats --width 80 --filter "$filter" data/cables
	check "--stats --filter '$filter' exits 0" [ "$rc" -eq 0 ]
	compare_golden "$tmp/out" "tests/golden/stats/$name.text" "--stats --filter '$filter'"
	run_pilcrow "$tmp/out" "$tmp/err" --stats --json --filter "$filter" data/cables
	compare_golden "$tmp/out" "tests/golden/stats/$name.json" "--stats --json --filter '$filter'"
	check "--stats --json --filter '$filter' is JSON" jq -e .cables "$tmp/out"
done
# --top: the top N origins and TAGS, or all of them
for top in 3 all; do
	run_pilcrow "$tmp/out" "$tmp/err" --stats --width 80 --top $top data/cables
	check "--stats --top $top exits 0" [ "$rc" -eq 0 ]
	compare_golden "$tmp/out" "tests/golden/stats/top-$top.text" "--stats --top $top"
done
run_pilcrow "$tmp/out" "$tmp/err" --stats --top 0 data/cables
check "--stats --top 0: bad usage" [ "$rc" -eq 2 ]
# every golden file has its sample
for g in tests/golden/*; do
	[ -f "$g" ] || continue
	name=$(basename "$g")
	check "$g has a sample in data/cables" [ -f "data/cables/${name%.*}" ]
done
finish
