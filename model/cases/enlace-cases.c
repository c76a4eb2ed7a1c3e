/* enlace-cases.c: cases (expedientes) that run the procedures of the manual
 *
 * A case is a row of case_file with one case_step per step of the
 * procedure version it was opened under, a timeline (case_event) and
 * links to inventory objects (case_link).  Every change is one command
 * (enlace_store_begin/commit): written, recorded in the audit log,
 * undoable; an inventory step's action (an e-mail account, a patch cord)
 * runs in the same command as the step, so one undo takes both back.
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cases-private.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

char *
enlace_cases_format_iso (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
enlace_cases_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return enlace_cases_format_iso (now);
}

/* "2026-12-05T09:10:00Z" fast; any ISO 8601 (no zone: UTC) or a date. */
GDateTime *
enlace_cases_parse_iso (const char *text)
{
  int y, mo, d, h, mi, s;
  char z;

  if (text == NULL || *text == '\0')
    return NULL;
  if (strlen (text) == 20 &&
      sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) == 7 && z == 'Z')
    return g_date_time_new_utc (y, mo, d, h, mi, s);
  if (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &y, &mo, &d) == 3)
    return g_date_time_new_utc (y, mo, d, 0, 0, 0);
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    return g_date_time_new_from_iso8601 (text, utc);
  }
}

char *
enlace_cases_dup_column (sqlite3_stmt *stmt,
                         int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static GDateTime *
column_time (sqlite3_stmt *stmt,
             int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return enlace_cases_parse_iso ((const char *) sqlite3_column_text (stmt, col));
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           i,
                   const char   *s)
{
  if (s != NULL)
    sqlite3_bind_text (stmt, i, s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           i,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, i, id);
  else
    sqlite3_bind_null (stmt, i);
}

static char *
json_to_text (JsonObject *o)
{
  g_autoptr(JsonNode) node = NULL;

  if (o == NULL || json_object_get_size (o) == 0)
    return NULL;
  node = json_node_init_object (json_node_alloc (), o);
  return json_to_string (node, FALSE);
}

static JsonObject *
json_from_text (const char *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (text != NULL && *text != '\0')
    node = json_from_string (text, NULL);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_object_ref (json_node_get_object (node));
  return json_object_new ();
}

/* Text that XML can carry (the exchange): valid UTF-8, no control
 * characters but tab and line breaks. */
static gboolean
text_ok (const char *s)
{
  if (s == NULL)
    return TRUE;
  if (!g_utf8_validate (s, -1, NULL))
    return FALSE;
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

static gboolean
object_text_ok (JsonObject *o)
{
  g_autoptr(GList) members = o ? json_object_get_members (o) : NULL;

  for (GList *l = members; l; l = l->next)
    {
      JsonNode *n = json_object_get_member (o, l->data);

      if (!text_ok (l->data))
        return FALSE;
      if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING &&
          !text_ok (json_node_get_string (n)))
        return FALSE;
      if (JSON_NODE_HOLDS_OBJECT (n) && !object_text_ok (json_node_get_object (n)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_text (const char  *folio,
            gboolean     ok,
            GError     **error)
{
  if (ok)
    return TRUE;
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
               _("%s: the text holds a control character (or is not UTF-8)"), folio ? folio : "");
  return FALSE;
}

/* A member as an id: a number or a string of digits; 0 when absent. */
static gint64
member_id (JsonObject *o,
           const char *name)
{
  JsonNode *n;

  if (o == NULL || (n = json_object_get_member (o, name)) == NULL || JSON_NODE_HOLDS_NULL (n))
    return 0;
  if (json_node_get_value_type (n) == G_TYPE_INT64)
    return json_node_get_int (n);
  if (json_node_get_value_type (n) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (n);
  if (json_node_get_value_type (n) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (n);
      char *end = NULL;
      gint64 v = g_ascii_strtoll (s, &end, 10);

      return (end != s && *end == '\0') ? v : -1;
    }
  return -1;
}

/* A member as text (numbers printed); NULL when absent, null or empty. */
static char *
member_text (JsonObject *o,
             const char *name)
{
  JsonNode *n;

  if (o == NULL || (n = json_object_get_member (o, name)) == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (n))
    return NULL;
  switch (json_node_get_value_type (n))
    {
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (n);
        g_autofree char *t = g_strstrip (g_strdup (s));
        return *t ? g_steal_pointer (&t) : NULL;
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (n));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (n));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (n) ? "true" : "false");
    default:
      return NULL;
    }
}

static gboolean
exists (EnlaceStore *store,
        const char  *sql,
        gint64       id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  gboolean ret = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ret = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return ret;
}

static char *
query_text (EnlaceStore *store,
            const char  *sql,
            gint64       id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  char *ret = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = enlace_cases_dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return ret;
}

static gboolean
run (EnlaceStore  *store,
     sqlite3_stmt *stmt,
     const char   *what,
     GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      enlace_store_set_sql_error (store, error, what);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static const char * const channels[] = { "in-person", "phone", "email", "paper", NULL };
static const char * const priorities[] = { "low", "normal", "high", "urgent", NULL };

/* ------------------------------------------------------------------ */
/* Rows                                                                */

void
enlace_case_row_free (EnlaceCaseRow *self)
{
  if (self == NULL)
    return;
  g_free (self->folio);
  g_free (self->procedure_code);
  g_free (self->procedure_name);
  g_free (self->procedure_kind);
  g_free (self->summary);
  g_free (self->requester);
  g_free (self->area);
  g_free (self->assignee);
  g_free (self->priority);
  g_free (self->channel);
  g_clear_pointer (&self->opened_at, g_date_time_unref);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->resolved_at, g_date_time_unref);
  g_clear_pointer (&self->closed_at, g_date_time_unref);
  g_free (self);
}

#define ROW_SELECT \
  "SELECT c.id, c.folio, p.code, p.name, p.kind, c.summary, c.requester_id, r.name, c.area_id, a.name, " \
  "c.assignee_id, s.name, c.status, c.priority, c.channel, c.opened_at, c.due_at, c.resolved_at, c.closed_at " \
  "FROM case_file c JOIN procedure p ON p.id = c.procedure_id " \
  "LEFT JOIN person r ON r.id = c.requester_id LEFT JOIN area a ON a.id = c.area_id " \
  "LEFT JOIN person s ON s.id = c.assignee_id "

static EnlaceCaseRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  EnlaceCaseRow *row = g_new0 (EnlaceCaseRow, 1);
  EnlaceCaseStatus status = ENLACE_CASE_NEW;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->folio = enlace_cases_dup_column (stmt, 1);
  row->procedure_code = enlace_cases_dup_column (stmt, 2);
  row->procedure_name = enlace_cases_dup_column (stmt, 3);
  row->procedure_kind = enlace_cases_dup_column (stmt, 4);
  row->summary = enlace_cases_dup_column (stmt, 5);
  row->requester_id = sqlite3_column_int64 (stmt, 6);
  row->requester = enlace_cases_dup_column (stmt, 7);
  row->area_id = sqlite3_column_int64 (stmt, 8);
  row->area = enlace_cases_dup_column (stmt, 9);
  row->assignee_id = sqlite3_column_int64 (stmt, 10);
  row->assignee = enlace_cases_dup_column (stmt, 11);
  enlace_case_status_from_string ((const char *) sqlite3_column_text (stmt, 12), &status);
  row->status = status;
  row->priority = enlace_cases_dup_column (stmt, 13);
  row->channel = enlace_cases_dup_column (stmt, 14);
  row->opened_at = column_time (stmt, 15);
  row->due_at = column_time (stmt, 16);
  row->resolved_at = column_time (stmt, 17);
  row->closed_at = column_time (stmt, 18);
  return row;
}

static gboolean
status_is_open (EnlaceCaseStatus status)
{
  return status == ENLACE_CASE_NEW || status == ENLACE_CASE_IN_PROGRESS || status == ENLACE_CASE_WAITING;
}

EnlaceCaseDue
enlace_case_row_due (const EnlaceCaseRow *row,
                     GDateTime           *now)
{
  GTimeSpan left, total;

  g_return_val_if_fail (row != NULL, ENLACE_CASE_DUE_NONE);

  if (!status_is_open (row->status) || row->due_at == NULL || row->opened_at == NULL)
    return ENLACE_CASE_DUE_NONE;
  if (now == NULL)
    {
      g_autoptr(GDateTime) n = g_date_time_new_now_utc ();
      return enlace_case_row_due (row, n);
    }
  left = g_date_time_difference (row->due_at, now);
  total = g_date_time_difference (row->due_at, row->opened_at);
  if (left < 0)
    return ENLACE_CASE_DUE_OVERDUE;
  if ((double) left < 0.25 * (double) total)
    return ENLACE_CASE_DUE_NEAR;
  return ENLACE_CASE_DUE_ON_TIME;
}

/* WHERE clause of a filter; the parameters are ?1…?5 (see bind_filter). */
static gboolean
filter_where (const EnlaceCaseFilter  *f,
              gboolean                 with_status,
              GString                 *sql,
              GError                 **error)
{
  g_string_append (sql, "WHERE 1");
  if (f == NULL)
    return TRUE;
  if (f->open_only)
    g_string_append (sql, " AND c.status IN ('new','in-progress','waiting')");
  if (f->assignee_id > 0)
    g_string_append (sql, " AND c.assignee_id = ?1");
  if (f->procedure_code != NULL)
    g_string_append (sql, " AND c.procedure_id IN (SELECT id FROM procedure WHERE code = ?2)");
  if (with_status && f->status != NULL)
    {
      EnlaceCaseStatus st;

      if (!enlace_case_status_from_string (f->status, &st))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Unknown case status “%s” (one of: new, in-progress, waiting, resolved, closed, cancelled)"),
                       f->status);
          return FALSE;
        }
      g_string_append (sql, " AND c.status = ?3");
    }
  if (f->area_id > 0)
    g_string_append (sql, " AND c.area_id = ?4");
  if (f->text != NULL && *f->text != '\0')
    g_string_append (sql,
                     " AND (c.folio LIKE ?5 ESCAPE '\\' OR c.summary LIKE ?5 ESCAPE '\\'"
                     " OR c.requester_id IN (SELECT id FROM person WHERE name LIKE ?5 ESCAPE '\\')"
                     " OR c.form LIKE ?5 ESCAPE '\\')");
  return TRUE;
}

