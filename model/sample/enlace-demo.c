/* enlace-demo.c: the demo campus, "Universidad Tecnológica del Valle"
 *
 * The campus is described by the tables below (buildings, floors, spaces
 * along a corridor, areas, people) and written with the bulk builder in
 * one command.  Floors are laid out like real plans: rooms on both sides of
 * a corridor along x, south row at y = 0, corridor, north row; outlets sit
 * on the walls away from the corridor (enlace-floor-layout.c, shared with
 * the generator).  Names and labels follow
 * TIA-606: telecom room "2A" is room A of level 2; outlet "A-2A-014" is
 * outlet 14 of that room in building A; horizontal link "A-2A-B14" ends at
 * port 14 of panel B of that room.
 *
 * The inventory is in Spanish on purpose: it is what the department sees.
 */
#define G_LOG_DOMAIN "enlace-demo"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "enlace-builder.h"
#include "enlace-demo.h"
#include "enlace-floor-layout.h"

#define CORRIDOR 2.4
#define RACK_U   42

/* ------------------------------------------------------------------ */
/* The institution as data                                             */

typedef struct
{
  const char *code;
  const char *name;
  const char *parent;
} DemoArea;

static const DemoArea areas[] = {
  { "REC", "Rectoría", NULL },
  { "SAC", "Secretaría Académica", "REC" },
  { "DFI", "Dirección de Finanzas", "REC" },
  { "RHU", "Recursos Humanos", "DFI" },
  { "CSI", "Coordinación de Sistemas", "REC" },
  { "DCE", "Departamento de Comunicaciones y Enlaces", "CSI" },
  { "BIB", "Biblioteca", "SAC" },
  { "SES", "Servicios Escolares", "SAC" },
  { "VIN", "Dirección de Vinculación", "REC" },
  { "SGE", "Servicios Generales", "DFI" },
};

typedef struct
{
  const char *name;
  const char *position;
  const char *area;
} DemoPerson;

/* In the order they receive extensions within their area. */
static const DemoPerson people[] = {
  { "C. Rosa Isela Martínez Luna", "Recepcionista", "REC" },
  { "Dra. María Elena Vázquez Ríos", "Rectora", "REC" },
  { "Lic. Patricia Hernández Soto", "Secretaria particular de Rectoría", "REC" },
  { "Lic. Jorge Alberto Medina Cruz", "Abogado general", "REC" },
  { "Lic. Beatriz Fuentes Calderón", "Jefa de Servicios Escolares", "SES" },
  { "C. Norma Ávila Cisneros", "Auxiliar de control escolar", "SES" },
  { "C. Jesús Manuel Robles Tapia", "Auxiliar de ventanilla", "SES" },
  { "C. Alejandra Méndez Vera", "Auxiliar de ventanilla", "SES" },
  { "C. Tomás Arellano Reyna", "Archivista", "SES" },
  { "C. Verónica Jiménez Rosales", "Cajera", "DFI" },
  { "C.P. Ricardo Gómez Villalobos", "Director de Finanzas", "DFI" },
  { "Lic. Claudia Ponce Herrera", "Asistente de Dirección de Finanzas", "DFI" },
  { "C.P. Mónica Alvarado Reyes", "Contadora general", "DFI" },
  { "C.P. Arturo Delgado Núñez", "Jefe de presupuesto", "DFI" },
  { "Lic. Daniel Ortiz Carrillo", "Auxiliar contable", "DFI" },
  { "C. Gloria Estela Paredes Ruiz", "Auxiliar de tesorería", "DFI" },
  { "Lic. Sandra Guerrero Molina", "Jefa de Recursos Humanos", "RHU" },
  { "Lic. Miguel Ángel Cervantes Rojas", "Analista de nómina", "RHU" },
  { "C. Leticia Campos Orozco", "Auxiliar administrativa", "RHU" },
  { "Mtro. Carlos Eduardo Ramírez Ortega", "Secretario Académico", "SAC" },
  { "Lic. Gabriela Torres Mendoza", "Asistente académica", "SAC" },
  { "Ing. Laura Beatriz Castillo Peña", "Coordinadora de Ingeniería", "SAC" },
  { "Mtro. Raúl Sánchez Domínguez", "Profesor investigador", "SAC" },
  { "Dra. Silvia Morales Aguilar", "Profesora investigadora", "SAC" },
  { "Ing. Héctor Navarro Ibarra", "Profesor de asignatura", "SAC" },
  { "Mtra. Adriana Flores Guzmán", "Coordinadora de Laboratorios", "SAC" },
  { "Mtro. Fernando Ruiz Salinas", "Jefe del Laboratorio de Electrónica", "SAC" },
  { "Dr. Alejandro Campos Vega", "Profesor de Física", "SAC" },
  { "Mtra. Lucía Benítez Arriaga", "Profesora de tiempo completo", "SAC" },
  { "Ing. Roberto Luna Estrada", "Coordinador de Sistemas", "CSI" },
  { "Ing. Diana Paola Ríos Montes", "Administradora de servidores", "CSI" },
  { "Ing. Luis Fernando Aguirre Solís", "Desarrollador de sistemas", "CSI" },
  { "Ing. Érika Salazar Pineda", "Responsable del Laboratorio de Redes", "CSI" },
  { "Ing. Juan Pablo Cárdenas Mejía", "Jefe de Soporte Técnico", "CSI" },
  { "Téc. Omar Zamora Fuentes", "Técnico de soporte", "CSI" },
  { "Téc. Karla Ibáñez Lara", "Técnica de soporte", "CSI" },
  { "Ing. Francisco Javier Mora Lozano", "Jefe del Departamento de Comunicaciones y Enlaces", "DCE" },
  { "Ing. Ana Karen Vargas Espinoza", "Administradora de red", "DCE" },
  { "Téc. José Luis Rangel Maldonado", "Técnico en cableado estructurado", "DCE" },
  { "Téc. Martín Acosta Bravo", "Técnico en telefonía", "DCE" },
  { "Mtra. Elena Cortés Rivas", "Coordinadora de Biblioteca", "BIB" },
  { "Lic. Alberto Pacheco Sandoval", "Bibliotecario", "BIB" },
  { "C. Irma Solano Quiroz", "Auxiliar de biblioteca", "BIB" },
  { "Mtro. Ignacio Padilla Barrera", "Director de Vinculación", "VIN" },
  { "Lic. Óscar Valdez Miranda", "Promotor de vinculación", "VIN" },
  { "Lic. Mariana Serrano Olvera", "Coordinadora del Centro de Idiomas", "VIN" },
  { "C. Ramón Esquivel Durán", "Jefe de vigilancia", "SGE" },
};

enum
{
  F_FREE_LAST = 1 << 0,  /* the data jack of the last outlet is not patched */
  F_RETIRED   = 1 << 1,  /* the last outlet is retired, its cables decommissioned */
  F_PLANNED   = 1 << 2,  /* every outlet and its cables are planned */
};

typedef struct
{
  char        row;       /* 'S' south of the corridor, 'N' north */
  const char *code;
  const char *name;
  const char *kind;
  double      width;
  guint       outlets;
  guint       ext;       /* voice jacks cross-connected to an extension */
  const char *area;
  guint       flags;
} DemoSpace;

