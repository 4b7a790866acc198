/* gr-grid.c — the demand raster: residential land and its residents */
#include "gr-grid-private.h"

#include <math.h>
#include <stdlib.h>
#ifndef G_OS_WIN32
#include <sys/mman.h>
#endif

#define SAMPLES 4 /* residential area is sampled 4 × 4 per cell */

GrGrid *
gr_grid_new (const double bounds[4], double resolution, guint n_layers)
{
  GrGrid *grid;
  double  width = MAX (bounds[2] - bounds[0], resolution);
  double  height = MAX (bounds[3] - bounds[1], resolution);

  g_return_val_if_fail (resolution > 0, NULL);
  g_return_val_if_fail (n_layers <= GR_GRID_MAX_LAYERS, NULL);
  g_return_val_if_fail (width / resolution < G_MAXINT / 2, NULL);
  g_return_val_if_fail (height / resolution < G_MAXINT / 2, NULL);

  grid = g_new0 (GrGrid, 1);
  grid->x0 = bounds[0];
  grid->y0 = bounds[1];
  grid->resolution = resolution;
  grid->n_cols = (guint) ceil (width / resolution);
  grid->n_rows = (guint) ceil (height / resolution);
  grid->n_tiles_x = (grid->n_cols + GR_TILE_MASK) >> GR_TILE_SHIFT;
  grid->n_tiles_y = (grid->n_rows + GR_TILE_MASK) >> GR_TILE_SHIFT;
  grid->n_layers = n_layers;
  grid->tiles = g_new0 (GrTile *, (gsize) grid->n_tiles_x * grid->n_tiles_y);
  grid->chunks = g_ptr_array_new_with_free_func (free);
  g_mutex_init (&grid->lock);
  return grid;
}

void
gr_grid_free (GrGrid *grid)
{
  if (grid == NULL)
    return;
  g_ptr_array_unref (grid->chunks);
  g_free (grid->tiles);
  g_mutex_clear (&grid->lock);
  g_free (grid);
}

double
gr_grid_get_resolution (const GrGrid *grid)
{
  return grid->resolution;
}

guint
gr_grid_get_n_layers (const GrGrid *grid)
{
  return grid->n_layers;
}

guint
gr_grid_get_n_tiles (const GrGrid *grid)
{
  return grid->n_tiles;
}

gsize
gr_grid_get_memory_size (const GrGrid *grid)
{
  gsize per_tile = sizeof (GrTile) + sizeof (guint16) * GR_TILE_CELLS * grid->n_layers;

  return sizeof (GrGrid) + sizeof (GrTile *) * grid->n_tiles_x * grid->n_tiles_y
         + per_tile * grid->n_tiles;
}

static GrTile *
new_tile (GrGrid *grid)
{
  gsize   counts = (gsize) GR_TILE_CELLS * MAX (grid->n_layers, 1);
  GrTile *tile;

  if (grid->n_spare == 0)
    {
      /* One block: the tiles, then each tile's counts. */
      gsize size = GR_CHUNK_TILES * (sizeof (GrTile) + counts * sizeof (guint16));
      char *block = calloc (1, size);

      if (block == NULL)
        g_error ("out of memory allocating %" G_GSIZE_FORMAT " bytes of grid", size);
      gr_advise_huge (block, size);
      g_ptr_array_add (grid->chunks, block);
      grid->spare = (GrTile *) block;
      grid->n_spare = GR_CHUNK_TILES;
    }
  tile = grid->spare++;
  grid->n_spare--;
  tile->count = (guint16 *) ((char *) grid->chunks->pdata[grid->chunks->len - 1]
                             + GR_CHUNK_TILES * sizeof (GrTile))
                + (GR_CHUNK_TILES - 1 - grid->n_spare) * counts;
  return tile;
}

