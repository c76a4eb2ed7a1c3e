/* enlace-cli-cases.c: case, procedures and account
 *
 *   enlace-cli case new|list|show|step|status|assign|note|link|propose FILE …
 *   enlace-cli procedures list|show|export|import FILE …
 *   enlace-cli account list|show FILE …
 *
 * `case doc` is the documents code's: it defines cli_case_doc() (declared
 * weak here, so that enlace-cli builds and lists "doc" only when it is
 * linked in).
 */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-cli.h"
#include "enlace-faults.h"
#include "enlace-trace-paths.h"

static gboolean opt_json;
static gboolean opt_open;
static gboolean opt_all;
static gboolean opt_unlink;
static char *opt_requester;
static char *opt_new_requester;
static char *opt_area;
static char *opt_channel;
static char *opt_priority;
static char *opt_assignee;
static char *opt_summary;
static char *opt_opened_at;
static char *opt_procedure;
static char *opt_status;
static char *opt_search;
static char *opt_note;
static char *opt_reason;
static char *opt_attach;
static char *opt_mime;
static int opt_limit = 50;
static int opt_count = 1;
static int opt_version;
static char *opt_at;
static gboolean opt_also_related;
static char **opt_related;
static gboolean opt_mark_faulty;

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

static EnlaceStore *
open_store (const char *path,
            int        *status)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = cli_open (path, FALSE, &error);

  if (store == NULL)
    *status = cli_fail (g_steal_pointer (&error));
  return store;
}

static char *
iso (GDateTime *dt)
{
  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_string_or_null (JsonObject *o,
                    const char *name,
                    const char *value)
{
  if (value)
    json_object_set_string_member (o, name, value);
  else
    json_object_set_null_member (o, name);
}

static void
set_time (JsonObject *o,
          const char *name,
          GDateTime  *dt)
{
  g_autofree char *s = iso (dt);
  set_string_or_null (o, name, s);
}

static JsonObject *
row_json (const EnlaceCaseRow *r)
{
  JsonObject *o = json_object_new ();
  static const char * const due[] = { "none", "on-time", "near", "overdue" };

  json_object_set_int_member (o, "id", r->id);
  json_object_set_string_member (o, "folio", r->folio);
  json_object_set_string_member (o, "procedure", r->procedure_code);
  json_object_set_string_member (o, "procedure_name", r->procedure_name);
  json_object_set_string_member (o, "kind", r->procedure_kind);
  set_string_or_null (o, "summary", r->summary);
  set_string_or_null (o, "requester", r->requester);
  set_string_or_null (o, "area", r->area);
  set_string_or_null (o, "assignee", r->assignee);
  json_object_set_string_member (o, "status", enlace_case_status_to_string (r->status));
  json_object_set_string_member (o, "priority", r->priority);
  json_object_set_string_member (o, "channel", r->channel);
  set_time (o, "opened_at", r->opened_at);
  set_time (o, "due_at", r->due_at);
  set_time (o, "resolved_at", r->resolved_at);
  set_time (o, "closed_at", r->closed_at);
  json_object_set_string_member (o, "due", due[enlace_case_row_due (r, NULL)]);
  return o;
}

static JsonObject *
case_json (const EnlaceCase *c)
{
  JsonObject *o = row_json (c->row);
  JsonArray *steps = json_array_new ();
  JsonArray *events = json_array_new ();
  JsonArray *links = json_array_new ();

  json_object_set_int_member (o, "procedure_version", c->procedure->version);
  set_string_or_null (o, "cancel_reason", c->cancel_reason);
  json_object_set_object_member (o, "form", json_object_ref (c->form));
  for (guint i = 0; i < c->steps->len; i++)
    {
      const EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);
      JsonObject *so = json_object_new ();

      json_object_set_int_member (so, "id", s->id);
      json_object_set_string_member (so, "side", enlace_step_side_to_string (s->def->side));
      json_object_set_int_member (so, "position", s->def->position);
      json_object_set_string_member (so, "title", s->def->title);
      json_object_set_string_member (so, "kind", enlace_step_kind_to_string (s->def->kind));
      set_string_or_null (so, "action", s->def->action);
      json_object_set_boolean_member (so, "required", s->def->required);
      json_object_set_string_member (so, "result", enlace_step_result_to_string (s->result));
      set_string_or_null (so, "note", s->note);
      json_object_set_object_member (so, "values", json_object_ref (s->values));
      set_string_or_null (so, "done_by", s->done_by);
      set_time (so, "done_at", s->done_at);
      json_array_add_object_element (steps, so);
    }
  for (guint i = 0; i < c->events->len; i++)
    {
      const EnlaceCaseEvent *e = g_ptr_array_index (c->events, i);
      JsonObject *eo = json_object_new ();

      set_time (eo, "at", e->at);
      set_string_or_null (eo, "who", e->who);
      json_object_set_string_member (eo, "kind", e->kind);
      set_string_or_null (eo, "text", e->text);
      if (e->attachment_id > 0)
        {
          json_object_set_int_member (eo, "attachment_id", e->attachment_id);
          set_string_or_null (eo, "attachment_name", e->attachment_name);
          set_string_or_null (eo, "attachment_mime", e->attachment_mime);
          json_object_set_int_member (eo, "attachment_size", e->attachment_size);
        }
      json_array_add_object_element (events, eo);
    }
  for (guint i = 0; i < c->links->len; i++)
    {
      const EnlaceCaseLink *l = g_ptr_array_index (c->links, i);
      JsonObject *lo = json_object_new ();

      json_object_set_string_member (lo, "kind", l->kind);
      json_object_set_int_member (lo, "id", l->id);
      set_string_or_null (lo, "key", l->key);
      json_object_set_boolean_member (lo, "exists", l->exists);
      json_array_add_object_element (links, lo);
    }
  json_object_set_array_member (o, "steps", steps);
  json_object_set_array_member (o, "events", events);
  json_object_set_array_member (o, "links", links);
  return o;
}

static void
print_object (JsonObject *o)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), o);
  cli_print_json (node);
}

static void
print_array (JsonArray *a)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), a);
  cli_print_json (node);
}

