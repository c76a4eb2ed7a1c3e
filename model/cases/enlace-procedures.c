/* enlace-procedures.c: the procedures manual as data
 *
 * A procedures document (data/procedures.xml, or a file an institution
 * edited) is parsed into EnlaceProcedure structures after validation
 * against the embedded data/procedures.rng.  The project keeps every
 * version of every procedure in the procedure / procedure_step tables:
 * importing adds a version of each procedure whose content changed, and
 * cases keep pointing at the version they were opened under.
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "enlace-json-bounds.h"
#include "enlace-cases-private.h"
#include "enlace-procedures-rng.h"

/* ------------------------------------------------------------------ */
/* Enums                                                               */

static const char * const side_names[] = { "requester", "administrator" };
static const char * const kind_names[] = { "check", "form", "document", "inventory" };
static const char * const result_names[] = { "pending", "done", "failed", "na" };
static const char * const status_names[] = { "new", "in-progress", "waiting", "resolved", "closed", "cancelled" };

const char *
enlace_step_side_to_string (EnlaceStepSide side)
{
  g_return_val_if_fail (side <= ENLACE_STEP_SIDE_ADMINISTRATOR, NULL);
  return side_names[side];
}

const char *
enlace_step_kind_to_string (EnlaceStepKind kind)
{
  g_return_val_if_fail (kind <= ENLACE_STEP_INVENTORY, NULL);
  return kind_names[kind];
}

const char *
enlace_step_result_to_string (EnlaceStepResult result)
{
  g_return_val_if_fail (result <= ENLACE_STEP_NA, NULL);
  return result_names[result];
}

