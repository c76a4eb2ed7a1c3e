/* enlace-rules-check.c: the check of a floor, a building or the campus
 * against the project's cabling rules (see enlace-rules.h for what is
 * measured) */
#define G_LOG_DOMAIN "enlace-rules"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "enlace-geometry.h"
#include "enlace-rules.h"
#include "enlace-format.h"
#include "enlace-rules-private.h"
#include "enlace-store-private.h"
#include "enlace-trace.h"
#include "enlace-trace-lookup.h"

typedef struct
{
  EnlaceStore      *store;
  EnlaceTracer     *tracer;
  EnlaceRuleSet    *rules;
  EnlaceRuleReport *report;
  GHashTable       *cps;      /* consolidation points reported */
  double pl_max, ch_max, cords_max, cord_max, conn_link, conn_ch, cp_min;
  const char *app_copper, *app_mm, *app_sm;
} Check;

/* A cable's label, kind, type and length, and a port's device, from the
 * tracer's graph: the paths the check walks are the tracer's, so when it
 * is warm every hop is known without a query. */
static gboolean
cable_info (Check             *ck,
            gint64             id,
            EnlaceTracerCable *c)
{
  return _enlace_tracer_lookup_cable (ck->tracer, id, c);
}

static gboolean
port_info (Check            *ck,
           gint64            id,
           EnlaceTracerPort *p)
{
  return _enlace_tracer_lookup_port (ck->tracer, id, p);
}

static char *
cable_name (Check  *ck,
            gint64  id)
{
  EnlaceTracerCable c;

  if (cable_info (ck, id, &c) && c.label)
    return g_strdup (c.label);
  return g_strdup_printf ("#%lld", (long long) id);
}

/* ---------------------------------------------------------------- failures */

static EnlaceRuleFailure *
failure_new (Check      *ck,
             const char *rule,
             const char *rule_name,
             double      value,
             double      limit,
             const char *unit,
             gint64      floor_id,
             char       *message)
{
  EnlaceRuleFailure *f = g_new0 (EnlaceRuleFailure, 1);

  f->rule = rule;
  f->rule_name = g_intern_string (rule_name);  /* the set may go before the report */
  f->value = value;
  f->limit = limit;
  f->unit = unit;
  f->floor_id = floor_id;
  f->message = message;
  f->objects = g_array_new (FALSE, TRUE, sizeof (EnlaceRuleObject));
  g_ptr_array_add (ck->report->failures, f);
  return f;
}

static void
failure_add (Check             *ck,
             EnlaceRuleFailure *f,
             const char        *kind,
             gint64             id)
{
  EnlaceRuleObject o = { kind, id, NULL };

  for (guint i = 0; i < f->objects->len; i++)
    {
      EnlaceRuleObject *e = &g_array_index (f->objects, EnlaceRuleObject, i);

      if (e->id == id && strcmp (e->kind, kind) == 0)
        return;
    }
  if (strcmp (kind, "cable") == 0)
    o.key = cable_name (ck, id);
  else
    o.key = enlace_store_dup_key (ck->store, kind, id);
  if (o.key == NULL)
    o.key = g_strdup_printf ("#%lld", (long long) id);
  g_array_append_val (f->objects, o);
}

static void
failure_add_cables (Check             *ck,
                    EnlaceRuleFailure *f,
                    GArray            *cables)
{
  for (guint i = 0; i < cables->len; i++)
    failure_add (ck, f, "cable", g_array_index (cables, gint64, i));
}

static char *
cables_text (Check  *ck,
             GArray *cables)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cables->len; i++)
    {
      g_autofree char *name = cable_name (ck, g_array_index (cables, gint64, i));

      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, name);
    }
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------- links */

/* The length of the work-area cord on the jack in front of @rear_port, 0
 * when none is recorded; its id in @cord_id. */
