/* gr-polygon.c — polygons as plain coordinate arrays */
#include "gr-polygon.h"

#include <math.h>
#include <string.h>

GrPolygon *
gr_polygon_new (const double *xy, guint n_points, const guint *ring_ends, guint n_rings)
{
  GrPolygon *polygon;

  g_return_val_if_fail (xy != NULL || n_points == 0, NULL);
  g_return_val_if_fail (n_rings == 0 || ring_ends[n_rings - 1] == n_points, NULL);

  polygon = g_new0 (GrPolygon, 1);
  polygon->xy = g_memdup2 (xy, sizeof (double) * 2 * n_points);
  polygon->n_points = n_points;
  polygon->ring_ends = g_memdup2 (ring_ends, sizeof (guint) * n_rings);
  polygon->n_rings = n_rings;
  return polygon;
}

GrPolygon *
gr_polygon_new_rect (double x0, double y0, double x1, double y1)
{
  const double xy[] = { x0, y0, x1, y0, x1, y1, x0, y1 };
  const guint  end = 4;

  return gr_polygon_new (xy, 4, &end, 1);
}

GrPolygon *
gr_polygon_copy (const GrPolygon *polygon)
{
  return gr_polygon_new (polygon->xy, polygon->n_points, polygon->ring_ends, polygon->n_rings);
}

void
gr_polygon_free (GrPolygon *polygon)
{
  if (polygon == NULL)
    return;
  g_free (polygon->xy);
  g_free (polygon->ring_ends);
  g_free (polygon);
}

void
gr_polygon_translate (GrPolygon *polygon, double dx, double dy)
{
  for (guint i = 0; i < polygon->n_points; i++)
    {
      polygon->xy[2 * i] += dx;
      polygon->xy[2 * i + 1] += dy;
    }
}

void
gr_polygon_bounds (const GrPolygon *polygon, double bounds[4])
{
  gr_bounds_clear (bounds);
  for (guint i = 0; i < polygon->n_points; i++)
    {
      const double point[4] = { polygon->xy[2 * i], polygon->xy[2 * i + 1], polygon->xy[2 * i],
                                polygon->xy[2 * i + 1] };
      gr_bounds_union (bounds, point);
    }
}

/* An empty box: the union with it of any box is that box. */
void
gr_bounds_clear (double bounds[4])
{
  bounds[0] = bounds[1] = INFINITY;
  bounds[2] = bounds[3] = -INFINITY;
}

void
gr_bounds_union (double into[4], const double bounds[4])
{
  into[0] = MIN (into[0], bounds[0]);
  into[1] = MIN (into[1], bounds[1]);
  into[2] = MAX (into[2], bounds[2]);
  into[3] = MAX (into[3], bounds[3]);
}

static guint
ring_start (const GrPolygon *polygon, guint ring)
{
  return ring == 0 ? 0 : polygon->ring_ends[ring - 1];
}

static double
ring_signed_area (const GrPolygon *polygon, guint ring)
{
  guint  start = ring_start (polygon, ring);
  guint  end = polygon->ring_ends[ring];
  double sum = 0;

  for (guint i = start; i < end; i++)
    {
      guint j = (i + 1 < end) ? i + 1 : start;
      sum +=
          polygon->xy[2 * i] * polygon->xy[2 * j + 1] - polygon->xy[2 * j] * polygon->xy[2 * i + 1];
    }
  return sum / 2;
}

static gboolean
ring_contains (const GrPolygon *polygon, guint ring, double x, double y)
{
  guint    start = ring_start (polygon, ring);
  guint    end = polygon->ring_ends[ring];
  gboolean inside = FALSE;

  for (guint i = start; i < end; i++)
    {
      guint  j = (i + 1 < end) ? i + 1 : start;
      double xi = polygon->xy[2 * i], yi = polygon->xy[2 * i + 1];
      double xj = polygon->xy[2 * j], yj = polygon->xy[2 * j + 1];

      if ((yi > y) != (yj > y) && x < xi + (y - yi) * (xj - xi) / (yj - yi))
        inside = !inside;
    }
  return inside;
}

/* Even-odd fill: a ring nested inside an odd number of other rings is a hole,
 * whatever its orientation, so the data need not follow a winding convention. */
