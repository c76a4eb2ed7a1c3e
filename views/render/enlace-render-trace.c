/* enlace-render-trace.c: cable paths drawn hop by hop */
#define G_LOG_DOMAIN "enlace-render-trace"
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "enlace-faulty.h"
#include "enlace-kinds.h"
#include "enlace-render-document.h"
#include "enlace-render-trace.h"
#include "enlace-render-util.h"
#include "enlace-trace-paths.h"

#define MARGIN     20.0
#define TITLE_H    44.0
#define COL_W      340.0
#define COL_GAP    36.0
#define HEAD_H     84.0
#define BOX_PAD    10.0
#define LINE_H     17.0
#define TITLE_LH   21.0
#define LINK_H     78.0
#define PDF_MIN_WIDTH 460.0  /* room for the header */
#define PDF_MARGIN    24.0
#define STOP_LH    15.0
#define STOP_SIZE  11.0
#define LINK_SIZE  12.0
#define LINK_TEXT_W (COL_W - 60)

typedef enum
{
  ITEM_BOX,
  ITEM_CABLE,
  ITEM_CIRCUIT,
} ItemKind;

typedef struct
{
  ItemKind     kind;
  /* what a click opens */
  const char  *obj_kind;
  gint64       obj_id;
  gint64       device_id;     /* boxes of ports */
  char        *title;
  GPtrArray   *lines;         /* port lines (boxes) or cable lines (links) */
  char        *place;         /* boxes: space · rack · unit */
  char        *tooltip;
  EnlaceRgb    color;         /* role or cable colour */
  gboolean     planned;
  gboolean     retired;       /* decommissioned cable, retired device */
  gboolean     faulty;        /* a cable or port of it marked faulty */
  double       y, h;          /* layout within the column */
} Item;

typedef struct
{
  EnlacePath  *path;
  GPtrArray   *items;         /* Item* */
  GPtrArray   *stop_lines;    /* why it stops, wrapped to the column */
  double       head_h;        /* the heading above the first box */
  double       height;        /* of the column from its top */
} Column;

struct _EnlaceTraceDrawing
{
  gatomicrefcount  ref_count;
  char            *title;
  GPtrArray       *columns;   /* Column* */
  GPtrArray       *paths;     /* EnlacePath*, as given */
  double           height;
  const char      *hover_kind;
  gint64           hover_id;
  guint            n_boxes;
  guint            n_cables;
  EnlaceStore     *store;     /* for the header of a PDF */
};

G_DEFINE_BOXED_TYPE (EnlaceTraceDrawing, enlace_trace_drawing,
                     enlace_trace_drawing_ref, enlace_trace_drawing_unref)

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->title);
  g_clear_pointer (&item->lines, g_ptr_array_unref);
  g_free (item->place);
  g_free (item->tooltip);
  g_free (item);
}

static void
column_free (gpointer data)
{
  Column *col = data;

  g_clear_pointer (&col->path, enlace_path_unref);
  g_clear_pointer (&col->items, g_ptr_array_unref);
  g_clear_pointer (&col->stop_lines, g_ptr_array_unref);
  g_free (col);
}

EnlaceTraceDrawing *
enlace_trace_drawing_ref (EnlaceTraceDrawing *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
enlace_trace_drawing_unref (EnlaceTraceDrawing *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->title);
  g_ptr_array_unref (self->columns);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_free (self);
}

/* Loading: a small cache of the rows a trace crosses */

typedef struct
{
  EnlaceStore  *store;
  EnlaceTracer *tracer;
  GHashTable   *rows;   /* "kind:id" → JsonObject */
  cairo_t      *measure; /* for the width of texts */
  GHashTable   *faulty;  /* the marked cables and ports (enlace-faulty.h) */
} Loader;

/* Joins @parts with @sep into lines no wider than @width at @size,
 * breaking between parts (a part wider than the line gets its own). */
static void
wrap_parts (cairo_t     *measure,
            const char **parts,
            guint        n,
            const char  *sep,
            double       size,
            double       width,
            GPtrArray   *lines)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *try = line->len ? g_strconcat (line->str, sep, parts[i], NULL) : g_strdup (parts[i]);
      double w = 0;

      enlace_render_text_size (measure, try, size, FALSE, &w, NULL);
      if (w <= width || line->len == 0)
        g_string_assign (line, try);
      else
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_assign (line, parts[i]);
        }
    }
  if (line->len)
    g_ptr_array_add (lines, g_strdup (line->str));
}

/* Wraps @text at its spaces to @width. */
static void
wrap_words (cairo_t    *measure,
            const char *text,
            double      size,
            double      width,
            GPtrArray  *lines)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  wrap_parts (measure, (const char **) words, g_strv_length (words), " ", size, width, lines);
}

static JsonObject *
load (Loader     *l,
      const char *kind,
      gint64      id)
{
  g_autofree char *key = NULL;
  JsonObject *o;

  if (id <= 0)
    return NULL;
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
  if (g_hash_table_lookup_extended (l->rows, key, NULL, (gpointer *) &o))
    return o;
  o = enlace_store_get (l->store, kind, id, NULL);
  g_hash_table_insert (l->rows, g_steal_pointer (&key), o);
  return o;
}

