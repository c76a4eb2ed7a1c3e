/* enlace-label-templates.c: label templates and their application (see
 * enlace-label-templates.h) */
#define G_LOG_DOMAIN "enlace-bom"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-label-templates.h"
#include "enlace-store-private.h"

typedef struct
{
  const char *name;
  const char *style;
  const char *pattern;
} Builtin;

static const Builtin builtins[] = {
  { "TIA-606 fs-an", "fs-an", "{b}-{fs}-{p}{n:2}" },
  { "TIA-606 rack",  "rack",  "{b}-{fs}.{r}-{u:2}:{n:2}" },
};

static const char * const placeholders[] = { "b", "f", "s", "fs", "p", "n", "r", "u", "d", NULL };

void
enlace_label_template_free (EnlaceLabelTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->style);
  g_free (self->pattern);
  g_free (self);
}

void
enlace_label_change_free (EnlaceLabelChange *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->object);
  g_free (self->old_text);
  g_free (self->new_text);
  g_free (self);
}

static const Builtin *
find_builtin (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_str_equal (builtins[i].name, name))
      return &builtins[i];
  return NULL;
}

/* ------------------------------------------------------------ patterns */

/* Calls @func for each piece of @pattern: literal text (name NULL) or a
 * placeholder with its width.  FALSE with @error on a malformed one. */
typedef void (*PieceFunc) (const char *text, gsize len, const char *name, int width, gpointer data);

static gboolean
walk_pattern (const char  *pattern,
              PieceFunc    func,
              gpointer     data,
              GError     **error)
{
  const char *p = pattern;

  while (*p)
    {
      const char *open = strchr (p, '{');
      const char *close;
      g_autofree char *inner = NULL;
      g_auto(GStrv) parts = NULL;
      int width = 0;

      if (open == NULL)
        {
          func (p, strlen (p), NULL, 0, data);
          break;
        }
      if (open > p)
        func (p, open - p, NULL, 0, data);
      close = strchr (open, '}');
      if (close == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Label pattern “%s”: a “{” is not closed"), pattern);
          return FALSE;
        }
      inner = g_strndup (open + 1, close - open - 1);
      parts = g_strsplit (inner, ":", 2);
      if (parts[0] == NULL || !g_strv_contains (placeholders, parts[0]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Label pattern “%s”: “{%s}” is not a placeholder (known: {b} {f} {s} {fs} {p} {n} {r} {u} {d})"),
                       pattern, inner);
          return FALSE;
        }
      if (parts[1])
        {
          char *end = NULL;

          width = (int)g_ascii_strtoll (parts[1], &end, 10);
          if (end == parts[1] || *end != '\0' || width < 1 || width > 8)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Label pattern “%s”: the width of “{%s}” must be a number from 1 to 8"),
                           pattern, inner);
              return FALSE;
            }
        }
      func (NULL, 0, parts[0], width, data);
      p = close + 1;
    }
  return TRUE;
}

static void
collect_names (const char *text,
               gsize       len,
               const char *name,
               int         width,
               gpointer    data)
{
  if (name)
    g_hash_table_add (data, g_strdup (name));
}

gboolean
enlace_label_pattern_check (const char  *style,
                            const char  *pattern,
                            GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char * const fs_an[] = { "p", "n", NULL };
  static const char * const rack[] = { "r", "u", "n", NULL };
  const char * const *need;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (pattern != NULL, FALSE);

  if (g_strcmp0 (style, "fs-an") == 0)
    need = fs_an;
  else if (g_strcmp0 (style, "rack") == 0)
    need = rack;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Label style “%s”: the styles are “fs-an” and “rack”"), style ? style : "");
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (pattern));
  if (*stripped == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The label pattern is empty"));
      return FALSE;
    }
  if (!walk_pattern (pattern, collect_names, names, error))
    return FALSE;
  for (guint i = 0; need[i]; i++)
    if (!g_hash_table_contains (names, need[i]))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("Label pattern “%s”: a pattern of style %s must hold {%s}"), pattern, style, need[i]);
        return FALSE;
      }
  return TRUE;
}

typedef struct
{
  GString                 *out;
  const EnlaceLabelFields *f;
} FormatData;

