/* gr-basemap-render.c — a base map drawn with cairo
 *
 * Parks, green space, water, residential land and buildings take the
 * colours the window gives the project's layers of those roles
 * (gr-map-style.c), so that a base map made from a project looks like the
 * project. Roads are drawn as a street map draws them: every road's casing
 * first, then the fills from minor to major, so that junctions join.
 * Road colours stay pale: the blind-spot colours go over the base map.
 */
#include "config.h"

#include "gr-basemap-labels-private.h"
#include "gr-map-style.h"
#include "gr-render-private.h"

#include <math.h>
#include <string.h>

#define RGBA(r, g, b, a)                                                                           \
  {                                                                                                \
    r / 255.0, g / 255.0, b / 255.0, a                                                             \
  }

static const double background[4] = RGBA (242, 239, 233, 1);

/* Lines: the width at zoom 15 (pixels), the zoom they appear from, and the
 * casing's colour (none when transparent). */
typedef struct
{
  double line[4];
  double casing[4];
  double width;
  int    min_zoom;
} LineStyle;

static const LineStyle lines[GR_N_BASE_KINDS] = {
  [GR_BASE_STREAM] = { RGBA (120, 170, 215, 1), RGBA (0, 0, 0, 0), 1.2, 13 },
  [GR_BASE_RIVER] = { RGBA (120, 170, 215, 1), RGBA (0, 0, 0, 0), 3.0, 8 },
  [GR_BASE_TUNNEL] = { RGBA (150, 145, 140, 0.6), RGBA (0, 0, 0, 0), 2.0, 12 },
  [GR_BASE_PATH] = { RGBA (160, 125, 100, 0.9), RGBA (0, 0, 0, 0), 1.3, 14 },
  [GR_BASE_MINOR] = { RGBA (255, 255, 255, 1), RGBA (190, 185, 180, 1), 4.5, 12 },
  [GR_BASE_TERTIARY] = { RGBA (255, 255, 255, 1), RGBA (175, 170, 165, 1), 6.0, 11 },
  [GR_BASE_SECONDARY] = { RGBA (250, 244, 200, 1), RGBA (185, 175, 130, 1), 7.0, 10 },
  [GR_BASE_PRIMARY] = { RGBA (248, 232, 170, 1), RGBA (180, 160, 100, 1), 8.0, 8 },
  [GR_BASE_MAJOR] = { RGBA (240, 215, 150, 1), RGBA (165, 140, 80, 1), 9.0, 5 },
  [GR_BASE_RAIL] = { RGBA (130, 130, 135, 1), RGBA (0, 0, 0, 0), 1.6, 10 },
};

/* Widths grow by 1.6 a zoom level: wider than the ground at low zoom, so
 * that the network stays readable, narrower at street scale. */
static double
line_width (GrBaseKind kind, int zoom)
{
  return CLAMP (lines[kind].width * pow (1.6, zoom - 15), 0.5, 40);
}

static gboolean
is_road (GrBaseKind kind)
{
  return kind >= GR_BASE_MINOR && kind <= GR_BASE_MAJOR;
}

/* The fill of an area kind, from the window's style for the same role. */
static gboolean
area_fill (const GrMapStyle *style, GrBaseKind kind, int zoom, double rgba[4])
{
  static const double busy[4] = RGBA (232, 222, 226, 1);
  GrRole              role;

  switch (kind)
    {
    case GR_BASE_LAND_BUSY:
      memcpy (rgba, busy, sizeof busy);
      return TRUE;
    case GR_BASE_RESIDENTIAL:
      role = GR_ROLE_RESIDENTIAL;
      break;
    case GR_BASE_GREEN:
      role = GR_ROLE_GREEN;
      break;
    case GR_BASE_PARK:
      role = GR_ROLE_PARK;
      break;
    case GR_BASE_WATER:
      role = GR_ROLE_WATER;
      break;
    case GR_BASE_BUILDING:
      if (zoom < 14)
        return FALSE;
      role = GR_ROLE_BUILDINGS;
      break;
    default:
      return FALSE;
    }
  memcpy (rgba, style->roles[role].fill, 4 * sizeof (double));
  return TRUE;
}

/* Roads take two passes: every casing, then every fill. */
typedef enum
{
  PASS_BELOW, /* land, water, buildings, paths */
  PASS_CASING,
  PASS_FILL,
  PASS_ABOVE, /* rail */
  N_PASSES
} Pass;

