/* test-cli-bom.c: enlace-cli bom, prices, labels and certify on the demo */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) p = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (p, text, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (p)));
}

static void
test_bom (void)
{
  g_autofree char *dir = enlace_test_cli_make_dir ("enlace-cli-bom");
  g_autofree char *file = g_build_filename (dir, "b.enlace", NULL);
  g_autofree char *prices = g_build_filename (dir, "prices.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *results = g_build_filename (dir, "results.csv", NULL);
  g_autofree char *pdf = g_build_filename (dir, "bom.pdf", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonObject) o = NULL;
  g_autoptr(JsonObject) c = NULL;
  JsonObject *total;

  g_assert_true (g_file_set_contents (prices, "item,price\ncable:cat6,2450\njack:copper,85\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "item,price\ncable:cat6,mucho\n", -1, NULL));
  enlace_test_cli_run (&r, dir, "generate", file, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);

  enlace_test_cli_run (&r, dir, "prices", file, "import", prices, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "prices", file, "import", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Line 2"));

  enlace_test_cli_run (&r, dir, "bom", file, "--building", "A", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (r.out);
  total = json_object_get_object_member (o, "total");
  g_assert_cmpfloat (json_object_get_double_member (total, "cost"), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "buildings")), ==, 1);
  enlace_test_cli_run (&r, dir, "bom", file, "--building", "A", "--floor", "1", "--csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "building,floor,item,"));
  enlace_test_cli_run (&r, dir, "bom", file, "--building", "NOPE", NULL);
  g_assert_cmpint (r.status, ==, 1);
  enlace_test_cli_run (&r, dir, "bom", file, "--pdf", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  enlace_test_cli_run (&r, dir, "label-templates", file, "templates", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "TIA-606 fs-an"));
  enlace_test_cli_run (&r, dir, "label-templates", file, "template", "Mía", "rack", "{b}{n}", NULL);
  g_assert_cmpint (r.status, ==, 1);

  /* a certifier's file with one demo cable and one unknown label */
  enlace_test_cli_run (&r, dir, "list", file, "cable", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autofree char *label = NULL;
    g_autofree char *csv = NULL;
    const char *p = strstr (r.out, "\"label\" : \"");

    g_assert_nonnull (p);
    p += strlen ("\"label\" : \"");
    label = g_strndup (p, strchr (p, '"') - p);
    csv = g_strdup_printf ("label;length;result;margin\n%s;12,5;PASS;4,1\nNOPE-1;3;FAIL;-1\n", label);
    g_assert_true (g_file_set_contents (results, csv, -1, NULL));
  }
  enlace_test_cli_run (&r, dir, "certify", file, results, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  c = parse_object (r.out);
  g_assert_cmpint (json_object_get_int_member (c, "matched"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (c, "passed"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (c, "unmatched")), ==, 1);

  enlace_test_cli_remove_dir (dir);
}

/* A floor designed with the design tool (the demo's Edificio C) goes to
 * installation; a run's test shows in show, its length the cable's. */
static void
test_install (void)
{
  g_autofree char *dir = enlace_test_cli_make_dir ("enlace-cli-install");
  g_autofree char *file = g_build_filename (dir, "i.enlace", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonObject) o = NULL;

  enlace_test_cli_run (&r, dir, "generate", file, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "install", file, "order", "C", "0", "--json", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (r.out);
  g_assert_cmpint (json_object_get_int_member (o, "changes"), >, 100);
  /* nothing planned is left on the floor */
  enlace_test_cli_run (&r, dir, "install", file, "order", "C", "0", NULL);
  g_assert_cmpint (r.status, ==, 1);

  enlace_test_cli_run (&r, dir, "install", file, "run", "C-1A-001-D", "--result", "fail",
                       "--length", "14", "--margin", "-2.5", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "show", file, "cable", "C-1A-001-D", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Test: Fail · 14.0 m tested · margin -2.5 dB"));
  enlace_test_cli_run (&r, dir, "show", file, "cable", "C-1A-001-D", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&o, json_object_unref);
  o = parse_object (r.out);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "test"), "result"), ==, "fail");
  g_assert_nonnull (strstr (r.out, "\"length_m\" : 14"));

  enlace_test_cli_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/bom", test_bom);
  g_test_add_func ("/cli/install", test_install);
  return g_test_run ();
}
