/* gr-coverage-tiles.c — the blind-spot overlay as cached tile images
 *
 * The window redraws it at every frame while the map pans: each tile is an
 * image made once, rebuilt only where an edit changed the coverage.
 */
#include "config.h"

#include "gr-coverage-tiles.h"

#include "gr-map-style.h"

#include <math.h>
#include <string.h>

/* Each 64 × 64-cell tile of the grid becomes a small image in the analysis
 * CRS, painted through the affine map of its corners: the metric CRS and
 * Web Mercator are both conformal, so over 320 m a tile bends by far less
 * than a pixel. */
typedef struct
{
  cairo_surface_t *image;
  double           corner[3][2]; /* Web Mercator: north-west, north-east, south-west */
  guint            key;          /* ty × n_tiles_x + tx: the array is sorted by it */
} TileImage;

/* Far out, a tile is a few pixels across and painting thousands of them
 * one by one costs more than their pixels: blocks of BLOCK_TILES ×
 * BLOCK_TILES tiles are painted instead, each from one image holding every
 * SHRINK-th cell of every SHRINK-th row (what painting the tiles themselves
 * would sample at that scale). A block's image is made when first drawn,
 * and again after an edit changed a tile under it. Within a block, as
 * within a tile, the metric CRS and Web Mercator differ by far less than a
 * pixel at the scales blocks are drawn at. */
#define BLOCK_TILES 8
#define SHRINK      8
#define BLOCK_SIZE  (BLOCK_TILES * GR_GRID_TILE_SIZE / SHRINK)

typedef struct
{
  cairo_surface_t *image; /* NULL when no tile under it has homes */
  double           corner[3][2];
  gboolean         made;
} Block;

struct _GrCoverageTiles
{
  GrAnalysis   *analysis;   /* not owned */
  GrComparison *comparison; /* not owned: when set, newly covered homes are drawn */
  GrAnalysis   *before;     /* not owned: when set, the homes @analysis newly covers */
  GrDisplay    *display;    /* not owned */
  GArray       *tiles;      /* TileImage */
  gboolean      overview;   /* blocks far out */
  Block        *blocks;     /* n_blocks_x × n_blocks_y, laid out with the tiles, imaged when
                               first drawn */
  guint         n_blocks_x, n_blocks_y;
  guint         nx, ny; /* the grid's tiles, read when the images are made: drawing
                           reads neither the analysis nor the display */
  GMutex        lock;   /* blocks are imaged as bands of one view are drawn on two threads */
};

static GrCellKind
kind_of_state (guint8 state)
{
  gboolean green = state & (1u << GR_LAYER_GREEN), park = state & (1u << GR_LAYER_PARK);

  return green && park ? GR_CELL_BOTH
         : green       ? GR_CELL_NO_PARK
         : park        ? GR_CELL_NO_GREEN
                       : GR_CELL_NEITHER;
}

/* A tile's cells as an image: coverage kinds, or with @gains the homes
 * scenarios newly cover; partly residential cells are fainter. */
static cairo_surface_t *
cells_image (const guint8 *values, const guint8 *samples, gboolean gains)
{
  cairo_surface_t *image =
      cairo_image_surface_create (CAIRO_FORMAT_ARGB32, GR_GRID_TILE_SIZE, GR_GRID_TILE_SIZE);
  guint8 *data = cairo_image_surface_get_data (image);
  int     stride = cairo_image_surface_get_stride (image);

  cairo_surface_flush (image);
  for (guint row = 0; row < GR_GRID_TILE_SIZE; row++)
    for (guint col = 0; col < GR_GRID_TILE_SIZE; col++)
      {
        guint    i = row * GR_GRID_TILE_SIZE + col;
        guint32 *px = (guint32 *) (data + (GR_GRID_TILE_SIZE - 1 - row) * stride) + col;
        double   c[4], a;

        if (samples[i] == 0)
          {
            *px = 0;
            continue;
          }
        if (gains)
          gr_render_gain_color (values[i] & 3, c);
        else
          gr_render_kind_color (kind_of_state (values[i]), c);
        a = c[3] * MIN (1.0, samples[i] / 8.0);
        *px = ((guint32) (a * 255) << 24) | ((guint32) (c[0] * a * 255) << 16)
              | ((guint32) (c[1] * a * 255) << 8) | (guint32) (c[2] * a * 255);
      }
  cairo_surface_mark_dirty (image);
  return image;
}

