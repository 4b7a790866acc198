/* bench-landuse — import and analysis of a bureau-sized land-use layer:
 * a synthetic 200 km² 用地现状 layer of 50,000 coded polygons, in CGCS2000
 * 3° zone 39 with the zone prefix (EPSG:4527), coded by the 2023 guide.
 *
 * Prints one JSON object: the seconds to write the layer (not the
 * program's), to import it (read, sort by code, reproject, repair) and to
 * analyse it (5 m grid, straight line), and the peak memory.
 */
#include "gr-code-table.h"
#include "gr-evaluate.h"
#include "gr-import.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#define SIDE_M   14142.0 /* 200 km² */
#define N_SIDE   224     /* 224² ≈ 50,000 blocks */
#define ORIGIN_X 39500000.0
#define ORIGIN_Y 4420000.0

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* A block's code: mostly housing, with parks, green, water, streets and
 * commerce in a fixed pseudo-random pattern. */
static const char *
block_code (guint i, guint j)
{
  guint h = (i * 73856093u) ^ (j * 19349663u);

  switch (h % 20)
    {
    case 0:
    case 1:
      return "1401";
    case 2:
      return "1403";
    case 3:
      return "0301";
    case 4:
      return "1701";
    case 5:
    case 6:
      return "0901";
    case 7:
      return "1207";
    default:
      return "070102";
    }
}

static void
write_layer (const char *path)
{
  g_auto (OGRSpatialReferenceH) srs = OSRNewSpatialReference (NULL);
  GDALDatasetH  ds = GDALCreate (GDALGetDriverByName ("GPKG"), path, 0, 0, 0, GDT_Unknown, NULL);
  OGRLayerH     layer;
  OGRFieldDefnH field = OGR_Fld_Create ("DLBM", OFTString);
  double        step = SIDE_M / N_SIDE;

  OSRImportFromEPSG (srs, 4527);
  layer = GDALDatasetCreateLayer (ds, "ydxz", srs, wkbPolygon, NULL);
  if (OGR_L_CreateField (layer, field, TRUE) != OGRERR_NONE)
    g_error ("cannot write %s", path);
  OGR_Fld_Destroy (field);
  if (OGR_L_StartTransaction (layer) != OGRERR_NONE)
    g_error ("cannot write %s", path);
  for (guint i = 0; i < N_SIDE; i++)
    for (guint j = 0; j < N_SIDE; j++)
      {
        g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (layer));
        OGRGeometryH ring = OGR_G_CreateGeometry (wkbLinearRing);
        OGRGeometryH polygon = OGR_G_CreateGeometry (wkbPolygon);
        double       x = ORIGIN_X + i * step, y = ORIGIN_Y + j * step, gap = 4; /* streets */

        OGR_G_AddPoint_2D (ring, x + gap, y + gap);
        OGR_G_AddPoint_2D (ring, x + step - gap, y + gap);
        OGR_G_AddPoint_2D (ring, x + step - gap, y + step - gap);
        OGR_G_AddPoint_2D (ring, x + gap, y + step - gap);
        OGR_G_AddPoint_2D (ring, x + gap, y + gap);
        OGR_G_AddGeometryDirectly (polygon, ring);
        OGR_F_SetGeometryDirectly (row, polygon);
        OGR_F_SetFieldString (row, 0, block_code (i, j));
        if (OGR_L_CreateFeature (layer, row) != OGRERR_NONE)
          g_error ("cannot write %s", path);
      }
  if (OGR_L_CommitTransaction (layer) != OGRERR_NONE)
    g_error ("cannot write %s", path);
  GDALClose (ds);
}

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-landuse-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "用地现状.gpkg", NULL);
  g_autofree char *spec = g_strconcat ("landuse=", path, NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GrProject) project = NULL;
  GrImportOptions options = { .no_estimate = TRUE };
  GrEvaluation    evaluation;
  GrCriteria      criteria;
  struct rusage   usage;
  double          t0, t1, t2, t3;
  guint           features = 0;

  gr_gdal_init ();
  t0 = now ();
  write_layer (path);
  t1 = now ();
  g_ptr_array_add (sources, gr_source_parse (spec, &error));
  project = gr_project_import (NULL, sources, &options, &error);
  if (project == NULL)
    g_error ("%s", error->message);
  t2 = now ();
  gr_criteria_init_default (&criteria);
  if (!gr_project_evaluate (project, &criteria, FALSE, &evaluation, &error))
    g_error ("%s", error->message);
  t3 = now ();
  for (guint r = 0; r < GR_N_ROLES; r++)
    features += project->layers[r] != NULL ? project->layers[r]->features->len : 0;
  getrusage (RUSAGE_SELF, &usage);
  printf ("{\n  \"landuse\": {\"synthetic\": true, \"area_km2\": %.0f, \"polygons\": %u, "
          "\"crs\": \"EPSG:4527\", \"table\": \"%s\"},\n",
          SIDE_M * SIDE_M / 1e6, N_SIDE * N_SIDE,
          ((GrLanduseReport *) g_ptr_array_index (project->landuse, 0))->table_id);
  printf ("  \"features_taken\": %u,\n  \"write_s\": %.2f,\n  \"import_s\": %.2f,\n"
          "  \"analysis_s\": %.2f,\n  \"residential_km2\": %.2f,\n  \"service_rate\": %.4f,\n"
          "  \"peak_rss_mb\": %.1f\n}\n",
          features, t1 - t0, t2 - t1, t3 - t2, evaluation.city.residential.area_m2 / 1e6,
          evaluation.city.service.area_m2 / evaluation.city.residential.area_m2,
          usage.ru_maxrss / 1024.0);
  gr_evaluation_clear (&evaluation);
  g_remove (path);
  g_rmdir (dir);
  return 0;
}
