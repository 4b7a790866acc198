/* test-widgets.c — the window's panels, dialogs and presentation widget on
 * their own: each built from its template, driven through its API and its
 * children, and finalized at the end (a widget left referenced fails). */
#include "config.h"

#include "gr-compare-dialog.h"
#include "gr-coverage-panel.h"
#include "gr-edit-item.h"
#include "gr-export-map-dialog.h"
#include "gr-export-report-dialog.h"
#include "gr-history-panel.h"
#include "gr-indicator-panel.h"
#include "gr-layer-cache.h"
#include "gr-layer-panel.h"
#include "gr-name-dialog.h"
#include "gr-preferences.h"
#include "gr-presentation.h"
#include "gr-import-dialog.h"
#include "gr-scenario-item.h"
#include "gr-settings.h"
#include "gr-targets-dialog.h"
#include "gr-test-util.h"

#include <glib/gi18n.h>
#include <math.h>

/* A widget with no parent, sunk, then let go: it must be finalized. */
static void
drop_widget (gpointer widget)
{
  g_object_ref_sink (widget);
  g_assert_finalize_object (widget);
}

/* A toplevel: destroyed, then it must be finalized. */
static void
drop_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static GtkWidget *
nth_child (GtkWidget *widget, guint n)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  while (child != NULL && n-- > 0)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

/* The label on the grid at (@col, @row). */
static const char *
grid_text (GtkWidget *grid, int col, int row)
{
  GtkWidget *child = gtk_grid_get_child_at (GTK_GRID (grid), col, row);

  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_text (GTK_LABEL (child));
}

static void
test_coverage_panel (void)
{
  GtkWidget *panel = g_object_new (GR_TYPE_COVERAGE_PANEL, NULL);
  GrSummary now = { .residential = { 2e6, 1000 }, .green = { 1.5e6, 800 }, .neither = { 2e5, 50 } };
  GrSummary before = now;

  before.green.area_m2 = 1e6;
  gr_coverage_panel_show (GR_COVERAGE_PANEL (panel), &now, NULL);
  {
    g_autofree char *area = g_strdup_printf (_ ("%.2f km²"), 2.0);
    g_assert_cmpstr (grid_text (panel, 1, 2), ==, area);
  }
  g_assert_cmpstr (grid_text (panel, 1, 3), ==, "75.0%");
  g_assert_cmpstr (grid_text (panel, 2, 3), ==, "80.0%");
  g_assert_cmpstr (grid_text (panel, 1, 6), ==, "10.0%");
  /* In a scenario: the change in percentage points beside each share. */
  gr_coverage_panel_show (GR_COVERAGE_PANEL (panel), &now, &before);
  {
    g_autofree char *change = g_strdup_printf ("+25.0 %s", _ ("pp"));
    g_autofree char *expected = g_strdup_printf (_ ("%.1f%% (%s)"), 75.0, change);
    g_assert_cmpstr (grid_text (panel, 1, 3), ==, expected);
  }
  drop_widget (panel);
}

