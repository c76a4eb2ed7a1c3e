/* enlace-cases-xml.c: procedures, cases and e-mail accounts in the
 * project's XML exchange (hooks called by model/exchange/enlace-xml*.c;
 * see enlace-cases-xml.h and data/enlace.rng). */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-cases-xml.h"
#include "enlace-extension-history.h"
#include "enlace-faulty-xml.h"
#include "enlace-opinions.h"
#include "enlace-orders.h"
#include "enlace-xml.h"

/* ------------------------------------------------------------------ */
/* Export                                                              */

static gboolean
w_attr (xmlTextWriterPtr  w,
        const char       *name,
        const char       *value)
{
  if (value == NULL)
    return TRUE;
  return xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value) >= 0;
}

static gboolean
w_col_attr (xmlTextWriterPtr  w,
            const char       *name,
            sqlite3_stmt     *stmt,
            int               col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return TRUE;
  return w_attr (w, name, (const char *) sqlite3_column_text (stmt, col));
}

static gboolean
w_col_element (xmlTextWriterPtr  w,
               const char       *name,
               sqlite3_stmt     *stmt,
               int               col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return TRUE;
  return xmlTextWriterWriteElement (w, BAD_CAST name, sqlite3_column_text (stmt, col)) >= 0;
}

static const char *
key_of (EnlaceStore      *store,
        EnlaceXmlKeyFunc  key_func,
        gpointer          data,
        const char       *kind,
        gint64            id,
        char            **owned)
{
  const char *k = key_func ? key_func (data, kind, id) : NULL;

  *owned = NULL;
  if (k != NULL)
    return k;
  if (g_strcmp0 (kind, "space") == 0)
    {
      sqlite3_stmt *stmt = enlace_store_prepare (store,
                                                 "SELECT b.code || '/' || f.level || '/' || s.code FROM space s "
                                                 "JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id "
                                                 "WHERE s.id = ?1",
                                                 NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            *owned = enlace_cases_dup_column (stmt, 0);
          sqlite3_reset (stmt);
        }
      return *owned;
    }
  *owned = enlace_store_dup_key (store, g_strcmp0 (kind, "outlet") == 0 ? "device" : kind, id);
  return *owned;
}

static gboolean
failed (GError **error)
{
  if (error && *error)
    return FALSE;
  g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED, _("Cannot write the cases to XML"));
  return FALSE;
}

static gboolean
has_rows (EnlaceStore *store,
          const char  *sql)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  gboolean ret = FALSE;

  if (stmt != NULL)
    {
      ret = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  return ret;
}

