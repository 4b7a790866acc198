/* test-window.c — the map window for real under Xvfb: open the sample,
 * render to PNG, and check pixels where the analysis says what must show */
#include "gr-attribute-table.h"
#include "gr-base-map.h"
#include "gr-compare-window.h"
#include "gr-connection-dialog.h"
#include "gr-mbtiles.h"
#include "gr-coverage-layer.h"
#include "gr-edit-item.h"
#include "gr-format.h"
#include "gr-feature-item.h"
#include "gr-layer-item.h"
#include "gr-runtime.h"
#include "gr-settings.h"
#include "gr-window-fixture.h"
#include "gr-window-private.h"
#include "gr-zone-item.h"

#include <glib/gi18n.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

/* The comparison results open over @window. */
static guint
count_results_windows (GrWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint       n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      n += ADW_IS_WINDOW (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window);
    }
  return n;
}

static void
test_opens_sample (Fixture *f, gconstpointer data)
{
  GrWindow  *window = f->window;
  GrSession *session = gr_window_get_session (window);
  GrSummary  s;

  g_assert_nonnull (session);
  g_assert_null (gr_window_get_error (window));
  gr_analysis_summarize (gr_session_get_analysis (session), -1, &s);
  g_assert_cmpfloat (s.residential.area_m2, >, 7e6);
  /* Andorra's seven parishes in the per-zone table. */
  g_assert_cmpuint (g_list_model_get_n_items (gr_window_get_zones (window)), ==, 7);
  g_object_unref (render (window, "sample-city"));
}

/* The indicators panel: the figures of the library against the chosen
 * targets, and where the residents come from said: OSM has none, so they
 * are estimated from the buildings, and the panel says so. */
static void
test_indicator_panel (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GrSession       *session = gr_window_get_session (window);
  GrIndicators     expected;
  const char      *value, *verdict;
  g_autofree char *rate = NULL;

  gr_window_set_targets (window, GR_TARGETS_GB55014, 0);
  spin (100);
  gr_indicators_compute (&expected, gr_session_get_project (session),
                         gr_session_get_analysis (session), -1, GR_TARGETS_GB55014);
  g_assert_true (gr_window_get_indicator_row (window, GR_IND_SERVICE_RATE, &value, &verdict));
  rate = g_strdup_printf ("%.2f %s", expected.items[GR_IND_SERVICE_RATE].value,
                          gr_indicator_get_unit (GR_IND_SERVICE_RATE));
  g_assert_cmpstr (value, ==, rate);
  /* Andorra is short of GB 55014's 80 %: the gap is said. */
  g_assert_false (expected.items[GR_IND_SERVICE_RATE].pass);
  g_assert_cmpstr (verdict, ==, expected.items[GR_IND_SERVICE_RATE].gap_text);
  g_assert_true (gr_window_get_indicator_row (window, GR_IND_PARK_PER_CAPITA, &value, &verdict));
  {
    g_autofree char *per_capita =
        g_strdup_printf ("%.2f %s", expected.items[GR_IND_PARK_PER_CAPITA].value,
                         gr_indicator_get_unit (GR_IND_PARK_PER_CAPITA));
    g_assert_cmpstr (value, ==, per_capita);
  }
  /* The city health check's greenway coverage is a row like the others,
   * its name telling what it divides by what. */
  g_assert_true (gr_window_get_indicator_row (window, GR_IND_GREENWAY_SERVICE, &value, &verdict));
  {
    g_autofree char *share =
        g_strdup_printf ("%.2f %s", expected.items[GR_IND_GREENWAY_SERVICE].value,
                         gr_indicator_get_unit (GR_IND_GREENWAY_SERVICE));
    GtkLabel *name =
        find_label (GTK_WIDGET (window), gr_indicator_get_name (GR_IND_GREENWAY_SERVICE));

    g_assert_true (isfinite (expected.items[GR_IND_GREENWAY_SERVICE].value));
    g_assert_cmpstr (value, ==, share);
    g_assert_nonnull (name);
    g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (GTK_WIDGET (name)),
                                     gr_indicator_get_definition (GR_IND_GREENWAY_SERVICE)));
  }
  g_assert_nonnull (gr_window_get_residents_note (window));
  g_assert_nonnull (strstr (gr_window_get_residents_note (window),
                            g_strcmp0 (g_getenv ("LANGUAGE"), "zh_CN") == 0 ? "估算" : "estimate"));
  gr_indicators_clear (&expected);
  /* One parish on demand. */
  gr_window_set_targets (window, GR_TARGETS_YUNCHENG_2025, 1);
  spin (100);
  gr_indicators_compute (&expected, gr_session_get_project (session),
                         gr_session_get_analysis (session), 1, GR_TARGETS_YUNCHENG_2025);
  g_assert_true (gr_window_get_indicator_row (window, GR_IND_GREEN_300, &value, &verdict));
  {
    g_autofree char *share = g_strdup_printf ("%.2f %s", expected.items[GR_IND_GREEN_300].value,
                                              gr_indicator_get_unit (GR_IND_GREEN_300));
    g_assert_cmpstr (value, ==, share);
  }
  gr_indicators_clear (&expected);
  g_object_unref (render (window, "indicators-panel"));
}

static void
test_blind_spot_pixels (Fixture *f, gconstpointer data)
{
  GrWindow   *window = f->window;
  GrAnalysis *analysis = gr_session_get_analysis (gr_window_get_session (window));
  double      bx, by, cx, cy;
  Pixel       blind, covered;

  g_assert_true (find_cell (analysis, GR_CELL_NEITHER, &bx, &by));
  g_assert_true (find_cell (analysis, GR_CELL_BOTH, &cx, &cy));
  blind = pixel_of_cell (window, "blind-spot", bx, by);
  covered = pixel_of_cell (window, "covered", cx, cy);
  g_test_message ("blind spot pixel %u,%u,%u; covered pixel %u,%u,%u", blind.r, blind.g, blind.b,
                  covered.r, covered.g, covered.b);
  g_assert_true (is_blind_spot_color (blind));
  g_assert_false (is_blind_spot_color (covered));
  g_assert_cmpint (covered.g, >, covered.r);
}

static void
test_hiding_a_layer (Fixture *f, gconstpointer data)
{
  GrWindow   *window = f->window;
  GrProject  *project = gr_session_get_project (gr_window_get_session (window));
  GrFeature  *park = NULL;
  OGREnvelope env;
  g_autoptr (GdkTexture) shown = NULL;
  g_autoptr (GdkTexture) hidden = NULL;
  double x, y, wx, wy;
  Pixel  a, b;

  /* The largest park's centre, where only the park is drawn. */
  for (guint i = 0; i < project->layers[GR_ROLE_PARK]->features->len; i++)
    {
      GrFeature *feature = g_ptr_array_index (project->layers[GR_ROLE_PARK]->features, i);
      if (park == NULL || OGR_G_Area (feature->geometry) > OGR_G_Area (park->geometry))
        park = feature;
    }
  {
    g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (park->geometry);
    OGR_G_GetEnvelope (inside, &env);
  }
  x = env.MinX, y = env.MinY;
  /* The layer panel lists the sample's layers, parks among them. */
  g_assert_cmpuint (g_list_model_get_n_items (gr_window_get_layers (window)), >=, 6);
  g_assert_nonnull (find_label (GTK_WIDGET (window), gr_role_get_label (GR_ROLE_PARK)));
  look_at (window, x, y, 16);
  shown = render (window, "park-shown");
  gr_window_set_role_visible (window, GR_ROLE_PARK, FALSE);
  gr_window_set_role_visible (window, GR_ROLE_GREEN, FALSE);
  spin (300);
  hidden = render (window, "park-hidden");
  gr_window_set_role_visible (window, GR_ROLE_PARK, TRUE);
  gr_window_set_role_visible (window, GR_ROLE_GREEN, TRUE);
  window_point (window, x, y, &wx, &wy);
  a = pixel_at (shown, wx, wy);
  b = pixel_at (hidden, wx, wy);
  g_test_message ("park pixel shown %u,%u,%u hidden %u,%u,%u", a.r, a.g, a.b, b.r, b.g, b.b);
  g_assert_cmpint (a.g, >, a.r + 20);
  g_assert_true (a.r != b.r || a.g != b.g || a.b != b.b);
}

static void
test_walking_changes_overlay (Fixture *f, gconstpointer data)
{
  GrWindow   *window = f->window;
  GrAnalysis *straight = gr_session_get_analysis (gr_window_get_session (window));
  GrSummary   before, after;
  double      x = 0, y = 0;
  gboolean    found;
  Pixel       p;

  gr_analysis_summarize (straight, -1, &before);
  gr_window_set_walking (window, TRUE);
  wait_idle (window);
  gr_analysis_summarize (gr_session_get_analysis (gr_window_get_session (window)), -1, &after);
  g_assert_cmpfloat (after.neither.area_m2, >, before.neither.area_m2);
  /* A walking blind spot: straight-line coverage reached it, the paths do not. */
  found =
      find_cell (gr_session_get_analysis (gr_window_get_session (window)), GR_CELL_NEITHER, &x, &y);
  g_assert_true (found);
  p = pixel_of_cell (window, "walking-blind-spot", x, y);
  g_assert_true (is_blind_spot_color (p));
  /* Hovering a covered home tells its walk, within the 300 m it is covered by. */
  {
    GrAnalysis      *walking = gr_session_get_analysis (gr_window_get_session (window));
    g_autofree char *text = NULL;
    g_autofree char *number = NULL;
    double           d;

    g_assert_true (find_cell (walking, GR_CELL_BOTH, &x, &y));
    d = gr_analysis_walk_distance (walking, x, y, GR_LAYER_GREEN, 2000);
    g_assert_cmpfloat (d, <=, 300);
    text = gr_window_describe_point (window, x, y);
    number = g_strdup_printf ("%.0f", d);
    g_test_message ("hover: %s", text);
    g_assert_nonnull (strstr (text, number));
  }
}

/* Under zh_CN the window shows the translations of po/zh_CN.po, and not
 * the English it would fall back to. */
static void
test_language (Fixture *f, gconstpointer data)
{
  GrWindow   *window = f->window;
  const char *lang = g_getenv ("LANGUAGE");
  gboolean    chinese = lang != NULL && g_str_has_prefix (lang, "zh");
  const char *shown[] = { "覆盖情况", "居住用地", "300 米内有绿地", "直线距离" };
  const char *english[] = { "Coverage", "Residential land", "Green within 300 m", "Straight-line" };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_assert_true ((find_label (GTK_WIDGET (window), shown[i]) != NULL) == chinese);
      g_assert_true ((find_label (GTK_WIDGET (window), english[i]) != NULL) == !chinese);
    }
  g_object_unref (render (window, chinese ? "window-zh_CN" : "window-en"));
}

static void
test_bad_file_keeps_project (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GrSession       *before = gr_window_get_session (window);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad-input",
                                                "node-mbtiles_corrupt.mbtiles", NULL);
  g_autofree char *json = g_test_build_filename (
      G_TEST_DIST, "data", "bad-input", "JSONTestSuite_n", "n_array_extra_comma.json", NULL);

  gr_window_open (window, bad);
  wait_idle (window);
  g_assert_true (gr_window_get_session (window) == before);
  g_assert_nonnull (gr_window_get_error (window));
  g_assert_nonnull (strstr (gr_window_get_error (window), "node-mbtiles_corrupt.mbtiles"));
  gr_window_open (window, json);
  wait_idle (window);
  g_assert_true (gr_window_get_session (window) == before);
  g_assert_nonnull (strstr (gr_window_get_error (window), "n_array_extra_comma.json"));
}

static GrLayerItem *
layer_item (GrWindow *window, GrRole role)
{
  GListModel *layers = gr_window_get_layers (window);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr (GrLayerItem) item = g_list_model_get_item (layers, i);

      if (gr_layer_item_get_role (item) == role)
        return item; /* the store keeps it */
    }
  g_assert_not_reached ();
}

static guint
layer_position (GrWindow *window, GrRole role)
{
  GListModel *layers = gr_window_get_layers (window);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr (GrLayerItem) item = g_list_model_get_item (layers, i);

      if (gr_layer_item_get_role (item) == role)
        return i;
    }
  g_assert_not_reached ();
}

/* The largest park and a point inside it. */
static GrFeature *
largest_park (GrWindow *window, double *x, double *y)
{
  return largest_feature (window, GR_ROLE_PARK, x, y);
}

/* Colour, opacity and order from the layer panel change what is drawn. */
static void
test_layer_style (Fixture *f, gconstpointer data)
{
  GrWindow     *window = f->window;
  const GdkRGBA blue = { 0, 0, 1, 1 };
  GrLayerItem  *parks = layer_item (window, GR_ROLE_PARK);
  Pixel         before, recoloured, faded;
  guint         position;
  double        x, y;

  largest_park (window, &x, &y);
  g_object_set (window, "show-blind-spots", FALSE, NULL);
  gr_window_set_role_visible (window, GR_ROLE_BUILDINGS, FALSE);
  /* The park's own pixels: no base map, no name over them. */
  g_settings_set_enum (gr_settings_get (), "base-map", GR_BASE_MAP_NONE);
  gr_layer_item_set_labels (parks, FALSE);
  gr_layer_item_set_labels (layer_item (window, GR_ROLE_GREEN), FALSE);
  before = pixel_of_cell (window, "style-before", x, y);
  gr_layer_item_set_color (parks, &blue);
  recoloured = pixel_of_cell (window, "style-blue-parks", x, y);
  g_test_message ("park pixel %u,%u,%u → recoloured %u,%u,%u", before.r, before.g, before.b,
                  recoloured.r, recoloured.g, recoloured.b);
  g_assert_cmpint (recoloured.b, >, recoloured.g + 40);
  g_assert_cmpint (before.g, >, before.b);
  gr_layer_item_set_opacity (parks, 0);
  faded = pixel_of_cell (window, "style-parks-transparent", x, y);
  g_assert_cmpint (faded.b, <, recoloured.b - 40);
  gr_layer_item_set_opacity (parks, 1);

  /* Up one row in the panel: drawn one layer higher. */
  position = layer_position (window, GR_ROLE_PARK);
  gr_window_move_layer (window, GR_ROLE_PARK, -1);
  g_assert_cmpuint (layer_position (window, GR_ROLE_PARK), ==, position - 1);
  gr_window_move_layer (window, GR_ROLE_PARK, +1);
  g_assert_cmpuint (layer_position (window, GR_ROLE_PARK), ==, position);
  /* Residential land drawn over the parks hides their colour. */
  gr_window_move_layer (window, GR_ROLE_RESIDENTIAL,
                        -(int) layer_position (window, GR_ROLE_RESIDENTIAL));
  g_assert_cmpuint (layer_position (window, GR_ROLE_RESIDENTIAL), ==, 0);
  {
    Pixel under = pixel_of_cell (window, "style-residential-on-top", x, y);
    g_assert_true (under.r != recoloured.r || under.g != recoloured.g || under.b != recoloured.b);
  }
  gr_window_move_layer (window, GR_ROLE_RESIDENTIAL,
                        +(int) g_list_model_get_n_items (gr_window_get_layers (window)));
  g_assert_cmpuint (layer_position (window, GR_ROLE_RESIDENTIAL), ==,
                    g_list_model_get_n_items (gr_window_get_layers (window)) - 1);
  g_settings_reset (gr_settings_get (), "base-map");
}

