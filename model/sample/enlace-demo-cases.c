/* enlace-demo-cases.c: a year of the department's cases in the demo campus
 *
 * The registry of e-mail accounts (one per person with an address, since
 * the campus network opened) and about forty cases opened during 2026:
 * account creations for new staff, removals, new internet connections
 * (the jack and switch port proposed by the engine, the patch cord made),
 * fault reports, a modification order and technical opinions — most
 * closed, some open, one cancelled.  Everything goes through the case
 * engine's commands; only the dates are then set to the fixed ones below
 * (and the staff member who acted), so that the demo is the same on every
 * machine.
 */
#define G_LOG_DOMAIN "enlace-demo"
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "enlace-cases.h"
#include "enlace-cases-private.h"
#include "enlace-demo.h"
#include "enlace-faults.h"
#include "enlace-opinions.h"
#include "enlace-orders.h"

typedef enum
{
  STAGE_NEW,        /* only opened */
  STAGE_PROGRESS,   /* the first administrator steps done */
  STAGE_WAITING,    /* waiting for the requester */
  STAGE_RESOLVED,
  STAGE_CLOSED,
  STAGE_CANCELLED,
} Stage;

typedef struct
{
  const char *procedure;
  const char *opened;       /* ISO 8601, UTC */
  const char *requester;    /* an existing person, or a new one (area below) */
  const char *new_area;     /* non-NULL: a new person of this area */
  const char *new_position;
  const char *assignee;
  const char *channel;
  const char *priority;
  Stage       stage;
  const char *summary;
  const char *a;            /* procedure-specific: address, symptom, space… */
  const char *b;            /* motive, cause… */
  const char *c;            /* solution… */
  const char *at;           /* faults: where the user is (an outlet), or "circuit:CID" */
} DemoCase;

#define JEFE "Ing. Francisco Javier Mora Lozano"
#define ANA  "Ing. Ana Karen Vargas Espinoza"
#define JOSE "Téc. José Luis Rangel Maldonado"
#define MART "Téc. Martín Acosta Bravo"