static gboolean
export_case (EnlaceStore       *store,
             xmlTextWriterPtr   w,
             gint64             case_id,
             GHashTable        *account_ordinal,
             EnlaceXmlKeyFunc   key_func,
             gpointer           data,
             GError           **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);

  /* steps */
  stmt = enlace_store_prepare (store,
                               "SELECT ps.seq, ps.side, ps.position, cs.result, cs.done_by, cs.done_at, cs.note, cs.data "
                               "FROM case_step cs JOIN procedure_step ps ON ps.id = cs.step_id "
                               "WHERE cs.case_id = ?1 ORDER BY ps.seq",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (xmlTextWriterStartElement (w, BAD_CAST "step") < 0 ||
          !w_col_attr (w, "seq", stmt, 0) || !w_col_attr (w, "side", stmt, 1) ||
          !w_col_attr (w, "position", stmt, 2) || !w_col_attr (w, "result", stmt, 3) ||
          !w_col_attr (w, "done-by", stmt, 4) || !w_col_attr (w, "done-at", stmt, 5) ||
          !w_col_element (w, "note", stmt, 6) || !w_col_element (w, "values", stmt, 7) ||
          xmlTextWriterEndElement (w) < 0)
        {
          sqlite3_reset (stmt);
          return failed (error);
        }
    }
  sqlite3_reset (stmt);

  /* timeline */
  stmt = enlace_store_prepare (store,
                               "SELECT e.at, e.who, e.kind, e.text, e.attachment_name, e.attachment_mime, a.sha256, a.data "
                               "FROM case_event e LEFT JOIN attachment a ON a.id = e.attachment_id "
                               "WHERE e.case_id = ?1 ORDER BY e.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean ok = xmlTextWriterStartElement (w, BAD_CAST "event") >= 0 &&
                    w_col_attr (w, "at", stmt, 0) && w_col_attr (w, "who", stmt, 1) &&
                    w_col_attr (w, "kind", stmt, 2) && w_col_element (w, "text", stmt, 3);

      if (ok && sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        {
          g_autofree char *b64 = g_base64_encode (sqlite3_column_blob (stmt, 7), sqlite3_column_bytes (stmt, 7));

          ok = xmlTextWriterStartElement (w, BAD_CAST "attachment") >= 0 &&
               w_col_attr (w, "name", stmt, 4) && w_col_attr (w, "mime", stmt, 5) &&
               w_col_attr (w, "sha256", stmt, 6) &&
               xmlTextWriterWriteString (w, BAD_CAST b64) >= 0 &&
               xmlTextWriterEndElement (w) >= 0;
        }
      if (!ok || xmlTextWriterEndElement (w) < 0)
        {
          sqlite3_reset (stmt);
          return failed (error);
        }
    }
  sqlite3_reset (stmt);

  /* links (keys after the query: key lookups run queries) */
  stmt = enlace_store_prepare (store, "SELECT kind, object_id FROM case_link WHERE case_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (links, g_strdup_printf ("%" G_GINT64_FORMAT ":%s", (gint64) sqlite3_column_int64 (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < links->len; i++)
    {
      const char *s = g_ptr_array_index (links, i);
      const char *kind = strchr (s, ':') + 1;
      gint64 id = g_ascii_strtoll (s, NULL, 10);
      g_autofree char *owned = NULL;
      g_autofree char *ordinal = NULL;
      const char *key;

      if (strcmp (kind, "email_account") == 0)
        {
          gpointer n = g_hash_table_lookup (account_ordinal, &id);
          if (n == NULL)
            continue;
          key = ordinal = g_strdup_printf ("%u", GPOINTER_TO_UINT (n));
        }
      else
        key = key_of (store, key_func, data, kind, id, &owned);
      if (key == NULL)
        continue; /* an object without a readable key (an unlabelled cable) */
      if (xmlTextWriterStartElement (w, BAD_CAST "link") < 0 ||
          !w_attr (w, "kind", kind) || !w_attr (w, "key", key) ||
          xmlTextWriterEndElement (w) < 0)
        return failed (error);
    }
  /* technical opinions: quotes and resolution (enlace-opinions-xml.c) */
  if (!enlace_opinions_xml_export_case (store, w, case_id, error))
    return FALSE;
  /* modification orders: changes and execution (enlace-orders-xml.c) */
  return enlace_orders_xml_export_case (store, w, case_id, error)
         /* the changes of an extension's status it made */
         && enlace_extension_history_xml_export_case (store, w, case_id, error);
}

gboolean
enlace_cases_xml_export (EnlaceStore       *store,
                         xmlTextWriterPtr   w,
                         EnlaceXmlKeyFunc   key_func,
                         gpointer           data,
                         GError           **error)
{
  g_autoptr(GHashTable) ordinal = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean any_case;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  any_case = has_rows (store, "SELECT 1 FROM case_file LIMIT 1");

  /* the manual: every version */
  if (any_case || !enlace_procedures_are_builtin (store))
    {
      g_autoptr(GPtrArray) all = enlace_procedures_list_all (store, error);

      if (all == NULL)
        return FALSE;
      for (guint i = 0; i < all->len; i++)
        if (!enlace_procedure_write (w, g_ptr_array_index (all, i), TRUE))
          return failed (error);
    }

  /* the registry */
  stmt = enlace_store_prepare (store,
                               "SELECT e.id, e.address, e.holder_id, e.area_id, e.status, e.created_at, e.removed_at, "
                               "cc.folio, rc.folio, e.delivered_to, e.delivered_at, e.removal_motive "
                               "FROM email_account e LEFT JOIN case_file cc ON cc.id = e.created_case_id "
                               "LEFT JOIN case_file rc ON rc.id = e.removed_case_id ORDER BY e.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      g_autofree char *holder_owned = NULL;
      g_autofree char *area_owned = NULL;
      const char *holder = NULL, *area = NULL;
      gboolean ok;

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (ordinal, id, GUINT_TO_POINTER (++n));
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        holder = key_of (store, key_func, data, "person", sqlite3_column_int64 (stmt, 2), &holder_owned);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        area = key_of (store, key_func, data, "area", sqlite3_column_int64 (stmt, 3), &area_owned);
      ok = xmlTextWriterStartElement (w, BAD_CAST "email-account") >= 0 &&
           xmlTextWriterWriteFormatAttribute (w, BAD_CAST "id", "%u", n) >= 0 &&
           w_col_attr (w, "address", stmt, 1) && w_attr (w, "holder", holder) && w_attr (w, "area", area) &&
           w_col_attr (w, "status", stmt, 4) && w_col_attr (w, "created-at", stmt, 5) &&
           w_col_attr (w, "removed-at", stmt, 6) && w_col_attr (w, "created-case", stmt, 7) &&
           w_col_attr (w, "removed-case", stmt, 8) && w_col_attr (w, "delivered-to", stmt, 9) &&
           w_col_attr (w, "delivered-at", stmt, 10) && w_col_element (w, "removal-motive", stmt, 11) &&
           xmlTextWriterEndElement (w) >= 0;
      if (!ok)
        {
          sqlite3_reset (stmt);
          return failed (error);
        }
    }
  sqlite3_reset (stmt);

  /* the cases */
  stmt = enlace_store_prepare (store, "SELECT id FROM case_file ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (cases, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < cases->len; i++)
    {
      gint64 id = g_array_index (cases, gint64, i);
      g_autofree char *r_owned = NULL, *a_owned = NULL, *s_owned = NULL;
      gint64 requester = 0, area = 0, assignee = 0;
      gboolean ok;

      stmt = enlace_store_prepare (store,
                                   "SELECT c.folio, p.code, p.version, c.requester_id, c.area_id, c.channel, c.priority, "
                                   "c.assignee_id, c.status, c.opened_at, c.due_at, c.resolved_at, c.closed_at, "
                                   "c.summary, c.cancel_reason, c.form "
                                   "FROM case_file c JOIN procedure p ON p.id = c.procedure_id WHERE c.id = ?1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          continue;
        }
      requester = sqlite3_column_int64 (stmt, 3);
      area = sqlite3_column_int64 (stmt, 4);
      assignee = sqlite3_column_int64 (stmt, 7);
      sqlite3_reset (stmt);
      /* keys before writing: key_of may run queries */
      {
        const char *rk = requester ? key_of (store, key_func, data, "person", requester, &r_owned) : NULL;
        const char *ak = area ? key_of (store, key_func, data, "area", area, &a_owned) : NULL;
        const char *sk = assignee ? key_of (store, key_func, data, "person", assignee, &s_owned) : NULL;

        if (rk && !r_owned)
          r_owned = g_strdup (rk);
        if (ak && !a_owned)
          a_owned = g_strdup (ak);
        if (sk && !s_owned)
          s_owned = g_strdup (sk);
      }
      stmt = enlace_store_prepare (store,
                                   "SELECT c.folio, p.code, p.version, c.requester_id, c.area_id, c.channel, c.priority, "
                                   "c.assignee_id, c.status, c.opened_at, c.due_at, c.resolved_at, c.closed_at, "
                                   "c.summary, c.cancel_reason, c.form "
                                   "FROM case_file c JOIN procedure p ON p.id = c.procedure_id WHERE c.id = ?1",
                                   error);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_step (stmt);
      ok = xmlTextWriterStartElement (w, BAD_CAST "case") >= 0 &&
           w_col_attr (w, "folio", stmt, 0) && w_col_attr (w, "procedure", stmt, 1) &&
           w_col_attr (w, "procedure-version", stmt, 2) && w_attr (w, "requester", r_owned) &&
           w_attr (w, "area", a_owned) && w_col_attr (w, "channel", stmt, 5) &&
           w_col_attr (w, "priority", stmt, 6) && w_attr (w, "assignee", s_owned) &&
           w_col_attr (w, "status", stmt, 8) && w_col_attr (w, "opened-at", stmt, 9) &&
           w_col_attr (w, "due-at", stmt, 10) && w_col_attr (w, "resolved-at", stmt, 11) &&
           w_col_attr (w, "closed-at", stmt, 12) && w_col_element (w, "summary", stmt, 13) &&
           w_col_element (w, "cancel-reason", stmt, 14) && w_col_element (w, "form", stmt, 15);
      sqlite3_reset (stmt);
      if (!ok)
        return failed (error);
      if (!export_case (store, w, id, ordinal, key_func, data, error))
        return FALSE;
      if (xmlTextWriterEndElement (w) < 0)
        return failed (error);
    }
  /* cables and ports marked faulty (they may name a case) */
  return enlace_faulty_xml_export (store, w, key_func, data, error);
}

/* ------------------------------------------------------------------ */
/* Import                                                              */

struct _EnlaceCasesXmlImport
{
  EnlaceStore      *store;
  EnlaceXmlIdFunc   id_func;
  gpointer          data;
  guint             n_procedures;
  GHashTable       *procedures;   /* "code:version" → id */
  GHashTable       *folios;       /* folio → case id */
  GArray           *accounts;     /* ordinal - 1 → account id */
  GPtrArray        *account_refs; /* of AccountRef* */
};

typedef struct
{
  gint64  account_id;
  char   *created;
  char   *removed;
} AccountRef;

static void
account_ref_free (gpointer data)
{
  AccountRef *r = data;

  g_free (r->created);
  g_free (r->removed);
  g_free (r);
}

gboolean
enlace_cases_xml_handles (const char *element)
{
  return g_strcmp0 (element, "procedure") == 0 || g_strcmp0 (element, "email-account") == 0 ||
         g_strcmp0 (element, "case") == 0 || g_strcmp0 (element, "faulty-mark") == 0;
}

EnlaceCasesXmlImport *
enlace_cases_xml_import_begin (EnlaceStore      *store,
                               EnlaceXmlIdFunc   id_func,
                               gpointer          data,
                               GError          **error)
{
  EnlaceCasesXmlImport *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (has_rows (store, "SELECT 1 FROM case_file LIMIT 1") ||
      has_rows (store, "SELECT 1 FROM email_account LIMIT 1"))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_NOT_EMPTY,
                   _("The project already holds cases: import XML into a new, empty project"));
      return NULL;
    }
  self = g_new0 (EnlaceCasesXmlImport, 1);
  self->store = store;
  self->id_func = id_func;
  self->data = data;
  self->procedures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->folios = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->accounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->account_refs = g_ptr_array_new_with_free_func (account_ref_free);
  return self;
}

