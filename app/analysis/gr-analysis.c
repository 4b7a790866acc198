/* gr-analysis.c — a city's coverage by green space and parks, kept live */
#include "config.h"

#include "gr-analysis.h"
#include "gr-grid-private.h"
#include "gr-walk.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Far enough to snap a population point sitting on a street to the homes
 * beside it, near enough not to move people across a district. */
#define POPULATION_SNAP_M 50.0

/* A grid beyond this many cells would not fit a desktop's memory even
 * sparsely; the user is told to coarsen the resolution. */
#define MAX_CELLS 4.0e10

typedef struct
{
  gboolean   park;
  gboolean   historic;
  gboolean   reachable;          /* walking mode: the network reaches it */
  guint      ids[GR_N_LAYERS];   /* straight-line: coverage ids, 0 where it does not qualify */
  double     radii[GR_N_LAYERS]; /* walking: the radius per layer, < 0 where it does not qualify */
  GrPolygon *polygon;            /* walking: kept to withdraw its reach again */
  GArray    *seeds; /* walking: its access points (GrWalkSeed), gathered when first asked */
} Supply;

struct _GrAnalysis
{
  GrCriteria      criteria;
  GrServiceRules *rules;
  GrGrid         *grid;     /* owned until the demand is finished */
  GrCoverage     *coverage; /* owns the grid afterwards */
  guint           n_zones;
  double          unplaced;
  GArray         *supply;                      /* Supply, by id - 1 */
  GrWalk         *walk;                        /* NULL in straight-line mode */
  GArray         *reach;                       /* GrCellDistance scratch */
  guint           serial;                      /* bumped by every change of supply */
  gint64         *targets[GR_N_LAYERS];        /* per node: walk into a feature */
  guint           targets_serial[GR_N_LAYERS]; /* the serial they were made at */
  guint64       **greenway;      /* per grid tile, a bit per cell within reach of a greenway;
                             * NULL until gr_analysis_set_greenways() */
  gint64         *greenway_sums; /* per zone (0: outside every zone): samples, thousandths of
                                  * a person, as the coverage totals count, once marked */
};

/* Tiles the grid has room for, allocated or not. */
static guint
n_tile_slots (const GrGrid *grid)
{
  return grid->n_tiles_x * grid->n_tiles_y;
}

static void
supply_clear (gpointer data)
{
  g_clear_pointer (&((Supply *) data)->polygon, gr_polygon_free);
  g_clear_pointer (&((Supply *) data)->seeds, g_array_unref);
}

GrAnalysis *
gr_analysis_new (const GrCriteria     *criteria,
                 const GrServiceRules *rules,
                 const double          bounds[4],
                 guint                 n_zones,
                 GError              **error)
{
  GrAnalysis *analysis;
  double      cells;

  g_return_val_if_fail (criteria != NULL && rules != NULL, NULL);
  g_return_val_if_fail (n_zones < G_MAXUINT16, NULL);

  if (!(criteria->resolution > 0) || !isfinite (bounds[0]) || !isfinite (bounds[3]))
    {
      g_set_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_EMPTY,
                   _ ("there is no residential land to analyse"));
      return NULL;
    }
  cells = (bounds[2] - bounds[0]) / criteria->resolution
          * ((bounds[3] - bounds[1]) / criteria->resolution);
  if (cells > MAX_CELLS && (bounds[2] - bounds[0] > 4e7 || bounds[3] - bounds[1] > 4e7))
    {
      /* Wider than the Earth: coordinates of another CRS, or none at all. */
      g_set_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_TOO_LARGE,
                   _ ("the residential land spans more than the Earth does: some of its "
                      "coordinates are wrong or in another CRS"));
      return NULL;
    }
  if (cells > MAX_CELLS)
    {
      g_set_error (error, GR_ANALYSIS_ERROR, GR_ANALYSIS_ERROR_TOO_LARGE,
                   _ ("the residential land spans %.0f × %.0f km, too large for a %g m grid; "
                      "choose a coarser --resolution"),
                   (bounds[2] - bounds[0]) / 1000, (bounds[3] - bounds[1]) / 1000,
                   criteria->resolution);
      return NULL;
    }
  analysis = g_new0 (GrAnalysis, 1);
  analysis->criteria = *criteria;
  analysis->rules = gr_service_rules_copy (rules);
  analysis->grid = gr_grid_new (bounds, criteria->resolution, GR_N_LAYERS);
  analysis->n_zones = n_zones;
  analysis->supply = g_array_new (FALSE, TRUE, sizeof (Supply));
  g_array_set_clear_func (analysis->supply, supply_clear);
  analysis->reach = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
  return analysis;
}

