/* enlace-cli-faulty.c: enlace-cli faulty list|mark|clear — the cables and
 * ports marked faulty (model/inventory/enlace-faulty.h).  A fault report's
 * detection step marks one with `case step … --mark-faulty`. */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "enlace-cli.h"
#include "enlace-faulty.h"

static int
faulty_list (int    argc,
             char **argv)
{
  gboolean opt_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  int rc;

  rc = cli_parse ("faulty list", _("FILE"),
                  _("Lists the cables and ports marked faulty: the object, the case that marked it "
                    "(none: marked by hand), when, and the note."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 2)
    return cli_usage_error ("faulty list", "%s", _("expected FILE"));
  store = cli_open (argv[1], TRUE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  marks = enlace_faulty_list (store, 0, &error);
  if (marks == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonArray *a = json_array_new ();

      for (guint i = 0; i < marks->len; i++)
        json_array_add_object_element (a, enlace_faulty_mark_to_json (g_ptr_array_index (marks, i)));
      json_object_set_array_member (o, "faulty", a);
      json_node_set_object (node, o);
      cli_print_json (node);
      return 0;
    }
  for (guint i = 0; i < marks->len; i++)
    {
      EnlaceFaultyMark *m = g_ptr_array_index (marks, i);

      printf ("%-6s  %-24s  %-18s  %-20s  %s\n", g_str_equal (m->kind, "cable") ? _("cable") : _("port"),
              m->key, m->folio ? m->folio : "—", m->at, m->note ? m->note : "");
    }
  return 0;
}

static int
faulty_change (int      argc,
               char   **argv,
               gboolean mark)
{
  const char *command = mark ? "faulty mark" : "faulty clear";
  char *opt_note = NULL;
  GOptionEntry mark_entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("Why it is marked"), N_("TEXT") },
    { NULL }
  };
  GOptionEntry clear_entries[] = {
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  const char *kind = NULL;
  gint64 id = 0;
  int rc;

  rc = cli_parse (command, _("FILE KEY"),
                  mark ? _("Marks a cable (by its label) or a port (DEVICE:PORT) faulty by hand: the plan and "
                           "the trace draw it red. A fault report marks one from its detection step "
                           "(enlace-cli case step … --mark-faulty) and clears it when resolved.")
                       : _("Clears the faulty mark of a cable (by its label) or a port (DEVICE:PORT)."),
                  mark ? mark_entries : clear_entries, &argc, &argv);
  note = opt_note;
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error (command, "%s", _("expected FILE and the KEY of a cable or a port"));
  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (!enlace_faulty_resolve (store, NULL, argv[2], &kind, &id, &error))
    return cli_fail (g_steal_pointer (&error));
  if (mark ? !enlace_faulty_mark (store, kind, id, 0, note, &error)
           : !enlace_faulty_clear (store, kind, id, &error))
    return cli_fail (g_steal_pointer (&error));
  return 0;
}

int
cli_cmd_faulty (int    argc,
                char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return faulty_list (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "mark"))
    return faulty_change (argc - 1, argv + 1, TRUE);
  if (argc >= 2 && g_str_equal (argv[1], "clear"))
    return faulty_change (argc - 1, argv + 1, FALSE);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: enlace-cli faulty list FILE [--json] | mark FILE KEY [--note TEXT] | clear FILE KEY"));
      return 0;
    }
  return cli_usage_error ("faulty", "%s", _("expected “list”, “mark” or “clear”"));
}
