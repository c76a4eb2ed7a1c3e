/* enlace-xml-export.c: write a whole project as XML
 *
 * Export walks the XML kinds (the kinds of the registry that have an
 * element) in document order and writes one element per object, its
 * fields as attributes, references as readable keys (id → key maps built
 * as the kinds are written).  The kinds nested in another are written
 * inside each of its elements.  Link rows without a kind of their own are
 * written inside the element of the object they belong to, naming the
 * other side by key: cable ends, an extension's status history, the
 * cables laid along a pathway.  The areas that own tables without a kind
 * write their elements after the floor plans: the cases
 * (enlace-cases-xml.h), the cabling rules (enlace-rules-xml.h), the label
 * templates, prices and tests of runs (enlace-bom-xml.h).
 */
#define G_LOG_DOMAIN "enlace-xml"
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "enlace-json-bounds.h"
#include "enlace-bom-xml.h"
#include "enlace-cases-xml.h"
#include "enlace-rules-xml.h"
#include "enlace-xml-private.h"

typedef struct
{
  EnlaceStore      *store;
  xmlTextWriterPtr  w;
  GOutputStream    *stream;
  GCancellable     *cancellable;
  GError           *io_error;
  /* id → key for the kinds others refer to */
  GHashTable      **keys;
  /* people whose key is not their name */
  GHashTable       *person_key_attr;
  GString          *buf;
} Export;

static int
export_write_cb (void       *data,
                 const char *buffer,
                 int         len)
{
  Export *ex = data;

  if (ex->io_error != NULL)
    return -1;
  if (!g_output_stream_write_all (ex->stream, buffer, len, NULL, ex->cancellable, &ex->io_error))
    return -1;
  return len;
}

static int
export_close_cb (void *data)
{
  return 0;
}

void
enlace_xml_format_real (double  value,
                        char   *buf,
                        gsize   len)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, len, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

gboolean
enlace_xml_text_is_safe (const char *s)
{
  const guchar *p;

  if (!g_utf8_validate (s, -1, NULL))
    return FALSE;
  for (p = (const guchar *) s; *p; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
      /* U+FFFE and U+FFFF */
      if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_attr (Export      *ex,
            const char  *element,
            const char  *key,
            const char  *name,
            const char  *value,
            GError     **error)
{
  if (!enlace_xml_text_is_safe (value))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                   _("Cannot export %s %s: attribute %s holds characters that XML cannot carry"),
                   element, key ? key : "", name);
      return FALSE;
    }
  if (xmlTextWriterWriteAttribute (ex->w, BAD_CAST name, BAD_CAST value) < 0)
    goto failed;
  return TRUE;

failed:
  if (ex->io_error != NULL)
    g_propagate_error (error, g_steal_pointer (&ex->io_error));
  else
    g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED, _("Could not write the XML"));
  return FALSE;
}

static gboolean
writer_failed (Export  *ex,
               GError **error)
{
  if (ex->io_error != NULL)
    g_propagate_error (error, g_steal_pointer (&ex->io_error));
  else
    g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED, _("Could not write the XML"));
  return FALSE;
}

static const char *
id_key (Export *ex,
        int     xk,
        gint64  id)
{
  return g_hash_table_lookup (ex->keys[xk], &id);
}

static void
remember_key (Export *ex,
              int     xk,
              gint64  id,
              char   *key)
{
  gint64 *k = g_new (gint64, 1);

  *k = id;
  g_hash_table_replace (ex->keys[xk], k, key);
}

