/* enlace-building-page.c: the page of a site, building, floor or space
 *
 * What is there (the children, with links), and the counts a network
 * administrator asks first: outlets, and ports in use and free.
 */
#define G_LOG_DOMAIN "enlace-building-page"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-building-page.h"
#include "enlace-kinds.h"
#include "enlace-plan.h"
#include "enlace-query.h"

struct _EnlaceBuildingPage
{
  EnlacePage  parent_instance;

  GtkWidget  *scroller;
  GtkWidget  *box;
};

G_DEFINE_FINAL_TYPE (EnlaceBuildingPage, enlace_building_page, ENLACE_TYPE_PAGE)

static const struct {
  const char *kind;
  const char *child_kind;
  const char *parent_kind;
} levels[] = {
  { "site", "building", NULL },
  { "building", "floor", "site" },
  { "floor", "space", "building" },
  { "space", "rack", "floor" },
};

static void
row_activated_cb (AdwActionRow       *row,
                  EnlaceBuildingPage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));

  enlace_page_activate_object (ENLACE_PAGE (self), kind, id);
}

static GtkWidget *
link_row (EnlaceBuildingPage *self,
          const char         *title,
          const char         *subtitle,
          const char         *kind,
          gint64              id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle && subtitle[0])
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (kind), g_free);
  g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);

  return row;
}

static GtkWidget *
count_row (const char *title,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static char *
use_text (guint used,
          guint total)
{
  if (total == 0)
    return g_strdup (_("none"));
  /* Translators: ports or jacks: "12 in use, 4 free (of 16)" */
  return g_strdup_printf (_("%u in use, %u free (of %u)"), used, total - used, total);
}

static GtkWidget *
add_button (const char *label,
            const char *kind,
            gint64      parent_id)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new-object");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sx)", kind, parent_id);
  return button;
}

static GtkWidget *
children_group (EnlaceBuildingPage *self,
                const char         *child_kind,
                gint64              parent_id)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const EnlaceKind *ck = enlace_kind_lookup (child_kind);
  const EnlaceListSpec *spec = enlace_list_spec_lookup (child_kind);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *lower = g_utf8_strdown (_(ck->label), -1);
  g_autofree char *add_label = g_strdup_printf (_("Add %s"), lower);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(ck->plural));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           add_button (add_label, child_kind, parent_id));

  ids = enlace_list_query_ids (store, spec, parent_id, NULL, -1, FALSE, NULL);
  for (guint i = 0; ids && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_auto(GStrv) cells = enlace_list_query_row (store, spec, id, NULL);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (cells == NULL)
        continue;

      /* cells follow the columns of model/enlace-query.c */
      if (strcmp (child_kind, "building") == 0)
        {
          title = g_strdup_printf ("%s — %s", cells[0], cells[1]);
          subtitle = g_strdup (cells[2]);
        }
      else if (strcmp (child_kind, "floor") == 0)
        {
          title = g_strdup (cells[2]);
          subtitle = g_strdup_printf (ngettext ("Level %s · %s space", "Level %s · %s spaces",
                                                g_ascii_strtoull (cells[3], NULL, 10)),
                                      cells[1], cells[3]);
        }
      else if (strcmp (child_kind, "space") == 0)
        {
          title = cells[2][0] ? g_strdup_printf ("%s — %s", cells[1], cells[2]) : g_strdup (cells[1]);
          subtitle = g_strdup (enlace_choice_label (cells[3]));
        }
      else if (strcmp (child_kind, "rack") == 0)
        {
          title = g_strdup (cells[0]);
          subtitle = g_strdup_printf (ngettext ("%s U · %s device", "%s U · %s devices",
                                                g_ascii_strtoull (cells[3], NULL, 10)),
                                      cells[2], cells[3]);
        }
      else
        title = g_strdup (cells[0]);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 link_row (self, title, subtitle, child_kind, id));
    }

  if (ids == NULL || ids->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No %s yet."), _(ck->plural));
      GtkWidget *label = gtk_label_new (none);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }

  return group;
}

/* The jacks the new outlet gets, as the plan's Outlet tool offers them */
static const struct { const char *label; guint data, voice; } outlet_jacks[] = {
  { N_("1 data + 1 voice"), 1, 1 },
  { N_("2 data"), 2, 0 },
  { N_("2 data + 1 voice"), 2, 1 },
  { N_("1 data"), 1, 0 },
  { N_("4 data"), 4, 0 },
};

