/* enlace-device-page.h: the page of a device ("device"): its ports drawn
 * as its front panel; clicking a port shows its trace below, and the port
 * can be connected (the Connect dialog), disconnected, traced or checked
 * for what breaks. */
#pragma once

#include "enlace-connect-dialog.h"
#include "enlace-page.h"
#include "enlace-render-ports.h"
#include "enlace-render-trace.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_DEVICE_PAGE (enlace_device_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceDevicePage, enlace_device_page, ENLACE, DEVICE_PAGE, EnlacePage)

EnlacePortPanel     *enlace_device_page_get_panel      (EnlaceDevicePage *self);
gint64               enlace_device_page_get_selected_port (EnlaceDevicePage *self);
/* Selects a port as a click does (0: none); its trace is shown below. */
void                 enlace_device_page_select_port    (EnlaceDevicePage *self,
                                                        gint64            port_id);
/* The trace of the selected port, or NULL. */
EnlaceTraceDrawing  *enlace_device_page_get_trace      (EnlaceDevicePage *self);
/* Opens the Connect dialog for the selected port (what "Connect…" does);
 * NULL when no free port is selected.  The dialog is shown. */
EnlaceConnectDialog *enlace_device_page_connect        (EnlaceDevicePage *self);
/* The comments shown under the device's status and place, or NULL when
 * it has none. */
const char          *enlace_device_page_get_comments   (EnlaceDevicePage *self);

G_END_DECLS
