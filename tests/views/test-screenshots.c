/* test-screenshots.c: every page of the window on the demo campus, saved
 * as PNG to BUILD_DIR/screenshots/window-LANG-NN-page.png so that people
 * can look at them.  Run once per language (LANGUAGE=es, LANGUAGE=en).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-case-order.h"
#include "enlace-case-page.h"
#include "enlace-cases.h"
#include "enlace-demo.h"
#include "enlace-object-form.h"
#include "enlace-search-page.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-window-private.h"
#include "enlace-preferences-window.h"

static EnlaceApplication *app;
static const char *lang;
static guint shot_number;

static void
shot (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  GdkFrameClock *clock;
  gint64 start;
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  g_printerr ("shot %s: page shown after %.2f s\n", name, g_test_timer_elapsed ());
  /* wait for two frames drawn after the change, so that the layout and
   * the render nodes are current */
  enlace_test_spin (50);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  start = gdk_frame_clock_get_frame_counter (clock);
  gtk_widget_queue_draw (widget);
  while (gdk_frame_clock_get_frame_counter (clock) < start + 2 &&
         g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  enlace_test_spin (50);

  file = g_strdup_printf ("window-%s-%02u-%s.png", lang, ++shot_number, name);
  enlace_test_screenshot (widget, file);
  path = enlace_test_screenshot_path (file);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_test_message ("saved %s (%.2f s)", path, g_test_timer_last ());
  g_test_timer_start ();
}