static void
row_unref (gpointer data)
{
  if (data)
    json_object_unref (data);
}

static char *
port_text (JsonObject *port)
{
  const char *kind = enlace_json_string (port, "kind");
  const char *name = enlace_json_string (port, "name");

  if (g_strcmp0 (kind, "front") == 0)
    return g_strdup_printf (_("front %s"), name);
  if (g_strcmp0 (kind, "rear") == 0)
    return g_strdup_printf (_("rear %s"), name);
  return g_strdup (name);
}

static char *
place_text (Loader     *l,
            JsonObject *device)
{
  gint64 rack_id = enlace_json_int (device, "rack_id", 0);
  gint64 space_id = enlace_json_int (device, "space_id", 0);
  JsonObject *rack = load (l, "rack", rack_id);
  g_autoptr(GString) s = g_string_new (NULL);

  if (space_id <= 0 && rack)
    space_id = enlace_json_int (rack, "space_id", 0);
  if (space_id > 0)
    {
      g_autofree char *key = enlace_store_dup_key (l->store, "space", space_id);
      JsonObject *space = load (l, "space", space_id);
      const char *name = space ? enlace_json_string (space, "name") : NULL;

      g_string_append (s, key ? key : "");
      /* the rack says enough about a telecom room; offices get their name */
      if (name && *name && rack == NULL)
        g_string_append_printf (s, " (%s)", name);
    }
  if (rack)
    {
      double u = enlace_json_double (device, "u_position", 0);

      if (s->len)
        g_string_append (s, " · ");
      if (u > 0)
        g_string_append_printf (s, _("rack %s, U%g"), enlace_json_string (rack, "name"), u);
      else
        g_string_append_printf (s, _("rack %s"), enlace_json_string (rack, "name"));
    }
  if (s->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static Item *
item_new (ItemKind kind)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->lines = g_ptr_array_new_with_free_func (g_free);
  return item;
}

/* "⚠ Marked faulty (INET-2026-0007)" for a marked cable or port, else NULL */
static char *
faulty_line (Loader     *l,
             const char *kind,
             gint64      id,
             const char *what)
{
  g_autoptr(EnlaceFaultyMark) mark = enlace_faulty_get (l->store, kind, id);

  if (mark == NULL)
    return NULL;
  if (what != NULL && mark->folio != NULL)
    /* Translators: PORT marked faulty (CASE FOLIO) */
    return g_strdup_printf (_("⚠ %s marked faulty (%s)"), what, mark->folio);
  if (what != NULL)
    return g_strdup_printf (_("⚠ %s marked faulty"), what);
  if (mark->folio != NULL)
    return g_strdup_printf (_("⚠ Marked faulty (%s)"), mark->folio);
  return g_strdup (_("⚠ Marked faulty"));
}

static Item *
port_box (Loader           *l,
          const EnlaceNode *nodes,
          guint             n)
{
  Item *item = item_new (ITEM_BOX);
  JsonObject *port = load (l, "port", nodes[0].id);
  JsonObject *device = port ? load (l, "device", enlace_json_int (port, "device_id", 0)) : NULL;
  const char *role = device ? enlace_json_string (device, "role") : NULL;

  item->obj_kind = "port";
  item->obj_id = nodes[0].id;
  item->device_id = device ? enlace_json_int (device, "id", 0) : 0;
  item->title = g_strdup (device ? enlace_json_string (device, "name") : "?");
  item->color = enlace_render_role_color (role);
  item->retired = device && g_strcmp0 (enlace_json_string (device, "status"), "retired") == 0;
  item->planned = device && g_strcmp0 (enlace_json_string (device, "status"), "planned") == 0;
  item->place = device ? place_text (l, device) : NULL;
  item->tooltip = g_strdup_printf ("%s — %s", item->title, enlace_choice_label (role));
  return item;
}

static void
add_port_line (Loader           *l,
               Item             *item,
               const EnlaceNode *nodes,
               guint             n,
               gboolean          mapped)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint k = 0; k < n; k++)
    {
      JsonObject *port = load (l, "port", nodes[k].id);
      g_autofree char *text = port ? port_text (port) : g_strdup ("?");

      if (k > 0)
        g_string_append (s, ", ");
      if (k >= 4)
        {
          g_string_append_printf (s, _("+%u more"), n - k);
          break;
        }
      g_string_append (s, text);
    }
  if (mapped)
    g_ptr_array_add (item->lines, g_strdup_printf ("⇅ %s", s->str));
  else
    g_ptr_array_add (item->lines, g_strdup_printf (_("port %s"), s->str));
  for (guint k = 0; k < n; k++)
    {
      JsonObject *port = load (l, "port", nodes[k].id);
      g_autofree char *text = port ? port_text (port) : NULL;
      char *line = l->faulty && enlace_faulty_set_contains (l->faulty, "port", nodes[k].id)
                     ? faulty_line (l, "port", nodes[k].id, text) : NULL;

      if (line != NULL)
        {
          item->faulty = TRUE;
          g_ptr_array_add (item->lines, line);
        }
    }
}

