/* gr-suggest.c — where new parks serve the most: candidate sites ranked on
 * the live coverage counts
 */
#include "gr-suggest.h"
#include "gr-grid-private.h"
#include "gr-walk.h"

#include <math.h>
#include <string.h>

#define MAX_THREADS 8

typedef struct
{
  guint32 col, row;
  gint64  weight; /* sixteenths of a cell, or thousandths of a person */
} Demand;

struct _GrSuggest
{
  GrAnalysis     *analysis; /* borrowed */
  const GrGrid   *grid;
  GrSuggestCover  cover;
  GrSuggestWeight weight;
  guint8          mask; /* the layers whose reach serves a cell */
  GPtrArray      *polygons;
  GArray         *centres;  /* double pairs */
  GArray         *areas;    /* double, m² */
  GArray         *excluded; /* gboolean */
  double          spacing;
  /* Filled by gr_suggest_prepare(): */
  gboolean   prepared;
  guint32  **index;  /* per tile, per cell: demand number + 1; NULL without demand */
  GArray    *demand; /* Demand */
  GPtrArray *reach;  /* per candidate, GArray of guint32 demand numbers */
};

static guint8
cover_mask (GrSuggestCover cover)
{
  switch (cover)
    {
    case GR_SUGGEST_GREEN:
      return 1u << GR_LAYER_GREEN;
    case GR_SUGGEST_PARK:
      return 1u << GR_LAYER_PARK;
    case GR_SUGGEST_SERVICE:
      return 1u << GR_LAYER_SERVICE;
    case GR_SUGGEST_BLIND_SPOTS:
    default:
      return (1u << GR_LAYER_GREEN) | (1u << GR_LAYER_PARK);
    }
}

/**
 * gr_suggest_new:
 * @analysis: (transfer none): a finished analysis with the existing supply
 *   entered; it must outlive the suggestion and not change while it ranks
 */
GrSuggest *
gr_suggest_new (GrAnalysis *analysis, GrSuggestCover cover, GrSuggestWeight weight)
{
  GrSuggest *suggest;

  g_return_val_if_fail (analysis != NULL && gr_analysis_get_coverage (analysis) != NULL, NULL);

  suggest = g_new0 (GrSuggest, 1);
  suggest->analysis = analysis;
  suggest->grid = gr_coverage_get_grid (gr_analysis_get_coverage (analysis));
  suggest->cover = cover;
  suggest->weight = weight;
  suggest->mask = cover_mask (cover);
  suggest->polygons = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_polygon_free);
  suggest->centres = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  suggest->areas = g_array_new (FALSE, FALSE, sizeof (double));
  suggest->excluded = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return suggest;
}

static void
clear_prepared (GrSuggest *suggest)
{
  const GrGrid *grid = suggest->grid;

  if (suggest->index != NULL)
    for (gsize t = 0; t < (gsize) grid->n_tiles_x * grid->n_tiles_y; t++)
      g_free (suggest->index[t]);
  g_clear_pointer (&suggest->index, g_free);
  g_clear_pointer (&suggest->demand, g_array_unref);
  g_clear_pointer (&suggest->reach, g_ptr_array_unref);
  suggest->prepared = FALSE;
}

void
gr_suggest_free (GrSuggest *suggest)
{
  if (suggest == NULL)
    return;
  clear_prepared (suggest);
  g_ptr_array_unref (suggest->polygons);
  g_array_unref (suggest->centres);
  g_array_unref (suggest->areas);
  g_array_unref (suggest->excluded);
  g_free (suggest);
}

/**
 * gr_suggest_add_candidate:
 * @polygon: a new park's outline, in the analysis CRS; entered as a park
 *   outside any historic district, as a candidate park of a scenario is
 *
 * Candidates added after gr_suggest_prepare() need it called again.
 *
 * Returns: the candidate's number, from 0
 */
guint
gr_suggest_add_candidate (GrSuggest *suggest, const GrPolygon *polygon)
{
  double   b[4];
  double   centre[2];
  gboolean no = FALSE;
  double   area = gr_polygon_area (polygon);

  gr_polygon_bounds (polygon, b);
  centre[0] = (b[0] + b[2]) / 2;
  centre[1] = (b[1] + b[3]) / 2;
  g_ptr_array_add (suggest->polygons, gr_polygon_copy (polygon));
  g_array_append_val (suggest->centres, centre);
  g_array_append_val (suggest->areas, area);
  g_array_append_val (suggest->excluded, no);
  suggest->prepared = FALSE;
  return suggest->polygons->len - 1;
}

