/* test-labels.c: labels (model/labels): the rectangles of the sheet
 * presets and custom grids, the start position on a half-used sheet,
 * tape, and which labels with which texts each kind gives on a small
 * generated campus. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "enlace-generate.h"
#include "enlace-label-layout.h"
#include "enlace-labels.h"
#include "enlace-store.h"

#define assert_mm(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 0.01)

/* Every preset: its labels lie on its paper, do not overlap, and the
 * figures add up to the paper (the manufacturers' templates are
 * symmetric: left margin = right margin, top = bottom). */
static void
test_presets (void)
{
  guint n;
  const EnlaceLabelPreset *p = enlace_label_presets (&n);

  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; i < n; i++)
    {
      EnlaceLabelLayout l = { 0 };
      g_autoptr(GError) error = NULL;
      EnlaceLabelRect first, last;
      guint per;

      g_assert_true (enlace_label_layout_init_preset (&l, p[i].name, &error));
      g_assert_no_error (error);
      g_assert_true (enlace_label_layout_check (&l, &error));
      g_assert_no_error (error);
      if (p[i].tape_width > 0)
        {
          g_assert_cmpint (l.media, ==, ENLACE_LABEL_MEDIA_TAPE);
          g_assert_cmpuint (enlace_label_layout_per_page (&l), ==, 1);
          enlace_label_layout_clear (&l);
          continue;
        }
      per = enlace_label_layout_per_page (&l);
      g_assert_cmpuint (per, ==, p[i].rows * p[i].columns);
      enlace_label_layout_cell_rect (&l, 0, &first);
      enlace_label_layout_cell_rect (&l, per - 1, &last);
      assert_mm (first.x, l.margin_left);
      assert_mm (first.y, l.margin_top);
      /* symmetric: the right and bottom margins equal the left and top ones */
      g_assert_cmpfloat (fabs (l.page_width - (last.x + last.width) - first.x), <, 0.1);
      g_assert_cmpfloat (fabs (l.page_height - (last.y + last.height) - first.y), <, 0.1);
      enlace_label_layout_clear (&l);
    }
}

