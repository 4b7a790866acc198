/* bench-process — the sample city analysed by a whole process, beside GDAL
 *
 * The sample's residential land, green space and parks, each in a
 * GeoPackage of its own, analysed straight-line (300 m to green space, 500 m
 * to a park) by `greenreach-cli analyze` as a whole process, and the same
 * steps — buffer, union, intersection, area — by GDAL's own `ogr2ogr
 * -dialect sqlite` on the same files, in the same run, taking turns. Also
 * the import and the analysis on their own, inside this process.
 *
 * Prints one JSON object: medians and 90th percentiles in milliseconds,
 * the ratio, and both programs' areas (the grid's and the vectors').
 *
 *   bench-process GREENREACH-CLI [OGR2OGR] [--runs N]
 */
#include "gr-evaluate.h"
#include "gr-import.h"
#include "gr-project-file.h"

#include <gdal_utils.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *const ROLES[] = { "residential", "green", "park" };

/* The steps of a straight-line analysis in SQL, as a GIS analyst would
 * write them: minimum sizes, buffers dissolved, clipped to housing. */
static const char SQL[] =
    "WITH r AS (SELECT ST_Union(geom) AS u FROM residential), "
    "g AS (SELECT ST_Union(ST_Buffer(geom, 300)) AS b FROM green WHERE ST_Area(geom) >= 400), "
    "p AS (SELECT ST_Union(ST_Buffer(geom, 500)) AS b FROM park WHERE ST_Area(geom) >= 10000) "
    "SELECT ST_Area(r.u) AS residential, ST_Area(ST_Intersection(r.u, g.b)) AS green, "
    "ST_Area(ST_Intersection(r.u, p.b)) AS park FROM r, g, p";

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median and 90th percentile (nearest rank) of @ms, sorted in place. */
static void
print_figure (const char *name, GArray *ms, gboolean last)
{
  double *v = (double *) ms->data;
  guint   n = ms->len;

  qsort (v, n, sizeof (double), compare_double);
  printf ("  \"%s_median_ms\": %.1f,\n  \"%s_p90_ms\": %.1f%s\n", name, v[n / 2], name,
          v[MIN (n - 1, (guint) ceil (0.9 * n) - 1)], last ? "" : ",");
}

static double
median (GArray *ms)
{
  double *v = (double *) ms->data;

  qsort (v, ms->len, sizeof (double), compare_double);
  return v[ms->len / 2];
}

/* Runs @argv to the end, its output kept; the wall-clock time in ms. */
static double
run (const char *const *argv, char **out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int              status;
  double           t0 = now ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT, NULL, NULL, out,
                     &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s\n%s", argv[0], error->message, err);
  return (now () - t0) * 1000.0;
}

/* The sample imported, and its three layers written to files of their
 * own, with a VRT naming them for ogr2ogr. */
static void
write_inputs (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *project_path = g_build_filename (dir, "andorra.gpkg", NULL);
  g_autofree char *vrt_path = g_build_filename (dir, "inputs.vrt", NULL);
  g_autoptr (GString) vrt = g_string_new ("<OGRVRTDataSource>\n");
  const char     *sample = g_getenv ("GREENREACH_SAMPLE");
  GrImportOptions options = { 0 };
  g_autoptr (GrProject) project = NULL;
  GDALDatasetH source;

  if (sample == NULL)
    g_error ("GREENREACH_SAMPLE names no sample city");
  project = gr_project_import (sample, NULL, &options, &error);
  if (project == NULL || !gr_project_save (project, project_path, &error))
    g_error ("%s", error->message);
  source = GDALOpenEx (project_path, GDAL_OF_VECTOR, NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ROLES); i++)
    {
      g_autofree char            *name = g_strconcat (ROLES[i], ".gpkg", NULL);
      g_autofree char            *path = g_build_filename (dir, name, NULL);
      const char                 *args[] = { "-f", "GPKG", ROLES[i], NULL };
      GDALVectorTranslateOptions *translate = GDALVectorTranslateOptionsNew ((char **) args, NULL);
      GDALDatasetH                written;

      written = GDALVectorTranslate (path, NULL, 1, &source, translate, NULL);
      if (written == NULL)
        g_error ("cannot write %s", path);
      GDALClose (written);
      GDALVectorTranslateOptionsFree (translate);
      g_string_append_printf (
          vrt,
          "  <OGRVRTLayer name=\"%s\"><SrcDataSource relativeToVRT=\"1\">%s</SrcDataSource>"
          "<SrcLayer>%s</SrcLayer></OGRVRTLayer>\n",
          ROLES[i], name, ROLES[i]);
    }
  GDALClose (source);
  g_string_append (vrt, "</OGRVRTDataSource>\n");
  if (!g_file_set_contents (vrt_path, vrt->str, -1, &error))
    g_error ("%s", error->message);
}

/* An area from both programs; the vectors' is null without ogr2ogr. */
static void
print_areas (const char *name, double grid, double vector, gboolean last)
{
  g_autofree char *theirs = isnan (vector) ? g_strdup ("null") : g_strdup_printf ("%.0f", vector);

  printf ("  \"%s\": {\"grid\": %.0f, \"vector\": %s}%s\n", name, grid, theirs, last ? "\n}" : ",");
}

