/* enlace-labels.c: the texts of the installers' labels */
#define G_LOG_DOMAIN "enlace-labels"
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "enlace-labels.h"
#include "enlace-store-private.h"

static const struct
{
  const char *name;
  const char *title;
  const char *source;
} kinds[ENLACE_LABEL_N_KINDS] = {
  [ENLACE_LABEL_KIND_CABLE] = { "cable", N_("Cable labels"), "cable" },
  [ENLACE_LABEL_KIND_PANEL] = { "panel", N_("Patch-panel port strips"), "device" },
  [ENLACE_LABEL_KIND_FACEPLATE] = { "faceplate", N_("Faceplate labels"), "device" },
  [ENLACE_LABEL_KIND_RACK] = { "rack", N_("Rack labels"), "rack" },
  [ENLACE_LABEL_KIND_DEVICE] = { "device", N_("Device labels"), "device" },
};

const char *
enlace_label_kind_to_string (EnlaceLabelKind kind)
{
  g_return_val_if_fail ((guint) kind < ENLACE_LABEL_N_KINDS, NULL);
  return kinds[kind].name;
}

gboolean
enlace_label_kind_from_string (const char      *name,
                               EnlaceLabelKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < ENLACE_LABEL_N_KINDS; i++)
    if (g_ascii_strcasecmp (name, kinds[i].name) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
enlace_label_kind_title (EnlaceLabelKind kind)
{
  g_return_val_if_fail ((guint) kind < ENLACE_LABEL_N_KINDS, NULL);
  return _(kinds[kind].title);
}

const char *
enlace_label_kind_source (EnlaceLabelKind kind)
{
  g_return_val_if_fail ((guint) kind < ENLACE_LABEL_N_KINDS, NULL);
  return kinds[kind].source;
}

static void
label_cell_free (gpointer data)
{
  EnlaceLabelCell *cell = data;

  g_free (cell->name);
  g_free (cell->detail);
  g_free (cell);
}

void
enlace_label_free (EnlaceLabel *label)
{
  if (label == NULL)
    return;
  g_free (label->text);
  g_free (label->detail);
  g_free (label->qr);
  g_clear_pointer (&label->cells, g_ptr_array_unref);
  g_free (label);
}

static EnlaceLabel *
label_new (EnlaceLabelKind kind,
           gint64          id)
{
  EnlaceLabel *label = g_new0 (EnlaceLabel, 1);

  label->kind = kind;
  label->object_kind = kinds[kind].source;
  label->object_id = id;
  return label;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

/* Where a device stands: its space (or its rack's), floor, building. */
#define DEVICE_PLACE \
  " LEFT JOIN rack r ON r.id = d.rack_id" \
  " LEFT JOIN space s ON s.id = COALESCE (d.space_id, r.space_id)" \
  " LEFT JOIN floor f ON f.id = s.floor_id" \
  " LEFT JOIN building b ON b.id = f.building_id"
#define IN_SCOPE \
  " (?1 = 0 OR f.building_id = ?1) AND (?2 = 0 OR s.floor_id = ?2) AND (?3 = 0 OR d.rack_id = ?3)"
#define SPACE_KEY "b.code || '/' || f.level || '/' || s.code"

static void
bind_scope (sqlite3_stmt           *stmt,
            const EnlaceLabelScope *scope)
{
  sqlite3_bind_int64 (stmt, 1, scope ? scope->building_id : 0);
  sqlite3_bind_int64 (stmt, 2, scope ? scope->floor_id : 0);
  sqlite3_bind_int64 (stmt, 3, scope ? scope->rack_id : 0);
}

/* The ids in scope, in label order. */
static GArray *
ids_in_scope (EnlaceStore            *store,
              EnlaceLabelKind         kind,
              const EnlaceLabelScope *scope,
              GError                **error)
{
  const char *sql = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  switch (kind)
    {
    case ENLACE_LABEL_KIND_CABLE:
      sql = "SELECT c.id FROM cable c WHERE (?1 = 0 AND ?2 = 0 AND ?3 = 0) OR EXISTS ("
            " SELECT 1 FROM cable_end ce JOIN port p ON p.id = ce.port_id"
            " JOIN device d ON d.id = p.device_id" DEVICE_PLACE
            " WHERE ce.cable_id = c.id AND" IN_SCOPE ")"
            " ORDER BY c.label IS NULL, c.label COLLATE NOCASE, c.id";
      break;
    case ENLACE_LABEL_KIND_PANEL:
    case ENLACE_LABEL_KIND_DEVICE:
      sql = kind == ENLACE_LABEL_KIND_PANEL
        ? "SELECT d.id FROM device d" DEVICE_PLACE " WHERE d.role = 'patch-panel' AND" IN_SCOPE
          " ORDER BY r.name, d.u_position DESC, d.name"
        : "SELECT d.id FROM device d" DEVICE_PLACE " WHERE d.role <> 'outlet' AND" IN_SCOPE
          " ORDER BY r.name IS NULL, r.name, d.u_position DESC, d.name";
      break;
    case ENLACE_LABEL_KIND_FACEPLATE:
      sql = "SELECT d.id FROM device d" DEVICE_PLACE " WHERE d.role = 'outlet' AND" IN_SCOPE
            " ORDER BY b.code, f.level, s.code, d.name";
      break;
    case ENLACE_LABEL_KIND_RACK:
      sql = "SELECT r.id FROM rack r JOIN space s ON s.id = r.space_id JOIN floor f ON f.id = s.floor_id"
            " WHERE (?1 = 0 OR f.building_id = ?1) AND (?2 = 0 OR s.floor_id = ?2) AND (?3 = 0 OR r.id = ?3)"
            " ORDER BY r.name";
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  stmt = enlace_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_scope (stmt, scope);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Labels"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* The terminations of each end of a cable: "SW-01:Gi1/0/1". */
static char *
cable_end_text (EnlaceStore *store,
                gint64       cable_id,
                const char  *end)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
    "SELECT group_concat (t, ', ') FROM ("
    " SELECT COALESCE (d.name || ':' || p.name, ci.cid || ':' || ct.side) AS t"
    " FROM cable_end ce LEFT JOIN port p ON p.id = ce.port_id LEFT JOIN device d ON d.id = p.device_id"
    " LEFT JOIN circuit_termination ct ON ct.id = ce.termination_id LEFT JOIN circuit ci ON ci.id = ct.circuit_id"
    " WHERE ce.cable_id = ?1 AND ce.end = ?2 ORDER BY ce.seq, ce.id)", NULL);
  char *text = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, cable_id);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text ? text : g_strdup ("");
}

static gboolean
add_cable_labels (EnlaceStore  *store,
                  gint64        id,
                  GPtrArray    *out,
                  GError      **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT label FROM cable WHERE id = ?1", error);
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Labels: there is no cable with id %lld"), (long long) id);
      return FALSE;
    }
  text = sqlite3_column_type (stmt, 0) == SQLITE_NULL || column_text (stmt, 0)[0] == '\0'
    ? g_strdup_printf (_("Cable %lld"), (long long) id)
    : g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);

  a = cable_end_text (store, id, "A");
  b = cable_end_text (store, id, "B");
  for (guint end = 0; end < 2; end++)
    {
      EnlaceLabel *label = label_new (ENLACE_LABEL_KIND_CABLE, id);
      const char *here = end == 0 ? a : b;
      const char *there = end == 0 ? b : a;

      label->text = g_strdup (text);
      label->qr = g_strdup (text);
      /* TRANSLATORS: a cable label's second line: end letter, this end → the far end */
      label->detail = g_strdup_printf (_("%s: %s → %s"), end == 0 ? "A" : "B",
                                       here[0] ? here : "—", there[0] ? there : "—");
      g_ptr_array_add (out, label);
    }
  return TRUE;
}

