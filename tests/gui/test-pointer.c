/* test-pointer.c — the map window driven as a planner drives it: real
 * pointer and key events sent to the window under Xvfb with xdotool, the
 * result checked in the history, the selection and the pixels */
#include "gr-edit-item.h"
#include "gr-window-fixture.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* The sample saved as a project of the test's folder, with an empty
 * scenario "A" shown. */
static GrScenario *
saved_with_scenario (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "sample.gpkg", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (gr_window_save_as (f->window, path, &error));
  g_assert_no_error (error);
  g_assert_true (gr_window_new_scenario (f->window, "A", NULL, &error));
  g_assert_no_error (error);
  wait_idle (f->window);
  return gr_window_get_scenario (f->window);
}

static void
map_centre (GrWindow *window, double *lat, double *lon)
{
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window)));

  *lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  *lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
}

static double
map_zoom (GrWindow *window)
{
  return shumate_viewport_get_zoom_level (
      shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window))));
}

static const char *
tool (GrWindow *window)
{
  static char      name[16];
  g_autofree char *value = NULL;

  g_object_get (window, "tool", &value, NULL);
  g_strlcpy (name, value, sizeof name);
  return name;
}

/* A drag that starts on a park or a green space pans the map with the pan
 * tool, and with the move tool while the baseline is locked: no edit. */
static void
test_pan_never_edits (Fixture *f, gconstpointer data)
{
  GrWindow   *window = f->window;
  GtkWidget  *map = gr_window_get_map (window);
  GrScenario *scenario = saved_with_scenario (f);
  double      x, y, mx, my, lat0, lon0, lat1, lon1;

  largest_feature (window, GR_ROLE_GREEN, &x, &y);
  look_at (window, x, y, 15);
  g_assert_cmpstr (tool (window), ==, "pan");
  map_point (window, x, y, &mx, &my);
  map_centre (window, &lat0, &lon0);
  pointer_drag (map, mx, my, 100, 0, 10);
  map_centre (window, &lat1, &lon1);
  g_test_message ("pan: %.5f, %.5f → %.5f, %.5f", lat0, lon0, lat1, lon1);
  /* Dragged right, the map shows what lies further west. */
  g_assert_cmpfloat (lon1, <, lon0 - 1e-4);
  g_assert_cmpuint (scenario->edits->len, ==, 0);
  g_object_unref (render (window, "pointer-pan"));

  /* The move tool (its key), on a locked baseline forest: the map pans. */
  look_at (window, x, y, 15);
  map_point (window, x, y, &mx, &my);
  pointer_move (map, mx, my);
  key_press ("m");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
      g_test_message ("focus %s %s", G_OBJECT_TYPE_NAME (w), gtk_widget_get_name (w));
  }
  g_assert_cmpstr (tool (window), ==, "move");
  map_centre (window, &lat0, &lon0);
  pointer_drag (map, mx, my, 100, 0, 10);
  map_centre (window, &lat1, &lon1);
  g_assert_cmpfloat (lon1, <, lon0 - 1e-4);
  g_assert_cmpuint (scenario->edits->len, ==, 0);
}

/* With the move tool a candidate park follows the pointer: one Move edit;
 * a click on it that does not move edits nothing. */
