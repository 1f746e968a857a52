#!/bin/sh
# badinput.sh -- broken and hostile input: never a crash or a hang, one clear
# line on stderr naming the file and the problem, status 1 when nothing could
# be read, what can be read is printed, no control character reaches the
# output raw.
. "${srcdir:-.}/tests/lib.sh"

command -v jq > /dev/null || { echo "badinput.sh needs jq" >&2; exit 99; }
seed=$srcdir/data/cables/04ROME3933.txt
csv=$srcdir/data/cables/cables-sample.csv
page=$srcdir/data/cables/08VALLETTA222.html

# expect_error NAME FILE WORDS: status 1, one stderr line naming FILE and WORDS, no output
expect_error() {
	name=$1 file=$2 words=$3
	run_pilcrow "$tmp/out" "$tmp/err" --json "$file"
	check "$name: status 1 (got $rc)" [ "$rc" -eq 1 ]
	check "$name: one line on stderr ($(cat "$tmp/err"))" [ "$(wc -l < "$tmp/err")" -eq 1 ]
	check "$name: stderr names the file" grep -qF "$file" "$tmp/err"
	check "$name: stderr says '$words'" grep -qi "$words" "$tmp/err"
	check "$name: nothing on stdout" [ ! -s "$tmp/out" ]
}

# expect_cables NAME N ARGS...: status 0, N valid JSON objects
expect_cables() {
	name=$1 n=$2
	shift 2
	run_pilcrow "$tmp/out" "$tmp/err" --json "$@"
	check "$name: status 0 (got $rc: $(head -c 200 "$tmp/err"))" [ "$rc" -eq 0 ]
	check "$name: valid JSON" jq -e . "$tmp/out" > /dev/null
	check "$name: $n cable(s) (got $(wc -l < "$tmp/out"))" [ "$(wc -l < "$tmp/out")" -eq "$n" ]
}

# no_raw_controls FILE: no C0 control but newline, no DEL, no ESC anywhere
no_raw_controls() {
	! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1"
}

# --- nothing to read
: > "$tmp/empty.txt"
expect_error "empty file" "$tmp/empty.txt" "empty file"

awk 'BEGIN { for (i = 0; i < 4096; i++) printf "%c", i % 256 }' > "$tmp/binary.bin"
expect_error "binary data" "$tmp/binary.bin" "binary"

printf 'Dear diary,\n\nToday I wrote a parser.  It reads cables.\n' > "$tmp/diary.txt"
expect_error "not a cable" "$tmp/diary.txt" "not a cable"

printf '<html><body><p>Hello</p></body></html>\n' > "$tmp/other.html"
expect_error "an HTML page without a cable" "$tmp/other.html" "not a WikiLeaks cable page"

expect_error "a missing file" "$tmp/no-such-file.txt" "no such file"

# --- broken but readable
LC_ALL=C sed 's/Massolo/Mas\xff\xfeolo \xc2\xb6 caf\xc3\xa9 \xe2\x80\x99/' "$seed" > "$tmp/invalid-utf8.txt"
expect_cables "invalid UTF-8" 1 "$tmp/invalid-utf8.txt"
check "invalid UTF-8: U+FFFD in the text" grep -q "Mas$(printf '\357\277\275')" "$tmp/out"
check "invalid UTF-8: id still found" [ "$(jq -r .id "$tmp/out")" = 04ROME3933 ]

if command -v iconv > /dev/null; then
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$seed"; } > "$tmp/utf16.txt"
	expect_cables "UTF-16 with a BOM" 1 "$tmp/utf16.txt"
	check "UTF-16: same paragraphs as UTF-8" \
		[ "$(jq -c .paragraphs "$tmp/out")" = "$("$PILCROW" --json "$seed" | jq -c .paragraphs)" ]
	check "UTF-16: the conversion is a warning" grep -q "UTF-16" "$tmp/out"
fi

