/* enlace-geometry.c: plane geometry of floor plans, in metres */
#define G_LOG_DOMAIN "enlace-geometry"
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "enlace-json-bounds.h"
#include "enlace-geometry.h"
#include "enlace-store.h"

GArray *
enlace_points_parse (const char  *json,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (EnlacePoint));
  JsonNode *root;
  JsonArray *arr;

  if (json == NULL || *json == '\0')
    return g_steal_pointer (&pts);
  if (!enlace_json_within_bounds (json, -1, error))
    return NULL;
  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    goto bad;
  arr = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonNode *el = json_array_get_element (arr, i);
      JsonArray *xy;
      EnlacePoint p;

      if (!JSON_NODE_HOLDS_ARRAY (el))
        goto bad;
      xy = json_node_get_array (el);
      if (json_array_get_length (xy) != 2)
        goto bad;
      for (guint c = 0; c < 2; c++)
        {
          JsonNode *v = json_array_get_element (xy, c);
          GType t = JSON_NODE_HOLDS_VALUE (v) ? json_node_get_value_type (v) : G_TYPE_INVALID;

          if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE)
            goto bad;
        }
      p.x = json_array_get_double_element (xy, 0);
      p.y = json_array_get_double_element (xy, 1);
      if (!isfinite (p.x) || !isfinite (p.y))
        goto bad;
      g_array_append_val (pts, p);
    }
  return g_steal_pointer (&pts);

bad:
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
               _("Points must be written as [[x, y], …] in metres"));
  return NULL;
}

gboolean
enlace_points_valid (const char *json,
                     guint       min_points)
{
  g_autoptr(GArray) pts = NULL;

  if (json == NULL || *json == '\0')
    return FALSE;
  pts = enlace_points_parse (json, NULL);
  return pts != NULL && pts->len >= min_points;
}

char *
enlace_points_to_json (const EnlacePoint *pts,
                       guint              n)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    {
      char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];

      /* Millimetre precision is what a plan holds. */
      g_ascii_formatd (bx, sizeof bx, "%.3f", pts[i].x);
      g_ascii_formatd (by, sizeof by, "%.3f", pts[i].y);
      g_string_append_printf (s, "%s[%s,%s]", i ? "," : "", bx, by);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static double
signed_area (const EnlacePoint *pts,
             guint              n)
{
  double a = 0;

  for (guint i = 0; i < n; i++)
    {
      const EnlacePoint *p = &pts[i], *q = &pts[(i + 1) % n];
      a += p->x * q->y - q->x * p->y;
    }
  return a / 2;
}

double
enlace_polygon_area (const EnlacePoint *pts,
                     guint              n)
{
  if (n < 3)
    return 0;
  return fabs (signed_area (pts, n));
}

EnlacePoint
enlace_polygon_centroid (const EnlacePoint *pts,
                         guint              n)
{
  EnlacePoint c = { 0, 0 };
  double a;

  if (n == 0)
    return c;
  a = n >= 3 ? signed_area (pts, n) : 0;
  if (fabs (a) < 1e-12)
    {
      for (guint i = 0; i < n; i++)
        {
          c.x += pts[i].x / n;
          c.y += pts[i].y / n;
        }
      return c;
    }
  for (guint i = 0; i < n; i++)
    {
      const EnlacePoint *p = &pts[i], *q = &pts[(i + 1) % n];
      double f = p->x * q->y - q->x * p->y;

      c.x += (p->x + q->x) * f;
      c.y += (p->y + q->y) * f;
    }
  c.x /= 6 * a;
  c.y /= 6 * a;
  return c;
}

gboolean
enlace_polygon_contains (const EnlacePoint *pts,
                         guint              n,
                         EnlacePoint        p)
{
  gboolean inside = FALSE;

  if (n < 3)
    return FALSE;
  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      if (((pts[i].y > p.y) != (pts[j].y > p.y)) &&
          (p.x < (pts[j].x - pts[i].x) * (p.y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x))
        inside = !inside;
    }
  return inside;
}

double
enlace_point_distance (EnlacePoint a,
                       EnlacePoint b)
{
  return hypot (a.x - b.x, a.y - b.y);
}

double
enlace_polyline_length (const EnlacePoint *pts,
                        guint              n)
{
  double len = 0;

  for (guint i = 1; i < n; i++)
    len += enlace_point_distance (pts[i - 1], pts[i]);
  return len;
}

double
enlace_segment_distance (EnlacePoint  a,
                         EnlacePoint  b,
                         EnlacePoint  p,
                         EnlacePoint *closest,
                         double      *t_out)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t = 0;
  EnlacePoint c;

  if (len2 > 0)
    t = CLAMP (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
  c.x = a.x + t * dx;
  c.y = a.y + t * dy;
  if (closest)
    *closest = c;
  if (t_out)
    *t_out = t;
  return enlace_point_distance (c, p);
}

