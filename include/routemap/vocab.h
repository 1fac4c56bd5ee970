/* vocab.h - the names people read for what the database stores by code:
 * kinds of record (a table, or the CSV kind that fills it) and the coded
 * values of fields (statuses, stages).  One table each, in vocab.c; no
 * identifier of the database reaches the Thai interface but through it. */
#ifndef ROUTEMAP_VOCAB_H
#define ROUTEMAP_VOCAB_H

/* The kind of record of TABLE ("assessment_entry") or of the CSV kind
 * KIND ("assessment_entries") as people call it, translated; NAME itself
 * when it is neither (never NULL for a non-NULL NAME). */
const char *vocab_kind(const char *name);

/* The coded VALUE of FIELD ("status", "stage") in TABLE (NULL: any) as
 * people call it, translated; VALUE itself when it is no coded value.
 * NULL for a NULL VALUE. */
const char *vocab_value(const char *table, const char *field, const char *value);

/* The table of the records of the CSV kind CSV_KIND ("assessment_entries"
 * -> "assessment_entry"); CSV_KIND itself when it is none. */
const char *vocab_table(const char *csv_kind);

/* A column NAME ("fy_from", or a change-log field such as
 * "support_frame_id") of the CSV kind or table KIND ("plans",
 * "assessment_entry"; NULL: any) as export headings and history name it,
 * translated; NAME itself when unknown. */
const char *vocab_column(const char *kind, const char *name);

#endif