# CR alone (old Mac files), LF and CRLF read alike
tr -d '\r' < "$seed" | tr '\n' '\r' > "$tmp/cr-only.txt"
expect_cables "lines ended by CR alone" 1 "$tmp/cr-only.txt"
check "CR alone: same header and paragraphs as LF" \
	[ "$(jq -c 'del(.warnings, .source)' "$tmp/out")" = "$(tr -d '\r' < "$seed" | "$PILCROW" --json - | jq -c 'del(.warnings, .source)')" ]
check "CR alone: said among the repairs" grep -q "carriage return alone" "$tmp/out"
awk '{ printf "%s\r\n", $0 }' "$seed" > "$tmp/crlf.txt"
expect_cables "lines ended by CRLF" 1 "$tmp/crlf.txt"
check "CRLF: same header and paragraphs as LF, no repair said" \
	[ "$(jq -c 'del(.source)' "$tmp/out")" = "$(tr -d '\r' < "$seed" | "$PILCROW" --json - | jq -c 'del(.source)')" ]

{ sed -n '1,/^Summary/p' "$seed"; printf '\n1. (C) '; awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "wordy text"; print "" }'; } \
	> "$tmp/longline.txt"
expect_cables "a 10 MB line" 1 "$tmp/longline.txt"
check "a 10 MB line: the paragraph keeps it" [ "$(jq -r '.paragraphs[0].text | length' "$tmp/out")" -eq 10000000 ]

{ cat "$csv"; printf '"4","1/1/1990 1:00","90ROME1","Embassy Rome","SECRET","","","1. (S) The text stops'; } > "$tmp/unterminated.csv"
run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/unterminated.csv"
check "cut off at the end: status 0" [ "$rc" -eq 0 ]
check "cut off at the end: the good records and the cut one are printed" [ "$(wc -l < "$tmp/out")" -eq 4 ]
check "cut off at the end: nothing on stderr ($(cat "$tmp/err"))" [ ! -s "$tmp/err" ]
check "cut off at the end: the cut record has its columns and its text, partial" \
	[ "$(tail -n 1 "$tmp/out" | jq -r '[.id, .level, .partial, .paragraphs[0].text] | @tsv')" = "$(printf '90ROME1\tS\ttrue\tThe text stops')" ]
check "cut off at the end: a warning says so" \
	[ "$(tail -n 1 "$tmp/out" | jq '[.warnings[] | select(test("cut off at the end"))] | length')" -eq 1 ]
{ cat "$csv"; printf '"4","1/1/1990 1:00","90ROME1","Embassy Rome","SECRET","","","NEVER CLOSES\n'; tail -c +1 "$csv"; } > "$tmp/open.csv"
run_pilcrow "$tmp/out" "$tmp/err" --json "$tmp/open.csv"
check "a quote that never closes: the other records are read" [ "$(wc -l < "$tmp/out")" -eq 6 ]
check "a quote that never closes: one line on stderr, with the record and its byte" \
	[ "$(grep -c "open.csv: record 4 (byte [0-9]*): a quote that never closes before the next record" "$tmp/err")" -eq 1 ]
check "a quote that never closes: nothing else on stderr" [ "$(wc -l < "$tmp/err")" -eq 1 ]

head -c "$(grep -bo 'Local press' "$page" | cut -d: -f1)" "$page" > "$tmp/truncated.html"
expect_cables "truncated HTML" 1 "$tmp/truncated.html"
check "truncated HTML: a warning says the page is cut" grep -q "cut short" "$tmp/out"
check "truncated HTML: id from the page" [ "$(jq -r .id "$tmp/out")" = 08VALLETTA222 ]

# --- several paths: the bad ones reported, the good ones printed
run_pilcrow "$tmp/out" "$tmp/err" --json "$seed" "$tmp/empty.txt" "$tmp/diary.txt" "$page"
check "mixed paths: status 0" [ "$rc" -eq 0 ]
check "mixed paths: two cables" [ "$(wc -l < "$tmp/out")" -eq 2 ]
check "mixed paths: two problems on stderr" [ "$(wc -l < "$tmp/err")" -eq 2 ]
check "mixed paths: in input order" [ "$(jq -r .id "$tmp/out" | tr '\n' ' ')" = "04ROME3933 08VALLETTA222 " ]

