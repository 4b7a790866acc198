/* fuzz-import-osm-pbf.c — the input as an OpenStreetMap PBF extract
 * (.osm.pbf), opened as the window opens one */
#include "config.h"

#include "gr-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gr_fuzz_open_extract ("input.osm.pbf", data, size);
  return 0;
}
