/* test-cli-inventory.c: enlace-cli new, list, show, check, stats, add, set,
 * remove, connect, disconnect, undo, redo and log, run as a process (the
 * binary named by ENLACE_CLI). */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-propose.h"
#include "enlace-store.h"
#include "enlace-test-cli.h"

typedef struct
{
  char *dir;
  char *file;
} Fixture;

static int
run_argv (char       **out,
          char       **err,
          const char  *const *args)
{
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_runv (&r, NULL, args);
  if (out)
    *out = g_steal_pointer (&r.out);
  if (err)
    *err = g_steal_pointer (&r.err);
  return r.status;
}

/* run (&out, &err, "add", file, "site", "code=UNI", NULL) */
static int
run (char **out,
     char **err,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, err);
  for (const char *a = va_arg (ap, const char *); a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_argv (out, err, (const char * const *) args->pdata);
}

/* Runs a command that must succeed. */
#define OK(...) G_STMT_START {                              \
    g_autofree char *err_ = NULL;                           \
    int rc_ = run (NULL, &err_, __VA_ARGS__, NULL);         \
    if (rc_ != 0)                                           \
      g_error ("exit %d: %s", rc_, err_);                   \
  } G_STMT_END

static JsonNode *
run_json (const char *first,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  va_list ap;
  int rc;

  g_ptr_array_add (args, (gpointer) first);
  va_start (ap, first);
  for (const char *a = va_arg (ap, const char *); a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, (gpointer) "--json");
  g_ptr_array_add (args, NULL);
  rc = run_argv (&out, &err, (const char * const *) args->pdata);
  if (rc != 0)
    g_error ("exit %d: %s", rc, err);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("enlace-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_build_filename (f->dir, "campus.enlace", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->file);
  g_free (f->dir);
}

/* A small campus through the command line. */
static void
populate (Fixture *f)
{
  const char *file = f->file;

  OK ("add", file, "site", "code=UNI", "name=Universidad");
  OK ("add", file, "building", "site=UNI", "code=ED-A", "name=Edificio A");
  OK ("add", file, "floor", "building=ED-A", "level=1", "name=Planta 1");
  OK ("add", file, "space", "floor=ED-A/1", "code=1A", "kind=telecom-room", "name=Site");
  OK ("add", file, "space", "floor=ED-A/1", "code=101", "name=Oficina");
  OK ("add", file, "rack", "space=ED-A/1/1A", "name=R1", "u_height=42");
  OK ("add", file, "device-type", "manufacturer=Cisco", "model=C9200L-48P-4G", "u_height=1", "role=switch");
  OK ("add", file, "port-template", "type=Cisco/C9200L-48P-4G", "kind=interface", "name=Gi1/0/1");
  OK ("add", file, "port-template", "type=Cisco/C9200L-48P-4G", "kind=interface", "name=Gi1/0/2");
  OK ("add", file, "device-type", "manufacturer=Generic", "model=PP2", "u_height=1", "role=patch-panel", "full_depth=no");
  OK ("add", file, "port-template", "type=Generic/PP2", "kind=front", "name=1");
  OK ("add", file, "port-template", "type=Generic/PP2", "kind=front", "name=2");
  OK ("add", file, "port-template", "type=Generic/PP2", "kind=rear", "name=R", "positions=2");
  OK ("add", file, "mapping-template", "type=Generic/PP2", "front_name=1", "rear_name=R", "rear_pos=1");
  OK ("add", file, "mapping-template", "type=Generic/PP2", "front_name=2", "rear_name=R", "rear_pos=2");
  OK ("add", file, "device", "name=SW1", "type=Cisco/C9200L-48P-4G", "rack=R1", "u_position=40", "face=front");
  OK ("add", file, "device", "name=PP-1", "type=Generic/PP2", "rack=R1", "u_position=41", "face=front");
}

/* The campus is built once through the command line (17 additions), then
 * copied for each test: spawning is slow under the sanitizers. */
static Fixture template;

static void
make_campus (Fixture *f)
{
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dst = NULL;
  g_autoptr(GError) error = NULL;

  if (template.file == NULL)
    {
      template.dir = g_dir_make_tmp ("enlace-cli-template-XXXXXX", &error);
      g_assert_no_error (error);
      template.file = g_build_filename (template.dir, "campus.enlace", NULL);
      OK ("new", template.file);
      populate (&template);
    }
  src = g_file_new_for_path (template.file);
  dst = g_file_new_for_path (f->file);
  g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static gint64
count_of (JsonNode   *stats,
          const char *kind)
{
  return json_object_get_int_member (json_node_get_object (stats), kind);
}

/* ------------------------------------------------------------------ */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char *commands[] = {
    "new", "list", "show", "check", "stats", "add", "set", "remove",
    "connect", "disconnect", "undo", "redo", "log", NULL
  };

  for (guint i = 0; commands[i]; i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (run (&out, NULL, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, commands[i]));
      g_assert_nonnull (strstr (out, "FILE"));
    }
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *err = NULL;

  make_campus (f);
  g_assert_cmpint (run (NULL, NULL, "list", NULL), ==, 2);
  g_assert_cmpint (run (NULL, NULL, "show", f->file, "device", NULL), ==, 2);
  g_assert_cmpint (run (NULL, &err, "list", f->file, "gadget", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "gadget"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "add", f->file, "site", "colour=red", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "colour"));
  g_assert_cmpint (run (NULL, NULL, "add", f->file, "site", "code", NULL), ==, 2);
  g_assert_cmpint (run (NULL, NULL, "list", f->file, "site", "--bogus", NULL), ==, 2);
  g_assert_cmpint (run (NULL, NULL, "log", f->file, "--limit", "-1", NULL), ==, 2);
  g_assert_cmpint (run (NULL, NULL, "connect", f->file, "SW1:Gi1/0/1", NULL), ==, 2);
}

static void
test_new (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.enlace", NULL);
  g_autoptr(JsonNode) stats = NULL;

  OK ("new", f->file);
  g_assert_true (g_file_test (f->file, G_FILE_TEST_IS_REGULAR));
  /* never overwritten */
  g_assert_cmpint (run (NULL, &err, "new", f->file, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "exists"));
  /* a missing file is an error, not created */
  g_assert_cmpint (run (NULL, NULL, "list", missing, "site", NULL), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  stats = run_json ("stats", f->file, NULL);
  g_assert_cmpint (count_of (stats, "site"), ==, 0);
}

static void
test_add_list_show (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) dev = NULL;
  g_autofree char *out = NULL;
  JsonObject *o;
  JsonArray *ports;

  make_campus (f);

  list = run_json ("list", f->file, "space", "--parent", "ED-A/1", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 2);
  o = json_array_get_object_element (json_node_get_array (list), 0);
  g_assert_cmpstr (json_object_get_string_member (o, "key"), ==, "ED-A/1/101");
  g_assert_cmpstr (json_object_get_string_member (o, "floor"), ==, "ED-A/1");

  /* the role comes from the device type; the ports from its templates */
  dev = run_json ("show", f->file, "device", "SW1", NULL);
  o = json_node_get_object (dev);
  g_assert_cmpstr (json_object_get_string_member (o, "role"), ==, "switch");
  g_assert_cmpstr (json_object_get_string_member (o, "rack"), ==, "R1");
  g_assert_cmpstr (json_object_get_string_member (o, "device_type"), ==, "Cisco/C9200L-48P-4G");
  ports = json_object_get_array_member (o, "ports");
  g_assert_cmpuint (json_array_get_length (ports), ==, 2);

  g_assert_cmpint (run (&out, NULL, "show", f->file, "device", "PP-1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "PP-1"));
  g_assert_nonnull (strstr (out, "↔ PP-1:R/2"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "list", f->file, "devices", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "SW1"));
  g_assert_nonnull (strstr (out, "PP-1"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "show", f->file, "rack", "R1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "U40"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "list", f->file, "device", "--parent", "R1", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"SW1\""));
  g_clear_pointer (&out, g_free);
  /* the devices of a space include those in its racks */
  g_assert_cmpint (run (&out, NULL, "list", f->file, "device", "--parent", "ED-A/1/1A", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "PP-1"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "list", f->file, "device", "--parent", "ED-A/1/101", NULL), ==, 0);
  g_assert_null (strstr (out, "PP-1"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (NULL, NULL, "show", f->file, "device", "NOPE", NULL), ==, 1);
}

static void
test_refusal_changes_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *list_before = NULL;
  g_autofree char *list_after = NULL;

  make_campus (f);
  before = run_json ("stats", f->file, NULL);
  g_assert_cmpint (run (&list_before, NULL, "list", f->file, "device", "--json", NULL), ==, 0);

  g_assert_cmpint (run (NULL, &err, "add", f->file, "device", "name=SW2", "type=Cisco/C9200L-48P-4G",
                        "rack=R1", "u_position=40", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Unit 40 of rack “R1” is already taken by “SW1”"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "add", f->file, "device", "name=SW2", "type=Cisco/C9200L-48P-4G",
                        "rack=R1", "u_position=43", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "does not fit in rack “R1”"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "set", f->file, "device", "PP-1", "u_position=40", "face=rear", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "SW1"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "add", f->file, "space", "floor=ED-A/1", "code=1A", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "unique per building"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, NULL, "add", f->file, "building", "site=NOPE", "code=X", "name=X", NULL), ==, 1);

  after = run_json ("stats", f->file, NULL);
  g_assert_true (json_node_equal (before, after));
  g_assert_cmpint (run (&list_after, NULL, "list", f->file, "device", "--json", NULL), ==, 0);
  g_assert_cmpstr (list_before, ==, list_after);
}

static void
test_set_remove (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) dev = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autofree char *out = NULL;

  make_campus (f);
  OK ("set", f->file, "device", "SW1", "u_position=30", "serial=FOC123");
  dev = run_json ("show", f->file, "device", "SW1", NULL);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (dev), "u_position"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (dev), "serial"), ==, "FOC123");
  /* FIELD= clears */
  OK ("set", f->file, "device", "SW1", "serial=");
  g_clear_pointer (&dev, json_node_unref);
  dev = run_json ("show", f->file, "device", "SW1", NULL);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (json_node_get_object (dev), "serial")));

  g_assert_cmpint (run (&out, NULL, "remove", f->file, "device", "PP-1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "PP-1"));
  stats = run_json ("stats", f->file, NULL);
  g_assert_cmpint (count_of (stats, "device"), ==, 1);
  g_assert_cmpint (count_of (stats, "port"), ==, 2);
  g_assert_cmpint (count_of (stats, "port-mapping"), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "remove", f->file, "device", "PP-1", NULL), ==, 1);

  /* removing the building takes everything under it */
  OK ("remove", f->file, "building", "ED-A");
  g_clear_pointer (&stats, json_node_unref);
  stats = run_json ("stats", f->file, NULL);
  g_assert_cmpint (count_of (stats, "rack"), ==, 0);
  g_assert_cmpint (count_of (stats, "device"), ==, 0);
  g_assert_cmpint (count_of (stats, "site"), ==, 1);
}

