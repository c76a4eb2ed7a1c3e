/* enlace-generate.c: a deterministic synthetic campus of a given size
 *
 * Everything is written in one command, in bulk mode, with prepared
 * INSERTs (see enlace-builder.c).  Randomness comes from a splitmix64
 * generator seeded by the options, so the same options give the same rows
 * on every machine.
 *
 * Layout of a floor (metres): offices 8 m wide and 7 m deep on both sides
 * of a 2.5 m corridor along x; the middle slot of the north row is the
 * telecom room ("2A"), the middle slot of the south row is the equipment
 * room ("SITE") on level 0 and the toilets elsewhere.  The geometry
 * (rows, corridor, outlets on the walls, cable runs) is the demo's, in
 * enlace-floor-layout.c.
 */
#define G_LOG_DOMAIN "enlace-generate"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "enlace-builder.h"
#include "enlace-floor-layout.h"
#include "enlace-generate.h"

#define SLOT_W        8.0
#define SLOT_D        7.0
#define CORRIDOR      2.5
#define FLOOR_H       4.0
#define PER_SPACE     8u
#define RACK_U        42
#define DATA_PATCHED  0.85
#define VOICE_ACTIVE  0.35

static const EnlaceFloorLayout layout = { SLOT_D, CORRIDOR };

/* Template indices of the generator's device types */
enum { OUT_D, OUT_V, OUT_DR, OUT_VR };
enum { SW_GI = 0, SW_TE = 48 };
enum { FO12_FRONT = 0, FO12_REAR = 12 };
enum { FO48_FRONT = 0, FO48_REAR = 48 };
enum { BLK_FRONT = 0, BLK_REAR = 100 };
enum { PBX_LINE = 0, PBX_TRUNK = 96 };

typedef struct
{
  guint64 s;
} Rng;

