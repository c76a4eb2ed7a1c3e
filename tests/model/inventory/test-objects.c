/* test-objects.c: the rules of the inventory model, one test per rule;
 * create, read, update and delete of every kind; undo and redo; the audit
 * log.  Every refusal is checked to change nothing. */
#include "config.h"

#include <string.h>

#include "enlace-store-private.h"
#include "enlace-inventory.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static JsonObject *
values_va (const char *first,
           va_list     args)
{
  JsonObject *v = json_object_new ();

  for (const char *f = first; f; f = va_arg (args, const char *))
    {
      const char *val = va_arg (args, const char *);
      json_object_set_string_member (v, f, val);
    }
  return v;
}

/* add (store, "device", "name", "SW1", "rack_id", "R1", NULL): values are
 * strings as a person types them; references by readable key. */
static gint64
add (EnlaceStore *s,
     const char  *kind,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = NULL;
  va_list args;
  const char *first;
  gint64 id;

  va_start (args, kind);
  first = va_arg (args, const char *);
  v = values_va (first, args);
  va_end (args);
  id = enlace_store_create (s, kind, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set (EnlaceStore *s,
     const char  *kind,
     const char  *key,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = NULL;
  va_list args;
  const char *first;
  gint64 id = enlace_store_lookup (s, kind, key, &error);

  g_assert_no_error (error);
  va_start (args, key);
  first = va_arg (args, const char *);
  v = values_va (first, args);
  va_end (args);
  g_assert_true (enlace_store_update (s, kind, id, v, &error));
  g_assert_no_error (error);
}

static gint64
id_of (EnlaceStore *s,
       const char  *kind,
       const char  *key)
{
  g_autoptr(GError) error = NULL;
  gint64 id = enlace_store_lookup (s, kind, key, &error);

  g_assert_no_error (error);
  return id;
}

/* Every object of every kind, the cable ends and the length of the log. */
static char *
snapshot (EnlaceStore *s)
{
  GString *out = g_string_new (NULL);
  const EnlaceKind **kinds = enlace_kinds_all ();

  for (guint k = 0; kinds[k]; k++)
    {
      g_autoptr(GPtrArray) rows = enlace_store_list (s, kinds[k]->name, 0, NULL);

      g_assert_nonnull (rows);
      for (guint i = 0; i < rows->len; i++)
        {
          g_autoptr(JsonNode) n = json_node_init_object (json_node_alloc (), g_ptr_array_index (rows, i));
          g_autofree char *text = json_to_string (n, FALSE);

          g_string_append_printf (out, "%s %s\n", kinds[k]->name, text);
          if (strcmp (kinds[k]->name, "cable") == 0)
            {
              g_autoptr(GArray) a = NULL;
              g_autoptr(GArray) b = NULL;
              gint64 id = json_object_get_int_member (g_ptr_array_index (rows, i), "id");

              g_assert_true (enlace_inventory_cable_ends (s, id, &a, &b, NULL));
              for (guint j = 0; j < a->len; j++)
                g_string_append_printf (out, "  A %" G_GINT64_FORMAT "\n", g_array_index (a, EnlaceTerm, j).id);
              for (guint j = 0; j < b->len; j++)
                g_string_append_printf (out, "  B %" G_GINT64_FORMAT "\n", g_array_index (b, EnlaceTerm, j).id);
            }
        }
    }
  g_string_append_printf (out, "commands %u\n", enlace_inventory_log_length (s));
  return g_string_free (out, FALSE);
}

static char *
strip_commands (const char *snap)
{
  const char *p = strstr (snap, "commands ");
  return g_strndup (snap, p ? (gsize) (p - snap) : strlen (snap));
}

/* Same rows (the audit log aside) */
#define assert_same_rows(a, b) G_STMT_START {            \
    g_autofree char *sa_ = strip_commands (a);           \
    g_autofree char *sb_ = strip_commands (b);           \
    g_assert_cmpstr (sa_, ==, sb_);                      \
  } G_STMT_END

/* Asserts that creating (id == 0) or updating an object is refused with
 * @code, with a message holding @needle, and that nothing changed. */
static void
refuse_va (EnlaceStore *s,
           const char  *kind,
           const char  *key,
           int          code,
           const char  *needle,
           const char  *first,
           va_list      args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = values_va (first, args);
  g_autofree char *before = snapshot (s);
  g_autofree char *after = NULL;

  if (key == NULL)
    g_assert_cmpint (enlace_store_create (s, kind, v, &error), ==, 0);
  else
    g_assert_false (enlace_store_update (s, kind, id_of (s, kind, key), v, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("refused: %s", error->message);
  if (needle && strstr (error->message, needle) == NULL)
    g_error ("message “%s” does not mention “%s”", error->message, needle);
  after = snapshot (s);
  g_assert_cmpstr (before, ==, after);
}

static void
refuse_add (EnlaceStore *s,
            const char  *kind,
            int          code,
            const char  *needle,
            ...)
{
  va_list args;
  const char *first;

  va_start (args, needle);
  first = va_arg (args, const char *);
  refuse_va (s, kind, NULL, code, needle, first, args);
  va_end (args);
}

static void
refuse_set (EnlaceStore *s,
            const char  *kind,
            const char  *key,
            int          code,
            const char  *needle,
            ...)
{
  va_list args;
  const char *first;

  va_start (args, needle);
  first = va_arg (args, const char *);
  refuse_va (s, kind, key, code, needle, first, args);
  va_end (args);
}

static gint64
connect_keys (EnlaceStore *s,
              const char  *a,
              const char  *b,
              const char  *label,
              GError     **error)
{
  EnlaceTerm ta, tb;
  g_autoptr(JsonObject) cable = json_object_new ();

  g_assert_true (enlace_store_lookup_term (s, a, &ta, NULL));
  g_assert_true (enlace_store_lookup_term (s, b, &tb, NULL));
  if (label)
    json_object_set_string_member (cable, "label", label);
  return enlace_store_connect (s, &ta, 1, &tb, 1, cable, error);
}

static gint64
cable (EnlaceStore *s,
       const char  *a,
       const char  *b,
       const char  *label)
{
  g_autoptr(GError) error = NULL;
  gint64 id = connect_keys (s, a, b, label, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A small campus: site UNI; buildings A and B; floors A/1, A/2, B/1;
 * telecom rooms A/1/1A, A/2/2A, B/1/1A and an office A/1/101; racks R1 and
 * R2 (42 U) in A/1/1A, R3 in B/1/1A; device types:
 *   Acme/SW4   1 U full depth switch, interfaces g1…g4 (copper)
 *   Acme/PP4   1 U half depth patch panel, fronts f1…f4, rear r1 with 4
 *              positions mapped f_i → r1/i
 *   Acme/BIG   3 U full depth server
 *   Acme/PDU   0 U
 *   Acme/FO    1 U fibre switch, interfaces x1, x2 (fibre, LC)
 *   Acme/JACK  0 U outlet faceplate with jack j1 (copper) and v1 (voice) */
static EnlaceStore *
campus (void)
{
  g_autoptr(GError) error = NULL;
  EnlaceStore *s = enlace_store_new_memory (&error);

  g_assert_no_error (error);
  enlace_store_set_user (s, "tester");

  add (s, "site", "code", "UNI", "name", "Universidad", NULL);
  add (s, "building", "site_id", "UNI", "code", "A", "name", "Edificio A", NULL);
  add (s, "building", "site_id", "UNI", "code", "B", "name", "Edificio B", NULL);
  add (s, "floor", "building_id", "A", "level", "1", "name", "Planta 1", NULL);
  add (s, "floor", "building_id", "A", "level", "2", "name", "Planta 2", NULL);
  add (s, "floor", "building_id", "B", "level", "1", "name", "Planta 1", NULL);
  add (s, "space", "floor_id", "A/1", "code", "1A", "kind", "telecom-room", NULL);
  add (s, "space", "floor_id", "A/1", "code", "101", "kind", "office", NULL);
  add (s, "space", "floor_id", "A/2", "code", "2A", "kind", "telecom-room", NULL);
  add (s, "space", "floor_id", "B/1", "code", "1A", "kind", "telecom-room", NULL);
  add (s, "rack", "space_id", "A/1/1A", "name", "R1", "u_height", "42", NULL);
  add (s, "rack", "space_id", "A/1/1A", "name", "R2", "u_height", "42", NULL);
  add (s, "rack", "space_id", "B/1/1A", "name", "R3", "u_height", "42", NULL);

  add (s, "device-type", "manufacturer", "Acme", "model", "SW4", "u_height", "1", "full_depth", "true", "role", "switch", NULL);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("g%u", i);
      add (s, "port-template", "device_type_id", "Acme/SW4", "kind", "interface", "name", name, NULL);
    }
  add (s, "device-type", "manufacturer", "Acme", "model", "PP4", "u_height", "1", "full_depth", "false", "role", "patch-panel", NULL);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u", i);
      g_autofree char *seq = g_strdup_printf ("%u", i);
      add (s, "port-template", "device_type_id", "Acme/PP4", "kind", "front", "name", name, "seq", seq, NULL);
    }
  add (s, "port-template", "device_type_id", "Acme/PP4", "kind", "rear", "name", "r1", "positions", "4", "seq", "9", NULL);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u", i);
      g_autofree char *pos = g_strdup_printf ("%u", i);
      add (s, "mapping-template", "device_type_id", "Acme/PP4", "front_name", name, "front_pos", "1",
           "rear_name", "r1", "rear_pos", pos, NULL);
    }
  add (s, "device-type", "manufacturer", "Acme", "model", "BIG", "u_height", "3", "full_depth", "true", "role", "server", NULL);
  add (s, "device-type", "manufacturer", "Acme", "model", "PDU", "u_height", "0", "full_depth", "false", "role", "other", NULL);
  add (s, "device-type", "manufacturer", "Acme", "model", "FO", "u_height", "1", "role", "switch", NULL);
  add (s, "port-template", "device_type_id", "Acme/FO", "kind", "interface", "name", "x1", "medium", "fibre", "connector", "LC", NULL);
  add (s, "port-template", "device_type_id", "Acme/FO", "kind", "interface", "name", "x2", "medium", "fibre", "connector", "LC", NULL);
  add (s, "device-type", "manufacturer", "Acme", "model", "JACK", "u_height", "0", "role", "outlet", NULL);
  add (s, "port-template", "device_type_id", "Acme/JACK", "kind", "interface", "name", "j1", NULL);
  add (s, "port-template", "device_type_id", "Acme/JACK", "kind", "interface", "name", "v1", "medium", "voice", "connector", "110", NULL);
  return s;
}

/* ------------------------------------------------------------------ */
/* Racks                                                               */

static void
test_rack_height (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "rack", ENLACE_STORE_ERROR_INVALID, "1 to 100 units",
              "space_id", "A/1/1A", "name", "R9", "u_height", "0", NULL);
  refuse_add (s, "rack", ENLACE_STORE_ERROR_INVALID, "R9",
              "space_id", "A/1/1A", "name", "R9", "u_height", "101", NULL);
  add (s, "rack", "space_id", "A/1/1A", "name", "R9", "u_height", "100", NULL);
  add (s, "rack", "space_id", "A/1/1A", "name", "R10", "u_height", "1", NULL);
  refuse_set (s, "rack", "R10", ENLACE_STORE_ERROR_INVALID, "1 to 100", "u_height", "-4", NULL);
}

static void
test_rack_shrink (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "SRV", "device_type_id", "Acme/BIG", "rack_id", "R1", "u_position", "20", NULL);
  /* SRV takes units 20–22 */
  refuse_set (s, "rack", "R1", ENLACE_STORE_ERROR_CONFLICT, "SRV", "u_height", "21", NULL);
  set (s, "rack", "R1", "u_height", "22", NULL);
  refuse_set (s, "rack", "R1", ENLACE_STORE_ERROR_CONFLICT, "units 20–22", "u_height", "10", NULL);
}

