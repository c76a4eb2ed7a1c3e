/* enlace-impact-view.c: "What breaks" for a cable, port, device or rack */
#define G_LOG_DOMAIN "enlace-impact-view"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "enlace-impact-view.h"
#include "enlace-render-util.h"
#include "enlace-trace.h"

struct _EnlaceImpactView
{
  EnlacePage     parent_instance;

  EnlaceTracer  *tracer;
  gulong         tracer_changed_id;
  GtkWidget     *stack;
  GtkWidget     *status;      /* AdwStatusPage: nothing breaks / error */
  GtkWidget     *content;     /* box of groups */
  GtkWidget     *headline;
  guint          n_items;
};

G_DEFINE_FINAL_TYPE (EnlaceImpactView, enlace_impact_view, ENLACE_TYPE_PAGE)

static const char *
object_kind (const char *page_kind)
{
  const char *slash = page_kind ? strchr (page_kind, '/') : NULL;

  return slash ? slash + 1 : "device";
}

static char *
object_title (EnlaceStore *store,
              const char  *kind,
              gint64       id)
{
  g_autofree char *key = NULL;

  if (g_strcmp0 (kind, "port") == 0 || g_strcmp0 (kind, "circuit-termination") == 0)
    {
      EnlaceTerm term = { g_strcmp0 (kind, "port") == 0 ? ENLACE_TERM_PORT : ENLACE_TERM_CIRCUIT, id };
      key = enlace_store_dup_term_key (store, &term);
    }
  else
    key = enlace_store_dup_key (store, kind, id);

  if (g_strcmp0 (kind, "cable") == 0)
    return g_strdup_printf (_("What breaks if cable %s is removed"), key);
  if (g_strcmp0 (kind, "port") == 0)
    return g_strdup_printf (_("What breaks if port %s is unplugged"), key);
  if (g_strcmp0 (kind, "rack") == 0)
    return g_strdup_printf (_("What breaks if rack %s is removed"), key);
  if (g_strcmp0 (kind, "circuit-termination") == 0)
    return g_strdup_printf (_("What breaks if circuit end %s goes down"), key);
  return g_strdup_printf (_("What breaks if device %s is removed"), key);
}

static void
clear_content (EnlaceImpactView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->content)))
    gtk_box_remove (GTK_BOX (self->content), child);
}

static void
trace_clicked_cb (GtkButton        *button,
                  EnlaceImpactView *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "kind");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");

  enlace_page_activate_object (ENLACE_PAGE (self), kind, id);
}

static GtkWidget *
item_row (EnlaceImpactView       *self,
          EnlaceStore            *store,
          const EnlaceImpactItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Trace"));
  g_autofree char *key = enlace_tracer_dup_node_key (self->tracer, &item->node);
  g_autoptr(GString) sub = g_string_new (NULL);
  gint64 *id = g_new (gint64, 1);

  if (item->area_id > 0)
    {
      g_autoptr(JsonObject) area = enlace_store_get (store, "area", item->area_id, NULL);
      if (area)
        g_string_append_printf (sub, _("Area: %s"), enlace_json_string (area, "name"));
    }
  if (item->extensions && item->extensions[0])
    {
      g_autofree char *list = g_strjoinv (", ", item->extensions);
      if (sub->len)
        g_string_append (sub, " · ");
      g_string_append_printf (sub, g_dngettext (GETTEXT_PACKAGE, "Extension %s", "Extensions %s",
                                                g_strv_length (item->extensions)), list);
    }
  for (guint i = 0; i < item->n_circuits; i++)
    {
      g_autofree char *cid = enlace_store_dup_key (store, "circuit", item->circuits[i]);
      if (sub->len)
        g_string_append (sub, " · ");
      g_string_append_printf (sub, _("Circuit %s"), cid);
    }
  if (item->path)
    {
      guint n;
      const EnlaceNode *dest = enlace_path_get_destination (item->path, &n);

      if (dest && n > 0)
        {
          g_autofree char *dkey = enlace_tracer_dup_node_key (self->tracer, &dest[0]);
          if (sub->len)
            g_string_append (sub, " · ");
          g_string_append_printf (sub, _("now reaches %s"), dkey);
        }
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), key ? key : "?");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (sub->len)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);

  *id = item->node.id;
  g_object_set_data_full (G_OBJECT (button), "id", id, g_free);
  g_object_set_data (G_OBJECT (button), "kind",
                     (gpointer) (item->node.kind == ENLACE_NODE_TERMINATION ? "trace/circuit-termination" : "trace/port"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show the path of this service as it is now"));
  g_signal_connect (button, "clicked", G_CALLBACK (trace_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (EnlaceImpactView *self)
{
  EnlacePage *page = ENLACE_PAGE (self);
  EnlaceStore *store = enlace_page_get_store (page);
  const char *kind = object_kind (enlace_page_get_kind (page));
  gint64 id = enlace_page_get_object_id (page);
  g_autoptr(EnlaceImpact) impact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *headline = NULL;
  GtkWidget *group = NULL;
  gint64 group_space = -1;

  clear_content (self);
  self->n_items = 0;
  if (store == NULL || self->tracer == NULL)
    return;

  title = object_title (store, kind, id);
  enlace_page_set_title (page, title);
  impact = enlace_tracer_impact (self->tracer, kind, id, &error);
  if (impact == NULL)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("Cannot tell what breaks"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status), error->message);
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->status);
      enlace_page_set_subtitle (page, NULL);
      return;
    }

  self->n_items = impact->items->len;
  if (impact->items->len == 0)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("Nothing breaks"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status),
                                       _("No complete path and no outlet jack depends on it: it can be removed without cutting a service."));
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->status);
      enlace_page_set_subtitle (page, _("Nothing breaks"));
      return;
    }

  headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u service would be cut (%u path runs through it).",
                                           "%u services would be cut (%u paths run through it).",
                                           impact->items->len),
                              impact->items->len, impact->n_paths);
  gtk_label_set_text (GTK_LABEL (self->headline), headline);
  gtk_box_append (GTK_BOX (self->content), self->headline);
  enlace_page_set_subtitle (page, headline);

  for (guint i = 0; i < impact->items->len; i++)
    {
      const EnlaceImpactItem *item = g_ptr_array_index (impact->items, i);

      if (group == NULL || item->space_id != group_space)
        {
          g_autofree char *space = NULL;

          group = adw_preferences_group_new ();
          group_space = item->space_id;
          if (item->space_id > 0)
            {
              g_autoptr(JsonObject) o = enlace_store_get (store, "space", item->space_id, NULL);
              g_autofree char *skey = enlace_tracer_dup_space_key (self->tracer, item->space_id);
              const char *name = o ? enlace_json_string (o, "name") : NULL;

              space = name && *name ? g_strdup_printf ("%s — %s", skey, name) : g_strdup (skey);
            }
          else
            space = g_strdup (_("Not placed in a space"));
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), space);
          gtk_box_append (GTK_BOX (self->content), group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), item_row (self, store, item));
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

