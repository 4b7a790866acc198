/* test-style.c — how the layers are drawn: the style a project file keeps,
 * the blind-spot colours under colour-vision deficiencies, and the names
 * placed on the map
 */
#include "gr-candidate-rules.h"
#include "gr-coverage-tiles.h"
#include "gr-editor.h"
#include "gr-labels.h"
#include "gr-map-decorations.h"
#include "gr-mbtiles.h"
#include "gr-runtime.h"
#include "gr-project-file.h"
#include "gr-render-private.h"
#include "gr-render.h"
#include "gr-style-store.h"
#include "gr-test-project.h"
#include "gr-test-util.h"

#include <math.h>
#include <string.h>

/* Colour, opacity, visibility, names and order come back as they were
 * kept; a project that kept none has the default style. */
static void
test_round_trip (void)
{
  g_autofree char *dir = gr_test_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "monaco.gpkg", NULL);
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  g_autoptr (GError) error = NULL;
  const double blue[3] = { 0, 0, 1 };
  GrMapStyle   style, back, plain;
  double       rgb[3];
  guint        park_at = 0, water_at = 0;

  g_assert_true (gr_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_true (gr_project_style_load (path, &back, &error));
  g_assert_no_error (error);
  gr_map_style_init (&plain);
  g_assert_cmpmem (&back, sizeof back, &plain, sizeof plain);

  gr_map_style_init (&style);
  gr_map_style_set_color (&style, GR_ROLE_PARK, blue);
  style.opacity[GR_ROLE_GREEN] = 0.25;
  style.hidden[GR_ROLE_WATER] = TRUE;
  style.labels[GR_ROLE_ZONES] = FALSE;
  /* Water drawn above parks. */
  for (guint i = 0; i < style.n_order; i++)
    {
      park_at = style.order[i] == GR_ROLE_PARK ? i : park_at;
      water_at = style.order[i] == GR_ROLE_WATER ? i : water_at;
    }
  style.order[park_at] = GR_ROLE_WATER;
  style.order[water_at] = GR_ROLE_PARK;
  g_assert_true (gr_project_style_save (path, &style, &error));
  g_assert_no_error (error);
  g_assert_true (gr_project_style_load (path, &back, &error));
  g_assert_no_error (error);
  gr_map_style_get_color (&back, GR_ROLE_PARK, rgb);
  g_assert_cmpfloat_with_epsilon (rgb[2], 1, 1e-6);
  g_assert_cmpfloat_with_epsilon (rgb[1], 0, 1e-6);
  g_assert_true (back.recoloured[GR_ROLE_PARK]);
  g_assert_false (back.recoloured[GR_ROLE_GREEN]);
  g_assert_cmpfloat_with_epsilon (back.opacity[GR_ROLE_GREEN], 0.25, 1e-9);
  g_assert_true (back.hidden[GR_ROLE_WATER]);
  g_assert_false (back.labels[GR_ROLE_ZONES]);
  g_assert_true (back.labels[GR_ROLE_PARK]);
  g_assert_cmpuint (back.n_order, ==, style.n_order);
  g_assert_cmpmem (back.order, back.n_order * sizeof (GrRole), style.order,
                   style.n_order * sizeof (GrRole));
}

/* A file that is not a project is refused, named. */
static void
test_not_a_project (void)
{
  g_autofree char *bad = bad_path ("pyshp_corrupt_too_long.shp");
  g_autoptr (GError) error = NULL;
  GrMapStyle style;

  g_assert_false (gr_project_style_load (bad, &style, &error));
  g_assert_nonnull (strstr (error->message, "pyshp_corrupt_too_long.shp"));
}

/* ---- colour vision ------------------------------------------------------- */

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 0.008856 ? cbrt (t) : 7.787 * t + 16.0 / 116;
}

/* @rgb linear sRGB → CIELAB (D65). */
static void
to_lab (const double rgb[3], double lab[3])
{
  double x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
  double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  double z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];

  lab[0] = 116 * lab_f (y) - 16;
  lab[1] = 500 * (lab_f (x / 0.95047) - lab_f (y));
  lab[2] = 200 * (lab_f (y) - lab_f (z / 1.08883));
}