/* Pixels of the map area that differ between two drawings. */
static guint
count_changed (GdkTexture *a, GdkTexture *b, GrWindow *window)
{
  int                w = gdk_texture_get_width (a), h = gdk_texture_get_height (a);
  g_autofree guint8 *pa = g_malloc (4 * w * h);
  g_autofree guint8 *pb = g_malloc (4 * w * h);
  graphene_rect_t    area;
  guint              n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, w);
  g_assert_true (gtk_widget_compute_bounds (gr_window_get_map (window), contents (window), &area));
  gdk_texture_download (a, pa, 4 * w);
  gdk_texture_download (b, pb, 4 * w);
  for (int y = MAX ((int) area.origin.y, 0); y < MIN ((int) (area.origin.y + area.size.height), h);
       y++)
    for (int x = MAX ((int) area.origin.x, 0); x < MIN ((int) (area.origin.x + area.size.width), w);
         x++)
      {
        const guint8 *p = pa + 4 * (y * w + x), *q = pb + 4 * (y * w + x);

        n += abs (p[0] - q[0]) + abs (p[1] - q[1]) + abs (p[2] - q[2]) > 60;
      }
  return n;
}

/* Parks are named on the map, without the base map's help; the layer's
 * Names switch takes the names away and brings them back. */
static void
test_layer_labels (Fixture *f, gconstpointer data)
{
  GrWindow    *window = f->window;
  GrLayerItem *parks = layer_item (window, GR_ROLE_PARK);
  g_autoptr (GdkTexture) named = NULL;
  g_autoptr (GdkTexture) unnamed = NULL;
  g_autoptr (GdkTexture) again = NULL;
  guint  removed, restored;
  double x, y;

  largest_park (window, &x, &y);
  g_object_set (window, "show-blind-spots", FALSE, NULL);
  g_settings_set_enum (gr_settings_get (), "base-map", GR_BASE_MAP_NONE);
  /* Green space holds the same park under the same name: parks alone. */
  gr_layer_item_set_labels (layer_item (window, GR_ROLE_GREEN), FALSE);
  g_assert_true (gr_layer_item_get_labels (parks));
  look_at (window, x, y, 16);
  named = render (window, "labels-parks-named");
  gr_layer_item_set_labels (parks, FALSE);
  spin (300);
  unnamed = render (window, "labels-parks-unnamed");
  gr_layer_item_set_labels (parks, TRUE);
  spin (300);
  again = render (window, "labels-parks-again");
  removed = count_changed (named, unnamed, window);
  restored = count_changed (named, again, window);
  g_test_message ("pixels changed: %u by taking the park names away, %u once back", removed,
                  restored);
  g_assert_cmpuint (removed, >, 80);
  g_assert_cmpuint (restored, <, removed / 10);
  g_settings_reset (gr_settings_get (), "base-map");
}

/* The layers' style is kept in the project file: reopened, the project
 * looks as it was left. */
static void
test_styles_saved (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *path = g_build_filename (f->dir, "styled.gpkg", NULL);
  g_autoptr (GError) error = NULL;
  const GdkRGBA blue = { 0, 0, 1, 1 };
  guint         position;

  g_assert_true (gr_window_save_as (window, path, &error));
  g_assert_no_error (error);
  gr_layer_item_set_color (layer_item (window, GR_ROLE_PARK), &blue);
  gr_layer_item_set_opacity (layer_item (window, GR_ROLE_PARK), 0.5);
  gr_layer_item_set_visible (layer_item (window, GR_ROLE_WATER), FALSE);
  gr_layer_item_set_labels (layer_item (window, GR_ROLE_ZONES), FALSE);
  gr_window_move_layer (window, GR_ROLE_PARK, -1);
  position = layer_position (window, GR_ROLE_PARK);
  spin (600); /* written a moment after the last change */

  gr_window_open (window, g_getenv ("GREENREACH_SAMPLE"));
  wait_idle (window);
  g_assert_true (gr_layer_item_get_visible (layer_item (window, GR_ROLE_WATER)));
  gr_window_open (window, path);
  wait_idle (window);
  g_assert_true (
      gdk_rgba_equal (gr_layer_item_get_color (layer_item (window, GR_ROLE_PARK)), &blue));
  g_assert_cmpfloat_with_epsilon (gr_layer_item_get_opacity (layer_item (window, GR_ROLE_PARK)),
                                  0.5, 1e-9);
  g_assert_false (gr_layer_item_get_visible (layer_item (window, GR_ROLE_WATER)));
  g_assert_false (gr_vector_layer_get_visible_role (window->vectors, GR_ROLE_WATER));
  g_assert_false (gr_layer_item_get_labels (layer_item (window, GR_ROLE_ZONES)));
  g_assert_true (gr_layer_item_get_labels (layer_item (window, GR_ROLE_PARK)));
  g_assert_cmpuint (layer_position (window, GR_ROLE_PARK), ==, position);
}

/* Clicking a park names its class and outlines the homes it serves. */
static void
test_selected_park (Fixture *f, gconstpointer data)
{
  GrWindow   *window = f->window;
  GrFeature  *park;
  const char *text;
  double      x, y;

  park = largest_park (window, &x, &y);
  look_at (window, x, y, 15);
  gr_window_click_at (window, x, y);
  spin (300);
  text = gr_window_get_selection_text (window);
  g_assert_nonnull (text);
  g_test_message ("%s", text);
  /* OSM says nothing of class: 1–10 ha is a community park by its size. */
  g_assert_cmpfloat (OGR_G_Area (park->geometry), >=, 1e4);
  g_assert_cmpfloat (OGR_G_Area (park->geometry), <, 1e5);
  g_assert_nonnull (strstr (text, "G12"));
  g_assert_cmpuint (gr_coverage_layer_get_n_served_edges (gr_window_get_coverage_layer (window)), >,
                    4);
  g_object_unref (render (window, "park-served"));
  /* The status bar at the park: both coordinate systems and the scale. */
  {
    GrProject       *project = gr_session_get_project (gr_window_get_session (window));
    g_autofree char *epsg = g_strdup_printf ("EPSG:%d", project->epsg);
    g_autofree char *east = g_strdup_printf ("x %.1f", x);
    const char      *status = gr_window_hover_at (window, x, y);

    g_test_message ("status: %s", status);
    g_assert_nonnull (strstr (status, epsg));
    g_assert_nonnull (strstr (status, "°"));
    g_assert_nonnull (strstr (status, "1:"));
    /* The analysis coordinates of the very point: the round trip through
     * the screen keeps fractions of a pixel. */
    g_assert_nonnull (strstr (status, east));
  }
  /* A click on homes, not green, clears the outline. */
  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  look_at (window, x, y, 16);
  gr_window_click_at (window, x, y);
  g_assert_cmpuint (gr_coverage_layer_get_n_served_edges (gr_window_get_coverage_layer (window)),
                    ==, 0);
}

static AdwMessageDialog *find_dialog (void);
static void drop_and_import (GrWindow *window, GFile *file, GrRole role, const char *how);

/* Writes a GeoJSON file of one polygon named @name, its @n corners given
 * in the project's coordinates, offset by @x0, @y0 (written in lon/lat). */
static void
write_polygon_geojson (GrWindow    *window,
                       const char  *path,
                       const char  *name,
                       const double corners[][2],
                       guint        n,
                       double       x0,
                       double       y0)
{
  GrProject *project = gr_session_get_project (gr_window_get_session (window));
  g_auto (OGRSpatialReferenceH) from = gr_srs_new_from_user (project->crs_wkt);
  g_auto (OGRSpatialReferenceH) to = gr_srs_new_from_user ("EPSG:4326");
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (from, to);
  g_autoptr (GString) json = g_string_new (NULL);

  g_string_printf (json,
                   "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                   "\"properties\":{\"name\":\"%s\"},\"geometry\":{\"type\":"
                   "\"Polygon\",\"coordinates\":[[",
                   name);
  for (guint i = 0; i < n; i++)
    {
      double x = x0 + corners[i][0], y = y0 + corners[i][1];

      g_assert_true (OCTTransform (ct, 1, &x, &y, NULL));
      g_string_append_printf (json, "%s[%.8f,%.8f]", i ? "," : "", x, y);
    }
  g_string_append (json, "]]}}]}");
  g_assert_true (g_file_set_contents (path, json->str, -1, NULL));
}