typedef struct
{
  int              level;
  const char      *name;
  const DemoSpace *spaces;
  guint            n_spaces;
} DemoFloor;

typedef struct
{
  const char      *code;
  const char      *name;
  const char      *address;
  double           depth;
  gboolean         aruba;      /* access switches from Aruba, not Cisco */
  gboolean         big_voice;  /* 50-pair voice backbone (else 25) */
  guint            first_ext;
  const DemoFloor *floors;
  guint            n_floors;
} DemoBuilding;

#define N(a) a, G_N_ELEMENTS (a)

static const DemoSpace r0[] = {
  { 'S', "ACO", "Acometida de servicios", "entrance-facility", 3.0, 0, 0, NULL, 0 },
  { 'S', "SITE", "Cuarto de equipos (SITE)", "equipment-room", 6.0, 0, 0, NULL, 0 },
  { 'S', "0A", "Cuarto de telecomunicaciones 0A", "telecom-room", 3.0, 0, 0, NULL, 0 },
  { 'S', "001", "Recepción", "office", 5.0, 2, 1, "REC", 0 },
  { 'S', "002", "Servicios Escolares — Ventanillas", "office", 10.0, 6, 4, "SES", 0 },
  { 'S', "003", "Archivo escolar", "office", 5.0, 1, 1, "SES", F_FREE_LAST },
  { 'N', "004", "Caja", "office", 4.0, 2, 1, "DFI", 0 },
  { 'N', "005", "Dirección de Finanzas", "office", 6.0, 3, 2, "DFI", 0 },
  { 'N', "006", "Contabilidad", "office", 8.0, 5, 4, "DFI", 0 },
  { 'N', "007", "Recursos Humanos", "office", 8.0, 4, 3, "RHU", 0 },
  { 'N', "008", "Sala de espera", "other", 5.0, 1, 0, "REC", F_FREE_LAST },
  { 'N', "009", "Caseta de vigilancia", "office", 3.0, 1, 1, "SGE", 0 },
  { 'N', "010", "Sanitarios", "other", 4.0, 0, 0, NULL, 0 },
};

static const DemoSpace r1[] = {
  { 'S', "1A", "Cuarto de telecomunicaciones 1A", "telecom-room", 3.0, 0, 0, NULL, 0 },
  { 'S', "101", "Rectoría", "office", 7.0, 3, 2, "REC", 0 },
  { 'S', "102", "Secretaría particular", "office", 5.0, 2, 1, "REC", 0 },
  { 'S', "103", "Sala de juntas de Rectoría", "office", 8.0, 3, 0, "REC", F_FREE_LAST },
  { 'S', "104", "Secretaría Académica", "office", 7.0, 3, 2, "SAC", 0 },
  { 'N', "105", "Coordinación de Sistemas", "office", 8.0, 5, 4, "CSI", 0 },
  { 'N', "106", "Departamento de Comunicaciones y Enlaces", "office", 8.0, 5, 4, "DCE", 0 },
  { 'N', "107", "Dirección de Vinculación", "office", 7.0, 3, 2, "VIN", 0 },
  { 'N', "108", "Oficina Jurídica", "office", 5.0, 2, 1, "REC", 0 },
  { 'N', "109", "Sanitarios", "other", 5.0, 0, 0, NULL, 0 },
};

static const DemoSpace a0[] = {
  { 'S', "0A", "Cuarto de telecomunicaciones 0A", "telecom-room", 3.0, 0, 0, NULL, 0 },
  { 'S', "001", "Biblioteca — Sala de lectura", "other", 16.0, 8, 1, "BIB", F_FREE_LAST },
  { 'S', "002", "Biblioteca — Acervo", "other", 10.0, 3, 1, "BIB", F_RETIRED },
  { 'N', "003", "Coordinación de Biblioteca", "office", 6.0, 3, 3, "BIB", 0 },
  { 'N', "004", "Aula A-004", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'N', "005", "Aula A-005", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'N', "006", "Sala de maestros", "office", 6.0, 4, 3, "SAC", 0 },
  { 'N', "007", "Sanitarios", "other", 4.0, 0, 0, NULL, 0 },
};

static const DemoSpace a1[] = {
  { 'S', "1A", "Cuarto de telecomunicaciones 1A", "telecom-room", 3.0, 0, 0, NULL, 0 },
  { 'S', "101", "Aula A-101", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'S', "102", "Aula A-102", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'S', "103", "Aula A-103", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'S', "104", "Aula A-104", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'N', "105", "Aula A-105", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'N', "106", "Aula A-106", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'N', "107", "Coordinación de Ingeniería", "office", 6.0, 4, 2, "SAC", 0 },
  { 'N', "108", "Cubículos de profesores", "office", 8.0, 6, 3, "SAC", 0 },
  { 'N', "109", "Sanitarios", "other", 5.0, 0, 0, NULL, 0 },
};

static const DemoSpace a2[] = {
  { 'S', "2A", "Cuarto de telecomunicaciones 2A", "telecom-room", 3.0, 0, 0, NULL, 0 },
  { 'S', "201", "Aula A-201", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'S', "202", "Aula A-202", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'S', "203", "Aula A-203", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'S', "204", "Aula A-204", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'N', "205", "Sala audiovisual", "classroom", 12.0, 4, 0, NULL, 0 },
  { 'N', "206", "Aula A-206", "classroom", 8.0, 2, 0, NULL, 0 },
  { 'N', "207", "Cubículos de profesores", "office", 8.0, 6, 2, "SAC", 0 },
  { 'N', "208", "Sanitarios", "other", 5.0, 0, 0, NULL, 0 },
};

static const DemoSpace b0[] = {
  { 'S', "0A", "Cuarto de telecomunicaciones 0A", "telecom-room", 3.0, 0, 0, NULL, 0 },
  { 'S', "001", "Laboratorio de Redes", "laboratory", 12.0, 12, 1, "CSI", 0 },
  { 'S', "002", "Laboratorio de Electrónica", "laboratory", 12.0, 6, 1, "SAC", 0 },
  { 'N', "003", "Laboratorio de Cómputo 1", "laboratory", 12.0, 16, 1, "SAC", 0 },
  { 'N', "004", "Almacén de laboratorio", "other", 4.0, 1, 0, "SAC", F_FREE_LAST },
  { 'N', "005", "Coordinación de Laboratorios", "office", 6.0, 3, 2, "SAC", 0 },
  { 'N', "006", "Sanitarios", "other", 5.0, 0, 0, NULL, 0 },
};

static const DemoSpace b1[] = {
  { 'S', "1A", "Cuarto de telecomunicaciones 1A", "telecom-room", 3.0, 0, 0, NULL, 0 },
  { 'S', "101", "Laboratorio de Cómputo 2", "laboratory", 12.0, 16, 1, "SAC", 0 },
  { 'S', "102", "Laboratorio de Cómputo 3 (en obra)", "laboratory", 12.0, 16, 0, NULL, F_PLANNED },
  { 'N', "103", "Laboratorio de Física", "laboratory", 10.0, 4, 1, "SAC", 0 },
  { 'N', "104", "Centro de Idiomas", "laboratory", 10.0, 12, 1, "VIN", 0 },
  { 'N', "105", "Soporte Técnico", "office", 6.0, 3, 3, "CSI", 0 },
  { 'N', "106", "Sanitarios", "other", 5.0, 0, 0, NULL, 0 },
};

