/* gr-offset.c — the offset coordinates of Chinese web maps
 *
 * GCJ-02 is WGS 84 shifted by a published polynomial of longitude and
 * latitude on the Krasovsky ellipsoid (a = 6378245 m, e² =
 * 0.00669342162296594323), applied inside China's box only; BD-09 rotates
 * and shifts GCJ-02 once more. Neither has a closed inverse: the way back
 * is iterated until the forward transform lands within 1e-9° (0.1 mm) of
 * the point given.
 */
#include "config.h"

#include "gr-offset.h"

#include <math.h>

#define KRASOVSKY_A  6378245.0
#define KRASOVSKY_E2 0.00669342162296594323
#define BD_X_PI      (G_PI * 3000.0 / 180.0)

/* "GCJ-02", "gcj02", "BD-09", "bd09"; anything else is no offset. */
GrOffset
gr_offset_from_name (const char *name)
{
  g_autofree char *folded = NULL;

  if (name == NULL)
    return GR_OFFSET_NONE;
  folded = g_ascii_strdown (name, -1);
  if (g_str_equal (folded, "gcj-02") || g_str_equal (folded, "gcj02"))
    return GR_OFFSET_GCJ02;
  if (g_str_equal (folded, "bd-09") || g_str_equal (folded, "bd09"))
    return GR_OFFSET_BD09;
  return GR_OFFSET_NONE;
}

static gboolean
outside_china (double lon, double lat)
{
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

static double
shift_lat (double x, double y)
{
  return -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt (fabs (x))
         + (20 * sin (6 * x * G_PI) + 20 * sin (2 * x * G_PI)) * 2 / 3
         + (20 * sin (y * G_PI) + 40 * sin (y / 3 * G_PI)) * 2 / 3
         + (160 * sin (y / 12 * G_PI) + 320 * sin (y * G_PI / 30)) * 2 / 3;
}

static double
shift_lon (double x, double y)
{
  return 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt (fabs (x))
         + (20 * sin (6 * x * G_PI) + 20 * sin (2 * x * G_PI)) * 2 / 3
         + (20 * sin (x * G_PI) + 40 * sin (x / 3 * G_PI)) * 2 / 3
         + (150 * sin (x / 12 * G_PI) + 300 * sin (x / 30 * G_PI)) * 2 / 3;
}

static void
wgs84_to_gcj02 (double *lon, double *lat)
{
  double rad, magic, root, d_lat, d_lon;

  if (outside_china (*lon, *lat))
    return;
  rad = *lat / 180 * G_PI;
  magic = 1 - KRASOVSKY_E2 * sin (rad) * sin (rad);
  root = sqrt (magic);
  d_lat = shift_lat (*lon - 105, *lat - 35) * 180
          / ((KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (magic * root) * G_PI);
  d_lon = shift_lon (*lon - 105, *lat - 35) * 180 / (KRASOVSKY_A / root * cos (rad) * G_PI);
  *lat += d_lat;
  *lon += d_lon;
}

static void
gcj02_to_bd09 (double *lon, double *lat)
{
  double x = *lon, y = *lat;
  double z = sqrt (x * x + y * y) + 0.00002 * sin (y * BD_X_PI);
  double theta = atan2 (y, x) + 0.000003 * cos (x * BD_X_PI);

  *lon = z * cos (theta) + 0.0065;
  *lat = z * sin (theta) + 0.006;
}

/* WGS 84 longitude/latitude to @offset's, in place. */
void
gr_offset_from_wgs84 (GrOffset offset, double *lon, double *lat)
{
  if (offset == GR_OFFSET_NONE || !isfinite (*lon) || !isfinite (*lat))
    return;
  wgs84_to_gcj02 (lon, lat);
  if (offset == GR_OFFSET_BD09)
    gcj02_to_bd09 (lon, lat);
}

/* @offset's longitude/latitude to WGS 84, in place: the point whose
 * forward transform is the one given. */
void
gr_offset_to_wgs84 (GrOffset offset, double *lon, double *lat)
{
  double want_lon = *lon, want_lat = *lat;
  double x = *lon, y = *lat;

  if (offset == GR_OFFSET_NONE || !isfinite (*lon) || !isfinite (*lat))
    return;
  /* The shift is smooth and a few hundred metres: each step takes the
   * error of the last away, ten steps are ample. */
  for (int i = 0; i < 30; i++)
    {
      double fx = x, fy = y;

      gr_offset_from_wgs84 (offset, &fx, &fy);
      if (fabs (fx - want_lon) < 1e-10 && fabs (fy - want_lat) < 1e-10)
        break;
      x -= fx - want_lon;
      y -= fy - want_lat;
    }
  *lon = x, *lat = y;
}
