/* enlace-csv-import.c: import of the department's spreadsheets, and the
 * exports they come back from (see enlace-csv-import.h)
 */
#define G_LOG_DOMAIN "enlace-csv"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "enlace-csv-import.h"
#include "enlace-kinds.h"
#include "enlace-store-private.h"
#include "enlace-text.h"

G_DEFINE_QUARK (enlace-csv-import-error-quark, enlace_csv_import_error)

/* ---- The kinds that import ------------------------------------------ */

typedef struct
{
  const char *name;         /* "outlet" */
  const char *plural;       /* N_() */
  const char *store_kind;   /* "device" */
  const char *list;         /* its list in the window */
  const char *key_field;    /* unique in the project, NULL: none */
  const char *fixed_field;  /* set by the import, not a column */
  const char *fixed_value;
} ImportKind;

static const ImportKind import_kinds[] = {
  { "outlet", N_("Outlets"), "device", "outlet", "name", "role", "outlet" },
  { "cable", N_("Cables"), "cable", "cable", "label", NULL, NULL },
  { "device", N_("Devices"), "device", "device", "name", NULL, NULL },
  { "extension", N_("Extensions"), "extension", "extension", "number", NULL, NULL },
  { "person", N_("People"), "person", "person", "name", NULL, NULL },
  { "area", N_("Areas"), "area", "area", "code", NULL, NULL },
};

static const char * const import_kind_names[] = {
  "outlet", "cable", "device", "extension", "person", "area", NULL
};

/* Targets that are not fields of the kind. */
#define TARGET_END_A "a"
#define TARGET_END_B "b"
#define TARGET_WHERE "where"

static const ImportKind *
import_kind (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    if (g_strcmp0 (import_kinds[i].name, name) == 0)
      return &import_kinds[i];
  return NULL;
}

const char * const *
enlace_csv_import_kinds (void)
{
  return import_kind_names;
}

const char *
enlace_csv_import_kind_label (const char *kind)
{
  const ImportKind *ik = import_kind (kind);

  return ik ? _(ik->plural) : NULL;
}

const char *
enlace_csv_rule_name (EnlaceCsvRule rule)
{
  static const char * const names[] = {
    "unknown-column", "missing", "reference", "duplicate", "value",
    "encoding", "syntax", "rule",
  };

  g_return_val_if_fail ((guint) rule < G_N_ELEMENTS (names), "rule");
  return names[rule];
}

const char *
enlace_csv_rule_label (EnlaceCsvRule rule)
{
  switch (rule)
    {
    case ENLACE_CSV_RULE_UNKNOWN_COLUMN: return _("Unknown column");
    case ENLACE_CSV_RULE_MISSING: return _("Missing field");
    case ENLACE_CSV_RULE_REFERENCE: return _("Bad reference");
    case ENLACE_CSV_RULE_DUPLICATE: return _("Duplicate key");
    case ENLACE_CSV_RULE_VALUE: return _("Bad value");
    case ENLACE_CSV_RULE_ENCODING: return _("Encoding");
    case ENLACE_CSV_RULE_SYNTAX: return _("Broken record");
    case ENLACE_CSV_RULE_RULE:
    default: return _("Inventory rule");
    }
}

static gboolean
has_end_targets (const ImportKind *ik)
{
  return strcmp (ik->store_kind, "cable") == 0;
}

static gboolean
has_where_target (const ImportKind *ik)
{
  return strcmp (ik->store_kind, "device") == 0;
}

GPtrArray *
enlace_csv_import_targets (const char *kind)
{
  const ImportKind *ik = import_kind (kind);
  const EnlaceKind *k;
  GPtrArray *out;

  g_return_val_if_fail (kind != NULL, NULL);
  if (ik == NULL)
    return NULL;
  k = enlace_kind_lookup (ik->store_kind);
  out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < k->n_fields; i++)
    {
      EnlaceCsvTarget *t;

      if (g_strcmp0 (k->fields[i].name, ik->fixed_field) == 0)
        continue;
      t = g_new0 (EnlaceCsvTarget, 1);
      t->name = k->fields[i].name;
      t->label = _(k->fields[i].label);
      t->required = k->fields[i].required && k->fields[i].default_value == NULL;
      g_ptr_array_add (out, t);
    }
  if (has_end_targets (ik))
    {
      EnlaceCsvTarget *a = g_new0 (EnlaceCsvTarget, 1);
      EnlaceCsvTarget *b = g_new0 (EnlaceCsvTarget, 1);

      a->name = TARGET_END_A;
      a->label = _("End A");
      b->name = TARGET_END_B;
      b->label = _("End B");
      g_ptr_array_add (out, a);
      g_ptr_array_add (out, b);
    }
  if (has_where_target (ik))
    {
      EnlaceCsvTarget *w = g_new0 (EnlaceCsvTarget, 1);

      w->name = TARGET_WHERE;
      w->label = _("Location");
      g_ptr_array_add (out, w);
    }
  return out;
}

static gboolean
folded_equal (const char *folded,
              const char *text)
{
  g_autofree char *f = NULL;

  if (text == NULL)
    return FALSE;
  f = enlace_text_fold (text);
  return strcmp (folded, f) == 0;
}

