/* test-cli-cases.c: enlace-cli case, procedures and account, run as a
 * program.  ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

static char *tmp_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *r,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ENLACE_CLI");
  int wait_status = 0;
  va_list args;

  run_clear (r);
  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (tmp_dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", r->status, r->out, r->err);
}

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
  g_auto(Run) r = { 0 };

  run_cli (&r, "case", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "propose"));
  run_cli (&r, "case", "step", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "create-account"));
  run_cli (&r, "case", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_cli (&r, "case", "frobnicate", "x.enlace", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_cli (&r, "case", "step", "x.enlace", "F", "admin:zz", "done", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_cli (&r, "procedures", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "account", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "procedures", "list", "missing.enlace", NULL);
  g_assert_cmpint (r.status, ==, 1);
}

/* The e-mail account procedures end to end from the command line. */
static void
test_email_account (void)
{
  g_autofree char *db = tmp_path ("cases.enlace");
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *o;

  run_cli (&r, "new", db, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "add", db, "area", "code=RH", "name=Recursos Humanos", NULL);
  g_assert_cmpint (r.status, ==, 0);

  run_cli (&r, "procedures", "list", db, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  list = parse (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 9);

  run_cli (&r, "case", "new", db, "correo-alta", "--new-requester", "Jorge García", "--area", "RH",
           "--channel", "paper", "--opened-at", "2026-02-03T09:00:00Z", "position=Analista", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "CORREO-2026-0001\n");

  /* refused: the account is not created yet */
  run_cli (&r, "case", "status", db, "CORREO-2026-0001", "in-progress", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "status", db, "CORREO-2026-0001", "resolved", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "the case cannot be resolved: step 1 “Obtener datos” is not done"));

  run_cli (&r, "case", "step", db, "CORREO-2026-0001", "1", "done", "full_name=Jorge García Soto", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "step", db, "CORREO-2026-0001", "admin:2", "done", "position=Analista", "area=1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "step", db, "CORREO-2026-0001", "administrator:3", "done",
           "identity=Credencial institucional", "--note", "Verificada en ventanilla", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "step", db, "CORREO-2026-0001", "4", "done", "address=no-at-sign", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "not a well-formed e-mail address"));
  run_cli (&r, "case", "step", db, "CORREO-2026-0001", "4", "done", "address=jgarcia@utv.edu.mx", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "step", db, "CORREO-2026-0001", "5", "done", "delivered_to=Jorge García Soto",
           "delivered_at=2026-02-04", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "note", db, "CORREO-2026-0001", "Entregada en persona", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "status", db, "CORREO-2026-0001", "resolved", NULL);
  g_assert_cmpint (r.status, ==, 0);

  run_cli (&r, "case", "show", db, "CORREO-2026-0001", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  shown = parse (r.out);
  o = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "resolved");
  g_assert_cmpstr (json_object_get_string_member (o, "requester"), ==, "Jorge García");
  g_assert_cmpstr (json_object_get_string_member (o, "area"), ==, "Recursos Humanos");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "steps")), ==, 9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "links")), ==, 1);

  run_cli (&r, "case", "show", db, "CORREO-2026-0001", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Creación de la cuenta"));
  g_assert_nonnull (strstr (r.out, "Verificada en ventanilla"));

  run_cli (&r, "account", "show", db, "jgarcia@utv.edu.mx", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "CORREO-2026-0001"));

  /* the removal */
  run_cli (&r, "case", "new", db, "correo-baja", "--requester", "Jorge García", NULL);
  g_assert_cmpstr (r.out, ==, "BAJA-2026-0001\n");
  run_cli (&r, "case", "step", db, "BAJA-2026-0001", "1", "done", "address=jgarcia@utv.edu.mx",
           "motive=Cambio de adscripción", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "step", db, "BAJA-2026-0001", "2", "na", NULL);
  run_cli (&r, "case", "step", db, "BAJA-2026-0001", "3", "done", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "account", "list", db, NULL);
  g_assert_cmpstr (r.out, ==, "");
  run_cli (&r, "account", "list", db, "--all", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "\"removed\""));
  g_assert_nonnull (strstr (r.out, "BAJA-2026-0001"));

  /* undo takes the removal back */
  run_cli (&r, "undo", db, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "account", "list", db, NULL);
  g_assert_nonnull (strstr (r.out, "jgarcia@utv.edu.mx"));

  /* the inbox */
  run_cli (&r, "case", "list", db, "--open", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "BAJA-2026-0001"));
  g_assert_null (strstr (r.out, "CORREO-2026-0001"));
  run_cli (&r, "case", "list", db, "--search", "garcía", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"counts\""));
  run_cli (&r, "case", "list", db, "--status", "bogus", NULL);
  g_assert_cmpint (r.status, ==, 1);

  /* assign, cancel with and without a reason */
  run_cli (&r, "case", "assign", db, "BAJA-2026-0001", "Jorge García", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "status", db, "BAJA-2026-0001", "cancelled", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "without a reason"));
  run_cli (&r, "case", "status", db, "BAJA-2026-0001", "cancelled", "--reason", "Sigue en la institución", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "case", "show", db, "NOPE-2026-0001", NULL);
  g_assert_cmpint (r.status, ==, 1);
}

