/* bench-coverage — full straight-line analysis and single edits on a
 * synthetic city (200 km², 1 M residents, 5 m grid by default).
 *
 * Prints one JSON object. Targets (README, Benchmarks): full analysis < 1 s
 * straight-line and < 2 s walking (--mode walking, ~300 k-node network),
 * one edit to updated indicators < 2 ms median (walking < 5 ms), memory
 * < 1.5 GB; for a city five times larger (--area 1000 --residents 5e6),
 * < 3 s straight-line and < 6 s walking.
 *
 * With --suggest N: site suggestion of 20 sites from N candidate pocket
 * parks (3,000 m² squares placed at random), then the re-ranking after the
 * first is accepted. Targets: 20 of 5,000 < 2 s straight-line, < 5 s
 * walking; re-ranking < 200 ms.
 */
#include "gr-analysis.h"
#include "gr-suggest.h"
#include "gr-synthetic-city.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *samples, double p)
{
  g_array_sort (samples, compare_double);
  return g_array_index (samples, double, MIN ((guint) (p * samples->len), samples->len - 1));
}

static gpointer
build_network (gpointer data)
{
  GrSyntheticCity *city = data;
  GrNetwork       *network = gr_network_new ();

  for (guint i = 0; i < city->paths->len; i++)
    {
      GArray *xy = g_ptr_array_index (city->paths, i);
      gr_network_add_line (network, (double *) xy->data, xy->len / 2);
    }
  gr_network_finish (network, 0);
  return network;
}

typedef struct
{
  double demand, network, attach, supply, total;
} Phases;

static void
add_all_supply (GrAnalysis *a, GrSyntheticCity *city)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  g_autoptr (GArray) parks = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (guint i = 0; i < city->greens->len; i++)
    {
      g_ptr_array_add (all, g_ptr_array_index (city->greens, i));
      g_array_append_val (parks, (gboolean){ FALSE });
    }
  for (guint i = 0; i < city->parks->len; i++)
    {
      g_ptr_array_add (all, g_ptr_array_index (city->parks, i));
      g_array_append_val (parks, (gboolean){ TRUE });
    }
  gr_analysis_add_supplies (a, (const GrPolygon *const *) all->pdata, (gboolean *) parks->data,
                            NULL, all->len, NULL);
}

static GrAnalysis *
full_analysis (GrSyntheticCity *city, double resolution, gboolean walking, Phases *t)
{
  GrCriteria c;
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  GrAnalysis *a;
  GThread    *network = NULL;
  double      t0 = now (), t1;

  gr_criteria_init_default (&c);
  c.resolution = resolution;
  a = gr_analysis_new (&c, rules, city->bounds, 0, NULL);
  /* As the window's analysis does: the network is built while the homes
   * are counted; "network" is what is left of it after them. */
  if (walking)
    network = g_thread_new ("bench-network", build_network, city);
  gr_analysis_add_residentials (a, (const GrPolygon *const *) city->residential->pdata,
                                city->residential->len);
  gr_analysis_spread_populations (a, (const GrPolygon *const *) city->population->pdata,
                                  (double *) city->people->data, city->population->len);
  t->demand = (t1 = now ()) - t0;
  if (walking)
    gr_analysis_set_network (a, g_thread_join (network), 50, 20);
  t->network = now () - t1;
  t1 = now ();
  gr_analysis_finish_demand (a);
  t->attach = now () - t1;
  t1 = now ();
  add_all_supply (a, city);
  t->supply = now () - t1;
  t->total = now () - t0;
  return a;
}

typedef struct
{
  GArray *add, *move, *remove;
} Edits;

/* One edit = the change to the coverage plus fresh city indicators. */
static void
run_edits (GrAnalysis *a, const double bounds[4], guint n, Edits *e)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  GrSummary s;

  for (guint i = 0; i < n; i++)
    {
      double x = g_rand_double_range (rand, bounds[0], bounds[2] - 60);
      double y = g_rand_double_range (rand, bounds[1], bounds[3] - 60);
      g_autoptr (GrPolygon) pocket = gr_polygon_new_rect (x, y, x + 50, y + 50);
      double t0, dt;
      guint  id;

      t0 = now ();
      id = gr_analysis_add_supply (a, pocket, TRUE, FALSE);
      gr_analysis_summarize (a, -1, &s);
      dt = (now () - t0) * 1000;
      g_array_append_val (e->add, dt);
      gr_polygon_translate (pocket, 30, -20);
      t0 = now ();
      gr_analysis_replace_supply (a, id, pocket);
      gr_analysis_summarize (a, -1, &s);
      dt = (now () - t0) * 1000;
      g_array_append_val (e->move, dt);
      t0 = now ();
      gr_analysis_remove_supply (a, id);
      gr_analysis_summarize (a, -1, &s);
      dt = (now () - t0) * 1000;
      g_array_append_val (e->remove, dt);
    }
}

