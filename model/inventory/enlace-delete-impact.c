/* enlace-delete-impact.c: what goes with an object when it is deleted */
#define G_LOG_DOMAIN "enlace-inventory"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-delete-impact.h"
#include "enlace-kinds.h"
#include "enlace-store-private.h"

/* Counts, per kind, the rows the open command deleted and changed. */
static GArray *
count_changes (EnlaceStore       *store,
               const EnlaceKind  *kind,
               gint64             id,
               GError           **error)
{
  const EnlaceKind **kinds = enlace_kinds_all ();
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (EnlaceDeleteCount));
  sqlite3_stmt *stmt;
  int rc;

  stmt = enlace_store_prepare (store,
                               "SELECT c.tbl, count(DISTINCT CASE WHEN c.after IS NULL THEN c.row_id END), "
                               " count(DISTINCT CASE WHEN c.after IS NOT NULL AND c.before IS NOT NULL "
                               "  AND NOT EXISTS (SELECT 1 FROM change d WHERE d.command_id = c.command_id "
                               "   AND d.tbl = c.tbl AND d.row_id = c.row_id AND d.after IS NULL) THEN c.row_id END) "
                               "FROM change c WHERE c.command_id = ?1 AND NOT (c.tbl = ?2 AND c.row_id = ?3) "
                               "GROUP BY c.tbl",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, enlace_store_current_command (store));
  sqlite3_bind_text (stmt, 2, kind->table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *)sqlite3_column_text (stmt, 0);

      /* only the objects of a kind: not the rows a kind owns (cable_end) */
      for (guint i = 0; kinds[i]; i++)
        if (strcmp (kinds[i]->table, table) == 0)
          {
            EnlaceDeleteCount c = { kinds[i]->name,
                                    (guint) sqlite3_column_int64 (stmt, 1),
                                    (guint) sqlite3_column_int64 (stmt, 2) };
            if (c.deleted > 0 || c.changed > 0)
              g_array_append_val (counts, c);
            break;
          }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Reading the audit log"));
      return NULL;
    }

  /* in the order of the kinds (parents first), not of the tables' names */
  {
    g_autoptr(GArray) ordered = g_array_new (FALSE, TRUE, sizeof (EnlaceDeleteCount));

    for (guint i = 0; kinds[i]; i++)
      for (guint j = 0; j < counts->len; j++)
        if (g_array_index (counts, EnlaceDeleteCount, j).kind == kinds[i]->name)
          g_array_append_val (ordered, g_array_index (counts, EnlaceDeleteCount, j));
    return g_steal_pointer (&ordered);
  }
}

GArray *
enlace_inventory_delete_impact (EnlaceStore  *store,
                                const char   *kind_name,
                                gint64        id,
                                GError      **error)
{
  const EnlaceKind *kind;
  GArray *counts;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind_name != NULL, NULL);
  g_return_val_if_fail (!enlace_store_in_command (store), NULL);

  if (!(kind = enlace_kind_lookup (kind_name)))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("There is no kind of object “%s”"), kind_name);
      return NULL;
    }

  /* A dry run: the delete inside a command that is rolled back (nothing
   * is committed, ::changed is not emitted). */
  if (!enlace_store_begin (store, _("Delete (dry run)"), error))
    return NULL;
  if (!enlace_store_delete (store, kind_name, id, error))
    {
      enlace_store_rollback (store);
      return NULL;
    }
  counts = count_changes (store, kind, id, error);
  enlace_store_rollback (store);
  return counts;
}

gboolean
enlace_delete_impact_has_contents (GArray *impact)
{
  g_return_val_if_fail (impact != NULL, FALSE);

  for (guint i = 0; i < impact->len; i++)
    if (g_array_index (impact, EnlaceDeleteCount, i).deleted > 0)
      return TRUE;
  return FALSE;
}

/* "24 ports", "1 cable": the kind's label in lower case. */
static char *
count_text (const char *kind_name,
            guint       n)
{
  const EnlaceKind *k = enlace_kind_lookup (kind_name);
  g_autofree char *what = g_utf8_strdown (n == 1 ? _(k->label) : _(k->plural), -1);

  return g_strdup_printf ("%u %s", n, what);
}

/* "a", "a and b", "a, b and c" */
static char *
join_list (GPtrArray *items)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0 && i + 1 == items->len)
        /* Translators: between the last two items of a list, "3 ports and 1 cable" */
        g_string_append (s, _(" and "));
      else if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, g_ptr_array_index (items, i));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
enlace_delete_impact_describe (GArray *impact)
{
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) s = g_string_new (NULL);
  guint n_deleted = 0, n_changed = 0;

  g_return_val_if_fail (impact != NULL, NULL);

  for (guint i = 0; i < impact->len; i++)
    {
      const EnlaceDeleteCount *c = &g_array_index (impact, EnlaceDeleteCount, i);

      n_deleted += c->deleted;
      n_changed += c->changed;
      if (c->deleted > 0)
        g_ptr_array_add (deleted, count_text (c->kind, c->deleted));
      if (c->changed > 0)
        g_ptr_array_add (changed, count_text (c->kind, c->changed));
    }
  if (deleted->len == 0 && changed->len == 0)
    return NULL;

  if (deleted->len > 0)
    {
      g_autofree char *list = join_list (deleted);
      /* Translators: %s is a list, "24 ports and 3 cables"; singular
       * when it is one object */
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s will be deleted with it.",
                                              "%s will be deleted with it.", n_deleted), list);
    }
  if (changed->len > 0)
    {
      g_autofree char *list = join_list (changed);
      if (s->len > 0)
        g_string_append_c (s, ' ');
      /* Translators: %s is a list, "1 extension"; their reference to the
       * deleted object is cleared */
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s will lose their link to it.",
                                              "%s will lose their link to it.", n_changed), list);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
