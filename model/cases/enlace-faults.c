/* enlace-faults.c: fault reports tied to the cable they run on — where the
 * user is, the traced path, the common cause of open faults, closing the
 * cause
 */
#define G_LOG_DOMAIN "enlace-cases"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases-private.h"
#include "enlace-faults.h"
#include "enlace-trace-paths.h"

static gboolean
is_location_kind (const char *kind)
{
  return g_strcmp0 (kind, "outlet") == 0 || g_strcmp0 (kind, "port") == 0 ||
         g_strcmp0 (kind, "extension") == 0;
}

/* The ids returned by @sql (one ?1 text parameter). */
static GArray *
ids_for_text (EnlaceStore *store,
              const char  *sql,
              const char  *text)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return ids;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

static gboolean
pick_one (EnlaceStore  *store,
          GArray       *ids,
          const char   *what,
          const char   *key,
          const char   *kind,
          const char  **out_kind,
          gint64       *out_id,
          GError      **error)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (ids->len == 1)
    {
      *out_kind = kind;
      *out_id = g_array_index (ids, gint64, 0);
      return TRUE;
    }
  for (guint i = 0; i < ids->len && i < 8; i++)
    {
      g_autofree char *k = enlace_cases_link_key (store, kind, g_array_index (ids, gint64, i));
      g_string_append_printf (names, "%s%s", i ? ", " : "", k ? k : "?");
    }
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
               /* TRANSLATORS: "room B/1/020 has 3 outlets: …; name one" */
               _("%s %s has %u candidates (%s): name the outlet, port or extension"),
               what, key, ids->len, names->str);
  return FALSE;
}

gboolean
enlace_fault_resolve_location (EnlaceStore  *store,
                               const char   *key,
                               const char  **kind,
                               gint64       *id,
                               GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 found;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && kind != NULL && id != NULL, FALSE);

  if (strchr (key, ':') != NULL && (found = enlace_store_lookup (store, "port", key, NULL)) > 0)
    {
      *kind = "port";
      *id = found;
      return TRUE;
    }
  ids = ids_for_text (store, "SELECT id FROM device WHERE name = ?1 AND role = 'outlet'", key);
  if (ids->len == 1)
    return pick_one (store, ids, NULL, key, "outlet", kind, id, error);
  g_array_unref (ids);
  ids = ids_for_text (store, "SELECT id FROM extension WHERE number = ?1", key);
  if (ids->len == 1)
    return pick_one (store, ids, NULL, key, "extension", kind, id, error);
  if (strchr (key, '/') != NULL)
    {
      gint64 space = enlace_store_lookup (store, "space", key, NULL);

      if (space > 0)
        {
          g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, space);

          g_array_unref (ids);
          ids = ids_for_text (store, "SELECT id FROM device WHERE role = 'outlet' AND space_id = CAST (?1 AS INTEGER) ORDER BY name",
                              sid);
          if (ids->len > 0)
            return pick_one (store, ids, _("Room"), key, "outlet", kind, id, error);
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("Room %s has no outlet: name a port or an extension"), key);
          return FALSE;
        }
    }
  g_array_unref (ids);
  ids = ids_for_text (store,
                      "SELECT e.id FROM extension e JOIN person p ON p.id = e.person_id "
                      "WHERE p.name = ?1 ORDER BY e.number",
                      key);
  if (ids->len > 0)
    return pick_one (store, ids, _("Person"), key, "extension", kind, id, error);
  g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
               _("No outlet, port, extension, room or person “%s” to place the fault at"), key);
  return FALSE;
}