static void
test_procedures_export_import (void)
{
  g_autofree char *db = tmp_path ("manual.enlace");
  g_autofree char *xml = tmp_path ("manual.xml");
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_auto(Run) r = { 0 };

  run_cli (&r, "new", db, NULL);
  run_cli (&r, "procedures", "export", db, xml, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (xml, &text, NULL, NULL));
  edited = g_string_new (text);
  g_string_replace (edited, "<title>Analizar solicitud</title>", "<title>Analizar la solicitud</title>", 1);
  g_assert_true (g_file_set_contents (xml, edited->str, -1, NULL));
  run_cli (&r, "procedures", "import", db, xml, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"changed\" : 1"));
  run_cli (&r, "procedures", "show", db, "internet-alta", NULL);
  g_assert_nonnull (strstr (r.out, "Analizar la solicitud"));
  g_assert_nonnull (strstr (r.out, "v2"));
  run_cli (&r, "procedures", "show", db, "internet-alta", "--version", "1", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "Analizar solicitud"));

  /* a broken file: refused with its line */
  g_assert_true (g_file_set_contents (xml, "<procedures version=\"1\">\n  <bogus/>\n</procedures>\n", -1, NULL));
  run_cli (&r, "procedures", "import", db, xml, NULL);
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
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) spaces = NULL;
  g_autoptr(JsonNode) prop = NULL;
  const char *space = NULL;
  JsonObject *p0;
  g_autofree char *outlet_arg = NULL;
  g_autofree char *switch_arg = NULL;
  g_autofree char *space_arg = NULL;
  JsonArray *arr;

  run_cli (&r, "generate", db, "--demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "list", db, "space", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  spaces = parse (r.out);
  arr = json_node_get_array (spaces);
  for (guint i = 0; i < json_array_get_length (arr) && space == NULL; i++)
    {
      const char *key = json_object_get_string_member (json_array_get_object_element (arr, i), "key");
      g_auto(Run) t = { 0 };

      run_cli (&t, "case", "propose", db, key, "--json", NULL);
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

  run_cli (&r, "case", "new", db, "internet-alta", space_arg, "count=1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* (the demo campus has cases of its own: the folio is the one printed) */
  folio1 = g_strdup (g_strstrip (r.out));
  run_cli (&r, "case", "step", db, folio1, "8", "done", outlet_arg, switch_arg, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_cli (&r, "trace", db, "--from", json_object_get_string_member (p0, "outlet_port"), NULL);
  g_assert_nonnull (strstr (r.out, json_object_get_string_member (p0, "switch_port")));
  /* the same switch port again: taken */
  run_cli (&r, "case", "new", db, "internet-alta", NULL);
  folio2 = g_strdup (g_strstrip (r.out));
  run_cli (&r, "case", "step", db, folio2, "8", "done", outlet_arg, switch_arg, NULL);
  g_assert_cmpint (r.status, ==, 1);
  run_cli (&r, "case", "link", db, folio2, "space", space, NULL);
  g_assert_cmpint (r.status, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("enlace-cli-cases-XXXXXX", NULL);

  g_test_add_func ("/cli/cases/help", test_help_and_usage);
  g_test_add_func ("/cli/cases/email-account", test_email_account);
  g_test_add_func ("/cli/cases/procedures", test_procedures_export_import);
  g_test_add_func ("/cli/cases/new-connection", test_new_connection);

  ret = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