double
gr_polygon_area (const GrPolygon *polygon)
{
  double area = 0;

  for (guint r = 0; r < polygon->n_rings; r++)
    {
      guint first = ring_start (polygon, r);
      guint depth = 0;

      if (polygon->ring_ends[r] - first < 3)
        continue;
      for (guint o = 0; o < polygon->n_rings; o++)
        if (o != r
            && ring_contains (polygon, o, polygon->xy[2 * first], polygon->xy[2 * first + 1]))
          depth++;
      area += (depth % 2 ? -1 : 1) * fabs (ring_signed_area (polygon, r));
    }
  return area;
}

gboolean
gr_polygon_contains (const GrPolygon *polygon, double x, double y)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < polygon->n_rings; r++)
    if (ring_contains (polygon, r, x, y))
      inside = !inside;
  return inside;
}

static double
segment_distance2 (double px, double py, double ax, double ay, double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  dx = ax + t * dx - px;
  dy = ay + t * dy - py;
  return dx * dx + dy * dy;
}

/* Distance from a point to the polygon: 0 inside, else to the nearest edge. */
double
gr_polygon_distance (const GrPolygon *polygon, double x, double y)
{
  double best = INFINITY;

  if (gr_polygon_contains (polygon, x, y))
    return 0;
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      guint start = ring_start (polygon, r);
      guint end = polygon->ring_ends[r];

      for (guint i = start; i < end; i++)
        {
          guint j = (i + 1 < end) ? i + 1 : start;
          best = MIN (best, segment_distance2 (x, y, polygon->xy[2 * i], polygon->xy[2 * i + 1],
                                               polygon->xy[2 * j], polygon->xy[2 * j + 1]));
        }
    }
  return sqrt (best);
}

/* Intersects [lo, hi] with { x : c0 <= a x + b <= c1 }, b already folded
 * into c0, c1. Inline: it runs for every edge near every row. */
static inline G_ALWAYS_INLINE void
narrow (double *lo, double *hi, double a, double c0, double c1)
{
  if (fabs (a) < 1e-12)
    {
      if (c0 > 0 || c1 < 0)
        *lo = INFINITY;
      return;
    }
  if (a > 0)
    {
      *lo = MAX (*lo, c0 / a);
      *hi = MIN (*hi, c1 / a);
    }
  else
    {
      *lo = MAX (*lo, c1 / a);
      *hi = MIN (*hi, c0 / a);
    }
}

/* The points of line y within radius of segment a–b form one interval
 * (the capsule is convex): the hull of the two end-disc chords and the
 * chord of the rectangle swept along the segment. @ux, @uy: the unit
 * vector from a to b, @len the segment's length (unit_of()). */
static inline G_ALWAYS_INLINE gboolean
capsule_span_unit (double  ax,
                   double  ay,
                   double  bx,
                   double  by,
                   double  ux,
                   double  uy,
                   double  len,
                   double  y,
                   double  radius,
                   GrSpan *span)
{
  double lo = INFINITY, hi = -INFINITY;
  double ha = y - ay, hb = y - by;

  if (fabs (ha) <= radius)
    {
      double w = sqrt (radius * radius - ha * ha);

      lo = ax - w;
      hi = ax + w;
    }
  if (fabs (hb) <= radius)
    {
      double w = sqrt (radius * radius - hb * hb);

      lo = MIN (lo, bx - w);
      hi = MAX (hi, bx + w);
    }
  if (len > 0)
    {
      double rlo = -INFINITY, rhi = INFINITY;
      double along = ha * uy, across = ha * ux;

      /* 0 <= (x - ax) ux + (y - ay) uy <= len */
      narrow (&rlo, &rhi, ux, -along + ax * ux, len - along + ax * ux);
      /* -r <= -(x - ax) uy + (y - ay) ux <= r */
      narrow (&rlo, &rhi, -uy, -radius - across - ax * uy, radius - across - ax * uy);
      if (rlo <= rhi)
        {
          lo = MIN (lo, rlo);
          hi = MAX (hi, rhi);
        }
    }
  span->x0 = lo;
  span->x1 = hi;
  return lo <= hi;
}

