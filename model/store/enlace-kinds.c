/* enlace-kinds.c: the registry of kinds and document tables
 *
 * Filled once, the first time it is read, by enlace_areas_register()
 * (model/enlace-areas.c), which calls the registration function of each
 * area in document order.  Read-only afterwards, so readers need no lock.
 */
#define G_LOG_DOMAIN "enlace-kinds"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-areas.h"
#include "enlace-kinds.h"
#include "enlace-text.h"

typedef struct
{
  GPtrArray  *kinds;            /* const EnlaceKind *, NULL-terminated */
  GPtrArray  *document_tables;  /* const char *, NULL-terminated */
  GPtrArray  *outside_tables;   /* const char * */
  GHashTable *choice_labels;    /* value → N_() label */
  GPtrArray  *hooks;            /* const EnlaceStoreHooks *, NULL-terminated */
} Registry;

static Registry registry;
static gboolean registering;

static void
registry_init (void)
{
  if (registry.kinds != NULL)
    return;
  registry.kinds = g_ptr_array_new_null_terminated (32, NULL, TRUE);
  registry.document_tables = g_ptr_array_new_null_terminated (32, NULL, TRUE);
  registry.outside_tables = g_ptr_array_new ();
  registry.choice_labels = g_hash_table_new (g_str_hash, g_str_equal);
  registry.hooks = g_ptr_array_new_null_terminated (4, NULL, TRUE);
}

static gpointer
register_all (gpointer data)
{
  registry_init ();
  registering = TRUE;
  enlace_areas_register ();
  registering = FALSE;
  return NULL;
}

static const Registry *
get_registry (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, register_all, NULL);
  return &registry;
}

static gboolean
strv_has (GPtrArray  *array,
          const char *s)
{
  for (guint i = 0; i < array->len; i++)
    if (g_ptr_array_index (array, i) && strcmp (g_ptr_array_index (array, i), s) == 0)
      return TRUE;
  return FALSE;
}

static void
add_document_table (const char *table)
{
  if (strv_has (registry.document_tables, table) || strv_has (registry.outside_tables, table))
    g_error ("Table “%s” is declared twice", table);
  g_ptr_array_add (registry.document_tables, (gpointer) table);
}

void
enlace_kinds_register (const EnlaceKind *kinds,
                       guint             n_kinds)
{
  g_return_if_fail (kinds != NULL || n_kinds == 0);
  g_return_if_fail (registering);

  for (guint i = 0; i < n_kinds; i++)
    {
      const EnlaceKind *kind = &kinds[i];

      for (guint k = 0; k < registry.kinds->len; k++)
        if (strcmp (((const EnlaceKind *) g_ptr_array_index (registry.kinds, k))->name, kind->name) == 0)
          g_error ("Kind “%s” is registered twice", kind->name);
      g_ptr_array_add (registry.kinds, (gpointer) kind);
      add_document_table (kind->table);
      for (guint t = 0; kind->tables && kind->tables[t]; t++)
        add_document_table (kind->tables[t]);
    }
}

void
enlace_document_tables_declare (const char * const *tables)
{
  g_return_if_fail (tables != NULL);
  g_return_if_fail (registering);

  for (guint i = 0; tables[i]; i++)
    add_document_table (tables[i]);
}

void
enlace_outside_tables_declare (const char * const *tables)
{
  g_return_if_fail (tables != NULL);
  g_return_if_fail (registering);

  for (guint i = 0; tables[i]; i++)
    {
      if (strv_has (registry.document_tables, tables[i]) || strv_has (registry.outside_tables, tables[i]))
        g_error ("Table “%s” is declared twice", tables[i]);
      g_ptr_array_add (registry.outside_tables, (gpointer) tables[i]);
    }
}

void
enlace_choice_labels_register (const EnlaceChoiceLabel *labels,
                               guint                    n_labels)
{
  g_return_if_fail (labels != NULL || n_labels == 0);
  g_return_if_fail (registering);

  /* The first label registered for a value wins. */
  for (guint i = 0; i < n_labels; i++)
    if (!g_hash_table_contains (registry.choice_labels, labels[i].value))
      g_hash_table_insert (registry.choice_labels, (gpointer) labels[i].value, (gpointer) labels[i].label);
}

void
enlace_store_hooks_register (const EnlaceStoreHooks *hooks)
{
  g_return_if_fail (hooks != NULL);
  g_return_if_fail (registering);

  g_ptr_array_add (registry.hooks, (gpointer) hooks);
}

const EnlaceStoreHooks * const *
enlace_store_hooks (void)
{
  return (const EnlaceStoreHooks * const *) get_registry ()->hooks->pdata;
}

const char * const *
enlace_document_tables (void)
{
  return (const char * const *) get_registry ()->document_tables->pdata;
}

gboolean
enlace_table_is_document (const char *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  return strv_has (get_registry ()->document_tables, table);
}

gboolean
enlace_table_is_outside (const char *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  return strv_has (get_registry ()->outside_tables, table);
}

const EnlaceKind **
enlace_kinds_all (void)
{
  return (const EnlaceKind **) get_registry ()->kinds->pdata;
}

const EnlaceKind *
enlace_kind_lookup (const char *name)
{
  const EnlaceKind **kinds;

  g_return_val_if_fail (name != NULL, NULL);

  kinds = enlace_kinds_all ();
  for (guint i = 0; kinds[i]; i++)
    if (strcmp (kinds[i]->name, name) == 0)
      return kinds[i];
  return NULL;
}

const EnlaceKind *
enlace_kind_for_table (const char *table)
{
  const EnlaceKind **kinds;

  g_return_val_if_fail (table != NULL, NULL);

  kinds = enlace_kinds_all ();
  for (guint i = 0; kinds[i]; i++)
    if (strcmp (kinds[i]->table, table) == 0)
      return kinds[i];
  return NULL;
}

const EnlaceField *
enlace_kind_get_field (const EnlaceKind *kind,
                       const char       *field)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].name, field) == 0)
      return &kind->fields[i];
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
enlace_choice_values_matching (const char *folded_word)
{
  GPtrArray *values = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value, label;

  g_return_val_if_fail (folded_word != NULL, values);

  g_hash_table_iter_init (&iter, get_registry ()->choice_labels);
  while (g_hash_table_iter_next (&iter, &value, &label))
    if (enlace_text_matches (_(label), folded_word) || enlace_text_matches (value, folded_word))
      g_ptr_array_add (values, value);
  g_ptr_array_sort (values, compare_strings);
  return values;
}

const char *
enlace_choice_label (const char *value)
{
  const char *label;

  if (value == NULL)
    return "";
  label = g_hash_table_lookup (get_registry ()->choice_labels, value);
  return label ? _(label) : value;
}
