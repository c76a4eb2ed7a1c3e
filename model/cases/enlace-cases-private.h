/* enlace-cases-private.h: for model/cases only (it speaks SQL). */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "enlace-cases.h"
#include "enlace-store-private.h"

G_BEGIN_DECLS

/* The built-in manual, data/procedures.xml (embedded). */
const char      *enlace_procedures_builtin_xml  (gsize         *len);

/* Parses and validates a procedures document (data/procedures.rng):
 * EnlaceProcedure* with id 0 (version and current as written, default 1
 * and TRUE).  @name names the file in errors ("line 12: …"). */
GPtrArray       *enlace_procedures_parse        (const char    *xml,
                                                 gsize          len,
                                                 const char    *name,
                                                 GError       **error);
/* One <procedure> element (already validated). */
EnlaceProcedure *enlace_procedure_from_node     (xmlNodePtr     node);
/* Writes one <procedure> element; @with_version adds version and current. */
gboolean         enlace_procedure_write         (xmlTextWriterPtr        w,
                                                 const EnlaceProcedure  *p,
                                                 gboolean                with_version);
/* Same content (name, kind, prefix, target, description, steps)? */
gboolean         enlace_procedure_same          (const EnlaceProcedure *a,
                                                 const EnlaceProcedure *b);
/* Inserts @p with its version and current flag (inside a command or a
 * transaction); returns the id. */
gint64           enlace_procedure_insert        (EnlaceStore            *store,
                                                 const EnlaceProcedure  *p,
                                                 GError                **error);
/* Every version of every procedure, by code then version. */
GPtrArray       *enlace_procedures_list_all     (EnlaceStore   *store,
                                                 GError       **error);
/* TRUE when the project's procedures are exactly the built-in manual
 * (one version of each, current). */
gboolean         enlace_procedures_are_builtin  (EnlaceStore   *store);

/* "2026-12-05T09:10:00Z" */
char            *enlace_cases_now_iso           (void);
char            *enlace_cases_format_iso        (GDateTime     *dt);
GDateTime       *enlace_cases_parse_iso         (const char    *text);
char            *enlace_cases_dup_column        (sqlite3_stmt  *stmt,
                                                 int            col);

/* E-mail accounts (enlace-accounts.c), inside an open command. */
gint64           enlace_email_account_insert    (EnlaceStore   *store,
                                                 const char    *address,
                                                 gint64         holder_id,
                                                 gint64         area_id,
                                                 gint64         case_id,
                                                 const char    *delivered_to,
                                                 const char    *delivered_at,
                                                 GError       **error);
gboolean         enlace_email_account_remove    (EnlaceStore   *store,
                                                 gint64         account_id,
                                                 const char    *motive,
                                                 gint64         case_id,
                                                 GError       **error);

/* make-connection (enlace-connect.c), inside an open command: creates the
 * patch cord between the panel front port that serves @outlet_port and
 * @switch_port.  Returns the cable id; *outlet_device_id gets the outlet. */
gint64           enlace_cases_make_connection   (EnlaceStore   *store,
                                                 const char    *outlet_port,
                                                 const char    *panel_port,
                                                 const char    *switch_port,
                                                 const char    *folio,
                                                 gint64        *outlet_device_id,
                                                 gint64        *outlet_port_id,
                                                 GError       **error);

G_END_DECLS
