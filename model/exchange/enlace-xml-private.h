/* enlace-xml-private.h: what the XML export and import share (model/exchange only)
 *
 * The XML kinds are derived from the registry of kinds (enlace-kinds.h):
 * every kind with an XML element, in registration (document) order.  The
 * kinds of the inventory and the plans come first, in the order of
 * XKindId, which names those the exchange code treats specially (keys,
 * nested elements, cable ends); the kinds of later areas follow and are
 * written and read generically.
 */
#pragma once

#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "enlace-store-private.h"
#include "enlace-xml.h"

G_BEGIN_DECLS

/* The kinds the exchange code knows by name, in document order. */
typedef enum
{
  XK_SITE,
  XK_BUILDING,
  XK_FLOOR,
  XK_SPACE,
  XK_AREA,
  XK_PERSON,
  XK_RACK,
  XK_DEVICE_TYPE,
  XK_PORT_TEMPLATE,
  XK_MAPPING_TEMPLATE,
  XK_DEVICE,
  XK_PORT,
  XK_PORT_MAPPING,
  XK_CIRCUIT,
  XK_CIRCUIT_TERMINATION,
  XK_CABLE,
  XK_EXTENSION,
  XK_FLOOR_PLAN,
  XK_WALL,
  XK_PATHWAY,
  N_XK_KNOWN
} XKindId;

typedef struct
{
  const EnlaceKind *kind;
  const char       *kind_name;
  const char       *element;
  int               parent;    /* the kind whose element holds ours, or -1 */
  char            **attrs;     /* per field; NULL when not written */
  int              *ref_xk;    /* per field; -1 unless a REF */
  char             *select;    /* export query */
} XKind;

/* The XML kinds, in document order (valid after enlace_xml_ensure_init()). */
extern XKind *enlace_xml_kinds;
extern int    enlace_xml_n_kinds;

void          enlace_xml_ensure_init         (void);
/* The compiled RELAX NG schema, or NULL if it does not compile. */
xmlRelaxNGPtr enlace_xml_schema              (void);
goffset       enlace_xml_max_size            (void);
/* Index in enlace_xml_kinds, or -1. */
int           enlace_xml_kind_by_name        (const char  *kind_name);
int           enlace_xml_kind_by_element     (const char  *element);
/* Index of field @name of the kind (which must have it). */
int           enlace_xml_field_index         (const XKind *x,
                                              const char  *name);

/* enlace-xml-import-check.c.  Attribute values as the schema reads them
 * (spaces around allowed): a whole number, a finite number, true/false/1/0. */
gboolean      enlace_xml_parse_int           (const char  *text,
                                              gint64      *out);
gboolean      enlace_xml_parse_bool          (const char  *text,
                                              gint64      *out);
/* libxml2 says only "Element cable failed to validate attributes": which
 * attribute and why (NULL when it cannot tell). */
char         *enlace_xml_diagnose_attributes (xmlNodePtr   node);
/* Refuses a DOCTYPE (read with pread, before the parser sees the file):
 * entity definitions are how hostile files reach other files (XXE) or
 * blow up (billion laughs). */
gboolean      enlace_xml_check_prolog        (int          fd,
                                              const char  *path,
                                              GError     **error);

/* enlace-xml-fast-check.c: the schema's checks by hand on the elements
 * of which a campus is made (see there).  FALSE: the file may be invalid,
 * read it again with the schema. */
typedef struct _EnlaceXmlFastCheck EnlaceXmlFastCheck;

EnlaceXmlFastCheck *enlace_xml_fast_check_new   (void);
void                enlace_xml_fast_check_free  (EnlaceXmlFastCheck *fc);
/* The node the reader is on (of @type at @depth), before it is imported. */
gboolean            enlace_xml_fast_check_node  (EnlaceXmlFastCheck *fc,
                                                 xmlTextReaderPtr    reader,
                                                 int                 type,
                                                 int                 depth);
/* At the end of the file. */
gboolean            enlace_xml_fast_check_end   (EnlaceXmlFastCheck *fc);
/* The checks on a whole document (the tests compare them with the schema). */
gboolean            enlace_xml_fast_check_memory (const char        *xml,
                                                  gsize              len);

G_END_DECLS
