# gentags.awk -- turns data/tags.tsv (sorted by tag) into the C table tags_data.c
BEGIN {
	FS = "\t"
	print "/* tags_data.c -- generated from data/tags.tsv by gentags.awk; do not edit */"
	print "#include \"config.h\""
	print "#include \"doc/tags.h\""
	print ""
	print "const struct tag_entry tag_table[] = {"
	n = 0
	nm = 0
}
/^#/ || NF < 3 { next }
{
	for (i = 1; i <= 3; i++) {
		gsub(/\\/, "\\\\", $i)
		gsub(/"/, "\\\"", $i)
	}
	printf "\t{ \"%s\", \"%s\", \"%s\" },\n", $1, $2, $3
	if (index($1, " "))
		multi[nm++] = n
	n++
}
END {
	print "};"
	print ""
	printf "const size_t tag_count = %d;\n", n
	print ""
	print "/* the multi-word tags, by their place in tag_table */"
	printf "const size_t tag_multi[] = {"
	for (i = 0; i < nm; i++)
		printf "%s%d", i ? ", " : " ", multi[i]
	print " };"
	printf "const size_t tag_nmulti = %d;\n", nm
}
