/* test-money.c: amounts of money as people read them (enlace_money_*),
 * and the currency of the bill of materials' price list.  Runs twice:
 * LANGUAGE=en (money) and LANGUAGE=es in the C.UTF-8 locale (money-es),
 * where the conventions come from the translation. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "enlace-bom.h"
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

  return g_test_run ();
}
