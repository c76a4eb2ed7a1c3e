/* enlace-object-list.c: the list page of any kind ("list/cable", ...)
 *
 * A GtkColumnView over an EnlaceRowModel.  The column headers sort: the
 * column view's sorter is only asked which column is primary and in which
 * direction, and the model re-runs its SQL in that order (see
 * sorter_changed_cb); nothing is sorted in memory.
 *
 * The cells of a row are read only when the row is seen: GTK 4.8's list
 * views bind some 200 rows around what they show, and a jump of the
 * scroll bar binds 200 new ones, of which some 25 are on screen.  A cell
 * bound to a row not read yet waits, empty, in self->pending; after each
 * layout (the frame clock's "layout", once the rows are placed) the
 * waiting cells that are on screen have their rows read, in one statement,
 * and their text set, before the frame is painted (fill_visible_cells).
 */
#define G_LOG_DOMAIN "enlace-object-list"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "enlace-kinds.h"
#include "enlace-labels-dialog.h"
#include "enlace-object-list.h"
#include "enlace-csv-import.h"
#include "enlace-csv-import-assistant.h"

struct _EnlaceObjectList
{
  EnlacePage            parent_instance;

  const EnlaceListSpec *spec;
  EnlaceRowModel       *model;
  GtkSingleSelection   *selection;

  GtkStack             *stack;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkButton            *add_button;
  GtkButton            *edit_button;
  GtkButton            *delete_button;
  GtkWidget            *export_button;   /* Export CSV… */
  GtkWidget            *import_button;   /* Import CSV…, for the lists that import */
  GtkButton            *labels_button;   /* "Print labels…": the selected row, else every row shown */
  GtkColumnView        *column_view;
  GtkWidget            *columns_box;     /* the column chooser's check buttons */
  GSettings            *settings;        /* hidden-list-columns; NULL when not installed */
  AdwStatusPage        *empty_page;
  GtkWidget            *people_switch;   /* "People | Areas", for those two lists */
  GtkToggleButton      *people_toggle;
  GtkToggleButton      *areas_toggle;

  int                   probed_column;

  GHashTable           *pending;         /* cell (GtkInscription) → ColumnData: bound, row not read */
  GdkFrameClock        *frame_clock;
  gulong                layout_id;
};

G_DEFINE_FINAL_TYPE (EnlaceObjectList, enlace_object_list, ENLACE_TYPE_PAGE)

typedef struct
{
  EnlaceObjectList *self;
  int               column;
} ColumnData;

/* A cell's list item (qdata: a lookup by name hashes the name each time) */
static GQuark
list_item_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("enlace-list-item");
  return quark;
}

/* The whole text of a cell cut short by its column. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *data)
{
  const EnlaceColumn *col = &data->self->spec->columns[data->column];
  GtkWidget *label = gtk_inscription_new (NULL);

  switch (col->format)
    {
    case ENLACE_COLUMN_CHOICE:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 8);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 16);
      break;
    case ENLACE_COLUMN_NUMBER:
    case ENLACE_COLUMN_LENGTH:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 4);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 8);
      break;
    case ENLACE_COLUMN_TEXT:
    default:
      if (col->expr && g_str_has_prefix (col->expr, "datetime("))
        {
          /* a date and time, "2026-12-06 03:25:10", whole: the time is
           * what the audit log is read for */
          gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 17);
          gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 17);
          break;
        }
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), col->expand ? 10 : 6);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), col->expand ? 28 : 14);
      break;
    }
  if (col->format == ENLACE_COLUMN_NUMBER || col->format == ENLACE_COLUMN_LENGTH)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  /* a cell cut short says so with "…" (and shows all of it in a tooltip) */
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  /* the list item outlives its child */
  g_object_set_qdata (G_OBJECT (label), list_item_quark (), item);
  gtk_list_item_set_child (item, label);
}