static void
bind_filter (sqlite3_stmt           *stmt,
             const EnlaceCaseFilter *f)
{
  if (f == NULL)
    return;
  if (f->assignee_id > 0)
    sqlite3_bind_int64 (stmt, 1, f->assignee_id);
  if (f->procedure_code != NULL)
    sqlite3_bind_text (stmt, 2, f->procedure_code, -1, SQLITE_TRANSIENT);
  if (f->status != NULL)
    sqlite3_bind_text (stmt, 3, f->status, -1, SQLITE_TRANSIENT);
  if (f->area_id > 0)
    sqlite3_bind_int64 (stmt, 4, f->area_id);
  if (f->text != NULL && *f->text != '\0')
    {
      GString *pat = g_string_new ("%");

      for (const char *p = f->text; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pat, '\\');
          g_string_append_c (pat, *p);
        }
      g_string_append_c (pat, '%');
      sqlite3_bind_text (stmt, 5, pat->str, -1, SQLITE_TRANSIENT);
      g_string_free (pat, TRUE);
    }
}

GPtrArray *
enlace_cases_query (EnlaceStore            *store,
                    const EnlaceCaseFilter *filter,
                    GError                **error)
{
  g_autoptr(GString) sql = g_string_new (ROW_SELECT);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_case_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (!filter_where (filter, TRUE, sql, error))
    return NULL;
  g_string_append (sql, " ORDER BY c.opened_at DESC, c.id DESC");
  if (filter != NULL && filter->limit > 0)
    g_string_append (sql, " LIMIT ?6");
  stmt = enlace_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  if (filter != NULL && filter->limit > 0)
    sqlite3_bind_int64 (stmt, 6, filter->limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Listing cases"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

EnlaceCaseRow *
enlace_cases_get_row (EnlaceStore  *store,
                      gint64        case_id,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  EnlaceCaseRow *row = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store, ROW_SELECT "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = row_from_stmt (stmt);
  sqlite3_reset (stmt);
  if (row == NULL)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No case #%lld"), (long long) case_id);
  return row;
}

JsonObject *
enlace_cases_counts (EnlaceStore            *store,
                     const EnlaceCaseFilter *filter,
                     GError                **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.status, count(*) FROM case_file c ");
  g_autoptr(GString) due = g_string_new (
    "SELECT coalesce(sum(c.due_at < ?7), 0), coalesce(sum(c.due_at >= ?7 AND c.near_at <= ?7), 0) "
    "FROM case_file c ");
  g_autoptr(JsonObject) o = json_object_new ();
  g_autofree char *now = enlace_cases_now_iso ();
  gint64 open = 0, total = 0;
  gboolean by_name = filter != NULL && filter->text != NULL && *filter->text != '\0';
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  /* the requester's name only when searching */
  if (by_name)
    {
      g_string_append (sql, "LEFT JOIN person r ON r.id = c.requester_id ");
      g_string_append (due, "LEFT JOIN person r ON r.id = c.requester_id ");
    }
  if (!filter_where (filter, FALSE, sql, error) || !filter_where (filter, FALSE, due, error))
    return NULL;
  g_string_append (sql, " GROUP BY c.status");
  if (filter == NULL || !filter->open_only)
    g_string_append (due, " AND c.status IN ('new','in-progress','waiting')");

  stmt = enlace_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  sqlite3_bind_null (stmt, 3);
  for (guint i = 0; i <= ENLACE_CASE_CANCELLED; i++)
    json_object_set_int_member (o, enlace_case_status_to_string (i), 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);
      EnlaceCaseStatus st;

      if (enlace_case_status_from_string (status, &st))
        {
          json_object_set_int_member (o, status, n);
          if (status_is_open (st))
            open += n;
        }
      total += n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Counting cases"));
      return NULL;
    }

  stmt = enlace_store_prepare (store, due->str, error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      enlace_store_set_sql_error (store, error, _("Counting cases"));
      sqlite3_reset (stmt);
      return NULL;
    }
  json_object_set_int_member (o, "open", open);
  json_object_set_int_member (o, "overdue", sqlite3_column_int64 (stmt, 0));
  json_object_set_int_member (o, "near", sqlite3_column_int64 (stmt, 1));
  json_object_set_int_member (o, "total", total);
  sqlite3_reset (stmt);
  return g_steal_pointer (&o);
}

gint64
enlace_cases_lookup (EnlaceStore  *store,
                     const char   *folio,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (folio != NULL, 0);

  stmt = enlace_store_prepare (store, "SELECT id FROM case_file WHERE folio = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, folio, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No case with folio “%s”"), folio);
  return id;
}

/* ------------------------------------------------------------------ */
/* Timeline                                                            */

static gint64
add_event (EnlaceStore  *store,
           gint64        case_id,
           const char   *kind,
           const char   *text,
           gint64        attachment_id,
           const char   *attachment_name,
           const char   *attachment_mime,
           GError      **error)
{
  g_autofree char *now = enlace_cases_now_iso ();
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store,
                               "INSERT INTO case_event (case_id, at, who, kind, text, attachment_id, "
                               "attachment_name, attachment_mime) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 3, enlace_store_get_user (store));
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 5, text);
  bind_id_or_null (stmt, 6, attachment_id);
  bind_text_or_null (stmt, 7, attachment_name);
  bind_text_or_null (stmt, 8, attachment_mime);
  if (!run (store, stmt, _("Writing the case's timeline"), error))
    return 0;
  return sqlite3_last_insert_rowid (enlace_store_get_db (store));
}

/* ------------------------------------------------------------------ */
/* Open                                                                */

