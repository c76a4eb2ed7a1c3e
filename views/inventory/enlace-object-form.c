/* enlace-object-form.c: the generic form of an object of any kind */
#define G_LOG_DOMAIN "enlace-object-form"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-format.h"
#include "enlace-kinds.h"
#include "enlace-cable-test-view.h"
#include "enlace-extension-history-view.h"
#include "enlace-object-form.h"
#include "enlace-object-cases.h"

/* A reference to a kind with more objects than this is typed as a key. */
#define MAX_DROPDOWN 1000

typedef struct
{
  const EnlaceField *field;
  GtkWidget         *row;        /* AdwEntryRow, AdwComboRow or AdwActionRow */
  GtkWidget         *editor;     /* the switch of a boolean */
  GtkWidget         *error_row;
  GtkLabel          *error_label;
  GPtrArray         *values;     /* combo rows: value per position (char*), "" for none */
  gboolean           edited;
} FieldRow;

struct _EnlaceObjectForm
{
  EnlacePage            parent_instance;

  const EnlaceKind     *kind;
  gboolean              create;
  JsonObject           *loaded;     /* edit mode: the stored object */
  GArray               *rows;       /* of FieldRow */
  char                 *error;
  const char           *error_field;

  GtkWidget            *box;
  GtkLabel             *top_error;
  GtkWidget            *group;
  GtkWidget            *buttons;
  GtkWidget            *save_button;
  GtkWidget            *delete_button;
  GtkWidget            *trace_button;    /* gui-views: trace and what breaks */
  GtkWidget            *impact_button;
  GtkWidget            *history;         /* an extension's status history */
  GtkWidget            *test;            /* a cable's installation test (EnlaceCableTestView) */
  GtkWidget            *status_button;   /* an extension: "Change status…" (a case) */
  GtkWidget            *outages;    /* circuits: their outage history (EnlaceObjectCases) */
  AdwStatusPage        *missing;
  GtkStack             *stack;
  guint                 loading : 1;
};

G_DEFINE_FINAL_TYPE (EnlaceObjectForm, enlace_object_form, ENLACE_TYPE_PAGE)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct { const char *kind; const char *field; const char *value; } defaults[] = {
  { "rack", "u_height", "42" },
  { "rack", "width", "19in" },
  { "device", "status", "active" },
  { "device", "role", "switch" },
  { "device-type", "u_height", "1" },
  { "device-type", "role", "patch-panel" },
  { "cable", "status", "installed" },
  { "cable", "kind", "horizontal" },
  { "circuit", "status", "active" },
  { "circuit", "kind", "internet" },
  { "port", "positions", "1" },
  { "port-template", "positions", "1" },
  { "extension", "status", "active" },
  { "floor", "level", "0" },
};

static void
field_row_clear (gpointer data)
{
  FieldRow *fr = data;

  g_clear_pointer (&fr->values, g_ptr_array_unref);
}

static FieldRow *
find_row (EnlaceObjectForm *self,
          const char       *field)
{
  if (self->rows == NULL)
    return NULL;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);
      if (strcmp (fr->field->name, field) == 0)
        return fr;
    }
  return NULL;
}

static void
clear_errors (EnlaceObjectForm *self)
{
  g_clear_pointer (&self->error, g_free);
  self->error_field = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->top_error), FALSE);

  for (guint i = 0; self->rows && i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);
      gtk_widget_set_visible (fr->error_row, FALSE);
      gtk_widget_remove_css_class (fr->row, "error");
    }
}

static void
show_error (EnlaceObjectForm *self,
            FieldRow         *fr,
            const char       *message)
{
  clear_errors (self);
  self->error = g_strdup (message);

  if (fr != NULL)
    {
      self->error_field = fr->field->name;
      gtk_label_set_label (fr->error_label, message);
      gtk_widget_set_visible (fr->error_row, TRUE);
      gtk_widget_add_css_class (fr->row, "error");
      gtk_widget_grab_focus (fr->row);
    }
  else
    {
      gtk_label_set_label (self->top_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->top_error), TRUE);
    }
}

/* Lower-case words a message may use for a field: its label without the
 * unit in brackets, and its name without "_id". */
