/* enlace-cases.c: cases (expedientes) that run the procedures of the manual
 *
 * A case is a row of case_file with one case_step per step of the
 * procedure version it was opened under, a timeline (case_event) and
 * links to inventory objects (case_link).  Every change is one command
 * (enlace_store_begin/commit): written, recorded in the audit log,
 * undoable; an inventory step's action (an e-mail account, a patch cord)
 * runs in the same command as the step, so one undo takes both back.
 *
 * This file holds the helpers the enlace-cases*.c files share (declared
 * in enlace-cases-private.h), the case head and the opening of a case;
 * reading cases is in -query, steps and actions in -steps, the status,
 * assignee and priority in -status, the timeline in -timeline and the
 * links in -links.
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-json-bounds.h"
#include "enlace-cases-private.h"

/* ------------------------------------------------------------------ */
/* Helpers (shared by the enlace-cases*.c files)                      */

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

void
enlace_cases_bind_text (sqlite3_stmt *stmt,
                        int           i,
                        const char   *s)
{
  if (s != NULL)
    sqlite3_bind_text (stmt, i, s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

void
enlace_cases_bind_id (sqlite3_stmt *stmt,
                      int           i,
                      gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, i, id);
  else
    sqlite3_bind_null (stmt, i);
}

char *
enlace_cases_json_to_text (JsonObject *o)
{
  g_autoptr(JsonNode) node = NULL;

  if (o == NULL || json_object_get_size (o) == 0)
    return NULL;
  node = json_node_init_object (json_node_alloc (), o);
  return json_to_string (node, FALSE);
}

JsonObject *
enlace_cases_json_from_text (const char *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (text != NULL && *text != '\0' && enlace_json_within_bounds (text, -1, NULL))
    node = json_from_string (text, NULL);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_object_ref (json_node_get_object (node));
  return json_object_new ();
}

/* Text that XML can carry (the exchange): valid UTF-8, no control
 * characters but tab and line breaks. */
gboolean
enlace_cases_text_ok (const char *s)
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

gboolean
enlace_cases_object_text_ok (JsonObject *o)
{
  g_autoptr(GList) members = o ? json_object_get_members (o) : NULL;

  for (GList *l = members; l; l = l->next)
    {
      JsonNode *n = json_object_get_member (o, l->data);

      if (!enlace_cases_text_ok (l->data))
        return FALSE;
      if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING &&
          !enlace_cases_text_ok (json_node_get_string (n)))
        return FALSE;
      if (JSON_NODE_HOLDS_OBJECT (n) && !enlace_cases_object_text_ok (json_node_get_object (n)))
        return FALSE;
    }
  return TRUE;
}

