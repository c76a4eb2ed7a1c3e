/* enlace-case-document.c: the content of a case's documents
 *
 * Everything here is text: the header (institution, department), the
 * title, folio and date, addressee and sender, paragraphs written for the
 * kind of document and of procedure, the filled fields as label/value
 * rows and the signature lines.  The words are translatable (Spanish in
 * po/es.po); the values come from the case as they were entered.
 */
#define G_LOG_DOMAIN "enlace-case-document"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-case-document.h"
#include "enlace-case-document-private.h"

static const char * const kind_names[] = { "form", "memo", "notice", "answer", "dictamen" };

const char *
enlace_document_kind_to_string (EnlaceDocumentKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
enlace_document_kind_from_string (const char         *s,
                                  EnlaceDocumentKind *out)
{
  for (guint i = 0; s != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (s, kind_names[i]) == 0)
      {
        *out = (EnlaceDocumentKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
enlace_document_kind_label (EnlaceDocumentKind kind)
{
  switch (kind)
    {
    case ENLACE_DOCUMENT_FORM:
      return _("Request form");
    case ENLACE_DOCUMENT_MEMO:
      return _("Memorandum");
    case ENLACE_DOCUMENT_NOTICE:
      return _("Notice");
    case ENLACE_DOCUMENT_ANSWER:
      return _("Answer");
    case ENLACE_DOCUMENT_DICTAMEN:
      return _("Technical opinion");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
row_free (EnlaceDocumentRow *row)
{
  g_free (row->label);
  g_free (row->value);
  g_free (row);
}

static void
signature_free (EnlaceDocumentSignature *s)
{
  g_free (s->name);
  g_free (s->role);
  g_free (s);
}

void
enlace_case_document_free (EnlaceCaseDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->institution);
  g_free (self->department);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->folio);
  g_free (self->date);
  g_free (self->to);
  g_free (self->from);
  g_free (self->subject);
  g_free (self->to_email);
  g_clear_pointer (&self->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->signatures, g_ptr_array_unref);
  g_free (self->footer);
  g_free (self->rows_heading);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_free (self->closing_heading);
  g_clear_pointer (&self->closing, g_ptr_array_unref);
  g_free (self);
}

/* ------------------------------------------------------------------ */
/* Which documents a case offers                                       */

static gboolean
procedure_has_document (const EnlaceProcedure *p,
                        const char            *action)
{
  for (guint i = 0; p != NULL && p->steps != NULL && i < p->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (p->steps, i);

      if (s->kind == ENLACE_STEP_DOCUMENT && g_strcmp0 (s->action, action) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
enlace_case_document_available (const EnlaceCase  *c,
                                EnlaceDocumentKind kind)
{
  g_return_val_if_fail (c != NULL, FALSE);

  switch (kind)
    {
    case ENLACE_DOCUMENT_FORM:
    case ENLACE_DOCUMENT_ANSWER:
      return TRUE;
    case ENLACE_DOCUMENT_MEMO:
    case ENLACE_DOCUMENT_NOTICE:
      return procedure_has_document (c->procedure, enlace_document_kind_to_string (kind));
    case ENLACE_DOCUMENT_DICTAMEN:
      return c->procedure != NULL && g_strcmp0 (c->procedure->kind, "opinion") == 0;
    default:
      return FALSE;
    }
}

GArray *
enlace_case_document_kinds (const EnlaceCase *c)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (EnlaceDocumentKind));

  g_return_val_if_fail (c != NULL, out);

  for (EnlaceDocumentKind k = ENLACE_DOCUMENT_FORM; k <= ENLACE_DOCUMENT_DICTAMEN; k++)
    if (enlace_case_document_available (c, k))
      g_array_append_val (out, k);
  return out;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

/* "5 de diciembre de 2026" / "December 5, 2026" */
static char *
format_date (GDateTime *dt)
{
  static const char *months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  int m;

  if (dt == NULL)
    return g_strdup ("—");
  m = g_date_time_get_month (dt);
  /* TRANSLATORS: a date: %1$d the day, %2$s the month's name, %3$d the year */
  return g_strdup_printf (_("%2$s %1$d, %3$d"), g_date_time_get_day_of_month (dt),
                          _(months[m - 1]), g_date_time_get_year (dt));
}

static const char *
channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "in-person") == 0)
    return _("In person");
  if (g_strcmp0 (channel, "phone") == 0)
    return _("Phone");
  if (g_strcmp0 (channel, "email") == 0)
    return _("E-mail");
  if (g_strcmp0 (channel, "paper") == 0)
    return _("Paper form");
  return channel;
}

static const char *
priority_label (const char *priority)
{
  if (g_strcmp0 (priority, "low") == 0)
    return C_("priority", "Low");
  if (g_strcmp0 (priority, "normal") == 0)
    return C_("priority", "Normal");
  if (g_strcmp0 (priority, "high") == 0)
    return C_("priority", "High");
  if (g_strcmp0 (priority, "urgent") == 0)
    return C_("priority", "Urgent");
  return priority;
}

/* Labels of the values the inventory steps take (they have no form). */
static const char *
known_label (const char *name)
{
  static const struct { const char *name; const char *label; } known[] = {
    { "address", N_("E-mail account") },
    { "account_id", N_("E-mail account") },
    { "holder_id", N_("Holder") },
    { "area_id", N_("Area") },
    { "delivered_to", N_("Delivered to") },
    { "delivered_at", N_("Delivered on") },
    { "motive", N_("Motive") },
    { "outlet_port", N_("Outlet") },
    { "panel_port", N_("Patch panel port") },
    { "switch_port", N_("Switch port") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (name, known[i].name) == 0)
      return _(known[i].label);
  return NULL;
}

/* "delivered_to" → "Delivered to" */
static char *
humanize (const char *name)
{
  char *s = g_strdup (name);

  for (char *p = s; *p; p++)
    if (*p == '_' || *p == '-')
      *p = ' ';
  if (s[0])
    s[0] = g_ascii_toupper (s[0]);
  return s;
}

static char *
object_name (EnlaceStore *store,
             const char  *kind,
             gint64       id)
{
  g_autoptr(JsonObject) o = NULL;

  if (id <= 0)
    return NULL;
  if (strcmp (kind, "email_account") == 0)
    {
      g_autoptr(EnlaceEmailAccount) a = enlace_email_account_get (store, id, NULL);

      return a ? g_strdup (a->address) : NULL;
    }
  if (strcmp (kind, "person") == 0 || strcmp (kind, "area") == 0)
    {
      o = enlace_store_get (store, kind, id, NULL);
      if (o && json_object_has_member (o, "name"))
        return g_strdup (json_object_get_string_member_with_default (o, "name", ""));
    }
  return enlace_store_dup_key (store, kind, id);
}

/* The kind of object an id field refers to, by field type or name. */
static const char *
ref_kind (const char *type,
          const char *name)
{
  if (g_strcmp0 (type, "person") == 0 || g_strcmp0 (name, "holder_id") == 0 || g_strcmp0 (name, "person_id") == 0)
    return "person";
  if (g_strcmp0 (type, "area") == 0 || g_strcmp0 (name, "area_id") == 0)
    return "area";
  if (g_strcmp0 (type, "space") == 0 || g_strcmp0 (name, "space_id") == 0)
    return "space";
  if (g_strcmp0 (type, "outlet") == 0)
    return "device";
  if (g_strcmp0 (name, "account_id") == 0)
    return "email_account";
  return NULL;
}

/* A form value as a person reads it; NULL when empty. */
static char *
format_value (EnlaceStore *store,
              const char  *name,
              const char  *type,
              JsonNode    *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_autofree char *v = format_value (store, name, type, json_array_get_element (a, i));

          if (v == NULL)
            continue;
          if (s->len)
            g_string_append (s, ", ");
          g_string_append (s, v);
        }
      return s->len ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
    case G_TYPE_INT64:
      {
        gint64 v = json_node_get_int (node);
        const char *kind = ref_kind (type, name);

        if (g_strcmp0 (type, "bool") == 0)
          return g_strdup (v ? _("Yes") : _("No"));
        if (kind != NULL)
          {
            char *n = object_name (store, kind, v);

            if (n != NULL)
              return n;
          }
        return g_strdup_printf ("%" G_GINT64_FORMAT, v);
      }
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (node));
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);

        if (s == NULL || *s == '\0')
          return NULL;
        if (g_strcmp0 (type, "date") == 0 || g_str_has_suffix (name, "_at"))
          {
            g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
            g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (s, tz);

            if (dt == NULL && strlen (s) == 10)
              {
                g_autofree char *full = g_strconcat (s, "T00:00:00", NULL);

                dt = g_date_time_new_from_iso8601 (full, tz);
              }
            if (dt != NULL)
              return format_date (dt);
          }
        return g_strdup (s);
      }
    default:
      return NULL;
    }
}