/* The readable key of the row @stmt (columns: id, fields...) */
static char *
row_key (Export       *ex,
         int           xk,
         sqlite3_stmt *stmt,
         const char   *parent_key)
{
  const XKind *x = &enlace_xml_kinds[xk];
#define COL_TEXT(field) ((const char *) sqlite3_column_text (stmt, 1 + enlace_xml_field_index (x, field)))
#define COL_INT(field) ((gint64) sqlite3_column_int64 (stmt, 1 + enlace_xml_field_index (x, field)))

  switch (xk)
    {
    case XK_SITE:
    case XK_BUILDING:
    case XK_AREA:
      return g_strdup (COL_TEXT ("code"));
    case XK_FLOOR:
      {
        const char *b = id_key (ex, XK_BUILDING, COL_INT ("building_id"));
        return g_strdup_printf ("%s/%" G_GINT64_FORMAT, b ? b : "?", COL_INT ("level"));
      }
    case XK_SPACE:
      {
        const char *f = id_key (ex, XK_FLOOR, COL_INT ("floor_id"));
        return g_strdup_printf ("%s/%s", f ? f : "?", COL_TEXT ("code"));
      }
    case XK_RACK:
    case XK_DEVICE:
      return g_strdup (COL_TEXT ("name"));
    case XK_DEVICE_TYPE:
      return g_strdup_printf ("%s/%s", COL_TEXT ("manufacturer"), COL_TEXT ("model"));
    case XK_PORT:
      {
        const char *d = id_key (ex, XK_DEVICE, COL_INT ("device_id"));
        return g_strdup_printf ("%s:%s", d ? d : "?", COL_TEXT ("name"));
      }
    case XK_CIRCUIT:
      return g_strdup (COL_TEXT ("cid"));
    case XK_CIRCUIT_TERMINATION:
      return g_strdup_printf ("%s:%s", parent_key, COL_TEXT ("side"));
    case XK_CABLE:
      return g_strdup (COL_TEXT ("label"));
    case XK_EXTENSION:
      return g_strdup (COL_TEXT ("number"));
    case XK_PERSON:
      return g_strdup (id_key (ex, XK_PERSON, sqlite3_column_int64 (stmt, 0)));
    default:
      return NULL;
    }
#undef COL_TEXT
#undef COL_INT
}

static gboolean export_kind (Export *ex, int xk, gint64 parent_id, const char *parent_key, GError **error);

