/* test-polygon.c — polygons: area, containment, distance and row spans */
#include "gr-analysis.h"
#include "gr-test-main.h"

#include <math.h>

static void
test_polygon_area (void)
{
  /* A 100 m square with a 20 m square hole, rings in any orientation. */
  const double xy[] = { 0, 0, 100, 0, 100, 100, 0, 100, 40, 40, 60, 40, 60, 60, 40, 60 };
  const guint  ends[] = { 4, 8 };
  g_autoptr (GrPolygon) p = gr_polygon_new (xy, 8, ends, 2);

  g_assert_cmpfloat_with_epsilon (gr_polygon_area (p), 10000 - 400, 1e-9);
  g_assert_true (gr_polygon_contains (p, 10, 10));
  g_assert_false (gr_polygon_contains (p, 50, 50));
  g_assert_cmpfloat_with_epsilon (gr_polygon_distance (p, 50, 50), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (gr_polygon_distance (p, 103, 104), 5, 1e-9);
}

static void
test_row_spans (void)
{
  g_autoptr (GrPolygon) p = gr_polygon_new_rect (0, 0, 100, 100);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  GrSpan *s;

  /* Through the middle: the square widened by the radius on both sides. */
  gr_polygon_row_spans (p, 50, 30, spans);
  g_assert_cmpuint (spans->len, ==, 1);
  s = &g_array_index (spans, GrSpan, 0);
  g_assert_cmpfloat_with_epsilon (s->x0, -30, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->x1, 130, 1e-9);
  /* 18 m above the top: the rounded corners, √(30² − 18²) = 24 beyond. */
  gr_polygon_row_spans (p, 118, 30, spans);
  s = &g_array_index (spans, GrSpan, 0);
  g_assert_cmpfloat_with_epsilon (s->x0, -24, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->x1, 124, 1e-9);
  gr_polygon_row_spans (p, 131, 30, spans);
  g_assert_cmpuint (spans->len, ==, 0);
  /* Interior only, a diagonal edge of a triangle. */
  {
    const double tri[] = { 0, 0, 100, 0, 0, 100 };
    const guint  end = 3;
    g_autoptr (GrPolygon) t = gr_polygon_new (tri, 3, &end, 1);

    gr_polygon_row_spans (t, 25, 0, spans);
    s = &g_array_index (spans, GrSpan, 0);
    g_assert_cmpfloat_with_epsilon (s->x0, 0, 1e-9);
    g_assert_cmpfloat_with_epsilon (s->x1, 75, 1e-9);
  }
}

/* A ring of @n points around (cx, cy), its radius wobbling, into @xy. */
static void
add_ring (GArray *xy, GRand *rand, double cx, double cy, double r, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      double a = 2 * G_PI * i / n;
      double d = r * g_rand_double_range (rand, 0.55, 1.0);
      double p[2] = { cx + d * cos (a), cy + d * sin (a) };

      /* Now and then a point on the row grid or a horizontal edge. */
      if (i % 7 == 3)
        p[1] = floor (p[1]) + 0.5;
      if (i % 11 == 5 && i > 0)
        p[1] = g_array_index (xy, double, xy->len - 1);
      g_array_append_vals (xy, p, 2);
    }
}

/* Rows swept in order give what each row asks alone gives, to the bit:
 * polygons with holes and several parts, rows on vertices and along
 * horizontal edges, with and without a service radius. */
