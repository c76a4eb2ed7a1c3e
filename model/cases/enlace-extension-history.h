/* enlace-extension-history.h: the status history of a phone extension and
 * the changes of status made through a case (procedure
 * "extension-estado", "Cambio de estado de extensión": its inventory step
 * with action "extension-status").
 *
 * Each row of an extension's history (table extension_status) may name
 * the case that made the change; `enlace-cli extension history` and the
 * extension's page show it.  Part of model/: GLib only. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *at;        /* ISO 8601 */
  char   *status;    /* active, suspended, cancelled */
  char   *reason;    /* may be NULL */
  gint64  case_id;   /* 0: not made through a case */
  char   *folio;     /* the case's folio, NULL when none */
} EnlaceExtensionChange;

void        enlace_extension_change_free (EnlaceExtensionChange *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceExtensionChange, enlace_extension_change_free)
/* {"at","status","status_label","reason","case"} for --json */
JsonObject *enlace_extension_change_to_json (const EnlaceExtensionChange *self);

/* The history of extension @extension_id, oldest first
 * (EnlaceExtensionChange*); NULL with @error when there is no such
 * extension. */
GPtrArray  *enlace_extension_history     (EnlaceStore  *store,
                                          gint64        extension_id,
                                          GError      **error);

/* "active" for "active" or the manual's "Activa" (and so on); NULL when
 * @text is no status. */
const char *enlace_extension_status_parse (const char *text);

/* Changes the status of extension @extension_id for case @case_id (one
 * command, or part of the open one): the status, a row of its history
 * naming the case, and a link from the case to the extension.  Refused
 * when the status is unknown, the reason is empty, the extension already
 * has that status, or @case_id is not a case. */
gboolean    enlace_extension_change_status (EnlaceStore  *store,
                                            gint64        extension_id,
                                            const char   *status,
                                            const char   *reason,
                                            gint64        case_id,
                                            GError      **error);

/* The inventory step with action "extension-status" (the steps engine,
 * inside the step's command): @values has "extension" (its number),
 * "status" and "reason"; records "extension_id" in @data. */
gboolean    enlace_extension_status_step   (EnlaceStore  *store,
                                            gint64        case_id,
                                            JsonObject   *values,
                                            JsonObject   *data,
                                            GError      **error);

/* The exchange (enlace-cases-xml.c): the changes of status a case made,
 * as <extension-change extension="NUMBER" at="…"/> in its <case>; read
 * back onto the history row the inventory part of the file made. */
gboolean    enlace_extension_history_xml_export_case (EnlaceStore *store,
                                                      gpointer     writer,   /* xmlTextWriterPtr */
                                                      gint64       case_id,
                                                      GError     **error);
gboolean    enlace_extension_history_xml_import_node (EnlaceStore *store,
                                                      gpointer     node,     /* xmlNodePtr */
                                                      gint64       case_id,
                                                      const char  *what,
                                                      GError     **error);

G_END_DECLS
