/* enlace-person-lines.h: a person's outlets, extensions and devices, and
 * where an object is, in words
 *
 * The department reads its campus as outlet → person → extension: the
 * line of an extension rides on a port of the conmutador (extension.port_id)
 * and is cross-connected to a jack of a wall outlet.  These functions
 * follow that line with the tracer, so that the person's page, the
 * extension's page and the search results can say where a line reaches.
 */
#pragma once

#include "enlace-trace.h"

G_BEGIN_DECLS

/* The line of one extension. */
typedef struct
{
  gint64           extension_id;
  char            *number;       /* "2001" */
  char            *status;       /* "active", "suspended", "cancelled" */
  gint64           pbx_port_id;  /* the port it rides on, 0: none */
  gint64           jack_id;      /* the outlet jack its line reaches, 0: none */
  gint64           outlet_id;    /* the outlet (device) of that jack, 0: none */
  gint64           space_id;     /* where the outlet is, 0: unplaced or none */
  gint64           device_id;    /* a device recorded in front of the jack (a phone), 0: none */
  EnlacePathState  state;        /* of its path; ENLACE_N_PATH_STATES when none */
} EnlaceExtensionLine;

void                 enlace_extension_line_free   (EnlaceExtensionLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlaceExtensionLine, enlace_extension_line_free)

/* The line of extension @extension_id; NULL with
 * ENLACE_STORE_ERROR_NOT_FOUND when there is no such extension.  An
 * extension on no port gives a line with no jack. */
EnlaceExtensionLine *enlace_tracer_extension_line (EnlaceTracer  *tracer,
                                                   gint64         extension_id,
                                                   GError       **error);

/* What a person has, for their page. */
typedef struct
{
  GPtrArray *lines;    /* of EnlaceExtensionLine*, by number */
  GArray    *outlets;  /* of gint64: the outlets their lines reach, once each */
  GArray    *devices;  /* of gint64: devices recorded at those outlets
                        * (phones, computers, access points), once each */
} EnlacePersonServices;

void                  enlace_person_services_free (EnlacePersonServices *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnlacePersonServices, enlace_person_services_free)

/* The extensions held by person @person_id, the outlets they reach and
 * the devices at those outlets.  NULL with ENLACE_STORE_ERROR_NOT_FOUND
 * when there is no such person. */
EnlacePersonServices *enlace_tracer_person_services (EnlaceTracer  *tracer,
                                                     gint64         person_id,
                                                     GError       **error);

/* An extension whose line a removal would cut, and who holds it. */
typedef struct
{
  gint64  extension_id;
  char   *number;
  gint64  person_id;   /* 0: held by no person on record */
  char   *holder;      /* the person's name, else the extension's holder text; nullable */
  char   *end;         /* the service end it rides on, "B-1A-020:D" */
} EnlaceAffectedExtension;

void       enlace_affected_extension_free (EnlaceAffectedExtension *self);

/* The extensions riding on the services of @impact, once each, by
 * number (a GPtrArray of EnlaceAffectedExtension*). */
GPtrArray *enlace_tracer_impact_extensions (EnlaceTracer *tracer,
                                            EnlaceImpact *impact);
/* The people among them, once each, sorted as the people list is (by
 * surname, then given names: enlace_text_compare_people()): their names (a
 * NULL-terminated array; a holder with no person record counts by its
 * holder text). */
GStrv      enlace_affected_people          (GPtrArray    *extensions);

/* Where object @id of @kind is, for people: "Biblioteca (B) › Planta 1 ›
 * 020 Sala de lectura › rack B-1A-R1" — building, floor, space and rack
 * that hold it (a port: its device's place).  An extension is where its
 * line reaches (the outlet's place and the jack), a person where their
 * extensions reach.  NULL when the object is placed nowhere. */
char                 *enlace_tracer_dup_place       (EnlaceTracer  *tracer,
                                                     const char    *kind,
                                                     gint64         id);

G_END_DECLS
