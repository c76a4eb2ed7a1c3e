/* enlace-query.c: read-only queries for the GUI's lists, pages and search */
#define G_LOG_DOMAIN "enlace-query"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-kinds.h"
#include "enlace-query.h"
#include "enlace-store-private.h"
#include "enlace-text.h"

#define N(a) G_N_ELEMENTS (a)

#include "enlace-sql-paths.h"

static const EnlaceColumn outlet_columns[] = {
  { "name", N_("Outlet"), "t.name", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "space", N_("Space"), SPACE_PATH ("t.space_id"), NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  /* Jacks are the front ports; one is connected when it or the rear port
   * behind it (the horizontal link) carries a cable. */
  { "jacks", N_("Jacks"), "(SELECT count(*) FROM port p WHERE p.device_id = t.id AND p.kind <> 'rear')", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
  { "connected", N_("Connected"), "(SELECT count(*) FROM port p WHERE p.device_id = t.id AND p.kind <> 'rear' AND (EXISTS (SELECT 1 FROM cable_end ce WHERE ce.port_id = p.id) OR EXISTS (SELECT 1 FROM port_mapping pm JOIN cable_end ce ON ce.port_id = pm.rear_port_id WHERE pm.front_port_id = p.id)))", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
  { "status", N_("Status"), "t.status", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
};
static const EnlaceColumn audit_columns[] = {
  { "at", N_("When"), "datetime(t.at, 'localtime')", "t.id", ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "user", N_("Who"), "t.user", NULL, ENLACE_COLUMN_TEXT, TRUE, FALSE },
  { "label", N_("What"), "t.label", NULL, ENLACE_COLUMN_TEXT, TRUE, TRUE },
  { "kind", N_("Kind"), "t.kind", NULL, ENLACE_COLUMN_CHOICE, FALSE, FALSE },
  { "changes", N_("Rows"), "(SELECT count(*) FROM change c WHERE c.command_id = t.id)", NULL, ENLACE_COLUMN_NUMBER, FALSE, FALSE },
};

/* The lists that are not the list of a kind (those are in the kinds). */
static const EnlaceListSpec specs[] = {
  { "outlet", "device", N_("Outlets"), "device t", "t.role = 'outlet'", "t.space_id", "t.name", outlet_columns, N (outlet_columns) },
  { "audit", NULL, N_("Audit log"), "command t", NULL, NULL, "t.id DESC", audit_columns, N (audit_columns) },
};

static GHashTable *generic_specs;
G_LOCK_DEFINE_STATIC (generic_specs);

/* A list of the raw fields of a kind, for kinds with no list of their own. */
static const EnlaceListSpec *
generic_spec (const EnlaceKind *kind)
{
  EnlaceListSpec *spec;
  EnlaceColumn *columns;
  guint n = 0;

  G_LOCK (generic_specs);

  if (generic_specs == NULL)
    generic_specs = g_hash_table_new (g_str_hash, g_str_equal);

  if ((spec = g_hash_table_lookup (generic_specs, kind->name)))
    goto out;

  columns = g_new0 (EnlaceColumn, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EnlaceField *f = &kind->fields[i];

      if (f->type == ENLACE_FIELD_POLYGON)
        continue;
      columns[n].name = f->name;
      columns[n].label = f->label;
      columns[n].expr = g_strdup_printf ("t.%s", f->name);
      columns[n].format = f->type == ENLACE_FIELD_CHOICE ? ENLACE_COLUMN_CHOICE :
                          (f->type == ENLACE_FIELD_INT || f->type == ENLACE_FIELD_REAL ||
                           f->type == ENLACE_FIELD_REF) ? ENLACE_COLUMN_NUMBER :
                          ENLACE_COLUMN_TEXT;
      columns[n].searchable = f->type == ENLACE_FIELD_TEXT;
      n++;
    }

  spec = g_new0 (EnlaceListSpec, 1);
  spec->name = kind->name;
  spec->kind = kind->name;
  spec->title = kind->plural;
  spec->from = g_strdup_printf ("%s t", kind->table);
  spec->parent = kind->parent_field ? g_strdup_printf ("t.%s", kind->parent_field) : NULL;
  spec->order_by = g_strdup_printf ("t.id");
  spec->columns = columns;
  spec->n_columns = n;
  g_hash_table_insert (generic_specs, (char *)kind->name, spec);

out:
  G_UNLOCK (generic_specs);
  return spec;
}

const EnlaceListSpec *
enlace_list_spec_lookup (const char *name)
{
  const EnlaceKind *kind;

  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < N (specs); i++)
    if (strcmp (specs[i].name, name) == 0)
      return &specs[i];

  if ((kind = enlace_kind_lookup (name)))
    return kind->list ? kind->list : generic_spec (kind);

  return NULL;
}

static char *
escape_like (const char *text)
{
  GString *s = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* SQL enlace_fold(text): enlace_text_fold, for filters blind to case and
 * accents.  Registered once per connection. */
static void
sql_fold (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (ctx);
  else
    sqlite3_result_text (ctx, enlace_text_fold (text), -1, g_free);
}

/* SQL enlace_surname_key(name): enlace_text_surname_key, to sort people */
static void
sql_surname_key (sqlite3_context *ctx,
                 int              argc,
                 sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (ctx);
  else
    sqlite3_result_text (ctx, enlace_text_surname_key (text), -1, g_free);
}

static void
ensure_functions (EnlaceStore *store)
{
  sqlite3 *db = enlace_store_get_db (store);
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  if (g_object_get_data (G_OBJECT (store), "enlace-functions-db") == db)
    return;
  if (sqlite3_create_function_v2 (db, "enlace_fold", 1, flags, NULL, sql_fold, NULL, NULL, NULL) == SQLITE_OK &&
      sqlite3_create_function_v2 (db, "enlace_surname_key", 1, flags, NULL, sql_surname_key, NULL, NULL, NULL) == SQLITE_OK)
    g_object_set_data (G_OBJECT (store), "enlace-functions-db", db);
}

/* Appends the condition of one folded search @word: some text column
 * contains it, or a choice column holds a value whose label contains it. */
static void
append_word_condition (GString              *sql,
                       const EnlaceListSpec *spec,
                       const char           *word,
                       int                   param)
{
  g_autoptr(GPtrArray) values = enlace_choice_values_matching (word);
  const char *or = "";

  g_string_append (sql, "(");
  for (guint i = 0; i < spec->n_columns; i++)
    {
      const EnlaceColumn *col = &spec->columns[i];

      if (col->searchable)
        {
          g_string_append_printf (sql, "%senlace_fold(%s) LIKE ?%d ESCAPE '\\'",
                                  or, col->expr, param);
          or = " OR ";
        }
      else if (col->format == ENLACE_COLUMN_CHOICE && values->len > 0)
        {
          g_string_append_printf (sql, "%s%s IN (", or, col->expr);
          for (guint v = 0; v < values->len; v++)
            {
              char *quoted = sqlite3_mprintf ("%Q", (const char *) g_ptr_array_index (values, v));

              g_string_append_printf (sql, "%s%s", v ? ", " : "", quoted);
              sqlite3_free (quoted);
            }
          g_string_append (sql, ")");
          or = " OR ";
        }
    }
  if (or[0] == '\0')
    g_string_append (sql, "0");
  g_string_append (sql, ")");
}

GArray *
enlace_list_query_ids (EnlaceStore           *store,
                       const EnlaceListSpec  *spec,
                       gint64                 parent_id,
                       const char            *search,
                       int                    sort_column,
                       gboolean               descending,
                       GError               **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) words = enlace_text_fold_words (search);
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  const char *sep = " WHERE ";
  int rc;
  int idx = 1;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (sort_column < (int)spec->n_columns, NULL);

  sql = g_string_new ("SELECT t.id FROM ");
  g_string_append (sql, spec->from);

  if (spec->where)
    {
      g_string_append_printf (sql, "%s(%s)", sep, spec->where);
      sep = " AND ";
    }

  if (parent_id > 0 && spec->parent)
    {
      g_string_append_printf (sql, "%s%s = ?%d", sep, spec->parent, idx++);
      sep = " AND ";
    }

  /* every word of the search, in some column, blind to case and accents */
  ensure_functions (store);
  for (guint w = 0; words[w]; w++)
    {
      g_string_append (sql, sep);
      append_word_condition (sql, spec, words[w], idx++);
      g_ptr_array_add (patterns, escape_like (words[w]));
      sep = " AND ";
    }

  g_string_append (sql, " ORDER BY ");
  if (sort_column >= 0)
    {
      const EnlaceColumn *col = &spec->columns[sort_column];
      const char *expr = col->sort ? col->sort : col->expr;
      g_auto(GStrv) parts = g_strsplit (expr, ", ", -1);

      /* Only split simple comma lists (sort expressions), never the
       * subqueries of display expressions. */
      if (col->sort == NULL)
        g_string_append_printf (sql, "%s%s", expr,
                                descending ? " DESC" : "");
      else
        for (guint i = 0; parts[i]; i++)
          g_string_append_printf (sql, "%s%s%s", i ? ", " : "", parts[i],
                                  descending ? " DESC" : "");
      g_string_append_printf (sql, ", t.id%s", descending ? " DESC" : "");
    }
  else
    g_string_append (sql, spec->order_by);

  if (!(stmt = enlace_store_prepare (store, sql->str, error)))
    return NULL;

  idx = 1;
  if (parent_id > 0 && spec->parent)
    sqlite3_bind_int64 (stmt, idx++, parent_id);
  for (guint w = 0; w < patterns->len; w++)
    sqlite3_bind_text (stmt, idx++, g_ptr_array_index (patterns, w), -1, SQLITE_TRANSIENT);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, spec->name);
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/* The SQL of the cells of a spec's rows: "SELECT <columns> FROM <from>
 * WHERE t.id = ?1" (one row) or "SELECT t.id, <columns> FROM <from> WHERE
 * t.id IN (?1, …, ?N)" (a page).  Built once per spec and kept: the lists
 * ask for it for every row they show, and the specs live as long as the
 * program (static, or kept by generic_spec). */
static GHashTable *row_sql;
G_LOCK_DEFINE_STATIC (row_sql);

static const char *
rows_sql (const EnlaceListSpec *spec,
          gboolean              page)
{
  GHashTable *table;
  const char *sql;

  G_LOCK (row_sql);
  if (row_sql == NULL)
    row_sql = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  /* two entries per spec: the spec's address for one row, the address
   * of its columns for a page */
  table = row_sql;
  sql = g_hash_table_lookup (table, page ? (gpointer) spec->columns : (gpointer) spec);
  if (sql == NULL)
    {
      GString *s = g_string_new ("SELECT ");

      if (page)
        g_string_append (s, "t.id, ");
      for (guint i = 0; i < spec->n_columns; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", spec->columns[i].expr);
      g_string_append_printf (s, " FROM %s WHERE t.id", spec->from);
      if (page)
        {
          g_string_append (s, " IN (");
          for (guint i = 1; i <= ENLACE_LIST_PAGE_ROWS; i++)
            g_string_append_printf (s, "%s?%u", i > 1 ? ", " : "", i);
          g_string_append (s, ")");
        }
      else
        g_string_append (s, " = ?1");
      sql = g_string_free (s, FALSE);
      g_hash_table_insert (table, page ? (gpointer) spec->columns : (gpointer) spec, (char *) sql);
    }
  G_UNLOCK (row_sql);
  return sql;
}

static char **
read_cells (sqlite3_stmt         *stmt,
            const EnlaceListSpec *spec,
            int                   first)
{
  char **cells = g_new0 (char *, spec->n_columns + 1);

  for (guint i = 0; i < spec->n_columns; i++)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, first + (int) i);
      cells[i] = g_strdup (text ? text : "");
    }
  return cells;
}

char **
enlace_list_query_row (EnlaceStore           *store,
                       const EnlaceListSpec  *spec,
                       gint64                 id,
                       GError               **error)
{
  sqlite3_stmt *stmt;
  char **cells;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  if (!(stmt = enlace_store_prepare (store, rows_sql (spec, FALSE), error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        {
          g_autofree char *key = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("%s %s does not exist"), spec->name, key);
        }
      else
        enlace_store_set_sql_error (store, error, spec->name);
      sqlite3_reset (stmt);
      return NULL;
    }

  cells = read_cells (stmt, spec, 0);
  sqlite3_reset (stmt);

  return cells;
}

GPtrArray *
enlace_list_query_rows (EnlaceStore           *store,
                        const EnlaceListSpec  *spec,
                        const gint64          *ids,
                        guint                  n_ids,
                        GError               **error)
{
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GHashTable) found = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  out = g_ptr_array_new_full (n_ids, (GDestroyNotify) g_strfreev);
  found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_strfreev);

  /* one statement, one read transaction, for up to a page of rows */
  for (guint start = 0; start < n_ids; start += ENLACE_LIST_PAGE_ROWS)
    {
      guint n = MIN (n_ids - start, ENLACE_LIST_PAGE_ROWS);

      if (!(stmt = enlace_store_prepare (store, rows_sql (spec, TRUE), error)))
        return NULL;
      /* the slots left over stay NULL: "t.id IN (…, NULL)" matches nothing */
      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (stmt, (int) i + 1, ids[start + i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_hash_table_insert (found, g_memdup2 (&id, sizeof id), read_cells (stmt, spec, 1));
        }
      if (rc != SQLITE_DONE)
        {
          enlace_store_set_sql_error (store, error, spec->name);
          sqlite3_reset (stmt);
          return NULL;
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < n_ids; i++)
    {
      char **cells = g_hash_table_lookup (found, &ids[i]);

      g_ptr_array_add (out, cells ? g_strdupv (cells) : NULL);
    }
  return g_steal_pointer (&out);
}

static gboolean
count_query (EnlaceStore  *store,
             const char   *sql,
             gint64        id,
             guint        *out,
             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = enlace_store_prepare (store, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      enlace_store_set_sql_error (store, error, "count");
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out = (guint)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
enlace_query_location_stats (EnlaceStore          *store,
                             const char           *kind,
                             gint64                id,
                             EnlaceLocationStats  *out,
                             GError              **error)
{
  const char *spaces;
  const char *floors;
  g_autofree char *devices = NULL;
  struct { const char *fmt; guint *dest; } queries[] = {
    { "SELECT count(*) FROM floor WHERE id IN (@SCOPE@)", &out->n_floors },
    { "SELECT count(*) FROM space WHERE id IN (@SCOPE@)", &out->n_spaces },
    { "SELECT count(*) FROM rack WHERE space_id IN (@SCOPE@)", &out->n_racks },
    { "SELECT count(*) FROM device WHERE id IN (@SCOPE@)", &out->n_devices },
    { "SELECT count(*) FROM device WHERE role = 'outlet' AND id IN (@SCOPE@)", &out->n_outlets },
    { "SELECT count(*) FROM port p JOIN device d ON d.id = p.device_id"
      " WHERE d.role = 'outlet' AND p.kind <> 'rear' AND d.id IN (@SCOPE@)", &out->n_outlet_ports },
    { "SELECT count(*) FROM port p JOIN device d ON d.id = p.device_id"
      " WHERE d.role = 'outlet' AND p.kind <> 'rear' AND d.id IN (@SCOPE@)"
      " AND (EXISTS (SELECT 1 FROM cable_end ce WHERE ce.port_id = p.id) OR EXISTS (SELECT 1 FROM port_mapping pm JOIN cable_end ce ON ce.port_id = pm.rear_port_id WHERE pm.front_port_id = p.id))", &out->n_outlet_ports_used },
    { "SELECT count(*) FROM port p JOIN device d ON d.id = p.device_id"
      " WHERE d.role = 'patch-panel' AND p.kind = 'front' AND d.id IN (@SCOPE@)", &out->n_panel_ports },
    { "SELECT count(*) FROM port p JOIN device d ON d.id = p.device_id"
      " WHERE d.role = 'patch-panel' AND p.kind = 'front' AND d.id IN (@SCOPE@)"
      " AND EXISTS (SELECT 1 FROM cable_end ce WHERE ce.port_id = p.id)", &out->n_panel_ports_used },
    { "SELECT count(*) FROM port p JOIN device d ON d.id = p.device_id"
      " WHERE d.role = 'switch' AND p.kind = 'interface' AND d.id IN (@SCOPE@)", &out->n_switch_ports },
    { "SELECT count(*) FROM port p JOIN device d ON d.id = p.device_id"
      " WHERE d.role = 'switch' AND p.kind = 'interface' AND d.id IN (@SCOPE@)"
      " AND EXISTS (SELECT 1 FROM cable_end ce WHERE ce.port_id = p.id)", &out->n_switch_ports_used },
  };

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (strcmp (kind, "site") == 0)
    {
      floors = "SELECT f.id FROM floor f JOIN building b ON b.id = f.building_id WHERE b.site_id = ?1";
      spaces = "SELECT s.id FROM space s JOIN floor f ON f.id = s.floor_id JOIN building b ON b.id = f.building_id WHERE b.site_id = ?1";
      if (!count_query (store, "SELECT count(*) FROM building WHERE site_id = ?1", id, &out->n_buildings, error))
        return FALSE;
    }
  else if (strcmp (kind, "building") == 0)
    {
      floors = "SELECT f.id FROM floor f WHERE f.building_id = ?1";
      spaces = "SELECT s.id FROM space s JOIN floor f ON f.id = s.floor_id WHERE f.building_id = ?1";
      out->n_buildings = 1;
    }
  else if (strcmp (kind, "floor") == 0)
    {
      floors = "SELECT ?1";
      spaces = "SELECT s.id FROM space s WHERE s.floor_id = ?1";
    }
  else if (strcmp (kind, "space") == 0)
    {
      floors = "SELECT floor_id FROM space WHERE id = ?1";
      spaces = "SELECT ?1";
    }
  else
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("A %s is not a place: counts exist for sites, buildings, floors and spaces"),
                   kind);
      return FALSE;
    }

  devices = g_strdup_printf ("SELECT d.id FROM device d WHERE d.space_id IN (%s)"
                             " UNION SELECT d.id FROM device d JOIN rack r ON r.id = d.rack_id"
                             " WHERE r.space_id IN (%s)", spaces, spaces);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GString) sql = g_string_new (queries[i].fmt);
      const char *scope = i == 0 ? floors : (i == 1 || i == 2) ? spaces : devices;

      g_string_replace (sql, "@SCOPE@", scope, 0);
      if (!count_query (store, sql->str, id, queries[i].dest, error))
        return FALSE;
    }

  return TRUE;
}

void
enlace_search_hit_free (EnlaceSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->kind);
  g_free (hit->title);
  g_free (hit->subtitle);
  g_free (hit);
}

