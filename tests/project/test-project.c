/* test-project.c — import, reprojection, repair, the project file, and the
 * grid checked against exact vector results on real OpenStreetMap data */
#include "gr-evaluate.h"
#include "gr-import.h"
#include "gr-session.h"

#include <glib/gstdio.h>
#include "gr-test-util.h"

#include <math.h>
#include <string.h>

/* Issue requirement: grid and exact agree within 0.3 percentage points. */
#define AGREEMENT 0.003

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

static char *
extract_path (const char *file)
{
  if (g_str_equal (file, "andorra"))
    return g_strdup (g_getenv ("GREENREACH_SAMPLE"));
  return g_test_build_filename (G_TEST_DIST, "data", "osm", file, NULL);
}

static char *
bad_path (const char *file)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad-input", file, NULL);
}

static GrProject *
import_osm (const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = extract_path (file);
  GrProject *project = gr_project_import (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static GrCriteria
default_criteria (void)
{
  GrCriteria c;

  gr_criteria_init_default (&c);
  return c;
}

static void
evaluate (GrProject *project, gboolean exact, GrEvaluation *evaluation)
{
  g_autoptr (GError) error = NULL;
  GrCriteria c = default_criteria ();

  g_assert_true (gr_project_evaluate (project, &c, exact, evaluation, &error));
  g_assert_no_error (error);
}

static double
share (const GrAmount *part, const GrAmount *whole, gboolean people)
{
  double p = people ? part->population : part->area_m2;
  double w = people ? whole->population : whole->area_m2;

  return w > 0 ? p / w : 0;
}

static double
worst_difference (const GrSummary *a, const GrSummary *b, gboolean people)
{
  const GrAmount *pa[] = { &a->green, &a->park, &a->both, &a->neither, &a->service };
  const GrAmount *pb[] = { &b->green, &b->park, &b->both, &b->neither, &b->service };
  double worst = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pa); i++)
    worst = MAX (worst, fabs (share (pa[i], &a->residential, people)
                              - share (pb[i], &b->residential, people)));
  return worst;
}

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
  double worst;

  evaluate (project, FALSE, &grid);
  evaluate (project, TRUE, &exact);
  worst = worst_difference (&grid.city, &exact.city, FALSE);
  g_test_message ("%s: residential %.0f m2 grid, %.0f m2 exact; worst share difference %.3f pp",
                  x->file, grid.city.residential.area_m2, exact.city.residential.area_m2, 100 * worst);
  g_assert_cmpfloat (worst, <=, AGREEMENT);
  g_assert_cmpfloat (fabs (grid.city.residential.area_m2 - exact.city.residential.area_m2),
                     <, 0.003 * exact.city.residential.area_m2);
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
  GrEvaluation e;
  double sum = 0;

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

static void
test_project_file_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  g_autoptr (GrProject) loaded = NULL;
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "monaco.gpkg", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  GrEvaluation before, after;

  g_assert_true (gr_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_true (gr_project_file_is_project (path));
  loaded = gr_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->epsg, ==, 32632);
  for (guint r = 0; r < GR_N_ROLES; r++)
    {
      g_assert_true ((project->layers[r] == NULL) == (loaded->layers[r] == NULL));
      if (project->layers[r] != NULL)
        g_assert_cmpuint (project->layers[r]->features->len, ==, loaded->layers[r]->features->len);
    }
  evaluate (project, FALSE, &before);
  evaluate (loaded, FALSE, &after);
  g_assert_cmpmem (&before.city, sizeof before.city, &after.city, sizeof after.city);
  gr_evaluation_clear (&before);
  gr_evaluation_clear (&after);
  g_unlink (path);
  g_rmdir (dir);
}

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
  double total = 0;

  g_ptr_array_add (sources, gr_source_parse (spec, &error));
  g_assert_no_error (error);
  project = gr_project_import (osm, sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (project->layers[GR_ROLE_POPULATION]->features->len, ==, 92);
  for (guint i = 0; i < 92; i++)
    total += ((GrFeature *) g_ptr_array_index (project->layers[GR_ROLE_POPULATION]->features, i))->value;
  g_assert_cmpfloat_with_epsilon (total, 71724, 0.5);
  evaluate (project, FALSE, &grid);
  evaluate (project, TRUE, &exact);
  /* Residents land on residential land only; the rest are reported. */
  g_assert_cmpfloat (grid.city.residential.population, >, 0);
  g_assert_cmpfloat_with_epsilon (grid.city.residential.population + grid.unplaced, total, 1);
  g_test_message ("helsinki: %.0f residents placed (grid), %.0f (exact), %.0f unplaced",
                  grid.city.residential.population, exact.city.residential.population, grid.unplaced);
  g_assert_cmpfloat (fabs (grid.city.residential.population - exact.city.residential.population),
                     <, 0.02 * exact.city.residential.population);
  g_assert_cmpfloat (worst_difference (&grid.city, &exact.city, TRUE), <, 0.01);
  gr_evaluation_clear (&grid);
  gr_evaluation_clear (&exact);
}

