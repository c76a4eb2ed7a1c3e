/* enlace-views.c: registers the page types of the views library */
#define G_LOG_DOMAIN "enlace-views"
#include "config.h"

#include "enlace-plan-page.h"
#include "enlace-case-page.h"
#include "enlace-cases-inbox.h"
#include "enlace-email-accounts-page.h"
#include "enlace-case-stats-page.h"
#include "enlace-bom-page.h"
#include "enlace-fault-groups.h"
#include "enlace-building-page.h"
#include "enlace-device-page.h"
#include "enlace-extension-page.h"
#include "enlace-person-page.h"
#include "enlace-object-form.h"
#include "enlace-object-list.h"
#include "enlace-impact-view.h"
#include "enlace-page.h"
#include "enlace-rack-view.h"
#include "enlace-rules-page.h"
#include "enlace-search-page.h"
#include "enlace-trace-view.h"

/* The views resources (enlace-views.gresource.xml) register themselves
 * when the program starts: link the library with link_whole.
 *
 * Each page type of views/ registers here, one line per kind it shows
 * (see enlace-page.h).  Keep the lines sorted by kind. */
void
enlace_views_init (void)
{
  static gsize initialized;

  if (!g_once_init_enter (&initialized))
    return;

  /* gui-shell pages; kinds without a page use ENLACE_TYPE_OBJECT_FORM */
  enlace_page_register ("building", ENLACE_TYPE_BUILDING_PAGE);
  enlace_page_register ("floor", ENLACE_TYPE_BUILDING_PAGE);
  enlace_page_register ("list", ENLACE_TYPE_OBJECT_LIST);
  enlace_page_register ("search", ENLACE_TYPE_SEARCH_PAGE);
  enlace_page_register ("site", ENLACE_TYPE_BUILDING_PAGE);
  enlace_page_register ("space", ENLACE_TYPE_BUILDING_PAGE);

  /* gui-views pages */
  enlace_page_register ("device", ENLACE_TYPE_DEVICE_PAGE);
  enlace_page_register ("extension", ENLACE_TYPE_EXTENSION_PAGE);
  enlace_page_register ("impact", ENLACE_TYPE_IMPACT_VIEW);
  enlace_page_register ("person", ENLACE_TYPE_PERSON_PAGE);
  enlace_page_register ("rack", ENLACE_TYPE_RACK_VIEW);
  enlace_page_register ("trace", ENLACE_TYPE_TRACE_VIEW);

  /* procedures and cases (Atención) */
  enlace_page_register ("case", ENLACE_TYPE_CASE_PAGE);
  enlace_page_register ("cases", ENLACE_TYPE_CASES_INBOX);
  enlace_page_register ("email-accounts", ENLACE_TYPE_EMAIL_ACCOUNTS_PAGE);
  enlace_page_register ("case-stats", ENLACE_TYPE_CASE_STATS_PAGE);
  enlace_page_register ("bom", ENLACE_TYPE_BOM_PAGE);
  enlace_page_register ("fault-causes", ENLACE_TYPE_FAULT_GROUPS);
  enlace_page_register ("email_account", ENLACE_TYPE_EMAIL_ACCOUNTS_PAGE);

  /* floor plans */
  enlace_page_register ("plan", ENLACE_TYPE_PLAN_PAGE);

  /* cabling rules: "rules" (campus), "rules/building", "rules/floor" */
  enlace_page_register ("rules", ENLACE_TYPE_RULES_PAGE);

  g_once_init_leave (&initialized, 1);
}
