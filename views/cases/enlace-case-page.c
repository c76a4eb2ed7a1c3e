/* enlace-case-page.c: the page of a case ("case")
 *
 * The static layout is the template (enlace-case-page.ui); the rows of the
 * steps, the request, the links and the timeline are made again from
 * enlace_case_get() whenever the store changes something of the case.
 */
#define G_LOG_DOMAIN "enlace-case-page"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-case-list-model.h"
#include "enlace-case-documents.h"
#include "enlace-case-quotes-section.h"
#include "enlace-case-fault-section.h"
#include "enlace-case-link-dialog.h"
#include "enlace-case-order.h"
#include "enlace-case-page.h"
#include "enlace-faults.h"
#include "enlace-kinds.h"
#include "enlace-render-trace.h"
#include "enlace-trace-paths.h"
#include "enlace-trace-view.h"
#include "enlace-trace.h"

struct _EnlaceCasePage
{
  EnlacePage         parent_instance;

  EnlaceCase        *kase;
  EnlaceTracer      *tracer;
  JsonObject        *proposal;        /* enlace_case_propose_connection(), or NULL */
  GHashTable        *expanded;        /* case_step id → TRUE: rows left open */
  GHashTable        *step_forms;      /* case_step id → EnlaceCaseForm* (owned by its widget) */
  GHashTable        *step_notes;      /* case_step id → AdwEntryRow */
  GHashTable        *step_marks;      /* case_step id → GtkSwitch "Mark as faulty" */
  GPtrArray         *transitions;     /* of char*: labels of the transition buttons */
  GPtrArray         *drawings;        /* of EnlaceTraceDrawing*, kept for the drawing areas */
  GtkWidget         *assignee_drop;
  GtkWidget         *quotes_section;  /* EnlaceCaseQuotesSection: opinions only */
  GtkWidget         *fault_section;   /* EnlaceCaseFaultSection: physical check, common cause */
  char              *message;
  gboolean           loading;

  /* template children */
  GtkRevealer       *message_revealer;
  GtkInfoBar        *message_bar;
  GtkLabel          *message_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkLabel          *folio_label;
  GtkLabel          *procedure_label;
  GtkLabel          *summary_label;
  GtkLabel          *status_label;
  GtkLabel          *due_label;
  GtkBox            *transitions_box;
  AdwActionRow      *requester_row;
  AdwActionRow      *assignee_row;
  AdwActionRow      *priority_row;
  GtkDropDown       *priority_drop;
  AdwActionRow      *dates_row;
  AdwActionRow      *cancel_row;
  AdwPreferencesGroup *request_group;
  GtkListBox        *request_list;
  AdwPreferencesGroup *requester_steps_group;
  GtkListBox        *requester_steps_list;
  AdwPreferencesGroup *admin_steps_group;
  GtkListBox        *admin_steps_list;
  AdwPreferencesGroup *links_group;
  GtkListBox        *links_list;
  GtkButton         *link_button;
  GtkBox            *documents_box;
  GtkBox            *order_box;       /* an order's changes (enlace-case-order.c), after the documents */
  AdwPreferencesGroup *timeline_group;
  GtkEntry          *note_entry;
  GtkButton         *add_note_button;
  GtkButton         *attach_button;
  GtkListBox        *timeline_list;
};

G_DEFINE_FINAL_TYPE (EnlaceCasePage, enlace_case_page, ENLACE_TYPE_PAGE)

static const char * const priorities[] = { "low", "normal", "high", "urgent" };

static void reload (EnlaceCasePage *self);

/* The message bar */

static void
show_message (EnlaceCasePage *self,
              const char     *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
message_response_cb (EnlaceCasePage *self)
{
  show_message (self, NULL);
}

/* @error: the address of the call's error (read after the call) */
static gboolean
check (EnlaceCasePage  *self,
       gboolean         ok,
       GError         **error)
{
  if (!ok && *error)
    show_message (self, (*error)->message);
  else if (ok)
    show_message (self, NULL);
  return ok;
}

static gboolean
case_is_open (EnlaceCasePage *self)
{
  EnlaceCaseStatus s;

  if (self->kase == NULL)
    return FALSE;
  s = self->kase->row->status;
  return s == ENLACE_CASE_NEW || s == ENLACE_CASE_IN_PROGRESS || s == ENLACE_CASE_WAITING;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
info_row (const char *title,
          const char *subtitle,
          const char *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle && subtitle[0])
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* Values of the case: the request form, then every step's values, so that
 * a later step's fields start with what is already known. */
static JsonObject *
known_values (EnlaceCasePage *self)
{
  JsonObject *all = json_object_new ();

  if (self->kase->form)
    {
      g_autoptr(GList) members = json_object_get_members (self->kase->form);
      for (GList *l = members; l; l = l->next)
        json_object_set_member (all, l->data, json_node_copy (json_object_get_member (self->kase->form, l->data)));
    }
  for (guint i = 0; i < self->kase->steps->len; i++)
    {
      EnlaceCaseStep *step = g_ptr_array_index (self->kase->steps, i);
      g_autoptr(GList) members = NULL;

      if (step->values == NULL)
        continue;
      members = json_object_get_members (step->values);
      for (GList *l = members; l; l = l->next)
        json_object_set_member (all, l->data, json_node_copy (json_object_get_member (step->values, l->data)));
    }
  return all;
}

/* Header */

static const char *
status_css (EnlaceCaseStatus status)
{
  switch (status)
    {
    case ENLACE_CASE_NEW:
    case ENLACE_CASE_IN_PROGRESS:
      return "accent";
    case ENLACE_CASE_WAITING:
      return "warning";
    case ENLACE_CASE_RESOLVED:
    case ENLACE_CASE_CLOSED:
      return "success";
    case ENLACE_CASE_CANCELLED:
    default:
      return "dim-label";
    }
}

static void
cancel_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EnlaceCasePage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "cancel-case") == 0)
    enlace_case_page_set_status (self, ENLACE_CASE_CANCELLED, gtk_editable_get_text (entry));
}

static void
ask_cancel_reason (EnlaceCasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Cancel Case %s?"), self->kase->row->folio);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The case stays in the history as cancelled. Write why, for whoever reads it later."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep the Case"),
                                    "cancel-case", _("_Cancel the Case"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-case",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel-case");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
transition_clicked_cb (GtkButton      *button,
                       EnlaceCasePage *self)
{
  EnlaceCaseStatus to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "status"));

  if (to == ENLACE_CASE_CANCELLED)
    ask_cancel_reason (self);
  else
    enlace_case_page_set_status (self, to, NULL);
}

