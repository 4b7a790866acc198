/* test-walk.c — coverage by walking along a street network: its graph,
 * attaching homes and parks, gates, and edits */
#include "gr-test-analysis.h"
#include "gr-test-main.h"
#include "gr-walk.h"

#include <math.h>

static void
test_walking_along_street (void)
{
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  /* 1 ha park touching the street at its west end (access distance 0). */
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-100, -100, 0, 0);
  GrSummary s;

  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, park, TRUE, FALSE);
  gr_analysis_summarize (a, -1, &s);
  /* The cell centred at (x, 12.5) / (x, 17.5) walks 12.5 / 17.5 m to the
   * street, then x along it: covered while x + off ≤ R. Cells are 5 m. */
  g_assert_cmpfloat_with_epsilon (s.green.area_m2, (290.0 + 285.0) * 5, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.park.area_m2, (490.0 + 485.0) * 5, 1e-6);
  g_assert_true (gr_analysis_supply_is_reachable (a, 1));
}

/* From a point beside the street: the step to it, then along it. */
static void
test_walking_distance_at (void)
{
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (-100, -100, 0, 0);
  g_autoptr (GrPolygon) far = gr_polygon_new_rect (2000, -100, 2100, 0);

  gr_analysis_finish_demand (a);
  gr_analysis_add_supply (a, park, TRUE, FALSE);
  /* 12.5 m to the street, 300 m along it, in at the corner node. */
  g_assert_cmpfloat_with_epsilon (gr_analysis_walk_distance (a, 300, 12.5, GR_LAYER_PARK, 2000),
                                  312.5, 1e-3);
  g_assert_true (isinf (gr_analysis_walk_distance (a, 300, 12.5, GR_LAYER_PARK, 200)));
  /* Off the network: 80 m from any path, beyond the attach distance. */
  g_assert_true (isinf (gr_analysis_walk_distance (a, 300, 80, GR_LAYER_PARK, 2000)));
  /* An edit is seen: removing the park leaves nothing in reach. */
  gr_analysis_remove_supply (a, 1);
  g_assert_true (isinf (gr_analysis_walk_distance (a, 300, 12.5, GR_LAYER_PARK, 2000)));
  /* A park off the network's end is not reached either. */
  gr_analysis_add_supply (a, far, TRUE, FALSE);
  g_assert_true (isinf (gr_analysis_walk_distance (a, 300, 12.5, GR_LAYER_GREEN, 5000)));
}

/* Between two points: each end's step to the street and the street
 * between; off the network or past the limit, nothing. */
static void
test_walking_between (void)
{
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  GrWalk *walk;

  gr_analysis_finish_demand (a);
  walk = gr_analysis_get_walk (a);
  g_assert_nonnull (walk);
  /* 12.5 m down to the street, 700 m along it, 7.5 m up. */
  g_assert_cmpint (gr_walk_between (walk, 100, 12.5, 800, 7.5, 5000), ==, 720000);
  g_assert_cmpint (gr_walk_between (walk, 800, 7.5, 100, 12.5, 5000), ==, 720000);
  g_assert_cmpint (gr_walk_between (walk, 100, 12.5, 800, 7.5, 500), ==, -1);
  g_assert_cmpint (gr_walk_between (walk, 100, 80, 800, 7.5, 5000), ==, -1);
  g_assert_cmpint (gr_walk_between (walk, 100, 12.5, 800, 80, 5000), ==, -1);
}

