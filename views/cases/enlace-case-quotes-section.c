/* enlace-case-quotes-section.c: quotes, comparison and resolution of a
 * technical opinion on its case page */
#define G_LOG_DOMAIN "enlace-case-quotes-section"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-case-quotes-section.h"
#include "enlace-opinions.h"

struct _EnlaceCaseQuotesSection
{
  GtkBox               parent_instance;

  EnlaceStore         *store;
  gint64               case_id;
  char                *folio;
  gboolean             editable;
  GPtrArray           *quotes;       /* of EnlaceQuote* */
  EnlaceOpinion       *opinion;

  AdwPreferencesGroup *quotes_group;
  GtkListBox          *quotes_list;
  GtkButton           *add_button;
  AdwPreferencesGroup *compare_group;
  GtkScrolledWindow   *compare_scroller;
  GtkGrid             *compare_grid;
  AdwPreferencesGroup *resolution_group;
  GtkListBox          *resolution_list;
  GtkButton           *resolve_button;
};

G_DEFINE_FINAL_TYPE (EnlaceCaseQuotesSection, enlace_case_quotes_section, GTK_TYPE_BOX)

static void
show_error (GtkWidget  *widget,
            const char *heading,
            GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                        heading, error ? error->message : NULL));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWindow *
parent_window (EnlaceCaseQuotesSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const EnlaceQuote *
find_quote (EnlaceCaseQuotesSection *self,
            gint64                   id)
{
  for (guint i = 0; self->quotes && i < self->quotes->len; i++)
    {
      const EnlaceQuote *q = g_ptr_array_index (self->quotes, i);

      if (q->id == id)
        return q;
    }
  return NULL;
}

/* ---- The quote dialog -------------------------------------------------- */

enum { F_VENDOR, F_ITEM, F_BRAND, F_MODEL, F_SPEC, F_PRICE, F_QUANTITY, F_CURRENCY,
       F_DELIVERY, F_WARRANTY, F_NOTES, N_FIELDS };

static const struct
{
  const char *name;     /* the member of the model's values */
  const char *label;
  gboolean    number;
} quote_fields[N_FIELDS] = {
  { "vendor", N_("Vendor"), FALSE },
  { "item", N_("Item"), FALSE },
  { "brand", N_("Brand"), FALSE },
  { "model", N_("Model"), FALSE },
  { "specification", N_("Specification"), FALSE },
  { "unit_price", N_("Unit price"), TRUE },
  { "quantity", N_("Quantity"), TRUE },
  { "currency", N_("Currency"), FALSE },
  { "delivery_days", N_("Delivery time (days)"), TRUE },
  { "warranty_months", N_("Warranty (months)"), TRUE },
  { "notes", N_("Notes"), FALSE },
};

typedef struct
{
  EnlaceCaseQuotesSection *self;
  gint64                   quote_id;
  AdwEntryRow             *rows[N_FIELDS];
  AdwComboRow             *meets_row;
} QuoteDialog;

static void
quote_dialog_free (gpointer  data,
                   GClosure *closure)
{
  QuoteDialog *d = data;

  g_object_unref (d->self);
  g_free (d);
}

/* The entry's text for the model: numbers without thousands separators. */
static char *
entry_value (AdwEntryRow *row,
             gboolean     number)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  GString *s;

  g_strstrip (text);
  if (!number)
    return g_steal_pointer (&text);
  s = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    if (*p != ',' && *p != ' ' && *p != '$')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
quote_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   QuoteDialog      *d)
{
  EnlaceCaseQuotesSection *self = d->self;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) error = NULL;
  guint meets;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL)
    return;
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *v = entry_value (d->rows[f], quote_fields[f].number);

      if (*v)
        json_object_set_string_member (values, quote_fields[f].name, v);
      else if (d->quote_id != 0)
        json_object_set_null_member (values, quote_fields[f].name);
    }
  meets = adw_combo_row_get_selected (d->meets_row);
  if (meets == 1 || meets == 2)
    json_object_set_boolean_member (values, "meets", meets == 1);
  else if (d->quote_id != 0)
    json_object_set_null_member (values, "meets");

  if (d->quote_id == 0)
    ok = enlace_opinion_quote_add (self->store, self->case_id, values, &error) != 0;
  else
    ok = enlace_opinion_quote_set (self->store, d->quote_id, values, &error);
  if (!ok)
    show_error (GTK_WIDGET (self), d->quote_id ? _("The quote was not changed") : _("The quote was not added"), error);
}

