/* enlace-render-util.c: small drawing helpers shared by the renderers */
#define G_LOG_DOMAIN "enlace-render"
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "enlace-kinds.h"
#include "enlace-render-util.h"

gboolean
enlace_render_parse_color (const char *spec,
                           EnlaceRgb  *out)
{
  guint r, g, b;

  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7)
    return FALSE;
  if (sscanf (spec + 1, "%2x%2x%2x", &r, &g, &b) != 3)
    return FALSE;
  out->r = r / 255.0;
  out->g = g / 255.0;
  out->b = b / 255.0;
  return TRUE;
}

static const struct { const char *name; const char *hex; } cable_colors[] = {
  /* English, Spanish and TIA-598 names */
  { "blue", "#1c71d8" },   { "azul", "#1c71d8" },
  { "orange", "#e66100" }, { "naranja", "#e66100" },
  { "green", "#26a269" },  { "verde", "#26a269" },
  { "brown", "#865e3c" },  { "cafe", "#865e3c" }, { "café", "#865e3c" }, { "marron", "#865e3c" }, { "marrón", "#865e3c" },
  { "slate", "#77767b" },  { "grey", "#9a9996" }, { "gray", "#9a9996" }, { "gris", "#9a9996" },
  { "white", "#f6f5f4" },  { "blanco", "#f6f5f4" },
  { "red", "#c01c28" },    { "rojo", "#c01c28" },
  { "black", "#241f31" },  { "negro", "#241f31" },
  { "yellow", "#f5c211" }, { "amarillo", "#f5c211" },
  { "violet", "#813d9c" }, { "purple", "#813d9c" }, { "violeta", "#813d9c" }, { "morado", "#813d9c" },
  { "rose", "#dc8add" },   { "pink", "#dc8add" }, { "rosa", "#dc8add" },
  { "aqua", "#2ec27e" },   { "aqua-om3", "#33c7de" }, { "turquesa", "#33c7de" }, { "cyan", "#33c7de" },
  { "magenta", "#c061cb" },
};

EnlaceRgb
enlace_render_cable_color (const char *name)
{
  EnlaceRgb c = { 0.45, 0.45, 0.47 };
  g_autofree char *lower = NULL;

  if (name == NULL || name[0] == '\0')
    return c;
  if (enlace_render_parse_color (name, &c))
    return c;
  lower = g_utf8_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (cable_colors); i++)
    if (strcmp (cable_colors[i].name, lower) == 0)
      {
        enlace_render_parse_color (cable_colors[i].hex, &c);
        return c;
      }
  return c;
}

static const struct { const char *role; const char *hex; } role_colors[] = {
  { "switch", "#1a5fb4" },
  { "router", "#0b7a75" },
  { "firewall", "#a51d2d" },
  { "server", "#613583" },
  { "pbx", "#9c5a1a" },
  { "patch-panel", "#3d3846" },
  { "outlet", "#5e5c64" },
  { "consolidation-point", "#5e5c64" },
  { "phone", "#77767b" },
  { "access-point", "#26a269" },
  { "computer", "#77767b" },
};

EnlaceRgb
enlace_render_role_color (const char *role)
{
  EnlaceRgb c = { 0.37, 0.36, 0.39 };

  if (role != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (role_colors); i++)
      if (strcmp (role_colors[i].role, role) == 0)
        {
          enlace_render_parse_color (role_colors[i].hex, &c);
          break;
        }
  return c;
}

EnlaceRgb
enlace_render_text_on (EnlaceRgb bg)
{
  double lum = 0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b;

  if (lum > 0.55)
    return (EnlaceRgb) { 0.12, 0.12, 0.14 };
  return (EnlaceRgb) { 1, 1, 1 };
}

