/* record.c -- a record's container metadata */
#include "config.h"
#include "doc/record.h"

void record_note(struct record_meta *m, const char *note)
{
	if (m->nnotes < sizeof(m->notes) / sizeof(m->notes[0]))
		m->notes[m->nnotes++] = str_c(note);
}
