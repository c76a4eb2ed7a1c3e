/* enlace-rack-elevation.c: the elevation of a rack, front and rear */
#define G_LOG_DOMAIN "enlace-rack-elevation"
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "enlace-kinds.h"
#include "enlace-rack-elevation.h"
#include "enlace-render-util.h"

#define MARGIN     16.0
#define HEADER_H   78.0
#define FACE_LBL_H 24.0
#define RAIL_W     26.0
#define INNER_W    220.0
#define UNIT_H     20.0
#define FACE_W     (RAIL_W * 2 + INNER_W)
#define GAP        40.0
#define FOOT_LINE  18.0

struct _EnlaceRackElevation
{
  gatomicrefcount  ref_count;
  EnlaceRackScene *scene;      /* what is drawn, from the model */

  gint64           hover;
  gint64           selected;
  EnlaceRackFace   drop_face;
  double           drop_position;
  double           drop_height;
  gboolean         drop_ok;
};

G_DEFINE_BOXED_TYPE (EnlaceRackElevation, enlace_rack_elevation,
                     enlace_rack_elevation_ref, enlace_rack_elevation_unref)

EnlaceRackElevation *
enlace_rack_elevation_ref (EnlaceRackElevation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
enlace_rack_elevation_unref (EnlaceRackElevation *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  enlace_rack_scene_unref (self->scene);
  g_free (self);
}

EnlaceRackElevation *
enlace_rack_elevation_new (EnlaceRackScene *scene)
{
  EnlaceRackElevation *self;

  g_return_val_if_fail (scene != NULL, NULL);

  self = g_new0 (EnlaceRackElevation, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->scene = enlace_rack_scene_ref (scene);
  return self;
}

EnlaceRackElevation *
enlace_rack_elevation_load (EnlaceStore  *store,
                            gint64        rack_id,
                            GError      **error)
{
  g_autoptr(EnlaceRackScene) scene = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (!(scene = enlace_rack_scene_load (store, rack_id, error)))
    return NULL;
  return enlace_rack_elevation_new (scene);
}

EnlaceRackScene *
enlace_rack_elevation_get_scene (EnlaceRackElevation *self)
{
  return self->scene;
}

gint64
enlace_rack_elevation_get_rack_id (EnlaceRackElevation *self)
{
  return self->scene->rack_id;
}

const char *
enlace_rack_elevation_get_name (EnlaceRackElevation *self)
{
  return self->scene->name;
}

guint
enlace_rack_elevation_get_u_height (EnlaceRackElevation *self)
{
  return self->scene->u_height;
}

guint
enlace_rack_elevation_get_n_devices (EnlaceRackElevation *self)
{
  return self->scene->devices->len;
}

const EnlaceRackDevice *
enlace_rack_elevation_get_device (EnlaceRackElevation *self,
                                  guint                i)
{
  g_return_val_if_fail (i < self->scene->devices->len, NULL);
  return &g_array_index (self->scene->devices, EnlaceRackDevice, i);
}

const EnlaceRackDevice *
enlace_rack_elevation_find_device (EnlaceRackElevation *self,
                                   gint64               device_id)
{
  return enlace_rack_scene_find_device (self->scene, device_id);
}

static gboolean
is_mounted (const EnlaceRackDevice *d)
{
  return enlace_rack_device_is_mounted (d);
}

static gboolean
occupies (const EnlaceRackDevice *d,
          EnlaceRackFace          face)
{
  return is_mounted (d) && (d->face == face || d->full_depth);
}

double
enlace_rack_elevation_get_used_units (EnlaceRackElevation *self)
{
  return enlace_rack_scene_get_used_units (self->scene);
}

gboolean
enlace_rack_elevation_fits (EnlaceRackElevation *self,
                            EnlaceRackFace       face,
                            double               position,
                            double               height,
                            gboolean             full_depth,
                            gint64               ignore_device,
                            gint64              *blocker)
{
  return enlace_rack_scene_fits (self->scene, face, position, height, full_depth, ignore_device, blocker);
}

/* Geometry */

static double
face_x (EnlaceRackFace face)
{
  return MARGIN + (face == ENLACE_RACK_FACE_REAR ? FACE_W + GAP : 0);
}

static double
units_top (void)
{
  return MARGIN + HEADER_H + FACE_LBL_H;
}

void
enlace_rack_elevation_get_span_rect (EnlaceRackElevation *self,
                                     EnlaceRackFace       face,
                                     double               position,
                                     double               height,
                                     double              *x,
                                     double              *y,
                                     double              *w,
                                     double              *h)
{
  double top;

  if (self->scene->desc_units)
    top = units_top () + (position - 1) * UNIT_H;
  else
    top = units_top () + (self->scene->u_height - (position - 1) - height) * UNIT_H;

  *x = face_x (face) + RAIL_W;
  *y = top;
  *w = INNER_W;
  *h = height * UNIT_H;
}

static guint
n_footer_lines (EnlaceRackElevation *self)
{
  return self->scene->n_unmounted > 0 ? 1 + self->scene->n_unmounted : 0;
}

void
enlace_rack_elevation_get_size (EnlaceRackElevation *self,
                                double              *width,
                                double              *height)
{
  if (width)
    *width = MARGIN * 2 + FACE_W * 2 + GAP;
  if (height)
    *height = units_top () + self->scene->u_height * UNIT_H + RAIL_W / 2 + MARGIN +
              n_footer_lines (self) * FOOT_LINE + (n_footer_lines (self) ? 8 : 0);
}

gboolean
enlace_rack_elevation_unit_at (EnlaceRackElevation *self,
                               double               x,
                               double               y,
                               EnlaceRackFace      *face,
                               int                 *unit)
{
  EnlaceRackFace f;
  int row;

  if (x >= face_x (ENLACE_RACK_FACE_FRONT) && x < face_x (ENLACE_RACK_FACE_FRONT) + FACE_W)
    f = ENLACE_RACK_FACE_FRONT;
  else if (x >= face_x (ENLACE_RACK_FACE_REAR) && x < face_x (ENLACE_RACK_FACE_REAR) + FACE_W)
    f = ENLACE_RACK_FACE_REAR;
  else
    return FALSE;

  if (y < units_top () || y >= units_top () + self->scene->u_height * UNIT_H)
    return FALSE;
  row = (int) floor ((y - units_top ()) / UNIT_H);
  if (face)
    *face = f;
  if (unit)
    *unit = self->scene->desc_units ? row + 1 : (int) self->scene->u_height - row;
  return TRUE;
}

double
enlace_rack_elevation_position_for_top (EnlaceRackElevation *self,
                                        double               top_y,
                                        double               height)
{
  double rows = round ((top_y - units_top ()) / UNIT_H);
  double pos;

  if (self->scene->desc_units)
    pos = rows + 1;
  else
    pos = self->scene->u_height - rows - height + 1;
  pos = floor (pos);
  return CLAMP (pos, 1, MAX (1, self->scene->u_height - ceil (height) + 1));
}

gint64
enlace_rack_elevation_device_at (EnlaceRackElevation *self,
                                 double               x,
                                 double               y,
                                 EnlaceRackFace      *face)
{
  for (int f = ENLACE_RACK_FACE_FRONT; f <= ENLACE_RACK_FACE_REAR; f++)
    for (guint i = 0; i < self->scene->devices->len; i++)
      {
        const EnlaceRackDevice *d = &g_array_index (self->scene->devices, EnlaceRackDevice, i);
        double rx, ry, rw, rh;

        if (!occupies (d, f))
          continue;
        enlace_rack_elevation_get_span_rect (self, f, d->position, d->height, &rx, &ry, &rw, &rh);
        if (x >= rx && x < rx + rw && y >= ry && y < ry + rh)
          {
            if (face)
              *face = f;
            return d->device_id;
          }
      }
  return 0;
}

void
enlace_rack_elevation_set_hover (EnlaceRackElevation *self,
                                 gint64               device_id)
{
  self->hover = device_id;
}

void
enlace_rack_elevation_set_selected (EnlaceRackElevation *self,
                                    gint64               device_id)
{
  self->selected = device_id;
}

void
enlace_rack_elevation_set_drop (EnlaceRackElevation *self,
                                EnlaceRackFace       face,
                                double               position,
                                double               height,
                                gboolean             ok)
{
  self->drop_face = face;
  self->drop_position = position;
  self->drop_height = height;
  self->drop_ok = ok;
}

/* Drawing */

static const EnlaceRgb ink = { 0.14, 0.14, 0.16 };
static const EnlaceRgb dim = { 0.45, 0.45, 0.48 };
static const EnlaceRgb rail = { 0.20, 0.21, 0.23 };
static const EnlaceRgb slot = { 0.975, 0.975, 0.97 };
static const EnlaceRgb slot_line = { 0.86, 0.86, 0.85 };

static void
draw_header (EnlaceRackElevation *self,
             cairo_t             *cr)
{
  double total_w = FACE_W * 2 + GAP;
  double used = enlace_rack_elevation_get_used_units (self);
  double frac = self->scene->u_height ? used / self->scene->u_height : 0;
  g_autofree char *title = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *util = NULL;
  g_autofree char *used_s = NULL;
  g_autofree char *width = NULL;
  double bar_y = MARGIN + 50;

  title = g_strdup_printf (_("Rack %s"), self->scene->name ? self->scene->name : "");
  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, title, 18, TRUE, ENLACE_ALIGN_LEFT, MARGIN, MARGIN, total_w, 22);

  /* "19in" → its choice label, "19 pulgadas" (the glossary's) */
  width = g_strdup (enlace_choice_label (self->scene->width ? self->scene->width : "19in"));
  if (self->scene->place)
    sub = g_strdup_printf (_("%s · %u U · %s"), self->scene->place, self->scene->u_height, width);
  else
    sub = g_strdup_printf (_("%u U · %s"), self->scene->u_height, width);
  enlace_render_set_rgb (cr, dim, 1);
  enlace_render_text (cr, sub, 12, FALSE, ENLACE_ALIGN_LEFT, MARGIN, MARGIN + 24, total_w, 18);

  /* utilisation bar with its figure on the right */
  used_s = used == floor (used) ? g_strdup_printf ("%.0f", used) : g_strdup_printf ("%.1f", used);
  util = g_strdup_printf (_("%s of %u U used (%.0f %%) · %g U free"),
                          used_s, self->scene->u_height, frac * 100, self->scene->u_height - used);
  enlace_render_set_rgb (cr, ink, 1);
  {
    double bw = total_w * 0.45;

    enlace_render_rounded_rect (cr, MARGIN, bar_y, bw, 10, 5);
    cairo_set_source_rgb (cr, 0.88, 0.88, 0.87);
    cairo_fill (cr);
    if (frac > 0)
      {
        enlace_render_rounded_rect (cr, MARGIN, bar_y, MAX (10, bw * frac), 10, 5);
        if (frac > 0.85)
          cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
        else if (frac > 0.65)
          cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);
        else
          cairo_set_source_rgb (cr, 0.15, 0.64, 0.41);
        cairo_fill (cr);
      }
    enlace_render_set_rgb (cr, ink, 1);
    enlace_render_text (cr, util, 12, FALSE, ENLACE_ALIGN_LEFT,
                        MARGIN + bw + 10, bar_y - 4, total_w - bw - 10, 18);
  }
}