static void
add_outlet_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        EnlaceBuildingPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkDropDown *jacks = g_object_get_data (G_OBJECT (dialog), "jacks");
  guint j = gtk_drop_down_get_selected (jacks);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (g_strcmp0 (response, "add") != 0 || store == NULL || j >= G_N_ELEMENTS (outlet_jacks))
    return;
  id = enlace_plan_add_outlet_in_space (store, enlace_page_get_object_id (ENLACE_PAGE (self)),
                                        gtk_editable_get_text (name),
                                        outlet_jacks[j].data, outlet_jacks[j].voice, &error);
  if (id == 0)
    enlace_page_show_message (ENLACE_PAGE (self), error->message);
}

/* "Add outlet" of a space: its label (proposed) and jacks, one command */
static void
add_outlet_clicked_cb (EnlaceBuildingPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autofree char *proposed = enlace_plan_next_outlet_name (store, enlace_page_get_object_id (ENLACE_PAGE (self)));
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  AdwMessageDialog *dialog;
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *name_label = gtk_label_new_with_mnemonic (_("_Label"));
  GtkWidget *jacks_label = gtk_label_new_with_mnemonic (_("_Jacks"));
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *jacks;

  for (guint i = 0; i < G_N_ELEMENTS (outlet_jacks); i++)
    gtk_string_list_append (choices, _(outlet_jacks[i].label));
  jacks = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
  gtk_editable_set_text (GTK_EDITABLE (name), proposed ? proposed : "");
  gtk_entry_set_activates_default (GTK_ENTRY (name), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (name_label), name);
  gtk_label_set_mnemonic_widget (GTK_LABEL (jacks_label), jacks);
  gtk_label_set_xalign (GTK_LABEL (name_label), 1);
  gtk_label_set_xalign (GTK_LABEL (jacks_label), 1);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), name_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), jacks_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), jacks, 1, 1, 1, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Add an Outlet"),
                                                       _("A wall outlet of this space, planned until it is installed. Place it on the floor plan to draw it where it is.")));
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "jacks", jacks);
  g_signal_connect (dialog, "response", G_CALLBACK (add_outlet_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
outlets_group (EnlaceBuildingPage *self,
               gint64              space_id)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const EnlaceListSpec *spec = enlace_list_spec_lookup ("outlet");
  g_autoptr(GArray) ids = enlace_list_query_ids (store, spec, space_id, NULL, -1, FALSE, NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Outlets"));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add outlet"));
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_outlet_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  for (guint i = 0; ids && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_auto(GStrv) cells = enlace_list_query_row (store, spec, id, NULL);
      g_autofree char *subtitle = NULL;

      if (cells == NULL)
        continue;
      /* Translators: jacks of a wall outlet: "2 jacks, 1 connected" */
      subtitle = g_strdup_printf (_("%s jacks, %s connected"), cells[2], cells[3]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 link_row (self, cells[0], subtitle, "device", id));
    }

  if (ids == NULL || ids->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No outlets in this space yet."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }
  return group;
}

static void
edit_clicked_cb (EnlaceBuildingPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-object", "(sx)",
                              enlace_page_get_kind (ENLACE_PAGE (self)),
                              enlace_page_get_object_id (ENLACE_PAGE (self)));
}

static void
plan_clicked_cb (EnlaceBuildingPage *self)
{
  enlace_page_activate_object (ENLACE_PAGE (self), "plan/floor",
                               enlace_page_get_object_id (ENLACE_PAGE (self)));
}

/* "This … no longer exists", in place of the page. */
static void
show_missing (EnlacePage       *page,
              GtkWidget        *box,
              const EnlaceKind *k,
              const GError     *error)
{
  GtkWidget *status = adw_status_page_new ();
  g_autofree char *what = g_strdup_printf (_("This %s no longer exists"), _(k->label));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "user-trash-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), what);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
  gtk_box_append (GTK_BOX (box), status);
  enlace_page_set_title (page, _(k->label));
}

/* The heading's title: a floor's name, else "CODE — Name". */
static char *
object_title (const char *kind,
              JsonObject *obj)
{
  const char *name = json_object_get_string_member_with_default (obj, "name", NULL);
  const char *code = json_object_get_string_member_with_default (obj, "code", NULL);

  if (strcmp (kind, "floor") == 0)
    return g_strdup (name);
  if (code && name && name[0])
    return g_strdup_printf ("%s — %s", code, name);
  return g_strdup (code ? code : name);
}

/* The heading: title, subtitle (the kind and what tells it apart), the
 * floor plan's and the edit buttons. */
