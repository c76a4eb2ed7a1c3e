/* test-case-documents.c: the "Documentos" section of a case page (under
 * Xvfb): one row per document the case offers, each with Print, Export
 * PDF and Send by e-mail; sending is recorded on the timeline. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "enlace-case-documents.h"
#include "enlace-test-gtk.h"

static void
collect (GtkWidget  *w,
         GType       type,
         GPtrArray  *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
    g_ptr_array_add (out, w);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static void
test_documents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonObject) person = json_object_new ();
  g_autoptr(EnlaceCase) c = NULL;
  g_autoptr(EnlaceCase) after = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window;
  GtkWidget *send = NULL;
  gint64 id;
  guint sent = 0;

  g_assert_no_error (error);
  json_object_set_string_member (person, "name", "Ana Gómez");
  json_object_set_string_member (person, "email", "agomez@example.edu");
  json_object_set_object_member (values, "requester", g_steal_pointer (&person));
  id = enlace_case_open (store, "correo-baja", values, &error);
  g_assert_no_error (error);
  c = enlace_case_get (store, id, &error);
  g_assert_no_error (error);

  window = enlace_test_window (box, 800, 500);
  enlace_case_documents_fill (GTK_BOX (box), store, c);
  enlace_test_spin (50);

  /* correo-baja: the form, the notice, the answer */
  collect (box, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "Notice");
  collect (g_ptr_array_index (rows, 1), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 3);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Send by e-mail") == 0)
      send = g_ptr_array_index (buttons, i);
  g_assert_nonnull (send);

  /* sending records the fact (the mail program may not exist here) */
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*");
  g_signal_emit_by_name (send, "clicked");
  enlace_test_spin (200);
  after = enlace_case_get (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < after->events->len; i++)
    {
      EnlaceCaseEvent *e = g_ptr_array_index (after->events, i);

      if (g_strcmp0 (e->kind, "sent") == 0)
        {
          sent++;
          g_assert_cmpstr (e->text, ==, "Notice sent by e-mail to agomez@example.edu");
        }
    }
  g_assert_cmpuint (sent, ==, 1);

  /* refilled for no case: empty */
  enlace_case_documents_fill (GTK_BOX (box), store, NULL);
  g_assert_null (gtk_widget_get_first_child (box));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/views/cases/documents", test_documents);
  return g_test_run ();
}
