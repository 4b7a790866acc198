/* test-analysis.c — the analysis library on cases worked out on paper */
#include "gr-analysis.h"

#include <math.h>
#include <string.h>

#define RES 5.0

static GrCriteria
criteria (void)
{
  GrCriteria c;

  gr_criteria_init_default (&c);
  c.resolution = RES;
  return c;
}

static void
test_polygon_area (void)
{
  /* A 100 m square with a 20 m square hole, rings in any orientation. */
  const double xy[] = { 0, 0, 100, 0, 100, 100, 0, 100,
                        40, 40, 60, 40, 60, 60, 40, 60 };
  const guint ends[] = { 4, 8 };
  g_autoptr (GrPolygon) p = gr_polygon_new (xy, 8, ends, 2);

  g_assert_cmpfloat_with_epsilon (gr_polygon_area (p), 10000 - 400, 1e-9);
  g_assert_true (gr_polygon_contains (p, 10, 10));
  g_assert_false (gr_polygon_contains (p, 50, 50));
  g_assert_cmpfloat_with_epsilon (gr_polygon_distance (p, 50, 50), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (gr_polygon_distance (p, 103, 104), 5, 1e-9);
}

static void
test_row_spans (void)
{
  g_autoptr (GrPolygon) p = gr_polygon_new_rect (0, 0, 100, 100);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  GrSpan *s;

  /* Through the middle: the square widened by the radius on both sides. */
  gr_polygon_row_spans (p, 50, 30, spans);
  g_assert_cmpuint (spans->len, ==, 1);
  s = &g_array_index (spans, GrSpan, 0);
  g_assert_cmpfloat_with_epsilon (s->x0, -30, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->x1, 130, 1e-9);
  /* 18 m above the top: the rounded corners, √(30² − 18²) = 24 beyond. */
  gr_polygon_row_spans (p, 118, 30, spans);
  s = &g_array_index (spans, GrSpan, 0);
  g_assert_cmpfloat_with_epsilon (s->x0, -24, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->x1, 124, 1e-9);
  gr_polygon_row_spans (p, 131, 30, spans);
  g_assert_cmpuint (spans->len, ==, 0);
  /* Interior only, a diagonal edge of a triangle. */
  {
    const double tri[] = { 0, 0, 100, 0, 0, 100 };
    const guint end = 3;
    g_autoptr (GrPolygon) t = gr_polygon_new (tri, 3, &end, 1);

    gr_polygon_row_spans (t, 25, 0, spans);
    s = &g_array_index (spans, GrSpan, 0);
    g_assert_cmpfloat_with_epsilon (s->x0, 0, 1e-9);
    g_assert_cmpfloat_with_epsilon (s->x1, 75, 1e-9);
  }
}

/* A strip of homes 0–1000 m east, 0–50 m north; grid aligned to the strip. */
static GrAnalysis *
strip_city (guint n_zones)
{
  const double bounds[4] = { 0, 0, 1000, 50 };
  GrCriteria c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrPolygon) strip = gr_polygon_new_rect (0, 0, 1000, 50);
  GrAnalysis *a = gr_analysis_new (&c, rules, bounds, n_zones, NULL);

  gr_analysis_add_residential (a, strip);
  return a;
}

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

/* What a selected park serves, without adding it: the same 300 m of the
 * strip its 500 m park rule covers once added, worked on paper above. */
static void
test_served (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-300, 0, -200, 100);
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
  GrAmount served;
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
  g_assert_cmpfloat (fabs (s.green.area_m2 - (50 + 2 * sqrt (300.0 * 300 - 35.0 * 35)) * 50), <, 2 * RES * 50);
}

