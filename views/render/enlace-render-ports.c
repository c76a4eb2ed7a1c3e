/* enlace-render-ports.c: a device's ports drawn as its front panel */
#define G_LOG_DOMAIN "enlace-render-ports"
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "enlace-kinds.h"
#include "enlace-render-ports.h"
#include "enlace-render-util.h"

#define MARGIN      16.0
#define TITLE_H     46.0
#define SECTION_H   24.0
#define PAD         10.0
#define PW          28.0
#define PH          24.0
#define ROW_GAP     4.0
#define NUM_H       14.0
#define GROUP_GAP   10.0
#define PLATE_GAP   14.0
#define LEGEND_H    30.0
#define PER_ROW     24
#define MIN_W       480.0
#define MAX_ROW_W   840.0

typedef struct
{
  double x, y, w, h;
} Rect;

typedef struct
{
  char  *title;
  Rect   title_rect;
  Rect   plate;
} Plate;

typedef struct
{
  Rect   rect;
  int    row;          /* 0 top: number above; 1 bottom: number below */
} Cell;

struct _EnlacePortPanel
{
  gatomicrefcount  ref_count;
  gint64           device_id;
  char            *device_name;
  char            *subtitle;
  GArray          *ports;    /* EnlacePortInfo */
  GArray          *cells;    /* Cell, parallel to ports */
  GArray          *plates;   /* Plate */
  double           width;
  double           height;
  double           legend_y;
  gint64           hover;
  gint64           selected;
};

G_DEFINE_BOXED_TYPE (EnlacePortPanel, enlace_port_panel,
                     enlace_port_panel_ref, enlace_port_panel_unref)

static void
clear_port (gpointer data)
{
  EnlacePortInfo *p = data;

  g_free (p->name);
  g_free (p->label);
  g_free (p->kind);
  g_free (p->medium);
  g_free (p->connector);
  g_free (p->cable_label);
  g_free (p->cable_status);
}

static void
clear_plate (gpointer data)
{
  Plate *p = data;

  g_free (p->title);
}

EnlacePortPanel *
enlace_port_panel_ref (EnlacePortPanel *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
enlace_port_panel_unref (EnlacePortPanel *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->device_name);
  g_free (self->subtitle);
  g_array_unref (self->ports);
  g_array_unref (self->cells);
  g_array_unref (self->plates);
  g_free (self);
}

static const char * const kind_order[] = { "interface", "front", "rear" };

static const char *
kind_title (const char *kind)
{
  if (g_strcmp0 (kind, "interface") == 0)
    return _("Interfaces");
  if (g_strcmp0 (kind, "front") == 0)
    return _("Front ports");
  return _("Rear ports");
}

/* Lays the ports of one kind out starting at @y: one plate per medium
 * (copper, then fibre, then voice, side by side like a switch's SFP
 * cages), each of up to two rows; returns the y below them. */