static void
test_rack_move_building (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(JsonObject) sw = NULL;

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "40", NULL);
  add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "39",
       "face", "front", "space_id", "A/1/1A", NULL);
  add (s, "device", "name", "SW2", "device_type_id", "Acme/SW4", "rack_id", "R2", "u_position", "40", NULL);

  /* A cable inside the rack moves with it. */
  cable (s, "SW1:g1", "PP1:f1", "P-1");
  set (s, "rack", "R1", "space_id", "A/2/2A", NULL);
  sw = enlace_store_get (s, "device", id_of (s, "device", "PP1"), NULL);
  /* the devices of a rack follow it to its new space */
  g_assert_cmpint (json_object_get_int_member (sw, "space_id"), ==, id_of (s, "space", "A/2/2A"));
  set (s, "rack", "R1", "space_id", "B/1/1A", NULL);
  set (s, "rack", "R1", "space_id", "A/1/1A", NULL);

  /* A cable to another rack: the rack cannot leave the building. */
  cable (s, "SW1:g2", "SW2:g1", "P-2");
  refuse_set (s, "rack", "R1", ENLACE_STORE_ERROR_CONFLICT, "building “B”", "space_id", "B/1/1A", NULL);
  /* but may move within it */
  set (s, "rack", "R1", "space_id", "A/2/2A", NULL);
}

/* ------------------------------------------------------------------ */
/* Devices in racks                                                    */

static void
test_device_fit (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "units 41–43 exceed its 42 units",
              "name", "SRV", "device_type_id", "Acme/BIG", "rack_id", "R1", "u_position", "41", NULL);
  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "below unit 1",
              "name", "SRV", "device_type_id", "Acme/BIG", "rack_id", "R1", "u_position", "0", NULL);
  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "unit 43 exceeds",
              "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "43", NULL);
  add (s, "device", "name", "SRV", "device_type_id", "Acme/BIG", "rack_id", "R1", "u_position", "40", NULL);
  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "1", NULL);
  refuse_set (s, "device", "SRV", ENLACE_STORE_ERROR_CONFLICT, "does not fit", "u_position", "41", NULL);
}

