/* test-population.c — a population grid spread over the residential land */
#include "gr-test-project.h"
#include "gr-test-main.h"

static void
test_population_dasymetric (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *osm = extract_path ("helsinki-centre.osm.pbf");
  g_autofree char *grid_path = g_test_build_filename (G_TEST_DIST, "data", "population",
                                                      "helsinki-population-grid-2020.gpkg", NULL);
  g_autofree char *spec = g_strconcat ("population=", grid_path, NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  GrEvaluation grid, exact;
  double       total = 0;

  g_ptr_array_add (sources, gr_source_parse (spec, &error));
  g_assert_no_error (error);
  project = gr_project_import (osm, sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (project->layers[GR_ROLE_POPULATION]->features->len, ==, 92);
  for (guint i = 0; i < 92; i++)
    total +=
        ((GrFeature *) g_ptr_array_index (project->layers[GR_ROLE_POPULATION]->features, i))->value;
  g_assert_cmpfloat_with_epsilon (total, 71724, 0.5);
  evaluate (project, FALSE, &grid);
  evaluate (project, TRUE, &exact);
  /* Residents land on residential land only; the rest are reported. */
  g_assert_cmpfloat (grid.city.residential.population, >, 0);
  g_assert_cmpfloat_with_epsilon (grid.city.residential.population + grid.unplaced, total, 1);
  g_test_message ("helsinki: %.0f residents placed (grid), %.0f (exact), %.0f unplaced",
                  grid.city.residential.population, exact.city.residential.population,
                  grid.unplaced);
  g_assert_cmpfloat (fabs (grid.city.residential.population - exact.city.residential.population), <,
                     0.02 * exact.city.residential.population);
  g_assert_cmpfloat (worst_difference (&grid.city, &exact.city, TRUE), <, 0.01);
  gr_evaluation_clear (&grid);
  gr_evaluation_clear (&exact);
}

GR_TEST_MAIN (gr_gdal_init, { "/project/population/dasymetric", test_population_dasymetric })