static const DemoFloor r_floors[] = {
  { 0, "Planta baja", N (r0) },
  { 1, "Primer piso", N (r1) },
};
static const DemoFloor a_floors[] = {
  { 0, "Planta baja", N (a0) },
  { 1, "Primer piso", N (a1) },
  { 2, "Segundo piso", N (a2) },
};
static const DemoFloor b_floors[] = {
  { 0, "Planta baja", N (b0) },
  { 1, "Primer piso", N (b1) },
};

static const DemoBuilding buildings[] = {
  { "R", "Rectoría", "Av. Universidad 1000, Col. Centro, Valle de Santiago, Gto., C.P. 38400",
    6.0, FALSE, FALSE, 1001, N (r_floors) },
  { "A", "Edificio A — Aulas", "Av. Universidad 1000, edificio A, Valle de Santiago, Gto., C.P. 38400",
    7.0, FALSE, TRUE, 2001, N (a_floors) },
  { "B", "Edificio B — Laboratorios", "Calle Ingenieros 25, Valle de Santiago, Gto., C.P. 38400",
    8.0, TRUE, TRUE, 3001, N (b_floors) },
};

/* Where the buildings stand on the campus (metres from the SITE), for the
 * lengths of the campus backbone. */
static const double campus_distance[] = { 0.0, 85.0, 160.0 };

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef struct
{
  EnlaceBuilder     *b;

  /* device types */
  EnlaceBuilderType *t_dv;       /* faceplate data + voice */
  EnlaceBuilderType *t_dd;       /* faceplate data + data */
  EnlaceBuilderType *t_pp24;
  EnlaceBuilderType *t_pp48;
  EnlaceBuilderType *t_vp24;     /* voice patch panel */
  EnlaceBuilderType *t_mp25;     /* RJ45 to 25-pair multipair panel */
  EnlaceBuilderType *t_mp50;     /* RJ45 to 50-pair multipair panel */
  EnlaceBuilderType *t_blk25;    /* 110 block, 4 × 25 pairs */
  EnlaceBuilderType *t_blk50;    /* 110 block, 2 × 50 pairs */
  EnlaceBuilderType *t_fo12;
  EnlaceBuilderType *t_fo48;
  EnlaceBuilderType *t_cisco;
  EnlaceBuilderType *t_aruba;
  EnlaceBuilderType *t_core;
  EnlaceBuilderType *t_router;
  EnlaceBuilderType *t_fw;
  EnlaceBuilderType *t_pbx;

  gint64      site_id;
  GHashTable *area_ids;     /* code → id */
  GPtrArray  *queues;       /* per area index: person indices not yet given an extension */
  gint64     *person_ids;

  /* the SITE */
  gint64      site_space;
  gint64      aco_space;
  double      site_y;
  gint64      fo_ports[2][52];     /* FO1, FO2 of the SITE */
  guint       fo_next;             /* next rear of FO1/FO2 (0 … 7) */
  gint64      core_ports[28];
  guint       core_next;
  gint64      pbx_ports[66];
  guint       pbx_next;
  gint64      blk25_ports[104];
  guint       blk25_next;
  gint64      blk50_ports[3][102];
  guint       blk50_next;
  guint       n_serial;
  guint       n_ext;
  guint       n_ext_building;
} Demo;

enum { DV_D, DV_V, DV_DR, DV_VR };
enum { DD_D1, DD_D2, DD_D1R, DD_D2R };

static double
round1 (double v)
{
  return floor (v * 10.0 + 0.5) / 10.0;
}

static double
round2 (double v)
{
  return floor (v * 100.0 + 0.5) / 100.0;
}