static double
layout_kind (EnlacePortPanel *self,
             const char      *kind,
             gboolean         zigzag,
             double           y)
{
  static const char * const media[] = { "copper", "fibre", "voice" };
  GArray *groups[G_N_ELEMENTS (media)];
  guint per_plate = PER_ROW * 2;
  guint total = 0;
  double x = MARGIN, row_h = 0;

  for (guint g = 0; g < G_N_ELEMENTS (media); g++)
    groups[g] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->ports->len; i++)
    {
      const EnlacePortInfo *p = &g_array_index (self->ports, EnlacePortInfo, i);
      guint g = 0;

      if (g_strcmp0 (p->kind, kind) != 0)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (media); k++)
        if (g_strcmp0 (p->medium, media[k]) == 0)
          g = k;
      g_array_append_val (groups[g], i);
      total++;
    }
  if (total == 0)
    goto out;

  {
    Plate title = { 0 };

    title.title = g_strdup_printf ("%s (%u)", kind_title (kind), total);
    title.title_rect = (Rect) { MARGIN, y, 400, SECTION_H };
    g_array_append_val (self->plates, title);
    y += SECTION_H;
  }

  for (guint g = 0; g < G_N_ELEMENTS (media); g++)
    {
      GArray *idx = groups[g];

      for (guint start = 0; start < idx->len; start += per_plate)
        {
          guint m = MIN (per_plate, idx->len - start);
          gboolean two = zigzag && m > 1 && total > 8;
          guint cols, rows;
          Plate plate = { 0 };

          if (two)
            {
              rows = 2;
              cols = (m + 1) / 2;
            }
          else
            {
              cols = MIN (m, PER_ROW);
              rows = (m + PER_ROW - 1) / PER_ROW;
            }

          plate.plate.w = PAD * 2 + cols * PW + ((cols - 1) / 6) * GROUP_GAP;
          plate.plate.h = PAD * 2 + NUM_H * (rows == 2 ? 2 : 1) + rows * PH + (rows - 1) * ROW_GAP;
          if (x > MARGIN && x + plate.plate.w > MAX_ROW_W)
            {
              y += row_h + PLATE_GAP;
              x = MARGIN;
              row_h = 0;
            }
          plate.plate.x = x;
          plate.plate.y = y;
          g_array_append_val (self->plates, plate);
          self->width = MAX (self->width, x + plate.plate.w + MARGIN);

          for (guint k = 0; k < m; k++)
            {
              guint pi = g_array_index (idx, guint, start + k);
              Cell *cell = &g_array_index (self->cells, Cell, pi);
              guint col, row;

              if (two)
                {
                  col = k / 2;
                  row = k % 2;
                }
              else
                {
                  col = k % PER_ROW;
                  row = k / PER_ROW;
                }
              cell->row = row;
              cell->rect.x = x + PAD + col * PW + (col / 6) * GROUP_GAP;
              cell->rect.y = y + PAD + NUM_H + row * (PH + ROW_GAP);
              cell->rect.w = PW;
              cell->rect.h = PH;
            }
          x += plate.plate.w + PLATE_GAP;
          row_h = MAX (row_h, plate.plate.h);
        }
    }
  y += row_h + PLATE_GAP;

out:
  for (guint g = 0; g < G_N_ELEMENTS (media); g++)
    g_array_unref (groups[g]);
  return y;
}

