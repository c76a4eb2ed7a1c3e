/* enlace-case-order.c: the "Cambios" section of a modification order's
 * case page (see enlace-case-order.h) */
#define G_LOG_DOMAIN "enlace-case-order"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-case-order.h"
#include "enlace-current-order.h"
#include "enlace-orders.h"
#include "enlace-trace.h"

/* ------------------------------------------------------------------ */
/* Labels                                                              */

static const char * const device_members[] = { "role", "type", "rack", "u", "face", "space", "x", "y", NULL };
static const char * const outlet_members[] = { "space", "type", "x", "y", NULL };
static const char * const move_members[] = { "rack", "u", "face", "space", "x", "y", NULL };
static const char * const connect_members[] = { "a", "b", "kind", "type", "length_m", NULL };
static const char * const reroute_members[] = { "a", "b", NULL };
static const char * const no_members[] = { NULL };

static const char * const *
members_of (const char *kind)
{
  if (g_strcmp0 (kind, "add-device") == 0)
    return device_members;
  if (g_strcmp0 (kind, "add-outlet") == 0)
    return outlet_members;
  if (g_strcmp0 (kind, "move-device") == 0)
    return move_members;
  if (g_strcmp0 (kind, "connect") == 0)
    return connect_members;
  if (g_strcmp0 (kind, "reroute") == 0)
    return reroute_members;
  return no_members;
}

static const char *
member_label (const char *kind,
              const char *member)
{
  gboolean cable = g_strcmp0 (kind, "connect") == 0;

  if (g_strcmp0 (member, "role") == 0)
    return _("Role (switch, patch-panel, outlet…)");
  if (g_strcmp0 (member, "type") == 0)
    return cable ? _("Cable type (cat6, om3…)") : _("Device type (MANUFACTURER/MODEL)");
  if (g_strcmp0 (member, "rack") == 0)
    return _("Rack");
  if (g_strcmp0 (member, "u") == 0)
    return _("Unit");
  if (g_strcmp0 (member, "face") == 0)
    return _("Face (front or rear)");
  if (g_strcmp0 (member, "space") == 0)
    return _("Space (BUILDING/LEVEL/CODE)");
  if (g_strcmp0 (member, "x") == 0)
    return _("Position X (m)");
  if (g_strcmp0 (member, "y") == 0)
    return _("Position Y (m)");
  if (g_strcmp0 (member, "a") == 0)
    return _("End A (DEVICE:PORT, several separated by commas)");
  if (g_strcmp0 (member, "b") == 0)
    return _("End B (DEVICE:PORT, several separated by commas)");
  if (g_strcmp0 (member, "kind") == 0)
    return _("Kind of cable (patch-cord, horizontal…)");
  if (g_strcmp0 (member, "length_m") == 0)
    return _("Length (m)");
  return member;
}

static const char *
target_label (const char *kind)
{
  if (g_strcmp0 (kind, "add-device") == 0 || g_strcmp0 (kind, "add-outlet") == 0)
    return _("Name of the new device");
  if (g_strcmp0 (kind, "move-device") == 0 || g_strcmp0 (kind, "remove-device") == 0)
    return _("Device");
  if (g_strcmp0 (kind, "connect") == 0)
    return _("Label of the new cable (proposed when empty)");
  return _("Cable (label, or a port it ends on)");
}

/* ------------------------------------------------------------------ */
/* Dialogs                                                             */

static GtkWindow *
parent_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

typedef struct
{
  EnlaceStore *store;
  gint64       case_id;
  GtkDropDown *kind_drop;
  GtkListBox  *fields;
  GtkWindow   *parent;
} AddDialog;

static void
add_dialog_free (AddDialog *d)
{
  g_clear_object (&d->store);
  g_free (d);
}

