/* test-cli-cases.c: enlace-cli case, procedures and account, run as a
 * program.  ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "enlace-test-cli.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_unlink (path);
  return g_steal_pointer (&path);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_help_and_usage (void)
{
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, tmp_dir, "case", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "propose"));
  enlace_test_cli_run (&r, tmp_dir, "case", "step", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "create-account"));
  enlace_test_cli_run (&r, tmp_dir, "case", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "case", "frobnicate", "x.enlace", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "case", "step", "x.enlace", "F", "admin:zz", "done", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "procedures", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "account", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "procedures", "list", "missing.enlace", NULL);
  g_assert_cmpint (r.status, ==, 1);
}

/* The e-mail account procedures end to end from the command line. */
static void
test_email_account (void)
{
  g_autofree char *db = tmp_path ("cases.enlace");
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *o;

  enlace_test_cli_run (&r, tmp_dir, "new", db, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "add", db, "area", "code=RH", "name=Recursos Humanos", NULL);
  g_assert_cmpint (r.status, ==, 0);

  enlace_test_cli_run (&r, tmp_dir, "procedures", "list", db, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  list = parse (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 10);

  enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "correo-alta", "--new-requester", "Jorge García", "--area", "RH",
           "--channel", "paper", "--opened-at", "2026-02-03T09:00:00Z", "position=Analista", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "CORREO-2026-0001\n");

  /* refused: the account is not created yet */
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, "CORREO-2026-0001", "in-progress", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, "CORREO-2026-0001", "resolved", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "the case cannot be resolved: step 1 “Obtener datos” is not done"));

  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, "CORREO-2026-0001", "1", "done", "full_name=Jorge García Soto", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, "CORREO-2026-0001", "admin:2", "done", "position=Analista", "area=1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, "CORREO-2026-0001", "administrator:3", "done",
           "identity=Credencial institucional", "--note", "Verificada en ventanilla", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, "CORREO-2026-0001", "4", "done", "address=no-at-sign", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "not a well-formed e-mail address"));
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, "CORREO-2026-0001", "4", "done", "address=jgarcia@utv.edu.mx", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, "CORREO-2026-0001", "5", "done", "delivered_to=Jorge García Soto",
           "delivered_at=2026-02-04", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "note", db, "CORREO-2026-0001", "Entregada en persona", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, "CORREO-2026-0001", "resolved", NULL);
  g_assert_cmpint (r.status, ==, 0);

  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, "CORREO-2026-0001", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  shown = parse (r.out);
  o = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "resolved");
  g_assert_cmpstr (json_object_get_string_member (o, "requester"), ==, "Jorge García");
  g_assert_cmpstr (json_object_get_string_member (o, "area"), ==, "Recursos Humanos");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "steps")), ==, 9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "links")), ==, 1);

  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, "CORREO-2026-0001", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Creación de la cuenta"));
  g_assert_nonnull (strstr (r.out, "Verificada en ventanilla"));

  enlace_test_cli_run (&r, tmp_dir, "account", "show", db, "jgarcia@utv.edu.mx", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "CORREO-2026-0001"));

  /* the removal */
  enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "correo-baja", "--requester", "Jorge García", NULL);
  g_assert_cmpstr (r.out, ==, "BAJA-2026-0001\n");
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, "BAJA-2026-0001", "1", "done", "address=jgarcia@utv.edu.mx",
           "motive=Cambio de adscripción", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, "BAJA-2026-0001", "2", "na", NULL);
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, "BAJA-2026-0001", "3", "done", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "account", "list", db, NULL);
  g_assert_cmpstr (r.out, ==, "");
  enlace_test_cli_run (&r, tmp_dir, "account", "list", db, "--all", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "\"removed\""));
  g_assert_nonnull (strstr (r.out, "BAJA-2026-0001"));

  /* undo takes the removal back */
  enlace_test_cli_run (&r, tmp_dir, "undo", db, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "account", "list", db, NULL);
  g_assert_nonnull (strstr (r.out, "jgarcia@utv.edu.mx"));

  /* the inbox */
  enlace_test_cli_run (&r, tmp_dir, "case", "list", db, "--open", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "BAJA-2026-0001"));
  g_assert_null (strstr (r.out, "CORREO-2026-0001"));
  enlace_test_cli_run (&r, tmp_dir, "case", "list", db, "--search", "garcía", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"counts\""));
  enlace_test_cli_run (&r, tmp_dir, "case", "list", db, "--status", "bogus", NULL);
  g_assert_cmpint (r.status, ==, 1);

  /* assign, cancel with and without a reason */
  enlace_test_cli_run (&r, tmp_dir, "case", "assign", db, "BAJA-2026-0001", "Jorge García", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, "BAJA-2026-0001", "cancelled", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "without a reason"));
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, "BAJA-2026-0001", "cancelled", "--reason", "Sigue en la institución", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, "NOPE-2026-0001", NULL);
  g_assert_cmpint (r.status, ==, 1);
}

static void
test_procedures_export_import (void)
{
  g_autofree char *db = tmp_path ("manual.enlace");
  g_autofree char *xml = tmp_path ("manual.xml");
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, tmp_dir, "new", db, NULL);
  enlace_test_cli_run (&r, tmp_dir, "procedures", "export", db, xml, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (xml, &text, NULL, NULL));
  edited = g_string_new (text);
  g_string_replace (edited, "<title>Analizar solicitud</title>", "<title>Analizar la solicitud</title>", 1);
  g_assert_true (g_file_set_contents (xml, edited->str, -1, NULL));
  enlace_test_cli_run (&r, tmp_dir, "procedures", "import", db, xml, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"changed\" : 1"));
  enlace_test_cli_run (&r, tmp_dir, "procedures", "show", db, "internet-alta", NULL);
  g_assert_nonnull (strstr (r.out, "Analizar la solicitud"));
  g_assert_nonnull (strstr (r.out, "v2"));
  enlace_test_cli_run (&r, tmp_dir, "procedures", "show", db, "internet-alta", "--version", "1", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "Analizar solicitud"));

  /* a broken file: refused with its line */
  g_assert_true (g_file_set_contents (xml, "<procedures version=\"1\">\n  <bogus/>\n</procedures>\n", -1, NULL));
  enlace_test_cli_run (&r, tmp_dir, "procedures", "import", db, xml, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "line"));
}