static gboolean
in_list (const char * const *list,
         const char         *s)
{
  for (guint i = 0; list[i]; i++)
    if (g_strcmp0 (list[i], s) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_person (EnlaceStore  *store,
              gint64        id,
              const char   *what,
              GError      **error)
{
  if (id < 0 || (id > 0 && !exists (store, "SELECT 1 FROM person WHERE id = ?1", id)))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("The %s is not a person of the project (#%lld)"), what, (long long) id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_field_value (const EnlaceProcedureStep *def,
                   const EnlaceFieldSpec     *f,
                   JsonObject                *values,
                   GError                   **error)
{
  g_autofree char *text = member_text (values, f->name);

  if (text == NULL)
    return TRUE;
  if (g_strcmp0 (f->type, "int") == 0 || g_strcmp0 (f->type, "person") == 0 ||
      g_strcmp0 (f->type, "area") == 0)
    {
      char *end = NULL;

      g_ascii_strtoll (text, &end, 10);
      if (g_strcmp0 (f->type, "int") == 0 && (end == text || *end != '\0'))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s”: “%s” must be a whole number, not “%s”"),
                       def->position, def->title, f->label, text);
          return FALSE;
        }
    }
  else if (g_strcmp0 (f->type, "email") == 0)
    {
      if (!g_regex_match_simple ("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$", text, 0, 0))
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s”: “%s” is not a well-formed e-mail address (name@domain)"),
                       def->position, def->title, text);
          return FALSE;
        }
    }
  else if (g_strcmp0 (f->type, "date") == 0)
    {
      g_autoptr(GDateTime) dt = enlace_cases_parse_iso (text);

      if (dt == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s”: “%s” must be a date (YYYY-MM-DD), not “%s”"),
                       def->position, def->title, f->label, text);
          return FALSE;
        }
    }
  else if (g_strcmp0 (f->type, "choice") == 0 && f->choices != NULL)
    {
      if (!g_strv_contains ((const char * const *) f->choices, text))
        {
          g_autofree char *all = g_strjoinv (", ", f->choices);
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s”: “%s” is not one of the choices of “%s” (%s)"),
                       def->position, def->title, text, f->label, all);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks the values of a step's fields; with @complete, every required
 * field must have a value. */
static gboolean
check_step_values (const EnlaceProcedureStep *def,
                   JsonObject                *values,
                   gboolean                   complete,
                   GError                   **error)
{
  for (guint i = 0; def->fields && i < def->fields->len; i++)
    {
      const EnlaceFieldSpec *f = g_ptr_array_index (def->fields, i);
      g_autofree char *text = member_text (values, f->name);

      if (complete && f->required && text == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Step %u “%s” cannot be done: “%s” is required"),
                       def->position, def->title, f->label);
          return FALSE;
        }
      if (!check_field_value (def, f, values, error))
        return FALSE;
    }
  return TRUE;
}

static const EnlaceProcedureStep *
first_form_step (const EnlaceProcedure *p)
{
  for (guint i = 0; i < p->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (p->steps, i);
      if (s->kind == ENLACE_STEP_FORM)
        return s;
    }
  return NULL;
}

/* The first line of the first text value of the form, for the inbox. */
static char *
summary_from_form (const EnlaceProcedure *p,
                   JsonObject            *form)
{
  const EnlaceProcedureStep *s = first_form_step (p);

  if (s == NULL || form == NULL)
    return NULL;
  for (guint i = 0; i < s->fields->len; i++)
    {
      const EnlaceFieldSpec *f = g_ptr_array_index (s->fields, i);
      g_autofree char *text = NULL;
      char *nl;

      if (g_strcmp0 (f->type, "text") != 0 && g_strcmp0 (f->type, "multiline") != 0 &&
          g_strcmp0 (f->type, "email") != 0)
        continue;
      text = member_text (form, f->name);
      if (text == NULL)
        continue;
      if ((nl = strchr (text, '\n')) != NULL)
        *nl = '\0';
      return g_steal_pointer (&text);
    }
  return NULL;
}

static gboolean
write_step (EnlaceStore       *store,
            gint64             case_step_id,
            EnlaceStepResult   result,
            const char        *note,
            JsonObject        *data,
            GError           **error)
{
  g_autofree char *data_text = json_to_text (data);
  g_autofree char *now = result == ENLACE_STEP_PENDING ? NULL : enlace_cases_now_iso ();
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store,
                               "UPDATE case_step SET result = ?2, note = ?3, data = ?4, done_by = ?5, done_at = ?6 "
                               "WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_step_id);
  sqlite3_bind_text (stmt, 2, enlace_step_result_to_string (result), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, note && *note ? note : NULL);
  bind_text_or_null (stmt, 4, data_text);
  bind_text_or_null (stmt, 5, result == ENLACE_STEP_PENDING ? NULL : enlace_store_get_user (store));
  bind_text_or_null (stmt, 6, now);
  return run (store, stmt, _("Recording a step"), error);
}

static char *
step_event_text (const EnlaceProcedureStep *def,
                 EnlaceStepResult           result,
                 const char                *note)
{
  if (note != NULL && *note != '\0')
    /* Translators: step POSITION “TITLE”: RESULT — NOTE */
    return g_strdup_printf (_("Step %u “%s”: %s — %s"), def->position, def->title,
                            enlace_step_result_label (result), note);
  return g_strdup_printf (_("Step %u “%s”: %s"), def->position, def->title,
                          enlace_step_result_label (result));
}

