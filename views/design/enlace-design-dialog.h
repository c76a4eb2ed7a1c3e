/* enlace-design-dialog.h: "Design the cabling…" of a floor
 *
 * Opened from the plan page.  The planner chooses the spaces (the
 * selected ones, or every space the rule applies to), the rule (outlets
 * per workstation, m² per workstation, a minimum per space, data and
 * voice jacks, walls, height) and the telecom room (the nearest reachable
 * or one chosen); Preview draws the proposed outlets and their runs, each
 * with its length, on the floor's plan; Apply makes them — outlets,
 * patch-panel ports, planned cables — as one command (model/design).
 */
#pragma once

#include <adwaita.h>

#include "enlace-design.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_DESIGN_DIALOG (enlace_design_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceDesignDialog, enlace_design_dialog, ENLACE, DESIGN_DIALOG, AdwWindow)

/* @space_ids (nullable): the spaces chosen at first; NULL: every space of
 * the floor the default rule applies to. */
EnlaceDesignDialog *enlace_design_dialog_new        (GtkWindow          *parent,
                                                     EnlaceStore        *store,
                                                     gint64              floor_id,
                                                     const gint64       *space_ids,
                                                     guint               n_spaces);
/* Checks or unchecks a space; FALSE when it is not listed. */
gboolean  enlace_design_dialog_set_space_active     (EnlaceDesignDialog *self,
                                                     gint64              space_id,
                                                     gboolean            active);
/* Sets the rule's figures as the form would. */
void      enlace_design_dialog_set_rule             (EnlaceDesignDialog *self,
                                                     double              m2_per_workstation,
                                                     guint               outlets_per_workstation,
                                                     guint               n_data,
                                                     guint               n_voice);
/* What Preview does: proposes outlets and routes them; FALSE with the
 * reason shown (and in @error) when the rule places nothing. */
gboolean  enlace_design_dialog_preview              (EnlaceDesignDialog *self,
                                                     GError            **error);
/* The preview (EnlaceDesignOutlet*, EnlaceDesignRun*), NULL before one. */
GPtrArray *enlace_design_dialog_get_outlets         (EnlaceDesignDialog *self);
GPtrArray *enlace_design_dialog_get_runs            (EnlaceDesignDialog *self);
/* The summary line under the plan ("18 outlets, 18 runs, …"). */
const char *enlace_design_dialog_get_summary        (EnlaceDesignDialog *self);
/* What Apply does: makes the previewed design (one command) and closes;
 * FALSE with the refusal shown. */
gboolean  enlace_design_dialog_apply                (EnlaceDesignDialog *self,
                                                     GError            **error);

G_END_DECLS
