/* test-bom.c: box arithmetic, label templates, the bill of materials,
 * the price list, installation and the certifier's results (model/bom) */
#include "config.h"

#include <math.h>
#include <string.h>

#include "enlace-bom.h"
#include "enlace-builder.h"
#include "enlace-cases.h"
#include "enlace-format.h"
#include "enlace-install.h"
#include "enlace-label-templates.h"
#include "enlace-orders.h"
#include "enlace-store.h"

/* Building C, level 1: telecom room 1A with rack R1 (panels PP-A at unit
 * 40 and PP-B at 39, 24 ports each, active), office 101 with six planned
 * outlets of two jacks (12 planned cat6 runs of 40 m, P01…P12, to PP-A
 * rear ports R1…R12) and one active outlet O-X (runs E01, E02: cat6a,
 * 30 m, to PP-B R1, R2), two patch cords of 1 m between the panels, and
 * a 15 m tray. */
static EnlaceStore *
fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  EnlaceBuilder *b;
  EnlaceBuilderType *pp, *fp;
  EnlaceBuilderPlace place = { 0 };
  gint64 site, bld, fl, tr, office, rack, ppa[48], ppb[48];
  const gint64 *ports;
  g_autoptr(JsonObject) pw = json_object_new ();

  g_assert_no_error (error);
  enlace_store_set_user (store, "tester");
  g_assert_true (enlace_store_begin (store, "fixture", &error));
  g_assert_true (enlace_store_begin_bulk (store, &error));
  b = enlace_builder_new (store);
  site = enlace_builder_site (b, "CU", "Campus", NULL);
  bld = enlace_builder_building (b, site, "C", "Biblioteca", NULL);
  fl = enlace_builder_floor (b, bld, 1, "Planta 1", 3.0);
  tr = enlace_builder_space (b, fl, "1A", "Cuarto 1A", "telecom-room", NULL);
  office = enlace_builder_space (b, fl, "101", "Sala", "office", NULL);
  rack = enlace_builder_rack (b, tr, "R1", 42, 1, 1, 0);
  pp = enlace_builder_type (b, "Test", "PP24", NULL, 1, FALSE, "patch-panel");
  enlace_builder_type_ports (b, pp, "front", "F%u", 1, 24, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, pp, "rear", "R%u", 1, 24, "copper", "8P8C", 1);
  fp = enlace_builder_type (b, "Test", "FP2", NULL, 0, FALSE, "outlet");
  enlace_builder_type_ports (b, fp, "front", "D%u", 1, 2, "copper", "8P8C", 1);

  place.rack_id = rack;
  place.face = "front";
  place.u_position = 40;
  enlace_builder_device (b, pp, "PP-A", &place);
  memcpy (ppa, enlace_builder_ports (b), sizeof ppa);
  place.u_position = 39;
  enlace_builder_device (b, pp, "PP-B", &place);
  memcpy (ppb, enlace_builder_ports (b), sizeof ppb);

  memset (&place, 0, sizeof place);
  place.space_id = office;
  place.has_xy = TRUE;
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("O-%u", i + 1);

      place.x = i;
      place.status = "planned";
      enlace_builder_device (b, fp, name, &place);
      ports = enlace_builder_ports (b);
      for (guint j = 0; j < 2; j++)
        {
          g_autofree char *label = g_strdup_printf ("P%02u", 2 * i + j + 1);
          EnlaceBuilderCable c = { label, "horizontal", "cat6", 4, 40.0, "azul", "planned" };

          enlace_builder_cable (b, &c, ports[j], ppa[24 + 2 * i + j]);
        }
    }
  place.status = NULL;
  enlace_builder_device (b, fp, "O-X", &place);
  ports = enlace_builder_ports (b);
  for (guint j = 0; j < 2; j++)
    {
      g_autofree char *label = g_strdup_printf ("E%02u", j + 1);
      EnlaceBuilderCable c = { label, "horizontal", "cat6a", 4, 30.0, "azul", NULL };

      enlace_builder_cable (b, &c, ports[j], ppb[24 + j]);
    }
  for (guint j = 0; j < 2; j++)
    {
      g_autofree char *label = g_strdup_printf ("PC%02u", j + 1);
      EnlaceBuilderCable c = { label, "patch-cord", "cat6", 4, 1.0, "gris", NULL };

      enlace_builder_cable (b, &c, ppa[j], ppb[j]);
    }
  g_assert_true (enlace_builder_finish (b, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_store_end_bulk (store, &error));
  g_assert_true (enlace_store_commit (store, &error));
  g_assert_no_error (error);

  json_object_set_int_member (pw, "floor_id", fl);
  json_object_set_string_member (pw, "kind", "tray");
  json_object_set_string_member (pw, "points", "[[0,0],[10,0],[10,5]]");
  g_assert_cmpint (enlace_store_create (store, "pathway", pw, &error), >, 0);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static EnlaceBomLine *
find_line (EnlaceBomGroup *g,
           const char     *item)
{
  for (guint i = 0; i < g->lines->len; i++)
    {
      EnlaceBomLine *l = g_ptr_array_index (g->lines, i);

      if (g_str_equal (l->item, item))
        return l;
    }
  return NULL;
}

static double
qty (EnlaceBomGroup *g,
     const char     *item)
{
  EnlaceBomLine *l = find_line (g, item);

  return l ? l->quantity : 0;
}

/* ------------------------------------------------------------ boxes */

static void
test_boxes (void)
{
  double same[12], mixed[] = { 200, 150, 100, 100, 60, 50 };
  double too[] = { 310, 20 };
  guint over = 99;

  /* runs of one length: ceil (runs / floor (305 / L)) */
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    same[i] = 40;
  g_assert_cmpuint (enlace_bom_boxes (same, 12, 305, &over), ==, 2);   /* 7 a box */
  g_assert_cmpuint (over, ==, 0);
  g_assert_cmpuint (enlace_bom_boxes (same, 7, 305, NULL), ==, 1);
  g_assert_cmpuint (enlace_bom_boxes (same, 8, 305, NULL), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    same[i] = 90;   /* 3 a box: 12 runs → 4 boxes */
  g_assert_cmpuint (enlace_bom_boxes (same, 12, 305, NULL), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    same[i] = 305;  /* exactly one a box */
  g_assert_cmpuint (enlace_bom_boxes (same, 3, 305, NULL), ==, 3);
  /* mixed: 200+100, 150+100+50, 60 → 3 boxes; no run is spliced even
   * though 660 m would fit in 2.2 boxes */
  g_assert_cmpuint (enlace_bom_boxes (mixed, G_N_ELEMENTS (mixed), 305, NULL), ==, 3);
  /* a run longer than a box is left out and counted */
  g_assert_cmpuint (enlace_bom_boxes (too, 2, 305, &over), ==, 1);
  g_assert_cmpuint (over, ==, 1);
  g_assert_cmpuint (enlace_bom_boxes (NULL, 0, 305, NULL), ==, 0);
}

/* ------------------------------------------------------------ bill */

static void
test_bom_totals (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceBom) bom = enlace_bom_compute (store, NULL, NULL, FALSE, &error);
  g_autoptr(EnlaceBom) planned = NULL;
  g_autoptr(EnlaceBom) none = NULL;
  EnlaceBomGroup *floor, *t;
  EnlaceBomLine *cat6;

  g_assert_no_error (error);
  g_assert_cmpuint (bom->floors->len, ==, 1);
  g_assert_cmpuint (bom->buildings->len, ==, 1);
  floor = g_ptr_array_index (bom->floors, 0);
  t = bom->total;
  g_assert_cmpstr (floor->building, ==, "C");
  g_assert_cmpint (floor->level, ==, 1);
  cat6 = find_line (floor, "cable:cat6");
  g_assert_nonnull (cat6);
  g_assert_cmpfloat (cat6->quantity, ==, 2);   /* 12 runs of 40 m, 7 a box */
  {
    g_autofree char *q = enlace_bom_line_dup_quantity (cat6);

    g_assert_cmpstr (q, ==, "2 boxes");
  }
  g_assert_cmpuint (cat6->runs, ==, 12);
  g_assert_cmpfloat_with_epsilon (cat6->metres, 480, 1e-6);
  g_assert_cmpfloat (qty (floor, "cable:cat6a"), ==, 1);
  g_assert_cmpfloat (qty (floor, "jack:copper"), ==, 14);
  g_assert_cmpfloat (qty (floor, "faceplate:2"), ==, 7);
  g_assert_cmpfloat (qty (floor, "panel:copper:24"), ==, 2);
  g_assert_cmpfloat (qty (floor, "cord:cat6:1.0"), ==, 2);
  g_assert_cmpfloat (qty (floor, "rack:42"), ==, 1);
  g_assert_cmpfloat_with_epsilon (qty (floor, "pathway:tray"), 15, 1e-6);
  g_assert_cmpfloat (qty (floor, "label"), ==, 14 * 4);   /* two ends, panel port, jack */
  /* the building and the total: the same here */
  g_assert_cmpfloat (qty (t, "cable:cat6"), ==, 2);
  g_assert_cmpfloat (qty (t, "jack:copper"), ==, 14);
  g_assert_cmpfloat (qty (g_ptr_array_index (bom->buildings, 0), "label"), ==, 56);
  g_assert_cmpuint (t->unpriced, ==, t->lines->len);
  g_assert_cmpfloat (t->cost, ==, 0);

  /* the design only: the planned outlets and runs */
  planned = enlace_bom_compute (store, "C", "1", TRUE, &error);
  g_assert_no_error (error);
  t = planned->total;
  g_assert_cmpfloat (qty (t, "cable:cat6"), ==, 2);
  g_assert_null (find_line (t, "cable:cat6a"));
  g_assert_cmpfloat (qty (t, "jack:copper"), ==, 12);
  g_assert_cmpfloat (qty (t, "faceplate:2"), ==, 6);
  g_assert_null (find_line (t, "panel:copper:24"));
  g_assert_null (find_line (t, "rack:42"));
  g_assert_cmpfloat (qty (t, "label"), ==, 48);

  /* a scope that does not exist */
  none = enlace_bom_compute (store, "Z", NULL, FALSE, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = enlace_bom_compute (store, "C", "7", FALSE, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A design's cords and managers (issue 12's audit: a planned bill had
 * neither).  To the fixture, a planned rack R2 in room 1A with four
 * planned panels: PP-C (copper, 10 planned cat6a runs, one planned cord
 * already drawn from it to PP-D), PP-D (copper, 5 runs), PP-E (copper, no run) and
 * PP-F (fibre, 4 planned OM3 runs), and one planned cable manager. */
static void
test_bom_design (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceBom) planned = NULL;
  g_autoptr(EnlaceBom) all = NULL;
  EnlaceBuilder *b;
  EnlaceBuilderType *pp, *fpp, *jack, *fjack, *cm;
  EnlaceBuilderPlace place = { 0 };
  gint64 fl, tr, office, rack;
  gint64 ppc[48], ppd[48], ppf[24];
  const gint64 *ports;
  guint n = 0;
  EnlaceBomGroup *t;

  fl = enlace_store_lookup (store, "floor", "C/1", NULL);
  g_assert_true (enlace_store_begin (store, "design", &error));
  g_assert_true (enlace_store_begin_bulk (store, &error));
  b = enlace_builder_new (store);
  tr = enlace_store_lookup (store, "space", "C/1/1A", NULL);
  office = enlace_store_lookup (store, "space", "C/1/101", NULL);
  g_assert_cmpint (tr, >, 0);
  g_assert_cmpint (office, >, 0);
  rack = enlace_builder_rack (b, tr, "R2", 42, 2, 1, 0);
  pp = enlace_builder_type (b, "Test", "PP24-D", NULL, 1, FALSE, "patch-panel");
  enlace_builder_type_ports (b, pp, "front", "F%u", 1, 24, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, pp, "rear", "R%u", 1, 24, "copper", "8P8C", 1);
  fpp = enlace_builder_type (b, "Test", "FO12", NULL, 1, FALSE, "patch-panel");
  enlace_builder_type_ports (b, fpp, "front", "F%u", 1, 12, "fibre", "LC", 1);
  enlace_builder_type_ports (b, fpp, "rear", "R%u", 1, 12, "fibre", "LC", 1);
  jack = enlace_builder_type (b, "Test", "FP2-D", NULL, 0, FALSE, "outlet");
  enlace_builder_type_ports (b, jack, "front", "D%u", 1, 2, "copper", "8P8C", 1);
  fjack = enlace_builder_type (b, "Test", "FO2", NULL, 0, FALSE, "outlet");
  enlace_builder_type_ports (b, fjack, "front", "L%u", 1, 2, "fibre", "LC", 1);
  cm = enlace_builder_type (b, "Test", "CM-1U cable manager", NULL, 1, FALSE, "other");

  place.rack_id = rack;
  place.face = "front";
  place.status = "planned";
  place.u_position = 40;
  enlace_builder_device (b, pp, "PP-C", &place);
  memcpy (ppc, enlace_builder_ports (b), sizeof ppc);
  place.u_position = 39;
  enlace_builder_device (b, pp, "PP-D", &place);
  memcpy (ppd, enlace_builder_ports (b), sizeof ppd);
  place.u_position = 38;
  enlace_builder_device (b, pp, "PP-E", &place);
  place.u_position = 37;
  enlace_builder_device (b, fpp, "PP-F", &place);
  memcpy (ppf, enlace_builder_ports (b), sizeof ppf);
  place.u_position = 36;
  enlace_builder_device (b, cm, "CM-1", &place);

  memset (&place, 0, sizeof place);
  place.space_id = office;
  place.has_xy = TRUE;
  place.status = "planned";
  /* 15 copper runs: PP-C R1…R10, PP-D R1…R5 */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("D-%u", i + 1);

      place.x = 10 + i;
      enlace_builder_device (b, jack, name, &place);
      ports = enlace_builder_ports (b);
      for (guint j = 0; j < 2 && n < 15; j++, n++)
        {
          g_autofree char *label = g_strdup_printf ("D%02u", n + 1);
          EnlaceBuilderCable c = { label, "horizontal", "cat6a", 4, 35.0, "azul", "planned" };

          enlace_builder_cable (b, &c, ports[j], n < 10 ? ppc[24 + n] : ppd[24 + n - 10]);
        }
    }
  /* 4 fibre runs: PP-F R1…R4 */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("F-%u", i + 1);

      place.x = 20 + i;
      enlace_builder_device (b, fjack, name, &place);
      ports = enlace_builder_ports (b);
      for (guint j = 0; j < 2; j++)
        {
          g_autofree char *label = g_strdup_printf ("F%02u", 2 * i + j + 1);
          EnlaceBuilderCable c = { label, "horizontal", "om3", 2, 50.0, "aqua", "planned" };

          enlace_builder_cable (b, &c, ports[j], ppf[12 + 2 * i + j]);
        }
    }
  /* one cord already drawn on PP-C's F1 (to PP-D's F24) */
  {
    EnlaceBuilderCable c = { "DC01", "patch-cord", "cat6a", 4, 0.5, "gris", "planned" };

    enlace_builder_cable (b, &c, ppc[0], ppd[23]);
  }
  g_assert_true (enlace_builder_finish (b, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_store_end_bulk (store, &error));
  g_assert_true (enlace_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fl, >, 0);

  planned = enlace_bom_compute (store, "C", NULL, TRUE, &error);
  g_assert_no_error (error);
  t = planned->total;
  g_assert_cmpfloat (qty (t, "panel:copper:24"), ==, 3);
  g_assert_cmpfloat (qty (t, "panel:fibre:12"), ==, 1);
  g_assert_cmpfloat (qty (t, "rack:42"), ==, 1);
  /* one cord per port in use: 10 + 5 runs less the ports the drawn cord
   * already serves (one on PP-C, one on PP-D: a cross-connect), at 1 m;
   * the drawn cord at its own length; 4 fibre cords at 2 m */
  g_assert_cmpfloat (qty (t, "cord:cat6a:1.0"), ==, 13);
  g_assert_cmpfloat (qty (t, "cord:cat6a:0.5"), ==, 1);
  g_assert_cmpfloat (qty (t, "cord:om3:2.0"), ==, 4);
  g_assert_cmpstr (find_line (t, "cord:om3:2.0")->description, ==, "Patch cord OM3, 2.0 m");
  /* the fixture's planned runs end on active panels: no cord of cat6 */
  g_assert_null (find_line (t, "cord:cat6:1.0"));
  /* R2: 4 panels, one manager per two = 2; the one drawn and 1 more */
  g_assert_cmpfloat (qty (t, "manager"), ==, 2);
  /* the floor and the building say the same */
  g_assert_cmpfloat (qty (g_ptr_array_index (planned->floors, 0), "cord:cat6a:1.0"), ==, 13);
  g_assert_cmpfloat (qty (g_ptr_array_index (planned->buildings, 0), "manager"), ==, 2);

  /* everything: the same design cords and managers, and the fixture's
   * two cords between its active panels; R1's active panels get none */
  all = enlace_bom_compute (store, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  t = all->total;
  g_assert_cmpfloat (qty (t, "cord:cat6a:1.0"), ==, 13);
  g_assert_cmpfloat (qty (t, "cord:om3:2.0"), ==, 4);
  g_assert_cmpfloat (qty (t, "cord:cat6:1.0"), ==, 2);
  g_assert_cmpfloat (qty (t, "manager"), ==, 2);
}

/* Cable types as people write them, in the lines' descriptions. */
static void
test_type_labels (void)
{
  static const char *cases[][2] = {
    { "cat6a", "Cat6A" }, { "cat5e", "Cat5e" }, { "cat6", "Cat6" }, { "cat3", "Cat3" },
    { "om3", "OM3" }, { "os2", "OS2" }, { "multipair", "multipair" }, { "coax", "coaxial" },
    { "other", "of another type" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = enlace_format_cable_type (cases[i][0]);

      g_assert_cmpstr (label, ==, cases[i][1]);
    }
}

static void
test_bom_output (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceBom) bom = enlace_bom_compute (store, "C", NULL, FALSE, &error);
  g_autoptr(JsonObject) o = NULL;
  g_autofree char *csv = NULL;
  JsonObject *total;

  g_assert_no_error (error);
  o = enlace_bom_to_json (bom);
  total = json_object_get_object_member (o, "total");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "floors")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (total, "lines")), ==, bom->total->lines->len);
  csv = enlace_bom_to_csv (bom);
  g_assert_true (g_str_has_prefix (csv, "building,floor,item,description,unit,quantity,unit_price,cost\r\n"));
  g_assert_nonnull (strstr (csv, "C,1,cable:cat6,"));
  g_assert_nonnull (strstr (csv, "*,,jack:copper,"));
  g_assert_nonnull (strstr (csv, "C,1,cable:cat6,\"Cable Cat6, box of 305 m\",box,"));
}

