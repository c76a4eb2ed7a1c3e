/* test-bom-laptop.c: the bill of materials page fits a laptop's window
 * of 1024×700 with the sidebar shown (the audit found it forced the
 * window to 1329 px): the window does not grow past 1024 px, its minimum
 * width is within it, whatever the scope (the campus, a building, a
 * planned design with its long cost line), and the sheet scrolls
 * sideways rather than widen the window.  Under Xvfb, in Spanish (run by
 * meson with LANGUAGE=es: the longer words).  Screenshot:
 * BUILD_DIR/screenshots/bom-laptop.png (and -wide-sidebar.png). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "enlace-application.h"
#include "enlace-bom-page.h"
#include "enlace-demo.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-window-private.h"

#define LAPTOP_WIDTH  1024
#define LAPTOP_HEIGHT 700

static EnlaceApplication *app;

static void
check_fits (EnlaceWindow *window,
            const char   *name)
{
  int min_w = 0;

  enlace_test_spin (200);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  g_test_message ("%s: minimum width %d, shown %d×%d", name, min_w,
                  gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_visible (gtk_paned_get_start_child (window->paned)));
  g_assert_cmpint (min_w, <=, LAPTOP_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, LAPTOP_WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, LAPTOP_HEIGHT);
}

static void
test_fits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = enlace_demo_ensure_file (&error);
  EnlaceWindow *window;
  EnlaceBomPage *page;
  cairo_surface_t *shot;

  g_assert_no_error (error);
  window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), LAPTOP_WIDTH, LAPTOP_HEIGHT);
  g_assert_true (enlace_window_open_path (window, demo, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));

  enlace_window_show_object (window, "bom", 0);
  page = ENLACE_BOM_PAGE (enlace_window_get_visible_page (window));
  g_assert_true (ENLACE_IS_BOM_PAGE (page));
  check_fits (window, "campus");
  enlace_bom_page_set_scope (page, "A", NULL, FALSE);
  check_fits (window, "building A");
  /* the planned design: every line unpriced, the longest cost line */
  enlace_bom_page_set_scope (page, "C", NULL, TRUE);
  check_fits (window, "building C, design only");
  enlace_bom_page_set_scope (page, "C", "1", TRUE);
  check_fits (window, "building C floor 1, design only");
  shot = enlace_test_capture (GTK_WIDGET (window));
  enlace_test_save_png (shot, "bom-laptop.png");
  cairo_surface_destroy (shot);

  /* narrower still (the sidebar dragged wide, a half screen): the window
   * keeps its width and the sheet scrolls sideways */
  gtk_paned_set_position (window->paned, 600);
  check_fits (window, "sidebar at 600 px");
  shot = enlace_test_capture (GTK_WIDGET (window));
  enlace_test_save_png (shot, "bom-laptop-wide-sidebar.png");
  cairo_surface_destroy (shot);
  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
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

  g_test_add_func ("/views/bom/laptop", test_fits);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
