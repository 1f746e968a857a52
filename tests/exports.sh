#!/bin/sh
# exports.sh -- what the workspace gives to the tools writers use: every
# --export format against tests/golden/export/ (UPDATE_GOLDEN=1 rewrites
# them), --collection, --output written whole and never over an input,
# pandoc --citeproc on the CSL-JSON (when pandoc is installed), --text
# --cite, copying (the OSC 52 bytes, inside tmux too, and a copy command),
# and the config file: its errors and what it sets.
. "${srcdir:-.}/tests/lib.sh"

cd "$srcdir" || exit 99
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
unset NO_COLOR TMUX
export PILCROW_WORKSPACE=$tmp/ws/workspace.db
mkdir -p "$tmp/ws" "$tmp/dumps"

# A workspace made in the reader: two marks and a note in 04ROME3933, one
# paragraph of 08RIGA301 in the collection "book" with a note, a mark in
# the CSV dump's 75ACCRA3311.
cat > "$tmp/make.script" <<'EOF'
size 30 100
wait-index
keys <Enter>jm
keys a
type worth quoting: "engagement" & <lt>firm> messages<Enter>
keys jjjm<BS>
keys jjj<Enter>jj
keys c
type book<Enter>
keys a
type the record field_of candidates #1 {50%}<Enter>
keys <BS>
keys G<Enter>m<BS>
keys g<Enter>A<BS>
EOF
# a note of two lines, written in $EDITOR (A): kept as written everywhere
printf '#!/bin/sh\nprintf "two lines:\\nthe second as written, 2004_a\\n" > "$1"\n' > "$tmp/editor"
chmod +x "$tmp/editor"
EDITOR=$tmp/editor VISUAL= PILCROW_SCRIPT=$tmp/make.script PILCROW_DUMP_DIR=$tmp/dumps "$PILCROW" data/cables \
	> /dev/null 2> "$tmp/make.err"
check "the reader made the workspace ($(cat "$tmp/make.err"))" [ $? -eq 0 ]

for format in markdown csl-json bibtex text jsonl; do
	run_pilcrow "$tmp/out" "$tmp/err" --export "$format"
	check "--export $format exits 0 ($(cat "$tmp/err"))" [ "$rc" -eq 0 ]
	compare_golden "$tmp/out" "tests/golden/export/all.$format" "--export $format"
	run_pilcrow "$tmp/out" "$tmp/err" --export "$format" --collection book
	compare_golden "$tmp/out" "tests/golden/export/book.$format" "--export $format --collection book"
done
check "--export csl-json is JSON" sh -c "jq -e 'length == 3' tests/golden/export/all.csl-json > /dev/null"
check "--export jsonl: a JSON object a line" sh -c "jq -c . tests/golden/export/all.jsonl | wc -l | grep -qx 4"
check "--export jsonl: no control character but the newlines" \
	sh -c "! LC_ALL=C grep -q '$(printf '[\001-\011\013-\037]')' tests/golden/export/all.jsonl"
run_pilcrow "$tmp/out" "$tmp/err" --export yaml
check "--export yaml: exit 2" [ "$rc" -eq 2 ]
check "--export yaml: the formats named" grep -q "formats: markdown csl-json bibtex text jsonl ids" "$tmp/err"
run_pilcrow "$tmp/out" "$tmp/err" --export markdown --collection nothing-here
check "--export of an empty collection: exit 1, said" sh -c "[ $rc -eq 1 ] && grep -q 'nothing in that collection' '$tmp/err'"

# note= and note~ keep the cables whose notes match (the workspace above)
note_ids() { "$PILCROW" --json --filter "$1" data/cables 2> /dev/null | jq -r .id | tr '\n' ' '; }
check "note=engagement: the cable with that note ($(note_ids 'note=engagement'))" [ "$(note_ids 'note=engagement')" = "04ROME3933 " ]
check "note~field_of: a note's expression ($(note_ids 'note~field_of'))" [ "$(note_ids 'note~field_of')" = "08RIGA301 " ]
check "note=second: a note of two lines, its second ($(note_ids 'note=second'))" [ "$(note_ids 'note=second')" = "04ROME3933 " ]
check "!note=engagement level>=C: the others ($(note_ids '!note=engagement level>=C'))" \
	[ "$(note_ids '!note=engagement level>=C')" = "05WELLINGTON880 08VALLETTA222 09LISBON771 85NICOSIA1022 " ]
