/* parse_reconcile.h -- what parse.c calls of parse_reconcile.c: before
 * the header is read, what the record and the file name tell; after the
 * text is read, what it and the container say, reconciled */
#ifndef PILCROW_PARSE_RECONCILE_H
#define PILCROW_PARSE_RECONCILE_H

#include "parse/parse_lines.h"

/* A footer line among the text's last twelve ("2004ROME03933 -
 * Classification: CONFIDENTIAL"): its id into p->footer_id. */
void find_footer(struct parser *p);

/* The id a file name of cable-id shape gives ("07TBILISI1732.txt"), or "". */
void file_name_id(struct parser *p, const struct record_meta *m);

/* The cable's station as early as the header is read (page headers repeat
 * it): the classification line's, else the record's id, the footer's, the
 * file name's; and its serial (p->serial), for the years of its REFs. */
void early_station(struct parser *p, const struct record_meta *m);

/* The cable's year, for the REFs that give none: the record's id's, its
 * date's, a footer's, the routing's date-time group's, the text's date's,
 * the classification line's, the file name's; -1 when none says. */
int year_of(struct parser *p, const struct record_meta *m, struct str long_date);

/* Field @f set to @s, the container's (no span in the text). */
void set_container(struct field *f, struct str s, struct parser *p);

/* The id, the station, the level and caveats, the date: what the text
 * says and what the container says, reconciled (with a warning where they
 * disagree); and the references cables.csv lists that the REF line did
 * not name. */
void finish_id(struct parser *p, const struct record_meta *m);
void finish_origin(struct parser *p);
void finish_classification(struct parser *p, const struct record_meta *m);
void finish_date(struct parser *p, const struct record_meta *m, struct str long_date);
void finish_refs(struct parser *p, const struct record_meta *m);

#endif