GtkWidget *
enlace_case_quotes_section_quote_dialog (EnlaceCaseQuotesSection *self,
                                         gint64                   quote_id)
{
  const EnlaceQuote *q = quote_id ? find_quote (self, quote_id) : NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkListBox *list;
  QuoteDialog *d;
  const char *meets_labels[] = { _("Not judged"), _("Yes"), _("No"), NULL };

  g_return_val_if_fail (ENLACE_IS_CASE_QUOTES_SECTION (self), NULL);
  g_return_val_if_fail (quote_id == 0 || q != NULL, NULL);

  heading = q ? g_strdup_printf (_("Quote %u of %s"), q->seq, self->folio)
              : g_strdup_printf (_("New quote for %s"), self->folio);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, NULL));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "save", q ? _("_Save") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  d = g_new0 (QuoteDialog, 1);
  d->self = g_object_ref (self);
  d->quote_id = quote_id;
  list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *value = NULL;

      d->rows[f] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->rows[f]), _(quote_fields[f].label));
      gtk_widget_set_name (GTK_WIDGET (d->rows[f]), quote_fields[f].name);
      if (q != NULL)
        switch (f)
          {
          case F_VENDOR: value = g_strdup (q->vendor); break;
          case F_ITEM: value = g_strdup (q->item); break;
          case F_BRAND: value = g_strdup (q->brand); break;
          case F_MODEL: value = g_strdup (q->model); break;
          case F_SPEC: value = g_strdup (q->specification); break;
          case F_PRICE: value = g_strdup_printf ("%.2f", q->unit_price); break;
          case F_QUANTITY: value = g_strdup_printf ("%d", q->quantity); break;
          case F_CURRENCY: value = g_strdup (q->currency); break;
          case F_DELIVERY: value = q->delivery_days >= 0 ? g_strdup_printf ("%d", q->delivery_days) : NULL; break;
          case F_WARRANTY: value = q->warranty_months >= 0 ? g_strdup_printf ("%d", q->warranty_months) : NULL; break;
          case F_NOTES: value = g_strdup (q->notes); break;
          default: break;
          }
      else if (f == F_QUANTITY)
        value = g_strdup ("1");
      else if (f == F_CURRENCY)
        value = g_strdup ("MXN");
      gtk_editable_set_text (GTK_EDITABLE (d->rows[f]), value ? value : "");
      gtk_list_box_append (list, GTK_WIDGET (d->rows[f]));
    }
  d->meets_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (d->meets_row), "meets");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->meets_row), _("Meets the requirements"));
  {
    g_autoptr(GtkStringList) meets_model = gtk_string_list_new (meets_labels);

    adw_combo_row_set_model (d->meets_row, G_LIST_MODEL (meets_model));
  }
  adw_combo_row_set_selected (d->meets_row, q == NULL || q->meets < 0 ? 0 : q->meets ? 1 : 2);
  gtk_list_box_append (list, GTK_WIDGET (d->meets_row));

  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
    gtk_widget_set_size_request (scroller, 380, -1);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (list));
    adw_message_dialog_set_extra_child (dialog, scroller);
  }
  g_signal_connect_data (dialog, "response", G_CALLBACK (quote_response_cb), d,
                         quote_dialog_free, 0);
  return GTK_WIDGET (dialog);
}

static void
add_clicked_cb (EnlaceCaseQuotesSection *self)
{
  gtk_window_present (GTK_WINDOW (enlace_case_quotes_section_quote_dialog (self, 0)));
}

