/* enlace-trace.h: cable paths, end to end, and what breaks
 *
 * An EnlaceTracer keeps the cabling graph of an EnlaceStore in memory
 * (ports, mappings, cables, cable ends, circuits, devices) and follows the
 * NetBox cable-path rules over it:
 *
 *  - a path starts at an origin set (every endpoint on one end of a cable)
 *    and alternates: near terminations → cable(s) → far terminations →
 *    ports reached through the device's front↔rear mappings → cable(s) …
 *  - entering a multi-position port from a mapping pushes the positions on
 *    a stack; leaving a multi-position port over a cable and arriving on
 *    another multi-position port pops them (strand 7 lands on strand 7);
 *    single-position pass-throughs do not touch the stack;
 *  - complete: ends on an endpoint (an interface, or the far termination
 *    of a circuit that faces the provider: no space, no cable); active:
 *    every cable is installed and every crossed circuit active; split: the next hop is
 *    ambiguous (a multi-position port with no position context, far ends
 *    of different kinds, some ports of a hop cabled and some not, a loop);
 *  - length: the sum over cable hops of the longest cable in the hop, plus
 *    the length of every crossed circuit; known when every length is.
 *
 * The tracer listens to EnlaceStore::changed: after any committed command
 * (or undo/redo) every answer reflects the edit, and the tracer emits its
 * own ::changed signal so that views can redraw.
 *
 * Objects are named by the store's readable keys: ports "DEVICE:PORT",
 * circuit terminations "CID:A" / "CID:Z", cables by label (or "#ID"),
 * devices by name, spaces "BUILDING/LEVEL/CODE", racks by name.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

/* A node of a path hop. */
typedef enum
{
  ENLACE_NODE_PORT,
  ENLACE_NODE_TERMINATION,  /* a circuit termination */
  ENLACE_NODE_CABLE,
  ENLACE_NODE_SPACE,        /* the space of a far circuit termination with no cable */
} EnlaceNodeKind;

typedef struct
{
  EnlaceNodeKind kind;
  gint64         id;
} EnlaceNode;

/* Why a path stopped where it did. */
typedef enum
{
  ENLACE_PATH_END_ENDPOINT,     /* reached an endpoint: complete */
  ENLACE_PATH_END_OPEN,         /* a port or termination with no cable */
  ENLACE_PATH_END_UNMAPPED,     /* a pass-through port with no mapping */
  ENLACE_PATH_END_CIRCUIT,      /* a circuit with no far termination, or an uncabled one */
  ENLACE_PATH_END_NO_POSITION,  /* split: multi-position port, no position context */
  ENLACE_PATH_END_MIXED,        /* split: far ends of different kinds / partly cabled hop */
  ENLACE_PATH_END_LOOP,         /* split: the path comes back on itself (loopback) */
  ENLACE_PATH_END_MID_SPAN,     /* split: one hop spans pass-through ports of two devices */
} EnlacePathEnd;

/* What a path amounts to, for people (the trace page, the plan, the
 * statistics).  `complete` keeps NetBox's meaning (ends on an endpoint);
 * a path that reaches the front of a wall jack (a front port of an
 * outlet) with nothing recorded in front of it is not a fault: it is
 * served up to the jack. */
typedef enum
{
  ENLACE_PATH_STATE_COMPLETE,    /* ends on an endpoint */
  ENLACE_PATH_STATE_TO_JACK,     /* ends open at the front of an outlet jack */
  ENLACE_PATH_STATE_INCOMPLETE,  /* stops short: a missing cable, cord or mapping */
  ENLACE_PATH_STATE_SPLIT,       /* the next hop is ambiguous */
  ENLACE_N_PATH_STATES,
} EnlacePathState;

/* A traced path.  Reference counted, immutable once returned. */
typedef struct _EnlacePath EnlacePath;
struct _EnlacePath
{
  /* hops[0] is the origin set; each hop is a GArray of EnlaceNode sorted
   * by (kind, id).  Hops alternate as described above. */
  GPtrArray     *hops;
  gboolean       complete;
  gboolean       active;
  gboolean       split;
  EnlacePathEnd  end;
  EnlacePathState state;
  /* the hops run from the far end (enlace_path_reverse ()): the path
   * stopped at hops[0], not at the last hop */
  gboolean       reversed;
  double         length_m;      /* sum of the known lengths */
  gboolean       length_known;  /* every cable / circuit length on it is known */
  gboolean       has_length;    /* at least one length is known */

  /*< private >*/
  gint           ref_count;
};

#define ENLACE_TYPE_PATH (enlace_path_get_type ())
GType             enlace_path_get_type        (void) G_GNUC_CONST;
EnlacePath       *enlace_path_ref             (EnlacePath       *self);
void              enlace_path_unref           (EnlacePath       *self);
guint             enlace_path_get_n_hops      (const EnlacePath *self);
/* The nodes of hop @i (0 = origin) and their number. */
const EnlaceNode *enlace_path_get_hop         (const EnlacePath *self,
                                               guint             i,
                                               guint            *n_nodes);
