/* enlace-report.h: the data of the printable reports
 *
 * A report is a kind ("cables", "outlets", …) and a scope (a building, a
 * floor, a period, a selection of objects).  The model only reads: a
 * tabular report is an EnlaceReportCursor over one SQL statement, stepped
 * row by row (an 80,000-cable schedule is never held in memory), with
 * its columns, the group each row belongs to (the space of an outlet, the
 * panel of a port: printed as a sub-heading) and the totals of its
 * summed columns.  The drawing reports (rack elevations, trace sheets)
 * give the ids of what to draw; views/render/enlace-render-report.c lays
 * every report out on pages, the CSV writer writes the tabular ones.
 */
#pragma once

#include <glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

typedef enum
{
  ENLACE_REPORT_TABLE,    /* rows and columns */
  ENLACE_REPORT_RACKS,    /* rack elevations: the cursor gives rack ids */
  ENLACE_REPORT_TRACES,   /* trace sheets: the scope's objects */
} EnlaceReportStyle;

typedef struct
{
  const char        *name;         /* "cables": the CLI's KIND */
  const char        *title;        /* N_(): "Cable schedule" */
  const char        *description;  /* N_(): one line for --help and the dialog */
  EnlaceReportStyle  style;
  gboolean           landscape;    /* the orientation it reads best in */
} EnlaceReportInfo;

/* Every kind, in menu order; *@n_kinds their number. */
const EnlaceReportInfo *enlace_report_kinds   (guint       *n_kinds);
/* The kind named @name, NULL when there is none. */
const EnlaceReportInfo *enlace_report_lookup  (const char  *name);

typedef struct
{
  const char  *building;   /* nullable: a building's code */
  const char  *floor;      /* nullable: a floor's level or name (with a building) */
  const char  *since;      /* nullable: the audit log's period, "YYYY-MM-DD" … */
  const char  *until;      /* … up to and including this day */
  const char **objects;    /* nullable, NULL-terminated: readable keys (trace sheets) */
} EnlaceReportScope;

/* A one-line description of @scope ("Building ED-A, floor 2"), NULL for
 * the whole campus. */
char *enlace_report_scope_describe (const EnlaceReportScope *scope);

/* For scope choosers: the buildings (code, then "CODE — Name") and the
 * floors of building @code (level, then "LEVEL — Name"), as pairs in a
 * NULL-terminated vector (g_strfreev). */
GStrv enlace_report_list_buildings (EnlaceStore *store);
GStrv enlace_report_list_floors    (EnlaceStore *store,
                                    const char  *building);

typedef struct _EnlaceReportCursor EnlaceReportCursor;

/* Prepares the report @name over @scope.  Fails on an unknown kind,
 * building or floor (naming it), or a badly written date. */
EnlaceReportCursor *enlace_report_cursor_new     (EnlaceStore              *store,
                                                  const char               *name,
                                                  const EnlaceReportScope  *scope,
                                                  GError                  **error);
void                enlace_report_cursor_free    (EnlaceReportCursor *self);
const EnlaceReportInfo *enlace_report_cursor_get_info (EnlaceReportCursor *self);
EnlaceStore        *enlace_report_cursor_get_store (EnlaceReportCursor *self);
/* The store's tracer, held while the cursor lives (transfer none). */
struct _EnlaceTracer *enlace_report_cursor_get_tracer (EnlaceReportCursor *self);
/* The scope in words (see enlace_report_scope_describe), or NULL. */
const char         *enlace_report_cursor_get_scope_text (EnlaceReportCursor *self);

guint               enlace_report_cursor_get_n_columns (EnlaceReportCursor *self);
/* Translated title of column @i. */
const char         *enlace_report_cursor_get_column_title (EnlaceReportCursor *self,
                                                     guint               i);
/* Relative width of column @i (the widths of a row add up to 1). */
double              enlace_report_cursor_get_column_width (EnlaceReportCursor *self,
                                                     guint               i);
/* TRUE when column @i holds numbers (right-aligned, maybe summed). */
gboolean            enlace_report_cursor_column_is_number (EnlaceReportCursor *self,
                                                     guint               i);

/* How many rows the report has (a counting pass). */
gint64              enlace_report_cursor_count   (EnlaceReportCursor  *self,
                                                  GError             **error);
/* Goes back before the first row (totals start again). */
void                enlace_report_cursor_rewind  (EnlaceReportCursor *self);
/* Steps to the next row: FALSE at the end (@error unset) or on error. */
gboolean            enlace_report_cursor_next    (EnlaceReportCursor  *self,
                                                  GError             **error);
/* The current row's cell @i as text ("" when empty). */
const char         *enlace_report_cursor_get     (EnlaceReportCursor *self,
                                                  guint               i);
/* The current row's group ("ED-A/1/101 Oficina"), NULL when the report
 * has no groups; a new value starts a sub-heading. */
const char         *enlace_report_cursor_get_group (EnlaceReportCursor *self);
/* The id of the current row's object (a rack for ENLACE_REPORT_RACKS). */
gint64              enlace_report_cursor_get_id  (EnlaceReportCursor *self);
/* Rows stepped so far. */
gint64              enlace_report_cursor_get_position (EnlaceReportCursor *self);
/* After the last row: the totals line ("1,234 cables · 5,678.0 m"),
 * translated; NULL when the report has none. */
char               *enlace_report_cursor_dup_totals (EnlaceReportCursor *self);

/* The objects the rows of report @name over @scope stand for, to print
 * their labels: the cables of the cable schedule, the outlets of the
 * outlet schedule's jacks, the patch panels of the patch-panel schedule,
 * the racks of the rack elevations — each once, in the report's order.
 * *@object_kind (nullable): "cable", "device" or "rack"; *@ids: their ids
 * (gint64); *@keys (nullable): their readable keys.  Fails, naming the
 * report, for a report whose rows are not objects with labels. */
gboolean    enlace_report_collect_keys (EnlaceStore              *store,
                                        const char               *name,
                                        const EnlaceReportScope  *scope,
                                        const char              **object_kind,
                                        GArray                  **ids,
                                        GPtrArray               **keys,
                                        GError                  **error);
/* The labels that suit report @name's objects ("cable", "faceplate",
 * "panel", "rack"; see enlace-labels.h), NULL when it has none. */
const char *enlace_report_label_kind   (const char               *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceReportCursor, enlace_report_cursor_free)

G_END_DECLS
