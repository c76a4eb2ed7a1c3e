/* enlace-bom.c: the bill of materials (see enlace-bom.h) */
#define G_LOG_DOMAIN "enlace-bom"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-bom.h"
#include "enlace-bom-private.h"
#include "enlace-format.h"
#include "enlace-money.h"
#include "enlace-store-private.h"

static void
bom_line_free (EnlaceBomLine *l)
{
  g_free (l->item);
  g_free (l->category);
  g_free (l->description);
  g_free (l->unit);
  g_free (l);
}

static void
bom_group_free (EnlaceBomGroup *g)
{
  g_free (g->building);
  g_free (g->building_name);
  g_free (g->floor_name);
  g_free (g->currency);
  g_ptr_array_unref (g->lines);
  g_free (g);
}

void
enlace_bom_free (EnlaceBom *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->floors);
  g_ptr_array_unref (self->buildings);
  if (self->total)
    bom_group_free (self->total);
  g_free (self->currency);
  g_free (self);
}

/* ------------------------------------------------------------ collecting */

/* What one group (a floor, a building, the total) gathers. */
typedef struct
{
  EnlaceBomGroup *group;
  GHashTable     *counts;   /* item → double* (quantity) */
  GHashTable     *runs;     /* cable type → GArray of double (lengths) */
  GHashTable     *unknown;  /* cable type → count of runs without a length */
} Acc;

static Acc *
acc_new (EnlaceBomGroup *group)
{
  Acc *a = g_new0 (Acc, 1);

  a->group = group;
  a->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  a->runs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  a->unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return a;
}

static void
acc_free (Acc *a)
{
  g_hash_table_unref (a->counts);
  g_hash_table_unref (a->runs);
  g_hash_table_unref (a->unknown);
  g_free (a);
}

static void
acc_add (Acc        *a,
         const char *item,
         double      q)
{
  double *v;

  if (a == NULL)
    return;
  v = g_hash_table_lookup (a->counts, item);
  if (v == NULL)
    {
      v = g_new0 (double, 1);
      g_hash_table_insert (a->counts, g_strdup (item), v);
    }
  *v += q;
}

static void
acc_run (Acc        *a,
         const char *type,
         double      length)
{
  if (a == NULL)
    return;
  if (isnan (length))
    {
      gpointer n = g_hash_table_lookup (a->unknown, type);

      g_hash_table_insert (a->unknown, g_strdup (type), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
      if (!g_hash_table_contains (a->runs, type))
        g_hash_table_insert (a->runs, g_strdup (type), g_array_new (FALSE, FALSE, sizeof (double)));
      return;
    }
  {
    GArray *arr = g_hash_table_lookup (a->runs, type);

    if (arr == NULL)
      {
        arr = g_array_new (FALSE, FALSE, sizeof (double));
        g_hash_table_insert (a->runs, g_strdup (type), arr);
      }
    g_array_append_val (arr, length);
  }
}

/* Merges @from into @to (counts and runs). */
static void
acc_merge (Acc *to,
           Acc *from)
{
  GHashTableIter it;
  gpointer k, v;

  g_hash_table_iter_init (&it, from->counts);
  while (g_hash_table_iter_next (&it, &k, &v))
    acc_add (to, k, *(double *)v);
  g_hash_table_iter_init (&it, from->runs);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      GArray *src = v;
      GArray *dst = g_hash_table_lookup (to->runs, k);

      if (dst == NULL)
        {
          dst = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (to->runs, g_strdup (k), dst);
        }
      g_array_append_vals (dst, src->data, src->len);
    }
  g_hash_table_iter_init (&it, from->unknown);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      gpointer n = g_hash_table_lookup (to->unknown, k);

      g_hash_table_insert (to->unknown, g_strdup (k),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + GPOINTER_TO_UINT (v)));
    }
}

/* ------------------------------------------------------------ lines */

static const char * const category_order[] = {
  "cable", "jack", "faceplate", "panel", "cord", "rack", "manager", "pathway", "label", NULL
};

static int
category_rank (const char *c)
{
  for (int i = 0; category_order[i]; i++)
    if (g_str_equal (category_order[i], c))
      return i;
  return 99;
}

static const char *
medium_label (const char *m)
{
  if (g_strcmp0 (m, "copper") == 0)
    return _("copper");
  if (g_strcmp0 (m, "fibre") == 0)
    return _("fibre");
  if (g_strcmp0 (m, "voice") == 0)
    return _("voice");
  return m;
}


