/* enlace-page.c: the base class of every page shown in the main window */
#define G_LOG_DOMAIN "enlace-page"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-kinds.h"
#include "enlace-page.h"

typedef struct
{
  EnlaceStore *store;
  gulong       changed_id;
  char        *title;
  char        *subtitle;
  char        *kind;
  gint64       object_id;
} EnlacePagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (EnlacePage, enlace_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_KIND,
  PROP_OBJECT_ID,
  N_PROPS
};

enum {
  OBJECT_ACTIVATED,
  SHOW_MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GHashTable *registry;

static void
on_store_changed (EnlacePage      *self,
                  EnlaceChangeSet *changes,
                  EnlaceStore     *store)
{
  g_assert (ENLACE_IS_PAGE (self));

  if (ENLACE_PAGE_GET_CLASS (self)->store_changed)
    ENLACE_PAGE_GET_CLASS (self)->store_changed (self, changes);
}

static const char *
kind_table (const char *kind)
{
  const char *slash;
  const EnlaceKind *k;

  if (kind == NULL)
    return NULL;
  slash = strchr (kind, '/');
  k = enlace_kind_lookup (slash ? slash + 1 : kind);
  return k ? k->table : NULL;
}

static void
enlace_page_real_store_changed (EnlacePage      *self,
                                EnlaceChangeSet *changes)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);
  const char *table;

  if (priv->kind == NULL)
    return;

  table = kind_table (priv->kind);
  if (changes == NULL || changes->bulk || table == NULL ||
      enlace_change_set_touches (changes, table))
    enlace_page_reload (self);
}

static void
enlace_page_dispose (GObject *object)
{
  EnlacePage *self = (EnlacePage *)object;

  enlace_page_set_store (self, NULL);

  G_OBJECT_CLASS (enlace_page_parent_class)->dispose (object);
}

static void
enlace_page_finalize (GObject *object)
{
  EnlacePage *self = (EnlacePage *)object;
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->subtitle, g_free);
  g_clear_pointer (&priv->kind, g_free);

  G_OBJECT_CLASS (enlace_page_parent_class)->finalize (object);
}

static void
enlace_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EnlacePage *self = ENLACE_PAGE (object);
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, priv->subtitle);
      break;
    case PROP_KIND:
      g_value_set_string (value, priv->kind);
      break;
    case PROP_OBJECT_ID:
      g_value_set_int64 (value, priv->object_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  EnlacePage *self = ENLACE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      enlace_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      enlace_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      enlace_page_set_subtitle (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
enlace_page_class_init (EnlacePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = enlace_page_dispose;
  object_class->finalize = enlace_page_finalize;
  object_class->get_property = enlace_page_get_property;
  object_class->set_property = enlace_page_set_property;

  klass->store_changed = enlace_page_real_store_changed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ENLACE_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OBJECT_ID] =
    g_param_spec_int64 ("object-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EnlacePage::object-activated:
   * @kind: a kind, possibly qualified ("trace/port")
   * @id: the object id (0 for lists)
   *
   * The page asks the window to show another object.
   */
  signals[OBJECT_ACTIVATED] =
    g_signal_new ("object-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  /**
   * EnlacePage::show-message:
   * @message: a sentence for the user
   *
   * The window shows @message as a toast.
   */
  signals[SHOW_MESSAGE] =
    g_signal_new ("show-message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
enlace_page_init (EnlacePage *self)
{
}

EnlaceStore *
enlace_page_get_store (EnlacePage *self)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  g_return_val_if_fail (ENLACE_IS_PAGE (self), NULL);

  return priv->store;
}

void
enlace_page_set_store (EnlacePage  *self,
                       EnlaceStore *store)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  g_return_if_fail (ENLACE_IS_PAGE (self));
  g_return_if_fail (!store || ENLACE_IS_STORE (store));

  if (priv->store == store)
    return;

  if (priv->store != NULL)
    {
      g_clear_signal_handler (&priv->changed_id, priv->store);
      g_clear_object (&priv->store);
    }

  if (store != NULL)
    {
      priv->store = g_object_ref (store);
      priv->changed_id =
        g_signal_connect_object (store, "changed",
                                 G_CALLBACK (on_store_changed),
                                 self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
enlace_page_get_title (EnlacePage *self)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  g_return_val_if_fail (ENLACE_IS_PAGE (self), NULL);

  return priv->title;
}

void
enlace_page_set_title (EnlacePage *self,
                       const char *title)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  g_return_if_fail (ENLACE_IS_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
enlace_page_get_subtitle (EnlacePage *self)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  g_return_val_if_fail (ENLACE_IS_PAGE (self), NULL);

  return priv->subtitle;
}

void
enlace_page_set_subtitle (EnlacePage *self,
                          const char *subtitle)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  g_return_if_fail (ENLACE_IS_PAGE (self));

  if (g_strcmp0 (priv->subtitle, subtitle) == 0)
    return;

  g_free (priv->subtitle);
  priv->subtitle = g_strdup (subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
enlace_page_get_kind (EnlacePage *self)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  g_return_val_if_fail (ENLACE_IS_PAGE (self), NULL);

  return priv->kind;
}

gint64
enlace_page_get_object_id (EnlacePage *self)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);

  g_return_val_if_fail (ENLACE_IS_PAGE (self), 0);

  return priv->object_id;
}

void
enlace_page_set_object (EnlacePage *self,
                        const char *kind,
                        gint64      id)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);
  gboolean kind_changed;

  g_return_if_fail (ENLACE_IS_PAGE (self));
  g_return_if_fail (kind != NULL);

  kind_changed = g_strcmp0 (priv->kind, kind) != 0;
  if (kind_changed)
    {
      g_free (priv->kind);
      priv->kind = g_strdup (kind);
    }

  if (priv->object_id != id)
    {
      priv->object_id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT_ID]);
    }

  if (kind_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);

  if (ENLACE_PAGE_GET_CLASS (self)->set_object)
    ENLACE_PAGE_GET_CLASS (self)->set_object (self, kind, id);
}