static void
add_transition (EnlaceCasePage   *self,
                EnlaceCaseStatus  to,
                const char       *label,
                const char       *tooltip,
                const char       *css)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (tooltip)
    gtk_widget_set_tooltip_text (button, tooltip);
  if (css)
    gtk_widget_add_css_class (button, css);
  g_object_set_data (G_OBJECT (button), "status", GINT_TO_POINTER (to));
  g_signal_connect (button, "clicked", G_CALLBACK (transition_clicked_cb), self);
  gtk_box_append (self->transitions_box, button);
  g_ptr_array_add (self->transitions, g_strdup (label));
}

static void
load_header (EnlaceCasePage *self)
{
  const EnlaceCaseRow *row = self->kase->row;
  EnlaceCaseStatus from = row->status;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  EnlaceCaseDue due = enlace_case_row_due (row, now);
  g_autofree char *due_text = NULL;
  g_autofree char *due_date = enlace_case_format_date (row->due_at);
  GtkWidget *child;

  gtk_label_set_text (self->folio_label, row->folio);
  {
    g_autofree char *proc = g_strdup_printf (_("%s (version %d)"), self->kase->procedure->name,
                                             self->kase->procedure->version);
    gtk_label_set_text (self->procedure_label, self->kase->procedure->version > 1 ? proc : self->kase->procedure->name);
  }
  gtk_label_set_text (self->summary_label, row->summary ? row->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), row->summary && row->summary[0]);

  gtk_label_set_text (self->status_label, enlace_case_status_label (from));
  for (guint i = 0; i <= ENLACE_CASE_CANCELLED; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_css (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_css (from));

  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "dim-label");
  switch (due)
    {
    case ENLACE_CASE_DUE_OVERDUE:
      due_text = g_strdup_printf (_("Overdue since %s"), due_date);
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
      break;
    case ENLACE_CASE_DUE_NEAR:
      due_text = g_strdup_printf (_("Due soon: %s"), due_date);
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "warning");
      break;
    case ENLACE_CASE_DUE_ON_TIME:
      due_text = g_strdup_printf (_("Due %s"), due_date);
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "dim-label");
      break;
    case ENLACE_CASE_DUE_NONE:
    default:
      due_text = g_strdup ("");
      break;
    }
  gtk_label_set_text (self->due_label, due_text);

  /* the transitions allowed from here, as buttons */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->transitions_box))))
    gtk_box_remove (self->transitions_box, child);
  g_ptr_array_set_size (self->transitions, 0);
  if (enlace_case_status_allowed (from, ENLACE_CASE_IN_PROGRESS))
    {
      if (from == ENLACE_CASE_NEW)
        add_transition (self, ENLACE_CASE_IN_PROGRESS, _("_Start"), _("Start working on the case"), NULL);
      else if (from == ENLACE_CASE_WAITING)
        add_transition (self, ENLACE_CASE_IN_PROGRESS, _("Res_ume"), _("What was awaited has arrived"), NULL);
      else
        add_transition (self, ENLACE_CASE_IN_PROGRESS, _("Re_open"), _("The case was not solved after all"), NULL);
    }
  if (enlace_case_status_allowed (from, ENLACE_CASE_WAITING))
    add_transition (self, ENLACE_CASE_WAITING, _("_Wait"), _("Waiting for the requester, a vendor or another area"), NULL);
  if (enlace_case_status_allowed (from, ENLACE_CASE_RESOLVED))
    add_transition (self, ENLACE_CASE_RESOLVED, _("_Resolve"), _("Every required step is done"), "suggested-action");
  if (enlace_case_status_allowed (from, ENLACE_CASE_CLOSED))
    add_transition (self, ENLACE_CASE_CLOSED, _("C_lose"), _("The requester has what was asked for"), "suggested-action");
  if (enlace_case_status_allowed (from, ENLACE_CASE_CANCELLED))
    add_transition (self, ENLACE_CASE_CANCELLED, _("_Cancel Case…"), _("Cancel the case, with a reason"), "destructive-action");
  gtk_widget_set_visible (GTK_WIDGET (self->transitions_box), self->transitions->len > 0);
}

static void
assignee_changed_cb (EnlaceCasePage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->loading || self->kase == NULL)
    return;
  id = enlace_case_ref_drop_get_id (self->assignee_drop);
  if (id == self->kase->row->assignee_id)
    return;
  check (self, enlace_case_assign (store, self->kase->row->id, id, &error), &error);
}

static void
priority_changed_cb (EnlaceCasePage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GError) error = NULL;
  guint pos = gtk_drop_down_get_selected (self->priority_drop);

  if (self->loading || self->kase == NULL || pos >= G_N_ELEMENTS (priorities) ||
      g_strcmp0 (priorities[pos], self->kase->row->priority) == 0)
    return;
  check (self, enlace_case_set_priority (store, self->kase->row->id, priorities[pos], &error), &error);
}

static void
requester_activated_cb (EnlaceCasePage *self)
{
  if (self->kase && self->kase->row->requester_id > 0)
    enlace_page_activate_object (ENLACE_PAGE (self), "person", self->kase->row->requester_id);
}

static void
load_info (EnlaceCasePage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const EnlaceCaseRow *row = self->kase->row;
  g_autoptr(GString) s = g_string_new (row->requester ? row->requester : "—");
  g_autofree char *opened = enlace_case_format_date (row->opened_at);

  if (row->area && row->area[0])
    g_string_append_printf (s, " · %s", row->area);
  if (row->channel)
    /* Translators: how a case came: "came by phone" */
    g_string_append_printf (s, " · %s", enlace_case_channel_label (row->channel));
  adw_action_row_set_subtitle (self->requester_row, s->str);

  if (self->assignee_drop)
    adw_action_row_remove (self->assignee_row, self->assignee_drop);
  self->assignee_drop = enlace_case_staff_drop_new (store);
  enlace_case_ref_drop_set_id (self->assignee_drop, row->assignee_id);
  g_signal_connect_swapped (self->assignee_drop, "notify::selected", G_CALLBACK (assignee_changed_cb), self);
  adw_action_row_add_suffix (self->assignee_row, self->assignee_drop);

  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    if (g_strcmp0 (priorities[i], row->priority) == 0)
      gtk_drop_down_set_selected (self->priority_drop, i);

  g_string_truncate (s, 0);
  g_string_append_printf (s, _("Opened %s"), opened);
  if (row->resolved_at)
    {
      g_autofree char *d = enlace_case_format_date (row->resolved_at);
      g_string_append (s, " · ");
      g_string_append_printf (s, _("resolved %s"), d);
    }
  if (row->closed_at)
    {
      g_autofree char *d = enlace_case_format_date (row->closed_at);
      g_string_append (s, " · ");
      g_string_append_printf (s, row->status == ENLACE_CASE_CANCELLED ? _("cancelled %s") : _("closed %s"), d);
    }
  adw_action_row_set_subtitle (self->dates_row, s->str);

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_row), self->kase->cancel_reason && self->kase->cancel_reason[0]);
  adw_action_row_set_subtitle (self->cancel_row, self->kase->cancel_reason ? self->kase->cancel_reason : "");
}