gint64
enlace_case_open (EnlaceStore  *store,
                  const char   *procedure_code,
                  JsonObject   *values,
                  GError      **error)
{
  g_autoptr(EnlaceProcedure) proc = NULL;
  g_autoptr(GDateTime) opened = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *opened_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *near_text = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *form_text = NULL;
  g_autofree char *folio = NULL;
  g_autofree char *label = NULL;
  g_autofree char *event = NULL;
  JsonObject *form = NULL;
  gint64 requester_id, assignee_id, area_id, case_id, seq = 1;
  const EnlaceProcedureStep *form_step;
  sqlite3_stmt *stmt;
  int year;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (procedure_code != NULL, 0);

  proc = enlace_procedures_get (store, procedure_code, 0, error);
  if (proc == NULL)
    return 0;
  if (!check_text (proc->prefix, object_text_ok (values), error))
    return 0;

  requester_id = member_id (values, "requester_id");
  assignee_id = member_id (values, "assignee_id");
  area_id = member_id (values, "area_id");
  channel = member_text (values, "channel");
  priority = member_text (values, "priority");
  summary = member_text (values, "summary");
  opened_text = member_text (values, "opened_at");
  if (values != NULL && json_object_has_member (values, "form"))
    form = json_object_get_object_member (values, "form");

  if (channel == NULL)
    channel = g_strdup ("in-person");
  if (!in_list (channels, channel))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Unknown channel “%s” (one of: in-person, phone, email, paper)"), channel);
      return 0;
    }
  if (priority == NULL)
    priority = g_strdup ("normal");
  if (!in_list (priorities, priority))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Unknown priority “%s” (one of: low, normal, high, urgent)"), priority);
      return 0;
    }
  if (!check_person (store, requester_id, _("requester"), error) ||
      !check_person (store, assignee_id, _("assignee"), error))
    return 0;
  if (area_id < 0 || (area_id > 0 && !exists (store, "SELECT 1 FROM area WHERE id = ?1", area_id)))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("The area of the case is not an area of the project (#%lld)"), (long long) area_id);
      return 0;
    }
  if (opened_text != NULL)
    {
      opened = enlace_cases_parse_iso (opened_text);
      if (opened == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("The opening date “%s” is not an ISO 8601 date and time"), opened_text);
          return 0;
        }
      g_clear_pointer (&opened_text, g_free);
    }
  else
    opened = g_date_time_new_now_utc ();
  opened_text = enlace_cases_format_iso (opened);
  due = g_date_time_add_hours (opened, proc->target_hours);
  due_text = enlace_cases_format_iso (due);
  {
    g_autoptr(GDateTime) near = g_date_time_add_seconds (opened, proc->target_hours * 3600.0 * 0.75);
    near_text = enlace_cases_format_iso (near);
  }
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (opened);
    year = g_date_time_get_year (utc);
  }
  if (summary == NULL)
    summary = summary_from_form (proc, form);

  label = g_strdup_printf (_("Open a case: %s"), proc->name);
  if (!enlace_store_begin (store, label, error))
    return 0;

  /* a new requester, in the same command */
  if (values != NULL && json_object_has_member (values, "requester") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (values, "requester")))
    {
      JsonObject *person = json_object_get_object_member (values, "requester");

      requester_id = enlace_store_create (store, "person", person, error);
      if (requester_id == 0)
        goto fail;
    }
  if (area_id == 0 && requester_id > 0)
    {
      g_autofree char *a = query_text (store, "SELECT area_id FROM person WHERE id = ?1", requester_id);
      area_id = a ? g_ascii_strtoll (a, NULL, 10) : 0;
    }

  stmt = enlace_store_prepare (store, "SELECT coalesce(max(seq), 0) + 1 FROM case_file WHERE prefix = ?1 AND year = ?2",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, proc->prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  folio = g_strdup_printf ("%s-%d-%04lld", proc->prefix, year, (long long) seq);

  form_text = json_to_text (form);
  stmt = enlace_store_prepare (store,
                               "INSERT INTO case_file (folio, procedure_id, prefix, year, seq, requester_id, area_id, "
                               "channel, priority, assignee_id, status, summary, form, opened_at, due_at, near_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'new', ?11, ?12, ?13, ?14, ?15)",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, folio, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, proc->id);
  sqlite3_bind_text (stmt, 3, proc->prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, year);
  sqlite3_bind_int64 (stmt, 5, seq);
  bind_id_or_null (stmt, 6, requester_id);
  bind_id_or_null (stmt, 7, area_id);
  sqlite3_bind_text (stmt, 8, channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, priority, -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 10, assignee_id);
  bind_text_or_null (stmt, 11, summary);
  bind_text_or_null (stmt, 12, form_text);
  sqlite3_bind_text (stmt, 13, opened_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, due_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, near_text, -1, SQLITE_TRANSIENT);
  if (!run (store, stmt, folio, error))
    goto fail;
  case_id = sqlite3_last_insert_rowid (enlace_store_get_db (store));

  for (guint i = 0; i < proc->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (proc->steps, i);

      stmt = enlace_store_prepare (store, "INSERT INTO case_step (case_id, step_id) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int64 (stmt, 2, s->id);
      if (!run (store, stmt, folio, error))
        goto fail;
    }

  event = g_strdup_printf (_("Case %s opened (%s)"), folio, proc->name);
  if (add_event (store, case_id, "status", event, 0, NULL, NULL, error) == 0)
    goto fail;

  /* The request itself: the requester's first form, filled in at opening. */
  form_step = first_form_step (proc);
  if (form != NULL && form_step != NULL && form_step->side == ENLACE_STEP_SIDE_REQUESTER)
    {
      if (!check_step_values (form_step, form, FALSE, error))
        goto fail;
      if (check_step_values (form_step, form, TRUE, NULL))
        {
          g_autofree char *text = step_event_text (form_step, ENLACE_STEP_DONE, NULL);
          gint64 csid = 0;

          stmt = enlace_store_prepare (store, "SELECT id FROM case_step WHERE case_id = ?1 AND step_id = ?2", error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, case_id);
          sqlite3_bind_int64 (stmt, 2, form_step->id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            csid = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
          if (!write_step (store, csid, ENLACE_STEP_DONE, NULL, form, error) ||
              add_event (store, case_id, "step", text, 0, NULL, NULL, error) == 0)
            goto fail;
        }
    }

  if (!enlace_store_commit (store, error))
    return 0;
  return case_id;

fail:
  enlace_store_rollback (store);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Get                                                                 */

static void
case_step_free (gpointer data)
{
  EnlaceCaseStep *s = data;

  g_free (s->note);
  g_clear_pointer (&s->values, json_object_unref);
  g_free (s->done_by);
  g_clear_pointer (&s->done_at, g_date_time_unref);
  g_free (s);
}

static void
case_event_free (gpointer data)
{
  EnlaceCaseEvent *e = data;

  g_clear_pointer (&e->at, g_date_time_unref);
  g_free (e->who);
  g_free (e->kind);
  g_free (e->text);
  g_free (e->attachment_name);
  g_free (e->attachment_mime);
  g_free (e);
}

static void
case_link_free (gpointer data)
{
  EnlaceCaseLink *l = data;

  g_free (l->kind);
  g_free (l->key);
  g_free (l);
}

void
enlace_case_free (EnlaceCase *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->row, enlace_case_row_free);
  g_clear_pointer (&self->procedure, enlace_procedure_free);
  g_free (self->cancel_reason);
  g_clear_pointer (&self->form, json_object_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_free (self);
}

/* The readable key of a linked object. */
static char *
link_key (EnlaceStore *store,
          const char  *kind,
          gint64       id)
{
  if (g_strcmp0 (kind, "email_account") == 0 || g_strcmp0 (kind, "email-account") == 0)
    return query_text (store, "SELECT address FROM email_account WHERE id = ?1", id);
  if (g_strcmp0 (kind, "outlet") == 0)
    return enlace_store_dup_key (store, "device", id);
  if (g_strcmp0 (kind, "space") == 0)
    return query_text (store,
                       "SELECT b.code || '/' || f.level || '/' || s.code FROM space s "
                       "JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id WHERE s.id = ?1",
                       id);
  return enlace_store_dup_key (store, kind, id);
}

EnlaceCase *
enlace_case_get (EnlaceStore  *store,
                 gint64        case_id,
                 GError      **error)
{
  g_autoptr(EnlaceCase) c = g_new0 (EnlaceCase, 1);
  sqlite3_stmt *stmt;
  gint64 procedure_id = 0;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  c->row = enlace_cases_get_row (store, case_id, error);
  if (c->row == NULL)
    return NULL;
  stmt = enlace_store_prepare (store, "SELECT procedure_id, cancel_reason, form FROM case_file WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      procedure_id = sqlite3_column_int64 (stmt, 0);
      c->cancel_reason = enlace_cases_dup_column (stmt, 1);
      c->form = json_from_text ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  c->procedure = enlace_procedures_get_by_id (store, procedure_id, error);
  if (c->procedure == NULL)
    return NULL;

  c->steps = g_ptr_array_new_with_free_func (case_step_free);
  stmt = enlace_store_prepare (store,
                               "SELECT cs.id, cs.step_id, cs.result, cs.note, cs.data, cs.done_by, cs.done_at "
                               "FROM case_step cs JOIN procedure_step ps ON ps.id = cs.step_id "
                               "WHERE cs.case_id = ?1 ORDER BY ps.seq",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EnlaceCaseStep *s = g_new0 (EnlaceCaseStep, 1);
      gint64 step_id = sqlite3_column_int64 (stmt, 1);
      EnlaceStepResult result = ENLACE_STEP_PENDING;

      s->id = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; i < c->procedure->steps->len; i++)
        {
          const EnlaceProcedureStep *def = g_ptr_array_index (c->procedure->steps, i);
          if (def->id == step_id)
            s->def = def;
        }
      enlace_step_result_from_string ((const char *) sqlite3_column_text (stmt, 2), &result);
      s->result = result;
      s->note = enlace_cases_dup_column (stmt, 3);
      s->values = json_from_text ((const char *) sqlite3_column_text (stmt, 4));
      s->done_by = enlace_cases_dup_column (stmt, 5);
      s->done_at = column_time (stmt, 6);
      if (s->def == NULL)
        {
          case_step_free (s);
          continue;
        }
      g_ptr_array_add (c->steps, s);
    }
  sqlite3_reset (stmt);

  c->events = g_ptr_array_new_with_free_func (case_event_free);
  stmt = enlace_store_prepare (store,
                               "SELECT e.id, e.at, e.who, e.kind, e.text, e.attachment_id, e.attachment_name, "
                               "e.attachment_mime, length(a.data) FROM case_event e "
                               "LEFT JOIN attachment a ON a.id = e.attachment_id "
                               "WHERE e.case_id = ?1 ORDER BY e.at, e.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EnlaceCaseEvent *e = g_new0 (EnlaceCaseEvent, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = column_time (stmt, 1);
      e->who = enlace_cases_dup_column (stmt, 2);
      e->kind = enlace_cases_dup_column (stmt, 3);
      e->text = enlace_cases_dup_column (stmt, 4);
      e->attachment_id = sqlite3_column_int64 (stmt, 5);
      e->attachment_name = enlace_cases_dup_column (stmt, 6);
      e->attachment_mime = enlace_cases_dup_column (stmt, 7);
      e->attachment_size = (gsize) sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (c->events, e);
    }
  sqlite3_reset (stmt);

  c->links = g_ptr_array_new_with_free_func (case_link_free);
  {
    g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func (case_link_free);

    stmt = enlace_store_prepare (store, "SELECT kind, object_id FROM case_link WHERE case_id = ?1 ORDER BY id", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, case_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        EnlaceCaseLink *l = g_new0 (EnlaceCaseLink, 1);

        l->kind = enlace_cases_dup_column (stmt, 0);
        l->id = sqlite3_column_int64 (stmt, 1);
        g_ptr_array_add (raw, l);
      }
    sqlite3_reset (stmt);
    /* keys after the loop: link_key runs queries of its own */
    for (guint i = 0; i < raw->len; i++)
      {
        EnlaceCaseLink *l = g_ptr_array_index (raw, i);
        l->key = link_key (store, l->kind, l->id);
      }
    g_ptr_array_extend_and_steal (c->links, g_steal_pointer (&raw));
  }
  return g_steal_pointer (&c);
}

/* ------------------------------------------------------------------ */
/* Steps                                                               */

gint64
enlace_case_find_step (EnlaceStore     *store,
                       gint64           case_id,
                       EnlaceStepSide   side,
                       guint            position,
                       GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  stmt = enlace_store_prepare (store,
                               "SELECT cs.id FROM case_step cs JOIN procedure_step ps ON ps.id = cs.step_id "
                               "WHERE cs.case_id = ?1 AND ps.side = ?2 AND ps.position = ?3 ORDER BY ps.seq LIMIT 1",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, enlace_step_side_to_string (side), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, position);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_autofree char *folio = query_text (store, "SELECT folio FROM case_file WHERE id = ?1", case_id);

      if (folio == NULL)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("No case #%lld"), (long long) case_id);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     side == ENLACE_STEP_SIDE_REQUESTER
                       ? _("Case %s has no requester's step %u")
                       : _("Case %s has no administrator's step %u"),
                     folio, position);
    }
  return id;
}

