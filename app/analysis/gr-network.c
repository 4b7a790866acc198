/* gr-network.c — the walking network as a graph */
#include "gr-network.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Spatial buckets for nearest-segment and nodes-near queries: 32 m, or
 * larger for a network so wide that 32 m buckets would not fit memory. */
#define BUCKET_M    32.0
#define MAX_BUCKETS 4.0e6

typedef struct
{
  guint32 a, b;
  gint32  length; /* mm, rounded up */
  guint32 line;
} Segment;

struct _GrNetwork
{
  GArray  *xy;        /* double pairs, per node */
  GArray  *node_line; /* guint32, the first input line through each node */
  GArray  *segments;  /* Segment */
  guint32 *slots;     /* open addressing: node id + 1 by position, while building */
  guint    n_slots;   /* a power of two, at least twice the shared nodes */
  guint    n_shared;
  guint    n_lines;
  guint    snapped;
  gboolean finished;
  /* After gr_network_finish (): adjacency and buckets, CSR. */
  guint32 *adj_start, *adj;
  double   bx0, by0, bucket;
  guint    bw, bh;
  guint32 *seg_bucket_start, *seg_bucket;
  guint32 *node_bucket_start, *node_bucket;
};

gint64
gr_mm_ceil (double metres)
{
  return (gint64) ceil (metres * 1000.0 - 1e-6);
}

static guint
position_hash (double x, double y)
{
  guint64 bits[2];

  memcpy (&bits[0], &x, sizeof x);
  memcpy (&bits[1], &y, sizeof y);
  bits[0] ^= bits[1] * 0x9E3779B97F4A7C15ull;
  bits[0] ^= bits[0] >> 32;
  return (guint) (bits[0] * 0xFF51AFD7ED558CCDull >> 32);
}

GrNetwork *
gr_network_new (void)
{
  GrNetwork *network = g_new0 (GrNetwork, 1);

  network->xy = g_array_new (FALSE, FALSE, sizeof (double));
  network->node_line = g_array_new (FALSE, FALSE, sizeof (guint32));
  network->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  network->n_slots = 1024;
  network->slots = g_new0 (guint32, network->n_slots);
  return network;
}

void
gr_network_free (GrNetwork *network)
{
  if (network == NULL)
    return;
  g_array_unref (network->xy);
  g_array_unref (network->node_line);
  g_array_unref (network->segments);
  g_free (network->slots);
  g_free (network->adj_start);
  g_free (network->adj);
  g_free (network->seg_bucket_start);
  g_free (network->seg_bucket);
  g_free (network->node_bucket_start);
  g_free (network->node_bucket);
  g_free (network);
}

static guint32
new_node (GrNetwork *network, double x, double y, guint32 line)
{
  double xy[2] = { x, y };

  g_array_append_vals (network->xy, xy, 2);
  g_array_append_val (network->node_line, line);
  return network->node_line->len - 1;
}

static guint
find_slot (const GrNetwork *network, double x, double y)
{
  guint         mask = network->n_slots - 1;
  guint         i = position_hash (x, y) & mask;
  const double *xy = (const double *) network->xy->data;

  while (network->slots[i] != 0
         && (xy[2 * (network->slots[i] - 1)] != x || xy[2 * (network->slots[i] - 1) + 1] != y))
    i = (i + 1) & mask;
  return i;
}

static void
grow_slots (GrNetwork *network)
{
  guint32      *old = network->slots;
  guint         n_old = network->n_slots;
  const double *xy;

  network->n_slots *= 2;
  network->slots = g_new0 (guint32, network->n_slots);
  xy = (const double *) network->xy->data;
  for (guint i = 0; i < n_old; i++)
    if (old[i] != 0)
      network->slots[find_slot (network, xy[2 * (old[i] - 1)], xy[2 * (old[i] - 1) + 1])] = old[i];
  g_free (old);
}

/* Vertices at the same position are the same node: that is how lines join. */
static guint32
shared_node (GrNetwork *network, double x, double y, guint32 line)
{
  guint   slot = find_slot (network, x, y);
  guint32 id;

  if (network->slots[slot] != 0)
    return network->slots[slot] - 1;
  id = new_node (network, x, y, line);
  network->slots[slot] = id + 1;
  if (++network->n_shared * 2 > network->n_slots)
    grow_slots (network);
  return id;
}