static void
test_history_panel (void)
{
  GtkWidget  *panel = g_object_new (GR_TYPE_HISTORY_PANEL, NULL);
  GListModel *model = gr_history_panel_get_model (GR_HISTORY_PANEL (panel));
  g_autoptr (GrScenario) scenario = gr_scenario_new ("A");
  guint went_to = 0;

  gr_history_panel_show (GR_HISTORY_PANEL (panel), NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_false (gtk_widget_get_visible (nth_child (panel, 0)));
  for (guint i = 0; i < 3; i++)
    gr_scenario_push (scenario, gr_edit_new (GR_EDIT_REMOVE, GR_ROLE_GREEN, i, NULL));
  scenario->position = 2;
  gr_history_panel_show (GR_HISTORY_PANEL (panel), scenario, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (gtk_widget_get_visible (nth_child (panel, 0)));
  {
    g_autoptr (GrEditItem) second = g_list_model_get_item (model, 1);
    g_autoptr (GrEditItem) third = g_list_model_get_item (model, 2);

    g_autofree char *expected = g_strdup_printf (_ ("green space #%u"), 2);

    g_assert_true (g_str_has_prefix (gr_edit_item_get_text (second), "2. "));
    /* The row names the feature it removes. */
    g_assert_nonnull (strstr (gr_edit_item_get_text (second), expected));
    g_assert_true (gr_edit_item_get_done (second));
    g_assert_false (gr_edit_item_get_done (third));
    /* Undo: the same items, one more not done. */
    scenario->position = 1;
    gr_history_panel_show (GR_HISTORY_PANEL (panel), scenario, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
    g_assert_false (gr_edit_item_get_done (second));
  }
  /* A click on the third row keeps three edits. */
  g_signal_connect_swapped (panel, "go-to", G_CALLBACK (g_atomic_int_set), &went_to);
  g_signal_emit_by_name (nth_child (panel, 1), "activate", 2);
  g_assert_cmpuint (went_to, ==, 3);
  /* A shorter scenario drops the rows at the end only. */
  g_ptr_array_set_size (scenario->edits, 1);
  gr_history_panel_show (GR_HISTORY_PANEL (panel), scenario, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  drop_widget (panel);
}

/* The remembered target set is shown, and showing it writes nothing. */
static GtkWidget *
find_widget_of_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A visible label showing @text. */
static GtkWidget *
find_label_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_text (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_indicator_panel (void)
{
  GSettings *settings = gr_settings_get ();
  GtkWidget *panel;
  guint      changes = 0;
  gulong     handler;

  g_settings_set_string (settings, "target-set", "datong-2035");
  handler = g_signal_connect_swapped (settings, "changed::target-set",
                                      G_CALLBACK (g_atomic_int_inc), &changes);
  panel = g_object_new (GR_TYPE_INDICATOR_PANEL, NULL);
  g_assert_cmpint (gr_indicator_panel_get_target_set (GR_INDICATOR_PANEL (panel)), ==,
                   GR_TARGETS_DATONG_2035);
  g_assert_cmpuint (changes, ==, 0);
  /* A choice is remembered. */
  gr_indicator_panel_set_target_set (GR_INDICATOR_PANEL (panel), GR_TARGETS_YUNCHENG_2030);
  g_assert_cmpuint (changes, ==, 1);
  {
    g_autofree char *key = g_settings_get_string (settings, "target-set");
    g_assert_cmpstr (key, ==, "yuncheng-2030");
  }
  g_signal_handler_disconnect (settings, handler);
  g_settings_reset (settings, "target-set");
  /* A gap under its row; the park system's shortfalls of many zones in
   * one line, the zones behind an expander. */
  {
    GrIndicators shown = { 0 };
    const char  *value, *verdict;

    for (guint i = 0; i < GR_N_INDICATORS; i++)
      shown.items[i] = (GrIndicator){ .id = i, .value = NAN };
    shown.items[GR_IND_SERVICE_RATE] = (GrIndicator){ .id = GR_IND_SERVICE_RATE,
                                                      .value = 72.84,
                                                      .has_target = TRUE,
                                                      .target = 80,
                                                      .gap = 7.16,
                                                      .gap_text = g_strdup ("short by 7.16 pp") };
    shown.system_check = g_strdup ("Zone 1 lacks a country park\nZone 2 lacks a country park");
    gr_indicator_panel_show (GR_INDICATOR_PANEL (panel), &shown);
    g_assert_true (gr_indicator_panel_get_row (GR_INDICATOR_PANEL (panel), GR_IND_SERVICE_RATE,
                                               &value, &verdict));
    g_assert_nonnull (find_label_text (panel, "short by 7.16 pp"));
    g_assert_nonnull (find_widget_of_type (panel, GTK_TYPE_EXPANDER));
    gr_indicators_clear (&shown);
  }
  drop_widget (panel);
}

static void
test_layer_panel (void)
{
  GtkWidget  *panel = g_object_new (GR_TYPE_LAYER_PANEL, NULL);
  GListModel *model = gr_layer_panel_get_model (GR_LAYER_PANEL (panel));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const GrRole roles[] = { GR_ROLE_PARK, GR_ROLE_GREEN, GR_ROLE_RESIDENTIAL };
  guint        changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    g_ptr_array_add (items, gr_layer_item_new (roles[i], 10 + i));
  gr_layer_panel_set_layers (GR_LAYER_PANEL (panel), items);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (g_atomic_int_inc), &changes);
  /* The order buttons' action: residential up one, then past the top. */
  g_assert_true (
      gtk_widget_activate_action (panel, "layers.move", "(ii)", GR_ROLE_RESIDENTIAL, -1));
  {
    g_autoptr (GrLayerItem) second = g_list_model_get_item (model, 1);
    g_assert_cmpint (gr_layer_item_get_role (second), ==, GR_ROLE_RESIDENTIAL);
  }
  gr_layer_panel_move (GR_LAYER_PANEL (panel), GR_ROLE_RESIDENTIAL, -5);
  gr_layer_panel_move (GR_LAYER_PANEL (panel), GR_ROLE_RESIDENTIAL,
                       -1); /* already on top: no change */
  {
    g_autoptr (GrLayerItem) first = g_list_model_get_item (model, 0);
    g_assert_cmpint (gr_layer_item_get_role (first), ==, GR_ROLE_RESIDENTIAL);
  }
  g_assert_cmpuint (changes, ==, 4); /* two moves, each a removal and an insertion */
  drop_widget (panel);
}

/* A file that is not there: the role its name suggests, and the import
 * refused with a message naming it. */
static void
test_import_dialog (void)
{
  GrImportDialog *dialog = gr_import_dialog_new (NULL, "/data/城区公园.geojson", NULL, NULL);
  g_autoptr (GrSource) source = gr_import_dialog_get_source (dialog);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_false (source->landuse);
  g_assert_cmpint (source->role, ==, GR_ROLE_PARK);
  g_assert_cmpstr (gr_import_dialog_get_path (dialog), ==, "/data/城区公园.geojson");
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                                   "城区公园.geojson”"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  while (!gr_import_dialog_is_ready (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gr_import_dialog_is_ready (dialog));
  g_assert_nonnull (strstr (gr_import_dialog_get_status (dialog), "城区公园.geojson"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"));
  drop_window (dialog);
}

/* Over an open project, the preview reads a layer as the import over it
 * will: one far from the project's layers is refused there already,
 * naming it and the project, and cannot be imported; one near it can. */
static void
test_import_dialog_over (void)
{
  g_autofree char *dir = g_dir_make_tmp ("import-over-XXXXXX", NULL);
  g_autofree char *homes = g_build_filename (dir, "homes.geojson", NULL);
  g_autofree char *near = g_build_filename (dir, "parks.geojson", NULL);
  g_autofree char *far = g_build_filename (dir, "far-parks.geojson", NULL);
  g_autofree char *spec = g_strconcat ("residential=", homes, NULL);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = NULL;
  const char *paths[] = { gr_test_write_square (near, 1.52, 42.51),
                          gr_test_write_square (far, 3.50, 42.50) };

  gr_test_write_square (homes, 1.50, 42.50);
  g_ptr_array_add (sources, gr_source_parse (spec, NULL));
  project = gr_project_import (NULL, sources, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GrImportDialog *dialog = gr_import_dialog_new (NULL, paths[i], project, "city.gpkg");
      gint64          end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

      while (!gr_import_dialog_is_ready (dialog) && g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (gr_import_dialog_is_ready (dialog));
      g_test_message ("%s", gr_import_dialog_get_status (dialog));
      g_assert_cmpint (
          adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import"), ==,
          i == 0);
      if (i == 1)
        {
          g_assert_nonnull (strstr (gr_import_dialog_get_status (dialog), "far-parks.geojson"));
          g_assert_nonnull (strstr (gr_import_dialog_get_status (dialog), "city.gpkg"));
        }
      drop_window (dialog);
    }
  gr_test_remove_tree (dir);
}

static void
test_targets_dialog (void)
{
  GrTarget         own[GR_N_INDICATORS];
  GrTargetsDialog *dialog;
  double           value;
  gboolean         strict;

  for (guint i = 0; i < GR_N_INDICATORS; i++)
    own[i] = (GrTarget){ NAN, FALSE };
  own[GR_IND_SERVICE_RATE] = (GrTarget){ 85, TRUE };
  dialog = gr_targets_dialog_new (NULL, own);
  gr_targets_dialog_get_target (dialog, GR_IND_SERVICE_RATE, &value, &strict);
  g_assert_cmpfloat (value, ==, 85);
  g_assert_true (strict);
  gr_targets_dialog_get_target (dialog, GR_IND_PARK_PER_CAPITA, &value, &strict);
  g_assert_true (isnan (value));
  /* Every indicator's row, scrolled within what a laptop's 768 pixels
   * hold. */
  {
    GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    int        natural;

    g_assert_true (GTK_IS_SCROLLED_WINDOW (extra));
    g_assert_true (GTK_IS_GRID (gtk_viewport_get_child (
        GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (extra))))));
    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL,
                        NULL);
    g_test_message ("the dialog's natural height: %d", natural);
    g_assert_cmpint (natural, <=, 700);
  }
  drop_window (dialog);
}

static void
test_compare_dialog (void)
{
  g_autoptr (GListStore) options = g_list_store_new (GR_TYPE_SCENARIO_ITEM);
  g_autoptr (GrScenario) a = gr_scenario_new ("方案A");
  g_autoptr (GrScenarioItem) baseline = gr_scenario_item_new (NULL);
  g_autoptr (GrScenarioItem) first = gr_scenario_item_new (a);
  GrCompareDialog *dialog;

  g_list_store_append (options, baseline);
  g_list_store_append (options, first);
  dialog = gr_compare_dialog_new (NULL, G_LIST_MODEL (options), 1, 0);
  g_assert_true (gr_compare_dialog_get_first (dialog) == a);
  g_assert_null (gr_compare_dialog_get_second (dialog));
  drop_window (dialog);
}

static void
test_export_dialogs (void)
{
  GrExportMapDialog *map = gr_export_map_dialog_new (NULL);
  GtkDropDown       *formats =
      GTK_DROP_DOWN (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (map)));
  g_autoptr (GPtrArray) scenarios =
      g_ptr_array_new_with_free_func ((GDestroyNotify) gr_scenario_free);
  GrExportReportDialog *report;
  g_auto (GStrv) names = NULL;

  g_assert_cmpstr (gr_export_map_dialog_get_suffix (map), ==, ".png");
  g_assert_cmpfloat (gr_export_map_dialog_get_dpi (map), ==, 96);
  gtk_drop_down_set_selected (formats, 2);
  g_assert_cmpfloat (gr_export_map_dialog_get_dpi (map), ==, 300);
  gtk_drop_down_set_selected (formats, 3);
  g_assert_cmpstr (gr_export_map_dialog_get_suffix (map), ==, ".svg");
  drop_window (map);

  g_ptr_array_add (scenarios, gr_scenario_new ("A"));
  g_ptr_array_add (scenarios, gr_scenario_new ("B"));
  report = gr_export_report_dialog_new (NULL, scenarios);
  names = gr_export_report_dialog_get_scenarios (report);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[1], ==, "B");
  g_assert_cmpint (gr_export_report_dialog_get_paper (report), ==, GR_PAPER_A4);
  g_assert_false (gr_export_report_dialog_get_portrait (report));
  drop_window (report);
}

static void
test_name_dialog (void)
{
  GrNameDialog *dialog = gr_name_dialog_new (NULL, "Rename Scenario", "方案 1");
  GtkEditable  *entry =
      GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  g_autofree char *first = gr_name_dialog_get_name (dialog);
  g_autofree char *typed = NULL;

  g_assert_cmpstr (first, ==, "方案 1");
  gtk_editable_set_text (entry, "  方案 B  ");
  typed = gr_name_dialog_get_name (dialog);
  g_assert_cmpstr (typed, ==, "方案 B");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Rename Scenario");
  drop_window (dialog);
}

/* Every spin button is the setting it shows, within the analysis's limits. */
static void
test_preferences (void)
{
  GSettings *settings = gr_settings_get ();
  GtkWindow *window = gr_preferences_new (NULL);
  GtkWidget *spin = NULL;
  g_autoptr (GList) spins = NULL;
  GtkWidget *w = GTK_WIDGET (window);

  /* The spin buttons in the order of the page: green, park, sizes. */
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;)
    {
      if (GTK_IS_SPIN_BUTTON (c))
        spins = g_list_append (spins, c);
      if (gtk_widget_get_first_child (c) != NULL && !GTK_IS_SPIN_BUTTON (c))
        c = gtk_widget_get_first_child (c);
      else
        {
          while (c != NULL && gtk_widget_get_next_sibling (c) == NULL && c != w)
            c = gtk_widget_get_parent (c);
          c = c == w || c == NULL ? NULL : gtk_widget_get_next_sibling (c);
        }
    }
  g_assert_cmpuint (g_list_length (spins), ==, 4);
  spin = g_list_nth_data (spins, 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==,
                     g_settings_get_double (settings, "park-radius"));
  g_assert_cmpfloat (
      gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin))), ==, 5000);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 800);
  g_assert_cmpfloat (g_settings_get_double (settings, "park-radius"), ==, 800);
  g_settings_reset (settings, "park-radius");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 500);
  drop_window (window);
}