check "note=nothing-of-that: none" [ -z "$(note_ids 'note=nothingofthat')" ]

# --export ids: ID, date, origin, subject, URL for the listed cables or a
# collection; --import-ids makes a collection from such a list and says the
# ids it could not find; id=@FILE lists the same cables
run_pilcrow "$tmp/out" "$tmp/err" --export ids --filter 'level>=C' data/cables
compare_golden "$tmp/out" tests/golden/export/ids-listed.tsv "--export ids --filter level>=C"
run_pilcrow "$tmp/out" "$tmp/err" --export ids --collection book
compare_golden "$tmp/out" tests/golden/export/ids-book.tsv "--export ids --collection book"
printf '# from a colleague\n2004ROME03933 the Rome one\n09lisbon771\n99NOWHERE1\n\n' > "$tmp/ids.txt"
PILCROW_WORKSPACE=$tmp/import.db "$PILCROW" --import-ids "$tmp/ids.txt" --collection team data/cables > "$tmp/out" 2> "$tmp/err"
check "--import-ids: status 0" [ $? -eq 0 ]
sed "s|$tmp/||" "$tmp/err" > "$tmp/err.rel"
compare_golden "$tmp/err.rel" tests/golden/export/ids-import.err "--import-ids: what it did, the ids not found"
PILCROW_WORKSPACE=$tmp/import.db "$PILCROW" --export ids --collection team > "$tmp/out" 2> /dev/null
check "--import-ids: the collection holds the cables found" [ "$(cut -f1 "$tmp/out" | sort | tr '\n' ' ')" = "04ROME3933 09LISBON771 " ]
run_pilcrow "$tmp/out" "$tmp/err" --export ids --filter "id=@$tmp/ids.txt" data/cables
check "id=@FILE: the cables of the file's ids" [ "$(cut -f1 "$tmp/out" | tr '\n' ' ')" = "04ROME3933 09LISBON771 " ]
printf 'no ids here\n' > "$tmp/noids.txt"
run_pilcrow "$tmp/out" "$tmp/err" --json --filter "id=@$tmp/noids.txt" data/cables
check "id=@FILE without ids: status 2, said" sh -c "[ $rc -eq 2 ] && grep -q 'no cable id in it' '$tmp/err'"
run_pilcrow "$tmp/out" "$tmp/err" --import-ids "$tmp/ids.txt" data/cables
check "--import-ids without --collection: bad usage" [ "$rc" -eq 2 ]
# a list of 200,000 ids (04ROME3933 among them): one transaction, the first
# 50 ids not found said a line each, then how many more; id=@ the same
awk 'BEGIN { for (i = 1; i <= 200000; i++) printf "%02dPARIS%d\tfrom the desk\n", i % 10, i; print "04ROME3933" }' \
	> "$tmp/many.txt"
PILCROW_WORKSPACE=$tmp/many.db "$PILCROW" --import-ids "$tmp/many.txt" --collection many data/cables > /dev/null 2> "$tmp/err"
check "--import-ids of 200,001 ids: status 0" [ $? -eq 0 ]
check "--import-ids of 200,001 ids: 50 said, then how many more" \
	sh -c "[ \$(grep -c ': not in the inputs\$' '$tmp/err') -eq 50 ] && grep -qx 'pilcrow: and 199950 more ids not in the inputs' '$tmp/err' && grep -q '^pilcrow: 1 cable put into many; 200000 ids not in the inputs' '$tmp/err'"
run_pilcrow "$tmp/out" "$tmp/err" --export ids --filter "id=@$tmp/many.txt" data/cables
check "id=@ a file of 200,001 ids: the one the inputs hold" [ "$(cut -f1 "$tmp/out")" = "04ROME3933" ]

# --export --filter: the marks and notes of the cables the filter chooses
run_pilcrow "$tmp/out" "$tmp/err" --export jsonl --filter 'level>=C' data/cables
check "--export --filter: only the chosen cables' items ($(jq -r .id "$tmp/out" | sort -u | tr '\n' ' '))" \
	[ "$(jq -r .id "$tmp/out" | sort -u | tr '\n' ' ')" = "04ROME3933 " ]
