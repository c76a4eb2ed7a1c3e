/* enlace-faulty-xml.h: cables and ports marked faulty (table faulty_mark,
 * model/inventory/enlace-faulty.h) in the project's XML exchange.  Written
 * after the cases (a mark may name the case that made it), one element a
 * mark, in the order they were made:
 *
 *   <faulty-mark kind="cable" key="C-0042" case="FALLA-2026-0007"
 *                at="2026-03-01T10:00:00Z"><note>…</note></faulty-mark>
 *   <faulty-mark kind="port" key="SW-B2:Gi1/0/3" at="…"/>
 *
 * A cable without a label is named by a port it ends on: kind="cable"
 * end="PP-B2-1:14".  Called by enlace-cases-xml.c. */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "enlace-cases-xml.h"
#include "enlace-store.h"

G_BEGIN_DECLS

gboolean enlace_faulty_xml_export (EnlaceStore       *store,
                                   xmlTextWriterPtr   w,
                                   EnlaceXmlKeyFunc   key_func,
                                   gpointer           data,
                                   GError           **error);

/* One <faulty-mark> element: @folios maps a folio to the id of a case read
 * so far.  Errors in the ENLACE_XML_ERROR domain. */
gboolean enlace_faulty_xml_import (EnlaceStore       *store,
                                   xmlNodePtr         node,
                                   EnlaceXmlIdFunc    id_func,
                                   gpointer           data,
                                   GHashTable        *folios,
                                   GError           **error);

G_END_DECLS
