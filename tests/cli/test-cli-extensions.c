/* test-cli-extensions.c: a change of an extension's status through a case
 * of "extension-estado" from enlace-cli, then `extension history`
 * (text and --json) names the case; the refusals.
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static void
test_history (void)
{
  g_autofree char *dir = enlace_test_cli_make_dir ("enlace-cli-extensions");
  g_autofree char *file = g_build_filename (dir, "ext.enlace", NULL);
  g_autofree char *folio = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(EnlaceCliRun) r = { 0 };
  JsonObject *o;
  JsonArray *history;

  enlace_test_cli_run (&r, dir, "new", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "add", file, "extension", "number=2001", "holder=Rectoría", NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* the status changes only through a case: `set` is refused, naming the
   * rule and the command to use, and changes nothing */
  enlace_test_cli_run (&r, dir, "set", file, "extension", "2001", "status=suspended", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "extension-estado"));
  g_assert_nonnull (strstr (r.err, "case new"));
  /* the same status, or other fields, are fine */
  enlace_test_cli_run (&r, dir, "set", file, "extension", "2001", "status=active", "holder=Caja", NULL);
  g_assert_cmpint (r.status, ==, 0);

  enlace_test_cli_run (&r, dir, "case", "new", file, "extension-estado", "extension=2001", "status=Suspendida",
                       "reason=Adeudo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  folio = g_strstrip (g_strdup (r.out));
  g_assert_true (g_str_has_prefix (folio, "EXT-"));
  enlace_test_cli_run (&r, dir, "case", "step", file, folio, "admin:4", "done",
                       "extension=2001", "status=Suspendida", "reason=Adeudo", NULL);
  g_assert_cmpint (r.status, ==, 0);

  enlace_test_cli_run (&r, dir, "extension", "history", file, "2001", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Adeudo"));
  g_assert_nonnull (strstr (r.out, folio));

  enlace_test_cli_run (&r, dir, "extension", "history", file, "2001", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "suspended");
  history = json_object_get_array_member (o, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "status"), ==, "suspended");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "case"), ==, folio);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "reason"), ==, "Adeudo");

  /* refusals: a second case to the same status; no such extension; usage */
  enlace_test_cli_run (&r, dir, "case", "new", file, "extension-estado", "extension=2001", "status=Suspendida",
                       "reason=Otra vez", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autofree char *second = g_strstrip (g_strdup (r.out));

    enlace_test_cli_run (&r, dir, "case", "step", file, second, "admin:4", "done", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "already"));
  }
  enlace_test_cli_run (&r, dir, "extension", "history", file, "9999", NULL);
  g_assert_cmpint (r.status, ==, 1);
  enlace_test_cli_run (&r, dir, "extension", "history", file, NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, dir, "extension", "nothing", NULL);
  g_assert_cmpint (r.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/extension/history", test_history);
  return g_test_run ();
}