static void
test_connect_disconnect (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) cable = NULL;
  g_autoptr(JsonNode) dev = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *o;
  JsonObject *port;

  make_campus (f);
  cable = run_json ("connect", f->file, "SW1:Gi1/0/1", "PP-1:1", "--label", "P-001", "--kind", "patch-cord",
                    "--type", "cat6", "--length", "1.5", "--color", "azul", NULL);
  o = json_node_get_object (cable);
  g_assert_cmpstr (json_object_get_string_member (o, "label"), ==, "P-001");
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "patch-cord");
  g_assert_cmpfloat (json_object_get_double_member (o, "length_m"), ==, 1.5);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "end_a"), 0), ==, "SW1:Gi1/0/1");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "end_b"), 0), ==, "PP-1:1");

  /* a device shows what each port is cabled to */
  dev = run_json ("show", f->file, "device", "SW1", NULL);
  port = json_array_get_object_element (json_object_get_array_member (json_node_get_object (dev), "ports"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (port, "cable"), "label"), ==, "P-001");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_object_get_object_member (port, "cable"), "far_end"), 0),
                   ==, "PP-1:1");
  g_assert_cmpint (run (&out, NULL, "show", f->file, "device", "SW1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "→ P-001 → PP-1:1"));
  g_clear_pointer (&out, g_free);

  /* a port takes one cable; labels are unique */
  g_assert_cmpint (run (NULL, &err, "connect", f->file, "SW1:Gi1/0/1", "PP-1:2", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "P-001"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "connect", f->file, "SW1:Gi1/0/2", "PP-1:2", "--label", "P-001", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "unique"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "connect", f->file, "SW1:Gi9", "PP-1:2", NULL), ==, 1);
  g_clear_pointer (&err, g_free);

  /* several terminations at one end; a fibre type on copper warns */
  g_assert_cmpint (run (&out, &err, "connect", f->file, "SW1:Gi1/0/2", "PP-1:2,PP-1:R", "--type", "om3", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "connect", f->file, "SW1:Gi1/0/2", "PP-1:2", "--type", "om3", "--label", "X", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "warning"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, NULL, "disconnect", f->file, "P-001", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "P-001"));
  g_clear_pointer (&out, g_free);
  /* by a port it ends on */
  OK ("disconnect", f->file, "PP-1:2");
  stats = run_json ("stats", f->file, NULL);
  g_assert_cmpint (count_of (stats, "cable"), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "disconnect", f->file, "P-001", NULL), ==, 1);
}