static void
add_segment (GrNetwork *network, guint32 a, guint32 b, double length, guint32 line)
{
  Segment s = { a, b, (gint32) gr_mm_ceil (length), line };

  g_array_append_val (network->segments, s);
}

static double
node_x (const GrNetwork *network, guint node)
{
  return g_array_index (network->xy, double, 2 * node);
}

static double
node_y (const GrNetwork *network, guint node)
{
  return g_array_index (network->xy, double, 2 * node + 1);
}

/* A long straight piece gets intermediate nodes, not shared with anything. */
static void
add_piece (GrNetwork *network, guint32 a, guint32 b, guint32 line)
{
  double  ax = node_x (network, a), ay = node_y (network, a);
  double  dx = node_x (network, b) - ax, dy = node_y (network, b) - ay;
  double  length = hypot (dx, dy);
  guint   n = MAX (1, (guint) ceil (length / GR_NETWORK_MAX_SEGMENT - 1e-9));
  guint32 prev = a;

  for (guint k = 1; k < n; k++)
    {
      guint32 mid = new_node (network, ax + dx * k / n, ay + dy * k / n, line);
      add_segment (network, prev, mid, length / n, line);
      prev = mid;
    }
  add_segment (network, prev, b, length / n, line);
}

/**
 * gr_network_add_line:
 * @xy: interleaved coordinates of one line, metres
 */
void
gr_network_add_line (GrNetwork *network, const double *xy, guint n_points)
{
  guint32 line = network->n_lines++;
  guint32 prev = G_MAXUINT32;

  g_return_if_fail (!network->finished);
  for (guint i = 0; i < n_points; i++)
    {
      guint32 node;

      if (!isfinite (xy[2 * i]) || !isfinite (xy[2 * i + 1]))
        continue;
      node = shared_node (network, xy[2 * i], xy[2 * i + 1], line);
      if (prev != G_MAXUINT32 && node != prev)
        add_piece (network, prev, node, line);
      prev = node;
    }
}

static void
build_adjacency (GrNetwork *network)
{
  guint    n = network->node_line->len;
  guint32 *fill;

  g_free (network->adj_start);
  g_free (network->adj);
  network->adj_start = g_new0 (guint32, n + 1);
  for (guint s = 0; s < network->segments->len; s++)
    {
      Segment *seg = &g_array_index (network->segments, Segment, s);
      network->adj_start[seg->a + 1]++;
      network->adj_start[seg->b + 1]++;
    }
  for (guint i = 0; i < n; i++)
    network->adj_start[i + 1] += network->adj_start[i];
  network->adj = g_new (guint32, MAX (network->adj_start[n], 1));
  fill = g_memdup2 (network->adj_start, sizeof (guint32) * (n + 1));
  for (guint s = 0; s < network->segments->len; s++)
    {
      Segment *seg = &g_array_index (network->segments, Segment, s);
      network->adj[fill[seg->a]++] = s;
      network->adj[fill[seg->b]++] = s;
    }
  g_free (fill);
}

static guint
degree (const GrNetwork *network, guint node)
{
  return network->adj_start[node + 1] - network->adj_start[node];
}

typedef gboolean (*BoxFunc) (const GrNetwork *network, guint item, double box[4]);

static gboolean
segment_box (const GrNetwork *network, guint s, double box[4])
{
  Segment *seg = &g_array_index (network->segments, Segment, s);

  box[0] = MIN (node_x (network, seg->a), node_x (network, seg->b));
  box[1] = MIN (node_y (network, seg->a), node_y (network, seg->b));
  box[2] = MAX (node_x (network, seg->a), node_x (network, seg->b));
  box[3] = MAX (node_y (network, seg->a), node_y (network, seg->b));
  return TRUE;
}

static gboolean
node_box (const GrNetwork *network, guint n, double box[4])
{
  box[0] = box[2] = node_x (network, n);
  box[1] = box[3] = node_y (network, n);
  return degree (network, n) > 0;
}