# --- a folder, recursively, and standard input
mkdir -p "$tmp/tree/a/b"
cp "$seed" "$tmp/tree/a/b/"
cp "$csv" "$tmp/tree/"
expect_cables "a folder, recursively" 4 "$tmp/tree"
check "folder: sorted by path" [ "$(jq -r .id "$tmp/out" | head -1)" = 04ROME3933 ]
run_pilcrow "$tmp/out" "$tmp/err" --json - < "$seed"
check "standard input: status 0" [ "$rc" -eq 0 ]
check "standard input: path is -" [ "$(jq -r .source.path "$tmp/out")" = - ]

# --- control characters never reach the output raw
{ sed -n '1,/^Summary/p' "$seed"
  printf '1. (C) Clear\033[2J screen, \033]52;c;aGVsbG8=\007 clipboard, \033]8;;http://x\033\\link\033]8;;\033\\, '
  printf '\033P1$r\033\\ dcs, nul\000here, del\177, c1 \302\233 31m, bidi \342\200\256 reversed.\n'
} > "$tmp/hostile.txt"
expect_cables "control characters" 1 "$tmp/hostile.txt"
check "control characters: none raw in --json" no_raw_controls "$tmp/out"
check "control characters: ESC escaped in --json" grep -qF '\u001b[2J' "$tmp/out"
check "control characters: NUL escaped in --json" grep -qF 'nul\u0000here' "$tmp/out"
check "control characters: C1 escaped in --json" grep -qF '\u009b' "$tmp/out"
run_pilcrow "$tmp/out" "$tmp/err" --text "$tmp/hostile.txt"
check "control characters: --text status 0" [ "$rc" -eq 0 ]
check "control characters: none raw in --text" no_raw_controls "$tmp/out"
check "control characters: --text shows ESC as a picture" grep -q "$(printf '\342\220\233')\[2J" "$tmp/out"
check "control characters: no raw C1 in --text" sh -c "! grep -q '$(printf '\302\233')' '$tmp/out'"
check "control characters: no raw bidi override in --text" sh -c "! grep -q '$(printf '\342\200\256')' '$tmp/out'"

# --- usage
run_pilcrow "$tmp/out" "$tmp/err" --no-such-option
check "bad option: status 2" [ "$rc" -eq 2 ]
run_pilcrow "$tmp/out" "$tmp/err" --width 5 --text "$seed"
check "bad --width: status 2" [ "$rc" -eq 2 ]
run_pilcrow "$tmp/out" "$tmp/err" --json --text "$seed"
check "--json --text: status 2" [ "$rc" -eq 2 ]
check "--json --text: one line says why ($(cat "$tmp/err"))" sh -c "[ \$(wc -l < '$tmp/err') -eq 1 ] && grep -q 'together' '$tmp/err'"

# --- a terminal that cannot place the cursor: one line, status 1, no screen
: > "$tmp/keys"
TERM=dumb PILCROW_SCRIPT=$tmp/keys PILCROW_TERM_OUT=$tmp/termout PILCROW_MARKS=$tmp/marks \
	"$PILCROW" "$seed" > "$tmp/out" 2> "$tmp/err"
rc=$?
check "TERM=dumb: status 1 (got $rc)" [ "$rc" -eq 1 ]
check "TERM=dumb: one line on stderr ($(cat "$tmp/err"))" sh -c "[ \$(wc -l < '$tmp/err') -eq 1 ] && grep -q \"'dumb' cannot place the cursor\" '$tmp/err'"
check "TERM=dumb: no screen drawn" sh -c "! grep -q 04ROME3933 '$tmp/termout'"
finish