static void
set_cell_text (GtkInscription *label,
               ColumnData     *data,
               EnlaceRow      *row)
{
  const EnlaceColumn *col = &data->self->spec->columns[data->column];
  const char *text = enlace_row_get_cell (row, data->column);
  g_autofree char *owned = NULL;

  switch (col->format)
    {
    case ENLACE_COLUMN_CHOICE:
      text = enlace_choice_label (text);
      break;
    case ENLACE_COLUMN_LENGTH:
      if (text[0] == '\0')
        text = "—";
      else
        text = owned = g_strdup_printf (_("%.1f m"), g_ascii_strtod (text, NULL));
      break;
    case ENLACE_COLUMN_TEXT:
    case ENLACE_COLUMN_NUMBER:
    default:
      break;
    }

  /* no tooltip here: setting one asks the X server where the pointer
   * is, a round trip per cell (see query_tooltip_cb) */
  gtk_inscription_set_text (label, text);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *data)
{
  EnlaceObjectList *self = data->self;
  GtkWidget *label = gtk_list_item_get_child (item);
  EnlaceRow *row = gtk_list_item_get_item (item);

  if (enlace_row_is_loaded (row) || self->pending == NULL)
    {
      if (self->pending)
        g_hash_table_remove (self->pending, label);
      set_cell_text (GTK_INSCRIPTION (label), data, row);
      return;
    }
  /* read when seen (fill_visible_cells), before it is painted: until
   * then the cell keeps the text of its last row, unseen (emptying it
   * costs a text layout and an accessible update for each of the 1,400
   * cells a jump of the scroll bar rebinds) */
  g_hash_table_insert (self->pending, g_object_ref (label), data);
}

static void
teardown_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ColumnData               *data)
{
  if (data->self->pending)
    g_hash_table_remove (data->self->pending, gtk_list_item_get_child (item));
}

/* The list view inside the column view: its children are the rows. */
static GtkWidget *
list_view_of (GtkColumnView *column_view)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (column_view)); w;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_VIEW (w))
      return w;
  return NULL;
}

/* The waiting cells on screen: their rows read in one go, their text set.
 * Walks the rows on screen (some 25 of the 200 GTK keeps), not the
 * waiting cells (some 1,400 after a jump). */
static void
fill_visible_cells (EnlaceObjectList *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkWidget *list_view;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int height;

  if (g_hash_table_size (self->pending) == 0 || self->model == NULL ||
      !gtk_widget_get_mapped (view) || (list_view = list_view_of (self->column_view)) == NULL)
    return;

  height = gtk_widget_get_height (view);
  cells = g_ptr_array_new ();
  rows = g_ptr_array_new ();

  for (GtkWidget *rw = gtk_widget_get_first_child (list_view); rw; rw = gtk_widget_get_next_sibling (rw))
    {
      graphene_rect_t bounds;
      EnlaceRow *row = NULL;

      if (!gtk_widget_get_mapped (rw) ||
          !gtk_widget_compute_bounds (rw, view, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 ||
          bounds.origin.y >= height)
        continue;
      /* the row's cells, each holding one of our labels */
      for (GtkWidget *cw = gtk_widget_get_first_child (rw); cw; cw = gtk_widget_get_next_sibling (cw))
        {
          GtkWidget *cell = gtk_widget_get_first_child (cw);
          GtkListItem *item;

          if (cell == NULL || !g_hash_table_contains (self->pending, cell))
            continue;
          item = g_object_get_qdata (G_OBJECT (cell), list_item_quark ());
          if (item == NULL || (row = gtk_list_item_get_item (item)) == NULL)
            continue;
          g_ptr_array_add (cells, cell);
        }
      if (row != NULL && !enlace_row_is_loaded (row))
        g_ptr_array_add (rows, row);
    }

  enlace_row_model_load (self->model, (EnlaceRow **) rows->pdata, rows->len);

  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      GtkListItem *item = g_object_get_qdata (G_OBJECT (cell), list_item_quark ());

      set_cell_text (GTK_INSCRIPTION (cell), g_hash_table_lookup (self->pending, cell),
                     gtk_list_item_get_item (item));
      g_hash_table_remove (self->pending, cell);
    }
}

