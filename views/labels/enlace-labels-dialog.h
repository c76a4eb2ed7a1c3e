/* enlace-labels-dialog.h: print labels — the kind, the sheet or tape, a
 * start cell picked on a small picture of the sheet, a preview, Print
 * (GtkPrintOperation) and Export PDF.  Opened from a list's selection, a
 * rack or a floor; the texts come from model/labels. */
#pragma once

#include <adwaita.h>

#include "enlace-labels.h"
#include "enlace-store.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_LABELS_DIALOG (enlace_labels_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceLabelsDialog, enlace_labels_dialog, ENLACE, LABELS_DIALOG, AdwWindow)

/* @scope: the building, floor or rack, or the chosen objects (copied). */
GtkWidget *enlace_labels_dialog_new             (GtkWindow              *parent,
                                                 EnlaceStore            *store,
                                                 EnlaceLabelKind         kind,
                                                 const EnlaceLabelScope *scope);
/* Opens the dialog for the objects @ids of a list of @list_kind
 * ("cable", "device", "outlet", "rack"); FALSE when that list has no
 * labels. */
gboolean   enlace_labels_dialog_open_for_list   (GtkWidget              *from,
                                                 EnlaceStore            *store,
                                                 const char             *list_kind,
                                                 GArray                 *ids);

void       enlace_labels_dialog_set_kind        (EnlaceLabelsDialog     *self,
                                                 EnlaceLabelKind         kind);
EnlaceLabelKind enlace_labels_dialog_get_kind   (EnlaceLabelsDialog     *self);
/* A preset name ("L7160", "tape-12") or "custom". */
gboolean   enlace_labels_dialog_set_layout      (EnlaceLabelsDialog     *self,
                                                 const char             *name);
/* The custom grid's rows and columns (chooses "custom"). */
void       enlace_labels_dialog_set_grid        (EnlaceLabelsDialog     *self,
                                                 guint                   rows,
                                                 guint                   columns);
/* 0-based start cell; what a click on the sheet picture at (@x, @y)
 * (widget coordinates) chooses. */
void       enlace_labels_dialog_set_start       (EnlaceLabelsDialog     *self,
                                                 guint                   cell);
guint      enlace_labels_dialog_get_start       (EnlaceLabelsDialog     *self);
gboolean   enlace_labels_dialog_pick_at         (EnlaceLabelsDialog     *self,
                                                 double                  x,
                                                 double                  y);
GtkWidget *enlace_labels_dialog_get_picker      (EnlaceLabelsDialog     *self);
guint      enlace_labels_dialog_get_n_labels    (EnlaceLabelsDialog     *self);
guint      enlace_labels_dialog_get_n_pages     (EnlaceLabelsDialog     *self);
/* The summary line under the preview ("42 labels on 2 sheets"). */
const char *enlace_labels_dialog_get_summary    (EnlaceLabelsDialog     *self);
/* What Export PDF writes, without the file chooser. */
guint      enlace_labels_dialog_export_pdf      (EnlaceLabelsDialog     *self,
                                                 const char             *path,
                                                 GError                **error);

/* What Print sends to the printer, through GtkPrintOperation, exported
 * to a PDF at @path instead (no print dialog). */
gboolean   enlace_labels_dialog_print_to_file   (EnlaceLabelsDialog     *self,
                                                 const char             *path,
                                                 GError                **error);

G_END_DECLS
