/* enlace-opinions.h: technical opinions on equipment purchases (dictamen
 * técnico, procedure "dictamen"): the vendors' quotes of a case, their
 * side-by-side comparison against the requirements, and the resolution.
 * Part of model/: GLib only; the SQL is in enlace-opinions.c.
 *
 * A quote belongs to a case of a procedure of kind "opinion" and has a
 * number within the case (1, 2, …: the "N" of `enlace-cli opinion`).
 * Adding, changing or removing a quote and resolving are one command each
 * (audit log, undo). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-cases.h"
#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   id;
  guint    seq;              /* number within the case */
  char    *vendor;
  char    *item;
  char    *brand;            /* may be NULL */
  char    *model;            /* may be NULL */
  char    *specification;    /* may be NULL */
  double   unit_price;       /* >= 0 */
  int      quantity;         /* >= 1 */
  char    *currency;         /* three letters: "MXN" */
  int      delivery_days;    /* -1: not given */
  int      warranty_months;  /* -1: not given */
  int      meets;            /* meets the requirements: 1, 0; -1 not judged */
  char    *notes;            /* may be NULL */
} EnlaceQuote;

void         enlace_quote_free            (EnlaceQuote *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceQuote, enlace_quote_free)
/* unit_price × quantity */
double       enlace_quote_total           (const EnlaceQuote *self);
/* {"id","n","vendor",…,"total"}, for --json */
JsonObject  *enlace_quote_to_json         (const EnlaceQuote *self);

/* The quotes of a case, by number (EnlaceQuote*). */
GPtrArray   *enlace_opinion_quotes        (EnlaceStore  *store,
                                           gint64        case_id,
                                           GError      **error);
/* The id of quote number @n of the case (error names the case). */
gint64       enlace_opinion_quote_lookup  (EnlaceStore  *store,
                                           gint64        case_id,
                                           guint         n,
                                           GError      **error);

/* @values: "vendor", "item" (required on add), "brand", "model",
 * "specification", "unit_price" (>= 0, required on add), "quantity"
 * (>= 1, default 1), "currency" (a three-letter code, default MXN),
 * "delivery_days", "warranty_months" (>= 0), "meets" (boolean), "notes".
 * A refusal names the case, the quote and the rule.  Refused on a case
 * that is not a technical opinion, or closed or cancelled.  Add returns
 * the quote id and numbers it after the case's last. */
gint64       enlace_opinion_quote_add     (EnlaceStore  *store,
                                           gint64        case_id,
                                           JsonObject   *values,
                                           GError      **error);
/* Changes the members given in @values (null clears an optional one). */
gboolean     enlace_opinion_quote_set     (EnlaceStore  *store,
                                           gint64        quote_id,
                                           JsonObject   *values,
                                           GError      **error);
/* Refused while it is the recommended quote of the resolution. */
gboolean     enlace_opinion_quote_remove  (EnlaceStore  *store,
                                           gint64        quote_id,
                                           GError      **error);

typedef enum
{
  ENLACE_OPINION_NONE,          /* not resolved yet */
  ENLACE_OPINION_FAVOURABLE,    /* "favourable" */
  ENLACE_OPINION_CONDITIONAL,   /* "conditional": favourable with conditions */
  ENLACE_OPINION_UNFAVOURABLE,  /* "unfavourable" */
} EnlaceOpinionResult;

const char  *enlace_opinion_result_to_string   (EnlaceOpinionResult r);
gboolean     enlace_opinion_result_from_string (const char *s,
                                                EnlaceOpinionResult *out);
/* Translated ("Favorable con condiciones"). */
const char  *enlace_opinion_result_label       (EnlaceOpinionResult r);

typedef struct
{
  EnlaceOpinionResult  result;
  char                *reasons;
  gint64               quote_id;     /* recommended quote, 0: none */
  guint                quote_seq;    /* its number, 0: none */
  char                *resolved_by;
  char                *resolved_at;  /* ISO 8601 */
} EnlaceOpinion;

void         enlace_opinion_free          (EnlaceOpinion *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceOpinion, enlace_opinion_free)

/* The resolution; result ENLACE_OPINION_NONE when there is none yet. */
EnlaceOpinion *enlace_opinion_get         (EnlaceStore  *store,
                                           gint64        case_id,
                                           GError      **error);
/* Records (or replaces) the resolution, one command, with an event on the
 * timeline.  @reasons required; @quote_id 0 or one of the case's quotes
 * (refused otherwise); a favourable result needs a recommended quote.
 * The dictamen's step "Resolución al dictamen" (the step of action
 * "opinion") is completed in the same command with the verdict and the
 * reasons as its remarks, while the case is open. */
gboolean     enlace_opinion_resolve       (EnlaceStore         *store,
                                           gint64               case_id,
                                           EnlaceOpinionResult  result,
                                           const char          *reasons,
                                           gint64               quote_id,
                                           GError             **error);

/* The other way (the steps engine, inside the step's command): the step
 * of action "opinion" done with @values ("verdict": Procedente,
 * Procedente con observaciones, No procedente; "remarks") records the
 * opinion's resolution when it differs: the reasons are the remarks (or
 * the verdict), the recommended quote the one already recommended, else
 * the case's only quote; a favourable verdict with several quotes and
 * none recommended leaves the resolution to "Resolución" (no error). */
gboolean     enlace_opinion_sync_from_step (EnlaceStore  *store,
                                            gint64        case_id,
                                            JsonObject   *values,
                                            GError      **error);

/* The side-by-side comparison: an array of rows (char**, NULL-terminated,
 * free with g_strfreev); row 0 is the heading ("", "1. Vendor", …), then
 * one row per aspect (price, total, delivery, warranty, specification,
 * meets the requirements), its label first.  Texts translated. */
GPtrArray   *enlace_opinion_comparison    (GPtrArray    *quotes);

/* The comparison against the requirements of the request (the dictamen's
 * table and the case page): like enlace_opinion_comparison, with a
 * second column "Requested" (the request form's "equipment",
 * "requirements", "quantity") and the quotes @first .. @first + @n - 1;
 * rows: item, brand and model, specification, quantity, unit price,
 * total, delivery, warranty, meets the requirements, notes (when a quote
 * has some), and when
 * @recommended > 0 (a quote id) "Recommended".  (enlace-case-dictamen.c) */
GPtrArray   *enlace_opinion_requirements_comparison (const EnlaceCase *c,
                                                     GPtrArray        *quotes,
                                                     guint             first,
                                                     guint             n,
                                                     gint64            recommended);

/* "12,345.50 MXN" */
char        *enlace_opinion_format_money  (double        amount,
                                           const char   *currency);

/* The exchange (enlace-cases-xml.c): writes a case's <quote> elements and
 * its <opinion>; reads one of them back for @case_id. */
gboolean     enlace_opinions_xml_export_case (EnlaceStore *store,
                                              gpointer     writer,   /* xmlTextWriterPtr */
                                              gint64       case_id,
                                              GError     **error);
gboolean     enlace_opinions_xml_import_node (EnlaceStore *store,
                                              gpointer     node,     /* xmlNodePtr */
                                              gint64       case_id,
                                              const char  *what,
                                              GError     **error);

G_END_DECLS