static Item *
termination_box (Loader           *l,
                 const EnlaceNode *node)
{
  Item *item = item_new (ITEM_BOX);
  JsonObject *term = load (l, "circuit-termination", node->id);
  JsonObject *circuit = term ? load (l, "circuit", enlace_json_int (term, "circuit_id", 0)) : NULL;
  gint64 space_id = term ? enlace_json_int (term, "space_id", 0) : 0;

  item->obj_kind = "circuit-termination";
  item->obj_id = node->id;
  item->title = g_strdup_printf (_("Circuit %s, side %s"),
                                 circuit ? enlace_json_string (circuit, "cid") : "?",
                                 term ? enlace_json_string (term, "side") : "?");
  item->color = (EnlaceRgb) { 0.38, 0.21, 0.51 };
  if (circuit)
    g_ptr_array_add (item->lines, g_strdup_printf (_("provider %s"), enlace_json_string (circuit, "provider")));
  if (space_id > 0)
    item->place = enlace_store_dup_key (l->store, "space", space_id);
  item->tooltip = g_strdup (item->title);
  return item;
}

static Item *
space_box (Loader           *l,
           const EnlaceNode *node)
{
  Item *item = item_new (ITEM_BOX);
  JsonObject *space = load (l, "space", node->id);
  g_autofree char *key = enlace_store_dup_key (l->store, "space", node->id);

  item->obj_kind = "space";
  item->obj_id = node->id;
  item->title = g_strdup (key ? key : "?");
  item->color = (EnlaceRgb) { 0.6, 0.6, 0.6 };
  if (space && enlace_json_string (space, "name"))
    item->place = g_strdup (enlace_json_string (space, "name"));
  item->tooltip = g_strdup (item->title);
  return item;
}

static Item *
cable_link (Loader           *l,
            const EnlaceNode *nodes,
            guint             n)
{
  Item *item = item_new (ITEM_CABLE);
  JsonObject *first = load (l, "cable", nodes[0].id);
  g_autoptr(GString) tip = g_string_new (NULL);

  item->obj_kind = "cable";
  item->obj_id = nodes[0].id;
  item->color = enlace_render_cable_color (first ? enlace_json_string (first, "color") : NULL);
  item->planned = first && g_strcmp0 (enlace_json_string (first, "status"), "planned") == 0;
  item->retired = first && g_strcmp0 (enlace_json_string (first, "status"), "decommissioned") == 0;

  for (guint k = 0; k < n && k < 3; k++)
    {
      JsonObject *cable = load (l, "cable", nodes[k].id);
      g_autofree char *key = enlace_store_dup_key (l->store, "cable", nodes[k].id);
      g_autofree char *type = NULL;
      g_autofree char *len = NULL;
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      const char *status;

      if (cable == NULL)
        continue;
      type = enlace_render_cable_type_label (enlace_json_string (cable, "type"));
      if (enlace_json_is_null (cable, "length_m"))
        len = g_strdup (_("length unknown"));
      else
        len = enlace_render_format_length (enlace_json_double (cable, "length_m", -1));
      if (k == 0)
        item->title = g_strdup (key);
      else
        g_ptr_array_add (item->lines, g_strdup (key));
      if (type)
        g_ptr_array_add (parts, g_strdup (type));
      g_ptr_array_add (parts, g_strdup (enlace_choice_label (enlace_json_string (cable, "kind"))));
      g_ptr_array_add (parts, g_strdup (len));
      if (enlace_json_string (cable, "color"))
        g_ptr_array_add (parts, g_strdup (enlace_json_string (cable, "color")));
      status = enlace_json_string (cable, "status");
      if (g_strcmp0 (status, "installed") != 0 && status)
        g_ptr_array_add (parts, g_strdup (enlace_choice_label (status)));
      /* measured, so that the status is never cut ("Plan…") */
      wrap_parts (l->measure, (const char **) parts->pdata, parts->len, " · ", LINK_SIZE, LINK_TEXT_W, item->lines);
      if (l->faulty && enlace_faulty_set_contains (l->faulty, "cable", nodes[k].id))
        {
          item->faulty = TRUE;
          g_ptr_array_add (item->lines, faulty_line (l, "cable", nodes[k].id, n > 1 ? key : NULL));
        }
      g_string_append_printf (tip, "%s%s", tip->len ? "\n" : "", key);
    }
  if (n > 3)
    g_ptr_array_add (item->lines, g_strdup_printf (_("+%u more cables"), n - 3));
  if (n > 1 && item->title)
    {
      char *t = g_strdup_printf (_("%s (%u cables in parallel)"), item->title, n);
      g_free (item->title);
      item->title = t;
    }
  item->tooltip = g_strdup_printf (_("Cable %s — click to open it"), tip->str);
  return item;
}

