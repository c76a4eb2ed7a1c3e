/* enlace-xml-fast-check.c: the schema's verdict on an export, cheaply
 *
 * libxml2's RELAX NG validator cannot stream an element with optional
 * attributes: it expands each one and runs its general engine on it, a
 * quarter of the time of an import (1.2 s of 4.2 s for 100k ports).  An
 * XML import therefore first reads the file without it and checks, node
 * by node, the elements of which a campus is made (port, port-mapping,
 * device, cable with its ends, extension with its status changes, space)
 * by hand against data/enlace.rng; every other top-level element (a few
 * thousand at most: buildings, racks, device types, cases…) is checked
 * alone by the schema, in a small document of its own.
 *
 * The checks here accept a subset of what the schema accepts (a number
 * written " 12" or a value " front" is valid XML Schema, but not taken
 * here): whatever they refuse, the import reads the file again from the
 * start with the schema on (enlace-xml-import.c), so that an invalid file
 * gets the schema's own message and nothing of the first pass is kept.
 * Keep the tables below in step with data/enlace.rng; the test
 * /model/xml/fast-check/agrees compares both on every element.
 */
#define G_LOG_DOMAIN "enlace-xml"
#include "config.h"

#include <string.h>

#include "enlace-xml-private.h"

typedef enum
{
  FA_TEXT,        /* xsd:string */
  FA_KEY,         /* xsd:string, minLength 1 */
  FA_INT,         /* xsd:integer */
  FA_REAL,        /* xsd:double */
  FA_REAL_NONNEG, /* xsd:double, minInclusive 0 */
  FA_POSITIONS,   /* xsd:integer 1–1024 */
  FA_CHOICE,      /* one of the values */
} FastType;

typedef struct
{
  const char         *name;
  FastType            type;
  gboolean            required;
  const char * const *choices;
} FastAttr;

static const char * const port_kinds[] = { "interface", "front", "rear", NULL };
static const char * const media[] = { "copper", "fibre", "voice", NULL };
static const char * const connectors[] = { "8P8C", "LC", "SC", "ST", "MPO", "110", "splice", "other", NULL };
static const char * const roles[] = {
  "switch", "router", "firewall", "server", "pbx", "patch-panel", "outlet",
  "consolidation-point", "phone", "access-point", "computer", "other", NULL
};
static const char * const life_status[] = { "planned", "active", "retired", NULL };
static const char * const faces[] = { "front", "rear", NULL };
static const char * const extension_status[] = { "active", "suspended", "cancelled", NULL };
static const char * const cable_kinds[] = { "horizontal", "backbone", "patch-cord", "equipment-cord", "other", NULL };
static const char * const cable_types[] = {
  "cat3", "cat5e", "cat6", "cat6a", "cat7", "cat8", "om1", "om2", "om3", "om4", "om5",
  "os1", "os2", "coax", "multipair", NULL
};
static const char * const cable_status[] = { "planned", "installed", "decommissioned", NULL };
static const char * const space_kinds[] = {
  "office", "classroom", "laboratory", "telecom-room", "equipment-room", "entrance-facility", "other", NULL
};

static const FastAttr port_attrs[] = {
  { "device", FA_KEY, TRUE, NULL },
  { "kind", FA_CHOICE, TRUE, port_kinds },
  { "name", FA_KEY, TRUE, NULL },
  { "medium", FA_CHOICE, TRUE, media },
  { "connector", FA_CHOICE, TRUE, connectors },
  { "positions", FA_POSITIONS, TRUE, NULL },
  { "label", FA_TEXT, FALSE, NULL },
  { "seq", FA_INT, FALSE, NULL },
};

static const FastAttr port_mapping_attrs[] = {
  { "device", FA_KEY, TRUE, NULL },
  { "front-port", FA_KEY, TRUE, NULL },
  { "front-pos", FA_POSITIONS, TRUE, NULL },
  { "rear-port", FA_KEY, TRUE, NULL },
  { "rear-pos", FA_POSITIONS, TRUE, NULL },
};