/* The cells of a strip or faceplate: ports of @device_id and where they
 * lead; for a panel (@through_rear) from each front port through its
 * rear port's cable, for an outlet through the jack's own cable. */
static GPtrArray *
port_cells (EnlaceStore  *store,
            gint64        device_id,
            gboolean      through_rear,
            GError      **error)
{
  const char *sql = through_rear
    ? "SELECT COALESCE (NULLIF (p.label, ''), p.name),"
      " (SELECT group_concat (fd.name, ' ') FROM port_mapping m"
      "  JOIN cable_end ce ON ce.port_id = m.rear_port_id"
      "  JOIN cable_end oe ON oe.cable_id = ce.cable_id AND oe.end <> ce.end"
      "  JOIN port fp ON fp.id = oe.port_id JOIN device fd ON fd.id = fp.device_id"
      "  WHERE m.front_port_id = p.id)"
      " FROM port p WHERE p.device_id = ?1 AND p.kind = 'front' ORDER BY p.seq, p.id"
    : "SELECT COALESCE (NULLIF (p.label, ''), p.name),"
      " (SELECT group_concat (fd.name || ':' || fp.name, ' ') FROM cable_end ce"
      "  JOIN cable_end oe ON oe.cable_id = ce.cable_id AND oe.end <> ce.end"
      "  JOIN port fp ON fp.id = oe.port_id JOIN device fd ON fd.id = fp.device_id"
      "  WHERE ce.port_id = p.id)"
      " FROM port p WHERE p.device_id = ?1 AND p.kind <> 'rear' ORDER BY p.seq, p.id";
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, error);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (label_cell_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, device_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EnlaceLabelCell *cell = g_new0 (EnlaceLabelCell, 1);

      cell->name = g_strdup (column_text (stmt, 0));
      cell->detail = g_strdup (column_text (stmt, 1));
      g_ptr_array_add (cells, cell);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Labels"));
      return NULL;
    }
  return g_steal_pointer (&cells);
}