guint
gr_suggest_get_n_candidates (GrSuggest *suggest)
{
  return suggest->polygons->len;
}

const GrPolygon *
gr_suggest_get_candidate (GrSuggest *suggest, guint candidate)
{
  g_return_val_if_fail (candidate < suggest->polygons->len, NULL);
  return g_ptr_array_index (suggest->polygons, candidate);
}

/* A rejected candidate is left out of every ranking until taken back. */
void
gr_suggest_set_excluded (GrSuggest *suggest, guint candidate, gboolean excluded)
{
  g_return_if_fail (candidate < suggest->excluded->len);
  g_array_index (suggest->excluded, gboolean, candidate) = excluded;
}

gboolean
gr_suggest_get_excluded (GrSuggest *suggest, guint candidate)
{
  g_return_val_if_fail (candidate < suggest->excluded->len, FALSE);
  return g_array_index (suggest->excluded, gboolean, candidate);
}

/* New parks whose centres are nearer than @metres are not both chosen. */
void
gr_suggest_set_spacing (GrSuggest *suggest, double metres)
{
  suggest->spacing = isfinite (metres) && metres > 0 ? metres : 0;
}

static gint64
cell_weight (const GrSuggest *suggest, const GrTile *tile, guint i)
{
  if (suggest->weight == GR_SUGGEST_BY_AREA)
    return gr_samples (tile->sample[i]);
  return tile->people[i];
}

/* The value of one unit of weight: m² of land or persons. */
static double
weight_unit (const GrSuggest *suggest)
{
  if (suggest->weight == GR_SUGGEST_BY_AREA)
    return suggest->grid->resolution * suggest->grid->resolution / 16.0;
  return 1.0 / GR_POPULATION_SCALE;
}

static gboolean
cell_served (const GrSuggest *suggest, const GrTile *tile, guint i)
{
  return (tile->state[i] & suggest->mask) != 0;
}

/* Every cell of weight that the existing supply leaves unserved. */
static void
collect_demand (GrSuggest *suggest)
{
  const GrGrid *grid = suggest->grid;
  gsize         n_tiles = (gsize) grid->n_tiles_x * grid->n_tiles_y;

  suggest->index = g_new0 (guint32 *, MAX (n_tiles, 1));
  suggest->demand = g_array_new (FALSE, FALSE, sizeof (Demand));
  for (gsize t = 0; t < n_tiles; t++)
    {
      const GrTile *tile = grid->tiles[t];

      if (tile == NULL)
        continue;
      for (guint i = 0; i < GR_TILE_CELLS; i++)
        {
          Demand d;

          if (tile->sample[i] == 0 || cell_served (suggest, tile, i)
              || (d.weight = cell_weight (suggest, tile, i)) <= 0)
            continue;
          if (suggest->index[t] == NULL)
            suggest->index[t] = g_new0 (guint32, GR_TILE_CELLS);
          d.col = (guint32) ((t % grid->n_tiles_x) << GR_TILE_SHIFT) + (i & GR_TILE_MASK);
          d.row = (guint32) ((t / grid->n_tiles_x) << GR_TILE_SHIFT) + (i >> GR_TILE_SHIFT);
          g_array_append_val (suggest->demand, d);
          suggest->index[t][i] = suggest->demand->len;
        }
    }
}

static guint32
demand_at (const GrSuggest *suggest, guint col, guint row)
{
  const GrGrid *grid = suggest->grid;
  guint32      *index;

  if (col >= grid->n_cols || row >= grid->n_rows)
    return 0;
  index = suggest->index[(gsize) (row >> GR_TILE_SHIFT) * grid->n_tiles_x + (col >> GR_TILE_SHIFT)];
  return index != NULL ? index[gr_tile_index (col, row)] : 0;
}

/* ---- preparing: each candidate's reach, on every core ----------------------- */

typedef struct
{
  GrSuggest *suggest;
  gint       next;      /* atomic: the next candidate to reach */
  gint       done;      /* atomic */
  gint       cancelled; /* atomic */
} PrepareJob;

typedef struct
{
  const GrSuggest *suggest;
  guint32         *stamp; /* per demand: the candidate + 1 that last took it */
  guint32          mark;
  GArray          *spans;
  GArray          *cells;
  GrWalkScratch   *scratch;
  GArray          *out;
} Worker;

static void
take (Worker *w, guint32 d)
{
  if (d == 0 || w->stamp[d - 1] == w->mark)
    return;
  w->stamp[d - 1] = w->mark;
  g_array_append_val (w->out, (guint32){ d - 1 });
}

