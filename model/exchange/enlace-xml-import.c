/* enlace-xml-import.c: read a whole project from XML
 *
 * Import streams the file through an xmlTextReader and inserts each
 * object as soon as its element is read, in one command and in bulk mode
 * (no row images; undo deletes the id ranges).  References are resolved
 * through key → id hash tables of the objects read so far.  Any problem
 * rolls the whole command back.  The checks that need nothing of the
 * import under way (prolog, attribute values) are in
 * enlace-xml-import-check.c.
 *
 * The file is read in at most two passes (import15: 1,000,000 ports in
 * 11 s of CPU instead of 36 s).  The first takes the schema's checks by
 * hand (enlace-xml-fast-check.c), leaves foreign keys to one
 * PRAGMA foreign_key_check at the end, skips the store's rules where they
 * could only accept (surely_valid) and writes ports, devices, port
 * mappings, cables and their ends 64 rows to an INSERT.  Whatever goes wrong in it,
 * it is rolled back and the second pass reads the file as the import
 * always did: the RELAX NG schema validating as it reads, row by row
 * INSERTs, every rule; its error is the one reported.
 */
#define G_LOG_DOMAIN "enlace-xml"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlreader.h>

#include "enlace-bom-xml.h"
#include "enlace-cases-xml.h"
#include "enlace-rules-xml.h"
#include "enlace-field-bounds.h"
#include "enlace-geometry.h"
#include "enlace-json-bounds.h"
#include "enlace-xml-private.h"

#define MAX_FIELDS 16
#define READ_AHEAD (256 * 1024)

typedef struct
{
  const XKind *x;
  const char  *field;
  int          index;
} FieldMemo;

/* Rows of one table waiting to be written by one multi-row INSERT (the
 * first pass only): one statement for 64 ports costs little more than one
 * for a port.  Their ids are known in advance (the next rowids of the
 * table), and checked when they are written. */
#define BATCH_ROWS 64

typedef struct
{
  char        type;  /* 'i', 'd', 't' */
  gint64      i;
  double      d;
  const char *t;     /* in the batch's texts */
} BatchValue;

typedef struct
{
  const char   *table;     /* NULL: empty */
  GString      *columns;   /* "(a, b, c)" */
  guint         key;       /* what the rows have in common (kind and fields) */
  guint         rows;
  gint64        first_id;
  GArray       *values;    /* of BatchValue, row after row */
  GStringChunk *texts;
} Batch;

/* What a port mapping's rule asks of its ports */
typedef struct
{
  guint32 device;     /* 0: not known */
  guint16 positions;
  char    kind;       /* 'f' front, 'r' rear, 'i' interface */
} PortInfo;

typedef struct
{
  gint64  area_id;
  char   *parent;
  int     line;
} DeferredParent;

/* A lexical pass over the bytes as they are read, ahead of libxml2: an
 * element with 100,000 attributes took libxml2 16 s (its duplicate check
 * is quadratic) before the schema refused it. */
#define MAX_ATTRIBUTES  256
#define MAX_ATTR_BYTES  ENLACE_JSON_MAX_BYTES   /* the largest value a field takes */

typedef enum
{
  SCAN_TEXT,
  SCAN_LT,        /* after "<" */
  SCAN_TAG,       /* in a start tag */
  SCAN_QUOTE,     /* in an attribute value */
  SCAN_BANG,      /* after "<!" */
  SCAN_BANG_DASH, /* after "<!-" */
  SCAN_COMMENT,   /* until "-->" */
  SCAN_CDATA,     /* until "]]>" */
  SCAN_OTHER,     /* an end tag, "<?…?>", "<!DOCTYPE…>": until ">" */
} ScanState;

typedef struct
{
  ScanState state;
  char      quote;
  guint     run;       /* "-" or "]" seen in a row */
  guint     n_attrs;
  gsize     value_len;
  guint     line;      /* lines before the current byte, from 0 */
} XmlScan;

typedef struct
{
  EnlaceStore        *store;
  const char         *path;
  int                 fd;
  goffset             size;
  goffset             read;
  GCancellable       *cancellable;
  EnlaceProgressFunc  progress;
  gpointer            progress_data;
  double              last_progress;

  xmlTextReaderPtr    reader;
  GError             *error;     /* first error */
  gboolean            bulk;

  GHashTable        **keys;       /* per kind: key → id (as pointer-sized int) */
  GHashTable         *stmt_cache;  /* xk << MAX_FIELDS | mask → INSERT (the store's) */
  GHashTable         *meta;        /* key → value */
  GArray             *deferred;    /* of DeferredParent */
  GString            *kbuf;
  /* the object being read, for messages: "port SW:Gi1" (made when needed) */
  const char         *cur_element;
  const char         *cur_key;
  char               *cur_what;

  /* the open top-level element that holds children */
  int                 parent_xk;
  gint64              parent_id;
  char               *parent_key;
  int                 end_kind[2]; /* cable: -1 none, XK_PORT, XK_CIRCUIT_TERMINATION */
  int                 end_seq[2];
  sqlite3_stmt       *end_stmt[2]; /* INSERT of a cable end at a port, at a termination */
  gint64              ids[MAX_FIELDS]; /* the object being read: its INT and REF fields */
  FieldMemo           field_memo[64]; /* field_index() */
  Batch               batch[2];   /* objects; cable ends at ports */
  Batch              *sink;       /* where bind_field() writes, NULL: the statement */
  struct {
    const char *name;
    int         xk;
  } element_memo[16];             /* kind_by_element() */
  GArray             *ports;      /* of PortInfo, by port id */
  GStringChunk       *key_texts;  /* the keys of keys[] */
  struct {
    int pm_device, pm_port[2], pm_pos[2];
    int port_kind, port_positions, port_device;
    int cable_length, cable_pairs, cable_type;
    int device_name, device_role, device_rack, device_space, device_u, device_face, device_asset;
  } fi;                           /* field indexes */
  guint               n_objects;
  gboolean           *validate;   /* per kind: run the store's rules on each object */
  XmlScan             scan;       /* the bytes as read: attributes per element */
  EnlaceXmlFastCheck *fast;       /* the first pass: checks by hand, no streaming schema */
  char               *ahead;      /* the file as read, READ_AHEAD bytes at a time */
  gsize               ahead_pos;
  gsize               ahead_len;
  EnlaceCasesXmlImport *cases;     /* procedures, accounts, cases (model/cases) */
} Import;

static void import_fail (Import *im, int code, int line, const char *fmt, ...) G_GNUC_PRINTF (4, 5);

static void
import_fail (Import     *im,
             int         code,
             int         line,
             const char *fmt,
             ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  if (im->error != NULL)
    return;
  va_start (args, fmt);
  msg = g_strdup_vprintf (fmt, args);
  va_end (args);
  if (line > 0)
    im->error = g_error_new (ENLACE_XML_ERROR, code, _("line %d: %s"), line, msg);
  else
    im->error = g_error_new_literal (ENLACE_XML_ERROR, code, msg);
}

/* TRUE when @node is still in the reader's tree: @current, one of its
 * ancestors, a child of one of them, or a grandchild of @current.  Only
 * pointers are compared until @node is found, so a freed node is never
 * read. */
static gboolean
node_is_alive (xmlNodePtr current,
               const void *node)
{
  for (xmlNodePtr c = current ? current->children : NULL; c; c = c->next)
    for (xmlNodePtr g = c->children; g; g = g->next)
      if ((const void *) g == node)
        return TRUE;
  for (xmlNodePtr n = current; n != NULL; n = n->parent)
    {
      if ((const void *) n == node)
        return TRUE;
      for (xmlNodePtr c = n->children; c; c = c->next)
        if ((const void *) c == node)
          return TRUE;
    }
  return FALSE;
}

/* libxml2's own words ("xmlParseCharRef: invalid xmlChar value 0",
 * "internal error: Huge input lookup", "Element port failed to validate
 * attributes") said little to a person: what is wrong, in Enlace's. */
static char *
enlace_words (xmlErrorPtr  err,
              const char  *msg,
              xmlNodePtr   node)
{
  const char *name = node != NULL && node->name != NULL ? (const char *) node->name : NULL;

  if (err->domain == XML_FROM_RELAXNGV || err->domain == XML_FROM_RELAXNGP)
    {
      if (g_str_has_prefix (msg, "Invalid attribute "))
        {
          g_autofree char *attr = g_strdup (msg + strlen ("Invalid attribute "));

          g_strdelimit (attr, " ", '\0');
          return name != NULL
            ? g_strdup_printf (_("attribute “%s” is not part of the Enlace format for <%s>"), attr, name)
            : g_strdup_printf (_("attribute “%s” is not part of the Enlace format here"), attr);
        }
      if (strstr (msg, "failed to validate attributes") != NULL)
        return g_strdup (_("an attribute is not part of the Enlace format for this element, or its value is not one the format allows"));
      if (g_str_has_prefix (msg, "Did not expect text"))
        return g_strdup (_("text where only elements may be: the Enlace format keeps values in attributes"));
      if (g_str_has_prefix (msg, "Did not expect element") ||
          strstr (msg, "has extra content") != NULL ||
          g_str_has_prefix (msg, "Expecting element"))
        return name != NULL
          ? g_strdup_printf (_("a <%s> element is not allowed at this place of the file (elements keep the order of an export)"), name)
          : g_strdup (_("an element is not allowed at this place of the file (elements keep the order of an export)"));
      if (strstr (msg, "failed to validate content") != NULL ||
          g_str_has_prefix (msg, "Expecting an element"))
        return g_strdup (_("the elements inside it are not the ones the Enlace format expects"));
      return NULL;
    }

  switch (err->code)
    {
    case XML_ERR_INVALID_CHARREF:
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_HEX_CHARREF:
      return g_strdup (_("a character XML cannot hold (a control character, or a reference such as &#0;)"));
    case XML_ERR_INTERNAL_ERROR:
      if (strstr (msg, "Huge input lookup") != NULL)
        return g_strdup (_("a value or a text is longer than the 10,000,000 characters an XML reader takes"));
      return NULL;
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return g_strdup (_("an attribute is given twice on one element"));
    case XML_ERR_TAG_NAME_MISMATCH:
    case XML_ERR_TAG_NOT_FINISHED:
      return g_strdup (_("an element is not closed where it should be (its end tag is missing or names another element)"));
    case XML_ERR_DOCUMENT_END:
      return g_strdup (_("something follows the end of the <enlace> element"));
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("the file is empty"));
    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_LT_IN_ATTRIBUTE:
      return g_strdup (_("a “<” that starts no element (in a value, write it as &lt;)"));
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_UNDECLARED_ENTITY:
      return g_strdup (_("an “&” that starts no character reference (in a value, write it as &amp;)"));
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_GT_REQUIRED:
      return g_strdup (_("an attribute is not written as name=\"value\""));
    default:
      return NULL;
    }
}