EnlacePortPanel *
enlace_port_panel_load (EnlaceStore  *store,
                        gint64        device_id,
                        GError      **error)
{
  g_autoptr(EnlacePortPanel) self = NULL;
  g_autoptr(JsonObject) device = NULL;
  g_autoptr(GPtrArray) ports = NULL;
  const char *role;
  gboolean retired;
  gint64 type_id;
  double y;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  if (!(device = enlace_store_get (store, "device", device_id, error)))
    return NULL;
  if (!(ports = enlace_store_list (store, "port", device_id, error)))
    return NULL;

  self = g_new0 (EnlacePortPanel, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->device_id = device_id;
  self->device_name = g_strdup (enlace_json_string (device, "name"));
  self->ports = g_array_new (FALSE, TRUE, sizeof (EnlacePortInfo));
  g_array_set_clear_func (self->ports, clear_port);
  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  self->plates = g_array_new (FALSE, TRUE, sizeof (Plate));
  g_array_set_clear_func (self->plates, clear_plate);

  role = enlace_json_string (device, "role");
  retired = g_strcmp0 (enlace_json_string (device, "status"), "retired") == 0;
  type_id = enlace_json_int (device, "device_type_id", 0);
  {
    g_autoptr(JsonObject) type = type_id > 0 ? enlace_store_get (store, "device-type", type_id, NULL) : NULL;

    if (type)
      self->subtitle = g_strdup_printf ("%s %s · %s", enlace_json_string (type, "manufacturer"),
                                        enlace_json_string (type, "model"),
                                        enlace_choice_label (role));
    else
      self->subtitle = g_strdup (enlace_choice_label (role));
  }

  for (guint i = 0; i < ports->len; i++)
    {
      JsonObject *o = g_ptr_array_index (ports, i);
      EnlacePortInfo p = { 0 };
      EnlaceTerm term = { ENLACE_TERM_PORT, 0 };

      p.port_id = term.id = enlace_json_int (o, "id", 0);
      p.name = g_strdup (enlace_json_string (o, "name"));
      p.label = g_strdup (enlace_json_string (o, "label"));
      p.kind = g_strdup (enlace_json_string (o, "kind"));
      p.medium = g_strdup (enlace_json_string (o, "medium"));
      p.connector = g_strdup (enlace_json_string (o, "connector"));
      p.positions = (int) enlace_json_int (o, "positions", 1);
      p.cable_id = enlace_store_cable_on (store, &term);
      p.state = ENLACE_PORT_FREE;
      if (p.cable_id > 0)
        {
          g_autoptr(JsonObject) cable = enlace_store_get (store, "cable", p.cable_id, NULL);

          p.cable_label = g_strdup (cable ? enlace_json_string (cable, "label") : NULL);
          p.cable_status = g_strdup (cable ? enlace_json_string (cable, "status") : NULL);
          if (g_strcmp0 (p.cable_status, "planned") == 0)
            p.state = ENLACE_PORT_PLANNED;
          else if (g_strcmp0 (p.cable_status, "decommissioned") != 0)
            p.state = ENLACE_PORT_CONNECTED;
          else
            p.state = ENLACE_PORT_RETIRED;  /* a decommissioned cable is still on it */
        }
      /* the ports of a retired device are neither free nor in use */
      if (retired && p.state != ENLACE_PORT_PLANNED)
        p.state = ENLACE_PORT_RETIRED;
      g_array_append_val (self->ports, p);
    }
  g_array_set_size (self->cells, self->ports->len);

  self->width = MIN_W;
  y = MARGIN + TITLE_H;
  for (guint k = 0; k < G_N_ELEMENTS (kind_order); k++)
    {
      gboolean zigzag = g_strcmp0 (kind_order[k], "interface") == 0 &&
                        g_strcmp0 (role, "patch-panel") != 0 &&
                        g_strcmp0 (role, "outlet") != 0;
      y = layout_kind (self, kind_order[k], zigzag, y);
    }
  self->legend_y = y;
  self->height = y + LEGEND_H + MARGIN;

  return g_steal_pointer (&self);
}

gint64
enlace_port_panel_get_device_id (EnlacePortPanel *self)
{
  return self->device_id;
}

const char *
enlace_port_panel_get_device_name (EnlacePortPanel *self)
{
  return self->device_name;
}

guint
enlace_port_panel_get_n_ports (EnlacePortPanel *self)
{
  return self->ports->len;
}

const EnlacePortInfo *
enlace_port_panel_get_port (EnlacePortPanel *self,
                            guint            i)
{
  g_return_val_if_fail (i < self->ports->len, NULL);
  return &g_array_index (self->ports, EnlacePortInfo, i);
}

static int
find_index (EnlacePortPanel *self,
            gint64           port_id)
{
  for (guint i = 0; i < self->ports->len; i++)
    if (g_array_index (self->ports, EnlacePortInfo, i).port_id == port_id)
      return (int) i;
  return -1;
}

const EnlacePortInfo *
enlace_port_panel_find_port (EnlacePortPanel *self,
                             gint64           port_id)
{
  int i = find_index (self, port_id);

  return i < 0 ? NULL : &g_array_index (self->ports, EnlacePortInfo, i);
}

guint
enlace_port_panel_count (EnlacePortPanel *self,
                         EnlacePortState  state)
{
  guint n = 0;

  for (guint i = 0; i < self->ports->len; i++)
    if (g_array_index (self->ports, EnlacePortInfo, i).state == state)
      n++;
  return n;
}

void
enlace_port_panel_get_size (EnlacePortPanel *self,
                            double          *width,
                            double          *height)
{
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

void
enlace_port_panel_set_hover (EnlacePortPanel *self,
                             gint64           port_id)
{
  self->hover = port_id;
}

void
enlace_port_panel_set_selected (EnlacePortPanel *self,
                                gint64           port_id)
{
  self->selected = port_id;
}

gint64
enlace_port_panel_port_at (EnlacePortPanel *self,
                           double           x,
                           double           y)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      const Cell *c = &g_array_index (self->cells, Cell, i);

      /* the number label belongs to its port too */
      if (x >= c->rect.x && x < c->rect.x + c->rect.w &&
          y >= c->rect.y - (c->row == 0 ? NUM_H : 0) &&
          y < c->rect.y + c->rect.h + (c->row == 1 ? NUM_H : 0))
        return g_array_index (self->ports, EnlacePortInfo, i).port_id;
    }
  return 0;
}