/* "device_type_id" → "device_type" */
static char *
strip_id (const char *name)
{
  if (g_str_has_suffix (name, "_id"))
    return g_strndup (name, strlen (name) - 3);
  return NULL;
}

static const char *
match_target (GPtrArray  *targets,
              const char *folded)
{
  /* names first: "holder" is the field holder, although the label of
   * person_id is "Holder" */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < targets->len; i++)
      {
        EnlaceCsvTarget *t = g_ptr_array_index (targets, i);
        g_autofree char *bare = strip_id (t->name);

        if ((pass == 0 && folded_equal (folded, t->name))
            || (pass == 1 && folded_equal (folded, bare))
            || (pass == 2 && folded_equal (folded, t->label)))
          return t->name;
      }
  return NULL;
}

const char *
enlace_csv_import_guess (const char *kind,
                         const char *header)
{
  const ImportKind *ik = import_kind (kind);
  const EnlaceKind *k;
  const EnlaceListSpec *spec;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *folded = NULL;
  const char *hit;

  g_return_val_if_fail (kind != NULL && header != NULL, NULL);
  if (ik == NULL)
    return NULL;

  folded = enlace_text_fold (header);
  g_strstrip (folded);
  if (*folded == '\0')
    return NULL;
  targets = enlace_csv_import_targets (kind);
  k = enlace_kind_lookup (ik->store_kind);

  /* A field: by name, by name without _id, by label (translated or not) */
  if ((hit = match_target (targets, folded)) != NULL)
    return hit;
  for (guint i = 0; i < k->n_fields; i++)
    if (g_strcmp0 (k->fields[i].name, ik->fixed_field) != 0
        && folded_equal (folded, k->fields[i].label))
      return k->fields[i].name;
  if (ik->fixed_field && folded_equal (folded, ik->fixed_field))
    return "";
  if (folded_equal (folded, "key") || folded_equal (folded, _("KEY")))
    return "";

  /* A column of the list: what it shows, or nothing to import */
  spec = enlace_list_spec_lookup (ik->list);
  for (guint i = 0; spec && i < spec->n_columns; i++)
    {
      const EnlaceColumn *c = &spec->columns[i];

      if (!folded_equal (folded, c->name) && !folded_equal (folded, c->label)
          && !folded_equal (folded, _(c->label)))
        continue;
      if (strcmp (ik->store_kind, "cable") == 0 && strcmp (c->name, "length") == 0)
        return "length_m";
      if (strcmp (ik->store_kind, "device") == 0 && strcmp (c->name, "type") == 0)
        return "device_type_id";
      if (strcmp (ik->store_kind, "device") == 0 && strcmp (c->name, "name") == 0)
        return "name";
      if ((hit = match_target (targets, c->name)) != NULL)
        return hit;
      return "";
    }
  return NULL;
}

/* ---- The import ------------------------------------------------------ */

struct _EnlaceCsvImport
{
  EnlaceStore *store;
  const ImportKind *ik;
  const EnlaceKind *kind;
  GPtrArray *targets;
  GHashTable *explicit_map;   /* folded header → field ("" = aside) */
  gboolean dry_run;
  gboolean all_or_nothing;
  EnlaceCsvProgressFunc progress;
  gpointer progress_data;

  GStrv header;
  GStrv fields;               /* per column: target name or "" */
  guint n_rows, n_good, n_imported;
  gint64 command_id;
  GPtrArray *refusals;
  GHashTable *seen_keys;      /* key → line */
  GHashTable *ref_cache;      /* "kind\037key" → gint64* */
  GHashTable *existing_keys;  /* keys in the project before the import, loaded once */
  GHashTable *person_names;   /* person name → id, for an extension's holder, loaded once */
};

/* The values of @sql's first column (and its second as an id) in a set:
 * one scan instead of one per row (the key columns have no index). */
static GHashTable *
load_set (EnlaceStore *store,
          const char  *sql)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return set;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *k = (const char *) sqlite3_column_text (stmt, 0);

      if (k != NULL)
        g_hash_table_insert (set, g_strdup (k),
                             GINT_TO_POINTER (sqlite3_column_count (stmt) > 1
                                              ? (int) sqlite3_column_int64 (stmt, 1) : 1));
    }
  sqlite3_reset (stmt);
  return set;
}

static void
refusal_free (EnlaceCsvRefusal *r)
{
  g_free (r->column);
  g_free (r->message);
  g_free (r);
}

EnlaceCsvImport *
enlace_csv_import_new (EnlaceStore *store,
                       const char  *kind,
                       GError     **error)
{
  const ImportKind *ik;
  EnlaceCsvImport *self;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ik = import_kind (kind);
  if (ik == NULL)
    {
      g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_KIND,
                   _("“%s” cannot be imported from CSV: the kinds that can are outlet, cable, "
                     "device, extension, person and area"), kind);
      return NULL;
    }
  self = g_new0 (EnlaceCsvImport, 1);
  self->store = g_object_ref (store);
  self->ik = ik;
  self->kind = enlace_kind_lookup (ik->store_kind);
  self->targets = enlace_csv_import_targets (kind);
  self->explicit_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) refusal_free);
  self->seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ref_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