static const char *
pathway_label (const char *k)
{
  if (g_strcmp0 (k, "tray") == 0)
    return _("cable tray");
  if (g_strcmp0 (k, "conduit") == 0)
    return _("conduit");
  if (g_strcmp0 (k, "raceway") == 0)
    return _("raceway");
  if (g_strcmp0 (k, "riser") == 0)
    return _("riser");
  return k;
}

/* Description and unit of an item. */
static void
describe (EnlaceBomLine *l)
{
  g_auto(GStrv) p = g_strsplit (l->item, ":", 4);
  const char *cat = p[0];
  guint np = g_strv_length (p);

  l->category = g_strdup (cat);
  if (g_str_equal (cat, "cable") && np >= 2)
    {
      g_autofree char *type = enlace_format_cable_type (p[1]);

      l->description = g_strdup_printf (_("Cable %s, box of %.0f m"), type, ENLACE_BOM_BOX_M);
      l->unit = g_strdup (_("box"));
    }
  else if (g_str_equal (cat, "jack") && np >= 2)
    l->description = g_strdup_printf (_("Jack (%s)"), medium_label (p[1]));
  else if (g_str_equal (cat, "faceplate") && np >= 2)
    l->description = g_strdup_printf (_("Faceplate, %s ports"), p[1]);
  else if (g_str_equal (cat, "panel") && np >= 3)
    l->description = g_strdup_printf (_("Patch panel, %s ports (%s)"), p[2], medium_label (p[1]));
  else if (g_str_equal (cat, "cord") && np >= 3)
    {
      /* the item holds the length in the C way ("cord:cat6:1.5") */
      g_autofree char *type = enlace_format_cable_type (p[1]);
      char *end = NULL;
      double m = g_ascii_strtod (p[2], &end);

      if (end != p[2] && *end == '\0')
        {
          g_autofree char *length = enlace_number_format (m, 1);

          l->description = g_strdup_printf (_("Patch cord %s, %s m"), type, length);
        }
      else
        /* Translators: a cord whose length is not recorded ("cord:cat3:?") */
        l->description = g_strdup_printf (_("Patch cord %s, length unknown"), type);
    }
  else if (g_str_equal (cat, "rack") && np >= 2)
    l->description = g_strdup_printf (_("Rack, %s U"), p[1]);
  else if (g_str_equal (cat, "manager"))
    l->description = g_strdup (_("Cable manager"));
  else if (g_str_equal (cat, "pathway") && np >= 2)
    {
      l->description = g_strdup_printf (_("Pathway: %s"), pathway_label (p[1]));
      l->unit = g_strdup (_("m"));
    }
  else if (g_str_equal (cat, "label"))
    l->description = g_strdup (_("Label"));
  else
    l->description = g_strdup (l->item);
  if (l->unit == NULL)
    l->unit = g_strdup (_("unit"));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const EnlaceBomLine *x = *(EnlaceBomLine * const *)a;
  const EnlaceBomLine *y = *(EnlaceBomLine * const *)b;
  int r = category_rank (x->category) - category_rank (y->category);

  return r != 0 ? r : g_strcmp0 (x->item, y->item);
}

static void
acc_finish (Acc        *a,
            GHashTable *prices)
{
  EnlaceBomGroup *g = a->group;
  GHashTableIter it;
  gpointer k, v;

  g_hash_table_iter_init (&it, a->runs);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      GArray *arr = v;
      EnlaceBomLine *l = g_new0 (EnlaceBomLine, 1);
      guint too_long = 0;

      l->item = g_strdup_printf ("cable:%s", (const char *)k);
      l->quantity = enlace_bom_boxes ((const double *)arr->data, arr->len, ENLACE_BOM_BOX_M, &too_long);
      l->too_long = too_long;
      l->runs = arr->len - too_long;
      for (guint i = 0; i < arr->len; i++)
        l->metres += g_array_index (arr, double, i);
      l->unknown_length = GPOINTER_TO_UINT (g_hash_table_lookup (a->unknown, k));
      g_ptr_array_add (g->lines, l);
    }
  g_hash_table_iter_init (&it, a->counts);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      EnlaceBomLine *l = g_new0 (EnlaceBomLine, 1);

      l->item = g_strdup (k);
      l->quantity = *(double *)v;
      if (g_str_has_prefix (l->item, "pathway:"))
        l->quantity = round (l->quantity * 10) / 10;
      g_ptr_array_add (g->lines, l);
    }
  for (guint i = 0; i < g->lines->len; i++)
    {
      EnlaceBomLine *l = g_ptr_array_index (g->lines, i);
      double *price = g_hash_table_lookup (prices, l->item);

      describe (l);
      l->unit_price = price ? *price : -1;
      if (price)
        {
          l->cost = l->quantity * *price;
          g->cost += l->cost;
        }
      else
        g->unpriced++;
    }
  g_ptr_array_sort (g->lines, compare_lines);
}

