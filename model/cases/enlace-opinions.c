/* enlace-opinions.c: the quotes and the resolution of a technical opinion
 * (dictamen técnico).  See enlace-opinions.h. */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-opinions.h"

void
enlace_quote_free (EnlaceQuote *self)
{
  if (self == NULL)
    return;
  g_free (self->vendor);
  g_free (self->item);
  g_free (self->brand);
  g_free (self->model);
  g_free (self->specification);
  g_free (self->currency);
  g_free (self->notes);
  g_free (self);
}

void
enlace_opinion_free (EnlaceOpinion *self)
{
  if (self == NULL)
    return;
  g_free (self->reasons);
  g_free (self->resolved_by);
  g_free (self->resolved_at);
  g_free (self);
}

double
enlace_quote_total (const EnlaceQuote *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->unit_price * self->quantity;
}

static void
set_opt_string (JsonObject *o,
                const char *name,
                const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, name, value);
  else
    json_object_set_null_member (o, name);
}

JsonObject *
enlace_quote_to_json (const EnlaceQuote *self)
{
  JsonObject *o = json_object_new ();

  g_return_val_if_fail (self != NULL, o);
  json_object_set_int_member (o, "id", self->id);
  json_object_set_int_member (o, "n", self->seq);
  json_object_set_string_member (o, "vendor", self->vendor);
  json_object_set_string_member (o, "item", self->item);
  set_opt_string (o, "brand", self->brand);
  set_opt_string (o, "model", self->model);
  set_opt_string (o, "specification", self->specification);
  json_object_set_double_member (o, "unit_price", self->unit_price);
  json_object_set_int_member (o, "quantity", self->quantity);
  json_object_set_string_member (o, "currency", self->currency);
  json_object_set_double_member (o, "total", enlace_quote_total (self));
  if (self->delivery_days >= 0)
    json_object_set_int_member (o, "delivery_days", self->delivery_days);
  else
    json_object_set_null_member (o, "delivery_days");
  if (self->warranty_months >= 0)
    json_object_set_int_member (o, "warranty_months", self->warranty_months);
  else
    json_object_set_null_member (o, "warranty_months");
  if (self->meets >= 0)
    json_object_set_boolean_member (o, "meets", self->meets == 1);
  else
    json_object_set_null_member (o, "meets");
  set_opt_string (o, "notes", self->notes);
  return o;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

#define QUOTE_COLUMNS \
  "id, seq, vendor, item, brand, model, specification, unit_price, quantity, currency, " \
  "delivery_days, warranty_months, meets, notes"

static EnlaceQuote *
quote_from_row (sqlite3_stmt *stmt)
{
  EnlaceQuote *q = g_new0 (EnlaceQuote, 1);

  q->id = sqlite3_column_int64 (stmt, 0);
  q->seq = (guint) sqlite3_column_int (stmt, 1);
  q->vendor = enlace_cases_dup_column (stmt, 2);
  q->item = enlace_cases_dup_column (stmt, 3);
  q->brand = enlace_cases_dup_column (stmt, 4);
  q->model = enlace_cases_dup_column (stmt, 5);
  q->specification = enlace_cases_dup_column (stmt, 6);
  q->unit_price = sqlite3_column_double (stmt, 7);
  q->quantity = sqlite3_column_int (stmt, 8);
  q->currency = enlace_cases_dup_column (stmt, 9);
  q->delivery_days = sqlite3_column_type (stmt, 10) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 10);
  q->warranty_months = sqlite3_column_type (stmt, 11) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 11);
  q->meets = sqlite3_column_type (stmt, 12) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 12) != 0;
  q->notes = enlace_cases_dup_column (stmt, 13);
  return q;
}

GPtrArray *
enlace_opinion_quotes (EnlaceStore  *store,
                       gint64        case_id,
                       GError      **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_quote_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store, "SELECT " QUOTE_COLUMNS " FROM case_quote WHERE case_id = ?1 ORDER BY seq",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ret, quote_from_row (stmt));
  sqlite3_reset (stmt);
  return g_steal_pointer (&ret);
}

