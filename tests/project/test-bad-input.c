/* test-bad-input.c — broken, empty and wrong files refused with a message
 * that names them, and invalid geometry repaired and counted */
#include "gr-test-project.h"
#include "gr-test-main.h"

static void
test_bad_json_suite (void)
{
  g_autofree char *dir = bad_path ("JSONTestSuite_n");
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint       n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      assert_import_fails ("park", path, -1);
      n++;
    }
  g_assert_cmpuint (n, ==, 188);
}

static void
test_bad_files (void)
{
  const char *files[] = { "pyshp_corrupt_too_long.shp", "mbtileserver_invalid.mbtiles",
                          "mbtileserver_invalid-tile-format.mbtiles",
                          "node-mbtiles_corrupt.mbtiles", "mapshaper_gbk/gbk.dbf" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = bad_path (files[i]);
      assert_import_fails ("residential", path, -1);
    }
  {
    g_autofree char *missing = bad_path ("no-such-file.gpkg");
    assert_import_fails ("park", missing, GR_PROJECT_ERROR_OPEN);
  }
}

static void
test_empty_and_wrong_role (void)
{
  g_autofree char *empty = write_temp ("empty.geojson", FC (""));
  g_autofree char *lines = write_temp (
      "lines.geojson", FC ("{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                           "{\"type\":\"LineString\",\"coordinates\":[[1.5,42.5],[1.51,42.51]]}}"));
  g_autofree char *huge = write_temp (
      "huge.geojson", FC ("{\"type\":\"Feature\",\"properties\":{\"population\":1e300},"
                          "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.5,42.5]}}"));
  g_autofree char *far = write_temp (
      "far.geojson", FC ("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
                         "\"Polygon\",\"coordinates\":[[[1e300,1e300],[2e300,1e300],[2e300,2e300],["
                         "1e300,1e300]]]}}"));

  assert_import_fails ("park", empty, GR_PROJECT_ERROR_EMPTY);
  assert_import_fails ("park", lines, GR_PROJECT_ERROR_ROLE);
  assert_import_fails ("population", huge, GR_PROJECT_ERROR_INVALID);
  assert_import_fails ("park", far, -1);
}

static void
test_repair_counted (void)
{
  g_autoptr (GError) error = NULL;
  /* A bow-tie: self-intersecting, repaired into two triangles. */
  g_autofree char *bowtie = write_temp (
      "bowtie.geojson", FC ("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
                            "\"Polygon\",\"coordinates\":[[[1.50,42.50],[1.51,42.51],[1.51,42.50],"
                            "[1.50,42.51],[1.50,42.50]]]}}," SQUARE ("1.505")));
  g_autofree char *spec = g_strconcat ("residential=", bowtie, NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  GrFeature *f;

  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  project = gr_project_import (NULL, sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (project->repaired, ==, 1);
  f = g_ptr_array_index (project->layers[GR_ROLE_RESIDENTIAL]->features, 0);
  g_assert_true (OGR_G_IsValid (f->geometry));
  /* Two triangles of a quarter of the ~810 × 1110 m box each. */
  g_assert_cmpfloat (OGR_G_Area (f->geometry), >, 0.2 * 0.5 * 810 * 1110);
}

static void
test_no_residential (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *parks = write_temp ("parks.geojson", FC (SQUARE ("1.5")));
  g_autofree char *spec = g_strconcat ("park=", parks, NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  GrEvaluation e;
  GrCriteria   c = default_criteria ();

  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  project = gr_project_import (NULL, sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gr_project_evaluate (project, &c, FALSE, &e, &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "residential"));
  gr_evaluation_clear (&e);
}

/* Monaco's housing and parks in one layer coded by 国土调查 DLBM (0701
 * housing, 1401 parks and green), as a bureau delivers it, imported as
 * residential land: the import names the codes it took as housing. */
static void
test_mixed_land_use_codes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *osm = g_test_build_filename (G_TEST_DIST, "data", "osm", "monaco.osm.pbf", NULL);
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "用地现状.gpkg", NULL);
  g_autofree char *spec = g_strconcat ("residential=", path, NULL);
  g_autoptr (GrProject) monaco = gr_project_import (osm, NULL, NULL, &error);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  const struct
  {
    GrRole      role;
    const char *code;
  } parts[] = { { GR_ROLE_RESIDENTIAL, "0701" }, { GR_ROLE_PARK, "1401" } };
  g_autofree char *housing = NULL;
  g_autofree char *parks = NULL;
  const char      *warning = NULL;

  g_assert_no_error (error);
  {
    g_auto (OGRSpatialReferenceH) srs = gr_srs_new_from_user (monaco->crs_wkt);
    GDALDatasetH  ds = GDALCreate (GDALGetDriverByName ("GPKG"), path, 0, 0, 0, GDT_Unknown, NULL);
    OGRLayerH     layer = GDALDatasetCreateLayer (ds, "landuse", srs, wkbMultiPolygon, NULL);
    OGRFieldDefnH field = OGR_Fld_Create ("DLBM", OFTString);

    OGR_L_CreateField (layer, field, TRUE);
    OGR_Fld_Destroy (field);
    for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
      {
        GPtrArray *features = monaco->layers[parts[p].role]->features;

        for (guint i = 0; i < features->len; i++)
          {
            g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (layer));

            OGR_F_SetGeometry (row, ((GrFeature *) g_ptr_array_index (features, i))->geometry);
            OGR_F_SetFieldString (row, 0, parts[p].code);
            g_assert_cmpint (OGR_L_CreateFeature (layer, row), ==, OGRERR_NONE);
          }
      }
    GDALClose (ds);
  }
  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  project = gr_project_import (NULL, sources, NULL, &error);
  g_assert_no_error (error);
  housing = g_strdup_printf ("0701 (%u)", monaco->layers[GR_ROLE_RESIDENTIAL]->features->len);
  parks = g_strdup_printf ("1401 (%u)", monaco->layers[GR_ROLE_PARK]->features->len);
  for (guint i = 0; i < project->warnings->len; i++)
    if (strstr (g_ptr_array_index (project->warnings, i), "DLBM") != NULL)
      warning = g_ptr_array_index (project->warnings, i);
  g_assert_nonnull (warning);
  g_test_message ("%s", warning);
  g_assert_nonnull (strstr (warning, "用地现状.gpkg"));
  g_assert_nonnull (strstr (warning, housing));
  g_assert_nonnull (strstr (warning, parks));
}

/* A one-square layer at @lon, @lat in a scratch folder of its own. */
static char *
write_square (const char *name, double lon, double lat)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  char            *path = g_build_filename (dir, name, NULL);

  gr_test_write_square (path, lon, lat);
  return path;
}

