/* gr-render.c — the map, drawn with cairo
 *
 * The window's map layers, the exported PNG/SVG and the report's map pages
 * all call these functions: one drawing of the layers, the blind spots,
 * the scenario's edits, the base map, the legend, the scale bar and the
 * north arrow.
 */
#include "config.h"

#include "gr-render.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/* WGS 84 equatorial circumference: the Web Mercator unit square's side. */
#define EARTH_CIRCUMFERENCE_M 40075016.686

#define C(r, g, b, a) { r / 255.0, g / 255.0, b / 255.0, a }

/* Drawn bottom to top: land use first, then networks, then boundaries. */
static const GrRole draw_order[] = {
  GR_ROLE_BUILTUP, GR_ROLE_ZONES, GR_ROLE_RESIDENTIAL, GR_ROLE_WATER, GR_ROLE_CORRIDOR,
  GR_ROLE_NURSERY, GR_ROLE_GREEN, GR_ROLE_PARK, GR_ROLE_BUILDINGS, GR_ROLE_WALK,
  GR_ROLE_GREENWAY, GR_ROLE_SITES, GR_ROLE_ENTRANCES,
};

static const GrRoleStyle default_styles[GR_N_ROLES] = {
  [GR_ROLE_GREEN] = { C (166, 219, 160, 0.85), C (90, 174, 97, 1), 0.8, 0 },
  [GR_ROLE_PARK] = { C (90, 174, 97, 0.9), C (27, 120, 55, 1), 1.2, 0 },
  [GR_ROLE_RESIDENTIAL] = { C (240, 228, 200, 0.55), C (200, 180, 140, 0.8), 0.6, 0 },
  [GR_ROLE_WALK] = { C (0, 0, 0, 0), C (120, 120, 120, 0.7), 0.7, 14 },
  [GR_ROLE_GREENWAY] = { C (0, 0, 0, 0), C (0, 109, 44, 1), 2.0, 0 },
  [GR_ROLE_CORRIDOR] = { C (199, 233, 192, 0.5), C (65, 171, 93, 1), 1.0, 0 },
  [GR_ROLE_WATER] = { C (158, 202, 225, 0.9), C (66, 146, 198, 1), 0.6, 0 },
  [GR_ROLE_ZONES] = { C (0, 0, 0, 0), C (90, 90, 110, 0.9), 1.5, 0 },
  [GR_ROLE_BUILDINGS] = { C (190, 185, 180, 0.8), C (150, 145, 140, 0.8), 0.4, 15 },
  [GR_ROLE_NURSERY] = { C (217, 240, 163, 0.8), C (120, 198, 121, 1), 0.6, 0 },
  [GR_ROLE_BUILTUP] = { C (0, 0, 0, 0), C (120, 80, 60, 0.8), 1.5, 0 },
  [GR_ROLE_SITES] = { C (253, 141, 60, 0.6), C (217, 72, 1, 1), 1.5, 0 },
  [GR_ROLE_ENTRANCES] = { C (0, 0, 0, 0), C (27, 120, 55, 1), 4.0, 14 },
  [GR_ROLE_POPULATION] = { C (0, 0, 0, 0), C (0, 0, 0, 0), 0, 99 },
};

/* Parks by CJJ/T 85 class: the larger the class, the deeper the green;
 * specialised parks lean blue, country parks olive. */
static const double park_fills[GR_N_PARK_CLASSES][4] = {
  [GR_PARK_CLASS_COMPREHENSIVE] = C (49, 140, 70, 0.9),
  [GR_PARK_CLASS_COMMUNITY] = C (90, 174, 97, 0.9),
  [GR_PARK_CLASS_SPECIALISED] = C (65, 160, 140, 0.9),
  [GR_PARK_CLASS_STREET_GARDEN] = C (140, 200, 110, 0.9),
  [GR_PARK_CLASS_COUNTRY] = C (120, 150, 60, 0.9),
};

/* Candidate parks are reddish purple: the one Okabe–Ito colour the
 * blind-spot overlay does not use (proposals, not green yet). */
static const double candidate_fill[4] = { 0.8, 0.475, 0.655, 0.8 };
static const double candidate_line[4] = { 0.45, 0.15, 0.35, 1 };

void
gr_map_style_init (GrMapStyle *style)
{
  memset (style, 0, sizeof *style);
  memcpy (style->roles, default_styles, sizeof default_styles);
  for (guint r = 0; r < GR_N_ROLES; r++)
    style->opacity[r] = 1;
  memcpy (style->order, draw_order, sizeof draw_order);
  style->n_order = G_N_ELEMENTS (draw_order);
}

/* The colour that stands for @role in a legend: its fill, or its line. */
void
gr_map_style_get_color (const GrMapStyle *style,
                        GrRole            role,
                        double            rgb[3])
{
  const GrRoleStyle *s;

  g_return_if_fail (role < GR_N_ROLES);
  s = &style->roles[role];
  memcpy (rgb, s->fill[3] > 0 ? s->fill : s->stroke, 3 * sizeof (double));
}

/* A new colour for @role: areas take it as their fill (with the default
 * translucency) and a darker outline; lines take it as their colour. */
void
gr_map_style_set_color (GrMapStyle   *style,
                        GrRole        role,
                        const double  rgb[3])
{
  GrRoleStyle *s;

  g_return_if_fail (role < GR_N_ROLES);
  s = &style->roles[role];
  if (default_styles[role].fill[3] > 0)
    {
      for (guint k = 0; k < 3; k++)
        s->fill[k] = rgb[k], s->stroke[k] = rgb[k] * 0.7;
      s->fill[3] = default_styles[role].fill[3];
      s->stroke[3] = 1;
    }
  else
    for (guint k = 0; k < 3; k++)
      s->stroke[k] = rgb[k];
  style->recoloured[role] = TRUE;
}

