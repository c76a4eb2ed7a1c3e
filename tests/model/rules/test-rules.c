/* test-rules.c: each cabling rule with a passing and a failing case on a
 * built floor, the rule set's commands and undo */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "enlace-builder.h"
#include "enlace-rules.h"
#include "enlace-store-private.h"
#include "enlace-trace.h"

typedef struct
{
  EnlaceStore *store;
  gint64 floor1, floor2, floor3;
  gint64 cat6[3], cat6a[6];
  EnlaceBuilderType *t_outlet, *t_panel, *t_cp, *t_sw, *t_pc, *t_fp;
  gint64 tr1, of1;
  gint64 p1[48], p2[48], sw[24], fp1[24], fp3[24];
  guint next_panel, next_sw, next_p2, next_fp;
  guint n_cps;
} Fixture;

static gint64
dev (EnlaceBuilder     *b,
     EnlaceBuilderType *t,
     const char        *name,
     gint64             space,
     gint64            *ports,
     guint              n)
{
  EnlaceBuilderPlace place = { 0 };
  gint64 id;

  place.space_id = space;
  place.has_xy = TRUE;
  place.x = 5;
  place.y = 5;
  id = enlace_builder_device (b, t, name, &place);
  if (ports)
    memcpy (ports, enlace_builder_ports (b), n * sizeof (gint64));
  return id;
}

static gint64
cable (EnlaceBuilder *b,
       const char    *label,
       const char    *kind,
       const char    *type,
       double         len,
       gint64         a,
       gint64         z)
{
  EnlaceBuilderCable c = { label, kind, type, 0, len, NULL, NULL };

  return enlace_builder_cable (b, &c, a, z);
}

/* An outlet on floor 1: @hops horizontal segments (through consolidation
 * points) to panel P1; patched to the switch when @patch > 0; a work-area
 * cord to a computer when @wa > 0. */
static void
outlet (Fixture       *fx,
        EnlaceBuilder *b,
        const char    *name,
        const char    *type,
        const double  *segments,
        guint          n_segments,
        double         patch,
        double         wa,
        gboolean       cross_connect)
{
  gint64 o[2], pc[1];
  gint64 from;
  guint k = fx->next_panel++;
  g_autofree char *l = NULL;

  dev (b, fx->t_outlet, name, fx->of1, o, 2);
  from = o[1];
  for (guint i = 0; i + 1 < n_segments; i++)
    {
      gint64 cp[2];
      g_autofree char *cpn = g_strdup_printf ("CP-%u", ++fx->n_cps);
      g_autofree char *cl = g_strdup_printf ("%s-H%u", name, i);

      dev (b, fx->t_cp, cpn, fx->of1, cp, 2);
      cable (b, cl, "horizontal", type, segments[i], from, cp[0]);
      from = cp[1];
    }
  l = g_strdup_printf ("%s-H", name);
  cable (b, l, "horizontal", type, segments[n_segments - 1], from, fx->p1[24 + k]);
  if (patch > 0)
    {
      g_autofree char *pl = g_strdup_printf ("%s-PC", name);

      if (cross_connect)
        {
          guint x = fx->next_p2++;
          g_autofree char *el = g_strdup_printf ("%s-EC", name);

          cable (b, pl, "patch-cord", "cat6a", patch, fx->p1[k], fx->p2[x]);
          cable (b, el, "equipment-cord", "cat6a", 2, fx->p2[24 + x], fx->sw[fx->next_sw++]);
        }
      else
        cable (b, pl, "patch-cord", "cat6a", patch, fx->p1[k], fx->sw[fx->next_sw++]);
    }
  if (wa > 0)
    {
      g_autofree char *pcn = g_strdup_printf ("PC-%s", name);
      g_autofree char *wl = g_strdup_printf ("%s-WA", name);

      dev (b, fx->t_pc, pcn, fx->of1, pc, 1);
      cable (b, wl, "patch-cord", "cat6a", wa, pc[0], o[0]);
    }
}

static void
backbone (Fixture       *fx,
          EnlaceBuilder *b,
          const char    *label,
          const char    *type,
          double         len)
{
  guint k = fx->next_fp++;

  cable (b, label, "backbone", type, len, fx->fp1[12 + k], fx->fp3[12 + k]);
}

