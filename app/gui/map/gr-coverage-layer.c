/* gr-coverage-layer.c — blind spots drawn from the analysis grid, by the
 * library's renderer (gr-render.c), cached while the map pans
 *
 * A zoom that rests is drawn on another thread from the tile images, the
 * stretched drawing shown meanwhile: every change to the images shown (a
 * rebuild, an edit's area, keeping or swapping them aside) first waits
 * until no such drawing reads them (gr_layer_cache_wait()).
 */
#include "config.h"

#include "gr-coverage-layer.h"
#include "gr-layer-cache.h"
#include "gr-vector-layer.h"

#include <math.h>

struct _GrCoverageLayer
{
  ShumateLayer     parent_instance;
  GrAnalysis      *analysis; /* not owned */
  GrDisplay       *display;  /* not owned */
  GrCoverageTiles *tiles;    /* the library's drawing of the overlay */
  guint            version;  /* bumped when the tiles change */
  GrLayerCache     cache;
  GArray          *served;         /* double[4]: outline segments, Web Mercator */
  GrComparison    *comparison;     /* not owned: when set, newly covered homes are drawn */
  GrCoverageTiles *spare;          /* the images of another analysis, kept to swap back */
  GrAnalysis      *spare_analysis; /* not owned: what @spare shows */
};

G_DEFINE_FINAL_TYPE (GrCoverageLayer, gr_coverage_layer, SHUMATE_TYPE_LAYER)

static void
to_gdk (const double c[4], GdkRGBA *color)
{
  *color = (GdkRGBA){ c[0], c[1], c[2], c[3] };
}

void
gr_coverage_kind_color (GrCellKind kind, GdkRGBA *color)
{
  double c[4];

  gr_render_kind_color (kind, c);
  to_gdk (c, color);
}

void
gr_coverage_gain_color (guint gain, GdkRGBA *color)
{
  double c[4];

  gr_render_gain_color (gain, c);
  to_gdk (c, color);
}