/* A corridor with an 80 m pinch, dropped on the map: the pinch is marked. */
static void
test_corridor_marker (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GrProject       *project = gr_session_get_project (gr_window_get_session (window));
  g_autofree char *path = g_build_filename (f->dir, "生态廊道.geojson", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *sample = g_strdup (g_getenv ("GREENREACH_SAMPLE"));
  const double     shape[9][2] = { { 0, 0 },      { 2000, 0 },  { 2000, 200 },
                                   { 1010, 200 }, { 1010, 80 }, { 990, 80 },
                                   { 990, 200 },  { 0, 200 },   { 0, 0 } };
  double           x0 = project->extent[0], y0 = project->extent[1];
  guint            before;

  write_polygon_geojson (window, path, "北廊道", shape, G_N_ELEMENTS (shape), x0, y0);
  /* The sample's own findings: breaks between its greenways. */
  before = gr_sketch_layer_get_n_findings (gr_window_get_sketch_layer (window));
  g_test_message ("the sample city has %u findings", before);
  drop_and_import (window, file, GR_ROLE_CORRIDOR, NULL);
  g_assert_cmpuint (gr_sketch_layer_get_n_findings (gr_window_get_sketch_layer (window)), ==,
                    before + 1);
  look_at (window, x0 + 1000, y0 + 100, 15);
  g_object_unref (render (window, "corridor-pinch"));
  gr_window_open (window, sample);
  wait_idle (window);
  g_assert_cmpuint (gr_sketch_layer_get_n_findings (gr_window_get_sketch_layer (window)), ==,
                    before);
}

/* A pocket park dropped on a blind spot by clicks: the overlay there
 * changes, the panel's figure rises; dragged, it is one edit; undone, the
 * blind spot is back; and the project file keeps it all. */
static void
test_pocket_park (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *path = g_build_filename (f->dir, "andorra.gpkg", NULL);
  g_autoptr (GError) error = NULL;
  GrSummary   before, after, dragged;
  GrScenario *scenario;
  double      x, y;

  g_assert_true (gr_window_save_as (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  g_assert_true (is_blind_spot_color (pixel_of_cell (window, "edit-before", x, y)));
  gr_window_get_summary (window, &before);

  gr_window_set_adding (window, TRUE);
  gr_window_click_at (window, x, y);
  spin (200);
  scenario = gr_window_get_scenario (window);
  g_assert_nonnull (scenario);
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  g_assert_cmpuint (gr_sketch_layer_get_n_shapes (gr_window_get_sketch_layer (window)), ==, 1);
  gr_window_get_summary (window, &after);
  g_test_message ("green within 300 m: %.1f → %.1f m² of homes", before.green.area_m2,
                  after.green.area_m2);
  g_assert_cmpfloat (after.green.area_m2, >, before.green.area_m2);
  g_assert_cmpfloat (after.neither.area_m2, <, before.neither.area_m2);
  /* The overlay under the new park, seen without the park drawn over it. */
  gtk_widget_set_visible (GTK_WIDGET (gr_window_get_sketch_layer (window)), FALSE);
  g_assert_false (is_blind_spot_color (pixel_of_cell (window, "edit-pocket-park-overlay", x, y)));
  gtk_widget_set_visible (GTK_WIDGET (gr_window_get_sketch_layer (window)), TRUE);
  g_object_unref (render (window, "edit-pocket-park"));

  /* Dragged 400 m east in steps: live all the way, one edit at the end. */
  g_assert_true (gr_window_drag_begin (window, x, y));
  for (guint i = 1; i <= 8; i++)
    gr_window_drag_to (window, x + 50 * i, y);
  /* The figures' text follows at most ten times a second. */
  spin (250);
  gr_window_get_summary (window, &dragged);
  /* The indicators panel's coverage rows follow the drag too. */
  {
    const char      *value, *verdict;
    g_autofree char *expected =
        g_strdup_printf ("%.2f %s", 100 * dragged.green.area_m2 / dragged.residential.area_m2,
                         gr_indicator_get_unit (GR_IND_GREEN_300));

    g_assert_true (gr_window_get_indicator_row (window, GR_IND_GREEN_300, &value, &verdict));
    g_assert_cmpstr (value, ==, expected);
  }
  gr_window_drag_end (window);
  g_assert_cmpuint (scenario->edits->len, ==, 2);
  g_assert_cmpuint (scenario->position, ==, 2);
  g_assert_true (dragged.green.area_m2 != after.green.area_m2
                 || dragged.neither.area_m2 != after.neither.area_m2);

  /* Reshaping the moved park: a double click on an edge adds a corner, on a
   * corner removes it, and a corner dragged out grows the park. */
  {
    GrFeatureKey key = {
      GR_ROLE_PARK,
      gr_session_get_project (gr_window_get_session (window))->layers[GR_ROLE_PARK]->features->len
    };
    OGRGeometryH g = gr_scenario_get_geometry (
        scenario, gr_session_get_project (gr_window_get_session (window)), key);
    OGRGeometryH ring = OGR_G_GetGeometryRef (g, 0);
    double       ax = OGR_G_GetX (ring, 0), ay = OGR_G_GetY (ring, 0), bx = OGR_G_GetX (ring, 1),
           by = OGR_G_GetY (ring, 1);
    double area = OGR_G_Area (g);
    guint  edits = scenario->edits->len;

    look_at (window, (ax + bx) / 2, (ay + by) / 2, 17);
    g_assert_true (gr_window_double_click_at (window, (ax + bx) / 2, (ay + by) / 2));
    g_assert_cmpuint (scenario->edits->len, ==, edits + 1);
    g = gr_scenario_get_geometry (scenario, gr_session_get_project (gr_window_get_session (window)),
                                  key);
    g_assert_cmpint (OGR_G_GetPointCount (OGR_G_GetGeometryRef (g, 0)), ==, 6);
    g_assert_true (gr_window_double_click_at (window, (ax + bx) / 2, (ay + by) / 2));
    g = gr_scenario_get_geometry (scenario, gr_session_get_project (gr_window_get_session (window)),
                                  key);
    g_assert_cmpint (OGR_G_GetPointCount (OGR_G_GetGeometryRef (g, 0)), ==, 5);
    /* The move tool would take the whole park: corners are the reshape tool's. */
    gr_window_set_tool (window, "reshape");
    g_assert_true (gr_window_drag_begin (window, ax, ay));
    gr_window_drag_to (window, ax + (ax - bx), ay + (ay - by));
    gr_window_drag_end (window);
    g = gr_scenario_get_geometry (scenario, gr_session_get_project (gr_window_get_session (window)),
                                  key);
    g_assert_cmpfloat (OGR_G_Area (g), >, area);
    g_assert_cmpuint (scenario->edits->len, ==, edits + 3);
    g_object_unref (render (window, "edit-reshaped"));
    /* Back to the moved park for what follows. */
    for (guint i = 0; i < 3; i++)
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  }

  /* Removing existing green space: the 占补平衡 line says what is owed. */
  g_assert_null (gr_window_get_balance_text (window));
  {
    g_autoptr (GError) remove_error = NULL;
    g_assert_true (gr_window_push_edit (
        window, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_GREEN, 0, NULL), &remove_error));
    g_assert_no_error (remove_error);
  }
  g_assert_nonnull (gr_window_get_balance_text (window));
  g_test_message ("%s", gr_window_get_balance_text (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (gr_window_get_balance_text (window));
  /* The redo tail: the removal, not the reshaping, is what can be redone. */
  g_assert_cmpuint (scenario->edits->len, ==, 3);

  /* Undo twice: the blind spot is back, the figures are the baseline's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (scenario->position, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (scenario->position, ==, 0);
  gr_window_get_summary (window, &after);
  g_assert_cmpfloat (after.green.area_m2, ==, before.green.area_m2);
  g_assert_true (is_blind_spot_color (pixel_of_cell (window, "edit-undone", x, y)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));

  /* The history is a list model of the edits, undone ones not done; a
   * click on a row (the list view's activation) goes to just after it. */
  {
    GListModel *edits = gr_history_panel_get_model (gr_window_get_history (window));
    GtkWidget  *list = gtk_widget_get_last_child (GTK_WIDGET (gr_window_get_history (window)));
    g_autoptr (GrEditItem) first = g_list_model_get_item (edits, 0);
    g_autoptr (GrEditItem) second = g_list_model_get_item (edits, 1);

    g_assert_cmpuint (g_list_model_get_n_items (edits), ==, 3);
    g_assert_true (g_str_has_prefix (gr_edit_item_get_text (first), "1. "));
    g_assert_true (gr_edit_item_get_done (first));
    g_assert_false (gr_edit_item_get_done (second));
    g_assert_true (GTK_IS_LIST_VIEW (list));
    g_signal_emit_by_name (list, "activate", 1);
    g_assert_cmpuint (scenario->position, ==, 2);
    g_assert_true (gr_edit_item_get_done (second));
    g_signal_emit_by_name (list, "activate", 0);
    g_assert_cmpuint (scenario->position, ==, 1);
    g_assert_false (gr_edit_item_get_done (second));
    g_assert_cmpuint (g_list_model_get_n_items (edits), ==, 3);
  }

  /* Reopened from the file: the scenario, its edits and the undo point. */
  gr_window_open (window, path);
  wait_idle (window);
  {
    /* The scenario the first edit made, named as the window names it. */
    g_autofree char *name = g_strdup_printf (_ ("Scenario %u"), 1);
    g_assert_true (gr_window_set_scenario (window, name));
  }
  scenario = gr_window_get_scenario (window);
  g_assert_nonnull (scenario);
  /* The switcher lists the baseline and the scenario, by name. */
  {
    GListModel *options = gr_window_get_scenarios (window);
    g_autoptr (GrScenarioItem) baseline = g_list_model_get_item (options, 0);
    g_autoptr (GrScenarioItem) first = g_list_model_get_item (options, 1);

    g_assert_cmpuint (g_list_model_get_n_items (options), ==, 2);
    g_assert_null (gr_scenario_item_get_scenario (baseline));
    g_assert_true (gr_scenario_item_get_scenario (first) == scenario);
    g_assert_cmpstr (gr_scenario_item_get_name (first), ==, scenario->name);
  }
  g_assert_cmpuint (scenario->edits->len, ==, 3); /* add, move, and the undone removal */
  g_assert_cmpuint (scenario->position, ==, 1);
  gtk_widget_set_visible (GTK_WIDGET (gr_window_get_sketch_layer (window)), FALSE);
  g_assert_false (is_blind_spot_color (pixel_of_cell (window, "edit-reopened", x, y)));
  gtk_widget_set_visible (GTK_WIDGET (gr_window_get_sketch_layer (window)), TRUE);

  /* Compared with the baseline: the homes the park newly covers are blue
   * on the map while the comparison is open. */
  gr_window_compare (window, scenario, NULL);
  wait_idle (window);
  g_assert_nonnull (gr_window_get_comparison (window));
  gtk_widget_set_visible (GTK_WIDGET (gr_window_get_sketch_layer (window)), FALSE);
  {
    Pixel p = pixel_of_cell (window, "compare-newly-covered", x, y);
    g_test_message ("newly covered pixel %u,%u,%u", p.r, p.g, p.b);
    g_assert_cmpint (p.b, >, p.r + 60);
  }
  /* Compared again while the results are open: the first results go with
   * their comparison, one window shows the new one, and the map follows. */
  gr_window_compare (window, scenario, NULL);
  wait_idle (window);
  g_assert_nonnull (gr_window_get_comparison (window));
  g_assert_cmpuint (count_results_windows (window), ==, 1);
  {
    Pixel p = pixel_of_cell (window, "compare-again", x, y);
    g_assert_cmpint (p.b, >, p.r + 60);
  }
  gtk_widget_set_visible (GTK_WIDGET (gr_window_get_sketch_layer (window)), TRUE);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_WINDOW (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
          {
            ShumateViewport *viewport =
                shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window)));
            double px, py;

            int natural;

            /* A laptop's 768 pixels hold it: the rows scroll. */
            gtk_widget_measure (GTK_WIDGET (w), GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL,
                                NULL);
            g_test_message ("the comparison's natural height: %d", natural);
            g_assert_cmpint (natural, <=, 700);
            /* One column per option and one difference column: the
             * baseline once, not twice. */
            {
              g_autofree char *diff = g_strdup_printf (_ ("%s − baseline"), scenario->name);

              g_assert_cmpuint (count_labels (GTK_WIDGET (w), _ ("Baseline")), ==, 1);
              g_assert_cmpuint (count_labels (GTK_WIDGET (w), diff), ==, 1);
            }
            /* Every indicator is compared, per-capita park area included. */
            g_assert_nonnull (
                find_label (GTK_WIDGET (w), gr_indicator_get_name (GR_IND_PARK_PER_CAPITA)));
            /* Zoom to changes: the map goes to the new park from afar. */
            look_at (window, x + 5000, y + 5000, 11);
            g_signal_emit_by_name (w, "zoom-to-changes");
            spin (200);
            g_assert_true (gr_display_from_lonlat (
                gr_session_get_display (gr_window_get_session (window)),
                shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), &px, &py));
            g_test_message ("zoom to changes: %.0f m from the new park, zoom %.1f",
                            hypot (px - x, py - y), shumate_viewport_get_zoom_level (viewport));
            g_assert_cmpfloat (hypot (px - x, py - y), <, 300);
            g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, 14);
            gtk_window_destroy (w);
          }
      }
  }
  spin (100);
  g_assert_null (gr_window_get_comparison (window));

  /* A park drawn corner by corner with clicks, closed with a double click. */
  {
    const double corners[4][2] = { { -30, -30 }, { 30, -30 }, { 30, 30 }, { -30, 30 } };
    guint        before_edits = scenario->edits->len, position = scenario->position;
    GrFeatureKey key = { GR_ROLE_PARK, 0 };
    OGRGeometryH g;

    g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                              GR_CELL_NEITHER, &x, &y));
    look_at (window, x, y, 17);
    gr_window_set_drawing (window, TRUE);
    for (guint i = 0; i < 4; i++)
      gr_window_click_at (window, x + corners[i][0], y + corners[i][1]);
    g_object_unref (render (window, "edit-drawing"));
    gr_window_finish_drawing (window);
    g_assert_cmpuint (scenario->position, ==, position + 1);
    g_assert_cmpuint (scenario->edits->len, <=, before_edits + 1);
    key.index = gr_scenario_next_candidate (scenario,
                                            gr_session_get_project (gr_window_get_session (window)))
                - 1;
    g = gr_scenario_get_geometry (scenario, gr_session_get_project (gr_window_get_session (window)),
                                  key);
    g_assert_nonnull (g);
    /* The clicks land within a fraction of a pixel of the corners asked for. */
    g_assert_cmpfloat_with_epsilon (OGR_G_Area (g), 3600, 5);

    /* Picked, it tells what it is; renamed and classed, as one more edit. */
    gr_window_set_tool (window, "pan");
    gr_window_click_at (window, x, y);
    /* Its area with the thousands separated, in either language. */
    g_assert_nonnull (strstr (gr_window_get_selection_text (window), "3,600"));
    gr_window_rename_selection (window, "中心口袋公园", "G14");
    g_assert_cmpuint (scenario->position, ==, position + 2);
    {
      g_autoptr (GrProject) edited =
          gr_scenario_apply (scenario, gr_session_get_project (gr_window_get_session (window)));
      GrFeature *last = g_ptr_array_index (edited->layers[GR_ROLE_PARK]->features,
                                           edited->layers[GR_ROLE_PARK]->features->len - 1);
      g_assert_cmpstr (last->name, ==, "中心口袋公园");
      g_assert_cmpstr (last->kind, ==, "G14");
    }
    /* The Delete key takes the picked park away again. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-selected", NULL));
    g_assert_cmpuint (scenario->position, ==, position + 3);
    g_assert_null (gr_scenario_get_geometry (
        scenario, gr_session_get_project (gr_window_get_session (window)), key));
  }

  /* The project's own targets: kept in its file, edited in their dialog. */
  {
    g_autoptr (GError) target_error = NULL;
    GrTarget          own[GR_N_INDICATORS];
    AdwMessageDialog *dialog;
    const char       *value, *verdict;

    g_assert_true (gr_project_targets_set (path, GR_IND_SERVICE_RATE, 25, FALSE, &target_error));
    gr_window_set_targets (window, GR_TARGETS_PROJECT, 0);
    spin (100);
    g_assert_true (gr_window_get_indicator_row (window, GR_IND_SERVICE_RATE, &value, &verdict));
    g_assert_cmpstr (verdict, ==, _ ("met"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-targets", NULL));
    spin (300);
    dialog = find_dialog ();
    g_assert_nonnull (dialog);
    g_assert_true (GTK_IS_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_true (gr_project_targets_load (path, own, &target_error));
    g_assert_cmpfloat (own[GR_IND_SERVICE_RATE].value, ==, 25);
    g_assert_true (isnan (own[GR_IND_PARK_PER_CAPITA].value));
  }
}

/* Two scenarios compared, each taking away a park of its own: each
 * against the baseline, and the one against the other (B − A). */
static void
test_compare_two (Fixture *f, gconstpointer data)
{
  GrWindow  *window = f->window;
  GrProject *project = gr_session_get_project (gr_window_get_session (window));
  g_autoptr (GrScenario) a = gr_scenario_new ("方案A");
  g_autoptr (GrScenario) b = gr_scenario_new ("方案B");
  g_autoptr (GError) error = NULL;
  g_autofree char   *header = g_strdup_printf (_ ("%s − %s"), "方案B", "方案A");
  g_autofree char   *change = NULL;
  GrCriteria         criteria;
  GrComparison      *comparison;
  GtkWidget         *w;
  const GrIndicator *in_a, *in_b;

  gr_scenario_push (a, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_PARK, 1, NULL));
  gr_scenario_push (b, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_PARK, 0, NULL));
  gr_criteria_init_default (&criteria);
  comparison = gr_comparison_new (project, a, b, &criteria, NULL, &error);
  g_assert_no_error (error);
  w = gr_compare_window_new (GTK_WINDOW (window), comparison);
  g_assert_cmpuint (count_labels (w, header), ==, 1);
  in_a = &gr_comparison_get_indicators (comparison, 1)->items[GR_IND_PARK_PER_CAPITA];
  in_b = &gr_comparison_get_indicators (comparison, 2)->items[GR_IND_PARK_PER_CAPITA];
  g_assert_cmpfloat (in_b->value, !=, in_a->value);
  change = gr_format_change (in_b->value - in_a->value, 2,
                             gr_indicator_get_unit (GR_IND_PARK_PER_CAPITA));
  g_test_message ("per-capita park area, B − A: %s", change);
  /* The change shows wherever one of the three differences (A − baseline,
   * B − baseline, B − A) of an indicator reads the same, and no more: B − A
   * is B against A, not against the baseline. */
  {
    guint same = 0;

    for (guint id = 0; id < GR_N_INDICATORS; id++)
      {
        const char *unit = gr_indicator_get_unit (id);
        double      v[3];

        for (guint k = 0; k < 3; k++)
          v[k] = gr_comparison_get_indicators (comparison, k)->items[id].value;
        for (guint k = 0; k < 3; k++)
          {
            double           d = k == 0 ? v[1] - v[0] : k == 1 ? v[2] - v[0] : v[2] - v[1];
            g_autofree char *text =
                gr_format_change (d, 2, g_str_equal (unit, "%") ? _ ("pp") : unit);

            same += g_str_equal (text, change);
          }
      }
    g_assert_cmpuint (same, >=, 1);
    g_assert_cmpuint (count_labels (w, change), ==, same);
  }
  gtk_window_destroy (GTK_WINDOW (w));
  gr_comparison_free (comparison);
}

/* ---- a tile server on the loopback interface ------------------------------ */

static GBytes *tile_png;
static int     tile_requests;
/* What the server was asked: the request lines, for the Tianditu test. */
static GMutex      served_lock;
static GPtrArray  *served;
static const char *required_key; /* when set, a request without tk=KEY is refused */

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* One plain magenta tile for every request: nothing else draws magenta. */
static GBytes *
magenta_tile (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t         *cr = cairo_create (surface);
  GByteArray      *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 230 / 255.0, 0, 230 / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static gboolean
serve_tile (GThreadedSocketService *service,
            GSocketConnection      *connection,
            GObject                *source,
            gpointer                data)
{
  GInputStream  *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr (GString) request = g_string_new (NULL);
  g_autofree char *head = NULL;
  char             buffer[1024];
  gssize           n;

  while (strstr (request->str, "\r\n\r\n") == NULL
         && (n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (request, buffer, n);
  if (!g_str_has_prefix (request->str, "GET /"))
    return TRUE;
  g_atomic_int_inc (&tile_requests);
  g_mutex_lock (&served_lock);
  if (served != NULL)
    g_ptr_array_add (served, g_strndup (request->str, strcspn (request->str, "\r\n")));
  g_mutex_unlock (&served_lock);
  if (required_key != NULL)
    {
      g_autofree char *tk = g_strdup_printf ("tk=%s", required_key);

      if (strstr (request->str, tk) == NULL)
        {
          const char *refused = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: "
                                "close\r\n\r\n";

          g_output_stream_write_all (out, refused, strlen (refused), NULL, NULL, NULL);
          g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
          return TRUE;
        }
    }
  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: %zu\r\n"
                          "Connection: close\r\n\r\n",
                          g_bytes_get_size (tile_png));
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, g_bytes_get_data (tile_png, NULL), g_bytes_get_size (tile_png),
                             NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/* A tile server on 127.0.0.1 answering every GET with the magenta tile:
 * returns it started, and its address in @host ("http://127.0.0.1:PORT"). */
static GSocketService *
start_tile_server (char **host)
{
  GSocketService *server = g_threaded_socket_service_new (4);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  tile_png = magenta_tile ();
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (server), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                                &bound, &error));
  g_assert_no_error (error);
  g_signal_connect (server, "run", G_CALLBACK (serve_tile), NULL);
  g_socket_service_start (server);
  *host = g_strdup_printf ("http://127.0.0.1:%u",
                           g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return server;
}

static void
show_only_base_map (GrWindow *window, gboolean only)
{
  for (guint r = 0; r < GR_N_ROLES; r++)
    gr_window_set_role_visible (window, r, !only);
  g_object_set (window, "show-blind-spots", !only, NULL);
}

static Pixel
map_centre_pixel (GrWindow *window, const char *shot)
{
  g_autoptr (GdkTexture) texture = render (window, shot);
  GtkWidget       *map = gr_window_get_map (window);
  graphene_point_t in =
      GRAPHENE_POINT_INIT (gtk_widget_get_width (map) / 2.0, gtk_widget_get_height (map) / 2.0);
  graphene_point_t out;

  g_assert_true (gtk_widget_compute_point (map, contents (window), &in, &out));
  return pixel_at (texture, out.x, out.y);
}

static gboolean
is_magenta (Pixel p)
{
  return p.r > 200 && p.b > 200 && p.g < 40;
}

/* The map's centre pixel once the base map @name shows the magenta tile,
 * or after 20 s: nothing in libshumate 1.0 signals that tiles arrived. */
static Pixel
wait_for_magenta (GrWindow *window, const char *name)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  Pixel  p = { 0 };

  while (g_get_monotonic_time () < end && !is_magenta (p))
    {
      spin (500);
      p = map_centre_pixel (window, name);
    }
  return p;
}

/* The sample opens on its own base map, made from the extract by
 * `greenreach-cli basemap`: at street zoom in Andorra la Vella it shows
 * white streets in their casings and grey buildings, not a blur. */
static void
test_sample_base_map (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window)));
  g_autofree char *expected = gr_runtime_data_path ("sample/basemap.mbtiles");
  g_autofree char *in_use = gr_base_map_get_mbtiles (gr_settings_get (), NULL);
  guint            streets = 0, buildings = 0;
  gint64           end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_cmpstr (in_use, ==, expected);
  show_only_base_map (window, TRUE);
  shumate_viewport_set_zoom_level (viewport, 16);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 42.5075, 1.5290);
  while (g_get_monotonic_time () < end && (streets < 3000 || buildings < 3000))
    {
      g_autoptr (GdkTexture) texture = NULL;

      spin (400);
      texture = render (window, "sample-base-map");
      streets = count_map_pixels (texture, window, (Pixel){ 255, 255, 255 }, 2);
      buildings = count_map_pixels (texture, window, (Pixel){ 200, 196, 191 }, 8);
    }
  g_test_message ("street pixels %u, building pixels %u", streets, buildings);
  g_assert_cmpuint (streets, >=, 3000);
  g_assert_cmpuint (buildings, >=, 3000);
  show_only_base_map (window, FALSE);
}