/* ---- Chinese coordinate systems ------------------------------------------ */

/* Writes the residential, green and park layers of @project as shapefiles
 * in @dir, moved so that their centre lies at (x, y), and labelled with
 * @epsg (0: no .prj). */
static void
write_shifted (GrProject *project, const char *dir, double x, double y, int epsg)
{
  double dx = x - (project->extent[0] + project->extent[2]) / 2;
  double dy = y - (project->extent[1] + project->extent[3]) / 2;
  const GrRole roles[] = { GR_ROLE_RESIDENTIAL, GR_ROLE_GREEN, GR_ROLE_PARK };
  GDALDriverH driver = GDALGetDriverByName ("ESRI Shapefile");
  g_auto (OGRSpatialReferenceH) srs = NULL;

  if (epsg != 0)
    {
      g_autofree char *code = g_strdup_printf ("EPSG:%d", epsg);
      srs = gr_srs_new_from_user (code);
    }
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      GrLayer *layer = project->layers[roles[r]];
      g_autofree char *path = g_strdup_printf ("%s/%s.shp", dir, gr_role_to_string (roles[r]));
      g_auto (GDALDatasetH) ds = GDALCreate (driver, path, 0, 0, 0, GDT_Unknown, NULL);
      OGRLayerH out = GDALDatasetCreateLayer (ds, gr_role_to_string (roles[r]), srs, wkbMultiPolygon, NULL);

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
  const char *roles[] = { "residential", "green", "park" };

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
  g_assert_cmpfloat (fabs (gk.city.residential.area_m2 / utm.city.residential.area_m2 - 1), <, 0.003);
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

/* ---- GBK ---------------------------------------------------------------- */

static char *
copy_gbk_without_prj (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  const char *ext[] = { "shp", "shx", "dbf" };

  for (guint i = 0; i < G_N_ELEMENTS (ext); i++)
    {
      g_autofree char *name = g_strdup_printf ("mapshaper_gbk/chinese.%s", ext[i]);
      g_autofree char *from = bad_path (name);
      g_autofree char *to = g_strdup_printf ("%s/chinese.%s", dir, ext[i]);
      g_autofree char *bytes = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &bytes, &len, NULL));
      g_assert_true (g_file_set_contents (to, bytes, len, NULL));
    }
  return g_strdup_printf ("%s/chinese.shp", dir);
}

static void
test_gbk_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *shp = copy_gbk_without_prj ();
  g_autofree char *spec = g_strconcat ("sites=", shp, NULL);
  g_autofree char *gpkg = g_strconcat (shp, ".gpkg", NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  GrImportOptions options = { .source_crs = "EPSG:4546" };
  g_autoptr (GrProject) project = NULL;
  g_autoptr (GrProject) loaded = NULL;
  GrFeature *f;

  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  project = gr_project_import (NULL, sources, &options, &error);
  g_assert_no_error (error);
  f = g_ptr_array_index (project->layers[GR_ROLE_SITES]->features, 0);
  /* The DBF holds the GBK bytes BC F2 CC E5, 简体, with no .cpg. */
  g_assert_cmpstr (f->name, ==, "简体");
  g_assert_true (gr_project_save (project, gpkg, &error));
  loaded = gr_project_load (gpkg, &error);
  g_assert_no_error (error);
  f = g_ptr_array_index (loaded->layers[GR_ROLE_SITES]->features, 0);
  g_assert_cmpstr (f->name, ==, "简体");
}

static void
test_text_decoding (void)
{
  const char gbk[] = { (char) 0xBC, (char) 0xF2, (char) 0xCC, (char) 0xE5, 0 };
  g_autofree char *auto_gbk = gr_text_to_utf8 (gbk, NULL);
  g_autofree char *utf8 = gr_text_to_utf8 ("公园", NULL);
  g_autofree char *latin = gr_text_to_utf8 ("caf\xe9", "ISO-8859-1");

  g_assert_cmpstr (auto_gbk, ==, "简体");
  g_assert_cmpstr (utf8, ==, "公园");
  g_assert_cmpstr (latin, ==, "café");
}

