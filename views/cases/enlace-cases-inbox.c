/* enlace-cases-inbox.c: the inbox of cases ("cases")
 *
 * Per filter or search: enlace_cases_counts() (the counts line, and how
 * many rows the list has) and the first page of enlace_cases_query() in an
 * EnlaceCaseListModel, which reads the next pages as the list is scrolled
 * and makes list items only for the rows on screen.
 */
#define G_LOG_DOMAIN "enlace-cases-inbox"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-inbox.h"

struct _EnlaceCasesInbox
{
  EnlacePage           parent_instance;

  EnlaceCaseListModel *model;
  GtkSingleSelection  *selection;
  GPtrArray           *procedure_codes;   /* of char*, parallel to procedure_drop (0: all) */
  GArray              *area_ids;          /* of gint64, parallel to area_drop (0: all) */
  gint64               me;                /* staff person named like the user, or 0 */
  char                *counts_text;
  gint64               last_load_us;
  gboolean             filling;

  /* template children */
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *new_button;
  GtkDropDown         *status_drop;
  GtkDropDown         *procedure_drop;
  GtkDropDown         *area_drop;
  GtkToggleButton     *mine_toggle;
  GtkLabel            *counts_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_button;
};

G_DEFINE_FINAL_TYPE (EnlaceCasesInbox, enlace_cases_inbox, ENLACE_TYPE_PAGE)

/* The status filter's entries, in the order of status_drop. */
static const struct {
  const char *key;
  const char *label;
} status_filters[] = {
  { "open", N_("Open") },
  { "all", N_("All statuses") },
  { "new", N_("New") },
  { "in-progress", N_("In progress") },
  { "waiting", N_("Waiting") },
  { "resolved", N_("Resolved") },
  { "closed", N_("Closed") },
  { "cancelled", N_("Cancelled") },
};

static const struct {
  const char *title;
  guint       cell;
  gboolean    expand;
  int         chars;
} columns[] = {
  { N_("Folio"), ENLACE_CASE_CELL_FOLIO, FALSE, 17 },
  { N_("Procedure"), ENLACE_CASE_CELL_PROCEDURE, TRUE, 22 },
  { N_("Requester"), ENLACE_CASE_CELL_REQUESTER, TRUE, 16 },
  { N_("Area"), ENLACE_CASE_CELL_AREA, TRUE, 12 },
  { N_("Status"), ENLACE_CASE_CELL_STATUS, FALSE, 10 },
  { N_("Age"), ENLACE_CASE_CELL_AGE, FALSE, 11 },
  { N_("Assignee"), ENLACE_CASE_CELL_ASSIGNEE, TRUE, 12 },
};

static gint64
monotonic_us (void)
{
  return g_get_monotonic_time ();
}

static void
fill_filter (EnlaceCasesInbox *self,
             EnlaceCaseFilter *filter,
             gboolean          with_status)
{
  guint s = gtk_drop_down_get_selected (self->status_drop);
  guint p = gtk_drop_down_get_selected (self->procedure_drop);
  guint a = gtk_drop_down_get_selected (self->area_drop);
  const char *key = s < G_N_ELEMENTS (status_filters) ? status_filters[s].key : "open";
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  memset (filter, 0, sizeof *filter);
  if (with_status)
    {
      if (strcmp (key, "open") == 0)
        filter->open_only = TRUE;
      else if (strcmp (key, "all") != 0)
        filter->status = key;
    }
  if (self->procedure_codes && p > 0 && p < self->procedure_codes->len)
    filter->procedure_code = g_ptr_array_index (self->procedure_codes, p);
  if (self->area_ids && a > 0 && a < self->area_ids->len)
    filter->area_id = g_array_index (self->area_ids, gint64, a);
  if (gtk_toggle_button_get_active (self->mine_toggle) && self->me > 0)
    filter->assignee_id = self->me;
  if (text && text[0])
    filter->text = text;
}