static void
layout_cb (GdkFrameClock    *clock,
           EnlaceObjectList *self)
{
  fill_visible_cells (self);
}

/* The lines between the cells and the rows, in one colour on all four
 * sides of each cell and row.  The theme colours only the side it draws
 * (a cell's left, a row's top) and leaves the others the text's colour;
 * GTK draws a border whose sides differ in colour with a cairo mesh
 * gradient, which cost a third of a frame's CPU while the list scrolls
 * (some 230 cells on screen), where one colour is a plain fill.  The
 * colour is the theme's own: alpha 0.15 of the text's colour, 0.5 in high
 * contrast (libadwaita 1.2). */
static void
update_lines_css (AdwStyleManager *manager,
                  GParamSpec      *pspec,
                  GtkCssProvider  *css)
{
  g_autofree char *data = NULL;
  const char *alpha = adw_style_manager_get_high_contrast (manager) ? "0.5" : "0.15";

  data = g_strdup_printf ("columnview.enlace-object-list > listview > row > cell,\n"
                          "columnview.enlace-object-list > listview.separators > row "
                          "{ border-color: alpha(currentColor, %s); }\n", alpha);
  gtk_css_provider_load_from_data (css, data, -1);
}

static void
ensure_lines_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  AdwStyleManager *manager = adw_style_manager_get_for_display (display);
  GtkCssProvider *css;

  if (g_object_get_data (G_OBJECT (display), "enlace-object-list-css") != NULL)
    return;
  css = gtk_css_provider_new ();
  update_lines_css (manager, NULL, css);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (update_lines_css), css, 0);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "enlace-object-list-css", css, g_object_unref);
}

static void
enlace_object_list_realize (GtkWidget *widget)
{
  EnlaceObjectList *self = ENLACE_OBJECT_LIST (widget);

  ensure_lines_css (widget);
  GTK_WIDGET_CLASS (enlace_object_list_parent_class)->realize (widget);

  /* after the window's own layout, which places the rows */
  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->layout_id = g_signal_connect_after (self->frame_clock, "layout",
                                            G_CALLBACK (layout_cb), self);
}

static void
enlace_object_list_unrealize (GtkWidget *widget)
{
  EnlaceObjectList *self = ENLACE_OBJECT_LIST (widget);

  if (self->frame_clock)
    g_clear_signal_handler (&self->layout_id, self->frame_clock);
  g_clear_object (&self->frame_clock);

  GTK_WIDGET_CLASS (enlace_object_list_parent_class)->unrealize (widget);
}

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnData *data = user_data;

  data->self->probed_column = data->column;
  return GTK_ORDERING_SMALLER;
}

static gboolean list_imports (EnlaceObjectList *self);

static void
update_state (EnlaceObjectList *self)
{
  g_autofree char *count = NULL;
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean selected = gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION;
  gboolean writable = enlace_page_get_store (ENLACE_PAGE (self)) &&
                      !enlace_store_is_read_only (enlace_page_get_store (ENLACE_PAGE (self)));
  gboolean is_kind = self->spec && self->spec->kind;

  count = g_strdup_printf (ngettext ("%u item", "%u items", n), n);
  gtk_label_set_label (self->count_label, count);

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), is_kind);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), is_kind);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), is_kind);
  gtk_widget_set_visible (self->import_button, list_imports (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_button), selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), selected && writable);
  {
    EnlaceLabelKind kind;
    EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));

    gtk_widget_set_visible (GTK_WIDGET (self->labels_button),
                            self->spec && store && enlace_labels_kind_for (store, self->spec->name, 0, &kind));
    gtk_widget_set_sensitive (GTK_WIDGET (self->labels_button), n > 0);
  }

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      if (search[0] != '\0')
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Results"));
          adw_status_page_set_description (self->empty_page,
                                           _("Nothing in this list matches the search."));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
          adw_status_page_set_title (self->empty_page, _("Nothing Here Yet"));
          adw_status_page_set_description (self->empty_page,
                                           is_kind ? _("Use the Add button to create the first one.")
                                                   : _("The list is empty."));
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
sorter_changed_cb (EnlaceObjectList *self,
                   GtkSorterChange   change,
                   GtkSorter        *sorter)
{
  g_autoptr(EnlaceRow) a = enlace_row_new (0, NULL);
  g_autoptr(EnlaceRow) b = enlace_row_new (0, NULL);
  GtkOrdering order;

  if (self->model == NULL)
    return;

  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  enlace_row_model_set_sort (self->model, self->probed_column,
                             order == GTK_ORDERING_LARGER);
}

