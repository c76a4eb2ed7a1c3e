/* enlace-faulty-xml.c: cables and ports marked faulty in the project's XML
 * exchange.  See enlace-faulty-xml.h and data/enlace.rng. */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-faulty-xml.h"
#include "enlace-faulty.h"
#include "enlace-xml.h"

typedef struct
{
  gboolean  cable;
  gint64    id;
  char     *folio;
  char     *at;
  char     *note;
  char     *label;   /* the cable's */
} Mark;

static void
mark_free (gpointer data)
{
  Mark *m = data;

  g_free (m->folio);
  g_free (m->at);
  g_free (m->note);
  g_free (m->label);
  g_free (m);
}

static gboolean
write_failed (GError **error)
{
  if (error && *error)
    return FALSE;
  g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED, _("Cannot write the faulty marks to XML"));
  return FALSE;
}

/* A port a cable ends on, by its key; NULL when none has one. */
static char *
cable_end_key (EnlaceStore      *store,
               EnlaceXmlKeyFunc  key_func,
               gpointer          data,
               gint64            cable_id)
{
  g_autoptr(GArray) ports = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = enlace_store_prepare (store,
                                             "SELECT port_id FROM cable_end WHERE cable_id = ?1 AND port_id IS NOT NULL "
                                             "ORDER BY end, seq, id",
                                             NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cable_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ports, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ports->len; i++)
    {
      const char *k = key_func (data, "port", g_array_index (ports, gint64, i));
      if (k != NULL && *k != '\0')
        return g_strdup (k);
      {
        char *owned = enlace_store_dup_key (store, "port", g_array_index (ports, gint64, i));
        if (owned != NULL && *owned != '\0')
          return owned;
        g_free (owned);
      }
    }
  return NULL;
}

gboolean
enlace_faulty_xml_export (EnlaceStore       *store,
                          xmlTextWriterPtr   w,
                          EnlaceXmlKeyFunc   key_func,
                          gpointer           data,
                          GError           **error)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (mark_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (key_func != NULL, FALSE);

  /* rows first: the keys run queries */
  stmt = enlace_store_prepare (store,
                               "SELECT m.cable_id, m.port_id, c.folio, m.marked_at, m.note, cb.label "
                               "FROM faulty_mark m LEFT JOIN case_file c ON c.id = m.case_id "
                               "LEFT JOIN cable cb ON cb.id = m.cable_id ORDER BY m.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Mark *m = g_new0 (Mark, 1);

      m->cable = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
      m->id = sqlite3_column_int64 (stmt, m->cable ? 0 : 1);
      m->folio = enlace_cases_dup_column (stmt, 2);
      m->at = enlace_cases_dup_column (stmt, 3);
      m->note = enlace_cases_dup_column (stmt, 4);
      m->label = enlace_cases_dup_column (stmt, 5);
      g_ptr_array_add (marks, m);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *m = g_ptr_array_index (marks, i);
      g_autofree char *port_key = NULL;
      const char *key = m->label;
      g_autofree char *end = NULL;

      if (!m->cable)
        {
          key = key_func (data, "port", m->id);
          if (key == NULL)
            key = port_key = enlace_store_dup_key (store, "port", m->id);
        }

      if (key == NULL || *key == '\0')
        {
          key = NULL;
          if (m->cable)
            end = cable_end_key (store, key_func, data, m->id);
          if (end == NULL)
            continue; /* nothing names it in the file */
        }
      if (xmlTextWriterStartElement (w, BAD_CAST "faulty-mark") < 0 ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "kind", BAD_CAST (m->cable ? "cable" : "port")) < 0 ||
          (key && xmlTextWriterWriteAttribute (w, BAD_CAST "key", BAD_CAST key) < 0) ||
          (end && xmlTextWriterWriteAttribute (w, BAD_CAST "end", BAD_CAST end) < 0) ||
          (m->folio && xmlTextWriterWriteAttribute (w, BAD_CAST "case", BAD_CAST m->folio) < 0) ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "at", BAD_CAST (m->at ? m->at : "")) < 0 ||
          (m->note && xmlTextWriterWriteElement (w, BAD_CAST "note", BAD_CAST m->note) < 0) ||
          xmlTextWriterEndElement (w) < 0)
        return write_failed (error);
    }
  return TRUE;
}

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  return enlace_cases_xml_prop (node, name);
}

gboolean
enlace_faulty_xml_import (EnlaceStore       *store,
                          xmlNodePtr         node,
                          EnlaceXmlIdFunc    id_func,
                          gpointer           data,
                          GHashTable        *folios,
                          GError           **error)
{
  g_autofree char *kind = prop (node, "kind");
  g_autofree char *key = prop (node, "key");
  g_autofree char *end = prop (node, "end");
  g_autofree char *folio = prop (node, "case");
  g_autofree char *at = prop (node, "at");
  g_autofree char *note = enlace_cases_xml_child_text (node, "note");
  gboolean cable = g_strcmp0 (kind, "cable") == 0;
  gpointer case_id = NULL;
  gint64 id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (key != NULL)
    {
      const char *k = NULL;

      id = id_func ? id_func (data, cable ? "cable" : "port", key) : 0;
      if (id <= 0 && !enlace_faulty_resolve (store, cable ? "cable" : "port", key, &k, &id, NULL))
        id = 0;
      if (id <= 0)
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                       cable ? _("faulty mark: no cable “%s” in the file")
                             : _("faulty mark: no port “%s” in the file"), key);
          return FALSE;
        }
    }
  else if (cable && end != NULL)
    {
      gint64 port = id_func ? id_func (data, "port", end) : 0;
      const char *k = NULL;

      if (port <= 0 && !enlace_faulty_resolve (store, "port", end, &k, &port, NULL))
        port = 0;

      if (port > 0)
        {
          stmt = enlace_store_prepare (store, "SELECT cable_id FROM cable_end WHERE port_id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, port);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
      if (id <= 0)
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                       _("faulty mark: no cable ends on port “%s” in the file"), end);
          return FALSE;
        }
    }
  else
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID,
                   "%s", cable ? _("faulty mark: it names no cable (attribute key or end)")
                               : _("faulty mark: it names no port (attribute key)"));
      return FALSE;
    }
  if (folio != NULL && !g_hash_table_lookup_extended (folios, folio, NULL, &case_id))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                   _("faulty mark of %s: no case “%s” in the file"), key ? key : end, folio);
      return FALSE;
    }

  stmt = enlace_store_prepare (store,
                               "INSERT INTO faulty_mark (cable_id, port_id, case_id, marked_at, note) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, cable ? 1 : 2, id);
  if (case_id != NULL)
    sqlite3_bind_int64 (stmt, 3, (gint64) GPOINTER_TO_SIZE (case_id));
  sqlite3_bind_text (stmt, 4, at ? at : "", -1, SQLITE_TRANSIENT);
  if (note != NULL)
    sqlite3_bind_text (stmt, 5, note, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      /* the one constraint a mark can break: one mark a cable or port
       * (SQLite's own message is English) */
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_DUPLICATE,
                   cable ? _("faulty mark of cable %s: the cable is marked faulty twice in the file")
                         : _("faulty mark of port %s: the port is marked faulty twice in the file"),
                   key ? key : end);
      g_debug ("faulty mark: %s", sqlite3_errmsg (enlace_store_get_db (store)));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}