static gboolean
find_word (const char *haystack,
           const char *word,
           gsize      *pos)
{
  gsize len = strlen (word);
  const char *p = haystack;

  if (len < 3)
    return FALSE;

  while ((p = strstr (p, word)))
    {
      gboolean start_ok = p == haystack || !g_ascii_isalnum (p[-1]);
      gboolean end_ok = !g_ascii_isalpha (p[len]) || p[len] == 's';

      if (start_ok && end_ok)
        {
          *pos = p - haystack;
          return TRUE;
        }
      p += len;
    }
  return FALSE;
}

static FieldRow *
field_for_message (EnlaceObjectForm *self,
                   const char       *message)
{
  g_autofree char *lower = g_utf8_strdown (message, -1);
  FieldRow *best = NULL;
  int best_score = -1;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);
      g_autofree char *label = g_utf8_strdown (_(fr->field->label), -1);
      g_autofree char *name = g_strdup (fr->field->name);
      char *paren;
      gsize pos = 0;
      gboolean found;
      int score;

      if ((paren = strstr (label, " (")))
        *paren = '\0';
      if (g_str_has_suffix (name, "_id"))
        name[strlen (name) - 3] = '\0';
      g_strdelimit (name, "_", ' ');

      found = find_word (lower, label, &pos) || find_word (lower, name, &pos);
      if (!found)
        continue;

      /* The subject of the sentence ("Building “B1” already has…") is
       * rarely the field at fault; a field the user changed often is. */
      score = (pos > 0 ? 2 : 1) + (fr->edited ? 4 : 0);
      if (score >= best_score)
        {
          best = fr;
          best_score = score;
        }
    }

  return best;
}

static const char *
row_text (FieldRow *fr)
{
  if (ADW_IS_ENTRY_ROW (fr->row))
    return gtk_editable_get_text (GTK_EDITABLE (fr->row));
  return NULL;
}

static void
row_edited_cb (GtkWidget        *widget,
               GParamSpec       *pspec,
               EnlaceObjectForm *self)
{
  if (self->loading)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);
      if (fr->row == widget || fr->editor == widget)
        fr->edited = TRUE;
    }
}

static void
fill_combo (EnlaceObjectForm *self,
            FieldRow         *fr)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  GtkStringList *labels = gtk_string_list_new (NULL);
  const EnlaceField *f = fr->field;

  fr->values = g_ptr_array_new_with_free_func (g_free);

  if (!f->required || f->type == ENLACE_FIELD_REF)
    {
      gtk_string_list_append (labels, _("None"));
      g_ptr_array_add (fr->values, g_strdup (""));
    }

  if (f->type == ENLACE_FIELD_CHOICE)
    {
      for (guint i = 0; f->choices[i]; i++)
        {
          gtk_string_list_append (labels, enlace_choice_label (f->choices[i]));
          g_ptr_array_add (fr->values, g_strdup (f->choices[i]));
        }
    }
  else if (store != NULL)
    {
      g_autoptr(GPtrArray) objects = enlace_store_list (store, f->ref_kind, 0, NULL);

      for (guint i = 0; objects && i < objects->len; i++)
        {
          JsonObject *obj = g_ptr_array_index (objects, i);
          gint64 id = json_object_get_int_member (obj, "id");
          g_autofree char *key = enlace_store_dup_key (store, f->ref_kind, id);
          const char *name = json_object_get_string_member_with_default (obj, "name", NULL);
          g_autofree char *label = NULL;

          if (name && key && strcmp (name, key) != 0)
            label = g_strdup_printf ("%s — %s", key, name);
          else
            label = g_strdup (key ? key : name);

          gtk_string_list_append (labels, label);
          g_ptr_array_add (fr->values, g_strdup_printf ("%" G_GINT64_FORMAT, id));
        }
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (fr->row), G_LIST_MODEL (labels));
  g_object_unref (labels);
}

static gboolean
use_dropdown (EnlaceObjectForm  *self,
              const EnlaceField *f)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));

  if (f->type == ENLACE_FIELD_CHOICE)
    return TRUE;
  if (f->type != ENLACE_FIELD_REF || store == NULL)
    return FALSE;
  return enlace_store_count (store, f->ref_kind) <= MAX_DROPDOWN;
}