static void
add_row (EnlaceCaseDocument *doc,
         const char         *label,
         const char         *value)
{
  EnlaceDocumentRow *row;

  if (value == NULL || *value == '\0')
    return;
  /* the same fact entered twice (the form and a later step) prints once */
  for (guint i = 0; i < doc->rows->len; i++)
    {
      EnlaceDocumentRow *r = g_ptr_array_index (doc->rows, i);

      if (strcmp (r->label, label) == 0 && strcmp (r->value, value) == 0)
        return;
    }
  row = g_new0 (EnlaceDocumentRow, 1);
  row->label = g_strdup (label);
  row->value = g_strdup (value);
  g_ptr_array_add (doc->rows, row);
}

static const EnlaceFieldSpec *
find_spec (GPtrArray  *fields,
           const char *name)
{
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const EnlaceFieldSpec *f = g_ptr_array_index (fields, i);

      if (g_strcmp0 (f->name, name) == 0)
        return f;
    }
  return NULL;
}

/* The rows of a set of values: the spec'd fields in their order, then
 * the others in the order they were stored. */
static void
add_values (EnlaceCaseDocument *doc,
            EnlaceStore        *store,
            GPtrArray          *fields,
            JsonObject         *values)
{
  g_autoptr(GList) members = NULL;

  if (values == NULL)
    return;
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const EnlaceFieldSpec *f = g_ptr_array_index (fields, i);
      g_autofree char *v = NULL;

      if (!json_object_has_member (values, f->name))
        continue;
      v = format_value (store, f->name, f->type, json_object_get_member (values, f->name));
      add_row (doc, f->label ? f->label : f->name, v);
    }
  members = json_object_get_members (values);
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *v = NULL;
      g_autofree char *label = NULL;
      const char *known;

      if (find_spec (fields, name) != NULL)
        continue;
      known = known_label (name);
      /* what the engine keeps for itself (the cables it made…) */
      if (known == NULL && (g_str_has_suffix (name, "_ids") || g_str_has_suffix (name, "_id")))
        continue;
      v = format_value (store, name, NULL, json_object_get_member (values, name));
      label = known ? g_strdup (known) : humanize (name);
      add_row (doc, label, v);
    }
}

