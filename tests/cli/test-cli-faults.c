/* test-cli-faults.c: fault reports from enlace-cli — placed at an outlet,
 * their traced path in `case show --json`, the common cause of open faults
 * (`case causes`) and closing it (`case status … resolved --also-related`).
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-test-cli.h"

static char *tmp_dir;

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

/* Puts a fresh copy of the demo campus at @db: the demo is generated once
 * by enlace-cli and copied for each test (spawning is slow under ASan). */
static void
demo_at (const char *db)
{
  static char *template_path;
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dst = NULL;
  g_autoptr(GError) error = NULL;

  if (template_path == NULL)
    {
      g_auto(EnlaceCliRun) r = { 0 };

      template_path = g_build_filename (tmp_dir, "demo-template.enlace", NULL);
      g_unlink (template_path);
      enlace_test_cli_run (&r, tmp_dir, "generate", template_path, "--demo", NULL);
      g_assert_cmpint (r.status, ==, 0);
    }
  g_unlink (db);
  src = g_file_new_for_path (template_path);
  dst = g_file_new_for_path (db);
  g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
open_fault (const char *db,
            const char *at)
{
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "internet-falla", "--at", at,
                       "--new-requester", at, "symptom=sin red", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "INET-"));
  return g_strdup (g_strstrip (r.out));
}

static void
test_faults (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "faults.enlace", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) causes = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *f1 = NULL, *f2 = NULL, *f3 = NULL;
  g_autofree char *note = NULL;
  JsonObject *top, *o, *path;

  g_unlink (db);
  demo_at (db);

  /* refusals: a room with several outlets, nowhere, a procedure that is no fault */
  enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "internet-falla", "--at", "A/0/001", "symptom=x", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "A/0/001"));
  g_assert_nonnull (strstr (r.err, "A-0A-001"));
  enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "internet-falla", "--at", "NOWHERE-9", "symptom=x", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "NOWHERE-9"));
  enlace_test_cli_run (&r, tmp_dir, "case", "new", db, "correo-alta", "--at", "A-0A-001", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "correo-alta"));

  /* three faults of one floor: their paths share the floor's panel */
  f1 = open_fault (db, "A-0A-001");
  f2 = open_fault (db, "A-0A-003");
  f3 = open_fault (db, "A-0A-005");
  enlace_test_cli_run (&r, tmp_dir, "case", "causes", db, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  causes = parse (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (causes)), >=, 1);
  top = json_array_get_object_element (json_node_get_array (causes), 0);
  g_assert_cmpstr (json_object_get_string_member (top, "key"), ==, "A-0A-PPA");
  g_assert_cmpint (json_object_get_int_member (top, "open_faults"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (top, "text"), ==, "3 open reports pass through panel A-0A-PPA");

  /* the case carries its location, its traced path (as `paths --json`) and its causes */
  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, f1, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  shown = parse (r.out);
  o = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "location"), "key"), ==, "A-0A-001");
  path = json_object_get_object_member (o, "path");
  g_assert_nonnull (path);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (path, "paths")), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (path, "paths"), 0),
                                                  "state"), ==, "to-jack");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "common_causes")), >=, 1);

  /* closing the cause: refused while the case itself cannot be resolved */
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, f1, "resolved", "--also-related", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, f1));
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, f1, "waiting", "--also-related", NULL);
  g_assert_cmpint (r.status, ==, 2);
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *step = g_strdup_printf ("administrator:%d", i);

      enlace_test_cli_run (&r, tmp_dir, "case", "step", db, f1, step, "done",
                           "cause=latiguillo", "solution=cambio de latiguillo", NULL);
      g_assert_cmpint (r.status, ==, 0);
    }
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, f1, "resolved", "--also-related", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "2"));
  /* only the demo's own common cause (building B's first floor) is left */
  enlace_test_cli_run (&r, tmp_dir, "case", "causes", db, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "A-0A-PPA"));
  g_assert_nonnull (strstr (r.out, "3 open reports pass through panel B-1A-PPA"));
  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, f3, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"resolved\""));
  note = g_strdup_printf ("Resolved with %s", f1);
  g_assert_nonnull (strstr (r.out, note));
  g_assert_nonnull (f2);
}

/* Closing the cause with a chosen case and its own note:
 * `case status FILE FOLIO resolved --related FOLIO=NOTE`. */
static void
test_related (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "related.enlace", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autofree char *f1 = NULL, *f2 = NULL, *f3 = NULL;
  g_autofree char *only = NULL;
  g_autofree char *wrong = NULL;

  g_unlink (db);
  demo_at (db);
  f1 = open_fault (db, "A-0A-001");
  f2 = open_fault (db, "A-0A-003");
  f3 = open_fault (db, "A-0A-005");
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *step = g_strdup_printf ("administrator:%d", i);

      enlace_test_cli_run (&r, tmp_dir, "case", "step", db, f1, step, "done",
                           "cause=latiguillo", "solution=cambio de latiguillo", NULL);
      g_assert_cmpint (r.status, ==, 0);
    }

  /* usage: with another status, or with --also-related */
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, f1, "waiting", "--related", f2, NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, f1, "resolved", "--related", f2, "--also-related", NULL);
  g_assert_cmpint (r.status, ==, 2);
  /* a case of another cause (building B's demo faults) is refused: nothing changes */
  wrong = g_strdup ("INET-2026-0006");
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, f1, "resolved", "--related", wrong, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, wrong));
  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, f1, "--json", NULL);
  g_assert_null (strstr (r.out, "\"status\": \"resolved\""));

  /* f2 only, with its own note; f3 stays open */
  only = g_strdup_printf ("%s=Se cambio el cordon del panel", f2);
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, f1, "resolved", "--related", only, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "1 related case resolved"));
  enlace_test_cli_run (&r, tmp_dir, "case", "show", db, f2, "--json", NULL);
  g_assert_nonnull (strstr (r.out, "\"resolved\""));
  g_assert_nonnull (strstr (r.out, "Se cambio el cordon del panel"));
  enlace_test_cli_run (&r, tmp_dir, "case", "list", db, "--open", NULL);
  g_assert_nonnull (strstr (r.out, f3));
  g_assert_null (strstr (r.out, f2));
}