/* A person by id or by name (its readable key); 0 with @error. */
static gint64
find_person (EnlaceStore  *store,
             const char   *key,
             GError      **error)
{
  char *end = NULL;
  gint64 id = g_ascii_strtoll (key, &end, 10);

  if (end != key && *end == '\0' && id > 0)
    return id;
  return enlace_store_lookup (store, "person", key, error);
}

/* FIELD=VALUE arguments into @values (strings). */
static int
parse_values (const char  *command,
              char       **args,
              int          n,
              JsonObject  *values)
{
  for (int i = 0; i < n; i++)
    {
      const char *eq = strchr (args[i], '=');
      g_autofree char *name = NULL;

      if (eq == NULL || eq == args[i])
        return cli_usage_error (command, _("“%s” is not FIELD=VALUE"), args[i]);
      name = g_strndup (args[i], eq - args[i]);
      g_strdelimit (name, "-", '_');
      if (eq[1] == '\0')
        json_object_set_null_member (values, name);
      else
        json_object_set_string_member (values, name, eq + 1);
    }
  return -1;
}

static gint64
find_case (EnlaceStore *store,
           const char  *folio,
           int         *status)
{
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_cases_lookup (store, folio, &error);

  if (id == 0)
    *status = cli_fail (g_steal_pointer (&error));
  return id;
}

static void
print_row_line (const EnlaceCaseRow *r)
{
  g_autoptr(GDateTime) local = r->opened_at ? g_date_time_to_local (r->opened_at) : NULL;
  g_autofree char *opened = local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");
  EnlaceCaseDue due = enlace_case_row_due (r, NULL);
  const char *mark = due == ENLACE_CASE_DUE_OVERDUE ? "!" : due == ENLACE_CASE_DUE_NEAR ? "~" : " ";

  printf ("%s%-18s %-10s %-13s %-24s %-20s %s\n", mark, r->folio, opened,
          enlace_case_status_label (r->status), r->requester ? r->requester : "—",
          r->assignee ? r->assignee : "—", r->summary ? r->summary : r->procedure_name);
}

/* ------------------------------------------------------------------ */
/* case …                                                              */