static gint64
pathway (Fixture    *fx,
         const char *name,
         const char *kind,
         double      size,
         gint64     *cables,
         guint       n)
{
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  json_object_set_int_member (v, "floor_id", fx->floor1);
  json_object_set_string_member (v, "name", name);
  json_object_set_string_member (v, "kind", kind);
  json_object_set_string_member (v, "points", "[[0,0],[10,0]]");
  json_object_set_double_member (v, "size_mm", size);
  id = enlace_store_create (fx->store, "pathway", v, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      enlace_rules_lay_cable (fx->store, id, cables[i], &error);
      g_assert_no_error (error);
    }
  return id;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EnlaceBuilder *b;
  gint64 site, bld, tr3, of2, of3, o2[2], o3[2], p3[48];
  g_autofree char *r1 = enlace_builder_rect (0, 0, 10, 10);
  g_autofree char *r2 = enlace_builder_rect (10, 0, 30, 20);
  g_autofree char *r3 = enlace_builder_rect (10, 0, 40, 30);
  static const double d80[] = { 80 }, d95[] = { 95 }, d90[] = { 90 }, d60[] = { 60 };
  static const double cp_ok[] = { 10, 20 }, cp_bad[] = { 30, 10 }, conn_bad[] = { 10, 10, 20 };
  guint f;

  fx->store = enlace_store_new_memory (&error);
  g_assert_no_error (error);
  g_assert_true (enlace_store_begin (fx->store, "fixture", &error));
  g_assert_true (enlace_store_begin_bulk (fx->store, &error));
  b = enlace_builder_new (fx->store);

  fx->t_outlet = enlace_builder_type (b, "T", "Outlet", NULL, 0, FALSE, "outlet");
  f = enlace_builder_type_ports (b, fx->t_outlet, "front", "D", 0, 0, "copper", "8P8C", 1);
  enlace_builder_type_map (b, fx->t_outlet, f,
                           enlace_builder_type_ports (b, fx->t_outlet, "rear", "D-R", 0, 0, "copper", "8P8C", 1), 1);
  fx->t_panel = enlace_builder_type (b, "T", "Panel", NULL, 2, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, fx->t_panel, "front", "%u", 1, 24, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, fx->t_panel, "rear", "R%u", 1, 24, "copper", "8P8C", 1);
  for (guint i = 0; i < 24; i++)
    enlace_builder_type_map (b, fx->t_panel, f + i, f + 24 + i, 1);
  fx->t_cp = enlace_builder_type (b, "T", "CP", NULL, 0, FALSE, "consolidation-point");
  f = enlace_builder_type_ports (b, fx->t_cp, "front", "F", 0, 0, "copper", "8P8C", 1);
  enlace_builder_type_map (b, fx->t_cp, f,
                           enlace_builder_type_ports (b, fx->t_cp, "rear", "R", 0, 0, "copper", "8P8C", 1), 1);
  fx->t_sw = enlace_builder_type (b, "T", "Switch", NULL, 1, FALSE, "switch");
  enlace_builder_type_ports (b, fx->t_sw, "interface", "Gi%u", 1, 24, "copper", "8P8C", 1);
  fx->t_pc = enlace_builder_type (b, "T", "PC", NULL, 0, FALSE, "computer");
  enlace_builder_type_ports (b, fx->t_pc, "interface", "eth0", 0, 0, "copper", "8P8C", 1);
  fx->t_fp = enlace_builder_type (b, "T", "Fibre panel", NULL, 1, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, fx->t_fp, "front", "%u", 1, 12, "fibre", "LC", 1);
  enlace_builder_type_ports (b, fx->t_fp, "rear", "R%u", 1, 12, "fibre", "LC", 1);
  for (guint i = 0; i < 12; i++)
    enlace_builder_type_map (b, fx->t_fp, f + i, f + 12 + i, 1);

  site = enlace_builder_site (b, "S", "Site", NULL);
  bld = enlace_builder_building (b, site, "B", "Building", NULL);
  fx->floor1 = enlace_builder_floor (b, bld, 1, "One", 3);
  fx->floor2 = enlace_builder_floor (b, bld, 2, "Two", 3);
  fx->floor3 = enlace_builder_floor (b, bld, 3, "Three", 3);
  /* floor 1: 100 + 600 m², one room: passes the room rules */
  fx->tr1 = enlace_builder_space (b, fx->floor1, "TR", "Room", "telecom-room", r1);
  fx->of1 = enlace_builder_space (b, fx->floor1, "OF", "Office", "office", r2);
  /* floor 2: an outlet, no room */
  of2 = enlace_builder_space (b, fx->floor2, "OF", "Office", "office", r2);
  /* floor 3: 100 + 1200 m², one room: two are needed */
  tr3 = enlace_builder_space (b, fx->floor3, "TR", "Room", "telecom-room", r1);
  of3 = enlace_builder_space (b, fx->floor3, "OF", "Office", "office", r3);

  dev (b, fx->t_panel, "P1", fx->tr1, fx->p1, 48);
  dev (b, fx->t_panel, "P2", fx->tr1, fx->p2, 48);
  dev (b, fx->t_sw, "SW", fx->tr1, fx->sw, 24);
  dev (b, fx->t_fp, "FP1", fx->tr1, fx->fp1, 24);
  dev (b, fx->t_fp, "FP3", tr3, fx->fp3, 24);
  dev (b, fx->t_panel, "P3", tr3, p3, 48);

  outlet (fx, b, "O-PL-OK", "cat6a", d80, 1, 0, 0, FALSE);
  outlet (fx, b, "O-PL-BAD", "cat6a", d95, 1, 0, 0, FALSE);
  outlet (fx, b, "O-CH-OK", "cat6a", d80, 1, 2, 3, FALSE);
  outlet (fx, b, "O-CH-BAD", "cat6a", d90, 1, 6, 5, FALSE);
  outlet (fx, b, "O-CP-OK", "cat6a", cp_ok, 2, 0, 0, FALSE);
  outlet (fx, b, "O-CP-BAD", "cat6a", cp_bad, 2, 0, 0, FALSE);
  outlet (fx, b, "O-CONN-BAD", "cat6a", conn_bad, 3, 0, 0, FALSE);
  outlet (fx, b, "O-REACH-BAD", "cat6", d60, 1, 0, 0, FALSE);
  outlet (fx, b, "O-XC", "cat6a", d80, 1, 2, 0, TRUE);

  dev (b, fx->t_outlet, "O2", of2, o2, 2);
  cable (b, "O2-H", "horizontal", "cat6a", 30, o2[1], fx->p1[24 + fx->next_panel++]);
  dev (b, fx->t_outlet, "O3", of3, o3, 2);
  cable (b, "O3-H", "horizontal", "cat6a", 30, o3[1], p3[24]);

  backbone (fx, b, "BB-OM3-OK", "om3", 250);
  backbone (fx, b, "BB-OM3-BAD", "om3", 350);
  backbone (fx, b, "BB-OS2-BAD", "os2", 3500);
  backbone (fx, b, "BB-CAT-OK", "cat6", 80);
  backbone (fx, b, "BB-CAT-BAD", "cat6", 95);

  /* cables for the pathways (not connected) */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *l = g_strdup_printf ("LOOSE-6-%u", i);
      EnlaceBuilderCable c = { l, "horizontal", "cat6", 0, 10, NULL, NULL };

      fx->cat6[i] = enlace_builder_cable (b, &c, fx->p2[40 + i], fx->p2[44 + i]);
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *l = g_strdup_printf ("LOOSE-6A-%u", i);

      fx->cat6a[i] = cable (b, l, "horizontal", "cat6a", 10, fx->p2[12 + i], fx->p2[18 + i]);
    }

  g_assert_true (enlace_builder_finish (b, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_store_end_bulk (fx->store, &error));
  g_assert_true (enlace_store_commit (fx->store, &error));

  /* conduits: 3 Cat6 in 25 mm (18 %) pass, 3 Cat6A in 16 mm (64 %) fail;
   * trays 10 × 50 mm: 3 Cat6A (26 %) pass, 6 (52 %) fail */
  pathway (fx, "C-OK", "conduit", 25, fx->cat6, 3);
  pathway (fx, "C-BAD", "conduit", 16, fx->cat6a, 3);
  pathway (fx, "T-OK", "tray", 10, fx->cat6a, 3);
  pathway (fx, "T-BAD", "tray", 10, fx->cat6a, 6);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
}