static EnlaceBomGroup *
group_new (void)
{
  EnlaceBomGroup *g = g_new0 (EnlaceBomGroup, 1);

  g->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) bom_line_free);
  return g;
}

/* ------------------------------------------------------------ reading */

typedef struct
{
  gint64  building_id;
  int     level;
  double  height;
  int     acc;        /* index in floors, -1 out of scope */
} FloorInfo;

typedef struct
{
  int        acc;       /* floor acc index, -1 none */
  gboolean   counted;   /* in scope (status) */
  gboolean   planned;   /* status "planned": a design's device */
  char       role;      /* 'o' outlet, 'p' patch panel, 'm' manager, 0 other */
  guint      fronts, rears, ifaces;
  char       medium[8];
  gint64     rack;      /* 0: not in a rack */
  guint      run_ends;  /* runs (not cords) ending on it, not decommissioned */
  guint      cord_ends; /* cords ending on it, not decommissioned */
  char       run_type[16]; /* the cable type of the first run ending on it */
} DevInfo;

/* The cords and managers of a design (see enlace-bom.h): a planned patch
 * panel needs one patch cord per port in use, i.e. per run ending on it,
 * less the cords already drawn on it; the project's cabling rules give
 * no length for them (only the longest allowed, "cord.max-m"), so they are
 * counted at the usual lengths, 1 m for copper and 2 m for fibre (a
 * fibre panel sits further from its switch, often in another rack).  And
 * the common practice of one 1U horizontal cable manager for every two
 * panels (48 ports: above or below each pair), in each rack, less the
 * managers already drawn in it. */
#define DESIGN_CORD_COPPER_M 1.0
#define DESIGN_CORD_FIBRE_M  2.0
#define DESIGN_PANELS_PER_MANAGER 2

static gboolean
type_is_fibre (const char *type)
{
  return g_str_has_prefix (type, "om") || g_str_has_prefix (type, "os");
}

static const char *
col_text (sqlite3_stmt *st,
          int           i)
{
  const char *t = (const char *)sqlite3_column_text (st, i);

  return t ? t : "";
}

static double
pathway_length (const char *points)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *arr;
  double len = 0, px = 0, py = 0;

  if (points == NULL || !json_parser_load_from_data (parser, points, -1, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return 0;
  arr = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonNode *pn = json_array_get_element (arr, i);
      JsonArray *pt;
      double x, y;

      if (!JSON_NODE_HOLDS_ARRAY (pn) || json_array_get_length (pt = json_node_get_array (pn)) < 2)
        continue;
      x = json_array_get_double_element (pt, 0);
      y = json_array_get_double_element (pt, 1);
      if (i > 0)
        len += hypot (x - px, y - py);
      px = x;
      py = y;
    }
  return len;
}

#define STEP(st) sqlite3_step (st)