void
enlace_cases_xml_import_free (EnlaceCasesXmlImport *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->procedures);
  g_hash_table_unref (self->folios);
  g_array_unref (self->accounts);
  g_ptr_array_unref (self->account_refs);
  g_free (self);
}

char *
enlace_cases_xml_prop (xmlNodePtr  node,
                       const char *name)
{
  xmlChar *v = xmlGetProp (node, BAD_CAST name);
  char *ret = v ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return ret;
}

char *
enlace_cases_xml_child_text (xmlNodePtr  node,
                             const char *name)
{
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
      {
        xmlChar *v = xmlNodeGetContent (c);
        char *ret = g_strdup (v ? (const char *) v : "");
        xmlFree (v);
        return ret;
      }
  return NULL;
}

static void
bind_opt (sqlite3_stmt *stmt,
          int           i,
          const char   *s)
{
  if (s != NULL)
    sqlite3_bind_text (stmt, i, s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

static gboolean
step_sql (EnlaceCasesXmlImport  *self,
          sqlite3_stmt          *stmt,
          const char            *what,
          GError               **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_DUPLICATE, "%s: %s", what,
                   sqlite3_errmsg (enlace_store_get_db (self->store)));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
ref_id (EnlaceCasesXmlImport  *self,
        const char            *kind,
        const char            *key,
        const char            *what,
        GError               **error)
{
  gint64 id;

  if (key == NULL)
    return 0;
  id = self->id_func ? self->id_func (self->data, kind, key) : 0;
  if (id <= 0)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE, _("%s: no %s “%s” in the file"),
                   what, kind, key);
      return -1;
    }
  return id;
}