static void
define_types (Demo *d)
{
  EnlaceBuilder *b = d->b;
  EnlaceBuilderType *t;
  guint f, r;

  t = d->t_dv = enlace_builder_type (b, "Panduit", "CFPE2IW datos/voz", "CFPE2IW + CJ688TGBU + CJ688TGIW",
                                     0, FALSE, "outlet");
  f = enlace_builder_type_ports (b, t, "front", "D", 0, 0, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "front", "V", 0, 0, "voice", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "D-R", 0, 0, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "rear", "V-R", 0, 0, "voice", "8P8C", 1);
  enlace_builder_type_map (b, t, f, r, 1);
  enlace_builder_type_map (b, t, f + 1, r + 1, 1);

  t = d->t_dd = enlace_builder_type (b, "Panduit", "CFPE2IW datos/datos", "CFPE2IW + 2× CJ688TGBU",
                                     0, FALSE, "outlet");
  f = enlace_builder_type_ports (b, t, "front", "D%u", 1, 2, "copper", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "D%u-R", 1, 2, "copper", "8P8C", 1);
  enlace_builder_type_map (b, t, f, r, 1);
  enlace_builder_type_map (b, t, f + 1, r + 1, 1);

  t = d->t_pp24 = enlace_builder_type (b, "Panduit", "CP24BLY", "CP24BLY", 1, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 24, "copper", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 24, "copper", "8P8C", 1);
  for (guint i = 0; i < 24; i++)
    enlace_builder_type_map (b, t, f + i, r + i, 1);

  t = d->t_pp48 = enlace_builder_type (b, "Panduit", "CP48BLY", "CP48BLY", 2, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 48, "copper", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 48, "copper", "8P8C", 1);
  for (guint i = 0; i < 48; i++)
    enlace_builder_type_map (b, t, f + i, r + i, 1);

  t = d->t_vp24 = enlace_builder_type (b, "Genérico", "Panel de voz 24 puertos Cat 6", "PV-24-C6",
                                       1, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 24, "voice", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 24, "voice", "8P8C", 1);
  for (guint i = 0; i < 24; i++)
    enlace_builder_type_map (b, t, f + i, r + i, 1);

  t = d->t_mp25 = enlace_builder_type (b, "Genérico", "Panel multipar 24 RJ45 / 25 pares", "PMP-24-25",
                                       1, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 24, "voice", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R1", 0, 0, "voice", "110", 25);
  for (guint i = 0; i < 24; i++)
    enlace_builder_type_map (b, t, f + i, r, (int) i + 1);

  t = d->t_mp50 = enlace_builder_type (b, "Genérico", "Panel multipar 48 RJ45 / 50 pares", "PMP-48-50",
                                       2, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 48, "voice", "8P8C", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R1", 0, 0, "voice", "110", 50);
  for (guint i = 0; i < 48; i++)
    enlace_builder_type_map (b, t, f + i, r, (int) i + 1);

  t = d->t_blk25 = enlace_builder_type (b, "Panduit", "P110B100R2FJ (4×25 pares)", "P110B100R2FJ",
                                        2, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 100, "voice", "110", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 4, "voice", "110", 25);
  for (guint i = 0; i < 100; i++)
    enlace_builder_type_map (b, t, f + i, r + i / 25, (int) (i % 25) + 1);

  t = d->t_blk50 = enlace_builder_type (b, "Panduit", "P110B100R2FJ (2×50 pares)", "P110B100R2FJ",
                                        2, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 100, "voice", "110", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 2, "voice", "110", 50);
  for (guint i = 0; i < 100; i++)
    enlace_builder_type_map (b, t, f + i, r + i / 50, (int) (i % 50) + 1);

  t = d->t_fo12 = enlace_builder_type (b, "Panduit", "FLEX1U-12LC", "FMT1-12LC",
                                       1, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 12, "fibre", "LC", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R1", 0, 0, "fibre", "splice", 12);
  for (guint i = 0; i < 12; i++)
    enlace_builder_type_map (b, t, f + i, r, (int) i + 1);

  t = d->t_fo48 = enlace_builder_type (b, "Panduit", "FLEX1U-48LC", "FMT1-48LC",
                                       1, FALSE, "patch-panel");
  f = enlace_builder_type_ports (b, t, "front", "%u", 1, 48, "fibre", "LC", 1);
  r = enlace_builder_type_ports (b, t, "rear", "R%u", 1, 4, "fibre", "splice", 12);
  for (guint i = 0; i < 48; i++)
    enlace_builder_type_map (b, t, f + i, r + i / 12, (int) (i % 12) + 1);

  t = d->t_cisco = enlace_builder_type (b, "Cisco", "C9200L-48P-4X", "C9200L-48P-4X-E", 1, FALSE, "switch");
  enlace_builder_type_ports (b, t, "interface", "Gi1/0/%u", 1, 48, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "Te1/1/%u", 1, 4, "fibre", "LC", 1);

  t = d->t_aruba = enlace_builder_type (b, "Aruba", "6100 48G Class4 PoE 4SFP+", "JL675A", 1, FALSE, "switch");
  enlace_builder_type_ports (b, t, "interface", "1/1/%u", 1, 48, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "1/1/%u", 49, 4, "fibre", "LC", 1);

  t = d->t_core = enlace_builder_type (b, "Cisco", "C9500-24Y4C", "C9500-24Y4C-A", 1, TRUE, "switch");
  enlace_builder_type_ports (b, t, "interface", "Twe1/0/%u", 1, 24, "fibre", "LC", 1);
  enlace_builder_type_ports (b, t, "interface", "Hu1/0/%u", 25, 4, "fibre", "MPO", 1);

  t = d->t_router = enlace_builder_type (b, "Cisco", "ISR4331", "ISR4331/K9", 1, TRUE, "router");
  enlace_builder_type_ports (b, t, "interface", "Gi0/0/%u", 0, 2, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "Gi0/0/2", 0, 0, "fibre", "LC", 1);

  t = d->t_fw = enlace_builder_type (b, "Fortinet", "FortiGate-100F", "FG-100F", 1, TRUE, "firewall");
  enlace_builder_type_ports (b, t, "interface", "wan%u", 1, 2, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "port%u", 1, 16, "copper", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "x%u", 1, 2, "fibre", "LC", 1);

  /* The conmutador: four 16-port digital/analogue line cards, an E1 and LAN. */
  t = d->t_pbx = enlace_builder_type (b, "Avaya", "IP Office 500 V2", "700476005", 2, TRUE, "pbx");
  for (guint slot = 1; slot <= 4; slot++)
    {
      g_autofree char *fmt = g_strdup_printf ("%u/%%u", slot);
      enlace_builder_type_ports (b, t, "interface", fmt, 1, 16, "voice", "8P8C", 1);
    }
  enlace_builder_type_ports (b, t, "interface", "PRI1", 0, 0, "voice", "8P8C", 1);
  enlace_builder_type_ports (b, t, "interface", "LAN", 0, 0, "copper", "8P8C", 1);
}

static gint64
racked (Demo              *d,
        EnlaceBuilderType *type,
        const char        *name,
        gint64             rack_id,
        int               *top,
        gboolean           with_serial,
        const char        *comments)
{
  EnlaceBuilderPlace p = { 0 };
  int h = (int) ceil (enlace_builder_type_height (type));
  g_autofree char *sn = NULL;
  g_autofree char *tag = NULL;
  gint64 id;

  p.rack_id = rack_id;
  p.u_position = *top - MAX (h, 1) + 1;
  p.face = "front";
  p.comments = comments;
  if (with_serial)
    {
      d->n_serial++;
      p.serial = sn = g_strdup_printf ("FOC%02u%02uX%04X", 20 + d->n_serial % 5, 10 + d->n_serial * 7 % 40,
                                       (0x1a2b + d->n_serial * 0x3c5) & 0xffff);
      p.asset_tag = tag = g_strdup_printf ("UTV-TI-%05u", 100 + d->n_serial);
    }
  *top -= MAX (h, 1) + (with_serial ? 1 : 0);  /* a space under active gear */
  id = enlace_builder_device (d->b, type, name, &p);
  return id;
}

static gint64
person_for (Demo       *d,
            const char *area)
{
  GArray *queue;

  if (area == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (strcmp (areas[i].code, area) == 0)
      {
        queue = g_ptr_array_index (d->queues, i);
        if (queue->len == 0)
          return 0;
        {
          guint pi = g_array_index (queue, guint, 0);
          g_array_remove_index (queue, 0);
          return (gint64) pi + 1;  /* index + 1 */
        }
      }
  return 0;
}

static char *
email_for (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words), first = 0;
  g_autofree char *given = NULL, *surname = NULL;
  g_autofree char *raw = NULL;

  while (first < n && g_str_has_suffix (words[first], "."))
    first++;
  if (n < first + 3)
    return NULL;
  given = g_str_to_ascii (words[first], "C");
  surname = g_str_to_ascii (words[n - 2], "C");
  raw = g_strdup_printf ("%c%s@utvalle.edu.mx", given[0], surname);
  return g_ascii_strdown (raw, -1);
}

static void
write_people (Demo *d)
{
  EnlaceBuilder *b = d->b;

  d->area_ids = g_hash_table_new (g_str_hash, g_str_equal);
  d->queues = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      gint64 parent = areas[i].parent ? GPOINTER_TO_SIZE (g_hash_table_lookup (d->area_ids, areas[i].parent)) : 0;
      gint64 id = enlace_builder_area (b, areas[i].code, areas[i].name, parent);

      g_hash_table_insert (d->area_ids, (gpointer) areas[i].code, GSIZE_TO_POINTER ((gsize) id));
      g_ptr_array_add (d->queues, g_array_new (FALSE, FALSE, sizeof (guint)));
    }

  d->person_ids = g_new0 (gint64, G_N_ELEMENTS (people));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *email = email_for (people[i].name);
      gint64 area = GPOINTER_TO_SIZE (g_hash_table_lookup (d->area_ids, people[i].area));

      d->person_ids[i] = enlace_builder_person (b, people[i].name, people[i].position, area, email, NULL);
      for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
        if (strcmp (areas[a].code, people[i].area) == 0)
          g_array_append_val (g_ptr_array_index (d->queues, a), i);
    }
}

static gint64
area_id (Demo       *d,
         const char *code)
{
  return code ? (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (d->area_ids, code)) : 0;
}

/* The SITE, in the first building: network rack and telephony rack. */
static void
write_site (Demo *d)
{
  EnlaceBuilder *b = d->b;
  EnlaceBuilderCable c = { 0 };
  gint64 rack1, rack2, rtr[3], fw[20], circuit, term;
  int top;

  rack1 = enlace_builder_rack (b, d->site_space, "R-SITE-R1", RACK_U, 4.5, d->site_y + 1.5, 0);
  rack2 = enlace_builder_rack (b, d->site_space, "R-SITE-R2", RACK_U, 5.3, d->site_y + 1.5, 0);

  top = RACK_U;
  racked (d, d->t_fo48, "R-SITE-FO1", rack1, &top, FALSE, "Llegadas de fibra de Rectoría y Edificio A");
  if (enlace_builder_failed (b))
    return;
  memcpy (d->fo_ports[0], enlace_builder_ports (b), sizeof d->fo_ports[0]);
  racked (d, d->t_fo48, "R-SITE-FO2", rack1, &top, FALSE, "Llegadas de fibra de Edificio A y B");
  if (enlace_builder_failed (b))
    return;
  memcpy (d->fo_ports[1], enlace_builder_ports (b), sizeof d->fo_ports[1]);
  top--;
  racked (d, d->t_core, "R-SITE-CORE1", rack1, &top, TRUE, "Núcleo de la red del campus");
  if (enlace_builder_failed (b))
    return;
  memcpy (d->core_ports, enlace_builder_ports (b), sizeof d->core_ports);
  racked (d, d->t_fw, "R-SITE-FW1", rack1, &top, TRUE, "Firewall perimetral");
  if (enlace_builder_failed (b))
    return;
  memcpy (fw, enlace_builder_ports (b), sizeof fw);
  racked (d, d->t_router, "R-SITE-RTR1", rack1, &top, TRUE, "Ruteador del enlace a Internet");
  if (enlace_builder_failed (b))
    return;
  memcpy (rtr, enlace_builder_ports (b), sizeof rtr);

  top = RACK_U;
  racked (d, d->t_pbx, "R-SITE-PBX1", rack2, &top, TRUE, "Conmutador telefónico del campus");
  if (enlace_builder_failed (b))
    return;
  memcpy (d->pbx_ports, enlace_builder_ports (b), sizeof d->pbx_ports);
  racked (d, d->t_blk25, "R-SITE-MP1", rack2, &top, FALSE, "Llegada multipar de Rectoría (25 pares)");
  if (enlace_builder_failed (b))
    return;
  memcpy (d->blk25_ports, enlace_builder_ports (b), sizeof d->blk25_ports);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("R-SITE-MP%u", i + 2);

      racked (d, d->t_blk50, name, rack2, &top, FALSE, "Llegada multipar de los edificios A y B (50 pares)");
      if (enlace_builder_failed (b))
        return;
      memcpy (d->blk50_ports[i], enlace_builder_ports (b), sizeof d->blk50_ports[i]);
    }

  /* Internet: Telmex hands off in the entrance facility. */
  circuit = enlace_builder_circuit (b, "TMX-INT-0457892", "Telmex", "internet", 500000, 1200.0, "active",
                                    "Enlace dedicado de Internet simétrico de 500 Mbit/s");
  term = enlace_builder_termination (b, circuit, "A", d->aco_space, "Equipo terminal del proveedor en la acometida");
  enlace_builder_termination (b, circuit, "Z", 0, "Central Telmex Valle de Santiago");
  c.label = "R-ACO/R-SITE-INT1";
  c.kind = "equipment-cord";
  c.type = "cat6";
  c.color = "rojo";
  c.length_m = 12.0;
  enlace_builder_cable_term (b, &c, term, rtr[0]);
  c.label = "R-SITE-RTR1-FW1";
  c.length_m = 1.0;
  enlace_builder_cable (b, &c, rtr[1], fw[0]);
  c.label = "R-SITE-FW1-CORE1";
  c.type = "om3";
  c.color = "aqua";
  c.length_m = 2.0;
  enlace_builder_cable (b, &c, fw[18], d->core_ports[d->core_next++]);

  /* Telephone trunk: an E1 into the conmutador. */
  circuit = enlace_builder_circuit (b, "TMX-E1-0457893", "Telmex", "telephone-trunk", 2048, 1200.0, "active",
                                    "Troncal digital E1 (30 canales) del conmutador");
  term = enlace_builder_termination (b, circuit, "A", d->aco_space, "Regleta del proveedor en la acometida");
  enlace_builder_termination (b, circuit, "Z", 0, "Central Telmex Valle de Santiago");
  c.label = "R-ACO/R-SITE-E1";
  c.type = "cat5e";
  c.color = "amarillo";
  c.length_m = 14.0;
  enlace_builder_cable_term (b, &c, term, d->pbx_ports[64]);

  /* A second internet link, contracted but not yet installed. */
  circuit = enlace_builder_circuit (b, "TPL-INT-8812004", "Totalplay", "internet", 200000, -1, "planned",
                                    "Enlace de respaldo de 200 Mbit/s (en contratación)");
  enlace_builder_termination (b, circuit, "A", d->aco_space, "Acometida (pendiente)");
  enlace_builder_termination (b, circuit, "Z", 0, "Totalplay");
}