EnlaceBom *
enlace_bom_compute (EnlaceStore  *store,
                    const char   *building,
                    const char   *level,
                    gboolean      planned_only,
                    GError      **error)
{
  g_autoptr(EnlaceBom) bom = NULL;
  g_autoptr(GHashTable) floors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) spaces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) racks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) devices = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) prices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) building_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) accs = g_ptr_array_new_with_free_func ((GDestroyNotify) acc_free);
  g_autoptr(GPtrArray) baccs = g_ptr_array_new_with_free_func ((GDestroyNotify) acc_free);
  /* holds the total's accumulator, so that every way out frees it */
  g_autoptr(GPtrArray) total_acc = g_ptr_array_new_with_free_func ((GDestroyNotify) acc_free);
  Acc *total;
  sqlite3_stmt *st;
  gboolean scoped = building != NULL || level != NULL;
  gboolean found_building = building == NULL, found_level = level == NULL;
  gint64 want_level = 0;
  gint64 max_cable = 0;
  g_autofree gint64 *cable_dev = NULL;   /* cable id → device of its A (else B) end */

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (level != NULL)
    {
      char *end = NULL;

      want_level = g_ascii_strtoll (level, &end, 10);
      if (end == level || *end != '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Floor “%s”: a floor is given by its level, a whole number"), level);
          return NULL;
        }
    }

  bom = g_new0 (EnlaceBom, 1);
  bom->planned_only = planned_only;
  bom->floors = g_ptr_array_new_with_free_func ((GDestroyNotify) bom_group_free);
  bom->buildings = g_ptr_array_new_with_free_func ((GDestroyNotify) bom_group_free);
  bom->total = group_new ();
  total = acc_new (bom->total);
  g_ptr_array_add (total_acc, total);

  /* floors and buildings */
  st = enlace_store_prepare (store,
                             "SELECT f.id, f.level, f.name, coalesce(f.height, 3.0), b.id, b.code, b.name "
                             "FROM floor f JOIN building b ON b.id = f.building_id ORDER BY b.code, f.level", error);
  if (st == NULL)
    return NULL;
  while (STEP (st) == SQLITE_ROW)
    {
      FloorInfo *fi = g_new0 (FloorInfo, 1);
      gint64 *key = g_new (gint64, 1);
      const char *bcode = col_text (st, 5);
      gint64 bid = sqlite3_column_int64 (st, 4);

      *key = sqlite3_column_int64 (st, 0);
      fi->building_id = bid;
      fi->level = sqlite3_column_int (st, 1);
      fi->height = sqlite3_column_double (st, 3);
      fi->acc = -1;
      if (building && g_str_equal (building, bcode))
        found_building = TRUE;
      if ((building == NULL || g_str_equal (building, bcode)) &&
          (level == NULL || fi->level == want_level))
        {
          EnlaceBomGroup *g = group_new ();

          found_level = TRUE;
          g->building = g_strdup (bcode);
          g->building_name = g_strdup (col_text (st, 6));
          g->has_floor = TRUE;
          g->level = fi->level;
          g->floor_name = g_strdup (col_text (st, 2));
          g_ptr_array_add (bom->floors, g);
          fi->acc = accs->len;
          g_ptr_array_add (accs, acc_new (g));
          if (!g_hash_table_contains (building_seen, &bid))
            {
              EnlaceBomGroup *bg = group_new ();

              bg->building = g_strdup (bcode);
              bg->building_name = g_strdup (col_text (st, 6));
              g_ptr_array_add (bom->buildings, bg);
              g_hash_table_add (building_seen, g_memdup2 (&bid, sizeof bid));
              g_ptr_array_add (baccs, acc_new (bg));
            }
        }
      g_hash_table_insert (floors, key, fi);
    }
  if (!found_building)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no building “%s”"), building);
      return NULL;
    }
  if (!found_level)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   building ? _("Building %s has no floor at level %s") : _("No building has a floor at level %s%s"),
                   building ? building : level, building ? level : "");
      return NULL;
    }

#define FLOOR_ACC(fid) ({ FloorInfo *_f = g_hash_table_lookup (floors, &(gint64){ (fid) }); _f ? _f->acc : -1; })
#define ACC(i) ((i) >= 0 ? (Acc *)g_ptr_array_index (accs, (i)) : (scoped ? NULL : total))

  /* spaces → floor acc */
  st = enlace_store_prepare (store, "SELECT id, floor_id FROM space", error);
  if (st == NULL)
    return NULL;
  while (STEP (st) == SQLITE_ROW)
    {
      gint64 *key = g_new (gint64, 1);

      *key = sqlite3_column_int64 (st, 0);
      g_hash_table_insert (spaces, key, GINT_TO_POINTER (FLOOR_ACC (sqlite3_column_int64 (st, 1)) + 2));
    }