static void
tracer_changed_cb (EnlaceImpactView *self)
{
  reload (self);
}

static void
enlace_impact_view_set_object (EnlacePage *page,
                               const char *kind,
                               gint64      id)
{
  EnlaceImpactView *self = ENLACE_IMPACT_VIEW (page);
  EnlaceStore *store = enlace_page_get_store (page);

  if (!(self->tracer && enlace_tracer_get_store (self->tracer) == store))
    {
      if (self->tracer)
        g_clear_signal_handler (&self->tracer_changed_id, self->tracer);
      g_clear_object (&self->tracer);
      if (store)
        {
          self->tracer = enlace_tracer_get_for_store (store);
          self->tracer_changed_id = g_signal_connect_swapped (self->tracer, "changed",
                                                              G_CALLBACK (tracer_changed_cb), self);
        }
    }
  reload (self);
}

static void
enlace_impact_view_store_changed (EnlacePage      *page,
                                  EnlaceChangeSet *changes)
{
  /* the tracer's ::changed reloads; areas and extensions are not its business */
  if (enlace_change_set_touches (changes, "extension") ||
      enlace_change_set_touches (changes, "area") ||
      enlace_change_set_touches (changes, "space"))
    reload (ENLACE_IMPACT_VIEW (page));
}

static void
enlace_impact_view_dispose (GObject *object)
{
  EnlaceImpactView *self = ENLACE_IMPACT_VIEW (object);

  if (self->tracer)
    g_clear_signal_handler (&self->tracer_changed_id, self->tracer);
  g_clear_object (&self->tracer);
  g_clear_object (&self->headline);

  G_OBJECT_CLASS (enlace_impact_view_parent_class)->dispose (object);
}

static void
enlace_impact_view_class_init (EnlaceImpactViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_impact_view_dispose;
  page_class->set_object = enlace_impact_view_set_object;
  page_class->store_changed = enlace_impact_view_store_changed;
}

static void
enlace_impact_view_init (EnlaceImpactView *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->stack = gtk_stack_new ();

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "emblem-ok-symbolic");
  gtk_stack_add_named (GTK_STACK (self->stack), self->status, "status");

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 18);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");

  /* kept across reloads (removed from and added to the box) */
  self->headline = g_object_ref_sink (gtk_label_new (NULL));
  gtk_label_set_wrap (GTK_LABEL (self->headline), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->headline), 0);
  gtk_widget_add_css_class (self->headline, "title-4");

  adw_bin_set_child (ADW_BIN (self), self->stack);
}

guint
enlace_impact_view_get_n_items (EnlaceImpactView *self)
{
  g_return_val_if_fail (ENLACE_IS_IMPACT_VIEW (self), 0);
  return self->n_items;
}