static Item *
circuit_link (Loader           *l,
              const EnlaceNode *near)
{
  Item *item = item_new (ITEM_CIRCUIT);
  JsonObject *term = load (l, "circuit-termination", near->id);
  JsonObject *circuit = term ? load (l, "circuit", enlace_json_int (term, "circuit_id", 0)) : NULL;
  g_autofree char *len = NULL;

  item->obj_kind = "circuit-termination";
  item->obj_id = near->id;
  item->color = (EnlaceRgb) { 0.38, 0.21, 0.51 };
  if (circuit)
    {
      len = enlace_render_format_length (enlace_json_is_null (circuit, "length_m") ? -1
                                         : enlace_json_double (circuit, "length_m", -1));
      item->title = g_strdup_printf (_("Provider circuit %s"), enlace_json_string (circuit, "cid"));
      g_ptr_array_add (item->lines, g_strdup_printf ("%s · %s · %s",
                                                     enlace_json_string (circuit, "provider"),
                                                     enlace_json_string (circuit, "kind"), len));
      item->planned = g_strcmp0 (enlace_json_string (circuit, "status"), "planned") == 0;
      item->retired = g_strcmp0 (enlace_json_string (circuit, "status"), "retired") == 0;
    }
  else
    item->title = g_strdup (_("Provider circuit"));
  item->tooltip = g_strdup (item->title);
  return item;
}

static gboolean
same_device (Loader           *l,
             Item             *box,
             const EnlaceNode *nodes,
             guint             n)
{
  for (guint k = 0; k < n; k++)
    {
      JsonObject *port;

      if (nodes[k].kind != ENLACE_NODE_PORT)
        return FALSE;
      port = load (l, "port", nodes[k].id);
      if (port == NULL || enlace_json_int (port, "device_id", 0) != box->device_id)
        return FALSE;
    }
  return TRUE;
}

static double
item_height (const Item *item)
{
  if (item->kind == ITEM_BOX)
    return BOX_PAD * 2 + TITLE_LH + item->lines->len * LINE_H + (item->place ? LINE_H : 0);
  return MAX (LINK_H, 20 + TITLE_LH + item->lines->len * LINE_H);
}

static Column *
build_column (Loader     *l,
              EnlacePath *path)
{
  Column *col = g_new0 (Column, 1);
  guint n_hops = enlace_path_get_n_hops (path);
  Item *prev = NULL;
  g_autofree char *stop = enlace_tracer_dup_stop_text (l->tracer, path, NULL);
  double y;

  col->path = enlace_path_ref (path);
  col->items = g_ptr_array_new_with_free_func (item_free);
  col->stop_lines = g_ptr_array_new_with_free_func (g_free);
  if (stop)
    {
      /* a sentence: "No patch cord at B-1A-PPA port 37 in rack B-1A-R1." */
      char first[8] = { 0 };
      g_autofree char *sentence = NULL;

      first[g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (stop)), first)] = '\0';
      sentence = g_strdup_printf ("%s%s.", first, g_utf8_next_char (stop));

      wrap_words (l->measure, sentence, STOP_SIZE, COL_W, col->stop_lines);
    }
  col->head_h = HEAD_H + (col->stop_lines->len > 1 ? (col->stop_lines->len - 1) * STOP_LH : 0);
  y = col->head_h;

  for (guint i = 0; i < n_hops; i++)
    {
      guint n = 0;
      const EnlaceNode *nodes = enlace_path_get_hop (path, i, &n);
      Item *item = NULL;

      if (n == 0)
        continue;
      switch (nodes[0].kind)
        {
        case ENLACE_NODE_CABLE:
          item = cable_link (l, nodes, n);
          break;

        case ENLACE_NODE_PORT:
          if (prev && prev->kind == ITEM_BOX && prev->device_id > 0 && same_device (l, prev, nodes, n))
            {
              add_port_line (l, prev, nodes, n, TRUE);
              continue;
            }
          item = port_box (l, nodes, n);
          add_port_line (l, item, nodes, n, FALSE);
          break;

        case ENLACE_NODE_TERMINATION:
          if (prev && prev->kind == ITEM_BOX && g_strcmp0 (prev->obj_kind, "circuit-termination") == 0)
            {
              /* crossing the circuit: the provider link, then the far side */
              Item *link = circuit_link (l, &nodes[0]);
              g_ptr_array_add (col->items, link);
            }
          item = termination_box (l, &nodes[0]);
          break;

        case ENLACE_NODE_SPACE:
        default:
          if (prev && prev->kind == ITEM_BOX && g_strcmp0 (prev->obj_kind, "circuit-termination") == 0)
            g_ptr_array_add (col->items, circuit_link (l, &nodes[0]));
          item = space_box (l, &nodes[0]);
          break;
        }
      g_ptr_array_add (col->items, item);
      prev = item;
    }

  for (guint k = 0; k < col->items->len; k++)
    {
      Item *item = g_ptr_array_index (col->items, k);

      item->y = y;
      item->h = item_height (item);
      y += item->h;
    }
  col->height = y;
  return col;
}

