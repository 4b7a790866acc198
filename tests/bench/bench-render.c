/* bench-render — frame time of the map window on the synthetic city
 * (200 km², all layers and the blind-spot overlay), at city extent and at
 * street level. Runs under Xvfb; prints one JSON object. Target (README,
 * Benchmarks): a frame < 16 ms.
 *
 * The synthetic city (SYNTHETIC DATA, tests/bench/gr-synthetic-city.c) is
 * set down in UTM zone 50N and saved as a project, which the window opens
 * as a planner would.
 */
#include "gr-synthetic-city.h"
#include "gr-runtime.h"
#include "gr-layer-cache.h"
#include "gr-window-private.h"

#include <cpl_conv.h>
#include <shumate/shumate.h>

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EASTING  440000.0
#define NORTHING 4420000.0

static OGRGeometryH
ogr_polygon (const GrPolygon *p)
{
  OGRGeometryH poly = OGR_G_CreateGeometry (wkbPolygon);
  OGRGeometryH ring = OGR_G_CreateGeometry (wkbLinearRing);

  for (guint i = 0; i <= p->n_points; i++)
    OGR_G_AddPoint_2D (ring, p->xy[2 * (i % p->n_points)] + EASTING,
                       p->xy[2 * (i % p->n_points) + 1] + NORTHING);
  OGR_G_AddGeometryDirectly (poly, ring);
  return OGR_G_ForceToMultiPolygon (poly);
}

static void
add_areas (GrProject *project, GrRole role, GPtrArray *polygons)
{
  GrLayer *layer = gr_project_ensure_layer (project, role);

  layer->sources = g_strdup ("synthetic");
  for (guint i = 0; i < polygons->len; i++)
    g_ptr_array_add (layer->features,
                     gr_feature_new (ogr_polygon (g_ptr_array_index (polygons, i))));
}

static void
add_paths (GrProject *project, GPtrArray *paths)
{
  GrLayer *layer = gr_project_ensure_layer (project, GR_ROLE_WALK);

  layer->sources = g_strdup ("synthetic");
  for (guint i = 0; i < paths->len; i++)
    {
      GArray      *xy = g_ptr_array_index (paths, i);
      OGRGeometryH line = OGR_G_CreateGeometry (wkbLineString);

      for (guint k = 0; k < xy->len / 2; k++)
        OGR_G_AddPoint_2D (line, g_array_index (xy, double, 2 * k) + EASTING,
                           g_array_index (xy, double, 2 * k + 1) + NORTHING);
      g_ptr_array_add (layer->features, gr_feature_new (OGR_G_ForceToMultiLineString (line)));
    }
}

static char *
write_city (const GrCityPlan *plan)
{
  g_autoptr (GrSyntheticCity) city = gr_synthetic_city_new (plan);
  g_autoptr (GrProject) project = gr_project_new ();
  g_auto (OGRSpatialReferenceH) srs = gr_srs_new_from_user ("EPSG:32650");
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "greenreach-bench-city.gpkg", NULL);
  char *wkt = NULL;

  OSRExportToWkt (srs, &wkt);
  project->crs_wkt = g_strdup (wkt);
  CPLFree (wkt);
  project->crs_name = g_strdup (OSRGetName (srs));
  project->epsg = 32650;
  add_areas (project, GR_ROLE_RESIDENTIAL, city->residential);
  add_areas (project, GR_ROLE_PARK, city->parks);
  add_areas (project, GR_ROLE_GREEN, city->greens);
  add_paths (project, city->paths);
  g_unlink (path);
  if (!gr_project_save (project, path, &error))
    g_error ("%s", error->message);
  return path;
}

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

typedef struct
{
  double   start;
  double   end;
  gboolean painted;
  GArray  *works; /* each frame's own work, ms; NULL: not kept */
} FrameTimes;

static void
on_before_paint (GdkFrameClock *clock, FrameTimes *t)
{
  t->start = now ();
}

static void
on_after_paint (GdkFrameClock *clock, FrameTimes *t)
{
  t->end = now ();
  t->painted = TRUE;
}

/* One full redraw of the window: the frame's own work, from the frame
 * clock's before-paint to after-paint (layout, snapshot, render) after the
 * view moved, not the wait for the next display refresh. */
