/* test-cli-csv.c: enlace-cli export-csv and import-csv: a round trip of
 * every importable kind through a file, the separator and BOM options,
 * --map, --dry-run, --all-or-nothing, --json and the exit statuses.
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static void
test_round_trip (void)
{
  g_autofree char *dir = enlace_test_cli_make_dir ("enlace-cli-csv");
  g_autofree char *demo = g_build_filename (dir, "demo.enlace", NULL);
  g_autofree char *csv = g_build_filename (dir, "areas.csv", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.enlace", NULL);
  g_autofree char *data = NULL;
  g_auto(EnlaceCliRun) r = { 0 };
  g_auto(EnlaceCliRun) again = { 0 };
  const char *kinds[] = { "area", "person", NULL };

  enlace_test_cli_run (&r, dir, "generate", demo, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* Spanish-locale spreadsheet: ';', BOM, decimal comma */
  enlace_test_cli_run (&r, dir, "export-csv", demo, "cable", "--sep", ";", "--bom", "-o", csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "label;kind;type;pairs;length_m"));
  g_assert_nonnull (strstr (data, "\r\n"));
  g_clear_pointer (&data, g_free);

  /* stdout, and the list as the window shows it */
  enlace_test_cli_run (&r, dir, "export-csv", demo, "outlet", "--view", "--search", "B-1A-01", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Outlet,Space,Jacks,Connected,Status\r\n"));
  g_assert_nonnull (strstr (r.out, "B-1A-010,"));
  g_assert_null (strstr (r.out, "A-0A-001"));

  /* areas, then people (they name areas) into a new file */
  enlace_test_cli_run (&r, dir, "new", empty, NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (guint k = 0; kinds[k]; k++)
    {
      enlace_test_cli_run (&r, dir, "export-csv", demo, kinds[k], "-o", csv, NULL);
      g_assert_cmpint (r.status, ==, 0);
      enlace_test_cli_run (&r, dir, "import-csv", empty, kinds[k], csv, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, "Imported"));
      enlace_test_cli_run (&r, dir, "export-csv", demo, kinds[k], NULL);
      enlace_test_cli_run (&again, dir, "export-csv", empty, kinds[k], NULL);
      g_assert_cmpstr (r.out, ==, again.out);
    }
  /* one undoable command */
  enlace_test_cli_run (&r, dir, "undo", empty, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "export-csv", empty, "person", NULL);
  g_assert_cmpstr (r.out, ==, "name,position,area_id,email,phone\r\n");

  enlace_test_cli_remove_dir (dir);
}

static void
test_refusals (void)
{
  g_autofree char *dir = enlace_test_cli_make_dir ("enlace-cli-csv");
  g_autofree char *file = g_build_filename (dir, "p.enlace", NULL);
  g_autofree char *csv = g_build_filename (dir, "areas.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(EnlaceCliRun) r = { 0 };
  JsonObject *o;
  JsonArray *refused;

  enlace_test_cli_run (&r, dir, "new", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_set_contents (csv, "Código;Nombre;Color\nRH;Recursos Humanos;rojo\n;Sin código;azul\nRH;Otra vez;verde\n", -1, NULL));

  /* an unknown column refuses the file */
  enlace_test_cli_run (&r, dir, "import-csv", file, "area", csv, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Color"));

  /* mapped aside; a dry run reports and changes nothing */
  enlace_test_cli_run (&r, dir, "import-csv", file, "area", csv, "--map", "Código=code,Nombre=name,Color=",
                       "--dry-run", "--json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (o, "rows"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "good"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "imported"), ==, 0);
  refused = json_object_get_array_member (o, "refused");
  g_assert_cmpuint (json_array_get_length (refused), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (refused, 0), "rule"), ==, "missing");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (refused, 0), "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (refused, 1), "rule"), ==, "duplicate");
  enlace_test_cli_run (&r, dir, "export-csv", file, "area", NULL);
  g_assert_cmpstr (r.out, ==, "code,name,parent_id\r\n");

  /* all or nothing: nothing */
  enlace_test_cli_run (&r, dir, "import-csv", file, "area", csv, "--map", "Código=code,Nombre=name,Color=",
                       "--all-or-nothing", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, ":3: [missing]"));
  enlace_test_cli_run (&r, dir, "export-csv", file, "area", NULL);
  g_assert_cmpstr (r.out, ==, "code,name,parent_id\r\n");

  /* the good row goes in; the status says rows were refused */
  enlace_test_cli_run (&r, dir, "import-csv", file, "area", csv, "-m", "Código=code,Nombre=name,Color=", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "Imported 1"));
  enlace_test_cli_run (&r, dir, "export-csv", file, "area", NULL);
  g_assert_cmpstr (r.out, ==, "code,name,parent_id\r\nRH,Recursos Humanos,\r\n");

  /* usage */
  enlace_test_cli_run (&r, dir, "import-csv", file, "rack", csv, NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, dir, "import-csv", file, "area", csv, "--map", "Código", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, dir, "export-csv", file, "area", "--sep", "|", NULL);
  g_assert_cmpint (r.status, ==, 2);

  enlace_test_cli_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/csv/round-trip", test_round_trip);
  g_test_add_func ("/cli/csv/refusals", test_refusals);
  return g_test_run ();
}
