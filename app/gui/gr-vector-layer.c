/* gr-vector-layer.c — the project's layers drawn on the map
 *
 * Drawn with cairo in the widget's snapshot, as libshumate's own path
 * layer is: every vertex goes through the viewport, features outside the
 * view are skipped by their bounds.
 */
#include "config.h"

#include "gr-vector-layer.h"

#include "gr-layer-cache.h"

#include <math.h>
#include <string.h>

typedef struct
{
  GdkRGBA fill;
  GdkRGBA stroke;
  double  width;
  double  min_zoom; /* drawn from this zoom level on */
} Style;

#define RGBA(r, g, b, a) { r / 255.0f, g / 255.0f, b / 255.0f, a }

/* Drawn bottom to top: land use first, then networks, then boundaries. */
static const GrRole draw_order[] = {
  GR_ROLE_BUILTUP, GR_ROLE_ZONES, GR_ROLE_RESIDENTIAL, GR_ROLE_WATER, GR_ROLE_CORRIDOR,
  GR_ROLE_NURSERY, GR_ROLE_GREEN, GR_ROLE_PARK, GR_ROLE_BUILDINGS, GR_ROLE_WALK,
  GR_ROLE_GREENWAY, GR_ROLE_SITES, GR_ROLE_ENTRANCES,
};

static const Style styles[GR_N_ROLES] = {
  [GR_ROLE_GREEN] = { RGBA (166, 219, 160, 0.85f), RGBA (90, 174, 97, 1), 0.8, 0 },
  [GR_ROLE_PARK] = { RGBA (90, 174, 97, 0.9f), RGBA (27, 120, 55, 1), 1.2, 0 },
  [GR_ROLE_RESIDENTIAL] = { RGBA (240, 228, 200, 0.55f), RGBA (200, 180, 140, 0.8f), 0.6, 0 },
  [GR_ROLE_WALK] = { RGBA (0, 0, 0, 0), RGBA (120, 120, 120, 0.7f), 0.7, 14 },
  [GR_ROLE_GREENWAY] = { RGBA (0, 0, 0, 0), RGBA (0, 109, 44, 1), 2.0, 0 },
  [GR_ROLE_CORRIDOR] = { RGBA (199, 233, 192, 0.5f), RGBA (65, 171, 93, 1), 1.0, 0 },
  [GR_ROLE_WATER] = { RGBA (158, 202, 225, 0.9f), RGBA (66, 146, 198, 1), 0.6, 0 },
  [GR_ROLE_ZONES] = { RGBA (0, 0, 0, 0), RGBA (90, 90, 110, 0.9f), 1.5, 0 },
  [GR_ROLE_BUILDINGS] = { RGBA (190, 185, 180, 0.8f), RGBA (150, 145, 140, 0.8f), 0.4, 15 },
  [GR_ROLE_NURSERY] = { RGBA (217, 240, 163, 0.8f), RGBA (120, 198, 121, 1), 0.6, 0 },
  [GR_ROLE_BUILTUP] = { RGBA (0, 0, 0, 0), RGBA (120, 80, 60, 0.8f), 1.5, 0 },
  [GR_ROLE_SITES] = { RGBA (253, 141, 60, 0.6f), RGBA (217, 72, 1, 1), 1.5, 0 },
  [GR_ROLE_ENTRANCES] = { RGBA (0, 0, 0, 0), RGBA (27, 120, 55, 1), 4.0, 14 },
  [GR_ROLE_POPULATION] = { RGBA (0, 0, 0, 0), RGBA (0, 0, 0, 0), 0, 99 },
};

/* Parks by CJJ/T 85 class: the larger the class, the deeper the green;
 * specialised parks lean blue, country parks olive. */
