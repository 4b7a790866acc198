/* gr-coverage-layer.c — blind spots drawn from the analysis grid
 *
 * Each 64 × 64-cell tile of the grid becomes a small image in the analysis
 * CRS, painted through the affine map of its corners onto the screen: the
 * metric CRS and Web Mercator are both conformal, so over 320 m a tile
 * bends by far less than a pixel.
 */
#include "config.h"

#include "gr-coverage-layer.h"
#include "gr-layer-cache.h"
#include "gr-vector-layer.h"

#include <math.h>

typedef struct
{
  cairo_surface_t *image;
  double           corner[3][2]; /* Web Mercator: north-west, north-east, south-west */
  guint            key;          /* ty × n_tiles_x + tx: the array is sorted by it */
} TileImage;

struct _GrCoverageLayer
{
  ShumateLayer parent_instance;
  GrAnalysis  *analysis; /* not owned */
  GrDisplay   *display;  /* not owned */
  GArray      *tiles;    /* TileImage */
  guint        version;  /* bumped when the tiles change */
  GrLayerCache cache;
  GArray      *served;   /* double[4]: outline segments, Web Mercator */
  GrComparison *comparison; /* not owned: when set, newly covered homes are drawn */
};

G_DEFINE_FINAL_TYPE (GrCoverageLayer, gr_coverage_layer, SHUMATE_TYPE_LAYER)

/* Okabe–Ito colours, distinguishable with the common colour-vision
 * deficiencies: bluish green, orange, sky blue, vermillion. */
void
gr_coverage_kind_color (GrCellKind kind,
                        GdkRGBA   *color)
{
  static const GdkRGBA colors[GR_N_CELL_KINDS] = {
    [GR_CELL_BOTH] = { 0.0f, 0.620f, 0.451f, 0.35f },
    [GR_CELL_NO_PARK] = { 0.902f, 0.624f, 0.0f, 0.75f },
    [GR_CELL_NO_GREEN] = { 0.337f, 0.706f, 0.914f, 0.75f },
    [GR_CELL_NEITHER] = { 0.835f, 0.369f, 0.0f, 0.85f },
  };

  g_return_if_fail (kind < GR_N_CELL_KINDS);
  *color = colors[kind];
}

static GrCellKind
kind_of_state (guint8 state)
{
  gboolean green = state & (1u << GR_LAYER_GREEN), park = state & (1u << GR_LAYER_PARK);

  return green && park ? GR_CELL_BOTH : green ? GR_CELL_NO_PARK : park ? GR_CELL_NO_GREEN : GR_CELL_NEITHER;
}

/* Newly covered homes: A only blue, B only orange, both bluish green
 * (Okabe–Ito); homes neither scenario changes stay light grey. */
void
gr_coverage_gain_color (guint    gain,
                        GdkRGBA *color)
{
  static const GdkRGBA colors[4] = {
    { 0.6f, 0.6f, 0.6f, 0.35f },
    { 0.0f, 0.447f, 0.698f, 0.85f },
    { 0.902f, 0.624f, 0.0f, 0.85f },
    { 0.0f, 0.620f, 0.451f, 0.85f },
  };

  g_return_if_fail (gain < 4);
  *color = colors[gain];
}

/* A tile's cells as an image: coverage kinds, or with @gains the homes two
 * scenarios newly cover; partly residential cells are fainter. */
static cairo_surface_t *
cells_image (const guint8 *values, const guint8 *samples, gboolean gains)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, GR_GRID_TILE_SIZE, GR_GRID_TILE_SIZE);
  guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  for (guint row = 0; row < GR_GRID_TILE_SIZE; row++)
    for (guint col = 0; col < GR_GRID_TILE_SIZE; col++)
      {
        guint i = row * GR_GRID_TILE_SIZE + col;
        guint32 *px = (guint32 *) (data + (GR_GRID_TILE_SIZE - 1 - row) * stride) + col;
        GdkRGBA c;
        double a;

        if (samples[i] == 0)
          {
            *px = 0;
            continue;
          }
        if (gains)
          gr_coverage_gain_color (values[i] & 3, &c);
        else
          gr_coverage_kind_color (kind_of_state (values[i]), &c);
        a = c.alpha * MIN (1.0, samples[i] / 8.0);
        *px = ((guint32) (a * 255) << 24) | ((guint32) (c.red * a * 255) << 16)
              | ((guint32) (c.green * a * 255) << 8) | (guint32) (c.blue * a * 255);
      }
  cairo_surface_mark_dirty (image);
  return image;
}