void
gr_analysis_free (GrAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  if (analysis->greenway != NULL)
    for (guint t = 0; t < n_tile_slots (gr_coverage_peek_grid (analysis->coverage)); t++)
      g_free (analysis->greenway[t]);
  g_free (analysis->greenway);
  gr_service_rules_free (analysis->rules);
  gr_grid_free (analysis->grid);
  gr_coverage_free (analysis->coverage);
  g_array_unref (analysis->supply);
  gr_walk_free (analysis->walk);
  g_array_unref (analysis->reach);
  for (guint layer = 0; layer < GR_N_LAYERS; layer++)
    g_free (analysis->targets[layer]);
  g_free (analysis->greenway_sums);
  g_free (analysis);
}

void
gr_analysis_add_residential (GrAnalysis *analysis, const GrPolygon *polygon)
{
  g_return_if_fail (analysis->grid != NULL);
  gr_grid_add_residential (analysis->grid, polygon);
}

/**
 * gr_analysis_add_residentials:
 * @polygons: (array length=n)
 *
 * gr_analysis_add_residential() for each, on every core.
 */
void
gr_analysis_add_residentials (GrAnalysis *analysis, const GrPolygon *const *polygons, guint n)
{
  g_return_if_fail (analysis->grid != NULL);
  gr_grid_add_residentials (analysis->grid, polygons, n, 0);
}

void
gr_analysis_set_zone (GrAnalysis *analysis, const GrPolygon *polygon, guint zone)
{
  g_return_if_fail (analysis->grid != NULL);
  g_return_if_fail (zone >= 1 && zone <= analysis->n_zones);
  gr_grid_set_zone (analysis->grid, polygon, (guint16) zone);
}

double
gr_analysis_spread_population (GrAnalysis *analysis, const GrPolygon *polygon, double people)
{
  double placed;

  g_return_val_if_fail (analysis->grid != NULL, 0);
  placed = gr_grid_spread_population (analysis->grid, polygon, people);
  if (people > 0 && isfinite (people))
    analysis->unplaced += people - placed;
  return placed;
}

/**
 * gr_analysis_spread_populations:
 * @polygons: (array length=n)
 * @people: (array length=n)
 *
 * gr_analysis_spread_population() for each, on every core.
 */
void
gr_analysis_spread_populations (GrAnalysis             *analysis,
                                const GrPolygon *const *polygons,
                                const double           *people,
                                guint                   n)
{
  g_autofree double *placed = g_new (double, MAX (n, 1));

  g_return_if_fail (analysis->grid != NULL);
  gr_grid_spread_populations (analysis->grid, polygons, people, n, 0, placed);
  for (guint i = 0; i < n; i++)
    if (people[i] > 0 && isfinite (people[i]))
      analysis->unplaced += people[i] - placed[i];
}

gboolean
gr_analysis_place_population (GrAnalysis *analysis, double x, double y, double people)
{
  g_return_val_if_fail (analysis->grid != NULL, FALSE);
  if (gr_grid_place_population (analysis->grid, x, y, people, POPULATION_SNAP_M))
    return TRUE;
  if (people > 0 && isfinite (people))
    analysis->unplaced += people;
  return FALSE;
}

/**
 * gr_analysis_set_network:
 * @network: (transfer full): a finished walking network
 * @attach_distance: how far a home may be from the network, metres
 * @access_distance: how near a path must come to a green feature to enter it
 *
 * Switches the analysis to walking distance. Call before
 * gr_analysis_finish_demand().
 */
void
gr_analysis_set_network (GrAnalysis *analysis,
                         GrNetwork  *network,
                         double      attach_distance,
                         double      access_distance)
{
  g_return_if_fail (analysis->grid != NULL && analysis->walk == NULL);
  analysis->walk = gr_walk_new (network, analysis->grid, attach_distance, access_distance);
}

/* Entrances replace the network's own access for the features they are
 * within the access distance of. */
void
gr_analysis_add_entrance (GrAnalysis *analysis, double x, double y)
{
  g_return_if_fail (analysis->walk != NULL && analysis->grid != NULL);
  gr_walk_add_entrance (analysis->walk, x, y);
}

void
gr_analysis_finish_demand (GrAnalysis *analysis)
{
  g_return_if_fail (analysis->grid != NULL);
  if (analysis->walk != NULL)
    gr_walk_attach (analysis->walk);
  analysis->coverage = gr_coverage_new (g_steal_pointer (&analysis->grid), analysis->n_zones);
}

/* The radius each layer serves the feature with; < 0 where it does not
 * qualify. Parks are green space too, for the 300 m rule. */