static void
test_presentation (void)
{
  GtkWidget        *presentation = gr_presentation_new ();
  GrIndicators      shown = { 0 };
  double            baseline[GR_N_INDICATORS];
  const char *const names[] = { "Baseline", "A", NULL };
  guint             chosen = 99;

  for (guint i = 0; i < GR_N_INDICATORS; i++)
    shown.items[i] =
        (GrIndicator){ .id = i, .value = 50, .has_target = TRUE, .target = 80, .pass = FALSE },
    baseline[i] = 40;
  gr_presentation_show (GR_PRESENTATION (presentation), TRUE);
  g_assert_true (gtk_widget_get_visible (presentation));
  gr_presentation_set_cards (GR_PRESENTATION (presentation), &shown, baseline, TRUE, 1080);
  g_assert_nonnull (
      strstr (gr_presentation_get_card_text (GR_PRESENTATION (presentation), 0), "50.0"));
  g_assert_true (gtk_widget_has_css_class (
      nth_child (nth_child (gr_presentation_get_cards (GR_PRESENTATION (presentation)), 0), 1),
      "error"));
  /* Small values and changes keep the digits that make them: 0.63 → 0.65
   * is "+0.02", not "0" beside a figure rounded to 0.7. */
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    shown.items[i].value = 0.65, baseline[i] = 0.63;
  gr_presentation_set_cards (GR_PRESENTATION (presentation), &shown, baseline, TRUE, 1080);
  g_test_message ("%s", gr_presentation_get_card_text (GR_PRESENTATION (presentation), 0));
  g_assert_nonnull (
      strstr (gr_presentation_get_card_text (GR_PRESENTATION (presentation), 0), "0.65"));
  g_assert_nonnull (
      strstr (gr_presentation_get_card_text (GR_PRESENTATION (presentation), 0), "+0.02"));
  /* The strip: choosing the second option says so. */
  g_signal_connect_swapped (presentation, "choose", G_CALLBACK (g_atomic_int_set), &chosen);
  gr_presentation_set_options (GR_PRESENTATION (presentation), names, 0);
  g_assert_cmpuint (chosen, ==, 99);
  {
    GtkWidget *strip = gtk_widget_get_first_child (gtk_widget_get_first_child (presentation));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (nth_child (strip, 1)), TRUE);
  }
  g_assert_cmpuint (chosen, ==, 1);
  /* Before/after shows the divider's handle; leaving turns both off. */
  gtk_toggle_button_set_active (gr_presentation_get_swipe (GR_PRESENTATION (presentation)), TRUE);
  g_assert_true (
      gtk_widget_get_visible (gr_presentation_get_handle (GR_PRESENTATION (presentation))));
  /* Empty parts of the overlay pass the pointer on to the map. */
  g_assert_false (gtk_widget_contains (presentation, 10, 10));
  {
    GtkWidget *window = gtk_window_new ();
    gboolean   mapped = FALSE;

    gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
    g_object_ref_sink (presentation); /* the test's own, for after the window */
    gtk_window_set_child (GTK_WINDOW (window), presentation);
    g_signal_connect_swapped (presentation, "map", G_CALLBACK (g_atomic_int_inc), &mapped);
    gtk_window_present (GTK_WINDOW (window));
    /* Cards sized for a small screen, so the middle stays clear. */
    gr_presentation_set_cards (GR_PRESENTATION (presentation), &shown, baseline, TRUE, 480);
    for (int i = 0; i < 3000 && (!mapped || gtk_widget_get_height (presentation) < 600); i++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    g_assert_cmpint (gtk_widget_get_height (presentation), >=, 600);
    /* The middle of the map, beside the handle: nothing of the presentation. */
    g_assert_null (gtk_widget_pick (presentation, 600, gtk_widget_get_height (presentation) / 2,
                                    GTK_PICK_DEFAULT));
    /* The handle, the switches and the cards do take it. */
    g_assert_nonnull (gtk_widget_pick (presentation, 20, gtk_widget_get_height (presentation) / 2,
                                       GTK_PICK_DEFAULT));
    g_assert_nonnull (gtk_widget_pick (presentation, 600, gtk_widget_get_height (presentation) - 40,
                                       GTK_PICK_DEFAULT));
    gtk_window_set_child (GTK_WINDOW (window), NULL);
    drop_window (window);
  }
  gr_presentation_show (GR_PRESENTATION (presentation), FALSE);
  g_assert_false (
      gtk_toggle_button_get_active (gr_presentation_get_swipe (GR_PRESENTATION (presentation))));
  g_assert_false (
      gtk_widget_get_visible (gr_presentation_get_handle (GR_PRESENTATION (presentation))));
  g_assert_finalize_object (presentation);
}

