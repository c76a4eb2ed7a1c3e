/* enlace-report.c: the report cursor — one SQL statement stepped row by
 * row, with the totals of its summed columns */
#define G_LOG_DOMAIN "enlace-reports"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-report-private.h"
#include "enlace-trace.h"

struct _EnlaceReportCursor
{
  EnlaceStore       *store;
  EnlaceTracer      *tracer;     /* nullable: taken on first use */
  const ReportKind  *kind;
  sqlite3_stmt      *stmt;       /* owned: not the store's cache, it stays open */
  EnlaceReportScope  scope;      /* deep copy */
  char              *scope_text;
  char              *until_next; /* the day after scope.until */
  char              *cells[REPORT_MAX_COLUMNS];
  char              *group;
  gint64             id;
  gint64             position;
  gint64             n_objects;  /* traces: the objects of the scope */
  double             sums[REPORT_MAX_COLUMNS];
};

static gboolean
parse_day (const char *text,
           int        *y,
           int        *m,
           int        *d)
{
  char rest;

  return sscanf (text, "%4d-%2d-%2d%c", y, m, d, &rest) == 3
         && g_date_valid_dmy (*d, *m, *y);
}

char *
enlace_report_scope_describe (const EnlaceReportScope *scope)
{
  GString *s;

  if (scope == NULL)
    return NULL;
  s = g_string_new (NULL);
  if (scope->building)
    g_string_append_printf (s, _("Building %s"), scope->building);
  if (scope->floor)
    {
      if (s->len)
        g_string_append (s, ", ");
      g_string_append_printf (s, _("floor %s"), scope->floor);
    }
  if (scope->since || scope->until)
    {
      if (s->len)
        g_string_append (s, ", ");
      if (scope->since && scope->until)
        g_string_append_printf (s, _("from %s to %s"), scope->since, scope->until);
      else if (scope->since)
        g_string_append_printf (s, _("since %s"), scope->since);
      else
        g_string_append_printf (s, _("up to %s"), scope->until);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

static gboolean
check_scope (EnlaceStore              *store,
             const EnlaceReportScope  *scope,
             GError                  **error)
{
  int y, m, d;

  if (scope->building != NULL)
    {
      sqlite3_stmt *st = enlace_store_prepare (store, "SELECT id FROM building WHERE code = ?1", error);

      if (st == NULL)
        return FALSE;
      sqlite3_bind_text (st, 1, scope->building, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (st) != SQLITE_ROW)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("There is no building “%s”"), scope->building);
          return FALSE;
        }
    }
  if (scope->floor != NULL)
    {
      sqlite3_stmt *st;

      if (scope->building == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("The floor “%s” needs a building: a report's floor is a floor of one building"),
                       scope->floor);
          return FALSE;
        }
      st = enlace_store_prepare (store,
                                 "SELECT f.id FROM floor f JOIN building b ON b.id = f.building_id"
                                 " WHERE b.code = ?1 AND (CAST(f.level AS TEXT) = ?2 OR f.name = ?2)", error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_text (st, 1, scope->building, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (st, 2, scope->floor, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (st) != SQLITE_ROW)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("Building “%s” has no floor “%s”"), scope->building, scope->floor);
          return FALSE;
        }
    }
  if (scope->since != NULL && !parse_day (scope->since, &y, &m, &d))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), scope->since);
      return FALSE;
    }
  if (scope->until != NULL && !parse_day (scope->until, &y, &m, &d))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), scope->until);
      return FALSE;
    }
  return TRUE;
}

static void
bind_name (sqlite3_stmt *st,
           const char   *name,
           const char   *value)
{
  int i = sqlite3_bind_parameter_index (st, name);

  if (i > 0 && value != NULL)
    sqlite3_bind_text (st, i, value, -1, SQLITE_STATIC);
}