static void
people_toggled_cb (EnlaceObjectList *self,
                   GtkToggleButton  *button)
{
  if (!gtk_toggle_button_get_active (button) || self->spec == NULL)
    return;

  if (button == self->areas_toggle && strcmp (self->spec->name, "area") != 0)
    enlace_page_activate_object (ENLACE_PAGE (self), "list/area", 0);
  else if (button == self->people_toggle && strcmp (self->spec->name, "person") != 0)
    enlace_page_activate_object (ENLACE_PAGE (self), "list/person", 0);
}

static void
update_people_switch (EnlaceObjectList *self)
{
  gboolean people = strcmp (self->spec->name, "person") == 0;
  gboolean areas = strcmp (self->spec->name, "area") == 0;

  gtk_widget_set_visible (self->people_switch, people || areas);
  g_signal_handlers_block_by_func (self->people_toggle, people_toggled_cb, self);
  g_signal_handlers_block_by_func (self->areas_toggle, people_toggled_cb, self);
  gtk_toggle_button_set_active (self->people_toggle, people);
  gtk_toggle_button_set_active (self->areas_toggle, areas);
  g_signal_handlers_unblock_by_func (self->people_toggle, people_toggled_cb, self);
  g_signal_handlers_unblock_by_func (self->areas_toggle, people_toggled_cb, self);
}

/* "cable:length": a column of a list the user hid (the column chooser) */
static char *
column_key (EnlaceObjectList   *self,
            const EnlaceColumn *c)
{
  return g_strconcat (self->spec->name, ":", c->name, NULL);
}

static gboolean
column_hidden (EnlaceObjectList   *self,
               const EnlaceColumn *c)
{
  g_auto(GStrv) hidden = NULL;
  g_autofree char *key = column_key (self, c);

  if (self->settings == NULL)
    return FALSE;
  hidden = g_settings_get_strv (self->settings, "hidden-list-columns");
  return g_strv_contains ((const char * const *) hidden, key);
}

static void
column_toggled_cb (GtkCheckButton   *check,
                   EnlaceObjectList *self)
{
  GtkColumnViewColumn *column = g_object_get_data (G_OBJECT (check), "column");
  const EnlaceColumn *c = g_object_get_data (G_OBJECT (check), "spec-column");
  gboolean visible = gtk_check_button_get_active (check);
  g_autofree char *key = column_key (self, c);

  gtk_column_view_column_set_visible (column, visible);
  if (self->settings)
    {
      g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-list-columns");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) now = NULL;

      for (guint i = 0; hidden[i]; i++)
        if (strcmp (hidden[i], key) != 0)
          g_strv_builder_add (builder, hidden[i]);
      if (!visible)
        g_strv_builder_add (builder, key);
      now = g_strv_builder_end (builder);
      g_settings_set_strv (self->settings, "hidden-list-columns", (const char * const *) now);
    }
}

/* One check button per column in the chooser; the first column (the
 * object's name or label) always stays. */