static EnlaceQuote *
quote_get (EnlaceStore  *store,
           gint64        quote_id,
           gint64       *case_id,
           GError      **error)
{
  EnlaceQuote *q = NULL;
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store, "SELECT " QUOTE_COLUMNS ", case_id FROM case_quote WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      q = quote_from_row (stmt);
      *case_id = sqlite3_column_int64 (stmt, 14);
    }
  sqlite3_reset (stmt);
  if (q == NULL)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("No quote #%lld"), (long long) quote_id);
  return q;
}

gint64
enlace_opinion_quote_lookup (EnlaceStore  *store,
                             gint64        case_id,
                             guint         n,
                             GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return 0;
  stmt = enlace_store_prepare (store, "SELECT id FROM case_quote WHERE case_id = ?1 AND seq = ?2", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, (int) n);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                 _("%s has no quote %u"), h.folio, n);
  return id;
}

/* ------------------------------------------------------------------ */
/* Checks                                                              */

/* The case must be a technical opinion, neither closed nor cancelled. */
static gboolean
check_case (EnlaceStore     *store,
            EnlaceCaseHead  *h,
            GError         **error)
{
  g_autofree char *kind = enlace_cases_query_text (store, "SELECT kind FROM procedure WHERE id = ?1",
                                                   h->procedure_id);

  if (g_strcmp0 (kind, "opinion") != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is not a technical opinion: only opinions have quotes and a resolution"),
                   h->folio);
      return FALSE;
    }
  if (h->status == ENLACE_CASE_CLOSED || h->status == ENLACE_CASE_CANCELLED)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is %s: its opinion can no longer change"),
                   h->folio, enlace_case_status_label (h->status));
      return FALSE;
    }
  return TRUE;
}

/* A member as a number: FALSE (and @error) when present but not one. */
static gboolean
member_number (JsonObject  *o,
               const char  *name,
               const char  *what,
               const char  *label,
               double      *out,
               gboolean    *present,
               GError     **error)
{
  g_autofree char *text = NULL;
  char *end = NULL;

  *present = json_object_has_member (o, name);
  if (!*present)
    return TRUE;
  text = enlace_cases_member_text (o, name);
  if (text == NULL)
    {
      *out = -1;
      return TRUE;
    }
  *out = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*out))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the %s must be a number (got “%s”)"), what, label, text);
      return FALSE;
    }
  return TRUE;
}

static void
apply_text (JsonObject  *o,
            const char  *name,
            char       **field)
{
  if (!json_object_has_member (o, name))
    return;
  g_free (*field);
  *field = enlace_cases_member_text (o, name);
}