double
enlace_polyline_distance (const EnlacePoint *pts,
                          guint              n,
                          gboolean           closed,
                          EnlacePoint        p,
                          EnlacePoint       *closest,
                          guint             *segment)
{
  double best = G_MAXDOUBLE;
  guint segs;

  if (n == 0)
    return best;
  if (n == 1)
    {
      if (closest)
        *closest = pts[0];
      if (segment)
        *segment = 0;
      return enlace_point_distance (pts[0], p);
    }
  segs = closed ? n : n - 1;
  for (guint i = 0; i < segs; i++)
    {
      EnlacePoint c;
      double d = enlace_segment_distance (pts[i], pts[(i + 1) % n], p, &c, NULL);

      if (d < best)
        {
          best = d;
          if (closest)
            *closest = c;
          if (segment)
            *segment = i;
        }
    }
  return best;
}

EnlaceBox
enlace_points_bounds (const EnlacePoint *pts,
                      guint              n)
{
  EnlaceBox b = { 0, 0, 0, 0 };

  if (n == 0)
    return b;
  b.x1 = b.x2 = pts[0].x;
  b.y1 = b.y2 = pts[0].y;
  for (guint i = 1; i < n; i++)
    {
      b.x1 = MIN (b.x1, pts[i].x);
      b.y1 = MIN (b.y1, pts[i].y);
      b.x2 = MAX (b.x2, pts[i].x);
      b.y2 = MAX (b.y2, pts[i].y);
    }
  return b;
}

gboolean
enlace_box_contains (const EnlaceBox *box,
                     EnlacePoint      p)
{
  return p.x >= box->x1 && p.x <= box->x2 && p.y >= box->y1 && p.y <= box->y2;
}

gboolean
enlace_box_intersects (const EnlaceBox *a,
                       const EnlaceBox *b)
{
  return a->x1 <= b->x2 && b->x1 <= a->x2 && a->y1 <= b->y2 && b->y1 <= a->y2;
}

void
enlace_box_union (EnlaceBox       *box,
                  const EnlaceBox *other)
{
  box->x1 = MIN (box->x1, other->x1);
  box->y1 = MIN (box->y1, other->y1);
  box->x2 = MAX (box->x2, other->x2);
  box->y2 = MAX (box->y2, other->y2);
}

EnlacePoint
enlace_point_rotate (EnlacePoint p,
                     EnlacePoint centre,
                     double      degrees)
{
  double r = degrees * G_PI / 180.0;
  double c = cos (r), s = sin (r);
  EnlacePoint out;

  out.x = centre.x + (p.x - centre.x) * c - (p.y - centre.y) * s;
  out.y = centre.y + (p.x - centre.x) * s + (p.y - centre.y) * c;
  return out;
}

/* ---------------------------------------------------------------- snapping */

EnlacePoint
enlace_snap_to_grid (EnlacePoint p,
                     double      grid)
{
  if (grid > 0)
    {
      p.x = round (p.x / grid) * grid;
      p.y = round (p.y / grid) * grid;
    }
  return p;
}

gboolean
enlace_snap_to_vertices (const EnlacePoint *pts,
                         guint              n,
                         EnlacePoint        p,
                         double             tolerance,
                         EnlacePoint       *out)
{
  double best = tolerance;
  gboolean found = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double d = enlace_point_distance (pts[i], p);

      if (d <= best)
        {
          best = d;
          *out = pts[i];
          found = TRUE;
        }
    }
  return found;
}

gboolean
enlace_snap_to_polyline (const EnlacePoint *pts,
                         guint              n,
                         gboolean           closed,
                         EnlacePoint        p,
                         double             tolerance,
                         EnlacePoint       *out)
{
  EnlacePoint c;
  double d = enlace_polyline_distance (pts, n, closed, p, &c, NULL);

  if (d > tolerance)
    return FALSE;
  *out = c;
  return TRUE;
}

/* ---------------------------------------------------------------- calibration */

double
enlace_calibrate (const EnlaceMeasure  *m,
                  GError              **error)
{
  double units;

  g_return_val_if_fail (m != NULL, 0);

  units = enlace_point_distance (m->a, m->b);
  if (!(m->real_m > 0) || !isfinite (m->real_m))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("The real distance must be more than 0 m"));
      return 0;
    }
  if (units < 1e-9)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Click two different points to measure the plan"));
      return 0;
    }
  return m->real_m / units;
}

double
enlace_calibration_stretch (const EnlaceMeasure *first,
                            const EnlaceMeasure *second)
{
  double s1 = enlace_calibrate (first, NULL);
  double s2 = enlace_calibrate (second, NULL);

  if (s1 <= 0 || s2 <= 0)
    return 0;
  return fabs (s1 - s2) / MAX (s1, s2);
}

