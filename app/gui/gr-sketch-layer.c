/* gr-sketch-layer.c — a scenario's edits drawn over the map
 *
 * Few shapes, redrawn every frame without a cache, so a dragged park
 * follows the pointer. Candidate parks are reddish purple (the one
 * Okabe–Ito colour the blind-spot overlay does not use: proposals, not
 * green yet); reshaped features are outlined in it over their old outline;
 * removed ones are crossed out in red. A park with a review flag
 * gets a dashed red rim.
 */
#include "config.h"

#include "gr-sketch-layer.h"

#include "gr-vector-layer.h"

typedef struct
{
  GrPolygon   *mercator;
  double       bounds[4];
  GrSketchKind kind;
  gboolean     selected;
  gboolean     flagged;
} Shape;

struct _GrSketchLayer
{
  ShumateLayer parent_instance;
  GArray      *shapes; /* Shape */
  GArray      *draft;  /* double: Web Mercator x, y of a park being drawn */
  GArray      *pinches; /* double x, y: corridor pinch points, Web Mercator */
  GArray      *gaps;    /* double x0, y0, x1, y1: greenway breaks, Web Mercator */
};

G_DEFINE_FINAL_TYPE (GrSketchLayer, gr_sketch_layer, SHUMATE_TYPE_LAYER)

