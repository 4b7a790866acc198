/* test-osm.c — OpenStreetMap extracts imported, and the grid checked against
 * exact vector results on them */
#include "gr-test-project.h"

typedef struct
{
  const char *file;
  int         epsg;
} Extract;

static const Extract extracts[] = {
  { "andorra", 32631 },
  { "helsinki-centre.osm.pbf", 32635 },
  { "liechtenstein.osm.pbf", 32632 },
  { "monaco.osm.pbf", 32632 },
  { "north-bayreuth.osm.gz", 32632 },
};

static void
test_osm_import (gconstpointer data)
{
  const Extract *x = data;
  g_autoptr (GrProject) project = import_osm (x->file);

  g_assert_cmpint (project->epsg, ==, x->epsg);
  g_assert_nonnull (project->layers[GR_ROLE_RESIDENTIAL]);
  g_assert_nonnull (project->layers[GR_ROLE_GREEN]);
  g_assert_nonnull (project->layers[GR_ROLE_PARK]);
  g_assert_nonnull (project->layers[GR_ROLE_WALK]);
  g_assert_nonnull (project->layers[GR_ROLE_BUILDINGS]);
  g_assert_cmpuint (project->layers[GR_ROLE_RESIDENTIAL]->features->len, >, 0);
  /* Metres in a UTM zone: a city is kilometres, not degrees, across. */
  g_assert_cmpfloat (project->extent[2] - project->extent[0], >, 500);
  g_assert_cmpfloat (project->extent[2] - project->extent[0], <, 100000);
}

static void
test_grid_vs_exact (gconstpointer data)
{
  const Extract *x = data;
  g_autoptr (GrProject) project = import_osm (x->file);
  GrEvaluation grid, exact;
  double       worst;

  evaluate (project, FALSE, &grid);
  evaluate (project, TRUE, &exact);
  worst = worst_difference (&grid.city, &exact.city, FALSE);
  g_test_message ("%s: residential %.0f m2 grid, %.0f m2 exact; worst share difference %.3f pp",
                  x->file, grid.city.residential.area_m2, exact.city.residential.area_m2,
                  100 * worst);
  g_assert_cmpfloat (worst, <=, AGREEMENT);
  g_assert_cmpfloat (fabs (grid.city.residential.area_m2 - exact.city.residential.area_m2), <,
                     0.003 * exact.city.residential.area_m2);
  g_assert_cmpuint (grid.zones->len, ==, exact.zones->len);
  gr_evaluation_clear (&grid);
  gr_evaluation_clear (&exact);
}

static void
test_zones_from_admin_levels (void)
{
  g_autoptr (GrProject) andorra = import_osm ("andorra");
  g_autoptr (GrProject) bayreuth = import_osm ("north-bayreuth.osm.gz");
  g_autofree char *first = NULL;
  GrEvaluation     e;
  double           sum = 0;

  /* Andorra's seven parishes (admin_level 7); Bayreuth's extract has one
   * boundary only, so no zones. */
  g_assert_cmpuint (gr_project_get_n_zones (andorra), ==, 7);
  g_assert_cmpuint (gr_project_get_n_zones (bayreuth), ==, 0);
  first = gr_project_zone_name (andorra, 1);
  g_assert_cmpstr (first, !=, "");
  evaluate (andorra, FALSE, &e);
  for (guint z = 0; z < e.zones->len; z++)
    sum += g_array_index (e.zones, GrSummary, z).residential.area_m2;
  /* Every home lies in one parish, up to homes on the border cut off. */
  g_assert_cmpfloat (sum, <=, e.city.residential.area_m2 + 1e-6);
  g_assert_cmpfloat (sum, >, 0.97 * e.city.residential.area_m2);
  gr_evaluation_clear (&e);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gr_gdal_init ();
  for (guint i = 0; i < G_N_ELEMENTS (extracts); i++)
    {
      g_autofree char *name = g_strndup (extracts[i].file, strcspn (extracts[i].file, "."));
      g_autofree char *import = g_strdup_printf ("/project/osm/import/%s", name);
      g_autofree char *agree = g_strdup_printf ("/project/osm/grid-vs-exact/%s", name);

      g_test_add_data_func (import, &extracts[i], test_osm_import);
      g_test_add_data_func (agree, &extracts[i], test_grid_vs_exact);
    }
  g_test_add_func ("/project/osm/zones", test_zones_from_admin_levels);
  return g_test_run ();
}