static void
take_cell_cb (GrTile *tile, guint index, guint col, guint row, gpointer data)
{
  Worker *w = data;

  take (w, demand_at (w->suggest, col, row));
}

static gint64
radius_mm (double radius)
{
  return (gint64) floor (radius * 1000.0 + 1e-6);
}

static void
reach_walking (Worker *w, const GrPolygon *polygon, const double radii[GR_N_LAYERS])
{
  GrWalk *walk = gr_analysis_get_walk (w->suggest->analysis);
  double  longest = -1;

  for (guint layer = 0; layer < GR_N_LAYERS; layer++)
    if (w->suggest->mask & (1u << layer))
      longest = MAX (longest, radii[layer]);
  if (longest < 0)
    return;
  g_array_set_size (w->cells, 0);
  gr_walk_reach_with (walk, w->scratch, polygon, longest, w->cells);
  for (guint k = 0; k < w->cells->len; k++)
    {
      const GrCellDistance *c = &g_array_index (w->cells, GrCellDistance, k);

      for (guint layer = 0; layer < GR_N_LAYERS; layer++)
        if ((w->suggest->mask & (1u << layer)) && radii[layer] >= 0
            && c->mm <= radius_mm (radii[layer]))
          {
            take (w, demand_at (w->suggest, c->col, c->row));
            break;
          }
    }
}

static GArray *
reach_candidate (Worker *w, guint candidate)
{
  const GrPolygon *polygon = g_ptr_array_index (w->suggest->polygons, candidate);
  double           radii[GR_N_LAYERS];

  w->out = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->mark = candidate + 1;
  gr_analysis_supply_radii (w->suggest->analysis, polygon, TRUE, FALSE, radii);
  if (w->scratch != NULL)
    reach_walking (w, polygon, radii);
  else
    for (guint layer = 0; layer < GR_N_LAYERS; layer++)
      if ((w->suggest->mask & (1u << layer)) && radii[layer] >= 0)
        gr_grid_foreach_cell_within (w->suggest->grid, polygon, radii[layer], w->spans,
                                     take_cell_cb, w);
  return g_steal_pointer (&w->out);
}

static void
run_worker (PrepareJob *job, GrSuggestProgress progress, gpointer user_data)
{
  GrSuggest *suggest = job->suggest;
  GrWalk    *walk = gr_analysis_get_walk (suggest->analysis);
  Worker     w = { suggest,
                   g_new0 (guint32, MAX (suggest->demand->len, 1)),
                   0,
                   g_array_new (FALSE, FALSE, sizeof (GrSpan)),
                   g_array_new (FALSE, FALSE, sizeof (GrCellDistance)),
               walk != NULL ? gr_walk_scratch_new (walk) : NULL,
                   NULL };
  guint      n = suggest->polygons->len;
  gint       i;

  while (!g_atomic_int_get (&job->cancelled) && (i = g_atomic_int_add (&job->next, 1)) < (gint) n)
    {
      g_ptr_array_index (suggest->reach, i) = reach_candidate (&w, (guint) i);
      g_atomic_int_inc (&job->done);
      if (progress != NULL && !progress ((double) g_atomic_int_get (&job->done) / n, user_data))
        g_atomic_int_set (&job->cancelled, TRUE);
    }
  g_free (w.stamp);
  g_array_unref (w.spans);
  g_array_unref (w.cells);
  if (w.scratch != NULL)
    gr_walk_scratch_free (w.scratch);
}

/* A stopped preparation leaves some candidates without a reach. */
static void
reach_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static gpointer
worker_thread (gpointer data)
{
  run_worker (data, NULL, NULL);
  return NULL;
}

/**
 * gr_suggest_prepare:
 * @progress: (nullable) (scope call): told the share done, from this
 *   thread; returning %FALSE stops
 *
 * Finds, on every core, the unserved demand each candidate would serve.
 * Call again after the analysis changed otherwise than by adding parks
 * (a removed park leaves demand that no candidate was measured against).
 *
 * Returns: %FALSE when stopped
 */