static void
test_move_tool_moves (Fixture *f, gconstpointer data)
{
  GrWindow    *window = f->window;
  GtkWidget   *map = gr_window_get_map (window);
  GrScenario  *scenario = saved_with_scenario (f);
  GrProject   *project = gr_session_get_project (gr_window_get_session (window));
  GrFeatureKey key = { GR_ROLE_PARK, project->layers[GR_ROLE_PARK]->features->len };
  double       x, y, mx, my, lat0, lon0, lat1, lon1, cx0, cx1;
  OGREnvelope  env;

  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  look_at (window, x, y, 17);
  map_point (window, x, y, &mx, &my);
  /* The add tool, from its key: a click drops a pocket park there. */
  pointer_move (map, mx, my);
  key_press ("a");
  g_assert_cmpstr (tool (window), ==, "add");
  pointer_click (map, mx, my, 1);
  wait_idle (window);
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  /* After adding, the move tool, the new park selected. */
  g_assert_cmpstr (tool (window), ==, "move");
  /* The pointer over it: the status bar counts the candidate, and, as it
   * is under the 1 ha the 500 m rule wants, names the nearest park that
   * is not, as the map's colours count them. */
  {
    double area = OGR_G_Area (gr_scenario_get_geometry (scenario, project, key));
    double counted = gr_session_nearest_of_size (gr_window_get_session (window), GR_ROLE_PARK, x, y,
                                                 10000, NULL);
    g_autofree char *ha = g_strdup_printf (_ ("%s ha"), "1");
    g_autofree char *expected =
        g_strdup_printf (_ ("nearest green space %.0f m, park %.0f m, one of %s or more %.0f m "
                            "(straight line)"),
                         0.0, 0.0, ha, counted);
    const char *status = gr_window_hover_at (window, x, y);

    g_assert_cmpfloat (area, <, 10000);
    g_assert_cmpfloat (counted, >, 0);

    g_test_message ("status: %s", status);
    g_assert_nonnull (strstr (status, expected));
  }
  OGR_G_GetEnvelope (gr_scenario_get_geometry (scenario, project, key), &env);
  cx0 = (env.MinX + env.MaxX) / 2;

  /* A click on it without moving: nothing recorded. */
  pointer_click (map, mx, my, 1);
  g_assert_cmpuint (scenario->edits->len, ==, 1);

  map_centre (window, &lat0, &lon0);
  pointer_drag (map, mx, my, 120, 0, 12);
  wait_idle (window);
  map_centre (window, &lat1, &lon1);
  g_assert_cmpuint (scenario->edits->len, ==, 2);
  g_assert_cmpint (((GrEdit *) g_ptr_array_index (scenario->edits, 1))->kind, ==, GR_EDIT_MOVE);
  /* The map stayed; the park went east by about the 120 pixels. */
  g_assert_cmpfloat_with_epsilon (lon1, lon0, 1e-9);
  OGR_G_GetEnvelope (gr_scenario_get_geometry (scenario, project, key), &env);
  cx1 = (env.MinX + env.MaxX) / 2;
  {
    double metres_per_pixel = 156543.03392 * cos (lat0 * G_PI / 180) / pow (2, map_zoom (window));

    g_test_message ("moved %.1f m (%.1f px)", cx1 - cx0, (cx1 - cx0) / metres_per_pixel);
    g_assert_cmpfloat (fabs ((cx1 - cx0) / metres_per_pixel - 120), <, 6);
  }
  {
    GrEditItem *item =
        g_list_model_get_item (gr_history_panel_get_model (gr_window_get_history (window)), 1);
    g_autofree char *name = g_strdup_printf (_ ("Pocket park %u"), 1);

    /* "Move park “Pocket park 1”": the row names the feature. */
    g_test_message ("history: %s", gr_edit_item_get_text (item));
    g_assert_nonnull (strstr (gr_edit_item_get_text (item), name));
    g_object_unref (item);
  }
  g_object_unref (render (window, "pointer-moved"));
}

/* A named park, and a point inside it. */
static GrFeature *
named_park (GrWindow *window, double *x, double *y)
{
  GrProject *project = gr_session_get_project (gr_window_get_session (window));

  for (guint i = 0; i < project->layers[GR_ROLE_PARK]->features->len; i++)
    {
      GrFeature *p = g_ptr_array_index (project->layers[GR_ROLE_PARK]->features, i);

      if (p->name != NULL && OGR_G_Area (p->geometry) > 5000)
        {
          g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (p->geometry);
          *x = OGR_G_GetX (inside, 0), *y = OGR_G_GetY (inside, 0);
          return p;
        }
    }
  g_assert_not_reached ();
}

/* A click on a park identifies it (its name in a popover, the homes it
 * serves outlined); Esc clears both. */
