/* enlace-design-place.c: outlets in bulk, by rule */
#define G_LOG_DOMAIN "enlace-design"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-design.h"
#include "enlace-plan.h"
#include "enlace-store-private.h"

#define CORNER   0.3    /* no outlet closer to a corner, m */
#define INSET    0.05   /* from the wall's line into the space, m */

void
enlace_design_rule_init (EnlaceDesignRule *rule)
{
  g_return_if_fail (rule != NULL);

  memset (rule, 0, sizeof *rule);
  rule->m2_per_workstation = 10;
  rule->outlets_per_workstation = 1;
  rule->min_outlets = 1;
  rule->n_data = 2;
  rule->n_voice = 0;
  rule->walls = ENLACE_DESIGN_WALL_ALL;
  rule->height = 0.3;
}

guint
enlace_design_walls_parse (const char  *text,
                           GError     **error)
{
  static const struct { const char *name; guint bit; } sides[] = {
    { "north", ENLACE_DESIGN_WALL_NORTH }, { "n", ENLACE_DESIGN_WALL_NORTH },
    { "east", ENLACE_DESIGN_WALL_EAST }, { "e", ENLACE_DESIGN_WALL_EAST },
    { "south", ENLACE_DESIGN_WALL_SOUTH }, { "s", ENLACE_DESIGN_WALL_SOUTH },
    { "west", ENLACE_DESIGN_WALL_WEST }, { "w", ENLACE_DESIGN_WALL_WEST },
    { "all", ENLACE_DESIGN_WALL_ALL },
  };
  g_auto(GStrv) parts = NULL;
  guint bits = 0;

  g_return_val_if_fail (text != NULL, 0);

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      const char *p = g_strstrip (parts[i]);
      gboolean found = FALSE;

      if (*p == '\0')
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (sides); k++)
        if (g_ascii_strcasecmp (p, sides[k].name) == 0)
          {
            bits |= sides[k].bit;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("“%s” is not a side of a space: use north, east, south, west or all"), p);
          return 0;
        }
    }
  if (bits == 0)
    g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                 _("Name at least one wall side: north, east, south, west or all"));
  return bits;
}

void
enlace_design_outlet_free (EnlaceDesignOutlet *outlet)
{
  if (outlet == NULL)
    return;
  g_free (outlet->space_code);
  g_free (outlet->name);
  g_free (outlet);
}

static gboolean
kind_applies (const EnlaceDesignRule *rule,
              const char             *kind)
{
  static const char *skipped[] = { "telecom-room", "equipment-room", "entrance-facility", "other" };

  if (rule->kinds != NULL)
    return g_strv_contains ((const char * const *)rule->kinds, kind);
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_strcmp0 (kind, skipped[i]) == 0)
      return FALSE;
  return TRUE;
}

typedef struct
{
  EnlacePoint a;
  EnlacePoint dir;     /* unit */
  EnlacePoint inward;  /* unit */
  double      len;     /* usable, from a + CORNER·dir */
  double      corner;
} Wall;

static guint
side_of (EnlacePoint outward)
{
  if (fabs (outward.x) >= fabs (outward.y))
    return outward.x > 0 ? ENLACE_DESIGN_WALL_EAST : ENLACE_DESIGN_WALL_WEST;
  return outward.y < 0 ? ENLACE_DESIGN_WALL_NORTH : ENLACE_DESIGN_WALL_SOUTH;
}

/* The walls of an outline facing @sides, with the length usable for
 * outlets; all of them when none faces @sides. */
static GArray *
walls_of (const EnlacePoint *pts,
          guint              n,
          guint              sides)
{
  GArray *walls = g_array_new (FALSE, FALSE, sizeof (Wall));

  for (int pass = 0; pass < 3 && walls->len == 0; pass++)
    for (guint i = 0; i < n; i++)
      {
        EnlacePoint a = pts[i], b = pts[(i + 1) % n];
        double len = enlace_point_distance (a, b);
        double corner = pass == 2 ? 0 : CORNER;
        EnlacePoint mid, probe;
        Wall w;

        if (len < 1e-6)
          continue;
        w.a = a;
        w.dir = (EnlacePoint) { (b.x - a.x) / len, (b.y - a.y) / len };
        w.inward = (EnlacePoint) { -w.dir.y, w.dir.x };
        mid = (EnlacePoint) { (a.x + b.x) / 2, (a.y + b.y) / 2 };
        probe = (EnlacePoint) { mid.x + w.inward.x * 0.01, mid.y + w.inward.y * 0.01 };
        if (!enlace_polygon_contains (pts, n, probe))
          w.inward = (EnlacePoint) { -w.inward.x, -w.inward.y };
        if (pass == 0 && !(side_of ((EnlacePoint) { -w.inward.x, -w.inward.y }) & sides))
          continue;
        w.corner = corner;
        w.len = len - 2 * corner;
        if (w.len <= 0)
          continue;
        g_array_append_val (walls, w);
      }
  return walls;
}

static double
round_cm (double v)
{
  return floor (v * 100.0 + 0.5) / 100.0;
}

