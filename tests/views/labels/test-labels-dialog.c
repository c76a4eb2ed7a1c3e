/* test-labels-dialog.c: the labels dialog on the fixture plant, under
 * Xvfb — kinds, layouts, the start cell picked on the sheet picture, tape,
 * a custom grid, a list's selection, and Export PDF read back. */
#define G_LOG_DOMAIN "test-labels-dialog"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "enlace-label-layout.h"
#include "enlace-labels-dialog.h"
#include "enlace-object-list.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Where the picker draws cell @cell of an L7160 sheet (its centre). */
static void
cell_centre (GtkWidget *picker,
             guint      cell,
             double    *x,
             double    *y)
{
  int w = gtk_widget_get_width (picker), h = gtk_widget_get_height (picker);
  double scale = MIN ((w - 4) / 210.0, (h - 4) / 297.0);
  double ox = (w - 210 * scale) / 2, oy = (h - 297 * scale) / 2;
  EnlaceLabelLayout l = { 0 };
  EnlaceLabelRect r;

  g_assert_true (enlace_label_layout_init_preset (&l, "L7160", NULL));
  enlace_label_layout_cell_rect (&l, cell, &r);
  *x = ox + (r.x + r.width / 2) * scale;
  *y = oy + (r.y + r.height / 2) * scale;
  enlace_label_layout_clear (&l);
}

static void
test_dialog (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  EnlaceLabelsDialog *dialog;
  g_autofree char *dir = g_dir_make_tmp ("enlace-labels-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "labels.pdf", NULL);
  g_autoptr(GError) error = NULL;
  double x, y;

  dialog = ENLACE_LABELS_DIALOG (enlace_labels_dialog_new (NULL, store, ENLACE_LABEL_KIND_CABLE, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  enlace_test_spin (300);

  /* four cables, both ends, on one L7160 sheet */
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (dialog), ==, 8);
  g_assert_cmpuint (enlace_labels_dialog_get_n_pages (dialog), ==, 1);
  g_assert_nonnull (strstr (enlace_labels_dialog_get_summary (dialog), "8 labels"));
  g_assert_cmpuint (enlace_labels_dialog_get_start (dialog), ==, 0);

  /* a click on the sixth label of the sheet picture starts there */
  cell_centre (enlace_labels_dialog_get_picker (dialog), 5, &x, &y);
  g_assert_true (enlace_labels_dialog_pick_at (dialog, x, y));
  g_assert_cmpuint (enlace_labels_dialog_get_start (dialog), ==, 5);
  /* outside the sheet: nothing */
  g_assert_false (enlace_labels_dialog_pick_at (dialog, 0, 0));
  g_assert_cmpuint (enlace_labels_dialog_get_start (dialog), ==, 5);
  /* the last cell: the eight labels take two sheets */
  cell_centre (enlace_labels_dialog_get_picker (dialog), 20, &x, &y);
  g_assert_true (enlace_labels_dialog_pick_at (dialog, x, y));
  g_assert_cmpuint (enlace_labels_dialog_get_n_pages (dialog), ==, 2);

  /* Export PDF: two pages, the first label alone in the last cell */
  g_assert_cmpuint (enlace_labels_dialog_export_pdf (dialog, path, &error), ==, 2);
  g_assert_no_error (error);
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autoptr(PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);
    g_autoptr(PopplerPage) first = NULL;
    g_autoptr(PopplerPage) second = NULL;
    g_autofree char *t1 = NULL;
    g_autofree char *t2 = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
    first = poppler_document_get_page (pdf, 0);
    second = poppler_document_get_page (pdf, 1);
    t1 = poppler_page_get_text (first);
    t2 = poppler_page_get_text (second);
    g_assert_nonnull (strstr (t1, "H-101-1"));      /* the first cable by label */
    g_assert_null (strstr (t1, "PC-0003"));
    g_assert_nonnull (strstr (t2, "PC-0003"));
  }

  /* Print, through GtkPrintOperation into a file: the same two A4 pages */
  g_assert_true (enlace_labels_dialog_print_to_file (dialog, path, &error));
  g_assert_no_error (error);
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autoptr(PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);
    g_autoptr(PopplerPage) second = NULL;
    g_autofree char *t2 = NULL;
    double w, h;

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
    second = poppler_document_get_page (pdf, 1);
    poppler_page_get_size (second, &w, &h);
    g_assert_cmpfloat (fabs (w - 595.3), <, 1);
    g_assert_cmpfloat (fabs (h - 841.9), <, 1);
    t2 = poppler_page_get_text (second);
    g_assert_nonnull (strstr (t2, "PC-0003"));
  }

  /* tape: one label per page, no start cell */
  g_assert_true (enlace_labels_dialog_set_layout (dialog, "tape-12"));
  g_assert_cmpuint (enlace_labels_dialog_get_n_pages (dialog), ==, 8);
  g_assert_false (gtk_widget_is_visible (enlace_labels_dialog_get_picker (dialog)));
  /* printed: a page per label, 12 mm high */
  g_assert_true (enlace_labels_dialog_print_to_file (dialog, path, &error));
  g_assert_no_error (error);
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autoptr(PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 8);
    for (int i = 0; i < 8; i++)
      {
        g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
        double w, h;

        poppler_page_get_size (page, &w, &h);
        g_assert_cmpfloat (MIN (w, h), >, 12 * 72 / 25.4 - 1);
        g_assert_cmpfloat (MIN (w, h), <, 12 * 72 / 25.4 + 1);
      }
  }

  /* a custom grid of 2 × 2 */
  enlace_labels_dialog_set_grid (dialog, 2, 2);
  g_assert_cmpuint (enlace_labels_dialog_get_n_pages (dialog), ==, 2);
  g_assert_cmpuint (enlace_labels_dialog_get_start (dialog), ==, 0);
  g_assert_true (gtk_widget_is_visible (enlace_labels_dialog_get_picker (dialog)));

  /* another kind: the rack */
  enlace_labels_dialog_set_kind (dialog, ENLACE_LABEL_KIND_RACK);
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (dialog), ==, 1);
  g_assert_cmpuint (enlace_labels_dialog_get_n_pages (dialog), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_rmdir (dir);
}

