/* test-xml.c: XML export and import — round trips, refusals of bad and
 * hostile files (each leaving the project unchanged), all or nothing,
 * undo, cancellation and progress; the import's checks by hand against
 * the schema */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "enlace-bom.h"
#include "enlace-demo.h"
#include "enlace-generate.h"
#include "enlace-install.h"
#include "enlace-label-templates.h"
#include "enlace-rules.h"
#include "enlace-store-private.h"
#include "enlace-xml.h"
#include "enlace-xml-private.h"

static const char *document_tables[] = {
  "meta", "site", "building", "floor", "space", "area", "person", "rack",
  "device_type", "port_template", "mapping_template", "device", "port",
  "port_mapping", "circuit", "circuit_termination", "cable", "cable_end",
  "extension", "extension_status", "pathway", "pathway_cable",
  "cabling_rule", "label_template", "bom_price", "cable_test", "command",
};

static char *tmp_dir;
static EnlaceStore *refusal_store;

/* The sanitizer build runs the model tests too: keep the big cases
 * smaller there (the code paths are the same). */
#ifdef __SANITIZE_ADDRESS__
#define SANITIZED 1
#define BIG_PORTS 2400
#else
#define SANITIZED 0
#define BIG_PORTS 6000
#endif

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static guint
count_rows (EnlaceStore *store,
            const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  guint n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* "table=count ..." over every document table and the audit log */
static char *
snapshot (EnlaceStore *store)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (document_tables); i++)
    g_string_append_printf (s, "%s=%u ", document_tables[i], count_rows (store, document_tables[i]));
  return g_string_free (s, FALSE);
}

static guint
count_objects (EnlaceStore *store)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (document_tables) - 1; i++)
    n += count_rows (store, document_tables[i]);
  return n;
}

static EnlaceStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  return store;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xml", name, NULL);
}

static char *
fixture_text (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static char *
export_text (EnlaceStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  gsize len = 0;

  g_assert_true (enlace_xml_export_to_memory (store, &text, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), ==, len);
  return text;
}

static char *
write_tmp (const char *name,
           const char *text)
{
  char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
import_text (EnlaceStore  *store,
             const char   *text,
             GError      **error)
{
  g_autofree char *path = write_tmp ("in.xml", text);

  return enlace_xml_import (store, path, NULL, NULL, NULL, error);
}

/* Imports @text into a store that exports as it did before */
static void
import_into_fresh (EnlaceStore *store,
                   const char  *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (store, text, &error));
  g_assert_no_error (error);
}

static gint64
add (EnlaceStore *store,
     const char  *kind,
     const char  *first,
     ...)
{
  g_autoptr(JsonObject) o = json_object_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  gint64 id;

  va_start (args, first);
  for (const char *k = first; k; k = va_arg (args, const char *))
    json_object_set_string_member (o, k, va_arg (args, const char *));
  va_end (args);
  id = enlace_store_create (store, kind, o, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---------------------------------------------------------------- round trips */

static void
test_round_trip_fixture (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) again = new_store ();
  g_autofree char *path = fixture_path ("campus.xml");
  g_autofree char *fixture = fixture_text ("campus.xml");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "port"), ==, 11);
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, 5);
  g_assert_cmpuint (count_rows (store, "cable_end"), ==, 12);
  g_assert_cmpuint (count_rows (store, "extension_status"), ==, 3);
  /* two laid by label, the cable without one by its first port */
  g_assert_cmpuint (count_rows (store, "pathway_cable"), ==, 3);
  /* the design's rule set, a template, prices, a test by label and one by port */
  g_assert_cmpuint (count_rows (store, "cabling_rule"), ==, 2);
  g_assert_cmpuint (count_rows (store, "label_template"), ==, 1);
  g_assert_cmpuint (count_rows (store, "bom_price"), ==, 2);
  g_assert_cmpuint (count_rows (store, "cable_test"), ==, 2);
  name = enlace_store_get_meta (store, "institution");
  g_assert_cmpstr (name, ==, "Universidad Tecnológica del Valle");

  /* the fixture is written in the canonical form: same bytes back */
  first = export_text (store);
  g_assert_cmpstr (first, ==, fixture);

  import_into_fresh (again, first);
  second = export_text (again);
  g_assert_cmpstr (second, ==, first);
}

/* Objects made through the store API, with awkward values */
static void
test_round_trip_api (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) again = new_store ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sp, pp, id;
  EnlaceTerm a, b;

  add (store, "site", "code", "S", "name", "Sede \"norte\" <&>\ttab\r\nlínea", NULL);
  add (store, "building", "site_id", "S", "code", "B 1", "name", "Edificio", NULL);
  add (store, "floor", "building_id", "B 1", "level", "-2", "name", "Sótano 2", "height", "0.1", NULL);
  sp = add (store, "space", "floor_id", "#1", "code", "TR", "kind", "telecom-room", NULL);
  g_assert_cmpint (sp, >, 0);
  /* an area whose parent sorts after it */
  add (store, "area", "code", "Z", "name", "Zeta", NULL);
  add (store, "area", "code", "A", "name", "Alfa", "parent_id", "Z", NULL);
  /* two people with one name */
  add (store, "person", "name", "Juan Pérez", "email", "jp1@example.org", NULL);
  add (store, "person", "name", "Juan Pérez", "email", "jp2@example.org", NULL);
  /* (positions are within 100 km of the floor's origin: many digits, not a huge value) */
  add (store, "rack", "space_id", "#1", "name", "R1", "x", "1e-7", "y", "99999.123456789", NULL);
  add (store, "device", "name", "PP", "role", "patch-panel", "rack_id", "R1", "u_position", "1", "face", "front", NULL);
  pp = enlace_store_lookup (store, "device", "PP", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pp, >, 0);
  add (store, "port", "device_id", "PP", "kind", "front", "name", "1", NULL);
  add (store, "port", "device_id", "PP", "kind", "rear", "name", "2", NULL);
  add (store, "port", "device_id", "PP", "kind", "front", "name", "3", NULL);
  add (store, "port", "device_id", "PP", "kind", "rear", "name", "4", NULL);
  add (store, "extension", "number", "100", "person_id", "#2", "status", "active", NULL);

  /* two cables without a label */
  g_assert_true (enlace_store_lookup_term (store, "PP:1", &a, &error));
  g_assert_true (enlace_store_lookup_term (store, "PP:3", &b, &error));
  g_assert_no_error (error);
  id = enlace_store_connect (store, &a, 1, &b, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (enlace_store_lookup_term (store, "PP:2", &a, &error));
  g_assert_true (enlace_store_lookup_term (store, "PP:4", &b, &error));
  values = json_object_new ();
  json_object_set_string_member (values, "kind", "patch-cord");
  id = enlace_store_connect (store, &a, 1, &b, 1, values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  first = export_text (store);
  g_assert_nonnull (strstr (first, "key=\"Juan Pérez (2)\""));
  g_assert_nonnull (strstr (first, "name=\"Sede &quot;norte&quot; &lt;&amp;&gt;&#9;tab&#13;&#10;línea\""));
  import_into_fresh (again, first);
  second = export_text (again);
  g_assert_cmpstr (second, ==, first);
  for (guint i = 1; i < G_N_ELEMENTS (document_tables) - 1; i++)
    g_assert_cmpuint (count_rows (again, document_tables[i]), ==, count_rows (store, document_tables[i]));

  {
    g_autofree char *name = NULL;
    sqlite3_stmt *stmt = enlace_store_prepare (again, "SELECT name FROM site", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    g_assert_cmpstr (name, ==, "Sede \"norte\" <&>\ttab\r\nlínea");
  }
}

/* Floor plans travel too: the architect's plan (base64, checked by its
 * SHA-256), the plan's placement, walls and pathways, risers to a floor. */
static void
test_round_trip_plans (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) again = new_store ();
  g_autoptr(EnlaceStore) bad = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) plan = json_object_new ();
  const char *svg = "<svg xmlns='http://www.w3.org/2000/svg' width='400' height='300'><rect width='10' height='10'/></svg>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (svg, strlen (svg));
  g_autoptr(GBytes) back = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *mime = NULL;
  gint64 floor_id, plan_id;
  char *p;

  add (store, "site", "code", "S", "name", "Sede", NULL);
  add (store, "building", "site_id", "S", "code", "A", "name", "Edificio A", NULL);
  floor_id = add (store, "floor", "building_id", "A", "level", "1", "name", "Planta 1", NULL);
  add (store, "floor", "building_id", "A", "level", "2", "name", "Planta 2", NULL);
  add (store, "wall", "floor_id", "A/1", "points", "[[0,0],[20,0],[20,10]]", "thickness", "0.2", NULL);
  add (store, "pathway", "floor_id", "A/1", "name", "Charola", "kind", "tray", "points", "[[1,5],[19,5]]",
       "height", "2.8", "size_mm", "300", NULL);
  add (store, "pathway", "floor_id", "A/1", "kind", "riser", "points", "[[2,2],[2,2.01]]", "to_floor_id", "A/2", NULL);
  json_object_set_double_member (plan, "scale", 0.05);
  json_object_set_double_member (plan, "origin_x", -1.5);
  plan_id = enlace_store_set_plan_background (store, floor_id, bytes, "image/svg+xml", "plano.svg", 0, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan_id, >, 0);

  first = export_text (store);
  g_assert_nonnull (strstr (first, "<attachment "));
  g_assert_nonnull (strstr (first, "<floor-plan "));
  g_assert_nonnull (strstr (first, "to-floor=\"A/2\""));
  import_into_fresh (again, first);
  second = export_text (again);
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpuint (count_rows (again, "wall"), ==, 1);
  g_assert_cmpuint (count_rows (again, "pathway"), ==, 2);
  back = enlace_store_get_attachment (again, 1, &mime, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
  g_assert_cmpstr (mime, ==, "image/svg+xml");

  /* A plan whose contents do not match their SHA-256 is refused. */
  broken = g_strdup (first);
  p = strstr (broken, "<attachment ");
  p = strchr (p, '>') + 1;
  *p = *p == 'A' ? 'B' : 'A';
  g_assert_false (import_text (bad, broken, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_rows (bad, "wall"), ==, 0);
}

static void
test_round_trip_generated (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) again = new_store ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  EnlaceGenerateOptions opts;

  enlace_generate_options_init (&opts);
  opts.buildings = 2;
  opts.floors = 2;
  opts.outlets_per_floor = 12;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (store, "port"), >, 100);

  first = export_text (store);
  import_into_fresh (again, first);
  second = export_text (again);
  g_assert_cmpstr (second, ==, first);
  for (guint i = 1; i < G_N_ELEMENTS (document_tables) - 1; i++)
    g_assert_cmpuint (count_rows (again, document_tables[i]), ==, count_rows (store, document_tables[i]));
}