static void
test_device_half_unit (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "device", ENLACE_STORE_ERROR_INVALID, "half unit",
              "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "10.3", NULL);
  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "10.5", NULL);
  /* 10.5 takes 10.5–11.5: 11 is taken, 11.5 is free */
  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "taken by “SW1”",
              "name", "SW2", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "11", NULL);
  add (s, "device", "name", "SW2", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "11.5", NULL);
  add (s, "device", "name", "SW3", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "9.5", NULL);
}

static void
test_device_overlap (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "PP-1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "12", "face", "front", NULL);
  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "Unit 12 of rack “R1” is already taken by “PP-1”",
              "name", "PP-2", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "12", "face", "front", NULL);
  /* a 3 U device reaching down onto unit 12 */
  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "Unit 12 of rack “R1”",
              "name", "SRV", "device_type_id", "Acme/BIG", "rack_id", "R1", "u_position", "10", NULL);
  add (s, "device", "name", "SRV", "device_type_id", "Acme/BIG", "rack_id", "R1", "u_position", "13", NULL);
  /* the same unit in another rack is free */
  add (s, "device", "name", "PP-2", "device_type_id", "Acme/PP4", "rack_id", "R2", "u_position", "12", "face", "front", NULL);
  /* moving onto a taken unit is refused too */
  refuse_set (s, "device", "PP-2", ENLACE_STORE_ERROR_CONFLICT, "taken by “SRV”", "rack_id", "R1", "u_position", "14", NULL);
  /* a device does not overlap itself */
  set (s, "device", "SRV", "u_position", "14", NULL);
}

static void
test_device_faces (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  /* half-depth panels front and rear at the same unit */
  add (s, "device", "name", "PP-F", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "20", "face", "front", NULL);
  add (s, "device", "name", "PP-R", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "20", "face", "rear", NULL);
  /* a full-depth switch takes both faces */
  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "Unit 20",
              "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "20", "face", "rear", NULL);
  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "30", "face", "rear", NULL);
  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "taken by “SW1”",
              "name", "PP-X", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "30", "face", "front", NULL);
  /* turning a panel to the other face where that face is taken */
  add (s, "device", "name", "PP-3", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "21", "face", "front", NULL);
  refuse_set (s, "device", "PP-3", ENLACE_STORE_ERROR_CONFLICT, "PP-R", "u_position", "20", "face", "rear", NULL);
}

static void
test_device_zero_u (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "10", NULL);
  /* a 0 U device needs no unit and takes none */
  add (s, "device", "name", "PDU-1", "device_type_id", "Acme/PDU", "rack_id", "R1", NULL);
  add (s, "device", "name", "PDU-2", "device_type_id", "Acme/PDU", "rack_id", "R1", "u_position", "10", NULL);
  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "does not fit",
              "name", "PDU-3", "device_type_id", "Acme/PDU", "rack_id", "R1", "u_position", "50", NULL);
}

static void
test_device_unit_required (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "device", ENLACE_STORE_ERROR_INVALID, "needs a unit position",
              "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", NULL);
  /* a device with no type counts as 1 U */
  refuse_add (s, "device", ENLACE_STORE_ERROR_INVALID, "needs a unit position",
              "name", "X", "rack_id", "R1", NULL);
  add (s, "device", "name", "X", "rack_id", "R1", "u_position", "42", NULL);
  refuse_set (s, "device", "X", ENLACE_STORE_ERROR_INVALID, "needs a unit position", "u_position", "", NULL);
}

static void
test_device_unit_without_rack (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "device", ENLACE_STORE_ERROR_INVALID, "no rack",
              "name", "SW1", "device_type_id", "Acme/SW4", "space_id", "A/1/1A", "u_position", "3", NULL);
  refuse_add (s, "device", ENLACE_STORE_ERROR_INVALID, "no rack",
              "name", "SW1", "device_type_id", "Acme/SW4", "space_id", "A/1/1A", "face", "front", NULL);
  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "space_id", "A/1/1A", "x", "1.5", "y", "2", NULL);
}

static void
test_device_rack_or_space (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "device", ENLACE_STORE_ERROR_INVALID, "either in a rack or in a space",
              "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "1",
              "space_id", "A/1/101", NULL);
  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "1",
       "space_id", "A/1/1A", NULL);
  add (s, "device", "name", "SW2", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "2", NULL);
  refuse_set (s, "device", "SW2", ENLACE_STORE_ERROR_INVALID, "rack “R1”", "space_id", "B/1/1A", NULL);
  /* leaving the rack for a space */
  set (s, "device", "SW2", "rack_id", "", "u_position", "", "space_id", "A/1/101", NULL);
}

static void
test_device_outlet (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "device", ENLACE_STORE_ERROR_INVALID, "must be in a space",
              "name", "O-1", "role", "outlet", NULL);
  refuse_add (s, "device", ENLACE_STORE_ERROR_INVALID, "cannot be in rack “R1”",
              "name", "O-1", "role", "outlet", "rack_id", "R1", "u_position", "3", NULL);
  add (s, "device", "name", "O-1", "role", "outlet", "device_type_id", "Acme/JACK",
       "space_id", "A/1/101", "x", "3", "y", "4", NULL);
  refuse_set (s, "device", "O-1", ENLACE_STORE_ERROR_INVALID, "must be in a space", "space_id", "", NULL);
}

static void
test_device_asset_tag (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "space_id", "A/1/1A", "asset_tag", "INV-1", NULL);
  refuse_add (s, "device", ENLACE_STORE_ERROR_CONFLICT, "INV-1",
              "name", "SW2", "device_type_id", "Acme/SW4", "space_id", "A/1/1A", "asset_tag", "INV-1", NULL);
}

static void
test_device_templates (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(GPtrArray) ports = NULL;
  g_autoptr(GPtrArray) maps = NULL;
  gint64 pp, r1;

  pp = add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "1", "face", "front", NULL);
  ports = enlace_store_list (s, "port", pp, NULL);
  g_assert_cmpuint (ports->len, ==, 5);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (ports, 0), "name"), ==, "f1");
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (ports, 4), "name"), ==, "r1");
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (ports, 4), "positions"), ==, 4);

  maps = enlace_store_list (s, "port-mapping", pp, NULL);
  g_assert_cmpuint (maps->len, ==, 4);
  r1 = id_of (s, "port", "PP1:r1");
  for (guint i = 0; i < maps->len; i++)
    {
      JsonObject *m = g_ptr_array_index (maps, i);
      g_autofree char *front = g_strdup_printf ("PP1:f%u", i + 1);

      g_assert_cmpint (json_object_get_int_member (m, "front_port_id"), ==, id_of (s, "port", front));
      g_assert_cmpint (json_object_get_int_member (m, "rear_port_id"), ==, r1);
      g_assert_cmpint (json_object_get_int_member (m, "rear_pos"), ==, i + 1);
    }

  /* the copy is part of the command: undo removes ports and mappings */
  g_assert_true (enlace_store_undo (s, NULL));
  g_assert_cmpuint (enlace_store_count (s, "port"), ==, 0);
  g_assert_cmpuint (enlace_store_count (s, "port-mapping"), ==, 0);
  g_assert_true (enlace_store_redo (s, NULL));
  g_assert_cmpuint (enlace_store_count (s, "port"), ==, 5);
  g_assert_cmpuint (enlace_store_count (s, "port-mapping"), ==, 4);

  /* a device with no type has no ports */
  add (s, "device", "name", "X", "space_id", "A/1/1A", NULL);
  g_assert_cmpuint (enlace_store_count (s, "port"), ==, 5);
}