GrCoverageTiles *
gr_coverage_tiles_new (void)
{
  GrCoverageTiles *tiles = g_new0 (GrCoverageTiles, 1);

  tiles->tiles = g_array_new (FALSE, FALSE, sizeof (TileImage));
  g_mutex_init (&tiles->lock);
  return tiles;
}

static void
clear_blocks (GrCoverageTiles *tiles)
{
  for (guint i = 0; tiles->blocks != NULL && i < tiles->n_blocks_x * tiles->n_blocks_y; i++)
    g_clear_pointer (&tiles->blocks[i].image, cairo_surface_destroy);
  g_clear_pointer (&tiles->blocks, g_free);
  tiles->n_blocks_x = tiles->n_blocks_y = 0;
}

static void
clear_tiles (GrCoverageTiles *tiles)
{
  clear_blocks (tiles);
  for (guint i = 0; i < tiles->tiles->len; i++)
    cairo_surface_destroy (g_array_index (tiles->tiles, TileImage, i).image);
  g_array_set_size (tiles->tiles, 0);
}

void
gr_coverage_tiles_free (GrCoverageTiles *tiles)
{
  if (tiles == NULL)
    return;
  clear_tiles (tiles);
  g_array_unref (tiles->tiles);
  g_mutex_clear (&tiles->lock);
  g_free (tiles);
}

static GrGrid *
tiles_grid (GrCoverageTiles *tiles)
{
  return gr_coverage_get_grid (gr_analysis_get_coverage (tiles->analysis));
}

/* North-west, north-east and south-west corners of a square of the
 * analysis CRS, in Web Mercator. */
static void
square_corners (GrCoverageTiles *tiles,
                double           left,
                double           bottom,
                double           side,
                double           corner[3][2])
{
  const double xy[3][2] = { { left, bottom + side },
                            { left + side, bottom + side },
                            { left, bottom } };

  for (guint k = 0; k < 3; k++)
    {
      double lon, lat;

      gr_display_to_lonlat (tiles->display, xy[k][0], xy[k][1], &lon, &lat);
      gr_lonlat_to_mercator (lon, lat, &corner[k][0], &corner[k][1]);
    }
}

/* The image of grid tile (@tx, @ty); FALSE where the tile has no homes. */
static gboolean
make_tile (GrCoverageTiles *tiles, guint tx, guint ty, TileImage *t)
{
  guint8 states[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE],
      samples[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE];
  GrGrid *grid = tiles_grid (tiles);
  double  x0, y0, side = GR_GRID_TILE_SIZE * gr_grid_get_resolution (grid), left, bottom;
  guint   nx, ny;

  if (tiles->comparison != NULL
          ? !gr_comparison_get_tile (tiles->comparison, tx, ty, states, samples)
          : !gr_coverage_get_tile (gr_analysis_get_coverage (tiles->analysis), tx, ty, states,
                                   samples))
    return FALSE;
  if (tiles->before != NULL)
    {
      guint8 base[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE],
          scratch[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE];
      gboolean any = FALSE;

      if (!gr_coverage_get_tile (gr_analysis_get_coverage (tiles->before), tx, ty, base, scratch))
        memset (base, 0, sizeof base);
      for (guint i = 0; i < G_N_ELEMENTS (states); i++)
        {
          states[i] = gr_state_gains (base[i], states[i]) ? GR_GAIN_A : 0;
          if (states[i] == 0)
            samples[i] = 0;
          any = any || samples[i] > 0;
        }
      if (!any)
        return FALSE;
    }
  gr_grid_get_layout (grid, &x0, &y0, &nx, &ny);
  left = x0 + tx * side, bottom = y0 + ty * side;
  square_corners (tiles, left, bottom, side, t->corner);
  t->image = cells_image (states, samples, tiles->comparison != NULL || tiles->before != NULL);
  t->key = ty * nx + tx;
  return TRUE;
}

/**
 * gr_coverage_tiles_set_source:
 * @comparison: (nullable): when set, the homes its scenarios newly cover
 *   are drawn instead of the coverage of @analysis
 *
 * All three are borrowed while set. Rebuilds the images.
 */
void
gr_coverage_tiles_set_source (GrCoverageTiles *tiles,
                              GrAnalysis      *analysis,
                              GrComparison    *comparison,
                              GrDisplay       *display)
{
  tiles->analysis = comparison != NULL ? gr_comparison_get_analysis (comparison, 0) : analysis;
  tiles->comparison = comparison;
  tiles->before = NULL;
  tiles->display = display;
  gr_coverage_tiles_refresh (tiles);
}

/**
 * gr_coverage_tiles_set_gains:
 *
 * Only the homes @after covers that @before did not (a 300 m green or a
 * 500 m park they lacked), on the same grid. Both are borrowed.
 */
