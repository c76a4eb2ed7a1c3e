/* test-finding.c: finding and reading (issue 11) on the demo campus, in a
 * window of 1024×700, in Spanish:
 *  - search results say where each object is, and a person found leads
 *    to their page;
 *  - a person's page lists their extensions, the outlets their lines
 *    reach and the devices there;
 *  - an extension opens as a page with its line and its trace;
 *  - "What breaks" explains its numbers, lists the people and extensions
 *    affected, prints (win.print) and exports a PDF with the project's
 *    header;
 *  - printed plans name every outlet at a readable size, and the trace
 *    PDF carries the project, the date and the author.
 * PDFs are read back with poppler.  Screenshots go to
 * BUILD_DIR/screenshots/finding-*.png. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-demo.h"
#include "enlace-extension-history-view.h"
#include "enlace-extension-page.h"
#include "enlace-impact-view.h"
#include "enlace-person-page.h"
#include "enlace-plan-sheet.h"
#include "enlace-render-trace.h"
#include "enlace-search-page.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-trace-paths.h"
#include "enlace-window-private.h"

#define LAPTOP_WIDTH  1024
#define LAPTOP_HEIGHT 700

static EnlaceApplication *app;
static EnlaceWindow *window;

static EnlaceStore *
store (void)
{
  return enlace_window_get_store (window);
}

/* Waits for two frames drawn after the change (layout and render nodes
 * current), then saves a screenshot as @file. */