static void
test_device_remove_cables (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  EnlaceTerm a[2], b[1];
  gint64 multi;

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "40", NULL);
  add (s, "device", "name", "SW2", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "38", NULL);
  add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "39", "face", "front", NULL);
  cable (s, "SW1:g1", "PP1:f1", "P-1");
  cable (s, "SW2:g1", "PP1:f2", "P-2");
  /* a cable with two ports at end A, one on SW1 and one on SW2 */
  g_assert_true (enlace_store_lookup_term (s, "SW1:g2", &a[0], NULL));
  g_assert_true (enlace_store_lookup_term (s, "SW2:g2", &a[1], NULL));
  g_assert_true (enlace_store_lookup_term (s, "PP1:f3", &b[0], NULL));
  multi = enlace_store_connect (s, a, 2, b, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (s, "cable"), ==, 3);
  before = snapshot (s);

  g_assert_true (enlace_store_delete (s, "device", id_of (s, "device", "SW1"), &error));
  g_assert_no_error (error);
  /* P-1 lost its only end A: gone.  The two-port cable keeps SW2:g2. */
  g_assert_cmpuint (enlace_store_count (s, "cable"), ==, 2);
  g_assert_cmpint (enlace_store_lookup (s, "cable", "P-1", NULL), ==, 0);
  {
    g_autoptr(GArray) ea = NULL;
    g_autoptr(GArray) eb = NULL;

    g_assert_true (enlace_inventory_cable_ends (s, multi, &ea, &eb, NULL));
    g_assert_cmpuint (ea->len, ==, 1);
    g_assert_cmpint (g_array_index (ea, EnlaceTerm, 0).id, ==, a[1].id);
  }
  {
    g_autoptr(GPtrArray) problems = enlace_store_check (s, NULL);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* undo brings back the device, its ports and the cable */
  g_assert_true (enlace_store_undo (s, &error));
  g_assert_no_error (error);
  after = snapshot (s);
  assert_same_rows (before, after);
  g_assert_cmpuint (enlace_store_count (s, "cable"), ==, 3);
  g_assert_cmpint (enlace_store_lookup (s, "cable", "P-1", NULL), >, 0);

  /* removing a whole building removes the cables of its devices */
  g_assert_true (enlace_store_delete (s, "building", id_of (s, "building", "A"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (enlace_store_count (s, "cable"), ==, 0);
  g_assert_cmpuint (enlace_store_count (s, "device"), ==, 0);
  g_assert_true (enlace_store_undo (s, &error));
  g_assert_cmpuint (enlace_store_count (s, "cable"), ==, 3);
}

static void
test_circuit_remove_cables (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add (s, "device", "name", "RT1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "40", NULL);
  add (s, "circuit", "cid", "TELMEX-1", "provider", "Telmex", NULL);
  add (s, "circuit-termination", "circuit_id", "TELMEX-1", "side", "A", "space_id", "A/1/1A", NULL);
  add (s, "circuit-termination", "circuit_id", "TELMEX-1", "side", "Z", NULL);
  cable (s, "TELMEX-1:A", "RT1:g1", "DEMARC-1");
  cable (s, "RT1:g2", "RT1:g3", "P-1");
  before = snapshot (s);

  /* removing the circuit removes the cable left with no end A */
  g_assert_true (enlace_store_delete (s, "circuit", id_of (s, "circuit", "TELMEX-1"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (s, "cable", "DEMARC-1", NULL), ==, 0);
  g_assert_cmpuint (enlace_store_count (s, "cable"), ==, 1);
  g_assert_true (enlace_store_undo (s, &error));
  after = snapshot (s);
  assert_same_rows (before, after);

  /* removing one port does the same for its cable only */
  g_assert_true (enlace_store_delete (s, "port", id_of (s, "port", "RT1:g2"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (enlace_store_lookup (s, "cable", "P-1", NULL), ==, 0);
  g_assert_cmpint (enlace_store_lookup (s, "cable", "DEMARC-1", NULL), >, 0);
  {
    g_autoptr(GPtrArray) problems = enlace_store_check (s, NULL);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_device_type_height (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "device-type", ENLACE_STORE_ERROR_INVALID, "half a unit",
              "manufacturer", "Acme", "model", "ODD", "u_height", "1.25", NULL);
  refuse_add (s, "device-type", ENLACE_STORE_ERROR_INVALID, "Acme/NEG",
              "manufacturer", "Acme", "model", "NEG", "u_height", "-1", NULL);
  add (s, "device-type", "manufacturer", "Acme", "model", "HALF", "u_height", "0.5", NULL);
  refuse_add (s, "device-type", ENLACE_STORE_ERROR_CONFLICT, "Acme/HALF",
              "manufacturer", "Acme", "model", "HALF", "u_height", "1", NULL);
}

static void
test_device_type_resize (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "10", NULL);
  add (s, "device", "name", "SW2", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "12", NULL);
  add (s, "device", "name", "SW3", "device_type_id", "Acme/SW4", "rack_id", "R2", "u_position", "42", NULL);
  /* 2 U: SW1 would take 10–11, fine; SW3 at 42 would not fit */
  refuse_set (s, "device-type", "Acme/SW4", ENLACE_STORE_ERROR_CONFLICT, "SW3", "u_height", "2", NULL);
  set (s, "device", "SW3", "u_position", "30", NULL);
  set (s, "device-type", "Acme/SW4", "u_height", "2", NULL);
  /* 3 U: SW1 (10–12) would overlap SW2 (12–14) */
  refuse_set (s, "device-type", "Acme/SW4", ENLACE_STORE_ERROR_CONFLICT, "Unit 12", "u_height", "3", NULL);
  /* half depth: two half-depth devices on different faces would be fine,
   * but these are both on the front */
  set (s, "device-type", "Acme/SW4", "full_depth", "false", NULL);
}

/* ------------------------------------------------------------------ */
/* Ports and mappings                                                  */

static void
test_port_positions (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "1", "face", "front", NULL);
  refuse_add (s, "port", ENLACE_STORE_ERROR_INVALID, "1–1024",
              "device_id", "PP1", "kind", "rear", "name", "r2", "positions", "0", NULL);
  refuse_add (s, "port", ENLACE_STORE_ERROR_INVALID, "1–1024",
              "device_id", "PP1", "kind", "rear", "name", "r2", "positions", "1025", NULL);
  add (s, "port", "device_id", "PP1", "kind", "rear", "name", "r2", "positions", "1024", NULL);
  /* the mappings use positions 1–4 of r1 */
  refuse_set (s, "port", "PP1:r1", ENLACE_STORE_ERROR_CONFLICT, "position 4", "positions", "3", NULL);
  set (s, "port", "PP1:r1", "positions", "6", NULL);
  refuse_add (s, "port", ENLACE_STORE_ERROR_CONFLICT, "already has a port “f1”",
              "device_id", "PP1", "kind", "front", "name", "f1", NULL);
}

static void
test_port_mapped_kind (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "1", "face", "front", NULL);
  refuse_set (s, "port", "PP1:f1", ENLACE_STORE_ERROR_CONFLICT, "front-to-rear mapping", "kind", "interface", NULL);
  refuse_set (s, "port", "PP1:r1", ENLACE_STORE_ERROR_CONFLICT, "must stay a rear port", "kind", "front", NULL);
  set (s, "port", "PP1:f1", "label", "Oficina 101", NULL);
}

static void
test_port_mapping_kinds (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "1", "face", "front", NULL);
  add (s, "port", "device_id", "PP1", "kind", "interface", "name", "mgmt", NULL);
  refuse_add (s, "port-mapping", ENLACE_STORE_ERROR_INVALID, "not front",
              "device_id", "PP1", "front_port_id", "PP1:mgmt", "rear_port_id", "PP1:r1", "rear_pos", "1", NULL);
  refuse_add (s, "port-mapping", ENLACE_STORE_ERROR_INVALID, "not rear",
              "device_id", "PP1", "front_port_id", "PP1:f1", "rear_port_id", "PP1:f2", NULL);
  /* front and rear swapped */
  refuse_add (s, "port-mapping", ENLACE_STORE_ERROR_INVALID, "“r1”",
              "device_id", "PP1", "front_port_id", "PP1:r1", "rear_port_id", "PP1:f1", NULL);
  add (s, "port", "device_id", "PP1", "kind", "front", "name", "f5", NULL);
  add (s, "port-mapping", "device_id", "PP1", "front_port_id", "PP1:f5", "rear_port_id", "PP1:r1", "rear_pos", "4", NULL);
}

static void
test_port_mapping_device (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "1", "face", "front", NULL);
  add (s, "device", "name", "PP2", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "2", "face", "front", NULL);
  refuse_add (s, "port-mapping", ENLACE_STORE_ERROR_INVALID, "mapping's device",
              "device_id", "PP1", "front_port_id", "PP1:f1", "rear_port_id", "PP2:r1", "rear_pos", "2", NULL);
  refuse_add (s, "port-mapping", ENLACE_STORE_ERROR_INVALID, "“PP2”",
              "device_id", "PP1", "front_port_id", "PP2:f1", "rear_port_id", "PP1:r1", "rear_pos", "2", NULL);
}

static void
test_port_mapping_positions (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "1", "face", "front", NULL);
  add (s, "port", "device_id", "PP1", "kind", "front", "name", "f5", NULL);
  refuse_add (s, "port-mapping", ENLACE_STORE_ERROR_INVALID, "position 5 does not exist",
              "device_id", "PP1", "front_port_id", "PP1:f5", "rear_port_id", "PP1:r1", "rear_pos", "5", NULL);
  refuse_add (s, "port-mapping", ENLACE_STORE_ERROR_INVALID, "position 0 does not exist",
              "device_id", "PP1", "front_port_id", "PP1:f5", "rear_port_id", "PP1:r1", "rear_pos", "0", NULL);
  refuse_add (s, "port-mapping", ENLACE_STORE_ERROR_INVALID, "position 2 does not exist",
              "device_id", "PP1", "front_port_id", "PP1:f5", "front_pos", "2", "rear_port_id", "PP1:r1", NULL);
  add (s, "port-mapping", "device_id", "PP1", "front_port_id", "PP1:f5", "rear_port_id", "PP1:r1", "rear_pos", "3", NULL);
}

static void
test_mapping_template_names (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "mapping-template", ENLACE_STORE_ERROR_INVALID, "no port “f9”",
              "device_type_id", "Acme/PP4", "front_name", "f9", "rear_name", "r1", NULL);
  refuse_add (s, "mapping-template", ENLACE_STORE_ERROR_INVALID, "position 5 does not exist",
              "device_type_id", "Acme/PP4", "front_name", "f1", "rear_name", "r1", "rear_pos", "5", NULL);
  refuse_add (s, "mapping-template", ENLACE_STORE_ERROR_INVALID, "not rear",
              "device_type_id", "Acme/PP4", "front_name", "f1", "rear_name", "f2", NULL);
  refuse_add (s, "port-template", ENLACE_STORE_ERROR_CONFLICT, "already has a port “f1”",
              "device_type_id", "Acme/PP4", "kind", "front", "name", "f1", NULL);
}

/* ------------------------------------------------------------------ */
/* Places                                                              */

static void
test_space_code_per_building (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  /* 1A exists on floor A/1: not on A/2 either */
  refuse_add (s, "space", ENLACE_STORE_ERROR_CONFLICT, "Building “A” already has a space “1A”",
              "floor_id", "A/2", "code", "1A", NULL);
  refuse_add (s, "space", ENLACE_STORE_ERROR_CONFLICT, "unique per building",
              "floor_id", "A/1", "code", "1A", NULL);
  /* building B has its own 1A already; 2A is free there */
  add (s, "space", "floor_id", "B/1", "code", "2A", NULL);
  refuse_set (s, "space", "A/2/2A", ENLACE_STORE_ERROR_CONFLICT, "“101”", "code", "101", NULL);
}

static void
test_space_other_building (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_set (s, "space", "A/1/101", ENLACE_STORE_ERROR_INVALID, "another building", "floor_id", "B/1", NULL);
  set (s, "space", "A/1/101", "floor_id", "A/2", NULL);
  g_assert_cmpint (enlace_store_lookup (s, "space", "A/2/101", NULL), >, 0);
}

static void
test_floor_level (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "floor", ENLACE_STORE_ERROR_CONFLICT, "level 1",
              "building_id", "A", "level", "1", "name", "Otra", NULL);
  refuse_add (s, "floor", ENLACE_STORE_ERROR_INVALID, "height",
              "building_id", "A", "level", "3", "name", "P3", "height", "0", NULL);
  add (s, "floor", "building_id", "A", "level", "-1", "name", "Sótano", "height", "3.2", NULL);
}

static void
test_floor_other_building (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_set (s, "floor", "A/2", ENLACE_STORE_ERROR_INVALID, "holds 1 space", "building_id", "B", NULL);
  add (s, "floor", "building_id", "A", "level", "3", "name", "P3", NULL);
  set (s, "floor", "A/3", "building_id", "B", NULL);
}

static void
test_circuit_termination_space (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "circuit", "cid", "TELMEX-1", "provider", "Telmex", NULL);
  refuse_add (s, "circuit-termination", ENLACE_STORE_ERROR_NOT_FOUND, NULL,
              "circuit_id", "TELMEX-1", "side", "A", "space_id", "#999", NULL);
  add (s, "circuit-termination", "circuit_id", "TELMEX-1", "side", "A", "space_id", "A/1/1A", NULL);
  refuse_add (s, "circuit-termination", ENLACE_STORE_ERROR_CONFLICT, "side A",
              "circuit_id", "TELMEX-1", "side", "A", NULL);
  add (s, "circuit-termination", "circuit_id", "TELMEX-1", "side", "Z", NULL);
  /* removing the space keeps the termination, with no space */
  g_assert_true (enlace_store_delete (s, "space", id_of (s, "space", "A/1/1A"), NULL));
  g_assert_cmpuint (enlace_store_count (s, "circuit-termination"), ==, 2);
}

static void
test_area_cycle (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "area", "code", "REC", "name", "Rectoría", NULL);
  add (s, "area", "code", "TI", "name", "Tecnologías", "parent_id", "REC", NULL);
  add (s, "area", "code", "RED", "name", "Redes", "parent_id", "TI", NULL);
  refuse_set (s, "area", "REC", ENLACE_STORE_ERROR_INVALID, "inside itself", "parent_id", "RED", NULL);
  refuse_set (s, "area", "TI", ENLACE_STORE_ERROR_INVALID, "inside itself", "parent_id", "TI", NULL);
}