/* Marking the cable that failed: the detection step with --mark-faulty
 * (one command), `faulty list`, the path's "faulty" in `paths --json`,
 * cleared when the report is resolved; by hand with `faulty mark|clear`. */
static void
test_faulty (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "faulty.enlace", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *f1 = NULL;
  JsonArray *a;

  g_unlink (db);
  demo_at (db);
  f1 = open_fault (db, "A-0A-001");

  /* refused: a device is not a cable or a port; nothing changes */
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, f1, "admin:4", "done", "cause=apagado",
                       "failed_kind=Equipo", "failed_object=A-0A-001", "--mark-faulty", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "only a cable or a port"));

  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, f1, "admin:4", "done", "cause=cordón dañado",
                       "failed_kind=Cable", "failed_object=PC-A-0A-A01", "--mark-faulty", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "faulty", "list", db, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  node = parse (r.out);
  a = json_object_get_array_member (json_node_get_object (node), "faulty");
  g_assert_cmpuint (json_array_get_length (a), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "key"), ==, "PC-A-0A-A01");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "case"), ==, f1);
  enlace_test_cli_run (&r, tmp_dir, "trace", db, "--from", "PC-A-0A-A01", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"faulty\""));
  g_assert_nonnull (strstr (r.out, "PC-A-0A-A01"));
  enlace_test_cli_run (&r, tmp_dir, "log", db, "--limit", "1", NULL);
  g_assert_nonnull (strstr (r.out, "marked faulty"));

  /* by hand: already marked is refused; clear, then mark again */
  enlace_test_cli_run (&r, tmp_dir, "faulty", "mark", db, "PC-A-0A-A01", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "already marked faulty"));
  enlace_test_cli_run (&r, tmp_dir, "faulty", "clear", db, "PC-A-0A-A01", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "faulty", "list", db, NULL);
  g_assert_null (strstr (r.out, "PC-A-0A-A01"));
  enlace_test_cli_run (&r, tmp_dir, "undo", db, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "faulty", "list", db, NULL);
  g_assert_nonnull (strstr (r.out, "PC-A-0A-A01"));
  enlace_test_cli_run (&r, tmp_dir, "faulty", "mark", db, "NO-EXISTE", NULL);
  g_assert_cmpint (r.status, ==, 1);
  enlace_test_cli_run (&r, tmp_dir, "faulty", "mark", db, NULL);
  g_assert_cmpint (r.status, ==, 2);

  /* resolved: the mark goes */
  for (guint k = 1; k <= 3; k++)
    {
      g_autofree char *pos = g_strdup_printf ("admin:%u", k);

      enlace_test_cli_run (&r, tmp_dir, "case", "step", db, f1, pos, "done", NULL);
      g_assert_cmpint (r.status, ==, 0);
    }
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, f1, "admin:5", "done", "solution=cordón nuevo",
                       "category=Cambio de cordón de parcheo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "status", db, f1, "resolved", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "faulty", "list", db, "--json", NULL);
  g_clear_pointer (&node, json_node_unref);
  node = parse (r.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "faulty")), ==, 0);
}

/* The exchange carries the marks: `faulty mark` by hand and by a fault
 * report, export, import into a new file, the same marks and the same
 * bytes exported again. */
static void
test_faulty_xml (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "faulty-xml.enlace", NULL);
  g_autofree char *copy = g_build_filename (tmp_dir, "faulty-xml-copy.enlace", NULL);
  g_autofree char *xml = g_build_filename (tmp_dir, "faulty.xml", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *list = NULL;
  g_autofree char *f1 = NULL;

  g_unlink (db);
  g_unlink (copy);
  demo_at (db);
  f1 = open_fault (db, "A-0A-001");
  enlace_test_cli_run (&r, tmp_dir, "case", "step", db, f1, "admin:4", "done", "cause=cordón dañado",
                       "failed_kind=Cable", "failed_object=PC-A-0A-A01", "--mark-faulty", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "faulty", "mark", db, "A-0A-PPA:2", "--note", "puerto flojo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "faulty", "list", db, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  list = g_strdup (r.out);

  enlace_test_cli_run (&r, tmp_dir, "export", db, xml, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (xml, &first, NULL, NULL));
  g_assert_nonnull (strstr (first, "<faulty-mark kind=\"cable\" key=\"PC-A-0A-A01\" case=\""));
  g_assert_nonnull (strstr (first, "<note>puerto flojo</note>"));

  enlace_test_cli_run (&r, tmp_dir, "import", copy, xml, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "faulty", "list", copy, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, list);
  enlace_test_cli_run (&r, tmp_dir, "export", copy, "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, first);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-cli-faults");
  g_test_add_func ("/cli/cases/faults", test_faults);
  g_test_add_func ("/cli/cases/faults/related", test_related);
  g_test_add_func ("/cli/cases/faults/faulty", test_faulty);
  g_test_add_func ("/cli/cases/faults/faulty-xml", test_faulty_xml);
  ret = g_test_run ();
  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