gboolean
enlace_cases_check_text (const char  *folio,
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
gint64
enlace_cases_member_id (JsonObject *o,
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
char *
enlace_cases_member_text (JsonObject *o,
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

gboolean
enlace_cases_exists (EnlaceStore *store,
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

char *
enlace_cases_query_text (EnlaceStore *store,
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

gboolean
enlace_cases_run (EnlaceStore  *store,
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
const char * const enlace_cases_priorities[] = { "low", "normal", "high", "urgent", NULL };

gboolean
enlace_cases_in_list (const char * const *list,
                      const char         *s)
{
  for (guint i = 0; list[i]; i++)
    if (g_strcmp0 (list[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The case head                                                      */

void
enlace_case_head_clear (EnlaceCaseHead *h)
{
  g_free (h->folio);
  g_clear_pointer (&h->form, json_object_unref);
}

gboolean
enlace_case_head_load (EnlaceStore     *store,
                       gint64           case_id,
                       EnlaceCaseHead  *h,
                       GError         **error)
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
      h->form = enlace_cases_json_from_text ((const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No case #%lld"), (long long) case_id);
  return found;
}

/* ------------------------------------------------------------------ */
/* Open                                                               */

gboolean
enlace_cases_check_person (EnlaceStore  *store,
                           gint64        id,
                           const char   *what,
                           GError      **error)
{
  if (id < 0 || (id > 0 && !enlace_cases_exists (store, "SELECT 1 FROM person WHERE id = ?1", id)))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("The %s is not a person of the project (#%lld)"), what, (long long) id);
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
      text = enlace_cases_member_text (form, f->name);
      if (text == NULL)
        continue;
      if ((nl = strchr (text, '\n')) != NULL)
        *nl = '\0';
      return g_steal_pointer (&text);
    }
  return NULL;
}

/* What opening a case needs, read from the values and checked before the
 * command begins. */
typedef struct
{
  EnlaceProcedure *proc;
  JsonObject      *form;         /* the request form, in the values */
  gint64           requester_id;
  gint64           assignee_id;
  gint64           area_id;
  char            *channel;
  char            *priority;
  char            *summary;
  char            *opened_text;
  char            *due_text;
  char            *near_text;
  int              year;
  char            *folio;
} CaseOpening;

static void
case_opening_clear (CaseOpening *o)
{
  g_clear_pointer (&o->proc, enlace_procedure_free);
  g_free (o->channel);
  g_free (o->priority);
  g_free (o->summary);
  g_free (o->opened_text);
  g_free (o->due_text);
  g_free (o->near_text);
  g_free (o->folio);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaseOpening, case_opening_clear)

/* The opening date (given or now), the due and near dates, the year. */
static gboolean
opening_dates (CaseOpening  *o,
               GError      **error)
{
  g_autoptr(GDateTime) opened = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) near = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (o->opened_text != NULL)
    {
      opened = enlace_cases_parse_iso (o->opened_text);
      if (opened == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("The opening date “%s” is not an ISO 8601 date and time"), o->opened_text);
          return FALSE;
        }
      g_clear_pointer (&o->opened_text, g_free);
    }
  else
    opened = g_date_time_new_now_utc ();
  o->opened_text = enlace_cases_format_iso (opened);
  due = g_date_time_add_hours (opened, o->proc->target_hours);
  o->due_text = enlace_cases_format_iso (due);
  near = g_date_time_add_seconds (opened, o->proc->target_hours * 3600.0 * 0.75);
  o->near_text = enlace_cases_format_iso (near);
  utc = g_date_time_to_utc (opened);
  o->year = g_date_time_get_year (utc);
  return TRUE;
}

/* Reads and checks the values of a new case (nothing is written). */
static gboolean
opening_read (EnlaceStore  *store,
              CaseOpening  *o,
              JsonObject   *values,
              GError      **error)
{
  o->requester_id = enlace_cases_member_id (values, "requester_id");
  o->assignee_id = enlace_cases_member_id (values, "assignee_id");
  o->area_id = enlace_cases_member_id (values, "area_id");
  o->channel = enlace_cases_member_text (values, "channel");
  o->priority = enlace_cases_member_text (values, "priority");
  o->summary = enlace_cases_member_text (values, "summary");
  o->opened_text = enlace_cases_member_text (values, "opened_at");
  if (values != NULL && json_object_has_member (values, "form"))
    o->form = json_object_get_object_member (values, "form");

  if (o->channel == NULL)
    o->channel = g_strdup ("in-person");
  if (!enlace_cases_in_list (channels, o->channel))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Unknown channel “%s” (one of: in-person, phone, email, paper)"), o->channel);
      return FALSE;
    }
  if (o->priority == NULL)
    o->priority = g_strdup ("normal");
  if (!enlace_cases_in_list (enlace_cases_priorities, o->priority))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Unknown priority “%s” (one of: low, normal, high, urgent)"), o->priority);
      return FALSE;
    }
  if (!enlace_cases_check_person (store, o->requester_id, _("requester"), error) ||
      !enlace_cases_check_person (store, o->assignee_id, _("assignee"), error))
    return FALSE;
  if (o->area_id < 0 ||
      (o->area_id > 0 && !enlace_cases_exists (store, "SELECT 1 FROM area WHERE id = ?1", o->area_id)))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("The area of the case is not an area of the project (#%lld)"), (long long) o->area_id);
      return FALSE;
    }
  if (!opening_dates (o, error))
    return FALSE;
  if (o->summary == NULL)
    o->summary = summary_from_form (o->proc, o->form);
  return TRUE;
}

/* A new requester (inside the command), and the area of the requester
 * when the case names none. */
static gboolean
opening_requester (EnlaceStore  *store,
                   CaseOpening  *o,
                   JsonObject   *values,
                   GError      **error)
{
  if (values != NULL && json_object_has_member (values, "requester") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (values, "requester")))
    {
      JsonObject *person = json_object_get_object_member (values, "requester");

      o->requester_id = enlace_store_create (store, "person", person, error);
      if (o->requester_id == 0)
        return FALSE;
    }
  if (o->area_id == 0 && o->requester_id > 0)
    {
      g_autofree char *a = enlace_cases_query_text (store, "SELECT area_id FROM person WHERE id = ?1",
                                                    o->requester_id);
      o->area_id = a ? g_ascii_strtoll (a, NULL, 10) : 0;
    }
  return TRUE;
}

/* Inserts the row of case_file under the next folio of its prefix and
 * year; returns its id, 0 on failure. */
static gint64
insert_case_file (EnlaceStore  *store,
                  CaseOpening  *o,
                  GError      **error)
{
  g_autofree char *form_text = NULL;
  sqlite3_stmt *stmt;
  gint64 seq = 1;

  stmt = enlace_store_prepare (store, "SELECT coalesce(max(seq), 0) + 1 FROM case_file WHERE prefix = ?1 AND year = ?2",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, o->proc->prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, o->year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  o->folio = g_strdup_printf ("%s-%d-%04lld", o->proc->prefix, o->year, (long long) seq);

  form_text = enlace_cases_json_to_text (o->form);
  stmt = enlace_store_prepare (store,
                               "INSERT INTO case_file (folio, procedure_id, prefix, year, seq, requester_id, area_id, "
                               "channel, priority, assignee_id, status, summary, form, opened_at, due_at, near_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'new', ?11, ?12, ?13, ?14, ?15)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, o->folio, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, o->proc->id);
  sqlite3_bind_text (stmt, 3, o->proc->prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, o->year);
  sqlite3_bind_int64 (stmt, 5, seq);
  enlace_cases_bind_id (stmt, 6, o->requester_id);
  enlace_cases_bind_id (stmt, 7, o->area_id);
  sqlite3_bind_text (stmt, 8, o->channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, o->priority, -1, SQLITE_TRANSIENT);
  enlace_cases_bind_id (stmt, 10, o->assignee_id);
  enlace_cases_bind_text (stmt, 11, o->summary);
  enlace_cases_bind_text (stmt, 12, form_text);
  sqlite3_bind_text (stmt, 13, o->opened_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, o->due_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, o->near_text, -1, SQLITE_TRANSIENT);
  if (!enlace_cases_run (store, stmt, o->folio, error))
    return 0;
  return sqlite3_last_insert_rowid (enlace_store_get_db (store));
}

/* One pending case_step per step of the procedure. */
static gboolean
insert_case_steps (EnlaceStore  *store,
                   CaseOpening  *o,
                   gint64        case_id,
                   GError      **error)
{
  for (guint i = 0; i < o->proc->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (o->proc->steps, i);
      sqlite3_stmt *stmt;

      stmt = enlace_store_prepare (store, "INSERT INTO case_step (case_id, step_id) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int64 (stmt, 2, s->id);
      if (!enlace_cases_run (store, stmt, o->folio, error))
        return FALSE;
    }
  return TRUE;
}

/* The request itself: the requester's first form, filled in at opening,
 * is done when it is complete. */
static gboolean
record_request_form (EnlaceStore  *store,
                     CaseOpening  *o,
                     gint64        case_id,
                     GError      **error)
{
  const EnlaceProcedureStep *form_step = first_form_step (o->proc);
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 csid = 0;

  if (o->form == NULL || form_step == NULL || form_step->side != ENLACE_STEP_SIDE_REQUESTER)
    return TRUE;
  if (!enlace_cases_check_step_values (form_step, o->form, FALSE, error))
    return FALSE;
  if (!enlace_cases_check_step_values (form_step, o->form, TRUE, NULL))
    return TRUE;

  text = enlace_cases_step_event_text (form_step, ENLACE_STEP_DONE, NULL);
  stmt = enlace_store_prepare (store, "SELECT id FROM case_step WHERE case_id = ?1 AND step_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, form_step->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    csid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return enlace_cases_write_step (store, csid, ENLACE_STEP_DONE, NULL, o->form, error) &&
         enlace_cases_write_event (store, case_id, "step", text, 0, NULL, NULL, error) != 0;
}

gint64
enlace_case_open (EnlaceStore  *store,
                  const char   *procedure_code,
                  JsonObject   *values,
                  GError      **error)
{
  g_auto(CaseOpening) o = { 0 };
  g_autofree char *label = NULL;
  g_autofree char *event = NULL;
  gint64 case_id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (procedure_code != NULL, 0);

  o.proc = enlace_procedures_get (store, procedure_code, 0, error);
  if (o.proc == NULL)
    return 0;
  if (!enlace_cases_check_text (o.proc->prefix, enlace_cases_object_text_ok (values), error))
    return 0;
  if (!opening_read (store, &o, values, error))
    return 0;

  label = g_strdup_printf (_("Open a case: %s"), o.proc->name);
  if (!enlace_store_begin (store, label, error))
    return 0;
  if (!opening_requester (store, &o, values, error))
    goto fail;
  case_id = insert_case_file (store, &o, error);
  if (case_id == 0 || !insert_case_steps (store, &o, case_id, error))
    goto fail;
  event = g_strdup_printf (_("Case %s opened (%s)"), o.folio, o.proc->name);
  if (enlace_cases_write_event (store, case_id, "status", event, 0, NULL, NULL, error) == 0)
    goto fail;
  if (!record_request_form (store, &o, case_id, error))
    goto fail;

  if (!enlace_store_commit (store, error))
    return 0;
  return case_id;

fail:
  enlace_store_rollback (store);
  return 0;
}
