/* test-crs.c — Chinese coordinate systems: a CGCS2000 zone, a missing .prj
 * and a wrong geographic one */
#include "gr-test-project.h"
#include "gr-test-main.h"

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
  /* Analysis CRS chosen afresh: the zone without prefix, EPSG:4546. */
  g_assert_cmpint (given->epsg, ==, 4546);
}

static void
test_wrong_geographic_prj (void)
{
  /* chinese.shp claims WGS 84 but holds (-248.7, 625.6). */
  g_autofree char *path = bad_path ("mapshaper_gbk/chinese.shp");

  assert_import_fails ("sites", path, GR_PROJECT_ERROR_CRS);
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/crs/cgcs2000-zone", test_cgcs2000_zone },
              { "/project/crs/missing", test_missing_crs },
              { "/project/crs/wrong-geographic", test_wrong_geographic_prj })