/* ------------------------------------------------------------ prices */

static void
test_prices (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceBom) bom = NULL;
  g_autoptr(GPtrArray) prices = NULL;
  const char *good = "item,price,description\r\ncable:cat6,120.5,Caja Cat6\r\njack:copper,3,Jack\r\n";
  const char *semi = "artículo;precio\nlabel;0,25\n";
  const char *refused[] = {
    "item,cost\ncable:cat6,1\n",              /* no price column */
    "item,price\n",                           /* no price */
    "item,price\ncable:cat6,abc\n",           /* not a number */
    "item,price\ncable:cat6,-4\n",            /* negative */
    "item,price\ncable:cat6,1\ncable:cat6,2\n", /* twice */
    "item,price\n,5\n",                       /* no item */
    "item,price\n\"cable:cat6,1\n",           /* quote not closed */
  };
  EnlaceBomLine *l;

  g_assert_cmpuint (enlace_bom_prices_import (store, good, strlen (good), &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_bom_prices_import (store, semi, strlen (semi), &error), ==, 1);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_cmpuint (enlace_bom_prices_import (store, refused[i], strlen (refused[i]), &error), ==, 0);
      g_assert_nonnull (error);
      g_test_message ("refused: %s", error->message);
      g_clear_error (&error);
    }
  /* nothing of the refused files was written */
  prices = enlace_bom_prices (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prices->len, ==, 3);
  g_assert_cmpfloat (((EnlaceBomPrice *)g_ptr_array_index (prices, 0))->price, ==, 120.5);

  bom = enlace_bom_compute (store, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  l = find_line (bom->total, "cable:cat6");
  g_assert_cmpfloat (l->unit_price, ==, 120.5);
  g_assert_cmpfloat (l->cost, ==, 241);
  g_assert_cmpfloat_with_epsilon (bom->total->cost, 241 + 14 * 3 + 56 * 0.25, 1e-9);
  g_assert_cmpuint (bom->total->unpriced, ==, bom->total->lines->len - 3);
}

