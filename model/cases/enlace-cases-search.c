/* enlace-cases-search.c: the search index of cases
 *
 * The inbox finds a case by any part of its folio, its requester's name,
 * its summary, its request form, the notes and values of its steps and the
 * notes of its timeline.  On 100,000 cases a LIKE over all of that takes
 * hundreds of milliseconds; an FTS5 table with the trigram tokenizer finds
 * any part of three letters or more in a few.
 *
 * The index (table case_search: one row per case, rowid = the case's id,
 * its text folded: lower case, no accents) is derived data: it is outside
 * the document (not audited, not undone, not exchanged) and is kept by the
 * cases area, not by triggers (the store does not trust the file's schema,
 * so triggers could not write a virtual table anyway):
 *
 *  - inside every command's transaction, just before COMMIT (the store's
 *    committing hook), the cases the command touched are indexed again,
 *    read from the command's rows in the audit log: case_file, case_step
 *    and case_event rows (or the id ranges of a bulk command: an import, the
 *    generator), and renamed people.  Undo and redo are commands too.
 *  - case_search_state remembers the index's format and the last command
 *    it follows; when the file is opened for writing and the index is
 *    missing, of another format, or behind the audit log (a file of an
 *    older version, or one changed by a program that does not keep the
 *    index), it is built again.
 *
 * A file open read-only with a stale index is searched the slow way (LIKE
 * over the cases' own columns), never wrongly.
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"

/* Change it when what is indexed, or how, changes: files are then indexed
 * again when opened. */
#define SEARCH_FORMAT 1

#define SEARCH_READY_KEY "enlace-cases-search-ready"

static const char * const search_tables[] = {
  "case_search", "case_search_data", "case_search_idx", "case_search_content",
  "case_search_docsize", "case_search_config", "case_search_state", NULL
};

/* ------------------------------------------------------------------ */
/* Folding                                                            */

char *
enlace_cases_search_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  g_autoptr(GString) s = NULL;
  const char *p;

  if (text == NULL)
    return g_strdup ("");
  for (p = text; *p && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_ascii_strdown (text, -1);  /* not UTF-8: as it is */
  s = g_string_sized_new (strlen (nfd));
  for (p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (s, c);
    }
  return g_utf8_casefold (s->str, (gssize) s->len);
}

/* ------------------------------------------------------------------ */
/* Indexing                                                           */

/* The text of the cases with ids in [from, to], in one statement. */
#define DOCUMENT_SQL \
  "SELECT c.id, c.folio, r.name, c.summary, " \
  " (SELECT group_concat(j.value, ' ') FROM json_each(CASE WHEN json_valid(c.form) THEN c.form END) j" \
  "   WHERE j.type IN ('text', 'integer', 'real')), " \
  " (SELECT group_concat(s.note, ' ') FROM case_step s WHERE s.case_id = c.id AND s.note <> ''), " \
  " (SELECT group_concat(j.value, ' ') FROM case_step s, json_each(CASE WHEN json_valid(s.data) THEN s.data END) j" \
  "   WHERE s.case_id = c.id AND s.data IS NOT NULL AND j.type IN ('text', 'integer', 'real')), " \
  " (SELECT group_concat(coalesce(e.text, '') || ' ' || coalesce(e.attachment_name, ''), ' ') FROM case_event e" \
  "   WHERE e.case_id = c.id AND e.kind IN ('note', 'attachment')) " \
  "FROM case_file c LEFT JOIN person r ON r.id = c.requester_id WHERE c.id BETWEEN ?1 AND ?2"

