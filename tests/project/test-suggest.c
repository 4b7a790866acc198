/* test-suggest.c — site suggestion on the real extracts: candidates on
 * usable land, greedy against the integer program, gains that add up */
#include "gr-evaluate.h"
#include "gr-site-ranker.h"
#include "gr-site-suggestion.h"
#include "gr-test-project.h"

#include <math.h>

/* Each extract is imported once for all the tests (they only read it). */
static GHashTable *cache;

static GrProject *
extract (const char *file)
{
  GrProject *project;

  if (cache == NULL)
    cache =
        g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) gr_project_free);
  if ((project = g_hash_table_lookup (cache, file)) == NULL)
    g_hash_table_insert (cache, g_strdup (file), project = import_osm (file));
  return project;
}

/* No auto candidate overlaps a building or water, and each lies on land
 * the project knows to be usable. */
static void
check_auto_clear (const char *file, double area)
{
  GrProject *project = extract (file);
  g_autoptr (GPtrArray) parks = gr_site_candidates_auto (project, area, FALSE);
  const GrRole obstacles[] = { GR_ROLE_BUILDINGS, GR_ROLE_WATER };
  guint        checked = 0;

  g_test_message ("%s: %u candidates of %.0f m²", file, parks->len, area);
  g_assert_cmpuint (parks->len, >, 0);
  for (guint i = 0; i < parks->len; i++)
    {
      OGRGeometryH park = g_ptr_array_index (parks, i);

      g_assert_cmpfloat_with_epsilon (gr_geometry_area (park), area, 1e-6 * area);
      for (guint r = 0; r < G_N_ELEMENTS (obstacles); r++)
        {
          const GrLayer *layer = project->layers[obstacles[r]];

          for (guint k = 0; layer != NULL && k < layer->features->len; k++)
            {
              OGRGeometryH g = ((GrFeature *) g_ptr_array_index (layer->features, k))->geometry;

              g_assert_false (OGR_G_Intersects (park, g));
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_auto_clear_andorra (void)
{
  check_auto_clear ("andorra", 1000);
}

static void
test_auto_clear_liechtenstein (void)
{
  check_auto_clear ("liechtenstein.osm.pbf", 400);
}

/* Greedy against --exact on the real extracts, and the exact answer never
 * worse; the ratio is printed for the record. */
static void
check_ratio (const char *file, double area, guint count)
{
  GrProject *project = extract (file);
  GrCriteria criteria = default_criteria ();
  g_autoptr (GrAnalysis) analysis = gr_project_build_analysis (project, &criteria, NULL, NULL);
  GrSiteOptions    o;
  GrSiteSuggestion greedy, exact;
  double           greedy_sum = 0, exact_sum = 0;

  g_assert_nonnull (analysis);
  gr_site_options_init (&o);
  o.count = count;
  o.area_m2 = area;
  g_assert_true (gr_site_suggestion_run (project, analysis, &o, &greedy, NULL));
  o.exact = TRUE;
  o.seconds = 60;
  g_assert_true (gr_site_suggestion_run (project, analysis, &o, &exact, NULL));
  for (guint i = 0; i < greedy.sites->len; i++)
    greedy_sum += g_array_index (greedy.sites, GrSite, i).value;
  for (guint i = 0; i < exact.sites->len; i++)
    exact_sum += g_array_index (exact.sites, GrSite, i).value;
  g_test_message ("%s: %u candidates, %u sites: greedy %.1f, exact %.1f (%s, gap %.4f): ratio %.4f",
                  file, greedy.n_candidates, count, greedy_sum, exact_sum,
                  exact.optimum.optimal ? "optimal" : "time limit", exact.optimum.gap,
                  exact_sum > 0 ? greedy_sum / exact_sum : 1);
  g_assert_true (exact.optimum.feasible);
  g_assert_cmpfloat (exact_sum, >=, greedy_sum - 1e-6);
  g_assert_cmpfloat_with_epsilon (exact.optimum.objective, exact_sum, 1e-6 * exact_sum + 1e-6);
  /* Greedy on a coverage problem is within 1 - 1/e of the optimum. */
  g_assert_cmpfloat (greedy_sum, >=, (1 - 1 / M_E) * exact_sum - 1e-6);
  /* The analysis is left as it was. */
  {
    GrSummary now;

    gr_analysis_summarize (analysis, -1, &now);
    g_assert_cmpmem (&now, sizeof now, &greedy.before, sizeof greedy.before);
  }
  gr_site_suggestion_clear (&greedy);
  gr_site_suggestion_clear (&exact);
}

static void
test_ratio_andorra (void)
{
  check_ratio ("andorra", 1000, 5);
}

static void
test_ratio_liechtenstein (void)
{
  check_ratio ("liechtenstein.osm.pbf", 400, 5);
}

/* The paper case where greedy is not optimal (tests/analysis/test-suggest.c):
 * clusters a b c d of 2,000, 3,000, 3,000, 2,000 residents, candidates L
 * (a, b), M (b, c), R (c, d). Greedy takes M then L: 8,000; the integer
 * program finds L and R: 10,000, proved optimal. 95 % of the residents
 * takes those two (greedy would need three), and with only L and M
 * (8,000) it cannot be reached. */
static GrAnalysis *
four_clusters (void)
{
  const double x0[] = { 0, 400, 800, 1200 }, people[] = { 2000, 3000, 3000, 2000 };
  const double bounds[4] = { 0, 0, 1300, 50 };
  GrCriteria   c;
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  GrAnalysis *a;

  gr_criteria_init_default (&c);
  c.resolution = 5;
  a = gr_analysis_new (&c, rules, bounds, 0, NULL);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (GrPolygon) p = gr_polygon_new_rect (x0[i], 0, x0[i] + 100, 50);

      gr_analysis_add_residential (a, p);
      gr_analysis_spread_population (a, p, people[i]);
    }
  gr_analysis_finish_demand (a);
  return a;
}

static void
test_exact_beats_greedy (void)
{
  g_autoptr (GrAnalysis) a = four_clusters ();
  g_autoptr (GrSuggest) s = gr_suggest_new (a, GR_SUGGEST_BLIND_SPOTS, GR_SUGGEST_BY_RESIDENTS);
  g_autoptr (GArray) greedy = NULL;
  g_autoptr (GArray) chosen = NULL;
  g_autoptr (GArray) two = NULL;
  g_autoptr (GArray) none = NULL;
  const double     areas[] = { 400, 400, 400 };
  GrSuggestProblem p;
  GrExactResult    r;

  for (guint i = 0; i < 3; i++)
    {
      double x = 250 + 400 * i;
      g_autoptr (GrPolygon) square = gr_polygon_new_rect (x - 10, 15, x + 10, 35);

      gr_suggest_add_candidate (s, square);
    }
  g_assert_true (gr_suggest_prepare (s, NULL, NULL));
  greedy = gr_suggest_rank (s, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (greedy, GrSuggestPick, 0).value
                                      + g_array_index (greedy, GrSuggestPick, 1).value,
                                  8000, 1e-6);
  gr_suggest_get_problem (s, &p);
  chosen = gr_suggest_exact_count (&p, 3, 2, 10, &r);
  g_assert_true (r.optimal);
  g_assert_cmpfloat_with_epsilon (r.objective, 10000, 1e-6);
  g_assert_cmpfloat_with_epsilon (r.bound, 10000, 1e-6);
  g_assert_cmpuint (chosen->len, ==, 2);
  g_assert_cmpuint (g_array_index (chosen, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (chosen, guint, 1), ==, 2);
  /* 95 % of 10,000: L and R. */
  two = gr_suggest_exact_target (&p, areas, 3, 0.95 * p.total - p.served, 10, &r);
  g_assert_true (r.optimal);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpuint (g_array_index (two, guint, 1), ==, 2);
  g_assert_cmpfloat (r.objective, ==, 2);
  g_assert_cmpfloat (r.bound, ==, 2);
  {
    gboolean reached;
    g_autoptr (GArray) by_greedy = gr_suggest_reach (s, 0.95, &reached);

    g_assert_true (reached);
    g_assert_cmpuint (by_greedy->len, ==, 3);
  }
  gr_suggest_problem_clear (&p);
  /* Without R the target is out of reach: no solution, said so. */
  gr_suggest_set_excluded (s, 2, TRUE);
  gr_suggest_get_problem (s, &p);
  none = gr_suggest_exact_target (&p, areas, 3, 0.95 * p.total - p.served, 10, &r);
  g_assert_false (r.feasible);
  g_assert_cmpuint (none->len, ==, 0);
  gr_suggest_problem_clear (&p);
}

typedef struct
{
  GrSiteRanker *ranker;
  GError       *error;
  guint         n_progress;
  double        last_fraction;
  gboolean      done;
} Measured;

static void
on_progress (double fraction, const char *what, gpointer data)
{
  Measured *m = data;

  g_assert_cmpfloat (fraction, >=, m->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1);
  g_assert_nonnull (what);
  m->last_fraction = fraction;
  m->n_progress++;
}

static void
on_measured (GObject *source, GAsyncResult *result, gpointer data)
{
  Measured *m = data;

  m->ranker = gr_site_ranker_new_finish (result, &m->error);
  m->done = TRUE;
}

static void
measure (GrProject           *project,
         GrAnalysis          *analysis,
         const GrSiteOptions *o,
         GCancellable        *cancel,
         Measured            *m)
{
  gr_site_ranker_new_async (project, analysis, o, on_progress, m, cancel, on_measured, m);
  while (!m->done)
    g_main_context_iteration (NULL, TRUE);
}

/* The ranker the window uses: measured in a thread with progress, it ranks
 * as the one-shot run does; a rejected site is left out of the next
 * ranking; a site accepted (its park entered) keeps the ranking current
 * and is no longer offered; cancelled, it says so. */
static void
test_ranker (void)
{
  GrProject *project = extract ("andorra");
  GrCriteria criteria = default_criteria ();
  g_autoptr (GrAnalysis) analysis = gr_project_build_analysis (project, &criteria, NULL, NULL);
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  GrSiteOptions    o;
  GrSiteSuggestion once, ranked, again;
  Measured         m = { 0 }, stopped = { 0 };
  guint            first, id;
  g_autoptr (GrPolygon) park = NULL;

  gr_site_options_init (&o);
  o.count = 3;
  o.area_m2 = 1000;
  g_assert_true (gr_site_suggestion_run (project, analysis, &o, &once, NULL));
  measure (project, analysis, &o, NULL, &m);
  g_assert_no_error (m.error);
  g_assert_nonnull (m.ranker);
  g_assert_cmpuint (m.n_progress, >, 0);
  g_assert_cmpfloat (m.last_fraction, ==, 1);
  gr_site_ranker_rank (m.ranker, &ranked);
  g_assert_cmpuint (ranked.sites->len, ==, once.sites->len);
  g_assert_cmpuint (ranked.sites->len, >, 1);
  for (guint i = 0; i < ranked.sites->len; i++)
    {
      g_assert_cmpuint (g_array_index (ranked.sites, GrSite, i).candidate, ==,
                        g_array_index (once.sites, GrSite, i).candidate);
      g_assert_cmpfloat (g_array_index (ranked.sites, GrSite, i).value, ==,
                         g_array_index (once.sites, GrSite, i).value);
    }
  first = g_array_index (ranked.sites, GrSite, 0).candidate;

  /* Rejected: not offered again. */
  gr_site_ranker_reject (m.ranker, first);
  gr_site_ranker_rank (m.ranker, &again);
  for (guint i = 0; i < again.sites->len; i++)
    g_assert_cmpuint (g_array_index (again.sites, GrSite, i).candidate, !=, first);
  g_assert_cmpuint (gr_site_ranker_get_n_rejected (m.ranker), ==, 1);
  gr_site_suggestion_clear (&again);

  /* The second site accepted: its park entered, the ranking still holds
   * and the rest is ranked around it, served counting it. */
  park = gr_polygon_new_from_ogr (g_array_index (ranked.sites, GrSite, 1).geometry);
  id = gr_analysis_add_supply (analysis, park, TRUE, FALSE);
  g_assert_true (gr_site_ranker_is_current (m.ranker));
  gr_site_ranker_rank (m.ranker, &again);
  for (guint i = 0; i < again.sites->len; i++)
    g_assert_cmpuint (g_array_index (again.sites, GrSite, i).candidate, !=,
                      g_array_index (ranked.sites, GrSite, 1).candidate);
  g_assert_cmpfloat_with_epsilon (
      again.served_before, ranked.served_before + g_array_index (ranked.sites, GrSite, 1).value,
      1e-6 * ranked.total);
  gr_site_suggestion_clear (&again);
  g_assert_true (gr_analysis_remove_supply (analysis, id));

  /* Cancelled before it starts: the error says so, nothing is returned. */
  g_cancellable_cancel (cancelled);
  measure (project, analysis, &o, cancelled, &stopped);
  g_assert_null (stopped.ranker);
  g_assert_error (stopped.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&stopped.error);
  gr_site_suggestion_clear (&ranked);
  gr_site_suggestion_clear (&once);
  gr_site_ranker_free (m.ranker);
}

int
main (int argc, char **argv)
{
  int status;

  gr_gdal_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/project/suggest/exact-beats-greedy", test_exact_beats_greedy);
  g_test_add_func ("/project/suggest/auto-clear/andorra", test_auto_clear_andorra);
  g_test_add_func ("/project/suggest/auto-clear/liechtenstein", test_auto_clear_liechtenstein);
  g_test_add_func ("/project/suggest/greedy-exact/andorra", test_ratio_andorra);
  g_test_add_func ("/project/suggest/greedy-exact/liechtenstein", test_ratio_liechtenstein);
  g_test_add_func ("/project/suggest/ranker", test_ranker);
  status = g_test_run ();
  g_clear_pointer (&cache, g_hash_table_unref);
  return status;
}