/* The points of @count outlets spread evenly along @walls. */
static void
spread (GArray                 *walls,
        guint                   count,
        const EnlaceDesignRule *rule,
        GPtrArray              *out,
        gint64                  floor_id,
        gint64                  space_id,
        const char             *space_code)
{
  double total = 0;

  for (guint i = 0; i < walls->len; i++)
    total += g_array_index (walls, Wall, i).len;
  for (guint k = 0; k < count; k++)
    {
      double t = (k + 0.5) * total / count;
      EnlaceDesignOutlet *o;
      Wall *w = NULL;

      for (guint i = 0; i < walls->len; i++)
        {
          w = &g_array_index (walls, Wall, i);
          if (t <= w->len || i + 1 == walls->len)
            break;
          t -= w->len;
        }
      t = MIN (t, w->len) + w->corner;
      o = g_new0 (EnlaceDesignOutlet, 1);
      o->floor_id = floor_id;
      o->space_id = space_id;
      o->space_code = g_strdup (space_code);
      o->p.x = round_cm (w->a.x + w->dir.x * t + w->inward.x * INSET);
      o->p.y = round_cm (w->a.y + w->dir.y * t + w->inward.y * INSET);
      o->rotation = fmod (round (atan2 (w->inward.y, w->inward.x) * 180 / G_PI) + 360, 360);
      o->n_data = rule->n_data;
      o->n_voice = rule->n_voice;
      o->height = rule->height;
      g_ptr_array_add (out, o);
    }
}

/* The outlet labels of a floor from @first ("C-1A-001") on. */
static void
name_outlets (GPtrArray  *outlets,
              const char *first)
{
  gsize len = strlen (first);
  gsize digits = 0;
  g_autofree char *prefix = NULL;
  long n;

  while (digits < len && g_ascii_isdigit (first[len - digits - 1]))
    digits++;
  prefix = g_strndup (first, len - digits);
  n = digits > 0 ? strtol (first + len - digits, NULL, 10) : 1;
  for (guint i = 0; i < outlets->len; i++)
    {
      EnlaceDesignOutlet *o = g_ptr_array_index (outlets, i);

      /* an outlet that is there keeps its name */
      if (o->outlet_id != 0)
        continue;
      g_free (o->name);
      o->name = g_strdup_printf ("%s%0*ld", prefix, (int) MAX (digits, 3), n++);
    }
}

GPtrArray *
enlace_design_place_preview (EnlaceStore             *store,
                             gint64                   floor_id,
                             const gint64            *space_ids,
                             guint                    n_spaces,
                             const EnlaceDesignRule  *rule,
                             GError                 **error)
{
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GHashTable) there = NULL;     /* space → outlets there */
  g_autoptr(GPtrArray) uncabled = NULL;   /* outlets there without a run */
  g_autofree char *first = NULL;
  sqlite3_stmt *stmt;
  gint64 first_space = 0;
  guint n_seen = 0, n_enough = 0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->n_data + rule->n_voice == 0 || rule->n_data + rule->n_voice > 24)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("An outlet has from 1 to 24 jacks: the rule gives %u"), rule->n_data + rule->n_voice);
      return NULL;
    }
  if (rule->outlets_per_workstation == 0 && rule->min_outlets == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The rule places no outlet: give outlets per workstation or a minimum per space"));
      return NULL;
    }
  if (rule->walls == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The rule names no wall to place outlets on"));
      return NULL;
    }
  stmt = enlace_store_prepare (store, "SELECT 1 FROM floor WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no floor %lld to place outlets on"), (long long) floor_id);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (space_ids != NULL && n_spaces > 0)
    {
      wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < n_spaces; i++)
        g_hash_table_add (wanted, g_memdup2 (&space_ids[i], sizeof (gint64)));
    }

  /* The outlets already there count toward the rule, and those without a
   * run yet are routed with the new ones (their names and places kept). */
  there = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = enlace_store_prepare (store,
                               "SELECT d.space_id, count(*) FROM device d JOIN space s ON s.id = d.space_id "
                               "WHERE s.floor_id = ?1 AND d.role = 'outlet' AND d.status <> 'retired' "
                               "GROUP BY d.space_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (there, g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  uncabled = enlace_design_floor_outlets (store, floor_id, TRUE, error);
  if (uncabled == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_design_outlet_free);
  stmt = enlace_store_prepare (store,
                               "SELECT id, code, kind, outline FROM space WHERE floor_id = ?1 ORDER BY code, id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *code = (const char *)sqlite3_column_text (stmt, 1);
      const char *kind = (const char *)sqlite3_column_text (stmt, 2);
      const char *outline = (const char *)sqlite3_column_text (stmt, 3);
      g_autoptr(GArray) pts = NULL;
      g_autoptr(GArray) walls = NULL;
      double area;
      guint count, ws;

      if (wanted != NULL)
        {
          if (!g_hash_table_contains (wanted, &id))
            continue;
          n_seen++;
        }
      else if (!kind_applies (rule, kind))
        continue;
      if (outline == NULL || (pts = enlace_points_parse (outline, NULL)) == NULL || pts->len < 3)
        {
          if (wanted == NULL)
            continue;
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("Space %s is not drawn on the plan: draw its outline before placing outlets in it"), code);
          sqlite3_reset (stmt);
          return NULL;
        }
      area = fabs (enlace_polygon_area ((EnlacePoint *)pts->data, pts->len));
      ws = rule->m2_per_workstation > 0 ? (guint) ceil (area / rule->m2_per_workstation - 1e-9) : 1;
      count = MAX (rule->min_outlets, ws * rule->outlets_per_workstation);
      /* the space's outlets without a run: routed with the new ones */
      for (guint i = 0; i < uncabled->len; i++)
        {
          EnlaceDesignOutlet *u = g_ptr_array_index (uncabled, i);

          if (u->space_id == id && u->outlet_id != 0)
            {
              g_ptr_array_add (out, g_ptr_array_steal_index (uncabled, i--) );
              if (first_space == 0)
                first_space = id;
            }
        }
      {
        guint have = GPOINTER_TO_UINT (g_hash_table_lookup (there, &id));

        if (have >= count)
          {
            if (count > 0)
              n_enough++;
            continue;
          }
        count -= have;
      }
      walls = walls_of ((EnlacePoint *)pts->data, pts->len, rule->walls);
      if (walls->len == 0)
        continue;
      if (first_space == 0)
        first_space = id;
      spread (walls, count, rule, out, floor_id, id, code);

    }
  sqlite3_reset (stmt);

  if (wanted != NULL && n_seen < g_hash_table_size (wanted))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("Some of the chosen spaces are not on this floor"));
      return NULL;
    }
  if (out->len == 0 && n_enough > 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The rule places no outlet: the %u space it applies to has its outlets already, each with its run",
                                "The rule places no outlet: the %u spaces it applies to have their outlets already, each with its run",
                                n_enough), n_enough);
      return NULL;
    }
  if (out->len == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The rule places no outlet on this floor: no drawn space of the kinds it applies to"));
      return NULL;
    }
  first = enlace_plan_next_outlet_name (store, first_space);
  if (first == NULL)
    first = g_strdup ("001");
  name_outlets (out, first);
  return g_steal_pointer (&out);
}

