# genstations.awk -- turns the station vocabulary into the C tables of
# stations_data.c.  Its input: "K<TAB>key<TAB>name<TAB>forms" lines sorted
# by key, then "A<TAB>form<TAB>key" lines sorted by form (the Makefile
# makes both from data/stations.tsv), so that both tables are sorted;
# and the hash of each (the slot of each name as stations.c's name_slot
# finds it, the next free one after a taken one).  Names are capitals and
# digits: any other byte stops the build.
BEGIN {
	FS = "\t"
	print "/* stations_data.c -- generated from data/stations.tsv by genstations.awk; do not edit */"
	print "#include \"config.h\""
	print "#include \"doc/stations.h\""
	print ""
	print "const char *const station_keys[] = {"
	n = 0
	na = 0
	SLOTS = 4096
	digits = "0123456789"
	letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
}
# the slot of @name: h = h * 31 + byte modulo 2^32, then (h + h / 2^15) % SLOTS
function slot(name,    h, i, c, code) {
	h = 0
	for (i = 1; i <= length(name); i++) {
		c = substr(name, i, 1)
		if ((code = index(digits, c)) > 0)
			code += 47
		else if ((code = index(letters, c)) > 0)
			code += 64
		else {
			printf "genstations.awk: %s: a station's name is capitals and digits\n", name > "/dev/stderr"
			failed = 1
			exit 1
		}
		h = (h * 31 + code) % 4294967296
	}
	return (h + int(h / 32768)) % SLOTS
}
function put(table, name, index_,    k) {
	k = slot(name)
	while ((k in table))
		k = (k + 1) % SLOTS
	table[k] = index_ + 1
}
function print_slots(name, table,    k) {
	printf "const uint16_t %s[STATION_SLOTS] = {\n", name
	for (k = 0; k < SLOTS; k++)
		if (k in table)
			printf "\t[%d] = %d,\n", k, table[k]
	print "};"
}
$1 == "K" {
	printf "\t\"%s\",\n", $2
	put(keyslot, $2, n)
	n++
	next
}
$1 == "A" {
	put(aliasslot, $2, na)
	alias[na++] = "\t{ \"" $2 "\", \"" $3 "\" },"
}
END {
	if (failed)
		exit 1
	if (n > SLOTS / 2 || na > SLOTS / 2) {
		print "genstations.awk: too many stations for the hash's slots" > "/dev/stderr"
		exit 1
	}
	print "};"
	printf "const size_t station_nkeys = %d;\n", n
	print ""
	print "const struct station_alias station_aliases[] = {"
	for (i = 0; i < na; i++)
		print alias[i]
	print "};"
	printf "const size_t station_naliases = %d;\n", na
	print ""
	print_slots("station_key_slot", keyslot)
	print ""
	print_slots("station_alias_slot", aliasslot)
}