/* connect proposes what the Connect dialog proposes (enlace_cable_propose) */
static void
test_connect_proposes (Fixture       *f,
                       gconstpointer  data)
{
  const char *pairs[][2] = { { "SW1:Gi1/0/1", "PP-1:1" }, { "SW1:Gi1/0/2", "PP-1:2" } };

  make_campus (f);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      EnlaceCableProposal p = { 0 };
      g_autoptr(JsonNode) cable = NULL;
      g_autoptr(GError) error = NULL;
      EnlaceTerm a, b;

      {
        g_autoptr(EnlaceStore) store = enlace_store_open (f->file, ENLACE_STORE_OPEN_READ_ONLY, &error);

        g_assert_no_error (error);
        g_assert_true (enlace_store_lookup_term (store, pairs[i][0], &a, NULL));
        g_assert_true (enlace_store_lookup_term (store, pairs[i][1], &b, NULL));
        enlace_cable_propose (store, a.id, b.id, &p);
      }
      cable = run_json ("connect", f->file, pairs[i][0], pairs[i][1], NULL);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cable), "kind"), ==, p.kind);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cable), "label"), ==, p.label);
      enlace_cable_proposal_clear (&p);
    }

  /* a kind given: the label follows it; a label given is kept */
  {
    g_autoptr(JsonNode) c1 = NULL;

    OK ("disconnect", f->file, "SW1:Gi1/0/1");
    c1 = run_json ("connect", f->file, "SW1:Gi1/0/1", "PP-1:1", "--kind", "other", NULL);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (c1), "kind"), ==, "other");
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (c1), "label"), ==, "C-0001");
  }
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) s0 = NULL;
  g_autoptr(JsonNode) s1 = NULL;
  g_autoptr(JsonNode) s2 = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  OK ("new", f->file);
  g_assert_cmpint (run (NULL, &err, "undo", f->file, NULL), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "redo", f->file, NULL), ==, 1);
  g_clear_pointer (&err, g_free);

  g_unlink (f->file);
  make_campus (f);
  OK ("connect", f->file, "SW1:Gi1/0/1", "PP-1:1", "--label", "P-001");
  s0 = run_json ("list", f->file, "device", NULL);

  /* undo a removal, a change and a connection */
  OK ("remove", f->file, "device", "PP-1");
  g_assert_cmpint (run (&out, NULL, "undo", f->file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "PP-1"));
  g_clear_pointer (&out, g_free);
  s1 = run_json ("list", f->file, "device", NULL);
  g_assert_true (json_node_equal (s0, s1));
  g_assert_cmpint (run (&out, NULL, "show", f->file, "cable", "P-001", NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  OK ("set", f->file, "device", "SW1", "u_position=10");
  {
    g_autoptr(JsonNode) undone = run_json ("undo", f->file, NULL);
    g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (undone), "undone"), "SW1"));
  }
  s2 = run_json ("list", f->file, "device", NULL);
  g_assert_true (json_node_equal (s0, s2));
  OK ("redo", f->file);
  g_clear_pointer (&s2, json_node_unref);
  s2 = run_json ("show", f->file, "device", "SW1", NULL);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (s2), "u_position"), ==, 10);

  OK ("undo", f->file);
  OK ("undo", f->file);   /* the connection */
  g_assert_cmpint (run (NULL, NULL, "show", f->file, "cable", "P-001", NULL), ==, 1);
  OK ("redo", f->file);
  OK ("show", f->file, "cable", "P-001");

  /* an extension's status changes only through a case (refused, nothing
   * changed); its other fields are set and undone like the rest */
  OK ("add", f->file, "extension", "number=2001", "port=SW1:Gi1/0/2");
  g_assert_cmpint (run (NULL, NULL, "set", f->file, "extension", "2001", "status=suspended", "holder=Caja", NULL), ==, 1);
  g_clear_pointer (&s2, json_node_unref);
  s2 = run_json ("show", f->file, "extension", "2001", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (s2), "status"), ==, "active");
  g_assert_false (g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (s2), "holder", ""), "Caja") == 0);
  OK ("set", f->file, "extension", "2001", "holder=Caja");
  g_clear_pointer (&s2, json_node_unref);
  s2 = run_json ("show", f->file, "extension", "2001", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (s2), "holder"), ==, "Caja");
  OK ("undo", f->file);
  g_clear_pointer (&s2, json_node_unref);
  s2 = run_json ("show", f->file, "extension", "2001", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (s2), "status"), ==, "active");

  /* cables are added with their ends */
  g_assert_cmpint (run (NULL, NULL, "add", f->file, "cable", "label=X", NULL), ==, 2);

  /* undo an addition */
  OK ("add", f->file, "area", "code=TI", "name=Tecnologías");
  OK ("undo", f->file);
  g_assert_cmpint (run (NULL, NULL, "show", f->file, "area", "TI", NULL), ==, 1);
}