static void
bucket_range (const GrNetwork *network, const double box[4], guint r[4])
{
  double c0 = floor ((box[0] - network->bx0) / network->bucket);
  double c1 = floor ((box[2] - network->bx0) / network->bucket);
  double r0 = floor ((box[1] - network->by0) / network->bucket);
  double r1 = floor ((box[3] - network->by0) / network->bucket);

  r[0] = (guint) CLAMP (c0, 0, network->bw - 1);
  r[1] = (guint) CLAMP (r0, 0, network->bh - 1);
  r[2] = (guint) CLAMP (c1, 0, network->bw - 1);
  r[3] = (guint) CLAMP (r1, 0, network->bh - 1);
}

/* Compressed buckets: start[b]..start[b + 1] index the items of bucket b. */
static void
build_buckets (GrNetwork *network,
               guint      n_items,
               BoxFunc    box_of,
               guint32  **start_out,
               guint32  **items_out)
{
  guint    n_buckets = network->bw * network->bh;
  guint32 *start = g_new0 (guint32, n_buckets + 1);
  guint32 *fill, *items;

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_items; i++)
        {
          double box[4];
          guint  r[4];

          if (!box_of (network, i, box))
            continue;
          bucket_range (network, box, r);
          for (guint by = r[1]; by <= r[3]; by++)
            for (guint bx = r[0]; bx <= r[2]; bx++)
              {
                if (pass == 0)
                  start[by * network->bw + bx + 1]++;
                else
                  items[fill[by * network->bw + bx]++] = i;
              }
        }
      if (pass == 0)
        {
          for (guint b = 0; b < n_buckets; b++)
            start[b + 1] += start[b];
          items = g_new (guint32, MAX (start[n_buckets], 1));
          fill = g_memdup2 (start, sizeof (guint32) * (n_buckets + 1));
        }
    }
  g_free (fill);
  *start_out = start;
  *items_out = items;
}

static void
build_index (GrNetwork *network)
{
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

  for (guint n = 0; n < network->node_line->len; n++)
    {
      x0 = MIN (x0, node_x (network, n));
      y0 = MIN (y0, node_y (network, n));
      x1 = MAX (x1, node_x (network, n));
      y1 = MAX (y1, node_y (network, n));
    }
  if (network->node_line->len == 0)
    x0 = y0 = x1 = y1 = 0;
  g_clear_pointer (&network->seg_bucket_start, g_free);
  g_clear_pointer (&network->seg_bucket, g_free);
  g_clear_pointer (&network->node_bucket_start, g_free);
  g_clear_pointer (&network->node_bucket, g_free);
  network->bx0 = x0;
  network->by0 = y0;
  network->bucket = MAX (BUCKET_M, sqrt ((x1 - x0) * (y1 - y0) / MAX_BUCKETS));
  network->bw = (guint) floor ((x1 - x0) / network->bucket) + 1;
  network->bh = (guint) floor ((y1 - y0) / network->bucket) + 1;
  build_buckets (network, network->segments->len, segment_box, &network->seg_bucket_start,
                 &network->seg_bucket);
  build_buckets (network, network->node_line->len, node_box, &network->node_bucket_start,
                 &network->node_bucket);
}

/* Bureau data whose lines nearly meet: a dangling end within @snap of a
 * node of another line is joined to it by a short segment. */
static void
snap_ends (GrNetwork *network, double snap)
{
  guint n = network->node_line->len;

  for (guint node = 0; node < n; node++)
    {
      double x = node_x (network, node), y = node_y (network, node);
      double box[4] = { x - snap, y - snap, x + snap, y + snap };
      g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (guint32));
      double  best = INFINITY;
      guint32 best_node = G_MAXUINT32;

      if (degree (network, node) != 1)
        continue;
      gr_network_nodes_near (network, box, near);
      for (guint k = 0; k < near->len; k++)
        {
          guint32 other = g_array_index (near, guint32, k);
          double  d = hypot (node_x (network, other) - x, node_y (network, other) - y);

          if (g_array_index (network->node_line, guint32, other)
                  != g_array_index (network->node_line, guint32, node)
              && d <= snap && d < best)
            {
              best = d;
              best_node = other;
            }
        }
      if (best_node != G_MAXUINT32)
        {
          add_segment (network, node, best_node, best, G_MAXUINT32);
          network->snapped++;
        }
    }
}