static void
draw_device_box (EnlaceRackElevation    *self,
                 cairo_t                *cr,
                 const EnlaceRackDevice *d,
                 EnlaceRackFace          face)
{
  double x, y, w, h;
  gboolean ghost = d->face != face;   /* a full-depth device seen from behind */
  gboolean planned = g_strcmp0 (d->status, "planned") == 0;
  gboolean retired = g_strcmp0 (d->status, "retired") == 0;
  EnlaceRgb fill = enlace_render_role_color (d->role);
  EnlaceRgb fg;
  double text_h;

  enlace_rack_elevation_get_span_rect (self, face, d->position, d->height, &x, &y, &w, &h);
  x += 1.5; y += 1; w -= 3; h -= 2;

  cairo_save (cr);
  if (ghost)
    {
      enlace_render_rounded_rect (cr, x, y, w, h, 3);
      cairo_set_source_rgb (cr, 0.90, 0.90, 0.89);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.70, 0.70, 0.69);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.78, 0.78, 0.77);
      enlace_render_hatch (cr, x, y, w, h, 7);
      fg = dim;
    }
  else
    {
      if (retired)
        fill = (EnlaceRgb) { 0.6, 0.6, 0.6 };
      enlace_render_rounded_rect (cr, x, y, w, h, 3);
      enlace_render_set_rgb (cr, fill, planned ? 0.45 : 1);
      cairo_fill_preserve (cr);
      if (planned)
        {
          double dash[] = { 4, 3 };
          cairo_set_dash (cr, dash, 2, 0);
          enlace_render_set_rgb (cr, fill, 1);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          fg = ink;
        }
      else
        {
          cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          fg = enlace_render_text_on (fill);
          /* the two mounting ears */
          cairo_set_source_rgba (cr, 1, 1, 1, 0.18);
          cairo_rectangle (cr, x + 3, y + 2, 4, h - 4);
          cairo_rectangle (cr, x + w - 7, y + 2, 4, h - 4);
          cairo_fill (cr);
        }
    }

  /* name (and model when there is room) */
  text_h = MIN (h, UNIT_H);
  enlace_render_set_rgb (cr, fg, 1);
  {
    double size = h >= UNIT_H - 2 ? 12 : 9;
    g_autofree char *name = NULL;

    if (ghost)
      name = g_strdup_printf (_("%s (full depth, from the front)"), d->name);
    else if (planned)
      name = g_strdup_printf (_("%s (planned)"), d->name);
    else if (retired)
      name = g_strdup_printf (_("%s (retired)"), d->name);
    else
      name = g_strdup (d->name);

    if (ghost && d->face == ENLACE_RACK_FACE_REAR)
      {
        g_free (name);
        name = g_strdup_printf (_("%s (full depth, from the rear)"), d->name);
      }

    if (d->type_label && !ghost && h >= 2 * UNIT_H - 2)
      {
        enlace_render_text (cr, name, size, TRUE, ENLACE_ALIGN_LEFT, x + 12, y + 2, w - 24, text_h);
        enlace_render_set_rgb (cr, fg, 0.8);
        enlace_render_text (cr, d->type_label, 10.5, FALSE, ENLACE_ALIGN_LEFT, x + 12, y + text_h - 2, w - 24, text_h);
      }
    else if (d->type_label && !ghost && w > 150)
      {
        double nw, tw;
        enlace_render_text_size (cr, name, size, TRUE, &nw, NULL);
        enlace_render_text_size (cr, d->type_label, 9, FALSE, &tw, NULL);
        if (nw + tw + 12 < w - 24)
          {
            enlace_render_text (cr, name, size, TRUE, ENLACE_ALIGN_LEFT, x + 12, y + (h - text_h) / 2, w - 24, text_h);
            enlace_render_set_rgb (cr, fg, 0.75);
            enlace_render_text (cr, d->type_label, 9, FALSE, ENLACE_ALIGN_RIGHT, x + 12, y + (h - text_h) / 2, w - 24, text_h);
          }
        else
          enlace_render_text (cr, name, size, TRUE, ENLACE_ALIGN_LEFT, x + 12, y + (h - text_h) / 2, w - 24, text_h);
      }
    else
      enlace_render_text (cr, name, size, !ghost, ENLACE_ALIGN_LEFT, x + 12, y + (h - text_h) / 2, w - 24, text_h);
  }

  if (!ghost && (d->device_id == self->selected || d->device_id == self->hover))
    {
      enlace_render_rounded_rect (cr, x - 1, y - 1, w + 2, h + 2, 4);
      if (d->device_id == self->selected)
        cairo_set_source_rgb (cr, 0.96, 0.76, 0.07);
      else
        cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_face (EnlaceRackElevation *self,
           cairo_t             *cr,
           EnlaceRackFace       face)
{
  double fx = face_x (face);
  double top = units_top ();
  double units_h = self->scene->u_height * UNIT_H;
  g_autofree gint64 *taken = g_new0 (gint64, self->scene->u_height + 1);

  /* face label */
  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, face == ENLACE_RACK_FACE_FRONT ? _("Front") : _("Rear"),
                      13, TRUE, ENLACE_ALIGN_CENTER, fx, top - FACE_LBL_H, FACE_W, FACE_LBL_H - 4);

  /* frame and rails */
  enlace_render_rounded_rect (cr, fx, top - RAIL_W / 4, FACE_W, units_h + RAIL_W / 2, 4);
  enlace_render_set_rgb (cr, rail, 1);
  cairo_fill (cr);

  /* unit slots */
  cairo_rectangle (cr, fx + RAIL_W, top, INNER_W, units_h);
  enlace_render_set_rgb (cr, slot, 1);
  cairo_fill (cr);

  for (guint u = 1; u <= self->scene->u_height; u++)
    {
      double x, y, w, h;
      g_autofree char *num = g_strdup_printf ("%u", u);

      enlace_rack_elevation_get_span_rect (self, face, u, 1, &x, &y, &w, &h);
      cairo_move_to (cr, x, y + h - 0.5);
      cairo_line_to (cr, x + w, y + h - 0.5);
      enlace_render_set_rgb (cr, slot_line, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      enlace_render_text (cr, num, 9.5, FALSE, ENLACE_ALIGN_CENTER, fx, y, RAIL_W, h);
      enlace_render_text (cr, num, 9.5, FALSE, ENLACE_ALIGN_CENTER, fx + RAIL_W + INNER_W, y, RAIL_W, h);

      /* mounting holes */
      cairo_set_source_rgb (cr, 0.42, 0.43, 0.45);
      cairo_rectangle (cr, fx + RAIL_W - 6, y + h / 2 - 1.5, 3, 3);
      cairo_rectangle (cr, fx + RAIL_W + INNER_W + 3, y + h / 2 - 1.5, 3, 3);
      cairo_fill (cr);
    }

  /* which whole units are taken on this face, for the free-run labels */
  for (guint i = 0; i < self->scene->devices->len; i++)
    {
      const EnlaceRackDevice *d = &g_array_index (self->scene->devices, EnlaceRackDevice, i);

      if (!occupies (d, face))
        continue;
      for (double u = floor (d->position); u < d->position + d->height - 1e-9; u += 1)
        if (u >= 1 && u <= self->scene->u_height)
          taken[(guint) u] = d->device_id;
    }

  /* label runs of free units */
  for (guint u = 1; u <= self->scene->u_height; )
    {
      guint end = u;
      double x, y, w, h;
      g_autofree char *label = NULL;

      if (taken[u])
        {
          u++;
          continue;
        }
      while (end + 1 <= self->scene->u_height && !taken[end + 1])
        end++;
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u U free", "%u U free", end - u + 1),
                               end - u + 1);
      enlace_rack_elevation_get_span_rect (self, face, u, end - u + 1, &x, &y, &w, &h);
      cairo_set_source_rgb (cr, 0.62, 0.62, 0.62);
      enlace_render_text (cr, label, 10, FALSE, ENLACE_ALIGN_CENTER, x, y, w, h);
      u = end + 1;
    }

  /* devices: those seen from behind first, then this face's */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->scene->devices->len; i++)
      {
        const EnlaceRackDevice *d = &g_array_index (self->scene->devices, EnlaceRackDevice, i);

        if (!occupies (d, face))
          continue;
        if ((pass == 0) != (d->face != face))
          continue;
        draw_device_box (self, cr, d, face);
      }

  /* drop target */
  if (self->drop_position > 0 && self->drop_face == face)
    {
      double x, y, w, h;

      enlace_rack_elevation_get_span_rect (self, face, self->drop_position,
                                           MAX (self->drop_height, 1), &x, &y, &w, &h);
      enlace_render_rounded_rect (cr, x + 1, y + 1, w - 2, h - 2, 3);
      if (self->drop_ok)
        cairo_set_source_rgba (cr, 0.15, 0.64, 0.41, 0.35);
      else
        cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.35);
      cairo_fill_preserve (cr);
      if (self->drop_ok)
        cairo_set_source_rgb (cr, 0.15, 0.64, 0.41);
      else
        cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