gboolean
enlace_port_panel_get_port_rect (EnlacePortPanel *self,
                                 gint64           port_id,
                                 double          *x,
                                 double          *y,
                                 double          *w,
                                 double          *h)
{
  int i = find_index (self, port_id);
  const Cell *c;

  if (i < 0)
    return FALSE;
  c = &g_array_index (self->cells, Cell, i);
  *x = c->rect.x;
  *y = c->rect.y;
  *w = c->rect.w;
  *h = c->rect.h;
  return TRUE;
}

/* "Gi1/0/17" → "17", "Rear 3" → "3", "Console" → "Console" */
static char *
short_name (const char *name)
{
  const char *end, *p;

  if (name == NULL)
    return g_strdup ("");
  end = name + strlen (name);
  p = end;
  while (p > name && g_ascii_isdigit (p[-1]))
    p--;
  if (p < end)
    return g_strdup (p);
  return g_strdup (name);
}

static const EnlaceRgb ink = { 0.14, 0.14, 0.16 };
static const EnlaceRgb dim = { 0.45, 0.45, 0.48 };

static EnlaceRgb
state_color (EnlacePortState state)
{
  switch (state)
    {
    case ENLACE_PORT_CONNECTED:
      return (EnlaceRgb) { 0.20, 0.82, 0.48 };
    case ENLACE_PORT_PLANNED:
      return (EnlaceRgb) { 0.96, 0.76, 0.07 };
    case ENLACE_PORT_RETIRED:
      return (EnlaceRgb) { 0.55, 0.55, 0.57 };
    case ENLACE_PORT_FREE:
    default:
      return (EnlaceRgb) { 0.87, 0.87, 0.85 };
    }
}

