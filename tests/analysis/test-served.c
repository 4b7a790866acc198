/* test-served.c — what a selected park serves without adding it, by
 * distance and along the street */
#include "gr-test-analysis.h"
#include "gr-test-main.h"

/* What a selected park serves, without adding it: the same 300 m of the
 * strip its 500 m park rule covers once added, worked on paper above. */
static void
test_served (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-300, 0, -200, 100);
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
  GrAmount  served;
  GrSummary s;

  gr_analysis_finish_demand (a);
  served = gr_analysis_served (a, park, 500, cells);
  g_assert_cmpfloat_with_epsilon (served.area_m2, 300 * 50, 1e-6);
  g_assert_cmpuint (cells->len, ==, (300 / 5) * (50 / 5));
  gr_analysis_summarize (a, -1, &s);
  g_assert_cmpfloat (s.park.area_m2, ==, 0); /* nothing was entered */
  served = gr_analysis_served (a, park, 150, NULL);
  g_assert_cmpfloat (served.area_m2, ==, 0);
}

static void
test_walking_served (void)
{
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-100, -100, 0, 0);
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
  GrAmount served;

  gr_analysis_finish_demand (a);
  served = gr_analysis_served (a, park, 500, cells);
  g_assert_cmpfloat_with_epsilon (served.area_m2, (490.0 + 485.0) * 5, 1e-6);
  for (guint i = 0; i < cells->len; i++)
    g_assert_cmpint (g_array_index (cells, GrCellDistance, i).mm, <=, 500000);
}

GR_TEST_MAIN (NULL,
              { "/analysis/served", test_served },
              { "/analysis/walking/served", test_walking_served })
