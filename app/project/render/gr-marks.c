/* gr-marks.c — a scenario's edits, the indicators' findings and the park
 * being drawn, over the map
 */
#include "config.h"

#include "gr-marks.h"

#include "gr-render-private.h"

#include "gr-render.h"

#include <math.h>
#include <pango/pangocairo.h>

typedef struct
{
  GrPolygon *mercator;
  double     bounds[4];
  GrMarkKind kind;
  gboolean   selected;
  gboolean   flagged;
} Mark;

struct _GrMarks
{
  GArray  *shapes;     /* Mark */
  GArray  *draft;      /* double: Web Mercator x, y of a park being drawn */
  GArray  *pinches;    /* double x, y: corridor pinch points, Web Mercator */
  GArray  *gaps;       /* double x0, y0, x1, y1: greenway breaks, Web Mercator */
  GArray  *priorities; /* double x, y: priority areas by rank from 1, Web Mercator */
  gboolean handles;    /* the selection's corners drawn as handles to drag */
  GArray  *sites;      /* Mark: suggested sites, numbered from 1 in order */
  GArray  *reach;      /* double x, y: centres of the cells a site would serve, Web Mercator */
  double   cell;       /* their side, Web Mercator units */
  gboolean findings_hidden;
  GArray  *measure; /* double: Web Mercator x, y of the measure tool's points */
  gboolean measure_closed;
};

GrMarks *
gr_marks_new (void)
{
  GrMarks *marks = g_new0 (GrMarks, 1);

  marks->shapes = g_array_new (FALSE, FALSE, sizeof (Mark));
  marks->draft = g_array_new (FALSE, FALSE, sizeof (double));
  marks->pinches = g_array_new (FALSE, FALSE, sizeof (double));
  marks->gaps = g_array_new (FALSE, FALSE, sizeof (double));
  marks->priorities = g_array_new (FALSE, FALSE, sizeof (double));
  marks->sites = g_array_new (FALSE, FALSE, sizeof (Mark));
  marks->reach = g_array_new (FALSE, FALSE, sizeof (double));
  marks->measure = g_array_new (FALSE, FALSE, sizeof (double));
  return marks;
}

static void
clear_shapes (GArray *shapes)
{
  for (guint i = 0; i < shapes->len; i++)
    gr_polygon_free (g_array_index (shapes, Mark, i).mercator);
  g_array_set_size (shapes, 0);
}

/* The shapes only: findings, suggested sites and the draft stay. */
void
gr_marks_clear (GrMarks *marks)
{
  clear_shapes (marks->shapes);
}

void
gr_marks_free (GrMarks *marks)
{
  if (marks == NULL)
    return;
  gr_marks_clear (marks);
  clear_shapes (marks->sites);
  g_array_unref (marks->shapes);
  g_array_unref (marks->sites);
  g_array_unref (marks->reach);
  g_array_unref (marks->draft);
  g_array_unref (marks->pinches);
  g_array_unref (marks->gaps);
  g_array_unref (marks->priorities);
  g_array_unref (marks->measure);
  g_free (marks);
}

static void
to_mercator (GrDisplay *display, double x, double y, double *mx, double *my)
{
  double lon, lat;

  gr_display_to_lonlat (display, x, y, &lon, &lat);
  gr_lonlat_to_mercator (lon, lat, mx, my);
}

static void
append_shape (GArray      *shapes,
              GrDisplay   *display,
              OGRGeometryH geometry,
              GrMarkKind   kind,
              gboolean     selected,
              gboolean     flagged)
{
  g_autoptr (GrPolygon) p = gr_polygon_new_from_ogr (geometry);
  Mark m = { NULL, { 0 }, kind, selected, flagged };

  if (p == NULL)
    return;
  for (guint i = 0; i < p->n_points; i++)
    to_mercator (display, p->xy[2 * i], p->xy[2 * i + 1], &p->xy[2 * i], &p->xy[2 * i + 1]);
  gr_polygon_bounds (p, m.bounds);
  m.mercator = g_steal_pointer (&p);
  g_array_append_val (shapes, m);
}

