/* gr-render.c — the map, drawn with cairo
 *
 * The window's map layers, the exported PNG/SVG and the report's map pages
 * all call these functions: one drawing of the layers, the base map and,
 * over them, the blind spots (gr-coverage-tiles.c), the scenario's edits
 * (gr-marks.c) and the decorations (gr-map-decorations.c).
 */
#include "config.h"

#include "gr-render-private.h"

#include "gr-map-decorations.h"
#include "gr-output-file.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
/* The web map's zoom level at this scale: 256 pixels span the world at 0. */
double
gr_render_zoom (const double affine[4])
{
  return log2 (fabs (affine[0]) / 256);
}

/* The affine map showing @bounds (Web Mercator) whole and centred in a
 * @width × @height surface, @margin pixels in from every side. */
void
gr_render_fit (const double bounds[4], double width, double height, double margin, double affine[4])
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
gr_render_default_bounds (GrDisplay *display, double bounds[4])
{
  display_bounds (display, GR_ROLE_RESIDENTIAL, bounds);
  if (!(bounds[2] > bounds[0] && bounds[3] > bounds[1]))
    display_bounds (display, GR_N_ROLES, bounds);
  if (!(bounds[2] > bounds[0] && bounds[3] > bounds[1]))
    bounds[0] = bounds[1] = 0, bounds[2] = bounds[3] = 1;
}

/* The part of the world a @width × @height surface shows through @affine. */
void
gr_render_view_bounds (const double affine[4], double width, double height, double bounds[4])
{
  bounds[0] = -affine[2] / affine[0], bounds[1] = -affine[3] / affine[1];
  bounds[2] = (width - affine[2]) / affine[0], bounds[3] = (height - affine[3]) / affine[1];
}

void
_gr_render_set_rgba (cairo_t *cr, const double c[4])
{
  cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3]);
}

/* Whether bounds @b, grown by @margin pixels (half a line's width), reach
 * into the @w × @h surface: a line just outside it still paints its edge. */
static gboolean
in_view (const double a[4], const double b[4], double w, double h, double margin)
{
  double x0 = a[0] * b[0] + a[2], x1 = a[0] * b[2] + a[2];
  double y0 = a[1] * b[1] + a[3], y1 = a[1] * b[3] + a[3];

  return MAX (x0, x1) >= -margin && MAX (y0, y1) >= -margin && MIN (x0, x1) <= w + margin
         && MIN (y0, y1) <= h + margin;
}

/* Vertices are left out while the line drawn stays within TOLERANCE
 * pixels of them: a street of a hundred vertices seen from afar is one
 * segment, at no visible cost.
 *
 * The directions from the last vertex drawn whose line passes within the
 * tolerance of a vertex make a wedge; the wedges of the vertices left out
 * are intersected as the path goes on, and a vertex is left out while its
 * own direction lies in that intersection (so the line to it passes near
 * every vertex before it) and it reaches as far as they did (a spike
 * going out and back is kept). */
#define TOLERANCE 0.25 /* device pixels */

typedef struct
{
  cairo_t *cr;
  double   tolerance;      /* TOLERANCE device pixels, in the units drawn in */
  double   ax, ay;         /* the last vertex drawn */
  double   px, py;         /* the last vertex seen, not drawn yet */
  double   lx, ly, rx, ry; /* the wedge's bounds, anticlockwise and clockwise */
  double   reach;          /* the farthest any vertex left out is from a */
  gboolean wedge;          /* a vertex beyond the tolerance has been seen */
  gboolean pending;        /* p is still to be drawn */
} Sleeve;

static inline double
cross (double ax, double ay, double bx, double by)
{
  return ax * by - ay * bx;
}

static void
sleeve_start (Sleeve *s, double x, double y)
{
  s->ax = x, s->ay = y;
  s->wedge = s->pending = FALSE;
  s->reach = 0;
}

