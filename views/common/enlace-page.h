/* enlace-page.h: the base class of every page shown in the main window
 *
 * A page shows one object (a building, a rack, a device, a trace from a
 * port, ...) or one list (all cables).  The window owns the pages: it sets
 * the store, calls enlace_page_set_object() and puts the page in its
 * content area.  Pages never know the window: to go somewhere else they
 * call enlace_page_activate_object(), which emits ::object-activated and
 * the window shows the page registered for that kind.
 *
 * Kinds are the names of model/enlace-kinds.h ("building", "rack",
 * "device", "port", "cable", "extension", ...), optionally qualified by a
 * view with a slash:
 *
 *   "rack"          the page of a rack (id = rack id)
 *   "trace/port"    the trace from a port (id = port id)
 *   "trace/cable"   the trace through a cable (id = cable id)
 *   "impact/rack"   what breaks when the rack goes (id = rack id)
 *   "list/cable"    the list of every cable (id = 0)
 *
 * The registry maps a kind to a page type.  enlace_page_lookup_type()
 * tries the full kind first ("trace/port"), then the part before the
 * slash ("trace").  A kind with no page of its own is shown by the generic
 * object form (views/enlace-object-form.c).
 *
 * Registering: in the views library's init function
 * (enlace_views_init(), views/enlace-views.c) add one line per page type:
 *
 *   enlace_page_register ("rack", ENLACE_TYPE_RACK_PAGE);
 *
 * Window actions a page may activate (gtk_widget_activate_action on any
 * widget inside the window; parameters are (kind, id)):
 *
 *   "win.show-object"   "(sx)"  same as enlace_page_activate_object()
 *   "win.edit-object"   "(sx)"  the generic form of an object
 *   "win.new-object"    "(sx)"  a dialog creating a @kind; id: the parent
 *                               (0: none), preset in the form
 *   "win.delete-object" "(sx)"  deletes, with an Undo toast
 *
 * A subclass overrides set_object() (load and show the object; chain up
 * is not needed, the base class records kind and id before calling it)
 * and store_changed() (reload what the change set touches; it is called
 * once per committed command, and after an undo or redo).
 */
#pragma once

#include <adwaita.h>

#include "enlace-store.h"
#include "enlace-trace.h"

G_BEGIN_DECLS

#define ENLACE_TYPE_PAGE (enlace_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (EnlacePage, enlace_page, ENLACE, PAGE, AdwBin)

struct _EnlacePageClass
{
  AdwBinClass parent_class;

  /* Show the object @id of @kind (the base class has already stored both;
   * @id is 0 for lists).  Errors go to enlace_page_show_error(). */
  void                (*set_object)             (EnlacePage      *self,
                                                 const char      *kind,
                                                 gint64           id);
  /* The store committed a command (also undo/redo).  Default: calls
   * set_object() again with the current kind and id when the change set
   * is bulk or touches the table of the current kind; when the object
   * was deleted, the page is left empty and the title says so. */
  void                (*store_changed)          (EnlacePage      *self,
                                                 EnlaceChangeSet *changes);
  /* Optional.  A print operation for what the page shows, or NULL.  The
   * window's Print action is enabled when this is set. */
  GtkPrintOperation  *(*create_print_operation) (EnlacePage      *self);
  /* Optional.  Gives the keyboard focus to the page's main widget. */
  void                (*focus_main)             (EnlacePage      *self);

  /*< private >*/
  gpointer _reserved[8];
};

/* The store, set by the window (may be NULL before a document is open). */
EnlaceStore        *enlace_page_get_store          (EnlacePage      *self);
void                enlace_page_set_store          (EnlacePage      *self,
                                                    EnlaceStore     *store);
/* Shown in the window's header bar.  Subclasses set it in set_object(). */
const char         *enlace_page_get_title          (EnlacePage      *self);
void                enlace_page_set_title          (EnlacePage      *self,
                                                    const char      *title);
const char         *enlace_page_get_subtitle       (EnlacePage      *self);
void                enlace_page_set_subtitle       (EnlacePage      *self,
                                                    const char      *subtitle);
const char         *enlace_page_get_kind           (EnlacePage      *self);
gint64              enlace_page_get_object_id      (EnlacePage      *self);
/* Records @kind and @id and calls the set_object() vfunc. */
void                enlace_page_set_object         (EnlacePage      *self,
                                                    const char      *kind,
                                                    gint64           id);
/* Calls set_object() again with the same kind and id. */
void                enlace_page_reload             (EnlacePage      *self);

/* Keeps *@tracer the shared tracer of the page's store (none without a
 * store), its ::changed connected to @on_changed (called with the page)
 * and that handler in *@changed_id; a page calls it from set_object(). */
void                enlace_page_follow_tracer      (EnlacePage      *self,
                                                    EnlaceTracer   **tracer,
                                                    gulong          *changed_id,
                                                    GCallback        on_changed);

/* Asks the window to show another object: emits ::object-activated. */
void                enlace_page_activate_object    (EnlacePage      *self,
                                                    const char      *kind,
                                                    gint64           id);
/* Shows a message in the window (a toast): emits ::show-message.  Use it
 * for the model's refusals ("Rack R1: unit 40 is taken by SW-2"). */
void                enlace_page_show_message       (EnlacePage      *self,
                                                    const char      *message);
void                enlace_page_show_error         (EnlacePage      *self,
                                                    const GError    *error);

gboolean            enlace_page_can_print          (EnlacePage      *self);
GtkPrintOperation  *enlace_page_create_print_operation (EnlacePage  *self);
void                enlace_page_focus_main         (EnlacePage      *self);

/* The registry of page types by kind (see the top of this file). */
void                enlace_page_register           (const char      *kind,
                                                    GType            page_type);
/* G_TYPE_INVALID when no page type is registered for @kind. */
GType               enlace_page_lookup_type        (const char      *kind);

/* Registers every page type of the views library and its resources.
 * Safe to call more than once. */
void                enlace_views_init              (void);

G_END_DECLS
