/* enlace-render-util.h: small drawing helpers shared by the renderers
 * of views/render (cairo and pango only).
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b;
} EnlaceRgb;

/* "#rrggbb" → colour; FALSE when @spec is not a colour. */
gboolean     enlace_render_parse_color     (const char      *spec,
                                            EnlaceRgb       *out);
/* A cable colour as stored ("blue", "azul", "#0060ff"); grey otherwise. */
EnlaceRgb    enlace_render_cable_color     (const char      *name);
/* Fill colour of a device by its role ("switch", "patch-panel", ...). */
EnlaceRgb    enlace_render_role_color      (const char      *role);
/* Black or white, whichever reads better on @bg. */
EnlaceRgb    enlace_render_text_on         (EnlaceRgb        bg);
void         enlace_render_set_rgb         (cairo_t         *cr,
                                            EnlaceRgb        c,
                                            double           alpha);
void         enlace_render_rounded_rect    (cairo_t         *cr,
                                            double           x,
                                            double           y,
                                            double           w,
                                            double           h,
                                            double           r);
/* Hatches the current clip with thin diagonal lines. */
void         enlace_render_hatch           (cairo_t         *cr,
                                            double           x,
                                            double           y,
                                            double           w,
                                            double           h,
                                            double           step);

typedef enum
{
  ENLACE_ALIGN_LEFT,
  ENLACE_ALIGN_CENTER,
  ENLACE_ALIGN_RIGHT,
} EnlaceAlign;

/* Creates a layout for @cr with the font "Sans @size_pt" (@bold). */
PangoLayout *enlace_render_layout          (cairo_t         *cr,
                                            double           size_pt,
                                            gboolean         bold);
/* Draws @text in the box (x, y, w, h), vertically centred, ellipsized to
 * @w when @w > 0.  Returns the width of the text drawn. */
double       enlace_render_text            (cairo_t         *cr,
                                            const char      *text,
                                            double           size_pt,
                                            gboolean         bold,
                                            EnlaceAlign      align,
                                            double           x,
                                            double           y,
                                            double           w,
                                            double           h);
/* Size of @text as it would be drawn. */
void         enlace_render_text_size       (cairo_t         *cr,
                                            const char      *text,
                                            double           size_pt,
                                            gboolean         bold,
                                            double          *width,
                                            double          *height);
/* "cat6a" → "Cat 6A", "om4" → "OM4", "multipair" → its choice label;
 * NULL for NULL or "". */
char        *enlace_render_cable_type_label (const char     *type);
/* "12.5 m", "—" when unknown (@length < 0). */
char        *enlace_render_format_length   (double           length);

G_END_DECLS

#include <json-glib/json-glib.h>

G_BEGIN_DECLS
/* Lenient readers of the store's JSON objects (missing or null → @def). */
gint64       enlace_json_int               (JsonObject      *object,
                                            const char      *member,
                                            gint64           def);
double       enlace_json_double            (JsonObject      *object,
                                            const char      *member,
                                            double           def);
const char  *enlace_json_string            (JsonObject      *object,
                                            const char      *member);
gboolean     enlace_json_is_null           (JsonObject      *object,
                                            const char      *member);
G_END_DECLS