static double
work_area_cord (Check  *ck,
                gint64  rear_port,
                gint64 *cord_id)
{
  sqlite3_stmt *stmt;
  double len = 0;

  *cord_id = 0;
  stmt = enlace_store_prepare (ck->store,
                               "SELECT e.cable_id FROM port_mapping m "
                               "JOIN cable_end e ON e.port_id = m.front_port_id "
                               "WHERE m.rear_port_id = ? LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, rear_port);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *cord_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (*cord_id != 0)
    {
      EnlaceTracerCable c;

      if (cable_info (ck, *cord_id, &c) && c.has_length)
        len = c.length;
    }
  return len;
}

static void
check_cord (Check       *ck,
            gint64       cable_id,
            const char  *outlet,
            gint64       outlet_id,
            gint64       floor_id)
{
  EnlaceTracerCable c;
  EnlaceRuleFailure *f;
  g_autofree char *name = NULL;

  if (!cable_info (ck, cable_id, &c) || !c.has_length || isnan (ck->cord_max) || c.length <= ck->cord_max)
    return;
  name = cable_name (ck, cable_id);
  f = failure_new (ck, "cord", "cord.max-m", c.length, ck->cord_max, "m", floor_id,
                   g_strdup_printf (_("Cord %s of the channel of outlet %s is %.1f m long; the rule allows %.1f m"),
                                    name, outlet, c.length, ck->cord_max));
  failure_add (ck, f, "cable", cable_id);
  failure_add (ck, f, "device", outlet_id);
}

static void
check_link (Check      *ck,
            gint64      outlet_id,
            const char *outlet,
            gint64      rear_port,
            const char *medium,
            gint64      floor_id)
{
  EnlaceTerm term = { ENLACE_TERM_PORT, rear_port };
  g_autoptr(GPtrArray) paths = enlace_tracer_trace_term (ck->tracer, &term, NULL);
  g_autoptr(GArray) link_cables = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cords = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean past_panel = FALSE, pl_known = TRUE, cords_known = TRUE, equipment = FALSE;
  double pl = 0, cord_len = 0, cp_at = 0;
  guint conn_link = 0, conn_ch = 0;
  gint64 last_device = outlet_id, panel = 0, cp = 0, wa_cord = 0;
  const char *horizontal_type = NULL, *cp_name = NULL;
  EnlaceRuleFailure *f;
  EnlacePath *path = NULL;
  int h = -1, d = 0, n_hops;

  if (paths == NULL)
    return;
  /* the path and the direction that leave the outlet by its cable (not
   * through its jack) */
  for (guint k = 0; k < paths->len && path == NULL; k++)
    {
      EnlacePath *p = g_ptr_array_index (paths, k);

      n_hops = enlace_path_get_n_hops (p);
      for (int i = 0; i < n_hops && path == NULL; i++)
        {
          guint n = 0;
          const EnlaceNode *nodes = enlace_path_get_hop (p, i, &n);
          gboolean here = FALSE;

          for (guint j = 0; j < n; j++)
            if (nodes[j].kind == ENLACE_NODE_PORT && nodes[j].id == rear_port)
              here = TRUE;
          if (!here)
            continue;
          for (int dir = 1; dir >= -1 && path == NULL; dir -= 2)
            {
              const EnlaceNode *next;

              if (i + dir < 0 || i + dir >= n_hops)
                continue;
              next = enlace_path_get_hop (p, i + dir, &n);
              if (n > 0 && next[0].kind == ENLACE_NODE_CABLE)
                {
                  path = p;
                  h = i;
                  d = dir;
                }
            }
        }
    }
  if (path == NULL)
    return;
  ck->report->n_links++;
  n_hops = enlace_path_get_n_hops (path);

  for (int i = h + d; i >= 0 && i < n_hops; i += d)
    {
      guint n = 0;
      const EnlaceNode *nodes = enlace_path_get_hop (path, i, &n);

      if (n == 0)
        continue;
      if (nodes[0].kind == ENLACE_NODE_CABLE)
        {
          double hop = 0;
          gboolean known = TRUE;
          EnlaceTracerCable first;
          gboolean has_first = cable_info (ck, nodes[0].id, &first);

          /* a backbone after the panel: the horizontal channel ends in a
           * cross-connect of another room, not at equipment */
          if (past_panel && has_first && first.kind == g_intern_static_string ("backbone"))
            break;
          for (guint k = 0; k < n; k++)
            {
              EnlaceTracerCable c;

              if (!cable_info (ck, nodes[k].id, &c) || !c.has_length)
                known = FALSE;
              else
                hop = MAX (hop, c.length);
            }
          if (!past_panel)
            {
              pl += hop;
              pl_known = pl_known && known;
              g_array_append_val (link_cables, nodes[0].id);
              if (horizontal_type == NULL && has_first)
                horizontal_type = first.type;
            }
          else
            {
              cord_len += hop;
              cords_known = cords_known && known;
              g_array_append_val (cords, nodes[0].id);
              check_cord (ck, nodes[0].id, outlet, outlet_id, floor_id);
            }
        }
      else if (nodes[0].kind == ENLACE_NODE_PORT)
        {
          EnlaceTracerPort p;

          if (!port_info (ck, nodes[0].id, &p) || p.device_id == last_device)
            continue;
          last_device = p.device_id;
          if (p.device_id == outlet_id)
            continue;
          if (strcmp (p.kind, "interface") == 0)
            {
              equipment = TRUE;
              break;
            }
          conn_ch++;
          if (!past_panel)
            conn_link++;
          if (g_strcmp0 (p.device_role, "consolidation-point") == 0 && !past_panel && cp == 0)
            {
              cp = p.device_id;
              cp_name = p.device_name;
              cp_at = pl;
            }
          if (g_strcmp0 (p.device_role, "patch-panel") == 0 && !past_panel)
            {
              past_panel = TRUE;
              panel = p.device_id;
            }
        }
    }

  /* permanent link */
  if (pl_known && pl > ck->pl_max)
    {
      g_autofree char *cables = cables_text (ck, link_cables);

      f = failure_new (ck, "permanent-link", "permanent-link.max-m", pl, ck->pl_max, "m", floor_id,
                       g_strdup_printf (_("The permanent link of outlet %s is %.1f m long (cables %s); the rule allows %.1f m"),
                                        outlet, pl, cables, ck->pl_max));
      failure_add (ck, f, "device", outlet_id);
      failure_add_cables (ck, f, link_cables);
      if (panel)
        failure_add (ck, f, "device", panel);
    }
  if (conn_link > ck->conn_link)
    {
      f = failure_new (ck, "connections-link", "connections.link.max", conn_link, ck->conn_link, "", floor_id,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "The permanent link of outlet %s crosses %u connection besides the outlet; the rule allows %.0f",
                                                     "The permanent link of outlet %s crosses %u connections besides the outlet; the rule allows %.0f",
                                                     conn_link),
                                        outlet, conn_link, ck->conn_link));
      failure_add (ck, f, "device", outlet_id);
      failure_add_cables (ck, f, link_cables);
    }

  /* consolidation point: its cable distance to the panel */
  if (cp != 0 && panel != 0 && pl_known && pl - cp_at < ck->cp_min &&
      !g_hash_table_contains (ck->cps, &cp))
    {
      gint64 *key = g_new (gint64, 1);

      *key = cp;
      g_hash_table_add (ck->cps, key);
      f = failure_new (ck, "consolidation-point", "consolidation-point.min-m", pl - cp_at, ck->cp_min, "m", floor_id,
                       g_strdup_printf (_("Consolidation point %s is %.1f m of cable from the telecom room; the rule asks for at least %.1f m"),
                                        cp_name, pl - cp_at, ck->cp_min));
      failure_add (ck, f, "device", cp);
      failure_add (ck, f, "device", panel);
    }

  /* channel: when the path reaches the equipment */
  if (past_panel && equipment)
    {
      double ch;

      cord_len += work_area_cord (ck, rear_port, &wa_cord);
      if (wa_cord != 0)
        {
          g_array_append_val (cords, wa_cord);
          check_cord (ck, wa_cord, outlet, outlet_id, floor_id);
        }
      ch = pl + cord_len;
      if (pl_known && cords_known && ch > ck->ch_max)
        {
          f = failure_new (ck, "channel", "channel.max-m", ch, ck->ch_max, "m", floor_id,
                           g_strdup_printf (_("The channel of outlet %s is %.1f m long (link %.1f m, cords %.1f m); the rule allows %.1f m"),
                                            outlet, ch, pl, cord_len, ck->ch_max));
          failure_add (ck, f, "device", outlet_id);
          failure_add_cables (ck, f, link_cables);
          failure_add_cables (ck, f, cords);
        }
      if (cords_known && cord_len > ck->cords_max)
        {
          f = failure_new (ck, "cords", "cords.max-m", cord_len, ck->cords_max, "m", floor_id,
                           g_strdup_printf (_("The cords of the channel of outlet %s are %.1f m long together; the rule allows %.1f m"),
                                            outlet, cord_len, ck->cords_max));
          failure_add (ck, f, "device", outlet_id);
          failure_add_cables (ck, f, cords);
        }
      if (conn_ch > ck->conn_ch)
        {
          f = failure_new (ck, "connections-channel", "connections.channel.max", conn_ch, ck->conn_ch, "", floor_id,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "The channel of outlet %s crosses %u connection besides the outlet; the rule allows %.0f",
                                                         "The channel of outlet %s crosses %u connections besides the outlet; the rule allows %.0f",
                                                         conn_ch),
                                            outlet, conn_ch, ck->conn_ch));
          failure_add (ck, f, "device", outlet_id);
          failure_add_cables (ck, f, link_cables);
          failure_add_cables (ck, f, cords);
        }
      pl_known = pl_known && cords_known;
      pl = ch;
    }

  /* reach of the application on the horizontal cable's type (data jacks) */
  if (horizontal_type != NULL && pl_known && g_strcmp0 (medium, "copper") == 0 && ck->app_copper)
    {
      g_autofree char *name = g_strdup_printf ("reach.%s.%s", ck->app_copper, horizontal_type);
      const EnlaceRule *r = enlace_rule_set_lookup (ck->rules, name);
      double reach = enlace_rule_set_get_number (ck->rules, name);

      if (r != NULL && !isnan (reach) && pl > reach)
        {
          g_autofree char *app = g_ascii_strup (ck->app_copper, -1);
          g_autofree char *type = enlace_format_cable_type (horizontal_type);

          f = failure_new (ck, "reach", r->name, pl, reach, "m", floor_id,
                           g_strdup_printf (_("Outlet %s is %.1f m from its equipment: beyond the reach of %s on %s (%.0f m)"),
                                            outlet, pl, app, type, reach));
          failure_add (ck, f, "device", outlet_id);
          failure_add_cables (ck, f, link_cables);
        }
    }
}