static void
shot (const char *file)
{
  GtkWidget *widget = GTK_WIDGET (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gint64 start;

  enlace_test_spin (50);
  g_assert_nonnull (clock);
  start = gdk_frame_clock_get_frame_counter (clock);
  gtk_widget_queue_draw (widget);
  while (gdk_frame_clock_get_frame_counter (clock) < start + 2 &&
         g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  enlace_test_spin (50);
  enlace_test_screenshot (widget, file);
  {
    g_autofree char *path = enlace_test_screenshot_path (file);
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

static void
check_fits (const char *name)
{
  int min_w = 0, min_h = 0;
  g_autofree char *file = g_strdup_printf ("finding-%s.png", name);

  enlace_test_spin (150);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, LAPTOP_WIDTH, &min_h, NULL, NULL, NULL);
  shot (file);
  g_assert_cmpint (min_w, <=, LAPTOP_WIDTH);
  g_assert_cmpint (min_h, <=, LAPTOP_HEIGHT);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, LAPTOP_WIDTH);
}

/* A person of the demo who holds an extension whose line reaches a jack. */
static gint64
person_with_line (gint64 *extension_id)
{
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_get_for_store (store ());
  g_autoptr(GPtrArray) all = enlace_store_list (store (), "extension", 0, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      JsonObject *o = g_ptr_array_index (all, i);
      gint64 id = json_object_get_int_member (o, "id");
      g_autoptr(EnlaceExtensionLine) line = NULL;

      if (json_object_get_null_member (o, "person_id"))
        continue;
      line = enlace_tracer_extension_line (tracer, id, NULL);
      if (line && line->jack_id > 0)
        {
          *extension_id = id;
          return json_object_get_int_member (o, "person_id");
        }
    }
  g_assert_not_reached ();
  return 0;
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append_printf (all, "%s\n", text);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (all, FALSE);
}

/* The text of a PDF with its line breaks turned into spaces (a paragraph
 * is wrapped on paper). */
static char *
pdf_words (const char *path)
{
  g_autofree char *text = pdf_text (path);

  g_strdelimit (text, "\n", ' ');
  return g_steal_pointer (&text);
}

static void
test_search_place (void)
{
  gint64 ext_id, person_id = person_with_line (&ext_id);
  g_autoptr(JsonObject) person = enlace_store_get (store (), "person", person_id, NULL);
  g_autoptr(JsonObject) ext = enlace_store_get (store (), "extension", ext_id, NULL);
  g_autoptr(GPtrArray) racks = enlace_store_list (store (), "rack", 0, NULL);
  EnlaceSearchPage *search;
  gboolean found = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search = ENLACE_SEARCH_PAGE (enlace_window_get_visible_page (window));
  g_assert_true (ENLACE_IS_SEARCH_PAGE (search));

  /* a rack: its building, floor and room */
  enlace_search_page_set_text (search, json_object_get_string_member (g_ptr_array_index (racks, 0), "name"));
  g_assert_cmpuint (enlace_search_page_get_n_results (search), >=, 1);
  g_assert_cmpstr (enlace_search_page_get_kind (search, 0), ==, "rack");
  g_assert_nonnull (enlace_search_page_get_place (search, 0));
  g_assert_nonnull (strstr (enlace_search_page_get_place (search, 0), " › "));

  /* an extension: where its line reaches, jack included */
  enlace_search_page_set_text (search, json_object_get_string_member (ext, "number"));
  g_assert_cmpstr (enlace_search_page_get_kind (search, 0), ==, "extension");
  g_assert_nonnull (enlace_search_page_get_place (search, 0));
  g_assert_nonnull (strstr (enlace_search_page_get_place (search, 0), " › "));

  /* a person: where they are, and their page */
  enlace_search_page_set_text (search, json_object_get_string_member (person, "name"));
  check_fits ("search");
  for (guint i = 0; i < enlace_search_page_get_n_results (search); i++)
    if (g_strcmp0 (enlace_search_page_get_kind (search, i), "person") == 0)
      {
        g_assert_nonnull (enlace_search_page_get_place (search, i));
        g_assert_true (enlace_search_page_activate_result (search, i));
        found = TRUE;
        break;
      }
  g_assert_true (found);
  enlace_test_spin (30);
  g_assert_true (ENLACE_IS_PERSON_PAGE (enlace_window_get_visible_page (window)));
  g_assert_cmpint (enlace_page_get_object_id (enlace_window_get_visible_page (window)), ==, person_id);
}

static void
test_person_page (void)
{
  gint64 ext_id, person_id = person_with_line (&ext_id);
  const EnlacePersonServices *services;
  EnlacePage *page;
  gboolean has_ext = FALSE;

  enlace_window_show_object (window, "person", person_id);
  page = enlace_window_get_visible_page (window);
  g_assert_true (ENLACE_IS_PERSON_PAGE (page));
  services = enlace_person_page_get_services (ENLACE_PERSON_PAGE (page));
  g_assert_nonnull (services);
  g_assert_cmpuint (services->lines->len, >=, 1);
  g_assert_cmpuint (services->outlets->len, >=, 1);
  for (guint i = 0; i < services->lines->len; i++)
    {
      EnlaceExtensionLine *line = g_ptr_array_index (services->lines, i);

      if (line->extension_id == ext_id)
        {
          has_ext = TRUE;
          g_assert_cmpint (line->jack_id, >, 0);
          g_assert_cmpint (line->outlet_id, ==, g_array_index (services->outlets, gint64, 0));
          g_assert_cmpint (line->space_id, >, 0);
        }
    }
  g_assert_true (has_ext);
  check_fits ("person-page");

  /* a phone plugged into the jack of their line is one of their devices */
  {
    EnlaceExtensionLine *line = g_ptr_array_index (services->lines, 0);
    g_autoptr(GError) error = NULL;
    EnlaceTerm a = { ENLACE_TERM_PORT, line->jack_id }, b = { ENLACE_TERM_PORT, 0 };
    gint64 phone;

    g_assert_cmpuint (services->devices->len, ==, 0);
    phone = enlace_test_create (store (), "device", "{\"name\": \"TEL-PRUEBA\", \"role\": \"phone\", \"space_id\": %" G_GINT64_FORMAT "}",
                                line->space_id);
    b.id = enlace_test_create (store (), "port", "{\"device_id\": %" G_GINT64_FORMAT ", \"kind\": \"interface\", \"name\": \"LAN\"}",
                               phone);
    g_assert_cmpint (enlace_store_connect (store (), &a, 1, &b, 1, NULL, &error), >, 0);
    g_assert_no_error (error);
    enlace_test_spin (50);
    services = enlace_person_page_get_services (ENLACE_PERSON_PAGE (page));
    g_assert_cmpuint (services->devices->len, ==, 1);
    g_assert_cmpint (g_array_index (services->devices, gint64, 0), ==, phone);
    line = g_ptr_array_index (services->lines, 0);
    g_assert_cmpint (line->device_id, ==, phone);
    g_assert_cmpint (line->state, ==, ENLACE_PATH_STATE_COMPLETE);
    check_fits ("person-page-phone");
    for (guint i = 0; i < 3; i++)
      {
        g_assert_true (enlace_store_undo (store (), &error));
        g_assert_no_error (error);
      }
  }
  enlace_test_spin (50);
  enlace_window_show_object (window, "person", person_id);
  check_fits ("person-page");
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *w = find_widget (c, type);
      if (w)
        return w;
    }
  return NULL;
}

static void
test_extension_page (void)
{
  gint64 ext_id;
  EnlacePage *page;
  const EnlaceExtensionLine *line;
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_get_for_store (store ());
  g_autofree char *text = NULL;
  g_autofree char *jack = NULL;
  EnlaceTerm term = { ENLACE_TERM_PORT, 0 };

  person_with_line (&ext_id);
  enlace_window_show_object (window, "extension", ext_id);
  page = enlace_window_get_visible_page (window);
  g_assert_true (ENLACE_IS_EXTENSION_PAGE (page));
  line = enlace_extension_page_get_line (ENLACE_EXTENSION_PAGE (page));
  g_assert_nonnull (line);
  g_assert_cmpint (line->extension_id, ==, ext_id);
  g_assert_cmpint (line->pbx_port_id, >, 0);
  g_assert_cmpint (line->jack_id, >, 0);
  g_assert_cmpint (line->state, <, ENLACE_N_PATH_STATES);
  /* its trace is drawn, from the conmutador's port to the jack */
  g_assert_nonnull (enlace_extension_page_get_trace (ENLACE_EXTENSION_PAGE (page)));
  text = enlace_trace_drawing_dup_text (enlace_extension_page_get_trace (ENLACE_EXTENSION_PAGE (page)));
  term.id = line->jack_id;
  jack = enlace_store_dup_term_key (store (), &term);
  g_assert_nonnull (strstr (text, strchr (jack, ':') + 1));
  /* and its status history */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), ENLACE_TYPE_EXTENSION_HISTORY_VIEW));
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (page), ENLACE_TYPE_EXTENSION_HISTORY_VIEW)));
  check_fits ("extension-page");
}