static void
test_person_email (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "person", ENLACE_STORE_ERROR_INVALID, "e-mail",
              "name", "Ana", "email", "ana.example.org", NULL);
  refuse_add (s, "person", ENLACE_STORE_ERROR_INVALID, "e-mail",
              "name", "Ana", "email", "ana@", NULL);
  add (s, "person", "name", "Ana", "email", "ana@example.org", NULL);
}

/* ------------------------------------------------------------------ */
/* Cables                                                              */

static void
test_cable_label (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "40", NULL);
  add (s, "device", "name", "SW3", "device_type_id", "Acme/SW4", "rack_id", "R3", "u_position", "40", NULL);
  cable (s, "SW1:g1", "SW1:g2", "H-001");
  before = snapshot (s);
  /* labels are unique across the campus, so also in another building */
  g_assert_cmpint (connect_keys (s, "SW3:g1", "SW3:g2", "H-001", &error), ==, 0);
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "H-001"));
  after = snapshot (s);
  g_assert_cmpstr (before, ==, after);
  cable (s, "SW3:g1", "SW3:g2", "H-002");
  refuse_set (s, "cable", "H-002", ENLACE_STORE_ERROR_CONFLICT, "unique", "label", "H-001", NULL);
  /* cables without a label are fine, several of them */
  cable (s, "SW1:g3", "SW3:g3", NULL);
  cable (s, "SW1:g4", "SW3:g4", NULL);
}

