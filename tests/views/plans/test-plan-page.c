/* test-plan-page.c: the floor-plan editor on the demo campus, under Xvfb */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

#include "enlace-demo.h"
#include "enlace-plan-page.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"

typedef struct
{
  EnlaceStore *store;
  GtkWidget   *page;
  GtkWidget   *window;
  gint64       floor_id;
  char        *message;
} Fixture;

static EnlaceStore *demo;

static void
on_message (EnlacePage *page,
            const char *text,
            Fixture    *f)
{
  g_free (f->message);
  f->message = g_strdup (text);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-plan-page-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.enlace", NULL);

  /* A private copy of the demo campus for each test. */
  g_assert_true (enlace_store_save_copy (demo, path, &error));
  f->store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->floor_id = enlace_store_lookup (f->store, "floor", "A/1", &error);
  g_assert_no_error (error);

  f->page = g_object_new (ENLACE_TYPE_PLAN_PAGE, NULL);
  g_signal_connect (f->page, "show-message", G_CALLBACK (on_message), f);
  enlace_page_set_store (ENLACE_PAGE (f->page), f->store);
  enlace_page_set_object (ENLACE_PAGE (f->page), "plan/floor", f->floor_id);
  f->window = enlace_test_window (f->page, 1280, 800);
  enlace_test_spin (200);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  enlace_test_spin (50);
  g_clear_object (&f->store);
  g_free (f->message);
}

static EnlacePlanCanvas *
canvas_of (Fixture *f)
{
  return enlace_plan_page_get_canvas (ENLACE_PLAN_PAGE (f->page));
}

static void
test_shows_floor (Fixture       *f,
                  gconstpointer  data)
{
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (canvas_of (f));
  guint outlets = 0, walls = 0, pathways = 0;

  g_assert_nonnull (scene);
  g_assert_cmpstr (enlace_page_get_title (ENLACE_PAGE (f->page)), !=, NULL);
  g_assert_nonnull (strstr (enlace_page_get_title (ENLACE_PAGE (f->page)), scene->floor_name));
  for (guint i = 0; i < scene->items->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, i);

      outlets += item->kind == ENLACE_PLAN_ITEM_DEVICE && g_strcmp0 (item->type, "outlet") == 0;
      walls += item->kind == ENLACE_PLAN_ITEM_WALL;
      pathways += item->kind == ENLACE_PLAN_ITEM_PATHWAY;
    }
  g_assert_cmpuint (outlets, >, 10);
  g_assert_cmpuint (walls, >, 5);
  g_assert_cmpuint (pathways, >=, 2);
  g_assert_cmpuint (scene->routes->len, >, 0);
  g_assert_true (enlace_page_can_print (ENLACE_PAGE (f->page)));
  enlace_test_screenshot (f->page, "plan-page.png");
}

static void
test_place_outlet_and_undo (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EnlacePlanCanvas *canvas = canvas_of (f);
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (canvas);
  guint before = enlace_store_count (f->store, "device");
  EnlacePlanItem *room = NULL;
  GPtrArray *selection;
  EnlacePoint c;

  for (guint i = 0; i < scene->items->len && room == NULL; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, i);

      if (item->kind == ENLACE_PLAN_ITEM_SPACE && g_strcmp0 (item->type, "classroom") == 0)
        room = item;
    }
  g_assert_nonnull (room);
  c = enlace_polygon_centroid ((EnlacePoint *)room->points->data, room->points->len);

  enlace_plan_canvas_set_tool (canvas, ENLACE_PLAN_TOOL_OUTLET);
  enlace_plan_canvas_set_outlet_jacks (canvas, 2, 1);
  enlace_plan_canvas_click_at (canvas, c, 0, 1);
  g_assert_cmpuint (enlace_store_count (f->store, "device"), ==, before + 1);
  selection = enlace_plan_canvas_get_selection (canvas);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_cmpuint (((EnlacePlanItem *)g_ptr_array_index (selection, 0))->jacks->len, ==, 3);

  /* Outside every room: the model refuses and says why. */
  enlace_plan_canvas_click_at (canvas, (EnlacePoint) { -50, -50 }, 0, 1);
  g_assert_cmpuint (enlace_store_count (f->store, "device"), ==, before + 1);
  g_assert_nonnull (f->message);
  g_assert_nonnull (strstr (f->message, "space"));

  g_assert_true (enlace_store_undo (f->store, &error));
  g_assert_cmpuint (enlace_store_count (f->store, "device"), ==, before);
}