static gboolean
export_cable_ends (Export     *ex,
                   gint64      cable_id,
                   const char *cable_key,
                   GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = enlace_store_prepare (ex->store,
                               "SELECT e.end, e.port_id, e.termination_id FROM cable_end e "
                               "WHERE e.cable_id = ?1 ORDER BY e.end, e.seq, e.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cable_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *end = (const char *) sqlite3_column_text (stmt, 0);
      gboolean is_port = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      gint64 term = sqlite3_column_int64 (stmt, is_port ? 1 : 2);
      const char *key = id_key (ex, is_port ? XK_PORT : XK_CIRCUIT_TERMINATION, term);

      if (key == NULL)
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                       _("Cannot export cable %s: an end refers to a missing %s"),
                       cable_key ? cable_key : "", is_port ? "port" : "circuit termination");
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (xmlTextWriterStartElement (ex->w, BAD_CAST (g_ascii_strcasecmp (end, "A") == 0 ? "a" : "b")) < 0 ||
          !write_attr (ex, "cable", cable_key, is_port ? "port" : "circuit", key, error) ||
          xmlTextWriterEndElement (ex->w) < 0)
        {
          sqlite3_reset (stmt);
          return error && *error ? FALSE : writer_failed (ex, error);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (ex->store, error, "cable_end");
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_status_history (Export     *ex,
                       gint64      extension_id,
                       const char *key,
                       GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = enlace_store_prepare (ex->store,
                               "SELECT at, status, reason FROM extension_status "
                               "WHERE extension_id = ?1 ORDER BY at, id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, extension_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      static const char *names[] = { "at", "status", "reason" };

      if (xmlTextWriterStartElement (ex->w, BAD_CAST "status-change") < 0)
        goto failed;
      for (int c = 0; c < 3; c++)
        if (sqlite3_column_type (stmt, c) != SQLITE_NULL &&
            !write_attr (ex, "extension", key, names[c], (const char *) sqlite3_column_text (stmt, c), error))
          goto failed;
      if (xmlTextWriterEndElement (ex->w) < 0)
        goto failed;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (ex->store, error, "extension_status");
      return FALSE;
    }
  return TRUE;

failed:
  sqlite3_reset (stmt);
  return error && *error ? FALSE : writer_failed (ex, error);
}

/* <laid-cable cable="LABEL"/> for each cable laid along the pathway (the
 * routing of the design fills pathway_cable; the fill rules read it); a
 * cable without a label is named by the first port or circuit
 * termination it ends on.  In the order of the cables in the file. */
static gboolean
export_laid_cables (Export  *ex,
                    gint64   pathway_id,
                    GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = enlace_store_prepare (ex->store,
                               "SELECT c.id, c.label FROM pathway_cable pc JOIN cable c ON c.id = pc.cable_id "
                               "WHERE pc.pathway_id = ?1 ORDER BY c.label IS NULL, c.label, c.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pathway_id);
  /* read first: naming a cable without a label runs another query */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (labels, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (ex->store, error, "pathway_cable");
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 cable_id = g_array_index (ids, gint64, i);
      const char *label = g_ptr_array_index (labels, i);
      const char *attr = "cable", *key = label;

      if (label == NULL || *label == '\0')
        {
          key = NULL;
          stmt = enlace_store_prepare (ex->store,
                                       "SELECT port_id, termination_id FROM cable_end WHERE cable_id = ?1 "
                                       "ORDER BY \"end\", seq, id LIMIT 1",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, cable_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              gboolean is_port = sqlite3_column_type (stmt, 0) != SQLITE_NULL;

              attr = is_port ? "port" : "circuit";
              key = id_key (ex, is_port ? XK_PORT : XK_CIRCUIT_TERMINATION,
                            sqlite3_column_int64 (stmt, is_port ? 0 : 1));
            }
          sqlite3_reset (stmt);
          if (key == NULL)
            continue;  /* a cable with no end: nothing names it in the file */
        }
      if (xmlTextWriterStartElement (ex->w, BAD_CAST "laid-cable") < 0 ||
          !write_attr (ex, "pathway", NULL, attr, key, error) ||
          xmlTextWriterEndElement (ex->w) < 0)
        return error && *error ? FALSE : writer_failed (ex, error);
    }
  return TRUE;
}

static gboolean
export_row (Export       *ex,
            int           xk,
            sqlite3_stmt *stmt,
            const char   *parent_key,
            GError      **error)
{
  const XKind *x = &enlace_xml_kinds[xk];
  const EnlaceKind *kind = x->kind;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autofree char *key = row_key (ex, xk, stmt, parent_key);
  const char *device_key = NULL;

  if (xmlTextWriterStartElement (ex->w, BAD_CAST x->element) < 0)
    return writer_failed (ex, error);

  if (xk == XK_PERSON)
    {
      const char *person_key = g_hash_table_lookup (ex->person_key_attr, &id);

      if (person_key != NULL && !write_attr (ex, x->kind_name, key, "key", person_key, error))
        return FALSE;
    }
  if (xk == XK_PORT_MAPPING)
    device_key = id_key (ex, XK_DEVICE, sqlite3_column_int64 (stmt, 1 + enlace_xml_field_index (x, "device_id")));

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const EnlaceField *field = &kind->fields[f];
      int col = 1 + f;
      char num[G_ASCII_DTOSTR_BUF_SIZE];
      const char *value = NULL;

      if (x->attrs[f] == NULL || sqlite3_column_type (stmt, col) == SQLITE_NULL)
        continue;

      switch (field->type)
        {
        case ENLACE_FIELD_TEXT:
        case ENLACE_FIELD_CHOICE:
          value = (const char *) sqlite3_column_text (stmt, col);
          break;
        case ENLACE_FIELD_POLYGON:
        case ENLACE_FIELD_POLYLINE:
          {
            g_autoptr(GError) why = NULL;

            value = (const char *) sqlite3_column_text (stmt, col);
            /* The import refuses it: do not write a file it cannot read. */
            if (!enlace_json_within_bounds (value, -1, &why))
              {
                g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                             _("Cannot export %s %s: its %s: %s"),
                             x->kind_name, key ? key : "", x->attrs[f], why->message);
                return FALSE;
              }
          }
          break;
        case ENLACE_FIELD_INT:
          g_snprintf (num, sizeof num, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, col));
          value = num;
          break;
        case ENLACE_FIELD_REAL:
          enlace_xml_format_real (sqlite3_column_double (stmt, col), num, sizeof num);
          value = num;
          break;
        case ENLACE_FIELD_BOOL:
          value = sqlite3_column_int64 (stmt, col) ? "true" : "false";
          break;
        case ENLACE_FIELD_REF:
          {
            gint64 ref = sqlite3_column_int64 (stmt, col);

            value = id_key (ex, x->ref_xk[f], ref);
            if (value == NULL)
              {
                g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                             _("Cannot export %s %s: %s refers to a missing %s (#%lld)"),
                             x->kind_name, key ? key : "", x->attrs[f], field->ref_kind, (long long) ref);
                return FALSE;
              }
            /* a port mapping names ports of its own device */
            if (xk == XK_PORT_MAPPING && x->ref_xk[f] == XK_PORT && device_key != NULL)
              {
                gsize dl = strlen (device_key);

                if (strncmp (value, device_key, dl) == 0 && value[dl] == ':')
                  value += dl + 1;
              }
          }
          break;
        default:
          g_assert_not_reached ();
        }

      if (!write_attr (ex, x->kind_name, key, x->attrs[f], value, error))
        return FALSE;
    }

  /* children: the kinds nested in this one, then cable ends, status history */
  for (int c = xk + 1; c < enlace_xml_n_kinds; c++)
    if (enlace_xml_kinds[c].parent == xk && !export_kind (ex, c, id, key, error))
      return FALSE;
  if (xk == XK_CABLE && !export_cable_ends (ex, id, key, error))
    return FALSE;
  if (xk == XK_EXTENSION && !export_status_history (ex, id, key, error))
    return FALSE;
  if (xk == XK_PATHWAY && !export_laid_cables (ex, id, error))
    return FALSE;

  if (xmlTextWriterEndElement (ex->w) < 0)
    return writer_failed (ex, error);

  if (ex->keys[xk] != NULL && xk != XK_PERSON && xk != XK_AREA && key != NULL)
    remember_key (ex, xk, id, g_steal_pointer (&key));

  return TRUE;
}