/* Machado, Oliveira & Fernandes 2009, severity 1, on linear RGB. */
static const double simulations[3][3][3] = {
  { { 0.152286, 1.052583, -0.204868 },
    { 0.114503, 0.786281, 0.099216 },
    { -0.003882, -0.048116, 1.051998 } }, /* protanopia */
  { { 0.367322, 0.860646, -0.227968 },
    { 0.280085, 0.672501, 0.047413 },
    { -0.011820, 0.042940, 0.968881 } }, /* deuteranopia */
  { { 1.255528, -0.076749, -0.178779 },
    { -0.078411, 0.930809, 0.147602 },
    { 0.004733, 0.691367, 0.303900 } }, /* tritanopia */
};

/* The cell's colour over the base map's ground, as seen with deficiency
 * @s, in CIELAB. */
static void
seen (GrCellKind kind, guint s, double lab[3])
{
  static const double ground[3] = { 242 / 255.0, 239 / 255.0, 233 / 255.0 };
  double              rgba[4], lin[3], out[3];

  gr_render_kind_color (kind, rgba);
  for (guint k = 0; k < 3; k++)
    lin[k] = linear (rgba[3] * rgba[k] + (1 - rgba[3]) * ground[k]);
  for (guint i = 0; i < 3; i++)
    out[i] = CLAMP (simulations[s][i][0] * lin[0] + simulations[s][i][1] * lin[1]
                        + simulations[s][i][2] * lin[2],
                    0, 1);
  to_lab (out, lab);
}

/* "No park" orange and blind-spot vermillion stay apart (CIE ΔE ≥ 25)
 * under protanopia, deuteranopia and tritanopia. */
static void
test_colour_vision (void)
{
  for (guint s = 0; s < 3; s++)
    {
      double a[3], b[3], d;

      seen (GR_CELL_NO_PARK, s, a);
      seen (GR_CELL_NEITHER, s, b);
      d = sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
                + (a[2] - b[2]) * (a[2] - b[2]));
      g_test_message ("simulation %u: ΔE %.1f", s, d);
      g_assert_cmpfloat (d, >=, 25);
    }
}

/* ---- names --------------------------------------------------------------- */

/* The dark pixels of the names drawn on white, 1600 × 1200. */
static guint
label_ink (cairo_t          *cr,
           cairo_surface_t  *surface,
           GrDisplay        *display,
           const GrMapStyle *style,
           const double      affine[4])
{
  guint n = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gr_render_labels (cr, display, style, affine, 1600, 1200, 1);
  cairo_surface_flush (surface);
  for (int i = 0; i < 1600 * 1200; i++)
    {
      guint32 v = ((guint32 *) cairo_image_surface_get_data (surface))[i];

      n += ((v >> 16) & 0xff) + ((v >> 8) & 0xff) + (v & 0xff) < 400;
    }
  return n;
}

/* The affine map that fits @role's features into @width × @height. */
static void
fit_role (GrDisplay *display,
          GrRole     role,
          double     width,
          double     height,
          double     margin,
          double     affine[4])
{
  double bounds[4], m[4];

  gr_display_get_bounds (display, role, bounds);
  gr_lonlat_to_mercator (bounds[0], bounds[3], &m[0], &m[1]);
  gr_lonlat_to_mercator (bounds[2], bounds[1], &m[2], &m[3]);
  gr_render_fit (m, width, height, margin, affine);
}

/* Monaco's parks, zones and water named at street scale, none over
 * another, the largest park's name among them; hidden layers unnamed. */
