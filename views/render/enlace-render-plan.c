/* enlace-render-plan.c: draws a floor plan to scale into any cairo_t */
#define G_LOG_DOMAIN "enlace-render-plan"
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "enlace-render-plan.h"
#include "enlace-render-util.h"

/* ---------------------------------------------------------------- colours */

typedef struct { double r, g, b; } Rgb;

static const Rgb ink = { 0.16, 0.18, 0.21 };
static const Rgb wall_ink = { 0.22, 0.24, 0.27 };
static const Rgb selection_ink = { 0.21, 0.52, 0.89 };
static const Rgb highlight_ink = { 0.96, 0.47, 0.00 };
static const Rgb failure_ink = { 0.88, 0.11, 0.14 };
static const Rgb route_ink = { 0.10, 0.45, 0.85 };
static const Rgb tray_ink = { 0.85, 0.55, 0.15 };
static const Rgb conduit_ink = { 0.45, 0.35, 0.60 };
static const Rgb raceway_ink = { 0.35, 0.55, 0.35 };
static const Rgb rack_ink = { 0.30, 0.32, 0.36 };

static void
set_rgb (cairo_t *cr,
         Rgb      c,
         double   a)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, a);
}

void
enlace_render_jack_state_rgb (EnlaceJackState  state,
                              double          *r,
                              double          *g,
                              double          *b)
{
  static const Rgb colours[] = {
    [ENLACE_JACK_FREE] = { 0.93, 0.94, 0.95 },
    [ENLACE_JACK_LIVE] = { 0.18, 0.62, 0.29 },
    [ENLACE_JACK_PLANNED] = { 0.93, 0.66, 0.00 },
    [ENLACE_JACK_FAULTY] = { 0.82, 0.19, 0.18 },
    /* healthy, as green as in service, bluer: nothing is plugged in yet */
    [ENLACE_JACK_SERVED] = { 0.16, 0.56, 0.62 },
  };
  Rgb c = colours[CLAMP (state, ENLACE_JACK_FREE, ENLACE_JACK_SERVED)];

  *r = c.r;
  *g = c.g;
  *b = c.b;
}

static Rgb
jack_rgb (EnlaceJackState state)
{
  Rgb c;

  enlace_render_jack_state_rgb (state, &c.r, &c.g, &c.b);
  return c;
}

static Rgb
status_rgb (const char *status)
{
  if (g_strcmp0 (status, "planned") == 0)
    return (Rgb) { 0.24, 0.47, 0.85 };
  if (g_strcmp0 (status, "retired") == 0)
    return (Rgb) { 0.62, 0.62, 0.62 };
  return (Rgb) { 0.20, 0.22, 0.25 };
}

static Rgb
space_rgb (const char *kind)
{
  if (g_strcmp0 (kind, "telecom-room") == 0 || g_strcmp0 (kind, "equipment-room") == 0)
    return (Rgb) { 0.87, 0.82, 0.95 };  /* purple: common equipment (TIA-606) */
  if (g_strcmp0 (kind, "entrance-facility") == 0)
    return (Rgb) { 0.99, 0.86, 0.74 };  /* orange: demarcation */
  if (g_strcmp0 (kind, "classroom") == 0)
    return (Rgb) { 0.86, 0.92, 0.98 };
  if (g_strcmp0 (kind, "laboratory") == 0)
    return (Rgb) { 0.87, 0.95, 0.87 };
  if (g_strcmp0 (kind, "office") == 0)
    return (Rgb) { 0.98, 0.96, 0.89 };
  return (Rgb) { 0.94, 0.94, 0.94 };
}

/* ---------------------------------------------------------------- background */

typedef enum { BG_IMAGE, BG_SVG, BG_PDF } BgKind;

struct _EnlacePlanBackground
{
  BgKind            kind;
  cairo_surface_t  *image;
  RsvgHandle       *svg;
  PopplerDocument  *pdf;
  PopplerPage      *page;
  int               n_pages;
  double            width;
  double            height;

  /* The last view it was drawn for, device pixels. */
  cairo_surface_t  *mips[8];   /* the image halved 1, 2, … times */
  cairo_surface_t  *cache;
  double            cache_key[9];
  double            cache_opacity;
};