#define SPACE_ACC(sid) (GPOINTER_TO_INT (g_hash_table_lookup (spaces, &(gint64){ (sid) })) - 2)

  /* racks (not planned or retired: counted unless planned_only, when a
   * rack counts only with a planned device in it; see below) */
  st = enlace_store_prepare (store,
                             "SELECT r.id, r.space_id, r.u_height, "
                             " EXISTS (SELECT 1 FROM device d WHERE d.rack_id = r.id AND d.status = 'planned'), "
                             " EXISTS (SELECT 1 FROM device d WHERE d.rack_id = r.id AND d.status <> 'planned') "
                             "FROM rack r", error);
  if (st == NULL)
    return NULL;
  while (STEP (st) == SQLITE_ROW)
    {
      gint64 *key = g_new (gint64, 1);
      int acc = SPACE_ACC (sqlite3_column_int64 (st, 1));
      g_autofree char *item = g_strdup_printf ("rack:%d", sqlite3_column_int (st, 2));

      *key = sqlite3_column_int64 (st, 0);
      g_hash_table_insert (racks, key, GINT_TO_POINTER (acc + 2));
      /* planned only: a rack whose devices are all planned is new */
      if (planned_only && !(sqlite3_column_int (st, 3) && !sqlite3_column_int (st, 4)))
        continue;
      if (acc >= 0 || !scoped)
        acc_add (ACC (acc), item, 1);
    }

  /* devices */
  st = enlace_store_prepare (store,
                             "SELECT d.id, d.role, d.rack_id, d.space_id, d.status, "
                             " coalesce(lower(t.role), '') || ' ' || coalesce(lower(t.model), '') "
                             "FROM device d LEFT JOIN device_type t ON t.id = d.device_type_id", error);
  if (st == NULL)
    return NULL;
  while (STEP (st) == SQLITE_ROW)
    {
      DevInfo *di = g_new0 (DevInfo, 1);
      gint64 *key = g_new (gint64, 1);
      const char *role = col_text (st, 1);
      const char *status = col_text (st, 4);
      const char *tdesc = col_text (st, 5);

      *key = sqlite3_column_int64 (st, 0);
      if (sqlite3_column_type (st, 2) != SQLITE_NULL)
        di->acc = GPOINTER_TO_INT (g_hash_table_lookup (racks, &(gint64){ sqlite3_column_int64 (st, 2) })) - 2;
      else if (sqlite3_column_type (st, 3) != SQLITE_NULL)
        di->acc = SPACE_ACC (sqlite3_column_int64 (st, 3));
      else
        di->acc = -1;
      di->counted = planned_only ? g_str_equal (status, "planned") : !g_str_equal (status, "retired");
      di->planned = g_str_equal (status, "planned");
      di->rack = sqlite3_column_type (st, 2) != SQLITE_NULL ? sqlite3_column_int64 (st, 2) : 0;
      if (g_str_equal (role, "outlet"))
        di->role = 'o';
      else if (g_str_equal (role, "patch-panel"))
        di->role = 'p';
      else if (strstr (tdesc, "cable-manager") || strstr (tdesc, "manager") || strstr (tdesc, "organizador"))
        di->role = 'm';
      if (di->role == 'm' && di->counted && (di->acc >= 0 || !scoped))
        acc_add (ACC (di->acc), "manager", 1);
      bom->n_devices++;
      g_hash_table_insert (devices, key, di);
    }

  /* ports of outlets and panels */
  st = enlace_store_prepare (store,
                             "SELECT p.device_id, p.kind, p.medium FROM port p "
                             "JOIN device d ON d.id = p.device_id WHERE d.role IN ('outlet','patch-panel')", error);
  if (st == NULL)
    return NULL;
  while (STEP (st) == SQLITE_ROW)
    {
      DevInfo *di = g_hash_table_lookup (devices, &(gint64){ sqlite3_column_int64 (st, 0) });
      const char *kind = col_text (st, 1);

      if (di == NULL)
        continue;
      bom->n_ports++;
      if (g_str_equal (kind, "front"))
        di->fronts++;
      else if (g_str_equal (kind, "rear"))
        di->rears++;
      else
        di->ifaces++;
      if (di->medium[0] == '\0')
        g_strlcpy (di->medium, col_text (st, 2), sizeof di->medium);
    }
  {
    GHashTableIter it;
    gpointer k, v;

    g_hash_table_iter_init (&it, devices);
    while (g_hash_table_iter_next (&it, &k, &v))
      {
        DevInfo *di = v;
        Acc *a;
        guint jacks;
        char item[64];

        if (!di->counted || (di->role != 'o' && di->role != 'p') || (di->acc < 0 && scoped))
          continue;
        a = ACC (di->acc);
        jacks = di->fronts + di->ifaces > 0 ? di->fronts + di->ifaces : di->rears;
        if (di->role == 'o')
          {
            g_snprintf (item, sizeof item, "jack:%s", di->medium[0] ? di->medium : "copper");
            acc_add (a, item, jacks);
            g_snprintf (item, sizeof item, "faceplate:%u", jacks);
            acc_add (a, item, 1);
          }
        else
          {
            g_snprintf (item, sizeof item, "panel:%s:%u", di->medium[0] ? di->medium : "copper", jacks);
            acc_add (a, item, 1);
          }
      }
  }

  /* cables: the device of each one's A end (else B end) */
  st = enlace_store_prepare (store, "SELECT coalesce(max(id), 0) FROM cable", error);
  if (st == NULL)
    return NULL;
  if (STEP (st) == SQLITE_ROW)
    max_cable = sqlite3_column_int64 (st, 0);
  cable_dev = g_new0 (gint64, max_cable + 1);
  {
    g_autofree guint8 *other_labels = g_new0 (guint8, max_cable + 1);  /* port labels of its ends */
    g_autofree gint64 *end_dev = g_new0 (gint64, 2 * (max_cable + 1)); /* the devices of its A and B ends */

    st = enlace_store_prepare (store,
                               "SELECT e.cable_id, e.end, p.device_id FROM cable_end e "
                               "JOIN port p ON p.id = e.port_id", error);
    if (st == NULL)
      return NULL;
    while (STEP (st) == SQLITE_ROW)
      {
        gint64 cid = sqlite3_column_int64 (st, 0);
        gint64 did = sqlite3_column_int64 (st, 2);
        DevInfo *di;

        if (cid < 0 || cid > max_cable)
          continue;
        if (cable_dev[cid] == 0 || g_str_equal (col_text (st, 1), "A"))
          cable_dev[cid] = did;
        end_dev[2 * cid + (g_str_equal (col_text (st, 1), "A") ? 0 : 1)] = did;
        di = g_hash_table_lookup (devices, &did);
        if (di && (di->role == 'o' || di->role == 'p'))
          other_labels[cid]++;
      }

    st = enlace_store_prepare (store, "SELECT id, kind, coalesce(type, 'other'), length_m, status FROM cable", error);
    if (st == NULL)
      return NULL;
    while (STEP (st) == SQLITE_ROW)
      {
        gint64 cid = sqlite3_column_int64 (st, 0);
        const char *kind = col_text (st, 1);
        const char *type = col_text (st, 2);
        const char *status = col_text (st, 4);
        double len = sqlite3_column_type (st, 3) == SQLITE_NULL ? NAN : sqlite3_column_double (st, 3);
        DevInfo *di = cid <= max_cable && cable_dev[cid] ? g_hash_table_lookup (devices, &cable_dev[cid]) : NULL;
        int acc = di ? di->acc : -1;
        gboolean cord = g_str_equal (kind, "patch-cord") || g_str_equal (kind, "equipment-cord");
        Acc *a;

        /* the runs and cords on the planned panels (for their cords) */
        for (int e = 0; e < 2 && cid <= max_cable && !g_str_equal (status, "decommissioned"); e++)
          {
            DevInfo *pi = end_dev[2 * cid + e] ? g_hash_table_lookup (devices, &end_dev[2 * cid + e]) : NULL;

            if (pi == NULL || pi->role != 'p' || !pi->planned)
              continue;
            if (cord)
              pi->cord_ends++;
            else
              {
                pi->run_ends++;
                if (pi->run_type[0] == '\0')
                  g_strlcpy (pi->run_type, type, sizeof pi->run_type);
              }
          }
        if (planned_only ? !g_str_equal (status, "planned") : g_str_equal (status, "decommissioned"))
          continue;
        if (acc < 0 && scoped)
          continue;
        a = ACC (acc);
        if (cord)
          {
            char item[64];
            char num[G_ASCII_DTOSTR_BUF_SIZE];

            if (isnan (len))
              g_snprintf (item, sizeof item, "cord:%s:?", type);
            else
              g_snprintf (item, sizeof item, "cord:%s:%s", type,
                          g_ascii_formatd (num, sizeof num, "%.1f", len));
            acc_add (a, item, 1);
            continue;
          }
        bom->n_runs++;
        acc_run (a, type, len);
        acc_add (a, "label", 2 + (cid <= max_cable ? other_labels[cid] : 0));
      }
  }

  /* a design's cords and managers: the planned panels' */
  {
    g_autoptr(GHashTable) rack_panels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GHashTable) rack_managers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    GHashTableIter it;
    gpointer k, v;

    g_hash_table_iter_init (&it, devices);
    while (g_hash_table_iter_next (&it, &k, &v))
      {
        DevInfo *di = v;
        GHashTable *per_rack;

        if (!di->counted || !di->planned || (di->acc < 0 && scoped))
          continue;
        if (di->role == 'p' && di->run_ends > di->cord_ends)
          {
            const char *type = di->run_type[0] ? di->run_type
                             : g_str_equal (di->medium, "fibre") ? "om3" : "cat6";
            char item[64];
            char num[G_ASCII_DTOSTR_BUF_SIZE];

            g_snprintf (item, sizeof item, "cord:%s:%s", type,
                        g_ascii_formatd (num, sizeof num, "%.1f",
                                         type_is_fibre (type) ? DESIGN_CORD_FIBRE_M : DESIGN_CORD_COPPER_M));
            acc_add (ACC (di->acc), item, di->run_ends - di->cord_ends);
          }
        per_rack = di->role == 'p' ? rack_panels : di->role == 'm' ? rack_managers : NULL;
        if (per_rack && di->rack != 0)
          {
            gpointer n = g_hash_table_lookup (per_rack, &di->rack);

            if (n == NULL)
              g_hash_table_insert (per_rack, g_memdup2 (&di->rack, sizeof di->rack), GUINT_TO_POINTER (1));
            else
              g_hash_table_insert (per_rack, g_memdup2 (&di->rack, sizeof di->rack),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
          }
      }
    g_hash_table_iter_init (&it, rack_panels);
    while (g_hash_table_iter_next (&it, &k, &v))
      {
        guint need = (GPOINTER_TO_UINT (v) + DESIGN_PANELS_PER_MANAGER - 1) / DESIGN_PANELS_PER_MANAGER;
        guint have = GPOINTER_TO_UINT (g_hash_table_lookup (rack_managers, k));
        int acc = GPOINTER_TO_INT (g_hash_table_lookup (racks, k)) - 2;

        if (need > have && (acc >= 0 || !scoped))
          acc_add (ACC (acc), "manager", need - have);
      }
  }

  /* pathways */
  st = enlace_store_prepare (store, "SELECT floor_id, kind, points, to_floor_id FROM pathway", error);
  if (st == NULL)
    return NULL;
  while (STEP (st) == SQLITE_ROW)
    {
      FloorInfo *fi = g_hash_table_lookup (floors, &(gint64){ sqlite3_column_int64 (st, 0) });
      int acc = fi ? fi->acc : -1;
      double len;
      char item[64];

      if (acc < 0 && scoped)
        continue;
      len = pathway_length ((const char *)sqlite3_column_text (st, 2));
      if (fi && sqlite3_column_type (st, 3) != SQLITE_NULL)
        {
          FloorInfo *to = g_hash_table_lookup (floors, &(gint64){ sqlite3_column_int64 (st, 3) });

          if (to)
            len += fi->height * ABS (to->level - fi->level);
        }
      g_snprintf (item, sizeof item, "pathway:%s", col_text (st, 1));
      acc_add (ACC (acc), item, len);
    }

  /* prices */
  st = enlace_store_prepare (store, "SELECT item, price FROM bom_price", error);
  if (st == NULL)
    return NULL;
  while (STEP (st) == SQLITE_ROW)
    {
      double *p = g_new (double, 1);

      *p = sqlite3_column_double (st, 1);
      g_hash_table_insert (prices, g_strdup (col_text (st, 0)), p);
    }

  /* the floors, then their buildings and the total */
  for (guint i = 0; i < accs->len; i++)
    {
      Acc *a = g_ptr_array_index (accs, i);
      EnlaceBomGroup *g = a->group;

      for (guint k = 0; k < baccs->len; k++)
        {
          Acc *b = g_ptr_array_index (baccs, k);

          if (g_str_equal (b->group->building, g->building))
            acc_merge (b, a);
        }
      acc_finish (a, prices);
    }
  for (guint k = 0; k < baccs->len; k++)
    {
      acc_merge (total, g_ptr_array_index (baccs, k));
      acc_finish (g_ptr_array_index (baccs, k), prices);
    }
  acc_finish (total, prices);

  bom->currency = enlace_bom_dup_currency (store);
  bom->total->currency = g_strdup (bom->currency);
  for (guint i = 0; i < bom->floors->len; i++)
    ((EnlaceBomGroup *) g_ptr_array_index (bom->floors, i))->currency = g_strdup (bom->currency);
  for (guint i = 0; i < bom->buildings->len; i++)
    ((EnlaceBomGroup *) g_ptr_array_index (bom->buildings, i))->currency = g_strdup (bom->currency);
  return g_steal_pointer (&bom);
}