static gboolean
import_procedure (EnlaceCasesXmlImport  *self,
                  xmlNodePtr             node,
                  GError               **error)
{
  g_autoptr(EnlaceProcedure) p = enlace_procedure_from_node (node);
  g_autofree char *key = g_strdup_printf ("%s:%d", p->code, p->version);
  gint64 id;

  /* The file's manual replaces the new project's built-in one: deleted
   * out of bulk mode, so that the deletion is recorded and undo puts the
   * built-in manual back. */
  if (self->n_procedures == 0 &&
      (!enlace_store_end_bulk (self->store, error) ||
       !enlace_store_exec (self->store, "DELETE FROM procedure_step; DELETE FROM procedure;", error) ||
       !enlace_store_begin_bulk (self->store, error)))
    return FALSE;
  if (g_hash_table_contains (self->procedures, key))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_DUPLICATE,
                   _("procedure %s version %d is defined twice"), p->code, p->version);
      return FALSE;
    }
  id = enlace_procedure_insert (self->store, p, error);
  if (id == 0)
    {
      if (error && *error)
        (*error)->domain = ENLACE_XML_ERROR, (*error)->code = ENLACE_XML_ERROR_DUPLICATE;
      return FALSE;
    }
  g_hash_table_insert (self->procedures, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) id));
  self->n_procedures++;
  return TRUE;
}