static const char *
add_dialog_kind (AddDialog *d)
{
  guint i = gtk_drop_down_get_selected (d->kind_drop);
  const char * const *kinds = enlace_order_change_kinds ();

  return i < g_strv_length ((char **) kinds) ? kinds[i] : kinds[0];
}

static void
add_dialog_rows (AddDialog *d)
{
  const char *kind = add_dialog_kind (d);
  const char * const *members = members_of (kind);
  GtkWidget *child;
  GtkWidget *row;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (d->fields))))
    gtk_list_box_remove (d->fields, child);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), target_label (kind));
  g_object_set_data (G_OBJECT (row), "member", (gpointer) "");
  gtk_list_box_append (d->fields, row);
  for (guint i = 0; members[i]; i++)
    {
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member_label (kind, members[i]));
      g_object_set_data (G_OBJECT (row), "member", (gpointer) members[i]);
      gtk_list_box_append (d->fields, row);
    }
}

static void
kind_changed_cb (GtkDropDown *drop,
                 GParamSpec  *pspec,
                 AddDialog   *d)
{
  add_dialog_rows (d);
}

static void
set_field (AddDialog  *d,
           const char *member,
           const char *value)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (d->fields)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "member"), member) == 0)
      gtk_editable_set_text (GTK_EDITABLE (row), value);
}

/* Adds the change the dialog holds; FALSE with an error dialog. */
static gboolean
add_dialog_submit (AddDialog *d)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) error = NULL;
  const char *target = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (d->fields)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *member = g_object_get_data (G_OBJECT (row), "member");
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

      if (member == NULL || text == NULL || *text == '\0')
        continue;
      if (*member == '\0')
        target = text;
      else
        json_object_set_string_member (values, member, text);
    }
  if (enlace_order_add_change (d->store, d->case_id, add_dialog_kind (d), target, values, NULL, &error) == 0)
    {
      show_error (d->parent, _("The change was not added"), error->message);
      return FALSE;
    }
  return TRUE;
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AddDialog        *d)
{
  if (g_strcmp0 (response, "add") == 0)
    add_dialog_submit (d);
}

GtkWidget *
enlace_case_order_show_add_dialog (GtkWindow   *parent,
                                   EnlaceStore *store,
                                   gint64       case_id)
{
  AddDialog *d = g_new0 (AddDialog, 1);
  const char * const *kinds = enlace_order_change_kinds ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *dialog, *box;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  d->store = g_object_ref (store);
  d->case_id = case_id;
  d->parent = parent;
  for (guint i = 0; kinds[i]; i++)
    g_ptr_array_add (labels, (gpointer) enlace_order_change_kind_label (kinds[i]));
  g_ptr_array_add (labels, NULL);

  dialog = adw_message_dialog_new (parent, _("Add a change"),
                                   _("The change is part of the order: the plant does not change until the "
                                     "order is executed. Objects are named by their keys, as in the lists."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  d->kind_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *) labels->pdata));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->kind_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of change"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->kind_drop));
  d->fields = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (d->fields, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (d->fields), "boxed-list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->fields));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  add_dialog_rows (d);
  g_signal_connect (d->kind_drop, "notify::selected", G_CALLBACK (kind_changed_cb), d);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "enlace-add-dialog", d, (GDestroyNotify) add_dialog_free);
  g_signal_connect (dialog, "response", G_CALLBACK (add_response_cb), d);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
enlace_case_order_add_dialog_submit (GtkWidget  *dialog,
                                     const char *kind,
                                     const char *target,
                                     ...)
{
  AddDialog *d;
  const char * const *kinds = enlace_order_change_kinds ();
  const char *member;
  gboolean ok;
  va_list ap;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), FALSE);
  d = g_object_get_data (G_OBJECT (dialog), "enlace-add-dialog");
  g_return_val_if_fail (d != NULL, FALSE);
  for (guint i = 0; kinds[i]; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      gtk_drop_down_set_selected (d->kind_drop, i);
  if (target)
    set_field (d, "", target);
  va_start (ap, target);
  while ((member = va_arg (ap, const char *)) != NULL)
    set_field (d, member, va_arg (ap, const char *));
  va_end (ap);
  ok = add_dialog_submit (d);
  gtk_window_destroy (GTK_WINDOW (dialog));
  return ok;
}