/* ------------------------------------------------------------ output */

char *
enlace_bom_line_dup_quantity (const EnlaceBomLine *l)
{
  g_return_val_if_fail (l != NULL, NULL);

  if (g_strcmp0 (l->category, "pathway") == 0)
    {
      g_autofree char *metres = enlace_number_format (l->quantity, 1);

      return g_strdup_printf ("%s %s", metres, l->unit);
    }
  if (g_strcmp0 (l->category, "cable") == 0)
    /* Translators: boxes of cable in the bill of materials, "15 boxes" */
    return g_strdup_printf (g_dngettext (NULL, "%.0f box", "%.0f boxes", (gulong) l->quantity),
                            l->quantity);
  /* Translators: pieces in the bill of materials, "126 units" */
  return g_strdup_printf (g_dngettext (NULL, "%.0f unit", "%.0f units", (gulong) l->quantity),
                          l->quantity);
}

static JsonObject *
group_to_json (EnlaceBomGroup *g)
{
  JsonObject *o = json_object_new ();
  JsonArray *lines = json_array_new ();

  if (g->building)
    {
      json_object_set_string_member (o, "building", g->building);
      json_object_set_string_member (o, "building_name", g->building_name);
    }
  if (g->has_floor)
    {
      json_object_set_int_member (o, "floor", g->level);
      json_object_set_string_member (o, "floor_name", g->floor_name);
    }
  json_object_set_double_member (o, "cost", g->cost);
  json_object_set_int_member (o, "unpriced", g->unpriced);
  for (guint i = 0; i < g->lines->len; i++)
    {
      EnlaceBomLine *l = g_ptr_array_index (g->lines, i);
      JsonObject *lo = json_object_new ();

      json_object_set_string_member (lo, "item", l->item);
      json_object_set_string_member (lo, "category", l->category);
      json_object_set_string_member (lo, "description", l->description);
      json_object_set_string_member (lo, "unit", l->unit);
      json_object_set_double_member (lo, "quantity", l->quantity);
      if (l->unit_price >= 0)
        json_object_set_double_member (lo, "unit_price", l->unit_price);
      else
        json_object_set_null_member (lo, "unit_price");
      json_object_set_double_member (lo, "cost", l->cost);
      if (g_str_equal (l->category, "cable"))
        {
          json_object_set_int_member (lo, "runs", l->runs);
          json_object_set_double_member (lo, "metres", round (l->metres * 10) / 10);
          json_object_set_int_member (lo, "unknown_length", l->unknown_length);
          json_object_set_int_member (lo, "too_long", l->too_long);
        }
      json_array_add_object_element (lines, lo);
    }
  json_object_set_array_member (o, "lines", lines);
  return o;
}