void
gr_coverage_tiles_set_gains (GrCoverageTiles *tiles,
                             GrAnalysis      *before,
                             GrAnalysis      *after,
                             GrDisplay       *display)
{
  tiles->analysis = after;
  tiles->comparison = NULL;
  tiles->before = before;
  tiles->display = display;
  gr_coverage_tiles_refresh (tiles);
}

/* Where every block lies, from the display, where the images are made:
 * drawing only reads it. */
static void
lay_out_blocks (GrCoverageTiles *tiles)
{
  double x0, y0, side;
  guint  nx, ny;

  clear_blocks (tiles);
  if (!tiles->overview || tiles->tiles->len == 0)
    return;
  gr_grid_get_layout (tiles_grid (tiles), &x0, &y0, &nx, &ny);
  side = BLOCK_TILES * GR_GRID_TILE_SIZE * gr_grid_get_resolution (tiles_grid (tiles));
  tiles->n_blocks_x = (nx + BLOCK_TILES - 1) / BLOCK_TILES;
  tiles->n_blocks_y = (ny + BLOCK_TILES - 1) / BLOCK_TILES;
  tiles->blocks = g_new0 (Block, tiles->n_blocks_x * tiles->n_blocks_y);
  for (guint by = 0; by < tiles->n_blocks_y; by++)
    for (guint bx = 0; bx < tiles->n_blocks_x; bx++)
      square_corners (tiles, x0 + bx * side, y0 + by * side, side,
                      tiles->blocks[by * tiles->n_blocks_x + bx].corner);
}

/* Rebuilds every tile image: after a full analysis. */
void
gr_coverage_tiles_refresh (GrCoverageTiles *tiles)
{
  double x0, y0;
  guint  nx, ny;

  clear_tiles (tiles);
  if (tiles->analysis == NULL || tiles->display == NULL)
    return;
  gr_grid_get_layout (tiles_grid (tiles), &x0, &y0, &nx, &ny);
  tiles->nx = nx, tiles->ny = ny;
  for (guint ty = 0; ty < ny; ty++)
    for (guint tx = 0; tx < nx; tx++)
      {
        TileImage t;

        if (make_tile (tiles, tx, ty, &t))
          g_array_append_val (tiles->tiles, t);
      }
  lay_out_blocks (tiles);
}

/* The first tile whose key is at least @key. */
static guint
lower_bound (GArray *tiles, guint key)
{
  guint lo = 0, hi = tiles->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (tiles, TileImage, mid).key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Block (@bx, @by)'s image: the tiles under it sampled. */
static void
make_block (GrCoverageTiles *tiles, guint bx, guint by, Block *b)
{
  guint   nx = tiles->nx;
  guint8 *data = NULL;
  int     stride = 0;

  b->made = TRUE;
  for (guint ty = by * BLOCK_TILES; ty < MIN (tiles->ny, (by + 1) * BLOCK_TILES); ty++)
    {
      guint key = ty * nx + bx * BLOCK_TILES, at = lower_bound (tiles->tiles, key);

      for (; at < tiles->tiles->len; at++)
        {
          const TileImage *t = &g_array_index (tiles->tiles, TileImage, at);
          guint            tx = t->key % nx, ox, oy;
          const guint8    *src;
          int              src_stride;

          if (t->key / nx != ty || tx >= (bx + 1) * BLOCK_TILES)
            break;
          if (b->image == NULL)
            {
              b->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, BLOCK_SIZE, BLOCK_SIZE);
              cairo_surface_flush (b->image);
              data = cairo_image_surface_get_data (b->image);
              stride = cairo_image_surface_get_stride (b->image);
            }
          cairo_surface_flush (t->image);
          src = cairo_image_surface_get_data (t->image);
          src_stride = cairo_image_surface_get_stride (t->image);
          /* Tile images have north at the top, as blocks do. */
          ox = (tx - bx * BLOCK_TILES) * (GR_GRID_TILE_SIZE / SHRINK);
          oy = ((by + 1) * BLOCK_TILES - 1 - ty) * (GR_GRID_TILE_SIZE / SHRINK);
          for (guint j = 0; j < GR_GRID_TILE_SIZE / SHRINK; j++)
            for (guint i = 0; i < GR_GRID_TILE_SIZE / SHRINK; i++)
              ((guint32 *) (data + (oy + j) * stride))[ox + i] =
                  ((const guint32 *) (src
                                      + (j * SHRINK + SHRINK / 2)
                                            * src_stride))[i * SHRINK + SHRINK / 2];
        }
    }
  if (b->image != NULL)
    cairo_surface_mark_dirty (b->image);
}

