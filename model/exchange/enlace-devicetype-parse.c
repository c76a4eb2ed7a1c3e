/* enlace-devicetype-parse.c: reading NetBox device-type library YAML
 *
 * Parsing uses libyaml's document API: every node keeps its start mark,
 * so messages name the line, and every scalar keeps its raw text, so an
 * unquoted `08` stays the text "08".  A batch is the files of a folder,
 * read and checked, ready for enlace-devicetype-write.c.  How NetBox's
 * types and names map to Enlace's is in enlace-devicetype-map.c.
 */
#define G_LOG_DOMAIN "enlace-devicetype"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "enlace-devicetype-private.h"

#define MAX_POSITIONS 1024

G_DEFINE_QUARK (enlace-device-type-error-quark, enlace_device_type_error)

/* ------------------------------------------------------------------ */
/* Parsed structures                                                    */

static void
port_free (gpointer data)
{
  EnlaceDeviceTypePort *port = data;

  g_free (port->name);
  g_free (port->kind);
  g_free (port->netbox_type);
  g_free (port->medium);
  g_free (port->connector);
  g_free (port->label);
  g_free (port);
}

static void
mapping_free (gpointer data)
{
  EnlaceDeviceTypeMapping *mapping = data;

  g_free (mapping->front_name);
  g_free (mapping->rear_name);
  g_free (mapping);
}

void
enlace_device_type_def_free (EnlaceDeviceTypeDef *def)
{
  if (def == NULL)
    return;
  g_free (def->file);
  g_free (def->manufacturer);
  g_free (def->model);
  g_free (def->slug);
  g_free (def->part_number);
  g_free (def->role);
  g_clear_pointer (&def->ports, g_ptr_array_unref);
  g_clear_pointer (&def->mappings, g_ptr_array_unref);
  g_free (def);
}

guint
enlace_device_type_def_count (const EnlaceDeviceTypeDef *def,
                              const char                *kind)
{
  guint n = 0;

  g_return_val_if_fail (def != NULL, 0);

  for (guint i = 0; i < def->ports->len; i++)
    {
      const EnlaceDeviceTypePort *port = g_ptr_array_index (def->ports, i);

      if (kind == NULL || g_strcmp0 (port->kind, kind) == 0)
        n++;
    }
  return n;
}


/* ------------------------------------------------------------------ */
/* Parser                                                               */

typedef struct
{
  const char      *file;
  yaml_document_t *doc;
  GError         **error;
  guint            n_power;
} Parse;

static guint
node_line (yaml_node_t *node)
{
  return node != NULL ? (guint) node->start_mark.line + 1 : 0;
}

static gboolean fail_line (Parse      *p,
                           guint       line,
                           const char *fmt,
                           ...) G_GNUC_PRINTF (3, 4);
static gboolean fail (Parse       *p,
                      yaml_node_t *node,
                      const char  *fmt,
                      ...) G_GNUC_PRINTF (3, 4);

static void
set_fail (Parse      *p,
          guint       line,
          const char *msg)
{
  if (line > 0)
    g_set_error (p->error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_INVALID,
                 "%s:%u: %s", p->file, line, msg);
  else
    g_set_error (p->error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_INVALID,
                 "%s: %s", p->file, msg);
}

/* Sets "FILE:LINE: message" and returns FALSE. */
static gboolean
fail_line (Parse      *p,
           guint       line,
           const char *fmt,
           ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, fmt);
  msg = g_strdup_vprintf (fmt, args);
  va_end (args);
  set_fail (p, line, msg);
  return FALSE;
}

static gboolean
fail (Parse       *p,
      yaml_node_t *node,
      const char  *fmt,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, fmt);
  msg = g_strdup_vprintf (fmt, args);
  va_end (args);
  set_fail (p, node_line (node), msg);
  return FALSE;
}

static gboolean
is_null (yaml_node_t *node)
{
  const char *v;

  if (node == NULL)
    return TRUE;
  if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;
  v = (const char *) node->data.scalar.value;
  return v[0] == '\0' || strcmp (v, "~") == 0 || g_ascii_strcasecmp (v, "null") == 0;
}