typedef struct
{
  guint    candidates, sites;
  double   prepare_s, rank_s, first_s, rerank_ms, window_rerank_ms;
  gboolean current;
} Suggested;

/* What the window does after an accept: checks the ranking still holds,
 * ranks, measures each site's gain in every figure and the figures with
 * the sites entered (GrSiteRanker's rank). */
static double
window_rerank (GrAnalysis *a, GrSuggest *s, gboolean *current)
{
  double t0 = now ();
  g_autoptr (GArray) picks = NULL;
  g_autofree GrSuggestGain *gains = NULL;
  g_autofree guint         *ids = NULL;
  GrSummary                 before, after;

  *current = gr_suggest_is_current (s);
  picks = gr_suggest_rank (s, 20);
  gains = g_new0 (GrSuggestGain, MAX (picks->len, 1));
  ids = g_new0 (guint, MAX (picks->len, 1));
  gr_suggest_measure (s, (GrSuggestPick *) picks->data, picks->len, gains);
  gr_analysis_summarize (a, -1, &before);
  for (guint i = 0; i < picks->len; i++)
    ids[i] = gr_analysis_add_supply (
        a, gr_suggest_get_candidate (s, g_array_index (picks, GrSuggestPick, i).candidate), TRUE,
        FALSE);
  gr_analysis_summarize (a, -1, &after);
  for (guint i = 0; i < picks->len; i++)
    gr_analysis_remove_supply (a, ids[i]);
  return (now () - t0) * 1000;
}

static void
run_suggest (GrAnalysis *a, const double bounds[4], guint n, Suggested *out)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  g_autoptr (GrSuggest) s = gr_suggest_new (a, GR_SUGGEST_BLIND_SPOTS, GR_SUGGEST_BY_RESIDENTS);
  g_autoptr (GArray) picks = NULL;
  g_autoptr (GArray) again = NULL;
  double side = sqrt (3000.0), t0, t1;
  guint  id;

  for (guint i = 0; i < n; i++)
    {
      double x = g_rand_double_range (rand, bounds[0], bounds[2] - side);
      double y = g_rand_double_range (rand, bounds[1], bounds[3] - side);
      g_autoptr (GrPolygon) park = gr_polygon_new_rect (x, y, x + side, y + side);

      gr_suggest_add_candidate (s, park);
    }
  t0 = now ();
  gr_suggest_prepare (s, NULL, NULL);
  t1 = now ();
  picks = gr_suggest_rank (s, 20);
  out->candidates = n;
  out->sites = picks->len;
  out->prepare_s = t1 - t0;
  out->rank_s = now () - t1;
  out->first_s = now () - t0;
  /* The planner accepts the first site: it becomes a park, and the rest
   * are ranked again around it. */
  id = gr_analysis_add_supply (
      a, gr_suggest_get_candidate (s, g_array_index (picks, GrSuggestPick, 0).candidate), TRUE,
      FALSE);
  t0 = now ();
  again = gr_suggest_rank (s, 20);
  out->rerank_ms = (now () - t0) * 1000;
  out->window_rerank_ms = window_rerank (a, s, &out->current);
  gr_analysis_remove_supply (a, id);
}

static void
print_timing (const char *name, GArray *samples, gboolean last)
{
  printf ("    \"%s\": {\"median_ms\": %.4f, \"p90_ms\": %.4f, \"p99_ms\": %.4f}%s\n", name,
          percentile (samples, 0.5), percentile (samples, 0.9), percentile (samples, 0.99),
          last ? "" : ",");
}