gboolean
enlace_step_result_from_string (const char       *s,
                                EnlaceStepResult *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  for (guint i = 0; s && i < G_N_ELEMENTS (result_names); i++)
    if (strcmp (s, result_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
enlace_case_status_to_string (EnlaceCaseStatus status)
{
  g_return_val_if_fail (status <= ENLACE_CASE_CANCELLED, NULL);
  return status_names[status];
}

gboolean
enlace_case_status_from_string (const char       *s,
                                EnlaceCaseStatus *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  for (guint i = 0; s && i < G_N_ELEMENTS (status_names); i++)
    if (strcmp (s, status_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
enlace_case_status_label (EnlaceCaseStatus status)
{
  switch (status)
    {
    case ENLACE_CASE_NEW:
      return C_("case status", "New");
    case ENLACE_CASE_IN_PROGRESS:
      return C_("case status", "In progress");
    case ENLACE_CASE_WAITING:
      return C_("case status", "Waiting");
    case ENLACE_CASE_RESOLVED:
      return C_("case status", "Resolved");
    case ENLACE_CASE_CLOSED:
      return C_("case status", "Closed");
    case ENLACE_CASE_CANCELLED:
      return C_("case status", "Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
enlace_step_result_label (EnlaceStepResult result)
{
  switch (result)
    {
    case ENLACE_STEP_PENDING:
      return C_("step result", "Pending");
    case ENLACE_STEP_DONE:
      return C_("step result", "Done");
    case ENLACE_STEP_FAILED:
      return C_("step result", "Failed");
    case ENLACE_STEP_NA:
      return C_("step result", "Not applicable");
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
index_of (const char * const *names,
          guint               n,
          const char         *s)
{
  for (guint i = 0; s && i < n; i++)
    if (strcmp (s, names[i]) == 0)
      return i;
  return -1;
}

/* ------------------------------------------------------------------ */
/* Structures                                                          */

static void
field_spec_free (gpointer data)
{
  EnlaceFieldSpec *f = data;

  g_free (f->name);
  g_free (f->label);
  g_free (f->type);
  g_strfreev (f->choices);
  g_free (f);
}

static void
procedure_step_free (gpointer data)
{
  EnlaceProcedureStep *s = data;

  g_free (s->title);
  g_free (s->description);
  g_free (s->action);
  g_clear_pointer (&s->fields, g_ptr_array_unref);
  g_free (s);
}

static EnlaceProcedure *
procedure_new (void)
{
  EnlaceProcedure *p = g_new0 (EnlaceProcedure, 1);

  p->version = 1;
  p->current = TRUE;
  p->steps = g_ptr_array_new_with_free_func (procedure_step_free);
  return p;
}

static EnlaceProcedureStep *
procedure_step_new (void)
{
  EnlaceProcedureStep *s = g_new0 (EnlaceProcedureStep, 1);

  s->required = TRUE;
  s->fields = g_ptr_array_new_with_free_func (field_spec_free);
  return s;
}

void
enlace_procedure_free (EnlaceProcedure *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self->kind);
  g_free (self->prefix);
  g_free (self->description);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self);
}

/* fields ↔ JSON text: [{"name":…,"label":…,"type":…,"required":true,"choices":[…]}] */
static char *
fields_to_json (GPtrArray *fields)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  if (fields == NULL || fields->len == 0)
    return NULL;
  json_builder_begin_array (b);
  for (guint i = 0; i < fields->len; i++)
    {
      EnlaceFieldSpec *f = g_ptr_array_index (fields, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, f->name);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, f->label);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, f->type);
      json_builder_set_member_name (b, "required");
      json_builder_add_boolean_value (b, f->required);
      if (f->choices != NULL)
        {
          json_builder_set_member_name (b, "choices");
          json_builder_begin_array (b);
          for (guint c = 0; f->choices[c]; c++)
            json_builder_add_string_value (b, f->choices[c]);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static GPtrArray *
fields_from_json (const char *text)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (field_spec_free);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *arr;

  if (text == NULL || *text == '\0' || !enlace_json_within_bounds (text, -1, NULL))
    return fields;
  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fields;
  arr = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      EnlaceFieldSpec *f;

      if (o == NULL)
        continue;
      f = g_new0 (EnlaceFieldSpec, 1);
      f->name = g_strdup (json_object_get_string_member_with_default (o, "name", ""));
      f->label = g_strdup (json_object_get_string_member_with_default (o, "label", f->name));
      f->type = g_strdup (json_object_get_string_member_with_default (o, "type", "text"));
      f->required = json_object_get_boolean_member_with_default (o, "required", FALSE);
      if (json_object_has_member (o, "choices"))
        {
          JsonArray *ch = json_object_get_array_member (o, "choices");
          g_autoptr(GStrvBuilder) sb = g_strv_builder_new ();

          for (guint c = 0; ch && c < json_array_get_length (ch); c++)
            g_strv_builder_add (sb, json_array_get_string_element (ch, c));
          f->choices = g_strv_builder_end (sb);
        }
      g_ptr_array_add (fields, f);
    }
  return fields;
}

/* ------------------------------------------------------------------ */
/* XML                                                                 */

static xmlRelaxNGPtr procedures_rng;

static gpointer
rng_init (gpointer data)
{
  xmlRelaxNGParserCtxtPtr pctxt;

  xmlInitParser ();
  pctxt = xmlRelaxNGNewMemParserCtxt (ENLACE_SQL_PROCEDURES, strlen (ENLACE_SQL_PROCEDURES));
  procedures_rng = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (procedures_rng == NULL)
    g_critical ("The embedded procedures schema (data/procedures.rng) does not compile");
  return NULL;
}

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  xmlChar *v = xmlGetProp (node, BAD_CAST name);
  char *ret = v ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return ret;
}

static char *
content (xmlNodePtr node)
{
  xmlChar *v = xmlNodeGetContent (node);
  char *ret = g_strstrip (g_strdup (v ? (const char *) v : ""));

  xmlFree (v);
  return ret;
}

static gboolean
bool_text (const char *s,
           gboolean    fallback)
{
  if (s == NULL)
    return fallback;
  return strcmp (s, "true") == 0 || strcmp (s, "1") == 0;
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

EnlaceProcedure *
enlace_procedure_from_node (xmlNodePtr node)
{
  EnlaceProcedure *p = procedure_new ();
  g_autofree char *version = prop (node, "version");
  g_autofree char *current = prop (node, "current");
  g_autofree char *target = prop (node, "target-hours");
  guint seq = 0;

  p->code = prop (node, "code");
  p->kind = prop (node, "kind");
  p->prefix = prop (node, "prefix");
  p->version = version ? (int) g_ascii_strtoll (version, NULL, 10) : 1;
  p->current = bool_text (current, TRUE);
  p->target_hours = target ? (int) g_ascii_strtoll (target, NULL, 10) : 72;

  for (xmlNodePtr c = node->children; c; c = c->next)
    {
      if (is_element (c, "name"))
        p->name = content (c);
      else if (is_element (c, "description"))
        p->description = content (c);
      else if (is_element (c, "step"))
        {
          EnlaceProcedureStep *s = procedure_step_new ();
          g_autofree char *side = prop (c, "side");
          g_autofree char *kind = prop (c, "kind");
          g_autofree char *position = prop (c, "position");
          g_autofree char *required = prop (c, "required");

          s->side = MAX (index_of (side_names, G_N_ELEMENTS (side_names), side), 0);
          s->kind = MAX (index_of (kind_names, G_N_ELEMENTS (kind_names), kind), 0);
          s->position = position ? (guint) g_ascii_strtoull (position, NULL, 10) : ++seq;
          s->required = bool_text (required, TRUE);
          s->action = prop (c, "action");
          for (xmlNodePtr d = c->children; d; d = d->next)
            {
              if (is_element (d, "title"))
                s->title = content (d);
              else if (is_element (d, "description"))
                s->description = content (d);
              else if (is_element (d, "field"))
                {
                  EnlaceFieldSpec *f = g_new0 (EnlaceFieldSpec, 1);
                  g_autofree char *freq = prop (d, "required");
                  g_autoptr(GStrvBuilder) sb = g_strv_builder_new ();
                  gboolean any = FALSE;

                  f->name = prop (d, "name");
                  f->label = prop (d, "label");
                  f->type = prop (d, "type");
                  f->required = bool_text (freq, FALSE);
                  for (xmlNodePtr e = d->children; e; e = e->next)
                    if (is_element (e, "choice"))
                      {
                        g_autofree char *ch = content (e);
                        g_strv_builder_add (sb, ch);
                        any = TRUE;
                      }
                  if (any)
                    f->choices = g_strv_builder_end (sb);
                  if (f->label == NULL)
                    f->label = g_strdup (f->name);
                  if (f->type == NULL)
                    f->type = g_strdup ("text");
                  g_ptr_array_add (s->fields, f);
                }
            }
          if (s->title == NULL)
            s->title = g_strdup ("");
          g_ptr_array_add (p->steps, s);
        }
    }
  if (p->name == NULL)
    p->name = g_strdup (p->code);
  return p;
}

typedef struct
{
  int   line;
  char *message;
} FirstError;

static void
on_structured_error (void        *data,
                     const xmlError *err)
{
  FirstError *fe = data;

  if (fe->message != NULL || err == NULL)
    return;
  fe->line = err->line;
  fe->message = g_strstrip (g_strdup (err->message ? err->message : "?"));
}

GPtrArray *
enlace_procedures_parse (const char  *xml,
                         gsize        len,
                         const char  *name,
                         GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_procedure_free);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  FirstError fe = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  xmlNodePtr root;
  xmlRelaxNGValidCtxtPtr vctxt;
  int rc;

  g_once (&once, rng_init, NULL);
  if (name == NULL)
    name = "procedures.xml";

  ctxt = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (ctxt, xml, (int) len, name, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL)
    on_structured_error (&fe, xmlCtxtGetLastError (ctxt));
  xmlFreeParserCtxt (ctxt);
  if (doc == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s, line %d: not well-formed XML: %s"), name, fe.line,
                   fe.message ? fe.message : "?");
      g_free (fe.message);
      return NULL;
    }
  g_clear_pointer (&fe.message, g_free);
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s: DOCTYPE declarations are not allowed in a procedures file"), name);
      xmlFreeDoc (doc);
      return NULL;
    }

  vctxt = xmlRelaxNGNewValidCtxt (procedures_rng);
  xmlRelaxNGSetValidStructuredErrors (vctxt, (xmlStructuredErrorFunc) on_structured_error, &fe);
  rc = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  if (rc != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s, line %d: does not follow the procedures schema: %s"), name, fe.line,
                   fe.message ? fe.message : "?");
      g_free (fe.message);
      xmlFreeDoc (doc);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (is_element (c, "procedure"))
      {
        EnlaceProcedure *p = enlace_procedure_from_node (c);

        if (g_hash_table_contains (codes, p->code))
          {
            g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT,
                         _("%s, line %d: procedure “%s” is defined twice"), name,
                         (int) xmlGetLineNo (c), p->code);
            enlace_procedure_free (p);
            xmlFreeDoc (doc);
            return NULL;
          }
        g_ptr_array_add (procs, p);
        g_hash_table_add (codes, p->code);
      }
  xmlFreeDoc (doc);
  return g_steal_pointer (&procs);
}

static gboolean
write_text_element (xmlTextWriterPtr  w,
                    const char       *name,
                    const char       *text)
{
  return xmlTextWriterWriteElement (w, BAD_CAST name, BAD_CAST text) >= 0;
}

gboolean
enlace_procedure_write (xmlTextWriterPtr        w,
                        const EnlaceProcedure  *p,
                        gboolean                with_version)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "procedure") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "code", BAD_CAST p->code) < 0)
    return FALSE;
  if (with_version &&
      (xmlTextWriterWriteFormatAttribute (w, BAD_CAST "version", "%d", p->version) < 0 ||
       xmlTextWriterWriteAttribute (w, BAD_CAST "current", BAD_CAST (p->current ? "true" : "false")) < 0))
    return FALSE;
  if (xmlTextWriterWriteAttribute (w, BAD_CAST "kind", BAD_CAST p->kind) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "prefix", BAD_CAST p->prefix) < 0 ||
      xmlTextWriterWriteFormatAttribute (w, BAD_CAST "target-hours", "%d", p->target_hours) < 0 ||
      !write_text_element (w, "name", p->name) ||
      (p->description != NULL && !write_text_element (w, "description", p->description)))
    return FALSE;
  for (guint i = 0; i < p->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (p->steps, i);

      if (xmlTextWriterStartElement (w, BAD_CAST "step") < 0 ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "side", BAD_CAST side_names[s->side]) < 0 ||
          xmlTextWriterWriteFormatAttribute (w, BAD_CAST "position", "%u", s->position) < 0 ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "kind", BAD_CAST kind_names[s->kind]) < 0 ||
          (s->action != NULL && xmlTextWriterWriteAttribute (w, BAD_CAST "action", BAD_CAST s->action) < 0) ||
          (!s->required && xmlTextWriterWriteAttribute (w, BAD_CAST "required", BAD_CAST "false") < 0) ||
          !write_text_element (w, "title", s->title) ||
          (s->description != NULL && !write_text_element (w, "description", s->description)))
        return FALSE;
      for (guint f = 0; s->fields && f < s->fields->len; f++)
        {
          const EnlaceFieldSpec *fs = g_ptr_array_index (s->fields, f);

          if (xmlTextWriterStartElement (w, BAD_CAST "field") < 0 ||
              xmlTextWriterWriteAttribute (w, BAD_CAST "name", BAD_CAST fs->name) < 0 ||
              xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST fs->type) < 0 ||
              xmlTextWriterWriteAttribute (w, BAD_CAST "label", BAD_CAST fs->label) < 0 ||
              (fs->required && xmlTextWriterWriteAttribute (w, BAD_CAST "required", BAD_CAST "true") < 0))
            return FALSE;
          for (guint c = 0; fs->choices && fs->choices[c]; c++)
            if (!write_text_element (w, "choice", fs->choices[c]))
              return FALSE;
          if (xmlTextWriterEndElement (w) < 0)
            return FALSE;
        }
      if (xmlTextWriterEndElement (w) < 0)
        return FALSE;
    }
  return xmlTextWriterEndElement (w) >= 0;
}