/* Avery L7160 cell by cell: 3 columns at 66.04 mm, 7 rows at 38.1 mm. */
static void
test_l7160_cells (void)
{
  EnlaceLabelLayout l = { 0 };
  g_autoptr(GError) error = NULL;
  EnlaceLabelRect r;

  g_assert_true (enlace_label_layout_init_preset (&l, "7160", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (l.name, ==, "L7160");
  g_assert_cmpstr (l.paper, ==, "A4");
  assert_mm (l.page_width, 210);
  assert_mm (l.page_height, 297);
  g_assert_cmpuint (enlace_label_layout_per_page (&l), ==, 21);
  for (guint cell = 0; cell < 21; cell++)
    {
      enlace_label_layout_cell_rect (&l, cell, &r);
      assert_mm (r.x, 7.21 + (cell % 3) * 66.04);
      assert_mm (r.y, 15.15 + (cell / 3) * 38.1);
      assert_mm (r.width, 63.5);
      assert_mm (r.height, 38.1);
    }
  enlace_label_layout_clear (&l);

  /* Letter: Avery 5160, 30 to a sheet, 2⅝ × 1 in */
  g_assert_true (enlace_label_layout_init_preset (&l, "5160", &error));
  g_assert_cmpuint (enlace_label_layout_per_page (&l), ==, 30);
  enlace_label_layout_cell_rect (&l, 29, &r);
  assert_mm (r.x, 4.7625 + 2 * 69.85);
  assert_mm (r.y, 12.7 + 9 * 25.4);
  assert_mm (r.width, 66.675);
  enlace_label_layout_clear (&l);

  g_assert_false (enlace_label_layout_init_preset (&l, "L9999", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "L9999"));
}

static void
test_grid (void)
{
  EnlaceLabelLayout l = { 0 };
  g_autoptr(GError) error = NULL;
  EnlaceLabelRect r;

  /* defaults: 10 mm margins, the grid fills the page */
  g_assert_true (enlace_label_layout_init_grid (&l, "A4", 10, 4, -1, -1, -1, -1, -1, -1, &error));
  g_assert_no_error (error);
  enlace_label_layout_cell_rect (&l, 5, &r);   /* row 1, column 1 */
  assert_mm (r.x, 10 + 47.5);
  assert_mm (r.y, 10 + 27.7);
  assert_mm (r.width, 47.5);
  assert_mm (r.height, 27.7);
  enlace_label_layout_clear (&l);

  /* margins, pitch and size given: gaps between labels */
  g_assert_true (enlace_label_layout_init_grid (&l, "Letter", 5, 2, 12.7, 4, 105, 50.8, 100, 50, &error));
  enlace_label_layout_cell_rect (&l, 9, &r);
  assert_mm (r.x, 4 + 105);
  assert_mm (r.y, 12.7 + 4 * 50.8);
  assert_mm (r.width, 100);
  assert_mm (r.height, 50);
  assert_mm (l.page_width, 215.9);
  enlace_label_layout_clear (&l);

  /* refusals change nothing */
  g_assert_true (enlace_label_layout_init_preset (&l, "L7163", &error));
  g_assert_false (enlace_label_layout_init_grid (&l, "A4", 2, 2, 10, 10, 50, 50, 60, 40, &error));
  g_assert_nonnull (strstr (error->message, "overlap"));
  g_assert_cmpstr (l.name, ==, "L7163");
  g_clear_error (&error);
  g_assert_false (enlace_label_layout_init_grid (&l, "A4", 8, 2, 10, 10, 100, 40, -1, -1, &error));
  g_assert_nonnull (strstr (error->message, "does not fit"));
  g_clear_error (&error);
  g_assert_false (enlace_label_layout_init_grid (&l, "A5", 2, 2, -1, -1, -1, -1, -1, -1, &error));
  g_assert_nonnull (strstr (error->message, "A5"));
  g_clear_error (&error);
  g_assert_false (enlace_label_layout_init_grid (&l, "A4", 0, 2, -1, -1, -1, -1, -1, -1, &error));
  g_clear_error (&error);
  g_assert_cmpstr (l.name, ==, "L7163");
  enlace_label_layout_clear (&l);
}

/* A half-used sheet: starting at cell 16 of 21, labels 0–4 fill cells
 * 16–20 of page 0, label 5 is cell 0 of page 1. */
static void
test_start (void)
{
  EnlaceLabelLayout l = { 0 };
  guint page, cell;

  g_assert_true (enlace_label_layout_init_preset (&l, "L7160", NULL));
  enlace_label_layout_place (&l, 16, 0, &page, &cell);
  g_assert_cmpuint (page, ==, 0);
  g_assert_cmpuint (cell, ==, 16);
  enlace_label_layout_place (&l, 16, 4, &page, &cell);
  g_assert_cmpuint (page, ==, 0);
  g_assert_cmpuint (cell, ==, 20);
  enlace_label_layout_place (&l, 16, 5, &page, &cell);
  g_assert_cmpuint (page, ==, 1);
  g_assert_cmpuint (cell, ==, 0);
  g_assert_cmpuint (enlace_label_layout_n_pages (&l, 16, 5), ==, 1);
  g_assert_cmpuint (enlace_label_layout_n_pages (&l, 16, 6), ==, 2);
  g_assert_cmpuint (enlace_label_layout_n_pages (&l, 0, 42), ==, 2);
  g_assert_cmpuint (enlace_label_layout_n_pages (&l, 0, 43), ==, 3);
  g_assert_cmpuint (enlace_label_layout_n_pages (&l, 0, 0), ==, 0);
  /* a start beyond the sheet is the first cell */
  enlace_label_layout_place (&l, 21, 0, &page, &cell);
  g_assert_cmpuint (cell, ==, 0);
  enlace_label_layout_clear (&l);
}

static void
test_tape (void)
{
  EnlaceLabelLayout l = { 0 };
  g_autoptr(GError) error = NULL;
  guint page, cell;

  g_assert_true (enlace_label_layout_init_tape (&l, 12, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_label_layout_per_page (&l), ==, 1);
  /* one label per page, whatever the start */
  enlace_label_layout_place (&l, 5, 7, &page, &cell);
  g_assert_cmpuint (page, ==, 7);
  g_assert_cmpuint (cell, ==, 0);
  g_assert_cmpuint (enlace_label_layout_n_pages (&l, 0, 9), ==, 9);
  enlace_label_layout_clear (&l);

  g_assert_false (enlace_label_layout_init_tape (&l, 3, 0, &error));
  g_assert_nonnull (strstr (error->message, "3.0 mm"));
  g_assert_null (l.name);
}

/* --- the labels of a campus ---------------------------------------- */

typedef struct
{
  EnlaceStore *store;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EnlaceGenerateOptions opts;

  f->store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = 2;
  opts.floors = 2;
  opts.outlets_per_floor = 6;
  opts.seed = 1;
  g_assert_true (enlace_generate (f->store, &opts, NULL, &error));
  g_assert_no_error (error);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
test_cable_labels (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) cables = enlace_store_list (f->store, "cable", 0, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  EnlaceLabelScope scope = { 0 };
  guint n_cables = enlace_store_count (f->store, "cable");

  g_assert_cmpuint (n_cables, >, 0);
  labels = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_CABLE, NULL, &error);
  g_assert_no_error (error);
  /* both ends */
  g_assert_cmpuint (labels->len, ==, 2 * n_cables);
  for (guint i = 0; i < labels->len; i += 2)
    {
      EnlaceLabel *a = g_ptr_array_index (labels, i);
      EnlaceLabel *b = g_ptr_array_index (labels, i + 1);

      g_assert_cmpint (a->object_id, ==, b->object_id);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpstr (a->qr, ==, a->text);
      g_assert_true (g_str_has_prefix (a->detail, "A: "));
      g_assert_true (g_str_has_prefix (b->detail, "B: "));
      g_assert_nonnull (strstr (a->detail, "→"));
    }

  /* chosen: the second cable's two labels, its label text */
  {
    JsonObject *o = g_ptr_array_index (cables, 1);
    gint64 id = json_object_get_int_member (o, "id");
    g_autoptr(GPtrArray) two = NULL;
    EnlaceLabel *l;

    g_array_append_val (ids, id);
    scope.ids = ids;
    two = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_CABLE, &scope, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (two->len, ==, 2);
    l = g_ptr_array_index (two, 0);
    g_assert_cmpstr (l->text, ==, json_object_get_string_member (o, "label"));
  }

  /* an id that is no cable: refused, named */
  g_array_set_size (ids, 0);
  {
    gint64 bad = 999999;
    g_autoptr(GPtrArray) none = NULL;

    g_array_append_val (ids, bad);
    none = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_CABLE, &scope, &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "999999"));
  }
}

static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) floor = NULL;
  g_autoptr(GPtrArray) racks = NULL;
  g_autoptr(GPtrArray) floors = enlace_store_list (f->store, "floor", 0, &error);
  EnlaceLabelScope scope = { 0 };

  all = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_FACEPLATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 0);
  scope.floor_id = json_object_get_int_member (g_ptr_array_index (floors, 0), "id");
  floor = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_FACEPLATE, &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (floor->len, >, 0);
  g_assert_cmpuint (floor->len, <, all->len);
  for (guint i = 0; i < floor->len; i++)
    {
      EnlaceLabel *l = g_ptr_array_index (floor, i);

      g_assert_cmpint (l->kind, ==, ENLACE_LABEL_KIND_FACEPLATE);
      g_assert_nonnull (l->cells);
      g_assert_cmpuint (l->cells->len, >, 0);
      g_assert_null (l->qr);
    }

  /* a rack: its patch panels' strips, one cell per front port */
  racks = enlace_store_list (f->store, "rack", 0, &error);
  g_assert_cmpuint (racks->len, >, 0);
  memset (&scope, 0, sizeof scope);
  scope.rack_id = json_object_get_int_member (g_ptr_array_index (racks, 0), "id");
  {
    g_autoptr(GPtrArray) strips = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_PANEL, &scope, &error);
    g_autoptr(GPtrArray) devices = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_DEVICE, &scope, &error);
    g_autoptr(GPtrArray) rack = enlace_labels_collect (f->store, ENLACE_LABEL_KIND_RACK, &scope, &error);
    gboolean some_cabled = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (strips->len, >, 0);
    for (guint i = 0; i < strips->len; i++)
      {
        EnlaceLabel *l = g_ptr_array_index (strips, i);

        g_assert_cmpuint (l->cells->len, >, 0);
        for (guint c = 0; c < l->cells->len; c++)
          some_cabled |= ((EnlaceLabelCell *) g_ptr_array_index (l->cells, c))->detail[0] != '\0';
      }
    g_assert_true (some_cabled);
    g_assert_cmpuint (devices->len, >=, strips->len);
    g_assert_cmpuint (rack->len, ==, 1);
    g_assert_cmpstr (((EnlaceLabel *) g_ptr_array_index (rack, 0))->text, ==,
                     json_object_get_string_member (g_ptr_array_index (racks, 0), "name"));
  }
}