gboolean
gr_suggest_prepare (GrSuggest *suggest, GrSuggestProgress progress, gpointer user_data)
{
  PrepareJob job = { suggest, 0, 0, FALSE };
  guint      n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS);
  GThread   *threads[MAX_THREADS] = { NULL };

  clear_prepared (suggest);
  collect_demand (suggest);
  suggest->reach = g_ptr_array_new_with_free_func (reach_free);
  g_ptr_array_set_size (suggest->reach, suggest->polygons->len);
  n_threads = MIN (n_threads, MAX (suggest->polygons->len, 1));
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("gr-suggest", worker_thread, &job);
  run_worker (&job, progress, user_data);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  if (job.cancelled)
    {
      clear_prepared (suggest);
      return FALSE;
    }
  suggest->prepared = TRUE;
  return TRUE;
}

/* ---- ranking ----------------------------------------------------------------- */

typedef struct
{
  gint64 gain;
  guint  candidate;
  guint  round; /* the number of sites chosen when the gain was found */
} Entry;

typedef struct
{
  GrSuggest *suggest;
  guint8    *covered; /* per demand */
  guint8    *blocked; /* per candidate */
  GArray    *heap;    /* Entry, the best first */
  guint      round;
  gint64     served; /* weight served, the chosen sites included */
  gint64     total;  /* weight of all residential cells */
} Ranking;

/* More gain first; then less land (the fewest parks, then the least land);
 * then the earlier candidate, so that rankings are repeatable. */
static gboolean
better (const Ranking *r, const Entry *a, const Entry *b)
{
  double area_a, area_b;

  if (a->gain != b->gain)
    return a->gain > b->gain;
  area_a = g_array_index (r->suggest->areas, double, a->candidate);
  area_b = g_array_index (r->suggest->areas, double, b->candidate);
  if (area_a != area_b)
    return area_a < area_b;
  return a->candidate < b->candidate;
}

static void
sift_down (Ranking *r, guint i)
{
  Entry *h = (Entry *) r->heap->data;
  guint  n = r->heap->len;

  for (;;)
    {
      guint best = i, left = 2 * i + 1, right = 2 * i + 2;
      Entry swap;

      if (left < n && better (r, &h[left], &h[best]))
        best = left;
      if (right < n && better (r, &h[right], &h[best]))
        best = right;
      if (best == i)
        return;
      swap = h[i];
      h[i] = h[best];
      h[best] = swap;
      i = best;
    }
}

static void
heap_pop (Ranking *r)
{
  Entry *h = (Entry *) r->heap->data;

  h[0] = h[r->heap->len - 1];
  g_array_set_size (r->heap, r->heap->len - 1);
  if (r->heap->len > 0)
    sift_down (r, 0);
}

static gint64
gain_of (const Ranking *r, guint candidate)
{
  const GArray *cells = g_ptr_array_index (r->suggest->reach, candidate);
  const Demand *demand = (const Demand *) r->suggest->demand->data;
  gint64        gain = 0;

  for (guint k = 0; k < cells->len; k++)
    {
      guint32 d = g_array_index (cells, guint32, k);

      if (!r->covered[d])
        gain += demand[d].weight;
    }
  return gain;
}

/* The live state: what was added since preparing counts as served. */
static void
ranking_init (Ranking *r, GrSuggest *suggest)
{
  const GrGrid *grid = suggest->grid;
  const Demand *demand = (const Demand *) suggest->demand->data;
  guint         n = suggest->polygons->len;

  r->suggest = suggest;
  r->covered = g_new0 (guint8, MAX (suggest->demand->len, 1));
  r->blocked = g_new0 (guint8, MAX (n, 1));
  r->heap = g_array_new (FALSE, FALSE, sizeof (Entry));
  r->round = 0;
  r->served = r->total = 0;
  for (gsize t = 0; t < (gsize) grid->n_tiles_x * grid->n_tiles_y; t++)
    {
      const GrTile *tile = grid->tiles[t];

      for (guint i = 0; tile != NULL && i < GR_TILE_CELLS; i++)
        {
          gint64 w = tile->sample[i] != 0 ? cell_weight (suggest, tile, i) : 0;

          r->total += w;
          if (w > 0 && cell_served (suggest, tile, i))
            r->served += w;
        }
    }
  for (guint d = 0; d < suggest->demand->len; d++)
    {
      const GrTile *tile = gr_grid_tile_at (grid, demand[d].col, demand[d].row);

      r->covered[d] = cell_served (suggest, tile, gr_tile_index (demand[d].col, demand[d].row));
    }
  for (guint c = 0; c < n; c++)
    {
      Entry e = { 0, c, 0 };

      r->blocked[c] = g_array_index (suggest->excluded, gboolean, c);
      if (r->blocked[c])
        continue;
      e.gain = gain_of (r, c);
      g_array_append_val (r->heap, e);
    }
  for (guint i = r->heap->len / 2; i-- > 0;)
    sift_down (r, i);
}