static char *
procedure_to_text (const EnlaceProcedure *p)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buf, 0);
  char *ret;

  enlace_procedure_write (w, p, FALSE);
  xmlTextWriterFlush (w);
  xmlFreeTextWriter (w);
  ret = g_strdup ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  return ret;
}

gboolean
enlace_procedure_same (const EnlaceProcedure *a,
                       const EnlaceProcedure *b)
{
  g_autofree char *ta = procedure_to_text (a);
  g_autofree char *tb = procedure_to_text (b);

  return g_strcmp0 (ta, tb) == 0;
}

/* ------------------------------------------------------------------ */
/* Store                                                               */

static EnlaceProcedure *
load_procedure (EnlaceStore  *store,
                sqlite3_stmt *stmt, /* id, code, version, current, name, kind, prefix, target_hours, description */
                GError      **error)
{
  g_autoptr(EnlaceProcedure) p = procedure_new ();
  sqlite3_stmt *q;
  int rc;

  p->id = sqlite3_column_int64 (stmt, 0);
  p->code = enlace_cases_dup_column (stmt, 1);
  p->version = sqlite3_column_int (stmt, 2);
  p->current = sqlite3_column_int (stmt, 3) != 0;
  p->name = enlace_cases_dup_column (stmt, 4);
  p->kind = enlace_cases_dup_column (stmt, 5);
  p->prefix = enlace_cases_dup_column (stmt, 6);
  p->target_hours = sqlite3_column_int (stmt, 7);
  p->description = enlace_cases_dup_column (stmt, 8);

  q = enlace_store_prepare (store,
                            "SELECT id, side, kind, position, title, description, required, action, fields "
                            "FROM procedure_step WHERE procedure_id = ?1 ORDER BY seq",
                            error);
  if (q == NULL)
    return NULL;
  sqlite3_bind_int64 (q, 1, p->id);
  while ((rc = sqlite3_step (q)) == SQLITE_ROW)
    {
      EnlaceProcedureStep *s = procedure_step_new ();

      s->id = sqlite3_column_int64 (q, 0);
      s->side = MAX (index_of (side_names, G_N_ELEMENTS (side_names), (const char *) sqlite3_column_text (q, 1)), 0);
      s->kind = MAX (index_of (kind_names, G_N_ELEMENTS (kind_names), (const char *) sqlite3_column_text (q, 2)), 0);
      s->position = sqlite3_column_int (q, 3);
      s->title = enlace_cases_dup_column (q, 4);
      s->description = enlace_cases_dup_column (q, 5);
      s->required = sqlite3_column_int (q, 6) != 0;
      s->action = enlace_cases_dup_column (q, 7);
      g_ptr_array_unref (s->fields);
      s->fields = fields_from_json ((const char *) sqlite3_column_text (q, 8));
      g_ptr_array_add (p->steps, s);
    }
  sqlite3_reset (q);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, p->code);
      return NULL;
    }
  return g_steal_pointer (&p);
}

