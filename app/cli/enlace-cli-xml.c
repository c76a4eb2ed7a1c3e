/* enlace-cli-xml.c: import and export (the XML exchange format) */
#define G_LOG_DOMAIN "enlace-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "enlace-cli.h"
#include "enlace-kinds.h"
#include "enlace-xml.h"

static void
show_progress (double   fraction,
               gpointer user_data)
{
  fprintf (stderr, "\r%s %3d %%", _("Importing…"), (int) (fraction * 100 + 0.5));
  if (fraction >= 1.0)
    fputc ('\n', stderr);
  fflush (stderr);
}

static void
remove_db_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

static void
print_counts_json (const char  *file,
                   const char  *xml,
                   EnlaceStore *store)
{
  g_autoptr(JsonBuilder) jb = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const EnlaceKind **kinds = enlace_kinds_all ();

  json_builder_begin_object (jb);
  json_builder_set_member_name (jb, "file");
  json_builder_add_string_value (jb, file);
  json_builder_set_member_name (jb, "xml");
  json_builder_add_string_value (jb, xml);
  json_builder_set_member_name (jb, "counts");
  json_builder_begin_object (jb);
  for (guint i = 0; kinds[i]; i++)
    {
      json_builder_set_member_name (jb, kinds[i]->name);
      json_builder_add_int_value (jb, enlace_store_count (store, kinds[i]->name));
    }
  json_builder_end_object (jb);
  json_builder_end_object (jb);
  root = json_builder_get_root (jb);
  cli_print_json (root);
}

int
cli_cmd_import (int    argc,
                char **argv)
{
  gboolean json = FALSE, progress = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the counts of imported objects as JSON"), NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress, N_("Show progress on standard error"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path, *xml;
  gboolean existed;
  guint total = 0;
  const EnlaceKind **kinds = enlace_kinds_all ();
  int rc;

  rc = cli_parse ("import", _("FILE XML"),
                  _("Reads a whole project from an XML file (see docs/file-format.md) into FILE, "
                    "which is created when missing and must hold no objects. The import is one "
                    "command, undone by “enlace-cli undo FILE”. An invalid XML file changes "
                    "nothing; the error names its line."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("import", _("expected a project file and an XML file"));
  path = argv[1];
  xml = argv[2];

  if (!g_file_test (xml, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, _("enlace-cli: %s: no such file\n"), xml);
      return CLI_ERROR;
    }

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = cli_open (path, TRUE, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (!enlace_xml_import (store, xml, NULL,
                          progress ? show_progress : NULL, NULL, &error))
    {
      if (progress)
        fputc ('\n', stderr);
      g_clear_object (&store);
      /* a failed import into a new file leaves no file behind */
      if (!existed)
        remove_db_files (path);
      fprintf (stderr, "enlace-cli: %s: %s\n", xml, error->message);
      return CLI_ERROR;
    }

  if (json)
    {
      print_counts_json (path, xml, store);
      return CLI_OK;
    }
  for (guint i = 0; kinds[i]; i++)
    total += enlace_store_count (store, kinds[i]->name);
  printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s into %s: %u object.\n",
                       "Imported %s into %s: %u objects.\n", total),
          xml, path, total);
  return CLI_OK;
}

int
cli_cmd_export (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print what was written as JSON (not with “-”)"), NULL },
    { NULL }
  };
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path, *out;
  int rc;

  rc = cli_parse ("export", _("FILE OUT.xml"),
                  _("Writes the whole project in FILE as XML (see docs/file-format.md) to OUT.xml, "
                    "or to standard output when OUT.xml is “-”. The output is deterministic: "
                    "exporting, importing and exporting again gives the same bytes."),
                  entries, &argc, &argv);
  if (rc >= 0)
    return rc;
  if (argc != 3)
    return cli_usage_error ("export", _("expected a project file and an output file (or “-”)"));
  path = argv[1];
  out = argv[2];

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      fprintf (stderr, _("enlace-cli: %s: no such file\n"), path);
      return CLI_ERROR;
    }
  store = enlace_store_open (path, ENLACE_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return cli_fail (g_steal_pointer (&error));

  if (strcmp (out, "-") == 0)
    {
      g_autofree char *text = NULL;
      gsize len = 0;

      if (!enlace_xml_export_to_memory (store, &text, &len, &error))
        return cli_fail (g_steal_pointer (&error));
      if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          fprintf (stderr, _("enlace-cli: cannot write to standard output\n"));
          return CLI_ERROR;
        }
      return CLI_OK;
    }

  if (!enlace_xml_export (store, out, &error))
    return cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) jb = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      GStatBuf st;

      json_builder_begin_object (jb);
      json_builder_set_member_name (jb, "file");
      json_builder_add_string_value (jb, path);
      json_builder_set_member_name (jb, "xml");
      json_builder_add_string_value (jb, out);
      json_builder_set_member_name (jb, "bytes");
      json_builder_add_int_value (jb, g_stat (out, &st) == 0 ? (gint64) st.st_size : -1);
      json_builder_end_object (jb);
      root = json_builder_get_root (jb);
      cli_print_json (root);
    }
  return CLI_OK;
}
