/* test-indicators.c — the park-city indicators on a town worked out on
 * paper, and what they say when an input is missing */
#include "gr-corridor.h"
#include "gr-grid-private.h"
#include "gr-indicators.h"
#include "gr-priority.h"

#include <math.h>
#include <string.h>

static GrFeature *
feature (const char *wkt, const char *name, const char *kind, double value)
{
  OGRGeometryH g = NULL;
  GrFeature   *f;

  g_assert_cmpint (OGR_G_CreateFromWkt ((char **) &wkt, NULL, &g), ==, OGRERR_NONE);
  f = gr_feature_new (g);
  f->name = g_strdup (name);
  f->kind = g_strdup (kind);
  f->value = value;
  return f;
}

static void
add (GrProject *project, GrRole role, GrFeature *f)
{
  g_ptr_array_add (gr_project_ensure_layer (project, role)->features, f);
}

/* A 1 km² town of 10,000 residents, two zones split at x = 500 m:
 * west has a 2 ha comprehensive park that is also the disaster refuge and a
 * 1,000 m² street garden; east a 1 ha community park. A 1 km greenway
 * crosses the town, a 2 ha nursery lies inside the built-up boundary. */
static GrProject *
town (gboolean with_population, gboolean with_greenway)
{
  GrProject *p = gr_project_new ();

  p->crs_wkt = g_strdup ("EPSG:4547");
  add (p, GR_ROLE_RESIDENTIAL,
       feature ("POLYGON ((0 0,1000 0,1000 1000,0 1000,0 0))", NULL, NULL, NAN));
  if (with_population)
    add (p, GR_ROLE_POPULATION,
         feature ("POLYGON ((0 0,1000 0,1000 1000,0 1000,0 0))", NULL, NULL, 10000));
  add (p, GR_ROLE_ZONES, feature ("POLYGON ((0 0,500 0,500 1000,0 1000,0 0))", "西区", NULL, NAN));
  add (p, GR_ROLE_ZONES,
       feature ("POLYGON ((500 0,1000 0,1000 1000,500 1000,500 0))", "东区", NULL, NAN));
  add (p, GR_ROLE_PARK,
       feature ("POLYGON ((100 100,300 100,300 200,100 200,100 100))", "人民公园", "G11 防灾避险",
                NAN));
  add (p, GR_ROLE_PARK,
       feature ("POLYGON ((100 600,150 600,150 620,100 620,100 600))", "街角游园", "G14", NAN));
  add (p, GR_ROLE_PARK,
       feature ("POLYGON ((700 700,800 700,800 800,700 800,700 700))", "东社区公园", "G12", NAN));
  if (with_greenway)
    add (p, GR_ROLE_GREENWAY, feature ("LINESTRING (0 500,1000 500)", "滨河绿道", NULL, NAN));
  add (p, GR_ROLE_BUILTUP,
       feature ("POLYGON ((0 0,1000 0,1000 1000,0 1000,0 0))", NULL, NULL, NAN));
  add (p, GR_ROLE_NURSERY,
       feature ("POLYGON ((800 0,1000 0,1000 100,800 100,800 0))", NULL, NULL, NAN));
  gr_project_update_extent (p);
  return p;
}

static GrAnalysis *
analyse (GrProject *project)
{
  g_autoptr (GError) error = NULL;
  GrCriteria  c;
  GrAnalysis *a;

  gr_criteria_init_default (&c);
  a = gr_project_build_analysis (project, &c, NULL, &error);
  g_assert_no_error (error);
  return a;
}