static void
change_status_clicked_cb (EnlaceObjectForm *self)
{
  GtkWidget *dialog = enlace_extension_history_view_new_case (ENLACE_EXTENSION_HISTORY_VIEW (self->history));

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
build_rows (EnlaceObjectForm *self)
{
  GtkWidget *group;

  self->status_button = NULL;

  if (self->group)
    gtk_box_remove (GTK_BOX (self->box), self->group);
  g_clear_pointer (&self->rows, g_array_unref);

  self->rows = g_array_new (FALSE, TRUE, sizeof (FieldRow));
  g_array_set_clear_func (self->rows, field_row_clear);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(self->kind->label));
  self->group = group;
  gtk_box_insert_child_after (GTK_BOX (self->box), group, GTK_WIDGET (self->top_error));

  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      const EnlaceField *f = &self->kind->fields[i];
      g_autofree char *title = NULL;
      FieldRow fr = { 0 };
      GtkWidget *error_label;

      if (f->type == ENLACE_FIELD_POLYGON)
        continue;

      fr.field = f;
      title = f->required ? g_strdup_printf ("%s *", _(f->label)) : g_strdup (_(f->label));

      if (f->type == ENLACE_FIELD_BOOL)
        {
          fr.row = adw_action_row_new ();
          fr.editor = gtk_switch_new ();
          gtk_widget_set_valign (fr.editor, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (fr.row), fr.editor);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (fr.row), fr.editor);
          g_signal_connect (fr.editor, "notify::active", G_CALLBACK (row_edited_cb), self);
        }
      else if (use_dropdown (self, f))
        {
          fr.row = adw_combo_row_new ();
          fill_combo (self, &fr);
          g_signal_connect (fr.row, "notify::selected", G_CALLBACK (row_edited_cb), self);
        }
      else
        {
          fr.row = adw_entry_row_new ();
          if (f->type == ENLACE_FIELD_INT)
            gtk_editable_set_max_width_chars (GTK_EDITABLE (fr.row), 12);
          if (f->type == ENLACE_FIELD_REF)
            {
              g_autofree char *tip = g_strdup_printf (_("Type the key of a %s, for example %s"),
                                                      _(enlace_kind_lookup (f->ref_kind)->label),
                                                      strcmp (f->ref_kind, "port") == 0 ? "SW-1:Gi1/0/1" : "#12");
              gtk_widget_set_tooltip_text (fr.row, tip);
            }
          g_signal_connect (fr.row, "notify::text", G_CALLBACK (row_edited_cb), self);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fr.row), title);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fr.row);

      error_label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (error_label), 0);
      gtk_widget_add_css_class (error_label, "error");
      gtk_widget_set_margin_start (error_label, 12);
      gtk_widget_set_margin_end (error_label, 12);
      gtk_widget_set_margin_top (error_label, 6);
      gtk_widget_set_margin_bottom (error_label, 6);
      fr.error_label = GTK_LABEL (error_label);
      /* a preferences row, so that the group puts it right under its field */
      fr.error_row = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (fr.error_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (fr.error_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (fr.error_row), error_label);
      gtk_widget_set_visible (fr.error_row, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fr.error_row);

      g_array_append_val (self->rows, fr);

      /* An extension's status changes only through a case (procedure
       * "extension-estado"): read-only here, with the button that opens
       * the case, prefilled. */
      if (!self->create && strcmp (self->kind->name, "extension") == 0 && strcmp (f->name, "status") == 0)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Change status…"));

          gtk_widget_set_sensitive (fr.row, FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The status changes through a case"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       _("Procedure “Cambio de estado de extensión”: the reason and the case stay in the status history."));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Open a case to change this extension's status"));
          g_signal_connect_swapped (button, "clicked", G_CALLBACK (change_status_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          self->status_button = button;
        }
    }
}

