/* enlace-query.h: read-only queries for the lists, pages and search of
 * the GUI (the views never speak SQL; they ask here).
 *
 * A list is described by an EnlaceListSpec: which table, which rows, which
 * columns (as SQL expressions giving display text).  The list widgets load
 * the ids of the matching rows in order (cheap even for 100k rows) and
 * fetch the cells of a row only when it is shown.
 */
#pragma once

#include "enlace-kinds.h"
#include "enlace-store.h"

G_BEGIN_DECLS

/* EnlaceColumn and EnlaceListSpec are in enlace-kinds.h: a kind holds its list. */

/* A spec by name; every kind has one (its own list, or one column per
 * field), plus "outlet" (devices that are wall outlets)
 * and "audit" (the audit log). */
const EnlaceListSpec *enlace_list_spec_lookup     (const char            *name);

/* Ids of the rows of @spec, filtered by @search (NULL or "" for all):
 * each of its words is in some searchable column or in the label of a
 * choice column's value ("planeado" finds planned cables), blind to case
 * and accents (enlace_text_fold); restricted to
 * @parent_id when > 0, sorted by column @sort_column (-1: default order). */
GArray               *enlace_list_query_ids       (EnlaceStore           *store,
                                                   const EnlaceListSpec  *spec,
                                                   gint64                 parent_id,
                                                   const char            *search,
                                                   int                    sort_column,
                                                   gboolean               descending,
                                                   GError               **error);
/* The cells of one row as a NULL-terminated array of n_columns strings
 * ("" for NULL), or NULL with @error when the row is gone. */
char                **enlace_list_query_row       (EnlaceStore           *store,
                                                   const EnlaceListSpec  *spec,
                                                   gint64                 id,
                                                   GError               **error);
/* The rows that enlace_list_query_rows() reads with one statement. */
#define ENLACE_LIST_PAGE_ROWS 64

/* The cells of the rows @ids, as enlace_list_query_row() gives them, read
 * with one statement (one read transaction) for each ENLACE_LIST_PAGE_ROWS
 * of them: a GPtrArray of @n_ids cell arrays in the order of @ids, NULL
 * where a row is gone.  For lists that show many rows at once. */
GPtrArray            *enlace_list_query_rows      (EnlaceStore           *store,
                                                   const EnlaceListSpec  *spec,
                                                   const gint64          *ids,
                                                   guint                  n_ids,
                                                   GError               **error);

/* Counts for a site / building / floor / space page. */
typedef struct
{
  guint n_buildings;
  guint n_floors;
  guint n_spaces;
  guint n_racks;
  guint n_devices;
  guint n_outlets;
  guint n_outlet_ports;
  guint n_outlet_ports_used;
  guint n_panel_ports;       /* front ports of patch panels */
  guint n_panel_ports_used;
  guint n_switch_ports;      /* interfaces of switches */
  guint n_switch_ports_used;
} EnlaceLocationStats;

gboolean              enlace_query_location_stats (EnlaceStore           *store,
                                                   const char            *kind,
                                                   gint64                 id,
                                                   EnlaceLocationStats   *out,
                                                   GError               **error);

/* One hit of the global search. */
typedef struct
{
  char   *kind;     /* "extension", "building", ... */
  gint64  id;
  char   *title;    /* what matched, e.g. "2001" */
  char   *subtitle; /* context, e.g. "Juan Pérez · Rectoría" */
} EnlaceSearchHit;

void                  enlace_search_hit_free      (EnlaceSearchHit       *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceSearchHit, enlace_search_hit_free)

/* Searches names, codes, labels, extensions, serials, asset tags, people
 * and circuits for @text (case-insensitive substring).  At most @limit
 * hits per kind.  Returns a GPtrArray of EnlaceSearchHit, exact matches
 * first. */
GPtrArray            *enlace_query_search         (EnlaceStore           *store,
                                                   const char            *text,
                                                   guint                  limit,
                                                   GError               **error);

G_END_DECLS