typedef struct
{
  guint        si;          /* space index in the floor */
  gint64       space_id;
  double       x, y, rot;
  gboolean     dv;          /* data + voice (else two data jacks) */
  gboolean     patched;     /* data jack(s) patched to the switch */
  gboolean     ext;         /* voice jack cross-connected to an extension */
  gboolean     retired;
  gboolean     planned;
} Outlet;

/* The telecom room of a floor, its rack and what the outlets use of it. */
typedef struct
{
  char    *tr;              /* "A-2A" */
  gint64   space_id;
  double   x, y;            /* corner of the room */
  guint    nd, nv;          /* data and voice jacks of the floor */
  guint    n_patched;       /* data jacks patched to a switch */

  double   rack_x, rack_y;
  gint64   rack_id;
  int      top;             /* highest free unit of the rack */
  guint    n_dp, n_sw, n_vp, nd_ports;
  gint64   fo_ports[13];
  gint64   sw_ports[3][52];
  gint64   mp_ports[51];
  gint64  *d_front, *d_rear, *v_front, *v_rear;
  char   **d_label, **v_label;
  gint64   land_front[50];  /* the SITE's 110 block pairs of the multipair */

  guint    di, vi;          /* next data and voice jack of the panels */
  guint    next_d;          /* next switch port */
  guint    line;            /* next pair of the multipair */
} TelecomRoom;

static void
telecom_room_clear (TelecomRoom *r)
{
  for (guint i = 0; r->d_label && i < r->nd_ports; i++)
    g_free (r->d_label[i]);
  for (guint i = 0; r->v_label && i < r->n_vp * 24; i++)
    g_free (r->v_label[i]);
  g_free (r->d_label);
  g_free (r->v_label);
  g_free (r->d_front);
  g_free (r->d_rear);
  g_free (r->v_front);
  g_free (r->v_rear);
  g_free (r->tr);
}