static void
test_cable_pairs (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "40", NULL);
  cable (s, "SW1:g1", "SW1:g2", "MP-1");
  refuse_set (s, "cable", "MP-1", ENLACE_STORE_ERROR_INVALID, "pair count", "type", "multipair", NULL);
  set (s, "cable", "MP-1", "type", "multipair", "pairs", "50", NULL);
  refuse_set (s, "cable", "MP-1", ENLACE_STORE_ERROR_INVALID, "no copper pairs", "type", "os2", NULL);
  refuse_set (s, "cable", "MP-1", ENLACE_STORE_ERROR_INVALID, "at most 4 pairs", "type", "cat6", NULL);
  set (s, "cable", "MP-1", "type", "cat6", "pairs", "4", NULL);
  refuse_set (s, "cable", "MP-1", ENLACE_STORE_ERROR_INVALID, "1–4200", "pairs", "0", NULL);
}

static void
test_cable_medium_warning (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  EnlaceTerm a, b;
  g_autoptr(JsonObject) c = json_object_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "40", NULL);
  add (s, "device", "name", "FO1", "device_type_id", "Acme/FO", "rack_id", "R1", "u_position", "38", NULL);
  g_assert_true (enlace_store_lookup_term (s, "SW1:g1", &a, NULL));
  g_assert_true (enlace_store_lookup_term (s, "FO1:x1", &b, NULL));
  json_object_set_string_member (c, "label", "X-1");
  json_object_set_string_member (c, "type", "om4");
  /* a fibre cable on a copper port: accepted, with a warning */
  id = enlace_store_connect (s, &a, 1, &b, 1, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  warnings = enlace_inventory_warnings (s, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "SW1:g1"));
  problems = enlace_store_check (s, NULL);
  g_assert_cmpuint (problems->len, ==, 0);

  /* fibre to fibre: no warning */
  cable (s, "FO1:x2", "SW1:g2", "X-2");
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = enlace_inventory_warnings (s, id_of (s, "cable", "X-2"), NULL);
  g_assert_cmpuint (warnings->len, ==, 1);   /* no type, but fibre to copper */
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "fibre ports to copper"));
  set (s, "cable", "X-1", "type", "cat6", NULL);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = enlace_inventory_warnings (s, 0, NULL);
  g_assert_cmpuint (warnings->len, ==, 2);
}

/* ------------------------------------------------------------------ */
/* Extensions                                                          */

static void
test_extension_number (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  refuse_add (s, "extension", ENLACE_STORE_ERROR_INVALID, "digits only", "number", "20a1", NULL);
  refuse_add (s, "extension", ENLACE_STORE_ERROR_INVALID, "digits only", "number", "+52 55", NULL);
  refuse_add (s, "extension", ENLACE_STORE_ERROR_INVALID, "15 digits", "number", "1234567890123456", NULL);
  add (s, "extension", "number", "2001", "holder", "Rectoría", NULL);
  refuse_add (s, "extension", ENLACE_STORE_ERROR_CONFLICT, "2001", "number", "2001", NULL);
}

static void
test_extension_port (void)
{
  g_autoptr(EnlaceStore) s = campus ();

  add (s, "device", "name", "O-101", "device_type_id", "Acme/JACK", "space_id", "A/1/101", NULL);
  add (s, "device", "name", "FO1", "device_type_id", "Acme/FO", "rack_id", "R1", "u_position", "38", NULL);
  refuse_add (s, "extension", ENLACE_STORE_ERROR_INVALID, "voice or copper port",
              "number", "2001", "port_id", "FO1:x1", NULL);
  add (s, "extension", "number", "2001", "port_id", "O-101:v1", NULL);
  add (s, "extension", "number", "2002", "port_id", "O-101:j1", NULL);
  refuse_set (s, "extension", "2002", ENLACE_STORE_ERROR_INVALID, "FO1:x1", "port_id", "FO1:x1", NULL);
}