static void
test_round_trip_demo (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) again = new_store ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  if (!enlace_demo_populate (store, &error))
    {
      g_test_skip_printf ("the demo campus is not available: %s", error->message);
      return;
    }
  first = export_text (store);
  import_into_fresh (again, first);
  second = export_text (again);
  g_assert_cmpstr (second, ==, first);
  for (guint i = 1; i < G_N_ELEMENTS (document_tables) - 1; i++)
    g_assert_cmpuint (count_rows (again, document_tables[i]), ==, count_rows (store, document_tables[i]));
}

/* "rule|name|value|limit|message|keys" of every failure of the campus */
static char *
failures_text (EnlaceStore *store,
               guint       *n_fill)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceRuleReport) r = enlace_rules_check (store, NULL, 0, 0, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  *n_fill = 0;
  for (guint i = 0; i < r->failures->len; i++)
    {
      EnlaceRuleFailure *f = g_ptr_array_index (r->failures, i);

      if (g_str_has_suffix (f->rule, "-fill"))
        (*n_fill)++;
      g_string_append_printf (s, "%s|%s|%g|%g|%s|", f->rule, f->rule_name, f->value, f->limit, f->message);
      for (guint k = 0; k < f->objects->len; k++)
        g_string_append_printf (s, "%s:%s,", g_array_index (f->objects, EnlaceRuleObject, k).kind,
                                g_array_index (f->objects, EnlaceRuleObject, k).key);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static gint64
add_pathway (EnlaceStore *store,
             gint64       floor_id,
             const char  *kind,
             double       size)
{
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  json_object_set_int_member (v, "floor_id", floor_id);
  json_object_set_string_member (v, "kind", kind);
  json_object_set_string_member (v, "points", "[[0,0],[10,0]]");
  json_object_set_double_member (v, "size_mm", size);
  id = enlace_store_create (store, "pathway", v, &error);
  g_assert_no_error (error);
  return id;
}

/* The cables laid along each pathway (pathway_cable, which the design's
 * routing fills) go through the file: the conduit and tray fill checks
 * find the same failures after export and import. */
static void
test_round_trip_pathway_cables (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) again = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GArray) cables = g_array_new (FALSE, FALSE, sizeof (gint64));
  EnlaceGenerateOptions opts;
  sqlite3_stmt *stmt;
  gint64 floor_id = 0, conduit, tray;
  guint n_before = 0, n_after = 0;

  enlace_generate_options_init (&opts);
  opts.buildings = 1;
  opts.floors = 1;
  opts.outlets_per_floor = 6;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);

  stmt = enlace_store_prepare (store, "SELECT id FROM floor ORDER BY id LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  floor_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  stmt = enlace_store_prepare (store, "SELECT id FROM cable WHERE kind = 'horizontal' ORDER BY id", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (cables, id);
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (cables->len, >=, 6);

  /* a conduit too thin for its cables, a tray too narrow for them */
  conduit = add_pathway (store, floor_id, "conduit", 16);
  tray = add_pathway (store, floor_id, "tray", 5);
  for (guint i = 0; i < cables->len; i++)
    {
      g_assert_true (enlace_rules_lay_cable (store, i % 2 ? tray : conduit, g_array_index (cables, gint64, i), &error));
      g_assert_no_error (error);
    }
  g_assert_true (enlace_rules_lay_cable (store, tray, g_array_index (cables, gint64, 0), &error));
  g_assert_no_error (error);
  before = failures_text (store, &n_before);
  g_assert_cmpuint (n_before, ==, 2);

  first = export_text (store);
  g_assert_nonnull (strstr (first, "<laid-cable cable="));
  import_into_fresh (again, first);
  g_assert_cmpuint (count_rows (again, "pathway_cable"), ==, cables->len + 1);
  second = export_text (again);
  g_assert_cmpstr (second, ==, first);

  after = failures_text (again, &n_after);
  g_assert_cmpuint (n_after, ==, n_before);
  g_assert_cmpstr (after, ==, before);
}

/* The design's settings and results go through the file: a rule changed
 * from the defaults, a label template of the project's own, the price
 * list and the tests of runs (one from a certifier, one of a cable
 * without a label, named by its first port); undo of the import takes
 * them out again. */
