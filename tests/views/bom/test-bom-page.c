/* test-bom-page.c: the bill of materials page (views/bom) under Xvfb on
 * the demo campus: the scope drop-downs, the sheet, CSV and PDF export,
 * the labels dialog's preview; a screenshot (docs/screenshots/bom-es.png
 * when run with LANGUAGE=es). */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-bom-page.h"
#include "enlace-demo.h"
#include "enlace-label-templates-dialog.h"
#include "enlace-test-gtk.h"

/* The text of the first label under @widget that matches @pattern. */
static const char *
find_label (GtkWidget  *widget,
            const char *pattern)
{
  if (GTK_IS_LABEL (widget) &&
      g_regex_match_simple (pattern, gtk_label_get_text (GTK_LABEL (widget)), 0, 0))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *text = find_label (c, pattern);
      if (text)
        return text;
    }
  return NULL;
}

static void
test_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autofree char *dir = g_dir_make_tmp ("enlace-bom-XXXXXX", &error);
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *bytes = NULL;
  const char *prices = "item,price\ncable:cat6,2450\njack:copper,85\nfaceplate:2,40\nlabel,1.5\n";
  EnlaceBomPage *page;
  EnlaceBomGroup *g, *all;
  double all_cost;
  GtkWidget *window;
  GtkWindow *labels;
  gsize len = 0;

  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_bom_prices_import (store, prices, strlen (prices), &error), ==, 4);

  page = g_object_new (ENLACE_TYPE_BOM_PAGE, NULL);
  enlace_page_set_store (ENLACE_PAGE (page), store);
  enlace_page_set_object (ENLACE_PAGE (page), "bom", 0);
  window = enlace_test_window (GTK_WIDGET (page), 1200, 780);
  enlace_test_spin (200);

  /* the whole campus, then building A, then its floor 1 */
  all = enlace_bom_page_get_group (page);
  g_assert_nonnull (all);
  g_assert_null (all->building);
  g_assert_cmpuint (all->lines->len, >, 5);
  g_assert_cmpfloat (all->cost, >, 0);
  /* the page owns its group: keep the campus figure before changing the scope */
  all_cost = all->cost;
  enlace_bom_page_set_scope (page, "A", NULL, FALSE);
  g = enlace_bom_page_get_group (page);
  g_assert_cmpstr (g->building, ==, "A");
  g_assert_false (g->has_floor);
  g_assert_cmpfloat (g->cost, <=, all_cost);
  enlace_test_spin (300);
  /* the cost as money, in the price list's currency (MXN unless the
   * project says): "Costo 50.772,00 MXN" in Spanish, "Cost MXN 50,772.00" */
  {
    gboolean spanish = g_strcmp0 (g_getenv ("LANGUAGE"), "es") == 0;
    const char *summary = find_label (window, spanish ? "^Costo \\d{1,3}(\\.\\d{3})*,\\d\\d MXN"
                                                      : "^Cost MXN \\d{1,3}(,\\d{3})*\\.\\d\\d");

    g_assert_nonnull (summary);
    g_test_message ("%s", summary);
  }
  enlace_test_screenshot (GTK_WIDGET (window), "bom-1200x780.png");
  enlace_bom_page_set_scope (page, "A", "1", FALSE);
  g = enlace_bom_page_get_group (page);
  g_assert_true (g->has_floor);
  g_assert_cmpint (g->level, ==, 1);

  /* a command changes the bill: the page follows */
  g_assert_true (enlace_bom_price_set (store, "rack:42", 18000, NULL, &error));
  g = enlace_bom_page_get_group (page);
  g_assert_nonnull (g);

  /* exports */
  csv = g_build_filename (dir, "bom.csv", NULL);
  g_assert_true (enlace_bom_page_export_csv (page, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &bytes, &len, NULL));
  g_assert_true (g_str_has_prefix (bytes, "building,floor,item,"));
  g_clear_pointer (&bytes, g_free);
  pdf = g_build_filename (dir, "bom.pdf", NULL);
  g_assert_true (enlace_bom_page_export_pdf (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF"));
  g_unlink (csv);
  g_unlink (pdf);
  g_rmdir (dir);

  /* the labels dialog previews the demo's existing runs */
  labels = enlace_label_templates_dialog_new (store, "A", NULL);
  gtk_window_present (labels);
  enlace_test_spin (100);
  g_test_message ("%u label changes previewed", enlace_label_templates_dialog_get_n_changes (ENLACE_LABEL_TEMPLATES_DIALOG (labels)));
  gtk_window_destroy (labels);

  enlace_bom_page_set_scope (page, "A", NULL, FALSE);
  enlace_test_spin (100);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");

  /* ENLACE_LOCALEDIR=BUILD/po LANGUAGE=es: the screenshot in Spanish */
  if (localedir)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  setlocale (LC_ALL, "");
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
  g_test_add_func ("/views/bom/page", test_page);
  return g_test_run ();
}