/* The failure of @rule whose objects hold @key, or NULL. */
static EnlaceRuleFailure *
find (EnlaceRuleReport *r,
      const char       *rule,
      const char       *key)
{
  for (guint i = 0; i < r->failures->len; i++)
    {
      EnlaceRuleFailure *f = g_ptr_array_index (r->failures, i);

      if (strcmp (f->rule, rule) != 0)
        continue;
      for (guint k = 0; k < f->objects->len; k++)
        if (strcmp (g_array_index (f->objects, EnlaceRuleObject, k).key, key) == 0)
          return f;
    }
  return NULL;
}

static EnlaceRuleReport *
check (Fixture *fx,
       gint64   floor_id)
{
  g_autoptr(GError) error = NULL;
  EnlaceRuleReport *r = enlace_rules_check (fx->store, NULL, 0, floor_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static void
test_lengths (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(EnlaceRuleReport) r = check (fx, fx->floor1);
  EnlaceRuleFailure *f;

  f = find (r, "permanent-link", "O-PL-BAD");
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->value, ==, 95);
  g_assert_cmpfloat (f->limit, ==, 90);
  g_assert_nonnull (strstr (f->message, "O-PL-BAD"));
  g_assert_nonnull (find (r, "permanent-link", "O-PL-BAD-H"));
  g_assert_null (find (r, "permanent-link", "O-PL-OK"));

  f = find (r, "channel", "O-CH-BAD");
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->value, ==, 101);
  g_assert_null (find (r, "channel", "O-CH-OK"));
  g_assert_nonnull (find (r, "cords", "O-CH-BAD"));
  g_assert_null (find (r, "cords", "O-CH-OK"));
  g_assert_nonnull (find (r, "cord", "O-CH-BAD-PC"));
  g_assert_null (find (r, "cord", "O-CH-BAD-WA"));
  g_assert_null (find (r, "cord", "O-CH-OK-PC"));
}

