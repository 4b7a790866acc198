/* test-walking.c — walking coverage on real OpenStreetMap extracts, checked
 * against a brute-force reference written here: plain Dijkstra from every
 * attached home over the whole network, no bounds, no incremental tricks. */
#include "gr-evaluate.h"
#include "gr-import.h"
#include "gr-walk.h"

#include <math.h>
#include <string.h>

static GrProject *
import_osm (const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "osm", file, NULL);
  GrProject       *project = gr_project_import (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static GrCriteria
walking_criteria (void)
{
  GrCriteria c;

  gr_criteria_init_default (&c);
  c.walking = TRUE;
  return c;
}

/* ---- the reference ---------------------------------------------------------- */

typedef struct
{
  const GrNetwork *net;
  gint64          *dist;
} Reference;

/* Textbook Dijkstra, unbounded, from the two ends of a home's segment. */
static void
reference_dijkstra (Reference *ref, guint a, gint64 to_a, guint b, gint64 to_b)
{
  guint                n = gr_network_get_n_nodes (ref->net);
  g_autofree gboolean *done = g_new0 (gboolean, n);
  g_autoptr (GArray) frontier = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < n; i++)
    ref->dist[i] = G_MAXINT64;
  ref->dist[a] = MIN (ref->dist[a], to_a);
  ref->dist[b] = MIN (ref->dist[b], to_b);
  g_array_append_val (frontier, a);
  g_array_append_val (frontier, b);
  /* A linear scan of the frontier for its minimum: slow and obviously right. */
  while (frontier->len > 0)
    {
      guint          best = 0;
      guint32        u;
      const guint32 *adj;
      guint          n_adj;

      for (guint i = 1; i < frontier->len; i++)
        if (ref->dist[g_array_index (frontier, guint32, i)]
            < ref->dist[g_array_index (frontier, guint32, best)])
          best = i;
      u = g_array_index (frontier, guint32, best);
      g_array_remove_index_fast (frontier, best);
      if (done[u])
        continue;
      done[u] = TRUE;
      adj = gr_network_node_segments (ref->net, u, &n_adj);
      for (guint k = 0; k < n_adj; k++)
        {
          guint  s0, s1, v;
          gint64 d;

          gr_network_segment_nodes (ref->net, adj[k], &s0, &s1);
          v = s0 == u ? s1 : s0;
          d = ref->dist[u] + gr_network_segment_length (ref->net, adj[k]);
          if (!done[v] && d < ref->dist[v])
            {
              if (ref->dist[v] == G_MAXINT64)
                g_array_append_val (frontier, v);
              ref->dist[v] = d;
            }
        }
    }
}

typedef struct
{
  GArray *nodes; /* guint32 */
  GArray *mm;    /* gint64 */
  double  radius[GR_N_LAYERS];
} Feature;

/* Access by brute force: every node within the access distance. */
static void
reference_access (const GrNetwork *net, const GrPolygon *polygon, double access, Feature *f)
{
  for (guint n = 0; n < gr_network_get_n_nodes (net); n++)
    {
      double x, y, d;
      guint  deg;

      gr_network_node_segments (net, n, &deg);
      gr_network_node_position (net, n, &x, &y);
      d = gr_polygon_distance (polygon, x, y);
      if (deg > 0 && d <= access)
        {
          gint64 mm = gr_mm_ceil (d);
          g_array_append_val (f->nodes, n);
          g_array_append_val (f->mm, mm);
        }
    }
}

static void
reference_features (GrProject *project, const GrCriteria *c, const GrNetwork *net, GArray *features)
{
  const GrRole roles[] = { GR_ROLE_GREEN, GR_ROLE_PARK };

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      GrLayer *layer = project->layers[roles[r]];

      for (guint i = 0; layer != NULL && i < layer->features->len; i++)
        {
          GrFeature *pf = g_ptr_array_index (layer->features, i);
          g_autoptr (GrPolygon) polygon = gr_polygon_new_from_ogr (pf->geometry);
          double  area;
          Feature f = { g_array_new (FALSE, FALSE, sizeof (guint32)),
                        g_array_new (FALSE, FALSE, sizeof (gint64)),
                        { -1, -1, -1 } };
          double  service;

          if (polygon == NULL)
            continue;
          area = gr_polygon_area (polygon);
          service = roles[r] == GR_ROLE_PARK
                        ? gr_service_rules_radius (project->rules, area, pf->historic)
                        : 0;
          if (area >= c->green_min_area)
            f.radius[GR_LAYER_GREEN] = c->green_radius;
          if (roles[r] == GR_ROLE_PARK && area >= c->park_min_area)
            f.radius[GR_LAYER_PARK] = c->park_radius;
          if (service > 0)
            f.radius[GR_LAYER_SERVICE] = service;
          reference_access (net, polygon, c->access_distance, &f);
          g_array_append_val (features, f);
        }
    }
}

