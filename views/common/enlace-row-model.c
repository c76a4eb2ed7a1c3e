/* enlace-row-model.c: a GListModel of the rows of a list spec, loaded lazily
 *
 * The ids of the rows, in order, are read at once (cheap even for 100,000
 * rows).  An item is an EnlaceRow whose cells are read only when someone
 * asks for them: GTK 4.8's list views keep about 200 rows bound around
 * what they show, so a jump of the scroll bar binds 200 new rows in one
 * frame, of which some 25 are seen.  The object list reads the cells of
 * the rows it shows, all in one statement (enlace_row_model_load); a row
 * asked for its cells alone reads a page of its neighbours with it
 * (issue 14: no frame over 16 ms at 100,000 rows).
 */
#define G_LOG_DOMAIN "enlace-row-model"
#include "config.h"

#include "enlace-row-model.h"

/* Rows made recently, by id, so that a view asking twice gets one object. */
#define CACHE_SIZE 512

struct _EnlaceRowModel
{
  GObject               parent_instance;
  EnlaceStore          *store;
  const EnlaceListSpec *spec;
  GArray               *ids;
  char                 *search;
  gint64                parent_id;
  int                   sort_column;
  gboolean              descending;
  GHashTable           *cache;       /* id → EnlaceRow */
  GQueue                cache_order; /* of ids, oldest first */
  guint                 last_position; /* of the last page read: which way rows are asked for */
  EnlaceRowSource      *source;        /* of the rows made here */
  gulong                changed_id;
};

static GType
enlace_row_model_get_item_type (GListModel *model)
{
  return ENLACE_TYPE_ROW;
}

static guint
enlace_row_model_get_n_items (GListModel *model)
{
  EnlaceRowModel *self = ENLACE_ROW_MODEL (model);

  return self->ids->len;
}

static void
cache_clear (EnlaceRowModel *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear (&self->cache_order);
}

static void
cache_add (EnlaceRowModel *self,
           EnlaceRow      *row,
           gint64          id)
{
  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (row));
  g_queue_push_tail (&self->cache_order, g_memdup2 (&id, sizeof id));
  while (self->cache_order.length > CACHE_SIZE)
    {
      g_autofree gint64 *old = g_queue_pop_head (&self->cache_order);
      g_hash_table_remove (self->cache, old);
    }
}

/* Reads the cells of the pending rows @rows, in one statement a page. */
static void
load_rows (EnlaceRowModel *self,
           GPtrArray      *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  g_autoptr(GPtrArray) cells = NULL;

  if (rows->len == 0)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = enlace_row_get_id (g_ptr_array_index (rows, i));
      g_array_append_val (ids, id);
    }

  if (!(cells = enlace_list_query_rows (self->store, self->spec, (gint64 *) ids->data, ids->len, &error)))
    {
      g_debug ("%s", error->message);
      cells = g_ptr_array_new ();
      g_ptr_array_set_size (cells, ids->len);
    }

  /* a row that is gone (deleted since the ids were read) shows empty */
  for (guint i = 0; i < rows->len; i++)
    enlace_row_set_cells (g_ptr_array_index (rows, i), g_steal_pointer (&g_ptr_array_index (cells, i)));
}

/* The pending row @row asks for its cells: read them with those of the
 * page of rows around it that are made and pending — forward from it, or
 * backward when rows are asked for upward. */
static void
load_page (GObject   *loader,
           EnlaceRow *row)
{
  EnlaceRowModel *self = ENLACE_ROW_MODEL (loader);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint position = enlace_row_get_index (row);
  gboolean upward;
  guint first, last;

  g_ptr_array_add (rows, row);
  /* a row of before the last reload: its place means nothing now */
  if (position < self->ids->len && g_array_index (self->ids, gint64, position) == enlace_row_get_id (row))
    {
      upward = position < self->last_position &&
               self->last_position - position < ENLACE_LIST_PAGE_ROWS;
      first = upward ? (position >= ENLACE_LIST_PAGE_ROWS - 1 ? position - (ENLACE_LIST_PAGE_ROWS - 1) : 0)
                     : position;
      last = upward ? position + 1 : MIN (position + ENLACE_LIST_PAGE_ROWS, self->ids->len);
      self->last_position = position;
      for (guint i = first; i < last; i++)
        {
          gint64 id = g_array_index (self->ids, gint64, i);
          EnlaceRow *other;

          if (i == position)
            continue;
          other = g_hash_table_lookup (self->cache, &id);
          if (other == NULL)
            {
              other = enlace_row_new_pending (id, i, self->source);
              cache_add (self, other, id);
              g_object_unref (other);
            }
          if (!enlace_row_is_loaded (other))
            g_ptr_array_add (rows, other);
        }
    }
  load_rows (self, rows);
}

