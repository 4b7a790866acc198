/* fuzz-import-osm-xml.c — the input as an OpenStreetMap XML extract
 * (.osm), opened as the window opens one: imported with the built-in tag
 * mapping, and its display geometry made */
#include "config.h"

#include "gr-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = gr_fuzz_write ("input.osm", data, size);
  g_autoptr (GrSession) session = NULL;
  g_autoptr (GError) error = NULL;

  session = gr_session_open (path, NULL, NULL, &error);
  gr_fuzz_check_result (session, error);
  gr_fuzz_remove (path);
  return 0;
}
