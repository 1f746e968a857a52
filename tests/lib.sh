# lib.sh -- helpers for pilcrow's shell tests (sourced)
# Needs: srcdir (the source tree) and PILCROW (the binary), set by 'make check'.

: "${srcdir:=.}"
: "${PILCROW:=$srcdir/src/pilcrow}"
failures=0
checks=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pilcrow-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
# the full-text indexes a test makes stay in its own directory
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME
# and so do the workspaces (marks, notes) and the config files
XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
export XDG_DATA_HOME XDG_CONFIG_HOME

# The marks and notes of the workspace $1, a line each: cable, paragraph,
# collections, note.
workspace_lines() {
	PILCROW_WORKSPACE=$1 "$PILCROW" --export jsonl 2> /dev/null |
		jq -r '[.id, .paragraph, .collections, .note] | @tsv'
}

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

ok() {
	checks=$((checks + 1))
}

# check DESCRIPTION COMMAND...: counts a check, reports it when COMMAND fails.
check() {
	desc=$1
	shift
	if "$@"; then ok; else fail "$desc"; fi
}

# run_pilcrow OUT ERR ARGS...: runs pilcrow with a time limit; sets $rc.
run_pilcrow() {
	out=$1 err=$2
	shift 2
	timeout 60 "$PILCROW" "$@" > "$out" 2> "$err"
	rc=$?
	if [ "$rc" -ge 124 ]; then
		fail "pilcrow $* crashed or hung (status $rc): $(head -c 400 "$err")"
	fi
}

# compare_golden ACTUAL EXPECTED NAME: ACTUAL must equal EXPECTED;
# with UPDATE_GOLDEN set, EXPECTED is rewritten instead.
compare_golden() {
	if [ -n "$UPDATE_GOLDEN" ]; then
		cp "$1" "$2"
	elif [ ! -f "$2" ]; then
		fail "$2 is missing (UPDATE_GOLDEN=1 make check writes it)"
	elif ! diff -u "$2" "$1" >&2; then
		fail "$3 differs from $2"
	else
		ok
	fi
}

# tmux_wait SESSION TEXT: until the pane of tmux SESSION (on the server at
# $sock) shows TEXT, 10 s at most; shows the pane when it does not.
tmux_wait() {
	i=0
	while [ $i -lt 200 ]; do
		tmux -S "$sock" capture-pane -p -t "$1" 2> /dev/null | grep -qF -- "$2" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "--- the pane, waiting for '$2':" >&2
	tmux -S "$sock" capture-pane -p -t "$1" >&2 2> /dev/null
	return 1
}

# split_dump FILE HOW DIR: FILE in pieces in DIR, named as split names them
# (cables.csv.aa, cables.csv.ab, ...); HOW is split's option ("-l 1000",
# "-b 4099"), with " crlf" after it for CRLF line ends first.
split_dump() {
	_src=$1
	_how=$2
	rm -rf "$3" && mkdir "$3" || return 1
	case $_how in
	*crlf)
		sed 's/$/\r/' "$_src" > "$3.crlf"
		_src=$3.crlf
		_how=${_how% crlf}
		;;
	esac
	# shellcheck disable=SC2086
	(cd "$3" && split $_how "$_src" cables.csv.)
}

