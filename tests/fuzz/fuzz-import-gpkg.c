/* fuzz-import-gpkg.c — the input as a GeoPackage of data (not a project):
 * its only layer, or its first, imported with each kind of role */
#include "config.h"

#include "gr-fuzz.h"

/* The name of the first layer when there are several (a source must name
 * one then), else %NULL. */
static char *
first_layer (const char *path)
{
  const char *drivers[] = { "GPKG", NULL };
  g_auto (GDALDatasetH) ds =
      GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, NULL, NULL);

  if (ds == NULL || GDALDatasetGetLayerCount (ds) < 2)
    return NULL;
  return g_strdup (OGR_L_GetName (GDALDatasetGetLayer (ds, 0)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = gr_fuzz_write ("input.gpkg", data, size);
  g_autofree char *layer = first_layer (path);

  gr_fuzz_import_as_roles (path, layer);
  gr_fuzz_remove (path);
  return 0;
}
