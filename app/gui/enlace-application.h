/* enlace-application.h: the GtkApplication of enlace */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENLACE_TYPE_APPLICATION (enlace_application_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceApplication, enlace_application, ENLACE, APPLICATION, AdwApplication)

/* Tests pass G_APPLICATION_NON_UNIQUE in @flags. */
EnlaceApplication *enlace_application_new (GApplicationFlags flags);

G_END_DECLS