static void
test_log (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonNode) log = NULL;
  g_autofree char *out = NULL;
  JsonArray *arr;
  JsonObject *c;

  make_campus (f);
  OK ("set", f->file, "device", "SW1", "u_position=30");
  OK ("undo", f->file);

  log = run_json ("log", f->file, "--limit", "2", NULL);
  arr = json_node_get_array (log);
  g_assert_cmpuint (json_array_get_length (arr), ==, 2);
  c = json_array_get_object_element (arr, 0);
  g_assert_cmpstr (json_object_get_string_member (c, "kind"), ==, "undo");
  c = json_array_get_object_element (arr, 1);
  g_assert_true (json_object_get_boolean_member (c, "undone"));
  g_assert_nonnull (strstr (json_object_get_string_member (c, "label"), "SW1"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (c, "changes"), 0), "op"),
                   ==, "update");

  g_assert_cmpint (run (&out, NULL, "log", f->file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "u_position 40 → 30"));
  g_assert_nonnull (strstr (out, "SW1"));
  g_assert_nonnull (strstr (out, "2 Ports"));
}

/* The log records the person working ($ENLACE_AUTHOR, else the account's
 * full name) and shows local time ($TZ), not UTC. */
static void
test_log_author_local_time (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) log = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  JsonObject *c;

  make_campus (f);
  g_setenv ("ENLACE_AUTHOR", "Ana Gómez", TRUE);
  g_setenv ("TZ", "ENL-5", TRUE);  /* five hours east of UTC, no DST */
  OK ("set", f->file, "device", "SW1", "u_position=30");
  g_unsetenv ("ENLACE_AUTHOR");

  log = run_json ("log", f->file, "--limit", "1", NULL);
  c = json_array_get_object_element (json_node_get_array (log), 0);
  g_assert_cmpstr (json_object_get_string_member (c, "user"), ==, "Ana Gómez");
  utc = g_date_time_new_from_iso8601 (json_object_get_string_member (c, "at"), NULL);
  g_assert_nonnull (utc);
  zone = g_time_zone_new_identifier ("ENL-5");
  g_assert_nonnull (zone);
  local = g_date_time_to_timezone (utc, zone);
  expected = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  g_assert_cmpstr (json_object_get_string_member (c, "at_local"), ==, expected);

  g_assert_cmpint (run (&out, NULL, "log", f->file, "--limit", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "Ana Gómez"));
  g_assert_null (strstr (out, json_object_get_string_member (c, "at")));

  /* without $ENLACE_AUTHOR: not the login's "root" but the account's name */
  OK ("set", f->file, "device", "SW1", "u_position=31");
  g_clear_pointer (&log, json_node_unref);
  log = run_json ("log", f->file, "--limit", "1", NULL);
  c = json_array_get_object_element (json_node_get_array (log), 0);
  if (g_strcmp0 (g_get_real_name (), "Unknown") != 0)
    g_assert_cmpstr (json_object_get_string_member (c, "user"), ==, g_get_real_name ());
  else
    g_assert_cmpstr (json_object_get_string_member (c, "user"), ==, g_get_user_name ());
  g_unsetenv ("TZ");
}

