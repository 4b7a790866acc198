/* gr-sketch-layer.c — a scenario's edits drawn over the map
 *
 * Few shapes, redrawn every frame without a cache, so a dragged park
 * follows the pointer. The library's marks (gr-render.c) hold and draw
 * them: candidate parks, new outlines, removed features, findings and the
 * park being drawn.
 */
#include "config.h"

#include "gr-sketch-layer.h"

#include "gr-vector-layer.h"

struct _GrSketchLayer
{
  ShumateLayer parent_instance;
  GrMarks     *marks;
};

G_DEFINE_FINAL_TYPE (GrSketchLayer, gr_sketch_layer, SHUMATE_TYPE_LAYER)

static void
gr_sketch_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GrSketchLayer *self = GR_SKETCH_LAYER (widget);
  double         w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget), a[4];
  cairo_t       *cr;

  if (gr_marks_is_empty (self->marks))
    return;
  gr_map_affine (shumate_layer_get_viewport (SHUMATE_LAYER (self)), widget, a);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gr_marks_draw (self->marks, cr, a, w, h);
  cairo_destroy (cr);
}

static void
on_viewport_changed (GrSketchLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gr_sketch_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (gr_sketch_layer_parent_class)->constructed (object);
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (object)), "notify",
                           G_CALLBACK (on_viewport_changed), object, G_CONNECT_SWAPPED);
}

static void
gr_sketch_layer_finalize (GObject *object)
{
  GrSketchLayer *self = GR_SKETCH_LAYER (object);

  gr_marks_free (self->marks);
  G_OBJECT_CLASS (gr_sketch_layer_parent_class)->finalize (object);
}

static void
gr_sketch_layer_class_init (GrSketchLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gr_sketch_layer_constructed;
  G_OBJECT_CLASS (klass)->finalize = gr_sketch_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = gr_sketch_layer_snapshot;
}

static void
gr_sketch_layer_init (GrSketchLayer *self)
{
  self->marks = gr_marks_new ();
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GrSketchLayer *
gr_sketch_layer_new (ShumateViewport *viewport)
{
  return g_object_new (GR_TYPE_SKETCH_LAYER, "viewport", viewport, NULL);
}

void
gr_sketch_layer_clear (GrSketchLayer *self)
{
  gr_marks_clear (self->marks);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @geometry is in the analysis CRS. */
void
gr_sketch_layer_add (GrSketchLayer *self,
                     GrDisplay     *display,
                     OGRGeometryH   geometry,
                     GrMarkKind     kind,
                     gboolean       selected,
                     gboolean       flagged)
{
  gr_marks_add (self->marks, display, geometry, kind, selected, flagged);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
gr_sketch_layer_get_n_shapes (GrSketchLayer *self)
{
  return gr_marks_get_n_shapes (self->marks);
}

/* The corners of a park being drawn, analysis CRS; %NULL or none to clear. */
void
gr_sketch_layer_set_draft (GrSketchLayer *self, GrDisplay *display, const double *xy, guint n)
{
  gr_marks_set_draft (self->marks, display, xy, n);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The selection's corners as handles: while the reshape tool is on. */
void
gr_sketch_layer_set_handles (GrSketchLayer *self, gboolean handles)
{
  gr_marks_set_handles (self->marks, handles);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gr_sketch_layer_set_findings (GrSketchLayer *self,
                              GrDisplay     *display,
                              const double  *pinches,
                              guint          n_pinches,
                              const double  *gaps,
                              guint          n_gaps)
{
  gr_marks_set_findings (self->marks, display, pinches, n_pinches, gaps, n_gaps);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gr_sketch_layer_set_priorities (GrSketchLayer *self, GrDisplay *display, const double *xy, guint n)
{
  gr_marks_set_priorities (self->marks, display, xy, n);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
gr_sketch_layer_get_n_findings (GrSketchLayer *self)
{
  return gr_marks_get_n_findings (self->marks);
}

GrMarks *
gr_sketch_layer_get_marks (GrSketchLayer *self)
{
  return self->marks;
}
