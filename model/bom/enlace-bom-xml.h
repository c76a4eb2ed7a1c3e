/* enlace-bom-xml.h: the label templates, the price list and the tests of
 * installed runs (tables label_template, bom_price, cable_test; see
 * enlace-label-templates.h, enlace-bom.h, enlace-install.h) in the
 * project's XML exchange (data/enlace.rng).  Written after the cabling
 * rules, in this order, each kind sorted by its key:
 *
 *   <label-template name="Campus" style="rack" pattern="{b}-{r}-{u:2}:{n:2}"/>
 *   <bom-price item="cable:cat6" price="4.5" description="Cat6 U/UTP, m"/>
 *   <cable-test cable="A-1A-A01" length-m="42.7" result="pass" margin-db="3.1"
 *               tested-at="2026-03-01T10:00:00Z" source="certifier"/>
 *
 * A test names its cable by label or, for a cable without one, by the
 * first port (port=) or circuit termination (circuit=) of its ends, as
 * <laid-cable> does.  Called by model/exchange. */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "enlace-cases-xml.h"
#include "enlace-store.h"

G_BEGIN_DECLS

/* @key_func names ports and circuit terminations as the file does. */
gboolean enlace_bom_xml_export   (EnlaceStore       *store,
                                  xmlTextWriterPtr   w,
                                  EnlaceXmlKeyFunc   key_func,
                                  gpointer           data,
                                  GError           **error);

/* TRUE for the elements handled here. */
gboolean enlace_bom_xml_handles  (const char        *element);

/* One element: checked by the rules of the label templates and of the
 * price list (the messages name the template, the item, the cable).
 * @id_func finds the cables, ports and circuit terminations read so far;
 * the cable ends must be in the database.  Errors in the ENLACE_XML_ERROR
 * domain, without the line (the caller adds it). */
gboolean enlace_bom_xml_import   (EnlaceStore       *store,
                                  xmlNodePtr         node,
                                  EnlaceXmlIdFunc    id_func,
                                  gpointer           data,
                                  GError           **error);

G_END_DECLS
