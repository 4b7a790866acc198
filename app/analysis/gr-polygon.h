/* gr-polygon.h — polygons as plain coordinate arrays
 *
 * A GrPolygon is a set of closed rings filled by the even-odd rule, which
 * covers polygons with holes and multipolygons alike. Coordinates are metres
 * in the analysis CRS.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double *xy; /* interleaved x, y */
  guint   n_points;
  guint  *ring_ends; /* point index one past the last point of each ring */
  guint   n_rings;
} GrPolygon;

/* A half-open x interval [x0, x1] on one scan line. */
typedef struct
{
  double x0;
  double x1;
} GrSpan;

GrPolygon *gr_polygon_new (const double *xy, guint n_points, const guint *ring_ends, guint n_rings);
GrPolygon *gr_polygon_new_rect (double x0, double y0, double x1, double y1);
GrPolygon *gr_polygon_copy (const GrPolygon *polygon);
void       gr_polygon_free (GrPolygon *polygon);
void       gr_polygon_translate (GrPolygon *polygon, double dx, double dy);
void       gr_polygon_bounds (const GrPolygon *polygon, double bounds[4]);
void       gr_bounds_clear (double bounds[4]);
void       gr_bounds_union (double into[4], const double bounds[4]);
double     gr_polygon_area (const GrPolygon *polygon);
gboolean   gr_polygon_contains (const GrPolygon *polygon, double x, double y);
double     gr_polygon_distance (const GrPolygon *polygon, double x, double y);
void       gr_polygon_row_spans (const GrPolygon *polygon, double y, double radius, GArray *spans);

/* The same spans for rows taken in order of y, from an edge table: each
 * row looks at the edges it meets only, not at every edge of the polygon. */
typedef struct _GrPolygonScan GrPolygonScan;

GrPolygonScan *gr_polygon_scan_new (const GrPolygon *polygon, double radius);
void gr_polygon_scan_set_window (GrPolygonScan *scan, const GrSpan *window, guint n_window);
void gr_polygon_scan_row (GrPolygonScan *scan, double y, GArray *spans);
void gr_polygon_scan_free (GrPolygonScan *scan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrPolygon, gr_polygon_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrPolygonScan, gr_polygon_scan_free)

G_END_DECLS