/* @geometry is in the analysis CRS; it is copied into Web Mercator. */
void
gr_marks_add (GrMarks     *marks,
              GrDisplay   *display,
              OGRGeometryH geometry,
              GrMarkKind   kind,
              gboolean     selected,
              gboolean     flagged)
{
  append_shape (marks->shapes, display, geometry, kind, selected, flagged);
}

/**
 * gr_marks_set_sites:
 * @sites: (element-type OGRGeometryH) (nullable): suggested parks, analysis
 *   CRS, best first; %NULL clears them
 * @chosen: the one pointed at, from 1 (0: none), drawn bolder
 *
 * Suggested sites: dashed outlines numbered in their order, shown until
 * replaced.
 */
void
gr_marks_set_sites (GrMarks *marks, GrDisplay *display, GPtrArray *sites, guint chosen)
{
  clear_shapes (marks->sites);
  for (guint i = 0; sites != NULL && display != NULL && i < sites->len; i++)
    append_shape (marks->sites, display, g_ptr_array_index (sites, i), GR_MARK_CANDIDATE,
                  i + 1 == chosen, FALSE);
}

guint
gr_marks_get_n_sites (GrMarks *marks)
{
  return marks->sites->len;
}

/**
 * gr_marks_set_reach:
 * @xy: (nullable): x, y centres of @n cells of side @cell metres, analysis CRS
 *
 * The homes a suggested site would lift out of the blind spots, as cells.
 */
void
gr_marks_set_reach (GrMarks *marks, GrDisplay *display, const double *xy, guint n, double cell)
{
  g_array_set_size (marks->reach, 0);
  marks->cell = 0;
  for (guint i = 0; xy != NULL && display != NULL && i < n; i++)
    {
      double m[2], corner[2];

      to_mercator (display, xy[2 * i], xy[2 * i + 1], &m[0], &m[1]);
      if (i == 0)
        {
          to_mercator (display, xy[0] + cell, xy[1], &corner[0], &corner[1]);
          marks->cell = hypot (corner[0] - m[0], corner[1] - m[1]);
        }
      g_array_append_vals (marks->reach, m, 2);
    }
}

guint
gr_marks_get_n_reach (GrMarks *marks)
{
  return marks->reach->len / 2;
}

/* Every feature @scenario changes at its position: candidate parks (with
 * their review flag), new outlines, removed features crossed out. */
void
gr_marks_add_scenario (GrMarks          *marks,
                       GrDisplay        *display,
                       const GrScenario *scenario,
                       GrProject        *baseline)
{
  g_autoptr (GArray) touched = gr_scenario_get_touched (scenario);
  guint n_parks =
      baseline->layers[GR_ROLE_PARK] != NULL ? baseline->layers[GR_ROLE_PARK]->features->len : 0;

  for (guint i = 0; i < touched->len; i++)
    {
      GrFeatureKey k = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH g = gr_scenario_get_geometry (scenario, baseline, k);
      gboolean     candidate = k.role == GR_ROLE_PARK && k.index >= n_parks;

      if (g == NULL && !candidate)
        gr_marks_add (
            marks, display,
            ((GrFeature *) g_ptr_array_index (baseline->layers[k.role]->features, k.index))
                ->geometry,
            GR_MARK_REMOVED, FALSE, FALSE);
      else if (g != NULL)
        gr_marks_add (marks, display, g, candidate ? GR_MARK_CANDIDATE : GR_MARK_RESHAPED, FALSE,
                      candidate
                          && gr_candidate_flags (baseline, g,
                                                 gr_scenario_get_feature_class (
                                                     scenario, baseline, k, scenario->position))
                                 != 0);
    }
}

guint
gr_marks_get_n_shapes (GrMarks *marks)
{
  return marks->shapes->len;
}

/* @n points of the analysis CRS into @into as Web Mercator x, y pairs. */
static void
set_points (GArray *into, GrDisplay *display, const double *xy, guint n)
{
  g_array_set_size (into, 0);
  for (guint i = 0; display != NULL && xy != NULL && i < n; i++)
    {
      double m[2];

      to_mercator (display, xy[2 * i], xy[2 * i + 1], &m[0], &m[1]);
      g_array_append_vals (into, m, 2);
    }
}

/**
 * gr_marks_set_findings:
 * @pinches: x, y pairs, analysis CRS
 * @gaps: x0, y0, x1, y1 quadruples, analysis CRS
 *
 * What the indicators found on the ground: corridor pinch points and
 * greenway breaks, shown until replaced.
 */