/* The raw text of a scalar (NULL for a YAML null). */
static gboolean
get_text (Parse        *p,
          yaml_node_t  *node,
          const char   *key,
          char        **out)
{
  g_clear_pointer (out, g_free);
  if (is_null (node))
    return TRUE;
  if (node->type != YAML_SCALAR_NODE)
    return fail (p, node, _("“%s” must be a single value"), key);
  /* A "\0" escape would cut the text short without a word; other
   * control characters cannot be written in a port key or in XML. */
  for (size_t i = 0; i < node->data.scalar.length; i++)
    {
      guchar c = node->data.scalar.value[i];

      if (c < 0x20 && c != '\t')
        return fail (p, node, _("“%s” holds a control character (U+%04X): names and values are text"),
                     key, (guint) c);
      if (c == 0x7f)
        return fail (p, node, _("“%s” holds a control character (U+%04X): names and values are text"),
                     key, (guint) c);
    }
  *out = g_strndup ((const char *) node->data.scalar.value, node->data.scalar.length);
  g_strstrip (*out);
  if (!g_utf8_validate (*out, -1, NULL))
    return fail (p, node, _("“%s” is not valid UTF-8 text"), key);
  return TRUE;
}

static gboolean
get_int (Parse       *p,
         yaml_node_t *node,
         const char  *key,
         int          min,
         int          max,
         int         *out)
{
  g_autofree char *text = NULL;
  gint64 v;

  if (!get_text (p, node, key, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;   /* keep the default */
  if (!g_ascii_string_to_signed (text, 10, min, max, &v, NULL))
    return fail (p, node, _("“%s” must be a whole number from %d to %d, not “%s”"), key, min, max, text);
  *out = (int) v;
  return TRUE;
}

static gboolean
get_bool (Parse       *p,
          yaml_node_t *node,
          const char  *key,
          gboolean    *out)
{
  static const char * const yes[] = { "true", "yes", "on", "y", NULL };
  static const char * const no[] = { "false", "no", "off", "n", NULL };
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  if (!get_text (p, node, key, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  lower = g_ascii_strdown (text, -1);
  if (g_strv_contains (yes, lower))
    *out = TRUE;
  else if (g_strv_contains (no, lower))
    *out = FALSE;
  else
    return fail (p, node, _("“%s” must be true or false, not “%s”"), key, text);
  return TRUE;
}

/* Mapping keys compare with '-' and '_' alike: front-ports == front_ports. */
static char *
key_of (yaml_node_t *node)
{
  char *key;

  if (node == NULL || node->type != YAML_SCALAR_NODE)
    return NULL;
  key = g_strndup ((const char *) node->data.scalar.value, node->data.scalar.length);
  g_strdelimit (key, "-", '_');
  return key;
}

typedef gboolean (*ItemFunc) (Parse               *p,
                              EnlaceDeviceTypeDef *def,
                              yaml_node_t         *item,
                              gpointer             data);

/* Calls @func for every mapping in the list @node. */
static gboolean
each_item (Parse               *p,
           EnlaceDeviceTypeDef *def,
           yaml_node_t         *node,
           const char          *section,
           ItemFunc             func,
           gpointer             data)
{
  if (is_null (node))
    return TRUE;
  if (node->type != YAML_SEQUENCE_NODE)
    return fail (p, node, _("“%s” must be a list"), section);
  for (yaml_node_item_t *it = node->data.sequence.items.start;
       it < node->data.sequence.items.top; it++)
    {
      yaml_node_t *item = yaml_document_get_node (p->doc, *it);

      if (item == NULL || item->type != YAML_MAPPING_NODE)
        return fail (p, item, _("every entry of “%s” must be a mapping of fields"), section);
      if (!func (p, def, item, data))
        return FALSE;
    }
  return TRUE;
}

static gboolean
count_item (Parse               *p,
            EnlaceDeviceTypeDef *def,
            yaml_node_t         *item,
            gpointer             data)
{
  guint *count = data;

  (*count)++;
  return TRUE;
}

static void
add_mapping (EnlaceDeviceTypeDef *def,
             const char          *front,
             int                  front_pos,
             const char          *rear,
             int                  rear_pos,
             guint                line)
{
  EnlaceDeviceTypeMapping *m;

  for (guint i = 0; i < def->mappings->len; i++)
    {
      m = g_ptr_array_index (def->mappings, i);
      if (m->front_pos == front_pos && m->rear_pos == rear_pos &&
          strcmp (m->front_name, front) == 0 && strcmp (m->rear_name, rear) == 0)
        return;   /* stated twice (legacy and port-mappings) */
    }
  m = g_new0 (EnlaceDeviceTypeMapping, 1);
  m->front_name = g_strdup (front);
  m->front_pos = front_pos;
  m->rear_name = g_strdup (rear);
  m->rear_pos = rear_pos;
  m->line = line;
  g_ptr_array_add (def->mappings, m);
}

static gboolean
parse_port (Parse               *p,
            EnlaceDeviceTypeDef *def,
            yaml_node_t         *item,
            gpointer             data)
{
  const char *kind = data;
  gboolean is_interface = strcmp (kind, "interface") == 0;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *label = NULL;
  g_autofree char *rear_port = NULL;
  int positions = 1;
  int rear_pos = 1;
  gboolean mgmt_only = FALSE;
  const char *medium, *connector;
  EnlaceDeviceTypePort *port;

  for (yaml_node_pair_t *pair = item->data.mapping.pairs.start;
       pair < item->data.mapping.pairs.top; pair++)
    {
      g_autofree char *key = key_of (yaml_document_get_node (p->doc, pair->key));
      yaml_node_t *value = yaml_document_get_node (p->doc, pair->value);
      gboolean ok = TRUE;

      if (key == NULL)
        continue;
      if (strcmp (key, "name") == 0)
        ok = get_text (p, value, "name", &name);
      else if (strcmp (key, "type") == 0)
        ok = get_text (p, value, "type", &type);
      else if (strcmp (key, "label") == 0)
        ok = get_text (p, value, "label", &label);
      else if (strcmp (key, "mgmt_only") == 0 && is_interface)
        ok = get_bool (p, value, "mgmt_only", &mgmt_only);
      else if (strcmp (key, "positions") == 0 && !is_interface)
        ok = get_int (p, value, "positions", 1, MAX_POSITIONS, &positions);
      else if (strcmp (key, "rear_port") == 0 && strcmp (kind, "front") == 0)
        ok = get_text (p, value, "rear_port", &rear_port);
      else if (strcmp (key, "rear_port_position") == 0 && strcmp (kind, "front") == 0)
        ok = get_int (p, value, "rear_port_position", 1, MAX_POSITIONS, &rear_pos);
      if (!ok)
        return FALSE;
    }

  if (name == NULL || name[0] == '\0')
    {
      if (is_interface)
        return fail (p, item, _("an interface has no name"));
      else if (strcmp (kind, "front") == 0)
        return fail (p, item, _("a front port has no name"));
      else
        return fail (p, item, _("a rear port has no name"));
    }

  if (!enlace_device_type_map_netbox_type (type, is_interface, &medium, &connector))
    {
      def->n_ignored++;
      return TRUE;
    }

  for (guint i = 0; i < def->ports->len; i++)
    {
      EnlaceDeviceTypePort *other = g_ptr_array_index (def->ports, i);

      if (strcmp (other->kind, kind) == 0 && strcmp (other->name, name) == 0)
        return fail (p, item, _("two ports of the same kind are named “%s”"), name);
    }

  port = g_new0 (EnlaceDeviceTypePort, 1);
  port->name = g_steal_pointer (&name);
  port->kind = g_strdup (kind);
  port->netbox_type = g_steal_pointer (&type);
  port->medium = g_strdup (medium);
  port->connector = g_strdup (connector);
  port->positions = positions;
  if (label != NULL && label[0] != '\0')
    port->label = g_steal_pointer (&label);
  port->mgmt_only = mgmt_only;
  port->line = node_line (item);
  g_ptr_array_add (def->ports, port);

  if (rear_port != NULL && rear_port[0] != '\0')
    add_mapping (def, port->name, 1, rear_port, rear_pos, port->line);

  return TRUE;
}

static gboolean
parse_mapping (Parse               *p,
               EnlaceDeviceTypeDef *def,
               yaml_node_t         *item,
               gpointer             data)
{
  g_autofree char *front = NULL;
  g_autofree char *rear = NULL;
  int front_pos = 1;
  int rear_pos = 1;

  for (yaml_node_pair_t *pair = item->data.mapping.pairs.start;
       pair < item->data.mapping.pairs.top; pair++)
    {
      g_autofree char *key = key_of (yaml_document_get_node (p->doc, pair->key));
      yaml_node_t *value = yaml_document_get_node (p->doc, pair->value);
      gboolean ok = TRUE;

      if (key == NULL)
        continue;
      if (strcmp (key, "front_port") == 0)
        ok = get_text (p, value, "front_port", &front);
      else if (strcmp (key, "rear_port") == 0)
        ok = get_text (p, value, "rear_port", &rear);
      else if (strcmp (key, "front_port_position") == 0)
        ok = get_int (p, value, "front_port_position", 1, MAX_POSITIONS, &front_pos);
      else if (strcmp (key, "rear_port_position") == 0)
        ok = get_int (p, value, "rear_port_position", 1, MAX_POSITIONS, &rear_pos);
      if (!ok)
        return FALSE;
    }

  if (front == NULL || front[0] == '\0')
    return fail (p, item, _("a port mapping has no front_port"));
  if (rear == NULL || rear[0] == '\0')
    return fail (p, item, _("a port mapping has no rear_port"));
  add_mapping (def, front, front_pos, rear, rear_pos, node_line (item));
  return TRUE;
}

/* Every mapping joins a front port and a rear port of the file, within
 * their positions, and no rear position carries two front positions. */
static gboolean
check_mappings (Parse               *p,
                EnlaceDeviceTypeDef *def)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < def->mappings->len; i++)
    {
      EnlaceDeviceTypeMapping *m = g_ptr_array_index (def->mappings, i);
      EnlaceDeviceTypePort *front = dt_find_port (def, "front", m->front_name);
      EnlaceDeviceTypePort *rear = dt_find_port (def, "rear", m->rear_name);
      char *slot;

      if (front == NULL)
        return fail_line (p, m->line,
                          _("the mapping names front port “%s”, which the file does not define"),
                          m->front_name);
      if (rear == NULL)
        return fail_line (p, m->line,
                          _("front port “%s” maps to rear port “%s”, which the file does not define"),
                          m->front_name, m->rear_name);
      if (m->front_pos > front->positions)
        return fail_line (p, m->line, _("front port “%s” has no position %d (it has %d)"),
                          front->name, m->front_pos, front->positions);
      if (m->rear_pos > rear->positions)
        return fail_line (p, m->line,
                          _("front port “%s” maps to position %d of rear port “%s”, which has %d"),
                          front->name, m->rear_pos, rear->name, rear->positions);
      slot = g_strdup_printf ("%s\x1f%d", m->rear_name, m->rear_pos);
      if (!g_hash_table_add (used, slot))
        return fail_line (p, m->line, _("position %d of rear port “%s” is mapped twice"),
                          m->rear_pos, m->rear_name);
    }
  return TRUE;
}



static gboolean
parse_root (Parse               *p,
            EnlaceDeviceTypeDef *def,
            yaml_node_t         *root)
{
  yaml_node_t *interfaces = NULL, *front = NULL, *rear = NULL, *mappings = NULL;
  yaml_node_t *module_bays = NULL, *power_ports = NULL, *power_outlets = NULL;
  static const char * const ignored_lists[] = {
    "console_ports", "console_server_ports", "device_bays", "inventory_items", NULL
  };
  g_autofree char *u_height = NULL;

  if (root->type != YAML_MAPPING_NODE)
    return fail (p, root, _("a device type must be a mapping of fields (manufacturer, model, …)"));

  def->u_height = 1;
  def->full_depth = TRUE;

  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
       pair < root->data.mapping.pairs.top; pair++)
    {
      g_autofree char *key = key_of (yaml_document_get_node (p->doc, pair->key));
      yaml_node_t *value = yaml_document_get_node (p->doc, pair->value);
      gboolean ok = TRUE;

      if (key == NULL)
        continue;
      if (strcmp (key, "manufacturer") == 0)
        ok = get_text (p, value, "manufacturer", &def->manufacturer);
      else if (strcmp (key, "model") == 0)
        ok = get_text (p, value, "model", &def->model);
      else if (strcmp (key, "slug") == 0)
        ok = get_text (p, value, "slug", &def->slug);
      else if (strcmp (key, "part_number") == 0)
        ok = get_text (p, value, "part_number", &def->part_number);
      else if (strcmp (key, "u_height") == 0)
        {
          ok = get_text (p, value, "u_height", &u_height);
          if (ok && u_height != NULL)
            {
              char *end = NULL;
              double v = g_ascii_strtod (u_height, &end);

              if (end == u_height || *end != '\0' || !(v >= 0 && v <= 100) || v * 2 != (double) (gint64) (v * 2))
                return fail (p, value, _("“u_height” must be a number of units in steps of 0.5, not “%s”"), u_height);
              def->u_height = v;
            }
        }
      else if (strcmp (key, "is_full_depth") == 0)
        ok = get_bool (p, value, "is_full_depth", &def->full_depth);
      else if (strcmp (key, "interfaces") == 0)
        interfaces = value;
      else if (strcmp (key, "front_ports") == 0)
        front = value;
      else if (strcmp (key, "rear_ports") == 0)
        rear = value;
      else if (strcmp (key, "port_mappings") == 0)
        mappings = value;
      else if (strcmp (key, "module_bays") == 0)
        module_bays = value;
      else if (strcmp (key, "power_ports") == 0)
        power_ports = value;
      else if (strcmp (key, "power_outlets") == 0)
        power_outlets = value;
      else if (g_strv_contains (ignored_lists, key))
        ok = each_item (p, def, value, key, count_item, &def->n_ignored);
      if (!ok)
        return FALSE;
    }

  if (def->manufacturer == NULL || def->manufacturer[0] == '\0')
    return fail (p, root, _("the device type has no manufacturer"));
  if (def->model == NULL || def->model[0] == '\0')
    return fail (p, root, _("the device type has no model"));

  if (!each_item (p, def, interfaces, "interfaces", parse_port, (gpointer) "interface") ||
      !each_item (p, def, front, "front-ports", parse_port, (gpointer) "front") ||
      !each_item (p, def, rear, "rear-ports", parse_port, (gpointer) "rear") ||
      !each_item (p, def, mappings, "port-mappings", parse_mapping, NULL) ||
      !each_item (p, def, module_bays, "module-bays", count_item, &def->n_module_bays) ||
      !each_item (p, def, power_ports, "power-ports", count_item, &p->n_power) ||
      !each_item (p, def, power_outlets, "power-outlets", count_item, &p->n_power))
    return FALSE;
  def->n_ignored += p->n_power;

  if (!check_mappings (p, def))
    return FALSE;
  dt_make_names_unique (def);
  def->role = g_strdup (dt_guess_role (def, p->n_power));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Limits, checked on the event stream before the document is built     */

/* A NetBox device type is a mapping of lists of mappings: three levels.
 * Anything much deeper, longer or larger is not a device type, and
 * libyaml takes time quadratic in the nesting (100,000 levels: 27 s). */
#define MAX_DEPTH     32
#define MAX_ITEMS     4096          /* entries of one list: ports, mappings */
#define MAX_FILE_SIZE (4 * 1024 * 1024)

typedef struct
{
  gboolean    mapping;
  gboolean    key_next;   /* a mapping: the next node is a key */
  guint       n_items;
  GHashTable *keys;       /* a mapping: the keys seen (normalised) */
} Frame;

static const char *const plain_tags[] = {
  YAML_STR_TAG, YAML_INT_TAG, YAML_FLOAT_TAG, YAML_BOOL_TAG, YAML_NULL_TAG,
  YAML_SEQ_TAG, YAML_MAP_TAG, NULL
};

static void set_parse_error (const char     *file,
                             yaml_parser_t  *parser,
                             GError        **error);

/* A node starts in the frame on top of @stack (if any): count it as an
 * item, or check it as a key of a mapping.  FALSE with @error set. */
static gboolean
prescan_node (Parse        *p,
              Frame        *stack,
              guint         depth,
              yaml_event_t *event)
{
  Frame *top;
  guint line = (guint) event->start_mark.line + 1;
  const char *tag = NULL;

  if (event->type == YAML_SCALAR_EVENT)
    tag = (const char *) event->data.scalar.tag;
  else if (event->type == YAML_SEQUENCE_START_EVENT)
    tag = (const char *) event->data.sequence_start.tag;
  else if (event->type == YAML_MAPPING_START_EVENT)
    tag = (const char *) event->data.mapping_start.tag;
  if (tag != NULL && !g_strv_contains (plain_tags, tag))
    {
      const char *shown = g_str_has_prefix (tag, "tag:yaml.org,2002:") ? tag + strlen ("tag:yaml.org,2002:") : tag;

      return fail_line (p, line, _("a value tagged “!!%s” is not read: write names and values as plain text"),
                        shown);
    }

  if (depth == 0)
    return TRUE;
  top = &stack[depth - 1];
  if (!top->mapping)
    {
      if (++top->n_items > MAX_ITEMS)
        return fail_line (p, line, _("a list holds more than %d entries (the limit for a device type)"),
                          MAX_ITEMS);
      return TRUE;
    }
  if (top->key_next && event->type == YAML_SCALAR_EVENT)
    {
      char *key = g_strndup ((const char *) event->data.scalar.value, event->data.scalar.length);

      g_strdelimit (key, "-", '_');
      if (!g_hash_table_add (top->keys, key))
        {
          g_autofree char *shown = g_strndup ((const char *) event->data.scalar.value,
                                              MIN (event->data.scalar.length, 60));

          return fail_line (p, line, _("the key “%s” appears twice in the same mapping"), shown);
        }
      if (++top->n_items > MAX_ITEMS)
        return fail_line (p, line, _("a mapping holds more than %d keys (the limit for a device type)"),
                          MAX_ITEMS);
    }
  top->key_next = !top->key_next;
  return TRUE;
}

/* Reads the file's events once: one document, at most MAX_DEPTH levels,
 * lists of at most MAX_ITEMS entries, no key twice in a mapping, no
 * tagged values (!!binary).  A syntax error is left to yaml_parser_load,
 * which says the same. */
static gboolean
prescan (Parse      *p,
         const char *data,
         gsize       length)
{
  yaml_parser_t parser;
  Frame stack[MAX_DEPTH + 1];
  guint depth = 0;
  guint documents = 0;
  gboolean ok = TRUE, done = FALSE;

  if (!yaml_parser_initialize (&parser))
    return TRUE;   /* the load says out of memory */
  yaml_parser_set_input_string (&parser, (const unsigned char *) (data ? data : ""), length);

  while (ok && !done)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        break;   /* yaml_parser_load reports it */
      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;
        case YAML_DOCUMENT_START_EVENT:
          if (++documents > 1)
            ok = fail_line (p, (guint) event.start_mark.line + 1,
                            _("a second YAML document starts here: a file holds one device type"));
          break;
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
          ok = prescan_node (p, stack, depth, &event);
          break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          ok = prescan_node (p, stack, depth, &event);
          if (ok && depth >= MAX_DEPTH)
            ok = fail_line (p, (guint) event.start_mark.line + 1,
                            _("lists and mappings are nested more than %d levels deep (a device type needs 3)"),
                            MAX_DEPTH);
          if (ok)
            {
              Frame *f = &stack[depth++];

              f->mapping = event.type == YAML_MAPPING_START_EVENT;
              f->key_next = TRUE;
              f->n_items = 0;
              f->keys = f->mapping ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL;
            }
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          if (depth > 0)
            {
              depth--;
              g_clear_pointer (&stack[depth].keys, g_hash_table_unref);
            }
          break;
        default:
          break;
        }
      yaml_event_delete (&event);
    }
  while (depth > 0)
    {
      depth--;
      g_clear_pointer (&stack[depth].keys, g_hash_table_unref);
    }
  yaml_parser_delete (&parser);
  return ok;
}

