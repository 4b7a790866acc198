/* test-polygon.c — polygons: area, containment, distance and row spans */
#include "gr-analysis.h"
#include "gr-test-main.h"

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

GR_TEST_MAIN (NULL,
              { "/analysis/polygon/area", test_polygon_area },
              { "/analysis/polygon/row-spans", test_row_spans })
