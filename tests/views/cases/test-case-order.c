/* test-case-order.c: the "Changes" section of a modification order's case
 * page in the window (views/cases) under Xvfb: the change set listed, a
 * change added through the dialog and removed with its row's button, the
 * preview of the diff and the impact, the refusal to execute naming the
 * conflict, and the execution. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-application.h"
#include "enlace-case-order.h"
#include "enlace-cases.h"
#include "enlace-demo.h"
#include "enlace-orders.h"
#include "enlace-test-fixture.h"
#include "enlace-test-gtk.h"
#include "enlace-window-private.h"

static EnlaceApplication *app;

/* The first AdwPreferencesGroup titled @title under @w. */
static GtkWidget *
find_group (GtkWidget  *w,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (w) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)), title) == 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_group (c, title);

      if (found)
        return found;
    }
  return NULL;
}

static void
collect (GtkWidget *w,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_mapped (w))
    g_ptr_array_add (out, w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static guint
n_rows (GtkWidget *group)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (group, ADW_TYPE_ACTION_ROW, rows);
  return rows->len;
}

static GtkWidget *
button_with_tooltip (GtkWidget  *group,
                     const char *tooltip)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  /* the last one: the newest change's */
  collect (group, GTK_TYPE_BUTTON, buttons);
  for (guint i = buttons->len; i > 0; i--)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i - 1)), tooltip) == 0)
      return g_ptr_array_index (buttons, i - 1);
  return NULL;
}

static gboolean
any_label_contains (GtkWidget  *w,
                    const char *text)
{
  if (GTK_IS_LABEL (w) && strstr (gtk_label_get_label (GTK_LABEL (w)), text))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    if (any_label_contains (c, text))
      return TRUE;
  return FALSE;
}

static guint
n_changes (EnlaceStore *store,
           gint64       case_id)
{
  g_autoptr(GPtrArray) changes = enlace_order_changes (store, case_id, NULL);

  return changes->len;
}

static void
add (EnlaceStore *store,
     gint64       case_id,
     const char  *kind,
     const char  *target,
     const char  *a,
     const char  *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();

  if (a)
    json_object_set_string_member (v, "a", a);
  if (b)
    json_object_set_string_member (v, "b", b);
  g_assert_cmpint (enlace_order_add_change (store, case_id, kind, target, v, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_order_section (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(JsonObject) values = json_object_new ();
  EnlaceWindow *window;
  GtkWidget *group, *dialog, *button;
  gint64 case_id;

  g_assert_no_error (error);
  enlace_store_set_user (store, "tester");
  g_assert_true (enlace_demo_populate (store, &error));
  json_object_set_string_member (values, "summary", "Re-parcheo del nodo R-0A-010");
  case_id = enlace_case_open (store, "red-modificacion", values, &error);
  g_assert_no_error (error);
  add (store, case_id, "disconnect", "PC-R-0A-A10", NULL, NULL);
  add (store, case_id, "connect", "PC-R-0A-C10", "R-0A-PPA:10", "R-P0-SW1:Gi1/0/40");

  window = enlace_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  enlace_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  enlace_test_spin (100);
  enlace_window_show_object (window, "case", case_id);
  enlace_test_spin (100);

  group = find_group (GTK_WIDGET (window), _("Changes"));
  g_assert_nonnull (group);
  g_assert_cmpuint (n_rows (group), ==, 2);
  g_assert_true (any_label_contains (group, "R-0A-PPA:10 ↔ R-P0-SW1:Gi1/0/9 → —"));
  /* for people to look at: BUILD_DIR/screenshots/case-order-section.png */
  {
    GtkWidget *sw = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t bounds;

    g_assert_nonnull (sw);
    g_assert_true (gtk_widget_compute_bounds (group, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (sw)), &bounds));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw)), bounds.origin.y - 12);
    enlace_test_spin (50);
    enlace_test_screenshot (GTK_WIDGET (window), "case-order-section.png");
  }

  /* a change through the dialog; the section follows the store */
  dialog = enlace_case_order_show_add_dialog (GTK_WINDOW (window), store, case_id);
  enlace_test_spin (50);
  enlace_test_screenshot (dialog, "case-order-add.png");
  g_assert_true (enlace_case_order_add_dialog_submit (dialog, "move-device", "A-0A-002", "x", "4", "y", "5", NULL));
  enlace_test_spin (50);
  g_assert_cmpuint (n_changes (store, case_id), ==, 3);
  group = find_group (GTK_WIDGET (window), _("Changes"));
  g_assert_cmpuint (n_rows (group), ==, 3);
  /* a refused change shows why and adds nothing */
  dialog = enlace_case_order_show_add_dialog (GTK_WINDOW (window), store, case_id);
  g_assert_false (enlace_case_order_add_dialog_submit (dialog, "remove-device", "NO-EXISTE", NULL));
  enlace_test_spin (20);
  g_assert_cmpuint (n_changes (store, case_id), ==, 3);

  /* the row's button takes it out again */
  g_assert_true (any_label_contains (group, "Move device A-0A-002"));
  button = button_with_tooltip (group, _("Remove the change from the order"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  enlace_test_spin (50);
  g_assert_cmpuint (n_changes (store, case_id), ==, 2);
  group = find_group (GTK_WIDGET (window), _("Changes"));
  g_assert_false (any_label_contains (group, "Move device A-0A-002"));

  /* the preview: the diff and the impact */
  dialog = enlace_case_order_show_preview (GTK_WINDOW (window), store, case_id);
  enlace_test_spin (20);
  g_assert_true (any_label_contains (dialog, "R-P0-SW1:Gi1/0/9"));
  /* the cord comes off and its panel port is connected again: a re-patch,
   * so the outlet's path changes and nothing breaks */
  g_assert_true (any_label_contains (dialog, "Paths that break: 0"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* the plant changes under the order: refused, naming the conflict */
  {
    g_autoptr(JsonObject) cable = json_object_new ();
    EnlaceTerm a, b;

    g_assert_true (enlace_store_lookup_term (store, "R-P0-SW1:Gi1/0/40", &a, NULL));
    g_assert_true (enlace_store_lookup_term (store, "R-P0-SW1:Gi1/0/41", &b, NULL));
    json_object_set_string_member (cable, "label", "C-Y");
    g_assert_cmpint (enlace_store_connect (store, &a, 1, &b, 1, cable, &error), >, 0);
    g_assert_no_error (error);
  }
  enlace_test_spin (50);
  dialog = enlace_case_order_execute (GTK_WINDOW (window), store, case_id);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "port Gi1/0/40 of R-P0-SW1 is taken by cable C-Y"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (enlace_store_lookup (store, "cable", "PC-R-0A-A10", NULL) > 0);

  /* undone, the order executes; the section shows it executed */
  g_assert_true (enlace_store_undo (store, &error));
  enlace_test_spin (50);
  g_assert_null (enlace_case_order_execute (GTK_WINDOW (window), store, case_id));
  enlace_test_spin (50);
  g_assert_false (enlace_store_lookup (store, "cable", "PC-R-0A-A10", NULL) > 0);
  group = find_group (GTK_WIDGET (window), _("Changes"));
  g_assert_nonnull (group);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "tester"));
  g_assert_null (button_with_tooltip (group, _("Remove the change from the order")));

  gtk_window_destroy (GTK_WINDOW (window));
  enlace_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  app = enlace_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/views/cases/order", test_order_section);
  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
