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
 *    and marks the cable installed; the tested length becomes the
 *    cable's length (the design's computed length is in the log, and
 *    Undo brings it back): one command.  A failed test leaves the cable
 *    installed: it is laid, and its page shows the failure.
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
 * planned object.  A planned device with ports but no device type (the
 * outlets and panels of a design made before the design gave them types)
 * first gets one in the same command (enlace_device_adopt_type: a type of
 * the file with the same ports, or a "Generic" one made from them), since
 * the order makes each device again from its type.  Returns the case id;
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
/* {"result": "pass"|"fail", "length_m", "margin_db" (when given),
 * "tested_at", "source"}: the "test" of a cable's details. */
JsonObject  *enlace_cable_test_to_json  (EnlaceCableTest *self);
/* In words, for the cable's page and enlace-cli show: "Fail · 14.0 m ·
 * margin -1.2 dB · 2026-12-06 10:30 · certifier". */
char        *enlace_cable_test_describe (EnlaceCableTest *self);

/* Records the installation of the run labelled @label: its tested length
 * (< 0 or NAN: not given; given, it becomes the cable's length), result
 * and margin (NAN: not given).  One command. */
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