static void
feature_clear (gpointer data)
{
  Feature *f = data;

  g_array_unref (f->nodes);
  g_array_unref (f->mm);
}

static void
check_against_reference (const char *file, double resolution)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm (file);
  GrCriteria c = walking_criteria ();
  g_autoptr (GrAnalysis) analysis = NULL;
  g_autoptr (GArray) features = g_array_new (FALSE, FALSE, sizeof (Feature));
  GrWalk          *walk;
  GrCoverage      *coverage;
  const GrNetwork *net;
  Reference        ref;
  guint            mismatches = 0, covered = 0, n_att;

  c.resolution = resolution;
  g_array_set_clear_func (features, feature_clear);
  analysis = gr_project_build_analysis (project, &c, NULL, &error);
  g_assert_no_error (error);
  walk = gr_analysis_get_walk (analysis);
  coverage = gr_analysis_get_coverage (analysis);
  net = gr_walk_get_network (walk);
  reference_features (project, &c, net, features);
  ref.net = net;
  ref.dist = g_new (gint64, gr_network_get_n_nodes (net));
  n_att = gr_walk_get_n_attachments (walk);
  for (guint k = 0; k < n_att; k++)
    {
      guint  col, row, seg, a, b;
      gint64 to_a, to_b;

      gr_walk_get_attachment (walk, k, &col, &row, &seg, &to_a, &to_b);
      gr_network_segment_nodes (net, seg, &a, &b);
      reference_dijkstra (&ref, a, to_a, b, to_b);
      for (guint layer = 0; layer < GR_N_LAYERS; layer++)
        {
          guint count = 0, got;

          for (guint f = 0; f < features->len; f++)
            {
              Feature *ft = &g_array_index (features, Feature, f);
              gint64   best = G_MAXINT64;

              if (ft->radius[layer] < 0)
                continue;
              for (guint s = 0; s < ft->nodes->len; s++)
                {
                  gint64 d = ref.dist[g_array_index (ft->nodes, guint32, s)];
                  if (d != G_MAXINT64)
                    best = MIN (best, d + g_array_index (ft->mm, gint64, s));
                }
              count += best <= (gint64) floor (ft->radius[layer] * 1000 + 1e-6);
            }
          got = gr_coverage_cell_count_at (coverage, layer, col, row);
          mismatches += got != count;
          covered += count > 0;
        }
    }
  g_test_message ("%s: %u attached cells, %u network nodes, %u cell-layers covered, %u mismatches",
                  file, n_att, gr_network_get_n_nodes (net), covered, mismatches);
  g_assert_cmpuint (n_att, >, 500);
  g_assert_cmpuint (covered, >, 0);
  g_assert_cmpuint (mismatches, ==, 0);
  g_free (ref.dist);
}

static void
test_reference_monaco (void)
{
  check_against_reference ("monaco.osm.pbf", 5);
}

static void
test_reference_helsinki (void)
{
  check_against_reference ("helsinki-centre.osm.pbf", 5);
}

