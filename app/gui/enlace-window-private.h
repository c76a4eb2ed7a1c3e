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
  GtkToggleButton      *sidebar_toggle;
  EnlaceCampusTree     *campus_tree;
  GtkListBox           *sections;
  GtkListBox           *attention;    /* the "Atención" section: cases, accounts */
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  GMenu                *recent_section;
  GtkMenuButton        *primary_menu_button;
  GtkButton            *undo_button;

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

  /* Undo toasts still shown or queued, each bound to its command (the
   * target of win.undo-command); a newer command takes their button */
  GPtrArray            *undo_toasts;
  /* What the visible page shows, while it exists: its label and its
   * ancestors, nearest first (of HistoryEntry), where the page goes when
   * the object disappears */
  char                 *visible_label;
  GArray               *visible_ancestors;
  guint                 deleting : 1;  /* win.delete-object is deleting */
  GPtrArray            *toast_log;     /* titles of the last toasts (tests) */

  /* Import XML running in a thread */
  GCancellable         *import_cancellable;
  guint                 progress_source;
  int                   progress;     /* per mille, written by the import thread */

  GHashTable           *enabled;      /* action name → enabled (tests) */

  /* the current order (enlace-window-order.c): its folio, NULL: none */
  char                 *current_order;
  GtkRevealer          *order_revealer;
  GtkLabel             *order_label;

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
/* The welcome page of an empty project. */
void              _enlace_window_show_empty         (EnlaceWindow      *self);
/* The undo button's tooltip: what undo will undo, and when. */
void              _enlace_window_update_undo_tooltip (EnlaceWindow     *self);
/* Makes @toast's Undo button undo the command undo would act on now (the
 * one just committed), and only that one. */
void              _enlace_window_bind_undo_toast    (EnlaceWindow      *self,
                                                     AdwToast          *toast);
/* Takes the Undo button off every Undo toast: a newer command committed. */
void              _enlace_window_dismiss_undo_toasts (EnlaceWindow     *self);
/* Deletes object @id of @kind; when others go with it, asks first and
 * returns the dialog (else NULL). */
AdwMessageDialog *_enlace_window_delete             (EnlaceWindow      *self,
                                                     const char        *kind,
                                                     gint64             id);
/* Remembers where the visible page goes if its object disappears. */
void              _enlace_window_track_visible      (EnlaceWindow      *self);
/* The visible page's object was deleted or undone: shows its nearest
 * ancestor that still exists (else the start page), with a toast. */
void              _enlace_window_leave_vanished     (EnlaceWindow      *self,
                                                     EnlaceChangeSet   *changes);
/* Undoes the command undo would act on, asking first when it is older
 * than this session, large or a bulk insert (then the dialog is returned,
 * else NULL); @command_id > 0: only that command (an Undo toast). */
AdwMessageDialog *_enlace_window_undo               (EnlaceWindow      *self,
                                                     gint64             command_id);
void              _enlace_window_update_recent      (EnlaceWindow      *self);
/* The new-case dialog of win.new-case (@procedure_code may be NULL). */
GtkWindow        *_enlace_window_new_case           (EnlaceWindow      *self,
                                                     const char        *procedure_code);
/* Tests: whether a toast shown since the last call contains @text; forgets them. */
gboolean          _enlace_window_toasted            (EnlaceWindow      *self,
                                                     const char        *text);
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

/* The window's current order (enlace-window-order.c): the property
 * "current-order" and the action win.current-order "s" ("" leaves it). */
void              _enlace_window_class_order_init   (EnlaceWindowClass *klass);
void              _enlace_window_order_init         (EnlaceWindow      *self);
/* Makes @folio (NULL or "": none) the current order; refused, naming the
 * case, when it is not an order in preparation. */
gboolean          _enlace_window_set_current_order  (EnlaceWindow      *self,
                                                     const char        *folio,
                                                     GError           **error);
const char       *_enlace_window_get_current_order  (EnlaceWindow      *self);
/* win.delete-object while an order is current: a device or a cable is
 * not deleted but its removal ("remove-device", "disconnect") added to
 * the order; TRUE when handled so (other kinds: FALSE). */
gboolean          _enlace_window_order_delete       (EnlaceWindow      *self,
                                                     const char        *kind,
                                                     gint64             id);
/* After a change of the document: leaves an order no longer in preparation. */
void              _enlace_window_order_check        (EnlaceWindow      *self);

G_END_DECLS
