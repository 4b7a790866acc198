/* fuzz-import-shapefile.c — the input as the files of one ESRI shapefile,
 * imported with each kind of role
 *
 * The input is the parts in the order .shp, .shx, .dbf, .prj, .cpg, each a
 * 4-byte little-endian length and that many bytes; a length past the end
 * takes the rest, and a part that is missing or empty is not written. The
 * seeds are made by tests/fuzz/make-seeds.py.
 */
#include "config.h"

#include "gr-fuzz.h"

#include <string.h>

static const char *const extensions[] = { "shp", "shx", "dbf", "prj", "cpg" };

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char  *paths[G_N_ELEMENTS (extensions)] = { NULL };
  size_t at = 0;

  for (guint i = 0; i < G_N_ELEMENTS (extensions) && size - at >= 4; i++)
    {
      guint32 length;

      memcpy (&length, data + at, 4);
      length = GUINT32_FROM_LE (length);
      at += 4;
      length = (guint32) MIN (length, size - at);
      if (length > 0)
        {
          g_autofree char *name = g_strconcat ("input.", extensions[i], NULL);
          paths[i] = gr_fuzz_write (name, data + at, length);
        }
      at += length;
    }
  /* Without a .shp, GDAL reads the .dbf alone, as a table without
   * geometries. */
  if (paths[0] != NULL || paths[2] != NULL)
    gr_fuzz_import_as_roles (paths[0] != NULL ? paths[0] : paths[2], NULL);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (paths[i] != NULL)
      {
        gr_fuzz_remove (paths[i]);
        g_free (paths[i]);
      }
  return 0;
}
