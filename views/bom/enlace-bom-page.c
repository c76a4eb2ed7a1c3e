/* enlace-bom-page.c: the bill of materials page (see enlace-bom-page.h) */
#define G_LOG_DOMAIN "enlace-views"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-bom-page.h"
#include "enlace-install.h"
#include "enlace-label-templates-dialog.h"
#include "enlace-money.h"
#include "enlace-render-bom.h"

#define SHEET_MARGIN 16.0      /* pixels around the sheet */
#define SHEET_MAX_WIDTH 640.0  /* the widest the table is drawn, in its own units */

struct _EnlaceBomPage
{
  EnlacePage       parent_instance;

  GtkDropDown     *building;
  GtkDropDown     *floor;
  GtkCheckButton  *planned;
  GtkDrawingArea  *area;
  GtkLabel        *summary;
  GtkPopover      *more;
  GPtrArray       *building_codes;   /* of char*: [0] NULL = all */
  GPtrArray       *levels;           /* of char*: [0] NULL = all */
  EnlaceBom       *bom;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (EnlaceBomPage, enlace_bom_page, ENLACE_TYPE_PAGE)

static const char *
current_building (EnlaceBomPage *self)
{
  guint i = gtk_drop_down_get_selected (self->building);

  return i != GTK_INVALID_LIST_POSITION && i < self->building_codes->len
         ? g_ptr_array_index (self->building_codes, i) : NULL;
}

static const char *
current_level (EnlaceBomPage *self)
{
  guint i = gtk_drop_down_get_selected (self->floor);

  return i != GTK_INVALID_LIST_POSITION && i < self->levels->len ? g_ptr_array_index (self->levels, i) : NULL;
}

EnlaceBomGroup *
enlace_bom_page_get_group (EnlaceBomPage *self)
{
  g_return_val_if_fail (ENLACE_IS_BOM_PAGE (self), NULL);

  if (self->bom == NULL)
    return NULL;
  if (current_level (self) && self->bom->floors->len == 1)
    return g_ptr_array_index (self->bom->floors, 0);
  if (current_building (self) && self->bom->buildings->len == 1)
    return g_ptr_array_index (self->bom->buildings, 0);
  return self->bom->total;
}

/* The groups drawn: the chosen one, then its parts (the floors of a
 * building, the buildings of the campus). */
static GPtrArray *
groups_drawn (EnlaceBomPage *self)
{
  GPtrArray *out = g_ptr_array_new ();
  EnlaceBomGroup *first = enlace_bom_page_get_group (self);

  if (first == NULL)
    return out;
  g_ptr_array_add (out, first);
  if (first == self->bom->total)
    g_ptr_array_extend (out, self->bom->buildings, NULL, NULL);
  else if (!first->has_floor)
    g_ptr_array_extend (out, self->bom->floors, NULL, NULL);
  return out;
}

static double
sheet_height (EnlaceBomPage *self)
{
  g_autoptr(GPtrArray) groups = groups_drawn (self);
  double h = 0;

  for (guint i = 0; i < groups->len; i++)
    h += enlace_render_bom_group_height (g_ptr_array_index (groups, i));
  return h;
}

static void
load (EnlaceBomPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GError) error = NULL;
  EnlaceBomGroup *g;

  g_clear_pointer (&self->bom, enlace_bom_free);
  if (store != NULL)
    {
      self->bom = enlace_bom_compute (store, current_building (self), current_level (self),
                                      gtk_check_button_get_active (self->planned), &error);
      if (self->bom == NULL)
        enlace_page_show_error (ENLACE_PAGE (self), error);
    }
  g = enlace_bom_page_get_group (self);
  if (g)
    {
      g_autofree char *text = NULL;
      g_autofree char *cost = enlace_money_format (g->cost, g->currency);

      if (g->unpriced > 0)
        text = g_strdup_printf (g_dngettext (NULL, "Cost %s — %u line without a price",
                                             "Cost %s — %u lines without a price", g->unpriced),
                                cost, g->unpriced);
      else
        text = g_strdup_printf (_("Cost %s"), cost);
      gtk_label_set_text (self->summary, text);
    }
  else
    gtk_label_set_text (self->summary, "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary), gtk_label_get_text (self->summary));
  gtk_drawing_area_set_content_height (self->area,
                                       (int) (sheet_height (self) * ENLACE_RENDER_BOM_SCREEN_SCALE) + 2 * SHEET_MARGIN);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  EnlaceBomPage *self = data;
  g_autoptr(GPtrArray) groups = groups_drawn (self);
  const double scale = ENLACE_RENDER_BOM_SCREEN_SCALE;
  double margin = SHEET_MARGIN / scale;
  /* the table in its own units (those of the PDF), drawn larger: as wide
   * as the page allows up to SHEET_MAX_WIDTH, never narrower than its
   * minimum (the scroller then scrolls sideways) */
  double w = CLAMP (width / scale - 2 * margin, ENLACE_RENDER_BOM_MIN_WIDTH, SHEET_MAX_WIDTH);
  double y = margin;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  for (guint i = 0; i < groups->len; i++)
    y = enlace_render_bom_group (cr, g_ptr_array_index (groups, i), margin, y, w);
}

/* The floors of the chosen building. */
static void
fill_floors (EnlaceBomPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char *code = current_building (self);

  g_ptr_array_set_size (self->levels, 0);
  g_ptr_array_add (self->levels, NULL);
  gtk_string_list_append (list, _("All floors"));
  if (store && code)
    {
      gint64 bid = enlace_store_lookup (store, "building", code, NULL);
      g_autoptr(GPtrArray) floors = bid ? enlace_store_list (store, "floor", bid, NULL) : NULL;

      for (guint i = 0; floors && i < floors->len; i++)
        {
          JsonObject *o = g_ptr_array_index (floors, i);
          g_autofree char *label = g_strdup_printf ("%s (%" G_GINT64_FORMAT ")",
                                                    json_object_get_string_member_with_default (o, "name", ""),
                                                    json_object_get_int_member (o, "level"));

          g_ptr_array_add (self->levels, g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "level")));
          gtk_string_list_append (list, label);
        }
    }
  gtk_drop_down_set_model (self->floor, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->floor, 0);
}

