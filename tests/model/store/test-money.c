/* test-money.c: amounts of money as people read them (enlace_money_*),
 * and the currency of the bill of materials' price list.  Runs twice:
 * LANGUAGE=en (money) and LANGUAGE=es in the C.UTF-8 locale (money-es),
 * where the conventions come from the translation. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-bom.h"
#include "enlace-builder.h"
#include "enlace-i18n.h"
#include "enlace-money.h"
#include "enlace-store.h"

static const EnlaceMoneyStyle spanish = { ",", ".", FALSE, TRUE };
static const EnlaceMoneyStyle english = { ".", ",", TRUE, FALSE };

static void
check (double                  amount,
       const char             *currency,
       const EnlaceMoneyStyle *style,
       const char             *expected)
{
  g_autofree char *text = enlace_money_format_style (amount, currency, style);

  g_assert_cmpstr (text, ==, expected);
}

/* Separators every three digits, cents always, the symbol in its place */
static void
test_style (void)
{
  check (50772, "EUR", &spanish, "50.772,00 €");
  check (50772, "EUR", &english, "€50,772.00");
  check (0.5, "EUR", &spanish, "0,50 €");
  check (999, "EUR", &spanish, "999,00 €");
  check (1000, "EUR", &spanish, "1.000,00 €");
  check (1234567.891, "EUR", &spanish, "1.234.567,89 €");
  check (999.999, "GBP", &english, "£1,000.00");
  check (-2450, "EUR", &spanish, "-2.450,00 €");
  check (-0.001, "EUR", &english, "€0.00");
  /* a code, not a symbol: always apart ("$" would not say which) */
  check (50772, "MXN", &spanish, "50.772,00 MXN");
  check (50772, "MXN", &english, "MXN 50,772.00");
  check (12.5, NULL, &english, "12.50");
}

/* The current locale is C.UTF-8, which has no conventions for money: the
 * translation's are used */
static void
test_current (void)
{
  g_autofree char *eur = enlace_money_format (50772, "EUR");
  g_autofree char *mxn = enlace_money_format (1234.5, "MXN");

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "es") == 0)
    {
      g_assert_cmpstr (eur, ==, "50.772,00 €");
      g_assert_cmpstr (mxn, ==, "1.234,50 MXN");
    }
  else
    {
      g_assert_cmpstr (eur, ==, "€50,772.00");
      g_assert_cmpstr (mxn, ==, "MXN 1,234.50");
    }
}

/* The price list's currency: the meta "currency", else MXN */
static void
test_bom_currency (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autofree char *none = NULL, *eur = NULL, *bad = NULL;

  g_assert_no_error (error);
  none = enlace_bom_dup_currency (store);
  g_assert_cmpstr (none, ==, "MXN");
  g_assert_true (enlace_store_set_meta (store, "currency", " eur ", &error));
  g_assert_no_error (error);
  eur = enlace_bom_dup_currency (store);
  g_assert_cmpstr (eur, ==, "EUR");
  g_assert_true (enlace_store_set_meta (store, "currency", "pesos", &error));
  bad = enlace_bom_dup_currency (store);
  g_assert_cmpstr (bad, ==, "MXN");
}

/* Quantities take the same marks: "1.234,5" */
static void
test_numbers (void)
{
  g_autofree char *a = enlace_number_format_style (1234.5, 1, &spanish);
  g_autofree char *b = enlace_number_format_style (1234.5, 1, &english);
  g_autofree char *c = enlace_number_format_style (-0.04, 1, &spanish);
  g_autofree char *d = enlace_number_format_style (1.5, 0, &spanish);
  g_autofree char *e = enlace_number_format_style (-12.25, 2, &spanish);

  g_assert_cmpstr (a, ==, "1.234,5");
  g_assert_cmpstr (b, ==, "1,234.5");
  g_assert_cmpstr (c, ==, "0,0");
  g_assert_cmpstr (d, ==, "2");
  g_assert_cmpstr (e, ==, "-12,25");
}

