/* enlace-geometry.h: plane geometry of floor plans, in metres
 *
 * Pure functions (no store, no drawing): polygons and polylines, snapping,
 * the calibration of a background image, the viewport that maps metres to
 * device pixels, and a grid index that answers "what is under this point"
 * in constant time for thousands of items.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
} EnlacePoint;

typedef struct
{
  double x1, y1, x2, y2;  /* x1 <= x2, y1 <= y2 */
} EnlaceBox;

/* Points as stored in the file: JSON text [[x, y], ...].  Returns an array
 * of EnlacePoint, or NULL with @error for text that is not such a list. */
GArray     *enlace_points_parse            (const char         *json,
                                            GError            **error);
/* TRUE when @json is such a list (not empty text) of at least
 * @min_points points: how a field of points is checked before it is
 * stored or imported. */
gboolean    enlace_points_valid            (const char         *json,
                                            guint               min_points);
char       *enlace_points_to_json          (const EnlacePoint  *pts,
                                            guint               n);

double      enlace_polygon_area            (const EnlacePoint  *pts,
                                            guint               n);
EnlacePoint enlace_polygon_centroid        (const EnlacePoint  *pts,
                                            guint               n);
gboolean    enlace_polygon_contains        (const EnlacePoint  *pts,
                                            guint               n,
                                            EnlacePoint         p);
double      enlace_polyline_length         (const EnlacePoint  *pts,
                                            guint               n);
/* Distance from @p to segment ab; @closest (nullable) gets the nearest
 * point of the segment and @t its parameter along ab (0..1). */
double      enlace_segment_distance        (EnlacePoint         a,
                                            EnlacePoint         b,
                                            EnlacePoint         p,
                                            EnlacePoint        *closest,
                                            double             *t);
/* Distance from @p to a polyline (closed when @closed); @segment gets the
 * index of the nearest segment. */
double      enlace_polyline_distance       (const EnlacePoint  *pts,
                                            guint               n,
                                            gboolean            closed,
                                            EnlacePoint         p,
                                            EnlacePoint        *closest,
                                            guint              *segment);
EnlaceBox   enlace_points_bounds           (const EnlacePoint  *pts,
                                            guint               n);
gboolean    enlace_box_contains            (const EnlaceBox    *box,
                                            EnlacePoint         p);
gboolean    enlace_box_intersects          (const EnlaceBox    *a,
                                            const EnlaceBox    *b);
void        enlace_box_union               (EnlaceBox          *box,
                                            const EnlaceBox    *other);
double      enlace_point_distance          (EnlacePoint         a,
                                            EnlacePoint         b);
/* Rotates @p by @degrees around @centre. */
EnlacePoint enlace_point_rotate            (EnlacePoint         p,
                                            EnlacePoint         centre,
                                            double              degrees);

/* Snapping.  Each returns TRUE and sets @out when @p is within @tolerance
 * (metres) of something to snap to. */
EnlacePoint enlace_snap_to_grid            (EnlacePoint         p,
                                            double              grid);
gboolean    enlace_snap_to_vertices        (const EnlacePoint  *pts,
                                            guint               n,
                                            EnlacePoint         p,
                                            double              tolerance,
                                            EnlacePoint        *out);
gboolean    enlace_snap_to_polyline        (const EnlacePoint  *pts,
                                            guint               n,
                                            gboolean            closed,
                                            EnlacePoint         p,
                                            double              tolerance,
                                            EnlacePoint        *out);

/* Calibration of a background: two points on the image (in image units:
 * pixels or PDF points) that lie @real_m metres apart. */
typedef struct
{
  EnlacePoint a;
  EnlacePoint b;
  double      real_m;
} EnlaceMeasure;

/* Metres per image unit, or 0 with @error when the measure is unusable
 * (same point twice, a distance that is not positive). */
double      enlace_calibrate               (const EnlaceMeasure *m,
                                            GError             **error);
/* Compares two measures at different angles: returns the relative
 * difference of their scales (0.03 = 3 %).  Above
 * ENLACE_STRETCH_TOLERANCE the image is stretched (not the same scale
 * across and along) and the user is warned. */
#define ENLACE_STRETCH_TOLERANCE 0.02
double      enlace_calibration_stretch     (const EnlaceMeasure *first,
                                            const EnlaceMeasure *second);

/* The view of a plan: metres → device pixels.  Kept out of the widget so
 * that it is tested without a display and shared with printing. */
typedef struct
{
  double centre_x;      /* metres at the centre of the view */
  double centre_y;
  double pixels_per_m;  /* zoom */
  double width;         /* of the view, device pixels */
  double height;
} EnlaceViewport;

#define ENLACE_VIEWPORT_MIN_ZOOM 0.5      /* pixels per metre */
#define ENLACE_VIEWPORT_MAX_ZOOM 2000.0

EnlacePoint enlace_viewport_to_view        (const EnlaceViewport *vp,
                                            EnlacePoint           m);
EnlacePoint enlace_viewport_to_plan        (const EnlaceViewport *vp,
                                            EnlacePoint           px);
EnlaceBox   enlace_viewport_visible        (const EnlaceViewport *vp);
/* Zooms by @factor keeping the plan point under the view point @px fixed. */
void        enlace_viewport_zoom_at        (EnlaceViewport       *vp,
                                            double                factor,
                                            EnlacePoint           px);
void        enlace_viewport_pan            (EnlaceViewport       *vp,
                                            double                dx_px,
                                            double                dy_px);
/* Fits @box (metres) in the view with @margin pixels around it. */
void        enlace_viewport_fit            (EnlaceViewport       *vp,
                                            const EnlaceBox      *box,
                                            double                margin);
/* A round length for a scale bar about @max_px pixels long: 1, 2, 5 × 10^n
 * metres; @px gets its length in pixels. */
double      enlace_viewport_scale_bar      (const EnlaceViewport *vp,
                                            double                max_px,
                                            double               *px);

/* A uniform grid of buckets over a plan for hit testing. */
typedef struct _EnlaceGridIndex EnlaceGridIndex;

EnlaceGridIndex *enlace_grid_index_new     (const EnlaceBox    *extent,
                                            double              cell_m);
void             enlace_grid_index_free    (EnlaceGridIndex    *self);
/* Adds @box to @item; an item may have several parts (the segments of a
 * wall), each tested on its own.  Items must be inserted in drawing
 * order: a hit returns the top-most. */
void             enlace_grid_index_insert  (EnlaceGridIndex    *self,
                                            guint               item,
                                            const EnlaceBox    *box);
/* Calls @func for each item whose box may contain @p, until it returns
 * TRUE (found).  Returns the item found, or G_MAXUINT. */
typedef gboolean (*EnlaceGridHitFunc)      (guint               item,
                                            EnlacePoint         p,
                                            gpointer            data);
guint            enlace_grid_index_hit     (EnlaceGridIndex    *self,
                                            EnlacePoint         p,
                                            EnlaceGridHitFunc   func,
                                            gpointer            data);
/* Items whose box intersects @box (rubber-band selection), each once. */
GArray          *enlace_grid_index_query   (EnlaceGridIndex    *self,
                                            const EnlaceBox    *box);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceGridIndex, enlace_grid_index_free)

G_END_DECLS