static void
format_piece (const char *text,
              gsize       len,
              const char *name,
              int         width,
              gpointer    data)
{
  FormatData *d = data;
  const EnlaceLabelFields *f = d->f;
  long number = 0;
  const char *s = NULL;
  gboolean is_number = FALSE;

  if (name == NULL)
    {
      g_string_append_len (d->out, text, len);
      return;
    }
  if (g_str_equal (name, "b"))
    s = f->building;
  else if (g_str_equal (name, "s"))
    s = f->space;
  else if (g_str_equal (name, "p"))
    s = f->panel_letters;
  else if (g_str_equal (name, "r"))
    s = f->rack;
  else if (g_str_equal (name, "d"))
    s = f->panel;
  else if (g_str_equal (name, "fs"))
    {
      if (f->space && g_ascii_isdigit (f->space[0]))
        s = f->space;
      else
        {
          g_string_append_printf (d->out, "%d%s", f->level, f->space ? f->space : "");
          return;
        }
    }
  else
    {
      is_number = TRUE;
      number = g_str_equal (name, "f") ? f->level : g_str_equal (name, "n") ? (long)f->port : f->unit;
    }
  if (is_number)
    g_string_append_printf (d->out, "%0*ld", width, number);
  else
    g_string_append (d->out, s ? s : "");
}

char *
enlace_label_format (const char              *pattern,
                     const EnlaceLabelFields *fields)
{
  FormatData d = { g_string_new (NULL), fields };

  g_return_val_if_fail (pattern != NULL && fields != NULL, NULL);

  if (!walk_pattern (pattern, format_piece, &d, NULL))
    {
      g_string_free (d.out, TRUE);
      return NULL;
    }
  return g_string_free (d.out, FALSE);
}

/* ------------------------------------------------------------ templates */

static EnlaceLabelTemplate *
template_new (gint64      id,
              const char *name,
              const char *style,
              const char *pattern)
{
  EnlaceLabelTemplate *t = g_new0 (EnlaceLabelTemplate, 1);

  t->id = id;
  t->name = g_strdup (name);
  t->style = g_strdup (style);
  t->pattern = g_strdup (pattern);
  t->builtin = find_builtin (name) != NULL;
  return t;
}

GPtrArray *
enlace_label_templates (EnlaceStore  *store,
                        GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_label_template_free);
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_label_template_free);
  sqlite3_stmt *st;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  st = enlace_store_prepare (store, "SELECT id, name, style, pattern FROM label_template ORDER BY name", error);
  if (st == NULL)
    return NULL;
  while (sqlite3_step (st) == SQLITE_ROW)
    g_ptr_array_add (stored, template_new (sqlite3_column_int64 (st, 0),
                                           (const char *)sqlite3_column_text (st, 1),
                                           (const char *)sqlite3_column_text (st, 2),
                                           (const char *)sqlite3_column_text (st, 3)));
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      EnlaceLabelTemplate *t = NULL;

      for (guint k = 0; k < stored->len && t == NULL; k++)
        if (g_str_equal (((EnlaceLabelTemplate *)g_ptr_array_index (stored, k))->name, builtins[i].name))
          t = g_ptr_array_steal_index (stored, k);
      g_ptr_array_add (out, t ? t : template_new (0, builtins[i].name, builtins[i].style, builtins[i].pattern));
    }
  g_ptr_array_extend_and_steal (out, g_steal_pointer (&stored));
  return g_steal_pointer (&out);
}

EnlaceLabelTemplate *
enlace_label_template_get (EnlaceStore  *store,
                           const char   *name,
                           GError      **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  all = enlace_label_templates (store, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (((EnlaceLabelTemplate *)g_ptr_array_index (all, i))->name, name))
      return g_ptr_array_steal_index (all, i);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no label template “%s”"), name);
  return NULL;
}

