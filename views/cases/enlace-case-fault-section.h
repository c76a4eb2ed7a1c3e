/* enlace-case-fault-section.h: the fault report's part of its case page
 *
 * "Physical check": the traced path of where the user is, drawn as the
 * trace view draws it (enlace-render-trace.h) and listed hop by hop with
 * each hop's status and what is missing (enlace-fault-check.h).
 * "Common cause": the objects other open faults share with this one, the
 * one with the most open faults first, each linking to the object and to
 * the other cases, and "Resolve with the related cases…"
 * (EnlaceFaultResolveDialog).  Hidden for cases that are not faults.
 */
#pragma once

#include <adwaita.h>

#include "enlace-cases.h"
#include "enlace-fault-resolve-dialog.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_CASE_FAULT_SECTION (enlace_case_fault_section_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceCaseFaultSection, enlace_case_fault_section, ENLACE, CASE_FAULT_SECTION, GtkBox)

GtkWidget *enlace_case_fault_section_new        (void);
/* Shows @kase (NULL or not a fault: hides itself). */
void       enlace_case_fault_section_load       (EnlaceCaseFaultSection *self,
                                                 EnlaceStore            *store,
                                                 const EnlaceCase       *kase);
/* The hops listed, one a line: "KEY\tstatus" (status as
 * enlace_hop_status_to_string ()), a blank line between paths. */
char      *enlace_case_fault_section_dup_check_text (EnlaceCaseFaultSection *self);
/* The common causes shown (EnlaceFaultCause*, owned), most open faults first. */
GPtrArray *enlace_case_fault_section_get_causes (EnlaceCaseFaultSection *self);
/* The title of cause row @index ("3 reportes abiertos pasan por …"), or NULL. */
const char *enlace_case_fault_section_get_cause_title (EnlaceCaseFaultSection *self,
                                                       guint                   index);
/* Opens the dialog closing cause @index with its cases; NULL when none. */
EnlaceFaultResolveDialog *enlace_case_fault_section_open_resolve (EnlaceCaseFaultSection *self,
                                                                  guint                   index);

G_END_DECLS