static gboolean
import_account (EnlaceCasesXmlImport  *self,
                xmlNodePtr             node,
                GError               **error)
{
  g_autofree char *address = enlace_cases_xml_prop (node, "address");
  g_autofree char *holder = enlace_cases_xml_prop (node, "holder");
  g_autofree char *area = enlace_cases_xml_prop (node, "area");
  g_autofree char *status = enlace_cases_xml_prop (node, "status");
  g_autofree char *created_at = enlace_cases_xml_prop (node, "created-at");
  g_autofree char *removed_at = enlace_cases_xml_prop (node, "removed-at");
  g_autofree char *delivered_to = enlace_cases_xml_prop (node, "delivered-to");
  g_autofree char *delivered_at = enlace_cases_xml_prop (node, "delivered-at");
  g_autofree char *motive = enlace_cases_xml_child_text (node, "removal-motive");
  g_autofree char *what = g_strdup_printf ("email-account %s", address ? address : "");
  gint64 holder_id, area_id, id;
  AccountRef *ref;
  sqlite3_stmt *stmt;

  holder_id = ref_id (self, "person", holder, what, error);
  area_id = ref_id (self, "area", area, what, error);
  if (holder_id < 0 || area_id < 0)
    return FALSE;
  stmt = enlace_store_prepare (self->store,
                               "INSERT INTO email_account (address, holder_id, area_id, status, created_at, removed_at, "
                               "removal_motive, delivered_to, delivered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                               error);
  if (stmt == NULL)
    return FALSE;
  bind_opt (stmt, 1, address);
  if (holder_id > 0)
    sqlite3_bind_int64 (stmt, 2, holder_id);
  if (area_id > 0)
    sqlite3_bind_int64 (stmt, 3, area_id);
  bind_opt (stmt, 4, status ? status : "active");
  bind_opt (stmt, 5, created_at);
  bind_opt (stmt, 6, removed_at);
  bind_opt (stmt, 7, motive);
  bind_opt (stmt, 8, delivered_to);
  bind_opt (stmt, 9, delivered_at);
  if (!step_sql (self, stmt, what, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (enlace_store_get_db (self->store));
  g_array_append_val (self->accounts, id);
  ref = g_new0 (AccountRef, 1);
  ref->account_id = id;
  ref->created = enlace_cases_xml_prop (node, "created-case");
  ref->removed = enlace_cases_xml_prop (node, "removed-case");
  g_ptr_array_add (self->account_refs, ref);
  return TRUE;
}

/* PREFIX-YEAR-NNNN (the prefix may hold dashes). */
static gboolean
parse_folio (const char  *folio,
             const char  *what,
             char       **prefix,
             int         *year,
             gint64      *seq,
             GError     **error)
{
  g_auto(GStrv) parts = folio ? g_strsplit (folio, "-", -1) : NULL;
  guint n = parts ? g_strv_length (parts) : 0;

  if (n < 3 || (*year = (int) g_ascii_strtoll (parts[n - 2], NULL, 10)) <= 0 ||
      (*seq = g_ascii_strtoll (parts[n - 1], NULL, 10)) <= 0)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID,
                   _("%s: the folio is not PREFIX-YEAR-NUMBER"), what);
      return FALSE;
    }
  *prefix = g_strndup (folio, strlen (folio) - strlen (parts[n - 2]) - strlen (parts[n - 1]) - 2);
  return TRUE;
}

/* near_at: 25 % of the target time before it is due. */
static void
bind_near (sqlite3_stmt *stmt,
           int           i,
           const char   *opened_at,
           const char   *due_at)
{
  g_autoptr(GDateTime) o = enlace_cases_parse_iso (opened_at);
  g_autoptr(GDateTime) d = enlace_cases_parse_iso (due_at);

  if (o != NULL && d != NULL)
    {
      g_autoptr(GDateTime) near = g_date_time_add (d, -g_date_time_difference (d, o) / 4);
      g_autofree char *near_text = enlace_cases_format_iso (near);
      bind_opt (stmt, i, near_text);
    }
}

/* The row of case_file of a <case>; returns its id (0 on failure) and
 * sets *procedure_id. */
static gint64
import_case_file (EnlaceCasesXmlImport  *self,
                  xmlNodePtr             node,
                  const char            *folio,
                  const char            *what,
                  gint64                *procedure_id,
                  GError               **error)
{
  g_autofree char *code = enlace_cases_xml_prop (node, "procedure");
  g_autofree char *version = enlace_cases_xml_prop (node, "procedure-version");
  g_autofree char *requester = enlace_cases_xml_prop (node, "requester");
  g_autofree char *area = enlace_cases_xml_prop (node, "area");
  g_autofree char *assignee = enlace_cases_xml_prop (node, "assignee");
  g_autofree char *channel = enlace_cases_xml_prop (node, "channel");
  g_autofree char *priority = enlace_cases_xml_prop (node, "priority");
  g_autofree char *status = enlace_cases_xml_prop (node, "status");
  g_autofree char *opened_at = enlace_cases_xml_prop (node, "opened-at");
  g_autofree char *due_at = enlace_cases_xml_prop (node, "due-at");
  g_autofree char *resolved_at = enlace_cases_xml_prop (node, "resolved-at");
  g_autofree char *closed_at = enlace_cases_xml_prop (node, "closed-at");
  g_autofree char *summary = enlace_cases_xml_child_text (node, "summary");
  g_autofree char *cancel_reason = enlace_cases_xml_child_text (node, "cancel-reason");
  g_autofree char *form = enlace_cases_xml_child_text (node, "form");
  g_autofree char *pkey = g_strdup_printf ("%s:%s", code ? code : "", version ? version : "1");
  g_autofree char *prefix = NULL;
  gint64 requester_id, area_id, assignee_id;
  gpointer value;
  sqlite3_stmt *stmt;
  int year = 0;
  gint64 seq = 0;

  if (!g_hash_table_lookup_extended (self->procedures, pkey, NULL, &value))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                   _("%s: no procedure %s version %s in the file"), what, code, version ? version : "1");
      return 0;
    }
  *procedure_id = (gint64) GPOINTER_TO_SIZE (value);
  if (!parse_folio (folio, what, &prefix, &year, &seq, error))
    return 0;
  requester_id = ref_id (self, "person", requester, what, error);
  area_id = ref_id (self, "area", area, what, error);
  assignee_id = ref_id (self, "person", assignee, what, error);
  if (requester_id < 0 || area_id < 0 || assignee_id < 0)
    return 0;

  stmt = enlace_store_prepare (self->store,
                               "INSERT INTO case_file (folio, procedure_id, prefix, year, seq, requester_id, area_id, "
                               "channel, priority, assignee_id, status, summary, form, opened_at, due_at, resolved_at, "
                               "closed_at, cancel_reason, near_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                               "?14, ?15, ?16, ?17, ?18, ?19)",
                               error);
  if (stmt == NULL)
    return 0;
  bind_opt (stmt, 1, folio);
  sqlite3_bind_int64 (stmt, 2, *procedure_id);
  bind_opt (stmt, 3, prefix);
  sqlite3_bind_int (stmt, 4, year);
  sqlite3_bind_int64 (stmt, 5, seq);
  if (requester_id > 0)
    sqlite3_bind_int64 (stmt, 6, requester_id);
  if (area_id > 0)
    sqlite3_bind_int64 (stmt, 7, area_id);
  bind_opt (stmt, 8, channel ? channel : "in-person");
  bind_opt (stmt, 9, priority ? priority : "normal");
  if (assignee_id > 0)
    sqlite3_bind_int64 (stmt, 10, assignee_id);
  bind_opt (stmt, 11, status ? status : "new");
  bind_opt (stmt, 12, summary);
  bind_opt (stmt, 13, form);
  bind_opt (stmt, 14, opened_at);
  bind_opt (stmt, 15, due_at);
  bind_opt (stmt, 16, resolved_at);
  bind_opt (stmt, 17, closed_at);
  bind_opt (stmt, 18, cancel_reason);
  bind_near (stmt, 19, opened_at, due_at);
  if (!step_sql (self, stmt, what, error))
    return 0;
  return sqlite3_last_insert_rowid (enlace_store_get_db (self->store));
}

