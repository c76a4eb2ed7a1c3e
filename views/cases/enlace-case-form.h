/* enlace-case-form.h: the widgets of a procedure's typed fields
 *
 * Builds a boxed list of rows for EnlaceFieldSpec fields (text, multiline,
 * int, date, choice, bool, person, area, space, outlet, email) and reads
 * their values back as a JSON object (references as ids).  Not a widget
 * class: the form lives as long as the list box it made.
 */
#pragma once

#include <adwaita.h>

#include "enlace-cases.h"

G_BEGIN_DECLS

typedef struct _EnlaceCaseForm EnlaceCaseForm;

/* @fields: of EnlaceFieldSpec* (copied); @values: initial values or NULL. */
EnlaceCaseForm *enlace_case_form_new        (EnlaceStore    *store,
                                             GPtrArray      *fields,
                                             JsonObject     *values);
/* The list box holding the rows (owned by the form until it is put in a
 * parent; the form is freed with it). */
GtkWidget      *enlace_case_form_get_widget (EnlaceCaseForm *self);
guint           enlace_case_form_get_n_fields (EnlaceCaseForm *self);
/* The values entered; empty fields are left out. */
JsonObject     *enlace_case_form_get_values (EnlaceCaseForm *self);
/* FALSE, naming the first required field left empty. */
gboolean        enlace_case_form_check      (EnlaceCaseForm *self,
                                             GError        **error);
/* Sets a field from text (tests): a choice by value, a reference by id. */
gboolean        enlace_case_form_set_text   (EnlaceCaseForm *self,
                                             const char     *name,
                                             const char     *text);
void            enlace_case_form_set_sensitive (EnlaceCaseForm *self,
                                             gboolean        sensitive);

/* A searchable drop-down of the objects of @kind ("person", "area",
 * "space", "outlet": devices whose role is outlet), with "none" first
 * when @none_label is set.  Selected id: enlace_case_ref_drop_get_id(). */
GtkWidget      *enlace_case_ref_drop_new    (EnlaceStore    *store,
                                             const char     *kind,
                                             const char     *none_label);
gint64          enlace_case_ref_drop_get_id (GtkWidget      *drop);
void            enlace_case_ref_drop_set_id (GtkWidget      *drop,
                                             gint64          id);
/* The staff (enlace_cases_staff), "Nobody" first. */
GtkWidget      *enlace_case_staff_drop_new  (EnlaceStore    *store);

G_END_DECLS