/* The rooms of floor @F along the corridor and the outlets they will
 * hold, appended to @outlets; finds the telecom room, the SITE and the
 * entrance facility. */
static void
write_spaces (Demo                    *d,
              const EnlaceFloorLayout *layout,
              gint64                   floor_id,
              const DemoFloor         *F,
              GArray                  *outlets,
              TelecomRoom             *room)
{
  EnlaceBuilder *b = d->b;
  double south_x = 0, north_x = 0;

  for (guint i = 0; i < F->n_spaces; i++)
    {
      const DemoSpace *s = &F->spaces[i];
      gboolean north = s->row == 'N';
      double x0 = north ? north_x : south_x;
      double y0 = enlace_floor_layout_row_y (layout, north);
      gint64 space_id;

      space_id = enlace_floor_layout_room (layout, b, floor_id, x0, north, s->width,
                                           s->code, s->name, s->kind);
      if (north)
        north_x += s->width;
      else
        south_x += s->width;

      if (strcmp (s->kind, "telecom-room") == 0)
        {
          room->space_id = space_id;
          room->x = x0;
          room->y = y0;
        }
      else if (strcmp (s->kind, "equipment-room") == 0)
        {
          d->site_space = space_id;
          d->site_y = y0;
        }
      else if (strcmp (s->kind, "entrance-facility") == 0)
        d->aco_space = space_id;

      for (guint j = 0; j < s->outlets; j++)
        {
          Outlet o = { 0 };
          gboolean last = j + 1 == s->outlets;

          o.si = i;
          o.space_id = space_id;
          enlace_floor_layout_outlet (layout, x0, north, s->width, j, s->outlets, &o.x, &o.y, &o.rot);
          /* Classrooms have data only; laboratories a phone at the
           * teacher's desk; everything else data and voice. */
          o.dv = strcmp (s->kind, "classroom") != 0
                 && (strcmp (s->kind, "laboratory") != 0 || j == 0);
          o.planned = (s->flags & F_PLANNED) != 0;
          o.retired = last && (s->flags & F_RETIRED);
          o.patched = !o.planned && !o.retired && !(last && (s->flags & F_FREE_LAST));
          o.ext = o.dv && !o.retired && j < s->ext;
          room->nd += o.dv ? 1 : 2;
          room->nv += o.dv ? 1 : 0;
          room->n_patched += o.patched ? (o.dv ? 1 : 2) : 0;
          g_array_append_val (outlets, o);
        }
    }
  enlace_floor_layout_corridor (layout, b, floor_id, F->level, MAX (south_x, north_x));
}

/* The data patch panels interleaved with the switches. */
static gboolean
fit_data (Demo               *d,
          const DemoBuilding *B,
          const DemoFloor    *F,
          TelecomRoom        *r)
{
  EnlaceBuilder *b = d->b;

  for (guint i = 0; i < MAX (r->n_dp, r->n_sw); i++)
    {
      if (i < r->n_dp)
        {
          g_autofree char *l = enlace_floor_layout_letter (i);
          g_autofree char *name = g_strdup_printf ("%s-PP%s", r->tr, l);
          gboolean small = r->nd - i * 48 <= 24;
          guint np = small ? 24 : 48;
          const gint64 *p;

          racked (d, small ? d->t_pp24 : d->t_pp48, name, r->rack_id, &r->top, FALSE, NULL);
          if (enlace_builder_failed (b))
            return FALSE;
          p = enlace_builder_ports (b);
          for (guint j = 0; j < np; j++)
            {
              r->d_front[i * 48 + j] = p[j];
              r->d_rear[i * 48 + j] = p[np + j];
              r->d_label[i * 48 + j] = g_strdup_printf ("%s-%s%02u", r->tr, l, j + 1);
            }
        }
      if (i < r->n_sw)
        {
          g_autofree char *name = g_strdup_printf ("%s-P%d-SW%u", B->code, F->level, i + 1);

          racked (d, B->aruba ? d->t_aruba : d->t_cisco, name, r->rack_id, &r->top, TRUE, NULL);
          if (enlace_builder_failed (b))
            return FALSE;
          memcpy (r->sw_ports[i], enlace_builder_ports (b), sizeof r->sw_ports[i]);
        }
    }
  return TRUE;
}

/* The voice patch panels and the multipair panel. */
static gboolean
fit_voice (Demo               *d,
           const DemoBuilding *B,
           TelecomRoom        *r)
{
  EnlaceBuilder *b = d->b;
  g_autofree char *name = NULL;

  for (guint i = 0; i < r->n_vp; i++)
    {
      g_autofree char *l = enlace_floor_layout_letter (r->n_dp + i);
      g_autofree char *pname = g_strdup_printf ("%s-PP%s", r->tr, l);
      const gint64 *p;

      racked (d, d->t_vp24, pname, r->rack_id, &r->top, FALSE, NULL);
      if (enlace_builder_failed (b))
        return FALSE;
      p = enlace_builder_ports (b);
      for (guint j = 0; j < 24; j++)
        {
          r->v_front[i * 24 + j] = p[j];
          r->v_rear[i * 24 + j] = p[24 + j];
          r->v_label[i * 24 + j] = g_strdup_printf ("%s-%s%02u", r->tr, l, j + 1);
        }
    }

  name = g_strdup_printf ("%s-MP1", r->tr);
  racked (d, B->big_voice ? d->t_mp50 : d->t_mp25, name, r->rack_id, &r->top, FALSE, NULL);
  if (enlace_builder_failed (b))
    return FALSE;
  memcpy (r->mp_ports, enlace_builder_ports (b), (B->big_voice ? 49 : 25) * sizeof (gint64));
  return TRUE;
}

/* The telecom room's rack, top down: fibre, data panels and switches
 * interleaved, voice panels, multipair panel. */
static gboolean
fit_telecom_room (Demo                    *d,
                  const DemoBuilding      *B,
                  const DemoFloor         *F,
                  const EnlaceFloorLayout *layout,
                  TelecomRoom             *r)
{
  EnlaceBuilder *b = d->b;
  g_autofree char *rack_name = g_strdup_printf ("%s-R1", r->tr);
  g_autofree char *fo_name = g_strdup_printf ("%s-FO1", r->tr);

  r->rack_x = round2 (r->x + 1.5);
  r->rack_y = round2 (r->y + layout->depth / 2);
  r->rack_id = enlace_builder_rack (b, r->space_id, rack_name, RACK_U, r->rack_x, r->rack_y, 0);
  r->top = RACK_U;

  racked (d, d->t_fo12, fo_name, r->rack_id, &r->top, FALSE, NULL);
  if (enlace_builder_failed (b))
    return FALSE;
  memcpy (r->fo_ports, enlace_builder_ports (b), sizeof r->fo_ports);
  r->top--;

  r->n_dp = (r->nd + 47) / 48;
  r->nd_ports = r->n_dp * 48;
  r->n_sw = MAX ((r->n_patched + 47) / 48, 1u);
  r->n_vp = (r->nv + 23) / 24;
  r->d_front = g_new0 (gint64, r->nd_ports);
  r->d_rear = g_new0 (gint64, r->nd_ports);
  r->d_label = g_new0 (char *, r->nd_ports + 1);
  r->v_front = g_new0 (gint64, r->n_vp * 24 + 1);
  r->v_rear = g_new0 (gint64, r->n_vp * 24 + 1);
  r->v_label = g_new0 (char *, r->n_vp * 24 + 1);

  return fit_data (d, B, F, r) && fit_voice (d, B, r);
}

