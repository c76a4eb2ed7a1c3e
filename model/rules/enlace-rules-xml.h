/* enlace-rules-xml.h: the project's cabling rule set (table cabling_rule,
 * enlace-rules.h) in the project's XML exchange (data/enlace.rng).  One
 * element a rule the project changed, by name, after the faulty marks:
 *
 *   <cabling-rule name="permanent-link.max-m" value="80"/>
 *
 * Called by model/exchange. */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "enlace-store.h"

G_BEGIN_DECLS

/* Writes the rules by name, each value in the form the rules API stores
 * it.  Refuses (ENLACE_XML_ERROR_FAILED) a rule this Enlace does not
 * know or a value it would refuse: the import could not read the file. */
gboolean enlace_rules_xml_export (EnlaceStore       *store,
                                  xmlTextWriterPtr   w,
                                  GError           **error);

/* One <cabling-rule> element, checked as enlace_rules_set_value() checks
 * a value (the message names the rule).  Errors in the ENLACE_XML_ERROR
 * domain, without the line (the caller adds it). */
gboolean enlace_rules_xml_import (EnlaceStore       *store,
                                  xmlNodePtr         node,
                                  GError           **error);

G_END_DECLS