static const FastAttr device_attrs[] = {
  { "device-type", FA_KEY, FALSE, NULL },
  { "name", FA_KEY, TRUE, NULL },
  { "role", FA_CHOICE, TRUE, roles },
  { "rack", FA_KEY, FALSE, NULL },
  { "u-position", FA_REAL, FALSE, NULL },
  { "face", FA_CHOICE, FALSE, faces },
  { "space", FA_KEY, FALSE, NULL },
  { "x", FA_REAL, FALSE, NULL },
  { "y", FA_REAL, FALSE, NULL },
  { "rotation", FA_REAL, FALSE, NULL },
  { "serial", FA_TEXT, FALSE, NULL },
  { "asset-tag", FA_TEXT, FALSE, NULL },
  { "status", FA_CHOICE, TRUE, life_status },
  { "comments", FA_TEXT, FALSE, NULL },
};

static const FastAttr cable_attrs[] = {
  { "label", FA_TEXT, FALSE, NULL },
  { "kind", FA_CHOICE, TRUE, cable_kinds },
  { "type", FA_CHOICE, FALSE, cable_types },
  { "pairs", FA_INT, FALSE, NULL },
  { "length-m", FA_REAL_NONNEG, FALSE, NULL },
  { "color", FA_TEXT, FALSE, NULL },
  { "status", FA_CHOICE, TRUE, cable_status },
};

static const FastAttr extension_attrs[] = {
  { "number", FA_KEY, TRUE, NULL },
  { "person", FA_KEY, FALSE, NULL },
  { "holder", FA_TEXT, FALSE, NULL },
  { "area", FA_KEY, FALSE, NULL },
  { "status", FA_CHOICE, TRUE, extension_status },
  { "port", FA_KEY, FALSE, NULL },
};

static const FastAttr status_change_attrs[] = {
  { "at", FA_KEY, TRUE, NULL },
  { "status", FA_CHOICE, TRUE, extension_status },
  { "reason", FA_TEXT, FALSE, NULL },
};

static const FastAttr space_attrs[] = {
  { "floor", FA_KEY, TRUE, NULL },
  { "code", FA_KEY, TRUE, NULL },
  { "name", FA_TEXT, FALSE, NULL },
  { "kind", FA_CHOICE, TRUE, space_kinds },
  { "outline", FA_TEXT, FALSE, NULL },
};

/* The top-level elements, in the order of <start> in data/enlace.rng;
 * the indexes of those checked here. */
enum
{
  TOP_SPACE = 4,
  TOP_DEVICE = 9,
  TOP_PORT = 10,
  TOP_PORT_MAPPING = 11,
  TOP_CABLE = 13,
  TOP_EXTENSION = 14,
};

static const char * const top_order[] = {
  "meta", "site", "building", "floor", "space", "area", "person", "rack",
  "device-type", "device", "port", "port-mapping", "circuit", "cable",
  "extension", "attachment", "floor-plan", "wall", "pathway", "procedure",
  "email-account", "case", "faulty-mark", "cabling-rule", "label-template",
  "bom-price", "cable-test",
};

typedef enum
{
  OPEN_NONE,       /* no element with children to check is open */
  OPEN_VALIDATED,  /* the open element was checked whole by the schema */
  OPEN_CABLE,      /* its children: <a>… then <b>… */
  OPEN_EXTENSION,  /* its children: <status-change>… */
} OpenKind;

struct _EnlaceXmlFastCheck
{
  int                    order;       /* index in top_order of the last top-level element */
  const char            *last_name;   /* its name */
  OpenKind               open;
  int                    cable_state; /* 0: no end yet, 1: in the a ends, 2: in the b ends */
  gboolean               root;
  xmlRelaxNGValidCtxtPtr vctxt;
};

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* [+-]?[0-9]{1,18}: valid xsd:integer */
static gboolean
int_ok (const char *s)
{
  int n = 0;

  if (*s == '+' || *s == '-')
    s++;
  for (; is_digit (*s); s++)
    if (++n > 18)
      return FALSE;
  return n > 0 && *s == '\0';
}