/* libyaml's most common problems and contexts, so that the message reads
 * in the user's language (others stay as libyaml writes them). */
static const char *const yaml_messages[] = {
  N_("did not find expected '-' indicator"),
  N_("did not find expected key"),
  N_("did not find expected node content"),
  N_("did not find expected ',' or ']'"),
  N_("did not find expected ',' or '}'"),
  N_("did not find expected <document start>"),
  N_("did not find expected comment or line break"),
  N_("could not find expected ':'"),
  N_("mapping values are not allowed in this context"),
  N_("block sequence entries are not allowed in this context"),
  N_("found character that cannot start any token"),
  N_("found a tab character that violates indentation"),
  N_("found a tab character where an indentation space is expected"),
  N_("found unexpected end of stream"),
  N_("found unexpected ':'"),
  N_("found unknown escape character"),
  N_("found undefined alias"),
  N_("found unexpected document indicator"),
  N_("found duplicate anchor; first occurrence"),
  N_("control characters are not allowed"),
  N_("invalid leading UTF-8 octet"),
  N_("invalid trailing UTF-8 octet"),
  N_("incomplete UTF-8 octet sequence"),
  N_("while parsing a block collection"),
  N_("while parsing a block mapping"),
  N_("while parsing a block node"),
  N_("while parsing a flow mapping"),
  N_("while parsing a flow sequence"),
  N_("while parsing a flow node"),
  N_("while parsing a node"),
  N_("while scanning a simple key"),
  N_("while scanning a plain scalar"),
  N_("while scanning a quoted scalar"),
  N_("while scanning a block scalar"),
  N_("while scanning an anchor"),
  N_("while scanning an alias"),
  N_("while scanning for the next token"),
};

