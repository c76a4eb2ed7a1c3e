/* test-render-labels.c: labels on paper (views/render/enlace-render-labels.c):
 * PDFs read back with poppler — each label's text is found inside its
 * cell of the sheet, a start position leaves the first cells empty, tape
 * is one label per page of the tape's width — and the QR codes drawn are
 * the matrix libqrencode gives for the text. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <qrencode.h>
#include <string.h>

#include "enlace-generate.h"
#include "enlace-label-layout.h"
#include "enlace-labels.h"
#include "enlace-render-labels.h"
#include "enlace-store.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static char *tmp_dir;

static EnlaceStore *
campus (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);
  EnlaceGenerateOptions opts;

  g_assert_no_error (error);
  enlace_generate_options_init (&opts);
  opts.buildings = 1;
  opts.floors = 2;
  opts.outlets_per_floor = 8;
  opts.seed = 1;
  g_assert_true (enlace_generate (store, &opts, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return pdf;
}

/* How many times @text is on @page inside @rect (points, top-left
 * origin).  poppler_page_find_text() gives rectangles with the origin
 * at the bottom-left. */
static guint
count_text_in (PopplerPage           *page,
               const char            *text,
               const EnlaceLabelRect *rect)
{
  GList *found = poppler_page_find_text_with_options (page, text, POPPLER_FIND_CASE_SENSITIVE);
  double w, h;
  guint n = 0;

  poppler_page_get_size (page, &w, &h);
  for (GList *l = found; l; l = l->next)
    {
      PopplerRectangle *r = l->data;
      double cx = (r->x1 + r->x2) / 2;
      double cy = h - (r->y1 + r->y2) / 2;

      if (rect == NULL ||
          (cx > rect->x && cx < rect->x + rect->width && cy > rect->y && cy < rect->y + rect->height))
        n++;
    }
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return n;
}

/* Cable labels on an Avery L7160 sheet, starting at label 5 of a
 * half-used sheet: every label's text and far end within its cell, the
 * first four cells empty, the pages as many as needed. */
static void
test_sheet_positions (void)
{
  g_autoptr(EnlaceStore) store = campus ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = enlace_labels_collect (store, ENLACE_LABEL_KIND_CABLE, NULL, &error);
  g_autoptr(EnlaceLabelPages) pages = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "sheet.pdf", NULL);
  EnlaceLabelLayout layout = { 0 };
  EnlaceLabelStyle style;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, >, 21);
  g_assert_true (enlace_label_layout_init_preset (&layout, "L7160", &error));
  enlace_label_style_init (&style);
  n = enlace_render_labels_pdf (labels, &layout, 4, &style, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, (labels->len + 4 + 20) / 21);

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n);
  pages = enlace_label_pages_new (labels, &layout, 4, &style);
  for (guint i = 0; i < labels->len; i++)
    {
      EnlaceLabel *label = g_ptr_array_index (labels, i);
      g_autoptr(PopplerPage) page = NULL;
      EnlaceLabelRect rect;
      guint p;
      double w, h;

      enlace_label_pages_get_label_rect (pages, i, &p, &rect);
      page = poppler_document_get_page (pdf, p);
      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat (fabs (w - 210 * ENLACE_MM_TO_PT), <, 0.5);
      g_assert_cmpfloat (fabs (h - 297 * ENLACE_MM_TO_PT), <, 0.5);
      /* label i is in cell (i + 4) % 21 */
      g_assert_cmpfloat (fabs (rect.x - (7.21 + ((i + 4) % 21 % 3) * 66.04) * ENLACE_MM_TO_PT), <, 0.01);
      g_assert_cmpfloat (fabs (rect.y - (15.15 + ((i + 4) % 21 / 3) * 38.1) * ENLACE_MM_TO_PT), <, 0.01);
      g_assert_cmpuint (count_text_in (page, label->text, &rect), >=, 1);
    }
  /* the cells before the start are empty: no label's text lies in them */
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);

    for (guint cell = 0; cell < 4; cell++)
      {
        EnlaceLabelRect mm, pt;

        enlace_label_layout_cell_rect (&layout, cell, &mm);
        pt.x = mm.x * ENLACE_MM_TO_PT;
        pt.y = mm.y * ENLACE_MM_TO_PT;
        pt.width = mm.width * ENLACE_MM_TO_PT;
        pt.height = mm.height * ENLACE_MM_TO_PT;
        for (guint i = 0; i < MIN (labels->len, 17); i++)
          g_assert_cmpuint (count_text_in (page, ((EnlaceLabel *) g_ptr_array_index (labels, i))->text, &pt), ==, 0);
        g_assert_cmpuint (count_text_in (page, "→", &pt), ==, 0);
      }
  }
  enlace_label_layout_clear (&layout);
}

