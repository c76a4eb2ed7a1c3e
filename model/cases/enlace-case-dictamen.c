/* enlace-case-dictamen.c: the signed technical opinion (dictamen técnico)
 * of a case of procedure kind "opinion", as document content: the
 * request, the quotes compared against the requirements in a table, the
 * resolution with its reasons and the recommended quote, and the
 * signature lines of the department's head and the technician.
 * views/render draws it like every case document. */
#define G_LOG_DOMAIN "enlace-case-dictamen"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-case-document-private.h"
#include "enlace-opinions.h"

/* Quotes per table: more go to a second table, so that columns stay
 * readable on A4. */
#define QUOTES_PER_TABLE 4

/* A member of the request form as text, NULL when absent or empty. */
static char *
form_text (const EnlaceCase *c,
           const char       *name)
{
  JsonNode *n;

  if (c->form == NULL || !json_object_has_member (c->form, name))
    return NULL;
  n = json_object_get_member (c->form, name);
  if (!JSON_NODE_HOLDS_VALUE (n))
    return NULL;
  switch (json_node_get_value_type (n))
    {
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (n);

        return s && *s ? g_strdup (s) : NULL;
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (n));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (n));
    default:
      return NULL;
    }
}

static char *
or_dash (char *s)
{
  if (s == NULL || *s == '\0')
    {
      g_free (s);
      return g_strdup ("—");
    }
  return s;
}

typedef enum
{
  ASPECT_ITEM,
  ASPECT_BRAND,
  ASPECT_SPEC,
  ASPECT_QUANTITY,
  ASPECT_UNIT_PRICE,
  ASPECT_TOTAL,
  ASPECT_DELIVERY,
  ASPECT_WARRANTY,
  ASPECT_MEETS,
  ASPECT_NOTES,
  ASPECT_RECOMMENDED,
  N_ASPECTS
} Aspect;

static const char *aspect_labels[N_ASPECTS] = {
  N_("Item"), N_("Brand and model"), N_("Specification"), N_("Quantity"),
  N_("Unit price"), N_("Total"), N_("Delivery"), N_("Warranty"),
  N_("Meets the requirements"), N_("Notes"), N_("Recommended"),
};

static char *
requirement_cell (const EnlaceCase *c,
                  Aspect            a)
{
  switch (a)
    {
    case ASPECT_ITEM:
      return or_dash (form_text (c, "equipment"));
    case ASPECT_SPEC:
      return or_dash (form_text (c, "requirements"));
    case ASPECT_QUANTITY:
      return or_dash (form_text (c, "quantity"));
    case ASPECT_RECOMMENDED:
      return g_strdup ("");
    default:
      return g_strdup ("—");
    }
}

static char *
quote_cell (const EnlaceQuote *q,
            Aspect             a,
            gint64             recommended)
{
  switch (a)
    {
    case ASPECT_ITEM:
      return g_strdup (q->item);
    case ASPECT_BRAND:
      {
        char *cell = g_strdup_printf ("%s %s", q->brand ? q->brand : "", q->model ? q->model : "");

        return or_dash (g_strstrip (cell));
      }
    case ASPECT_SPEC:
      return or_dash (g_strdup (q->specification));
    case ASPECT_QUANTITY:
      return g_strdup_printf ("%d", q->quantity);
    case ASPECT_UNIT_PRICE:
      return enlace_opinion_format_money (q->unit_price, q->currency);
    case ASPECT_TOTAL:
      return enlace_opinion_format_money (enlace_quote_total (q), q->currency);
    case ASPECT_DELIVERY:
      return q->delivery_days >= 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", q->delivery_days), q->delivery_days)
        : g_strdup ("—");
    case ASPECT_WARRANTY:
      return q->warranty_months >= 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", q->warranty_months), q->warranty_months)
        : g_strdup ("—");
    case ASPECT_MEETS:
      return g_strdup (q->meets < 0 ? "—" : q->meets ? _("Yes") : _("No"));
    case ASPECT_NOTES:
      return or_dash (g_strdup (q->notes));
    case ASPECT_RECOMMENDED:
      return g_strdup (recommended > 0 && q->id == recommended ? _("Recommended") : "");
    default:
      return g_strdup ("");
    }
}

