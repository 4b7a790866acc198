/* test-session.c — a session: the nearest feature, display coordinates, and
 * a layer opened over a project */
#include "gr-test-project.h"
#include "gr-population.h"
#include "gr-prepared-import.h"
#include "gr-recipe.h"
#include "gr-session.h"
#include "gr-test-main.h"

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
  GrProject       *project;
  double           lon[2], lat[2], b[4];
  g_autofree char *text = NULL;
  GrSource        *source;
  GrRole           role;

  g_assert_no_error (error);
  project = gr_session_get_project (base);
  g_assert_true (gr_project_save (project, gpkg, &error));
  /* A 100 m square in the middle of the residential land. */
  gr_layer_get_bounds (project->layers[GR_ROLE_RESIDENTIAL], b);
  g_assert_true (gr_display_to_lonlat (gr_session_get_display (base), (b[0] + b[2]) / 2 - 50,
                                       (b[1] + b[3]) / 2 - 50, &lon[0], &lat[0]));
  g_assert_true (gr_display_to_lonlat (gr_session_get_display (base), (b[0] + b[2]) / 2 + 50,
                                       (b[1] + b[3]) / 2 + 50, &lon[1], &lat[1]));
  text = g_strdup_printf (
      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
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
      /* Parks change nothing of the residents estimated from buildings. */
      g_assert_true (gr_population_is_estimate (p));
      g_assert_cmpuint (p->layers[GR_ROLE_POPULATION]->features->len, ==,
                        project->layers[GR_ROLE_POPULATION]->features->len);
    }
  /* The square as the residential land instead: the estimate follows the
   * new homes, not the old ones. */
  source->role = GR_ROLE_RESIDENTIAL;
  {
    g_autoptr (GrSession) over = gr_session_open (gpkg, sources, NULL, &error);
    GrProject *p;
    guint      before = project->layers[GR_ROLE_POPULATION]->features->len;

    g_assert_no_error (error);
    p = gr_session_get_project (over);
    g_assert_cmpuint (p->layers[GR_ROLE_RESIDENTIAL]->features->len, ==, 1);
    /* Monaco's apartment blocks are homes wherever they stand; the
     * buildings of no stated use count by the new land: a new estimate. */
    g_assert_nonnull (p->layers[GR_ROLE_POPULATION]);
    g_assert_true (gr_population_is_estimate (p));
    g_assert_cmpuint (p->layers[GR_ROLE_POPULATION]->features->len, !=, before);
  }
  source->role = GR_ROLE_PARK;
  /* The same square 1° of longitude east (about 80 km, past Nice): too
   * far from Monaco's layers to be of the same city; said, naming both. */
  {
    g_autofree char *far = g_build_filename (dir, "far-parks.geojson", NULL);
    g_autofree char *far_text = g_strdup_printf (
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
        "{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.8f,%.8f],[%.8f,%.8f],"
        "[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f]]]}}]}",
        lon[0] + 1, lat[0], lon[1] + 1, lat[0], lon[1] + 1, lat[1], lon[0] + 1, lat[1], lon[0] + 1,
        lat[0]);

    g_assert_true (g_file_set_contents (far, far_text, -1, NULL));
    gr_source_set_path (source, far);
    g_assert_null (gr_session_open (gpkg, sources, NULL, &error));
    g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CRS);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "far-parks.geojson"));
    g_assert_nonnull (strstr (error->message, "monaco.gpkg"));
    g_clear_error (&error);
  }
  /* A layer that cannot be read names itself and opens nothing. */
  g_free (source->path);
  source->path = g_build_filename (dir, "missing-parks.shp", NULL);
  g_assert_null (gr_session_open (gpkg, sources, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing-parks.shp"));
  gr_test_remove_tree (dir);
}

static void
test_session_nearest (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = extract_path ("monaco.osm.pbf");
  g_autoptr (GrSession) session = gr_session_open (path, NULL, NULL, &error);
  GrProject  *project;
  GrFeature  *park;
  guint       index = G_MAXUINT;
  double      b[4], x, y, lon, lat, x2, y2;
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
    g_assert_cmpfloat_with_epsilon (gr_session_nearest (session, GR_ROLE_PARK, x, y, NULL), best,
                                    1e-6);
  }
  /* Display coordinates go to lon/lat and back. */
  g_assert_true (
      gr_display_to_lonlat (gr_session_get_display (session), env.MinX, env.MinY, &lon, &lat));
  g_assert_cmpfloat (fabs (lon - 7.42), <, 0.05);
  g_assert_cmpfloat (fabs (lat - 43.74), <, 0.05);
  g_assert_true (gr_display_from_lonlat (gr_session_get_display (session), lon, lat, &x2, &y2));
  g_assert_cmpfloat_with_epsilon (x2, env.MinX, 1e-3);
  g_assert_cmpfloat_with_epsilon (y2, env.MinY, 1e-3);
  gr_display_get_bounds (gr_session_get_display (session), GR_N_ROLES, b);
  g_assert_cmpfloat (b[0], <, lon);
  g_assert_cmpfloat (b[2], >, lon);
}

