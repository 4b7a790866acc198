/* test-osm.c — OpenStreetMap extracts imported, and the grid checked against
 * exact vector results on them */
#include "gr-osm-nodes.h"
#include "gr-test-project.h"
#include "gr-test-util.h"

#include <string.h>

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
  double       worst;

  evaluate (project, FALSE, &grid);
  evaluate (project, TRUE, &exact);
  worst = worst_difference (&grid.city, &exact.city, FALSE);
  g_test_message ("%s: residential %.0f m2 grid, %.0f m2 exact; worst share difference %.3f pp",
                  x->file, grid.city.residential.area_m2, exact.city.residential.area_m2,
                  100 * worst);
  g_assert_cmpfloat (worst, <=, AGREEMENT);
  g_assert_cmpfloat (fabs (grid.city.residential.area_m2 - exact.city.residential.area_m2), <,
                     0.003 * exact.city.residential.area_m2);
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
  GrEvaluation     e;
  double           sum = 0;

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

/* Whether gr_osm_check_nodes() accepts @body between the OSM XML head and
 * tail, written at @path. */
static gboolean
nodes_pass (const char *path, const char *body, GError **error)
{
  g_autofree char *xml = g_strdup_printf ("<?xml version='1.0' encoding='UTF-8'?>\n"
                                          "<osm version=\"0.6\">\n%s\n</osm>\n",
                                          body);

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  return gr_osm_check_nodes (path, error);
}

/* The node check reads XML as XML: quotes, spaces around '=', comments,
 * deleted nodes and chunk edges; a damaged node is named. */
static void
test_node_coordinates (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "nodes.osm", NULL);
  g_autoptr (GString) many = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *good[] = {
    "<node id=\"1\" lat=\"43.73\" lon=\"7.42\"/>",
    "<node id='2' user='a>b' lat='43.73' lon='7.42'/>",
    "<node id=\"3\" lat = \"43.73\"\n   lon=\"7.42\"><tag k=\"a\" v=\"b\"/></node>",
    "<node id=\"4\" note=\"lat='x'\" lat=\"-90\" lon=\"180\"/>",
    "<node id=\"5\" visible='false'/>",
    "<!-- <node id=\"6\" lat=\"\" lon=\"\"/> -->",
    "<nodes/><node id=\"7\" plat=\"x\" lat=\"1\" lon=\"2\"/>",
  };
  const struct
  {
    const char *body, *says;
  } bad[] = {
    { "<node id=\"11\" lat=\"\" lon=\"7.42\"/>", "node 11 has latitude “”" },
    { "<node id=\"12\" lat=\"43.7\" lon=\"east\"/>", "node 12 has longitude “east”" },
    { "<node id=\"13\" lat=\"91\" lon=\"7\"/>", "node 13 has latitude 91" },
    { "<node id=\"14\" lon=\"7\"/><node id=\"15\" visible=\"false\"/>", "node 14 has no" },
    { "<node id=\"16\" lat=\"nan\" lon=\"7\"/>", "node 16" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("%s", good[i]);
      g_assert_true (nodes_pass (path, good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i].body);
      g_assert_false (nodes_pass (path, bad[i].body, &error));
      g_assert_nonnull (strstr (error->message, "nodes.osm"));
      g_assert_nonnull (strstr (error->message, bad[i].says));
      g_clear_error (&error);
    }
  /* Thousands of nodes over several chunks of the reader, the damaged one
   * last: found wherever the chunks end. */
  for (guint i = 0; many->len < 3 * (1 << 20); i++)
    g_string_append_printf (many, "<node id=\"%u\" lat=\"43.%u\" lon=\"7.%u\" user=\"%*s\"/>\n", i,
                            i, i, (int) (i % 97), "");
  g_assert_true (nodes_pass (path, many->str, &error));
  g_string_append (many, "<node id=\"999999999\" lat=\"\" lon=\"7\"/>");
  g_assert_false (nodes_pass (path, many->str, &error));
  g_assert_nonnull (strstr (error->message, "node 999999999"));
}

/* A town near 40° N: a primary road with a cycle track 8 m beside it, a
 * path for bicycles through a park 170 m away, an ordinary footpath in the
 * park, a footway named 绿道 beside the road, and a local hiking route
 * that leaves town for 5 km of open country; a national cycle route on
 * the same path, and a local one along the primary road. */