/* Okabe–Ito colours, distinguishable with the common colour-vision
 * deficiencies: bluish green, orange, sky blue, vermillion. */
void
gr_render_kind_color (GrCellKind kind,
                      double     rgba[4])
{
  static const double colors[GR_N_CELL_KINDS][4] = {
    [GR_CELL_BOTH] = { 0.0, 0.620, 0.451, 0.35 },
    [GR_CELL_NO_PARK] = { 0.902, 0.624, 0.0, 0.75 },
    [GR_CELL_NO_GREEN] = { 0.337, 0.706, 0.914, 0.75 },
    [GR_CELL_NEITHER] = { 0.835, 0.369, 0.0, 0.85 },
  };

  g_return_if_fail (kind < GR_N_CELL_KINDS);
  memcpy (rgba, colors[kind], sizeof colors[kind]);
}

/* Newly covered homes: A only blue, B only orange, both bluish green
 * (Okabe–Ito); homes neither scenario changes stay light grey. */
void
gr_render_gain_color (guint  gain,
                      double rgba[4])
{
  static const double colors[4][4] = {
    { 0.6, 0.6, 0.6, 0.35 },
    { 0.0, 0.447, 0.698, 0.85 },
    { 0.902, 0.624, 0.0, 0.85 },
    { 0.0, 0.620, 0.451, 0.85 },
  };

  g_return_if_fail (gain < 4);
  memcpy (rgba, colors[gain], sizeof colors[gain]);
}

const char *
gr_render_kind_label (GrCellKind kind)
{
  static const char *labels[GR_N_CELL_KINDS] = {
    [GR_CELL_BOTH] = N_("Green and a park in reach"),
    [GR_CELL_NO_PARK] = N_("No park within 500 m"),
    [GR_CELL_NO_GREEN] = N_("No green space within 300 m"),
    [GR_CELL_NEITHER] = N_("Neither: a blind spot"),
  };

  g_return_val_if_fail (kind < GR_N_CELL_KINDS, "");
  return _(labels[kind]);
}

/* The web map's zoom level at this scale: 256 pixels span the world at 0. */
double
gr_render_zoom (const double affine[4])
{
  return log2 (fabs (affine[0]) / 256);
}

/* The affine map showing @bounds (Web Mercator) whole and centred in a
 * @width × @height surface, @margin pixels in from every side. */
void
gr_render_fit (const double bounds[4],
               double       width,
               double       height,
               double       margin,
               double       affine[4])
{
  double bw = MAX (bounds[2] - bounds[0], 1e-12), bh = MAX (bounds[3] - bounds[1], 1e-12);
  double s = MIN ((width - 2 * margin) / bw, (height - 2 * margin) / bh);

  s = MAX (s, 1e-9);
  affine[0] = affine[1] = s;
  affine[2] = width / 2 - s * (bounds[0] + bounds[2]) / 2;
  affine[3] = height / 2 - s * (bounds[1] + bounds[3]) / 2;
}

/* @role's extent (GR_N_ROLES: all layers') in Web Mercator; empty when
 * the display has none of it. */
static void
display_bounds (GrDisplay *display, GrRole role, double bounds[4])
{
  double ll[4];

  gr_display_get_bounds (display, role, ll);
  if (!(ll[2] >= ll[0] && ll[3] >= ll[1]))
    {
      gr_bounds_clear (bounds);
      return;
    }
  gr_lonlat_to_mercator (ll[0], ll[3], &bounds[0], &bounds[1]);
  gr_lonlat_to_mercator (ll[2], ll[1], &bounds[2], &bounds[3]);
}

/* What a map shows by default: the residential land, else every layer. */
void
gr_render_default_bounds (GrDisplay *display,
                          double     bounds[4])
{
  display_bounds (display, GR_ROLE_RESIDENTIAL, bounds);
  if (!(bounds[2] > bounds[0] && bounds[3] > bounds[1]))
    display_bounds (display, GR_N_ROLES, bounds);
  if (!(bounds[2] > bounds[0] && bounds[3] > bounds[1]))
    bounds[0] = bounds[1] = 0, bounds[2] = bounds[3] = 1;
}

/* The part of the world a @width × @height surface shows through @affine. */
void
gr_render_view_bounds (const double affine[4],
                       double       width,
                       double       height,
                       double       bounds[4])
{
  bounds[0] = -affine[2] / affine[0], bounds[1] = -affine[3] / affine[1];
  bounds[2] = (width - affine[2]) / affine[0], bounds[3] = (height - affine[3]) / affine[1];
}

/* Ground metres per pixel at the centre of the surface. */
static double
metres_per_pixel (const double affine[4], double height)
{
  double my = (height / 2 - affine[3]) / affine[1];
  double lat = atan (sinh (G_PI * (1 - 2 * my)));

  return EARTH_CIRCUMFERENCE_M * cos (lat) / fabs (affine[0]);
}

static void
set_rgba (cairo_t *cr, const double c[4])
{
  cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3]);
}

static gboolean
in_view (const double a[4], const double b[4], double w, double h)
{
  double x0 = a[0] * b[0] + a[2], x1 = a[0] * b[2] + a[2];
  double y0 = a[1] * b[1] + a[3], y1 = a[1] * b[3] + a[3];

  return MAX (x0, x1) >= 0 && MAX (y0, y1) >= 0 && MIN (x0, x1) <= w && MIN (y0, y1) <= h;
}