/* Outlines and translucent fills everywhere, across the middle rows too. */
static void
draw_shapes (gpointer layer, cairo_t *cr, const double affine[4], double width, double height)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);

  g_assert_cmpfloat (width, ==, 400 + 2 * 128);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < 300; i++)
    {
      double x = affine[0] * g_rand_double (rand) + affine[2];
      double y = affine[1] * g_rand_double (rand) + affine[3];

      cairo_move_to (cr, x, y);
      for (guint k = 0; k < 6; k++)
        cairo_line_to (cr, x + g_rand_double_range (rand, -60, 60),
                       y + g_rand_double_range (rand, -60, 60));
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, g_rand_double (rand), 0.5, 0.3, 0.55);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.2, 0.2, g_rand_double (rand), 0.8);
      cairo_set_line_width (cr, g_rand_double_range (rand, 0.4, 2));
      cairo_stroke (cr);
    }
}

/* The cache's own image after one snapshot, every device pixel. */
static GBytes *
cached_pixels (gboolean parallel, int scale)
{
  GrLayerCache cache = { .parallel = parallel };
  const double affine[4] = { 400, 300, 0, 0 }; /* the unit square over the view */
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  GBytes *pixels;

  gr_layer_cache_snapshot (&cache, snapshot, affine, 400, 300, scale, 1, draw_shapes, NULL);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_cmpint (cairo_image_surface_get_width (cache.surface), ==, (400 + 2 * 128) * scale);
  cairo_surface_flush (cache.surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (cache.surface),
                        (gsize) cairo_image_surface_get_stride (cache.surface)
                            * cairo_image_surface_get_height (cache.surface));
  g_clear_pointer (&node, gsk_render_node_unref);
  gr_layer_cache_clear (&cache);
  return pixels;
}

