/* enlace-render-bom.c: the bill of materials as a table (see
 * enlace-render-bom.h) */
#define G_LOG_DOMAIN "enlace-render"
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "enlace-money.h"
#include "enlace-render-bom.h"
#include "enlace-render-util.h"

#define ROW_H 14.0
#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 40.0

static char *
group_title (EnlaceBomGroup *g)
{
  g_autofree char *building = NULL;

  /* The building by its name (it usually carries the code: "Edificio A —
   * Aulas"); by its code when it has none. */
  if (g->building)
    building = g->building_name && *g->building_name
               ? g_strdup (g->building_name)
               : g_strdup_printf (_("Building %s"), g->building);
  if (g->has_floor)
    /* Translators: a floor's heading in the bill of materials, "Edificio A — Aulas — Planta baja (level 0)" */
    return g_strdup_printf (_("%s — %s (level %d)"), building, g->floor_name, g->level);
  if (g->building)
    return g_steal_pointer (&building);
  return g_strdup (_("Total"));
}

static void
row (cairo_t    *cr,
     double      x,
     double      y,
     double      width,
     const char *desc,
     const char *qty,
     const char *price,
     const char *cost,
     gboolean    bold)
{
  double qw = 80, pw = 90, cw = 90;
  double dw = width - qw - pw - cw;

  enlace_render_text (cr, desc, 8, bold, ENLACE_ALIGN_LEFT, x, y, dw - 6, ROW_H);
  enlace_render_text (cr, qty, 8, bold, ENLACE_ALIGN_RIGHT, x + dw, y, qw, ROW_H);
  enlace_render_text (cr, price, 8, bold, ENLACE_ALIGN_RIGHT, x + dw + qw, y, pw, ROW_H);
  enlace_render_text (cr, cost, 8, bold, ENLACE_ALIGN_RIGHT, x + dw + qw + pw, y, cw, ROW_H);
}

/* Lines of a group; calls @new_page (when not NULL) before a row that
 * would pass @bottom. */
static double
draw_group (cairo_t        *cr,
            EnlaceBomGroup *g,
            double          x,
            double          y,
            double          width,
            double          bottom)
{
  g_autofree char *title = group_title (g);
  g_autofree char *total = enlace_money_format (g->cost, g->currency);

#define NEXT_ROW() G_STMT_START { y += ROW_H; \
    if (bottom > 0 && y + ROW_H > bottom) { cairo_show_page (cr); y = MARGIN; } } G_STMT_END

  cairo_set_source_rgb (cr, 0, 0, 0);
  enlace_render_text (cr, title, 10, TRUE, ENLACE_ALIGN_LEFT, x, y, width, ROW_H + 2);
  y += 4;
  NEXT_ROW ();
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
  cairo_rectangle (cr, x, y, width, ROW_H);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  row (cr, x + 2, y, width - 4, _("Item"), _("Quantity"), _("Unit price"), _("Cost"), TRUE);
  NEXT_ROW ();
  for (guint i = 0; i < g->lines->len; i++)
    {
      EnlaceBomLine *l = g_ptr_array_index (g->lines, i);
      g_autofree char *q = enlace_bom_line_dup_quantity (l);
      g_autofree char *p = l->unit_price >= 0 ? enlace_money_format (l->unit_price, g->currency) : g_strdup ("—");
      g_autofree char *c = l->unit_price >= 0 ? enlace_money_format (l->cost, g->currency) : g_strdup ("—");

      row (cr, x + 2, y, width - 4, l->description, q, p, c, FALSE);
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, y + ROW_H);
      cairo_line_to (cr, x + width, y + ROW_H);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      NEXT_ROW ();
    }
  row (cr, x + 2, y, width - 4, _("Cost"), "", "", total, TRUE);
  y += ROW_H * 2;
#undef NEXT_ROW
  return y;
}

double
enlace_render_bom_group (cairo_t        *cr,
                         EnlaceBomGroup *group,
                         double          x,
                         double          y,
                         double          width)
{
  g_return_val_if_fail (cr != NULL && group != NULL, y);

  return draw_group (cr, group, x, y, width, 0);
}

double
enlace_render_bom_group_height (EnlaceBomGroup *group)
{
  g_return_val_if_fail (group != NULL, 0);

  return 4 + ROW_H * (group->lines->len + 4);
}

gboolean
enlace_render_bom_pdf (EnlaceStore  *store,
                       EnlaceBom    *bom,
                       const char   *path,
                       GError      **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *institution = NULL;
  double y = MARGIN, width = PAGE_W - 2 * MARGIN, bottom = PAGE_H - MARGIN;

  g_return_val_if_fail (bom != NULL && path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Bill of materials"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Enlace");
  cr = cairo_create (surface);
  if (store)
    institution = enlace_store_get_meta (store, "institution");
  cairo_set_source_rgb (cr, 0, 0, 0);
  enlace_render_text (cr, _("Bill of materials"), 14, TRUE, ENLACE_ALIGN_LEFT, MARGIN, y, width, 20);
  y += 20;
  if (institution && *institution)
    {
      enlace_render_text (cr, institution, 9, FALSE, ENLACE_ALIGN_LEFT, MARGIN, y, width, 14);
      y += 14;
    }
  y += 10;
  for (guint i = 0; i < bom->floors->len; i++)
    y = draw_group (cr, g_ptr_array_index (bom->floors, i), MARGIN, y, width, bottom);
  for (guint i = 0; i < bom->buildings->len; i++)
    y = draw_group (cr, g_ptr_array_index (bom->buildings, i), MARGIN, y, width, bottom);
  draw_group (cr, bom->total, MARGIN, y, width, bottom);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Writing “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