static void
on_xml_error (void        *data,
              xmlErrorPtr  err)
{
  Import *im = data;
  g_autofree char *msg = NULL;
  int code = ENLACE_XML_ERROR_MALFORMED;
  int line = err->line;
  xmlNodePtr node = NULL;

  if (err->level == XML_ERR_WARNING || im->error != NULL)
    return;

  /* The streaming reader frees each subtree once it has moved past it, so
   * err->node may point at freed memory: it is looked at only when it is
   * the node the reader is on (which is alive).  Otherwise the message
   * keeps libxml2's words and the line. */
  if (err->node != NULL && im->reader != NULL)
    {
      xmlNodePtr current = xmlTextReaderCurrentNode (im->reader);

      if (node_is_alive (current, err->node))
        node = err->node;
      else if (current != NULL && current->type == XML_ELEMENT_NODE)
        node = current;  /* the error is about what the reader has just left */
    }

  msg = g_strstrip (g_strdup (err->message ? err->message : _("unknown error")));
  if (err->domain == XML_FROM_RELAXNGV || err->domain == XML_FROM_RELAXNGP)
    code = ENLACE_XML_ERROR_INVALID;
  else if (err->code == XML_ERR_ENTITY_LOOP ||
           err->code == XML_ERR_UNDECLARED_ENTITY ||
           err->code == XML_WAR_UNDECLARED_ENTITY ||
           err->code == XML_ERR_ENTITY_PE_INTERNAL ||
           err->code == XML_ERR_EXT_ENTITY_STANDALONE)
    code = ENLACE_XML_ERROR_UNSAFE;
  else if (err->code == XML_ERR_INTERNAL_ERROR && strstr (msg, "depth") != NULL)
    {
      code = ENLACE_XML_ERROR_TOO_DEEP;
      g_free (msg);
      msg = g_strdup_printf (_("elements are nested too deeply (more than %d levels)"), 256);
    }

  /* an element's schema error: enlace_xml_diagnose_attributes first */
  if (code != ENLACE_XML_ERROR_TOO_DEEP &&
      !(code == ENLACE_XML_ERROR_INVALID && node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL))
    {
      char *words = enlace_words (err, msg, node);

      if (words != NULL)
        {
          g_free (msg);
          msg = words;
        }
      else if (code == ENLACE_XML_ERROR_MALFORMED)
        {
          /* keep libxml2's detail, say what it is about */
          char *framed = g_strdup_printf (_("not well-formed XML (%s)"), msg);

          g_free (msg);
          msg = framed;
        }
    }

  if (line <= 0 && node != NULL)
    line = xmlGetLineNo (node);
  if (line <= 0 && im->reader != NULL)
    line = xmlTextReaderGetParserLineNumber (im->reader);

  if (node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL &&
      code == ENLACE_XML_ERROR_INVALID)
    {
      char *better = enlace_xml_diagnose_attributes (node);

      if (better == NULL && (strcmp ((const char *) node->name, "a") == 0 ||
                             strcmp ((const char *) node->name, "b") == 0 ||
                             strcmp ((const char *) node->name, "cable") == 0) &&
          strstr (msg, "got nothing") != NULL)
        better = g_strdup (_("a cable needs at least one a end followed by at least one b end"));
      if (better == NULL)
        better = enlace_words (err, msg, node);

      if (better != NULL)
        {
          g_free (msg);
          msg = better;
        }
      import_fail (im, code, line, _("element %s: %s"), (const char *) node->name, msg);
    }
  else
    import_fail (im, code, line, "%s", msg);
}

/* Follows @len bytes of the file; FALSE, with the import failed, when an
 * element has too many attributes or an attribute value is too long. */
static gboolean
scan_bytes (Import     *im,
            const char *buf,
            gssize      len)
{
  XmlScan *sc = &im->scan;

  for (gssize i = 0; i < len; i++)
    {
      char c = buf[i];

      if (c == '\n')
        sc->line++;
      switch (sc->state)
        {
        case SCAN_TEXT:
          {
            const char *lt = memchr (buf + i, '<', len - i);
            const char *end = lt ? lt : buf + len;

            /* count the lines of the text skipped */
            for (const char *q = memchr (buf + i, '\n', end - (buf + i)); q;
                 q = memchr (q + 1, '\n', end - (q + 1)))
              sc->line++;
            if (c == '\n')
              sc->line--;   /* counted above already */
            if (lt == NULL)
              return TRUE;
            i = lt - buf;
            sc->state = SCAN_LT;
          }
          break;
        case SCAN_LT:
          if (c == '!')
            sc->state = SCAN_BANG;
          else if (c == '?' || c == '/')
            sc->state = SCAN_OTHER;
          else
            {
              sc->state = SCAN_TAG;
              sc->n_attrs = 0;
            }
          break;
        case SCAN_TAG:
          if (c == '"' || c == '\'')
            {
              sc->state = SCAN_QUOTE;
              sc->quote = c;
              sc->value_len = 0;
            }
          else if (c == '=')
            {
              if (++sc->n_attrs > MAX_ATTRIBUTES)
                {
                  import_fail (im, ENLACE_XML_ERROR_TOO_BIG, (int) sc->line + 1,
                               _("an element has more than %d attributes (no element of the Enlace format has that many)"),
                               MAX_ATTRIBUTES);
                  return FALSE;
                }
            }
          else if (c == '>')
            sc->state = SCAN_TEXT;
          else
            {
              /* names and blanks: on to the next byte that matters */
              const char *p = buf + i + 1;

              while (p < buf + len && *p != '"' && *p != '\'' && *p != '=' && *p != '>' && *p != '\n')
                p++;
              i = p - buf - 1;
            }
          break;
        case SCAN_QUOTE:
          if (c == sc->quote)
            {
              sc->state = SCAN_TAG;
              break;
            }
          {
            /* the rest of the value in this buffer at once */
            const char *start = buf + i;
            const char *q = memchr (start, sc->quote, len - i);
            const char *stop = q ? q : buf + len;
            gsize run = stop - start;

            if (sc->value_len + run <= MAX_ATTR_BYTES)
              {
                sc->value_len += run;
                /* its lines (the first byte's was counted above) */
                for (const char *nl = memchr (start + 1, '\n', run - 1); nl;
                     nl = memchr (nl + 1, '\n', stop - (nl + 1)))
                  sc->line++;
                i = stop - buf - 1;
                break;
              }
          }
          if (++sc->value_len > MAX_ATTR_BYTES)
            {
              import_fail (im, ENLACE_XML_ERROR_TOO_BIG, (int) sc->line + 1,
                           _("an attribute value is longer than %d bytes, the limit of a value"),
                           (int) MAX_ATTR_BYTES);
              return FALSE;
            }
          break;
        case SCAN_BANG:
          if (c == '-')
            sc->state = SCAN_BANG_DASH;
          else if (c == '[')
            {
              sc->state = SCAN_CDATA;
              sc->run = 0;
            }
          else
            sc->state = c == '>' ? SCAN_TEXT : SCAN_OTHER;
          break;
        case SCAN_BANG_DASH:
          sc->state = c == '-' ? SCAN_COMMENT : c == '>' ? SCAN_TEXT : SCAN_OTHER;
          sc->run = 0;
          break;
        case SCAN_COMMENT:
        case SCAN_CDATA:
          if (c == '>' && sc->run >= 2)
            sc->state = SCAN_TEXT;
          else if (c == (sc->state == SCAN_COMMENT ? '-' : ']'))
            sc->run++;
          else
            sc->run = 0;
          break;
        case SCAN_OTHER:
          if (c == '>')
            sc->state = SCAN_TEXT;
          break;
        }
    }
  return TRUE;
}

static int
import_read_cb (void *data,
                char *buffer,
                int   len)
{
  Import *im = data;
  gssize n;

  /* libxml2 asks for 4 KB at a time: the file is read 256 KB at a time
   * (1M ports: 60,000 system calls fewer) */
  if (im->ahead_pos == im->ahead_len)
    {
      do
        n = read (im->fd, im->ahead, READ_AHEAD);
      while (n < 0 && errno == EINTR);

      if (n < 0)
        {
          int saved = errno;
          import_fail (im, ENLACE_XML_ERROR_FAILED, 0, _("Cannot read %s: %s"),
                       im->path, g_strerror (saved));
          return -1;
        }
      im->ahead_pos = 0;
      im->ahead_len = n;
    }
  n = MIN ((gsize) len, im->ahead_len - im->ahead_pos);
  memcpy (buffer, im->ahead + im->ahead_pos, n);
  im->ahead_pos += n;
  im->read += n;
  if (n > 0 && !scan_bytes (im, buffer, n))
    return -1;
  if (im->read > enlace_xml_max_size ())
    {
      import_fail (im, ENLACE_XML_ERROR_TOO_BIG, 0,
                   _("%s is larger than the limit of %lld bytes"),
                   im->path, (long long) enlace_xml_max_size ());
      return -1;
    }
  return n;
}

static int
import_close_cb (void *data)
{
  return 0;
}

static void
import_progress (Import *im,
                 double  fraction)
{
  if (im->progress == NULL)
    return;
  if (fraction < 1.0 && fraction - im->last_progress < 0.01)
    return;
  im->last_progress = fraction;
  im->progress (fraction, im->progress_data);
}