/**
 * gr_network_finish:
 * @snap: join dangling ends to another line's node within this many
 *   metres; 0 for none (the default: OSM lines meet at shared nodes)
 */
void
gr_network_finish (GrNetwork *network, double snap)
{
  g_return_if_fail (!network->finished);
  g_clear_pointer (&network->slots, g_free);
  build_adjacency (network);
  build_index (network);
  if (snap > 0)
    {
      snap_ends (network, snap);
      build_adjacency (network);
      build_index (network);
    }
  network->finished = TRUE;
}

static guint32
find_root (guint32 *parent, guint32 i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

void
gr_network_get_stats (const GrNetwork *network, GrNetworkStats *stats)
{
  guint    n = network->node_line->len;
  guint32 *parent = g_new (guint32, MAX (n, 1));

  memset (stats, 0, sizeof *stats);
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint s = 0; s < network->segments->len; s++)
    {
      Segment *seg = &g_array_index (network->segments, Segment, s);
      parent[find_root (parent, seg->a)] = find_root (parent, seg->b);
    }
  for (guint i = 0; i < n; i++)
    {
      if (degree (network, i) == 0)
        continue;
      stats->nodes++;
      stats->dangling_ends += degree (network, i) == 1;
      stats->components += find_root (parent, i) == i;
    }
  stats->edges = network->segments->len;
  stats->snapped = network->snapped;
  g_free (parent);
}

guint
gr_network_get_n_nodes (const GrNetwork *network)
{
  return network->node_line->len;
}

guint
gr_network_get_n_segments (const GrNetwork *network)
{
  return network->segments->len;
}

void
gr_network_node_position (const GrNetwork *network, guint node, double *x, double *y)
{
  *x = node_x (network, node);
  *y = node_y (network, node);
}

void
gr_network_segment_nodes (const GrNetwork *network, guint segment, guint *a, guint *b)
{
  Segment *seg = &g_array_index (network->segments, Segment, segment);

  *a = seg->a;
  *b = seg->b;
}

gint64
gr_network_segment_length (const GrNetwork *network, guint segment)
{
  return g_array_index (network->segments, Segment, segment).length;
}

const guint32 *
gr_network_node_segments (const GrNetwork *network, guint node, guint *n_segments)
{
  *n_segments = degree (network, node);
  return network->adj + network->adj_start[node];
}

/* Squared distance from (x, y) to the segment from (ax, ay) along (dx, dy),
 * and where along it (0–1). */
static inline double
distance2_along (double  ax,
                 double  ay,
                 double  dx,
                 double  dy,
                 double  len2,
                 double  x,
                 double  y,
                 double *t_out)
{
  double t = len2 > 0 ? CLAMP (((x - ax) * dx + (y - ay) * dy) / len2, 0, 1) : 0;
  double ex = ax + t * dx - x, ey = ay + t * dy - y;

  *t_out = t;
  return ex * ex + ey * ey;
}

static void
segment_geometry (const GrNetwork *network, guint s, double *ax, double *ay, double *dx, double *dy)
{
  const Segment *seg = &g_array_index (network->segments, Segment, s);
  const double  *p = (const double *) network->xy->data;

  *ax = p[2 * seg->a], *ay = p[2 * seg->a + 1];
  *dx = p[2 * seg->b] - *ax, *dy = p[2 * seg->b + 1] - *ay;
}

/* Squared distance from (x, y) to segment s, and where along it (0–1). */
static double
segment_distance2 (const GrNetwork *network, guint s, double x, double y, double *t_out)
{
  double ax, ay, dx, dy;

  segment_geometry (network, s, &ax, &ay, &dx, &dy);
  return distance2_along (ax, ay, dx, dy, dx * dx + dy * dy, x, y, t_out);
}

typedef struct
{
  double  d2;
  double  t;
  guint32 segment;
} Nearest;