static const DemoCase demo_cases[] = {
  /* e-mail account creation: new staff */
  { "correo-alta", "2026-01-12T16:05:00Z", "Lic. Fernanda Ríos Aguilar", "RHU", "Analista de reclutamiento", ANA, "paper", "normal", STAGE_CLOSED,
    "Cuenta para la nueva analista de reclutamiento", "fernanda.rios@utvalle.edu.mx", "Credencial institucional", NULL },
  { "correo-alta", "2026-01-26T15:40:00Z", "Mtro. Samuel Ortega Lira", "SAC", "Profesor de asignatura", ANA, "email", "normal", STAGE_CLOSED,
    "Cuenta para profesor de nuevo ingreso", "samuel.ortega@utvalle.edu.mx", "Oficio del área", NULL },
  { "correo-alta", "2026-02-09T17:20:00Z", "C. Brenda Lozano Pérez", "SES", "Auxiliar de ventanilla", ANA, "in-person", "normal", STAGE_CLOSED,
    "Cuenta para auxiliar de ventanilla", "brenda.lozano@utvalle.edu.mx", "Identificación oficial", NULL },
  { "correo-alta", "2026-03-04T14:10:00Z", "Ing. Tomás Herrera Vidal", "CSI", "Desarrollador de sistemas", JEFE, "email", "high", STAGE_CLOSED,
    "Cuenta para desarrollador (proyecto de nómina)", "tomas.herrera@utvalle.edu.mx", "Credencial institucional", NULL },
  { "correo-alta", "2026-04-15T16:45:00Z", "Lic. Paola Medina Ruiz", "VIN", "Promotora de vinculación", ANA, "paper", "normal", STAGE_CLOSED,
    "Cuenta para promotora de vinculación", "paola.medina@utvalle.edu.mx", "Oficio del área", NULL },
  { "correo-alta", "2026-06-01T15:00:00Z", "Dra. Regina Castañeda Luna", "SAC", "Profesora investigadora", ANA, "email", "normal", STAGE_CLOSED,
    "Cuenta para investigadora invitada", "regina.castaneda@utvalle.edu.mx", "Verificación en persona", NULL },
  { "correo-alta", "2026-08-17T14:30:00Z", "C. Diego Fuentes Mora", "BIB", "Auxiliar de biblioteca", ANA, "paper", "low", STAGE_CLOSED,
    "Cuenta para auxiliar de biblioteca", "diego.fuentes@utvalle.edu.mx", "Credencial institucional", NULL },
  { "correo-alta", "2026-09-07T16:00:00Z", "Mtra. Julieta Navarro Soto", "SAC", "Profesora de tiempo completo", ANA, "email", "normal", STAGE_RESOLVED,
    "Cuenta para profesora de tiempo completo", "julieta.navarro@utvalle.edu.mx", "Oficio del área", NULL },
  { "correo-alta", "2026-11-23T15:15:00Z", "C. Araceli Vega Torres", "DFI", "Auxiliar contable", ANA, "paper", "normal", STAGE_WAITING,
    "Falta el oficio de Finanzas para verificar el alta", "araceli.vega@utvalle.edu.mx", NULL, NULL },
  { "correo-alta", "2026-11-30T17:35:00Z", "Lic. Emilio Bravo Campos", "VIN", "Coordinador de prácticas profesionales", ANA, "email", "normal", STAGE_PROGRESS,
    "Cuenta para coordinador de prácticas", "emilio.bravo@utvalle.edu.mx", "Credencial institucional", NULL },
  { "correo-alta", "2026-12-02T16:50:00Z", "C. Rubén Ochoa Lara", "SGE", "Auxiliar de mantenimiento", NULL, "in-person", "low", STAGE_NEW,
    "Cuenta para auxiliar de mantenimiento", "ruben.ochoa@utvalle.edu.mx", NULL, NULL },
  { "correo-alta", "2026-05-11T15:25:00Z", "Lic. Marco Antonio Reyes Gil", "RHU", "Analista de nómina", ANA, "email", "normal", STAGE_CANCELLED,
    "El candidato no se incorporó a la institución", "marco.reyes@utvalle.edu.mx", NULL, NULL },

  /* e-mail account removal */
  { "correo-baja", "2026-02-20T18:00:00Z", "Lic. Sandra Guerrero Molina", NULL, NULL, ANA, "paper", "normal", STAGE_CLOSED,
    "Baja de la cuenta de una auxiliar jubilada", "C. Leticia Campos Orozco", "Baja del usuario en la institución", "Jubilación a partir del 15 de febrero" },
  { "correo-baja", "2026-05-18T16:30:00Z", "Mtro. Carlos Eduardo Ramírez Ortega", NULL, NULL, ANA, "email", "normal", STAGE_CLOSED,
    "Baja por término de contrato", "Ing. Héctor Navarro Ibarra", "Baja del usuario en la institución", "Terminó su contrato de asignatura" },
  { "correo-baja", "2026-07-06T15:10:00Z", "Ing. Roberto Luna Estrada", NULL, NULL, JEFE, "email", "high", STAGE_CLOSED,
    "Cuenta usada para envío masivo de correo no solicitado", "Téc. Karla Ibáñez Lara", "Uso indebido", "La cuenta envió correo no solicitado tras un robo de contraseña; se crea otra cuenta" },
  { "correo-baja", "2026-10-19T17:00:00Z", "Mtra. Elena Cortés Rivas", NULL, NULL, ANA, "paper", "normal", STAGE_RESOLVED,
    "Baja por cambio de adscripción", "C. Irma Solano Quiroz", "Cambio de adscripción", "Pasa a Servicios Escolares con otra cuenta" },
  { "correo-baja", "2026-11-26T16:20:00Z", "Lic. Sandra Guerrero Molina", NULL, NULL, ANA, "paper", "normal", STAGE_PROGRESS,
    "Baja de la cuenta de un analista que dejó la institución", "Lic. Miguel Ángel Cervantes Rojas", "Baja del usuario en la institución", NULL },

  /* new internet connection: the space (by name) and the purpose */
  { "internet-alta", "2026-02-02T15:30:00Z", "Mtra. Adriana Flores Guzmán", NULL, NULL, JOSE, "paper", "normal", STAGE_CLOSED,
    "Dos conexiones para equipos del laboratorio", "2", "Equipos de prácticas del laboratorio", NULL },
  { "internet-alta", "2026-03-23T16:10:00Z", "Lic. Beatriz Fuentes Calderón", NULL, NULL, JOSE, "paper", "high", STAGE_CLOSED,
    "Conexión para la nueva ventanilla de atención", "1", "Equipo de la ventanilla de atención a alumnos", NULL },
  { "internet-alta", "2026-06-22T14:50:00Z", "Mtro. Ignacio Padilla Barrera", NULL, NULL, JOSE, "email", "normal", STAGE_CLOSED,
    "Conexión para impresora de red", "1", "Impresora multifuncional de la dirección", NULL },
  { "internet-alta", "2026-09-28T15:45:00Z", "Ing. Érika Salazar Pineda", NULL, NULL, JOSE, "paper", "normal", STAGE_RESOLVED,
    "Conexión para servidor de pruebas", "1", "Servidor de pruebas de la coordinación", NULL },
  { "internet-alta", "2026-11-18T16:25:00Z", "Mtra. Elena Cortés Rivas", NULL, NULL, JOSE, "paper", "normal", STAGE_PROGRESS,
    "Conexiones para el catálogo de consulta", "2", "Dos equipos de consulta del catálogo", NULL },
  { "internet-alta", "2026-12-01T18:05:00Z", "Lic. Mariana Serrano Olvera", NULL, NULL, NULL, "email", "normal", STAGE_NEW,
    "Conexión para el aula de idiomas", "1", "Equipo del profesor en el aula de idiomas", NULL },

  /* faults */
  { "internet-falla", "2026-01-20T15:05:00Z", "C.P. Mónica Alvarado Reyes", NULL, NULL, JOSE, "phone", "high", STAGE_CLOSED,
    "Sin red en el equipo de contabilidad", "El equipo no obtiene dirección de red desde la mañana", "Cordón de parcheo dañado en el cuarto de telecomunicaciones", "Se reemplazó el cordón de parcheo y se verificó la conexión" },
  { "internet-falla", "2026-04-07T14:20:00Z", "Dr. Alejandro Campos Vega", NULL, NULL, JOSE, "phone", "normal", STAGE_CLOSED,
    "Conexión intermitente en el cubículo", "La conexión se corta varias veces al día", "Conector del nodo con un par abierto", "Se reponchó el conector del nodo y se certificó el enlace" },
  /* the provider's link: the internet circuit's outage history */
  { "internet-falla", "2026-06-15T14:05:00Z", "Lic. Alberto Pacheco Sandoval", NULL, NULL, JEFE, "phone", "urgent", STAGE_CLOSED,
    "Todo el campus sin internet", "Ningún edificio tiene salida a internet", "Corte de fibra del proveedor en la acometida",
    "El proveedor reparó la fibra; servicio restablecido en 3 horas", "circuit:TMX-INT-0457892" },
  { "internet-falla", "2026-08-31T16:40:00Z", "Lic. Alberto Pacheco Sandoval", NULL, NULL, ANA, "phone", "urgent", STAGE_CLOSED,
    "Biblioteca sin internet", "Ningún equipo de la biblioteca navega", "Falla de la fuente del switch de acceso", "Se cambió la fuente del switch; servicio restablecido en 40 minutos" },
  { "internet-falla", "2026-12-03T15:55:00Z", "Ing. Laura Beatriz Castillo Peña", NULL, NULL, JOSE, "phone", "high", STAGE_PROGRESS,
    "Sin red en la sala de maestros", "Los tres equipos de la sala no tienen conexión", NULL, NULL, "B-1A-004" },
  /* the same morning, two more reports from the first floor of building B:
   * their paths share the floor's panel and switch (the common cause) */
  { "internet-falla", "2026-12-04T14:30:00Z", "Dr. Alejandro Campos Vega", NULL, NULL, JOSE, "phone", "high", STAGE_NEW,
    "Sin red en el laboratorio de redes", "Ningún equipo del laboratorio obtiene dirección", NULL, NULL, "B-1A-009" },
  { "internet-falla", "2026-12-04T15:10:00Z", "Ing. Érika Salazar Pineda", NULL, NULL, JOSE, "email", "normal", STAGE_PROGRESS,
    "Conexión caída en el cubículo de posgrado", "La conexión se cayó a media mañana", NULL, NULL, "B-1A-016" },
  { "telefono-falla", "2026-02-16T16:00:00Z", "Lic. Patricia Hernández Soto", NULL, NULL, MART, "in-person", "high", STAGE_CLOSED,
    "La extensión de Rectoría no da tono", "No hay tono al descolgar", "Cable multipar dañado en el registro", "Se cambió el par en el distribuidor y se probó la extensión" },
  { "telefono-falla", "2026-07-13T15:35:00Z", "C. Verónica Jiménez Rosales", NULL, NULL, MART, "phone", "normal", STAGE_CLOSED,
    "Ruido en la línea de caja", "Se escucha ruido durante las llamadas", "Humedad en la roseta", "Se reemplazó la roseta" },
  { "telefono-falla", "2026-11-27T17:10:00Z", "C. Ramón Esquivel Durán", NULL, NULL, MART, "phone", "normal", STAGE_WAITING,
    "La extensión de vigilancia no recibe llamadas", "Puede llamar pero no recibe llamadas", NULL, NULL },
  { "correo-falla", "2026-03-10T15:15:00Z", "Lic. Claudia Ponce Herrera", NULL, NULL, ANA, "phone", "normal", STAGE_CLOSED,
    "No recibe correos externos", "No llegan los correos de proveedores", NULL, "El filtro marcaba los correos como no deseados; se ajustó la regla" },
  { "correo-falla", "2026-10-05T16:05:00Z", "Mtro. Raúl Sánchez Domínguez", NULL, NULL, ANA, "email", "normal", STAGE_CLOSED,
    "Buzón lleno", "Los correos rebotan por buzón lleno", NULL, "Se amplió la cuota y se explicó cómo archivar" },
  { "ftp-falla", "2026-05-25T14:40:00Z", "Ing. Luis Fernando Aguirre Solís", NULL, NULL, ANA, "email", "normal", STAGE_CLOSED,
    "Sin acceso al servidor FTP de respaldos", "El cliente FTP rechaza la conexión", NULL, "La contraseña del cliente había expirado; se renovó" },
  { "red-modificacion", "2026-06-08T15:00:00Z", JEFE, NULL, NULL, JOSE, "in-person", "normal", STAGE_CLOSED,
    "Reubicación del rack del segundo piso", NULL, NULL, NULL },
  { "red-modificacion", "2026-12-01T16:30:00Z", JEFE, NULL, NULL, JOSE, "in-person", "normal", STAGE_PROGRESS,
    "Sustitución del nodo R-1A-004 y re-parcheo del nodo R-0A-010", NULL, NULL, NULL },
  /* opinions: a = quantity|equipment, b = justification, c = requirements */
  { "dictamen", "2026-04-27T16:30:00Z", "Ing. Juan Pablo Cárdenas Mejía", NULL, NULL, JEFE, "paper", "normal", STAGE_CLOSED,
    "Dictamen de compra de 30 computadoras para laboratorios",
    "30|Computadoras de escritorio para los laboratorios de cómputo del edificio B",
    "El equipo actual tiene más de ocho años y no soporta el software de los nuevos planes de estudio",
    "Procesador Core i5 de 12.ª generación o superior, 16 GB de RAM, SSD de 512 GB, monitor de 24\", garantía mínima de 36 meses" },
  { "dictamen", "2026-11-09T17:45:00Z", "C.P. Ricardo Gómez Villalobos", NULL, NULL, JEFE, "paper", "normal", STAGE_PROGRESS,
    "Dictamen de compra de switches para el edificio C",
    "4|Switches de acceso de 48 puertos para el edificio C",
    "Ampliación de la red del edificio C por los nuevos cubículos",
    "48 puertos 1 GbE PoE+, 4 puertos SFP+ de 10 GbE, administrable, montaje en rack de 19\"" },
  /* a change of an extension's status through its case (issue 10):
   * a = the extension, b = its new status, c = the reason */
  { "extension-estado", "2026-09-14T15:20:00Z", "C. Verónica Jiménez Rosales", NULL, NULL, MART, "phone", "normal", STAGE_CLOSED,
    "Reactivación de la extensión 1007", "1007", "Activa", "La titular regresó de su licencia médica" },
};