static void
test_draw_wall_and_pathway (Fixture       *f,
                            gconstpointer  data)
{
  EnlacePlanCanvas *canvas = canvas_of (f);
  guint walls = enlace_store_count (f->store, "wall");
  guint ways = enlace_store_count (f->store, "pathway");

  enlace_plan_canvas_set_snap (canvas, FALSE);
  enlace_plan_canvas_set_tool (canvas, ENLACE_PLAN_TOOL_WALL);
  enlace_plan_canvas_click_at (canvas, (EnlacePoint) { 1, 30 }, 0, 1);
  enlace_plan_canvas_click_at (canvas, (EnlacePoint) { 11, 30.2 }, GDK_SHIFT_MASK, 1);
  enlace_plan_canvas_finish (canvas);
  g_assert_cmpuint (enlace_store_count (f->store, "wall"), ==, walls + 1);

  enlace_plan_canvas_set_tool (canvas, ENLACE_PLAN_TOOL_PATHWAY);
  enlace_plan_canvas_set_pathway_kind (canvas, "conduit", 3.0);
  enlace_plan_canvas_click_at (canvas, (EnlacePoint) { 1, 32 }, 0, 1);
  enlace_plan_canvas_click_at (canvas, (EnlacePoint) { 6, 32 }, 0, 1);
  enlace_plan_canvas_click_at (canvas, (EnlacePoint) { 6, 36 }, 0, 2);
  g_assert_cmpuint (enlace_store_count (f->store, "pathway"), ==, ways + 1);

  /* A line of one point is refused with a message, nothing created. */
  enlace_plan_canvas_click_at (canvas, (EnlacePoint) { 2, 40 }, 0, 1);
  enlace_plan_canvas_finish (canvas);
  g_assert_cmpuint (enlace_store_count (f->store, "pathway"), ==, ways + 1);
  g_assert_nonnull (f->message);
}

static void
test_select_move_copy_delete (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EnlacePlanCanvas *canvas = canvas_of (f);
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (canvas);
  EnlacePlanItem *outlet = NULL;
  g_autoptr(JsonObject) after = NULL;
  gint64 id;
  EnlacePoint p;
  guint devices;

  for (guint i = 0; i < scene->items->len && outlet == NULL; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, i);

      if (item->kind == ENLACE_PLAN_ITEM_DEVICE && g_strcmp0 (item->type, "outlet") == 0)
        outlet = item;
    }
  g_assert_nonnull (outlet);
  id = outlet->id;
  p = g_array_index (outlet->points, EnlacePoint, 0);

  enlace_plan_canvas_set_snap (canvas, FALSE);
  enlace_plan_canvas_set_tool (canvas, ENLACE_PLAN_TOOL_SELECT);
  enlace_plan_canvas_click_at (canvas, p, 0, 1);
  g_assert_cmpuint (enlace_plan_canvas_get_selection (canvas)->len, ==, 1);

  enlace_plan_canvas_drag (canvas, p, (EnlacePoint) { p.x + 0.5, p.y }, 0);
  after = enlace_store_get (f->store, "device", id, &error);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (after, "x"), p.x + 0.5, 1e-6);

  /* Copy and paste: a new outlet a metre away, selected. */
  devices = enlace_store_count (f->store, "device");
  enlace_plan_canvas_copy (canvas);
  enlace_plan_canvas_paste (canvas);
  g_assert_cmpuint (enlace_store_count (f->store, "device"), ==, devices + 1);
  g_assert_cmpuint (enlace_plan_canvas_get_selection (canvas)->len, ==, 1);
  g_assert_cmpint (((EnlacePlanItem *)g_ptr_array_index (enlace_plan_canvas_get_selection (canvas), 0))->id, !=, id);

  enlace_plan_canvas_delete_selection (canvas);
  g_assert_cmpuint (enlace_store_count (f->store, "device"), ==, devices);

  /* Rubber band over the whole floor selects many things (the scene was
   * reloaded by each edit). */
  scene = enlace_plan_canvas_get_scene (canvas);
  enlace_plan_canvas_drag (canvas, (EnlacePoint) { scene->extent.x1 - 1, scene->extent.y1 - 1 },
                           (EnlacePoint) { scene->extent.x2 + 1, scene->extent.y2 + 1 }, 0);
  g_assert_cmpuint (enlace_plan_canvas_get_selection (canvas)->len, >, 20);
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  EnlacePlanCanvas *canvas = canvas_of (f);
  EnlacePlanScene *scene = enlace_plan_canvas_get_scene (canvas);
  EnlacePlanItem *outlet = NULL;
  const EnlaceViewport *vp;

  for (guint i = scene->items->len; i > 0 && outlet == NULL; i--)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, i - 1);

      if (item->kind == ENLACE_PLAN_ITEM_DEVICE && g_strcmp0 (item->type, "outlet") == 0)
        outlet = item;
    }
  g_assert_true (enlace_plan_page_find (ENLACE_PLAN_PAGE (f->page), outlet->name));
  vp = enlace_plan_canvas_get_viewport (canvas);
  g_assert_cmpfloat (fabs (vp->centre_x - (outlet->bounds.x1 + outlet->bounds.x2) / 2), <, 1e-6);
  g_assert_false (enlace_plan_page_find (ENLACE_PLAN_PAGE (f->page), "no-such-outlet"));
  g_assert_nonnull (f->message);
}