/* Backbone from the telecom room to the SITE: 12 fibre strands (OM3
 * inside Rectoría, OS2 from the other buildings) and a multipair cable. */
static void
write_backbone (Demo                    *d,
                const DemoBuilding      *B,
                guint                    bi,
                const DemoFloor         *F,
                const EnlaceFloorLayout *layout,
                TelecomRoom             *r)
{
  EnlaceBuilder *b = d->b;
  EnlaceBuilderCable c = { 0 };
  g_autofree char *fo_label = g_strdup_printf ("%s/R-SITE-FO1", r->tr);
  g_autofree char *mp_label = g_strdup_printf ("%s/R-SITE-MP1", r->tr);
  guint panel = d->fo_next / 4, rear = d->fo_next % 4;
  double len = fabs (r->rack_x - 4.5) + fabs (r->rack_y - enlace_floor_layout_corridor_y (layout))
               + F->level * 3.6 + campus_distance[bi] + 10.0;

  d->fo_next++;
  c.label = fo_label;
  c.kind = "backbone";
  c.type = bi == 0 ? "om3" : "os2";
  c.color = bi == 0 ? "aqua" : "amarillo";
  c.length_m = round1 (len);
  enlace_builder_cable (b, &c, r->fo_ports[12], d->fo_ports[panel][48 + rear]);

  for (guint s = 0; s < r->n_sw; s++)
    {
      EnlaceBuilderCable pc = { 0 };
      g_autofree char *l1 = g_strdup_printf ("PC-%s-FO1-%02u", r->tr, s + 1);
      g_autofree char *l2 = g_strdup_printf ("PC-R-SITE-%s-%02u", r->tr, s + 1);

      pc.kind = "patch-cord";
      pc.type = bi == 0 ? "om3" : "os2";
      pc.color = c.color;
      pc.length_m = 2.0;
      pc.label = l1;
      enlace_builder_cable (b, &pc, r->sw_ports[s][48], r->fo_ports[s]);
      pc.label = l2;
      pc.length_m = 3.0;
      enlace_builder_cable (b, &pc, d->fo_ports[panel][rear * 12 + s], d->core_ports[d->core_next++]);
    }

  c.label = mp_label;
  c.type = "multipair";
  c.color = "gris";
  c.length_m = round1 (len + 2.0);
  if (B->big_voice)
    {
      guint blk = d->blk50_next / 2, rr = d->blk50_next % 2;

      d->blk50_next++;
      for (guint i = 0; i < 50; i++)
        r->land_front[i] = d->blk50_ports[blk][rr * 50 + i];
      c.pairs = 50;
      enlace_builder_cable (b, &c, r->mp_ports[48], d->blk50_ports[blk][100 + rr]);
    }
  else
    {
      guint rr = d->blk25_next++;

      for (guint i = 0; i < 25; i++)
        r->land_front[i] = d->blk25_ports[rr * 25 + i];
      c.pairs = 25;
      enlace_builder_cable (b, &c, r->mp_ports[24], d->blk25_ports[100 + rr]);
    }
}

/* The voice jack @vi cross-connected through the multipair to a line of
 * the conmutador, and its extension. */
static void
write_extension (Demo               *d,
                 const DemoBuilding *B,
                 const DemoSpace    *s,
                 TelecomRoom        *r)
{
  EnlaceBuilder *b = d->b;
  EnlaceBuilderCable pc = { 0 };
  g_autofree char *l1 = g_strdup_printf ("PC-%s", r->v_label[r->vi]);
  g_autofree char *number = g_strdup_printf ("%u", B->first_ext + d->n_ext_building++);
  g_autofree char *l2 = g_strdup_printf ("PC-R-SITE-X%s", number);
  gint64 pbx_port = d->pbx_ports[d->pbx_next++];
  gint64 person = person_for (d, s->area);
  gint64 person_id = person > 0 ? d->person_ids[person - 1] : 0;
  gint64 ext;

  pc.label = l1;
  pc.kind = "patch-cord";
  pc.type = "cat5e";
  pc.color = "blanco";
  pc.length_m = 1.0;
  enlace_builder_cable (b, &pc, r->v_front[r->vi], r->mp_ports[r->line]);
  pc.label = l2;
  pc.type = "cat3";
  pc.length_m = 1.5;
  enlace_builder_cable (b, &pc, r->land_front[r->line], pbx_port);
  r->line++;

  d->n_ext++;
  ext = enlace_builder_extension (b, number, person_id, person_id ? NULL : s->name,
                                  area_id (d, s->area),
                                  d->n_ext == 7 || d->n_ext == 23 ? "suspended" : "active",
                                  pbx_port);
  enlace_builder_extension_status (b, ext, "2019-08-05T09:00:00", "active",
                                   "Alta del servicio al inaugurar la red del campus");
  if (d->n_ext == 7)
    enlace_builder_extension_status (b, ext, "2025-03-10T10:30:00", "suspended",
                                     "Licencia médica del titular; se reactiva a su regreso");
  else if (d->n_ext == 23)
    enlace_builder_extension_status (b, ext, "2025-06-02T12:00:00", "suspended",
                                     "Adeudo de llamadas de larga distancia");
  if (person_id)
    enlace_builder_person_phone (b, person_id, number);
}

/* Outlet @n of the floor, its horizontal links, patch cords and
 * extension.  FALSE when the builder failed. */
static gboolean
write_outlet (Demo                    *d,
              const DemoBuilding      *B,
              const DemoFloor         *F,
              const EnlaceFloorLayout *layout,
              TelecomRoom             *r,
              const Outlet            *o,
              guint                    n)
{
  EnlaceBuilder *b = d->b;
  const DemoSpace *s = &F->spaces[o->si];
  EnlaceBuilderPlace place = { 0 };
  EnlaceBuilderCable c = { 0 };
  g_autofree char *name = g_strdup_printf ("%s-%03u", r->tr, n + 1);
  const char *cable_status = o->planned ? "planned" : o->retired ? "decommissioned" : "installed";
  gint64 p[4];
  double len;

  place.space_id = o->space_id;
  place.has_xy = TRUE;
  place.x = o->x;
  place.y = o->y;
  place.rotation = o->rot;
  place.status = o->planned ? "planned" : o->retired ? "retired" : "active";
  if (o->retired)
    place.comments = "Nodo dado de baja por remodelación del acervo; cable pendiente de retiro";
  else if (o->planned)
    place.comments = "Laboratorio en obra: nodos proyectados";
  enlace_builder_device (b, o->dv ? d->t_dv : d->t_dd, name, &place);
  if (enlace_builder_failed (b))
    return FALSE;
  memcpy (p, enlace_builder_ports (b), sizeof p);

  len = enlace_floor_layout_horizontal_length (layout, o->x, o->y, r->rack_x, r->rack_y) + 1.5;
  c.kind = "horizontal";
  c.type = "cat6";
  c.status = cable_status;
  c.length_m = round1 (len);

  /* data jacks: D (front 0, rear 2), or D1 and D2 (fronts 0-1, rears 2-3) */
  for (guint j = 0; j < (o->dv ? 1u : 2u); j++, r->di++)
    {
      c.label = r->d_label[r->di];
      c.color = "azul";
      enlace_builder_cable (b, &c, p[2 + j], r->d_rear[r->di]);
      if (o->patched)
        {
          EnlaceBuilderCable pc = { 0 };
          g_autofree char *pl = g_strdup_printf ("PC-%s", r->d_label[r->di]);

          pc.label = pl;
          pc.kind = "patch-cord";
          pc.type = "cat6";
          pc.color = "azul";
          pc.length_m = 1.0;
          enlace_builder_cable (b, &pc, r->d_front[r->di], r->sw_ports[r->next_d / 48][r->next_d % 48]);
          r->next_d++;
        }
    }

  if (!o->dv)
    return TRUE;

  c.label = r->v_label[r->vi];
  c.color = "blanco";
  c.length_m = round1 (len + 0.3);
  enlace_builder_cable (b, &c, p[3], r->v_rear[r->vi]);
  if (o->ext)
    write_extension (d, B, s, r);
  r->vi++;
  return TRUE;
}

