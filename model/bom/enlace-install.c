/* enlace-install.c: from a design to its installation (see
 * enlace-install.h) */
#define G_LOG_DOMAIN "enlace-bom"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-bom-private.h"
#include "enlace-cases.h"
#include "enlace-device-type-adopt.h"
#include "enlace-install.h"
#include "enlace-orders.h"
#include "enlace-store-private.h"

void
enlace_cable_test_free (EnlaceCableTest *self)
{
  if (self == NULL)
    return;
  g_free (self->tested_at);
  g_free (self->source);
  g_free (self);
}

void
enlace_certify_report_free (EnlaceCertifyReport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->unmatched);
  g_free (self);
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_text (JsonObject *o,
          const char *name,
          const char *value)
{
  if (value && *value)
    json_object_set_string_member (o, name, value);
}

static void
set_number (JsonObject   *o,
            const char   *name,
            sqlite3_stmt *st,
            int           col)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (sqlite3_column_type (st, col) == SQLITE_NULL)
    return;
  json_object_set_string_member (o, name, g_ascii_formatd (buf, sizeof buf, "%g", sqlite3_column_double (st, col)));
}

/* ------------------------------------------------------------ to an order */

typedef struct
{
  gint64      id;
  char       *kind;     /* change kind */
  char       *target;
  JsonObject *values;
} Pending;

static void
pending_free (Pending *p)
{
  g_free (p->kind);
  g_free (p->target);
  json_object_unref (p->values);
  g_free (p);
}

