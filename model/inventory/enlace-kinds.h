/* enlace-kinds.h: the object kinds of the inventory, described as data.
 *
 * The CLI (add/set/list/show), the XML exchange and the GUI forms are
 * driven by these descriptions.  Readable keys:
 *   site: code                 building: code
 *   floor: BUILDING/LEVEL      space: BUILDING/LEVEL/CODE
 *   rack: name                 device: name
 *   device-type: MANUFACTURER/MODEL
 *   port: DEVICE:PORT          port-mapping: #ID
 *   circuit: cid               circuit-termination: CID:A | CID:Z
 *   cable: label (or #ID)      extension: number
 *   area: code                 person: name (or #ID)
 *   floor-plan: BUILDING/LEVEL wall, pathway: #ID
 * Any kind also accepts #ID.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ENLACE_FIELD_TEXT,
  ENLACE_FIELD_INT,
  ENLACE_FIELD_REAL,
  ENLACE_FIELD_BOOL,
  ENLACE_FIELD_CHOICE,    /* text, one of choices */
  ENLACE_FIELD_REF,       /* id of an object of ref_kind */
  ENLACE_FIELD_POLYGON,   /* JSON text [[x,y],...], closed, ≥ 3 points or empty */
  ENLACE_FIELD_POLYLINE,  /* JSON text [[x,y],...], ≥ 2 points */
} EnlaceFieldType;

typedef struct
{
  const char          *name;       /* column */
  EnlaceFieldType      type;
  const char          *ref_kind;   /* for REF */
  const char * const  *choices;    /* for CHOICE, NULL-terminated */
  gboolean             required;
  const char          *label;      /* N_() translatable */
} EnlaceField;

typedef struct
{
  const char          *name;         /* "building" */
  const char          *table;        /* "building" */
  const char          *label;        /* N_("Building") */
  const char          *plural;       /* N_("Buildings") */
  const EnlaceField   *fields;
  guint                n_fields;
  const char          *parent_field; /* NULL or a REF field */
  const char          *order_by;     /* SQL ORDER BY for lists */
} EnlaceKind;

const EnlaceKind  *enlace_kind_lookup      (const char        *name);
const EnlaceKind  *enlace_kind_for_table   (const char        *table);
/* NULL-terminated, in dependency order (parents first). */
const EnlaceKind **enlace_kinds_all        (void);
const EnlaceField *enlace_kind_get_field   (const EnlaceKind  *kind,
                                            const char        *field);
/* Translated label of a choice value ("telecom-room" → "Telecom room"). */
const char        *enlace_choice_label     (const char        *value);

G_END_DECLS