/* The last hop when the path is complete, else NULL. */
const EnlaceNode *enlace_path_get_destination (const EnlacePath *self,
                                               guint            *n_nodes);
gboolean          enlace_path_contains        (const EnlacePath *self,
                                               EnlaceNodeKind    kind,
                                               gint64            id);
/* A new path with the hops of @self in the opposite order (the same
 * state, stop, length and flags).  Transfer full. */
EnlacePath       *enlace_path_reverse         (const EnlacePath *self);
/* The hop where the path stopped (its last hop, or its first when
 * reversed); NULL for a complete path. */
const EnlaceNode *enlace_path_get_stop_hop    (const EnlacePath *self,
                                               guint            *n_nodes);
/* Whether any hop of the path is a cable. */
gboolean          enlace_path_has_cable       (const EnlacePath *self);
/* "complete", "to-jack", "incomplete", "split" (static). */
const char       *enlace_path_state_to_string (EnlacePathState   state);
/* Translated label: "Complete", "Up to the jack", "Incomplete", "Split". */
const char       *enlace_path_state_label     (EnlacePathState   state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlacePath, enlace_path_unref)

/* ---- What breaks: enlace_tracer_impact () ---- */

/* One end of a service that would be cut (a port or circuit termination). */
typedef struct
{
  EnlaceNode   node;          /* the end: an endpoint, or an outlet jack */
  gint64       device_id;     /* 0 for a circuit termination */
  gint64       space_id;      /* 0 when unplaced */
  gint64       area_id;       /* from the extension on the path, 0 when none */
  char       **extensions;    /* numbers of the phone extensions riding the path */
  gint64      *circuits;      /* ids of the circuits crossed by the path */
  guint        n_circuits;
  EnlacePath  *path;          /* the path as it is now (from an endpoint) */
} EnlaceImpactItem;

typedef struct
{
  /* of EnlaceImpactItem*, sorted by space key, then area, then end key */
  GPtrArray   *items;
  guint        n_paths;       /* paths through the object */
  /*< private >*/
  gint         ref_count;
} EnlaceImpact;

#define ENLACE_TYPE_IMPACT (enlace_impact_get_type ())
GType         enlace_impact_get_type (void) G_GNUC_CONST;
EnlaceImpact *enlace_impact_ref      (EnlaceImpact *self);
void          enlace_impact_unref    (EnlaceImpact *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceImpact, enlace_impact_unref)

/* ---- Spare capacity: enlace_tracer_free () ---- */

typedef enum
{
  ENLACE_MEDIUM_COPPER,
  ENLACE_MEDIUM_FIBRE,
  ENLACE_MEDIUM_VOICE,
  ENLACE_N_MEDIA,
} EnlaceMedium;

typedef struct
{
  gint64   space_id;
  gboolean telecom_room;                   /* kind telecom-room or equipment-room */
  /* telecom rooms: front ports of patch panels with no cable, and
   * interfaces of switches / routers / PBXs with no cable, by medium */
  guint    free_panel_ports[ENLACE_N_MEDIA];
  guint    panel_ports[ENLACE_N_MEDIA];
  guint    free_switch_ports[ENLACE_N_MEDIA];
  guint    switch_ports[ENLACE_N_MEDIA];
  /* every space: the outlet jacks (front ports of outlet devices) with no
   * active complete path through them, and the total of jacks */
  GArray  *idle_jacks;                     /* of gint64 port ids */
  guint    jacks;
} EnlaceFreeSpace;

typedef struct
{
  GPtrArray *spaces;   /* of EnlaceFreeSpace*, in space key order */
  /*< private >*/
  gint       ref_count;
} EnlaceFree;

#define ENLACE_TYPE_FREE (enlace_free_get_type ())
GType       enlace_free_get_type (void) G_GNUC_CONST;
EnlaceFree *enlace_free_ref      (EnlaceFree *self);
void        enlace_free_unref    (EnlaceFree *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceFree, enlace_free_unref)

/* ---- The tracer ---- */

#define ENLACE_TYPE_TRACER (enlace_tracer_get_type ())
G_DECLARE_FINAL_TYPE (EnlaceTracer, enlace_tracer, ENLACE, TRACER, GObject)

/* Creates a tracer on @store.  Rows are read on demand (one trace right
 * after opening a file reads only what it crosses); questions about every
 * path load the whole graph once.  Emits ::changed (no arguments) after it
 * has taken a store change into account. */
EnlaceTracer *enlace_tracer_new               (EnlaceStore        *store);
EnlaceStore  *enlace_tracer_get_store         (EnlaceTracer       *self);
/* The tracer shared by every view of @store (created on first use, kept
 * while someone holds a reference): one graph in memory per document.
 * Transfer full. */
EnlaceTracer *enlace_tracer_get_for_store     (EnlaceStore        *store);