/* kind, SQL returning (id, title, subtitle, exact) for pattern ?1 and exact text ?2 */
static const struct { const char *kind; const char *sql; } searches[] = {
  { "extension",
    "SELECT t.id, t.number, COALESCE((SELECT name FROM person p WHERE p.id = t.person_id), t.holder, ''),"
    " t.number = ?2 FROM extension t WHERE t.number LIKE ?1 ESCAPE '\\' OR t.holder LIKE ?1 ESCAPE '\\'"
    " OR (SELECT name FROM person p WHERE p.id = t.person_id) LIKE ?1 ESCAPE '\\'"
    " ORDER BY 4 DESC, t.number LIMIT ?3" },
  { "building",
    "SELECT t.id, t.code || ' — ' || t.name, COALESCE(t.address, ''), t.code = ?2 FROM building t"
    " WHERE t.code LIKE ?1 ESCAPE '\\' OR t.name LIKE ?1 ESCAPE '\\' ORDER BY 4 DESC, t.code LIMIT ?3" },
  { "space",
    "SELECT t.id, " SPACE_PATH ("t.id") " || COALESCE(' — ' || t.name, ''), t.kind, t.code = ?2 FROM space t"
    " WHERE t.code LIKE ?1 ESCAPE '\\' OR t.name LIKE ?1 ESCAPE '\\' ORDER BY 4 DESC, t.id LIMIT ?3" },
  { "rack",
    "SELECT t.id, t.name, " SPACE_PATH ("t.space_id") ", t.name = ?2 FROM rack t"
    " WHERE t.name LIKE ?1 ESCAPE '\\' ORDER BY 4 DESC, t.name LIMIT ?3" },
  { "device",
    "SELECT t.id, t.name, t.role || COALESCE(' · ' || t.serial, '') || COALESCE(' · ' || t.asset_tag, ''),"
    " t.name = ?2 OR t.serial = ?2 OR t.asset_tag = ?2 FROM device t"
    " WHERE t.name LIKE ?1 ESCAPE '\\' OR t.serial LIKE ?1 ESCAPE '\\' OR t.asset_tag LIKE ?1 ESCAPE '\\'"
    " ORDER BY 4 DESC, t.name LIMIT ?3" },
  { "cable",
    "SELECT t.id, t.label, t.kind || COALESCE(' · ' || upper(t.type), ''), t.label = ?2 FROM cable t"
    " WHERE t.label LIKE ?1 ESCAPE '\\' ORDER BY 4 DESC, t.label LIMIT ?3" },
  { "port",
    "SELECT t.id, " PORT_KEY ("t.id") ", COALESCE(t.label, ''), t.label = ?2 FROM port t"
    " WHERE t.label LIKE ?1 ESCAPE '\\' ORDER BY 4 DESC, t.id LIMIT ?3" },
  { "person",
    "SELECT t.id, t.name, COALESCE(t.position, '') || COALESCE(' · ' || (SELECT name FROM area a WHERE a.id = t.area_id), ''),"
    " t.name = ?2 FROM person t WHERE t.name LIKE ?1 ESCAPE '\\' OR t.email LIKE ?1 ESCAPE '\\'"
    " OR t.phone LIKE ?1 ESCAPE '\\' ORDER BY 4 DESC, t.name LIMIT ?3" },
  { "area",
    "SELECT t.id, t.name, t.code, t.code = ?2 FROM area t"
    " WHERE t.code LIKE ?1 ESCAPE '\\' OR t.name LIKE ?1 ESCAPE '\\' ORDER BY 4 DESC, t.code LIMIT ?3" },
  { "circuit",
    "SELECT t.id, t.cid, t.provider, t.cid = ?2 FROM circuit t"
    " WHERE t.cid LIKE ?1 ESCAPE '\\' OR t.provider LIKE ?1 ESCAPE '\\' ORDER BY 4 DESC, t.cid LIMIT ?3" },
};