typedef struct
{
  EnlaceStore *store;
  gint64       case_id;
  gint64       last_event;
  GDateTime   *opened;
  guint        hours;    /* since opened, of the next action */
} Ctx;

static gint64
query_id (EnlaceStore *store,
          const char  *sql,
          const char  *text)
{
  sqlite3_stmt *stmt = enlace_store_prepare (store, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  if (text)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gint64
person_id (EnlaceStore *store,
           const char  *name)
{
  return query_id (store, "SELECT id FROM person WHERE name = ?1", name);
}

static char *
ctx_time (Ctx *ctx)
{
  g_autoptr(GDateTime) t = g_date_time_add_hours (ctx->opened, ctx->hours);

  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

/* Gives the rows the last command wrote their demo date: the new events,
 * and the row @sql names (?1 the time, ?2 @id; may be NULL). */
static gboolean
stamp_full (Ctx         *ctx,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  g_autofree char *at = ctx_time (ctx);
  const char *sqls[] = { "UPDATE case_event SET at = ?1 WHERE case_id = ?3 AND id > ?2", sql };

  for (guint i = 0; i < G_N_ELEMENTS (sqls) && sqls[i]; i++)
    {
      sqlite3_stmt *stmt = enlace_store_prepare (ctx->store, sqls[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, i == 0 ? ctx->last_event : id);
      if (i == 0)
        sqlite3_bind_int64 (stmt, 3, ctx->case_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          enlace_store_set_sql_error (ctx->store, error, "demo cases");
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  ctx->last_event = query_id (ctx->store, "SELECT COALESCE(max(id), 0) FROM case_event", NULL);
  return TRUE;
}

static gboolean
stamp (Ctx     *ctx,
       GError **error)
{
  return stamp_full (ctx, NULL, 0, error);
}

static gboolean
stamp_step (Ctx     *ctx,
            gint64   sid,
            GError **error)
{
  g_autoptr(EnlaceCase) c = NULL;
  const char *action = NULL;

  if (!stamp_full (ctx, "UPDATE case_step SET done_at = ?1 WHERE id = ?2 AND done_at IS NOT NULL", sid, error))
    return FALSE;
  c = enlace_case_get (ctx->store, ctx->case_id, error);
  if (c == NULL)
    return FALSE;
  for (guint i = 0; i < c->steps->len; i++)
    {
      EnlaceCaseStep *st = g_ptr_array_index (c->steps, i);

      if (st->id == sid)
        action = st->def->action;
    }
  if (g_strcmp0 (action, "create-account") == 0)
    return stamp_full (ctx, "UPDATE email_account SET created_at = ?1 WHERE created_case_id = ?2", ctx->case_id, error);
  if (g_strcmp0 (action, "remove-account") == 0)
    return stamp_full (ctx, "UPDATE email_account SET removed_at = ?1 WHERE removed_case_id = ?2", ctx->case_id, error);
  return TRUE;
}

static gboolean
step (Ctx              *ctx,
      EnlaceStepSide    side,
      guint             position,
      EnlaceStepResult  result,
      const char       *note,
      JsonObject       *values,   /* taken, may be NULL */
      guint             hours_after,
      GError          **error)
{
  g_autoptr(JsonObject) v = values;
  gint64 sid;

  ctx->hours += hours_after;
  sid = enlace_case_find_step (ctx->store, ctx->case_id, side, position, error);
  if (sid == 0)
    return FALSE;
  return enlace_case_set_step (ctx->store, ctx->case_id, sid, result, note, v, error)
         && stamp_step (ctx, sid, error);
}

static gboolean
status (Ctx               *ctx,
        EnlaceCaseStatus   to,
        const char        *reason,
        guint              hours_after,
        GError           **error)
{
  ctx->hours += hours_after;
  if (!enlace_case_set_status (ctx->store, ctx->case_id, to, reason, error))
    return FALSE;
  if (to == ENLACE_CASE_RESOLVED)
    return stamp_full (ctx, "UPDATE case_file SET resolved_at = ?1 WHERE id = ?2", ctx->case_id, error);
  if (to == ENLACE_CASE_CLOSED || to == ENLACE_CASE_CANCELLED)
    return stamp_full (ctx, "UPDATE case_file SET closed_at = ?1 WHERE id = ?2", ctx->case_id, error);
  return stamp (ctx, error);
}

static gboolean
note (Ctx         *ctx,
      const char  *text,
      guint        hours_after,
      GError     **error)
{
  ctx->hours += hours_after;
  return enlace_case_add_note (ctx->store, ctx->case_id, text, NULL, NULL, NULL, error) > 0
         && stamp (ctx, error);
}

static gboolean
event (Ctx         *ctx,
       const char  *kind,
       const char  *text,
       guint        hours_after,
       GError     **error)
{
  ctx->hours += hours_after;
  return enlace_case_add_event (ctx->store, ctx->case_id, kind, text, error) > 0
         && stamp (ctx, error);
}

static JsonObject *
obj (const char *first,
     ...)
{
  JsonObject *o = json_object_new ();
  va_list args;

  va_start (args, first);
  for (const char *k = first; k; k = va_arg (args, const char *))
    {
      const char *v = va_arg (args, const char *);

      if (v != NULL)
        json_object_set_string_member (o, k, v);
    }
  va_end (args);
  return o;
}

/* Every step still pending done (the routine ones, with no values). */
static gboolean
finish_steps (Ctx     *ctx,
              GError **error)
{
  g_autoptr(EnlaceCase) c = enlace_case_get (ctx->store, ctx->case_id, error);

  if (c == NULL)
    return FALSE;
  for (guint i = 0; i < c->steps->len; i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);

      if (s->result != ENLACE_STEP_PENDING)
        continue;
      if (s->def->kind == ENLACE_STEP_INVENTORY)
        continue;
      ctx->hours += 1;
      if (!enlace_case_set_step (ctx->store, ctx->case_id, s->id, ENLACE_STEP_DONE, NULL, NULL, error)
          || !stamp_step (ctx, s->id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
close_case (Ctx       *ctx,
            const DemoCase *d,
            GError   **error)
{
  if (d->stage < STAGE_RESOLVED)
    return TRUE;
  if (!finish_steps (ctx, error) || !status (ctx, ENLACE_CASE_RESOLVED, NULL, 2, error))
    return FALSE;
  if (d->stage == STAGE_CLOSED)
    return status (ctx, ENLACE_CASE_CLOSED, NULL, 48, error);
  return TRUE;
}

static gboolean
run_alta (Ctx            *ctx,
          const DemoCase *d,
          gint64          area_id,
          GError        **error)
{
  g_autofree char *delivered = NULL;

  if (d->stage == STAGE_NEW)
    return TRUE;
  if (d->stage == STAGE_CANCELLED)
    return note (ctx, "El área informa que la persona no se incorporó", 20, error)
           && status (ctx, ENLACE_CASE_CANCELLED, d->summary, 1, error);
  if (!step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, ENLACE_STEP_DONE, NULL,
             obj ("full_name", d->requester, NULL), 2, error))
    return FALSE;
  {
    JsonObject *v = obj ("position", d->new_position, NULL);

    json_object_set_int_member (v, "area", area_id);
    if (!step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 2, ENLACE_STEP_DONE, NULL, v, 0, error))
      return FALSE;
  }
  if (d->stage == STAGE_WAITING)
    return note (ctx, d->summary, 1, error)
           && status (ctx, ENLACE_CASE_WAITING, NULL, 0, error);
  if (!step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 3, ENLACE_STEP_DONE, NULL,
             obj ("identity", d->b, NULL), 1, error))
    return FALSE;
  if (d->stage == STAGE_PROGRESS)
    return TRUE;
  if (!step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_DONE, NULL,
             obj ("address", d->a, NULL), 20, error))
    return FALSE;
  ctx->hours += 24;
  delivered = ctx_time (ctx);
  delivered[10] = '\0';
  if (!step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 5, ENLACE_STEP_DONE, "Contraseña entregada en persona",
             obj ("delivered_to", d->requester, "delivered_at", delivered, NULL), 0, error)
      || !event (ctx, "document", "Respuesta generada (respuesta.pdf)", 0, error)
      || !event (ctx, "sent", "Respuesta enviada por correo electrónico", 0, error))
    return FALSE;
  return close_case (ctx, d, error);
}

static gboolean
run_baja (Ctx            *ctx,
          const DemoCase *d,
          GError        **error)
{
  g_autofree char *address = NULL;
  gint64 holder = person_id (ctx->store, d->a);
  sqlite3_stmt *stmt = enlace_store_prepare (ctx->store,
                                             "SELECT address FROM email_account WHERE holder_id = ?1 AND status = 'active'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, holder);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    address = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (address == NULL)
    {
      g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND, "demo: %s has no account", d->a);
      return FALSE;
    }
  if (!enlace_case_link (ctx->store, ctx->case_id, "email_account",
                         enlace_email_account_lookup (ctx->store, address, NULL), error)
      || !stamp (ctx, error))
    return FALSE;
  if (!step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 1, ENLACE_STEP_DONE, NULL,
             obj ("address", address, "motive", d->b, "motive_detail", d->c, NULL), 3, error))
    return FALSE;
  if (d->stage == STAGE_PROGRESS)
    return TRUE;
  if (!event (ctx, "document", "Aviso generado (aviso.pdf)", 1, error)
      || !event (ctx, "sent", "Aviso enviado por correo electrónico al área y al usuario", 0, error)
      || !step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 2, ENLACE_STEP_DONE, NULL, NULL, 0, error)
      || !step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 3, ENLACE_STEP_DONE, NULL,
                obj ("address", address, "motive", d->b, NULL), 20, error))
    return FALSE;
  return close_case (ctx, d, error);
}

static gboolean
run_conexion (Ctx            *ctx,
              const DemoCase *d,
              gint64          space_id,
              GError        **error)
{
  g_autoptr(JsonObject) proposal = NULL;
  JsonArray *proposals;
  JsonObject *p;

  if (d->stage == STAGE_NEW)
    return TRUE;
  if (!step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 5, ENLACE_STEP_DONE, "Solicitud procedente", NULL, 3, error))
    return FALSE;
  proposal = enlace_case_propose_connection (ctx->store, space_id, 1, error);
  if (proposal == NULL)
    return FALSE;
  if (!json_object_get_boolean_member_with_default (proposal, "ok", FALSE))
    return note (ctx, json_object_get_string_member_with_default (proposal, "reason", ""), 1, error)
           && status (ctx, ENLACE_CASE_WAITING, NULL, 0, error);
  proposals = json_object_get_array_member (proposal, "proposals");
  p = json_array_get_object_element (proposals, 0);
  if (!step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 6, ENLACE_STEP_DONE, NULL,
             obj ("outlet_port", json_object_get_string_member_with_default (p, "outlet_port", NULL),
                  "switch_port", json_object_get_string_member_with_default (p, "switch_port", NULL), NULL), 4, error))
    return FALSE;
  if (d->stage == STAGE_PROGRESS)
    return TRUE;
  if (!event (ctx, "document", "Memorándum generado (memo.pdf)", 2, error)
      || !step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 7, ENLACE_STEP_DONE, NULL, NULL, 0, error)
      || !step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 8, ENLACE_STEP_DONE, "Cordón de parcheo instalado y probado",
                obj ("outlet_port", json_object_get_string_member_with_default (p, "outlet_port", NULL),
                     "panel_port", json_object_get_string_member_with_default (p, "panel_port", NULL),
                     "switch_port", json_object_get_string_member_with_default (p, "switch_port", NULL), NULL),
                46, error))
    return FALSE;
  return close_case (ctx, d, error);
}

