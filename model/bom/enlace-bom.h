/* enlace-bom.h: the bill of materials of a design (or of the whole plant)
 * and the project's price list.  Part of model/: GLib only.
 *
 * The bill counts, per floor, per building and in total:
 *  - cable per type in boxes of 305 m ("cable:cat6"): a run is never
 *    spliced, so the runs of a type are packed whole into boxes (first fit
 *    by decreasing length: for runs of one length L, runs per box =
 *    floor (305 / L) and boxes = ceil (runs / runs per box));
 *  - jacks of the outlets ("jack:copper"), faceplates by their number of
 *    jacks ("faceplate:2"), patch panels by medium and ports
 *    ("panel:copper:24"), patch and equipment cords by type and length
 *    ("cord:cat6:2.0"), racks by height ("rack:42"), cable managers
 *    ("manager"), pathways by kind in metres ("pathway:tray"), and labels
 *    ("label": both ends of each run, and the panel port and the faceplate
 *    jack it ends on).
 * A design draws runs, not cords or managers, so a planned patch panel
 * also counts one patch cord per run ending on it (less the cords drawn
 * on it) of the run's type, 1 m for copper and 2 m for fibre (the cabling
 * rules have no length for them), and each rack with planned panels one
 * horizontal cable manager per two of them, rounded up (less the planned
 * managers drawn in it).
 * A cable belongs to the floor of its A end (else of its B end); a
 * device, rack or pathway to the floor of its space.  Boxes are counted
 * per floor, and again for the building and the total from all their runs
 * (the off-cut of one floor's box serves the next floor), so a building
 * may need fewer boxes than the sum of its floors.
 * The price list gives a unit price per item; lines without one are
 * counted but not costed ("unpriced").
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_BOM_BOX_M 305.0

/* Boxes of @box_m metres for runs of @lengths (no splices); runs longer
 * than a box are left out and counted in *@too_long (may be NULL). */
guint        enlace_bom_boxes           (const double *lengths,
                                         guint         n,
                                         double        box_m,
                                         guint        *too_long);

typedef struct
{
  char   *item;          /* "cable:cat6", "jack:copper", … */
  char   *category;      /* "cable", "jack", "faceplate", "panel", "cord",
                          * "rack", "manager", "pathway", "label" */
  char   *description;   /* translated */
  char   *unit;          /* translated: "box", "unit", "m" */
  double  quantity;
  double  unit_price;    /* < 0: not in the price list */
  double  cost;          /* quantity × unit price; 0 when unpriced */
  /* cable lines only */
  guint   runs;          /* runs packed in the boxes */
  double  metres;        /* their total length */
  guint   unknown_length;/* runs without a length (not packed) */
  guint   too_long;      /* runs longer than a box (not packed) */
} EnlaceBomLine;

typedef struct
{
  char      *building;      /* code; NULL for the total */
  char      *building_name;
  gboolean   has_floor;
  int        level;
  char      *floor_name;
  GPtrArray *lines;         /* of EnlaceBomLine*, by category then item */
  double     cost;          /* of the priced lines */
  guint      unpriced;      /* lines without a price */
  char      *currency;      /* of the price list: "MXN", "EUR" (enlace_bom_dup_currency) */
} EnlaceBomGroup;

typedef struct
{
  gboolean        planned_only;
  char           *currency;   /* of the price list (enlace_bom_dup_currency) */
  GPtrArray      *floors;     /* of EnlaceBomGroup* */
  GPtrArray      *buildings;  /* of EnlaceBomGroup* */
  EnlaceBomGroup *total;
  guint           n_runs;     /* work size: runs, devices, ports read */
  guint           n_devices;
  guint           n_ports;
} EnlaceBom;

void         enlace_bom_free            (EnlaceBom *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceBom, enlace_bom_free)

/* The bill of @building (code, NULL: every building) and @level (NULL:
 * every floor; a floor's level as text, "2"), of planned objects only or
 * of everything in service (retired devices and decommissioned cables are
 * never counted).  Refused when the building or floor does not exist. */
EnlaceBom   *enlace_bom_compute         (EnlaceStore  *store,
                                         const char   *building,
                                         const char   *level,
                                         gboolean      planned_only,
                                         GError      **error);
/* {"planned_only", "currency", "floors":[group], "buildings":[group], "total":group};
 * group: {"building","floor","floor_name","cost","unpriced",
 * "lines":[{"item","category","description","unit","quantity",
 * "unit_price" (or null),"cost", cable lines: "runs","metres",…}]} */
JsonObject  *enlace_bom_to_json         (EnlaceBom  *self);
/* CSV (comma-separated, RFC 4180): building,floor,item,description,unit,
 * quantity,unit_price,cost — the floors, the buildings (floor empty) and
 * the total (building "*").  Numbers are plain, for machines: "50772.00",
 * a decimal point and no thousands separator, in the price list's
 * currency (not written). */
char        *enlace_bom_to_csv          (EnlaceBom  *self);
/* "2 cajas", "12 m": the quantity of a line with its unit, translated. */
char        *enlace_bom_line_dup_quantity (const EnlaceBomLine *line);

/* The currency of the price list: the project's meta "currency" (an
 * ISO 4217 code, three letters: `enlace-cli meta FILE currency EUR`),
 * else "MXN", the default of the quotes.  Prices and costs are numbers
 * in it; enlace_money_format() writes them for people. */
char        *enlace_bom_dup_currency    (EnlaceStore  *store);

/* The price list. */
typedef struct
{
  char   *item;
  double  price;
  char   *description;
} EnlaceBomPrice;

void         enlace_bom_price_free      (EnlaceBomPrice *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceBomPrice, enlace_bom_price_free)

/* The prices, by item (EnlaceBomPrice*). */
GPtrArray   *enlace_bom_prices          (EnlaceStore  *store,
                                         GError      **error);
/* Sets the price of one item (one command). */
gboolean     enlace_bom_price_set       (EnlaceStore  *store,
                                         const char   *item,
                                         double        price,
                                         const char   *description,
                                         GError      **error);
/* Imports a price list from CSV with a header row naming the columns
 * "item" and "price" (also "artículo"/"precio"; optional "description" /
 * "descripción"), comma- or semicolon-separated; a price may use a
 * decimal comma only with semicolons.  One command: every row is set, or,
 * when any row is wrong (no item, a price that is not a number or is
 * negative, an item twice), nothing is and the error names the line and
 * the rule.  Returns the number of prices set. */
guint        enlace_bom_prices_import   (EnlaceStore  *store,
                                         const char   *csv,
                                         gsize         length,
                                         GError      **error);

G_END_DECLS