#define PROC_COLUMNS "SELECT id, code, version, current, name, kind, prefix, target_hours, description FROM procedure "

static GPtrArray *
load_procedures (EnlaceStore  *store,
                 const char   *sql,
                 GError      **error)
{
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_procedure_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  /* ids first: load_procedure runs its own query */
  stmt = enlace_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      EnlaceProcedure *p = enlace_procedures_get_by_id (store, g_array_index (ids, gint64, i), error);

      if (p == NULL)
        return NULL;
      g_ptr_array_add (ret, p);
    }
  return g_steal_pointer (&ret);
}

GPtrArray *
enlace_procedures_list (EnlaceStore  *store,
                        GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  return load_procedures (store, "SELECT id FROM procedure WHERE current = 1 ORDER BY name, code", error);
}

GPtrArray *
enlace_procedures_list_all (EnlaceStore  *store,
                            GError      **error)
{
  return load_procedures (store, "SELECT id FROM procedure ORDER BY code, version", error);
}

EnlaceProcedure *
enlace_procedures_get_by_id (EnlaceStore  *store,
                             gint64        id,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  EnlaceProcedure *p = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store, PROC_COLUMNS "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      p = load_procedure (store, stmt, error);
      sqlite3_reset (stmt);
      return p;
    }
  sqlite3_reset (stmt);
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("No procedure #%lld"), (long long) id);
  return NULL;
}