static void
supply_radii (GrAnalysis      *analysis,
              const Supply    *supply,
              const GrPolygon *polygon,
              double           radii[GR_N_LAYERS])
{
  const GrCriteria *c = &analysis->criteria;
  double            area = gr_polygon_area (polygon);
  double            service =
      supply->park ? gr_service_rules_radius (analysis->rules, area, supply->historic) : 0;

  radii[GR_LAYER_GREEN] = area >= c->green_min_area ? c->green_radius : -1;
  radii[GR_LAYER_PARK] = supply->park && area >= c->park_min_area ? c->park_radius : -1;
  radii[GR_LAYER_SERVICE] = service > 0 ? service : -1;
}

/**
 * gr_analysis_supply_radii:
 * @radii: (out caller-allocates): per #GrServiceLayer, the radius, < 0
 *   where the feature does not qualify
 *
 * The radii a feature of this shape would be entered with, were it added.
 */
void
gr_analysis_supply_radii (GrAnalysis      *analysis,
                          const GrPolygon *polygon,
                          gboolean         park,
                          gboolean         historic,
                          double           radii[GR_N_LAYERS])
{
  Supply supply = { park, historic, FALSE, { 0 }, { 0 }, NULL };

  supply_radii (analysis, &supply, polygon, radii);
}

static double
longest_radius (const Supply *supply)
{
  double longest = -1;

  for (guint layer = 0; layer < GR_N_LAYERS; layer++)
    longest = MAX (longest, supply->radii[layer]);
  return longest;
}

static void
apply_reach (GrAnalysis *analysis, const Supply *supply, GArray *cells, int delta)
{
  for (guint layer = 0; layer < GR_N_LAYERS; layer++)
    if (supply->radii[layer] >= 0)
      gr_coverage_apply_cells (analysis->coverage, layer, (GrCellDistance *) cells->data,
                               cells->len, (gint64) floor (supply->radii[layer] * 1000.0 + 1e-6),
                               delta);
}

/* One bounded Dijkstra serves all three layers, each cut to its radius. */
static void
apply_walking (GrAnalysis *analysis, Supply *supply, int delta)
{
  double longest = longest_radius (supply);

  if (longest < 0)
    {
      supply->reachable = TRUE; /* too small to count: nothing to reach */
      return;
    }
  supply->reachable = gr_walk_reach (analysis->walk, supply->polygon, longest, analysis->reach);
  apply_reach (analysis, supply, analysis->reach, delta);
}

static void
prepare_supply (GrAnalysis *analysis, Supply *supply, const GrPolygon *polygon)
{
  double radii[GR_N_LAYERS];

  supply_radii (analysis, supply, polygon, radii);
  memcpy (supply->radii, radii, sizeof radii);
  analysis->serial++;
  if (analysis->walk != NULL)
    supply->polygon = gr_polygon_copy (polygon);
}

static void
enter_supply (GrAnalysis *analysis, Supply *supply, const GrPolygon *polygon)
{
  prepare_supply (analysis, supply, polygon);
  if (analysis->walk != NULL)
    {
      apply_walking (analysis, supply, +1);
      return;
    }
  supply->reachable = TRUE;
  for (guint layer = 0; layer < GR_N_LAYERS; layer++)
    if (supply->radii[layer] >= 0)
      supply->ids[layer] =
          gr_coverage_add (analysis->coverage, layer, polygon, supply->radii[layer]);
}

static void
withdraw_supply (GrAnalysis *analysis, Supply *supply)
{
  analysis->serial++;
  if (supply->polygon != NULL)
    {
      apply_walking (analysis, supply, -1);
      g_clear_pointer (&supply->polygon, gr_polygon_free);
      g_clear_pointer (&supply->seeds, g_array_unref);
      return;
    }
  for (guint layer = 0; layer < GR_N_LAYERS; layer++)
    {
      if (supply->ids[layer] != 0)
        gr_coverage_remove (analysis->coverage, supply->ids[layer]);
      supply->ids[layer] = 0;
    }
}

/**
 * gr_analysis_add_supply:
 * @park: whether the feature is a park (parks are green space too)
 * @historic: whether it lies in a historic district, for the rule table
 *
 * Returns: the supply id, for gr_analysis_remove_supply()
 */
guint
gr_analysis_add_supply (GrAnalysis      *analysis,
                        const GrPolygon *polygon,
                        gboolean         park,
                        gboolean         historic)
{
  Supply supply = { park, historic, FALSE, { 0 }, { 0 }, NULL };

  g_return_val_if_fail (analysis->coverage != NULL, 0);
  enter_supply (analysis, &supply, polygon);
  g_array_append_val (analysis->supply, supply);
  return analysis->supply->len;
}