static void
test_connections (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(EnlaceRuleReport) r = check (fx, fx->floor1);
  g_autoptr(EnlaceRuleReport) r2 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (find (r, "connections-link", "O-CONN-BAD"));
  g_assert_null (find (r, "connections-link", "O-CP-OK"));
  g_assert_null (find (r, "connections-channel", "O-XC"));
  /* an institution allows one connection in the channel: the cross-connect fails */
  g_assert_true (enlace_rules_set_value (fx->store, "connections.channel.max", "1", &error));
  g_assert_no_error (error);
  r2 = check (fx, fx->floor1);
  g_assert_nonnull (find (r2, "connections-channel", "O-XC"));
  g_assert_null (find (r2, "connections-channel", "O-CH-OK"));
}

static void
test_consolidation_point (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(EnlaceRuleReport) r = check (fx, fx->floor1);
  EnlaceRuleFailure *f;

  /* O-CP-OK's point is CP-1 (20 m), O-CP-BAD's CP-2 (10 m) */
  f = find (r, "consolidation-point", "CP-2");
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->value, ==, 10);
  g_assert_cmpfloat (f->limit, ==, 15);
  g_assert_null (find (r, "consolidation-point", "CP-1"));
}

static void
test_reach (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(EnlaceRuleReport) r = check (fx, fx->floor1);
  g_autoptr(EnlaceRuleReport) r2 = NULL;
  g_autoptr(GError) error = NULL;
  EnlaceRuleFailure *f;

  f = find (r, "reach", "O-REACH-BAD");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->rule_name, ==, "reach.10gbase-t.cat6");
  g_assert_cmpfloat (f->limit, ==, 55);
  g_assert_null (find (r, "reach", "O-PL-OK"));
  g_assert_nonnull (find (r, "reach", "BB-OM3-BAD"));
  g_assert_null (find (r, "reach", "BB-OM3-OK"));
  /* 1000BASE-T reaches 100 m on Cat6 */
  g_assert_true (enlace_rules_set_value (fx->store, "application.copper", "1000BASE-T", &error));
  g_assert_no_error (error);
  r2 = check (fx, fx->floor1);
  g_assert_null (find (r2, "reach", "O-REACH-BAD"));
}

static void
test_backbone (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(EnlaceRuleReport) r = check (fx, 0);
  g_autoptr(EnlaceRuleReport) r3 = check (fx, fx->floor3);
  g_autoptr(EnlaceRuleReport) r2 = check (fx, fx->floor2);

  g_assert_nonnull (find (r, "backbone", "BB-OS2-BAD"));
  g_assert_nonnull (find (r, "backbone", "BB-CAT-BAD"));
  g_assert_null (find (r, "backbone", "BB-CAT-OK"));
  g_assert_null (find (r, "backbone", "BB-OM3-OK"));
  /* a backbone is checked with each floor it reaches */
  g_assert_nonnull (find (r3, "backbone", "BB-OS2-BAD"));
  g_assert_null (find (r2, "backbone", "BB-OS2-BAD"));
}