/* The request form's values */

static char *
value_text (EnlaceCasePage        *self,
            const EnlaceFieldSpec *spec,
            JsonNode              *node)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  type = json_node_get_value_type (node);
  if (spec && type == G_TYPE_INT64 &&
      (g_strcmp0 (spec->type, "person") == 0 || g_strcmp0 (spec->type, "area") == 0 ||
       g_strcmp0 (spec->type, "space") == 0 || g_strcmp0 (spec->type, "outlet") == 0))
    {
      const char *kind = g_strcmp0 (spec->type, "outlet") == 0 ? "device" : spec->type;
      return enlace_store_dup_key (store, kind, json_node_get_int (node));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", json_node_get_double (node));
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return NULL;
}

static const EnlaceProcedureStep *
request_form_step (EnlaceCasePage *self)
{
  for (guint i = 0; i < self->kase->procedure->steps->len; i++)
    {
      const EnlaceProcedureStep *step = g_ptr_array_index (self->kase->procedure->steps, i);

      if (step->kind == ENLACE_STEP_FORM && step->fields && step->fields->len > 0)
        return step;
    }
  return NULL;
}

static void
load_request (EnlaceCasePage *self)
{
  const EnlaceProcedureStep *form_step = request_form_step (self);
  guint n = 0;

  clear_list (self->request_list);
  if (form_step && self->kase->form)
    for (guint i = 0; i < form_step->fields->len; i++)
      {
        const EnlaceFieldSpec *spec = g_ptr_array_index (form_step->fields, i);
        g_autofree char *text = value_text (self, spec, json_object_get_member (self->kase->form, spec->name));

        if (text == NULL || text[0] == '\0')
          continue;
        gtk_list_box_append (self->request_list, info_row (spec->label, text, NULL));
        n++;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->request_group), n > 0);
}

/* Steps */

static EnlaceCaseStep *
find_step (EnlaceCasePage *self,
           gint64          case_step_id)
{
  if (self->kase == NULL)
    return NULL;
  for (guint i = 0; i < self->kase->steps->len; i++)
    {
      EnlaceCaseStep *step = g_ptr_array_index (self->kase->steps, i);
      if (step->id == case_step_id)
        return step;
    }
  return NULL;
}

static const char *
result_icon (EnlaceStepResult result)
{
  switch (result)
    {
    case ENLACE_STEP_DONE:
      return "object-select-symbolic";
    case ENLACE_STEP_FAILED:
      return "dialog-warning-symbolic";
    case ENLACE_STEP_NA:
      return "action-unavailable-symbolic";
    case ENLACE_STEP_PENDING:
    default:
      return "content-loading-symbolic";
    }
}

static EnlaceFieldSpec *
spec_new (const char *name,
          const char *label,
          const char *type,
          gboolean    required)
{
  EnlaceFieldSpec *spec = g_new0 (EnlaceFieldSpec, 1);

  spec->name = (char *)name;
  spec->label = (char *)label;
  spec->type = (char *)type;
  spec->required = required;
  return spec;
}

/* The fields an inventory step's action needs (see enlace_case_set_step). */
static GPtrArray *
action_fields (const char *action)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);

  if (g_strcmp0 (action, "create-account") == 0)
    {
      g_ptr_array_add (fields, spec_new ("address", _("Address of the account"), "email", TRUE));
      g_ptr_array_add (fields, spec_new ("holder_id", _("Holder"), "person", FALSE));
      g_ptr_array_add (fields, spec_new ("area_id", _("Area"), "area", FALSE));
      g_ptr_array_add (fields, spec_new ("delivered_to", _("Delivered to"), "text", FALSE));
      g_ptr_array_add (fields, spec_new ("delivered_at", _("Delivered on"), "date", FALSE));
    }
  else if (g_strcmp0 (action, "remove-account") == 0)
    {
      g_ptr_array_add (fields, spec_new ("address", _("Address of the account"), "email", TRUE));
      g_ptr_array_add (fields, spec_new ("motive", _("Motive"), "text", FALSE));
    }
  else if (g_strcmp0 (action, "make-connection") == 0)
    {
      g_ptr_array_add (fields, spec_new ("outlet_port", _("Outlet jack (DEVICE:PORT)"), "text", TRUE));
      g_ptr_array_add (fields, spec_new ("panel_port", _("Patch panel port (DEVICE:PORT)"), "text", FALSE));
      g_ptr_array_add (fields, spec_new ("switch_port", _("Switch port (DEVICE:PORT)"), "text", TRUE));
    }
  return fields;
}

static gboolean
shows_proposal (const EnlaceProcedureStep *def)
{
  g_autofree char *title = def->title ? g_utf8_strdown (def->title, -1) : NULL;

  return g_strcmp0 (def->action, "make-connection") == 0 ||
         g_strcmp0 (def->action, "check-requirements") == 0 ||
         (title && strstr (title, "requerimiento"));
}

static char *
proposal_text (JsonObject *proposal)
{
  g_autoptr(GString) s = g_string_new (NULL);
  JsonArray *list;

  if (proposal == NULL)
    return g_strdup (_("No proposal: the request names no space."));
  if (!json_object_get_boolean_member_with_default (proposal, "ok", FALSE))
    return g_strdup_printf (_("No free connection: %s"),
                            json_object_get_string_member_with_default (proposal, "reason", "?"));
  list = json_object_get_array_member (proposal, "proposals");
  g_string_append (s, _("Proposed:"));
  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      JsonObject *p = json_array_get_object_element (list, i);
      const char *panel = json_object_get_string_member_with_default (p, "panel_port", NULL);

      g_string_append_c (s, '\n');
      if (panel && panel[0])
        /* Translators: a proposed connection: jack → panel port → switch port */
        g_string_append_printf (s, _("jack %s → panel %s → switch %s"),
                                json_object_get_string_member_with_default (p, "outlet_port", "?"), panel,
                                json_object_get_string_member_with_default (p, "switch_port", "?"));
      else
        g_string_append_printf (s, _("jack %s → switch %s"),
                                json_object_get_string_member_with_default (p, "outlet_port", "?"),
                                json_object_get_string_member_with_default (p, "switch_port", "?"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The first proposal's ports, as values of the make-connection step. */
static void
proposal_defaults (JsonObject *proposal,
                   JsonObject *values)
{
  JsonArray *list;
  JsonObject *p;

  if (proposal == NULL || !json_object_get_boolean_member_with_default (proposal, "ok", FALSE) ||
      !(list = json_object_get_array_member (proposal, "proposals")) || json_array_get_length (list) == 0)
    return;
  p = json_array_get_object_element (list, 0);
  for (guint i = 0; i < 3; i++)
    {
      const char *key = (const char *[]){ "outlet_port", "panel_port", "switch_port" }[i];
      if (json_object_has_member (p, key) && !json_object_has_member (values, key))
        json_object_set_string_member (values, key, json_object_get_string_member (p, key));
    }
}

static void
result_clicked_cb (GtkButton      *button,
                   EnlaceCasePage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "step-id");
  EnlaceStepResult result = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "result"));

  enlace_case_page_record_step (self, *id, result);
}

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             EnlaceCasePage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "step-id");

  if (self->loading)
    return;
  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (id, sizeof *id));
  else
    g_hash_table_remove (self->expanded, id);
}