/* The administrator's steps in order, with what each asks for: the
 * cause and solution of the fault, else the case's summary or the first
 * choice.  @n: how many (0: all). */
static gboolean
run_steps (Ctx            *ctx,
           const DemoCase *d,
           guint           n,
           GError        **error)
{
  g_autoptr(EnlaceCase) c = enlace_case_get (ctx->store, ctx->case_id, error);
  guint done = 0;

  if (c == NULL)
    return FALSE;
  for (guint i = 0; i < c->steps->len && (n == 0 || done < n); i++)
    {
      EnlaceCaseStep *s = g_ptr_array_index (c->steps, i);
      JsonObject *v;

      if (s->result != ENLACE_STEP_PENDING || s->def->side != ENLACE_STEP_SIDE_ADMINISTRATOR)
        continue;
      v = json_object_new ();
      for (guint f = 0; f < s->def->fields->len; f++)
        {
          EnlaceFieldSpec *fs = g_ptr_array_index (s->def->fields, f);

          if (g_strcmp0 (fs->name, "cause") == 0 && d->b)
            json_object_set_string_member (v, "cause", d->b);
          else if (g_strcmp0 (fs->name, "solution") == 0 && d->c)
            json_object_set_string_member (v, "solution", d->c);
          else if (g_strcmp0 (fs->name, "verdict") == 0)
            /* as the opinion was resolved: favourable with conditions */
            json_object_set_string_member (v, "verdict", "Procedente con observaciones");
          else if (fs->required && fs->choices && fs->choices[0])
            json_object_set_string_member (v, fs->name, fs->choices[0]);
          else if (fs->required)
            json_object_set_string_member (v, fs->name, d->summary);
        }
      if (!step (ctx, s->def->side, s->def->position, ENLACE_STEP_DONE,
                 done == 1 ? "Revisión en sitio" : NULL, v, done == 0 ? 1 : 3, error))
        return FALSE;
      done++;
    }
  return TRUE;
}