/* ---- bad input ------------------------------------------------------------ */

static void
assert_import_fails (const char *role, const char *path, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *spec = g_strdup_printf ("%s=%s", role, path);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_ptr_array_add (sources, gr_source_parse (spec, &error));
  g_assert_no_error (error);
  project = gr_project_import (NULL, sources, NULL, &error);
  g_assert_null (project);
  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_error (error, GR_PROJECT_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, base));
}

static void
test_bad_json_suite (void)
{
  g_autofree char *dir = bad_path ("JSONTestSuite_n");
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

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
                          "mbtileserver_invalid-tile-format.mbtiles", "node-mbtiles_corrupt.mbtiles",
                          "mapshaper_gbk/gbk.dbf" };

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
test_wrong_geographic_prj (void)
{
  /* chinese.shp claims WGS 84 but holds (-248.7, 625.6). */
  g_autofree char *path = bad_path ("mapshaper_gbk/chinese.shp");

  assert_import_fails ("sites", path, GR_PROJECT_ERROR_CRS);
}

static char *
write_temp (const char *name, const char *text)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

#define FC(features) "{\"type\":\"FeatureCollection\",\"features\":[" features "]}"
#define SQUARE(x) "{\"type\":\"Feature\",\"properties\":{\"name\":\"p\",\"population\":100}," \
  "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" x ",42.5],[" x ",42.51],[1.51,42.51],[1.51,42.5]," \
  "[" x ",42.5]]]}}"

static void
test_empty_and_wrong_role (void)
{
  g_autofree char *empty = write_temp ("empty.geojson", FC (""));
  g_autofree char *lines = write_temp ("lines.geojson",
                                       FC ("{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                                           "{\"type\":\"LineString\",\"coordinates\":[[1.5,42.5],[1.51,42.51]]}}"));
  g_autofree char *huge = write_temp ("huge.geojson",
                                      FC ("{\"type\":\"Feature\",\"properties\":{\"population\":1e300},"
                                          "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.5,42.5]}}"));
  g_autofree char *far = write_temp ("far.geojson",
                                     FC ("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
                                         "\"Polygon\",\"coordinates\":[[[1e300,1e300],[2e300,1e300],[2e300,2e300],[1e300,1e300]]]}}"));

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
  g_autofree char *bowtie = write_temp ("bowtie.geojson",
                                        FC ("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
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
  GrCriteria c = default_criteria ();

  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  project = gr_project_import (NULL, sources, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gr_project_evaluate (project, &c, FALSE, &e, &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "residential"));
  gr_evaluation_clear (&e);
}

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

static void
test_not_a_project (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *gpkg = g_test_build_filename (G_TEST_DIST, "data", "population",
                                                 "helsinki-population-grid-2020.gpkg", NULL);
  g_autofree char *json = bad_path ("JSONTestSuite_n/n_array_extra_comma.json");
  g_autoptr (GrProject) p = gr_project_load (gpkg, &error);

  g_assert_null (p);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT);
  g_clear_error (&error);
  p = gr_project_load (json, &error);
  g_assert_null (p);
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "n_array_extra_comma.json"));
}

