/* gr-grid.h — the demand raster: residential land and its residents
 *
 * Residential land is rasterised at a resolution r (about 5 m) into tiles of
 * 64 × 64 cells that exist only where residential land is, so memory follows
 * the residential area, not the bounding box. Each cell carries its share of
 * residential area (sixteenths, from a 4 × 4 sample), its residents and its
 * zone; service layers (see GrCoverage) keep one count per cell beside them.
 */
#pragma once

#include "gr-polygon.h"

G_BEGIN_DECLS

#define GR_GRID_MAX_LAYERS 4

typedef struct _GrGrid GrGrid;

GrGrid *gr_grid_new (const double bounds[4], double resolution, guint n_layers);
void    gr_grid_free (GrGrid *grid);

double gr_grid_get_resolution (const GrGrid *grid);
guint  gr_grid_get_n_layers (const GrGrid *grid);
guint  gr_grid_get_n_tiles (const GrGrid *grid);
gsize  gr_grid_get_memory_size (const GrGrid *grid);

void gr_grid_add_residential (GrGrid *grid, const GrPolygon *polygon);
void
gr_grid_add_residentials (GrGrid *grid, const GrPolygon *const *polygons, guint n, guint n_threads);
void   gr_grid_set_zone (GrGrid *grid, const GrPolygon *polygon, guint16 zone);
double gr_grid_spread_population (GrGrid *grid, const GrPolygon *polygon, double people);
void   gr_grid_spread_populations (GrGrid                 *grid,
                                   const GrPolygon *const *polygons,
                                   const double           *people,
                                   guint                   n,
                                   guint                   n_threads,
                                   double                 *placed);
gboolean
gr_grid_place_population (GrGrid *grid, double x, double y, double people, double snap_distance);

double gr_grid_get_residential_area (const GrGrid *grid);
double gr_grid_get_population (const GrGrid *grid);
double gr_grid_cell_area (const GrGrid *grid, double x, double y);
double gr_grid_cell_population (const GrGrid *grid, double x, double y);
#define GR_GRID_TILE_SIZE 64

void
gr_grid_get_layout (const GrGrid *grid, double *x0, double *y0, guint *n_tiles_x, guint *n_tiles_y);
void    gr_grid_cell_center (const GrGrid *grid, guint col, guint row, double *x, double *y);
guint16 gr_grid_cell_zone (const GrGrid *grid, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrGrid, gr_grid_free)

G_END_DECLS