enlace_csv_import_free (EnlaceCsvImport *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->store);
  g_ptr_array_unref (self->targets);
  g_hash_table_unref (self->explicit_map);
  g_ptr_array_unref (self->refusals);
  g_hash_table_unref (self->seen_keys);
  g_hash_table_unref (self->ref_cache);
  g_clear_pointer (&self->existing_keys, g_hash_table_unref);
  g_clear_pointer (&self->person_names, g_hash_table_unref);
  g_strfreev (self->header);
  g_strfreev (self->fields);
  g_free (self);
}

static const EnlaceCsvTarget *
find_target (EnlaceCsvImport *self,
             const char      *name)
{
  for (guint i = 0; i < self->targets->len; i++)
    {
      EnlaceCsvTarget *t = g_ptr_array_index (self->targets, i);

      if (strcmp (t->name, name) == 0)
        return t;
    }
  return NULL;
}

void
enlace_csv_import_set_mapping (EnlaceCsvImport *self,
                               const char      *column,
                               const char      *field)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column != NULL);

  g_hash_table_replace (self->explicit_map, enlace_text_fold (column),
                        g_strdup (field ? field : ""));
}

gboolean
enlace_csv_import_parse_mapping (EnlaceCsvImport *self,
                                 const char      *spec,
                                 GError         **error)
{
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i]; i++)
    {
      char *eq = strchr (items[i], '=');
      g_autofree char *col = NULL;
      g_autofree char *field = NULL;

      if (*g_strstrip (items[i]) == '\0')
        continue;
      if (eq == NULL)
        {
          g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_COLUMNS,
                       _("Mapping “%s”: expected COLUMN=FIELD"), items[i]);
          return FALSE;
        }
      col = g_strstrip (g_strndup (items[i], eq - items[i]));
      field = g_strstrip (g_strdup (eq + 1));
      if (*field != '\0' && find_target (self, field) == NULL)
        {
          g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_COLUMNS,
                       _("Mapping “%s”: %s have no field “%s”"), items[i],
                       _(self->ik->plural), field);
          return FALSE;
        }
      enlace_csv_import_set_mapping (self, col, field);
    }
  return TRUE;
}

void
enlace_csv_import_set_dry_run (EnlaceCsvImport *self,
                               gboolean         dry_run)
{
  g_return_if_fail (self != NULL);
  self->dry_run = dry_run;
}

void
enlace_csv_import_set_all_or_nothing (EnlaceCsvImport *self,
                                      gboolean         all)
{
  g_return_if_fail (self != NULL);
  self->all_or_nothing = all;
}

void
enlace_csv_import_set_progress (EnlaceCsvImport       *self,
                                EnlaceCsvProgressFunc  func,
                                gpointer               user_data)
{
  g_return_if_fail (self != NULL);
  self->progress = func;
  self->progress_data = user_data;
}

const char * const *
enlace_csv_import_get_header (EnlaceCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->header;
}

const char * const *
enlace_csv_import_get_fields (EnlaceCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->fields;
}