/* Length and direction of segment a–b, as capsule_span_unit() takes them. */
static void
unit_of (double ax, double ay, double bx, double by, double unit[3])
{
  double dx = bx - ax, dy = by - ay, len = hypot (dx, dy);

  unit[0] = len > 0 ? dx / len : 0;
  unit[1] = len > 0 ? dy / len : 0;
  unit[2] = len;
}

static gboolean
capsule_span (double ax, double ay, double bx, double by, double y, double radius, GrSpan *span)
{
  double unit[3];

  unit_of (ax, ay, bx, by, unit);
  return capsule_span_unit (ax, ay, bx, by, unit[0], unit[1], unit[2], y, radius, span);
}

static int
compare_span (gconstpointer a, gconstpointer b)
{
  double da = ((const GrSpan *) a)->x0, db = ((const GrSpan *) b)->x0;
  return (da > db) - (da < db);
}

/* A row holds a few crossings and spans: insertion sort beats qsort's
 * calls through a function pointer there. */
#define SHORT_SORT 24

static void
sort_spans (GrSpan *v, guint n)
{
  if (n > SHORT_SORT)
    {
      qsort (v, n, sizeof (GrSpan), compare_span);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      GrSpan x = v[i];
      guint  k = i;

      for (; k > 0 && v[k - 1].x0 > x.x0; k--)
        v[k] = v[k - 1];
      v[k] = x;
    }
}

/* The crossings of a row (each as a span of no length) paired from the
 * left: the row's inside, appended to @spans. */
static void
pair_crossings (GArray *crossings, GArray *spans)
{
  GrSpan *c = (GrSpan *) crossings->data;

  sort_spans (c, crossings->len);
  for (guint k = 0; k + 1 < crossings->len; k += 2)
    {
      GrSpan span = { c[k].x0, c[k + 1].x0 };

      g_array_append_val (spans, span);
    }
}

static void
add_interior_spans (const GrPolygon *polygon, double y, GArray *spans)
{
  g_autoptr (GArray) crossings = g_array_new (FALSE, FALSE, sizeof (GrSpan));

  for (guint r = 0; r < polygon->n_rings; r++)
    {
      guint start = ring_start (polygon, r);
      guint end = polygon->ring_ends[r];

      for (guint i = start; i < end; i++)
        {
          guint  j = (i + 1 < end) ? i + 1 : start;
          double yi = polygon->xy[2 * i + 1], yj = polygon->xy[2 * j + 1];
          GrSpan x;

          if ((yi > y) == (yj > y))
            continue;
          x.x0 = x.x1 =
              polygon->xy[2 * i] + (y - yi) * (polygon->xy[2 * j] - polygon->xy[2 * i]) / (yj - yi);
          g_array_append_val (crossings, x);
        }
    }
  pair_crossings (crossings, spans);
}

static void
merge_spans (GArray *spans)
{
  GrSpan *s = (GrSpan *) spans->data;
  guint   out = 0;

  if (spans->len < 2)
    return;
  sort_spans (s, spans->len);
  for (guint i = 1; i < spans->len; i++)
    {
      if (s[i].x0 <= s[out].x1)
        s[out].x1 = MAX (s[out].x1, s[i].x1);
      else
        s[++out] = s[i];
    }
  g_array_set_size (spans, out + 1);
}

/**
 * gr_polygon_row_spans:
 * @radius: 0 for the interior only, else the service radius
 *
 * Replaces @spans with the sorted, disjoint x intervals of the line at @y
 * that lie inside the polygon or within @radius of its boundary. This is
 * the one primitive behind rasterising demand and service areas: its cost
 * is one pass over the edges plus the cells it covers.
 */
void
gr_polygon_row_spans (const GrPolygon *polygon, double y, double radius, GArray *spans)
{
  g_array_set_size (spans, 0);
  add_interior_spans (polygon, y, spans);
  if (radius > 0)
    {
      for (guint r = 0; r < polygon->n_rings; r++)
        {
          guint start = ring_start (polygon, r);
          guint end = polygon->ring_ends[r];

          for (guint i = start; i < end; i++)
            {
              guint  j = (i + 1 < end) ? i + 1 : start;
              double ay = polygon->xy[2 * i + 1], by = polygon->xy[2 * j + 1];
              GrSpan span;

              if (y < MIN (ay, by) - radius || y > MAX (ay, by) + radius)
                continue;
              if (capsule_span (polygon->xy[2 * i], ay, polygon->xy[2 * j], by, y, radius, &span))
                g_array_append_val (spans, span);
            }
        }
    }
  merge_spans (spans);
}

