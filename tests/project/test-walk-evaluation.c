/* test-walk-evaluation.c — a project evaluated by walking, with and without
 * an entrances layer, and without paths */
#include "gr-test-project.h"
#include "gr-test-main.h"

#include <string.h>

static void
test_walking_evaluation (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  GrCriteria   c = default_criteria ();
  GrEvaluation e;

  c.walking = TRUE;
  g_assert_true (gr_project_evaluate (project, &c, FALSE, &e, &error));
  g_assert_no_error (error);
  g_assert_true (e.walking);
  g_assert_cmpuint (e.network.nodes, >, 5000);
  g_assert_cmpuint (e.network.components, >=, 1);
  for (guint i = 0; i < e.unreachable->len; i++)
    {
      GrSupplyRef *ref = &g_array_index (e.unreachable, GrSupplyRef, i);
      g_assert_true (ref->role == GR_ROLE_GREEN || ref->role == GR_ROLE_PARK);
      g_assert_cmpuint (ref->index, <, project->layers[ref->role]->features->len);
    }
  g_assert_cmpfloat (e.unattached.area_m2, <, e.city.residential.area_m2);
  gr_evaluation_clear (&e);
  /* Exact mode does not do walking. */
  g_assert_false (gr_project_evaluate (project, &c, TRUE, &e, &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID);
  gr_evaluation_clear (&e);
  g_clear_error (&error);
  /* Without paths walking cannot be measured: the error says what to add,
   * and the homes counted meanwhile (the network is built beside them) go. */
  g_ptr_array_set_size (project->layers[GR_ROLE_WALK]->features, 0);
  g_assert_false (gr_project_evaluate (project, &c, FALSE, &e, &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "walk"));
  gr_evaluation_clear (&e);
}

static void
test_walking_entrances_layer (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gates = g_build_filename (dir, "gates.geojson", NULL);
  g_autofree char *osm = extract_path ("monaco.osm.pbf");
  g_autofree char *spec = g_strconcat ("entrances=", gates, NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) plain = import_osm ("monaco.osm.pbf");
  g_autoptr (GrProject) gated = NULL;
  GrCriteria   c = default_criteria ();
  GrEvaluation a, b;

  /* One gate in the sea, far from everything: it covers no feature, so
   * nothing changes; the layer is read and attached without harm. */
  g_assert_true (
      g_file_set_contents (gates,
                           FC ("{\"type\":\"Feature\",\"properties\":{},"
                               "\"geometry\":{\"type\":\"Point\",\"coordinates\":[7.44,43.72]}}"),
                           -1, NULL));
  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  gated = gr_project_import (osm, sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gated->layers[GR_ROLE_ENTRANCES]);
  c.walking = TRUE;
  g_assert_true (gr_project_evaluate (plain, &c, FALSE, &a, &error));
  g_assert_true (gr_project_evaluate (gated, &c, FALSE, &b, &error));
  g_assert_cmpfloat (a.city.green.area_m2, ==, b.city.green.area_m2);
  gr_evaluation_clear (&a);
  gr_evaluation_clear (&b);
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/walking/evaluation", test_walking_evaluation },
              { "/project/walking/entrances-layer", test_walking_entrances_layer })