static void
sleeve_add (Sleeve *s, double x, double y)
{
  double dx = x - s->ax, dy = y - s->ay, r2 = dx * dx + dy * dy, r, ux, uy, sn, cs;
  double t = s->tolerance;

  /* The line to this vertex passes within t of one left out at distance R
   * when its direction is in that one's wedge and it reaches at least
   * √(R² − t²) along it. */
  if (s->wedge
      && (cross (s->rx, s->ry, dx, dy) < 0 || cross (dx, dy, s->lx, s->ly) < 0
          || r2 < s->reach * s->reach - t * t || !isfinite (r2)))
    {
      /* The line to this vertex would leave one left out behind. */
      cairo_line_to (s->cr, s->px, s->py);
      sleeve_start (s, s->px, s->py);
      dx = x - s->ax, dy = y - s->ay, r2 = dx * dx + dy * dy;
    }
  s->px = x, s->py = y, s->pending = TRUE;
  if (r2 <= t * t || !isfinite (r2))
    return;
  r = sqrt (r2);
  ux = dx / r, uy = dy / r;
  sn = t / r, cs = sqrt (1 - sn * sn);
  if (!s->wedge)
    {
      s->lx = ux * cs - uy * sn, s->ly = ux * sn + uy * cs;
      s->rx = ux * cs + uy * sn, s->ry = uy * cs - ux * sn;
      s->wedge = TRUE;
    }
  else
    {
      double lx = ux * cs - uy * sn, ly = ux * sn + uy * cs;
      double rx = ux * cs + uy * sn, ry = uy * cs - ux * sn;

      if (cross (s->lx, s->ly, lx, ly) < 0)
        s->lx = lx, s->ly = ly;
      if (cross (s->rx, s->ry, rx, ry) > 0)
        s->rx = rx, s->ry = ry;
    }
  s->reach = MAX (s->reach, r);
}

void
_gr_render_trace (cairo_t *cr, const double a[4], const GrPolygon *shape, gboolean close)
{
  Sleeve s = { .cr = cr };
  guint  start = 0;
  double ux = 1, uy = 0;

  /* A quarter of a device pixel, at any scale the surface is drawn at. */
  cairo_user_to_device_distance (cr, &ux, &uy);
  s.tolerance = TOLERANCE / MAX (hypot (ux, uy), 1e-9);

  for (guint r = 0; r < shape->n_rings; r++)
    {
      for (guint i = start; i < shape->ring_ends[r]; i++)
        {
          double x = a[0] * shape->xy[2 * i] + a[2], y = a[1] * shape->xy[2 * i + 1] + a[3];

          if (i == start)
            {
              cairo_move_to (cr, x, y);
              sleeve_start (&s, x, y);
            }
          else
            sleeve_add (&s, x, y);
        }
      /* A ring's or a line's last vertex is always drawn. */
      if (s.pending)
        cairo_line_to (cr, s.px, s.py);
      s.pending = FALSE;
      if (close)
        cairo_close_path (cr);
      start = shape->ring_ends[r];
    }
}

static void
draw_role (cairo_t          *cr,
           GrDisplay        *display,
           const GrMapStyle *style,
           const double      a[4],
           double            w,
           double            h,
           GrRole            role,
           double            zoom,
           double            scale)
{
  const GrRoleStyle *s = &style->roles[role];
  GPtrArray         *features = gr_display_get_features (display, role);
  gboolean           by_class = role == GR_ROLE_PARK && !style->recoloured[role];
  double             margin = s->width * scale / 2 + 1;
  double             device = 1, zero = 0;
  gboolean raster = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;

  if (style->hidden[role] || zoom < s->min_zoom || features == NULL || features->len == 0
      || style->opacity[role] <= 0)
    return;
  /* Device pixels to a pixel of the surface (a scale-2 screen: 2). */
  cairo_user_to_device_distance (cr, &device, &zero);
  device = hypot (device, zero);
  /* A translucent layer is drawn whole, then faded: overlaps do not darken. */
  if (style->opacity[role] < 1)
    cairo_push_group (cr);
  for (guint c = 0; c < (by_class ? GR_N_PARK_CLASSES : 1); c++)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < features->len; i++)
        {
          GrDisplayFeature *f = g_ptr_array_index (features, i);

          if ((!by_class || f->park_class == c) && in_view (a, f->bounds, w, h, margin))
            _gr_render_trace (cr, a, f->mercator, f->kind != GR_SHAPE_LINE);
        }
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      _gr_render_set_rgba (cr, by_class ? _gr_map_style_park_fill (c) : s->fill);
      cairo_fill_preserve (cr);
      _gr_render_set_rgba (cr, s->stroke);
      cairo_set_line_width (cr, s->width * scale);
      /* On screen, under two pixels a round join is no rounder to the
       * eye than a bevel, and costs cairo an arc at every vertex; a PDF
       * or SVG is zoomed into and printed, and keeps them round. */
      cairo_set_line_join (cr, raster && s->width * scale * device < 2 ? CAIRO_LINE_JOIN_BEVEL
                                                                       : CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  if (style->opacity[role] < 1)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, style->opacity[role]);
    }
}

static void
draw_layers (cairo_t          *cr,
             GrDisplay        *display,
             const GrMapStyle *style,
             const double      affine[4],
             double            width,
             double            height,
             double            scale)
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
/**
 * gr_render_basemap:
 *
 * Draws the base map's tiles from the zoom level nearest the map's scale;
 * beyond the file's deepest zoom its tiles are enlarged.
 *
 * Returns: FALSE with @error naming the file when a tile cannot be read.
 */
