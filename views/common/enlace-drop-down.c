/* enlace-drop-down.c: a drop-down's search that finds words anywhere
 *
 * GtkDropDown (GTK 4.8) filters its popup with a GtkStringFilter in
 * prefix mode over its expression, and offers no way to change the mode
 * (gtk_drop_down_set_search_match_mode came in 4.12).  So: the expression
 * gives the item's text followed by its folded form (accents dropped), a
 * factory of our own shows the text alone, and the filter of the popup's
 * list, found through the list's model, matches substrings.
 */
#define G_LOG_DOMAIN "enlace-drop-down"
#include "config.h"

#include "enlace-drop-down.h"
#include "enlace-text.h"

/* "Rectoría\nrectoria": what the search looks in */
static char *
search_text (GtkStringObject *item)
{
  const char *text = item ? gtk_string_object_get_string (item) : NULL;
  g_autofree char *folded = enlace_text_fold (text);

  return text ? g_strconcat (text, "\n", folded, NULL) : NULL;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      string ? gtk_string_object_get_string (string) : "");
}

/* The GtkListView of the popup, below @widget */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found)
        return found;
    }
  return NULL;
}

void
enlace_drop_down_search_anywhere (GtkDropDown *drop)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;
  GListModel *model;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_drop_down_set_factory (drop, factory);
  gtk_drop_down_set_expression (drop, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                   G_CALLBACK (search_text),
                                                                   NULL, NULL));
  gtk_drop_down_set_enable_search (drop, TRUE);

  /* the popup's list: selection → filter list model → string filter */
  list = find_list_view (GTK_WIDGET (drop));
  model = list ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))) : NULL;
  if (GTK_IS_SINGLE_SELECTION (model))
    model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
  if (GTK_IS_FILTER_LIST_MODEL (model))
    {
      GtkFilter *filter = gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (model));

      if (GTK_IS_STRING_FILTER (filter))
        {
          gtk_string_filter_set_match_mode (GTK_STRING_FILTER (filter),
                                            GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
          return;
        }
    }
  g_warning ("The search of a drop-down cannot match inside words");
}
