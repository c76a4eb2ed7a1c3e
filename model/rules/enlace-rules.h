/* enlace-rules.h: the cabling rules of a project and their check
 *
 * A rule set is Enlace's defaults (data/cabling-rules.json: TIA-568
 * lengths, reach and connections, TIA-569 fill and telecom rooms) with
 * the project's own values over them, stored in the file (table
 * cabling_rule: only the rules the project changed).  Changing a value
 * or resetting the set is one command of the audit log: undoable.
 *
 * The check walks the outlets of a floor, of a building or of the whole
 * campus with the tracer (model/trace/) and reports every failure: the
 * rule, the figures (value found and limit) and the objects, by kind,
 * id and readable key, so that a front end can select them on the plan.
 *
 * What is measured:
 *  - permanent link: the cables from an outlet's rear port to the first
 *    patch panel (horizontal cables, through a consolidation point);
 *  - channel: the permanent link plus the cords (the work-area cord on
 *    the outlet's jack and every cable after the panel) up to the active
 *    equipment, when the path reaches it;
 *  - connections: the connection points a path crosses other than the
 *    outlet itself (a consolidation point, each patch panel): in the
 *    permanent link and in the channel;
 *  - consolidation point: its cable distance to the patch panel;
 *  - reach: the channel (or the link when not patched) against the reach
 *    of the project's application on the horizontal cable's type, and
 *    backbone fibre against the multimode / single-mode application;
 *  - backbone: a backbone cable's length by its medium;
 *  - fill: the cross-sections of the cables laid in a pathway
 *    (table pathway_cable, diameters from the rule set) against the
 *    conduit's (40 %, 53 % for one cable, 31 % for two) or the tray's
 *    (width × depth, 50 %);
 *  - telecom rooms: a floor with outlets has at least one telecom room
 *    (or equipment room) and one per 1,000 m² of its spaces.
 * Lengths unknown (no length_m) are not checked.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

/* ---- The rule set ---- */

typedef struct
{
  const char *name;           /* "permanent-link.max-m" */
  char       *value;          /* the project's value, as text */
  char       *default_value;  /* Enlace's default */
  char       *label;          /* translated: "Permanent link, maximum length" */
  const char *unit;           /* "m", "%", "mm", "m²", "" */
  gboolean    numeric;
  gboolean    changed;        /* the project's value differs from the default */
} EnlaceRule;

typedef struct _EnlaceRuleSet EnlaceRuleSet;

#define ENLACE_TYPE_RULE_SET (enlace_rule_set_get_type ())
GType          enlace_rule_set_get_type   (void) G_GNUC_CONST;
EnlaceRuleSet *enlace_rule_set_ref        (EnlaceRuleSet *self);
void           enlace_rule_set_unref      (EnlaceRuleSet *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceRuleSet, enlace_rule_set_unref)

/* Enlace's defaults (data/cabling-rules.json). */
EnlaceRuleSet *enlace_rule_set_new_defaults (void);
/* The project's rule set: the defaults with the file's values over them. */
EnlaceRuleSet *enlace_rule_set_load       (EnlaceStore   *store,
                                           GError       **error);
/* The set's name (the rule "name"). */
const char    *enlace_rule_set_get_name   (EnlaceRuleSet *self);
/* A numeric rule's value, NAN when the set has no such rule. */
double         enlace_rule_set_get_number (EnlaceRuleSet *self,
                                           const char    *name);
/* A rule's value as text, NULL when the set has no such rule. */
const char    *enlace_rule_set_get_text   (EnlaceRuleSet *self,
                                           const char    *name);
/* Every rule, in the order of the defaults file (EnlaceRule*, owned by
 * the set). */
GPtrArray     *enlace_rule_set_get_rules  (EnlaceRuleSet *self);
const EnlaceRule *enlace_rule_set_lookup  (EnlaceRuleSet *self,
                                           const char    *name);