static void
test_walking_bridge (void)
{
  /* The homes' street runs north–south under a bridge at x = 500; the park
   * sits on the bridge road, 100 m north. Without a shared vertex the
   * bridge does not meet the street. */
  const double under[] = { 0, 0, 1000, 0 };
  const double bridge[] = { 500, -300, 500, 300 };
  const double under_joined[] = { 0, 0, 500, 0, 1000, 0 };
  const double joined[] = { 500, -300, 500, 0, 500, 300 };
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (480, 100, 520, 200);
  GrNetwork *apart = gr_network_new (), *crossing = gr_network_new ();
  g_autoptr (GrAnalysis) a = NULL;
  g_autoptr (GrAnalysis) b = NULL;
  GrSummary sa, sb;

  gr_network_add_line (apart, under, 2);
  gr_network_add_line (apart, bridge, 2);
  gr_network_add_line (crossing, under_joined, 3);
  gr_network_add_line (crossing, joined, 3);
  a = walking_strip (apart, 50);
  b = walking_strip (crossing, 50);
  gr_analysis_finish_demand (a);
  gr_analysis_finish_demand (b);
  gr_analysis_add_supply (a, park, FALSE, FALSE);
  gr_analysis_add_supply (b, park, FALSE, FALSE);
  gr_analysis_summarize (a, -1, &sa);
  gr_analysis_summarize (b, -1, &sb);
  /* Apart: only the ten cells nearer the bridge road than the street
   * (|x − 500| < their 12.5 / 17.5 m offset) attach to it and are served. */
  g_assert_cmpfloat_with_epsilon (sa.green.area_m2, 10 * 25, 1e-6);
  /* Joined: 100 m down the road, then |x − 500| ≤ 300 − 100 − off along
   * the street: 76 cells at 12.5 m off, 74 at 17.5 m. */
  g_assert_cmpfloat_with_epsilon (sb.green.area_m2, (76 + 74) * 25, 1e-6);
}

static void
test_walking_snap_and_stats (void)
{
  const double west[] = { 0, 0, 497, 0 };
  const double east[] = { 500, 0, 1000, 0 };
  const double island[] = { 0, 500, 100, 500 };
  g_autoptr (GrNetwork) loose = gr_network_new ();
  g_autoptr (GrNetwork) snapped = gr_network_new ();
  GrNetworkStats s1, s2;

  gr_network_add_line (loose, west, 2);
  gr_network_add_line (loose, east, 2);
  gr_network_add_line (loose, island, 2);
  gr_network_add_line (snapped, west, 2);
  gr_network_add_line (snapped, east, 2);
  gr_network_add_line (snapped, island, 2);
  gr_network_finish (loose, 0);
  gr_network_finish (snapped, 5);
  gr_network_get_stats (loose, &s1);
  gr_network_get_stats (snapped, &s2);
  g_assert_cmpuint (s1.components, ==, 3);
  g_assert_cmpuint (s1.dangling_ends, ==, 6);
  g_assert_cmpuint (s1.snapped, ==, 0);
  /* 497 → 500 is 3 m: joined (both ends snap, to each other). */
  g_assert_cmpuint (s2.components, ==, 2);
  g_assert_cmpuint (s2.snapped, >=, 1);
  g_assert_cmpuint (s2.dangling_ends, ==, 4);
  /* Long pieces are split to at most 20 m: 497 m → 25 segments. */
  g_assert_cmpuint (s1.edges, ==, 25 + 25 + 5);
}

static GrPolygon *
pocket (double x, double y)
{
  return gr_polygon_new_rect (x, y, x + 30, y + 30);
}

