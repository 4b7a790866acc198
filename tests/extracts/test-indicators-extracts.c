/* test-indicators-extracts.c — the indicators on the real extracts: what
 * must hold between the city and its zones, and what is said when an
 * extract lacks an input */
#include "gr-import.h"
#include "gr-indicators.h"
#include "gr-population.h"

#include <math.h>
#include <string.h>

static GrProject *
extract (const char *file, gboolean with_population)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_str_equal (file, "andorra")
                              ? g_strdup (g_getenv ("GREENREACH_SAMPLE"))
                              : g_test_build_filename (G_TEST_DIST, "data", "osm", file, NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  GrProject *project;

  if (with_population)
    {
      g_autofree char *grid = g_test_build_filename (G_TEST_DIST, "data", "population",
                                                     "helsinki-population-grid-2020.gpkg", NULL);
      g_autofree char *spec = g_strconcat ("population=", grid, NULL);

      g_ptr_array_add (sources, gr_source_parse (spec, &error));
      g_assert_no_error (error);
    }
  project = gr_project_import (path, sources, NULL, &error);
  g_assert_no_error (error);
  return project;
}

/* Between the city and its zones: park areas and residents add up (a
 * park is counted where it lies, and homes are in one zone or none),
 * every share is a share, and the park-system inventory adds up. */
static void
check (GrProject *project, gboolean has_population)
{
  g_autoptr (GError) error = NULL;
  GrCriteria c;
  g_autoptr (GrAnalysis) analysis = NULL;
  GrIndicators city;
  double       park_sum = 0, people_sum = 0, greenway_sum = 0;
  guint        parks_sum = 0, n = gr_project_get_n_zones (project);

  gr_criteria_init_default (&c);
  analysis = gr_project_build_analysis (project, &c, NULL, &error);
  g_assert_no_error (error);
  gr_indicators_compute (&city, project, analysis, -1, GR_TARGETS_YUNCHENG_2025);
  g_assert_false (city.builtup); /* OSM has no built-up boundary layer */
  /* Every indicator is a figure or says what it needs; a share stays a
   * share. */
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      const GrIndicator *it = &city.items[i];

      g_assert_true (isfinite (it->value) != (it->missing != NULL));
      if (isfinite (it->value) && g_str_equal (gr_indicator_get_unit (i), "%"))
        {
          g_assert_cmpfloat (it->value, >=, 0);
          g_assert_cmpfloat (it->value, <=, 100 + 1e-9);
        }
    }
  /* OSM has no corridors, built-up boundary, trees or age groups: said. */
  g_assert_nonnull (strstr (city.items[GR_IND_CORRIDOR_COMPLIANCE].missing, "corridor"));
  g_assert_nonnull (strstr (city.items[GR_IND_GREEN_RATIO].missing, "built-up"));
  g_assert_nonnull (strstr (city.items[GR_IND_SHADED_ROADS].missing, "trees"));
  g_assert_nonnull (city.items[GR_IND_SERVICE_CHILDREN].missing);
  g_assert_true (isfinite (city.items[GR_IND_GREENWAY_SERVICE].value)
                 == (project->layers[GR_ROLE_GREENWAY] != NULL));
  g_assert_true (isfinite (city.items[GR_IND_SERVICE_RATE].value));
  g_assert_true (isfinite (city.items[GR_IND_PARK_PER_CAPITA].value) == has_population);
  g_assert_true ((city.items[GR_IND_PARK_PER_CAPITA].missing != NULL) == !has_population);
  g_assert_nonnull (city.items[GR_IND_NURSERY_SHARE].missing);
  /* Pass or fail agrees with the value and the target. */
  if (has_population)
    g_assert_true (city.items[GR_IND_PARK_PER_CAPITA].pass
                   == (city.items[GR_IND_PARK_PER_CAPITA].value >= 13));
  for (guint z = 1; z <= n; z++)
    {
      GrIndicators zone;

      gr_indicators_compute (&zone, project, analysis, z, GR_TARGETS_YUNCHENG_2025);
      /* A zone's share of homes near a greenway is its own homes'. */
      {
        GrSummary zs;

        gr_analysis_summarize (analysis, z, &zs);
        greenway_sum += zs.greenway.area_m2;
        if (isfinite (zone.items[GR_IND_GREENWAY_SERVICE].value))
          g_assert_cmpfloat_with_epsilon (zone.items[GR_IND_GREENWAY_SERVICE].value,
                                          100 * zs.greenway.area_m2 / zs.residential.area_m2, 1e-9);
      }
      park_sum += zone.park_area;
      if (isfinite (zone.population))
        people_sum += zone.population;
      for (guint k = 0; k < GR_N_PARK_CLASSES; k++)
        parks_sum += zone.inventory.counts[k];
      gr_indicators_clear (&zone);
    }
  if (n > 0)
    {
      g_test_message (
          "%u zones: parks %.0f of %.0f m², residents %.0f of %.0f, %u of %u parks placed", n,
          park_sum, city.park_area, people_sum, city.population, parks_sum,
          project->layers[GR_ROLE_PARK] != NULL ? project->layers[GR_ROLE_PARK]->features->len : 0);
      g_assert_cmpfloat (park_sum, <=, city.park_area * (1 + 1e-9) + 1e-6);
      /* The zones and the homes outside every zone make up the city's
       * homes near a greenway, none counted twice or lost. */
      if (isfinite (city.items[GR_IND_GREENWAY_SERVICE].value))
        {
          GrSummary outside, all;

          gr_analysis_summarize (analysis, 0, &outside);
          gr_analysis_summarize (analysis, -1, &all);
          g_assert_cmpfloat (all.greenway.area_m2, >, 0);
          g_assert_cmpfloat_with_epsilon (greenway_sum + outside.greenway.area_m2,
                                          all.greenway.area_m2, 1e-6 * all.greenway.area_m2);
        }
      if (has_population)
        g_assert_cmpfloat (people_sum, <=, city.population * (1 + 1e-9));
    }
  gr_indicators_clear (&city);
}