/* -?[0-9]{1,24}(\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?: valid xsd:double */
static gboolean
real_ok (const char *s,
         gboolean    nonneg)
{
  int n = 0;

  if (*s == '-')
    {
      if (nonneg)
        return FALSE;
      s++;
    }
  for (; is_digit (*s); s++)
    if (++n > 24)
      return FALSE;
  if (n == 0)
    return FALSE;
  if (*s == '.')
    {
      n = 0;
      for (s++; is_digit (*s); s++)
        if (++n > 24)
          return FALSE;
      if (n == 0)
        return FALSE;
    }
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      n = 0;
      for (; is_digit (*s); s++)
        if (++n > 3)
          return FALSE;
      if (n == 0)
        return FALSE;
    }
  return *s == '\0';
}

static gboolean
value_ok (const FastAttr *spec,
          const char     *value)
{
  switch (spec->type)
    {
    case FA_TEXT:
      return TRUE;
    case FA_KEY:
      return *value != '\0';
    case FA_INT:
      return int_ok (value);
    case FA_REAL:
      return real_ok (value, FALSE);
    case FA_REAL_NONNEG:
      return real_ok (value, TRUE);
    case FA_POSITIONS:
      {
        int v = 0, n = 0;

        for (; is_digit (*value); value++)
          {
            if (++n > 4)
              return FALSE;
            v = v * 10 + (*value - '0');
          }
        return n > 0 && *value == '\0' && v >= 1 && v <= 1024;
      }
    case FA_CHOICE:
      for (guint i = 0; spec->choices[i]; i++)
        if (strcmp (spec->choices[i], value) == 0)
          return TRUE;
      return FALSE;
    default:
      return FALSE;
    }
}

/* The text of an attribute made of one text node, or NULL. */
static const char *
plain_value (xmlAttrPtr a)
{
  if (a->children == NULL)
    return "";
  if (a->children->next != NULL || a->children->type != XML_TEXT_NODE || a->children->content == NULL)
    return NULL;
  return (const char *) a->children->content;
}

/* Every attribute of @node is in @spec, with a value of its type, and
 * every required one is there; no namespace anywhere. */
static gboolean
attributes_ok (xmlNodePtr      node,
               const FastAttr *spec,
               guint           n)
{
  guint32 seen = 0;
  guint next = 0;  /* an export writes them in the order of @spec */

  g_assert (n <= 32);
  if (node->ns != NULL)
    return FALSE;
  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      const char *value = plain_value (a);
      guint i, k;

      if (a->ns != NULL || value == NULL)
        return FALSE;
      for (k = 0, i = next; k < n; k++, i = (i + 1) % n)
        if (strcmp ((const char *) a->name, spec[i].name) == 0)
          break;
      if (k == n || (seen & (1u << i)) || !value_ok (&spec[i], value))
        return FALSE;
      seen |= 1u << i;
      next = (i + 1) % n;
    }
  for (guint i = 0; i < n; i++)
    if (spec[i].required && !(seen & (1u << i)))
      return FALSE;
  return TRUE;
}

/* <a>/<b>: exactly one attribute, port or circuit, not empty. */
static gboolean
termination_ok (xmlNodePtr node)
{
  xmlAttrPtr a = node->properties;
  const char *value;

  if (node->ns != NULL || a == NULL || a->next != NULL || a->ns != NULL)
    return FALSE;
  if (strcmp ((const char *) a->name, "port") != 0 && strcmp ((const char *) a->name, "circuit") != 0)
    return FALSE;
  value = plain_value (a);
  return value != NULL && *value != '\0';
}

static void
quiet (void        *data,
       xmlErrorPtr  err)
{
}

