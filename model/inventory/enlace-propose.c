/* enlace-propose.c: what a new cable or device should be */
#define G_LOG_DOMAIN "enlace-propose"
#include "config.h"

#include <string.h>

#include "enlace-propose.h"
#include "enlace-store-private.h"

void
enlace_cable_proposal_clear (EnlaceCableProposal *p)
{
  g_return_if_fail (p != NULL);

  g_clear_pointer (&p->kind, g_free);
  g_clear_pointer (&p->type, g_free);
  g_clear_pointer (&p->label, g_free);
  p->length_m = -1;
}

/* One end of the cable: the port, its device and where the device is. */
typedef struct
{
  char   *kind;        /* port kind */
  char   *medium;
  char   *role;        /* device role */
  gint64  device_id;
  gint64  rack_id;
  gint64  space_id;    /* the device's, else its rack's */
  gint64  building_id;
} End;

static void
end_clear (End *e)
{
  g_free (e->kind);
  g_free (e->medium);
  g_free (e->role);
}

static char *
col_dup (sqlite3_stmt *stmt,
         int           col)
{
  const unsigned char *t = sqlite3_column_text (stmt, col);

  return t ? g_strdup ((const char *) t) : NULL;
}

static void
load_end (EnlaceStore *store,
          gint64       port_id,
          End         *e)
{
  sqlite3_stmt *stmt;

  memset (e, 0, sizeof *e);
  stmt = enlace_store_prepare (store,
                               "SELECT p.kind, p.medium, d.role, d.id, COALESCE (d.rack_id, 0), "
                               "       COALESCE (d.space_id, r.space_id, 0), COALESCE (f.building_id, 0) "
                               "FROM port p JOIN device d ON d.id = p.device_id "
                               "LEFT JOIN rack r ON r.id = d.rack_id "
                               "LEFT JOIN space s ON s.id = COALESCE (d.space_id, r.space_id) "
                               "LEFT JOIN floor f ON f.id = s.floor_id "
                               "WHERE p.id = ?",
                               NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, port_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      e->kind = col_dup (stmt, 0);
      e->medium = col_dup (stmt, 1);
      e->role = col_dup (stmt, 2);
      e->device_id = sqlite3_column_int64 (stmt, 3);
      e->rack_id = sqlite3_column_int64 (stmt, 4);
      e->space_id = sqlite3_column_int64 (stmt, 5);
      e->building_id = sqlite3_column_int64 (stmt, 6);
    }
  sqlite3_reset (stmt);
}

static gboolean
is_outlet (const End *e)
{
  return g_strcmp0 (e->role, "outlet") == 0 || g_strcmp0 (e->role, "consolidation-point") == 0;
}

static gboolean
is_pass_through (const End *e)
{
  return g_strcmp0 (e->kind, "front") == 0 || g_strcmp0 (e->kind, "rear") == 0;
}

char *
enlace_cable_propose_label (EnlaceStore *store,
                            const char  *kind)
{
  const char *prefix = "C";
  guint start;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (g_strcmp0 (kind, "horizontal") == 0)
    prefix = "H";
  else if (g_strcmp0 (kind, "backbone") == 0)
    prefix = "BB";
  else if (g_strcmp0 (kind, "patch-cord") == 0)
    prefix = "PC";
  else if (g_strcmp0 (kind, "equipment-cord") == 0)
    prefix = "EC";

  /* the first free number among the low ones, else after the count */
  for (guint n = 1; n <= 64; n++)
    {
      g_autofree char *label = g_strdup_printf ("%s-%04u", prefix, n);
      if (enlace_store_lookup (store, "cable", label, NULL) == 0)
        return g_steal_pointer (&label);
    }
  start = enlace_store_count (store, "cable") + 1;
  for (guint n = start; n < start + 100000; n++)
    {
      g_autofree char *label = g_strdup_printf ("%s-%04u", prefix, n);
      if (enlace_store_lookup (store, "cable", label, NULL) == 0)
        return g_steal_pointer (&label);
    }
  return NULL;
}

void
enlace_cable_propose (EnlaceStore         *store,
                      gint64               port_a,
                      gint64               port_b,
                      EnlaceCableProposal *out)
{
  End a, b;
  const char *kind;
  const char *type;
  double length = -1;
  gboolean same_space, same_building;

  g_return_if_fail (ENLACE_IS_STORE (store));
  g_return_if_fail (out != NULL);

  load_end (store, port_a, &a);
  load_end (store, port_b, &b);
  same_space = a.space_id > 0 && a.space_id == b.space_id;
  same_building = a.building_id > 0 && a.building_id == b.building_id;

  if (is_outlet (&a) != is_outlet (&b) && g_strcmp0 ((is_outlet (&a) ? &a : &b)->kind, "rear") == 0)
    kind = "horizontal";                       /* panel in the TR to the wall outlet */
  else if (is_pass_through (&a) && is_pass_through (&b) && !same_space)
    kind = "backbone";                         /* panel to panel between rooms */
  else if (!is_pass_through (&a) && !is_pass_through (&b))
    kind = same_space ? "equipment-cord" : "patch-cord";
  else
    kind = "patch-cord";                       /* switch to panel, desk to jack */

  if (g_strcmp0 (a.medium, "fibre") == 0 || g_strcmp0 (b.medium, "fibre") == 0)
    type = g_strcmp0 (kind, "backbone") == 0 && !same_building ? "os2" : "om4";
  else if (g_strcmp0 (a.medium, "voice") == 0 || g_strcmp0 (b.medium, "voice") == 0)
    type = g_strcmp0 (kind, "backbone") == 0 ? "multipair" : "cat3";
  else
    type = "cat6";

  if (g_strcmp0 (kind, "patch-cord") == 0 || g_strcmp0 (kind, "equipment-cord") == 0)
    length = a.rack_id > 0 && a.rack_id == b.rack_id ? 1 : 3;

  enlace_cable_proposal_clear (out);
  out->kind = g_strdup (kind);
  out->type = g_strdup (type);
  out->label = enlace_cable_propose_label (store, kind);
  out->length_m = length;

  end_clear (&a);
  end_clear (&b);
}

static const char *
prefix_for_role (const char *role)
{
  static const struct { const char *role, *prefix; } prefixes[] = {
    { "switch", "SW" }, { "router", "RT" }, { "firewall", "FW" }, { "server", "SRV" },
    { "pbx", "PBX" }, { "patch-panel", "PP" }, { "access-point", "AP" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_strcmp0 (prefixes[i].role, role) == 0)
      return prefixes[i].prefix;
  return "EQ";
}

char *
enlace_device_propose_name (EnlaceStore *store,
                            const char  *role)
{
  const char *prefix = prefix_for_role (role);

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  for (guint n = 1; n < 100000; n++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u", prefix, n);

      if (enlace_store_lookup (store, "device", name, NULL) == 0)
        return g_steal_pointer (&name);
    }
  return g_strdup (prefix);
}