GPtrArray *
enlace_opinion_requirements_comparison (const EnlaceCase *c,
                                        GPtrArray        *quotes,
                                        guint             first,
                                        guint             n,
                                        gint64            recommended)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) head = g_strv_builder_new ();
  guint last;

  g_return_val_if_fail (c != NULL && quotes != NULL, rows);

  last = MIN (quotes->len, first + n);
  g_strv_builder_add (head, "");
  g_strv_builder_add (head, _("Requested"));
  for (guint i = first; i < last; i++)
    {
      EnlaceQuote *q = g_ptr_array_index (quotes, i);
      g_autofree char *h = g_strdup_printf ("%u. %s", q->seq, q->vendor);

      g_strv_builder_add (head, h);
    }
  g_ptr_array_add (rows, g_strv_builder_end (head));

  for (Aspect a = 0; a < N_ASPECTS; a++)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      g_autofree char *req = requirement_cell (c, a);

      if (a == ASPECT_RECOMMENDED && recommended <= 0)
        continue;
      if (a == ASPECT_NOTES)
        {
          gboolean any = FALSE;

          for (guint i = first; i < last && !any; i++)
            {
              const EnlaceQuote *q = g_ptr_array_index (quotes, i);

              any = q->notes != NULL && *q->notes != '\0';
            }
          if (!any)
            continue;
        }
      g_strv_builder_add (b, _(aspect_labels[a]));
      g_strv_builder_add (b, req);
      for (guint i = first; i < last; i++)
        {
          g_autofree char *cell = quote_cell (g_ptr_array_index (quotes, i), a, recommended);

          g_strv_builder_add (b, cell);
        }
      g_ptr_array_add (rows, g_strv_builder_end (b));
    }
  return rows;
}

static const EnlaceProcedureStep *
request_step (const EnlaceProcedure *p)
{
  for (guint i = 0; p != NULL && p->steps != NULL && i < p->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (p->steps, i);

      if (s->kind == ENLACE_STEP_FORM)
        return s;
    }
  return NULL;
}

static const EnlaceQuote *
find_quote (GPtrArray *quotes,
            gint64     id)
{
  for (guint i = 0; id > 0 && i < quotes->len; i++)
    {
      const EnlaceQuote *q = g_ptr_array_index (quotes, i);

      if (q->id == id)
        return q;
    }
  return NULL;
}

/* Who signs as the head of the department: meta "department-head", else
 * meta "author" (who signs for the department); "" leaves a line. */
static char *
department_head (EnlaceStore *store)
{
  g_autofree char *head = enlace_store_get_meta (store, "department-head");

  if (head == NULL || *head == '\0')
    {
      g_free (head);
      head = enlace_store_get_meta (store, "author");
    }
  return head ? g_steal_pointer (&head) : g_strdup ("");
}