static const GdkRGBA park_fills[GR_N_PARK_CLASSES] = {
  [GR_PARK_CLASS_COMPREHENSIVE] = RGBA (49, 140, 70, 0.9f),
  [GR_PARK_CLASS_COMMUNITY] = RGBA (90, 174, 97, 0.9f),
  [GR_PARK_CLASS_SPECIALISED] = RGBA (65, 160, 140, 0.9f),
  [GR_PARK_CLASS_STREET_GARDEN] = RGBA (140, 200, 110, 0.9f),
  [GR_PARK_CLASS_COUNTRY] = RGBA (120, 150, 60, 0.9f),
};

struct _GrVectorLayer
{
  ShumateLayer parent_instance;
  GrDisplay   *display; /* not owned */
  gboolean     hidden[GR_N_ROLES];
  Style        styles[GR_N_ROLES];
  double       opacity[GR_N_ROLES];
  gboolean     recoloured[GR_N_ROLES]; /* parks: one colour, not by class */
  GrRole       order[GR_N_ROLES];      /* bottom first */
  guint        n_order;
  guint        version; /* bumped when what is drawn changes */
  GrLayerCache cache;
};

G_DEFINE_FINAL_TYPE (GrVectorLayer, gr_vector_layer, SHUMATE_TYPE_LAYER)

static void
on_viewport_changed (GrVectorLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Web Mercator to the widget is a scale and a shift (the map does not
 * rotate here): found once per frame from two points through the
 * viewport, then applied to every vertex without trigonometry. */
typedef struct
{
  double sx, sy, ox, oy;
  double width, height;
} Affine;

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

static gboolean
in_view (const Affine *a, const double b[4])
{
  double x0 = a->sx * b[0] + a->ox, x1 = a->sx * b[2] + a->ox;
  double y0 = a->sy * b[1] + a->oy, y1 = a->sy * b[3] + a->oy;

  return x1 >= 0 && y1 >= 0 && x0 <= a->width && y0 <= a->height;
}

static void
trace (cairo_t *cr, const Affine *a, const GrPolygon *shape, gboolean close)
{
  guint start = 0;

  for (guint r = 0; r < shape->n_rings; r++)
    {
      for (guint i = start; i < shape->ring_ends[r]; i++)
        {
          double x = a->sx * shape->xy[2 * i] + a->ox, y = a->sy * shape->xy[2 * i + 1] + a->oy;

          if (i == start)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      if (close)
        cairo_close_path (cr);
      start = shape->ring_ends[r];
    }
}

static void
paint (cairo_t *cr, const Style *style, const GdkRGBA *fill)
{
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  gdk_cairo_set_source_rgba (cr, fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &style->stroke);
  cairo_set_line_width (cr, style->width);
  cairo_stroke (cr);
}

static void
draw_role (GrVectorLayer *self, cairo_t *cr, const Affine *a, GrRole role, double zoom)
{
  const Style *style = &self->styles[role];
  GPtrArray *features = gr_display_get_features (self->display, role);
  gboolean by_class = role == GR_ROLE_PARK && !self->recoloured[role];

  if (self->hidden[role] || zoom < style->min_zoom || features == NULL || features->len == 0
      || self->opacity[role] <= 0)
    return;
  /* A translucent layer is drawn whole, then faded: overlaps do not darken. */
  if (self->opacity[role] < 1)
    cairo_push_group (cr);
  for (guint c = 0; c < (by_class ? GR_N_PARK_CLASSES : 1); c++)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < features->len; i++)
        {
          GrDisplayFeature *f = g_ptr_array_index (features, i);

          if ((!by_class || f->park_class == c) && in_view (a, f->bounds))
            trace (cr, a, f->mercator, f->kind != GR_SHAPE_LINE);
        }
      paint (cr, style, by_class ? &park_fills[c] : &style->fill);
    }
  if (self->opacity[role] < 1)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, self->opacity[role]);
    }
}

static void
draw_layers (gpointer layer, cairo_t *cr, const double m[4], double width, double height)
{
  GrVectorLayer *self = layer;
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  Affine a = { m[0], m[1], m[2], m[3], width, height };

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->n_order; i++)
    draw_role (self, cr, &a, self->order[i], zoom);
}