EnlaceTraceDrawing *
enlace_trace_drawing_new (EnlaceStore  *store,
                          const char   *title,
                          GPtrArray    *paths,
                          GError      **error)
{
  g_autoptr(EnlaceTraceDrawing) self = NULL;
  cairo_surface_t *surface;
  Loader l;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  self = g_new0 (EnlaceTraceDrawing, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title ? title : _("Trace"));
  self->store = g_object_ref (store);
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->paths = g_ptr_array_ref (paths);

  l.store = store;
  l.tracer = enlace_tracer_get_for_store (store);
  l.rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, row_unref);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  l.measure = cairo_create (surface);
  l.faulty = enlace_faulty_set_load (store);

  for (guint i = 0; i < paths->len; i++)
    {
      Column *col = build_column (&l, g_ptr_array_index (paths, i));

      g_ptr_array_add (self->columns, col);
      self->height = MAX (self->height, col->height);
      for (guint k = 0; k < col->items->len; k++)
        {
          Item *item = g_ptr_array_index (col->items, k);
          if (item->kind == ITEM_BOX)
            self->n_boxes++;
          else
            self->n_cables++;
        }
    }
  g_hash_table_unref (l.rows);
  g_hash_table_unref (l.faulty);
  g_object_unref (l.tracer);
  cairo_destroy (l.measure);
  cairo_surface_destroy (surface);

  return g_steal_pointer (&self);
}

GPtrArray *
enlace_trace_drawing_get_paths (EnlaceTraceDrawing *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->paths;
}

guint
enlace_trace_drawing_get_n_paths (EnlaceTraceDrawing *self)
{
  return self->columns->len;
}

guint
enlace_trace_drawing_get_n_boxes (EnlaceTraceDrawing *self)
{
  return self->n_boxes;
}

guint
enlace_trace_drawing_get_n_cables (EnlaceTraceDrawing *self)
{
  return self->n_cables;
}

void
enlace_trace_drawing_get_size (EnlaceTraceDrawing *self,
                               double             *width,
                               double             *height)
{
  guint n = MAX (self->columns->len, 1);

  if (width)
    *width = MARGIN * 2 + n * COL_W + (n - 1) * COL_GAP;
  if (height)
    *height = MARGIN * 2 + TITLE_H + MAX (self->height, HEAD_H);
}

void
enlace_trace_drawing_get_path_size (EnlaceTraceDrawing *self,
                                    guint               i,
                                    double             *width,
                                    double             *height)
{
  Column *col;

  g_return_if_fail (i < self->columns->len);
  col = g_ptr_array_index (self->columns, i);
  if (width)
    *width = MARGIN * 2 + COL_W;
  if (height)
    *height = MARGIN * 2 + TITLE_H + col->height;
}

/* Drawing */

static const EnlaceRgb ink = { 0.14, 0.14, 0.16 };
static const EnlaceRgb dim = { 0.42, 0.42, 0.45 };
static const EnlaceRgb faulty_red = { 0.82, 0.19, 0.18 };

/* A pill with text; returns its width. */
static double
badge (cairo_t    *cr,
       const char *text,
       EnlaceRgb   bg,
       double      x,
       double      y)
{
  double w, h = 20;
  EnlaceRgb fg = enlace_render_text_on (bg);

  enlace_render_text_size (cr, text, 11.5, TRUE, &w, NULL);
  w += 16;
  enlace_render_rounded_rect (cr, x, y, w, h, h / 2);
  enlace_render_set_rgb (cr, bg, 1);
  cairo_fill (cr);
  enlace_render_set_rgb (cr, fg, 1);
  enlace_render_text (cr, text, 11.5, TRUE, ENLACE_ALIGN_CENTER, x, y, w, h);
  return w;
}

/* The colour of a state's badge: an outlet served up to its jack is
 * healthy (teal, beside the green of complete), what stops short red. */
static EnlaceRgb
state_rgb (EnlacePathState state)
{
  switch (state)
    {
    case ENLACE_PATH_STATE_COMPLETE:
      return (EnlaceRgb) { 0.15, 0.64, 0.41 };
    case ENLACE_PATH_STATE_TO_JACK:
      return (EnlaceRgb) { 0.11, 0.50, 0.56 };
    case ENLACE_PATH_STATE_INCOMPLETE:
    case ENLACE_PATH_STATE_SPLIT:
    default:
      return (EnlaceRgb) { 0.75, 0.11, 0.16 };
    }
}

