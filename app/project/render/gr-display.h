/* gr-display.h — a project's layers in longitude/latitude, for the map
 *
 * The map draws in Web Mercator from WGS 84 coordinates; the analysis works
 * in the project's metric CRS. Both directions are here, computed once per
 * project so that drawing never calls PROJ.
 */
#pragma once

#include "gr-park-class.h"
#include "gr-project.h"

G_BEGIN_DECLS

typedef struct _GrDisplay GrDisplay;

typedef struct
{
  GrPolygon *shape;     /* lon/lat rings (areas) or paths (lines, points as one-point paths) */
  GrPolygon *mercator;  /* the same in Web Mercator, the world as the unit square, y down */
  double     bounds[4]; /* of mercator */
  GrShape    kind;
  double     area_m2;
  guint8     park_class; /* GrParkClass, for parks */
  char      *name;       /* nullable */
} GrDisplayFeature;

GrDisplay *gr_display_new (GrProject *project, GError **error);
void       gr_display_free (GrDisplay *display);
GPtrArray *gr_display_get_features (GrDisplay *display, GrRole role);
void       gr_display_get_bounds (GrDisplay *display, GrRole role, double bounds[4]);
void       gr_lonlat_to_mercator (double lon, double lat, double *mx, double *my);
GrPolygon *gr_mercator_from_lonlat_geometry (OGRGeometryH lonlat);
gboolean   gr_display_to_lonlat (GrDisplay *display, double x, double y, double *lon, double *lat);
gboolean gr_display_from_lonlat (GrDisplay *display, double lon, double lat, double *x, double *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrDisplay, gr_display_free)

G_END_DECLS
