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

/* The interface language the user chose, applied to the process: "es"
 * or "en" set LANGUAGE; "auto" (or NULL) keeps the system's choice,
 * except that a system that names no language (LC_MESSAGES is C, POSIX
 * or C.UTF-8, as on a fresh Debian) gets Spanish, the language Enlace is
 * written for.  glibc ignores LANGUAGE under the plain C locale, so that
 * locale becomes C.UTF-8 (in the environment: GTK sets the locale from it
 * again).  Call after setlocale (LC_ALL, "") and before
 * any string is translated.  Returns the language now in effect: "es",
 * "en", or NULL when the system's locale decides. */
const char *enlace_i18n_apply_language (const char *choice);

G_END_DECLS