/* A <step> of a case: its procedure's step by seq. */
static gboolean
import_case_step (EnlaceCasesXmlImport  *self,
                  xmlNodePtr             c,
                  gint64                 case_id,
                  gint64                 procedure_id,
                  const char            *what,
                  GError               **error)
{
  g_autofree char *seq_text = enlace_cases_xml_prop (c, "seq");
  g_autofree char *result = enlace_cases_xml_prop (c, "result");
  g_autofree char *done_by = enlace_cases_xml_prop (c, "done-by");
  g_autofree char *done_at = enlace_cases_xml_prop (c, "done-at");
  g_autofree char *note = enlace_cases_xml_child_text (c, "note");
  g_autofree char *values = enlace_cases_xml_child_text (c, "values");
  gint64 step_id = 0;
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (self->store, "SELECT id FROM procedure_step WHERE procedure_id = ?1 AND seq = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, procedure_id);
  sqlite3_bind_int64 (stmt, 2, seq_text ? g_ascii_strtoll (seq_text, NULL, 10) : 0);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    step_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (step_id == 0)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                   _("%s: its procedure has no step %s"), what, seq_text ? seq_text : "?");
      return FALSE;
    }
  stmt = enlace_store_prepare (self->store,
                               "INSERT INTO case_step (case_id, step_id, result, note, data, done_by, done_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, step_id);
  bind_opt (stmt, 3, result ? result : "pending");
  bind_opt (stmt, 4, note);
  bind_opt (stmt, 5, values);
  bind_opt (stmt, 6, done_by);
  bind_opt (stmt, 7, done_at);
  return step_sql (self, stmt, what, error);
}