static gboolean
check_floor_outlets (Check   *ck,
                     gint64   floor_id,
                     guint   *n_outlets,
                     GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 3);
  g_autoptr(GPtrArray) media = g_ptr_array_new ();
  gint64 last = 0;

  *n_outlets = 0;
  stmt = enlace_store_prepare (ck->store,
                               "SELECT d.id, d.name, p.id, p.medium FROM space s "
                               "JOIN device d ON d.space_id = s.id AND d.role = 'outlet' "
                               "LEFT JOIN port p ON p.device_id = d.id AND p.kind = 'rear' "
                               "AND EXISTS (SELECT 1 FROM cable_end e WHERE e.port_id = p.id) "
                               "WHERE s.floor_id = ? ORDER BY d.name, p.seq, p.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  /* read first: the walk runs other statements */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 row[3] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 2), 0 };

      if (row[0] != last)
        {
          (*n_outlets)++;
          last = row[0];
        }
      if (row[1] == 0)
        continue;
      g_array_append_vals (rows, row, 1);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (media, (gpointer) g_intern_string ((const char *) sqlite3_column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 *row = (gint64 *) (rows->data + i * sizeof (gint64) * 3);

      check_link (ck, row[0], g_ptr_array_index (names, i), row[1],
                  g_ptr_array_index (media, i), floor_id);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- rooms */

static gboolean
check_floor_rooms (Check   *ck,
                   gint64   floor_id,
                   guint    n_outlets,
                   GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) rooms = g_array_new (FALSE, FALSE, sizeof (gint64));
  double area = 0, min_rooms, per_area;
  guint needed;
  EnlaceRuleFailure *f;
  g_autofree char *floor_key = NULL;
  g_autofree char *rooms_text = NULL;

  if (n_outlets == 0)
    return TRUE;
  stmt = enlace_store_prepare (ck->store, "SELECT id, kind, outline FROM space WHERE floor_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const char *outline = (const char *) sqlite3_column_text (stmt, 2);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (strcmp (kind, "telecom-room") == 0 || strcmp (kind, "equipment-room") == 0)
        g_array_append_val (rooms, id);
      if (outline != NULL)
        {
          g_autoptr(GArray) pts = enlace_points_parse (outline, NULL);

          if (pts != NULL && pts->len >= 3)
            area += fabs (enlace_polygon_area ((EnlacePoint *) pts->data, pts->len));
        }
    }
  sqlite3_reset (stmt);

  min_rooms = enlace_rule_set_get_number (ck->rules, "rooms.per-floor.min");
  per_area = enlace_rule_set_get_number (ck->rules, "rooms.area-m2");
  floor_key = enlace_store_dup_key (ck->store, "floor", floor_id);
  rooms_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u telecom room", "%u telecom rooms", rooms->len),
                                rooms->len);
  if (!isnan (min_rooms) && rooms->len < min_rooms)
    {
      /* TRANSLATORS: the second %s is "%u telecom rooms" */
      f = failure_new (ck, "telecom-room", "rooms.per-floor.min", rooms->len, min_rooms, "", floor_id,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Floor %s has %u outlet and %s; the rule asks for at least %.0f",
                                                     "Floor %s has %u outlets and %s; the rule asks for at least %.0f",
                                                     n_outlets),
                                        floor_key, n_outlets, rooms_text, min_rooms));
      failure_add (ck, f, "floor", floor_id);
      return TRUE;
    }
  if (isnan (per_area) || per_area <= 0)
    return TRUE;
  needed = (guint) ceil (area / per_area - 1e-9);
  if (rooms->len < needed)
    {
      f = failure_new (ck, "room-area", "rooms.area-m2", area / MAX (rooms->len, 1), per_area, "m²", floor_id,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Floor %s has %.0f m² of spaces and %s: %u is needed, one per %.0f m²",
                                                     "Floor %s has %.0f m² of spaces and %s: %u are needed, one per %.0f m²",
                                                     needed),
                                        floor_key, area, rooms_text, needed, per_area));
      failure_add (ck, f, "floor", floor_id);
      for (guint i = 0; i < rooms->len; i++)
        failure_add (ck, f, "space", g_array_index (rooms, gint64, i));
    }
  return TRUE;
}