static guint
count_marker_red (GrWindow *window, const char *shot)
{
  g_autoptr (GdkTexture) texture = render (window, shot);
  guint n = 0;

  /* The markers' red (204, 26, 26), antialiased edges aside. */
  for (int dr = -12; dr <= 12; dr += 6)
    for (int dg = -12; dg <= 12; dg += 6)
      n += count_map_pixels (texture, window, (Pixel){ 204 + dr, 26 + dg, 26 }, 3);
  return n;
}

/* The markers (greenway breaks, corridor pinch points) are a layer of
 * their own: a check box and its legend in the layer panel, Ctrl+M's
 * action; hidden, none of their red is on the map. */
static void
test_markers_layer (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GrMarks         *marks = gr_sketch_layer_get_marks (window->sketch);
  g_autofree char *street = NULL;
  guint            shown, hidden;
  gboolean         visible;

  g_assert_cmpuint (gr_marks_get_n_findings (marks), >, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (window),
                                _ ("Greenway break: a gap under 500 m between two greenways")));
  street = g_strdup_printf ("G14 %s", gr_park_class_get_label (GR_PARK_CLASS_STREET_GARDEN));
  g_assert_nonnull (find_label (GTK_WIDGET (window), street));
  show_only_base_map (window, TRUE);
  g_settings_set_enum (gr_settings_get (), "base-map", GR_BASE_MAP_NONE);
  spin (300);
  shown = count_marker_red (window, "markers-shown");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-markers", NULL);
  g_object_get (window, "show-markers", &visible, NULL);
  g_assert_false (visible);
  spin (300);
  hidden = count_marker_red (window, "markers-hidden");
  g_test_message ("marker pixels: shown %u, hidden %u", shown, hidden);
  g_assert_cmpuint (shown, >, 30);
  g_assert_cmpuint (hidden, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-markers", NULL);
  g_assert_true (gr_marks_get_findings_visible (marks));
  g_settings_reset (gr_settings_get (), "base-map");
  show_only_base_map (window, FALSE);
}

static gboolean
viewport_in (GrWindow *window, const double b[4])
{
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window)));
  double           lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double           lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));

  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

/* Blind spots ranked by the residents they leave out: listed under the
 * indicators, numbered on the map (a dark disc over the vermillion), and
 * a row clicked takes the map there. */
static void
test_priority_areas (Fixture *f, gconstpointer data)
{
  GrWindow             *window = f->window;
  GrDisplay            *display = gr_session_get_display (gr_window_get_session (window));
  GrMarks              *marks = gr_sketch_layer_get_marks (window->sketch);
  const GrPriorityArea *first, *second;
  double                b[4] = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  double                off;
  Pixel                 shown, hidden;

  gr_window_set_targets (window, GR_TARGETS_YUNCHENG_2025, 0);
  spin (100);
  g_assert_nonnull (window->priorities);
  g_assert_cmpuint (window->priorities->len, >=, 2);
  g_assert_cmpuint (gr_indicator_panel_get_n_priorities (window->indicator_panel), ==,
                    window->priorities->len);
  g_assert_cmpuint (gr_marks_get_n_priorities (marks), ==, window->priorities->len);
  first = &g_array_index (window->priorities, GrPriorityArea, 0);
  second = &g_array_index (window->priorities, GrPriorityArea, 1);
  g_test_message ("priority 1: %.0f residents, %.2f ha; 2: %.0f residents", first->residents,
                  first->area_m2 / 1e4, second->residents);
  g_assert_cmpfloat (first->residents, >=, second->residents);
  g_assert_cmpfloat (first->residents, >, 0);
  for (guint k = 0; k < 4; k++)
    {
      double lon, lat;

      g_assert_true (gr_display_to_lonlat (display, first->bounds[k % 2 ? 2 : 0],
                                           first->bounds[k / 2 ? 3 : 1], &lon, &lat));
      b[0] = MIN (b[0], lon), b[1] = MIN (b[1], lat), b[2] = MAX (b[2], lon),
      b[3] = MAX (b[3], lat);
    }
  look_at (window, first->x + 5000, first->y + 5000, 11);
  g_signal_emit_by_name (window->indicator_panel, "priority-activated", 1);
  spin (200);
  g_assert_true (viewport_in (window, b));
  /* 6 px left of the number at zoom 17 (pixel_of_cell's): inside the
   * disc, off the white digit. */
  off = 6 * 156543.03 * cos ((b[1] + b[3]) / 2 * G_PI / 180) / pow (2, 17);
  shown = pixel_of_cell (window, "priority-area", first->x - off, first->y);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-markers", NULL);
  spin (100);
  hidden = pixel_of_cell (window, "priority-area-hidden", first->x - off, first->y);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-markers", NULL);
  g_test_message ("priority marker pixel %u,%u,%u; hidden %u,%u,%u", shown.r, shown.g, shown.b,
                  hidden.r, hidden.g, hidden.b);
  g_assert_cmpuint (shown.r + shown.g + shown.b, <, 3 * 70);
  g_assert_cmpuint (hidden.r + hidden.g + hidden.b, >, 3 * 70);
  /* A zone chosen: its own areas only, ranked afresh from 1. */
  {
    guint zone = first->zone;

    g_assert_cmpuint (zone, >, 0);
    gr_window_set_targets (window, GR_TARGETS_YUNCHENG_2025, zone);
    spin (100);
    g_assert_cmpuint (window->priorities->len, >=, 1);
    for (guint i = 0; i < window->priorities->len; i++)
      {
        g_assert_cmpuint (g_array_index (window->priorities, GrPriorityArea, i).zone, ==, zone);
        g_assert_cmpuint (g_array_index (window->priorities, GrPriorityArea, i).rank, ==, i + 1);
      }
    g_assert_cmpuint (gr_marks_get_n_priorities (marks), ==, window->priorities->len);
    gr_window_set_targets (window, GR_TARGETS_YUNCHENG_2025, 0);
    spin (100);
  }
}

/* A layer's attribute table: every park, sorted by size, searched by name;
 * a row picked is selected on the map and framed. Find lists every named
 * feature; a layer is zoomed to; a coordinate is gone to. */
static void
test_attribute_table (Fixture *f, gconstpointer data)
{
  GrWindow         *window = f->window;
  GrProject        *project = gr_session_get_project (gr_window_get_session (window));
  GrDisplay        *display = gr_session_get_display (gr_window_get_session (window));
  GrAttributeTable *table = gr_window_open_table (window, GR_ROLE_PARK);
  GListModel       *rows = gr_attribute_table_get_rows (table);
  g_autoptr (GError) error = NULL;
  double largest = 0, b[4];

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==,
                    project->layers[GR_ROLE_PARK]->features->len);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GrFeatureItem) item = g_list_model_get_item (rows, i);
      largest = MAX (largest, gr_feature_item_get_size (item));
    }
  gr_attribute_table_sort_by (table, 3, FALSE);
  {
    g_autoptr (GrFeatureItem) first = g_list_model_get_item (rows, 0);
    g_assert_cmpfloat (gr_feature_item_get_size (first), ==, largest);
  }
  gr_attribute_table_set_search (table, "central");
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 1);
  {
    g_autoptr (GrFeatureItem) hit = g_list_model_get_item (rows, 0);
    const GrDisplayFeature *shown = NULL;
    GPtrArray              *parks = gr_display_get_features (display, GR_ROLE_PARK);

    g_assert_nonnull (strstr (gr_feature_item_get_name (hit), "Central"));
    gr_attribute_table_select (table, 0);
    spin (300);
    g_assert_true (window->has_selection);
    g_assert_cmpint (window->selection.role, ==, GR_ROLE_PARK);
    g_assert_cmpuint (window->selection.index, ==, gr_feature_item_get_index (hit));
    g_assert_cmpuint (parks->len, ==, project->layers[GR_ROLE_PARK]->features->len);
    shown = g_ptr_array_index (parks, gr_feature_item_get_index (hit));
    gr_polygon_bounds (shown->shape, b);
    g_assert_true (viewport_in (window, b));
    g_object_unref (render (window, "attribute-table-selected"));
  }
  gtk_window_destroy (GTK_WINDOW (table));

  /* Find: named features of every layer. */
  table = gr_window_open_table (window, GR_N_ROLES);
  rows = gr_attribute_table_get_rows (table);
  gr_attribute_table_set_search (table, "Valira");
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  gtk_window_destroy (GTK_WINDOW (table));

  /* Zoom to the water layer. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-to-layer", "i", GR_ROLE_WATER);
  gr_display_get_bounds (display, GR_ROLE_WATER, b);
  g_assert_true (viewport_in (window, b));

  /* Go to: WGS 84, the project's CRS, and a typing mistake. */
  g_assert_true (gr_window_go_to (window, "1.5218, 42.5063", 0, &error));
  g_assert_true (viewport_in (window, (double[]){ 1.5217, 42.5062, 1.5219, 42.5064 }));
  {
    double           x, y;
    g_autofree char *text = NULL;

    g_assert_true (gr_display_from_lonlat (display, 1.55, 42.52, &x, &y));
    text = g_strdup_printf ("%.2f %.2f", x, y);
    g_assert_true (gr_window_go_to (window, text, 2, &error));
    g_assert_true (viewport_in (window, (double[]){ 1.5499, 42.5199, 1.5501, 42.5201 }));
  }
  g_assert_false (gr_window_go_to (window, "42.5, north", 0, &error));
  g_assert_nonnull (strstr (error->message, "42.5, north"));
}

/* The measure tool: a known distance and area in the analysis CRS, then
 * in walking mode the walk along the network as the analysis measures it;
 * Esc clears it. */
static void
test_measure (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GrAnalysis      *analysis;
  double           x, y;
  g_autofree char *line = NULL;
  g_autofree char *closed = NULL;

  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  look_at (window, x + 500, y + 500, 14);
  gr_window_set_tool (window, "measure");
  gr_window_press_at (window, x, y, 1);
  gr_window_press_at (window, x + 1000, y, 1);
  line = g_strdup_printf (_ ("Distance %.0f m in a straight line"), 1000.0);
  g_assert_nonnull (gr_window_get_measure_text (window));
  g_assert_true (g_str_has_prefix (gr_window_get_measure_text (window), line));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->measure_label)));
  gr_window_press_at (window, x + 1000, y + 1000, 1);
  gr_window_press_at (window, x, y + 1000, 1);
  gr_window_press_at (window, x, y + 1000, 2);
  closed = g_strdup_printf (_ ("Area %.2f ha (%.0f m²), perimeter %.0f m"), 100.0, 1e6, 4000.0);
  g_assert_cmpstr (gr_window_get_measure_text (window), ==, closed);
  g_object_unref (render (window, "measure-area"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.escape", NULL);
  g_assert_null (gr_window_get_measure_text (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->measure_label)));

  /* On foot: the walk between two points near paths, as gr_walk_between
   * finds it, never shorter than the straight line. */
  gr_window_set_walking (window, TRUE);
  wait_idle (window);
  analysis = gr_session_get_analysis (gr_window_get_session (window));
  {
    GrWalk          *walk = gr_analysis_get_walk (analysis);
    double           x1 = x + 300, y1 = y + 200;
    gint64           mm = gr_walk_between (walk, x, y, x1, y1, 50000);
    g_autofree char *on_foot = NULL;

    g_assert_cmpint (mm, >, 0);
    g_assert_cmpfloat (mm / 1000.0, >=, hypot (300, 200));
    look_at (window, x + 150, y + 100, 15);
    gr_window_set_tool (window, "measure");
    gr_window_press_at (window, x, y, 1);
    gr_window_press_at (window, x1, y1, 1);
    on_foot = g_strdup_printf (_ ("%.0f m on foot along the walking network"), mm / 1000.0);
    g_test_message ("%s", gr_window_get_measure_text (window));
    g_assert_nonnull (strstr (gr_window_get_measure_text (window), on_foot));
    g_object_unref (render (window, "measure-walking"));
  }
}

/* "Make an Offline Base Map from This Project": unsaved, it asks for the
 * project file first; saved, the project's layers become `andorra.mbtiles`
 * beside `andorra.gpkg`, and the window draws it at once. */
