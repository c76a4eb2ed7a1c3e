/* enlace-plan-sheet.h: floor plans on paper
 *
 * A plan is printed at a chosen scale (1:50, 1:100, 1:200, …) or fitted to
 * the page, on ISO A4–A0 or US Letter, Legal and Tabloid, tiled over as
 * many sheets as the scale needs, each with a title block (institution,
 * building, floor, date, scale, author, sheet), a legend, a north arrow
 * and a scale bar.  The same pages go to GtkPrintOperation and to PDF, SVG
 * and PNG files.
 */
#pragma once

#include <cairo.h>

#include "enlace-render-plan.h"
#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char      *paper;        /* "A4"… "A0", "Letter", "Legal", "Tabloid" */
  gboolean         landscape;
  guint            scale;        /* 100 for 1:100; 0 fits the plan to one sheet */
  const char      *institution;  /* nullable */
  const char      *author;       /* nullable */
  const char      *date;         /* nullable: today */
  EnlacePlanStyle  style;
} EnlacePlanSheetOptions;

void     enlace_plan_sheet_options_init (EnlacePlanSheetOptions *options);

/* Paper size in points (portrait), FALSE for an unknown name. */
gboolean enlace_plan_paper_size         (const char             *name,
                                         double                 *width_pt,
                                         double                 *height_pt);
/* NULL-terminated names of the papers, for menus. */
const char * const *enlace_plan_papers  (void);
/* Parses "1:100" or "100"; 0 for "fit"; FALSE when it is neither. */
gboolean enlace_plan_parse_scale        (const char             *text,
                                         guint                  *scale);

/* The layout of the sheets for a scene. */
typedef struct
{
  double page_w, page_h;         /* points */
  double area_x, area_y, area_w, area_h; /* the drawing area on each sheet */
  guint  cols, rows;             /* sheets across and down */
  double points_per_m;           /* the scale on paper */
  guint  scale;                  /* the scale's denominator (fit: computed) */
  EnlaceBox extent;              /* what is printed, metres */
} EnlacePlanSheetLayout;

gboolean enlace_plan_sheet_layout       (EnlacePlanScene              *scene,
                                         const EnlacePlanSheetOptions *options,
                                         double                        page_w,
                                         double                        page_h,
                                         EnlacePlanSheetLayout        *layout,
                                         GError                      **error);
/* Draws sheet @index (0-based, row by row) of the layout at 1 unit = 1 pt. */
void     enlace_plan_sheet_draw         (cairo_t                      *cr,
                                         EnlacePlanScene              *scene,
                                         const EnlacePlanSheetOptions *options,
                                         const EnlacePlanSheetLayout  *layout,
                                         guint                         index);

/* Writes every sheet to @path: "pdf" (one file, one page per sheet),
 * "svg" or "png" (one file per sheet: NAME-2.svg… when there are several;
 * PNG at @dpi).  Returns the number of files written, 0 with @error. */
guint    enlace_plan_export             (EnlacePlanScene              *scene,
                                         const EnlacePlanSheetOptions *options,
                                         const char                   *path,
                                         const char                   *format,
                                         double                        dpi,
                                         GError                      **error);

/* Loads the scene's background from the store, NULL when it has none
 * (without error) or cannot be read (with @error). */
EnlacePlanBackground *enlace_plan_background_load (EnlaceStore     *store,
                                                   EnlacePlanScene *scene,
                                                   GError         **error);

G_END_DECLS