static void
ranking_clear (Ranking *r)
{
  g_free (r->covered);
  g_free (r->blocked);
  g_array_unref (r->heap);
}

static void
block_near (Ranking *r, guint chosen)
{
  const double *at = &g_array_index (r->suggest->centres, double, 2 * chosen);
  double        limit = r->suggest->spacing * r->suggest->spacing;

  r->blocked[chosen] = TRUE;
  if (r->suggest->spacing <= 0)
    return;
  for (guint c = 0; c < r->suggest->polygons->len; c++)
    {
      const double *p = &g_array_index (r->suggest->centres, double, 2 * c);

      if ((p[0] - at[0]) * (p[0] - at[0]) + (p[1] - at[1]) * (p[1] - at[1]) < limit)
        r->blocked[c] = TRUE;
    }
}

/* The next site by lazy greedy: a gain found in an earlier round is only
 * an upper bound; the top is looked at again until it is current. */
static gboolean
next_pick (Ranking *r, GrSuggestPick *pick)
{
  while (r->heap->len > 0)
    {
      Entry *top = &g_array_index (r->heap, Entry, 0);

      if (r->blocked[top->candidate])
        {
          heap_pop (r);
          continue;
        }
      if (top->round != r->round)
        {
          top->gain = gain_of (r, top->candidate);
          top->round = r->round;
          sift_down (r, 0);
          continue;
        }
      if (top->gain <= 0)
        return FALSE;
      {
        const GArray *cells = g_ptr_array_index (r->suggest->reach, top->candidate);

        for (guint k = 0; k < cells->len; k++)
          r->covered[g_array_index (cells, guint32, k)] = TRUE;
      }
      pick->candidate = top->candidate;
      pick->value = top->gain * weight_unit (r->suggest);
      r->served += top->gain;
      r->round++;
      block_near (r, top->candidate);
      heap_pop (r);
      return TRUE;
    }
  return FALSE;
}

/**
 * gr_suggest_rank:
 * @count: how many sites
 *
 * The @count candidates that together serve the most, each given what it
 * adds to those before it. Fewer when the rest would serve nothing more.
 *
 * Returns: (transfer full) (element-type GrSuggestPick): the sites, best first
 */
GArray *
gr_suggest_rank (GrSuggest *suggest, guint count)
{
  GArray       *picks = g_array_new (FALSE, FALSE, sizeof (GrSuggestPick));
  Ranking       r;
  GrSuggestPick pick;

  g_return_val_if_fail (suggest->prepared, picks);
  ranking_init (&r, suggest);
  while (picks->len < count && next_pick (&r, &pick))
    g_array_append_val (picks, pick);
  ranking_clear (&r);
  return picks;
}

/**
 * gr_suggest_reach:
 * @target: the share (0–1) of all demand to be served
 * @reached: (out): whether the sites reach it
 *
 * The fewest sites (then the least land) that reach @target by the greedy
 * rule; when the candidates cannot, every site that still adds something,
 * so that the caller can say how far they get.
 *
 * Returns: (transfer full) (element-type GrSuggestPick): the sites, best first
 */
GArray *
gr_suggest_reach (GrSuggest *suggest, double target, gboolean *reached)
{
  GArray       *picks = g_array_new (FALSE, FALSE, sizeof (GrSuggestPick));
  Ranking       r;
  GrSuggestPick pick;
  double        need;

  *reached = FALSE;
  g_return_val_if_fail (suggest->prepared, picks);
  ranking_init (&r, suggest);
  need = target * r.total;
  while (!(*reached = r.served >= need) && next_pick (&r, &pick))
    g_array_append_val (picks, pick);
  ranking_clear (&r);
  return picks;
}

/* The demand served now, and all of it: m² of land or persons. */
double
gr_suggest_served (GrSuggest *suggest)
{
  GrCoverage *coverage = gr_analysis_get_coverage (suggest->analysis);
  GrAmount    all = gr_coverage_sum (coverage, -1, 0, 0);
  GrAmount    unserved = gr_coverage_sum (coverage, -1, suggest->mask, 0);

  if (suggest->weight == GR_SUGGEST_BY_AREA)
    return all.area_m2 - unserved.area_m2;
  return all.population - unserved.population;
}

double
gr_suggest_total (GrSuggest *suggest)
{
  GrAmount all = gr_coverage_sum (gr_analysis_get_coverage (suggest->analysis), -1, 0, 0);

  return suggest->weight == GR_SUGGEST_BY_AREA ? all.area_m2 : all.population;
}