static void
test_historic_rule (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  /* 1,500 m²: no service radius unless inside a historic district. */
  g_autoptr (GrPolygon) garden = gr_polygon_new_rect (480, 60, 510, 110);
  GrSummary plain, historic;
  guint id;

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
assert_same (const GrSummary *a, const GrSummary *b)
{
  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
}

static void
test_add_remove (void)
{
  g_autoptr (GrAnalysis) a = strip_city (0);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (100, 100, 250, 200);
  g_autoptr (GrPolygon) other = gr_polygon_new_rect (600, -150, 640, -100);
  GrSummary before, after;
  guint id;

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
  guint id;

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
  GrCriteria c = criteria ();
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
  GrCriteria c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrAnalysis) once = gr_analysis_new (&c, rules, bounds, 0, NULL);
  g_autoptr (GrAnalysis) twice = gr_analysis_new (&c, rules, bounds, 0, NULL);
  /* An octagon off the grid lines: cells it cuts count their 4 × 4 share. */
  const double oct[] = { 30.3, 10.1, 60.7, 10.1, 80.2, 30.9, 80.2, 60.2,
                         60.7, 80.4, 30.3, 80.4, 10.6, 60.2, 10.6, 30.9 };
  const guint end = 8;
  g_autoptr (GrPolygon) p = gr_polygon_new (oct, 8, &end, 1);
  g_autoptr (GrPolygon) square = gr_polygon_new_rect (120, 20, 140, 40);

  gr_analysis_add_residential (once, p);
  gr_analysis_finish_demand (once);
  g_assert_cmpfloat (fabs (residential_area (once) - gr_polygon_area (p)), <, 0.01 * gr_polygon_area (p));
  /* Overlapping residential polygons are a union, not a sum. */
  gr_analysis_add_residential (twice, p);
  gr_analysis_add_residential (twice, p);
  gr_analysis_add_residential (twice, square);
  gr_analysis_finish_demand (twice);
  g_assert_cmpfloat_with_epsilon (residential_area (twice), residential_area (once) + 400, 1e-6);
}

static void
test_rules_table (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrServiceRules) rules = gr_service_rules_parse ("# comment\n"
                                                             "min_area_m2,max_area_m2,radius_m,historic_only\n"
                                                             "10000,,800\n"
                                                             " 1000 , 10000 , 250 , no \n", &error);
  g_autoptr (GrServiceRules) bad = NULL;
  g_autoptr (GrServiceRules) defaults = gr_service_rules_new_default ();
  g_autofree char *text = NULL;
  g_autoptr (GrServiceRules) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (gr_service_rules_radius (rules, 20000, FALSE), ==, 800);
  g_assert_cmpfloat (gr_service_rules_radius (rules, 9999, FALSE), ==, 250);
  g_assert_cmpfloat (gr_service_rules_radius (rules, 999, FALSE), ==, 0);
  /* GB/T 50563 defaults. */
  g_assert_cmpfloat (gr_service_rules_radius (defaults, 5000, FALSE), ==, 500);
  g_assert_cmpfloat (gr_service_rules_radius (defaults, 4999, FALSE), ==, 300);
  g_assert_cmpfloat (gr_service_rules_radius (defaults, 1999, FALSE), ==, 0);
  g_assert_cmpfloat (gr_service_rules_radius (defaults, 1000, TRUE), ==, 300);
  text = gr_service_rules_to_text (defaults);
  again = gr_service_rules_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gr_service_rules_get_n_rules (again), ==, 3);
  bad = gr_service_rules_parse ("5000,,fast\n", &error);
  g_assert_null (bad);
  g_assert_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_RULES);
  g_assert_nonnull (strstr (error->message, "line 1"));
}

static void
test_rule_radius_in_coverage (void)
{
  g_autoptr (GError) error = NULL;
  const double bounds[4] = { 0, 0, 1000, 50 };
  GrCriteria c = criteria ();
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

static void
test_too_large (void)
{
  g_autoptr (GError) error = NULL;
  const double bounds[4] = { 0, 0, 5e6, 5e6 };
  GrCriteria c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrAnalysis) a = gr_analysis_new (&c, rules, bounds, 0, &error);

  g_assert_null (a);
  g_assert_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_TOO_LARGE);
}


/* ---- walking ----------------------------------------------------------------- */

/* A street along y = 0 from x = 0 to 1000, homes in a strip 0–1000 × 10–20
 * beside it (each cell 10–20 m off the street), and a park south of the
 * street's west end. */
static GrAnalysis *
walking_strip (GrNetwork *network, double attach)
{
  const double bounds[4] = { 0, 10, 1000, 20 };
  GrCriteria c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrPolygon) strip = gr_polygon_new_rect (0, 10, 1000, 20);
  GrAnalysis *a = gr_analysis_new (&c, rules, bounds, 0, NULL);

  gr_analysis_add_residential (a, strip);
  gr_network_finish (network, 0);
  gr_analysis_set_network (a, network, attach, 20);
  return a;
}