/* From a list's selection: a patch panel and a switch chosen in the
 * devices list give the panel's strip (the switch skipped, said so) or
 * two device labels; a rack gives its devices. */
static void
test_selection (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *window = gtk_window_new ();
  EnlaceLabelsDialog *dialog = NULL;
  GList *toplevels;

  g_array_append_val (chosen, ids.pp1);
  g_array_append_val (chosen, ids.sw1);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (enlace_labels_dialog_open_for_list (window, store, "device", chosen));
  enlace_test_spin (200);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ENLACE_IS_LABELS_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpint (enlace_labels_dialog_get_kind (dialog), ==, ENLACE_LABEL_KIND_PANEL);
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (dialog), ==, 1);
  g_assert_nonnull (strstr (enlace_labels_dialog_get_summary (dialog), "1 object skipped"));
  enlace_labels_dialog_set_kind (dialog, ENLACE_LABEL_KIND_DEVICE);
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (dialog), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a rack chosen in the racks list: the rack's label, or its devices */
  g_array_set_size (chosen, 0);
  g_array_append_val (chosen, ids.rack);
  g_assert_true (enlace_labels_dialog_open_for_list (window, store, "rack", chosen));
  dialog = NULL;
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ENLACE_IS_LABELS_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_cmpint (enlace_labels_dialog_get_kind (dialog), ==, ENLACE_LABEL_KIND_RACK);
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (dialog), ==, 1);
  enlace_labels_dialog_set_kind (dialog, ENLACE_LABEL_KIND_DEVICE);
  /* PP-1, SW-1, SRV-1, SW-2, PDU-1 */
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (dialog), ==, 5);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* people have no labels */
  g_assert_false (enlace_labels_dialog_open_for_list (window, store, "person", chosen));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_tooltip (GtkWidget  *widget,
              const char *prefix)
{
  const char *tip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_BUTTON (widget) && tip && g_str_has_prefix (tip, prefix))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_tooltip (c, prefix);

      if (found)
        return found;
    }
  return NULL;
}

static EnlaceLabelsDialog *
open_dialog (void)
{
  EnlaceLabelsDialog *dialog = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ENLACE_IS_LABELS_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

/* "Print Labels" in a list: every row shown, or the selected one; not in
 * lists that have no labels. */
static void
test_list_button (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  GtkWidget *list = enlace_object_list_new ();
  GtkWidget *window, *button;
  EnlaceLabelsDialog *dialog;
  const char *tip = "Print labels for the selected item";

  enlace_page_set_store (ENLACE_PAGE (list), store);
  enlace_page_set_object (ENLACE_PAGE (list), "list/cable", 0);
  window = enlace_test_window (list, 900, 600);
  button = find_tooltip (list, tip);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (enlace_labels_dialog_get_kind (dialog), ==, ENLACE_LABEL_KIND_CABLE);
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (dialog), ==, 8);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (enlace_object_list_select_id (ENLACE_OBJECT_LIST (list), ids.cable_desk));
  g_signal_emit_by_name (button, "clicked");
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (enlace_labels_dialog_get_n_labels (dialog), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  enlace_page_set_object (ENLACE_PAGE (list), "list/person", 0);
  g_assert_false (gtk_widget_get_visible (button));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The dialog on the demo-like fixture with a half-used L7160 sheet,
 * saved as BUILD_DIR/screenshots/labels-dialog-LANG.png (the README's
 * docs/screenshots/labels-dialog-es.png is a copy of the Spanish one). */
static void
test_screenshot (void)
{
  EnlaceTestPlant ids;
  g_autoptr(EnlaceStore) store = enlace_test_plant_new (&ids);
  EnlaceLabelsDialog *dialog;
  GtkWidget *content;
  GdkFrameClock *clock;
  gint64 start, deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  g_autofree char *name = NULL;
  const char *lang = g_getenv ("LANGUAGE");
  double x, y;

  dialog = ENLACE_LABELS_DIALOG (enlace_labels_dialog_new (NULL, store, ENLACE_LABEL_KIND_CABLE, NULL));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1000, 680);
  gtk_window_present (GTK_WINDOW (dialog));
  enlace_test_spin (300);
  cell_centre (enlace_labels_dialog_get_picker (dialog), 4, &x, &y);
  g_assert_true (enlace_labels_dialog_pick_at (dialog, x, y));
  content = adw_window_get_content (ADW_WINDOW (dialog));
  /* two frames drawn, so that the render nodes are current */
  clock = gtk_widget_get_frame_clock (content);
  g_assert_nonnull (clock);
  start = gdk_frame_clock_get_frame_counter (clock);
  gtk_widget_queue_draw (content);
  while (gdk_frame_clock_get_frame_counter (clock) < start + 2 && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  enlace_test_spin (50);
  name = g_strdup_printf ("labels-dialog-%s.png", lang && lang[0] ? lang : "en");
  enlace_test_screenshot (content, name);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");

  setlocale (LC_ALL, "");
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

  g_test_add_func ("/views/labels/dialog", test_dialog);
  g_test_add_func ("/views/labels/selection", test_selection);
  g_test_add_func ("/views/labels/list-button", test_list_button);
  g_test_add_func ("/views/labels/screenshot", test_screenshot);

  return g_test_run ();
}