/* Rebuilds the tile images from the analysis: after a full analysis. */
void
gr_coverage_layer_refresh (GrCoverageLayer *self)
{
  gr_layer_cache_wait (&self->cache);
  gr_coverage_tiles_set_source (self->tiles, self->analysis, self->comparison, self->display);
  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gr_coverage_layer_refresh_area:
 * @bounds: analysis CRS: what an edit can have changed (the feature's old
 *   and new outline grown by its longest radius)
 *
 * Rebuilds only the tiles under @bounds.
 */
void
gr_coverage_layer_refresh_area (GrCoverageLayer *self, const double bounds[4])
{
  double drawn[4];

  gr_layer_cache_wait (&self->cache);
  /* The drawing kept is made again where the rebuilt tiles lie only. */
  if (gr_coverage_tiles_refresh_area (self->tiles, bounds, drawn))
    gr_layer_cache_damage (&self->cache, drawn);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What a drawing reads: plain bytes the layer cache may copy. */
typedef struct
{
  GrCoverageTiles *tiles;
} Drawing;

static void
draw_tiles (gpointer data, cairo_t *cr, const double affine[4], double width, double height)
{
  gr_coverage_tiles_draw (((const Drawing *) data)->tiles, cr, affine, width, height);
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
  Drawing          drawing = { self->tiles };
  double           affine[4];

  if (gr_coverage_tiles_get_n_tiles (self->tiles) == 0)
    return;
  gr_map_affine (shumate_layer_get_viewport (SHUMATE_LAYER (self)), widget, affine);
  gr_layer_cache_snapshot (&self->cache, snapshot, affine, gtk_widget_get_width (widget),
                           gtk_widget_get_height (widget), gtk_widget_get_scale_factor (widget),
                           self->version, draw_tiles, &drawing);
  if (self->served->len > 0)
    draw_served (self, snapshot, affine, gtk_widget_get_width (widget),
                 gtk_widget_get_height (widget));
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

  gr_layer_cache_clear (&self->cache);
  gr_coverage_tiles_free (self->tiles);
  gr_coverage_tiles_free (self->spare);
  g_array_unref (self->served);
  G_OBJECT_CLASS (gr_coverage_layer_parent_class)->finalize (object);
}

static void
gr_coverage_layer_class_init (GrCoverageLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gr_coverage_layer_constructed;
  G_OBJECT_CLASS (klass)->finalize = gr_coverage_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = gr_coverage_layer_snapshot;
}

/* The window's overlay: blocks of tiles far out. */
static GrCoverageTiles *
new_tiles (void)
{
  GrCoverageTiles *tiles = gr_coverage_tiles_new ();

  gr_coverage_tiles_set_overview (tiles, TRUE);
  return tiles;
}

static void
gr_coverage_layer_init (GrCoverageLayer *self)
{
  self->cache.widget = GTK_WIDGET (self);
  /* The tile images are only read while they are drawn; blocks are made
   * under the tiles' lock. */
  self->cache.parallel = TRUE;
  self->cache.async_size = sizeof (Drawing);
  self->tiles = new_tiles ();
  self->served = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GrCoverageLayer *
gr_coverage_layer_new (ShumateViewport *viewport)
{
  return g_object_new (GR_TYPE_COVERAGE_LAYER, "viewport", viewport, NULL);
}

/**
 * gr_coverage_layer_keep_spare:
 *
 * Keeps the images of the analysis shown aside (the next set_analysis()
 * draws afresh), to swap back to with gr_coverage_layer_swap_spare() while
 * that analysis lives. Nothing while a comparison is shown.
 */
void
gr_coverage_layer_keep_spare (GrCoverageLayer *self)
{
  gr_layer_cache_wait (&self->cache);
  gr_coverage_layer_drop_spare (self);
  if (self->analysis == NULL || self->comparison != NULL)
    return;
  self->spare = g_steal_pointer (&self->tiles);
  self->spare_analysis = self->analysis;
  self->tiles = new_tiles ();
}

/* The kept images go: their analysis is about to. */
void
gr_coverage_layer_drop_spare (GrCoverageLayer *self)
{
  /* No drawing reads them: they were swapped or kept aside after a wait. */
  g_clear_pointer (&self->spare, gr_coverage_tiles_free);
  self->spare_analysis = NULL;
}

/**
 * gr_coverage_layer_swap_spare:
 * @changed: (nullable): analysis CRS: what changed in @analysis since its
 *   images were kept (the edits since), rebuilt
 *
 * Shows @analysis from its kept images, keeping the ones shown now in
 * their place. FALSE (nothing changed) when @analysis has none kept.
 */
gboolean
gr_coverage_layer_swap_spare (GrCoverageLayer *self, GrAnalysis *analysis, const double changed[4])
{
  GrCoverageTiles *shown = self->tiles;
  GrAnalysis      *shown_analysis = self->analysis;

  gr_layer_cache_wait (&self->cache);
  if (self->spare == NULL || self->spare_analysis != analysis || self->comparison != NULL)
    return FALSE;
  self->tiles = self->spare, self->analysis = analysis;
  self->spare = shown, self->spare_analysis = shown_analysis;
  g_array_set_size (self->served, 0);
  if (changed != NULL && isfinite (changed[0]))
    gr_coverage_tiles_refresh_area (self->tiles, changed, NULL);
  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/**
 * gr_coverage_layer_set_comparison:
 * @comparison: (nullable): borrowed while set; %NULL shows the coverage again
 *
 * Shows which homes each of two scenarios newly covers, on the same grid.
 */
void
gr_coverage_layer_set_comparison (GrCoverageLayer *self, GrComparison *comparison)
{
  self->comparison = comparison;
  gr_coverage_layer_refresh (self);
}

/* Both are borrowed: the caller keeps them alive while they are set. */
void
gr_coverage_layer_set_analysis (GrCoverageLayer *self, GrAnalysis *analysis, GrDisplay *display)
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
gr_coverage_layer_set_served (GrCoverageLayer *self, GArray *cells)
{
  g_autoptr (GHashTable) set = NULL;
  GrGrid *grid;
  double  res, cx = 0, cy = 0, m0[2], mx[2], my[2], lon, lat;

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
      guint64        *key = g_new (guint64, 1);
      double          x, y;

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
      GrCellDistance  *c = &g_array_index (cells, GrCellDistance, i);
      static const int side[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
      double           x, y;

      gr_grid_cell_center (grid, c->col, c->row, &x, &y);
      for (guint k = 0; k < 4; k++)
        {
          guint64 next = cell_key (c->col + side[k][0], c->row + side[k][1]);
          double  h = res / 2, e[4], m[4];

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

/* The library's drawing of the overlay, for exports of the view. */
GrCoverageTiles *
gr_coverage_layer_get_tiles (GrCoverageLayer *self)
{
  return self->tiles;
}

GrLayerCache *
gr_coverage_layer_get_cache (GrCoverageLayer *self)
{
  return &self->cache;
}