gint64
enlace_fault_open (EnlaceStore  *store,
                   const char   *procedure_code,
                   JsonObject   *values,
                   const char   *location_kind,
                   gint64        location_id,
                   GError      **error)
{
  g_autoptr(EnlaceProcedure) proc = NULL;
  gint64 id;

  g_return_val_if_fail (ENLACE_IS_STORE (store), 0);
  g_return_val_if_fail (procedure_code != NULL, 0);

  proc = enlace_procedures_get (store, procedure_code, 0, error);
  if (proc == NULL)
    return 0;
  if (g_strcmp0 (proc->kind, "fault") != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("Procedure %s is not a fault report: only faults are placed at an outlet, port or extension"),
                   procedure_code);
      return 0;
    }
  if (!is_location_kind (location_kind))
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("A fault is placed at an outlet, a port or an extension, not at a “%s”"),
                   location_kind ? location_kind : "");
      return 0;
    }
  if (!enlace_store_begin (store, _("New fault report"), error))
    return 0;
  id = enlace_case_open (store, procedure_code, values, error);
  if (id == 0 || !enlace_cases_link_object (store, id, location_kind, location_id, TRUE, error))
    {
      enlace_store_rollback (store);
      return 0;
    }
  if (!enlace_store_commit (store, error))
    return 0;
  return id;
}

gboolean
enlace_fault_get_location (EnlaceStore  *store,
                           gint64        case_id,
                           const char  **kind,
                           gint64       *id)
{
  sqlite3_stmt *stmt;
  gboolean ret = FALSE;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  stmt = enlace_store_prepare (store,
                               "SELECT kind, object_id FROM case_link WHERE case_id = ?1 "
                               "AND kind IN ('outlet','port','extension') ORDER BY id LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *k = (const char *) sqlite3_column_text (stmt, 0);

      *kind = g_strcmp0 (k, "outlet") == 0 ? "outlet" : g_strcmp0 (k, "port") == 0 ? "port" : "extension";
      *id = sqlite3_column_int64 (stmt, 1);
      ret = TRUE;
    }
  sqlite3_reset (stmt);
  return ret;
}

GPtrArray *
enlace_fault_trace (EnlaceTracer *tracer,
                    gint64        case_id,
                    char        **title,
                    GError      **error)
{
  EnlaceStore *store;
  const char *kind = NULL;
  gint64 id = 0;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);

  store = enlace_tracer_get_store (tracer);
  if (title)
    *title = NULL;
  if (!enlace_fault_get_location (store, case_id, &kind, &id))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_path_unref);
  return enlace_tracer_trace_object (tracer, g_strcmp0 (kind, "outlet") == 0 ? "device" : kind, id, title, error);
}

/* ---- Common cause ------------------------------------------------------ */

void
enlace_fault_cause_free (EnlaceFaultCause *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->key);
  g_free (self->role);
  g_clear_pointer (&self->case_ids, g_array_unref);
  g_free (self);
}

char *
enlace_fault_cause_dup_text (const EnlaceFaultCause *cause)
{
  const char *what;

  g_return_val_if_fail (cause != NULL, NULL);

  if (g_strcmp0 (cause->kind, "device") == 0)
    what = g_strcmp0 (cause->role, "patch-panel") == 0 ? _("panel")
         : g_strcmp0 (cause->role, "switch") == 0 ? _("switch")
         : g_strcmp0 (cause->role, "consolidation-point") == 0 ? _("consolidation point")
         : _("device");
  else if (g_strcmp0 (cause->kind, "port") == 0)
    what = _("port");
  else if (g_strcmp0 (cause->kind, "cable") == 0)
    what = _("cable");
  else
    what = _("circuit");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open report passes through %s %s",
                                       "%u open reports pass through %s %s", cause->n_cases),
                          cause->n_cases, what, cause->key ? cause->key : "?");
}

static gint64
query_int (EnlaceStore *store,
           const char  *sql,
           gint64       id)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  gint64 ret = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return ret;
}

/* Objects as one integer: the kind in the top bits, the id below. */
enum { OBJ_DEVICE = 1, OBJ_PORT, OBJ_CABLE, OBJ_CIRCUIT };
#define OBJ_KEY(kind, id) (((gint64) (kind) << 56) | (id))
#define OBJ_KIND(key)     ((int) ((key) >> 56))
#define OBJ_ID(key)       ((key) & ((G_GINT64_CONSTANT (1) << 56) - 1))

static const char *
obj_kind_name (int kind)
{
  switch (kind)
    {
    case OBJ_DEVICE:
      return "device";
    case OBJ_PORT:
      return "port";
    case OBJ_CABLE:
      return "cable";
    default:
      return "circuit";
    }
}