run_pilcrow "$tmp/out" "$tmp/err" --export markdown --filter 'note=field_of' data/cables
check "--export --filter note=: the cable of that note" sh -c "grep -q '^## Embassy Riga' '$tmp/out' && ! grep -q 'Rome' '$tmp/out'"
run_pilcrow "$tmp/out" "$tmp/err" --export jsonl --filter 'level=TS' data/cables
check "--export --filter choosing none: status 1, said" sh -c "[ $rc -eq 1 ] && grep -q 'the filter chooses' '$tmp/err'"

# --output: the file whole, by a rename; never a file being read
run_pilcrow "$tmp/out" "$tmp/err" --export bibtex --output "$tmp/cables.bib"
check "--output writes the file" cmp -s "$tmp/cables.bib" tests/golden/export/all.bibtex
check "--output: nothing on standard output" [ ! -s "$tmp/out" ]
check "--output leaves no temporary file" sh -c "! ls '$tmp' | grep -q 'cables.bib.tmp'"
cp data/cables/04ROME3933.txt "$tmp/in.txt"
run_pilcrow "$tmp/out" "$tmp/err" --export markdown --output "$tmp/in.txt" "$tmp/in.txt"
check "--output over an input: refused, exit 1" [ "$rc" -eq 1 ]
check "--output over an input: said in one line" grep -q "in.txt: is a file being read; not written over" "$tmp/err"
check "--output over an input: the input untouched" cmp -s "$tmp/in.txt" data/cables/04ROME3933.txt
run_pilcrow "$tmp/out" "$tmp/err" --export markdown --output "$tmp/no/such/dir/x.md"
check "--output in a missing directory: exit 1, one line" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < '$tmp/err') -eq 1 ]"
# a write that fails half-way (a file-size limit, as a full disk): the real
# error, not one left over from an earlier call, and the old file kept
printf 'the old export\n' > "$tmp/old.md"
(trap '' XFSZ; ulimit -f 1; exec "$PILCROW" --export markdown --output "$tmp/old.md" > /dev/null 2> "$tmp/err")
rc=$?
check "--output that cannot be written whole: exit 1 ($rc)" [ "$rc" -eq 1 ]
check "--output that cannot be written whole: the write's own error ($(cat "$tmp/err"))" \
	grep -q "old.md: File too large; the file was not changed" "$tmp/err"
check "--output that cannot be written whole: the old file kept" grep -qx "the old export" "$tmp/old.md"
check "--output that cannot be written whole: no temporary file left" sh -c "! ls '$tmp' | grep -q 'old.md.tmp'"

# pandoc cites the cables from the CSL-JSON and the BibTeX, in its
# Chicago author-date style: the station as the author, the title as
# written (never re-cased), the year: the date's, or with no date in the
# cable (04ROME3933 here) its id's
if command -v pandoc > /dev/null 2>&1; then
	printf -- '---\nnocite: "@*"\n---\n\nAs reported [@08RIGA301; @04ROME3933].\n' > "$tmp/cite.md"
	for format in csl-json bibtex; do
		ext=json
		[ $format = bibtex ] && ext=bib
		cp tests/golden/export/all.$format "$tmp/marks.$ext"
		pandoc --citeproc --bibliography "$tmp/marks.$ext" -t plain --wrap=none "$tmp/cite.md" > "$tmp/cited" \
			2> "$tmp/pandoc.err"
		check "pandoc --citeproc reads the $format ($(cat "$tmp/pandoc.err"))" [ $? -eq 0 ]
		check "pandoc cites from the $format: the station and the year" grep -q "(Embassy Riga 2008; Rome 2004)" "$tmp/cited"
		check "pandoc lists from the $format: author, year, title as written" \
			grep -q "^Embassy Riga. 2008. .LATVIA: MUNICIPAL ELECTIONS DRAW A RECORD FIELD OF SMALL PARTIES" "$tmp/cited"
		check "pandoc lists from the $format: a cable with no date, by its id's year" \
			grep -q "^Rome. 2004. .IRAQ/ITALY- ITALIAN POLITICAL DIRECTOR ON PLANS" "$tmp/cited"
		check "pandoc cites from the $format: no unknown reference" sh -c "! grep -qi 'not found' '$tmp/pandoc.err'"
	done
	# the Markdown reads as the text it holds: a note's <firm> is no tag, an
	# underscore no emphasis; its links are links in Pandoc, CommonMark and
	# GitHub's Markdown; a note of two lines keeps its line break
	pandoc -f markdown -t plain tests/golden/export/all.markdown > "$tmp/md.txt" 2>&1
	check "pandoc reads the Markdown: a note's <firm> as text" grep -q "& <firm> messages" "$tmp/md.txt"
	check "pandoc reads the Markdown: {50%} as text" grep -q "#1 {50%}" "$tmp/md.txt"
	for from in markdown commonmark gfm; do
		pandoc -f $from -t html --wrap=none tests/golden/export/all.markdown > "$tmp/md.html" 2>&1
		check "the Markdown read as $from: the cable's address a link, whole" \
			grep -q '<a href="https://wikileaks.org/plusd/cables/08RIGA301_a.html"' "$tmp/md.html"
		check "the Markdown read as $from: a note's two lines kept" \
			grep -q 'two lines:<br */\?>' "$tmp/md.html"
	done