static void
test_check_stats (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) check = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autofree char *out = NULL;

  make_campus (f);
  OK ("connect", f->file, "SW1:Gi1/0/1", "PP-1:1", "--label", "P-001");
  check = run_json ("check", f->file, NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (check), "ok"));
  g_assert_cmpint (run (&out, NULL, "check", f->file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No problems"));
  g_clear_pointer (&out, g_free);

  stats = run_json ("stats", f->file, NULL);
  g_assert_cmpint (count_of (stats, "device"), ==, 2);
  g_assert_cmpint (count_of (stats, "port"), ==, 5);
  g_assert_cmpint (count_of (stats, "cable"), ==, 1);
  /* 17 additions and a connection */
  g_assert_cmpint (count_of (stats, "commands"), ==, 18);

  /* a cable with no ends (written by a program through the model API) is
   * a problem: exit status 1 */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EnlaceStore) store = enlace_store_open (f->file, ENLACE_STORE_OPEN_DEFAULT, &error);
    g_autoptr(JsonObject) v = json_object_new ();

    g_assert_no_error (error);
    json_object_set_string_member (v, "label", "LOOSE");
    g_assert_cmpint (enlace_store_create (store, "cable", v, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_cmpint (run (&out, NULL, "check", f->file, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "LOOSE"));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("ENLACE_CLI") == NULL)
    {
      g_test_skip ("ENLACE_CLI is not set");
      return 77;
    }

#define ADD(path, func) g_test_add ("/cli/inventory/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("help", test_help);
  ADD ("usage", test_usage);
  ADD ("new", test_new);
  ADD ("add-list-show", test_add_list_show);
  ADD ("refusal", test_refusal_changes_nothing);
  ADD ("set-remove", test_set_remove);
  ADD ("connect-disconnect", test_connect_disconnect);
  ADD ("connect-proposes", test_connect_proposes);
  ADD ("undo-redo", test_undo_redo);
  ADD ("log", test_log);
  ADD ("log-author-local-time", test_log_author_local_time);
  ADD ("check-stats", test_check_stats);
#undef ADD

  ret = g_test_run ();
  if (template.dir)
    fixture_teardown (&template, NULL);
  return ret;
}