/* A layer drawn on two threads, a band of rows each, is the same to the
 * last bit as the one drawn whole, at scale 1 and 2. */
static void
test_layer_cache_bands (void)
{
  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr (GBytes) whole = cached_pixels (FALSE, scale);
      g_autoptr (GBytes) bands = cached_pixels (TRUE, scale);
      const guint8 *p = g_bytes_get_data (whole, NULL);
      gsize         painted = 0;

      for (gsize i = 3; i < g_bytes_get_size (whole); i += 4)
        painted += p[i] != 0;
      g_assert_cmpuint (painted, >, g_bytes_get_size (whole) / 4 / 3);
      g_assert_true (g_bytes_equal (whole, bands));
    }
}

/* Shapes from a seed: what a layer drawn from a copy of its data draws. */
typedef struct
{
  guint32 seed;
  double  box[4]; /* unit square: a box drawn over the shapes, when tint > 0 */
  double  tint;
} Shapes;

static void
draw_seeded (gpointer data, cairo_t *cr, const double affine[4], double width, double height)
{
  const Shapes *shapes = data;
  g_autoptr (GRand) rand = g_rand_new_with_seed (shapes->seed);

  for (guint i = 0; i < 200; i++)
    {
      double x = affine[0] * g_rand_double (rand) + affine[2];
      double y = affine[1] * g_rand_double (rand) + affine[3];

      cairo_rectangle (cr, x, y, 0.05 * affine[0], 0.05 * affine[1]);
      cairo_set_source_rgba (cr, g_rand_double (rand), 0.5, 0.3, 0.7);
      cairo_fill (cr);
    }
  if (shapes->tint > 0)
    {
      /* Smoothed edges: the box's outline is not on whole pixels. */
      cairo_rectangle (cr, affine[0] * shapes->box[0] + affine[2] + 0.3,
                       affine[1] * shapes->box[1] + affine[3] + 0.3,
                       affine[0] * (shapes->box[2] - shapes->box[0]) - 0.6,
                       affine[1] * (shapes->box[3] - shapes->box[1]) - 0.6);
      cairo_set_source_rgba (cr, shapes->tint, 0.1, 0.6, 0.8);
      cairo_fill (cr);
    }
}