guint
enlace_csv_import_get_n_rows (EnlaceCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

guint
enlace_csv_import_get_n_good (EnlaceCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_good;
}

guint
enlace_csv_import_get_n_imported (EnlaceCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_imported;
}

GPtrArray *
enlace_csv_import_get_refusals (EnlaceCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->refusals;
}

gint64
enlace_csv_import_get_command (EnlaceCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->command_id;
}

static void
refuse (EnlaceCsvImport *self,
        guint            line,
        EnlaceCsvRule    rule,
        const char      *column,
        const char      *format,
        ...) G_GNUC_PRINTF (5, 6);

static void
refuse (EnlaceCsvImport *self,
        guint            line,
        EnlaceCsvRule    rule,
        const char      *column,
        const char      *format,
        ...)
{
  EnlaceCsvRefusal *r = g_new0 (EnlaceCsvRefusal, 1);
  va_list args;

  va_start (args, format);
  r->message = g_strdup_vprintf (format, args);
  va_end (args);
  r->line = line;
  r->rule = rule;
  r->column = g_strdup (column);
  g_ptr_array_add (self->refusals, r);
}

/* ---- Values ---------------------------------------------------------- */

static gboolean
is_empty (const char *v)
{
  return v == NULL || *v == '\0' || strcmp (v, "—") == 0;
}

static gboolean
parse_int (const char *v,
           gint64     *out)
{
  char *end = NULL;

  *out = g_ascii_strtoll (v, &end, 10);
  return end != v && *end == '\0';
}

static gboolean
parse_real (const char *v,
            double     *out)
{
  g_autofree char *s = g_strdup (v);
  char *end = NULL;
  char *comma;

  /* "12,5" (a Spanish spreadsheet), "12.5 m" (a list) */
  if (g_str_has_suffix (s, " m"))
    s[strlen (s) - 2] = '\0';
  g_strstrip (s);
  if ((comma = strchr (s, ',')) != NULL && strchr (s, '.') == NULL)
    *comma = '.';
  *out = g_ascii_strtod (s, &end);
  return end != s && *end == '\0';
}

static gboolean
parse_bool (const char *v,
            gboolean   *out)
{
  static const char * const yes[] = { "1", "true", "yes", "si", "sí", "x", "verdadero", "y", "s", NULL };
  static const char * const no[] = { "0", "false", "no", "falso", "n", NULL };
  g_autofree char *f = enlace_text_fold (v);

  for (guint i = 0; yes[i]; i++)
    if (folded_equal (f, yes[i]))
      return (*out = TRUE), TRUE;
  for (guint i = 0; no[i]; i++)
    if (folded_equal (f, no[i]))
      return (*out = FALSE), TRUE;
  return FALSE;
}

static const char *
parse_choice (const EnlaceField *field,
              const char        *v)
{
  g_autofree char *f = enlace_text_fold (v);

  for (guint i = 0; field->choices[i]; i++)
    if (strcmp (field->choices[i], v) == 0)
      return field->choices[i];
  for (guint i = 0; field->choices[i]; i++)
    if (folded_equal (f, field->choices[i])
        || folded_equal (f, enlace_choice_label (field->choices[i])))
      return field->choices[i];
  return NULL;
}

/* The id of the object of @ref_kind that @key names, 0 when none. */
static gint64
resolve_ref (EnlaceCsvImport *self,
             const char      *ref_kind,
             const char      *key)
{
  g_autofree char *cache_key = g_strdup_printf ("%s\037%s", ref_kind, key);
  gint64 *cached = g_hash_table_lookup (self->ref_cache, cache_key);
  gint64 id;

  if (cached)
    return *cached;
  id = enlace_store_lookup (self->store, ref_kind, key, NULL);
  /* What a list shows instead of the key */
  if (id == 0 && strcmp (ref_kind, "area") == 0)
    id = enlace_store_lookup_one (self->store, "SELECT id FROM area WHERE name = ?1",
                                  key, NULL, NULL, NULL);
  if (id == 0 && strcmp (ref_kind, "device-type") == 0)
    id = enlace_store_lookup_one (self->store,
                                  "SELECT id FROM device_type WHERE manufacturer || ' ' || model = ?1",
                                  key, NULL, NULL, NULL);
  if (id > 0)
    g_hash_table_insert (self->ref_cache, g_steal_pointer (&cache_key),
                         g_memdup2 (&id, sizeof id));
  return id;
}

static gboolean
parse_ends (EnlaceCsvImport *self,
            const char      *v,
            GArray          *out,
            char           **bad)
{
  g_auto(GStrv) parts = g_strsplit (v, ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      EnlaceTerm term;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (!enlace_store_lookup_term (self->store, parts[i], &term, NULL))
        {
          *bad = g_strdup (parts[i]);
          return FALSE;
        }
      g_array_append_val (out, term);
    }
  return TRUE;
}

/* A row ready to be written. */
typedef struct
{
  EnlaceCsvImport *self;
  JsonObject *values;
  GArray *a, *b;
} Row;

static gboolean
create_row (EnlaceStore *store,
            gpointer     data,
            GError     **error)
{
  Row *row = data;

  if (row->a->len > 0 || row->b->len > 0)
    return enlace_store_connect (store, (EnlaceTerm *) row->a->data, row->a->len,
                                 (EnlaceTerm *) row->b->data, row->b->len,
                                 row->values, error) != 0;
  return enlace_store_create (store, row->self->ik->store_kind, row->values, error) != 0;
}

typedef enum { ROW_DONE, ROW_REFUSED, ROW_DEFER } RowResult;

/* Converts and writes one record.  A row whose only fault is a reference
 * to an object of its own kind that is not there yet (an area whose
 * parent comes later in the file) is deferred. */
static RowResult
import_row (EnlaceCsvImport *self,
            char           **cells,
            guint            line,
            gboolean         last_try)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (EnlaceTerm));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (EnlaceTerm));
  g_autoptr(GError) error = NULL;
  const char *holder = NULL, *holder_column = NULL;
  gboolean person_mapped = FALSE;
  guint n_cells = g_strv_length (cells);
  guint n_cols = g_strv_length (self->header);
  const char *key_value = NULL;
  const char *key_column = NULL;
  Row row = { self, values, a, b };

  if (n_cells > n_cols)
    for (guint c = n_cols; c < n_cells; c++)
      if (!is_empty (cells[c]))
        {
          refuse (self, line, ENLACE_CSV_RULE_SYNTAX, NULL,
                  _("Line %u: the record has %u fields, the header %u"),
                  line, n_cells, n_cols);
          return ROW_REFUSED;
        }

  for (guint c = 0; c < n_cols; c++)
    if (g_strcmp0 (self->fields[c], "person_id") == 0)
      person_mapped = TRUE;

  for (guint c = 0; c < n_cols && c < n_cells; c++)
    {
      const char *target = self->fields[c];
      const char *column = self->header[c];
      const EnlaceField *field;
      g_autofree char *v = NULL;

      if (*target == '\0')
        continue;
      v = g_strdup (cells[c]);
      field = enlace_kind_get_field (self->kind, target);
      if (field == NULL || field->type != ENLACE_FIELD_TEXT)
        g_strstrip (v);
      if (is_empty (v))
        continue;

      if (strcmp (target, TARGET_END_A) == 0 || strcmp (target, TARGET_END_B) == 0)
        {
          g_autofree char *bad = NULL;

          if (!parse_ends (self, v, strcmp (target, TARGET_END_A) == 0 ? a : b, &bad))
            {
              refuse (self, line, ENLACE_CSV_RULE_REFERENCE, column,
                      _("Line %u, column “%s”: no port or circuit termination “%s” (DEVICE:PORT or CIRCUIT:A)"),
                      line, column, bad);
              return ROW_REFUSED;
            }
          continue;
        }
      if (strcmp (target, TARGET_WHERE) == 0)
        {
          const char *u = g_strrstr (v, " U");
          gint64 id = 0;

          if (u != NULL)
            {
              g_autofree char *rack = g_strndup (v, u - v);
              double pos;

              if (parse_real (u + 2, &pos) && (id = resolve_ref (self, "rack", rack)) > 0)
                {
                  json_object_set_int_member (values, "rack_id", id);
                  json_object_set_double_member (values, "u_position", pos);
                  continue;
                }
            }
          if ((id = resolve_ref (self, "rack", v)) > 0)
            json_object_set_int_member (values, "rack_id", id);
          else if ((id = resolve_ref (self, "space", v)) > 0)
            json_object_set_int_member (values, "space_id", id);
          else
            {
              refuse (self, line, ENLACE_CSV_RULE_REFERENCE, column,
                      _("Line %u, column “%s”: no rack or space “%s”"), line, column, v);
              return ROW_REFUSED;
            }
          continue;
        }
      if (field == NULL)
        continue;
      if (strcmp (self->ik->store_kind, "extension") == 0 && strcmp (target, "holder") == 0
          && !person_mapped)
        {
          /* the list shows the person's name, or the text */
          holder = cells[c];
          holder_column = column;
          continue;
        }
      if (g_strcmp0 (target, self->ik->key_field) == 0)
        {
          key_value = cells[c];
          key_column = column;
        }

      switch (field->type)
        {
        case ENLACE_FIELD_TEXT:
        case ENLACE_FIELD_POLYGON:
        case ENLACE_FIELD_POLYLINE:
          json_object_set_string_member (values, target, v);
          break;
        case ENLACE_FIELD_INT:
          {
            gint64 n;

            if (!parse_int (v, &n))
              {
                refuse (self, line, ENLACE_CSV_RULE_VALUE, column,
                        _("Line %u, column “%s”: “%s” is not a whole number"), line, column, v);
                return ROW_REFUSED;
              }
            json_object_set_int_member (values, target, n);
          }
          break;
        case ENLACE_FIELD_REAL:
          {
            double d;

            if (!parse_real (v, &d))
              {
                refuse (self, line, ENLACE_CSV_RULE_VALUE, column,
                        _("Line %u, column “%s”: “%s” is not a number"), line, column, v);
                return ROW_REFUSED;
              }
            json_object_set_double_member (values, target, d);
          }
          break;
        case ENLACE_FIELD_BOOL:
          {
            gboolean yes;

            if (!parse_bool (v, &yes))
              {
                refuse (self, line, ENLACE_CSV_RULE_VALUE, column,
                        _("Line %u, column “%s”: “%s” is not yes or no"), line, column, v);
                return ROW_REFUSED;
              }
            json_object_set_int_member (values, target, yes);
          }
          break;
        case ENLACE_FIELD_CHOICE:
          {
            const char *choice = parse_choice (field, v);

            if (choice == NULL)
              {
                GString *list = g_string_new (NULL);

                for (guint i = 0; field->choices[i]; i++)
                  g_string_append_printf (list, "%s%s", i ? ", " : "", field->choices[i]);
                refuse (self, line, ENLACE_CSV_RULE_VALUE, column,
                        _("Line %u, column “%s”: “%s” is not one of: %s"), line, column, v, list->str);
                g_string_free (list, TRUE);
                return ROW_REFUSED;
              }
            json_object_set_string_member (values, target, choice);
          }
          break;
        case ENLACE_FIELD_REF:
          {
            gint64 id = resolve_ref (self, field->ref_kind, v);

            if (id == 0)
              {
                if (!last_try && strcmp (field->ref_kind, self->ik->store_kind) == 0)
                  return ROW_DEFER;
                refuse (self, line, ENLACE_CSV_RULE_REFERENCE, column,
                        _("Line %u, column “%s”: no %s “%s”"), line, column,
                        _(enlace_kind_lookup (field->ref_kind)->label), v);
                return ROW_REFUSED;
              }
            json_object_set_int_member (values, target, id);
          }
          break;
        }
    }

  if (holder != NULL && !is_empty (holder))
    {
      gint64 person;

      if (self->person_names == NULL)
        /* a name two people share names neither: -1 */
        self->person_names = load_set (self->store,
                                       "SELECT name, CASE WHEN count(*) = 1 THEN min(id) ELSE -1 END "
                                       "FROM person GROUP BY name");
      person = GPOINTER_TO_INT (g_hash_table_lookup (self->person_names, holder));

      if (person > 0)
        json_object_set_int_member (values, "person_id", person);
      else
        json_object_set_string_member (values, "holder", holder);
      (void) holder_column;
    }
  if (self->ik->fixed_field)
    json_object_set_string_member (values, self->ik->fixed_field, self->ik->fixed_value);

  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      const EnlaceField *f = &self->kind->fields[i];

      if (f->required && f->default_value == NULL && !json_object_has_member (values, f->name))
        {
          const char *column = NULL;

          for (guint c = 0; c < n_cols; c++)
            if (strcmp (self->fields[c], f->name) == 0)
              column = self->header[c];
          refuse (self, line, ENLACE_CSV_RULE_MISSING, column,
                  _("Line %u: the field “%s” is required and empty"), line, _(f->label));
          return ROW_REFUSED;
        }
    }

  if (key_value != NULL && !is_empty (key_value))
    {
      gpointer first = g_hash_table_lookup (self->seen_keys, key_value);

      if (first != NULL)
        {
          refuse (self, line, ENLACE_CSV_RULE_DUPLICATE, key_column,
                  _("Line %u: “%s” is already on line %u of the file"), line, key_value,
                  GPOINTER_TO_UINT (first));
          return ROW_REFUSED;
        }
      else
        {
          if (self->existing_keys == NULL)
            {
              g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM %s",
                                                      self->ik->key_field, self->kind->table);
              self->existing_keys = load_set (self->store, sql);
            }
          if (g_hash_table_contains (self->existing_keys, key_value))
            {
              refuse (self, line, ENLACE_CSV_RULE_DUPLICATE, key_column,
                      _("Line %u: %s “%s” is already in the project"), line,
                      _(self->kind->label), key_value);
              return ROW_REFUSED;
            }
        }
    }

  if (!enlace_store_try (self->store, create_row, &row, &error))
    {
      refuse (self, line, ENLACE_CSV_RULE_RULE, NULL, _("Line %u: %s"), line, error->message);
      return ROW_REFUSED;
    }
  if (key_value != NULL && !is_empty (key_value))
    g_hash_table_insert (self->seen_keys, g_strdup (key_value), GUINT_TO_POINTER (line));
  return ROW_DONE;
}

