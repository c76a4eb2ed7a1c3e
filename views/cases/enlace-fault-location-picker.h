/* enlace-fault-location-picker.h: where the user of a fault report is
 *
 * A search entry and, under it, the places its text may name
 * (enlace_fault_places_search (): an outlet's label, a room, a person,
 * an extension number, a port DEVICE:PORT); the one picked is shown
 * checked and is what the fault is placed at (enlace_fault_open ()).
 */
#pragma once

#include <adwaita.h>

#include "enlace-fault-places.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_FAULT_LOCATION_PICKER (enlace_fault_location_picker_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceFaultLocationPicker, enlace_fault_location_picker, ENLACE, FAULT_LOCATION_PICKER, GtkBox)

GtkWidget *enlace_fault_location_picker_new          (EnlaceStore               *store);
/* Searches now (the entry waits for typing to pause). */
void       enlace_fault_location_picker_search       (EnlaceFaultLocationPicker *self,
                                                      const char                *text);
/* The places found for the current text (EnlaceFaultPlace*, owned). */
GPtrArray *enlace_fault_location_picker_get_matches  (EnlaceFaultLocationPicker *self);
/* Picks match @index; FALSE when out of range. */
gboolean   enlace_fault_location_picker_select       (EnlaceFaultLocationPicker *self,
                                                      guint                      index);
/* Picks @kind/@id directly (NULL kind: none). */
void       enlace_fault_location_picker_set_location (EnlaceFaultLocationPicker *self,
                                                      const char                *kind,
                                                      gint64                     id);
/* The place picked: TRUE with *@kind (static) and *@id; FALSE when none. */
gboolean   enlace_fault_location_picker_get_location (EnlaceFaultLocationPicker *self,
                                                      const char               **kind,
                                                      gint64                    *id);
/* The picked place's title, or NULL. */
const char *enlace_fault_location_picker_get_title   (EnlaceFaultLocationPicker *self);

G_END_DECLS