/* The element the reader is on, whole, checked by the schema alone. */
static gboolean
validate_alone (EnlaceXmlFastCheck *fc,
                xmlTextReaderPtr    reader)
{
  xmlNodePtr full = xmlTextReaderExpand (reader);
  xmlDocPtr doc;
  xmlNodePtr root, copy;
  gboolean ok;

  if (full == NULL || enlace_xml_schema () == NULL)
    return FALSE;
  if (fc->vctxt == NULL)
    {
      fc->vctxt = xmlRelaxNGNewValidCtxt (enlace_xml_schema ());
      if (fc->vctxt == NULL)
        return FALSE;
      xmlRelaxNGSetValidStructuredErrors (fc->vctxt, quiet, NULL);
    }
  doc = xmlNewDoc (BAD_CAST "1.0");
  root = xmlNewDocNode (doc, NULL, BAD_CAST "enlace", NULL);
  xmlDocSetRootElement (doc, root);
  xmlNewProp (root, BAD_CAST "version", BAD_CAST G_STRINGIFY (ENLACE_XML_FORMAT_VERSION));
  copy = xmlDocCopyNode (full, doc, 1);
  ok = copy != NULL && xmlAddChild (root, copy) != NULL &&
       xmlRelaxNGValidateDoc (fc->vctxt, doc) == 0;
  xmlFreeDoc (doc);
  return ok;
}

EnlaceXmlFastCheck *
enlace_xml_fast_check_new (void)
{
  EnlaceXmlFastCheck *fc = g_new0 (EnlaceXmlFastCheck, 1);

  g_assert (strcmp (top_order[TOP_SPACE], "space") == 0 && strcmp (top_order[TOP_DEVICE], "device") == 0 &&
            strcmp (top_order[TOP_PORT], "port") == 0 && strcmp (top_order[TOP_PORT_MAPPING], "port-mapping") == 0 &&
            strcmp (top_order[TOP_CABLE], "cable") == 0 && strcmp (top_order[TOP_EXTENSION], "extension") == 0);
  fc->order = -1;
  return fc;
}

void
enlace_xml_fast_check_free (EnlaceXmlFastCheck *fc)
{
  if (fc == NULL)
    return;
  if (fc->vctxt != NULL)
    xmlRelaxNGFreeValidCtxt (fc->vctxt);
  g_free (fc);
}

static gboolean
top_level (EnlaceXmlFastCheck *fc,
           xmlTextReaderPtr    reader,
           xmlNodePtr          node)
{
  const char *name = (const char *) node->name;
  gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;
  const FastAttr *spec = NULL;
  guint n = 0;
  int order = -1;

  /* the same element as the last one, most of the time (names come from
   * the reader's dictionary: one pointer per name) */
  if (name == fc->last_name)
    order = fc->order;
  else
    for (guint i = 0; i < G_N_ELEMENTS (top_order); i++)
      if (strcmp (top_order[i], name) == 0)
        {
          order = (int) i;
          fc->last_name = name;
          break;
        }
  if (order < 0 || order < fc->order)
    return FALSE;
  fc->order = order;
  fc->open = OPEN_NONE;

  if (order == TOP_CABLE)
    {
      if (empty || !attributes_ok (node, cable_attrs, G_N_ELEMENTS (cable_attrs)))
        return FALSE;
      fc->open = OPEN_CABLE;
      fc->cable_state = 0;
      return TRUE;
    }
  if (order == TOP_EXTENSION &&
      attributes_ok (node, extension_attrs, G_N_ELEMENTS (extension_attrs)))
    {
      fc->open = empty ? OPEN_NONE : OPEN_EXTENSION;
      return TRUE;
    }

  if (order == TOP_PORT)
    spec = port_attrs, n = G_N_ELEMENTS (port_attrs);
  else if (order == TOP_PORT_MAPPING)
    spec = port_mapping_attrs, n = G_N_ELEMENTS (port_mapping_attrs);
  else if (order == TOP_DEVICE)
    spec = device_attrs, n = G_N_ELEMENTS (device_attrs);
  else if (order == TOP_SPACE)
    spec = space_attrs, n = G_N_ELEMENTS (space_attrs);
  if (spec != NULL && empty && attributes_ok (node, spec, n))
    return TRUE;

  /* anything else, or written otherwise: the schema says */
  fc->open = empty ? OPEN_NONE : OPEN_VALIDATED;
  return validate_alone (fc, reader);
}