static void
drop_snapshot (GtkSnapshot *snapshot)
{
  GskRenderNode *node = gtk_snapshot_free_to_node (snapshot);

  g_clear_pointer (&node, gsk_render_node_unref);
}

static GBytes *
image_bytes (cairo_surface_t *image)
{
  cairo_surface_flush (image);
  return g_bytes_new (cairo_image_surface_get_data (image),
                      (gsize) cairo_image_surface_get_stride (image)
                          * cairo_image_surface_get_height (image));
}

/* @shapes at @affine drawn on the spot by a cache of its own. */
static GBytes *
drawn_at_once (const double affine[4], Shapes *shapes)
{
  GrLayerCache cache = { .parallel = TRUE };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GBytes      *pixels;

  gr_layer_cache_snapshot (&cache, snapshot, affine, 400, 300, 1, 1, draw_seeded, shapes);
  g_clear_pointer (&snapshot, drop_snapshot);
  pixels = image_bytes (cache.surface);
  gr_layer_cache_clear (&cache);
  return pixels;
}

static void
snapshot_cache (GrLayerCache *cache, const double affine[4], guint version, Shapes *shapes)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gr_layer_cache_snapshot (cache, snapshot, affine, 400, 300, 1, version, draw_seeded, shapes);
  g_clear_pointer (&snapshot, drop_snapshot);
}