static void
trace (cairo_t *cr, const double a[4], const GrPolygon *shape, gboolean close)
{
  guint start = 0;

  for (guint r = 0; r < shape->n_rings; r++)
    {
      for (guint i = start; i < shape->ring_ends[r]; i++)
        {
          double x = a[0] * shape->xy[2 * i] + a[2], y = a[1] * shape->xy[2 * i + 1] + a[3];

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
draw_role (cairo_t *cr, GrDisplay *display, const GrMapStyle *style, const double a[4], double w, double h,
           GrRole role, double zoom, double scale)
{
  const GrRoleStyle *s = &style->roles[role];
  GPtrArray *features = gr_display_get_features (display, role);
  gboolean by_class = role == GR_ROLE_PARK && !style->recoloured[role];

  if (style->hidden[role] || zoom < s->min_zoom || features == NULL || features->len == 0 || style->opacity[role] <= 0)
    return;
  /* A translucent layer is drawn whole, then faded: overlaps do not darken. */
  if (style->opacity[role] < 1)
    cairo_push_group (cr);
  for (guint c = 0; c < (by_class ? GR_N_PARK_CLASSES : 1); c++)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < features->len; i++)
        {
          GrDisplayFeature *f = g_ptr_array_index (features, i);

          if ((!by_class || f->park_class == c) && in_view (a, f->bounds, w, h))
            trace (cr, a, f->mercator, f->kind != GR_SHAPE_LINE);
        }
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      set_rgba (cr, by_class ? park_fills[c] : s->fill);
      cairo_fill_preserve (cr);
      set_rgba (cr, s->stroke);
      cairo_set_line_width (cr, s->width * scale);
      cairo_stroke (cr);
    }
  if (style->opacity[role] < 1)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, style->opacity[role]);
    }
}

static void
draw_layers (cairo_t *cr, GrDisplay *display, const GrMapStyle *style, const double affine[4], double width,
             double height, double scale)
{
  double zoom = gr_render_zoom (affine);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < style->n_order; i++)
    draw_role (cr, display, style, affine, width, height, style->order[i], zoom, scale);
  cairo_restore (cr);
}

/* The project's layers in the style's order; features outside the
 * @width × @height surface are skipped by their bounds. */
void
gr_render_layers (cairo_t          *cr,
                  GrDisplay        *display,
                  const GrMapStyle *style,
                  const double      affine[4],
                  double            width,
                  double            height)
{
  draw_layers (cr, display, style, affine, width, height, 1);
}

/* ---- the blind-spot overlay ---------------------------------------------- */

/* Each 64 × 64-cell tile of the grid becomes a small image in the analysis
 * CRS, painted through the affine map of its corners: the metric CRS and
 * Web Mercator are both conformal, so over 320 m a tile bends by far less
 * than a pixel. */
typedef struct
{
  cairo_surface_t *image;
  double           corner[3][2]; /* Web Mercator: north-west, north-east, south-west */
  guint            key;          /* ty × n_tiles_x + tx: the array is sorted by it */
} TileImage;

struct _GrCoverageTiles
{
  GrAnalysis   *analysis;   /* not owned */
  GrComparison *comparison; /* not owned: when set, newly covered homes are drawn */
  GrAnalysis   *before;     /* not owned: when set, the homes @analysis newly covers */
  GrDisplay    *display;    /* not owned */
  GArray       *tiles;      /* TileImage */
};

static GrCellKind
kind_of_state (guint8 state)
{
  gboolean green = state & (1u << GR_LAYER_GREEN), park = state & (1u << GR_LAYER_PARK);

  return green && park ? GR_CELL_BOTH : green ? GR_CELL_NO_PARK : park ? GR_CELL_NO_GREEN : GR_CELL_NEITHER;
}

/* A tile's cells as an image: coverage kinds, or with @gains the homes
 * scenarios newly cover; partly residential cells are fainter. */
static cairo_surface_t *
cells_image (const guint8 *values, const guint8 *samples, gboolean gains)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, GR_GRID_TILE_SIZE, GR_GRID_TILE_SIZE);
  guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  cairo_surface_flush (image);
  for (guint row = 0; row < GR_GRID_TILE_SIZE; row++)
    for (guint col = 0; col < GR_GRID_TILE_SIZE; col++)
      {
        guint i = row * GR_GRID_TILE_SIZE + col;
        guint32 *px = (guint32 *) (data + (GR_GRID_TILE_SIZE - 1 - row) * stride) + col;
        double c[4], a;

        if (samples[i] == 0)
          {
            *px = 0;
            continue;
          }
        if (gains)
          gr_render_gain_color (values[i] & 3, c);
        else
          gr_render_kind_color (kind_of_state (values[i]), c);
        a = c[3] * MIN (1.0, samples[i] / 8.0);
        *px = ((guint32) (a * 255) << 24) | ((guint32) (c[0] * a * 255) << 16) | ((guint32) (c[1] * a * 255) << 8)
              | (guint32) (c[2] * a * 255);
      }
  cairo_surface_mark_dirty (image);
  return image;
}

GrCoverageTiles *
gr_coverage_tiles_new (void)
{
  GrCoverageTiles *tiles = g_new0 (GrCoverageTiles, 1);

  tiles->tiles = g_array_new (FALSE, FALSE, sizeof (TileImage));
  return tiles;
}

static void
clear_tiles (GrCoverageTiles *tiles)
{
  for (guint i = 0; i < tiles->tiles->len; i++)
    cairo_surface_destroy (g_array_index (tiles->tiles, TileImage, i).image);
  g_array_set_size (tiles->tiles, 0);
}

void
gr_coverage_tiles_free (GrCoverageTiles *tiles)
{
  if (tiles == NULL)
    return;
  clear_tiles (tiles);
  g_array_unref (tiles->tiles);
  g_free (tiles);
}

static GrGrid *
tiles_grid (GrCoverageTiles *tiles)
{
  return gr_coverage_get_grid (gr_analysis_get_coverage (tiles->analysis));
}

