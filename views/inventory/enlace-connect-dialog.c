/* enlace-connect-dialog.c: connect a port to another one */
#define G_LOG_DOMAIN "enlace-connect-dialog"
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "enlace-connect-dialog.h"
#include "enlace-current-order.h"
#include "enlace-kinds.h"
#include "enlace-orders.h"
#include "enlace-propose.h"
#include "enlace-query.h"
#include "enlace-render-util.h"

#define MAX_CANDIDATES 60

struct _EnlaceConnectDialog
{
  AdwWindow      parent_instance;

  EnlaceStore   *store;
  gint64         port_id;
  char          *medium;
  gint64         far_port_id;

  GtkWidget     *search;
  GtkWidget     *list;
  GtkWidget     *list_hint;
  GtkWidget     *far_label;
  GtkWidget     *kind_dropdown;
  GtkWidget     *type_dropdown;
  GtkWidget     *label_entry;
  GtkWidget     *length_entry;
  GtkWidget     *color_entry;
  GtkWidget     *status_dropdown;
  GtkWidget     *error_label;
  GtkWidget     *connect_button;
  guint          n_candidates;
  gint64         order_id;      /* the window's current order, 0: the plant */
};

enum {
  CONNECTED,
  ADDED_TO_ORDER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EnlaceConnectDialog, enlace_connect_dialog, ADW_TYPE_WINDOW)

static const char * const cable_kinds[] = {
  "horizontal", "backbone", "patch-cord", "equipment-cord", "other", NULL
};
/* first entry: unknown */
static const char * const cable_types[] = {
  "", "cat3", "cat5e", "cat6", "cat6a", "cat7", "cat8", "om1", "om2", "om3",
  "om4", "om5", "os1", "os2", "coax", "multipair", NULL
};
static const char * const cable_statuses[] = { "installed", "planned", NULL };

/* The form */

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i]; i++)
    if (g_strcmp0 (values[i], value ? value : "") == 0)
      return i;
  return 0;
}

static void
show_error (EnlaceConnectDialog *self,
            const char          *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
apply_proposal (EnlaceConnectDialog *self)
{
  EnlaceCableProposal p = { 0 };

  enlace_cable_propose (self->store, self->port_id, self->far_port_id, &p);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_dropdown), index_of (cable_kinds, p.kind));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type_dropdown), index_of (cable_types, p.type));
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), p.label ? p.label : "");
  if (p.length_m >= 0)
    {
      g_autofree char *len = g_strdup_printf ("%g", p.length_m);
      gtk_editable_set_text (GTK_EDITABLE (self->length_entry), len);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->length_entry), "");
  enlace_cable_proposal_clear (&p);
}

gboolean
enlace_connect_dialog_select (EnlaceConnectDialog *self,
                              gint64               far_port_id)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  EnlaceTerm term = { ENLACE_TERM_PORT, far_port_id };

  g_return_val_if_fail (ENLACE_IS_CONNECT_DIALOG (self), FALSE);

  if (far_port_id <= 0 || far_port_id == self->port_id)
    return FALSE;
  key = enlace_store_dup_term_key (self->store, &term);
  if (key == NULL)
    return FALSE;
  self->far_port_id = far_port_id;
  text = g_strdup_printf (_("To %s"), key);
  gtk_label_set_text (GTK_LABEL (self->far_label), text);
  apply_proposal (self);
  show_error (self, NULL);
  gtk_widget_set_sensitive (self->connect_button, TRUE);
  return TRUE;
}

static void
row_selected_cb (GtkListBox          *list,
                 GtkListBoxRow       *row,
                 EnlaceConnectDialog *self)
{
  gint64 *id;

  if (row == NULL || !(id = g_object_get_data (G_OBJECT (row), "port-id")))
    return;
  enlace_connect_dialog_select (self, *id);
}