static void
test_scan_matches_rows (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261206);
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  const double radii[] = { 0, 0.5, 30, 300 };
  guint        rows = 0;

  for (guint shape = 0; shape < 40; shape++)
    {
      g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
      guint ends[3];
      guint n_rings = 1 + shape % 3;
      g_autoptr (GrPolygon) polygon = NULL;
      double bounds[4];

      add_ring (xy, rand, 0, 0, 200, 5 + g_rand_int_range (rand, 0, 300));
      ends[0] = xy->len / 2;
      if (n_rings > 1) /* a hole */
        add_ring (xy, rand, 10, -5, 60, 4 + g_rand_int_range (rand, 0, 40));
      ends[1] = xy->len / 2;
      if (n_rings > 2) /* another part, overlapping the first's band */
        add_ring (xy, rand, 420, 90, 150, 3 + g_rand_int_range (rand, 0, 60));
      ends[2] = xy->len / 2;
      polygon = gr_polygon_new ((double *) xy->data, xy->len / 2, ends, n_rings);
      gr_polygon_bounds (polygon, bounds);
      for (guint k = 0; k < G_N_ELEMENTS (radii); k++)
        {
          g_autoptr (GrPolygonScan) scan = gr_polygon_scan_new (polygon, radii[k]);

          for (double y = bounds[1] - radii[k] - 2; y <= bounds[3] + radii[k] + 2; y += 0.5)
            {
              gr_polygon_row_spans (polygon, y, radii[k], a);
              gr_polygon_scan_row (scan, y, b);
              g_assert_cmpuint (a->len, ==, b->len);
              g_assert_cmpmem (a->data, a->len * sizeof (GrSpan), b->data,
                               b->len * sizeof (GrSpan));
              rows++;
            }
        }
    }
  g_assert_cmpuint (rows, >, 10000);
}

static gboolean
in_spans (GArray *spans, double x)
{
  for (guint k = 0; k < spans->len; k++)
    if (g_array_index (spans, GrSpan, k).x0 <= x && x <= g_array_index (spans, GrSpan, k).x1)
      return TRUE;
  return FALSE;
}

/* With a window, the spans cover the same points inside the window's
 * ranges as without; the window changes every 40 rows, as a grid's bands. */
static void
test_scan_window (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (61206);
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  guint points = 0, inside = 0;

  for (guint shape = 0; shape < 30; shape++)
    {
      g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
      guint ends[2];
      g_autoptr (GrPolygon) polygon = NULL;
      double bounds[4], radius = shape % 3 == 0 ? 0 : 20.0 * (shape % 7);
      g_autoptr (GrPolygonScan) full = NULL;
      g_autoptr (GrPolygonScan) windowed = NULL;
      GrSpan window[4];
      guint  rows = 0, n_window = 0;

      add_ring (xy, rand, 0, 0, 300, 5 + g_rand_int_range (rand, 0, 400));
      ends[0] = xy->len / 2;
      add_ring (xy, rand, 350, 120, 120, 3 + g_rand_int_range (rand, 0, 80));
      ends[1] = xy->len / 2;
      polygon = gr_polygon_new ((double *) xy->data, xy->len / 2, ends, 2);
      gr_polygon_bounds (polygon, bounds);
      full = gr_polygon_scan_new (polygon, radius);
      windowed = gr_polygon_scan_new (polygon, radius);
      for (double y = bounds[1] - radius - 2; y <= bounds[3] + radius + 2; y += 1.25, rows++)
        {
          if (rows % 40 == 0)
            {
              double x = bounds[0] - radius - 50;

              n_window = g_rand_int_range (rand, 0, 5);
              for (guint k = 0; k < n_window; k++)
                {
                  window[k].x0 = x + g_rand_double_range (rand, 1, 150);
                  window[k].x1 = window[k].x0 + g_rand_double_range (rand, 1, 120);
                  x = window[k].x1;
                }
              gr_polygon_scan_set_window (windowed, window, n_window);
            }
          gr_polygon_scan_row (full, y, a);
          gr_polygon_scan_row (windowed, y, b);
          for (guint k = 0; k < n_window; k++)
            for (double x = window[k].x0; x <= window[k].x1; x += 0.7)
              {
                gboolean want = in_spans (a, x);

                g_assert_true (want == in_spans (b, x));
                inside += want;
                points++;
              }
        }
    }
  g_assert_cmpuint (points, >, 100000);
  g_assert_cmpuint (inside, >, 10000);
}

GR_TEST_MAIN (NULL,
              { "/analysis/polygon/area", test_polygon_area },
              { "/analysis/polygon/row-spans", test_row_spans },
              { "/analysis/polygon/scan-matches-rows", test_scan_matches_rows },
              { "/analysis/polygon/scan-window", test_scan_window })
