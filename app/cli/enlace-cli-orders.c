/* enlace-cli-orders.c: enlace-cli order — the change set of a physical
 * modification order, its diff and impact, and its execution. */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-cli.h"
#include "enlace-orders.h"
#include "enlace-trace.h"

static void
print_object (JsonObject *o)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, o);
  cli_print_json (node);
}

/* Opens FILE and finds FOLIO, an order. */
static EnlaceStore *
open_order (const char  *path,
            const char  *folio,
            gint64      *case_id,
            GError     **error)
{
  g_autoptr(EnlaceStore) store = cli_open (path, FALSE, error);

  if (store == NULL)
    return NULL;
  *case_id = enlace_cases_lookup (store, folio, error);
  if (*case_id <= 0)
    return NULL;
  if (!enlace_order_is_order (store, *case_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is not a modification order: only orders have changes"), folio);
      return NULL;
    }
  return g_steal_pointer (&store);
}

void
cli_order_json (EnlaceStore *store,
                gint64       case_id,
                JsonObject  *o)
{
  g_autoptr(GPtrArray) changes = enlace_order_changes (store, case_id, NULL);
  g_auto(EnlaceOrderState) state = { 0 };
  JsonObject *order = json_object_new ();
  JsonArray *arr = json_array_new ();

  for (guint i = 0; changes && i < changes->len; i++)
    json_array_add_object_element (arr, enlace_order_change_to_json (g_ptr_array_index (changes, i)));
  json_object_set_array_member (order, "changes", arr);
  enlace_order_get_state (store, case_id, &state, NULL);
  json_object_set_boolean_member (order, "executed", state.executed);
  if (state.executed)
    {
      json_object_set_string_member (order, "executed_at", state.executed_at);
      if (state.executed_by)
        json_object_set_string_member (order, "executed_by", state.executed_by);
      else
        json_object_set_null_member (order, "executed_by");
      if (state.command_id > 0)
        json_object_set_int_member (order, "command", state.command_id);
      else
        json_object_set_null_member (order, "command");
    }
  json_object_set_object_member (o, "order", order);
}

static int
add_change (int    argc,
            char **argv)
{
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  const char *target = NULL;
  gint64 case_id, id;
  guint seq = 0;
  int first, rc;

  rc = cli_parse ("order add-change", _("FILE FOLIO KIND [TARGET] [NAME=VALUE…]"),
                  _("Adds a change to a modification order in preparation, without touching the plant "
                    "(one command that can be undone). KIND: add-device, move-device, remove-device, "
                    "add-outlet (TARGET: the device's name), connect (TARGET: the new cable's label, "
                    "proposed when not given), disconnect, reroute (TARGET: the cable, or a port it ends on). "
                    "Values: add-device role= type= rack= u= face= space= x= y= status= serial=; "
                    "add-outlet space= type= x= y=; move-device rack= u= face= space= x= y=; "
                    "connect a= b= (DEVICE:PORT, several separated by commas) kind= type= length_m= color= "
                    "status=; reroute a= and/or b=."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc < 4)
    return cli_usage_error ("order add-change", "%s", _("expected FILE, FOLIO and KIND"));
  first = 4;
  if (argc > 4 && strchr (argv[4], '=') == NULL)
    {
      target = argv[4];
      first = 5;
    }
  for (int i = first; i < argc; i++)
    {
      const char *eq = strchr (argv[i], '=');
      g_autofree char *name = NULL;

      if (eq == NULL || eq == argv[i])
        return cli_usage_error ("order add-change", _("“%s” is not NAME=VALUE"), argv[i]);
      name = g_strndup (argv[i], eq - argv[i]);
      if (json_object_has_member (values, name))
        return cli_usage_error ("order add-change", _("value “%s” given twice"), name);
      json_object_set_string_member (values, name, eq + 1);
    }
  store = open_order (argv[1], argv[2], &case_id, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  id = enlace_order_add_change (store, case_id, argv[3], target, values, &seq, &error);
  if (id == 0)
    return cli_fail (g_steal_pointer (&error));
  {
    g_autoptr(GPtrArray) changes = enlace_order_changes (store, case_id, &error);

    if (changes == NULL)
      return cli_fail (g_steal_pointer (&error));
    for (guint i = 0; i < changes->len; i++)
      {
        EnlaceOrderChange *c = g_ptr_array_index (changes, i);
        g_autofree char *text = NULL;

        if (c->id != id)
          continue;
        if (opt_json)
          {
            print_object (enlace_order_change_to_json (c));
            continue;
          }
        text = enlace_order_change_dup_text (c);
        printf (_("%s: change %u added: %s\n"), argv[2], c->seq, text);
      }
  }
  return CLI_OK;
}

static int
list_changes (int    argc,
              char **argv)
{
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 case_id;
  int rc;

  rc = cli_parse ("order list-changes", _("FILE FOLIO"), _("Lists the change set of a modification order."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("order list-changes", "%s", _("expected FILE and FOLIO"));
  store = open_order (argv[1], argv[2], &case_id, &error);
  if (store == NULL || !(changes = enlace_order_changes (store, case_id, &error)))
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonArray) a = json_array_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < changes->len; i++)
        json_array_add_object_element (a, enlace_order_change_to_json (g_ptr_array_index (changes, i)));
      json_node_set_array (node, a);
      cli_print_json (node);
      return CLI_OK;
    }
  if (changes->len == 0)
    printf (_("%s has no change yet\n"), argv[2]);
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);
      g_autofree char *text = enlace_order_change_dup_text (c);

      printf ("%3u. %s\n", c->seq, text);
    }
  return CLI_OK;
}