/* Brute-force nearest segments: the spatial buckets miss nothing. */
static void
test_attachments_are_nearest (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  GrCriteria c = walking_criteria ();
  g_autoptr (GrAnalysis) analysis = NULL;
  GrWalk          *walk;
  const GrNetwork *net;
  GrGrid          *grid;
  guint            checked = 0;

  c.resolution = 10;
  analysis = gr_project_build_analysis (project, &c, NULL, &error);
  g_assert_no_error (error);
  walk = gr_analysis_get_walk (analysis);
  net = gr_walk_get_network (walk);
  grid = gr_coverage_get_grid (gr_analysis_get_coverage (analysis));
  for (guint k = 0; k < gr_walk_get_n_attachments (walk); k += 3)
    {
      guint  col, row, seg;
      gint64 to_a, to_b;
      double x, y, best = INFINITY;

      gr_walk_get_attachment (walk, k, &col, &row, &seg, &to_a, &to_b);
      gr_grid_cell_center (grid, col, row, &x, &y);
      for (guint s = 0; s < gr_network_get_n_segments (net); s++)
        {
          guint  a, b;
          double ax, ay, bx, by, dx, dy, t, d;

          gr_network_segment_nodes (net, s, &a, &b);
          gr_network_node_position (net, a, &ax, &ay);
          gr_network_node_position (net, b, &bx, &by);
          dx = bx - ax, dy = by - ay;
          t = dx * dx + dy * dy > 0
                  ? CLAMP (((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy), 0, 1)
                  : 0;
          d = hypot (ax + t * dx - x, ay + t * dy - y);
          best = MIN (best, d);
        }
      /* The walk to the attached segment's nearer end exceeds the distance
       * to it by at most that segment's length. */
      g_assert_cmpfloat (MIN (to_a, to_b) / 1000.0, >=, best - 1e-6);
      g_assert_cmpfloat (MIN (to_a, to_b) / 1000.0, <=, best + GR_NETWORK_MAX_SEGMENT + 1e-3);
      g_assert_cmpfloat (best, <=, c.attach_distance);
      checked++;
    }
  g_assert_cmpuint (checked, >, 100);
}

typedef struct
{
  const char *file;
} Extract;

static const Extract extracts[] = {
  { "helsinki-centre.osm.pbf" },
  { "liechtenstein.osm.pbf" },
  { "monaco.osm.pbf" },
  { "north-bayreuth.osm.gz" },
  { "andorra" },
};

/* Walking distance is never shorter than the straight line, so walking
 * coverage can never exceed straight-line coverage. */
static void
test_walking_within_straight (gconstpointer data)
{
  const Extract *x = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_str_equal (x->file, "andorra")
                              ? g_strdup (g_getenv ("GREENREACH_SAMPLE"))
                              : g_test_build_filename (G_TEST_DIST, "data", "osm", x->file, NULL);
  g_autoptr (GrProject) project = gr_project_import (path, NULL, NULL, &error);
  GrCriteria   straight_c = walking_criteria (), walking_c = walking_criteria ();
  GrEvaluation straight, walking;

  g_assert_no_error (error);
  straight_c.walking = FALSE;
  g_assert_true (gr_project_evaluate (project, &straight_c, FALSE, &straight, &error));
  g_assert_true (gr_project_evaluate (project, &walking_c, FALSE, &walking, &error));
  g_assert_no_error (error);
  g_test_message ("%s: green %.4f → %.4f, park %.4f → %.4f, service %.4f → %.4f; network %u nodes, "
                  "%u components, %u dangling; %u unreachable; unattached %.0f m2",
                  x->file, straight.city.green.area_m2 / straight.city.residential.area_m2,
                  walking.city.green.area_m2 / walking.city.residential.area_m2,
                  straight.city.park.area_m2 / straight.city.residential.area_m2,
                  walking.city.park.area_m2 / walking.city.residential.area_m2,
                  straight.city.service.area_m2 / straight.city.residential.area_m2,
                  walking.city.service.area_m2 / walking.city.residential.area_m2,
                  walking.network.nodes, walking.network.components, walking.network.dangling_ends,
                  walking.unreachable->len, walking.unattached.area_m2);
  g_assert_cmpfloat (walking.city.green.area_m2, <=, straight.city.green.area_m2);
  g_assert_cmpfloat (walking.city.park.area_m2, <=, straight.city.park.area_m2);
  g_assert_cmpfloat (walking.city.both.area_m2, <=, straight.city.both.area_m2);
  g_assert_cmpfloat (walking.city.service.area_m2, <=, straight.city.service.area_m2);
  g_assert_cmpfloat (walking.city.neither.area_m2, >=, straight.city.neither.area_m2);
  g_assert_cmpfloat (walking.city.residential.area_m2, ==, straight.city.residential.area_m2);
  g_assert_cmpfloat (walking.city.green.area_m2, >, 0);
  g_assert_cmpuint (walking.network.nodes, >, 1000);
  for (guint z = 0; z < walking.zones->len; z++)
    g_assert_cmpfloat (g_array_index (walking.zones, GrSummary, z).green.area_m2, <=,
                       g_array_index (straight.zones, GrSummary, z).green.area_m2);
  gr_evaluation_clear (&straight);
  gr_evaluation_clear (&walking);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gr_gdal_init ();
  g_test_add_func ("/walking/reference/monaco", test_reference_monaco);
  g_test_add_func ("/walking/reference/helsinki-centre", test_reference_helsinki);
  g_test_add_func ("/walking/attachments-are-nearest", test_attachments_are_nearest);
  for (guint i = 0; i < G_N_ELEMENTS (extracts); i++)
    {
      g_autofree char *name = g_strndup (extracts[i].file, strcspn (extracts[i].file, "."));
      g_autofree char *path = g_strdup_printf ("/walking/within-straight/%s", name);
      g_test_add_data_func (path, &extracts[i], test_walking_within_straight);
    }
  return g_test_run ();
}