/* A technical opinion's quotes (issue 10) and, when @resolve, its
 * resolution recommending the first. */
static gboolean
run_opinion (Ctx       *ctx,
             gboolean   resolve,
             GError   **error)
{
  static const struct
  {
    const char *vendor, *item, *brand, *model, *spec, *currency;
    double price;
    int quantity, delivery, warranty, meets;
  } quotes[] = {
    { "Compucentro del Valle", "Computadora de escritorio", "Dell", "OptiPlex 7010",
      "Core i5 de 13.ª gen., 16 GB, SSD 512 GB, monitor 24\"", "MXN", 15250.5, 30, 15, 36, 1 },
    { "TecnoSur Distribuciones", "Computadora de escritorio", "Lenovo", "ThinkCentre M70s",
      "Core i5 de 12.ª gen., 8 GB, SSD 256 GB, monitor 22\"", "MXN", 13980, 30, 20, 12, 0 },
    { "Redes y Sistemas", "Computadora de escritorio", "HP", "ProDesk 400 G9",
      "Core i5 de 13.ª gen., 16 GB, SSD 512 GB, monitor 24\"", "USD", 905, 30, 30, 36, 1 },
  };
  gint64 first = 0;

  ctx->hours += 30;
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      g_autoptr(JsonObject) v = json_object_new ();
      gint64 id;

      json_object_set_string_member (v, "vendor", quotes[i].vendor);
      json_object_set_string_member (v, "item", quotes[i].item);
      json_object_set_string_member (v, "brand", quotes[i].brand);
      json_object_set_string_member (v, "model", quotes[i].model);
      json_object_set_string_member (v, "specification", quotes[i].spec);
      json_object_set_string_member (v, "currency", quotes[i].currency);
      json_object_set_double_member (v, "unit_price", quotes[i].price);
      json_object_set_int_member (v, "quantity", quotes[i].quantity);
      json_object_set_int_member (v, "delivery_days", quotes[i].delivery);
      json_object_set_int_member (v, "warranty_months", quotes[i].warranty);
      json_object_set_boolean_member (v, "meets", quotes[i].meets);
      id = enlace_opinion_quote_add (ctx->store, ctx->case_id, v, error);
      if (id == 0)
        return FALSE;
      if (first == 0)
        first = id;
    }
  if (!stamp (ctx, error))
    return FALSE;
  if (!resolve)
    return TRUE;
  ctx->hours += 24;
  /* the technician resolves; the head of the department signs too */
  enlace_store_set_user (ctx->store, ANA);
  return enlace_opinion_resolve (ctx->store, ctx->case_id, ENLACE_OPINION_CONDITIONAL,
                                 "La cotización 1 cumple la especificación con la mejor garantía; "
                                 "la compra procede si la entrega se confirma por escrito.",
                                 first, error)
         && stamp_full (ctx, "UPDATE case_opinion SET resolved_at = ?1 WHERE case_id = ?2", ctx->case_id, error)
         /* the resolution completed the dictamen's step 4 */
         && stamp_full (ctx, "UPDATE case_step SET done_at = ?1 WHERE case_id = ?2 AND done_at IS NOT NULL "
                        "AND step_id IN (SELECT id FROM procedure_step WHERE action = 'opinion')",
                        ctx->case_id, error);
}

