/* enlace-xml.c: what the XML export and import share
 *
 * The XML kinds (element, attributes, export query) are derived once from
 * the registry of kinds; the embedded RELAX NG schema is compiled once.
 * Export is in enlace-xml-export.c, import in enlace-xml-import.c.
 */
#define G_LOG_DOMAIN "enlace-xml"
#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <libxml/parser.h>

#include "enlace-rng.h"
#include "enlace-xml-private.h"

#define ENLACE_RNG_TEXT ENLACE_SQL_ENLACE

G_DEFINE_QUARK (enlace-xml-error-quark, enlace_xml_error)

XKind *enlace_xml_kinds;
int    enlace_xml_n_kinds;

static xmlRelaxNGPtr rng_schema;
static goffset max_size_override;

/* The names of XKindId, to check the registry against. */
static const char * const known_kinds[N_XK_KNOWN] = {
  "site", "building", "floor", "space", "area", "person", "rack",
  "device-type", "port-template", "mapping-template", "device", "port",
  "port-mapping", "circuit", "circuit-termination", "cable", "extension",
  "floor-plan", "wall", "pathway",
};

void
enlace_xml_set_max_size_for_testing (goffset max_size)
{
  max_size_override = max_size;
}

goffset
enlace_xml_max_size (void)
{
  return max_size_override > 0 ? max_size_override : ENLACE_XML_MAX_SIZE;
}

int
enlace_xml_kind_by_name (const char *name)
{
  for (int i = 0; i < enlace_xml_n_kinds; i++)
    if (strcmp (enlace_xml_kinds[i].kind_name, name) == 0)
      return i;
  return -1;
}

int
enlace_xml_kind_by_element (const char *element)
{
  for (int i = 0; i < enlace_xml_n_kinds; i++)
    if (strcmp (enlace_xml_kinds[i].element, element) == 0)
      return i;
  return -1;
}

int
enlace_xml_field_index (const XKind *x,
                        const char  *name)
{
  for (guint f = 0; f < x->kind->n_fields; f++)
    if (strcmp (x->kind->fields[f].name, name) == 0)
      return f;
  g_assert_not_reached ();
  return 0;
}

/* "device_type_id" → "device-type", "u_height" → "u-height" */
static char *
attr_name_for_field (const EnlaceField *field)
{
  char *name = g_strdup (field->name);

  if (field->type == ENLACE_FIELD_REF && g_str_has_suffix (name, "_id"))
    name[strlen (name) - 3] = '\0';
  g_strdelimit (name, "_", '-');
  return name;
}

/* The attributes and the export query of one kind. */
static void
derive_kind (XKind *xk)
{
  const EnlaceKind *kind = xk->kind;
  GString *sql = g_string_new ("SELECT t.id");

  xk->attrs = g_new0 (char *, kind->n_fields);
  xk->ref_xk = g_new0 (int, kind->n_fields);
  for (guint f = 0; f < kind->n_fields; f++)
    {
      const EnlaceField *field = &kind->fields[f];

      xk->ref_xk[f] = -1;
      /* a nested kind does not write its parent: its element is inside */
      if (xk->parent >= 0 && kind->parent_field != NULL &&
          strcmp (field->name, kind->parent_field) == 0)
        {
          xk->ref_xk[f] = xk->parent;
        }
      else
        {
          xk->attrs[f] = attr_name_for_field (field);
          if (field->type == ENLACE_FIELD_REF)
            {
              xk->ref_xk[f] = enlace_xml_kind_by_name (field->ref_kind);
              if (xk->ref_xk[f] < 0)
                g_error ("Kind “%s” refers to kind “%s”, which has no XML element",
                         kind->name, field->ref_kind);
            }
        }
      g_string_append_printf (sql, ", t.%s", field->name);
    }
  g_string_append_printf (sql, " FROM %s", kind->xml.from);
  if (xk->parent >= 0)
    g_string_append_printf (sql, " WHERE t.%s = ?1", kind->parent_field);
  g_string_append_printf (sql, " ORDER BY %s", kind->xml.order);
  xk->select = g_string_free (sql, FALSE);
}

static void
derive_kinds (void)
{
  const EnlaceKind **kinds = enlace_kinds_all ();
  guint n = 0;

  for (guint i = 0; kinds[i]; i++)
    if (kinds[i]->xml.element != NULL)
      n++;
  enlace_xml_kinds = g_new0 (XKind, n);
  for (guint i = 0; kinds[i]; i++)
    if (kinds[i]->xml.element != NULL)
      {
        XKind *xk = &enlace_xml_kinds[enlace_xml_n_kinds++];

        xk->kind = kinds[i];
        xk->kind_name = kinds[i]->name;
        xk->element = kinds[i]->xml.element;
        xk->parent = -1;
        if (kinds[i]->xml.nested_in != NULL)
          {
            xk->parent = enlace_xml_kind_by_name (kinds[i]->xml.nested_in);
            if (xk->parent < 0)
              g_error ("Kind “%s” is nested in “%s”, which comes later or has no XML element",
                       kinds[i]->name, kinds[i]->xml.nested_in);
          }
      }
  for (int i = 0; i < N_XK_KNOWN; i++)
    if (i >= enlace_xml_n_kinds || strcmp (enlace_xml_kinds[i].kind_name, known_kinds[i]) != 0)
      g_error ("The XML exchange expects kind “%s” at position %d of the registry", known_kinds[i], i);
  for (int i = 0; i < enlace_xml_n_kinds; i++)
    derive_kind (&enlace_xml_kinds[i]);
}

static gpointer
init_once (gpointer data)
{
  xmlRelaxNGParserCtxtPtr pctxt;

  LIBXML_TEST_VERSION;
  xmlInitParser ();

#ifdef __GLIBC__
  /* SQLite opens (and frees) small temporary b-trees for every row it
   * inserts (the IN (...) lists of the CHECK constraints); with glibc's
   * default trim threshold each free returns the top of the heap to the
   * system and the next row faults it back in: a bulk import ran 3× slower. */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif

  derive_kinds ();

  pctxt = xmlRelaxNGNewMemParserCtxt (ENLACE_RNG_TEXT, strlen (ENLACE_RNG_TEXT));
  rng_schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (rng_schema == NULL)
    g_critical ("The embedded XML schema (data/enlace.rng) does not compile");

  return NULL;
}

void
enlace_xml_ensure_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_once, NULL);
}

xmlRelaxNGPtr
enlace_xml_schema (void)
{
  enlace_xml_ensure_init ();
  return rng_schema;
}
