/* gr-display.c — a project's layers in longitude/latitude, for the map */
#include "config.h"

#include "gr-display.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

struct _GrDisplay
{
  GPtrArray                   *layers[GR_N_ROLES]; /* GrDisplayFeature */
  OGRCoordinateTransformationH to_lonlat;
  OGRCoordinateTransformationH from_lonlat;
  double                       bounds[GR_N_ROLES][4]; /* lon/lat, per role */
};

static void
feature_free (gpointer data)
{
  GrDisplayFeature *f = data;

  gr_polygon_free (f->shape);
  gr_polygon_free (f->mercator);
  g_free (f->name);
  g_free (f);
}

static void
append_path (OGRGeometryH path, GArray *xy, GArray *ends)
{
  int   n = OGR_G_GetPointCount (path);
  guint start = xy->len / 2;

  if (n < 1)
    return;
  g_array_set_size (xy, xy->len + 2 * n);
  OGR_G_GetPoints (path, &g_array_index (xy, double, 2 * start), 2 * sizeof (double),
                   &g_array_index (xy, double, 2 * start + 1), 2 * sizeof (double), NULL, 0);
  g_array_append_vals (ends, &(guint){ start + n }, 1);
}

/* Every ring, line or point of a geometry, flattened into one GrPolygon. */
static void
collect_paths (OGRGeometryH geometry, GArray *xy, GArray *ends)
{
  OGRwkbGeometryType type = wkbFlatten (OGR_G_GetGeometryType (geometry));

  if (type == wkbPoint || type == wkbLineString || type == wkbLinearRing)
    append_path (geometry, xy, ends);
  else
    for (int i = 0; i < OGR_G_GetGeometryCount (geometry); i++)
      collect_paths (OGR_G_GetGeometryRef (geometry, i), xy, ends);
}

/* Every ring, line and point of a longitude/latitude geometry, in Web
 * Mercator; %NULL when it has none. */
GrPolygon *
gr_mercator_from_lonlat_geometry (OGRGeometryH lonlat)
{
  g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  double *p;

  collect_paths (lonlat, xy, ends);
  if (ends->len == 0)
    return NULL;
  p = (double *) xy->data;
  for (guint i = 0; i < xy->len / 2; i++)
    gr_lonlat_to_mercator (p[2 * i], p[2 * i + 1], &p[2 * i], &p[2 * i + 1]);
  return gr_polygon_new (p, xy->len / 2, (guint *) ends->data, ends->len);
}

static GrDisplayFeature *
display_feature (GrFeature *feature, GrShape kind, OGRCoordinateTransformationH ct)
{
  g_auto (OGRGeometryH) lonlat = OGR_G_Clone (feature->geometry);
  g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  GrDisplayFeature *f;

  if (OGR_G_Transform (lonlat, ct) != OGRERR_NONE)
    return NULL;
  collect_paths (lonlat, xy, ends);
  if (ends->len == 0)
    return NULL;
  f = g_new0 (GrDisplayFeature, 1);
  f->shape = gr_polygon_new ((double *) xy->data, xy->len / 2, (guint *) ends->data, ends->len);
  f->mercator = gr_mercator_from_lonlat_geometry (lonlat);
  gr_polygon_bounds (f->mercator, f->bounds);
  f->kind = kind;
  f->area_m2 = gr_geometry_area (feature->geometry);
  f->park_class = gr_park_class_from_kind (feature->kind, f->area_m2, NULL);
  f->name = feature->name != NULL && *feature->name != '\0' ? g_strdup (feature->name) : NULL;
  return f;
}

GrDisplay *
gr_display_new (GrProject *project, GError **error)
{
  g_autoptr (GrDisplay) display = g_new0 (GrDisplay, 1);
  g_auto (OGRSpatialReferenceH) analysis =
      gr_srs_new_from_user (project->crs_wkt ? project->crs_wkt : "");
  g_auto (OGRSpatialReferenceH) wgs84 = gr_srs_new_from_user ("EPSG:4326");

  if (analysis == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS,
                   _ ("the project has no usable coordinate reference system"));
      return NULL;
    }
  display->to_lonlat = OCTNewCoordinateTransformation (analysis, wgs84);
  display->from_lonlat = OCTNewCoordinateTransformation (wgs84, analysis);
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      GrLayer *layer = project->layers[r];

      gr_bounds_clear (display->bounds[r]);
      display->layers[r] = g_ptr_array_new_with_free_func (feature_free);
      for (guint i = 0; layer != NULL && i < layer->features->len; i++)
        {
          GrDisplayFeature *f = display_feature (g_ptr_array_index (layer->features, i),
                                                 gr_role_get_shape (r), display->to_lonlat);
          if (f == NULL)
            continue;
          g_ptr_array_add (display->layers[r], f);
          {
            double b[4];
            gr_polygon_bounds (f->shape, b);
            gr_bounds_union (display->bounds[r], b);
          }
        }
    }
  return g_steal_pointer (&display);
}

void
gr_display_free (GrDisplay *display)
{
  if (display == NULL)
    return;
  for (guint r = 0; r < GR_N_ROLES; r++)
    if (display->layers[r] != NULL)
      g_ptr_array_unref (display->layers[r]);
  if (display->to_lonlat != NULL)
    OCTDestroyCoordinateTransformation (display->to_lonlat);
  if (display->from_lonlat != NULL)
    OCTDestroyCoordinateTransformation (display->from_lonlat);
  g_free (display);
}

GPtrArray *
gr_display_get_features (GrDisplay *display, GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, NULL);
  return display->layers[role];
}

/* In longitude/latitude: the box around @role's features, or around all
 * of them for @role GR_N_ROLES; empty when there are none. */
void
gr_display_get_bounds (GrDisplay *display, GrRole role, double bounds[4])
{
  g_return_if_fail (role <= GR_N_ROLES);
  if (role < GR_N_ROLES)
    {
      memcpy (bounds, display->bounds[role], sizeof display->bounds[role]);
      return;
    }
  gr_bounds_clear (bounds);
  for (guint r = 0; r < GR_N_ROLES; r++)
    gr_bounds_union (bounds, display->bounds[r]);
}

/* Spherical Web Mercator (EPSG:3857) scaled to the unit square, as map
 * tiles are laid out: x east from 180°W, y south from 85.05°N. */
void
gr_lonlat_to_mercator (double lon, double lat, double *mx, double *my)
{
  double phi = CLAMP (lat, -85.05112878, 85.05112878) * G_PI / 180;

  *mx = (lon + 180) / 360;
  *my = (1 - log (tan (phi) + 1 / cos (phi)) / G_PI) / 2;
}

gboolean
gr_display_to_lonlat (GrDisplay *display, double x, double y, double *lon, double *lat)
{
  *lon = x;
  *lat = y;
  return OCTTransform (display->to_lonlat, 1, lon, lat, NULL) && isfinite (*lon) && isfinite (*lat);
}

gboolean
gr_display_from_lonlat (GrDisplay *display, double lon, double lat, double *x, double *y)
{
  *x = lon;
  *y = lat;
  return OCTTransform (display->from_lonlat, 1, x, y, NULL) && isfinite (*x) && isfinite (*y);
}