static void
test_click_identifies (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GtkWidget       *map = gr_window_get_map (window);
  GrCoverageLayer *coverage = gr_window_get_coverage_layer (window);
  double           x, y, mx, my;
  GrFeature       *park = named_park (window, &x, &y);

  look_at (window, x, y, 16);
  map_point (window, x, y, &mx, &my);
  pointer_click (map, mx, my, 1);
  g_assert_nonnull (window->identify);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->identify)));
  g_test_message ("%s", gr_window_get_selection_text (window));
  g_assert_nonnull (strstr (gr_window_get_selection_text (window), park->name));
  g_assert_cmpuint (gr_coverage_layer_get_n_served_edges (coverage), >, 0);
  g_assert_true (window->has_selection);
  g_object_unref (render (window, "pointer-identify"));

  key_press ("Escape");
  g_assert_true (window->identify == NULL
                 || !gtk_widget_get_visible (GTK_WIDGET (window->identify)));
  g_assert_false (window->has_selection);
  g_assert_cmpuint (gr_coverage_layer_get_n_served_edges (coverage), ==, 0);
  g_assert_cmpstr (tool (window), ==, "pan");
}

/* The tool button whose action target is @name. */
static GtkWidget *
tool_button (GtkWidget *widget, const char *name)
{
  if (GTK_IS_TOGGLE_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.tool") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), name) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tool_button (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The pencil button clicked, corners clicked, Enter: a park, selected,
 * whatever has the focus. A drawing closed with a double click does not
 * zoom the map. */
static void
test_draw_with_enter (Fixture *f, gconstpointer data)
{
  GrWindow    *window = f->window;
  GtkWidget   *map = gr_window_get_map (window);
  GrScenario  *scenario = saved_with_scenario (f);
  GtkWidget   *pencil = tool_button (GTK_WIDGET (window), "draw");
  const double corners[4][2] = { { -40, -40 }, { 40, -40 }, { 40, 40 }, { -40, 40 } };
  double       x, y, mx, my, zoom;
  guint        n_baseline =
      gr_session_get_project (gr_window_get_session (window))->layers[GR_ROLE_PARK]->features->len;

  g_assert_nonnull (pencil);
  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  look_at (window, x, y, 17);
  map_point (window, x, y, &mx, &my);
  pointer_click (pencil, gtk_widget_get_width (pencil) / 2.0, gtk_widget_get_height (pencil) / 2.0,
                 1);
  g_assert_cmpstr (tool (window), ==, "draw");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pencil)));
  for (guint i = 0; i < 4; i++)
    pointer_click (map, mx + corners[i][0], my + corners[i][1], 1);
  g_object_unref (render (window, "pointer-drawing"));
  /* The pencil button has the focus after its click; Enter still closes. */
  key_press ("Return");
  wait_idle (window);
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  g_assert_true (window->has_selection);
  g_assert_cmpuint (window->selection.index, ==, n_baseline);
  g_assert_cmpstr (tool (window), ==, "move");

  /* Closed with a double click: the map keeps its zoom. */
  key_press ("d");
  g_assert_cmpstr (tool (window), ==, "draw");
  zoom = map_zoom (window);
  pointer_click (map, mx + 150, my - 40, 1);
  pointer_click (map, mx + 230, my - 40, 1);
  pointer_click (map, mx + 230, my + 40, 2);
  wait_idle (window);
  g_assert_cmpuint (scenario->edits->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (map_zoom (window), zoom, 1e-6);
  g_object_unref (render (window, "pointer-drawn"));
}

/* A notch of the wheel zooms by √2 (half a level) about the pointer: the
 * point under it stays under it. The scale bar is metric only. */