GPtrArray *
enlace_query_search (EnlaceStore  *store,
                     const char   *text,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) exact = NULL;
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_search_hit_free);
  exact = g_ptr_array_new ();
  if (text[0] == '\0')
    return g_steal_pointer (&hits);

  pattern = escape_like (text);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (!(stmt = enlace_store_prepare (store, searches[i].sql, error)))
        return NULL;

      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (int)limit);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          EnlaceSearchHit *hit = g_new0 (EnlaceSearchHit, 1);
          const char *title = (const char *)sqlite3_column_text (stmt, 1);
          const char *subtitle = (const char *)sqlite3_column_text (stmt, 2);

          hit->kind = g_strdup (searches[i].kind);
          hit->id = sqlite3_column_int64 (stmt, 0);
          hit->title = g_strdup (title ? title : "");
          hit->subtitle = g_strdup (subtitle ? subtitle : "");
          if (sqlite3_column_int (stmt, 3))
            g_ptr_array_add (exact, hit);
          else
            g_ptr_array_add (hits, hit);
        }

      if (rc != SQLITE_DONE)
        {
          enlace_store_set_sql_error (store, error, searches[i].kind);
          sqlite3_reset (stmt);
          for (guint j = 0; j < exact->len; j++)
            enlace_search_hit_free (g_ptr_array_index (exact, j));
          return NULL;
        }
      sqlite3_reset (stmt);
    }

  /* exact matches first, in kind order */
  for (guint i = exact->len; i > 0; i--)
    g_ptr_array_insert (hits, 0, g_ptr_array_index (exact, i - 1));

  return g_steal_pointer (&hits);
}