static const char *
yaml_message (const char *message)
{
  if (message == NULL)
    return "?";
  for (guint i = 0; i < G_N_ELEMENTS (yaml_messages); i++)
    if (strcmp (yaml_messages[i], message) == 0)
      return _(yaml_messages[i]);
  return message;
}

static void
set_parse_error (const char     *file,
                 yaml_parser_t  *parser,
                 GError        **error)
{
  guint line = (guint) parser->problem_mark.line + 1;
  guint column = (guint) parser->problem_mark.column + 1;

  if (parser->context != NULL)
    g_set_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_PARSE,
                 _("%s:%u:%u: not valid YAML: %s (%s at line %u)"),
                 file, line, column, yaml_message (parser->problem),
                 yaml_message (parser->context), (guint) parser->context_mark.line + 1);
  else
    g_set_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_PARSE,
                 _("%s:%u:%u: not valid YAML: %s"),
                 file, line, column, yaml_message (parser->problem));
}

EnlaceDeviceTypeDef *
enlace_device_type_def_parse (const char  *file,
                              const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(EnlaceDeviceTypeDef) def = NULL;
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  Parse p = { file, &doc, error, 0 };
  gboolean ok;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!yaml_parser_initialize (&parser))
    {
      g_set_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_PARSE,
                   _("%s: out of memory for the YAML parser"), file);
      return NULL;
    }
  yaml_parser_set_input_string (&parser, (const unsigned char *) (data ? data : ""), length);

  if (length > MAX_FILE_SIZE)
    {
      yaml_parser_delete (&parser);
      g_set_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_INVALID,
                   _("%s: the file is larger than %d MB, the limit for a device type"),
                   file, MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!prescan (&p, data, length))
    {
      yaml_parser_delete (&parser);
      return NULL;
    }

  if (!yaml_parser_load (&parser, &doc))
    {
      set_parse_error (file, &parser, error);
      yaml_parser_delete (&parser);
      return NULL;
    }
  yaml_parser_delete (&parser);

  root = yaml_document_get_root_node (&doc);
  if (root == NULL)
    {
      yaml_document_delete (&doc);
      g_set_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_INVALID,
                   _("%s: the file holds no device type (it is empty)"), file);
      return NULL;
    }

  def = g_new0 (EnlaceDeviceTypeDef, 1);
  def->file = g_strdup (file);
  def->ports = g_ptr_array_new_with_free_func (port_free);
  def->mappings = g_ptr_array_new_with_free_func (mapping_free);

  ok = parse_root (&p, def, root);
  yaml_document_delete (&doc);
  if (!ok)
    return NULL;
  return g_steal_pointer (&def);
}