static void
test_wheel_zoom (Fixture *f, gconstpointer data)
{
  GrWindow  *window = f->window;
  GtkWidget *map = gr_window_get_map (window);
  double     x, y, mx, my, ax, ay, zoom;

  largest_feature (window, GR_ROLE_PARK, &x, &y);
  look_at (window, x, y, 15);
  map_point (window, x, y, &mx, &my);
  /* Off the centre, so that zooming about the pointer is seen. */
  mx -= 150, my += 80;
  pointer_move (map, mx, my);
  {
    ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
    double           lat, lon, lat1, lon1;

    shumate_viewport_widget_coords_to_location (viewport, map, mx, my, &lat, &lon);
    zoom = map_zoom (window);
    xdotool_button (4);
    spin (300);
    g_assert_cmpfloat_with_epsilon (map_zoom (window), zoom + 0.5, 1e-6);
    shumate_viewport_location_to_widget_coords (viewport, map, lat, lon, &ax, &ay);
    g_test_message ("the point under the pointer moved %.1f px", hypot (ax - mx, ay - my));
    g_assert_cmpfloat (hypot (ax - mx, ay - my), <, 2);
    xdotool_button (5);
    spin (300);
    g_assert_cmpfloat_with_epsilon (map_zoom (window), zoom, 1e-6);
    shumate_viewport_widget_coords_to_location (viewport, map, mx, my, &lat1, &lon1);
    g_assert_cmpfloat (fabs (lat1 - lat) + fabs (lon1 - lon), <, 1e-4);
  }
  g_assert_cmpint (shumate_scale_get_unit (window->map_scale), ==, SHUMATE_UNIT_METRIC);
}

static gboolean
same_summary (const GrSummary *a, const GrSummary *b)
{
  return fabs (a->green.area_m2 - b->green.area_m2) < 1e-6
         && fabs (a->park.area_m2 - b->park.area_m2) < 1e-6
         && fabs (a->neither.area_m2 - b->neither.area_m2) < 1e-6
         && fabs (a->service.area_m2 - b->service.area_m2) < 1e-6;
}

/* The window's priority areas are those found afresh for what it shows. */
static void
assert_priorities_fresh (GrWindow *window)
{
  GrSession *session = gr_window_get_session (window);
  GrProject *project = gr_session_get_project (session), view;
  g_autoptr (GrProject) edited =
      window->current != NULL ? gr_scenario_view (window->current, project, &view) : NULL;
  g_autoptr (GArray) fresh =
      gr_priority_areas_find (edited != NULL ? &view : project, gr_session_get_analysis (session),
                              _gr_window_scope (window), 10);

  g_assert_nonnull (window->priorities);
  g_assert_cmpuint (window->priorities->len, ==, fresh->len);
  for (guint i = 0; i < fresh->len; i++)
    {
      const GrPriorityArea *a = &g_array_index (window->priorities, GrPriorityArea, i);
      const GrPriorityArea *b = &g_array_index (fresh, GrPriorityArea, i);

      g_assert_cmpfloat (a->residents, ==, b->residents);
      g_assert_cmpfloat (a->area_m2, ==, b->area_m2);
      g_assert_cmpfloat (a->x, ==, b->x);
      g_assert_cmpfloat (a->y, ==, b->y);
    }
}

/* Ctrl+2 computes walking distances once; Ctrl+1 and Ctrl+2 again are
 * instant (the other mode's results are kept), and an edit made
 * meanwhile is in both. The status bar follows the mode at once. */