/* ---- many at once ------------------------------------------------------------ */

typedef struct
{
  guint    index;
  gboolean reachable;
  GArray  *cells;
} Reached;

typedef struct
{
  GrAnalysis  *analysis;
  guint        end;
  gint         next; /* the next supply not yet taken by either thread */
  GAsyncQueue *queue;
} ReachJob;

static guint
take_next (ReachJob *job)
{
  return (guint) g_atomic_int_add (&job->next, 1);
}

/* The helper thread computes the reaches of the supplies it takes; only
 * the main thread touches the counts. */
static gpointer
reach_taken (gpointer data)
{
  ReachJob      *job = data;
  GrWalkScratch *scratch = gr_walk_scratch_new (job->analysis->walk);

  for (guint i; (i = take_next (job)) < job->end;)
    {
      Supply  *supply = &g_array_index (job->analysis->supply, Supply, i);
      Reached *r = g_new0 (Reached, 1);
      double   longest = longest_radius (supply);

      r->index = i;
      r->cells = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
      r->reachable =
          longest < 0
          || gr_walk_reach_with (job->analysis->walk, scratch, supply->polygon, longest, r->cells);
      g_async_queue_push (job->queue, r);
    }
  gr_walk_scratch_free (scratch);
  return NULL;
}

static void
apply_reached (GrAnalysis *analysis, Reached *r)
{
  Supply *supply = &g_array_index (analysis->supply, Supply, r->index);

  supply->reachable = r->reachable;
  apply_reach (analysis, supply, r->cells, +1);
  g_array_unref (r->cells);
  g_free (r);
}

/* The main thread also applies every reach to the counts (the counts are
 * sums, the same in any order), so each thread takes the next supply when
 * it is free rather than every other one. */
static void
add_walking_batch (GrAnalysis *analysis, guint first, guint end)
{
  ReachJob job = { analysis, end, (gint) first, g_async_queue_new () };
  guint    done = 0;
  GThread *helper = g_thread_new ("gr-walk-reach", reach_taken, &job);
  Reached *r;

  for (guint i; (i = take_next (&job)) < end;)
    {
      apply_walking (analysis, &g_array_index (analysis->supply, Supply, i), +1);
      for (done++; (r = g_async_queue_try_pop (job.queue)) != NULL; done++)
        apply_reached (analysis, r);
    }
  for (; done < end - first; done++)
    apply_reached (analysis, g_async_queue_pop (job.queue));
  g_thread_join (helper);
  g_async_queue_unref (job.queue);
}

/**
 * gr_analysis_add_supplies:
 * @polygons: (array length=n): the features
 * @parks: (array length=n): whether each is a park
 * @historic: (array length=n) (nullable): whether each is in a historic district
 * @ids: (array length=n) (out caller-allocates) (nullable): their ids
 *
 * The same as calling gr_analysis_add_supply() for each, but on every
 * core: the full analysis of a city. The coverage is counted when it
 * returns.
 */
void
gr_analysis_add_supplies (GrAnalysis             *analysis,
                          const GrPolygon *const *polygons,
                          const gboolean         *parks,
                          const gboolean         *historic,
                          guint                   n,
                          guint                  *ids)
{
  guint first = analysis->supply->len;

  g_return_if_fail (analysis->coverage != NULL);
  if (analysis->walk == NULL || n < 2)
    {
      for (guint i = 0; i < n; i++)
        {
          guint id = gr_analysis_add_supply (analysis, polygons[i], parks[i],
                                             historic ? historic[i] : FALSE);
          if (ids != NULL)
            ids[i] = id;
        }
      gr_coverage_settle (analysis->coverage);
      return;
    }
  g_array_set_size (analysis->supply, first + n);
  for (guint i = 0; i < n; i++)
    {
      Supply *supply = &g_array_index (analysis->supply, Supply, first + i);

      supply->park = parks[i];
      supply->historic = historic ? historic[i] : FALSE;
      prepare_supply (analysis, supply, polygons[i]);
      if (ids != NULL)
        ids[i] = first + i + 1;
    }
  add_walking_batch (analysis, first, first + n);
  gr_coverage_settle (analysis->coverage);
}

static Supply *
lookup_supply (GrAnalysis *analysis, guint id)
{
  if (analysis->coverage == NULL || id == 0 || id > analysis->supply->len)
    return NULL;
  return &g_array_index (analysis->supply, Supply, id - 1);
}

/* A removed feature's id stays valid (and empty): ids are never reused. */
gboolean
gr_analysis_remove_supply (GrAnalysis *analysis, guint id)
{
  Supply *supply = lookup_supply (analysis, id);

  if (supply == NULL)
    return FALSE;
  withdraw_supply (analysis, supply);
  supply->reachable = FALSE;
  return TRUE;
}

