/* enlace-cli-extensions.c: enlace-cli extension history — the status
 * history of a phone extension, with the case of each change. */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "enlace-cli.h"
#include "enlace-extension-history.h"
#include "enlace-kinds.h"

static int
history (int    argc,
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
  gint64 id;
  int rc;

  rc = cli_parse ("extension history", _("FILE NUMBER"),
                  _("Shows the status history of a phone extension, oldest first: when, the status, "
                    "the reason and the case that made the change (procedure “Cambio de estado de extensión”)."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("extension history", "%s", _("expected FILE and an extension NUMBER"));
  store = cli_open (argv[1], TRUE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  id = enlace_store_lookup (store, "extension", argv[2], &error);
  if (id <= 0)
    return cli_fail (g_steal_pointer (&error));
  changes = enlace_extension_history (store, id, &error);
  if (changes == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonObject) ext = enlace_store_get (store, "extension", id, NULL);
      JsonArray *a = json_array_new ();

      json_object_set_string_member (o, "extension", argv[2]);
      json_object_set_string_member (o, "status",
                                     ext ? json_object_get_string_member_with_default (ext, "status", "") : "");
      for (guint i = 0; i < changes->len; i++)
        json_array_add_object_element (a, enlace_extension_change_to_json (g_ptr_array_index (changes, i)));
      json_object_set_array_member (o, "history", a);
      json_node_set_object (node, o);
      cli_print_json (node);
      return 0;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceExtensionChange *c = g_ptr_array_index (changes, i);

      printf ("%-20s  %-12s  %-16s  %s\n", c->at, enlace_choice_label (c->status),
              c->folio ? c->folio : "—", c->reason ? c->reason : "");
    }
  return 0;
}

int
cli_cmd_extension (int    argc,
                   char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "history"))
    return history (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: enlace-cli extension history FILE NUMBER [--json]"));
      return 0;
    }
  return cli_usage_error ("extension", "%s", _("expected “history”"));
}