static void
test_mode_switch_kept (Fixture *f, gconstpointer data)
{
  GrWindow   *window = f->window;
  GtkWidget  *map = gr_window_get_map (window);
  GrScenario *scenario = saved_with_scenario (f);
  GrSummary   straight, walking, again, fresh;
  double      x, y, mx, my;
  gint64      start;
  double      ms;
  g_autoptr (GArray) straight_areas = NULL;
  g_autoptr (GArray) walking_areas = NULL;

  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  look_at (window, x, y, 16);
  map_point (window, x, y, &mx, &my);
  pointer_move (map, mx, my);
  gr_window_get_summary (window, &straight);
  straight_areas = g_array_ref (window->priorities);
  key_press ("ctrl+2");
  g_assert_nonnull (strstr (gtk_label_get_text (window->cursor_label),
                            _ ("walking distances are being computed…")));
  wait_idle (window);
  gr_window_get_summary (window, &walking);
  g_assert_false (same_summary (&straight, &walking));
  assert_priorities_fresh (window);
  walking_areas = g_array_ref (window->priorities);

  start = g_get_monotonic_time ();
  key_press ("ctrl+1");
  ms = (g_get_monotonic_time () - start) / 1000.0 - 200; /* key_press waits 200 ms */
  g_assert_false (gr_window_get_busy (window));
  gr_window_get_summary (window, &again);
  g_assert_true (same_summary (&straight, &again));
  g_test_message ("back to straight-line: %.0f ms past the key's 200 ms", ms);
  /* Nothing changed it meanwhile: its priority areas are the ones it had. */
  g_assert_true (window->priorities == straight_areas);
  assert_priorities_fresh (window);
  /* The status bar describes the pointer's place in straight-line terms
   * at once, as the window would for that point. */
  {
    ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
    double           lat, lon, px, py;
    g_autofree char *expected = NULL;

    shumate_viewport_widget_coords_to_location (viewport, map, window->pointer_x, window->pointer_y,
                                                &lat, &lon);
    g_assert_true (gr_display_from_lonlat (gr_session_get_display (gr_window_get_session (window)),
                                           lon, lat, &px, &py));
    expected = gr_window_describe_point (window, px, py);
    g_assert_nonnull (strstr (gtk_label_get_text (window->cursor_label), expected));
  }

  /* An edit in straight-line mode, then walking again: instant, and the
   * edit counted as a fresh walking analysis counts it. */
  gr_window_add_park_at (window, x, y);
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  start = g_get_monotonic_time ();
  key_press ("ctrl+2");
  ms = (g_get_monotonic_time () - start) / 1000.0 - 200;
  g_test_message ("back to walking: %.0f ms past the key's 200 ms", ms);
  g_assert_false (gr_window_get_busy (window));
  gr_window_get_summary (window, &again);
  g_assert_false (same_summary (&again, &walking));
  /* The edit changed the walking analysis: its areas are found again. */
  g_assert_true (window->priorities != walking_areas);
  assert_priorities_fresh (window);
  /* The kept images, with only the edit's area drawn again, are the
   * images drawn afresh. */
  {
    g_autoptr (GdkTexture) kept = render (window, "pointer-mode-kept");
    g_autoptr (GdkTexture) afresh = NULL;
    guint differ = 0;

    gr_coverage_layer_refresh (gr_window_get_coverage_layer (window));
    afresh = render (window, "pointer-mode-afresh");
    int                w = gdk_texture_get_width (kept), h = gdk_texture_get_height (kept);
    g_autofree guint8 *ka = g_malloc (4 * w * h);
    g_autofree guint8 *kb = g_malloc (4 * w * h);

    graphene_rect_t box;

    g_assert_cmpint (gdk_texture_get_width (afresh), ==, w);
    gdk_texture_download (kept, ka, 4 * w);
    gdk_texture_download (afresh, kb, 4 * w);
    /* The map only, above where the new park's toast fades out. */
    g_assert_true (gtk_widget_compute_bounds (map, contents (window), &box));
    for (int py = (int) box.origin.y; py < (int) (box.origin.y + box.size.height) - 160; py++)
      for (int px = (int) box.origin.x; px < (int) (box.origin.x + box.size.width); px++)
        differ += memcmp (ka + 4 * (py * w + px), kb + 4 * (py * w + px), 4) != 0;
    g_test_message ("%u pixels differ", differ);
    g_assert_cmpuint (differ, ==, 0);
  }
  /* Switched again, no analysis starts (bench-render times it: the
   * target is under 100 ms). */
  start = g_get_monotonic_time ();
  gr_window_set_walking (window, FALSE);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("switch with no key delay: %.1f ms", ms);
  g_assert_false (gr_window_get_busy (window));
  gr_window_set_walking (window, TRUE);
  g_assert_false (gr_window_get_busy (window));
  /* A fresh walking analysis of the edited scenario agrees. */
  _gr_window_reanalyze (window);
  wait_idle (window);
  gr_window_get_summary (window, &fresh);
  g_assert_true (same_summary (&again, &fresh));
  g_assert_false (gr_window_get_busy (window));
}