static void
test_on_paper (void)
{
  g_autoptr (GrProject) project = town (TRUE, TRUE);
  g_autoptr (GrAnalysis) analysis = analyse (project);
  GrIndicators city, west, east;

  gr_indicators_compute (&city, project, analysis, -1, GR_TARGETS_YUNCHENG_2025);
  g_assert_true (city.builtup);
  g_assert_cmpfloat_with_epsilon (city.population, 10000, 1e-6);
  /* (20,000 + 1,000 + 10,000) m² / 10,000 residents. */
  g_assert_cmpfloat_with_epsilon (city.items[GR_IND_PARK_PER_CAPITA].value, 3.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (city.items[GR_IND_COMPREHENSIVE_PER_CAPITA].value, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (city.items[GR_IND_COMMUNITY_PER_CAPITA].value, 1.0, 1e-9);
  /* Yuncheng 2025 asks 13: short by 9.9 m²/person = 99,000 m² of park. */
  g_assert_false (city.items[GR_IND_PARK_PER_CAPITA].pass);
  g_assert_cmpfloat_with_epsilon (city.items[GR_IND_PARK_PER_CAPITA].gap, 9.9, 1e-9);
  g_assert_nonnull (strstr (city.items[GR_IND_PARK_PER_CAPITA].gap_text, "99,000"));
  /* 1 km of greenway for 1 × 10,000 residents: 1.0, exactly the target. */
  g_assert_cmpfloat_with_epsilon (city.items[GR_IND_GREENWAY_PER_10K].value, 1.0, 1e-9);
  g_assert_true (city.items[GR_IND_GREENWAY_PER_10K].pass);
  /* 2 ha of nursery in 100 ha built up: 2 %, the target. */
  g_assert_cmpfloat_with_epsilon (city.items[GR_IND_NURSERY_SHARE].value, 2.0, 1e-9);
  g_assert_true (city.items[GR_IND_NURSERY_SHARE].pass);
  /* Coverage figures are shares of the homes, 0–100. */
  g_assert_cmpfloat (city.items[GR_IND_SERVICE_RATE].value, >, 0);
  g_assert_cmpfloat (city.items[GR_IND_SERVICE_RATE].value, <=, 100);
  /* Park system: inventory by class, and the counties' shortfalls. */
  g_assert_cmpuint (city.inventory.counts[GR_PARK_CLASS_COMPREHENSIVE], ==, 1);
  g_assert_cmpuint (city.inventory.counts[GR_PARK_CLASS_COMMUNITY], ==, 1);
  g_assert_cmpuint (city.inventory.counts[GR_PARK_CLASS_STREET_GARDEN], ==, 1);
  g_assert_cmpuint (city.inventory.disaster, ==, 1);
  /* The 1,000 m² street garden is a pocket park. */
  g_assert_cmpuint (city.inventory.pocket, ==, 1);
  g_assert_cmpfloat_with_epsilon (city.inventory.pocket_area, 1000, 1e-6);
  g_assert_nonnull (city.system_check);
  g_test_message ("%s", city.system_check);
  g_assert_nonnull (strstr (city.system_check, "西区 lacks a country park"));
  g_assert_nonnull (
      strstr (city.system_check, "The city lacks a botanical or specialised park, a country park"));
  g_assert_nonnull (
      strstr (city.system_check,
              "东区 lacks a comprehensive park, a country park, a disaster-prevention park"));

  /* Per zone: each park in its zone, residents split by homes (5,000 each). */
  gr_indicators_compute (&west, project, analysis, 1, GR_TARGETS_ECO_GARDEN_CITY);
  gr_indicators_compute (&east, project, analysis, 2, GR_TARGETS_ECO_GARDEN_CITY);
  g_assert_cmpfloat_with_epsilon (west.population, 5000, 1e-3);
  g_assert_cmpfloat_with_epsilon (west.items[GR_IND_PARK_PER_CAPITA].value, 21000.0 / 5000, 1e-6);
  g_assert_cmpfloat_with_epsilon (east.items[GR_IND_PARK_PER_CAPITA].value, 10000.0 / 5000, 1e-6);
  /* The ecological garden city asks ≥ 5.5 in every district. */
  g_assert_cmpfloat (west.items[GR_IND_PARK_PER_CAPITA].target, ==, 5.5);
  g_assert_false (west.items[GR_IND_PARK_PER_CAPITA].pass);
  g_assert_cmpfloat_with_epsilon (west.items[GR_IND_GREENWAY_PER_10K].value, 0.5 / 0.5, 1e-6);
  g_assert_cmpuint (west.inventory.counts[GR_PARK_CLASS_COMPREHENSIVE], ==, 1);
  g_assert_cmpuint (east.inventory.counts[GR_PARK_CLASS_COMPREHENSIVE], ==, 0);
  /* GB 55014's "more than 3.0" is strict. */
  {
    GrIndicators gb;
    gr_indicators_compute (&gb, project, analysis, -1, GR_TARGETS_GB55014);
    g_assert_true (gb.items[GR_IND_COMPREHENSIVE_PER_CAPITA].strict);
    g_assert_false (gb.items[GR_IND_COMPREHENSIVE_PER_CAPITA].pass);
    g_assert_false (gb.items[GR_IND_GREENWAY_PER_10K].has_target);
    gr_indicators_clear (&gb);
  }
  gr_indicators_clear (&city);
  gr_indicators_clear (&west);
  gr_indicators_clear (&east);
}

/* Missing inputs are named, never shown as zero. */
static void
test_missing_inputs (void)
{
  g_autoptr (GrProject) project = town (FALSE, FALSE);
  g_autoptr (GrAnalysis) analysis = analyse (project);
  GrIndicators out;

  gr_indicators_compute (&out, project, analysis, -1, GR_TARGETS_YUNCHENG_2030);
  g_assert_true (isnan (out.items[GR_IND_PARK_PER_CAPITA].value));
  g_assert_nonnull (strstr (out.items[GR_IND_PARK_PER_CAPITA].missing, "population"));
  g_assert_false (out.items[GR_IND_PARK_PER_CAPITA].pass);
  g_assert_null (out.items[GR_IND_PARK_PER_CAPITA].gap_text);
  g_assert_nonnull (strstr (out.items[GR_IND_GREENWAY_PER_10K].missing, "greenway"));
  g_assert_nonnull (strstr (out.items[GR_IND_GREEN_300_POPULATION].missing, "population"));
  /* Area coverage needs no residents. */
  g_assert_null (out.items[GR_IND_SERVICE_RATE].missing);
  g_assert_true (isfinite (out.items[GR_IND_SERVICE_RATE].value));
  gr_indicators_clear (&out);
}

/* A 2 km corridor, 200 m wide, with an 80 m pinch at x = 1,000 m (a
 * 20 m notch cut 120 m deep from the north side). */
static void
test_corridor_pinch (void)
{
  const char *notched = "POLYGON ((0 0,2000 0,2000 200,1010 200,1010 80,990 80,990 200,0 200,0 0))";
  const char *wide = "POLYGON ((0 0,2000 0,2000 150,0 150,0 0))";
  OGRGeometryH    g = NULL, h = NULL;
  GrCorridorWidth w;

  OGR_G_CreateFromWkt ((char **) &notched, NULL, &g);
  OGR_G_CreateFromWkt ((char **) &wide, NULL, &h);
  g_assert_true (gr_corridor_measure (g, GR_CORRIDOR_MIN_WIDTH, &w));
  g_test_message ("narrowest %.2f m at %.1f, %.1f", w.narrowest_m, w.pinch_x, w.pinch_y);
  g_assert_cmpfloat (fabs (w.narrowest_m - 80), <=, 1.0);
  g_assert_false (w.passes);
  g_assert_cmpfloat (fabs (w.pinch_x - 1000), <=, 15);
  /* In the neck, below the notch. */
  g_assert_cmpfloat (w.pinch_y, >=, 20);
  g_assert_cmpfloat (w.pinch_y, <=, 60);
  g_assert_true (gr_corridor_measure (h, GR_CORRIDOR_MIN_WIDTH, &w));
  g_assert_cmpfloat (fabs (w.narrowest_m - 150), <=, 1.0);
  g_assert_true (w.passes);
  OGR_G_DestroyGeometry (g);
  OGR_G_DestroyGeometry (h);
}

/* Two greenways with a 30 m break between their ends; the first passes a
 * park, the second a river. */
static void
test_greenway_gap (void)
{
  g_autoptr (GrProject) p = gr_project_new ();
  GrGreenwayReport r;

  add (p, GR_ROLE_GREENWAY, feature ("LINESTRING (0 0,1000 0)", "东段", NULL, NAN));
  add (p, GR_ROLE_GREENWAY, feature ("LINESTRING (1030 0,2000 0)", "西段", NULL, NAN));
  add (p, GR_ROLE_GREENWAY, feature ("LINESTRING (500 0,500 300)", "支线", NULL, NAN));
  add (p, GR_ROLE_PARK,
       feature ("POLYGON ((200 5,300 5,300 100,200 100,200 5))", "河滨公园", NULL, NAN));
  add (p, GR_ROLE_WATER,
       feature ("POLYGON ((1500 -200,1600 -200,1600 -3,1500 -3,1500 -200))", "汾河", NULL, NAN));
  gr_greenway_report (p, 10, 200, &r);
  g_assert_cmpuint (r.n_networks, ==, 2);
  g_assert_cmpuint (r.gaps->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (r.gaps, GrGreenwayGap, 0).length_m, 30, 1e-9);
  g_assert_cmpfloat (g_array_index (r.gaps, GrGreenwayGap, 0).x0, ==, 1000);
  g_assert_cmpuint (r.links->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (r.links, 0), ==, "河滨公园");
  g_assert_cmpstr (g_ptr_array_index (r.links, 1), ==, "汾河");
  gr_greenway_report_clear (&r);
}

/* Three networks whose ends cluster round (1000, 0): a star of three
 * pieces ending 20–40 m from each other, and a fourth network's end 60 m
 * off. Before, every end paired with every other (six breaks); now each
 * end joins the nearest free end once: two breaks, no end twice. */
static void
test_greenway_gap_cluster (void)
{
  g_autoptr (GrProject) p = gr_project_new ();
  GrGreenwayReport r;
  g_autoptr (GHashTable) ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  add (p, GR_ROLE_GREENWAY, feature ("LINESTRING (0 0,990 0)", "甲", NULL, NAN));
  add (p, GR_ROLE_GREENWAY, feature ("LINESTRING (1010 0,2000 0)", "乙", NULL, NAN));
  add (p, GR_ROLE_GREENWAY, feature ("LINESTRING (1000 30,1000 1000)", "丙", NULL, NAN));
  add (p, GR_ROLE_GREENWAY, feature ("LINESTRING (1000 -60,1000 -1000)", "丁", NULL, NAN));
  gr_greenway_report (p, GR_GREENWAY_JOIN_M, GR_GREENWAY_GAP_M, &r);
  g_assert_cmpuint (r.n_networks, ==, 4);
  /* 甲–乙 20 m first; then 丙 (31.6 m to 甲 and 乙, both taken) and 丁
   * meet each other 90 m apart. */
  g_assert_cmpuint (r.gaps->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (r.gaps, GrGreenwayGap, 0).length_m, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (r.gaps, GrGreenwayGap, 1).length_m, 90, 1e-9);
  for (guint i = 0; i < r.gaps->len; i++)
    {
      const GrGreenwayGap *g = &g_array_index (r.gaps, GrGreenwayGap, i);

      g_assert_true (g_hash_table_add (ends, g_strdup_printf ("%g %g", g->x0, g->y0)));
      g_assert_true (g_hash_table_add (ends, g_strdup_printf ("%g %g", g->x1, g->y1)));
    }
  gr_greenway_report_clear (&r);
}

/* Two blocks of homes 2.6 km apart, 5,000 residents each, drawn for the
 * city health check, the residential-area standard and the age groups:
 * - west (0–400 m square): a 1.21 ha park in its middle serves all of it
 *   (500 m service radius); a greenway runs 500 m south of it;
 *   1,000 children and 500 elderly;
 * - east (3,000–3,400 m): no park, no greenway within 1 km; 500 children
 *   and 1,500 elderly;
 * - two life circles without a level, one round each block;
 * - a 120 m corridor and one pinched to 80 m, both 1 km long;
 * - the built-up area (the west km²) holds 2 ha of green space and 2 ha
 *   of canopy overlapping it by 1 ha;
 * - a residential street 400 m long with 11 street trees 3 m beside it
 *   from x = 50 to 150 m, and a primary road that does not count. */
static GrProject *
bureau_town (gboolean with_trees)
{
  GrProject *p = gr_project_new ();
  GrFeature *west, *east;

  p->crs_wkt = g_strdup ("EPSG:4547");
  add (p, GR_ROLE_RESIDENTIAL,
       feature ("POLYGON ((0 0,400 0,400 400,0 400,0 0))", NULL, NULL, NAN));
  add (p, GR_ROLE_RESIDENTIAL,
       feature ("POLYGON ((3000 0,3400 0,3400 400,3000 400,3000 0))", NULL, NULL, NAN));
  west = feature ("POLYGON ((0 0,400 0,400 400,0 400,0 0))", "西社区", NULL, 5000);
  west->children = 1000, west->elderly = 500;
  east = feature ("POLYGON ((3000 0,3400 0,3400 400,3000 400,3000 0))", "东社区", NULL, 5000);
  east->children = 500, east->elderly = 1500;
  add (p, GR_ROLE_POPULATION, west);
  add (p, GR_ROLE_POPULATION, east);
  add (p, GR_ROLE_ZONES,
       feature ("POLYGON ((-1000 -1000,1500 -1000,1500 3000,-1000 3000,-1000 -1000))", "西区", NULL,
                NAN));
  add (p, GR_ROLE_ZONES,
       feature ("POLYGON ((1500 -1000,4000 -1000,4000 3000,1500 3000,1500 -1000))", "东区", NULL,
                NAN));
  add (p, GR_ROLE_PARK,
       feature ("POLYGON ((150 150,260 150,260 260,150 260,150 150))", "口袋公园", "G12", NAN));
  add (p, GR_ROLE_GREENWAY, feature ("LINESTRING (0 -500,400 -500)", "南绿道", NULL, NAN));
  add (
      p, GR_ROLE_LIFECIRCLES,
      feature ("POLYGON ((-100 -100,600 -100,600 600,-100 600,-100 -100))", "西生活圈", NULL, NAN));
  /* A place name with 五 and 里 in it says nothing of the circle's level. */
  add (p, GR_ROLE_LIFECIRCLES,
       feature ("POLYGON ((2900 -100,3500 -100,3500 600,2900 600,2900 -100))", "五里河社区", NULL,
                NAN));
  add (p, GR_ROLE_CORRIDOR,
       feature ("POLYGON ((0 2000,1000 2000,1000 2120,0 2120,0 2000))", "宽廊道", NULL, NAN));
  add (p, GR_ROLE_CORRIDOR,
       feature ("POLYGON ((2000 2000,3000 2000,3000 2120,2600 2120,2600 2080,2400 2080,"
                "2400 2120,2000 2120,2000 2000))",
                "窄廊道", NULL, NAN));
  add (p, GR_ROLE_BUILTUP,
       feature ("POLYGON ((0 0,1000 0,1000 1000,0 1000,0 0))", NULL, NULL, NAN));
  add (p, GR_ROLE_GREEN,
       feature ("POLYGON ((500 500,700 500,700 600,500 600,500 500))", NULL, NULL, NAN));
  add (p, GR_ROLE_WALK,
       feature ("LINESTRING (0 -20,400 -20)", "林荫街", "highway=residential", NAN));
  add (p, GR_ROLE_WALK, feature ("LINESTRING (0 -60,400 -60)", "大道", "highway=primary", NAN));
  if (with_trees)
    {
      add (p, GR_ROLE_TREES,
           feature ("POLYGON ((600 500,800 500,800 600,600 600,600 500))", NULL, NULL, NAN));
      for (int x = 50; x <= 150; x += 10)
        {
          g_autofree char *wkt = g_strdup_printf ("POINT (%d -23)", x);
          add (p, GR_ROLE_TREES, feature (wkt, NULL, NULL, NAN));
        }
    }
  gr_project_update_extent (p);
  return p;
}

static void
test_bureau_indicators (void)
{
  g_autoptr (GrProject) project = bureau_town (TRUE);
  g_autoptr (GrAnalysis) analysis = analyse (project);
  GrIndicators       city, west, east;
  const GrIndicator *it = city.items;

  gr_indicators_compute (&city, project, analysis, -1, GR_TARGETS_YUNCHENG_2025);
  /* Homes within 1 km of the greenway: the west block only. */
  g_assert_cmpfloat_with_epsilon (it[GR_IND_GREENWAY_SERVICE].value, 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (it[GR_IND_GREENWAY_SERVICE_POPULATION].value, 50, 1e-6);
  /* One corridor of two keeps 100 m from end to end. Lengths are the long
   * side of the rectangle of the same area and perimeter: 1,000 m for the
   * wide one; (2,320 + √(2,320² − 16 × 112,000)) / 4 = 1,053.7 m for the
   * notched one: 1,000 / 2,053.7 = 48.69 %. */
  g_assert_cmpfloat_with_epsilon (it[GR_IND_CORRIDOR_COMPLIANCE].value, 48.69, 0.01);
  g_assert_false (it[GR_IND_CORRIDOR_COMPLIANCE].pass); /* Yuncheng: every corridor */
  /* In 100 ha built up: park 1.21 ha + green 2 ha; with the canopy's other
   * hectare, 4.21 ha. */
  g_assert_cmpfloat_with_epsilon (it[GR_IND_GREEN_RATIO].value, 3.21, 1e-6);
  g_assert_cmpfloat_with_epsilon (it[GR_IND_GREEN_COVER].value, 4.21, 1e-6);
  g_assert_false (it[GR_IND_GREEN_RATIO].has_target); /* no national figure built in */
  /* West: 12,100 m² for 5,000 residents, 2.42 m² each, and a 1.21 ha park;
   * east neither. */
  g_assert_cmpfloat_with_epsilon (it[GR_IND_LIFECIRCLE_GREEN].value, 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (it[GR_IND_LIFECIRCLE_PARK].value, 50, 1e-6);
  g_assert_cmpuint (city.circles->len, ==, 2);
  g_assert_cmpint (city.circles_from, ==, GR_ROLE_LIFECIRCLES);
  g_assert_cmpfloat_with_epsilon (g_array_index (city.circles, GrLifeCircle, 0).per_capita, 2.42,
                                  1e-6);
  g_assert_true (g_array_index (city.circles, GrLifeCircle, 0).park_ok);
  g_assert_false (g_array_index (city.circles, GrLifeCircle, 1).park_ok);
  g_assert_true (it[GR_IND_LIFECIRCLE_PARK].has_target); /* GB 50180: every circle */
  /* Crowns 8 m round each tree reach the street from x = 42.6 to 157.4 m:
   * 114.8 m of its 400 m; the primary road is not counted. */
  g_assert_cmpfloat_with_epsilon (it[GR_IND_SHADED_ROADS].value, 100 * 114.83 / 400, 0.3);
  /* Everyone 50 %; children 1,000 of 1,500 served, elderly 500 of 2,000. */
  g_assert_cmpfloat_with_epsilon (it[GR_IND_SERVICE_POPULATION].value, 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (it[GR_IND_SERVICE_CHILDREN].value, 100.0 * 1000 / 1500, 1e-6);
  g_assert_cmpfloat_with_epsilon (it[GR_IND_SERVICE_ELDERLY].value, 25, 1e-6);
  g_assert_cmpfloat_with_epsilon (city.children, 1500, 1e-9);
  /* Each zone has its own figures and adds up to no more than the city. */
  gr_indicators_compute (&west, project, analysis, 1, GR_TARGETS_YUNCHENG_2025);
  gr_indicators_compute (&east, project, analysis, 2, GR_TARGETS_YUNCHENG_2025);
  g_assert_cmpfloat_with_epsilon (west.items[GR_IND_GREENWAY_SERVICE].value, 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (east.items[GR_IND_GREENWAY_SERVICE].value, 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (west.items[GR_IND_SERVICE_CHILDREN].value, 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (east.items[GR_IND_SERVICE_ELDERLY].value, 0, 1e-6);
  g_assert_cmpfloat (west.children + east.children, <=, city.children);
  g_assert_cmpuint (west.circles->len + east.circles->len, ==, city.circles->len);
  g_assert_cmpfloat_with_epsilon (west.items[GR_IND_CORRIDOR_COMPLIANCE].value, 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (east.items[GR_IND_CORRIDOR_COMPLIANCE].value, 0, 1e-6);
  /* Every indicator says what it divides by what, and whence. */
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    g_assert_nonnull (strstr (gr_indicator_get_definition (i), "÷"));
  gr_indicators_clear (&city);
  gr_indicators_clear (&west);
  gr_indicators_clear (&east);
}

/* Without trees the shade and the canopy say what they need; vegetation
 * cover is green space and parks alone. */
static void
test_bureau_missing (void)
{
  g_autoptr (GrProject) project = bureau_town (FALSE);
  g_autoptr (GrAnalysis) analysis = analyse (project);
  GrIndicators city;

  gr_indicators_compute (&city, project, analysis, -1, GR_TARGETS_ECO_GARDEN_CITY);
  g_assert_true (isnan (city.items[GR_IND_SHADED_ROADS].value));
  g_assert_nonnull (strstr (city.items[GR_IND_SHADED_ROADS].missing, "trees"));
  g_assert_cmpfloat_with_epsilon (city.items[GR_IND_GREEN_COVER].value, 3.21, 1e-6);
  gr_indicators_clear (&city);
  /* No life circles: the zones stand in for the circles. */
  g_ptr_array_set_size (project->layers[GR_ROLE_LIFECIRCLES]->features, 0);
  gr_indicators_compute (&city, project, analysis, -1, GR_TARGETS_NONE);
  g_assert_cmpint (city.circles_from, ==, GR_ROLE_ZONES);
  g_assert_cmpuint (city.circles->len, ==, 2);
  gr_indicators_clear (&city);
}

/* The east block is a blind spot of 5,000 residents (500 children, 1,500
 * elderly); a hamlet of 100 beyond the corridors another. Ranked by the
 * residents left out, each with the nearest site for a park. */
static void
test_priority_areas (void)
{
  g_autoptr (GrProject) project = bureau_town (FALSE);
  g_autoptr (GrAnalysis) analysis = NULL;
  g_autoptr (GArray) areas = NULL;
  const GrPriorityArea *first, *second;

  add (project, GR_ROLE_RESIDENTIAL,
       feature ("POLYGON ((3000 2500,3100 2500,3100 2600,3000 2600,3000 2500))", NULL, NULL, NAN));
  add (project, GR_ROLE_POPULATION,
       feature ("POLYGON ((3000 2500,3100 2500,3100 2600,3000 2600,3000 2500))", "村", NULL, 100));
  add (project, GR_ROLE_SITES,
       feature ("POLYGON ((3500 0,3560 0,3560 60,3500 60,3500 0))", "停车场", NULL, NAN));
  gr_project_update_extent (project);
  analysis = analyse (project);
  areas = gr_priority_areas_find (project, analysis, -1, 10);
  g_assert_cmpuint (areas->len, ==, 2);
  first = &g_array_index (areas, GrPriorityArea, 0);
  second = &g_array_index (areas, GrPriorityArea, 1);
  g_assert_cmpuint (first->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (first->residents, 5000, 1e-6);
  g_assert_cmpfloat_with_epsilon (first->area_m2, 160000, 1e-6);
  g_assert_cmpfloat_with_epsilon (first->children, 500, 1e-6);
  g_assert_cmpfloat_with_epsilon (first->elderly, 1500, 1e-6);
  g_assert_cmpuint (first->zone, ==, 2);
  /* Its middle home is near (3200, 200); the car park's corner (3500, 60)
   * is about 330 m away. */
  g_assert_cmpfloat (fabs (first->x - 3200), <=, 10);
  g_assert_cmpfloat (fabs (first->y - 200), <=, 10);
  g_assert_cmpstr (first->site, ==, "停车场");
  g_assert_cmpfloat_with_epsilon (first->site_distance_m, hypot (300, 140), 15);
  g_assert_cmpuint (second->rank, ==, 2);
  g_assert_cmpfloat_with_epsilon (second->residents, 100, 1e-6);
  g_assert_true (isnan (second->children)); /* the hamlet gives no ages */
}

static void
collect_cell (const GrCell *cell, gpointer data)
{
  g_array_append_val ((GArray *) data, *cell);
}

static int
by_residents (gconstpointer a, gconstpointer b)
{
  const double *x = a, *y = b;

  if (x[0] != y[0])
    return x[0] < y[0] ? 1 : -1;
  return (x[1] < y[1]) - (x[1] > y[1]);
}

/* Homes scattered at random, some closer than the join distance and some
 * further, round a park: the areas are the clusters that joining every
 * pair of blind cells within it (in rows and in columns) makes, and the
 * cells the analysis hands out are its own figures. */
static void
test_priority_clusters (void)
{
  g_autoptr (GrProject) project = gr_project_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GrAnalysis) analysis = NULL;
  g_autoptr (GArray) areas = NULL;
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (GrCell));
  g_autoptr (GArray) blind = g_array_new (FALSE, FALSE, sizeof (GrCell));
  g_autoptr (GArray) where = g_array_new (FALSE, FALSE, sizeof (GrCell));
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) expected = g_array_new (FALSE, TRUE, 2 * sizeof (double));
  g_autofree guint *cluster = NULL;
  const guint       covered = (1u << GR_LAYER_GREEN) | (1u << GR_LAYER_PARK);
  double            area = 0, people = 0, resolution;
  guint             reach, n = 0;
  GrSummary         summary;

  project->crs_wkt = g_strdup ("EPSG:4547");
  for (guint i = 0; i < 300; i++)
    {
      double x = g_rand_double_range (rand, 0, 2000), y = g_rand_double_range (rand, 0, 2000);
      double w = g_rand_double_range (rand, 10, 30);
      g_autofree char *wkt = g_strdup_printf ("POLYGON ((%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f,"
                                              "%.2f %.2f))",
                                              x, y, x + w, y, x + w, y + w, x, y + w, x, y);

      add (project, GR_ROLE_RESIDENTIAL, feature (wkt, NULL, NULL, NAN));
    }
  /* Two homes 60 m apart in a row and one 30 m above between them, in
   * reach of both: one area, though the two are not in reach of each other. */
  add (project, GR_ROLE_RESIDENTIAL,
       feature ("POLYGON ((3000 3000,3020 3000,3020 3010,3000 3010,3000 3000))", NULL, NULL, NAN));
  add (project, GR_ROLE_RESIDENTIAL,
       feature ("POLYGON ((3080 3000,3100 3000,3100 3010,3080 3010,3080 3000))", NULL, NULL, NAN));
  add (project, GR_ROLE_RESIDENTIAL,
       feature ("POLYGON ((3040 3030,3050 3030,3050 3040,3040 3040,3040 3030))", NULL, NULL, NAN));
  add (project, GR_ROLE_POPULATION,
       feature ("POLYGON ((0 0,3200 0,3200 3200,0 3200,0 0))", NULL, NULL, 30000));
  add (project, GR_ROLE_PARK,
       feature ("POLYGON ((900 900,1100 900,1100 1100,900 1100,900 900))", "中心公园", "G12", NAN));
  gr_project_update_extent (project);
  analysis = analyse (project);
  resolution = gr_analysis_get_criteria (analysis)->resolution;
  reach = (guint) ceil (GR_PRIORITY_JOIN_M / resolution);

  /* Every residential cell, once: the analysis's own sums. */
  gr_analysis_foreach_cell (analysis, collect_cell, all);
  for (guint i = 0; i < all->len; i++)
    {
      const GrCell *c = &g_array_index (all, GrCell, i);

      g_assert_true (i == 0 || c->row > g_array_index (all, GrCell, i - 1).row
                     || (c->row == g_array_index (all, GrCell, i - 1).row
                         && c->col > g_array_index (all, GrCell, i - 1).col));
      area += c->area_m2, people += c->people;
      if (!(c->state & covered))
        g_array_append_val (blind, *c);
    }
  /* The same cells as a walk over every cell of the grid finds. */
  {
    const GrGrid *grid = gr_coverage_get_grid (gr_analysis_get_coverage (analysis));
    guint         k = 0;

    for (guint row = 0; row < grid->n_rows; row++)
      for (guint col = 0; col < grid->n_cols; col++)
        {
          const GrTile *tile = gr_grid_tile_at (grid, col, row);
          guint         index = gr_tile_index (col, row);
          const GrCell *c;

          if (tile == NULL || tile->sample[index] == 0)
            continue;
          g_assert_cmpuint (k, <, all->len);
          c = &g_array_index (all, GrCell, k++);
          g_assert_cmpuint (c->col, ==, col);
          g_assert_cmpuint (c->row, ==, row);
          g_assert_cmpfloat (c->people, ==, tile->people[index] / GR_POPULATION_SCALE);
          g_assert_cmpuint (c->zone, ==, tile->zone[index]);
          g_assert_cmpuint (c->state & ((1u << GR_N_LAYERS) - 1), ==, tile->state[index]);
        }
    g_assert_cmpuint (k, ==, all->len);
  }
  gr_analysis_summarize (analysis, -1, &summary);
  g_assert_cmpfloat_with_epsilon (area, summary.residential.area_m2, 1e-6 * area);
  g_assert_cmpfloat_with_epsilon (people, summary.residential.population, 1e-6 * people);
  /* Those none of the layers covers, asked for as such: the same cells. */
  gr_analysis_foreach_cell_where (analysis, covered, 0, collect_cell, where);
  g_assert_cmpuint (where->len, ==, blind->len);
  g_assert_cmpmem (where->data, where->len * sizeof (GrCell), blind->data,
                   blind->len * sizeof (GrCell));
  g_assert_cmpuint (blind->len, >, 1000);
  g_assert_cmpuint (blind->len, <, all->len);

  /* Every pair of blind cells within reach, joined by hand. */
  cluster = g_new (guint, blind->len);
  for (guint i = 0; i < blind->len; i++)
    cluster[i] = G_MAXUINT;
  for (guint start = 0; start < blind->len; start++)
    {
      double sum[2] = { 0, 0 };

      if (cluster[start] != G_MAXUINT)
        continue;
      cluster[start] = n;
      g_array_append_val (stack, start);
      while (stack->len > 0)
        {
          const GrCell *c =
              &g_array_index (blind, GrCell, g_array_index (stack, guint, stack->len - 1));

          g_array_set_size (stack, stack->len - 1);
          sum[0] += c->people, sum[1] += c->area_m2;
          for (guint j = 0; j < blind->len; j++)
            {
              const GrCell *d = &g_array_index (blind, GrCell, j);

              if (cluster[j] == G_MAXUINT && ABS ((int) c->row - (int) d->row) <= (int) reach
                  && ABS ((int) c->col - (int) d->col) <= (int) reach)
                cluster[j] = n, g_array_append_val (stack, j);
            }
        }
      g_array_append_val (expected, sum);
      n++;
    }
  g_array_sort (expected, by_residents);
  g_test_message ("%u blind cells of %u in %u clusters", blind->len, all->len, n);
  /* Neither all one nor each apart: the join distance decides. */
  g_assert_cmpuint (n, >, 20);
  g_assert_cmpuint (n, <, 250);

  areas = gr_priority_areas_find (project, analysis, -1, G_MAXUINT);
  g_assert_cmpuint (areas->len, ==, n);
  for (guint r = 0; r < n; r++)
    {
      const GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, r);
      const double         *e = (const double *) expected->data + 2 * r;

      g_assert_cmpuint (a->rank, ==, r + 1);
      g_assert_cmpfloat_with_epsilon (a->residents, e[0], 1e-6);
      g_assert_cmpfloat_with_epsilon (a->area_m2, e[1], 1e-6);
    }
}

/* A circle's level from its class or name; a place or a year is none. */
static void
test_life_circle_levels (void)
{
  g_assert_cmpint (gr_life_circle_level_from_text ("15分钟生活圈"), ==, GR_LIFE_CIRCLE_15);
  g_assert_cmpint (gr_life_circle_level_from_text ("十五分钟生活圈"), ==, GR_LIFE_CIRCLE_15);
  g_assert_cmpint (gr_life_circle_level_from_text ("十分钟生活圈"), ==, GR_LIFE_CIRCLE_10);
  g_assert_cmpint (gr_life_circle_level_from_text ("5-Minute Circle"), ==, GR_LIFE_CIRCLE_5);
  g_assert_cmpint (gr_life_circle_level_from_text (" 10 "), ==, GR_LIFE_CIRCLE_10);
  g_assert_cmpint (gr_life_circle_level_from_text ("五华区"), ==, GR_LIFE_CIRCLE_UNKNOWN);
  g_assert_cmpint (gr_life_circle_level_from_text ("十里河街道"), ==, GR_LIFE_CIRCLE_UNKNOWN);
  g_assert_cmpint (gr_life_circle_level_from_text ("2015年新区"), ==, GR_LIFE_CIRCLE_UNKNOWN);
}

/* Walking to a greenway: park gates on it do not stand for the whole
 * greenway, which is walked onto anywhere along it. */
static void
test_greenway_walking_gates (void)
{
  g_autoptr (GrProject) project = bureau_town (FALSE);
  g_autoptr (GError) error = NULL;
  GrIndicators without, with;
  GrCriteria   c;

  /* A path up through the west block from the greenway's path, joined
   * to it at (200, −500); multi-lines, as imports keep walking layers. */
  add (project, GR_ROLE_WALK,
       feature ("MULTILINESTRING ((200 -500,200 400))", NULL, "highway=footway", NAN));
  add (project, GR_ROLE_WALK,
       feature ("MULTILINESTRING ((-500 -500,200 -500))", NULL, "highway=footway", NAN));
  add (project, GR_ROLE_WALK,
       feature ("MULTILINESTRING ((200 -500,1500 -500))", NULL, "highway=footway", NAN));
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr (GrAnalysis) analysis = NULL;

      if (k == 1)
        add (project, GR_ROLE_ENTRANCES, feature ("MULTIPOINT ((390 -500))", "园门", NULL, NAN));
      gr_criteria_init_default (&c);
      c.walking = TRUE;
      analysis = gr_project_build_analysis (project, &c, NULL, &error);
      g_assert_no_error (error);
      gr_indicators_compute (k == 0 ? &without : &with, project, analysis, -1, GR_TARGETS_NONE);
    }
  g_test_message ("walking to the greenway: %.2f %% without the gate, %.2f %% with",
                  without.items[GR_IND_GREENWAY_SERVICE].value,
                  with.items[GR_IND_GREENWAY_SERVICE].value);
  g_assert_cmpfloat (without.items[GR_IND_GREENWAY_SERVICE].value, >, 0);
  g_assert_cmpfloat (with.items[GR_IND_GREENWAY_SERVICE].value, ==,
                     without.items[GR_IND_GREENWAY_SERVICE].value);
  gr_indicators_clear (&without);
  gr_indicators_clear (&with);
}

static void
test_target_sets (void)
{
  GrTargetSet set;

  for (guint i = 0; i < GR_N_TARGET_SETS; i++)
    {
      g_assert_true (gr_target_set_from_key (gr_target_set_get_key (i), &set));
      g_assert_cmpuint (set, ==, i);
    }
  g_assert_false (gr_target_set_from_key ("shanghai-2040", &set));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gr_gdal_init ();
  g_test_add_func ("/indicators/on-paper", test_on_paper);
  g_test_add_func ("/indicators/missing-inputs", test_missing_inputs);
  g_test_add_func ("/indicators/target-sets", test_target_sets);
  g_test_add_func ("/indicators/corridor-pinch", test_corridor_pinch);
  g_test_add_func ("/indicators/greenway-gap", test_greenway_gap);
  g_test_add_func ("/indicators/greenway-gap-cluster", test_greenway_gap_cluster);
  g_test_add_func ("/indicators/bureau", test_bureau_indicators);
  g_test_add_func ("/indicators/bureau-missing", test_bureau_missing);
  g_test_add_func ("/indicators/priority-areas", test_priority_areas);
  g_test_add_func ("/indicators/priority-clusters", test_priority_clusters);
  g_test_add_func ("/indicators/life-circle-levels", test_life_circle_levels);
  g_test_add_func ("/indicators/greenway-walking-gates", test_greenway_walking_gates);
  return g_test_run ();
}