/* ------------------------------------------------------------ labels */

static void
test_label_templates (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(EnlaceLabelTemplate) t = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  EnlaceLabelFields f = { "C", 11, "C", "D", 32, "AJ05", 26, "PP-D" };
  EnlaceLabelFields g = { "C", 1, "1A", "A", 4, "AJ05", 26, "PP-A" };

  /* the examples of TIA-606: 11C-D32 and 1A.AJ05-26:04, building first */
  a = enlace_label_format ("{b}-{fs}-{p}{n:2}", &f);
  g_assert_cmpstr (a, ==, "C-11C-D32");
  b = enlace_label_format ("{b}-{fs}.{r}-{u:2}:{n:2}", &g);
  g_assert_cmpstr (b, ==, "C-1A.AJ05-26:04");
  c = enlace_label_format ("{fs}-{p}{n}", &g);
  g_assert_cmpstr (c, ==, "1A-A4");

  g_assert_true (enlace_label_pattern_check ("fs-an", "{b}-{fs}-{p}{n:2}", NULL));
  g_assert_false (enlace_label_pattern_check ("fs-an", "{b}-{fs}-{n}", &error));   /* no {p} */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (enlace_label_pattern_check ("rack", "{b}-{r}:{n}", &error));       /* no {u} */
  g_clear_error (&error);
  g_assert_false (enlace_label_pattern_check ("fs-an", "{b}-{x}{p}{n}", &error));    /* unknown */
  g_clear_error (&error);
  g_assert_false (enlace_label_pattern_check ("fs-an", "{b}-{p}{n:0}", &error));     /* width */
  g_clear_error (&error);
  g_assert_false (enlace_label_pattern_check ("other", "{p}{n}", &error));
  g_clear_error (&error);

  /* two built in; an edit is stored under its name, undone in one step */
  all = enlace_label_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_false (enlace_label_template_set (store, "Mío", "fs-an", "{b}{n}", &error));
  g_clear_error (&error);
  g_assert_true (enlace_label_template_set (store, "TIA-606 fs-an", "fs-an", "{b}{fs}{p}{n:3}", &error));
  g_assert_no_error (error);
  t = enlace_label_template_get (store, "TIA-606 fs-an", &error);
  g_assert_cmpstr (t->pattern, ==, "{b}{fs}{p}{n:3}");
  g_assert_true (t->builtin);
  g_assert_true (enlace_store_undo (store, &error));
  g_clear_pointer (&t, enlace_label_template_free);
  t = enlace_label_template_get (store, "TIA-606 fs-an", &error);
  g_assert_cmpstr (t->pattern, ==, "{b}-{fs}-{p}{n:2}");
  g_assert_cmpint (t->id, ==, 0);
}

