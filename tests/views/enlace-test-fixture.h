/* enlace-test-fixture.h: a small, known cabling plant for the view tests
 *
 * Site UTV, building B1, floor 1: telecom room TR-1 with a 24 U rack R1
 * (PP-1 at U24, SW-1 at U22, a full-depth 2 U server SRV-1 at U18, a
 * planned switch SW-2 at U12, a 0 U power strip PDU-1), office 101 with a
 * double outlet O-101 and a computer PC-101.  Cables:
 *   PC-0001  SW-1:Gi1/0/1 — PP-1:1       patch cord, cat6, 1 m, blue
 *   H-101-1  PP-1:R1      — O-101:R1     horizontal, cat6, 45 m, white
 *   PC-0002  O-101:J1     — PC-101:eth0  patch cord, cat6, 3 m, grey
 *   PC-0003  SW-1:Gi1/0/2 — PP-1:2       patch cord, planned
 * so SW-1:Gi1/0/1 traces to PC-101:eth0, complete and active, 49 m.
 */
#pragma once

#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 site, building, floor, tr, office;
  gint64 rack;
  gint64 type_panel, type_switch, type_server, type_outlet, type_pc, type_pdu;
  gint64 pp1, sw1, sw2, srv1, pdu1, outlet, pc;
  gint64 sw1_gi1, sw1_gi2, pp1_f1, pp1_r1, outlet_j1, outlet_r1, pc_eth0;
  gint64 cable_patch, cable_horizontal, cable_desk, cable_planned;
} EnlaceTestPlant;

/* A new in-memory store holding the plant; aborts the test on failure. */
EnlaceStore *enlace_test_plant_new     (EnlaceTestPlant *ids);
/* Creates an object from JSON text (printf format); asserts success. */
gint64       enlace_test_create        (EnlaceStore     *store,
                                        const char      *kind,
                                        const char      *json_format,
                                        ...) G_GNUC_PRINTF (3, 4);
gint64       enlace_test_port          (EnlaceStore     *store,
                                        const char      *key);
/* Saves @surface as BUILD_DIR/screenshots/@name (for people to look at). */
void         enlace_test_save_png      (gpointer         cairo_surface,
                                        const char      *name);
char        *enlace_test_screenshot_path (const char    *name);

G_END_DECLS
