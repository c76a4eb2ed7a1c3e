/* enlace-report-private.h: shared by the files of model/reports */
#pragma once

#include "enlace-report.h"
#include "enlace-store-private.h"

G_BEGIN_DECLS

#define REPORT_MAX_COLUMNS 10

typedef enum
{
  COL_NUMBER = 1 << 0,  /* an integer */
  COL_LENGTH = 1 << 1,  /* metres, one decimal */
  COL_CHOICE = 1 << 2,  /* a choice value: shown with its label */
  COL_SUM    = 1 << 3,  /* summed in the totals */
} ColumnFlags;

typedef struct
{
  const char *title;   /* N_() */
  double      width;
  guint       flags;
} ReportColumn;

typedef struct _ReportKind ReportKind;

/* Completes the current row (cells the SQL could not give: what the
 * tracer finds).  FALSE to leave the row out (not in the scope). */
typedef gboolean (*ReportFillFunc) (EnlaceReportCursor *cursor,
                                    GError            **error);

struct _ReportKind
{
  EnlaceReportInfo info;
  const char      *sql;       /* id, group, then the columns; NULL: the scope's objects */
  ReportColumn     columns[REPORT_MAX_COLUMNS];
  guint            n_columns;
  const char      *noun_one;  /* N_("%s cable") */
  const char      *noun_many; /* N_("%s cables") */
  ReportFillFunc   fill;
};

const ReportKind *enlace_report_kind_lookup (const char *name);

/* For the fill functions. */
sqlite3_stmt *enlace_report_cursor_get_stmt  (EnlaceReportCursor *self);
const EnlaceReportScope *enlace_report_cursor_get_scope (EnlaceReportCursor *self);
/* Replaces cell @i of the current row. */
void          enlace_report_cursor_set       (EnlaceReportCursor *self,
                                              guint               i,
                                              const char         *text);

gboolean enlace_report_fill_outlet    (EnlaceReportCursor *cursor,
                                       GError            **error);
gboolean enlace_report_fill_directory (EnlaceReportCursor *cursor,
                                       GError            **error);

G_END_DECLS