/* What the status bar should say of the place under the pointer. */
static char *
status_under_pointer (GrWindow *window)
{
  GtkWidget       *map = gr_window_get_map (window);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  double           lat, lon, px, py;

  shumate_viewport_widget_coords_to_location (viewport, map, window->pointer_x, window->pointer_y,
                                              &lat, &lon);
  g_assert_true (gr_display_from_lonlat (gr_session_get_display (gr_window_get_session (window)),
                                         lon, lat, &px, &py));
  /* The projected coordinates, written alike in every language. */
  return g_strdup_printf ("x %.1f  y %.1f", px, py);
}

/* The view changes under a still pointer (zoomed by key): once it rests,
 * the status bar says what is under the pointer now, not what was there
 * before; with the pointer off the map it says only the scale. */
static void
test_status_follows_view (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GtkWidget       *map = gr_window_get_map (window);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  double           x, y, mx, my;

  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  look_at (window, x, y, 15);
  map_point (window, x, y, &mx, &my);
  pointer_move (map, mx + 40, my + 30);
  before = status_under_pointer (window);
  g_assert_nonnull (strstr (gtk_label_get_text (window->cursor_label), before));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  spin (1200);
  after = status_under_pointer (window);
  g_assert_cmpstr (before, !=, after);
  g_test_message ("%s → %s", before, gtk_label_get_text (window->cursor_label));
  g_assert_nonnull (strstr (gtk_label_get_text (window->cursor_label), after));
  /* Off the map: the scale only, no place. */
  pointer_move (GTK_WIDGET (window), 20, 300);
  g_assert_false (window->pointer_inside);
  g_assert_null (strstr (gtk_label_get_text (window->cursor_label), "°E"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (window->cursor_label), "1:"));
}

typedef struct
{
  GrCoverageTiles  *tiles;
  GrDisplay        *display;
  const GrMapStyle *style;
} Layers;

static void
draw_overlay (gpointer data, cairo_t *cr, const double affine[4], double width, double height)
{
  gr_coverage_tiles_draw (((Layers *) data)->tiles, cr, affine, width, height);
}

static void
draw_names (gpointer data, cairo_t *cr, const double affine[4], double width, double height)
{
  Layers *layers = data;

  gr_render_labels (cr, layers->display, layers->style, affine, width, height, 1);
}

static gboolean
painted_somewhere (cairo_surface_t *image)
{
  const guint32 *p = (const guint32 *) cairo_image_surface_get_data (image);
  gsize          n =
      (gsize) cairo_image_surface_get_stride (image) / 4 * cairo_image_surface_get_height (image);

  for (gsize i = 0; i < n; i++)
    if (p[i] >> 24 != 0)
      return TRUE;
  return FALSE;
}

/* The drawing @cache keeps, the same to the bit as one made on the spot
 * for the same view by a cache of the test's own. */
static void
assert_drawn_as_on_the_spot (GrLayerCache *cache, GrLayerDrawFunc draw, Layers *layers)
{
  GrLayerCache   fresh = { .parallel = cache->parallel };
  GtkSnapshot   *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  g_assert_nonnull (cache->surface);
  gr_layer_cache_snapshot (&fresh, snapshot, cache->affine, cache->width, cache->height,
                           cache->scale, cache->version, draw, layers);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  cairo_surface_flush (cache->surface);
  g_assert_cmpint (cairo_image_surface_get_height (fresh.surface), ==,
                   cairo_image_surface_get_height (cache->surface));
  g_assert_true (painted_somewhere (cache->surface));
  g_assert_cmpmem (cairo_image_surface_get_data (cache->surface),
                   cairo_image_surface_get_stride (cache->surface)
                       * cairo_image_surface_get_height (cache->surface),
                   cairo_image_surface_get_data (fresh.surface),
                   cairo_image_surface_get_stride (fresh.surface)
                       * cairo_image_surface_get_height (fresh.surface));
  gr_layer_cache_clear (&fresh);
}

/* Zooms by @levels and runs the main loop one step at a time until
 * @cache draws the rested zoom on another thread (seen between two steps:
 * what it draws is taken up on the main loop). */
static void
zoom_until_drawing (GrWindow *window, GrLayerCache *cache, double levels)
{
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window)));
  gint64           end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  shumate_viewport_set_zoom_level (viewport, shumate_viewport_get_zoom_level (viewport) + levels);
  while (cache->job == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (cache->job);
}