static void
trace (cairo_t *cr, const double a[4], const GrPolygon *p)
{
  guint start = 0;

  for (guint r = 0; r < p->n_rings; r++)
    {
      for (guint i = start; i < p->ring_ends[r]; i++)
        {
          double x = a[0] * p->xy[2 * i] + a[2], y = a[1] * p->xy[2 * i + 1] + a[3];

          if (i == start)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      start = p->ring_ends[r];
    }
}

static void
gr_sketch_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GrSketchLayer *self = GR_SKETCH_LAYER (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget), a[4];
  cairo_t *cr;

  if (self->shapes->len == 0 && self->draft->len == 0 && self->pinches->len == 0 && self->gaps->len == 0)
    return;
  gr_map_affine (shumate_layer_get_viewport (SHUMATE_LAYER (self)), widget, a);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < self->shapes->len; i++)
    {
      Shape *s = &g_array_index (self->shapes, Shape, i);
      double x0 = a[0] * s->bounds[0] + a[2], x1 = a[0] * s->bounds[2] + a[2];
      double y0 = a[1] * s->bounds[1] + a[3], y1 = a[1] * s->bounds[3] + a[3];

      if (MAX (x0, x1) < 0 || MIN (x0, x1) > w || MAX (y0, y1) < 0 || MIN (y0, y1) > h)
        continue;
      cairo_new_path (cr);
      trace (cr, a, s->mercator);
      switch (s->kind)
        {
        case GR_SKETCH_CANDIDATE:
          cairo_set_source_rgba (cr, 0.8, 0.475, 0.655, 0.8);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.45, 0.15, 0.35);
          break;
        case GR_SKETCH_RESHAPED:
          cairo_set_source_rgba (cr, 0.35, 0.68, 0.38, 0.6);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.45, 0.15, 0.35);
          break;
        case GR_SKETCH_SELECTED:
          cairo_set_source_rgb (cr, 0.45, 0.15, 0.35);
          break;
        case GR_SKETCH_REMOVED:
          cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.25);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
          cairo_move_to (cr, x0, y0), cairo_line_to (cr, x1, y1);
          cairo_move_to (cr, x0, y1), cairo_line_to (cr, x1, y0);
          break;
        }
      cairo_set_line_width (cr, s->selected ? 3.5 : 2);
      cairo_stroke (cr);
      /* The selection's vertices: handles to drag; a double click on one
       * removes it, on an edge adds one. */
      if (s->selected && s->kind != GR_SKETCH_REMOVED)
        for (guint p = 0; p < s->mercator->n_points; p++)
          {
            double x = a[0] * s->mercator->xy[2 * p] + a[2], y = a[1] * s->mercator->xy[2 * p + 1] + a[3];

            cairo_rectangle (cr, x - 3.5, y - 3.5, 7, 7);
            cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_fill_preserve (cr);
            cairo_set_source_rgb (cr, 0.45, 0.15, 0.35);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
          }
      if (s->flagged)
        {
          const double dash[] = { 6, 4 };

          trace (cr, a, s->mercator);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_source_rgb (cr, 0.75, 0, 0);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }
  /* Findings: greenway breaks as dashed red lines between the loose ends,
   * corridor pinch points as red rings. */
  for (guint i = 0; i < self->gaps->len / 4; i++)
    {
      const double *g = &g_array_index (self->gaps, double, 4 * i);
      const double dash[] = { 5, 4 };

      cairo_new_path (cr);
      cairo_move_to (cr, a[0] * g[0] + a[2], a[1] * g[1] + a[3]);
      cairo_line_to (cr, a[0] * g[2] + a[2], a[1] * g[3] + a[3]);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint e = 0; e < 2; e++)
        {
          cairo_arc (cr, a[0] * g[2 * e] + a[2], a[1] * g[2 * e + 1] + a[3], 4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  for (guint i = 0; i < self->pinches->len / 2; i++)
    {
      double x = a[0] * g_array_index (self->pinches, double, 2 * i) + a[2];
      double y = a[1] * g_array_index (self->pinches, double, 2 * i + 1) + a[3];

      cairo_new_path (cr);
      cairo_arc (cr, x, y, 9, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      cairo_move_to (cr, x - 5, y), cairo_line_to (cr, x + 5, y);
      cairo_stroke (cr);
    }
  /* The park being drawn: its corners so far, closed by a dashed edge. */
  if (self->draft->len > 0)
    {
      const double dash[] = { 4, 4 };
      guint n = self->draft->len / 2;

      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        cairo_line_to (cr, a[0] * g_array_index (self->draft, double, 2 * i) + a[2],
                       a[1] * g_array_index (self->draft, double, 2 * i + 1) + a[3]);
      cairo_set_source_rgb (cr, 0.45, 0.15, 0.35);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      if (n > 2)
        {
          cairo_move_to (cr, a[0] * g_array_index (self->draft, double, 2 * (n - 1)) + a[2],
                         a[1] * g_array_index (self->draft, double, 2 * (n - 1) + 1) + a[3]);
          cairo_line_to (cr, a[0] * g_array_index (self->draft, double, 0) + a[2],
                         a[1] * g_array_index (self->draft, double, 1) + a[3]);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      for (guint i = 0; i < n; i++)
        {
          cairo_rectangle (cr, a[0] * g_array_index (self->draft, double, 2 * i) + a[2] - 3.5,
                           a[1] * g_array_index (self->draft, double, 2 * i + 1) + a[3] - 3.5, 7, 7);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.45, 0.15, 0.35);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
    }
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

  gr_sketch_layer_clear (self);
  g_array_unref (self->shapes);
  g_array_unref (self->draft);
  g_array_unref (self->pinches);
  g_array_unref (self->gaps);
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
  self->shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  self->draft = g_array_new (FALSE, FALSE, sizeof (double));
  self->pinches = g_array_new (FALSE, FALSE, sizeof (double));
  self->gaps = g_array_new (FALSE, FALSE, sizeof (double));
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
  for (guint i = 0; i < self->shapes->len; i++)
    gr_polygon_free (g_array_index (self->shapes, Shape, i).mercator);
  g_array_set_size (self->shapes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @geometry is in the analysis CRS; it is copied into Web Mercator. */
void
gr_sketch_layer_add (GrSketchLayer *self,
                     GrDisplay     *display,
                     OGRGeometryH   geometry,
                     GrSketchKind   kind,
                     gboolean       selected,
                     gboolean       flagged)
{
  g_autoptr (GrPolygon) p = gr_polygon_new_from_ogr (geometry);
  Shape s = { NULL, { 0 }, kind, selected, flagged };

  if (p == NULL)
    return;
  for (guint i = 0; i < p->n_points; i++)
    {
      double lon, lat;

      gr_display_to_lonlat (display, p->xy[2 * i], p->xy[2 * i + 1], &lon, &lat);
      gr_lonlat_to_mercator (lon, lat, &p->xy[2 * i], &p->xy[2 * i + 1]);
    }
  gr_polygon_bounds (p, s.bounds);
  s.mercator = g_steal_pointer (&p);
  g_array_append_val (self->shapes, s);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
gr_sketch_layer_get_n_shapes (GrSketchLayer *self)
{
  return self->shapes->len;
}

/* The corners of a park being drawn, analysis CRS; %NULL or none to clear. */
void
gr_sketch_layer_set_draft (GrSketchLayer *self,
                           GrDisplay     *display,
                           const double  *xy,
                           guint          n)
{
  g_array_set_size (self->draft, 0);
  for (guint i = 0; xy != NULL && i < n; i++)
    {
      double lon, lat, m[2];

      gr_display_to_lonlat (display, xy[2 * i], xy[2 * i + 1], &lon, &lat);
      gr_lonlat_to_mercator (lon, lat, &m[0], &m[1]);
      g_array_append_vals (self->draft, m, 2);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
append_mercator (GArray *to, GrDisplay *display, double x, double y)
{
  double lon, lat, m[2];

  gr_display_to_lonlat (display, x, y, &lon, &lat);
  gr_lonlat_to_mercator (lon, lat, &m[0], &m[1]);
  g_array_append_vals (to, m, 2);
}

/**
 * gr_sketch_layer_set_findings:
 * @pinches: x, y pairs, analysis CRS
 * @gaps: x0, y0, x1, y1 quadruples, analysis CRS
 *
 * What the indicators found on the ground: corridor pinch points and
 * greenway breaks, shown until replaced.
 */
void
gr_sketch_layer_set_findings (GrSketchLayer *self,
                              GrDisplay     *display,
                              const double  *pinches,
                              guint          n_pinches,
                              const double  *gaps,
                              guint          n_gaps)
{
  g_array_set_size (self->pinches, 0);
  g_array_set_size (self->gaps, 0);
  for (guint i = 0; display != NULL && i < n_pinches; i++)
    append_mercator (self->pinches, display, pinches[2 * i], pinches[2 * i + 1]);
  for (guint i = 0; display != NULL && i < n_gaps; i++)
    {
      append_mercator (self->gaps, display, gaps[4 * i], gaps[4 * i + 1]);
      append_mercator (self->gaps, display, gaps[4 * i + 2], gaps[4 * i + 3]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
gr_sketch_layer_get_n_findings (GrSketchLayer *self)
{
  return self->pinches->len / 2 + self->gaps->len / 4;
}