static void
test_round_trip_design (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) again = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceRuleSet) rules = NULL;
  g_autoptr(EnlaceLabelTemplate) t = NULL;
  g_autoptr(GPtrArray) prices = NULL;
  g_autoptr(EnlaceCertifyReport) report = NULL;
  g_autoptr(EnlaceCableTest) test = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *label = NULL;
  g_autofree char *csv = NULL;
  EnlaceGenerateOptions opts;
  EnlaceBomPrice *p;
  sqlite3_stmt *stmt;
  gint64 unlabelled, cable;

  enlace_generate_options_init (&opts);
  opts.buildings = 1;
  opts.floors = 1;
  opts.outlets_per_floor = 4;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (enlace_rules_set_value (store, "permanent-link.max-m", "80", &error));
  g_assert_no_error (error);
  g_assert_true (enlace_label_template_set (store, "Campus", "rack", "{b}-{r}-{u:2}:{n:2}", &error));
  g_assert_no_error (error);
  g_assert_true (enlace_bom_price_set (store, "jack:copper", 38.25, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_bom_price_set (store, "cable:cat6", 4.5, "Cat6 U/UTP, metro", &error));
  g_assert_no_error (error);

  /* a certifier's result for a horizontal run, by its label */
  stmt = enlace_store_prepare (store, "SELECT label FROM cable WHERE kind = 'horizontal' AND label IS NOT NULL "
                               "ORDER BY label LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  csv = g_strdup_printf ("label,length,result,margin\n%s,42.7,PASS,3.1\n", label);
  report = enlace_install_certify (store, csv, strlen (csv), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->matched, ==, 1);
  /* a test of a cable without a label (the file names it by a port) */
  stmt = enlace_store_prepare (store, "SELECT id FROM cable WHERE kind = 'horizontal' AND label IS NOT ?1 "
                               "ORDER BY id LIMIT 1", NULL);
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  unlabelled = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_true (enlace_store_exec (store, "BEGIN", NULL));
  stmt = enlace_store_prepare (store, "UPDATE cable SET label = NULL WHERE id = ?1", NULL);
  sqlite3_bind_int64 (stmt, 1, unlabelled);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  stmt = enlace_store_prepare (store, "INSERT INTO cable_test (cable_id, result, tested_at, source) "
                               "VALUES (?1, 'fail', '2026-03-01T10:00:00Z', 'manual')", NULL);
  sqlite3_bind_int64 (stmt, 1, unlabelled);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  g_assert_true (enlace_store_exec (store, "COMMIT", NULL));

  first = export_text (store);
  g_assert_nonnull (strstr (first, "<cabling-rule name=\"permanent-link.max-m\" value=\"80\"/>"));
  g_assert_nonnull (strstr (first, "<label-template name=\"Campus\" style=\"rack\" pattern=\"{b}-{r}-{u:2}:{n:2}\"/>"));
  /* by item, whatever the order they were set in */
  g_assert_nonnull (strstr (first, "<bom-price item=\"cable:cat6\" price=\"4.5\" description=\"Cat6 U/UTP, metro\"/>\n"
                            "  <bom-price item=\"jack:copper\" price=\"38.25\"/>"));
  g_assert_nonnull (strstr (first, "length-m=\"42.7\" result=\"pass\" margin-db=\"3.1\" tested-at="));
  g_assert_nonnull (strstr (first, "source=\"certifier\"/>"));
  g_assert_nonnull (strstr (first, "<cable-test port="));

  import_into_fresh (again, first);
  second = export_text (again);
  g_assert_cmpstr (second, ==, first);
  for (guint i = 1; i < G_N_ELEMENTS (document_tables) - 1; i++)
    g_assert_cmpuint (count_rows (again, document_tables[i]), ==, count_rows (store, document_tables[i]));

  /* the values, through the areas' own APIs */
  rules = enlace_rule_set_load (again, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (enlace_rule_set_get_number (rules, "permanent-link.max-m"), ==, 80);
  g_assert_true (enlace_rule_set_lookup (rules, "permanent-link.max-m")->changed);
  g_assert_cmpfloat (enlace_rule_set_get_number (rules, "channel.max-m"), ==, 100);
  t = enlace_label_template_get (again, "Campus", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (t->style, ==, "rack");
  g_assert_cmpstr (t->pattern, ==, "{b}-{r}-{u:2}:{n:2}");
  prices = enlace_bom_prices (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prices->len, ==, 2);
  p = g_ptr_array_index (prices, 0);
  g_assert_cmpstr (p->item, ==, "cable:cat6");
  g_assert_cmpfloat (p->price, ==, 4.5);
  g_assert_cmpstr (p->description, ==, "Cat6 U/UTP, metro");
  p = g_ptr_array_index (prices, 1);
  g_assert_cmpstr (p->item, ==, "jack:copper");
  g_assert_cmpfloat (p->price, ==, 38.25);
  g_assert_null (p->description);
  cable = enlace_store_lookup (again, "cable", label, &error);
  g_assert_no_error (error);
  test = enlace_cable_test_get (again, cable, &error);
  g_assert_no_error (error);
  g_assert_nonnull (test);
  g_assert_true (test->passed);
  g_assert_cmpfloat (test->length_m, ==, 42.7);
  g_assert_cmpfloat (test->margin_db, ==, 3.1);
  g_assert_cmpstr (test->source, ==, "certifier");
  stmt = enlace_store_prepare (again, "SELECT count(*) FROM cable_test t JOIN cable c ON c.id = t.cable_id "
                               "WHERE c.label IS NULL AND t.result = 'fail' AND t.source = 'manual'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);

  /* undo of the import takes them out with the rest */
  g_assert_true (enlace_store_undo (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_objects (again), ==, 0);
}

/* A project with its own rule set, templates or prices is not empty. */
static void
test_refuse_design_not_empty (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autofree char *path = fixture_path ("campus.xml");
  g_autoptr(GError) error = NULL;

  g_assert_true (enlace_bom_price_set (store, "cable:cat6", 4.5, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  g_assert_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_NOT_EMPTY);
  g_assert_cmpuint (enlace_store_count (store, "site"), ==, 0);
  g_assert_cmpuint (count_rows (store, "bom_price"), ==, 1);
}

/* ---------------------------------------------------------------- refusals */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* A small valid document; each case below breaks one thing. */
#define GOOD_BODY \
  "  <site code=\"UTV\" name=\"Campus\"/>\n" \
  "  <building site=\"UTV\" code=\"A\" name=\"Rectoría\"/>\n" \
  "  <floor building=\"A\" level=\"1\" name=\"Primer piso\"/>\n" \
  "  <space floor=\"A/1\" code=\"1A\" kind=\"telecom-room\"/>\n" \
  "  <rack space=\"A/1/1A\" name=\"R1\" u-height=\"42\" width=\"19in\"/>\n" \
  "  <device name=\"SW\" role=\"switch\" rack=\"R1\" u-position=\"1\" face=\"front\" status=\"active\"/>\n" \
  "  <port device=\"SW\" kind=\"interface\" name=\"Gi1\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>\n" \
  "  <port device=\"SW\" kind=\"interface\" name=\"Gi2\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>\n"
#define GOOD_BODY_DEVICES \
  "  <site code=\"UTV\" name=\"Campus\"/>\n" \
  "  <building site=\"UTV\" code=\"A\" name=\"Rectoría\"/>\n" \
  "  <floor building=\"A\" level=\"1\" name=\"Primer piso\"/>\n" \
  "  <space floor=\"A/1\" code=\"1A\" kind=\"telecom-room\"/>\n" \
  "  <rack space=\"A/1/1A\" name=\"R1\" u-height=\"42\" width=\"19in\"/>\n" \
  "  <device name=\"SW\" role=\"switch\" rack=\"R1\" u-position=\"1\" face=\"front\" status=\"active\"/>\n"
/* lines: 1 xml decl, 2 <enlace>, 3 site, 4 building, 5 floor, 6 space,
 * 7 rack, 8 device, 9 port Gi1, 10 port Gi2; the case starts at line 11 */

typedef struct
{
  const char *name;
  const char *text;
  int         code;
  const char *expect;  /* a part of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "malformed",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cable kind=\"patch-cord\" status=\"installed\">\n  </cabel>\n</enlace>\n",
    ENLACE_XML_ERROR_MALFORMED, "line 12:" },
  { "malformed-attribute",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <site code=\"X\" name=\"unterminated/>\n</enlace>\n",
    ENLACE_XML_ERROR_MALFORMED, "line " },
  { "not-utf8",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <site code=\"X\" name=\"Edificio \xd1o\xf1o\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_MALFORMED, "line 11:" },
  { "empty-file", "", ENLACE_XML_ERROR_MALFORMED, "is empty" },
  { "schema-unknown-attribute",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cable kind=\"patch-cord\" colour=\"red\" status=\"installed\">\n"
    "    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 11: element cable:" },
  { "schema-bad-choice",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cable kind=\"laser\" status=\"installed\">\n"
    "    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 11: element cable: kind “laser” is not one of: horizontal, backbone, patch-cord, equipment-cord, other" },
  { "schema-missing-attribute",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <port device=\"SW\" kind=\"interface\" name=\"Gi3\" connector=\"8P8C\" positions=\"1\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 11: element port: attribute medium is missing" },
  { "schema-out-of-order",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <site code=\"LATE\" name=\"Tarde\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 11:" },
  { "schema-missing-end",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cable kind=\"patch-cord\" status=\"installed\">\n"
    "    <a port=\"SW:Gi1\"/>\n  </cable>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 12: element cable: a cable needs at least one a end" },
  { "schema-not-a-number",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <port device=\"SW\" kind=\"interface\" name=\"Gi3\" medium=\"copper\" connector=\"8P8C\" positions=\"many\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 11: element port: positions must be a whole number, not “many”" },
  { "schema-wrong-version",
    HEAD "<enlace version=\"2\">\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 2: element enlace: this is format version “2”; this Enlace reads version 1" },
  { "schema-wrong-root",
    HEAD "<procedures/>\n",
    ENLACE_XML_ERROR_INVALID, "line 2:" },
  { "dangling-cable-end",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cable label=\"C-001\" kind=\"patch-cord\" status=\"installed\">\n"
    "    <a port=\"SW-X:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 12: cable C-001 end a: no port SW-X:Gi1" },
  { "dangling-parent",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <port device=\"SW9\" kind=\"interface\" name=\"Gi1\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 11: port SW9:Gi1: no device SW9" },
  { "dangling-in-mapping",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <port-mapping device=\"SW\" front-port=\"F1\" front-pos=\"1\" rear-port=\"Gi2\" rear-pos=\"1\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 11: port-mapping: no port SW:F1" },
  { "dangling-circuit",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cable label=\"C-002\" kind=\"patch-cord\" status=\"installed\">\n"
    "    <a circuit=\"CID:A\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 12: cable C-002 end a: no circuit termination CID:A" },
  { "dangling-area-parent",
    HEAD "<enlace version=\"1\">\n  <area code=\"TI\" name=\"TI\" parent=\"NADA\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 3: area TI: no area NADA" },
  { "dangling-extension-port",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <extension number=\"2001\" status=\"active\" port=\"SW:Gi9\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 11: extension 2001: no port SW:Gi9" },
  { "duplicate-key",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <port device=\"SW\" kind=\"interface\" name=\"Gi1\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_DUPLICATE, "line 11: duplicate port SW:Gi1" },
  { "duplicate-meta",
    HEAD "<enlace version=\"1\">\n  <meta key=\"a\" value=\"1\"/>\n  <meta key=\"a\" value=\"2\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_DUPLICATE, "line 4:" },
  { "duplicate-cable-label",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <cable label=\"C\" kind=\"patch-cord\" status=\"installed\">\n    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n"
    "  <cable label=\"C\" kind=\"patch-cord\" status=\"planned\">\n    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n"
    "</enlace>\n",
    ENLACE_XML_ERROR_DUPLICATE, "line 15: duplicate cable C" },
  { "second-cable-on-port",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <cable label=\"C1\" kind=\"patch-cord\" status=\"installed\">\n    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n"
    "  <cable label=\"C2\" kind=\"patch-cord\" status=\"planned\">\n    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n"
    "</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 16: cable C2 end a: port SW:Gi1 already carries cable C1" },
  { "dangling-laid-cable",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <pathway floor=\"A/1\" kind=\"conduit\" points=\"[[0,0],[1,0]]\" size-mm=\"21\">\n"
    "    <laid-cable cable=\"C-9\"/>\n  </pathway>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 12: pathway: laid cable: no cable C-9" },
  { "dangling-laid-port",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <pathway floor=\"A/1\" kind=\"conduit\" points=\"[[0,0],[1,0]]\" size-mm=\"21\">\n"
    "    <laid-cable port=\"SW:Gi1\"/>\n  </pathway>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 12: pathway: laid cable: no cable ends on port SW:Gi1" },
  { "duplicate-laid-cable",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <cable label=\"C1\" kind=\"patch-cord\" status=\"installed\">\n    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n"
    "  <pathway floor=\"A/1\" kind=\"conduit\" points=\"[[0,0],[1,0]]\" size-mm=\"21\">\n"
    "    <laid-cable cable=\"C1\"/>\n    <laid-cable port=\"SW:Gi2\"/>\n  </pathway>\n</enlace>\n",
    ENLACE_XML_ERROR_DUPLICATE, "line 17: pathway: laid cable SW:Gi2: duplicate value" },
  { "schema-laid-cable-no-key",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <pathway floor=\"A/1\" kind=\"conduit\" points=\"[[0,0],[1,0]]\" size-mm=\"21\">\n"
    "    <laid-cable/>\n  </pathway>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 12:" },
  { "rule-rack-overlap",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY_DEVICES
    "  <device name=\"SW2\" role=\"switch\" rack=\"R1\" u-position=\"1\" face=\"front\" status=\"active\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 9: Unit 1 of rack “R1” is already taken by “SW”" },
  { "rule-mapping-kinds",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <port-mapping device=\"SW\" front-port=\"Gi1\" front-pos=\"1\" rear-port=\"Gi2\" rear-pos=\"1\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 11: Port “Gi1” of “SW”" },
  { "rule-area-cycle",
    HEAD "<enlace version=\"1\">\n  <area code=\"A\" name=\"A\" parent=\"B\"/>\n  <area code=\"B\" name=\"B\" parent=\"A\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "area A: parent B makes the area its own ancestor" },
  /* rules the import checks in memory before it asks the store's (import15) */
  { "rule-mapping-position",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY_DEVICES
    "  <device name=\"PP\" role=\"patch-panel\" rack=\"R1\" u-position=\"2\" face=\"front\" status=\"active\"/>\n"
    "  <port device=\"PP\" kind=\"front\" name=\"F1\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>\n"
    "  <port device=\"PP\" kind=\"rear\" name=\"R1\" medium=\"copper\" connector=\"8P8C\" positions=\"2\"/>\n"
    "  <port-mapping device=\"PP\" front-port=\"F1\" front-pos=\"1\" rear-port=\"R1\" rear-pos=\"3\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 12: Port “R1” of “PP” has positions 1–2: position 3 does not exist" },
  { "rule-mapping-sides",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY_DEVICES
    "  <device name=\"PP\" role=\"patch-panel\" rack=\"R1\" u-position=\"2\" face=\"front\" status=\"active\"/>\n"
    "  <port device=\"PP\" kind=\"front\" name=\"F1\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>\n"
    "  <port device=\"PP\" kind=\"rear\" name=\"R1\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>\n"
    "  <port-mapping device=\"PP\" front-port=\"R1\" front-pos=\"1\" rear-port=\"F1\" rear-pos=\"1\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 12: Port “R1” of “PP”" },
  { "rule-outlet-without-space",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY_DEVICES
    "  <device name=\"TO-1\" role=\"outlet\" status=\"active\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 9: Outlet “TO-1” must be in a space" },
  { "rule-unit-without-rack",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY_DEVICES
    "  <device name=\"SRV\" role=\"server\" space=\"A/1/1A\" u-position=\"3\" status=\"active\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 9: Device “SRV” has a unit position but is in no rack" },
  { "rule-asset-tag-twice",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY_DEVICES
    "  <device name=\"PC1\" role=\"computer\" space=\"A/1/1A\" asset-tag=\"INV-7\" status=\"active\"/>\n"
    "  <device name=\"PC2\" role=\"computer\" space=\"A/1/1A\" asset-tag=\"INV-7\" status=\"active\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 10: Asset tag “INV-7” of device “PC2” is already on device “PC1”" },
  { "rule-cable-fibre-pairs",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cable label=\"F-1\" kind=\"backbone\" type=\"om3\" pairs=\"4\" status=\"installed\">\n"
    "    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 11: Cable “F-1” is of type" },
  { "rule-cable-multipair",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cable label=\"V-1\" kind=\"backbone\" type=\"multipair\" status=\"installed\">\n"
    "    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 11: Cable “V-1” is a voice multipair cable: give its pair count" },
  /* the design's elements: refused by the rules of their areas */
  { "rule-unknown-cabling-rule",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cabling-rule name=\"permanent-link.max-km\" value=\"80\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 11: There is no cabling rule “permanent-link.max-km”" },
  { "rule-cabling-rule-value",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cabling-rule name=\"permanent-link.max-m\" value=\"-80\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 11: Cabling rule “permanent-link.max-m”: “-80” is not a positive number" },
  { "rule-cabling-rule-application",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cabling-rule name=\"application.copper\" value=\"400GBASE-T\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 11: Cabling rule “application.copper”: the rule set has no reach for the application “400GBASE-T”" },
  { "duplicate-cabling-rule",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <cabling-rule name=\"permanent-link.max-m\" value=\"80\"/>\n"
    "  <cabling-rule name=\"permanent-link.max-m\" value=\"85\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_DUPLICATE, "line 12: duplicate cabling rule permanent-link.max-m" },
  { "rule-label-template-style",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <label-template name=\"Mío\" style=\"round\" pattern=\"{p}{n:2}\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 11: Label template Mío: Label style “round”: the styles are “fs-an” and “rack”" },
  { "rule-label-template-pattern",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <label-template name=\"Mío\" style=\"rack\" pattern=\"{b}-{n:2}\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 11: Label template Mío: Label pattern “{b}-{n:2}”: a pattern of style rack must hold {r}" },
  { "duplicate-label-template",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <label-template name=\"Mío\" style=\"fs-an\" pattern=\"{p}{n:2}\"/>\n"
    "  <label-template name=\"Mío\" style=\"fs-an\" pattern=\"{p}-{n:2}\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_DUPLICATE, "line 12: duplicate label template Mío" },
  { "rule-negative-price",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <bom-price item=\"cable:cat6\" price=\"-4.5\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_RULE, "line 11: Price: the price of cable:cat6 must be a number of zero or more" },
  { "duplicate-price",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <bom-price item=\"cable:cat6\" price=\"4.5\"/>\n"
    "  <bom-price item=\"cable:cat6\" price=\"5\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_DUPLICATE, "line 12: duplicate price cable:cat6: the item already has a price earlier in the file" },
  { "dangling-cable-test",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <cable-test cable=\"C-9\" length-m=\"40\" result=\"pass\" tested-at=\"2026-03-01T10:00:00Z\" source=\"certifier\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 11: cable test: no cable C-9 in the file" },
  { "dangling-cable-test-port",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <cable-test port=\"SW:Gi1\" result=\"fail\" tested-at=\"2026-03-01T10:00:00Z\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_REFERENCE, "line 11: cable test: no cable ends on port SW:Gi1 in the file" },
  { "duplicate-cable-test",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <cable label=\"C1\" kind=\"patch-cord\" status=\"installed\">\n    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n"
    "  <cable-test cable=\"C1\" result=\"pass\" tested-at=\"2026-03-01T10:00:00Z\"/>\n"
    "  <cable-test port=\"SW:Gi1\" result=\"fail\" tested-at=\"2026-03-02T10:00:00Z\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_DUPLICATE, "line 16: duplicate cable test of SW:Gi1" },
  { "schema-cable-test-result",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <cable label=\"C1\" kind=\"patch-cord\" status=\"installed\">\n    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n"
    "  <cable-test cable=\"C1\" result=\"maybe\" tested-at=\"2026-03-01T10:00:00Z\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 15: element cable-test: result “maybe” is not one of: pass, fail" },
  { "schema-cable-test-length",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY
    "  <cable label=\"C1\" kind=\"patch-cord\" status=\"installed\">\n    <a port=\"SW:Gi1\"/>\n    <b port=\"SW:Gi2\"/>\n  </cable>\n"
    "  <cable-test cable=\"C1\" length-m=\"-3\" result=\"pass\" tested-at=\"2026-03-01T10:00:00Z\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 15: element cable-test: length-m must be a number of zero or more, not “-3”" },
  { "schema-price-not-a-number",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <bom-price item=\"cable:cat6\" price=\"barato\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 11: element bom-price: price must be a number, not “barato”" },
  { "schema-design-out-of-order",
    HEAD "<enlace version=\"1\">\n" GOOD_BODY "  <bom-price item=\"cable:cat6\" price=\"4.5\"/>\n"
    "  <cabling-rule name=\"permanent-link.max-m\" value=\"80\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_INVALID, "line 12:" },
  { "doctype",
    HEAD "<!DOCTYPE enlace>\n<enlace version=\"1\"/>\n",
    ENLACE_XML_ERROR_UNSAFE, "line 2:" },
  { "external-entity",
    HEAD "<!DOCTYPE enlace [\n  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
    "<enlace version=\"1\">\n  <site code=\"&xxe;\" name=\"x\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_UNSAFE, "line 2:" },
  { "external-dtd",
    HEAD "<!DOCTYPE enlace SYSTEM \"http://example.org/enlace.dtd\">\n<enlace version=\"1\"/>\n",
    ENLACE_XML_ERROR_UNSAFE, "line 2:" },
  { "entity-bomb",
    HEAD "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n<enlace version=\"1\">\n  <site code=\"UTV\" name=\"&lol9;\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_UNSAFE, "line 2:" },
  { "undeclared-entity",
    HEAD "<enlace version=\"1\">\n  <site code=\"UTV\" name=\"&nbsp;\"/>\n</enlace>\n",
    ENLACE_XML_ERROR_UNSAFE, "line 3:" },
};

static void
check_refused (const BadCase *c,
               const char    *text)
{
  g_autofree char *xml = write_tmp ("bad.xml", text);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  EnlaceStore *store;

  /* one store for every refusal: each must leave it as it was */
  if (refusal_store == NULL)
    refusal_store = new_store ();
  store = refusal_store;

  before = snapshot (store);

  g_assert_false (enlace_xml_import (store, xml, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", c->name, error->message);
  g_assert_error (error, ENLACE_XML_ERROR, c->code);
  if (c->expect != NULL && strstr (error->message, c->expect) == NULL)
    g_error ("%s: expected “%s” in “%s”", c->name, c->expect, error->message);
  /* Hostile files (entity bombs) are refused before any expansion: the
   * refusal's code says so; speed is for the benchmarks, not the tests. */

  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (enlace_store_can_undo (store));
}

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* One bad file of each class against a project on disk: the .enlace file
 * keeps the same bytes. */
static void
test_refuse_file_unchanged (void)
{
  static const char *classes[] = {
    "malformed", "schema-bad-choice", "dangling-cable-end", "duplicate-key",
    "second-cable-on-port", "rule-rack-overlap", "external-entity", "entity-bomb",
  };
  g_autofree char *path = tmp_path ("unchanged.enlace");
  g_autofree char *fixture = fixture_path ("campus.xml");
  g_autofree char *before = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_store_set_meta (store, "institution", "UTV", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  before = file_digest (path);

  for (guint k = 0; k < G_N_ELEMENTS (classes); k++)
    {
      const BadCase *c = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *after = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
        if (strcmp (bad_cases[i].name, classes[k]) == 0)
          c = &bad_cases[i];
      g_assert_nonnull (c);
      xml = write_tmp ("bad.xml", c->text);

      store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_false (enlace_xml_import (store, xml, NULL, NULL, NULL, &error));
      g_assert_error (error, ENLACE_XML_ERROR, c->code);
      g_clear_error (&error);
      g_clear_object (&store);

      after = file_digest (path);
      g_assert_cmpstr (after, ==, before);
    }

  /* while a good file does change it */
  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_true (enlace_xml_import (store, fixture, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  {
    g_autofree char *after = file_digest (path);
    g_assert_cmpstr (after, !=, before);
  }
}

static void
test_refuse_case (gconstpointer data)
{
  const BadCase *c = data;

  check_refused (c, c->text);
}

/* The bomb hidden behind a comment longer than the prolog check reads:
 * the reader still refuses the DOCTYPE, and expands nothing. */
static void
test_refuse_late_doctype (void)
{
  const BadCase *bomb = NULL;
  BadCase c;
  g_autoptr(GString) text = g_string_new (HEAD "<!--");

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    if (strcmp (bad_cases[i].name, "entity-bomb") == 0)
      bomb = &bad_cases[i];
  g_assert_nonnull (bomb);

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, " padding padding padding padding padding padding\n");
  g_string_append (text, "-->\n");
  g_string_append (text, bomb->text + strlen (HEAD));

  c = *bomb;
  c.name = "late-entity-bomb";
  c.expect = NULL;
  check_refused (&c, text->str);
}

static char *
nested_document (guint depth)
{
  GString *text = g_string_new (HEAD "<enlace version=\"1\">\n");

  g_string_append (text, "  <site code=\"A\" name=\"A\">\n");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "<site code=\"A\" name=\"A\">");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "</site>");
  g_string_append (text, "\n  </site>\n</enlace>\n");
  return g_string_free (text, FALSE);
}

static void
test_refuse_too_deep (void)
{
  g_autofree char *deep = nested_document (100000);
  g_autofree char *shallow = nested_document (20);
  BadCase c = { "too-deep", NULL, ENLACE_XML_ERROR_TOO_DEEP, "line 4: elements are nested too deeply" };
  BadCase d = { "nested", NULL, ENLACE_XML_ERROR_INVALID, "line 4: element site:" };

  /* deeper than the parser's limit (XML_PARSE_HUGE is off) */
  check_refused (&c, deep);
  /* deeper than the format: the schema refuses the first nested element */
  check_refused (&d, shallow);
}

static void
test_refuse_oversized (void)
{
  g_autofree char *path = fixture_path ("campus.xml");
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;

  enlace_xml_set_max_size_for_testing (1024);
  g_assert_false (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  enlace_xml_set_max_size_for_testing (0);
  g_assert_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "1024"));
  g_assert_cmpuint (count_objects (store), ==, 0);
  g_assert_false (enlace_store_can_undo (store));

  /* the real limit is generous */
  g_clear_error (&error);
  g_assert_true (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_refuse_not_empty (void)
{
  g_autofree char *path = fixture_path ("campus.xml");
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add (store, "site", "code", "OTRA", "name", "Otra sede", NULL);
  before = snapshot (store);
  g_assert_false (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  g_assert_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_NOT_EMPTY);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refuse_missing_file (void)
{
  g_autofree char *path = tmp_path ("does-not-exist.xml");
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;

  g_assert_false (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  g_assert_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "does-not-exist.xml"));
}

/* ---------------------------------------------------------------- transactions */

/* An error at the very end undoes everything read before it */
static void
test_all_or_nothing (void)
{
  g_autofree char *fixture = fixture_text ("campus.xml");
  g_autoptr(GString) text = g_string_new (fixture);
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  char *end = strstr (text->str, "  <pathway ");

  g_assert_nonnull (end);
  g_string_insert (text, end - text->str, "  <extension number=\"9999\" status=\"active\" port=\"NADIE:1\"/>\n");
  g_assert_false (import_text (store, text->str, &error));
  g_assert_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "extension 9999: no port NADIE:1"));
  g_assert_cmpuint (count_objects (store), ==, 0);
  g_clear_error (&error);

  /* the last element of the file: a cable laid along a pathway */
  g_string_assign (text, fixture);
  end = strstr (text->str, "  </pathway>");
  g_assert_nonnull (end);
  g_string_insert (text, end - text->str, "    <laid-cable cable=\"NADIE\"/>\n");
  g_assert_false (import_text (store, text->str, &error));
  g_assert_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "laid cable: no cable NADIE"));
  g_assert_cmpuint (count_objects (store), ==, 0);
  g_assert_cmpuint (count_rows (store, "command"), ==, 0);
  g_assert_false (enlace_store_can_undo (store));
}

static void
on_changed (EnlaceStore     *store,
            EnlaceChangeSet *set,
            gpointer         user_data)
{
  guint *n = user_data;

  /* the import: one signal saying "reload everything" */
  if (*n == 0)
    g_assert_true (set->bulk);
  (*n)++;
}

static void
test_undo_redo (void)
{
  g_autofree char *path = fixture_path ("campus.xml");
  g_autofree char *fixture = fixture_text ("campus.xml");
  g_autofree char *label = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_true (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (count_rows (store, "command"), ==, 1);
  label = enlace_store_dup_undo_label (store);
  g_assert_cmpstr (label, ==, "Import XML");

  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_objects (store), ==, 0);

  g_assert_true (enlace_store_redo (store, &error));
  g_assert_no_error (error);
  redone = export_text (store);
  g_assert_cmpstr (redone, ==, fixture);
}

/* meta rows that were there before come back on undo */
static void
test_undo_restores_meta (void)
{
  g_autofree char *path = fixture_path ("campus.xml");
  g_autofree char *value = NULL;
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (enlace_store_set_meta (store, "institution", "Antes", &error));
  g_assert_true (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  value = enlace_store_get_meta (store, "institution");
  g_assert_cmpstr (value, ==, "Universidad Tecnológica del Valle");
  g_clear_pointer (&value, g_free);

  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  value = enlace_store_get_meta (store, "institution");
  g_assert_cmpstr (value, ==, "Antes");
  g_clear_pointer (&value, g_free);
  value = enlace_store_get_meta (store, "author");
  g_assert_null (value);
}

/* The import turns SQLite's CHECK constraints off for its rows (the
 * schema has checked the values); they are on again afterwards, whether
 * the import worked or not. */
static void
test_checks_restored (void)
{
  g_autofree char *path = fixture_path ("campus.xml");
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) other = new_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    sqlite3_stmt *stmt = enlace_store_prepare (store, "PRAGMA ignore_check_constraints", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_reset (stmt);
  }
  g_assert_false (enlace_store_exec (store, "UPDATE space SET kind = 'kitchen'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (import_text (other, bad_cases[0].text, &error));
  g_clear_error (&error);
  g_assert_false (import_text (other,
                               HEAD "<enlace version=\"1\">\n" GOOD_BODY
                               "  <port device=\"SW\" kind=\"interface\" name=\"Gi1\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>\n</enlace>\n",
                               &error));
  g_assert_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_DUPLICATE);
  g_clear_error (&error);
  {
    sqlite3_stmt *stmt = enlace_store_prepare (other, "PRAGMA ignore_check_constraints", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_reset (stmt);
  }
}

/* ---------------------------------------------------------------- progress, cancel */

static char *
big_document (guint n_ports)
{
  GString *s = g_string_new (HEAD "<enlace version=\"1\">\n");

  g_string_append (s, "  <site code=\"S\" name=\"S\"/>\n"
                      "  <building site=\"S\" code=\"B\" name=\"B\"/>\n"
                      "  <floor building=\"B\" level=\"0\" name=\"PB\"/>\n"
                      "  <space floor=\"B/0\" code=\"TR\" kind=\"telecom-room\"/>\n");
  for (guint d = 0; d < n_ports / 48; d++)
    g_string_append_printf (s, "  <device name=\"D%04u\" role=\"outlet\" space=\"B/0/TR\" status=\"active\"/>\n", d);
  for (guint d = 0; d < n_ports / 48; d++)
    for (guint p = 1; p <= 48; p++)
      g_string_append_printf (s, "  <port device=\"D%04u\" kind=\"interface\" name=\"%u\" medium=\"copper\""
                                 " connector=\"8P8C\" positions=\"1\" seq=\"%u\"/>\n", d, p, p);
  g_string_append (s, "</enlace>\n");
  return g_string_free (s, FALSE);
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  double        last;
  guint         calls;
  gboolean      monotonic;
} ProgressData;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  ProgressData *pd = user_data;

  if (fraction < pd->last)
    pd->monotonic = FALSE;
  pd->last = fraction;
  pd->calls++;
  if (pd->cancellable != NULL && fraction >= pd->cancel_at)
    g_cancellable_cancel (pd->cancellable);
}

static void
test_progress (void)
{
  g_autofree char *text = big_document (BIG_PORTS);
  g_autofree char *path = write_tmp ("big.xml", text);
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  ProgressData pd = { NULL, 0, 0, 0, TRUE };

  g_assert_true (enlace_xml_import (store, path, NULL, on_progress, &pd, &error));
  g_assert_no_error (error);
  g_assert_true (pd.monotonic);
  g_assert_cmpfloat (pd.last, ==, 1.0);
  g_assert_cmpuint (pd.calls, >=, 5);
  g_assert_cmpuint (pd.calls, <=, 200);
  g_assert_cmpuint (enlace_store_count (store, "port"), ==, BIG_PORTS / 48 * 48);
}

static void
test_cancel (void)
{
  g_autofree char *text = big_document (BIG_PORTS);
  g_autofree char *path = write_tmp ("big.xml", text);
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ProgressData pd = { cancellable, 0.3, 0, 0, TRUE };

  g_assert_false (enlace_xml_import (store, path, cancellable, on_progress, &pd, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (pd.last, >=, 0.3);
  g_assert_cmpfloat (pd.last, <, 1.0);
  g_assert_cmpuint (count_objects (store), ==, 0);
  g_assert_cmpuint (count_rows (store, "command"), ==, 0);
  g_assert_false (enlace_store_can_undo (store));

  /* the store is usable afterwards */
  g_clear_error (&error);
  g_assert_true (enlace_xml_import (store, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------- export */

static void
test_export_file (void)
{
  g_autofree char *in = fixture_path ("campus.xml");
  g_autofree char *fixture = fixture_text ("campus.xml");
  g_autofree char *out = tmp_path ("out.xml");
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (enlace_xml_import (store, in, NULL, NULL, NULL, &error));
  g_assert_true (enlace_xml_export (store, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, fixture);

  /* a value XML cannot carry: refused, the old file stays */
  add (store, "site", "code", "BAD", "name", "bell\a", NULL);
  g_assert_false (enlace_xml_export (store, out, &error));
  g_assert_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "site BAD"));
  g_assert_true (g_file_get_contents (out, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, fixture);
}

static void
test_export_empty (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) again = new_store ();
  g_autofree char *text = export_text (store);
  g_autofree char *second = NULL;

  g_assert_cmpstr (text, ==, HEAD "<enlace version=\"1\"/>\n");
  import_into_fresh (again, text);
  second = export_text (again);
  g_assert_cmpstr (second, ==, text);
  g_assert_cmpuint (count_rows (again, "command"), ==, 0);
}


/* ---------------------------------------------------------------- checks by hand */

static void
quiet_errors (void        *data,
              xmlErrorPtr  err)
{
}

static gboolean
schema_valid (const char *text)
{
  xmlDocPtr doc = xmlReadMemory (text, (int) strlen (text), NULL, "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlRelaxNGValidCtxtPtr v;
  gboolean ok;

  if (doc == NULL)
    return FALSE;
  v = xmlRelaxNGNewValidCtxt (enlace_xml_schema ());
  xmlRelaxNGSetValidStructuredErrors (v, quiet_errors, NULL);
  ok = xmlRelaxNGValidateDoc (v, doc) == 0;
  xmlRelaxNGFreeValidCtxt (v);
  xmlFreeDoc (doc);
  return ok;
}

#define P_ATTRS "kind=\"interface\" name=\"Gi1\" medium=\"copper\" connector=\"8P8C\""
#define ENDS "<a port=\"SW:Gi1\"/><b port=\"SW:Gi2\"/>"

typedef struct
{
  const char *body;   /* the elements inside <enlace version="1"> */
  gboolean    taken;  /* the checks take it (else they may: an odd element goes to the schema alone) */
} FastCase;

static const FastCase fast_cases[] = {
  /* as an export writes them: taken */
  { "<port device=\"SW\" " P_ATTRS " positions=\"1\" label=\"x\" seq=\"3\"/>", TRUE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1024\"/>", TRUE },
  { "<port-mapping device=\"PP\" front-port=\"F1\" front-pos=\"1\" rear-port=\"R1\" rear-pos=\"12\"/>", TRUE },
  { "<device name=\"O1\" role=\"outlet\" space=\"A/1/1A\" x=\"1.5\" y=\"-2\" status=\"active\"/>", TRUE },
  { "<device device-type=\"Acme/P24\" name=\"PP\" role=\"patch-panel\" rack=\"R1\" u-position=\"2\" face=\"rear\" "
    "rotation=\"90\" serial=\"\" asset-tag=\"T\" status=\"planned\" comments=\"c\"/>", TRUE },
  { "<cable label=\"C\" kind=\"horizontal\" type=\"cat6\" length-m=\"12.25\" color=\"azul\" status=\"installed\">"
    ENDS "</cable>", TRUE },
  { "<cable kind=\"other\" pairs=\"25\" length-m=\"1e300\" status=\"planned\">\n  <a port=\"X:1\"/>\n  <a circuit=\"C:A\"/>\n"
    "  <b port=\"X:2\"/>\n  <b port=\"X:3\"/>\n</cable>", TRUE },
  { "<extension number=\"2001\" status=\"active\" port=\"SW:Gi1\"/>", TRUE },
  { "<extension number=\"2001\" person=\"Ana\" holder=\"h\" area=\"TI\" status=\"cancelled\">"
    "<status-change at=\"2026-01-01\" status=\"active\"/><status-change at=\"2026-02-01\" status=\"cancelled\" reason=\"r\"/>"
    "</extension>", TRUE },
  { "<space floor=\"A/1\" code=\"1A\" name=\"n\" kind=\"telecom-room\" outline=\"[[0,0],[1,0],[1,1]]\"/>", TRUE },
  { "<site code=\"S\" name=\"n\"/><building site=\"S\" code=\"A\" name=\"n\"/><port device=\"SW\" " P_ATTRS " positions=\"1\"/>", TRUE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1\"></port>", TRUE },   /* checked by the schema alone */
  { "<!-- c --><port device=\"SW\" " P_ATTRS " positions=\"1\"/><?pi x?>", TRUE },
  /* valid or not, the checks must not take what the schema refuses */
  { "<port device=\"SW\" " P_ATTRS " positions=\"0\"/>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1025\"/>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\" 1\"/>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"+1\"/>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1\" seq=\"1.5\"/>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1\" seq=\"99999999999999999999\"/>", FALSE },
  { "<port device=\"\" " P_ATTRS " positions=\"1\"/>", FALSE },
  { "<port " P_ATTRS " positions=\"1\"/>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1\" colour=\"red\"/>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1\" xml:lang=\"es\"/>", FALSE },
  { "<port xmlns=\"urn:x\" device=\"SW\" " P_ATTRS " positions=\"1\"/>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1\">text</port>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1\"><a port=\"X\"/></port>", FALSE },
  { "<port device=\"SW\" kind=\"Front\" name=\"Gi1\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>", FALSE },
  { "<port device=\"SW\" kind=\" front\" name=\"Gi1\" medium=\"copper\" connector=\"8P8C\" positions=\"1\"/>", FALSE },
  { "<device name=\"D\" role=\"switch\" face=\"side\" status=\"active\"/>", FALSE },
  { "<device name=\"D\" role=\"switch\" x=\"1,5\" status=\"active\"/>", FALSE },
  { "<device name=\"D\" role=\"switch\" x=\"1.\" status=\"active\"/>", FALSE },
  { "<device name=\"D\" role=\"switch\" x=\"INF\" status=\"active\"/>", FALSE },
  { "<device name=\"D\" role=\"switch\"/>", FALSE },
  { "<cable kind=\"horizontal\" length-m=\"-1\" status=\"installed\">" ENDS "</cable>", FALSE },
  { "<cable kind=\"horizontal\" length-m=\"-0\" status=\"installed\">" ENDS "</cable>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\"/>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\"><a port=\"X\"/></cable>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\"><b port=\"X\"/><a port=\"Y\"/></cable>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\"><a port=\"X\"/><b port=\"Y\"/><a port=\"Z\"/></cable>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\"><a port=\"X\" circuit=\"C:A\"/><b port=\"Y\"/></cable>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\"><a/><b port=\"Y\"/></cable>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\"><a port=\"\"/><b port=\"Y\"/></cable>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\"><a port=\"X\">t</a><b port=\"Y\"/></cable>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\">t" ENDS "</cable>", FALSE },
  { "<cable kind=\"horizontal\" status=\"installed\">" ENDS "<c/></cable>", FALSE },
  { "<extension number=\"1\" status=\"active\"><status-change at=\"x\" status=\"gone\"/></extension>", FALSE },
  { "<extension number=\"1\" status=\"active\"><note/></extension>", FALSE },
  { "<space floor=\"A/1\" code=\"1A\" kind=\"kitchen\"/>", FALSE },
  { "<port device=\"SW\" " P_ATTRS " positions=\"1\"/><device name=\"D\" role=\"switch\" status=\"active\"/>", FALSE },
  { "<unknown/>", FALSE },
  { "text", FALSE },
};

/* The import's first pass (enlace-xml-fast-check.c) takes only what the
 * schema takes, and takes what an export writes. */
static void
test_fast_check_agrees (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EnlaceGenerateOptions opts;

  for (guint i = 0; i < G_N_ELEMENTS (fast_cases); i++)
    {
      g_autofree char *doc = g_strconcat (HEAD "<enlace version=\"1\">\n", fast_cases[i].body, "\n</enlace>\n", NULL);
      gboolean fast = enlace_xml_fast_check_memory (doc, strlen (doc));
      gboolean valid = schema_valid (doc);

      g_test_message ("%s: checks by hand %d, schema %d", fast_cases[i].body, fast, valid);
      if (fast && !valid)
        g_error ("taken by the checks by hand, refused by the schema: %s", fast_cases[i].body);
      if (fast_cases[i].taken)
        g_assert_true (fast);
    }
  /* the root */
  g_assert_false (enlace_xml_fast_check_memory (HEAD "<enlace version=\"2\"/>", strlen (HEAD) + 21));
  g_assert_false (enlace_xml_fast_check_memory (HEAD "<enlace/>", strlen (HEAD) + 9));
  g_assert_true (enlace_xml_fast_check_memory (HEAD "<enlace version=\"1\"/>", strlen (HEAD) + 21));

  /* exports: the fixture and a generated campus */
  text = fixture_text ("campus.xml");
  g_assert_true (schema_valid (text));
  g_assert_true (enlace_xml_fast_check_memory (text, strlen (text)));
  g_clear_pointer (&text, g_free);
  enlace_generate_options_init (&opts);
  opts.buildings = 1;
  opts.floors = 2;
  opts.outlets_per_floor = 12;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
  text = export_text (store);
  g_assert_true (schema_valid (text));
  g_assert_true (enlace_xml_fast_check_memory (text, strlen (text)));
}


static int
foreign_keys_setting (EnlaceStore *store)
{
  sqlite3_stmt *stmt = NULL;
  int on;

  g_assert_cmpint (sqlite3_prepare_v2 (enlace_store_get_db (store), "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  on = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return on;
}

/* The first pass checks the references once at the end (foreign keys
 * off): a dangling one is refused as before, and foreign keys are on
 * again after a good import as after a bad one. */
static void
test_fast_check_references (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autofree char *fixture = fixture_text ("campus.xml");

  g_assert_cmpint (foreign_keys_setting (store), ==, 1);
  g_assert_false (import_text (store,
                               HEAD "<enlace version=\"1\">\n  <site code=\"UTV\" name=\"Campus\"/>\n"
                               "  <building site=\"UTV\" code=\"A\" name=\"R\"/>\n"
                               "  <floor building=\"A\" level=\"1\" name=\"P\"/>\n"
                               "  <floor-plan floor=\"A/1\" attachment-id=\"7\"/>\n</enlace>\n",
                               &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  g_clear_error (&error);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (foreign_keys_setting (store), ==, 1);

  import_into_fresh (store, fixture);
  g_assert_cmpint (foreign_keys_setting (store), ==, 1);
}

static void
count_second_passes (const char     *domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        data)
{
  if (strstr (message, "first pass stopped") != NULL)
    (*(guint *) data)++;
}

/* A file as an export writes it is imported in one pass (a slip in the
 * first pass would otherwise only show as a slower import); a bad one
 * takes the second. */
static void
test_fast_check_one_pass (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(EnlaceStore) again = new_store ();
  g_autoptr(EnlaceStore) bad = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fixture = fixture_text ("campus.xml");
  g_autoptr(EnlaceStore) from_fixture = new_store ();
  EnlaceGenerateOptions opts;
  guint second = 0;
  guint handler = g_log_set_handler ("enlace-xml", G_LOG_LEVEL_DEBUG, count_second_passes, &second);

  enlace_generate_options_init (&opts);
  opts.buildings = 2;
  opts.floors = 2;
  opts.outlets_per_floor = 12;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
  text = export_text (store);
  import_into_fresh (again, text);
  import_into_fresh (from_fixture, fixture);
  g_assert_cmpuint (second, ==, 0);

  g_assert_false (import_text (bad, bad_cases[0].text, &error));
  g_clear_error (&error);
  g_assert_cmpuint (second, ==, 1);
  g_log_remove_handler ("enlace-xml", handler);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = g_dir_make_tmp ("enlace-xml-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/model/xml/round-trip/fixture", test_round_trip_fixture);
  g_test_add_func ("/model/xml/round-trip/api", test_round_trip_api);
  g_test_add_func ("/model/xml/round-trip/plans", test_round_trip_plans);
  g_test_add_func ("/model/xml/round-trip/generated", test_round_trip_generated);
  g_test_add_func ("/model/xml/round-trip/pathway-cables", test_round_trip_pathway_cables);
  g_test_add_func ("/model/xml/round-trip/design", test_round_trip_design);
  /* the demo campus takes long to build under the sanitizers */
  if (!SANITIZED || g_test_slow ())
    g_test_add_func ("/model/xml/round-trip/demo", test_round_trip_demo);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/model/xml/refuse/%s", bad_cases[i].name);
      g_test_add_data_func (name, &bad_cases[i], test_refuse_case);
    }
  g_test_add_func ("/model/xml/refuse/file-unchanged", test_refuse_file_unchanged);
  g_test_add_func ("/model/xml/refuse/late-entity-bomb", test_refuse_late_doctype);
  g_test_add_func ("/model/xml/refuse/too-deep", test_refuse_too_deep);
  g_test_add_func ("/model/xml/refuse/oversized", test_refuse_oversized);
  g_test_add_func ("/model/xml/refuse/not-empty", test_refuse_not_empty);
  g_test_add_func ("/model/xml/refuse/design-not-empty", test_refuse_design_not_empty);
  g_test_add_func ("/model/xml/refuse/missing-file", test_refuse_missing_file);
  g_test_add_func ("/model/xml/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/model/xml/undo-redo", test_undo_redo);
  g_test_add_func ("/model/xml/undo-restores-meta", test_undo_restores_meta);
  g_test_add_func ("/model/xml/checks-restored", test_checks_restored);
  g_test_add_func ("/model/xml/progress", test_progress);
  g_test_add_func ("/model/xml/cancel", test_cancel);
  g_test_add_func ("/model/xml/export/file", test_export_file);
  g_test_add_func ("/model/xml/export/empty", test_export_empty);
  g_test_add_func ("/model/xml/fast-check/agrees", test_fast_check_agrees);
  g_test_add_func ("/model/xml/fast-check/references", test_fast_check_references);
  g_test_add_func ("/model/xml/fast-check/one-pass", test_fast_check_one_pass);

  ret = g_test_run ();
  g_clear_object (&refusal_store);

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return ret;
}
