/* gr-coverage.c — per-cell counts of the service areas that reach each home */
#include "gr-coverage.h"
#include "gr-grid-private.h"

#include <math.h>
#include <string.h>

typedef struct
{
  guint      layer;
  double     radius;
  GrPolygon *polygon;
  gboolean   pending; /* added before the coverage settled, not yet counted */
} ServiceArea;

/* Totals are integers (area in sixteenths of a cell, people in thousandths)
 * kept per zone and per cell state, the set of layers covering the cell. */
typedef struct
{
  gint64 samples;
  gint64 people;
} Total;

struct _GrCoverage
{
  GrGrid    *grid;
  guint      n_zones;
  guint      n_states;
  Total     *totals;   /* (n_zones + 1) × n_states */
  GPtrArray *features; /* id - 1 → ServiceArea, NULL once removed */
  guint      n_live;
  GArray    *spans;
  /* Until something reads the coverage, features added are kept aside;
   * they are then counted together, by bands of tile rows on every core,
   * and the cells' states and the totals are made from the counts once. */
  gboolean settled;
  guint    n_pending;
  guint    n_threads;
};

static void
service_area_free (gpointer data)
{
  ServiceArea *area = data;

  if (area == NULL)
    return;
  gr_polygon_free (area->polygon);
  g_free (area);
}

static Total *
total_in (GrCoverage *coverage, Total *totals, guint zone, guint state)
{
  return &totals[MIN (zone, coverage->n_zones) * coverage->n_states + state];
}

static Total *
total_at (GrCoverage *coverage, guint zone, guint state)
{
  return total_in (coverage, coverage->totals, zone, state);
}

static void
tally_tile (GrCoverage *coverage, const GrTile *tile, Total *totals)
{
  gboolean people = coverage->grid->has_people, zones = coverage->grid->has_zones;

  for (guint i = 0; i < GR_TILE_CELLS; i++)
    {
      Total *total;

      if (tile->sample[i] == 0)
        continue;
      total = total_in (coverage, totals, zones ? tile->zone[i] : 0, tile->state[i]);
      total->samples += gr_samples (tile->sample[i]);
      total->people += people ? tile->people[i] : 0;
    }
}

/**
 * gr_coverage_set_threads:
 * @n_threads: 0 for one per core
 *
 * How many threads count the features added before the coverage is first
 * read. The counts are the same, to the cell, however many there are.
 */
void
gr_coverage_set_threads (GrCoverage *coverage, guint n_threads)
{
  g_return_if_fail (coverage != NULL);
  coverage->n_threads = gr_threads_for (n_threads, 64);
}

/**
 * gr_coverage_new:
 * @grid: (transfer full): a grid whose demand is complete
 * @n_zones: zone ids in the grid run 1..@n_zones; 0 is outside every zone
 */
GrCoverage *
gr_coverage_new (GrGrid *grid, guint n_zones)
{
  GrCoverage *coverage = g_new0 (GrCoverage, 1);

  coverage->grid = grid;
  coverage->n_zones = n_zones;
  coverage->n_states = 1u << grid->n_layers;
  coverage->totals = g_new0 (Total, (gsize) (n_zones + 1) * coverage->n_states);
  coverage->features = g_ptr_array_new_with_free_func (service_area_free);
  coverage->spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  coverage->n_threads = gr_default_threads ();
  return coverage;
}

static void count_pending (GrCoverage *coverage);

/* A share of the work of a full analysis: of bands of tile rows, or of
 * tiles, those whose number divided by @n_parts leaves @part. */
typedef struct
{
  GrCoverage *coverage;
  guint       part, n_parts;
  Total      *totals; /* settling: this part's */
} Part;

/* Whole tiles at a time, without aliasing, so that they vectorise. */
static void
or_layer (guint8 *restrict state, const guint16 *restrict count, guint8 bit)
{
  for (guint i = 0; i < GR_TILE_CELLS; i++)
    state[i] |= count[i] != 0 ? bit : 0;
}

static void
settle_tile (GrTile *tile, guint n_layers)
{
  guint8 *restrict state = tile->state;
  const guint16 *restrict sample = tile->sample;

  memset (state, 0, GR_TILE_CELLS);
  for (guint layer = 0; layer < n_layers; layer++)
    or_layer (state, tile->count + (gsize) layer * GR_TILE_CELLS, 1u << layer);
  for (guint i = 0; i < GR_TILE_CELLS; i++)
    state[i] = sample[i] != 0 ? state[i] : 0;
}

