/* test-rules-page.c: the checks page, the live marks of the plan page and
 * the rule-set editor (views/rules) */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-demo.h"
#include "enlace-design.h"
#include "enlace-plan-page.h"
#include "enlace-rules-editor.h"
#include "enlace-rules-page.h"
#include "enlace-store-private.h"
#include "enlace-test-gtk.h"

static JsonObject *
obj (const char *first,
     ...)
{
  JsonObject *o = json_object_new ();
  va_list args;

  va_start (args, first);
  for (const char *k = first; k; k = va_arg (args, const char *))
    json_object_set_string_member (o, k, va_arg (args, const char *));
  va_end (args);
  return o;
}

static void
add (EnlaceStore *store,
     const char  *kind,
     JsonObject  *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = values;

  g_assert_cmpint (enlace_store_create (store, kind, v, &error), >, 0);
  g_assert_no_error (error);
}

/* Floor B/1 of the design tests (a telecom room with rack R1, an office,
 * a classroom, a corridor tray and its spur) designed: 18 outlets, 36
 * planned cables of 15 to 50 m; the project allows 30 m. */
static EnlaceStore *
fixture (gint64 *floor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlets = NULL;
  EnlaceStore *store = enlace_store_new_memory (&error);
  EnlaceDesignRule rule;

  g_assert_no_error (error);
  add (store, "site", obj ("code", "UNI", "name", "Campus", NULL));
  add (store, "building", obj ("site_id", "UNI", "code", "B", "name", "Edificio B", NULL));
  add (store, "floor", obj ("building_id", "B", "level", "1", "name", "Primer piso", NULL));
  *floor_id = enlace_store_lookup (store, "floor", "B/1", NULL);
  add (store, "space", obj ("floor_id", "B/1", "code", "1A", "name", "Telecom", "kind", "telecom-room",
                            "outline", "[[0,0],[4,0],[4,6],[0,6]]", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "101", "name", "Oficina", "kind", "office",
                            "outline", "[[10,0],[20,0],[20,6],[10,6]]", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "102", "name", "Aula", "kind", "classroom",
                            "outline", "[[20,0],[40,0],[40,6],[20,6]]", NULL));
  add (store, "space", obj ("floor_id", "B/1", "code", "1PAS", "name", "Pasillo", "kind", "other",
                            "outline", "[[0,6],[40,6],[40,10],[0,10]]", NULL));
  add (store, "pathway", obj ("floor_id", "B/1", "name", "Charola", "kind", "tray",
                              "points", "[[1,8],[39,8]]", "height", "2.8", NULL));
  add (store, "pathway", obj ("floor_id", "B/1", "name", "Derivación", "kind", "tray",
                              "points", "[[2,8],[2,2]]", "height", "2.8", NULL));
  add (store, "rack", obj ("space_id", "B/1/1A", "name", "R1", "x", "2", "y", "2", NULL));
  enlace_design_rule_init (&rule);
  outlets = enlace_design_place_preview (store, *floor_id, NULL, 0, &rule, &error);
  g_assert_no_error (error);
  g_assert_true (enlace_design_apply (store, outlets, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_rules_set_value (store, "permanent-link.max-m", "30", &error));
  g_assert_no_error (error);
  return store;
}

/* What the window does with ::object-activated: the page of that kind,
 * in the stack. */
typedef struct
{
  GtkStack   *stack;
  EnlacePage *rules;
  EnlacePage *plan;
} Shell;

static void
on_activated (EnlacePage *page,
              const char *kind,
              gint64      id,
              Shell      *shell)
{
  EnlacePage *target = g_str_has_prefix (kind, "plan") ? shell->plan : shell->rules;

  enlace_page_set_object (target, kind, id);
  gtk_stack_set_visible_child (shell->stack, GTK_WIDGET (target));
}

static GtkWidget *
shell_new (Shell       *shell,
           EnlaceStore *store)
{
  shell->stack = GTK_STACK (gtk_stack_new ());
  shell->rules = g_object_new (ENLACE_TYPE_RULES_PAGE, NULL);
  shell->plan = g_object_new (ENLACE_TYPE_PLAN_PAGE, NULL);
  gtk_stack_add_named (shell->stack, GTK_WIDGET (shell->rules), "rules");
  gtk_stack_add_named (shell->stack, GTK_WIDGET (shell->plan), "plan");
  enlace_page_set_store (shell->rules, store);
  enlace_page_set_store (shell->plan, store);
  g_signal_connect (shell->rules, "object-activated", G_CALLBACK (on_activated), shell);
  g_signal_connect (shell->plan, "object-activated", G_CALLBACK (on_activated), shell);
  return enlace_test_window (GTK_WIDGET (shell->stack), 1100, 700);
}

static const EnlaceRuleFailure *
failure (EnlaceRuleReport *report,
         guint             i)
{
  g_assert_nonnull (report);
  g_assert_cmpuint (i, <, report->failures->len);
  return g_ptr_array_index (report->failures, i);
}

/* The failures of the floor, each with its rule, figures and objects;
 * activating one shows the plan with its outlet selected. */
static void
test_select_on_plan (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  Shell shell;
  GtkWidget *window = shell_new (&shell, store);
  EnlaceRuleReport *report;
  const EnlaceRuleFailure *f;
  EnlacePlanCanvas *canvas;
  GPtrArray *selection;
  EnlacePlanItem *item;
  guint n_rows = 0;

  enlace_page_set_object (shell.rules, "rules/floor", floor_id);
  enlace_test_spin (50);
  g_assert_cmpstr (enlace_page_get_title (shell.rules), ==, "Checks of B/1");
  report = enlace_rules_page_get_report (ENLACE_RULES_PAGE (shell.rules), NULL);
  g_assert_cmpuint (report->failures->len, >, 0);
  f = failure (report, 0);
  g_assert_cmpstr (f->rule, ==, "permanent-link");
  g_assert_cmpfloat (f->value, >, 30);
  g_assert_cmpfloat (f->limit, ==, 30);
  g_assert_cmpstr (g_array_index (f->objects, EnlaceRuleObject, 0).kind, ==, "device");

  /* one row a failure */
  {
    GtkWidget *w = GTK_WIDGET (shell.rules);
    GtkListBoxRow *row;
    GtkListBox *list = NULL;
    g_autoptr(GPtrArray) todo = g_ptr_array_new ();

    g_ptr_array_add (todo, w);
    while (todo->len > 0 && list == NULL)
      {
        GtkWidget *c = g_ptr_array_steal_index (todo, 0);

        if (GTK_IS_LIST_BOX (c))
          list = GTK_LIST_BOX (c);
        for (GtkWidget *k = gtk_widget_get_first_child (c); k; k = gtk_widget_get_next_sibling (k))
          g_ptr_array_add (todo, k);
      }
    g_assert_nonnull (list);
    while ((row = gtk_list_box_get_row_at_index (list, n_rows)))
      n_rows++;
    g_assert_cmpuint (n_rows, ==, report->failures->len);
  }

  /* selecting it: the plan of the floor, the outlet selected and marked */
  enlace_rules_page_show_failure (ENLACE_RULES_PAGE (shell.rules), 0);
  enlace_test_spin (50);
  g_assert_true (gtk_stack_get_visible_child (shell.stack) == GTK_WIDGET (shell.plan));
  canvas = enlace_plan_page_get_canvas (ENLACE_PLAN_PAGE (shell.plan));
  g_assert_cmpint (enlace_plan_canvas_get_floor (canvas), ==, floor_id);
  selection = enlace_plan_canvas_get_selection (canvas);
  g_assert_cmpuint (selection->len, >=, 1);
  item = g_ptr_array_index (selection, 0);
  g_assert_cmpint (item->kind, ==, ENLACE_PLAN_ITEM_DEVICE);
  g_assert_cmpint (item->id, ==, g_array_index (f->objects, EnlaceRuleObject, 0).id);
  g_assert_cmpuint (enlace_plan_canvas_get_n_marks (canvas), >, 0);
  /* the run's patch panel is drawn as its rack: the rack is selected too */
  {
    gboolean rack = FALSE;

    for (guint i = 0; i < selection->len; i++)
      rack |= ((EnlacePlanItem *) g_ptr_array_index (selection, i))->kind == ENLACE_PLAN_ITEM_RACK;
    g_assert_true (rack);
  }

  /* the plan's button goes back to the floor's checks */
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Editing re-checks: moving the rack 3 m up its spur shortens every run
 * (the design's lengths follow it) and the list and the plan's marks
 * follow, each check of the floor well under 100 ms. */
static void
test_recheck (void)
{
  gint64 floor_id, rack;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) moved = json_object_new ();
  Shell shell;
  GtkWidget *window = shell_new (&shell, store);
  EnlaceRuleReport *before, *after, *plan_report;
  EnlacePlanCanvas *canvas = enlace_plan_page_get_canvas (ENLACE_PLAN_PAGE (shell.plan));
  double value, ms = -1;
  guint n_before, marks_before;
  gint64 subject;

  enlace_page_set_object (shell.plan, "plan", floor_id);
  enlace_page_set_object (shell.rules, "rules/floor", floor_id);
  enlace_test_spin (50);
  before = enlace_rules_page_get_report (ENLACE_RULES_PAGE (shell.rules), NULL);
  n_before = before->failures->len;
  value = failure (before, 0)->value;
  subject = g_array_index (failure (before, 0)->objects, EnlaceRuleObject, 0).id;
  marks_before = enlace_plan_canvas_get_n_marks (canvas);
  g_assert_cmpuint (marks_before, >, 0);

  rack = enlace_store_lookup (store, "rack", "B/1/1A/R1", NULL);
  if (rack <= 0)
    {
      g_autoptr(GPtrArray) racks = enlace_store_list (store, "rack", 0, NULL);
      rack = json_object_get_int_member (g_ptr_array_index (racks, 0), "id");
    }
  json_object_set_double_member (moved, "y", 5);
  g_assert_true (enlace_store_update (store, "rack", rack, moved, &error));
  g_assert_no_error (error);
  enlace_test_spin (50);

  after = enlace_rules_page_get_report (ENLACE_RULES_PAGE (shell.rules), &ms);
  g_assert_true (after != before);
  g_assert_cmpfloat (ms, >=, 0);
  g_assert_cmpfloat (ms, <, 100);
  g_assert_cmpuint (after->failures->len, <=, n_before);
  for (guint i = 0; i < after->failures->len; i++)
    if (g_array_index (failure (after, i)->objects, EnlaceRuleObject, 0).id == subject)
      g_assert_cmpfloat_with_epsilon (failure (after, i)->value, value - 3, 0.11);

  /* the plan page checked its floor again too */
  plan_report = enlace_plan_page_get_report (ENLACE_PLAN_PAGE (shell.plan), &ms);
  g_assert_nonnull (plan_report);
  g_assert_cmpuint (plan_report->failures->len, ==, after->failures->len);
  g_assert_cmpfloat (ms, <, 100);

  /* a project that allows 100 m: nothing fails, no marks */
  g_assert_true (enlace_rules_set_value (store, "permanent-link.max-m", "100", &error));
  enlace_test_spin (50);
  g_assert_cmpuint (enlace_rules_page_get_report (ENLACE_RULES_PAGE (shell.rules), NULL)->failures->len, ==, 0);
  g_assert_cmpuint (enlace_plan_canvas_get_n_marks (canvas), ==, 0);

  /* the whole campus on demand */
  enlace_rules_page_check_campus (ENLACE_RULES_PAGE (shell.rules));
  enlace_test_spin (50);
  g_assert_cmpstr (enlace_page_get_kind (shell.rules), ==, "rules");
  g_assert_cmpstr (enlace_page_get_title (shell.rules), ==, "Checks of the whole campus");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
n_commands (EnlaceStore *store)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT count(*) FROM command", NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The editor: each applied value one command; a bad value refused and the
 * file's value shown again; undo shows at once; copy and reset. */
static void
test_editor (void)
{
  gint64 floor_id;
  g_autoptr(EnlaceStore) store = fixture (&floor_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceRuleSet) set = NULL;
  EnlaceRulesEditor *editor = ENLACE_RULES_EDITOR (enlace_rules_editor_new (NULL, store));
  gint64 commands;

  gtk_window_present (GTK_WINDOW (editor));
  enlace_test_spin (50);
  enlace_test_screenshot (GTK_WIDGET (editor), "rules-editor.png");
  g_assert_cmpstr (enlace_rules_editor_get_text (editor, "permanent-link.max-m"), ==, "30");
  g_assert_cmpstr (enlace_rules_editor_get_text (editor, "channel.max-m"), ==, "100");

  commands = n_commands (store);
  g_assert_true (enlace_rules_editor_apply (editor, "permanent-link.max-m", "80"));
  g_assert_cmpint (n_commands (store), ==, commands + 1);
  set = enlace_rule_set_load (store, &error);
  g_assert_cmpfloat (enlace_rule_set_get_number (set, "permanent-link.max-m"), ==, 80);
  g_clear_pointer (&set, enlace_rule_set_unref);
  g_assert_cmpstr (enlace_rules_editor_get_text (editor, "permanent-link.max-m"), ==, "80");

  /* refused: nothing written, the file's value back in the row */
  g_assert_false (enlace_rules_editor_apply (editor, "channel.max-m", "-5"));
  g_assert_cmpint (n_commands (store), ==, commands + 1);
  g_assert_cmpstr (enlace_rules_editor_get_text (editor, "channel.max-m"), ==, "100");

  /* undo in the window: the editor follows */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (enlace_rules_editor_get_text (editor, "permanent-link.max-m"), ==, "30");

  /* a named copy of the defaults: one command, the project's 30 m gone */
  enlace_rules_editor_copy (editor, "Normas de la UNI");
  g_assert_cmpstr (enlace_rules_editor_get_text (editor, "name"), ==, "Normas de la UNI");
  g_assert_cmpstr (enlace_rules_editor_get_text (editor, "permanent-link.max-m"), ==, "90");
  g_assert_true (enlace_rules_editor_apply (editor, "permanent-link.max-m", "80"));
  enlace_rules_editor_reset (editor);
  set = enlace_rule_set_load (store, &error);
  g_assert_cmpfloat (enlace_rule_set_get_number (set, "permanent-link.max-m"), ==, 90);
  g_assert_cmpstr (enlace_rule_set_get_name (set), !=, "Normas de la UNI");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The checks of building C of the demo beside its ground floor's plan,
 * the failing outlet selected: BUILD_DIR/screenshots/rules-page-LANG.png
 * (the README's docs/screenshots/rules-page-es.png is the Spanish one). */
static void
test_screenshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = enlace_demo_ensure_file (&error);
  g_autoptr(EnlaceStore) store = NULL;
  g_autofree char *name = NULL;
  const char *lang = g_getenv ("LANGUAGE");
  EnlacePage *rules, *plan;
  GtkWidget *box, *window;
  EnlaceRuleReport *report;
  gint64 floor_id;

  g_assert_no_error (error);
  store = enlace_store_open (demo, ENLACE_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  floor_id = enlace_store_lookup (store, "floor", "C/0", &error);
  g_assert_no_error (error);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  rules = g_object_new (ENLACE_TYPE_RULES_PAGE, NULL);
  plan = g_object_new (ENLACE_TYPE_PLAN_PAGE, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (rules), 620, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (plan), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rules));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (plan));
  enlace_page_set_store (rules, store);
  enlace_page_set_store (plan, store);
  window = enlace_test_window (box, 1600, 820);
  enlace_page_set_object (rules, "rules/building", enlace_store_lookup (store, "building", "C", NULL));
  report = enlace_rules_page_get_report (ENLACE_RULES_PAGE (rules), NULL);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->failures->len, >=, 1);
  for (guint i = 0; i < report->failures->len; i++)
    if (failure (report, i)->floor_id == floor_id)
      {
        g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (EnlacePlanRef));
        EnlacePlanRef ref = { ENLACE_PLAN_ITEM_DEVICE, g_array_index (failure (report, i)->objects, EnlaceRuleObject, 0).id };

        g_array_append_val (refs, ref);
        enlace_plan_page_request_selection (store, floor_id, (EnlacePlanRef *) refs->data, refs->len);
        break;
      }
  enlace_page_set_object (plan, "plan", floor_id);
  enlace_test_spin (300);
  enlace_plan_canvas_zoom_fit (enlace_plan_page_get_canvas (ENLACE_PLAN_PAGE (plan)));
  enlace_test_spin (300);
  name = g_strdup_printf ("rules-page-%s.png", lang && lang[0] ? lang : "en");
  enlace_test_screenshot (box, name);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("ENLACE_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/views/rules/select-on-plan", test_select_on_plan);
  g_test_add_func ("/views/rules/recheck", test_recheck);
  g_test_add_func ("/views/rules/editor", test_editor);
  g_test_add_func ("/views/rules/screenshot", test_screenshot);

  return g_test_run ();
}
