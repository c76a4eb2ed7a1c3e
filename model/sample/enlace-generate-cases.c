/* enlace-generate-cases.c: synthetic cases in bulk
 *
 * Written with prepared INSERTs in bulk mode (no row images: undo deletes
 * the id ranges the tables grew by), so that 100,000 cases with their
 * steps and timelines take seconds.
 */
#define G_LOG_DOMAIN "enlace-generate"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-generate-cases.h"
#include "enlace-generate-faults.h"
#include "enlace-store-private.h"

typedef struct
{
  gint64  id;
  char   *side;
  char   *title;
  guint   position;
} GenStep;

typedef struct
{
  gint64   id;
  char    *code;
  char    *name;
  char    *prefix;
  int      target_hours;
  GArray  *steps;   /* of GenStep */
} GenProcedure;

static void
gen_procedure_free (GenProcedure *p)
{
  for (guint i = 0; p->steps && i < p->steps->len; i++)
    {
      g_free (g_array_index (p->steps, GenStep, i).side);
      g_free (g_array_index (p->steps, GenStep, i).title);
    }
  g_clear_pointer (&p->steps, g_array_unref);
  g_free (p->code);
  g_free (p->name);
  g_free (p->prefix);
  g_free (p);
}

static const char * const given[] = {
  "Ana", "Luis", "María", "José", "Carmen", "Jorge", "Lucía", "Miguel", "Sofía", "Pedro",
  "Elena", "Raúl", "Patricia", "Andrés", "Gabriela", "Fernando", "Adriana", "Héctor",
};
static const char * const surname[] = {
  "García", "Hernández", "López", "Martínez", "González", "Pérez", "Rodríguez", "Sánchez",
  "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz",
};
static const char * const subjects[] = {
  "Cuenta de correo para personal de nuevo ingreso", "Baja de cuenta por término de contrato",
  "Conexión para equipo de laboratorio", "Sin red en la oficina", "La extensión no da tono",
  "No recibe correos externos", "Sin acceso al servidor FTP", "Reubicación de nodos",
  "Dictamen de compra de equipo de cómputo", "Conexión para impresora de red",
};
static const char * const channels[] = { "in-person", "phone", "email", "paper" };
static const char * const priorities[] = { "low", "normal", "normal", "normal", "high", "urgent" };

