/* test-crs.c — Chinese coordinate systems: a CGCS2000 zone, a missing .prj
 * and a wrong geographic one */
#include "gr-test-project.h"
#include "gr-test-main.h"

#include "gr-offset.h"
#include "gr-recipe.h"

/* Writes the residential, green and park layers of @project as shapefiles
 * in @dir, moved so that their centre lies at (x, y), and labelled with
 * @epsg (0: no .prj). */
static void
write_shifted (GrProject *project, const char *dir, double x, double y, int epsg)
{
  double       dx = x - (project->extent[0] + project->extent[2]) / 2;
  double       dy = y - (project->extent[1] + project->extent[3]) / 2;
  const GrRole roles[] = { GR_ROLE_RESIDENTIAL, GR_ROLE_GREEN, GR_ROLE_PARK };
  GDALDriverH  driver = GDALGetDriverByName ("ESRI Shapefile");
  g_auto (OGRSpatialReferenceH) srs = NULL;

  if (epsg != 0)
    {
      g_autofree char *code = g_strdup_printf ("EPSG:%d", epsg);
      srs = gr_srs_new_from_user (code);
    }
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      GrLayer         *layer = project->layers[roles[r]];
      g_autofree char *path = g_strdup_printf ("%s/%s.shp", dir, gr_role_to_string (roles[r]));
      g_auto (GDALDatasetH) ds = GDALCreate (driver, path, 0, 0, 0, GDT_Unknown, NULL);
      OGRLayerH out =
          GDALDatasetCreateLayer (ds, gr_role_to_string (roles[r]), srs, wkbMultiPolygon, NULL);

      for (guint i = 0; i < layer->features->len; i++)
        {
          GrFeature *f = g_ptr_array_index (layer->features, i);
          g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (out));
          g_auto (OGRGeometryH) moved = OGR_G_Clone (f->geometry);
          OGRGeometryH g = moved;

          for (int p = 0; p < OGR_G_GetGeometryCount (g); p++)
            for (int k = 0; k < OGR_G_GetGeometryCount (OGR_G_GetGeometryRef (g, p)); k++)
              {
                OGRGeometryH ring = OGR_G_GetGeometryRef (OGR_G_GetGeometryRef (g, p), k);
                for (int v = 0; v < OGR_G_GetPointCount (ring); v++)
                  OGR_G_SetPoint_2D (ring, v, OGR_G_GetX (ring, v) + dx, OGR_G_GetY (ring, v) + dy);
              }
          OGR_F_SetGeometry (row, moved);
          g_assert_cmpint (OGR_L_CreateFeature (out, row), ==, OGRERR_NONE);
        }
    }
}

static GrProject *
import_dir (const char *dir, const char *source_crs, GError **error)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  GrImportOptions options = { .source_crs = source_crs };
  const char     *roles[] = { "residential", "green", "park" };

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      g_autofree char *spec = g_strdup_printf ("%s=%s/%s.shp", roles[r], dir, roles[r]);
      g_ptr_array_add (sources, gr_source_parse (spec, NULL));
    }
  return gr_project_import (NULL, sources, &options, error);
}

static void
test_cgcs2000_zone (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) monaco = import_osm ("monaco.osm.pbf");
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autoptr (GrProject) moved = NULL;
  GrEvaluation utm, gk;

  /* Monaco's shapes set down in Yuncheng (111.0°E, 35.0°N), in the
   * CGCS2000 3-degree Gauss-Kruger CM 111°E zone, EPSG:4546. */
  write_shifted (monaco, dir, 500000, 3874000, 4546);
  moved = import_dir (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved->epsg, ==, 4546);
  g_assert_nonnull (strstr (moved->crs_name, "CGCS2000"));
  evaluate (monaco, FALSE, &utm);
  evaluate (moved, FALSE, &gk);
  /* The same shapes: UTM's 0.9996 scale is the only difference. */
  g_assert_cmpfloat (worst_difference (&utm.city, &gk.city, FALSE), <=, AGREEMENT);
  g_assert_cmpfloat (fabs (gk.city.residential.area_m2 / utm.city.residential.area_m2 - 1), <,
                     0.003);
  gr_evaluation_clear (&utm);
  gr_evaluation_clear (&gk);
}

static void
assert_missing_crs (GrProject *monaco, double x, double y, const char *hint)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autoptr (GrProject) moved = NULL;

  write_shifted (monaco, dir, x, y, 0);
  moved = import_dir (dir, NULL, &error);
  g_assert_null (moved);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "residential.shp"));
  g_assert_nonnull (strstr (error->message, "--source-crs"));
  g_assert_nonnull (strstr (error->message, hint));
}