gboolean
enlace_xml_fast_check_node (EnlaceXmlFastCheck *fc,
                            xmlTextReaderPtr    reader,
                            int                 type,
                            int                 depth)
{
  xmlNodePtr node;

  switch (type)
    {
    case XML_READER_TYPE_ELEMENT:
      node = xmlTextReaderCurrentNode (reader);
      if (node == NULL)
        return FALSE;
      if (depth == 0)
        {
          xmlAttrPtr a = node->properties;
          const char *value = a ? plain_value (a) : NULL;

          if (fc->root || strcmp ((const char *) node->name, "enlace") != 0 || node->ns != NULL ||
              a == NULL || a->next != NULL || a->ns != NULL || strcmp ((const char *) a->name, "version") != 0 ||
              g_strcmp0 (value, G_STRINGIFY (ENLACE_XML_FORMAT_VERSION)) != 0)
            return FALSE;
          fc->root = TRUE;
          return TRUE;
        }
      if (depth == 1)
        return top_level (fc, reader, node);
      if (fc->open == OPEN_VALIDATED)
        return TRUE;
      if (depth > 2 || xmlTextReaderIsEmptyElement (reader) != 1)
        return FALSE;
      if (fc->open == OPEN_CABLE)
        {
          if (strcmp ((const char *) node->name, "a") == 0 && fc->cable_state <= 1)
            fc->cable_state = 1;
          else if (strcmp ((const char *) node->name, "b") == 0 && fc->cable_state >= 1)
            fc->cable_state = 2;
          else
            return FALSE;
          return termination_ok (node);
        }
      if (fc->open == OPEN_EXTENSION)
        return strcmp ((const char *) node->name, "status-change") == 0 &&
               attributes_ok (node, status_change_attrs, G_N_ELEMENTS (status_change_attrs));
      return FALSE;

    case XML_READER_TYPE_END_ELEMENT:
      if (depth == 1)
        {
          gboolean ok = fc->open != OPEN_CABLE || fc->cable_state == 2;

          fc->open = OPEN_NONE;
          return ok;
        }
      return TRUE;

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
      /* text that is not blank: only where the schema checked it */
      return depth >= 2 && fc->open == OPEN_VALIDATED;

    default:
      /* blanks, comments, processing instructions */
      return TRUE;
    }
}

gboolean
enlace_xml_fast_check_end (EnlaceXmlFastCheck *fc)
{
  return fc->root && fc->open == OPEN_NONE;
}

gboolean
enlace_xml_fast_check_memory (const char *xml,
                              gsize       len)
{
  xmlTextReaderPtr reader = xmlReaderForMemory (xml, (int) len, NULL, "UTF-8",
                                                XML_PARSE_NONET | XML_PARSE_COMPACT |
                                                XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  EnlaceXmlFastCheck *fc = enlace_xml_fast_check_new ();
  gboolean ok = reader != NULL;
  int ret = -1;

  while (ok && (ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      /* the import refuses these before the checks */
      if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
          type == XML_READER_TYPE_ENTITY)
        ok = FALSE;
      else
        ok = enlace_xml_fast_check_node (fc, reader, type, xmlTextReaderDepth (reader));
    }
  ok = ok && ret == 0 && enlace_xml_fast_check_end (fc);
  enlace_xml_fast_check_free (fc);
  if (reader != NULL)
    xmlFreeTextReader (reader);
  return ok;
}
