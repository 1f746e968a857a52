# genstations.awk -- turns data/stations.tsv (sorted by key) into the C
# tables stations_data.c: the keys, sorted, and the other written forms
BEGIN {
	FS = "\t"
	print "/* stations_data.c -- generated from data/stations.tsv by genstations.awk; do not edit */"
	print "#include \"config.h\""
	print "#include \"stations.h\""
	print ""
	print "const char *const station_keys[] = {"
	n = 0
	na = 0
}
/^#/ || NF < 2 { next }
{
	printf "\t\"%s\",\n", $1
	n++
	if (NF >= 3 && $3 != "") {
		k = split($3, f, ",")
		for (i = 1; i <= k; i++)
			alias[na++] = "\t{ \"" f[i] "\", \"" $1 "\" },"
	}
}
END {
	print "};"
	printf "const size_t station_nkeys = %d;\n", n
	print ""
	print "const struct station_alias station_aliases[] = {"
	for (i = 0; i < na; i++)
		print alias[i]
	print "};"
	printf "const size_t station_naliases = %d;\n", na
}