GtkWidget *
enlace_case_order_execute (GtkWindow   *parent,
                           EnlaceStore *store,
                           gint64       case_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  if (enlace_order_execute (store, case_id, &error))
    return NULL;
  return show_error (parent, _("The order cannot be executed"), error->message);
}

/* The diff then the impact, as text with Pango markup. */
static char *
preview_markup (EnlaceStore *store,
                gint64       case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) diff = enlace_order_diff (store, case_id, &error);
  GString *s = g_string_new (NULL);
  JsonArray *rows;

  if (diff == NULL)
    {
      g_autofree char *e = g_markup_escape_text (error->message, -1);

      g_string_append (s, e);
      return g_string_free (s, FALSE);
    }
  g_string_append_printf (s, "<b>%s</b>\n", _("Changes"));
  rows = json_object_get_array_member (diff, "changes");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      const char *before = json_object_get_string_member_with_default (r, "before", NULL);
      const char *after = json_object_get_string_member_with_default (r, "after", NULL);
      const char *conflict = json_object_get_string_member_with_default (r, "conflict", NULL);
      g_autofree char *line = g_markup_printf_escaped ("%u. %s\n      %s → %s\n",
                                                       (guint) json_object_get_int_member (r, "n"),
                                                       json_object_get_string_member (r, "text"),
                                                       before ? before : "—", after ? after : "—");

      g_string_append (s, line);
      if (conflict)
        {
          g_autofree char *c = g_markup_printf_escaped ("      <span foreground=\"#c01c28\">%s</span>\n",
                                                        conflict);

          g_string_append (s, c);
        }
    }
  if (json_object_get_boolean_member (diff, "executed"))
    return g_string_free (s, FALSE);

  {
    g_autoptr(EnlaceTracer) tracer = enlace_tracer_get_for_store (store);
    g_autoptr(EnlaceOrderImpact) impact = enlace_order_impact (tracer, case_id, &error);
    struct { const char *title; GPtrArray *items; } lists[3];

    g_string_append_printf (s, "\n<b>%s</b>\n", _("Impact"));
    if (impact == NULL)
      {
        g_autofree char *e = g_markup_escape_text (error->message, -1);

        g_string_append (s, e);
        return g_string_free (s, FALSE);
      }
    g_string_append_printf (s, _("Paths that break: %u; paths that change: %u\n"),
                            impact->paths_broken, impact->paths_changed);
    lists[0].title = _("Ends that lose service");
    lists[0].items = impact->ends;
    lists[1].title = _("Extensions that lose service");
    lists[1].items = impact->extensions;
    lists[2].title = _("Outlets that lose service");
    lists[2].items = impact->outlets;
    for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
      {
        g_autofree char *joined = NULL;
        g_autofree char *line = NULL;

        g_ptr_array_add (lists[k].items, NULL);
        joined = g_strjoinv (", ", (char **) lists[k].items->pdata);
        g_ptr_array_remove_index (lists[k].items, lists[k].items->len - 1);
        line = g_markup_printf_escaped ("%s: %s\n", lists[k].title, lists[k].items->len ? joined : "—");
        g_string_append (s, line);
      }
    g_string_append_printf (s, "%s:", _("Open cases affected"));
    if (impact->cases->len == 0)
      g_string_append (s, " —");
    g_string_append (s, "\n");
    for (guint i = 0; i < impact->cases->len; i++)
      {
        JsonObject *c = g_ptr_array_index (impact->cases, i);
        g_autofree char *line = g_markup_printf_escaped ("      %s — %s (%s)\n",
                                                         json_object_get_string_member (c, "folio"),
                                                         json_object_get_string_member_with_default (c, "summary", ""),
                                                         json_object_get_string_member (c, "object"));

        g_string_append (s, line);
      }
  }
  return g_string_free (s, FALSE);
}