/* A zoom that rests draws the blind spots and the names on another
 * thread while the stretched drawing stays up; what is taken up is what a
 * drawing on the spot gives. The tile images rebuilt for an edit while the
 * overlay is drawn there, and a display let go of while the names are,
 * wait for that drawing first: it is not shown, and the view rests drawn
 * from what is there now. */
static void
test_settle_on_threads (Fixture *f, gconstpointer data)
{
  GrWindow     *window = f->window;
  GrAnalysis   *analysis = gr_session_get_analysis (gr_window_get_session (window));
  GrLayerCache *overlay = gr_coverage_layer_get_cache (gr_window_get_coverage_layer (window));
  GrLayerCache *names = gr_label_layer_get_cache (window->labels);
  Layers        layers = { gr_coverage_layer_get_tiles (gr_window_get_coverage_layer (window)),
                           gr_session_get_display (gr_window_get_session (window)),
                           gr_vector_layer_get_style (window->vectors) };
  double        x, y, bounds[4];
  guint         generation;

  g_assert_true (find_cell (analysis, GR_CELL_NEITHER, &x, &y));
  look_at (window, x, y, 14);
  wait_for_frame (window);

  zoom_until_drawing (window, overlay, 0.5);
  wait_for_frame (window);
  assert_drawn_as_on_the_spot (overlay, draw_overlay, &layers);
  assert_drawn_as_on_the_spot (names, draw_names, &layers);

  /* An edit's area rebuilt while the overlay is drawn on another thread. */
  zoom_until_drawing (window, overlay, 0.5);
  generation = overlay->generation;
  bounds[0] = x - 600, bounds[1] = y - 600, bounds[2] = x + 600, bounds[3] = y + 600;
  gr_coverage_layer_refresh_area (gr_window_get_coverage_layer (window), bounds);
  g_assert_null (overlay->job);
  wait_for_frame (window);
  g_assert_cmpuint (overlay->generation, >, generation);
  assert_drawn_as_on_the_spot (overlay, draw_overlay, &layers);

  /* The display let go of while the names are drawn on another thread. */
  zoom_until_drawing (window, names, 0.5);
  gr_vector_layer_set_display (window->vectors, NULL);
  g_assert_null (names->job);
  gr_vector_layer_set_display (window->vectors, layers.display);
  wait_for_frame (window);
  assert_drawn_as_on_the_spot (names, draw_names, &layers);

  /* Far out, the overlay is painted from blocks of tiles, imaged when first
   * drawn: here by the rested zoom's drawing on the other thread, which
   * reads neither the analysis nor the display. */
  look_at (window, x, y, 12);
  wait_for_frame (window);
  gr_coverage_layer_refresh (gr_window_get_coverage_layer (window));
  wait_for_frame (window);
  g_assert_cmpuint (gr_coverage_tiles_get_n_blocks (layers.tiles), ==, 0);
  zoom_until_drawing (window, overlay, -1);
  wait_for_frame (window);
  g_assert_cmpuint (gr_coverage_tiles_get_n_blocks (layers.tiles), >, 0);
  assert_drawn_as_on_the_spot (overlay, draw_overlay, &layers);
}

static void
add_test (const char *path, void (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int argc, char **argv)
{
  gr_runtime_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = gr_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  add_test ("/gui/pointer/pan-never-edits", test_pan_never_edits);
  add_test ("/gui/pointer/move-tool-moves", test_move_tool_moves);
  add_test ("/gui/pointer/click-identifies", test_click_identifies);
  add_test ("/gui/pointer/draw-with-enter", test_draw_with_enter);
  add_test ("/gui/pointer/wheel-zoom", test_wheel_zoom);
  add_test ("/gui/pointer/mode-switch-kept", test_mode_switch_kept);
  add_test ("/gui/pointer/status-follows-view", test_status_follows_view);
  add_test ("/gui/pointer/settle-on-threads", test_settle_on_threads);
  return g_test_run ();
}