/* ---------------------------------------------------------------- pathways */

static gboolean
check_floor_pathways (Check   *ck,
                      gint64   floor_id,
                      GError **error)
{
  sqlite3_stmt *stmt;
  typedef struct { gint64 id; char *kind; double size; } Pw;
  g_autoptr(GArray) pws = g_array_new (FALSE, FALSE, sizeof (Pw));
  double depth = enlace_rule_set_get_number (ck->rules, "tray.depth-mm");

  stmt = enlace_store_prepare (ck->store,
                               "SELECT id, kind, size_mm FROM pathway WHERE floor_id = ? "
                               "AND size_mm > 0 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Pw p = { sqlite3_column_int64 (stmt, 0),
               g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
               sqlite3_column_double (stmt, 2) };

      g_array_append_val (pws, p);
    }
  sqlite3_reset (stmt);
  ck->report->n_pathways += pws->len;

  for (guint i = 0; i < pws->len; i++)
    {
      Pw *p = &g_array_index (pws, Pw, i);
      g_autoptr(GArray) cables = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *kind = p->kind;
      gboolean conduit = strcmp (kind, "conduit") == 0 || strcmp (kind, "riser") == 0;
      double used = 0, section, fill, limit;
      const char *rule_name;
      EnlaceRuleFailure *f;
      g_autofree char *key = NULL;

      stmt = enlace_store_prepare (ck->store,
                                   "SELECT c.id, c.type FROM pathway_cable pc JOIN cable c ON c.id = pc.cable_id "
                                   "WHERE pc.pathway_id = ? ORDER BY c.id", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *type = (const char *) sqlite3_column_text (stmt, 1);
          g_autofree char *name = g_strdup_printf ("diameter-mm.%s", type ? type : "other");
          double d = enlace_rule_set_get_number (ck->rules, name);

          if (isnan (d))
            d = enlace_rule_set_get_number (ck->rules, "diameter-mm.other");
          if (!isnan (d))
            used += G_PI * d * d / 4;
          g_array_append_val (cables, id);
        }
      sqlite3_reset (stmt);
      if (cables->len == 0)
        continue;

      if (conduit)
        {
          section = G_PI * p->size * p->size / 4;
          rule_name = cables->len == 1 ? "fill.conduit.one-pct"
                    : cables->len == 2 ? "fill.conduit.two-pct" : "fill.conduit.max-pct";
        }
      else
        {
          if (isnan (depth))
            continue;
          section = p->size * depth;
          rule_name = "fill.tray.max-pct";
        }
      limit = enlace_rule_set_get_number (ck->rules, rule_name);
      fill = 100 * used / section;
      if (isnan (limit) || fill <= limit)
        continue;
      key = enlace_store_dup_key (ck->store, "pathway", p->id);
      if (conduit)
        f = failure_new (ck, "conduit-fill", rule_name, fill, limit, "%", floor_id,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Conduit %s (%.0f mm) is %.0f %% full with %u cable; the rule allows %.0f %%",
                                                       "Conduit %s (%.0f mm) is %.0f %% full with %u cables; the rule allows %.0f %%",
                                                       cables->len),
                                          key, p->size, fill, cables->len, limit));
      else
        f = failure_new (ck, "tray-fill", rule_name, fill, limit, "%", floor_id,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Tray %s (%.0f × %.0f mm) is %.0f %% full with %u cable; the rule allows %.0f %%",
                                                       "Tray %s (%.0f × %.0f mm) is %.0f %% full with %u cables; the rule allows %.0f %%",
                                                       cables->len),
                                          key, p->size, depth, fill, cables->len, limit));
      failure_add (ck, f, "pathway", p->id);
      failure_add_cables (ck, f, cables);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- backbone */

