/* gr-mbtiles.h — an offline base map: raster tiles in an MBTiles file */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GrMbtiles GrMbtiles;

GrMbtiles *gr_mbtiles_open (const char *path, GError **error);
GrMbtiles      *
gr_mbtiles_open_cache (const char *const *templates, const char *attribution, int max_zoom);
void gr_mbtiles_free (GrMbtiles *tiles);
const char      *gr_mbtiles_get_path (GrMbtiles *tiles);
const char      *gr_mbtiles_get_attribution (GrMbtiles *tiles);
int              gr_mbtiles_get_min_zoom (GrMbtiles *tiles);
int              gr_mbtiles_get_max_zoom (GrMbtiles *tiles);
GBytes          *gr_mbtiles_read (GrMbtiles *tiles, int z, int x, int y);
cairo_surface_t *gr_mbtiles_get_image (GrMbtiles *tiles, int z, int x, int y, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrMbtiles, gr_mbtiles_free)

G_END_DECLS