static void
test_extract (gconstpointer data)
{
  g_autoptr (GrProject) project = extract (data, FALSE);

  /* OSM has no residents: with buildings on residential land they are
   * estimated, and marked as an estimate. */
  g_assert_true (project->layers[GR_ROLE_POPULATION] == NULL
                 || gr_population_is_estimate (project));
  check (project, project->layers[GR_ROLE_POPULATION] != NULL);
}

/* Along the paths a home is never nearer a greenway than in a straight
 * line: walking coverage within 1 km is at most the straight-line one. */
static void
test_greenway_walking (void)
{
  g_autoptr (GrProject) project = extract ("andorra", FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GrAnalysis) straight = NULL;
  g_autoptr (GrAnalysis) walking = NULL;
  GrIndicators s, w;
  GrCriteria   c;

  gr_criteria_init_default (&c);
  straight = gr_project_build_analysis (project, &c, NULL, &error);
  g_assert_no_error (error);
  c.walking = TRUE;
  walking = gr_project_build_analysis (project, &c, NULL, &error);
  g_assert_no_error (error);
  gr_indicators_compute (&s, project, straight, -1, GR_TARGETS_NONE);
  gr_indicators_compute (&w, project, walking, -1, GR_TARGETS_NONE);
  g_test_message ("homes within 1 km of a greenway: %.2f %% straight, %.2f %% walking",
                  s.items[GR_IND_GREENWAY_SERVICE].value, w.items[GR_IND_GREENWAY_SERVICE].value);
  g_assert_cmpfloat (s.items[GR_IND_GREENWAY_SERVICE].value, >, 0);
  g_assert_cmpfloat (w.items[GR_IND_GREENWAY_SERVICE].value, >, 0);
  g_assert_cmpfloat (w.items[GR_IND_GREENWAY_SERVICE].value, <=,
                     s.items[GR_IND_GREENWAY_SERVICE].value + 1e-9);
  gr_indicators_clear (&s);
  gr_indicators_clear (&w);
}

static void
test_helsinki_population (void)
{
  g_autoptr (GrProject) project = extract ("helsinki-centre.osm.pbf", TRUE);

  check (project, TRUE);
}

int
main (int argc, char **argv)
{
  static const char *const extracts[] = { "andorra", "liechtenstein.osm.pbf", "monaco.osm.pbf",
                                          "north-bayreuth.osm.gz", "helsinki-centre.osm.pbf" };

  g_test_init (&argc, &argv, NULL);
  gr_gdal_init ();
  for (guint i = 0; i < G_N_ELEMENTS (extracts); i++)
    {
      g_autofree char *name = g_strdup_printf ("/indicators/extracts/%s", extracts[i]);
      g_test_add_data_func (name, extracts[i], test_extract);
    }
  g_test_add_func ("/indicators/extracts/helsinki-with-population", test_helsinki_population);
  g_test_add_func ("/indicators/extracts/greenway-walking", test_greenway_walking);
  return g_test_run ();
}