static gboolean
step_done (sqlite3_stmt  *stmt,
           EnlaceStore   *store,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      enlace_store_set_sql_error (store, error, "Generating cases");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
iso (GDateTime *t)
{
  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

/* What the generator keeps while it writes the cases. */
typedef struct
{
  EnlaceStore  *store;
  GRand        *rand;
  GPtrArray    *procedures;   /* of GenProcedure */
  GArray       *people;       /* person ids: the staff first */
  GArray       *person_area;  /* the area of each of them */
  GPtrArray    *names;        /* the name of each of them */
  GHashTable   *seqs;         /* "PREFIX-YEAR" → last seq */
  guint         n_people;
  guint         n_staff;
  sqlite3_stmt *ins_case;
  sqlite3_stmt *ins_step;
  sqlite3_stmt *ins_event;
} Gen;

/* One case being written. */
typedef struct
{
  GenProcedure *p;
  guint         k;
  guint         who;         /* index in people: the requester */
  guint         staff;       /* index in people: the one who works on it */
  const char   *staff_name;
  const char   *status;
  guint         r;           /* a draw of 0…99 */
  guint         n_done;      /* steps done */
  guint         seq;
  GDateTime    *opened;
  char         *folio;
  char         *opened_s;
  char         *due_s;
  char         *near_s;
  char         *resolved_s;
  char         *closed_s;
} GenCase;

static void
gen_case_clear (GenCase *c)
{
  g_clear_pointer (&c->opened, g_date_time_unref);
  g_free (c->folio);
  g_free (c->opened_s);
  g_free (c->due_s);
  g_free (c->near_s);
  g_free (c->resolved_s);
  g_free (c->closed_s);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GenCase, gen_case_clear)

/* The current procedures and their steps. */
static gboolean
load_procedures (EnlaceStore  *store,
                 GPtrArray    *procedures,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store, "SELECT id, code, name, prefix, target_hours FROM procedure WHERE current = 1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GenProcedure *p = g_new0 (GenProcedure, 1);

      p->id = sqlite3_column_int64 (stmt, 0);
      p->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      p->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      p->prefix = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      p->target_hours = sqlite3_column_int (stmt, 4);
      p->steps = g_array_new (FALSE, TRUE, sizeof (GenStep));
      g_ptr_array_add (procedures, p);
    }
  sqlite3_reset (stmt);
  if (procedures->len == 0)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID, "%s", _("The project has no procedures to open cases of"));
      return FALSE;
    }
  stmt = enlace_store_prepare (store, "SELECT id, side, title, position FROM procedure_step WHERE procedure_id = ?1 ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < procedures->len; i++)
    {
      GenProcedure *p = g_ptr_array_index (procedures, i);

      sqlite3_bind_int64 (stmt, 1, p->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GenStep s = { sqlite3_column_int64 (stmt, 0), g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                        g_strdup ((const char *) sqlite3_column_text (stmt, 2)), sqlite3_column_int (stmt, 3) };

          g_array_append_val (p->steps, s);
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* The areas (one made up when there is none), then new people: the
 * staff first, then the requesters. */
static gboolean
make_people (Gen     *gen,
             guint    n,
             GError **error)
{
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (gint64));
  EnlaceStore *store = gen->store;
  sqlite3_stmt *stmt;

  stmt = enlace_store_prepare (store, "SELECT id FROM area ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (areas, id);
    }
  sqlite3_reset (stmt);
  if (areas->len == 0)
    {
      gint64 id;

      stmt = enlace_store_prepare (store, "INSERT INTO area (code, name) VALUES ('GEN', 'Área sintética')", error);
      if (stmt == NULL || !step_done (stmt, store, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (enlace_store_get_db (store));
      g_array_append_val (areas, id);
    }
  gen->n_people = CLAMP (n / 50, 20, 2000);
  stmt = enlace_store_prepare (store, "INSERT INTO person (name, position, area_id, email) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < gen->n_people + gen->n_staff; i++)
    {
      gboolean staff = i < gen->n_staff;
      g_autofree char *name = g_strdup_printf ("%s %s %s (%u)", given[i % G_N_ELEMENTS (given)],
                                               surname[(i / 3) % G_N_ELEMENTS (surname)],
                                               surname[(i * 7 + 1) % G_N_ELEMENTS (surname)], i + 1);
      g_autofree char *email = g_strdup_printf ("persona%u@sintetico.example", i + 1);
      gint64 area = g_array_index (areas, gint64, i % areas->len);
      gint64 id;

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, staff ? "Personal de Comunicaciones y Enlaces" : "Personal administrativo", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, area);
      sqlite3_bind_text (stmt, 4, email, -1, SQLITE_TRANSIENT);
      if (!step_done (stmt, store, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (enlace_store_get_db (store));
      g_array_append_val (gen->people, id);
      g_array_append_val (gen->person_area, area);
      g_ptr_array_add (gen->names, g_steal_pointer (&name));
    }
  return TRUE;
}

static gboolean
prepare_inserts (Gen     *gen,
                 GError **error)
{
  gen->ins_case = enlace_store_prepare (gen->store,
    "INSERT INTO case_file (folio, procedure_id, prefix, year, seq, requester_id, area_id, channel, priority,"
    " assignee_id, status, summary, form, opened_at, due_at, resolved_at, closed_at, cancel_reason, near_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)", error);
  if (gen->ins_case == NULL)
    return FALSE;
  gen->ins_step = enlace_store_prepare (gen->store,
    "INSERT INTO case_step (case_id, step_id, result, note, done_by, done_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (gen->ins_step == NULL)
    return FALSE;
  gen->ins_event = enlace_store_prepare (gen->store,
    "INSERT INTO case_event (case_id, at, who, kind, text) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  return gen->ins_event != NULL;
}

/* The next folio of the case's prefix and year (after those in the file). */
static gboolean
next_folio (Gen      *gen,
            GenCase  *c,
            GError  **error)
{
  g_autofree char *key = g_strdup_printf ("%s-%d", c->p->prefix, g_date_time_get_year (c->opened));
  guint seq = GPOINTER_TO_UINT (g_hash_table_lookup (gen->seqs, key));

  if (seq == 0)
    {
      sqlite3_stmt *stmt;

      stmt = enlace_store_prepare (gen->store, "SELECT COALESCE(max(seq), 0) FROM case_file WHERE prefix = ?1 AND year = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, c->p->prefix, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, g_date_time_get_year (c->opened));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        seq = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  seq++;
  g_hash_table_replace (gen->seqs, g_strdup (key), GUINT_TO_POINTER (seq));
  c->seq = seq;
  c->folio = g_strdup_printf ("%s-%04u", key, seq);
  return TRUE;
}

/* Draws case @k of @n: its procedure, people, dates and status (recent
 * cases are still open, older ones mostly closed). */
static gboolean
draw_case (Gen        *gen,
           GenCase    *c,
           guint       k,
           guint       n,
           GDateTime  *end,
           GError    **error)
{
  static const char *const statuses[] = {
    "new", "in-progress", "waiting", "resolved", "closed", "cancelled"
  };
  double span_min = 3 * 365.0 * 24 * 60;
  double minutes_before = span_min * (n - 1 - k) / MAX (n, 1);
  gboolean recent = minutes_before < 20 * 24 * 60;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) near = NULL;
  g_autoptr(GDateTime) resolved = NULL;

  c->k = k;
  c->p = g_ptr_array_index (gen->procedures, g_rand_int_range (gen->rand, 0, gen->procedures->len));
  c->who = g_rand_int_range (gen->rand, gen->n_staff, gen->n_staff + gen->n_people);
  c->staff = g_rand_int_range (gen->rand, 0, gen->n_staff);
  c->staff_name = g_ptr_array_index (gen->names, c->staff);
  c->opened = g_date_time_add_minutes (end, -(gint64) minutes_before);
  due = g_date_time_add_hours (c->opened, c->p->target_hours);
  near = g_date_time_add_minutes (c->opened, c->p->target_hours * 45);  /* 75 % of it */
  c->opened_s = iso (c->opened);
  c->due_s = iso (due);
  c->near_s = iso (near);
  c->r = g_rand_int_range (gen->rand, 0, 100);
  if (!next_folio (gen, c, error))
    return FALSE;

  if (recent)
    c->status = statuses[c->r < 30 ? 0 : c->r < 75 ? 1 : c->r < 90 ? 2 : 3];
  else
    c->status = statuses[c->r < 94 ? 4 : c->r < 97 ? 5 : c->r < 99 ? 3 : 2];
  if (g_str_equal (c->status, "closed") || g_str_equal (c->status, "resolved"))
    {
      resolved = g_date_time_add_hours (c->opened, g_rand_int_range (gen->rand, 2, c->p->target_hours + 24));
      c->resolved_s = iso (resolved);
    }
  if (g_str_equal (c->status, "closed") || g_str_equal (c->status, "cancelled"))
    {
      g_autoptr(GDateTime) closed = g_date_time_add_hours (resolved ? resolved : c->opened, 48);
      c->closed_s = iso (closed);
    }
  c->n_done = g_str_equal (c->status, "new") ? 0
            : resolved ? c->p->steps->len
            : (guint) g_rand_int_range (gen->rand, 0, c->p->steps->len + 1);
  return TRUE;
}

/* The row of case_file; returns its id, 0 on failure. */
static gint64
insert_case (Gen      *gen,
             GenCase  *c,
             GError  **error)
{
  sqlite3_stmt *ins_case = gen->ins_case;
  g_autofree char *summary = NULL;
  g_autofree char *form = NULL;

  summary = g_strdup_printf ("%s (%u)", subjects[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (subjects))], c->k + 1);
  form = g_strdup_printf ("{\"purpose\":\"Solicitud sintética %u\"}", c->k + 1);

  sqlite3_bind_text (ins_case, 1, c->folio, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (ins_case, 2, c->p->id);
  sqlite3_bind_text (ins_case, 3, c->p->prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (ins_case, 4, g_date_time_get_year (c->opened));
  sqlite3_bind_int (ins_case, 5, c->seq);
  sqlite3_bind_int64 (ins_case, 6, g_array_index (gen->people, gint64, c->who));
  sqlite3_bind_int64 (ins_case, 7, g_array_index (gen->person_area, gint64, c->who));
  sqlite3_bind_text (ins_case, 8, channels[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (channels))], -1, SQLITE_STATIC);
  sqlite3_bind_text (ins_case, 9, priorities[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (priorities))], -1, SQLITE_STATIC);
  if (g_str_equal (c->status, "new") && c->r % 2)
    sqlite3_bind_null (ins_case, 10);
  else
    sqlite3_bind_int64 (ins_case, 10, g_array_index (gen->people, gint64, c->staff));
  sqlite3_bind_text (ins_case, 11, c->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (ins_case, 12, summary, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (ins_case, 13, form, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (ins_case, 14, c->opened_s, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (ins_case, 15, c->due_s, -1, SQLITE_TRANSIENT);
  if (c->resolved_s)
    sqlite3_bind_text (ins_case, 16, c->resolved_s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (ins_case, 16);
  if (c->closed_s)
    sqlite3_bind_text (ins_case, 17, c->closed_s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (ins_case, 17);
  if (g_str_equal (c->status, "cancelled"))
    sqlite3_bind_text (ins_case, 18, "Solicitud duplicada", -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (ins_case, 18);
  sqlite3_bind_text (ins_case, 19, c->near_s, -1, SQLITE_TRANSIENT);
  if (!step_done (ins_case, gen->store, error))
    return 0;
  return sqlite3_last_insert_rowid (enlace_store_get_db (gen->store));
}

static gboolean
insert_event (Gen         *gen,
              GenCase     *c,
              gint64       case_id,
              const char  *at,
              const char  *kind,
              const char  *text,
              GError     **error)
{
  sqlite3_bind_int64 (gen->ins_event, 1, case_id);
  sqlite3_bind_text (gen->ins_event, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (gen->ins_event, 3, c->staff_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (gen->ins_event, 4, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (gen->ins_event, 5, text, -1, SQLITE_TRANSIENT);
  return step_done (gen->ins_event, gen->store, error);
}

/* Each step (the first n_done done, an event each), then the status
 * changes in the timeline. */
static gboolean
insert_steps_and_timeline (Gen      *gen,
                           GenCase  *c,
                           gint64    case_id,
                           GError  **error)
{
  const char *what[3] = { NULL, NULL, NULL };
  const char *when[3] = { NULL, NULL, NULL };

  for (guint s = 0; s < c->p->steps->len; s++)
    {
      GenStep *st = &g_array_index (c->p->steps, GenStep, s);
      gboolean done = s < c->n_done;
      g_autoptr(GDateTime) at = g_date_time_add_minutes (c->opened, 30 * (s + 1));
      g_autofree char *at_s = iso (at);

      sqlite3_bind_int64 (gen->ins_step, 1, case_id);
      sqlite3_bind_int64 (gen->ins_step, 2, st->id);
      sqlite3_bind_text (gen->ins_step, 3, done ? "done" : "pending", -1, SQLITE_STATIC);
      sqlite3_bind_null (gen->ins_step, 4);
      if (done)
        {
          sqlite3_bind_text (gen->ins_step, 5, c->staff_name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (gen->ins_step, 6, at_s, -1, SQLITE_TRANSIENT);
        }
      else
        {
          sqlite3_bind_null (gen->ins_step, 5);
          sqlite3_bind_null (gen->ins_step, 6);
        }
      if (!step_done (gen->ins_step, gen->store, error))
        return FALSE;
      if (done)
        {
          g_autofree char *t = g_strdup_printf ("Paso %u “%s”: hecho", st->position, st->title);

          if (!insert_event (gen, c, case_id, at_s, "step", t, error))
            return FALSE;
        }
    }
  if (g_str_equal (c->status, "new"))
    return TRUE;
  if (g_str_equal (c->status, "cancelled"))
    what[0] = "Estado: Nuevo → Cancelado (Solicitud duplicada)", when[0] = c->closed_s;
  else if (c->resolved_s)
    {
      what[0] = "Estado: En proceso → Resuelto", when[0] = c->resolved_s;
      if (c->closed_s)
        what[1] = "Estado: Resuelto → Cerrado", when[1] = c->closed_s;
    }
  else if (g_str_equal (c->status, "waiting"))
    what[0] = "Estado: En proceso → En espera", when[0] = c->opened_s;
  for (guint e = 0; e < 3 && what[e]; e++)
    if (!insert_event (gen, c, case_id, when[e], "status", what[e], error))
      return FALSE;
  return TRUE;
}

static gboolean
generate (EnlaceStore  *store,
          guint         n,
          guint64       seed,
          GError      **error)
{
  g_autoptr(GPtrArray) procedures = g_ptr_array_new_with_free_func ((GDestroyNotify) gen_procedure_free);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) person_area = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seqs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) (seed * 2654435761u + 17));
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 11, 30, 18, 0, 0);
  Gen gen = { store, rand, procedures, people, person_area, names, seqs, 0, 6, NULL, NULL, NULL };

  if (!load_procedures (store, procedures, error) ||
      !make_people (&gen, n, error) ||
      !prepare_inserts (&gen, error))
    return FALSE;

  for (guint k = 0; k < n; k++)
    {
      g_auto(GenCase) c = { 0 };
      g_autofree char *text = NULL;
      gint64 case_id;

      if (!draw_case (&gen, &c, k, n, end, error))
        return FALSE;
      case_id = insert_case (&gen, &c, error);
      if (case_id == 0)
        return FALSE;
      /* the timeline: opened, each step done, the status changes */
      text = g_strdup_printf ("Expediente %s abierto (%s)", c.folio, c.p->name);
      if (!insert_event (&gen, &c, case_id, c.opened_s, "status", text, error) ||
          !insert_steps_and_timeline (&gen, &c, case_id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
enlace_generate_cases (EnlaceStore  *store,
                       guint         n,
                       guint64       seed,
                       GError      **error)
{
  g_autoptr(GError) local = NULL;
  gint64 last_case = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_store_begin (store, _("Generate cases"), error))
    return FALSE;
  if ((stmt = enlace_store_prepare (store, "SELECT COALESCE (max (id), 0) FROM case_file", NULL)))
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        last_case = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (!enlace_procedures_ensure_defaults (store, &local)
      || !enlace_store_begin_bulk (store, &local)
      || !generate (store, n, seed, &local)
      || !enlace_generate_place_faults (store, last_case, seed, &local)
      || !enlace_store_end_bulk (store, &local))
    {
      enlace_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return enlace_store_commit (store, error);
}