static void
add_column_check (EnlaceObjectList    *self,
                  const EnlaceColumn  *c,
                  GtkColumnViewColumn *column,
                  gboolean             first)
{
  GtkWidget *check = gtk_check_button_new_with_label (_(c->label));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), gtk_column_view_column_get_visible (column));
  gtk_widget_set_sensitive (check, !first);
  g_object_set_data (G_OBJECT (check), "column", column);
  g_object_set_data (G_OBJECT (check), "spec-column", (gpointer) c);
  g_signal_connect (check, "toggled", G_CALLBACK (column_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->columns_box), check);
}

static void
build_columns (EnlaceObjectList *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->columns_box)))
    gtk_box_remove (GTK_BOX (self->columns_box), child);
  g_hash_table_remove_all (self->pending);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, col);
    }

  for (guint i = 0; i < self->spec->n_columns; i++)
    {
      const EnlaceColumn *c = &self->spec->columns[i];
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;
      GtkListItemFactory *factory;
      ColumnData *data;

      data = g_new0 (ColumnData, 1);
      data->self = self;
      data->column = i;

      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
      /* no "unbind": a cell is bound again at once, and a signal more for
       * each of the 1,400 cells a jump rebinds costs; a waiting cell whose
       * list item holds no row is passed over */
      g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cell_cb), data);
      g_object_set_data_full (G_OBJECT (factory), "column-data", data, g_free);

      column = gtk_column_view_column_new (_(c->label), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c->expand);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, data, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_visible (column, i == 0 || !column_hidden (self, c));
      gtk_column_view_append_column (self->column_view, column);
      add_column_check (self, c, column, i == 0);
    }
}

static void
items_changed_cb (EnlaceObjectList *self)
{
  update_state (self);
}

static void
enlace_object_list_set_object (EnlacePage *page,
                               const char *kind,
                               gint64      id)
{
  EnlaceObjectList *self = ENLACE_OBJECT_LIST (page);
  EnlaceStore *store = enlace_page_get_store (page);
  const EnlaceListSpec *spec;
  const char *name = kind;

  if (g_str_has_prefix (name, "list/"))
    name += strlen ("list/");

  if (!(spec = enlace_list_spec_lookup (name)))
    {
      g_warning ("No list for “%s”", kind);
      return;
    }

  if (spec != self->spec)
    {
      /* another list: the filter of the last one does not follow */
      if (self->spec != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      self->spec = spec;
      build_columns (self);
      if (spec->kind)
        {
          const EnlaceKind *k = enlace_kind_lookup (spec->kind);
          g_autofree char *tip = g_strdup_printf (_("Add %s"), _(k->label));
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), tip);
        }
    }

  enlace_page_set_title (page, _(spec->title));
  update_people_switch (self);

  if (store == NULL)
    return;

  if (self->model == NULL || enlace_row_model_get_spec (self->model) != spec ||
      enlace_row_model_get_store (self->model) != store)
    {
      g_autoptr(EnlaceRowModel) model = enlace_row_model_new (store, spec);

      if (self->model)
        g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
      g_set_object (&self->model, model);
      g_signal_connect_swapped (self->model, "items-changed",
                                G_CALLBACK (items_changed_cb), self);
      enlace_row_model_set_search (self->model,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
      sorter_changed_cb (self, 0, gtk_column_view_get_sorter (self->column_view));
    }

  enlace_row_model_set_parent (self->model, id);
  update_state (self);
}

static void
enlace_object_list_store_changed (EnlacePage      *page,
                                  EnlaceChangeSet *changes)
{
  /* The row model reloads itself. */
  update_state (ENLACE_OBJECT_LIST (page));
}

