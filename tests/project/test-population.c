/* test-population.c — a population grid spread over the residential land */
#include "gr-test-project.h"
#include "gr-test-main.h"

#include "gr-population.h"

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

static double
layer_total (GrProject *project)
{
  GrLayer *layer = project->layers[GR_ROLE_POPULATION];
  double   total = 0;

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    total += ((GrFeature *) g_ptr_array_index (layer->features, i))->value;
  return total;
}

/* Every resident is either placed on residential land or reported. */
static void
assert_all_counted (GrProject *project, double total)
{
  GrEvaluation grid, exact;

  evaluate (project, FALSE, &grid);
  evaluate (project, TRUE, &exact);
  g_assert_cmpfloat (grid.city.residential.population, >, 0);
  g_assert_cmpfloat_with_epsilon (grid.city.residential.population + grid.unplaced, total, 0.5);
  g_assert_cmpfloat_with_epsilon (exact.city.residential.population + exact.unplaced, total, 0.5);
  g_test_message ("%.0f residents: %.0f placed, %.0f unplaced (grid)", total,
                  grid.city.residential.population, grid.unplaced);
  gr_evaluation_clear (&grid);
  gr_evaluation_clear (&exact);
}

/* Four 街道 over central Helsinki, and the 七普 table of their residents as
 * a bureau keeps it: one zone without a row, one row without a zone, a
 * count written with a thousands separator. */