static const char greenway_town[] =
    "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n"
    "<node id='1' lat='40.0020' lon='116.3500'/><node id='2' lat='40.0020' lon='116.3560'/>"
    "<node id='3' lat='40.0020721' lon='116.3500'/><node id='4' lat='40.0020721' lon='116.3560'/>"
    "<node id='5' lat='40.0035' lon='116.3510'/><node id='6' lat='40.0035' lon='116.3550'/>"
    "<node id='7' lat='40.0037' lon='116.3510'/><node id='8' lat='40.0037' lon='116.3550'/>"
    "<node id='9' lat='40.0019550' lon='116.3500'/><node id='10' lat='40.0019550' lon='116.3560'/>"
    "<node id='11' lat='40.0030' lon='116.3520'/><node id='12' lat='40.0500' lon='116.3520'/>"
    "<node id='21' lat='40.0000' lon='116.3500'/><node id='22' lat='40.0000' lon='116.3560'/>"
    "<node id='23' lat='40.0040' lon='116.3560'/><node id='24' lat='40.0040' lon='116.3500'/>"
    "<node id='31' lat='40.0030' lon='116.3505'/><node id='32' lat='40.0030' lon='116.3555'/>"
    "<node id='33' lat='40.0039' lon='116.3555'/><node id='34' lat='40.0039' lon='116.3505'/>\n"
    "<way id='101'><nd ref='1'/><nd ref='2'/><tag k='highway' v='primary'/></way>"
    "<way id='102'><nd ref='3'/><nd ref='4'/><tag k='highway' v='cycleway'/></way>"
    "<way id='103'><nd ref='5'/><nd ref='6'/><tag k='highway' v='footway'/>"
    "<tag k='bicycle' v='designated'/></way>"
    "<way id='104'><nd ref='7'/><nd ref='8'/><tag k='highway' v='footway'/></way>"
    "<way id='105'><nd ref='9'/><nd ref='10'/><tag k='highway' v='footway'/>"
    "<tag k='name' v='学院路绿道'/></way>"
    "<way id='106'><nd ref='11'/><nd ref='12'/><tag k='highway' v='path'/></way>"
    "<way id='107'><nd ref='21'/><nd ref='22'/><nd ref='23'/><nd ref='24'/><nd ref='21'/>"
    "<tag k='landuse' v='residential'/></way>"
    "<way id='108'><nd ref='31'/><nd ref='32'/><nd ref='33'/><nd ref='34'/><nd ref='31'/>"
    "<tag k='leisure' v='park'/><tag k='name' v='公园'/></way>\n"
    "<relation id='201'><member type='way' ref='106' role=''/><tag k='type' v='route'/>"
    "<tag k='route' v='hiking'/><tag k='network' v='lwn'/><tag k='name' v='山径'/></relation>"
    "<relation id='202'><member type='way' ref='106' role=''/><tag k='type' v='route'/>"
    "<tag k='route' v='bicycle'/><tag k='network' v='ncn'/><tag k='name' v='国道骑行'/></relation>"
    "<relation id='203'><member type='way' ref='101' role=''/><tag k='type' v='route'/>"
    "<tag k='route' v='bicycle'/><tag k='network' v='lcn'/><tag k='name' "
    "v='街道骑行'/></relation>\n"
    "</osm>\n";

static double
greenway_length (GrProject *project, const char *kind)
{
  GrLayer *layer = project->layers[GR_ROLE_GREENWAY];
  double   m = 0;

  for (guint i = 0; layer != NULL && i < layer->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (layer->features, i);

      if (g_strcmp0 (f->kind, kind) == 0)
        m += OGR_G_Length (f->geometry);
    }
  return m;
}

static void
test_greenway_rule (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "town.osm", NULL);
  GrImportOptions  all = { .all_cycleways = TRUE };
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) routes = NULL;
  g_autoptr (GrProject) cycleways = NULL;
  gboolean warned = FALSE;

  g_assert_true (g_file_set_contents (path, greenway_town, -1, NULL));
  routes = gr_project_import (path, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The park path (4 × 0.001° of longitude at 40° N: 341 m) counts; the
   * track beside the road does not, nor the ordinary footpath. */
  g_assert_cmpfloat_with_epsilon (greenway_length (routes, "highway=footway"), 341.6 + 512.4, 2);
  g_assert_cmpfloat (greenway_length (routes, "highway=cycleway"), ==, 0);
  /* The hiking route counts through town only: from 40.003° N to 300 m
   * past the homes' northern edge (40.004° N), 411 m of its 5.2 km. */
  g_assert_cmpfloat_with_epsilon (greenway_length (routes, "route=hiking"), 411, 6);
  /* A national cycle route crosses open country; a local one along the
   * primary road is the road. */
  g_assert_cmpfloat (greenway_length (routes, "route=bicycle"), ==, 0);
  /* The track is still walked on, with the road and the four paths. */
  for (guint i = 0; i < routes->warnings->len; i++)
    warned |= strstr (g_ptr_array_index (routes->warnings, i), "1 cycleway (0.5 km)") != NULL;
  g_assert_true (warned);
  warned = FALSE;
  for (guint i = 0; i < routes->warnings->len; i++)
    warned |= strstr (g_ptr_array_index (routes->warnings, i),
                      "0.5 km of walking and cycling routes run along motor roads")
              != NULL;
  g_assert_true (warned);
  g_assert_cmpuint (routes->layers[GR_ROLE_WALK]->features->len, ==, 6);

  /* As a setting, every cycleway counts. */
  cycleways = gr_project_import (path, NULL, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (greenway_length (cycleways, "highway=cycleway"), 512.4, 2);

  /* The homes from a bureau's file, replacing the extract's and ending at
   * 40.002° N: the town the route runs through is theirs, and it keeps
   * 40.003–40.0047° N, 189 m. */
  {
    g_autofree char *homes = g_build_filename (dir, "居住.geojson", NULL);
    g_autofree char *spec = g_strconcat ("residential=", homes, NULL);
    g_autoptr (GPtrArray) sources =
        g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
    g_autoptr (GrProject) bureau = NULL;

    g_assert_true (g_file_set_contents (
        homes,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[116.350,40.000],"
        "[116.356,40.000],[116.356,40.002],[116.350,40.002],[116.350,40.000]]]}}]}",
        -1, NULL));
    g_ptr_array_add (sources, gr_source_parse (spec, &error));
    g_assert_no_error (error);
    bureau = gr_project_import (path, sources, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (greenway_length (bureau, "route=hiking"), 189, 6);
  }
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
  g_test_add_func ("/project/osm/node-coordinates", test_node_coordinates);
  g_test_add_func ("/project/osm/greenway-rule", test_greenway_rule);
  return g_test_run ();
}