gboolean
enlace_label_template_set (EnlaceStore  *store,
                           const char   *name,
                           const char   *style,
                           const char   *pattern,
                           GError      **error)
{
  sqlite3_stmt *st;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL && pattern != NULL, FALSE);

  if (*name == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A label template needs a name"));
      return FALSE;
    }
  if (!enlace_label_pattern_check (style, pattern, error))
    {
      g_prefix_error (error, _("Label template %s: "), name);
      return FALSE;
    }
  if (!enlace_store_begin (store, _("Edit label template"), error))
    return FALSE;
  st = enlace_store_prepare (store,
                             "INSERT INTO label_template (name, style, pattern) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (name) DO UPDATE SET style = excluded.style, pattern = excluded.pattern",
                             error);
  if (st == NULL)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (st, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 2, style, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 3, pattern, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Writing the label template"));
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

gboolean
enlace_label_template_delete (EnlaceStore  *store,
                              const char   *name,
                              GError      **error)
{
  sqlite3_stmt *st;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!enlace_store_begin (store, _("Remove label template"), error))
    return FALSE;
  st = enlace_store_prepare (store, "DELETE FROM label_template WHERE name = ?1", error);
  if (st == NULL)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (st, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) != SQLITE_DONE || sqlite3_changes (enlace_store_get_db (store)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   find_builtin (name) ? _("Label template %s is built in and was not edited")
                                       : _("There is no label template “%s”"), name);
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

/* ------------------------------------------------------------ runs */

static char *
letters (guint index)
{
  GString *s = g_string_new (NULL);

  index++;
  while (index > 0)
    {
      index--;
      g_string_prepend_c (s, 'A' + index % 26);
      index /= 26;
    }
  return g_string_free (s, FALSE);
}

static guint
port_number (const char *name,
             int         seq)
{
  const char *end = name + strlen (name);
  const char *p = end;

  while (p > name && g_ascii_isdigit (p[-1]))
    p--;
  if (p < end)
    return (guint)g_ascii_strtoull (p, NULL, 10);
  return seq > 0 ? (guint)seq : 0;
}

/* The panels' letters: device id → "A", … within their space, top down.
 * The letters name the panels of the horizontal cabling (TIA-606's
 * "fs-an": the panel where a horizontal link ends): a panel whose cables
 * are all backbone or cords (a fibre panel of the riser) gets none, or it
 * would shift the letters of the panels below it; a panel without cables
 * yet (a design's new one) gets one. */
static GHashTable *
panel_letters (EnlaceStore  *store,
               GError      **error)
{
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *st;
  gint64 space = -1;
  guint index = 0;

  st = enlace_store_prepare (store,
                             "SELECT d.id, coalesce(r.space_id, d.space_id) AS sp FROM device d "
                             "LEFT JOIN rack r ON r.id = d.rack_id WHERE d.role = 'patch-panel' "
                             "AND (NOT EXISTS (SELECT 1 FROM port p JOIN cable_end e ON e.port_id = p.id "
                             "                 WHERE p.device_id = d.id) "
                             "     OR EXISTS (SELECT 1 FROM port p JOIN cable_end e ON e.port_id = p.id "
                             "                JOIN cable c ON c.id = e.cable_id "
                             "                WHERE p.device_id = d.id AND c.kind = 'horizontal')) "
                             "ORDER BY sp, r.name, d.u_position DESC, d.name", error);
  if (st == NULL)
    return NULL;
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      gint64 sp = sqlite3_column_int64 (st, 1);

      if (sp != space)
        {
          space = sp;
          index = 0;
        }
      g_hash_table_insert (out, g_memdup2 (&(gint64){ sqlite3_column_int64 (st, 0) }, sizeof (gint64)),
                           letters (index++));
    }
  return g_steal_pointer (&out);
}

static EnlaceLabelChange *
change_new (const char *kind,
            gint64      id,
            const char *object,
            const char *old_text,
            const char *new_text)
{
  EnlaceLabelChange *c = g_new0 (EnlaceLabelChange, 1);

  c->kind = g_strdup (kind);
  c->id = id;
  c->object = g_strdup (object);
  c->old_text = old_text && *old_text ? g_strdup (old_text) : NULL;
  c->new_text = g_strdup (new_text);
  return c;
}

