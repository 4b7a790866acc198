/* gr-coverage-tiles.h — the blind-spot overlay: the coverage grid as tile
 * images, drawn through the map's affine transform (see gr-render.h)
 */
#pragma once

#include "gr-compare.h"
#include "gr-display.h"

#include <cairo.h>

G_BEGIN_DECLS

typedef struct _GrCoverageTiles GrCoverageTiles;

GrCoverageTiles *gr_coverage_tiles_new (void);
void             gr_coverage_tiles_free (GrCoverageTiles *tiles);
void             gr_coverage_tiles_set_source (GrCoverageTiles *tiles,
                                               GrAnalysis      *analysis,
                                               GrComparison    *comparison,
                                               GrDisplay       *display);
void             gr_coverage_tiles_set_gains (GrCoverageTiles *tiles,
                                              GrAnalysis      *before,
                                              GrAnalysis      *after,
                                              GrDisplay       *display);
void             gr_coverage_tiles_refresh (GrCoverageTiles *tiles);
gboolean
gr_coverage_tiles_refresh_area (GrCoverageTiles *tiles, const double bounds[4], double drawn[4]);
guint gr_coverage_tiles_get_n_tiles (GrCoverageTiles *tiles);
void  gr_coverage_tiles_set_overview (GrCoverageTiles *tiles, gboolean overview);
guint gr_coverage_tiles_get_n_blocks (GrCoverageTiles *tiles);
void  gr_coverage_tiles_draw (GrCoverageTiles *tiles,
                              cairo_t         *cr,
                              const double     affine[4],
                              double           width,
                              double           height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrCoverageTiles, gr_coverage_tiles_free)

G_END_DECLS