static GrTile *
ensure_tile (GrGrid *grid, guint col, guint row)
{
  GrTile **slot = &grid->tiles[(row >> GR_TILE_SHIFT) * grid->n_tiles_x + (col >> GR_TILE_SHIFT)];

  /* Threads adding homes each keep to their own tiles' slots. */
  if (*slot == NULL)
    {
      g_mutex_lock (&grid->lock);
      *slot = new_tile (grid);
      grid->n_tiles++;
      g_mutex_unlock (&grid->lock);
    }
  return *slot;
}

/* Index range of the points k * step + offset (k >= 0, k < n) inside [a, b]. */
static gboolean
sample_range (double a, double b, double origin, double step, guint n, guint *first, guint *last)
{
  double lo = ceil ((a - origin) / step - 0.5);
  double hi = floor ((b - origin) / step - 0.5);

  lo = MAX (lo, 0);
  hi = MIN (hi, (double) n - 1);
  if (lo > hi)
    return FALSE;
  *first = (guint) lo;
  *last = (guint) hi;
  return TRUE;
}

gboolean
gr_grid_row_range (const GrGrid *grid, double y0, double y1, guint *first, guint *last)
{
  return sample_range (y0, y1, grid->y0, grid->resolution, grid->n_rows, first, last);
}

gboolean
gr_grid_col_range (const GrGrid *grid, double x0, double x1, guint *first, guint *last)
{
  return sample_range (x0, x1, grid->x0, grid->resolution, grid->n_cols, first, last);
}

/* Sets @bits in cells @first_col to @last_col of @row, a tile at a time. */
static void
or_cells (GrGrid *grid, guint row, guint first_col, guint last_col, guint16 bits)
{
  for (guint col = first_col; col <= last_col;)
    {
      GrTile  *tile = ensure_tile (grid, col, row);
      guint16 *sample = tile->sample + gr_tile_index (0, row);
      guint    end = MIN (last_col, col | GR_TILE_MASK);
      guint    a = col & GR_TILE_MASK, b = end & GR_TILE_MASK;

      tile->rows |= G_GUINT64_CONSTANT (1) << (row & GR_TILE_MASK);
      tile->cols |= (G_MAXUINT64 >> (63 - b)) & (G_MAXUINT64 << a);
      for (guint c = a; c <= b; c++)
        sample[c] |= bits;
      col = end + 1;
    }
}

/* Sets the sample bits of one sample row under @span. */
static void
fill_sample_row (GrGrid *grid, guint row, guint sub_row, const GrSpan *span)
{
  double step = grid->resolution / SAMPLES;
  guint  first, last, first_col, last_col, shift = sub_row * SAMPLES;
  guint  from_first, to_last; /* the bits of the end cells */

  if (!sample_range (span->x0, span->x1, grid->x0, step, grid->n_cols * SAMPLES, &first, &last))
    return;
  first_col = first / SAMPLES, last_col = last / SAMPLES;
  from_first = 0xFu & ~((1u << (first % SAMPLES)) - 1);
  to_last = (1u << (last % SAMPLES + 1)) - 1;
  if (first_col == last_col)
    {
      or_cells (grid, row, first_col, first_col, (from_first & to_last) << shift);
      return;
    }
  or_cells (grid, row, first_col, first_col, from_first << shift);
  if (first_col + 1 < last_col)
    or_cells (grid, row, first_col + 1, last_col - 1, 0xFu << shift);
  or_cells (grid, row, last_col, last_col, to_last << shift);
}

/**
 * gr_advise_huge:
 *
 * Asks for the whole 2 MiB pages inside a large block to be backed by huge
 * pages where the system gives them on request: a first touch then faults
 * once per 2 MiB instead of once per 4 KiB.
 */