/* Adds @key to @seen (gint64 key → nearest hop + 1) unless a nearer hop
 * is already there. */
static void
see (GHashTable *seen,
     gint64      key,
     guint       hop)
{
  gint64 *k;
  gpointer old;

  if (OBJ_ID (key) <= 0)
    return;
  if (g_hash_table_lookup_extended (seen, &key, NULL, &old))
    {
      if (GPOINTER_TO_UINT (old) > hop + 1)
        g_hash_table_insert (seen, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (hop + 1));
      return;
    }
  k = g_memdup2 (&key, sizeof key);
  g_hash_table_insert (seen, k, GUINT_TO_POINTER (hop + 1));
}

/* The objects a case's paths pass through (@lkind/@lid: where the user
 * is), each once with its nearest hop, except the user's own device and
 * its ports.  Read from the tracer's graph: no SQL once it is loaded. */
static GHashTable *
case_objects (EnlaceTracer *tracer,
              const char   *lkind,
              gint64        lid,
              GError      **error)
{
  EnlaceStore *store = enlace_tracer_get_store (tracer);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) paths = NULL;
  gint64 own_device = 0;

  if (g_strcmp0 (lkind, "outlet") == 0)
    own_device = lid;
  else if (g_strcmp0 (lkind, "port") == 0)
    own_device = enlace_tracer_get_port_device (tracer, lid);
  else
    own_device = enlace_tracer_get_port_device (tracer, query_int (store, "SELECT port_id FROM extension WHERE id = ?1", lid));
  paths = enlace_tracer_trace_object (tracer, g_strcmp0 (lkind, "outlet") == 0 ? "device" : lkind, lid, NULL, error);
  if (paths == NULL)
    {
      /* an extension on no port, a vanished object: no path, no cause */
      g_clear_error (error);
      return g_steal_pointer (&seen);
    }
  for (guint p = 0; p < paths->len; p++)
    {
      EnlacePath *path = g_ptr_array_index (paths, p);
      guint n_hops = enlace_path_get_n_hops (path);

      for (guint h = 0; h < n_hops; h++)
        {
          guint n = 0;
          const EnlaceNode *nodes = enlace_path_get_hop (path, h, &n);

          for (guint i = 0; i < n; i++)
            {
              switch (nodes[i].kind)
                {
                case ENLACE_NODE_PORT:
                  {
                    gint64 dev = enlace_tracer_get_port_device (tracer, nodes[i].id);

                    if (dev == own_device)
                      continue;
                    see (seen, OBJ_KEY (OBJ_PORT, nodes[i].id), h);
                    see (seen, OBJ_KEY (OBJ_DEVICE, dev), h);
                  }
                  break;
                case ENLACE_NODE_CABLE:
                  see (seen, OBJ_KEY (OBJ_CABLE, nodes[i].id), h);
                  break;
                case ENLACE_NODE_TERMINATION:
                  see (seen, OBJ_KEY (OBJ_CIRCUIT, enlace_tracer_get_term_circuit (tracer, nodes[i].id)), h);
                  break;
                case ENLACE_NODE_SPACE:
                default:
                  break;
                }
            }
        }
    }
  return g_steal_pointer (&seen);
}

