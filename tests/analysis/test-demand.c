/* test-demand.c — demand: population spread over homes, zones, the sparse
 * grid's tiles and partial cells, and a city too large */
#include "gr-test-analysis.h"
#include "gr-test-main.h"

#include <math.h>

static void
test_population_split (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  /* 1,000 people over x 0–400, of which homes cover the whole width; then
   * 300 people in a block with no homes: unplaced. */
  g_autoptr (GrPolygon) block = gr_polygon_new_rect (0, -100, 400, 100);
  g_autoptr (GrPolygon) empty = gr_polygon_new_rect (0, 200, 400, 300);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-600, 0, -500, 100);
  GrSummary s;

  g_assert_cmpfloat_with_epsilon (gr_analysis_spread_population (a, block, 1000), 1000, 1e-9);
  g_assert_cmpfloat (gr_analysis_spread_population (a, empty, 300), ==, 0);
  g_assert_cmpfloat_with_epsilon (gr_analysis_get_unplaced_population (a), 300, 1e-9);
  gr_analysis_finish_demand (a);
  /* Park reaches 500 m: to x = 0 at the edge of the strip … x < 0 only; move
   * it so that it reaches x = 100, a quarter of the people. */
  gr_polygon_translate (park, 100, 0);
  gr_analysis_add_supply (a, park, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &s);
  g_assert_cmpfloat_with_epsilon (s.residential.population, 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.park.population, 250, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.neither.population, 750, 1e-6);
}

static void
test_population_point (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  GrSummary s;

  g_assert_true (gr_analysis_place_population (a, 10, 10, 42));
  /* 30 m off the strip: snapped onto the nearest homes. */
  g_assert_true (gr_analysis_place_population (a, 500, 80, 8));
  g_assert_false (gr_analysis_place_population (a, 500, 500, 5));
  gr_analysis_finish_demand (a);
  gr_analysis_summarize (a, -1, &s);
  g_assert_cmpfloat_with_epsilon (s.residential.population, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (gr_analysis_get_unplaced_population (a), 5, 1e-9);
}

static void
test_zones (void)
{
  g_autoptr (GrAnalysis) a = strip_city (2);
  g_autoptr (GrPolygon) west = gr_polygon_new_rect (-10, -10, 300, 60);
  g_autoptr (GrPolygon) east = gr_polygon_new_rect (300, -10, 1010, 60);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-100, 0, -50, 50);
  GrSummary w, e, city;

  gr_analysis_set_zone (a, west, 1);
  gr_analysis_set_zone (a, east, 2);
  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, park, FALSE, FALSE);
  gr_analysis_summarize (a, 1, &w);
  gr_analysis_summarize (a, 2, &e);
  gr_analysis_summarize (a, -1, &city);
  g_assert_cmpfloat_with_epsilon (w.residential.area_m2, 300 * 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (e.residential.area_m2, 700 * 50, 1e-6);
  /* 2,500 m² green 50 m west of the strip: 250 m into it, all in the west. */
  g_assert_cmpfloat_with_epsilon (w.green.area_m2, 250 * 50, 1e-6);
  g_assert_cmpfloat (e.green.area_m2, ==, 0);
  g_assert_cmpfloat_with_epsilon (city.green.area_m2, w.green.area_m2, 1e-6);
}

static void
test_sparse_tiles (void)
{
  /* Two 100 m blocks 40 km apart: tiles only where the homes are. */
  const double bounds[4] = { 0, 0, 40100, 40100 };
  GrCriteria   c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrAnalysis) a = gr_analysis_new (&c, rules, bounds, 0, NULL);
  g_autoptr (GrPolygon) sw = gr_polygon_new_rect (0, 0, 100, 100);
  g_autoptr (GrPolygon) ne = gr_polygon_new_rect (40000, 40000, 40100, 40100);
  GrGrid *grid;

  gr_analysis_add_residential (a, sw);
  gr_analysis_add_residential (a, ne);
  gr_analysis_finish_demand (a);
  grid = gr_coverage_get_grid (gr_analysis_get_coverage (a));
  g_assert_cmpuint (gr_grid_get_n_tiles (grid), <=, 8);
  /* A dense grid would need 8020² cells ≈ 64 M; this one a few thousand. */
  g_assert_cmpuint (gr_grid_get_memory_size (grid), <, 2 * 1024 * 1024);
  g_assert_cmpfloat_with_epsilon (gr_grid_get_residential_area (grid), 20000, 1e-6);
}

static double
residential_area (GrAnalysis *a)
{
  return gr_grid_get_residential_area (gr_coverage_get_grid (gr_analysis_get_coverage (a)));
}

static void
test_partial_cells (void)
{
  const double bounds[4] = { 0, 0, 200, 100 };
  GrCriteria   c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrAnalysis) once = gr_analysis_new (&c, rules, bounds, 0, NULL);
  g_autoptr (GrAnalysis) twice = gr_analysis_new (&c, rules, bounds, 0, NULL);
  /* An octagon off the grid lines: cells it cuts count their 4 × 4 share. */
  const double oct[] = { 30.3, 10.1, 60.7, 10.1, 80.2, 30.9, 80.2, 60.2,
                         60.7, 80.4, 30.3, 80.4, 10.6, 60.2, 10.6, 30.9 };
  const guint  end = 8;
  g_autoptr (GrPolygon) p = gr_polygon_new (oct, 8, &end, 1);
  g_autoptr (GrPolygon) square = gr_polygon_new_rect (120, 20, 140, 40);

  gr_analysis_add_residential (once, p);
  gr_analysis_finish_demand (once);
  g_assert_cmpfloat (fabs (residential_area (once) - gr_polygon_area (p)), <,
                     0.01 * gr_polygon_area (p));
  /* Overlapping residential polygons are a union, not a sum. */
  gr_analysis_add_residential (twice, p);
  gr_analysis_add_residential (twice, p);
  gr_analysis_add_residential (twice, square);
  gr_analysis_finish_demand (twice);
  g_assert_cmpfloat_with_epsilon (residential_area (twice), residential_area (once) + 400, 1e-6);
}

static void
test_too_large (void)
{
  g_autoptr (GError) error = NULL;
  const double bounds[4] = { 0, 0, 5e6, 5e6 };
  GrCriteria   c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrAnalysis) a = gr_analysis_new (&c, rules, bounds, 0, &error);

  g_assert_null (a);
  g_assert_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_TOO_LARGE);
}

GR_TEST_MAIN (NULL,
              { "/analysis/demand/population-split", test_population_split },
              { "/analysis/demand/population-point", test_population_point },
              { "/analysis/demand/zones", test_zones },
              { "/analysis/demand/sparse-tiles", test_sparse_tiles },
              { "/analysis/demand/partial-cells", test_partial_cells },
              { "/analysis/demand/too-large", test_too_large })
