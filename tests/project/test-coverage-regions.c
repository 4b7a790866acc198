/* test-coverage-regions.c — the analysis grid's cells merged into polygons
 * by coverage state: a strip worked out on paper, then a real extract
 * whose regions must add up to the analysis exactly */
#include "gr-coverage-regions.h"

#include "gr-test-analysis.h"
#include "gr-test-main.h"
#include "gr-test-project.h"

/* Homes 0–1000 m × 0–50 m; green space west of them (reaching x < 250),
 * a park east (reaching x ≥ 550 as a park and x ≥ 750 as green space, which
 * a park is too): four regions, whole rectangles. */
static void
test_strip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrAnalysis) a = strip_city (0);
  g_autoptr (GrPolygon) green = gr_polygon_new_rect (-150, 0, -50, 50);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (1050, 0, 1150, 100);
  g_autoptr (GPtrArray) regions = NULL;
  static const struct
  {
    GrCoverageState state;
    double          x0, x1;
  } expected[] = {
    { GR_COVERAGE_NO_PARK, 0, 250 },
    { GR_COVERAGE_NEITHER, 250, 550 },
    { GR_COVERAGE_NO_GREEN, 550, 750 },
    { GR_COVERAGE_BOTH, 750, 1000 },
  };

  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, green, FALSE, FALSE);
  gr_analysis_add_supply (a, park, TRUE, FALSE);
  regions = gr_coverage_regions (a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < regions->len; i++)
    {
      const GrCoverageRegion *r = g_ptr_array_index (regions, i);
      OGREnvelope             env;

      g_assert_cmpint (r->state, ==, expected[i].state);
      g_assert_cmpint (OGR_G_GetGeometryType (r->geometry), ==, wkbMultiPolygon);
      OGR_G_GetEnvelope (r->geometry, &env);
      g_assert_cmpfloat_with_epsilon (env.MinX, expected[i].x0, 1e-9);
      g_assert_cmpfloat_with_epsilon (env.MaxX, expected[i].x1, 1e-9);
      g_assert_cmpfloat_with_epsilon (env.MinY, 0, 1e-9);
      g_assert_cmpfloat_with_epsilon (env.MaxY, 50, 1e-9);
      g_assert_cmpfloat_with_epsilon (OGR_G_Area (r->geometry),
                                      (expected[i].x1 - expected[i].x0) * 50, 1e-6);
      g_assert_cmpfloat_with_epsilon (r->residential_m2, (expected[i].x1 - expected[i].x0) * 50,
                                      1e-6);
      g_assert_cmpuint (r->cells, ==, (expected[i].x1 - expected[i].x0) / RES * 10);
    }
  g_assert_cmpstr (gr_coverage_state_get_key (GR_COVERAGE_NEITHER), ==, "neither");
}

static void
assert_close (double a, double b)
{
  g_assert_cmpfloat (fabs (a - b), <=, 1e-9 * MAX (1, fabs (b)));
}

/* Helsinki centre: every residential cell in one region; each state's regions add
 * up to the analysis's figures; every polygon valid, its area its cells';
 * and no two regions of one state share a side (their union has as many
 * polygons as there are regions). */
static void
test_extract (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("helsinki-centre.osm.pbf");
  GrCriteria c = default_criteria ();
  g_autoptr (GrAnalysis) a = gr_project_build_analysis (project, &c, NULL, &error);
  g_autoptr (GPtrArray) regions = NULL;
  double          area[GR_N_COVERAGE_STATES] = { 0 }, people[GR_N_COVERAGE_STATES] = { 0 };
  guint           count[GR_N_COVERAGE_STATES] = { 0 };
  GrSummary       s;
  const GrAmount *sums[GR_N_COVERAGE_STATES];

  g_assert_no_error (error);
  regions = gr_coverage_regions (a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, >, 10);
  for (guint i = 0; i < regions->len; i++)
    {
      const GrCoverageRegion *r = g_ptr_array_index (regions, i);

      g_assert_true (OGR_G_IsValid (r->geometry));
      g_assert_cmpfloat_with_epsilon (OGR_G_Area (r->geometry),
                                      r->cells * c.resolution * c.resolution, 1e-6);
      g_assert_cmpfloat (r->residential_m2, <=, r->cells * c.resolution * c.resolution + 1e-6);
      area[r->state] += r->residential_m2;
      people[r->state] += r->residents;
      count[r->state]++;
    }
  gr_analysis_summarize (a, -1, &s);
  s.park.area_m2 -= s.both.area_m2, s.park.population -= s.both.population;
  s.green.area_m2 -= s.both.area_m2, s.green.population -= s.both.population;
  sums[GR_COVERAGE_BOTH] = &s.both;
  sums[GR_COVERAGE_NO_PARK] = &s.green;
  sums[GR_COVERAGE_NO_GREEN] = &s.park;
  sums[GR_COVERAGE_NEITHER] = &s.neither;
  for (guint k = 0; k < GR_N_COVERAGE_STATES; k++)
    {
      OGRGeometryH all = OGR_G_CreateGeometry (wkbMultiPolygon);
      OGRGeometryH merged;

      assert_close (area[k], sums[k]->area_m2);
      assert_close (people[k], sums[k]->population);
      for (guint i = 0; i < regions->len; i++)
        {
          const GrCoverageRegion *r = g_ptr_array_index (regions, i);

          for (int p = 0; r->state == k && p < OGR_G_GetGeometryCount (r->geometry); p++)
            OGR_G_AddGeometry (all, OGR_G_GetGeometryRef (r->geometry, p));
        }
      merged = OGR_G_UnionCascaded (all);
      g_assert_cmpint (count[k] == 0                          ? 0
                       : OGR_G_GetGeometryCount (merged) == 0 ? 1
                                                              : OGR_G_GetGeometryCount (merged),
                       ==, count[k]);
      OGR_G_DestroyGeometry (merged);
      OGR_G_DestroyGeometry (all);
    }
}

GR_TEST_MAIN (NULL,
              { "/project/coverage-regions/strip", test_strip },
              { "/project/coverage-regions/extract", test_extract })