gboolean
gr_analysis_supply_is_reachable (GrAnalysis *analysis, guint id)
{
  Supply *supply = lookup_supply (analysis, id);

  return supply != NULL && supply->reachable;
}

gboolean
gr_analysis_is_walking (GrAnalysis *analysis)
{
  return analysis->walk != NULL;
}

void
gr_analysis_get_network_stats (GrAnalysis *analysis, GrNetworkStats *stats)
{
  g_return_if_fail (analysis->walk != NULL);
  gr_network_get_stats (gr_walk_get_network (analysis->walk), stats);
}

GrAmount
gr_analysis_get_unattached (GrAnalysis *analysis)
{
  GrAmount none = { 0, 0 };

  return analysis->walk != NULL ? gr_walk_get_unattached (analysis->walk) : none;
}

static void
add_cell (const GrGrid *grid, guint col, guint row, gint64 mm, GrAmount *amount, GArray *cells)
{
  double         x, y, area;
  GrCellDistance cell = { col, row, mm };

  gr_grid_cell_center (grid, col, row, &x, &y);
  if ((area = gr_grid_cell_area (grid, x, y)) <= 0)
    return;
  amount->area_m2 += area;
  amount->population += gr_grid_cell_population (grid, x, y);
  if (cells != NULL)
    g_array_append_val (cells, cell);
}

typedef struct
{
  const GrGrid *grid;
  GrAmount     *amount;
  GArray       *cells;
} Served;

static void
served_cell (GrTile *tile, guint index, guint col, guint row, gpointer data)
{
  Served *served = data;

  add_cell (served->grid, col, row, 0, served->amount, served->cells);
}

/**
 * gr_analysis_served:
 * @radius: metres, straight or walked as the analysis measures
 * @cells: (nullable) (element-type GrCellDistance): the residential cells
 *   served are appended (walking distance in mm; 0 in straight-line mode)
 *
 * What @polygon would serve, found as an added feature is, without
 * entering it: for showing what a selected park serves.
 *
 * Returns: the residential area and residents served
 */
GrAmount
gr_analysis_served (GrAnalysis *analysis, const GrPolygon *polygon, double radius, GArray *cells)
{
  const GrGrid *grid = gr_coverage_get_grid (analysis->coverage);
  GrAmount      amount = { 0, 0 };
  g_autoptr (GArray) spans = NULL;
  Served served;

  if (analysis->walk != NULL)
    {
      g_autoptr (GArray) reach = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
      gint64 limit = (gint64) floor (radius * 1000.0 + 1e-6);

      gr_walk_reach (analysis->walk, polygon, radius, reach);
      for (guint i = 0; i < reach->len; i++)
        {
          const GrCellDistance *c = &g_array_index (reach, GrCellDistance, i);

          if (c->mm <= limit)
            add_cell (grid, c->col, c->row, c->mm, &amount, cells);
        }
      return amount;
    }
  spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  served.grid = grid;
  served.amount = &amount;
  served.cells = cells;
  gr_grid_foreach_cell_within (grid, polygon, radius, spans, served_cell, &served);
  return amount;
}

/* Per node, the shortest walk from it into a feature serving @layer. A
 * feature's access points are gathered once and kept with it, so that
 * after an edit only the features it touched are looked at again. */
static const gint64 *
walk_targets (GrAnalysis *analysis, guint layer)
{
  guint   n = gr_network_get_n_nodes (gr_walk_get_network (analysis->walk));
  gint64 *targets;

  if (analysis->targets[layer] != NULL && analysis->targets_serial[layer] == analysis->serial)
    return analysis->targets[layer];
  if (analysis->targets[layer] == NULL)
    analysis->targets[layer] = g_new (gint64, MAX (n, 1));
  targets = analysis->targets[layer];
  for (guint i = 0; i < n; i++)
    targets[i] = G_MAXINT64;
  for (guint i = 0; i < analysis->supply->len; i++)
    {
      Supply *supply = &g_array_index (analysis->supply, Supply, i);

      if (supply->polygon == NULL || supply->radii[layer] < 0)
        continue;
      if (supply->seeds == NULL)
        {
          supply->seeds = g_array_new (FALSE, FALSE, sizeof (GrWalkSeed));
          gr_walk_access (analysis->walk, supply->polygon, supply->seeds);
        }
      for (guint k = 0; k < supply->seeds->len; k++)
        {
          const GrWalkSeed *seed = &g_array_index (supply->seeds, GrWalkSeed, k);
          targets[seed->node] = MIN (targets[seed->node], seed->mm);
        }
    }
  analysis->targets_serial[layer] = analysis->serial;
  return targets;
}

