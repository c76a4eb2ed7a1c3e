/* enlace-trace-private.h: the in-memory cabling graph and the tracer's
 * insides, shared by the files of the trace area:
 *
 *   enlace-trace-graph.c   the graph: id tables, reading rows
 *   enlace-trace-walk.c    paths and the walk that traces them
 *   enlace-trace-update.c  the index of paths, kept up to date with the store
 *   enlace-trace.c         EnlaceTracer: the questions
 *   enlace-impact.c        impact, spare capacity, JSON
 *
 * Model-internal. */
#pragma once

#include "enlace-trace.h"
#include "enlace-store-private.h"

G_BEGIN_DECLS

#define T_PAGE_BITS 12
#define T_PAGE_SIZE (1 << T_PAGE_BITS)
#define T_MAX_PAGES (1 << 14)   /* ids below 64M are paged */

/* A table of fixed-size records indexed by row id.  Records live in pages
 * of 4096 so that pointers stay valid while the table grows; very large
 * ids go to a hash table. */
typedef struct
{
  gsize       elem_size;
  GPtrArray  *pages;
  GHashTable *big;
} TIdTab;

typedef enum
{
  T_UNKNOWN = 0,   /* not read yet (or invalidated) */
  T_PRESENT,
  T_ABSENT,
} TState;

typedef enum
{
  T_PORT_INTERFACE,
  T_PORT_FRONT,
  T_PORT_REAR,
} TPortKind;

typedef struct
{
  gint64  other;       /* the port at the other side of the mapping */
  gint64  mapping_id;
  guint16 my_pos;
  guint16 other_pos;
} TMap;

typedef struct
{
  guint8      state;
  guint8      kind;        /* TPortKind */
  guint8      medium;      /* EnlaceMedium */
  char        side;        /* 'A' / 'B' of its cable, 0 when none */
  guint16     positions;
  gint64      device_id;
  gint64      cable_id;
  gint64      cable_end_id;
  char       *name;
  TMap       *maps;
  guint       n_maps;
  guint       queued : 1;  /* scratch flag of the update */
  EnlacePath *path;        /* cached path from this endpoint (owned ref) */
  GPtrArray  *paths;       /* cached paths through this port (not owned) */
} TPort;

typedef struct
{
  guint8      state;
  gboolean    active;      /* status active */
  const char *role;        /* interned */
  gint64      space_id;    /* its own or its rack's */
  gint64      rack_id;
  char       *name;
} TDevice;

typedef struct
{
  guint8      state;
  gboolean    installed;
  gboolean    has_length;
  double      length;
  char       *label;
  const char *kind;        /* interned: horizontal, backbone, ... */
  const char *type;        /* interned, NULL when unknown */
  GArray     *ends[2];     /* EnlaceNode (port / termination), A and B */
  GPtrArray  *paths;
} TCable;

typedef struct
{
  guint8      state;
  char        side;        /* 'A' / 'Z' */
  char        cable_side;  /* 'A' / 'B' / 0 */
  gint64      circuit_id;
  gint64      space_id;
  gint64      cable_id;
  gint64      cable_end_id;
  GPtrArray  *paths;
} TTerm;

typedef struct
{
  guint8      state;
  gboolean    active;
  gboolean    has_length;
  double      length;
  char       *cid;
  gint64      term[2];     /* A and Z termination ids, 0 when none */
} TCircuit;

typedef struct
{
  guint8 state;
  char   side;
  gint64 cable_id;
  gint64 port_id;
  gint64 term_id;
} TCableEnd;

typedef struct
{
  guint8 state;
  gint64 front;
  gint64 rear;
} TMapping;

typedef struct
{
  EnlaceStore *store;
  TIdTab       ports;
  TIdTab       devices;
  TIdTab       cables;
  TIdTab       terms;
  TIdTab       circuits;
  TIdTab       cable_ends;
  TIdTab       mappings;
  gboolean     full;        /* every row has been read once */
  gint64       max_port_id; /* highest port id seen */
} TGraph;

void      t_idtab_init       (TIdTab  *t,
                              gsize    elem_size);
void      t_idtab_clear      (TIdTab  *t,
                              GFunc    clear_elem);
gpointer  t_idtab_get        (TIdTab  *t,
                              gint64   id,
                              gboolean create);
/* Calls @func (elem, id) on every record created so far. */
void      t_idtab_foreach    (TIdTab  *t,
                              void   (*func) (gpointer elem, gint64 id, gpointer data),
                              gpointer data);

/* Present records or NULL (reads the row on first use). */
TPort    *t_graph_port       (TGraph  *g,
                              gint64   id);
TDevice  *t_graph_device     (TGraph  *g,
                              gint64   id);
TCable   *t_graph_cable      (TGraph  *g,
                              gint64   id);
TTerm    *t_graph_term       (TGraph  *g,
                              gint64   id);
TCircuit *t_graph_circuit    (TGraph  *g,
                              gint64   id);
gboolean  t_graph_load_all   (TGraph  *g,
                              GError **error);

/* Reading and rereading rows (enlace-trace-graph.c) */
void          t_graph_init        (TGraph      *g,
                                   EnlaceStore *store);
void          t_graph_clear       (TGraph      *g);
/* NULL (and a warning) when the statement cannot be prepared. */
sqlite3_stmt *t_graph_prepare     (TGraph      *g,
                                   const char  *sql);
void          t_graph_load_port   (TGraph      *g,
                                   gint64       id);
void          t_graph_load_device (TGraph      *g,
                                   gint64       id);
void          t_graph_load_cable  (TGraph      *g,
                                   gint64       id);
void          t_graph_load_term   (TGraph      *g,
                                   gint64       id);

/* Hops and the walk (enlace-trace-walk.c).  A hop is a sorted set of
 * EnlaceNode without duplicates. */
int         t_node_cmp          (gconstpointer     a,
                                 gconstpointer     b);
GArray     *t_hop_new           (void);
void        t_hop_add           (GArray           *hop,
                                 EnlaceNodeKind    kind,
                                 gint64            id);
void        t_hop_finish        (GArray           *hop);
/* A path from an origin set (ports or terminations), going out through
 * their cables. */
EnlacePath *t_trace_from_origin (TGraph           *g,
                                 GArray           *origin);
/* A path from a pass-through port or a circuit termination going the
 * other way: through the device's mappings or across the circuit. */
EnlacePath *t_trace_from_across (TGraph           *g,
                                 const EnlaceNode *start);
/* The origin set of endpoint @port_id: every interface on the same end of
 * its cable.  NULL when it has no cable or is not an endpoint. */
GArray     *t_origin_set        (TGraph           *g,
                                 gint64            port_id);

struct _EnlaceTracer
{
  GObject      parent_instance;
  EnlaceStore *store;
  gulong       changed_id;
  TGraph       graph;
  gboolean     indexed;     /* every endpoint traced, index of paths kept */
};

/* The index of paths (enlace-trace-update.c) */
/* Where the paths through @n are listed (NULL for a space). */
GPtrArray **t_graph_paths_slot     (TGraph           *g,
                                    const EnlaceNode *n);
/* Brings the graph and, when kept, the paths up to date after @set. */
void        t_tracer_apply_changes (EnlaceTracer     *self,
                                    EnlaceChangeSet  *set);

/* Internal accessors of the tracer, for enlace-impact.c */
TGraph   *_enlace_tracer_get_graph   (EnlaceTracer *self);
/* Traces every endpoint once (loads the whole graph) and keeps the index
 * of paths by node up to date from then on. */
gboolean  _enlace_tracer_ensure_all  (EnlaceTracer *self,
                                      GError      **error);

G_END_DECLS
