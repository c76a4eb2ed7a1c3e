/* enlace-case-stats.c: the department's statistics of cases (read only):
 * per procedure and month, per area, per assignee, open cases by age,
 * time to resolve, the objects most linked to fault cases
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-case-stats.h"
#include "enlace-cases-private.h"

static const char * const period_names[] = {
  "this-month", "last-3-months", "this-year", "last-12-months",
};

const char *
enlace_stats_period_to_string (EnlaceStatsPeriod period)
{
  g_return_val_if_fail (period <= ENLACE_STATS_LAST_12_MONTHS, NULL);
  return period_names[period];
}

gboolean
enlace_stats_period_from_string (const char        *s,
                                 EnlaceStatsPeriod *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_names); i++)
    if (g_strcmp0 (s, period_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
enlace_stats_period_label (EnlaceStatsPeriod period)
{
  switch (period)
    {
    case ENLACE_STATS_THIS_MONTH:
      return _("This month");
    case ENLACE_STATS_LAST_3_MONTHS:
      return _("Last 3 months");
    case ENLACE_STATS_THIS_YEAR:
      return _("This year");
    case ENLACE_STATS_LAST_12_MONTHS:
    default:
      return _("Last 12 months");
    }
}

void
enlace_stats_period_bounds (EnlaceStatsPeriod   period,
                            GDateTime          *now,
                            GDateTime         **from,
                            GDateTime         **to)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) first = NULL;
  int back = 0;

  g_return_if_fail (from != NULL && to != NULL);
  utc = now ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  first = g_date_time_new_utc (g_date_time_get_year (utc), g_date_time_get_month (utc), 1, 0, 0, 0);
  *to = g_date_time_add_months (first, 1);
  switch (period)
    {
    case ENLACE_STATS_THIS_MONTH:
      back = 0;
      break;
    case ENLACE_STATS_LAST_3_MONTHS:
      back = 2;
      break;
    case ENLACE_STATS_THIS_YEAR:
      back = g_date_time_get_month (utc) - 1;
      break;
    case ENLACE_STATS_LAST_12_MONTHS:
    default:
      back = 11;
      break;
    }
  *from = g_date_time_add_months (first, -back);
}

static const char * const age_keys[ENLACE_STATS_N_AGES] = {
  "lt-1d", "1-3d", "3-7d", "7-30d", "gt-30d",
};

const char *
enlace_stats_age_key (guint bucket)
{
  g_return_val_if_fail (bucket < ENLACE_STATS_N_AGES, NULL);
  return age_keys[bucket];
}

const char *
enlace_stats_age_label (guint bucket)
{
  static const char * const labels[ENLACE_STATS_N_AGES] = {
    N_("Less than 1 day"), N_("1 to 3 days"), N_("3 to 7 days"), N_("7 to 30 days"), N_("Over 30 days"),
  };

  g_return_val_if_fail (bucket < ENLACE_STATS_N_AGES, NULL);
  return _(labels[bucket]);
}

static int
dcmp (const void *a,
      const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
enlace_stats_median (double *values,
                     guint   n)
{
  if (n == 0)
    return 0;
  g_return_val_if_fail (values != NULL, 0);
  qsort (values, n, sizeof (double), dcmp);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double
enlace_stats_percentile (double *values,
                         guint   n,
                         double  p)
{
  guint rank;

  if (n == 0)
    return 0;
  g_return_val_if_fail (values != NULL, 0);
  g_return_val_if_fail (p > 0 && p <= 100, 0);
  qsort (values, n, sizeof (double), dcmp);
  /* the small epsilon keeps 0.9 × 10 at rank 9 despite rounding */
  rank = (guint) ceil (p / 100.0 * n - 1e-9);
  rank = CLAMP (rank, 1, n);
  return values[rank - 1];
}

/* ------------------------------------------------------------------ */

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  char   *kind;
  int     target_hours;
} Proc;

static void
proc_free (Proc *p)
{
  g_free (p->code);
  g_free (p->name);
  g_free (p->kind);
  g_free (p);
}

/* One row per procedure code (all versions count as one), in the
 * manual's order of the current versions. */
typedef struct
{
  Proc   *proc;           /* the current version's name and target */
  gint64  count;
  gint64 *months;
  GArray *hours;          /* double: time to resolve of resolved cases */
  gint64  within;
} ProcStats;

static void
proc_stats_free (ProcStats *s)
{
  g_free (s->months);
  g_array_unref (s->hours);
  g_free (s);
}