void
gr_advise_huge (gpointer data, gsize size)
{
#if !defined(G_OS_WIN32) && defined(MADV_HUGEPAGE)
  const guintptr huge = 2 << 20;
  guintptr       start = ((guintptr) data + huge - 1) & ~(huge - 1);
  guintptr       end = ((guintptr) data + size) & ~(huge - 1);

  if (end > start)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

/**
 * gr_default_threads:
 *
 * Returns: how many threads the full analysis uses: GREENREACH_THREADS,
 *   else one per core
 */
guint
gr_default_threads (void)
{
  const char *env = g_getenv ("GREENREACH_THREADS");
  guint64     n;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 64, &n, NULL))
    return (guint) n;
  return CLAMP (g_get_num_processors (), 1, 64);
}

/**
 * gr_threads_for:
 * @asked: threads asked for, 0 for gr_default_threads()
 * @n_parts: how many pieces the work comes in
 *
 * Returns: how many threads to share them out over: at least one, at most
 *   one a piece
 */
guint
gr_threads_for (guint asked, guint n_parts)
{
  guint n = asked > 0 ? MIN (asked, 64) : gr_default_threads ();

  return MAX (MIN (n, n_parts), 1);
}

/**
 * gr_run_parts:
 * @parts: @n structures of @size bytes, one for each call of @func
 *
 * Runs @func on each part at once, the first on this thread, and returns
 * when all are done.
 */
void
gr_run_parts (GThreadFunc func, gpointer parts, gsize size, guint n)
{
  GThread *threads[64];

  g_return_if_fail (n >= 1 && n <= G_N_ELEMENTS (threads));
  for (guint k = 1; k < n; k++)
    threads[k] = g_thread_new ("gr-analysis", func, (char *) parts + k * size);
  func (parts);
  for (guint k = 1; k < n; k++)
    g_thread_join (threads[k]);
}

typedef struct
{
  GrGrid                 *grid;
  const GrPolygon *const *polygons;
  guint                   n_polygons;
  guint                   part, n_parts;
} ResidentialPart;

/* The polygons' sample rows in the bands of tile rows of one part. Parts
 * write different tiles; only making a tile takes the lock. */
static gpointer
add_residential_part (gpointer data)
{
  ResidentialPart *part = data;
  GrGrid          *grid = part->grid;
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  double step = grid->resolution / SAMPLES;

  for (guint i = 0; i < part->n_polygons; i++)
    {
      g_autoptr (GrPolygonScan) scan = NULL;
      double bounds[4];
      guint  first, last;

      gr_polygon_bounds (part->polygons[i], bounds);
      if (!sample_range (bounds[1], bounds[3], grid->y0, step, grid->n_rows * SAMPLES, &first,
                         &last))
        continue;
      scan = gr_polygon_scan_new (part->polygons[i], 0);
      for (guint s = first; s <= last; s++)
        {
          guint row = s / SAMPLES;

          if ((row >> GR_TILE_SHIFT) % part->n_parts != part->part)
            {
              /* another part's band */
              s = (guint) MIN (((guint64) (row | GR_TILE_MASK) + 1) * SAMPLES - 1, last);
              continue;
            }
          gr_polygon_scan_row (scan, grid->y0 + (s + 0.5) * step, spans);
          for (guint k = 0; k < spans->len; k++)
            fill_sample_row (grid, row, s % SAMPLES, &g_array_index (spans, GrSpan, k));
        }
    }
  return NULL;
}

/**
 * gr_grid_add_residentials:
 * @polygons: (array length=n)
 * @n_threads: 0 for gr_default_threads()
 *
 * Adds residential land, by bands of rows on several threads. Overlapping
 * polygons are unioned: each sample bit is set once.
 */
void
gr_grid_add_residentials (GrGrid *grid, const GrPolygon *const *polygons, guint n, guint n_threads)
{
  ResidentialPart parts[64];
  guint           n_parts = gr_threads_for (n_threads, n > 1 ? grid->n_tiles_y : 1);

  for (guint k = 0; k < n_parts; k++)
    parts[k] = (ResidentialPart){ grid, polygons, n, k, n_parts };
  gr_run_parts (add_residential_part, parts, sizeof parts[0], n_parts);
}

