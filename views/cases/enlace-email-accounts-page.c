/* enlace-email-accounts-page.c: the registry of e-mail accounts */
#define G_LOG_DOMAIN "enlace-email-accounts-page"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-case-list-model.h"
#include "enlace-cases.h"
#include "enlace-email-accounts-page.h"
#include "enlace-row.h"

enum {
  CELL_ADDRESS,
  CELL_HOLDER,
  CELL_AREA,
  CELL_STATUS,
  CELL_CREATED,
  CELL_REMOVED,
  CELL_CREATED_FOLIO,
  CELL_REMOVED_FOLIO,
  CELL_MOTIVE,
  N_CELLS
};

struct _EnlaceEmailAccountsPage
{
  EnlacePage          parent_instance;

  GListStore         *model;
  GtkSingleSelection *selection;

  /* template children */
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *removed_toggle;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (EnlaceEmailAccountsPage, enlace_email_accounts_page, ENLACE_TYPE_PAGE)

static const struct {
  const char *title;
  guint       cell;
  gboolean    expand;
  int         chars;
} columns[] = {
  { N_("Address"), CELL_ADDRESS, TRUE, 26 },
  { N_("Holder"), CELL_HOLDER, TRUE, 18 },
  { N_("Area"), CELL_AREA, TRUE, 14 },
  { N_("Status"), CELL_STATUS, FALSE, 9 },
  { N_("Created"), CELL_CREATED, FALSE, 10 },
  { N_("Removed"), CELL_REMOVED, FALSE, 10 },
};

static char *
format_day (GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (at);
  return g_date_time_format (local, "%Y-%m-%d");
}

static void
reload (EnlaceEmailAccountsPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gint64 selected = enlace_email_accounts_page_get_selected (self);
  guint active = 0;
  g_autofree char *count = NULL;

  if (selected == 0)
    selected = enlace_page_get_object_id (ENLACE_PAGE (self));

  if (store && !(accounts = enlace_email_accounts_list (store, text && text[0] ? text : NULL,
                                                       gtk_toggle_button_get_active (self->removed_toggle), &error)))
    enlace_page_show_error (ENLACE_PAGE (self), error);

  for (guint i = 0; accounts && i < accounts->len; i++)
    {
      EnlaceEmailAccount *a = g_ptr_array_index (accounts, i);
      char **cells = g_new0 (char *, N_CELLS + 1);
      gboolean removed = g_strcmp0 (a->status, "removed") == 0;

      cells[CELL_ADDRESS] = g_strdup (a->address ? a->address : "");
      cells[CELL_HOLDER] = g_strdup (a->holder ? a->holder : "");
      cells[CELL_AREA] = g_strdup (a->area ? a->area : "");
      cells[CELL_STATUS] = g_strdup (removed ? _("Removed") : _("Active"));
      cells[CELL_CREATED] = format_day (a->created_at);
      cells[CELL_REMOVED] = format_day (a->removed_at);
      cells[CELL_CREATED_FOLIO] = g_strdup (a->created_folio ? a->created_folio : "");
      cells[CELL_REMOVED_FOLIO] = g_strdup (a->removed_folio ? a->removed_folio : "");
      cells[CELL_MOTIVE] = g_strdup (a->removal_motive ? a->removal_motive : "");
      g_ptr_array_add (rows, enlace_row_new (a->id, cells));
      if (!removed)
        active++;
    }

  g_list_store_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                       rows->pdata, rows->len);

  for (guint i = 0; i < rows->len; i++)
    if (enlace_row_get_id (g_ptr_array_index (rows, i)) == selected)
      gtk_single_selection_set_selected (self->selection, i);

  count = g_strdup_printf (g_dngettext (NULL, "%u active account", "%u active accounts", active), active);
  if (rows->len > active)
    {
      g_autofree char *removed = g_strdup_printf (g_dngettext (NULL, "%u removed", "%u removed", rows->len - active),
                                                  rows->len - active);
      g_autofree char *both = g_strdup_printf ("%s · %s", count, removed);
      g_free (count);
      count = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->count_label, count);

