/* test-cli-orders.c: enlace-cli order — a modification order's change set
 * added, listed and removed, its diff and impact, its execution and the
 * refusal when the plant changed under it, with --json; `case show --json`
 * of an order carries its changes.
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
new_order (EnlaceCliRun *r,
           const char   *dir,
           const char   *file)
{
  enlace_test_cli_run (r, dir, "case", "new", file, "red-modificacion", "--summary", "Re-parcheo", NULL);
  g_assert_cmpint (r->status, ==, 0);
  return g_strstrip (g_strdup (r->out));
}

static void
test_order (void)
{
  g_autofree char *dir = enlace_test_cli_make_dir ("enlace-cli-orders");
  g_autofree char *file = g_build_filename (dir, "o.enlace", NULL);
  g_autofree char *folio = NULL;
  g_autofree char *other = NULL;
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;
  JsonArray *a;

  enlace_test_cli_run (&r, dir, "generate", file, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  folio = new_order (&r, dir, file);
  g_assert_true (g_str_has_prefix (folio, "MODIF-"));

  /* the change set, by readable keys; a cable named by a port it ends on */
  enlace_test_cli_run (&r, dir, "order", "add-change", file, folio, "disconnect", "R-P0-SW1:Gi1/0/9", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  node = parse (r.out);
  o = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (o, "n"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "target"), ==, "PC-R-0A-A10");
  enlace_test_cli_run (&r, dir, "order", "add-change", file, folio, "connect", "a=R-0A-PPA:10",
                       "b=R-P0-SW1:Gi1/0/40", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "change 2 added: Connect R-0A-PPA:10 → R-P0-SW1:Gi1/0/40"));
  enlace_test_cli_run (&r, dir, "order", "add-change", file, folio, "add-device", "SW-NUEVO", "role=switch",
                       "rack=A-0A-R1", "u=20", NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* refusals name the rule, usage errors exit 2 */
  enlace_test_cli_run (&r, dir, "order", "add-change", file, folio, "remove-device", "NO-EXISTE", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "there is no device NO-EXISTE"));
  enlace_test_cli_run (&r, dir, "order", "add-change", file, folio, "add-device", "X", "nonsense", "u=1", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, dir, "order", "add-change", file, "DICT-2026-0001", "remove-device", "A-0A-001", NULL);
  g_assert_cmpint (r.status, ==, 1);

  /* nothing touched the plant */
  enlace_test_cli_run (&r, dir, "show", file, "cable", "PC-R-0A-A10", NULL);
  g_assert_cmpint (r.status, ==, 0);

  enlace_test_cli_run (&r, dir, "order", "list-changes", file, folio, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 3);
  enlace_test_cli_run (&r, dir, "order", "remove-change", file, folio, "3", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "order", "list-changes", file, folio, NULL);
  g_assert_nonnull (strstr (r.out, "2. Connect"));
  g_assert_null (strstr (r.out, "SW-NUEVO"));

  /* the diff and the impact */
  enlace_test_cli_run (&r, dir, "order", "diff", file, folio, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (r.out);
  a = json_object_get_array_member (json_node_get_object (node), "changes");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "before"), ==,
                   "R-0A-PPA:10 ↔ R-P0-SW1:Gi1/0/9");
  enlace_test_cli_run (&r, dir, "order", "diff", file, folio, NULL);
  g_assert_nonnull (strstr (r.out, "R-0A-PPA:10 ↔ R-P0-SW1:Gi1/0/9 → —"));
  enlace_test_cli_run (&r, dir, "order", "impact", file, folio, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (r.out);
  o = json_node_get_object (node);
  /* the cord comes off and its panel port is connected again by change 2:
   * a re-patch, the outlet's path changes and nothing breaks */
  g_assert_cmpint (json_object_get_int_member (o, "paths_broken"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "paths_changed"), >=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "outlets")), ==, 0);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (json_object_get_array_member (o, "changes"), 0),
                                                 "repatched"));
  enlace_test_cli_run (&r, dir, "order", "impact", file, folio, NULL);
  g_assert_null (strstr (r.out, "Outlets losing service: R-0A-010"));

  /* the plant changes under a second order: it is refused and nothing changes */
  other = new_order (&r, dir, file);
  enlace_test_cli_run (&r, dir, "order", "add-change", file, other, "connect", "C-X", "a=R-P0-SW1:Gi1/0/41",
                       "b=R-P0-SW1:Gi1/0/42", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "connect", file, "R-P0-SW1:Gi1/0/41", "R-P0-SW1:Gi1/0/43", "--label", "C-Y", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "order", "execute", file, other, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "port Gi1/0/41 of R-P0-SW1 is taken by cable C-Y"));
  enlace_test_cli_run (&r, dir, "show", file, "cable", "C-X", NULL);
  g_assert_cmpint (r.status, ==, 1);

  /* execution: one command, readable afterwards */
  enlace_test_cli_run (&r, dir, "order", "execute", file, folio, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (r.out);
  o = json_node_get_object (node);
  g_assert_true (json_object_get_boolean_member (o, "executed"));
  g_assert_cmpint (json_object_get_int_member (o, "command"), >, 0);
  enlace_test_cli_run (&r, dir, "show", file, "cable", "PC-R-0A-A10", NULL);
  g_assert_cmpint (r.status, ==, 1);
  enlace_test_cli_run (&r, dir, "log", file, "--limit", "1", NULL);
  g_assert_nonnull (strstr (r.out, "Execute order"));
  enlace_test_cli_run (&r, dir, "case", "show", file, folio, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse (r.out);
  o = json_object_get_object_member (json_node_get_object (node), "order");
  g_assert_true (json_object_get_boolean_member (o, "executed"));
  a = json_object_get_array_member (o, "changes");
  g_assert_cmpuint (json_array_get_length (a), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 1), "after"), ==,
                   "R-0A-PPA:10 ↔ R-P0-SW1:Gi1/0/40");
  enlace_test_cli_run (&r, dir, "order", "impact", file, folio, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "already executed"));

  /* one undo takes it back */
  enlace_test_cli_run (&r, dir, "undo", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, dir, "show", file, "cable", "PC-R-0A-A10", NULL);
  g_assert_cmpint (r.status, ==, 0);

  enlace_test_cli_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/order", test_order);
  return g_test_run ();
}