/**
 * gr_analysis_walk_distance:
 * @layer: a #GrServiceLayer
 * @limit: metres; longer walks are not looked for
 *
 * How far a home at (@x, @y) walks to the nearest feature serving @layer,
 * measured as the walking analysis measures homes. The first call after an
 * edit gathers every feature's access points again.
 *
 * Returns: metres, INFINITY when none is within @limit or the point is off
 *   the network, NAN in straight-line mode
 */
double
gr_analysis_walk_distance (GrAnalysis *analysis, double x, double y, guint layer, double limit)
{
  gint64 mm;

  g_return_val_if_fail (layer < GR_N_LAYERS, NAN);
  if (analysis->walk == NULL)
    return NAN;
  mm = gr_walk_nearest (analysis->walk, x, y, walk_targets (analysis, layer), limit);
  return mm < 0 ? INFINITY : mm / 1000.0;
}

/**
 * gr_analysis_prepare_walk_distance:
 *
 * Gathers up front what gr_analysis_walk_distance() needs (every
 * feature's access points), in the thread that built the analysis rather
 * than at the first question. Nothing in straight-line mode.
 */
void
gr_analysis_prepare_walk_distance (GrAnalysis *analysis)
{
  if (analysis->walk == NULL)
    return;
  for (guint layer = 0; layer < GR_N_LAYERS; layer++)
    walk_targets (analysis, layer);
}

GrWalk *
gr_analysis_get_walk (GrAnalysis *analysis)
{
  return analysis->walk;
}

/* A reshaped feature may change size class, so it is re-entered whole. */
gboolean
gr_analysis_replace_supply (GrAnalysis *analysis, guint id, const GrPolygon *polygon)
{
  Supply *supply = lookup_supply (analysis, id);

  if (supply == NULL)
    return FALSE;
  withdraw_supply (analysis, supply);
  enter_supply (analysis, supply, polygon);
  return TRUE;
}

/* ---- greenways and sums over areas ------------------------------------------ */

static void
mark_greenway (GrAnalysis *analysis, guint col, guint row)
{
  const GrGrid *grid = gr_coverage_peek_grid (analysis->coverage);
  guint         t = (row >> GR_TILE_SHIFT) * grid->n_tiles_x + (col >> GR_TILE_SHIFT);
  guint         index = gr_tile_index (col, row);

  if (grid->tiles[t] == NULL)
    return;
  if (analysis->greenway[t] == NULL)
    analysis->greenway[t] = g_new0 (guint64, GR_TILE_CELLS / 64);
  analysis->greenway[t][index / 64] |= G_GUINT64_CONSTANT (1) << (index % 64);
}

static gboolean
is_greenway (GrAnalysis *analysis, const GrGrid *grid, guint col, guint row)
{
  const guint64 *bits =
      analysis->greenway != NULL
          ? analysis->greenway[(row >> GR_TILE_SHIFT) * grid->n_tiles_x + (col >> GR_TILE_SHIFT)]
          : NULL;
  guint index = gr_tile_index (col, row);

  return bits != NULL && (bits[index / 64] >> (index % 64)) & 1;
}

static void
mark_cell (GrTile *tile, guint index, guint col, guint row, gpointer data)
{
  if (tile->sample[index] != 0)
    mark_greenway (data, col, row);
}

/* The homes within reach of a greenway, per zone: greenways do not
 * change, so they are counted once. */
static void
count_greenway (GrAnalysis *analysis)
{
  const GrGrid *grid = gr_coverage_peek_grid (analysis->coverage);

  g_free (analysis->greenway_sums);
  analysis->greenway_sums = g_new0 (gint64, 2 * (analysis->n_zones + 1));
  for (guint t = 0; t < n_tile_slots (grid); t++)
    {
      const GrTile  *tile = grid->tiles[t];
      const guint64 *bits = analysis->greenway[t];

      for (guint i = 0; bits != NULL && tile != NULL && i < GR_TILE_CELLS; i++)
        if ((bits[i / 64] >> (i % 64)) & 1 && tile->zone[i] <= analysis->n_zones)
          {
            analysis->greenway_sums[2 * tile->zone[i]] += gr_samples (tile->sample[i]);
            analysis->greenway_sums[2 * tile->zone[i] + 1] += tile->people[i];
          }
    }
}

/* In the coverage totals' arithmetic (gr_coverage_sum()), so that the
 * homes near a greenway are never more than all homes, to the last bit. */
