/* enlace-cli-reports.c: enlace-cli report — the printable reports
 *
 *   enlace-cli report FILE KIND [--building B [--floor F]]
 *                      [--since DATE] [--until DATE] [--object KEY…]
 *                      [--paper A4|Letter|A3] [--landscape|--portrait]
 *                      -o OUT.pdf
 *   enlace-cli report FILE KIND … --csv [--semicolon] [--bom] -o OUT.csv
 *
 * `enlace-cli report --help` lists the kinds.
 */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cli.h"
#include "enlace-csv.h"
#include "enlace-render-report.h"
#include "enlace-report.h"

/* The rows of a tabular report as CSV (RFC 4180, UTF-8). */
static gboolean
write_csv (EnlaceReportCursor  *cursor,
           const char          *path,
           char                 separator,
           gboolean             bom,
           gint64              *n_rows,
           GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  g_autoptr(EnlaceCsvWriter) writer = NULL;
  guint n = enlace_report_cursor_get_n_columns (cursor);
  GError *local = NULL;

  if (out == NULL)
    return FALSE;
  writer = enlace_csv_writer_new (G_OUTPUT_STREAM (out), separator, bom);
  for (guint i = 0; i < n; i++)
    enlace_csv_writer_add_field (writer, enlace_report_cursor_get_column_title (cursor, i));
  if (!enlace_csv_writer_end_row (writer, error))
    return FALSE;
  while (enlace_report_cursor_next (cursor, &local))
    {
      for (guint i = 0; i < n; i++)
        enlace_csv_writer_add_field (writer, enlace_report_cursor_get (cursor, i));
      if (!enlace_csv_writer_end_row (writer, error))
        return FALSE;
    }
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  *n_rows = enlace_report_cursor_get_position (cursor);
  return enlace_csv_writer_flush (writer, error)
         && g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

static char *
kinds_summary (void)
{
  GString *s = g_string_new (_("Writes a printable report (PDF)."));
  guint n;
  const EnlaceReportInfo *kinds = enlace_report_kinds (&n);

  g_string_append_printf (s, "\n\n%s\n", _("Kinds:"));
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "  %-11s %s\n", kinds[i].name, _(kinds[i].description));
  return g_string_free (s, FALSE);
}

int
cli_cmd_report (int    argc,
                char **argv)
{
  g_autofree char *opt_building = NULL, *opt_floor = NULL, *opt_since = NULL, *opt_until = NULL;
  g_autofree char *opt_paper = NULL, *opt_out = NULL;
  g_auto(GStrv) opt_objects = NULL;
  gboolean opt_landscape = FALSE, opt_portrait = FALSE, opt_quiet = FALSE;
  gboolean opt_csv = FALSE, opt_semicolon = FALSE, opt_bom = FALSE;
  GOptionEntry entries[] = {
    { "building", 0, 0, G_OPTION_ARG_STRING, &opt_building, N_("Only this building (its code)"), N_("CODE") },
    { "floor", 0, 0, G_OPTION_ARG_STRING, &opt_floor, N_("Only this floor of the building (level or name)"), N_("FLOOR") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &opt_since, N_("Audit log: from this day on (YYYY-MM-DD)"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &opt_until, N_("Audit log: up to and including this day"), N_("DATE") },
    { "object", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_objects, N_("Trace sheets: an object to trace (repeat it)"), N_("KEY") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &opt_paper, N_("Paper: A4, Letter or A3 (default: the project’s, else A4)"), N_("PAPER") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &opt_landscape, N_("Landscape pages"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &opt_portrait, N_("Portrait pages"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_out, N_("The file to write"), N_("OUT") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &opt_csv, N_("Write the rows as CSV (tabular reports)"), NULL },
    { "semicolon", 0, 0, G_OPTION_ARG_NONE, &opt_semicolon, N_("CSV: separate fields with ';' (spreadsheets in Spanish)"), NULL },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &opt_bom, N_("CSV: start with a UTF-8 byte order mark"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opt_quiet, N_("Print nothing on success"), NULL },
    { NULL }
  };
  g_autofree char *summary = kinds_summary ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceReportCursor) cursor = NULL;
  EnlaceReportPageOptions options;
  EnlaceReportScope scope = { 0 };
  const EnlaceReportInfo *info;
  guint n_pages;
  int ret;

  ret = cli_parse ("report", _("FILE KIND -o OUT.pdf"), summary, entries, &argc, &argv);
  if (ret >= 0)
    return ret;
  if (argc != 3)
    return cli_usage_error ("report", "%s", _("Give the project file and the kind of report"));
  info = enlace_report_lookup (argv[2]);
  if (info == NULL)
    return cli_usage_error ("report", _("There is no report “%s” (see enlace-cli report --help)"), argv[2]);
  if (opt_out == NULL)
    return cli_usage_error ("report", "%s", _("Give the file to write with -o OUT.pdf"));
  if (opt_landscape && opt_portrait)
    return cli_usage_error ("report", "%s", _("--landscape and --portrait exclude each other"));

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  scope.building = opt_building;
  scope.floor = opt_floor;
  scope.since = opt_since;
  scope.until = opt_until;
  scope.objects = (const char **) opt_objects;
  cursor = enlace_report_cursor_new (store, info->name, &scope, &error);
  if (cursor == NULL)
    return cli_fail (g_steal_pointer (&error));
  if (opt_csv)
    {
      gint64 n_rows = 0;

      if (info->style != ENLACE_REPORT_TABLE)
        return cli_usage_error ("report", _("The report “%s” is a drawing: it has no CSV form"), info->name);
      if (!write_csv (cursor, opt_out, opt_semicolon ? ';' : ',', opt_bom, &n_rows, &error))
        return cli_fail (g_steal_pointer (&error));
      if (!opt_quiet)
        printf (_("Wrote %s: %lld rows\n"), opt_out, (long long) n_rows);
      return CLI_OK;
    }

  enlace_report_page_options_init (&options, store, info);
  if (opt_paper)
    {
      g_free ((char *) options.paper);
      options.paper = g_strdup (opt_paper);
    }
  if (opt_landscape)
    options.landscape = TRUE;
  if (opt_portrait)
    options.landscape = FALSE;
  n_pages = enlace_report_write_pdf (g_steal_pointer (&cursor), &options, opt_out,
                                     NULL, NULL, NULL, &error);
  enlace_report_page_options_clear (&options);
  if (n_pages == 0)
    return cli_fail (g_steal_pointer (&error));
  if (!opt_quiet)
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u page\n", "Wrote %s: %u pages\n", n_pages),
            opt_out, n_pages);
  return CLI_OK;
}
