/* test-source-specs.c — role=path[:layer] source specifications */
#include "gr-test-project.h"
#include "gr-test-main.h"

static void
test_source_specs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrSource) plain = gr_source_parse ("park=/data/city.gpkg:parks", &error);
  g_autoptr (GrSource) pg = gr_source_parse ("residential=PG:dbname=city host=db", &error);
  g_autoptr (GrSource) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (plain->role, ==, GR_ROLE_PARK);
  g_assert_cmpstr (plain->path, ==, "/data/city.gpkg");
  g_assert_cmpstr (plain->layer, ==, "parks");
  g_assert_cmpstr (pg->path, ==, "PG:dbname=city host=db");
  g_assert_null (pg->layer);
  bad = gr_source_parse ("lawn=x.shp", &error);
  g_assert_null (bad);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID);
}

GR_TEST_MAIN (gr_gdal_init, { "/project/source-specs", test_source_specs })
