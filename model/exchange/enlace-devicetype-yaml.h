/* enlace-devicetype-yaml.h: device types from the NetBox community
 * device-type library (YAML), parsed with libyaml and imported into a
 * store as one undoable command.
 *
 * Two phases, so that a GUI can parse in a worker thread and write on the
 * main thread:
 *
 *   batch = enlace_device_type_batch_load (paths, progress, data, cancellable, &error);
 *   summary = enlace_device_types_import_batch (store, batch, cancellable, &error);
 *
 * enlace_device_types_import() does both.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_DEVICE_TYPE_ERROR (enlace_device_type_error_quark ())

typedef enum
{
  ENLACE_DEVICE_TYPE_ERROR_PARSE,     /* not well-formed YAML */
  ENLACE_DEVICE_TYPE_ERROR_INVALID,   /* YAML, but breaks a rule (missing model, bad mapping, ...) */
  ENLACE_DEVICE_TYPE_ERROR_NO_FILES,  /* nothing to import under a path */
  ENLACE_DEVICE_TYPE_ERROR_NOTHING,   /* every file was skipped */
} EnlaceDeviceTypeError;

GQuark enlace_device_type_error_quark (void);

/* One port template of a parsed file.  @kind: "interface", "front",
 * "rear"; @medium and @connector: values of port_template. */
typedef struct
{
  char     *name;
  char     *kind;
  char     *netbox_type;
  char     *medium;
  char     *connector;
  int       positions;
  char     *label;       /* NULL when absent or empty */
  gboolean  mgmt_only;
  guint     line;        /* 1-based line of the port in the file */
} EnlaceDeviceTypePort;

typedef struct
{
  char  *front_name;
  int    front_pos;
  char  *rear_name;
  int    rear_pos;
  guint  line;
} EnlaceDeviceTypeMapping;

/* One parsed file. */
typedef struct
{
  char      *file;
  char      *manufacturer;
  char      *model;
  char      *slug;
  char      *part_number;
  double     u_height;
  gboolean   full_depth;
  char      *role;          /* guessed: patch-panel, switch, router, ... */
  GPtrArray *ports;         /* of EnlaceDeviceTypePort, interfaces then front then rear */
  GPtrArray *mappings;      /* of EnlaceDeviceTypeMapping */
  guint      n_module_bays;
  guint      n_ignored;     /* console/power ports, virtual interfaces, ... */
  guint      n_renamed;     /* ports renamed because their name clashed */
} EnlaceDeviceTypeDef;

void                 enlace_device_type_def_free    (EnlaceDeviceTypeDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceDeviceTypeDef, enlace_device_type_def_free)

/* Parses one YAML document.  @file names the input in messages.  On
 * error the message reads "FILE:LINE: what is wrong". */
EnlaceDeviceTypeDef *enlace_device_type_def_parse      (const char   *file,
                                                        const char   *data,
                                                        gsize         length,
                                                        GError      **error);
EnlaceDeviceTypeDef *enlace_device_type_def_parse_file (const char   *path,
                                                        GError      **error);
guint                enlace_device_type_def_count      (const EnlaceDeviceTypeDef *def,
                                                        const char   *kind);

/* NetBox type → medium and connector.  Returns FALSE for types that are
 * not cabling (virtual, lag, wireless, ...). */
gboolean             enlace_device_type_map_netbox_type (const char   *netbox_type,
                                                         gboolean      is_interface,
                                                         const char **medium,
                                                         const char **connector);

/* What an import did. */
typedef enum
{
  ENLACE_DEVICE_TYPE_SKIP_INVALID,    /* unreadable or breaks a rule */
  ENLACE_DEVICE_TYPE_SKIP_DUPLICATE,  /* already in the document, or twice in the import */
} EnlaceDeviceTypeSkipReason;

typedef struct
{
  char                       *file;
  guint                       line;          /* 0 when not about a line */
  char                       *manufacturer;  /* NULL when unknown */
  char                       *model;
  EnlaceDeviceTypeSkipReason  reason;
  char                       *message;       /* translated, complete: "FILE:LINE: what" */
  char                       *detail;        /* the message without "FILE:LINE: " */
} EnlaceDeviceTypeSkipped;