/* ---- rows in order: an edge table swept by y ---- */

/* An edge from point i to point j (in ring order), and its y range. */
typedef struct
{
  guint  i, j;
  double lo, hi;
} ScanEdge;

#define SWAP_POINTERS(a, b, type)                                                                  \
  G_STMT_START                                                                                     \
  {                                                                                                \
    type swap_ = (a);                                                                              \
    (a) = (b);                                                                                     \
    (b) = swap_;                                                                                   \
  }                                                                                                \
  G_STMT_END

#define BIT(i)         (G_GUINT64_CONSTANT (1) << ((i) % 64))
#define FOR_BITS(w, b) for (guint64 b = (w); b != 0; b &= b - 1)

/* Two sets of edges are kept, as bit sets of their first points' numbers:
 * those the row crosses (for the inside), and those within the radius of
 * the row (for the service area). The second is walked in ring order, so
 * that consecutive edges' spans, which overlap where the boundary crosses
 * the row's band, are joined as they come and only what is left is
 * sorted. A window leaves out the capsules of edges that reach none of
 * its x ranges: a grid's rows need spans only where it has cells. */
struct _GrPolygonScan
{
  const GrPolygon *polygon;
  double           radius;
  ScanEdge        *by_lo; /* edges by lo */
  guint            n_edges;
  guint            next;    /* the first edge no row has reached within the radius */
  guint            next_in; /* … nor crossed */
  guint            n_words;
  guint64         *near;     /* within the radius of the row */
  guint64         *shown;    /* near, and reaching the window */
  guint64         *crossing; /* from its lo on, until the row passes its hi */
  guint           *next_of;  /* the point an edge from point i goes to */
  double          *unit;     /* per point: ux, uy, length; NAN until needed */
  GrSpan          *window;
  guint            n_window;
  gboolean         windowed;  /* else every edge is shown */
  GArray          *crossings; /* GrSpan, each a crossing x, x; scratch */
  double           y;         /* the last row */
};

/* A double's bits, made to sort as the double does. */
static inline guint64
sort_key (double v)
{
  guint64 bits;

  memcpy (&bits, &v, sizeof bits);
  return (bits >> 63) ? ~bits : bits | (G_GUINT64_CONSTANT (1) << 63);
}

/* Edges by lo: a radix sort, a byte at a time, the bytes all edges share
 * skipped. Every feature's edges are sorted once per analysis. */
static void
sort_edges (ScanEdge *edges, guint n)
{
  g_autofree ScanEdge *tmp = NULL;
  g_autofree guint64  *keys = NULL, *keys_tmp = NULL;
  guint                count[8][256];
  ScanEdge            *from = edges, *to;
  guint64             *kfrom, *kto;

  if (n <= 64)
    {
      for (guint i = 1; i < n; i++)
        {
          ScanEdge e = edges[i];
          guint    k = i;

          for (; k > 0 && edges[k - 1].lo > e.lo; k--)
            edges[k] = edges[k - 1];
          edges[k] = e;
        }
      return;
    }
  memset (count, 0, sizeof count);
  tmp = g_new (ScanEdge, n);
  keys = g_new (guint64, n);
  keys_tmp = g_new (guint64, n);
  for (guint i = 0; i < n; i++)
    {
      keys[i] = sort_key (edges[i].lo);
      for (guint d = 0; d < 8; d++)
        count[d][(keys[i] >> (8 * d)) & 0xFF]++;
    }
  to = tmp, kfrom = keys, kto = keys_tmp;
  for (guint d = 0; d < 8; d++)
    {
      guint offset = 0;

      if (count[d][(kfrom[0] >> (8 * d)) & 0xFF] == n)
        continue; /* every edge has this byte */
      for (guint b = 0; b < 256; b++)
        {
          guint c = count[d][b];

          count[d][b] = offset;
          offset += c;
        }
      for (guint i = 0; i < n; i++)
        {
          guint k = count[d][(kfrom[i] >> (8 * d)) & 0xFF]++;

          to[k] = from[i];
          kto[k] = kfrom[i];
        }
      SWAP_POINTERS (from, to, ScanEdge *);
      SWAP_POINTERS (kfrom, kto, guint64 *);
    }
  if (from != edges)
    memcpy (edges, from, n * sizeof (ScanEdge));
}

