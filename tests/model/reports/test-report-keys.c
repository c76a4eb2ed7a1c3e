/* test-report-keys.c: the objects a report's rows stand for
 * (enlace_report_collect_keys), which "Labels…" in the Reports dialog and
 * `enlace-cli labels --from-report` print labels for, on a small
 * generated campus of two buildings. */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "enlace-generate.h"
#include "enlace-labels.h"
#include "enlace-report.h"
#include "enlace-store.h"

typedef struct
{
  EnlaceStore *store;
  char        *building;   /* the first building's code */
  gint64       building_id;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buildings = NULL;
  EnlaceGenerateOptions opts;
  JsonObject *b;

  f->store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = 2;
  opts.floors = 2;
  opts.outlets_per_floor = 6;
  opts.seed = 1;
  g_assert_true (enlace_generate (f->store, &opts, NULL, &error));
  g_assert_no_error (error);
  buildings = enlace_store_list (f->store, "building", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (buildings->len, ==, 2);
  b = g_ptr_array_index (buildings, 0);
  f->building = g_strdup (json_object_get_string_member (b, "code"));
  f->building_id = json_object_get_int_member (b, "id");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->building, g_free);
}

/* The distinct objects of @labels, in order. */
static GArray *
label_objects (GPtrArray *labels)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < labels->len; i++)
    {
      EnlaceLabel *l = g_ptr_array_index (labels, i);

      if (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != l->object_id)
        g_array_append_val (ids, l->object_id);
    }
  return ids;
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The cable schedule of building A: exactly A's cables (those the label
 * model finds in A), one each, fewer than the campus's. */
static void
test_cables (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(EnlaceReportCursor) cursor = NULL;
  EnlaceReportScope scope = { f->building, NULL, NULL, NULL, NULL };
  EnlaceLabelScope lscope = { f->building_id, 0, 0, NULL };
  const char *object_kind = NULL;

  g_assert_true (enlace_report_collect_keys (f->store, "cables", &scope, &object_kind, &ids, &keys, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (object_kind, ==, "cable");
  g_assert_cmpuint (ids->len, >, 0);
  g_assert_cmpuint (keys->len, ==, ids->len);

  /* as many as the report has rows */
  cursor = enlace_report_cursor_new (f->store, "cables", &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpint (enlace_report_cursor_count (cursor, &error), ==, ids->len);
  g_assert_no_error (error);

  /* exactly building A's cables */
  labels = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_CABLE, &lscope, &error);
  g_assert_no_error (error);
  expected = label_objects (labels);
  g_assert_cmpuint (expected->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *key = enlace_store_dup_key (f->store, "cable", id);

      g_assert_true (contains (expected, id));
      g_assert_cmpstr (g_ptr_array_index (keys, i), ==, key);
      g_assert_cmpint (enlace_store_lookup (f->store, "cable", key, &error), ==, id);
      g_assert_no_error (error);
    }

  /* the whole campus has more */
  g_assert_true (enlace_report_collect_keys (f->store, "cables", NULL, NULL, &all, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, enlace_store_count (f->store, "cable"));
  g_assert_cmpuint (all->len, >, ids->len);
}

/* Outlet and patch-panel schedules: their rows are jacks and ports, the
 * objects their devices, once each; rack elevations: the racks. */
static void
test_devices (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) outlets = NULL;
  g_autoptr(GArray) panels = NULL;
  g_autoptr(GArray) racks = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  EnlaceReportScope scope = { f->building, NULL, NULL, NULL, NULL };
  EnlaceLabelScope lscope = { f->building_id, 0, 0, NULL };
  const char *object_kind = NULL;

  g_assert_true (enlace_report_collect_keys (f->store, "outlets", &scope, &object_kind, &outlets, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (object_kind, ==, "device");
  labels = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_FACEPLATE, &lscope, &error);
  g_assert_no_error (error);
  expected = label_objects (labels);
  g_assert_cmpuint (outlets->len, >, 0);
  g_assert_cmpuint (outlets->len, ==, expected->len);
  for (guint i = 0; i < outlets->len; i++)
    g_assert_true (contains (expected, g_array_index (outlets, gint64, i)));
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&expected, g_array_unref);

  g_assert_true (enlace_report_collect_keys (f->store, "panels", &scope, &object_kind, &panels, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (object_kind, ==, "device");
  labels = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_PANEL, &lscope, &error);
  g_assert_no_error (error);
  expected = label_objects (labels);
  g_assert_cmpuint (panels->len, >, 0);
  g_assert_cmpuint (panels->len, ==, expected->len);
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&expected, g_array_unref);

  g_assert_true (enlace_report_collect_keys (f->store, "racks", &scope, &object_kind, &racks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (object_kind, ==, "rack");
  labels = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_RACK, &lscope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (racks->len, >, 0);
  g_assert_cmpuint (racks->len, ==, labels->len);

  g_assert_cmpstr (enlace_report_label_kind ("cables"), ==, "cable");
  g_assert_cmpstr (enlace_report_label_kind ("outlets"), ==, "faceplate");
  g_assert_cmpstr (enlace_report_label_kind ("panels"), ==, "panel");
  g_assert_cmpstr (enlace_report_label_kind ("racks"), ==, "rack");
  g_assert_null (enlace_report_label_kind ("audit"));
}

/* Reports of other things, and unknown ones, are refused by name. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = NULL;
  EnlaceReportScope scope = { "NOPE", NULL, NULL, NULL, NULL };

  g_assert_false (enlace_report_collect_keys (f->store, "audit", NULL, NULL, &ids, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "audit"));
  g_assert_null (ids);
  g_clear_error (&error);
  g_assert_false (enlace_report_collect_keys (f->store, "nonsense", NULL, NULL, &ids, NULL, &error));
  g_assert_nonnull (strstr (error->message, "nonsense"));
  g_assert_null (ids);
  g_clear_error (&error);
  g_assert_false (enlace_report_collect_keys (f->store, "cables", &scope, NULL, &ids, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "NOPE"));
  g_assert_null (ids);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/model/reports/keys-cables", Fixture, NULL, setup, test_cables, teardown);
  g_test_add ("/model/reports/keys-devices", Fixture, NULL, setup, test_devices, teardown);
  g_test_add ("/model/reports/keys-refused", Fixture, NULL, setup, test_refused, teardown);
  return g_test_run ();
}