static void
test_make_basemap (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *path = g_build_filename (f->dir, "andorra.gpkg", NULL);
  g_autofree char *beside = g_build_filename (f->dir, "andorra.mbtiles", NULL);
  g_autofree char *in_use = NULL;
  g_autoptr (GrMbtiles) tiles = NULL;
  g_autoptr (GError) error = NULL;
  gint64 end;

  g_assert_false (gr_window_make_basemap (window, 12, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (gr_window_save_as (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (gr_window_make_basemap (window, 12, &error));
  g_assert_no_error (error);
  g_assert_true (gr_window_get_busy (window));
  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (gr_window_get_busy (window) && g_get_monotonic_time () < end)
    spin (100);
  g_assert_false (gr_window_get_busy (window));
  g_assert_null (gr_window_get_error (window));
  g_assert_true (g_file_test (beside, G_FILE_TEST_IS_REGULAR));
  tiles = gr_mbtiles_open (beside, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gr_mbtiles_get_max_zoom (tiles), ==, 12);
  in_use = gr_base_map_get_mbtiles (gr_settings_get (), path);
  g_assert_cmpstr (in_use, ==, beside);
  g_assert_null (gr_window_get_base_map_error (window));
}

static guint
count_magenta_in_file (const char *png)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  guint         n = 0;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + 4 * x);

        n += is_magenta ((Pixel){ (p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff });
      }
  cairo_surface_destroy (image);
  return n;
}

static gboolean
was_asked (const char *a, const char *b, const char *c)
{
  gboolean found = FALSE;

  g_mutex_lock (&served_lock);
  for (guint i = 0; i < served->len && !found; i++)
    {
      const char *line = g_ptr_array_index (served, i);

      found = strstr (line, a) != NULL && strstr (line, b) != NULL && strstr (line, c) != NULL;
    }
  g_mutex_unlock (&served_lock);
  return found;
}

/* Tianditu against a local server that answers its WMTS addresses: the
 * map layer and the labels layer are both asked for, with the user's key
 * (a wrong key is refused); the exported map draws the tiles the window
 * fetched, from its tile cache, offline. */
static void
test_tianditu (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *host = NULL;
  g_autoptr (GSocketService) server = start_tile_server (&host);
  g_autoptr (GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "tianditu.png", NULL);
  GSettings       *settings = gr_settings_get ();

  served = g_ptr_array_new_with_free_func (g_free);
  required_key = "0123abcd";
  g_setenv ("GREENREACH_TIANDITU_SERVER", host, TRUE);
  show_only_base_map (window, TRUE);
  g_settings_set_string (settings, "tianditu-key", "0123abcd");
  g_settings_set_enum (settings, "base-map", GR_BASE_MAP_TIANDITU);
  g_assert_true (is_magenta (wait_for_magenta (window, "base-map-tianditu")));
  g_assert_true (was_asked ("/vec_w/wmts?", "LAYER=vec", "tk=0123abcd"));
  g_assert_true (was_asked ("/cva_w/wmts?", "LAYER=cva", "tk=0123abcd"));
  g_assert_true (was_asked ("TILEMATRIXSET=w", "TILEMATRIX=", "TILECOL="));
  spin (500); /* the tiles written to the cache */
  g_socket_service_stop (server);
  /* The server gone, the export draws what the window fetched. */
  g_assert_true (gr_window_export_map (window, png, 96, &error));
  g_assert_no_error (error);
  g_test_message ("magenta in the export: %u pixels", count_magenta_in_file (png));
  g_assert_cmpuint (count_magenta_in_file (png), >, 10000);

  g_settings_reset (settings, "base-map");
  g_settings_reset (settings, "tianditu-key");
  g_unsetenv ("GREENREACH_TIANDITU_SERVER");
  show_only_base_map (window, FALSE);
  required_key = NULL;
  g_clear_pointer (&served, g_ptr_array_unref);
  g_clear_pointer (&tile_png, g_bytes_unref);
}

/* The online base map, for real over HTTP from a server this test starts
 * on 127.0.0.1; then "no base map" shows a plain background. */
static void
test_online_base_map (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *host = NULL;
  g_autoptr (GSocketService) server = start_tile_server (&host);
  g_autofree char *url = g_strconcat (host, "/{z}/{x}/{y}.png", NULL);
  GSettings       *settings = gr_settings_get ();
  Pixel            p;

  show_only_base_map (window, TRUE);
  g_settings_set_string (settings, "tile-url", url);
  g_settings_set_enum (settings, "base-map", GR_BASE_MAP_CUSTOM);
  p = wait_for_magenta (window, "base-map-online");
  g_test_message ("%d tile requests; map centre %u,%u,%u", g_atomic_int_get (&tile_requests), p.r,
                  p.g, p.b);
  g_assert_cmpint (g_atomic_int_get (&tile_requests), >, 0);
  g_assert_true (is_magenta (p));

  g_settings_set_enum (settings, "base-map", GR_BASE_MAP_NONE);
  spin (500);
  p = map_centre_pixel (window, "base-map-none");
  g_assert_false (is_magenta (p));
  g_assert_null (gr_window_get_base_map_error (window));

  /* An address without {z}/{x}/{y} is refused in words, not fetched. */
  g_settings_set_string (settings, "tile-url", "http://127.0.0.1/tiles.png");
  g_settings_set_enum (settings, "base-map", GR_BASE_MAP_CUSTOM);
  g_assert_nonnull (gr_window_get_base_map_error (window));
  g_assert_nonnull (strstr (gr_window_get_base_map_error (window), "http://127.0.0.1/tiles.png"));

  g_socket_service_stop (server);
  g_settings_reset (settings, "tile-url");
  g_settings_reset (settings, "base-map");
  show_only_base_map (window, FALSE);
  g_clear_pointer (&tile_png, g_bytes_unref);
}

/* A damaged MBTiles base map: said in words naming the file; the project
 * and its blind spots stay on screen. */
static void
test_broken_base_map (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GSettings       *settings = gr_settings_get ();
  GrSession       *before = gr_window_get_session (window);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad-input",
                                                "mbtileserver_invalid.mbtiles", NULL);
  double           x, y;

  g_settings_set_string (settings, "mbtiles-path", bad);
  g_settings_set_enum (settings, "base-map", GR_BASE_MAP_MBTILES);
  g_assert_nonnull (gr_window_get_base_map_error (window));
  g_assert_nonnull (strstr (gr_window_get_base_map_error (window), "mbtileserver_invalid.mbtiles"));
  g_assert_true (gr_window_get_session (window) == before);
  g_assert_true (find_cell (gr_session_get_analysis (before), GR_CELL_NEITHER, &x, &y));
  g_assert_true (is_blind_spot_color (pixel_of_cell (window, "broken-base-map", x, y)));
  g_settings_reset (settings, "mbtiles-path");
  g_assert_null (gr_window_get_base_map_error (window));
}

/* The distances of the preferences are the analysis's. */
static void
test_preferences_radius (Fixture *f, gconstpointer data)
{
  GrWindow  *window = f->window;
  GSettings *settings = gr_settings_get ();
  GrSummary  before, after;

  gr_analysis_summarize (gr_session_get_analysis (gr_window_get_session (window)), -1, &before);
  g_settings_set_double (settings, "park-radius", 1000);
  wait_idle (window);
  g_assert_cmpfloat (
      gr_analysis_get_criteria (gr_session_get_analysis (gr_window_get_session (window)))
          ->park_radius,
      ==, 1000);
  gr_analysis_summarize (gr_session_get_analysis (gr_window_get_session (window)), -1, &after);
  g_assert_cmpfloat (after.park.area_m2, >, before.park.area_m2);
  g_settings_reset (settings, "park-radius");
  wait_idle (window);
  gr_analysis_summarize (gr_session_get_analysis (gr_window_get_session (window)), -1, &after);
  g_assert_cmpfloat (after.park.area_m2, ==, before.park.area_m2);
}

/* An accelerator as a comparable key: "keyval:modifiers". */
static char *
accel_key (const char *accel)
{
  guint           keyval = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  return g_strdup_printf ("%u:%u", gdk_keyval_to_lower (keyval), mods);
}

static void
collect_accelerators (GtkWidget *widget, GHashTable *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accels = NULL;

      g_object_get (widget, "accelerator", &accels, NULL);
      if (accels != NULL)
        {
          g_auto (GStrv) each = g_strsplit (accels, " ", -1);

          for (guint i = 0; each[i] != NULL; i++)
            if (each[i][0] != '\0')
              g_hash_table_add (listed, accel_key (each[i]));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, listed);
}

static void
test_help_overlay (Fixture *f, gconstpointer data)
{
  GrWindow           *window = f->window;
  GtkShortcutsWindow *help =
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

  g_assert_nonnull (help);
  /* Every accelerator of the application is listed, and the tools' keys. */
  {
    g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_auto (GStrv) actions =
        gtk_application_list_action_descriptions (gtk_window_get_application (GTK_WINDOW (window)));
    const char *tools[] = { "h", "m", "r", "a", "d", "Return", "Escape" };

    collect_accelerators (GTK_WIDGET (help), listed);
    for (guint i = 0; actions[i] != NULL; i++)
      {
        g_auto (GStrv) accels = gtk_application_get_accels_for_action (
            gtk_window_get_application (GTK_WINDOW (window)), actions[i]);

        for (guint k = 0; accels[k] != NULL; k++)
          {
            g_autofree char *key = accel_key (accels[k]);

            if (!g_hash_table_contains (listed, key))
              g_error ("%s (%s) is not in the shortcuts window", accels[k], actions[i]);
            /* One of the accelerators of an action is enough. */
            break;
          }
      }
    for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
      {
        g_autofree char *key = accel_key (tools[i]);
        g_assert_true (g_hash_table_contains (listed, key));
      }
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  spin (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help)));
  gtk_window_close (GTK_WINDOW (help));
  spin (100);
}

typedef gboolean (*DialogTest) (AdwMessageDialog *dialog, const char *arg);

/* The first visible message dialog that passes @test. */
static AdwMessageDialog *
find_visible_dialog (DialogTest test, const char *arg)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && test (ADW_MESSAGE_DIALOG (w), arg))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
has_extra_child (AdwMessageDialog *dialog, const char *arg)
{
  return adw_message_dialog_get_extra_child (dialog) != NULL;
}

static gboolean
has_response (AdwMessageDialog *dialog, const char *response)
{
  return adw_message_dialog_has_response (dialog, response);
}

static gboolean
body_says (AdwMessageDialog *dialog, const char *text)
{
  return strstr (adw_message_dialog_get_body (dialog), text) != NULL;
}

/* The role question, not an error message left open. */
static AdwMessageDialog *
find_dialog (void)
{
  return find_visible_dialog (has_extra_child, NULL);
}

/* The add-or-replace question, with its answers. */
static AdwMessageDialog *
find_question (const char *response)
{
  return find_visible_dialog (has_response, response);
}

/* The visible message whose body says @text, or NULL. */
static AdwMessageDialog *
find_message (const char *text)
{
  return find_visible_dialog (body_says, text);
}

/* Drops @file on the window: the role dialog must have guessed @role, and
 * is answered "import"; then, where the project has features of the role,
 * the add-or-replace question is answered @how. */
