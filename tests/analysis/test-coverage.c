/* test-coverage.c — coverage of a strip of homes by parks and green, the
 * rule table's service radii, and edits to the supply */
#include "gr-test-analysis.h"
#include "gr-test-main.h"

#include <math.h>

static void
test_strip_distances (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  /* A 1 ha park ending 200 m west of the strip: reaches 300 m into it for
   * the 500 m park rule, 100 m for the 300 m green rule. */
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-300, 0, -200, 100);
  GrSummary s;

  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, park, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &s);
  g_assert_cmpfloat_with_epsilon (s.residential.area_m2, 50000, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.park.area_m2, 300 * 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.green.area_m2, 100 * 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.both.area_m2, 100 * 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.neither.area_m2, 700 * 50, 1e-6);
  /* 1 ha ≥ 5,000 m²: the rule table's 500 m service radius. */
  g_assert_cmpfloat_with_epsilon (s.service.area_m2, 300 * 50, 1e-6);
}

static void
test_min_area (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  /* 15 × 20 m = 300 m²: below the 400 m² green floor, no service radius. */
  g_autoptr (GrPolygon) tiny = gr_polygon_new_rect (490, 60, 505, 80);
  /* 50 × 60 = 3,000 m²: green, not a park (< 1 ha), 300 m service radius. */
  g_autoptr (GrPolygon) pocket = gr_polygon_new_rect (475, 60, 525, 120);
  GrSummary s;

  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, tiny, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &s);
  g_assert_cmpfloat (s.green.area_m2, ==, 0);
  g_assert_cmpfloat (s.service.area_m2, ==, 0);
  gr_analysis_add_supply (a, pocket, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &s);
  g_assert_cmpfloat (s.park.area_m2, ==, 0);
  g_assert_cmpfloat (s.green.area_m2, >, 0);
  /* The strip's far edge (y = 0) is 60 m away: 300 m reach gives a chord of
   * ±√(300² − y'²) around x = 475…525; at 5 m cells within one cell row. */
  g_assert_cmpfloat_with_epsilon (s.green.area_m2, s.service.area_m2, 1e-6);
  g_assert_cmpfloat (fabs (s.green.area_m2 - (50 + 2 * sqrt (300.0 * 300 - 35.0 * 35)) * 50), <,
                     2 * RES * 50);
}

static void
test_historic_rule (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  /* 1,500 m²: no service radius unless inside a historic district. */
  g_autoptr (GrPolygon) garden = gr_polygon_new_rect (480, 60, 510, 110);
  GrSummary plain, historic;
  guint     id;

  gr_analysis_finish_demand (a);
  id = gr_analysis_add_supply (a, garden, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &plain);
  gr_analysis_remove_supply (a, id);
  gr_analysis_add_supply (a, garden, TRUE, TRUE);
  gr_analysis_summarize (a, -1, &historic);
  g_assert_cmpfloat (plain.service.area_m2, ==, 0);
  g_assert_cmpfloat (historic.service.area_m2, >, 0);
}

static void
test_add_remove (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (100, 100, 250, 200);
  g_autoptr (GrPolygon) other = gr_polygon_new_rect (600, -150, 640, -100);
  GrSummary before, after;
  guint     id;

  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, other, FALSE, FALSE);
  gr_analysis_summarize (a, -1, &before);
  id = gr_analysis_add_supply (a, park, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &after);
  g_assert_cmpfloat (after.park.area_m2, >, before.park.area_m2);
  g_assert_true (gr_analysis_remove_supply (a, id));
  gr_analysis_summarize (a, -1, &after);
  assert_same (&before, &after);
  g_assert_false (gr_analysis_remove_supply (a, id + 7));
}

static void
test_replace_moves (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  g_autoptr (GrPolygon) here = gr_polygon_new_rect (-400, 0, -300, 100);
  g_autoptr (GrPolygon) there = gr_polygon_new_rect (450, 60, 550, 160);
  GrSummary moved, fresh;
  guint     id;

  gr_analysis_finish_demand (a);
  id = gr_analysis_add_supply (a, here, TRUE, FALSE);
  g_assert_true (gr_analysis_replace_supply (a, id, there));
  gr_analysis_summarize (a, -1, &moved);
  gr_analysis_remove_supply (a, id);
  gr_analysis_add_supply (a, there, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &fresh);
  assert_same (&moved, &fresh);
  g_assert_cmpfloat_with_epsilon (moved.park.area_m2, 50000, 1e-6);
}

static void
test_rule_radius_in_coverage (void)
{
  g_autoptr (GError) error = NULL;
  const double bounds[4] = { 0, 0, 1000, 50 };
  GrCriteria   c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_parse ("2000,,150,no\n", &error);
  g_autoptr (GrAnalysis) a = gr_analysis_new (&c, rules, bounds, 0, &error);
  g_autoptr (GrPolygon) strip = gr_polygon_new_rect (0, 0, 1000, 50);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-100, 0, -50, 50);
  GrSummary s;

  gr_analysis_add_residential (a, strip);
  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, park, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &s);
  /* 50 m gap, 150 m radius: 100 m of the strip. */
  g_assert_cmpfloat_with_epsilon (s.service.area_m2, 100 * 50, 1e-6);
}

GR_TEST_MAIN (NULL,
              { "/analysis/coverage/strip-distances", test_strip_distances },
              { "/analysis/coverage/min-area", test_min_area },
              { "/analysis/coverage/historic-rule", test_historic_rule },
              { "/analysis/coverage/add-remove", test_add_remove },
              { "/analysis/coverage/replace", test_replace_moves },
              { "/analysis/coverage/rule-radius", test_rule_radius_in_coverage })
