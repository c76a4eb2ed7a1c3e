/* test-render-document.c: a case's document on paper (PDF, read back
 * with poppler) */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "enlace-render-document.h"

#ifndef POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

static void
row_free (EnlaceDocumentRow *r)
{
  g_free (r->label);
  g_free (r->value);
  g_free (r);
}

static void
signature_free (EnlaceDocumentSignature *s)
{
  g_free (s->name);
  g_free (s->role);
  g_free (s);
}

static EnlaceCaseDocument *
make_doc (guint n_rows)
{
  EnlaceCaseDocument *doc = g_new0 (EnlaceCaseDocument, 1);
  EnlaceDocumentSignature *sig;

  doc->kind = ENLACE_DOCUMENT_NOTICE;
  doc->institution = g_strdup ("Universidad Tecnológica del Valle");
  doc->department = g_strdup ("Departamento de Comunicaciones y Enlaces");
  doc->title = g_strdup ("Aviso");
  doc->subtitle = g_strdup ("Eliminación de cuenta de correo electrónico");
  doc->folio = g_strdup ("BAJA-2026-0003");
  doc->date = g_strdup ("5 de diciembre de 2026");
  doc->to = g_strdup ("Recursos Humanos y C. Leticia Campos Orozco");
  doc->from = g_strdup ("Ing. Raúl Soto Lima — Departamento de Comunicaciones y Enlaces");
  doc->subject = g_strdup ("Eliminación de cuenta de correo electrónico (folio BAJA-2026-0003)");
  doc->paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (doc->paragraphs, g_strdup ("Se informa al área y a la usuaria que la cuenta de correo electrónico "
                                              "leticia.campos@utv.edu.mx será dada de baja. A partir de entonces no "
                                              "enviará ni recibirá mensajes; conserve una copia de lo que necesite."));
  doc->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint i = 0; i < n_rows; i++)
    {
      EnlaceDocumentRow *r = g_new0 (EnlaceDocumentRow, 1);

      r->label = g_strdup_printf ("Campo %u", i + 1);
      r->value = i == 0 ? g_strdup ("leticia.campos@utv.edu.mx")
                        : g_strdup_printf ("Valor número %u, con un texto lo bastante largo para ocupar más de una línea de la tabla en papel carta", i + 1);
      g_ptr_array_add (doc->rows, r);
    }
  doc->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) signature_free);
  sig = g_new0 (EnlaceDocumentSignature, 1);
  sig->name = g_strdup ("Ing. Raúl Soto Lima");
  sig->role = g_strdup ("Departamento de Comunicaciones y Enlaces");
  g_ptr_array_add (doc->signatures, sig);
  sig = g_new0 (EnlaceDocumentSignature, 1);
  sig->name = g_strdup ("");
  sig->role = g_strdup ("Recibido (área)");
  g_ptr_array_add (doc->signatures, sig);
  doc->footer = g_strdup ("Departamento de Comunicaciones y Enlaces · folio BAJA-2026-0003");
  return doc;
}

/* (not enlace_case_document_free: this test links the render only) */
static void
doc_free (EnlaceCaseDocument *doc)
{
  g_free (doc->institution);
  g_free (doc->department);
  g_free (doc->title);
  g_free (doc->subtitle);
  g_free (doc->folio);
  g_free (doc->date);
  g_free (doc->to);
  g_free (doc->from);
  g_free (doc->subject);
  g_ptr_array_unref (doc->paragraphs);
  g_ptr_array_unref (doc->rows);
  g_ptr_array_unref (doc->signatures);
  g_free (doc->footer);
  g_free (doc);
}

typedef EnlaceCaseDocument TestDoc;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDoc, doc_free)

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

static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);

  return poppler_page_get_text (page);
}

/* Text extracted from the PDF keeps the words; spaces and line breaks
 * between them may differ. */
static gboolean
contains_words (const char *text,
                const char *words)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " \n\t", -1);
  g_autofree char *a = g_strjoinv (" ", parts);
  g_auto(GStrv) w = g_strsplit (words, " ", -1);
  const char *p = a;

  for (guint i = 0; w[i]; i++)
    {
      if (*w[i] == '\0')
        continue;
      p = strstr (p, w[i]);
      if (p == NULL)
        return FALSE;
      p += strlen (w[i]);
    }
  return TRUE;
}