static void
update_counts (EnlaceCasesInbox *self,
               JsonObject       *counts,
               guint             shown)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (counts != NULL)
    {
#define COUNT(k) (json_object_has_member (counts, k) ? (guint) json_object_get_int_member (counts, k) : 0u)
      g_string_append_printf (s, g_dngettext (NULL, "%u open", "%u open", COUNT ("open")), COUNT ("open"));
      g_string_append_printf (s, " (%s %u · %s %u · %s %u)",
                              enlace_case_status_label (ENLACE_CASE_NEW), COUNT ("new"),
                              enlace_case_status_label (ENLACE_CASE_IN_PROGRESS), COUNT ("in-progress"),
                              enlace_case_status_label (ENLACE_CASE_WAITING), COUNT ("waiting"));
      if (COUNT ("overdue"))
        {
          g_string_append (s, " · ");
          g_string_append_printf (s, g_dngettext (NULL, "%u overdue", "%u overdue", COUNT ("overdue")), COUNT ("overdue"));
        }
      if (COUNT ("near"))
        {
          g_string_append (s, " · ");
          g_string_append_printf (s, g_dngettext (NULL, "%u due soon", "%u due soon", COUNT ("near")), COUNT ("near"));
        }
#undef COUNT
      g_string_append (s, " — ");
    }
  g_string_append_printf (s, g_dngettext (NULL, "%u case shown", "%u cases shown", shown), shown);

  g_free (self->counts_text);
  self->counts_text = g_string_free (g_steal_pointer (&s), FALSE);
  gtk_label_set_text (self->counts_label, self->counts_text);
}

/* How many cases the filter's status choice has, from its counts. */
static guint
filter_total (const EnlaceCaseFilter *filter,
              JsonObject             *counts)
{
  const char *key = filter->open_only ? "open" : filter->status ? filter->status : "total";

  return (guint) json_object_get_int_member_with_default (counts, key, 0);
}

