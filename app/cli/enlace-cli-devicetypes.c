/* enlace-cli-devicetypes.c: enlace-cli import-device-types */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "enlace-cli.h"
#include "enlace-devicetype-yaml.h"

static gboolean opt_json;

static GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Machine-readable JSON output"), NULL },
  { NULL }
};

int
cli_cmd_import_device_types (int    argc,
                             char **argv)
{
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceDeviceTypeBatch) batch = NULL;
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  opt_json = FALSE;
  if ((status = cli_parse ("import-device-types", _("FILE PATH…"),
                           _("Import device types from NetBox device-type library YAML files: each PATH is "
                             "a file or a folder searched for *.yaml and *.yml. Both the front-port → "
                             "rear-port form and the port-mappings list are read. Invalid files and device "
                             "types already in FILE are skipped and reported; the rest is imported as one "
                             "command (undo undoes all of it). Exit status 0 when at least one device type "
                             "was imported, 1 when none could be."),
                           entries, &argc, &argv)) >= 0)
    return status;
  if (argc < 3)
    return cli_usage_error ("import-device-types", _("expected a project FILE and at least one PATH"));

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));

  batch = enlace_device_type_batch_load ((const char * const *) argv + 2, NULL, NULL, NULL, &error);
  if (batch == NULL)
    return cli_fail (g_steal_pointer (&error));
  summary = enlace_device_types_import_batch (store, batch, NULL, &error);
  if (summary == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (opt_json)
    {
      g_autoptr(JsonNode) node = enlace_device_type_import_to_json (summary);

      cli_print_json (node);
    }
  else
    {
      g_autofree char *text = enlace_device_type_import_format (summary);

      fputs (text, stdout);
    }

  return summary->imported->len > 0 ? CLI_OK : CLI_ERROR;
}
