/* enlace-case-fault-section.c: a fault report's physical check and common
 * cause, on its case page */
#define G_LOG_DOMAIN "enlace-case-fault-section"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "enlace-case-fault-section.h"
#include "enlace-fault-check.h"
#include "enlace-faults.h"
#include "enlace-render-trace.h"
#include "enlace-trace-paths.h"

struct _EnlaceCaseFaultSection
{
  GtkBox               parent_instance;

  EnlaceStore         *store;
  gint64               case_id;
  GPtrArray           *drawings;      /* of EnlaceTraceDrawing*, kept for the drawing areas */
  GPtrArray           *causes;        /* of EnlaceFaultCause* */
  GString             *check_text;

  AdwPreferencesGroup *check_group;
  GtkListBox          *check_list;
  AdwPreferencesGroup *cause_group;
  GtkListBox          *cause_list;
  GtkButton           *trace_button;
};

G_DEFINE_FINAL_TYPE (EnlaceCaseFaultSection, enlace_case_fault_section, GTK_TYPE_BOX)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
show_object (GtkWidget  *widget,
             const char *kind,
             gint64      id)
{
  gtk_widget_activate_action (widget, "win.show-object", "(sx)", kind, id);
}

static void
object_row_activated_cb (AdwActionRow *row)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  if (kind && id)
    show_object (GTK_WIDGET (row), kind, *id);
}

static void
set_target (GtkWidget  *row,
            const char *kind,
            gint64      id)
{
  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (kind), g_free);
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&id, sizeof id), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (object_row_activated_cb), NULL);
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
drawing_row (EnlaceCaseFaultSection *self,
             const char             *title,
             GPtrArray              *paths)
{
  EnlaceTraceDrawing *drawing;
  GtkWidget *area, *scroll, *row;
  double w = 0, h = 0;

  if (!(drawing = enlace_trace_drawing_new (self->store, title, paths, NULL)))
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
  gtk_widget_set_margin_top (scroll, 12);
  gtk_widget_set_margin_start (scroll, 12);
  gtk_widget_set_margin_end (scroll, 12);
  gtk_widget_set_margin_bottom (scroll, 12);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), scroll);
  return row;
}

static const char *
hop_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "port") == 0)
    return _("Port");
  if (g_strcmp0 (kind, "cable") == 0)
    return _("Cable");
  if (g_strcmp0 (kind, "circuit-termination") == 0)
    return _("Circuit termination");
  if (g_strcmp0 (kind, "space") == 0)
    return _("Space");
  return _("Not complete");
}

static GtkWidget *
status_badge (EnlaceHopStatus status)
{
  GtkWidget *label = gtk_label_new (enlace_hop_status_label (status));

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  switch (status)
    {
    case ENLACE_HOP_CONNECTED:
      gtk_widget_add_css_class (label, "success");
      break;
    case ENLACE_HOP_PLANNED:
      gtk_widget_add_css_class (label, "warning");
      break;
    case ENLACE_HOP_DECOMMISSIONED:
    case ENLACE_HOP_MISSING:
    default:
      gtk_widget_add_css_class (label, "error");
      break;
    }
  return label;
}