static GtkWidget *
result_button (EnlaceCasePage   *self,
               EnlaceCaseStep   *step,
               EnlaceStepResult  result,
               const char       *label,
               const char       *css)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data_full (G_OBJECT (button), "step-id", g_memdup2 (&step->id, sizeof step->id), g_free);
  g_object_set_data (G_OBJECT (button), "result", GINT_TO_POINTER (result));
  if (css)
    gtk_widget_add_css_class (button, css);
  g_signal_connect (button, "clicked", G_CALLBACK (result_clicked_cb), self);
  return button;
}

/* The title, subtitle (result, who and when, note) and icon of a step. */
static void
step_row_header (GtkWidget      *row,
                 EnlaceCaseStep *step)
{
  const EnlaceProcedureStep *def = step->def;
  g_autofree char *title = g_strdup_printf ("%u. %s", def->position, def->title);
  g_autoptr(GString) subtitle = g_string_new (enlace_step_result_label (step->result));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (step->done_at)
    {
      g_autofree char *when = enlace_case_format_date (step->done_at);
      /* Translators: who recorded a step and when: "ana, 2026-12-05 10:20" */
      g_string_append_printf (subtitle, _(" — %s, %s"), step->done_by ? step->done_by : "?", when);
    }
  if (step->note && step->note[0])
    g_string_append_printf (subtitle, " — %s", step->note);
  if (def->required && step->result == ENLACE_STEP_PENDING)
    g_string_append_printf (subtitle, " (%s)", _("required to resolve"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_image_new_from_icon_name (result_icon (step->result)));
  g_object_set_data_full (G_OBJECT (row), "step-id", g_memdup2 (&step->id, sizeof step->id), g_free);
  if (step->result == ENLACE_STEP_DONE)
    gtk_widget_add_css_class (row, "step-done");
}

/* The step's description, and the proposed connection when it shows it. */
static void
step_add_texts (EnlaceCasePage            *self,
                GtkWidget                 *box,
                const EnlaceProcedureStep *def)
{
  if (def->description && def->description[0])
    {
      GtkWidget *label = gtk_label_new (def->description);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (self->proposal != NULL && shows_proposal (def))
    {
      g_autofree char *text = proposal_text (self->proposal);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "card");
      gtk_widget_set_margin_bottom (label, 4);
      g_object_set (label, "margin-start", 0, NULL);
      gtk_box_append (GTK_BOX (box), label);
    }
}

/* The fields: a form step's own, or what an inventory action needs;
 * filled with what the case already knows, then this step's values. */
static void
step_add_form (EnlaceCasePage *self,
               GtkWidget      *box,
               EnlaceCaseStep *step,
               JsonObject     *known,
               gboolean        editable)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const EnlaceProcedureStep *def = step->def;
  g_autoptr(GPtrArray) extra = NULL;
  GPtrArray *fields = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GList) members = NULL;
  EnlaceCaseForm *form;

  if ((def->kind == ENLACE_STEP_FORM || def->kind == ENLACE_STEP_INVENTORY ||
       def->kind == ENLACE_STEP_DOCUMENT) && def->fields && def->fields->len > 0)
    fields = def->fields;
  else if (def->kind == ENLACE_STEP_INVENTORY)
    fields = extra = action_fields (def->action);
  if (fields == NULL || fields->len == 0)
    return;

  /* what the case already knows, then this step's own values */
  members = json_object_get_members (known);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (values, l->data, json_node_copy (json_object_get_member (known, l->data)));
  if (g_strcmp0 (def->action, "create-account") == 0)
    {
      if (!json_object_has_member (values, "holder_id") && self->kase->row->requester_id > 0)
        json_object_set_int_member (values, "holder_id", self->kase->row->requester_id);
      if (!json_object_has_member (values, "area_id") && self->kase->row->area_id > 0)
        json_object_set_int_member (values, "area_id", self->kase->row->area_id);
    }
  if (g_strcmp0 (def->action, "create-account") == 0 && !json_object_has_member (values, "address") &&
      json_object_has_member (values, "requested_address"))
    json_object_set_member (values, "address",
                            json_node_copy (json_object_get_member (values, "requested_address")));
  if (shows_proposal (def))
    proposal_defaults (self->proposal, values);
  if (step->values)
    {
      g_autoptr(GList) own = json_object_get_members (step->values);
      for (GList *l = own; l; l = l->next)
        json_object_set_member (values, l->data, json_node_copy (json_object_get_member (step->values, l->data)));
    }
  form = enlace_case_form_new (store, fields, values);
  gtk_box_append (GTK_BOX (box), enlace_case_form_get_widget (form));
  enlace_case_form_set_sensitive (form, editable);
  g_hash_table_insert (self->step_forms, g_memdup2 (&step->id, sizeof step->id), form);
}

/* The step's note, in a boxed list of its own. */
static void
step_add_note (EnlaceCasePage *self,
               GtkWidget      *box,
               EnlaceCaseStep *step,
               gboolean        editable)
{
  GtkWidget *note = adw_entry_row_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note"));
  gtk_editable_set_text (GTK_EDITABLE (note), step->note ? step->note : "");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), note);
  gtk_widget_set_sensitive (list, editable);
  gtk_box_append (GTK_BOX (box), list);
  g_hash_table_insert (self->step_notes, g_memdup2 (&step->id, sizeof step->id), note);
}

/* The detection step of a fault report: "Mark as faulty" — the cable or
 * port that failed is marked faulty when the step is done, in the same
 * command (enlace_fault_set_step_marking ()). */
