/* fuzz-devicetype.c: the NetBox device-type YAML reader on any bytes.
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and always as
 * a plain program (fuzz-main.c) that runs the saved regressions in
 * tests/fuzz/regressions/devicetype/ as a test. */
#include "config.h"

#include "enlace-devicetype-yaml.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EnlaceDeviceTypeDef) def = NULL;

  def = enlace_device_type_def_parse ("fuzz.yaml", (const char *)data, size, &error);
  if (def == NULL)
    g_assert (error != NULL && error->message != NULL && error->message[0] != '\0');
  return 0;
}