static gboolean
export_kind (Export      *ex,
             int          xk,
             gint64       parent_id,
             const char  *parent_key,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;
  guint n = 0;

  stmt = enlace_store_prepare (ex->store, enlace_xml_kinds[xk].select, error);
  if (stmt == NULL)
    return FALSE;
  if (enlace_xml_kinds[xk].parent >= 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!export_row (ex, xk, stmt, parent_key, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (++n % 4096 == 0 && g_cancellable_set_error_if_cancelled (ex->cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (ex->store, error, enlace_xml_kinds[xk].kind_name);
      return FALSE;
    }
  return TRUE;
}

/* Keys of areas (referred to by areas, before they are all written) and
 * of people (a name shared by several people gets "NAME (2)" etc.). */
static gboolean
prepare_keys (Export  *ex,
              GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GHashTable) name_count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  stmt = enlace_store_prepare (ex->store, "SELECT id, code FROM area", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    remember_key (ex, XK_AREA, sqlite3_column_int64 (stmt, 0),
                  g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (ex->store, error, "area");
      return FALSE;
    }

  stmt = enlace_store_prepare (ex->store, "SELECT id, name FROM person ORDER BY name, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (name_count, name));

      g_hash_table_replace (name_count, g_strdup (name), GUINT_TO_POINTER (count + 1));
      g_hash_table_add (taken, g_strdup (name));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (ex->store, error, "person");
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (GPOINTER_TO_UINT (g_hash_table_lookup (name_count, name)) <= 1)
        {
          remember_key (ex, XK_PERSON, id, g_strdup (name));
        }
      else
        {
          guint k = GPOINTER_TO_UINT (g_hash_table_lookup (seen, name));
          char *key;
          gint64 *kid;

          do
            key = g_strdup_printf ("%s (%u)", name, ++k);
          while (g_hash_table_contains (taken, key) && (g_free (key), TRUE));
          g_hash_table_replace (seen, g_strdup (name), GUINT_TO_POINTER (k));
          g_hash_table_add (taken, g_strdup (key));
          kid = g_new (gint64, 1);
          *kid = id;
          g_hash_table_replace (ex->person_key_attr, kid, g_strdup (key));
          remember_key (ex, XK_PERSON, id, key);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (ex->store, error, "person");
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_meta (Export  *ex,
             GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = enlace_store_prepare (ex->store, "SELECT key, value FROM meta ORDER BY key", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      if (xmlTextWriterStartElement (ex->w, BAD_CAST "meta") < 0)
        goto failed;
      if (!write_attr (ex, "meta", key, "key", key, error))
        goto failed;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL &&
          !write_attr (ex, "meta", key, "value", (const char *) sqlite3_column_text (stmt, 1), error))
        goto failed;
      if (xmlTextWriterEndElement (ex->w) < 0)
        goto failed;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (ex->store, error, "meta");
      return FALSE;
    }
  return TRUE;

failed:
  sqlite3_reset (stmt);
  return error && *error ? FALSE : writer_failed (ex, error);
}

/* <attachment id="3" sha256="…" mime="image/png" name="plano.png">BASE64</attachment>:
 * the plans under the floor plans and the logo */
static gboolean
export_attachments (Export  *ex,
                    GError **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (ex->store,
                                             "SELECT id, sha256, mime, name, data FROM attachment "
                                             "WHERE id IN (SELECT attachment_id FROM floor_plan) "
                                             /* the logo (meta "logo" = "attachment:ID") */
                                             "OR id IN (SELECT CAST(substr(value, 12) AS INTEGER) FROM meta "
                                             "WHERE key = 'logo' AND value LIKE 'attachment:%') ORDER BY id",
                                             error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *b64 = g_base64_encode (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4));

      if (xmlTextWriterStartElement (ex->w, BAD_CAST "attachment") < 0 ||
          xmlTextWriterWriteFormatAttribute (ex->w, BAD_CAST "id", "%" G_GINT64_FORMAT,
                                             (gint64) sqlite3_column_int64 (stmt, 0)) < 0 ||
          xmlTextWriterWriteAttribute (ex->w, BAD_CAST "sha256", sqlite3_column_text (stmt, 1)) < 0 ||
          xmlTextWriterWriteAttribute (ex->w, BAD_CAST "mime", sqlite3_column_text (stmt, 2)) < 0 ||
          (sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
           enlace_xml_text_is_safe ((const char *) sqlite3_column_text (stmt, 3)) &&
           xmlTextWriterWriteAttribute (ex->w, BAD_CAST "name", sqlite3_column_text (stmt, 3)) < 0) ||
          xmlTextWriterWriteString (ex->w, BAD_CAST b64) < 0 ||
          xmlTextWriterEndElement (ex->w) < 0)
        {
          sqlite3_reset (stmt);
          return writer_failed (ex, error);
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The top-level kinds in document order, those written before the
 * attachments (@after_attachments FALSE) or after them. */
static gboolean
export_top_kinds (Export    *ex,
                  gboolean   after_attachments,
                  GError   **error)
{
  for (int i = 0; i < enlace_xml_n_kinds; i++)
    {
      const XKind *x = &enlace_xml_kinds[i];

      if (x->parent < 0 && x->kind->xml.after_attachments == after_attachments &&
          !export_kind (ex, i, 0, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Keys for the cases' references (enlace-cases-xml.c). */
static const char *
export_key_cb (gpointer    data,
               const char *kind,
               gint64      id)
{
  Export *ex = data;
  int xk = enlace_xml_kind_by_name (kind);

  if (xk < 0 || ex->keys[xk] == NULL)
    return NULL;
  return id_key (ex, xk, id);
}

static gboolean
export_document (Export  *ex,
                 GError **error)
{
  if (xmlTextWriterSetIndent (ex->w, 1) < 0 ||
      xmlTextWriterSetIndentString (ex->w, BAD_CAST "  ") < 0 ||
      xmlTextWriterStartDocument (ex->w, "1.0", "UTF-8", NULL) < 0 ||
      xmlTextWriterStartElement (ex->w, BAD_CAST "enlace") < 0 ||
      xmlTextWriterWriteFormatAttribute (ex->w, BAD_CAST "version", "%d", ENLACE_XML_FORMAT_VERSION) < 0)
    return writer_failed (ex, error);

  if (!prepare_keys (ex, error) || !export_meta (ex, error))
    return FALSE;

  if (!export_top_kinds (ex, FALSE, error))
    return FALSE;
  /* Floor plans: the architect's plans first (the plans refer to them by
   * id), then the plans, walls and pathways of each floor. */
  if (!export_attachments (ex, error))
    return FALSE;
  if (!export_top_kinds (ex, TRUE, error))
    return FALSE;
  /* Procedures, e-mail accounts and cases (model/cases). */
  if (!enlace_cases_xml_export (ex->store, ex->w, export_key_cb, ex, error))
    return FALSE;
  /* The design's settings and results: cabling rules (model/rules), label
   * templates, prices and tests of runs (model/bom). */
  if (!enlace_rules_xml_export (ex->store, ex->w, error) ||
      !enlace_bom_xml_export (ex->store, ex->w, export_key_cb, ex, error))
    return FALSE;

  if (xmlTextWriterEndElement (ex->w) < 0 ||
      xmlTextWriterEndDocument (ex->w) < 0 ||
      xmlTextWriterFlush (ex->w) < 0)
    return writer_failed (ex, error);
  return TRUE;
}

gboolean
enlace_xml_export_to_stream (EnlaceStore    *store,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error)
{
  Export ex = { 0 };
  xmlOutputBufferPtr out;
  gboolean ok;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  enlace_xml_ensure_init ();

  ex.store = store;
  ex.stream = stream;
  ex.cancellable = cancellable;
  /* the kinds that others refer to */
  ex.keys = g_new0 (GHashTable *, enlace_xml_n_kinds);
  for (int i = 0; i < enlace_xml_n_kinds; i++)
    if (i <= XK_DEVICE_TYPE || i == XK_DEVICE || i == XK_PORT || i == XK_CIRCUIT_TERMINATION)
      ex.keys[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ex.person_key_attr = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  out = xmlOutputBufferCreateIO (export_write_cb, export_close_cb, &ex, NULL);
  ex.w = xmlNewTextWriter (out);

  /* one read transaction, so that the file is a consistent snapshot */
  ok = enlace_store_exec (store, "SAVEPOINT enlace_xml_export", &local_error);
  if (ok)
    {
      ok = export_document (&ex, &local_error);
      enlace_store_exec (store, "RELEASE enlace_xml_export", NULL);
    }

  xmlFreeTextWriter (ex.w);
  for (int i = 0; i < enlace_xml_n_kinds; i++)
    g_clear_pointer (&ex.keys[i], g_hash_table_unref);
  g_free (ex.keys);
  g_hash_table_unref (ex.person_key_attr);

  if (ok && ex.io_error != NULL)
    {
      ok = FALSE;
      local_error = g_steal_pointer (&ex.io_error);
    }
  g_clear_error (&ex.io_error);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
enlace_xml_export (EnlaceStore  *store,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GCancellable) abort_write = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                   _("Cannot write %s: %s"), path, local_error->message);
      return FALSE;
    }
  if (!enlace_xml_export_to_stream (store, G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      /* closing a cancelled replace stream leaves the old file in place */
      abort_write = g_cancellable_new ();
      g_cancellable_cancel (abort_write);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort_write, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                   _("Cannot write %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
enlace_xml_export_to_memory (EnlaceStore  *store,
                             char        **out,
                             gsize        *len,
                             GError      **error)
{
  g_autoptr(GOutputStream) stream = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  stream = g_memory_output_stream_new_resizable ();
  if (!enlace_xml_export_to_stream (store, stream, NULL, error) ||
      !g_output_stream_write_all (stream, "", 1, NULL, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;
  if (len != NULL)
    *len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)) - 1;
  *out = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
  return TRUE;
}

