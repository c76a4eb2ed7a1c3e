/* enlace-cases-query.c: reading cases: the inbox's rows and filters, the
 * counts, a whole case (steps, timeline, links), the cases of an object
 * and the department's staff
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"

/* ------------------------------------------------------------------ */
/* Rows                                                               */

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
  g_free (self->sort_key);
  g_free (self);
}

#define ROW_SELECT \
  "SELECT c.id, c.folio, p.code, p.name, p.kind, c.summary, c.requester_id, r.name, c.area_id, a.name, " \
  "c.assignee_id, s.name, c.status, c.priority, c.channel, c.opened_at, c.due_at, c.resolved_at, c.closed_at " \
  "FROM case_file c JOIN procedure p ON p.id = c.procedure_id " \
  "LEFT JOIN person r ON r.id = c.requester_id LEFT JOIN area a ON a.id = c.area_id " \
  "LEFT JOIN person s ON s.id = c.assignee_id "

static GDateTime *
column_time (sqlite3_stmt *stmt,
             int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return enlace_cases_parse_iso ((const char *) sqlite3_column_text (stmt, col));
}

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
  row->sort_key = enlace_cases_dup_column (stmt, 15);
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

/* The WHERE clause of a filter.  Parameters: ?1 assignee, ?3 status, ?4
 * area, ?5 the text as a LIKE pattern (no search index), ?7 now (counts),
 * ?8 ?9 the key of the row to page after, ?10 the search's MATCH, ?11…
 * its short words; see bind_filter.  The procedure's versions are written
 * in as ids: with one version the inbox's order comes from the index. */
typedef struct
{
  const EnlaceCaseFilter *f;
  EnlaceCaseSearch        search;
  gboolean                indexed;   /* search through case_search */
} Where;

static void
where_clear (Where *w)
{
  enlace_case_search_clear (&w->search);
}

static gboolean
filter_where (EnlaceStore             *store,
              const EnlaceCaseFilter  *f,
              gboolean                 with_status,
              Where                   *w,
              GString                 *sql,
              GError                 **error)
{
  memset (w, 0, sizeof *w);
  w->f = f;
  g_string_append (sql, "WHERE 1");
  if (f == NULL)
    return TRUE;
  if (f->open_only)
    g_string_append (sql, " AND c.status IN ('new','in-progress','waiting')");
  if (f->assignee_id > 0)
    g_string_append (sql, " AND c.assignee_id = ?1");
  if (f->procedure_code != NULL)
    {
      sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT id FROM procedure WHERE code = ?1 ORDER BY id", error);
      g_autoptr(GString) ids = g_string_new (NULL);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, f->procedure_code, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? ", " : "", (gint64) sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
      if (ids->len == 0)
        g_string_append (sql, " AND 0");
      else if (strchr (ids->str, ',') == NULL)
        g_string_append_printf (sql, " AND c.procedure_id = %s", ids->str);
      else
        g_string_append_printf (sql, " AND c.procedure_id IN (%s)", ids->str);
    }
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
    {
      enlace_case_search_init (&w->search, f->text);
      w->indexed = enlace_cases_search_ready (store);
      if (!w->search.any)
        ;  /* only spaces */
      else if (w->indexed && w->search.match != NULL)
        {
          /* the words of three letters or more through the index, the
           * shorter ones on the rows it found */
          /* "+c.id": walk an index in the inbox's order (or by status,
           * for the counts) and look each case up among those found,
           * rather than read every case found, often thousands */
          g_string_append (sql, " AND +c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?10");
          for (guint i = 0; i < w->search.likes->len; i++)
            g_string_append_printf (sql, " AND body LIKE ?%u ESCAPE '\\'", 11 + i);
          g_string_append (sql, ")");
        }
      else if (w->indexed)
        {
          /* only words of one or two letters ("42"): too short for the
           * index and found in most cases' text; the folio or the
           * requester's name */
          for (guint i = 0; i < w->search.likes->len; i++)
            g_string_append_printf (sql,
                                    " AND (c.folio LIKE ?%u ESCAPE '\\' OR c.requester_id IN "
                                    "(SELECT id FROM person WHERE name LIKE ?%u ESCAPE '\\'))",
                                    11 + i, 11 + i);
        }
      else
        g_string_append (sql,
                         " AND (c.folio LIKE ?5 ESCAPE '\\' OR c.summary LIKE ?5 ESCAPE '\\'"
                         " OR c.requester_id IN (SELECT id FROM person WHERE name LIKE ?5 ESCAPE '\\')"
                         " OR c.form LIKE ?5 ESCAPE '\\')");
    }
  if (f->after != NULL && f->after->sort_key != NULL)
    g_string_append (sql, " AND (c.opened_at, c.id) < (?8, ?9)");
  return TRUE;
}