typedef struct
{
  gint64            id;
  char             *folio;
  EnlaceCaseStatus  status;
  gint64            procedure_id;
  gint64            requester_id;
  gint64            area_id;
  JsonObject       *form;
} CaseHead;

static void
case_head_clear (CaseHead *h)
{
  g_free (h->folio);
  g_clear_pointer (&h->form, json_object_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaseHead, case_head_clear)

static gboolean
load_head (EnlaceStore  *store,
           gint64        case_id,
           CaseHead     *h,
           GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  memset (h, 0, sizeof *h);
  stmt = enlace_store_prepare (store,
                               "SELECT folio, status, procedure_id, requester_id, area_id, form FROM case_file WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlaceCaseStatus st = ENLACE_CASE_NEW;

      found = TRUE;
      h->id = case_id;
      h->folio = enlace_cases_dup_column (stmt, 0);
      enlace_case_status_from_string ((const char *) sqlite3_column_text (stmt, 1), &st);
      h->status = st;
      h->procedure_id = sqlite3_column_int64 (stmt, 2);
      h->requester_id = sqlite3_column_int64 (stmt, 3);
      h->area_id = sqlite3_column_int64 (stmt, 4);
      h->form = json_from_text ((const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No case #%lld"), (long long) case_id);
  return found;
}

static gboolean
set_status_row (EnlaceStore       *store,
                CaseHead          *h,
                EnlaceCaseStatus   to,
                const char        *reason,
                GError           **error);

static gboolean
link_object (EnlaceStore  *store,
             gint64        case_id,
             const char   *kind,
             gint64        object_id,
             gboolean      with_event,
             GError      **error);

/* Everything known about the case, for an action: the request form, then
 * the values of the other steps, then this step's. */
static JsonObject *
action_context (EnlaceStore *store,
                CaseHead    *h,
                gint64       case_step_id,
                JsonObject  *mine)
{
  JsonObject *ctx = json_object_new ();
  sqlite3_stmt *stmt;
  GList *members;

  members = json_object_get_members (h->form);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (ctx, l->data, json_node_copy (json_object_get_member (h->form, l->data)));
  g_list_free (members);

  stmt = enlace_store_prepare (store,
                               "SELECT cs.data FROM case_step cs JOIN procedure_step ps ON ps.id = cs.step_id "
                               "WHERE cs.case_id = ?1 AND cs.id <> ?2 AND cs.data IS NOT NULL ORDER BY ps.seq",
                               NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, h->id);
      sqlite3_bind_int64 (stmt, 2, case_step_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(JsonObject) o = json_from_text ((const char *) sqlite3_column_text (stmt, 0));

          members = json_object_get_members (o);
          for (GList *l = members; l; l = l->next)
            json_object_set_member (ctx, l->data, json_node_copy (json_object_get_member (o, l->data)));
          g_list_free (members);
        }
      sqlite3_reset (stmt);
    }
  members = json_object_get_members (mine);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (ctx, l->data, json_node_copy (json_object_get_member (mine, l->data)));
  g_list_free (members);
  return ctx;
}

/* Runs an inventory step's action; records what it made in @data. */
static gboolean
run_action (EnlaceStore                *store,
            CaseHead                   *h,
            gint64                      case_step_id,
            const EnlaceProcedureStep  *def,
            JsonObject                 *data,
            GError                    **error)
{
  g_autoptr(JsonObject) ctx = action_context (store, h, case_step_id, data);

  if (g_strcmp0 (def->action, "create-account") == 0)
    {
      g_autofree char *address = member_text (ctx, "address");
      g_autofree char *delivered_to = member_text (ctx, "delivered_to");
      g_autofree char *delivered_at = member_text (ctx, "delivered_at");
      gint64 holder_id = member_id (ctx, "holder_id");
      gint64 area_id = member_id (ctx, "area_id");
      gint64 account_id;

      if (address == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: step %u “%s” cannot be done: the account's address is missing"),
                       h->folio, def->position, def->title);
          return FALSE;
        }
      if (holder_id <= 0)
        holder_id = h->requester_id;
      if (area_id <= 0)
        area_id = h->area_id;
      account_id = enlace_email_account_insert (store, address, holder_id, area_id, h->id,
                                                delivered_to, delivered_at, error);
      if (account_id == 0)
        {
          g_prefix_error (error, _("%s: step %u “%s”: "), h->folio, def->position, def->title);
          return FALSE;
        }
      json_object_set_int_member (data, "account_id", account_id);
      return link_object (store, h->id, "email_account", account_id, FALSE, error);
    }
  if (g_strcmp0 (def->action, "remove-account") == 0)
    {
      g_autofree char *address = member_text (ctx, "address");
      g_autofree char *motive = member_text (ctx, "motive");
      g_autofree char *detail = member_text (ctx, "motive_detail");
      g_autofree char *full_motive = NULL;
      gint64 account_id = member_id (ctx, "account_id");

      /* the account_id of another step (a creation) is not this one */
      if (!json_object_has_member (data, "account_id") && address != NULL)
        account_id = 0;
      if (account_id <= 0 && address != NULL)
        {
          sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                     "SELECT id FROM email_account WHERE lower(address) = lower(?1) "
                                                     "AND status = 'active'",
                                                     error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, address, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            account_id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
          if (account_id <= 0)
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                           _("%s: step %u “%s” cannot be done: no active account “%s” in the registry"),
                           h->folio, def->position, def->title, address);
              return FALSE;
            }
        }
      if (account_id <= 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: step %u “%s” cannot be done: which account? (give its address)"),
                       h->folio, def->position, def->title);
          return FALSE;
        }
      full_motive = detail ? g_strdup_printf ("%s — %s", motive ? motive : "", detail) : g_strdup (motive);
      if (!enlace_email_account_remove (store, account_id, full_motive, h->id, error))
        {
          g_prefix_error (error, _("%s: step %u “%s”: "), h->folio, def->position, def->title);
          return FALSE;
        }
      json_object_set_int_member (data, "account_id", account_id);
      return link_object (store, h->id, "email_account", account_id, FALSE, error);
    }
  if (g_strcmp0 (def->action, "make-connection") == 0)
    {
      g_autoptr(JsonArray) single = NULL;
      g_autoptr(JsonArray) cables = json_array_new ();
      JsonArray *conns = NULL;

      if (json_object_has_member (ctx, "connections") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (ctx, "connections")))
        conns = json_object_get_array_member (ctx, "connections");
      else
        {
          JsonObject *one = json_object_new ();
          single = json_array_new ();
          for (guint k = 0; k < 3; k++)
            {
              static const char * const names[] = { "outlet_port", "switch_port", "panel_port" };
              g_autofree char *v = member_text (ctx, names[k]);
              if (v)
                json_object_set_string_member (one, names[k], v);
            }
          json_array_add_object_element (single, one);
          conns = single;
        }
      for (guint i = 0; i < json_array_get_length (conns); i++)
        {
          JsonObject *one = json_array_get_object_element (conns, i);
          g_autofree char *outlet = member_text (one, "outlet_port");
          g_autofree char *sw = member_text (one, "switch_port");
          g_autofree char *panel = member_text (one, "panel_port");
          gint64 outlet_device = 0, outlet_port = 0, cable;
          gint64 sw_id = 0;

          if (outlet == NULL || sw == NULL)
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                           _("%s: step %u “%s” cannot be done: the outlet jack and the switch port are required"),
                           h->folio, def->position, def->title);
              return FALSE;
            }
          cable = enlace_cases_make_connection (store, outlet, panel, sw, h->folio,
                                                &outlet_device, &outlet_port, error);
          if (cable == 0)
            {
              g_prefix_error (error, _("%s: step %u “%s”: "), h->folio, def->position, def->title);
              return FALSE;
            }
          json_array_add_int_element (cables, cable);
          if (!link_object (store, h->id, "outlet", outlet_device, FALSE, error) ||
              !link_object (store, h->id, "port", outlet_port, FALSE, error))
            return FALSE;
          {
            EnlaceTerm t;
            if (enlace_store_lookup_term (store, sw, &t, NULL) && t.kind == ENLACE_TERM_PORT)
              sw_id = t.id;
          }
          if (sw_id > 0 && !link_object (store, h->id, "port", sw_id, FALSE, error))
            return FALSE;
        }
      json_object_set_array_member (data, "cable_ids", g_steal_pointer (&cables));
      return TRUE;
    }
  return TRUE;
}