/* Sets @variable to @value (%NULL: unsets it); returns what it was. */
static char *
swap_env (const char *variable, const char *value)
{
  char *was = g_strdup (g_getenv (variable));

  if (value != NULL)
    g_setenv (variable, value, TRUE);
  else
    g_unsetenv (variable);
  return was;
}

/* @file opened with GREENREACH_PREPARED_DIR set to @dir (NULL: the
 * build's, where the build put the sample's prepared import) and the
 * program speaking @language (NULL: English). */
static GrSession *
open_with (const char *file, const char *dir, const char *language)
{
  g_autofree char *path = extract_path (file);
  g_autofree char *was = g_strdup (g_getenv ("GREENREACH_PREPARED_DIR"));
  g_autofree char *was_language = swap_env ("LANGUAGE", language);
  g_autoptr (GError) error = NULL;
  GrSession *session;

  if (dir != NULL)
    g_free (swap_env ("GREENREACH_PREPARED_DIR", dir));
  session = gr_session_open (path, NULL, NULL, &error);
  g_free (swap_env ("GREENREACH_PREPARED_DIR", was));
  g_free (swap_env ("LANGUAGE", was_language));
  g_assert_no_error (error);
  return session;
}

/* Whether a prepared import of @file is found in @dir. */
static gboolean
found_in (const char *file, const char *dir)
{
  g_autofree char *path = extract_path (file);
  g_autofree char *was = swap_env ("GREENREACH_PREPARED_DIR", dir);
  g_autofree char *found = gr_prepared_import_find (path);

  g_free (swap_env ("GREENREACH_PREPARED_DIR", was));
  return found != NULL;
}

/* Every layer's features, the residents and the figures to the last bit. */
static void
assert_same_project (GrProject *a, GrProject *b)
{
  GrEvaluation ea, eb;

  g_assert_cmpint (a->epsg, ==, b->epsg);
  g_assert_cmpstr (a->crs_wkt, ==, b->crs_wkt);
  g_assert_cmpstr (a->crs_name, ==, b->crs_name);
  g_assert_cmpuint (a->repaired, ==, b->repaired);
  g_assert_cmpmem (a->extent, sizeof a->extent, b->extent, sizeof b->extent);
  g_assert_cmpstr (a->population_method, ==, b->population_method);
  g_assert_cmpstr (a->recipe, ==, b->recipe);
  g_assert_cmpstr (a->revision, ==, b->revision);
  for (GrRole role = 0; role < GR_N_ROLES; role++)
    {
      g_assert_true ((a->layers[role] == NULL) == (b->layers[role] == NULL));
      for (guint i = 0; a->layers[role] != NULL && i < a->layers[role]->features->len; i++)
        {
          GrFeature *fa = g_ptr_array_index (a->layers[role]->features, i);
          GrFeature *fb = g_ptr_array_index (b->layers[role]->features, i);

          g_assert_cmpstr (fa->name, ==, fb->name);
          g_assert_cmpstr (fa->kind, ==, fb->kind);
          g_assert_cmpstr (fa->origin, ==, fb->origin);
          g_assert_cmpint (fa->id, ==, fb->id);
          g_assert_cmpint (fa->historic, ==, fb->historic);
          g_assert_cmpmem (&fa->value, 3 * sizeof (double), &fb->value, 3 * sizeof (double));
          g_assert_true (OGR_G_Equals (fa->geometry, fb->geometry));
        }
      if (a->layers[role] != NULL)
        {
          g_assert_cmpuint (a->layers[role]->features->len, ==, b->layers[role]->features->len);
          g_assert_cmpint (a->layers[role]->last_id, ==, b->layers[role]->last_id);
          g_assert_cmpstr (a->layers[role]->sources, ==, b->layers[role]->sources);
        }
    }
  evaluate (a, FALSE, &ea);
  evaluate (b, FALSE, &eb);
  g_assert_cmpmem (&ea.city, sizeof ea.city, &eb.city, sizeof eb.city);
  g_assert_cmpfloat (ea.unplaced, ==, eb.unplaced);
  gr_evaluation_clear (&ea);
  gr_evaluation_clear (&eb);
}

/* The bundled sample opens from the import the build made of it, and that
 * is the project importing it gives; a prepared file is used for the
 * extract it was made from only, and one that cannot be read is passed
 * over for the import. */
