/* enlace-csv-import.h: the department's spreadsheets in and out
 *
 * Export: enlace_csv_export_kind() writes every object of a kind with all
 * of its fields (the header is the field names, as `enlace-cli list`
 * prints them; references as readable keys, choices as their values);
 * enlace_csv_export_list() writes a list as the window shows it (the
 * visible columns, the filter in effect, translated headers and choice
 * labels).  Both are read back by the import.
 *
 * Import of outlets, cables, devices, extensions, people and areas: each
 * column of the header is mapped to a field, by an explicit mapping or
 * by its name (the field's name, its label in English or Spanish, the
 * header of the list's column); references are readable keys (the
 * existing lookup, plus the name for areas, people and devices, and
 * "MANUFACTURER MODEL" for device types, so that a list export imports);
 * choices are their values or their labels.  A row that breaks a rule is
 * refused with its line and the rule; the good rows go in as ONE
 * undoable command ("Import CSV: Cables"), or, with all-or-nothing, none
 * does when one is refused.  A dry run checks everything and writes
 * nothing.
 */
#pragma once

#include <gio/gio.h>

#include "enlace-csv.h"
#include "enlace-query.h"
#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_CSV_IMPORT_ERROR (enlace_csv_import_error_quark ())

typedef enum
{
  ENLACE_CSV_IMPORT_ERROR_KIND,           /* not an importable kind */
  ENLACE_CSV_IMPORT_ERROR_UNKNOWN_COLUMN, /* a header column maps to no field */
  ENLACE_CSV_IMPORT_ERROR_COLUMNS,        /* a required field has no column, two columns give one field */
  ENLACE_CSV_IMPORT_ERROR_EMPTY,          /* no header */
  ENLACE_CSV_IMPORT_ERROR_REFUSED,        /* all-or-nothing, and rows were refused */
  ENLACE_CSV_IMPORT_ERROR_FAILED,         /* I/O or database error */
} EnlaceCsvImportError;

GQuark enlace_csv_import_error_quark (void);

/* Why a row was refused. */
typedef enum
{
  ENLACE_CSV_RULE_UNKNOWN_COLUMN,  /* header: a column that maps to no field */
  ENLACE_CSV_RULE_MISSING,         /* a required field is empty */
  ENLACE_CSV_RULE_REFERENCE,       /* a key names no object */
  ENLACE_CSV_RULE_DUPLICATE,       /* the key is taken (in the project or earlier in the file) */
  ENLACE_CSV_RULE_VALUE,           /* not a number, not one of the choices, … */
  ENLACE_CSV_RULE_ENCODING,        /* not valid text (UTF-8 or the given encoding) */
  ENLACE_CSV_RULE_SYNTAX,          /* a broken record: stray quote, too many fields */
  ENLACE_CSV_RULE_RULE,            /* a rule of the inventory (the store refused) */
} EnlaceCsvRule;

/* "unknown-column", "missing", … (for JSON and the CLI) */
const char *enlace_csv_rule_name  (EnlaceCsvRule rule);
/* translated: "Unknown column", "Missing field", … */
const char *enlace_csv_rule_label (EnlaceCsvRule rule);

typedef struct
{
  guint          line;     /* where the record starts (1: the header) */
  EnlaceCsvRule  rule;
  char          *column;   /* the header of the column at fault, or NULL */
  char          *message;  /* translated, names the value and the rule */
} EnlaceCsvRefusal;

/* The kinds that import: "outlet", "cable", "device", "extension",
 * "person", "area" (NULL-terminated). */
const char * const *enlace_csv_import_kinds (void);
/* Translated plural, "Outlets", or NULL when @kind does not import. */
const char         *enlace_csv_import_kind_label (const char *kind);

/* One field a column may give. */
typedef struct
{
  const char *name;      /* "label", "a", "space_id" */
  const char *label;     /* translated */
  gboolean    required;  /* and without a default */
} EnlaceCsvTarget;

/* The fields of @kind a column may be mapped to (NULL-terminated array,
 * owned by the caller, entries static). */