static double
member_area (JsonObject *root, const char *name)
{
  return json_object_get_double_member (json_object_get_object_member (root, name), "area_m2");
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-process-XXXXXX", NULL);
  g_autoptr (GArray) process_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) start_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ogr_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) import_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) analysis_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *cli_json = NULL;
  g_autofree char *ogr_csv = NULL;
  g_auto (GStrv) inputs = g_new0 (char *, G_N_ELEMENTS (ROLES) + 1);
  g_auto (GStrv) ogr_lines = NULL;
  g_autofree char *vrt_path = NULL;
  const char      *cli, *ogr2ogr = NULL;
  guint            runs = 21;
  double           ours[3], theirs[3] = { NAN, NAN, NAN };
  JsonObject      *root;

  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--runs") == 0 && i + 1 < argc)
      {
        int n = atoi (argv[++i]);

        runs = MAX (1, n);
      }
  if (argc < 2)
    g_error ("usage: bench-process GREENREACH-CLI [OGR2OGR] [--runs N]");
  cli = argv[1];
  if (argc > 2 && argv[2][0] != '\0' && argv[2][0] != '-')
    ogr2ogr = argv[2];

  gr_gdal_init ();
  write_inputs (dir);
  vrt_path = g_build_filename (dir, "inputs.vrt", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ROLES); i++)
    inputs[i] = g_strdup_printf ("%s=%s/%s.gpkg", i == 0 ? "residential" : ROLES[i], dir, ROLES[i]);

  /* Taking turns, one warm-up each first. */
  for (guint i = 0; i <= runs; i++)
    {
      const char *analyze[] = { cli, "analyze", inputs[0], inputs[1], inputs[2], "--json", NULL };
      const char *version[] = { cli, "--version", NULL };
      const char *sql[] = { ogr2ogr,    "-f",     "CSV",  "/vsistdout/", vrt_path,
                            "-dialect", "sqlite", "-sql", SQL,           NULL };
      double      ms;

      g_clear_pointer (&cli_json, g_free);
      ms = run (analyze, &cli_json);
      if (i > 0)
        g_array_append_val (process_ms, ms);
      ms = run (version, NULL);
      if (i > 0)
        g_array_append_val (start_ms, ms);
      if (ogr2ogr != NULL)
        {
          g_clear_pointer (&ogr_csv, g_free);
          ms = run (sql, &ogr_csv);
          if (i > 0)
            g_array_append_val (ogr_ms, ms);
        }
    }

  /* The import and the analysis inside one process. */
  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr (GPtrArray) sources =
          g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
      g_autoptr (GrProject) project = NULL;
      g_autoptr (GrAnalysis) analysis = NULL;
      GrImportOptions options = { 0 };
      GrCriteria      criteria;
      GrSummary       summary;
      double          t0, t1, t2;

      for (guint k = 0; k < G_N_ELEMENTS (ROLES); k++)
        {
          GrSource *source = gr_source_parse (inputs[k], &error);

          if (source == NULL)
            g_error ("%s", error->message);
          g_ptr_array_add (sources, source);
        }
      t0 = now ();
      project = gr_project_import (NULL, sources, &options, &error);
      if (project == NULL)
        g_error ("%s", error->message);
      t1 = now ();
      gr_criteria_init_default (&criteria);
      analysis = gr_project_build_analysis (project, &criteria, NULL, &error);
      if (analysis == NULL)
        g_error ("%s", error->message);
      gr_analysis_summarize (analysis, -1, &summary); /* counted by then */
      t2 = now ();
      if (i > 0)
        {
          double a = (t1 - t0) * 1000.0, b = (t2 - t1) * 1000.0;

          g_array_append_val (import_ms, a);
          g_array_append_val (analysis_ms, b);
        }
    }

  if (!json_parser_load_from_data (parser, cli_json, -1, &error))
    g_error ("greenreach-cli's output: %s", error->message);
  root = json_node_get_object (json_parser_get_root (parser));
  ours[0] = member_area (root, "residential");
  ours[1] = member_area (root, "green");
  ours[2] = member_area (root, "park");
  if (ogr_csv != NULL)
    {
      ogr_lines = g_strsplit (ogr_csv, "\n", 3);
      if (g_strv_length (ogr_lines) < 2
          || sscanf (ogr_lines[1], "%lf,%lf,%lf", &theirs[0], &theirs[1], &theirs[2]) != 3)
        g_error ("ogr2ogr's output: %s", ogr_csv);
    }

  printf (
      "{\n  \"city\": \"sample (Andorra), residential + green + parks, straight line, 5 m\",\n");
  printf ("  \"runs\": %u,\n", runs);
  print_figure ("greenreach_process", process_ms, FALSE);
  print_figure ("greenreach_start", start_ms, FALSE);
  print_figure ("import", import_ms, FALSE);
  print_figure ("analysis", analysis_ms, FALSE);
  if (ogr2ogr != NULL)
    {
      print_figure ("ogr2ogr_sqlite_process", ogr_ms, FALSE);
      printf ("  \"ratio_ogr2ogr_to_greenreach\": %.2f,\n", median (ogr_ms) / median (process_ms));
    }
  print_areas ("residential_m2", ours[0], theirs[0], FALSE);
  print_areas ("green_300m_m2", ours[1], theirs[1], FALSE);
  print_areas ("park_500m_m2", ours[2], theirs[2], TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (ROLES); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%s.gpkg", dir, ROLES[i]);

      g_remove (name);
    }
  {
    g_autofree char *project_path = g_build_filename (dir, "andorra.gpkg", NULL);

    g_remove (project_path);
    g_remove (vrt_path);
    g_rmdir (dir);
  }
  return 0;
}