static const char *
cable_label (EnlaceStore *store,
             const char  *key)
{
  static char buf[64];
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_store_lookup (store, "cable", key, &error);
  g_autoptr(JsonObject) o = NULL;

  if (id == 0)
    return NULL;
  o = enlace_store_get (store, "cable", id, &error);
  g_strlcpy (buf, json_object_get_string_member (o, "label"), sizeof buf);
  return buf;
}

static const char *
port_label (EnlaceStore *store,
            const char  *key)
{
  static char buf[64];
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_store_lookup (store, "port", key, &error);
  g_autoptr(JsonObject) o = NULL;

  g_assert_no_error (error);
  o = enlace_store_get (store, "port", id, &error);
  if (json_object_get_null_member (o, "label"))
    return NULL;
  g_strlcpy (buf, json_object_get_string_member (o, "label"), sizeof buf);
  return buf;
}

static void
test_label_rename (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) rack = NULL;
  EnlaceLabelChange *c;
  guint n = 0;

  /* the planned runs: 12 cables, their 12 panel ports and 12 jacks */
  preview = enlace_labels_preview (store, "TIA-606 fs-an", "C", "1", ENLACE_LABELS_PLANNED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 36);
  c = g_ptr_array_index (preview, 0);
  g_assert_cmpstr (c->kind, ==, "cable");
  g_assert_cmpstr (c->old_text, ==, "P01");
  g_assert_cmpstr (c->new_text, ==, "C-1A-A01");
  c = g_ptr_array_index (preview, 1);
  g_assert_cmpstr (c->object, ==, "PP-A:R1");
  g_assert_null (c->old_text);
  g_assert_cmpstr (c->new_text, ==, "C-1A-A01");
  c = g_ptr_array_index (preview, 2);
  g_assert_cmpstr (c->object, ==, "O-1:D1");
  /* previewing changes nothing */
  g_assert_cmpstr (cable_label (store, "P01"), ==, "P01");

  /* the rack-position style, on every run: PP-B is panel B, unit 39 */
  rack = enlace_labels_preview (store, "TIA-606 rack", NULL, NULL, ENLACE_LABELS_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rack->len, ==, 6);
  g_assert_cmpstr (((EnlaceLabelChange *)g_ptr_array_index (rack, 0))->new_text, ==, "C-1A.R1-39:01");

  /* apply: one command; undo puts every label back */
  g_assert_true (enlace_labels_apply (store, "TIA-606 fs-an", "C", "1", ENLACE_LABELS_PLANNED, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 36);
  g_assert_null (cable_label (store, "P01"));
  g_assert_cmpstr (cable_label (store, "C-1A-A12"), ==, "C-1A-A12");
  g_assert_cmpstr (port_label (store, "PP-A:R12"), ==, "C-1A-A12");
  g_assert_cmpstr (port_label (store, "O-6:D2"), ==, "C-1A-A12");
  /* applying again changes nothing */
  g_clear_pointer (&preview, g_ptr_array_unref);
  preview = enlace_labels_preview (store, "TIA-606 fs-an", "C", "1", ENLACE_LABELS_PLANNED, &error);
  g_assert_cmpuint (preview->len, ==, 0);
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cable_label (store, "P01"), ==, "P01");
  g_assert_null (port_label (store, "PP-A:R12"));
  g_assert_null (port_label (store, "O-6:D2"));

  /* refused when a cable that is not renamed holds a new label */
  {
    g_autoptr(JsonObject) v = json_object_new ();

    json_object_set_string_member (v, "label", "C-1A-A03");
    g_assert_true (enlace_store_update (store, "cable", enlace_store_lookup (store, "cable", "E01", NULL), v, &error));
    g_assert_no_error (error);
  }
  g_assert_false (enlace_labels_apply (store, "TIA-606 fs-an", "C", "1", ENLACE_LABELS_PLANNED, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (cable_label (store, "P01"), ==, "P01");
}

/* A fibre panel of the riser above the copper panels takes no letter:
 * the letters of fs-an name the panels where horizontal links end, and
 * the backbone's panel would shift them (A-0A-A01 of a building labelled
 * by hand became A-0A-B01). */
static void
test_label_letters_skip_backbone (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  EnlaceBuilder *b;
  EnlaceBuilderType *fo;
  EnlaceBuilderPlace place = { 0 };
  EnlaceBuilderCable riser = { "BB-01", "backbone", "os2", 2, 30.0, "amarillo", NULL };
  gint64 fo1[24] = { 0 };
  sqlite3_stmt *st;

  g_assert_true (enlace_store_begin (store, "riser panel", &error));
  g_assert_true (enlace_store_begin_bulk (store, &error));
  b = enlace_builder_new (store);
  fo = enlace_builder_type (b, "Test", "FO12", NULL, 1, FALSE, "patch-panel");
  enlace_builder_type_ports (b, fo, "front", "F%u", 1, 12, "fibre", "LC", 1);
  enlace_builder_type_ports (b, fo, "rear", "R%u", 1, 12, "fibre", "LC", 1);
  st = enlace_store_prepare (store, "SELECT id FROM rack WHERE name = 'R1'", &error);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  place.rack_id = sqlite3_column_int64 (st, 0);
  sqlite3_reset (st);
  place.face = "front";
  place.u_position = 42;
  enlace_builder_device (b, fo, "FO1", &place);
  memcpy (fo1, enlace_builder_ports (b), sizeof fo1);
  place.u_position = 41;
  enlace_builder_device (b, fo, "FO2", &place);
  /* FO1's rear port 1 to FO2's: a backbone cable */
  enlace_builder_cable (b, &riser, fo1[12], enlace_builder_ports (b)[12]);
  g_assert_true (enlace_builder_finish (b, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_store_end_bulk (store, &error));
  g_assert_true (enlace_store_commit (store, &error));
  g_assert_no_error (error);

  preview = enlace_labels_preview (store, "TIA-606 fs-an", "C", "1", ENLACE_LABELS_PLANNED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, 36);
  g_assert_cmpstr (((EnlaceLabelChange *) g_ptr_array_index (preview, 0))->new_text, ==, "C-1A-A01");
}

/* ------------------------------------------------------------ installation */

static void
test_certify (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCertifyReport) r = NULL;
  g_autoptr(EnlaceCertifyReport) dry = NULL;
  g_autoptr(EnlaceCableTest) t = NULL;
  const char *csv =
    "Label,Length (m),Result,Margin (dB)\n"
    "E01,29.5,PASS,3.2\n"
    "E02,31.0,FAIL,-1.1\n"
    "ZZ9,10,PASS,1\n"
    "E01,29.5,PASS,3.2\n"
    "P01,abc,PASS,1\n"
    "P02,41.2,maybe,1\n";
  gint64 e01 = enlace_store_lookup (store, "cable", "E01", NULL);
  gint64 e02 = enlace_store_lookup (store, "cable", "E02", NULL);
  JsonObject *u;

  dry = enlace_install_certify (store, csv, strlen (csv), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dry->matched, ==, 2);
  g_assert_null (enlace_cable_test_get (store, e01, &error));

  r = enlace_install_certify (store, csv, strlen (csv), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->rows, ==, 6);
  g_assert_cmpuint (r->matched, ==, 2);
  g_assert_cmpuint (r->passed, ==, 1);
  g_assert_cmpuint (r->failed, ==, 1);
  g_assert_cmpuint (r->unmatched->len, ==, 4);
  u = g_ptr_array_index (r->unmatched, 0);
  g_assert_cmpint (json_object_get_int_member (u, "line"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (u, "label"), ==, "ZZ9");
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (r->unmatched, 1), "line"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (r->unmatched, 2), "line"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (r->unmatched, 3), "line"), ==, 7);

  t = enlace_cable_test_get (store, e01, &error);
  g_assert_nonnull (t);
  g_assert_true (t->passed);
  g_assert_cmpfloat (t->length_m, ==, 29.5);
  g_assert_cmpfloat (t->margin_db, ==, 3.2);
  g_assert_cmpstr (t->source, ==, "certifier");
  g_clear_pointer (&t, enlace_cable_test_free);
  t = enlace_cable_test_get (store, e02, &error);
  g_assert_false (t->passed);
  g_clear_pointer (&t, enlace_cable_test_free);

  /* one command */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_null (enlace_cable_test_get (store, e01, &error));
  g_assert_null (enlace_cable_test_get (store, e02, &error));

  /* a file without a label column is refused */
  g_clear_pointer (&r, enlace_certify_report_free);
  r = enlace_install_certify (store, "length,result\n1,PASS\n", 21, FALSE, &error);
  g_assert_null (r);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_install_run (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCableTest) t = NULL;
  g_autoptr(JsonObject) o = NULL;
  gint64 p01 = enlace_store_lookup (store, "cable", "P01", NULL);

  g_assert_true (enlace_install_run (store, "P01", 38.7, TRUE, 4.5, &error));
  g_assert_no_error (error);
  t = enlace_cable_test_get (store, p01, &error);
  g_assert_cmpfloat (t->length_m, ==, 38.7);
  g_assert_cmpstr (t->source, ==, "manual");
  o = enlace_store_get (store, "cable", p01, &error);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "installed");
  /* the tested length is the cable's length now */
  g_assert_cmpfloat (json_object_get_double_member (o, "length_m"), ==, 38.7);

  /* one command: undo gives back the design's length and status */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&o, json_object_unref);
  o = enlace_store_get (store, "cable", p01, &error);
  g_assert_cmpfloat (json_object_get_double_member (o, "length_m"), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "planned");
  g_assert_null (enlace_cable_test_get (store, p01, &error));
  g_assert_no_error (error);

  /* without a length the cable keeps its own; a failure is recorded too */
  g_assert_true (enlace_install_run (store, "P01", -1, FALSE, -0.8, &error));
  g_assert_no_error (error);
  g_clear_pointer (&o, json_object_unref);
  o = enlace_store_get (store, "cable", p01, &error);
  g_assert_cmpfloat (json_object_get_double_member (o, "length_m"), ==, 40);
  g_clear_pointer (&t, enlace_cable_test_free);
  t = enlace_cable_test_get (store, p01, &error);
  g_assert_false (t->passed);
  g_assert_cmpfloat (t->margin_db, ==, -0.8);

  g_assert_false (enlace_install_run (store, "NOPE", 1, TRUE, NAN, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The certifier's lengths become the cables' lengths, in its one command. */
static void
test_certify_length (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceCertifyReport) r = NULL;
  g_autoptr(JsonObject) o = NULL;
  const char *csv = "label,length,result,margin\nE02,14.0,FAIL,-2.5\n";
  gint64 e02 = enlace_store_lookup (store, "cable", "E02", NULL);

  r = enlace_install_certify (store, csv, strlen (csv), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->failed, ==, 1);
  o = enlace_store_get (store, "cable", e02, &error);
  g_assert_cmpfloat (json_object_get_double_member (o, "length_m"), ==, 14.0);
  g_assert_true (enlace_store_undo (store, &error));
  g_clear_pointer (&o, json_object_unref);
  o = enlace_store_get (store, "cable", e02, &error);
  g_assert_cmpfloat (json_object_get_double_member (o, "length_m"), ==, 30.0);
}

/* An older project's planned outlet made jack by jack, without a type:
 * the order gives it one (a "Generic" faceplate of its jacks) in its own
 * command instead of refusing. */
static void
test_floor_order_untyped (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) dev = json_object_new ();
  g_autoptr(JsonObject) front = json_object_new ();
  g_autoptr(JsonObject) rear = json_object_new ();
  g_autoptr(JsonObject) map = json_object_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonObject) o = NULL;
  gint64 id, f, r, case_id, types;
  const char *type = NULL;

  types = enlace_store_count (store, "device-type");
  json_object_set_string_member (dev, "name", "O-OLD");
  json_object_set_string_member (dev, "role", "outlet");
  json_object_set_string_member (dev, "status", "planned");
  json_object_set_int_member (dev, "space_id", enlace_store_lookup (store, "space", "C/1/101", NULL));
  id = enlace_store_create (store, "device", dev, &error);
  g_assert_no_error (error);
  json_object_set_int_member (front, "device_id", id);
  json_object_set_string_member (front, "kind", "front");
  json_object_set_string_member (front, "name", "D");
  f = enlace_store_create (store, "port", front, &error);
  json_object_set_int_member (rear, "device_id", id);
  json_object_set_string_member (rear, "kind", "rear");
  json_object_set_string_member (rear, "name", "D-R");
  r = enlace_store_create (store, "port", rear, &error);
  json_object_set_int_member (map, "device_id", id);
  json_object_set_int_member (map, "front_port_id", f);
  json_object_set_int_member (map, "rear_port_id", r);
  g_assert_cmpint (enlace_store_create (store, "port-mapping", map, &error), >, 0);
  g_assert_no_error (error);

  case_id = enlace_install_floor_order (store, "C", "1", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  g_assert_cmpint (enlace_store_count (store, "device-type"), ==, types + 1);
  changes = enlace_order_changes (store, case_id, &error);
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceOrderChange *c = g_ptr_array_index (changes, i);

      if (g_str_equal (c->target, "O-OLD"))
        type = json_object_get_string_member_with_default (c->params, "type", NULL);
    }
  g_assert_nonnull (type);
  g_assert_true (g_str_has_prefix (type, "Generic/"));
  g_assert_true (enlace_order_execute (store, case_id, &error));
  g_assert_no_error (error);
  o = enlace_store_get (store, "device", enlace_store_lookup (store, "device", "O-OLD", NULL), &error);
  g_assert_no_error (error);
  g_assert_false (json_node_is_null (json_object_get_member (o, "device_type_id")));
}