/**
 * gr_polygon_scan_new:
 * @polygon: (transfer none): must outlive the scan
 * @radius: as for gr_polygon_row_spans()
 */
GrPolygonScan *
gr_polygon_scan_new (const GrPolygon *polygon, double radius)
{
  GrPolygonScan *scan = g_new0 (GrPolygonScan, 1);
  guint          n = 0;

  scan->polygon = polygon;
  scan->radius = radius;
  scan->y = -INFINITY;
  scan->by_lo = g_new (ScanEdge, polygon->n_points);
  scan->next_of = g_new (guint, polygon->n_points);
  for (guint r = 0; r < polygon->n_rings; r++)
    {
      guint start = ring_start (polygon, r);
      guint end = polygon->ring_ends[r];

      for (guint i = start; i < end; i++)
        {
          guint  j = (i + 1 < end) ? i + 1 : start;
          double ay = polygon->xy[2 * i + 1], by = polygon->xy[2 * j + 1];

          scan->by_lo[n++] = (ScanEdge){ i, j, MIN (ay, by), MAX (ay, by) };
          scan->next_of[i] = j;
        }
    }
  scan->n_edges = n;
  sort_edges (scan->by_lo, n);
  scan->n_words = MAX ((polygon->n_points + 63) / 64, 1);
  scan->near = g_new0 (guint64, scan->n_words);
  scan->shown = g_new0 (guint64, scan->n_words);
  scan->crossing = g_new0 (guint64, scan->n_words);
  if (radius > 0)
    {
      scan->unit = g_new (double, 3 * (gsize) MAX (polygon->n_points, 1));
      for (guint i = 0; i < polygon->n_points; i++)
        scan->unit[3 * i] = NAN;
    }
  scan->crossings = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  return scan;
}

void
gr_polygon_scan_free (GrPolygonScan *scan)
{
  if (scan == NULL)
    return;
  g_free (scan->by_lo);
  g_free (scan->next_of);
  g_free (scan->near);
  g_free (scan->shown);
  g_free (scan->crossing);
  g_free (scan->unit);
  g_free (scan->window);
  g_array_unref (scan->crossings);
  g_free (scan);
}

