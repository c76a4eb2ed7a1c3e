/* test-cli-opinions.c: enlace-cli opinion — quotes added, listed and
 * removed, the refusals, the resolution, --json.
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static void
test_opinion (void)
{
  g_autofree char *dir = enlace_test_cli_make_dir ("enlace-cli-opinions");
  g_autofree char *file = g_build_filename (dir, "op.enlace", NULL);
  g_autofree char *folio = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(EnlaceCliRun) r = { 0 };
  JsonObject *o;

  enlace_test_cli_run (&r, dir, "new", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "case", "new", file, "dictamen", "equipment=10 PCs", NULL);
  g_assert_cmpint (r.status, ==, 0);
  folio = g_strstrip (g_strdup (r.out));
  g_assert_true (g_str_has_prefix (folio, "DICT-"));

  enlace_test_cli_run (&r, dir, "opinion", "quote", "add", file, folio, "--vendor", "Compucentro",
                       "--item", "PC", "--price", "15250.5", "--quantity", "10", "--currency", "mxn",
                       "--delivery", "15", "--warranty", "36", "--meets", "yes", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (o, "n"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==, "MXN");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "total"), 152505.0, 1e-6);

  /* refusals name the rule */
  enlace_test_cli_run (&r, dir, "opinion", "quote", "add", file, folio, "--vendor", "X",
                       "--item", "PC", "--price", "-1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "unit price must be 0 or more"));
  enlace_test_cli_run (&r, dir, "opinion", "quote", "add", file, folio, "--vendor", "X",
                       "--item", "PC", "--price", "1", "--quantity", "0", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "quantity"));
  enlace_test_cli_run (&r, dir, "opinion", "quote", "add", file, folio, "--vendor", "X",
                       "--item", "PC", "--price", "1", "--currency", "DOLARES", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "three-letter code"));

  enlace_test_cli_run (&r, dir, "opinion", "quote", "add", file, folio, "--vendor", "TecnoSur",
                       "--item", "PC", "--price", "900", "--currency", "USD", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "opinion", "quote", "list", file, folio, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "1. Compucentro | 2. TecnoSur"));
  g_assert_nonnull (strstr (r.out, "152,505.00 MXN"));

  /* the recommended quote must be one of the case's */
  enlace_test_cli_run (&r, dir, "opinion", "resolve", file, folio, "--result", "favourable",
                       "--reasons", "Mejor precio", "--recommend", "3", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "no quote 3"));
  enlace_test_cli_run (&r, dir, "opinion", "resolve", file, folio, "--result", "maybe",
                       "--reasons", "x", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, dir, "opinion", "resolve", file, folio, "--result", "conditional",
                       "--reasons", "Mejor precio", "--recommend", "1", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "result"), ==, "conditional");
  g_assert_cmpint (json_object_get_int_member (o, "recommended"), ==, 1);

  /* the recommended quote cannot go; another can */
  enlace_test_cli_run (&r, dir, "opinion", "quote", "remove", file, folio, "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  enlace_test_cli_run (&r, dir, "opinion", "quote", "remove", file, folio, "2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "opinion", "quote", "list", file, folio, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 1);

  enlace_test_cli_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/opinion", test_opinion);
  return g_test_run ();
}