static GrAmount
sum_greenway (GrAnalysis *analysis, int zone)
{
  const GrGrid *grid = gr_coverage_get_grid (analysis->coverage);
  gint64        samples = 0, people = 0;

  for (guint z = 0; analysis->greenway_sums != NULL && z <= analysis->n_zones; z++)
    if (zone < 0 || (guint) zone == z)
      samples += analysis->greenway_sums[2 * z], people += analysis->greenway_sums[2 * z + 1];
  return (GrAmount){ samples * (grid->resolution * grid->resolution / 16.0),
                     people / GR_POPULATION_SCALE };
}

/**
 * gr_analysis_set_greenways:
 * @lines: greenways, each line as a polygon of no area (its points there
 *   and back), so that its service area is the band along it
 * @radius: metres, straight or walked as the analysis measures (城市体检
 *   2021: 1 km)
 *
 * Marks the homes within @radius of a greenway, for GrSummary.greenway and
 * gr_analysis_sum_within() with %GR_REACH_GREENWAY. Greenways are not
 * edited, so this is done once, after the demand is finished.
 */
void
gr_analysis_set_greenways (GrAnalysis             *analysis,
                           const GrPolygon *const *lines,
                           guint                   n,
                           double                  radius)
{
  const GrGrid *grid;
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  g_autoptr (GArray) reach = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
  gint64 limit = (gint64) floor (radius * 1000.0 + 1e-6);

  g_return_if_fail (analysis->coverage != NULL);
  grid = gr_coverage_peek_grid (analysis->coverage);
  if (analysis->greenway == NULL)
    analysis->greenway = g_new0 (guint64 *, MAX (n_tile_slots (grid), 1));
  for (guint i = 0; i < n; i++)
    {
      if (analysis->walk == NULL)
        {
          gr_grid_foreach_cell_within (grid, lines[i], radius, spans, mark_cell, analysis);
          continue;
        }
      gr_walk_reach_line (analysis->walk, lines[i], radius, reach);
      for (guint k = 0; k < reach->len; k++)
        {
          const GrCellDistance *c = &g_array_index (reach, GrCellDistance, k);

          if (c->mm <= limit)
            mark_greenway (analysis, c->col, c->row);
        }
    }
  count_greenway (analysis);
}

gboolean
gr_analysis_has_greenways (GrAnalysis *analysis)
{
  return analysis->greenway != NULL;
}

typedef struct
{
  GrAnalysis *analysis;
  guint       layer;
  GrAmount   *all, *covered;
} SumData;

static gboolean
cell_is_covered (GrAnalysis   *analysis,
                 const GrTile *tile,
                 guint         index,
                 guint         col,
                 guint         row,
                 guint         layer)
{
  if (layer == GR_REACH_GREENWAY)
    return is_greenway (analysis, gr_coverage_get_grid (analysis->coverage), col, row);
  return (tile->state[index] >> layer) & 1;
}

static void
sum_cell (GrTile *tile, guint index, guint col, guint row, gpointer data)
{
  SumData      *d = data;
  const GrGrid *grid = gr_coverage_get_grid (d->analysis->coverage);
  double area = gr_samples (tile->sample[index]) * grid->resolution * grid->resolution / 16.0;
  double people = tile->people[index] / GR_POPULATION_SCALE;

  if (tile->sample[index] == 0)
    return;
  d->all->area_m2 += area, d->all->population += people;
  if (cell_is_covered (d->analysis, tile, index, col, row, d->layer))
    d->covered->area_m2 += area, d->covered->population += people;
}

/**
 * gr_analysis_sum_within:
 * @polygon: an area: a census tract, a life circle
 * @layer: a #GrServiceLayer, or %GR_REACH_GREENWAY
 * @all: (out): the residential land and residents inside @polygon
 * @covered: (out): those of them @layer covers
 *
 * Homes are counted by their cell's centre.
 */
void
gr_analysis_sum_within (GrAnalysis      *analysis,
                        const GrPolygon *polygon,
                        guint            layer,
                        GrAmount        *all,
                        GrAmount        *covered)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  SumData d = { analysis, layer, all, covered };

  g_return_if_fail (analysis->coverage != NULL);
  g_return_if_fail (layer <= GR_REACH_GREENWAY);
  *all = (GrAmount){ 0, 0 };
  *covered = (GrAmount){ 0, 0 };
  gr_grid_foreach_cell_within (gr_coverage_get_grid (analysis->coverage), polygon, 0, spans,
                               sum_cell, &d);
}

/**
 * gr_analysis_foreach_cell:
 * @func: called for every residential cell
 *
 * Row by row from the south-west, for finding clusters of homes.
 */
void
gr_analysis_foreach_cell (GrAnalysis *analysis,
                          void (*func) (const GrCell *cell, gpointer data),
                          gpointer data)
{
  gr_analysis_foreach_cell_where (analysis, 0, 0, func, data);
}