/* Whether the capsules of the edge from point i reach the window. */
static gboolean
reaches_window (const GrPolygonScan *scan, guint i)
{
  const double *xy = scan->polygon->xy;
  guint         j = scan->next_of[i];
  double        x0 = MIN (xy[2 * i], xy[2 * j]) - scan->radius;
  double        x1 = MAX (xy[2 * i], xy[2 * j]) + scan->radius;
  guint         lo = 0, hi = scan->n_window;

  if (!scan->windowed)
    return TRUE;
  /* The first range that does not end before x0 (they are sorted and
   * apart): the edge reaches the window if that one starts by x1. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (scan->window[mid].x1 < x0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < scan->n_window && scan->window[lo].x0 <= x1;
}

/**
 * gr_polygon_scan_set_window:
 * @window: (array length=n_window) (nullable): x ranges, sorted and apart,
 *   or %NULL for all
 *
 * From the next row on, the spans are exact inside these x ranges only:
 * the service area of an edge that reaches none of them is left out.
 * Inside spans are whole. For a grid's rows, which need spans only where
 * the grid has cells, and change the window a band of rows at a time.
 */
void
gr_polygon_scan_set_window (GrPolygonScan *scan, const GrSpan *window, guint n_window)
{
  g_clear_pointer (&scan->window, g_free);
  scan->windowed = window != NULL;
  scan->n_window = window != NULL ? n_window : 0;
  if (n_window > 0 && window != NULL)
    scan->window = g_memdup2 (window, sizeof (GrSpan) * n_window);
  for (guint w = 0; w < scan->n_words; w++)
    {
      scan->shown[w] = 0;
      FOR_BITS (scan->near[w], bits)
      {
        guint i = w * 64 + (guint) __builtin_ctzll (bits);

        if (reaches_window (scan, i))
          scan->shown[w] |= BIT (i);
      }
    }
}

/* The service-area spans of the shown edges near row y, consecutive ones
 * joined; the edges the row has passed leave. */
static void
add_capsules (GrPolygonScan *scan, double y, GArray *spans)
{
  const double *xy = scan->polygon->xy;
  double        radius = scan->radius;
  gboolean      open = FALSE; /* a capsule run being joined */
  GrSpan        run = { 0, 0 };

  for (guint w = 0; w < scan->n_words; w++)
    FOR_BITS (scan->shown[w], bits)
    {
      guint   i = w * 64 + (guint) __builtin_ctzll (bits);
      guint   j = scan->next_of[i];
      double *unit = scan->unit + 3 * i;
      GrSpan  span;

      if (y > MAX (xy[2 * i + 1], xy[2 * j + 1]) + radius)
        {
          scan->near[w] &= ~BIT (i);
          scan->shown[w] &= ~BIT (i);
          continue;
        }
      if (isnan (unit[0]))
        unit_of (xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1], unit);
      if (!capsule_span_unit (xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1], unit[0], unit[1],
                              unit[2], y, radius, &span))
        continue;
      if (open && span.x0 <= run.x1 && span.x1 >= run.x0)
        {
          run.x0 = MIN (run.x0, span.x0);
          run.x1 = MAX (run.x1, span.x1);
          continue;
        }
      if (open)
        g_array_append_val (spans, run);
      run = span;
      open = TRUE;
    }
  if (open)
    g_array_append_val (spans, run);
}

/* The inside: the crossings of row y, paired from the left. */
static void
add_inside (GrPolygonScan *scan, double y, GArray *spans)
{
  const double *xy = scan->polygon->xy;
  GArray       *crossings = scan->crossings;

  g_array_set_size (crossings, 0);
  for (guint w = 0; w < scan->n_words; w++)
    FOR_BITS (scan->crossing[w], bits)
    {
      guint  i = w * 64 + (guint) __builtin_ctzll (bits);
      guint  j = scan->next_of[i];
      double yi = xy[2 * i + 1], yj = xy[2 * j + 1];

      if (y >= MAX (yi, yj))
        {
          scan->crossing[w] &= ~BIT (i);
          continue;
        }
      if ((yi > y) != (yj > y))
        {
          GrSpan x;

          x.x0 = x.x1 = xy[2 * i] + (y - yi) * (xy[2 * j] - xy[2 * i]) / (yj - yi);
          g_array_append_val (crossings, x);
        }
    }
  pair_crossings (crossings, spans);
}

/**
 * gr_polygon_scan_row:
 * @y: not below the last row's
 *
 * Replaces @spans with what gr_polygon_row_spans() gives for @y, to the
 * bit (inside the window, when one is set): the same crossings and
 * capsules, from the edges near the row only.
 */
void
gr_polygon_scan_row (GrPolygonScan *scan, double y, GArray *spans)
{
  double radius = scan->radius;

  g_return_if_fail (y >= scan->y);
  scan->y = y;
  /* Edges the row reaches join. */
  while (scan->next_in < scan->n_edges && !(y < scan->by_lo[scan->next_in].lo))
    {
      guint i = scan->by_lo[scan->next_in++].i;

      scan->crossing[i / 64] |= BIT (i);
    }
  while (radius > 0 && scan->next < scan->n_edges && !(y < scan->by_lo[scan->next].lo - radius))
    {
      guint i = scan->by_lo[scan->next++].i;

      scan->near[i / 64] |= BIT (i);
      if (reaches_window (scan, i))
        scan->shown[i / 64] |= BIT (i);
    }
  g_array_set_size (spans, 0);
  if (radius > 0)
    add_capsules (scan, y, spans);
  add_inside (scan, y, spans);
  merge_spans (spans);
}