static const EnlaceProcedureStep *
first_form_step (const EnlaceProcedure *p)
{
  for (guint i = 0; p != NULL && p->steps != NULL && i < p->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (p->steps, i);

      if (s->kind == ENLACE_STEP_FORM)
        return s;
    }
  return NULL;
}

static void
add_form_rows (EnlaceCaseDocument *doc,
               EnlaceStore        *store,
               const EnlaceCase   *c,
               gboolean            requester_only)
{
  const EnlaceProcedureStep *form = first_form_step (c->procedure);

  add_values (doc, store, form ? form->fields : NULL, c->form);
  for (guint i = 0; c->steps != NULL && i < c->steps->len; i++)
    {
      const EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);

      if (s->def == NULL || s->values == NULL)
        continue;
      if (requester_only && s->def->side != ENLACE_STEP_SIDE_REQUESTER)
        continue;
      add_values (doc, store, s->def->fields, s->values);
    }
}

static void
add_link_rows (EnlaceCaseDocument *doc,
               const EnlaceCase   *c)
{
  for (guint i = 0; c->links != NULL && i < c->links->len; i++)
    {
      const EnlaceCaseLink *l = g_ptr_array_index (c->links, i);
      const char *label;

      if (g_strcmp0 (l->kind, "email_account") == 0)
        label = _("E-mail account");
      else if (g_strcmp0 (l->kind, "outlet") == 0 || g_strcmp0 (l->kind, "device") == 0)
        label = _("Outlet or device");
      else if (g_strcmp0 (l->kind, "port") == 0)
        label = _("Port");
      else if (g_strcmp0 (l->kind, "extension") == 0)
        label = _("Extension");
      else if (g_strcmp0 (l->kind, "circuit") == 0)
        label = _("Circuit");
      else if (g_strcmp0 (l->kind, "cable") == 0)
        label = _("Cable");
      else
        label = l->kind;
      add_row (doc, label, l->key);
    }
}