static void
test_impact_print (void)
{
  g_autoptr(GPtrArray) racks = enlace_store_list (store (), "rack", 0, NULL);
  g_autofree char *dir = g_dir_make_tmp ("enlace-impact-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "impact.pdf", NULL);
  g_autofree char *words = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *institution = enlace_store_get_meta (store (), "institution");
  EnlacePage *page = NULL;

  /* the first rack that cuts someone's phone */
  for (guint i = 0; i < racks->len; i++)
    {
      enlace_window_show_object (window, "impact/rack",
                                 json_object_get_int_member (g_ptr_array_index (racks, i), "id"));
      page = enlace_window_get_visible_page (window);
      g_assert_true (ENLACE_IS_IMPACT_VIEW (page));
      if (enlace_impact_view_get_n_people (ENLACE_IMPACT_VIEW (page)) > 0)
        break;
    }
  g_assert_cmpuint (enlace_impact_view_get_n_people (ENLACE_IMPACT_VIEW (page)), >, 0);
  g_assert_cmpuint (enlace_impact_view_get_n_items (ENLACE_IMPACT_VIEW (page)), >, 0);
  /* the numbers are explained */
  g_assert_cmpuint (strlen (enlace_impact_view_get_explanation (ENLACE_IMPACT_VIEW (page))), >, 40);
  check_fits ("impact");

  /* Ctrl+P prints it */
  g_assert_true (enlace_page_can_print (page));
  op = enlace_page_create_print_operation (page);
  g_assert_nonnull (op);
  gtk_print_operation_set_export_filename (op, path);
  g_assert_cmpint (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  words = pdf_words (path);
  g_assert_nonnull (strstr (words, enlace_page_get_title (page)));
  g_clear_pointer (&words, g_free);

  /* and exports a PDF: the header, the title, the explanation, the people */
  g_assert_true (enlace_impact_view_export_pdf (ENLACE_IMPACT_VIEW (page), path, &error));
  g_assert_no_error (error);
  words = pdf_words (path);
  g_assert_nonnull (strstr (words, enlace_page_get_title (page)));
  g_assert_nonnull (strstr (words, institution));
  g_assert_nonnull (strstr (words, today));
  g_assert_nonnull (strstr (words, enlace_store_get_author (store ())));
  g_assert_nonnull (strstr (words, _("People and extensions affected")));
  {
    /* the first sentence of the explanation, as wrapped words */
    g_auto(GStrv) parts = g_strsplit (enlace_impact_view_get_explanation (ENLACE_IMPACT_VIEW (page)), " ", 6);
    g_autofree char *start = g_strjoin (" ", parts[0], parts[1], parts[2], parts[3], parts[4], NULL);

    g_assert_nonnull (strstr (words, start));
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_trace_pdf_header (void)
{
  gint64 ext_id;
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_get_for_store (store ());
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(EnlaceTraceDrawing) drawing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-trace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "trace.pdf", NULL);
  g_autofree char *words = NULL;
  g_autofree char *institution = enlace_store_get_meta (store (), "institution");
  g_autofree char *project = g_path_get_basename (enlace_store_get_path (store ()));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  person_with_line (&ext_id);
  paths = enlace_tracer_trace_object (tracer, "extension", ext_id, &title, &error);
  g_assert_no_error (error);
  drawing = enlace_trace_drawing_new (store (), title, paths, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_trace_drawing_export (drawing, path, TRUE, 1, &error));
  g_assert_no_error (error);
  words = pdf_words (path);
  *strrchr (project, '.') = '\0';
  g_assert_nonnull (strstr (words, institution));
  g_assert_nonnull (strstr (words, project));
  g_assert_nonnull (strstr (words, today));
  g_assert_nonnull (strstr (words, enlace_store_get_author (store ())));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_plan_labels (void)
{
  g_autoptr(GPtrArray) floors = enlace_store_list (store (), "floor", 0, NULL);
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_get_for_store (store ());
  g_autoptr(EnlacePlanScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-plan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *uri = NULL;
  EnlacePlanSheetOptions options;
  PopplerDocument *doc;
  PopplerPage *page;
  guint n_outlets = 0, n_named = 0;

  /* the first floor with outlets, fitted on one A3 sheet (the jacks are
   * then too small for their names on screen) */
  for (guint f = 0; f < floors->len && n_outlets == 0; f++)
    {
      g_clear_pointer (&scene, enlace_plan_scene_unref);
      scene = enlace_plan_scene_load (store (), json_object_get_int_member (g_ptr_array_index (floors, f), "id"),
                                      tracer, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < scene->items->len; i++)
        {
          EnlacePlanItem *item = g_ptr_array_index (scene->items, i);
          n_outlets += item->kind == ENLACE_PLAN_ITEM_DEVICE && g_strcmp0 (item->type, "outlet") == 0;
        }
    }
  g_assert_cmpuint (n_outlets, >, 0);

  enlace_plan_sheet_options_init (&options);
  options.paper = "A3";
  options.landscape = TRUE;
  options.scale = 0;
  g_assert_cmpuint (enlace_plan_export (scene, &options, path, "pdf", 0, &error), ==, 1);
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  for (guint i = 0; i < scene->items->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, i);
      GList *found;

      if (item->kind != ENLACE_PLAN_ITEM_DEVICE || g_strcmp0 (item->type, "outlet") != 0)
        continue;
      found = poppler_page_find_text (page, item->name);
      if (found)
        {
          PopplerRectangle *r = found->data;

          /* readable: at least about 6 points high */
          g_assert_cmpfloat (ABS (r->y2 - r->y1), >=, 5.0);
          n_named++;
        }
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
    }
  g_test_message ("%u of %u outlets named on the sheet", n_named, n_outlets);
  g_assert_cmpuint (n_named, ==, n_outlets);
  g_object_unref (page);
  g_object_unref (doc);
  g_unlink (path);
  g_rmdir (dir);
}

/* The README's screenshots, at 1280×800: docs/screenshots/NAME-es.png
 * are copies of BUILD_DIR/screenshots/NAME-es.png. */
static void
test_readme_shots (void)
{
  gint64 ext_id, person_id = person_with_line (&ext_id);
  g_autoptr(JsonObject) person = enlace_store_get (store (), "person", person_id, NULL);
  g_autoptr(GPtrArray) racks = enlace_store_list (store (), "rack", 0, NULL);
  EnlaceSearchPage *search;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  while (gtk_widget_get_width (GTK_WIDGET (window)) < 1280 && g_get_monotonic_time () < deadline)
    enlace_test_spin (20);
  g_test_message ("window %d×%d", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search = ENLACE_SEARCH_PAGE (enlace_window_get_visible_page (window));
  enlace_search_page_set_text (search, json_object_get_string_member (person, "name"));
  shot ("search-place-es.png");
  enlace_window_show_object (window, "person", person_id);
  shot ("person-page-es.png");
  enlace_window_show_object (window, "extension", ext_id);
  shot ("extension-page-es.png");
  for (guint i = 0; i < racks->len; i++)
    {
      enlace_window_show_object (window, "impact/rack",
                                 json_object_get_int_member (g_ptr_array_index (racks, i), "id"));
      if (enlace_impact_view_get_n_people (ENLACE_IMPACT_VIEW (enlace_window_get_visible_page (window))) > 0)
        break;
    }
  shot ("impact-es.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = NULL;
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ENLACE_LOCALEDIR") ? g_getenv ("ENLACE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  app = enlace_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  demo = enlace_demo_ensure_file (&error);
  g_assert_no_error (error);
  window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), LAPTOP_WIDTH, LAPTOP_HEIGHT);
  g_assert_true (enlace_window_open_path (window, demo, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  enlace_store_set_author (store (), "Ing. Rosa Méndez");

  g_test_add_func ("/views/finding/search-place", test_search_place);
  g_test_add_func ("/views/finding/person-page", test_person_page);
  g_test_add_func ("/views/finding/extension-page", test_extension_page);
  g_test_add_func ("/views/finding/impact-print", test_impact_print);
  g_test_add_func ("/views/finding/trace-pdf-header", test_trace_pdf_header);
  g_test_add_func ("/views/finding/plan-labels", test_plan_labels);
  g_test_add_func ("/views/finding/readme-shots", test_readme_shots);

  ret = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (20);
  g_clear_object (&app);
  return ret;
}
