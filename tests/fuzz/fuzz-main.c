/* fuzz-main.c: runs a fuzz target's entry point on saved inputs, as a
 * GLib test, when the target is not built with libFuzzer.
 *
 *   fuzz-xml-regressions [DIR…]
 *
 * Each file of each DIR (recursively) is one test case: every input that
 * once crashed a fuzz target is kept in tests/fuzz/regressions/TARGET/ and
 * its seed corpus in tests/data, so the normal test suite runs them all. */
#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
collect (const char *dir,
         GPtrArray  *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    {
      if (g_file_test (dir, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (dir));
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (path, files);
      else
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
run_one (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  LLVMFuzzerTestOneInput ((const guint8 *)contents, len);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *target = g_getenv ("ENLACE_FUZZ_TARGET");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, compare_paths);
  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test = g_strdup_printf ("/fuzz/%s/%u-%s",
                                               target ? target : "target", i, base);

      g_test_add_data_func (test, path, run_one);
    }
  return g_test_run ();
}