static guint64
rng_next (Rng *r)
{
  guint64 z = (r->s += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static double
rng_double (Rng *r)
{
  return (rng_next (r) >> 11) * (1.0 / 9007199254740992.0);
}

typedef struct _Gen Gen;

/* A room that holds racks, filled from the top down. */
typedef struct
{
  gint64  space_id;
  char   *prefix;     /* "A-2A", "A-SITE" */
  double  x;
  double  y;
  gint64  rack_id;
  guint   n_racks;
  int     top;        /* highest free unit of the current rack */
} Room;

/* Devices of one type created on demand in a room, whose ports
 * [first, first + count) are handed out one by one. */
typedef struct
{
  Room              *room;
  EnlaceBuilderType *type;
  char              *stem;      /* "A-SITE-CORE" */
  guint              first;
  guint              count;
  guint              next;
  guint              n_devices;
  gint64            *ports;     /* ports of the current device */
} Pool;

struct _Gen
{
  EnlaceBuilder               *b;
  const EnlaceGenerateOptions *o;
  Rng                          rng;
  gint64                       site_id;

  EnlaceBuilderType *t_outlet;
  EnlaceBuilderType *t_pp48;
  EnlaceBuilderType *t_pp24;
  EnlaceBuilderType *t_switch;
  EnlaceBuilderType *t_fo12;
  EnlaceBuilderType *t_fo48;
  EnlaceBuilderType *t_blk;
  EnlaceBuilderType *t_core;
  EnlaceBuilderType *t_router;
  EnlaceBuilderType *t_pbx;

  /* building A: the campus core, PBX and landing of every backbone */
  Room   *site_a;
  Pool   *core_a;
  Pool   *landing;     /* 110 blocks: rear ports of 25 pairs */
  Pool   *pbx;
  Pool   *campus_fo;   /* 48-LC panels: rear ports of 12 strands */
  guint   n_ext;
  guint   n_serial;
  GCancellable *cancellable;
};

char *
enlace_generate_building_code (guint index)
{
  return enlace_floor_layout_letter (index);
}

void
enlace_generate_options_init (EnlaceGenerateOptions *opts)
{
  g_return_if_fail (opts != NULL);

  opts->buildings = 3;
  opts->floors = 3;
  opts->outlets_per_floor = 48;
  opts->seed = 1;
}

static Room *
room_new (gint64      space_id,
          const char *prefix,
          double      x,
          double      y)
{
  Room *r = g_new0 (Room, 1);

  r->space_id = space_id;
  r->prefix = g_strdup (prefix);
  r->x = x;
  r->y = y;
  return r;
}

static void
room_free (Room *r)
{
  if (r == NULL)
    return;
  g_free (r->prefix);
  g_free (r);
}

static char *
serial (Gen *g)
{
  return g_strdup_printf ("FOC%04u%04X", ++g->n_serial, (guint) (rng_next (&g->rng) & 0xffff));
}

/* Places a device of @type in the next free units of @room, adding a rack
 * when the current one is full.  Returns the device id. */
static gint64
room_device (Gen               *g,
             Room              *room,
             EnlaceBuilderType *type,
             const char        *name,
             gboolean           with_serial)
{
  EnlaceBuilderPlace place = { 0 };
  int h = (int) ceil (enlace_builder_type_height (type));
  g_autofree char *sn = NULL;

  if (room->rack_id == 0 || room->top - h + 1 < 1)
    {
      g_autofree char *rack_name = g_strdup_printf ("%s-R%u", room->prefix, ++room->n_racks);

      room->rack_id = enlace_builder_rack (g->b, room->space_id, rack_name, RACK_U,
                                           room->x + 0.7 * (room->n_racks - 1), room->y, 0);
      room->top = RACK_U;
    }
  place.rack_id = room->rack_id;
  place.u_position = room->top - h + 1;
  place.face = "front";
  room->top -= h;
  if (with_serial)
    place.serial = sn = serial (g);
  return enlace_builder_device (g->b, type, name, &place);
}

static Pool *
pool_new (Room              *room,
          EnlaceBuilderType *type,
          const char        *stem,
          guint              first,
          guint              count)
{
  Pool *p = g_new0 (Pool, 1);

  p->room = room;
  p->type = type;
  p->stem = g_strdup (stem);
  p->first = first;
  p->count = count;
  p->next = count;  /* no device yet */
  p->ports = g_new0 (gint64, enlace_builder_type_n_ports (type));
  return p;
}

static void
pool_free (Pool *p)
{
  if (p == NULL)
    return;
  g_free (p->stem);
  g_free (p->ports);
  g_free (p);
}

/* Returns the template index of a free port; p->ports holds the ids of
 * its device's ports. */
static guint
pool_take (Gen  *g,
           Pool *p)
{
  if (p->next >= p->count)
    {
      g_autofree char *name = g_strdup_printf ("%s%u", p->stem, ++p->n_devices);
      room_device (g, p->room, p->type, name, p->type == g->t_core || p->type == g->t_pbx);
      if (!enlace_builder_failed (g->b))
        memcpy (p->ports, enlace_builder_ports (g->b),
                sizeof (gint64) * enlace_builder_type_n_ports (p->type));
      p->next = 0;
    }
  return p->first + p->next++;
}

static void
define_types (Gen *g)
{
  EnlaceBuilder *b = g->b;
  EnlaceBuilderType *t;
  guint f, r;

  /* Outlet: a two-jack faceplate, one keystone for data and one for voice. */
  t = g->t_outlet = enlace_builder_type (b, "Panduit", "CFPE2IWY", "CFPE2IWY", 0, FALSE, "outlet");
  f = enlace_builder_type_ports (b, t, "front", "D", 0, 0, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "front", "V", 0, 0, "voice", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "D-R", 0, 0, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "rear", "V-R", 0, 0, "voice", "8P8C", 1);
  enlace_builder_type_map (b, t, f, r, 1);
  enlace_builder_type_map (b, t, f + 1, r + 1, 1);

  t = g->t_pp48 = enlace_builder_type (b, "Panduit", "CP48BLY", "CP48BLY", 2, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 48, "copper", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 48, "copper", "8P8C", 1);
  for (guint i = 0; i < 48; i++)
    enlace_builder_type_map (b, t, f + i, r + i, 1);

  t = g->t_pp24 = enlace_builder_type (b, "Panduit", "CP24BLY", "CP24BLY", 1, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 24, "copper", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 24, "copper", "8P8C", 1);
  for (guint i = 0; i < 24; i++)
    enlace_builder_type_map (b, t, f + i, r + i, 1);

  t = g->t_switch = enlace_builder_type (b, "Cisco", "C9200L-48P-4X", "C9200L-48P-4X-E", 1, FALSE, "switch");
  enlace_builder_type_ports (b, t, "interface", "Gi1/0/%u", 1, 48, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "Te1/1/%u", 1, 4, "fibre", "LC", 1);

  /* Telecom-room fibre panel: one 12-strand cable spliced behind 12 LC. */
  t = g->t_fo12 = enlace_builder_type (b, "Panduit", "FLEX12-LC-OM3", NULL, 1, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 12, "fibre", "LC", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R1", 0, 0, "fibre", "splice", 12);
  for (guint i = 0; i < 12; i++)
    enlace_builder_type_map (b, t, f + i, r, (int) i + 1);

  /* Equipment-room fibre panel: four 12-strand cables behind 48 LC. */
  t = g->t_fo48 = enlace_builder_type (b, "Panduit", "FLEX48-LC", NULL, 1, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 48, "fibre", "LC", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 4, "fibre", "splice", 12);
  for (guint i = 0; i < 48; i++)
    enlace_builder_type_map (b, t, f + i, r + i / 12, (int) (i % 12) + 1);

  /* 110 block of 100 pairs: four 25-pair multipair cables. */
  t = g->t_blk = enlace_builder_type (b, "Panduit", "P110B100R2", "P110B100R2", 2, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 100, "voice", "110", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 4, "voice", "110", 25);
  for (guint i = 0; i < 100; i++)
    enlace_builder_type_map (b, t, f + i, r + i / 25, (int) (i % 25) + 1);

  t = g->t_core = enlace_builder_type (b, "Cisco", "C9500-48X", "C9500-48X-A", 1, TRUE, "switch");
  enlace_builder_type_ports (b, t, "interface", "Te1/0/%u", 1, 48, "fibre", "LC", 1);
  enlace_builder_type_ports (b, t, "interface", "Fo1/0/%u", 1, 4, "fibre", "MPO", 1);

  t = g->t_router = enlace_builder_type (b, "Cisco", "ISR4331", "ISR4331/K9", 1, TRUE, "router");
  enlace_builder_type_ports (b, t, "interface", "Gi0/0/%u", 0, 2, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "Gi0/0/2", 0, 0, "fibre", "LC", 1);

  t = g->t_pbx = enlace_builder_type (b, "Avaya", "G450", "700506732", 3, TRUE, "pbx");
  enlace_builder_type_ports (b, t, "interface", "1/%u", 1, 24, "voice", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "2/%u", 1, 24, "voice", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "3/%u", 1, 24, "voice", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "4/%u", 1, 24, "voice", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "E1", 0, 0, "voice", "8P8C", 1);
}

static double
round1 (double v)
{
  return floor (v * 10.0 + 0.5) / 10.0;
}

/* Campus position of a building's equipment room. */
static void
building_origin (guint   index,
                 double *x,
                 double *y)
{
  *x = (index % 4) * 180.0;
  *y = (index / 4) * 120.0;
}

static double
campus_distance (guint a,
                 guint b)
{
  double ax, ay, bx, by;

  building_origin (a, &ax, &ay);
  building_origin (b, &bx, &by);
  return fabs (ax - bx) + fabs (ay - by);
}

typedef struct
{
  const char *building;   /* "A" */
  guint       bindex;
  guint       n_slots;    /* per side */
  guint       mid;
} Layout;

/* The x of the rooms of slot @slot (of either row). */
static double
slot_x (guint slot)
{
  return slot * SLOT_W;
}

static const char *
space_kind_for (guint n)
{
  if (n % 7 == 3)
    return "classroom";
  if (n % 11 == 5)
    return "laboratory";
  return "office";
}

static const char *
space_name_fmt (const char *kind)
{
  if (strcmp (kind, "classroom") == 0)
    return "Aula %s";
  if (strcmp (kind, "laboratory") == 0)
    return "Laboratorio %s";
  return "Oficina %s";
}

static char *
panel_letter (guint i)
{
  return enlace_floor_layout_letter (i);
}

/* One floor while it is written: its telecom room, the ports of the rack
 * and which outlets are patched and which have a phone. */
typedef struct
{
  const Layout *L;
  gint64        floor_id;
  int           level;
  guint         n;            /* outlets */
  char         *tr_code;      /* "2A" */
  char         *prefix;       /* "A-2A" */
  Room         *tr;
  double        rack_x, rack_y;
  gboolean     *patched;
  gboolean     *voiced;
  guint         n_patched, n_voiced;
  guint         n_sw, n_blk, n_dp, n_vp;
  gint64        fo_rear;
  gint64        fo_front[12];
  gint64       *d_front, *d_rear, *v_front, *v_rear;
  gint64       *sw_ports;
  gint64       *blk_ports;
  guint         k;            /* next switch port */
} Floor;

static void
floor_clear (Floor *f)
{
  room_free (f->tr);
  g_free (f->tr_code);
  g_free (f->prefix);
  g_free (f->patched);
  g_free (f->voiced);
  g_free (f->d_front);
  g_free (f->d_rear);
  g_free (f->v_front);
  g_free (f->v_rear);
  g_free (f->sw_ports);
  g_free (f->blk_ports);
}

/* Corridor, toilets (or the equipment room's slot on level 0) and the
 * telecom room. */
static void
gen_floor_spaces (Gen   *g,
                  Floor *f)
{
  EnlaceBuilder *b = g->b;
  g_autofree char *tr_name = g_strdup_printf ("Cuarto de telecomunicaciones %s", f->tr_code);
  double tr_x0, tr_y0;
  gint64 tr_space;

  enlace_floor_layout_corridor (&layout, b, f->floor_id, f->level, f->L->n_slots * SLOT_W);
  if (f->level != 0)
    {
      g_autofree char *code = g_strdup_printf ("%dSAN", f->level);

      enlace_floor_layout_room (&layout, b, f->floor_id, slot_x (f->L->mid), FALSE, SLOT_W,
                                code, "Sanitarios", "other");
    }
  tr_x0 = slot_x (f->L->mid);
  tr_y0 = enlace_floor_layout_row_y (&layout, TRUE);
  tr_space = enlace_floor_layout_room (&layout, b, f->floor_id, tr_x0, TRUE, SLOT_W,
                                       f->tr_code, tr_name, "telecom-room");
  f->rack_x = tr_x0 + 1.5;
  f->rack_y = tr_y0 + SLOT_D - 1.5;
  f->tr = room_new (tr_space, f->prefix, f->rack_x, f->rack_y);
}

/* Patch panels of @count outlets, 48 (or 24 for a last small one) to a
 * panel, lettered from @first_letter: their front and rear ports. */
static gboolean
fit_panel (Gen    *g,
           Floor  *f,
           guint   i,
           guint   first_letter,
           gint64 *front,
           gint64 *rear)
{
  EnlaceBuilder *b = g->b;
  g_autofree char *letter = panel_letter (first_letter + i);
  g_autofree char *name = g_strdup_printf ("%s-PP%s", f->prefix, letter);
  guint left = f->n - i * 48;
  gboolean small = left <= 24;
  guint np = small ? left : MIN (left, 48u);
  const gint64 *p;

  room_device (g, f->tr, small ? g->t_pp24 : g->t_pp48, name, FALSE);
  if (enlace_builder_failed (b))
    return FALSE;
  p = enlace_builder_ports (b);
  for (guint j = 0; j < np; j++)
    {
      front[i * 48 + j] = p[j];
      rear[i * 48 + j] = p[(small ? 24 : 48) + j];
    }
  return TRUE;
}

/* Rack contents, top down: fibre panel, data panels and switches
 * interleaved, voice panels, 110 blocks. */
static gboolean
fit_floor_rack (Gen   *g,
                Floor *f)
{
  EnlaceBuilder *b = g->b;
  g_autofree char *fo_name = g_strdup_printf ("%s-FO1", f->prefix);
  const gint64 *p;

  room_device (g, f->tr, g->t_fo12, fo_name, FALSE);
  p = enlace_builder_ports (b);
  if (enlace_builder_failed (b))
    return FALSE;
  f->fo_rear = p[FO12_REAR];
  memcpy (f->fo_front, p + FO12_FRONT, sizeof f->fo_front);

  f->n_sw = MAX ((f->n_patched + 47) / 48, 1u);
  f->n_blk = MAX ((f->n_voiced + 99) / 100, 1u);
  f->n_dp = (f->n + 47) / 48;
  f->n_vp = f->n_dp;
  f->sw_ports = g_new0 (gint64, f->n_sw * 52);
  f->blk_ports = g_new0 (gint64, f->n_blk * 104);

  for (guint i = 0; i < MAX (f->n_dp, f->n_sw); i++)
    {
      if (i < f->n_dp && !fit_panel (g, f, i, 0, f->d_front, f->d_rear))
        return FALSE;
      if (i < f->n_sw)
        {
          g_autofree char *name = g_strdup_printf ("%s-P%d-SW%u", f->L->building, f->level, i + 1);

          room_device (g, f->tr, g->t_switch, name, TRUE);
          if (enlace_builder_failed (b))
            return FALSE;
          memcpy (f->sw_ports + i * 52, enlace_builder_ports (b), 52 * sizeof (gint64));
        }
    }
  for (guint i = 0; i < f->n_vp; i++)
    if (!fit_panel (g, f, i, f->n_dp, f->v_front, f->v_rear))
      return FALSE;
  for (guint i = 0; i < f->n_blk; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-MP%u", f->prefix, i + 1);

      room_device (g, f->tr, g->t_blk, name, FALSE);
      if (enlace_builder_failed (b))
        return FALSE;
      memcpy (f->blk_ports + i * 104, enlace_builder_ports (b), 104 * sizeof (gint64));
    }
  return TRUE;
}

/* Outlet @outlet, @j of the @in_space of the office at @x0, with its two
 * horizontal links and the patch cord of its data jack. */
static gboolean
gen_outlet (Gen      *g,
            Floor    *f,
            gint64    space_id,
            double    x0,
            gboolean  north,
            guint     j,
            guint     in_space,
            guint     outlet)
{
  EnlaceBuilder *b = g->b;
  const int numw = f->n > 999 ? 4 : 3;
  EnlaceBuilderPlace place = { 0 };
  EnlaceBuilderCable c = { 0 };
  g_autofree char *oname = g_strdup_printf ("%s-%0*u", f->prefix, numw, outlet + 1);
  g_autofree char *letter = panel_letter (outlet / 48);
  g_autofree char *vletter = panel_letter (f->n_dp + outlet / 48);
  g_autofree char *label = NULL;
  const gint64 *p;
  gint64 o_dr, o_vr;
  double len;

  place.space_id = space_id;
  place.has_xy = TRUE;
  enlace_floor_layout_outlet (&layout, x0, north, SLOT_W, j, in_space,
                              &place.x, &place.y, &place.rotation);
  enlace_builder_device (b, g->t_outlet, oname, &place);
  if (enlace_builder_failed (b))
    return FALSE;
  p = enlace_builder_ports (b);
  o_dr = p[OUT_DR];
  o_vr = p[OUT_VR];

  len = enlace_floor_layout_horizontal_length (&layout, place.x, place.y, f->rack_x, f->rack_y)
        + 2.0 * rng_double (&g->rng);
  c.kind = "horizontal";
  c.type = "cat6";
  c.color = "azul";
  c.length_m = round1 (len);
  c.label = label = g_strdup_printf ("%s-%s%02u", f->prefix, letter, outlet % 48 + 1);
  enlace_builder_cable (b, &c, o_dr, f->d_rear[outlet]);
  g_free (label);
  c.color = "blanco";
  c.length_m = round1 (len + 0.3);
  c.label = label = g_strdup_printf ("%s-%s%02u", f->prefix, vletter, outlet % 48 + 1);
  enlace_builder_cable (b, &c, o_vr, f->v_rear[outlet]);

  if (f->patched[outlet])
    {
      EnlaceBuilderCable pc = { 0 };
      g_autofree char *pl = g_strdup_printf ("PC-%s-%s%02u", f->prefix, letter, outlet % 48 + 1);

      pc.label = pl;
      pc.kind = "patch-cord";
      pc.type = "cat6";
      pc.color = "azul";
      pc.length_m = 1.0;
      enlace_builder_cable (b, &pc, f->d_front[outlet], f->sw_ports[(f->k / 48) * 52 + SW_GI + f->k % 48]);
      f->k++;
    }
  return TRUE;
}

/* Offices and their outlets, with horizontal links: south row first,
 * then north, skipping the middle slots. */
static gboolean
gen_offices (Gen   *g,
             Floor *f)
{
  const guint n_spaces = (f->n + PER_SPACE - 1) / PER_SPACE;
  const guint n_slots = f->L->n_slots;
  guint outlet = 0;

  for (guint s = 0; s < n_spaces; s++)
    {
      guint slot_i = s < n_slots - 1 ? s : s - (n_slots - 1);
      gboolean north = s >= n_slots - 1;
      guint slot = slot_i >= f->L->mid ? slot_i + 1 : slot_i;
      guint in_space = MIN (PER_SPACE, f->n - s * PER_SPACE);
      const char *kind = space_kind_for (s + 1);
      g_autofree char *code = n_spaces > 99 ? g_strdup_printf ("%d-%03u", f->level, s + 1)
                                            : g_strdup_printf ("%d%02u", f->level, s + 1);
      g_autofree char *name = NULL;
      gint64 space_id;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      name = g_strdup_printf (space_name_fmt (kind), code);
#pragma GCC diagnostic pop
      space_id = enlace_floor_layout_room (&layout, g->b, f->floor_id, slot_x (slot), north, SLOT_W,
                                           code, name, kind);

      for (guint j = 0; j < in_space; j++, outlet++)
        if (!gen_outlet (g, f, space_id, slot_x (slot), north, j, in_space, outlet))
          return FALSE;
    }
  return TRUE;
}

/* Uplinks: the first Te port of each switch to a strand of the fibre
 * backbone, landed on the building's equipment-room panel and patched to
 * the core switch. */
static void
gen_uplinks (Gen   *g,
             Floor *f,
             Room  *site,
             Pool  *site_fo,
             Pool  *core)
{
  EnlaceBuilder *b = g->b;
  EnlaceBuilderCable c = { 0 };
  g_autofree char *label = NULL;
  guint r = pool_take (g, site_fo);
  gint64 site_rear = site_fo->ports[r];
  gint64 site_front[12];
  double bb_len = fabs (f->rack_y - site->y) + f->level * FLOOR_H + 10.0 + 2.0 * rng_double (&g->rng);

  memcpy (site_front, site_fo->ports + FO48_FRONT + (r - FO48_REAR) * 12, sizeof site_front);
  c.label = label = g_strdup_printf ("%s/%s-FO1", f->prefix, site->prefix);
  c.kind = "backbone";
  c.type = "om3";
  c.color = "aqua";
  c.length_m = round1 (bb_len);
  enlace_builder_cable (b, &c, f->fo_rear, site_rear);

  for (guint s = 0; s < MIN (f->n_sw, 12u); s++)
    {
      EnlaceBuilderCable pc = { 0 };
      g_autofree char *l1 = g_strdup_printf ("PC-%s-FO1-%02u", f->prefix, s + 1);
      g_autofree char *l2 = g_strdup_printf ("PC-%s-%s-%02u", site->prefix, f->tr_code, s + 1);
      guint ci;

      pc.kind = "patch-cord";
      pc.type = "om3";
      pc.color = "aqua";
      pc.length_m = 2.0;
      pc.label = l1;
      enlace_builder_cable (b, &pc, f->sw_ports[s * 52 + SW_TE], f->fo_front[s]);
      ci = pool_take (g, core);
      pc.label = l2;
      pc.length_m = 3.0;
      enlace_builder_cable (b, &pc, site_front[s], core->ports[ci]);
    }
}

/* Voice: active jacks are cross-connected to the 110 blocks, whose
 * 25-pair cables land in building A's equipment room next to the PBX. */
static void
gen_voice (Gen    *g,
           Floor  *f,
           Room   *site,
           gint64  area_id)
{
  EnlaceBuilder *b = g->b;
  gint64 land_front[25] = { 0 };
  guint line = 0, n_mp = 0;

  for (guint i = 0; i < f->n; i++)
    {
      EnlaceBuilderCable c = { 0 };
      g_autofree char *vletter = NULL;
      g_autofree char *l = NULL;
      g_autofree char *number = NULL;
      guint blk = line / 100, pair = line % 100, pi;
      gint64 pbx_port;

      if (!f->voiced[i])
        continue;
      if (pair % 25 == 0)
        {
          EnlaceBuilderCable mp = { 0 };
          g_autofree char *mpl = g_strdup_printf ("%s/%s-MP%u", f->prefix, g->site_a->prefix, ++n_mp);
          guint r = pool_take (g, g->landing);

          memcpy (land_front, g->landing->ports + BLK_FRONT + (r - BLK_REAR) * 25, sizeof land_front);
          mp.label = mpl;
          mp.kind = "backbone";
          mp.type = "multipair";
          mp.pairs = 25;
          mp.color = "gris";
          mp.length_m = round1 (fabs (f->rack_y - site->y) + f->level * FLOOR_H + 15.0
                                + campus_distance (f->L->bindex, 0));
          enlace_builder_cable (b, &mp, f->blk_ports[blk * 104 + BLK_REAR + pair / 25],
                                g->landing->ports[r]);
        }

      vletter = panel_letter (f->n_dp + i / 48);
      c.kind = "patch-cord";
      c.type = "cat3";
      c.color = "blanco";
      c.length_m = 1.0;
      c.label = l = g_strdup_printf ("PC-%s-%s%02u", f->prefix, vletter, i % 48 + 1);
      enlace_builder_cable (b, &c, f->v_front[i], f->blk_ports[blk * 104 + BLK_FRONT + pair]);
      g_clear_pointer (&l, g_free);

      pi = pool_take (g, g->pbx);
      pbx_port = g->pbx->ports[pi];
      c.label = l = g_strdup_printf ("PC-%s-%s-%02u", g->site_a->prefix, f->prefix, line + 1);
      c.length_m = 2.0;
      enlace_builder_cable (b, &c, land_front[pair % 25], pbx_port);

      number = g_strdup_printf ("%u", 10000 + ++g->n_ext);
      enlace_builder_extension (b, number, 0, NULL, area_id, "active", pbx_port);
      line++;
    }
}

/* One floor: spaces, telecom room with its racks, outlets and their
 * cabling.  @site is the building's equipment room (for the fibre). */
static void
gen_floor (Gen          *g,
           const Layout *L,
           gint64        floor_id,
           int           level,
           Room         *site,
           Pool         *site_fo,
           Pool         *core,
           gint64        area_id)
{
  Floor f = { 0 };
  const guint n = g->o->outlets_per_floor;

  f.L = L;
  f.floor_id = floor_id;
  f.level = level;
  f.n = n;
  f.tr_code = g_strdup_printf ("%dA", level);
  f.prefix = g_strdup_printf ("%s-%s", L->building, f.tr_code);
  f.patched = g_new0 (gboolean, n);
  f.voiced = g_new0 (gboolean, n);
  f.d_front = g_new0 (gint64, n);
  f.d_rear = g_new0 (gint64, n);
  f.v_front = g_new0 (gint64, n);
  f.v_rear = g_new0 (gint64, n);
  for (guint i = 0; i < n; i++)
    {
      f.patched[i] = rng_double (&g->rng) < DATA_PATCHED;
      f.voiced[i] = rng_double (&g->rng) < VOICE_ACTIVE;
      f.n_patched += f.patched[i];
      f.n_voiced += f.voiced[i];
    }

  gen_floor_spaces (g, &f);
  if (fit_floor_rack (g, &f) && gen_offices (g, &f))
    {
      gen_uplinks (g, &f, site, site_fo, core);
      gen_voice (g, &f, site, area_id);
    }
  floor_clear (&f);
}

/* Building A's SITE: the PBX, the landing blocks and the campus fibre
 * panels, then the router with the internet link and the E1 trunk.
 * FALSE when the builder failed. */
static gboolean
gen_site_a (Gen        *g,
            Room       *site,
            const char *site_prefix,
            Pool       *core)
{
  EnlaceBuilder *b = g->b;
  EnlaceBuilderCable c = { 0 };
  gint64 circuit, term, rtr[3];
  g_autofree char *n_rtr = g_strdup_printf ("%s-RTR1", site_prefix);
  g_autofree char *cid = g_strdup_printf ("TMX-INT-%06u", (guint) (g->o->seed % 1000000));
  g_autofree char *cid2 = g_strdup_printf ("TMX-E1-%06u", (guint) (g->o->seed % 1000000));
  g_autofree char *stem = NULL;
  guint ci;

  /* The PBX and the landing blocks first, then the router. */
  stem = g_strdup_printf ("%s-PBX", site_prefix);
  g->pbx = pool_new (site, g->t_pbx, stem, PBX_LINE, 96);
  pool_take (g, g->pbx);
  g->pbx->next = 0;
  g_free (stem);
  stem = g_strdup_printf ("%s-MP", site_prefix);
  g->landing = pool_new (site, g->t_blk, stem, BLK_REAR, 4);
  g_free (stem);
  stem = g_strdup_printf ("%s-FOC", site_prefix);
  g->campus_fo = pool_new (site, g->t_fo48, stem, FO48_REAR, 4);

  room_device (g, site, g->t_router, n_rtr, TRUE);
  if (enlace_builder_failed (b))
    return FALSE;
  memcpy (rtr, enlace_builder_ports (b), sizeof rtr);

  circuit = enlace_builder_circuit (b, cid, "Telmex", "internet", 500000, -1, "active",
                                    "Enlace dedicado a Internet 500 Mbit/s");
  term = enlace_builder_termination (b, circuit, "A", site->space_id, "Acometida del proveedor en el SITE");
  enlace_builder_termination (b, circuit, "Z", 0, "Central Telmex");
  c.label = "TMX-INT-A";
  c.kind = "equipment-cord";
  c.type = "cat6";
  c.length_m = 3.0;
  c.color = "rojo";
  enlace_builder_cable_term (b, &c, term, rtr[0]);
  ci = pool_take (g, core);
  c.label = "A-SITE-RTR1-CORE1";
  c.type = "om3";
  c.color = "aqua";
  enlace_builder_cable (b, &c, rtr[2], core->ports[ci]);
  c.color = "rojo";

  circuit = enlace_builder_circuit (b, cid2, "Telmex", "telephone-trunk", 2048, -1, "active",
                                    "Troncal digital E1 del conmutador");
  term = enlace_builder_termination (b, circuit, "A", site->space_id, "Acometida del proveedor en el SITE");
  enlace_builder_termination (b, circuit, "Z", 0, "Central Telmex");
  c.label = "TMX-E1-A";
  c.type = "cat5e";
  c.color = "amarillo";
  enlace_builder_cable_term (b, &c, term, g->pbx->ports[PBX_TRUNK]);
  return TRUE;
}

/* Campus fibre from the SITE of building @bi to building A's SITE.
 * FALSE when the builder failed. */
static gboolean
gen_campus_fibre (Gen        *g,
                  guint       bi,
                  const char *B,
                  Room       *site,
                  const char *site_prefix,
                  Pool       *core)
{
  EnlaceBuilder *b = g->b;
  EnlaceBuilderCable c = { 0 };
  g_autofree char *n_foc = g_strdup_printf ("%s-FOC1", site_prefix);
  g_autofree char *label = g_strdup_printf ("%s/%s-FO1", site_prefix, g->site_a->prefix);
  g_autofree char *l1 = g_strdup_printf ("PC-%s-FOC1-01", site_prefix);
  g_autofree char *l2 = g_strdup_printf ("PC-%s-%s-01", g->site_a->prefix, B);
  gint64 foc_rear, foc_front1, a_rear, a_front1;
  guint r, ci;

  room_device (g, site, g->t_fo12, n_foc, FALSE);
  if (enlace_builder_failed (b))
    return FALSE;
  foc_rear = enlace_builder_ports (b)[FO12_REAR];
  foc_front1 = enlace_builder_ports (b)[FO12_FRONT];
  r = pool_take (g, g->campus_fo);
  a_rear = g->campus_fo->ports[r];
  a_front1 = g->campus_fo->ports[FO48_FRONT + (r - FO48_REAR) * 12];

  c.label = label;
  c.kind = "backbone";
  c.type = "os2";
  c.color = "amarillo";
  c.length_m = round1 (campus_distance (bi, 0) + 30.0);
  enlace_builder_cable (b, &c, foc_rear, a_rear);
  c.kind = "patch-cord";
  c.length_m = 2.0;
  c.label = l1;
  ci = pool_take (g, core);
  enlace_builder_cable (b, &c, core->ports[ci], foc_front1);
  c.label = l2;
  ci = pool_take (g, g->core_a);
  enlace_builder_cable (b, &c, a_front1, g->core_a->ports[ci]);
  return TRUE;
}

static void
gen_building (Gen   *g,
              guint  bi)
{
  EnlaceBuilder *b = g->b;
  g_autofree char *B = enlace_generate_building_code (bi);
  g_autofree char *bname = g_strdup_printf ("Edificio %s", B);
  g_autofree char *address = g_strdup_printf ("Circuito Universitario %u, Campus Sintético", 100 + bi * 10);
  g_autofree char *site_prefix = g_strdup_printf ("%s-SITE", B);
  g_autofree char *stem = NULL;
  const guint n_spaces = (g->o->outlets_per_floor + PER_SPACE - 1) / PER_SPACE;
  Layout L = { B, bi, 0, 0 };
  gint64 building_id, area_id;
  Room *site = NULL;
  Pool *site_fo = NULL, *core = NULL;

  /* n_spaces offices plus one reserved slot in each row */
  L.n_slots = (n_spaces + 2 + 1) / 2;
  L.mid = L.n_slots / 2;

  building_id = enlace_builder_building (b, g->site_id, B, bname, address);
  area_id = enlace_builder_area (b, B, bname, 0);

  for (guint f = 0; f < g->o->floors; f++)
    {
      g_autofree char *fname = f == 0 ? g_strdup ("Planta baja") : g_strdup_printf ("Nivel %u", f);
      gint64 floor_id = enlace_builder_floor (b, building_id, (int) f, fname, FLOOR_H);

      if (f == 0)
        {
          double x0 = slot_x (L.mid), y0 = enlace_floor_layout_row_y (&layout, FALSE);
          gint64 space_id;

          space_id = enlace_floor_layout_room (&layout, b, floor_id, x0, FALSE, SLOT_W,
                                               "SITE", "Cuarto de equipos (SITE)", "equipment-room");
          site = room_new (space_id, site_prefix, x0 + 1.5, y0 + 1.5);
          if (bi == 0)
            g->site_a = site;

          g_free (stem);
          stem = g_strdup_printf ("%s-CORE", site_prefix);
          core = pool_new (site, g->t_core, stem, 0, 48);
          if (bi == 0)
            g->core_a = core;
          pool_take (g, core);
          core->next = 0;

          if (bi == 0 ? !gen_site_a (g, site, site_prefix, core)
                      : !gen_campus_fibre (g, bi, B, site, site_prefix, core))
            break;

          g_free (stem);
          stem = g_strdup_printf ("%s-FO", site_prefix);
          site_fo = pool_new (site, g->t_fo48, stem, FO48_REAR, 4);
        }

      gen_floor (g, &L, floor_id, (int) f, site, site_fo, core, area_id);
      if (enlace_builder_failed (b) || g_cancellable_is_cancelled (g->cancellable))
        break;
    }

  pool_free (site_fo);
  if (bi != 0)
    {
      pool_free (core);
      room_free (site);
    }
}

static gint64
get_cache_size (EnlaceStore *store)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, "PRAGMA cache_size", NULL);
  gint64 v = -2000;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return v;
}

static void
set_cache_size (EnlaceStore *store,
                gint64       pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; "
                                          "PRAGMA ignore_check_constraints = OFF", pages);

  enlace_store_exec (store, sql, NULL);
}

