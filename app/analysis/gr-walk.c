/* gr-walk.c — walking distance from homes to green space along the network */
#include "gr-walk.h"
#include "gr-grid-private.h"

#include <math.h>
#include <string.h>

typedef struct
{
  guint32 col, row;
  gint32  to_a, to_b; /* mm */
} Attachment;

typedef struct
{
  GrNetworkHit hit;
  double       x, y;
} Entrance;

typedef struct
{
  gint64  mm;
  guint32 node;
} HeapItem;

/* What one reach at a time needs; one per thread computing reaches. */
struct _GrWalkScratch
{
  gint64  *node_mm;
  GArray  *touched; /* guint32 nodes with a finite node_mm, in the order reached */
  guint32 *rank;    /* per node, its place in touched, where node_mm is finite */
  GArray  *heap;    /* HeapItem */
  GArray  *seeds;   /* GrWalkSeed */
};

struct _GrWalk
{
  GrNetwork    *network;
  const GrGrid *grid;
  double        attach_distance;
  double        access_distance;
  GArray       *entrances; /* Entrance */
  /* Attachments grouped by segment: att_start[s]..att_start[s + 1]. */
  guint32       *att_start;
  Attachment    *att;
  guint          n_att;
  GrAmount       unattached;
  GrWalkScratch *scratch; /* for gr_walk_reach () */
};

/**
 * gr_walk_new:
 * @network: (transfer full): a finished network
 * @grid: the complete demand grid; it must outlive the walk
 */
GrWalk *
gr_walk_new (GrNetwork *network, const GrGrid *grid, double attach_distance, double access_distance)
{
  GrWalk *walk = g_new0 (GrWalk, 1);

  walk->network = network;
  walk->grid = grid;
  walk->attach_distance = attach_distance;
  walk->access_distance = access_distance;
  walk->entrances = g_array_new (FALSE, FALSE, sizeof (Entrance));
  return walk;
}

/**
 * gr_walk_scratch_new:
 *
 * Working memory for gr_walk_reach_with(): a thread computing reaches
 * beside another needs its own. Call after gr_walk_attach().
 */