static void
search_bucket (const GrNetwork *network, guint bx, guint by, double x, double y, Nearest *best)
{
  guint b = by * network->bw + bx;

  for (guint k = network->seg_bucket_start[b]; k < network->seg_bucket_start[b + 1]; k++)
    {
      guint32 s = network->seg_bucket[k];
      double  t, d2 = segment_distance2 (network, s, x, y, &t);

      if (d2 < best->d2 || (d2 == best->d2 && s < best->segment))
        *best = (Nearest){ d2, t, s };
    }
}

/* The segment found, as the point sees it. */
static gboolean
fill_hit (const GrNetwork *network, const Nearest *best, double max_distance, GrNetworkHit *hit)
{
  double length;

  if (best->segment == G_MAXUINT32 || sqrt (best->d2) > max_distance)
    return FALSE;
  length = gr_network_segment_length (network, best->segment) / 1000.0;
  hit->segment = best->segment;
  hit->distance = sqrt (best->d2);
  /* Off the path in a straight line, then along it to either end. */
  hit->to_a = gr_mm_ceil (hit->distance + best->t * length);
  hit->to_b = gr_mm_ceil (hit->distance + (1 - best->t) * length);
  return TRUE;
}

/**
 * gr_network_nearest_segment:
 * @hint: a segment likely to be near (the previous cell's), or G_MAXUINT32
 *
 * The segment nearest to (@x, @y) within @max_distance; ties go to the
 * lower id. A good @hint bounds the search to the buckets within its
 * distance; the answer does not depend on it.
 */
gboolean
gr_network_nearest_segment (const GrNetwork *network,
                            double           x,
                            double           y,
                            double           max_distance,
                            guint32          hint,
                            GrNetworkHit    *hit)
{
  Nearest best = { INFINITY, 0, G_MAXUINT32 };
  double  reach = max_distance;
  double  box[4];
  guint   r[4];

  if (network->segments->len == 0)
    return FALSE;
  if (hint < network->segments->len)
    {
      best.d2 = segment_distance2 (network, hint, x, y, &best.t);
      best.segment = hint;
      reach = MIN (reach, sqrt (best.d2));
    }
  box[0] = x - reach, box[1] = y - reach, box[2] = x + reach, box[3] = y + reach;
  bucket_range (network, box, r);
  for (guint by = r[1]; by <= r[3]; by++)
    for (guint bx = r[0]; bx <= r[2]; bx++)
      search_bucket (network, bx, by, x, y, &best);
  return fill_hit (network, &best, max_distance, hit);
}

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const GrNetworkCandidate *p = a, *q = b;

  if (p->bound != q->bound)
    return p->bound < q->bound ? -1 : 1;
  return (p->segment > q->segment) - (p->segment < q->segment);
}

/* Nearest bound first, then by id. The lists are short (a dozen or two),
 * where inserting beats a general sort's calls; a square far from any path
 * (a long attach distance) can gather thousands. */
static void
sort_candidates (GrNetworkCandidate *c, guint n)
{
  if (n > 64)
    {
      qsort (c, n, sizeof *c, compare_candidates);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      GrNetworkCandidate item = c[i];
      guint              j = i;

      for (; j > 0
             && (c[j - 1].bound > item.bound
                 || (c[j - 1].bound == item.bound && c[j - 1].segment > item.segment));
           j--)
        c[j] = c[j - 1];
      c[j] = item;
    }
}

/* Metres taken off every bound and added to every reach, far more than the
 * rounding in the distances: rounding cannot make a bound exceed the
 * distance it bounds, nor a reach fall short. */
#define BOUND_SLACK 1e-6

/**
 * gr_network_candidates:
 * @radius: the distance from (@x, @y) to the farthest point to be asked about
 * @hint: as for gr_network_nearest_segment()
 * @candidates: (out): GrNetworkCandidate, nearest bound first
 *
 * The segments that can be nearest, within @max_distance, to a point within
 * @radius of (@x, @y), once each. The bound of each is at most its distance
 * to any such point (the triangle inequality), so
 * gr_network_nearest_candidate() can stop at the first bound beyond the
 * nearest found. Returns a segment near (@x, @y) for the next call's @hint.
 */