static void
bind_filter (sqlite3_stmt *stmt,
             const Where  *w)
{
  const EnlaceCaseFilter *f = w->f;

  if (f == NULL)
    return;
  if (f->assignee_id > 0)
    sqlite3_bind_int64 (stmt, 1, f->assignee_id);
  if (f->status != NULL)
    sqlite3_bind_text (stmt, 3, f->status, -1, SQLITE_TRANSIENT);
  if (f->area_id > 0)
    sqlite3_bind_int64 (stmt, 4, f->area_id);
  if (w->search.any && w->indexed)
    {
      if (w->search.match != NULL)
        sqlite3_bind_text (stmt, 10, w->search.match, -1, SQLITE_TRANSIENT);
      for (guint i = 0; i < w->search.likes->len; i++)
        sqlite3_bind_text (stmt, 11 + i, g_ptr_array_index (w->search.likes, i), -1, SQLITE_TRANSIENT);
    }
  else if (w->search.any)
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
  if (f->after != NULL && f->after->sort_key != NULL)
    {
      sqlite3_bind_text (stmt, 8, f->after->sort_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 9, f->after->id);
    }
}

GPtrArray *
enlace_cases_query (EnlaceStore            *store,
                    const EnlaceCaseFilter *filter,
                    GError                **error)
{
  g_autoptr(GString) sql = g_string_new (ROW_SELECT);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_case_row_free);
  Where w;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (filter != NULL && filter->limit > 0)
    {
      /* the page's ids first, from case_file alone; the joins for them only */
      g_string_append (sql, "WHERE c.id IN (SELECT c.id FROM case_file c ");
      if (!filter_where (store, filter, TRUE, &w, sql, error))
        {
          where_clear (&w);
          return NULL;
        }
      g_string_append (sql, " ORDER BY c.opened_at DESC, c.id DESC LIMIT ?6)");
    }
  else if (!filter_where (store, filter, TRUE, &w, sql, error))
    {
      where_clear (&w);
      return NULL;
    }
  g_string_append (sql, " ORDER BY c.opened_at DESC, c.id DESC");
  stmt = enlace_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    {
      where_clear (&w);
      return NULL;
    }
  bind_filter (stmt, &w);
  if (filter != NULL && filter->limit > 0)
    sqlite3_bind_int64 (stmt, 6, filter->limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  sqlite3_reset (stmt);
  where_clear (&w);
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
  /* one query: the cases by status, then (a row "") the due states of the
   * open ones: each part walks the narrowest index that has what it needs */
  g_autoptr(GString) sql = g_string_new ("SELECT c.status, count(*), 0, 0 FROM case_file c ");
  g_autoptr(GString) due = g_string_new (
    " UNION ALL SELECT '', 0, coalesce(sum(c.due_at < ?7), 0), "
    "coalesce(sum(c.due_at >= ?7 AND c.near_at <= ?7), 0) FROM case_file c ");
  g_autoptr(JsonObject) o = json_object_new ();
  g_autofree char *now = enlace_cases_now_iso ();
  gint64 open = 0, total = 0, overdue = 0, near = 0;
  EnlaceCaseFilter f = { 0 };
  Where w;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  /* every page: the counts are of the whole filter */
  if (filter != NULL)
    f = *filter;
  f.after = NULL;
  if (!filter_where (store, &f, FALSE, &w, sql, error))
    {
      where_clear (&w);
      return NULL;
    }
  g_string_append (sql, " GROUP BY c.status");
  if (w.indexed && w.search.any && w.search.match == NULL && !f.open_only &&
      f.assignee_id <= 0 && f.procedure_code == NULL && f.area_id <= 0)
    {
      /* only short words, on the folio and the requester: read both from
       * an index rather than every case (the planner prefers the status) */
      g_string_truncate (sql, 0);
      g_string_append (sql, "SELECT c.status, count(*), 0, 0 FROM case_file c INDEXED BY case_file_folio ");
      where_clear (&w);
      if (!filter_where (store, &f, FALSE, &w, sql, error))
        {
          where_clear (&w);
          return NULL;
        }
      g_string_append (sql, " GROUP BY c.status");
    }
  where_clear (&w);
  if (!filter_where (store, &f, FALSE, &w, due, error))
    {
      where_clear (&w);
      return NULL;
    }
  if (!f.open_only)
    g_string_append (due, " AND c.status IN ('new','in-progress','waiting')");
  g_string_append (sql, due->str);

  stmt = enlace_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    {
      where_clear (&w);
      return NULL;
    }
  bind_filter (stmt, &w);
  sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i <= ENLACE_CASE_CANCELLED; i++)
    json_object_set_int_member (o, enlace_case_status_to_string (i), 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);
      EnlaceCaseStatus st;

      if (status != NULL && *status == '\0')
        {
          overdue += sqlite3_column_int64 (stmt, 2);
          near += sqlite3_column_int64 (stmt, 3);
          continue;
        }
      if (enlace_case_status_from_string (status, &st))
        {
          json_object_set_int_member (o, status, n);
          if (status_is_open (st))
            open += n;
        }
      total += n;
    }
  sqlite3_reset (stmt);
  where_clear (&w);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Counting cases"));
      return NULL;
    }
  json_object_set_int_member (o, "open", open);
  json_object_set_int_member (o, "overdue", overdue);
  json_object_set_int_member (o, "near", near);
  json_object_set_int_member (o, "total", total);
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
/* Get                                                                */

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
      c->form = enlace_cases_json_from_text ((const char *) sqlite3_column_text (stmt, 2));
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
      s->values = enlace_cases_json_from_text ((const char *) sqlite3_column_text (stmt, 4));
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

    stmt = enlace_store_prepare (store, "SELECT kind, object_id, key_text FROM case_link WHERE case_id = ?1 ORDER BY id", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, case_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        EnlaceCaseLink *l = g_new0 (EnlaceCaseLink, 1);

        l->kind = enlace_cases_dup_column (stmt, 0);
        l->id = sqlite3_column_int64 (stmt, 1);
        l->key = enlace_cases_dup_column (stmt, 2);  /* the key when linked */
        g_ptr_array_add (raw, l);
      }
    sqlite3_reset (stmt);
    /* keys after the loop: enlace_cases_link_key runs queries of its own */
    for (guint i = 0; i < raw->len; i++)
      {
        EnlaceCaseLink *l = g_ptr_array_index (raw, i);
        char *key;

        l->exists = enlace_cases_link_exists (store, l->kind, l->id);
        if (l->exists && (key = enlace_cases_link_key (store, l->kind, l->id)))
          {
            g_free (l->key);
            l->key = key;
          }
      }
    g_ptr_array_extend_and_steal (c->links, g_steal_pointer (&raw));
  }
  return g_steal_pointer (&c);
}

/* ------------------------------------------------------------------ */
/* Cases of an object, staff                                          */

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

  kind = enlace_cases_normal_kind (kind);
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