static gboolean
add_device_label (EnlaceStore      *store,
                  EnlaceLabelKind   kind,
                  gint64            id,
                  GPtrArray        *out,
                  GError          **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
    "SELECT d.name, d.role, r.name, d.u_position, " SPACE_KEY ","
    " dt.manufacturer || ' ' || dt.model, d.asset_tag"
    " FROM device d" DEVICE_PLACE
    " LEFT JOIN device_type dt ON dt.id = d.device_type_id WHERE d.id = ?1", error);
  g_autoptr(EnlaceLabel) label = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *place = NULL;
  g_autofree char *model = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Labels: there is no device with id %lld"), (long long) id);
      return FALSE;
    }
  name = g_strdup (column_text (stmt, 0));
  role = g_strdup (column_text (stmt, 1));
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        /* TRANSLATORS: where a device is: rack name and unit */
        place = g_strdup_printf (_("%s U%g"), column_text (stmt, 2), sqlite3_column_double (stmt, 3));
      else
        place = g_strdup (column_text (stmt, 2));
    }
  else
    place = g_strdup (column_text (stmt, 4));
  model = g_strdup (column_text (stmt, 5));
  sqlite3_reset (stmt);

  if (kind == ENLACE_LABEL_KIND_PANEL && strcmp (role, "patch-panel") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Device “%s” is not a patch panel: only patch panels have port strips"), name);
      return FALSE;
    }
  if (kind == ENLACE_LABEL_KIND_FACEPLATE && strcmp (role, "outlet") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Device “%s” is not an outlet: only outlets have faceplate labels"), name);
      return FALSE;
    }

  label = label_new (kind, id);
  label->text = g_strdup (name);
  switch (kind)
    {
    case ENLACE_LABEL_KIND_PANEL:
      label->detail = g_strdup (place);
      label->cells = port_cells (store, id, TRUE, error);
      if (label->cells == NULL)
        return FALSE;
      break;
    case ENLACE_LABEL_KIND_FACEPLATE:
      label->detail = g_strdup (place);
      label->cells = port_cells (store, id, FALSE, error);
      if (label->cells == NULL)
        return FALSE;
      break;
    case ENLACE_LABEL_KIND_DEVICE:
    default:
      label->qr = g_strdup (name);
      label->detail = model[0] ? g_strdup_printf ("%s · %s", place, model) : g_strdup (place);
      break;
    }
  g_ptr_array_add (out, g_steal_pointer (&label));
  return TRUE;
}

static gboolean
add_rack_label (EnlaceStore  *store,
                gint64        id,
                GPtrArray    *out,
                GError      **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store,
    "SELECT r.name, " SPACE_KEY ", s.name, r.u_height FROM rack r"
    " LEFT JOIN space s ON s.id = r.space_id LEFT JOIN floor f ON f.id = s.floor_id"
    " LEFT JOIN building b ON b.id = f.building_id WHERE r.id = ?1", error);
  EnlaceLabel *label;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Labels: there is no rack with id %lld"), (long long) id);
      return FALSE;
    }
  label = label_new (ENLACE_LABEL_KIND_RACK, id);
  label->text = g_strdup (column_text (stmt, 0));
  label->qr = g_strdup (label->text);
  if (column_text (stmt, 2)[0])
    label->detail = g_strdup_printf ("%s · %s · %dU", column_text (stmt, 1), column_text (stmt, 2),
                                     sqlite3_column_int (stmt, 3));
  else
    label->detail = g_strdup_printf ("%s · %dU", column_text (stmt, 1), sqlite3_column_int (stmt, 3));
  sqlite3_reset (stmt);
  g_ptr_array_add (out, label);
  return TRUE;
}