static void
draw_head (EnlaceTraceDrawing *self,
           cairo_t            *cr,
           Column             *col,
           guint               index,
           double              x,
           double              y)
{
  EnlacePath *p = col->path;
  const EnlaceRgb green = { 0.15, 0.64, 0.41 };
  const EnlaceRgb red = { 0.75, 0.11, 0.16 };
  const EnlaceRgb amber = { 0.96, 0.76, 0.07 };
  g_autofree char *len = NULL;
  g_autofree char *len_text = NULL;
  g_autofree char *heading = NULL;
  double bx = x;

  if (self->columns->len > 1)
    heading = g_strdup_printf (_("Path %u of %u"), index + 1, self->columns->len);
  else
    heading = g_strdup (_("Path"));
  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, heading, 13, TRUE, ENLACE_ALIGN_LEFT, x, y, COL_W, 18);

  y += 22;
  bx += badge (cr, enlace_path_state_label (p->state), state_rgb (p->state), bx, y) + 6;
  badge (cr, p->active ? _("Active") : _("Inactive"), p->active ? green : amber, bx, y);

  y += 26;
  len = enlace_render_format_length (p->length_m);
  if (!p->has_length)
    len_text = g_strdup (_("Total length unknown"));
  else if (!p->length_known)
    len_text = g_strdup_printf (_("Total length at least %s (some lengths unknown)"), len);
  else
    len_text = g_strdup_printf (_("Total length %s"), len);
  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, len_text, 12, TRUE, ENLACE_ALIGN_LEFT, x, y, COL_W, 16);
  y += 16;
  for (guint k = 0; k < col->stop_lines->len; k++)
    {
      enlace_render_set_rgb (cr, p->state == ENLACE_PATH_STATE_TO_JACK ? dim : red, 1);
      enlace_render_text (cr, g_ptr_array_index (col->stop_lines, k), STOP_SIZE, FALSE,
                          ENLACE_ALIGN_LEFT, x, y, COL_W, STOP_LH);
      y += STOP_LH;
    }
}

static gboolean
is_hover (EnlaceTraceDrawing *self,
          const Item         *item)
{
  return self->hover_kind != NULL && item->obj_kind != NULL &&
         strcmp (self->hover_kind, item->obj_kind) == 0 && self->hover_id == item->obj_id;
}

static void
draw_box (EnlaceTraceDrawing *self,
          cairo_t            *cr,
          const Item         *item,
          double              x,
          double              y)
{
  double w = COL_W, h = item->h;
  double ty = y + BOX_PAD;

  enlace_render_rounded_rect (cr, x, y, w, h, 6);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  if (is_hover (self, item))
    {
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_set_line_width (cr, 2.5);
    }
  else if (item->faulty)
    {
      cairo_set_source_rgb (cr, 0.82, 0.19, 0.18);
      cairo_set_line_width (cr, 3);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.70, 0.70, 0.72);
      cairo_set_line_width (cr, 1.2);
    }
  if (item->planned)
    {
      double dash[] = { 5, 3 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* role stripe */
  cairo_save (cr);
  enlace_render_rounded_rect (cr, x, y, w, h, 6);
  cairo_clip (cr);
  cairo_rectangle (cr, x, y, 7, h);
  enlace_render_set_rgb (cr, item->color, item->retired ? 0.4 : 1);
  cairo_fill (cr);
  cairo_restore (cr);

  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, item->title, 15, TRUE, ENLACE_ALIGN_LEFT, x + 18, ty, w - 28, TITLE_LH);
  ty += TITLE_LH;
  for (guint k = 0; k < item->lines->len; k++)
    {
      const char *line = g_ptr_array_index (item->lines, k);

      /* "⚠ … marked faulty" in red */
      enlace_render_set_rgb (cr, g_str_has_prefix (line, "⚠") ? faulty_red : ink, 1);
      enlace_render_text (cr, line, 12.5, FALSE, ENLACE_ALIGN_LEFT,
                          x + 18, ty, w - 28, LINE_H);
      ty += LINE_H;
    }
  if (item->place)
    {
      enlace_render_set_rgb (cr, dim, 1);
      enlace_render_text (cr, item->place, 11.5, FALSE, ENLACE_ALIGN_LEFT, x + 18, ty, w - 28, LINE_H);
    }
}