else
	echo "(pandoc --citeproc: skipped, pandoc is not installed)"
fi

# The marks browser's export prompt: ~ is the home folder, the path
# written is said whole; a name that says no format keeps the line
mkdir -p "$tmp/home"
printf 'wait-index\nsize 24 120\nkeys w\nkeys e\ntype ~/marks.txt.doc<Enter>\ndump export-noformat\nkeys <C-u>\ntype ~/marks.md<Enter>\ndump export-home\n' \
	> "$tmp/export.script"
HOME=$tmp/home PILCROW_SCRIPT=$tmp/export.script PILCROW_DUMP_DIR=$tmp/dumps "$PILCROW" data/cables > /dev/null 2>&1
check "export prompt: a name with no format keeps the line" \
	sh -c "grep -q 'the name says the format' '$tmp/dumps/export-noformat' && grep -q 'export to .*: ~/marks.txt.doc' '$tmp/dumps/export-noformat'"
check "export prompt: ~ is the home folder" cmp -s "$tmp/home/marks.md" tests/golden/export/all.markdown
check "export prompt: the path written said whole" grep -q "written to $tmp/home/marks.md (markdown)" "$tmp/dumps/export-home"

# set flow = whole: v opens the whole cable over the whole screen
printf 'set flow = whole\n' > "$tmp/flow.conf"
printf 'size 24 80\nkeys v\ndump flow-set\n' > "$tmp/flow.script"
PILCROW_CONFIG=$tmp/flow.conf PILCROW_SCRIPT=$tmp/flow.script PILCROW_DUMP_DIR=$tmp/dumps PILCROW_WORKSPACE=$tmp/flow.db \
	"$PILCROW" --fresh data/cables/04ROME3933.txt > /dev/null 2>&1
check "set flow = whole: v shows no paragraph list" \
	sh -c "sed -n 2p '$tmp/dumps/flow-set' | grep -q '^ The whole cable' && ! grep -q '^ ¶[0-9] (C) ' '$tmp/dumps/flow-set'"

# set citation = STYLE: what Y copies is what pilcrow.conf(5) shows for
# the style (\(lq and \(rq are the curly quotes, \(ps the pilcrow)
for style in chicago-note chicago-bibliography author-date ap; do
	printf 'set citation = %s\n' "$style" > "$tmp/style.conf"
	printf 'size 30 120\nkeys jY\n' > "$tmp/style.script"
	PILCROW_CONFIG=$tmp/style.conf PILCROW_SCRIPT=$tmp/style.script PILCROW_TERM_OUT=$tmp/style.out \
		PILCROW_WORKSPACE=$tmp/style.db "$PILCROW" --fresh data/cables/08RIGA301.txt > /dev/null 2>&1
	LC_ALL=C grep -ao "$(printf '\033')]52;c;[A-Za-z0-9+/=]*" "$tmp/style.out" | sed 's/^.......//' | base64 -d > "$tmp/style.got"
	awk -v s="$(printf '%s' "$style" | sed 's/-/\\\\-/g')" '
		$0 == ".B " s { on = 1; next }
		on && /^\./ { exit }
		on { printf "%s%s", sep, $0; sep = " " }' man/pilcrow.conf.5 |
		sed 's/\\(lq/“/g; s/\\(rq/”/g; s/\\(ps/¶/g; s/\\-/-/g' > "$tmp/style.man"
	check "set citation = $style: the copy is the manual's example ($(cat "$tmp/style.got"))" \
		sh -c "[ -s '$tmp/style.man' ] && [ \"\$(cat '$tmp/style.got')\" = \"\$(cat '$tmp/style.man')\" ]"