static void
drop_and_import (GrWindow *window, GFile *file, GrRole role, const char *how)
{
  AdwMessageDialog *dialog;
  gint64            end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_true (gr_window_drop_file (window, file));
  spin (300);
  dialog = find_dialog ();
  g_assert_true (GR_IS_IMPORT_DIALOG (dialog));
  while (!gr_import_dialog_is_ready (GR_IMPORT_DIALOG (dialog)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gr_import_dialog_is_ready (GR_IMPORT_DIALOG (dialog)));
  {
    g_autoptr (GrSource) source = gr_import_dialog_get_source (GR_IMPORT_DIALOG (dialog));

    g_assert_cmpuint (source->role, ==, role);
  }
  adw_message_dialog_response (dialog, "import");
  /* A button closes the dialog as it answers; answered from here, it stays. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (300);
  if (how != NULL)
    {
      dialog = find_question ("add");
      g_assert_nonnull (dialog);
      g_test_message ("%s — %s", adw_message_dialog_get_heading (dialog),
                      adw_message_dialog_get_body (dialog));
      g_assert_true (adw_message_dialog_get_response_enabled (dialog, how));
      adw_message_dialog_response (dialog, how);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  wait_idle (window);
}

/* A data layer named on the command line (greenreach FILE.shp) opens a
 * window that says it is a layer, not a project, and how to bring it in,
 * rather than that it is no readable GeoPackage. */
static void
test_open_layer_from_command_line (Fixture *f, gconstpointer data)
{
  g_autofree char *shp =
      g_test_build_filename (G_TEST_DIST, "data", "bad-input", "pyshp_corrupt_too_long.shp", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (shp);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GrWindow   *opened = NULL;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  spin (300);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (GR_IS_WINDOW (w) && GR_WINDOW (w) != f->window)
        opened = GR_WINDOW (w);
    }
  g_assert_nonnull (opened);
  g_assert_nonnull (gr_window_get_error (opened));
  g_test_message ("%s", gr_window_get_error (opened));
  g_assert_nonnull (strstr (gr_window_get_error (opened), "pyshp_corrupt_too_long.shp"));
  g_assert_nonnull (strstr (gr_window_get_error (opened), "Ctrl+I"));
  {
    AdwMessageDialog *message = find_message (gr_window_get_error (opened));

    g_assert_nonnull (message);
    gtk_window_destroy (GTK_WINDOW (message));
  }
  gtk_window_destroy (GTK_WINDOW (opened));
  spin (100);
}

/* A park layer dropped on the map: the role dialog guesses "park" from
 * the name, and the blind spot under the new park is covered after. */
static void
test_drop_a_layer (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GrProject       *project = gr_session_get_project (gr_window_get_session (window));
  g_autofree char *path = g_build_filename (f->dir, "new-parks.geojson", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  const double corners[5][2] = { { -60, -60 }, { 60, -60 }, { 60, 60 }, { -60, 60 }, { -60, -60 } };
  GrCoverage  *coverage;
  double       x, y;
  guint        n_parks;
  g_autoptr (GError) error = NULL;

  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  write_polygon_geojson (window, path, "Test park", corners, G_N_ELEMENTS (corners), x, y);

  n_parks = project->layers[GR_ROLE_PARK]->features->len;
  g_assert_cmpuint (n_parks, >, 1);
  /* Chosen with Open, the layer is no project: it asks its role, to be
   * imported, rather than failing as a GeoPackage. */
  gr_window_open_chosen (window, path);
  spin (300);
  {
    AdwMessageDialog *dialog = find_dialog ();

    g_assert_nonnull (dialog);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_null (gr_window_get_error (window));
  /* Added: every park of the sample stays, one more. */
  drop_and_import (window, file, GR_ROLE_PARK, "add");
  project = gr_session_get_project (gr_window_get_session (window));
  g_assert_cmpuint (project->layers[GR_ROLE_PARK]->features->len, ==, n_parks + 1);
  /* Undone with Ctrl+Z (the baseline's history): as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_idle (window);
  project = gr_session_get_project (gr_window_get_session (window));
  g_assert_cmpuint (project->layers[GR_ROLE_PARK]->features->len, ==, n_parks);
  g_assert_cmpuint (gr_session_get_sources (gr_window_get_session (window))->len, ==, 0);

  /* Replaced, once asked: the one park only; undo brings them all back. */
  drop_and_import (window, file, GR_ROLE_PARK, "replace");
  g_assert_true (gr_window_get_session (window) != NULL);
  project = gr_session_get_project (gr_window_get_session (window));
  g_assert_cmpuint (project->layers[GR_ROLE_PARK]->features->len, ==, 1);
  g_assert_cmpuint (gr_session_get_sources (gr_window_get_session (window))->len, ==, 1);
  /* The cell under the new park has a park and green space in reach now. */
  coverage = gr_analysis_get_coverage (gr_session_get_analysis (gr_window_get_session (window)));
  g_assert_cmpuint (gr_coverage_cell_count (coverage, GR_LAYER_GREEN, x, y), >=, 1);
  g_assert_cmpuint (gr_coverage_cell_count (coverage, GR_LAYER_PARK, x, y), ==, 1);
  g_assert_false (is_blind_spot_color (pixel_of_cell (window, "dropped-park", x, y)));
  g_assert_true (gr_window_undo_import (window, &error));
  g_assert_no_error (error);
  wait_idle (window);
  project = gr_session_get_project (gr_window_get_session (window));
  g_assert_cmpuint (project->layers[GR_ROLE_PARK]->features->len, ==, n_parks);
}

/* A saved project with scenarios: replacing its parks is refused while a
 * scenario edits one; added, the scenarios survive (their candidates
 * renumbered after the new park) in the window and in the file; undone,
 * the file is as before. */
static void
test_import_keeps_scenarios (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *saved = g_build_filename (f->dir, "saved.gpkg", NULL);
  g_autofree char *path = g_build_filename (f->dir, "one-park.geojson", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  GrProject   *project = gr_session_get_project (gr_window_get_session (window));
  guint        n_parks = project->layers[GR_ROLE_PARK]->features->len;
  GrScenario  *scenario;
  OGRGeometryH candidate;
  double       x, y, area;

  g_assert_true (gr_window_save_as (window, saved, &error));
  g_assert_no_error (error);
  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  /* Scenario A adds a candidate; B removes a baseline park. */
  g_assert_true (gr_window_new_scenario (window, "A", NULL, &error));
  gr_window_add_park_at (window, x, y);
  g_assert_true (gr_window_new_scenario (window, "B", NULL, &error));
  g_assert_true (
      gr_window_push_edit (window, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_PARK, 0, NULL), &error));
  g_assert_no_error (error);
  g_assert_true (gr_window_set_scenario (window, "A"));
  scenario = gr_window_get_scenario (window);
  area = OGR_G_Area (
      gr_scenario_get_geometry (scenario, project, (GrFeatureKey){ GR_ROLE_PARK, n_parks }));
  wait_idle (window);
  {
    g_autoptr (GString) json = g_string_new (NULL);
    double lon, lat;

    gr_display_to_lonlat (gr_session_get_display (gr_window_get_session (window)), x + 400, y, &lon,
                          &lat);
    /* A square of about 80 × 110 m, 400 m east of the blind spot. */
    g_string_printf (json,
                     "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                     "\"properties\":{\"name\":\"New park\"},\"geometry\":{\"type\":"
                     "\"Polygon\",\"coordinates\":[[[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f],"
                     "[%.8f,%.8f],[%.8f,%.8f]]]}}]}",
                     lon, lat, lon + 0.001, lat, lon + 0.001, lat + 0.001, lon, lat + 0.001, lon,
                     lat);
    g_assert_true (g_file_set_contents (path, json->str, -1, NULL));
  }
  g_assert_true (gr_window_drop_file (window, file));
  spin (300);
  adw_message_dialog_response (find_dialog (), "import");
  spin (300);
  {
    AdwMessageDialog *question = find_question ("add");

    g_assert_nonnull (question);
    g_test_message ("%s", adw_message_dialog_get_body (question));
    /* B edits a park: no replacing, and the question says who. */
    g_assert_false (adw_message_dialog_get_response_enabled (question, "replace"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "“B”"));
    adw_message_dialog_response (question, "add");
    gtk_window_destroy (GTK_WINDOW (question));
  }
  g_test_message ("importing the park (add)");
  wait_idle (window);
  project = gr_session_get_project (gr_window_get_session (window));
  g_assert_cmpuint (project->layers[GR_ROLE_PARK]->features->len, ==, n_parks + 1);
  /* A is shown again, its candidate after the new park, unchanged. */
  scenario = gr_window_get_scenario (window);
  g_assert_nonnull (scenario);
  g_assert_cmpstr (scenario->name, ==, "A");
  candidate =
      gr_scenario_get_geometry (scenario, project, (GrFeatureKey){ GR_ROLE_PARK, n_parks + 1 });
  g_assert_nonnull (candidate);
  g_assert_cmpfloat_with_epsilon (OGR_G_Area (candidate), area, 1e-6);
  /* The file has it all: the new park and both scenarios. */
  {
    g_autoptr (GrProject) reread = gr_project_load (saved, &error);
    g_autoptr (GrScenarioStore) store =
        gr_scenario_store_open (saved, reread, GR_SCENARIO_STORE_READ, &error);
    g_autoptr (GPtrArray) scenarios = gr_scenario_store_load (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (reread->layers[GR_ROLE_PARK]->features->len, ==, n_parks + 1);
    g_assert_cmpuint (scenarios->len, ==, 2);
  }
  /* Undone: the parks and the candidate's number as before. */
  g_test_message ("undoing the import");
  g_assert_true (gr_window_undo_import (window, &error));
  g_assert_no_error (error);
  wait_idle (window);
  project = gr_session_get_project (gr_window_get_session (window));
  g_assert_cmpuint (project->layers[GR_ROLE_PARK]->features->len, ==, n_parks);
  scenario = gr_window_get_scenario (window);
  g_assert_cmpstr (scenario->name, ==, "A");
  g_assert_nonnull (
      gr_scenario_get_geometry (scenario, project, (GrFeatureKey){ GR_ROLE_PARK, n_parks }));
}

/* Every label's text under @widget, one after the other. */
static void
collect_text (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* A zone chosen for the indicators: the coverage block shows the zone's
 * figures, and the map goes to the zone, outlined. */
static void
test_zone_drives_panel (Fixture *f, gconstpointer data)
{
  GrWindow  *window = f->window;
  GrProject *project = gr_session_get_project (gr_window_get_session (window));
  GrLayer   *zones = project->layers[GR_ROLE_ZONES];
  g_autoptr (GString) city = g_string_new (NULL);
  g_autoptr (GString) zone = g_string_new (NULL);
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window)));
  guint            biggest = 0, shapes;
  OGREnvelope      env;
  double           x, y;

  g_assert_nonnull (zones);
  g_assert_cmpuint (zones->features->len, >, 1);
  for (guint i = 1; i < zones->features->len; i++)
    if (OGR_G_Area (((GrFeature *) g_ptr_array_index (zones->features, i))->geometry)
        > OGR_G_Area (((GrFeature *) g_ptr_array_index (zones->features, biggest))->geometry))
      biggest = i;
  collect_text (GTK_WIDGET (window->coverage_panel), city);
  shapes = gr_sketch_layer_get_n_shapes (gr_window_get_sketch_layer (window));
  gr_window_set_targets (window, GR_TARGETS_YUNCHENG_2030, biggest + 1);
  spin (300);
  collect_text (GTK_WIDGET (window->coverage_panel), zone);
  g_test_message ("city: %s\nzone: %s", city->str, zone->str);
  g_assert_cmpstr (city->str, !=, zone->str);
  g_assert_cmpuint (gr_sketch_layer_get_n_shapes (gr_window_get_sketch_layer (window)), ==,
                    shapes + 1);
  /* The map's centre is the zone's. */
  OGR_G_GetEnvelope (((GrFeature *) g_ptr_array_index (zones->features, biggest))->geometry, &env);
  g_assert_true (
      gr_display_from_lonlat (gr_session_get_display (gr_window_get_session (window)),
                              shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                              shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), &x, &y));
  g_assert_cmpfloat (x, >=, env.MinX);
  g_assert_cmpfloat (x, <=, env.MaxX);
  g_assert_cmpfloat (y, >=, env.MinY);
  g_assert_cmpfloat (y, <=, env.MaxY);
  g_object_unref (render (window, "zone-chosen"));
  /* The city again: the city's figures, no outline. */
  gr_window_set_targets (window, GR_TARGETS_YUNCHENG_2030, 0);
  spin (200);
  g_string_truncate (zone, 0);
  collect_text (GTK_WIDGET (window->coverage_panel), zone);
  g_assert_cmpstr (city->str, ==, zone->str);
  g_assert_cmpuint (gr_sketch_layer_get_n_shapes (gr_window_get_sketch_layer (window)), ==, shapes);
}

/* The first edit of an unsaved project (the OpenStreetMap sample) is kept
 * while the Save dialog is up and made once the project is saved; a
 * cancelled dialog gives it up with a word, and nothing is half done. */
static void
test_first_edit_waits_for_save (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *path = g_build_filename (f->dir, "first.gpkg", NULL);
  g_autoptr (GError) error = NULL;
  double x, y;

  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  /* The Save dialog is a native one the test cannot answer: the action
   * that opens it is off, and the answer given as the dialog gives it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.save-as", FALSE);
  /* Cancelled: nothing made, nothing kept. */
  gr_window_add_park_at (window, x, y);
  g_assert_nonnull (window->pending);
  g_assert_null (gr_window_get_scenario (window));
  _gr_window_apply_pending (window, FALSE);
  g_assert_null (window->pending);
  g_assert_null (gr_window_get_scenario (window));
  /* Saved: the park is there, in a new scenario, and selected. */
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.save-as", FALSE);
  gr_window_add_park_at (window, x, y);
  g_assert_nonnull (window->pending);
  g_assert_true (gr_window_save_as (window, path, &error));
  g_assert_no_error (error);
  _gr_window_apply_pending (window, TRUE);
  wait_idle (window);
  g_assert_null (window->pending);
  g_assert_nonnull (gr_window_get_scenario (window));
  g_assert_cmpuint (gr_window_get_scenario (window)->edits->len, ==, 1);
  g_assert_true (window->has_selection);
  g_assert_cmpuint (
      window->selection.index, ==,
      gr_session_get_project (gr_window_get_session (window))->layers[GR_ROLE_PARK]->features->len);
}

/* Waits until the window has the size asked for (no window manager under
 * Xvfb: the default size is the size). */
static void
resize_window (GrWindow *window, int w, int h)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), w, h);
  gtk_widget_queue_resize (GTK_WIDGET (window));
  /* Client-side decorations take a few pixels of the default size. */
  while ((ABS (gtk_widget_get_width (contents (window)) - w) > 24
          || ABS (gtk_widget_get_height (contents (window)) - h) > 24)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (ABS (gtk_widget_get_width (contents (window)) - w), <=, 24);
  g_assert_cmpint (ABS (gtk_widget_get_height (contents (window)) - h), <=, 24);
  spin (400);
}

static GtkWidget *
nth_child (GtkWidget *widget, guint n)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  for (guint i = 0; i < n && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  return child;
}

static char *pdf_text (const char *pdf);
static char *map_page_text (const char *pdf);

/* Presentation mode at a projector's two usual sizes: the panels gone,
 * large cards with the panel's figures, the options stepped with the
 * arrow keys, the baseline left of the divider, nothing editable; then
 * the map and the report exported from what the window shows. */
static void
test_presentation (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *path = g_build_filename (f->dir, "andorra.gpkg", NULL);
  g_autofree char *png = g_build_filename (f->dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *svg_text = NULL;
  g_autoptr (GError) error = NULL;
  static const int sizes[2][2] = { { 1920, 1080 }, { 1280, 720 } };
  GrPresentation  *presentation = gr_window_get_presentation (window);
  GtkLabel        *layers_heading = find_label (contents (window), _ ("Layers"));
  GrScenario      *scenario;
  double           x, y;
  gint64           end;

  g_assert_true (gr_window_save_as (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (gr_window_new_scenario (window, "Option A", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  look_at (window, x, y, 17);
  gr_window_set_adding (window, TRUE);
  gr_window_click_at (window, x, y);
  gr_window_set_adding (window, FALSE);
  spin (200);
  scenario = gr_window_get_scenario (window);
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  gr_window_set_scenario (window, NULL);
  spin (200);

  g_assert_nonnull (layers_heading);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (layers_heading)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (gr_window_get_presenting (window));
  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!gr_window_presentation_ready (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gr_window_presentation_ready (window));
  /* The next option: the scenario, its cards against the baseline. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-step", "i", 1);
  spin (300);
  g_assert_true (gr_window_get_scenario (window) == scenario);
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (layers_heading)));
  g_assert_cmpuint (gr_swipe_layer_get_n_gain_tiles (gr_window_get_swipe_layer (window)), >, 0);
  for (guint k = 0; k < 2; k++)
    {
      int              w = sizes[k][0], h = sizes[k][1];
      g_autofree char *shot = g_strdup_printf ("presentation-%dx%d", w, h);
      GtkWidget       *cards = gr_presentation_get_cards (presentation);
      GtkWidget       *value = nth_child (nth_child (cards, 0), 1);
      g_autoptr (GdkTexture) texture = NULL;
      graphene_rect_t  box;
      const char      *panel_value, *verdict;
      g_autofree char *expected = NULL;
      g_autofree char *first = NULL;

      resize_window (window, w, h);
      w = gtk_widget_get_width (contents (window)), h = gtk_widget_get_height (contents (window));
      gr_window_set_presenting (window, FALSE);
      gr_window_set_presenting (window, TRUE);
      spin (300);
      texture = render (window, shot);
      /* Every card whole on screen, the values a tenth of the height or
       * more for a room. */
      g_assert_true (gtk_widget_compute_bounds (cards, contents (window), &box));
      g_assert_cmpfloat (box.origin.y + box.size.height, <=, h);
      g_assert_cmpfloat (box.origin.x + box.size.width, <=, w);
      g_assert_cmpfloat (box.size.height, >=, h / 10.0);
      g_assert_true (gtk_widget_compute_bounds (value, contents (window), &box));
      g_assert_cmpfloat (box.size.height, >=, h / 26.0);
      /* The card's figure is the panel's, to one decimal. */
      g_assert_true (
          gr_window_get_indicator_row (window, GR_IND_GREEN_300, &panel_value, &verdict));
      expected = g_strdup_printf ("%.1f", g_ascii_strtod (panel_value, NULL));
      first = g_strdup (gr_presentation_get_card_text (presentation, 0));
      g_assert_nonnull (strstr (first, expected));
      g_assert_nonnull (strstr (first, gr_indicator_get_name (GR_IND_GREEN_300)));
      /* A card's ground is light, its text dark: readable. */
      {
        GtkWidget *card = nth_child (cards, 0);
        Pixel      p;

        g_assert_true (gtk_widget_compute_bounds (card, contents (window), &box));
        p = pixel_at (texture, box.origin.x + box.size.width - 6,
                      box.origin.y + box.size.height / 2);
        g_assert_cmpuint (p.r + p.g + p.b, >, 3 * 200);
      }
    }
  /* Nothing edits: undo does not take the park away. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  spin (100);
  g_assert_cmpuint (scenario->position, ==, 1);
  g_assert_false (gr_window_drag_begin (window, x, y));
  /* Before/after: the new park's cell shows the baseline's blind spot
   * left of the divider and not right of it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-toggle", "s", "swipe");
  g_assert_true (gtk_toggle_button_get_active (gr_presentation_get_swipe (presentation)));
  gr_window_set_divider (window, 0.95);
  g_assert_true (is_blind_spot_color (pixel_of_cell (window, "presentation-swipe-baseline", x, y)));
  gr_window_set_divider (window, 0.05);
  g_assert_false (
      is_blind_spot_color (pixel_of_cell (window, "presentation-swipe-scenario", x, y)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-toggle", "s", "flash");
  g_assert_true (gtk_toggle_button_get_active (gr_presentation_get_flash (presentation)));
  g_object_unref (render (window, "presentation-flash"));
  /* Esc leaves, back at the view the planner left, however the room's
   * view was moved meanwhile. */
  shumate_viewport_set_zoom_level (
      shumate_map_get_viewport (SHUMATE_MAP (gr_window_get_map (window))), 12);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-leave", NULL);
  g_assert_false (gr_window_get_presenting (window));
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (shumate_map_get_viewport (
                                      SHUMATE_MAP (gr_window_get_map (window)))),
                                  17, 1e-9);
  resize_window (window, 1280, 800);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (layers_heading)));

  /* The view exported as PNG at 192 dpi and as SVG. */
  g_assert_true (gr_window_export_map (window, png, 192, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GdkTexture) image = gdk_texture_new_from_filename (png, &error);

    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (image), ==,
                     2 * gtk_widget_get_width (gr_window_get_map (window)));
  }
  g_assert_true (gr_window_export_map (window, svg, 96, &error));
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  /* The report carries the figure the window shows for the scenario. */
  {
    const char *const names[] = { "Option A", NULL };
    const char       *panel_value, *verdict;
    g_autofree char  *text = NULL;
    g_autofree char  *number = NULL;

    g_assert_true (gr_window_export_report (window, pdf, names, GR_PAPER_A4, FALSE, FALSE, &error));
    g_assert_no_error (error);
    g_assert_true (
        gr_window_get_indicator_row (window, GR_IND_SERVICE_RATE, &panel_value, &verdict));
    number = g_strdup_printf ("%.2f", g_ascii_strtod (panel_value, NULL));
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, number));
    g_assert_nonnull (strstr (text, "Option A"));
  }
  /* Framed on the window's street-level view, the map pages' scale bar is
   * in metres; on the whole residential land, in kilometres. */
  {
    const char *const names[] = { NULL };
    g_autofree char  *whole = NULL;
    g_autofree char  *view = NULL;
    /* The scale bar's units as the locale writes them: " km", " 千米". */
    g_autofree char *km = g_strdup_printf (_ ("%g km"), 1.0);
    g_autofree char *m = g_strdup_printf (_ ("%g m"), 1.0);

    g_assert_true (gr_window_export_report (window, pdf, names, GR_PAPER_A4, FALSE, FALSE, &error));
    whole = map_page_text (pdf);
    g_assert_true (gr_window_export_report (window, pdf, names, GR_PAPER_A4, FALSE, TRUE, &error));
    g_assert_no_error (error);
    view = map_page_text (pdf);
    g_test_message ("whole: %s\nview: %s", whole, view);
    g_assert_nonnull (strstr (whole, km + 1));
    g_assert_null (strstr (view, km + 1));
    g_assert_nonnull (strstr (view, m + 1));
  }
}

/* The text of the baseline's map page. */
static char *
map_page_text (const char *pdf)
{
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *heading = g_strdup_printf (_ ("Blind spots: %s"), _ ("Baseline"));
  g_auto (GStrv) pages = g_strsplit (text, "\f", -1);

  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], heading) != NULL)
      return g_strdup (pages[i]);
  g_assert_not_reached ();
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int   status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

/* A read-only project whose scenario holds an edit that no longer fits its
 * data: opened, the edit named and left out, the scenario shown without
 * it, and a new edit refused with the reason; the file is not touched. */