static void
test_extension_status (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) ext = NULL;
  gint64 id;

  id = add (s, "extension", "number", "2001", NULL);
  refuse_set (s, "extension", "2001", ENLACE_STORE_ERROR_INVALID, NULL, "status", "lost", NULL);
  g_assert_false (enlace_store_set_extension_status (s, id, "lost", "x", &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* not through a plain change: the history needs a date and a reason */
  refuse_set (s, "extension", "2001", ENLACE_STORE_ERROR_INVALID, "reason", "status", "suspended", NULL);
  set (s, "extension", "2001", "holder", "Caja", "status", "active", NULL);
  g_assert_true (enlace_store_set_extension_status (s, id, "suspended", "Adeudo", &error));
  g_assert_no_error (error);
  ext = enlace_store_get (s, "extension", id, NULL);
  g_assert_cmpstr (json_object_get_string_member (ext, "status"), ==, "suspended");
}

/* ------------------------------------------------------------------ */
/* CRUD of every kind, undo and redo                                   */

typedef struct
{
  const char *kind;
  const char *create[16];   /* field, value, …, NULL */
  const char *field;        /* a field to change */
  const char *value;
  const char *key;          /* readable key of the new object */
} CrudCase;

static const CrudCase crud_cases[] = {
  { "site", { "code", "CU2", "name", "Campus 2", NULL }, "name", "Campus Sur", "CU2" },
  { "building", { "site_id", "UNI", "code", "C", "name", "Edificio C", NULL }, "address", "Av. 1", "C" },
  { "floor", { "building_id", "B", "level", "2", "name", "Planta 2", NULL }, "height", "3.5", "B/2" },
  { "space", { "floor_id", "B/1", "code", "104", "kind", "classroom", NULL }, "outline", "[[0,0],[4,0],[4,3]]", "B/1/104" },
  { "area", { "code", "CONT", "name", "Contabilidad", NULL }, "name", "Contaduría", "CONT" },
  { "person", { "name", "Luis Pérez", NULL }, "position", "Jefe", "Luis Pérez" },
  { "rack", { "space_id", "B/1/1A", "name", "R9", NULL }, "u_height", "45", "R9" },
  { "device-type", { "manufacturer", "Acme", "model", "NEW", "u_height", "2", NULL }, "part_number", "N-1", "Acme/NEW" },
  { "port-template", { "device_type_id", "Acme/BIG", "kind", "interface", "name", "eth0", NULL }, "medium", "fibre", NULL },
  { "mapping-template", { "device_type_id", "Acme/PP4", "front_name", "f1", "rear_name", "r1", "rear_pos", "2", NULL }, "rear_pos", "3", NULL },
  { "device", { "name", "SRV-9", "device_type_id", "Acme/BIG", "rack_id", "R3", "u_position", "1", NULL }, "serial", "SN123", "SRV-9" },
  { "port", { "device_id", "FIX", "kind", "interface", "name", "g9", NULL }, "label", "uplink", "FIX:g9" },
  { "port-mapping", { "device_id", "FIX", "front_port_id", "FIX:f1", "rear_port_id", "FIX:r1", "rear_pos", "2", NULL }, "rear_pos", "3", NULL },
  { "circuit", { "cid", "TELMEX-9", "provider", "Telmex", NULL }, "bandwidth_kbps", "100000", "TELMEX-9" },
  { "circuit-termination", { "circuit_id", "CIR", "side", "Z", NULL }, "description", "Acometida", "CIR:Z" },
  { "cable", { "label", "C-9", NULL }, "length_m", "12.5", "C-9" },
  { "extension", { "number", "3001", NULL }, "holder", "Caja", "3001" },
};

static void
test_crud (gconstpointer data)
{
  const CrudCase *c = data;
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) v = json_object_new ();
  g_autoptr(JsonObject) change = json_object_new ();
  g_autoptr(JsonObject) row = NULL;
  g_autofree char *s0 = NULL;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *s3 = NULL;
  gint64 id;

  /* what the objects of some kinds hang on */
  add (s, "device", "name", "FIX", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "1", "face", "front", NULL);
  add (s, "circuit", "cid", "CIR", "provider", "Telmex", NULL);
  s0 = snapshot (s);

  for (guint i = 0; c->create[i]; i += 2)
    json_object_set_string_member (v, c->create[i], c->create[i + 1]);
  /* cables are created with their ends */
  if (strcmp (c->kind, "cable") == 0)
    id = connect_keys (s, "FIX:f1", "FIX:f2", "C-9", &error);
  else
    id = enlace_store_create (s, c->kind, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  s1 = snapshot (s);

  /* read */
  row = enlace_store_get (s, c->kind, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (row, "id"), ==, id);
  if (c->key)
    {
      g_autofree char *key = enlace_store_dup_key (s, c->kind, id);
      g_assert_cmpstr (key, ==, c->key);
      g_assert_cmpint (enlace_store_lookup (s, c->kind, c->key, NULL), ==, id);
    }

  /* update */
  json_object_set_string_member (change, c->field, c->value);
  g_assert_true (enlace_store_update (s, c->kind, id, change, &error));
  g_assert_no_error (error);
  g_clear_pointer (&row, json_object_unref);
  row = enlace_store_get (s, c->kind, id, NULL);
  g_assert_false (JSON_NODE_HOLDS_NULL (json_object_get_member (row, c->field)));
  s2 = snapshot (s);

  /* delete */
  g_assert_true (enlace_store_delete (s, c->kind, id, &error));
  g_assert_no_error (error);
  g_assert_null (enlace_store_get (s, c->kind, id, NULL));

  /* undo the three commands one by one, then redo them */
  g_assert_true (enlace_store_undo (s, &error));
  g_assert_no_error (error);
  s3 = snapshot (s);
  assert_same_rows (s3, s2);
  g_assert_true (enlace_store_undo (s, &error));
  g_assert_no_error (error);
  g_clear_pointer (&s3, g_free);
  s3 = snapshot (s);
  assert_same_rows (s3, s1);
  g_assert_true (enlace_store_undo (s, &error));
  g_assert_no_error (error);
  g_clear_pointer (&s3, g_free);
  s3 = snapshot (s);
  assert_same_rows (s3, s0);
  g_assert_null (enlace_store_get (s, c->kind, id, NULL));

  g_assert_true (enlace_store_redo (s, &error));
  g_assert_no_error (error);
  g_assert_nonnull (enlace_store_get (s, c->kind, id, NULL));
  g_assert_true (enlace_store_redo (s, &error));
  g_assert_true (enlace_store_redo (s, &error));
  g_assert_no_error (error);
  g_assert_null (enlace_store_get (s, c->kind, id, NULL));

  {
    g_autoptr(GPtrArray) problems = enlace_store_check (s, NULL);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_undo_restores (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *after_add = NULL;

  base = snapshot (s);
  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "40", NULL);
  add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "39", "face", "front", NULL);
  after_add = snapshot (s);
  cable (s, "SW1:g1", "PP1:f1", "P-1");
  set (s, "device", "SW1", "u_position", "30", NULL);
  g_assert_true (enlace_store_delete (s, "device", id_of (s, "device", "PP1"), NULL));

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (enlace_store_undo (s, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *now = snapshot (s);
    g_autofree char *a = strip_commands (now);
    g_autofree char *b = strip_commands (after_add);
    g_assert_cmpstr (a, ==, b);
  }
  g_assert_true (enlace_store_undo (s, NULL));
  g_assert_true (enlace_store_undo (s, NULL));
  {
    g_autofree char *now = snapshot (s);
    g_autofree char *a = strip_commands (now);
    g_autofree char *b = strip_commands (base);
    g_assert_cmpstr (a, ==, b);
  }
  for (guint i = 0; i < 5; i++)
    g_assert_true (enlace_store_redo (s, NULL));
  g_assert_cmpuint (enlace_store_count (s, "cable"), ==, 0);
  g_assert_cmpuint (enlace_store_count (s, "device"), ==, 1);
  g_assert_false (enlace_store_redo (s, &error));
  g_assert_error (error, ENLACE_STORE_ERROR, ENLACE_STORE_ERROR_NOTHING);
}

/* ------------------------------------------------------------------ */
/* Audit log                                                           */

static void
test_log_rows (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(JsonArray) log = NULL;
  g_autoptr(GError) error = NULL;
  guint n0 = enlace_inventory_log_length (s);
  JsonObject *c;
  JsonArray *changes;
  gboolean saw_u = FALSE;

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "40", NULL);
  set (s, "device", "SW1", "u_position", "30", NULL);
  /* a refused command leaves no row */
  refuse_set (s, "device", "SW1", ENLACE_STORE_ERROR_CONFLICT, NULL, "u_position", "42.5", NULL);
  g_assert_true (enlace_store_undo (s, NULL));
  g_assert_cmpuint (enlace_inventory_log_length (s), ==, n0 + 3);

  log = enlace_inventory_log (s, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (log), ==, 3);

  /* newest first: the undo */
  c = json_array_get_object_element (log, 0);
  g_assert_cmpstr (json_object_get_string_member (c, "kind"), ==, "undo");
  g_assert_cmpstr (json_object_get_string_member (c, "user"), ==, "tester");

  /* the change of unit, with before and after */
  c = json_array_get_object_element (log, 1);
  g_assert_cmpstr (json_object_get_string_member (c, "kind"), ==, "do");
  g_assert_true (json_object_get_boolean_member (c, "undone"));
  changes = json_object_get_array_member (c, "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  {
    JsonObject *ch = json_array_get_object_element (changes, 0);
    JsonObject *fields = json_object_get_object_member (ch, "fields");
    JsonArray *pair;

    g_assert_cmpstr (json_object_get_string_member (ch, "op"), ==, "update");
    g_assert_cmpstr (json_object_get_string_member (ch, "kind"), ==, "device");
    g_assert_cmpstr (json_object_get_string_member (ch, "name"), ==, "SW1");
    pair = json_object_get_array_member (fields, "u_position");
    g_assert_nonnull (pair);
    g_assert_cmpfloat (json_array_get_double_element (pair, 0), ==, 40);
    g_assert_cmpfloat (json_array_get_double_element (pair, 1), ==, 30);
    saw_u = TRUE;
  }
  g_assert_true (saw_u);

  /* the creation: the device and its four ports */
  c = json_array_get_object_element (log, 2);
  changes = json_object_get_array_member (c, "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "op"), ==, "insert");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 4), "table"), ==, "port");
  g_assert_nonnull (strstr (json_object_get_string_member (c, "label"), "SW1"));
  g_assert_cmpuint (strlen (json_object_get_string_member (c, "at")), >=, 19);
}

static void
test_check_clean (void)
{
  g_autoptr(EnlaceStore) s = campus ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  add (s, "device", "name", "SW1", "device_type_id", "Acme/SW4", "rack_id", "R1", "u_position", "40", NULL);
  add (s, "device", "name", "PP1", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "39", "face", "front", NULL);
  add (s, "device", "name", "PP1R", "device_type_id", "Acme/PP4", "rack_id", "R1", "u_position", "39", "face", "rear", NULL);
  add (s, "device", "name", "O-1", "device_type_id", "Acme/JACK", "space_id", "A/1/101", NULL);
  cable (s, "SW1:g1", "PP1:f1", "P-1");
  cable (s, "PP1:r1", "PP1R:r1", "B-1");
  cable (s, "PP1R:f1", "O-1:j1", "H-1");
  add (s, "extension", "number", "2001", "port_id", "O-1:v1", NULL);
  problems = enlace_store_check (s, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/objects/rack/height", test_rack_height);
  g_test_add_func ("/model/objects/rack/shrink", test_rack_shrink);
  g_test_add_func ("/model/objects/rack/move-building", test_rack_move_building);
  g_test_add_func ("/model/objects/device/fit", test_device_fit);
  g_test_add_func ("/model/objects/device/half-unit", test_device_half_unit);
  g_test_add_func ("/model/objects/rack/overlap", test_device_overlap);
  g_test_add_func ("/model/objects/rack/faces", test_device_faces);
  g_test_add_func ("/model/objects/device/zero-u", test_device_zero_u);
  g_test_add_func ("/model/objects/device/unit-required", test_device_unit_required);
  g_test_add_func ("/model/objects/device/unit-without-rack", test_device_unit_without_rack);
  g_test_add_func ("/model/objects/device/rack-or-space", test_device_rack_or_space);
  g_test_add_func ("/model/objects/device/outlet", test_device_outlet);
  g_test_add_func ("/model/objects/device/asset-tag", test_device_asset_tag);
  g_test_add_func ("/model/objects/device/templates", test_device_templates);
  g_test_add_func ("/model/objects/device/remove-cables", test_device_remove_cables);
  g_test_add_func ("/model/objects/circuit/remove-cables", test_circuit_remove_cables);
  g_test_add_func ("/model/objects/device-type/height", test_device_type_height);
  g_test_add_func ("/model/objects/device-type/resize", test_device_type_resize);
  g_test_add_func ("/model/objects/port/positions", test_port_positions);
  g_test_add_func ("/model/objects/port/mapped-kind", test_port_mapped_kind);
  g_test_add_func ("/model/objects/port-mapping/kinds", test_port_mapping_kinds);
  g_test_add_func ("/model/objects/port-mapping/device", test_port_mapping_device);
  g_test_add_func ("/model/objects/port-mapping/positions", test_port_mapping_positions);
  g_test_add_func ("/model/objects/mapping-template/names", test_mapping_template_names);
  g_test_add_func ("/model/objects/space/code-per-building", test_space_code_per_building);
  g_test_add_func ("/model/objects/space/other-building", test_space_other_building);
  g_test_add_func ("/model/objects/floor/level", test_floor_level);
  g_test_add_func ("/model/objects/floor/other-building", test_floor_other_building);
  g_test_add_func ("/model/objects/circuit-termination/space", test_circuit_termination_space);
  g_test_add_func ("/model/objects/area/cycle", test_area_cycle);
  g_test_add_func ("/model/objects/person/email", test_person_email);
  g_test_add_func ("/model/objects/cable/label", test_cable_label);
  g_test_add_func ("/model/objects/cable/pairs", test_cable_pairs);
  g_test_add_func ("/model/objects/cable/medium-warning", test_cable_medium_warning);
  g_test_add_func ("/model/objects/extension/number", test_extension_number);
  g_test_add_func ("/model/objects/extension/port", test_extension_port);
  g_test_add_func ("/model/objects/extension/status", test_extension_status);
  for (guint i = 0; i < G_N_ELEMENTS (crud_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/objects/crud/%s", crud_cases[i].kind);
      g_test_add_data_func (path, &crud_cases[i], test_crud);
    }
  g_test_add_func ("/model/objects/undo/restores", test_undo_restores);
  g_test_add_func ("/model/objects/log/rows", test_log_rows);
  g_test_add_func ("/model/objects/check/clean", test_check_clean);

  return g_test_run ();
}