EnlaceProcedure *
enlace_procedures_get (EnlaceStore  *store,
                       const char   *code,
                       int           version,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (version > 0)
    {
      stmt = enlace_store_prepare (store, "SELECT id FROM procedure WHERE code = ?1 AND version = ?2", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int (stmt, 2, version);
    }
  else
    stmt = enlace_store_prepare (store, "SELECT id FROM procedure WHERE code = ?1 AND current = 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      if (version > 0)
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("No procedure “%s” version %d"), code, version);
      else
        g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                     _("No procedure “%s” in the project's manual"), code);
      return NULL;
    }
  return enlace_procedures_get_by_id (store, id, error);
}

gint64
enlace_procedure_insert (EnlaceStore            *store,
                         const EnlaceProcedure  *p,
                         GError                **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = enlace_store_prepare (store,
                               "INSERT INTO procedure (code, version, current, name, kind, prefix, target_hours, description) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, p->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, p->version);
  sqlite3_bind_int (stmt, 3, p->current ? 1 : 0);
  sqlite3_bind_text (stmt, 4, p->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, p->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, p->prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, p->target_hours);
  if (p->description)
    sqlite3_bind_text (stmt, 8, p->description, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Procedure “%s”"), p->code);
      enlace_store_set_sql_error (store, error, what);
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (enlace_store_get_db (store));

  for (guint i = 0; i < p->steps->len; i++)
    {
      const EnlaceProcedureStep *s = g_ptr_array_index (p->steps, i);
      g_autofree char *fields = fields_to_json (s->fields);

      stmt = enlace_store_prepare (store,
                                   "INSERT INTO procedure_step (procedure_id, seq, side, kind, position, title, "
                                   "description, required, action, fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                   error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, side_names[s->side], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, kind_names[s->kind], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, s->position);
      sqlite3_bind_text (stmt, 6, s->title, -1, SQLITE_TRANSIENT);
      if (s->description)
        sqlite3_bind_text (stmt, 7, s->description, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 8, s->required ? 1 : 0);
      if (s->action)
        sqlite3_bind_text (stmt, 9, s->action, -1, SQLITE_TRANSIENT);
      if (fields)
        sqlite3_bind_text (stmt, 10, fields, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_autofree char *what = g_strdup_printf (_("Procedure “%s”, step “%s”"), p->code, s->title);
          enlace_store_set_sql_error (store, error, what);
          sqlite3_reset (stmt);
          return 0;
        }
      sqlite3_reset (stmt);
    }
  return id;
}

/* Adds @procs as new versions where they changed.  Inside a command. */
static int
import_procedures (EnlaceStore  *store,
                   GPtrArray    *procs,
                   GError      **error)
{
  int changed = 0;

  for (guint i = 0; i < procs->len; i++)
    {
      EnlaceProcedure *p = g_ptr_array_index (procs, i);
      g_autoptr(EnlaceProcedure) cur = enlace_procedures_get (store, p->code, 0, NULL);
      sqlite3_stmt *stmt;

      if (cur != NULL && enlace_procedure_same (cur, p))
        continue;
      p->version = 1;
      p->current = TRUE;
      stmt = enlace_store_prepare (store, "SELECT coalesce(max(version), 0) + 1 FROM procedure WHERE code = ?1", error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, p->code, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        p->version = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (cur != NULL)
        {
          /* before the insert: one current version per code */
          stmt = enlace_store_prepare (store, "UPDATE procedure SET current = 0 WHERE id = ?1", error);
          if (stmt == NULL)
            return -1;
          sqlite3_bind_int64 (stmt, 1, cur->id);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              enlace_store_set_sql_error (store, error, p->code);
              sqlite3_reset (stmt);
              return -1;
            }
          sqlite3_reset (stmt);
        }
      if (enlace_procedure_insert (store, p, error) == 0)
        return -1;
      changed++;
    }
  return changed;
}

int
enlace_procedures_import_data (EnlaceStore  *store,
                               const char   *xml,
                               gsize         len,
                               GError      **error)
{
  return enlace_procedures_import_named (store, xml, len, NULL, error);
}

int
enlace_procedures_import_named (EnlaceStore  *store,
                                const char   *xml,
                                gsize         len,
                                const char   *name,
                                GError      **error)
{
  g_autoptr(GPtrArray) procs = NULL;
  int changed;

  g_return_val_if_fail (ENLACE_IS_STORE (store), -1);
  g_return_val_if_fail (xml != NULL, -1);

  procs = enlace_procedures_parse (xml, len, name, error);
  if (procs == NULL)
    return -1;
  if (!enlace_store_begin (store, _("Import the procedures manual"), error))
    return -1;
  changed = import_procedures (store, procs, error);
  if (changed < 0)
    {
      enlace_store_rollback (store);
      return -1;
    }
  if (!enlace_store_commit (store, error))
    return -1;
  return changed;
}

int
enlace_procedures_import (EnlaceStore  *store,
                          const char   *path,
                          GError      **error)
{
  g_autofree char *text = NULL;
  g_autofree char *base = NULL;
  gsize len = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), -1);
  g_return_val_if_fail (path != NULL, -1);

  if (!g_file_get_contents (path, &text, &len, error))
    return -1;
  base = g_path_get_basename (path);
  return enlace_procedures_import_named (store, text, len, base, error);
}

char *
enlace_procedures_export_to_string (EnlaceStore  *store,
                                    GError      **error)
{
  g_autoptr(GPtrArray) procs = NULL;
  xmlBufferPtr buf;
  xmlTextWriterPtr w;
  gboolean ok = TRUE;
  char *ret;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  procs = enlace_procedures_list (store, error);
  if (procs == NULL)
    return NULL;
  /* by code: a stable order whatever the names */
  buf = xmlBufferCreate ();
  w = xmlNewTextWriterMemory (buf, 0);
  ok = xmlTextWriterSetIndent (w, 1) >= 0 &&
       xmlTextWriterSetIndentString (w, BAD_CAST "  ") >= 0 &&
       xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL) >= 0 &&
       xmlTextWriterStartElement (w, BAD_CAST "procedures") >= 0 &&
       xmlTextWriterWriteAttribute (w, BAD_CAST "version", BAD_CAST "1") >= 0;
  for (guint i = 0; ok && i < procs->len; i++)
    ok = enlace_procedure_write (w, g_ptr_array_index (procs, i), FALSE);
  ok = ok && xmlTextWriterEndElement (w) >= 0 && xmlTextWriterEndDocument (w) >= 0;
  xmlTextWriterFlush (w);
  xmlFreeTextWriter (w);
  if (!ok)
    {
      xmlBufferFree (buf);
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_FAILED,
                   _("Cannot write the procedures manual"));
      return NULL;
    }
  ret = g_strdup ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  return ret;
}