static void
test_walking_add_remove_order (void)
{
  const double sites[][2] = { { 100, -40 }, { 700, -35 }, { 300, 25 }, { 900, 21 }, { 480, -60 } };
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  g_autoptr (GrAnalysis) b = walking_strip (street (), 50);
  g_autoptr (GPtrArray) parks = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  GrSummary empty, all_a, all_b, after;
  guint     ids[G_N_ELEMENTS (sites)];

  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    g_ptr_array_add (parks, pocket (sites[i][0], sites[i][1]));
  gr_analysis_finish_demand (a);
  gr_analysis_finish_demand (b);
  gr_analysis_summarize (a, -1, &empty);
  for (guint i = 0; i < parks->len; i++)
    ids[i] = gr_analysis_add_supply (a, g_ptr_array_index (parks, i), TRUE, FALSE);
  /* The same features in another order. */
  for (guint i = parks->len; i-- > 0;)
    gr_analysis_add_supply (b, g_ptr_array_index (parks, (i * 3) % parks->len), TRUE, FALSE);
  gr_analysis_summarize (a, -1, &all_a);
  gr_analysis_summarize (b, -1, &all_b);
  assert_same (&all_a, &all_b);
  /* And all at once, the reaches computed on two threads. */
  {
    g_autoptr (GrAnalysis) c = walking_strip (street (), 50);
    const gboolean parks_flag[] = { TRUE, TRUE, TRUE, TRUE, TRUE };
    guint          batch_ids[G_N_ELEMENTS (sites)];
    GrSummary      all_c;

    gr_analysis_finish_demand (c);
    gr_analysis_add_supplies (c, (const GrPolygon *const *) parks->pdata, parks_flag, NULL,
                              parks->len, batch_ids);
    gr_analysis_summarize (c, -1, &all_c);
    assert_same (&all_a, &all_c);
    g_assert_false (gr_analysis_supply_is_reachable (c, batch_ids[4]));
    g_assert_true (gr_analysis_supply_is_reachable (c, batch_ids[0]));
    for (guint i = 0; i < parks->len; i++)
      gr_analysis_remove_supply (c, batch_ids[i]);
    gr_analysis_summarize (c, -1, &all_c);
    assert_same (&empty, &all_c);
  }
  g_assert_cmpfloat (all_a.green.area_m2, >, 0);
  /* The one 60 m off the street is out of access reach. */
  g_assert_false (gr_analysis_supply_is_reachable (a, ids[4]));
  for (guint i = 0; i < parks->len; i++)
    gr_analysis_remove_supply (a, ids[i]);
  gr_analysis_summarize (a, -1, &after);
  assert_same (&empty, &after);
}

static void
test_walking_replace (void)
{
  g_autoptr (GrAnalysis) a = walking_strip (street (), 50);
  g_autoptr (GrPolygon) here = pocket (100, -40);
  g_autoptr (GrPolygon) there = pocket (600, -40);
  GrSummary moved, fresh;
  guint     id;

  gr_analysis_finish_demand (a);
  id = gr_analysis_add_supply (a, here, FALSE, FALSE);
  g_assert_true (gr_analysis_replace_supply (a, id, there));
  gr_analysis_summarize (a, -1, &moved);
  gr_analysis_remove_supply (a, id);
  gr_analysis_add_supply (a, there, FALSE, FALSE);
  gr_analysis_summarize (a, -1, &fresh);
  assert_same (&moved, &fresh);
}

static void
test_walking_unattached (void)
{
  /* Homes 10–20 m off the street; an attach distance of 15 m leaves the
   * cells centred 17.5 m away unattached: half the strip. */
  g_autoptr (GrAnalysis) a = walking_strip (street (), 15);
  GrAmount lost;

  gr_analysis_finish_demand (a);
  lost = gr_analysis_get_unattached (a);
  g_assert_cmpfloat_with_epsilon (lost.area_m2, 1000 * 5, 1e-6);
}

/* The same distance from (x, y) to segment s as the network measures. */
static double
distance2_to (const GrNetwork *net, guint s, double x, double y)
{
  guint  a, b;
  double ax, ay, bx, by, dx, dy, len2, t, ex, ey;

  gr_network_segment_nodes (net, s, &a, &b);
  gr_network_node_position (net, a, &ax, &ay);
  gr_network_node_position (net, b, &bx, &by);
  dx = bx - ax, dy = by - ay;
  len2 = dx * dx + dy * dy;
  t = len2 > 0 ? CLAMP (((x - ax) * dx + (y - ay) * dy) / len2, 0, 1) : 0;
  ex = ax + t * dx - x, ey = ay + t * dy - y;
  return ex * ex + ey * ey;
}

