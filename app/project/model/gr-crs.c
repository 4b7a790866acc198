/* gr-crs.c — choosing the analysis CRS and guessing a missing one */
#include "config.h"

#include "gr-crs.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* A rectangle around China's territory: CGCS2000 Gauss-Kruger zones are
 * defined for 73.5°E–135°E (EPSG:4534–4554 cover CM 75°E–135°E). */
gboolean
gr_crs_in_china (double lon, double lat)
{
  return lon >= 73.5 && lon <= 135.1 && lat >= 18 && lat <= 53.6;
}

/**
 * gr_crs_choose_epsg:
 *
 * The local metric CRS for data centred at (@lon, @lat): in China the
 * CGCS2000 3-degree Gauss-Kruger zone whose central meridian is nearest
 * (EPSG:4534 for CM 75°E … EPSG:4554 for CM 135°E, no zone prefix in the
 * easting); elsewhere the WGS 84 UTM zone.
 */
int
gr_crs_choose_epsg (double lon, double lat)
{
  if (gr_crs_in_china (lon, lat))
    {
      int cm = (int) (3 * floor (lon / 3 + 0.5));

      return 4534 + (CLAMP (cm, 75, 135) - 75) / 3;
    }
  else
    {
      /* Clamped before the cast: a longitude of 1e300 is no int. */
      int zone = isfinite (lon) ? (int) CLAMP (floor ((lon + 180) / 6) + 1, 1, 60) : 31;

      return (lat >= 0 ? 32600 : 32700) + zone;
    }
}

/**
 * gr_crs_with_zone_prefix:
 * @epsg: a CGCS2000 3-degree Gauss-Kruger zone without prefix (4534–4554)
 *
 * Returns: the same zone with its number before the easting (EPSG:4513
 *   for zone 25, CM 75°E … EPSG:4533 for zone 45), or 0 for another CRS
 */
int
gr_crs_with_zone_prefix (int epsg)
{
  return epsg >= 4534 && epsg <= 4554 ? 4513 + (epsg - 4534) : 0;
}

/**
 * gr_crs_suggest:
 *
 * What the coordinate magnitudes of data without a CRS suggest, as a
 * sentence for the user, or %NULL when they suggest nothing.
 */
char *
gr_crs_suggest (double x, double y)
{
  if (fabs (x) <= 180 && fabs (y) <= 90)
    return g_strdup (_ ("The coordinates look like longitude/latitude: try --source-crs EPSG:4490 "
                        "(CGCS2000) or EPSG:4326 (WGS 84)."));
  if (x >= 13e6 && x < 46e6 && y > 1e6 && y < 6.5e6)
    {
      /* An 8-digit easting carries the zone number in front of 500 km. */
      int zone = (int) floor (x / 1e6);

      if (zone >= 25 && zone <= 45)
        return g_strdup_printf (_ ("The eastings carry zone prefix %d: try --source-crs EPSG:%d "
                                   "(CGCS2000 / 3-degree Gauss-Kruger zone %d, CM %d°E)."),
                                zone, 4513 + zone - 25, zone, zone * 3);
      if (zone >= 13 && zone <= 23)
        return g_strdup_printf (_ ("The eastings carry zone prefix %d: try --source-crs EPSG:%d "
                                   "(CGCS2000 / Gauss-Kruger zone %d, 6-degree, CM %d°E)."),
                                zone, 4491 + zone - 13, zone, zone * 6 - 3);
    }
  if (x > 100000 && x < 900000 && y > 1e6 && y < 6.5e6)
    return g_strdup (_ ("The 6-digit eastings near 500,000 m look like a CGCS2000 3-degree "
                        "Gauss-Kruger zone without prefix: try --source-crs EPSG:4534…4554 for "
                        "the zone's central meridian, CM 75°E…135°E (e.g. EPSG:4546 for CM 111°E, "
                        "EPSG:4547 for CM 114°E)."));
  return NULL;
}
