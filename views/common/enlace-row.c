/* enlace-row.c: one row of a list (an id and its cells, as text) */
#define G_LOG_DOMAIN "enlace-row"
#include "config.h"

#include "enlace-row.h"

struct _EnlaceRow
{
  GObject            parent_instance;
  gint64             id;
  char             **cells;
  guint              n_cells;
  gboolean           loaded;
  guint              index;
  EnlaceRowSource   *source;   /* until loaded */
};

struct _EnlaceRowSource
{
  GObject           *loader;   /* not kept: NULL once detached */
  EnlaceRowLoadFunc  load;
};

EnlaceRowSource *
enlace_row_source_new (GObject           *loader,
                       EnlaceRowLoadFunc  load)
{
  EnlaceRowSource *source = g_rc_box_new0 (EnlaceRowSource);

  source->loader = loader;
  source->load = load;
  return source;
}

EnlaceRowSource *
enlace_row_source_ref (EnlaceRowSource *source)
{
  return g_rc_box_acquire (source);
}

void
enlace_row_source_unref (EnlaceRowSource *source)
{
  g_rc_box_release (source);
}

void
enlace_row_source_detach (EnlaceRowSource *source)
{
  source->loader = NULL;
}

G_DEFINE_FINAL_TYPE (EnlaceRow, enlace_row, G_TYPE_OBJECT)

static void
enlace_row_finalize (GObject *object)
{
  EnlaceRow *self = (EnlaceRow *)object;

  g_clear_pointer (&self->source, enlace_row_source_unref);
  g_clear_pointer (&self->cells, g_strfreev);

  G_OBJECT_CLASS (enlace_row_parent_class)->finalize (object);
}

static void
enlace_row_class_init (EnlaceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = enlace_row_finalize;
}

static void
enlace_row_init (EnlaceRow *self)
{
}

EnlaceRow *
enlace_row_new (gint64   id,
                char   **cells)
{
  EnlaceRow *self = g_object_new (ENLACE_TYPE_ROW, NULL);

  self->id = id;
  enlace_row_set_cells (self, cells);

  return self;
}

EnlaceRow *
enlace_row_new_pending (gint64           id,
                        guint            index,
                        EnlaceRowSource *source)
{
  EnlaceRow *self = g_object_new (ENLACE_TYPE_ROW, NULL);

  g_return_val_if_fail (source != NULL, self);

  self->id = id;
  self->index = index;
  self->source = enlace_row_source_ref (source);

  return self;
}

gboolean
enlace_row_is_from (EnlaceRow       *self,
                    EnlaceRowSource *source)
{
  g_return_val_if_fail (ENLACE_IS_ROW (self), FALSE);

  return self->source != NULL && self->source == source;
}

gboolean
enlace_row_is_loaded (EnlaceRow *self)
{
  g_return_val_if_fail (ENLACE_IS_ROW (self), FALSE);

  return self->loaded;
}

void
enlace_row_set_cells (EnlaceRow  *self,
                      char      **cells)
{
  g_return_if_fail (ENLACE_IS_ROW (self));

  g_clear_pointer (&self->cells, g_strfreev);
  self->cells = cells;
  self->n_cells = cells ? g_strv_length (cells) : 0;
  self->loaded = TRUE;
  g_clear_pointer (&self->source, enlace_row_source_unref);
}

gint64
enlace_row_get_id (EnlaceRow *self)
{
  g_return_val_if_fail (ENLACE_IS_ROW (self), 0);

  return self->id;
}

guint
enlace_row_get_index (EnlaceRow *self)
{
  g_return_val_if_fail (ENLACE_IS_ROW (self), 0);

  return self->index;
}

const char *
enlace_row_get_cell (EnlaceRow *self,
                     guint      column)
{
  g_return_val_if_fail (ENLACE_IS_ROW (self), "");

  if (!self->loaded && self->source && self->source->loader)
    self->source->load (self->source->loader, self);

  if (column >= self->n_cells)
    return "";
  return self->cells[column];
}
