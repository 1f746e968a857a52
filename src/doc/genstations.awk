# genstations.awk -- turns the station vocabulary into the C tables of
# stations_data.c.  Its input: "K<TAB>key<TAB>name<TAB>forms" lines sorted
# by key, then "A<TAB>form<TAB>key" lines sorted by form (the Makefile
# makes both from data/stations.tsv), so that both tables are searched
# by bisection.
BEGIN {
	FS = "\t"
	print "/* stations_data.c -- generated from data/stations.tsv by genstations.awk; do not edit */"
	print "#include \"config.h\""
	print "#include \"doc/stations.h\""
	print ""
	print "const char *const station_keys[] = {"
	n = 0
	na = 0
}
$1 == "K" {
	printf "\t\"%s\",\n", $2
	n++
	next
}
$1 == "A" {
	alias[na++] = "\t{ \"" $2 "\", \"" $3 "\" },"
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