static gboolean
reindex_range (EnlaceStore  *store,
               gint64        from,
               gint64        to,
               GError      **error)
{
  g_autoptr(GString) doc = g_string_new (NULL);
  sqlite3_stmt *del, *sel, *ins;
  int rc;

  del = enlace_store_prepare (store, "DELETE FROM case_search WHERE rowid BETWEEN ?1 AND ?2", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, from);
  sqlite3_bind_int64 (del, 2, to);
  rc = sqlite3_step (del);
  sqlite3_reset (del);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Updating the search index of cases"));
      return FALSE;
    }

  /* two statements in turn: prepare both first (the cache may not hold
   * a statement across another prepare of the same text) */
  sel = enlace_store_prepare (store, DOCUMENT_SQL, error);
  if (sel == NULL)
    return FALSE;
  ins = enlace_store_prepare (store, "INSERT INTO case_search (rowid, body) VALUES (?1, ?2)", error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (sel, 1, from);
  sqlite3_bind_int64 (sel, 2, to);
  while ((rc = sqlite3_step (sel)) == SQLITE_ROW)
    {
      g_autofree char *folded = NULL;

      g_string_truncate (doc, 0);
      for (int col = 1; col <= 7; col++)
        {
          const char *t = (const char *) sqlite3_column_text (sel, col);

          if (t != NULL && *t != '\0')
            {
              if (doc->len > 0)
                g_string_append_c (doc, '\n');
              g_string_append (doc, t);
            }
        }
      folded = enlace_cases_search_fold (doc->str);
      sqlite3_bind_int64 (ins, 1, sqlite3_column_int64 (sel, 0));
      sqlite3_bind_text (ins, 2, folded, -1, SQLITE_STATIC);
      if (sqlite3_step (ins) != SQLITE_DONE)
        {
          enlace_store_set_sql_error (store, error, _("Updating the search index of cases"));
          sqlite3_reset (ins);
          sqlite3_reset (sel);
          return FALSE;
        }
      sqlite3_reset (ins);
      sqlite3_clear_bindings (ins);
    }
  sqlite3_reset (sel);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Updating the search index of cases"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_state (EnlaceStore  *store,
             gint64        command_id,
             GError      **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
                                             "INSERT OR REPLACE INTO case_search_state (id, format, command_id) "
                                             "VALUES (1, ?1, ?2)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, SEARCH_FORMAT);
  sqlite3_bind_int64 (stmt, 2, command_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Updating the search index of cases"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

typedef struct
{
  gint64 from, to;
} Range;

static int
range_cmp (gconstpointer a,
           gconstpointer b)
{
  const Range *x = a, *y = b;

  return x->from < y->from ? -1 : x->from > y->from;
}

static void
add_range (GArray *ranges,
           gint64  from,
           gint64  to)
{
  Range r = { from, to };

  if (from > 0 && to >= from)
    g_array_append_val (ranges, r);
}

/* The cases of the rows of @table with ids in [from, to] (a bulk range). */
static gboolean
add_cases_of_rows (EnlaceStore  *store,
                   GArray       *ranges,
                   const char   *table,
                   gint64        from,
                   gint64        to,
                   GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT DISTINCT case_id FROM %s WHERE id BETWEEN ?1 AND ?2", table);
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      add_range (ranges, id, id);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
add_cases_of_requester (EnlaceStore  *store,
                        GArray       *ranges,
                        gint64        person_id,
                        GError      **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT id FROM case_file WHERE requester_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      add_range (ranges, id, id);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Indexes again the cases of @ranges, merged into runs of ids. */
static gboolean
reindex_ranges (EnlaceStore  *store,
                GArray       *ranges,
                GError      **error)
{
  Range cur;

  if (ranges->len == 0)
    return TRUE;
  g_array_sort (ranges, range_cmp);
  cur = g_array_index (ranges, Range, 0);
  for (guint i = 1; i < ranges->len; i++)
    {
      const Range *r = &g_array_index (ranges, Range, i);

      if (r->from <= cur.to + 1)
        cur.to = MAX (cur.to, r->to);
      else
        {
          if (!reindex_range (store, cur.from, cur.to, error))
            return FALSE;
          cur = *r;
        }
    }
  return reindex_range (store, cur.from, cur.to, error);
}

/* The store's committing hook: the cases the command @command_id touched. */
static gboolean
search_committing (EnlaceStore  *store,
                   gint64        command_id,
                   GError      **error)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) renamed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) bulk = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (store), SEARCH_READY_KEY)))
    return TRUE;  /* no index here (see search_opened) */

  stmt = enlace_store_prepare (store,
                               "SELECT tbl, row_id, before IS NULL AND after LIKE '{\"$range\"%', "
                               "json_extract(after, '$.\"$range\"[0]'), json_extract(after, '$.\"$range\"[1]'), "
                               "json_extract(before, '$.case_id'), json_extract(after, '$.case_id'), "
                               "before IS NOT NULL AND after IS NOT NULL "
                               "AND json_extract(before, '$.name') IS NOT json_extract(after, '$.name') "
                               "FROM change WHERE command_id = ?1 "
                               "AND tbl IN ('case_file', 'case_step', 'case_event', 'person')",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, command_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *tbl = (const char *) sqlite3_column_text (stmt, 0);
      gboolean is_case = strcmp (tbl, "case_file") == 0;
      gboolean is_person = strcmp (tbl, "person") == 0;

      if (sqlite3_column_int (stmt, 2))
        {
          gint64 from = sqlite3_column_int64 (stmt, 3), to = sqlite3_column_int64 (stmt, 4);

          if (is_case)
            add_range (ranges, from, to);
          else if (!is_person)
            {
              /* later: this statement is still running */
              g_ptr_array_add (bulk, g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, tbl, from, to));
            }
        }
      else if (is_case)
        {
          gint64 id = sqlite3_column_int64 (stmt, 1);
          add_range (ranges, id, id);
        }
      else if (is_person)
        {
          if (sqlite3_column_int (stmt, 7))
            {
              gint64 id = sqlite3_column_int64 (stmt, 1);
              g_array_append_val (renamed, id);
            }
        }
      else
        {
          gint64 a = sqlite3_column_int64 (stmt, 5), b = sqlite3_column_int64 (stmt, 6);

          add_range (ranges, a, a);
          if (b != a)
            add_range (ranges, b, b);
        }
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < bulk->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (bulk, i), " ", 3);

      if (!add_cases_of_rows (store, ranges, f[0], g_ascii_strtoll (f[1], NULL, 10),
                              g_ascii_strtoll (f[2], NULL, 10), error))
        return FALSE;
    }
  for (guint i = 0; i < renamed->len; i++)
    if (!add_cases_of_requester (store, ranges, g_array_index (renamed, gint64, i), error))
      return FALSE;

  if (!reindex_ranges (store, ranges, error))
    return FALSE;
  return write_state (store, command_id, error);
}

