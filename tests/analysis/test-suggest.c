/* test-suggest.c — site suggestion on cases worked on paper
 *
 * Homes lie in clusters along a strip (y 0–50 m). Candidates are 20 × 20 m
 * squares (400 m²: green space by the 400 m² floor, too small for the 1 ha
 * park rule and for the rule table's 2,000 m² pocket park), so each serves
 * by the 300 m green rule only, from its boundary.
 */
#include "gr-suggest.h"
#include "gr-test-analysis.h"
#include "gr-test-main.h"

typedef struct
{
  double x0, x1, people;
} Cluster;

/* Residential clusters from x0 to x1 with their residents, finished. */
static GrAnalysis *
clusters (const Cluster *c, guint n)
{
  const double bounds[4] = { c[0].x0, 0, c[n - 1].x1, 50 };
  GrCriteria   crit = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  GrAnalysis *a = gr_analysis_new (&crit, rules, bounds, 0, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GrPolygon) p = gr_polygon_new_rect (c[i].x0, 0, c[i].x1, 50);

      gr_analysis_add_residential (a, p);
      gr_analysis_spread_population (a, p, c[i].people);
    }
  gr_analysis_finish_demand (a);
  return a;
}

static void
add_square (GrSuggest *s, double x)
{
  g_autoptr (GrPolygon) p = gr_polygon_new_rect (x - 10, 15, x + 10, 35);

  gr_suggest_add_candidate (s, p);
}

/* Two clusters 2 km apart, 1,000 and 500 residents, and three candidates:
 * one beside each cluster (every home within 160 m of it) and one half-way
 * (1 km from both). The two beside the clusters are the answer, the
 * larger first; a third site would add nothing and is not offered. */