static const char *
attr_value (xmlAttrPtr attr)
{
  if (attr->children == NULL)
    return "";
  return (const char *) attr->children->content;
}

static gint64
lookup_key (Import     *im,
            int         xk,
            const char *key)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (im->keys[xk], key, NULL, &value))
    return 0;
  return (gint64) GPOINTER_TO_SIZE (value);
}

/* Describes the object an element defines, for messages: "port SW:Gi1" */
static char *
describe (const char *element,
          const char *key)
{
  if (key == NULL || *key == '\0')
    return g_strdup (element);
  return g_strdup_printf ("%s %s", element, key);
}

static void
set_current (Import     *im,
             const char *element,
             const char *key)
{
  g_clear_pointer (&im->cur_what, g_free);
  im->cur_element = element;
  im->cur_key = key;
}

/* Describes the object being read (only a message needs it) */
static const char *
current_what (Import *im)
{
  if (im->cur_what == NULL)
    im->cur_what = describe (im->cur_element, im->cur_key);
  return im->cur_what;
}

static const char *
element_for_kind (int xk)
{
  return enlace_xml_kinds[xk].element;
}

static gboolean
ensure_bulk (Import *im)
{
  GError *local_error = NULL;

  if (im->bulk)
    return TRUE;
  if (!enlace_store_begin_bulk (im->store, &local_error))
    {
      import_fail (im, ENLACE_XML_ERROR_FAILED, 0, "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  im->bulk = TRUE;
  /* Every value the CHECK constraints test (choices, ranges) has been
   * checked by the schema and the validation rules already; SQLite would
   * evaluate each IN (...) list through a temporary b-tree per row. */
  if (!enlace_store_exec (im->store, "PRAGMA ignore_check_constraints = ON", NULL))
    g_debug ("could not turn CHECK constraints off for the import");
  return TRUE;
}

static void
bind_int64 (Import       *im,
            sqlite3_stmt *stmt,
            int           col,
            gint64        value)
{
  if (im->sink != NULL)
    {
      BatchValue bv = { 'i', value, 0, NULL };
      g_array_append_val (im->sink->values, bv);
    }
  else
    sqlite3_bind_int64 (stmt, col, value);
}

static void
bind_double (Import       *im,
             sqlite3_stmt *stmt,
             int           col,
             double        value)
{
  if (im->sink != NULL)
    {
      BatchValue bv = { 'd', 0, value, NULL };
      g_array_append_val (im->sink->values, bv);
    }
  else
    sqlite3_bind_double (stmt, col, value);
}

/* @text lives as long as the element (SQLITE_STATIC) */
static void
bind_text (Import       *im,
           sqlite3_stmt *stmt,
           int           col,
           const char   *text)
{
  if (im->sink != NULL)
    {
      BatchValue bv = { 't', 0, 0, g_string_chunk_insert (im->sink->texts, text) };
      g_array_append_val (im->sink->values, bv);
    }
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_STATIC);
}

static void
batch_init (Batch *b)
{
  b->columns = g_string_new (NULL);
  b->values = g_array_new (FALSE, FALSE, sizeof (BatchValue));
  b->texts = g_string_chunk_new (4096);
}

static void
batch_clear (Batch *b)
{
  g_string_free (b->columns, TRUE);
  g_array_unref (b->values);
  g_string_chunk_free (b->texts);
}

/* Writes the rows waiting in @b; FALSE, with the import failed, when
 * SQLite refuses them or gives them other ids than foreseen (the second
 * pass then says why, row by row). */
static gboolean
batch_flush (Import *im,
             Batch  *b)
{
  sqlite3 *db = enlace_store_get_db (im->store);
  g_autoptr(GString) sql = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  guint n_cols;
  int rc;

  if (b->rows == 0)
    {
      b->table = NULL;
      return TRUE;
    }
  n_cols = b->values->len / b->rows;
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s %s VALUES ", b->table, b->columns->str);
  for (guint r = 0; r < b->rows; r++)
    {
      g_string_append (sql, r ? ", (" : "(");
      for (guint c = 0; c < n_cols; c++)
        g_string_append (sql, c ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  stmt = enlace_store_prepare (im->store, sql->str, &local_error);
  if (stmt == NULL)
    {
      import_fail (im, ENLACE_XML_ERROR_FAILED, 0, "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  for (guint k = 0; k < b->values->len; k++)
    {
      const BatchValue *bv = &g_array_index (b->values, BatchValue, k);

      if (bv->type == 'i')
        sqlite3_bind_int64 (stmt, k + 1, bv->i);
      else if (bv->type == 'd')
        sqlite3_bind_double (stmt, k + 1, bv->d);
      else
        sqlite3_bind_text (stmt, k + 1, bv->t, -1, SQLITE_STATIC);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      import_fail (im, ENLACE_XML_ERROR_FAILED, 0, "%s: %s", b->table, sqlite3_errmsg (db));
      return FALSE;
    }
  if (sqlite3_last_insert_rowid (db) != b->first_id + b->rows - 1)
    {
      import_fail (im, ENLACE_XML_ERROR_FAILED, 0, "%s: the rows did not get the ids foreseen", b->table);
      return FALSE;
    }
  b->rows = 0;
  b->table = NULL;
  g_array_set_size (b->values, 0);
  g_string_chunk_clear (b->texts);
  return TRUE;
}

/* Before anything reads the tables or writes a row itself */
static gboolean
flush_batches (Import *im)
{
  return batch_flush (im, &im->batch[0]) && batch_flush (im, &im->batch[1]);
}

/* Makes @b the batch of rows of @table with @columns (those of @key),
 * and returns the id the next row will get; 0 on failure. */
static gint64
batch_start_row (Import     *im,
                 Batch      *b,
                 const char *table,
                 guint       key,
                 const char *columns)
{
  if (b->table != NULL && (b->key != key || b->rows == BATCH_ROWS) && !batch_flush (im, b))
    return 0;
  if (b->table == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(rowid), 0) + 1 FROM %s", table);
      sqlite3_stmt *q = enlace_store_prepare (im->store, sql, NULL);

      if (q == NULL || sqlite3_step (q) != SQLITE_ROW)
        {
          if (q != NULL)
            sqlite3_reset (q);
          import_fail (im, ENLACE_XML_ERROR_FAILED, 0, "%s: %s", table,
                       sqlite3_errmsg (enlace_store_get_db (im->store)));
          return 0;
        }
      b->first_id = sqlite3_column_int64 (q, 0);
      sqlite3_reset (q);
      b->table = table;
      b->key = key;
      g_string_assign (b->columns, columns);
    }
  return b->first_id + b->rows;
}

/* Explains a failed INSERT */
static void
fail_sql (Import     *im,
          int         line,
          const char *what,
          int         rc)
{
  sqlite3 *db = enlace_store_get_db (im->store);
  const char *msg = sqlite3_errmsg (db);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      if (g_str_has_prefix (msg, "UNIQUE constraint failed: "))
        import_fail (im, ENLACE_XML_ERROR_DUPLICATE, line, _("%s: duplicate value (%s)"),
                     what, msg + strlen ("UNIQUE constraint failed: "));
      else
        import_fail (im, ENLACE_XML_ERROR_RULE, line, "%s: %s", what, msg);
    }
  else
    import_fail (im, ENLACE_XML_ERROR_FAILED, line, "%s: %s", what, msg);
}

static gboolean
import_meta (Import     *im,
             xmlNodePtr  node,
             int         line)
{
  const char *key = NULL, *value = NULL;

  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      if (strcmp ((const char *) a->name, "key") == 0)
        key = attr_value (a);
      else if (strcmp ((const char *) a->name, "value") == 0)
        value = attr_value (a);
    }
  if (key == NULL)
    return TRUE; /* the schema reports it */
  if (g_hash_table_contains (im->meta, key))
    {
      import_fail (im, ENLACE_XML_ERROR_DUPLICATE, line, _("duplicate meta %s"), key);
      return FALSE;
    }
  /* written after the bulk rows, with row images (see apply_meta) */
  g_hash_table_insert (im->meta, g_strdup (key), g_strdup (value));
  return TRUE;
}

/* enlace_xml_field_index() for a field name given as a literal,
 * remembered by the address of the literal (object_key runs for each
 * row). */
static int
field_index (Import      *im,
             const XKind *x,
             const char  *field)
{
  FieldMemo *memo = im->field_memo;
  guint slot = (guint) ((((gsize) field) >> 3) ^ (((gsize) x) >> 4)) % G_N_ELEMENTS (im->field_memo);

  if (memo[slot].x != x || memo[slot].field != field)
    {
      memo[slot].index = enlace_xml_field_index (x, field);
      memo[slot].field = field;
      memo[slot].x = x;
    }
  return memo[slot].index;
}

/* The key under which the object is known to references, or NULL. */
static const char *
object_key (Import      *im,
            int          xk,
            const char **v,
            const char  *person_key)
{
  const XKind *x = &enlace_xml_kinds[xk];
  GString *k = im->kbuf;

#define V(field) (v[field_index (im, x, field)])
  g_string_truncate (k, 0);
  switch (xk)
    {
    case XK_SITE:
    case XK_BUILDING:
    case XK_AREA:
      return V ("code");
    case XK_FLOOR:
      {
        gint64 level = 0;

        if (V ("building_id") == NULL || V ("level") == NULL || !enlace_xml_parse_int (V ("level"), &level))
          return NULL;
        g_string_printf (k, "%s/%" G_GINT64_FORMAT, V ("building_id"), level);
        return k->str;
      }
    case XK_SPACE:
      if (V ("floor_id") == NULL || V ("code") == NULL)
        return NULL;
      g_string_printf (k, "%s/%s", V ("floor_id"), V ("code"));
      return k->str;
    case XK_PERSON:
      return person_key ? person_key : V ("name");
    case XK_RACK:
    case XK_DEVICE:
      return V ("name");
    case XK_DEVICE_TYPE:
      if (V ("manufacturer") == NULL || V ("model") == NULL)
        return NULL;
      g_string_printf (k, "%s/%s", V ("manufacturer"), V ("model"));
      return k->str;
    case XK_PORT:
      if (V ("device_id") == NULL || V ("name") == NULL)
        return NULL;
      g_string_append (k, V ("device_id"));
      g_string_append_c (k, ':');
      g_string_append (k, V ("name"));
      return k->str;
    case XK_CIRCUIT:
      return V ("cid");
    case XK_CIRCUIT_TERMINATION:
      if (V ("side") == NULL)
        return NULL;
      g_string_printf (k, "%s:%s", im->parent_key, V ("side"));
      return k->str;
    case XK_CABLE:
      return V ("label");
    case XK_EXTENSION:
      return V ("number");
    case XK_PORT_TEMPLATE:
      return V ("name");
    default:
      return NULL;
    }
#undef V
}

/* The attributes of @node, per field of the kind of @xk (v[f], NULL when
 * absent), and the key attribute of a person. */
static void
read_attributes (int          xk,
                 xmlNodePtr   node,
                 const char **v,
                 const char **person_key)
{
  const XKind *x = &enlace_xml_kinds[xk];
  guint n = x->kind->n_fields;
  guint next = 0;  /* an export writes the attributes in the order of the fields */

  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;

      if (xk == XK_PERSON && strcmp (name, "key") == 0)
        {
          *person_key = attr_value (a);
          continue;
        }
      for (guint i = 0; i < n; i++)
        {
          guint f = (next + i) % n;

          if (x->attrs[f] != NULL && strcmp (x->attrs[f], name) == 0)
            {
              v[f] = attr_value (a);
              next = f + 1;
              break;
            }
        }
      /* unknown attributes: the schema reports them */
    }
}

/* enlace_xml_kind_by_element(), remembering the elements met: their
 * names come from the reader's dictionary, one pointer per name. */
static int
kind_by_element (Import     *im,
                 const char *name)
{
  guint slot = (guint) (((gsize) name) >> 3) % G_N_ELEMENTS (im->element_memo);

  if (name != im->element_memo[slot].name)
    {
      im->element_memo[slot].name = name;
      im->element_memo[slot].xk = enlace_xml_kind_by_element (name);
    }
  return im->element_memo[slot].xk;
}

/* The INSERT of the kind of @xk for the fields in @mask, prepared once
 * per import (the store's cache would hash its text for every row). */
static sqlite3_stmt *
insert_stmt (Import  *im,
             int      xk,
             guint    mask,
             GError **error)
{
  const EnlaceKind *kind = enlace_xml_kinds[xk].kind;
  gpointer cache_key = GSIZE_TO_POINTER (((gsize) xk << MAX_FIELDS) | mask);
  gpointer stmt;
  g_autoptr(GString) s = NULL;
  guint n = 0;

  if (g_hash_table_lookup_extended (im->stmt_cache, cache_key, NULL, &stmt))
    return stmt;

  s = g_string_new (NULL);
  g_string_append_printf (s, "INSERT INTO %s (", kind->table);
  for (guint f = 0; f < kind->n_fields; f++)
    if (mask & (1u << f))
      g_string_append_printf (s, "%s%s", n++ ? ", " : "", kind->fields[f].name);
  g_string_append (s, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append (s, i ? ", ?" : "?");
  g_string_append (s, ")");
  stmt = enlace_store_prepare (im->store, s->str, error);
  if (stmt != NULL)
    g_hash_table_insert (im->stmt_cache, cache_key, stmt);
  return stmt;
}

/* The id of the object referred to by field @f (a REF), 0 when unknown. */
static gint64
resolve_ref (Import      *im,
             int          xk,
             const char **v,
             guint        f,
             int          line)
{
  const XKind *x = &enlace_xml_kinds[xk];
  int rxk = x->ref_xk[f];
  const char *ref = v[f];
  gint64 ref_id;

  /* a port mapping names ports of its own device */
  if (xk == XK_PORT_MAPPING && rxk == XK_PORT)
    {
      g_string_truncate (im->kbuf, 0);
      g_string_append (im->kbuf, v[field_index (im, x, "device_id")]);
      g_string_append_c (im->kbuf, ':');
      g_string_append (im->kbuf, v[f]);
      ref = im->kbuf->str;
    }
  ref_id = lookup_key (im, rxk, ref);
  if (ref_id == 0)
    import_fail (im, ENLACE_XML_ERROR_REFERENCE, line, _("%s: no %s %s"),
                 current_what (im), element_for_kind (rxk), ref);
  return ref_id;
}

/* Binds field @f (text v[f]) to column @col of @stmt, and sets it in
 * @values (may be NULL).  FALSE, with the import failed, on a bad value. */
static gboolean
bind_field (Import        *im,
            int            xk,
            const char   **v,
            guint          f,
            sqlite3_stmt  *stmt,
            int            col,
            JsonObject    *values,
            int            line)
{
  const XKind *x = &enlace_xml_kinds[xk];
  const EnlaceField *field = &x->kind->fields[f];
  const char *text = v[f];
  gint64 i64;
  double d;

  if (x->attrs[f] == NULL)
    {
      /* the parent of a nested element */
      bind_int64 (im, stmt, col, im->parent_id);
      im->ids[f] = im->parent_id;
      if (values != NULL)
        json_object_set_int_member (values, field->name, im->parent_id);
      return TRUE;
    }

  switch (field->type)
    {
    case ENLACE_FIELD_POLYGON:
    case ENLACE_FIELD_POLYLINE:
      if (!enlace_points_valid (text, 0))
        {
          g_autoptr(GError) why = NULL;
          g_autofree char *shown = NULL;

          /* Quote the start of a long value only (it was echoed in full:
           * 100 KB on one line); say which limit a huge one breaks. */
          if (g_utf8_strlen (text, 61) > 60)
            {
              g_autofree char *head = g_utf8_substring (text, 0, 60);
              shown = g_strdup_printf ("%s…", head);
            }
          else
            shown = g_strdup (text);
          if (!enlace_json_within_bounds (text, -1, &why))
            import_fail (im, ENLACE_XML_ERROR_INVALID, line,
                         _("%s: %s “%s”: %s"), current_what (im), x->attrs[f], shown, why->message);
          else
            import_fail (im, ENLACE_XML_ERROR_INVALID, line,
                         _("%s: %s must be a JSON list of [x, y] points, not “%s”"),
                         current_what (im), x->attrs[f], shown);
          return FALSE;
        }
      {
        g_autofree char *rule = NULL;

        if (!enlace_points_in_range (text, &rule))
          {
            import_fail (im, ENLACE_XML_ERROR_RULE, line, _("%s: %s: %s"), current_what (im), x->attrs[f], rule);
            return FALSE;
          }
      }
      G_GNUC_FALLTHROUGH;
    case ENLACE_FIELD_TEXT:
    case ENLACE_FIELD_CHOICE:
      bind_text (im, stmt, col, text);
      if (values != NULL)
        json_object_set_string_member (values, field->name, text);
      break;
    case ENLACE_FIELD_INT:
      if (!enlace_xml_parse_int (text, &i64))
        {
          import_fail (im, ENLACE_XML_ERROR_INVALID, line,
                       _("%s: %s must be a whole number, not “%s”"), current_what (im), x->attrs[f], text);
          return FALSE;
        }
      bind_int64 (im, stmt, col, i64);
      im->ids[f] = i64;
      if (values != NULL)
        json_object_set_int_member (values, field->name, i64);
      break;
    case ENLACE_FIELD_BOOL:
      if (!enlace_xml_parse_bool (text, &i64))
        {
          import_fail (im, ENLACE_XML_ERROR_INVALID, line,
                       _("%s: %s must be true or false, not “%s”"), current_what (im), x->attrs[f], text);
          return FALSE;
        }
      bind_int64 (im, stmt, col, i64);
      if (values != NULL)
        json_object_set_boolean_member (values, field->name, i64 != 0);
      break;
    case ENLACE_FIELD_REAL:
      if (!enlace_xml_parse_real (text, &d))
        {
          import_fail (im, ENLACE_XML_ERROR_INVALID, line,
                       _("%s: %s must be a number, not “%s”"), current_what (im), x->attrs[f], text);
          return FALSE;
        }
      {
        g_autofree char *rule = NULL;

        if (!enlace_field_real_in_range (field, d, &rule))
          {
            import_fail (im, ENLACE_XML_ERROR_RULE, line, _("%s: %s=“%s” is out of range: %s"),
                         current_what (im), x->attrs[f], text, rule);
            return FALSE;
          }
      }
      bind_double (im, stmt, col, d);
      if (values != NULL)
        json_object_set_double_member (values, field->name, d);
      break;
    case ENLACE_FIELD_REF:
      i64 = resolve_ref (im, xk, v, f, line);
      if (i64 == 0)
        return FALSE;
      bind_int64 (im, stmt, col, i64);
      im->ids[f] = i64;
      if (values != NULL)
        json_object_set_int_member (values, field->name, i64);
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static const PortInfo *
port_info (Import *im,
           gint64  id)
{
  const PortInfo *pi;

  if (id <= 0 || (guint64) id >= im->ports->len)
    return NULL;
  pi = &g_array_index (im->ports, PortInfo, id);
  return pi->device != 0 ? pi : NULL;
}

/* TRUE when the store's rule for the object just bound could only accept
 * it: it is then not asked (its queries were a tenth of an import's
 * time).  When in doubt FALSE, and the rule says. */
static gboolean
surely_valid (Import      *im,
              int          xk,
              const char **v)
{
  switch (xk)
    {
    case XK_PORT_MAPPING:
      /* enlace_validate_port_mapping: each port is of the mapping's
       * device, of the side's kind, and has the position */
      for (guint i = 0; i < 2; i++)
        {
          const PortInfo *pi = port_info (im, im->ids[im->fi.pm_port[i]]);
          gint64 pos = v[im->fi.pm_pos[i]] != NULL ? im->ids[im->fi.pm_pos[i]] : 1;

          if (pi == NULL || (gint64) pi->device != im->ids[im->fi.pm_device] ||
              pi->kind != (i == 0 ? 'f' : 'r') || pos < 1 || pos > pi->positions)
            return FALSE;
        }
      return TRUE;
    case XK_DEVICE:
      /* enlace_validate_device, for a device in no rack: its type and
       * space exist (their ids are those of rows of the file), no asset
       * tag to compare, no colon in its name, an outlet has a space */
      {
        const char *asset = v[im->fi.device_asset];

        return v[im->fi.device_rack] == NULL && v[im->fi.device_u] == NULL && v[im->fi.device_face] == NULL &&
               (asset == NULL || *asset == '\0') &&
               v[im->fi.device_name] != NULL && strchr (v[im->fi.device_name], ':') == NULL &&
               (g_strcmp0 (v[im->fi.device_role], "outlet") != 0 || v[im->fi.device_space] != NULL);
      }
    case XK_CABLE:
      {
        /* enlace_validate_cable: the label is new (the project was empty
         * and the keys of the file are unique), no pairs to check */
        double length = 0;

        return v[im->fi.cable_pairs] == NULL &&
               g_strcmp0 (v[im->fi.cable_type], "multipair") != 0 &&
               (v[im->fi.cable_length] == NULL ||
                (enlace_xml_parse_real (v[im->fi.cable_length], &length) && length >= 0));
      }
    default:
      return FALSE;
    }
}

/* Keeps what a port mapping's rule asks of port @id */
static void
remember_port (Import      *im,
               gint64       id,
               const char **v)
{
  PortInfo pi = { 0 };
  const char *kind = v[im->fi.port_kind];
  gint64 device = im->ids[im->fi.port_device];

  if (id <= 0 || id > G_MAXUINT32 || device <= 0 || device > G_MAXUINT32 || kind == NULL ||
      v[im->fi.port_positions] == NULL ||
      im->ids[im->fi.port_positions] < 1 || im->ids[im->fi.port_positions] > G_MAXUINT16)
    return;
  pi.device = (guint32) device;
  pi.positions = (guint16) im->ids[im->fi.port_positions];
  pi.kind = strcmp (kind, "front") == 0 ? 'f' : strcmp (kind, "rear") == 0 ? 'r' : 'i';
  if ((guint64) id >= im->ports->len)
    g_array_set_size (im->ports, MAX ((guint) id + 1, im->ports->len * 2));
  g_array_index (im->ports, PortInfo, id) = pi;
}

/* Inserts the object of one element; returns its id, 0 on failure. */
static gint64
import_object (Import     *im,
               int         xk,
               xmlNodePtr  node,
               int         line,
               char      **out_key)
{
  const XKind *x = &enlace_xml_kinds[xk];
  const EnlaceKind *kind = x->kind;
  const char *v[MAX_FIELDS] = { NULL };
  const char *person_key = NULL;
  const char *key;
  guint mask = 0;
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  int rc, col;
  gint64 id;
  const char *deferred_parent = NULL;
  g_autoptr(JsonObject) values = NULL;

  g_assert (kind->n_fields <= MAX_FIELDS);

  read_attributes (xk, node, v, &person_key);
  /* kept for the key table (object_key's buffer serves references too) */
  key = object_key (im, xk, v, person_key);
  if (key != NULL)
    key = g_string_chunk_insert (im->key_texts, key);
  set_current (im, x->element, key);

  if (key != NULL && im->keys[xk] != NULL && xk != XK_PORT_TEMPLATE &&
      g_hash_table_contains (im->keys[xk], key))
    {
      import_fail (im, ENLACE_XML_ERROR_DUPLICATE, line,
                   _("duplicate %s %s: the key is already defined earlier in the file"),
                   x->element, key);
      return 0;
    }

  /* the INSERT for the set of present fields; the parent of an area is
   * set once every area is in */
  for (guint f = 0; f < kind->n_fields; f++)
    if (v[f] != NULL || x->attrs[f] == NULL)
      mask |= 1u << f;
  if (xk == XK_AREA && v[field_index (im, x, "parent_id")] != NULL)
    {
      deferred_parent = v[field_index (im, x, "parent_id")];
      mask &= ~(1u << field_index (im, x, "parent_id"));
    }
  /* The first pass writes ports, and the devices, port mappings and
   * cables that need not see their rule, 64 at a time */
  if (im->fast != NULL && deferred_parent == NULL &&
      (xk == XK_PORT || xk == XK_PORT_MAPPING || xk == XK_CABLE || xk == XK_DEVICE))
    {
      Batch *b = &im->batch[0];
      guint bkey = ((guint) xk << MAX_FIELDS) | mask;
      g_autoptr(GString) columns = NULL;
      gint64 next_id;
      guint old_len;
      gboolean ok = TRUE;

      if (b->table == NULL || b->key != bkey || b->rows == BATCH_ROWS)
        {
          columns = g_string_new ("(");
          for (guint f = 0; f < kind->n_fields; f++)
            if (mask & (1u << f))
              g_string_append_printf (columns, "%s%s", columns->len > 1 ? ", " : "", kind->fields[f].name);
          g_string_append_c (columns, ')');
        }
      next_id = batch_start_row (im, b, kind->table, bkey, columns ? columns->str : NULL);
      if (next_id == 0)
        return 0;
      old_len = b->values->len;
      im->sink = b;
      for (guint f = 0; f < kind->n_fields && ok; f++)
        if (mask & (1u << f))
          ok = bind_field (im, xk, v, f, NULL, 0, NULL, line);
      im->sink = NULL;
      if (!ok)
        return 0;
      if (!im->validate[xk] || kind->validate == NULL || surely_valid (im, xk, v))
        {
          b->rows++;
          id = next_id;
          goto inserted;
        }
      /* its rule must see it: written alone, after the rows before it */
      g_array_set_size (b->values, old_len);
    }
  if (im->fast != NULL && !flush_batches (im))
    return 0;

  stmt = insert_stmt (im, xk, mask, &local_error);
  if (stmt == NULL)
    {
      import_fail (im, ENLACE_XML_ERROR_FAILED, line, "%s: %s", current_what (im), local_error->message);
      g_error_free (local_error);
      return 0;
    }

  col = 0;
  for (guint f = 0; f < kind->n_fields; f++)
    if ((mask & (1u << f)) && !bind_field (im, xk, v, f, stmt, ++col, NULL, line))
      {
        sqlite3_clear_bindings (stmt);
        return 0;
      }

  /* the values as the validation rules of the store see them */
  if (im->validate[xk] && kind->validate != NULL && !surely_valid (im, xk, v))
    {
      values = json_object_new ();
      col = 0;
      for (guint f = 0; f < kind->n_fields; f++)
        if ((mask & (1u << f)) && !bind_field (im, xk, v, f, stmt, ++col, values, line))
          {
            sqlite3_clear_bindings (stmt);
            return 0;
          }
    }

  if (values != NULL && !kind->validate (im->store, 0, values, &local_error))
    {
      sqlite3_clear_bindings (stmt);
      import_fail (im, ENLACE_XML_ERROR_RULE, line, "%s", local_error->message);
      g_error_free (local_error);
      return 0;
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      fail_sql (im, line, current_what (im), rc);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (enlace_store_get_db (im->store));

inserted:
  im->n_objects++;
  set_current (im, NULL, NULL);
  if (xk == XK_PORT)
    remember_port (im, id, v);

  if (key != NULL && im->keys[xk] != NULL && xk != XK_PORT_TEMPLATE)
    g_hash_table_insert (im->keys[xk], (gpointer) key, GSIZE_TO_POINTER ((gsize) id));

  if (deferred_parent != NULL)
    {
      DeferredParent dp = { id, g_strdup (deferred_parent), line };
      g_array_append_val (im->deferred, dp);
    }
  if (out_key != NULL)
    *out_key = g_strdup (key);

  return id;
}

static gboolean
import_cable_end (Import     *im,
                  xmlNodePtr  node,
                  int         line)
{
  int end = strcmp ((const char *) node->name, "a") == 0 ? 0 : 1;
  const char *end_name = end == 0 ? "a" : "b";
  const char *port = NULL, *circuit = NULL;
  const char *what;
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  gint64 term;
  int kind, rc;

  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      if (strcmp ((const char *) a->name, "port") == 0)
        port = attr_value (a);
      else if (strcmp ((const char *) a->name, "circuit") == 0)
        circuit = attr_value (a);
    }
  if (port == NULL && circuit == NULL)
    return TRUE; /* the schema reports it */

  set_current (im, "cable", im->parent_key);
  kind = port ? XK_PORT : XK_CIRCUIT_TERMINATION;
  term = lookup_key (im, kind, port ? port : circuit);
  if (term == 0)
    {
      import_fail (im, ENLACE_XML_ERROR_REFERENCE, line, _("%s end %s: no %s %s"),
                   current_what (im), end_name, port ? "port" : "circuit termination", port ? port : circuit);
      return FALSE;
    }
  if (im->end_kind[end] >= 0 && im->end_kind[end] != kind)
    {
      import_fail (im, ENLACE_XML_ERROR_RULE, line,
                   _("%s end %s: an end holds either ports or circuit terminations, not both"),
                   current_what (im), end_name);
      return FALSE;
    }
  im->end_kind[end] = kind;

  if (im->fast != NULL && port != NULL)
    {
      Batch *b = &im->batch[1];

      if (batch_start_row (im, b, "cable_end", 1, "(cable_id, end, port_id, seq)") == 0)
        return FALSE;
      im->sink = b;
      bind_int64 (im, NULL, 0, im->parent_id);
      bind_text (im, NULL, 0, end == 0 ? "A" : "B");
      bind_int64 (im, NULL, 0, term);
      bind_int64 (im, NULL, 0, im->end_seq[end]++);
      im->sink = NULL;
      b->rows++;
      return TRUE;
    }
  if (im->fast != NULL && !flush_batches (im))
    return FALSE;

  stmt = im->end_stmt[port ? 0 : 1];
  if (stmt == NULL)
    stmt = im->end_stmt[port ? 0 : 1] =
      enlace_store_prepare (im->store,
                            port ? "INSERT INTO cable_end (cable_id, end, port_id, seq) VALUES (?1, ?2, ?3, ?4)"
                                 : "INSERT INTO cable_end (cable_id, end, termination_id, seq) VALUES (?1, ?2, ?3, ?4)",
                            &local_error);
  if (stmt == NULL)
    {
      import_fail (im, ENLACE_XML_ERROR_FAILED, line, "%s: %s", current_what (im), local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, im->parent_id);
  sqlite3_bind_text (stmt, 2, end == 0 ? "A" : "B", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, term);
  sqlite3_bind_int (stmt, 4, im->end_seq[end]++);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  what = current_what (im);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      /* the termination already carries a cable: say which */
      sqlite3_stmt *q = enlace_store_prepare (im->store,
                                              port ? "SELECT c.id, c.label FROM cable_end e JOIN cable c ON c.id = e.cable_id WHERE e.port_id = ?1"
                                                   : "SELECT c.id, c.label FROM cable_end e JOIN cable c ON c.id = e.cable_id WHERE e.termination_id = ?1",
                                              NULL);
      if (q != NULL)
        {
          sqlite3_bind_int64 (q, 1, term);
          if (sqlite3_step (q) == SQLITE_ROW)
            {
              gint64 other = sqlite3_column_int64 (q, 0);
              const char *label = (const char *) sqlite3_column_text (q, 1);
              g_autofree char *other_name = label ? g_strdup (label) : g_strdup_printf ("#%" G_GINT64_FORMAT, other);

              if (other == im->parent_id)
                import_fail (im, ENLACE_XML_ERROR_RULE, line,
                             _("%s end %s: %s %s appears twice in the cable (the ends must be disjoint)"),
                             what, end_name, port ? "port" : "circuit termination", port ? port : circuit);
              else
                import_fail (im, ENLACE_XML_ERROR_RULE, line,
                             _("%s end %s: %s %s already carries cable %s"),
                             what, end_name, port ? "port" : "circuit termination", port ? port : circuit,
                             other_name);
            }
          sqlite3_reset (q);
        }
    }
  fail_sql (im, line, what, rc);
  return FALSE;
}

static gboolean
import_status_change (Import     *im,
                      xmlNodePtr  node,
                      int         line)
{
  const char *at = NULL, *status = NULL, *reason = NULL;
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  int rc;

  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;

      if (strcmp (name, "at") == 0)
        at = attr_value (a);
      else if (strcmp (name, "status") == 0)
        status = attr_value (a);
      else if (strcmp (name, "reason") == 0)
        reason = attr_value (a);
    }
  if (at == NULL || status == NULL)
    return TRUE; /* the schema reports it */
  if (im->fast != NULL && !flush_batches (im))
    return FALSE;

  stmt = enlace_store_prepare (im->store,
                               "INSERT INTO extension_status (extension_id, at, status, reason) VALUES (?1, ?2, ?3, ?4)",
                               &local_error);
  if (stmt == NULL)
    {
      import_fail (im, ENLACE_XML_ERROR_FAILED, line, "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, im->parent_id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);
  if (reason != NULL)
    sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = describe ("extension", im->parent_key);
      fail_sql (im, line, what, rc);
      return FALSE;
    }
  return TRUE;
}

/* <laid-cable cable="LABEL"/> (or port=, circuit= for a cable without a
 * label) inside a pathway: a row of pathway_cable. */
static gboolean
import_laid_cable (Import     *im,
                   xmlNodePtr  node,
                   int         line)
{
  const char *cable = NULL, *port = NULL, *circuit = NULL;
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  gint64 cable_id = 0;
  int rc;

  for (xmlAttrPtr a = node->properties; a; a = a->next)
    {
      const char *name = (const char *) a->name;

      if (strcmp (name, "cable") == 0)
        cable = attr_value (a);
      else if (strcmp (name, "port") == 0)
        port = attr_value (a);
      else if (strcmp (name, "circuit") == 0)
        circuit = attr_value (a);
    }

  if (cable != NULL)
    {
      cable_id = lookup_key (im, XK_CABLE, cable);
      if (cable_id == 0)
        {
          import_fail (im, ENLACE_XML_ERROR_REFERENCE, line, _("pathway: laid cable: no cable %s"), cable);
          return FALSE;
        }
    }
  else if (port != NULL || circuit != NULL)
    {
      gint64 term = lookup_key (im, port ? XK_PORT : XK_CIRCUIT_TERMINATION, port ? port : circuit);

      if (term != 0)
        {
          stmt = enlace_store_prepare (im->store,
                                       port ? "SELECT cable_id FROM cable_end WHERE port_id = ?1"
                                            : "SELECT cable_id FROM cable_end WHERE termination_id = ?1",
                                       NULL);
          if (stmt != NULL)
            {
              sqlite3_bind_int64 (stmt, 1, term);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                cable_id = sqlite3_column_int64 (stmt, 0);
              sqlite3_reset (stmt);
            }
        }
      if (cable_id == 0)
        {
          import_fail (im, ENLACE_XML_ERROR_REFERENCE, line, _("pathway: laid cable: no cable ends on %s %s"),
                       port ? "port" : "circuit termination", port ? port : circuit);
          return FALSE;
        }
    }
  else
    return TRUE; /* the schema reports it */

  stmt = enlace_store_prepare (im->store, "INSERT INTO pathway_cable (pathway_id, cable_id) VALUES (?1, ?2)",
                               &local_error);
  if (stmt == NULL)
    {
      import_fail (im, ENLACE_XML_ERROR_FAILED, line, "%s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, im->parent_id);
  sqlite3_bind_int64 (stmt, 2, cable_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("pathway: laid cable %s"),
                                               cable ? cable : port ? port : circuit);
      fail_sql (im, line, what, rc);
      return FALSE;
    }
  return TRUE;
}

static void
close_parent (Import *im)
{
  im->parent_xk = -1;
  im->parent_id = 0;
  g_clear_pointer (&im->parent_key, g_free);
  im->end_kind[0] = im->end_kind[1] = -1;
  im->end_seq[0] = im->end_seq[1] = 0;
}

/* An architect's plan: base64 content, checked against its SHA-256. */
static gboolean
import_attachment (Import     *im,
                   xmlNodePtr  node,
                   int         line)
{
  g_autofree char *id_text = (char *) xmlGetProp (node, BAD_CAST "id");
  g_autofree char *sha = (char *) xmlGetProp (node, BAD_CAST "sha256");
  g_autofree char *mime = (char *) xmlGetProp (node, BAD_CAST "mime");
  g_autofree char *name = (char *) xmlGetProp (node, BAD_CAST "name");
  g_autofree char *b64 = (char *) xmlTextReaderReadString (im->reader);
  g_autofree guchar *data = NULL;
  g_autofree char *actual = NULL;
  sqlite3_stmt *stmt;
  gsize len = 0;
  gint64 id = 0;

  if (id_text == NULL || !enlace_xml_parse_int (id_text, &id) || id <= 0 || sha == NULL || mime == NULL)
    {
      import_fail (im, ENLACE_XML_ERROR_INVALID, line, _("attachment: id, sha256 and mime are required"));
      return FALSE;
    }
  data = g_base64_decode (b64 ? g_strstrip (b64) : "", &len);
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
  if (g_ascii_strcasecmp (actual, sha) != 0)
    {
      import_fail (im, ENLACE_XML_ERROR_INVALID, line,
                   _("attachment %s: its contents do not match its SHA-256 (damaged file?)"), id_text);
      return FALSE;
    }
  stmt = enlace_store_prepare (im->store,
                               "INSERT INTO attachment (id, sha256, mime, name, data) VALUES (?1, ?2, ?3, ?4, ?5)",
                               &im->error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, actual, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mime, -1, SQLITE_TRANSIENT);
  if (name)
    sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 5, data, len, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      import_fail (im, ENLACE_XML_ERROR_DUPLICATE, line, _("attachment %s: %s"), id_text,
                   sqlite3_errmsg (enlace_store_get_db (im->store)));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64 import_id_cb (gpointer data, const char *kind, const char *key);

/* <cabling-rule> (model/rules), <label-template>, <bom-price>,
 * <cable-test> (model/bom): checked by their areas' own rules. */
static gboolean
import_design_element (Import     *im,
                       xmlNodePtr  node,
                       int         line)
{
  GError *local_error = NULL;
  gboolean ok;

  /* a test finds its cable by the cable ends: write the batched rows */
  if (!ensure_bulk (im) || (im->fast != NULL && !flush_batches (im)))
    return FALSE;
  if (strcmp ((const char *) node->name, "cabling-rule") == 0)
    ok = enlace_rules_xml_import (im->store, node, &local_error);
  else
    ok = enlace_bom_xml_import (im->store, node, import_id_cb, im, &local_error);
  if (!ok)
    {
      import_fail (im,
                   local_error != NULL && local_error->domain == ENLACE_XML_ERROR ? local_error->code
                   : ENLACE_XML_ERROR_FAILED,
                   line, "%s", local_error != NULL ? local_error->message : _("unknown error"));
      g_clear_error (&local_error);
    }
  return ok;
}

static gboolean
import_element (Import     *im,
                xmlNodePtr  node,
                int         depth)
{
  const char *name = (const char *) node->name;
  int line = xmlGetLineNo (node);

  if (depth == 0)
    return TRUE; /* <enlace>: the schema checks it */

  if (depth == 1)
    {
      int xk;
      gint64 id;

      close_parent (im);
      if (strcmp (name, "meta") == 0)
        return import_meta (im, node, line);
      if (strcmp (name, "attachment") == 0)
        return ensure_bulk (im) && (im->fast == NULL || flush_batches (im)) &&
               import_attachment (im, node, line);
      if (enlace_cases_xml_handles (name))
        {
          GError *local_error = NULL;
          xmlNodePtr full;

          if (!ensure_bulk (im) || (im->fast != NULL && !flush_batches (im)))
            return FALSE;
          full = xmlTextReaderExpand (im->reader);
          if (full == NULL || !enlace_cases_xml_import_element (im->cases, full, &local_error))
            {
              import_fail (im,
                           local_error == NULL ? ENLACE_XML_ERROR_MALFORMED
                           : local_error->domain == ENLACE_XML_ERROR ? local_error->code : ENLACE_XML_ERROR_RULE,
                           line, "%s", local_error ? local_error->message : _("the file is not well-formed XML"));
              g_clear_error (&local_error);
              return FALSE;
            }
          return TRUE;
        }

      if (strcmp (name, "cabling-rule") == 0 || enlace_bom_xml_handles (name))
        return import_design_element (im, node, line);

      xk = kind_by_element (im, name);
      if (xk < 0 || enlace_xml_kinds[xk].parent >= 0)
        return TRUE; /* the schema reports it */
      if (!ensure_bulk (im))
        return FALSE;
      id = import_object (im, xk, node, line, &im->parent_key);
      if (id == 0)
        return FALSE;
      im->parent_xk = xk;
      im->parent_id = id;
      return TRUE;
    }

  if (depth == 2)
    {
      int xk = kind_by_element (im, name);

      if (xk >= 0 && enlace_xml_kinds[xk].parent == im->parent_xk)
        return import_object (im, xk, node, line, NULL) != 0;
      if (im->parent_xk == XK_CABLE && (strcmp (name, "a") == 0 || strcmp (name, "b") == 0))
        return import_cable_end (im, node, line);
      if (im->parent_xk == XK_EXTENSION && strcmp (name, "status-change") == 0)
        return import_status_change (im, node, line);
      if (im->parent_xk == XK_PATHWAY && strcmp (name, "laid-cable") == 0)
        return import_laid_cable (im, node, line);
      return TRUE; /* the schema reports it */
    }

  return TRUE;
}

/* Meta rows may replace rows that were there before the import: they are
 * written through the store's recorded path (so that undo restores the
 * old values) once the bulk rows are in. */
static gboolean
apply_meta (Import  *im,
            GError **error)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (im->meta), (GCompareFunc) strcmp);

  for (GList *l = keys; l; l = l->next)
    if (!enlace_store_set_meta (im->store, l->data, g_hash_table_lookup (im->meta, l->data), error))
      return FALSE;
  return TRUE;
}

static gboolean
resolve_deferred (Import *im)
{
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  for (guint i = 0; i < im->deferred->len; i++)
    {
      DeferredParent *dp = &g_array_index (im->deferred, DeferredParent, i);
      gint64 parent = lookup_key (im, XK_AREA, dp->parent);
      int rc;

      if (parent == 0)
        {
          g_autofree char *code = NULL;
          sqlite3_stmt *q = enlace_store_prepare (im->store, "SELECT code FROM area WHERE id = ?1", NULL);

          if (q != NULL)
            {
              sqlite3_bind_int64 (q, 1, dp->area_id);
              if (sqlite3_step (q) == SQLITE_ROW)
                code = g_strdup ((const char *) sqlite3_column_text (q, 0));
              sqlite3_reset (q);
            }
          import_fail (im, ENLACE_XML_ERROR_REFERENCE, dp->line, _("area %s: no area %s"),
                       code ? code : "", dp->parent);
          return FALSE;
        }
      stmt = enlace_store_prepare (im->store, "UPDATE area SET parent_id = ?1 WHERE id = ?2", &local_error);
      if (stmt == NULL)
        {
          import_fail (im, ENLACE_XML_ERROR_FAILED, dp->line, "%s", local_error->message);
          g_error_free (local_error);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, parent);
      sqlite3_bind_int64 (stmt, 2, dp->area_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fail_sql (im, dp->line, "area", rc);
          return FALSE;
        }
    }

  /* no area may be its own ancestor */
  for (guint i = 0; i < im->deferred->len; i++)
    {
      DeferredParent *dp = &g_array_index (im->deferred, DeferredParent, i);
      sqlite3_stmt *q = enlace_store_prepare (im->store,
                                              "WITH RECURSIVE up(id, n) AS (SELECT parent_id, 1 FROM area WHERE id = ?1 "
                                              "UNION ALL SELECT a.parent_id, up.n + 1 FROM area a JOIN up ON a.id = up.id "
                                              "WHERE up.n < 100000) SELECT count(*) FROM up WHERE id = ?1",
                                              NULL);
      gboolean cycle = FALSE;

      if (q == NULL)
        break;
      sqlite3_bind_int64 (q, 1, dp->area_id);
      if (sqlite3_step (q) == SQLITE_ROW)
        cycle = sqlite3_column_int64 (q, 0) > 0;
      sqlite3_reset (q);
      if (cycle)
        {
          g_autofree char *code = NULL;

          q = enlace_store_prepare (im->store, "SELECT code FROM area WHERE id = ?1", NULL);
          if (q != NULL)
            {
              sqlite3_bind_int64 (q, 1, dp->area_id);
              if (sqlite3_step (q) == SQLITE_ROW)
                code = g_strdup ((const char *) sqlite3_column_text (q, 0));
              sqlite3_reset (q);
            }
          import_fail (im, ENLACE_XML_ERROR_RULE, dp->line,
                       _("area %s: parent %s makes the area its own ancestor"),
                       code ? code : "", dp->parent);
          return FALSE;
        }
    }
  return TRUE;
}

/* Ids of the objects read so far, for the cases' references. */
static gint64
import_id_cb (gpointer    data,
              const char *kind,
              const char *key)
{
  Import *im = data;
  int xk = enlace_xml_kind_by_name (kind);

  if (xk < 0 || im->keys[xk] == NULL)
    return 0;
  return lookup_key (im, xk, key);
}

static gboolean
project_is_empty (EnlaceStore  *store,
                  GError      **error)
{
  /* the rows of kinds, and those of the tables the file also carries
   * (a project's rule set, label templates and prices are its own) */
  g_autoptr(GString) sql = g_string_new ("SELECT EXISTS (SELECT 1 FROM cable_end) OR EXISTS (SELECT 1 FROM extension_status) "
                                         "OR EXISTS (SELECT 1 FROM cabling_rule) OR EXISTS (SELECT 1 FROM label_template) "
                                         "OR EXISTS (SELECT 1 FROM bom_price)");
  sqlite3_stmt *stmt;
  gboolean empty;

  for (int i = 0; i < enlace_xml_n_kinds; i++)
    g_string_append_printf (sql, " OR EXISTS (SELECT 1 FROM %s)", enlace_xml_kinds[i].kind->table);
  stmt = enlace_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      enlace_store_set_sql_error (store, error, "import");
      sqlite3_reset (stmt);
      return FALSE;
    }
  empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (!empty)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_NOT_EMPTY,
                   _("The project already holds objects: import XML into a new, empty project"));
      return FALSE;
    }
  return TRUE;
}

static void
deferred_clear (gpointer data)
{
  DeferredParent *dp = data;

  g_free (dp->parent);
}

static gboolean
import_run (Import  *im,
            GError **error)
{
  int ret;
  guint n = 0;

  im->reader = xmlReaderForIO (import_read_cb, import_close_cb, im, NULL, "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
  if (im->reader == NULL)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED, _("Cannot read %s"), im->path);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (im->reader, on_xml_error, im);
  if (enlace_xml_schema () == NULL ||
      (im->fast == NULL && xmlTextReaderRelaxNGSetSchema (im->reader, enlace_xml_schema ()) != 0))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED, _("The XML schema is not usable"));
      return FALSE;
    }

  while ((ret = xmlTextReaderRead (im->reader)) == 1 && im->error == NULL)
    {
      int type = xmlTextReaderNodeType (im->reader);
      int depth = xmlTextReaderDepth (im->reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE ||
          type == XML_READER_TYPE_ENTITY_REFERENCE ||
          type == XML_READER_TYPE_ENTITY)
        {
          import_fail (im, ENLACE_XML_ERROR_UNSAFE, xmlTextReaderGetParserLineNumber (im->reader),
                       _("DOCTYPE declarations and entities are not allowed in Enlace files"));
          break;
        }
      if (depth > ENLACE_XML_MAX_DEPTH)
        {
          import_fail (im, ENLACE_XML_ERROR_TOO_DEEP, xmlTextReaderGetParserLineNumber (im->reader),
                       _("elements are nested deeper than %d levels"), ENLACE_XML_MAX_DEPTH);
          break;
        }
      if (im->fast != NULL && !enlace_xml_fast_check_node (im->fast, im->reader, type, depth))
        {
          import_fail (im, ENLACE_XML_ERROR_INVALID, xmlTextReaderGetParserLineNumber (im->reader),
                       "not taken by the fast checks");
          break;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        continue;

      if (!import_element (im, xmlTextReaderCurrentNode (im->reader), depth))
        break;

      if (++n % 256 == 0)
        {
          if (g_cancellable_is_cancelled (im->cancellable))
            break;
          if (im->size > 0)
            import_progress (im, 0.95 * (double) im->read / (double) im->size);
        }
    }

  if (im->error == NULL && g_cancellable_set_error_if_cancelled (im->cancellable, error))
    return FALSE;
  if (im->error == NULL && ret < 0)
    import_fail (im, ENLACE_XML_ERROR_MALFORMED, xmlTextReaderGetParserLineNumber (im->reader),
                 _("the file is not well-formed XML"));
  if (im->error == NULL && im->fast != NULL && !enlace_xml_fast_check_end (im->fast))
    import_fail (im, ENLACE_XML_ERROR_INVALID, xmlTextReaderGetParserLineNumber (im->reader),
                 "not taken by the fast checks");
  if (im->error == NULL && im->fast == NULL && xmlTextReaderIsValid (im->reader) != 1)
    import_fail (im, ENLACE_XML_ERROR_INVALID, xmlTextReaderGetParserLineNumber (im->reader),
                 _("the file does not follow the Enlace XML schema"));
  if (im->error == NULL && im->fast != NULL)
    flush_batches (im);
  if (im->error == NULL)
    resolve_deferred (im);
  if (im->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&im->error));
      return FALSE;
    }
  return TRUE;
}

