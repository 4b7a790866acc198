/* bench-publish — publish of the 200 km² synthetic city (SYNTHETIC DATA,
 * gr-synthetic-city.h) to a PostGIS server, run by tests/postgis/pg-server.sh
 *
 * The city's housing, parks, green spaces and population grid are written
 * to a GeoPackage in CGCS2000 3° CM 114°E (EPSG:4547, coordinates offset into
 * the zone), imported into a project, and published twice (the second
 * replaces the first); then shared: copied into a schema, opened from it,
 * one scenario edit stored there, and copied back into a file. Prints one
 * JSON object: the seconds to write the layers (not the program's), to
 * import and save the project, each publish, the rows written, each step
 * of sharing, and the peak memory.
 */
#include "gr-import.h"
#include "gr-project-file.h"
#include "gr-project-copy.h"
#include "gr-publish.h"
#include "gr-scenario-store.h"
#include "gr-synthetic-city.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#define OFFSET_X 500000.0
#define OFFSET_Y 4400000.0

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static OGRGeometryH
to_ogr (const GrPolygon *polygon)
{
  OGRGeometryH g = OGR_G_CreateGeometry (wkbPolygon);
  guint        start = 0;

  for (guint r = 0; r < polygon->n_rings; r++)
    {
      OGRGeometryH ring = OGR_G_CreateGeometry (wkbLinearRing);

      for (guint i = start; i < polygon->ring_ends[r]; i++)
        OGR_G_AddPoint_2D (ring, polygon->xy[2 * i] + OFFSET_X, polygon->xy[2 * i + 1] + OFFSET_Y);
      OGR_G_CloseRings (ring);
      OGR_G_AddGeometryDirectly (g, ring);
      start = polygon->ring_ends[r];
    }
  return g;
}

static void
write_layer (GDALDatasetH ds, const char *name, GPtrArray *polygons, GArray *people)
{
  g_auto (OGRSpatialReferenceH) srs = OSRNewSpatialReference (NULL);
  OGRLayerH layer;

  OSRImportFromEPSG (srs, 4547);
  layer = GDALDatasetCreateLayer (ds, name, srs, wkbPolygon, NULL);
  if (people != NULL)
    {
      OGRFieldDefnH field = OGR_Fld_Create ("population", OFTReal);

      OGR_L_CreateField (layer, field, TRUE);
      OGR_Fld_Destroy (field);
    }
  if (OGR_L_StartTransaction (layer) != OGRERR_NONE)
    g_error ("cannot write layer %s", name);
  for (guint i = 0; i < polygons->len; i++)
    {
      g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (layer));

      OGR_F_SetGeometryDirectly (row, to_ogr (g_ptr_array_index (polygons, i)));
      if (people != NULL)
        OGR_F_SetFieldDouble (row, 0, g_array_index (people, double, i));
      if (OGR_L_CreateFeature (layer, row) != OGRERR_NONE)
        g_error ("cannot write layer %s", name);
    }
  if (OGR_L_CommitTransaction (layer) != OGRERR_NONE)
    g_error ("cannot write layer %s", name);
}

static const char *
need (const char *variable)
{
  const char *value = g_getenv (variable);

  if (value == NULL)
    g_error ("%s is not set: run bench-publish through tests/postgis/pg-server.sh", variable);
  return value;
}