static gpointer
settle_part (gpointer data)
{
  Part   *part = data;
  GrGrid *grid = part->coverage->grid;

  for (gsize t = part->part; t < (gsize) grid->n_tiles_x * grid->n_tiles_y; t += part->n_parts)
    if (grid->tiles[t] != NULL)
      {
        settle_tile (grid->tiles[t], grid->n_layers);
        tally_tile (part->coverage, grid->tiles[t], part->totals);
      }
  return NULL;
}

/**
 * gr_coverage_settle:
 *
 * Counts the features added since the coverage was made (on every core)
 * and makes the cells' states and the totals from the counts. Every read
 * does it first; a full analysis calls it where the time is to be spent.
 * Features added from then on are counted one at a time.
 */
void
gr_coverage_settle (GrCoverage *coverage)
{
  GrGrid *grid = coverage->grid;
  gsize   n_totals = (gsize) (coverage->n_zones + 1) * coverage->n_states;
  guint   n = MAX (MIN (coverage->n_threads, grid->n_tiles / 16), 1);
  Part    parts[64];

  if (coverage->settled)
    return;
  count_pending (coverage);
  coverage->settled = TRUE;
  for (guint k = 0; k < n; k++)
    parts[k] = (Part){ coverage, k, n, g_new0 (Total, n_totals) };
  gr_run_parts (settle_part, parts, sizeof parts[0], n);
  for (guint k = 0; k < n; k++)
    {
      for (gsize t = 0; t < n_totals; t++)
        {
          coverage->totals[t].samples += parts[k].totals[t].samples;
          coverage->totals[t].people += parts[k].totals[t].people;
        }
      g_free (parts[k].totals);
    }
}

void
gr_coverage_free (GrCoverage *coverage)
{
  if (coverage == NULL)
    return;
  gr_grid_free (coverage->grid);
  g_free (coverage->totals);
  g_ptr_array_unref (coverage->features);
  g_array_unref (coverage->spans);
  g_free (coverage);
}

/**
 * gr_coverage_peek_grid:
 *
 * The grid for its homes, residents and zones only, without counting the
 * features added so far: their counts and the cells' states may still be
 * pending. For work done while a full analysis is being built.
 */
const GrGrid *
gr_coverage_peek_grid (GrCoverage *coverage)
{
  return coverage->grid;
}

/* For reading the cells' states: call it again after adding features. */
GrGrid *
gr_coverage_get_grid (GrCoverage *coverage)
{
  gr_coverage_settle (coverage);
  return coverage->grid;
}

guint
gr_coverage_get_n_zones (GrCoverage *coverage)
{
  return coverage->n_zones;
}

guint
gr_coverage_get_n_features (GrCoverage *coverage)
{
  return coverage->n_live;
}

static void
move_cell (GrCoverage *coverage, GrTile *tile, guint index, guint8 new_state)
{
  guint16 zone = tile->zone[index];
  gint64  samples = gr_samples (tile->sample[index]);
  Total  *from = total_at (coverage, zone, tile->state[index]);
  Total  *to = total_at (coverage, zone, new_state);

  from->samples -= samples;
  from->people -= tile->people[index];
  to->samples += samples;
  to->people += tile->people[index];
  tile->state[index] = new_state;
}

static void
update_run (GrCoverage *coverage, GrTile *tile, guint layer, guint first, guint last, int delta)
{
  guint16 *count = tile->count + (gsize) layer * GR_TILE_CELLS;
  guint8   bit = 1u << layer;

  if (!coverage->settled && delta > 0)
    {
      guint16 wrapped = 0;

      for (guint i = first; i <= last; i++)
        wrapped |= !++count[i];
      g_assert (!wrapped);
      return;
    }
  gr_coverage_settle (coverage);
  for (guint i = first; i <= last; i++)
    {
      gboolean was = count[i] > 0;

      g_assert (delta > 0 ? count[i] < G_MAXUINT16 : count[i] > 0);
      count[i] += delta;
      if (was != (count[i] > 0) && tile->sample[i] != 0)
        move_cell (coverage, tile, i, tile->state[i] ^ bit);
    }
}

static void
update_span (GrCoverage *coverage, guint layer, guint row, guint c0, guint c1, int delta)
{
  GrGrid *grid = coverage->grid;

  for (guint col = c0; col <= c1;)
    {
      guint   tile_end = MIN (c1, col | GR_TILE_MASK);
      GrTile *tile = gr_grid_tile_at (grid, col, row);

      if (tile != NULL)
        update_run (coverage, tile, layer, gr_tile_index (col, row), gr_tile_index (tile_end, row),
                    delta);
      col = tile_end + 1;
    }
}

typedef struct
{
  GrCoverage *coverage;
  guint       layer;
  int         delta;
} Applying;