EnlaceDeviceTypeDef *
enlace_device_type_def_parse_file (const char  *path,
                                   GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_INVALID,
                   _("%s: the file is larger than %d MB, the limit for a device type"),
                   path, MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_PARSE,
                   "%s", local_error->message);
      return NULL;
    }
  return enlace_device_type_def_parse (path, data, length, error);
}


/* ------------------------------------------------------------------ */
/* Batch: files read, not yet written                                   */

void
enlace_device_type_batch_free (EnlaceDeviceTypeBatch *batch)
{
  if (batch == NULL)
    return;
  g_ptr_array_unref (batch->defs);
  g_ptr_array_unref (batch->invalid);
  g_free (batch);
}

guint
enlace_device_type_batch_get_n_files (EnlaceDeviceTypeBatch *batch)
{
  g_return_val_if_fail (batch != NULL, 0);
  return batch->n_files;
}

static gboolean
is_yaml_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".yaml") || g_str_has_suffix (lower, ".yml");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
collect_files (const char  *dir,
               guint        depth,
               GPtrArray   *files,
               GError     **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (depth > 32)
    return TRUE;   /* a symlink loop: stop here */
  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (!collect_files (path, depth + 1, files, error))
            return FALSE;
        }
      else if (is_yaml_name (g_ptr_array_index (names, i)))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
  return TRUE;
}