static void
test_fill (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(EnlaceRuleReport) r = check (fx, fx->floor1);
  g_autoptr(GError) error = NULL;
  EnlaceRuleFailure *f;

  f = find (r, "conduit-fill", "LOOSE-6A-0");
  g_assert_nonnull (f);
  g_assert_cmpstr (g_array_index (f->objects, EnlaceRuleObject, 0).kind, ==, "pathway");
  g_assert_cmpfloat (f->limit, ==, 40);
  g_assert_null (find (r, "conduit-fill", "LOOSE-6-0"));
  f = find (r, "tray-fill", "LOOSE-6A-5");
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->limit, ==, 50);
  g_assert_cmpuint (r->n_pathways, ==, 4);
  /* a cable laid twice is refused */
  g_assert_false (enlace_rules_lay_cable (fx->store, g_array_index (f->objects, EnlaceRuleObject, 0).id,
                                          fx->cat6a[0], &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
}

static void
test_rooms (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(EnlaceRuleReport) r1 = check (fx, fx->floor1);
  g_autoptr(EnlaceRuleReport) r2 = check (fx, fx->floor2);
  g_autoptr(EnlaceRuleReport) r3 = check (fx, fx->floor3);
  EnlaceRuleFailure *f;

  g_assert_null (find (r1, "telecom-room", "B/1"));
  g_assert_null (find (r1, "room-area", "B/1"));
  f = find (r2, "telecom-room", "B/2");
  g_assert_nonnull (f);
  /* plurals by count (ngettext): "0 telecom rooms", never "1 … rooms" */
  g_assert_nonnull (strstr (f->message, "and 0 telecom rooms;"));
  g_assert_null (strstr (f->message, " 1 outlets"));
  f = find (r3, "room-area", "B/3");
  g_assert_nonnull (f);
  g_assert_cmpfloat (f->limit, ==, 1000);
  g_assert_cmpint (f->floor_id, ==, fx->floor3);
}

static void
test_rule_set (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceRuleSet) set = NULL;
  g_autoptr(EnlaceRuleSet) defaults = enlace_rule_set_new_defaults ();
  g_autoptr(EnlaceRuleReport) r = NULL;
  g_autoptr(JsonNode) json = NULL;

  /* every default has a label and a value */
  for (guint i = 0; i < enlace_rule_set_get_rules (defaults)->len; i++)
    {
      EnlaceRule *rule = g_ptr_array_index (enlace_rule_set_get_rules (defaults), i);

      g_assert_nonnull (rule->label);
      g_assert_cmpstr (rule->label, !=, rule->name);
      g_assert_false (rule->changed);
      if (rule->numeric)
        g_assert_false (isnan (enlace_rule_set_get_number (defaults, rule->name)));
    }
  g_assert_cmpfloat (enlace_rule_set_get_number (defaults, "permanent-link.max-m"), ==, 90);

  /* an institution writes 80 m: O-PL-OK (80 m) still passes, at 79 it fails */
  g_assert_true (enlace_rules_set_value (fx->store, "name", "Universidad: 79 m", &error));
  g_assert_true (enlace_rules_set_value (fx->store, "permanent-link.max-m", "79", &error));
  g_assert_no_error (error);
  set = enlace_rule_set_load (fx->store, &error);
  g_assert_cmpstr (enlace_rule_set_get_name (set), ==, "Universidad: 79 m");
  g_assert_true (enlace_rule_set_lookup (set, "permanent-link.max-m")->changed);
  r = check (fx, fx->floor1);
  g_assert_cmpstr (r->rule_set, ==, "Universidad: 79 m");
  g_assert_nonnull (find (r, "permanent-link", "O-PL-OK"));
  json = enlace_rule_report_to_json (r);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (json), "ok"));
  g_clear_pointer (&r, enlace_rule_report_unref);

  /* undo: one command */
  g_assert_true (enlace_store_undo (fx->store, &error));
  g_assert_no_error (error);
  r = check (fx, fx->floor1);
  g_assert_null (find (r, "permanent-link", "O-PL-OK"));
  g_clear_pointer (&r, enlace_rule_report_unref);

  /* refusals change nothing */
  g_assert_false (enlace_rules_set_value (fx->store, "no-such-rule", "3", &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (enlace_rules_set_value (fx->store, "channel.max-m", "-4", &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (enlace_rules_set_value (fx->store, "application.copper", "token-ring", &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* reset: back to the defaults */
  g_assert_true (enlace_rules_reset (fx->store, &error));
  g_clear_pointer (&set, enlace_rule_set_unref);
  set = enlace_rule_set_load (fx->store, &error);
  g_assert_cmpstr (enlace_rule_set_get_name (set), ==, enlace_rule_set_get_name (defaults));

  /* a named copy of the defaults: the project's values go, one command */
  g_assert_true (enlace_rules_set_value (fx->store, "permanent-link.max-m", "80", &error));
  g_assert_true (enlace_rules_copy_defaults (fx->store, "Normas de la UNI", &error));
  g_assert_no_error (error);
  g_clear_pointer (&set, enlace_rule_set_unref);
  set = enlace_rule_set_load (fx->store, &error);
  g_assert_cmpstr (enlace_rule_set_get_name (set), ==, "Normas de la UNI");
  g_assert_cmpfloat (enlace_rule_set_get_number (set, "permanent-link.max-m"), ==, 90);
  g_assert_true (enlace_store_undo (fx->store, &error));
  g_clear_pointer (&set, enlace_rule_set_unref);
  set = enlace_rule_set_load (fx->store, &error);
  g_assert_cmpfloat (enlace_rule_set_get_number (set, "permanent-link.max-m"), ==, 80);
  g_assert_false (enlace_rules_copy_defaults (fx->store, "  ", &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
}

static char *
report_text (EnlaceRuleReport *r)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < r->failures->len; i++)
    {
      EnlaceRuleFailure *f = g_ptr_array_index (r->failures, i);

      g_string_append_printf (s, "%s|%s|%g|%g|%s|", f->rule, f->rule_name, f->value, f->limit, f->message);
      for (guint k = 0; k < f->objects->len; k++)
        g_string_append_printf (s, "%s,", g_array_index (f->objects, EnlaceRuleObject, k).key);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

/* The check reads each hop's cable (type, kind, length) and port (device,
 * role) from the tracer's graph: with a tracer kept warm across commands
 * (the GUI's case) a changed cable is seen at once, and the report is the
 * one a cold tracer gives. */
static void
test_warm_tracer (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(EnlaceTracer) tracer = enlace_tracer_get_for_store (fx->store);
  g_autoptr(EnlaceRuleReport) r = check (fx, fx->floor1);
  g_autoptr(EnlaceRuleReport) cold = NULL;
  g_autoptr(JsonObject) cat6 = json_object_new ();
  g_autoptr(JsonObject) longer = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *warm_text = NULL;
  g_autofree char *cold_text = NULL;
  sqlite3_stmt *stmt;
  gint64 cable = 0;

  g_assert_null (find (r, "reach", "O-PL-OK"));
  g_assert_null (find (r, "permanent-link", "O-PL-OK"));
  stmt = enlace_store_prepare (fx->store,
                               "SELECT e.cable_id FROM device d JOIN port p ON p.device_id = d.id AND p.kind = 'rear' "
                               "JOIN cable_end e ON e.port_id = p.id WHERE d.name = 'O-PL-OK'", NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    cable = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (cable, >, 0);

  /* Cat6: 80 m is beyond the 55 m of 10GBASE-T */
  json_object_set_string_member (cat6, "type", "cat6");
  g_assert_true (enlace_store_update (fx->store, "cable", cable, cat6, &error));
  g_assert_no_error (error);
  g_clear_pointer (&r, enlace_rule_report_unref);
  r = check (fx, fx->floor1);
  g_assert_nonnull (find (r, "reach", "O-PL-OK"));
  g_assert_null (find (r, "permanent-link", "O-PL-OK"));

  /* 95 m: beyond the permanent link too */
  json_object_set_double_member (longer, "length_m", 95);
  g_assert_true (enlace_store_update (fx->store, "cable", cable, longer, &error));
  g_assert_no_error (error);
  g_clear_pointer (&r, enlace_rule_report_unref);
  r = check (fx, 0);
  g_assert_nonnull (find (r, "permanent-link", "O-PL-OK"));
  warm_text = report_text (r);

  /* the same report from a tracer that reads everything afresh */
  g_clear_object (&tracer);
  cold = check (fx, 0);
  cold_text = report_text (cold);
  g_assert_cmpstr (cold_text, ==, warm_text);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/model/rules/lengths", test_lengths);
  ADD ("/model/rules/connections", test_connections);
  ADD ("/model/rules/consolidation-point", test_consolidation_point);
  ADD ("/model/rules/reach", test_reach);
  ADD ("/model/rules/backbone", test_backbone);
  ADD ("/model/rules/fill", test_fill);
  ADD ("/model/rules/rooms", test_rooms);
  ADD ("/model/rules/rule-set", test_rule_set);
  ADD ("/model/rules/warm-tracer", test_warm_tracer);
  return g_test_run ();
}