static int
cause_compare (gconstpointer a,
               gconstpointer b)
{
  const EnlaceFaultCause *x = *(EnlaceFaultCause * const *) a;
  const EnlaceFaultCause *y = *(EnlaceFaultCause * const *) b;

  if (x->n_cases != y->n_cases)
    return x->n_cases > y->n_cases ? -1 : 1;
  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

/* One open fault and where it is. */
typedef struct
{
  gint64      id;
  const char *kind;   /* static */
  gint64      object_id;
} OpenFault;

/* Every cause, or those through @case_id; NULL with @error. */
static GPtrArray *
compute_causes (EnlaceTracer *tracer,
                gint64        case_id,
                guint         min_cases,
                GError      **error)
{
  EnlaceStore *store = enlace_tracer_get_store (tracer);
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) enlace_fault_cause_free);
  g_autoptr(GHashTable) by_object = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) enlace_fault_cause_free);
  g_autoptr(GHashTable) mine = NULL;
  g_autoptr(GArray) cases = g_array_new (FALSE, FALSE, sizeof (OpenFault));
  sqlite3_stmt *stmt;
  GHashTableIter it;
  gpointer k, v;
  int rc;

  /* every open fault with its location (its first link of those kinds) */
  stmt = enlace_store_prepare (store,
                               "SELECT c.id, l.kind, l.object_id FROM case_file c "
                               "JOIN procedure p ON p.id = c.procedure_id "
                               "JOIN case_link l ON l.id = (SELECT min (x.id) FROM case_link x WHERE x.case_id = c.id "
                               "AND x.kind IN ('outlet','port','extension')) "
                               "WHERE p.kind = 'fault' AND c.status IN ('new','in-progress','waiting') "
                               "ORDER BY c.opened_at, c.id",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      OpenFault f = { sqlite3_column_int64 (stmt, 0),
                      g_strcmp0 (kind, "outlet") == 0 ? "outlet" : g_strcmp0 (kind, "port") == 0 ? "port" : "extension",
                      sqlite3_column_int64 (stmt, 2) };

      g_array_append_val (cases, f);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, _("Listing open faults"));
      return NULL;
    }
  if (case_id > 0)
    {
      const char *lkind = NULL;
      gint64 lid = 0;

      if (!enlace_fault_get_location (store, case_id, &lkind, &lid))
        return g_steal_pointer (&ret);
      mine = case_objects (tracer, lkind, lid, error);
      if (mine == NULL)
        return NULL;
    }
  for (guint c = 0; c < cases->len; c++)
    {
      OpenFault *f = &g_array_index (cases, OpenFault, c);
      g_autoptr(GHashTable) objects = case_objects (tracer, f->kind, f->object_id, error);

      if (objects == NULL)
        return NULL;
      g_hash_table_iter_init (&it, objects);
      while (g_hash_table_iter_next (&it, &k, &v))
        {
          EnlaceFaultCause *cause;

          if (mine != NULL && !g_hash_table_contains (mine, k))
            continue;
          cause = g_hash_table_lookup (by_object, k);
          if (cause == NULL)
            {
              gint64 key = *(gint64 *) k;

              cause = g_new0 (EnlaceFaultCause, 1);
              cause->kind = g_strdup (obj_kind_name (OBJ_KIND (key)));
              cause->id = OBJ_ID (key);
              cause->case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
              g_hash_table_insert (by_object, g_memdup2 (&key, sizeof key), cause);
            }
          g_array_append_val (cause->case_ids, f->id);
          cause->n_cases++;
          cause->distance += GPOINTER_TO_UINT (v);
        }
    }
  g_hash_table_iter_init (&it, by_object);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      EnlaceFaultCause *cause = v;

      if (cause->n_cases < min_cases)
        continue;
      if (case_id > 0)
        {
          gboolean has = FALSE;

          for (guint i = 0; i < cause->case_ids->len; i++)
            has |= g_array_index (cause->case_ids, gint64, i) == case_id;
          if (!has)
            continue;
        }
      g_hash_table_iter_steal (&it);
      g_free (k);
      cause->distance /= cause->n_cases;
      cause->key = enlace_tracer_dup_object_key (tracer, cause->kind, cause->id);
      if (g_strcmp0 (cause->kind, "device") == 0)
        cause->role = g_strdup (enlace_tracer_get_device_role (tracer, cause->id));
      g_ptr_array_add (ret, cause);
    }
  g_ptr_array_sort (ret, cause_compare);
  return g_steal_pointer (&ret);
}

GPtrArray *
enlace_faults_common_causes (EnlaceTracer *tracer,
                             gint64        case_id,
                             GError      **error)
{
  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);

  return compute_causes (tracer, case_id, 2, error);
}