void
enlace_page_follow_tracer (EnlacePage    *self,
                           EnlaceTracer **tracer,
                           gulong        *changed_id,
                           GCallback      on_changed)
{
  EnlaceStore *store;

  g_return_if_fail (ENLACE_IS_PAGE (self));
  g_return_if_fail (tracer != NULL && changed_id != NULL);

  store = enlace_page_get_store (self);
  if (*tracer && enlace_tracer_get_store (*tracer) == store)
    return;
  if (*tracer)
    g_clear_signal_handler (changed_id, *tracer);
  g_clear_object (tracer);
  if (store == NULL)
    return;
  *tracer = enlace_tracer_get_for_store (store);
  *changed_id = g_signal_connect_swapped (*tracer, "changed", on_changed, self);
}

void
enlace_page_reload (EnlacePage *self)
{
  EnlacePagePrivate *priv = enlace_page_get_instance_private (self);
  g_autofree char *kind = NULL;

  g_return_if_fail (ENLACE_IS_PAGE (self));

  if (priv->kind == NULL)
    return;

  kind = g_strdup (priv->kind);
  if (ENLACE_PAGE_GET_CLASS (self)->set_object)
    ENLACE_PAGE_GET_CLASS (self)->set_object (self, kind, priv->object_id);
}

void
enlace_page_activate_object (EnlacePage *self,
                             const char *kind,
                             gint64      id)
{
  g_return_if_fail (ENLACE_IS_PAGE (self));
  g_return_if_fail (kind != NULL);

  g_signal_emit (self, signals[OBJECT_ACTIVATED], 0, kind, id);
}

void
enlace_page_show_message (EnlacePage *self,
                          const char *message)
{
  g_return_if_fail (ENLACE_IS_PAGE (self));
  g_return_if_fail (message != NULL);

  g_signal_emit (self, signals[SHOW_MESSAGE], 0, message);
}

void
enlace_page_show_error (EnlacePage   *self,
                        const GError *error)
{
  g_return_if_fail (ENLACE_IS_PAGE (self));
  g_return_if_fail (error != NULL);

  enlace_page_show_message (self, error->message);
}

gboolean
enlace_page_can_print (EnlacePage *self)
{
  g_return_val_if_fail (ENLACE_IS_PAGE (self), FALSE);

  return ENLACE_PAGE_GET_CLASS (self)->create_print_operation != NULL;
}

GtkPrintOperation *
enlace_page_create_print_operation (EnlacePage *self)
{
  g_return_val_if_fail (ENLACE_IS_PAGE (self), NULL);

  if (ENLACE_PAGE_GET_CLASS (self)->create_print_operation == NULL)
    return NULL;

  return ENLACE_PAGE_GET_CLASS (self)->create_print_operation (self);
}

void
enlace_page_focus_main (EnlacePage *self)
{
  g_return_if_fail (ENLACE_IS_PAGE (self));

  if (ENLACE_PAGE_GET_CLASS (self)->focus_main)
    ENLACE_PAGE_GET_CLASS (self)->focus_main (self);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
enlace_page_register (const char *kind,
                      GType       page_type)
{
  g_return_if_fail (kind != NULL);
  g_return_if_fail (g_type_is_a (page_type, ENLACE_TYPE_PAGE));

  if (registry == NULL)
    registry = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_insert (registry, g_strdup (kind), GSIZE_TO_POINTER (page_type));
}

GType
enlace_page_lookup_type (const char *kind)
{
  const char *slash;
  gpointer type;

  g_return_val_if_fail (kind != NULL, G_TYPE_INVALID);

  if (registry == NULL)
    return G_TYPE_INVALID;

  if ((type = g_hash_table_lookup (registry, kind)))
    return GPOINTER_TO_SIZE (type);

  if ((slash = strchr (kind, '/')))
    {
      g_autofree char *prefix = g_strndup (kind, slash - kind);

      if ((type = g_hash_table_lookup (registry, prefix)))
        return GPOINTER_TO_SIZE (type);
    }

  return G_TYPE_INVALID;
}