/* The image of grid tile (@tx, @ty); FALSE where the tile has no homes. */
static gboolean
make_tile (GrCoverageTiles *tiles, guint tx, guint ty, TileImage *t)
{
  guint8 states[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE], samples[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE];
  GrGrid *grid = tiles_grid (tiles);
  double x0, y0, side = GR_GRID_TILE_SIZE * gr_grid_get_resolution (grid), left, bottom;
  guint nx, ny;

  if (tiles->comparison != NULL ? !gr_comparison_get_tile (tiles->comparison, tx, ty, states, samples)
                                : !gr_coverage_get_tile (gr_analysis_get_coverage (tiles->analysis), tx, ty, states,
                                                         samples))
    return FALSE;
  if (tiles->before != NULL)
    {
      guint8 base[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE], scratch[GR_GRID_TILE_SIZE * GR_GRID_TILE_SIZE];
      gboolean any = FALSE;

      if (!gr_coverage_get_tile (gr_analysis_get_coverage (tiles->before), tx, ty, base, scratch))
        memset (base, 0, sizeof base);
      for (guint i = 0; i < G_N_ELEMENTS (states); i++)
        {
          states[i] = gr_state_gains (base[i], states[i]) ? GR_GAIN_A : 0;
          if (states[i] == 0)
            samples[i] = 0;
          any = any || samples[i] > 0;
        }
      if (!any)
        return FALSE;
    }
  gr_grid_get_layout (grid, &x0, &y0, &nx, &ny);
  left = x0 + tx * side, bottom = y0 + ty * side;
  {
    const double xy[3][2] = { { left, bottom + side }, { left + side, bottom + side }, { left, bottom } };

    for (guint k = 0; k < 3; k++)
      {
        double lon, lat;

        gr_display_to_lonlat (tiles->display, xy[k][0], xy[k][1], &lon, &lat);
        gr_lonlat_to_mercator (lon, lat, &t->corner[k][0], &t->corner[k][1]);
      }
  }
  t->image = cells_image (states, samples, tiles->comparison != NULL || tiles->before != NULL);
  t->key = ty * nx + tx;
  return TRUE;
}

/**
 * gr_coverage_tiles_set_source:
 * @comparison: (nullable): when set, the homes its scenarios newly cover
 *   are drawn instead of the coverage of @analysis
 *
 * All three are borrowed while set. Rebuilds the images.
 */
void
gr_coverage_tiles_set_source (GrCoverageTiles *tiles,
                              GrAnalysis      *analysis,
                              GrComparison    *comparison,
                              GrDisplay       *display)
{
  tiles->analysis = comparison != NULL ? gr_comparison_get_analysis (comparison, 0) : analysis;
  tiles->comparison = comparison;
  tiles->before = NULL;
  tiles->display = display;
  gr_coverage_tiles_refresh (tiles);
}

/**
 * gr_coverage_tiles_set_gains:
 *
 * Only the homes @after covers that @before did not (a 300 m green or a
 * 500 m park they lacked), on the same grid. Both are borrowed.
 */
void
gr_coverage_tiles_set_gains (GrCoverageTiles *tiles,
                             GrAnalysis      *before,
                             GrAnalysis      *after,
                             GrDisplay       *display)
{
  tiles->analysis = after;
  tiles->comparison = NULL;
  tiles->before = before;
  tiles->display = display;
  gr_coverage_tiles_refresh (tiles);
}

/* Rebuilds every tile image: after a full analysis. */
void
gr_coverage_tiles_refresh (GrCoverageTiles *tiles)
{
  double x0, y0;
  guint nx, ny;

  clear_tiles (tiles);
  if (tiles->analysis == NULL || tiles->display == NULL)
    return;
  gr_grid_get_layout (tiles_grid (tiles), &x0, &y0, &nx, &ny);
  for (guint ty = 0; ty < ny; ty++)
    for (guint tx = 0; tx < nx; tx++)
      {
        TileImage t;

        if (make_tile (tiles, tx, ty, &t))
          g_array_append_val (tiles->tiles, t);
      }
}

/* The first tile whose key is at least @key. */
static guint
lower_bound (GArray *tiles, guint key)
{
  guint lo = 0, hi = tiles->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (tiles, TileImage, mid).key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * gr_coverage_tiles_refresh_area:
 * @bounds: analysis CRS: what an edit can have changed
 *
 * Rebuilds only the tiles under @bounds: an edit touches a few dozen
 * tiles, not the city's thousands.
 */
void
gr_coverage_tiles_refresh_area (GrCoverageTiles *tiles,
                                const double     bounds[4])
{
  double x0, y0, side;
  guint nx, ny;
  int tx0, tx1, ty0, ty1;

  if (tiles->analysis == NULL || tiles->display == NULL)
    return;
  gr_grid_get_layout (tiles_grid (tiles), &x0, &y0, &nx, &ny);
  side = GR_GRID_TILE_SIZE * gr_grid_get_resolution (tiles_grid (tiles));
  tx0 = MAX (0, (int) floor ((bounds[0] - x0) / side)), tx1 = MIN ((int) nx - 1, (int) floor ((bounds[2] - x0) / side));
  ty0 = MAX (0, (int) floor ((bounds[1] - y0) / side)), ty1 = MIN ((int) ny - 1, (int) floor ((bounds[3] - y0) / side));
  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        guint key = ty * nx + tx, at = lower_bound (tiles->tiles, key);
        TileImage t;

        if (at < tiles->tiles->len && g_array_index (tiles->tiles, TileImage, at).key == key)
          {
            cairo_surface_destroy (g_array_index (tiles->tiles, TileImage, at).image);
            g_array_remove_index (tiles->tiles, at);
          }
        if (make_tile (tiles, tx, ty, &t))
          g_array_insert_val (tiles->tiles, at, t);
      }
}

guint
gr_coverage_tiles_get_n_tiles (GrCoverageTiles *tiles)
{
  return tiles->tiles->len;
}