GArray *
enlace_faults_related (EnlaceTracer *tracer,
                       gint64        case_id,
                       const char   *kind,
                       gint64        object_id,
                       GError      **error)
{
  g_autoptr(GPtrArray) causes = NULL;
  GArray *ret;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  causes = compute_causes (tracer, 0, 1, error);
  if (causes == NULL)
    return NULL;
  ret = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < causes->len; i++)
    {
      EnlaceFaultCause *c = g_ptr_array_index (causes, i);

      if (c->id != object_id || g_strcmp0 (c->kind, kind) != 0)
        continue;
      for (guint j = 0; j < c->case_ids->len; j++)
        if (g_array_index (c->case_ids, gint64, j) != case_id)
          g_array_append_val (ret, g_array_index (c->case_ids, gint64, j));
    }
  return ret;
}

/* Marks every pending step of @case_id done with @note (required form
 * fields filled with it), then resolves the case. */
static gboolean
resolve_with_note (EnlaceStore  *store,
                   gint64        case_id,
                   const char   *note,
                   GError      **error)
{
  g_autoptr(EnlaceCase) c = enlace_case_get (store, case_id, error);

  if (c == NULL)
    return FALSE;
  for (guint i = 0; i < c->steps->len; i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);
      g_autoptr(JsonObject) values = json_object_new ();
      EnlaceStepResult result = ENLACE_STEP_DONE;

      if (s->result != ENLACE_STEP_PENDING)
        continue;
      if (s->def->side == ENLACE_STEP_SIDE_REQUESTER || s->def->kind == ENLACE_STEP_INVENTORY ||
          s->def->kind == ENLACE_STEP_DOCUMENT)
        result = ENLACE_STEP_NA;
      else
        for (guint f = 0; s->def->fields && f < s->def->fields->len; f++)
          {
            EnlaceFieldSpec *spec = g_ptr_array_index (s->def->fields, f);

            if (spec->required && !json_object_has_member (s->values, spec->name))
              json_object_set_string_member (values, spec->name, note);
          }
      if (!enlace_case_set_step (store, case_id, s->id, result, note, values, error))
        return FALSE;
    }
  if (c->row->status == ENLACE_CASE_NEW || c->row->status == ENLACE_CASE_WAITING)
    {
      /* new → in progress happened with the first step; waiting needs it */
      g_autoptr(EnlaceCaseRow) row = enlace_cases_get_row (store, case_id, error);

      if (row == NULL)
        return FALSE;
      if (row->status != ENLACE_CASE_IN_PROGRESS &&
          !enlace_case_set_status (store, case_id, ENLACE_CASE_IN_PROGRESS, NULL, error))
        return FALSE;
    }
  return enlace_case_set_status (store, case_id, ENLACE_CASE_RESOLVED, NULL, error);
}

/* Resolves @case_id and @related (with @notes[i], or the default note),
 * in one command labelled after the cause @key. */
static gboolean
resolve_list (EnlaceStore          *store,
              gint64                case_id,
              const EnlaceCaseHead *h,
              const char           *key,
              GArray               *related,
              const char * const   *notes,
              const char           *note,
              GError              **error)
{
  g_autofree char *label = NULL;

  label = g_strdup_printf (_("%s: resolve with the cases of the common cause %s"), h->folio, key ? key : "?");
  if (!enlace_store_begin (store, label, error))
    return FALSE;
  if (h->status != ENLACE_CASE_RESOLVED &&
      !enlace_case_set_status (store, case_id, ENLACE_CASE_RESOLVED, NULL, error))
    goto fail;
  for (guint i = 0; i < related->len; i++)
    {
      gint64 other = g_array_index (related, gint64, i);
      const char *given = notes && notes[i] && notes[i][0] ? notes[i] : note;
      g_autofree char *text = given ? g_strdup (given)
                                    : g_strdup_printf (_("Resolved with %s: common cause %s"), h->folio, key ? key : "?");

      if (!resolve_with_note (store, other, text, error))
        goto fail;
    }
  return enlace_store_commit (store, error);

fail:
  enlace_store_rollback (store);
  return FALSE;
}

