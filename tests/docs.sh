#!/bin/sh
# docs.sh -- --help, the man page and the README say the same as the key
# table (src/ui/keys.def) and the options: every key and option, in each.
. "${srcdir:-.}/tests/lib.sh"

genkeys=$(dirname "$PILCROW")/genkeys
man=$(dirname "$PILCROW")/../man/pilcrow.1
readme=$srcdir/README.md
"$PILCROW" --help > "$tmp/help"

# the README's key table is exactly what genkeys makes of keys.def
sed -n '/^<!-- keys:/,/^<!-- \/keys -->/p' "$readme" | sed '1d;$d' > "$tmp/readme-keys"
"$genkeys" --markdown > "$tmp/keys.md"
check "README key table matches src/ui/keys.def (regenerate with src/genkeys --markdown)" \
	diff -u "$tmp/keys.md" "$tmp/readme-keys"

# the man page: made from the same table at build time
sed 's/\\-/-/g; s/\\\\/\\/g' "$man" > "$tmp/man"
"$genkeys" > "$tmp/keys.txt"
while IFS= read -r row; do
	keys=$(printf '%s' "$row" | cut -c10-29 | sed 's/ *$//')
	help=$(printf '%s' "$row" | cut -c31-)
	check "--help lists '$keys'" grep -qF -- "$keys" "$tmp/help"
	check "--help explains '$keys'" grep -qF -- "$help" "$tmp/help"
	check "the man page lists '$keys'" grep -qxF -- ".B $keys" "$tmp/man"
	check "the man page explains '$keys'" grep -qxF -- "$help" "$tmp/man"
done < "$tmp/keys.txt"

# every option of --help is in the man page and the README
for opt in $(sed -n 's/^  \(-., \|    \)\(--[a-z-]*\).*/\2/p' "$tmp/help"); do
	check "the man page documents $opt" grep -qF -- "$opt" "$tmp/man"
	check "README mentions $opt" grep -qF -- "$opt" "$readme"
done
# every exit status --help gives is in the man page's EXIT STATUS
for st in $(sed -n '/^Exit status:/,/^See /p' "$tmp/help" | grep -o '\b[0-9]\b' | sort -u); do
	check "the man page lists exit status $st" \
		sh -c "sed -n '/^.SH EXIT STATUS/,/^.SH ENVIRONMENT/p' '$tmp/man' | grep -qx '.B $st'"
done
# every PILCROW_ variable pilcrow reads is listed: in the man page (a user
# setting) or in tests/README (a test hook)
for v in $(grep -rhoE 'getenv\("PILCROW_[A-Z_]+"\)' "$srcdir/src" | sed 's/getenv("//; s/")//' | sort -u); do
	check "$v is documented (the man page or tests/README)" \
		sh -c "grep -q '$v' '$srcdir/man/pilcrow.1.in' || grep -q '^$v' '$srcdir/tests/README'"
done
finish