const char *
enlace_plan_background_sniff (GBytes *data)
{
  gsize len;
  const guchar *p = g_bytes_get_data (data, &len);

  if (len >= 8 && memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
    return "image/jpeg";
  if (len >= 5 && memcmp (p, "%PDF-", 5) == 0)
    return "application/pdf";
  if (len >= 5 && (g_strstr_len ((const char *)p, MIN (len, 4096), "<svg") != NULL))
    return "image/svg+xml";
  return NULL;
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf);
  int h = gdk_pixbuf_get_height (pixbuf);
  int n = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  guchar *dst = cairo_image_surface_get_data (surface);
  int dst_stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    {
      const guchar *s = src + y * src_stride;
      guint32 *d = (guint32 *)(dst + y * dst_stride);

      for (int x = 0; x < w; x++, s += n)
        {
          guint a = n == 4 ? s[3] : 255;
          guint r = s[0] * a / 255, g = s[1] * a / 255, b = s[2] * a / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

typedef struct
{
  const guchar *data;
  gsize         len;
  gsize         pos;
} PngReader;

static cairo_status_t
png_read (void          *closure,
          unsigned char *out,
          unsigned int   length)
{
  PngReader *r = closure;

  if (r->pos + length > r->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, r->data + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

EnlacePlanBackground *
enlace_plan_background_new (GBytes      *data,
                            const char  *mime,
                            int          page,
                            GError     **error)
{
  g_autoptr(EnlacePlanBackground) self = g_new0 (EnlacePlanBackground, 1);

  g_return_val_if_fail (data != NULL, NULL);

  if (mime == NULL)
    mime = enlace_plan_background_sniff (data);
  if (mime == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The plan must be a PNG, JPEG or SVG image or a PDF file"));
      return NULL;
    }

  if (strcmp (mime, "image/png") == 0)
    {
      PngReader r = { g_bytes_get_data (data, NULL), g_bytes_get_size (data), 0 };

      self->kind = BG_IMAGE;
      self->image = cairo_image_surface_create_from_png_stream (png_read, &r);
      if (cairo_surface_status (self->image) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The PNG image cannot be read: %s"),
                       cairo_status_to_string (cairo_surface_status (self->image)));
          return NULL;
        }
      self->width = cairo_image_surface_get_width (self->image);
      self->height = cairo_image_surface_get_height (self->image);
    }
  else if (g_str_has_prefix (mime, "image/") && strcmp (mime, "image/svg+xml") != 0)
    {
      g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (data);
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream (in, NULL, error);
      g_autoptr(GdkPixbuf) oriented = NULL;

      if (pixbuf == NULL)
        return NULL;
      oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
      self->kind = BG_IMAGE;
      self->image = surface_from_pixbuf (oriented);
      self->width = gdk_pixbuf_get_width (oriented);
      self->height = gdk_pixbuf_get_height (oriented);
    }
  else if (strcmp (mime, "image/svg+xml") == 0)
    {
      gdouble w = 0, h = 0;

      self->kind = BG_SVG;
      self->svg = rsvg_handle_new_from_data (g_bytes_get_data (data, NULL), g_bytes_get_size (data), error);
      if (self->svg == NULL)
        return NULL;
      if (!rsvg_handle_get_intrinsic_size_in_pixels (self->svg, &w, &h))
        {
          RsvgRectangle ink_r, logical;

          rsvg_handle_get_geometry_for_element (self->svg, NULL, &ink_r, &logical, NULL);
          w = logical.width;
          h = logical.height;
        }
      if (!(w > 0 && h > 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The SVG plan has no size"));
          return NULL;
        }
      self->width = w;
      self->height = h;
    }
  else if (strcmp (mime, "application/pdf") == 0)
    {
      self->kind = BG_PDF;
      self->pdf = poppler_document_new_from_bytes (data, NULL, error);
      if (self->pdf == NULL)
        return NULL;
      self->n_pages = poppler_document_get_n_pages (self->pdf);
      if (page < 0 || page >= self->n_pages)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The PDF has %d pages: there is no page %d"), self->n_pages, page + 1);
          return NULL;
        }
      self->page = poppler_document_get_page (self->pdf, page);
      poppler_page_get_size (self->page, &self->width, &self->height);
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The plan must be a PNG, JPEG or SVG image or a PDF file (not %s)"), mime);
      return NULL;
    }
  if (self->n_pages == 0)
    self->n_pages = 1;
  return g_steal_pointer (&self);
}

void
enlace_plan_background_free (EnlacePlanBackground *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->image, cairo_surface_destroy);
  for (guint i = 0; i < G_N_ELEMENTS (self->mips); i++)
    g_clear_pointer (&self->mips[i], cairo_surface_destroy);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  g_clear_object (&self->svg);
  g_clear_object (&self->page);
  g_clear_object (&self->pdf);
  g_free (self);
}

double
enlace_plan_background_get_width (EnlacePlanBackground *self)
{
  return self->width;
}

double
enlace_plan_background_get_height (EnlacePlanBackground *self)
{
  return self->height;
}

int
enlace_plan_background_get_n_pages (EnlacePlanBackground *self)
{
  return self->n_pages;
}

/* The image halved @level times (made once, on demand). */
static cairo_surface_t *
image_level (EnlacePlanBackground *bg,
             guint                 level)
{
  cairo_surface_t *prev;

  if (level == 0)
    return bg->image;
  level = MIN (level, G_N_ELEMENTS (bg->mips));
  if (bg->mips[level - 1] == NULL)
    {
      int w, h;
      cairo_t *cr;

      prev = image_level (bg, level - 1);
      w = MAX (1, cairo_image_surface_get_width (prev) / 2);
      h = MAX (1, cairo_image_surface_get_height (prev) / 2);
      bg->mips[level - 1] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cr = cairo_create (bg->mips[level - 1]);
      cairo_scale (cr, (double)w / cairo_image_surface_get_width (prev), (double)h / cairo_image_surface_get_height (prev));
      cairo_set_source_surface (cr, prev, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  return bg->mips[level - 1];
}

/* Draws the background in its own units at the current transformation. */
static void
background_paint_raw (EnlacePlanBackground *bg,
                      cairo_t              *cr)
{
  switch (bg->kind)
    {
    case BG_IMAGE:
      {
        double sx = 1, sy = 0;
        guint level = 0;
        cairo_surface_t *img;

        /* Scaling a big scan down in one step is slow and aliased: start
         * from the halved copy nearest to the size it is drawn at. */
        cairo_user_to_device_distance (cr, &sx, &sy);
        while (hypot (sx, sy) * (1 << (level + 1)) <= 1.0 && level < G_N_ELEMENTS (bg->mips))
          level++;
        img = image_level (bg, level);
        cairo_save (cr);
        cairo_scale (cr, (double)bg->width / cairo_image_surface_get_width (img),
                     (double)bg->height / cairo_image_surface_get_height (img));
        cairo_set_source_surface (cr, img, 0, 0);
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
        cairo_paint (cr);
        cairo_restore (cr);
      }
      break;
    case BG_SVG:
      {
        RsvgRectangle r = { 0, 0, bg->width, bg->height };
        rsvg_handle_render_document (bg->svg, cr, &r, NULL);
      }
      break;
    case BG_PDF:
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, bg->width, bg->height);
      cairo_fill (cr);
      poppler_page_render (bg->page, cr);
      break;
    default:
      break;
    }
}

static void
background_transform (cairo_t              *cr,
                      EnlacePlanScene      *scene,
                      const EnlaceViewport *vp)
{
  EnlacePoint o = enlace_viewport_to_view (vp, (EnlacePoint) { scene->origin_x, scene->origin_y });

  cairo_translate (cr, o.x, o.y);
  cairo_rotate (cr, scene->bg_rotation * G_PI / 180.0);
  cairo_scale (cr, scene->scale * vp->pixels_per_m, scene->scale * vp->pixels_per_m);
}

static void
draw_background (cairo_t               *cr,
                 EnlacePlanScene       *scene,
                 const EnlaceViewport  *vp,
                 const EnlacePlanStyle *style)
{
  EnlacePlanBackground *bg = style->background;
  double key[9] = { vp->centre_x, vp->centre_y, vp->pixels_per_m, vp->width, vp->height,
                    scene->origin_x, scene->origin_y, scene->bg_rotation, scene->scale };
  double opacity = style->paper ? MAX (scene->opacity, 0.35) : scene->opacity;

  if (bg == NULL || !(scene->scale > 0))
    return;

  if (style->paper)
    {
      /* Vector quality on paper: no cache. */
      cairo_save (cr);
      cairo_push_group (cr);
      background_transform (cr, scene, vp);
      background_paint_raw (bg, cr);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, opacity);
      cairo_restore (cr);
      return;
    }

  /* On screen the background is drawn once per view, faded onto white,
   * and copied as it is while only the items change (hover, selection,
   * edits): a copy, not a blend, per frame. */
  if (bg->cache == NULL || memcmp (key, bg->cache_key, sizeof key) != 0 || bg->cache_opacity != opacity)
    {
      int w = MAX (1, (int)ceil (vp->width)), h = MAX (1, (int)ceil (vp->height));
      cairo_t *cc;

      g_clear_pointer (&bg->cache, cairo_surface_destroy);
      bg->cache = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cc = cairo_create (bg->cache);
      cairo_set_source_rgb (cc, 0.99, 0.99, 0.99);
      cairo_paint (cc);
      cairo_push_group (cc);
      background_transform (cc, scene, vp);
      background_paint_raw (bg, cc);
      cairo_pop_group_to_source (cc);
      cairo_paint_with_alpha (cc, opacity);
      cairo_destroy (cc);
      memcpy (bg->cache_key, key, sizeof key);
      bg->cache_opacity = opacity;
    }
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, bg->cache, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------- items */

void
enlace_plan_style_init (EnlacePlanStyle *style)
{
  memset (style, 0, sizeof *style);
  style->layers = ENLACE_PLAN_LAYERS_DEFAULT;
  style->coloring = ENLACE_PLAN_COLOR_STATE;
}

static void
path_points (cairo_t              *cr,
             const EnlaceViewport *vp,
             GArray               *points,
             gboolean              close)
{
  for (guint i = 0; i < points->len; i++)
    {
      EnlacePoint p = enlace_viewport_to_view (vp, g_array_index (points, EnlacePoint, i));

      if (i == 0)
        cairo_move_to (cr, p.x, p.y);
      else
        cairo_line_to (cr, p.x, p.y);
    }
  if (close)
    cairo_close_path (cr);
}

/* A polygon with its corners on whole pixels (@offset 0, for fills) or
 * on pixel centres (@offset 0.5, for 1 px outlines): rooms are mostly
 * rectangles, and cairo fills and strokes pixel-aligned rectangles as
 * plain boxes, much faster than antialiased edges.  A shift of at most
 * half a pixel is not seen. */
static void
path_points_snapped (cairo_t              *cr,
                     const EnlaceViewport *vp,
                     GArray               *points,
                     double                offset)
{
  for (guint i = 0; i < points->len; i++)
    {
      EnlacePoint p = enlace_viewport_to_view (vp, g_array_index (points, EnlacePoint, i));

      p.x = round (p.x) + offset;
      p.y = round (p.y) + offset;
      if (i == 0)
        cairo_move_to (cr, p.x, p.y);
      else
        cairo_line_to (cr, p.x, p.y);
    }
  cairo_close_path (cr);
}

/* Liang–Barsky: clips segment ab to @box; FALSE when nothing is left. */
static gboolean
clip_segment (const EnlaceBox *box,
              EnlacePoint     *a,
              EnlacePoint     *b)
{
  double t0 = 0, t1 = 1, dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - box->x1, box->x2 - a->x, a->y - box->y1, box->y2 - a->y };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      {
        double r = q[i] / p[i];

        if (p[i] < 0)
          {
            if (r > t1)
              return FALSE;
            t0 = MAX (t0, r);
          }
        else
          {
            if (r < t0)
              return FALSE;
            t1 = MIN (t1, r);
          }
      }
    }
  {
    EnlacePoint na = { a->x + t0 * dx, a->y + t0 * dy };
    EnlacePoint nb = { a->x + t1 * dx, a->y + t1 * dy };

    *a = na;
    *b = nb;
  }
  return TRUE;
}

/* A polyline cut to what the view shows, so that dashes and wide strokes
 * are only computed where they are seen. */
static void
path_points_clipped (cairo_t              *cr,
                     const EnlaceViewport *vp,
                     GArray               *points,
                     double                margin_px)
{
  EnlaceBox view = enlace_viewport_visible (vp);
  double m = margin_px / vp->pixels_per_m;
  gboolean pen_down = FALSE;

  view.x1 -= m;
  view.y1 -= m;
  view.x2 += m;
  view.y2 += m;
  for (guint i = 1; i < points->len; i++)
    {
      EnlacePoint a = g_array_index (points, EnlacePoint, i - 1);
      EnlacePoint b = g_array_index (points, EnlacePoint, i);
      EnlacePoint ca = a, cb = b;
      EnlacePoint pa, pb;

      if (!clip_segment (&view, &ca, &cb))
        {
          pen_down = FALSE;
          continue;
        }
      pa = enlace_viewport_to_view (vp, ca);
      pb = enlace_viewport_to_view (vp, cb);
      if (!pen_down || ca.x != a.x || ca.y != a.y)
        cairo_move_to (cr, pa.x, pa.y);
      cairo_line_to (cr, pb.x, pb.y);
      pen_down = cb.x == b.x && cb.y == b.y;
    }
}

static gboolean
is_selected (const EnlacePlanStyle *style,
             const EnlacePlanItem  *item)
{
  if (style->selection == NULL || style->paper)
    return FALSE;
  for (guint i = 0; i < style->selection->len; i++)
    if (g_ptr_array_index (style->selection, i) == item)
      return TRUE;
  return FALSE;
}

/* Device-space font size for a label of @m metres high, or 0 when the
 * label would be too small to read. */
static double
label_size (const EnlaceViewport *vp,
            double                m,
            double                min,
            double                max)
{
  double s = m * vp->pixels_per_m;

  if (s < min)
    return 0;
  return MIN (s, max);
}

/* The rooms of a floor: one fill per colour and one stroke for every
 * outline, rather than a fill and a stroke each. */
static void
draw_spaces_batched (cairo_t               *cr,
                     EnlacePlanScene       *scene,
                     GArray                *visible,
                     const EnlaceViewport  *vp,
                     const EnlacePlanStyle *style)
{
  static const char * const kinds[] = { "telecom-room", "entrance-facility", "classroom", "laboratory", "office", "other" };
  gboolean any = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      Rgb fill = space_rgb (kinds[k]);
      gboolean some = FALSE;

      for (guint i = 0; i < visible->len; i++)
        {
          EnlacePlanItem *item = g_ptr_array_index (scene->items, g_array_index (visible, guint, i));
          Rgb c;

          if (item->kind != ENLACE_PLAN_ITEM_SPACE)
            continue;
          c = space_rgb (item->type);
          if (c.r != fill.r || c.g != fill.g || c.b != fill.b)
            continue;
          path_points_snapped (cr, vp, item->points, 0);
          some = any = TRUE;
        }
      if (some)
        {
          set_rgb (cr, fill, style->background ? 0.55 : 0.9);
          cairo_fill (cr);
        }
    }
  if (!any)
    return;
  for (guint i = 0; i < visible->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, g_array_index (visible, guint, i));

      if (item->kind == ENLACE_PLAN_ITEM_SPACE)
        path_points_snapped (cr, vp, item->points, 0.5);
    }
  set_rgb (cr, ink, 0.45);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

/* The names of 300 rooms, drawn again at every frame at the same size:
 * their layouts are kept and shaped once (shaping costs more than
 * drawing the glyphs).  Centred in @w like enlace_render_text(); with
 * @whole, not drawn at all when it does not fit. */
static void
cached_label (cairo_t    *cr,
              const char *text,
              double      size,
              gboolean    bold,
              double      x,
              double      y,
              double      w,
              double      h,
              gboolean    whole)
{
  static GHashTable *cache;
  g_autofree char *key = NULL;
  PangoLayout *layout;
  PangoRectangle logical;
  double tw;

  if (text == NULL || text[0] == '\0' || w <= 0)
    return;
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  key = g_strdup_printf ("%d:%d:%d:%s", (int) round (size * 20), bold ? 1 : 0, (int) round (w), text);
  layout = g_hash_table_lookup (cache, key);
  if (layout == NULL)
    {
      /* zooming makes new sizes: start again rather than grow forever */
      if (g_hash_table_size (cache) >= 4096)
        g_hash_table_remove_all (cache);
      layout = enlace_render_layout (cr, size, bold);
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_width (layout, (int) (w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      g_hash_table_insert (cache, g_steal_pointer (&key), layout);
    }
  else
    pango_cairo_update_context (cr, pango_layout_get_context (layout));
  /* a room's name cut to "Cuarto de tel…" over its rack says less than
   * nothing: the code above it and the tooltip say which room it is */
  if (whole && pango_layout_is_ellipsized (layout))
    return;
  pango_layout_get_extents (layout, NULL, &logical);
  tw = MIN (logical.width / (double) PANGO_SCALE, w);
  cairo_move_to (cr, x + (w - tw) / 2 - logical.x / (double) PANGO_SCALE,
                 y + (h - logical.height / (double) PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_space_label (cairo_t               *cr,
                  const EnlaceViewport  *vp,
                  EnlacePlanItem        *item)
{
  EnlacePoint c = enlace_polygon_centroid ((EnlacePoint *)item->points->data, item->points->len);
  EnlacePoint px = enlace_viewport_to_view (vp, c);
  double w = (item->bounds.x2 - item->bounds.x1) * vp->pixels_per_m;
  double h = (item->bounds.y2 - item->bounds.y1) * vp->pixels_per_m;
  double size = label_size (vp, 0.45, 6, 14);
  double area = enlace_polygon_area ((EnlacePoint *)item->points->data, item->points->len);
  g_autofree char *area_text = NULL;

  if (size == 0 || w < 30 || h < 16)
    return;
  set_rgb (cr, ink, 0.95);
  cached_label (cr, item->name, size, TRUE,
                px.x - w / 2, px.y - size * 2.1, w, size * 1.6, FALSE);
  /* Small on screen: the code alone. */
  if (size < 9)
    return;
  if (item->subtitle && h > size * 4)
    {
      set_rgb (cr, ink, 0.75);
      cached_label (cr, item->subtitle, size * 0.75, FALSE,
                    px.x - w / 2 + 2, px.y - size * 0.5, w - 4, size * 1.2, TRUE);
    }
  if (h > size * 6)
    {
      area_text = g_strdup_printf (_("%.1f m²"), area);
      set_rgb (cr, ink, 0.55);
      cached_label (cr, area_text, size * 0.7, FALSE,
                    px.x - w / 2, px.y + size * 0.8, w, size * 1.1, FALSE);
    }
}

static void
draw_wall (cairo_t              *cr,
           const EnlaceViewport *vp,
           EnlacePlanItem       *item)
{
  path_points_clipped (cr, vp, item->points, item->thickness * vp->pixels_per_m + 4);
  set_rgb (cr, wall_ink, 1.0);
  cairo_set_line_width (cr, MAX (item->thickness * vp->pixels_per_m, 1.5));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void stroke_pathways (cairo_t              *cr,
                             const EnlaceViewport *vp,
                             const char           *type,
                             double                item_width);

static void
draw_pathway (cairo_t              *cr,
              const EnlaceViewport *vp,
              EnlacePlanItem       *item)
{
  double width = MAX (item->width, 0.2) * vp->pixels_per_m;

  if (g_strcmp0 (item->type, "riser") == 0)
    {
      EnlacePoint p = enlace_viewport_to_view (vp, g_array_index (item->points, EnlacePoint, 0));
      double r = MAX (0.3 * vp->pixels_per_m, 5);

      cairo_arc (cr, p.x, p.y, r, 0, 2 * G_PI);
      set_rgb (cr, conduit_ink, 0.25);
      cairo_fill_preserve (cr);
      set_rgb (cr, conduit_ink, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_move_to (cr, p.x - r * 0.7, p.y - r * 0.7);
      cairo_line_to (cr, p.x + r * 0.7, p.y + r * 0.7);
      cairo_move_to (cr, p.x + r * 0.7, p.y - r * 0.7);
      cairo_line_to (cr, p.x - r * 0.7, p.y + r * 0.7);
      cairo_stroke (cr);
      return;
    }

  path_points_clipped (cr, vp, item->points, width + 4);
  stroke_pathways (cr, vp, item->type, item->width);
}

/* Trays, conduits and raceways of one kind and width share a path: one
 * stroke (two for trays) for all of them.  Thin ones, seen from afar,
 * get mitred corners and butt dash ends, which cost no arcs. */
static void
stroke_pathways (cairo_t              *cr,
                 const EnlaceViewport *vp,
                 const char           *type,
                 double                item_width)
{
  double width = MAX (item_width, 0.2) * vp->pixels_per_m;
  gboolean thin = width < 8;

  cairo_set_line_join (cr, thin ? CAIRO_LINE_JOIN_MITER : CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, thin ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  if (g_strcmp0 (type, "conduit") == 0)
    {
      double dash[] = { 6, 3 };

      /* dashed when near enough to tell the dashes (and pay for them),
       * solid like its legend swatch from afar */
      set_rgb (cr, conduit_ink, 0.9);
      cairo_set_line_width (cr, MAX (width * 0.4, 2));
      if (!thin)
        cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else if (g_strcmp0 (type, "raceway") == 0)
    {
      set_rgb (cr, raceway_ink, 0.9);
      cairo_set_line_width (cr, MAX (width * 0.5, 2));
      cairo_stroke (cr);
    }
  else
    {
      /* A tray: a band as wide as the tray with its edges drawn; from
       * afar, where the band would be a pixel or two, a plain line. */
      set_rgb (cr, tray_ink, 1.0);
      cairo_set_line_width (cr, MAX (width, 3));
      if (width < 6)
        cairo_stroke (cr);
      else
        {
          cairo_stroke_preserve (cr);
          set_rgb (cr, (Rgb) { 1, 0.96, 0.88 }, 1.0);
          cairo_set_line_width (cr, MAX (width - 2.5, 1));
          cairo_stroke (cr);
        }
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
}

static void
draw_pathways_batched (cairo_t              *cr,
                       EnlacePlanScene      *scene,
                       GArray               *visible,
                       const EnlaceViewport *vp)
{
  g_autofree guint8 *done = g_new0 (guint8, MAX (visible->len, 1));

  for (guint i = 0; i < visible->len; i++)
    {
      EnlacePlanItem *first = g_ptr_array_index (scene->items, g_array_index (visible, guint, i));
      double width;

      if (done[i] || first->kind != ENLACE_PLAN_ITEM_PATHWAY || g_strcmp0 (first->type, "riser") == 0)
        continue;
      width = MAX (first->width, 0.2) * vp->pixels_per_m;
      /* every pathway of the same kind and width, from this one on */
      for (guint j = i; j < visible->len; j++)
        {
          EnlacePlanItem *item = g_ptr_array_index (scene->items, g_array_index (visible, guint, j));

          if (done[j] || item->kind != ENLACE_PLAN_ITEM_PATHWAY || item->width != first->width ||
              g_strcmp0 (item->type, first->type) != 0)
            continue;
          done[j] = 1;
          path_points_clipped (cr, vp, item->points, width + 4);
        }
      stroke_pathways (cr, vp, first->type, first->width);
    }
}

static void
footprint_path (cairo_t              *cr,
                const EnlaceViewport *vp,
                EnlacePlanItem       *item)
{
  EnlacePoint c = g_array_index (item->points, EnlacePoint, 0);
  EnlacePoint px = enlace_viewport_to_view (vp, c);
  double w = item->width * vp->pixels_per_m, d = item->depth * vp->pixels_per_m;

  cairo_translate (cr, px.x, px.y);
  cairo_rotate (cr, item->rotation * G_PI / 180.0);
  cairo_rectangle (cr, -w / 2, -d / 2, w, d);
}

static void
draw_rack (cairo_t               *cr,
           const EnlaceViewport  *vp,
           const EnlacePlanStyle *style,
           EnlacePlanItem        *item)
{
  double w = item->width * vp->pixels_per_m, d = item->depth * vp->pixels_per_m;
  double size;

  cairo_save (cr);
  footprint_path (cr, vp, item);
  set_rgb (cr, rack_ink, 0.9);
  cairo_fill_preserve (cr);
  set_rgb (cr, ink, 1.0);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  /* The front door: a lighter strip. */
  cairo_rectangle (cr, -w / 2, d / 2 - MAX (d * 0.12, 1.5), w, MAX (d * 0.12, 1.5));
  set_rgb (cr, (Rgb) { 0.75, 0.77, 0.80 }, 1.0);
  cairo_fill (cr);
  if (style->layers & ENLACE_PLAN_LAYER_LABELS)
    {
      size = label_size (vp, 0.16, 6, 11);
      if (size > 0 && w > 14)
        {
          cairo_rotate (cr, -item->rotation * G_PI / 180.0 * (fabs (fmod (item->rotation, 180)) > 45));
          cairo_set_source_rgb (cr, 1, 1, 1);
          enlace_render_text (cr, item->name, size, TRUE, ENLACE_ALIGN_CENTER, -MAX (w, d) / 2, -size, MAX (w, d), size * 2);
        }
    }
  cairo_restore (cr);
}

static gboolean
jack_visible (const EnlacePlanStyle *style,
              const EnlacePlanJack  *jack)
{
  if (g_strcmp0 (jack->medium, "voice") == 0)
    return (style->layers & ENLACE_PLAN_LAYER_OUTLETS_VOICE) != 0;
  return (style->layers & ENLACE_PLAN_LAYER_OUTLETS_DATA) != 0;
}

/* The name of a device under its symbol (@d: the symbol's depth, in
 * device units).  On screen only when it can be read at this zoom; on
 * paper an outlet's name is always printed, at a readable size, so that
 * a printed plan can be used in the field. */
static void
draw_device_label (cairo_t               *cr,
                   const EnlaceViewport  *vp,
                   const EnlacePlanStyle *style,
                   EnlacePlanItem        *item,
                   double                 d)
{
  double size;

  if (!(style->layers & ENLACE_PLAN_LAYER_LABELS) || item->name == NULL)
    return;
  if (style->paper && g_strcmp0 (item->type, "outlet") == 0)
    size = CLAMP (0.16 * vp->pixels_per_m, ENLACE_PLAN_PAPER_LABEL_SIZE, 10);
  else
    size = label_size (vp, 0.16, 6.5, 10);
  if (size > 0)
    {
      EnlacePoint px = enlace_viewport_to_view (vp, g_array_index (item->points, EnlacePoint, 0));
      double w = MAX (item->width * vp->pixels_per_m, 4);
      double dx = cos (item->rotation * G_PI / 180.0), dy = sin (item->rotation * G_PI / 180.0);
      /* the symbol's half height as drawn, rotated */
      double half_h = fabs (dy) * w / 2 + fabs (dx) * d / 2;
      double tw, th, x, y;

      enlace_render_text_size (cr, item->name, size, FALSE, &tw, &th);
      /* into the room the device faces (rotation 0: +x, 90: +y), so
       * that the names of two outlets back to back on the two sides of
       * a wall do not print over each other */
      if (dx > 0.5)
        x = px.x - 1;
      else if (dx < -0.5)
        x = px.x + 1 - tw - 4;
      else
        x = px.x - tw / 2 - 2;
      y = dy < -0.5 ? px.y - half_h - 1 - th : px.y + half_h + 1;
      cairo_rectangle (cr, x, y, tw + 4, th);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_fill (cr);
      set_rgb (cr, ink, 1.0);
      enlace_render_text (cr, item->name, size, FALSE, ENLACE_ALIGN_CENTER, x, y, tw + 4, th);
    }
}

static void
draw_device (cairo_t               *cr,
             const EnlaceViewport  *vp,
             const EnlacePlanStyle *style,
             EnlacePlanItem        *item)
{
  gboolean outlet = g_strcmp0 (item->type, "outlet") == 0;
  double w = MAX (item->width * vp->pixels_per_m, 4);
  double d = MAX (item->depth * vp->pixels_per_m, 3);
  Rgb frame = status_rgb (item->status);
  guint n_visible = 0;

  if (outlet)
    {
      for (guint i = 0; item->jacks && i < item->jacks->len; i++)
        n_visible += jack_visible (style, g_ptr_array_index (item->jacks, i));
      if (item->jacks && item->jacks->len > 0 && n_visible == 0)
        return;
      if (!(style->layers & (ENLACE_PLAN_LAYER_OUTLETS_DATA | ENLACE_PLAN_LAYER_OUTLETS_VOICE)))
        return;
    }
  else if (!(style->layers & ENLACE_PLAN_LAYER_DEVICES))
    return;

  cairo_save (cr);
  {
    EnlacePoint px = enlace_viewport_to_view (vp, g_array_index (item->points, EnlacePoint, 0));

    cairo_translate (cr, px.x, px.y);
    cairo_rotate (cr, item->rotation * G_PI / 180.0);
  }

  if (outlet)
    {
      /* A faceplate: one cell per jack, coloured by the jack's state (or
       * the whole plate by the outlet's status). */
      guint n = MAX (n_visible, 1), k = 0;
      double cell = w / n;

      cairo_rectangle (cr, -w / 2, -d / 2, w, d);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      for (guint i = 0; item->jacks && i < item->jacks->len; i++)
        {
          EnlacePlanJack *jack = g_ptr_array_index (item->jacks, i);
          Rgb c;

          if (!jack_visible (style, jack))
            continue;
          c = style->coloring == ENLACE_PLAN_COLOR_STATE ? jack_rgb (jack->state) : status_rgb (item->status);
          cairo_rectangle (cr, -w / 2 + k * cell, -d / 2, cell, d);
          set_rgb (cr, c, style->coloring == ENLACE_PLAN_COLOR_STATE ? 1.0 : 0.35);
          cairo_fill (cr);
          if (g_strcmp0 (jack->medium, "voice") == 0 && d > 6)
            {
              /* A voice jack is marked with a dot. */
              cairo_arc (cr, -w / 2 + (k + 0.5) * cell, 0, MIN (cell, d) * 0.18, 0, 2 * G_PI);
              set_rgb (cr, ink, 0.8);
              cairo_fill (cr);
            }
          k++;
        }
      cairo_rectangle (cr, -w / 2, -d / 2, w, d);
      set_rgb (cr, frame, 1.0);
      cairo_set_line_width (cr, g_strcmp0 (item->status, "planned") == 0 ? 1.0 : 1.3);
      if (g_strcmp0 (item->status, "planned") == 0)
        {
          double dash[] = { 2, 2 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      double r = MAX (w, d) / 2;

      /* Access points and other placed devices: a circle with a mark. */
      cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
      set_rgb (cr, (Rgb) { 1, 1, 1 }, 1.0);
      cairo_fill_preserve (cr);
      set_rgb (cr, frame, 1.0);
      cairo_set_line_width (cr, 1.3);
      cairo_stroke (cr);
      if (g_strcmp0 (item->type, "access-point") == 0)
        for (int k = 1; k <= 2; k++)
          {
            cairo_arc (cr, 0, r * 0.35, r * 0.28 * k, -G_PI * 0.8, -G_PI * 0.2);
            cairo_stroke (cr);
          }
      else
        {
          cairo_arc (cr, 0, 0, r * 0.35, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);

  draw_device_label (cr, vp, style, item, d);
}

/* @faulty_only: only the links marked faulty (drawn even when the routes
 * layer is off: a faulty cable is always shown) */
static void
draw_routes (cairo_t               *cr,
             EnlacePlanScene       *scene,
             const EnlaceViewport  *vp,
             gboolean               faulty_only)
{
  double dash[] = { 5, 3 };

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < scene->routes->len; i++)
    {
      EnlacePlanRoute *route = g_ptr_array_index (scene->routes, i);

      if (faulty_only && !route->faulty)
        continue;
      path_points_clipped (cr, vp, route->points, 4);
      if (route->faulty)
        {
          /* a faulty cable: red and thick, whatever its route */
          set_rgb (cr, jack_rgb (ENLACE_JACK_FAULTY), 0.9);
          cairo_set_line_width (cr, 3.0);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          set_rgb (cr, route_ink, route->along_pathways ? 0.55 : 0.35);
          cairo_set_line_width (cr, 1.2);
          cairo_set_dash (cr, route->along_pathways ? NULL : dash, route->along_pathways ? 0 : 2, 0);
        }
      cairo_stroke (cr);
    }
  /* Each run's length beside its outlet (red beyond 90 m), when the
   * zoom leaves room for it: with the routes layer only. */
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; !faulty_only && vp->pixels_per_m >= 6 && i < scene->routes->len; i++)
    {
      EnlacePlanRoute *route = g_ptr_array_index (scene->routes, i);
      double length = route->cable_length_m > 0 ? route->cable_length_m : route->length_m;
      EnlacePoint px;
      g_autofree char *text = NULL;

      if (route->points->len == 0 || length <= 0)
        continue;
      px = enlace_viewport_to_view (vp, g_array_index (route->points, EnlacePoint, 0));
      if (px.x < -50 || px.y < -20 || px.x > vp->width + 50 || px.y > vp->height + 20)
        continue;
      text = g_strdup_printf ("%.1f m", length);
      if (length > 90)
        cairo_set_source_rgb (cr, 0.80, 0.05, 0.05);
      else
        set_rgb (cr, route_ink, 1.0);
      enlace_render_text (cr, text, 6.5, length > 90, ENLACE_ALIGN_LEFT, px.x + 5, px.y - 13, 0, 10);
    }
  cairo_restore (cr);
}

static void
decorate (cairo_t              *cr,
          const EnlaceViewport *vp,
          EnlacePlanItem       *item,
          Rgb                   colour,
          double                pad,
          double                width)
{
  EnlacePoint a = enlace_viewport_to_view (vp, (EnlacePoint) { item->bounds.x1, item->bounds.y1 });
  EnlacePoint b = enlace_viewport_to_view (vp, (EnlacePoint) { item->bounds.x2, item->bounds.y2 });

  cairo_save (cr);
  if (item->kind == ENLACE_PLAN_ITEM_SPACE)
    {
      path_points (cr, vp, item->points, TRUE);
      set_rgb (cr, colour, 0.9);
      cairo_set_line_width (cr, width);
      cairo_stroke (cr);
    }
  else if (item->kind == ENLACE_PLAN_ITEM_WALL || item->kind == ENLACE_PLAN_ITEM_PATHWAY)
    {
      path_points (cr, vp, item->points, FALSE);
      set_rgb (cr, colour, 0.55);
      cairo_set_line_width (cr, MAX ((item->kind == ENLACE_PLAN_ITEM_WALL ? item->thickness : MAX (item->width, 0.2))
                                     * vp->pixels_per_m + 2 * pad, width * 2));
      cairo_stroke (cr);
      /* Vertex handles. */
      for (guint i = 0; i < item->points->len; i++)
        {
          EnlacePoint p = enlace_viewport_to_view (vp, g_array_index (item->points, EnlacePoint, i));
          cairo_rectangle (cr, p.x - 3.5, p.y - 3.5, 7, 7);
        }
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      set_rgb (cr, colour, 1.0);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }
  else
    {
      enlace_render_rounded_rect (cr, a.x - pad, a.y - pad, b.x - a.x + 2 * pad, b.y - a.y + 2 * pad, 3);
      set_rgb (cr, colour, 1.0);
      cairo_set_line_width (cr, width);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_grid (cairo_t              *cr,
           const EnlaceViewport *vp,
           double                grid)
{
  EnlaceBox view = enlace_viewport_visible (vp);
  double step = grid;

  while (step * vp->pixels_per_m < 12)
    step *= 5;
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.4, 0.45, 0.5, 0.15);
  cairo_set_line_width (cr, 1);
  for (double x = floor (view.x1 / step) * step; x <= view.x2; x += step)
    {
      EnlacePoint px = enlace_viewport_to_view (vp, (EnlacePoint) { x, 0 });
      cairo_move_to (cr, round (px.x) + 0.5, 0);
      cairo_line_to (cr, round (px.x) + 0.5, vp->height);
    }
  for (double y = floor (view.y1 / step) * step; y <= view.y2; y += step)
    {
      EnlacePoint px = enlace_viewport_to_view (vp, (EnlacePoint) { 0, y });
      cairo_move_to (cr, 0, round (px.y) + 0.5);
      cairo_line_to (cr, vp->width, round (px.y) + 0.5);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The colour of an outlet drawn too small for its jacks: the state that
 * matters most (faulty, in service, planned, free), or its status. */
static guint
outlet_bucket (const EnlacePlanStyle *style,
               EnlacePlanItem        *item)
{
  guint bucket = ENLACE_JACK_FREE;

  if (style->coloring == ENLACE_PLAN_COLOR_STATUS)
    return g_strcmp0 (item->status, "planned") == 0 ? 0 : g_strcmp0 (item->status, "retired") == 0 ? 2 : 1;
  for (guint i = 0; item->jacks && i < item->jacks->len; i++)
    {
      EnlacePlanJack *jack = g_ptr_array_index (item->jacks, i);

      if (!jack_visible (style, jack))
        continue;
      if (jack->state == ENLACE_JACK_FAULTY)
        return ENLACE_JACK_FAULTY;
      if (jack->state == ENLACE_JACK_LIVE)
        bucket = ENLACE_JACK_LIVE;
      else if (jack->state == ENLACE_JACK_SERVED && bucket != ENLACE_JACK_LIVE)
        bucket = ENLACE_JACK_SERVED;
      else if (jack->state == ENLACE_JACK_PLANNED && bucket == ENLACE_JACK_FREE)
        bucket = ENLACE_JACK_PLANNED;
    }
  return bucket;
}

/* Thousands of outlets seen from afar: one path per colour, filled once.
 * The boxes are snapped to whole pixels, which cairo fills as plain
 * rectangles (no tessellation, no stroker): an outline is a dark box one
 * pixel larger under the coloured one. */
static void
draw_outlets_batched (cairo_t               *cr,
                      EnlacePlanScene       *scene,
                      GArray                *visible,
                      const EnlaceViewport  *vp,
                      const EnlacePlanStyle *style)
{
  static const char * const statuses[] = { "planned", "active", "retired" };
  double half = MAX (0.15 * vp->pixels_per_m, 1.5);
  double bw = MAX (round (2 * half), 2), bh = MAX (round (1.2 * half), 2);
  g_autofree guint8 *buckets = NULL;
  gboolean any = FALSE;

  if (!(style->layers & (ENLACE_PLAN_LAYER_OUTLETS_DATA | ENLACE_PLAN_LAYER_OUTLETS_VOICE)))
    return;

  /* The colour of each visible outlet, once; 0xff: not drawn. */
  buckets = g_new (guint8, MAX (visible->len, 1));
  for (guint i = 0; i < visible->len; i++)
    {
      EnlacePlanItem *item = g_ptr_array_index (scene->items, g_array_index (visible, guint, i));
      guint n_visible = 0;

      buckets[i] = 0xff;
      if (item->kind != ENLACE_PLAN_ITEM_DEVICE || g_strcmp0 (item->type, "outlet") != 0)
        continue;
      for (guint k = 0; item->jacks && k < item->jacks->len; k++)
        n_visible += jack_visible (style, g_ptr_array_index (item->jacks, k));
      if (item->jacks && item->jacks->len > 0 && n_visible == 0)
        continue;
      buckets[i] = (guint8) outlet_bucket (style, item);
      any = TRUE;
    }
  if (!any)
    return;

  cairo_save (cr);
  for (int bucket = -1; bucket <= ENLACE_JACK_SERVED; bucket++)
    {
      gboolean some = FALSE;

      for (guint i = 0; i < visible->len; i++)
        {
          EnlacePlanItem *item;
          EnlacePoint px;
          double x, y;

          if (buckets[i] == 0xff || (bucket >= 0 && buckets[i] != bucket))
            continue;
          item = g_ptr_array_index (scene->items, g_array_index (visible, guint, i));
          px = enlace_viewport_to_view (vp, g_array_index (item->points, EnlacePoint, 0));
          x = round (px.x - bw / 2);
          y = round (px.y - bh / 2);
          if (bucket < 0)
            cairo_rectangle (cr, x - 1, y - 1, bw + 2, bh + 2);
          else
            cairo_rectangle (cr, x, y, bw, bh);
          some = TRUE;
        }
      if (!some)
        continue;
      if (bucket < 0)
        set_rgb (cr, ink, 0.9);
      else if (style->coloring == ENLACE_PLAN_COLOR_STATE)
        set_rgb (cr, jack_rgb (bucket), 1.0);
      else if (bucket < 3)
        set_rgb (cr, status_rgb (statuses[bucket]), 1.0);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;
  return x < y ? -1 : x > y;
}

void
enlace_render_plan_decorations (cairo_t               *cr,
                                const EnlaceViewport  *vp,
                                const EnlacePlanStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (vp != NULL && vp->pixels_per_m > 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  if (style->marks && !style->paper)
    for (guint i = 0; i < style->marks->len; i++)
      {
        EnlacePlanItem *item = g_ptr_array_index (style->marks, i);

        decorate (cr, vp, item, failure_ink, 2, 2);
        if (item->kind != ENLACE_PLAN_ITEM_SPACE && item->kind != ENLACE_PLAN_ITEM_PATHWAY)
          {
            EnlacePoint c = enlace_viewport_to_view (vp, (EnlacePoint) { (item->bounds.x1 + item->bounds.x2) / 2,
                                                                         (item->bounds.y1 + item->bounds.y2) / 2 });
            double r = MAX (MAX (item->bounds.x2 - item->bounds.x1, item->bounds.y2 - item->bounds.y1)
                            * vp->pixels_per_m / 2 + 5, 9);

            cairo_new_path (cr);
            cairo_arc (cr, c.x, c.y, r, 0, 2 * G_PI);
            set_rgb (cr, failure_ink, 0.85);
            cairo_set_line_width (cr, 2);
            cairo_stroke (cr);
          }
      }
  if (style->selection && !style->paper)
    for (guint i = 0; i < style->selection->len; i++)
      decorate (cr, vp, g_ptr_array_index (style->selection, i), selection_ink, 3, 2);
  if (style->hover && !style->paper && !is_selected (style, style->hover))
    decorate (cr, vp, (EnlacePlanItem *)style->hover, selection_ink, 2, 1);
  if (style->highlight)
    {
      EnlacePlanItem *item = (EnlacePlanItem *)style->highlight;
      EnlacePoint c = enlace_viewport_to_view (vp, (EnlacePoint) { (item->bounds.x1 + item->bounds.x2) / 2,
                                                                   (item->bounds.y1 + item->bounds.y2) / 2 });
      double r = MAX (MAX (item->bounds.x2 - item->bounds.x1, item->bounds.y2 - item->bounds.y1) * vp->pixels_per_m / 2 + 8, 14);

      decorate (cr, vp, item, highlight_ink, 4, 3);
      if (item->kind != ENLACE_PLAN_ITEM_SPACE)
        {
          cairo_arc (cr, c.x, c.y, r, 0, 2 * G_PI);
          set_rgb (cr, highlight_ink, 0.9);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

void
enlace_render_plan (cairo_t               *cr,
                    EnlacePlanScene       *scene,
                    const EnlaceViewport  *vp,
                    const EnlacePlanStyle *style)
{
  g_autoptr(GArray) visible = NULL;
  EnlaceBox view;
  double margin;
  /* Outlets under 7 px wide are drawn in bulk, without their jacks. */
  gboolean batch_outlets = 0.30 * vp->pixels_per_m < 7;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (vp != NULL && vp->pixels_per_m > 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  if (style->layers & ENLACE_PLAN_LAYER_BACKGROUND)
    draw_background (cr, scene, vp, style);
  if (style->grid > 0 && !style->paper)
    draw_grid (cr, vp, style->grid);

  /* Only what the view shows, in drawing order. */
  view = enlace_viewport_visible (vp);
  margin = 20 / vp->pixels_per_m;
  view.x1 -= margin;
  view.y1 -= margin;
  view.x2 += margin;
  view.y2 += margin;
  visible = enlace_grid_index_query (scene->index, &view);
  g_array_sort (visible, compare_uint);

  for (int pass = 0; pass < 6; pass++)
    {
      for (guint i = 0; i < visible->len; i++)
        {
          EnlacePlanItem *item = g_ptr_array_index (scene->items, g_array_index (visible, guint, i));

          switch (pass)
            {
            case 0:
              /* drawn together below */
              break;
            case 1:
              if (item->kind == ENLACE_PLAN_ITEM_WALL && (style->layers & ENLACE_PLAN_LAYER_WALLS))
                draw_wall (cr, vp, item);
              break;
            case 2:
              /* risers here, the others together below */
              if (item->kind == ENLACE_PLAN_ITEM_PATHWAY && (style->layers & ENLACE_PLAN_LAYER_PATHWAYS) &&
                  g_strcmp0 (item->type, "riser") == 0)
                draw_pathway (cr, vp, item);
              break;
            case 3:
              if (item->kind == ENLACE_PLAN_ITEM_SPACE &&
                  (style->layers & ENLACE_PLAN_LAYER_SPACES) && (style->layers & ENLACE_PLAN_LAYER_LABELS))
                draw_space_label (cr, vp, item);
              break;
            case 4:
              if (item->kind == ENLACE_PLAN_ITEM_RACK && (style->layers & ENLACE_PLAN_LAYER_RACKS))
                draw_rack (cr, vp, style, item);
              break;
            case 5:
              if (item->kind == ENLACE_PLAN_ITEM_DEVICE && !(batch_outlets && g_strcmp0 (item->type, "outlet") == 0))
                draw_device (cr, vp, style, item);
              else if (item->kind == ENLACE_PLAN_ITEM_DEVICE && style->paper &&
                       (style->layers & (ENLACE_PLAN_LAYER_OUTLETS_DATA | ENLACE_PLAN_LAYER_OUTLETS_VOICE)))
                /* drawn in bulk, but named on paper */
                draw_device_label (cr, vp, style, item, MAX (item->depth * vp->pixels_per_m, 3));
              break;
            default:
              break;
            }
        }
      if (pass == 0 && (style->layers & ENLACE_PLAN_LAYER_SPACES))
        draw_spaces_batched (cr, scene, visible, vp, style);
      if (pass == 2 && (style->layers & ENLACE_PLAN_LAYER_PATHWAYS))
        draw_pathways_batched (cr, scene, visible, vp);
      if (pass == 3)
        draw_routes (cr, scene, vp, !(style->layers & ENLACE_PLAN_LAYER_ROUTES));
      if (pass == 4 && batch_outlets)
        draw_outlets_batched (cr, scene, visible, vp, style);
    }

  /* Decorations on top. */
  enlace_render_plan_decorations (cr, vp, style);

  cairo_restore (cr);
}

/* ---------------------------------------------------------------- furniture */

void
enlace_render_scale_bar (cairo_t              *cr,
                         const EnlaceViewport *vp,
                         double                x,
                         double                y,
                         double                max_len)
{
  double len_px;
  double len_m = enlace_viewport_scale_bar (vp, max_len, &len_px);
  g_autofree char *text = NULL;

  cairo_save (cr);
  for (int i = 0; i < 4; i++)
    {
      cairo_rectangle (cr, x + i * len_px / 4, y - 5, len_px / 4, 5);
      if (i % 2 == 0)
        set_rgb (cr, ink, 1.0);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      set_rgb (cr, ink, 1.0);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
    }
  if (len_m >= 1)
    text = g_strdup_printf (_("%g m"), len_m);
  else
    text = g_strdup_printf (_("%g cm"), len_m * 100);
  set_rgb (cr, ink, 1.0);
  enlace_render_text (cr, "0", 7, FALSE, ENLACE_ALIGN_LEFT, x - 2, y - 17, 20, 10);
  enlace_render_text (cr, text, 7, FALSE, ENLACE_ALIGN_LEFT, x + len_px - 4, y - 17, 60, 10);
  cairo_restore (cr);
}

void
enlace_render_north (cairo_t *cr,
                     double   x,
                     double   y,
                     double   size,
                     double   north)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, north * G_PI / 180.0);
  cairo_move_to (cr, 0, -size / 2);
  cairo_line_to (cr, size * 0.28, size * 0.35);
  cairo_line_to (cr, 0, size * 0.18);
  cairo_close_path (cr);
  set_rgb (cr, ink, 1.0);
  cairo_fill (cr);
  cairo_move_to (cr, 0, -size / 2);
  cairo_line_to (cr, -size * 0.28, size * 0.35);
  cairo_line_to (cr, 0, size * 0.18);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  set_rgb (cr, ink, 1.0);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  /* TRANSLATORS: the letter marking north on a plan's compass */
  enlace_render_text (cr, C_("compass", "N"), size * 0.28, TRUE, ENLACE_ALIGN_CENTER,
                      -size / 2, -size * 0.95, size, size * 0.35);
  cairo_restore (cr);
}

static void
legend_swatch (cairo_t *cr,
               double   x,
               double   y,
               Rgb      fill,
               Rgb      stroke,
               gboolean line)
{
  if (line)
    {
      cairo_move_to (cr, x, y + 5);
      cairo_line_to (cr, x + 16, y + 5);
      set_rgb (cr, fill, 1.0);
      cairo_set_line_width (cr, 4);
      cairo_stroke (cr);
      return;
    }
  cairo_rectangle (cr, x, y, 16, 10);
  set_rgb (cr, fill, 1.0);
  cairo_fill_preserve (cr);
  set_rgb (cr, stroke, 1.0);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
}

double
enlace_render_plan_legend (cairo_t               *cr,
                           const EnlacePlanStyle *style,
                           double                 x,
                           double                 y,
                           double                 w)
{
  struct { const char *label; Rgb fill; gboolean line; } rows[16];
  guint n = 0;
  double row_h = 13, yy;
  PangoLayout *label;

  if (style->coloring == ENLACE_PLAN_COLOR_STATE)
    {
      rows[n++] = (typeof (rows[0])) { _("Jack in service"), jack_rgb (ENLACE_JACK_LIVE), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Served up to the jack"), jack_rgb (ENLACE_JACK_SERVED), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Jack free"), jack_rgb (ENLACE_JACK_FREE), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Jack planned"), jack_rgb (ENLACE_JACK_PLANNED), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Jack faulty"), jack_rgb (ENLACE_JACK_FAULTY), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Cable marked faulty"), jack_rgb (ENLACE_JACK_FAULTY), TRUE };
    }
  else
    {
      rows[n++] = (typeof (rows[0])) { _("Planned"), status_rgb ("planned"), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Installed"), status_rgb ("active"), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Retired"), status_rgb ("retired"), FALSE };
    }
  if (style->layers & ENLACE_PLAN_LAYER_RACKS)
    rows[n++] = (typeof (rows[0])) { _("Rack"), rack_ink, FALSE };
  if (style->layers & ENLACE_PLAN_LAYER_PATHWAYS)
    {
      rows[n++] = (typeof (rows[0])) { _("Cable tray"), tray_ink, TRUE };
      rows[n++] = (typeof (rows[0])) { _("Conduit"), conduit_ink, TRUE };
      rows[n++] = (typeof (rows[0])) { _("Raceway"), raceway_ink, TRUE };
    }
  if (style->layers & ENLACE_PLAN_LAYER_ROUTES)
    rows[n++] = (typeof (rows[0])) { _("Horizontal link route"), route_ink, TRUE };
  if (style->layers & ENLACE_PLAN_LAYER_SPACES)
    {
      rows[n++] = (typeof (rows[0])) { _("Telecom or equipment room"), space_rgb ("telecom-room"), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Office"), space_rgb ("office"), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Classroom"), space_rgb ("classroom"), FALSE };
      rows[n++] = (typeof (rows[0])) { _("Laboratory"), space_rgb ("laboratory"), FALSE };
    }

  cairo_save (cr);
  set_rgb (cr, ink, 1.0);
  enlace_render_text (cr, _("Legend"), 8, TRUE, ENLACE_ALIGN_LEFT, x, y, w, 12);
  yy = y + 15;
  /* Labels wrap rather than lose their end: "Cuarto de telecom. o de
   * equipos" is longer than the side column of a sheet. */
  label = enlace_render_layout (cr, 7, FALSE);
  pango_layout_set_width (label, (int) (MAX (w - 22, 10) * PANGO_SCALE));
  pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i < n; i++)
    {
      PangoRectangle logical;
      double text_h;

      pango_layout_set_text (label, rows[i].label, -1);
      pango_layout_get_extents (label, NULL, &logical);
      text_h = logical.height / (double) PANGO_SCALE;
      legend_swatch (cr, x, yy, rows[i].fill, ink, rows[i].line);
      set_rgb (cr, ink, 1.0);
      cairo_move_to (cr, x + 22, yy + MAX (0, (10 - text_h) / 2));
      pango_cairo_show_layout (cr, label);
      yy += MAX (row_h, text_h + 3);
    }
  g_object_unref (label);
  cairo_restore (cr);
  return yy - y;
}