done

# --text --cite: the citation before each cable's text
run_pilcrow "$tmp/out" "$tmp/err" --text --cite data/cables/08RIGA301.txt
check "--text --cite: the citation first" \
	sh -c "head -1 '$tmp/out' | grep -qx 'Embassy Riga, cable 08RIGA301, 16 April 2008. WikiLeaks, https://wikileaks.org/plusd/cables/08RIGA301_a.html'"
run_pilcrow "$tmp/out" "$tmp/err" --text --cite --filter level\>=SBU data/cables/cables-sample.csv
check "--text --cite --filter: each cable cited (two)" sh -c "grep -c '^Embassy .*WikiLeaks, https://wikileaks.org/plusd/cables/' '$tmp/out' | grep -qx 2"

# Copying: the OSC 52 sequence, write only, its text the citation, and no
# control character from a cable in it (a hostile cable's escapes)
printf 'size 30 100\nkeys jy\ndump copy-y\nkeys Y\ndump copy-Y\n' > "$tmp/copy.script"
PILCROW_WORKSPACE=$tmp/wscopy.db PILCROW_SCRIPT=$tmp/copy.script PILCROW_DUMP_DIR=$tmp/dumps PILCROW_TERM_OUT=$tmp/term.out \
	"$PILCROW" data/cables/08RIGA301.txt > /dev/null 2>&1
check "y: the status bar says what was copied" grep -q "copied ¶2 of 08RIGA301, [0-9]* characters" "$tmp/dumps/copy-y"
check "Y: the citation only" grep -q "copied the citation of ¶2 of 08RIGA301" "$tmp/dumps/copy-Y"
LC_ALL=C grep -ao "$(printf '\033')]52;c;[A-Za-z0-9+/=]*$(printf '\a')" "$tmp/term.out" | sed 's/^.......//; s/.$//' > "$tmp/osc"
check "OSC 52: two copies sent" [ "$(wc -l < "$tmp/osc")" -eq 2 ]
sed -n 1p "$tmp/osc" | base64 -d > "$tmp/copied-y"
sed -n 2p "$tmp/osc" | base64 -d > "$tmp/copied-Y"
check "OSC 52: y copies the paragraph with its citation" \
	sh -c "grep -q '^“.*” — Embassy Riga, cable 08RIGA301, 16 April 2008, ¶2 (SBU). WikiLeaks, https://wikileaks.org/plusd/cables/08RIGA301_a.html$' '$tmp/copied-y'"
printf '%s' 'Embassy Riga, cable 08RIGA301, 16 April 2008, ¶2 (SBU). WikiLeaks, https://wikileaks.org/plusd/cables/08RIGA301_a.html' \
	> "$tmp/want-Y"
check "OSC 52: Y copies the citation, byte for byte" cmp -s "$tmp/want-Y" "$tmp/copied-Y"
check "OSC 52: the base64 whole (a multiple of 4, padded)" \
	sh -c "awk '{ if (length(\$0) % 4) bad = 1 } END { exit bad }' '$tmp/osc'"
check "OSC 52: never a query (no '?' asked of the terminal)" sh -c "! LC_ALL=C grep -q '52;c;?' '$tmp/term.out'"
TMUX=/tmp/tmux-0/default,1,0 PILCROW_WORKSPACE=$tmp/wscopy2.db PILCROW_SCRIPT=$tmp/copy.script PILCROW_DUMP_DIR=$tmp/dumps PILCROW_TERM_OUT=$tmp/term2.out \
	"$PILCROW" data/cables/08RIGA301.txt > /dev/null 2>&1
check "inside tmux: also wrapped for passthrough" \
	sh -c "LC_ALL=C grep -aq '$(printf '\033')Ptmux;$(printf '\033\033')]52;c;' '$tmp/term2.out'"