static void
test_one_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestDoc) doc = make_doc (4);
  g_autofree char *dir = g_dir_make_tmp ("enlace-doc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "aviso.pdf", NULL);
  EnlaceDocumentPageOptions options = { "A4", NULL };
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  double w, h;

  g_assert_no_error (error);
  g_assert_cmpuint (enlace_render_document_pdf (doc, &options, path, &error), ==, 1);
  g_assert_no_error (error);

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat (fabs (w - 595.3), <, 1);
  g_assert_cmpfloat (fabs (h - 841.9), <, 1);
  text = poppler_page_get_text (page);
  g_assert_true (contains_words (text, "Universidad Tecnológica del Valle"));
  g_assert_true (contains_words (text, "Folio BAJA-2026-0003"));
  g_assert_true (contains_words (text, "5 de diciembre de 2026"));
  g_assert_true (contains_words (text, "Aviso"));
  g_assert_true (contains_words (text, "leticia.campos@utv.edu.mx"));
  g_assert_true (contains_words (text, "Campo 4"));
  g_assert_true (contains_words (text, "Ing. Raúl Soto Lima"));
  g_assert_true (contains_words (text, "Recibido (área)"));
  g_assert_true (contains_words (text, "Page 1 of 1"));
  {
    g_autofree char *title = poppler_document_get_title (pdf);

    g_assert_cmpstr (title, ==, "Aviso BAJA-2026-0003");
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* A long table flows over pages: every row printed once, the header on
 * every page, the signatures at the end; Letter paper; a logo. */
static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestDoc) doc = make_doc (60);
  g_autofree char *dir = g_dir_make_tmp ("enlace-doc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "largo.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "logo.png", NULL);
  cairo_surface_t *logo_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 80);
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(EnlaceDocumentPages) pages = NULL;
  EnlaceDocumentPageOptions options = { "Letter", NULL };
  g_autoptr(GString) all = g_string_new (NULL);
  guint n;
  double w, h;

  {
    cairo_t *cr = cairo_create (logo_surface);

    cairo_set_source_rgb (cr, 0.1, 0.3, 0.6);
    cairo_arc (cr, 60, 40, 35, 0, 2 * G_PI);
    cairo_fill (cr);
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (logo_surface, png), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (logo_surface);
  }
  {
    char *data = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (png, &data, &len, &error));
    logo = g_bytes_new_take (data, len);
  }
  options.logo = logo;

  pages = enlace_document_pages_new (doc, &options, &error);
  g_assert_no_error (error);
  enlace_document_pages_get_size (pages, &w, &h);
  g_assert_cmpfloat (fabs (w - 612), <, 0.5);
  g_assert_cmpfloat (fabs (h - 792), <, 0.5);
  g_assert_cmpuint (enlace_document_pages_get_n_pages (pages), >=, 3);

  n = enlace_render_document_pdf (doc, &options, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, enlace_document_pages_get_n_pages (pages));

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = page_text (pdf, i);
      g_autofree char *page_of = g_strdup_printf ("Page %u of %u", i + 1, n);
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      GList *images = poppler_page_get_image_mapping (page);

      /* the header and the foot on every page, the logo too */
      g_assert_true (contains_words (text, "Folio BAJA-2026-0003"));
      g_assert_true (contains_words (text, page_of));
      g_assert_nonnull (images);
      poppler_page_free_image_mapping (images);
      g_string_append (all, text);
      g_string_append_c (all, '\n');
      /* the signatures only at the end */
      g_assert_true ((i + 1 == n) == contains_words (text, "Recibido (área)"));
    }
  /* every row once ("Campo 1" not counting "Campo 10"…) */
  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *label = g_strdup_printf ("Campo %u", i);
      guint found = 0;

      for (const char *p = strstr (all->str, label); p; p = strstr (p + 1, label))
        if (!g_ascii_isdigit (p[strlen (label)]))
          found++;
      g_assert_cmpuint (found, ==, 1);
    }
  g_unlink (png);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestDoc) doc = make_doc (1);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not an image", 12);
  EnlaceDocumentPageOptions bad_paper = { "A7", NULL };
  EnlaceDocumentPageOptions bad_logo = { "A4", junk };
  EnlaceDocumentPages *pages;

  pages = enlace_document_pages_new (doc, &bad_paper, &error);
  g_assert_null (pages);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "A7"));
  g_clear_error (&error);

  pages = enlace_document_pages_new (doc, &bad_logo, &error);
  g_assert_null (pages);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  g_assert_cmpuint (enlace_render_document_pdf (doc, NULL, "/nonexistent-dir/x.pdf", &error), ==, 0);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/render/document/one-page", test_one_page);
  g_test_add_func ("/views/render/document/pages", test_pages);
  g_test_add_func ("/views/render/document/refusals", test_refusals);
  return g_test_run ();
}