/* A modification order's change set (issue 10): the executed one (June)
 * moves two offices of the second floor of building A to a new switch;
 * the one in preparation (December) replaces an outlet of the Rectoría
 * and re-patches another (at its second step).  Objects by their readable keys. */
static gboolean
run_order (Ctx       *ctx,
           gboolean   execute,
           GError   **error)
{
  static const struct
  {
    const char *kind, *target, *values[5];
  } executed[] = {
    { "add-device", "A-P2-SW2", { "role=switch", "type=Cisco/C9200L-48P-4X", "rack=A-2A-R1", "u=30", "face=front" } },
    { "disconnect", "PC-A-2A-A07", { NULL } },
    { "connect", "PC-A-2A-B07", { "a=A-2A-PPA:7", "b=A-P2-SW2:Gi1/0/1", "kind=patch-cord", "type=cat6" } },
    { "disconnect", "PC-A-2A-A08", { NULL } },
    { "connect", "PC-A-2A-B08", { "a=A-2A-PPA:8", "b=A-P2-SW2:Gi1/0/2", "kind=patch-cord", "type=cat6" } },
  }, preparing[] = {
    { "disconnect", "PC-R-0A-A10", { NULL } },
    { "connect", "PC-R-0A-C10", { "a=R-0A-PPA:10", "b=R-P0-SW1:Gi1/0/40", "kind=patch-cord", "type=cat6" } },
    { "remove-device", "R-1A-004", { NULL } },
    { "add-outlet", "R-1A-040", { "type=Panduit/CFPE2IW datos/voz", "space=R/1/102", "x=10.05", "y=4" } },
  };
  const __typeof__ (executed[0]) *set = execute ? executed : preparing;
  guint n = execute ? G_N_ELEMENTS (executed) : G_N_ELEMENTS (preparing);

  ctx->hours += 20;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) v = json_object_new ();

      for (guint k = 0; k < G_N_ELEMENTS (set[i].values) && set[i].values[k]; k++)
        {
          const char *eq = strchr (set[i].values[k], '=');
          g_autofree char *name = g_strndup (set[i].values[k], eq - set[i].values[k]);

          json_object_set_string_member (v, name, eq + 1);
        }
      if (enlace_order_add_change (ctx->store, ctx->case_id, set[i].kind, set[i].target, v, NULL, error) == 0)
        return FALSE;
    }
  if (!stamp (ctx, error))
    return FALSE;
  if (!execute)
    return TRUE;
  ctx->hours += 48;
  return enlace_order_execute (ctx->store, ctx->case_id, error)
         && stamp_full (ctx, "UPDATE case_order SET executed_at = ?1 WHERE case_id = ?2", ctx->case_id, error)
         && stamp_full (ctx, "UPDATE case_step SET done_at = ?1 WHERE case_id = ?2 AND done_at > ?1",
                        ctx->case_id, error);
}