GPtrArray *
enlace_labels_preview (EnlaceStore       *store,
                       const char        *name,
                       const char        *building,
                       const char        *level,
                       EnlaceLabelsWhich  which,
                       GError           **error)
{
  g_autoptr(EnlaceLabelTemplate) t = NULL;
  g_autoptr(GHashTable) letters_of = NULL;
  g_autoptr(GHashTable) new_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_label_change_free);
  sqlite3_stmt *st;
  int rc;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  t = enlace_label_template_get (store, name, error);
  if (t == NULL)
    return NULL;
  if (!enlace_label_pattern_check (t->style, t->pattern, error))
    return NULL;
  letters_of = panel_letters (store, error);
  if (letters_of == NULL)
    return NULL;

  st = enlace_store_prepare (store,
                             "SELECT c.id, c.label, pp.id, pp.name, pp.seq, pp.label, pd.id, pd.name, "
                             " pd.u_position, r.name, s.code, f.level, b.code, op.id, op.name, op.label, od.name, "
                             " od.role "
                             "FROM cable c "
                             "JOIN cable_end pe ON pe.cable_id = c.id "
                             "JOIN port pp ON pp.id = pe.port_id "
                             "JOIN device pd ON pd.id = pp.device_id AND pd.role = 'patch-panel' "
                             "LEFT JOIN rack r ON r.id = pd.rack_id "
                             "JOIN space s ON s.id = coalesce(r.space_id, pd.space_id) "
                             "JOIN floor f ON f.id = s.floor_id "
                             "JOIN building b ON b.id = f.building_id "
                             "LEFT JOIN cable_end oe ON oe.cable_id = c.id AND oe.id <> pe.id "
                             "LEFT JOIN port op ON op.id = oe.port_id "
                             "LEFT JOIN device od ON od.id = op.device_id "
                             "WHERE c.kind = 'horizontal' "
                             " AND (?1 IS NULL OR b.code = ?1) AND (?2 IS NULL OR f.level = ?2) "
                             " AND (CASE ?3 WHEN 0 THEN c.status = 'planned' WHEN 1 THEN c.status = 'installed' "
                             "      ELSE c.status <> 'decommissioned' END) "
                             "ORDER BY b.code, f.level, s.code, r.name, pd.u_position DESC, pd.name, pp.seq, pp.name",
                             error);
  if (st == NULL)
    return NULL;
  if (building)
    sqlite3_bind_text (st, 1, building, -1, SQLITE_TRANSIENT);
  if (level)
    sqlite3_bind_int64 (st, 2, g_ascii_strtoll (level, NULL, 10));
  sqlite3_bind_int (st, 3, which);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gint64 cid = sqlite3_column_int64 (st, 0);
      const char *old_label = (const char *)sqlite3_column_text (st, 1);
      const char *pname = (const char *)sqlite3_column_text (st, 3);
      const char *panel = (const char *)sqlite3_column_text (st, 7);
      const char *bcode = (const char *)sqlite3_column_text (st, 12);
      EnlaceLabelFields f = { 0 };
      g_autofree char *text = NULL;
      g_autofree char *pkey = NULL;
      const char *holder;

      if (g_hash_table_contains (done, &cid))
        continue;   /* a panel at both ends: labelled from the first */
      g_hash_table_add (done, g_memdup2 (&cid, sizeof cid));
      f.building = bcode;
      f.level = sqlite3_column_int (st, 11);
      f.space = (const char *)sqlite3_column_text (st, 10);
      f.panel_letters = g_hash_table_lookup (letters_of, &(gint64){ sqlite3_column_int64 (st, 6) });
      f.port = port_number (pname, sqlite3_column_int (st, 4));
      f.rack = (const char *)sqlite3_column_text (st, 9);
      f.unit = sqlite3_column_type (st, 8) == SQLITE_NULL ? 0 : (int)sqlite3_column_double (st, 8);
      f.panel = panel;
      text = enlace_label_format (t->pattern, &f);

      holder = g_hash_table_lookup (new_labels, text);
      if (holder)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Template %s gives two runs the label %s (cables %s and %s): add a placeholder that tells them apart"),
                       t->name, text, holder, old_label ? old_label : "?");
          return NULL;
        }
      g_hash_table_insert (new_labels, g_strdup (text), g_strdup (old_label ? old_label : text));
      if (g_strcmp0 (old_label, text) != 0)
        g_ptr_array_add (out, change_new ("cable", cid, old_label ? old_label : text, old_label, text));
      pkey = g_strdup_printf ("%s:%s", panel, pname);
      if (g_strcmp0 ((const char *)sqlite3_column_text (st, 5), text) != 0)
        g_ptr_array_add (out, change_new ("port", sqlite3_column_int64 (st, 2), pkey,
                                          (const char *)sqlite3_column_text (st, 5), text));
      if (sqlite3_column_type (st, 13) != SQLITE_NULL &&
          g_strcmp0 ((const char *)sqlite3_column_text (st, 17), "outlet") == 0 &&
          g_strcmp0 ((const char *)sqlite3_column_text (st, 15), text) != 0)
        {
          g_autofree char *okey = g_strdup_printf ("%s:%s", sqlite3_column_text (st, 16), sqlite3_column_text (st, 14));

          g_ptr_array_add (out, change_new ("port", sqlite3_column_int64 (st, 13), okey,
                                            (const char *)sqlite3_column_text (st, 15), text));
        }
    }
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Reading the runs"));
      return NULL;
    }

  /* a cable outside the set holding a new label */
  st = enlace_store_prepare (store, "SELECT id FROM cable WHERE label = ?1", error);
  if (st == NULL)
    return NULL;
  for (guint i = 0; i < out->len; i++)
    {
      EnlaceLabelChange *c = g_ptr_array_index (out, i);

      if (!g_str_equal (c->kind, "cable"))
        continue;
      sqlite3_reset (st);
      sqlite3_bind_text (st, 1, c->new_text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (st) == SQLITE_ROW && !g_hash_table_contains (done, &(gint64){ sqlite3_column_int64 (st, 0) }))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Cable %s would be labelled %s, but another cable, not renamed, has that label"),
                       c->object, c->new_text);
          sqlite3_reset (st);
          return NULL;
        }
    }
  sqlite3_reset (st);
  return g_steal_pointer (&out);
}

