/* enlace-cli-trace.c: trace, paths, impact and free */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cli.h"
#include "enlace-faulty.h"
#include "enlace-trace.h"
#include "enlace-trace-paths.h"

static gboolean opt_json;
static char *opt_from;
static char *opt_space;
static char *opt_room;

static GOptionEntry trace_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from,
    N_("The object to trace from: DEVICE:PORT, CIRCUIT:A, a cable label, a device name or an extension number"), N_("KEY") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

static GOptionEntry free_entries[] = {
  { "space", 0, 0, G_OPTION_ARG_STRING, &opt_space,
    N_("Only this space (BUILDING/LEVEL/CODE): its idle outlet jacks"), N_("SPACE") },
  { "room", 0, 0, G_OPTION_ARG_STRING, &opt_room,
    N_("Only this telecom room (BUILDING/LEVEL/CODE): its free panel and switch ports"), N_("ROOM") },
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

/* ------------------------------------------------------------------ */
/* Text output                                                          */

static char *
hop_text (EnlaceTracer     *tracer,
          const EnlaceNode *nodes,
          guint             n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = enlace_tracer_dup_node_key (tracer, &nodes[i]);

      g_string_append_printf (s, "%s%s", i ? ", " : "", key);
    }
  return g_string_free (s, FALSE);
}

static char *
length_text (const EnlacePath *path)
{
  if (!path->has_length)
    return g_strdup (_("length unknown"));
  if (!path->length_known)
    return g_strdup_printf (_("%.1f m (some lengths unknown)"), path->length_m);
  return g_strdup_printf (_("%.1f m"), path->length_m);
}

static void
print_path (EnlaceTracer *tracer,
            EnlacePath   *path,
            gboolean      verbose)
{
  guint n;
  const EnlaceNode *origin = enlace_path_get_hop (path, 0, &n);
  g_autofree char *from = hop_text (tracer, origin, n);
  g_autofree char *len = length_text (path);
  const EnlaceNode *last;
  g_autofree char *to = NULL;
  g_autofree char *stop = NULL;
  g_autofree char *state = g_utf8_strdown (enlace_path_state_label (path->state), -1);

  last = enlace_path_get_hop (path, enlace_path_get_n_hops (path) - 1, &n);
  to = hop_text (tracer, last, n);

  stop = enlace_tracer_dup_stop_text (tracer, path, NULL);
  /* TRANSLATORS: "FROM → TO: up to the jack, active; LENGTH" */
  printf ("%s → %s: %s, %s; %s\n", from, to,
          state,
          path->active ? _("active") : _("inactive"),
          len);
  if (!verbose)
    return;
  for (guint i = 0; i < enlace_path_get_n_hops (path); i++)
    {
      const EnlaceNode *nodes = enlace_path_get_hop (path, i, &n);
      g_autofree char *text = hop_text (tracer, nodes, n);

      if (nodes[0].kind == ENLACE_NODE_CABLE)
        printf ("      │ %s %s\n", n > 1 ? _("cables") : _("cable"), text);
      else if (nodes[0].kind == ENLACE_NODE_SPACE)
        printf ("    %s %s\n", _("at space"), text);
      else
        printf ("    %s\n", text);
    }
  if (stop)
    printf ("    %s\n", stop);
  else
    printf ("    %s\n", _("reaches an endpoint"));
}

/* ------------------------------------------------------------------ */
/* trace, paths                                                         */

int
cli_cmd_trace (int    argc,
               char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = cli_parse ("trace", _("FILE --from KEY"),
                           _("Trace the paths from or through an object: from an endpoint (interface) its path; "
                             "from a panel port, outlet jack or circuit termination every path that runs "
                             "through it (or, when none does, the traces from the port itself both ways); "
                             "from a cable the paths through it (or from each of its ends across it); from a "
                             "device the paths of all its ports; from a phone extension the paths of the port "
                             "it rides on. A path through a cable or a panel port is listed once, not once "
                             "from each end."),
                           trace_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("trace", _("expected FILE"));
  if (opt_from == NULL)
    return cli_usage_error ("trace", _("--from KEY is required"));
  if (!(store = open_store (argv[1], &status)))
    return status;

  tracer = enlace_tracer_new (store);
  paths = enlace_tracer_trace_object_key (tracer, opt_from, NULL, &error);
  if (paths == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonNode) node = enlace_tracer_paths_to_json (tracer, paths);

      cli_print_json (node);
      return CLI_OK;
    }
  if (paths->len == 0)
    {
      printf (_("No path from or through %s (it has no cable).\n"), opt_from);
      return CLI_OK;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      if (i > 0)
        printf ("\n");
      print_path (tracer, g_ptr_array_index (paths, i), TRUE);
    }
  return CLI_OK;
}

/* paths --json, one path at a time (issue 14: the whole tree of 1,000,000
 * ports took 1.1 GB): the same text as cli_print_json () of the tree. */