/* The administrator's steps with their result, for the answer. */
static void
add_step_rows (EnlaceCaseDocument *doc,
               const EnlaceCase   *c)
{
  for (guint i = 0; c->steps != NULL && i < c->steps->len; i++)
    {
      const EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;

      if (s->def == NULL || s->def->side != ENLACE_STEP_SIDE_ADMINISTRATOR)
        continue;
      label = g_strdup_printf ("%u. %s", s->def->position, s->def->title);
      if (s->note != NULL && *s->note)
        value = g_strdup_printf ("%s — %s", enlace_step_result_label (s->result), s->note);
      else
        value = g_strdup (enlace_step_result_label (s->result));
      add_row (doc, label, value);
    }
}

static void
add_paragraph (EnlaceCaseDocument *doc,
               char               *text)  /* taken */
{
  g_ptr_array_add (doc->paragraphs, text);
}

static void
add_signature (EnlaceCaseDocument *doc,
               const char         *name,
               const char         *role)
{
  EnlaceDocumentSignature *s = g_new0 (EnlaceDocumentSignature, 1);

  s->name = g_strdup (name ? name : "");
  s->role = g_strdup (role);
  g_ptr_array_add (doc->signatures, s);
}

void
enlace_document_table_free (EnlaceDocumentTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

/* For the builders in other files (enlace-case-document-private.h). */
void
enlace_case_document_add_row (EnlaceCaseDocument *doc,
                              const char         *label,
                              const char         *value)
{
  add_row (doc, label, value);
}

void
enlace_case_document_add_signature (EnlaceCaseDocument *doc,
                                    const char         *name,
                                    const char         *role)
{
  add_signature (doc, name, role);
}

char *
enlace_case_document_format_date (GDateTime *dt)
{
  return format_date (dt);
}

void
enlace_case_document_add_values (EnlaceCaseDocument *doc,
                                 EnlaceStore        *store,
                                 GPtrArray          *fields,
                                 JsonObject         *values)
{
  add_values (doc, store, fields, values);
}

/* "Name, position — area" */
static char *
person_line (const char *name,
             const char *position,
             const char *area)
{
  g_autoptr(GString) s = g_string_new (name ? name : "");

  if (position && *position)
    g_string_append_printf (s, ", %s", position);
  if (area && *area)
    g_string_append_printf (s, " — %s", area);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
form_title (const EnlaceProcedure *p)
{
  const char *kind = p ? p->kind : NULL;

  if (g_strcmp0 (kind, "fault") == 0)
    return _("Fault report");
  if (g_strcmp0 (kind, "modification") == 0)
    return _("Physical modification order");
  if (g_strcmp0 (kind, "opinion") == 0)
    return _("Request for a technical opinion");
  return _("Request form");
}

/* A step of the procedure runs this inventory action. */
static const EnlaceCaseStep *
step_with_action (const EnlaceCase *c,
                  const char       *action)
{
  for (guint i = 0; c->steps != NULL && i < c->steps->len; i++)
    {
      const EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);

      if (s->def != NULL && g_strcmp0 (s->def->action, action) == 0)
        return s;
    }
  return NULL;
}

/* A value entered anywhere in the case: the form, then the steps. */
static const char *
case_string (const EnlaceCase *c,
             const char       *name)
{
  if (c->form && json_object_has_member (c->form, name))
    {
      JsonNode *n = json_object_get_member (c->form, name);

      if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
        return json_node_get_string (n);
    }
  for (guint i = 0; c->steps != NULL && i < c->steps->len; i++)
    {
      const EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);

      if (s->values && json_object_has_member (s->values, name))
        {
          JsonNode *n = json_object_get_member (s->values, name);

          if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
            return json_node_get_string (n);
        }
    }
  return NULL;
}

/* The e-mail account the case is about: a link, else a value. */
static char *
case_account (const EnlaceCase *c)
{
  for (guint i = 0; c->links != NULL && i < c->links->len; i++)
    {
      const EnlaceCaseLink *l = g_ptr_array_index (c->links, i);

      if (g_strcmp0 (l->kind, "email_account") == 0 && l->key)
        return g_strdup (l->key);
    }
  return g_strdup (case_string (c, "address"));
}

