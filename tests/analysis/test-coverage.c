/* test-coverage.c — coverage of a strip of homes by parks and green, the
 * rule table's service radii, and edits to the supply */
#include "gr-test-analysis.h"
#include "gr-test-main.h"

#include <math.h>
#include <string.h>

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

/* A wobbly ring of @n points around (cx, cy), as a polygon. */
static GrPolygon *
blob (GRand *rand, double cx, double cy, double r, guint n)
{
  g_autofree double *xy = g_new (double, 2 * n);

  for (guint i = 0; i < n; i++)
    {
      double a = 2 * G_PI * i / n, d = r * g_rand_double_range (rand, 0.4, 1.0);

      xy[2 * i] = cx + d * cos (a);
      xy[2 * i + 1] = cy + d * sin (a);
    }
  return gr_polygon_new (xy, n, &n, 1);
}

/* A town of scattered estates with green spaces and parks around, one of
 * them a reserve larger than the town. */
static GrCoverage *
scattered_town (guint seed, guint n_threads, GPtrArray *features)
{
  const double bounds[4] = { 0, 0, 3000, 2500 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GPtrArray) estates = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  GrGrid *grid = gr_grid_new (bounds, 5, 2);

  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (estates,
                     blob (rand, g_rand_double_range (rand, 0, 3000),
                           g_rand_double_range (rand, 0, 2500), g_rand_double_range (rand, 20, 150),
                           5 + g_rand_int_range (rand, 0, 40)));
  gr_grid_add_residentials (grid, (const GrPolygon *const *) estates->pdata, estates->len,
                            n_threads);
  /* Census tracts, overlapping, their residents spread over the homes. */
  {
    g_autoptr (GPtrArray) tracts =
        g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
    double people[30], placed[30];

    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      {
        double x = g_rand_double_range (rand, -100, 2800),
               y = g_rand_double_range (rand, -100, 2300);

        g_ptr_array_add (tracts,
                         gr_polygon_new_rect (x, y, x + g_rand_double_range (rand, 200, 900),
                                              y + g_rand_double_range (rand, 200, 900)));
        people[i] = g_rand_double_range (rand, 10, 20000);
      }
    gr_grid_spread_populations (grid, (const GrPolygon *const *) tracts->pdata, people, tracts->len,
                                n_threads, placed);
  }
  g_ptr_array_add (features, blob (rand, 1500, -2600, 3000, 2000));
  for (guint i = 0; i < 60; i++)
    g_ptr_array_add (features, blob (rand, g_rand_double_range (rand, -500, 3500),
                                     g_rand_double_range (rand, -500, 3000),
                                     g_rand_double_range (rand, 10, 200),
                                     3 + g_rand_int_range (rand, 0, 200)));
  return gr_coverage_new (grid, 0);
}

static void
add_features (GrCoverage *coverage, GPtrArray *features)
{
  for (guint i = 0; i < features->len; i++)
    gr_coverage_add (coverage, i % 2, g_ptr_array_index (features, i), i % 2 ? 500 : 300);
}

static void
assert_same_coverage (GrCoverage *a, GrCoverage *b)
{
  GrGrid *grid = gr_coverage_get_grid (a);
  double  x0, y0;
  guint   nx, ny, cells = 0;

  gr_coverage_get_grid (b);
  gr_grid_get_layout (grid, &x0, &y0, &nx, &ny);
  g_assert_cmpfloat (gr_grid_get_population (grid), >, 1000);
  g_assert_cmpfloat (gr_grid_get_population (grid), ==,
                     gr_grid_get_population (gr_coverage_get_grid (b)));
  for (guint row = 0; row < ny * GR_GRID_TILE_SIZE; row++)
    for (guint col = 0; col < nx * GR_GRID_TILE_SIZE; col++)
      for (guint layer = 0; layer < 2; layer++)
        {
          guint  n = gr_coverage_cell_count_at (a, layer, col, row);
          double x, y;

          gr_grid_cell_center (grid, col, row, &x, &y);
          g_assert_cmpfloat (gr_grid_cell_population (grid, x, y), ==,
                             gr_grid_cell_population (gr_coverage_get_grid (b), x, y));

          g_assert_cmpuint (n, ==, gr_coverage_cell_count_at (b, layer, col, row));
          cells += n > 0;
        }
  g_assert_cmpuint (cells, >, 1000);
  for (guint mask = 0; mask < 4; mask++)
    for (guint value = 0; value < 4; value++)
      {
        GrAmount p = gr_coverage_sum (a, -1, mask, value), q = gr_coverage_sum (b, -1, mask, value);

        g_assert_cmpmem (&p, sizeof p, &q, sizeof q);
      }
  for (guint ty = 0; ty < ny; ty++)
    for (guint tx = 0; tx < nx; tx++)
      {
        guint8   sa[4096], sb[4096], pa[4096], pb[4096];
        gboolean ha = gr_coverage_get_tile (a, tx, ty, sa, pa);

        g_assert_true (ha == gr_coverage_get_tile (b, tx, ty, sb, pb));
        if (!ha)
          continue;
        g_assert_cmpmem (sa, sizeof sa, sb, sizeof sb);
        g_assert_cmpmem (pa, sizeof pa, pb, sizeof pb);
        for (guint i = 0; i < 4096; i++)
          if (pa[i] == 0)
            g_assert_cmpuint (sa[i], ==, 0); /* no homes, no state */
      }
}