typedef struct
{
  EnlaceTracer  *tracer;
  GHashTable    *faulty;
  JsonGenerator *gen;
  guint          n;
} PathsJson;

static gboolean
print_path_json (EnlacePath *path,
                 gpointer    user_data)
{
  PathsJson *pj = user_data;
  g_autoptr(JsonNode) node = enlace_tracer_path_to_json (pj->tracer, path, pj->faulty);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  json_generator_set_root (pj->gen, node);
  text = json_generator_to_data (pj->gen, NULL);
  lines = g_strsplit (text, "\n", -1);
  fputs (pj->n++ > 0 ? ",\n" : "\n", stdout);
  for (guint i = 0; lines[i] != NULL; i++)
    printf ("%s    %s", i > 0 ? "\n" : "", lines[i]);
  return TRUE;
}

static int
paths_json (EnlaceTracer *tracer)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GHashTable) faulty = enlace_faulty_set_load (enlace_tracer_get_store (tracer));
  g_autoptr(GError) error = NULL;
  PathsJson pj = { tracer, faulty, gen, 0 };

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  fputs ("{\n  \"paths\" : [", stdout);
  if (!enlace_tracer_foreach_path (tracer, print_path_json, &pj, &error))
    {
      fputs ("\n", stdout);
      return cli_fail (g_steal_pointer (&error));
    }
  fputs (pj.n > 0 ? "\n  ]\n}\n" : "]\n}\n", stdout);
  return CLI_OK;
}