/* What the four documents of a case draw on. */
typedef struct
{
  EnlaceStore         *store;
  const EnlaceCase    *c;
  const EnlaceCaseRow *row;
  const char          *procedure_name;
  JsonObject          *requester;       /* the person, or NULL */
  const char          *position;        /* the requester's */
  char                *author;
  const char          *signer;          /* the assignee, else the author */
  char                *opened;
  char                *requester_line;
  char                *department_line;
  char                *account;
} DocContext;

static void
doc_context_clear (DocContext *x)
{
  g_clear_pointer (&x->requester, json_object_unref);
  g_free (x->author);
  g_free (x->opened);
  g_free (x->requester_line);
  g_free (x->department_line);
  g_free (x->account);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DocContext, doc_context_clear)

/* The institution and department of the project (meta), the signer. */
static void
document_head (EnlaceCaseDocument *doc,
               DocContext         *x)
{
  doc->institution = enlace_store_get_meta (x->store, "institution");
  if (doc->institution != NULL && *doc->institution == '\0')
    g_clear_pointer (&doc->institution, g_free);
  doc->department = enlace_store_get_meta (x->store, "department");
  if (doc->department == NULL || *doc->department == '\0')
    {
      g_free (doc->department);
      doc->department = g_strdup (_("Communications and Links Department"));
    }
  x->author = enlace_store_get_meta (x->store, "author");
  if (x->author != NULL && (*x->author == '\0' || g_strcmp0 (x->author, doc->department) == 0))
    g_clear_pointer (&x->author, g_free);
  x->signer = x->row->assignee && *x->row->assignee ? x->row->assignee : x->author;
}

/* The requester (position, e-mail), the lines of the two parties and
 * the account the case is about. */
static void
document_parties (EnlaceCaseDocument *doc,
                  DocContext         *x)
{
  const EnlaceCaseRow *row = x->row;

  if (row->requester_id > 0)
    x->requester = enlace_store_get (x->store, "person", row->requester_id, NULL);
  if (x->requester != NULL)
    {
      x->position = json_object_get_string_member_with_default (x->requester, "position", NULL);
      doc->to_email = g_strdup (json_object_get_string_member_with_default (x->requester, "email", NULL));
      if (doc->to_email != NULL && *doc->to_email == '\0')
        g_clear_pointer (&doc->to_email, g_free);
    }
  x->requester_line = person_line (row->requester, x->position, row->area);
  x->department_line = x->signer ? g_strdup_printf ("%s — %s", x->signer, doc->department)
                                 : g_strdup (doc->department);
  x->account = case_account (x->c);
}

static void
build_form (EnlaceCaseDocument *doc,
            DocContext         *x)
{
  const EnlaceCaseRow *row = x->row;

  doc->title = g_strdup (form_title (x->c->procedure));
  doc->from = g_strdup (x->requester_line);
  doc->to = g_strdup (doc->department);
  doc->subject = g_strdup (x->procedure_name);
  add_paragraph (doc, g_strdup_printf (_("The person named below asks the %s for the service described in this form, under the procedure “%s” of the department’s manual."),
                                       doc->department, x->procedure_name));
  if (row->summary && *row->summary)
    add_paragraph (doc, g_strdup_printf (_("Summary: %s."), row->summary));
  add_row (doc, _("Folio"), row->folio);
  add_row (doc, _("Received"), x->opened);
  add_row (doc, _("Requester"), row->requester);
  add_row (doc, _("Position"), x->position);
  add_row (doc, _("Area"), row->area);
  if (x->requester != NULL)
    {
      add_row (doc, _("E-mail"), json_object_get_string_member_with_default (x->requester, "email", NULL));
      add_row (doc, _("Phone"), json_object_get_string_member_with_default (x->requester, "phone", NULL));
    }
  add_row (doc, _("Channel"), channel_label (row->channel));
  add_row (doc, _("Priority"), priority_label (row->priority));
  add_form_rows (doc, x->store, x->c, TRUE);
  add_signature (doc, row->requester, _("Requester"));
  add_signature (doc, row->assignee, _("Received by (department)"));
}