typedef struct
{
  gint64  id;
  char   *name;
  gint64  count;
  gint64  open;
} Group;

static void
group_free (Group *g)
{
  g_free (g->name);
  g_free (g);
}

static int
group_cmp (gconstpointer a,
           gconstpointer b)
{
  const Group *x = *(Group * const *) a, *y = *(Group * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->name, y->name);
}

static Group *
group_get (GHashTable *table,
           gint64      id)
{
  Group *g = g_hash_table_lookup (table, &id);

  if (g == NULL)
    {
      g = g_new0 (Group, 1);
      g->id = id;
      g_hash_table_insert (table, &g->id, g);
    }
  return g;
}

/* Names the groups from @sql (?1 = id → name); sorts them, most first. */
static JsonArray *
groups_to_json (EnlaceStore *store,
                GHashTable  *table,
                const char  *sql,
                gboolean     with_open)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  JsonArray *a = json_array_new ();
  GHashTableIter it;
  Group *g;

  g_hash_table_iter_init (&it, table);
  while (g_hash_table_iter_next (&it, NULL, (gpointer *) &g))
    {
      if (g->id > 0)
        g->name = enlace_cases_query_text (store, sql, g->id);
      if (g->name == NULL)
        g->name = g_strdup (g->id > 0 ? "?" : _("(none)"));
      g_ptr_array_add (list, g);
    }
  g_ptr_array_sort (list, group_cmp);
  for (guint i = 0; i < list->len; i++)
    {
      JsonObject *o = json_object_new ();

      g = g_ptr_array_index (list, i);
      json_object_set_int_member (o, "id", g->id);
      json_object_set_string_member (o, "name", g->name);
      json_object_set_int_member (o, "count", g->count);
      if (with_open)
        json_object_set_int_member (o, "open", g->open);
      json_array_add_object_element (a, o);
    }
  return a;
}

static gboolean
is_open (const char *status)
{
  return g_strcmp0 (status, "new") == 0 || g_strcmp0 (status, "in-progress") == 0
         || g_strcmp0 (status, "waiting") == 0;
}

static gboolean
step_error (EnlaceStore   *store,
            sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  enlace_store_set_sql_error (store, error, _("Computing the statistics of cases"));
  sqlite3_reset (stmt);
  return FALSE;
}