/* The <attachment> of an event: base64, checked against its SHA-256.
 * Sets *name and *mime; returns the attachment's id, 0 on failure. */
static gint64
import_event_attachment (EnlaceCasesXmlImport  *self,
                         xmlNodePtr             a,
                         const char            *what,
                         char                 **name,
                         char                 **mime,
                         GError               **error)
{
  g_autofree char *sha = enlace_cases_xml_prop (a, "sha256");
  xmlChar *b64 = xmlNodeGetContent (a);
  g_autofree guchar *bytes = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GBytes) gb = NULL;
  gsize len = 0;

  g_free (*name);
  *name = enlace_cases_xml_prop (a, "name");
  g_free (*mime);
  *mime = enlace_cases_xml_prop (a, "mime");
  bytes = g_base64_decode (b64 ? g_strstrip ((char *) b64) : "", &len);
  xmlFree (b64);
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, len);
  if (sha != NULL && g_ascii_strcasecmp (sha, actual) != 0)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_INVALID,
                   _("%s: the attachment “%s” does not match its SHA-256 (damaged file?)"),
                   what, *name ? *name : "");
      return 0;
    }
  gb = g_bytes_new_take (g_steal_pointer (&bytes), len);
  return enlace_store_add_attachment (self->store, gb, *mime ? *mime : "application/octet-stream",
                                      *name, error);
}

/* An <event> of a case's timeline, with its attachment if any. */
static gboolean
import_case_event (EnlaceCasesXmlImport  *self,
                   xmlNodePtr             c,
                   gint64                 case_id,
                   const char            *what,
                   GError               **error)
{
  g_autofree char *at = enlace_cases_xml_prop (c, "at");
  g_autofree char *who = enlace_cases_xml_prop (c, "who");
  g_autofree char *kind = enlace_cases_xml_prop (c, "kind");
  g_autofree char *text = enlace_cases_xml_child_text (c, "text");
  g_autofree char *name = NULL;
  g_autofree char *mime = NULL;
  gint64 attachment_id = 0;
  sqlite3_stmt *stmt;

  for (xmlNodePtr a = c->children; a; a = a->next)
    if (a->type == XML_ELEMENT_NODE && strcmp ((const char *) a->name, "attachment") == 0)
      {
        attachment_id = import_event_attachment (self, a, what, &name, &mime, error);
        if (attachment_id == 0)
          return FALSE;
      }
  stmt = enlace_store_prepare (self->store,
                               "INSERT INTO case_event (case_id, at, who, kind, text, attachment_id, "
                               "attachment_name, attachment_mime) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  bind_opt (stmt, 2, at);
  bind_opt (stmt, 3, who);
  bind_opt (stmt, 4, kind);
  bind_opt (stmt, 5, text);
  if (attachment_id > 0)
    sqlite3_bind_int64 (stmt, 6, attachment_id);
  bind_opt (stmt, 7, name);
  bind_opt (stmt, 8, mime);
  return step_sql (self, stmt, what, error);
}

/* A <link> of a case: an e-mail account by its number in the file, or
 * an object by its key. */
static gboolean
import_case_link (EnlaceCasesXmlImport  *self,
                  xmlNodePtr             c,
                  gint64                 case_id,
                  const char            *what,
                  GError               **error)
{
  g_autofree char *kind = enlace_cases_xml_prop (c, "kind");
  g_autofree char *key = enlace_cases_xml_prop (c, "key");
  g_autofree char *linked_key = NULL;
  gint64 object_id;
  sqlite3_stmt *stmt;

  if (g_strcmp0 (kind, "email_account") == 0)
    {
      gint64 n = key ? g_ascii_strtoll (key, NULL, 10) : 0;

      if (n <= 0 || n > (gint64) self->accounts->len)
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                       _("%s: no email-account %s in the file"), what, key ? key : "?");
          return FALSE;
        }
      object_id = g_array_index (self->accounts, gint64, n - 1);
    }
  else
    {
      object_id = ref_id (self, g_strcmp0 (kind, "outlet") == 0 ? "device" : kind, key, what, error);
      if (object_id <= 0)
        return FALSE;
    }
  linked_key = enlace_cases_link_key (self->store, kind, object_id);
  stmt = enlace_store_prepare (self->store,
                               "INSERT INTO case_link (case_id, kind, object_id, key_text) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  bind_opt (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, object_id);
  bind_opt (stmt, 4, linked_key);
  return step_sql (self, stmt, what, error);
}