void
gr_grid_add_residential (GrGrid *grid, const GrPolygon *polygon)
{
  gr_grid_add_residentials (grid, &polygon, 1, 1);
}

/* The x ranges of the columns with homes in the band of tile row @ty,
 * between tile columns @tx0 and @tx1, into @window; the band's rows with
 * homes into @rows. */
static void
band_window (const GrGrid *grid, guint ty, guint tx0, guint tx1, GArray *window, guint64 *rows)
{
  GrTile *const *tiles = grid->tiles + (gsize) ty * grid->n_tiles_x;
  gboolean       open = FALSE;
  GrSpan         range = { 0, 0 };

  g_array_set_size (window, 0);
  *rows = 0;
  for (guint tx = tx0; tx <= tx1; tx++)
    {
      guint64 cols = tiles[tx] != NULL ? tiles[tx]->cols : 0;

      if (tiles[tx] != NULL)
        *rows |= tiles[tx]->rows;
      for (guint c = 0; c < GR_TILE_SIZE; c++)
        {
          gboolean homes = (cols >> c) & 1;
          double   x = grid->x0 + ((tx << GR_TILE_SHIFT) + c) * grid->resolution;

          if (homes && !open)
            range.x0 = x, open = TRUE;
          else if (!homes && open)
            {
              range.x1 = x;
              g_array_append_val (window, range);
              open = FALSE;
            }
          if (cols == 0 || cols == G_MAXUINT64)
            break; /* the whole tile alike */
        }
    }
  if (open)
    {
      range.x1 = grid->x0 + ((tx1 + 1) << GR_TILE_SHIFT) * grid->resolution;
      g_array_append_val (window, range);
    }
}

/**
 * gr_grid_foreach_span_within:
 * @spans: (element-type GrSpan): scratch, so that a thread keeps its own
 *
 * Calls @func with the columns of each row whose centres lie within
 * @radius of @polygon (inside it when @radius is 0), for the rows and
 * columns that have homes; the runs may also cross columns without. The
 * polygon's edges are looked at only near homes, a band of tile rows at
 * a time: a large park's far boundary costs nothing away from housing.
 */
void
gr_grid_foreach_span_within (const GrGrid    *grid,
                             const GrPolygon *polygon,
                             double           radius,
                             GArray          *spans,
                             GrSpanFunc       func,
                             gpointer         data)
{
  gr_grid_foreach_span_in_bands (grid, polygon, radius, spans, 0, 1, func, data);
}

/**
 * gr_grid_foreach_span_in_bands:
 * @part: which of @n_parts sets of bands of tile rows: those whose number
 *   divided by @n_parts leaves @part
 *
 * gr_grid_foreach_span_within() over part of the grid's rows, so that
 * several threads can share out the work on one polygon.
 */
void
gr_grid_foreach_span_in_bands (const GrGrid    *grid,
                               const GrPolygon *polygon,
                               double           radius,
                               GArray          *spans,
                               guint            part,
                               guint            n_parts,
                               GrSpanFunc       func,
                               gpointer         data)
{
  g_autoptr (GrPolygonScan) scan = NULL;
  g_autoptr (GArray) window = NULL;
  double  bounds[4];
  guint   first, last, c0, c1;
  guint   band = G_MAXUINT;
  guint64 rows = 0;

  gr_polygon_bounds (polygon, bounds);
  if (!gr_grid_row_range (grid, bounds[1] - radius, bounds[3] + radius, &first, &last)
      || !gr_grid_col_range (grid, bounds[0] - radius, bounds[2] + radius, &c0, &c1))
    return;
  scan = gr_polygon_scan_new (polygon, radius);
  window = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  for (guint row = first; row <= last; row++)
    {
      if (row >> GR_TILE_SHIFT != band)
        {
          band = row >> GR_TILE_SHIFT;
          if (band % n_parts != part)
            {
              row |= GR_TILE_MASK; /* another part's band */
              continue;
            }
          band_window (grid, band, c0 >> GR_TILE_SHIFT, c1 >> GR_TILE_SHIFT, window, &rows);
          if (window->len == 0)
            {
              row |= GR_TILE_MASK; /* no tiles in this band */
              continue;
            }
          gr_polygon_scan_set_window (scan, (GrSpan *) window->data, window->len);
        }
      if (!((rows >> (row & GR_TILE_MASK)) & 1))
        continue; /* no homes in this row */
      gr_polygon_scan_row (scan, grid->y0 + (row + 0.5) * grid->resolution, spans);
      for (guint k = 0; k < spans->len; k++)
        {
          GrSpan *span = &g_array_index (spans, GrSpan, k);
          guint   a, b;

          if (gr_grid_col_range (grid, span->x0, span->x1, &a, &b))
            func (row, a, b, data);
        }
    }
}