static void
enlace_object_list_focus_main (EnlacePage *page)
{
  EnlaceObjectList *self = ENLACE_OBJECT_LIST (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static gint64
selected_id (EnlaceObjectList *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);

  if (self->model == NULL || pos == GTK_INVALID_LIST_POSITION)
    return 0;
  return enlace_row_model_get_id (self->model, pos);
}

static void
activate_cb (EnlaceObjectList *self,
             guint             position,
             GtkColumnView    *view)
{
  if (self->model == NULL || self->spec->kind == NULL)
    return;

  enlace_page_activate_object (ENLACE_PAGE (self), self->spec->kind,
                               enlace_row_model_get_id (self->model, position));
}

static void
search_changed_cb (EnlaceObjectList *self,
                   GtkSearchEntry   *entry)
{
  if (self->model)
    enlace_row_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_state (self);
}

static void
add_clicked_cb (EnlaceObjectList *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.new-object", "(sx)",
                              self->spec->kind,
                              enlace_page_get_object_id (ENLACE_PAGE (self)));
}

static void
edit_clicked_cb (EnlaceObjectList *self)
{
  gint64 id = selected_id (self);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-object", "(sx)",
                                self->spec->kind, id);
}

static void
delete_clicked_cb (EnlaceObjectList *self)
{
  gint64 id = selected_id (self);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-object", "(sx)",
                                self->spec->kind, id);
}

static gboolean
list_imports (EnlaceObjectList *self)
{
  return self->spec != NULL
         && g_strv_contains (enlace_csv_import_kinds (), self->spec->name);
}

/* The rows as shown (filter and order) and the visible columns. */
static void
export_clicked_cb (EnlaceObjectList *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cols = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n;

  if (self->model == NULL || self->spec == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n; i++)
    {
      gint64 id = enlace_row_model_get_id (self->model, i);
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (columns) && i < self->spec->n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (col))
        g_array_append_val (cols, i);
    }
  enlace_csv_export_list_interactive (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      enlace_page_get_store (ENLACE_PAGE (self)), self->spec,
                                      ids, (guint *) cols->data, cols->len);
}

static void
import_clicked_cb (EnlaceObjectList *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  GtkWidget *assistant;

  if (store == NULL || !list_imports (self))
    return;
  assistant = enlace_csv_import_assistant_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               store, self->spec->name);
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
labels_clicked_cb (EnlaceObjectList *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = selected_id (self);

  if (self->model == NULL || self->spec == NULL)
    return;
  if (id > 0)
    g_array_append_val (ids, id);
  else
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->model)); i++)
      {
        id = enlace_row_model_get_id (self->model, i);
        g_array_append_val (ids, id);
      }
  enlace_labels_dialog_open_for_list (GTK_WIDGET (self), enlace_page_get_store (ENLACE_PAGE (self)),
                                      self->spec->name, ids);
}

static void
enlace_object_list_dispose (GObject *object)
{
  EnlaceObjectList *self = (EnlaceObjectList *)object;

  if (self->model)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (enlace_object_list_parent_class)->dispose (object);
}

