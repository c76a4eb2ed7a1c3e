/* enlace-window-private.h: shared by enlace-window*.c (and the tests) */
#pragma once

#include "enlace-campus-tree.h"
#include "enlace-object-form.h"
#include "enlace-window.h"

G_BEGIN_DECLS

struct _EnlaceWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkRevealer          *read_only_revealer;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkButton            *progress_cancel;
  GtkPaned             *paned;
  EnlaceCampusTree     *campus_tree;
  GtkListBox           *sections;
  GtkListBox           *attention;    /* the "Atención" section: cases, accounts */
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  GMenu                *recent_section;
  GtkMenuButton        *primary_menu_button;

  /* the document */
  EnlaceStore          *store;
  gulong                changed_id;

  /* pages by type name; each lives in content_stack */
  GHashTable           *pages;
  EnlacePage           *visible_page;
  GArray               *history;      /* of HistoryEntry */
  guint                 navigating_back : 1;

  /* the dialog of win.new-object, while open */
  GtkWindow            *create_dialog;
  EnlaceObjectForm     *create_form;

  /* Import XML running in a thread */
  GCancellable         *import_cancellable;
  guint                 progress_source;
  int                   progress;     /* per mille, written by the import thread */

  GHashTable           *enabled;      /* action name → enabled (tests) */

  GSettings            *settings;
  GtkRecentManager     *recent;
  gulong                recent_changed_id;
};

typedef struct
{
  char   *kind;
  gint64  id;
} HistoryEntry;

void              _enlace_window_class_actions_init (EnlaceWindowClass *klass);
/* Sets the enabled state of every window action. */
void              _enlace_window_update_actions     (EnlaceWindow      *self);
void              _enlace_window_show_error         (EnlaceWindow      *self,
                                                     const char        *heading,
                                                     const GError      *error);
void              _enlace_window_toast              (EnlaceWindow      *self,
                                                     const char        *title,
                                                     gboolean           with_undo);
void              _enlace_window_go_back            (EnlaceWindow      *self);
void              _enlace_window_update_recent      (EnlaceWindow      *self);
/* The new-case dialog of win.new-case (@procedure_code may be NULL). */
GtkWindow        *_enlace_window_new_case           (EnlaceWindow      *self,
                                                     const char        *procedure_code);
/* Tests: whether an action is enabled now. */
gboolean          _enlace_window_action_enabled     (EnlaceWindow      *self,
                                                     const char        *name);
/* Tests: the form of the open win.new-object dialog, or NULL. */
EnlaceObjectForm *_enlace_window_get_create_form    (EnlaceWindow      *self);
/* Saves the form of the win.new-object dialog (as its Add button does). */
gint64            _enlace_window_confirm_create     (EnlaceWindow      *self,
                                                     GError           **error);
/* Imports @xml_path into the document, in a thread; @callback runs when
 * it is done (tests wait for it). */
void              _enlace_window_import_xml         (EnlaceWindow      *self,
                                                     const char        *xml_path,
                                                     GAsyncReadyCallback callback,
                                                     gpointer           user_data);
void              _enlace_window_cancel_import      (EnlaceWindow      *self);
gboolean          _enlace_window_import_xml_finish  (EnlaceWindow      *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);

G_END_DECLS
