/* test-identity.c: the project's identity on its documents — the logo
 * kept in the file, its refusals, undo, the older path value */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "enlace-store.h"

/* A 1×1 PNG. */
static const guchar tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static const char svg[] =
  "<?xml version=\"1.0\"?>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\">"
  "<circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#1c71d8\"/></svg>\n";

static EnlaceStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  return store;
}

static void
assert_logo (EnlaceStore *store,
             GBytes      *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) got = enlace_store_get_logo (store, &error);

  g_assert_no_error (error);
  if (expected == NULL)
    g_assert_null (got);
  else
    {
      g_assert_nonnull (got);
      g_assert_true (g_bytes_equal (got, expected));
    }
}

static void
test_set_get (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) image = g_bytes_new_static (svg, strlen (svg));
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;

  /* none yet: NULL without an error */
  assert_logo (store, NULL);

  g_assert_cmpstr (enlace_logo_check (png, &error), ==, "image/png");
  g_assert_cmpstr (enlace_logo_check (image, &error), ==, "image/svg+xml");
  g_assert_no_error (error);

  g_assert_true (enlace_store_set_logo (store, png, &error));
  g_assert_no_error (error);
  assert_logo (store, png);
  value = enlace_store_get_meta (store, "logo");
  g_assert_true (g_str_has_prefix (value, "attachment:"));
  label = enlace_store_dup_undo_label (store);
  g_assert_cmpstr (label, ==, "Set the logo");

  /* another image replaces it; the same again changes nothing */
  g_assert_true (enlace_store_set_logo (store, image, &error));
  g_assert_true (enlace_store_set_logo (store, image, &error));
  g_assert_no_error (error);
  assert_logo (store, image);

  /* removed: no logo */
  g_assert_true (enlace_store_set_logo (store, NULL, &error));
  g_assert_no_error (error);
  assert_logo (store, NULL);
  g_clear_pointer (&label, g_free);
  label = enlace_store_dup_undo_label (store);
  g_assert_cmpstr (label, ==, "Remove the logo");
}

static void
test_undo (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) image = g_bytes_new_static (svg, strlen (svg));

  g_assert_true (enlace_store_set_logo (store, png, &error));
  g_assert_true (enlace_store_set_logo (store, image, &error));
  g_assert_no_error (error);

  /* one command each: undo goes back one image at a time */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  assert_logo (store, png);
  g_assert_true (enlace_store_undo (store, &error));
  assert_logo (store, NULL);
  g_assert_false (enlace_store_can_undo (store));
  /* redo finds the image still in the file */
  g_assert_true (enlace_store_redo (store, &error));
  g_assert_no_error (error);
  assert_logo (store, png);
}

static void
test_refusals (void)
{
  g_autoptr(EnlaceStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) text = g_bytes_new_static ("Universidad\n", 12);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GBytes) big = NULL;
  guchar *data;

  g_assert_true (enlace_store_set_logo (store, png, &error));
  g_assert_no_error (error);

  /* not an image: refused, the logo stays */
  g_assert_false (enlace_store_set_logo (store, text, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PNG, JPEG or SVG"));
  g_clear_error (&error);
  g_assert_false (enlace_store_set_logo (store, empty, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* mentions <svg but is not an SVG document */
  html = g_bytes_new_static ("<html><body><svg></body>", 24);
  g_assert_false (enlace_store_set_logo (store, html, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* a PNG over the limit: refused with the limit named */
  data = g_malloc0 (ENLACE_LOGO_MAX_SIZE + 1);
  memcpy (data, tiny_png, sizeof tiny_png);
  big = g_bytes_new_take (data, ENLACE_LOGO_MAX_SIZE + 1);
  g_assert_false (enlace_store_set_logo (store, big, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2000001 bytes"));
  g_assert_nonnull (strstr (error->message, "at most 2.0"));
  g_clear_error (&error);

  assert_logo (store, png);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_false (enlace_store_can_undo (store));
}

/* An older project: meta "logo" is a path next to the project file. */
static void
test_legacy_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("enlace-identity-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "campus.enlace", NULL);
  g_autofree char *logo_path = g_build_filename (dir, "escudo.png", NULL);
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) got = NULL;

  g_assert_true (g_file_set_contents (logo_path, (const char *) tiny_png, sizeof tiny_png, &error));
  store = enlace_store_open (path, ENLACE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_store_set_meta (store, "logo", "escudo.png", &error));
  assert_logo (store, png);

  /* a missing file is an error that names the value */
  g_assert_true (enlace_store_set_meta (store, "logo", "falta.png", &error));
  got = enlace_store_get_logo (store, &error);
  g_assert_null (got);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "falta.png"));
  g_clear_error (&error);

  /* setting an image puts it in the file: the folder is no longer needed */
  g_assert_true (enlace_store_set_logo (store, png, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (g_unlink (logo_path), ==, 0);
  store = enlace_store_open (path, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_logo (store, png);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/store/identity/logo", test_set_get);
  g_test_add_func ("/model/store/identity/logo-undo", test_undo);
  g_test_add_func ("/model/store/identity/logo-refusals", test_refusals);
  g_test_add_func ("/model/store/identity/logo-legacy-path", test_legacy_path);
  return g_test_run ();
}