static void
edit_clicked_cb (GtkButton               *button,
                 EnlaceCaseQuotesSection *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "quote-id"));
  GtkWidget *dialog = enlace_case_quotes_section_quote_dialog (self, id);

  if (dialog)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_response_cb (AdwMessageDialog        *dialog,
                    const char              *response,
                    EnlaceCaseQuotesSection *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "quote-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->store == NULL)
    return;
  if (!enlace_opinion_quote_remove (self->store, id, &error))
    show_error (GTK_WIDGET (self), _("The quote was not removed"), error);
}

static void
remove_clicked_cb (GtkButton               *button,
                   EnlaceCaseQuotesSection *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "quote-id"));
  const EnlaceQuote *q = find_quote (self, id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (q == NULL)
    return;
  heading = g_strdup_printf (_("Remove quote %u (%s)?"), q->seq, q->vendor);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                       _("The quote leaves the comparison. Undo brings it back.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "quote-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The resolution dialog --------------------------------------------- */

typedef struct
{
  EnlaceCaseQuotesSection *self;
  AdwComboRow             *verdict_row;
  AdwComboRow             *quote_row;
  GtkTextView             *reasons;
  GArray                  *quote_ids;   /* position in quote_row → id (0: none) */
} ResolveDialog;

static void
resolve_dialog_free (gpointer  data,
                     GClosure *closure)
{
  ResolveDialog *d = data;

  g_object_unref (d->self);
  g_array_unref (d->quote_ids);
  g_free (d);
}

static const EnlaceOpinionResult verdicts[] = {
  ENLACE_OPINION_FAVOURABLE, ENLACE_OPINION_CONDITIONAL, ENLACE_OPINION_UNFAVOURABLE,
};

static void
resolve_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ResolveDialog    *d)
{
  EnlaceCaseQuotesSection *self = d->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *reasons = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint v = adw_combo_row_get_selected (d->verdict_row);
  guint qi = adw_combo_row_get_selected (d->quote_row);

  if (g_strcmp0 (response, "resolve") != 0 || self->store == NULL)
    return;
  buffer = gtk_text_view_get_buffer (d->reasons);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  reasons = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (reasons);
  if (v >= G_N_ELEMENTS (verdicts))
    v = 0;
  if (!enlace_opinion_resolve (self->store, self->case_id, verdicts[v], reasons,
                               qi < d->quote_ids->len ? g_array_index (d->quote_ids, gint64, qi) : 0,
                               &error))
    show_error (GTK_WIDGET (self), _("The opinion was not resolved"), error);
}

GtkWidget *
enlace_case_quotes_section_resolve_dialog (EnlaceCaseQuotesSection *self)
{
  g_autoptr(GtkStringList) verdict_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) quote_model = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  ResolveDialog *d;
  GtkListBox *list;
  GtkWidget *frame, *box, *label;
  guint selected = 0;
  gint64 none = 0;

  g_return_val_if_fail (ENLACE_IS_CASE_QUOTES_SECTION (self), NULL);

  heading = g_strdup_printf (_("Resolve the opinion %s"), self->folio);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                       _("The verdict, its reasons and the quote the department recommends. A favourable opinion recommends a quote.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "resolve", _("_Resolve"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "resolve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");

  d = g_new0 (ResolveDialog, 1);
  d->self = g_object_ref (self);
  d->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    {
      gtk_string_list_append (verdict_model, enlace_opinion_result_label (verdicts[i]));
      if (self->opinion && self->opinion->result == verdicts[i])
        selected = i;
    }
  d->verdict_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (d->verdict_row), "verdict");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->verdict_row), _("Verdict"));
  adw_combo_row_set_model (d->verdict_row, G_LIST_MODEL (verdict_model));
  adw_combo_row_set_selected (d->verdict_row, selected);

  gtk_string_list_append (quote_model, _("None"));
  g_array_append_val (d->quote_ids, none);
  selected = 0;
  for (guint i = 0; self->quotes && i < self->quotes->len; i++)
    {
      const EnlaceQuote *q = g_ptr_array_index (self->quotes, i);
      g_autofree char *total = enlace_opinion_format_money (enlace_quote_total (q), q->currency);
      g_autofree char *text = g_strdup_printf ("%u. %s — %s", q->seq, q->vendor, total);

      gtk_string_list_append (quote_model, text);
      g_array_append_val (d->quote_ids, q->id);
      if (self->opinion && self->opinion->quote_id == q->id)
        selected = i + 1;
    }
  d->quote_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (d->quote_row), "recommended");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->quote_row), _("Recommended quote"));
  adw_combo_row_set_model (d->quote_row, G_LIST_MODEL (quote_model));
  adw_combo_row_set_selected (d->quote_row, selected);

  list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  gtk_list_box_append (list, GTK_WIDGET (d->verdict_row));
  gtk_list_box_append (list, GTK_WIDGET (d->quote_row));

  d->reasons = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_widget_set_name (GTK_WIDGET (d->reasons), "reasons");
  gtk_text_view_set_wrap_mode (d->reasons, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (d->reasons, 6);
  gtk_text_view_set_bottom_margin (d->reasons, 6);
  gtk_text_view_set_left_margin (d->reasons, 6);
  gtk_text_view_set_right_margin (d->reasons, 6);
  gtk_widget_set_size_request (GTK_WIDGET (d->reasons), -1, 96);
  if (self->opinion && self->opinion->reasons)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (d->reasons), self->opinion->reasons, -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (d->reasons));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 380, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list));
  label = gtk_label_new (_("Reasons"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect_data (dialog, "response", G_CALLBACK (resolve_response_cb), d,
                         resolve_dialog_free, 0);
  return GTK_WIDGET (dialog);
}

static void
resolve_clicked_cb (EnlaceCaseQuotesSection *self)
{
  gtk_window_present (GTK_WINDOW (enlace_case_quotes_section_resolve_dialog (self)));
}

/* ---- Filling ----------------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (b, tooltip);
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (b, "flat");
  return b;
}

static GtkWidget *
quote_row (EnlaceCaseQuotesSection *self,
           const EnlaceQuote       *q)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%u. %s — %s", q->seq, q->vendor, q->item);
  g_autofree char *unit = enlace_opinion_format_money (q->unit_price, q->currency);
  g_autofree char *total = enlace_opinion_format_money (enlace_quote_total (q), q->currency);
  g_autofree char *what = g_strdup_printf ("%s %s", q->brand ? q->brand : "", q->model ? q->model : "");
  g_autoptr(GString) sub = g_string_new (NULL);

  g_strstrip (what);
  if (*what)
    g_string_append (sub, what);
  if (q->specification && *q->specification)
    g_string_append_printf (sub, "%s%s", sub->len ? " · " : "", q->specification);
  g_string_append_printf (sub, "%s%d × %s = %s", sub->len ? "\n" : "", q->quantity, unit, total);
  if (q->delivery_days >= 0)
    {
      g_string_append (sub, " · ");
      g_string_append_printf (sub, g_dngettext (GETTEXT_PACKAGE, "delivery in %d day", "delivery in %d days", q->delivery_days),
                              q->delivery_days);
    }
  if (q->warranty_months >= 0)
    {
      g_string_append (sub, " · ");
      g_string_append_printf (sub, g_dngettext (GETTEXT_PACKAGE, "warranty of %d month", "warranty of %d months", q->warranty_months),
                              q->warranty_months);
    }
  if (q->meets >= 0)
    g_string_append_printf (sub, " · %s", q->meets ? _("meets the requirements") : _("does not meet the requirements"));
  if (q->notes && *q->notes)
    g_string_append_printf (sub, "\n%s", q->notes);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (self->opinion && self->opinion->quote_id == q->id)
    {
      GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");

      gtk_widget_set_tooltip_text (star, _("Recommended quote"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), star);
    }
  if (self->editable)
    {
      GtkWidget *edit = icon_button ("document-edit-symbolic", _("Edit the quote"));
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove the quote"));

      g_object_set_data (G_OBJECT (edit), "quote-id", GSIZE_TO_POINTER ((gsize) q->id));
      g_object_set_data (G_OBJECT (remove), "quote-id", GSIZE_TO_POINTER ((gsize) q->id));
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  return row;
}

static void
fill_comparison (EnlaceCaseQuotesSection *self,
                 const EnlaceCase        *c)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *child;
  gint64 recommended = self->opinion ? self->opinion->quote_id : 0;
  int recommended_col = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_grid))) != NULL)
    gtk_grid_remove (self->compare_grid, child);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_group), self->quotes->len > 0);
  if (self->quotes->len == 0)
    return;

  for (guint i = 0; i < self->quotes->len; i++)
    if (((EnlaceQuote *) g_ptr_array_index (self->quotes, i))->id == recommended)
      recommended_col = (int) i + 2;
  rows = enlace_opinion_requirements_comparison (c, self->quotes, 0, self->quotes->len, recommended);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint col = 0; cells[col]; col++)
        {
          GtkWidget *label = gtk_label_new (cells[col]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_yalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_max_width_chars (GTK_LABEL (label), col == 0 ? 18 : 26);
          gtk_label_set_selectable (GTK_LABEL (label), FALSE);
          gtk_widget_set_margin_start (label, 8);
          gtk_widget_set_margin_end (label, 8);
          gtk_widget_set_margin_top (label, 4);
          gtk_widget_set_margin_bottom (label, 4);
          if (r == 0 || col == 0)
            gtk_widget_add_css_class (label, "heading");
          if (col == 1)
            gtk_widget_add_css_class (label, "dim-label");
          if ((int) col == recommended_col)
            gtk_widget_add_css_class (label, "accent");
          gtk_grid_attach (self->compare_grid, label, (int) col, (int) r, 1, 1);
        }
    }
}

static void
add_info (GtkListBox *list,
          const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
}

static void
fill_resolution (EnlaceCaseQuotesSection *self)
{
  const EnlaceOpinion *o = self->opinion;

  clear_list (self->resolution_list);
  gtk_button_set_label (self->resolve_button,
                        o && o->result != ENLACE_OPINION_NONE ? _("Change…") : _("Resolve…"));
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_button), self->editable);
  if (o == NULL || o->result == ENLACE_OPINION_NONE)
    {
      add_info (self->resolution_list, _("Verdict"), _("Not resolved yet"));
      return;
    }
  add_info (self->resolution_list, _("Verdict"), enlace_opinion_result_label (o->result));
  if (o->reasons)
    add_info (self->resolution_list, _("Reasons"), o->reasons);
  if (o->quote_id > 0)
    {
      const EnlaceQuote *q = find_quote (self, o->quote_id);

      if (q != NULL)
        {
          g_autofree char *total = enlace_opinion_format_money (enlace_quote_total (q), q->currency);
          g_autofree char *text = g_strdup_printf ("%u. %s — %s, %s", q->seq, q->vendor, q->item, total);

          add_info (self->resolution_list, _("Recommended quote"), text);
        }
    }
  if (o->resolved_at)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (o->resolved_at, NULL);
      g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
      g_autofree char *when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (o->resolved_at);
      g_autofree char *text = o->resolved_by && *o->resolved_by
        ? g_strdup_printf ("%s · %s", o->resolved_by, when) : g_strdup (when);

      add_info (self->resolution_list, _("Resolved"), text);
    }
}

void
enlace_case_quotes_section_set_case (EnlaceCaseQuotesSection *self,
                                     EnlaceStore             *store,
                                     const EnlaceCase        *c)
{
  g_autoptr(GError) error = NULL;
  gboolean opinion;

  g_return_if_fail (ENLACE_IS_CASE_QUOTES_SECTION (self));

  opinion = store != NULL && c != NULL && c->row != NULL && c->procedure != NULL &&
            g_strcmp0 (c->procedure->kind, "opinion") == 0;
  if (opinion)
    g_set_object (&self->store, store);
  else
    g_clear_object (&self->store);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->opinion, enlace_opinion_free);
  g_clear_pointer (&self->folio, g_free);
  clear_list (self->quotes_list);
  gtk_widget_set_visible (GTK_WIDGET (self), opinion);
  if (!opinion)
    return;

  self->case_id = c->row->id;
  self->folio = g_strdup (c->row->folio);
  self->editable = c->row->status != ENLACE_CASE_CLOSED && c->row->status != ENLACE_CASE_CANCELLED;
  self->quotes = enlace_opinion_quotes (store, self->case_id, &error);
  if (self->quotes != NULL)
    self->opinion = enlace_opinion_get (store, self->case_id, &error);
  if (self->quotes == NULL || self->opinion == NULL)
    {
      g_warning ("%s: %s", self->folio, error ? error->message : "?");
      if (self->quotes == NULL)
        self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_quote_free);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), self->editable);
  if (self->quotes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No quotes yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add the vendors' quotes to compare them against the request."));
      gtk_list_box_append (self->quotes_list, row);
    }
  for (guint i = 0; i < self->quotes->len; i++)
    gtk_list_box_append (self->quotes_list, quote_row (self, g_ptr_array_index (self->quotes, i)));
  fill_comparison (self, c);
  fill_resolution (self);
}

guint
enlace_case_quotes_section_get_n_quotes (EnlaceCaseQuotesSection *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_QUOTES_SECTION (self), 0);
  return self->quotes ? self->quotes->len : 0;
}

GtkGrid *
enlace_case_quotes_section_get_comparison (EnlaceCaseQuotesSection *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_QUOTES_SECTION (self), NULL);
  return self->compare_grid;
}

/* ---- Class ------------------------------------------------------------- */

static GtkWidget *
group_with_list (const char          *title,
                 const char          *description,
                 AdwPreferencesGroup **group,
                 GtkListBox          **list)
{
  *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (*group, title);
  if (description)
    adw_preferences_group_set_description (*group, description);
  if (list)
    {
      *list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (*list, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (*list), "boxed-list");
      adw_preferences_group_add (*group, GTK_WIDGET (*list));
    }
  return GTK_WIDGET (*group);
}

static void
enlace_case_quotes_section_dispose (GObject *object)
{
  EnlaceCaseQuotesSection *self = ENLACE_CASE_QUOTES_SECTION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->opinion, enlace_opinion_free);
  g_clear_pointer (&self->folio, g_free);
  G_OBJECT_CLASS (enlace_case_quotes_section_parent_class)->dispose (object);
}