static void
fill_buildings (EnlaceBomPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) all = store ? enlace_store_list (store, "building", 0, NULL) : NULL;

  g_ptr_array_set_size (self->building_codes, 0);
  g_ptr_array_add (self->building_codes, NULL);
  gtk_string_list_append (list, _("Whole campus"));
  for (guint i = 0; all && i < all->len; i++)
    {
      JsonObject *o = g_ptr_array_index (all, i);
      const char *code = json_object_get_string_member_with_default (o, "code", "");
      g_autofree char *label = g_strdup_printf ("%s — %s", code,
                                                json_object_get_string_member_with_default (o, "name", ""));

      g_ptr_array_add (self->building_codes, g_strdup (code));
      gtk_string_list_append (list, label);
    }
  gtk_drop_down_set_model (self->building, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->building, 0);
}

static void
scope_changed_cb (EnlaceBomPage *self)
{
  if (self->loading)
    return;
  load (self);
}

static void
building_changed_cb (EnlaceBomPage *self)
{
  if (self->loading)
    return;
  self->loading = TRUE;
  fill_floors (self);
  self->loading = FALSE;
  load (self);
}

static guint
index_of (GPtrArray  *a,
          const char *s)
{
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), s) == 0)
      return i;
  return 0;
}

void
enlace_bom_page_set_scope (EnlaceBomPage *self,
                           const char    *building,
                           const char    *level,
                           gboolean       planned_only)
{
  g_return_if_fail (ENLACE_IS_BOM_PAGE (self));

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->building, index_of (self->building_codes, building));
  fill_floors (self);
  gtk_drop_down_set_selected (self->floor, index_of (self->levels, level));
  gtk_check_button_set_active (self->planned, planned_only);
  self->loading = FALSE;
  load (self);
}

EnlaceBom *
enlace_bom_page_get_bom (EnlaceBomPage *self)
{
  g_return_val_if_fail (ENLACE_IS_BOM_PAGE (self), NULL);
  return self->bom;
}

gboolean
enlace_bom_page_export_csv (EnlaceBomPage *self,
                            const char    *path,
                            GError       **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (ENLACE_IS_BOM_PAGE (self), FALSE);

  if (self->bom == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no bill of materials to export"));
      return FALSE;
    }
  csv = enlace_bom_to_csv (self->bom);
  return g_file_set_contents (path, csv, -1, error);
}

gboolean
enlace_bom_page_export_pdf (EnlaceBomPage *self,
                            const char    *path,
                            GError       **error)
{
  g_return_val_if_fail (ENLACE_IS_BOM_PAGE (self), FALSE);

  if (self->bom == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no bill of materials to export"));
      return FALSE;
    }
  return enlace_render_bom_pdf (enlace_page_get_store (ENLACE_PAGE (self)), self->bom, path, error);
}

/* ------------------------------------------------------------ files */

typedef enum
{
  FILE_CSV,
  FILE_PDF,
  FILE_PRICES,
  FILE_CERTIFIER
} FileJob;