/* The blocks under what @bounds' tiles (from @tx0, @ty0 to @tx1, @ty1)
 * hold are made again when next drawn. */
static void
forget_blocks (GrCoverageTiles *tiles, int tx0, int ty0, int tx1, int ty1)
{
  if (tiles->blocks == NULL)
    return;
  for (int by = ty0 / BLOCK_TILES; by <= ty1 / BLOCK_TILES; by++)
    for (int bx = tx0 / BLOCK_TILES; bx <= tx1 / BLOCK_TILES; bx++)
      {
        Block *b = &tiles->blocks[by * tiles->n_blocks_x + bx];

        g_clear_pointer (&b->image, cairo_surface_destroy);
        b->made = FALSE;
      }
}

/* The blocks made and not forgotten since, with homes under them. */
guint
gr_coverage_tiles_get_n_blocks (GrCoverageTiles *tiles)
{
  guint n = 0;

  for (guint i = 0; tiles->blocks != NULL && i < tiles->n_blocks_x * tiles->n_blocks_y; i++)
    n += tiles->blocks[i].image != NULL;
  return n;
}

/**
 * gr_coverage_tiles_set_overview:
 *
 * Far out, draws blocks of tiles from images made once instead of every
 * tile: what the window wants while the map moves. Off by default: maps
 * for print draw every tile.
 */
void
gr_coverage_tiles_set_overview (GrCoverageTiles *tiles, gboolean overview)
{
  tiles->overview = overview;
  if (tiles->analysis != NULL && tiles->display != NULL)
    lay_out_blocks (tiles);
}

/* The Web Mercator bounds of the grid's tiles @tx0..@tx1 × @ty0..@ty1:
 * their four corners' (the analysis CRS is turned only slightly against
 * Web Mercator, and its straight lines stay straight over a few tiles). */
static void
tile_range_bounds (GrCoverageTiles *tiles, int tx0, int ty0, int tx1, int ty1, double bounds[4])
{
  double x0, y0, side;
  guint  nx, ny;

  gr_grid_get_layout (tiles_grid (tiles), &x0, &y0, &nx, &ny);
  side = GR_GRID_TILE_SIZE * gr_grid_get_resolution (tiles_grid (tiles));
  bounds[0] = bounds[1] = INFINITY;
  bounds[2] = bounds[3] = -INFINITY;
  for (guint k = 0; k < 4; k++)
    {
      double x = x0 + (k & 1 ? tx1 + 1 : tx0) * side, y = y0 + (k & 2 ? ty1 + 1 : ty0) * side;
      double lon, lat, mx, my;

      gr_display_to_lonlat (tiles->display, x, y, &lon, &lat);
      gr_lonlat_to_mercator (lon, lat, &mx, &my);
      bounds[0] = MIN (bounds[0], mx), bounds[2] = MAX (bounds[2], mx);
      bounds[1] = MIN (bounds[1], my), bounds[3] = MAX (bounds[3], my);
    }
}

/**
 * gr_coverage_tiles_refresh_area:
 * @bounds: analysis CRS: what an edit can have changed
 * @drawn: (out) (optional): Web Mercator: where the drawing may differ
 *   now (the tiles rebuilt), so a drawing of the map need only be made
 *   again there
 *
 * Rebuilds only the tiles under @bounds: an edit touches a few dozen
 * tiles, not the city's thousands.
 *
 * Returns: FALSE where no tile was under @bounds: nothing drawn changed
 */
gboolean
gr_coverage_tiles_refresh_area (GrCoverageTiles *tiles, const double bounds[4], double drawn[4])
{
  double x0, y0, side;
  guint  nx, ny;
  int    tx0, tx1, ty0, ty1;

  if (tiles->analysis == NULL || tiles->display == NULL)
    return FALSE;
  gr_grid_get_layout (tiles_grid (tiles), &x0, &y0, &nx, &ny);
  side = GR_GRID_TILE_SIZE * gr_grid_get_resolution (tiles_grid (tiles));
  tx0 = MAX (0, (int) floor ((bounds[0] - x0) / side)),
  tx1 = MIN ((int) nx - 1, (int) floor ((bounds[2] - x0) / side));
  ty0 = MAX (0, (int) floor ((bounds[1] - y0) / side)),
  ty1 = MIN ((int) ny - 1, (int) floor ((bounds[3] - y0) / side));
  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        guint     key = ty * nx + tx, at = lower_bound (tiles->tiles, key);
        TileImage t;

        if (at < tiles->tiles->len && g_array_index (tiles->tiles, TileImage, at).key == key)
          {
            cairo_surface_destroy (g_array_index (tiles->tiles, TileImage, at).image);
            g_array_remove_index (tiles->tiles, at);
          }
        if (make_tile (tiles, tx, ty, &t))
          g_array_insert_val (tiles->tiles, at, t);
      }
  if (tx0 > tx1 || ty0 > ty1)
    return FALSE;
  forget_blocks (tiles, tx0, ty0, tx1, ty1);
  if (drawn != NULL)
    tile_range_bounds (tiles, tx0, ty0, tx1, ty1, drawn);
  return TRUE;
}

