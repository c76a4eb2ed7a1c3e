/* bench-devicetypes.c: import a large synthetic NetBox device-type library
 *
 * Writes N YAML files (48-port copper panels in the legacy form, 24-port
 * LC panels in the port-mappings form, 52-port switches) to a temporary
 * folder, then times reading them (parse and check), writing them as one
 * command, and undoing that command.
 *
 *   bench-devicetypes [N_FILES]     (default 1500)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "enlace-devicetype-yaml.h"

/* CPU time of the process in ms: the machine may be shared */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
write_file (const char *dir,
            guint       i)
{
  g_autoptr(GString) s = g_string_new ("---\n");
  g_autofree char *name = g_strdup_printf ("type-%05u.yaml", i);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_string_append_printf (s, "manufacturer: Bench\nmodel: Model %05u\nslug: bench-%05u\nu_height: 1\nis_full_depth: false\n", i, i);
  switch (i % 3)
    {
    case 0:
      g_string_append (s, "front-ports:\n");
      for (guint p = 1; p <= 48; p++)
        g_string_append_printf (s, "  - name: Port %u\n    type: 8p8c\n    rear_port: Port %u\n    rear_port_position: 1\n", p, p);
      g_string_append (s, "rear-ports:\n");
      for (guint p = 1; p <= 48; p++)
        g_string_append_printf (s, "  - name: Port %u\n    type: 8p8c\n    positions: 1\n", p);
      break;
    case 1:
      g_string_append (s, "front-ports:\n");
      for (guint p = 1; p <= 24; p++)
        g_string_append_printf (s, "- name: F%u\n  type: lc\n  positions: 1\n", p);
      g_string_append (s, "rear-ports:\n- name: Trunk\n  type: mpo\n  positions: 24\nport-mappings:\n");
      for (guint p = 1; p <= 24; p++)
        g_string_append_printf (s, "- front_port: F%u\n  front_port_position: 1\n  rear_port: Trunk\n  rear_port_position: %u\n", p, p);
      break;
    default:
      g_string_append (s, "interfaces:\n");
      for (guint p = 1; p <= 48; p++)
        g_string_append_printf (s, "  - name: GigabitEthernet1/0/%u\n    type: 1000base-t\n", p);
      for (guint p = 1; p <= 4; p++)
        g_string_append_printf (s, "  - name: TenGigabitEthernet1/1/%u\n    type: 10gbase-x-sfpp\n", p);
      break;
    }
  if (!g_file_set_contents (path, s->str, s->len, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1500;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("enlace-bench-devicetypes-XXXXXX", &error);
  g_autoptr(EnlaceStore) store = NULL;
  g_autoptr(EnlaceDeviceTypeBatch) batch = NULL;
  g_autoptr(EnlaceDeviceTypeImport) summary = NULL;
  const char *paths[] = { dir, NULL };
  gint64 t0, t1, t2, t3;
  double c0, c1, c2, c3;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    write_file (dir, i);

  store = enlace_store_new_memory (&error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  c0 = cpu_ms ();
  batch = enlace_device_type_batch_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();
  c1 = cpu_ms ();
  summary = enlace_device_types_import_batch (store, batch, NULL, &error);
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();
  c2 = cpu_ms ();
  if (!enlace_store_undo (store, &error))
    g_error ("%s", error->message);
  t3 = g_get_monotonic_time ();
  c3 = cpu_ms ();

  printf ("device-type import: %u files, %u types, %u port templates, %u mapping templates\n",
          n, summary->imported->len, summary->n_ports, summary->n_mappings);
  printf ("  read and check: %.1f ms wall, %.1f ms CPU (%.1f µs CPU per file)\n",
          (t1 - t0) / 1000.0, c1 - c0, (c1 - c0) * 1000.0 / n);
  printf ("  write (one command): %.1f ms wall, %.1f ms CPU\n", (t2 - t1) / 1000.0, c2 - c1);
  printf ("  undo: %.1f ms wall, %.1f ms CPU\n", (t3 - t2) / 1000.0, c3 - c2);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("type-%05u.yaml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
