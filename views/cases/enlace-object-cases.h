/* enlace-object-cases.h: the cases of an inventory object, open first
 * (enlace_cases_for_object), as links that open them (win.show-object).
 * A small section for object pages (device, outlet); hidden when the
 * object has no cases. */
#pragma once

#include <gtk/gtk.h>

#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_OBJECT_CASES (enlace_object_cases_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceObjectCases, enlace_object_cases, ENLACE, OBJECT_CASES, GtkBox)

GtkWidget *enlace_object_cases_new        (void);
/* @kinds: the link kinds the object is known by ("device", "outlet"),
 * NULL-terminated.  Reloads when the store changes a case. */
void       enlace_object_cases_set_object (EnlaceObjectCases  *self,
                                           EnlaceStore        *store,
                                           const char * const *kinds,
                                           gint64              id);
guint      enlace_object_cases_get_n_cases (EnlaceObjectCases *self);
/* Only the fault reports, newest first, under "Outage history": a
 * provider circuit's outages (enlace_faults_for_object ()). */
void       enlace_object_cases_set_faults_only (EnlaceObjectCases *self,
                                                gboolean           faults_only);

G_END_DECLS
