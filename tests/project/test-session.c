/* test-session.c — a session: the nearest feature, display coordinates, and
 * a layer opened over a project */
#include "gr-test-project.h"
#include "gr-population.h"
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

GR_TEST_MAIN (gr_gdal_init,
              { "/project/session/nearest-and-display", test_session_nearest },
              { "/project/session/layer-over", test_session_layer_over })