static void
write_floor (Demo               *d,
             const DemoBuilding *B,
             guint               bi,
             gint64              building_id,
             const DemoFloor    *F)
{
  const EnlaceFloorLayout layout = { B->depth, CORRIDOR };
  g_autoptr(GArray) outlets = g_array_new (FALSE, TRUE, sizeof (Outlet));
  TelecomRoom room = { 0 };
  gint64 floor_id;

  room.tr = g_strdup_printf ("%s-%dA", B->code, F->level);
  floor_id = enlace_builder_floor (d->b, building_id, F->level, F->name, 3.6);
  write_spaces (d, &layout, floor_id, F, outlets, &room);
  if (F->level == 0 && bi == 0)
    write_site (d);
  if (!enlace_builder_failed (d->b) && room.space_id != 0 &&
      fit_telecom_room (d, B, F, &layout, &room))
    {
      write_backbone (d, B, bi, F, &layout, &room);
      for (guint n = 0; n < outlets->len; n++)
        if (!write_outlet (d, B, F, &layout, &room, &g_array_index (outlets, Outlet, n), n))
          break;
    }
  telecom_room_clear (&room);
}

static void
write_campus (Demo *d)
{
  EnlaceBuilder *b = d->b;

  d->site_id = enlace_builder_site (b, "CC", "Campus Central",
                                    "Campus Central de la Universidad Tecnológica del Valle");
  define_types (d);
  write_people (d);

  for (guint bi = 0; bi < G_N_ELEMENTS (buildings) && !enlace_builder_failed (b); bi++)
    {
      const DemoBuilding *B = &buildings[bi];
      gint64 building_id = enlace_builder_building (b, d->site_id, B->code, B->name, B->address);

      d->n_ext_building = 0;
      for (guint f = 0; f < B->n_floors && !enlace_builder_failed (b); f++)
        write_floor (d, B, bi, building_id, &B->floors[f]);
    }

  /* A line that was given up when Planeación merged into Rectoría. */
  {
    gint64 ext = enlace_builder_extension (b, "1099", 0, "Ex-Dirección de Planeación",
                                           area_id (d, "REC"), "cancelled", 0);

    enlace_builder_extension_status (b, ext, "2019-08-05T09:00:00", "active",
                                     "Alta del servicio al inaugurar la red del campus");
    enlace_builder_extension_status (b, ext, "2024-11-29T13:15:00", "cancelled",
                                     "Área fusionada con Rectoría; la línea se dio de baja");
  }
}

/* The university's emblem for the header of its documents: a shield
 * with the valley (two hills and a river) and the initials. */
static const char demo_logo_svg[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"132\" viewBox=\"0 0 120 132\">\n"
  "  <path d=\"M6 6 H114 V70 C114 104 88 122 60 128 C32 122 6 104 6 70 Z\" fill=\"#1a5fb4\" stroke=\"#0b3a75\" stroke-width=\"4\"/>\n"
  "  <path d=\"M14 68 L42 36 L60 54 L80 30 L106 68 Z\" fill=\"#ffffff\"/>\n"
  "  <path d=\"M20 80 C40 70 56 92 76 82 C88 76 96 78 102 80\" fill=\"none\" stroke=\"#99c1f1\" stroke-width=\"6\" stroke-linecap=\"round\"/>\n"
  "  <text x=\"60\" y=\"112\" text-anchor=\"middle\" font-family=\"sans-serif\" font-weight=\"bold\" font-size=\"24\" fill=\"#ffffff\">UTV</text>\n"
  "</svg>\n";

gboolean
enlace_demo_populate (EnlaceStore  *store,
                      GError      **error)
{
  Demo d = { 0 };
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) logo = g_bytes_new_static (demo_logo_svg, sizeof demo_logo_svg - 1);
  gboolean ok;

  g_return_val_if_fail (ENLACE_IS_STORE (store), FALSE);

  if (!enlace_store_begin (store, _("Demo campus"), error))
    return FALSE;
  if (!enlace_store_begin_bulk (store, error))
    {
      enlace_store_rollback (store);
      return FALSE;
    }

  d.b = enlace_builder_new (store);
  write_campus (&d);
  ok = enlace_builder_finish (d.b, &local);
  g_clear_pointer (&d.area_ids, g_hash_table_unref);
  g_clear_pointer (&d.queues, g_ptr_array_unref);
  g_clear_pointer (&d.person_ids, g_free);

  if (ok)
    ok = enlace_store_end_bulk (store, &local);
  if (ok)
    ok = enlace_store_set_meta (store, "institution", "Universidad Tecnológica del Valle", &local)
         && enlace_store_set_meta (store, "author", "Departamento de Comunicaciones y Enlaces", &local)
         && enlace_store_set_logo (store, logo, &local)
         && enlace_demo_add_plans (store, &local);
  if (!ok)
    {
      enlace_store_rollback (store);
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s", _("Cannot write the demo campus: "));
      return FALSE;
    }
  return enlace_store_commit (store, error);
}

char *
enlace_demo_ensure_file (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "enlace", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.enlace", NULL);
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *tmp = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size > 0)
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder “%s” for the demo campus: %s"), dir, g_strerror (saved));
      return NULL;
    }

  /* Built under a name of its own, then renamed into place: a process
   * that finds the demo finds it whole (tests running side by side). */
  tmp = g_strdup_printf ("%s.%d.tmp", path, (int) getpid ());
  g_unlink (tmp);
  store = enlace_store_open (tmp, ENLACE_STORE_OPEN_CREATE, error);
  if (store == NULL)
    return NULL;
  if (!enlace_demo_populate (store, &local) || !enlace_demo_add_cases (store, &local)
      || !enlace_demo_add_design (store, &local))
    {
      g_clear_object (&store);
      g_unlink (tmp);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  g_clear_object (&store);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot put the demo campus at “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&path);
}