static gboolean
set_row_value (EnlaceObjectForm *self,
               FieldRow         *fr,
               const char       *text)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));

  if (text == NULL)
    text = "";

  if (fr->editor && GTK_IS_SWITCH (fr->editor))
    {
      gtk_switch_set_active (GTK_SWITCH (fr->editor),
                             strcmp (text, "true") == 0 || strcmp (text, "1") == 0);
      return TRUE;
    }

  if (ADW_IS_COMBO_ROW (fr->row))
    {
      g_autofree char *value = NULL;

      if (fr->field->type == ENLACE_FIELD_REF && text[0] != '\0' &&
          !g_ascii_isdigit (text[0]) && store != NULL)
        {
          gint64 id = enlace_store_lookup (store, fr->field->ref_kind, text, NULL);
          if (id <= 0)
            return FALSE;
          value = g_strdup_printf ("%" G_GINT64_FORMAT, id);
        }
      else
        value = g_strdup (text[0] == '#' ? text + 1 : text);

      for (guint i = 0; i < fr->values->len; i++)
        if (strcmp (g_ptr_array_index (fr->values, i), value) == 0)
          {
            adw_combo_row_set_selected (ADW_COMBO_ROW (fr->row), i);
            return TRUE;
          }
      return FALSE;
    }

  if (fr->field->type == ENLACE_FIELD_REF && g_ascii_isdigit (text[0]) && store != NULL)
    {
      /* an id: show its readable key */
      g_autofree char *key = enlace_store_dup_key (store, fr->field->ref_kind,
                                                   g_ascii_strtoll (text, NULL, 10));
      gtk_editable_set_text (GTK_EDITABLE (fr->row), key ? key : text);
      return TRUE;
    }

  gtk_editable_set_text (GTK_EDITABLE (fr->row), text);
  return TRUE;
}

static char *
json_member_text (JsonObject *obj,
                  const char *name)
{
  return obj ? enlace_format_value (NULL, NULL, json_object_get_member (obj, name), ENLACE_FORMAT_EDIT) : NULL;
}

/* Kinds with a trace page and a "what breaks" page (views/enlace-trace-view.c,
 * views/enlace-impact-view.c). */
static gboolean
kind_in (const char         *kind,
         const char * const *kinds)
{
  return kind != NULL && g_strv_contains (kinds, kind);
}

static const char * const traceable[] = { "port", "cable", "extension", "circuit-termination", "device", NULL };
static const char * const breakable[] = { "port", "cable", "circuit-termination", "device", "rack", NULL };

static void
open_related (EnlaceObjectForm *self,
              const char       *view)
{
  g_autofree char *kind = g_strdup_printf ("%s/%s", view, enlace_page_get_kind (ENLACE_PAGE (self)));

  enlace_page_activate_object (ENLACE_PAGE (self), kind, enlace_page_get_object_id (ENLACE_PAGE (self)));
}

static void
trace_clicked_cb (EnlaceObjectForm *self)
{
  open_related (self, "trace");
}

static void
impact_clicked_cb (EnlaceObjectForm *self)
{
  open_related (self, "impact");
}

static void
update_buttons (EnlaceObjectForm *self)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  gboolean writable = store && !enlace_store_is_read_only (store);
  const char *kind = enlace_page_get_kind (ENLACE_PAGE (self));

  gtk_widget_set_visible (self->trace_button, kind_in (kind, traceable));
  gtk_widget_set_visible (self->impact_button, kind_in (kind, breakable));

  gtk_widget_set_visible (self->buttons, !self->create);
  gtk_widget_set_sensitive (self->save_button, writable);
  gtk_widget_set_sensitive (self->delete_button, writable);
  if (self->group)
    gtk_widget_set_sensitive (self->group, writable || self->create);
}

static void
load_values (EnlaceObjectForm *self,
             JsonObject       *values)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);
      g_autofree char *text = json_member_text (values, fr->field->name);

      if (!set_row_value (self, fr, text) && ADW_IS_COMBO_ROW (fr->row))
        adw_combo_row_set_selected (ADW_COMBO_ROW (fr->row), 0);
      fr->edited = FALSE;
    }
  self->loading = FALSE;
}