static void
enlace_case_quotes_section_class_init (EnlaceCaseQuotesSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = enlace_case_quotes_section_dispose;
}

static void
enlace_case_quotes_section_init (EnlaceCaseQuotesSection *self)
{
  GtkWidget *frame;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  gtk_box_append (GTK_BOX (self),
                  group_with_list (_("Quotes"), _("The vendors' quotes for the equipment requested."),
                                   &self->quotes_group, &self->quotes_list));
  self->add_button = GTK_BUTTON (gtk_button_new_from_icon_name ("list-add-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _("Add a quote"));
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "flat");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->quotes_group, GTK_WIDGET (self->add_button));

  gtk_box_append (GTK_BOX (self),
                  group_with_list (_("Comparison against the requirements"),
                                   _("What the request asks for, side by side with each quote."),
                                   &self->compare_group, NULL));
  self->compare_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->compare_grid, 2);
  gtk_grid_set_column_spacing (self->compare_grid, 4);
  gtk_widget_set_margin_top (GTK_WIDGET (self->compare_grid), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->compare_grid), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (self->compare_grid), 4);
  gtk_widget_set_margin_end (GTK_WIDGET (self->compare_grid), 4);
  self->compare_scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->compare_scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (self->compare_scroller, TRUE);
  gtk_scrolled_window_set_child (self->compare_scroller, GTK_WIDGET (self->compare_grid));
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->compare_scroller));
  adw_preferences_group_add (self->compare_group, frame);

  gtk_box_append (GTK_BOX (self),
                  group_with_list (_("Resolution"), NULL, &self->resolution_group, &self->resolution_list));
  self->resolve_button = GTK_BUTTON (gtk_button_new_with_label (_("Resolve…")));
  gtk_widget_add_css_class (GTK_WIDGET (self->resolve_button), "flat");
  g_signal_connect_swapped (self->resolve_button, "clicked", G_CALLBACK (resolve_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->resolution_group, GTK_WIDGET (self->resolve_button));
}

GtkWidget *
enlace_case_quotes_section_new (void)
{
  return g_object_new (ENLACE_TYPE_CASE_QUOTES_SECTION, NULL);
}