typedef struct
{
  const GrGrid *grid;
  GrCellFunc    func;
  gpointer      data;
} CellsOfSpans;

static void
cells_of_span (guint row, guint a, guint b, gpointer data)
{
  CellsOfSpans *cells = data;

  for (guint col = a; col <= b; col++)
    {
      GrTile *tile = gr_grid_tile_at (cells->grid, col, row);

      if (tile == NULL)
        col |= GR_TILE_MASK; /* skip the rest of this missing tile */
      else if (tile->sample[gr_tile_index (col, row)] != 0)
        cells->func (tile, gr_tile_index (col, row), col, row, cells->data);
    }
}

/**
 * gr_grid_foreach_cell_within:
 * @spans: (element-type GrSpan): scratch, so that a thread keeps its own
 *
 * Calls @func for each cell with homes whose centre lies within @radius
 * of @polygon (inside it when @radius is 0), row by row under the
 * polygon's spans: the same cells a service area of that radius counts.
 */
void
gr_grid_foreach_cell_within (const GrGrid    *grid,
                             const GrPolygon *polygon,
                             double           radius,
                             GArray          *spans,
                             GrCellFunc       func,
                             gpointer         data)
{
  CellsOfSpans cells = { grid, func, data };

  gr_grid_foreach_span_within (grid, polygon, radius, spans, cells_of_span, &cells);
}

/* Calls @func for each cell with homes whose centre lies inside @polygon. */
static void
foreach_cell_inside (GrGrid *grid, const GrPolygon *polygon, GrCellFunc func, gpointer data)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));

  gr_grid_foreach_cell_within (grid, polygon, 0, spans, func, data);
}

static void
set_zone_cb (GrTile *tile, guint index, guint col, guint row, gpointer data)
{
  tile->zone[index] = *(guint16 *) data;
}

void
gr_grid_set_zone (GrGrid *grid, const GrPolygon *polygon, guint16 zone)
{
  grid->has_zones = grid->has_zones || zone != 0;
  foreach_cell_inside (grid, polygon, set_zone_cb, &zone);
}

typedef struct
{
  gint64 samples;
  double per_sample; /* thousandths of a person per residential sample */
  double carry;
  gint64 placed;
} Spread;

static void
count_samples_cb (GrTile *tile, guint index, guint col, guint row, gpointer data)
{
  ((Spread *) data)->samples += gr_samples (tile->sample[index]);
}

/* Error diffusion keeps the placed total equal to the input, to the unit. */
static void
place_people_cb (GrTile *tile, guint index, guint col, guint row, gpointer data)
{
  Spread *spread = data;
  double  want = spread->per_sample * gr_samples (tile->sample[index]) + spread->carry;
  double  whole = floor (want + 0.5);

  if (whole <= 0)
    {
      spread->carry = want;
      return;
    }
  /* Polygons are spread on several threads at once, and may overlap. */
  whole = MIN (whole,
               (double) (G_MAXUINT32 - (guint32) g_atomic_int_get ((gint *) &tile->people[index])));
  g_atomic_int_add ((gint *) &tile->people[index], (gint) (guint32) whole);
  spread->carry = want - whole;
  spread->placed += (gint64) whole;
}

