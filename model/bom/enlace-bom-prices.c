/* enlace-bom-prices.c: the price list of a project (see enlace-bom.h) */
#define G_LOG_DOMAIN "enlace-bom"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-bom.h"
#include "enlace-bom-private.h"
#include "enlace-store-private.h"

void
enlace_bom_price_free (EnlaceBomPrice *self)
{
  if (self == NULL)
    return;
  g_free (self->item);
  g_free (self->description);
  g_free (self);
}

char *
enlace_bom_dup_currency (EnlaceStore *store)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  code = enlace_store_get_meta (store, "currency");
  if (code != NULL)
    g_strstrip (code);
  if (code == NULL || strlen (code) != 3 ||
      !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]) || !g_ascii_isalpha (code[2]))
    return g_strdup ("MXN");
  return g_ascii_strup (code, -1);
}

GPtrArray *
enlace_bom_prices (EnlaceStore  *store,
                   GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_bom_price_free);
  sqlite3_stmt *st;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  st = enlace_store_prepare (store, "SELECT item, price, description FROM bom_price ORDER BY item", error);
  if (st == NULL)
    return NULL;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      EnlaceBomPrice *p = g_new0 (EnlaceBomPrice, 1);

      p->item = g_strdup ((const char *)sqlite3_column_text (st, 0));
      p->price = sqlite3_column_double (st, 1);
      p->description = g_strdup ((const char *)sqlite3_column_text (st, 2));
      g_ptr_array_add (out, p);
    }
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Reading the price list"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* Inside a command. */
static gboolean
write_price (EnlaceStore  *store,
             const char   *item,
             double        price,
             const char   *description,
             GError      **error)
{
  sqlite3_stmt *st = enlace_store_prepare (store,
                                           "INSERT INTO bom_price (item, price, description) VALUES (?1, ?2, ?3) "
                                           "ON CONFLICT (item) DO UPDATE SET price = excluded.price, "
                                           "description = coalesce(excluded.description, description)", error);

  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, item, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (st, 2, price);
  if (description && *description)
    sqlite3_bind_text (st, 3, description, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Writing the price list"));
      return FALSE;
    }
  return TRUE;
}

gboolean
enlace_bom_price_check (const char  *what,
                        const char  *item,
                        double       price,
                        GError     **error)
{
  if (item == NULL || *item == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: the item is empty"), what);
      return FALSE;
    }
  if (!isfinite (price) || price < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the price of %s must be a number of zero or more"), what, item);
      return FALSE;
    }
  return TRUE;
}

gboolean
enlace_bom_price_set (EnlaceStore  *store,
                      const char   *item,
                      double        price,
                      const char   *description,
                      GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_bom_price_check (_("Price"), item, price, error))
    return FALSE;
  if (!enlace_store_begin (store, _("Set price"), error))
    return FALSE;
  if (!write_price (store, item, price, description, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

guint
enlace_bom_prices_import (EnlaceStore  *store,
                          const char   *csv,
                          gsize         length,
                          GError      **error)
{
  static const char * const item_names[] = { "item", "artículo", "articulo", "código", "codigo", "code", NULL };
  static const char * const price_names[] = { "price", "precio", "unit_price", "precio unitario", NULL };
  static const char * const desc_names[] = { "description", "descripción", "descripcion", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  char **header;
  int c_item, c_price, c_desc;
  char sep = ',';

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (csv != NULL, 0);

  rows = enlace_bom_csv_parse (csv, length, &sep, &lines, error);
  if (rows == NULL)
    return 0;
  if (rows->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The price list is empty"));
      return 0;
    }
  header = g_ptr_array_index (rows, 0);
  c_item = enlace_bom_csv_column (header, item_names);
  c_price = enlace_bom_csv_column (header, price_names);
  c_desc = enlace_bom_csv_column (header, desc_names);
  if (c_item < 0 || c_price < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Line 1 of the price list: the header must name the columns “item” and “price”"));
      return 0;
    }
  if (rows->len == 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The price list has no price"));
      return 0;
    }
  if (!enlace_store_begin (store, _("Import price list"), error))
    return 0;
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      guint n = g_strv_length (row);
      g_autofree char *what = g_strdup_printf (_("Line %u of the price list"), g_array_index (lines, guint, r));
      const char *item = (guint)c_item < n ? g_strstrip (row[c_item]) : "";
      const char *ptext = (guint)c_price < n ? row[c_price] : "";
      double price = NAN;

      if (!enlace_bom_parse_number (ptext, sep, &price) && *item)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: the price of %s, “%s”, is not a number"), what, item, ptext);
          enlace_store_rollback (store);
          return 0;
        }
      if (!enlace_bom_price_check (what, item, price, error))
        {
          enlace_store_rollback (store);
          return 0;
        }
      if (g_hash_table_contains (seen, item))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: %s has a price already, on an earlier line"), what, item);
          enlace_store_rollback (store);
          return 0;
        }
      g_hash_table_add (seen, (gpointer)item);
      if (!write_price (store, item, price, c_desc >= 0 && (guint)c_desc < n ? row[c_desc] : NULL, error))
        {
          enlace_store_rollback (store);
          return 0;
        }
    }
  if (!enlace_store_commit (store, error))
    return 0;
  return rows->len - 1;
}
