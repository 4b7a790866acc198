/* gr-mbtiles-source.h — offline base-map tiles from an MBTiles file */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define GR_TYPE_MBTILES_SOURCE (gr_mbtiles_source_get_type ())
G_DECLARE_FINAL_TYPE (GrMbtilesSource, gr_mbtiles_source, GR, MBTILES_SOURCE, ShumateDataSource)

GrMbtilesSource *gr_mbtiles_source_new (const char *path, GError **error);
int              gr_mbtiles_source_get_min_zoom (GrMbtilesSource *self);
int              gr_mbtiles_source_get_max_zoom (GrMbtilesSource *self);

G_END_DECLS