static double
frame (GrWindow *window, double lat, double lon, double zoom)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  FrameTimes     t = { 0, 0, FALSE };
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &t);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &t);

  /* Panning, as a drag does, or zooming: every layer is asked to draw. */
  shumate_viewport_set_zoom_level (
      shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window))), zoom);
  shumate_location_set_location (
      SHUMATE_LOCATION (shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window)))), lat,
      lon);
  while (!t.painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  return (t.end - t.start) * 1000;
}

/* How long this process has run: the kernel's start time (in clock ticks,
 * so to 10 ms) against the time since boot. The dynamic loader's work
 * before main() is in it. */
static double
process_age (void)
{
  g_autofree char   *stat = NULL;
  const char        *after;
  struct timespec    boot;
  unsigned long long start = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (after = strrchr (stat, ')')) == NULL
      || sscanf (after + 2,
                 "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d "
                 "%*d %*d %llu",
                 &start)
             != 1)
    return NAN;
  clock_gettime (CLOCK_BOOTTIME, &boot);
  return boot.tv_sec + boot.tv_nsec * 1e-9 - (double) start / sysconf (_SC_CLK_TCK);
}

static void
watch_paints (GtkWidget *widget, FrameTimes *t)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint),
                    t);
}

/* Waits for the frame that shows what @window holds once it is idle. */
static void
paint_when_idle (GrWindow *window, FrameTimes *t)
{
  while (gr_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  t->painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!t->painted)
    g_main_context_iteration (NULL, TRUE);
}

/* A window opening @path as the application does, timed from @since to
 * its first painted frame and to the frame with the project drawn and
 * analysed (seconds). */
static void
open_timed (GrApplication *app, const char *path, double since, double *first, double *shown)
{
  GrWindow  *window = gr_window_new (app);
  FrameTimes t = { 0, 0, FALSE };

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (watch_paints), &t);
  gr_window_open (window, path);
  gtk_window_present (GTK_WINDOW (window));
  while (!t.painted)
    g_main_context_iteration (NULL, TRUE);
  if (first != NULL)
    *first = t.end - since;
  paint_when_idle (window, &t);
  if (gr_window_get_session (window) == NULL)
    g_error ("%s did not open: %s", path, gr_window_get_error (window));
  *shown = t.end - since;
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)), &t);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
print_samples (const char *name, double zoom, double *samples, guint n, gboolean last)
{
  qsort (samples, n, sizeof (double), compare_double);
  printf ("  \"%s\": {\"zoom\": %g, \"median_ms\": %.2f, \"p90_ms\": %.2f, \"max_ms\": %.2f}%s\n",
          name, zoom, samples[n / 2], samples[n * 9 / 10], samples[n - 1], last ? "" : ",");
}

/* Panning a few pixels a frame (the drawings are reused and moved);
 * zooming a twentieth of a level a frame, as a scroll or pinch does (the
 * drawings are stretched); and the fresh drawing of everything that follows
 * once a zoom rests (timed with the stand-ins off, every frame drawn). */
static void
on_frame_painted (GdkFrameClock *clock, FrameTimes *t)
{
  on_after_paint (clock, t);
  g_array_append_val (t->works, (double){ (t->end - t->start) * 1000 });
}

/* A zoom that rests, as the window does it: every frame's own work from
 * the zoom until the layers are drawn afresh for it (the project's layers
 * on another thread while the stretched drawing stays up), and the time
 * from the zoom to the frame showing them sharp (the 120 ms the zoom must
 * rest included). */
static void
measure_settle (GrWindow *window, const char *name, double zoom, gboolean last)
{
  GdkFrameClock   *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autofree char *frames_name = g_strconcat (name, "_settle_frames", NULL);
  g_autofree char *sharp_name = g_strconcat (name, "_settled_sharp", NULL);
  FrameTimes       t = { 0, 0, FALSE, g_array_new (FALSE, FALSE, sizeof (double)) };
  gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &t);
  gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_painted), &t);
  double sharp[8];

  for (guint i = 0; i < G_N_ELEMENTS (sharp); i++)
    {
      double start = now ();

      t.painted = FALSE;
      shumate_viewport_set_zoom_level (
          shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window))),
          zoom + 0.25 * (i % 2 + 1));
      while (!t.painted)
        g_main_context_iteration (NULL, TRUE);
      while (gr_layer_cache_is_settling ())
        g_main_context_iteration (NULL, TRUE);
      /* The frame the sharp drawing was taken up for. */
      t.painted = FALSE;
      while (!t.painted)
        g_main_context_iteration (NULL, TRUE);
      sharp[i] = (t.end - start) * 1000;
    }
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  print_samples (frames_name, zoom, (double *) t.works->data, t.works->len, FALSE);
  print_samples (sharp_name, zoom, sharp, G_N_ELEMENTS (sharp), last);
  g_array_unref (t.works);
}

