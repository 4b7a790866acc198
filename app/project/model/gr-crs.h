/* gr-crs.h — choosing the analysis CRS and guessing a missing one */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean gr_crs_in_china (double lon, double lat);
int      gr_crs_choose_epsg (double lon, double lat);
int      gr_crs_with_zone_prefix (int epsg);
char    *gr_crs_suggest (double x, double y);

G_END_DECLS
