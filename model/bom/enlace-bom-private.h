/* enlace-bom-private.h: for model/bom only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A minimal CSV reader (RFC 4180 quotes; the separator is the one of ','
 * and ';' that the first line holds most of).  Rows of GStrv, blank lines
 * skipped; *@lines (may be NULL) gets each row's line number (guint). */
GPtrArray *enlace_bom_csv_parse       (const char  *text,
                                       gsize        length,
                                       char        *separator,
                                       GArray     **lines,
                                       GError     **error);
/* The column of the header whose name (trimmed, case-folded) is one of
 * @names; -1 when none. */
int        enlace_bom_csv_column      (char       **header,
                                       const char * const *names);
/* Appends @field quoted if needed, with the separator before it unless
 * @first. */
void       enlace_bom_csv_append      (GString     *out,
                                       const char  *field,
                                       gboolean     first);
/* Reads a number ("12.5", with ';' also "12,5"); FALSE when it is not one. */
gboolean   enlace_bom_parse_number    (const char  *text,
                                       char         separator,
                                       double      *out);

/* enlace-bom-prices.c: the rule of a price (an item that is not empty,
 * a finite price of zero or more); the message starts with @what and
 * names the item.  The price list's commands and the XML import use it. */
gboolean   enlace_bom_price_check     (const char  *what,
                                       const char  *item,
                                       double       price,
                                       GError     **error);

G_END_DECLS
