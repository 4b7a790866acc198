/* gr-coverage.h — per-cell counts of the service areas that reach each home
 *
 * A service layer (green within 300 m, park within 500 m, the park service
 * radius of the rule table…) keeps, for every demand cell, the number of
 * features whose service area reaches the cell centre. Adding or removing one
 * feature touches only the cells within its radius, and the totals follow
 * from the cells whose count crossed zero, so an edit costs microseconds and
 * a full analysis is simply every feature added in turn.
 */
#pragma once

#include "gr-grid.h"

G_BEGIN_DECLS

typedef struct _GrCoverage GrCoverage;

typedef struct
{
  double area_m2;
  double population;
} GrAmount;

/* A cell reached along the network, and how far it walks (mm). */
typedef struct
{
  guint32 col;
  guint32 row;
  gint64  mm;
} GrCellDistance;

GrCoverage   *gr_coverage_new (GrGrid *grid, guint n_zones);
void          gr_coverage_free (GrCoverage *coverage);
GrGrid       *gr_coverage_get_grid (GrCoverage *coverage);
const GrGrid *gr_coverage_peek_grid (GrCoverage *coverage);
guint         gr_coverage_get_n_zones (GrCoverage *coverage);
void          gr_coverage_set_threads (GrCoverage *coverage, guint n_threads);
void          gr_coverage_settle (GrCoverage *coverage);

guint gr_coverage_add (GrCoverage *coverage, guint layer, const GrPolygon *polygon, double radius);
gboolean gr_coverage_remove (GrCoverage *coverage, guint id);
gboolean
      gr_coverage_replace (GrCoverage *coverage, guint id, const GrPolygon *polygon, double radius);
guint gr_coverage_get_n_features (GrCoverage *coverage);
void  gr_coverage_apply_cells (GrCoverage           *coverage,
                               guint                 layer,
                               const GrCellDistance *cells,
                               guint                 n_cells,
                               gint64                max_mm,
                               int                   delta);

GrAmount gr_coverage_sum (GrCoverage *coverage, int zone, guint layer_mask, guint layer_value);
gboolean
gr_coverage_get_tile (GrCoverage *coverage, guint tx, guint ty, guint8 *states, guint8 *samples);
guint gr_coverage_cell_count_at (GrCoverage *coverage, guint layer, guint col, guint row);
guint gr_coverage_cell_count (GrCoverage *coverage, guint layer, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrCoverage, gr_coverage_free)

G_END_DECLS