static void
step_add_mark (EnlaceCasePage *self,
               GtkWidget      *box,
               EnlaceCaseStep *step,
               gboolean        editable)
{
  g_autofree char *marked = NULL;
  GtkWidget *list, *row, *toggle;

  if (g_strcmp0 (self->kase->row->procedure_kind, "fault") != 0 || !enlace_fault_step_can_mark (step->def))
    return;
  if (step->values && json_object_has_member (step->values, "marked_faulty"))
    marked = g_strdup (json_object_get_string_member_with_default (step->values, "marked_faulty", ""));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Mark as faulty"));
  if (marked != NULL)
    {
      g_autofree char *sub = g_strdup_printf (_("%s is marked faulty until the report is resolved"), marked);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("The cable or port that failed is drawn red on the plan and the trace until the report is resolved"));
  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), marked != NULL);
  gtk_widget_set_sensitive (toggle, editable && marked == NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);
  g_hash_table_insert (self->step_marks, g_memdup2 (&step->id, sizeof step->id), toggle);
}

/* Back to pending, not applicable, failed, and done (named after the
 * step's action). */
static void
step_add_buttons (EnlaceCasePage *self,
                  GtkWidget      *box,
                  EnlaceCaseStep *step,
                  gboolean        editable)
{
  const EnlaceProcedureStep *def = step->def;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *done_label = _("_Done");

  if (g_strcmp0 (def->action, "create-account") == 0)
    done_label = _("_Create the Account");
  else if (g_strcmp0 (def->action, "remove-account") == 0)
    done_label = _("_Remove the Account");
  else if (g_strcmp0 (def->action, "make-connection") == 0)
    done_label = _("_Make the Connection");

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  if (step->result != ENLACE_STEP_PENDING)
    gtk_box_append (GTK_BOX (buttons), result_button (self, step, ENLACE_STEP_PENDING, _("Back to _Pending"), "flat"));
  gtk_box_append (GTK_BOX (buttons), result_button (self, step, ENLACE_STEP_NA, _("Not _Applicable"), NULL));
  gtk_box_append (GTK_BOX (buttons), result_button (self, step, ENLACE_STEP_FAILED, _("_Failed"), NULL));
  gtk_box_append (GTK_BOX (buttons), result_button (self, step, ENLACE_STEP_DONE,
                                                    step->result == ENLACE_STEP_DONE ? _("_Save") : done_label,
                                                    "suggested-action"));
  gtk_widget_set_sensitive (buttons, editable);
  gtk_box_append (GTK_BOX (box), buttons);
}

static GtkWidget *
step_row (EnlaceCasePage *self,
          EnlaceCaseStep *step,
          JsonObject     *known)
{
  const EnlaceProcedureStep *def = step->def;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *content = gtk_list_box_row_new ();
  gboolean editable = case_is_open (self);

  step_row_header (row, step);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  step_add_texts (self, box, def);
  step_add_form (self, box, step, known, editable);
  if (def->kind == ENLACE_STEP_DOCUMENT)
    {
      GtkWidget *label = gtk_label_new (_("The document of this step is made in “Documents”, below."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  step_add_mark (self, box, step, editable);
  step_add_note (self, box, step, editable);
  step_add_buttons (self, box, step, editable);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (content), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (content), box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), content);

  if (g_hash_table_contains (self->expanded, &step->id))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  return row;
}

static void
load_proposal (EnlaceCasePage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const EnlaceProcedureStep *form_step = request_form_step (self);
  gboolean wanted = FALSE;
  gint64 space_id = 0;
  guint count = 1;

  g_clear_pointer (&self->proposal, json_object_unref);
  for (guint i = 0; i < self->kase->procedure->steps->len; i++)
    if (g_strcmp0 (((EnlaceProcedureStep *)g_ptr_array_index (self->kase->procedure->steps, i))->action,
                   "make-connection") == 0)
      wanted = TRUE;
  if (!wanted || !case_is_open (self))
    return;

  for (guint i = 0; form_step && self->kase->form && i < form_step->fields->len; i++)
    {
      const EnlaceFieldSpec *spec = g_ptr_array_index (form_step->fields, i);
      JsonNode *node = json_object_get_member (self->kase->form, spec->name);

      gint64 n;

      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
        continue;
      /* ids or keys, numbers or their text (as the CLI writes them) */
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        n = json_node_get_int (node);
      else if (json_node_get_value_type (node) == G_TYPE_STRING && g_strcmp0 (spec->type, "space") == 0)
        n = enlace_store_lookup (store, "space", json_node_get_string (node), NULL);
      else if (json_node_get_value_type (node) == G_TYPE_STRING)
        n = g_ascii_strtoll (json_node_get_string (node), NULL, 10);
      else
        continue;
      if (g_strcmp0 (spec->type, "space") == 0)
        space_id = n;
      else if (g_strcmp0 (spec->type, "int") == 0 && n > 0)
        count = (guint) n;
    }
  if (space_id > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!(self->proposal = enlace_case_propose_connection (store, space_id, count, &error)))
        {
          self->proposal = json_object_new ();
          json_object_set_boolean_member (self->proposal, "ok", FALSE);
          json_object_set_string_member (self->proposal, "reason", error->message);
        }
    }
  else
    self->proposal = NULL;
}

static void
load_steps (EnlaceCasePage *self)
{
  g_autoptr(JsonObject) known = known_values (self);
  guint n_user = 0, n_admin = 0;

  g_hash_table_remove_all (self->step_forms);
  g_hash_table_remove_all (self->step_notes);
  g_hash_table_remove_all (self->step_marks);
  clear_list (self->requester_steps_list);
  clear_list (self->admin_steps_list);
  load_proposal (self);

  for (guint i = 0; i < self->kase->steps->len; i++)
    {
      EnlaceCaseStep *step = g_ptr_array_index (self->kase->steps, i);

      if (step->def->side == ENLACE_STEP_SIDE_REQUESTER)
        {
          gtk_list_box_append (self->requester_steps_list, step_row (self, step, known));
          n_user++;
        }
      else
        {
          gtk_list_box_append (self->admin_steps_list, step_row (self, step, known));
          n_admin++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->requester_steps_group), n_user > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->admin_steps_group), n_admin > 0);
}

/* Links */

static const char *
page_kind_for_link (const char *kind)
{
  if (g_strcmp0 (kind, "outlet") == 0)
    return "device";
  return kind;
}

static const char *
link_kind_label (const char *kind)
{
  const EnlaceKind *k;

  if (g_strcmp0 (kind, "outlet") == 0)
    return _("Outlet");
  if (g_strcmp0 (kind, "email_account") == 0 || g_strcmp0 (kind, "email-account") == 0)
    return _("E-mail account");
  if ((k = enlace_kind_lookup (kind)))
    return _(k->label);
  return kind;
}

static void
draw_trace_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  EnlaceTraceDrawing *drawing = data;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.985, 0.985, 0.98);
  cairo_paint (cr);
  cairo_restore (cr);
  enlace_trace_drawing_draw (drawing, cr);
}