static gint64
first_id (EnlaceStore *store,
          const char  *kind,
          const char  *field,
          const char  *value)
{
  g_autoptr(GPtrArray) all = enlace_store_list (store, kind, 0, NULL);

  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      JsonObject *obj = g_ptr_array_index (all, i);

      if (field == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (obj, field, NULL), value) == 0)
        return json_object_get_int_member (obj, "id");
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_screenshots (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = enlace_demo_ensure_file (&error);
  EnlaceWindow *window;
  EnlaceStore *store;
  EnlacePage *page;
  GtkWidget *prefs;
  g_autoptr(EnlaceStore) empty = NULL;

  g_assert_no_error (error);

  /* the catalogue is really used (ENLACE_LOCALEDIR holds the built .mo) */
  if (strcmp (lang, "es") == 0)
    g_assert_cmpstr (_("Audit Log"), ==, "Bitácora");

  window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  g_assert_true (enlace_window_open_path (window, demo, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  store = enlace_window_get_store (window);

  shot (GTK_WIDGET (window), "site");

  enlace_window_show_object (window, "building", first_id (store, "building", NULL, NULL));
  shot (GTK_WIDGET (window), "building");

  enlace_window_show_object (window, "floor", first_id (store, "floor", NULL, NULL));
  shot (GTK_WIDGET (window), "floor");

  enlace_window_show_object (window, "space", first_id (store, "space", "kind", "telecom-room"));
  shot (GTK_WIDGET (window), "telecom-room");

  enlace_window_show_object (window, "rack", first_id (store, "rack", NULL, NULL));
  shot (GTK_WIDGET (window), "rack");

  enlace_window_show_object (window, "device", first_id (store, "device", "role", "switch"));
  shot (GTK_WIDGET (window), "switch");

  {
    static const char *lists[] = {
      "cable", "outlet", "device", "circuit", "extension", "person", "area", "device-type", "audit",
    };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      {
        g_autofree char *kind = g_strconcat ("list/", lists[i], NULL);
        g_autofree char *name = g_strconcat ("list-", lists[i], NULL);

        enlace_window_show_object (window, kind, 0);
        shot (GTK_WIDGET (window), name);
      }
  }

  /* the search, finding an extension, and the extension it jumps to */
  {
    g_autoptr(GPtrArray) extensions = enlace_store_list (store, "extension", 0, NULL);
    const char *number;

    g_assert_cmpuint (extensions->len, >, 0);
    number = json_object_get_string_member (g_ptr_array_index (extensions, 0), "number");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
    page = enlace_window_get_visible_page (window);
    enlace_search_page_set_text (ENLACE_SEARCH_PAGE (page), number);
    shot (GTK_WIDGET (window), "search");
    g_assert_true (enlace_search_page_activate_result (ENLACE_SEARCH_PAGE (page), 0));
    shot (GTK_WIDGET (window), "extension");
  }

  /* the Atención section: the inbox of open cases, a connection request
   * in progress and the registry of e-mail accounts */
  enlace_window_show_object (window, "cases", 0);
  shot (GTK_WIDGET (window), "cases");
  {
    gint64 case_id = enlace_cases_lookup (store, "CONEX-2026-0005", &error);

    g_assert_no_error (error);
    enlace_window_show_object (window, "case", case_id);
    shot (GTK_WIDGET (window), "case");
  }
  /* a modification order in preparation, and the preview of its impact */
  {
    gint64 order_id = enlace_cases_lookup (store, "MODIF-2026-0002", &error);
    GtkWidget *preview;

    g_assert_no_error (error);
    enlace_window_show_object (window, "case", order_id);
    shot (GTK_WIDGET (window), "order");
    preview = enlace_case_order_show_preview (GTK_WINDOW (window), store, order_id);
    shot (preview, "order-impact");
    gtk_window_destroy (GTK_WINDOW (preview));
  }
  /* a technical opinion: its quotes, the comparison against the
   * requirements and the resolution (scrolled to the quotes) */
  {
    gint64 case_id = enlace_cases_lookup (store, "DICT-2026-0001", &error);
    GtkWidget *section, *scroller;
    graphene_point_t p = GRAPHENE_POINT_INIT (0, 0), at;

    g_assert_no_error (error);
    enlace_window_show_object (window, "case", case_id);
    page = enlace_window_get_visible_page (window);
    section = enlace_case_page_get_quotes_section (ENLACE_CASE_PAGE (page));
    g_assert_true (gtk_widget_get_visible (section));
    scroller = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
    g_assert_nonnull (scroller);
    for (guint i = 0; i < 3; i++)
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

        enlace_test_spin (200);
        {
        GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));

        if (GTK_IS_VIEWPORT (content))
          content = gtk_viewport_get_child (GTK_VIEWPORT (content));
        g_assert_true (gtk_widget_compute_point (section, content, &p, &at));
        gtk_adjustment_set_value (adj, at.y - 12);
        g_test_message ("quotes at %.0f, scrolled to %.0f of %.0f", at.y, gtk_adjustment_get_value (adj),
                        gtk_adjustment_get_upper (adj));
        }
      }
    shot (GTK_WIDGET (window), "opinion-quotes");
  }
  /* an extension whose status changed through a case */
  {
    gint64 ext = enlace_store_lookup (store, "extension", "1007", &error);

    g_assert_no_error (error);
    enlace_window_show_object (window, "extension", ext);
    shot (GTK_WIDGET (window), "extension-history");
  }
  /* a fault report: the traced path of the user's jack, hop by hop, and
   * the common cause it shares (docs/screenshots/fault-report-es.png) */
  {
    gint64 case_id = enlace_cases_lookup (store, "INET-2026-0005", &error);
    GtkWidget *section, *scroller;
    graphene_point_t at;

    g_assert_no_error (error);
    enlace_window_show_object (window, "case", case_id);
    page = enlace_window_get_visible_page (window);
    g_assert_true (ENLACE_IS_CASE_PAGE (page));
    section = enlace_case_page_get_fault_section (ENLACE_CASE_PAGE (page));
    g_assert_true (gtk_widget_get_visible (section));
    enlace_test_spin (100);
    scroller = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
    g_assert_nonnull (scroller);
    /* scroll to the section once the page is laid out (the point is in
     * the viewport's coordinates: it moves with the scroll) */
    for (guint i = 0; i < 3; i++)
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

        g_assert_true (gtk_widget_compute_point (section, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                 &GRAPHENE_POINT_INIT (0, 0), &at));
        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + at.y - 12);
        enlace_test_spin (60);
      }
    shot (GTK_WIDGET (window), "fault-report");
  }
  enlace_window_show_object (window, "email-accounts", 0);
  shot (GTK_WIDGET (window), "email-accounts");

  /* the pages of gui-views, reached through the window (last: some
   * are wider than the window and widen it) */
  enlace_window_show_object (window, "plan/floor", first_id (store, "floor", NULL, NULL));
  shot (GTK_WIDGET (window), "plan");
  enlace_window_show_object (window, "trace/cable", first_id (store, "cable", NULL, NULL));
  shot (GTK_WIDGET (window), "trace");
  enlace_window_show_object (window, "impact/rack", first_id (store, "rack", NULL, NULL));
  shot (GTK_WIDGET (window), "impact");

  /* a form refusing a value, next to its field */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-object", "(sx)",
                                             "building", first_id (store, "site", NULL, NULL)));
  {
    g_autoptr(JsonObject) b = enlace_store_get (store, "building", first_id (store, "building", NULL, NULL), NULL);
    EnlaceObjectForm *form = _enlace_window_get_create_form (window);

    enlace_object_form_set_value (form, "code", json_object_get_string_member (b, "code"));
    enlace_object_form_set_value (form, "name", "Biblioteca Central");
    g_assert_cmpint (_enlace_window_confirm_create (window, NULL), ==, 0);
    shot (GTK_WIDGET (window->create_dialog), "new-building-refused");
    gtk_window_destroy (window->create_dialog);
  }

  prefs = enlace_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  shot (prefs, "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* a new, empty project */
  empty = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  enlace_window_set_store (window, empty);
  shot (GTK_WIDGET (window), "empty-project");

  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");
  int ret;

  setlocale (LC_ALL, "");
  if (localedir)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  lang = g_getenv ("LANGUAGE");
  if (lang == NULL || lang[0] == '\0')
    lang = "en";

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  app = enlace_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/views/screenshots/window", test_screenshots);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
