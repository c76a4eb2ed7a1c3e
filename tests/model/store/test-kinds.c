/* test-kinds.c: the registry of kinds and document tables */
#include "config.h"

#include <string.h>

#include "enlace-kinds.h"
#include "enlace-query.h"
#include "enlace-store-private.h"

/* Every table of the schema is either part of the document (owned by a
 * kind or declared by an area: audited and undoable) or declared outside
 * it.  A table an area adds to the schema and forgets to declare would
 * be silently left out of undo: this fails instead. */
static void
test_schema_tables (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(GString) undeclared = g_string_new (NULL);
  g_autoptr(GHashTable) in_schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *document = enlace_document_tables ();
  sqlite3_stmt *stmt;
  guint n = 0;

  g_assert_no_error (error);
  stmt = enlace_store_prepare (store,
                               "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                               " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                               &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);

      g_hash_table_add (in_schema, g_strdup (table));
      n++;
      if (!enlace_table_is_document (table) && !enlace_table_is_outside (table))
        g_string_append_printf (undeclared, " %s", table);
      /* never both */
      g_assert_false (enlace_table_is_document (table) && enlace_table_is_outside (table));
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n, >, 20);
  if (undeclared->len > 0)
    g_error ("Tables of the schema neither owned by a kind nor declared "
             "(enlace_document_tables_declare / enlace_outside_tables_declare):%s",
             undeclared->str);

  /* and every declared document table exists */
  for (guint i = 0; document[i]; i++)
    g_assert_true (g_hash_table_contains (in_schema, document[i]));
  g_assert_true (enlace_table_is_document ("meta"));
  g_assert_true (enlace_table_is_document ("cable_end"));
  g_assert_true (enlace_table_is_document ("extension_status"));
  g_assert_true (enlace_table_is_outside ("change"));
  g_assert_false (enlace_table_is_document ("change"));
}

/* What the registry derives from the kinds holds together. */
static void
test_kinds_consistent (void)
{
  const EnlaceKind **kinds = enlace_kinds_all ();
  guint n = 0;

  for (guint k = 0; kinds[k]; k++, n++)
    {
      const EnlaceKind *kind = kinds[k];

      g_test_message ("kind %s", kind->name);
      g_assert_true (enlace_kind_lookup (kind->name) == kind);
      g_assert_true (enlace_kind_for_table (kind->table) == kind);
      g_assert_true (enlace_table_is_document (kind->table));
      for (guint t = 0; kind->tables && kind->tables[t]; t++)
        g_assert_true (enlace_table_is_document (kind->tables[t]));

      if (kind->parent_field)
        {
          const EnlaceField *pf = enlace_kind_get_field (kind, kind->parent_field);
          g_assert_nonnull (pf);
          g_assert_cmpint (pf->type, ==, ENLACE_FIELD_REF);
        }
      for (guint f = 0; f < kind->n_fields; f++)
        {
          const EnlaceField *field = &kind->fields[f];

          /* references point at kinds registered earlier, or at itself */
          if (field->type == ENLACE_FIELD_REF)
            {
              const EnlaceKind *ref = enlace_kind_lookup (field->ref_kind);
              gboolean earlier = FALSE;

              g_assert_nonnull (ref);
              for (guint j = 0; j <= k; j++)
                earlier |= kinds[j] == ref;
              g_assert_true (earlier);
            }
          if (field->type == ENLACE_FIELD_CHOICE)
            {
              g_assert_nonnull (field->choices);
              if (field->default_value)
                g_assert_true (g_strv_contains (field->choices, field->default_value));
            }
        }

      /* the XML element: a nested kind is nested in an earlier kind, by
       * its parent field */
      if (kind->xml.element)
        {
          g_assert_nonnull (kind->xml.from);
          g_assert_nonnull (kind->xml.order);
          if (kind->xml.nested_in)
            {
              const EnlaceKind *outer = enlace_kind_lookup (kind->xml.nested_in);
              const EnlaceField *pf;

              g_assert_nonnull (outer);
              g_assert_nonnull (kind->parent_field);
              pf = enlace_kind_get_field (kind, kind->parent_field);
              g_assert_cmpstr (pf->ref_kind, ==, outer->name);
            }
        }

      /* its list */
      if (kind->list)
        {
          g_assert_cmpstr (kind->list->name, ==, kind->name);
          g_assert_cmpstr (kind->list->kind, ==, kind->name);
          g_assert_cmpuint (kind->list->n_columns, >, 0);
        }
      g_assert_nonnull (enlace_list_spec_lookup (kind->name));
    }
  g_assert_cmpuint (n, ==, 20);
}

/* Defaults come from the fields: what a create without them stores. */
static void
test_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(JsonObject) row = NULL;
  gint64 id;

  g_assert_no_error (error);
  json_object_set_string_member (v, "cid", "ISP-1");
  json_object_set_string_member (v, "provider", "Telco");
  id = enlace_store_create (store, "circuit", v, &error);
  g_assert_no_error (error);
  row = enlace_store_get (store, "circuit", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "internet");
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "active");
  g_assert_cmpstr (enlace_choice_label ("tray"), ==, "Cable tray");
  g_assert_cmpstr (enlace_choice_label ("undo"), ==, "Undo");
  g_assert_cmpstr (enlace_choice_label ("no-such-value"), ==, "no-such-value");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/store/kinds/schema-tables", test_schema_tables);
  g_test_add_func ("/model/store/kinds/consistent", test_kinds_consistent);
  g_test_add_func ("/model/store/kinds/defaults", test_defaults);

  return g_test_run ();
}