typedef struct
{
  char   *file;
  char   *manufacturer;
  char   *model;
  char   *role;
  gint64  id;
  guint   n_interfaces;
  guint   n_front;
  guint   n_rear;
  guint   n_mappings;
  guint   n_module_bays;  /* not imported */
  guint   n_renamed;
} EnlaceDeviceTypeImported;

typedef struct _EnlaceDeviceTypeImport EnlaceDeviceTypeImport;
struct _EnlaceDeviceTypeImport
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  guint      n_files;      /* files read */
  GPtrArray *imported;     /* of EnlaceDeviceTypeImported */
  GPtrArray *skipped;      /* of EnlaceDeviceTypeSkipped */
  guint      n_ports;      /* port templates written */
  guint      n_mappings;   /* mapping templates written */
  gint64     command_id;   /* 0 when nothing was written */
};

#define ENLACE_TYPE_DEVICE_TYPE_IMPORT (enlace_device_type_import_get_type ())
GType                   enlace_device_type_import_get_type (void) G_GNUC_CONST;
EnlaceDeviceTypeImport *enlace_device_type_import_ref      (EnlaceDeviceTypeImport *self);
void                    enlace_device_type_import_unref    (EnlaceDeviceTypeImport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceDeviceTypeImport, enlace_device_type_import_unref)

/* The summary as translated text, several lines, ending in a newline. */
char                   *enlace_device_type_import_format   (EnlaceDeviceTypeImport *self);
/* "Imported 3 device types, 72 ports and 48 mappings from 5 files." */
char                   *enlace_device_type_import_dup_headline (EnlaceDeviceTypeImport *self);
/* "24 front ports, 24 rear ports, 24 mappings — …" (translated) */
char                   *enlace_device_type_imported_dup_details (const EnlaceDeviceTypeImported *item);
/* {"files":N,"imported":[{...}],"skipped":[{...}],"ports":N,"mappings":N} */
JsonNode               *enlace_device_type_import_to_json  (EnlaceDeviceTypeImport *self);

/* Parsed files of an import, not yet written. */
typedef struct _EnlaceDeviceTypeBatch EnlaceDeviceTypeBatch;
void enlace_device_type_batch_free (EnlaceDeviceTypeBatch *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceDeviceTypeBatch, enlace_device_type_batch_free)

/* Called after each file with the count done and the total (any thread). */
typedef void (*EnlaceDeviceTypeProgress) (guint    done,
                                          guint    total,
                                          gpointer user_data);

/* Reads every path: a file, or a folder searched recursively for *.yaml
 * and *.yml (in name order).  Files that cannot be parsed are kept as
 * skipped entries; the function fails only when a path does not exist or
 * holds no YAML file, or on cancellation.  Uses no store: safe in a
 * worker thread. */
EnlaceDeviceTypeBatch  *enlace_device_type_batch_load      (const char * const        *paths,
                                                            EnlaceDeviceTypeProgress   progress,
                                                            gpointer                   user_data,
                                                            GCancellable              *cancellable,
                                                            GError                   **error);
guint                   enlace_device_type_batch_get_n_files (EnlaceDeviceTypeBatch *batch);

/* Writes the valid, new device types of @batch as one command
 * ("Import device types").  Duplicates (same manufacturer and model in
 * the document or earlier in the batch) are skipped.  Returns the summary
 * even when everything was skipped; NULL with @error on an SQLite error
 * or cancellation (nothing is written then). */
EnlaceDeviceTypeImport *enlace_device_types_import_batch   (EnlaceStore              *store,
                                                            EnlaceDeviceTypeBatch    *batch,
                                                            GCancellable             *cancellable,
                                                            GError                  **error);

/* Both phases for one path (file or folder). */
EnlaceDeviceTypeImport *enlace_device_types_import         (EnlaceStore              *store,
                                                            const char               *path,
                                                            GCancellable             *cancellable,
                                                            GError                  **error);

G_END_DECLS