static void
test_two_clusters (void)
{
  const Cluster c[] = { { 0, 100, 1000 }, { 2000, 2100, 500 } };
  g_autoptr (GrAnalysis) a = clusters (c, 2);
  g_autoptr (GrSuggest) s = gr_suggest_new (a, GR_SUGGEST_BLIND_SPOTS, GR_SUGGEST_BY_RESIDENTS);
  g_autoptr (GArray) picks = NULL;

  add_square (s, 1050);
  add_square (s, 2160);
  add_square (s, 160);
  g_assert_true (gr_suggest_prepare (s, NULL, NULL));
  picks = gr_suggest_rank (s, 3);
  g_assert_cmpuint (picks->len, ==, 2);
  g_assert_cmpuint (g_array_index (picks, GrSuggestPick, 0).candidate, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (picks, GrSuggestPick, 0).value, 1000, 1e-9);
  g_assert_cmpuint (g_array_index (picks, GrSuggestPick, 1).candidate, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (picks, GrSuggestPick, 1).value, 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (gr_suggest_served (s), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gr_suggest_total (s), 1500, 1e-9);
}

/* Four clusters a b c d at 0, 400, 800 and 1,200 m (100 m each; 2,000,
 * 3,000, 3,000, 2,000 residents) and candidates L (between a and b), M
 * (between b and c) and R (between c and d): each reaches the two clusters
 * beside it, 240 m away at most, and no other (540 m). Greedy takes M
 * (6,000) and then L (2,000 more): 8,000; L and R together serve 10,000. */
static const Cluster four[] = { { 0, 100, 2000 },
                                { 400, 500, 3000 },
                                { 800, 900, 3000 },
                                { 1200, 1300, 2000 } };

static GrSuggest *
left_middle_right (GrAnalysis *a)
{
  GrSuggest *s = gr_suggest_new (a, GR_SUGGEST_BLIND_SPOTS, GR_SUGGEST_BY_RESIDENTS);

  add_square (s, 250);  /* L */
  add_square (s, 650);  /* M */
  add_square (s, 1050); /* R */
  g_assert_true (gr_suggest_prepare (s, NULL, NULL));
  return s;
}

static void
test_greedy_not_optimal (void)
{
  g_autoptr (GrAnalysis) a = clusters (four, 4);
  g_autoptr (GrSuggest) s = left_middle_right (a);
  g_autoptr (GArray) picks = gr_suggest_rank (s, 2);
  g_autoptr (GArray) without_m = NULL;

  g_assert_cmpuint (picks->len, ==, 2);
  g_assert_cmpuint (g_array_index (picks, GrSuggestPick, 0).candidate, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (picks, GrSuggestPick, 0).value, 6000, 1e-9);
  /* L and R tie at 2,000 and are the same size: the earlier one. */
  g_assert_cmpuint (g_array_index (picks, GrSuggestPick, 1).candidate, ==, 0);
  g_assert_cmpfloat_with_epsilon (g_array_index (picks, GrSuggestPick, 1).value, 2000, 1e-9);

  /* M rejected: the ranking around it is L and R. */
  gr_suggest_set_excluded (s, 1, TRUE);
  without_m = gr_suggest_rank (s, 2);
  g_assert_cmpuint (without_m->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (without_m, GrSuggestPick, 0).value
                                      + g_array_index (without_m, GrSuggestPick, 1).value,
                                  10000, 1e-9);
}

/* The aggregated problem: four groups, one per cluster, each with the
 * candidates that reach it. */
static void
test_problem_groups (void)
{
  g_autoptr (GrAnalysis) a = clusters (four, 4);
  g_autoptr (GrSuggest) s = left_middle_right (a);
  GrSuggestProblem p;
  double           total = 0;
  guint            by_size[3] = { 0 };

  gr_suggest_get_problem (s, &p);
  g_assert_cmpuint (p.groups->len, ==, 4);
  for (guint i = 0; i < p.groups->len; i++)
    {
      GrSuggestGroup *g = &g_array_index (p.groups, GrSuggestGroup, i);

      total += g->weight;
      g_assert_cmpuint (g->n, >=, 1);
      g_assert_cmpuint (g->n, <=, 2);
      by_size[g->n]++;
      if (g->n == 2) /* b or c: 3,000 each */
        g_assert_cmpfloat_with_epsilon (g->weight, 3000, 1e-6);
    }
  g_assert_cmpuint (by_size[1], ==, 2);
  g_assert_cmpuint (by_size[2], ==, 2);
  g_assert_cmpfloat_with_epsilon (total, 10000, 1e-6);
  g_assert_cmpuint (p.pairs->len, ==, 0);
  gr_suggest_problem_clear (&p);
}

/* 95 % of the residents cannot be reached with L and M alone: both are
 * taken (80 %) and the answer says it falls short. 50 % takes one site. */
static void
test_target (void)
{
  g_autoptr (GrAnalysis) a = clusters (four, 4);
  g_autoptr (GrSuggest) s = left_middle_right (a);
  g_autoptr (GArray) short_of = NULL;
  g_autoptr (GArray) half = NULL;
  gboolean reached = TRUE;

  gr_suggest_set_excluded (s, 2, TRUE);
  short_of = gr_suggest_reach (s, 0.95, &reached);
  g_assert_false (reached);
  g_assert_cmpuint (short_of->len, ==, 2);
  half = gr_suggest_reach (s, 0.5, &reached);
  g_assert_true (reached);
  g_assert_cmpuint (half->len, ==, 1);
  g_assert_cmpuint (g_array_index (half, GrSuggestPick, 0).candidate, ==, 1);
}

/* New parks within the spacing of a chosen one are not chosen: L and R
 * are 400 m from M, so a 500 m spacing leaves M alone. */
static void
test_spacing (void)
{
  g_autoptr (GrAnalysis) a = clusters (four, 4);
  g_autoptr (GrSuggest) s = left_middle_right (a);
  g_autoptr (GArray) picks = NULL;
  GrSuggestProblem p;

  gr_suggest_set_spacing (s, 500);
  picks = gr_suggest_rank (s, 3);
  g_assert_cmpuint (picks->len, ==, 1);
  gr_suggest_get_problem (s, &p);
  g_assert_cmpuint (p.pairs->len, ==, 4); /* L–M and M–R */
  gr_suggest_problem_clear (&p);
}

static void
add_picks (GrAnalysis *a, GrSuggest *s, GArray *picks)
{
  for (guint i = 0; i < picks->len; i++)
    gr_analysis_add_supply (
        a, gr_suggest_get_candidate (s, g_array_index (picks, GrSuggestPick, i).candidate), TRUE,
        FALSE);
}

static void
assert_gains_add_up (const GrSummary     *before,
                     const GrSummary     *after,
                     const GrSuggestGain *gains,
                     guint                n)
{
  GrSuggestGain sum = { { 0 } };

  for (guint i = 0; i < n; i++)
    {
      sum.blind_spots.area_m2 += gains[i].blind_spots.area_m2;
      sum.blind_spots.population += gains[i].blind_spots.population;
      sum.green.area_m2 += gains[i].green.area_m2;
      sum.park.area_m2 += gains[i].park.area_m2;
      sum.service.area_m2 += gains[i].service.area_m2;
      sum.service.population += gains[i].service.population;
    }
  g_assert_cmpfloat_with_epsilon (before->neither.area_m2 - after->neither.area_m2,
                                  sum.blind_spots.area_m2, 1e-6);
  g_assert_cmpfloat_with_epsilon (before->neither.population - after->neither.population,
                                  sum.blind_spots.population, 1e-6);
  g_assert_cmpfloat_with_epsilon (after->green.area_m2 - before->green.area_m2, sum.green.area_m2,
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (after->park.area_m2 - before->park.area_m2, sum.park.area_m2,
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (after->service.area_m2 - before->service.area_m2,
                                  sum.service.area_m2, 1e-6);
  g_assert_cmpfloat_with_epsilon (after->service.population - before->service.population,
                                  sum.service.population, 1e-6);
}

/* What each site adds to every figure, measured, equals what entering the
 * sites into the analysis changes; here with a 2,500 m² park that the
 * rule table gives 300 m and an existing park that already serves a. */
static void
test_measure_adds_up (void)
{
  g_autoptr (GrAnalysis) a = clusters (four, 4);
  g_autoptr (GrPolygon) existing = gr_polygon_new_rect (0, 60, 40, 100);
  g_autoptr (GrPolygon) big = gr_polygon_new_rect (625, 0, 675, 50);
  g_autoptr (GrSuggest) s = gr_suggest_new (a, GR_SUGGEST_SERVICE, GR_SUGGEST_BY_AREA);
  g_autoptr (GArray) picks = NULL;
  GrSuggestGain gains[3];
  GrSummary     before, after;

  gr_analysis_add_supply (a, existing, TRUE, FALSE);
  add_square (s, 250);
  gr_suggest_add_candidate (s, big);
  add_square (s, 1050);
  g_assert_true (gr_suggest_prepare (s, NULL, NULL));
  picks = gr_suggest_rank (s, 3);
  /* Only the 2,500 m² park has a service radius: the squares serve none. */
  g_assert_cmpuint (picks->len, ==, 1);
  g_assert_cmpuint (g_array_index (picks, GrSuggestPick, 0).candidate, ==, 1);
  g_array_set_size (picks, 3);
  g_array_index (picks, GrSuggestPick, 1).candidate = 0;
  g_array_index (picks, GrSuggestPick, 2).candidate = 2;
  gr_analysis_summarize (a, -1, &before);
  gr_suggest_measure (s, (GrSuggestPick *) picks->data, 3, gains);
  g_assert_cmpfloat (gains[0].service.area_m2, >, 0);
  g_assert_cmpfloat (gains[1].service.area_m2, ==, 0);
  add_picks (a, s, picks);
  gr_analysis_summarize (a, -1, &after);
  assert_gains_add_up (&before, &after, gains, 3);
}

/* Along the street: the reach is walked, and the measured gains still add
 * up to what entering the sites changes. */
static void
test_walking_measure (void)
{
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  g_autoptr (GrSuggest) s = NULL;
  g_autoptr (GArray) picks = NULL;
  GrSuggestGain gains[2];
  GrSummary     before, after;

  gr_analysis_finish_demand (a);
  s = gr_suggest_new (a, GR_SUGGEST_BLIND_SPOTS, GR_SUGGEST_BY_AREA);
  {
    g_autoptr (GrPolygon) west = gr_polygon_new_rect (100, -30, 120, -10);
    g_autoptr (GrPolygon) east = gr_polygon_new_rect (700, -30, 720, -10);
    g_autoptr (GrPolygon) off = gr_polygon_new_rect (500, -400, 520, -380);

    gr_suggest_add_candidate (s, off);
    gr_suggest_add_candidate (s, west);
    gr_suggest_add_candidate (s, east);
  }
  g_assert_true (gr_suggest_prepare (s, NULL, NULL));
  picks = gr_suggest_rank (s, 3);
  /* The one off the network reaches nobody. */
  g_assert_cmpuint (picks->len, ==, 2);
  for (guint i = 0; i < picks->len; i++)
    g_assert_cmpuint (g_array_index (picks, GrSuggestPick, i).candidate, !=, 0);
  gr_analysis_summarize (a, -1, &before);
  gr_suggest_measure (s, (GrSuggestPick *) picks->data, 2, gains);
  g_assert_cmpfloat_with_epsilon (gains[0].blind_spots.area_m2,
                                  g_array_index (picks, GrSuggestPick, 0).value, 1e-6);
  add_picks (a, s, picks);
  gr_analysis_summarize (a, -1, &after);
  assert_gains_add_up (&before, &after, gains, 2);
}

static gboolean
stop_at_once (double fraction, gpointer data)
{
  return FALSE;
}

static void
test_cancel (void)
{
  g_autoptr (GrAnalysis) a = clusters (four, 4);
  g_autoptr (GrSuggest) s = gr_suggest_new (a, GR_SUGGEST_BLIND_SPOTS, GR_SUGGEST_BY_AREA);
  g_autoptr (GArray) picks = NULL;

  for (guint i = 0; i < 200; i++)
    add_square (s, 5 + i * 6);
  g_assert_false (gr_suggest_prepare (s, stop_at_once, NULL));
  g_assert_true (gr_suggest_prepare (s, NULL, NULL));
  picks = gr_suggest_rank (s, 10);
  g_assert_cmpuint (picks->len, >=, 2);
}

/* The ranking follows the analysis: a site accepted (its park added)
 * keeps it current and the others are ranked around it; a park taken
 * away leaves homes no candidate was measured against, and says so.
 * Clusters a b c d as above, b served by an existing park. */
static void
test_current (void)
{
  g_autoptr (GrAnalysis) a = clusters (four, 4);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (440, 15, 460, 35);
  guint park_id = gr_analysis_add_supply (a, park, TRUE, FALSE);
  g_autoptr (GrSuggest) s = left_middle_right (a);
  g_autoptr (GArray) picks = gr_suggest_rank (s, 3);
  g_autoptr (GArray) again = NULL;

  /* R serves c and d (5,000), then L serves a (2,000); M adds nothing. */
  g_assert_true (gr_suggest_is_current (s));
  g_assert_cmpuint (picks->len, ==, 2);
  g_assert_cmpuint (g_array_index (picks, GrSuggestPick, 0).candidate, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (picks, GrSuggestPick, 0).value, 5000, 1e-9);
  gr_analysis_add_supply (a, gr_suggest_get_candidate (s, 2), TRUE, FALSE);
  g_assert_true (gr_suggest_is_current (s));
  again = gr_suggest_rank (s, 3);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpuint (g_array_index (again, GrSuggestPick, 0).candidate, ==, 0);
  g_assert_cmpfloat_with_epsilon (g_array_index (again, GrSuggestPick, 0).value, 2000, 1e-9);
  g_assert_cmpfloat_with_epsilon (gr_suggest_served (s), 8000, 1e-9);
  g_assert_true (gr_analysis_remove_supply (a, park_id));
  g_assert_false (gr_suggest_is_current (s));
}

GR_TEST_MAIN (NULL,
              { "/analysis/suggest/two-clusters", test_two_clusters },
              { "/analysis/suggest/greedy-not-optimal", test_greedy_not_optimal },
              { "/analysis/suggest/problem-groups", test_problem_groups },
              { "/analysis/suggest/target", test_target },
              { "/analysis/suggest/spacing", test_spacing },
              { "/analysis/suggest/measure-adds-up", test_measure_adds_up },
              { "/analysis/suggest/walking-measure", test_walking_measure },
              { "/analysis/suggest/cancel", test_cancel },
              { "/analysis/suggest/current", test_current })