static void
test_read_only_project (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *saved = g_build_filename (f->dir, "locked.gpkg", NULL);
  g_autoptr (GError) error = NULL;
  GrProject        *project = gr_session_get_project (gr_window_get_session (window));
  g_autofree char  *before = NULL;
  g_autofree char  *after = NULL;
  gsize             n_before, n_after;
  GrScenario       *scenario;
  AdwMessageDialog *message;
  GrSummary         baseline, with_park;
  double            x, y;

  g_assert_true (gr_window_save_as (window, saved, &error));
  g_assert_no_error (error);
  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  g_assert_true (gr_window_new_scenario (window, "A", NULL, &error));
  gr_window_add_park_at (window, x, y);
  wait_idle (window);
  /* Written by another program: the removal of a green space the layer
   * does not have. */
  {
    g_autoptr (GrScenarioStore) store =
        gr_scenario_store_open (saved, project, GR_SCENARIO_STORE_WRITE, &error);
    g_autoptr (GPtrArray) all = gr_scenario_store_load (store, &error);

    g_assert_no_error (error);
    g_assert_true (
        gr_scenario_store_push (store, g_ptr_array_index (all, 0),
                                gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_GREEN, 100000, NULL), &error));
  }
  g_assert_cmpint (g_chmod (saved, 0444), ==, 0);

  /* Opening it closes the writer before, which writes back what it held. */
  gr_window_open (window, saved);
  wait_idle (window);
  spin (200);
  g_assert_true (g_file_get_contents (saved, &before, &n_before, NULL));
  /* Named in either language: the scenario and the feature's number. */
  message = find_message ("100001");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "“A”"));
  adw_message_dialog_response (message, "close");
  gr_window_get_summary (window, &baseline);
  g_assert_true (gr_window_set_scenario (window, "A"));
  wait_idle (window);
  scenario = gr_window_get_scenario (window);
  g_assert_nonnull (scenario);
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  g_assert_cmpuint (scenario->left_out->len, ==, 1);
  /* The candidate is analysed: the blind spot it was put in shrinks. */
  gr_window_get_summary (window, &with_park);
  g_assert_cmpfloat (with_park.neither.area_m2, <, baseline.neither.area_m2);
  g_assert_false (
      gr_window_push_edit (window, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_PARK, 0, NULL), &error));
  g_assert_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "locked.gpkg"));
  g_assert_true (g_file_get_contents (saved, &after, &n_after, NULL));
  g_assert_cmpmem (before, n_before, after, n_after);
  g_assert_cmpint (g_chmod (saved, 0644), ==, 0);
}

/* A project without paths: Walking is not chosen over straight-line
 * figures; the switch stays and the window says why. */
static void
test_walking_without_paths (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *saved = g_build_filename (f->dir, "no-paths.gpkg", NULL);
  g_autoptr (GError) error = NULL;
  GDALDatasetH ds;

  g_assert_true (gr_window_save_as (window, saved, &error));
  g_assert_no_error (error);
  ds = GDALOpenEx (saved, GDAL_OF_VECTOR | GDAL_OF_UPDATE, NULL, NULL, NULL);
  g_assert_nonnull (ds);
  GDALDatasetExecuteSQL (ds, "DELETE FROM gr_roles WHERE role = 'walk'", NULL, NULL);
  GDALClose (ds);
  gr_window_open (window, saved);
  wait_idle (window);
  g_assert_null (gr_session_get_project (gr_window_get_session (window))->layers[GR_ROLE_WALK]);
  gr_window_set_walking (window, TRUE);
  wait_idle (window);
  g_assert_false (
      gr_analysis_is_walking (gr_session_get_analysis (gr_window_get_session (window))));
  g_assert_cmpuint (gtk_drop_down_get_selected (window->mode_dropdown), ==, 0);
  g_assert_false (window->criteria.walking);
}

/* Import the delivery again from the menu: only a project file keeps its
 * recipe; the same delivery again changes nothing and keeps the scenario. */
static void
test_reimport (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  g_autofree char *saved = g_build_filename (f->dir, "delivery.gpkg", NULL);
  g_autoptr (GError) error = NULL;
  GrScenario *scenario;

  /* An OSM extract opened as it is has no project file yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reimport", NULL);
  g_assert_null (gr_window_get_reimport_notes (window));
  g_assert_true (gr_window_save_as (window, saved, &error));
  g_assert_no_error (error);
  g_assert_true (gr_window_new_scenario (window, "A", NULL, &error));
  g_assert_true (
      gr_window_push_edit (window, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_PARK, 3, NULL), &error));
  g_assert_no_error (error);
  wait_idle (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reimport", NULL);
  wait_idle (window);
  spin (200);
  g_assert_nonnull (gr_window_get_reimport_notes (window));
  g_assert_cmpstr (gr_window_get_reimport_notes (window), ==, "");
  g_assert_null (gr_window_get_error (window));
  g_assert_true (gr_window_set_scenario (window, "A"));
  wait_idle (window);
  scenario = gr_window_get_scenario (window);
  g_assert_nonnull (scenario);
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  g_assert_cmpuint (scenario->left_out->len, ==, 0);
}

/* A bureau's 用地现状 layer written from the window's own layers: housing
 * 0701, parks 1401, some buildings under a code the guide lacks; GBK
 * names, no .cpg. Returns the number of features of each code. */
static void
write_landuse (GrProject *project, const char *path, guint counts[3])
{
  const char *options[] = { "ENCODING=CP936", NULL };
  g_auto (OGRSpatialReferenceH) srs = OSRNewSpatialReference (project->crs_wkt);
  GDALDatasetH ds =
      GDALCreate (GDALGetDriverByName ("ESRI Shapefile"), path, 0, 0, 0, GDT_Unknown, NULL);
  OGRLayerH layer = GDALDatasetCreateLayer (ds, "landuse", srs, wkbMultiPolygon, (char **) options);
  const struct
  {
    GrRole      role;
    const char *code;
    guint       max;
  } coded[] = { { GR_ROLE_RESIDENTIAL, "0701", G_MAXUINT },
                { GR_ROLE_PARK, "1401", G_MAXUINT },
                { GR_ROLE_BUILDINGS, "9999", 5 } };
  g_autofree char *cpg = g_strndup (path, strlen (path) - 4);

  for (const char *const *name = (const char *const[]){ "DLBM", "MC", NULL }; *name; name++)
    {
      OGRFieldDefnH field = OGR_Fld_Create (*name, OFTString);

      g_assert_cmpint (OGR_L_CreateField (layer, field, TRUE), ==, OGRERR_NONE);
      OGR_Fld_Destroy (field);
    }
  for (guint c = 0; c < G_N_ELEMENTS (coded); c++)
    {
      GrLayer *from = project->layers[coded[c].role];

      counts[c] = 0;
      for (guint i = 0; i < from->features->len && i < coded[c].max; i++)
        {
          g_auto (OGRFeatureH) row = OGR_F_Create (OGR_L_GetLayerDefn (layer));

          OGR_F_SetFieldString (row, 0, coded[c].code);
          OGR_F_SetFieldString (row, 1, "地块");
          OGR_F_SetGeometry (row, ((GrFeature *) g_ptr_array_index (from->features, i))->geometry);
          g_assert_cmpint (OGR_L_CreateFeature (layer, row), ==, OGRERR_NONE);
          counts[c]++;
        }
    }
  GDALClose (ds);
  {
    char *with_cpg = g_strconcat (cpg, ".cpg", NULL);

    g_remove (with_cpg);
    g_free (with_cpg);
  }
}

static void
wait_dialog_ready (GrImportDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  /* A new reading starts at once: wait for its answer. */
  spin (50);
  while (!gr_import_dialog_is_ready (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gr_import_dialog_is_ready (dialog));
}

static gboolean
is_connection_dialog (AdwMessageDialog *dialog, const char *arg)
{
  return GR_IS_CONNECTION_DIALOG (dialog);
}

/* Import from a Database: the connection dialog offers to read only a
 * table; a server that is not there is said in the import dialog, naming
 * the connection without its password, and nothing can be imported; the
 * next time the connection is offered again, without the password. */
static void
test_import_database (Fixture *f, gconstpointer data)
{
  GrWindow         *window = f->window;
  AdwMessageDialog *dialog;
  GrImportDialog   *import;
  g_autofree char  *heading = NULL;
  const char       *status;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-database", NULL));
  spin (20);
  dialog = find_visible_dialog (is_connection_dialog, NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gr_connection_dialog_get_connection (GR_CONNECTION_DIALOG (dialog)), ==, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "read"));
  gr_connection_dialog_set_connection (GR_CONNECTION_DIALOG (dialog),
                                       "PG:host=127.0.0.1 port=1 dbname=city password=S3cret-pw");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "read"));
  gr_connection_dialog_set_connection (
      GR_CONNECTION_DIALOG (dialog),
      "PG:host=127.0.0.1 port=1 dbname=city password=S3cret-pw tables=public.parks");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "read"));
  render_widget (window, GTK_WIDGET (dialog), "import-database-connection");
  /* A button closes the dialog as it answers; answered from here, it stays. */
  adw_message_dialog_response (dialog, "read");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (20);
  import = window->import_dialog;
  g_assert_nonnull (import);
  wait_dialog_ready (import);
  g_object_get (import, "heading", &heading, NULL);
  g_assert_nonnull (strstr (heading, "public.parks"));
  g_assert_null (strstr (heading, "S3cret-pw"));
  /* A table, not a file. */
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (import)), ==,
                   _ ("What the table holds, as it will be read. Nothing is computed until it is "
                      "imported."));
  status = gr_import_dialog_get_status (import);
  g_test_message ("%s", status);
  g_assert_nonnull (strstr (status, "port=1"));
  g_assert_nonnull (strstr (status, "tables=public.parks"));
  g_assert_null (strstr (status, "S3cret-pw"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (import), "import"));
  g_assert_cmpstr (gr_import_dialog_get_crs (import), ==, "–");
  render_widget (window, GTK_WIDGET (import), "import-database-refused");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (import), "cancel");
  gtk_window_destroy (GTK_WINDOW (import));
  spin (20);
  /* Offered again, without the password. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-database", NULL));
  spin (20);
  dialog = find_visible_dialog (is_connection_dialog, NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gr_connection_dialog_get_connection (GR_CONNECTION_DIALOG (dialog)), ==,
                   "PG:host=127.0.0.1 port=1 dbname=city tables=public.parks");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (20);
}

/* The import dialog on a land-use layer: every code with its features,
 * area and role, the unknown code marked in red, the encoding and CRS
 * said, before anything is computed; importing it sorts the codes. */