static void
load_check (EnlaceCaseFaultSection *self,
            EnlaceTracer           *tracer)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  const char *lkind = NULL;
  gint64 lid = 0;
  guint problems = 0;

  clear_list (self->check_list);
  g_string_truncate (self->check_text, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->trace_button), FALSE);
  if (!enlace_fault_get_location (self->store, self->case_id, &lkind, &lid))
    {
      adw_preferences_group_set_description (self->check_group,
                                             _("The report does not say where the user is: link the outlet, "
                                               "port or extension to see its traced path."));
      gtk_widget_set_visible (GTK_WIDGET (self->check_list), FALSE);
      return;
    }
  g_object_set_data_full (G_OBJECT (self->trace_button), "kind",
                          g_strdup_printf ("trace/%s", g_strcmp0 (lkind, "outlet") == 0 ? "device" : lkind), g_free);
  g_object_set_data_full (G_OBJECT (self->trace_button), "id", g_memdup2 (&lid, sizeof lid), g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->trace_button), TRUE);

  paths = enlace_fault_trace (tracer, self->case_id, &title, &error);
  if (paths == NULL || paths->len == 0)
    {
      adw_preferences_group_set_description (self->check_group,
                                             error ? error->message
                                                   : _("No cable reaches where the user is: nothing is recorded there."));
      gtk_widget_set_visible (GTK_WIDGET (self->check_list), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->check_list), TRUE);
  {
    GtkWidget *row = drawing_row (self, title, paths);

    if (row)
      gtk_list_box_append (self->check_list, row);
  }
  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(GPtrArray) hops = enlace_fault_check_hops (tracer, g_ptr_array_index (paths, p));
      guint path_problems = enlace_fault_check_n_problems (hops);
      g_autofree char *path_title = g_strdup_printf (_("Path %u of %u, hop by hop"), p + 1, paths->len);
      g_autofree char *path_subtitle = NULL;
      GtkWidget *expander = adw_expander_row_new ();

      problems += path_problems;
      if (path_problems > 0)
        path_subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hop of %u is not complete",
                                                      "%u hops of %u are not complete", path_problems),
                                         path_problems, hops->len);
      else
        path_subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hop, connected",
                                                      "%u hops, all connected", hops->len),
                                         hops->len);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), path_title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), path_subtitle);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander),
                                   gtk_image_new_from_icon_name (path_problems ? "dialog-warning-symbolic"
                                                                               : "emblem-ok-symbolic"));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), path_problems > 0);
      gtk_list_box_append (self->check_list, expander);
      if (p > 0)
        g_string_append_c (self->check_text, '\n');
      for (guint i = 0; i < hops->len; i++)
        {
          EnlaceFaultHop *hop = g_ptr_array_index (hops, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *subtitle = NULL;

          if (paths->len > 1)
            /* TRANSLATORS: "Cable · path 2, hop 3" */
            subtitle = g_strdup_printf (_("%s · path %u, hop %u"), hop_kind_label (hop->kind), p + 1, hop->hop + 1);
          else
            /* TRANSLATORS: "Cable · hop 3" */
            subtitle = g_strdup_printf (_("%s · hop %u"), hop_kind_label (hop->kind), hop->hop + 1);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hop->key ? hop->key : "?");
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_badge (hop->status));
          if (hop->kind)
            set_target (row, hop->kind, hop->id);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          g_string_append_printf (self->check_text, "%s\t%s\n", hop->key ? hop->key : "?",
                                  enlace_hop_status_to_string (hop->status));
        }
    }
  summary = enlace_paths_dup_summary (paths);
  if (problems > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s. %u hop is not complete.",
                                                            "%s. %u hops are not complete.", problems),
                                               summary, problems);
      adw_preferences_group_set_description (self->check_group, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("%s. Every hop is connected."), summary);
      adw_preferences_group_set_description (self->check_group, text);
    }
}

static void
resolve_clicked_cb (GtkButton              *button,
                    EnlaceCaseFaultSection *self)
{
  enlace_case_fault_section_open_resolve (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static const char *
cause_page_kind (const char *kind)
{
  return kind;
}

static void
load_causes (EnlaceCaseFaultSection *self,
             EnlaceTracer           *tracer,
             gboolean                open)
{
  g_autoptr(GError) error = NULL;

  clear_list (self->cause_list);
  g_clear_pointer (&self->causes, g_ptr_array_unref);
  self->causes = enlace_faults_common_causes (tracer, self->case_id, &error);
  if (self->causes == NULL)
    {
      self->causes = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_fault_cause_free);
      adw_preferences_group_set_description (self->cause_group, error->message);
    }
  else if (self->causes->len == 0)
    adw_preferences_group_set_description (self->cause_group,
                                           _("No other open fault report shares a hop with this one."));
  else
    adw_preferences_group_set_description (self->cause_group,
                                           _("Objects this report's path shares with other open fault reports, "
                                             "the one with the most open reports first."));
  gtk_widget_set_visible (GTK_WIDGET (self->cause_list), self->causes->len > 0);

  for (guint i = 0; i < self->causes->len; i++)
    {
      EnlaceFaultCause *cause = g_ptr_array_index (self->causes, i);
      g_autofree char *text = enlace_fault_cause_dup_text (cause);
      g_autofree char *open_text = NULL;
      GtkWidget *expander, *row, *resolve;

      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander),
                                   gtk_image_new_from_icon_name (i == 0 ? "dialog-warning-symbolic"
                                                                        : "emblem-shared-symbolic"));
      resolve = gtk_button_new_with_label (_("Resolve with them…"));
      gtk_widget_set_valign (resolve, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (resolve, _("Resolve this report and the ones that hang on the same cause"));
      gtk_widget_set_sensitive (resolve, open);
      g_object_set_data (G_OBJECT (resolve), "index", GUINT_TO_POINTER (i));
      g_signal_connect (resolve, "clicked", G_CALLBACK (resolve_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), resolve);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), i == 0);

      row = adw_action_row_new ();
      open_text = g_strdup_printf (_("Open %s"), cause->key ? cause->key : "?");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), open_text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("network-wired-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      set_target (row, cause_page_kind (cause->kind), cause->id);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      for (guint c = 0; c < cause->case_ids->len; c++)
        {
          gint64 other = g_array_index (cause->case_ids, gint64, c);
          g_autoptr(EnlaceCaseRow) crow = NULL;

          if (other == self->case_id || !(crow = enlace_cases_get_row (self->store, other, NULL)))
            continue;
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crow->folio);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), crow->summary ? crow->summary : crow->procedure_name);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("folder-documents-symbolic"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          set_target (row, "case", other);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      gtk_list_box_append (self->cause_list, expander);
    }
}