static void
enlace_object_list_class_init (EnlaceObjectListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_object_list_dispose;
  GTK_WIDGET_CLASS (klass)->realize = enlace_object_list_realize;
  GTK_WIDGET_CLASS (klass)->unrealize = enlace_object_list_unrealize;

  page_class->set_object = enlace_object_list_set_object;
  page_class->store_changed = enlace_object_list_store_changed;
  page_class->focus_main = enlace_object_list_focus_main;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
enlace_object_list_init (EnlaceObjectList *self)
{
  GtkWidget *box, *toolbar, *scroller;

  self->probed_column = -1;
  /* the cells are kept: one may leave its row without a teardown we see */
  self->pending = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (toolbar, "toolbar");

  /* the sidebar's "Areas and People" shows both lists */
  self->people_switch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->people_switch, "linked");
  self->people_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_People")));
  self->areas_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Areas")));
  gtk_toggle_button_set_group (self->areas_toggle, self->people_toggle);
  g_signal_connect_swapped (self->people_toggle, "toggled", G_CALLBACK (people_toggled_cb), self);
  g_signal_connect_swapped (self->areas_toggle, "toggled", G_CALLBACK (people_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->people_switch), GTK_WIDGET (self->people_toggle));
  gtk_box_append (GTK_BOX (self->people_switch), GTK_WIDGET (self->areas_toggle));
  gtk_widget_set_visible (self->people_switch, FALSE);
  gtk_box_append (GTK_BOX (toolbar), self->people_switch);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Filter the list"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  /* narrow enough for the CSV buttons on a 1024-pixel laptop (test-laptop) */
  gtk_widget_set_size_request (GTK_WIDGET (self->search_entry), 140, -1);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->search_entry));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->count_label), 6);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->count_label));

  self->add_button = GTK_BUTTON (icon_button ("list-add-symbolic", _("Add")));
  self->edit_button = GTK_BUTTON (icon_button ("document-edit-symbolic", _("Edit the selected item")));
  self->delete_button = GTK_BUTTON (icon_button ("user-trash-symbolic", _("Delete the selected item")));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (self->edit_button, "clicked", G_CALLBACK (edit_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->add_button));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->edit_button));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->delete_button));
  /* the department's spreadsheets (csv13) */
  self->export_button = icon_button ("document-save-as-symbolic", _("Export CSV…"));
  self->import_button = icon_button ("document-open-symbolic", _("Import CSV…"));
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), self->export_button);
  gtk_box_append (GTK_BOX (toolbar), self->import_button);
  self->labels_button = GTK_BUTTON (icon_button ("printer-symbolic",
                                                 _("Print labels for the selected item, or for every item shown")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->labels_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Print Labels…"), -1);
  g_signal_connect_swapped (self->labels_button, "clicked", G_CALLBACK (labels_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->labels_button));
  {
    GtkWidget *chooser = gtk_menu_button_new ();
    GtkWidget *popover = gtk_popover_new ();
    GtkWidget *pbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *title = gtk_label_new (_("Columns"));
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema && g_settings_schema_has_key (schema, "hidden-list-columns"))
      self->settings = g_settings_new_full (schema, NULL, NULL);
    gtk_widget_add_css_class (title, "heading");
    gtk_label_set_xalign (GTK_LABEL (title), 0);
    gtk_box_append (GTK_BOX (pbox), title);
    self->columns_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
    gtk_box_append (GTK_BOX (pbox), self->columns_box);
    gtk_popover_set_child (GTK_POPOVER (popover), pbox);
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (chooser), popover);
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (chooser), "view-more-symbolic");
    gtk_widget_set_tooltip_text (chooser, _("Choose the columns shown"));
    gtk_widget_add_css_class (chooser, "flat");
    gtk_box_append (GTK_BOX (toolbar), chooser);
  }
  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (update_state), self);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "enlace-object-list");
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (sorter_changed_cb), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scroller, TRUE);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->empty_page), TRUE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
  update_state (self);
}

GtkWidget *
enlace_object_list_new (void)
{
  return g_object_new (ENLACE_TYPE_OBJECT_LIST, NULL);
}

EnlaceRowModel *
enlace_object_list_get_model (EnlaceObjectList *self)
{
  g_return_val_if_fail (ENLACE_IS_OBJECT_LIST (self), NULL);

  return self->model;
}

GtkColumnView *
enlace_object_list_get_column_view (EnlaceObjectList *self)
{
  g_return_val_if_fail (ENLACE_IS_OBJECT_LIST (self), NULL);

  return self->column_view;
}

void
enlace_object_list_set_search (EnlaceObjectList *self,
                               const char       *text)
{
  g_return_if_fail (ENLACE_IS_OBJECT_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* search-changed is delayed; apply at once */
  search_changed_cb (self, self->search_entry);
}

gboolean
enlace_object_list_select_id (EnlaceObjectList *self,
                              gint64            id)
{
  guint pos;

  g_return_val_if_fail (ENLACE_IS_OBJECT_LIST (self), FALSE);

  if (self->model == NULL ||
      (pos = enlace_row_model_find (self->model, id)) == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, pos);
  return TRUE;
}