gboolean
gr_render_basemap (cairo_t     *cr,
                   GrMbtiles   *basemap,
                   const double affine[4],
                   double       width,
                   double       height,
                   GError     **error)
{
  int    z = CLAMP ((int) ceil (gr_render_zoom (affine) - 0.3), gr_mbtiles_get_min_zoom (basemap),
                    gr_mbtiles_get_max_zoom (basemap));
  int    n = 1 << z;
  double mx0 = -affine[2] / affine[0], mx1 = (width - affine[2]) / affine[0];
  double my0 = -affine[3] / affine[1], my1 = (height - affine[3]) / affine[1];

  for (int ty = MAX (0, (int) floor (my0 * n)); ty <= MIN (n - 1, (int) floor (my1 * n)); ty++)
    for (int tx = MAX (0, (int) floor (mx0 * n)); tx <= MIN (n - 1, (int) floor (mx1 * n)); tx++)
      {
        GError          *local = NULL;
        cairo_surface_t *image = NULL;
        int              d, iw, ih, pn;

        /* A tile the file (or the tile cache) lacks is its parent's
         * quarter, enlarged, up to four levels up. */
        for (d = 0; d <= 4 && z - d >= gr_mbtiles_get_min_zoom (basemap) && image == NULL; d++)
          {
            image = gr_mbtiles_get_image (basemap, z - d, tx >> d, ty >> d, &local);
            if (local != NULL)
              {
                g_propagate_error (error, local);
                return FALSE;
              }
          }
        if (image == NULL)
          continue;
        d--;
        pn = n >> d;
        iw = MAX (1, cairo_image_surface_get_width (image)),
        ih = MAX (1, cairo_image_surface_get_height (image));
        cairo_save (cr);
        cairo_rectangle (cr, affine[0] * tx / n + affine[2], affine[1] * ty / n + affine[3],
                         affine[0] / n, affine[1] / n);
        cairo_clip (cr);
        cairo_translate (cr, affine[0] * (tx >> d) / pn + affine[2],
                         affine[1] * (ty >> d) / pn + affine[3]);
        /* Tiles of any pixel size span 1/n of the world. */
        cairo_scale (cr, affine[0] / pn / iw, affine[1] / pn / ih);
        cairo_set_source_surface (cr, image, 0, 0);
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
        cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
        cairo_rectangle (cr, 0, 0, iw, ih);
        cairo_fill (cr);
        cairo_restore (cr);
      }
  return TRUE;
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
  GrMapStyle        fallback;
  const GrMapStyle *style = map->style;
  double            a[4], s = map->scale > 0 ? map->scale : 1;

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
  gr_render_labels (cr, map->display, style, a, width, height, s);
  if (map->decorations)
    gr_map_decorations_draw (cr, map, style, a, width, height);
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
  GrMapRender      scaled = *map;
  g_autoptr (GrOutputFile) out = NULL;
  cairo_surface_t *surface;
  cairo_status_t   status;
  cairo_t         *cr;
  double           k = 1;

  if (!(width >= 16 && height >= 16 && width <= 20000 && height <= 20000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("A map of %g × %g pixels cannot be drawn."), width, height);
      return FALSE;
    }
  if (g_str_has_suffix (lower, ".png"))
    {
      k = dpi > 0 ? dpi / 96 : 1;
      if (width * k * height * k > 400e6)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _ ("A %g dpi image of %g × %g pixels is too large to write."), dpi, width,
                       height);
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * k),
                                            (int) ceil (height * k));
    }
  else if (g_str_has_suffix (lower, ".svg") || g_str_has_suffix (lower, ".pdf"))
    {
      /* Drawn straight into the file: opened first. */
      if ((out = gr_output_file_new (path, error)) == NULL)
        return FALSE;
      surface = g_str_has_suffix (lower, ".svg")
                    ? cairo_svg_surface_create_for_stream (gr_output_file_write, out, width * 0.75,
                                                           height * 0.75)
                    : cairo_pdf_surface_create_for_stream (gr_output_file_write, out, width * 0.75,
                                                           height * 0.75);
      k = 0.75;
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("%s: the map can be written as .png, .svg or .pdf."), name);
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
  /* Written beside the target and renamed over it when complete. */
  if (out == NULL && (out = gr_output_file_new (path, error)) == NULL)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  if (g_str_has_suffix (lower, ".png"))
    status = cairo_surface_write_to_png_stream (surface, gr_output_file_write, out);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return gr_output_file_commit (g_steal_pointer (&out), status, error);
}