/* Commands.  Sets a rule of the project (a value equal to the default
 * removes the project's row).  Refuses unknown rules, numbers that are
 * not positive and applications the set has no reach for. */
gboolean       enlace_rules_set_value     (EnlaceStore   *store,
                                           const char    *name,
                                           const char    *value,
                                           GError       **error);
/* Back to Enlace's defaults: one command. */
gboolean       enlace_rules_reset         (EnlaceStore   *store,
                                           GError       **error);
/* The project's set becomes a copy of Enlace's defaults named @name (the
 * values the project had changed go): one command. */
gboolean       enlace_rules_copy_defaults (EnlaceStore   *store,
                                           const char    *name,
                                           GError       **error);
/* Lays a cable in a pathway, or takes it out (for the fill).  Commands. */
gboolean       enlace_rules_lay_cable     (EnlaceStore   *store,
                                           gint64         pathway_id,
                                           gint64         cable_id,
                                           GError       **error);
gboolean       enlace_rules_unlay_cable   (EnlaceStore   *store,
                                           gint64         pathway_id,
                                           gint64         cable_id,
                                           GError       **error);

/* ---- The check ---- */

typedef struct
{
  const char *kind;   /* a kind of the registry: "cable", "device", "pathway", "space", "floor" */
  gint64      id;
  char       *key;    /* its readable key */
} EnlaceRuleObject;

typedef struct
{
  const char *rule;        /* "permanent-link", "channel", "cords", "cord",
                            * "connections-link", "connections-channel",
                            * "consolidation-point", "reach", "backbone",
                            * "conduit-fill", "tray-fill", "telecom-room",
                            * "room-area" (static) */
  const char *rule_name;   /* the rule of the set it checks: "permanent-link.max-m" */
  char       *message;     /* translated, with the figures and the objects */
  double      value;       /* the figure found */
  double      limit;       /* the rule's figure */
  const char *unit;        /* "m", "%", "" */
  gint64      floor_id;    /* the floor it is on, 0 when none (a backbone between buildings) */
  GArray     *objects;     /* of EnlaceRuleObject, the first is the subject */
} EnlaceRuleFailure;

typedef struct
{
  GPtrArray *failures;     /* of EnlaceRuleFailure*, by floor, rule, subject */
  char      *rule_set;     /* the name of the set checked against */
  guint      n_floors;
  guint      n_outlets;
  guint      n_links;      /* outlet rear ports traced */
  guint      n_pathways;
  guint      n_backbones;
  /*< private >*/
  gint       ref_count;
} EnlaceRuleReport;

#define ENLACE_TYPE_RULE_REPORT (enlace_rule_report_get_type ())
GType             enlace_rule_report_get_type (void) G_GNUC_CONST;
EnlaceRuleReport *enlace_rule_report_ref      (EnlaceRuleReport *self);
void              enlace_rule_report_unref    (EnlaceRuleReport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceRuleReport, enlace_rule_report_unref)

/* Checks one floor (@floor_id > 0), one building (@building_id > 0) or the
 * whole campus (both 0) against @rules (NULL: the project's set). */
EnlaceRuleReport *enlace_rules_check          (EnlaceStore      *store,
                                               EnlaceRuleSet    *rules,
                                               gint64            building_id,
                                               gint64            floor_id,
                                               GError          **error);
/* The translated name of a rule of a failure ("Permanent link"). */
const char       *enlace_rules_rule_label     (const char       *rule);
/* {"rule_set", "ok", "counts": {…}, "failures": [{rule, rule_name, message,
 * value, limit, unit, floor, objects: [{kind, id, key}]}]} */
JsonNode         *enlace_rule_report_to_json  (EnlaceRuleReport *self);
/* {"name", "rules": [{name, value, default, label, unit, changed}]} */
JsonNode         *enlace_rule_set_to_json     (EnlaceRuleSet    *self);

G_END_DECLS