/* Applies @values to @q and checks every rule. */
static gboolean
quote_apply (EnlaceQuote  *q,
             JsonObject   *values,
             const char   *what,
             GError      **error)
{
  double d;
  gboolean present;

  apply_text (values, "vendor", &q->vendor);
  apply_text (values, "item", &q->item);
  apply_text (values, "brand", &q->brand);
  apply_text (values, "model", &q->model);
  apply_text (values, "specification", &q->specification);
  apply_text (values, "notes", &q->notes);
  if (json_object_has_member (values, "currency"))
    {
      g_autofree char *c = enlace_cases_member_text (values, "currency");

      g_free (q->currency);
      q->currency = c ? g_ascii_strup (c, -1) : NULL;
    }

  if (!member_number (values, "unit_price", what, _("unit price"), &d, &present, error))
    return FALSE;
  if (present)
    {
      if (d < 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: the unit price must be 0 or more"), what);
          return FALSE;
        }
      q->unit_price = d;
    }
  else if (q->unit_price < 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the unit price is required"), what);
      return FALSE;
    }
  if (!member_number (values, "quantity", what, _("quantity"), &d, &present, error))
    return FALSE;
  if (present)
    {
      if (d < 1 || d != (int) d || d > G_MAXINT)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: the quantity must be a whole number, 1 or more"), what);
          return FALSE;
        }
      q->quantity = (int) d;
    }
  if (!member_number (values, "delivery_days", what, _("delivery time"), &d, &present, error))
    return FALSE;
  if (present)
    {
      if (json_object_get_null_member (values, "delivery_days"))
        d = -1;
      else if (d < 0 || d != (int) d || d > G_MAXINT)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: the delivery time must be a whole number of days, 0 or more"), what);
          return FALSE;
        }
      q->delivery_days = (int) d;
    }
  if (!member_number (values, "warranty_months", what, _("warranty"), &d, &present, error))
    return FALSE;
  if (present)
    {
      if (json_object_get_null_member (values, "warranty_months"))
        d = -1;
      else if (d < 0 || d != (int) d || d > G_MAXINT)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: the warranty must be a whole number of months, 0 or more"), what);
          return FALSE;
        }
      q->warranty_months = (int) d;
    }
  if (json_object_has_member (values, "meets"))
    {
      g_autofree char *m = enlace_cases_member_text (values, "meets");

      if (m == NULL)
        q->meets = -1;
      else if (g_strcmp0 (m, "true") == 0 || g_strcmp0 (m, "yes") == 0 || g_strcmp0 (m, "1") == 0)
        q->meets = 1;
      else if (g_strcmp0 (m, "false") == 0 || g_strcmp0 (m, "no") == 0 || g_strcmp0 (m, "0") == 0)
        q->meets = 0;
      else
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: “meets the requirements” must be yes or no (got “%s”)"), what, m);
          return FALSE;
        }
    }

  if (q->vendor == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the vendor is required"), what);
      return FALSE;
    }
  if (q->item == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the item is required"), what);
      return FALSE;
    }
  if (q->currency == NULL || strlen (q->currency) != 3 ||
      !g_ascii_isalpha (q->currency[0]) || !g_ascii_isalpha (q->currency[1]) ||
      !g_ascii_isalpha (q->currency[2]))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the currency must be a three-letter code such as MXN or USD (got “%s”)"),
                   what, q->currency ? q->currency : "");
      return FALSE;
    }
  if (!enlace_cases_text_ok (q->vendor) || !enlace_cases_text_ok (q->item) ||
      !enlace_cases_text_ok (q->brand) || !enlace_cases_text_ok (q->model) ||
      !enlace_cases_text_ok (q->specification) || !enlace_cases_text_ok (q->notes))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: a text has characters a file cannot carry"), what);
      return FALSE;
    }
  return TRUE;
}

static void
bind_int_opt (sqlite3_stmt *stmt,
              int           i,
              int           v)
{
  if (v >= 0)
    sqlite3_bind_int (stmt, i, v);
  else
    sqlite3_bind_null (stmt, i);
}