static void
measure (GrWindow *window, const char *name, double zoom, gboolean last)
{
  GrDisplay       *display = gr_session_get_display (gr_window_get_session (window));
  g_autofree char *zoom_name = g_strconcat (name, "_zooming", NULL);
  g_autofree char *redraw_name = g_strconcat (name, "_redraw_after_zoom", NULL);
  double           lon, lat, pan[40], zooming[20], redraw[12];

  gr_display_to_lonlat (display, EASTING + 7000, NORTHING + 7000, &lon, &lat);
  for (guint i = 0; i < 5; i++)
    frame (window, lat, lon + 1e-7 * (i + 1) * pow (2, 18 - zoom), zoom);
  for (guint i = 0; i < G_N_ELEMENTS (pan); i++)
    pan[i] = frame (window, lat + 1e-7 * (i + 1) * pow (2, 18 - zoom), lon, zoom);
  for (guint i = 0; i < G_N_ELEMENTS (zooming); i++)
    zooming[i] = frame (window, lat, lon, zoom + 0.05 * (i + 1));
  gr_layer_cache_set_stand_ins (FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (redraw); i++)
    redraw[i] = frame (window, lat, lon, zoom + 0.25 * (i % 2 + 1));
  gr_layer_cache_set_stand_ins (TRUE);
  print_samples (name, zoom, pan, G_N_ELEMENTS (pan), FALSE);
  print_samples (zoom_name, zoom, zooming, G_N_ELEMENTS (zooming), FALSE);
  print_samples (redraw_name, zoom, redraw, G_N_ELEMENTS (redraw), FALSE);
  measure_settle (window, name, zoom, last);
}

/* Dragging a park: from the pointer's move (the window told where the
 * park now is) to the frame that shows the new coverage and figures. */