static void
test_session_prepared_sample (void)
{
  g_autofree char *sample = extract_path ("andorra");
  g_autofree char *monaco_path = extract_path ("monaco.osm.pbf");
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *name = gr_prepared_import_name (sample, NULL);
  g_autofree char *monaco_name = gr_prepared_import_name (monaco_path, NULL);
  g_autofree char *file = g_strconcat (name, ".gpkg", NULL);
  g_autofree char *monaco_file = g_strconcat (monaco_name, ".gpkg", NULL);
  g_autofree char *planted = g_build_filename (dir, file, NULL);
  g_autofree char *damaged = g_build_filename (dir, monaco_file, NULL);
  g_autofree char *other = g_build_filename (dir, "1664907-0000.gpkg", NULL);
  g_autofree char *language = swap_env ("LANGUAGE", NULL);
  g_autofree char *found = NULL;
  g_autoptr (GrSession) prepared = NULL;
  g_autoptr (GrSession) imported = NULL;
  g_autoptr (GrProject) monaco = NULL;
  g_autoptr (GrProject) direct = NULL;
  GrImportOptions options = { .all_cycleways = TRUE };
  g_autoptr (GError) error = NULL;

  /* The window's build makes it, under the extract's size and checksum. */
  if (g_getenv ("GREENREACH_PREPARED_DIR") == NULL
      || !g_file_test (g_getenv ("GREENREACH_PREPARED_DIR"), G_FILE_TEST_IS_DIR))
    {
      g_free (swap_env ("LANGUAGE", language));
      g_test_skip ("built without the window: no prepared import");
      return;
    }
  found = gr_prepared_import_find (sample);
  g_assert_nonnull (found);
  g_assert_true (g_str_has_suffix (found, file));
  g_assert_true (g_str_has_prefix (name, "1664907-"));
  /* Read, not imported. */
  direct = gr_prepared_import_load (sample, &(GrImportOptions){ 0 });
  g_assert_nonnull (direct);
  prepared = open_with ("andorra", NULL, NULL);
  imported = open_with ("andorra", dir, NULL);
  g_assert_cmpstr (gr_session_get_path (prepared), ==, sample);
  g_assert_null (gr_session_get_project (prepared)->revision);
  assert_same_project (gr_session_get_project (prepared), gr_session_get_project (imported));
  assert_same_project (direct, gr_session_get_project (imported));

  /* A damaged prepared file (here Monaco's): the extract is imported. */
  monaco = import_osm ("monaco.osm.pbf");
  g_assert_true (g_file_set_contents (damaged, "not a GeoPackage", -1, NULL));
  g_assert_true (found_in ("monaco.osm.pbf", dir));
  {
    g_autoptr (GrSession) session = open_with ("monaco.osm.pbf", dir, NULL);

    assert_same_project (gr_session_get_project (session), monaco);
  }
  g_assert_cmpint (g_unlink (damaged), ==, 0);
  /* Another city's project under the sample's name is what is read: the
   * lookup goes by the name alone, and for the default options only. */
  g_assert_true (gr_project_save (monaco, planted, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GrSession) session = open_with ("andorra", dir, NULL);
    g_autoptr (GrProject) again = NULL;

    g_assert_cmpuint (gr_session_get_project (session)->layers[GR_ROLE_PARK]->features->len, ==,
                      monaco->layers[GR_ROLE_PARK]->features->len);
    again = gr_prepared_import_load (sample, &options);
    g_assert_null (again);
  }
  /* A file of the sample's size with another checksum is not it. */
  g_assert_true (found_in ("andorra", dir));
  g_assert_cmpint (g_rename (planted, other), ==, 0);
  g_assert_false (found_in ("andorra", dir));
  g_assert_cmpint (g_unlink (other), ==, 0);

  /* In Chinese: the import made in Chinese (the features' Chinese names
   * first, residents from buildings said so in Chinese), the same as
   * importing it in Chinese. */
  {
    g_autoptr (GrSession) zh = open_with ("andorra", NULL, "zh_CN");
    g_autoptr (GrSession) zh_imported = open_with ("andorra", dir, "zh_CN");
    GrLayer *zones = gr_session_get_project (zh)->layers[GR_ROLE_ZONES];
    GrLayer *en_zones = gr_session_get_project (prepared)->layers[GR_ROLE_ZONES];
    guint    renamed = 0;

    assert_same_project (gr_session_get_project (zh), gr_session_get_project (zh_imported));
    for (guint i = 0; i < zones->features->len; i++)
      renamed += g_strcmp0 (((GrFeature *) g_ptr_array_index (zones->features, i))->name,
                            ((GrFeature *) g_ptr_array_index (en_zones->features, i))->name)
                 != 0;
    g_assert_cmpuint (renamed, >, 0);
  }
  g_free (swap_env ("LANGUAGE", language));
}

GR_TEST_MAIN (gr_gdal_init,
              { "/project/session/nearest-and-display", test_session_nearest },
              { "/project/session/layer-over", test_session_layer_over },
              { "/project/session/prepared-sample", test_session_prepared_sample })
