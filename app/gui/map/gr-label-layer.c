/* gr-label-layer.c — the names of the project's zones, parks, water and
 * green space, over the blind spots and the edits
 *
 * It draws from the vector layer's display and style (which layers are
 * shown and which are labelled, as the layer panel sets them) with the
 * library's gr_render_labels(), and keeps its last drawing while the map
 * pans as the vector layer does; a zoom that rests is drawn on another
 * thread from a copy of the style and the display, which the vector layer
 * lets go of only once that drawing stopped (its releasing-display).
 */
#include "config.h"

#include "gr-label-layer.h"

#include "gr-layer-cache.h"

struct _GrLabelLayer
{
  ShumateLayer   parent_instance;
  GrVectorLayer *vectors; /* weak: the map holds both */
  GrLayerCache   cache;
};

G_DEFINE_FINAL_TYPE (GrLabelLayer, gr_label_layer, SHUMATE_TYPE_LAYER)

static void
draw_labels (gpointer data, cairo_t *cr, const double m[4], double width, double height)
{
  const GrVectorDrawing *drawing = data;

  gr_render_labels (cr, drawing->display, &drawing->style, m, width, height, 1);
}

static void
gr_label_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GrLabelLayer   *self = GR_LABEL_LAYER (widget);
  GrVectorDrawing drawing;
  double          m[4];

  if (self->vectors == NULL || gr_vector_layer_get_display (self->vectors) == NULL)
    return;
  drawing = (GrVectorDrawing){ gr_vector_layer_get_display (self->vectors),
                               *gr_vector_layer_get_style (self->vectors) };
  gr_map_affine (shumate_layer_get_viewport (SHUMATE_LAYER (self)), widget, m);
  gr_layer_cache_snapshot (&self->cache, snapshot, m, gtk_widget_get_width (widget),
                           gtk_widget_get_height (widget), gtk_widget_get_scale_factor (widget),
                           gr_vector_layer_get_version (self->vectors), draw_labels, &drawing);
}

static void
gr_label_layer_finalize (GObject *object)
{
  GrLabelLayer *self = GR_LABEL_LAYER (object);

  g_clear_weak_pointer (&self->vectors);
  gr_layer_cache_clear (&self->cache);
  G_OBJECT_CLASS (gr_label_layer_parent_class)->finalize (object);
}

static void
gr_label_layer_class_init (GrLabelLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gr_label_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = gr_label_layer_snapshot;
}

static void
gr_label_layer_init (GrLabelLayer *self)
{
  self->cache.widget = GTK_WIDGET (self);
  self->cache.async_size = sizeof (GrVectorDrawing);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

static void
on_releasing_display (GrLabelLayer *self)
{
  gr_layer_cache_wait (&self->cache);
}

GrLabelLayer *
gr_label_layer_new (ShumateViewport *viewport, GrVectorLayer *vectors)
{
  GrLabelLayer *self = g_object_new (GR_TYPE_LABEL_LAYER, "viewport", viewport, NULL);

  g_set_weak_pointer (&self->vectors, vectors);
  g_signal_connect_object (vectors, "changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vectors, "releasing-display", G_CALLBACK (on_releasing_display), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  return self;
}

GrLayerCache *
gr_label_layer_get_cache (GrLabelLayer *self)
{
  return &self->cache;
}