static GrNetwork *
street (void)
{
  const double xy[] = { 0, 0, 400, 0, 1000, 0 };
  GrNetwork *network = gr_network_new ();

  gr_network_add_line (network, xy, 3);
  return network;
}

static void
test_walking_along_street (void)
{
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  /* 1 ha park touching the street at its west end (access distance 0). */
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-100, -100, 0, 0);
  GrSummary s;

  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, park, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &s);
  /* The cell centred at (x, 12.5) / (x, 17.5) walks 12.5 / 17.5 m to the
   * street, then x along it: covered while x + off ≤ R. Cells are 5 m. */
  g_assert_cmpfloat_with_epsilon (s.green.area_m2, (290.0 + 285.0) * 5, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.park.area_m2, (490.0 + 485.0) * 5, 1e-6);
  g_assert_true (gr_analysis_supply_is_reachable (a, 1));
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

/* From a point beside the street: the step to it, then along it. */
static void
test_walking_distance_at (void)
{
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-100, -100, 0, 0);
  g_autoptr (GrPolygon) far = gr_polygon_new_rect (2000, -100, 2100, 0);

  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, park, TRUE, FALSE);
  /* 12.5 m to the street, 300 m along it, in at the corner node. */
  g_assert_cmpfloat_with_epsilon (gr_analysis_walk_distance (a, 300, 12.5, GR_LAYER_PARK, 2000), 312.5, 1e-3);
  g_assert_true (isinf (gr_analysis_walk_distance (a, 300, 12.5, GR_LAYER_PARK, 200)));
  /* Off the network: 80 m from any path, beyond the attach distance. */
  g_assert_true (isinf (gr_analysis_walk_distance (a, 300, 80, GR_LAYER_PARK, 2000)));
  /* An edit is seen: removing the park leaves nothing in reach. */
  gr_analysis_remove_supply (a, 1);
  g_assert_true (isinf (gr_analysis_walk_distance (a, 300, 12.5, GR_LAYER_PARK, 2000)));
  /* A park off the network's end is not reached either. */
  gr_analysis_add_supply (a, far, TRUE, FALSE);
  g_assert_true (isinf (gr_analysis_walk_distance (a, 300, 12.5, GR_LAYER_GREEN, 5000)));
}

static void
test_walking_bridge (void)
{
  /* The homes' street runs north–south under a bridge at x = 500; the park
   * sits on the bridge road, 100 m north. Without a shared vertex the
   * bridge does not meet the street. */
  const double under[] = { 0, 0, 1000, 0 };
  const double bridge[] = { 500, -300, 500, 300 };
  const double under_joined[] = { 0, 0, 500, 0, 1000, 0 };
  const double joined[] = { 500, -300, 500, 0, 500, 300 };
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (480, 100, 520, 200);
  GrNetwork *apart = gr_network_new (), *crossing = gr_network_new ();
  g_autoptr (GrAnalysis) a = NULL;
  g_autoptr (GrAnalysis) b = NULL;
  GrSummary sa, sb;

  gr_network_add_line (apart, under, 2);
  gr_network_add_line (apart, bridge, 2);
  gr_network_add_line (crossing, under_joined, 3);
  gr_network_add_line (crossing, joined, 3);
  a = walking_strip (apart, 50);
  b = walking_strip (crossing, 50);
  gr_analysis_finish_demand (a);
  gr_analysis_finish_demand (b);
  gr_analysis_add_supply (a, park, FALSE, FALSE);
  gr_analysis_add_supply (b, park, FALSE, FALSE);
  gr_analysis_summarize (a, -1, &sa);
  gr_analysis_summarize (b, -1, &sb);
  /* Apart: only the ten cells nearer the bridge road than the street
   * (|x − 500| < their 12.5 / 17.5 m offset) attach to it and are served. */
  g_assert_cmpfloat_with_epsilon (sa.green.area_m2, 10 * 25, 1e-6);
  /* Joined: 100 m down the road, then |x − 500| ≤ 300 − 100 − off along
   * the street: 76 cells at 12.5 m off, 74 at 17.5 m. */
  g_assert_cmpfloat_with_epsilon (sb.green.area_m2, (76 + 74) * 25, 1e-6);
}