static GtkWidget *
trace_row (EnlaceCasePage *self,
           const char     *kind,
           gint64          id)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *title = NULL;
  EnlaceTraceDrawing *drawing;
  GtkWidget *area, *scroll, *row;
  double w = 0, h = 0;

  if (self->tracer == NULL)
    self->tracer = enlace_tracer_get_for_store (store);
  if (!(paths = enlace_tracer_trace_object (self->tracer, g_strcmp0 (kind, "outlet") == 0 ? "device" : kind, id, &title, NULL)) ||
      paths->len == 0 ||
      !(drawing = enlace_trace_drawing_new (store, title, paths, NULL)))
    return NULL;
  g_ptr_array_add (self->drawings, drawing);

  enlace_trace_drawing_get_size (drawing, &w, &h);
  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) ceil (w));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) ceil (h));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_trace_cb, drawing, NULL);
  gtk_widget_set_halign (area, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "", -1);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), area);
  gtk_widget_set_margin_start (scroll, 12);
  gtk_widget_set_margin_end (scroll, 12);
  gtk_widget_set_margin_bottom (scroll, 12);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), scroll);
  return row;
}

static void
link_activated_cb (EnlaceCasePage *self,
                   GtkListBoxRow  *row)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  if (kind && id)
    enlace_page_activate_object (ENLACE_PAGE (self), page_kind_for_link (kind), *id);
}

static void
unlink_clicked_cb (GtkButton      *button,
                   EnlaceCasePage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "kind");
  gint64 *id = g_object_get_data (G_OBJECT (button), "id");
  g_autoptr(GError) error = NULL;

  if (kind && id && self->kase)
    check (self, enlace_case_unlink (enlace_page_get_store (ENLACE_PAGE (self)), self->kase->row->id,
                                     kind, *id, &error), &error);
}

static void
link_clicked_cb (EnlaceCasePage *self)
{
  enlace_case_page_open_link_dialog (self);
}

EnlaceCaseLinkDialog *
enlace_case_page_open_link_dialog (EnlaceCasePage *self)
{
  GtkRoot *root;
  EnlaceCaseLinkDialog *dialog;

  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  if (self->kase == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = enlace_case_link_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        enlace_page_get_store (ENLACE_PAGE (self)), self->kase->row->id);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
enlace_case_page_unlink (EnlaceCasePage *self,
                         guint           index)
{
  EnlaceCaseLink *link;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), FALSE);

  if (self->kase == NULL || index >= self->kase->links->len)
    return FALSE;
  link = g_ptr_array_index (self->kase->links, index);
  return check (self, enlace_case_unlink (enlace_page_get_store (ENLACE_PAGE (self)), self->kase->row->id,
                                          link->kind, link->id, &error), &error);
}

const char *
enlace_case_page_get_link_title (EnlaceCasePage *self,
                                 guint           index)
{
  GtkWidget *row;
  guint n = 0;

  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->links_list)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && n++ == index)
      return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  return NULL;
}

static void
load_links (EnlaceCasePage *self)
{
  gboolean open = case_is_open (self);

  g_ptr_array_set_size (self->drawings, 0);
  clear_list (self->links_list);
  for (guint i = 0; i < self->kase->links->len; i++)
    {
      EnlaceCaseLink *link = g_ptr_array_index (self->kase->links, i);
      g_autofree char *title = NULL;
      GtkWidget *row, *trace, *remove;

      if (link->exists)
        title = g_strdup (link->key ? link->key : "?");
      else
        /* TRANSLATORS: a linked object removed since, by its key then */
        title = g_strdup_printf (_("%s (removed)"), link->key ? link->key : "?");
      row = info_row (title, link_kind_label (link->kind), "insert-link-symbolic");

      remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the link"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the link"), -1);
      gtk_widget_set_sensitive (remove, open);
      g_object_set_data_full (G_OBJECT (remove), "kind", g_strdup (link->kind), g_free);
      g_object_set_data_full (G_OBJECT (remove), "id", g_memdup2 (&link->id, sizeof link->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (unlink_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      if (link->exists)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_widget_set_tooltip_text (row, _("Open it"));
          g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (link->kind), g_free);
          g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&link->id, sizeof link->id), g_free);
        }
      else
        gtk_widget_set_tooltip_text (row, _("This object was removed from the inventory after it was linked"));
      gtk_list_box_append (self->links_list, row);

      if (link->exists && (g_strcmp0 (link->kind, "outlet") == 0 || g_strcmp0 (link->kind, "port") == 0) &&
          (trace = trace_row (self, link->kind, link->id)))
        gtk_list_box_append (self->links_list, trace);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), open);
  adw_preferences_group_set_description (self->links_group, self->kase->links->len > 0 ? NULL
                                         : _("Nothing linked yet: link the outlet, port or account this case concerns."));
}

/* Timeline */