static void
update_empty (EnlaceCasesInbox *self,
              guint             shown)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  gboolean any = FALSE;

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (store)
    {
      EnlaceCaseFilter all = { 0 };
      g_autoptr(GPtrArray) one = NULL;

      all.limit = 1;
      one = enlace_cases_query (store, &all, NULL);
      any = one && one->len > 0;
    }

  if (!any)
    {
      adw_status_page_set_title (self->empty_page, _("No Cases Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("When a request or a fault report arrives, open a case for it with “New Case” (Ctrl+N): "
                                         "the steps of its procedure are then followed here."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Cases"));
      adw_status_page_set_description (self->empty_page,
                                       _("No case matches the search and the filters. Change the search, or choose “All statuses” to see closed cases too."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), FALSE);
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
reload (EnlaceCasesInbox *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) counts = NULL;
  EnlaceCaseFilter filter;
  gint64 selected_id = 0, start;
  guint pos, shown;

  if (self->filling)
    return;

  pos = gtk_single_selection_get_selected (self->selection);
  if (pos != GTK_INVALID_LIST_POSITION && pos < enlace_case_list_model_get_n_loaded (self->model) &&
      enlace_case_list_model_get_row (self->model, pos))
    selected_id = enlace_case_list_model_get_row (self->model, pos)->id;
  else
    pos = 0;

  start = monotonic_us ();
  fill_filter (self, &filter, TRUE);
  if (store == NULL)
    enlace_case_list_model_set_rows (self->model, NULL);
  else if (!(counts = enlace_cases_counts (store, &filter, &error)) ||
           /* the selected row's page too, so that it stays selected */
           !enlace_case_list_model_load (self->model, store, &filter, filter_total (&filter, counts),
                                         selected_id > 0 ? pos + 1 : 0, &error))
    {
      enlace_case_list_model_set_rows (self->model, NULL);
      enlace_page_show_error (ENLACE_PAGE (self), error);
    }
  self->last_load_us = monotonic_us () - start;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_debug ("inbox: %u cases (%u read) in %.1f ms", shown,
           enlace_case_list_model_get_n_loaded (self->model), self->last_load_us / 1000.0);

  if (selected_id > 0 && (pos = enlace_case_list_model_find (self->model, selected_id)) != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, pos);

  update_counts (self, counts, shown);
  update_empty (self, shown);
}

static void
filter_changed_cb (EnlaceCasesInbox *self)
{
  reload (self);
}

static void
search_changed_cb (EnlaceCasesInbox *self)
{
  reload (self);
}

static void
search_activate_cb (EnlaceCasesInbox *self)
{
  /* Enter in the search: open the first case found */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    enlace_cases_inbox_activate (self, 0);
}

static void
activate_cb (EnlaceCasesInbox *self,
             guint             position)
{
  enlace_cases_inbox_activate (self, position);
}

/* The filters' choices and the new-case menu, from the document */

static void
load_choices (EnlaceCasesInbox *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GPtrArray) procedures = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GtkStringList) proc_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) area_names = gtk_string_list_new (NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *old_code = NULL;
  gint64 old_area = 0;
  guint p = gtk_drop_down_get_selected (self->procedure_drop);
  guint a = gtk_drop_down_get_selected (self->area_drop);
  guint new_p = 0, new_a = 0;

  if (self->procedure_codes && p > 0 && p < self->procedure_codes->len)
    old_code = g_strdup (g_ptr_array_index (self->procedure_codes, p));
  if (self->area_ids && a > 0 && a < self->area_ids->len)
    old_area = g_array_index (self->area_ids, gint64, a);

  g_clear_pointer (&self->procedure_codes, g_ptr_array_unref);
  g_clear_pointer (&self->area_ids, g_array_unref);
  self->procedure_codes = g_ptr_array_new_with_free_func (g_free);
  self->area_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  g_ptr_array_add (self->procedure_codes, NULL);
  gtk_string_list_append (proc_names, _("All procedures"));
  {
    gint64 zero = 0;
    g_array_append_val (self->area_ids, zero);
  }
  gtk_string_list_append (area_names, _("All areas"));

  if (store && (procedures = enlace_procedures_list (store, NULL)))
    for (guint i = 0; i < procedures->len; i++)
      {
        EnlaceProcedure *proc = g_ptr_array_index (procedures, i);
        g_autoptr(GMenuItem) item = g_menu_item_new (proc->name, NULL);

        if (g_strcmp0 (proc->code, old_code) == 0)
          new_p = self->procedure_codes->len;
        g_ptr_array_add (self->procedure_codes, g_strdup (proc->code));
        gtk_string_list_append (proc_names, proc->name);
        g_menu_item_set_action_and_target (item, "win.new-case", "s", proc->code);
        g_menu_append_item (menu, item);
      }

  if (store && (areas = enlace_store_list (store, "area", 0, NULL)))
    for (guint i = 0; i < areas->len; i++)
      {
        JsonObject *area = g_ptr_array_index (areas, i);
        gint64 id = json_object_get_int_member (area, "id");
        const char *name = json_object_get_string_member_with_default (area, "name", "");

        if (id == old_area)
          new_a = self->area_ids->len;
        g_array_append_val (self->area_ids, id);
        gtk_string_list_append (area_names, name);
      }

  self->me = 0;
  if (store && (staff = enlace_cases_staff (store, NULL)))
    for (guint i = 0; i < staff->len; i++)
      {
        JsonObject *person = g_ptr_array_index (staff, i);

        if (g_strcmp0 (json_object_get_string_member_with_default (person, "name", ""),
                       enlace_store_get_user (store)) == 0)
          self->me = json_object_get_int_member (person, "id");
      }
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_toggle), self->me > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_toggle),
                               self->me > 0 ? _("Only the cases assigned to you")
                                            : _("To see your cases, write your name as a member of the department's staff in Preferences (author name)"));
  if (self->me == 0)
    gtk_toggle_button_set_active (self->mine_toggle, FALSE);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->procedure_drop, G_LIST_MODEL (proc_names));
  gtk_drop_down_set_selected (self->procedure_drop, new_p);
  gtk_drop_down_set_model (self->area_drop, G_LIST_MODEL (area_names));
  gtk_drop_down_set_selected (self->area_drop, new_a);
  self->filling = FALSE;

  gtk_menu_button_set_menu_model (self->new_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_button), g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

static void
enlace_cases_inbox_set_object (EnlacePage *page,
                               const char *kind,
                               gint64      id)
{
  EnlaceCasesInbox *self = ENLACE_CASES_INBOX (page);

  enlace_page_set_title (page, _("Cases"));
  enlace_page_set_subtitle (page, NULL);
  load_choices (self);
  reload (self);
}