static void
build_memo (EnlaceCaseDocument *doc,
            DocContext         *x)
{
  const EnlaceCaseRow *row = x->row;

  doc->title = g_strdup (_("Memorandum"));
  doc->to = g_strdup (x->requester_line);
  doc->from = g_strdup (x->department_line);
  /* TRANSLATORS: the subject of a memo: the procedure, the folio */
  doc->subject = g_strdup_printf (_("%s (folio %s)"), x->procedure_name, row->folio);
  add_paragraph (doc, g_strdup_printf (_("In reply to your request with folio %s, received on %s, this department analysed it and verified its requirements."),
                                       row->folio, x->opened));
  if (step_with_action (x->c, "make-connection") != NULL)
    add_paragraph (doc, g_strdup (_("The connection will be made with the outlet and the switch port listed below. Please give the department’s staff access to the space on the agreed date; the outlet will be labelled with the identifier shown here.")));
  else
    add_paragraph (doc, g_strdup (_("The work will be carried out as described below. Please give the department’s staff access to the spaces concerned.")));
  add_form_rows (doc, x->store, x->c, FALSE);
  add_link_rows (doc, x->c);
  add_signature (doc, x->signer, doc->department);
  add_signature (doc, "", _("Received"));
}

static void
build_notice (EnlaceCaseDocument *doc,
              DocContext         *x)
{
  const EnlaceCaseRow *row = x->row;

  doc->title = g_strdup (_("Notice"));
  doc->to = row->area && *row->area
    ? g_strdup_printf (_("%s and %s"), row->area, row->requester ? row->requester : "")
    : g_strdup (x->requester_line);
  doc->from = g_strdup (x->department_line);
  doc->subject = g_strdup_printf (_("%s (folio %s)"), x->procedure_name, row->folio);
  if (step_with_action (x->c, "remove-account") != NULL && x->account != NULL)
    {
      const char *motive = case_string (x->c, "motive");

      add_paragraph (doc, g_strdup_printf (_("We inform the area and the user that the e-mail account %s will be removed under the procedure “%s” (folio %s). From then on it will neither send nor receive messages; please keep a copy of any message you need."),
                                           x->account, x->procedure_name, row->folio));
      if (motive != NULL && *motive)
        add_paragraph (doc, g_strdup_printf (_("Motive of the removal: %s."), motive));
      add_paragraph (doc, g_strdup (_("The account stays in the department’s registry as removed.")));
    }
  else
    add_paragraph (doc, g_strdup_printf (_("We inform the area and the user of the following, under the procedure “%s” (folio %s)."),
                                         x->procedure_name, row->folio));
  add_form_rows (doc, x->store, x->c, FALSE);
  add_link_rows (doc, x->c);
  add_signature (doc, x->signer, doc->department);
  add_signature (doc, "", _("Received (area)"));
  add_signature (doc, row->requester, _("Received (user)"));
}

static void
build_answer (EnlaceCaseDocument *doc,
              DocContext         *x)
{
  const EnlaceCaseRow *row = x->row;

  doc->title = g_strdup (_("Answer"));
  doc->to = g_strdup (x->requester_line);
  doc->from = g_strdup (x->department_line);
  doc->subject = g_strdup_printf (_("Answer to your request %s"), row->folio);
  add_paragraph (doc, g_strdup_printf (_("In reply to your request with folio %s (“%s”), received on %s, we inform you that:"),
                                       row->folio, x->procedure_name, x->opened));
  switch (row->status)
    {
    case ENLACE_CASE_RESOLVED:
    case ENLACE_CASE_CLOSED:
      {
        g_autofree char *when = format_date (row->resolved_at ? row->resolved_at : row->closed_at);

        add_paragraph (doc, g_strdup_printf (_("your request was attended and resolved on %s."), when));
      }
      break;
    case ENLACE_CASE_CANCELLED:
      add_paragraph (doc, g_strdup_printf (_("your request was cancelled: %s."),
                                           x->c->cancel_reason && *x->c->cancel_reason ? x->c->cancel_reason : _("no reason given")));
      break;
    default:
      add_paragraph (doc, g_strdup_printf (_("your request is being attended; its status is “%s”."),
                                           enlace_case_status_label (row->status)));
      break;
    }
  if (x->account != NULL && step_with_action (x->c, "create-account") != NULL)
    add_paragraph (doc, g_strdup_printf (_("Your e-mail account is %s. The password is handed to you in person; the department never sends it in writing."), x->account));
  add_step_rows (doc, x->c);
  add_form_rows (doc, x->store, x->c, FALSE);
  add_link_rows (doc, x->c);
  add_paragraph (doc, g_strdup_printf (_("For any question about this answer, please quote the folio %s."), row->folio));
  add_signature (doc, x->signer, doc->department);
}