static void
gr_vector_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GrVectorLayer *self = GR_VECTOR_LAYER (widget);
  double m[4];

  if (self->display == NULL)
    return;
  gr_map_affine (shumate_layer_get_viewport (SHUMATE_LAYER (self)), widget, m);
  gr_layer_cache_snapshot (&self->cache, snapshot, m, gtk_widget_get_width (widget),
                           gtk_widget_get_height (widget), gtk_widget_get_scale_factor (widget),
                           self->version, draw_layers, self);
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
}

static void
gr_vector_layer_init (GrVectorLayer *self)
{
  self->cache.widget = GTK_WIDGET (self);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  memcpy (self->styles, styles, sizeof styles);
  for (guint r = 0; r < GR_N_ROLES; r++)
    self->opacity[r] = 1;
  memcpy (self->order, draw_order, sizeof draw_order);
  self->n_order = G_N_ELEMENTS (draw_order);
}

GrVectorLayer *
gr_vector_layer_new (ShumateViewport *viewport)
{
  return g_object_new (GR_TYPE_VECTOR_LAYER, "viewport", viewport, NULL);
}

/* @display is borrowed: the caller keeps it alive while it is set. */
void
gr_vector_layer_set_display (GrVectorLayer *self,
                             GrDisplay     *display)
{
  self->display = display;
  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gr_vector_layer_set_visible_role (GrVectorLayer *self,
                                  GrRole         role,
                                  gboolean       visible)
{
  g_return_if_fail (role < GR_N_ROLES);
  if (self->hidden[role] == !visible)
    return;
  self->hidden[role] = !visible;
  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
gr_vector_layer_get_visible_role (GrVectorLayer *self,
                                  GrRole         role)
{
  g_return_val_if_fail (role < GR_N_ROLES, FALSE);
  return !self->hidden[role];
}

static void
changed (GrVectorLayer *self)
{
  self->version++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The colour that stands for @role in the legend: its fill, or its line. */
void
gr_vector_layer_get_role_color (GrVectorLayer *self,
                                GrRole         role,
                                GdkRGBA       *color)
{
  const Style *style;

  g_return_if_fail (role < GR_N_ROLES);
  style = &self->styles[role];
  *color = style->fill.alpha > 0 ? style->fill : style->stroke;
  color->alpha = 1;
}

/* A new colour for @role: areas take it as their fill (with the default
 * translucency) and a darker outline; lines take it as their colour. */
void
gr_vector_layer_set_role_color (GrVectorLayer *self,
                                GrRole         role,
                                const GdkRGBA *color)
{
  Style *style;

  g_return_if_fail (role < GR_N_ROLES);
  style = &self->styles[role];
  if (styles[role].fill.alpha > 0)
    {
      style->fill = (GdkRGBA){ color->red, color->green, color->blue, styles[role].fill.alpha };
      style->stroke = (GdkRGBA){ color->red * 0.7f, color->green * 0.7f, color->blue * 0.7f, 1 };
    }
  else
    style->stroke = (GdkRGBA){ color->red, color->green, color->blue, styles[role].stroke.alpha };
  self->recoloured[role] = TRUE;
  changed (self);
}

void
gr_vector_layer_set_role_opacity (GrVectorLayer *self,
                                  GrRole         role,
                                  double         opacity)
{
  g_return_if_fail (role < GR_N_ROLES);
  self->opacity[role] = CLAMP (opacity, 0, 1);
  changed (self);
}

/* Roles bottom first; roles left out are not drawn. */
void
gr_vector_layer_set_order (GrVectorLayer *self,
                           const GrRole  *order,
                           guint          n)
{
  g_return_if_fail (n <= GR_N_ROLES);
  memcpy (self->order, order, n * sizeof *order);
  self->n_order = n;
  changed (self);
}