static int
remove_change (int    argc,
               char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n = 0;
  gint64 case_id, id;
  int rc;

  rc = cli_parse ("order remove-change", _("FILE FOLIO N"),
                  _("Removes change number N of a modification order in preparation (one command that can be undone)."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 4 || !g_ascii_string_to_unsigned (argv[3], 10, 1, G_MAXUINT, &n, NULL))
    return cli_usage_error ("order remove-change", "%s", _("expected FILE, FOLIO and a change number N"));
  store = open_order (argv[1], argv[2], &case_id, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  id = enlace_order_change_lookup (store, case_id, (guint) n, &error);
  if (id == 0 || !enlace_order_remove_change (store, id, &error))
    return cli_fail (g_steal_pointer (&error));
  printf (_("%s: change %u removed\n"), argv[2], (guint) n);
  return CLI_OK;
}

static void
print_diff (JsonObject *diff)
{
  JsonArray *rows = json_object_get_array_member (diff, "changes");

  if (json_object_get_boolean_member (diff, "executed"))
    printf (_("%s was executed on %s by %s\n"), json_object_get_string_member (diff, "folio"),
            json_object_get_string_member_with_default (diff, "executed_at", "?"),
            json_object_get_string_member_with_default (diff, "executed_by", "?"));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      const char *before = json_object_get_string_member_with_default (r, "before", NULL);
      const char *after = json_object_get_string_member_with_default (r, "after", NULL);
      const char *conflict = json_object_get_string_member_with_default (r, "conflict", NULL);

      printf ("%3u. %s\n", (guint) json_object_get_int_member (r, "n"),
              json_object_get_string_member (r, "text"));
      printf ("     %s → %s\n", before ? before : "—", after ? after : "—");
      if (conflict)
        printf (_("     conflict: %s\n"), conflict);
    }
}

static int
diff (int    argc,
      char **argv)
{
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) d = NULL;
  gint64 case_id;
  int rc;

  rc = cli_parse ("order diff", _("FILE FOLIO"),
                  _("Each change of a modification order, before → after: the plant now and what the change "
                    "makes of it, with any conflict; for an executed order, the plant before and after as it "
                    "was executed."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("order diff", "%s", _("expected FILE and FOLIO"));
  store = open_order (argv[1], argv[2], &case_id, &error);
  if (store == NULL || !(d = enlace_order_diff (store, case_id, &error)))
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    print_object (json_object_ref (d));
  else
    print_diff (d);
  return CLI_OK;
}

static void
print_list (const char *title,
            GPtrArray  *items)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (items, NULL);
  joined = g_strjoinv (", ", (char **) items->pdata);
  g_ptr_array_remove_index (items, items->len - 1);
  printf ("%s %s\n", title, items->len ? joined : "—");
}

static int
impact (int    argc,
        char **argv)
{
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceOrderImpact) im = NULL;
  gint64 case_id;
  int rc;

  rc = cli_parse ("order impact", _("FILE FOLIO"),
                  _("What a modification order would break or change: the paths through what it removes, "
                    "unplugs, moves or re-routes, the ends, extensions and outlets that lose service, and the "
                    "open cases linked to them."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("order impact", "%s", _("expected FILE and FOLIO"));
  store = open_order (argv[1], argv[2], &case_id, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  tracer = enlace_tracer_new (store);
  im = enlace_order_impact (tracer, case_id, &error);
  if (im == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      print_object (enlace_order_impact_to_json (im));
      return CLI_OK;
    }
  printf (_("Paths broken: %u; paths changed: %u\n"), im->paths_broken, im->paths_changed);
  print_list (_("Ends losing service:"), im->ends);
  print_list (_("Extensions losing service:"), im->extensions);
  print_list (_("Outlets losing service:"), im->outlets);
  printf ("%s", _("Open cases affected:"));
  if (im->cases->len == 0)
    printf (" —");
  printf ("\n");
  for (guint i = 0; i < im->cases->len; i++)
    {
      JsonObject *c = g_ptr_array_index (im->cases, i);

      printf ("  %s (%s) — %s\n", json_object_get_string_member (c, "folio"),
              json_object_get_string_member (c, "status"), json_object_get_string_member (c, "object"));
    }
  return CLI_OK;
}

static int
execute (int    argc,
         char **argv)
{
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) d = NULL;
  gint64 case_id;
  int rc;

  rc = cli_parse ("order execute", _("FILE FOLIO"),
                  _("Applies every change of a modification order to the plant in one command (one undo), or "
                    "refuses, naming the conflict, when the plant changed since the order was prepared."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("order execute", "%s", _("expected FILE and FOLIO"));
  store = open_order (argv[1], argv[2], &case_id, &error);
  if (store == NULL || !enlace_order_execute (store, case_id, &error))
    return cli_fail (g_steal_pointer (&error));
  d = enlace_order_diff (store, case_id, &error);
  if (d == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    print_object (json_object_ref (d));
  else
    print_diff (d);
  return CLI_OK;
}

int
cli_cmd_order (int    argc,
               char **argv)
{
  static const struct { const char *name; EnlaceCliFunc func; } subs[] = {
    { "add-change", add_change },
    { "list-changes", list_changes },
    { "remove-change", remove_change },
    { "diff", diff },
    { "impact", impact },
    { "execute", execute },
  };

  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (subs); i++)
      if (g_str_equal (argv[1], subs[i].name))
        return subs[i].func (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: enlace-cli order add-change FILE FOLIO KIND [TARGET] [NAME=VALUE…]\n"
                        "       enlace-cli order list-changes|diff|impact|execute FILE FOLIO\n"
                        "       enlace-cli order remove-change FILE FOLIO N"));
      return CLI_OK;
    }
  return cli_usage_error ("order", "%s",
                          _("expected “add-change”, “list-changes”, “remove-change”, “diff”, “impact” or “execute”"));
}
