/* fuzz-procedures.c: the procedures manual reader (`enlace-cli procedures
 * import`, enlace_procedures_import_named) on any bytes.
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * a plain program (fuzz-main.c) that runs the seed corpus (data/
 * procedures.xml, tests/data/procedures/) and the saved regressions in
 * tests/fuzz/regressions/procedures/ as a test.
 *
 * Checks: a refused manual comes with a message and changes nothing; an
 * accepted one is one command that undo takes back to the manual before,
 * and what it leaves exports into a manual that reads back. */
#include "config.h"

#include <string.h>

#include "enlace-cases.h"
#include "enlace-cases-private.h"
#include "enlace-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static EnlaceStore *
shared_store (void)
{
  static EnlaceStore *store = NULL;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;

      store = enlace_store_new_memory (&error);
      g_assert (store != NULL);
      g_assert (enlace_procedures_ensure_defaults (store, &error));
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  EnlaceStore *store = shared_store ();
  /* every input ends with the manual as it was: export it once */
  static char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gint64 last_command;
  int changed;

  if (size > G_MAXINT)
    return 0;
  if (before == NULL)
    before = enlace_procedures_export_to_string (store, &error);
  g_assert (before != NULL);
  last_command = enlace_store_peek_undo (store, NULL);

  changed = enlace_procedures_import_named (store, (const char *) data, size,
                                           "fuzz.xml", &error);
  if (changed < 0)
    {
      /* Every refusal says something, and changes nothing. */
      g_assert (error != NULL && error->message != NULL && error->message[0] != '\0');
      g_assert (enlace_store_peek_undo (store, NULL) == last_command);
      after = enlace_procedures_export_to_string (store, NULL);
      g_assert (g_strcmp0 (before, after) == 0);
      return 0;
    }

  /* What was imported writes out as a manual that reads back. */
  after = enlace_procedures_export_to_string (store, &error);
  g_assert (after != NULL);
  {
    g_autoptr(GPtrArray) again = enlace_procedures_parse (after, strlen (after),
                                                          "export.xml", &error);
    if (again == NULL)
      g_error ("the export of an imported manual does not read back: %s", error->message);
  }

  /* One command, and undo brings back the manual before it. */
  if (enlace_store_peek_undo (store, NULL) != last_command)
    {
      g_autofree char *undone = NULL;

      if (!enlace_store_undo (store, &error))
        g_error ("undoing an import of procedures: %s", error->message);
      g_assert (enlace_store_peek_undo (store, NULL) == last_command);
      undone = enlace_procedures_export_to_string (store, NULL);
      g_assert (g_strcmp0 (before, undone) == 0);
    }
  else
    g_assert (changed == 0);
  return 0;
}