static void
test_layer_labels (void)
{
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  g_autoptr (GError) error = NULL;
  g_autoptr (GrDisplay) display = gr_display_new (project, &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1600, 1200);
  cairo_t         *cr = cairo_create (surface);
  GrMapStyle       style;
  double           affine[4];
  guint            dark = 0, hidden_dark = 0;

  g_assert_no_error (error);
  gr_map_style_init (&style);
  fit_role (display, GR_ROLE_PARK, 1600, 1200, 0, affine);
  dark = label_ink (cr, surface, display, &style, affine);
  for (guint r = 0; r < GR_N_ROLES; r++)
    style.hidden[r] = TRUE;
  hidden_dark = label_ink (cr, surface, display, &style, affine);
  g_test_message ("ink: %u pixels, %u with every layer hidden", dark, hidden_dark);
  g_assert_cmpuint (dark, >, 500);
  g_assert_cmpuint (hidden_dark, ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The placer keeps names apart and says which it left out. */
static void
test_placer (void)
{
  g_autoptr (GrLabels) labels = gr_labels_new ();
  GrLabel a = { "人民公园", 100, 100, 0, 12, GR_LABEL_PARK, FALSE };
  GrLabel b = { "People's Park", 110, 104, 0, 12, GR_LABEL_PARK, FALSE };
  GrLabel c = { "Riverside", 400, 100, 0.3, 12, GR_LABEL_WATER, FALSE };
  GrLabel empty = { "", 700, 100, 0, 12, GR_LABEL_PARK, FALSE };

  g_assert_true (gr_labels_place (labels, &a));
  g_assert_false (gr_labels_place (labels, &b));
  g_assert_true (gr_labels_place (labels, &c));
  g_assert_false (gr_labels_place (labels, &empty));
  g_assert_cmpuint (gr_labels_get_n_labels (labels), ==, 2);
  g_assert_cmpfloat (
      gr_labels_get_label (labels, 0)->box[2] - gr_labels_get_label (labels, 0)->box[0], >, 30);
}

/* The vertices cairo was given for @xy (pixels), one ring or line. */
static GArray *
traced_at (const double *xy, guint n, gboolean close, double scale)
{
  const double     identity[4] = { 1, 1, 0, 0 };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t         *cr = cairo_create (surface);
  g_autoptr (GrPolygon) shape = gr_polygon_new (xy, n, &n, 1);
  GArray       *points = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_path_t *path;
  gboolean      closed = FALSE;

  cairo_scale (cr, scale, scale);
  _gr_render_trace (cr, identity, shape, close);
  path = cairo_copy_path (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    if (path->data[i].header.type == CAIRO_PATH_CLOSE_PATH)
      closed = TRUE;
    else if (!closed)
      g_array_append_vals (points, &path->data[i + 1].point, 2);
  g_assert_true (closed == close);
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return points;
}

static GArray *
traced (const double *xy, guint n, gboolean close)
{
  return traced_at (xy, n, close, 1);
}

static double
distance_to_segment (const double p[2], const double a[2], const double b[2])
{
  double dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2, 0, 1) : 0;

  return hypot (p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/* Every vertex of @xy lies within @tolerance of the traced line, which
 * keeps the first and last vertices and takes the rest from @xy in order. */
static void
assert_follows (const double *xy, guint n, GArray *points, double tolerance)
{
  const double *t = (const double *) points->data;
  guint         m = points->len / 2, j = 0;

  g_assert_cmpuint (m, >=, 2);
  g_assert_cmpfloat (fabs (t[0] - xy[0]) + fabs (t[1] - xy[1]), <, 0.01);
  g_assert_cmpfloat (fabs (t[2 * m - 2] - xy[2 * n - 2]) + fabs (t[2 * m - 1] - xy[2 * n - 1]), <,
                     0.01);
  for (guint k = 0; k < m; k++)
    {
      while (j < n && fabs (xy[2 * j] - t[2 * k]) + fabs (xy[2 * j + 1] - t[2 * k + 1]) > 0.01)
        j++;
      g_assert_cmpuint (j, <, n);
    }
  for (guint i = 0; i < n; i++)
    {
      double nearest = G_MAXDOUBLE;

      for (guint k = 0; k + 1 < m; k++)
        nearest = MIN (nearest, distance_to_segment (&xy[2 * i], &t[2 * k], &t[2 * k + 2]));
      g_assert_cmpfloat (nearest, <=, tolerance + 0.01);
    }
}

/* Lines and rings are drawn with the vertices that change what is seen:
 * a straight street of a thousand vertices is one segment, a wiggle a
 * third of a pixel wide or a spike going out and back is kept, and no
 * vertex is left more than a quarter of a pixel from the line drawn. */
static void
test_trace_simplified (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  double xy[2 * 1001];

  for (guint i = 0; i < 1001; i++)
    xy[2 * i] = 10 + 0.9 * i, xy[2 * i + 1] = 20 + 0.45 * i;
  {
    g_autoptr (GArray) points = traced (xy, 1001, FALSE);

    g_assert_cmpuint (points->len / 2, ==, 2);
    assert_follows (xy, 1001, points, 0.25);
  }
  /* Out along a line and half way back: the far end stays. */
  {
    const double spike[] = { 0, 0, 50, 0, 100, 0, 50, 0.1, 40, 0.1 };
    g_autoptr (GArray) points = traced (spike, 5, FALSE);

    assert_follows (spike, 5, points, 0.25);
    g_assert_cmpfloat (g_array_index (points, double, 2), ==, 100);
  }
  /* Past the farthest vertex left out and back along its wedge's edge:
   * the line may not stop short of it by more than the tolerance. */
  {
    const double back[] = { 0, 0, 10, 0, 9.7471, 0.2382 };
    g_autoptr (GArray) points = traced (back, 3, FALSE);

    assert_follows (back, 3, points, 0.25);
  }
  /* On a surface drawn at twice the size, the tolerance is a quarter of
   * its pixel: wiggles of 0.15 units (0.3 of its pixels) are kept. */
  for (guint i = 0; i < 1001; i++)
    xy[2 * i] = 3 * i, xy[2 * i + 1] = (i % 2) * 0.15;
  {
    g_autoptr (GArray) points = traced_at (xy, 1001, FALSE, 2);

    g_assert_cmpuint (points->len / 2, >, 500);
    assert_follows (xy, 1001, points, 0.125);
  }
  /* Wiggles of a third of a pixel on a long line are kept. */
  for (guint i = 0; i < 1001; i++)
    xy[2 * i] = 3 * i, xy[2 * i + 1] = (i % 2) * 0.34;
  {
    g_autoptr (GArray) points = traced (xy, 1001, FALSE);

    g_assert_cmpuint (points->len / 2, >, 500);
    assert_follows (xy, 1001, points, 0.25);
  }
  /* Random walks at several scales, as lines and as rings. */
  for (guint scale = 0; scale < 6; scale++)
    {
      double step = pow (4, scale) / 16, x = 0, y = 0, heading = 0;

      for (guint i = 0; i < 1001; i++)
        {
          heading += g_rand_double_range (rand, -0.6, 0.6);
          x += step * cos (heading) * g_rand_double_range (rand, 0.2, 1.5);
          y += step * sin (heading) * g_rand_double_range (rand, 0.2, 1.5);
          xy[2 * i] = x, xy[2 * i + 1] = y;
        }
      for (guint close = 0; close < 2; close++)
        {
          g_autoptr (GArray) points = traced (xy, 1001, close);

          g_test_message ("step %.3f px: %u of 1001 vertices drawn", step, points->len / 2);
          assert_follows (xy, 1001, points, 0.25);
          if (step <= 0.25)
            g_assert_cmpuint (points->len / 2, <, 300);
        }
    }
}

/* The layers drawn in two bands of rows, each as a surface of its own
 * over the same memory (as the window draws on two cores): the same to the
 * bit as one drawing, lines just above a band's first row included. */
static void
draw_rows (GrDisplay        *display,
           const GrMapStyle *style,
           const double      a[4],
           guint8           *data,
           int               stride,
           int               width,
           int               row0,
           int               row1)
{
  cairo_surface_t *band = cairo_image_surface_create_for_data (
      data + (gsize) row0 * stride, CAIRO_FORMAT_ARGB32, width, row1 - row0, stride);
  cairo_t *cr = cairo_create (band);
  double   shifted[4] = { a[0], a[1], a[2], a[3] - row0 };

  gr_render_layers (cr, display, style, shifted, width, row1 - row0);
  cairo_destroy (cr);
  cairo_surface_destroy (band);
}

static void
test_layers_in_bands (void)
{
  g_autoptr (GrProject) project = gr_project_new ();
  g_autoptr (GrDisplay) display = NULL;
  g_autoptr (GError) error = NULL;
  GrLayer           *greenways;
  GPtrArray         *features;
  GrMapStyle         style;
  double             a[4];
  const int          width = 1700, height = 60, stride = width * 4;
  g_autofree guint8 *whole = g_malloc0 ((gsize) stride * height);
  g_autofree guint8 *banded = g_malloc (stride * height);

  /* Greenways 4 m long, 8 m apart, each 2 cm north of the last: over the
   * 200 of them, every place a line can sit against a band's edge. */
  project->crs_wkt = g_strdup ("EPSG:32650");
  greenways = gr_project_ensure_layer (project, GR_ROLE_GREENWAY);
  for (guint i = 0; i < 200; i++)
    {
      OGRGeometryH line = OGR_G_CreateGeometry (wkbLineString);

      OGR_G_AddPoint_2D (line, 500000 + 8.0 * i, 4400000 + 0.02 * i);
      OGR_G_AddPoint_2D (line, 500004 + 8.0 * i, 4400000 + 0.02 * i);
      g_ptr_array_add (greenways->features, gr_feature_new (line));
    }
  display = gr_display_new (project, &error);
  g_assert_no_error (error);
  gr_map_style_init (&style);
  fit_role (display, GR_ROLE_GREENWAY, width, height, 20, a);
  draw_rows (display, &style, a, whole, stride, width, 0, height);
  features = gr_display_get_features (display, GR_ROLE_GREENWAY);
  g_assert_cmpuint (features->len, ==, 200);
  for (guint k = 0; k < features->len; k += 23)
    {
      GrDisplayFeature *f = g_ptr_array_index (features, k);
      int               split = (int) floor (a[1] * f->bounds[1] + a[3]) + 1;
      gsize             painted = 0;

      /* Line k lies less than a pixel above the bottom band's first row. */
      for (int x = 0; x < width; x++)
        painted += ((guint32 *) (whole + (gsize) split * stride))[x] != 0;
      g_assert_cmpint (painted, >, 0);
      memset (banded, 0, (gsize) stride * height);
      draw_rows (display, &style, a, banded, stride, width, 0, split);
      draw_rows (display, &style, a, banded, stride, width, split, height);
      g_assert_cmpmem (whole, (gsize) stride * height, banded, (gsize) stride * height);
    }
}

/* ---- the blind-spot overlay ------------------------------------------------ */

static GBytes *
coverage_pixels (GrCoverageTiles *tiles, const double affine[4], int w, int h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t         *cr = cairo_create (surface);
  GBytes          *pixels;

  gr_coverage_tiles_draw (tiles, cr, affine, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * h);
  cairo_surface_destroy (surface);
  return pixels;
}

/* Every pixel that differs between @before and @after lies in @drawn (Web
 * Mercator) as @affine places it, or a pixel beyond; and some do. */
static void
assert_changes_within (GBytes      *before,
                       GBytes      *after,
                       int          w,
                       int          h,
                       const double affine[4],
                       const double drawn[4])
{
  const guint32 *a = g_bytes_get_data (before, NULL), *b = g_bytes_get_data (after, NULL);
  double         x0 = affine[0] * drawn[0] + affine[2], x1 = affine[0] * drawn[2] + affine[2];
  double         y0 = affine[1] * drawn[1] + affine[3], y1 = affine[1] * drawn[3] + affine[3];
  guint          changed = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (a[y * w + x] != b[y * w + x])
        {
          changed++;
          g_assert_cmpfloat (x + 1, >=, MIN (x0, x1) - 1);
          g_assert_cmpfloat (x, <=, MAX (x0, x1) + 1);
          g_assert_cmpfloat (y + 1, >=, MIN (y0, y1) - 1);
          g_assert_cmpfloat (y, <=, MAX (y0, y1) + 1);
        }
  g_test_message ("%u pixels changed", changed);
  g_assert_cmpuint (changed, >, 0);
}

static guint
painted (GBytes *pixels)
{
  const guint32 *p = g_bytes_get_data (pixels, NULL);
  guint          n = 0;

  for (gsize i = 0; i < g_bytes_get_size (pixels) / 4; i++)
    n += p[i] != 0;
  return n;
}

/* Monaco's residential land centred in @w × @h pixels, a 64-cell tile
 * @tile_px pixels wide. */
static void
coverage_view (GrDisplay *display, double cell_m, double tile_px, int w, int h, double affine[4])
{
  double b[4], m0[2], m1[2], lat, k;

  gr_display_get_bounds (display, GR_ROLE_RESIDENTIAL, b);
  lat = (b[1] + b[3]) / 2;
  gr_lonlat_to_mercator (b[0], b[3], &m0[0], &m0[1]);
  gr_lonlat_to_mercator (b[2], b[1], &m1[0], &m1[1]);
  /* Web Mercator's unit square is the equator's length; a metre on the
   * ground is 1 / cos(lat) of a metre there. */
  k = tile_px / (64 * cell_m / (40075016.686 * cos (lat * G_PI / 180)));
  affine[0] = k, affine[1] = k;
  affine[2] = w / 2.0 - k * (m0[0] + m1[0]) / 2;
  affine[3] = h / 2.0 - k * (m0[1] + m1[1]) / 2;
}

/* Monaco analysed on 1 m cells: its homes over several blocks of tiles. */
static GrAnalysis *
analyse_fine (GrProject *project, GArray *refs)
{
  g_autoptr (GError) error = NULL;
  GrCriteria  c;
  GrAnalysis *analysis;

  gr_criteria_init_default (&c);
  c.resolution = 1;
  analysis = gr_project_build_analysis (project, &c, refs, &error);
  g_assert_no_error (error);
  return analysis;
}

/* Far out the window paints blocks of tiles; they sample the same cells'
 * colours, follow an edit like a fresh overlay, and near in the tiles are
 * painted as before, to the bit. */
static void
test_coverage_overview (void)
{
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  g_autoptr (GError) error = NULL;
  g_autoptr (GrAnalysis) analysis = NULL;
  g_autoptr (GrDisplay) display = gr_display_new (project, &error);
  g_autoptr (GrCoverageTiles) blocks = gr_coverage_tiles_new ();
  g_autoptr (GrCoverageTiles) tiles = gr_coverage_tiles_new ();
  g_autoptr (GrCoverageTiles) fresh = gr_coverage_tiles_new ();
  g_autoptr (GrEditor) editor = NULL;
  g_autoptr (GBytes) far_blocks = NULL;
  g_autoptr (GBytes) far_tiles = NULL;
  g_autoptr (GBytes) edited = NULL;
  g_autoptr (GBytes) edited_fresh = NULL;
  g_autoptr (GBytes) mid_before = NULL;
  g_autoptr (GBytes) mid_after = NULL;
  GrCriteria c;
  double     far[4], near[4], mid[4], changed[4], b[4], drawn[4], drawn_tiles[4];
  guint      n_blocks;

  g_assert_no_error (error);
  analysis = analyse_fine (project, refs);
  c = *gr_analysis_get_criteria (analysis);
  gr_coverage_tiles_set_overview (blocks, TRUE);
  gr_coverage_tiles_set_overview (fresh, TRUE);
  gr_coverage_tiles_set_source (blocks, analysis, NULL, display);
  gr_coverage_tiles_set_source (tiles, analysis, NULL, display);
  g_assert_cmpuint (gr_coverage_tiles_get_n_tiles (blocks), >, 40);

  coverage_view (display, c.resolution, 6, 200, 150, far);
  far_blocks = coverage_pixels (blocks, far, 200, 150);
  far_tiles = coverage_pixels (tiles, far, 200, 150);
  g_test_message ("far out: %u pixels painted from blocks, %u from tiles", painted (far_blocks),
                  painted (far_tiles));
  g_assert_cmpuint (painted (far_blocks), >, 100);
  n_blocks = gr_coverage_tiles_get_n_blocks (blocks);
  g_assert_cmpuint (n_blocks, >, 3);
  g_assert_cmpuint (gr_coverage_tiles_get_n_blocks (tiles), ==, 0);
  g_assert_cmpfloat (fabs ((double) painted (far_blocks) - painted (far_tiles)), <,
                     0.15 * painted (far_tiles));
  coverage_view (display, c.resolution, 200, 800, 600, near);
  /* Tiles one by one, the town in view. */
  coverage_view (display, c.resolution, 40, 800, 600, mid);
  mid_before = coverage_pixels (tiles, mid, 800, 600);
  {
    g_autoptr (GBytes) near_blocks = coverage_pixels (blocks, near, 800, 600);
    g_autoptr (GBytes) near_tiles = coverage_pixels (tiles, near, 800, 600);

    g_assert_true (g_bytes_equal (near_blocks, near_tiles));
    g_assert_cmpuint (gr_coverage_tiles_get_n_blocks (blocks), ==, n_blocks);
  }

  /* A park dragged to the middle of the town: the blocks under the tiles
   * it changed are made again. */
  editor = gr_editor_new (project, analysis, refs);
  gr_layer_get_bounds (project->layers[GR_ROLE_RESIDENTIAL], b);
  {
    g_auto (OGRGeometryH) park =
        gr_pocket_park_new ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 20000, TRUE);

    gr_editor_preview (editor, (GrFeatureKey){ GR_ROLE_PARK, 1 }, park, changed);
  }
  g_assert_true (isfinite (changed[0]));
  changed[0] -= c.park_radius + 100, changed[1] -= c.park_radius + 100;
  changed[2] += c.park_radius + 100, changed[3] += c.park_radius + 100;
  g_assert_true (gr_coverage_tiles_refresh_area (blocks, changed, drawn));
  g_assert_true (gr_coverage_tiles_refresh_area (tiles, changed, drawn_tiles));
  g_assert_cmpmem (drawn, sizeof drawn, drawn_tiles, sizeof drawn_tiles);
  g_assert_cmpuint (gr_coverage_tiles_get_n_blocks (blocks), <, n_blocks);
  gr_coverage_tiles_set_source (fresh, analysis, NULL, display);
  edited = coverage_pixels (blocks, far, 200, 150);
  edited_fresh = coverage_pixels (fresh, far, 200, 150);
  g_assert_false (g_bytes_equal (edited, far_blocks));
  /* What the drawing may differ in, as said, holds every pixel that
   * changed, far out (blocks) and nearer (tiles). */
  assert_changes_within (far_blocks, edited, 200, 150, far, drawn);
  mid_after = coverage_pixels (tiles, mid, 800, 600);
  assert_changes_within (mid_before, mid_after, 800, 600, mid, drawn);
  g_assert_true (g_bytes_equal (edited, edited_fresh));
  g_assert_cmpuint (gr_coverage_tiles_get_n_blocks (blocks), ==,
                    gr_coverage_tiles_get_n_blocks (fresh));
}

typedef struct
{
  GrCoverageTiles *tiles;
  double           affine[4];
  guint8          *data;
  int              stride, width, row0, row1;
} CoverageBand;

static gpointer
draw_coverage_band (gpointer data)
{
  CoverageBand    *b = data;
  cairo_surface_t *band = cairo_image_surface_create_for_data (
      b->data + (gsize) b->row0 * b->stride, CAIRO_FORMAT_ARGB32, b->width, b->row1 - b->row0,
      b->stride);
  cairo_t *cr = cairo_create (band);
  double   shifted[4] = { b->affine[0], b->affine[1], b->affine[2], b->affine[3] - b->row0 };

  gr_coverage_tiles_draw (b->tiles, cr, shifted, b->width, b->row1 - b->row0);
  cairo_destroy (cr);
  cairo_surface_destroy (band);
  return NULL;
}

/* The overlay drawn in two bands on two threads at once, as the window
 * draws it, far out (blocks made by both threads as they go) and near
 * (tiles): the same to the bit as one drawing. */
static void
test_coverage_in_bands (void)
{
  g_autoptr (GrProject) project = import_osm ("monaco.osm.pbf");
  g_autoptr (GError) error = NULL;
  g_autoptr (GrAnalysis) analysis = NULL;
  g_autoptr (GrDisplay) display = gr_display_new (project, &error);

  g_assert_no_error (error);
  analysis = analyse_fine (project, NULL);
  for (guint k = 0; k < 2; k++)
    {
      const int width = 400, height = 300, stride = width * 4;
      g_autoptr (GrCoverageTiles) one = gr_coverage_tiles_new ();
      g_autoptr (GrCoverageTiles) two = gr_coverage_tiles_new ();
      g_autoptr (GBytes) whole = NULL;
      g_autofree guint8 *banded = g_malloc0 ((gsize) stride * height);
      CoverageBand       top = { two, { 0 }, banded, stride, width, 0, height / 2 + 1 };
      CoverageBand       bottom = top;
      GThread           *thread;

      for (guint i = 0; i < 2; i++)
        {
          GrCoverageTiles *t = i == 0 ? one : two;

          gr_coverage_tiles_set_overview (t, TRUE);
          gr_coverage_tiles_set_source (t, analysis, NULL, display);
        }
      coverage_view (display, 1, k == 0 ? 6 : 12, width, height, top.affine);
      memcpy (bottom.affine, top.affine, sizeof top.affine);
      bottom.row0 = top.row1, bottom.row1 = height;
      whole = coverage_pixels (one, top.affine, width, height);
      g_assert_cmpuint (painted (whole), >, 500);
      thread = g_thread_new ("band", draw_coverage_band, &bottom);
      draw_coverage_band (&top);
      g_thread_join (thread);
      g_assert_cmpmem (g_bytes_get_data (whole, NULL), g_bytes_get_size (whole), banded,
                       (gsize) stride * height);
      /* Far out, both drew from blocks: each made once. */
      g_assert_cmpuint (gr_coverage_tiles_get_n_blocks (two), ==,
                        gr_coverage_tiles_get_n_blocks (one));
      g_assert_true (k == 1 || gr_coverage_tiles_get_n_blocks (two) > 3);
    }
}

/* A map's credits name each source once: the data's and the base map's
 * are often the same OpenStreetMap credit. */
static void
test_credits_once (void)
{
  g_autofree char *path = gr_runtime_data_path ("sample/basemap.mbtiles");
  g_autoptr (GError) error = NULL;
  GrMbtiles  *basemap = gr_mbtiles_open (path, &error);
  GrMapRender map = { 0 };
  const char *osm = gr_mbtiles_get_attribution (basemap);

  g_assert_no_error (error);
  g_assert_cmpstr (osm, ==, "© OpenStreetMap contributors");
  map.basemap = basemap;
  map.attribution = osm;
  {
    g_autofree char *credits = gr_map_decorations_credits (&map);

    g_assert_cmpstr (credits, ==, osm);
  }
  map.attribution = "国土调查 2023";
  {
    g_autofree char *credits = gr_map_decorations_credits (&map);

    g_assert_cmpstr (credits, ==, "国土调查 2023 · © OpenStreetMap contributors");
  }
  map.attribution = NULL;
  {
    g_autofree char *credits = gr_map_decorations_credits (&map);

    g_assert_cmpstr (credits, ==, osm);
  }
  gr_mbtiles_free (basemap);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/style/round-trip", test_round_trip);
  g_test_add_func ("/style/credits-once", test_credits_once);
  g_test_add_func ("/style/not-a-project", test_not_a_project);
  g_test_add_func ("/style/colour-vision", test_colour_vision);
  g_test_add_func ("/style/layer-labels", test_layer_labels);
  g_test_add_func ("/style/placer", test_placer);
  g_test_add_func ("/style/trace-simplified", test_trace_simplified);
  g_test_add_func ("/style/layers-in-bands", test_layers_in_bands);
  g_test_add_func ("/style/coverage-overview", test_coverage_overview);
  g_test_add_func ("/style/coverage-in-bands", test_coverage_in_bands);
  return g_test_run ();
}