static GtkWindow *
parent_window (EnlaceBomPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_certify_report (EnlaceBomPage       *self,
                     EnlaceCertifyReport *r)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  g_string_append_printf (body, _("%u rows: %u matched (%u pass, %u fail), %u not matched"),
                          r->rows, r->matched, r->passed, r->failed, r->unmatched->len);
  for (guint i = 0; i < r->unmatched->len && i < 20; i++)
    {
      JsonObject *o = g_ptr_array_index (r->unmatched, i);

      g_string_append_printf (body, "\n");
      g_string_append_printf (body, _("line %u: %s: %s"), (guint)json_object_get_int_member (o, "line"),
                              json_object_get_string_member (o, "label"), json_object_get_string_member (o, "reason"));
    }
  if (r->unmatched->len > 20)
    g_string_append_printf (body, "\n…");
  dialog = adw_message_dialog_new (parent_window (self), _("Certifier results"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  EnlaceBomPage   *self)
{
  FileJob job = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "job"));
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));

  if (response == GTK_RESPONSE_ACCEPT && store)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      gsize len = 0;

      switch (job)
        {
        case FILE_CSV:
          if (!enlace_bom_page_export_csv (self, path, &error))
            enlace_page_show_error (ENLACE_PAGE (self), error);
          break;
        case FILE_PDF:
          if (!enlace_bom_page_export_pdf (self, path, &error))
            enlace_page_show_error (ENLACE_PAGE (self), error);
          break;
        case FILE_PRICES:
          if (!g_file_get_contents (path, &text, &len, &error) ||
              enlace_bom_prices_import (store, text, len, &error) == 0)
            enlace_page_show_error (ENLACE_PAGE (self), error);
          break;
        case FILE_CERTIFIER:
          {
            g_autoptr(EnlaceCertifyReport) r = NULL;

            if (g_file_get_contents (path, &text, &len, &error))
              r = enlace_install_certify (store, text, len, FALSE, &error);
            if (r == NULL)
              enlace_page_show_error (ENLACE_PAGE (self), error);
            else
              show_certify_report (self, r);
          }
          break;
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (EnlaceBomPage *self,
             FileJob        job)
{
  gboolean save = job == FILE_CSV || job == FILE_PDF;
  const char *title = job == FILE_CSV ? _("Export the Bill of Materials as CSV")
                    : job == FILE_PDF ? _("Export the Bill of Materials as PDF")
                    : job == FILE_PRICES ? _("Import a Price List")
                    : _("Import Certifier Results");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, parent_window (self),
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        save ? _("_Export") : _("_Import"), _("_Cancel"));
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog),
                                       job == FILE_CSV ? _("bill-of-materials.csv") : _("bill-of-materials.pdf"));
  g_object_set_data (G_OBJECT (dialog), "job", GINT_TO_POINTER (job));
  g_signal_connect (dialog, "response", G_CALLBACK (file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
csv_cb (EnlaceBomPage *self)
{
  choose_file (self, FILE_CSV);
}

static void
pdf_cb (EnlaceBomPage *self)
{
  choose_file (self, FILE_PDF);
}

static void
prices_cb (EnlaceBomPage *self)
{
  choose_file (self, FILE_PRICES);
}

static void
certify_cb (EnlaceBomPage *self)
{
  choose_file (self, FILE_CERTIFIER);
}

static void
labels_cb (EnlaceBomPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  GtkWindow *dialog;

  if (store == NULL)
    return;
  dialog = enlace_label_templates_dialog_new (store, current_building (self), current_level (self));
  gtk_window_set_transient_for (dialog, parent_window (self));
  gtk_window_present (dialog);
}

/* ------------------------------------------------------------ page */

static void
set_object (EnlacePage *page,
            const char *kind,
            gint64      id)
{
  EnlaceBomPage *self = ENLACE_BOM_PAGE (page);
  g_autofree char *building = g_strdup (current_building (self));
  g_autofree char *level = g_strdup (current_level (self));

  enlace_page_set_title (page, _("Bill of Materials"));
  self->loading = TRUE;
  fill_buildings (self);
  self->loading = FALSE;
  enlace_bom_page_set_scope (self, building, level, gtk_check_button_get_active (self->planned));
}

static void
store_changed (EnlacePage      *page,
               EnlaceChangeSet *changes)
{
  load (ENLACE_BOM_PAGE (page));
}

static void
enlace_bom_page_dispose (GObject *object)
{
  EnlaceBomPage *self = ENLACE_BOM_PAGE (object);

  g_clear_pointer (&self->bom, enlace_bom_free);
  g_clear_pointer (&self->building_codes, g_ptr_array_unref);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  G_OBJECT_CLASS (enlace_bom_page_parent_class)->dispose (object);
}

static void
enlace_bom_page_class_init (EnlaceBomPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_bom_page_dispose;
  page_class->set_object = set_object;
  page_class->store_changed = store_changed;
}

static GtkWidget *
button (EnlaceBomPage *self,
        const char    *label,
        const char    *tooltip,
        GCallback      cb)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (b, tooltip);
  g_signal_connect_swapped (b, "clicked", cb, self);
  return b;
}

/* A button of the "more actions" menu: flat, its label at the start,
 * closing the menu when clicked. */
static GtkWidget *
menu_button (EnlaceBomPage *self,
             const char    *label,
             const char    *tooltip,
             GCallback      cb)
{
  GtkWidget *b = button (self, label, tooltip, cb);
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (b));

  gtk_widget_add_css_class (b, "flat");
  if (GTK_IS_LABEL (child))
    gtk_label_set_xalign (GTK_LABEL (child), 0);
  g_signal_connect_swapped (b, "clicked", G_CALLBACK (gtk_popover_popdown), self->more);
  return b;
}