guint32
gr_network_candidates (const GrNetwork *network,
                       double           x,
                       double           y,
                       double           radius,
                       double           max_distance,
                       guint32          hint,
                       GArray          *candidates)
{
  GrNetworkHit centre;
  double       reach, box[4];
  guint        r[4], kept = 0;

  g_array_set_size (candidates, 0);
  /* Every point is within the centre's nearest distance plus the radius of
   * that segment, so no other segment farther than that plus the radius
   * from the centre can win. */
  if (!gr_network_nearest_segment (network, x, y, max_distance + radius + BOUND_SLACK, hint,
                                   &centre))
    return hint;
  reach = MIN (centre.distance + 2 * radius, max_distance + radius) + BOUND_SLACK;
  box[0] = x - reach, box[1] = y - reach, box[2] = x + reach, box[3] = y + reach;
  bucket_range (network, box, r);
  for (guint by = r[1]; by <= r[3]; by++)
    for (guint bx = r[0]; bx <= r[2]; bx++)
      {
        guint b = by * network->bw + bx;

        for (guint k = network->seg_bucket_start[b]; k < network->seg_bucket_start[b + 1]; k++)
          {
            GrNetworkCandidate c = { .segment = network->seg_bucket[k] };
            double             t, d;

            segment_geometry (network, c.segment, &c.ax, &c.ay, &c.dx, &c.dy);
            c.len2 = c.dx * c.dx + c.dy * c.dy;
            d = sqrt (distance2_along (c.ax, c.ay, c.dx, c.dy, c.len2, x, y, &t));
            c.bound = d - radius - BOUND_SLACK;
            if (d <= reach)
              g_array_append_val (candidates, c);
          }
      }
  /* A segment in several buckets comes with the same bound each time. */
  sort_candidates ((GrNetworkCandidate *) candidates->data, candidates->len);
  for (guint k = 0; k < candidates->len; k++)
    if (kept == 0
        || g_array_index (candidates, GrNetworkCandidate, k).segment
               != g_array_index (candidates, GrNetworkCandidate, kept - 1).segment)
      g_array_index (candidates, GrNetworkCandidate, kept++) =
          g_array_index (candidates, GrNetworkCandidate, k);
  g_array_set_size (candidates, kept);
  return centre.segment;
}

/**
 * gr_network_nearest_candidate:
 *
 * gr_network_nearest_segment() for a point within the radius the
 * @candidates were gathered for: the same segment and distances, looking
 * at only the few segments that can be nearest.
 */
gboolean
gr_network_nearest_candidate (const GrNetwork *network,
                              const GArray    *candidates,
                              double           x,
                              double           y,
                              double           max_distance,
                              GrNetworkHit    *hit)
{
  const GrNetworkCandidate *c = (const GrNetworkCandidate *) candidates->data;
  Nearest                   best = { INFINITY, 0, G_MAXUINT32 };
  double                    best_d = INFINITY;

  for (guint k = 0; k < candidates->len && c[k].bound <= best_d; k++)
    {
      double t, d2 = distance2_along (c[k].ax, c[k].ay, c[k].dx, c[k].dy, c[k].len2, x, y, &t);

      if (d2 < best.d2 || (d2 == best.d2 && c[k].segment < best.segment))
        {
          best = (Nearest){ d2, t, c[k].segment };
          best_d = sqrt (d2);
        }
    }
  return fill_hit (network, &best, max_distance, hit);
}

/* Appends the connected nodes whose buckets meet @bounds (a superset of
 * the nodes inside it, without duplicates). */
void
gr_network_nodes_near (const GrNetwork *network, const double bounds[4], GArray *nodes)
{
  guint r[4];

  if (network->node_line->len == 0)
    return;
  bucket_range (network, bounds, r);
  for (guint by = r[1]; by <= r[3]; by++)
    for (guint bx = r[0]; bx <= r[2]; bx++)
      {
        guint b = by * network->bw + bx;

        for (guint k = network->node_bucket_start[b]; k < network->node_bucket_start[b + 1]; k++)
          g_array_append_val (nodes, network->node_bucket[k]);
      }
}