gint64
enlace_install_floor_order (EnlaceStore  *store,
                            const char   *building,
                            const char   *level,
                            JsonObject   *values,
                            guint        *n_changes,
                            GError      **error)
{
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  g_autoptr(GPtrArray) cables = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  g_autoptr(GArray) untyped = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonObject) case_values = NULL;
  g_autofree char *floor_key = NULL;
  sqlite3_stmt *st;
  gint64 floor_id = 0, case_id;
  guint n = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (building != NULL && level != NULL, 0);

  floor_key = g_strdup_printf ("%s/%s", building, level);
  st = enlace_store_prepare (store,
                             "SELECT f.id FROM floor f JOIN building b ON b.id = f.building_id "
                             "WHERE b.code = ?1 AND f.level = ?2", error);
  if (st == NULL)
    return 0;
  sqlite3_bind_text (st, 1, building, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (st, 2, g_ascii_strtoll (level, NULL, 10));
  if (sqlite3_step (st) == SQLITE_ROW)
    floor_id = sqlite3_column_int64 (st, 0);
  sqlite3_reset (st);
  if (floor_id == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no floor %s"), floor_key);
      return 0;
    }

  if (!enlace_store_begin (store, _("Send a floor's design to installation"), error))
    return 0;

  /* a planned device made port by port (an older project's design
   * outlets and panels) gets a type of its ports first, so that the
   * order can make it again */
  st = enlace_store_prepare (store,
                             "SELECT d.id FROM device d LEFT JOIN rack r ON r.id = d.rack_id "
                             "JOIN space s ON s.id = coalesce(r.space_id, d.space_id) "
                             "WHERE d.status = 'planned' AND s.floor_id = ?1 AND d.device_type_id IS NULL "
                             "AND EXISTS (SELECT 1 FROM port p WHERE p.device_id = d.id) ORDER BY d.id", error);
  if (st == NULL)
    goto fail;
  sqlite3_bind_int64 (st, 1, floor_id);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);

      g_array_append_val (untyped, id);
    }
  sqlite3_reset (st);
  for (guint i = 0; i < untyped->len; i++)
    if (enlace_device_adopt_type (store, g_array_index (untyped, gint64, i), error) == 0)
      goto fail;

  /* A run recorded installed (its test recorded) whose outlet or panel is
   * still planned: the order makes the planned devices again, which would
   * take the run and its test away with them.  Refused, naming it. */
  st = enlace_store_prepare (store,
                             "SELECT c.label, d.name FROM cable c JOIN cable_end e ON e.cable_id = c.id "
                             "JOIN port p ON p.id = e.port_id JOIN device d ON d.id = p.device_id "
                             "LEFT JOIN rack r ON r.id = d.rack_id "
                             "JOIN space s ON s.id = coalesce(r.space_id, d.space_id) "
                             "WHERE d.status = 'planned' AND s.floor_id = ?1 AND c.status <> 'planned' "
                             "ORDER BY c.label LIMIT 1", error);
  if (st == NULL)
    goto fail;
  sqlite3_bind_int64 (st, 1, floor_id);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Run %s is installed already (its test was recorded) while %s, at one of its ends, "
                     "is still planned: an order for floor %s would make %s again and lose the run and its test. "
                     "Record the floor's other runs one by one instead (Record a Test… on each run's page)"),
                   (const char *)sqlite3_column_text (st, 0), (const char *)sqlite3_column_text (st, 1),
                   floor_key, (const char *)sqlite3_column_text (st, 1));
      sqlite3_reset (st);
      goto fail;
    }
  sqlite3_reset (st);

  /* the planned devices of the floor */
  st = enlace_store_prepare (store,
                             "SELECT d.id, d.name, d.role, t.manufacturer || '/' || t.model, r.name, d.u_position, "
                             " d.face, b.code || '/' || f.level || '/' || s.code, d.x, d.y, d.serial, "
                             " (SELECT count(*) FROM port p WHERE p.device_id = d.id) "
                             "FROM device d LEFT JOIN device_type t ON t.id = d.device_type_id "
                             "LEFT JOIN rack r ON r.id = d.rack_id "
                             "JOIN space s ON s.id = coalesce(r.space_id, d.space_id) "
                             "JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id "
                             "WHERE d.status = 'planned' AND f.id = ?1 ORDER BY d.role <> 'patch-panel', d.name", error);
  if (st == NULL)
    goto fail;
  sqlite3_bind_int64 (st, 1, floor_id);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      Pending *p = g_new0 (Pending, 1);
      const char *role = (const char *)sqlite3_column_text (st, 2);
      gboolean outlet = g_strcmp0 (role, "outlet") == 0;

      p->id = sqlite3_column_int64 (st, 0);
      p->target = g_strdup ((const char *)sqlite3_column_text (st, 1));
      p->kind = g_strdup (outlet ? "add-outlet" : "add-device");
      p->values = json_object_new ();
      g_ptr_array_add (devices, p);
      if (sqlite3_column_type (st, 3) == SQLITE_NULL && sqlite3_column_int (st, 11) > 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Planned device %s has ports but no device type: an order could not make them again"),
                       p->target);
          sqlite3_reset (st);
          goto fail;
        }
      set_text (p->values, "type", (const char *)sqlite3_column_text (st, 3));
      set_text (p->values, "space", (const char *)sqlite3_column_text (st, 7));
      set_number (p->values, "x", st, 8);
      set_number (p->values, "y", st, 9);
      if (!outlet)
        {
          set_text (p->values, "role", role);
          if (sqlite3_column_type (st, 4) != SQLITE_NULL)
            {
              json_object_remove_member (p->values, "space");
              json_object_remove_member (p->values, "x");
              json_object_remove_member (p->values, "y");
              set_text (p->values, "rack", (const char *)sqlite3_column_text (st, 4));
              set_number (p->values, "u", st, 5);
              set_text (p->values, "face", (const char *)sqlite3_column_text (st, 6));
            }
          set_text (p->values, "serial", (const char *)sqlite3_column_text (st, 10));
          json_object_set_string_member (p->values, "status", "active");
        }
    }
  sqlite3_reset (st);

  /* the planned cables with an end on the floor */
  st = enlace_store_prepare (store,
                             "SELECT c.id, c.label, c.kind, c.type, c.length_m, c.color, "
                             " (SELECT group_concat(d.name || ':' || p.name, ',') FROM cable_end e "
                             "   JOIN port p ON p.id = e.port_id JOIN device d ON d.id = p.device_id "
                             "   WHERE e.cable_id = c.id AND e.end = 'A'), "
                             " (SELECT group_concat(d.name || ':' || p.name, ',') FROM cable_end e "
                             "   JOIN port p ON p.id = e.port_id JOIN device d ON d.id = p.device_id "
                             "   WHERE e.cable_id = c.id AND e.end = 'B') "
                             "FROM cable c WHERE c.status = 'planned' AND EXISTS ("
                             " SELECT 1 FROM cable_end e JOIN port p ON p.id = e.port_id "
                             " JOIN device d ON d.id = p.device_id LEFT JOIN rack r ON r.id = d.rack_id "
                             " JOIN space s ON s.id = coalesce(r.space_id, d.space_id) "
                             " WHERE e.cable_id = c.id AND s.floor_id = ?1) ORDER BY c.label", error);
  if (st == NULL)
    goto fail;
  sqlite3_bind_int64 (st, 1, floor_id);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      Pending *p = g_new0 (Pending, 1);

      p->id = sqlite3_column_int64 (st, 0);
      p->target = g_strdup ((const char *)sqlite3_column_text (st, 1));
      p->kind = g_strdup ("connect");
      p->values = json_object_new ();
      set_text (p->values, "a", (const char *)sqlite3_column_text (st, 6));
      set_text (p->values, "b", (const char *)sqlite3_column_text (st, 7));
      set_text (p->values, "kind", (const char *)sqlite3_column_text (st, 2));
      set_text (p->values, "type", (const char *)sqlite3_column_text (st, 3));
      set_number (p->values, "length_m", st, 4);
      set_text (p->values, "color", (const char *)sqlite3_column_text (st, 5));
      json_object_set_string_member (p->values, "status", "installed");
      g_ptr_array_add (cables, p);
    }
  sqlite3_reset (st);
  if (devices->len == 0 && cables->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Floor %s has no planned device or cable to install"), floor_key);
      goto fail;
    }

  /* the planned objects leave the plant: the order makes them again */
  for (guint i = 0; i < cables->len; i++)
    if (!enlace_store_delete (store, "cable", ((Pending *)g_ptr_array_index (cables, i))->id, error))
      goto fail;
  for (guint i = 0; i < devices->len; i++)
    if (!enlace_store_delete (store, "device", ((Pending *)g_ptr_array_index (devices, i))->id, error))
      goto fail;

  case_values = values ? json_object_ref (values) : json_object_new ();
  if (!json_object_has_member (case_values, "summary"))
    {
      g_autofree char *summary = g_strdup_printf (_("Installation of %s level %s"), building, level);

      json_object_set_string_member (case_values, "summary", summary);
    }
  case_id = enlace_case_open (store, "red-modificacion", case_values, error);
  if (case_id == 0)
    goto fail;
  for (int pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? devices : cables;

      for (guint i = 0; i < list->len; i++)
        {
          Pending *p = g_ptr_array_index (list, i);

          if (enlace_order_add_change (store, case_id, p->kind, p->target, p->values, NULL, error) == 0)
            goto fail;
          n++;
        }
    }
  if (!enlace_store_commit (store, error))
    return 0;
  if (n_changes)
    *n_changes = n;
  return case_id;