static void
test_walking_snap_and_stats (void)
{
  const double west[] = { 0, 0, 497, 0 };
  const double east[] = { 500, 0, 1000, 0 };
  const double island[] = { 0, 500, 100, 500 };
  g_autoptr (GrNetwork) loose = gr_network_new ();
  g_autoptr (GrNetwork) snapped = gr_network_new ();
  GrNetworkStats s1, s2;

  gr_network_add_line (loose, west, 2);
  gr_network_add_line (loose, east, 2);
  gr_network_add_line (loose, island, 2);
  gr_network_add_line (snapped, west, 2);
  gr_network_add_line (snapped, east, 2);
  gr_network_add_line (snapped, island, 2);
  gr_network_finish (loose, 0);
  gr_network_finish (snapped, 5);
  gr_network_get_stats (loose, &s1);
  gr_network_get_stats (snapped, &s2);
  g_assert_cmpuint (s1.components, ==, 3);
  g_assert_cmpuint (s1.dangling_ends, ==, 6);
  g_assert_cmpuint (s1.snapped, ==, 0);
  /* 497 → 500 is 3 m: joined (both ends snap, to each other). */
  g_assert_cmpuint (s2.components, ==, 2);
  g_assert_cmpuint (s2.snapped, >=, 1);
  g_assert_cmpuint (s2.dangling_ends, ==, 4);
  /* Long pieces are split to at most 20 m: 497 m → 25 segments. */
  g_assert_cmpuint (s1.edges, ==, 25 + 25 + 5);
}

static GrPolygon *
pocket (double x, double y)
{
  return gr_polygon_new_rect (x, y, x + 30, y + 30);
}

static void
test_walking_add_remove_order (void)
{
  const double sites[][2] = { { 100, -40 }, { 700, -35 }, { 300, 25 }, { 900, 21 }, { 480, -60 } };
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  g_autoptr (GrAnalysis) b = walking_strip (street (), 50);
  g_autoptr (GPtrArray) parks = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  GrSummary empty, all_a, all_b, after;
  guint ids[G_N_ELEMENTS (sites)];

  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    g_ptr_array_add (parks, pocket (sites[i][0], sites[i][1]));
  gr_analysis_finish_demand (a);
  gr_analysis_finish_demand (b);
  gr_analysis_summarize (a, -1, &empty);
  for (guint i = 0; i < parks->len; i++)
    ids[i] = gr_analysis_add_supply (a, g_ptr_array_index (parks, i), TRUE, FALSE);
  /* The same features in another order. */
  for (guint i = parks->len; i-- > 0;)
    gr_analysis_add_supply (b, g_ptr_array_index (parks, (i * 3) % parks->len), TRUE, FALSE);
  gr_analysis_summarize (a, -1, &all_a);
  gr_analysis_summarize (b, -1, &all_b);
  assert_same (&all_a, &all_b);
  /* And all at once, the reaches computed on two threads. */
  {
    g_autoptr (GrAnalysis) c = walking_strip (street (), 50);
    const gboolean parks_flag[] = { TRUE, TRUE, TRUE, TRUE, TRUE };
    guint batch_ids[G_N_ELEMENTS (sites)];
    GrSummary all_c;

    gr_analysis_finish_demand (c);
    gr_analysis_add_supplies (c, (const GrPolygon *const *) parks->pdata, parks_flag, NULL,
                              parks->len, batch_ids);
    gr_analysis_summarize (c, -1, &all_c);
    assert_same (&all_a, &all_c);
    g_assert_false (gr_analysis_supply_is_reachable (c, batch_ids[4]));
    g_assert_true (gr_analysis_supply_is_reachable (c, batch_ids[0]));
    for (guint i = 0; i < parks->len; i++)
      gr_analysis_remove_supply (c, batch_ids[i]);
    gr_analysis_summarize (c, -1, &all_c);
    assert_same (&empty, &all_c);
  }
  g_assert_cmpfloat (all_a.green.area_m2, >, 0);
  /* The one 60 m off the street is out of access reach. */
  g_assert_false (gr_analysis_supply_is_reachable (a, ids[4]));
  for (guint i = 0; i < parks->len; i++)
    gr_analysis_remove_supply (a, ids[i]);
  gr_analysis_summarize (a, -1, &after);
  assert_same (&empty, &after);
}