void
enlace_case_fault_section_load (EnlaceCaseFaultSection *self,
                                EnlaceStore            *store,
                                const EnlaceCase       *kase)
{
  EnlaceTracer *tracer;
  gboolean open;

  g_return_if_fail (ENLACE_IS_CASE_FAULT_SECTION (self));

  g_ptr_array_set_size (self->drawings, 0);
  if (store == NULL || kase == NULL || g_strcmp0 (kase->procedure->kind, "fault") != 0)
    {
      clear_list (self->check_list);
      clear_list (self->cause_list);
      g_clear_pointer (&self->causes, g_ptr_array_unref);
      g_string_truncate (self->check_text, 0);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  g_set_object (&self->store, store);
  self->case_id = kase->row->id;
  open = kase->row->status == ENLACE_CASE_NEW || kase->row->status == ENLACE_CASE_IN_PROGRESS ||
         kase->row->status == ENLACE_CASE_WAITING;
  tracer = enlace_tracer_get_for_store (store);
  load_check (self, tracer);
  load_causes (self, tracer, open);
}

char *
enlace_case_fault_section_dup_check_text (EnlaceCaseFaultSection *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_FAULT_SECTION (self), NULL);

  return g_strdup (self->check_text->str);
}

GPtrArray *
enlace_case_fault_section_get_causes (EnlaceCaseFaultSection *self)
{
  g_return_val_if_fail (ENLACE_IS_CASE_FAULT_SECTION (self), NULL);

  return self->causes;
}

const char *
enlace_case_fault_section_get_cause_title (EnlaceCaseFaultSection *self,
                                           guint                   index)
{
  GtkWidget *row;
  guint n = 0;

  g_return_val_if_fail (ENLACE_IS_CASE_FAULT_SECTION (self), NULL);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->cause_list)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row) && n++ == index)
      return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  return NULL;
}

EnlaceFaultResolveDialog *
enlace_case_fault_section_open_resolve (EnlaceCaseFaultSection *self,
                                        guint                   index)
{
  EnlaceFaultResolveDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (ENLACE_IS_CASE_FAULT_SECTION (self), NULL);

  if (self->causes == NULL || index >= self->causes->len)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = enlace_fault_resolve_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                            self->case_id, g_ptr_array_index (self->causes, index));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
trace_clicked_cb (GtkButton              *button,
                  EnlaceCaseFaultSection *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "kind");
  gint64 *id = g_object_get_data (G_OBJECT (button), "id");

  if (kind && id)
    show_object (GTK_WIDGET (button), kind, *id);
}

static void
enlace_case_fault_section_dispose (GObject *object)
{
  EnlaceCaseFaultSection *self = ENLACE_CASE_FAULT_SECTION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->drawings, g_ptr_array_unref);
  g_clear_pointer (&self->causes, g_ptr_array_unref);
  if (self->check_text)
    g_string_free (g_steal_pointer (&self->check_text), TRUE);

  G_OBJECT_CLASS (enlace_case_fault_section_parent_class)->dispose (object);
}

static void
enlace_case_fault_section_class_init (EnlaceCaseFaultSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enlace_case_fault_section_dispose;
}

static GtkListBox *
boxed_list (void)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  return list;
}

static void
enlace_case_fault_section_init (EnlaceCaseFaultSection *self)
{
  self->drawings = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_trace_drawing_unref);
  self->check_text = g_string_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);

  self->check_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->check_group, _("Physical Check of the Connection"));
  self->trace_button = GTK_BUTTON (gtk_button_new_with_label (_("Open the trace")));
  gtk_widget_add_css_class (GTK_WIDGET (self->trace_button), "flat");
  g_signal_connect (self->trace_button, "clicked", G_CALLBACK (trace_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->check_group, GTK_WIDGET (self->trace_button));
  self->check_list = boxed_list ();
  adw_preferences_group_add (self->check_group, GTK_WIDGET (self->check_list));

  /* the common cause first: short, and what to act on */
  self->cause_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->cause_group, _("Common Cause"));
  self->cause_list = boxed_list ();
  adw_preferences_group_add (self->cause_group, GTK_WIDGET (self->cause_list));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->cause_group));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->check_group));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
enlace_case_fault_section_new (void)
{
  return g_object_new (ENLACE_TYPE_CASE_FAULT_SECTION, NULL);
}
