/* enlace-object-form.h: the generic form of an object of any kind
 *
 * Built from the kind's fields (model/enlace-kinds.h): text and numbers as
 * entry rows, choices and references as drop-downs (a reference to a kind
 * with many objects, such as ports, is typed as its readable key).  Saving
 * goes through enlace_store_create / enlace_store_update; a refusal of the
 * model is shown under the field it concerns.
 *
 * As a page it shows and edits one object ("edit mode", any kind without a
 * page of its own); the window also puts it in a dialog to create one.
 */
#pragma once

#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_OBJECT_FORM (enlace_object_form_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceObjectForm, enlace_object_form, ENLACE, OBJECT_FORM, EnlacePage)

GtkWidget  *enlace_object_form_new           (void);
/* Create mode: empty fields (with the kind's usual defaults), the parent
 * field set to @parent_id when > 0.  The store must be set first. */
void        enlace_object_form_set_create    (EnlaceObjectForm  *self,
                                              const char        *kind,
                                              gint64             parent_id);
/* The kind being created or edited ("building"), NULL before either. */
const char *enlace_object_form_get_kind      (EnlaceObjectForm  *self);
gboolean    enlace_object_form_is_create     (EnlaceObjectForm  *self);
/* Sets a field from text: a number, a choice value ("telecom-room"),
 * "true"/"false", or for a reference a readable key or "#ID".  FALSE
 * when the form has no such field or the value is not one of its
 * choices. */
gboolean    enlace_object_form_set_value     (EnlaceObjectForm  *self,
                                              const char        *field,
                                              const char        *text);
/* Creates or updates.  Returns the object id, or 0 with @error set (the
 * message is also shown in the form, next to its field). */
gint64      enlace_object_form_save          (EnlaceObjectForm  *self,
                                              GError           **error);
/* The message shown now (NULL when none) and the field it is shown at
 * (NULL: at the top of the form). */
const char *enlace_object_form_get_error     (EnlaceObjectForm  *self,
                                              const char       **field);

/* A circuit's outage history (EnlaceObjectCases of its fault reports);
 * hidden for other kinds and for circuits with none. */
GtkWidget        *enlace_object_form_get_outages (EnlaceObjectForm *self);
/* A cable's installation test (EnlaceCableTestView; hidden for other kinds). */
GtkWidget   *enlace_object_form_get_cable_test (EnlaceObjectForm *self);
/* An extension's page: "Change status…" beside its read-only status (the
 * status changes only through a case of "extension-estado": it opens the
 * new-case dialog, prefilled); NULL for other kinds and in create mode. */
GtkWidget        *enlace_object_form_get_change_status_button (EnlaceObjectForm *self);

G_END_DECLS