static gboolean
resolve_header (EnlaceCsvImport *self,
                GError         **error)
{
  guint n = g_strv_length (self->header);
  GString *unknown = NULL;

  self->fields = g_new0 (char *, n + 1);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *folded = enlace_text_fold (self->header[c]);
      const char *field = g_hash_table_lookup (self->explicit_map, folded);

      if (field == NULL)
        field = enlace_csv_import_guess (self->ik->name, self->header[c]);
      if (field == NULL)
        {
          refuse (self, 1, ENLACE_CSV_RULE_UNKNOWN_COLUMN, self->header[c],
                  _("Line 1: the column “%s” is not a field of %s"), self->header[c],
                  _(self->ik->plural));
          if (unknown == NULL)
            unknown = g_string_new (NULL);
          g_string_append_printf (unknown, "%s“%s”", unknown->len ? ", " : "", self->header[c]);
          field = "";
        }
      self->fields[c] = g_strdup (field);
    }
  if (unknown != NULL)
    {
      g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_UNKNOWN_COLUMN,
                   _("Unknown columns for %s: %s (map them to a field, or leave them aside)"),
                   _(self->ik->plural), unknown->str);
      g_string_free (unknown, TRUE);
      return FALSE;
    }

  for (guint c = 0; c < n; c++)
    for (guint d = c + 1; d < n; d++)
      if (*self->fields[c] && strcmp (self->fields[c], self->fields[d]) == 0)
        {
          g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_COLUMNS,
                       _("The columns “%s” and “%s” both give the field “%s”"),
                       self->header[c], self->header[d], self->fields[c]);
          return FALSE;
        }

  for (guint i = 0; i < self->targets->len; i++)
    {
      EnlaceCsvTarget *t = g_ptr_array_index (self->targets, i);
      gboolean given = g_strv_contains ((const char * const *) self->fields, t->name);

      /* the extension's holder column may give person_id; the location gives rack or space */
      if (!t->required || given)
        continue;
      g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_COLUMNS,
                   _("No column gives the field “%s”, which %s require"), t->label,
                   _(self->ik->plural));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint line;
  GStrv cells;
} Deferred;