/**
 * gr_suggest_is_current:
 *
 * Whether the ranking still measures the analysis as it stands: every
 * cell unserved now was unserved when the candidates were prepared. Sites
 * added since (accepted suggestions) only serve cells, and keep it
 * current; an edit that takes supply away (a park removed or moved)
 * leaves cells no candidate was measured against, and the candidates must
 * be prepared again.
 *
 * Returns: %FALSE also before gr_suggest_prepare()
 */
gboolean
gr_suggest_is_current (GrSuggest *suggest)
{
  const GrGrid *grid = suggest->grid;

  if (!suggest->prepared)
    return FALSE;
  for (gsize t = 0; t < (gsize) grid->n_tiles_x * grid->n_tiles_y; t++)
    {
      const GrTile *tile = grid->tiles[t];

      for (guint i = 0; tile != NULL && i < GR_TILE_CELLS; i++)
        if (tile->sample[i] != 0 && !cell_served (suggest, tile, i)
            && cell_weight (suggest, tile, i) > 0
            && (suggest->index[t] == NULL || suggest->index[t][i] == 0))
          return FALSE;
    }
  return TRUE;
}

/**
 * gr_suggest_candidate_cells:
 * @cells: (element-type GrCellDistance): the unserved cells the candidate
 *   would serve are appended (distance 0)
 *
 * For showing which blind spots a site would cover.
 *
 * Returns: %FALSE before gr_suggest_prepare()
 */
gboolean
gr_suggest_candidate_cells (GrSuggest *suggest, guint candidate, GArray *cells)
{
  const Demand *demand;
  const GArray *reach;

  if (!suggest->prepared || candidate >= suggest->reach->len)
    return FALSE;
  demand = (const Demand *) suggest->demand->data;
  reach = g_ptr_array_index (suggest->reach, candidate);
  for (guint k = 0; k < reach->len; k++)
    {
      const Demand  *d = &demand[g_array_index (reach, guint32, k)];
      const GrTile  *tile = gr_grid_tile_at (suggest->grid, d->col, d->row);
      GrCellDistance c = { d->col, d->row, 0 };

      if (!cell_served (suggest, tile, gr_tile_index (d->col, d->row)))
        g_array_append_val (cells, c);
    }
  return TRUE;
}

/* ---- what each site adds to every figure ---------------------------------- */

static guint
cell_key_hash (gconstpointer key)
{
  guint64 k = *(const guint64 *) key;

  return (guint) ((k ^ (k >> 29)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> 32);
}

static gboolean
cell_key_equal (gconstpointer a, gconstpointer b)
{
  return *(const guint64 *) a == *(const guint64 *) b;
}

typedef struct
{
  GHashTable *bits; /* cell key → the layer bits this site sets, as guint8 */
  guint8      layer_bit;
} SiteCells;

/* A key the table takes; where it holds the cell already, it frees this one. */
static guint64 *
new_key (guint64 key)
{
  guint64 *stored = g_new (guint64, 1);

  *stored = key;
  return stored;
}

static void
or_bits (SiteCells *site, guint col, guint row, guint8 bit)
{
  guint64 key = ((guint64) row << 32) | col;
  guint   bits = GPOINTER_TO_UINT (g_hash_table_lookup (site->bits, &key));

  g_hash_table_insert (site->bits, new_key (key), GUINT_TO_POINTER (bits | bit));
}

static void
site_cell_cb (GrTile *tile, guint index, guint col, guint row, gpointer data)
{
  SiteCells *site = data;

  if (tile->sample[index] != 0)
    or_bits (site, col, row, site->layer_bit);
}

/* Every residential cell the site reaches, with the layers it reaches it in. */
static void
site_cells (GrSuggest *suggest, const GrPolygon *polygon, SiteCells *site, GArray *spans)
{
  GrWalk *walk = gr_analysis_get_walk (suggest->analysis);
  double  radii[GR_N_LAYERS], longest = -1;

  gr_analysis_supply_radii (suggest->analysis, polygon, TRUE, FALSE, radii);
  for (guint layer = 0; layer < GR_N_LAYERS; layer++)
    longest = MAX (longest, radii[layer]);
  if (longest < 0)
    return;
  if (walk == NULL)
    {
      for (guint layer = 0; layer < GR_N_LAYERS; layer++)
        if (radii[layer] >= 0)
          {
            site->layer_bit = 1u << layer;
            gr_grid_foreach_cell_within (suggest->grid, polygon, radii[layer], spans, site_cell_cb,
                                         site);
          }
      return;
    }
  {
    g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));

    gr_walk_reach (walk, polygon, longest, cells);
    for (guint k = 0; k < cells->len; k++)
      {
        const GrCellDistance *c = &g_array_index (cells, GrCellDistance, k);
        const GrTile         *tile = gr_grid_tile_at (suggest->grid, c->col, c->row);

        if (tile == NULL || tile->sample[gr_tile_index (c->col, c->row)] == 0)
          continue;
        for (guint layer = 0; layer < GR_N_LAYERS; layer++)
          if (radii[layer] >= 0 && c->mm <= radius_mm (radii[layer]))
            or_bits (site, c->col, c->row, 1u << layer);
      }
  }
}

