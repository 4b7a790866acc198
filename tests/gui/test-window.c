/* test-window.c — the map window for real under Xvfb: open the sample,
 * render to PNG, and check pixels where the analysis says what must show */
#include "gr-coverage-layer.h"
#include "gr-runtime.h"
#include "gr-window.h"
#include "gr-zone-item.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

static GrApplication *app;
static GrWindow *window;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_idle (void)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  spin (50);
  while (gr_window_get_busy (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gr_window_get_busy (window));
  spin (300);
}

static void
on_after_paint (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* Waits until the window has painted a frame since now. */
static void
wait_for_frame (void)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}

/* What is rendered and measured: the whole window. */
static GtkWidget *
contents (void)
{
  return GTK_WIDGET (window);
}

/* A widget paintable holds the image of the widget's last drawn frame, so
 * frames are let through until it has one. */
static GskRenderNode *
snapshot_contents (GdkPaintable *paintable, int w, int h)
{
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      wait_for_frame ();
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      if ((node = gtk_snapshot_free_to_node (snapshot)) != NULL)
        return node;
    }
  return NULL;
}

static GdkTexture *
render (const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (contents ());
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int w = gtk_widget_get_width (contents ()), h = gtk_widget_get_height (contents ());
  g_autofree char *path = g_strdup_printf ("%s/%s.png", g_getenv ("GREENREACH_ARTIFACTS"), name);
  GdkTexture *texture;

  node = snapshot_contents (paintable, w, h);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return texture;
}

typedef struct
{
  guint8 r, g, b;
} Pixel;

static Pixel
pixel_at (GdkTexture *texture, double x, double y)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc (4 * w * h);
  guint8 *p;

  gdk_texture_download (texture, data, 4 * w);
  g_assert_true (x >= 0 && y >= 0 && x < w && y < h);
  p = data + 4 * ((int) y * w + (int) x); /* BGRA, premultiplied, opaque here */
  return (Pixel){ p[2], p[1], p[0] };
}

/* A cell whose whole 5 × 5 neighbourhood has @kind and full homes. */
static gboolean
find_cell (GrAnalysis *analysis, GrCellKind kind, double *x, double *y)
{
  GrCoverage *coverage = gr_analysis_get_coverage (analysis);
  GrGrid *grid = gr_coverage_get_grid (coverage);
  guint8 states[4096], samples[4096];
  double x0, y0, res = gr_grid_get_resolution (grid);
  guint nx, ny;

  gr_grid_get_layout (grid, &x0, &y0, &nx, &ny);
  for (guint ty = 0; ty < ny; ty++)
    for (guint tx = 0; tx < nx; tx++)
      {
        if (!gr_coverage_get_tile (coverage, tx, ty, states, samples))
          continue;
        for (guint r = 2; r < 62; r++)
          for (guint c = 2; c < 62; c++)
            {
              gboolean all = TRUE;

              for (int dr = -2; dr <= 2 && all; dr++)
                for (int dc = -2; dc <= 2 && all; dc++)
                  {
                    guint i = (r + dr) * 64 + c + dc;
                    gboolean g = states[i] & 1, p = states[i] & 2;
                    GrCellKind k = g && p ? GR_CELL_BOTH : g ? GR_CELL_NO_PARK : p ? GR_CELL_NO_GREEN : GR_CELL_NEITHER;
                    all = samples[i] == 16 && k == kind;
                  }
              if (all)
                {
                  *x = x0 + (tx * 64 + c + 0.5) * res;
                  *y = y0 + (ty * 64 + r + 0.5) * res;
                  return TRUE;
                }
            }
      }
  return FALSE;
}

/* Where a point of the analysis CRS shows in the window: through a fresh
 * PROJ transformation, not the overlay's own, so a misplaced overlay fails. */
