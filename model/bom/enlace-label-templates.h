/* enlace-label-templates.h: the label templates of a project (TIA-606 class 3,
 * campus) and their application to runs, panel ports and faceplates.
 * Part of model/: GLib only.
 *
 * A template has a name, a style and a pattern.  Styles:
 *  - "fs-an": the legacy TIA-606-A horizontal link identifier, floor and
 *    space, then panel letters and port number: 11C-D32;
 *  - "rack": the rack position: space, rack, unit and port: 1A.AJ05-26:04.
 * Campus identifiers (class 3) put the building code in front.  The
 * pattern's placeholders: {b} building code, {f} floor level, {s} telecom
 * space code, {fs} floor and space ("2A": the space's code when it starts
 * with a digit, else the level and the code), {p} panel letters (A, B, …,
 * Z, AA: the panels of the telecom space from the first rack, top first),
 * {n} port number (the digits that end the panel port's name, else its
 * order), {r} rack name, {u} the panel's unit, {d} the panel's name; a
 * width pads a number with zeros: {n:2} → 04.  An "fs-an" pattern must
 * hold {p} and {n}; a "rack" pattern {r}, {u} and {n}.
 *
 * Two templates are built in ("TIA-606 fs-an": "{b}-{fs}-{p}{n:2}",
 * "TIA-606 rack": "{b}-{fs}.{r}-{u:2}:{n:2}"); a project stores its own
 * (or its edits of these under the same name) in label_template.
 *
 * A run is a horizontal cable with an end on a patch-panel port.  Its
 * label text goes on the cable (printed at both ends), on the panel port
 * and on the faceplate jack at the other end (port labels).
 */
#pragma once

#include <glib-object.h>

#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;        /* 0 for a built-in template not stored */
  char     *name;
  char     *style;     /* "fs-an" or "rack" */
  char     *pattern;
  gboolean  builtin;   /* one of the two built in (stored or not) */
} EnlaceLabelTemplate;

void         enlace_label_template_free (EnlaceLabelTemplate *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceLabelTemplate, enlace_label_template_free)

/* The project's templates, the built-in ones first. */
GPtrArray   *enlace_label_templates     (EnlaceStore  *store,
                                         GError      **error);
EnlaceLabelTemplate *enlace_label_template_get (EnlaceStore *store,
                                                const char  *name,
                                                GError     **error);
/* Is @pattern a valid pattern of @style? (the error names the rule) */
gboolean     enlace_label_pattern_check (const char   *style,
                                         const char   *pattern,
                                         GError      **error);
/* Creates or edits a template (one command). */
gboolean     enlace_label_template_set  (EnlaceStore  *store,
                                         const char   *name,
                                         const char   *style,
                                         const char   *pattern,
                                         GError      **error);
/* Removes a stored template (one command; a built-in one goes back to
 * its default). */
gboolean     enlace_label_template_delete (EnlaceStore *store,
                                           const char  *name,
                                           GError     **error);

/* The values of a run's placeholders. */
typedef struct
{
  const char *building;
  int         level;
  const char *space;
  const char *panel_letters;
  guint       port;
  const char *rack;
  int         unit;
  const char *panel;
} EnlaceLabelFields;

/* The text of @pattern (checked) for @fields. */
char        *enlace_label_format        (const char              *pattern,
                                         const EnlaceLabelFields *fields);

typedef enum
{
  ENLACE_LABELS_PLANNED,    /* planned runs only */
  ENLACE_LABELS_EXISTING,   /* installed runs only */
  ENLACE_LABELS_ALL
} EnlaceLabelsWhich;

/* One label that changes: a cable's or a port's. */
typedef struct
{
  char   *kind;       /* "cable" or "port" */
  gint64  id;
  char   *object;     /* readable: the cable's label or DEVICE:PORT */
  char   *old_text;   /* NULL when it had none */
  char   *new_text;
} EnlaceLabelChange;

void         enlace_label_change_free   (EnlaceLabelChange *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceLabelChange, enlace_label_change_free)

/* What applying template @name to the runs of @building (code, NULL:
 * all) and @level (NULL: all floors) would change: the labels whose text
 * differs (EnlaceLabelChange*, runs in order of building, floor, panel,
 * port).  Refused when two runs would get one label, or a cable outside
 * the set already holds one of the new labels (the error names both). */
GPtrArray   *enlace_labels_preview      (EnlaceStore       *store,
                                         const char        *name,
                                         const char        *building,
                                         const char        *level,
                                         EnlaceLabelsWhich  which,
                                         GError           **error);
/* Applies it: one command ("Apply labels NAME"), undone in one step.
 * *@n_changed: the labels changed (may be NULL). */
gboolean     enlace_labels_apply        (EnlaceStore       *store,
                                         const char        *name,
                                         const char        *building,
                                         const char        *level,
                                         EnlaceLabelsWhich  which,
                                         guint             *n_changed,
                                         GError           **error);

G_END_DECLS