/* Every kind on a custom grid and on tape: something is drawn and the
 * texts are in the PDF. */
static void
test_kinds (void)
{
  g_autoptr(EnlaceStore) store = campus ();

  for (guint k = 0; k < ENLACE_LABEL_N_KINDS; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) labels = enlace_labels_collect (store, k, NULL, &error);
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *path = g_build_filename (tmp_dir, "kind.pdf", NULL);
      EnlaceLabelLayout layout = { 0 };
      EnlaceLabelStyle style;
      EnlaceLabel *first;

      g_assert_no_error (error);
      g_assert_cmpuint (labels->len, >, 0);
      first = g_ptr_array_index (labels, 0);
      enlace_label_style_init (&style);
      style.outlines = TRUE;
      g_assert_true (enlace_label_layout_init_grid (&layout, "A4", 8, 2, -1, -1, -1, -1, -1, -1, &error));
      g_assert_cmpuint (enlace_render_labels_pdf (labels, &layout, 0, &style, path, &error), >, 0);
      g_assert_no_error (error);
      pdf = open_pdf (path);
      page = poppler_document_get_page (pdf, 0);
      g_assert_cmpuint (count_text_in (page, first->text, NULL), >=, 1);
      if (first->cells && first->cells->len > 0)
        g_assert_cmpuint (count_text_in (page, ((EnlaceLabelCell *) g_ptr_array_index (first->cells, 0))->name, NULL), >=, 1);
      enlace_label_layout_clear (&layout);
    }
}

/* Tape: one label per page, each page the tape's width high and as long
 * as its label needs (or as asked). */
static void
test_tape (void)
{
  g_autoptr(EnlaceStore) store = campus ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = enlace_labels_collect (store, ENLACE_LABEL_KIND_DEVICE, NULL, &error);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "tape.pdf", NULL);
  EnlaceLabelLayout layout = { 0 };
  guint n;

  g_assert_true (enlace_label_layout_init_tape (&layout, 12, 0, &error));
  n = enlace_render_labels_pdf (labels, &layout, 7, NULL, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, labels->len);
  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) labels->len);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      EnlaceLabel *label = g_ptr_array_index (labels, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat (fabs (h - 12 * ENLACE_MM_TO_PT), <, 0.5);
      g_assert_cmpfloat (w, >=, 20 * ENLACE_MM_TO_PT - 0.5);
      g_assert_cmpuint (count_text_in (page, label->text, NULL), ==, 1);
    }
  g_clear_object (&pdf);

  /* a fixed length */
  enlace_label_layout_clear (&layout);
  g_assert_true (enlace_label_layout_init_tape (&layout, 24, 50, &error));
  g_assert_cmpuint (enlace_render_labels_pdf (labels, &layout, 0, NULL, path, &error), ==, labels->len);
  pdf = open_pdf (path);
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, labels->len - 1);
    double w, h;

    poppler_page_get_size (page, &w, &h);
    g_assert_cmpfloat (fabs (w - 50 * ENLACE_MM_TO_PT), <, 0.5);
    g_assert_cmpfloat (fabs (h - 24 * ENLACE_MM_TO_PT), <, 0.5);
  }
  enlace_label_layout_clear (&layout);

  /* nothing to print: refused, no file */
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    g_autofree char *empty = g_build_filename (tmp_dir, "none.pdf", NULL);

    g_assert_true (enlace_label_layout_init_preset (&layout, "L7163", &error));
    g_assert_cmpuint (enlace_render_labels_pdf (none, &layout, 0, NULL, empty, &error), ==, 0);
    g_assert_nonnull (error);
    g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
    enlace_label_layout_clear (&layout);
  }
}