int
main (int argc, char **argv)
{
  GrCityPlan       plan = { 200, 1e6, 42 };
  double           resolution = 5, gen;
  Phases           full;
  int              edits = 1000, suggest = 0;
  Suggested        sg = { 0 };
  g_autofree char *mode = NULL;
  gboolean         walking;
  guint            threads;
  GOptionEntry     entries[] = {
        { "area", 0, 0, G_OPTION_ARG_DOUBLE, &plan.area_km2, "City area, km²", "KM2" },
        { "residents", 0, 0, G_OPTION_ARG_DOUBLE, &plan.residents, "Residents", "N" },
        { "resolution", 0, 0, G_OPTION_ARG_DOUBLE, &resolution, "Grid cell, m", "M" },
        { "edits", 0, 0, G_OPTION_ARG_INT, &edits, "Edits to time", "N" },
        { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, "straight-line (default) or walking", "MODE" },
        { "suggest", 0, 0, G_OPTION_ARG_INT, &suggest, "Site suggestion from N candidates", "N" },
        { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GrSyntheticCity) city = NULL;
  g_autoptr (GrAnalysis) a = NULL;
  Edits         e = { g_array_new (FALSE, FALSE, sizeof (double)),
                      g_array_new (FALSE, FALSE, sizeof (double)),
                      g_array_new (FALSE, FALSE, sizeof (double)) };
  GrSummary     s;
  struct rusage usage;
  double        t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL) || edits < 1)
    return 2;
  walking = g_strcmp0 (mode, "walking") == 0;
  threads = g_getenv ("GREENREACH_THREADS") != NULL ? (guint) atoi (g_getenv ("GREENREACH_THREADS"))
                                                    : g_get_num_processors ();
  t0 = now ();
  city = gr_synthetic_city_new (&plan);
  gen = now () - t0;
  a = full_analysis (city, resolution, walking, &full);
  gr_analysis_summarize (a, -1, &s);
  run_edits (a, city->bounds, edits, &e);
  if (suggest > 0)
    run_suggest (a, city->bounds, (guint) suggest, &sg);
  getrusage (RUSAGE_SELF, &usage);
  printf ("{\n  \"city\": {\"synthetic\": true, \"area_km2\": %g, \"residents\": %g, "
          "\"residential_blocks\": %u, \"parks\": %u, \"greens\": %u},\n",
          plan.area_km2, plan.residents, city->residential->len, city->parks->len,
          city->greens->len);
  printf ("  \"mode\": \"%s\",\n  \"threads\": %u,\n", walking ? "walking" : "straight-line",
          threads);
  if (walking)
    {
      GrNetworkStats stats;
      gr_analysis_get_network_stats (a, &stats);
      printf ("  \"network\": {\"nodes\": %u, \"edges\": %u, \"components\": %u},\n", stats.nodes,
              stats.edges, stats.components);
    }
  printf ("  \"resolution_m\": %g,\n  \"allocated_cells\": %u,\n  \"residential_cells\": %.0f,\n  "
          "\"generate_s\": %.3f,\n  \"full_analysis_s\": %.3f,\n"
          "  \"phases_s\": {\"demand\": %.3f, \"network\": %.3f, \"finish_demand\": %.3f, "
          "\"supply\": %.3f},\n",
          resolution,
          gr_grid_get_n_tiles (gr_coverage_get_grid (gr_analysis_get_coverage (a))) * 4096u,
          s.residential.area_m2 / (resolution * resolution), gen, full.total, full.demand,
          full.network, full.attach, full.supply);
  printf ("  \"green_share\": %.4f,\n  \"park_share\": %.4f,\n  \"service_rate\": %.4f,\n",
          s.green.area_m2 / s.residential.area_m2, s.park.area_m2 / s.residential.area_m2,
          s.service.area_m2 / s.residential.area_m2);
  printf ("  \"edits\": %d,\n  \"edit\": {\n", edits);
  print_timing ("add", e.add, FALSE);
  print_timing ("move", e.move, FALSE);
  print_timing ("remove", e.remove, TRUE);
  if (suggest > 0)
    printf ("  },\n  \"suggest\": {\"candidates\": %u, \"sites\": %u, \"prepare_s\": %.3f, "
            "\"rank_s\": %.4f, \"total_s\": %.3f, \"rerank_after_accept_ms\": %.2f, "
            "\"window_rerank_after_accept_ms\": %.2f, \"still_current\": %s",
            sg.candidates, sg.sites, sg.prepare_s, sg.rank_s, sg.first_s, sg.rerank_ms,
            sg.window_rerank_ms, sg.current ? "true" : "false");
  printf ("  },\n  \"grid_memory_mb\": %.1f,\n  \"peak_rss_mb\": %.1f\n}\n",
          gr_grid_get_memory_size (gr_coverage_get_grid (gr_analysis_get_coverage (a))) / 1048576.0,
          usage.ru_maxrss / 1024.0);
  g_array_unref (e.add);
  g_array_unref (e.move);
  g_array_unref (e.remove);
  return 0;
}