static int
case_new (int    argc,
          char **argv)
{
  GOptionEntry entries[] = {
    { "requester", 0, 0, G_OPTION_ARG_STRING, &opt_requester, N_("The requester: a person's name or id"), N_("PERSON") },
    { "new-requester", 0, 0, G_OPTION_ARG_STRING, &opt_new_requester,
      N_("A new person (created in the same command) as the requester"), N_("NAME") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &opt_area, N_("The requester's area (code)"), N_("AREA") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &opt_channel, N_("How it came: in-person, phone, email, paper"), N_("CHANNEL") },
    { "priority", 0, 0, G_OPTION_ARG_STRING, &opt_priority, N_("low, normal, high or urgent"), N_("PRIORITY") },
    { "assignee", 0, 0, G_OPTION_ARG_STRING, &opt_assignee, N_("Who handles it: a person's name or id"), N_("PERSON") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &opt_summary, N_("One line for the inbox"), N_("TEXT") },
    { "opened-at", 0, 0, G_OPTION_ARG_STRING, &opt_opened_at, N_("When it was opened (ISO 8601; default now)"), N_("DATE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &opt_at,
      N_("A fault: where the user is (an outlet, a port DEVICE:PORT, an extension, a room or a person)"), N_("PLACE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) form = json_object_new ();
  g_autoptr(EnlaceCaseRow) row = NULL;
  gint64 area_id = 0, id;
  int status;

  if ((status = cli_parse ("case new", _("FILE PROCEDURE [FIELD=VALUE…]"),
                           _("Open a case of a procedure (see “enlace-cli procedures list”). FIELD=VALUE "
                             "fill the request form. Prints the folio."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 3)
    return cli_usage_error ("case new", _("expected FILE and PROCEDURE"));
  if ((status = parse_values ("case new", argv + 3, argc - 3, form)) >= 0)
    return status;
  if (!(store = open_store (argv[1], &status)))
    return status;

  if (opt_area)
    {
      area_id = enlace_store_lookup (store, "area", opt_area, &error);
      if (area_id == 0)
        return cli_fail (g_steal_pointer (&error));
      json_object_set_int_member (values, "area_id", area_id);
    }
  if (opt_requester)
    {
      gint64 r = find_person (store, opt_requester, &error);
      if (r == 0)
        return cli_fail (g_steal_pointer (&error));
      json_object_set_int_member (values, "requester_id", r);
    }
  else if (opt_new_requester)
    {
      JsonObject *p = json_object_new ();
      json_object_set_string_member (p, "name", opt_new_requester);
      if (area_id > 0)
        json_object_set_int_member (p, "area_id", area_id);
      json_object_set_object_member (values, "requester", p);
    }
  if (opt_assignee)
    {
      gint64 a = find_person (store, opt_assignee, &error);
      if (a == 0)
        return cli_fail (g_steal_pointer (&error));
      json_object_set_int_member (values, "assignee_id", a);
    }
  if (opt_channel)
    json_object_set_string_member (values, "channel", opt_channel);
  if (opt_priority)
    json_object_set_string_member (values, "priority", opt_priority);
  if (opt_summary)
    json_object_set_string_member (values, "summary", opt_summary);
  if (opt_opened_at)
    json_object_set_string_member (values, "opened_at", opt_opened_at);
  if (json_object_get_size (form) > 0)
    json_object_set_object_member (values, "form", json_object_ref (form));

  if (opt_at)
    {
      const char *at_kind = NULL;
      gint64 at_id = 0;

      if (!enlace_fault_resolve_location (store, opt_at, &at_kind, &at_id, &error))
        return cli_fail (g_steal_pointer (&error));
      id = enlace_fault_open (store, argv[2], values, at_kind, at_id, &error);
    }
  else
    id = enlace_case_open (store, argv[2], values, &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));
  row = enlace_cases_get_row (store, id, &error);
  if (row == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    print_object (row_json (row));
  else
    printf ("%s\n", row->folio);
  return CLI_OK;
}

static int
case_list (int    argc,
           char **argv)
{
  GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &opt_open, N_("Only open cases (new, in progress, waiting)"), NULL },
    { "assignee", 0, 0, G_OPTION_ARG_STRING, &opt_assignee, N_("Only the cases of this person"), N_("PERSON") },
    { "procedure", 0, 0, G_OPTION_ARG_STRING, &opt_procedure, N_("Only this procedure (code)"), N_("CODE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &opt_status, N_("Only this status"), N_("STATUS") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &opt_area, N_("Only this area (code)"), N_("AREA") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &opt_search, N_("Folio, requester or any text of the case"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit, N_("At most N cases (0: all; default 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonObject) counts = NULL;
  EnlaceCaseFilter f = { 0 };
  int status;

  if ((status = cli_parse ("case list", _("FILE"),
                           _("List cases, newest first (the inbox). “!” marks overdue cases, “~” cases near "
                             "their target time."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("case list", _("expected one FILE"));
  if (opt_limit < 0)
    return cli_usage_error ("case list", _("--limit must be 0 or more"));
  if (!(store = open_store (argv[1], &status)))
    return status;

  f.open_only = opt_open;
  f.procedure_code = opt_procedure;
  f.status = opt_status;
  f.text = opt_search;
  f.limit = opt_limit;
  if (opt_assignee && (f.assignee_id = find_person (store, opt_assignee, &error)) == 0)
    return cli_fail (g_steal_pointer (&error));
  if (opt_area && (f.area_id = enlace_store_lookup (store, "area", opt_area, &error)) == 0)
    return cli_fail (g_steal_pointer (&error));
  rows = enlace_cases_query (store, &f, &error);
  if (rows == NULL)
    return cli_fail (g_steal_pointer (&error));
  counts = enlace_cases_counts (store, &f, &error);
  if (counts == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      JsonObject *o = json_object_new ();
      JsonArray *a = json_array_new ();

      for (guint i = 0; i < rows->len; i++)
        json_array_add_object_element (a, row_json (g_ptr_array_index (rows, i)));
      json_object_set_array_member (o, "cases", a);
      json_object_set_object_member (o, "counts", json_object_ref (counts));
      print_object (o);
      return CLI_OK;
    }
  for (guint i = 0; i < rows->len; i++)
    print_row_line (g_ptr_array_index (rows, i));
  printf (_("%u shown; %lld open, %lld overdue, %lld near their target time\n"), rows->len,
          (long long) json_object_get_int_member (counts, "open"),
          (long long) json_object_get_int_member (counts, "overdue"),
          (long long) json_object_get_int_member (counts, "near"));
  return CLI_OK;
}

static JsonObject *
cause_json (EnlaceStore            *store,
            const EnlaceFaultCause *cause)
{
  JsonObject *o = json_object_new ();
  JsonArray *folios = json_array_new ();
  g_autofree char *text = enlace_fault_cause_dup_text (cause);

  json_object_set_string_member (o, "kind", cause->kind);
  json_object_set_int_member (o, "id", cause->id);
  set_string_or_null (o, "key", cause->key);
  set_string_or_null (o, "role", cause->role);
  json_object_set_int_member (o, "open_faults", cause->n_cases);
  json_object_set_string_member (o, "text", text);
  for (guint i = 0; i < cause->case_ids->len; i++)
    {
      g_autoptr(EnlaceCaseRow) r = enlace_cases_get_row (store, g_array_index (cause->case_ids, gint64, i), NULL);

      if (r)
        json_array_add_string_element (folios, r->folio);
    }
  json_object_set_array_member (o, "cases", folios);
  return o;
}

/* A fault's location, its traced path (as `paths --json`) and its common
 * causes, into @o. */
static void
fault_json (EnlaceStore *store,
            gint64       case_id,
            JsonObject  *o)
{
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) causes = NULL;
  const char *kind = NULL;
  gint64 lid = 0;

  if (enlace_fault_get_location (store, case_id, &kind, &lid))
    {
      JsonObject *lo = json_object_new ();
      g_autofree char *key = g_strcmp0 (kind, "outlet") == 0 ? enlace_store_dup_key (store, "device", lid)
                                                             : enlace_store_dup_key (store, kind, lid);

      json_object_set_string_member (lo, "kind", kind);
      json_object_set_int_member (lo, "id", lid);
      set_string_or_null (lo, "key", key);
      json_object_set_object_member (o, "location", lo);
    }
  else
    json_object_set_null_member (o, "location");
  paths = enlace_fault_trace (tracer, case_id, NULL, &error);
  if (paths)
    json_object_set_member (o, "path", enlace_tracer_paths_to_json (tracer, paths));
  else
    json_object_set_null_member (o, "path");
  g_clear_error (&error);
  causes = enlace_faults_common_causes (tracer, case_id, &error);
  if (causes)
    {
      JsonArray *a = json_array_new ();

      for (guint i = 0; i < causes->len; i++)
        json_array_add_object_element (a, cause_json (store, g_ptr_array_index (causes, i)));
      json_object_set_array_member (o, "common_causes", a);
    }
}

static int
case_causes (int    argc,
             char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) causes = NULL;
  gint64 id = 0;
  int status;

  if ((status = cli_parse ("case causes", _("FILE [FOLIO]"),
                           _("The objects shared by the traced paths of two or more open fault reports, "
                             "the one with the most open faults first; with FOLIO, those of that case."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2 && argc != 3)
    return cli_usage_error ("case causes", _("expected FILE and an optional FOLIO"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  if (argc == 3 && (id = find_case (store, argv[2], &status)) == 0)
    return status;
  tracer = enlace_tracer_new (store);
  causes = enlace_faults_common_causes (tracer, id, &error);
  if (causes == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      JsonArray *a = json_array_new ();

      for (guint i = 0; i < causes->len; i++)
        json_array_add_object_element (a, cause_json (store, g_ptr_array_index (causes, i)));
      print_array (a);
      return CLI_OK;
    }
  for (guint i = 0; i < causes->len; i++)
    {
      g_autoptr(JsonObject) o = cause_json (store, g_ptr_array_index (causes, i));
      JsonArray *folios = json_object_get_array_member (o, "cases");

      printf ("%s:", json_object_get_string_member (o, "text"));
      for (guint j = 0; j < json_array_get_length (folios); j++)
        printf (" %s", json_array_get_string_element (folios, j));
      printf ("\n");
    }
  return CLI_OK;
}

static int
case_show (int    argc,
           char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCase) c = NULL;
  gint64 id;
  int status;

  if ((status = cli_parse ("case show", _("FILE FOLIO"),
                           _("Show a case: its data, its steps as the manual words them, its timeline and "
                             "the objects it is linked to."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("case show", _("expected FILE and FOLIO"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  if ((id = find_case (store, argv[2], &status)) == 0)
    return status;
  c = enlace_case_get (store, id, &error);
  if (c == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      JsonObject *o = case_json (c);

      if (g_strcmp0 (c->procedure->kind, "fault") == 0)
        fault_json (store, id, o);
      if (g_strcmp0 (c->procedure->kind, "modification") == 0)
        cli_order_json (store, id, o);
      print_object (o);
      return CLI_OK;
    }

  {
    g_autofree char *opened = iso (c->row->opened_at);
    g_autofree char *due = iso (c->row->due_at);

    printf ("%s — %s (v%d)\n", c->row->folio, c->procedure->name, c->procedure->version);
    printf ("  %-14s %s\n", _("Status:"), enlace_case_status_label (c->row->status));
    printf ("  %-14s %s\n", _("Requester:"), c->row->requester ? c->row->requester : "—");
    printf ("  %-14s %s\n", _("Area:"), c->row->area ? c->row->area : "—");
    printf ("  %-14s %s\n", _("Assignee:"), c->row->assignee ? c->row->assignee : "—");
    printf ("  %-14s %s / %s\n", _("Priority:"), c->row->priority, c->row->channel);
    printf ("  %-14s %s\n", _("Opened:"), opened ? opened : "");
    printf ("  %-14s %s\n", _("Due:"), due ? due : "");
    if (c->row->summary)
      printf ("  %-14s %s\n", _("Summary:"), c->row->summary);
    if (c->cancel_reason)
      printf ("  %-14s %s\n", _("Cancelled:"), c->cancel_reason);
  }
  for (int side = ENLACE_STEP_SIDE_REQUESTER; side <= ENLACE_STEP_SIDE_ADMINISTRATOR; side++)
    {
      gboolean header = FALSE;

      for (guint i = 0; i < c->steps->len; i++)
        {
          const EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);
          g_autofree char *values = NULL;

          if ((int) s->def->side != side)
            continue;
          if (!header)
            {
              printf ("\n%s\n", side == ENLACE_STEP_SIDE_REQUESTER ? _("Requester's steps") : _("Administrator's steps"));
              header = TRUE;
            }
          printf ("  %s %u. %s%s — %s", s->result == ENLACE_STEP_DONE ? "[x]" : s->result == ENLACE_STEP_PENDING ? "[ ]" : "[-]",
                  s->def->position, s->def->title, s->def->required ? "" : _(" (optional)"),
                  enlace_step_result_label (s->result));
          if (s->done_by)
            printf (" (%s)", s->done_by);
          printf ("\n");
          if (s->note)
            printf ("        %s\n", s->note);
          if (json_object_get_size (s->values) > 0)
            {
              g_autoptr(JsonNode) n = json_node_init_object (json_node_alloc (), s->values);
              values = json_to_string (n, FALSE);
              printf ("        %s\n", values);
            }
        }
    }
  if (c->links->len > 0)
    {
      printf ("\n%s\n", _("Linked objects"));
      for (guint i = 0; i < c->links->len; i++)
        {
          const EnlaceCaseLink *l = g_ptr_array_index (c->links, i);
          g_autofree char *gone = NULL;

          if (!l->exists)
            /* TRANSLATORS: a linked object removed since, by its key then */
            gone = g_strdup_printf (_("%s (removed)"), l->key ? l->key : "?");
          printf ("  %s %s\n", l->kind, gone ? gone : l->key ? l->key : "?");
        }
    }
  printf ("\n%s\n", _("Timeline"));
  for (guint i = 0; i < c->events->len; i++)
    {
      const EnlaceCaseEvent *e = g_ptr_array_index (c->events, i);
      g_autofree char *at = iso (e->at);

      printf ("  %s  %-10s %s", at, e->who ? e->who : "", e->text ? e->text : "");
      if (e->attachment_id > 0)
        printf (" [%s, %" G_GSIZE_FORMAT " B]", e->attachment_name ? e->attachment_name : "?", e->attachment_size);
      printf ("\n");
    }
  return CLI_OK;
}

static gboolean
parse_side_position (const char      *text,
                     EnlaceStepSide  *side,
                     guint           *position)
{
  const char *colon = strchr (text, ':');
  g_autofree char *s = NULL;
  char *end = NULL;
  guint64 pos;

  *side = ENLACE_STEP_SIDE_ADMINISTRATOR;
  if (colon != NULL)
    {
      s = g_ascii_strdown (text, colon - text);
      if (g_str_has_prefix ("requester", s) || g_str_has_prefix ("user", s))
        *side = ENLACE_STEP_SIDE_REQUESTER;
      else if (g_str_has_prefix ("administrator", s))
        *side = ENLACE_STEP_SIDE_ADMINISTRATOR;
      else
        return FALSE;
      text = colon + 1;
    }
  pos = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '\0' || pos == 0)
    return FALSE;
  *position = (guint) pos;
  return TRUE;
}

static int
case_step (int    argc,
           char **argv)
{
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("A note on the step"), N_("TEXT") },
    { "mark-faulty", 0, 0, G_OPTION_ARG_NONE, &opt_mark_faulty,
      N_("Detection step of a fault report: mark the cable or port that failed (failed_object=…) faulty, in the same command"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  EnlaceStepSide side;
  EnlaceStepResult result;
  guint position;
  gint64 id, sid;
  int status;

  if ((status = cli_parse ("case step", _("FILE FOLIO [SIDE:]POSITION RESULT [FIELD=VALUE…]"),
                           _("Record a step's result: done, failed, na (not applicable) or pending. SIDE is "
                             "requester (or user) or administrator (the default): “admin:4”. An inventory step "
                             "does its action in the same command: create-account (address=…), remove-account "
                             "(address=…, motive=…), make-connection (outlet_port=DEVICE:PORT, switch_port=DEVICE:PORT)."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 5)
    return cli_usage_error ("case step", _("expected FILE, FOLIO, STEP and RESULT"));
  if (!parse_side_position (argv[3], &side, &position))
    return cli_usage_error ("case step", _("“%s” is not a step (POSITION, or SIDE:POSITION with SIDE requester or administrator)"),
                            argv[3]);
  if (!enlace_step_result_from_string (argv[4], &result))
    return cli_usage_error ("case step", _("“%s” is not a result (done, failed, na, pending)"), argv[4]);
  if ((status = parse_values ("case step", argv + 5, argc - 5, values)) >= 0)
    return status;
  if (!(store = open_store (argv[1], &status)))
    return status;
  if ((id = find_case (store, argv[2], &status)) == 0)
    return status;
  sid = enlace_case_find_step (store, id, side, position, &error);
  if (sid == 0)
    return cli_fail (g_steal_pointer (&error));
  if (!enlace_fault_set_step_marking (store, id, sid, result, opt_note, values, opt_mark_faulty, &error))
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(EnlaceCase) c = enlace_case_get (store, id, &error);
      if (c == NULL)
        return cli_fail (g_steal_pointer (&error));
      print_object (case_json (c));
    }
  return CLI_OK;
}

static int
case_status (int    argc,
             char **argv)
{
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why (required to cancel)"), N_("TEXT") },
    { "also-related", 0, 0, G_OPTION_ARG_NONE, &opt_also_related,
      N_("Resolving a fault: also resolve the open faults through its common cause"), NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("With --also-related: the note for each related case"), N_("TEXT") },
    { "related", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_related,
      N_("Resolving a fault: also resolve this case of its common cause, with its own note (repeatable)"),
      N_("FOLIO[=NOTE]") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EnlaceCaseStatus st;
  gint64 id;
  int status;

  if ((status = cli_parse ("case status", _("FILE FOLIO STATUS"),
                           _("Change a case's status: in-progress, waiting, resolved, closed, cancelled "
                             "(with --reason). new → in-progress ⇄ waiting → resolved → closed; a resolved case "
                             "can be reopened (in-progress). A refusal names the rule."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 4)
    return cli_usage_error ("case status", _("expected FILE, FOLIO and STATUS"));
  if (!enlace_case_status_from_string (argv[3], &st))
    return cli_usage_error ("case status", _("“%s” is not a status (new, in-progress, waiting, resolved, closed, cancelled)"),
                            argv[3]);
  if (!(store = open_store (argv[1], &status)))
    return status;
  if ((id = find_case (store, argv[2], &status)) == 0)
    return status;
  if (opt_related && opt_related[0])
    {
      g_autoptr(EnlaceTracer) tracer = NULL;
      g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) causes = NULL;
      EnlaceFaultCause *cause = NULL;

      if (st != ENLACE_CASE_RESOLVED || opt_also_related)
        return cli_usage_error ("case status", _("--related goes with the status resolved, without --also-related"));
      for (guint i = 0; opt_related[i]; i++)
        {
          const char *eq = strchr (opt_related[i], '=');
          g_autofree char *folio = eq ? g_strndup (opt_related[i], eq - opt_related[i]) : g_strdup (opt_related[i]);
          gint64 other;

          if ((other = find_case (store, folio, &status)) == 0)
            return status;
          g_array_append_val (chosen, other);
          g_ptr_array_add (notes, g_strdup (eq ? eq + 1 : opt_note));
        }
      g_ptr_array_add (notes, NULL);
      tracer = enlace_tracer_new (store);
      if (!(causes = enlace_faults_common_causes (tracer, id, &error)))
        return cli_fail (g_steal_pointer (&error));
      /* the cause: the first (most open faults) that every case named hangs on */
      for (guint c = 0; c < causes->len && cause == NULL; c++)
        {
          EnlaceFaultCause *candidate = g_ptr_array_index (causes, c);
          gboolean all = TRUE;

          for (guint i = 0; i < chosen->len && all; i++)
            {
              gboolean found = FALSE;

              for (guint j = 0; j < candidate->case_ids->len && !found; j++)
                found = g_array_index (candidate->case_ids, gint64, j) == g_array_index (chosen, gint64, i);
              all = found;
            }
          if (all)
            cause = candidate;
        }
      if (cause == NULL)
        {
          g_autoptr(GString) named = g_string_new (NULL);

          for (guint i = 0; opt_related[i]; i++)
            {
              const char *eq = strchr (opt_related[i], '=');

              if (i > 0)
                g_string_append (named, ", ");
              g_string_append_len (named, opt_related[i], eq ? eq - opt_related[i] : (gssize) strlen (opt_related[i]));
            }
          return cli_fail (g_error_new (ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                                        _("%s shares no common cause with every case named by --related (%s): "
                                          "each must be an open fault through the same object"),
                                        argv[2], named->str));
        }
      if (!enlace_faults_resolve_cases (tracer, id, cause->kind, cause->id, chosen,
                                        (const char * const *) notes->pdata, &error))
        return cli_fail (g_steal_pointer (&error));
      if (!opt_json)
        printf (g_dngettext (GETTEXT_PACKAGE, "%u related case resolved\n", "%u related cases resolved\n", chosen->len),
                chosen->len);
    }
  else if (opt_also_related)
    {
      g_autoptr(EnlaceTracer) tracer = NULL;
      int n;

      if (st != ENLACE_CASE_RESOLVED)
        return cli_usage_error ("case status", _("--also-related goes with the status resolved"));
      tracer = enlace_tracer_new (store);
      n = enlace_faults_resolve_related (tracer, id, NULL, 0, opt_note, &error);
      if (n < 0)
        return cli_fail (g_steal_pointer (&error));
      if (!opt_json)
        printf (g_dngettext (GETTEXT_PACKAGE, "%d related case resolved\n", "%d related cases resolved\n", n), n);
    }
  else if (!enlace_case_set_status (store, id, st, opt_reason, &error))
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(EnlaceCaseRow) r = enlace_cases_get_row (store, id, &error);
      print_object (row_json (r));
    }
  return CLI_OK;
}

static int
case_assign (int    argc,
             char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, person = 0;
  int status;

  if ((status = cli_parse ("case assign", _("FILE FOLIO PERSON|-"),
                           _("Assign a case to a person of the department (name or id); “-” for nobody."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 4)
    return cli_usage_error ("case assign", _("expected FILE, FOLIO and PERSON"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  if ((id = find_case (store, argv[2], &status)) == 0)
    return status;
  if (strcmp (argv[3], "-") != 0 && (person = find_person (store, argv[3], &error)) == 0)
    return cli_fail (g_steal_pointer (&error));
  if (!enlace_case_assign (store, id, person, &error))
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(EnlaceCaseRow) r = enlace_cases_get_row (store, id, &error);
      print_object (row_json (r));
    }
  return CLI_OK;
}

static int
case_note (int    argc,
           char **argv)
{
  GOptionEntry entries[] = {
    { "attach", 0, 0, G_OPTION_ARG_FILENAME, &opt_attach, N_("Attach a file (a scanned form, a photo)"), N_("PATH") },
    { "mime", 0, 0, G_OPTION_ARG_STRING, &opt_mime, N_("The attachment's type (default: guessed)"), N_("TYPE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *base = NULL;
  g_autofree char *mime = NULL;
  gint64 id, ev;
  int status;

  if ((status = cli_parse ("case note", _("FILE FOLIO [TEXT]"),
                           _("Add a note to a case's timeline, with an optional attachment (stored in the file; "
                             "at most 20 MB)."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 3 || argc > 4 || (argc == 3 && opt_attach == NULL))
    return cli_usage_error ("case note", _("expected FILE, FOLIO and a TEXT or --attach"));
  if (opt_attach)
    {
      g_autoptr(GFile) file = g_file_new_for_path (opt_attach);
      g_autofree char *ctype = NULL;

      bytes = g_file_load_bytes (file, NULL, NULL, &error);
      if (bytes == NULL)
        return cli_fail (g_steal_pointer (&error));
      base = g_path_get_basename (opt_attach);
      ctype = g_content_type_guess (base, g_bytes_get_data (bytes, NULL), MIN (g_bytes_get_size (bytes), 4096), NULL);
      mime = opt_mime ? g_strdup (opt_mime) : g_content_type_get_mime_type (ctype);
    }
  if (!(store = open_store (argv[1], &status)))
    return status;
  if ((id = find_case (store, argv[2], &status)) == 0)
    return status;
  ev = enlace_case_add_note (store, id, argc == 4 ? argv[3] : NULL, bytes, base, mime, &error);
  if (ev == 0)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      JsonObject *o = json_object_new ();
      json_object_set_int_member (o, "event_id", ev);
      print_object (o);
    }
  return CLI_OK;
}

static int
case_link_or_unlink (int        argc,
                     char     **argv,
                     gboolean   unlink)
{
  GOptionEntry entries[] = {
    { "unlink", 0, 0, G_OPTION_ARG_NONE, &opt_unlink, N_("Remove the link instead"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind;
  gint64 id, object = 0;
  int status;

  const char *name = unlink ? "case unlink" : "case link";

  if ((status = cli_parse (name, _("FILE FOLIO KIND KEY"),
                           unlink ?
                           _("Remove a case's link to an object, given as for “case link”; an object removed "
                             "since is named by the key it had when it was linked.") :
                           _("Link a case to an inventory object: outlet or device (name), port (DEVICE:PORT), "
                             "extension (number), circuit (id), cable (label), space (BUILDING/LEVEL/CODE), "
                             "rack, area, person, email-account (address)."),
                           unlink ? entries + 1 : entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 5)
    return cli_usage_error (name, _("expected FILE, FOLIO, KIND and KEY"));
  unlink = unlink || opt_unlink;
  if (!(store = open_store (argv[1], &status)))
    return status;
  if ((id = find_case (store, argv[2], &status)) == 0)
    return status;
  kind = argv[3];
  if (strcmp (kind, "email-account") == 0 || strcmp (kind, "email_account") == 0 || strcmp (kind, "account") == 0)
    {
      kind = "email_account";
      object = enlace_email_account_lookup (store, argv[4], &error);
    }
  else
    object = enlace_store_lookup (store, strcmp (kind, "outlet") == 0 ? "device" : kind, argv[4], &error);
  if (object == 0 && unlink)
    {
      /* an object removed since: by the key it had when linked */
      g_clear_error (&error);
      object = enlace_case_find_link (store, id, kind, argv[4], &error);
    }
  if (object == 0)
    return cli_fail (g_steal_pointer (&error));
  if (unlink ? !enlace_case_unlink (store, id, kind, object, &error)
             : !enlace_case_link (store, id, kind, object, &error))
    return cli_fail (g_steal_pointer (&error));
  return CLI_OK;
}

static int
case_link (int    argc,
           char **argv)
{
  return case_link_or_unlink (argc, argv, FALSE);
}

static int
case_unlink (int    argc,
             char **argv)
{
  return case_link_or_unlink (argc, argv, TRUE);
}

static int
case_propose (int    argc,
              char **argv)
{
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &opt_count, N_("How many connections (default 1)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) o = NULL;
  JsonArray *props;
  gint64 space;
  int status;

  if ((status = cli_parse ("case propose", _("FILE SPACE"),
                           _("The requirements check of a new internet connection: a free jack in the space "
                             "(BUILDING/LEVEL/CODE) and a free switch port in the telecom room that serves it, "
                             "or why there is none (exit status 1)."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("case propose", _("expected FILE and SPACE"));
  if (opt_count < 1)
    return cli_usage_error ("case propose", _("--count must be 1 or more"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  space = enlace_store_lookup (store, "space", argv[2], &error);
  if (space == 0)
    return cli_fail (g_steal_pointer (&error));
  o = enlace_case_propose_connection (store, space, opt_count, &error);
  if (o == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    print_object (json_object_ref (o));
  else
    {
      props = json_object_get_array_member (o, "proposals");
      for (guint i = 0; i < json_array_get_length (props); i++)
        {
          JsonObject *p = json_array_get_object_element (props, i);
          printf ("%s → %s → %s\n", json_object_get_string_member (p, "outlet_port"),
                  json_object_get_string_member (p, "panel_port"),
                  json_object_get_string_member (p, "switch_port"));
        }
      if (!json_object_get_boolean_member (o, "ok"))
        fprintf (stderr, "enlace-cli: %s\n", json_object_get_string_member (o, "reason"));
    }
  return json_object_get_boolean_member (o, "ok") ? CLI_OK : CLI_ERROR;
}

typedef struct
{
  const char    *name;
  EnlaceCliFunc  func;
  const char    *summary;
} Sub;

static int
dispatch (const char  *group,
          const Sub   *subs,
          guint        n,
          int          argc,
          char       **argv)
{
  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      /* Built first: gcc's sanitizer build wrongly warns of a null format. */
      g_autofree char *usage = g_strdup_printf (_("Usage: enlace-cli %s SUBCOMMAND FILE [OPTION…]\n\n"), group);

      fputs (usage, stdout);
      for (guint i = 0; i < n; i++)
        if (subs[i].func != NULL)
          printf ("  %-10s %s\n", subs[i].name, _(subs[i].summary));
      printf ("\n");
      printf (_("Run “enlace-cli %s SUBCOMMAND --help” for the options of a subcommand.\n"), group);
      return CLI_OK;
    }
  if (argc < 2)
    return cli_usage_error (group, _("expected a subcommand"));
  for (guint i = 0; i < n; i++)
    if (subs[i].func != NULL && strcmp (argv[1], subs[i].name) == 0)
      {
        g_autofree char *name = g_strdup_printf ("%s %s", group, subs[i].name);
        argv[1] = name;
        return subs[i].func (argc - 1, argv + 1);
      }
  return cli_usage_error (group, _("unknown subcommand “%s”"), argv[1]);
}

int
cli_cmd_case (int    argc,
              char **argv)
{
  static const Sub subs[] = {
    { "doc", cli_case_doc, N_("Generate a case's document as PDF") },
    { "new", case_new, N_("Open a case of a procedure") },
    { "list", case_list, N_("List cases (the inbox)") },
    { "show", case_show, N_("Show a case: steps, timeline, links") },
    { "step", case_step, N_("Record a step's result") },
    { "status", case_status, N_("Change a case's status") },
    { "causes", case_causes, N_("Common causes of the open fault reports") },
    { "assign", case_assign, N_("Assign a case") },
    { "note", case_note, N_("Add a note or an attachment") },
    { "link", case_link, N_("Link a case to an inventory object") },
    { "unlink", case_unlink, N_("Remove a case's link to an object") },
    { "propose", case_propose, N_("Propose a free jack and switch port for a new connection") },
  };

  return dispatch ("case", subs, G_N_ELEMENTS (subs), argc, argv);
}

/* ------------------------------------------------------------------ */
/* procedures …                                                        */

static JsonObject *
procedure_json (const EnlaceProcedure *p,
                gboolean               with_steps)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "code", p->code);
  json_object_set_int_member (o, "version", p->version);
  json_object_set_string_member (o, "name", p->name);
  json_object_set_string_member (o, "kind", p->kind);
  json_object_set_string_member (o, "prefix", p->prefix);
  json_object_set_int_member (o, "target_hours", p->target_hours);
  set_string_or_null (o, "description", p->description);
  if (with_steps)
    {
      JsonArray *a = json_array_new ();

      for (guint i = 0; i < p->steps->len; i++)
        {
          const EnlaceProcedureStep *s = g_ptr_array_index (p->steps, i);
          JsonObject *so = json_object_new ();
          JsonArray *fields = json_array_new ();

          json_object_set_string_member (so, "side", enlace_step_side_to_string (s->side));
          json_object_set_int_member (so, "position", s->position);
          json_object_set_string_member (so, "kind", enlace_step_kind_to_string (s->kind));
          json_object_set_string_member (so, "title", s->title);
          set_string_or_null (so, "description", s->description);
          json_object_set_boolean_member (so, "required", s->required);
          set_string_or_null (so, "action", s->action);
          for (guint f = 0; f < s->fields->len; f++)
            {
              const EnlaceFieldSpec *fs = g_ptr_array_index (s->fields, f);
              JsonObject *fo = json_object_new ();

              json_object_set_string_member (fo, "name", fs->name);
              json_object_set_string_member (fo, "label", fs->label);
              json_object_set_string_member (fo, "type", fs->type);
              json_object_set_boolean_member (fo, "required", fs->required);
              if (fs->choices)
                {
                  JsonArray *ch = json_array_new ();
                  for (guint c = 0; fs->choices[c]; c++)
                    json_array_add_string_element (ch, fs->choices[c]);
                  json_object_set_array_member (fo, "choices", ch);
                }
              json_array_add_object_element (fields, fo);
            }
          json_object_set_array_member (so, "fields", fields);
          json_array_add_object_element (a, so);
        }
      json_object_set_array_member (o, "steps", a);
    }
  return o;
}

static int
procedures_list (int    argc,
                 char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) procs = NULL;
  int status;

  if ((status = cli_parse ("procedures list", _("FILE"),
                           _("List the procedures of the project's manual (current versions)."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("procedures list", _("expected one FILE"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  procs = enlace_procedures_list (store, &error);
  if (procs == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      JsonArray *a = json_array_new ();
      for (guint i = 0; i < procs->len; i++)
        json_array_add_object_element (a, procedure_json (g_ptr_array_index (procs, i), FALSE));
      print_array (a);
      return CLI_OK;
    }
  for (guint i = 0; i < procs->len; i++)
    {
      EnlaceProcedure *p = g_ptr_array_index (procs, i);
      printf ("%-16s %-8s v%-3d %4dh  %s\n", p->code, p->prefix, p->version, p->target_hours, p->name);
    }
  return CLI_OK;
}

static int
procedures_show (int    argc,
                 char **argv)
{
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &opt_version, N_("A given version (default: the current one)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceProcedure) p = NULL;
  int status;

  if ((status = cli_parse ("procedures show", _("FILE CODE"),
                           _("Show a procedure: its steps as the manual words them, their kind and fields."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("procedures show", _("expected FILE and CODE"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  p = enlace_procedures_get (store, argv[2], opt_version, &error);
  if (p == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      print_object (procedure_json (p, TRUE));
      return CLI_OK;
    }
  printf ("%s (%s, v%d) — %s\n", p->name, p->code, p->version, p->prefix);
  printf (_("  Target time: %d hours\n"), p->target_hours);
  if (p->description)
    printf ("  %s\n", p->description);
  for (guint i = 0; i < p->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (p->steps, i);

      printf ("  %-13s %2u. %s [%s%s%s]%s\n", enlace_step_side_to_string (s->side), s->position, s->title,
              enlace_step_kind_to_string (s->kind), s->action ? ": " : "", s->action ? s->action : "",
              s->required ? "" : _(" (optional)"));
      for (guint f = 0; f < s->fields->len; f++)
        {
          const EnlaceFieldSpec *fs = g_ptr_array_index (s->fields, f);
          printf ("                    %s=%s  (%s%s)\n", fs->name, fs->type, fs->label, fs->required ? ", *" : "");
        }
    }
  return CLI_OK;
}

static int
procedures_export (int    argc,
                   char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = cli_parse ("procedures export", _("FILE OUTPUT.xml"),
                           _("Write the project's manual (current versions) as a procedures XML file, to edit "
                             "and import again; “-” writes to standard output."),
                           NULL, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("procedures export", _("expected FILE and OUTPUT"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  if (strcmp (argv[2], "-") == 0)
    {
      g_autofree char *text = enlace_procedures_export_to_string (store, &error);
      if (text == NULL)
        return cli_fail (g_steal_pointer (&error));
      fputs (text, stdout);
      return CLI_OK;
    }
  if (!enlace_procedures_export (store, argv[2], &error))
    return cli_fail (g_steal_pointer (&error));
  return CLI_OK;
}

static int
procedures_import (int    argc,
                   char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status, n;

  if ((status = cli_parse ("procedures import", _("FILE MANUAL.xml"),
                           _("Import an edited manual (checked against the procedures schema) as one command: "
                             "each procedure that is new or changed gets a new version; open cases keep theirs."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("procedures import", _("expected FILE and MANUAL"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  n = enlace_procedures_import (store, argv[2], &error);
  if (n < 0)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      JsonObject *o = json_object_new ();
      json_object_set_int_member (o, "changed", n);
      print_object (o);
    }
  else
    printf (ngettext ("%d procedure added or changed\n", "%d procedures added or changed\n", n), n);
  return CLI_OK;
}

int
cli_cmd_procedures (int    argc,
                    char **argv)
{
  static const Sub subs[] = {
    { "list", procedures_list, N_("List the procedures of the manual") },
    { "show", procedures_show, N_("Show a procedure and its steps") },
    { "export", procedures_export, N_("Write the manual as XML") },
    { "import", procedures_import, N_("Import an edited manual (new versions)") },
  };

  return dispatch ("procedures", subs, G_N_ELEMENTS (subs), argc, argv);
}

/* ------------------------------------------------------------------ */
/* account …                                                           */

static JsonObject *
account_json (const EnlaceEmailAccount *a)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", a->id);
  json_object_set_string_member (o, "address", a->address);
  set_string_or_null (o, "holder", a->holder);
  set_string_or_null (o, "area", a->area);
  json_object_set_string_member (o, "status", a->status);
  set_time (o, "created_at", a->created_at);
  set_time (o, "removed_at", a->removed_at);
  set_string_or_null (o, "removal_motive", a->removal_motive);
  set_string_or_null (o, "created_folio", a->created_folio);
  set_string_or_null (o, "removed_folio", a->removed_folio);
  set_string_or_null (o, "delivered_to", a->delivered_to);
  set_string_or_null (o, "delivered_at", a->delivered_at);
  return o;
}

static int
account_list (int    argc,
              char **argv)
{
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Removed accounts too (the registry's history)"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &opt_search, N_("Address, holder or area"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status;

  if ((status = cli_parse ("account list", _("FILE"),
                           _("List the registry of e-mail accounts (active ones unless --all)."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("account list", _("expected one FILE"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  list = enlace_email_accounts_list (store, opt_search, opt_all, &error);
  if (list == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      JsonArray *a = json_array_new ();
      for (guint i = 0; i < list->len; i++)
        json_array_add_object_element (a, account_json (g_ptr_array_index (list, i)));
      print_array (a);
      return CLI_OK;
    }
  for (guint i = 0; i < list->len; i++)
    {
      EnlaceEmailAccount *a = g_ptr_array_index (list, i);
      printf ("%-32s %-8s %-24s %s\n", a->address, a->status, a->holder ? a->holder : "—", a->area ? a->area : "—");
    }
  return CLI_OK;
}

static int
account_show (int    argc,
              char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceEmailAccount) a = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  gint64 id;
  int status;

  if ((status = cli_parse ("account show", _("FILE ADDRESS"),
                           _("Show an e-mail account and the cases that concern it."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("account show", _("expected FILE and ADDRESS"));
  if (!(store = open_store (argv[1], &status)))
    return status;
  id = enlace_email_account_lookup (store, argv[2], &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));
  a = enlace_email_account_get (store, id, &error);
  if (a == NULL)
    return cli_fail (g_steal_pointer (&error));
  cases = enlace_cases_for_object (store, "email_account", id, &error);
  if (cases == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      JsonObject *o = account_json (a);
      JsonArray *arr = json_array_new ();
      for (guint i = 0; i < cases->len; i++)
        json_array_add_object_element (arr, row_json (g_ptr_array_index (cases, i)));
      json_object_set_array_member (o, "cases", arr);
      print_object (o);
      return CLI_OK;
    }
  {
    g_autofree char *created = iso (a->created_at);
    g_autofree char *removed = iso (a->removed_at);

    printf ("%s (%s)\n", a->address, a->status);
    printf ("  %-14s %s\n", _("Holder:"), a->holder ? a->holder : "—");
    printf ("  %-14s %s\n", _("Area:"), a->area ? a->area : "—");
    printf ("  %-14s %s %s\n", _("Created:"), created ? created : "", a->created_folio ? a->created_folio : "");
    if (removed)
      printf ("  %-14s %s %s — %s\n", _("Removed:"), removed, a->removed_folio ? a->removed_folio : "",
              a->removal_motive ? a->removal_motive : "");
  }
  for (guint i = 0; i < cases->len; i++)
    print_row_line (g_ptr_array_index (cases, i));
  return CLI_OK;
}

int
cli_cmd_account (int    argc,
                 char **argv)
{
  static const Sub subs[] = {
    { "list", account_list, N_("List the e-mail accounts") },
    { "show", account_show, N_("Show an e-mail account") },
  };

  return dispatch ("account", subs, G_N_ELEMENTS (subs), argc, argv);
}