static double
spread_one (GrGrid *grid, const GrPolygon *polygon, double people)
{
  Spread spread = { 0 };

  if (!(people > 0) || !isfinite (people))
    return 0;
  foreach_cell_inside (grid, polygon, count_samples_cb, &spread);
  if (spread.samples == 0)
    return 0;
  spread.per_sample = people * GR_POPULATION_SCALE / spread.samples;
  foreach_cell_inside (grid, polygon, place_people_cb, &spread);
  return spread.placed / GR_POPULATION_SCALE;
}

/**
 * gr_grid_spread_population:
 *
 * Dasymetric mapping: @people living in @polygon are spread over the
 * residential land inside it, in proportion to each cell's residential area.
 *
 * Returns: the number of people placed; 0 when the polygon holds no
 * residential land (the caller reports them as unplaced).
 */
double
gr_grid_spread_population (GrGrid *grid, const GrPolygon *polygon, double people)
{
  grid->has_people = TRUE;
  return spread_one (grid, polygon, people);
}

typedef struct
{
  GrGrid                 *grid;
  const GrPolygon *const *polygons;
  const double           *people;
  double                 *placed;
  guint                   n, part, n_parts;
} SpreadPart;

static gpointer
spread_part (gpointer data)
{
  SpreadPart *part = data;

  for (guint i = part->part; i < part->n; i += part->n_parts)
    part->placed[i] = spread_one (part->grid, part->polygons[i], part->people[i]);
  return NULL;
}

/**
 * gr_grid_spread_populations:
 * @polygons: (array length=n)
 * @people: (array length=n)
 * @n_threads: 0 for gr_default_threads()
 * @placed: (array length=n) (out caller-allocates): what
 *   gr_grid_spread_population() returns for each
 *
 * gr_grid_spread_population() for each, the polygons shared out over the
 * cores. Each is spread on its own, its cells' residents added
 * atomically, so the result does not depend on the order.
 */
void
gr_grid_spread_populations (GrGrid                 *grid,
                            const GrPolygon *const *polygons,
                            const double           *people,
                            guint                   n,
                            guint                   n_threads,
                            double                 *placed)
{
  SpreadPart parts[64];
  guint      n_parts = gr_threads_for (n_threads, n);

  grid->has_people = TRUE; /* before the threads, which only read it */
  for (guint k = 0; k < n_parts; k++)
    parts[k] = (SpreadPart){ grid, polygons, people, placed, n, k, n_parts };
  gr_run_parts (spread_part, parts, sizeof parts[0], n_parts);
}

static gboolean
cell_of (const GrGrid *grid, double x, double y, guint *col, guint *row)
{
  double c = floor ((x - grid->x0) / grid->resolution);
  double r = floor ((y - grid->y0) / grid->resolution);

  if (c < 0 || r < 0 || c >= grid->n_cols || r >= grid->n_rows)
    return FALSE;
  *col = (guint) c;
  *row = (guint) r;
  return TRUE;
}

static GrTile *
residential_cell (const GrGrid *grid, guint col, guint row)
{
  GrTile *tile = gr_grid_tile_at (grid, col, row);

  return tile != NULL && tile->sample[gr_tile_index (col, row)] != 0 ? tile : NULL;
}

/**
 * gr_grid_place_population:
 *
 * Places a population point on the residential cell under it, or on the
 * nearest residential cell within @snap_distance.
 *
 * Returns: %FALSE when no residential cell is near enough.
 */