static char *
write_png (int w,
           int h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  char *path = NULL;
  int fd = g_file_open_tmp ("enlace-plano-XXXXXX.png", &path, NULL);

  close (fd);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_set_line_width (cr, 4);
  cairo_rectangle (cr, 50, 50, w - 100, h - 100);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static void
test_background_calibrate (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = write_png (2000, 1000);
  g_autoptr(GFile) file = g_file_new_for_path (png);
  EnlacePlanCanvas *canvas = canvas_of (f);
  EnlacePlanScene *scene;
  gint64 plan;

  g_assert_true (enlace_plan_page_load_background (ENLACE_PLAN_PAGE (f->page), file, 0, &error));
  g_assert_no_error (error);
  plan = enlace_store_lookup (f->store, "floor-plan", "A/1", &error);
  g_assert_cmpint (plan, >, 0);
  scene = enlace_plan_canvas_get_scene (canvas);
  g_assert_cmpint (scene->attachment_id, >, 0);

  /* 2000 px across are 50 m: 0.025 m per pixel. */
  g_assert_true (enlace_plan_page_calibrate (ENLACE_PLAN_PAGE (f->page), 0, 500, 2000, 500, 50, &error));
  g_assert_no_error (error);
  scene = enlace_plan_canvas_get_scene (canvas);
  g_assert_cmpfloat_with_epsilon (scene->scale, 0.025, 1e-9);
  enlace_test_screenshot (f->page, "plan-page-background.png");

  /* Along the other axis, 1000 px measured as 28 m: 12 % stretched. */
  g_assert_true (enlace_plan_page_calibrate (ENLACE_PLAN_PAGE (f->page), 1000, 0, 1000, 1000, 28, &error));
  g_assert_nonnull (f->message);
  g_assert_nonnull (strstr (f->message, "%"));

  g_assert_false (enlace_plan_page_calibrate (ENLACE_PLAN_PAGE (f->page), 5, 5, 5, 5, 3, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_unlink (png);
}

static void
test_export_and_print (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-plan-export-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "planta.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "impreso.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GtkPrintOperation) op = NULL;
  PopplerDocument *doc;
  PopplerPage *page;
  double w, h;

  enlace_plan_page_set_print_scale (ENLACE_PLAN_PAGE (f->page), 100, "A3");
  g_assert_true (enlace_plan_page_export (ENLACE_PLAN_PAGE (f->page), pdf, "pdf", &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (pdf, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 420 * 72 / 25.4, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 297 * 72 / 25.4, 0.5);
  g_object_unref (page);
  g_object_unref (doc);

  op = enlace_page_create_print_operation (ENLACE_PAGE (f->page));
  g_assert_nonnull (op);
  gtk_print_operation_set_export_filename (op, printed);
  g_assert_cmpint (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (printed, G_FILE_TEST_EXISTS));
}

/* The sample architect's plan of the demo (data/demo), loaded and
 * calibrated as docs/cli-plan.md tells a user: the 35.00 m dimension line
 * runs from pixel (300,100) to (2050,100); the building's corner is pixel
 * (300,200), so the image's corner lies at (-6,-4) m. */
static void
test_architect_plan (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                "plano-edificio-a-planta-1.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (svg);
  g_autoptr(JsonObject) values = json_object_new ();
  EnlacePlanCanvas *canvas = canvas_of (f);
  EnlacePlanScene *scene;
  gint64 plan;

  g_assert_true (enlace_plan_page_load_background (ENLACE_PLAN_PAGE (f->page), file, 0, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_plan_page_calibrate (ENLACE_PLAN_PAGE (f->page), 300, 100, 2050, 100, 35, &error));
  g_assert_no_error (error);
  plan = enlace_store_lookup (f->store, "floor-plan", "A/1", &error);
  g_assert_cmpint (plan, >, 0);
  json_object_set_double_member (values, "origin_x", -6);
  json_object_set_double_member (values, "origin_y", -4);
  json_object_set_double_member (values, "opacity", 0.55);
  g_assert_true (enlace_store_update (f->store, "floor-plan", plan, values, &error));
  g_assert_no_error (error);
  enlace_test_spin (300);

  scene = enlace_plan_canvas_get_scene (canvas);
  g_assert_cmpfloat_with_epsilon (scene->scale, 0.02, 1e-9);
  /* the image is 2350 × 1400 px: 47 × 28 m */
  g_assert_cmpint (scene->attachment_id, >, 0);
  enlace_test_screenshot (f->page, "plan-page-architect.png");

  /* and printed at 1:100 on A3 over the architect's drawing */
  {
    g_autofree char *sheet = enlace_test_screenshot_path ("plan-sheet-architect.png");

    enlace_plan_page_set_print_scale (ENLACE_PLAN_PAGE (f->page), 100, "A3");
    g_assert_true (enlace_plan_page_export (ENLACE_PLAN_PAGE (f->page), sheet, "png", &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (sheet, G_FILE_TEST_IS_REGULAR));
  }
}

/* Spins until the canvas draws a frame after @frames (or 5 s pass);
 * returns the frame count. */
static guint
wait_frame (EnlacePlanCanvas *canvas,
            guint             frames)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint now = frames;

  while (now <= frames && g_get_monotonic_time () < deadline)
    {
      enlace_test_spin (20);
      enlace_plan_canvas_get_render_counts (canvas, NULL, &now);
    }
  return now;
}

/* Spins until the canvas has drawn no frame for 300 ms (or 5 s pass), so
 * that the window's own settling (allocation, a late fit) is over before a
 * test counts renders; returns the frame count. */
static guint
settle (EnlacePlanCanvas *canvas)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gint64 quiet_since = g_get_monotonic_time ();
  guint last, now;

  enlace_plan_canvas_get_render_counts (canvas, NULL, &last);
  while (g_get_monotonic_time () < deadline
         && g_get_monotonic_time () - quiet_since < 300 * 1000)
    {
      enlace_test_spin (20);
      enlace_plan_canvas_get_render_counts (canvas, NULL, &now);
      if (now != last)
        {
          last = now;
          quiet_since = g_get_monotonic_time ();
        }
    }
  return last;
}

static guint
scene_renders (EnlacePlanCanvas *canvas)
{
  guint renders;

  enlace_plan_canvas_get_render_counts (canvas, &renders, NULL);
  return renders;
}

static void
test_hover_keeps_scene (Fixture       *f,
                        gconstpointer  data)
{
  EnlacePlanCanvas *canvas = canvas_of (f);
  EnlacePlanScene *scene;
  EnlacePlanItem *outlet = NULL;
  guint renders, frames;
  gint64 outlet_id;

  /* The test moves the pointer itself: the real one of a shared X display
   * (other GUI tests run beside this one) must not reach the canvas. */
  gtk_widget_set_can_target (GTK_WIDGET (canvas), FALSE);
  wait_frame (canvas, 0);
  frames = settle (canvas);
  renders = scene_renders (canvas);
  g_assert_cmpuint (renders, >, 0);
  scene = enlace_plan_canvas_get_scene (canvas);

  for (guint i = 0; i < scene->items->len && outlet == NULL; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, i);

      if (item->kind == ENLACE_PLAN_ITEM_DEVICE && g_strcmp0 (item->type, "outlet") == 0)
        outlet = item;
    }
  g_assert_nonnull (outlet);
  outlet_id = outlet->id;

  /* The pointer over an outlet outlines it: a new frame, the same plan. */
  enlace_plan_canvas_pointer_at (canvas, g_array_index (outlet->points, EnlacePoint, 0));
  frames = wait_frame (canvas, frames);
  g_assert_true (enlace_plan_canvas_get_style (canvas)->hover == outlet);
  g_assert_cmpuint (scene_renders (canvas), ==, renders);
  enlace_test_screenshot (f->page, "plan-page-hover.png");

  /* Elsewhere, then a selection: still the same plan, in new frames. */
  frames = settle (canvas);
  renders = scene_renders (canvas);
  enlace_plan_canvas_pointer_at (canvas, (EnlacePoint) { -5, -5 });
  frames = wait_frame (canvas, frames);
  g_assert_null (enlace_plan_canvas_get_style (canvas)->hover);
  enlace_plan_canvas_select (canvas, ENLACE_PLAN_ITEM_DEVICE, outlet_id);
  frames = wait_frame (canvas, frames);
  g_assert_cmpuint (scene_renders (canvas), ==, renders);

  /* Zooming, a change of layers or an edit of the plan draw it again,
   * once each (the edit reloads the scene: @outlet is gone with the old
   * one). */
  frames = settle (canvas);
  renders = scene_renders (canvas);
  enlace_plan_canvas_zoom (canvas, 1.25);
  frames = wait_frame (canvas, frames);
  g_assert_cmpuint (scene_renders (canvas), ==, renders + 1);

  frames = settle (canvas);
  renders = scene_renders (canvas);
  enlace_plan_canvas_set_layers (canvas, enlace_plan_canvas_get_layers (canvas) & ~ENLACE_PLAN_LAYER_LABELS);
  frames = wait_frame (canvas, frames);
  g_assert_cmpuint (scene_renders (canvas), ==, renders + 1);

  frames = settle (canvas);
  renders = scene_renders (canvas);
  enlace_plan_canvas_delete_selection (canvas);
  g_assert_null (enlace_plan_scene_find (enlace_plan_canvas_get_scene (canvas), ENLACE_PLAN_ITEM_DEVICE, outlet_id));
  wait_frame (canvas, frames);
  g_assert_cmpuint (scene_renders (canvas), ==, renders + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");

  /* ENLACE_LOCALEDIR=BUILD/po LANGUAGE=es: the screenshots in Spanish */
  if (localedir)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  enlace_views_init ();

  demo = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (demo, &error));
  g_assert_no_error (error);

  g_test_add ("/views/plan-page/shows-floor", Fixture, NULL, setup, test_shows_floor, teardown);
  g_test_add ("/views/plan-page/place-outlet-undo", Fixture, NULL, setup, test_place_outlet_and_undo, teardown);
  g_test_add ("/views/plan-page/draw-wall-pathway", Fixture, NULL, setup, test_draw_wall_and_pathway, teardown);
  g_test_add ("/views/plan-page/select-move-copy-delete", Fixture, NULL, setup, test_select_move_copy_delete, teardown);
  g_test_add ("/views/plan-page/find", Fixture, NULL, setup, test_find, teardown);
  g_test_add ("/views/plan-page/background-calibrate", Fixture, NULL, setup, test_background_calibrate, teardown);
  g_test_add ("/views/plan-page/export-print", Fixture, NULL, setup, test_export_and_print, teardown);
  g_test_add ("/views/plan-page/architect-plan", Fixture, NULL, setup, test_architect_plan, teardown);
  g_test_add ("/views/plan-page/hover-keeps-scene", Fixture, NULL, setup, test_hover_keeps_scene, teardown);

  {
    int ret = g_test_run ();
    g_clear_object (&demo);
    return ret;
  }
}