/* Until the zoom at rest is drawn on another thread. */
static void
wait_for_job (GrLayerCache *cache)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (cache->job == NULL && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_nonnull (cache->job);
}

static void
spin_while_settling (void)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gr_layer_cache_is_settling () && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_false (gr_layer_cache_is_settling ());
}

/* A layer drawn from a copy of its data: a zoom is shown stretched, and
 * once it rests it is drawn on another thread from the data as it was, the
 * same to the last bit as drawn on the spot; changed contents are drawn at
 * once and a drawing let go of is never shown. */
static void
test_layer_cache_settle (void)
{
  GtkWidget   *widget = g_object_ref_sink (gtk_drawing_area_new ());
  GrLayerCache cache = { .widget = widget, .parallel = TRUE, .async_size = sizeof (Shapes) };
  const double near[4] = { 400, 300, 0, 0 }, zoomed[4] = { 600, 450, -100, -75 };
  const double further[4] = { 800, 600, -200, -150 };
  Shapes       shapes = { 7, { 0, 0, 0, 0 }, 0 };
  g_autoptr (GBytes) expected = NULL;
  g_autoptr (GBytes) got = NULL;
  cairo_surface_t *first;

  snapshot_cache (&cache, near, 1, &shapes);
  g_assert_false (gr_layer_cache_is_settling ());
  first = cache.surface;
  /* Zoomed: the drawing is stretched, the zoom not yet at rest. */
  snapshot_cache (&cache, zoomed, 1, &shapes);
  g_assert_true (cache.surface == first);
  g_assert_true (gr_layer_cache_is_settling ());
  /* The drawing goes by the data as the zoom left it, not as it is now. */
  shapes.seed = 8;
  spin_while_settling ();
  g_assert_true (cache.surface != first);
  g_assert_cmpmem (cache.affine, sizeof cache.affine, zoomed, sizeof zoomed);
  expected = drawn_at_once (zoomed, &(Shapes){ 7, { 0, 0, 0, 0 }, 0 });
  got = image_bytes (cache.surface);
  g_assert_true (g_bytes_equal (expected, got));

  /* New contents while a zoom is waited for: drawn at once, and no drawing
   * of the old ones follows. */
  snapshot_cache (&cache, further, 1, &shapes);
  g_assert_true (gr_layer_cache_is_settling ());
  snapshot_cache (&cache, further, 2, &shapes);
  g_assert_false (gr_layer_cache_is_settling ());
  g_clear_pointer (&expected, g_bytes_unref);
  g_clear_pointer (&got, g_bytes_unref);
  expected = drawn_at_once (further, &shapes);
  got = image_bytes (cache.surface);
  g_assert_true (g_bytes_equal (expected, got));

  /* Let go of while it runs (the layer's data is about to go): not shown. */
  snapshot_cache (&cache, near, 2, &shapes);
  first = cache.surface;
  wait_for_job (&cache);
  gr_layer_cache_wait (&cache);
  g_assert_null (cache.job);
  spin_while_settling ();
  g_assert_true (cache.surface == first);
  g_assert_cmpmem (cache.affine, sizeof cache.affine, further, sizeof further);

  /* New contents while a drawing runs: drawn at once, the drawing thrown
   * away; a zoom after that still comes to rest drawn afresh. */
  snapshot_cache (&cache, zoomed, 2, &shapes);
  snapshot_cache (&cache, near, 2, &shapes);
  wait_for_job (&cache);
  snapshot_cache (&cache, near, 3, &shapes);
  first = cache.surface;
  snapshot_cache (&cache, further, 3, &shapes);
  g_assert_true (cache.surface == first);
  spin_while_settling ();
  /* The next frame, as the window would draw it, plans the rest. */
  snapshot_cache (&cache, further, 3, &shapes);
  spin_while_settling ();
  g_assert_cmpmem (cache.affine, sizeof cache.affine, further, sizeof further);
  g_assert_cmpuint (cache.version, ==, 3);

  gr_layer_cache_clear (&cache);
  g_assert_finalize_object (widget);
}