static const char *
backbone_medium (const char *type)
{
  if (type == NULL)
    return NULL;
  if (g_str_has_prefix (type, "os"))
    return "singlemode";
  if (g_str_has_prefix (type, "om"))
    return "multimode";
  if (strcmp (type, "cat3") == 0 || strcmp (type, "multipair") == 0)
    return "voice";
  if (g_str_has_prefix (type, "cat"))
    return "data";
  return NULL;
}

static gboolean
check_backbones (Check       *ck,
                 GHashTable  *floors,
                 gboolean     campus,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  typedef struct { gint64 id; gint64 floor; } Bb;
  g_autoptr(GArray) bbs = g_array_new (FALSE, FALSE, sizeof (Bb));

  /* every backbone cable with the lowest floor of its ends in scope */
  stmt = enlace_store_prepare (ck->store,
                               "SELECT c.id, s.floor_id FROM cable c "
                               "JOIN cable_end e ON e.cable_id = c.id "
                               "LEFT JOIN port p ON p.id = e.port_id "
                               "LEFT JOIN device d ON d.id = p.device_id "
                               "LEFT JOIN rack r ON r.id = d.rack_id "
                               "LEFT JOIN circuit_termination t ON t.id = e.termination_id "
                               "LEFT JOIN space s ON s.id = COALESCE (d.space_id, r.space_id, t.space_id) "
                               "WHERE c.kind = 'backbone' AND c.length_m IS NOT NULL "
                               "ORDER BY c.id, s.floor_id IS NULL, s.floor_id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Bb b = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      Bb *prev = bbs->len ? &g_array_index (bbs, Bb, bbs->len - 1) : NULL;

      if (prev && prev->id == b.id)
        {
          if (prev->floor == 0 || !g_hash_table_contains (floors, &prev->floor))
            if (b.floor != 0 && g_hash_table_contains (floors, &b.floor))
              prev->floor = b.floor;
          continue;
        }
      g_array_append_val (bbs, b);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < bbs->len; i++)
    {
      Bb *b = &g_array_index (bbs, Bb, i);
      EnlaceTracerCable cable;
      EnlaceTracerCable *c = &cable;
      const char *medium;
      g_autofree char *name = NULL;
      g_autofree char *cname = NULL;
      double limit;
      EnlaceRuleFailure *f;
      const char *app;

      if (!(campus && b->floor == 0) && !g_hash_table_contains (floors, &b->floor))
        continue;
      if (!cable_info (ck, b->id, c) || !c->has_length)
        continue;
      ck->report->n_backbones++;
      medium = backbone_medium (c->type);
      if (medium == NULL)
        continue;
      cname = cable_name (ck, b->id);
      name = g_strdup_printf ("backbone.%s.max-m", medium);
      limit = enlace_rule_set_get_number (ck->rules, name);
      if (!isnan (limit) && c->length > limit)
        {
          const EnlaceRule *r = enlace_rule_set_lookup (ck->rules, name);
          g_autofree char *type = enlace_format_cable_type (c->type);

          f = failure_new (ck, "backbone", r->name, c->length, limit, "m", b->floor,
                           g_strdup_printf (_("Backbone cable %s (%s) is %.1f m long; the rule allows %.0f m"),
                                            cname, type, c->length, limit));
          failure_add (ck, f, "cable", b->id);
          continue;
        }
      app = strcmp (medium, "singlemode") == 0 ? ck->app_sm
          : strcmp (medium, "multimode") == 0 ? ck->app_mm : NULL;
      if (app != NULL)
        {
          g_autofree char *rname = g_strdup_printf ("reach.%s.%s", app, c->type);
          const EnlaceRule *r = enlace_rule_set_lookup (ck->rules, rname);
          double reach = enlace_rule_set_get_number (ck->rules, rname);

          if (r != NULL && !isnan (reach) && c->length > reach)
            {
              g_autofree char *uapp = g_ascii_strup (app, -1);
              g_autofree char *type = enlace_format_cable_type (c->type);

              f = failure_new (ck, "reach", r->name, c->length, reach, "m", b->floor,
                               g_strdup_printf (_("Backbone cable %s is %.1f m long: beyond the reach of %s on %s (%.0f m)"),
                                                cname, c->length, uapp, type, reach));
              failure_add (ck, f, "cable", b->id);
            }
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------- check */

static void
gint64_free (gpointer p)
{
  g_free (p);
}

static EnlaceRuleReport *
rules_check (EnlaceStore    *store,
             EnlaceRuleSet  *rules,
             gint64          building_id,
             gint64          floor_id,
             GError        **error)
{
  g_autoptr(EnlaceRuleSet) own = NULL;
  g_autoptr(EnlaceRuleReport) report = NULL;
  g_autoptr(GHashTable) floors = g_hash_table_new_full (g_int64_hash, g_int64_equal, gint64_free, NULL);
  g_autoptr(GArray) floor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Check ck = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (rules == NULL)
    {
      own = enlace_rule_set_load (store, error);
      if (own == NULL)
        return NULL;
      rules = own;
    }
  report = g_new0 (EnlaceRuleReport, 1);
  report->ref_count = 1;
  report->failures = g_ptr_array_new_with_free_func (enlace_rule_failure_free);
  report->rule_set = g_strdup (enlace_rule_set_get_name (rules));

  stmt = enlace_store_prepare (store,
                               "SELECT f.id FROM floor f JOIN building b ON b.id = f.building_id "
                               "WHERE (?1 = 0 OR f.id = ?1) AND (?2 = 0 OR f.building_id = ?2) "
                               "ORDER BY b.code, f.level", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  sqlite3_bind_int64 (stmt, 2, building_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (floor_ids, *id);
      g_hash_table_add (floors, id);
    }
  sqlite3_reset (stmt);
  if (floor_id > 0 && floor_ids->len == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                   _("There is no floor with id %lld"), (long long) floor_id);
      return NULL;
    }

  ck.store = store;
  ck.tracer = enlace_tracer_get_for_store (store);
  ck.rules = rules;
  ck.report = report;
  ck.cps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ck.pl_max = enlace_rule_set_get_number (rules, "permanent-link.max-m");
  ck.ch_max = enlace_rule_set_get_number (rules, "channel.max-m");
  ck.cords_max = enlace_rule_set_get_number (rules, "cords.max-m");
  ck.cord_max = enlace_rule_set_get_number (rules, "cord.max-m");
  ck.conn_link = enlace_rule_set_get_number (rules, "connections.link.max");
  ck.conn_ch = enlace_rule_set_get_number (rules, "connections.channel.max");
  ck.cp_min = enlace_rule_set_get_number (rules, "consolidation-point.min-m");
  ck.app_copper = enlace_rule_set_get_text (rules, "application.copper");
  ck.app_mm = enlace_rule_set_get_text (rules, "application.multimode");
  ck.app_sm = enlace_rule_set_get_text (rules, "application.singlemode");

  for (guint i = 0; ok && i < floor_ids->len; i++)
    {
      gint64 fid = g_array_index (floor_ids, gint64, i);
      guint n_outlets = 0;

      report->n_floors++;
      ok = check_floor_outlets (&ck, fid, &n_outlets, error) &&
           check_floor_rooms (&ck, fid, n_outlets, error) &&
           check_floor_pathways (&ck, fid, error);
      report->n_outlets += n_outlets;
    }
  if (ok)
    ok = check_backbones (&ck, floors, floor_id == 0 && building_id == 0, error);

  g_hash_table_unref (ck.cps);
  g_object_unref (ck.tracer);
  if (!ok)
    return NULL;
  return g_steal_pointer (&report);
}

EnlaceRuleReport *
enlace_rules_check (EnlaceStore    *store,
                    EnlaceRuleSet  *rules,
                    gint64          building_id,
                    gint64          floor_id,
                    GError        **error)
{
  EnlaceRuleReport *report;
  gboolean read;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* tens of thousands of small queries: one read transaction for all */
  read = enlace_store_begin_read (store);
  report = rules_check (store, rules, building_id, floor_id, error);
  enlace_store_end_read (store, read);
  return report;
}