static void
draw_link (EnlaceTraceDrawing *self,
           cairo_t            *cr,
           const Item         *item,
           double              x,
           double              y)
{
  double cx = x + 34;
  double ty = y + (item->h - TITLE_LH - item->lines->len * LINE_H) / 2;
  gboolean hover = is_hover (self, item);

  cairo_save (cr);
  if (item->kind == ITEM_CIRCUIT)
    {
      double dash[] = { 2, 4 };
      cairo_set_dash (cr, dash, 2, 0);
      enlace_render_set_rgb (cr, item->color, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_move_to (cr, cx - 4, y);
      cairo_line_to (cr, cx - 4, y + item->h);
      cairo_move_to (cr, cx + 4, y);
      cairo_line_to (cr, cx + 4, y + item->h);
      cairo_stroke (cr);
    }
  else
    {
      /* a dark casing so that white and yellow cables show on paper */
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_move_to (cr, cx, y);
      cairo_line_to (cr, cx, y + item->h);
      if (item->faulty)
        {
          /* a cable marked faulty: a red casing */
          cairo_set_source_rgb (cr, 0.82, 0.19, 0.18);
          cairo_set_line_width (cr, hover ? 17 : 15);
        }
      else
        {
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.27);
          cairo_set_line_width (cr, hover ? 13 : 10);
        }
      cairo_stroke (cr);
      if (item->planned)
        {
          double dash[] = { 6, 4 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_move_to (cr, cx, y);
      cairo_line_to (cr, cx, y + item->h);
      enlace_render_set_rgb (cr, item->color, 1);
      cairo_set_line_width (cr, hover ? 10 : 7);
      if (item->planned)
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (item->planned)
        {
          double dash[] = { 6, 4 };
          cairo_set_dash (cr, dash, 2, 6);
          cairo_move_to (cr, cx, y);
          cairo_line_to (cr, cx, y + item->h);
          enlace_render_set_rgb (cr, item->color, 1);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      if (item->retired)
        {
          double my = y + item->h / 2;
          cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
          cairo_set_line_width (cr, 3);
          cairo_move_to (cr, cx - 9, my - 9);
          cairo_line_to (cr, cx + 9, my + 9);
          cairo_move_to (cr, cx + 9, my - 9);
          cairo_line_to (cr, cx - 9, my + 9);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);

  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, item->title, 13.5, TRUE, ENLACE_ALIGN_LEFT, cx + 22, ty, COL_W - 60, TITLE_LH);
  ty += TITLE_LH;
  for (guint k = 0; k < item->lines->len; k++)
    {
      const char *line = g_ptr_array_index (item->lines, k);

      enlace_render_set_rgb (cr, g_str_has_prefix (line, "⚠") ? faulty_red : dim, 1);
      enlace_render_text (cr, line, LINK_SIZE, FALSE, ENLACE_ALIGN_LEFT,
                          cx + 22, ty, LINK_TEXT_W, LINE_H);
      ty += LINE_H;
    }
}

static void
draw_column (EnlaceTraceDrawing *self,
             cairo_t            *cr,
             guint               index,
             double              x,
             double              top)
{
  Column *col = g_ptr_array_index (self->columns, index);

  draw_head (self, cr, col, index, x, top);
  for (guint k = 0; k < col->items->len; k++)
    {
      Item *item = g_ptr_array_index (col->items, k);

      if (item->kind == ITEM_BOX)
        draw_box (self, cr, item, x, top + item->y);
      else
        draw_link (self, cr, item, x, top + item->y);
    }
}

static void
draw_title (EnlaceTraceDrawing *self,
            cairo_t            *cr,
            double              width)
{
  double size = 19, tw, th;

  /* smaller rather than cut: "Trayectoria por el cable A-0A-A01" over
   * one column; ellipsized only below 13 */
  enlace_render_text_size (cr, self->title, size, TRUE, &tw, &th);
  if (tw > width - 2 * MARGIN)
    size = MAX (13, floor (size * (width - 2 * MARGIN) / tw * 0.98 * 10) / 10);
  enlace_render_set_rgb (cr, ink, 1);
  enlace_render_text (cr, self->title, size, TRUE, ENLACE_ALIGN_LEFT, MARGIN, MARGIN, width - 2 * MARGIN, 26);
}

void
enlace_trace_drawing_draw (EnlaceTraceDrawing *self,
                           cairo_t            *cr)
{
  double width;

  g_return_if_fail (self != NULL);

  enlace_trace_drawing_get_size (self, &width, NULL);
  cairo_save (cr);
  draw_title (self, cr, width);
  if (self->columns->len == 0)
    {
      enlace_render_set_rgb (cr, dim, 1);
      enlace_render_text (cr, _("Nothing to trace: no cable is connected here."), 13, FALSE,
                          ENLACE_ALIGN_LEFT, MARGIN, MARGIN + TITLE_H, width - 2 * MARGIN, 20);
    }
  for (guint i = 0; i < self->columns->len; i++)
    draw_column (self, cr, i, MARGIN + i * (COL_W + COL_GAP), MARGIN + TITLE_H);
  cairo_restore (cr);
}

void
enlace_trace_drawing_draw_path (EnlaceTraceDrawing *self,
                                cairo_t            *cr,
                                guint               i)
{
  double width;

  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->columns->len);

  enlace_trace_drawing_get_path_size (self, i, &width, NULL);
  cairo_save (cr);
  draw_title (self, cr, width);
  draw_column (self, cr, i, MARGIN, MARGIN + TITLE_H);
  cairo_restore (cr);
}

static Item *
item_at (EnlaceTraceDrawing *self,
         double              x,
         double              y)
{
  double top = MARGIN + TITLE_H;

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *col = g_ptr_array_index (self->columns, i);
      double cx = MARGIN + i * (COL_W + COL_GAP);

      if (x < cx || x >= cx + COL_W)
        continue;
      for (guint k = 0; k < col->items->len; k++)
        {
          Item *item = g_ptr_array_index (col->items, k);

          if (y >= top + item->y && y < top + item->y + item->h)
            return item;
        }
    }
  return NULL;
}

gboolean
enlace_trace_drawing_hit (EnlaceTraceDrawing  *self,
                          double               x,
                          double               y,
                          const char         **kind,
                          gint64              *id)
{
  Item *item = item_at (self, x, y);

  if (item == NULL || item->obj_kind == NULL)
    return FALSE;
  if (kind)
    *kind = item->obj_kind;
  if (id)
    *id = item->obj_id;
  return TRUE;
}

void
enlace_trace_drawing_set_hover (EnlaceTraceDrawing *self,
                                const char         *kind,
                                gint64              id)
{
  self->hover_kind = kind ? g_intern_string (kind) : NULL;
  self->hover_id = id;
}

char *
enlace_trace_drawing_dup_tooltip (EnlaceTraceDrawing *self,
                                  double              x,
                                  double              y)
{
  Item *item = item_at (self, x, y);

  return item && item->tooltip ? g_strdup (item->tooltip) : NULL;
}

char *
enlace_trace_drawing_dup_text (EnlaceTraceDrawing *self)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *col = g_ptr_array_index (self->columns, i);

      for (guint k = 0; k < col->stop_lines->len; k++)
        g_string_append_printf (s, "%s\n", (const char *) g_ptr_array_index (col->stop_lines, k));
      for (guint k = 0; k < col->items->len; k++)
        {
          Item *item = g_ptr_array_index (col->items, k);

          g_string_append_printf (s, "%s\n", item->title ? item->title : "");
          for (guint j = 0; j < item->lines->len; j++)
            g_string_append_printf (s, "%s\n", (const char *) g_ptr_array_index (item->lines, j));
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
text_cut (cairo_t    *cr,
          const char *text,
          double      size,
          double      width)
{
  double w = 0;

  enlace_render_text_size (cr, text, size, FALSE, &w, NULL);
  return w > width;
}

guint
enlace_trace_drawing_count_cut_lines (EnlaceTraceDrawing *self,
                                      cairo_t            *cr)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *col = g_ptr_array_index (self->columns, i);

      for (guint k = 0; k < col->stop_lines->len; k++)
        n += text_cut (cr, g_ptr_array_index (col->stop_lines, k), STOP_SIZE, COL_W);
      for (guint k = 0; k < col->items->len; k++)
        {
          Item *item = g_ptr_array_index (col->items, k);

          for (guint j = 0; j < item->lines->len; j++)
            n += item->kind == ITEM_BOX ? text_cut (cr, g_ptr_array_index (item->lines, j), 12.5, COL_W - 28)
                                        : text_cut (cr, g_ptr_array_index (item->lines, j), LINK_SIZE, LINK_TEXT_W);
        }
    }
  return n;
}