EnlaceDeviceTypeBatch *
enlace_device_type_batch_load (const char * const        *paths,
                               EnlaceDeviceTypeProgress   progress,
                               gpointer                   user_data,
                               GCancellable              *cancellable,
                               GError                   **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EnlaceDeviceTypeBatch) batch = NULL;

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      guint before = files->len;

      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          if (!collect_files (paths[i], 0, files, error))
            return NULL;
          if (files->len == before)
            {
              g_set_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_NO_FILES,
                           _("The folder “%s” holds no device-type files (*.yaml, *.yml)"), paths[i]);
              return NULL;
            }
        }
      else if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        g_ptr_array_add (files, g_strdup (paths[i]));
      else
        {
          g_set_error (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_NO_FILES,
                       _("“%s” does not exist"), paths[i]);
          return NULL;
        }
    }
  if (files->len == 0)
    {
      g_set_error_literal (error, ENLACE_DEVICE_TYPE_ERROR, ENLACE_DEVICE_TYPE_ERROR_NO_FILES,
                           _("No device-type file to import"));
      return NULL;
    }

  batch = g_new0 (EnlaceDeviceTypeBatch, 1);
  batch->defs = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_device_type_def_free);
  batch->invalid = g_ptr_array_new_with_free_func (dt_skipped_free);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autoptr(GError) local_error = NULL;
      EnlaceDeviceTypeDef *def;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      def = enlace_device_type_def_parse_file (file, &local_error);
      if (def != NULL)
        g_ptr_array_add (batch->defs, def);
      else
        {
          guint line = 0;
          const char *rest = local_error->message + strlen (file);

          /* "FILE:LINE:…" or "FILE: line N: …" */
          if (g_str_has_prefix (local_error->message, file))
            {
              if (rest[0] == ':' && g_ascii_isdigit (rest[1]))
                line = (guint) g_ascii_strtoull (rest + 1, NULL, 10);
            }
          g_ptr_array_add (batch->invalid,
                           dt_skipped_new (file, line, NULL, NULL, ENLACE_DEVICE_TYPE_SKIP_INVALID,
                                           local_error->message));
        }
      batch->n_files++;
      if (progress)
        progress (i + 1, files->len, user_data);
    }

  return g_steal_pointer (&batch);
}
