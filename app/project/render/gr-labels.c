/* gr-labels.c — names on a map, placed without collisions
 *
 * Text is set unhinted, so that a name measures and draws the same on
 * every surface and in every tile (a base-map name across a tile border is
 * drawn by both tiles and must match), with a white halo that keeps it
 * readable over any fill.
 */
#include "config.h"

#include "gr-labels.h"

#include "gr-render.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define CELL 64.0 /* the collision grid, pixels */
#define PAD  3.0  /* clear space around a name */

struct _GrLabels
{
  GArray       *placed; /* GrLabel */
  GHashTable   *grid;   /* cell → GArray of indices into placed */
  PangoContext *context;
  PangoLayout  *layout; /* for measuring */
};

static const double colours[][3] = {
  [GR_LABEL_PLACE] = { 0.176, 0.176, 0.196 }, [GR_LABEL_PARK] = { 0.098, 0.392, 0.176 },
  [GR_LABEL_GREEN] = { 0.2, 0.45, 0.25 },     [GR_LABEL_WATER] = { 0.118, 0.353, 0.627 },
  [GR_LABEL_ROAD] = { 0.275, 0.275, 0.294 },  [GR_LABEL_ZONE] = { 0.33, 0.33, 0.42 },
};

static void
set_font_options (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

/* The font a label is set in; the same when measured and when drawn. */
static void
set_text (PangoLayout *layout, const GrLabel *label)
{
  PangoFontDescription *font = pango_font_description_from_string (GR_RENDER_FONT);

  pango_font_description_set_absolute_size (font, label->size * PANGO_SCALE);
  if (label->bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (label->style == GR_LABEL_WATER)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, label->text, -1);
  pango_font_description_free (font);
}

GrLabels *
gr_labels_new (void)
{
  GrLabels *labels = g_new0 (GrLabels, 1);

  labels->placed = g_array_new (FALSE, FALSE, sizeof (GrLabel));
  labels->grid =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  labels->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  set_font_options (labels->context);
  labels->layout = pango_layout_new (labels->context);
  return labels;
}

void
gr_labels_free (GrLabels *labels)
{
  if (labels == NULL)
    return;
  g_array_unref (labels->placed);
  g_hash_table_unref (labels->grid);
  g_object_unref (labels->layout);
  g_object_unref (labels->context);
  g_free (labels);
}

/* The size @label's text takes, level. */
gboolean
gr_labels_measure (GrLabels *labels, const GrLabel *label, double *width, double *height)
{
  int w, h;

  if (label->text == NULL || *label->text == '\0')
    return FALSE;
  set_text (labels->layout, label);
  pango_layout_get_pixel_size (labels->layout, &w, &h);
  *width = w;
  *height = h;
  return TRUE;
}

static guint64
cell_key (int cx, int cy)
{
  return ((guint64) (guint32) cx << 32) | (guint32) cy;
}

static gboolean
collides (GrLabels *labels, const double box[4])
{
  for (int cy = (int) floor (box[1] / CELL); cy <= (int) floor (box[3] / CELL); cy++)
    for (int cx = (int) floor (box[0] / CELL); cx <= (int) floor (box[2] / CELL); cx++)
      {
        guint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (labels->grid, &key);

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            const double *o =
                g_array_index (labels->placed, GrLabel, g_array_index (cell, guint, i)).box;

            if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3])
              return TRUE;
          }
      }
  return FALSE;
}

static void
occupy (GrLabels *labels, const double box[4], guint index)
{
  for (int cy = (int) floor (box[1] / CELL); cy <= (int) floor (box[3] / CELL); cy++)
    for (int cx = (int) floor (box[0] / CELL); cx <= (int) floor (box[2] / CELL); cx++)
      {
        guint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (labels->grid, &key);

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (labels->grid, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, index);
      }
}

/**
 * gr_labels_place:
 *
 * Places @label unless it would meet one already placed.
 *
 * Returns: whether it was placed
 */
gboolean
gr_labels_place (GrLabels *labels, const GrLabel *label)
{
  GrLabel placed = *label;
  double  w, h, c, s, hw, hh;

  if (!gr_labels_measure (labels, label, &w, &h))
    return FALSE;
  c = fabs (cos (label->angle)), s = fabs (sin (label->angle));
  hw = (w * c + h * s) / 2 + PAD, hh = (w * s + h * c) / 2 + PAD;
  placed.box[0] = label->x - hw;
  placed.box[1] = label->y - hh;
  placed.box[2] = label->x + hw;
  placed.box[3] = label->y + hh;
  if (collides (labels, placed.box))
    return FALSE;
  occupy (labels, placed.box, labels->placed->len);
  g_array_append_val (labels->placed, placed);
  return TRUE;
}

/* A point well inside an area (@bounds its box): the middle of the widest
 * stretch of the row through the box's centre. */
gboolean
gr_labels_inside_point (const GrPolygon *shape, const double bounds[4], double *x, double *y)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (GrSpan));
  double best = 0;

  *y = (bounds[1] + bounds[3]) / 2;
  gr_polygon_row_spans (shape, *y, 0, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      GrSpan *s = &g_array_index (spans, GrSpan, i);

      if (s->x1 - s->x0 > best)
        best = s->x1 - s->x0, *x = (s->x0 + s->x1) / 2;
    }
  return best > 0;
}

guint
gr_labels_get_n_labels (GrLabels *labels)
{
  return labels->placed->len;
}

const GrLabel *
gr_labels_get_label (GrLabels *labels, guint index)
{
  g_return_val_if_fail (index < labels->placed->len, NULL);
  return &g_array_index (labels->placed, GrLabel, index);
}

static void
draw_label (cairo_t *cr, PangoLayout *layout, const GrLabel *label, double x0, double y0)
{
  int w, h;

  set_text (layout, label);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, label->x - x0, label->y - y0);
  cairo_rotate (cr, label->angle);
  cairo_move_to (cr, -w / 2.0, -h / 2.0);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, colours[label->style][0], colours[label->style][1],
                        colours[label->style][2]);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Draws every placed label that reaches into the @width × @height part
 * from (@x0, @y0), at the surface's origin. */
void
gr_labels_draw (GrLabels *labels, cairo_t *cr, double x0, double y0, double width, double height)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  set_font_options (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);
  for (guint i = 0; i < labels->placed->len; i++)
    {
      const GrLabel *l = &g_array_index (labels->placed, GrLabel, i);

      if (l->box[2] >= x0 && l->box[0] <= x0 + width && l->box[3] >= y0 && l->box[1] <= y0 + height)
        draw_label (cr, layout, l, x0, y0);
    }
  g_object_unref (layout);
}