gboolean
gr_grid_place_population (GrGrid *grid, double x, double y, double people, double snap_distance)
{
  double  best = INFINITY;
  GrTile *best_tile = NULL;
  guint   best_index = 0, c0, c1, r0, r1;

  if (!(people > 0) || !isfinite (people))
    return FALSE;
  if (!gr_grid_row_range (grid, y - snap_distance, y + snap_distance, &r0, &r1)
      || !gr_grid_col_range (grid, x - snap_distance, x + snap_distance, &c0, &c1))
    return FALSE;
  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      {
        GrTile *tile = residential_cell (grid, col, row);
        double  d;

        if (tile == NULL)
          continue;
        d = hypot (grid->x0 + (col + 0.5) * grid->resolution - x,
                   grid->y0 + (row + 0.5) * grid->resolution - y);
        if (d < best)
          {
            best = d;
            best_tile = tile;
            best_index = gr_tile_index (col, row);
          }
      }
  if (best_tile == NULL || best > snap_distance + grid->resolution)
    return FALSE;
  grid->has_people = TRUE;
  best_tile->people[best_index] +=
      (guint32) MIN (floor (people * GR_POPULATION_SCALE + 0.5),
                     (double) (G_MAXUINT32 - best_tile->people[best_index]));
  return TRUE;
}

static double
sum_cells (const GrGrid *grid, gboolean people)
{
  gint64 total = 0;

  for (gsize t = 0; t < (gsize) grid->n_tiles_x * grid->n_tiles_y; t++)
    {
      const GrTile *tile = grid->tiles[t];

      if (tile == NULL)
        continue;
      for (guint i = 0; i < GR_TILE_CELLS; i++)
        total += people ? tile->people[i] : gr_samples (tile->sample[i]);
    }
  if (people)
    return total / GR_POPULATION_SCALE;
  return total * grid->resolution * grid->resolution / (SAMPLES * SAMPLES);
}

double
gr_grid_get_residential_area (const GrGrid *grid)
{
  return sum_cells (grid, FALSE);
}

double
gr_grid_get_population (const GrGrid *grid)
{
  return sum_cells (grid, TRUE);
}

double
gr_grid_cell_area (const GrGrid *grid, double x, double y)
{
  guint   col, row;
  GrTile *tile;

  if (!cell_of (grid, x, y, &col, &row) || (tile = gr_grid_tile_at (grid, col, row)) == NULL)
    return 0;
  return gr_samples (tile->sample[gr_tile_index (col, row)]) * grid->resolution * grid->resolution
         / (SAMPLES * SAMPLES);
}

double
gr_grid_cell_population (const GrGrid *grid, double x, double y)
{
  guint   col, row;
  GrTile *tile;

  if (!cell_of (grid, x, y, &col, &row) || (tile = gr_grid_tile_at (grid, col, row)) == NULL)
    return 0;
  return tile->people[gr_tile_index (col, row)] / GR_POPULATION_SCALE;
}

guint16
gr_grid_cell_zone (const GrGrid *grid, double x, double y)
{
  guint   col, row;
  GrTile *tile;

  if (!cell_of (grid, x, y, &col, &row) || (tile = gr_grid_tile_at (grid, col, row)) == NULL)
    return 0;
  return tile->zone[gr_tile_index (col, row)];
}

void
gr_grid_cell_center (const GrGrid *grid, guint col, guint row, double *x, double *y)
{
  *x = grid->x0 + (col + 0.5) * grid->resolution;
  *y = grid->y0 + (row + 0.5) * grid->resolution;
}

/* Where the grid lies: its south-west corner and how many tiles of
 * GR_GRID_TILE_SIZE cells it spans each way. */
void
gr_grid_get_layout (const GrGrid *grid, double *x0, double *y0, guint *n_tiles_x, guint *n_tiles_y)
{
  G_STATIC_ASSERT (GR_GRID_TILE_SIZE == GR_TILE_SIZE);
  *x0 = grid->x0;
  *y0 = grid->y0;
  *n_tiles_x = grid->n_tiles_x;
  *n_tiles_y = grid->n_tiles_y;
}