static const char *
event_icon (const char *kind)
{
  static const struct { const char *kind, *icon; } icons[] = {
    { "status", "emblem-synchronizing-symbolic" },
    { "step", "object-select-symbolic" },
    { "note", "document-edit-symbolic" },
    { "attachment", "mail-attachment-symbolic" },
    { "link", "insert-link-symbolic" },
    { "assign", "avatar-default-symbolic" },
    { "document", "x-office-document-symbolic" },
    { "sent", "mail-send-symbolic" },
    { "field", "document-properties-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (icons[i].kind, kind) == 0)
      return icons[i].icon;
  return "document-open-recent-symbolic";
}

static void
open_attachment_cb (GtkButton      *button,
                    EnlaceCasePage *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  gint64 *id = g_object_get_data (G_OBJECT (button), "attachment-id");
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "enlace", "attachments", NULL);
  g_autofree char *base = g_path_get_basename (name && name[0] ? name : "attachment");
  g_autofree char *file_name = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", *id, base);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *uri = NULL;

  if (!(bytes = enlace_store_get_attachment (store, *id, &mime, &error)) ||
      g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      show_message (self, error ? error->message : _("Cannot write the attachment to the cache folder"));
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_message (self, error->message);
}

static void
load_timeline (EnlaceCasePage *self)
{
  clear_list (self->timeline_list);
  for (guint i = self->kase->events->len; i > 0; i--)
    {
      EnlaceCaseEvent *event = g_ptr_array_index (self->kase->events, i - 1);
      g_autofree char *when = enlace_case_format_date (event->at);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", event->who ? event->who : "?", when);
      GtkWidget *row = info_row (event->text ? event->text : "", subtitle, event_icon (event->kind));

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
      if (event->attachment_id > 0)
        {
          g_autofree char *size = g_format_size (event->attachment_size);
          g_autofree char *label = g_strdup_printf ("%s (%s)", event->attachment_name ? event->attachment_name : "?", size);
          GtkWidget *button = gtk_button_new_with_label (label);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Open the attached file"));
          gtk_widget_add_css_class (button, "flat");
          g_object_set_data_full (G_OBJECT (button), "attachment-id",
                                  g_memdup2 (&event->attachment_id, sizeof event->attachment_id), g_free);
          g_object_set_data_full (G_OBJECT (button), "name", g_strdup (event->attachment_name), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (open_attachment_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->timeline_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_list), self->kase->events->len > 0);
}

static void
add_note_cb (EnlaceCasePage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  if (text[0] == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      return;
    }
  if (enlace_case_page_add_note (self, text, NULL, NULL, NULL))
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

static void
attach_response_cb (GtkNativeDialog *native,
                    int              response,
                    EnlaceCasePage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *name = file ? g_file_get_basename (file) : NULL;
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
      gsize len = 0;

      if (file && (info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                             G_FILE_QUERY_INFO_NONE, NULL, &error)))
        {
          if (g_file_info_get_size (info) > ENLACE_CASE_ATTACHMENT_MAX)
            {
              g_autofree char *size = g_format_size (g_file_info_get_size (info));
              g_autofree char *max = g_format_size (ENLACE_CASE_ATTACHMENT_MAX);
              g_autofree char *msg = g_strdup_printf (_("“%s” is %s: an attachment can be %s at most"), name, size, max);
              show_message (self, msg);
            }
          else if (g_file_load_contents (file, NULL, &contents, &len, NULL, &error))
            {
              g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
              g_autofree char *mime = g_content_type_get_mime_type (g_file_info_get_content_type (info));

              if (enlace_case_page_add_note (self, text, bytes, name, mime ? mime : "application/octet-stream"))
                gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
            }
        }
      if (error)
        show_message (self, error->message);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
attach_cb (EnlaceCasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Attach a File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (attach_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Loading */

static gboolean
restore_scroll_cb (gpointer data)
{
  GtkAdjustment *adj = data;

  gtk_adjustment_set_value (adj, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (adj), "enlace-value")));
  return G_SOURCE_REMOVE;
}

static void
reload (EnlaceCasePage *self)
{
  EnlacePage *page = ENLACE_PAGE (self);
  EnlaceStore *store = enlace_page_get_store (page);
  gint64 id = enlace_page_get_object_id (page);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  gboolean same = self->kase && self->kase->row->id == id;
  double scroll = same ? gtk_adjustment_get_value (adj) : 0;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->kase, enlace_case_free);
  if (!same)
    {
      g_hash_table_remove_all (self->expanded);
      show_message (self, NULL);
    }

  if (store == NULL || !(self->kase = enlace_case_get (store, id, &error)))
    {
      if (error && !g_error_matches (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND))
        show_message (self, error->message);
      enlace_page_set_title (page, _("Case"));
      enlace_page_set_subtitle (page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      enlace_case_fault_section_load (ENLACE_CASE_FAULT_SECTION (self->fault_section), NULL, NULL);
      return;
    }

  self->loading = TRUE;
  enlace_page_set_title (page, self->kase->row->folio);
  enlace_page_set_subtitle (page, self->kase->procedure->name);
  gtk_stack_set_visible_child_name (self->stack, "case");
  load_header (self);
  load_info (self);
  load_request (self);
  load_steps (self);
  load_links (self);
  enlace_case_quotes_section_set_case (ENLACE_CASE_QUOTES_SECTION (self->quotes_section), store, self->kase);
  enlace_case_fault_section_load (ENLACE_CASE_FAULT_SECTION (self->fault_section), store, self->kase);
  enlace_case_documents_fill (self->documents_box, store, self->kase);
  enlace_case_order_fill (self->order_box, store, self->kase);
  load_timeline (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assignee_row), case_is_open (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->priority_row), case_is_open (self));
  self->loading = FALSE;

  if (same)
    {
      g_object_set_data (G_OBJECT (adj), "enlace-value", GINT_TO_POINTER ((int) scroll));
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_scroll_cb, g_object_ref (adj), g_object_unref);
    }
  else
    gtk_adjustment_set_value (adj, 0);
}

static void
enlace_case_page_set_object (EnlacePage *page,
                             const char *kind,
                             gint64      id)
{
  reload (ENLACE_CASE_PAGE (page));
}

static void
enlace_case_page_store_changed (EnlacePage      *page,
                                EnlaceChangeSet *changes)
{
  EnlaceCasePage *self = ENLACE_CASE_PAGE (page);
  gboolean touches = changes == NULL || changes->bulk;

  for (guint i = 0; !touches && i < changes->changes->len; i++)
    {
      const EnlaceChange *c = &g_array_index (changes->changes, EnlaceChange, i);

      /* the case's own tables, and what its rows show (people, links, plant) */
      touches = g_str_has_prefix (c->table, "case") || g_str_has_prefix (c->table, "procedure") ||
                g_str_has_prefix (c->table, "email") || strcmp (c->table, "person") == 0 ||
                strcmp (c->table, "area") == 0 || strcmp (c->table, "cable") == 0 ||
                strcmp (c->table, "cable_end") == 0;
    }
  if (touches)
    reload (self);
}

static void
enlace_case_page_focus_main (EnlacePage *page)
{
  EnlaceCasePage *self = ENLACE_CASE_PAGE (page);
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->transitions_box));

  gtk_widget_grab_focus (first ? first : GTK_WIDGET (self->note_entry));
}

static void
enlace_case_page_dispose (GObject *object)
{
  EnlaceCasePage *self = ENLACE_CASE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENLACE_TYPE_CASE_PAGE);
  g_clear_object (&self->tracer);

  G_OBJECT_CLASS (enlace_case_page_parent_class)->dispose (object);
}

static void
enlace_case_page_finalize (GObject *object)
{
  EnlaceCasePage *self = ENLACE_CASE_PAGE (object);

  g_clear_pointer (&self->kase, enlace_case_free);
  g_clear_pointer (&self->proposal, json_object_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->step_forms, g_hash_table_unref);
  g_clear_pointer (&self->step_notes, g_hash_table_unref);
  g_clear_pointer (&self->step_marks, g_hash_table_unref);
  g_clear_pointer (&self->transitions, g_ptr_array_unref);
  g_clear_pointer (&self->drawings, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (enlace_case_page_parent_class)->finalize (object);
}

static void
enlace_case_page_class_init (EnlaceCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_case_page_dispose;
  object_class->finalize = enlace_case_page_finalize;
  page_class->set_object = enlace_case_page_set_object;
  page_class->store_changed = enlace_case_page_store_changed;
  page_class->focus_main = enlace_case_page_focus_main;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Enlace/views/enlace-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, message_bar);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, message_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, stack);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, folio_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, procedure_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, due_label);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, transitions_box);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, requester_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, priority_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, priority_drop);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, dates_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, cancel_row);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, request_group);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, request_list);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, requester_steps_group);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, requester_steps_list);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, admin_steps_group);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, admin_steps_list);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, links_group);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, links_list);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, link_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, documents_box);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, add_note_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, attach_button);
  gtk_widget_class_bind_template_child (widget_class, EnlaceCasePage, timeline_list);
  gtk_widget_class_bind_template_callback (widget_class, message_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, requester_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, priority_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_note_cb);
  gtk_widget_class_bind_template_callback (widget_class, attach_cb);
}