gboolean
enlace_trace_drawing_export (EnlaceTraceDrawing  *self,
                             const char          *path,
                             gboolean             pdf,
                             double               scale,
                             GError             **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (pdf)
    {
      guint n = MAX (self->columns->len, 1);
      g_autoptr(EnlaceDocumentHeader) header = enlace_document_header_new (self->store, self->title);
      double head = enlace_document_header_get_height ();
      double pw, ph;

      /* one path per page, each page the size of its path (points), under
       * the project's header: where it comes from, when, and by whom */
      if (self->columns->len > 0)
        enlace_trace_drawing_get_path_size (self, 0, &w, &h);
      else
        enlace_trace_drawing_get_size (self, &w, &h);
      pw = MAX (w, PDF_MIN_WIDTH) + 2 * PDF_MARGIN;
      ph = h + head + 2 * PDF_MARGIN;
      surface = cairo_pdf_surface_create (path, pw, ph);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Enlace");
      if (enlace_store_get_author (self->store))
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, enlace_store_get_author (self->store));
      cr = cairo_create (surface);
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            {
              enlace_trace_drawing_get_path_size (self, i, &w, &h);
              pw = MAX (w, PDF_MIN_WIDTH) + 2 * PDF_MARGIN;
              ph = h + head + 2 * PDF_MARGIN;
              cairo_pdf_surface_set_size (surface, pw, ph);
            }
          enlace_document_header_draw (header, cr, PDF_MARGIN, PDF_MARGIN, pw - 2 * PDF_MARGIN);
          cairo_save (cr);
          cairo_translate (cr, (pw - w) / 2, PDF_MARGIN + head);
          if (self->columns->len > 0)
            enlace_trace_drawing_draw_path (self, cr, i);
          else
            enlace_trace_drawing_draw (self, cr);
          cairo_restore (cr);
          cairo_show_page (cr);
        }
    }
  else
    {
      if (scale <= 0)
        scale = 1;
      enlace_trace_drawing_get_size (self, &w, &h);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale), (int) ceil (h * scale));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      enlace_trace_drawing_draw (self, cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (!pdf)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the trace to “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

void
enlace_trace_drawing_print_page (EnlaceTraceDrawing *self,
                                 cairo_t            *cr,
                                 guint               i,
                                 double              page_w,
                                 double              page_h)
{
  g_autoptr(EnlaceDocumentHeader) header = NULL;
  gboolean none;
  double head, w, h, scale;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  none = self->columns->len == 0;
  header = enlace_document_header_new (self->store, self->title);
  head = enlace_document_header_draw (header, cr, 0, 0, page_w);
  if (none)
    enlace_trace_drawing_get_size (self, &w, &h);
  else
    enlace_trace_drawing_get_path_size (self, MIN (i, self->columns->len - 1), &w, &h);
  scale = MIN (1.0, MIN (page_w / w, (page_h - head) / h));
  cairo_save (cr);
  cairo_translate (cr, 0, head);
  cairo_scale (cr, scale, scale);
  if (none)
    enlace_trace_drawing_draw (self, cr);
  else
    enlace_trace_drawing_draw_path (self, cr, MIN (i, self->columns->len - 1));
  cairo_restore (cr);
}
