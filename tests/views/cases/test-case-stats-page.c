/* test-case-stats-page.c: the statistics page (views/cases) under Xvfb on
 * the demo's year of cases: the period chooser, the sheet, the PDF, at
 * 1024 × 700 and 1280 × 800. */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "enlace-case-stats-page.h"
#include "enlace-demo.h"
#include "enlace-test-gtk.h"

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  EnlaceCaseStatsPage *page;
  GtkWidget *window;
  JsonObject *s;
  gint64 year_opened;
  g_autofree char *dir = g_dir_make_tmp ("enlace-stats-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_true (enlace_demo_add_cases (store, &error));
  g_assert_no_error (error);

  page = g_object_new (ENLACE_TYPE_CASE_STATS_PAGE, NULL);
  enlace_page_set_store (ENLACE_PAGE (page), store);
  enlace_page_set_object (ENLACE_PAGE (page), "case-stats", 0);
  window = enlace_test_window (GTK_WIDGET (page), 1024, 700);
  enlace_test_spin (200);
  g_assert_true (enlace_page_can_print (ENLACE_PAGE (page)));

  /* this year (the default) then the last 12 months: never fewer cases */
  enlace_case_stats_page_set_period (page, ENLACE_STATS_THIS_YEAR);
  s = enlace_case_stats_page_get_stats (page);
  g_assert_nonnull (s);
  year_opened = json_object_get_int_member (s, "opened");
  enlace_test_spin (300);
  enlace_test_screenshot (GTK_WIDGET (window), "case-stats-1024x700.png");
  enlace_case_stats_page_set_period (page, ENLACE_STATS_LAST_12_MONTHS);
  s = enlace_case_stats_page_get_stats (page);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (s, "months")), ==, 12);
  enlace_case_stats_page_set_period (page, ENLACE_STATS_THIS_MONTH);
  s = enlace_case_stats_page_get_stats (page);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (s, "months")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (s, "opened"), <=, year_opened);
  enlace_case_stats_page_set_period (page, ENLACE_STATS_THIS_YEAR);

  /* the PDF: one page, a real PDF */
  pdf = g_build_filename (dir, "stats.pdf", NULL);
  g_assert_true (enlace_case_stats_page_export_pdf (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (bytes, "%PDF"));
  g_unlink (pdf);
  g_rmdir (dir);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  enlace_test_spin (200);
  enlace_test_screenshot (GTK_WIDGET (window), "case-stats-1280x800.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
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
  g_test_add_func ("/views/cases/stats-page/demo", test_demo);
  return g_test_run ();
}
