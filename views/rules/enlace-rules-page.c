/* enlace-rules-page.c: the failures of the cabling rules of a floor, a
 * building or the campus, each selecting its objects on the plan */
#define G_LOG_DOMAIN "enlace-rules-view"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-plan-page.h"
#include "enlace-rules-editor.h"
#include "enlace-rules-page.h"
#include "enlace-rules-refs.h"

/* A campus check slower than this is not rerun after every command. */
#define LIVE_CAMPUS_MS 150.0

struct _EnlaceRulesPage
{
  EnlacePage        parent_instance;

  GtkLabel         *summary;
  GtkLabel         *stale;
  GtkListBox       *list;
  GtkWidget        *empty;
  GtkButton        *campus_button;
  EnlaceRuleReport *report;
  double            check_ms;
  gint64            building_id;
  gint64            floor_id;
};

G_DEFINE_FINAL_TYPE (EnlaceRulesPage, enlace_rules_page, ENLACE_TYPE_PAGE)

static char *
figures_text (const EnlaceRuleFailure *f)
{
  const char *unit = f->unit && f->unit[0] ? f->unit : NULL;
  int digits = g_strcmp0 (f->unit, "m") == 0 ? 1 : 0;

  /* TRANSLATORS: a failure's figures: "96.6 m, the rule: 90.0 m" */
  if (unit)
    return g_strdup_printf (_("%.*f %s, the rule: %.*f %s"), digits, f->value, unit, digits, f->limit, unit);
  return g_strdup_printf (_("%.0f, the rule: %.0f"), f->value, f->limit);
}

static char *
objects_text (const EnlaceRuleFailure *f)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < f->objects->len && i < 6; i++)
    {
      const EnlaceRuleObject *o = &g_array_index (f->objects, EnlaceRuleObject, i);

      if (s->len)
        g_string_append (s, ", ");
      g_string_append (s, o->key);
    }
  if (f->objects->len > 6)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", f->objects->len - 6),
                            f->objects->len - 6);
  return g_string_free (s, FALSE);
}

static GtkWidget *
failure_row (const EnlaceRuleFailure *f)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *figures, *objects, *box, *icon;
  g_autofree char *fig = figures_text (f);
  g_autofree char *objs = objects_text (f);
  g_autofree char *title = g_markup_escape_text (enlace_rules_rule_label (f->rule), -1);
  g_autofree char *message = g_markup_escape_text (f->message, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  figures = gtk_label_new (fig);
  gtk_widget_add_css_class (figures, "error");
  gtk_label_set_xalign (GTK_LABEL (figures), 1);
  objects = gtk_label_new (objs);
  gtk_widget_add_css_class (objects, "dim-label");
  gtk_widget_add_css_class (objects, "caption");
  gtk_label_set_xalign (GTK_LABEL (objects), 1);
  gtk_label_set_ellipsize (GTK_LABEL (objects), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (objects), 40);
  gtk_box_append (GTK_BOX (box), figures);
  gtk_box_append (GTK_BOX (box), objects);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static void
fill (EnlaceRulesPage *self)
{
  GtkWidget *child;
  g_autofree char *summary = NULL;
  g_autofree char *outlets = NULL;
  g_autofree char *floors = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->stale), FALSE);
  if (self->report == NULL)
    {
      gtk_label_set_text (self->summary, "");
      gtk_widget_set_visible (self->empty, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
      return;
    }
  for (guint i = 0; i < self->report->failures->len; i++)
    gtk_list_box_append (self->list, failure_row (g_ptr_array_index (self->report->failures, i)));

  floors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u floor", "%u floors", self->report->n_floors),
                            self->report->n_floors);
  outlets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outlet checked", "%u outlets checked",
                                          self->report->n_outlets),
                             self->report->n_outlets);
  /* TRANSLATORS: "Rule set “TIA-568-D / TIA-569-E”: 3 floors, 120 outlets checked, 2 failures (12 ms)" */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Rule set “%s”: %s, %s, %u failure (%.0f ms)",
                                          "Rule set “%s”: %s, %s, %u failures (%.0f ms)",
                                          self->report->failures->len),
                             self->report->rule_set, floors, outlets, self->report->failures->len,
                             self->check_ms);
  gtk_label_set_text (self->summary, summary);
  gtk_widget_set_visible (self->empty, self->report->failures->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->report->failures->len > 0);
}

static void
check (EnlaceRulesPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 t0;

  g_clear_pointer (&self->report, enlace_rule_report_unref);
  if (store != NULL)
    {
      t0 = g_get_monotonic_time ();
      self->report = enlace_rules_check (store, NULL, self->building_id, self->floor_id, &error);
      self->check_ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (self->report == NULL)
        enlace_page_show_error (ENLACE_PAGE (self), error);
    }
  fill (self);
}

static void
enlace_rules_page_set_object (EnlacePage *page,
                              const char *kind,
                              gint64      id)
{
  EnlaceRulesPage *self = ENLACE_RULES_PAGE (page);
  EnlaceStore *store = enlace_page_get_store (page);
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;

  self->building_id = g_strcmp0 (kind, "rules/building") == 0 ? id : 0;
  self->floor_id = g_strcmp0 (kind, "rules/floor") == 0 ? id : 0;
  if (store && self->floor_id)
    key = enlace_store_dup_key (store, "floor", self->floor_id);
  else if (store && self->building_id)
    key = enlace_store_dup_key (store, "building", self->building_id);
  if (key)
    title = g_strdup_printf (_("Checks of %s"), key);
  enlace_page_set_title (page, title ? title : _("Checks of the whole campus"));
  enlace_page_set_subtitle (page, _("The design against the project's cabling rules"));
  check (self);
}

