/* enlace-xml-import-check.c: checks of an XML import's input that need
 * nothing of the import under way: the prolog (no DOCTYPE), the values of
 * attributes, and why an element failed validation.
 */
#define G_LOG_DOMAIN "enlace-xml"
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "enlace-xml-private.h"

gboolean
enlace_xml_parse_int (const char *text,
                      gint64     *out)
{
  char *end = NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  errno = 0;
  *out = g_ascii_strtoll (text, &end, 10);
  if (errno != 0)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  return *end == '\0';
}

gboolean
enlace_xml_parse_real (const char *text,
                       double     *out)
{
  char *end = NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;
  return *end == '\0' && isfinite (*out);
}

gboolean
enlace_xml_parse_bool (const char *text,
                       gint64     *out)
{
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (strcmp (t, "true") == 0 || strcmp (t, "1") == 0)
    *out = 1;
  else if (strcmp (t, "false") == 0 || strcmp (t, "0") == 0)
    *out = 0;
  else
    return FALSE;
  return TRUE;
}

/* The checked attributes of the elements that are not kinds (written by
 * their areas, see enlace-bom-xml.h), as data/enlace.rng types them. */
typedef enum
{
  DA_CHOICE,
  DA_REAL,
  DA_REAL_NONNEG,
} DesignAttrType;

static const char * const test_results[] = { "pass", "fail", NULL };
static const char * const test_sources[] = { "manual", "certifier", NULL };

static const struct
{
  const char         *element;
  const char         *attr;
  DesignAttrType      type;
  const char * const *choices;
} design_attrs[] = {
  { "bom-price", "price", DA_REAL, NULL },
  { "cable-test", "length-m", DA_REAL_NONNEG, NULL },
  { "cable-test", "result", DA_CHOICE, test_results },
  { "cable-test", "margin-db", DA_REAL, NULL },
  { "cable-test", "source", DA_CHOICE, test_sources },
};

static char *
diagnose_design (xmlNodePtr node)
{
  for (guint i = 0; i < G_N_ELEMENTS (design_attrs); i++)
    {
      g_autofree char *value = NULL;
      double d;

      if (strcmp ((const char *) node->name, design_attrs[i].element) != 0)
        continue;
      value = (char *) xmlGetProp (node, BAD_CAST design_attrs[i].attr);
      if (value == NULL)
        continue;
      switch (design_attrs[i].type)
        {
        case DA_CHOICE:
          if (!g_strv_contains (design_attrs[i].choices, value))
            {
              g_autofree char *all = g_strjoinv (", ", (char **) design_attrs[i].choices);
              return g_strdup_printf (_("%s “%s” is not one of: %s"), design_attrs[i].attr, value, all);
            }
          break;
        case DA_REAL:
        case DA_REAL_NONNEG:
          if (!enlace_xml_parse_real (value, &d))
            return g_strdup_printf (_("%s must be a number, not “%s”"), design_attrs[i].attr, value);
          if (design_attrs[i].type == DA_REAL_NONNEG && d < 0)
            return g_strdup_printf (_("%s must be a number of zero or more, not “%s”"), design_attrs[i].attr, value);
          break;
        default:
          break;
        }
    }
  return NULL;
}

/* libxml2 says only "Element cable failed to validate attributes": find
 * which attribute and why. */
char *
enlace_xml_diagnose_attributes (xmlNodePtr node)
{
  int xk = enlace_xml_kind_by_element ((const char *) node->name);
  const EnlaceKind *kind;

  if (strcmp ((const char *) node->name, "enlace") == 0)
    {
      g_autofree char *version = (char *) xmlGetProp (node, BAD_CAST "version");

      if (g_strcmp0 (version, G_STRINGIFY (ENLACE_XML_FORMAT_VERSION)) != 0)
        return g_strdup_printf (_("this is format version “%s”; this Enlace reads version %d"),
                                version ? version : "", ENLACE_XML_FORMAT_VERSION);
      return NULL;
    }
  if (xk < 0)
    return diagnose_design (node);
  kind = enlace_xml_kinds[xk].kind;

  for (guint f = 0; f < kind->n_fields; f++)
    {
      const EnlaceField *field = &kind->fields[f];
      const char *attr = enlace_xml_kinds[xk].attrs[f];
      g_autofree char *value = NULL;
      gint64 i64;
      double d;

      if (attr == NULL)
        continue;
      value = (char *) xmlGetProp (node, BAD_CAST attr);
      if (value == NULL)
        {
          if (field->required)
            return g_strdup_printf (_("attribute %s is missing"), attr);
          continue;
        }
      switch (field->type)
        {
        case ENLACE_FIELD_CHOICE:
          if (!g_strv_contains ((const char * const *) field->choices, value))
            {
              g_autofree char *all = g_strjoinv (", ", (char **) field->choices);
              return g_strdup_printf (_("%s “%s” is not one of: %s"), attr, value, all);
            }
          break;
        case ENLACE_FIELD_INT:
          if (!enlace_xml_parse_int (value, &i64))
            return g_strdup_printf (_("%s must be a whole number, not “%s”"), attr, value);
          break;
        case ENLACE_FIELD_REAL:
          if (!enlace_xml_parse_real (value, &d))
            return g_strdup_printf (_("%s must be a number, not “%s”"), attr, value);
          break;
        case ENLACE_FIELD_BOOL:
          if (!enlace_xml_parse_bool (value, &i64))
            return g_strdup_printf (_("%s must be true or false, not “%s”"), attr, value);
          break;
        default:
          if ((field->required || field->type == ENLACE_FIELD_REF) && *value == '\0')
            return g_strdup_printf (_("%s must not be empty"), attr);
          break;
        }
    }
  return NULL;
}

/* Refuses a DOCTYPE before the parser sees it: entity definitions are how
 * hostile files reach other files (XXE) or blow up (billion laughs). */
gboolean
enlace_xml_check_prolog (int          fd,
                         const char  *path,
                         GError     **error)
{
  char buf[65536];
  gssize n;
  const char *p, *end;
  int line = 1;

  do
    n = pread (fd, buf, sizeof buf, 0);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                   _("Cannot read %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  p = buf;
  end = buf + n;
  if (n >= 2 && (((guchar) buf[0] == 0xFE && (guchar) buf[1] == 0xFF) ||
                 ((guchar) buf[0] == 0xFF && (guchar) buf[1] == 0xFE) ||
                 buf[0] == '\0' || buf[1] == '\0'))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_MALFORMED,
                   _("line 1: the file is not UTF-8"));
      return FALSE;
    }
  if (n >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (*p == '\n')
        {
          line++;
          p++;
        }
      else if (g_ascii_isspace (*p))
        p++;
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        {
          const char *q = g_strstr_len (p, end - p, "?>");
          if (q == NULL)
            break;
          for (; p < q; p++)
            line += *p == '\n';
          p = q + 2;
        }
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *q = g_strstr_len (p + 4, end - p - 4, "-->");
          if (q == NULL)
            break;
          for (; p < q; p++)
            line += *p == '\n';
          p = q + 3;
        }
      else if (end - p >= 2 && memcmp (p, "<!", 2) == 0)
        {
          g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_UNSAFE,
                       _("line %d: DOCTYPE declarations are not allowed in Enlace files (they can define entities)"),
                       line);
          return FALSE;
        }
      else
        break;
    }
  return TRUE;
}