gboolean
enlace_case_set_step (EnlaceStore       *store,
                      gint64             case_id,
                      gint64             case_step_id,
                      EnlaceStepResult   result,
                      const char        *note,
                      JsonObject        *values,
                      GError           **error)
{
  g_auto(CaseHead) h = { 0 };
  g_autoptr(EnlaceProcedure) proc = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  const EnlaceProcedureStep *def = NULL;
  EnlaceStepResult old = ENLACE_STEP_PENDING;
  gint64 step_id = 0, owner = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (result <= ENLACE_STEP_NA, FALSE);

  if (!load_head (store, case_id, &h, error))
    return FALSE;
  if (!check_text (h.folio, text_ok (note) && object_text_ok (values), error))
    return FALSE;
  stmt = enlace_store_prepare (store, "SELECT case_id, step_id, result, data FROM case_step WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_step_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      owner = sqlite3_column_int64 (stmt, 0);
      step_id = sqlite3_column_int64 (stmt, 1);
      enlace_step_result_from_string ((const char *) sqlite3_column_text (stmt, 2), &old);
      data = json_from_text ((const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (owner != case_id)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("%s: no such step (#%lld) in this case"), h.folio, (long long) case_step_id);
      return FALSE;
    }
  proc = enlace_procedures_get_by_id (store, h.procedure_id, error);
  if (proc == NULL)
    return FALSE;
  for (guint i = 0; i < proc->steps->len; i++)
    if (((EnlaceProcedureStep *) g_ptr_array_index (proc->steps, i))->id == step_id)
      def = g_ptr_array_index (proc->steps, i);
  g_assert (def != NULL);

  if (h.status == ENLACE_CASE_RESOLVED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s” cannot be changed: the case is resolved (reopen it first)"),
                   h.folio, def->position, def->title);
      return FALSE;
    }
  if (h.status == ENLACE_CASE_CLOSED || h.status == ENLACE_CASE_CANCELLED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s” cannot be changed: the case is %s"),
                   h.folio, def->position, def->title, enlace_case_status_label (h.status));
      return FALSE;
    }
  if (def->kind == ENLACE_STEP_INVENTORY && old == ENLACE_STEP_DONE)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: step %u “%s” is done and changed the inventory: undo that command to take it back"),
                   h.folio, def->position, def->title);
      return FALSE;
    }

  /* the new values over the stored ones; null removes a value */
  if (values != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (values);

      for (GList *l = members; l; l = l->next)
        {
          JsonNode *n = json_object_get_member (values, l->data);

          if (JSON_NODE_HOLDS_NULL (n))
            json_object_remove_member (data, l->data);
          else
            json_object_set_member (data, l->data, json_node_copy (n));
        }
    }
  if (!check_step_values (def, data, FALSE, error))
    {
      g_prefix_error (error, "%s: ", h.folio);
      return FALSE;
    }
  if (result == ENLACE_STEP_DONE && !(def->kind == ENLACE_STEP_INVENTORY && json_object_has_member (data, "connections")))
    {
      g_autoptr(JsonObject) ctx = def->kind == ENLACE_STEP_INVENTORY
                                    ? action_context (store, &h, case_step_id, data)
                                    : json_object_ref (data);

      if (!check_step_values (def, ctx, TRUE, error))
        {
          g_prefix_error (error, "%s: ", h.folio);
          return FALSE;
        }
    }

  label = g_strdup_printf (_("%s, step %u “%s”: %s"), h.folio, def->position, def->title,
                           enlace_step_result_label (result));
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (def->kind == ENLACE_STEP_INVENTORY && result == ENLACE_STEP_DONE &&
      !run_action (store, &h, case_step_id, def, data, error))
    goto fail;
  if (!write_step (store, case_step_id, result, note, data, error))
    goto fail;
  /* the delivery of an account created by this case, as a fact */
  if (result == ENLACE_STEP_DONE && json_object_has_member (data, "delivered_to"))
    {
      g_autofree char *to = member_text (data, "delivered_to");
      g_autofree char *at = member_text (data, "delivered_at");

      stmt = enlace_store_prepare (store,
                                   "UPDATE email_account SET delivered_to = ?2, delivered_at = ?3 "
                                   "WHERE created_case_id = ?1 AND status = 'active'",
                                   error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, case_id);
      bind_text_or_null (stmt, 2, to);
      bind_text_or_null (stmt, 3, at);
      if (!run (store, stmt, h.folio, error))
        goto fail;
    }
  text = step_event_text (def, result, note);
  if (add_event (store, case_id, "step", text, 0, NULL, NULL, error) == 0)
    goto fail;
  if (h.status == ENLACE_CASE_NEW && !set_status_row (store, &h, ENLACE_CASE_IN_PROGRESS, NULL, error))
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Status                                                              */

gboolean
enlace_case_status_allowed (EnlaceCaseStatus from,
                            EnlaceCaseStatus to)
{
  switch (from)
    {
    case ENLACE_CASE_NEW:
      return to == ENLACE_CASE_IN_PROGRESS || to == ENLACE_CASE_CANCELLED;
    case ENLACE_CASE_IN_PROGRESS:
      return to == ENLACE_CASE_WAITING || to == ENLACE_CASE_RESOLVED || to == ENLACE_CASE_CANCELLED;
    case ENLACE_CASE_WAITING:
      return to == ENLACE_CASE_IN_PROGRESS || to == ENLACE_CASE_RESOLVED || to == ENLACE_CASE_CANCELLED;
    case ENLACE_CASE_RESOLVED:
      return to == ENLACE_CASE_CLOSED || to == ENLACE_CASE_IN_PROGRESS;
    case ENLACE_CASE_CLOSED:
    case ENLACE_CASE_CANCELLED:
    default:
      return FALSE;
    }
}

