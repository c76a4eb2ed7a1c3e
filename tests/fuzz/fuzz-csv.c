/* fuzz-csv.c: the CSV import (`enlace-cli import-csv`, the spreadsheet
 * reader plus enlace_csv_import with its column mapping) on any bytes.
 *
 * The input's first line says what to import, as the command line would:
 *
 *   KIND [dry] [all] [sep=;] [map=COLUMN=FIELD,COLUMN=FIELD]
 *
 * (KIND: outlet, cable, device, extension, person, area); the rest is the
 * CSV file.  It goes into a small generated campus, kept between inputs.
 *
 * Checks: a refused import comes with a message and changes nothing;
 * every refused row has a line and a message; an import is one command
 * and undo takes the project back to the count it had.
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * a plain program (fuzz-main.c) that runs the seed corpus
 * (tests/data/csv/) and the regressions (tests/fuzz/regressions/csv/). */
#include "config.h"

#include <string.h>

#include "enlace-csv-import.h"
#include "enlace-generate.h"
#include "enlace-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static EnlaceStore *
shared_store (void)
{
  static EnlaceStore *store = NULL;
  static guint uses = 0;

  /* Every import and its undo stay in the audit log: start again now
   * and then so that a long run keeps its memory flat. */
  if (store != NULL && ++uses % 500 == 0)
    g_clear_object (&store);
  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      EnlaceGenerateOptions opts;

      enlace_generate_options_init (&opts);
      opts.buildings = 1;
      opts.floors = 2;
      opts.outlets_per_floor = 4;
      store = enlace_store_new_memory (&error);
      g_assert (store != NULL);
      g_assert (enlace_generate (store, &opts, NULL, &error));
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  EnlaceStore *store = shared_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCsvImport) import = NULL;
  g_autoptr(EnlaceCsvReader) reader = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *first = NULL;
  const char *nl = memchr (data, '\n', size);
  const char *store_kind;
  gsize first_len = nl ? (gsize) (nl - (const char *) data) : size;
  char sep = 0;
  gint64 last_command;
  guint count;
  gboolean ok;

  first = g_strndup ((const char *) data, first_len);
  words = g_strsplit (first, " ", 8);
  if (words[0] == NULL)
    return 0;
  import = enlace_csv_import_new (store, words[0], &error);
  if (import == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  for (guint i = 1; words[i] != NULL; i++)
    if (strcmp (words[i], "dry") == 0)
      enlace_csv_import_set_dry_run (import, TRUE);
    else if (strcmp (words[i], "all") == 0)
      enlace_csv_import_set_all_or_nothing (import, TRUE);
    else if (g_str_has_prefix (words[i], "sep=") && strlen (words[i]) == 5
             && strchr (",;\t", words[i][4]) != NULL)
      sep = words[i][4];
    else if (g_str_has_prefix (words[i], "map="))
      {
        g_autoptr(GError) map_error = NULL;

        if (!enlace_csv_import_parse_mapping (import, words[i] + 4, &map_error))
          {
            g_assert (map_error != NULL && map_error->message[0] != '\0');
            return 0;
          }
      }

  store_kind = strcmp (words[0], "outlet") == 0 ? "device" : words[0];
  count = enlace_store_count (store, store_kind);
  last_command = enlace_store_peek_undo (store, NULL);

  reader = enlace_csv_reader_new_for_data (nl ? nl + 1 : "",
                                           nl ? (gssize) (size - first_len - 1) : 0,
                                           sep);
  ok = enlace_csv_import_run (import, reader, NULL, &error);
  if (!ok)
    {
      /* Every refusal says something, and changes nothing. */
      g_assert (error != NULL && error->message != NULL && error->message[0] != '\0');
      g_assert (enlace_store_peek_undo (store, NULL) == last_command);
      g_assert (enlace_store_count (store, store_kind) == count);
      return 0;
    }

  {
    GPtrArray *refusals = enlace_csv_import_get_refusals (import);

    for (guint i = 0; refusals != NULL && i < refusals->len; i++)
      {
        EnlaceCsvRefusal *r = g_ptr_array_index (refusals, i);

        g_assert (r->line >= 1);
        g_assert (r->message != NULL && r->message[0] != '\0');
      }
  }
  g_assert (enlace_csv_import_get_n_good (import) <= enlace_csv_import_get_n_rows (import));

  if (enlace_csv_import_get_command (import) != 0)
    {
      g_assert (enlace_store_peek_undo (store, NULL) == enlace_csv_import_get_command (import));
      if (!enlace_store_undo (store, &error))
        g_error ("undoing a CSV import: %s", error->message);
      g_assert (enlace_store_peek_undo (store, NULL) == last_command);
    }
  else
    g_assert (enlace_store_peek_undo (store, NULL) == last_command);
  g_assert (enlace_store_count (store, store_kind) == count);
  return 0;
}