GrWalkScratch *
gr_walk_scratch_new (const GrWalk *walk)
{
  GrWalkScratch *sc = g_new0 (GrWalkScratch, 1);
  guint          n = gr_network_get_n_nodes (walk->network);

  sc->node_mm = g_new (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    sc->node_mm[i] = G_MAXINT64;
  sc->touched = g_array_new (FALSE, FALSE, sizeof (guint32));
  sc->rank = g_new (guint32, MAX (n, 1));
  sc->heap = g_array_new (FALSE, FALSE, sizeof (HeapItem));
  sc->seeds = g_array_new (FALSE, FALSE, sizeof (GrWalkSeed));
  return sc;
}

void
gr_walk_scratch_free (GrWalkScratch *sc)
{
  if (sc == NULL)
    return;
  g_free (sc->node_mm);
  g_array_unref (sc->touched);
  g_free (sc->rank);
  g_array_unref (sc->heap);
  g_array_unref (sc->seeds);
  g_free (sc);
}

void
gr_walk_free (GrWalk *walk)
{
  if (walk == NULL)
    return;
  gr_network_free (walk->network);
  g_array_unref (walk->entrances);
  g_free (walk->att_start);
  g_free (walk->att);
  gr_walk_scratch_free (walk->scratch);
  g_free (walk);
}

/* Entrances that attach to no path are ignored: a gate onto nothing. */
void
gr_walk_add_entrance (GrWalk *walk, double x, double y)
{
  Entrance e = { { 0 }, x, y };

  if (gr_network_nearest_segment (walk->network, x, y, walk->attach_distance, G_MAXUINT32, &e.hit))
    g_array_append_val (walk->entrances, e);
}

const GrNetwork *
gr_walk_get_network (const GrWalk *walk)
{
  return walk->network;
}

/* A residential cell's segment and distances to its ends; where the cell
 * is follows from its place in the list (tile by tile, row by row within a
 * tile). */
typedef struct
{
  guint32 segment;
  gint32  to_a, to_b;
} Pending;

/* Cells are attached a square of ATTACH_BLOCK × ATTACH_BLOCK at a time,
 * each looking at only the segments that can be nearest to some cell of its
 * square (gr_network_candidates()). */
#define ATTACH_BLOCK 4

typedef struct
{
  GArray      *candidates; /* GrNetworkCandidate */
  guint32      hint;
  gboolean     found[GR_TILE_CELLS];
  GrNetworkHit hits[GR_TILE_CELLS];
} AttachScratch;

static void
attach_block (GrWalk *walk, const GrTile *tile, guint tx, guint ty, guint first, AttachScratch *sc)
{
  const GrGrid *grid = walk->grid;
  double        res = grid->resolution;
  guint         col0 = (tx << GR_TILE_SHIFT) | (first & GR_TILE_MASK);
  guint         row0 = (ty << GR_TILE_SHIFT) | (first >> GR_TILE_SHIFT);
  double        half = (ATTACH_BLOCK - 1) * res / 2;
  gboolean      any = FALSE;

  for (guint r = 0; r < ATTACH_BLOCK && !any; r++)
    for (guint c = 0; c < ATTACH_BLOCK && !any; c++)
      any = tile->sample[first + (r << GR_TILE_SHIFT) + c] != 0;
  if (!any)
    return;
  sc->hint = gr_network_candidates (walk->network, grid->x0 + (col0 + 0.5) * res + half,
                                    grid->y0 + (row0 + 0.5) * res + half, half * G_SQRT2,
                                    walk->attach_distance, sc->hint, sc->candidates);
  for (guint r = 0; r < ATTACH_BLOCK; r++)
    for (guint c = 0; c < ATTACH_BLOCK; c++)
      {
        guint i = first + (r << GR_TILE_SHIFT) + c;

        if (tile->sample[i] != 0)
          sc->found[i] = gr_network_nearest_candidate (
              walk->network, sc->candidates, grid->x0 + (col0 + c + 0.5) * res,
              grid->y0 + (row0 + r + 0.5) * res, walk->attach_distance, &sc->hits[i]);
      }
}

/* Writes an entry for each residential cell of the tile, row by row
 * (as the attachments of a segment are kept); a cell out of reach gets
 * segment G_MAXUINT32. */
static void
attach_tile (GrWalk        *walk,
             const GrTile  *tile,
             guint          tx,
             guint          ty,
             AttachScratch *sc,
             Pending       *pending,
             guint32       *counts,
             gint64        *lost_samples,
             gint64        *lost_people)
{
  for (guint by = 0; by < GR_TILE_SIZE; by += ATTACH_BLOCK)
    for (guint bx = 0; bx < GR_TILE_SIZE; bx += ATTACH_BLOCK)
      attach_block (walk, tile, tx, ty, (by << GR_TILE_SHIFT) | bx, sc);
  for (guint i = 0; i < GR_TILE_CELLS; i++)
    {
      GrNetworkHit *hit = &sc->hits[i];

      if (tile->sample[i] == 0)
        continue;
      if (!sc->found[i])
        {
          *lost_samples += gr_samples (tile->sample[i]);
          *lost_people += tile->people[i];
          *pending++ = (Pending){ G_MAXUINT32, 0, 0 };
          continue;
        }
      *pending++ = (Pending){ hit->segment, (gint32) hit->to_a, (gint32) hit->to_b };
      counts[hit->segment]++;
    }
}

typedef struct
{
  GrWalk  *walk;
  guint   *offset;  /* per tile, where its cells go in pending */
  Pending *pending; /* an entry for every residential cell, tile by tile */
  gint     next;    /* the next tile not yet taken by either thread */
} AttachJob;

typedef struct
{
  AttachJob *job;
  guint32   *counts; /* per segment, its cells among this thread's */
  gint64     lost_samples, lost_people;
} AttachPart;

static gpointer
attach_tiles (gpointer data)
{
  AttachPart    *part = data;
  AttachJob     *job = part->job;
  const GrGrid  *grid = job->walk->grid;
  guint          n_tiles = grid->n_tiles_x * grid->n_tiles_y;
  AttachScratch *sc = g_new (AttachScratch, 1);

  sc->candidates = g_array_new (FALSE, FALSE, sizeof (GrNetworkCandidate));
  sc->hint = G_MAXUINT32;
  for (guint t; (t = (guint) g_atomic_int_add (&job->next, 1)) < n_tiles;)
    if (grid->tiles[t] != NULL)
      attach_tile (job->walk, grid->tiles[t], t % grid->n_tiles_x, t / grid->n_tiles_x, sc,
                   job->pending + job->offset[t], part->counts, &part->lost_samples,
                   &part->lost_people);
  g_array_unref (sc->candidates);
  g_free (sc);
  return NULL;
}

static guint
count_residential_cells (const GrGrid *grid, guint t)
{
  guint n = 0;

  for (guint i = 0; grid->tiles[t] != NULL && i < GR_TILE_CELLS; i++)
    n += grid->tiles[t]->sample[i] != 0;
  return n;
}

/* The nearest-segment search dominates: two threads take the next tile
 * when free (the network is read-only), each writing its cells where the
 * tile's place in the grid puts them. Returns the entries, @n of them, and
 * sets walk->att_start[s + 1] to the number of cells attached to s. */
static Pending *
attach_all (GrWalk *walk, guint *n, gint64 *lost_samples, gint64 *lost_people)
{
  const GrGrid *grid = walk->grid;
  guint         n_tiles = grid->n_tiles_x * grid->n_tiles_y;
  guint         n_seg = gr_network_get_n_segments (walk->network);
  AttachJob     job = { walk, g_new (guint, n_tiles + 1), NULL, 0 };
  /* The main thread counts straight into the walk's starts (one along,
   * for the sums that follow), the helper into its own. */
  AttachPart parts[2] = { { &job, walk->att_start + 1, 0, 0 },
                          { &job, g_new0 (guint32, n_seg), 0, 0 } };
  GThread   *helper;

  job.offset[0] = 0;
  for (guint t = 0; t < n_tiles; t++)
    {
      guint cells = count_residential_cells (grid, t);

      /* Attachments are counted in 32 bits: 100,000 km² of homes at 5 m. */
      if (job.offset[t] > G_MAXUINT32 - cells)
        g_error ("more than %u homes' cells to attach to the path network", G_MAXUINT32);
      job.offset[t + 1] = job.offset[t] + cells;
    }
  *n = job.offset[n_tiles];
  job.pending = g_new (Pending, MAX (*n, 1));
  gr_advise_huge (job.pending, (gsize) MAX (*n, 1) * sizeof (Pending));
  helper = g_thread_new ("gr-walk-attach", attach_tiles, &parts[1]);
  attach_tiles (&parts[0]);
  g_thread_join (helper);
  for (guint s = 0; s < n_seg; s++)
    parts[0].counts[s] += parts[1].counts[s];
  g_free (parts[1].counts);
  g_free (job.offset);
  *lost_samples = parts[0].lost_samples + parts[1].lost_samples;
  *lost_people = parts[0].lost_people + parts[1].lost_people;
  return job.pending;
}

typedef struct
{
  GrWalk        *walk;
  const Pending *pending;
  guint32       *fill;
  guint32        first_segment, end_segment;
} ScatterPart;

/* Puts the cells of the segments first_segment..end_segment in their
 * places, tile by tile and row by row within a tile for each segment. */
static gpointer
scatter_part (gpointer data)
{
  ScatterPart  *part = data;
  const GrGrid *grid = part->walk->grid;
  Attachment   *att = part->walk->att;

  for (guint t = 0, k = 0; t < grid->n_tiles_x * grid->n_tiles_y; t++)
    for (guint i = 0; grid->tiles[t] != NULL && i < GR_TILE_CELLS; i++)
      {
        const Pending *p = &part->pending[k];

        if (grid->tiles[t]->sample[i] == 0)
          continue;
        k++;
        if (p->segment >= part->first_segment && p->segment < part->end_segment)
          att[part->fill[p->segment]++] =
              (Attachment){ ((t % grid->n_tiles_x) << GR_TILE_SHIFT) | (i & GR_TILE_MASK),
                            ((t / grid->n_tiles_x) << GR_TILE_SHIFT) | (i >> GR_TILE_SHIFT),
                            p->to_a, p->to_b };
      }
  return NULL;
}

/**
 * gr_walk_attach:
 *
 * Attaches every residential cell to its nearest segment; cells with none
 * within the attach distance are counted as unattached.
 */
void
gr_walk_attach (GrWalk *walk)
{
  const GrGrid *grid = walk->grid;
  guint         n_seg = gr_network_get_n_segments (walk->network), n, split = 0;
  gint64        lost_samples, lost_people;
  Pending      *pending;
  guint32      *fill;
  ScatterPart   parts[2];
  GThread      *helper;

  walk->att_start = g_new0 (guint32, n_seg + 1);
  pending = attach_all (walk, &n, &lost_samples, &lost_people);
  /* Grouped by segment, tile by tile and row by row within a tile for each
   * segment (the order the cells were attached in): a counting sort,
   * each thread placing the cells of half the attachments. */
  for (guint s = 0; s < n_seg; s++)
    walk->att_start[s + 1] += walk->att_start[s];
  walk->n_att = walk->att_start[n_seg];
  walk->att = g_new (Attachment, MAX (walk->n_att, 1));
  gr_advise_huge (walk->att, sizeof (Attachment) * MAX (walk->n_att, 1));
  fill = g_memdup2 (walk->att_start, sizeof (guint32) * (n_seg + 1));
  while (split < n_seg && walk->att_start[split] < walk->n_att / 2)
    split++;
  parts[0] = (ScatterPart){ walk, pending, fill, 0, split };
  parts[1] = (ScatterPart){ walk, pending, fill, split, n_seg };
  helper = g_thread_new ("gr-walk-scatter", scatter_part, &parts[1]);
  scatter_part (&parts[0]);
  g_thread_join (helper);
  g_free (fill);
  g_free (pending);
  walk->scratch = gr_walk_scratch_new (walk);
  walk->unattached.area_m2 = lost_samples * grid->resolution * grid->resolution / 16.0;
  walk->unattached.population = lost_people / GR_POPULATION_SCALE;
}

guint
gr_walk_get_n_attachments (const GrWalk *walk)
{
  return walk->n_att;
}

/* Attachments are numbered in segment order; @segment says whose. */
void
gr_walk_get_attachment (const GrWalk *walk,
                        guint         index,
                        guint        *col,
                        guint        *row,
                        guint        *segment,
                        gint64       *to_a,
                        gint64       *to_b)
{
  guint lo = 0, hi = gr_network_get_n_segments (walk->network);

  g_return_if_fail (index < walk->n_att);
  /* The segment s with att_start[s] <= index < att_start[s + 1]. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (walk->att_start[mid] <= index)
        lo = mid;
      else
        hi = mid;
    }
  *col = walk->att[index].col;
  *row = walk->att[index].row;
  *segment = lo;
  *to_a = walk->att[index].to_a;
  *to_b = walk->att[index].to_b;
}

GrAmount
gr_walk_get_unattached (const GrWalk *walk)
{
  return walk->unattached;
}

static void
seed (GArray *seeds, guint32 node, gint64 mm)
{
  GrWalkSeed s = { node, mm };
  g_array_append_val (seeds, s);
}

static gboolean
entrance_seeds (const GrWalk *walk, const GrPolygon *polygon, GArray *seeds)
{
  for (guint i = 0; i < walk->entrances->len; i++)
    {
      Entrance *e = &g_array_index (walk->entrances, Entrance, i);
      double    d = gr_polygon_distance (polygon, e->x, e->y);
      guint     a, b;

      if (d > walk->access_distance)
        continue;
      gr_network_segment_nodes (walk->network, e->hit.segment, &a, &b);
      seed (seeds, a, e->hit.to_a + gr_mm_ceil (d));
      seed (seeds, b, e->hit.to_b + gr_mm_ceil (d));
    }
  return seeds->len > 0;
}

/* Every network node within the access distance of @polygon's outline. */
static void
nearby_seeds (const GrWalk *walk, const GrPolygon *polygon, GArray *seeds)
{
  g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (guint32));
  double bounds[4];

  gr_polygon_bounds (polygon, bounds);
  bounds[0] -= walk->access_distance;
  bounds[1] -= walk->access_distance;
  bounds[2] += walk->access_distance;
  bounds[3] += walk->access_distance;
  gr_network_nodes_near (walk->network, bounds, near);
  for (guint k = 0; k < near->len; k++)
    {
      guint32 node = g_array_index (near, guint32, k);
      double  x, y, d;

      gr_network_node_position (walk->network, node, &x, &y);
      if (x < bounds[0] || x > bounds[2] || y < bounds[1] || y > bounds[3])
        continue;
      d = gr_polygon_distance (polygon, x, y);
      if (d <= walk->access_distance)
        seed (seeds, node, gr_mm_ceil (d));
    }
}

/**
 * gr_walk_access:
 * @seeds: (element-type GrWalkSeed): replaced by the feature's access nodes
 *   and the walk from each into the feature
 *
 * A park's gates when the entrances layer has any near it, else every
 * path within the access distance of its outline.
 */
void
gr_walk_access (const GrWalk *walk, const GrPolygon *polygon, GArray *seeds)
{
  g_array_set_size (seeds, 0);
  if (entrance_seeds (walk, polygon, seeds))
    return;
  nearby_seeds (walk, polygon, seeds);
}

/* ---- bounded Dijkstra ------------------------------------------------------ */

static void
heap_push (GArray *heap, gint64 mm, guint32 node)
{
  HeapItem  item = { mm, node };
  HeapItem *h;
  guint     i;

  g_array_append_val (heap, item);
  h = (HeapItem *) heap->data;
  for (i = heap->len - 1; i > 0 && h[(i - 1) / 2].mm > item.mm; i = (i - 1) / 2)
    h[i] = h[(i - 1) / 2];
  h[i] = item;
}

static HeapItem
heap_pop (GArray *heap)
{
  HeapItem *h = (HeapItem *) heap->data;
  HeapItem  top = h[0], last = h[heap->len - 1];
  guint     n = heap->len - 1, i = 0;

  while (2 * i + 1 < n)
    {
      guint c = 2 * i + 1;
      if (c + 1 < n && h[c + 1].mm < h[c].mm)
        c++;
      if (h[c].mm >= last.mm)
        break;
      h[i] = h[c];
      i = c;
    }
  h[i] = last;
  g_array_set_size (heap, n);
  return top;
}

static void
relax (GrWalkScratch *sc, guint32 node, gint64 mm, gint64 limit)
{
  if (mm > limit || mm >= sc->node_mm[node])
    return;
  if (sc->node_mm[node] == G_MAXINT64)
    {
      sc->rank[node] = sc->touched->len;
      g_array_append_val (sc->touched, node);
    }
  sc->node_mm[node] = mm;
  heap_push (sc->heap, mm, node);
}

static void
dijkstra (const GrWalk *walk, GrWalkScratch *sc, gint64 limit)
{
  for (guint i = 0; i < sc->seeds->len; i++)
    {
      const GrWalkSeed *s = &g_array_index (sc->seeds, GrWalkSeed, i);
      relax (sc, s->node, s->mm, limit);
    }
  while (sc->heap->len > 0)
    {
      HeapItem       item = heap_pop (sc->heap);
      guint          n_adj;
      const guint32 *adj;

      if (item.mm > sc->node_mm[item.node])
        continue; /* a stale entry */
      adj = gr_network_node_segments (walk->network, item.node, &n_adj);
      for (guint k = 0; k < n_adj; k++)
        {
          guint a, b;

          gr_network_segment_nodes (walk->network, adj[k], &a, &b);
          relax (sc, a == item.node ? b : a,
                 item.mm + gr_network_segment_length (walk->network, adj[k]), limit);
        }
    }
}

/* Appends a cell reached, the array grown by doubling. */
static inline void
put_down (GArray *cells, guint *n, const Attachment *at, gint64 mm)
{
  if (*n == cells->len)
    g_array_set_size (cells, cells->len >= G_MAXUINT / 2 ? G_MAXUINT : MAX (64, 2 * cells->len));
  g_array_index (cells, GrCellDistance, (*n)++) = (GrCellDistance){ at->col, at->row, mm };
}

/* The cells on the segments at @node that it reaches within @limit, at
 * their shortest walk through either end of their segment. A cell is put
 * down once, at the first node in the search's order that reaches it, so
 * the cells come in that order. Every cell hangs on one segment, and a
 * segment joins two different nodes. */
static void
mark_cells_of_node (const GrWalk  *walk,
                    GrWalkScratch *sc,
                    guint32        node,
                    gint64         limit,
                    GArray        *cells,
                    guint         *n)
{
  gint64         mm = sc->node_mm[node];
  guint          n_adj;
  const guint32 *adj = gr_network_node_segments (walk->network, node, &n_adj);

  for (guint k = 0; k < n_adj; k++)
    {
      guint    a, b, other;
      gint64   other_mm;
      gboolean other_first;

      gr_network_segment_nodes (walk->network, adj[k], &a, &b);
      other = a == node ? b : a;
      g_assert (other != node);
      other_mm = sc->node_mm[other];
      other_first = other_mm != G_MAXINT64 && sc->rank[other] < sc->rank[node];
      for (guint i = walk->att_start[adj[k]]; i < walk->att_start[adj[k] + 1]; i++)
        {
          const Attachment *at = &walk->att[i];
          gint64            here = mm + (a == node ? at->to_a : at->to_b);
          gint64            there =
              other_mm == G_MAXINT64 ? G_MAXINT64 : other_mm + (a == node ? at->to_b : at->to_a);

          /* Not reached from here, or put down from the other end. */
          if (here > limit || (other_first && there <= limit))
            continue;
          put_down (cells, n, at, MIN (here, there));
        }
    }
}

/**
 * gr_walk_reach_with:
 * @scratch: this thread's working memory
 * @radius: metres along the network (and into the feature)
 * @cells: (element-type GrCellDistance): replaced by the residential cells
 *   within @radius and their walking distances
 *
 * Reads the walk only, so threads with their own scratch may call it at
 * once.
 *
 * Returns: %FALSE when the network does not reach the feature at all
 */
/* The bounded search from the seeds in @sc, each cell reached once at
 * its shortest walk. */
static gboolean
reach_from_seeds (const GrWalk *walk, GrWalkScratch *sc, double radius, GArray *cells)
{
  gint64 limit = (gint64) floor (radius * 1000.0 + 1e-6);
  guint  n = 0;

  g_array_set_size (cells, 0);
  if (sc->seeds->len == 0)
    return FALSE;
  dijkstra (walk, sc, limit);
  for (guint i = 0; i < sc->touched->len; i++)
    mark_cells_of_node (walk, sc, g_array_index (sc->touched, guint32, i), limit, cells, &n);
  g_array_set_size (cells, n);
  for (guint i = 0; i < sc->touched->len; i++)
    sc->node_mm[g_array_index (sc->touched, guint32, i)] = G_MAXINT64;
  g_array_set_size (sc->touched, 0);
  return TRUE;
}

gboolean
gr_walk_reach_with (const GrWalk    *walk,
                    GrWalkScratch   *sc,
                    const GrPolygon *polygon,
                    double           radius,
                    GArray          *cells)
{
  g_return_val_if_fail (walk->att_start != NULL, FALSE);
  gr_walk_access (walk, polygon, sc->seeds);
  return reach_from_seeds (walk, sc, radius, cells);
}

/**
 * gr_walk_reach_line:
 *
 * As gr_walk_reach(), from every path within the access distance of
 * @line (a greenway, as a polygon of no area) whatever park gates lie on
 * it: a greenway is walked onto anywhere along it.
 */
gboolean
gr_walk_reach_line (GrWalk *walk, const GrPolygon *line, double radius, GArray *cells)
{
  g_return_val_if_fail (walk->att_start != NULL, FALSE);
  g_array_set_size (walk->scratch->seeds, 0);
  nearby_seeds (walk, line, walk->scratch->seeds);
  return reach_from_seeds (walk, walk->scratch, radius, cells);
}

gboolean
gr_walk_reach (GrWalk *walk, const GrPolygon *polygon, double radius, GArray *cells)
{
  return gr_walk_reach_with (walk, walk->scratch, polygon, radius, cells);
}

/**
 * gr_walk_nearest:
 * @target_mm: per node, the walk from that node into the nearest target
 *   (G_MAXINT64 where the node gives no access)
 * @limit: metres: a walk longer than this is not looked for
 *
 * The walking distance from (@x, @y) to the nearest target: the straight
 * step to the nearest path within the attach distance, then along the
 * network, as homes are measured. Searches outward from the point and stops
 * at the first target it cannot improve on.
 *
 * Returns: millimetres, or -1 when the point is off the network or no
 *   target lies within @limit
 */
gint64
gr_walk_nearest (const GrWalk *walk, double x, double y, const gint64 *target_mm, double limit)
{
  GrWalkScratch *sc = walk->scratch;
  gint64         cap = (gint64) floor (limit * 1000.0 + 1e-6), best = G_MAXINT64;
  GrNetworkHit   hit;
  guint          a, b;

  if (!gr_network_nearest_segment (walk->network, x, y, walk->attach_distance, G_MAXUINT32, &hit))
    return -1;
  gr_network_segment_nodes (walk->network, hit.segment, &a, &b);
  relax (sc, a, hit.to_a, cap);
  relax (sc, b, hit.to_b, cap);
  while (sc->heap->len > 0)
    {
      HeapItem       item = heap_pop (sc->heap);
      guint          n_adj;
      const guint32 *adj;

      if (item.mm > sc->node_mm[item.node])
        continue;
      if (item.mm >= best)
        break; /* every walk still open is already longer */
      if (target_mm[item.node] != G_MAXINT64)
        best = MIN (best, item.mm + target_mm[item.node]);
      adj = gr_network_node_segments (walk->network, item.node, &n_adj);
      for (guint k = 0; k < n_adj; k++)
        {
          guint na, nb;

          gr_network_segment_nodes (walk->network, adj[k], &na, &nb);
          relax (sc, na == item.node ? nb : na,
                 item.mm + gr_network_segment_length (walk->network, adj[k]), cap);
        }
    }
  g_array_set_size (sc->heap, 0);
  for (guint i = 0; i < sc->touched->len; i++)
    sc->node_mm[g_array_index (sc->touched, guint32, i)] = G_MAXINT64;
  g_array_set_size (sc->touched, 0);
  return best <= cap ? best : -1;
}

/**
 * gr_walk_between:
 * @limit: metres: a longer walk is not looked for
 *
 * The walk from (@x0, @y0) to (@x1, @y1): each end's straight step to its
 * nearest path within the attach distance, and the network between them,
 * as homes are measured to parks.
 *
 * Returns: millimetres, or -1 when an end is off the network or the walk
 *   is longer than @limit
 */
gint64
gr_walk_between (const GrWalk *walk, double x0, double y0, double x1, double y1, double limit)
{
  guint              n = gr_network_get_n_nodes (walk->network);
  g_autofree gint64 *target = NULL;
  GrNetworkHit       hit;
  guint              a, b;

  if (!gr_network_nearest_segment (walk->network, x1, y1, walk->attach_distance, G_MAXUINT32, &hit))
    return -1;
  target = g_new (gint64, n);
  for (guint i = 0; i < n; i++)
    target[i] = G_MAXINT64;
  gr_network_segment_nodes (walk->network, hit.segment, &a, &b);
  target[a] = hit.to_a;
  target[b] = MIN (target[b], hit.to_b);
  return gr_walk_nearest (walk, x0, y0, target, limit);
}