gboolean
enlace_labels_apply (EnlaceStore       *store,
                     const char        *name,
                     const char        *building,
                     const char        *level,
                     EnlaceLabelsWhich  which,
                     guint             *n_changed,
                     GError           **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *st;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  label = g_strdup_printf (_("Apply labels %s"), name);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  changes = enlace_labels_preview (store, name, building, level, which, error);
  if (changes == NULL)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  /* cables first free their labels (a swap of two labels is allowed) */
  for (int pass = 0; pass < 2; pass++)
    {
      st = enlace_store_prepare (store, "UPDATE cable SET label = ?2 WHERE id = ?1", error);
      if (st == NULL)
        {
          enlace_store_rollback (store);
          return FALSE;
        }
      for (guint i = 0; i < changes->len; i++)
        {
          EnlaceLabelChange *c = g_ptr_array_index (changes, i);

          if (!g_str_equal (c->kind, "cable"))
            continue;
          sqlite3_reset (st);
          sqlite3_bind_int64 (st, 1, c->id);
          if (pass == 1)
            sqlite3_bind_text (st, 2, c->new_text, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (st, 2);
          if (sqlite3_step (st) != SQLITE_DONE)
            {
              enlace_store_set_sql_error (store, error, c->object);
              sqlite3_reset (st);
              enlace_store_rollback (store);
              return FALSE;
            }
        }
      sqlite3_reset (st);
    }
  st = enlace_store_prepare (store, "UPDATE port SET label = ?2 WHERE id = ?1", error);
  if (st == NULL)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      EnlaceLabelChange *c = g_ptr_array_index (changes, i);

      if (!g_str_equal (c->kind, "port"))
        continue;
      sqlite3_reset (st);
      sqlite3_bind_int64 (st, 1, c->id);
      sqlite3_bind_text (st, 2, c->new_text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (st) != SQLITE_DONE)
        {
          enlace_store_set_sql_error (store, error, c->object);
          sqlite3_reset (st);
          enlace_store_rollback (store);
          return FALSE;
        }
    }
  sqlite3_reset (st);
  if (n_changed)
    *n_changed = changes->len;
  return enlace_store_commit (store, error);
}