static void
deferred_free (Deferred *d)
{
  g_strfreev (d->cells);
  g_free (d);
}

static int
refusal_cmp (gconstpointer a,
             gconstpointer b)
{
  const EnlaceCsvRefusal *ra = *(EnlaceCsvRefusal * const *) a;
  const EnlaceCsvRefusal *rb = *(EnlaceCsvRefusal * const *) b;

  return (ra->line > rb->line) - (ra->line < rb->line);
}

gboolean
enlace_csv_import_run (EnlaceCsvImport *self,
                       EnlaceCsvReader *reader,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) deferred = NULL;
  g_autofree char *label = NULL;
  GStrv cells;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->header == NULL, FALSE);

  /* The header */
  for (;;)
    {
      self->header = enlace_csv_reader_next (reader, &local);
      if (self->header != NULL)
        break;
      if (local == NULL)
        {
          g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_EMPTY,
                       _("The file is empty: the first line must name the columns"));
          return FALSE;
        }
      g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_FAILED,
                   _("The header cannot be read: %s"), local->message);
      return FALSE;
    }
  if (!resolve_header (self, error))
    return FALSE;

  label = g_strdup_printf (_("Import CSV: %s"), _(self->ik->plural));
  if (!enlace_store_begin (self->store, label, error))
    return FALSE;
  if (!enlace_store_begin_bulk (self->store, error))
    {
      enlace_store_rollback (self->store);
      return FALSE;
    }

  deferred = g_ptr_array_new_with_free_func ((GDestroyNotify) deferred_free);
  for (;;)
    {
      g_autoptr(GError) row_error = NULL;
      guint line;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          enlace_store_rollback (self->store);
          return FALSE;
        }
      cells = enlace_csv_reader_next (reader, &row_error);
      line = enlace_csv_reader_get_line (reader);
      if (cells == NULL && row_error == NULL)
        break;
      self->n_rows++;
      if (cells == NULL)
        {
          EnlaceCsvRule rule = g_error_matches (row_error, ENLACE_CSV_ERROR, ENLACE_CSV_ERROR_ENCODING)
                               ? ENLACE_CSV_RULE_ENCODING : ENLACE_CSV_RULE_SYNTAX;

          if (g_error_matches (row_error, ENLACE_CSV_ERROR, ENLACE_CSV_ERROR_FAILED))
            {
              g_propagate_error (error, g_steal_pointer (&row_error));
              enlace_store_rollback (self->store);
              return FALSE;
            }
          refuse (self, line, rule, NULL, "%s", row_error->message);
          if (enlace_csv_error_is_fatal (row_error))
            break;
          continue;
        }
      switch (import_row (self, cells, line, FALSE))
        {
        case ROW_DONE:
          self->n_good++;
          g_strfreev (cells);
          break;
        case ROW_REFUSED:
          g_strfreev (cells);
          break;
        case ROW_DEFER:
          {
            Deferred *d = g_new0 (Deferred, 1);

            d->line = line;
            d->cells = cells;
            g_ptr_array_add (deferred, d);
          }
          break;
        }
      if (self->progress && self->n_rows % 256 == 0)
        self->progress (self->n_rows, enlace_csv_reader_get_offset (reader), self->progress_data);
    }

  /* Rows that name one of their own kind that came later in the file:
   * again, while some go in; the last round refuses what is left. */
  while (deferred->len > 0)
    {
      g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func ((GDestroyNotify) deferred_free);
      guint before = self->n_good;

      for (guint i = 0; i < deferred->len; i++)
        {
          Deferred *d = g_ptr_array_index (deferred, i);

          switch (import_row (self, d->cells, d->line, FALSE))
            {
            case ROW_DONE:
              self->n_good++;
              break;
            case ROW_REFUSED:
              break;
            case ROW_DEFER:
              g_ptr_array_add (again, g_memdup2 (d, sizeof *d));
              d->cells = NULL;
              break;
            }
        }
      g_ptr_array_unref (deferred);
      deferred = g_steal_pointer (&again);
      if (self->n_good == before)
        {
          for (guint i = 0; i < deferred->len; i++)
            {
              Deferred *d = g_ptr_array_index (deferred, i);

              if (import_row (self, d->cells, d->line, TRUE) == ROW_DONE)
                self->n_good++;
            }
          break;
        }
    }
  g_ptr_array_sort (self->refusals, refusal_cmp);
  if (self->progress)
    self->progress (self->n_rows, enlace_csv_reader_get_offset (reader), self->progress_data);

  if (self->all_or_nothing && self->refusals->len > 0)
    {
      enlace_store_rollback (self->store);
      g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_REFUSED,
                   ngettext ("%u row refused: nothing was imported (all or nothing)",
                             "%u rows refused: nothing was imported (all or nothing)",
                             self->refusals->len),
                   self->refusals->len);
      return FALSE;
    }
  if (self->dry_run || self->n_good == 0)
    {
      enlace_store_rollback (self->store);
      return TRUE;
    }
  self->command_id = enlace_store_current_command (self->store);
  if (!enlace_store_commit (self->store, error))
    {
      self->command_id = 0;
      return FALSE;
    }
  self->n_imported = self->n_good;
  return TRUE;
}