guint
gr_coverage_tiles_get_n_tiles (GrCoverageTiles *tiles)
{
  return tiles->tiles->len;
}

/* An image of @size × @size pixels laid on its three corners. */
static void
paint_image (cairo_t         *cr,
             const double     affine[4],
             double           w,
             double           h,
             cairo_surface_t *image,
             const double     corner[3][2],
             double           size)
{
  double         p[3][2];
  cairo_matrix_t m;

  for (guint k = 0; k < 3; k++)
    {
      p[k][0] = affine[0] * corner[k][0] + affine[2];
      p[k][1] = affine[1] * corner[k][1] + affine[3];
    }
  if (MAX (p[0][0], p[1][0]) < -1 || MIN (p[0][0], p[1][0]) > w + 1 || MAX (p[0][1], p[2][1]) < -1
      || MIN (p[0][1], p[2][1]) > h + 1)
    return;
  if (image == NULL)
    return;
  cairo_matrix_init (&m, (p[1][0] - p[0][0]) / size, (p[1][1] - p[0][1]) / size,
                     (p[2][0] - p[0][0]) / size, (p[2][1] - p[0][1]) / size, p[0][0], p[0][1]);
  cairo_save (cr);
  cairo_transform (cr, &m);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  /* Neighbouring tiles share their corner points exactly: without
   * antialiasing their edges meet with no seam. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_rectangle (cr, 0, 0, size, size);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Whether a tile is drawn at most as many device pixels wide as a block
 * holds of it: far enough out for blocks. */
static gboolean
far_out (GrCoverageTiles *tiles, cairo_t *cr, const double affine[4])
{
  const TileImage *t;
  double           dx, dy;

  if (tiles->blocks == NULL || tiles->tiles->len == 0)
    return FALSE;
  t = &g_array_index (tiles->tiles, TileImage, 0);
  dx = affine[0] * (t->corner[1][0] - t->corner[0][0]);
  dy = affine[1] * (t->corner[1][1] - t->corner[0][1]);
  cairo_user_to_device_distance (cr, &dx, &dy);
  return hypot (dx, dy) <= GR_GRID_TILE_SIZE / SHRINK;
}

static void
draw_blocks (GrCoverageTiles *tiles, cairo_t *cr, const double affine[4], double w, double h)
{
  /* Another band of the same view may be imaging them too: a block is
   * imaged under the lock, and painted once imaged (read only). */
  for (guint by = 0; by < tiles->n_blocks_y; by++)
    for (guint bx = 0; bx < tiles->n_blocks_x; bx++)
      {
        Block *b = &tiles->blocks[by * tiles->n_blocks_x + bx];

        g_mutex_lock (&tiles->lock);
        if (!b->made)
          make_block (tiles, bx, by, b);
        g_mutex_unlock (&tiles->lock);
        paint_image (cr, affine, w, h, b->image, b->corner, BLOCK_SIZE);
      }
}

/**
 * gr_coverage_tiles_draw:
 *
 * Paints the overlay within @width × @height from @tiles' own images and
 * layout (neither the analysis nor the display is read), so it may run on
 * another thread than the one that changes @tiles, while nothing changes
 * them; two threads may draw bands of one view at once (on surfaces of
 * their own).
 */
void
gr_coverage_tiles_draw (GrCoverageTiles *tiles,
                        cairo_t         *cr,
                        const double     affine[4],
                        double           width,
                        double           height)
{
  if (far_out (tiles, cr, affine))
    {
      draw_blocks (tiles, cr, affine, width, height);
      return;
    }
  for (guint i = 0; i < tiles->tiles->len; i++)
    {
      const TileImage *t = &g_array_index (tiles->tiles, TileImage, i);

      paint_image (cr, affine, width, height, t->image, t->corner, GR_GRID_TILE_SIZE);
    }
}
