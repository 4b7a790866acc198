/* gr-vector-layer.c — the project's layers drawn on the map
 *
 * The library's renderer (gr-render.c) draws them with cairo in the
 * widget's snapshot; this layer keeps the style the layer panel edits
 * and the last drawing while the map pans.
 */
#include "config.h"

#include "gr-vector-layer.h"

#include "gr-layer-cache.h"

#include <math.h>
#include <string.h>

struct _GrVectorLayer
{
  ShumateLayer parent_instance;
  GrDisplay   *display; /* not owned */
  GrMapStyle   style;   /* what the library draws, edited from the layer panel */
  guint        version; /* bumped when what is drawn changes */
  GrLayerCache cache;
};

G_DEFINE_FINAL_TYPE (GrVectorLayer, gr_vector_layer, SHUMATE_TYPE_LAYER)

enum
{
  CHANGED,           /* what is drawn changed: the labels layer follows */
  RELEASING_DISPLAY, /* the display is about to be let go of: its readers stop */
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_viewport_changed (GrVectorLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Web Mercator to the widget is a scale and a shift (the map does not
 * rotate here): found once per frame from two points through the
 * viewport, then applied to every vertex without trigonometry. */
void
gr_map_affine (ShumateViewport *viewport, GtkWidget *widget, double affine[4])
{
  double lat, lon, ax, ay, bx, by, mx0, my0, mx1, my1;

  shumate_viewport_widget_coords_to_location (viewport, widget, 0, 0, &lat, &lon);
  gr_lonlat_to_mercator (lon, lat, &mx0, &my0);
  shumate_viewport_location_to_widget_coords (viewport, widget, lat, lon, &ax, &ay);
  shumate_viewport_widget_coords_to_location (viewport, widget, 256, 256, &lat, &lon);
  gr_lonlat_to_mercator (lon, lat, &mx1, &my1);
  shumate_viewport_location_to_widget_coords (viewport, widget, lat, lon, &bx, &by);
  affine[0] = (bx - ax) / (mx1 - mx0);
  affine[1] = (by - ay) / (my1 - my0);
  affine[2] = ax - affine[0] * mx0;
  affine[3] = ay - affine[1] * my0;
}

static void
draw_layers (gpointer data, cairo_t *cr, const double m[4], double width, double height)
{
  const GrVectorDrawing *drawing = data;

  gr_render_layers (cr, drawing->display, &drawing->style, m, width, height);
}

static void
gr_vector_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GrVectorLayer  *self = GR_VECTOR_LAYER (widget);
  GrVectorDrawing drawing = { self->display, self->style };
  double          m[4];

  if (self->display == NULL)
    return;
  gr_map_affine (shumate_layer_get_viewport (SHUMATE_LAYER (self)), widget, m);
  gr_layer_cache_snapshot (&self->cache, snapshot, m, gtk_widget_get_width (widget),
                           gtk_widget_get_height (widget), gtk_widget_get_scale_factor (widget),
                           self->version, draw_layers, &drawing);
}

static void
gr_vector_layer_finalize (GObject *object)
{
  gr_layer_cache_clear (&GR_VECTOR_LAYER (object)->cache);
  G_OBJECT_CLASS (gr_vector_layer_parent_class)->finalize (object);
}

static void
gr_vector_layer_constructed (GObject *object)
{
  GrVectorLayer *self = GR_VECTOR_LAYER (object);

  G_OBJECT_CLASS (gr_vector_layer_parent_class)->constructed (object);
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
}

static void
gr_vector_layer_class_init (GrVectorLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gr_vector_layer_constructed;
  G_OBJECT_CLASS (klass)->finalize = gr_vector_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = gr_vector_layer_snapshot;
  signals[RELEASING_DISPLAY] =
      g_signal_new ("releasing-display", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
gr_vector_layer_init (GrVectorLayer *self)
{
  self->cache.widget = GTK_WIDGET (self);
  /* The project's layers are only read while they are drawn, and a rested
   * zoom is drawn on another thread from a copy of the style. */
  self->cache.parallel = TRUE;
  self->cache.async_size = sizeof (GrVectorDrawing);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gr_map_style_init (&self->style);
}

GrVectorLayer *
gr_vector_layer_new (ShumateViewport *viewport)
{
  return g_object_new (GR_TYPE_VECTOR_LAYER, "viewport", viewport, NULL);
}

/* @display is borrowed: the caller keeps it alive while it is set. */
static void
changed (GrVectorLayer *self)
{
  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
gr_vector_layer_set_display (GrVectorLayer *self, GrDisplay *display)
{
  /* The display the layer let go of may be freed once this returns: no
   * drawing on another thread, this layer's or the labels', reads it. */
  gr_layer_cache_wait (&self->cache);
  g_signal_emit (self, signals[RELEASING_DISPLAY], 0);
  self->display = display;
  changed (self);
}

GrDisplay *
gr_vector_layer_get_display (GrVectorLayer *self)
{
  return self->display;
}

/* Bumped whenever what is drawn changes. */
guint
gr_vector_layer_get_version (GrVectorLayer *self)
{
  return self->version;
}

void
gr_vector_layer_set_visible_role (GrVectorLayer *self, GrRole role, gboolean visible)
{
  g_return_if_fail (role < GR_N_ROLES);
  if (self->style.hidden[role] == !visible)
    return;
  self->style.hidden[role] = !visible;
  changed (self);
}

gboolean
gr_vector_layer_get_visible_role (GrVectorLayer *self, GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, FALSE);
  return !self->style.hidden[role];
}

/* The colour that stands for @role in the legend: its fill, or its line. */
void
gr_vector_layer_get_role_color (GrVectorLayer *self, GrRole role, GdkRGBA *color)
{
  double rgb[3];

  g_return_if_fail (role < GR_N_ROLES);
  gr_map_style_get_color (&self->style, role, rgb);
  *color = (GdkRGBA){ rgb[0], rgb[1], rgb[2], 1 };
}

void
gr_vector_layer_set_role_color (GrVectorLayer *self, GrRole role, const GdkRGBA *color)
{
  const double rgb[3] = { color->red, color->green, color->blue };

  g_return_if_fail (role < GR_N_ROLES);
  gr_map_style_set_color (&self->style, role, rgb);
  changed (self);
}

void
gr_vector_layer_set_role_opacity (GrVectorLayer *self, GrRole role, double opacity)
{
  g_return_if_fail (role < GR_N_ROLES);
  self->style.opacity[role] = CLAMP (opacity, 0, 1);
  changed (self);
}

/* Roles bottom first; roles left out are not drawn. */
void
gr_vector_layer_set_order (GrVectorLayer *self, const GrRole *order, guint n)
{
  g_return_if_fail (n <= GR_N_ROLES);
  memcpy (self->style.order, order, n * sizeof *order);
  self->style.n_order = n;
  changed (self);
}

void
gr_vector_layer_set_role_labels (GrVectorLayer *self, GrRole role, gboolean labels)
{
  g_return_if_fail (role < GR_N_ROLES);
  if (self->style.labels[role] == labels)
    return;
  self->style.labels[role] = labels;
  changed (self);
}

gboolean
gr_vector_layer_get_role_labels (GrVectorLayer *self, GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, FALSE);
  return self->style.labels[role];
}

double
gr_vector_layer_get_role_opacity (GrVectorLayer *self, GrRole role)
{
  g_return_val_if_fail (role < GR_N_ROLES, 1);
  return self->style.opacity[role];
}

/* A whole style at once: a project's own, as its file keeps it. */
void
gr_vector_layer_set_style (GrVectorLayer *self, const GrMapStyle *style)
{
  self->style = *style;
  changed (self);
}

/* The style the window shows, for maps drawn elsewhere (export, report). */
const GrMapStyle *
gr_vector_layer_get_style (GrVectorLayer *self)
{
  return &self->style;
}