gboolean
enlace_design_place_apply (EnlaceStore  *store,
                           GPtrArray    *outlets,
                           GError      **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (outlets != NULL, FALSE);

  if (outlets->len == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID, _("There are no outlets to place"));
      return FALSE;
    }
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Place %u outlet by rule", "Place %u outlets by rule",
                                        outlets->len), outlets->len);
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  for (guint i = 0; i < outlets->len; i++)
    {
      EnlaceDesignOutlet *o = g_ptr_array_index (outlets, i);

      if (o->outlet_id != 0)
        continue;
      o->outlet_id = enlace_plan_add_outlet_at (store, o->space_id, o->p, o->rotation, o->name,
                                                o->n_data, o->n_voice, error);
      if (o->outlet_id == 0)
        {
          enlace_store_rollback (store);
          for (guint k = 0; k < outlets->len; k++)
            ((EnlaceDesignOutlet *) g_ptr_array_index (outlets, k))->outlet_id = 0;
          return FALSE;
        }
    }
  return enlace_store_commit (store, error);
}

GPtrArray *
enlace_design_floor_outlets (EnlaceStore  *store,
                             gint64        floor_id,
                             gboolean      uncabled_only,
                             GError      **error)
{
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  stmt = enlace_store_prepare (store,
                               "SELECT d.id, d.name, d.x, d.y, d.rotation, s.id, s.code, "
                               " (SELECT count(*) FROM port p WHERE p.device_id = d.id AND p.kind = 'front' AND p.medium <> 'voice'), "
                               " (SELECT count(*) FROM port p WHERE p.device_id = d.id AND p.kind = 'front' AND p.medium = 'voice') "
                               "FROM device d JOIN space s ON s.id = d.space_id "
                               "WHERE s.floor_id = ?1 AND d.role = 'outlet' AND d.x IS NOT NULL AND d.y IS NOT NULL "
                               "AND (?2 = 0 OR NOT EXISTS (SELECT 1 FROM port p JOIN cable_end ce ON ce.port_id = p.id "
                               "                          WHERE p.device_id = d.id)) "
                               "ORDER BY s.code, s.id, d.name",
                               error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify)enlace_design_outlet_free);
  sqlite3_bind_int64 (stmt, 1, floor_id);
  sqlite3_bind_int (stmt, 2, uncabled_only ? 1 : 0);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EnlaceDesignOutlet *o = g_new0 (EnlaceDesignOutlet, 1);

      o->outlet_id = sqlite3_column_int64 (stmt, 0);
      o->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      o->p.x = sqlite3_column_double (stmt, 2);
      o->p.y = sqlite3_column_double (stmt, 3);
      o->rotation = sqlite3_column_double (stmt, 4);
      o->floor_id = floor_id;
      o->space_id = sqlite3_column_int64 (stmt, 5);
      o->space_code = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      o->n_data = sqlite3_column_int (stmt, 7);
      o->n_voice = sqlite3_column_int (stmt, 8);
      o->height = 0;
      g_ptr_array_add (out, o);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}
