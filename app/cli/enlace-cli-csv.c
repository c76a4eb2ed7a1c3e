/* enlace-cli-csv.c: export-csv and import-csv, the department's
 * spreadsheets (model/exchange/enlace-csv-import.h)
 */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "enlace-cli.h"
#include "enlace-csv-import.h"
#include "enlace-query.h"

static gboolean
parse_separator (const char *text,
                 char       *out)
{
  if (text == NULL)
    {
      *out = ',';
      return TRUE;
    }
  if (strcmp (text, ",") == 0 || strcmp (text, "comma") == 0)
    *out = ',';
  else if (strcmp (text, ";") == 0 || strcmp (text, "semicolon") == 0)
    *out = ';';
  else if (strcmp (text, "\\t") == 0 || strcmp (text, "\t") == 0 || strcmp (text, "tab") == 0)
    *out = '\t';
  else
    return FALSE;
  return TRUE;
}

int
cli_cmd_export_csv (int    argc,
                    char **argv)
{
  g_autofree char *sep_text = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *search = NULL;
  gboolean bom = FALSE, view = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("Write to this file (default: standard output)"), N_("OUT.csv") },
    { "sep", 0, 0, G_OPTION_ARG_STRING, &sep_text, N_("Separator: “,” (default) or “;” (Spanish-locale spreadsheets)"), N_("SEP") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start with a byte order mark, so that Excel sees UTF-8"), NULL },
    { "view", 0, 0, G_OPTION_ARG_NONE, &view, N_("The list as the window shows it (its columns, translated) instead of every field"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("With --view: only the rows the list's filter finds"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(EnlaceCsvWriter) writer = NULL;
  gint64 n;
  char sep;
  int rc;

  rc = cli_parse ("export-csv", _("FILE KIND"),
                  _("Writes the objects of KIND as CSV (RFC 4180, UTF-8, CRLF): every field, references "
                    "as readable keys, in key order, as “enlace-cli list” lists them; import-csv reads it "
                    "back. With --view, the list of the window instead (KIND is a list: outlet, cable, "
                    "audit…)."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("export-csv", _("expected FILE and KIND"));
  if (!parse_separator (sep_text, &sep) || sep == '\t')
    return cli_usage_error ("export-csv", _("--sep takes “,” or “;”"));
  if (search && !view)
    return cli_usage_error ("export-csv", _("--search needs --view"));

  store = enlace_store_open (argv[1], ENLACE_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (out_path && strcmp (out_path, "-") != 0)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (out_path);

      out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
      if (out == NULL)
        return cli_fail (g_steal_pointer (&error));
    }
  /* standard output: written at the end, from memory */
  writer = enlace_csv_writer_new (out, sep, bom);

  if (view)
    {
      const EnlaceListSpec *spec = enlace_list_spec_lookup (argv[2]);
      g_autoptr(GArray) ids = NULL;

      if (spec == NULL)
        return cli_usage_error ("export-csv", _("no list “%s”"), argv[2]);
      ids = enlace_list_query_ids (store, spec, 0, search, -1, FALSE, &error);
      if (ids == NULL)
        return cli_fail (g_steal_pointer (&error));
      n = enlace_csv_export_list (store, spec, ids, NULL, 0, writer, &error);
    }
  else
    n = enlace_csv_export_kind (store, argv[2], writer, &error);
  if (n < 0 || !enlace_csv_writer_flush (writer, &error)
      || (out && !g_output_stream_close (out, NULL, &error)))
    return cli_fail (g_steal_pointer (&error));
  if (out == NULL)
    {
      gsize len = 0;
      g_autofree char *data = enlace_csv_writer_steal_data (writer, &len);

      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          fprintf (stderr, _("enlace-cli: cannot write to standard output\n"));
          return CLI_ERROR;
        }
    }
  else
    fprintf (stderr, ngettext ("%s: %u row\n", "%s: %u rows\n", (gulong) n), out_path, (guint) n);
  return CLI_OK;
}

static JsonNode *
import_json (EnlaceCsvImport *imp,
             const char      *kind,
             const char      *csv,
             gboolean         dry_run,
             gboolean         all,
             const GError    *error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char * const *header = enlace_csv_import_get_header (imp);
  const char * const *fields = enlace_csv_import_get_fields (imp);
  GPtrArray *refusals = enlace_csv_import_get_refusals (imp);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, kind);
  json_builder_set_member_name (b, "csv");
  json_builder_add_string_value (b, csv);
  json_builder_set_member_name (b, "dry_run");
  json_builder_add_boolean_value (b, dry_run);
  json_builder_set_member_name (b, "all_or_nothing");
  json_builder_add_boolean_value (b, all);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, enlace_csv_import_get_n_rows (imp));
  json_builder_set_member_name (b, "good");
  json_builder_add_int_value (b, enlace_csv_import_get_n_good (imp));
  json_builder_set_member_name (b, "imported");
  json_builder_add_int_value (b, enlace_csv_import_get_n_imported (imp));
  json_builder_set_member_name (b, "command");
  json_builder_add_int_value (b, enlace_csv_import_get_command (imp));
  json_builder_set_member_name (b, "error");
  if (error)
    json_builder_add_string_value (b, error->message);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint i = 0; header && header[i]; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "header");
      json_builder_add_string_value (b, header[i]);
      json_builder_set_member_name (b, "field");
      if (fields && fields[i] && *fields[i])
        json_builder_add_string_value (b, fields[i]);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "refused");
  json_builder_begin_array (b);
  for (guint i = 0; i < refusals->len; i++)
    {
      EnlaceCsvRefusal *r = g_ptr_array_index (refusals, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, r->line);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, enlace_csv_rule_name (r->rule));
      json_builder_set_member_name (b, "column");
      if (r->column)
        json_builder_add_string_value (b, r->column);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, r->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

int
cli_cmd_import_csv (int    argc,
                    char **argv)
{
  g_auto(GStrv) maps = NULL;
  g_autofree char *sep_text = NULL;
  g_autofree char *encoding = NULL;
  gboolean dry_run = FALSE, all = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Map columns to fields: “Column=field,Other=” (empty: leave the column aside)"), N_("COL=FIELD,…") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check every row and report, change nothing"), NULL },
    { "all-or-nothing", 0, 0, G_OPTION_ARG_NONE, &all, N_("Import nothing when a row is refused"), NULL },
    { "sep", 0, 0, G_OPTION_ARG_STRING, &sep_text, N_("Separator (default: found from the header)"), N_("SEP") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("Character set of the file (default UTF-8), e.g. WINDOWS-1252"), N_("ENCODING") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable JSON output"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) run_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(EnlaceCsvReader) reader = NULL;
  g_autoptr(EnlaceCsvImport) imp = NULL;
  GPtrArray *refusals;
  gboolean ok;
  char sep = 0;
  int rc;

  rc = cli_parse ("import-csv", _("FILE KIND DATA.csv"),
                  _("Adds the rows of DATA.csv to FILE as objects of KIND (outlet, cable, device, "
                    "extension, person or area), as one undoable command. The first line names the "
                    "columns: field names, their labels, or the headers of the window's list; "
                    "references are readable keys. Rows that break a rule are refused and listed "
                    "with their line; the others go in (with --all-or-nothing, none does)."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 4)
    return cli_usage_error ("import-csv", _("expected FILE, KIND and DATA.csv"));
  if (sep_text && !parse_separator (sep_text, &sep))
    return cli_usage_error ("import-csv", _("--sep takes “,”, “;” or “tab”"));

  store = cli_open (argv[1], FALSE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));
  imp = enlace_csv_import_new (store, argv[2], &error);
  if (imp == NULL)
    return cli_usage_error ("import-csv", "%s", error->message);
  for (guint i = 0; maps && maps[i]; i++)
    if (!enlace_csv_import_parse_mapping (imp, maps[i], &error))
      return cli_usage_error ("import-csv", "%s", error->message);
  enlace_csv_import_set_dry_run (imp, dry_run);
  enlace_csv_import_set_all_or_nothing (imp, all);

  file = g_file_new_for_commandline_arg (argv[3]);
  in = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  if (in == NULL)
    return cli_fail (g_steal_pointer (&error));
  reader = enlace_csv_reader_new (in, sep, encoding, &error);
  if (reader == NULL)
    return cli_fail (g_steal_pointer (&error));

  ok = enlace_csv_import_run (imp, reader, NULL, &run_error);
  refusals = enlace_csv_import_get_refusals (imp);

  if (json)
    {
      g_autoptr(JsonNode) node = import_json (imp, argv[2], argv[3], dry_run, all, run_error);

      cli_print_json (node);
    }
  else
    {
      for (guint i = 0; i < refusals->len; i++)
        {
          EnlaceCsvRefusal *r = g_ptr_array_index (refusals, i);

          printf ("%s:%u: [%s] %s\n", argv[3], r->line, enlace_csv_rule_name (r->rule), r->message);
        }
      if (ok && dry_run)
        printf (_("Dry run: %u of %u rows would be imported, %u refused; nothing was changed\n"),
                enlace_csv_import_get_n_good (imp), enlace_csv_import_get_n_rows (imp), refusals->len);
      else if (ok)
        printf (_("Imported %u %s (%u rows refused)\n"), enlace_csv_import_get_n_imported (imp),
                enlace_csv_import_kind_label (argv[2]), refusals->len);
    }
  if (!ok)
    {
      if (json)
        return CLI_ERROR;
      return cli_fail (g_steal_pointer (&run_error));
    }
  return refusals->len > 0 ? CLI_ERROR : CLI_OK;
}