/* A change of an extension's status: the checks, then the inventory step
 * that changes it (its history names the case). */
static gboolean
run_extension (Ctx            *ctx,
               const DemoCase *d,
               GError        **error)
{
  if (d->stage == STAGE_NEW)
    return TRUE;
  if (!step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 2, ENLACE_STEP_DONE, NULL, NULL, 1, error)
      || !step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 3, ENLACE_STEP_DONE, "Se confirmó con el área", NULL, 2, error))
    return FALSE;
  if (d->stage == STAGE_PROGRESS)
    return TRUE;
  return step (ctx, ENLACE_STEP_SIDE_ADMINISTRATOR, 4, ENLACE_STEP_DONE, NULL,
               obj ("extension", d->a, "status", d->b, "reason", d->c, NULL), 3, error)
         && stamp_full (ctx, "UPDATE extension_status SET at = ?1 WHERE case_id = ?2", ctx->case_id, error)
         && close_case (ctx, d, error);
}

/* Links the fault to where the user is, or to the provider's circuit. */
static gboolean
place_fault (Ctx             *ctx,
             const DemoCase  *d,
             GError         **error)
{
  const char *kind = NULL;
  gint64 id = 0;

  if (g_str_has_prefix (d->at, "circuit:"))
    {
      kind = "circuit";
      id = query_id (ctx->store, "SELECT id FROM circuit WHERE cid = ?1", d->at + strlen ("circuit:"));
      if (id == 0)
        {
          g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND, "demo: no circuit “%s”", d->at);
          return FALSE;
        }
    }
  else if (!enlace_fault_resolve_location (ctx->store, d->at, &kind, &id, error))
    return FALSE;
  return enlace_cases_link_object (ctx->store, ctx->case_id, kind, id, TRUE, error) && stamp (ctx, error);
}

static gboolean
run_fault (Ctx            *ctx,
           const DemoCase *d,
           GError        **error)
{
  if (d->stage == STAGE_WAITING)
    return run_steps (ctx, d, 1, error)
           && note (ctx, "Se espera al usuario para revisar la extensión en sitio", 2, error)
           && status (ctx, ENLACE_CASE_WAITING, NULL, 0, error);
  if (d->stage == STAGE_PROGRESS)
    return run_steps (ctx, d, 2, error);
  return run_steps (ctx, d, 0, error) && close_case (ctx, d, error);
}

/* One account per person with an address, opened with the campus network. */
static gboolean
write_registry (EnlaceStore  *store,
                GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT id FROM person WHERE email IS NOT NULL AND email <> '' ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 pid = g_array_index (ids, gint64, i);
      g_autoptr(JsonObject) p = enlace_store_get (store, "person", pid, error);

      if (p == NULL
          || enlace_email_account_insert (store, json_object_get_string_member (p, "email"), pid,
                                          json_object_get_int_member_with_default (p, "area_id", 0),
                                          0, NULL, NULL, error) == 0)
        return FALSE;
    }
  return enlace_store_exec (store, "UPDATE email_account SET created_at = '2019-08-05T15:00:00Z'", error);
}

/* The spaces with a free jack and a free switch port to serve it. */
static GArray *
spaces_with_room (EnlaceStore *store)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = enlace_store_prepare (store, "SELECT id FROM space WHERE kind IN ('office','laboratory','classroom') ORDER BY id", NULL);

  if (stmt == NULL)
    return out;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (all, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);
      g_autoptr(JsonObject) p = enlace_case_propose_connection (store, id, 1, NULL);

      if (p != NULL && json_object_get_boolean_member_with_default (p, "ok", FALSE))
        g_array_append_val (out, id);
    }
  return out;
}