if [ -f tests/hostile/escapes.txt ] || ls tests/hostile/*.txt > /dev/null 2>&1; then
	hostile=$(ls tests/hostile/*.txt | head -1)
	printf 'size 30 100\nkeys y\nkeys jy\nkeys jy\n' > "$tmp/copyh.script"
	PILCROW_SCRIPT=$tmp/copyh.script PILCROW_TERM_OUT=$tmp/term3.out "$PILCROW" "$hostile" > /dev/null 2>&1
	LC_ALL=C grep -ao "$(printf '\033')]52;c;[A-Za-z0-9+/=]*" "$tmp/term3.out" | sed 's/^.......//' |
		while read -r b; do printf '%s' "$b" | base64 -d; done > "$tmp/copied-h"
	check "copies of a hostile cable ($hostile): made" [ -s "$tmp/copied-h" ]
	check "copies of a hostile cable: no control character in them" \
		sh -c "! LC_ALL=C grep -q '$(printf '[\001-\037\177]')' '$tmp/copied-h'"
fi

# Sentences picked (s): the quote is the text as written, a dropped
# sentence in the middle an ellipsis; six keys from the detail, the copy
# included.  set apostrophes = fixed turns ",s" into "'s", only that.
printf 'size 30 100\nkeys j\nkeys sjjhxy\n' > "$tmp/pick.script"
PILCROW_SCRIPT=$tmp/pick.script PILCROW_TERM_OUT=$tmp/pick.out PILCROW_WORKSPACE=$tmp/pick.db \
	"$PILCROW" --fresh data/cables/04ROME3933.txt > /dev/null 2>&1
LC_ALL=C grep -ao "$(printf '\033')]52;c;[A-Za-z0-9+/=]*" "$tmp/pick.out" | sed 's/^.......//' | base64 -d > "$tmp/pick.got"
check "pick: two sentences and an ellipsis between ($(head -c 300 "$tmp/pick.got"))" \
	grep -qF "“On October 6, PM Assistant Secretary Lincoln Bloomfield Jr. and Deputy Assistant Secretary of Defense Andrew Hoehn met with Italian MFA Director General for Multilateral and Political Affairs Giampiero Massolo to discuss GDPR issues (septel). … He stated that Italy was committed to engagement with Iran, allowing for firm messages to be passed on issues of concern, principally nuclear ones, but also on involvement in the affairs of neighboring states and on human rights.” — Rome, cable 04ROME3933, 2004, ¶2 (C)." "$tmp/pick.got"
printf 'set apostrophes = fixed\n' > "$tmp/apos.conf"
printf 'size 30 100\nkeys j\nkeys sy\n' > "$tmp/apos.script"
PILCROW_CONFIG=$tmp/apos.conf PILCROW_SCRIPT=$tmp/apos.script PILCROW_TERM_OUT=$tmp/apos.out PILCROW_WORKSPACE=$tmp/apos.db \
	"$PILCROW" --fresh data/cables/05WELLINGTON880.txt > /dev/null 2>&1
LC_ALL=C grep -ao "$(printf '\033')]52;c;[A-Za-z0-9+/=]*" "$tmp/apos.out" | sed 's/^.......//' | base64 -d > "$tmp/apos.got"
check "set apostrophes = fixed: Cabinet's ($(head -c 120 "$tmp/apos.got"))" grep -qF "“Burton said the Cabinet's decision" "$tmp/apos.got"

# The config file: a copy command, a template, a key bound; errors named
# with file and line, the rest applied
mkdir -p "$XDG_CONFIG_HOME/pilcrow"
cat > "$XDG_CONFIG_HOME/pilcrow/config" <<EOF
# a comment
set widht = 80
set clipboard = cat > $tmp/clip
set citation = {id}{, iso}{ para}
bind reader x mark
bind reader Z nothing-at-all
color status black purple
set width = 60
bind both H help
bind raw z raw-down
bind glance z glance-down
EOF
printf 'size 30 100\ndump config-first\nkeys jx\ndump config-x\nkeys Y\ndump config-copy\nkeys ?\ndump config-help\n' > "$tmp/config.script"
PILCROW_SCRIPT=$tmp/config.script PILCROW_DUMP_DIR=$tmp/dumps PILCROW_WORKSPACE=$tmp/ws2.db \
	"$PILCROW" data/cables/08RIGA301.txt > /dev/null 2> "$tmp/config.err"
check "config: exit 0 with errors in the file" [ $? -eq 0 ]
check "config: three problems, a line each ($(cat "$tmp/config.err"))" [ "$(wc -l < "$tmp/config.err")" -eq 3 ]
check "config: the file and line named" grep -q "pilcrow/config:2: no setting 'widht'" "$tmp/config.err"
check "config: an unknown action named" grep -q "config:6: no action 'nothing-at-all'" "$tmp/config.err"
check "config: an unknown colour named" grep -q "config:7: 'purple' is not a colour" "$tmp/config.err"
check "config: the screens' names of earlier versions still read (both, raw, glance)" \
	sh -c "! grep -q 'no screen' '$tmp/config.err'"
check "config: the problems in the status bar" grep -q "3 problems in the config, on standard error; line 2: no setting 'widht'" "$tmp/dumps/config-first"
check "config: a key bound (x marks)" grep -q "¶2 marked" "$tmp/dumps/config-x"
check "config: the copy command ran, with the template" sh -c "[ \"\$(cat '$tmp/clip')\" = '08RIGA301, 2008-04-16 ¶2 (SBU)' ]"
check "config: set width after the errors applied (the detail at 60)" \
	sh -c "[ \$(sed -n '/^ ¶2 (SBU)/,\$p' '$tmp/dumps/config-x' | sed -n '2,4p' | awk '{ if (length > m) m = length } END { print m }') -le 60 ]"
check "config: the help lists the keys the config binds" \
	sh -c "grep -q 'Your keys (the config file)' '$tmp/dumps/config-help' && grep -q ' x .*reader: mark or unmark the paragraph' '$tmp/dumps/config-help'"
# The movement rows each screen had (list-down, raw-down, help-down ...)
# are now the generic movement actions; a config naming them keeps working
cat > "$tmp/oldmoves" <<EOF
bind list z list-down
bind list Z list-last
bind help z help-down
bind raw z raw-pgdn
bind glance z glance-last
EOF
printf 'wait-index\nsize 24 100\nkeys z\ndump old-z\nkeys Z\ndump old-Z\nkeys ?z\ndump old-help\n' > "$tmp/oldmoves.script"
PILCROW_CONFIG=$tmp/oldmoves PILCROW_SCRIPT=$tmp/oldmoves.script PILCROW_DUMP_DIR=$tmp/dumps PILCROW_WORKSPACE=$tmp/ws4.db \
	"$PILCROW" --fresh data/cables/ > /dev/null 2> "$tmp/oldmoves.err"
check "config: the old movement actions read with no problem ($(head -3 "$tmp/oldmoves.err"))" [ ! -s "$tmp/oldmoves.err" ]
check "config: list-down still moves the list down" sh -c "tail -1 '$tmp/dumps/old-z' | grep -q '^ 2/'"
check "config: list-last still goes to the last cable" sh -c "tail -1 '$tmp/dumps/old-Z' | grep -Eq '^ ([0-9]+)/\\1 '"
check "config: help-down still scrolls the help" grep -q '▲' "$tmp/dumps/old-help"
# --dump-config is a config that reads back with no problem
"$PILCROW" --dump-config > "$tmp/dumped"
missing=
for a in $(sed -n 's/^KEY(\([A-Z_]*\),.*/\1/p' src/ui/keys.def | tr 'A-Z_' 'a-z-'); do
	[ "$a" = mouse ] || grep -q " $a\$" "$tmp/dumped" || missing="$missing $a"
done
check "--dump-config: every action of the table as a bind line (missing:$missing)" [ -z "$missing" ]
check "--dump-config: the screens by their names (any, original, overview)" \
	sh -c "grep -q '^bind any ' '$tmp/dumped' && grep -q '^bind original ' '$tmp/dumped' && grep -q '^bind overview ' '$tmp/dumped'"
PILCROW_CONFIG=$tmp/dumped PILCROW_SCRIPT=$tmp/config.script PILCROW_DUMP_DIR=$tmp/dumps PILCROW_WORKSPACE=$tmp/ws3.db \
	"$PILCROW" data/cables/08RIGA301.txt > /dev/null 2> "$tmp/dumped.err"
check "--dump-config reads back with no problem ($(head -3 "$tmp/dumped.err"))" [ ! -s "$tmp/dumped.err" ]
finish