/* A flag label carries its text twice, one per half. */
static void
test_flag (void)
{
  g_autoptr(EnlaceStore) store = campus ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = enlace_labels_collect (store, ENLACE_LABEL_KIND_CABLE, NULL, &error);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "flag.pdf", NULL);
  EnlaceLabelLayout layout = { 0 };
  EnlaceLabelStyle style;
  EnlaceLabelRect rect;
  g_autoptr(EnlaceLabelPages) pages = NULL;

  g_ptr_array_set_size (labels, 2);
  enlace_label_style_init (&style);
  style.cable_style = ENLACE_CABLE_LABEL_FLAG;
  g_assert_true (enlace_label_layout_init_preset (&layout, "L7163", &error));
  g_assert_cmpuint (enlace_render_labels_pdf (labels, &layout, 0, &style, path, &error), ==, 1);
  pdf = open_pdf (path);
  page = poppler_document_get_page (pdf, 0);
  pages = enlace_label_pages_new (labels, &layout, 0, &style);
  enlace_label_pages_get_label_rect (pages, 0, NULL, &rect);
  g_assert_cmpuint (count_text_in (page, ((EnlaceLabel *) g_ptr_array_index (labels, 0))->text, &rect), ==, 2);
  /* the left half holds one */
  rect.width /= 2;
  g_assert_cmpuint (count_text_in (page, ((EnlaceLabel *) g_ptr_array_index (labels, 0))->text, &rect), ==, 1);
  enlace_label_layout_clear (&layout);
}

/* QR codes: the version grows with the text (17 + 4·version modules),
 * and what is drawn, sampled module by module, is the matrix. */
static void
test_qr (void)
{
  static const char *texts[] = { "C-0001", "B1-P1-TR1-PP01:24 B1-P1-101-D01:1",
                                 "https://example.org/enlace/cable/B1-P1-TR1-PP01-24-B1-P1-101-D01-1" };
  int last_version = 0;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autofree guint8 *m = NULL;
      int width = 0, version = 0, px = 4, size;
      cairo_surface_t *surface;
      cairo_t *cr;
      guchar *data;
      int stride;
      QRcode *ref;

      m = enlace_render_qr_matrix (texts[t], &width, &version);
      g_assert_nonnull (m);
      g_assert_cmpint (width, ==, 17 + 4 * version);
      g_assert_cmpint (version, >=, last_version);
      last_version = version;
      /* the same as libqrencode's own encoding at level M, byte mode */
      ref = QRcode_encodeString8bit (texts[t], 0, QR_ECLEVEL_M);
      g_assert_cmpint (ref->width, ==, width);
      for (int i = 0; i < width * width; i++)
        g_assert_cmpint (m[i], ==, ref->data[i] & 1);
      QRcode_free (ref);

      size = (width + 4) * px;
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
      cr = cairo_create (surface);
      g_assert_true (enlace_render_qr (cr, texts[t], 0, 0, size));
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int r = 0; r < width; r++)
        for (int c = 0; c < width; c++)
          {
            int x = (c + 2) * px + px / 2, y = (r + 2) * px + px / 2;
            guint32 pixel = *(guint32 *) (data + y * stride + x * 4) & 0xffffff;

            g_assert_cmpint (pixel == 0 ? 1 : 0, ==, m[r * width + c]);
          }
      /* the quiet zone is white */
      g_assert_cmpint (*(guint32 *) (data + px * stride + px * 4) & 0xffffff, ==, 0xffffff);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpint (last_version, >, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("enlace-labels-XXXXXX", NULL);

  g_test_add_func ("/views/render/labels/sheet-positions", test_sheet_positions);
  g_test_add_func ("/views/render/labels/kinds", test_kinds);
  g_test_add_func ("/views/render/labels/tape", test_tape);
  g_test_add_func ("/views/render/labels/flag", test_flag);
  g_test_add_func ("/views/render/labels/qr", test_qr);

  status = g_test_run ();
  {
    const char *names[] = { "sheet.pdf", "kind.pdf", "tape.pdf", "flag.pdf", "none.pdf" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (tmp_dir, names[i], NULL);
        g_unlink (p);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return status;
}