/* Drawn again where it changed only: over the kept image, in place, to
 * the same pixels as a whole drawing, also after a pan; a change over
 * most of the view, or during a zoom, is drawn whole. */
static void
test_layer_cache_damage (void)
{
  GrLayerCache     cache = { .parallel = TRUE };
  const double     view[4] = { 400, 300, 0, 0 }, panned[4] = { 400, 300, -37, 21 };
  const double     zoomed[4] = { 600, 450, -100, -75 };
  Shapes           shapes = { 9, { 0.4, 0.45, 0.55, 0.6 }, 0 };
  cairo_surface_t *kept;

  snapshot_cache (&cache, view, 1, &shapes);
  kept = cache.surface;
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr (GBytes) expected = NULL;
      g_autoptr (GBytes) got = NULL;

      shapes.tint = 0.3 + 0.4 * pass;
      gr_layer_cache_damage (&cache, shapes.box);
      snapshot_cache (&cache, pass == 0 ? view : panned, 1, &shapes);
      g_assert_true (cache.surface == kept);
      g_assert_false (cache.damaged);
      expected = drawn_at_once (view, &shapes);
      got = image_bytes (cache.surface);
      g_assert_true (g_bytes_equal (expected, got));
    }
  /* Most of the view: drawn whole. */
  shapes.box[0] = shapes.box[1] = -0.5, shapes.box[2] = shapes.box[3] = 1.5;
  gr_layer_cache_damage (&cache, shapes.box);
  snapshot_cache (&cache, panned, 1, &shapes);
  g_assert_true (cache.surface != kept);
  g_assert_cmpmem (cache.affine, sizeof cache.affine, panned, sizeof panned);
  /* During a zoom: not stretched but drawn whole for the zoom. */
  shapes.tint = 0.9;
  gr_layer_cache_damage (&cache, shapes.box);
  snapshot_cache (&cache, zoomed, 1, &shapes);
  g_assert_false (cache.damaged);
  g_assert_cmpmem (cache.affine, sizeof cache.affine, zoomed, sizeof zoomed);
  gr_layer_cache_clear (&cache);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/widgets/coverage-panel", test_coverage_panel);
  g_test_add_func ("/gui/widgets/history-panel", test_history_panel);
  g_test_add_func ("/gui/widgets/indicator-panel", test_indicator_panel);
  g_test_add_func ("/gui/widgets/layer-panel", test_layer_panel);
  g_test_add_func ("/gui/widgets/import-dialog", test_import_dialog);
  g_test_add_func ("/gui/widgets/import-dialog-over", test_import_dialog_over);
  g_test_add_func ("/gui/widgets/targets-dialog", test_targets_dialog);
  g_test_add_func ("/gui/widgets/compare-dialog", test_compare_dialog);
  g_test_add_func ("/gui/widgets/name-dialog", test_name_dialog);
  g_test_add_func ("/gui/widgets/export-dialogs", test_export_dialogs);
  g_test_add_func ("/gui/widgets/preferences", test_preferences);
  g_test_add_func ("/gui/widgets/presentation", test_presentation);
  g_test_add_func ("/gui/widgets/layer-cache-bands", test_layer_cache_bands);
  g_test_add_func ("/gui/widgets/layer-cache-settle", test_layer_cache_settle);
  g_test_add_func ("/gui/widgets/layer-cache-damage", test_layer_cache_damage);
  return g_test_run ();
}
