/* enlace-label-layout.h: where labels go on paper — sheets of laser
 * labels (A4 or Letter, a grid of rows and columns with margins and
 * pitch; presets for the common layouts) and label printers (continuous
 * tape of a given width, one label per page).
 *
 * Pure geometry in millimetres, origin at the sheet's top-left corner:
 * views/render/enlace-render-labels.c draws into these rectangles and
 * the tests check them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ENLACE_LABEL_MEDIA_SHEET,
  ENLACE_LABEL_MEDIA_TAPE,
} EnlaceLabelMedia;

typedef struct
{
  char             *name;          /* "L7160", "custom", "tape-12" */
  EnlaceLabelMedia  media;
  char             *paper;         /* "A4" or "Letter" (sheets) */
  double            page_width;    /* mm; sheets only */
  double            page_height;
  guint             rows;
  guint             columns;
  double            margin_top;    /* mm, to the top edge of the first row */
  double            margin_left;   /* mm, to the left edge of the first column */
  double            label_width;   /* mm */
  double            label_height;
  double            pitch_x;       /* mm from a label's left edge to the next one's */
  double            pitch_y;       /* mm from a label's top edge to the next one's */
  double            tape_width;    /* mm; tape only: the label's height */
  double            tape_length;   /* mm; tape only: 0 = as long as the text needs */
} EnlaceLabelLayout;

typedef struct
{
  double x, y, width, height;   /* mm */
} EnlaceLabelRect;

/* A preset of the table (see enlace-label-layout.c for the figures). */
typedef struct
{
  const char *name;
  const char *description;   /* N_() */
  const char *paper;
  guint       rows, columns;
  double      margin_top, margin_left;
  double      label_width, label_height;
  double      pitch_x, pitch_y;
  double      tape_width;    /* > 0 for tape presets */
} EnlaceLabelPreset;

const EnlaceLabelPreset *enlace_label_presets            (guint                   *n_presets);

/* Fills @layout from the preset @name (case-insensitive, "L7160",
 * "5160", "tape-12"…); FALSE with @error when unknown. */
gboolean  enlace_label_layout_init_preset (EnlaceLabelLayout       *layout,
                                           const char              *name,
                                           GError                 **error);
/* A custom grid of @rows × @columns on @paper; margins, pitch and label
 * size < 0 take defaults (10 mm margins; the grid fills the page; labels
 * as large as their pitch).  Checked as enlace_label_layout_check(). */
gboolean  enlace_label_layout_init_grid   (EnlaceLabelLayout       *layout,
                                           const char              *paper,
                                           guint                    rows,
                                           guint                    columns,
                                           double                   margin_top,
                                           double                   margin_left,
                                           double                   pitch_x,
                                           double                   pitch_y,
                                           double                   label_width,
                                           double                   label_height,
                                           GError                 **error);
/* Continuous tape @width mm wide; @length 0 for labels as long as their
 * content. */
gboolean  enlace_label_layout_init_tape   (EnlaceLabelLayout       *layout,
                                           double                   width,
                                           double                   length,
                                           GError                 **error);
void      enlace_label_layout_clear       (EnlaceLabelLayout       *layout);
void      enlace_label_layout_copy        (EnlaceLabelLayout       *dest,
                                           const EnlaceLabelLayout *src);
/* Checks that the labels do not overlap and lie on the page. */
gboolean  enlace_label_layout_check       (const EnlaceLabelLayout *layout,
                                           GError                 **error);
/* Paper size in mm ("A4", "Letter"); FALSE when unknown. */
gboolean  enlace_label_paper_size         (const char              *paper,
                                           double                  *width,
                                           double                  *height);

/* Labels per page: rows × columns, 1 on tape. */
guint     enlace_label_layout_per_page    (const EnlaceLabelLayout *layout);
/* The rectangle of cell @cell (0-based, row by row) of a sheet. */
void      enlace_label_layout_cell_rect   (const EnlaceLabelLayout *layout,
                                           guint                    cell,
                                           EnlaceLabelRect         *rect);
/* Where label @index goes when the first sheet starts at cell
 * @first_cell (0-based; a half-used sheet): its page and cell. */
void      enlace_label_layout_place       (const EnlaceLabelLayout *layout,
                                           guint                    first_cell,
                                           guint                    index,
                                           guint                   *page,
                                           guint                   *cell);
guint     enlace_label_layout_n_pages     (const EnlaceLabelLayout *layout,
                                           guint                    first_cell,
                                           guint                    n_labels);

G_END_DECLS
