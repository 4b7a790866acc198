/* gr-population-source.h — residents from what bureaus have: a table per
 * zone (七普 per 街道/社区) or a raster grid (WorldPop, GHS-POP, a census grid)
 */
#pragma once

#include "gr-layer.h"

#include <gdal.h>
#include <ogr_srs_api.h>

G_BEGIN_DECLS

gboolean gr_path_is_population_raster (const char *path);

GPtrArray *gr_population_raster_read (const char           *path,
                                      OGRSpatialReferenceH *srs,
                                      double               *total,
                                      GError              **error);

GPtrArray *gr_population_table_join (const char *path,
                                     const char *join,
                                     const char *value_field,
                                     GPtrArray  *zones,
                                     GPtrArray  *warnings,
                                     double     *total,
                                     GError    **error);

G_END_DECLS
