/* enlace-money.h: amounts of money as people read them
 *
 * "50.772,00 €" in Spanish, "€50,772.00" in English: the decimal mark,
 * the thousands separator and where the currency goes come from the
 * locale's LC_MONETARY when it has them (es_ES.UTF-8, en_US.UTF-8, …);
 * in the C and POSIX locales, which have none, from the translation
 * (LANGUAGE=es in the C.UTF-8 locale reads "50.772,00 €").
 * The currency is an ISO 4217 code: "EUR" is written "€", "GBP" "£",
 * any other by its code ("50.772,00 MXN", "MXN 50,772.00"), since "$"
 * alone does not say which dollar or peso it is.
 * Files for machines (CSV, JSON) keep plain numbers ("50772.00").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *decimal_mark;        /* "," */
  const char *thousands_separator; /* ".", or "" for none */
  gboolean    currency_first;      /* "€50" rather than "50 €" */
  gboolean    space;               /* a space between amount and symbol */
} EnlaceMoneyStyle;

/* The style of the current locale (LC_MONETARY), or of the translation
 * when the locale has none (C, POSIX).  The strings are static. */
void        enlace_money_style_current (EnlaceMoneyStyle       *style);

/* "€", "£", or the code itself ("MXN", "USD"). */
const char *enlace_money_symbol        (const char             *currency);

/* @amount rounded to cents in @style with @currency's symbol; a code
 * ("MXN") is always set apart by a space. */
char       *enlace_money_format_style  (double                  amount,
                                        const char             *currency,
                                        const EnlaceMoneyStyle *style);

/* enlace_money_format_style() in enlace_money_style_current(). */
char       *enlace_money_format        (double                  amount,
                                        const char             *currency);

/* A quantity (metres, lengths of cords) with @decimals decimals and the
 * marks of @style: "1.234,5" in Spanish, "1,234.5" in English. */
char       *enlace_number_format_style (double                  value,
                                        guint                   decimals,
                                        const EnlaceMoneyStyle *style);

/* enlace_number_format_style() in enlace_money_style_current(). */
char       *enlace_number_format       (double                  value,
                                        guint                   decimals);

G_END_DECLS