EnlaceReportCursor *
enlace_report_cursor_new (EnlaceStore              *store,
                          const char               *name,
                          const EnlaceReportScope  *scope,
                          GError                  **error)
{
  g_autoptr(EnlaceReportCursor) self = NULL;
  static const EnlaceReportScope none = { 0 };
  const ReportKind *kind;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (scope == NULL)
    scope = &none;
  kind = enlace_report_kind_lookup (name);
  if (kind == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no report “%s” (see enlace-cli report --help)"), name);
      return NULL;
    }
  if (!check_scope (store, scope, error))
    return NULL;

  self = g_new0 (EnlaceReportCursor, 1);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->scope.building = g_strdup (scope->building);
  self->scope.floor = g_strdup (scope->floor);
  self->scope.since = g_strdup (scope->since);
  self->scope.until = g_strdup (scope->until);
  self->scope.objects = (const char **) g_strdupv ((char **) scope->objects);
  self->scope_text = enlace_report_scope_describe (scope);
  if (scope->until != NULL)
    {
      int y, m, d;
      GDate *date;
      char buf[16];

      parse_day (scope->until, &y, &m, &d);
      date = g_date_new_dmy (d, m, y);
      g_date_add_days (date, 1);
      g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (date),
                  g_date_get_month (date), g_date_get_day (date));
      g_date_free (date);
      self->until_next = g_strdup (buf);
    }

  if (kind->sql == NULL)
    {
      self->n_objects = self->scope.objects ? g_strv_length ((char **) self->scope.objects) : 0;
      if (self->n_objects == 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("The report “%s” needs the objects to draw (--object KEY)"), name);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  if (sqlite3_prepare_v2 (enlace_store_get_db (store), kind->sql, -1, &self->stmt, NULL) != SQLITE_OK)
    {
      enlace_store_set_sql_error (store, error, kind->info.name);
      return NULL;
    }
  bind_name (self->stmt, ":building", self->scope.building);
  bind_name (self->stmt, ":floor", self->scope.floor);
  bind_name (self->stmt, ":since", self->scope.since);
  bind_name (self->stmt, ":until", self->until_next);
  return g_steal_pointer (&self);
}

static void
clear_row (EnlaceReportCursor *self)
{
  for (guint i = 0; i < REPORT_MAX_COLUMNS; i++)
    g_clear_pointer (&self->cells[i], g_free);
  g_clear_pointer (&self->group, g_free);
  self->id = 0;
}

void
enlace_report_cursor_free (EnlaceReportCursor *self)
{
  if (self == NULL)
    return;
  clear_row (self);
  if (self->stmt)
    sqlite3_finalize (self->stmt);
  g_clear_object (&self->tracer);
  g_clear_object (&self->store);
  g_free ((char *) self->scope.building);
  g_free ((char *) self->scope.floor);
  g_free ((char *) self->scope.since);
  g_free ((char *) self->scope.until);
  g_strfreev ((char **) self->scope.objects);
  g_free (self->scope_text);
  g_free (self->until_next);
  g_free (self);
}

const EnlaceReportInfo *
enlace_report_cursor_get_info (EnlaceReportCursor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return enlace_report_lookup (self->kind->info.name);
}

const char *
enlace_report_cursor_get_scope_text (EnlaceReportCursor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scope_text;
}

guint
enlace_report_cursor_get_n_columns (EnlaceReportCursor *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->kind->n_columns;
}

const char *
enlace_report_cursor_get_column_title (EnlaceReportCursor *self,
                                       guint               i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->kind->n_columns, NULL);
  return _(self->kind->columns[i].title);
}

double
enlace_report_cursor_get_column_width (EnlaceReportCursor *self,
                                       guint               i)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (i < self->kind->n_columns, 0);
  return self->kind->columns[i].width;
}

gboolean
enlace_report_cursor_column_is_number (EnlaceReportCursor *self,
                                       guint               i)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (i < self->kind->n_columns, FALSE);
  return (self->kind->columns[i].flags & (COL_NUMBER | COL_LENGTH)) != 0;
}

void
enlace_report_cursor_rewind (EnlaceReportCursor *self)
{
  g_return_if_fail (self != NULL);
  clear_row (self);
  if (self->stmt)
    sqlite3_reset (self->stmt);
  self->position = 0;
  memset (self->sums, 0, sizeof self->sums);
}

static char *
cell_text (const ReportColumn *col,
           sqlite3_stmt       *st,
           int                 i)
{
  const char *text;

  if (sqlite3_column_type (st, i) == SQLITE_NULL)
    return NULL;
  if (col->flags & COL_LENGTH)
    return g_strdup_printf ("%.1f", sqlite3_column_double (st, i));
  if (col->flags & COL_NUMBER)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (st, i));
  text = (const char *) sqlite3_column_text (st, i);
  if (col->flags & COL_CHOICE)
    return g_strdup (enlace_choice_label (text));
  return g_strdup (text);
}

static gboolean
step_once (EnlaceReportCursor  *self,
           GError             **error)
{
  int rc;

  clear_row (self);
  if (self->stmt == NULL)
    {
      if (self->position >= self->n_objects)
        return FALSE;
      self->cells[0] = g_strdup (self->scope.objects[self->position]);
      self->id = self->position + 1;
      return TRUE;
    }
  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      enlace_store_set_sql_error (self->store, error, self->kind->info.name);
      return FALSE;
    }
  self->id = sqlite3_column_int64 (self->stmt, 0);
  if (sqlite3_column_type (self->stmt, 1) != SQLITE_NULL)
    self->group = g_strdup ((const char *) sqlite3_column_text (self->stmt, 1));
  for (guint i = 0; i < self->kind->n_columns; i++)
    self->cells[i] = cell_text (&self->kind->columns[i], self->stmt, i + 2);
  return TRUE;
}