static void
measure_drag (GrWindow *window, const char *name, gboolean walking)
{
  GrProject       *project = gr_session_get_project (gr_window_get_session (window));
  GrDisplay       *display = gr_session_get_display (gr_window_get_session (window));
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window)));
  GdkFrameClock   *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  GrFeature       *park = g_ptr_array_index (project->layers[GR_ROLE_PARK]->features,
                                             project->layers[GR_ROLE_PARK]->features->len / 2);
  g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (park->geometry);
  double x = OGR_G_GetX (inside, 0), y = OGR_G_GetY (inside, 0), lon, lat, samples[30], work[30];
  g_autofree char *work_name = g_strconcat (name, "_frame_work", NULL);

  gr_display_to_lonlat (display, x, y, &lon, &lat);
  shumate_viewport_set_zoom_level (viewport, 16);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  for (guint i = 0; i < 5; i++)
    frame (window, lat, lon, 16);
  /* A baseline park: unlocked, under the move tool. */
  g_object_set (window, "edit-baseline", TRUE, "tool", "move", NULL);
  if (!gr_window_drag_begin (window, x, y))
    g_error ("no park to drag at %.1f, %.1f", x, y);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      FrameTimes t = { 0, 0, FALSE };
      gulong before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &t);
      gulong after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &t);
      double start = now ();

      gr_window_drag_to (window, x + 10.0 * (i + 1), y + 5.0 * (i + 1));
      gtk_widget_queue_draw (GTK_WIDGET (window));
      while (!t.painted)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, before);
      g_signal_handler_disconnect (clock, after);
      /* From the move to the frame shown, waiting for the display's
       * refresh included; and the frame's own work. */
      samples[i] = (t.end - start) * 1000;
      work[i] = (t.end - t.start) * 1000;
    }
  gr_window_drag_end (window);
  print_samples (name, 16, samples, G_N_ELEMENTS (samples), FALSE);
  print_samples (work_name, 16, work, G_N_ELEMENTS (work), walking);
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *saved_path = NULL;
  g_autoptr (GrApplication) app = NULL;
  GrWindow    *window;
  double       t0, main_start = now (), age = process_age ();
  double       first_frame, sample_shown, sample_imported, saved_shown;
  GrCityPlan   plan = { 200, 1e6, 42 };
  GOptionEntry entries[] = {
    { "area", 0, 0, G_OPTION_ARG_DOUBLE, &plan.area_km2, "City area, km²", "KM2" },
    { "residents", 0, 0, G_OPTION_ARG_DOUBLE, &plan.residents, "Residents", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL))
    return 2;
  gr_runtime_init_i18n ();
  gtk_init ();
  adw_init ();
  gr_gdal_init ();
  app = gr_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  /* Start-up as the application's own: the bundled sample, from the
   * process's start to its first frame and to the sample shown. */
  {
    g_autofree char *sample = gr_runtime_data_path ("sample/andorra.osm.pbf");
    g_autofree char *prepared = g_strdup (g_getenv ("GREENREACH_PREPARED_DIR"));

    open_timed (app, sample, main_start - age, &first_frame, &sample_shown);
    /* The same, imported as any other extract is: without the import the
     * build made of it (gr-prepared-import.c). */
    g_setenv ("GREENREACH_PREPARED_DIR", "/nonexistent", TRUE);
    t0 = now ();
    open_timed (app, sample, t0, NULL, &sample_imported);
    if (prepared != NULL)
      g_setenv ("GREENREACH_PREPARED_DIR", prepared, TRUE);
    else
      g_unsetenv ("GREENREACH_PREPARED_DIR");
  }
  path = write_city (&plan);
  window = gr_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  t0 = now ();
  gr_window_open (window, path);
  while (gr_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  if (gr_window_get_session (window) == NULL)
    g_error ("the synthetic city did not open: %s", gr_window_get_error (window));
  printf ("{\n  \"city\": {\"synthetic\": true, \"area_km2\": %g, \"residents\": %g},\n"
          "  \"startup_first_frame_ms\": %.0f,\n  \"startup_sample_shown_ms\": %.0f,\n"
          "  \"open_sample_imported_ms\": %.0f,\n  \"open_and_analyse_s\": %.2f,\n",
          plan.area_km2, plan.residents, first_frame * 1000, sample_shown * 1000,
          sample_imported * 1000, now () - t0);
  measure (window, "city_extent", 11, FALSE);
  measure (window, "district", 14, FALSE);
  measure (window, "street_level", 17, FALSE);
  /* Dragging needs a project file for its edits. */
  {
    g_autofree char *saved =
        g_build_filename (g_get_tmp_dir (), "greenreach-bench-render.gpkg", NULL);
    g_autoptr (GError) error = NULL;

    /* The window says why in a dialog when it saved the file but could
     * not read its scenarios back. */
    if (!gr_window_save_as (window, saved, &error))
      g_error ("the synthetic city was not saved to %s: %s", saved,
               error != NULL ? error->message : gr_window_get_error (window));
    measure_drag (window, "drag_park_straight", FALSE);
    gr_window_set_walking (window, TRUE);
    while (gr_window_get_busy (window) || g_main_context_pending (NULL))
      g_main_context_iteration (NULL, TRUE);
    while (gr_window_get_busy (window))
      g_main_context_iteration (NULL, TRUE);
    measure_drag (window, "drag_park_walking", FALSE);
    /* Straight-line and walking again: the other mode's results are kept,
     * so a second switch starts no analysis (target: under 100 ms). */
    {
      double to_straight, to_walking, start = now ();

      gr_window_set_walking (window, FALSE);
      to_straight = (now () - start) * 1000;
      if (gr_window_get_busy (window))
        g_error ("switching back to straight-line distances started an analysis");
      start = now ();
      gr_window_set_walking (window, TRUE);
      to_walking = (now () - start) * 1000;
      if (gr_window_get_busy (window))
        g_error ("switching back to walking distances started an analysis");
      printf ("  \"mode_switch_kept\": {\"to_straight_ms\": %.1f, \"to_walking_ms\": %.1f},\n",
              to_straight, to_walking);
    }
    saved_path = g_steal_pointer (&saved);
  }
  /* The window closes the saved project before it goes, and SQLite the
   * files beside it. Straight-line distances, as the city was opened. */
  gr_window_set_walking (window, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  /* The saved project, with its scenario, opened in a new window: to the
   * frame with it drawn and analysed. */
  t0 = now ();
  open_timed (app, saved_path, t0, NULL, &saved_shown);
  printf ("  \"open_saved_project_s\": %.2f\n}\n", saved_shown);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file =
          g_strconcat (saved_path, (const char *[]){ "", "-wal", "-shm" }[i], NULL);

      g_unlink (file);
    }
  g_unlink (path);
  return 0;
}
