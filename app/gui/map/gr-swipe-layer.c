/* gr-swipe-layer.c — presentation mode's before/after
 *
 * Left of the divider the baseline is drawn over the scenario the map
 * shows — white ground, the offline base map, the layers and the blind
 * spots, all by the library's renderer — so a room sees both at once.
 * With the flash on, the homes the scenario newly covers are drawn in
 * blue over everything.
 */
#include "config.h"

#include "gr-swipe-layer.h"

#include "gr-layer-cache.h"
#include "gr-vector-layer.h"

#include <glib/gi18n.h>

struct _GrSwipeLayer
{
  ShumateLayer      parent_instance;
  GrDisplay        *display;  /* not owned */
  const GrMapStyle *style;    /* not owned */
  GrMbtiles        *basemap;  /* opened once, its decoded tiles kept */
  GrCoverageTiles  *before;   /* the baseline's blind spots */
  GrCoverageTiles  *gains;    /* homes newly covered */
  GrAnalysis       *baseline; /* not owned */
  GrAnalysis       *scenario; /* not owned */
  double            divider;  /* share of the width; < 0: no swipe */
  gboolean          flash;
  GrLayerCache      cache;   /* the baseline's drawing, reused while panning */
  guint             version; /* bumped when the baseline changes */
};

G_DEFINE_FINAL_TYPE (GrSwipeLayer, gr_swipe_layer, SHUMATE_TYPE_LAYER)

static void
label (cairo_t *cr, const char *text, double x, double y, gboolean right)
{
  PangoLayout          *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (GR_RENDER_FONT " Bold 15");
  int                   w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (right)
    x -= w + 16;
  cairo_rectangle (cr, x - 8, y - 4, w + 16, h + 8);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.75);
  cairo_fill (cr);
  cairo_move_to (cr, x, y);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* The whole baseline map for the view; the snapshot shows its left part. */
static void
draw_baseline (gpointer layer, cairo_t *cr, const double affine[4], double width, double height)
{
  GrSwipeLayer *self = layer;
  GrMapRender   map = { 0 };

  map.display = self->display;
  map.style = self->style;
  map.coverage = self->before;
  map.basemap = self->basemap;
  gr_render_view_bounds (affine, width, height, map.bounds);
  map.scale = 1;
  gr_render_map (cr, &map, width, height, NULL);
}

static void
gr_swipe_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GrSwipeLayer *self = GR_SWIPE_LAYER (widget);
  double        w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget), a[4],
         x = self->divider * w;
  cairo_t *cr;

  if (self->display == NULL || (self->divider < 0 && !self->flash))
    return;
  gr_map_affine (shumate_layer_get_viewport (SHUMATE_LAYER (self)), widget, a);
  if (self->divider >= 0)
    {
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, x, h));
      gr_layer_cache_snapshot (&self->cache, snapshot, a, w, h,
                               gtk_widget_get_scale_factor (widget), self->version, draw_baseline,
                               self);
      gtk_snapshot_pop (snapshot);
    }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (self->divider >= 0)
    {
      /* The divider, and which side is which. */
      cairo_rectangle (cr, x - 2, 0, 4, h);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      cairo_rectangle (cr, x - 0.75, 0, 1.5, h);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_fill (cr);
      label (cr, _ ("Baseline"), x - 8, h * 0.42, TRUE);
      label (cr, _ ("Scenario"), x + 16, h * 0.42, FALSE);
    }
  if (self->flash && self->gains != NULL)
    gr_coverage_tiles_draw (self->gains, cr, a, w, h);
  cairo_destroy (cr);
}

static void
on_viewport_changed (GrSwipeLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gr_swipe_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (gr_swipe_layer_parent_class)->constructed (object);
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (object)), "notify",
                           G_CALLBACK (on_viewport_changed), object, G_CONNECT_SWAPPED);
}

static void
gr_swipe_layer_finalize (GObject *object)
{
  GrSwipeLayer *self = GR_SWIPE_LAYER (object);

  gr_coverage_tiles_free (self->before);
  gr_coverage_tiles_free (self->gains);
  gr_mbtiles_free (self->basemap);
  gr_layer_cache_clear (&self->cache);
  G_OBJECT_CLASS (gr_swipe_layer_parent_class)->finalize (object);
}

static void
gr_swipe_layer_class_init (GrSwipeLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gr_swipe_layer_constructed;
  G_OBJECT_CLASS (klass)->finalize = gr_swipe_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = gr_swipe_layer_snapshot;
}

static void
gr_swipe_layer_init (GrSwipeLayer *self)
{
  self->divider = -1;
  self->cache.widget = GTK_WIDGET (self);
  self->before = gr_coverage_tiles_new ();
  self->gains = gr_coverage_tiles_new ();
  gr_coverage_tiles_set_overview (self->before, TRUE);
  gr_coverage_tiles_set_overview (self->gains, TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GrSwipeLayer *
gr_swipe_layer_new (ShumateViewport *viewport)
{
  return g_object_new (GR_TYPE_SWIPE_LAYER, "viewport", viewport, NULL);
}

/**
 * gr_swipe_layer_set_baseline:
 * @baseline: (nullable): the baseline's analysis, on the grid of @scenario
 * @scenario: (nullable): the analysis the map shows
 * @basemap: (nullable): an MBTiles file drawn under the baseline
 *
 * All borrowed while set; %NULL @baseline turns the layer off.
 */
void
gr_swipe_layer_set_baseline (GrSwipeLayer     *self,
                             GrAnalysis       *baseline,
                             GrAnalysis       *scenario,
                             GrDisplay        *display,
                             const GrMapStyle *style,
                             const char       *basemap)
{
  self->baseline = baseline;
  self->scenario = scenario;
  self->display = baseline != NULL ? display : NULL;
  self->style = style;
  g_clear_pointer (&self->basemap, gr_mbtiles_free);
  /* One that cannot be read is named on the map already; here it is left out. */
  if (self->display != NULL && basemap != NULL)
    self->basemap = gr_mbtiles_open (basemap, NULL);
  gr_coverage_tiles_set_source (self->before, baseline, NULL, self->display);
  self->version++;
  gr_swipe_layer_refresh_gains (self);
}

/* After the scenario changed: the homes it newly covers again. */
void
gr_swipe_layer_refresh_gains (GrSwipeLayer *self)
{
  if (self->baseline != NULL && self->scenario != NULL)
    gr_coverage_tiles_set_gains (self->gains, self->baseline, self->scenario, self->display);
  else
    gr_coverage_tiles_set_source (self->gains, NULL, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @fraction of the width from the left; negative hides the swipe. */
void
gr_swipe_layer_set_divider (GrSwipeLayer *self, double fraction)
{
  self->divider = fraction < 0 ? -1 : CLAMP (fraction, 0, 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
gr_swipe_layer_get_divider (GrSwipeLayer *self)
{
  return self->divider;
}

void
gr_swipe_layer_set_flash (GrSwipeLayer *self, gboolean shown)
{
  self->flash = shown;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
gr_swipe_layer_get_n_gain_tiles (GrSwipeLayer *self)
{
  return gr_coverage_tiles_get_n_tiles (self->gains);
}