gboolean
enlace_procedures_export (EnlaceStore  *store,
                          const char   *path,
                          GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = enlace_procedures_export_to_string (store, error);
  if (text == NULL)
    return FALSE;
  return g_file_set_contents (path, text, -1, error);
}

gboolean
enlace_procedures_ensure_defaults (EnlaceStore  *store,
                                   GError      **error)
{
  g_autoptr(GPtrArray) procs = NULL;
  sqlite3_stmt *stmt;
  gboolean any = FALSE;
  gboolean own_tx;
  const char *xml;
  gsize len;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (enlace_store_is_read_only (store))
    return TRUE;
  stmt = enlace_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM procedure)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    any = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (any)
    return TRUE;

  xml = enlace_procedures_builtin_xml (&len);
  procs = enlace_procedures_parse (xml, len, "data/procedures.xml", error);
  if (procs == NULL)
    return FALSE;

  /* Inside a command: part of it.  Outside (a new or upgraded file): a
   * plain transaction, not in the audit log (nothing to undo). */
  own_tx = !enlace_store_in_command (store);
  if (own_tx && !enlace_store_exec (store, "SAVEPOINT enlace_procedures_defaults", error))
    return FALSE;
  for (guint i = 0; i < procs->len; i++)
    if (enlace_procedure_insert (store, g_ptr_array_index (procs, i), error) == 0)
      {
        if (own_tx)
          enlace_store_exec (store, "ROLLBACK TO enlace_procedures_defaults; RELEASE enlace_procedures_defaults", NULL);
        return FALSE;
      }
  if (own_tx && !enlace_store_exec (store, "RELEASE enlace_procedures_defaults", error))
    return FALSE;
  return TRUE;
}

gboolean
enlace_procedures_are_builtin (EnlaceStore *store)
{
  g_autoptr(GPtrArray) all = enlace_procedures_list_all (store, NULL);
  g_autoptr(GPtrArray) builtin = NULL;
  const char *xml;
  gsize len;

  if (all == NULL)
    return FALSE;
  xml = enlace_procedures_builtin_xml (&len);
  builtin = enlace_procedures_parse (xml, len, NULL, NULL);
  if (builtin == NULL || builtin->len != all->len)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      EnlaceProcedure *p = g_ptr_array_index (all, i);
      gboolean found = FALSE;

      if (p->version != 1 || !p->current)
        return FALSE;
      for (guint j = 0; j < builtin->len && !found; j++)
        {
          EnlaceProcedure *b = g_ptr_array_index (builtin, j);
          if (strcmp (b->code, p->code) == 0)
            {
              if (!enlace_procedure_same (b, p))
                return FALSE;
              found = TRUE;
            }
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}
