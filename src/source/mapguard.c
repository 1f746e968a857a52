/* mapguard.c -- blank pages where a mapped file lost its own */
#include "config.h"
#include "source/mapguard.h"

#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/* Written by the program, read by the signal handler: each slot is filled
 * before it is published (p set last) and emptied by clearing p first. */
static struct guard {
	const char *volatile p;
	volatile size_t n;
	volatile size_t cut;
} guards[MAPGUARD_MAX];
static volatile sig_atomic_t rescues;

void mapguard_add(const void *p, size_t n)
{
	for (size_t i = 0; i < MAPGUARD_MAX; i++) {
		if (!guards[i].p) {
			guards[i].n = n;
			guards[i].cut = SIZE_MAX;
			guards[i].p = p;
			return;
		}
	}
}

void mapguard_remove(const void *p)
{
	for (size_t i = 0; i < MAPGUARD_MAX; i++)
		if (guards[i].p == p)
			guards[i].p = NULL;
}

bool mapguard_rescue(const void *addr)
{
	const char *a = addr;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	for (size_t i = 0; i < MAPGUARD_MAX; i++) {
		const char *p = guards[i].p;
		size_t off, from, end;

		if (!p || a < p || a >= p + guards[i].n)
			continue;
		off = (size_t)(a - p);
		from = off / page * page;
		end = (guards[i].n + page - 1) / page * page;
		/* what the file lost, it lost to its end: blank pages to there */
		if (mmap((void *)(p + from), end - from, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0) ==
		    MAP_FAILED)
			return false;
		if (from < guards[i].cut)
			guards[i].cut = from;
		rescues++;
		return true;
	}
	return false;
}

size_t mapguard_cut(const void *p)
{
	for (size_t i = 0; i < MAPGUARD_MAX; i++)
		if (guards[i].p == p)
			return guards[i].cut;
	return SIZE_MAX;
}

unsigned mapguard_rescues(void)
{
	return (unsigned)rescues;
}