/* The drop-downs' button shows the choice ellipsized (a building's name
 * may be long); their list shows it whole. */
static void
setup_ellipsized_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_list_item_set_child (item, label);
}

static void
setup_plain_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  GtkStringObject *o = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), o ? gtk_string_object_get_string (o) : "");
}

static GtkDropDown *
scope_drop_down (const char *tooltip)
{
  const char * const none[] = { NULL };
  GtkDropDown *d = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (none));
  GtkListItemFactory *button = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_ellipsized_cb), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_plain_cb), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_drop_down_set_factory (d, button);
  gtk_drop_down_set_list_factory (d, list);
  g_object_unref (button);
  g_object_unref (list);
  gtk_widget_set_tooltip_text (GTK_WIDGET (d), tooltip);
  return d;
}

static void
enlace_bom_page_init (EnlaceBomPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar2 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *menu = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *more = gtk_menu_button_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->building_codes = g_ptr_array_new_with_free_func (g_free);
  self->levels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->building_codes, NULL);
  g_ptr_array_add (self->levels, NULL);

  /* The page fits a laptop's window with the sidebar (1024 px): the scope
   * is one row whose drop-downs ellipsize a long building's name, the
   * cost wraps on the row below beside the two exports, the rarely used
   * actions are in a menu, and the sheet scrolls sideways rather than
   * widen the window. */
  self->building = scope_drop_down (_("Building"));
  self->floor = scope_drop_down (_("Floor"));
  self->planned = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Design only (planned)")));
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_wrap_mode (self->summary, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (self->summary, 20);
  gtk_label_set_lines (self->summary, 3);
  gtk_label_set_ellipsize (self->summary, PANGO_ELLIPSIZE_END);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->building));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->floor));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->planned));

  self->more = GTK_POPOVER (gtk_popover_new ());
  gtk_box_append (GTK_BOX (menu), menu_button (self, _("Label _Templates…"), _("Label templates and their application"),
                                               G_CALLBACK (labels_cb)));
  gtk_box_append (GTK_BOX (menu), menu_button (self, _("Import _Prices…"), _("Import a price list (CSV: item, price)"),
                                               G_CALLBACK (prices_cb)));
  gtk_box_append (GTK_BOX (menu), menu_button (self, _("Import _Certifier Results…"),
                                               _("Match a cable certifier's CSV to the runs by label"),
                                               G_CALLBACK (certify_cb)));
  gtk_popover_set_child (self->more, menu);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (more), GTK_WIDGET (self->more));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_widget_set_tooltip_text (more, _("Labels, prices and certifier results"));
  gtk_widget_set_valign (more, GTK_ALIGN_START);

  gtk_widget_set_valign (actions, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (actions), button (self, _("Export C_SV…"), _("Export the bill as CSV"), G_CALLBACK (csv_cb)));
  gtk_box_append (GTK_BOX (actions), button (self, _("Export P_DF…"), _("Export the bill as PDF"), G_CALLBACK (pdf_cb)));
  gtk_box_append (GTK_BOX (actions), more);

  gtk_widget_set_margin_start (bar2, 12);
  gtk_widget_set_margin_end (bar2, 12);
  gtk_widget_set_margin_top (bar2, 6);
  gtk_widget_set_margin_bottom (bar2, 6);
  gtk_box_append (GTK_BOX (bar2), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (bar2), actions);

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  gtk_drawing_area_set_content_width (self->area,
                                      (int) (ENLACE_RENDER_BOM_MIN_WIDTH * ENLACE_RENDER_BOM_SCREEN_SCALE) + 2 * SHEET_MARGIN);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->area));

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), bar2);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_bin_set_child (ADW_BIN (self), box);

  g_signal_connect_swapped (self->building, "notify::selected", G_CALLBACK (building_changed_cb), self);
  g_signal_connect_swapped (self->floor, "notify::selected", G_CALLBACK (scope_changed_cb), self);
  g_signal_connect_swapped (self->planned, "toggled", G_CALLBACK (scope_changed_cb), self);
}
