/* test-row-model.c: the rows of a list read lazily (issue 14) — an item is
 * made without SQL, its cells are read when asked for (a page of its
 * neighbours with it) or for many rows in one statement, and they are the
 * cells enlace_list_query_row() reads one by one. */
#include "config.h"

#include "enlace-demo.h"
#include "enlace-query.h"
#include "enlace-row-model.h"
#include "enlace-store.h"

static EnlaceStore *store;

/* Every cell of @row is the cell enlace_list_query_row() reads. */
static void
assert_row (const EnlaceListSpec *spec,
            EnlaceRow            *row)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cells = enlace_list_query_row (store, spec, enlace_row_get_id (row), &error);

  g_assert_no_error (error);
  for (guint c = 0; c < spec->n_columns; c++)
    g_assert_cmpstr (enlace_row_get_cell (row, c), ==, cells[c]);
}

static EnlaceRow *
item (EnlaceRowModel *model,
      guint           position)
{
  return g_list_model_get_item (G_LIST_MODEL (model), position);
}

/* enlace_list_query_rows: the cells of many rows, in the order asked,
 * over more than one page, NULL for a row that is not there */
static void
test_query_rows (void)
{
  g_autoptr(GError) error = NULL;
  const EnlaceListSpec *spec = enlace_list_spec_lookup ("cable");
  g_autoptr(GArray) all = enlace_list_query_ids (store, spec, 0, NULL, -1, FALSE, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;
  gint64 missing = -5;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, ENLACE_LIST_PAGE_ROWS + 10);
  /* backward, so the order of the answer is not the table's */
  for (guint i = ENLACE_LIST_PAGE_ROWS + 10; i > 0; i--)
    g_array_append_val (ids, g_array_index (all, gint64, i - 1));
  g_array_insert_val (ids, 3, missing);
  g_array_append_val (ids, g_array_index (all, gint64, 0));   /* twice */

  rows = enlace_list_query_rows (store, spec, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(GStrv) one = NULL;
      char **cells = g_ptr_array_index (rows, i);
      gint64 id = g_array_index (ids, gint64, i);

      if (id == missing)
        {
          g_assert_null (cells);
          continue;
        }
      one = enlace_list_query_row (store, spec, id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (cells);
      g_assert_cmpstrv (cells, one);
    }
}

/* Items cost no SQL; a row asked for its cells reads its page */
static void
test_lazy_rows (void)
{
  const EnlaceListSpec *spec = enlace_list_spec_lookup ("cable");
  g_autoptr(EnlaceRowModel) model = enlace_row_model_new (store, spec);
  g_autoptr(EnlaceRow) first = item (model, 0);
  g_autoptr(EnlaceRow) second = NULL;
  g_autoptr(EnlaceRow) beyond = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_assert_cmpuint (n, >, ENLACE_LIST_PAGE_ROWS + 30);
  g_assert_false (enlace_row_is_loaded (first));
  g_assert_cmpint (enlace_row_get_id (first), ==, enlace_row_model_get_id (model, 0));
  second = item (model, 1);
  beyond = item (model, ENLACE_LIST_PAGE_ROWS);
  g_assert_false (enlace_row_is_loaded (second));

  /* asked for a cell, the row reads the page from it */
  assert_row (spec, first);
  g_assert_true (enlace_row_is_loaded (first));
  g_assert_true (enlace_row_is_loaded (second));
  g_assert_false (enlace_row_is_loaded (beyond));
  assert_row (spec, second);

  /* the rows a view shows, in one go */
  for (guint i = ENLACE_LIST_PAGE_ROWS + 5; i < ENLACE_LIST_PAGE_ROWS + 25; i++)
    g_ptr_array_add (shown, item (model, i));
  enlace_row_model_load (model, (EnlaceRow **) shown->pdata, shown->len);
  for (guint i = 0; i < shown->len; i++)
    {
      g_assert_true (enlace_row_is_loaded (g_ptr_array_index (shown, i)));
      assert_row (spec, g_ptr_array_index (shown, i));
    }
  /* only those */
  g_assert_false (enlace_row_is_loaded (beyond));
  assert_row (spec, beyond);
}

/* A row made before a reload, or kept after its model is gone */
static void
test_stale_rows (void)
{
  const EnlaceListSpec *spec = enlace_list_spec_lookup ("cable");
  EnlaceRowModel *model = enlace_row_model_new (store, spec);
  g_autoptr(EnlaceRow) old = item (model, 2);
  g_autoptr(EnlaceRow) orphan = item (model, 3);

  /* the sort changes the places: the old row still reads its own cells */
  enlace_row_model_set_sort (model, 0, TRUE);
  g_assert_cmpint (enlace_row_model_get_id (model, 2), !=, enlace_row_get_id (old));
  assert_row (spec, old);

  /* its model gone, a pending row stays empty */
  g_object_unref (model);
  g_assert_false (enlace_row_is_loaded (orphan));
  g_assert_cmpstr (enlace_row_get_cell (orphan, 0), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  g_assert_true (enlace_demo_populate (store, &error));
  g_assert_no_error (error);

  g_test_add_func ("/views/row-model/query-rows", test_query_rows);
  g_test_add_func ("/views/row-model/lazy", test_lazy_rows);
  g_test_add_func ("/views/row-model/stale", test_stale_rows);

  ret = g_test_run ();
  g_object_unref (store);
  return ret;
}