/**
 * gr_analysis_foreach_cell_where:
 * @mask: service layers' bits (1 << GrLayer) to look at
 * @value: what they must be: 0 for the cells none of them covers
 *
 * As gr_analysis_foreach_cell(), for the residential cells whose state
 * has @value in @mask only; the others cost a byte's test.
 */
void
gr_analysis_foreach_cell_where (GrAnalysis *analysis,
                                guint       mask,
                                guint       value,
                                void (*func) (const GrCell *cell, gpointer data),
                                gpointer data)
{
  const GrGrid       *grid;
  g_autofree guint64 *bits = NULL;

  g_return_if_fail (analysis->coverage != NULL);
  g_return_if_fail ((mask & ~((1u << GR_N_LAYERS) - 1)) == 0 && (value & ~mask) == 0);
  grid = gr_coverage_get_grid (analysis->coverage);
  bits = g_new (guint64, (gsize) grid->n_tiles_x * GR_TILE_SIZE);
  for (guint ty = 0; ty < grid->n_tiles_y; ty++)
    {
      guint n_rows = MIN (GR_TILE_SIZE, grid->n_rows - (ty << GR_TILE_SHIFT));

      /* The cells asked for, one bit each, tile by tile: each tile's
       * arrays are read in order, not a row of every tile at a time… */
      for (guint tx = 0; tx < grid->n_tiles_x; tx++)
        {
          const GrTile *tile = grid->tiles[ty * grid->n_tiles_x + tx];

          for (guint r = 0; r < GR_TILE_SIZE; r++)
            {
              const guint16 *sample = tile != NULL ? tile->sample + (r << GR_TILE_SHIFT) : NULL;
              const guint8  *state = tile != NULL ? tile->state + (r << GR_TILE_SHIFT) : NULL;
              guint64        found = 0;

              if (tile != NULL && (tile->rows >> r) & 1)
                for (guint c = 0; c < GR_TILE_SIZE; c++)
                  found |= (guint64) ((sample[c] != 0) & ((state[c] & mask) == value)) << c;
              bits[tx * GR_TILE_SIZE + r] = found;
            }
        }
      /* …then handed out row by row. */
      for (guint r = 0; r < n_rows; r++)
        for (guint tx = 0; tx < grid->n_tiles_x; tx++)
          for (guint64 found = bits[tx * GR_TILE_SIZE + r]; found != 0; found &= found - 1)
            {
              const GrTile *tile = grid->tiles[ty * grid->n_tiles_x + tx];
              guint         c = (guint) __builtin_ctzll (found), index = (r << GR_TILE_SHIFT) | c;
              guint         col = (tx << GR_TILE_SHIFT) | c, row = (ty << GR_TILE_SHIFT) | r;
              GrCell        cell;

              cell.col = col;
              cell.row = row;
              gr_grid_cell_center (grid, col, row, &cell.x, &cell.y);
              cell.area_m2 =
                  gr_samples (tile->sample[index]) * grid->resolution * grid->resolution / 16.0;
              cell.people = tile->people[index] / GR_POPULATION_SCALE;
              cell.zone = tile->zone[index];
              cell.state = tile->state[index];
              if (is_greenway (analysis, grid, col, row))
                cell.state |= 1u << GR_REACH_GREENWAY;
              func (&cell, data);
            }
    }
}

void
gr_analysis_summarize (GrAnalysis *analysis, int zone, GrSummary *summary)
{
  GrCoverage *cov = analysis->coverage;
  const guint g = 1u << GR_LAYER_GREEN, p = 1u << GR_LAYER_PARK, s = 1u << GR_LAYER_SERVICE;

  g_return_if_fail (cov != NULL);
  summary->residential = gr_coverage_sum (cov, zone, 0, 0);
  summary->green = gr_coverage_sum (cov, zone, g, g);
  summary->park = gr_coverage_sum (cov, zone, p, p);
  summary->both = gr_coverage_sum (cov, zone, g | p, g | p);
  summary->neither = gr_coverage_sum (cov, zone, g | p, 0);
  summary->service = gr_coverage_sum (cov, zone, s, s);
  summary->greenway = sum_greenway (analysis, zone);
}

double
gr_analysis_get_unplaced_population (GrAnalysis *analysis)
{
  return analysis->unplaced;
}

GrCoverage *
gr_analysis_get_coverage (GrAnalysis *analysis)
{
  return analysis->coverage;
}

const GrCriteria *
gr_analysis_get_criteria (GrAnalysis *analysis)
{
  return &analysis->criteria;
}