static void
apply_span (guint row, guint first_col, guint last_col, gpointer data)
{
  Applying *applying = data;

  update_span (applying->coverage, applying->layer, row, first_col, last_col, applying->delta);
}

/* Adds @delta to the count of every cell whose centre is within @radius of
 * the polygon: row by row, the cells under the row's service-area spans. */
static void
apply (GrCoverage *coverage, const ServiceArea *area, int delta)
{
  Applying applying = { coverage, area->layer, delta };

  gr_grid_foreach_span_within (coverage->grid, area->polygon, area->radius, coverage->spans,
                               apply_span, &applying);
}

/* The pending features, counted in the bands of tile rows of one part:
 * parts share no cell, so they run at once without locks, and integer
 * counts come out the same in any order. */
static gpointer
count_part (gpointer data)
{
  Part       *part = data;
  GrCoverage *coverage = part->coverage;
  GArray     *spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));

  for (guint i = 0; i < coverage->features->len; i++)
    {
      ServiceArea *area = g_ptr_array_index (coverage->features, i);
      Applying     applying;

      if (area == NULL || !area->pending)
        continue;
      applying = (Applying){ coverage, area->layer, +1 };
      gr_grid_foreach_span_in_bands (coverage->grid, area->polygon, area->radius, spans, part->part,
                                     part->n_parts, apply_span, &applying);
    }
  g_array_unref (spans);
  return NULL;
}

static void
count_pending (GrCoverage *coverage)
{
  guint n = MIN (coverage->n_threads, coverage->grid->n_tiles_y);
  Part  parts[64];

  if (coverage->n_pending == 0)
    return;
  n = coverage->n_pending > 1 ? MAX (n, 1) : 1;
  for (guint k = 0; k < n; k++)
    parts[k] = (Part){ coverage, k, n, NULL };
  gr_run_parts (count_part, parts, sizeof parts[0], n);
  for (guint i = 0; i < coverage->features->len; i++)
    {
      ServiceArea *area = g_ptr_array_index (coverage->features, i);

      if (area != NULL)
        area->pending = FALSE;
    }
  coverage->n_pending = 0;
}

/**
 * gr_coverage_add:
 * @layer: the service layer, below the grid's layer count
 * @radius: service radius in metres, measured from the polygon's boundary
 *
 * Returns: the feature's id (never 0), for gr_coverage_remove()
 */
guint
gr_coverage_add (GrCoverage *coverage, guint layer, const GrPolygon *polygon, double radius)
{
  ServiceArea *area;

  g_return_val_if_fail (coverage != NULL, 0);
  g_return_val_if_fail (layer < coverage->grid->n_layers, 0);
  g_return_val_if_fail (polygon != NULL, 0);
  g_return_val_if_fail (radius >= 0 && isfinite (radius), 0);

  area = g_new0 (ServiceArea, 1);
  area->layer = layer;
  area->radius = radius;
  area->polygon = gr_polygon_copy (polygon);
  if (coverage->settled)
    apply (coverage, area, +1);
  else
    area->pending = TRUE, coverage->n_pending++;
  g_ptr_array_add (coverage->features, area);
  coverage->n_live++;
  return coverage->features->len;
}

static ServiceArea *
lookup (GrCoverage *coverage, guint id)
{
  if (id == 0 || id > coverage->features->len)
    return NULL;
  return g_ptr_array_index (coverage->features, id - 1);
}

gboolean
gr_coverage_remove (GrCoverage *coverage, guint id)
{
  ServiceArea *area;

  g_return_val_if_fail (coverage != NULL, FALSE);

  if ((area = lookup (coverage, id)) == NULL)
    return FALSE;
  gr_coverage_settle (coverage);
  apply (coverage, area, -1);
  service_area_free (area);
  g_ptr_array_index (coverage->features, id - 1) = NULL;
  coverage->n_live--;
  return TRUE;
}

/* Moving or reshaping a feature: its old area out, its new one in, same id. */
gboolean
gr_coverage_replace (GrCoverage *coverage, guint id, const GrPolygon *polygon, double radius)
{
  ServiceArea *area;

  g_return_val_if_fail (coverage != NULL, FALSE);
  g_return_val_if_fail (polygon != NULL, FALSE);
  g_return_val_if_fail (radius >= 0 && isfinite (radius), FALSE);

  if ((area = lookup (coverage, id)) == NULL)
    return FALSE;
  gr_coverage_settle (coverage);
  apply (coverage, area, -1);
  gr_polygon_free (area->polygon);
  area->polygon = gr_polygon_copy (polygon);
  area->radius = radius;
  apply (coverage, area, +1);
  return TRUE;
}