static gboolean
touches_cases (EnlaceChangeSet *changes)
{
  if (changes == NULL || changes->bulk)
    return TRUE;
  for (guint i = 0; i < changes->changes->len; i++)
    {
      const EnlaceChange *c = &g_array_index (changes->changes, EnlaceChange, i);

      if (g_str_has_prefix (c->table, "case") || g_str_has_prefix (c->table, "procedure") ||
          strcmp (c->table, "person") == 0 || strcmp (c->table, "area") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
enlace_cases_inbox_store_changed (EnlacePage      *page,
                                  EnlaceChangeSet *changes)
{
  EnlaceCasesInbox *self = ENLACE_CASES_INBOX (page);

  if (!touches_cases (changes))
    return;
  if (changes == NULL || changes->bulk ||
      enlace_change_set_touches (changes, "procedure") ||
      enlace_change_set_touches (changes, "area") ||
      enlace_change_set_touches (changes, "person"))
    load_choices (self);
  reload (self);
}

static void
enlace_cases_inbox_focus_main (EnlacePage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (ENLACE_CASES_INBOX (page)->search_entry));
}

/* Cells */

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
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
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

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), MIN (columns[c].chars, 10));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), columns[c].chars);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  if (columns[c].cell == ENLACE_CASE_CELL_FOLIO)
    gtk_widget_add_css_class (label, "monospace");
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
  const char *due = enlace_row_get_cell (row, ENLACE_CASE_CELL_DUE);
  const char *text = enlace_row_get_cell (row, columns[c].cell);
  g_autofree char *owned = NULL;

  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  g_object_set_data (G_OBJECT (label), "tooltip", NULL);

  switch (columns[c].cell)
    {
    case ENLACE_CASE_CELL_AGE:
      if (strcmp (due, "overdue") == 0)
        {
          /* Translators: age of a case past its target time ("12 d · overdue") */
          text = owned = g_strdup_printf (_("%s · overdue"), text);
          gtk_widget_add_css_class (label, "error");
        }
      else if (strcmp (due, "near") == 0)
        {
          /* Translators: age of a case close to its target time ("2 d · due soon") */
          text = owned = g_strdup_printf (_("%s · due soon"), text);
          gtk_widget_add_css_class (label, "warning");
        }
      break;
    case ENLACE_CASE_CELL_FOLIO:
      if (strcmp (due, "overdue") == 0)
        gtk_widget_add_css_class (label, "error");
      else if (strcmp (due, "near") == 0)
        gtk_widget_add_css_class (label, "warning");
      break;
    case ENLACE_CASE_CELL_PROCEDURE:
      {
        const char *summary = enlace_row_get_cell (row, ENLACE_CASE_CELL_SUMMARY);
        if (summary[0])
          g_object_set_data_full (G_OBJECT (label), "tooltip",
                                  g_strdup_printf ("%s\n%s", text, summary), g_free);
      }
      break;
    case ENLACE_CASE_CELL_ASSIGNEE:
      if (text[0] == '\0')
        text = "—";
      break;
    default:
      break;
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
}

static void
enlace_cases_inbox_dispose (GObject *object)
{
  EnlaceCasesInbox *self = ENLACE_CASES_INBOX (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENLACE_TYPE_CASES_INBOX);

  G_OBJECT_CLASS (enlace_cases_inbox_parent_class)->dispose (object);
}

static void
enlace_cases_inbox_finalize (GObject *object)
{
  EnlaceCasesInbox *self = ENLACE_CASES_INBOX (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->procedure_codes, g_ptr_array_unref);
  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->counts_text, g_free);

  G_OBJECT_CLASS (enlace_cases_inbox_parent_class)->finalize (object);
}

static void
enlace_cases_inbox_class_init (EnlaceCasesInboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_cases_inbox_dispose;
  object_class->finalize = enlace_cases_inbox_finalize;
  page_class->set_object = enlace_cases_inbox_set_object;
  page_class->store_changed = enlace_cases_inbox_store_changed;
  page_class->focus_main = enlace_cases_inbox_focus_main;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Enlace/views/enlace-cases-inbox.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, new_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, status_drop);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, procedure_drop);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, area_drop);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, counts_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, stack);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, column_view);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasesInbox, empty_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