/* A patch panel's strip asked for a device that is not one: refused. */
static void
test_wrong_device (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = enlace_store_list (f->store, "device", 0, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  EnlaceLabelScope scope = { 0 };
  EnlaceLabelKind kind;

  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *o = g_ptr_array_index (devices, i);
      const char *role = json_object_get_string_member (o, "role");
      gint64 id = json_object_get_int_member (o, "id");

      g_assert_true (enlace_labels_kind_for (f->store, "device", id, &kind));
      if (g_strcmp0 (role, "patch-panel") == 0)
        g_assert_cmpint (kind, ==, ENLACE_LABEL_KIND_PANEL);
      else if (g_strcmp0 (role, "outlet") == 0)
        g_assert_cmpint (kind, ==, ENLACE_LABEL_KIND_FACEPLATE);
      else
        {
          g_assert_cmpint (kind, ==, ENLACE_LABEL_KIND_DEVICE);
          if (ids->len == 0)
            g_array_append_val (ids, id);
        }
    }
  g_assert_cmpuint (ids->len, ==, 1);
  scope.ids = ids;
  g_assert_null (enlace_labels_collect (f->store, ENLACE_LABEL_KIND_PANEL, &scope, &error));
  g_assert_nonnull (strstr (error->message, "not a patch panel"));
  g_clear_error (&error);
  g_assert_null (enlace_labels_collect (f->store, ENLACE_LABEL_KIND_FACEPLATE, &scope, &error));
  g_assert_nonnull (strstr (error->message, "not an outlet"));
  g_assert_false (enlace_labels_kind_for (f->store, "person", 0, &kind));
}

static void
test_kind_names (void)
{
  for (guint i = 0; i < ENLACE_LABEL_N_KINDS; i++)
    {
      EnlaceLabelKind k;

      g_assert_true (enlace_label_kind_from_string (enlace_label_kind_to_string (i), &k));
      g_assert_cmpint (k, ==, i);
      g_assert_nonnull (enlace_label_kind_title (i));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/labels/presets", test_presets);
  g_test_add_func ("/model/labels/l7160-cells", test_l7160_cells);
  g_test_add_func ("/model/labels/grid", test_grid);
  g_test_add_func ("/model/labels/start", test_start);
  g_test_add_func ("/model/labels/tape", test_tape);
  g_test_add_func ("/model/labels/kind-names", test_kind_names);
  g_test_add ("/model/labels/cable", Fixture, NULL, setup, test_cable_labels, teardown);
  g_test_add ("/model/labels/scope", Fixture, NULL, setup, test_scope, teardown);
  g_test_add ("/model/labels/wrong-device", Fixture, NULL, setup, test_wrong_device, teardown);

  return g_test_run ();
}