fail:
  enlace_store_rollback (store);
  return 0;
}

/* ------------------------------------------------------------ tests */

/* Inside a command. */
static gboolean
write_test (EnlaceStore  *store,
            gint64        cable_id,
            double        length_m,
            gboolean      passed,
            double        margin_db,
            const char   *source,
            GError      **error)
{
  g_autofree char *now = now_iso ();
  sqlite3_stmt *st = enlace_store_prepare (store,
                                           "INSERT INTO cable_test (cable_id, length_m, result, margin_db, tested_at, source) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (cable_id) DO UPDATE SET "
                                           "length_m = excluded.length_m, result = excluded.result, "
                                           "margin_db = excluded.margin_db, tested_at = excluded.tested_at, "
                                           "source = excluded.source", error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, cable_id);
  if (length_m >= 0)
    sqlite3_bind_double (st, 2, length_m);
  sqlite3_bind_text (st, 3, passed ? "pass" : "fail", -1, SQLITE_STATIC);
  if (!isnan (margin_db))
    sqlite3_bind_double (st, 4, margin_db);
  sqlite3_bind_text (st, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 6, source, -1, SQLITE_STATIC);
  if (sqlite3_step (st) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Recording the test of a run"));
      return FALSE;
    }
  /* the tested length is the cable's length from now on (the design's
   * computed one stays in the log: Undo brings it back) */
  st = enlace_store_prepare (store,
                             "UPDATE cable SET status = CASE status WHEN 'planned' THEN 'installed' ELSE status END, "
                             "length_m = coalesce(?2, length_m) WHERE id = ?1", error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, cable_id);
  if (length_m >= 0)
    sqlite3_bind_double (st, 2, length_m);
  else
    sqlite3_bind_null (st, 2);
  if (sqlite3_step (st) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Recording the test of a run"));
      return FALSE;
    }
  return TRUE;
}

static gint64
cable_by_label (EnlaceStore *store,
                const char  *label)
{
  sqlite3_stmt *st = enlace_store_prepare (store, "SELECT id FROM cable WHERE label = ?1", NULL);
  gint64 id = 0;

  if (st == NULL)
    return 0;
  sqlite3_bind_text (st, 1, label, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) == SQLITE_ROW)
    id = sqlite3_column_int64 (st, 0);
  sqlite3_reset (st);
  return id;
}