# gen_csv N FILE: N cables in the dump's format, about 4 kB each, each with
# an escaped quote (\") and apostrophe (\') in its text
# gen_rules N FILE: a dump of N cables whose paragraphs hold the cases of the rules,
# each in some of the cables (i modulo a number), and a page break inside a
# sentence
gen_rules() {
	awk -v n="$1" 'BEGIN {
		for (i = 1; i <= n; i++) {
			printf "\"%d\",\"%d/5/%d 14:30\",\"%02dROME%d\",\"Embassy Rome\",\"%s\",\"\",", i, 1 + i % 12, 2000 + i % 10, i % 10, i, (i % 3 ? "CONFIDENTIAL" : "SECRET")
			printf "\"O 051430Z JAN 05\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC\",\"%s ROME %08d\n\n", (i % 3 ? "C O N F I D E N T I A L" : "S E C R E T"), i
			printf "E.O. 12958: DECL: 01/05/2015\nTAGS: PREL, %s\nSUBJECT: CABLE NUMBER %d\n\n", (i % 2 ? "IT" : "PGOV"), i
			printf "Classified By: Ambassador R. Spogli, reasons 1.4(b) and (d)\n\n"
			printf "1. (C) THE MINISTER SPOKE TO THE AMBASSADOR ABOUT THE TALKS ON TRADE.\n"
			if (i % 5 == 0) printf "PRESIDENT URIBE MET V\303\211LEZ AT THE PALACE.\n"
			if (i % 7 == 0) printf "MINISTER VELEZ SAID NOTHING MORE.\n"
			if (i % 4 == 0) printf "BERLUSCONI\\\x27S VIEW OF THE TALKS\n"
			if (i % 9 == 0) printf "Berlusconi\342\200\231s view, he said.\n"
			if (i % 11 == 0) printf "BERLUSCONI,S VIEW IS KNOWN.\n"
			if (i % 6 == 0) printf "THE COUNTER-\nTERRORISM UNIT MET.\n"
			if (i % 13 == 0) printf "ITS COUNTER-TERRORISM POLICY.\n"
			if (i % 8 == 0) printf "HE TOLD ON HIS\nDECISION TO RESIGN.\n"
			if (i % 17 == 0) printf "THE U.S. SIDE AGREED.\n"
			if (i % 19 == 0) printf "PRESIDENTIAL ELECTIONS LOOM.\n"
			printf "\n2. (%s) IRAN WAS DISCUSSED%s\n", (i % 6 == 0 ? "S//NF" : i % 3 == 0 ? "S" : "C"), (i % 10 == 3 ? " AND THE NUCLEAR PROGRAM, AT LENGTH" : "")
			if (i % 23 == 0) printf "THE MINISTER SPOKE ON\n\nROME 00001187  002 OF 003\n\nHIS DECISION AT LAST.\n"
			printf "\n3. (U) COMMENT: A PHRASE ACROSS PARAGRAPHS ENDS HERE\n\n4. (U) AND ANOTHER BEGINS.\n\nSPOGLI\n\"\n"
		}
	}' > "$2"
}

gen_csv() {
	awk -v n="$1" 'BEGIN {
		para = "THE MINISTER SAID THE GOVERNMENT WOULD CONTINUE THE TALKS ON TRADE AND ENERGY "
		for (k = 0; k < 3; k++) para = para para
		for (i = 1; i <= n; i++) {
			printf "\"%d\",\"1/5/2005 14:30\",\"05ROME%d\",\"Embassy Rome\",\"CONFIDENTIAL\",\"\",", i, i
			printf "\"O 051430Z JAN 05\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC\",\"C O N F I D E N T I A L ROME %06d\n\n", i
			printf "E.O. 12958: DECL: 01/05/2015\nTAGS: PREL, IT\nSUBJECT: CABLE NUMBER %d\n\n", i
			for (p = 1; p <= 4; p++) printf "%d. (C) %s\\\"QUOTED\\\" AND ITALY\\\x27S\n\n", p, para
			printf "SEMBLER\n\"\n"
		}
	}' > "$2"
}

# gen_vocab N FILE: N cables whose paragraphs are made-up words (a large
# vocabulary: a prefix stands for thousands of them)
gen_vocab() {
	awk -v n="$1" 'BEGIN {
		srand(7)
		for (i = 1; i <= n; i++) {
			printf "\"%d\",\"1/5/2005 14:30\",\"05ROME%d\",\"Embassy Rome\",\"CONFIDENTIAL\",\"\",", i, i
			printf "\"O 051430Z JAN 05\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC\",\"C O N F I D E N T I A L ROME %06d\n\n", i
			printf "E.O. 12958: DECL: 01/05/2015\nTAGS: PREL, IT\nSUBJECT: CABLE NUMBER %d\n\n", i
			for (p = 1; p <= 3; p++) {
				printf "%d. (C)", p
				for (w = 0; w < 60; w++) {
					printf " "
					len = 4 + int(rand() * 5)
					for (k = 0; k < len; k++) printf "%c", 65 + int(rand() * 26)
				}
				printf "\n\n"
			}
			printf "SEMBLER\n\"\n"
		}
	}' > "$2"
}

finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$failures of $((checks + failures)) checks failed" >&2
		exit 1
	fi
	echo "$checks checks passed"
	exit 0
}