static void
enlace_object_form_set_object (EnlacePage *page,
                               const char *kind,
                               gint64      id)
{
  EnlaceObjectForm *self = ENLACE_OBJECT_FORM (page);
  EnlaceStore *store = enlace_page_get_store (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) obj = NULL;
  const EnlaceKind *k;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;

  if (!(k = enlace_kind_lookup (kind)))
    {
      g_warning ("No kind “%s”", kind);
      return;
    }

  self->create = FALSE;
  if (k != self->kind || self->rows == NULL)
    {
      self->kind = k;
      build_rows (self);
    }
  clear_errors (self);

  if (store == NULL)
    return;

  if (!(obj = enlace_store_get (store, kind, id, &error)))
    {
      g_autofree char *what = g_strdup_printf (_("This %s no longer exists"), _(k->label));
      enlace_page_set_title (page, _(k->label));
      enlace_page_set_subtitle (page, NULL);
      adw_status_page_set_title (self->missing, what);
      adw_status_page_set_description (self->missing, error->message);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      g_clear_pointer (&self->loaded, json_object_unref);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "form");
  g_clear_pointer (&self->loaded, json_object_unref);
  self->loaded = json_object_ref (obj);

  key = enlace_store_dup_key (store, kind, id);
  title = g_strdup_printf ("%s %s", _(k->label), key ? key : "");
  enlace_page_set_title (page, title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), key);

  /* references may have changed: refill the drop-downs */
  build_rows (self);
  load_values (self, obj);
  update_buttons (self);
  enlace_extension_history_view_set_extension (ENLACE_EXTENSION_HISTORY_VIEW (self->history), store,
                                               g_strcmp0 (kind, "extension") == 0 ? id : 0);
  enlace_cable_test_view_set_cable (ENLACE_CABLE_TEST_VIEW (self->test), store,
                                    g_strcmp0 (kind, "cable") == 0 ? id : 0);

  /* a provider circuit: the fault reports that pointed at it */
  if (g_strcmp0 (kind, "circuit") == 0)
    {
      static const char * const kinds[] = { "circuit", NULL };

      enlace_object_cases_set_object (ENLACE_OBJECT_CASES (self->outages), store, kinds, id);
    }
  else
    enlace_object_cases_set_object (ENLACE_OBJECT_CASES (self->outages), NULL, NULL, 0);
}

GtkWidget *
enlace_object_form_get_change_status_button (EnlaceObjectForm *self)
{
  g_return_val_if_fail (ENLACE_IS_OBJECT_FORM (self), NULL);

  return self->status_button;
}

GtkWidget *
enlace_object_form_get_cable_test (EnlaceObjectForm *self)
{
  g_return_val_if_fail (ENLACE_IS_OBJECT_FORM (self), NULL);

  return self->test;
}

GtkWidget *
enlace_object_form_get_outages (EnlaceObjectForm *self)
{
  g_return_val_if_fail (ENLACE_IS_OBJECT_FORM (self), NULL);

  return self->outages;
}

static void
enlace_object_form_store_changed (EnlacePage      *page,
                                  EnlaceChangeSet *changes)
{
  EnlaceObjectForm *self = ENLACE_OBJECT_FORM (page);

  if (self->create)
    return;

  if (changes->bulk || enlace_change_set_touches (changes, self->kind->table) ||
      (g_strcmp0 (self->kind->name, "cable") == 0 && enlace_change_set_touches (changes, "cable_test")))
    enlace_page_reload (page);
}

static void
enlace_object_form_focus_main (EnlacePage *page)
{
  EnlaceObjectForm *self = ENLACE_OBJECT_FORM (page);

  if (self->rows && self->rows->len > 0)
    gtk_widget_grab_focus (g_array_index (self->rows, FieldRow, 0).row);
}

static void
save_clicked_cb (EnlaceObjectForm *self)
{
  g_autoptr(GError) error = NULL;

  if (enlace_object_form_save (self, &error) > 0)
    enlace_page_show_message (ENLACE_PAGE (self), _("Changes saved"));
}

static void
delete_clicked_cb (EnlaceObjectForm *self)
{
  gint64 id = enlace_page_get_object_id (ENLACE_PAGE (self));

  if (!self->create && id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-object", "(sx)",
                                self->kind->name, id);
}

