/* enlace-row.c: one row of a list (an id and its cells, as text) */
#define G_LOG_DOMAIN "enlace-row"
#include "config.h"

#include "enlace-row.h"

struct _EnlaceRow
{
  GObject   parent_instance;
  gint64    id;
  char    **cells;
  guint     n_cells;
};

G_DEFINE_FINAL_TYPE (EnlaceRow, enlace_row, G_TYPE_OBJECT)

static void
enlace_row_finalize (GObject *object)
{
  EnlaceRow *self = (EnlaceRow *)object;

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
  self->cells = cells;
  self->n_cells = cells ? g_strv_length (cells) : 0;

  return self;
}

gint64
enlace_row_get_id (EnlaceRow *self)
{
  g_return_val_if_fail (ENLACE_IS_ROW (self), 0);

  return self->id;
}

const char *
enlace_row_get_cell (EnlaceRow *self,
                     guint      column)
{
  g_return_val_if_fail (ENLACE_IS_ROW (self), "");

  if (column >= self->n_cells)
    return "";
  return self->cells[column];
}