gboolean
enlace_install_run (EnlaceStore  *store,
                    const char   *label,
                    double        length_m,
                    gboolean      passed,
                    double        margin_db,
                    GError      **error)
{
  g_autofree char *what = NULL;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  id = cable_by_label (store, label);
  if (id == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no cable labelled %s"), label);
      return FALSE;
    }
  if (!isnan (length_m) && length_m > 10000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Run %s: a tested length of %.1f m cannot be right"), label, length_m);
      return FALSE;
    }
  what = g_strdup_printf (_("Install run %s"), label);
  if (!enlace_store_begin (store, what, error))
    return FALSE;
  if (!write_test (store, id, isnan (length_m) ? -1 : length_m, passed, margin_db, "manual", error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

EnlaceCableTest *
enlace_cable_test_get (EnlaceStore  *store,
                       gint64        cable_id,
                       GError      **error)
{
  EnlaceCableTest *t = NULL;
  sqlite3_stmt *st;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  st = enlace_store_prepare (store,
                             "SELECT length_m, result, margin_db, tested_at, source FROM cable_test WHERE cable_id = ?1",
                             error);
  if (st == NULL)
    return NULL;
  sqlite3_bind_int64 (st, 1, cable_id);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      t = g_new0 (EnlaceCableTest, 1);
      t->cable_id = cable_id;
      t->length_m = sqlite3_column_type (st, 0) == SQLITE_NULL ? -1 : sqlite3_column_double (st, 0);
      t->passed = g_strcmp0 ((const char *)sqlite3_column_text (st, 1), "pass") == 0;
      t->margin_db = sqlite3_column_type (st, 2) == SQLITE_NULL ? NAN : sqlite3_column_double (st, 2);
      t->tested_at = g_strdup ((const char *)sqlite3_column_text (st, 3));
      t->source = g_strdup ((const char *)sqlite3_column_text (st, 4));
    }
  sqlite3_reset (st);
  return t;
}

JsonObject *
enlace_cable_test_to_json (EnlaceCableTest *self)
{
  JsonObject *o;

  g_return_val_if_fail (self != NULL, NULL);

  o = json_object_new ();
  json_object_set_string_member (o, "result", self->passed ? "pass" : "fail");
  if (self->length_m >= 0)
    json_object_set_double_member (o, "length_m", self->length_m);
  if (!isnan (self->margin_db))
    json_object_set_double_member (o, "margin_db", self->margin_db);
  set_text (o, "tested_at", self->tested_at);
  set_text (o, "source", self->source);
  return o;
}

char *
enlace_cable_test_describe (EnlaceCableTest *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, NULL);

  g_ptr_array_add (parts, g_strdup (self->passed ? _("Pass") : _("Fail")));
  if (self->length_m >= 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%.1f m tested"), self->length_m));
  if (!isnan (self->margin_db))
    g_ptr_array_add (parts, g_strdup_printf (_("margin %.1f dB"), self->margin_db));
  if (self->tested_at)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (self->tested_at, NULL);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

      g_ptr_array_add (parts, local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (self->tested_at));
    }
  if (g_strcmp0 (self->source, "certifier") == 0)
    g_ptr_array_add (parts, g_strdup (_("certifier")));
  else if (self->source)
    g_ptr_array_add (parts, g_strdup (_("recorded by hand")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* ------------------------------------------------------------ certifier */

static gboolean
parse_result (const char *text,
              gboolean   *passed)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *t = g_utf8_casefold (stripped, -1);

  if (g_str_equal (t, "pass") || g_str_equal (t, "passed") || g_str_equal (t, "ok") ||
      g_str_equal (t, "pasa") || g_str_equal (t, "aprobado") || g_str_equal (t, "✓") || g_str_equal (t, "1"))
    *passed = TRUE;
  else if (g_str_equal (t, "fail") || g_str_equal (t, "failed") || g_str_equal (t, "falla") ||
           g_str_equal (t, "no pasa") || g_str_equal (t, "✗") || g_str_equal (t, "0"))
    *passed = FALSE;
  else
    return FALSE;
  return TRUE;
}

static void
unmatched (EnlaceCertifyReport *r,
           guint                line,
           const char          *label,
           const char          *reason)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "line", line);
  json_object_set_string_member (o, "label", label);
  json_object_set_string_member (o, "reason", reason);
  g_ptr_array_add (r->unmatched, o);
}

JsonObject *
enlace_certify_report_to_json (EnlaceCertifyReport *self)
{
  JsonObject *o;
  JsonArray *a = json_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  o = json_object_new ();
  json_object_set_int_member (o, "rows", self->rows);
  json_object_set_int_member (o, "matched", self->matched);
  json_object_set_int_member (o, "passed", self->passed);
  json_object_set_int_member (o, "failed", self->failed);
  for (guint i = 0; i < self->unmatched->len; i++)
    json_array_add_object_element (a, json_object_ref (g_ptr_array_index (self->unmatched, i)));
  json_object_set_array_member (o, "unmatched", a);
  return o;
}

typedef struct
{
  gint64   cable_id;
  double   length;
  gboolean passed;
  double   margin;
} Row;

EnlaceCertifyReport *
enlace_install_certify (EnlaceStore  *store,
                        const char   *csv,
                        gsize         length,
                        gboolean      dry_run,
                        GError      **error)
{
  static const char * const label_names[] = { "label", "cable", "id", "cable id", "cable label", "etiqueta", NULL };
  static const char * const length_names[] = { "length", "length (m)", "length_m", "longitud", "longitud (m)", NULL };
  static const char * const result_names[] = { "result", "pass/fail", "status", "resultado", "estado", NULL };
  static const char * const margin_names[] = { "margin", "margin (db)", "margin_db", "margen", "margen (db)", NULL };
  g_autoptr(EnlaceCertifyReport) r = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) good = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  char **header;
  int c_label, c_length, c_result, c_margin;
  char sep = ',';

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (csv != NULL, NULL);

  rows = enlace_bom_csv_parse (csv, length, &sep, &lines, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The certifier's file is empty"));
      return NULL;
    }
  header = g_ptr_array_index (rows, 0);
  c_label = enlace_bom_csv_column (header, label_names);
  c_length = enlace_bom_csv_column (header, length_names);
  c_result = enlace_bom_csv_column (header, result_names);
  c_margin = enlace_bom_csv_column (header, margin_names);
  if (c_label < 0 || c_result < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Line 1 of the certifier's file: the header must name the columns “label” and “result”"));
      return NULL;
    }

  r = g_new0 (EnlaceCertifyReport, 1);
  r->unmatched = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      guint n = g_strv_length (row);
      guint line = g_array_index (lines, guint, i);
      const char *label = (guint)c_label < n ? g_strstrip (row[c_label]) : "";
      const char *ltext = c_length >= 0 && (guint)c_length < n ? g_strstrip (row[c_length]) : "";
      const char *mtext = c_margin >= 0 && (guint)c_margin < n ? g_strstrip (row[c_margin]) : "";
      Row ok = { 0, -1, FALSE, NAN };

      r->rows++;
      if (*label == '\0')
        {
          unmatched (r, line, label, _("no label"));
          continue;
        }
      if (g_hash_table_contains (seen, label))
        {
          unmatched (r, line, label, _("the label is on an earlier line too"));
          continue;
        }
      g_hash_table_add (seen, (gpointer)label);
      ok.cable_id = cable_by_label (store, label);
      if (ok.cable_id == 0)
        {
          unmatched (r, line, label, _("no cable has this label"));
          continue;
        }
      if ((guint)c_result >= n || !parse_result (row[c_result], &ok.passed))
        {
          unmatched (r, line, label, _("the result is not PASS or FAIL"));
          continue;
        }
      if (*ltext && (!enlace_bom_parse_number (ltext, sep, &ok.length) || ok.length < 0))
        {
          unmatched (r, line, label, _("the length is not a number of metres"));
          continue;
        }
      if (*mtext && !enlace_bom_parse_number (mtext, sep, &ok.margin))
        {
          g_autofree char *m = g_strdup (mtext);

          /* "3.2 dB" */
          if (g_str_has_suffix (m, "dB") || g_str_has_suffix (m, "db"))
            m[strlen (m) - 2] = '\0';
          if (!enlace_bom_parse_number (m, sep, &ok.margin))
            {
              unmatched (r, line, label, _("the margin is not a number of dB"));
              continue;
            }
        }
      g_array_append_val (good, ok);
      r->matched++;
      if (ok.passed)
        r->passed++;
      else
        r->failed++;
    }
  if (dry_run || good->len == 0)
    return g_steal_pointer (&r);
  if (!enlace_store_begin (store, _("Import certifier results"), error))
    return NULL;
  for (guint i = 0; i < good->len; i++)
    {
      Row *ok = &g_array_index (good, Row, i);

      if (!write_test (store, ok->cable_id, ok->length, ok->passed, ok->margin, "certifier", error))
        {
          enlace_store_rollback (store);
          return NULL;
        }
    }
  if (!enlace_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&r);
}