/**
 * gr_coverage_apply_cells:
 * @max_mm: only cells at most this far are counted
 * @delta: +1 to enter a feature's reach, -1 to withdraw it
 *
 * The walking-mode counterpart of gr_coverage_add(): the caller computed
 * the reach; the counts and totals are kept the same way.
 */
void
gr_coverage_apply_cells (GrCoverage           *coverage,
                         guint                 layer,
                         const GrCellDistance *cells,
                         guint                 n_cells,
                         gint64                max_mm,
                         int                   delta)
{
  GrGrid *grid = coverage->grid;

  g_return_if_fail (layer < grid->n_layers);
  g_return_if_fail (delta == 1 || delta == -1);

  for (guint i = 0; i < n_cells; i++)
    {
      GrTile *tile;
      guint   index;

      if (cells[i].mm > max_mm || cells[i].col >= grid->n_cols || cells[i].row >= grid->n_rows)
        continue;
      tile = gr_grid_tile_at (grid, cells[i].col, cells[i].row);
      if (tile == NULL)
        continue;
      index = gr_tile_index (cells[i].col, cells[i].row);
      update_run (coverage, tile, layer, index, index, delta);
    }
}

/**
 * gr_coverage_sum:
 * @zone: a zone id, or -1 for the whole city
 * @layer_mask: which layers' coverage to look at
 * @layer_value: the required covered (1) / uncovered (0) bit for each of them
 *
 * Residential area and population of the cells whose covering layers, under
 * @layer_mask, equal @layer_value. Mask 0 gives all residential land; mask
 * 0b11 with value 0 gives the land reached by neither layer 0 nor layer 1.
 */
GrAmount
gr_coverage_sum (GrCoverage *coverage, int zone, guint layer_mask, guint layer_value)
{
  double   cell_area = coverage->grid->resolution * coverage->grid->resolution / 16.0;
  gint64   samples = 0, people = 0;
  GrAmount amount;

  gr_coverage_settle (coverage);
  for (guint z = 0; z <= coverage->n_zones; z++)
    {
      if (zone >= 0 && (guint) zone != z)
        continue;
      for (guint s = 0; s < coverage->n_states; s++)
        {
          if ((s & layer_mask) != (layer_value & layer_mask))
            continue;
          samples += total_at (coverage, z, s)->samples;
          people += total_at (coverage, z, s)->people;
        }
    }
  amount.area_m2 = samples * cell_area;
  amount.population = people / GR_POPULATION_SCALE;
  return amount;
}

/**
 * gr_coverage_get_tile:
 * @states: (array fixed-size=4096) (out caller-allocates): per cell, bit L
 *   set when layer L covers it; row-major from the tile's south-west cell
 * @samples: (array fixed-size=4096) (out caller-allocates): residential
 *   samples per cell, 0–16
 *
 * For drawing: the coverage of one 64 × 64-cell tile.
 *
 * Returns: %FALSE where the tile holds no residential land
 */
gboolean
gr_coverage_get_tile (GrCoverage *coverage, guint tx, guint ty, guint8 *states, guint8 *samples)
{
  GrGrid *grid = coverage->grid;
  GrTile *tile;

  gr_coverage_settle (coverage);
  if (tx >= grid->n_tiles_x || ty >= grid->n_tiles_y
      || (tile = grid->tiles[ty * grid->n_tiles_x + tx]) == NULL)
    return FALSE;
  memcpy (states, tile->state, GR_TILE_CELLS);
  for (guint i = 0; i < GR_TILE_CELLS; i++)
    samples[i] = gr_samples (tile->sample[i]);
  return TRUE;
}

guint
gr_coverage_cell_count_at (GrCoverage *coverage, guint layer, guint col, guint row)
{
  GrGrid *grid = coverage->grid;
  GrTile *tile;

  gr_coverage_settle (coverage);
  if (layer >= grid->n_layers || col >= grid->n_cols || row >= grid->n_rows)
    return 0;
  tile = gr_grid_tile_at (grid, col, row);
  if (tile == NULL || tile->sample[gr_tile_index (col, row)] == 0)
    return 0;
  return tile->count[(gsize) layer * GR_TILE_CELLS + gr_tile_index (col, row)];
}

guint
gr_coverage_cell_count (GrCoverage *coverage, guint layer, double x, double y)
{
  GrGrid *grid = coverage->grid;
  double  c = floor ((x - grid->x0) / grid->resolution);
  double  r = floor ((y - grid->y0) / grid->resolution);

  if (c < 0 || r < 0 || c >= grid->n_cols || r >= grid->n_rows)
    return 0;
  return gr_coverage_cell_count_at (coverage, layer, (guint) c, (guint) r);
}
