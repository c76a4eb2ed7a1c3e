/* enlace-cases-xml.h: procedures, cases and e-mail accounts in the project
 * XML exchange (data/enlace.rng).  Hooks called by model/exchange: they
 * write after the floor plans, in this order:
 *
 *   <procedure code version current …>  every version (as procedures.xml)
 *   <email-account id address …>       the registry; id: ordinal in the file
 *   <case folio procedure version …>    steps, timeline (attachments in
 *                                       base64), links
 *
 * Procedures are written when the project's manual is not the built-in
 * one or when there are cases, so that a project without cases exports as
 * it did before version 3.  Import replaces the new project's built-in
 * manual by the file's (or keeps it when the file has none).
 */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "enlace-store.h"

G_BEGIN_DECLS

/* The readable key of an object as the export writes it (person keys
 * differ from names when names repeat); NULL when unknown. */
typedef const char *(*EnlaceXmlKeyFunc) (gpointer    data,
                                         const char *kind,
                                         gint64      id);
/* The id of an object read so far by its key; 0 when unknown. */
typedef gint64      (*EnlaceXmlIdFunc)  (gpointer    data,
                                         const char *kind,
                                         const char *key);

gboolean enlace_cases_xml_export         (EnlaceStore       *store,
                                          xmlTextWriterPtr   w,
                                          EnlaceXmlKeyFunc   key_func,
                                          gpointer           data,
                                          GError           **error);

typedef struct _EnlaceCasesXmlImport EnlaceCasesXmlImport;

/* Inside the import's command: refuses a project that has cases or
 * accounts.  The first <procedure> takes the built-in manual out (a
 * recorded deletion: undo of the import puts it back). */
EnlaceCasesXmlImport *enlace_cases_xml_import_begin (EnlaceStore      *store,
                                                     EnlaceXmlIdFunc   id_func,
                                                     gpointer          data,
                                                     GError          **error);
/* TRUE for the top-level elements handled here. */
gboolean enlace_cases_xml_handles        (const char            *element);
/* @node: the expanded element (with its children).  Errors are in the
 * ENLACE_XML_ERROR domain, without the line (the caller adds it). */
gboolean enlace_cases_xml_import_element (EnlaceCasesXmlImport  *self,
                                          xmlNodePtr             node,
                                          GError               **error);
/* After the last element (in bulk mode): resolves the accounts' folios. */
gboolean enlace_cases_xml_import_end     (EnlaceCasesXmlImport  *self,
                                          GError               **error);
void     enlace_cases_xml_import_free    (EnlaceCasesXmlImport  *self);

/* For the readers of the areas that write elements of their own (the
 * cases, enlace-bom-xml.c, enlace-rules-xml.c): the value of
 * attribute @name, NULL when absent; the text of the first child element
 * @name ("" when empty), NULL when there is none. */
char    *enlace_cases_xml_prop           (xmlNodePtr             node,
                                          const char            *name);
char    *enlace_cases_xml_child_text     (xmlNodePtr             node,
                                          const char            *name);

G_END_DECLS
