/* enlace-i18n.h: where the translations are */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder of the message catalogues: ENLACE_LOCALEDIR when set, the
 * installed LOCALEDIR, or, for a run from the build tree with nothing
 * installed, BUILD_DIR/po. */
const char *enlace_locale_dir (void);
/* bindtextdomain + UTF-8 + textdomain for Enlace's catalogue. */
void        enlace_i18n_init  (void);

G_END_DECLS