/* Adds @id to the candidates when it is free and of a compatible medium. */
static gboolean
add_candidate (EnlaceConnectDialog *self,
               gint64               id)
{
  EnlaceTerm term = { ENLACE_TERM_PORT, id };
  g_autoptr(JsonObject) port = NULL;
  g_autofree char *key = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  gint64 *data;

  if (id == self->port_id || enlace_store_cable_on (self->store, &term) != 0)
    return FALSE;
  if (!(port = enlace_store_get (self->store, "port", id, NULL)))
    return FALSE;
  /* a copper port does not take a fibre cable */
  if (self->medium && g_strcmp0 (enlace_json_string (port, "medium"), self->medium) != 0 &&
      g_strcmp0 (self->medium, "voice") != 0 && g_strcmp0 (enlace_json_string (port, "medium"), "voice") != 0)
    return FALSE;
  key = enlace_store_dup_term_key (self->store, &term);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), key);
  subtitle = g_strdup_printf ("%s · %s · %s", enlace_choice_label (enlace_json_string (port, "kind")),
                              enlace_choice_label (enlace_json_string (port, "medium")),
                              enlace_json_string (port, "connector"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  data = g_new (gint64, 1);
  *data = id;
  g_object_set_data_full (G_OBJECT (row), "port-id", data, g_free);
  gtk_list_box_append (GTK_LIST_BOX (self->list), row);
  self->n_candidates++;
  return TRUE;
}

static void
clear_candidates (EnlaceConnectDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  self->n_candidates = 0;
}

/* With nothing typed: the free ports of the other devices in the same rack
 * (the usual far end of a patch cord). */
static guint
suggest_nearby (EnlaceConnectDialog *self)
{
  const EnlaceListSpec *spec = enlace_list_spec_lookup ("device");
  g_autoptr(JsonObject) port = enlace_store_get (self->store, "port", self->port_id, NULL);
  g_autoptr(JsonObject) device = port ? enlace_store_get (self->store, "device", enlace_json_int (port, "device_id", 0), NULL) : NULL;
  gint64 rack_id = device ? enlace_json_int (device, "rack_id", 0) : 0;
  g_autoptr(GArray) ids = NULL;

  clear_candidates (self);
  if (rack_id <= 0 || spec == NULL ||
      !(ids = enlace_list_query_ids (self->store, spec, rack_id, NULL, -1, FALSE, NULL)))
    return 0;
  for (guint i = 0; i < ids->len && self->n_candidates < MAX_CANDIDATES; i++)
    {
      gint64 dev = g_array_index (ids, gint64, i);
      g_autoptr(GPtrArray) ports = NULL;

      if (dev == enlace_json_int (device, "id", 0) ||
          !(ports = enlace_store_list (self->store, "port", dev, NULL)))
        continue;
      for (guint k = 0; k < ports->len && self->n_candidates < MAX_CANDIDATES; k++)
        add_candidate (self, enlace_json_int (g_ptr_array_index (ports, k), "id", 0));
    }
  if (self->n_candidates > 0)
    gtk_label_set_text (GTK_LABEL (self->list_hint),
                        _("Free ports in the same rack; type to search the whole inventory."));
  return self->n_candidates;
}

guint
enlace_connect_dialog_search (EnlaceConnectDialog *self,
                              const char          *text)
{
  const EnlaceListSpec *spec = enlace_list_spec_lookup ("port");
  g_autoptr(GArray) ids = NULL;
  g_autofree char *query = NULL;
  g_autofree char *needle = NULL;
  const char *colon;

  g_return_val_if_fail (ENLACE_IS_CONNECT_DIALOG (self), 0);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search), text);

  clear_candidates (self);

  if (text == NULL || g_utf8_strlen (text, -1) < 1 || spec == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->list_hint), _("Type the name of the far device or port, for example PP-1 or PP-1:12."));
      return suggest_nearby (self);
    }

  /* "PP-1:12": search by device, keep the keys that contain the whole text */
  colon = strchr (text, ':');
  query = colon ? g_strndup (text, colon - text) : g_strdup (text);
  needle = g_utf8_casefold (text, -1);
  ids = enlace_list_query_ids (self->store, spec, 0, query, -1, FALSE, NULL);

  for (guint i = 0; ids && i < ids->len && self->n_candidates < MAX_CANDIDATES; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      EnlaceTerm term = { ENLACE_TERM_PORT, id };

      if (colon)
        {
          g_autofree char *key = enlace_store_dup_term_key (self->store, &term);
          g_autofree char *folded = key ? g_utf8_casefold (key, -1) : NULL;

          if (folded == NULL || strstr (folded, needle) == NULL)
            continue;
        }
      add_candidate (self, id);
    }

  if (self->n_candidates == 0)
    gtk_label_set_text (GTK_LABEL (self->list_hint), _("No free port matches. Ports that already carry a cable are not listed."));
  else
    {
      g_autofree char *hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u free port matches; pick one.",
                                                            "%u free ports match; pick one.", self->n_candidates),
                                               self->n_candidates);
      gtk_label_set_text (GTK_LABEL (self->list_hint), hint);
    }
  return self->n_candidates;
}