/* Every 7th cell with homes, its counts against the features' distances
 * worked out one by one: the bands, windows and skipped rows leave out
 * nothing that reaches a home. */
static void
assert_counts_by_distance (GrCoverage *coverage, GPtrArray *features)
{
  GrGrid *grid = gr_coverage_get_grid (coverage);
  double  x0, y0;
  guint   nx, ny, checked = 0, no_park = 0, several = 0, k = 0;

  gr_grid_get_layout (grid, &x0, &y0, &nx, &ny);
  for (guint row = 0; row < ny * GR_GRID_TILE_SIZE; row++)
    for (guint col = 0; col < nx * GR_GRID_TILE_SIZE; col++)
      {
        double x, y;
        guint  want[2] = { 0, 0 };

        gr_grid_cell_center (grid, col, row, &x, &y);
        if (gr_grid_cell_area (grid, x, y) <= 0 || k++ % 7 != 0)
          continue;
        for (guint i = 0; i < features->len; i++)
          {
            const GrPolygon *polygon = g_ptr_array_index (features, i);
            double           radius = i % 2 ? 500 : 300, b[4];

            gr_polygon_bounds (polygon, b);
            if (x < b[0] - radius || x > b[2] + radius || y < b[1] - radius || y > b[3] + radius)
              continue;
            want[i % 2] += gr_polygon_distance (polygon, x, y) <= radius;
          }
        for (guint layer = 0; layer < 2; layer++)
          g_assert_cmpuint (gr_coverage_cell_count_at (coverage, layer, col, row), ==, want[layer]);
        no_park += want[1] == 0;
        several += want[0] >= 2;
        checked++;
      }
  g_assert_cmpuint (checked, >, 2000);
  /* Homes out of a park's reach, and homes within reach of several. */
  g_assert_cmpuint (no_park, >, 10);
  g_assert_cmpuint (several, >, 100);
}

/* Homes added, residents spread and features added before the first read
 * are counted together, by bands or areas on several threads: the same
 * samples, residents and counts, cell for cell, as one thread, and as adding features one at a time to a
 * coverage already read; removing them all leaves nothing. */
static void
test_threads_and_edits (void)
{
  g_autoptr (GPtrArray) features =
      g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  g_autoptr (GrCoverage) one = scattered_town (20261206, 1, features);
  g_autoptr (GPtrArray) unused = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  g_autoptr (GrCoverage) edited = scattered_town (20261206, 2, unused);
  GrAmount all, none;

  gr_coverage_set_threads (one, 1);
  add_features (one, features);
  assert_counts_by_distance (one, features);
  for (guint n = 2; n <= 5; n += 3)
    {
      g_autoptr (GPtrArray) same =
          g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
      g_autoptr (GrCoverage) many = scattered_town (20261206, n, same);

      gr_coverage_set_threads (many, n);
      add_features (many, same);
      assert_same_coverage (one, many);
    }
  gr_coverage_settle (edited);
  add_features (edited, unused);
  assert_same_coverage (one, edited);
  for (guint i = 0; i < unused->len; i++)
    g_assert_true (gr_coverage_remove (edited, i + 1));
  all = gr_coverage_sum (edited, -1, 0, 0);
  none = gr_coverage_sum (edited, -1, 3, 0);
  g_assert_cmpmem (&all, sizeof all, &none, sizeof none);
}

GR_TEST_MAIN (NULL,
              { "/analysis/coverage/strip-distances", test_strip_distances },
              { "/analysis/coverage/min-area", test_min_area },
              { "/analysis/coverage/historic-rule", test_historic_rule },
              { "/analysis/coverage/add-remove", test_add_remove },
              { "/analysis/coverage/replace", test_replace_moves },
              { "/analysis/coverage/rule-radius", test_rule_radius_in_coverage },
              { "/analysis/coverage/threads-and-edits", test_threads_and_edits })
