/* enlace-cli.c: headless entry point */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cli.h"
#include "enlace-i18n.h"

static const EnlaceCliCommand commands[] = {
  { "new",        cli_cmd_new,        N_("Create an empty project file") },
  { "import",     cli_cmd_import,     N_("Import a project from XML (all or nothing)") },
  { "export",     cli_cmd_export,     N_("Export the whole project as XML") },
  { "export-csv", cli_cmd_export_csv, N_("Export the objects of a kind, or a list, as CSV for spreadsheets") },
  { "import-csv", cli_cmd_import_csv, N_("Import outlets, cables, devices, extensions, people or areas from CSV") },
  { "generate",   cli_cmd_generate,   N_("Write a deterministic synthetic campus") },
  { "list",       cli_cmd_list,       N_("List the objects of a kind") },
  { "show",       cli_cmd_show,       N_("Show one object") },
  { "check",      cli_cmd_check,      N_("Check integrity and every validation rule") },
  { "rules",      cli_cmd_rules,      N_("The project's cabling rules: show, set, reset (checked by check --rules)") },
  { "stats",      cli_cmd_stats,      N_("Count the objects of every kind") },
  { "meta",       cli_cmd_meta,       N_("Show or set the document properties (institution, department, logo)") },
  { "add",        cli_cmd_add,        N_("Add an object") },
  { "set",        cli_cmd_set,        N_("Change fields of an object") },
  { "remove",     cli_cmd_remove,     N_("Remove an object and what belongs to it") },
  { "connect",    cli_cmd_connect,    N_("Connect ports with a new cable") },
  { "disconnect", cli_cmd_disconnect, N_("Remove a cable") },
  { "undo",       cli_cmd_undo,       N_("Undo the last command") },
  { "redo",       cli_cmd_redo,       N_("Redo the last undone command") },
  { "log",        cli_cmd_log,        N_("Show the audit log") },
  { "trace",      cli_cmd_trace,      N_("Trace the paths from or through an object") },
  { "paths",      cli_cmd_paths,      N_("Every path from every endpoint") },
  { "impact",     cli_cmd_impact,     N_("What breaks if an object is removed or unplugged") },
  { "free",       cli_cmd_free,       N_("Spare capacity for new connections") },
  { "labels",     cli_cmd_labels,     N_("Print labels for cables, panels, faceplates, racks and devices (PDF)") },
  { "report",     cli_cmd_report,     N_("Write a printable report: cable schedule, outlets, racks… (PDF)") },
  { "plan",       cli_cmd_plan,       N_("Draw a floor plan to scale (PDF, SVG, PNG)") },
  { "plan-background", cli_cmd_plan_background, N_("Put the architect's plan under a floor") },
  { "design",     cli_cmd_design,     N_("Design a floor's cabling: place outlets by rule, route runs, assign ports") },
  { "import-device-types", cli_cmd_import_device_types, N_("Import NetBox device-type YAML files") },
  { "opinion",    cli_cmd_opinion,    N_("Technical opinions: quote add, quote list, quote remove, resolve") },
  { "order",      cli_cmd_order,      N_("Modification orders: add-change, list-changes, remove-change, diff, impact, execute") },
  { "extension",  cli_cmd_extension,  N_("Phone extensions: history (status changes and their cases)") },
  { "faulty",     cli_cmd_faulty,     N_("Cables and ports marked faulty: list, mark, clear") },
  { "case",       cli_cmd_case,       N_("Cases: new, list, show, step, status, assign, note, link") },
  { "bom",        cli_cmd_bom,        N_("The bill of materials per floor, building and in total (--json, --csv, --pdf)") },
  { "prices",     cli_cmd_prices,     N_("The price list of the bill of materials: import, list, set") },
  { "label-templates", cli_cmd_label_templates,    N_("Label templates (TIA-606) and their application: templates, template, preview, apply") },
  { "install",    cli_cmd_install,    N_("A floor's design to an installation order; record the test of a run") },
  { "certify",    cli_cmd_certify,    N_("Import a cable certifier's results and match them to the runs by label") },
  { "procedures", cli_cmd_procedures, N_("The procedures manual: list, show, export, import") },
  { "account",    cli_cmd_account,    N_("The registry of e-mail accounts: list, show") },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: enlace-cli COMMAND FILE [OPTIONS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-22s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “enlace-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  enlace_i18n_init ();

  if (argc < 2)
    {
      print_help (stderr);
      return CLI_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return CLI_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("enlace-cli %s\n", PACKAGE_VERSION);
      return CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        int status = commands[i].func (argc - 1, argv + 1);

        /* Output that did not reach its file (a full disk, a closed pipe)
         * is a failure, not a success with a truncated list. */
        if (fflush (stdout) != 0 || ferror (stdout))
          {
            int saved = errno;

            fprintf (stderr, _("enlace-cli %s: cannot write the output: %s\n"),
                     argv[1], g_strerror (saved ? saved : EIO));
            return status != CLI_OK ? status : CLI_ERROR;
          }
        return status;
      }

  fprintf (stderr, _("enlace-cli: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return CLI_USAGE;
}