static gboolean
import_case (EnlaceCasesXmlImport  *self,
             xmlNodePtr             node,
             GError               **error)
{
  g_autofree char *folio = enlace_cases_xml_prop (node, "folio");
  g_autofree char *what = g_strdup_printf ("case %s", folio ? folio : "");
  gint64 procedure_id = 0, case_id;

  case_id = import_case_file (self, node, folio, what, &procedure_id, error);
  if (case_id == 0)
    return FALSE;
  g_hash_table_insert (self->folios, g_strdup (folio), GSIZE_TO_POINTER ((gsize) case_id));

  for (xmlNodePtr c = node->children; c; c = c->next)
    {
      gboolean ok = TRUE;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) c->name, "step") == 0)
        ok = import_case_step (self, c, case_id, procedure_id, what, error);
      else if (strcmp ((const char *) c->name, "event") == 0)
        ok = import_case_event (self, c, case_id, what, error);
      else if (strcmp ((const char *) c->name, "link") == 0)
        ok = import_case_link (self, c, case_id, what, error);
      else if (strcmp ((const char *) c->name, "quote") == 0 ||
               strcmp ((const char *) c->name, "opinion") == 0)
        ok = enlace_opinions_xml_import_node (self->store, c, case_id, what, error);
      else if (strcmp ((const char *) c->name, "change") == 0 ||
               strcmp ((const char *) c->name, "execution") == 0)
        ok = enlace_orders_xml_import_node (self->store, c, case_id, what, error);
      else if (strcmp ((const char *) c->name, "extension-change") == 0)
        ok = enlace_extension_history_xml_import_node (self->store, c, case_id, what, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
enlace_cases_xml_import_element (EnlaceCasesXmlImport  *self,
                                 xmlNodePtr             node,
                                 GError               **error)
{
  const char *name = (const char *) node->name;

  if (strcmp (name, "procedure") == 0)
    return import_procedure (self, node, error);
  if (strcmp (name, "email-account") == 0)
    return import_account (self, node, error);
  if (strcmp (name, "case") == 0)
    return import_case (self, node, error);
  if (strcmp (name, "faulty-mark") == 0)
    return enlace_faulty_xml_import (self->store, node, self->id_func, self->data, self->folios, error);
  return TRUE;
}

gboolean
enlace_cases_xml_import_end (EnlaceCasesXmlImport  *self,
                             GError               **error)
{
  for (guint i = 0; i < self->account_refs->len; i++)
    {
      AccountRef *r = g_ptr_array_index (self->account_refs, i);
      gpointer created = NULL, removed = NULL;
      sqlite3_stmt *stmt;

      if ((r->created && !g_hash_table_lookup_extended (self->folios, r->created, NULL, &created)) ||
          (r->removed && !g_hash_table_lookup_extended (self->folios, r->removed, NULL, &removed)))
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                       _("email-account: no case %s in the file"),
                       r->created && !created ? r->created : r->removed);
          return FALSE;
        }
      if (created == NULL && removed == NULL)
        continue;
      /* rows of this import (bulk range): undo deletes them anyway */
      stmt = enlace_store_prepare (self->store,
                                   "UPDATE email_account SET created_case_id = ?2, removed_case_id = ?3 WHERE id = ?1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, r->account_id);
      if (created)
        sqlite3_bind_int64 (stmt, 2, (gint64) GPOINTER_TO_SIZE (created));
      if (removed)
        sqlite3_bind_int64 (stmt, 3, (gint64) GPOINTER_TO_SIZE (removed));
      if (!step_sql (self, stmt, "email-account", error))
        return FALSE;
    }
  return TRUE;
}