/* Loads @case_id's head and checks it is a fault report. */
static gboolean
load_fault_head (EnlaceStore    *store,
                 gint64          case_id,
                 EnlaceCaseHead *h,
                 GError        **error)
{
  g_autoptr(EnlaceProcedure) proc = NULL;

  if (!enlace_case_head_load (store, case_id, h, error))
    return FALSE;
  proc = enlace_procedures_get_by_id (store, h->procedure_id, error);
  if (proc == NULL)
    return FALSE;
  if (g_strcmp0 (proc->kind, "fault") != 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                   _("%s is not a fault report: it has no common cause to close"), h->folio);
      return FALSE;
    }
  return TRUE;
}

int
enlace_faults_resolve_related (EnlaceTracer *tracer,
                               gint64        case_id,
                               const char   *kind,
                               gint64        object_id,
                               const char   *note,
                               GError      **error)
{
  EnlaceStore *store;
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(GArray) related = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), -1);

  store = enlace_tracer_get_store (tracer);
  if (!load_fault_head (store, case_id, &h, error))
    return -1;
  if (kind == NULL)
    {
      g_autoptr(GPtrArray) causes = enlace_faults_common_causes (tracer, case_id, error);
      EnlaceFaultCause *top;

      if (causes == NULL)
        return -1;
      if (causes->len == 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND,
                       _("%s shares no object with another open fault report"), h.folio);
          return -1;
        }
      top = g_ptr_array_index (causes, 0);
      related = g_array_new (FALSE, FALSE, sizeof (gint64));
      key = g_strdup (top->key);
      for (guint i = 0; i < top->case_ids->len; i++)
        if (g_array_index (top->case_ids, gint64, i) != case_id)
          g_array_append_val (related, g_array_index (top->case_ids, gint64, i));
    }
  else
    {
      related = enlace_faults_related (tracer, case_id, kind, object_id, error);
      if (related == NULL)
        return -1;
      key = enlace_store_dup_key (store, kind, object_id);
    }

  if (!resolve_list (store, case_id, &h, key, related, NULL, note, error))
    return -1;
  return (int) related->len;
}

gboolean
enlace_faults_resolve_cases (EnlaceTracer       *tracer,
                             gint64              case_id,
                             const char         *kind,
                             gint64              object_id,
                             GArray             *case_ids,
                             const char * const *notes,
                             GError            **error)
{
  EnlaceStore *store;
  g_auto(EnlaceCaseHead) h = { 0 };
  g_autoptr(GArray) related = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ENLACE_IS_TRACER (tracer), FALSE);
  g_return_val_if_fail (kind != NULL && case_ids != NULL, FALSE);

  store = enlace_tracer_get_store (tracer);
  if (!load_fault_head (store, case_id, &h, error))
    return FALSE;
  related = enlace_faults_related (tracer, case_id, kind, object_id, error);
  if (related == NULL)
    return FALSE;
  key = enlace_store_dup_key (store, kind, object_id);
  for (guint i = 0; i < case_ids->len; i++)
    {
      gint64 other = g_array_index (case_ids, gint64, i);
      gboolean found = FALSE;

      for (guint j = 0; j < related->len && !found; j++)
        found = g_array_index (related, gint64, j) == other;
      if (!found)
        {
          g_autofree char *folio = enlace_cases_query_text (store, "SELECT folio FROM case_file WHERE id = ?1", other);

          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID,
                       _("%s is not an open fault report through %s: only the cases that hang on the cause are resolved with it"),
                       folio ? folio : "?", key ? key : "?");
          return FALSE;
        }
    }
  return resolve_list (store, case_id, &h, key, case_ids, notes, NULL, error);
}

GPtrArray *
enlace_faults_for_object (EnlaceStore  *store,
                          const char   *kind,
                          gint64        object_id,
                          GError      **error)
{
  GPtrArray *rows;

  g_return_val_if_fail (ENLACE_IS_STORE (store), NULL);

  rows = enlace_cases_for_object (store, kind, object_id, error);
  if (rows == NULL)
    return NULL;
  for (guint i = rows->len; i > 0; i--)
    {
      EnlaceCaseRow *r = g_ptr_array_index (rows, i - 1);

      if (g_strcmp0 (r->procedure_kind, "fault") != 0)
        g_ptr_array_remove_index (rows, i - 1);
    }
  return rows;
}
