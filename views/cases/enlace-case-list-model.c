/* enlace-case-list-model.c: a GListModel of inbox rows (EnlaceCaseRow) */
#define G_LOG_DOMAIN "enlace-case-list-model"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-case-list-model.h"

struct _EnlaceCaseListModel
{
  GObject           parent_instance;
  GPtrArray        *rows;       /* of EnlaceCaseRow*: the pages loaded so far */
  GDateTime        *now;        /* ages and due states are relative to the load */
  guint             n_items;    /* the filter's count */
  gboolean          complete;   /* every row of the filter is in rows */
  guint             fix_id;     /* idle: the count and the rows disagree */

  /* what the next page is read with (while loaded with a store) */
  EnlaceStore      *store;
  EnlaceCaseFilter  filter;
  char             *procedure_code;
  char             *status;
  char             *text;
};

static gboolean
fix_count_cb (gpointer data)
{
  EnlaceCaseListModel *self = data;
  guint old = self->n_items;

  self->fix_id = 0;
  if (!self->complete || old == self->rows->len)
    return G_SOURCE_REMOVE;
  /* the count was of another moment (another program wrote in between) */
  self->n_items = self->rows->len;
  if (old > self->n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old - self->n_items, 0);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->n_items - old);
  return G_SOURCE_REMOVE;
}

/* Reads pages until the row at @position is loaded or there are no more. */
static void
ensure_loaded (EnlaceCaseListModel *self,
               guint                position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  EnlaceCaseFilter f;
  guint want;

  if (position < self->rows->len || self->complete || self->store == NULL)
    return;

  /* one query however far the list jumped, in whole pages */
  want = position + 1 - self->rows->len;
  want = (want + ENLACE_CASE_LIST_PAGE - 1) / ENLACE_CASE_LIST_PAGE * ENLACE_CASE_LIST_PAGE;
  f = self->filter;
  f.limit = want;
  f.after = self->rows->len > 0 ? g_ptr_array_index (self->rows, self->rows->len - 1) : NULL;
  page = enlace_cases_query (self->store, &f, &error);
  if (page == NULL)
    {
      g_warning ("Reading the next cases: %s", error->message);
      self->complete = TRUE;
    }
  else
    {
      if (page->len < want)
        self->complete = TRUE;
      g_ptr_array_extend_and_steal (self->rows, g_steal_pointer (&page));
    }
  if (self->complete && self->rows->len != self->n_items && self->fix_id == 0)
    self->fix_id = g_idle_add (fix_count_cb, self);
}

static GType
enlace_case_list_model_get_item_type (GListModel *model)
{
  return ENLACE_TYPE_ROW;
}

static guint
enlace_case_list_model_get_n_items (GListModel *model)
{
  EnlaceCaseListModel *self = ENLACE_CASE_LIST_MODEL (model);

  return self->n_items;
}