static void
test_import_dialog (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GrProject       *project = gr_session_get_project (gr_window_get_session (window));
  g_autofree char *shp = g_build_filename (f->dir, "用地现状.shp", NULL);
  g_autofree char *homes = NULL;
  g_autofree char *parks = NULL;
  g_autoptr (GdkTexture) shot = NULL;
  g_autofree char *text = NULL;
  GrSource        *source;
  GrImportDialog  *dialog;
  guint            counts[3];
  gboolean         red = FALSE;

  write_landuse (project, shp, counts);
  dialog = gr_window_ask_import_file (window, shp);
  g_assert_nonnull (dialog);
  wait_dialog_ready (dialog);
  text = g_strdup (gr_import_dialog_get_preview_text (dialog));
  g_test_message ("%s\n%s", text, gr_import_dialog_get_status (dialog));
  /* Recognised as a land-use layer by its DLBM field. */
  source = gr_import_dialog_get_source (dialog);
  g_assert_true (source->landuse);
  g_clear_pointer (&source, gr_source_free);
  homes = g_strdup_printf ("0701\t城镇住宅用地\t%u\t", counts[0]);
  parks = g_strdup_printf ("1401\t公园绿地\t%u\t", counts[1]);
  g_assert_nonnull (strstr (text, homes));
  g_assert_nonnull (strstr (text, parks));
  g_assert_nonnull (strstr (text, "! 9999\t?\t5\t"));
  g_assert_nonnull (strstr (gr_import_dialog_get_status (dialog), "guide-2023"));
  g_assert_nonnull (strstr (gr_import_dialog_get_encoding (dialog), "GBK"));
  g_assert_nonnull (strstr (gr_import_dialog_get_crs (dialog), "UTM zone 31N"));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  /* Read as GCJ-02, a projected layer is refused, naming the file, and
   * cannot be imported; read as it says again, it can. */
  gr_import_dialog_set_source_crs (dialog, "GCJ-02");
  wait_dialog_ready (dialog);
  source = gr_import_dialog_get_source (dialog);
  g_assert_cmpstr (source->crs, ==, "GCJ-02");
  g_clear_pointer (&source, gr_source_free);
  g_assert_nonnull (strstr (gr_import_dialog_get_crs (dialog), "GCJ-02"));
  g_assert_nonnull (strstr (gr_import_dialog_get_status (dialog), shp));
  g_assert_nonnull (strstr (gr_import_dialog_get_status (dialog), "GCJ-02"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  gr_import_dialog_set_source_crs (dialog, NULL);
  wait_dialog_ready (dialog);
  source = gr_import_dialog_get_source (dialog);
  g_assert_null (source->crs);
  g_clear_pointer (&source, gr_source_free);
  g_assert_cmpstr (gr_import_dialog_get_preview_text (dialog), ==, text);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  /* The unknown code stands out in the error colour, once the preview
   * read again has been painted (its rows are rebuilt; a frame or two). */
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       !red && g_get_monotonic_time () < end; spin (100))
    {
      int                w, h;
      g_autofree guint8 *bgra = NULL;

      g_clear_object (&shot);
      shot = render_widget (window, GTK_WIDGET (dialog), "import-dialog-landuse");
      w = gdk_texture_get_width (shot), h = gdk_texture_get_height (shot);
      bgra = g_malloc ((gsize) 4 * w * h);
      gdk_texture_download (shot, bgra, 4 * w);
      for (gsize i = 0; i < (gsize) w * h && !red; i++)
        red = bgra[4 * i + 2] > 150 && bgra[4 * i + 1] < 90 && bgra[4 * i] < 90;
    }
  g_assert_true (red);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  wait_idle (window);
  project = gr_session_get_project (gr_window_get_session (window));
  g_assert_cmpuint (project->layers[GR_ROLE_RESIDENTIAL]->features->len, ==, counts[0]);
  g_assert_cmpuint (project->layers[GR_ROLE_PARK]->features->len, ==, counts[1]);
}

/* Whether any listed site is candidate @candidate. */
static gboolean
lists_candidate (const GrSiteSuggestion *s, guint candidate)
{
  for (guint i = 0; i < s->sites->len; i++)
    if (g_array_index (s->sites, GrSite, i).candidate == candidate)
      return TRUE;
  return FALSE;
}

static void
wait_measured (GrWindow *window)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (gr_window_get_measuring (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gr_window_get_measuring (window));
}

/* The blind-spot colour of a cell, seen without the marks over it. */
static gboolean
blind_under_marks (GrWindow *window, const char *shot, double x, double y)
{
  GtkWidget *sketch = GTK_WIDGET (gr_window_get_sketch_layer (window));
  gboolean   blind;

  gtk_widget_set_visible (sketch, FALSE);
  blind = is_blind_spot_color (pixel_of_cell (window, shot, x, y));
  gtk_widget_set_visible (sketch, TRUE);
  return blind;
}

/* Plots the city can use, 120 m squares about a blind spot and 350 m
 * around it, written as GeoJSON and imported as the candidate sites. */
static void
import_plots (Fixture *f, double x, double y)
{
  GrWindow  *window = f->window;
  GrProject *project = gr_session_get_project (gr_window_get_session (window));
  g_auto (OGRSpatialReferenceH) from = gr_srs_new_from_user (project->crs_wkt);
  g_auto (OGRSpatialReferenceH) to = gr_srs_new_from_user ("EPSG:4326");
  g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (from, to);
  g_autoptr (GString) json = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");
  g_autofree char *path = g_build_filename (f->dir, "candidate-sites.geojson", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  const double at[][2] = {
    { 0, 0 }, { 350, 0 }, { 0, 350 }, { -350, 0 }, { 0, -350 }, { 350, 350 }
  };
  const double corners[5][2] = { { -60, -60 }, { 60, -60 }, { 60, 60 }, { -60, 60 }, { -60, -60 } };

  for (guint p = 0; p < G_N_ELEMENTS (at); p++)
    {
      g_string_append_printf (json,
                              "%s{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                              "{\"type\":\"Polygon\",\"coordinates\":[[",
                              p ? "," : "");
      for (guint i = 0; i < 5; i++)
        {
          double cx = x + at[p][0] + corners[i][0], cy = y + at[p][1] + corners[i][1];

          g_assert_true (OCTTransform (ct, 1, &cx, &cy, NULL));
          g_string_append_printf (json, "%s[%.8f,%.8f]", i ? "," : "", cx, cy);
        }
      g_string_append (json, "]]}}");
    }
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (path, json->str, -1, NULL));
  /* As a planner does: dropped on the map, its role read from its name. */
  drop_and_import (window, file, GR_ROLE_SITES, "replace");
  project = gr_session_get_project (gr_window_get_session (window));
  g_assert_nonnull (project->layers[GR_ROLE_SITES]);
  g_assert_cmpuint (project->layers[GR_ROLE_SITES]->features->len, ==, G_N_ELEMENTS (at));
}

/* The spin button under @widget that shows @value. */
static GtkWidget *
find_spin_button (GtkWidget *widget, double value)
{
  if (GTK_IS_SPIN_BUTTON (widget) && gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)) == value)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_spin_button (child, value);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Site suggestion in the window: three sites ranked with their gains and
 * numbered on the map, the first one's reach shown; accepted, it is an
 * ordinary candidate park (one edit), the blind spot it serves is covered
 * and the list is ranked again without it; undone, the blind spot is back
 * and the site leads again; rejected, it is left out of the ranking. */
static void
test_suggest_sites (Fixture *f, gconstpointer data)
{
  GrWindow        *window = f->window;
  GrSuggestPanel  *panel = gr_window_get_suggest_panel (window);
  GrMarks         *marks = gr_sketch_layer_get_marks (gr_window_get_sketch_layer (window));
  g_autofree char *path = g_build_filename (f->dir, "andorra.gpkg", NULL);
  g_autoptr (GError) error = NULL;
  const GrSiteSuggestion *s;
  GrScenario             *scenario;
  GrSummary               before, after;
  guint                   first;
  double                  value, x, y;

  /* The sample's usable land holds no 3,000 m² park clear of buildings:
   * said, with how much usable land there is, not a list of nothing. */
  gr_suggest_panel_set_count (panel, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "suggest.run", NULL));
  wait_measured (window);
  g_test_message ("%s", gr_suggest_panel_get_status (panel));
  g_assert_cmpuint (g_list_model_get_n_items (gr_suggest_panel_get_sites (panel)), ==, 0);
  {
    GrProject       *project = gr_session_get_project (gr_window_get_session (window));
    g_autofree char *n_land = g_strdup_printf ("%u", gr_site_count_usable_land (project));

    g_assert_cmpuint (gr_site_count_usable_land (project), >, 100);
    g_assert_nonnull (strstr (gr_suggest_panel_get_status (panel), n_land));
  }
  /* The sample's candidate plots as drawn: ranked as the library ranks
   * them (greenreach-cli suggest --sites layer), the area left alone. */
  gr_suggest_panel_set_source (panel, GR_SITE_SOURCE_PLOT);
  g_assert_false (gtk_widget_get_sensitive (find_spin_button (GTK_WIDGET (panel), 3000)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "suggest.run", NULL));
  wait_measured (window);
  g_test_message ("%s", gr_suggest_panel_get_status (panel));
  {
    GrProject       *project = gr_session_get_project (gr_window_get_session (window));
    GrSiteOptions    options;
    GrSiteSuggestion direct;

    gr_suggest_panel_get_options (panel, &options);
    g_assert_cmpfloat (options.area_m2, ==, 0);
    options.sites = project->layers[GR_ROLE_SITES];
    g_assert_true (gr_site_suggestion_run (project,
                                           gr_session_get_analysis (gr_window_get_session (window)),
                                           &options, &direct, &error));
    g_assert_no_error (error);
    s = gr_window_get_suggestion (window);
    g_assert_nonnull (s);
    g_assert_cmpuint (s->sites->len, ==, 3);
    g_assert_cmpuint (direct.sites->len, ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        g_assert_cmpuint (g_array_index (s->sites, GrSite, i).candidate, ==,
                          g_array_index (direct.sites, GrSite, i).candidate);
        g_assert_cmpfloat (g_array_index (s->sites, GrSite, i).value, ==,
                           g_array_index (direct.sites, GrSite, i).value);
        g_assert_cmpfloat (g_array_index (s->sites, GrSite, i).value, >, 0);
      }
    gr_site_suggestion_clear (&direct);
  }
  gr_suggest_panel_set_source (panel, GR_SITE_SOURCE_LAND);
  g_assert_true (gtk_widget_get_sensitive (find_spin_button (GTK_WIDGET (panel), 3000)));

  /* Plots imported into the saved project, which stays open for edits. */
  g_assert_true (gr_window_save_as (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (find_cell (gr_session_get_analysis (gr_window_get_session (window)),
                            GR_CELL_NEITHER, &x, &y));
  import_plots (f, x, y);
  g_assert_cmpuint (gr_session_get_sources (gr_window_get_session (window))->len, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest-sites", NULL));
  /* One park in each plot imported. */
  gr_suggest_panel_set_source (panel, GR_SITE_SOURCE_PARK_IN_PLOT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "suggest.run", NULL));
  g_assert_true (gr_window_get_measuring (window));
  /* Nothing edits the analysis the thread reads. */
  g_assert_false (
      gr_window_push_edit (window, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_GREEN, 0, NULL), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  wait_measured (window);
  s = gr_window_get_suggestion (window);
  g_assert_nonnull (s);
  g_test_message ("%s", gr_suggest_panel_get_status (panel));
  g_assert_cmpuint (s->sites->len, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gr_suggest_panel_get_sites (panel)), ==, 3);
  g_assert_cmpuint (gr_marks_get_n_sites (marks), ==, 3);
  g_assert_cmpuint (gr_suggest_panel_get_selected (panel), ==, 1);
  g_assert_cmpuint (gr_marks_get_n_reach (marks), >, 0);
  first = g_array_index (s->sites, GrSite, 0).candidate;
  value = g_array_index (s->sites, GrSite, 0).value;
  /* Without a spacing, some of them are closer than 400 m (see below). */
  {
    double closest = G_MAXDOUBLE;

    for (guint i = 0; i < s->sites->len; i++)
      for (guint k = i + 1; k < s->sites->len; k++)
        closest = MIN (
            closest,
            hypot (g_array_index (s->sites, GrSite, i).x - g_array_index (s->sites, GrSite, k).x,
                   g_array_index (s->sites, GrSite, i).y - g_array_index (s->sites, GrSite, k).y));
    g_assert_cmpfloat (closest, <, 400);
  }
  g_assert_cmpfloat (value, >, 0);
  /* Chosen in the list, a site is looked at, with the homes it serves. */
  gr_suggest_panel_select (panel, 2);
  {
    const GrSite *site = &g_array_index (s->sites, GrSite, 1);
    GtkWidget    *map = gr_window_get_map (window);
    double        wx, wy;

    spin (100);
    map_point (window, site->x, site->y, &wx, &wy);
    g_assert_cmpfloat (fabs (wx - gtk_widget_get_width (map) / 2.0), <, 40);
    g_assert_cmpfloat (fabs (wy - gtk_widget_get_height (map) / 2.0), <, 40);
  }
  g_assert_cmpuint (gr_marks_get_n_reach (marks), >, 0);
  g_object_unref (render (window, "suggest-sites"));
  gr_suggest_panel_select (panel, 1);
  g_assert_true (gr_window_get_site_cell (window, 1, &x, &y));
  g_assert_true (blind_under_marks (window, "suggest-before", x, y));
  gr_window_get_summary (window, &before);

  /* Accepted: one candidate park, named as a suggestion and marked so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "suggest.accept", NULL));
  g_assert_null (gr_window_get_error (window));
  scenario = gr_window_get_scenario (window);
  g_assert_nonnull (scenario);
  g_assert_cmpuint (scenario->edits->len, ==, 1);
  g_assert_true (((GrEdit *) g_ptr_array_index (scenario->edits, 0))->suggested);
  {
    g_autofree char *name = g_strdup_printf (_ ("Suggested site %u"), 1);

    g_assert_cmpstr (((GrEdit *) g_ptr_array_index (scenario->edits, 0))->name, ==, name);
  }
  gr_window_get_summary (window, &after);
  /* The analysis gained what the ranking said the site would. */
  g_assert_cmpfloat_with_epsilon (after.residential.population - after.neither.population
                                      - (before.residential.population - before.neither.population),
                                  value, 1e-6 * MAX (value, 1));
  s = gr_window_get_suggestion (window);
  g_assert_nonnull (s);
  g_assert_cmpuint (s->sites->len, >, 0);
  g_assert_false (lists_candidate (s, first));
  g_assert_false (blind_under_marks (window, "suggest-accepted", x, y));

  /* Undone: the blind spot is back and the site leads the ranking again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  s = gr_window_get_suggestion (window);
  g_assert_nonnull (s);
  g_assert_cmpuint (g_array_index (s->sites, GrSite, 0).candidate, ==, first);
  g_assert_true (blind_under_marks (window, "suggest-undone", x, y));

  /* Rejected: left out of the ranking that follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "suggest.reject", NULL));
  s = gr_window_get_suggestion (window);
  g_assert_false (lists_candidate (s, first));
  g_assert_cmpuint (s->sites->len, >, 0);
  {
    g_autofree char *rejected =
        g_strdup_printf (g_dngettext (NULL, " %u site rejected.", " %u sites rejected.", 1), 1);

    g_assert_nonnull (strstr (gr_suggest_panel_get_status (panel), rejected));
  }

  /* A change the candidates were not measured for (green space removed
   * where it left homes without any) drops the ranking. */
  gr_window_get_summary (window, &before);
  for (guint i = 0; gr_window_get_suggestion (window) != NULL && i < 200; i++)
    {
      g_assert_true (gr_window_push_edit (
          window, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_GREEN, i, NULL), &error));
      g_assert_no_error (error);
      gr_window_get_summary (window, &after);
      if (after.neither.area_m2 == before.neither.area_m2)
        g_assert_nonnull (gr_window_get_suggestion (window));
    }
  g_assert_cmpfloat (after.neither.area_m2, >, before.neither.area_m2);
  g_assert_null (gr_window_get_suggestion (window));
  g_assert_cmpuint (g_list_model_get_n_items (gr_suggest_panel_get_sites (panel)), ==, 0);
  g_assert_cmpuint (gr_marks_get_n_sites (marks), ==, 0);

  /* With a spacing, no two new parks closer than it. */
  gr_suggest_panel_set_spacing (panel, 400);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "suggest.run", NULL));
  wait_measured (window);
  s = gr_window_get_suggestion (window);
  g_assert_nonnull (s);
  g_assert_cmpuint (s->sites->len, >, 0);
  for (guint i = 0; i < s->sites->len; i++)
    for (guint k = i + 1; k < s->sites->len; k++)
      {
        const GrSite *a = &g_array_index (s->sites, GrSite, i);
        const GrSite *b = &g_array_index (s->sites, GrSite, k);

        g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, 400);
      }
  /* Another option shown: ranked for the one before, the list is dropped. */
  g_assert_true (gr_window_set_scenario (window, NULL));
  g_assert_null (gr_window_get_suggestion (window));
  g_assert_cmpuint (gr_marks_get_n_sites (marks), ==, 0);
}

static void
add_test (const char *path, void (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

/* Closed while it re-analyses, with the preferences changed meanwhile
 * (which starts another analysis when the first ends): the jobs end
 * without a critical and then let the window go. */
static void
test_closed_while_busy (Fixture *f, gconstpointer data)
{
  GSettings *settings = gr_settings_get ();
  GrWindow  *window = f->window;
  gint64     end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  g_settings_set_double (settings, "park-radius", 700);
  g_assert_true (gr_window_get_busy (window));
  g_settings_set_double (settings, "park-radius", 900);
  gtk_window_destroy (GTK_WINDOW (window));
  /* The jobs hold the window until they end. */
  while (g_atomic_int_get (&G_OBJECT (window)->ref_count) > 1 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_atomic_int_get (&G_OBJECT (window)->ref_count), ==, 1);
  g_settings_reset (settings, "park-radius");
}

int
main (int argc, char **argv)
{
  g_autofree char *cache = g_dir_make_tmp ("greenreach-cache-XXXXXX", NULL);

  /* Downloaded tiles are cached under the user's cache folder: a fresh one
   * per run, so the tile server test sees every request. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  gr_runtime_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = gr_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  add_test ("/gui/window/opens-sample", test_opens_sample);
  add_test ("/gui/window/indicator-panel", test_indicator_panel);
  add_test ("/gui/window/blind-spot-pixels", test_blind_spot_pixels);
  add_test ("/gui/window/hiding-a-layer", test_hiding_a_layer);
  add_test ("/gui/window/walking-changes-overlay", test_walking_changes_overlay);
  add_test ("/gui/window/language", test_language);
  add_test ("/gui/window/bad-file-keeps-project", test_bad_file_keeps_project);
  add_test ("/gui/window/layer-style", test_layer_style);
  add_test ("/gui/window/selected-park", test_selected_park);
  add_test ("/gui/window/sample-base-map", test_sample_base_map);
  add_test ("/gui/window/make-basemap", test_make_basemap);
  add_test ("/gui/window/markers-layer", test_markers_layer);
  add_test ("/gui/window/priority-areas", test_priority_areas);
  add_test ("/gui/window/attribute-table", test_attribute_table);
  add_test ("/gui/window/measure", test_measure);
  add_test ("/gui/window/layer-labels", test_layer_labels);
  add_test ("/gui/window/styles-saved", test_styles_saved);
  add_test ("/gui/window/online-base-map", test_online_base_map);
  add_test ("/gui/window/tianditu", test_tianditu);
  add_test ("/gui/window/broken-base-map", test_broken_base_map);
  add_test ("/gui/window/preferences-radius", test_preferences_radius);
  add_test ("/gui/window/help-overlay", test_help_overlay);
  add_test ("/gui/window/drop-a-layer", test_drop_a_layer);
  add_test ("/gui/window/open-layer-from-command-line", test_open_layer_from_command_line);
  add_test ("/gui/window/zone-drives-panel", test_zone_drives_panel);
  add_test ("/gui/window/first-edit-waits-for-save", test_first_edit_waits_for_save);
  add_test ("/gui/window/import-keeps-scenarios", test_import_keeps_scenarios);
  add_test ("/gui/window/read-only-project", test_read_only_project);
  add_test ("/gui/window/walking-without-paths", test_walking_without_paths);
  add_test ("/gui/window/pocket-park", test_pocket_park);
  add_test ("/gui/window/corridor-marker", test_corridor_marker);
  add_test ("/gui/window/presentation", test_presentation);
  add_test ("/gui/window/compare-two", test_compare_two);
  add_test ("/gui/window/closed-while-busy", test_closed_while_busy);
  add_test ("/gui/window/reimport", test_reimport);
  add_test ("/gui/window/import-dialog", test_import_dialog);
  add_test ("/gui/window/import-database", test_import_database);
  add_test ("/gui/window/suggest-sites", test_suggest_sites);
  return g_test_run ();
}