GPtrArray          *enlace_csv_import_targets (const char *kind);
/* The field a header names for @kind: a target name, "" when the column
 * is one the import knows and leaves aside (a count of the list, say),
 * or NULL when unknown. */
const char         *enlace_csv_import_guess  (const char *kind,
                                              const char *header);

typedef struct _EnlaceCsvImport EnlaceCsvImport;

typedef void (*EnlaceCsvProgressFunc) (guint    rows,
                                       guint64  bytes,
                                       gpointer user_data);

EnlaceCsvImport   *enlace_csv_import_new          (EnlaceStore      *store,
                                                   const char       *kind,
                                                   GError          **error);
void               enlace_csv_import_free         (EnlaceCsvImport  *self);
/* Maps the column whose header is @column to @field (a target name), or
 * leaves it aside when @field is NULL or "".  Overrides the guess. */
void               enlace_csv_import_set_mapping  (EnlaceCsvImport  *self,
                                                   const char       *column,
                                                   const char       *field);
/* "col=field,col2=field2" (as --map takes it); FALSE on a bad item. */
gboolean           enlace_csv_import_parse_mapping (EnlaceCsvImport *self,
                                                    const char      *spec,
                                                    GError         **error);
void               enlace_csv_import_set_dry_run  (EnlaceCsvImport  *self,
                                                   gboolean          dry_run);
void               enlace_csv_import_set_all_or_nothing (EnlaceCsvImport *self,
                                                         gboolean         all);
/* Called every few hundred rows, in the thread that runs the import. */
void               enlace_csv_import_set_progress (EnlaceCsvImport  *self,
                                                   EnlaceCsvProgressFunc func,
                                                   gpointer          user_data);

/* Reads @reader to the end and imports its rows.  Returns FALSE with
 * @error when nothing was imported because of the header (unknown
 * column, missing required column), of all-or-nothing with refusals
 * (ENLACE_CSV_IMPORT_ERROR_REFUSED), of @cancellable (G_IO_ERROR_CANCELLED)
 * or of an I/O error; then the project is unchanged.  Refused rows alone
 * do not fail the import: see get_refusals. */
gboolean           enlace_csv_import_run          (EnlaceCsvImport  *self,
                                                   EnlaceCsvReader  *reader,
                                                   GCancellable     *cancellable,
                                                   GError          **error);

/* After run: the header as read, the field each column went to ("" for
 * none), the rows read (without the header), imported (0 on a dry run:
 * see get_n_good), good, and the refusals in line order. */
const char * const *enlace_csv_import_get_header  (EnlaceCsvImport  *self);
const char * const *enlace_csv_import_get_fields  (EnlaceCsvImport  *self);
guint              enlace_csv_import_get_n_rows   (EnlaceCsvImport  *self);
guint              enlace_csv_import_get_n_good   (EnlaceCsvImport  *self);
guint              enlace_csv_import_get_n_imported (EnlaceCsvImport *self);
GPtrArray         *enlace_csv_import_get_refusals (EnlaceCsvImport  *self);
/* The audit-log command of the import, 0 when nothing was written. */
gint64             enlace_csv_import_get_command  (EnlaceCsvImport  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceCsvImport, enlace_csv_import_free)

/* ---- Export ---------------------------------------------------------- */

/* Every object of @kind (any kind of enlace_kinds_all, plus "outlet"),
 * in key order, all fields.  For cables, two more columns "a" and "b"
 * with the terminations' keys.  Returns the rows written, or -1. */
gint64             enlace_csv_export_kind         (EnlaceStore      *store,
                                                   const char       *kind,
                                                   EnlaceCsvWriter  *writer,
                                                   GError          **error);
/* The rows of a list as the window shows them: @ids (in order; NULL: the
 * whole list in its default order) and @columns (indices into
 * spec->columns, @n_columns of them; NULL: all). */
gint64             enlace_csv_export_list         (EnlaceStore          *store,
                                                   const EnlaceListSpec *spec,
                                                   GArray               *ids,
                                                   const guint          *columns,
                                                   guint                 n_columns,
                                                   EnlaceCsvWriter      *writer,
                                                   GError              **error);

G_END_DECLS