/* Homes are attached a square of cells at a time, from the few segments
 * that can be nearest to the square: every cell must get what its own
 * search of the whole network gives (the segment, ties to the lower id, the
 * distances), in grid order within a segment, and the same cells must be
 * left out of reach. Streets 45 m apart put cells midway between two, the
 * 20 m pieces put cells level with a node between two, and random lines in
 * the sparse east leave squares partly beyond the attach distance. */
static void
check_attach_by_block (double ox, double oy)
{
  const double bounds[4] = { ox, oy, ox + 1000, oy + 800 };
  const double attach = 30;
  GrCriteria   c = criteria ();
  g_autoptr (GrServiceRules) rules = gr_service_rules_new_default ();
  g_autoptr (GrPolygon) land = gr_polygon_new_rect (ox, oy, ox + 1000, oy + 800);
  g_autoptr (GrAnalysis) a = gr_analysis_new (&c, rules, bounds, 0, NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20);
  g_autoptr (GHashTable) expected = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GrNetwork       *network = gr_network_new ();
  const GrNetwork *net;
  GrGrid          *grid;
  double           x0, y0, lost_m2 = 0;
  guint            ntx, nty, ties = 0, n_att, last_seg = G_MAXUINT;
  guint64          last_key = 0;

  for (guint k = 0; k < 10; k++)
    {
      double xy[] = { ox + 2.5 + 45 * k, oy, ox + 2.5 + 45 * k, oy + 800 };
      gr_network_add_line (network, xy, 2);
    }
  for (guint k = 0; k < 8; k++)
    {
      double xy[] = { ox, oy + 2.5 + 45 * k, ox + 450, oy + 2.5 + 45 * k };
      gr_network_add_line (network, xy, 2);
    }
  for (guint k = 0; k < 25; k++)
    {
      double xy[8];
      for (guint i = 0; i < 8; i += 2)
        xy[i] = ox + g_rand_double_range (rand, 500, 1000),
        xy[i + 1] = oy + g_rand_double_range (rand, 0, 800);
      gr_network_add_line (network, xy, 2 + k % 3);
    }
  gr_analysis_add_residential (a, land);
  gr_network_finish (network, 0);
  gr_analysis_set_network (a, network, attach, 20);
  gr_analysis_finish_demand (a);
  net = gr_walk_get_network (gr_analysis_get_walk (a));
  grid = gr_coverage_get_grid (gr_analysis_get_coverage (a));
  gr_grid_get_layout (grid, &x0, &y0, &ntx, &nty);
  for (guint row = 0; row < nty * GR_GRID_TILE_SIZE; row++)
    for (guint col = 0; col < ntx * GR_GRID_TILE_SIZE; col++)
      {
        double        x, y, best = INFINITY;
        guint         n_best = 0;
        GrNetworkHit *hit = g_new (GrNetworkHit, 1);

        gr_grid_cell_center (grid, col, row, &x, &y);
        if (gr_grid_cell_area (grid, x, y) == 0)
          {
            g_free (hit);
            continue;
          }
        for (guint s = 0; s < gr_network_get_n_segments (net); s++)
          {
            double d2 = distance2_to (net, s, x, y);
            n_best = d2 < best ? 1 : n_best + (d2 == best);
            best = MIN (best, d2);
          }
        ties += n_best > 1 && sqrt (best) <= attach;
        if (gr_network_nearest_segment (net, x, y, attach, G_MAXUINT32, hit))
          g_hash_table_insert (expected, GUINT_TO_POINTER (row * ntx * GR_GRID_TILE_SIZE + col + 1),
                               hit);
        else
          {
            g_assert_cmpfloat (sqrt (best), >, attach);
            lost_m2 += gr_grid_cell_area (grid, x, y);
            g_free (hit);
          }
      }
  n_att = gr_walk_get_n_attachments (gr_analysis_get_walk (a));
  g_test_message ("%u attached, %.0f m2 out of reach, %u ties", n_att, lost_m2, ties);
  g_assert_cmpuint (ties, >, 100);
  g_assert_cmpfloat (lost_m2, >, 1000);
  g_assert_cmpuint (n_att, ==, g_hash_table_size (expected));
  for (guint k = 0; k < n_att; k++)
    {
      guint         col, row, seg;
      gint64        to_a, to_b;
      guint64       key;
      GrNetworkHit *hit;

      gr_walk_get_attachment (gr_analysis_get_walk (a), k, &col, &row, &seg, &to_a, &to_b);
      hit = g_hash_table_lookup (expected,
                                 GUINT_TO_POINTER (row * ntx * GR_GRID_TILE_SIZE + col + 1));
      g_assert_nonnull (hit);
      g_assert_cmpuint (seg, ==, hit->segment);
      g_assert_cmpint (to_a, ==, hit->to_a);
      g_assert_cmpint (to_b, ==, hit->to_b);
      /* Tile by tile, row by row within a tile. */
      key = ((guint64) (row / GR_GRID_TILE_SIZE) * ntx + col / GR_GRID_TILE_SIZE)
                * GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE
            + (row % GR_GRID_TILE_SIZE) * GR_GRID_TILE_SIZE + col % GR_GRID_TILE_SIZE;
      if (seg == last_seg)
        g_assert_cmpuint (key, >, last_key);
      last_seg = seg, last_key = key;
    }
  g_assert_cmpfloat_with_epsilon (gr_analysis_get_unattached (a).area_m2, lost_m2, 1e-6);
}