static int
query_flag (EnlaceStore *store,
            const char  *sql)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  int value = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* With foreign keys off: does every reference point to a row?  (Not a
 * message for people: the import then reads the file again with them on.) */
static gboolean
references_hold (EnlaceStore  *store,
                 GError      **error)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_ROW)
    g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_REFERENCE,
                 "a row of %s refers to no row of %s", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
  else
    enlace_store_set_sql_error (store, error, "PRAGMA foreign_key_check");
  sqlite3_reset (stmt);
  return FALSE;
}

/* One pass over the file: @fast, with the checks by hand of
 * enlace-xml-fast-check.c, else with the schema streaming. */
static gboolean
import_once (EnlaceStore         *store,
             const char          *path,
             GCancellable        *cancellable,
             EnlaceProgressFunc   progress,
             gpointer             progress_data,
             gboolean             fast,
             double              *last_progress,
             GError             **error)
{
  Import im = { 0 };
  struct stat st;
  gboolean ok = FALSE;
  gboolean fk_off = FALSE;
  GError *local_error = NULL;
  gint64 t0;

  im.store = store;
  im.path = path;
  im.cancellable = cancellable;
  im.progress = progress;
  im.progress_data = progress_data;
  im.parent_xk = -1;
  im.end_kind[0] = im.end_kind[1] = -1;
  im.last_progress = *last_progress;

  if (enlace_store_is_read_only (store))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_READ_ONLY,
                   _("The project is read-only: cannot import into it"));
      return FALSE;
    }

  im.fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (im.fd < 0)
    {
      int saved = errno;
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                   _("Cannot open %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (im.fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_FAILED,
                   _("Cannot read %s: not a regular file"), path);
      close (im.fd);
      return FALSE;
    }
  im.size = st.st_size;
  if (im.size == 0)
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_MALFORMED, _("%s is empty"), path);
      close (im.fd);
      return FALSE;
    }
  if (im.size > enlace_xml_max_size ())
    {
      g_set_error (error, ENLACE_XML_ERROR, ENLACE_XML_ERROR_TOO_BIG,
                   _("%s is %lld bytes, larger than the limit of %lld bytes"),
                   path, (long long) im.size, (long long) enlace_xml_max_size ());
      close (im.fd);
      return FALSE;
    }
  if (!enlace_xml_check_prolog (im.fd, im.path, error))
    {
      close (im.fd);
      return FALSE;
    }

  /* The first pass leaves the references to one check at the end: every
   * INSERT looked its parents up (13 % of the time), yet the importer
   * only ever writes ids of rows it inserted.  The setting holds from the
   * next transaction (none may be open). */
  if (fast && !enlace_store_in_command (store) && query_flag (store, "PRAGMA foreign_keys") == 1 &&
      enlace_store_exec (store, "PRAGMA foreign_keys = OFF", NULL))
    fk_off = TRUE;
  if (!enlace_store_begin (store, _("Import XML"), error))
    {
      if (fk_off)
        enlace_store_exec (store, "PRAGMA foreign_keys = ON", NULL);
      close (im.fd);
      return FALSE;
    }
  if (!project_is_empty (store, error) ||
      (im.cases = enlace_cases_xml_import_begin (store, import_id_cb, &im, error)) == NULL)
    {
      enlace_store_rollback (store);
      if (fk_off)
        enlace_store_exec (store, "PRAGMA foreign_keys = ON", NULL);
      close (im.fd);
      return FALSE;
    }

  im.keys = g_new0 (GHashTable *, enlace_xml_n_kinds);
  im.validate = g_new0 (gboolean, enlace_xml_n_kinds);
  for (int i = 0; i < enlace_xml_n_kinds; i++)
    if (i != XK_PORT_TEMPLATE && i != XK_MAPPING_TEMPLATE && i != XK_PORT_MAPPING)
      im.keys[i] = g_hash_table_new (g_str_hash, g_str_equal);
  im.stmt_cache = g_hash_table_new (g_direct_hash, g_direct_equal);
  im.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.deferred = g_array_new (FALSE, FALSE, sizeof (DeferredParent));
  g_array_set_clear_func (im.deferred, deferred_clear);
  im.kbuf = g_string_new (NULL);
  im.ports = g_array_new (FALSE, TRUE, sizeof (PortInfo));
  im.key_texts = g_string_chunk_new (1 << 20);
  im.ahead = g_malloc (READ_AHEAD);
  batch_init (&im.batch[0]);
  batch_init (&im.batch[1]);
  {
    const XKind *pm = &enlace_xml_kinds[XK_PORT_MAPPING];
    const XKind *port = &enlace_xml_kinds[XK_PORT];
    const XKind *cable = &enlace_xml_kinds[XK_CABLE];
    const XKind *device = &enlace_xml_kinds[XK_DEVICE];

    im.fi.pm_device = enlace_xml_field_index (pm, "device_id");
    im.fi.pm_port[0] = enlace_xml_field_index (pm, "front_port_id");
    im.fi.pm_port[1] = enlace_xml_field_index (pm, "rear_port_id");
    im.fi.pm_pos[0] = enlace_xml_field_index (pm, "front_pos");
    im.fi.pm_pos[1] = enlace_xml_field_index (pm, "rear_pos");
    im.fi.port_kind = enlace_xml_field_index (port, "kind");
    im.fi.port_positions = enlace_xml_field_index (port, "positions");
    im.fi.port_device = enlace_xml_field_index (port, "device_id");
    im.fi.cable_length = enlace_xml_field_index (cable, "length_m");
    im.fi.cable_pairs = enlace_xml_field_index (cable, "pairs");
    im.fi.cable_type = enlace_xml_field_index (cable, "type");
    im.fi.device_name = enlace_xml_field_index (device, "name");
    im.fi.device_role = enlace_xml_field_index (device, "role");
    im.fi.device_rack = enlace_xml_field_index (device, "rack_id");
    im.fi.device_space = enlace_xml_field_index (device, "space_id");
    im.fi.device_u = enlace_xml_field_index (device, "u_position");
    im.fi.device_face = enlace_xml_field_index (device, "face");
    im.fi.device_asset = enlace_xml_field_index (device, "asset_tag");
  }
  /* Every kind goes through the store's validation rules except ports:
   * theirs (a name unique per device, 1–1024 positions) are enforced by
   * the schema and the table constraints, and they are most of the rows. */
  for (int i = 0; i < enlace_xml_n_kinds; i++)
    im.validate[i] = i != XK_PORT;

  if (fast)
    im.fast = enlace_xml_fast_check_new ();
  import_progress (&im, 0.0);
  t0 = g_get_monotonic_time ();
  ok = import_run (&im, &local_error);
  g_debug ("import: %u objects read and inserted in %.0f ms (%s)",
           im.n_objects, (g_get_monotonic_time () - t0) / 1000.0,
           fast ? "fast checks" : "streaming schema");

  if (im.reader != NULL)
    xmlFreeTextReader (im.reader);
  close (im.fd);

  if (ok && !ensure_bulk (&im))
    {
      ok = FALSE;
      g_propagate_error (&local_error, g_steal_pointer (&im.error));
    }
  if (ok && !enlace_cases_xml_import_end (im.cases, &local_error))
    ok = FALSE;
  enlace_store_exec (store, "PRAGMA ignore_check_constraints = OFF", NULL);

  if (ok && !enlace_store_end_bulk (store, &local_error))
    ok = FALSE;
  if (ok && !apply_meta (&im, &local_error))
    ok = FALSE;
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    ok = FALSE;
  g_debug ("import: ended in %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);
  if (ok && fk_off && !references_hold (store, &local_error))
    ok = FALSE;
  if (ok)
    {
      if (!enlace_store_commit (store, &local_error))
        ok = FALSE;
      g_debug ("import: committed in %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);
    }
  else
    {
      enlace_store_rollback (store);
    }
  if (fk_off)
    enlace_store_exec (store, "PRAGMA foreign_keys = ON", NULL);

  for (int i = 0; i < enlace_xml_n_kinds; i++)
    g_clear_pointer (&im.keys[i], g_hash_table_unref);
  g_string_chunk_free (im.key_texts);
  g_free (im.ahead);
  g_free (im.keys);
  g_free (im.validate);
  g_hash_table_unref (im.stmt_cache);
  g_hash_table_unref (im.meta);
  g_array_unref (im.deferred);
  g_string_free (im.kbuf, TRUE);
  g_array_unref (im.ports);
  batch_clear (&im.batch[0]);
  batch_clear (&im.batch[1]);
  g_free (im.cur_what);
  g_free (im.parent_key);
  g_clear_error (&im.error);
  enlace_cases_xml_import_free (im.cases);
  enlace_xml_fast_check_free (im.fast);
  *last_progress = im.last_progress;

  if (!ok)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  import_progress (&im, 1.0);
  return TRUE;
}

gboolean
enlace_xml_import (EnlaceStore         *store,
                   const char          *path,
                   GCancellable        *cancellable,
                   EnlaceProgressFunc   progress,
                   gpointer             progress_data,
                   GError             **error)
{
  GError *local_error = NULL;
  double last_progress = 0.0;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  enlace_xml_ensure_init ();

  /* A file that passes the checks by hand is imported in one pass; any
   * failure of that pass (it left nothing behind) and the file is read
   * again with the schema streaming, which gives the error its words. */
  if (import_once (store, path, cancellable, progress, progress_data, TRUE, &last_progress, &local_error))
    return TRUE;
  if (g_cancellable_is_cancelled (cancellable))
    {
      /* cancelled: say so, whatever stopped the pass */
      g_clear_error (&local_error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  g_debug ("import: the first pass stopped (%s); reading %s again with the schema",
           local_error->message, path);
  g_clear_error (&local_error);
  return import_once (store, path, cancellable, progress, progress_data, FALSE, &last_progress, error);
}