static void
test_missing_crs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) monaco = import_osm ("monaco.osm.pbf");
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autoptr (GrProject) given = NULL;

  /* Zone prefix 37 in front of the easting: zone 37 is EPSG:4525. */
  assert_missing_crs (monaco, 37500000, 3874000, "EPSG:4525");
  /* A 6-digit easting: the zone is not in the numbers, the family is. */
  assert_missing_crs (monaco, 500000, 3874000, "EPSG:4534");
  /* With --source-crs the same files import. */
  write_shifted (monaco, dir, 37500000, 3874000, 0);
  given = import_dir (dir, "EPSG:4525", &error);
  g_assert_no_error (error);
  /* Analysed in the bureau's own zone with the prefix, so that the
   * coordinates printed and asked for are as in its files. */
  g_assert_cmpint (given->epsg, ==, 4525);
  g_assert_cmpfloat (given->extent[0], >, 37e6);
  g_assert_cmpfloat (given->extent[2], <, 38e6);
}

static void
test_wrong_geographic_prj (void)
{
  /* chinese.shp claims WGS 84 but holds (-248.7, 625.6). */
  g_autofree char *path = bad_path ("mapshaper_gbk/chinese.shp");

  assert_import_fails ("sites", path, GR_PROJECT_ERROR_CRS);
}

/* GCJ-02 (Amap) and BD-09 (Baidu): the forward offset as the published
 * formula gives it at three cities (values worked independently), and the
 * way back within 0.1 m. */