static gboolean
quote_write (EnlaceStore        *store,
             const EnlaceQuote  *q,
             gint64              case_id,
             gint64             *out_id,
             GError            **error)
{
  sqlite3_stmt *stmt;

  if (q->id == 0)
    stmt = enlace_store_prepare (store,
                                 "INSERT INTO case_quote (case_id, seq, vendor, item, brand, model, specification, "
                                 "unit_price, quantity, currency, delivery_days, warranty_months, meets, notes) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                 error);
  else
    stmt = enlace_store_prepare (store,
                                 "UPDATE case_quote SET seq = ?2, vendor = ?3, item = ?4, brand = ?5, model = ?6, "
                                 "specification = ?7, unit_price = ?8, quantity = ?9, currency = ?10, "
                                 "delivery_days = ?11, warranty_months = ?12, meets = ?13, notes = ?14 WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, q->id == 0 ? case_id : q->id);
  sqlite3_bind_int (stmt, 2, (int) q->seq);
  enlace_cases_bind_text (stmt, 3, q->vendor);
  enlace_cases_bind_text (stmt, 4, q->item);
  enlace_cases_bind_text (stmt, 5, q->brand);
  enlace_cases_bind_text (stmt, 6, q->model);
  enlace_cases_bind_text (stmt, 7, q->specification);
  sqlite3_bind_double (stmt, 8, q->unit_price);
  sqlite3_bind_int (stmt, 9, q->quantity);
  enlace_cases_bind_text (stmt, 10, q->currency);
  bind_int_opt (stmt, 11, q->delivery_days);
  bind_int_opt (stmt, 12, q->warranty_months);
  bind_int_opt (stmt, 13, q->meets);
  enlace_cases_bind_text (stmt, 14, q->notes);
  if (!enlace_cases_run (store, stmt, _("Writing a quote"), error))
    return FALSE;
  if (out_id)
    *out_id = q->id ? q->id : sqlite3_last_insert_rowid (enlace_store_get_db (store));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Commands                                                            */

gint64
enlace_opinion_quote_add (EnlaceStore  *store,
                          gint64        case_id,
                          JsonObject   *values,
                          GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(EnlaceQuote) q = g_new0 (EnlaceQuote, 1);
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  gint64 seq, id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (values != NULL, 0);

  if (!enlace_case_head_load (store, case_id, &h, error) || !check_case (store, &h, error))
    return 0;
  {
    g_autofree char *max = enlace_cases_query_text (store,
                                                    "SELECT coalesce(max(seq), 0) FROM case_quote WHERE case_id = ?1",
                                                    case_id);
    seq = 1 + (max ? g_ascii_strtoll (max, NULL, 10) : 0);
  }
  q->seq = (guint) seq;
  q->unit_price = -1;
  q->quantity = 1;
  q->currency = g_strdup ("MXN");
  q->delivery_days = -1;
  q->warranty_months = -1;
  q->meets = -1;
  what = g_strdup_printf (_("%s, quote %u"), h.folio, q->seq);
  if (!quote_apply (q, values, what, error))
    return 0;

  label = g_strdup_printf (_("%s: add quote %u"), h.folio, q->seq);
  if (!enlace_store_begin (store, label, error))
    return 0;
  text = g_strdup_printf (_("Quote %u added: %s, %s"), q->seq, q->vendor, q->item);
  if (!quote_write (store, q, case_id, &id, error) ||
      enlace_cases_write_event (store, case_id, "field", text, 0, NULL, NULL, error) == 0)
    {
      enlace_store_rollback (store);
      return 0;
    }
  if (!enlace_store_commit (store, error))
    return 0;
  return id;
}

gboolean
enlace_opinion_quote_set (EnlaceStore  *store,
                          gint64        quote_id,
                          JsonObject   *values,
                          GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(EnlaceQuote) q = NULL;
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  gint64 case_id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  q = quote_get (store, quote_id, &case_id, error);
  if (q == NULL)
    return FALSE;
  if (!enlace_case_head_load (store, case_id, &h, error) || !check_case (store, &h, error))
    return FALSE;
  what = g_strdup_printf (_("%s, quote %u"), h.folio, q->seq);
  if (!quote_apply (q, values, what, error))
    return FALSE;
  label = g_strdup_printf (_("%s: change quote %u"), h.folio, q->seq);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  text = g_strdup_printf (_("Quote %u changed: %s, %s"), q->seq, q->vendor, q->item);
  if (!quote_write (store, q, case_id, NULL, error) ||
      enlace_cases_write_event (store, case_id, "field", text, 0, NULL, NULL, error) == 0)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

gboolean
enlace_opinion_quote_remove (EnlaceStore  *store,
                             gint64        quote_id,
                             GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(EnlaceQuote) q = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  gint64 case_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  q = quote_get (store, quote_id, &case_id, error);
  if (q == NULL)
    return FALSE;
  if (!enlace_case_head_load (store, case_id, &h, error) || !check_case (store, &h, error))
    return FALSE;
  if (enlace_cases_exists (store, "SELECT 1 FROM case_opinion WHERE quote_id = ?1", quote_id))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s, quote %u is the recommended quote of the resolution: change the resolution first"),
                   h.folio, q->seq);
      return FALSE;
    }
  label = g_strdup_printf (_("%s: remove quote %u"), h.folio, q->seq);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  stmt = enlace_store_prepare (store, "DELETE FROM case_quote WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  if (!enlace_cases_run (store, stmt, label, error))
    goto fail;
  text = g_strdup_printf (_("Quote %u removed: %s, %s"), q->seq, q->vendor, q->item);
  if (enlace_cases_write_event (store, case_id, "field", text, 0, NULL, NULL, error) == 0)
    goto fail;
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Resolution                                                          */

static const char * const result_names[] = { NULL, "favourable", "conditional", "unfavourable" };

const char *
enlace_opinion_result_to_string (EnlaceOpinionResult r)
{
  if ((guint) r < G_N_ELEMENTS (result_names))
    return result_names[r];
  return NULL;
}

gboolean
enlace_opinion_result_from_string (const char          *s,
                                   EnlaceOpinionResult *out)
{
  for (guint i = 1; i < G_N_ELEMENTS (result_names); i++)
    if (g_strcmp0 (s, result_names[i]) == 0)
      {
        *out = (EnlaceOpinionResult) i;
        return TRUE;
      }
  return FALSE;
}

const char *
enlace_opinion_result_label (EnlaceOpinionResult r)
{
  switch (r)
    {
    case ENLACE_OPINION_FAVOURABLE:
      return _("Favourable");
    case ENLACE_OPINION_CONDITIONAL:
      return _("Favourable with conditions");
    case ENLACE_OPINION_UNFAVOURABLE:
      return _("Not favourable");
    case ENLACE_OPINION_NONE:
    default:
      return _("Not resolved");
    }
}

EnlaceOpinion *
enlace_opinion_get (EnlaceStore  *store,
                    gint64        case_id,
                    GError      **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(EnlaceOpinion) o = g_new0 (EnlaceOpinion, 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (!enlace_case_head_load (store, case_id, &h, error))
    return NULL;
  stmt = enlace_store_prepare (store,
                               "SELECT o.result, o.reasons, o.quote_id, q.seq, o.resolved_by, o.resolved_at "
                               "FROM case_opinion o LEFT JOIN case_quote q ON q.id = o.quote_id WHERE o.case_id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlaceOpinionResult r = ENLACE_OPINION_NONE;

      enlace_opinion_result_from_string ((const char *) sqlite3_column_text (stmt, 0), &r);
      o->result = r;
      o->reasons = enlace_cases_dup_column (stmt, 1);
      o->quote_id = sqlite3_column_int64 (stmt, 2);
      o->quote_seq = (guint) sqlite3_column_int (stmt, 3);
      o->resolved_by = enlace_cases_dup_column (stmt, 4);
      o->resolved_at = enlace_cases_dup_column (stmt, 5);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&o);
}

/* Writes the resolution and its event (inside a command). */
static gboolean
write_opinion (EnlaceStore          *store,
               gint64                case_id,
               const char           *label,
               EnlaceOpinionResult   result,
               const char           *reasons,
               gint64                quote_id,
               guint                 seq,
               GError              **error)
{
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  const char *author;
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store,
                               "INSERT INTO case_opinion (case_id, result, reasons, quote_id, resolved_by, resolved_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (case_id) DO UPDATE SET "
                               "result = excluded.result, reasons = excluded.reasons, quote_id = excluded.quote_id, "
                               "resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  author = enlace_store_get_author (store);
  now = enlace_cases_now_iso ();
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, enlace_opinion_result_to_string (result), -1, SQLITE_STATIC);
  enlace_cases_bind_text (stmt, 3, reasons);
  enlace_cases_bind_id (stmt, 4, quote_id);
  enlace_cases_bind_text (stmt, 5, author);
  enlace_cases_bind_text (stmt, 6, now);
  if (!enlace_cases_run (store, stmt, label, error))
    return FALSE;
  if (seq > 0)
    text = g_strdup_printf (_("Opinion: %s; recommended quote %u"), enlace_opinion_result_label (result), seq);
  else
    text = g_strdup_printf (_("Opinion: %s"), enlace_opinion_result_label (result));
  return enlace_cases_write_event (store, case_id, "field", text, 0, NULL, NULL, error) != 0;
}

/* The verdicts of the dictamen's step, as the manual words them (the
 * procedure's choices, not translated: they are data). */
static const char *
verdict_of (EnlaceOpinionResult r)
{
  switch (r)
    {
    case ENLACE_OPINION_FAVOURABLE:
      return "Procedente";
    case ENLACE_OPINION_CONDITIONAL:
      return "Procedente con observaciones";
    case ENLACE_OPINION_UNFAVOURABLE:
      return "No procedente";
    case ENLACE_OPINION_NONE:
    default:
      return NULL;
    }
}

static EnlaceOpinionResult
result_of_verdict (const char *verdict)
{
  for (EnlaceOpinionResult r = ENLACE_OPINION_FAVOURABLE; r <= ENLACE_OPINION_UNFAVOURABLE; r++)
    if (g_strcmp0 (verdict, verdict_of (r)) == 0)
      return r;
  return ENLACE_OPINION_NONE;
}

/* The step of action "opinion" ("Resolución al dictamen") done with the
 * verdict and the reasons, unless it already says so or the case is
 * resolved (its steps no longer change). */
static gboolean
sync_step (EnlaceStore         *store,
           EnlaceCaseHead      *h,
           EnlaceOpinionResult  result,
           const char          *reasons,
           GError             **error)
{
  g_autoptr(EnlaceCase) c = NULL;
  g_autoptr(JsonObject) values = NULL;
  const EnlaceCaseStep *step = NULL;

  if (h->status != ENLACE_CASE_NEW && h->status != ENLACE_CASE_IN_PROGRESS && h->status != ENLACE_CASE_WAITING)
    return TRUE;
  c = enlace_case_get (store, h->id, error);
  if (c == NULL)
    return FALSE;
  for (guint i = 0; i < c->steps->len && step == NULL; i++)
    {
      const EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);

      if (g_strcmp0 (s->def->action, "opinion") == 0)
        step = s;
    }
  if (step == NULL)
    return TRUE;
  if (step->result == ENLACE_STEP_DONE && step->values != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (step->values, "verdict", ""), verdict_of (result)) == 0 &&
      g_strcmp0 (json_object_get_string_member_with_default (step->values, "remarks", ""), reasons) == 0)
    return TRUE;
  values = json_object_new ();
  json_object_set_string_member (values, "verdict", verdict_of (result));
  json_object_set_string_member (values, "remarks", reasons);
  return enlace_case_set_step (store, h->id, step->id, ENLACE_STEP_DONE, step->note, values, error);
}

gboolean
enlace_opinion_sync_from_step (EnlaceStore  *store,
                               gint64        case_id,
                               JsonObject   *values,
                               GError      **error)
{
  g_autoptr(EnlaceOpinion) old = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *remarks = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  EnlaceOpinionResult result;
  gint64 quote_id = 0;
  guint seq = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  verdict = enlace_cases_member_text (values, "verdict");
  remarks = enlace_cases_member_text (values, "remarks");
  result = result_of_verdict (verdict);
  if (result == ENLACE_OPINION_NONE)
    return TRUE;
  old = enlace_opinion_get (store, case_id, error);
  if (old == NULL)
    return FALSE;
  /* no remarks: the reasons already given, else the verdict */
  if (remarks == NULL || *g_strstrip (remarks) == '\0')
    {
      g_free (remarks);
      remarks = g_strdup (old->result != ENLACE_OPINION_NONE && old->reasons ? old->reasons : verdict);
    }
  if (old->result == result && g_strcmp0 (old->reasons, remarks) == 0)
    return TRUE;
  quotes = enlace_opinion_quotes (store, case_id, error);
  if (quotes == NULL)
    return FALSE;
  if (old->quote_id > 0)
    {
      quote_id = old->quote_id;
      seq = old->quote_seq;
    }
  else if (quotes->len == 1)
    {
      quote_id = ((EnlaceQuote *) g_ptr_array_index (quotes, 0))->id;
      seq = ((EnlaceQuote *) g_ptr_array_index (quotes, 0))->seq;
    }
  if (quote_id == 0 && result != ENLACE_OPINION_UNFAVOURABLE)
    return TRUE;   /* which quote: "Resolución" chooses it */
  label = g_strdup (_("Resolution of the opinion"));
  return write_opinion (store, case_id, label, result, remarks, quote_id, seq, error);
}

gboolean
enlace_opinion_resolve (EnlaceStore          *store,
                        gint64                case_id,
                        EnlaceOpinionResult   result,
                        const char           *reasons,
                        gint64                quote_id,
                        GError              **error)
{
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autofree char *label = NULL;
  g_autofree char *reasons_s = NULL;
  guint seq = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_case_head_load (store, case_id, &h, error) || !check_case (store, &h, error))
    return FALSE;
  if (result == ENLACE_OPINION_NONE || enlace_opinion_result_to_string (result) == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the result must be favourable, conditional or unfavourable"), h.folio);
      return FALSE;
    }
  reasons_s = reasons ? g_strstrip (g_strdup (reasons)) : NULL;
  if (reasons_s == NULL || *reasons_s == '\0')
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the reasons of the opinion are required"), h.folio);
      return FALSE;
    }
  if (!enlace_cases_text_ok (reasons_s))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: the reasons have characters a file cannot carry"), h.folio);
      return FALSE;
    }
  if (quote_id != 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT seq FROM case_quote WHERE id = ?1 AND case_id = %" G_GINT64_FORMAT,
                                              case_id);
      g_autofree char *s = enlace_cases_query_text (store, sql, quote_id);

      if (s == NULL)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s: the recommended quote must be one of the case's quotes"), h.folio);
          return FALSE;
        }
      seq = (guint) g_ascii_strtoull (s, NULL, 10);
    }
  else if (result != ENLACE_OPINION_UNFAVOURABLE)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: a favourable opinion must recommend one of the case's quotes"), h.folio);
      return FALSE;
    }

  label = g_strdup_printf (_("%s: resolve the opinion"), h.folio);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (!write_opinion (store, case_id, label, result, reasons_s, quote_id, seq, error) ||
      !sync_step (store, &h, result, reasons_s, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

/* ------------------------------------------------------------------ */
/* Comparison                                                          */

char *
enlace_opinion_format_money (double      amount,
                             const char *currency)
{
  g_autofree char *digits = g_strdup_printf ("%.2f", amount);
  g_autoptr(GString) s = g_string_new (NULL);
  const char *dot = strchr (digits, '.');
  const char *p = digits;
  int n;

  if (*p == '-')
    g_string_append_c (s, *p++);
  n = (int) (dot - p);
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, p[i]);
    }
  g_string_append (s, dot);
  if (currency)
    g_string_append_printf (s, " %s", currency);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

GPtrArray *
enlace_opinion_comparison (GPtrArray *quotes)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *labels[] = {
    N_("Unit price"), N_("Quantity"), N_("Total"), N_("Delivery"), N_("Warranty"),
    N_("Brand and model"), N_("Specification"), N_("Meets the requirements"),
  };
  g_autoptr(GStrvBuilder) head = g_strv_builder_new ();

  g_return_val_if_fail (quotes != NULL, rows);

  g_strv_builder_add (head, "");
  for (guint i = 0; i < quotes->len; i++)
    {
      EnlaceQuote *q = g_ptr_array_index (quotes, i);
      g_autofree char *h = g_strdup_printf ("%u. %s", q->seq, q->vendor);
      g_strv_builder_add (head, h);
    }
  g_ptr_array_add (rows, g_strv_builder_end (head));

  for (guint r = 0; r < G_N_ELEMENTS (labels); r++)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

      g_strv_builder_add (b, _(labels[r]));
      for (guint i = 0; i < quotes->len; i++)
        {
          EnlaceQuote *q = g_ptr_array_index (quotes, i);
          g_autofree char *cell = NULL;

          switch (r)
            {
            case 0:
              cell = enlace_opinion_format_money (q->unit_price, q->currency);
              break;
            case 1:
              cell = g_strdup_printf ("%d", q->quantity);
              break;
            case 2:
              cell = enlace_opinion_format_money (enlace_quote_total (q), q->currency);
              break;
            case 3:
              cell = q->delivery_days >= 0
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", q->delivery_days), q->delivery_days)
                : g_strdup ("—");
              break;
            case 4:
              cell = q->warranty_months >= 0
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", q->warranty_months), q->warranty_months)
                : g_strdup ("—");
              break;
            case 5:
              cell = g_strdup_printf ("%s %s", q->brand ? q->brand : "", q->model ? q->model : "");
              g_strstrip (cell);
              if (*cell == '\0')
                {
                  g_free (cell);
                  cell = g_strdup ("—");
                }
              break;
            case 6:
              cell = g_strdup (q->specification ? q->specification : "—");
              break;
            default:
              cell = g_strdup (q->meets < 0 ? "—" : q->meets ? _("Yes") : _("No"));
              break;
            }
          g_strv_builder_add (b, cell);
        }
      g_ptr_array_add (rows, g_strv_builder_end (b));
    }
  return rows;
}