void
enlace_render_set_rgb (cairo_t   *cr,
                       EnlaceRgb  c,
                       double     alpha)
{
  if (alpha >= 1.0)
    cairo_set_source_rgb (cr, c.r, c.g, c.b);
  else
    cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

void
enlace_render_rounded_rect (cairo_t *cr,
                            double   x,
                            double   y,
                            double   w,
                            double   h,
                            double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
enlace_render_hatch (cairo_t *cr,
                     double   x,
                     double   y,
                     double   w,
                     double   h,
                     double   step)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  for (double d = -h; d < w; d += step)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* One Pango context for every drawing, updated for the cairo_t at hand
 * (creating a context per text, as pango_cairo_create_layout() does,
 * costs more than drawing the text).  The renderers run on one thread,
 * the GTK main thread or a test's. */
static PangoContext *
shared_context (cairo_t *cr)
{
  static PangoContext *context;

  if (context == NULL)
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_update_context (cr, context);
  return context;
}

PangoLayout *
enlace_render_layout (cairo_t  *cr,
                      double    size,
                      gboolean  bold)
{
  PangoLayout *layout = pango_layout_new (shared_context (cr));
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");

  /* sizes are in user units, the same on screen, in a PDF and a PNG */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

/* A layout per font, reused: reset and returned without a new reference. */
static PangoLayout *
cached_layout (cairo_t  *cr,
               double    size,
               gboolean  bold)
{
  static GHashTable *layouts;
  PangoLayout *layout;
  int key = (int) (size * 10) * 2 + (bold ? 1 : 0);

  if (layouts == NULL)
    layouts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  shared_context (cr);
  layout = g_hash_table_lookup (layouts, GINT_TO_POINTER (key));
  if (layout == NULL)
    {
      layout = enlace_render_layout (cr, size, bold);
      g_hash_table_insert (layouts, GINT_TO_POINTER (key), layout);
    }
  else
    pango_layout_context_changed (layout);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  return layout;
}

double
enlace_render_text (cairo_t     *cr,
                    const char  *text,
                    double       size,
                    gboolean     bold,
                    EnlaceAlign  align,
                    double       x,
                    double       y,
                    double       w,
                    double       h)
{
  PangoLayout *layout;
  PangoRectangle logical;
  double tx, tw;

  if (text == NULL || text[0] == '\0')
    return 0;

  layout = cached_layout (cr, size, bold);
  pango_layout_set_text (layout, text, -1);
  if (w > 0)
    {
      pango_layout_set_width (layout, (int) (w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_extents (layout, NULL, &logical);

  tw = logical.width / (double) PANGO_SCALE;
  if (w > 0 && tw > w)
    tw = w;
  switch (align)
    {
    case ENLACE_ALIGN_CENTER:
      tx = x + (MAX (w, 0) - tw) / 2;
      break;
    case ENLACE_ALIGN_RIGHT:
      tx = x + MAX (w, 0) - tw;
      break;
    case ENLACE_ALIGN_LEFT:
    default:
      tx = x;
      break;
    }
  tx -= logical.x / (double) PANGO_SCALE;
  cairo_move_to (cr, tx, y + (h - logical.height / (double) PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
  return tw;
}

void
enlace_render_text_size (cairo_t    *cr,
                         const char *text,
                         double      size,
                         gboolean    bold,
                         double     *width,
                         double     *height)
{
  PangoLayout *layout = cached_layout (cr, size, bold);
  PangoRectangle logical;

  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = logical.width / (double) PANGO_SCALE;
  if (height)
    *height = logical.height / (double) PANGO_SCALE;
}

char *
enlace_render_format_length (double length)
{
  if (length < 0 || isnan (length))
    return g_strdup ("—");
  if (length == floor (length))
    return g_strdup_printf (_("%.0f m"), length);
  return g_strdup_printf (_("%.1f m"), length);
}

static JsonNode *
member_value (JsonObject *object,
              const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NULL;
  return node;
}

gint64
enlace_json_int (JsonObject *object,
                 const char *member,
                 gint64      def)
{
  JsonNode *node = member_value (object, member);

  if (node == NULL)
    return def;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return (gint64) json_node_get_double (node);
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (node);
    case G_TYPE_STRING:
      return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
    default:
      return def;
    }
}

double
enlace_json_double (JsonObject *object,
                    const char *member,
                    double      def)
{
  JsonNode *node = member_value (object, member);

  if (node == NULL)
    return def;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return (double) json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return json_node_get_double (node);
    case G_TYPE_STRING:
      return g_ascii_strtod (json_node_get_string (node), NULL);
    default:
      return def;
    }
}

const char *
enlace_json_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node = member_value (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
enlace_json_is_null (JsonObject *object,
                     const char *member)
{
  return member_value (object, member) == NULL;
}

char *
enlace_render_cable_type_label (const char *type)
{
  if (type == NULL || type[0] == '\0')
    return NULL;
  if (g_str_has_prefix (type, "cat"))
    {
      /* "cat5e" → "Cat 5e", "cat6a" → "Cat 6A" */
      g_autofree char *rest = g_ascii_strup (type + 3, -1);
      gsize n = strlen (rest);

      if (n > 0 && g_str_has_suffix (type, "e"))
        rest[n - 1] = 'e';
      return g_strdup_printf ("Cat %s", rest);
    }
  if (type[0] == 'o' && (type[1] == 'm' || type[1] == 's'))
    return g_ascii_strup (type, -1);
  return g_strdup (enlace_choice_label (type));
}
