# redactions.awk -- the redaction runs of a cable as pilcrow --text writes
# it, counted apart from pilcrow's comparison (check-real.sh, section 5):
# x's (three or more, any case) and bracketed notes of words removed, one
# after another in a block (a paragraph, a section title, the subject)
BEGIN { RS = ""; runs = 0 }
NR == 1 {
	n = split($0, line, "\n")
	t = ""
	for (i = 1; i <= n; i++)
		if (line[i] ~ /^Subject: /)
			t = substr(line[i], 10)
	count(t)
	next
}
{ count($0) }
END { print runs }
function count(text,    w, n, i, x, inrun) {
	text = tolower(text)
	gsub(/\[[^]]*(removed|redacted|withheld|deleted)\]/, " xxxx ", text)
	n = split(text, w, /[ \t\n]+/)
	inrun = 0
	for (i = 1; i <= n; i++) {
		x = w[i]
		gsub(/^[^a-z0-9]+/, "", x)
		gsub(/[^a-z0-9]+$/, "", x)
		sub(/('|’)s$/, "", x)
		if (x ~ /^xxx+$/) {
			if (!inrun)
				runs++
			inrun = 1
		} else if (x != "") {
			inrun = 0
		}
	}
}
