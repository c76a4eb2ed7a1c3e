/* enlace-install.h: from a design to its installation.  Part of model/.
 *
 *  - A floor's design (its planned devices and cables) becomes a physical
 *    modification order (a case of procedure "red-modificacion" with a
 *    change set, see enlace-orders.h): each planned outlet an "add-outlet"
 *    change, each other planned device an "add-device" (in its rack and
 *    unit, with its type), each planned cable a "connect" (its ends, kind,
 *    type, length and label; status installed).  The planned objects
 *    move into the order: they leave the plant in the same command, and
 *    executing the order makes them again, installed.  One command.
 *  - Installing a run records its tested length and result (cable_test)
 *    and marks the cable installed: one command.
 *  - A cable certifier's results (CSV: label, length, pass/fail, margin)
 *    are matched to cables by label: the rows that match are recorded as
 *    tests (one command); the report lists the rows that do not match.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

/* Makes the order of the planned objects of floor @level of @building.
 * @values: passed to enlace_case_open() (may be NULL: the summary is
 * "Instalación de BUILDING nivel N").  Refused when the floor has no
 * planned object, or a planned device with ports has no device type (the
 * order could not make its ports again).  Returns the case id;
 * *@n_changes the changes added (may be NULL). */
gint64       enlace_install_floor_order (EnlaceStore  *store,
                                         const char   *building,
                                         const char   *level,
                                         JsonObject   *values,
                                         guint        *n_changes,
                                         GError      **error);

typedef struct
{
  gint64  cable_id;
  double  length_m;     /* < 0: not measured */
  gboolean passed;
  double  margin_db;    /* NAN when not given */
  char   *tested_at;
  char   *source;       /* "manual" or "certifier" */
} EnlaceCableTest;

void         enlace_cable_test_free     (EnlaceCableTest *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceCableTest, enlace_cable_test_free)

/* Records the installation of the run labelled @label: its tested length
 * (< 0: not given), result and margin (NAN: not given).  One command. */
gboolean     enlace_install_run         (EnlaceStore  *store,
                                         const char   *label,
                                         double        length_m,
                                         gboolean      passed,
                                         double        margin_db,
                                         GError      **error);
/* The test of a cable, or NULL (no error) when it has none. */
EnlaceCableTest *enlace_cable_test_get  (EnlaceStore  *store,
                                         gint64        cable_id,
                                         GError      **error);

typedef struct
{
  guint      rows;        /* data rows read */
  guint      matched;     /* recorded */
  guint      passed;
  guint      failed;
  GPtrArray *unmatched;   /* of JsonObject*: {"line","label","reason"} */
} EnlaceCertifyReport;

void         enlace_certify_report_free (EnlaceCertifyReport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceCertifyReport, enlace_certify_report_free)
JsonObject  *enlace_certify_report_to_json (EnlaceCertifyReport *self);

/* Imports a certifier's CSV: a header row naming the columns label
 * (also "cable", "id", "etiqueta"), length ("longitud"), result
 * ("pass/fail", "status", "resultado") and margin ("margen"; optional),
 * comma- or semicolon-separated.  A result is PASS/FAIL (also OK, PASA,
 * FALLA, ✓/✗).  A row matches when exactly one cable has its label and
 * the row is well formed; the others are reported with the reason (no
 * such cable, a label twice in the file, a length or result that cannot
 * be read).  Refused only when the file cannot be read (no header, no
 * label or result column).  @dry_run: report without recording. */
EnlaceCertifyReport *enlace_install_certify (EnlaceStore  *store,
                                             const char   *csv,
                                             gsize         length,
                                             gboolean      dry_run,
                                             GError      **error);

G_END_DECLS
