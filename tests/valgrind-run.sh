#!/bin/sh
# valgrind-run.sh TEST -- the test driver of 'make check-valgrind': a test
# program runs under valgrind memcheck; a test script runs as it is (its
# pilcrow is src/pilcrow-valgrind, which runs under valgrind too).
case $(head -c 2 "$1") in
'#!') exec "$@" ;;
esac
PILCROW_NO_JIT=1 exec valgrind $VALGRIND_FLAGS "$@"
