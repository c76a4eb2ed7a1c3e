/* enlace-object-cases.c: the cases of an inventory object, open first */
#define G_LOG_DOMAIN "enlace-object-cases"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "enlace-cases.h"
#include "enlace-faults.h"
#include "enlace-object-cases.h"

struct _EnlaceObjectCases
{
  GtkBox        parent_instance;

  EnlaceStore  *store;
  gulong        changed_id;
  char        **kinds;
  gint64        id;
  guint         n_cases;
  gboolean      faults_only;
  GtkWidget    *title;
  GtkWidget    *list;
};

G_DEFINE_FINAL_TYPE (EnlaceObjectCases, enlace_object_cases, GTK_TYPE_BOX)

static gboolean
is_open (EnlaceCaseStatus s)
{
  return s == ENLACE_CASE_NEW || s == ENLACE_CASE_IN_PROGRESS || s == ENLACE_CASE_WAITING;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const EnlaceCaseRow *ra = *(EnlaceCaseRow **)a;
  const EnlaceCaseRow *rb = *(EnlaceCaseRow **)b;

  if (is_open (ra->status) != is_open (rb->status))
    return is_open (ra->status) ? -1 : 1;
  if (ra->opened_at && rb->opened_at)
    return -g_date_time_compare (ra->opened_at, rb->opened_at);
  return (ra->id < rb->id) - (ra->id > rb->id);
}

static void
reload (EnlaceObjectCases *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_case_row_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  for (guint k = 0; self->store && self->kinds && self->kinds[k]; k++)
    {
      g_autoptr(GPtrArray) rows = self->faults_only ? enlace_faults_for_object (self->store, self->kinds[k], self->id, NULL)
                                                    : enlace_cases_for_object (self->store, self->kinds[k], self->id, NULL);

      for (guint i = 0; rows && i < rows->len; i++)
        {
          EnlaceCaseRow *row = g_ptr_array_index (rows, i);

          if (g_hash_table_contains (seen, &row->id))
            continue;
          g_hash_table_add (seen, g_memdup2 (&row->id, sizeof row->id));
          g_ptr_array_add (all, g_ptr_array_steal_index (rows, i));
          i--;
        }
    }
  g_ptr_array_sort (all, compare_rows);

  for (guint i = 0; i < all->len; i++)
    {
      EnlaceCaseRow *row = g_ptr_array_index (all, i);
      GtkWidget *r = adw_action_row_new ();
      g_autofree char *opened = row->opened_at ? g_date_time_format (row->opened_at, "%Y-%m-%d") : g_strdup ("");
      g_autofree char *subtitle = self->faults_only
        /* TRANSLATORS: an outage: "2026-06-15 · Todo el campus sin internet · Cerrado" */
        ? g_strdup_printf (_("%s · %s · %s"), opened, row->summary ? row->summary : row->procedure_name,
                           enlace_case_status_label (row->status))
        : g_strdup_printf ("%s · %s", row->procedure_name ? row->procedure_name : "",
                           enlace_case_status_label (row->status));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), row->folio);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (r), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (r), "win.show-object");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (r), "(sx)", "case", row->id);
      if (!is_open (row->status))
        gtk_widget_add_css_class (r, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->list), r);
    }

  self->n_cases = all->len;
  gtk_widget_set_visible (GTK_WIDGET (self), all->len > 0);
}

static void
store_changed_cb (EnlaceObjectCases *self,
                  EnlaceChangeSet   *changes)
{
  gboolean touches = changes->bulk;

  for (guint i = 0; !touches && i < changes->changes->len; i++)
    touches = g_str_has_prefix (g_array_index (changes->changes, EnlaceChange, i).table, "case");
  if (touches)
    reload (self);
}

static void
enlace_object_cases_dispose (GObject *object)
{
  EnlaceObjectCases *self = ENLACE_OBJECT_CASES (object);

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (enlace_object_cases_parent_class)->dispose (object);
}

static void
enlace_object_cases_finalize (GObject *object)
{
  EnlaceObjectCases *self = ENLACE_OBJECT_CASES (object);

  g_strfreev (self->kinds);

  G_OBJECT_CLASS (enlace_object_cases_parent_class)->finalize (object);
}

static void
enlace_object_cases_class_init (EnlaceObjectCasesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enlace_object_cases_dispose;
  object_class->finalize = enlace_object_cases_finalize;
}

static void
enlace_object_cases_init (EnlaceObjectCases *self)
{
  GtkWidget *title = self->title = gtk_label_new (_("Cases"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self), title);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_box_append (GTK_BOX (self), self->list);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
enlace_object_cases_new (void)
{
  return g_object_new (ENLACE_TYPE_OBJECT_CASES, NULL);
}

void
enlace_object_cases_set_object (EnlaceObjectCases  *self,
                                EnlaceStore        *store,
                                const char * const *kinds,
                                gint64              id)
{
  g_return_if_fail (ENLACE_IS_OBJECT_CASES (self));
  g_return_if_fail (!store || ENLACE_IS_STORE (store));

  if (self->store != store)
    {
      if (self->store)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_object (&self->store);
      if (store)
        {
          self->store = g_object_ref (store);
          self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                      self, G_CONNECT_SWAPPED);
        }
    }
  g_strfreev (self->kinds);
  self->kinds = g_strdupv ((char **)kinds);
  self->id = id;
  reload (self);
}

guint
enlace_object_cases_get_n_cases (EnlaceObjectCases *self)
{
  g_return_val_if_fail (ENLACE_IS_OBJECT_CASES (self), 0);

  return self->n_cases;
}

void
enlace_object_cases_set_faults_only (EnlaceObjectCases *self,
                                     gboolean           faults_only)
{
  g_return_if_fail (ENLACE_IS_OBJECT_CASES (self));

  self->faults_only = faults_only;
  gtk_label_set_text (GTK_LABEL (self->title), faults_only ? _("Outage History") : _("Cases"));
  reload (self);
}
