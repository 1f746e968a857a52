#!/bin/sh
# hostile.sh -- the hostile inputs of tests/hostile/make.sh: control
# sequences, C1 controls, bidi overrides, NULs, bad UTF-8, UTF-16, a 10 MB
# line, 100,000 paragraphs, broken numbers and markings, huge REF and TAGS
# lists.  Each must give a sane --json and --text (valid UTF-8, every control
# escaped or shown as a placeholder) quickly, and a sane screen: the reader
# is driven over it (keys, search, filters, resizes down to 1x1) and the
# bytes it sends to the terminal must hold no control sequence but the
# ones ncurses writes itself.
. "${srcdir:-.}/tests/lib.sh"

command -v jq > /dev/null || { echo "hostile.sh needs jq" >&2; exit 99; }
command -v iconv > /dev/null || { echo "hostile.sh needs iconv" >&2; exit 99; }
if ! printf 'a' | LC_ALL=C grep -qaP 'a' 2> /dev/null; then
	echo "SKIP: grep has no -P"
	exit 77
fi
# under valgrind the three big inputs (10 MB, 100,000 paragraphs, a 2 MB
# word) would take most of an hour: they run in the other builds
case $PILCROW in
*-valgrind) sh "$srcdir/tests/hostile/make.sh" "$tmp/in" --small ;;
*) sh "$srcdir/tests/hostile/make.sh" "$tmp/in" ;;
esac

# has RE FILE: FILE holds bytes matching the PCRE RE
has() { LC_ALL=C grep -qaP -- "$1" "$2"; }
utf8() { iconv -f UTF-8 -t UTF-8 "$1" > /dev/null 2>&1; }
C1='\xc2[\x80-\x9f]'
# the Bidi_Control characters: embeddings, overrides, isolates, LRM, RLM, ALM
BIDI='\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c'

# y copies through a command, into a file
printf 'set clipboard = cat > %s/copied\n' "$tmp" > "$tmp/config"
cat > "$tmp/drive.script" <<'EOS'
size 40 120
dump first
keys jjjjjGgG<Enter>
type /.<Enter>
keys nnN
type :3<Enter>
keys f2HH
size 1 1
size 2 2
size 3 80
size 24 19
size 24 80
keys FmM<Tab>jj<Tab>]]}
dump last
keys ?
dump help
keys <Esc>gjy
keys QQ
EOS

for f in "$tmp"/in/*; do
	name=$(basename "$f")
	# --json
	start=$(date +%s)
	run_pilcrow "$tmp/json" "$tmp/err" --json "$f"
	secs=$(($(date +%s) - start))
	check "$name --json: status 0 (got $rc: $(head -c 200 "$tmp/err"))" [ "$rc" -eq 0 ]
	check "$name --json: within 10 s (took $secs)" [ "$secs" -le 10 ]
	check "$name --json: valid JSON" jq -e . "$tmp/json" > /dev/null
	check "$name --json: valid UTF-8" utf8 "$tmp/json"
	check "$name --json: no raw control character" sh -c "! LC_ALL=C grep -qaP '[\\x00-\\x09\\x0b-\\x1f\\x7f]' '$tmp/json'"
	check "$name --json: no raw C1 control or bidi override" sh -c "! LC_ALL=C grep -qaP '$C1|$BIDI' '$tmp/json'"
	check "$name --json: stderr is clean" sh -c "! LC_ALL=C grep -qaP '[\\x00-\\x09\\x0b-\\x1f\\x7f]|$C1' '$tmp/err'"
	# --text
	run_pilcrow "$tmp/text" "$tmp/err" --text --width 72 "$f"
	check "$name --text: status 0 (got $rc)" [ "$rc" -eq 0 ]
	check "$name --text: valid UTF-8" utf8 "$tmp/text"
	check "$name --text: no control but newline and page break" \
		sh -c "! LC_ALL=C grep -qaP '[\\x00-\\x09\\x0b\\x0d-\\x1f\\x7f]|$C1|$BIDI' '$tmp/text'"
	# the reader, and what reaches the terminal
	rm -f "$tmp/first" "$tmp/last" "$tmp/help" "$tmp/copied"
	PILCROW_CONFIG=$tmp/config PILCROW_SCRIPT=$tmp/drive.script PILCROW_DUMP_DIR=$tmp PILCROW_MARKS=$tmp/marks \
		PILCROW_TERM_OUT=$tmp/term TERM=xterm-256color run_pilcrow "$tmp/out" "$tmp/err" "$f"
	check "$name reader: status 0 (got $rc: $(head -c 200 "$tmp/err"))" [ "$rc" -eq 0 ]
	check "$name reader: the screens were dumped" [ -s "$tmp/first" ] && [ -s "$tmp/last" ] && [ -s "$tmp/help" ]
	for d in first last help; do
		check "$name reader: the $d screen holds no control character" \
			sh -c "! LC_ALL=C grep -qaP '[\\x00-\\x09\\x0b-\\x1f\\x7f]|$C1|$BIDI' '$tmp/$d'"
	done
	check "$name terminal: valid UTF-8" utf8 "$tmp/term"
	check "$name terminal: no escape but ncurses' own (CSI, charset, keypad)" \
		sh -c "! LC_ALL=C grep -qaP '\\x1b[^\\[()=>78M]' '$tmp/term'"
	check "$name terminal: no C0 control but CR, LF, BS" \
		sh -c "! LC_ALL=C grep -qaP '[\\x00-\\x07\\x09\\x0b\\x0c\\x0e-\\x1a\\x1c-\\x1f\\x7f]' '$tmp/term'"
	check "$name terminal: no C1 control, no bidi override" sh -c "! LC_ALL=C grep -qaP '$C1|$BIDI' '$tmp/term'"
	check "$name clipboard: y copied the paragraph" [ -s "$tmp/copied" ]
	check "$name clipboard: no control character, no bidi control" \
		sh -c "! LC_ALL=C grep -qaP '[\\x00-\\x1f\\x7f]|$C1|$BIDI' '$tmp/copied'"
	check "$name terminal: none of the cable's requests (status, title, paste, clipboard)" \
		sh -c "! LC_ALL=C grep -qaP '\\x1b\\[6n|\\x1b\\[21t|\\x1b\\[\\?2004h|\\x1b\\]' '$tmp/term'"
done
finish