void
gr_marks_set_findings (GrMarks      *marks,
                       GrDisplay    *display,
                       const double *pinches,
                       guint         n_pinches,
                       const double *gaps,
                       guint         n_gaps)
{
  set_points (marks->pinches, display, pinches, n_pinches);
  g_array_set_size (marks->gaps, 0);
  for (guint i = 0; display != NULL && i < n_gaps; i++)
    {
      double m[4];

      to_mercator (display, gaps[4 * i], gaps[4 * i + 1], &m[0], &m[1]);
      to_mercator (display, gaps[4 * i + 2], gaps[4 * i + 3], &m[2], &m[3]);
      g_array_append_vals (marks->gaps, m, 4);
    }
}

/**
 * gr_marks_set_priorities:
 * @xy: x, y pairs, analysis CRS: a home in each priority area, by rank
 *
 * The blind-spot areas that leave the most residents out, numbered.
 */
void
gr_marks_set_priorities (GrMarks *marks, GrDisplay *display, const double *xy, guint n)
{
  set_points (marks->priorities, display, xy, n);
}

guint
gr_marks_get_n_priorities (GrMarks *marks)
{
  return marks->priorities->len / 2;
}

guint
gr_marks_get_n_findings (GrMarks *marks)
{
  return marks->pinches->len / 2 + marks->gaps->len / 4;
}

/* The corners of a park being drawn, analysis CRS; %NULL or none to clear. */
void
gr_marks_set_draft (GrMarks *marks, GrDisplay *display, const double *xy, guint n)
{
  set_points (marks->draft, display, xy, n);
}

/* The measure tool's line (@closed: an area) through @n points of the
 * analysis CRS. */
void
gr_marks_set_measure (GrMarks      *marks,
                      GrDisplay    *display,
                      const double *xy,
                      guint         n,
                      gboolean      closed)
{
  set_points (marks->measure, display, xy, n);
  marks->measure_closed = closed;
}

/* Whether the selection's corners are drawn as handles (the reshape
 * tool's); off to start with. */
void
gr_marks_set_handles (GrMarks *marks, gboolean handles)
{
  marks->handles = handles;
}

gboolean
gr_marks_is_empty (GrMarks *marks)
{
  return marks->shapes->len == 0 && marks->draft->len == 0 && marks->pinches->len == 0
         && marks->gaps->len == 0 && marks->priorities->len == 0 && marks->sites->len == 0
         && marks->reach->len == 0 && marks->measure->len == 0;
}