EnlaceCaseDocument *
enlace_case_document_build (EnlaceStore        *store,
                            const EnlaceCase   *c,
                            EnlaceDocumentKind  kind,
                            GDateTime          *date,
                            GError            **error)
{
  g_autoptr(EnlaceCaseDocument) doc = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_auto(DocContext) x = { 0 };
  const EnlaceCaseRow *row;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (c != NULL && c->row != NULL, NULL);
  g_return_val_if_fail ((guint) kind <= ENLACE_DOCUMENT_DICTAMEN, NULL);

  row = c->row;
  x.store = store;
  x.c = c;
  x.row = row;
  x.procedure_name = c->procedure && c->procedure->name ? c->procedure->name : row->procedure_name;
  if (!enlace_case_document_available (c, kind))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Case %s has no %s: its procedure “%s” has no step that generates one"),
                   row->folio, enlace_document_kind_label (kind), x.procedure_name);
      return NULL;
    }

  doc = g_new0 (EnlaceCaseDocument, 1);
  doc->kind = kind;
  doc->case_id = row->id;
  doc->paragraphs = g_ptr_array_new_with_free_func (g_free);
  doc->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  doc->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) signature_free);
  doc->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_document_table_free);
  doc->closing = g_ptr_array_new_with_free_func (g_free);
  document_head (doc, &x);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  doc->folio = g_strdup (row->folio);
  doc->date = format_date (date);
  doc->subtitle = g_strdup (x.procedure_name);
  x.opened = format_date (row->opened_at);
  document_parties (doc, &x);

  switch (kind)
    {
    case ENLACE_DOCUMENT_FORM:
      build_form (doc, &x);
      break;
    case ENLACE_DOCUMENT_MEMO:
      build_memo (doc, &x);
      break;
    case ENLACE_DOCUMENT_NOTICE:
      build_notice (doc, &x);
      break;
    case ENLACE_DOCUMENT_ANSWER:
      build_answer (doc, &x);
      break;
    case ENLACE_DOCUMENT_DICTAMEN:
      if (!enlace_case_document_build_dictamen (doc, store, c, x.requester, x.signer, error))
        return NULL;
      break;
    }

  /* TRANSLATORS: the foot of each page: the department, the folio */
  doc->footer = g_strdup_printf (_("%s · folio %s · generated by Enlace"), doc->department, row->folio);
  return g_steal_pointer (&doc);
}

/* ------------------------------------------------------------------ */
/* Text and e-mail                                                     */