static void
clear_tiles (GrCoverageLayer *self)
{
  for (guint i = 0; i < self->tiles->len; i++)
    cairo_surface_destroy (g_array_index (self->tiles, TileImage, i).image);
  g_array_set_size (self->tiles, 0);
}

/* The image of grid tile (@tx, @ty); FALSE where the tile has no homes. */
static gboolean
make_tile (GrCoverageLayer *self, guint tx, guint ty, TileImage *t)
{
  guint8 states[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE], samples[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE];
  GrGrid *grid = gr_coverage_get_grid (gr_analysis_get_coverage (self->analysis));
  double x0, y0, side = GR_GRID_TILE_SIZE * gr_grid_get_resolution (grid), left, bottom;
  guint nx, ny;

  if (self->comparison != NULL ? !gr_comparison_get_tile (self->comparison, tx, ty, states, samples)
                               : !gr_coverage_get_tile (gr_analysis_get_coverage (self->analysis), tx, ty, states,
                                                        samples))
    return FALSE;
  gr_grid_get_layout (grid, &x0, &y0, &nx, &ny);
  left = x0 + tx * side, bottom = y0 + ty * side;
  {
    const double xy[3][2] = { { left, bottom + side }, { left + side, bottom + side }, { left, bottom } };

    for (guint k = 0; k < 3; k++)
      {
        double lon, lat;

        gr_display_to_lonlat (self->display, xy[k][0], xy[k][1], &lon, &lat);
        gr_lonlat_to_mercator (lon, lat, &t->corner[k][0], &t->corner[k][1]);
      }
  }
  t->image = cells_image (states, samples, self->comparison != NULL);
  t->key = ty * nx + tx;
  return TRUE;
}