JsonObject *
enlace_case_stats (EnlaceStore  *store,
                   GDateTime    *from,
                   GDateTime    *to,
                   GDateTime    *now,
                   GError      **error)
{
  g_autoptr(JsonObject) out = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autofree char *now_iso = NULL;
  g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func ((GDestroyNotify) proc_free);
  g_autoptr(GPtrArray) pstats = g_ptr_array_new_with_free_func ((GDestroyNotify) proc_stats_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);      /* id → ProcStats */
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);        /* code → ProcStats */
  g_autoptr(GHashTable) targets = g_hash_table_new (g_int64_hash, g_int64_equal);    /* id → Proc */
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) group_free);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) group_free);
  g_autoptr(GPtrArray) month_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) month_index = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 opened = 0, resolved = 0, open_now = 0;
  gint64 ages[ENLACE_STATS_N_AGES] = { 0 };
  sqlite3_stmt *stmt;
  JsonArray *a;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (g_date_time_compare (to, from) <= 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The statistics of cases need a period whose end comes after its start"));
      return NULL;
    }
  {
    g_autoptr(GDateTime) f = g_date_time_to_utc (from);
    g_autoptr(GDateTime) t = g_date_time_to_utc (to);
    g_autoptr(GDateTime) m = NULL;
    g_autoptr(GDateTime) last = g_date_time_add_seconds (t, -1);

    from_iso = enlace_cases_format_iso (f);
    to_iso = enlace_cases_format_iso (t);
    now_utc = now ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
    now_iso = enlace_cases_format_iso (now_utc);
    /* the months of the period, "YYYY-MM" as opened_at begins */
    m = g_date_time_new_utc (g_date_time_get_year (f), g_date_time_get_month (f), 1, 0, 0, 0);
    while (g_date_time_compare (m, last) <= 0 && month_keys->len < 1200)
      {
        GDateTime *next = g_date_time_add_months (m, 1);

        g_ptr_array_add (month_keys, g_date_time_format (m, "%Y-%m"));
        g_date_time_unref (m);
        m = next;
      }
    for (guint i = 0; i < month_keys->len; i++)
      g_hash_table_insert (month_index, g_ptr_array_index (month_keys, i), GUINT_TO_POINTER (i + 1));
  }

  /* The procedures: every version, grouped by code in the order of the
   * current versions (then older codes). */
  stmt = enlace_store_prepare (store,
                               "SELECT id, code, name, kind, target_hours FROM procedure "
                               "ORDER BY code, current DESC, version DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Proc *p = g_new0 (Proc, 1);
      ProcStats *s;

      p->id = sqlite3_column_int64 (stmt, 0);
      p->code = enlace_cases_dup_column (stmt, 1);
      p->name = enlace_cases_dup_column (stmt, 2);
      p->kind = enlace_cases_dup_column (stmt, 3);
      p->target_hours = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (procs, p);
      s = g_hash_table_lookup (by_code, p->code);
      if (s == NULL)
        {
          s = g_new0 (ProcStats, 1);
          s->proc = p;
          s->months = g_new0 (gint64, MAX (month_keys->len, 1));
          s->hours = g_array_new (FALSE, FALSE, sizeof (double));
          g_ptr_array_add (pstats, s);
          g_hash_table_insert (by_code, p->code, s);
        }
      g_hash_table_insert (by_id, &p->id, s);
      g_hash_table_insert (targets, &p->id, p);
    }
  if (!step_error (store, stmt, rc, error))
    return NULL;

  /* One pass over the cases opened in the period. */
  stmt = enlace_store_prepare (store,
                               "SELECT procedure_id, substr(opened_at, 1, 7), area_id, assignee_id, status "
                               "FROM case_file WHERE opened_at >= ?1 AND opened_at < ?2",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pid = sqlite3_column_int64 (stmt, 0);
      const char *month = (const char *) sqlite3_column_text (stmt, 1);
      const char *status = (const char *) sqlite3_column_text (stmt, 4);
      ProcStats *s = g_hash_table_lookup (by_id, &pid);
      guint mi = GPOINTER_TO_UINT (g_hash_table_lookup (month_index, month ? month : ""));
      gboolean o = is_open (status);
      Group *g;

      opened++;
      if (s != NULL)
        {
          s->count++;
          if (mi > 0)
            s->months[mi - 1]++;
        }
      g = group_get (areas, sqlite3_column_int64 (stmt, 2));
      g->count++;
      g = group_get (people, sqlite3_column_int64 (stmt, 3));
      g->count++;
      g->open += o;
    }
  if (!step_error (store, stmt, rc, error))
    return NULL;

  /* The open cases now, by age. */
  stmt = enlace_store_prepare (store,
                               "SELECT (julianday(?1) - julianday(opened_at)) FROM case_file "
                               "WHERE status IN ('new', 'in-progress', 'waiting')",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now_iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double days = sqlite3_column_double (stmt, 0);

      open_now++;
      ages[days < 1 ? 0 : days < 3 ? 1 : days < 7 ? 2 : days < 30 ? 3 : 4]++;
    }
  if (!step_error (store, stmt, rc, error))
    return NULL;

  /* Time to resolve of the cases resolved in the period. */
  stmt = enlace_store_prepare (store,
                               "SELECT procedure_id, (julianday(resolved_at) - julianday(opened_at)) * 24.0 "
                               "FROM case_file WHERE resolved_at >= ?1 AND resolved_at < ?2 "
                               "AND status IN ('resolved', 'closed')",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pid = sqlite3_column_int64 (stmt, 0);
      double hours = sqlite3_column_double (stmt, 1);
      ProcStats *s = g_hash_table_lookup (by_id, &pid);
      Proc *p = g_hash_table_lookup (targets, &pid);

      resolved++;
      if (s == NULL || p == NULL)
        continue;
      /* whole seconds: julianday's fraction is not exact */
      hours = round (hours * 3600.0) / 3600.0;
      g_array_append_val (s->hours, hours);
      if (hours <= p->target_hours)
        s->within++;
    }
  if (!step_error (store, stmt, rc, error))
    return NULL;

  out = json_object_new ();
  json_object_set_string_member (out, "from", from_iso);
  json_object_set_string_member (out, "to", to_iso);
  json_object_set_string_member (out, "now", now_iso);
  a = json_array_new ();
  for (guint i = 0; i < month_keys->len; i++)
    json_array_add_string_element (a, g_ptr_array_index (month_keys, i));
  json_object_set_array_member (out, "months", a);
  json_object_set_int_member (out, "opened", opened);
  json_object_set_int_member (out, "resolved", resolved);
  json_object_set_int_member (out, "open_now", open_now);

  a = json_array_new ();
  for (guint i = 0; i < pstats->len; i++)
    {
      ProcStats *s = g_ptr_array_index (pstats, i);
      JsonObject *o = json_object_new ();
      JsonArray *m = json_array_new ();

      json_object_set_string_member (o, "code", s->proc->code);
      json_object_set_string_member (o, "name", s->proc->name);
      json_object_set_string_member (o, "kind", s->proc->kind);
      json_object_set_int_member (o, "count", s->count);
      for (guint k = 0; k < month_keys->len; k++)
        json_array_add_int_element (m, s->months[k]);
      json_object_set_array_member (o, "months", m);
      json_array_add_object_element (a, o);
    }
  json_object_set_array_member (out, "by_procedure", a);

  json_object_set_array_member (out, "by_area",
                                groups_to_json (store, areas, "SELECT name FROM area WHERE id = ?1", FALSE));
  json_object_set_array_member (out, "by_assignee",
                                groups_to_json (store, people, "SELECT name FROM person WHERE id = ?1", TRUE));

  a = json_array_new ();
  for (guint i = 0; i < ENLACE_STATS_N_AGES; i++)
    {
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "key", age_keys[i]);
      json_object_set_string_member (o, "label", enlace_stats_age_label (i));
      json_object_set_int_member (o, "count", ages[i]);
      json_array_add_object_element (a, o);
    }
  json_object_set_array_member (out, "open_by_age", a);

  a = json_array_new ();
  for (guint i = 0; i < pstats->len; i++)
    {
      ProcStats *s = g_ptr_array_index (pstats, i);
      JsonObject *o = json_object_new ();
      double *v = (double *) s->hours->data;

      json_object_set_string_member (o, "code", s->proc->code);
      json_object_set_string_member (o, "name", s->proc->name);
      json_object_set_int_member (o, "target_hours", s->proc->target_hours);
      json_object_set_int_member (o, "resolved", s->hours->len);
      json_object_set_double_member (o, "median_hours", enlace_stats_median (v, s->hours->len));
      json_object_set_double_member (o, "p90_hours", enlace_stats_percentile (v, s->hours->len, 90));
      json_object_set_int_member (o, "within_target", s->within);
      json_array_add_object_element (a, o);
    }
  json_object_set_array_member (out, "resolution", a);

  /* The objects most linked to fault cases opened in the period. */
  stmt = enlace_store_prepare (store,
                               "SELECT l.kind, l.object_id, count(*) AS n, "
                               "sum(c.status IN ('new', 'in-progress', 'waiting')) "
                               "FROM case_file c JOIN procedure p ON p.id = c.procedure_id AND p.kind = 'fault' "
                               "JOIN case_link l ON l.case_id = c.id "
                               "WHERE c.opened_at >= ?1 AND c.opened_at < ?2 "
                               "AND l.kind IN ('device', 'outlet', 'port', 'cable', 'circuit', 'rack', 'extension') "
                               "GROUP BY l.kind, l.object_id ORDER BY n DESC, l.kind, l.object_id LIMIT ?3",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, ENLACE_STATS_TOP_OBJECTS);
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        JsonObject *o = json_object_new ();

        json_object_set_string_member (o, "kind", (const char *) sqlite3_column_text (stmt, 0));
        json_object_set_int_member (o, "id", sqlite3_column_int64 (stmt, 1));
        json_object_set_int_member (o, "count", sqlite3_column_int64 (stmt, 2));
        json_object_set_int_member (o, "open", sqlite3_column_int64 (stmt, 3));
        g_ptr_array_add (found, o);
      }
    if (!step_error (store, stmt, rc, error))
      return NULL;
    a = json_array_new ();
    for (guint i = 0; i < found->len; i++)
      {
        JsonObject *o = g_ptr_array_index (found, i);
        g_autofree char *key = enlace_cases_link_key (store, json_object_get_string_member (o, "kind"),
                                                      json_object_get_int_member (o, "id"));

        json_object_set_string_member (o, "key", key ? key : "?");
        json_array_add_object_element (a, json_object_ref (o));
      }
    json_object_set_array_member (out, "fault_objects", a);
  }
  return g_steal_pointer (&out);
}
