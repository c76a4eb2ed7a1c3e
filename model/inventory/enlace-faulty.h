/* enlace-faulty.h: cables and ports marked faulty
 *
 * A cable or a port can be marked faulty ("averiado"): by the detection
 * step of a fault report (enlace_fault_set_step_marking () in
 * model/cases/enlace-faults.h: the mark names the case, one command with
 * the step) or by hand (`enlace-cli faulty mark|clear`).  A mark is an
 * inventory change: the floor plan draws the jacks and links through it
 * red, the trace draws the cable or the port red, and `paths --json`
 * lists the faulty objects of each path.  A mark made by a case is
 * cleared when that case is resolved; any mark can be cleared by hand.
 * Table faulty_mark (schema-v6.sql); every change is a command. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "enlace-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *kind;      /* "cable" or "port" */
  gint64  id;
  char   *key;       /* the cable's label or DEVICE:PORT */
  gint64  case_id;   /* 0: marked by hand */
  char   *folio;     /* the case's folio, NULL when none */
  char   *at;        /* ISO 8601 */
  char   *note;      /* may be NULL */
} EnlaceFaultyMark;

void        enlace_faulty_mark_free     (EnlaceFaultyMark *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceFaultyMark, enlace_faulty_mark_free)
/* {"kind","key","case","at","note"} for --json */
JsonObject *enlace_faulty_mark_to_json  (const EnlaceFaultyMark *self);

/* Resolves @key into a cable (its label) or a port (DEVICE:PORT) that can
 * be marked faulty.  @kind_hint "cable", "port" or NULL (a port first,
 * then a cable).  FALSE with ENLACE_STORE_ERROR_NOT_FOUND when nothing has
 * that key. */
gboolean    enlace_faulty_resolve       (EnlaceStore  *store,
                                         const char   *kind_hint,
                                         const char   *key,
                                         const char  **kind,
                                         gint64       *id,
                                         GError      **error);

/* Marks the cable or port @kind/@id faulty (one command, or part of the
 * open one), naming @case_id (0: by hand) and @note (nullable).  Refused
 * when the object does not exist or is already marked. */
gboolean    enlace_faulty_mark          (EnlaceStore  *store,
                                         const char   *kind,
                                         gint64        id,
                                         gint64        case_id,
                                         const char   *note,
                                         GError      **error);

/* Clears the mark of @kind/@id (one command).  Refused when it is not
 * marked. */
gboolean    enlace_faulty_clear         (EnlaceStore  *store,
                                         const char   *kind,
                                         gint64        id,
                                         GError      **error);

/* Inside an open command: clears every mark made by case @case_id.
 * Returns the number cleared, -1 with @error. */
int         enlace_faulty_clear_case    (EnlaceStore  *store,
                                         gint64        case_id,
                                         GError      **error);

/* The mark of @kind/@id, NULL when it is not marked. */
EnlaceFaultyMark *enlace_faulty_get     (EnlaceStore  *store,
                                         const char   *kind,
                                         gint64        id);
gboolean    enlace_faulty_is_marked     (EnlaceStore  *store,
                                         const char   *kind,
                                         gint64        id);

/* Every mark (EnlaceFaultyMark*), cables then ports, by key; with
 * @case_id > 0 only that case's. */
GPtrArray  *enlace_faulty_list          (EnlaceStore  *store,
                                         gint64        case_id,
                                         GError      **error);

/* The marked objects at once, for code that looks up many (the plan, the
 * trace's JSON): a set to query with enlace_faulty_set_contains (). */
GHashTable *enlace_faulty_set_load      (EnlaceStore  *store);
gboolean    enlace_faulty_set_contains  (GHashTable   *set,
                                         const char   *kind,
                                         gint64        id);

G_END_DECLS