gboolean
enlace_generate (EnlaceStore                  *store,
                 const EnlaceGenerateOptions  *opts,
                 GCancellable                 *cancellable,
                 GError                      **error)
{
  Gen g = { 0 };
  gboolean ok = TRUE;
  gint64 cache_size;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);

  if (opts->buildings < 1 || opts->buildings > 702)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Cannot generate %u buildings: the number of buildings must be between 1 and 702"),
                   opts->buildings);
      return FALSE;
    }
  if (opts->floors < 1 || opts->floors > 100)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Cannot generate %u floors: the number of floors per building must be between 1 and 100"),
                   opts->floors);
      return FALSE;
    }
  if (opts->outlets_per_floor < 1 || opts->outlets_per_floor > 10000)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Cannot generate %u outlets per floor: the number must be between 1 and 10000"),
                   opts->outlets_per_floor);
      return FALSE;
    }

#ifdef __GLIBC__
  /* SQLite allocates and frees a page cache of ~90 kB for every CHECK (x
   * IN (…)) of every INSERT; with glibc's default trim threshold each free
   * gives the memory back to the kernel and the next insert faults it in
   * again, which costs more than the inserts themselves. */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif

  if (!enlace_store_begin (store, _("Generate campus"), error))
    return FALSE;
  if (!enlace_store_begin_bulk (store, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  /* Keep the whole command in memory instead of spilling pages to the WAL
   * again and again (restored below). */
  cache_size = get_cache_size (store);
  set_cache_size (store, -131072);
  /* The rows written here are valid by construction (the tests run
   * enlace_store_check() on them); CHECK (x IN (…)) costs SQLite a
   * temporary table per column per row. */
  enlace_store_exec (store, "PRAGMA ignore_check_constraints = ON", NULL);

  g.o = opts;
  g.cancellable = cancellable;
  g.rng.s = opts->seed ^ G_GUINT64_CONSTANT (0x454e4c4143450001);
  g.b = enlace_builder_new (store);

  {
    g_autofree char *name = g_strdup_printf ("Campus sintético (semilla %" G_GUINT64_FORMAT ")", opts->seed);
    g.site_id = enlace_builder_site (g.b, "CAMPUS", name,
                                     "Campus generado por enlace-cli generate para pruebas y mediciones");
  }
  define_types (&g);

  for (guint bi = 0; bi < opts->buildings && !enlace_builder_failed (g.b); bi++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &local))
        break;
      gen_building (&g, bi);
    }

  pool_free (g.core_a);
  pool_free (g.pbx);
  pool_free (g.landing);
  pool_free (g.campus_fo);
  room_free (g.site_a);

  if (!enlace_builder_finish (g.b, local ? NULL : &local))
    ok = FALSE;
  if (local != NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&local);
          g_set_error (&local, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CANCELLED,
                       _("Generation of the campus was cancelled; nothing was written"));
        }
      ok = FALSE;
    }
  if (ok && !enlace_store_end_bulk (store, &local))
    ok = FALSE;
  if (ok)
    {
      g_autofree char *size = g_strdup_printf ("%u×%u×%u, seed %" G_GUINT64_FORMAT,
                                               opts->buildings, opts->floors,
                                               opts->outlets_per_floor, opts->seed);

      if (!enlace_store_set_meta (store, "institution", "Campus sintético", &local) ||
          !enlace_store_set_meta (store, "generator", size, &local))
        ok = FALSE;
    }
  if (!ok)
    {
      enlace_store_rollback (store);
      set_cache_size (store, cache_size);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  ok = enlace_store_commit (store, error);
  set_cache_size (store, cache_size);
  return ok;
}