/* The bill of materials writes metres and lengths of cords with the
 * language's decimal mark: "Cable de parcheo Cat6, 1,5 m", "12,5 m" of tray */
static void
test_bom_metres (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceStore) store = enlace_store_new_memory (&error);
  g_autoptr(EnlaceBom) bom = NULL;
  g_autoptr(JsonObject) pw = json_object_new ();
  g_autofree char *metres = NULL;
  gboolean es = g_strcmp0 (g_getenv ("LANGUAGE"), "es") == 0;
  EnlaceBuilder *b;
  EnlaceBuilderType *sw;
  EnlaceBuilderPlace place = { 0 };
  EnlaceBuilderCable cord = { "PC01", "patch-cord", "cat6", 4, 1.5, "gris", "planned" };
  gint64 site, bld, fl, room, a[2], z[2];
  const char *cord_line = NULL, *tray_line = NULL;

  g_assert_no_error (error);
  g_assert_true (enlace_store_begin (store, "fixture", &error));
  g_assert_true (enlace_store_begin_bulk (store, &error));
  b = enlace_builder_new (store);
  site = enlace_builder_site (b, "CU", "Campus", NULL);
  bld = enlace_builder_building (b, site, "C", "Biblioteca", NULL);
  fl = enlace_builder_floor (b, bld, 1, "Planta 1", 3.0);
  room = enlace_builder_space (b, fl, "1A", "Cuarto 1A", "telecom-room", NULL);
  sw = enlace_builder_type (b, "Test", "SW2", NULL, 1, FALSE, "switch");
  enlace_builder_type_ports (b, sw, "interface", "G%u", 1, 2, "copper", "8P8C", 1);
  place.space_id = room;
  place.status = "planned";
  enlace_builder_device (b, sw, "SW-A", &place);
  memcpy (a, enlace_builder_ports (b), sizeof a);
  enlace_builder_device (b, sw, "SW-B", &place);
  memcpy (z, enlace_builder_ports (b), sizeof z);
  enlace_builder_cable (b, &cord, a[0], z[0]);
  g_assert_true (enlace_builder_finish (b, &error));
  g_assert_no_error (error);
  g_assert_true (enlace_store_end_bulk (store, &error));
  g_assert_true (enlace_store_commit (store, &error));
  g_assert_no_error (error);
  json_object_set_int_member (pw, "floor_id", fl);
  json_object_set_string_member (pw, "kind", "tray");
  json_object_set_string_member (pw, "points", "[[0,0],[10,0],[10,2.5]]");
  g_assert_cmpint (enlace_store_create (store, "pathway", pw, &error), >, 0);
  g_assert_no_error (error);

  bom = enlace_bom_compute (store, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < bom->total->lines->len; i++)
    {
      EnlaceBomLine *l = g_ptr_array_index (bom->total->lines, i);

      if (g_str_equal (l->item, "cord:cat6:1.5"))
        cord_line = l->description;
      if (g_str_has_prefix (l->item, "pathway:"))
        {
          tray_line = l->description;
          metres = enlace_bom_line_dup_quantity (l);
        }
    }
  g_assert_nonnull (cord_line);
  g_assert_nonnull (tray_line);
  g_assert_cmpstr (cord_line, ==, es ? "Cable de parcheo Cat6, 1,5 m" : "Patch cord Cat6, 1.5 m");
  g_assert_cmpstr (metres, ==, es ? "12,5 m" : "12.5 m");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  enlace_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/money/style", test_style);
  g_test_add_func ("/model/money/current", test_current);
  g_test_add_func ("/model/money/bom-currency", test_bom_currency);
  g_test_add_func ("/model/money/numbers", test_numbers);
  g_test_add_func ("/model/money/bom-metres", test_bom_metres);

  return g_test_run ();
}
