/* enlace-money.c: amounts of money as people read them */
#define G_LOG_DOMAIN "enlace-money"
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "enlace-money.h"

void
enlace_money_style_current (EnlaceMoneyStyle *style)
{
  const struct lconv *lc = localeconv ();
  const char *pattern;
  const char *amount, *symbol;

  g_return_if_fail (style != NULL);

  if (lc->mon_decimal_point != NULL && lc->mon_decimal_point[0] != '\0')
    {
      /* the locale says (es_ES: "50.772,00 €"; en_US: "€50,772.00");
       * its strings live as long as the locale is not changed, so keep
       * the common ones as static strings */
      static const char *const known[] = { ".", ",", " ", "\xc2\xa0", "\xe2\x80\xaf", "'", "" };
      const char *dp = lc->mon_decimal_point, *ts = lc->mon_thousands_sep ? lc->mon_thousands_sep : "";

      style->decimal_mark = ".";
      style->thousands_separator = "";
      for (guint i = 0; i < G_N_ELEMENTS (known); i++)
        {
          if (strcmp (dp, known[i]) == 0)
            style->decimal_mark = known[i];
          if (strcmp (ts, known[i]) == 0)
            style->thousands_separator = known[i];
        }
      if (lc->mon_grouping == NULL || lc->mon_grouping[0] <= 0 || lc->mon_grouping[0] == CHAR_MAX)
        style->thousands_separator = "";
      style->currency_first = lc->p_cs_precedes != 0;
      style->space = lc->p_sep_by_space == 1;
      return;
    }

  /* C and POSIX: the translation's way.  Translators: the decimal mark
   * of amounts of money in your language ("," in Spanish). */
  style->decimal_mark = C_("money", ".");
  /* Translators: the thousands separator of amounts of money in your
   * language ("." in Spanish; " " for a space). */
  style->thousands_separator = C_("money thousands", ",");
  /* Translators: where the currency goes: keep the words {currency} and
   * {amount}, in your order, with a space between them or not
   * ("{amount} {currency}" in Spanish: "50.772,00 €"). */
  pattern = C_("money pattern", "{currency}{amount}");
  amount = strstr (pattern, "{amount}");
  symbol = strstr (pattern, "{currency}");
  if (amount == NULL || symbol == NULL)
    {
      style->currency_first = TRUE;
      style->space = FALSE;
      return;
    }
  style->currency_first = symbol < amount;
  style->space = style->currency_first ? symbol[strlen ("{currency}")] == ' '
                                       : amount[strlen ("{amount}")] == ' ';
}

const char *
enlace_money_symbol (const char *currency)
{
  if (currency == NULL || currency[0] == '\0')
    return "";
  if (g_ascii_strcasecmp (currency, "EUR") == 0)
    return "€";
  if (g_ascii_strcasecmp (currency, "GBP") == 0)
    return "£";
  return currency;
}

/* @amount with @decimals decimals and @style's marks, no sign: "50.772,00" */
static GString *
format_digits (double                  amount,
               guint                   decimals,
               const EnlaceMoneyStyle *style,
               gboolean               *negative)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  GString *number;
  const char *digits, *point;
  gsize n_int;

  /* in the C way first ("-50772.00"), then the separators */
  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 9));
  g_ascii_formatd (buf, sizeof buf, format, amount);
  *negative = buf[0] == '-';
  digits = *negative ? buf + 1 : buf;
  /* "-0.00" is nothing less than zero */
  if (*negative && strspn (digits, "0.") == strlen (digits))
    *negative = FALSE;
  point = strchr (digits, '.');
  n_int = point ? (gsize) (point - digits) : strlen (digits);

  number = g_string_new (NULL);
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0 && style->thousands_separator)
        g_string_append (number, style->thousands_separator);
      g_string_append_c (number, digits[i]);
    }
  if (point)
    {
      g_string_append (number, style->decimal_mark ? style->decimal_mark : ".");
      g_string_append (number, point + 1);
    }
  return number;
}

char *
enlace_money_format_style (double                  amount,
                           const char             *currency,
                           const EnlaceMoneyStyle *style)
{
  GString *out, *number;
  const char *symbol = enlace_money_symbol (currency);
  gboolean negative;
  gboolean space;

  g_return_val_if_fail (style != NULL, NULL);

  number = format_digits (amount, 2, style, &negative);

  /* a code is set apart by a space: "MXN 50,772.00", "50.772,00 MXN" */
  space = style->space || g_ascii_isalpha (symbol[0]);
  out = g_string_new (negative ? "-" : NULL);
  if (symbol[0] == '\0')
    g_string_append (out, number->str);
  else if (style->currency_first)
    g_string_append_printf (out, "%s%s%s", symbol, space ? " " : "", number->str);
  else
    g_string_append_printf (out, "%s%s%s", number->str, space ? " " : "", symbol);

  g_string_free (number, TRUE);
  return g_string_free (out, FALSE);
}

char *
enlace_number_format_style (double                  value,
                            guint                   decimals,
                            const EnlaceMoneyStyle *style)
{
  GString *number;
  gboolean negative;

  g_return_val_if_fail (style != NULL, NULL);

  number = format_digits (value, decimals, style, &negative);
  if (negative)
    g_string_prepend_c (number, '-');
  return g_string_free (number, FALSE);
}

char *
enlace_number_format (double value,
                      guint  decimals)
{
  EnlaceMoneyStyle style;

  enlace_money_style_current (&style);
  return enlace_number_format_style (value, decimals, &style);
}

char *
enlace_money_format (double      amount,
                     const char *currency)
{
  EnlaceMoneyStyle style;

  enlace_money_style_current (&style);
  return enlace_money_format_style (amount, currency, &style);
}