static Pass
pass_of (GrBaseKind kind)
{
  return is_road (kind) ? PASS_FILL : kind == GR_BASE_RAIL ? PASS_ABOVE : PASS_BELOW;
}

static void
stroke_line (cairo_t *cr, GrBaseKind kind, int zoom, Pass pass)
{
  gboolean cased = is_road (kind) && zoom >= 13;

  if (pass == PASS_CASING)
    {
      _gr_render_set_rgba (cr, lines[kind].casing);
      cairo_set_line_width (cr, line_width (kind, zoom) + 2);
      cairo_stroke (cr);
      return;
    }
  /* Below zoom 13 a road is one line in its casing's colour: white on
   * the pale ground would vanish. */
  _gr_render_set_rgba (cr, is_road (kind) && !cased ? lines[kind].casing : lines[kind].line);
  cairo_set_line_width (cr, line_width (kind, zoom));
  if (kind == GR_BASE_PATH || kind == GR_BASE_TUNNEL || (kind == GR_BASE_RAIL && zoom >= 14))
    cairo_set_dash (cr, (double[]){ 4, 3 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Every feature of one kind in one path, then one fill or stroke; @at
 * moves past them. */
static void
draw_kind (cairo_t          *cr,
           GrBasemapData    *data,
           GArray           *indices,
           guint            *at,
           const GrMapStyle *style,
           const double      a[4],
           int               zoom,
           Pass              pass)
{
  GrBaseKind kind = gr_basemap_data_get_feature (data, g_array_index (indices, guint, *at))->kind;
  gboolean   area = lines[kind].width == 0;
  guint      first = *at;
  double     fill[4];

  while (*at < indices->len
         && gr_basemap_data_get_feature (data, g_array_index (indices, guint, *at))->kind == kind)
    (*at)++;
  if (kind == GR_BASE_PLACE || (!area && zoom < lines[kind].min_zoom)
      || (area && !area_fill (style, kind, zoom, fill)))
    return;
  if (pass != pass_of (kind) && !(pass == PASS_CASING && is_road (kind) && zoom >= 13))
    return;
  for (guint i = first; i < *at; i++)
    _gr_render_trace (
        cr, a, gr_basemap_data_get_feature (data, g_array_index (indices, guint, i))->shape, area);
  if (area)
    {
      _gr_render_set_rgba (cr, fill);
      cairo_fill (cr);
    }
  else
    stroke_line (cr, kind, zoom, pass);
}

/**
 * gr_basemap_draw:
 * @labels: (nullable): names placed for @zoom
 * @x0: the left of the part drawn, world pixels at @zoom
 *
 * Draws the part of the base map at @zoom from (@x0, @y0) on, @width by
 * @height pixels, at the surface's origin.
 */
void
gr_basemap_draw (cairo_t         *cr,
                 GrBasemapData   *data,
                 GrBasemapLabels *labels,
                 int              zoom,
                 double           x0,
                 double           y0,
                 double           width,
                 double           height)
{
  double scale = 256.0 * (1 << zoom), margin = 24;
  double a[4] = { scale, scale, -x0, -y0 };
  double view[4] = { (x0 - margin) / scale, (y0 - margin) / scale, (x0 + width + margin) / scale,
                     (y0 + height + margin) / scale };
  g_autoptr (GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  GrMapStyle style;

  g_return_if_fail (labels == NULL || labels->zoom == zoom);
  gr_map_style_init (&style);
  cairo_save (cr);
  _gr_render_set_rgba (cr, background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gr_basemap_data_query (data, view, indices);
  for (Pass pass = 0; pass < N_PASSES; pass++)
    for (guint at = 0; at < indices->len;)
      draw_kind (cr, data, indices, &at, &style, a, zoom, pass);
  if (labels != NULL)
    gr_labels_draw (labels->labels, cr, x0, y0, width, height);
  cairo_restore (cr);
}

/* One 256-pixel tile, z/x/y as web maps number them (y from the north). */
cairo_surface_t *
gr_basemap_render_tile (GrBasemapData *data, GrBasemapLabels *labels, int z, int x, int y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t         *cr = cairo_create (surface);

  gr_basemap_draw (cr, data, labels, z, x * 256.0, y * 256.0, 256, 256);
  cairo_destroy (cr);
  return surface;
}