static GrProject *
import_two (const char *role,
            const char *path,
            const char *role2,
            const char *path2,
            GError    **error)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autofree char *spec = g_strdup_printf ("%s=%s", role, path);
  g_autofree char *spec2 = g_strdup_printf ("%s=%s", role2, path2);

  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  g_ptr_array_add (sources, gr_source_parse (spec2, NULL));
  return gr_project_import (NULL, sources, NULL, error);
}

/* Layers too far apart to be one city: one is read in the wrong CRS, and
 * both are named, before any figure is computed. A neighbouring town's
 * park 25 km off is no mistake. */
static void
test_layers_apart (void)
{
  g_autofree char *homes = write_square ("homes.geojson", 1.50, 42.50);
  g_autofree char *near = write_square ("near-parks.geojson", 1.80, 42.50);
  g_autofree char *far = write_square ("far-parks.geojson", 2.60, 42.50);
  g_autofree char *shp = bad_path ("pyshp_corrupt_too_long.shp");
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (GrProject) project = import_two ("residential", homes, "park", near, &error);

    g_assert_no_error (error);
    g_assert_nonnull (project);
  }
  {
    g_autoptr (GrProject) project = import_two ("park", far, "residential", homes, &error);

    g_assert_null (project);
    g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "far-parks.geojson"));
    g_assert_nonnull (strstr (error->message, "homes.geojson"));
    g_assert_nonnull (strstr (error->message, " 90 km"));
    g_clear_error (&error);
  }
  /* The bad-input shapefile (no .prj) read as longitude and latitude,
   * beside the sample city: its lines lie near 1°E 1°N. */
  {
    g_autoptr (GPtrArray) sources =
        g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
    g_autofree char *spec = g_strconcat ("greenway=", shp, NULL);
    GrImportOptions  options = { .source_crs = "EPSG:4326" };
    g_autoptr (GrProject) project = NULL;

    g_ptr_array_add (sources, gr_source_parse (spec, NULL));
    project = gr_project_import (g_getenv ("GREENREACH_SAMPLE"), sources, &options, &error);
    g_assert_null (project);
    g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "pyshp_corrupt_too_long.shp"));
    g_assert_nonnull (strstr (error->message, "andorra.osm.pbf"));
  }
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/bad-input/json-suite", test_bad_json_suite },
              { "/project/bad-input/files", test_bad_files },
              { "/project/bad-input/empty-wrong-role-huge", test_empty_and_wrong_role },
              { "/project/bad-input/repair", test_repair_counted },
              { "/project/bad-input/no-residential", test_no_residential },
              { "/project/bad-input/mixed-land-use-codes", test_mixed_land_use_codes },
              { "/project/bad-input/layers-apart", test_layers_apart })