static gboolean
create_tables (EnlaceStore  *store,
               GError      **error)
{
  return enlace_store_exec (store,
                            "CREATE VIRTUAL TABLE IF NOT EXISTS case_search USING fts5(body, tokenize = 'trigram');"
                            "CREATE TABLE IF NOT EXISTS case_search_state ("
                            "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                            "  format INTEGER NOT NULL,"
                            "  command_id INTEGER NOT NULL)",
                            error);
}

static gboolean
build (EnlaceStore  *store,
       GError      **error)
{
  gint64 last = enlace_cases_search_last_command (store);
  sqlite3_stmt *stmt;
  gint64 lo = 0, hi = -1;

  /* dropped and made again: cheaper than deleting each row, and a new
   * format may index differently */
  if (!enlace_store_exec (store, "DROP TABLE IF EXISTS case_search", error) ||
      !create_tables (store, error))
    return FALSE;
  stmt = enlace_store_prepare (store, "SELECT min(id), max(id) FROM case_file", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      lo = sqlite3_column_int64 (stmt, 0);
      hi = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (hi >= lo && !reindex_range (store, lo, hi, error))
    return FALSE;
  if (!enlace_store_exec (store, "INSERT INTO case_search (case_search) VALUES ('optimize')", error))
    return FALSE;
  return write_state (store, last, error);
}

gint64
enlace_cases_search_last_command (EnlaceStore *store)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT coalesce(max(id), 0) FROM command", NULL);
  gint64 id = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return id;
}