gboolean
enlace_report_cursor_next (EnlaceReportCursor  *self,
                           GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (;;)
    {
      GError *local = NULL;

      if (!step_once (self, &local))
        {
          if (local)
            g_propagate_error (error, local);
          return FALSE;
        }
      if (self->kind->fill == NULL)
        break;
      if (self->kind->fill (self, &local))
        break;
      if (local)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      if (self->stmt == NULL)
        self->position++;
    }
  self->position++;
  for (guint i = 0; i < self->kind->n_columns; i++)
    if ((self->kind->columns[i].flags & COL_SUM) && self->cells[i])
      self->sums[i] += g_ascii_strtod (self->cells[i], NULL);
  return TRUE;
}

gint64
enlace_report_cursor_count (EnlaceReportCursor  *self,
                            GError             **error)
{
  GError *local = NULL;
  gint64 n;

  g_return_val_if_fail (self != NULL, -1);

  enlace_report_cursor_rewind (self);
  while (enlace_report_cursor_next (self, &local))
    ;
  n = self->position;
  enlace_report_cursor_rewind (self);
  if (local)
    {
      g_propagate_error (error, local);
      return -1;
    }
  return n;
}

const char *
enlace_report_cursor_get (EnlaceReportCursor *self,
                          guint               i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->kind->n_columns, NULL);
  return self->cells[i] ? self->cells[i] : "";
}

void
enlace_report_cursor_set (EnlaceReportCursor *self,
                          guint               i,
                          const char         *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->kind->n_columns);
  g_free (self->cells[i]);
  self->cells[i] = g_strdup (text);
}

const char *
enlace_report_cursor_get_group (EnlaceReportCursor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->group;
}

gint64
enlace_report_cursor_get_id (EnlaceReportCursor *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->id;
}

gint64
enlace_report_cursor_get_position (EnlaceReportCursor *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->position;
}

char *
enlace_report_cursor_dup_totals (EnlaceReportCursor *self)
{
  g_autofree char *count = NULL;
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);

  count = g_strdup_printf ("%" G_GINT64_FORMAT, self->position);
  s = g_string_new (NULL);
  /* "1234 cables": the noun's "%s" replaced by the count */
  g_string_append (s, g_dngettext (GETTEXT_PACKAGE, self->kind->noun_one,
                                   self->kind->noun_many, self->position));
  g_string_replace (s, "%s", count, 1);
  for (guint i = 0; i < self->kind->n_columns; i++)
    {
      const ReportColumn *col = &self->kind->columns[i];

      if (!(col->flags & COL_SUM))
        continue;
      if (col->flags & COL_LENGTH)
        g_string_append_printf (s, " · %s: %.1f", _(col->title), self->sums[i]);
      else
        g_string_append_printf (s, " · %s: %.0f", _(col->title), self->sums[i]);
    }
  return g_string_free (s, FALSE);
}

EnlaceStore *
enlace_report_cursor_get_store (EnlaceReportCursor *self)
{
  return self->store;
}

sqlite3_stmt *
enlace_report_cursor_get_stmt (EnlaceReportCursor *self)
{
  return self->stmt;
}

const EnlaceReportScope *
enlace_report_cursor_get_scope (EnlaceReportCursor *self)
{
  return &self->scope;
}

static GStrv
list_pairs (EnlaceStore *store,
            const char  *sql,
            const char  *param)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  sqlite3_stmt *st = enlace_store_prepare (store, sql, NULL);

  if (st != NULL)
    {
      if (param)
        sqlite3_bind_text (st, 1, param, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (st) == SQLITE_ROW)
        {
          g_strv_builder_add (b, (const char *) sqlite3_column_text (st, 0));
          g_strv_builder_add (b, (const char *) sqlite3_column_text (st, 1));
        }
      sqlite3_reset (st);
    }
  return g_strv_builder_end (b);
}

GStrv
enlace_report_list_buildings (EnlaceStore *store)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  return list_pairs (store, "SELECT code, code || ' — ' || name FROM building ORDER BY code", NULL);
}

GStrv
enlace_report_list_floors (EnlaceStore *store,
                           const char  *building)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (building != NULL, NULL);
  return list_pairs (store,
                     "SELECT CAST(f.level AS TEXT), f.level || ' — ' || f.name FROM floor f"
                     " JOIN building b ON b.id = f.building_id WHERE b.code = ?1 ORDER BY f.level",
                     building);
}

EnlaceTracer *
enlace_report_cursor_get_tracer (EnlaceReportCursor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->tracer == NULL)
    self->tracer = enlace_tracer_get_for_store (self->store);
  return self->tracer;
}