JsonObject *
enlace_bom_to_json (EnlaceBom *self)
{
  JsonObject *o;
  JsonArray *a;

  g_return_val_if_fail (self != NULL, NULL);

  o = json_object_new ();
  json_object_set_boolean_member (o, "planned_only", self->planned_only);
  json_object_set_string_member (o, "currency", self->currency);
  json_object_set_double_member (o, "box_m", ENLACE_BOM_BOX_M);
  a = json_array_new ();
  for (guint i = 0; i < self->floors->len; i++)
    json_array_add_object_element (a, group_to_json (g_ptr_array_index (self->floors, i)));
  json_object_set_array_member (o, "floors", a);
  a = json_array_new ();
  for (guint i = 0; i < self->buildings->len; i++)
    json_array_add_object_element (a, group_to_json (g_ptr_array_index (self->buildings, i)));
  json_object_set_array_member (o, "buildings", a);
  json_object_set_object_member (o, "total", group_to_json (self->total));
  return o;
}

static void
group_to_csv (GString        *out,
              EnlaceBomGroup *g)
{
  for (guint i = 0; i < g->lines->len; i++)
    {
      EnlaceBomLine *l = g_ptr_array_index (g->lines, i);
      char num[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *level = g->has_floor ? g_strdup_printf ("%d", g->level) : NULL;

      enlace_bom_csv_append (out, g->building ? g->building : "*", TRUE);
      enlace_bom_csv_append (out, level, FALSE);
      enlace_bom_csv_append (out, l->item, FALSE);
      enlace_bom_csv_append (out, l->description, FALSE);
      enlace_bom_csv_append (out, l->unit, FALSE);
      enlace_bom_csv_append (out, g_ascii_formatd (num, sizeof num, "%.1f", l->quantity), FALSE);
      enlace_bom_csv_append (out, l->unit_price >= 0 ? g_ascii_formatd (num, sizeof num, "%.2f", l->unit_price) : NULL, FALSE);
      enlace_bom_csv_append (out, l->unit_price >= 0 ? g_ascii_formatd (num, sizeof num, "%.2f", l->cost) : NULL, FALSE);
      g_string_append (out, "\r\n");
    }
}

char *
enlace_bom_to_csv (EnlaceBom *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("building,floor,item,description,unit,quantity,unit_price,cost\r\n");
  for (guint i = 0; i < self->floors->len; i++)
    group_to_csv (out, g_ptr_array_index (self->floors, i));
  for (guint i = 0; i < self->buildings->len; i++)
    group_to_csv (out, g_ptr_array_index (self->buildings, i));
  group_to_csv (out, self->total);
  return g_string_free (out, FALSE);
}