static void
draw_footer (EnlaceRackElevation *self,
             cairo_t             *cr)
{
  double y;
  double total_w = FACE_W * 2 + GAP;

  if (self->scene->n_unmounted == 0)
    return;

  y = units_top () + self->scene->u_height * UNIT_H + RAIL_W / 2 + 8;
  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, _("In the rack without a unit (0 U or not placed):"), 12, TRUE,
                      ENLACE_ALIGN_LEFT, MARGIN, y, total_w, FOOT_LINE);
  y += FOOT_LINE;
  for (guint i = 0; i < self->scene->devices->len; i++)
    {
      const EnlaceRackDevice *d = &g_array_index (self->scene->devices, EnlaceRackDevice, i);
      g_autofree char *line = NULL;

      if (is_mounted (d))
        continue;
      line = g_strdup_printf ("• %s%s%s", d->name,
                              d->type_label ? " — " : "", d->type_label ? d->type_label : "");
      enlace_render_set_rgb (cr, dim, 1);
      enlace_render_text (cr, line, 12, FALSE, ENLACE_ALIGN_LEFT, MARGIN + 8, y, total_w - 8, FOOT_LINE);
      y += FOOT_LINE;
    }
}

void
enlace_rack_elevation_draw (EnlaceRackElevation *self,
                            cairo_t             *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  draw_header (self, cr);
  draw_face (self, cr, ENLACE_RACK_FACE_FRONT);
  draw_face (self, cr, ENLACE_RACK_FACE_REAR);
  draw_footer (self, cr);
  cairo_restore (cr);
}