enlace_cases_inbox_init (EnlaceCasesInbox *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (status_filters); i++)
    gtk_string_list_append (statuses, _(status_filters[i].label));
  gtk_drop_down_set_model (self->status_drop, G_LIST_MODEL (statuses));
  gtk_drop_down_set_selected (self->status_drop, 0);
  self->filling = FALSE;

  self->model = enlace_case_list_model_new ();
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
  update_empty (self, 0);
}

static guint
find_status (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_filters); i++)
    if (g_strcmp0 (status_filters[i].key, status) == 0)
      return i;
  return 0;
}

void
enlace_cases_inbox_set_status_filter (EnlaceCasesInbox *self,
                                      const char       *status)
{
  g_return_if_fail (ENLACE_IS_CASES_INBOX (self));

  gtk_drop_down_set_selected (self->status_drop, find_status (status));
}

void
enlace_cases_inbox_set_procedure_filter (EnlaceCasesInbox *self,
                                         const char       *code)
{
  guint found = 0;

  g_return_if_fail (ENLACE_IS_CASES_INBOX (self));

  if (self->procedure_codes && code)
    for (guint i = 1; i < self->procedure_codes->len; i++)
      if (g_strcmp0 (g_ptr_array_index (self->procedure_codes, i), code) == 0)
        found = i;
  gtk_drop_down_set_selected (self->procedure_drop, found);
}

const char *
enlace_cases_inbox_get_procedure_filter (EnlaceCasesInbox *self)
{
  guint p;

  g_return_val_if_fail (ENLACE_IS_CASES_INBOX (self), NULL);

  p = gtk_drop_down_get_selected (self->procedure_drop);
  if (self->procedure_codes && p > 0 && p < self->procedure_codes->len)
    return g_ptr_array_index (self->procedure_codes, p);
  return NULL;
}

void
enlace_cases_inbox_set_area_filter (EnlaceCasesInbox *self,
                                    gint64            area_id)
{
  guint found = 0;

  g_return_if_fail (ENLACE_IS_CASES_INBOX (self));

  if (self->area_ids)
    for (guint i = 1; i < self->area_ids->len; i++)
      if (g_array_index (self->area_ids, gint64, i) == area_id)
        found = i;
  gtk_drop_down_set_selected (self->area_drop, found);
}

gboolean
enlace_cases_inbox_set_mine (EnlaceCasesInbox *self,
                             gboolean          mine)
{
  g_return_val_if_fail (ENLACE_IS_CASES_INBOX (self), FALSE);

  if (mine && self->me == 0)
    return FALSE;
  gtk_toggle_button_set_active (self->mine_toggle, mine);
  return TRUE;
}

void
enlace_cases_inbox_set_search (EnlaceCasesInbox *self,
                               const char       *text)
{
  g_return_if_fail (ENLACE_IS_CASES_INBOX (self));

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  self->filling = FALSE;
  reload (self);
}

EnlaceCaseListModel *
enlace_cases_inbox_get_model (EnlaceCasesInbox *self)
{
  g_return_val_if_fail (ENLACE_IS_CASES_INBOX (self), NULL);

  return self->model;
}

void
enlace_cases_inbox_activate (EnlaceCasesInbox *self,
                             guint             position)
{
  const EnlaceCaseRow *row;

  g_return_if_fail (ENLACE_IS_CASES_INBOX (self));

  if ((row = enlace_case_list_model_get_row (self->model, position)))
    enlace_page_activate_object (ENLACE_PAGE (self), "case", row->id);
}

const char *
enlace_cases_inbox_get_counts_text (EnlaceCasesInbox *self)
{
  g_return_val_if_fail (ENLACE_IS_CASES_INBOX (self), NULL);

  return self->counts_text ? self->counts_text : "";
}

gint64
enlace_cases_inbox_get_last_load_us (EnlaceCasesInbox *self)
{
  g_return_val_if_fail (ENLACE_IS_CASES_INBOX (self), 0);

  return self->last_load_us;
}