/* ---------------------------------------------------------------- viewport */

EnlacePoint
enlace_viewport_to_view (const EnlaceViewport *vp,
                         EnlacePoint           m)
{
  EnlacePoint px;

  px.x = (m.x - vp->centre_x) * vp->pixels_per_m + vp->width / 2;
  px.y = (m.y - vp->centre_y) * vp->pixels_per_m + vp->height / 2;
  return px;
}

EnlacePoint
enlace_viewport_to_plan (const EnlaceViewport *vp,
                         EnlacePoint           px)
{
  EnlacePoint m;

  m.x = (px.x - vp->width / 2) / vp->pixels_per_m + vp->centre_x;
  m.y = (px.y - vp->height / 2) / vp->pixels_per_m + vp->centre_y;
  return m;
}

EnlaceBox
enlace_viewport_visible (const EnlaceViewport *vp)
{
  EnlaceBox b;

  b.x1 = vp->centre_x - vp->width / 2 / vp->pixels_per_m;
  b.x2 = vp->centre_x + vp->width / 2 / vp->pixels_per_m;
  b.y1 = vp->centre_y - vp->height / 2 / vp->pixels_per_m;
  b.y2 = vp->centre_y + vp->height / 2 / vp->pixels_per_m;
  return b;
}

void
enlace_viewport_zoom_at (EnlaceViewport *vp,
                         double          factor,
                         EnlacePoint     px)
{
  EnlacePoint before = enlace_viewport_to_plan (vp, px);
  EnlacePoint after;

  vp->pixels_per_m = CLAMP (vp->pixels_per_m * factor, ENLACE_VIEWPORT_MIN_ZOOM, ENLACE_VIEWPORT_MAX_ZOOM);
  after = enlace_viewport_to_plan (vp, px);
  vp->centre_x += before.x - after.x;
  vp->centre_y += before.y - after.y;
}

void
enlace_viewport_pan (EnlaceViewport *vp,
                     double          dx_px,
                     double          dy_px)
{
  vp->centre_x -= dx_px / vp->pixels_per_m;
  vp->centre_y -= dy_px / vp->pixels_per_m;
}

void
enlace_viewport_fit (EnlaceViewport  *vp,
                     const EnlaceBox *box,
                     double           margin)
{
  double w = MAX (box->x2 - box->x1, 1e-3);
  double h = MAX (box->y2 - box->y1, 1e-3);
  double aw = MAX (vp->width - 2 * margin, 1);
  double ah = MAX (vp->height - 2 * margin, 1);

  vp->pixels_per_m = CLAMP (MIN (aw / w, ah / h), ENLACE_VIEWPORT_MIN_ZOOM, ENLACE_VIEWPORT_MAX_ZOOM);
  vp->centre_x = (box->x1 + box->x2) / 2;
  vp->centre_y = (box->y1 + box->y2) / 2;
}

double
enlace_viewport_scale_bar (const EnlaceViewport *vp,
                           double                max_px,
                           double               *px)
{
  double max_m = max_px / vp->pixels_per_m;
  double p10 = pow (10, floor (log10 (max_m)));
  double len = p10;

  if (5 * p10 <= max_m)
    len = 5 * p10;
  else if (2 * p10 <= max_m)
    len = 2 * p10;
  if (px)
    *px = len * vp->pixels_per_m;
  return len;
}

/* ---------------------------------------------------------------- grid index */

struct _EnlaceGridIndex
{
  EnlaceBox  extent;
  double     cell;
  guint      cols;
  guint      rows;
  GArray   **cells;   /* of Entry */
  GArray    *boxes;   /* EnlaceBox by item id: the union of its parts */
  GArray    *has;     /* gboolean by item id */
  guint     *seen;    /* query stamps by item id */
  guint      n_seen;
  guint      stamp;
};

typedef struct
{
  guint     item;
  EnlaceBox box;
} Entry;

EnlaceGridIndex *
enlace_grid_index_new (const EnlaceBox *extent,
                       double           cell_m)
{
  EnlaceGridIndex *self = g_new0 (EnlaceGridIndex, 1);
  double w = MAX (extent->x2 - extent->x1, cell_m);
  double h = MAX (extent->y2 - extent->y1, cell_m);

  g_return_val_if_fail (cell_m > 0, NULL);

  self->extent = *extent;
  self->cell = cell_m;
  self->cols = MIN ((guint)ceil (w / cell_m) + 1, 4096);
  self->rows = MIN ((guint)ceil (h / cell_m) + 1, 4096);
  self->cells = g_new0 (GArray *, (gsize)self->cols * self->rows);
  self->boxes = g_array_new (FALSE, TRUE, sizeof (EnlaceBox));
  self->has = g_array_new (FALSE, TRUE, sizeof (gboolean));
  return self;
}