static void
handle (cairo_t *cr, double x, double y)
{
  cairo_rectangle (cr, x - 3.5, y - 3.5, 7, 7);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  _gr_render_set_rgba (cr, _gr_candidate_line);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
draw_mark (cairo_t *cr, const double a[4], double w, double h, const Mark *s, gboolean handles)
{
  double x0 = a[0] * s->bounds[0] + a[2], x1 = a[0] * s->bounds[2] + a[2];
  double y0 = a[1] * s->bounds[1] + a[3], y1 = a[1] * s->bounds[3] + a[3];

  if (MAX (x0, x1) < 0 || MIN (x0, x1) > w || MAX (y0, y1) < 0 || MIN (y0, y1) > h)
    return;
  cairo_new_path (cr);
  _gr_render_trace (cr, a, s->mercator, TRUE);
  switch (s->kind)
    {
    case GR_MARK_CANDIDATE:
      _gr_render_set_rgba (cr, _gr_candidate_fill);
      cairo_fill_preserve (cr);
      _gr_render_set_rgba (cr, _gr_candidate_line);
      break;
    case GR_MARK_RESHAPED:
      cairo_set_source_rgba (cr, 0.35, 0.68, 0.38, 0.6);
      cairo_fill_preserve (cr);
      _gr_render_set_rgba (cr, _gr_candidate_line);
      break;
    case GR_MARK_SELECTED:
      _gr_render_set_rgba (cr, _gr_candidate_line);
      break;
    case GR_MARK_REMOVED:
      cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.25);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
      cairo_move_to (cr, x0, y0), cairo_line_to (cr, x1, y1);
      cairo_move_to (cr, x0, y1), cairo_line_to (cr, x1, y0);
      break;
    }
  cairo_set_line_width (cr, s->selected ? 3.5 : 2);
  cairo_stroke (cr);
  /* The selection's vertices: handles to drag. */
  if (s->selected && handles && s->kind != GR_MARK_REMOVED)
    for (guint p = 0; p < s->mercator->n_points; p++)
      handle (cr, a[0] * s->mercator->xy[2 * p] + a[2], a[1] * s->mercator->xy[2 * p + 1] + a[3]);
  /* A park with a review flag gets a dashed red rim. */
  if (s->flagged)
    {
      const double dash[] = { 6, 4 };

      _gr_render_trace (cr, a, s->mercator, TRUE);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0.75, 0, 0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Greenway breaks: a dashed red line between the loose ends. */
static void
draw_gap (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  const double dash[] = { 5, 4 };

  cairo_new_path (cr);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, x0, y0, 4, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, x1, y1, 4, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* Corridor pinch points: a red ring over a white halo. */
static void
draw_pinch (cairo_t *cr, double x, double y)
{
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

/* A priority area: its rank in a black disc with a white rim, apart from
 * the vermillion of the blind spots under it. */
static void
draw_priority (cairo_t *cr, double x, double y, guint rank)
{
  char                 text[16];
  cairo_text_extents_t e;

  cairo_new_path (cr);
  cairo_arc (cr, x, y, 11, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  g_snprintf (text, sizeof text, "%u", rank);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, rank < 10 ? 13 : 11);
  cairo_text_extents (cr, text, &e);
  cairo_move_to (cr, x - e.width / 2 - e.x_bearing, y - e.height / 2 - e.y_bearing);
  cairo_show_text (cr, text);
}

static void
draw_findings (GrMarks *marks, cairo_t *cr, const double a[4])
{
  if (marks->findings_hidden)
    return;
  for (guint i = 0; i < marks->priorities->len / 2; i++)
    draw_priority (cr, a[0] * g_array_index (marks->priorities, double, 2 * i) + a[2],
                   a[1] * g_array_index (marks->priorities, double, 2 * i + 1) + a[3], i + 1);
  for (guint i = 0; i < marks->gaps->len / 4; i++)
    {
      const double *g = &g_array_index (marks->gaps, double, 4 * i);

      draw_gap (cr, a[0] * g[0] + a[2], a[1] * g[1] + a[3], a[0] * g[2] + a[2], a[1] * g[3] + a[3]);
    }
  for (guint i = 0; i < marks->pinches->len / 2; i++)
    draw_pinch (cr, a[0] * g_array_index (marks->pinches, double, 2 * i) + a[2],
                a[1] * g_array_index (marks->pinches, double, 2 * i + 1) + a[3]);
}

/* The markers are a layer of their own: shown or hidden as a whole, in
 * the window and in everything drawn from these marks. */
void
gr_marks_set_findings_visible (GrMarks *marks, gboolean visible)
{
  marks->findings_hidden = !visible;
}

gboolean
gr_marks_get_findings_visible (GrMarks *marks)
{
  return !marks->findings_hidden;
}

static void
draw_draft (GrMarks *marks, cairo_t *cr, const double a[4])
{
  const double  dash[] = { 4, 4 };
  guint         n = marks->draft->len / 2;
  const double *d = (const double *) marks->draft->data;

  if (n == 0)
    return;
  /* The park being drawn: its corners so far, closed by a dashed edge. */
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, a[0] * d[2 * i] + a[2], a[1] * d[2 * i + 1] + a[3]);
  _gr_render_set_rgba (cr, _gr_candidate_line);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  if (n > 2)
    {
      cairo_move_to (cr, a[0] * d[2 * (n - 1)] + a[2], a[1] * d[2 * (n - 1) + 1] + a[3]);
      cairo_line_to (cr, a[0] * d[0] + a[2], a[1] * d[1] + a[3]);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  for (guint i = 0; i < n; i++)
    handle (cr, a[0] * d[2 * i] + a[2], a[1] * d[2 * i + 1] + a[3]);
}

/* The measure tool's line: dark blue over a white casing, its points
 * dotted; an area closed and lightly filled. */
static void
draw_measure (GrMarks *marks, cairo_t *cr, const double a[4])
{
  guint         n = marks->measure->len / 2;
  const double *d = (const double *) marks->measure->data;

  if (n == 0)
    return;
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, a[0] * d[2 * i] + a[2], a[1] * d[2 * i + 1] + a[3]);
  if (marks->measure_closed)
    {
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, 0.0, 0.447, 0.698, 0.15);
      cairo_fill_preserve (cr);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 4.5);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.0, 0.3, 0.55);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      cairo_arc (cr, a[0] * d[2 * i] + a[2], a[1] * d[2 * i + 1] + a[3], 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* The cells a site would serve: Okabe–Ito yellow, apart from the four
 * blind-spot colours. */
static void
draw_reach (GrMarks *marks, cairo_t *cr, const double a[4], double w, double h)
{
  double side = MAX (fabs (a[0]) * marks->cell, 1.5);

  cairo_new_path (cr);
  for (guint i = 0; i < marks->reach->len / 2; i++)
    {
      double x = a[0] * g_array_index (marks->reach, double, 2 * i) + a[2];
      double y = a[1] * g_array_index (marks->reach, double, 2 * i + 1) + a[3];

      if (x > -side && x < w + side && y > -side && y < h + side)
        cairo_rectangle (cr, x - side / 2, y - side / 2, side, side);
    }
  cairo_set_source_rgba (cr, 0.941, 0.894, 0.259, 0.75);
  cairo_fill (cr);
}

/* A suggested site: a dashed blue outline and its number in a disc. */
static void
draw_site (cairo_t *cr, const double a[4], const Mark *s, guint number)
{
  const double     dash[] = { 5, 3 };
  double           x = a[0] * (s->bounds[0] + s->bounds[2]) / 2 + a[2];
  double           y = a[1] * (s->bounds[1] + s->bounds[3]) / 2 + a[3];
  g_autofree char *text = g_strdup_printf ("%u", number);
  PangoLayout     *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (GR_RENDER_FONT);
  int tw, th;

  cairo_new_path (cr);
  _gr_render_trace (cr, a, s->mercator, TRUE);
  cairo_set_source_rgba (cr, 0, 0.447, 0.698, 0.25);
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_source_rgb (cr, 0, 0.447, 0.698);
  cairo_set_line_width (cr, s->selected ? 3.5 : 2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, x, y, s->selected ? 12 : 10, 0, 2 * G_PI);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  pango_font_description_set_absolute_size (font, 11 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, x - tw / 2.0, y - th / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

void
gr_marks_draw (GrMarks *marks, cairo_t *cr, const double affine[4], double width, double height)
{
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < marks->shapes->len; i++)
    draw_mark (cr, affine, width, height, &g_array_index (marks->shapes, Mark, i), marks->handles);
  /* Suggested sites belong to the markers layer, with the findings. */
  if (!marks->findings_hidden)
    {
      draw_reach (marks, cr, affine, width, height);
      for (guint i = 0; i < marks->sites->len; i++)
        draw_site (cr, affine, &g_array_index (marks->sites, Mark, i), i + 1);
    }
  draw_findings (marks, cr, affine);
  draw_draft (marks, cr, affine);
  draw_measure (marks, cr, affine);
  cairo_restore (cr);
}

/* A legend's symbol for a kind of marker, centred in @width × @height. */
void
gr_marks_draw_symbol (GrFinding finding, cairo_t *cr, double width, double height)
{
  const double identity[4] = { 1, 1, 0, 0 };

  cairo_save (cr);
  if (finding == GR_FINDING_GREENWAY_BREAK)
    draw_gap (cr, 5, height / 2, width - 5, height / 2);
  else if (finding == GR_FINDING_CORRIDOR_PINCH)
    draw_pinch (cr, width / 2, height / 2);
  else if (finding == GR_FINDING_PRIORITY_AREA)
    draw_priority (cr, width / 2, height / 2, 1);
  else
    {
      Mark site = { 0 };

      site.mercator = gr_polygon_new_rect (2, 1, width - 2, height - 1);
      gr_polygon_bounds (site.mercator, site.bounds);
      draw_site (cr, identity, &site, 1);
      gr_polygon_free (site.mercator);
    }
  cairo_restore (cr);
}