static void
window_point (double x, double y, double *wx, double *wy)
{
  GrProject *project = gr_session_get_project (gr_window_get_session (window));
  g_auto (OGRSpatialReferenceH) from = gr_srs_new_from_user (project->crs_wkt);
  g_auto (OGRSpatialReferenceH) to = gr_srs_new_from_user ("EPSG:4326");
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (from, to);
  GtkWidget *map = gr_window_get_map (window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  graphene_point_t in, out;
  double mx, my;

  g_assert_true (OCTTransform (ct, 1, &x, &y, NULL));
  shumate_viewport_location_to_widget_coords (viewport, map, y, x, &mx, &my);
  in = GRAPHENE_POINT_INIT (mx, my);
  g_assert_true (gtk_widget_compute_point (map, contents (), &in, &out));
  *wx = out.x;
  *wy = out.y;
}

static void
look_at (double x, double y, double zoom)
{
  GrProject *project = gr_session_get_project (gr_window_get_session (window));
  g_auto (OGRSpatialReferenceH) from = gr_srs_new_from_user (project->crs_wkt);
  g_auto (OGRSpatialReferenceH) to = gr_srs_new_from_user ("EPSG:4326");
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (from, to);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window)));

  g_assert_true (OCTTransform (ct, 1, &x, &y, NULL));
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), y, x);
  spin (800);
}

static Pixel
pixel_of_cell (const char *shot, double x, double y)
{
  g_autoptr (GdkTexture) texture = NULL;
  double wx, wy;

  look_at (x, y, 17);
  texture = render (shot);
  window_point (x, y, &wx, &wy);
  return pixel_at (texture, wx, wy);
}

static GtkLabel *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_blind_spot_color (Pixel p)
{
  /* Vermillion over the residential fill: red well above green and blue. */
  return p.r > 180 && p.r > p.g + 50 && p.r > p.b + 80;
}

static void
test_opens_sample (void)
{
  GrSession *session = gr_window_get_session (window);
  GrSummary s;

  g_assert_nonnull (session);
  g_assert_null (gr_window_get_error (window));
  gr_analysis_summarize (gr_session_get_analysis (session), -1, &s);
  g_assert_cmpfloat (s.residential.area_m2, >, 7e6);
  /* Andorra's seven parishes in the per-zone table. */
  g_assert_cmpuint (g_list_model_get_n_items (gr_window_get_zones (window)), ==, 7);
  g_object_unref (render ("sample-city"));
}

static void
test_blind_spot_pixels (void)
{
  GrAnalysis *analysis = gr_session_get_analysis (gr_window_get_session (window));
  double bx, by, cx, cy;
  Pixel blind, covered;

  g_assert_true (find_cell (analysis, GR_CELL_NEITHER, &bx, &by));
  g_assert_true (find_cell (analysis, GR_CELL_BOTH, &cx, &cy));
  blind = pixel_of_cell ("blind-spot", bx, by);
  covered = pixel_of_cell ("covered", cx, cy);
  g_test_message ("blind spot pixel %u,%u,%u; covered pixel %u,%u,%u",
                  blind.r, blind.g, blind.b, covered.r, covered.g, covered.b);
  g_assert_true (is_blind_spot_color (blind));
  g_assert_false (is_blind_spot_color (covered));
  g_assert_cmpint (covered.g, >, covered.r);
}

static void
test_hiding_a_layer (void)
{
  GrProject *project = gr_session_get_project (gr_window_get_session (window));
  GrFeature *park = NULL;
  OGREnvelope env;
  g_autoptr (GdkTexture) shown = NULL;
  g_autoptr (GdkTexture) hidden = NULL;
  double x, y, wx, wy;
  Pixel a, b;

  /* The largest park's centre, where only the park is drawn. */
  for (guint i = 0; i < project->layers[GR_ROLE_PARK]->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (project->layers[GR_ROLE_PARK]->features, i);
      if (park == NULL || OGR_G_Area (f->geometry) > OGR_G_Area (park->geometry))
        park = f;
    }
  {
    g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (park->geometry);
    OGR_G_GetEnvelope (inside, &env);
  }
  x = env.MinX, y = env.MinY;
  /* The layer panel lists the sample's layers, parks among them. */
  g_assert_cmpuint (g_list_model_get_n_items (gr_window_get_layers (window)), >=, 6);
  g_assert_nonnull (find_label (GTK_WIDGET (window), gr_role_get_label (GR_ROLE_PARK)));
  look_at (x, y, 16);
  shown = render ("park-shown");
  gr_window_set_role_visible (window, GR_ROLE_PARK, FALSE);
  gr_window_set_role_visible (window, GR_ROLE_GREEN, FALSE);
  spin (300);
  hidden = render ("park-hidden");
  gr_window_set_role_visible (window, GR_ROLE_PARK, TRUE);
  gr_window_set_role_visible (window, GR_ROLE_GREEN, TRUE);
  window_point (x, y, &wx, &wy);
  a = pixel_at (shown, wx, wy);
  b = pixel_at (hidden, wx, wy);
  g_test_message ("park pixel shown %u,%u,%u hidden %u,%u,%u", a.r, a.g, a.b, b.r, b.g, b.b);
  g_assert_cmpint (a.g, >, a.r + 20);
  g_assert_true (a.r != b.r || a.g != b.g || a.b != b.b);
}

