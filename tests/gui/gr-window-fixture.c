/* gr-window-fixture.c — what the window tests share: a window of its own
 * per test on the sample city, the main loop, screenshots and pixels */
#include "gr-window-fixture.h"

#include "gr-layer-cache.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <math.h>

GrApplication *app;

void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

void
wait_idle (GrWindow *window)
{
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + 300 * G_USEC_PER_SEC;

  spin (50);
  while (gr_window_get_busy (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  /* What it was still busy with, should it never end. */
  if (gr_window_get_busy (window))
    g_test_message ("still busy after %.0f s: %s", (g_get_monotonic_time () - start) / 1e6,
                    gtk_progress_bar_get_text (window->progress));
  g_assert_false (gr_window_get_busy (window));
  spin (300);
}

void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->window = g_object_ref (gr_window_new (app));
  f->dir = g_dir_make_tmp ("greenreach-window-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  gr_window_open (f->window, g_getenv ("GREENREACH_SAMPLE"));
  wait_idle (f->window);
}

void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Closed, the window must go: whatever still holds it once the main
 * loop has let go of it is a leak. The files go after the window, which
 * may have one of them open. */
void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  wait_idle (f->window);
  /* Hidden first, and long enough for a tooltip GTK may have scheduled
   * under the pointer to come due while the window's surface still
   * exists (it asks the surface for the pointer when it fires). */
  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  spin (700);
  gtk_window_close (GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_atomic_int_get (&G_OBJECT (f->window)->ref_count) > 1 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (g_steal_pointer (&f->window));
  remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static void
on_after_paint (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* Waits until the toplevel of @widget (the window, or a dialog with a
 * frame clock of its own) has painted a frame since now. */
static void
wait_for_native_frame (GtkWidget *widget)
{
  GtkWidget     *native = GTK_WIDGET (gtk_widget_get_native (widget));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (native);
  gboolean       painted = FALSE;
  gint64         end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gulong         id;

  g_assert_nonnull (clock); /* shown */
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (native);
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}

/* Waits until the window has painted a frame since now, with the map's
 * layers drawn for where it rests (a zoom is shown stretched until then). */
void
wait_for_frame (GrWindow *window)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gr_layer_cache_is_settling () && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_false (gr_layer_cache_is_settling ());
  wait_for_native_frame (GTK_WIDGET (window));
}

/* What is rendered and measured: the whole window. */
GtkWidget *
contents (GrWindow *window)
{
  return GTK_WIDGET (window);
}

/* A widget paintable holds the image of the widget's last drawn frame, so
 * frames are let through until it has one. */
GskRenderNode *
snapshot_contents (GrWindow *window, GdkPaintable *paintable, int w, int h)
{
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      GtkSnapshot   *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      wait_for_frame (window);
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      if ((node = gtk_snapshot_free_to_node (snapshot)) != NULL)
        return node;
    }
  return NULL;
}

/* @widget as painted (the window's contents, or a dialog of it), saved as
 * NAME.png among the artifacts. */
GdkTexture *
render_widget (GrWindow *window, GtkWidget *widget, const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer     *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autofree char *path = g_strdup_printf ("%s/%s.png", g_getenv ("GREENREACH_ARTIFACTS"), name);
  gint64           end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GdkTexture      *texture;
  int              w, h;

  /* A dialog just presented is laid out at its first frame. */
  while (gtk_widget_get_width (widget) == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  /* A dialog's paintable shows what the dialog last painted: let it paint
   * what it holds now (a preview just rebuilt, say). */
  if (gtk_widget_get_native (widget) != gtk_widget_get_native (GTK_WIDGET (window)))
    wait_for_native_frame (widget);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  node = snapshot_contents (window, paintable, w, h);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return texture;
}

GdkTexture *
render (GrWindow *window, const char *name)
{
  return render_widget (window, contents (window), name);
}

Pixel
pixel_at (GdkTexture *texture, double x, double y)
{
  int                w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc (4 * w * h);
  guint8            *p;

  gdk_texture_download (texture, data, 4 * w);
  g_assert_true (x >= 0 && y >= 0 && x < w && y < h);
  p = data + 4 * ((int) y * w + (int) x); /* BGRA, premultiplied, opaque here */
  return (Pixel){ p[2], p[1], p[0] };
}

/* A cell whose whole 5 × 5 neighbourhood has @kind and full homes. */
gboolean
find_cell (GrAnalysis *analysis, GrCellKind kind, double *x, double *y)
{
  GrCoverage *coverage = gr_analysis_get_coverage (analysis);
  GrGrid     *grid = gr_coverage_get_grid (coverage);
  guint8      states[4096], samples[4096];
  double      x0, y0, res = gr_grid_get_resolution (grid);
  guint       nx, ny;

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
                    guint      i = (r + dr) * 64 + c + dc;
                    gboolean   g = states[i] & 1, p = states[i] & 2;
                    GrCellKind k = g && p ? GR_CELL_BOTH
                                   : g    ? GR_CELL_NO_PARK
                                   : p    ? GR_CELL_NO_GREEN
                                          : GR_CELL_NEITHER;
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
void
window_point (GrWindow *window, double x, double y, double *wx, double *wy)
{
  GrProject *project = gr_session_get_project (gr_window_get_session (window));
  g_auto (OGRSpatialReferenceH) from = gr_srs_new_from_user (project->crs_wkt);
  g_auto (OGRSpatialReferenceH) to = gr_srs_new_from_user ("EPSG:4326");
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (from, to);
  GtkWidget       *map = gr_window_get_map (window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  graphene_point_t in, out;
  double           mx, my;

  g_assert_true (OCTTransform (ct, 1, &x, &y, NULL));
  shumate_viewport_location_to_widget_coords (viewport, map, y, x, &mx, &my);
  in = GRAPHENE_POINT_INIT (mx, my);
  g_assert_true (gtk_widget_compute_point (map, contents (window), &in, &out));
  *wx = out.x;
  *wy = out.y;
}

void
look_at (GrWindow *window, double x, double y, double zoom)
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

Pixel
pixel_of_cell (GrWindow *window, const char *shot, double x, double y)
{
  g_autoptr (GdkTexture) texture = NULL;
  double wx, wy;

  look_at (window, x, y, 17);
  texture = render (window, shot);
  window_point (window, x, y, &wx, &wy);
  return pixel_at (texture, wx, wy);
}

GtkLabel *
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

guint
count_labels (GtkWidget *widget, const char *text)
{
  guint n = GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

gboolean
is_blind_spot_color (Pixel p)
{
  /* Dark vermillion over the residential fill (≈ 183,78,11): red well
   * above green and blue; the orange of "no park" (≈ 233,183,70) is not. */
  return p.r > 160 && p.r > p.g + 80 && p.r > p.b + 80;
}

/* ---- real pointer and keys: xdotool on the window's X11 window ---- */

/* Runs xdotool with @args (NULL-terminated), then lets the window handle
 * the events it sent. */
static void
xdotool (const char *const *args)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) argv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_strv_builder_add (builder, "xdotool");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool failed: %s", err);
}

/* Where a point of @widget is on the screen. Without a window manager
 * the window's X11 window is where GTK put it; xdotool is told the
 * window and the point within it. */
static void
screen_point (GtkWidget *widget, double x, double y, char **window, char **sx, char **sy)
{
  GtkNative       *native = gtk_widget_get_native (widget);
  graphene_point_t out;
  double           dx, dy;

  g_assert_true (
      gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &out));
  gtk_native_get_surface_transform (native, &dx, &dy);
  *window =
      g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  *sx = g_strdup_printf ("%d", (int) round (out.x + dx));
  *sy = g_strdup_printf ("%d", (int) round (out.y + dy));
}

void
pointer_move (GtkWidget *widget, double x, double y)
{
  g_autofree char *window = NULL;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;

  screen_point (widget, x, y, &window, &sx, &sy);
  xdotool ((const char *[]){ "mousemove", "--window", window, sx, sy, NULL });
  spin (50);
}

/* @n clicks of the first button at (@x, @y) of @widget, 80 ms apart (a
 * double click for 2). */
void
pointer_click (GtkWidget *widget, double x, double y, guint n)
{
  g_autofree char *repeat = g_strdup_printf ("%u", n);

  pointer_move (widget, x, y);
  xdotool ((const char *[]){ "click", "--repeat", repeat, "--delay", "80", "1", NULL });
  spin (300);
}

/* A press at (@x, @y) of @widget, the pointer moved by (@dx, @dy) in
 * @steps, a release. */
void
pointer_drag (GtkWidget *widget, double x, double y, double dx, double dy, guint steps)
{
  pointer_move (widget, x, y);
  xdotool ((const char *[]){ "mousedown", "1", NULL });
  spin (50);
  for (guint i = 1; i <= steps; i++)
    pointer_move (widget, x + dx * i / steps, y + dy * i / steps);
  xdotool ((const char *[]){ "mouseup", "1", NULL });
  spin (300);
}

/* A click of button @button where the pointer is: 4 and 5 are the
 * wheel's notches up and down. */
void
xdotool_button (guint button)
{
  g_autofree char *name = g_strdup_printf ("%u", button);

  xdotool ((const char *[]){ "click", name, NULL });
}

/* A key as xdotool names it ("Escape", "Return", "m"), to the window
 * that has the focus. */
void
key_press (const char *key)
{
  xdotool ((const char *[]){ "key", key, NULL });
  spin (200);
}

/* Where a point of the analysis CRS lies on the map widget. */
void
map_point (GrWindow *window, double x, double y, double *mx, double *my)
{
  GrDisplay       *display = gr_session_get_display (gr_window_get_session (window));
  GtkWidget       *map = gr_window_get_map (window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  double           lon, lat;

  g_assert_true (gr_display_to_lonlat (display, x, y, &lon, &lat));
  shumate_viewport_location_to_widget_coords (viewport, map, lat, lon, mx, my);
}

/* The largest feature of @role and a point inside it. */
GrFeature *
largest_feature (GrWindow *window, GrRole role, double *x, double *y)
{
  GrProject  *project = gr_session_get_project (gr_window_get_session (window));
  GrFeature  *largest = NULL;
  OGREnvelope env;

  for (guint i = 0; i < project->layers[role]->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (project->layers[role]->features, i);
      if (largest == NULL || OGR_G_Area (f->geometry) > OGR_G_Area (largest->geometry))
        largest = f;
    }
  g_assert_nonnull (largest);
  {
    g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (largest->geometry);
    OGR_G_GetEnvelope (inside, &env);
  }
  *x = env.MinX, *y = env.MinY;
  return largest;
}

/* Pixels of the map area near @rgb (each channel within @tolerance). */
guint
count_map_pixels (GdkTexture *texture, GrWindow *window, Pixel rgb, int tolerance)
{
  int                w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc (4 * w * h);
  GtkWidget         *map = gr_window_get_map (window);
  graphene_rect_t    area;
  guint              n = 0;

  g_assert_true (gtk_widget_compute_bounds (map, contents (window), &area));
  gdk_texture_download (texture, data, 4 * w);
  for (int y = MAX ((int) area.origin.y, 0); y < MIN ((int) (area.origin.y + area.size.height), h);
       y++)
    for (int x = MAX ((int) area.origin.x, 0); x < MIN ((int) (area.origin.x + area.size.width), w);
         x++)
      {
        const guint8 *p = data + 4 * (y * w + x);

        n += abs (p[2] - rgb.r) <= tolerance && abs (p[1] - rgb.g) <= tolerance
             && abs (p[0] - rgb.b) <= tolerance;
      }
  return n;
}
