/* test-suggest.c — site suggestion on the real extracts: candidates on
 * usable land, greedy against the integer program, gains that add up */
#include "gr-evaluate.h"
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

int
main (int argc, char **argv)
{
  int status;

  gr_gdal_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/project/suggest/auto-clear/andorra", test_auto_clear_andorra);
  g_test_add_func ("/project/suggest/auto-clear/liechtenstein", test_auto_clear_liechtenstein);
  g_test_add_func ("/project/suggest/greedy-exact/andorra", test_ratio_andorra);
  g_test_add_func ("/project/suggest/greedy-exact/liechtenstein", test_ratio_liechtenstein);
  status = g_test_run ();
  g_clear_pointer (&cache, g_hash_table_unref);
  return status;
}