gboolean
enlace_demo_add_cases (EnlaceStore  *store,
                       GError      **error)
{
  g_autofree char *user = g_strdup (enlace_store_get_user (store));
  g_autoptr(GArray) free_spaces = NULL;
  guint n_conexion = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_store_begin (store, _("Demo cases"), error))
    return FALSE;
  ok = enlace_procedures_ensure_defaults (store, error)
       && enlace_store_set_meta (store, "department", "Departamento de Comunicaciones y Enlaces", error)
       && enlace_store_set_meta (store, "department.area", "DCE", error)
       && enlace_store_set_meta (store, "department-head", JEFE, error)
       && write_registry (store, error);
  free_spaces = spaces_with_room (store);

  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_cases); i++)
    {
      const DemoCase *d = &demo_cases[i];
      g_autoptr(JsonObject) values = json_object_new ();
      g_autoptr(JsonObject) form = json_object_new ();
      gint64 requester, area_id = 0, space_id = 0;
      Ctx ctx = { store, 0, 0, NULL, 0 };

      enlace_store_set_user (store, d->assignee ? d->assignee : JEFE);
      ctx.last_event = query_id (store, "SELECT COALESCE(max(id), 0) FROM case_event", NULL);
      if (d->new_area)
        {
          g_autoptr(JsonObject) person = json_object_new ();

          area_id = query_id (store, "SELECT id FROM area WHERE code = ?1", d->new_area);
          json_object_set_string_member (person, "name", d->requester);
          json_object_set_int_member (person, "area_id", area_id);
          json_object_set_string_member (person, "position", d->new_position);
          json_object_set_object_member (values, "requester", g_steal_pointer (&person));
        }
      else
        {
          requester = person_id (store, d->requester);
          if (requester == 0)
            {
              g_set_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOT_FOUND, "demo: no person “%s”", d->requester);
              ok = FALSE;
              break;
            }
          json_object_set_int_member (values, "requester_id", requester);
          area_id = query_id (store, "SELECT COALESCE(area_id, 0) FROM person WHERE name = ?1", d->requester);
        }
      if (d->assignee)
        json_object_set_int_member (values, "assignee_id", person_id (store, d->assignee));
      json_object_set_string_member (values, "channel", d->channel);
      json_object_set_string_member (values, "priority", d->priority);
      json_object_set_string_member (values, "summary", d->summary);
      json_object_set_string_member (values, "opened_at", d->opened);

      if (g_str_equal (d->procedure, "correo-alta"))
        {
          json_object_set_string_member (form, "position", d->new_position);
          json_object_set_string_member (form, "requested_address", d->a);
          json_object_set_string_member (form, "purpose", "Comunicación institucional del puesto");
        }
      else if (g_str_equal (d->procedure, "internet-alta"))
        {
          if (n_conexion < free_spaces->len)
            space_id = g_array_index (free_spaces, gint64, n_conexion);
          n_conexion++;
          json_object_set_int_member (form, "space", space_id);
          json_object_set_int_member (form, "count", atoi (d->a));
          json_object_set_string_member (form, "purpose", d->b);
        }
      else if (g_str_has_suffix (d->procedure, "-falla") && d->a)
        json_object_set_string_member (form, "symptom", d->a);
      else if (g_str_equal (d->procedure, "dictamen"))
        {
          const char *bar = d->a ? strchr (d->a, '|') : NULL;

          json_object_set_string_member (form, "equipment", bar ? bar + 1 : d->summary);
          if (bar)
            json_object_set_int_member (form, "quantity", atoi (d->a));
          if (d->b)
            json_object_set_string_member (form, "justification", d->b);
          if (d->c)
            json_object_set_string_member (form, "requirements", d->c);
        }
      else if (g_str_equal (d->procedure, "extension-estado"))
        {
          json_object_set_string_member (form, "extension", d->a);
          json_object_set_string_member (form, "status", d->b);
          json_object_set_string_member (form, "reason", d->c);
        }
      json_object_set_object_member (values, "form", json_object_ref (form));

      ctx.opened = g_date_time_new_from_iso8601 (d->opened, NULL);
      ctx.case_id = enlace_case_open (store, d->procedure, values, error);
      /* the request form is done when the case opens */
      ok = ctx.case_id > 0
           && stamp_full (&ctx, "UPDATE case_step SET done_at = ?1 WHERE case_id = ?2 AND done_at IS NOT NULL",
                          ctx.case_id, error);
      if (ok && d->at)
        ok = place_fault (&ctx, d, error);
      if (ok && d->stage != STAGE_NEW && d->stage != STAGE_CANCELLED)
        ok = status (&ctx, ENLACE_CASE_IN_PROGRESS, NULL, 1, error);
      if (ok)
        {
          if (g_str_equal (d->procedure, "correo-alta"))
            {
              if (d->new_area)
                area_id = query_id (store, "SELECT id FROM area WHERE code = ?1", d->new_area);
              ok = run_alta (&ctx, d, area_id, error);
            }
          else if (g_str_equal (d->procedure, "correo-baja"))
            ok = run_baja (&ctx, d, error);
          else if (g_str_equal (d->procedure, "internet-alta"))
            ok = run_conexion (&ctx, d, space_id, error);
          else if (g_str_equal (d->procedure, "extension-estado"))
            ok = run_extension (&ctx, d, error);
          else if (d->stage != STAGE_NEW)
            {
              if (g_str_equal (d->procedure, "dictamen"))
                ok = run_opinion (&ctx, d->stage == STAGE_CLOSED, error);
              if (g_str_equal (d->procedure, "red-modificacion"))
                ok = run_steps (&ctx, d, d->stage == STAGE_CLOSED ? 3 : 2, error)
                     && run_order (&ctx, d->stage == STAGE_CLOSED, error);
              /* an order in preparation waits for its report to the area */
              if (!g_str_equal (d->procedure, "red-modificacion") || d->stage == STAGE_CLOSED)
                ok = ok && run_fault (&ctx, d, error);
            }
        }
      g_clear_pointer (&ctx.opened, g_date_time_unref);
      if (!ok)
        g_prefix_error (error, "%s: ", d->summary);
    }
  enlace_store_set_user (store, user);
  if (!ok)
    {
      enlace_store_rollback (store);
      return FALSE;
    }
  return enlace_store_commit (store, error);
}