static GtkWidget *
heading_box (EnlaceBuildingPage *self,
             const EnlaceKind   *k,
             const char         *kind,
             JsonObject         *obj,
             const char         *key)
{
  g_autofree char *title = object_title (kind, obj);
  g_autofree char *subtitle = NULL;
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading, *sub, *button;

  gtk_widget_set_hexpand (titles, TRUE);
  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-1");
  gtk_box_append (GTK_BOX (titles), heading);

  if (strcmp (kind, "space") == 0)
    subtitle = g_strdup_printf ("%s · %s", _(k->label),
                                enlace_choice_label (json_object_get_string_member_with_default (obj, "kind", "")));
  else if (strcmp (kind, "building") == 0 &&
           json_object_get_string_member_with_default (obj, "address", NULL))
    subtitle = g_strdup_printf ("%s · %s", _(k->label),
                                json_object_get_string_member (obj, "address"));
  else
    subtitle = g_strdup_printf ("%s · %s", _(k->label), key ? key : "");
  sub = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_box_append (GTK_BOX (titles), sub);
  gtk_box_append (GTK_BOX (header), titles);

  if (strcmp (kind, "floor") == 0 && enlace_page_lookup_type ("plan/floor") != G_TYPE_INVALID)
    {
      button = gtk_button_new_with_mnemonic (_("Floor _Plan"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (plan_clicked_cb), self);
      gtk_box_append (GTK_BOX (header), button);
    }

  button = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (edit_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), button);
  return header;
}

/* The counts of what the site, building, floor or space holds. */
static GtkWidget *
summary_group (const char                *kind,
               const EnlaceLocationStats *stats)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *outlets = NULL;
  g_autofree char *panels = NULL;
  g_autofree char *switches = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Summary"));

#define COUNT(title, value) \
  G_STMT_START { \
    g_autofree char *v = g_strdup_printf ("%u", value); \
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (title, v)); \
  } G_STMT_END

  if (strcmp (kind, "site") == 0)
    COUNT (_("Buildings"), stats->n_buildings);
  if (strcmp (kind, "site") == 0 || strcmp (kind, "building") == 0)
    COUNT (_("Floors"), stats->n_floors);
  if (strcmp (kind, "space") != 0)
    COUNT (_("Spaces"), stats->n_spaces);
  COUNT (_("Racks"), stats->n_racks);
  COUNT (_("Devices"), stats->n_devices);
  COUNT (_("Outlets"), stats->n_outlets);
#undef COUNT

  outlets = use_text (stats->n_outlet_ports_used, stats->n_outlet_ports);
  panels = use_text (stats->n_panel_ports_used, stats->n_panel_ports);
  switches = use_text (stats->n_switch_ports_used, stats->n_switch_ports);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Outlet jacks"), outlets));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Patch panel ports"), panels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Switch ports"), switches));
  return group;
}

static void
enlace_building_page_set_object (EnlacePage *page,
                                 const char *kind,
                                 gint64      id)
{
  EnlaceBuildingPage *self = ENLACE_BUILDING_PAGE (page);
  EnlaceStore *store = enlace_page_get_store (page);
  const EnlaceKind *k = enlace_kind_lookup (kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) obj = NULL;
  g_autofree char *key = NULL;
  EnlaceLocationStats stats;
  GtkWidget *box, *group, *clamp;
  int level = -1;

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (strcmp (levels[i].kind, kind) == 0)
      level = i;
  g_return_if_fail (level >= 0 && k != NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  self->box = box;

  if (store == NULL)
    return;

  if (!(obj = enlace_store_get (store, kind, id, &error)))
    {
      show_missing (page, box, k, error);
      return;
    }

  key = enlace_store_dup_key (store, kind, id);
  {
    g_autofree char *page_title = g_strdup_printf ("%s %s", _(k->label), key ? key : "");
    enlace_page_set_title (page, page_title);
  }
  gtk_box_append (GTK_BOX (box), heading_box (self, k, kind, obj, key));

  /* what is there first, then the counts */
  gtk_box_append (GTK_BOX (box), children_group (self, levels[level].child_kind, id));
  if (strcmp (kind, "space") == 0 && (group = outlets_group (self, id)))
    gtk_box_append (GTK_BOX (box), group);

  if (enlace_query_location_stats (store, kind, id, &stats, &error))
    gtk_box_append (GTK_BOX (box), summary_group (kind, &stats));
  else
    g_warning ("%s", error->message);
}

static void
enlace_building_page_store_changed (EnlacePage      *page,
                                    EnlaceChangeSet *changes)
{
  /* counts depend on cables, ports and devices: reload on any change */
  enlace_page_reload (page);
}

static void
enlace_building_page_class_init (EnlaceBuildingPageClass *klass)
{
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  page_class->set_object = enlace_building_page_set_object;
  page_class->store_changed = enlace_building_page_store_changed;
}

static void
enlace_building_page_init (EnlaceBuildingPage *self)
{
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), self->scroller);
}

GtkWidget *
enlace_building_page_new (void)
{
  return g_object_new (ENLACE_TYPE_BUILDING_PAGE, NULL);
}