GPtrArray *
enlace_labels_collect (EnlaceStore            *store,
                       EnlaceLabelKind         kind,
                       const EnlaceLabelScope *scope,
                       GError                **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GArray) found = NULL;
  GArray *ids;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint) kind < ENLACE_LABEL_N_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (scope && scope->ids && scope->ids->len > 0)
    ids = scope->ids;
  else
    {
      found = ids_in_scope (store, kind, scope, error);
      if (found == NULL)
        return NULL;
      ids = found;
    }

  labels = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_label_free);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean ok;

      switch (kind)
        {
        case ENLACE_LABEL_KIND_CABLE:
          ok = add_cable_labels (store, id, labels, error);
          break;
        case ENLACE_LABEL_KIND_RACK:
          ok = add_rack_label (store, id, labels, error);
          break;
        case ENLACE_LABEL_KIND_PANEL:
        case ENLACE_LABEL_KIND_FACEPLATE:
        case ENLACE_LABEL_KIND_DEVICE:
        default:
          ok = add_device_label (store, kind, id, labels, error);
          break;
        }
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&labels);
}

GPtrArray *
enlace_labels_collect_for (EnlaceStore      *store,
                           EnlaceLabelKind   kind,
                           const char       *ids_kind,
                           GArray           *ids,
                           guint            *n_skipped,
                           GError          **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GArray) one = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1);
  const char *source;
  guint skipped = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint) kind < ENLACE_LABEL_N_KINDS, NULL);
  g_return_val_if_fail (ids_kind != NULL && ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = enlace_label_kind_source (kind);
  if (strcmp (ids_kind, "outlet") == 0)
    ids_kind = "device";
  labels = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_label_free);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) some = NULL;
      g_autoptr(GError) local = NULL;
      EnlaceLabelScope scope = { 0 };

      if (strcmp (ids_kind, source) == 0)
        {
          g_array_set_size (one, 0);
          g_array_append_val (one, g_array_index (ids, gint64, i));
          scope.ids = one;
        }
      else if (strcmp (ids_kind, "rack") == 0 && strcmp (source, "device") == 0)
        scope.rack_id = g_array_index (ids, gint64, i);
      else
        {
          skipped++;
          continue;
        }
      some = enlace_labels_collect (store, kind, &scope, &local);
      if (some == NULL)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
            {
              skipped++;
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_ptr_array_extend_and_steal (labels, g_steal_pointer (&some));
    }
  if (n_skipped)
    *n_skipped = skipped;
  return g_steal_pointer (&labels);
}

gboolean
enlace_labels_kind_for (EnlaceStore     *store,
                        const char      *list_kind,
                        gint64           id,
                        EnlaceLabelKind *kind)
{
  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (list_kind == NULL)
    return FALSE;
  if (strcmp (list_kind, "cable") == 0)
    *kind = ENLACE_LABEL_KIND_CABLE;
  else if (strcmp (list_kind, "rack") == 0)
    *kind = ENLACE_LABEL_KIND_RACK;
  else if (strcmp (list_kind, "outlet") == 0)
    *kind = ENLACE_LABEL_KIND_FACEPLATE;
  else if (strcmp (list_kind, "device") == 0)
    {
      sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT role FROM device WHERE id = ?1", NULL);

      *kind = ENLACE_LABEL_KIND_DEVICE;
      if (stmt && id > 0)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              const char *role = column_text (stmt, 0);

              if (strcmp (role, "patch-panel") == 0)
                *kind = ENLACE_LABEL_KIND_PANEL;
              else if (strcmp (role, "outlet") == 0)
                *kind = ENLACE_LABEL_KIND_FACEPLATE;
            }
          sqlite3_reset (stmt);
        }
    }
  else
    return FALSE;
  return TRUE;
}