static void
search_changed_cb (EnlaceConnectDialog *self)
{
  enlace_connect_dialog_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

void
enlace_connect_dialog_get_cable (EnlaceConnectDialog *self,
                                 EnlaceCableProposal *out)
{
  const char *len = gtk_editable_get_text (GTK_EDITABLE (self->length_entry));
  guint t = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->type_dropdown));
  char *end = NULL;

  enlace_cable_proposal_clear (out);
  out->kind = g_strdup (cable_kinds[MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown)), 4)]);
  out->type = t > 0 && t < G_N_ELEMENTS (cable_types) - 1 ? g_strdup (cable_types[t]) : NULL;
  out->label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry))));
  out->length_m = -1;
  if (len && *len)
    {
      g_autofree char *copy = g_strdelimit (g_strdup (len), ",", '.');
      double v = g_ascii_strtod (copy, &end);
      if (end && *end == '\0')
        out->length_m = v;
      else
        out->length_m = NAN;
    }
}

gint64
enlace_connect_dialog_connect (EnlaceConnectDialog  *self,
                               GError              **error)
{
  EnlaceCableProposal p = { 0 };
  g_autoptr(JsonObject) cable = json_object_new ();
  g_autoptr(GError) local_error = NULL;
  EnlaceTerm a = { ENLACE_TERM_PORT, self->port_id };
  EnlaceTerm b = { ENLACE_TERM_PORT, self->far_port_id };
  const char *color = gtk_editable_get_text (GTK_EDITABLE (self->color_entry));
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_CONNECT_DIALOG (self), 0);

  if (self->far_port_id <= 0)
    {
      g_set_error (&local_error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Choose the port at the other end first"));
      goto fail;
    }
  enlace_connect_dialog_get_cable (self, &p);
  if (isnan (p.length_m))
    {
      g_set_error (&local_error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The length “%s” is not a number of metres"),
                   gtk_editable_get_text (GTK_EDITABLE (self->length_entry)));
      enlace_cable_proposal_clear (&p);
      goto fail;
    }
  json_object_set_string_member (cable, "kind", p.kind);
  if (p.type)
    json_object_set_string_member (cable, "type", p.type);
  if (p.label && *p.label)
    json_object_set_string_member (cable, "label", p.label);
  if (p.length_m >= 0)
    json_object_set_double_member (cable, "length_m", p.length_m);
  if (color && *color)
    json_object_set_string_member (cable, "color", color);
  json_object_set_string_member (cable, "status",
                                 cable_statuses[MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_dropdown)), 1)]);
  enlace_cable_proposal_clear (&p);

  if (self->order_id > 0)
    {
      /* the window's current order: the change goes to the order, the
       * plant does not change (one command) */
      g_autoptr(JsonObject) values = json_object_new ();
      g_autofree char *a_key = enlace_store_dup_term_key (self->store, &a);
      g_autofree char *b_key = enlace_store_dup_term_key (self->store, &b);
      const char *label = json_object_get_string_member_with_default (cable, "label", NULL);
      guint seq = 0;

      json_object_set_string_member (values, "a", a_key);
      json_object_set_string_member (values, "b", b_key);
      json_object_set_string_member (values, "kind", json_object_get_string_member (cable, "kind"));
      if (json_object_has_member (cable, "type"))
        json_object_set_string_member (values, "type", json_object_get_string_member (cable, "type"));
      if (json_object_has_member (cable, "length_m"))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          json_object_set_string_member (values, "length_m",
                                         g_ascii_dtostr (buf, sizeof buf,
                                                         json_object_get_double_member (cable, "length_m")));
        }
      if (json_object_has_member (cable, "color"))
        json_object_set_string_member (values, "color", json_object_get_string_member (cable, "color"));
      json_object_set_string_member (values, "status", json_object_get_string_member (cable, "status"));
      if (enlace_order_add_change (self->store, self->order_id, "connect", label, values, &seq, &local_error) == 0)
        goto fail;
      g_signal_emit (self, signals[ADDED_TO_ORDER], 0, seq);
      gtk_window_close (GTK_WINDOW (self));
      return seq;
    }

  id = enlace_store_connect (self->store, &a, 1, &b, 1, cable, &local_error);
  if (id == 0)
    goto fail;

  g_signal_emit (self, signals[CONNECTED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return id;

fail:
  show_error (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

static void
connect_clicked_cb (EnlaceConnectDialog *self)
{
  enlace_connect_dialog_connect (self, NULL);
}

static void
enlace_connect_dialog_dispose (GObject *object)
{
  EnlaceConnectDialog *self = ENLACE_CONNECT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->medium, g_free);

  G_OBJECT_CLASS (enlace_connect_dialog_parent_class)->dispose (object);
}

static void
enlace_connect_dialog_class_init (EnlaceConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = enlace_connect_dialog_dispose;

  /* ::connected (cable_id) */
  signals[CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* ::added-to-order (the change's number in the window's current order) */
  signals[ADDED_TO_ORDER] =
    g_signal_new ("added-to-order", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
labelled (GtkWidget  *grid,
          int         row,
          const char *text,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  return widget;
}

static GtkWidget *
choice_dropdown (const char * const *values,
                 gboolean            cable_types_)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; values[i]; i++)
    {
      g_autofree char *label = NULL;

      if (values[i][0] == '\0')
        label = g_strdup (_("Unknown"));
      else if (cable_types_)
        label = enlace_render_cable_type_label (values[i]);
      else
        label = g_strdup (enlace_choice_label (values[i]));
      gtk_string_list_append (list, label);
    }
  return gtk_drop_down_new (G_LIST_MODEL (list), NULL);
}

static void
enlace_connect_dialog_init (EnlaceConnectDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *cable_title = gtk_label_new (_("Cable"));

  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->connect_button = gtk_button_new_with_mnemonic (_("C_onnect"));
  gtk_widget_add_css_class (self->connect_button, "suggested-action");
  gtk_widget_set_sensitive (self->connect_button, FALSE);
  g_signal_connect_swapped (self->connect_button, "clicked", G_CALLBACK (connect_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->connect_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Far device or port, e.g. PP-1:12"), NULL);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (self->search), 200);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (body), self->search);

  self->list_hint = gtk_label_new (_("Type the name of the far device or port, for example PP-1 or PP-1:12."));
  gtk_label_set_wrap (GTK_LABEL (self->list_hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->list_hint), 0);
  gtk_widget_add_css_class (self->list_hint, "dim-label");
  gtk_box_append (GTK_BOX (body), self->list_hint);

  self->list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_SINGLE);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (body), scroller);

  self->far_label = gtk_label_new (_("No far port chosen yet"));
  gtk_label_set_xalign (GTK_LABEL (self->far_label), 0);
  gtk_widget_add_css_class (self->far_label, "heading");
  gtk_box_append (GTK_BOX (body), self->far_label);

  gtk_label_set_xalign (GTK_LABEL (cable_title), 0);
  gtk_widget_add_css_class (cable_title, "dim-label");
  gtk_box_append (GTK_BOX (body), cable_title);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  self->kind_dropdown = labelled (grid, 0, _("_Kind"), choice_dropdown (cable_kinds, FALSE));
  self->type_dropdown = labelled (grid, 1, _("_Type"), choice_dropdown (cable_types, TRUE));
  self->label_entry = labelled (grid, 2, _("_Label"), gtk_entry_new ());
  self->length_entry = labelled (grid, 3, _("Length (_m)"), gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->length_entry), _("unknown"));
  self->color_entry = labelled (grid, 4, _("C_olour"), gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->color_entry), _("e.g. blue"));
  self->status_dropdown = labelled (grid, 5, _("_Status"), choice_dropdown (cable_statuses, FALSE));
  gtk_box_append (GTK_BOX (body), grid);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (body), self->error_label);

  gtk_box_append (GTK_BOX (toolbar), body);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

EnlaceConnectDialog *
enlace_connect_dialog_new (GtkWindow   *parent,
                           EnlaceStore *store,
                           gint64       port_id)
{
  EnlaceConnectDialog *self;
  EnlaceTerm term = { ENLACE_TERM_PORT, port_id };
  g_autoptr(JsonObject) port = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  self = g_object_new (ENLACE_TYPE_CONNECT_DIALOG, NULL);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->store = g_object_ref (store);
  self->port_id = port_id;
  port = enlace_store_get (store, "port", port_id, NULL);
  self->medium = g_strdup (port ? enlace_json_string (port, "medium") : NULL);
  key = enlace_store_dup_term_key (store, &term);
  title = g_strdup_printf (_("Connect %s"), key ? key : "?");
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* while the window has a current order, Connect adds to it */
  self->order_id = enlace_current_order_get_id (GTK_WIDGET (self), store);
  if (self->order_id > 0)
    {
      g_autofree char *label = enlace_current_order_dup_button_label (GTK_WIDGET (self), store);

      gtk_button_set_label (GTK_BUTTON (self->connect_button), label);
      gtk_button_set_use_underline (GTK_BUTTON (self->connect_button), FALSE);
      gtk_widget_set_tooltip_text (self->connect_button,
                                   _("The connection is added to the order: the plant does not change until the order is executed"));
    }
  suggest_nearby (self);
  return self;
}