static void
draw_port (EnlacePortPanel      *self,
           cairo_t              *cr,
           const EnlacePortInfo *p,
           const Cell           *c)
{
  double x = c->rect.x + 3, y = c->rect.y, w = c->rect.w - 6, h = c->rect.h;
  EnlaceRgb body = state_color (p->state);
  g_autofree char *num = short_name (p->name);

  /* the jack's housing, coloured by state */
  enlace_render_rounded_rect (cr, x, y, w, h, 2.5);
  enlace_render_set_rgb (cr, body, 1);
  cairo_fill_preserve (cr);
  if (p->state == ENLACE_PORT_PLANNED)
    {
      double dash[] = { 3, 2 };
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0.55, 0.40, 0.0);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  /* the socket: RJ45 with its latch notch, LC duplex, or a 110 slot */
  cairo_set_source_rgb (cr, 0.13, 0.13, 0.15);
  if (g_strcmp0 (p->medium, "fibre") == 0)
    {
      double s = MIN ((w - 8) / 2, h - 10);
      cairo_rectangle (cr, x + w / 2 - s - 1.5, y + (h - s) / 2, s, s);
      cairo_rectangle (cr, x + w / 2 + 1.5, y + (h - s) / 2, s, s);
      cairo_fill (cr);
    }
  else if (g_strcmp0 (p->connector, "110") == 0 || g_strcmp0 (p->medium, "voice") == 0)
    {
      cairo_rectangle (cr, x + 3, y + h / 2 - 2.5, w - 6, 5);
      cairo_fill (cr);
    }
  else
    {
      double sx = x + 4, sy = y + 5, sw = w - 8, sh = h - 9;
      double nw = sw / 2.6, nh = 3.5;

      cairo_rectangle (cr, sx, sy, sw, sh);
      if (c->row == 0)
        cairo_rectangle (cr, sx + (sw - nw) / 2, sy + sh, nw, nh);
      else
        cairo_rectangle (cr, sx + (sw - nw) / 2, sy - nh, nw, nh);
      cairo_fill (cr);
    }

  if (p->state == ENLACE_PORT_CONNECTED || p->state == ENLACE_PORT_PLANNED)
    {
      /* a plug in the socket */
      enlace_render_set_rgb (cr, body, 0.9);
      cairo_rectangle (cr, x + 7, y + 8, w - 14, h - 16);
      cairo_fill (cr);
    }

  if (p->positions > 1)
    {
      g_autofree char *pos = g_strdup_printf ("×%d", p->positions);
      cairo_set_source_rgb (cr, 1, 1, 1);
      enlace_render_text (cr, pos, 8, TRUE, ENLACE_ALIGN_CENTER, x, y + h - 10, w, 10);
    }

  /* the number, above the top row and below the bottom row */
  cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
  enlace_render_text (cr, num, 9.5, FALSE, ENLACE_ALIGN_CENTER, c->rect.x, c->row == 0 ? y - NUM_H : y + h,
                      c->rect.w, NUM_H);

  if (p->port_id == self->selected || p->port_id == self->hover)
    {
      enlace_render_rounded_rect (cr, x - 2, y - 2, w + 4, h + 4, 3.5);
      if (p->port_id == self->selected)
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
}

static void
draw_legend (EnlacePortPanel *self,
             cairo_t         *cr)
{
  static const EnlacePortState states[] = { ENLACE_PORT_CONNECTED, ENLACE_PORT_PLANNED, ENLACE_PORT_FREE,
                                            ENLACE_PORT_RETIRED };
  double x = MARGIN, y = self->legend_y + 6;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      guint n = enlace_port_panel_count (self, states[i]);
      g_autofree char *text = NULL;
      double w;

      /* retired ports only when there are some */
      if (states[i] == ENLACE_PORT_RETIRED && n == 0)
        continue;

      switch (states[i])
        {
        case ENLACE_PORT_CONNECTED:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u connected", "%u connected", n), n);
          break;
        case ENLACE_PORT_PLANNED:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u planned", "%u planned", n), n);
          break;
        case ENLACE_PORT_RETIRED:
          /* TRANSLATORS: ports of a retired device or with a decommissioned cable */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u retired", "%u retired", n), n);
          break;
        case ENLACE_PORT_FREE:
        default:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u free", "%u free", n), n);
          break;
        }
      enlace_render_rounded_rect (cr, x, y + 2, 16, 14, 2);
      enlace_render_set_rgb (cr, state_color (states[i]), 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      enlace_render_set_rgb (cr, ink, 1);
      w = enlace_render_text (cr, text, 12, FALSE, ENLACE_ALIGN_LEFT, x + 22, y, 0, 18);
      x += 22 + w + 22;
    }
}

void
enlace_port_panel_draw (EnlacePortPanel *self,
                        cairo_t         *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, self->device_name, 18, TRUE, ENLACE_ALIGN_LEFT,
                      MARGIN, MARGIN, self->width - 2 * MARGIN, 22);
  enlace_render_set_rgb (cr, dim, 1);
  enlace_render_text (cr, self->subtitle, 12, FALSE, ENLACE_ALIGN_LEFT,
                      MARGIN, MARGIN + 22, self->width - 2 * MARGIN, 18);

  if (self->ports->len == 0)
    {
      enlace_render_set_rgb (cr, dim, 1);
      enlace_render_text (cr, _("This device has no ports."), 13, FALSE, ENLACE_ALIGN_LEFT,
                          MARGIN, MARGIN + TITLE_H, self->width - 2 * MARGIN, 20);
    }

  for (guint i = 0; i < self->plates->len; i++)
    {
      const Plate *p = &g_array_index (self->plates, Plate, i);

      if (p->title)
        {
          enlace_render_set_rgb (cr, ink, 1);
          enlace_render_text (cr, p->title, 13, TRUE, ENLACE_ALIGN_LEFT,
                              p->title_rect.x, p->title_rect.y, p->title_rect.w, p->title_rect.h);
        }
      if (p->plate.w <= 0)
        continue;
      enlace_render_rounded_rect (cr, p->plate.x, p->plate.y, p->plate.w, p->plate.h, 5);
      cairo_set_source_rgb (cr, 0.24, 0.22, 0.27);
      cairo_fill (cr);
    }

  for (guint i = 0; i < self->ports->len; i++)
    draw_port (self, cr, &g_array_index (self->ports, EnlacePortInfo, i),
               &g_array_index (self->cells, Cell, i));

  if (self->ports->len > 0)
    draw_legend (self, cr);

  cairo_restore (cr);
}