typedef struct
{
  EnlaceStore *store;
  gint64       case_id;
  GtkWindow   *parent;
} PreviewData;

static void
preview_data_free (PreviewData *p)
{
  g_clear_object (&p->store);
  g_free (p);
}

static void
preview_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PreviewData      *p)
{
  if (g_strcmp0 (response, "execute") == 0)
    enlace_case_order_execute (p->parent, p->store, p->case_id);
}

GtkWidget *
enlace_case_order_show_preview (GtkWindow   *parent,
                                EnlaceStore *store,
                                gint64       case_id)
{
  g_autofree char *markup = NULL;
  g_auto(EnlaceOrderState) state = { 0 };
  PreviewData *p;
  GtkWidget *dialog, *scroller, *label;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  markup = preview_markup (store, case_id);
  enlace_order_get_state (store, case_id, &state, NULL);
  dialog = adw_message_dialog_new (parent, _("Order preview"),
                                   state.executed ? _("The plant before and after each change, as it was executed.")
                                                  : _("What each change does to the plant now, and what would "
                                                      "break or change if the order were executed."));
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (!state.executed)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "execute", _("_Execute"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "execute",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  p = g_new0 (PreviewData, 1);
  p->store = g_object_ref (store);
  p->case_id = case_id;
  p->parent = parent;
  g_object_set_data_full (G_OBJECT (dialog), "enlace-preview", p, (GDestroyNotify) preview_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (preview_response_cb), p);
  gtk_widget_set_size_request (dialog, 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ------------------------------------------------------------------ */
/* The section                                                         */

static gint64
section_case_id (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "case-id");

  return id ? *id : 0;
}

static EnlaceStore *
section_store (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "store");
}

static void
add_clicked_cb (GtkButton *button,
                gpointer   data)
{
  enlace_case_order_show_add_dialog (parent_of (GTK_WIDGET (button)), section_store (GTK_WIDGET (button)),
                                     section_case_id (GTK_WIDGET (button)));
}

static void
preview_clicked_cb (GtkButton *button,
                    gpointer   data)
{
  enlace_case_order_show_preview (parent_of (GTK_WIDGET (button)), section_store (GTK_WIDGET (button)),
                                  section_case_id (GTK_WIDGET (button)));
}

static void
execute_clicked_cb (GtkButton *button,
                    gpointer   data)
{
  enlace_case_order_execute (parent_of (GTK_WIDGET (button)), section_store (GTK_WIDGET (button)),
                             section_case_id (GTK_WIDGET (button)));
}

static void
remove_clicked_cb (GtkButton *button,
                   gpointer   data)
{
  g_autoptr(GError) error = NULL;
  gint64 *change_id = g_object_get_data (G_OBJECT (button), "change-id");

  if (!enlace_order_remove_change (section_store (GTK_WIDGET (button)), *change_id, &error))
    show_error (parent_of (GTK_WIDGET (button)), _("The change was not removed"), error->message);
}

static void
set_section_data (GtkWidget   *widget,
                  EnlaceStore *store,
                  gint64       case_id)
{
  gint64 *id = g_new (gint64, 1);

  *id = case_id;
  g_object_set_data_full (G_OBJECT (widget), "store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (widget), "case-id", id, g_free);
}

static GtkWidget *
header_button (const char  *label,
               GCallback    cb,
               EnlaceStore *store,
               gint64       case_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  set_section_data (button, store, case_id);
  g_signal_connect (button, "clicked", cb, NULL);
  return button;
}

void
enlace_case_order_fill (GtkBox           *box,
                        EnlaceStore      *store,
                        const EnlaceCase *c)
{
  g_autoptr(JsonObject) diff = NULL;
  g_auto(EnlaceOrderState) state = { 0 };
  GtkWidget *child, *group, *buttons, *list;
  JsonArray *rows;
  gboolean preparing;
  gint64 case_id;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
  if (store == NULL || c == NULL || g_strcmp0 (c->procedure->kind, "modification") != 0)
    return;
  case_id = c->row->id;
  if (!enlace_order_get_state (store, case_id, &state, NULL) ||
      !(diff = enlace_order_diff (store, case_id, NULL)))
    return;
  preparing = !state.executed && c->row->status != ENLACE_CASE_CLOSED &&
              c->row->status != ENLACE_CASE_CANCELLED;

  group = adw_preferences_group_new ();
  gtk_widget_set_margin_top (group, 12);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Changes"));
  if (state.executed)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (state.executed_at, NULL);
      g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
      g_autofree char *when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (state.executed_at);
      g_autofree char *text = g_strdup_printf (_("Executed on %s by %s, in one command of the history."),
                                               when, state.executed_by ? state.executed_by : "—");

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
    }
  else if (preparing)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("In preparation: the plant does not change until the order is executed."));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  if (preparing)
    {
      /* the window's current order (enlace-current-order.h): the rack
       * view, the plan and the Connect dialog add to it */
      g_autofree char *current = enlace_current_order_dup_folio (GTK_WIDGET (box));
      gboolean is_current = g_strcmp0 (current, c->row->folio) == 0;
      GtkWidget *edit = gtk_button_new_with_mnemonic (is_current ? _("_Stop Editing") : _("_Edit in the Plant…"));

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (edit, is_current
                                   ? _("Leave the order: edits of the racks, plans and connections change the plant again")
                                   : _("Make this the current order: what you connect, disconnect, add or move in the "
                                       "racks, the plans and the Connect dialog is added to it, not to the plant"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.current-order");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", is_current ? "" : c->row->folio);
      gtk_box_append (GTK_BOX (buttons), edit);
      gtk_box_append (GTK_BOX (buttons), header_button (_("_Add change…"), G_CALLBACK (add_clicked_cb), store, case_id));
    }
  gtk_box_append (GTK_BOX (buttons), header_button (_("_Preview"), G_CALLBACK (preview_clicked_cb), store, case_id));
  if (preparing)
    {
      GtkWidget *exec = header_button (_("E_xecute"), G_CALLBACK (execute_clicked_cb), store, case_id);

      gtk_widget_add_css_class (exec, "suggested-action");
      gtk_widget_set_sensitive (exec, json_array_get_length (json_object_get_array_member (diff, "changes")) > 0);
      gtk_box_append (GTK_BOX (buttons), exec);
    }
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  rows = json_object_get_array_member (diff, "changes");
  if (json_array_get_length (rows) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No change yet"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);
      const char *before = json_object_get_string_member_with_default (r, "before", NULL);
      const char *after = json_object_get_string_member_with_default (r, "after", NULL);
      const char *conflict = json_object_get_string_member_with_default (r, "conflict", NULL);
      g_autofree char *title = g_markup_printf_escaped ("%u. %s", (guint) json_object_get_int_member (r, "n"),
                                                        json_object_get_string_member (r, "text"));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (conflict)
        subtitle = g_markup_printf_escaped ("%s → %s\n<span foreground=\"#c01c28\">%s</span>",
                                            before ? before : "—", after ? after : "—", conflict);
      else
        subtitle = g_markup_printf_escaped ("%s → %s", before ? before : "—", after ? after : "—");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (preparing)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
          gint64 *change_id = g_new0 (gint64, 1);

          *change_id = enlace_order_change_lookup (store, case_id, (guint) json_object_get_int_member (r, "n"), NULL);
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove the change from the order"));
          set_section_data (remove, store, case_id);
          g_object_set_data_full (G_OBJECT (remove), "change-id", change_id, g_free);
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (box, group);
}