static void
test_walking_changes_overlay (void)
{
  GrAnalysis *straight = gr_session_get_analysis (gr_window_get_session (window));
  GrSummary before, after;
  double x = 0, y = 0;
  gboolean found;
  Pixel p;

  gr_analysis_summarize (straight, -1, &before);
  gr_window_set_walking (window, TRUE);
  wait_idle ();
  gr_analysis_summarize (gr_session_get_analysis (gr_window_get_session (window)), -1, &after);
  g_assert_cmpfloat (after.neither.area_m2, >, before.neither.area_m2);
  /* A walking blind spot: straight-line coverage reached it, the paths do not. */
  found = find_cell (gr_session_get_analysis (gr_window_get_session (window)), GR_CELL_NEITHER, &x, &y);
  g_assert_true (found);
  p = pixel_of_cell ("walking-blind-spot", x, y);
  g_assert_true (is_blind_spot_color (p));
  gr_window_set_walking (window, FALSE);
  wait_idle ();
}

/* Under zh_CN the window shows the translations of po/zh_CN.po, and not
 * the English it would fall back to. */
static void
test_language (void)
{
  const char *lang = g_getenv ("LANGUAGE");
  gboolean chinese = lang != NULL && g_str_has_prefix (lang, "zh");
  const char *shown[] = { "覆盖情况", "居住用地", "300 米内有绿地", "直线距离" };
  const char *english[] = { "Coverage", "Residential land", "Green within 300 m", "Straight-line" };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_assert_true ((find_label (GTK_WIDGET (window), shown[i]) != NULL) == chinese);
      g_assert_true ((find_label (GTK_WIDGET (window), english[i]) != NULL) == !chinese);
    }
  g_object_unref (render (chinese ? "window-zh_CN" : "window-en"));
}

static void
test_bad_file_keeps_project (void)
{
  GrSession *before = gr_window_get_session (window);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad-input", "node-mbtiles_corrupt.mbtiles", NULL);
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "data", "bad-input", "JSONTestSuite_n",
                                                 "n_array_extra_comma.json", NULL);

  gr_window_open (window, bad);
  wait_idle ();
  g_assert_true (gr_window_get_session (window) == before);
  g_assert_nonnull (gr_window_get_error (window));
  g_assert_nonnull (strstr (gr_window_get_error (window), "node-mbtiles_corrupt.mbtiles"));
  gr_window_open (window, json);
  wait_idle ();
  g_assert_true (gr_window_get_session (window) == before);
  g_assert_nonnull (strstr (gr_window_get_error (window), "n_array_extra_comma.json"));
}

int
main (int argc, char **argv)
{
  g_autofree char *sample = NULL;

  gr_runtime_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = gr_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = gr_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sample = g_strdup (g_getenv ("GREENREACH_SAMPLE"));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  gr_window_open (window, sample);
  wait_idle ();
  g_test_add_func ("/gui/window/opens-sample", test_opens_sample);
  g_test_add_func ("/gui/window/blind-spot-pixels", test_blind_spot_pixels);
  g_test_add_func ("/gui/window/hiding-a-layer", test_hiding_a_layer);
  g_test_add_func ("/gui/window/walking-changes-overlay", test_walking_changes_overlay);
  g_test_add_func ("/gui/window/language", test_language);
  g_test_add_func ("/gui/window/bad-file-keeps-project", test_bad_file_keeps_project);
  return g_test_run ();
}