gboolean
enlace_case_document_build_dictamen (EnlaceCaseDocument *doc,
                                     EnlaceStore        *store,
                                     const EnlaceCase   *c,
                                     JsonObject         *requester,
                                     const char         *signer,
                                     GError            **error)
{
  const EnlaceCaseRow *row = c->row;
  const EnlaceProcedureStep *request = request_step (c->procedure);
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(EnlaceOpinion) opinion = NULL;
  g_autofree char *opened = enlace_case_document_format_date (row->opened_at);
  g_autofree char *equipment = form_text (c, "equipment");
  g_autofree char *head = NULL;
  const char *position = NULL;
  const char *technician;
  const EnlaceQuote *best;

  quotes = enlace_opinion_quotes (store, row->id, error);
  if (quotes == NULL)
    return FALSE;
  opinion = enlace_opinion_get (store, row->id, error);
  if (opinion == NULL)
    return FALSE;

  if (requester != NULL)
    position = json_object_get_string_member_with_default (requester, "position", NULL);

  doc->title = g_strdup (_("Technical opinion"));
  {
    g_autoptr(GString) to = g_string_new (row->requester ? row->requester : "");

    if (position && *position)
      g_string_append_printf (to, ", %s", position);
    if (row->area && *row->area)
      g_string_append_printf (to, " — %s", row->area);
    doc->to = to->len ? g_string_free (g_steal_pointer (&to), FALSE) : NULL;
  }
  doc->from = signer && *signer ? g_strdup_printf ("%s — %s", signer, doc->department)
                                : g_strdup (doc->department);
  if (row->summary && *row->summary)
    doc->subject = g_strdup (row->summary);
  else if (equipment)
    /* TRANSLATORS: the subject of a technical opinion: what is bought */
    doc->subject = g_strdup_printf (_("Technical opinion on the purchase of: %s"), equipment);
  else
    doc->subject = g_strdup_printf (_("Technical opinion, folio %s"), row->folio);

  g_ptr_array_add (doc->paragraphs,
                   g_strdup_printf (_("In reply to the request with folio %s, received on %s, for the purchase of the equipment described below, the %s examined the quotes given by the vendors and compared them against the technical requirements of the request."),
                                    row->folio, opened, doc->department));

  doc->rows_heading = g_strdup (_("Request"));
  enlace_case_document_add_row (doc, _("Folio"), row->folio);
  enlace_case_document_add_row (doc, _("Received"), opened);
  enlace_case_document_add_row (doc, _("Requester"), row->requester);
  enlace_case_document_add_row (doc, _("Position"), position);
  enlace_case_document_add_row (doc, _("Area"), row->area);
  enlace_case_document_add_values (doc, store, request ? request->fields : NULL, c->form);

  if (quotes->len == 0)
    g_ptr_array_add (doc->paragraphs, g_strdup (_("No vendor's quote has been recorded for this request.")));
  for (guint first = 0; first < quotes->len; first += QUOTES_PER_TABLE)
    {
      EnlaceDocumentTable *t = g_new0 (EnlaceDocumentTable, 1);

      t->title = first == 0 ? g_strdup (_("Comparison of the quotes against the requirements"))
                            : g_strdup (_("Comparison of the quotes (continued)"));
      t->rows = enlace_opinion_requirements_comparison (c, quotes, first, QUOTES_PER_TABLE, opinion->quote_id);
      g_ptr_array_add (doc->tables, t);
    }

  doc->closing_heading = g_strdup (_("Resolution"));
  if (opinion->result == ENLACE_OPINION_NONE)
    g_ptr_array_add (doc->closing, g_strdup (_("This opinion has not been resolved yet.")));
  else
    {
      /* TRANSLATORS: the verdict of a technical opinion, e.g. "Favorable con condiciones" */
      g_ptr_array_add (doc->closing, g_strdup_printf (_("Verdict: %s."),
                                                      enlace_opinion_result_label (opinion->result)));
      if (opinion->reasons && *opinion->reasons)
        g_ptr_array_add (doc->closing, g_strdup_printf (_("Reasons: %s"), opinion->reasons));
      best = find_quote (quotes, opinion->quote_id);
      if (best != NULL)
        {
          g_autofree char *total = enlace_opinion_format_money (enlace_quote_total (best), best->currency);
          g_autofree char *what = g_strdup_printf ("%s %s", best->brand ? best->brand : "", best->model ? best->model : "");

          g_strstrip (what);
          /* TRANSLATORS: the recommended quote: its number, vendor, item, brand and model, total */
          g_ptr_array_add (doc->closing,
                           g_strdup_printf (_("Recommended quote: number %u, %s — %s%s%s, for a total of %s."),
                                            best->seq, best->vendor, best->item,
                                            *what ? ", " : "", what, total));
        }
      if (opinion->resolved_at != NULL)
        {
          g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (opinion->resolved_at, NULL);
          g_autofree char *when = at ? enlace_case_document_format_date (at) : g_strdup (opinion->resolved_at);

          g_ptr_array_add (doc->closing,
                           opinion->resolved_by && *opinion->resolved_by
                             ? g_strdup_printf (_("Resolved by %s on %s."), opinion->resolved_by, when)
                             : g_strdup_printf (_("Resolved on %s."), when));
        }
    }

  head = department_head (store);
  if (g_strcmp0 (head, doc->department) == 0)
    g_clear_pointer (&head, g_free);
  if (head == NULL)
    head = g_strdup ("");
  technician = opinion->resolved_by && *opinion->resolved_by ? opinion->resolved_by
             : row->assignee && *row->assignee ? row->assignee : "";
  enlace_case_document_add_signature (doc, head, _("Head of the department"));
  enlace_case_document_add_signature (doc, g_strcmp0 (technician, head) == 0 ? "" : technician,
                                      _("Technician who prepared the opinion"));
  return TRUE;
}