static void
test_population_table (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *osm = extract_path ("helsinki-centre.osm.pbf");
  g_autofree char *zones = write_temp (
      "zones.geojson",
      "{\"type\":\"FeatureCollection\",\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"JDMC\":\"街道甲\"},\"geometry\":{\"type\":"
      "\"Polygon\",\"coordinates\":[[[24.90,60.15],[24.932,60.15],[24.932,60.165],[24.90,60.165],"
      "[24.90,60.15]]]}},"
      "{\"type\":\"Feature\",\"properties\":{\"JDMC\":\"街道乙\"},\"geometry\":{\"type\":"
      "\"Polygon\",\"coordinates\":[[[24.932,60.15],[24.96,60.15],[24.96,60.165],[24.932,60.165],"
      "[24.932,60.15]]]}},"
      "{\"type\":\"Feature\",\"properties\":{\"JDMC\":\"街道丙\"},\"geometry\":{\"type\":"
      "\"Polygon\",\"coordinates\":[[[24.90,60.165],[24.932,60.165],[24.932,60.18],[24.90,60.18],"
      "[24.90,60.165]]]}},"
      "{\"type\":\"Feature\",\"properties\":{\"JDMC\":\"街道丁\"},\"geometry\":{\"type\":"
      "\"Polygon\",\"coordinates\":[[[24.932,60.165],[24.96,60.165],[24.96,60.18],[24.932,60.18],"
      "[24.932,60.165]]]}}]}");
  g_autofree char *table =
      write_temp ("七普.csv", "街道名称,常住人口\n街道甲,12000\n街道乙,\"8,500\"\n"
                              "街道丙,3000\n外区,999\n");
  g_autofree char *spec = g_strconcat ("zones=", zones, NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  GrImportOptions options = { .population_table = table, .population_join = "JDMC=街道名称" };
  g_autoptr (GString) warnings = g_string_new (NULL);

  g_ptr_array_add (sources, gr_source_parse (spec, &error));
  project = gr_project_import (osm, sources, &options, &error);
  g_assert_no_error (error);
  /* Helsinki's buildings give storeys: each zone's residents go to its
   * homes by floor area, one point a home, the total kept. */
  g_assert_cmpstr (project->population_method, ==, "table-floor-area");
  g_assert_cmpuint (project->layers[GR_ROLE_POPULATION]->features->len, >, 3);
  g_assert_cmpfloat_with_epsilon (layer_total (project), 23500, 1e-6);
  for (guint i = 0; i < project->warnings->len; i++)
    g_string_append_printf (warnings, "%s\n", (char *) g_ptr_array_index (project->warnings, i));
  g_test_message ("%s", warnings->str);
  g_assert_nonnull (strstr (warnings->str, "“外区”"));
  g_assert_nonnull (strstr (warnings->str, "999 residents"));
  g_assert_nonnull (strstr (warnings->str, "“街道丁”"));
  assert_all_counted (project, 23500);
  g_clear_pointer (&project, gr_project_free);

  /* A join column that is not there, named with the columns there are. */
  options.population_join = "JDMC=街道";
  project = gr_project_import (osm, sources, &options, &error);
  g_assert_null (project);
  g_assert_nonnull (strstr (error->message, "街道名称, 常住人口"));
  g_clear_error (&error);
  /* A count that is not a number names its row. */
  options.population_join = "JDMC=街道名称";
  options.population_table = write_temp ("bad.csv", "街道名称,常住人口\n街道甲,很多\n");
  project = gr_project_import (osm, sources, &options, &error);
  g_assert_null (project);
  g_assert_nonnull (strstr (error->message, "bad.csv, row 2"));
  g_free ((char *) options.population_table);
}

/* The Helsinki grid as a raster, made the way a census grid is. */
static void
test_population_raster (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *osm = extract_path ("helsinki-centre.osm.pbf");
  g_autofree char *grid = g_test_build_filename (G_TEST_DIST, "data", "population",
                                                 "helsinki-population-grid-2020.gpkg", NULL);
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *tif = g_build_filename (dir, "population.tif", NULL);
  g_autofree char *spec = g_strconcat ("population=", tif, NULL);
  g_autofree char *projected = g_build_filename (dir, "grid-3067.gpkg", NULL);
  /* In the grid's own CRS (ETRS-TM35FIN) at its 250 m, one pixel a cell. */
  const char *reproject[] = { "ogr2ogr", "-t_srs", "EPSG:3067", projected, grid, NULL };
  const char *rasterize[] = {
    "gdal_rasterize", "-q", "-a",  "population", "-tr",     "250", "250", "-tap",
    "-a_nodata",      "0",  "-ot", "Float32",    projected, tif,   NULL
  };
  const char *const *commands[] = { reproject, rasterize };
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  g_autofree float *pixels = NULL;
  GDALDatasetH      ds;
  double            total = 0;
  int               status, n;

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_assert_true (g_spawn_sync (NULL, (char **) commands[c], NULL, G_SPAWN_SEARCH_PATH, NULL,
                                   NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, 0);
    }
  ds = GDALOpen (tif, GA_ReadOnly);
  n = GDALGetRasterXSize (ds) * GDALGetRasterYSize (ds);
  pixels = g_new (float, n);
  g_assert_cmpint (GDALRasterIO (GDALGetRasterBand (ds, 1), GF_Read, 0, 0, GDALGetRasterXSize (ds),
                                 GDALGetRasterYSize (ds), pixels, GDALGetRasterXSize (ds),
                                 GDALGetRasterYSize (ds), GDT_Float32, 0, 0),
                   ==, CE_None);
  GDALClose (ds);
  for (int i = 0; i < n; i++)
    total += pixels[i];
  /* Every cell a pixel: the grid's residents, to the person. */
  g_assert_cmpfloat_with_epsilon (total, 71724, 0.5);
  g_ptr_array_add (sources, gr_source_parse (spec, &error));
  project = gr_project_import (osm, sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (project->population_method, ==, "raster");
  g_assert_cmpfloat_with_epsilon (layer_total (project), total, 0.5);
  assert_all_counted (project, total);
}

static void
test_population_raster_bad (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *tif = g_build_filename (dir, "nowhere.tif", NULL);
  GDALDatasetH     ds = GDALCreate (GDALGetDriverByName ("GTiff"), tif, 4, 4, 1, GDT_Float32, NULL);
  float            values[16] = { 1, 2, 3, -5 };

  /* No georeference: it cannot be placed. */
  g_assert_cmpint (GDALRasterIO (GDALGetRasterBand (ds, 1), GF_Write, 0, 0, 4, 4, values, 4, 4,
                                 GDT_Float32, 0, 0),
                   ==, CE_None);
  GDALClose (ds);
  assert_import_fails ("population", tif, GR_PROJECT_ERROR_CRS);
  /* Georeferenced, a negative count is not residents. */
  ds = GDALOpen (tif, GA_Update);
  GDALSetProjection (ds, "EPSG:4326");
  GDALSetGeoTransform (ds, (double[]){ 1.5, 0.001, 0, 42.51, 0, -0.001 });
  GDALClose (ds);
  assert_import_fails ("population", tif, GR_PROJECT_ERROR_INVALID);
}

/* Two 社区 of a 七普 table with its age groups, as a bureau's layer names
 * them; a third whose groups outnumber its residents (a misread field) is
 * kept for its residents, its ages left out and said. The ages survive a
 * save and a load. */
static void
test_population_ages (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *layer = write_temp (
      "社区人口.geojson",
      "{\"type\":\"FeatureCollection\",\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"名称\":\"甲社区\",\"人口\":5000,"
      "\"0-14岁\":800,\"60岁及以上\":1200},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
      "[[[116.30,39.90],[116.31,39.90],[116.31,39.91],[116.30,39.91],[116.30,39.90]]]}},"
      "{\"type\":\"Feature\",\"properties\":{\"名称\":\"乙社区\",\"人口\":3000,"
      "\"0-14岁\":450,\"60岁及以上\":600},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
      "[[[116.31,39.90],[116.32,39.90],[116.32,39.91],[116.31,39.91],[116.31,39.90]]]}},"
      "{\"type\":\"Feature\",\"properties\":{\"名称\":\"丙社区\",\"人口\":100,"
      "\"0-14岁\":450,\"60岁及以上\":600},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
      "[[[116.32,39.90],[116.33,39.90],[116.33,39.91],[116.32,39.91],[116.32,39.90]]]}}]}");
  g_autofree char *homes = write_temp (
      "居住.geojson",
      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[116.30,39.90],[116.33,39.90],"
      "[116.33,39.91],[116.30,39.91],[116.30,39.90]]]}}]}");
  g_autofree char *dir = g_path_get_dirname (layer);
  g_autofree char *gpkg = g_build_filename (dir, "ages.gpkg", NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  g_autoptr (GrProject) loaded = NULL;
  g_autofree char *pop_spec = g_strconcat ("population=", layer, NULL);
  g_autofree char *home_spec = g_strconcat ("residential=", homes, NULL);
  gboolean         warned = FALSE;

  g_ptr_array_add (sources, gr_source_parse (pop_spec, &error));
  g_ptr_array_add (sources, gr_source_parse (home_spec, &error));
  g_assert_no_error (error);
  project = gr_project_import (NULL, sources, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < project->warnings->len; i++)
    warned |= strstr (g_ptr_array_index (project->warnings, i),
                      "1 feature has more children or elderly than residents")
              != NULL;
  g_assert_true (warned);
  g_assert_true (gr_project_save (project, gpkg, &error));
  g_assert_no_error (error);
  loaded = gr_project_load (gpkg, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < 2; k++)
    {
      GrLayer   *pop = (k == 0 ? project : loaded)->layers[GR_ROLE_POPULATION];
      GrFeature *a = g_ptr_array_index (pop->features, 0);
      GrFeature *b = g_ptr_array_index (pop->features, 1);
      GrFeature *c = g_ptr_array_index (pop->features, 2);

      g_assert_cmpfloat (a->children, ==, 800);
      g_assert_cmpfloat (a->elderly, ==, 1200);
      g_assert_cmpfloat (b->children, ==, 450);
      g_assert_cmpfloat (c->value, ==, 100);
      g_assert_true (isnan (c->children) && isnan (c->elderly));
    }
}

static void
add_wkt (GrProject *project, GrRole role, const char *wkt, const char *kind)
{
  OGRGeometryH g = NULL;
  GrFeature   *f;

  g_assert_cmpint (OGR_G_CreateFromWkt ((char **) &wkt, NULL, &g), ==, OGRERR_NONE);
  f = gr_feature_new (g);
  f->kind = g_strdup (kind);
  g_ptr_array_add (gr_project_ensure_layer (project, role)->features, f);
}

/* Buildings of no stated use are homes on residential land, not in a
 * hole of it nor off it; a class says so either way. */
static void
test_population_homes_on_land (void)
{
  g_autoptr (GrProject) project = gr_project_new ();
  GrLayer *pop;

  project->crs_wkt = g_strdup ("EPSG:4547");
  add_wkt (project, GR_ROLE_RESIDENTIAL,
           "MULTIPOLYGON (((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40)),"
           "((200 0,300 0,300 100,200 100,200 0)))",
           NULL);
  /* In the first part; in its hole; between the parts; in the second. */
  add_wkt (project, GR_ROLE_BUILDINGS, "POLYGON ((10 10,20 10,20 20,10 20,10 10))", NULL);
  add_wkt (project, GR_ROLE_BUILDINGS, "POLYGON ((45 45,55 45,55 55,45 55,45 45))", NULL);
  add_wkt (project, GR_ROLE_BUILDINGS, "POLYGON ((150 10,160 10,160 20,150 20,150 10))", NULL);
  add_wkt (project, GR_ROLE_BUILDINGS, "POLYGON ((210 10,220 10,220 20,210 20,210 10))", NULL);
  add_wkt (project, GR_ROLE_BUILDINGS, "POLYGON ((500 10,510 10,510 20,500 20,500 10))",
           "apartments");
  add_wkt (project, GR_ROLE_BUILDINGS, "POLYGON ((70 70,80 70,80 80,70 80,70 70))", "commercial");
  gr_project_update_extent (project);
  g_assert_true (gr_population_estimate_from_buildings (project, NULL));
  pop = project->layers[GR_ROLE_POPULATION];
  g_assert_cmpuint (pop->features->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      GrFeature *f = g_ptr_array_index (pop->features, i);
      double     x = OGR_G_GetX (OGR_G_GetGeometryRef (f->geometry, 0), 0);

      g_assert_true (x == 15 || x == 215 || x == 505);
      g_assert_cmpfloat_with_epsilon (f->value,
                                      100 * GR_DEFAULT_STOREYS / GR_FLOOR_AREA_PER_RESIDENT, 1e-9);
    }
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/population/homes-on-land", test_population_homes_on_land },
              { "/project/population/dasymetric", test_population_dasymetric },
              { "/project/population/table", test_population_table },
              { "/project/population/raster", test_population_raster },
              { "/project/population/raster-bad", test_population_raster_bad },
              { "/project/population/ages", test_population_ages })