/* Is the index there, of this format, and following the audit log? */
static gboolean
index_is_current (EnlaceStore *store)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  stmt = enlace_store_prepare (store,
                               "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                               "AND name IN ('case_search', 'case_search_state')",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ok = sqlite3_column_int (stmt, 0) == 2;
  sqlite3_reset (stmt);
  if (!ok)
    return FALSE;  /* never built here */
  ok = FALSE;
  stmt = enlace_store_prepare (store, "SELECT format, command_id FROM case_search_state WHERE id = 1", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ok = sqlite3_column_int (stmt, 0) == SEARCH_FORMAT &&
         sqlite3_column_int64 (stmt, 1) == enlace_cases_search_last_command (store);
  sqlite3_reset (stmt);
  return ok;
}

gboolean
enlace_cases_search_rebuild (EnlaceStore  *store,
                             GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (enlace_store_is_read_only (store))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY,
                   _("Cannot build the search index of cases: the file is open read-only"));
      return FALSE;
    }
  if (enlace_store_in_command (store))
    {
      /* part of the open command's transaction */
      if (!build (store, error))
        return FALSE;
    }
  else
    {
      if (!enlace_store_exec (store, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!build (store, error))
        {
          enlace_store_exec (store, "ROLLBACK", NULL);
          return FALSE;
        }
      if (!enlace_store_exec (store, "COMMIT", error))
        {
          enlace_store_exec (store, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  g_object_set_data (G_OBJECT (store), SEARCH_READY_KEY, GINT_TO_POINTER (TRUE));
  return TRUE;
}

/* The store's opened hook (files open for writing): build the index when
 * it is missing or stale. */
static gboolean
search_opened (EnlaceStore  *store,
               GError      **error)
{
  gint64 t0;

  if (index_is_current (store))
    {
      g_object_set_data (G_OBJECT (store), SEARCH_READY_KEY, GINT_TO_POINTER (TRUE));
      return TRUE;
    }
  t0 = g_get_monotonic_time ();
  if (!enlace_cases_search_rebuild (store, error))
    {
      g_prefix_error (error, _("Building the search index of cases: "));
      return FALSE;
    }
  g_debug ("search index of cases built in %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);
  return TRUE;
}

gboolean
enlace_cases_search_ready (EnlaceStore *store)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (g_object_get_data (G_OBJECT (store), SEARCH_READY_KEY) == NULL)
    /* read-only: usable when current, else the slow way */
    g_object_set_data (G_OBJECT (store), SEARCH_READY_KEY,
                       GINT_TO_POINTER (index_is_current (store) ? TRUE : 2));
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (store), SEARCH_READY_KEY)) == TRUE;
}

static const EnlaceStoreHooks search_hooks = {
  "case search", search_opened, search_committing, search_tables,
};

void
enlace_cases_search_register (void)
{
  enlace_outside_tables_declare (search_tables);
  enlace_store_hooks_register (&search_hooks);
}

/* ------------------------------------------------------------------ */
/* Matching                                                           */

void
enlace_case_search_clear (EnlaceCaseSearch *self)
{
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->likes, g_ptr_array_unref);
}

/* "sintética 77" → MATCH '"sintetica"' and LIKE '%77%': each word of three
 * letters or more through the trigram index, shorter ones checked on the
 * rows it found (or, with only short words, on every row's text). */
void
enlace_case_search_init (EnlaceCaseSearch *self,
                         const char       *text)
{
  g_autofree char *folded = enlace_cases_search_fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  g_autoptr(GString) match = g_string_new (NULL);

  memset (self, 0, sizeof *self);
  self->likes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; words[i]; i++)
    {
      const char *w = words[i];

      if (*w == '\0')
        continue;
      if (g_utf8_strlen (w, -1) >= 3)
        {
          if (match->len > 0)
            g_string_append_c (match, ' ');
          g_string_append_c (match, '"');
          for (const char *p = w; *p; p++)
            {
              if (*p == '"')
                g_string_append_c (match, '"');
              g_string_append_c (match, *p);
            }
          g_string_append_c (match, '"');
        }
      else if (self->likes->len < ENLACE_CASE_SEARCH_MAX_SHORT)
        {
          GString *pat = g_string_new ("%");

          for (const char *p = w; *p; p++)
            {
              if (*p == '%' || *p == '_' || *p == '\\')
                g_string_append_c (pat, '\\');
              g_string_append_c (pat, *p);
            }
          g_string_append_c (pat, '%');
          g_ptr_array_add (self->likes, g_string_free (pat, FALSE));
        }
    }
  if (match->len > 0)
    self->match = g_string_free (g_steal_pointer (&match), FALSE);
  self->any = self->match != NULL || self->likes->len > 0;
}