int
cli_cmd_paths (int    argc,
               char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  int status;

  if ((status = cli_parse ("paths", _("FILE"),
                           _("Every path from every endpoint, one per set of endpoints on a cable end."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("paths", _("expected FILE"));
  if (!(store = open_store (argv[1], &status)))
    return status;

  tracer = enlace_tracer_new (store);
  if (opt_json)
    return paths_json (tracer);
  paths = enlace_tracer_all_paths (tracer, &error);
  if (paths == NULL)
    return cli_fail (g_steal_pointer (&error));

  for (guint i = 0; i < paths->len; i++)
    {
      EnlacePath *p = g_ptr_array_index (paths, i);

      print_path (tracer, p, FALSE);
    }
  summary = enlace_paths_dup_summary (paths);
  printf ("%s\n", summary);
  return CLI_OK;
}

/* ------------------------------------------------------------------ */
/* impact                                                               */

int
cli_cmd_impact (int    argc,
                char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(EnlaceImpact) impact = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *spaces;
  int status;

  if ((status = cli_parse ("impact", _("FILE OBJECT"),
                           _("What breaks if OBJECT (a cable label, DEVICE:PORT, CIRCUIT:A, a device or a rack) "
                             "is removed or unplugged: the ends of every complete path through it, and of every "
                             "path that reaches an outlet jack or a circuit, grouped by space and area, with "
                             "the phone extensions and circuits on them."),
                           json_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return cli_usage_error ("impact", _("expected FILE and OBJECT"));
  if (!(store = open_store (argv[1], &status)))
    return status;

  tracer = enlace_tracer_new (store);
  impact = enlace_tracer_impact_key (tracer, argv[2], &error);
  if (impact == NULL)
    return cli_fail (g_steal_pointer (&error));
  node = enlace_tracer_impact_to_json (tracer, impact);
  json_object_set_string_member (json_node_get_object (node), "object", argv[2]);
  if (opt_json)
    {
      cli_print_json (node);
      return CLI_OK;
    }

  if (impact->items->len == 0)
    {
      printf (_("Removing %s cuts no service (%u paths run through it).\n"), argv[2], impact->n_paths);
      return CLI_OK;
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Removing %s cuts %u path; ends affected: %u\n",
                       "Removing %s cuts %u paths; ends affected: %u\n", impact->n_paths),
          argv[2], impact->n_paths, impact->items->len);
  spaces = json_object_get_array_member (json_node_get_object (node), "spaces");
  for (guint s = 0; s < json_array_get_length (spaces); s++)
    {
      JsonObject *sp = json_array_get_object_element (spaces, s);
      JsonArray *areas = json_object_get_array_member (sp, "areas");

      printf ("%s\n", json_object_get_null_member (sp, "space") ? _("(no space)")
                                                                 : json_object_get_string_member (sp, "space"));
      for (guint a = 0; a < json_array_get_length (areas); a++)
        {
          JsonObject *ar = json_array_get_object_element (areas, a);
          JsonArray *ends = json_object_get_array_member (ar, "ends");

          printf ("  %s %s\n", _("Area"), json_object_get_null_member (ar, "area") ? _("(none)")
                                                                               : json_object_get_string_member (ar, "area"));
          for (guint e = 0; e < json_array_get_length (ends); e++)
            {
              JsonObject *end = json_array_get_object_element (ends, e);
              JsonArray *exts = json_object_get_array_member (end, "extensions");
              JsonArray *ckts = json_object_get_array_member (end, "circuits");
              GString *line = g_string_new (NULL);

              g_string_append_printf (line, "    %s", json_object_get_string_member (end, "end"));
              if (!json_object_get_null_member (end, "far"))
                {
                  JsonArray *far = json_object_get_array_member (end, "far");

                  g_string_append (line, " ↔");
                  for (guint k = 0; k < json_array_get_length (far); k++)
                    g_string_append_printf (line, "%s %s", k ? "," : "", json_array_get_string_element (far, k));
                }
              if (g_strcmp0 (json_object_get_string_member_with_default (end, "state", ""), "to-jack") == 0)
                g_string_append_printf (line, " (%s)", _("up to the jack"));
              else if (!json_object_get_boolean_member (end, "complete"))
                g_string_append_printf (line, " (%s)", _("incomplete"));
              for (guint k = 0; k < json_array_get_length (exts); k++)
                g_string_append_printf (line, "%s %s", k == 0 ? _("; extensions") : ",",
                                        json_array_get_string_element (exts, k));
              for (guint k = 0; k < json_array_get_length (ckts); k++)
                g_string_append_printf (line, "%s %s", k == 0 ? _("; circuits") : ",",
                                        json_array_get_string_element (ckts, k));
              printf ("%s\n", line->str);
              g_string_free (line, TRUE);
            }
        }
    }
  return CLI_OK;
}

/* ------------------------------------------------------------------ */
/* free                                                                 */

static void
print_counts (const char  *what,
              const guint *free_,
              const guint *total)
{
  static const char *media[ENLACE_N_MEDIA] = { N_("copper"), N_("fibre"), N_("voice") };
  gboolean any = FALSE;

  for (guint m = 0; m < ENLACE_N_MEDIA; m++)
    if (total[m])
      {
        /* TRANSLATORS: "copper 3 of 24" */
        printf ("%s %s %u %s %u", any ? "," : what, _(media[m]), free_[m], _("of"), total[m]);
        any = TRUE;
      }
  if (any)
    printf ("\n");
}

int
cli_cmd_free (int    argc,
              char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceTracer) tracer = NULL;
  g_autoptr(EnlaceFree) fr = NULL;
  g_autoptr(GError) error = NULL;
  gint64 space_id = 0;
  int status;

  if ((status = cli_parse ("free", _("FILE [--space S | --room TR]"),
                           _("Spare capacity for a new connection: per telecom room the free patch-panel ports "
                             "and free switch ports by medium; per space the outlet jacks with no active path."),
                           free_entries, &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return cli_usage_error ("free", _("expected FILE"));
  if (opt_space && opt_room)
    return cli_usage_error ("free", _("give --space or --room, not both"));
  if (!(store = open_store (argv[1], &status)))
    return status;

  if (opt_space || opt_room)
    {
      space_id = enlace_store_lookup (store, "space", opt_space ? opt_space : opt_room, &error);
      if (space_id == 0)
        return cli_fail (g_steal_pointer (&error));
      if (opt_room)
        {
          g_autoptr(JsonObject) sp = enlace_store_get (store, "space", space_id, &error);
          const char *kind;

          if (sp == NULL)
            return cli_fail (g_steal_pointer (&error));
          kind = json_object_get_string_member_with_default (sp, "kind", "");
          if (strcmp (kind, "telecom-room") != 0 && strcmp (kind, "equipment-room") != 0)
            {
              g_set_error (&error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                           _("%s is not a telecom room or an equipment room"), opt_room);
              return cli_fail (g_steal_pointer (&error));
            }
        }
    }

  tracer = enlace_tracer_new (store);
  fr = enlace_tracer_free (tracer, space_id, &error);
  if (fr == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonNode) node = enlace_tracer_free_to_json (tracer, fr);

      cli_print_json (node);
      return CLI_OK;
    }

  for (guint i = 0; i < fr->spaces->len; i++)
    {
      EnlaceFreeSpace *fs = g_ptr_array_index (fr->spaces, i);
      g_autofree char *key = enlace_tracer_dup_space_key (tracer, fs->space_id);

      if (opt_room && !fs->telecom_room)
        continue;
      printf ("%s%s\n", key, fs->telecom_room ? _(" (telecom room)") : "");
      print_counts (_("  free panel ports:"), fs->free_panel_ports, fs->panel_ports);
      print_counts (_("  free switch/PBX ports:"), fs->free_switch_ports, fs->switch_ports);
      if (fs->jacks && !opt_room)
        {
          printf (_("  idle outlet jacks: %u of %u"), fs->idle_jacks->len, fs->jacks);
          for (guint k = 0; k < fs->idle_jacks->len; k++)
            {
              EnlaceNode n = { ENLACE_NODE_PORT, g_array_index (fs->idle_jacks, gint64, k) };
              g_autofree char *jk = enlace_tracer_dup_node_key (tracer, &n);

              printf ("%s %s", k == 0 ? ":" : ",", jk);
            }
          printf ("\n");
        }
    }
  return CLI_OK;
}
