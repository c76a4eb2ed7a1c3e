/* enlace-search-page.c: the global search */
#define G_LOG_DOMAIN "enlace-search-page"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-kinds.h"
#include "enlace-person-lines.h"
#include "enlace-query.h"
#include "enlace-search-page.h"

#define LIMIT_PER_KIND 50

struct _EnlaceSearchPage
{
  EnlacePage      parent_instance;

  GtkSearchEntry *entry;
  GtkListBox     *results;
  GtkStack       *stack;
  AdwStatusPage  *status;
  GPtrArray      *hits;
  GPtrArray      *places;   /* of char*, nullable: where each hit is */
  EnlaceTracer   *tracer;   /* kept: one graph per document */
};

G_DEFINE_FINAL_TYPE (EnlaceSearchPage, enlace_search_page, ENLACE_TYPE_PAGE)

static void
run_search (EnlaceSearchPage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))))
    gtk_list_box_remove (self->results, child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);

  if (store == NULL || stripped[0] == '\0')
    {
      adw_status_page_set_icon_name (self->status, "edit-find-symbolic");
      adw_status_page_set_title (self->status, _("Search the Inventory"));
      adw_status_page_set_description (self->status,
                                       _("Names, codes, cable labels, extensions, serial numbers, asset tags and people."));
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }

  if (!(self->hits = enlace_query_search (store, stripped, LIMIT_PER_KIND, &error)))
    {
      adw_status_page_set_icon_name (self->status, "dialog-error-symbolic");
      adw_status_page_set_title (self->status, _("The Search Failed"));
      adw_status_page_set_description (self->status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }

  if (self->hits->len == 0)
    {
      g_autofree char *desc = g_strdup_printf (_("Nothing matches “%s”."), stripped);

      adw_status_page_set_icon_name (self->status, "edit-find-symbolic");
      adw_status_page_set_title (self->status, _("No Results"));
      adw_status_page_set_description (self->status, desc);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }

  if (!(self->tracer && enlace_tracer_get_store (self->tracer) == store))
    {
      g_clear_object (&self->tracer);
      self->tracer = enlace_tracer_get_for_store (store);
    }
  self->places = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->hits->len; i++)
    {
      EnlaceSearchHit *hit = g_ptr_array_index (self->hits, i);
      /* where it is: building › floor › space › rack; for an extension
       * or a person, where their line reaches */
      char *place = enlace_tracer_dup_place (self->tracer, hit->kind, hit->id);
      const EnlaceKind *k = enlace_kind_lookup (hit->kind);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      {
        /* "patch-cord · CAT6": show each choice value by its label */
        g_auto(GStrv) parts = g_strsplit (hit->subtitle, " · ", -1);
        g_autoptr(GString) s = g_string_new (k ? _(k->label) : hit->kind);

        for (guint j = 0; parts[j]; j++)
          if (parts[j][0])
            g_string_append_printf (s, " · %s", enlace_choice_label (parts[j]));
        if (place)
          g_string_append_printf (s, "\n%s", place);
        subtitle = g_string_free (g_steal_pointer (&s), FALSE);
      }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hit->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->results, row);
      g_ptr_array_add (self->places, place);
    }

  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
row_activated_cb (EnlaceSearchPage *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *box)
{
  enlace_search_page_activate_result (self, gtk_list_box_row_get_index (row));
}

static void
entry_activate_cb (EnlaceSearchPage *self)
{
  run_search (self);
  enlace_search_page_activate_result (self, 0);
}

static void
enlace_search_page_set_object (EnlacePage *page,
                               const char *kind,
                               gint64      id)
{
  EnlaceSearchPage *self = ENLACE_SEARCH_PAGE (page);

  enlace_page_set_title (page, _("Search"));
  run_search (self);
}

static void
enlace_search_page_store_changed (EnlacePage      *page,
                                  EnlaceChangeSet *changes)
{
  run_search (ENLACE_SEARCH_PAGE (page));
}

static void
enlace_search_page_focus_main (EnlacePage *page)
{
  EnlaceSearchPage *self = ENLACE_SEARCH_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
enlace_search_page_dispose (GObject *object)
{
  EnlaceSearchPage *self = (EnlaceSearchPage *)object;

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_object (&self->tracer);
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (enlace_search_page_parent_class)->dispose (object);
}

static void
enlace_search_page_class_init (EnlaceSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_search_page_dispose;

  page_class->set_object = enlace_search_page_set_object;
  page_class->store_changed = enlace_search_page_store_changed;
  page_class->focus_main = enlace_search_page_focus_main;
}

static void
enlace_search_page_init (EnlaceSearchPage *self)
{
  GtkWidget *box, *clamp, *scroller, *entry_clamp;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Name, label, extension, serial, person…"), NULL);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (run_search), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  entry_clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (entry_clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (entry_clamp), GTK_WIDGET (self->entry));
  gtk_widget_set_margin_top (entry_clamp, 18);
  gtk_widget_set_margin_start (entry_clamp, 12);
  gtk_widget_set_margin_end (entry_clamp, 12);
  gtk_box_append (GTK_BOX (box), entry_clamp);

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->results), GTK_ALIGN_START);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->results), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->results), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->results), 12);
  g_signal_connect_swapped (self->results, "row-activated", G_CALLBACK (row_activated_cb), self);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->results));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  self->status = ADW_STATUS_PAGE (adw_status_page_new ());

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scroller, "results");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
  run_search (self);
}

GtkWidget *
enlace_search_page_new (void)
{
  return g_object_new (ENLACE_TYPE_SEARCH_PAGE, NULL);
}

void
enlace_search_page_set_text (EnlaceSearchPage *self,
                             const char       *text)
{
  g_return_if_fail (ENLACE_IS_SEARCH_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  run_search (self);
}

guint
enlace_search_page_get_n_results (EnlaceSearchPage *self)
{
  g_return_val_if_fail (ENLACE_IS_SEARCH_PAGE (self), 0);

  return self->hits ? self->hits->len : 0;
}

gboolean
enlace_search_page_activate_result (EnlaceSearchPage *self,
                                    guint             index)
{
  EnlaceSearchHit *hit;

  g_return_val_if_fail (ENLACE_IS_SEARCH_PAGE (self), FALSE);

  if (self->hits == NULL || index >= self->hits->len)
    return FALSE;

  hit = g_ptr_array_index (self->hits, index);
  enlace_page_activate_object (ENLACE_PAGE (self), hit->kind, hit->id);
  return TRUE;
}

const char *
enlace_search_page_get_place (EnlaceSearchPage *self,
                              guint             index)
{
  g_return_val_if_fail (ENLACE_IS_SEARCH_PAGE (self), NULL);

  if (self->places == NULL || index >= self->places->len)
    return NULL;
  return g_ptr_array_index (self->places, index);
}

const char *
enlace_search_page_get_kind (EnlaceSearchPage *self,
                             guint             index)
{
  g_return_val_if_fail (ENLACE_IS_SEARCH_PAGE (self), NULL);

  if (self->hits == NULL || index >= self->hits->len)
    return NULL;
  return ((EnlaceSearchHit *) g_ptr_array_index (self->hits, index))->kind;
}