  if (rows->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      if (text && text[0])
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Accounts"));
          adw_status_page_set_description (self->empty_page, _("No account matches the search."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No E-mail Accounts Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Accounts are registered by the step “Creación de la cuenta” of an "
                                             "“E-mail account creation” case: open one with “New Account…”."));
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
reload_cb (EnlaceEmailAccountsPage *self)
{
  reload (self);
}

static void
activate_cb (EnlaceEmailAccountsPage *self,
             guint                    position)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(EnlaceRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  const char *folio;
  gint64 case_id;

  if (row == NULL || store == NULL)
    return;
  /* the case that removed it, else the one that created it */
  folio = enlace_row_get_cell (row, CELL_REMOVED_FOLIO);
  if (folio[0] == '\0')
    folio = enlace_row_get_cell (row, CELL_CREATED_FOLIO);
  if (folio[0] && (case_id = enlace_cases_lookup (store, folio, NULL)) > 0)
    enlace_page_activate_object (ENLACE_PAGE (self), "case", case_id);
  else
    enlace_page_show_message (ENLACE_PAGE (self), _("This account was not registered by a case"));
}

static void
enlace_email_accounts_page_set_object (EnlacePage *page,
                                       const char *kind,
                                       gint64      id)
{
  enlace_page_set_title (page, _("E-mail Accounts"));
  enlace_page_set_subtitle (page, NULL);
  reload (ENLACE_EMAIL_ACCOUNTS_PAGE (page));
}

static void
enlace_email_accounts_page_store_changed (EnlacePage      *page,
                                          EnlaceChangeSet *changes)
{
  gboolean touches = changes == NULL || changes->bulk;

  for (guint i = 0; !touches && i < changes->changes->len; i++)
    {
      const char *table = g_array_index (changes->changes, EnlaceChange, i).table;
      touches = g_str_has_prefix (table, "email") || strcmp (table, "person") == 0 || strcmp (table, "area") == 0;
    }
  if (touches)
    reload (ENLACE_EMAIL_ACCOUNTS_PAGE (page));
}

static void
enlace_email_accounts_page_focus_main (EnlacePage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (ENLACE_EMAIL_ACCOUNTS_PAGE (page)->search_entry));
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "tooltip");

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  guint c = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), MIN (columns[c].chars, 9));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), columns[c].chars);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  guint c = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_list_item_get_child (item);
  EnlaceRow *row = gtk_list_item_get_item (item);
  const char *text = enlace_row_get_cell (row, columns[c].cell);
  g_autofree char *tooltip = NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  gtk_widget_remove_css_class (label, "dim-label");
  if (enlace_row_get_cell (row, CELL_REMOVED)[0])
    gtk_widget_add_css_class (label, "dim-label");

  if (columns[c].cell == CELL_CREATED && enlace_row_get_cell (row, CELL_CREATED_FOLIO)[0])
    tooltip = g_strdup_printf (_("Created by case %s"), enlace_row_get_cell (row, CELL_CREATED_FOLIO));
  else if (columns[c].cell == CELL_REMOVED && enlace_row_get_cell (row, CELL_REMOVED_FOLIO)[0])
    tooltip = g_strdup_printf (_("Removed by case %s: %s"), enlace_row_get_cell (row, CELL_REMOVED_FOLIO),
                               enlace_row_get_cell (row, CELL_MOTIVE));
  else
    tooltip = g_strdup (text);
  g_object_set_data_full (G_OBJECT (label), "tooltip", g_steal_pointer (&tooltip), g_free);
}

static void
enlace_email_accounts_page_dispose (GObject *object)
{
  EnlaceEmailAccountsPage *self = ENLACE_EMAIL_ACCOUNTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENLACE_TYPE_EMAIL_ACCOUNTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (enlace_email_accounts_page_parent_class)->dispose (object);
}

static void
enlace_email_accounts_page_class_init (EnlaceEmailAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_email_accounts_page_dispose;
  page_class->set_object = enlace_email_accounts_page_set_object;
  page_class->store_changed = enlace_email_accounts_page_store_changed;
  page_class->focus_main = enlace_email_accounts_page_focus_main;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Enlace/views/enlace-email-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlaceEmailAccountsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EnlaceEmailAccountsPage, removed_toggle);
  gtk_widget_class_bind_template_child (widget_class, EnlaceEmailAccountsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceEmailAccountsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EnlaceEmailAccountsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EnlaceEmailAccountsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, reload_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
enlace_email_accounts_page_init (EnlaceEmailAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = g_list_store_new (ENLACE_TYPE_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

GListModel *
enlace_email_accounts_page_get_model (EnlaceEmailAccountsPage *self)
{
  g_return_val_if_fail (ENLACE_IS_EMAIL_ACCOUNTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}

void
enlace_email_accounts_page_set_search (EnlaceEmailAccountsPage *self,
                                       const char              *text)
{
  g_return_if_fail (ENLACE_IS_EMAIL_ACCOUNTS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  reload (self);
}

void
enlace_email_accounts_page_set_removed (EnlaceEmailAccountsPage *self,
                                        gboolean                 include_removed)
{
  g_return_if_fail (ENLACE_IS_EMAIL_ACCOUNTS_PAGE (self));

  gtk_toggle_button_set_active (self->removed_toggle, include_removed);
}

gint64
enlace_email_accounts_page_get_selected (EnlaceEmailAccountsPage *self)
{
  g_autoptr(EnlaceRow) row = NULL;

  g_return_val_if_fail (ENLACE_IS_EMAIL_ACCOUNTS_PAGE (self), 0);

  if (self->selection == NULL ||
      !(row = gtk_single_selection_get_selected_item (self->selection) ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL))
    return 0;
  return enlace_row_get_id (row);
}