static gpointer
enlace_row_model_get_item (GListModel *model,
                           guint       position)
{
  EnlaceRowModel *self = ENLACE_ROW_MODEL (model);
  EnlaceRow *row;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  if ((row = g_hash_table_lookup (self->cache, &id)))
    return g_object_ref (row);

  /* no SQL here: the cells are read when asked for */
  row = enlace_row_new_pending (id, position, self->source);
  cache_add (self, row, id);
  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = enlace_row_model_get_item_type;
  iface->get_n_items = enlace_row_model_get_n_items;
  iface->get_item = enlace_row_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (EnlaceRowModel, enlace_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
on_store_changed (EnlaceRowModel  *self,
                  EnlaceChangeSet *changes,
                  EnlaceStore     *store)
{
  /* Cells join other tables (a cable's ends, an extension's port), so any
   * change may alter what a row shows. */
  enlace_row_model_reload (self);
}

static void
enlace_row_model_dispose (GObject *object)
{
  EnlaceRowModel *self = (EnlaceRowModel *)object;

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (self->source)
    {
      /* the rows the views still hold stay as they are */
      enlace_row_source_detach (self->source);
      g_clear_pointer (&self->source, enlace_row_source_unref);
    }

  G_OBJECT_CLASS (enlace_row_model_parent_class)->dispose (object);
}

static void
enlace_row_model_finalize (GObject *object)
{
  EnlaceRowModel *self = (EnlaceRowModel *)object;

  cache_clear (self);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (enlace_row_model_parent_class)->finalize (object);
}

static void
enlace_row_model_class_init (EnlaceRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enlace_row_model_dispose;
  object_class->finalize = enlace_row_model_finalize;
}

static void
enlace_row_model_init (EnlaceRowModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->sort_column = -1;
  g_queue_init (&self->cache_order);
  self->source = enlace_row_source_new (G_OBJECT (self), load_page);
}

EnlaceRowModel *
enlace_row_model_new (EnlaceStore          *store,
                      const EnlaceListSpec *spec)
{
  EnlaceRowModel *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  self = g_object_new (ENLACE_TYPE_ROW_MODEL, NULL);
  self->store = g_object_ref (store);
  self->spec = spec;
  self->changed_id = g_signal_connect_object (store, "changed",
                                              G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  enlace_row_model_reload (self);

  return self;
}

const EnlaceListSpec *
enlace_row_model_get_spec (EnlaceRowModel *self)
{
  g_return_val_if_fail (ENLACE_IS_ROW_MODEL (self), NULL);

  return self->spec;
}

EnlaceStore *
enlace_row_model_get_store (EnlaceRowModel *self)
{
  g_return_val_if_fail (ENLACE_IS_ROW_MODEL (self), NULL);

  return self->store;
}

void
enlace_row_model_reload (EnlaceRowModel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint old_len;

  g_return_if_fail (ENLACE_IS_ROW_MODEL (self));

  ids = enlace_list_query_ids (self->store, self->spec, self->parent_id,
                               self->search, self->sort_column,
                               self->descending, &error);
  if (ids == NULL)
    {
      g_warning ("Cannot list %s: %s", self->spec->name, error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  cache_clear (self);
  old_len = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);

  if (old_len > 0 || self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
}

void
enlace_row_model_set_search (EnlaceRowModel *self,
                             const char     *search)
{
  g_return_if_fail (ENLACE_IS_ROW_MODEL (self));

  if (search && !search[0])
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  enlace_row_model_reload (self);
}

void
enlace_row_model_set_parent (EnlaceRowModel *self,
                             gint64          parent_id)
{
  g_return_if_fail (ENLACE_IS_ROW_MODEL (self));

  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  enlace_row_model_reload (self);
}

void
enlace_row_model_set_sort (EnlaceRowModel *self,
                           int             column,
                           gboolean        descending)
{
  g_return_if_fail (ENLACE_IS_ROW_MODEL (self));
  g_return_if_fail (column < (int)self->spec->n_columns);

  if (column < 0)
    descending = FALSE;
  if (self->sort_column == column && self->descending == descending)
    return;

  self->sort_column = column;
  self->descending = descending;
  enlace_row_model_reload (self);
}

gint64
enlace_row_model_get_id (EnlaceRowModel *self,
                         guint           position)
{
  g_return_val_if_fail (ENLACE_IS_ROW_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

guint
enlace_row_model_find (EnlaceRowModel *self,
                       gint64          id)
{
  g_return_val_if_fail (ENLACE_IS_ROW_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

void
enlace_row_model_load (EnlaceRowModel  *self,
                       EnlaceRow      **rows,
                       guint            n_rows)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (ENLACE_IS_ROW_MODEL (self));
  g_return_if_fail (rows != NULL || n_rows == 0);

  pending = g_ptr_array_sized_new (n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      if (enlace_row_is_loaded (rows[i]))
        continue;
      if (enlace_row_is_from (rows[i], self->source))
        g_ptr_array_add (pending, rows[i]);
      else
        enlace_row_get_cell (rows[i], 0); /* another model's: by its own */
    }
  load_rows (self, pending);
}