static gpointer
enlace_case_list_model_get_item (GListModel *model,
                                 guint       position)
{
  EnlaceCaseListModel *self = ENLACE_CASE_LIST_MODEL (model);
  const EnlaceCaseRow *row;
  char **cells;

  if (position >= self->n_items)
    return NULL;

  ensure_loaded (self, position);
  cells = g_new0 (char *, ENLACE_CASE_N_CELLS + 1);
  if (position >= self->rows->len)
    {
      /* counted but gone since: an empty row until the count is fixed */
      for (guint i = 0; i < ENLACE_CASE_N_CELLS; i++)
        cells[i] = g_strdup ("");
      return enlace_row_new (0, cells);
    }

  row = g_ptr_array_index (self->rows, position);
  cells[ENLACE_CASE_CELL_FOLIO] = g_strdup (row->folio ? row->folio : "");
  cells[ENLACE_CASE_CELL_PROCEDURE] = g_strdup (row->procedure_name ? row->procedure_name : "");
  cells[ENLACE_CASE_CELL_REQUESTER] = g_strdup (row->requester ? row->requester : "");
  cells[ENLACE_CASE_CELL_AREA] = g_strdup (row->area ? row->area : "");
  cells[ENLACE_CASE_CELL_STATUS] = g_strdup (enlace_case_status_label (row->status));
  cells[ENLACE_CASE_CELL_AGE] = enlace_case_format_age (row->opened_at, self->now);
  cells[ENLACE_CASE_CELL_ASSIGNEE] = g_strdup (row->assignee ? row->assignee : "");
  cells[ENLACE_CASE_CELL_DUE] = g_strdup (enlace_case_due_string (enlace_case_row_due (row, self->now)));
  cells[ENLACE_CASE_CELL_SUMMARY] = g_strdup (row->summary ? row->summary : "");
  cells[ENLACE_CASE_CELL_PRIORITY] = g_strdup (enlace_case_priority_label (row->priority));

  return enlace_row_new (row->id, cells);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = enlace_case_list_model_get_item_type;
  iface->get_n_items = enlace_case_list_model_get_n_items;
  iface->get_item = enlace_case_list_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (EnlaceCaseListModel, enlace_case_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
clear_source (EnlaceCaseListModel *self)
{
  g_clear_object (&self->store);
  g_clear_pointer (&self->procedure_code, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->text, g_free);
  memset (&self->filter, 0, sizeof self->filter);
}

static void
enlace_case_list_model_finalize (GObject *object)
{
  EnlaceCaseListModel *self = (EnlaceCaseListModel *)object;

  g_clear_handle_id (&self->fix_id, g_source_remove);
  clear_source (self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (enlace_case_list_model_parent_class)->finalize (object);
}

static void
enlace_case_list_model_class_init (EnlaceCaseListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = enlace_case_list_model_finalize;
}

static void
enlace_case_list_model_init (EnlaceCaseListModel *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_case_row_free);
  self->now = g_date_time_new_now_utc ();
  self->complete = TRUE;
}

EnlaceCaseListModel *
enlace_case_list_model_new (void)
{
  return g_object_new (ENLACE_TYPE_CASE_LIST_MODEL, NULL);
}

static void
replace (EnlaceCaseListModel *self,
         GPtrArray           *rows,
         guint                n_items)
{
  guint removed = self->n_items;

  g_clear_handle_id (&self->fix_id, g_source_remove);
  g_ptr_array_unref (self->rows);
  if (rows == NULL)
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_case_row_free);
  self->rows = rows;
  g_date_time_unref (self->now);
  self->now = g_date_time_new_now_utc ();

  /* Two signals, not one: when the rows a list view tracks (its anchor,
   * the focus) are among the removed ones, GTK 4.8 asks for every added
   * item to find them again, which would read every page. */
  self->n_items = 0;
  if (removed)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  self->n_items = n_items;
  if (self->n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}

void
enlace_case_list_model_set_rows (EnlaceCaseListModel *self,
                                 GPtrArray           *rows)
{
  g_return_if_fail (ENLACE_IS_CASE_LIST_MODEL (self));

  clear_source (self);
  self->complete = TRUE;
  replace (self, rows, rows ? rows->len : 0);
}

gboolean
enlace_case_list_model_load (EnlaceCaseListModel     *self,
                             EnlaceStore             *store,
                             const EnlaceCaseFilter  *filter,
                             guint                    n_items,
                             guint                    min_rows,
                             GError                 **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  EnlaceCaseFilter f = { 0 };

  g_return_val_if_fail (ENLACE_IS_CASE_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (filter != NULL)
    f = *filter;
  f.after = NULL;
  f.limit = MAX (ENLACE_CASE_LIST_PAGE, min_rows);
  rows = enlace_cases_query (store, &f, error);
  if (rows == NULL)
    {
      enlace_case_list_model_set_rows (self, NULL);
      return FALSE;
    }

  clear_source (self);
  self->store = g_object_ref (store);
  self->filter = f;
  self->filter.limit = 0;
  self->filter.procedure_code = self->procedure_code = g_strdup (f.procedure_code);
  self->filter.status = self->status = g_strdup (f.status);
  self->filter.text = self->text = g_strdup (f.text);
  self->complete = rows->len < f.limit;
  if (self->complete || n_items < rows->len)
    n_items = rows->len;
  replace (self, g_steal_pointer (&rows), n_items);
  return TRUE;
}

guint
enlace_case_list_model_get_n_loaded (EnlaceCaseListModel *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_LIST_MODEL (self), 0);

  return self->rows->len;
}

const EnlaceCaseRow *
enlace_case_list_model_get_row (EnlaceCaseListModel *self,
                                guint                position)
{
  g_return_val_if_fail (ENLACE_IS_CASE_LIST_MODEL (self), NULL);

  if (position >= self->n_items)
    return NULL;
  ensure_loaded (self, position);
  if (position >= self->rows->len)
    return NULL;
  return g_ptr_array_index (self->rows, position);
}

guint
enlace_case_list_model_find (EnlaceCaseListModel *self,
                             gint64               case_id)
{
  g_return_val_if_fail (ENLACE_IS_CASE_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->rows->len && i < self->n_items; i++)
    if (((EnlaceCaseRow *)g_ptr_array_index (self->rows, i))->id == case_id)
      return i;
  return G_MAXUINT;
}

char *
enlace_case_format_age (GDateTime *from,
                        GDateTime *to)
{
  GTimeSpan span;
  gint64 hours;

  if (from == NULL || to == NULL)
    return g_strdup ("");

  span = g_date_time_difference (to, from);
  if (span < 0)
    span = 0;
  hours = span / G_TIME_SPAN_HOUR;
  if (hours < 1)
    /* Translators: age of a case, in minutes ("25 min") */
    return g_strdup_printf (_("%d min"), (int)(span / G_TIME_SPAN_MINUTE));
  if (hours < 48)
    /* Translators: age of a case, in hours ("5 h") */
    return g_strdup_printf (_("%d h"), (int)hours);
  /* Translators: age of a case, in days ("12 d") */
  return g_strdup_printf (_("%d d"), (int)(hours / 24));
}

char *
enlace_case_format_date (GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup ("—");
  local = g_date_time_to_local (at);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

const char *
enlace_case_priority_label (const char *priority)
{
  if (g_strcmp0 (priority, "low") == 0)
    return C_("priority", "Low");
  if (g_strcmp0 (priority, "normal") == 0)
    return C_("priority", "Normal");
  if (g_strcmp0 (priority, "high") == 0)
    return C_("priority", "High");
  if (g_strcmp0 (priority, "urgent") == 0)
    return C_("priority", "Urgent");
  return priority ? priority : "";
}

const char *
enlace_case_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "in-person") == 0)
    return _("In person");
  if (g_strcmp0 (channel, "phone") == 0)
    return _("Phone");
  if (g_strcmp0 (channel, "email") == 0)
    return _("E-mail");
  if (g_strcmp0 (channel, "paper") == 0)
    return _("Paper form");
  return channel ? channel : "";
}

const char *
enlace_case_due_string (EnlaceCaseDue due)
{
  switch (due)
    {
    case ENLACE_CASE_DUE_ON_TIME:
      return "on-time";
    case ENLACE_CASE_DUE_NEAR:
      return "near";
    case ENLACE_CASE_DUE_OVERDUE:
      return "overdue";
    case ENLACE_CASE_DUE_NONE:
    default:
      return "";
    }
}