static void
test_walking_replace (void)
{
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  g_autoptr (GrPolygon) here = pocket (100, -40);
  g_autoptr (GrPolygon) there = pocket (600, -40);
  GrSummary moved, fresh;
  guint id;

  gr_analysis_finish_demand (a);
  id = gr_analysis_add_supply (a, here, FALSE, FALSE);
  g_assert_true (gr_analysis_replace_supply (a, id, there));
  gr_analysis_summarize (a, -1, &moved);
  gr_analysis_remove_supply (a, id);
  gr_analysis_add_supply (a, there, FALSE, FALSE);
  gr_analysis_summarize (a, -1, &fresh);
  assert_same (&moved, &fresh);
}

static void
test_walking_unattached (void)
{
  /* Homes 10–20 m off the street; an attach distance of 15 m leaves the
   * cells centred 17.5 m away unattached: half the strip. */
  g_autoptr (GrAnalysis) a = walking_strip (street (), 15);
  GrAmount lost;

  gr_analysis_finish_demand (a);
  lost = gr_analysis_get_unattached (a);
  g_assert_cmpfloat_with_epsilon (lost.area_m2, 1000 * 5, 1e-6);
}

static void
test_walking_entrance (void)
{
  /* A park beside the street at x = 500–600, but its only gate is at the
   * east end: the walk goes round to x = 600. */
  g_autoptr (GrAnalysis) open = walking_strip (street (), 50);
  g_autoptr (GrAnalysis) gated = walking_strip (street (), 50);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (500, -60, 600, 0);
  GrSummary so, sg;

  gr_analysis_add_entrance (gated, 600, -1);
  gr_analysis_finish_demand (open);
  gr_analysis_finish_demand (gated);
  gr_analysis_add_supply (open, park, FALSE, FALSE);
  gr_analysis_add_supply (gated, park, FALSE, FALSE);
  gr_analysis_summarize (open, -1, &so);
  gr_analysis_summarize (gated, -1, &sg);
  /* Open: 100 m of frontage plus 300 m each way. Gated: 300 m each way of x = 600. */
  g_assert_cmpfloat (sg.green.area_m2, <, so.green.area_m2);
  /* The gate sits 1 m off the path: up to a cell more per row and side. */
  g_assert_cmpfloat_with_epsilon (so.green.area_m2 - sg.green.area_m2, 100 * 10, 5 * 25);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analysis/polygon/area", test_polygon_area);
  g_test_add_func ("/analysis/polygon/row-spans", test_row_spans);
  g_test_add_func ("/analysis/coverage/strip-distances", test_strip_distances);
  g_test_add_func ("/analysis/coverage/min-area", test_min_area);
  g_test_add_func ("/analysis/coverage/historic-rule", test_historic_rule);
  g_test_add_func ("/analysis/coverage/add-remove", test_add_remove);
  g_test_add_func ("/analysis/coverage/replace", test_replace_moves);
  g_test_add_func ("/analysis/coverage/rule-radius", test_rule_radius_in_coverage);
  g_test_add_func ("/analysis/demand/population-split", test_population_split);
  g_test_add_func ("/analysis/demand/population-point", test_population_point);
  g_test_add_func ("/analysis/demand/zones", test_zones);
  g_test_add_func ("/analysis/demand/sparse-tiles", test_sparse_tiles);
  g_test_add_func ("/analysis/demand/partial-cells", test_partial_cells);
  g_test_add_func ("/analysis/demand/too-large", test_too_large);
  g_test_add_func ("/analysis/rules/table", test_rules_table);
  g_test_add_func ("/analysis/walking/along-street", test_walking_along_street);
  g_test_add_func ("/analysis/walking/bridge", test_walking_bridge);
  g_test_add_func ("/analysis/walking/snap-and-stats", test_walking_snap_and_stats);
  g_test_add_func ("/analysis/walking/add-remove-order", test_walking_add_remove_order);
  g_test_add_func ("/analysis/walking/replace", test_walking_replace);
  g_test_add_func ("/analysis/walking/unattached", test_walking_unattached);
  g_test_add_func ("/analysis/walking/entrance", test_walking_entrance);
  g_test_add_func ("/analysis/served", test_served);
  g_test_add_func ("/analysis/walking/served", test_walking_served);
  g_test_add_func ("/analysis/walking/distance-at", test_walking_distance_at);
  return g_test_run ();
}