typedef struct
{
  gint64 samples, people;
} Tally;

static void
tally (Tally *t, const GrTile *tile, guint i)
{
  t->samples += gr_samples (tile->sample[i]);
  t->people += tile->people[i];
}

static GrAmount
amount_of (const GrSuggest *suggest, const Tally *t)
{
  double   cell = suggest->grid->resolution * suggest->grid->resolution / 16.0;
  GrAmount a = { t->samples * cell, t->people / GR_POPULATION_SCALE };

  return a;
}

/**
 * gr_suggest_measure:
 * @picks: (array length=n_picks): sites in the order they would be added
 * @gains: (array length=n_picks) (out caller-allocates): what each adds,
 *   after those before it, to every figure
 *
 * Worked from the cells and layers each site reaches as an added park
 * would be entered, so that adding the sites to the analysis changes its
 * summary by exactly the sum of the gains.
 */
void
gr_suggest_measure (GrSuggest           *suggest,
                    const GrSuggestPick *picks,
                    guint                n_picks,
                    GrSuggestGain       *gains)
{
  const guint8 g = 1u << GR_LAYER_GREEN, p = 1u << GR_LAYER_PARK, s = 1u << GR_LAYER_SERVICE;
  g_autoptr (GHashTable) added =
      g_hash_table_new_full (cell_key_hash, cell_key_equal, g_free, NULL);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));

  for (guint n = 0; n < n_picks; n++)
    {
      SiteCells site = { g_hash_table_new_full (cell_key_hash, cell_key_equal, g_free, NULL), 0 };
      Tally     blind = { 0 }, green = { 0 }, park = { 0 }, service = { 0 };
      GHashTableIter iter;
      gpointer       key, value;

      site_cells (suggest, gr_suggest_get_candidate (suggest, picks[n].candidate), &site, spans);
      g_hash_table_iter_init (&iter, site.bits);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint64       k = *(guint64 *) key;
          guint         col = (guint) (k & 0xFFFFFFFFu), row = (guint) (k >> 32);
          const GrTile *tile = gr_grid_tile_at (suggest->grid, col, row);
          guint         i = gr_tile_index (col, row);
          guint8 before = tile->state[i] | GPOINTER_TO_UINT (g_hash_table_lookup (added, key));
          guint8 after = before | GPOINTER_TO_UINT (value);

          if (!(before & g) && (after & g))
            tally (&green, tile, i);
          if (!(before & p) && (after & p))
            tally (&park, tile, i);
          if (!(before & s) && (after & s))
            tally (&service, tile, i);
          if (!(before & (g | p)) && (after & (g | p)))
            tally (&blind, tile, i);
          if (after != before)
            g_hash_table_insert (added, new_key (k), GUINT_TO_POINTER (after));
        }
      g_hash_table_unref (site.bits);
      gains[n].blind_spots = amount_of (suggest, &blind);
      gains[n].green = amount_of (suggest, &green);
      gains[n].park = amount_of (suggest, &park);
      gains[n].service = amount_of (suggest, &service);
    }
}

/* ---- the exact problem ------------------------------------------------------ */

static guint64
mix (guint64 h, guint64 v)
{
  h ^= v + G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) + (h << 6) + (h >> 2);
  h *= G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  return h ^ (h >> 31);
}