static void
enlace_rules_page_store_changed (EnlacePage      *page,
                                 EnlaceChangeSet *changes)
{
  EnlaceRulesPage *self = ENLACE_RULES_PAGE (page);

  /* A floor or a building: checked again at once.  The campus only when
   * it was quick; otherwise the page says it may be out of date. */
  if (self->floor_id || self->building_id || self->check_ms < LIVE_CAMPUS_MS)
    enlace_rules_page_set_object (page, enlace_page_get_kind (page), enlace_page_get_object_id (page));
  else
    gtk_widget_set_visible (GTK_WIDGET (self->stale), TRUE);
}

EnlaceRuleReport *
enlace_rules_page_get_report (EnlaceRulesPage *self,
                              double          *check_ms)
{
  g_return_val_if_fail (ENLACE_IS_RULES_PAGE (self), NULL);
  if (check_ms)
    *check_ms = self->check_ms;
  return self->report;
}

void
enlace_rules_page_check_campus (EnlaceRulesPage *self)
{
  g_return_if_fail (ENLACE_IS_RULES_PAGE (self));

  if (self->floor_id || self->building_id)
    enlace_page_activate_object (ENLACE_PAGE (self), "rules", 0);
  else
    check (self);
}

void
enlace_rules_page_show_failure (EnlaceRulesPage *self,
                                guint            index)
{
  const EnlaceRuleFailure *f;
  g_autoptr(GArray) refs = NULL;

  g_return_if_fail (ENLACE_IS_RULES_PAGE (self));
  if (self->report == NULL || index >= self->report->failures->len)
    return;
  f = g_ptr_array_index (self->report->failures, index);
  if (f->floor_id > 0)
    {
      refs = enlace_rules_failure_plan_refs (f);
      enlace_plan_page_request_selection (enlace_page_get_store (ENLACE_PAGE (self)), f->floor_id,
                                          (EnlacePlanRef *) refs->data, refs->len);
      enlace_page_activate_object (ENLACE_PAGE (self), "plan", f->floor_id);
    }
  else if (f->objects->len > 0)
    {
      /* a backbone between buildings: no plan shows it, its page does */
      const EnlaceRuleObject *o = &g_array_index (f->objects, EnlaceRuleObject, 0);

      enlace_page_activate_object (ENLACE_PAGE (self), o->kind, o->id);
    }
}

static void
on_row_activated (EnlaceRulesPage *self,
                  GtkListBoxRow   *row)
{
  enlace_rules_page_show_failure (self, gtk_list_box_row_get_index (row));
}

GtkWidget *
enlace_rules_page_open_editor (EnlaceRulesPage *self)
{
  GtkRoot *root;
  GtkWidget *editor;

  g_return_val_if_fail (ENLACE_IS_RULES_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = enlace_rules_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    enlace_page_get_store (ENLACE_PAGE (self)));
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
on_editor_clicked (EnlaceRulesPage *self)
{
  enlace_rules_page_open_editor (self);
}

static void
enlace_rules_page_dispose (GObject *object)
{
  EnlaceRulesPage *self = ENLACE_RULES_PAGE (object);

  g_clear_pointer (&self->report, enlace_rule_report_unref);
  G_OBJECT_CLASS (enlace_rules_page_parent_class)->dispose (object);
}

static void
enlace_rules_page_class_init (EnlaceRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_rules_page_dispose;
  page_class->set_object = enlace_rules_page_set_object;
  page_class->store_changed = enlace_rules_page_store_changed;
}

static void
enlace_rules_page_init (EnlaceRulesPage *self)
{
  GtkWidget *scroll, *clamp, *box, *bar, *button, *empty_title;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->summary));
  button = gtk_button_new_with_mnemonic (_("_Rules…"));
  gtk_widget_set_tooltip_text (button, _("The project's rule set: its name and values, back to Enlace's defaults"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_editor_clicked), self);
  gtk_box_append (GTK_BOX (bar), button);
  self->campus_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Check the whole campus")));
  gtk_widget_add_css_class (GTK_WIDGET (self->campus_button), "suggested-action");
  g_signal_connect_swapped (self->campus_button, "clicked", G_CALLBACK (enlace_rules_page_check_campus), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->campus_button));
  gtk_box_append (GTK_BOX (box), bar);

  self->stale = GTK_LABEL (gtk_label_new (_("The campus changed since this check: check it again to see the failures now")));
  gtk_label_set_xalign (self->stale, 0);
  gtk_label_set_wrap (self->stale, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->stale), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->stale), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stale));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  self->empty = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  empty_title = gtk_label_new (_("Every rule is met"));
  gtk_widget_add_css_class (empty_title, "title-2");
  gtk_box_append (GTK_BOX (self->empty), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
  gtk_box_append (GTK_BOX (self->empty), empty_title);
  gtk_widget_set_margin_top (self->empty, 48);
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_box_append (GTK_BOX (box), self->empty);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  adw_bin_set_child (ADW_BIN (self), scroll);
}