static gboolean
set_status_row (EnlaceStore       *store,
                CaseHead          *h,
                EnlaceCaseStatus   to,
                const char        *reason,
                GError           **error)
{
  g_autofree char *now = enlace_cases_now_iso ();
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store,
                               "UPDATE case_file SET status = ?2, "
                               "resolved_at = CASE WHEN ?2 = 'resolved' THEN ?3 WHEN ?2 IN ('closed','cancelled') THEN resolved_at ELSE NULL END, "
                               "closed_at = CASE WHEN ?2 IN ('closed','cancelled') THEN ?3 ELSE NULL END, "
                               "cancel_reason = CASE WHEN ?2 = 'cancelled' THEN ?4 ELSE cancel_reason END "
                               "WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->id);
  sqlite3_bind_text (stmt, 2, enlace_case_status_to_string (to), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, reason);
  if (!run (store, stmt, h->folio, error))
    return FALSE;
  if (reason != NULL && *reason != '\0')
    /* Translators: Status: OLD → NEW (REASON) */
    text = g_strdup_printf (_("Status: %s → %s (%s)"), enlace_case_status_label (h->status),
                            enlace_case_status_label (to), reason);
  else
    text = g_strdup_printf (_("Status: %s → %s"), enlace_case_status_label (h->status),
                            enlace_case_status_label (to));
  if (add_event (store, h->id, "status", text, 0, NULL, NULL, error) == 0)
    return FALSE;
  h->status = to;
  return TRUE;
}

static const char *
status_verb (EnlaceCaseStatus to)
{
  switch (to)
    {
    case ENLACE_CASE_IN_PROGRESS:
      return _("put in progress");
    case ENLACE_CASE_WAITING:
      return _("put on hold");
    case ENLACE_CASE_RESOLVED:
      return _("resolved");
    case ENLACE_CASE_CLOSED:
      return _("closed");
    case ENLACE_CASE_CANCELLED:
      return _("cancelled");
    case ENLACE_CASE_NEW:
    default:
      return _("made new again");
    }
}

gboolean
enlace_case_set_status (EnlaceStore       *store,
                        gint64             case_id,
                        EnlaceCaseStatus   status,
                        const char        *reason,
                        GError           **error)
{
  g_auto(CaseHead) h = { 0 };
  g_autofree char *label = NULL;
  g_autofree char *why = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (status <= ENLACE_CASE_CANCELLED, FALSE);

  if (!load_head (store, case_id, &h, error))
    return FALSE;
  if (!check_text (h.folio, text_ok (reason), error))
    return FALSE;

  if (h.status == status)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the case is already %s"), h.folio, enlace_case_status_label (status));
      return FALSE;
    }
  if (!enlace_case_status_allowed (h.status, status))
    {
      if (h.status == ENLACE_CASE_CLOSED || h.status == ENLACE_CASE_CANCELLED)
        why = g_strdup_printf (_("a case that is %s does not change any more"),
                               enlace_case_status_label (h.status));
      else if (h.status == ENLACE_CASE_NEW && status == ENLACE_CASE_RESOLVED)
        why = g_strdup (_("it has not been started (put it in progress first)"));
      else if (status == ENLACE_CASE_CLOSED)
        why = g_strdup (_("only a resolved case can be closed"));
      else if (status == ENLACE_CASE_CANCELLED)
        why = g_strdup (_("only an open case can be cancelled"));
      else
        why = g_strdup_printf (_("a case that is %s cannot become %s"),
                               enlace_case_status_label (h.status), enlace_case_status_label (status));
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the case cannot be %s: %s"), h.folio, status_verb (status), why);
      return FALSE;
    }
  if (status == ENLACE_CASE_CANCELLED)
    {
      g_autofree char *stripped = reason ? g_strstrip (g_strdup (reason)) : NULL;

      if (stripped == NULL || *stripped == '\0')
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: the case cannot be cancelled without a reason"), h.folio);
          return FALSE;
        }
    }
  if (status == ENLACE_CASE_RESOLVED)
    {
      sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                 "SELECT ps.position, ps.title, cs.result FROM case_step cs "
                                                 "JOIN procedure_step ps ON ps.id = cs.step_id "
                                                 "WHERE cs.case_id = ?1 AND ps.required = 1 "
                                                 "AND cs.result NOT IN ('done','na') ORDER BY ps.seq LIMIT 1",
                                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          guint position = sqlite3_column_int (stmt, 0);
          g_autofree char *title = enlace_cases_dup_column (stmt, 1);
          gboolean failed = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "failed") == 0;

          sqlite3_reset (stmt);
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       failed ? _("%s: the case cannot be resolved: step %u “%s” failed")
                              : _("%s: the case cannot be resolved: step %u “%s” is not done"),
                       h.folio, position, title);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  label = g_strdup_printf (_("%s: %s"), h.folio, enlace_case_status_label (status));
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!set_status_row (store, &h, status, reason, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

/* ------------------------------------------------------------------ */
/* Assignee, priority, notes, events                                   */

gboolean
enlace_case_assign (EnlaceStore  *store,
                    gint64        case_id,
                    gint64        person_id,
                    GError      **error)
{
  g_auto(CaseHead) h = { 0 };
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!load_head (store, case_id, &h, error))
    return FALSE;
  if (!check_person (store, person_id, _("assignee"), error))
    return FALSE;
  old = query_text (store, "SELECT assignee_id FROM case_file WHERE id = ?1", case_id);
  if ((old == NULL && person_id <= 0) || (old != NULL && g_ascii_strtoll (old, NULL, 10) == person_id))
    return TRUE;
  if (h.status == ENLACE_CASE_CLOSED || h.status == ENLACE_CASE_CANCELLED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the case is %s: it cannot be assigned"), h.folio, enlace_case_status_label (h.status));
      return FALSE;
    }
  name = person_id > 0 ? query_text (store, "SELECT name FROM person WHERE id = ?1", person_id) : NULL;
  text = name ? g_strdup_printf (_("Assigned to %s"), name) : g_strdup (_("Nobody is assigned"));
  label = g_strdup_printf (_("%s: %s"), h.folio, text);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  stmt = enlace_store_prepare (store, "UPDATE case_file SET assignee_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  bind_id_or_null (stmt, 2, person_id);
  if (!run (store, stmt, h.folio, error) ||
      add_event (store, case_id, "assign", text, 0, NULL, NULL, error) == 0)
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

static const char *
priority_label (const char *p)
{
  if (g_strcmp0 (p, "low") == 0)
    return C_("priority", "Low");
  if (g_strcmp0 (p, "high") == 0)
    return C_("priority", "High");
  if (g_strcmp0 (p, "urgent") == 0)
    return C_("priority", "Urgent");
  return C_("priority", "Normal");
}

gboolean
enlace_case_set_priority (EnlaceStore  *store,
                          gint64        case_id,
                          const char   *priority,
                          GError      **error)
{
  g_auto(CaseHead) h = { 0 };
  g_autofree char *old = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!in_list (priorities, priority))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Unknown priority “%s” (one of: low, normal, high, urgent)"), priority ? priority : "");
      return FALSE;
    }
  if (!load_head (store, case_id, &h, error))
    return FALSE;
  old = query_text (store, "SELECT priority FROM case_file WHERE id = ?1", case_id);
  if (g_strcmp0 (old, priority) == 0)
    return TRUE;
  text = g_strdup_printf (_("Priority: %s → %s"), priority_label (old), priority_label (priority));
  label = g_strdup_printf (_("%s: %s"), h.folio, text);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  stmt = enlace_store_prepare (store, "UPDATE case_file SET priority = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, priority, -1, SQLITE_TRANSIENT);
  if (!run (store, stmt, h.folio, error) ||
      add_event (store, case_id, "field", text, 0, NULL, NULL, error) == 0)
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

gint64
enlace_case_add_note (EnlaceStore  *store,
                      gint64        case_id,
                      const char   *text,
                      GBytes       *attachment,
                      const char   *name,
                      const char   *mime,
                      GError      **error)
{
  g_auto(CaseHead) h = { 0 };
  g_autofree char *label = NULL;
  gint64 attachment_id = 0, event_id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  if (!load_head (store, case_id, &h, error))
    return 0;
  if (!check_text (h.folio, text_ok (text) && text_ok (name) && text_ok (mime), error))
    return 0;
  if ((text == NULL || *text == '\0') && attachment == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: a note needs a text or an attachment"), h.folio);
      return 0;
    }
  if (attachment != NULL && g_bytes_get_size (attachment) > ENLACE_CASE_ATTACHMENT_MAX)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (attachment));
      g_autofree char *max = g_format_size (ENLACE_CASE_ATTACHMENT_MAX);

      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the attachment “%s” is %s, larger than the limit of %s"),
                   h.folio, name ? name : "", size, max);
      return 0;
    }
  if (attachment != NULL && g_bytes_get_size (attachment) == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the attachment “%s” is empty"), h.folio, name ? name : "");
      return 0;
    }
  if (attachment != NULL && mime == NULL)
    mime = "application/octet-stream";

  label = attachment ? g_strdup_printf (_("%s: attach “%s”"), h.folio, name ? name : "")
                     : g_strdup_printf (_("%s: add a note"), h.folio);
  if (!enlace_store_begin (store, label, error))
    return 0;
  if (attachment != NULL)
    {
      attachment_id = enlace_store_add_attachment (store, attachment, mime, name, error);
      if (attachment_id == 0)
        goto fail;
    }
  event_id = add_event (store, case_id, attachment ? "attachment" : "note",
                        text && *text ? text : NULL, attachment_id, attachment ? name : NULL,
                        attachment ? mime : NULL, error);
  if (event_id == 0)
    goto fail;
  if (!enlace_store_commit (store, error))
    return 0;
  return event_id;

