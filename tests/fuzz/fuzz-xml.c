/* fuzz-xml.c: the project XML import (enlace_xml_import) on any bytes.
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * a plain program (fuzz-main.c) that runs the saved regressions in
 * tests/fuzz/regressions/xml/ as a test.  An import may fail; it must not
 * crash, leak or hang, and a failed import leaves the store empty. */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "enlace-store.h"
#include "enlace-xml.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *path = NULL;
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("enlace-fuzz-xml-XXXXXX", NULL);
      g_assert (dir != NULL);
      path = g_build_filename (dir, "input.xml", NULL);
    }
  if (!g_file_set_contents (path, (const char *)data, size, NULL))
    return 0;

  store = enlace_store_new_memory (&error);
  g_assert (store != NULL);
  if (!enlace_xml_import (store, path, NULL, NULL, NULL, &error))
    {
      /* Every refusal says something, and changes nothing. */
      g_assert (error != NULL && error->message != NULL && error->message[0] != '\0');
      g_assert (enlace_store_count (store, "site") == 0);
    }
  return 0;
}
