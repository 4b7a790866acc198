/* test-guesses.c — roles guessed from file names and park classes from kinds */
#include "gr-test-project.h"
#include "gr-park-class.h"
#include "gr-test-main.h"

/* Names of bureau files, and classes of parks, as they come. */
static void
test_guesses (void)
{
  static const struct
  {
    const char *name;
    GrRole      role;
  } names[] = {
    { "公园绿地.shp", GR_ROLE_PARK },
    { "greenways_2024.gpkg", GR_ROLE_GREENWAY },
    { "居住用地.shp", GR_ROLE_RESIDENTIAL },
    { "worldpop_chn_2020.tif", GR_ROLE_POPULATION },
    { "生态廊道.geojson", GR_ROLE_CORRIDOR },
    { "街道边界.shp", GR_ROLE_ZONES },
    { "lvdi.shp", GR_ROLE_GREEN },
    { "road_network.shp", GR_ROLE_WALK },
    /* "tree" hides in "street": streets are a network, street trees trees. */
    { "streets.shp", GR_ROLE_WALK },
    { "street_network.gpkg", GR_ROLE_WALK },
    { "street_trees.shp", GR_ROLE_TREES },
    { "行道树.shp", GR_ROLE_TREES },
    { "15分钟生活圈.shp", GR_ROLE_LIFECIRCLES },
  };
  GrRole   role;
  gboolean by_size;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (gr_role_guess_from_name (names[i].name, &role));
      g_assert_cmpint (role, ==, names[i].role);
    }
  g_assert_false (gr_role_guess_from_name ("data_2023.shp", &role));
  g_assert_cmpint (gr_park_class_from_kind ("G11", 5000, &by_size), ==,
                   GR_PARK_CLASS_COMPREHENSIVE);
  g_assert_false (by_size);
  g_assert_cmpint (gr_park_class_from_kind ("植物园", 5000, NULL), ==, GR_PARK_CLASS_SPECIALISED);
  g_assert_cmpint (gr_park_class_from_kind ("口袋公园", 800, NULL), ==,
                   GR_PARK_CLASS_STREET_GARDEN);
  g_assert_cmpint (gr_park_class_from_kind ("郊野公园", 2e6, NULL), ==, GR_PARK_CLASS_COUNTRY);
  /* OSM's leisure=park says nothing of class: the size does, at 10 ha and 1 ha. */
  g_assert_cmpint (gr_park_class_from_kind ("leisure=park", 100000, &by_size), ==,
                   GR_PARK_CLASS_COMPREHENSIVE);
  g_assert_true (by_size);
  g_assert_cmpint (gr_park_class_from_kind ("leisure=park", 99999, NULL), ==,
                   GR_PARK_CLASS_COMMUNITY);
  g_assert_cmpint (gr_park_class_from_kind (NULL, 9999, NULL), ==, GR_PARK_CLASS_STREET_GARDEN);
}

GR_TEST_MAIN (gr_gdal_init, { "/project/guesses", test_guesses })