/* ---- Export ---------------------------------------------------------- */

static char *
format_real (double d,
             char   sep)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *s = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", d));

  /* a spreadsheet that separates with ';' reads "12,5" as a number */
  if (sep == ';')
    g_strdelimit (s, ".", ',');
  return s;
}

static char *
export_value (EnlaceStore       *store,
              const EnlaceField *field,
              JsonNode          *node,
              char               sep)
{
  GType t;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  t = json_node_get_value_type (node);
  if (field->type == ENLACE_FIELD_REF && t == G_TYPE_INT64)
    {
      char *key = enlace_store_dup_key (store, field->ref_kind, json_node_get_int (node));
      return key ? key : g_strdup ("");
    }
  if (t == G_TYPE_INT64)
    {
      if (field->type == ENLACE_FIELD_REAL)
        return format_real ((double) json_node_get_int (node), sep);
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  if (t == G_TYPE_DOUBLE)
    return format_real (json_node_get_double (node), sep);
  if (t == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "1" : "0");
  if (t == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return g_strdup ("");
}

static char *
cable_end_keys (EnlaceStore *store,
                gint64       cable,
                const char  *end)
{
  sqlite3_stmt *stmt;
  GString *s = g_string_new (NULL);

  stmt = enlace_store_prepare (store,
                               "SELECT COALESCE(d.name || ':' || p.name, c.cid || ':' || ct.side)"
                               " FROM cable_end ce"
                               " LEFT JOIN port p ON p.id = ce.port_id LEFT JOIN device d ON d.id = p.device_id"
                               " LEFT JOIN circuit_termination ct ON ct.id = ce.termination_id"
                               " LEFT JOIN circuit c ON c.id = ct.circuit_id"
                               " WHERE ce.cable_id = ?1 AND ce.\"end\" = ?2 ORDER BY ce.rowid",
                               NULL);
  if (stmt == NULL)
    return g_string_free (s, FALSE);
  sqlite3_bind_int64 (stmt, 1, cable);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (s, "%s%s", s->len ? ", " : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_string_free (s, FALSE);
}

gint64
enlace_csv_export_kind (EnlaceStore     *store,
                        const char      *kind_name,
                        EnlaceCsvWriter *writer,
                        GError         **error)
{
  const ImportKind *ik = import_kind (kind_name);
  const EnlaceKind *kind;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean outlets = ik != NULL && ik->fixed_field != NULL;
  gboolean cables;
  gint64 n = 0;
  char sep;

  g_return_val_if_fail (ENLACE_IS_STORE (store), -1);
  g_return_val_if_fail (kind_name != NULL, -1);
  g_return_val_if_fail (writer != NULL, -1);

  kind = enlace_kind_lookup (ik ? ik->store_kind : kind_name);
  if (kind == NULL)
    {
      g_set_error (error, ENLACE_CSV_IMPORT_ERROR, ENLACE_CSV_IMPORT_ERROR_KIND,
                   _("Unknown kind “%s”"), kind_name);
      return -1;
    }
  cables = strcmp (kind->name, "cable") == 0;
  sep = enlace_csv_writer_get_separator (writer);

  for (guint f = 0; f < kind->n_fields; f++)
    if (!outlets || strcmp (kind->fields[f].name, ik->fixed_field) != 0)
      enlace_csv_writer_add_field (writer, kind->fields[f].name);
  if (cables)
    {
      enlace_csv_writer_add_field (writer, TARGET_END_A);
      enlace_csv_writer_add_field (writer, TARGET_END_B);
    }
  if (!enlace_csv_writer_end_row (writer, error))
    return -1;

  rows = enlace_store_list (store, kind->name, 0, error);
  if (rows == NULL)
    return -1;
  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *row = g_ptr_array_index (rows, i);
      gint64 id = json_object_get_int_member (row, "id");

      if (outlets && g_strcmp0 (json_object_get_string_member_with_default (row, ik->fixed_field, ""),
                                ik->fixed_value) != 0)
        continue;
      for (guint f = 0; f < kind->n_fields; f++)
        {
          g_autofree char *v = NULL;

          if (outlets && strcmp (kind->fields[f].name, ik->fixed_field) == 0)
            continue;
          v = export_value (store, &kind->fields[f],
                            json_object_get_member (row, kind->fields[f].name), sep);
          enlace_csv_writer_add_field (writer, v);
        }
      if (cables)
        {
          g_autofree char *a = cable_end_keys (store, id, "A");
          g_autofree char *b = cable_end_keys (store, id, "B");

          enlace_csv_writer_add_field (writer, a);
          enlace_csv_writer_add_field (writer, b);
        }
      if (!enlace_csv_writer_end_row (writer, error))
        return -1;
      n++;
    }
  if (!enlace_csv_writer_flush (writer, error))
    return -1;
  return n;
}

gint64
enlace_csv_export_list (EnlaceStore          *store,
                        const EnlaceListSpec *spec,
                        GArray               *ids,
                        const guint          *columns,
                        guint                 n_columns,
                        EnlaceCsvWriter      *writer,
                        GError              **error)
{
  g_autoptr(GArray) all = NULL;
  g_autofree guint *cols = NULL;
  gint64 n = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), -1);
  g_return_val_if_fail (spec != NULL, -1);
  g_return_val_if_fail (writer != NULL, -1);

  if (columns == NULL)
    {
      cols = g_new (guint, spec->n_columns);
      for (guint c = 0; c < spec->n_columns; c++)
        cols[c] = c;
      columns = cols;
      n_columns = spec->n_columns;
    }
  if (ids == NULL)
    {
      all = enlace_list_query_ids (store, spec, 0, NULL, -1, FALSE, error);
      if (all == NULL)
        return -1;
      ids = all;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      g_return_val_if_fail (columns[c] < spec->n_columns, -1);
      enlace_csv_writer_add_field (writer, _(spec->columns[columns[c]].label));
    }
  if (!enlace_csv_writer_end_row (writer, error))
    return -1;

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(GStrv) cells = enlace_list_query_row (store, spec, g_array_index (ids, gint64, i), NULL);

      if (cells == NULL)
        continue;  /* gone meanwhile */
      for (guint c = 0; c < n_columns; c++)
        {
          const EnlaceColumn *col = &spec->columns[columns[c]];
          const char *v = cells[columns[c]];

          if (col->format == ENLACE_COLUMN_CHOICE && v && *v)
            v = enlace_choice_label (v);
          enlace_csv_writer_add_field (writer, v);
        }
      if (!enlace_csv_writer_end_row (writer, error))
        return -1;
      n++;
    }
  if (!enlace_csv_writer_flush (writer, error))
    return -1;
  return n;
}
