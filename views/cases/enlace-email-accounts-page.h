/* enlace-email-accounts-page.h: the registry of e-mail accounts
 * ("email-accounts"; "email_account" with an id selects that account):
 * address, holder, area, status, created, removed, and the cases that
 * created and removed each one. */
#pragma once

#include "enlace-page.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_EMAIL_ACCOUNTS_PAGE (enlace_email_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceEmailAccountsPage, enlace_email_accounts_page, ENLACE, EMAIL_ACCOUNTS_PAGE, EnlacePage)

GListModel *enlace_email_accounts_page_get_model    (EnlaceEmailAccountsPage *self);
void        enlace_email_accounts_page_set_search   (EnlaceEmailAccountsPage *self,
                                                     const char              *text);
void        enlace_email_accounts_page_set_removed  (EnlaceEmailAccountsPage *self,
                                                     gboolean                 include_removed);
/* The account selected, 0 when none. */
gint64      enlace_email_accounts_page_get_selected (EnlaceEmailAccountsPage *self);

G_END_DECLS