static void
test_web_map_offsets (void)
{
  const struct
  {
    double lon, lat, gcj_lon, gcj_lat;
  } points[] = {
    { 116.397128, 39.916527, 116.403372494, 39.917930749 }, /* Beijing, 533 m E, 155 m N */
    { 121.473701, 31.230416, 121.478224057, 31.228473742 }, /* Shanghai */
    { 113.264385, 23.129112, 113.269714583, 23.126435337 }, /* Guangzhou */
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    for (GrOffset offset = GR_OFFSET_GCJ02; offset <= GR_OFFSET_BD09; offset++)
      {
        double x = points[i].lon, y = points[i].lat;

        gr_offset_from_wgs84 (offset, &x, &y);
        if (offset == GR_OFFSET_GCJ02)
          {
            g_assert_cmpfloat_with_epsilon (x, points[i].gcj_lon, 1e-8);
            g_assert_cmpfloat_with_epsilon (y, points[i].gcj_lat, 1e-8);
          }
        gr_offset_to_wgs84 (offset, &x, &y);
        /* 1e-6° is 0.11 m of latitude. */
        g_assert_cmpfloat (fabs (x - points[i].lon) * 111320 * cos (y * G_PI / 180), <, 0.1);
        g_assert_cmpfloat (fabs (y - points[i].lat) * 110574, <, 0.1);
      }
  /* Outside China there is no offset. */
  {
    double x = 7.42, y = 43.73;

    gr_offset_from_wgs84 (GR_OFFSET_GCJ02, &x, &y);
    g_assert_cmpfloat (x, ==, 7.42);
    g_assert_cmpfloat (y, ==, 43.73);
  }
  g_assert_cmpint (gr_offset_from_name ("GCJ-02"), ==, GR_OFFSET_GCJ02);
  g_assert_cmpint (gr_offset_from_name ("bd09"), ==, GR_OFFSET_BD09);
  g_assert_cmpint (gr_offset_from_name ("EPSG:4326"), ==, GR_OFFSET_NONE);
}

/* The centre of @role's first feature, in WGS 84 longitude/latitude. */
static void
first_centre_lonlat (GrProject *project, GrRole role, double *lon, double *lat)
{
  g_auto (OGRSpatialReferenceH) from = gr_srs_new_from_user (project->crs_wkt);
  g_auto (OGRSpatialReferenceH) to = gr_srs_new_from_user ("EPSG:4326");
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (from, to);
  OGRGeometryH centroid = OGR_G_CreateGeometry (wkbPoint);

  OGR_G_Centroid (((GrFeature *) g_ptr_array_index (project->layers[role]->features, 0))->geometry,
                  centroid);
  *lon = OGR_G_GetX (centroid, 0);
  *lat = OGR_G_GetY (centroid, 0);
  OGR_G_DestroyGeometry (centroid);
  g_assert_true (OCTTransform (ct, 1, lon, lat, NULL));
}

/* Metres between two longitude/latitude points near @lat. */
static double
ground_metres (double lon1, double lat1, double lon2, double lat2)
{
  return hypot ((lon1 - lon2) * 111320 * cos (lat1 * G_PI / 180), (lat1 - lat2) * 110574);
}

/* A park copied from Amap (GCJ-02) lands where WGS 84 has it: with
 * --source-crs for every source, or for one source alone (the import
 * dialog's choice), which the import recipe keeps; a source read as its
 * file says beside it is not shifted. */
static void
check_gcj02 (gboolean per_source)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "amap.geojson", NULL);
  g_autofree char *spec = g_strconcat ("park=", path, NULL);
  g_autofree char *plain = g_strconcat ("green=", path, NULL);
  g_autofree char *json = NULL;
  g_autofree char *recipe_text = NULL;
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  GrImportOptions options = { .source_crs = per_source ? NULL : "GCJ-02" };
  g_autoptr (GrProject) project = NULL;
  g_autoptr (GrRecipe) recipe = NULL;
  GrSource *park;
  double    lon = 116.397128, lat = 39.916527, x = lon, y = lat, d = 0.001;
  double    cx, cy;

  /* A square around Tiananmen's WGS 84 point, given in GCJ-02. */
  gr_offset_from_wgs84 (GR_OFFSET_GCJ02, &x, &y);
  json = g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                          "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                          "[[[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f]]]}}]}",
                          x - d, y - d, x + d, y - d, x + d, y + d, x - d, y + d, x - d, y - d);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  park = gr_source_parse (spec, NULL);
  if (per_source)
    park->crs = g_strdup ("GCJ-02");
  g_ptr_array_add (sources, park);
  if (per_source)
    g_ptr_array_add (sources, gr_source_parse (plain, NULL));
  project = gr_project_import (NULL, sources, &options, &error);
  g_assert_no_error (error);
  /* The square's own shape moves its centroid by far less than a metre. */
  first_centre_lonlat (project, GR_ROLE_PARK, &cx, &cy);
  g_assert_cmpfloat (ground_metres (cx, cy, lon, lat), <, 1);
  if (!per_source)
    return;
  /* The same file read as it says stays where GCJ-02 put it, ≈ 550 m off. */
  first_centre_lonlat (project, GR_ROLE_GREEN, &cx, &cy);
  g_assert_cmpfloat (ground_metres (cx, cy, x, y), <, 1);
  g_assert_cmpfloat (ground_metres (cx, cy, lon, lat), >, 300);
  /* Imported again next year as it was the first time. */
  recipe_text = gr_recipe_to_text (NULL, sources, &options);
  recipe = gr_recipe_parse (recipe_text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recipe->sources->len, ==, 2);
  g_assert_cmpstr (((GrSource *) g_ptr_array_index (recipe->sources, 0))->crs, ==, "GCJ-02");
  g_assert_null (((GrSource *) g_ptr_array_index (recipe->sources, 1))->crs);
  /* Merged into a recipe read with --source-crs GCJ-02 (a layer imported
   * in the window over a project imported so), the file read as it says
   * stays so when the delivery is imported again. */
  {
    GrImportOptions gcj = { .source_crs = "GCJ-02" };
    g_autoptr (GPtrArray) base = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
    g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
    g_autofree char *base_text = NULL;
    g_autofree char *added_text = NULL;
    g_autofree char *merged = NULL;
    g_autoptr (GrRecipe) again = NULL;
    g_autoptr (GrProject) reread = NULL;
    const gboolean add[GR_N_ROLES] = { FALSE };

    g_ptr_array_add (base, gr_source_parse (spec, NULL));
    g_ptr_array_add (added, gr_source_parse (plain, NULL));
    base_text = gr_recipe_to_text (NULL, base, &gcj);
    added_text = gr_recipe_to_text (NULL, added, NULL);
    merged = gr_recipe_merge (base_text, added_text, add);
    again = gr_recipe_parse (merged, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->sources->len, ==, 2);
    g_assert_null (((GrSource *) g_ptr_array_index (again->sources, 0))->crs);
    g_assert_cmpstr (((GrSource *) g_ptr_array_index (again->sources, 1))->crs, ==,
                     GR_SOURCE_CRS_OWN);
    reread = gr_project_import (NULL, again->sources, &again->options, &error);
    g_assert_no_error (error);
    first_centre_lonlat (reread, GR_ROLE_PARK, &cx, &cy);
    g_assert_cmpfloat (ground_metres (cx, cy, lon, lat), <, 1);
    first_centre_lonlat (reread, GR_ROLE_GREEN, &cx, &cy);
    g_assert_cmpfloat (ground_metres (cx, cy, x, y), <, 1);
  }
}

static void
test_gcj02_source (void)
{
  check_gcj02 (FALSE);
}

static void
test_gcj02_one_source (void)
{
  check_gcj02 (TRUE);
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/crs/cgcs2000-zone", test_cgcs2000_zone },
              { "/project/crs/missing", test_missing_crs },
              { "/project/crs/wrong-geographic", test_wrong_geographic_prj },
              { "/project/crs/web-map-offsets", test_web_map_offsets },
              { "/project/crs/gcj02-source", test_gcj02_source },
              { "/project/crs/gcj02-one-source", test_gcj02_one_source })