static void
add_pairs (GrSuggest *suggest, GArray *pairs)
{
  double limit = suggest->spacing * suggest->spacing;

  if (suggest->spacing <= 0)
    return;
  for (guint a = 0; a < suggest->polygons->len; a++)
    for (guint b = a + 1; b < suggest->polygons->len; b++)
      {
        const double *pa = &g_array_index (suggest->centres, double, 2 * a);
        const double *pb = &g_array_index (suggest->centres, double, 2 * b);

        if (g_array_index (suggest->excluded, gboolean, a)
            || g_array_index (suggest->excluded, gboolean, b))
          continue;
        if ((pa[0] - pb[0]) * (pa[0] - pb[0]) + (pa[1] - pb[1]) * (pa[1] - pb[1]) < limit)
          {
            g_array_append_val (pairs, a);
            g_array_append_val (pairs, b);
          }
      }
}

/**
 * gr_suggest_get_problem:
 * @problem: (out caller-allocates): clear with gr_suggest_problem_clear()
 *
 * The unserved demand as it stands, aggregated: cells reached by the same
 * set of candidates form one group whose weight is their sum, so that the
 * integer program has one row per group instead of one per cell.
 */
void
gr_suggest_get_problem (GrSuggest *suggest, GrSuggestProblem *problem)
{
  Ranking  r;
  guint    n_demand, n_cand = suggest->polygons->len;
  guint64 *sig;
  guint   *count, *group_of, *seen;
  double   unit = weight_unit (suggest);
  g_autoptr (GHashTable) groups = NULL;
  g_autoptr (GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  problem->groups = g_array_new (FALSE, FALSE, sizeof (GrSuggestGroup));
  problem->candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  problem->pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  problem->served = problem->total = 0;
  g_return_if_fail (suggest->prepared);

  ranking_init (&r, suggest);
  problem->served = r.served * unit;
  problem->total = r.total * unit;
  n_demand = suggest->demand->len;
  sig = g_new0 (guint64, MAX (n_demand, 1));
  count = g_new0 (guint, MAX (n_demand, 1));
  group_of = g_new (guint, MAX (n_demand, 1));
  for (guint c = 0; c < n_cand; c++)
    {
      const GArray *cells = g_ptr_array_index (suggest->reach, c);

      if (r.blocked[c])
        continue;
      for (guint k = 0; k < cells->len; k++)
        {
          guint32 d = g_array_index (cells, guint32, k);

          if (r.covered[d])
            continue;
          sig[d] = mix (sig[d], c + 1);
          count[d]++;
        }
    }
  for (guint d = 0; d < n_demand; d++)
    sig[d] = mix (sig[d], count[d]);
  groups = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint d = 0; d < n_demand; d++)
    {
      gpointer       found;
      GrSuggestGroup group = { 0 };

      group_of[d] = G_MAXUINT;
      if (r.covered[d] || count[d] == 0)
        continue;
      if (!g_hash_table_lookup_extended (groups, &sig[d], NULL, &found))
        {
          found = GUINT_TO_POINTER (problem->groups->len);
          g_hash_table_insert (groups, &sig[d], found);
          g_array_append_val (problem->groups, group);
          g_ptr_array_add (lists, g_array_new (FALSE, FALSE, sizeof (guint)));
        }
      group_of[d] = GPOINTER_TO_UINT (found);
      g_array_index (problem->groups, GrSuggestGroup, group_of[d]).weight +=
          g_array_index (suggest->demand, Demand, d).weight * unit;
    }
  seen = g_new0 (guint, MAX (problem->groups->len, 1));
  for (guint c = 0; c < n_cand; c++)
    {
      const GArray *cells = g_ptr_array_index (suggest->reach, c);

      for (guint k = 0; !r.blocked[c] && k < cells->len; k++)
        {
          guint32 d = g_array_index (cells, guint32, k);
          guint   gi = group_of[d];

          if (gi == G_MAXUINT || seen[gi] == c + 1)
            continue;
          seen[gi] = c + 1;
          g_array_append_val (g_ptr_array_index (lists, gi), c);
        }
    }
  for (guint gi = 0; gi < problem->groups->len; gi++)
    {
      GrSuggestGroup *group = &g_array_index (problem->groups, GrSuggestGroup, gi);
      GArray         *list = g_ptr_array_index (lists, gi);

      group->first = problem->candidates->len;
      group->n = list->len;
      g_array_append_vals (problem->candidates, list->data, list->len);
    }
  add_pairs (suggest, problem->pairs);
  g_free (seen);
  g_free (sig);
  g_free (count);
  g_free (group_of);
  ranking_clear (&r);
}

void
gr_suggest_problem_clear (GrSuggestProblem *problem)
{
  g_clear_pointer (&problem->groups, g_array_unref);
  g_clear_pointer (&problem->candidates, g_array_unref);
  g_clear_pointer (&problem->pairs, g_array_unref);
}