static void
test_save_failure_leaves_nothing (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");

  g_assert_false (gr_project_save (project, "/nonexistent-dir/x.gpkg", &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE);
  g_assert_false (g_file_test ("/nonexistent-dir/x.gpkg", G_FILE_TEST_EXISTS));
}


static void
test_walking_evaluation (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  GrCriteria c = default_criteria ();
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
  GrCriteria c = default_criteria ();
  GrEvaluation a, b;

  /* One gate in the sea, far from everything: it covers no feature, so
   * nothing changes; the layer is read and attached without harm. */
  g_assert_true (g_file_set_contents (gates, FC ("{\"type\":\"Feature\",\"properties\":{},"
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


/* A bureau's park file over an open project replaces its park layer, in
 * the project's own CRS, and leaves the other layers as they were. */
static void
test_session_layer_over (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *osm = extract_path ("monaco.osm.pbf");
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *gpkg = g_build_filename (dir, "monaco.gpkg", NULL);
  g_autofree char *json = g_build_filename (dir, "城市公园.geojson", NULL);
  g_autoptr (GrSession) base = gr_session_open (osm, NULL, NULL, &error);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  GrProject *project;
  double lon[2], lat[2], b[4];
  g_autofree char *text = NULL;
  GrSource *source;
  GrRole role;

  g_assert_no_error (error);
  project = gr_session_get_project (base);
  g_assert_true (gr_project_save (project, gpkg, &error));
  /* A 100 m square in the middle of the residential land. */
  gr_layer_get_bounds (project->layers[GR_ROLE_RESIDENTIAL], b);
  g_assert_true (gr_display_to_lonlat (gr_session_get_display (base), (b[0] + b[2]) / 2 - 50, (b[1] + b[3]) / 2 - 50,
                                       &lon[0], &lat[0]));
  g_assert_true (gr_display_to_lonlat (gr_session_get_display (base), (b[0] + b[2]) / 2 + 50, (b[1] + b[3]) / 2 + 50,
                                       &lon[1], &lat[1]));
  text = g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                          "{\"name\":\"新公园\",\"class\":\"G12\"},\"geometry\":{\"type\":\"Polygon\","
                          "\"coordinates\":[[[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f]]]}}]}",
                          lon[0], lat[0], lon[1], lat[0], lon[1], lat[1], lon[0], lat[1], lon[0], lat[0]);
  g_assert_true (g_file_set_contents (json, text, -1, NULL));
  g_assert_true (gr_role_guess_from_name ("城市公园.geojson", &role));
  g_assert_cmpint (role, ==, GR_ROLE_PARK);
  source = g_new0 (GrSource, 1);
  source->role = role;
  source->path = g_strdup (json);
  g_ptr_array_add (sources, source);

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr (GrSession) over = gr_session_open (k == 0 ? gpkg : osm, sources, NULL, &error);
      GrProject *p;
      GrFeature *park;

      g_assert_no_error (error);
      p = gr_session_get_project (over);
      g_assert_cmpint (p->epsg, ==, project->epsg);
      g_assert_cmpuint (p->layers[GR_ROLE_PARK]->features->len, ==, 1);
      park = g_ptr_array_index (p->layers[GR_ROLE_PARK]->features, 0);
      g_assert_cmpstr (park->name, ==, "新公园");
      g_assert_cmpint (gr_park_class_from_kind (park->kind, OGR_G_Area (park->geometry), NULL), ==,
                       GR_PARK_CLASS_COMMUNITY);
      g_assert_cmpfloat_with_epsilon (OGR_G_Area (park->geometry), 10000, 50);
      g_assert_cmpuint (p->layers[GR_ROLE_RESIDENTIAL]->features->len, ==,
                        project->layers[GR_ROLE_RESIDENTIAL]->features->len);
      g_assert_cmpuint (gr_session_get_sources (over)->len, ==, 1);
    }
  /* A layer that cannot be read names itself and opens nothing. */
  g_free (source->path);
  source->path = g_build_filename (dir, "missing-parks.shp", NULL);
  g_assert_null (gr_session_open (gpkg, sources, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing-parks.shp"));
  gr_test_remove_tree (dir);
}

/* Names of bureau files, and classes of parks, as they come. */
static void
test_guesses (void)
{
  static const struct
  {
    const char *name;
    GrRole      role;
  } names[] = {
    { "公园绿地.shp", GR_ROLE_PARK }, { "greenways_2024.gpkg", GR_ROLE_GREENWAY },
    { "居住用地.shp", GR_ROLE_RESIDENTIAL }, { "worldpop_chn_2020.tif", GR_ROLE_POPULATION },
    { "生态廊道.geojson", GR_ROLE_CORRIDOR }, { "街道边界.shp", GR_ROLE_ZONES },
    { "lvdi.shp", GR_ROLE_GREEN }, { "road_network.shp", GR_ROLE_WALK },
  };
  GrRole role;
  gboolean by_size;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (gr_role_guess_from_name (names[i].name, &role));
      g_assert_cmpint (role, ==, names[i].role);
    }
  g_assert_false (gr_role_guess_from_name ("data_2023.shp", &role));
  g_assert_cmpint (gr_park_class_from_kind ("G11", 5000, &by_size), ==, GR_PARK_CLASS_COMPREHENSIVE);
  g_assert_false (by_size);
  g_assert_cmpint (gr_park_class_from_kind ("植物园", 5000, NULL), ==, GR_PARK_CLASS_SPECIALISED);
  g_assert_cmpint (gr_park_class_from_kind ("口袋公园", 800, NULL), ==, GR_PARK_CLASS_STREET_GARDEN);
  g_assert_cmpint (gr_park_class_from_kind ("郊野公园", 2e6, NULL), ==, GR_PARK_CLASS_COUNTRY);
  /* OSM's leisure=park says nothing of class: the size does, at 10 ha and 1 ha. */
  g_assert_cmpint (gr_park_class_from_kind ("leisure=park", 100000, &by_size), ==, GR_PARK_CLASS_COMPREHENSIVE);
  g_assert_true (by_size);
  g_assert_cmpint (gr_park_class_from_kind ("leisure=park", 99999, NULL), ==, GR_PARK_CLASS_COMMUNITY);
  g_assert_cmpint (gr_park_class_from_kind (NULL, 9999, NULL), ==, GR_PARK_CLASS_STREET_GARDEN);
}

static void
test_session_nearest (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = extract_path ("monaco.osm.pbf");
  g_autoptr (GrSession) session = gr_session_open (path, NULL, NULL, &error);
  GrProject *project;
  GrFeature *park;
  guint index = G_MAXUINT;
  double b[4], x, y, lon, lat, x2, y2;
  OGREnvelope env;

  g_assert_no_error (error);
  project = gr_session_get_project (session);
  park = g_ptr_array_index (project->layers[GR_ROLE_PARK]->features, 0);
  {
    g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (park->geometry);
    OGR_G_GetEnvelope (inside, &env);
  }
  /* Inside a park: distance 0, and that park. */
  g_assert_cmpfloat (gr_session_nearest (session, GR_ROLE_PARK, env.MinX, env.MinY, &index), ==, 0);
  g_assert_cmpuint (index, ==, 0);
  /* 10 km away: the distance to the nearest of all parks, brute force. */
  x = env.MinX + 10000, y = env.MinY;
  {
    double best = INFINITY;
    for (guint i = 0; i < project->layers[GR_ROLE_PARK]->features->len; i++)
      {
        GrFeature *f = g_ptr_array_index (project->layers[GR_ROLE_PARK]->features, i);
        g_autoptr (GrPolygon) p = gr_polygon_new_from_ogr (f->geometry);
        best = MIN (best, gr_polygon_distance (p, x, y));
      }
    g_assert_cmpfloat_with_epsilon (gr_session_nearest (session, GR_ROLE_PARK, x, y, NULL), best, 1e-6);
  }
  /* Display coordinates go to lon/lat and back. */
  g_assert_true (gr_display_to_lonlat (gr_session_get_display (session), env.MinX, env.MinY, &lon, &lat));
  g_assert_cmpfloat (fabs (lon - 7.42), <, 0.05);
  g_assert_cmpfloat (fabs (lat - 43.74), <, 0.05);
  g_assert_true (gr_display_from_lonlat (gr_session_get_display (session), lon, lat, &x2, &y2));
  g_assert_cmpfloat_with_epsilon (x2, env.MinX, 1e-3);
  g_assert_cmpfloat_with_epsilon (y2, env.MinY, 1e-3);
  gr_display_get_bounds (gr_session_get_display (session), GR_N_ROLES, b);
  g_assert_cmpfloat (b[0], <, lon);
  g_assert_cmpfloat (b[2], >, lon);
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
  g_test_add_func ("/project/file/round-trip", test_project_file_round_trip);
  g_test_add_func ("/project/file/not-a-project", test_not_a_project);
  g_test_add_func ("/project/file/save-failure", test_save_failure_leaves_nothing);
  g_test_add_func ("/project/population/dasymetric", test_population_dasymetric);
  g_test_add_func ("/project/crs/cgcs2000-zone", test_cgcs2000_zone);
  g_test_add_func ("/project/crs/missing", test_missing_crs);
  g_test_add_func ("/project/crs/wrong-geographic", test_wrong_geographic_prj);
  g_test_add_func ("/project/text/gbk-round-trip", test_gbk_round_trip);
  g_test_add_func ("/project/text/decoding", test_text_decoding);
  g_test_add_func ("/project/bad-input/json-suite", test_bad_json_suite);
  g_test_add_func ("/project/bad-input/files", test_bad_files);
  g_test_add_func ("/project/bad-input/empty-wrong-role-huge", test_empty_and_wrong_role);
  g_test_add_func ("/project/bad-input/repair", test_repair_counted);
  g_test_add_func ("/project/bad-input/no-residential", test_no_residential);
  g_test_add_func ("/project/source-specs", test_source_specs);
  g_test_add_func ("/project/walking/evaluation", test_walking_evaluation);
  g_test_add_func ("/project/session/nearest-and-display", test_session_nearest);
  g_test_add_func ("/project/session/layer-over", test_session_layer_over);
  g_test_add_func ("/project/guesses", test_guesses);
  g_test_add_func ("/project/walking/entrances-layer", test_walking_entrances_layer);
  return g_test_run ();
}
