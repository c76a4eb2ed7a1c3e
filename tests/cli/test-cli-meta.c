/* test-cli-meta.c: enlace-cli meta, run as a program — the document
 * properties, the logo kept in the file, and the header of a case's
 * document printed by enlace-cli case doc (read back with pdftotext and
 * pdfimages, poppler-utils).
 *
 * ENLACE_CLI names the built enlace-cli (set by tests/meson.build). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "enlace-test-cli.h"

static char *tmp_dir;

/* A 1×1 PNG. */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* Runs another program (pdftotext, pdfimages) in tmp_dir. */
static void
run_tool (EnlaceCliRun *r,
          const char   *program,
          const char   *pdf)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, g_str_equal (program, "pdfimages") ? "-list" : pdf,
                         g_str_equal (program, "pdfimages") ? pdf : "-", NULL };
  int wait_status = 0;

  g_spawn_sync (tmp_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
  g_assert_cmpint (r->status, ==, 0);
}

/* The PDF's text, words separated by single spaces. */
static char *
pdf_words (const char *pdf)
{
  g_auto(EnlaceCliRun) r = { 0 };
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  run_tool (&r, "pdftotext", pdf);
  parts = g_strsplit_set (r.out, " \n\t\f", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      {
        if (s->len)
          g_string_append_c (s, ' ');
        g_string_append (s, parts[i]);
      }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
new_project (void)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("meta-%u.enlace", ++n);
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_auto(EnlaceCliRun) r = { 0 };

  enlace_test_cli_run (&r, tmp_dir, "new", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  return path;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_properties (void)
{
  g_autofree char *project = new_project ();
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(JsonObject) o = NULL;

  /* a new project has none */
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (r.out);
  g_assert_cmpuint (json_object_get_size (o), ==, 0);

  enlace_test_cli_run (&r, tmp_dir, "meta", project, "institution", "Universidad Tecnológica del Valle", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Universidad Tecnológica del Valle"));
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "department", "Departamento de Comunicaciones y Enlaces", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&o, json_object_unref);
  o = parse_object (r.out);
  g_assert_cmpstr (json_object_get_string_member (o, "key"), ==, "department");
  g_assert_cmpstr (json_object_get_string_member (o, "value"), ==, "Departamento de Comunicaciones y Enlaces");

  /* one value, the list, the list as JSON */
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "institution", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Universidad Tecnológica del Valle\n");
  enlace_test_cli_run (&r, tmp_dir, "meta", project, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "department   Departamento de Comunicaciones y Enlaces\n"));
  g_assert_nonnull (strstr (r.out, "institution  Universidad Tecnológica del Valle\n"));
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "--json", NULL);
  g_clear_pointer (&o, json_object_unref);
  o = parse_object (r.out);
  g_assert_cmpuint (json_object_get_size (o), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (o, "institution"), ==, "Universidad Tecnológica del Valle");

  /* each change is a command: undo brings the old value back */
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "institution", "Otra", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "undo", project, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "institution", NULL);
  g_assert_cmpstr (r.out, ==, "Universidad Tecnológica del Valle\n");

  /* --unset; a missing key is an error */
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "department", "--unset", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "department", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "“department”"));

  /* bad usage */
  enlace_test_cli_run (&r, tmp_dir, "meta", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "two words", "x", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "institution", "x", "--unset", NULL);
  g_assert_cmpint (r.status, ==, 2);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "a", "b", "c", NULL);
  g_assert_cmpint (r.status, ==, 2);
}

static void
test_logo (void)
{
  g_autofree char *project = new_project ();
  g_autofree char *png = g_build_filename (tmp_dir, "escudo.png", NULL);
  g_autofree char *text = g_build_filename (tmp_dir, "escudo.txt", NULL);
  g_auto(EnlaceCliRun) r = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (png, (const char *) tiny_png, sizeof tiny_png, &error));
  g_assert_true (g_file_set_contents (text, "no soy una imagen\n", -1, &error));

  enlace_test_cli_run (&r, tmp_dir, "meta", project, "logo", png, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "image/png"));
  /* kept in the file: the image may go */
  g_assert_cmpint (g_unlink (png), ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "logo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "attachment:"));
  g_assert_nonnull (strstr (r.out, "image/png, 70 bytes"));

  /* not an image: refused, the logo stays */
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "logo", text, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "escudo.txt"));
  g_assert_nonnull (strstr (r.err, "PNG, JPEG or SVG"));
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "logo", NULL);
  g_assert_nonnull (strstr (r.out, "image/png"));

  enlace_test_cli_run (&r, tmp_dir, "meta", project, "logo", "--unset", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "logo", NULL);
  g_assert_cmpint (r.status, ==, 1);
  enlace_test_cli_run (&r, tmp_dir, "undo", project, NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "logo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "image/png"));
}

/* What meta sets is the header of enlace-cli case doc. */
static void
test_case_doc_header (void)
{
  g_autofree char *project = new_project ();
  g_autofree char *png = g_build_filename (tmp_dir, "logo.png", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "cabecera.pdf", NULL);
  g_autofree char *words = NULL;
  g_auto(EnlaceCliRun) r = { 0 };
  g_auto(EnlaceCliRun) images = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (png, (const char *) tiny_png, sizeof tiny_png, &error));
  enlace_test_cli_run (&r, tmp_dir, "add", project, "area", "code=RHU", "name=Recursos Humanos", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "add", project, "person", "name=C. Leticia Campos Orozco",
                       "area=RHU", "email=leticia.campos@utvalle.edu.mx", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "case", "new", project, "correo-alta", "--requester", "C. Leticia Campos Orozco",
                       "--opened-at", "2026-03-02T09:15:00Z", "requested_address=leticia.campos@utvalle.edu.mx",
                       "purpose=Trámites de nómina", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "institution", "Universidad Tecnológica del Valle", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "department", "Departamento de Comunicaciones y Enlaces", NULL);
  g_assert_cmpint (r.status, ==, 0);
  enlace_test_cli_run (&r, tmp_dir, "meta", project, "logo", png, NULL);
  g_assert_cmpint (r.status, ==, 0);

  enlace_test_cli_run (&r, tmp_dir, "case", "doc", project, "CORREO-2026-0001", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  words = pdf_words (pdf);
  g_test_message ("%s", words);
  g_assert_nonnull (strstr (words, "Universidad Tecnológica del Valle"));
  g_assert_nonnull (strstr (words, "Departamento de Comunicaciones y Enlaces"));
  /* the logo is an image of the page */
  run_tool (&images, "pdfimages", pdf);
  g_assert_nonnull (strstr (images.out, " image "));
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = enlace_test_cli_make_dir ("enlace-cli-meta");

  g_test_add_func ("/cli/meta/properties", test_properties);
  g_test_add_func ("/cli/meta/logo", test_logo);
  g_test_add_func ("/cli/meta/case-doc-header", test_case_doc_header);
  rc = g_test_run ();

  enlace_test_cli_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return rc;
}