/* A run installed and tested by itself while its outlet is planned: the
 * floor's order is refused, naming it (it would make the outlet again
 * and lose the run and its test), and nothing changes. */
static void
test_floor_order_keeps_tested_runs (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  guint cables;

  g_assert_true (enlace_install_run (store, "P01", 38.7, TRUE, 4.5, &error));
  g_assert_no_error (error);
  cables = enlace_store_count (store, "cable");
  g_assert_cmpint (enlace_install_floor_order (store, "C", "1", NULL, NULL, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "P01"));
  g_assert_nonnull (strstr (error->message, "O-1"));
  g_assert_cmpuint (enlace_store_count (store, "cable"), ==, cables);
  g_assert_cmpint (enlace_store_lookup (store, "cable", "P01", NULL), >, 0);
}

static void
test_floor_order (void)
{
  g_autoptr(EnlaceStore) store = fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonObject) o = NULL;
  guint n = 0;
  gint64 case_id;

  case_id = enlace_install_floor_order (store, "C", "1", NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  g_assert_cmpuint (n, ==, 18);   /* 6 outlets, 12 runs */
  g_assert_true (enlace_order_is_order (store, case_id));
  changes = enlace_order_changes (store, case_id, &error);
  g_assert_cmpuint (changes->len, ==, 18);
  g_assert_cmpstr (((EnlaceOrderChange *)g_ptr_array_index (changes, 0))->kind, ==, "add-outlet");
  g_assert_cmpstr (((EnlaceOrderChange *)g_ptr_array_index (changes, 17))->kind, ==, "connect");
  /* the design moved into the order */
  g_assert_cmpint (enlace_store_lookup (store, "cable", "P01", NULL), ==, 0);
  /* nothing left to send */
  g_assert_cmpint (enlace_install_floor_order (store, "C", "1", NULL, NULL, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* executing the order makes them again, installed */
  g_assert_true (enlace_order_execute (store, case_id, &error));
  g_assert_no_error (error);
  o = enlace_store_get (store, "cable", enlace_store_lookup (store, "cable", "P12", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "installed");
  g_assert_cmpfloat (json_object_get_double_member (o, "length_m"), ==, 40);

  /* undo (of the execution, then of the order) gives the design back */
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_true (enlace_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&o, json_object_unref);
  o = enlace_store_get (store, "cable", enlace_store_lookup (store, "cable", "P12", NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "planned");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/bom/boxes", test_boxes);
  g_test_add_func ("/model/bom/totals", test_bom_totals);
  g_test_add_func ("/model/bom/design", test_bom_design);
  g_test_add_func ("/model/bom/type-labels", test_type_labels);
  g_test_add_func ("/model/bom/output", test_bom_output);
  g_test_add_func ("/model/bom/prices", test_prices);
  g_test_add_func ("/model/bom/label-templates", test_label_templates);
  g_test_add_func ("/model/bom/label-rename", test_label_rename);
  g_test_add_func ("/model/bom/label-letters-skip-backbone", test_label_letters_skip_backbone);
  g_test_add_func ("/model/bom/certify", test_certify);
  g_test_add_func ("/model/bom/install-run", test_install_run);
  g_test_add_func ("/model/bom/floor-order", test_floor_order);
  g_test_add_func ("/model/bom/floor-order-keeps-tested-runs", test_floor_order_keeps_tested_runs);
  g_test_add_func ("/model/bom/certify-length", test_certify_length);
  g_test_add_func ("/model/bom/floor-order-untyped", test_floor_order_untyped);
  return g_test_run ();
}