/* New internet connection on the demo campus: propose, then connect. */
static void
test_new_connection (void)
{
  g_autofree char *folio1 = NULL;
  g_autofree char *folio2 = NULL;
  g_autofree char *db = tmp_path ("demo.enlace");
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) spaces = NULL;
  g_autoptr(JsonNode) prop = NULL;
  const char *space = NULL;
  JsonObject *p0;
  g_autofree char *outlet_arg = NULL;
  g_autofree char *switch_arg = NULL;
  g_autofree char *space_arg = NULL;
  JsonArray *arr;

  enlace_test_cli_run (&r, tmp_dir, "generate", db, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "list", db, "space", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  spaces = parse (r.out);
  arr = json_node_get_array (spaces);
  for (guint i = 0; i < json_array_get_length (arr) && space == NULL; i++)
    {
      const char *key = json_object_get_string_member (json_array_get_object_element (arr, i), "key");
      g_auto(EnlaceCliRun) t = { 0 };

      enlace_test_cli_run (&t, tmp_dir, "case", "propose", db, key, "--json", NULL);
      if (t.status == 0)
        {
          space = key;
          prop = parse (t.out);
        }
    }
  g_assert_nonnull (space);
  p0 = json_array_get_object_element (json_object_get_array_member (json_node_get_object (prop), "proposals"), 0);
  outlet_arg = g_strdup_printf ("outlet_port=%s", json_object_get_string_member (p0, "outlet_port"));
  switch_arg = g_strdup_printf ("switch_port=%s", json_object_get_string_member (p0, "switch_port"));
  space_arg = g_strdup_printf ("space=%s", space);

  enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "internet-alta", space_arg, "count=1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* (the demo campus has cases of its own: the folio is the one printed) */
  folio1 = g_strdup (g_strstrip (r.out));
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, folio1, "8", "done", outlet_arg, switch_arg, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "trace", db, "--from", json_object_get_string_member (p0, "outlet_port"), NULL);
  g_assert_nonnull (strstr (r.out, json_object_get_string_member (p0, "switch_port")));
  /* the same switch port again: taken */
  enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "internet-alta", NULL);
  folio2 = g_strdup (g_strstrip (r.out));
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, folio2, "8", "done", outlet_arg, switch_arg, NULL);
  g_assert_cmpint (r.status, ==, 1);
  enlace_test_cli_run (&r, tmp_dir, "case", "link", db, folio2, "space", space, NULL);
  g_assert_cmpint (r.status, ==, 0);
}

/* case link / unlink, and a link to an object removed since (issue 9):
 * show --json says "exists": false and keeps the key it had. */
static void
test_link_unlink (void)
{
  g_autofree char *db = tmp_path ("links.enlace");
  g_autofree char *folio = NULL;
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) shown = NULL;
  JsonArray *links;
  JsonObject *l0;

  enlace_test_cli_run (&r, tmp_dir, "new", db, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "add", db, "area", "code=SWB2", "name=Sala B2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "add", db, "area", "code=REC", "name=Rectoría", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "internet-alta", NULL);
  g_assert_cmpint (r.status, ==, 0);
  folio = g_strdup (g_strstrip (r.out));
  enlace_test_cli_run (&r, tmp_dir, "case", "link", db, folio, "area", "SWB2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "link", db, folio, "area", "REC", NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* unlink: gone from the case; unlinking again is refused */
  enlace_test_cli_run (&r, tmp_dir, "case", "unlink", db, folio, "area", "REC", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "unlink", db, folio, "area", "REC", NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "REC"));
  enlace_test_cli_run (&r, tmp_dir, "case", "unlink", db, folio, NULL);
  g_assert_cmpint (r.status, ==, 2);

  /* the linked object is removed: the link keeps its key */
  enlace_test_cli_run (&r, tmp_dir, "remove", db, "area", "SWB2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, folio, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  shown = parse (r.out);
  links = json_object_get_array_member (json_node_get_object (shown), "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 1);
  l0 = json_array_get_object_element (links, 0);
  g_assert_cmpstr (json_object_get_string_member (l0, "key"), ==, "SWB2");
  g_assert_false (json_object_get_boolean_member (l0, "exists"));
  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, folio, NULL);
  g_assert_nonnull (strstr (r.out, "SWB2 (removed)"));
  /* and can be unlinked by that key */
  enlace_test_cli_run (&r, tmp_dir, "case", "unlink", db, folio, "area", "SWB2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, folio, "--json", NULL);
  g_clear_pointer (&shown, json_node_unref);
  shown = parse (r.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (shown), "links")), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-cli-cases");

  g_test_add_func ("/cli/cases/help", test_help_and_usage);
  g_test_add_func ("/cli/cases/email-account", test_email_account);
  g_test_add_func ("/cli/cases/procedures", test_procedures_export_import);
  g_test_add_func ("/cli/cases/new-connection", test_new_connection);
  g_test_add_func ("/cli/cases/link-unlink", test_link_unlink);

  ret = g_test_run ();
  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