static void
enlace_object_form_dispose (GObject *object)
{
  EnlaceObjectForm *self = (EnlaceObjectForm *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->loaded, json_object_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (enlace_object_form_parent_class)->dispose (object);
}

static void
enlace_object_form_class_init (EnlaceObjectFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EnlacePageClass *page_class = ENLACE_PAGE_CLASS (klass);

  object_class->dispose = enlace_object_form_dispose;

  page_class->set_object = enlace_object_form_set_object;
  page_class->store_changed = enlace_object_form_store_changed;
  page_class->focus_main = enlace_object_form_focus_main;

  /**
   * EnlaceObjectForm::saved:
   * @id: the id of the object created or updated
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
enlace_object_form_init (EnlaceObjectForm *self)
{
  GtkWidget *scroller, *clamp;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->box, 24);
  gtk_widget_set_margin_bottom (self->box, 24);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);

  self->top_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->top_error, TRUE);
  gtk_label_set_xalign (self->top_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->top_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->top_error), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->top_error));

  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (self->buttons, GTK_ALIGN_END);
  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  self->trace_button = gtk_button_new_with_mnemonic (_("_Trace"));
  gtk_widget_set_tooltip_text (self->trace_button, _("Show where this goes, end to end"));
  g_signal_connect_swapped (self->trace_button, "clicked", G_CALLBACK (trace_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->buttons), self->trace_button);
  self->impact_button = gtk_button_new_with_mnemonic (_("What _breaks…"));
  gtk_widget_set_tooltip_text (self->impact_button, _("What stops working if this is removed or unplugged"));
  g_signal_connect_swapped (self->impact_button, "clicked", G_CALLBACK (impact_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->buttons), self->impact_button);
  gtk_box_append (GTK_BOX (self->buttons), self->delete_button);
  gtk_box_append (GTK_BOX (self->buttons), self->save_button);
  gtk_box_append (GTK_BOX (self->box), self->buttons);
  self->history = enlace_extension_history_view_new ();
  gtk_box_append (GTK_BOX (self->box), self->history);
  self->test = enlace_cable_test_view_new ();
  gtk_box_append (GTK_BOX (self->box), self->test);
  self->outages = enlace_object_cases_new ();
  enlace_object_cases_set_faults_only (ENLACE_OBJECT_CASES (self->outages), TRUE);
  gtk_box_append (GTK_BOX (self->box), self->outages);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);

  self->missing = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->missing, "user-trash-symbolic");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "form");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->missing), "missing");

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
enlace_object_form_new (void)
{
  return g_object_new (ENLACE_TYPE_OBJECT_FORM, NULL);
}

/* The level a new floor of building @building_id most likely is: the
 * ground floor (0) in a building with none, else the one above the
 * highest — never one that is taken. */
static gint64
free_floor_level (EnlaceObjectForm *self,
                  gint64            building_id)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  g_autoptr(GPtrArray) floors = store ? enlace_store_list (store, "floor", building_id, NULL) : NULL;
  gint64 highest = -1;

  for (guint i = 0; floors && i < floors->len; i++)
    highest = MAX (highest, json_object_get_int_member_with_default (g_ptr_array_index (floors, i), "level", 0));
  return highest + 1;
}

void
enlace_object_form_set_create (EnlaceObjectForm *self,
                               const char       *kind,
                               gint64            parent_id)
{
  const EnlaceKind *k;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *title = NULL;

  g_return_if_fail (ENLACE_IS_OBJECT_FORM (self));
  g_return_if_fail (kind != NULL);

  if (!(k = enlace_kind_lookup (kind)))
    {
      g_critical ("No kind “%s”", kind);
      return;
    }
  enlace_object_cases_set_object (ENLACE_OBJECT_CASES (self->outages), NULL, NULL, 0);

  self->create = TRUE;
  self->kind = k;
  g_clear_pointer (&self->loaded, json_object_unref);
  build_rows (self);
  clear_errors (self);
  gtk_stack_set_visible_child_name (self->stack, "form");

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (strcmp (defaults[i].kind, kind) == 0)
      json_object_set_string_member (values, defaults[i].field, defaults[i].value);
  if (parent_id > 0 && k->parent_field)
    json_object_set_int_member (values, k->parent_field, parent_id);
  if (strcmp (kind, "floor") == 0 && parent_id > 0)
    json_object_set_int_member (values, "level", free_floor_level (self, parent_id));

  load_values (self, values);

  title = g_strdup_printf (_("New %s"), _(k->label));
  enlace_page_set_title (ENLACE_PAGE (self), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("Fields marked * are required."));
  update_buttons (self);
}

const char *
enlace_object_form_get_kind (EnlaceObjectForm *self)
{
  g_return_val_if_fail (ENLACE_IS_OBJECT_FORM (self), NULL);

  return self->kind ? self->kind->name : NULL;
}

gboolean
enlace_object_form_is_create (EnlaceObjectForm *self)
{
  g_return_val_if_fail (ENLACE_IS_OBJECT_FORM (self), FALSE);

  return self->create;
}

gboolean
enlace_object_form_set_value (EnlaceObjectForm *self,
                              const char       *field,
                              const char       *text)
{
  FieldRow *fr;

  g_return_val_if_fail (ENLACE_IS_OBJECT_FORM (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!(fr = find_row (self, field)))
    return FALSE;

  fr->edited = TRUE;
  return set_row_value (self, fr, text);
}

/* Reads one field into @values.  FALSE with @error for a value that is
 * not a number or not a known key. */
static gboolean
read_field (EnlaceObjectForm  *self,
            FieldRow          *fr,
            JsonObject        *values,
            GError           **error)
{
  EnlaceStore *store = enlace_page_get_store (ENLACE_PAGE (self));
  const EnlaceField *f = fr->field;
  g_autofree char *text = NULL;

  if (fr->editor && GTK_IS_SWITCH (fr->editor))
    {
      json_object_set_boolean_member (values, f->name,
                                      gtk_switch_get_active (GTK_SWITCH (fr->editor)));
      return TRUE;
    }

  if (ADW_IS_COMBO_ROW (fr->row))
    {
      guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (fr->row));
      text = g_strdup (pos < fr->values->len ? g_ptr_array_index (fr->values, pos) : "");
    }
  else
    text = g_strstrip (g_strdup (row_text (fr)));

  if (text[0] == '\0')
    {
      if (!self->create)
        json_object_set_null_member (values, f->name);
      return TRUE;
    }

  switch (f->type)
    {
    case ENLACE_FIELD_INT:
      {
        gint64 v;
        if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &v, NULL))
          {
            g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                         _("%s: “%s” is not a whole number"), _(f->label), text);
            return FALSE;
          }
        json_object_set_int_member (values, f->name, v);
      }
      break;

    case ENLACE_FIELD_REAL:
      {
        char *end = NULL;
        double v;

        g_strdelimit (text, ",", '.');
        v = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0')
          {
            g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                         _("%s: “%s” is not a number"), _(f->label), text);
            return FALSE;
          }
        json_object_set_double_member (values, f->name, v);
      }
      break;

    case ENLACE_FIELD_REF:
      {
        gint64 id;

        if (ADW_IS_COMBO_ROW (fr->row))
          id = g_ascii_strtoll (text, NULL, 10);
        else if (!(id = enlace_store_lookup (store, f->ref_kind, text, error)))
          return FALSE;
        json_object_set_int_member (values, f->name, id);
      }
      break;

    case ENLACE_FIELD_TEXT:
    case ENLACE_FIELD_CHOICE:
    case ENLACE_FIELD_POLYGON:
    case ENLACE_FIELD_BOOL:
    default:
      json_object_set_string_member (values, f->name, text);
      break;
    }

  return TRUE;
}