int
main (void)
{
  GrCityPlan       plan = { 200, 1e6, 42 };
  g_autofree char *dir = g_dir_make_tmp ("bench-publish-XXXXXX", NULL);
  g_autofree char *layers = g_build_filename (dir, "city.gpkg", NULL);
  g_autofree char *project_path = g_build_filename (dir, "project.gpkg", NULL);
  g_autofree char *connection = NULL;
  g_autoptr (GrSyntheticCity) city = gr_synthetic_city_new (&plan);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const roles[] = { "residential", "park", "green", "population" };
  GrPublishOptions         options = { 0 };
  GrPublishCounts          counts;
  GDALDatasetH             ds;
  double                   t0, write_s, import_s, publish_s[2], copy_s, open_s, back_s, edit_ms;
  g_autofree char         *shared = NULL;
  g_autofree char         *back = g_build_filename (dir, "back.gpkg", NULL);
  struct rusage            usage;

  g_setenv ("PGPASSFILE", need ("GREENREACH_PG_PASSFILE"), TRUE);
  connection = g_strdup_printf ("PG:host=%s port=%s dbname=%s user=%s", need ("GREENREACH_PG_HOST"),
                                need ("GREENREACH_PG_PORT"), need ("GREENREACH_PG_DBNAME"),
                                need ("GREENREACH_PG_USER"));
  GDALAllRegister ();
  t0 = now ();
  ds = GDALCreate (GDALGetDriverByName ("GPKG"), layers, 0, 0, 0, GDT_Unknown, NULL);
  write_layer (ds, "residential", city->residential, NULL);
  write_layer (ds, "park", city->parks, NULL);
  write_layer (ds, "green", city->greens, NULL);
  write_layer (ds, "population", city->population, city->people);
  GDALClose (ds);
  write_s = now () - t0;

  t0 = now ();
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *spec = g_strdup_printf ("%s=%s:%s", roles[i], layers, roles[i]);
      GrSource        *source = gr_source_parse (spec, &error);

      g_assert_no_error (error);
      g_ptr_array_add (sources, source);
    }
  project = gr_project_import (NULL, sources, NULL, &error);
  if (project == NULL || !gr_project_save (project, project_path, &error))
    g_error ("import: %s", error->message);
  import_s = now () - t0;

  options.project = project_path;
  options.targets = GR_TARGETS_YUNCHENG_2025;
  for (guint i = 0; i < 2; i++)
    {
      t0 = now ();
      if (!gr_publish (&options, connection, &counts, NULL, NULL, &error))
        g_error ("publish: %s", error->message);
      publish_s[i] = now () - t0;
    }
  /* The project shared: copied into a schema, opened from it, one edit
   * stored there (its own transaction, version checked), copied back. */
  shared = g_strdup_printf ("%s schema=bench_share", connection);
  t0 = now ();
  if (!gr_project_copy (project_path, shared, GR_PROJECT_COPY_REPLACE, NULL, &error))
    g_error ("copy: %s", error->message);
  copy_s = now () - t0;
  t0 = now ();
  {
    g_autoptr (GrProject) opened = gr_project_load (shared, &error);
    g_autoptr (GrScenarioStore) store = NULL;
    g_autoptr (GrScenario) scenario = gr_scenario_new ("bench");
    OGRGeometryH geometry = NULL;
    double       x, y;
    char        *wkt;
    GrEdit      *edit;

    if (opened == NULL)
      g_error ("open: %s", error->message);
    open_s = now () - t0;
    store = gr_scenario_store_open (shared, opened, GR_SCENARIO_STORE_WRITE, &error);
    if (store == NULL || !gr_scenario_store_add (store, scenario, &error))
      g_error ("scenario: %s", error->message);
    x = (opened->extent[0] + opened->extent[2]) / 2,
    y = (opened->extent[1] + opened->extent[3]) / 2;
    wkt = g_strdup_printf ("POLYGON ((%f %f, %f %f, %f %f, %f %f))", x, y, x + 50, y, x + 50,
                           y + 50, x, y);
    {
      char *cursor = wkt;

      OGR_G_CreateFromWkt (&cursor, NULL, &geometry);
    }
    g_free (wkt);
    edit = gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, gr_scenario_next_candidate (scenario, opened),
                        geometry);
    t0 = now ();
    if (!gr_scenario_store_push (store, scenario, edit, &error))
      g_error ("edit: %s", error->message);
    edit_ms = (now () - t0) * 1000;
  }
  t0 = now ();
  if (!gr_project_copy (shared, back, GR_PROJECT_COPY_REPLACE, NULL, &error))
    g_error ("copy back: %s", error->message);
  back_s = now () - t0;

  getrusage (RUSAGE_SELF, &usage);
  printf ("{\n  \"city_km2\": %.0f,\n  \"residents\": %.0f,\n  \"residential_blocks\": %u,\n"
          "  \"write_layers_s\": %.3f,\n  \"import_s\": %.3f,\n  \"publish_s\": %.3f,\n"
          "  \"republish_s\": %.3f,\n  \"coverage_regions\": %u,\n  \"zone_rows\": %u,\n"
          "  \"indicator_rows\": %u,\n  \"copy_to_database_s\": %.3f,\n"
          "  \"open_from_database_s\": %.3f,\n  \"shared_edit_ms\": %.2f,\n"
          "  \"copy_back_to_file_s\": %.3f,\n  \"peak_rss_mb\": %.1f\n}\n",
          plan.area_km2, plan.residents, city->residential->len, write_s, import_s, publish_s[0],
          publish_s[1], counts.regions, counts.zones, counts.indicators, copy_s, open_s, edit_ms,
          back_s, usage.ru_maxrss / 1024.0);
  g_unlink (layers);
  g_unlink (project_path);
  g_unlink (back);
  g_rmdir (dir);
  return 0;
}