/* Near the origin, and where projected coordinates lie (UTM, Gauss-Krüger
 * without the zone), where rounding in the distances is a million times
 * coarser. */
static void
test_walking_attach_by_block (void)
{
  check_attach_by_block (0, 0);
  check_attach_by_block (500000, 4400000);
}

static void
test_walking_entrance (void)
{
  /* A park beside the street at x = 500–600, but its only gate is at the
   * east end: the walk goes round to x = 600. */
  g_autoptr (GrAnalysis) open = walking_strip (street (), 50);
  g_autoptr (GrAnalysis) gated = walking_strip (street (), 50);
  g_autoptr (GrPolygon) park = gr_polygon_new_rect (500, -60, 600, 0);
  GrSummary so, sg;

  gr_analysis_add_entrance (gated, 600, -1);
  gr_analysis_finish_demand (open);
  gr_analysis_finish_demand (gated);
  gr_analysis_add_supply (open, park, FALSE, FALSE);
  gr_analysis_add_supply (gated, park, FALSE, FALSE);
  gr_analysis_summarize (open, -1, &so);
  gr_analysis_summarize (gated, -1, &sg);
  /* Open: 100 m of frontage plus 300 m each way. Gated: 300 m each way of x = 600. */
  g_assert_cmpfloat (sg.green.area_m2, <, so.green.area_m2);
  /* The gate sits 1 m off the path: up to a cell more per row and side. */
  g_assert_cmpfloat_with_epsilon (so.green.area_m2 - sg.green.area_m2, 100 * 10, 5 * 25);
}

GR_TEST_MAIN (NULL,
              { "/analysis/walking/along-street", test_walking_along_street },
              { "/analysis/walking/bridge", test_walking_bridge },
              { "/analysis/walking/snap-and-stats", test_walking_snap_and_stats },
              { "/analysis/walking/add-remove-order", test_walking_add_remove_order },
              { "/analysis/walking/replace", test_walking_replace },
              { "/analysis/walking/unattached", test_walking_unattached },
              { "/analysis/walking/attach-by-block", test_walking_attach_by_block },
              { "/analysis/walking/entrance", test_walking_entrance },
              { "/analysis/walking/distance-at", test_walking_distance_at },
              { "/analysis/walking/between", test_walking_between })