/* Rebuilds the tile images from the analysis: after a full analysis. */
void
gr_coverage_layer_refresh (GrCoverageLayer *self)
{
  GrGrid *grid;
  double x0, y0;
  guint nx, ny;

  clear_tiles (self);
  self->version++;
  if (self->analysis == NULL || self->display == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  grid = gr_coverage_get_grid (gr_analysis_get_coverage (self->analysis));
  gr_grid_get_layout (grid, &x0, &y0, &nx, &ny);
  for (guint ty = 0; ty < ny; ty++)
    for (guint tx = 0; tx < nx; tx++)
      {
        TileImage t;

        if (make_tile (self, tx, ty, &t))
          g_array_append_val (self->tiles, t);
      }
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

/**
 * gr_coverage_layer_refresh_area:
 * @bounds: analysis CRS: what an edit can have changed (the feature's old
 *   and new outline grown by its longest radius)
 *
 * Rebuilds only the tiles under @bounds: an edit touches a few dozen
 * tiles, not the city's thousands.
 */
void
gr_coverage_layer_refresh_area (GrCoverageLayer *self,
                                const double     bounds[4])
{
  GrGrid *grid;
  double x0, y0, side;
  guint nx, ny;
  int tx0, tx1, ty0, ty1;

  if (self->analysis == NULL || self->display == NULL)
    return;
  grid = gr_coverage_get_grid (gr_analysis_get_coverage (self->analysis));
  gr_grid_get_layout (grid, &x0, &y0, &nx, &ny);
  side = GR_GRID_TILE_SIZE * gr_grid_get_resolution (grid);
  tx0 = MAX (0, (int) floor ((bounds[0] - x0) / side)), tx1 = MIN ((int) nx - 1, (int) floor ((bounds[2] - x0) / side));
  ty0 = MAX (0, (int) floor ((bounds[1] - y0) / side)), ty1 = MIN ((int) ny - 1, (int) floor ((bounds[3] - y0) / side));
  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        guint key = ty * nx + tx, at = lower_bound (self->tiles, key);
        gboolean present = at < self->tiles->len && g_array_index (self->tiles, TileImage, at).key == key;
        TileImage t;

        if (present)
          {
            cairo_surface_destroy (g_array_index (self->tiles, TileImage, at).image);
            g_array_remove_index (self->tiles, at);
          }
        if (make_tile (self, tx, ty, &t))
          g_array_insert_val (self->tiles, at, t);
      }
  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
paint_tile (cairo_t *cr, const double affine[4], double w, double h, const TileImage *t)
{
  double p[3][2];
  cairo_matrix_t m;

  for (guint k = 0; k < 3; k++)
    {
      p[k][0] = affine[0] * t->corner[k][0] + affine[2];
      p[k][1] = affine[1] * t->corner[k][1] + affine[3];
    }
  if (MAX (p[0][0], p[1][0]) < -1 || MIN (p[0][0], p[1][0]) > w + 1
      || MAX (p[0][1], p[2][1]) < -1 || MIN (p[0][1], p[2][1]) > h + 1)
    return;
  cairo_matrix_init (&m, (p[1][0] - p[0][0]) / GR_GRID_TILE_SIZE, (p[1][1] - p[0][1]) / GR_GRID_TILE_SIZE,
                     (p[2][0] - p[0][0]) / GR_GRID_TILE_SIZE, (p[2][1] - p[0][1]) / GR_GRID_TILE_SIZE,
                     p[0][0], p[0][1]);
  cairo_save (cr);
  cairo_transform (cr, &m);
  cairo_set_source_surface (cr, t->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  /* Neighbouring tiles share their corner points exactly: without
   * antialiasing their edges meet with no seam. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_rectangle (cr, 0, 0, GR_GRID_TILE_SIZE, GR_GRID_TILE_SIZE);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_tiles (gpointer layer, cairo_t *cr, const double affine[4], double width, double height)
{
  GrCoverageLayer *self = layer;

  for (guint i = 0; i < self->tiles->len; i++)
    paint_tile (cr, affine, width, height, &g_array_index (self->tiles, TileImage, i));
}

/* The outline of what the selected park serves: dark over a white halo,
 * readable over every coverage colour. */
static void
draw_served (GrCoverageLayer *self, GtkSnapshot *snapshot, const double a[4], double w, double h)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));

  for (guint i = 0; i < self->served->len; i++)
    {
      const double *e = &g_array_index (self->served, double, 4 * i);

      cairo_move_to (cr, a[0] * e[0] + a[2], a[1] * e[1] + a[3]);
      cairo_line_to (cr, a[0] * e[2] + a[2], a[1] * e[3] + a[3]);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 4);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
gr_coverage_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GrCoverageLayer *self = GR_COVERAGE_LAYER (widget);
  double affine[4];

  if (self->tiles->len == 0)
    return;
  gr_map_affine (shumate_layer_get_viewport (SHUMATE_LAYER (self)), widget, affine);
  gr_layer_cache_snapshot (&self->cache, snapshot, affine, gtk_widget_get_width (widget),
                           gtk_widget_get_height (widget), gtk_widget_get_scale_factor (widget),
                           self->version, draw_tiles, self);
  if (self->served->len > 0)
    draw_served (self, snapshot, affine, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
}

static void
on_viewport_changed (GrCoverageLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gr_coverage_layer_constructed (GObject *object)
{
  GrCoverageLayer *self = GR_COVERAGE_LAYER (object);

  G_OBJECT_CLASS (gr_coverage_layer_parent_class)->constructed (object);
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
}

static void
gr_coverage_layer_finalize (GObject *object)
{
  GrCoverageLayer *self = GR_COVERAGE_LAYER (object);

  clear_tiles (self);
  g_array_unref (self->tiles);
  g_array_unref (self->served);
  gr_layer_cache_clear (&self->cache);
  G_OBJECT_CLASS (gr_coverage_layer_parent_class)->finalize (object);
}

static void
gr_coverage_layer_class_init (GrCoverageLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gr_coverage_layer_constructed;
  G_OBJECT_CLASS (klass)->finalize = gr_coverage_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = gr_coverage_layer_snapshot;
}

static void
gr_coverage_layer_init (GrCoverageLayer *self)
{
  self->cache.widget = GTK_WIDGET (self);
  self->tiles = g_array_new (FALSE, FALSE, sizeof (TileImage));
  self->served = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GrCoverageLayer *
gr_coverage_layer_new (ShumateViewport *viewport)
{
  return g_object_new (GR_TYPE_COVERAGE_LAYER, "viewport", viewport, NULL);
}

/**
 * gr_coverage_layer_set_comparison:
 * @comparison: (nullable): borrowed while set; %NULL shows the coverage again
 *
 * Shows which homes each of two scenarios newly covers, on the same grid.
 */
void
gr_coverage_layer_set_comparison (GrCoverageLayer *self,
                                  GrComparison    *comparison)
{
  self->comparison = comparison;
  gr_coverage_layer_refresh (self);
}

/* Both are borrowed: the caller keeps them alive while they are set. */
void
gr_coverage_layer_set_analysis (GrCoverageLayer *self,
                                GrAnalysis      *analysis,
                                GrDisplay       *display)
{
  self->analysis = analysis;
  self->display = display;
  g_array_set_size (self->served, 0);
  gr_coverage_layer_refresh (self);
}

static guint64
cell_key (guint col, guint row)
{
  return ((guint64) col << 32) | row;
}

/**
 * gr_coverage_layer_set_served:
 * @cells: (nullable) (element-type GrCellDistance): the cells a selected
 *   park serves, or %NULL to clear
 *
 * Outlines the cells: every cell edge with no served cell across it. The
 * analysis CRS is mapped to Web Mercator by the affine map at the cells'
 * centre (both are conformal; a park's reach spans a few hundred metres).
 */
void
gr_coverage_layer_set_served (GrCoverageLayer *self,
                              GArray          *cells)
{
  g_autoptr (GHashTable) set = NULL;
  GrGrid *grid;
  double res, cx = 0, cy = 0, m0[2], mx[2], my[2], lon, lat;

  g_array_set_size (self->served, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (cells == NULL || cells->len == 0 || self->analysis == NULL)
    return;
  grid = gr_coverage_get_grid (gr_analysis_get_coverage (self->analysis));
  res = gr_grid_get_resolution (grid);
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < cells->len; i++)
    {
      GrCellDistance *c = &g_array_index (cells, GrCellDistance, i);
      guint64 *key = g_new (guint64, 1);
      double x, y;

      *key = cell_key (c->col, c->row);
      g_hash_table_add (set, key);
      gr_grid_cell_center (grid, c->col, c->row, &x, &y);
      cx += x / cells->len, cy += y / cells->len;
    }
  gr_display_to_lonlat (self->display, cx, cy, &lon, &lat);
  gr_lonlat_to_mercator (lon, lat, &m0[0], &m0[1]);
  gr_display_to_lonlat (self->display, cx + 1000, cy, &lon, &lat);
  gr_lonlat_to_mercator (lon, lat, &mx[0], &mx[1]);
  gr_display_to_lonlat (self->display, cx, cy + 1000, &lon, &lat);
  gr_lonlat_to_mercator (lon, lat, &my[0], &my[1]);
  for (guint i = 0; i < cells->len; i++)
    {
      GrCellDistance *c = &g_array_index (cells, GrCellDistance, i);
      static const int side[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
      double x, y;

      gr_grid_cell_center (grid, c->col, c->row, &x, &y);
      for (guint k = 0; k < 4; k++)
        {
          guint64 next = cell_key (c->col + side[k][0], c->row + side[k][1]);
          double h = res / 2, e[4], m[4];

          if (g_hash_table_contains (set, &next))
            continue;
          /* The edge facing the missing neighbour, in the analysis CRS. */
          if (side[k][0] != 0)
            e[0] = e[2] = x + side[k][0] * h, e[1] = y - h, e[3] = y + h;
          else
            e[1] = e[3] = y + side[k][1] * h, e[0] = x - h, e[2] = x + h;
          for (guint p = 0; p < 2; p++)
            {
              double dx = (e[2 * p] - cx) / 1000, dy = (e[2 * p + 1] - cy) / 1000;

              m[2 * p] = m0[0] + dx * (mx[0] - m0[0]) + dy * (my[0] - m0[0]);
              m[2 * p + 1] = m0[1] + dx * (mx[1] - m0[1]) + dy * (my[1] - m0[1]);
            }
          g_array_append_vals (self->served, m, 4);
        }
    }
}

guint
gr_coverage_layer_get_n_served_edges (GrCoverageLayer *self)
{
  return self->served->len / 4;
}