gint64
enlace_object_form_save (EnlaceObjectForm  *self,
                         GError           **error)
{
  EnlaceStore *store;
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_OBJECT_FORM (self), 0);
  g_return_val_if_fail (self->kind != NULL, 0);

  store = enlace_page_get_store (ENLACE_PAGE (self));
  g_return_val_if_fail (store != NULL, 0);

  clear_errors (self);
  values = json_object_new ();

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = &g_array_index (self->rows, FieldRow, i);

      /* edit mode writes only what changed */
      if (!self->create && !fr->edited)
        continue;

      if (!read_field (self, fr, values, &local_error))
        {
          show_error (self, fr, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
    }

  if (self->create)
    id = enlace_store_create (store, self->kind->name, values, &local_error);
  else
    {
      id = enlace_page_get_object_id (ENLACE_PAGE (self));
      if (json_object_get_size (values) > 0 &&
          !enlace_store_update (store, self->kind->name, id, values, &local_error))
        id = 0;
    }

  if (id <= 0)
    {
      show_error (self, field_for_message (self, local_error->message), local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  for (guint i = 0; i < self->rows->len; i++)
    g_array_index (self->rows, FieldRow, i).edited = FALSE;

  g_signal_emit (self, signals[SAVED], 0, id);
  return id;
}

const char *
enlace_object_form_get_error (EnlaceObjectForm  *self,
                              const char       **field)
{
  g_return_val_if_fail (ENLACE_IS_OBJECT_FORM (self), NULL);

  if (field)
    *field = self->error_field;
  return self->error;
}
