/* fuzz-import-geojson.c — the input as a GeoJSON file, imported with each
 * kind of role */
#include "config.h"

#include "gr-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = gr_fuzz_write ("input.geojson", data, size);

  gr_fuzz_import_as_roles (path, NULL);
  gr_fuzz_remove (path);
  return 0;
}