char *
enlace_case_document_to_text (const EnlaceCaseDocument *doc)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint width = 0;

  g_return_val_if_fail (doc != NULL, NULL);

  if (doc->institution)
    g_string_append_printf (s, "%s\n", doc->institution);
  g_string_append_printf (s, "%s\n\n", doc->department);
  g_string_append_printf (s, "%s\n", doc->title);
  if (doc->subtitle && g_strcmp0 (doc->subtitle, doc->subject) != 0)
    g_string_append_printf (s, "%s\n", doc->subtitle);
  g_string_append_printf (s, "%s: %s\n", _("Folio"), doc->folio);
  g_string_append_printf (s, "%s: %s\n", _("Date"), doc->date);
  if (doc->to)
    g_string_append_printf (s, "%s: %s\n", _("To"), doc->to);
  if (doc->from)
    g_string_append_printf (s, "%s: %s\n", _("From"), doc->from);
  if (doc->subject)
    g_string_append_printf (s, "%s: %s\n", _("Subject"), doc->subject);
  g_string_append_c (s, '\n');
  for (guint i = 0; i < doc->paragraphs->len; i++)
    g_string_append_printf (s, "%s\n\n", (char *) g_ptr_array_index (doc->paragraphs, i));
  for (guint i = 0; i < doc->rows->len; i++)
    width = MAX (width, g_utf8_strlen (((EnlaceDocumentRow *) g_ptr_array_index (doc->rows, i))->label, -1));
  for (guint i = 0; i < doc->rows->len; i++)
    {
      EnlaceDocumentRow *r = g_ptr_array_index (doc->rows, i);
      glong pad = width - g_utf8_strlen (r->label, -1);

      g_string_append_printf (s, "%s:%*s %s\n", r->label, (int) pad, "", r->value);
    }
  if (doc->rows->len)
    g_string_append_c (s, '\n');
  for (guint t = 0; doc->tables && t < doc->tables->len; t++)
    {
      EnlaceDocumentTable *table = g_ptr_array_index (doc->tables, t);

      if (table->title)
        g_string_append_printf (s, "%s\n", table->title);
      for (guint r = 0; r < table->rows->len; r++)
        {
          g_autofree char *line = g_strjoinv (" | ", g_ptr_array_index (table->rows, r));

          g_string_append_printf (s, "%s\n", line);
        }
      g_string_append_c (s, '\n');
    }
  if (doc->closing_heading && doc->closing && doc->closing->len)
    g_string_append_printf (s, "%s\n", doc->closing_heading);
  for (guint i = 0; doc->closing && i < doc->closing->len; i++)
    g_string_append_printf (s, "%s\n\n", (char *) g_ptr_array_index (doc->closing, i));
  for (guint i = 0; i < doc->signatures->len; i++)
    {
      EnlaceDocumentSignature *sig = g_ptr_array_index (doc->signatures, i);

      if (*sig->name)
        g_string_append_printf (s, "%s\n%s\n\n", sig->name, sig->role);
    }
  if (doc->footer)
    g_string_append_printf (s, "--\n%s\n", doc->footer);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Percent-encodes every byte but the unreserved ones (and @allowed). */
static void
append_encoded (GString    *s,
                const char *text,
                const char *allowed,
                gboolean    crlf)
{
  for (const guchar *p = (const guchar *) text; p && *p; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("-._~", *p) || (allowed && strchr (allowed, *p)))
        g_string_append_c (s, *p);
      else if (crlf && *p == '\n' && (p == (const guchar *) text || p[-1] != '\r'))
        g_string_append (s, "%0D%0A");
      else
        g_string_append_printf (s, "%%%02X", *p);
    }
}

char *
enlace_case_document_mailto (const char *to,
                             const char *subject,
                             const char *body)
{
  g_autoptr(GString) s = g_string_new ("mailto:");
  char sep = '?';

  if (to != NULL)
    append_encoded (s, to, "@,!$'()*+;:", FALSE);
  if (subject != NULL && *subject)
    {
      g_string_append_printf (s, "%csubject=", sep);
      append_encoded (s, subject, NULL, FALSE);
      sep = '&';
    }
  if (body != NULL && *body)
    {
      g_string_append_printf (s, "%cbody=", sep);
      append_encoded (s, body, NULL, TRUE);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
enlace_case_document_mailto_for (const EnlaceCaseDocument *doc)
{
  g_autofree char *body = NULL;
  g_autofree char *subject = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  body = enlace_case_document_to_text (doc);
  /* TRANSLATORS: the subject of an e-mail: the document's title, its subject */
  subject = g_strdup_printf (_("%s: %s"), doc->title, doc->subject ? doc->subject : doc->folio);
  return enlace_case_document_mailto (doc->to_email, subject, body);
}

gint64
enlace_case_document_record (EnlaceStore               *store,
                             const EnlaceCaseDocument  *doc,
                             const char                *event_kind,
                             const char                *detail,
                             GError                   **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (event_kind != NULL, 0);

  if (strcmp (event_kind, "sent") == 0)
    text = detail && *detail
      ? g_strdup_printf (_("%s sent by e-mail to %s"), doc->title, detail)
      : g_strdup_printf (_("%s sent by e-mail"), doc->title);
  else if (strcmp (event_kind, "document") == 0)
    text = detail && *detail
      ? g_strdup_printf (_("%s generated (%s)"), doc->title, detail)
      : g_strdup_printf (_("%s generated"), doc->title);
  else
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("A document event is “document” or “sent”, not “%s”"), event_kind);
      return 0;
    }
  return enlace_case_add_event (store, doc->case_id, event_kind, text, error);
}
