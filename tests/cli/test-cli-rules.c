/* test-cli-rules.c: enlace-cli check --rules and enlace-cli rules */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static JsonObject *
parse (const char *text)
{
  g_autoptr(JsonParser) p = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (p, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (p)));
}

static void
test_rules (void)
{
  g_autofree char *dir = enlace_test_cli_make_dir ("cli-rules");
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonObject) o = NULL;
  JsonArray *failures;
  gboolean seen = FALSE;

  enlace_test_cli_run (&r, dir, "generate", "d.enlace", "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* the demo's buildings in service pass the default rules */
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "check", "d.enlace", "--rules", "--building", "A", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse (r.out);
  g_assert_true (json_object_get_boolean_member (o, "ok"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "counts"), "outlets"), >, 0);
  g_clear_pointer (&o, json_object_unref);
  /* the building in design (C) fails on purpose: its guard's booth is
   * beyond 90 m */
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "check", "d.enlace", "--rules", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "[permanent-link.max-m]"));
  g_assert_nonnull (strstr (r.out, "C-0A-034"));
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "check", "d.enlace", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "Rule set"));

  /* rules show --json */
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "rules", "d.enlace", "show", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse (r.out);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "TIA-568 / TIA-569");
  g_clear_pointer (&o, json_object_unref);

  /* a strict institution: 10 m links; check fails with exit status 1 */
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "rules", "d.enlace", "set", "permanent-link.max-m", "10", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "check", "d.enlace", "--rules", "--json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  o = parse (r.out);
  g_assert_false (json_object_get_boolean_member (o, "ok"));
  failures = json_object_get_array_member (o, "failures");
  g_assert_cmpuint (json_array_get_length (failures), >, 0);
  for (guint i = 0; i < json_array_get_length (failures); i++)
    {
      JsonObject *f = json_array_get_object_element (failures, i);

      if (strcmp (json_object_get_string_member (f, "rule"), "permanent-link") != 0)
        continue;
      seen = TRUE;
      g_assert_cmpfloat (json_object_get_double_member (f, "limit"), ==, 10);
      g_assert_cmpfloat (json_object_get_double_member (f, "value"), >, 10);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (f, "objects"), 0), "kind"), ==, "device");
    }
  g_assert_true (seen);
  g_clear_pointer (&o, json_object_unref);

  /* text output names the rule and the figures */
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "check", "d.enlace", "--rules", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "[permanent-link.max-m]"));

  /* refused values change nothing; undo takes the 10 m away */
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "rules", "d.enlace", "set", "permanent-link.max-m", "lejos", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "permanent-link.max-m"));
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "undo", "d.enlace", NULL);
  if (r.status != 0)
    {
      enlace_cli_run_clear (&r);
      enlace_test_cli_run (&r, dir, "rules", "d.enlace", "reset", NULL);
    }
  g_assert_cmpint (r.status, ==, 0);
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "check", "d.enlace", "--rules", "--building", "A", NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* bad usage */
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "rules", "d.enlace", "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_cli_run_clear (&r);
  enlace_test_cli_run (&r, dir, "check", "d.enlace", "--rules", "--floor", "NOPE/9", NULL);
  g_assert_cmpint (r.status, ==, 1);

  enlace_test_cli_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/rules", test_rules);
  return g_test_run ();
}
