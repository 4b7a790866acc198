/* gr-coverage-layer.h — blind spots: who is beyond 300 m of green or
 * 500 m of a park, drawn from the analysis grid */
#pragma once

#include <shumate/shumate.h>

#include "gr-layer-cache.h"
#include "gr-render.h"

G_BEGIN_DECLS

#define GR_TYPE_COVERAGE_LAYER (gr_coverage_layer_get_type ())
G_DECLARE_FINAL_TYPE (GrCoverageLayer, gr_coverage_layer, GR, COVERAGE_LAYER, ShumateLayer)

GrCoverageLayer *gr_coverage_layer_new (ShumateViewport *viewport);
void
gr_coverage_layer_set_analysis (GrCoverageLayer *self, GrAnalysis *analysis, GrDisplay *display);
void  gr_coverage_layer_refresh (GrCoverageLayer *self);
void  gr_coverage_layer_refresh_area (GrCoverageLayer *self, const double bounds[4]);
void  gr_coverage_layer_set_served (GrCoverageLayer *self, GArray *cells);
guint gr_coverage_layer_get_n_served_edges (GrCoverageLayer *self);
void  gr_coverage_kind_color (GrCellKind kind, GdkRGBA *color);
void  gr_coverage_gain_color (guint gain, GdkRGBA *color);
void  gr_coverage_layer_set_comparison (GrCoverageLayer *self, GrComparison *comparison);

GrCoverageTiles *gr_coverage_layer_get_tiles (GrCoverageLayer *self);
void             gr_coverage_layer_keep_spare (GrCoverageLayer *self);
void             gr_coverage_layer_drop_spare (GrCoverageLayer *self);
gboolean
gr_coverage_layer_swap_spare (GrCoverageLayer *self, GrAnalysis *analysis, const double changed[4]);

/* For the tests: the drawing kept. */
GrLayerCache *gr_coverage_layer_get_cache (GrCoverageLayer *self);

G_END_DECLS
