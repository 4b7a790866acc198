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
  return g_test_run ();
}