static void
enlace_case_page_init (EnlaceCasePage *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
  self->order_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->documents_box))),
                              GTK_WIDGET (self->order_box), GTK_WIDGET (self->documents_box));

  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->step_forms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->step_notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->step_marks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->transitions = g_ptr_array_new_with_free_func (g_free);
  self->drawings = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_trace_drawing_unref);
  self->quotes_section = enlace_case_quotes_section_new ();
  gtk_widget_insert_before (self->quotes_section, gtk_widget_get_parent (GTK_WIDGET (self->documents_box)),
                            GTK_WIDGET (self->documents_box));

  self->fault_section = enlace_case_fault_section_new ();
  gtk_widget_insert_after (self->fault_section, gtk_widget_get_parent (GTK_WIDGET (self->admin_steps_group)),
                           GTK_WIDGET (self->admin_steps_group));
}

GtkWidget *
enlace_case_page_get_fault_section (EnlaceCasePage *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  return self->fault_section;
}

/* Public */

const EnlaceCase *
enlace_case_page_get_case (EnlaceCasePage *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  return self->kase;
}

GtkWidget *
enlace_case_page_get_quotes_section (EnlaceCasePage *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  return self->quotes_section;
}

GtkBox *
enlace_case_page_get_documents_box (EnlaceCasePage *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  return self->documents_box;
}

gboolean
enlace_case_page_record_step (EnlaceCasePage   *self,
                              gint64            case_step_id,
                              EnlaceStepResult  result)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = NULL;
  g_autofree char *note = NULL;
  EnlaceCaseForm *form;
  GtkWidget *note_row;
  EnlaceCaseStep *step;

  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), FALSE);

  if (store == NULL || !(step = find_step (self, case_step_id)))
    return FALSE;

  if ((note_row = g_hash_table_lookup (self->step_notes, &case_step_id)))
    note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (note_row))));
  if ((form = g_hash_table_lookup (self->step_forms, &case_step_id)))
    {
      if (result == ENLACE_STEP_DONE && !enlace_case_form_check (form, &error))
        {
          g_autofree char *msg = g_strdup_printf (_("Step %u “%s”: %s"), step->def->position, step->def->title, error->message);
          show_message (self, msg);
          return FALSE;
        }
      values = enlace_case_form_get_values (form);
    }
  if (step->def->kind == ENLACE_STEP_INVENTORY)
    {
      g_autoptr(JsonObject) known = known_values (self);
      g_autoptr(GList) members = json_object_get_members (known);

      /* what the action needs and earlier steps already say: the holder
       * and area of a new account, the address and motive of a removal */
      if (values == NULL)
        values = json_object_new ();
      if (g_strcmp0 (step->def->action, "create-account") == 0)
        {
          if (!json_object_has_member (values, "holder_id") && self->kase->row->requester_id > 0)
            json_object_set_int_member (values, "holder_id", self->kase->row->requester_id);
          if (!json_object_has_member (values, "area_id") && self->kase->row->area_id > 0)
            json_object_set_int_member (values, "area_id", self->kase->row->area_id);
        }
      for (GList *l = members; l; l = l->next)
        if (!json_object_has_member (values, l->data))
          json_object_set_member (values, l->data, json_node_copy (json_object_get_member (known, l->data)));
    }

  g_hash_table_add (self->expanded, g_memdup2 (&case_step_id, sizeof case_step_id));
  {
    GtkWidget *toggle = g_hash_table_lookup (self->step_marks, &case_step_id);
    gboolean mark = toggle != NULL && gtk_widget_get_sensitive (toggle) &&
                    gtk_switch_get_active (GTK_SWITCH (toggle)) && result == ENLACE_STEP_DONE;

    return check (self,
                  enlace_fault_set_step_marking (store, self->kase->row->id, case_step_id, result,
                                                 note && note[0] ? note : NULL, values, mark, &error),
                  &error);
  }
}

void
enlace_case_page_set_step_mark_faulty (EnlaceCasePage *self,
                                       gint64          case_step_id,
                                       gboolean        mark)
{
  GtkWidget *toggle;

  g_return_if_fail (ENLACE_IS_CASE_PAGE (self));

  if ((toggle = g_hash_table_lookup (self->step_marks, &case_step_id)))
    gtk_switch_set_active (GTK_SWITCH (toggle), mark);
}

gboolean
enlace_case_page_has_step_mark (EnlaceCasePage *self,
                                gint64          case_step_id)
{
  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), FALSE);

  return g_hash_table_contains (self->step_marks, &case_step_id);
}

void
enlace_case_page_set_step_note (EnlaceCasePage *self,
                                gint64          case_step_id,
                                const char     *note)
{
  GtkWidget *row;

  g_return_if_fail (ENLACE_IS_CASE_PAGE (self));

  if ((row = g_hash_table_lookup (self->step_notes, &case_step_id)))
    gtk_editable_set_text (GTK_EDITABLE (row), note ? note : "");
}

EnlaceCaseForm *
enlace_case_page_get_step_form (EnlaceCasePage *self,
                                gint64          case_step_id)
{
  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  return g_hash_table_lookup (self->step_forms, &case_step_id);
}

gboolean
enlace_case_page_set_status (EnlaceCasePage   *self,
                             EnlaceCaseStatus  status,
                             const char       *reason)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), FALSE);

  if (store == NULL || self->kase == NULL)
    return FALSE;
  return check (self, enlace_case_set_status (store, self->kase->row->id, status, reason, &error), &error);
}

gboolean
enlace_case_page_add_note (EnlaceCasePage *self,
                           const char     *text,
                           GBytes         *attachment,
                           const char     *name,
                           const char     *mime)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), FALSE);

  if (store == NULL || self->kase == NULL)
    return FALSE;
  return check (self,
                enlace_case_add_note (store, self->kase->row->id, text ? text : "", attachment, name, mime, &error) > 0,
                &error);
}

const char *
enlace_case_page_get_message (EnlaceCasePage *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  return self->message;
}

GPtrArray *
enlace_case_page_list_transitions (EnlaceCasePage *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  return self->transitions;
}

JsonObject *
enlace_case_page_get_proposal (EnlaceCasePage *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_PAGE (self), NULL);

  return self->proposal;
}