fail:
  enlace_store_rollback (store);
  return 0;
}

gint64
enlace_case_add_event (EnlaceStore  *store,
                       gint64        case_id,
                       const char   *kind,
                       const char   *text,
                       GError      **error)
{
  static const char * const kinds[] = { "document", "sent", "note", "field", NULL };
  g_auto(CaseHead) h = { 0 };
  g_autofree char *label = NULL;
  gint64 event_id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (kind != NULL, 0);

  if (!in_list (kinds, kind))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Unknown kind of timeline event “%s” (one of: document, sent, note, field)"), kind);
      return 0;
    }
  if (!load_head (store, case_id, &h, error))
    return 0;
  if (!check_text (h.folio, text_ok (text), error))
    return 0;
  label = g_strdup_printf (_("%s: %s"), h.folio, text ? text : kind);
  if (!enlace_store_begin (store, label, error))
    return 0;
  event_id = add_event (store, case_id, kind, text, 0, NULL, NULL, error);
  if (event_id == 0)
    {
      enlace_store_rollback (store);
      return 0;
    }
  if (!enlace_store_commit (store, error))
    return 0;
  return event_id;
}

/* ------------------------------------------------------------------ */
/* Links                                                               */

/* "outlet" is a device (the outlet itself); "email-account" the registry. */
static const char *
link_table (const char *kind)
{
  static const struct { const char *kind; const char *table; } map[] = {
    { "outlet", "device" }, { "device", "device" }, { "port", "port" },
    { "extension", "extension" }, { "circuit", "circuit" }, { "cable", "cable" },
    { "space", "space" }, { "rack", "rack" }, { "email_account", "email_account" },
    { "person", "person" }, { "area", "area" }, { "building", "building" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (kind, map[i].kind) == 0)
      return map[i].table;
  return NULL;
}

static const char *
normal_kind (const char *kind)
{
  if (g_strcmp0 (kind, "email-account") == 0)
    return "email_account";
  return kind;
}

static gboolean
link_object (EnlaceStore  *store,
             gint64        case_id,
             const char   *kind,
             gint64        object_id,
             gboolean      with_event,
             GError      **error)
{
  const char *table = link_table (kind);
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  if (table == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("A case cannot be linked to a “%s” (outlet, port, device, extension, circuit, cable, space, rack, email_account)"),
                   kind);
      return FALSE;
    }
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  if (!exists (store, sql, object_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("No %s #%lld to link the case to"), kind, (long long) object_id);
      return FALSE;
    }
  stmt = enlace_store_prepare (store,
                               "INSERT INTO case_link (case_id, kind, object_id) VALUES (?1, ?2, ?3) "
                               "ON CONFLICT DO NOTHING",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, object_id);
  if (!run (store, stmt, _("Linking a case"), error))
    return FALSE;
  if (with_event && sqlite3_changes (enlace_store_get_db (store)) > 0)
    {
      g_autofree char *text = NULL;

      key = link_key (store, kind, object_id);
      text = g_strdup_printf (_("Linked to %s %s"), kind, key ? key : "?");
      if (add_event (store, case_id, "link", text, 0, NULL, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
enlace_case_link (EnlaceStore  *store,
                  gint64        case_id,
                  const char   *kind,
                  gint64        object_id,
                  GError      **error)
{
  g_auto(CaseHead) h = { 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  kind = normal_kind (kind);
  if (!load_head (store, case_id, &h, error))
    return FALSE;
  label = g_strdup_printf (_("%s: link to %s #%lld"), h.folio, kind, (long long) object_id);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!link_object (store, case_id, kind, object_id, TRUE, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

gboolean
enlace_case_unlink (EnlaceStore  *store,
                    gint64        case_id,
                    const char   *kind,
                    gint64        object_id,
                    GError      **error)
{
  g_auto(CaseHead) h = { 0 };
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  kind = normal_kind (kind);
  if (!load_head (store, case_id, &h, error))
    return FALSE;
  label = g_strdup_printf (_("%s: unlink %s #%lld"), h.folio, kind, (long long) object_id);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  stmt = enlace_store_prepare (store, "DELETE FROM case_link WHERE case_id = ?1 AND kind = ?2 AND object_id = ?3",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, object_id);
  if (!run (store, stmt, label, error))
    goto fail;
  if (sqlite3_changes (enlace_store_get_db (store)) == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("%s is not linked to %s #%lld"), h.folio, kind, (long long) object_id);
      goto fail;
    }
  key = link_key (store, kind, object_id);
  text = g_strdup_printf (_("Unlinked from %s %s"), kind, key ? key : "?");
  if (add_event (store, case_id, "link", text, 0, NULL, NULL, error) == 0)
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

GPtrArray *
enlace_cases_for_object (EnlaceStore  *store,
                         const char   *kind,
                         gint64        object_id,
                         GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_case_row_free);
  sqlite3_stmt *stmt;
  const char *k2;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  kind = normal_kind (kind);
  /* an outlet is a device */
  k2 = g_strcmp0 (kind, "device") == 0 ? "outlet" : g_strcmp0 (kind, "outlet") == 0 ? "device" : kind;
  stmt = enlace_store_prepare (store,
                               ROW_SELECT "WHERE c.id IN (SELECT case_id FROM case_link WHERE kind IN (?1, ?2) AND object_id = ?3) "
                               "ORDER BY c.status IN ('new','in-progress','waiting') DESC, c.opened_at DESC, c.id DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, k2, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, object_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Listing cases"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
enlace_cases_staff (EnlaceStore  *store,
                    GError      **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *code = enlace_store_get_meta (store, "department.area");
  gint64 area_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (code != NULL && *code != '\0')
    {
      stmt = enlace_store_prepare (store, "SELECT id FROM area WHERE code = ?1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        area_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (area_id > 0)
    {
      stmt = enlace_store_prepare (store,
                                   "SELECT id, name, position, area_id FROM person WHERE area_id = ?1 ORDER BY name, id",
                                   error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, area_id);
    }
  else
    stmt = enlace_store_prepare (store, "SELECT id, name, position, area_id FROM person ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *o = json_object_new ();

      json_object_set_int_member (o, "id", sqlite3_column_int64 (stmt, 0));
      json_object_set_string_member (o, "name", (const char *) sqlite3_column_text (stmt, 1));
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        json_object_set_string_member (o, "position", (const char *) sqlite3_column_text (stmt, 2));
      else
        json_object_set_null_member (o, "position");
      json_object_set_int_member (o, "area_id", sqlite3_column_int64 (stmt, 3));
      g_ptr_array_add (ret, o);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ret);
}