void
enlace_grid_index_free (EnlaceGridIndex *self)
{
  if (self == NULL)
    return;
  for (gsize i = 0; i < (gsize)self->cols * self->rows; i++)
    if (self->cells[i])
      g_array_unref (self->cells[i]);
  g_free (self->cells);
  g_array_unref (self->boxes);
  g_array_unref (self->has);
  g_free (self->seen);
  g_free (self);
}

static void
cell_range (EnlaceGridIndex *self,
            const EnlaceBox *box,
            guint           *c1,
            guint           *r1,
            guint           *c2,
            guint           *r2)
{
  double fx1 = floor ((box->x1 - self->extent.x1) / self->cell);
  double fy1 = floor ((box->y1 - self->extent.y1) / self->cell);
  double fx2 = floor ((box->x2 - self->extent.x1) / self->cell);
  double fy2 = floor ((box->y2 - self->extent.y1) / self->cell);

  *c1 = (guint)CLAMP (fx1, 0, self->cols - 1);
  *r1 = (guint)CLAMP (fy1, 0, self->rows - 1);
  *c2 = (guint)CLAMP (fx2, 0, self->cols - 1);
  *r2 = (guint)CLAMP (fy2, 0, self->rows - 1);
}

void
enlace_grid_index_insert (EnlaceGridIndex *self,
                          guint            item,
                          const EnlaceBox *box)
{
  Entry entry = { item, *box };
  guint c1, r1, c2, r2;

  g_return_if_fail (self != NULL);

  if (item >= self->boxes->len)
    {
      g_array_set_size (self->boxes, item + 1);
      g_array_set_size (self->has, item + 1);
    }
  if (g_array_index (self->has, gboolean, item))
    enlace_box_union (&g_array_index (self->boxes, EnlaceBox, item), box);
  else
    {
      g_array_index (self->boxes, EnlaceBox, item) = *box;
      g_array_index (self->has, gboolean, item) = TRUE;
    }
  cell_range (self, box, &c1, &r1, &c2, &r2);
  for (guint r = r1; r <= r2; r++)
    for (guint c = c1; c <= c2; c++)
      {
        GArray **cell = &self->cells[(gsize)r * self->cols + c];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (Entry));
        g_array_append_val (*cell, entry);
      }
}

guint
enlace_grid_index_hit (EnlaceGridIndex   *self,
                       EnlacePoint        p,
                       EnlaceGridHitFunc  func,
                       gpointer           data)
{
  EnlaceBox pb = { p.x, p.y, p.x, p.y };
  guint c1, r1, c2, r2;
  GArray *cell;
  guint best = G_MAXUINT;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  cell_range (self, &pb, &c1, &r1, &c2, &r2);
  cell = self->cells[(gsize)r1 * self->cols + c1];
  if (cell == NULL)
    return G_MAXUINT;
  /* Later items are drawn on top: the highest item that holds the point
   * wins.  Entries are in insertion order, items inserted in order. */
  for (guint i = cell->len; i > 0; i--)
    {
      const Entry *e = &g_array_index (cell, Entry, i - 1);

      if (best != G_MAXUINT && e->item <= best)
        break;
      if (e->item == best || !enlace_box_contains (&e->box, p))
        continue;
      if (func == NULL || func (e->item, p, data))
        best = e->item;
    }
  return best;
}

GArray *
enlace_grid_index_query (EnlaceGridIndex *self,
                         const EnlaceBox *box)
{
  GArray *ret = g_array_new (FALSE, FALSE, sizeof (guint));
  guint c1, r1, c2, r2;

  g_return_val_if_fail (self != NULL, ret);

  if (self->n_seen < self->boxes->len)
    {
      self->seen = g_renew (guint, self->seen, self->boxes->len);
      memset (self->seen + self->n_seen, 0, (self->boxes->len - self->n_seen) * sizeof (guint));
      self->n_seen = self->boxes->len;
    }
  self->stamp++;
  cell_range (self, box, &c1, &r1, &c2, &r2);
  for (guint r = r1; r <= r2; r++)
    for (guint c = c1; c <= c2; c++)
      {
        GArray *cell = self->cells[(gsize)r * self->cols + c];

        if (cell == NULL)
          continue;
        for (guint i = 0; i < cell->len; i++)
          {
            const Entry *e = &g_array_index (cell, Entry, i);

            if (self->seen[e->item] == self->stamp)
              continue;
            if (enlace_box_intersects (&e->box, box))
              {
                self->seen[e->item] = self->stamp;
                g_array_append_val (ret, e->item);
              }
          }
      }
  return ret;
}
