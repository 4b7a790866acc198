/* gr-coverage-regions.h — the analysis grid's residential cells as
 * polygons: each stretch of touching cells in the same coverage state one
 * feature, for maps read by other programs (PostGIS, QGIS)
 */
#pragma once

#include "gr-analysis.h"

#include <ogr_api.h>

G_BEGIN_DECLS

typedef enum
{
  GR_COVERAGE_BOTH,     /* green space within its radius and a park within its */
  GR_COVERAGE_NO_PARK,  /* green space only */
  GR_COVERAGE_NO_GREEN, /* a park only */
  GR_COVERAGE_NEITHER,  /* a blind spot */
  GR_N_COVERAGE_STATES
} GrCoverageState;

typedef struct
{
  GrCoverageState state;
  OGRGeometryH    geometry;       /* MultiPolygon in the analysis CRS: its whole cells */
  double          residential_m2; /* residential land in them, as the analysis counts it */
  double          residents;
  guint           cells;
} GrCoverageRegion;

const char *gr_coverage_state_get_key (GrCoverageState state);
GPtrArray  *gr_coverage_regions (GrAnalysis *analysis, GError **error);

G_END_DECLS