static void
paint_tile (cairo_t *cr, const double affine[4], double w, double h, const TileImage *t)
{
  double p[3][2];
  cairo_matrix_t m;

  for (guint k = 0; k < 3; k++)
    {
      p[k][0] = affine[0] * t->corner[k][0] + affine[2];
      p[k][1] = affine[1] * t->corner[k][1] + affine[3];
    }
  if (MAX (p[0][0], p[1][0]) < -1 || MIN (p[0][0], p[1][0]) > w + 1 || MAX (p[0][1], p[2][1]) < -1
      || MIN (p[0][1], p[2][1]) > h + 1)
    return;
  cairo_matrix_init (&m, (p[1][0] - p[0][0]) / GR_GRID_TILE_SIZE, (p[1][1] - p[0][1]) / GR_GRID_TILE_SIZE,
                     (p[2][0] - p[0][0]) / GR_GRID_TILE_SIZE, (p[2][1] - p[0][1]) / GR_GRID_TILE_SIZE, p[0][0],
                     p[0][1]);
  cairo_save (cr);
  cairo_transform (cr, &m);
  cairo_set_source_surface (cr, t->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  /* Neighbouring tiles share their corner points exactly: without
   * antialiasing their edges meet with no seam. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_rectangle (cr, 0, 0, GR_GRID_TILE_SIZE, GR_GRID_TILE_SIZE);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
gr_coverage_tiles_draw (GrCoverageTiles *tiles,
                        cairo_t         *cr,
                        const double     affine[4],
                        double           width,
                        double           height)
{
  for (guint i = 0; i < tiles->tiles->len; i++)
    paint_tile (cr, affine, width, height, &g_array_index (tiles->tiles, TileImage, i));
}

/* ---- edits, findings and drafts ------------------------------------------ */

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
  GArray *shapes;  /* Mark */
  GArray *draft;   /* double: Web Mercator x, y of a park being drawn */
  GArray *pinches; /* double x, y: corridor pinch points, Web Mercator */
  GArray *gaps;    /* double x0, y0, x1, y1: greenway breaks, Web Mercator */
};

GrMarks *
gr_marks_new (void)
{
  GrMarks *marks = g_new0 (GrMarks, 1);

  marks->shapes = g_array_new (FALSE, FALSE, sizeof (Mark));
  marks->draft = g_array_new (FALSE, FALSE, sizeof (double));
  marks->pinches = g_array_new (FALSE, FALSE, sizeof (double));
  marks->gaps = g_array_new (FALSE, FALSE, sizeof (double));
  return marks;
}

/* The shapes only: findings and the draft stay. */
void
gr_marks_clear (GrMarks *marks)
{
  for (guint i = 0; i < marks->shapes->len; i++)
    gr_polygon_free (g_array_index (marks->shapes, Mark, i).mercator);
  g_array_set_size (marks->shapes, 0);
}

void
gr_marks_free (GrMarks *marks)
{
  if (marks == NULL)
    return;
  gr_marks_clear (marks);
  g_array_unref (marks->shapes);
  g_array_unref (marks->draft);
  g_array_unref (marks->pinches);
  g_array_unref (marks->gaps);
  g_free (marks);
}

static void
to_mercator (GrDisplay *display, double x, double y, double *mx, double *my)
{
  double lon, lat;

  gr_display_to_lonlat (display, x, y, &lon, &lat);
  gr_lonlat_to_mercator (lon, lat, mx, my);
}

/* @geometry is in the analysis CRS; it is copied into Web Mercator. */
void
gr_marks_add (GrMarks      *marks,
              GrDisplay    *display,
              OGRGeometryH  geometry,
              GrMarkKind    kind,
              gboolean      selected,
              gboolean      flagged)
{
  g_autoptr (GrPolygon) p = gr_polygon_new_from_ogr (geometry);
  Mark m = { NULL, { 0 }, kind, selected, flagged };

  if (p == NULL)
    return;
  for (guint i = 0; i < p->n_points; i++)
    to_mercator (display, p->xy[2 * i], p->xy[2 * i + 1], &p->xy[2 * i], &p->xy[2 * i + 1]);
  gr_polygon_bounds (p, m.bounds);
  m.mercator = g_steal_pointer (&p);
  g_array_append_val (marks->shapes, m);
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
  guint n_parks = baseline->layers[GR_ROLE_PARK] != NULL ? baseline->layers[GR_ROLE_PARK]->features->len : 0;

  for (guint i = 0; i < touched->len; i++)
    {
      GrFeatureKey k = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH g = gr_scenario_get_geometry (scenario, baseline, k);
      gboolean candidate = k.role == GR_ROLE_PARK && k.index >= n_parks;

      if (g == NULL && !candidate)
        gr_marks_add (marks, display,
                      ((GrFeature *) g_ptr_array_index (baseline->layers[k.role]->features, k.index))->geometry,
                      GR_MARK_REMOVED, FALSE, FALSE);
      else if (g != NULL)
        gr_marks_add (marks, display, g, candidate ? GR_MARK_CANDIDATE : GR_MARK_RESHAPED, FALSE,
                      candidate && gr_candidate_flags (baseline, g) != 0);
    }
}

guint
gr_marks_get_n_shapes (GrMarks *marks)
{
  return marks->shapes->len;
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
  g_array_set_size (marks->pinches, 0);
  g_array_set_size (marks->gaps, 0);
  for (guint i = 0; display != NULL && i < n_pinches; i++)
    {
      double m[2];

      to_mercator (display, pinches[2 * i], pinches[2 * i + 1], &m[0], &m[1]);
      g_array_append_vals (marks->pinches, m, 2);
    }
  for (guint i = 0; display != NULL && i < n_gaps; i++)
    {
      double m[4];

      to_mercator (display, gaps[4 * i], gaps[4 * i + 1], &m[0], &m[1]);
      to_mercator (display, gaps[4 * i + 2], gaps[4 * i + 3], &m[2], &m[3]);
      g_array_append_vals (marks->gaps, m, 4);
    }
}

guint
gr_marks_get_n_findings (GrMarks *marks)
{
  return marks->pinches->len / 2 + marks->gaps->len / 4;
}

/* The corners of a park being drawn, analysis CRS; %NULL or none to clear. */
void
gr_marks_set_draft (GrMarks      *marks,
                    GrDisplay    *display,
                    const double *xy,
                    guint         n)
{
  g_array_set_size (marks->draft, 0);
  for (guint i = 0; xy != NULL && i < n; i++)
    {
      double m[2];

      to_mercator (display, xy[2 * i], xy[2 * i + 1], &m[0], &m[1]);
      g_array_append_vals (marks->draft, m, 2);
    }
}

gboolean
gr_marks_is_empty (GrMarks *marks)
{
  return marks->shapes->len == 0 && marks->draft->len == 0 && marks->pinches->len == 0 && marks->gaps->len == 0;
}

static void
handle (cairo_t *cr, double x, double y)
{
  cairo_rectangle (cr, x - 3.5, y - 3.5, 7, 7);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  set_rgba (cr, candidate_line);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
draw_mark (cairo_t *cr, const double a[4], double w, double h, const Mark *s)
{
  double x0 = a[0] * s->bounds[0] + a[2], x1 = a[0] * s->bounds[2] + a[2];
  double y0 = a[1] * s->bounds[1] + a[3], y1 = a[1] * s->bounds[3] + a[3];

  if (MAX (x0, x1) < 0 || MIN (x0, x1) > w || MAX (y0, y1) < 0 || MIN (y0, y1) > h)
    return;
  cairo_new_path (cr);
  trace (cr, a, s->mercator, TRUE);
  switch (s->kind)
    {
    case GR_MARK_CANDIDATE:
      set_rgba (cr, candidate_fill);
      cairo_fill_preserve (cr);
      set_rgba (cr, candidate_line);
      break;
    case GR_MARK_RESHAPED:
      cairo_set_source_rgba (cr, 0.35, 0.68, 0.38, 0.6);
      cairo_fill_preserve (cr);
      set_rgba (cr, candidate_line);
      break;
    case GR_MARK_SELECTED:
      set_rgba (cr, candidate_line);
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
  if (s->selected && s->kind != GR_MARK_REMOVED)
    for (guint p = 0; p < s->mercator->n_points; p++)
      handle (cr, a[0] * s->mercator->xy[2 * p] + a[2], a[1] * s->mercator->xy[2 * p + 1] + a[3]);
  /* A park with a review flag gets a dashed red rim. */
  if (s->flagged)
    {
      const double dash[] = { 6, 4 };

      trace (cr, a, s->mercator, TRUE);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0.75, 0, 0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static void
draw_findings (GrMarks *marks, cairo_t *cr, const double a[4])
{
  /* Greenway breaks: dashed red lines between the loose ends. */
  for (guint i = 0; i < marks->gaps->len / 4; i++)
    {
      const double *g = &g_array_index (marks->gaps, double, 4 * i);
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
  /* Corridor pinch points: red rings over a white halo. */
  for (guint i = 0; i < marks->pinches->len / 2; i++)
    {
      double x = a[0] * g_array_index (marks->pinches, double, 2 * i) + a[2];
      double y = a[1] * g_array_index (marks->pinches, double, 2 * i + 1) + a[3];

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
}

static void
draw_draft (GrMarks *marks, cairo_t *cr, const double a[4])
{
  const double dash[] = { 4, 4 };
  guint n = marks->draft->len / 2;
  const double *d = (const double *) marks->draft->data;

  if (n == 0)
    return;
  /* The park being drawn: its corners so far, closed by a dashed edge. */
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, a[0] * d[2 * i] + a[2], a[1] * d[2 * i + 1] + a[3]);
  set_rgba (cr, candidate_line);
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

void
gr_marks_draw (GrMarks      *marks,
               cairo_t      *cr,
               const double  affine[4],
               double        width,
               double        height)
{
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < marks->shapes->len; i++)
    draw_mark (cr, affine, width, height, &g_array_index (marks->shapes, Mark, i));
  draw_findings (marks, cr, affine);
  draw_draft (marks, cr, affine);
  cairo_restore (cr);
}

/* ---- the offline base map ------------------------------------------------- */

/**
 * gr_render_basemap:
 *
 * Draws the base map's tiles from the zoom level nearest the map's scale;
 * beyond the file's deepest zoom its tiles are enlarged.
 *
 * Returns: FALSE with @error naming the file when a tile cannot be read.
 */
gboolean
gr_render_basemap (cairo_t      *cr,
                   GrMbtiles    *basemap,
                   const double  affine[4],
                   double        width,
                   double        height,
                   GError      **error)
{
  int z = CLAMP ((int) ceil (gr_render_zoom (affine) - 0.3), gr_mbtiles_get_min_zoom (basemap),
                 gr_mbtiles_get_max_zoom (basemap));
  int n = 1 << z;
  double mx0 = -affine[2] / affine[0], mx1 = (width - affine[2]) / affine[0];
  double my0 = -affine[3] / affine[1], my1 = (height - affine[3]) / affine[1];

  for (int ty = MAX (0, (int) floor (my0 * n)); ty <= MIN (n - 1, (int) floor (my1 * n)); ty++)
    for (int tx = MAX (0, (int) floor (mx0 * n)); tx <= MIN (n - 1, (int) floor (mx1 * n)); tx++)
      {
        GError *local = NULL;
        cairo_surface_t *image = gr_mbtiles_get_image (basemap, z, tx, ty, &local);
        int iw, ih;

        if (local != NULL)
          {
            g_propagate_error (error, local);
            return FALSE;
          }
        if (image == NULL)
          continue;
        iw = MAX (1, cairo_image_surface_get_width (image)), ih = MAX (1, cairo_image_surface_get_height (image));
        cairo_save (cr);
        cairo_translate (cr, affine[0] * tx / n + affine[2], affine[1] * ty / n + affine[3]);
        /* Tiles of any pixel size span 1/n of the world. */
        cairo_scale (cr, affine[0] / n / iw, affine[1] / n / ih);
        cairo_set_source_surface (cr, image, 0, 0);
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
        cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
        cairo_rectangle (cr, 0, 0, iw, ih);
        cairo_fill (cr);
        cairo_restore (cr);
      }
  return TRUE;
}

/* ---- legend, scale bar, north arrow --------------------------------------- */

static PangoLayout *
text_layout (cairo_t *cr, const char *text, double size, gboolean bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (GR_RENDER_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
legend_row (cairo_t *cr, double x, double y, double s, const double color[4], gboolean line, const char *text,
            double *width)
{
  g_autoptr (PangoLayout) layout = text_layout (cr, text, 11 * s, FALSE);
  int tw, th;

  if (line)
    {
      cairo_move_to (cr, x, y + 7 * s);
      cairo_line_to (cr, x + 16 * s, y + 7 * s);
      cairo_set_source_rgb (cr, color[0], color[1], color[2]);
      cairo_set_line_width (cr, 2.5 * s);
      cairo_stroke (cr);
    }
  else
    {
      cairo_rectangle (cr, x, y + 1 * s, 16 * s, 12 * s);
      cairo_set_source_rgba (cr, color[0], color[1], color[2], MAX (color[3], 0.75));
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.4);
      cairo_set_line_width (cr, 0.5 * s);
      cairo_stroke (cr);
    }
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, x + 22 * s, y + 7 * s - th / 2.0);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (cr, layout);
  *width = MAX (*width, 22 * s + tw);
}

typedef struct
{
  double      color[4];
  gboolean    line;
  const char *text;
  char       *owned;
} LegendEntry;

static void
draw_legend (cairo_t *cr, const GrMapRender *map, const GrMapStyle *style, double height)
{
  g_autoptr (GArray) entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  double s = map->scale, row = 18 * s, pad = 8 * s, width = 0, box_h, x, y;
  static const GrRole roles[] = { GR_ROLE_PARK, GR_ROLE_GREEN, GR_ROLE_RESIDENTIAL, GR_ROLE_WATER,
                                  GR_ROLE_CORRIDOR, GR_ROLE_GREENWAY };

  if (map->coverage != NULL && gr_coverage_tiles_get_n_tiles (map->coverage) > 0)
    {
      if (map->gains)
        {
          LegendEntry e = { { 0 }, FALSE, _("Newly covered homes"), NULL };

          gr_render_gain_color (1, e.color);
          g_array_append_val (entries, e);
        }
      else
        for (guint k = 0; k < GR_N_CELL_KINDS; k++)
          {
            LegendEntry e = { { 0 }, FALSE, gr_render_kind_label (k), NULL };

            gr_render_kind_color (k, e.color);
            g_array_append_val (entries, e);
          }
    }
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GPtrArray *features = gr_display_get_features (map->display, roles[i]);
      LegendEntry e = { { 0 }, FALSE, gr_role_get_label (roles[i]), NULL };

      if (features == NULL || features->len == 0 || style->hidden[roles[i]])
        continue;
      gr_map_style_get_color (style, roles[i], e.color);
      e.color[3] = 1;
      e.line = style->roles[roles[i]].fill[3] == 0;
      g_array_append_val (entries, e);
    }
  if (map->marks != NULL && gr_marks_get_n_shapes (map->marks) > 0)
    {
      LegendEntry e = { { 0 }, FALSE, _("Candidate park"), NULL };

      memcpy (e.color, candidate_fill, sizeof e.color);
      g_array_append_val (entries, e);
    }
  if (entries->len == 0)
    return;
  /* Measure first, then draw the box and the rows over it. */
  cairo_save (cr);
  cairo_push_group (cr);
  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *e = &g_array_index (entries, LegendEntry, i);

      legend_row (cr, 0, i * row, s, e->color, e->line, e->text, &width);
    }
  cairo_pattern_destroy (cairo_pop_group (cr));
  box_h = entries->len * row + 2 * pad - 4 * s;
  x = 12 * s, y = height - 12 * s - box_h;
  cairo_rectangle (cr, x, y, width + 2 * pad, box_h);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.88);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1 * s);
  cairo_stroke (cr);
  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *e = &g_array_index (entries, LegendEntry, i);
      double unused = 0;

      legend_row (cr, x + pad, y + pad + i * row, s, e->color, e->line, e->text, &unused);
    }
  cairo_restore (cr);
}

/* A round length near a fifth of the map's width: 1, 2 or 5 × 10ⁿ m. */
static double
nice_length (double metres)
{
  double p = pow (10, floor (log10 (metres))), f = metres / p;

  return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * p;
}

static void
draw_scale_bar (cairo_t *cr, const double a[4], double width, double height, double s)
{
  double mpp = metres_per_pixel (a, height);
  double metres = nice_length (width / 5 * mpp), px = metres / mpp, x = width - 16 * s - px, y = height - 28 * s;
  g_autofree char *text = metres >= 1000 ? g_strdup_printf (_("%g km"), metres / 1000)
                                         : g_strdup_printf (_("%g m"), metres);
  g_autoptr (PangoLayout) layout = text_layout (cr, text, 11 * s, FALSE);
  int tw, th;

  cairo_save (cr);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_rectangle (cr, x - 6 * s, y - th - 6 * s, px + 12 * s, th + 18 * s);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_fill (cr);
  /* Two halves, black and white, so the bar reads over any colour. */
  cairo_rectangle (cr, x, y, px / 2, 5 * s);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_fill (cr);
  cairo_rectangle (cr, x + px / 2, y, px / 2, 5 * s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 1 * s);
  cairo_stroke (cr);
  cairo_rectangle (cr, x, y, px, 5 * s);
  cairo_stroke (cr);
  cairo_move_to (cr, x + px / 2 - tw / 2.0, y - th - 2 * s);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Web Mercator keeps north up everywhere on the map. */
static void
draw_north_arrow (cairo_t *cr, double width, double s)
{
  double cx = width - 30 * s, top = 14 * s;
  g_autoptr (PangoLayout) layout = text_layout (cr, C_("compass", "N"), 13 * s, TRUE);
  int tw, th;

  cairo_save (cr);
  cairo_arc (cr, cx, top + 26 * s, 20 * s, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_fill (cr);
  cairo_move_to (cr, cx, top + 14 * s);
  cairo_line_to (cr, cx + 8 * s, top + 40 * s);
  cairo_line_to (cr, cx, top + 34 * s);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_fill (cr);
  cairo_move_to (cr, cx, top + 14 * s);
  cairo_line_to (cr, cx - 8 * s, top + 40 * s);
  cairo_line_to (cr, cx, top + 34 * s);
  cairo_close_path (cr);
  cairo_set_line_width (cr, 1 * s);
  cairo_stroke (cr);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_move_to (cr, cx - tw / 2.0, top + 12 * s - th);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_corner_text (cairo_t *cr, const char *text, double x, double y, double size, gboolean right, gboolean bold)
{
  g_autoptr (PangoLayout) layout = text_layout (cr, text, size, bold);
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  if (right)
    x -= tw;
  cairo_rectangle (cr, x - 3, y - 1, tw + 6, th + 2);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.75);
  cairo_fill (cr);
  cairo_move_to (cr, x, y);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (cr, layout);
}

/* MBTiles attributions are often HTML links: their text only. */
static char *
strip_markup (const char *html)
{
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p; p++)
    if (*p == '<')
      in_tag = TRUE;
    else if (*p == '>')
      in_tag = FALSE;
    else if (!in_tag)
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/**
 * gr_render_map:
 * @basemap_error: (optional): set when the base map could not be drawn;
 *   the rest of the map is drawn regardless
 *
 * The whole map in a @width × @height rectangle at the origin: white
 * ground, base map, layers, blind spots, edits, and with decorations a
 * legend, a scale bar, a north arrow, the title and the attribution.
 */
void
gr_render_map (cairo_t           *cr,
               const GrMapRender *map,
               double             width,
               double             height,
               GError           **basemap_error)
{
  GrMapStyle fallback;
  const GrMapStyle *style = map->style;
  double a[4], s = map->scale > 0 ? map->scale : 1;

  if (style == NULL)
    gr_map_style_init (&fallback), style = &fallback;
  gr_render_fit (map->bounds, width, height, 0, a);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (map->basemap != NULL)
    gr_render_basemap (cr, map->basemap, a, width, height, basemap_error);
  /* Lines are widened by @scale: they keep their weight in print. */
  draw_layers (cr, map->display, style, a, width, height, s);
  if (map->coverage != NULL)
    gr_coverage_tiles_draw (map->coverage, cr, a, width, height);
  if (map->marks != NULL)
    gr_marks_draw (map->marks, cr, a, width, height);
  if (map->decorations)
    {
      GString *credits = g_string_new (map->attribution);

      draw_legend (cr, map, style, height);
      draw_scale_bar (cr, a, width, height, s);
      draw_north_arrow (cr, width, s);
      if (map->title != NULL)
        draw_corner_text (cr, map->title, 12 * s, 10 * s, 15 * s, FALSE, TRUE);
      if (map->basemap != NULL && gr_mbtiles_get_attribution (map->basemap) != NULL)
        {
          g_autofree char *plain = strip_markup (gr_mbtiles_get_attribution (map->basemap));

          g_string_append_printf (credits, "%s%s", credits->len > 0 ? " · " : "", plain);
        }
      if (credits->len > 0)
        draw_corner_text (cr, credits->str, width - 8 * s, height - 16 * s, 8.5 * s, TRUE, FALSE);
      g_string_free (credits, TRUE);
    }
  cairo_restore (cr);
}

/**
 * gr_render_map_to_file:
 * @path: ends in .png, .svg or .pdf
 * @width: @height: the map's size in pixels at 96 dpi
 * @dpi: PNG only: the image has @width × @dpi / 96 pixels
 * @basemap_error: (optional): set when the base map could not be drawn
 *
 * Returns: FALSE with @error naming the file on failure. A base map that
 * cannot be drawn is left out, not an error.
 */
gboolean
gr_render_map_to_file (const GrMapRender *map,
                       const char        *path,
                       double             width,
                       double             height,
                       double             dpi,
                       GError           **basemap_error,
                       GError           **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *name = g_filename_display_name (path);
  GrMapRender scaled = *map;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double k = 1;

  if (!(width >= 16 && height >= 16 && width <= 20000 && height <= 20000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A map of %g × %g pixels cannot be drawn."),
                   width, height);
      return FALSE;
    }
  if (g_str_has_suffix (lower, ".png"))
    {
      k = dpi > 0 ? dpi / 96 : 1;
      if (width * k * height * k > 400e6)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("A %g dpi image of %g × %g pixels is too large to write."), dpi, width, height);
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * k), (int) ceil (height * k));
    }
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, width * 0.75, height * 0.75), k = 0.75;
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, width * 0.75, height * 0.75), k = 0.75;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: the map can be written as .png, .svg or .pdf."), name);
      return FALSE;
    }
  cr = cairo_create (surface);
  /* The map is laid out at 96 dpi and scaled: the same view at any
   * resolution, lines and text growing with it. */
  cairo_scale (cr, k, k);
  scaled.scale = map->scale > 0 ? map->scale : 1;
  gr_render_map (cr, &scaled, width, height, basemap_error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (g_str_has_suffix (lower, ".png"))
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the map to %s: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
