/* enlace-store-tables.c: the tables of the store itself, declared to the
 * registry of kinds (enlace-kinds.h) */
#define G_LOG_DOMAIN "enlace-store"
#include "config.h"

#include <glib/gi18n.h>

#include "enlace-areas.h"
#include "enlace-kinds.h"

/* "meta" is part of the document: its rows are undone like any other. */
static const char * const store_document_tables[] = { "meta", NULL };
static const char * const store_outside_tables[] = {
  "command", "change",  /* the audit log and the undo history */
  "attachment",         /* content-addressed files, never changed in place */
  NULL
};
static const EnlaceChoiceLabel store_choice_labels[] = {
  /* audit log: what kind of command */
  { "do", N_("Change") },
  { "undo", N_("Undo") },
  { "redo", N_("Redo") },
};

void
enlace_store_register_tables (void)
{
  enlace_document_tables_declare (store_document_tables);
  enlace_outside_tables_declare (store_outside_tables);
  enlace_choice_labels_register (store_choice_labels, G_N_ELEMENTS (store_choice_labels));
}