/* Paths from or through an object.  Each returns a new GPtrArray of
 * EnlacePath* (free function set), possibly empty, or NULL with @error
 * set when the object does not exist.
 *
 * trace_term: for an endpoint, the path from it (none when it has no
 *   cable); for a pass-through port or a circuit termination, every path
 *   from an endpoint that runs through it, or when none does, the partial
 *   traces from the port itself, in both directions.
 * trace_cable: every path through the cable, or when none, the traces
 *   from each of its ends across it.
 * trace_device: the paths of all its ports, each once.
 * trace_key: resolves a readable key (port, termination, cable label,
 *   device name) and calls the above. */
GPtrArray    *enlace_tracer_trace_term        (EnlaceTracer       *self,
                                               const EnlaceTerm   *term,
                                               GError            **error);
GPtrArray    *enlace_tracer_trace_cable       (EnlaceTracer       *self,
                                               gint64              cable_id,
                                               GError            **error);
GPtrArray    *enlace_tracer_trace_device      (EnlaceTracer       *self,
                                               gint64              device_id,
                                               GError            **error);
GPtrArray    *enlace_tracer_trace_key         (EnlaceTracer       *self,
                                               const char         *key,
                                               GError            **error);
/* The path whose origin set holds endpoint @port_id, or NULL (no cable or
 * not an endpoint).  Transfer full. */
EnlacePath   *enlace_tracer_path_from         (EnlaceTracer       *self,
                                               const EnlaceTerm   *origin);
/* Every stored path from every endpoint whose node @node is on it. */
GPtrArray    *enlace_tracer_paths_through     (EnlaceTracer       *self,
                                               const EnlaceNode   *node);
/* Every path from every endpoint (one per origin set), ordered by the id
 * of the first origin port.  (Mid-span cables are refused by
 * enlace_store_connect () / enlace_store_set_cable_ends ().) */
GPtrArray    *enlace_tracer_all_paths         (EnlaceTracer       *self,
                                               GError            **error);
/* The same paths, in the same order, handed one at a time to @func
 * (transfer none) and not kept: the memory stays that of the graph
 * whatever the number of paths (issue 14: `paths --json` of 1,000,000
 * ports).  @func returns FALSE to stop. */
typedef gboolean (*EnlacePathFunc) (EnlacePath *path,
                                    gpointer    user_data);
gboolean      enlace_tracer_foreach_path      (EnlaceTracer       *self,
                                               EnlacePathFunc      func,
                                               gpointer            user_data,
                                               GError            **error);

/* What breaks if the object is removed or unplugged.  @kind is "cable",
 * "port", "circuit-termination", "device" or "rack".  Items are the ends
 * of every complete path through the object (and of every path that
 * reaches an outlet jack), except ends that are themselves removed. */
EnlaceImpact *enlace_tracer_impact            (EnlaceTracer       *self,
                                               const char         *kind,
                                               gint64              id,
                                               GError            **error);
/* Resolves @key as a cable label, port, termination, device or rack. */
EnlaceImpact *enlace_tracer_impact_key        (EnlaceTracer       *self,
                                               const char         *key,
                                               GError            **error);

/* Spare capacity.  @space_id 0: every space; otherwise only that space
 * (a telecom room gives its free ports, any space its idle jacks). */
EnlaceFree   *enlace_tracer_free              (EnlaceTracer       *self,
                                               gint64              space_id,
                                               GError            **error);

/* Readable keys of nodes: "DEVICE:PORT", "CID:A", cable label (or "#ID"),
 * "BUILDING/LEVEL/CODE".  Newly allocated. */
char         *enlace_tracer_dup_node_key      (EnlaceTracer       *self,
                                               const EnlaceNode   *node);
char         *enlace_tracer_dup_space_key     (EnlaceTracer       *self,
                                               gint64              space_id);

/* JSON forms.
 * paths: {"paths": [{"origin": [KEY...], "hops": [[KEY...],...],
 *   "destination": [KEY...] | null, "complete", "active", "split",
 *   "state": "complete" | "to-jack" | "incomplete" | "split",
 *   "stop": null | {"code", "at": [KEY...], "message"},
 *   "length_m": number | null, "length_known",
 *   "faulty": [KEY...] (its cables and ports marked faulty, enlace-faulty.h)}]}
 * (see enlace_tracer_dup_stop_text () in enlace-trace-paths.h) */
JsonNode     *enlace_tracer_paths_to_json     (EnlaceTracer       *self,
                                               GPtrArray          *paths);
/* One path as an element of "paths" above; @faulty is
 * enlace_faulty_set_load () of the store (or NULL: none marked). */
JsonNode     *enlace_tracer_path_to_json      (EnlaceTracer       *self,
                                               EnlacePath         *path,
                                               GHashTable         *faulty);
JsonNode     *enlace_tracer_impact_to_json    (EnlaceTracer       *self,
                                               EnlaceImpact       *impact);
JsonNode     *enlace_tracer_free_to_json      (EnlaceTracer       *self,
                                               EnlaceFree         *free_);

G_END_DECLS
