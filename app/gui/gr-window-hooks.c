/* gr-window-hooks.c — what the tests and benchmarks read and drive the window through */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

gboolean
gr_window_get_busy (GrWindow *self)
{
  return self->busy;
}

GrSession *
gr_window_get_session (GrWindow *self)
{
  return self->session;
}

GtkWidget *
gr_window_get_map (GrWindow *self)
{
  return GTK_WIDGET (self->map);
}

/* As the layer panel's check box does. */
void
gr_window_set_role_visible (GrWindow *self, GrRole role, gboolean visible)
{
  for (guint i = 0; i < g_list_model_get_n_items (gr_layer_panel_get_model (self->layer_panel));
       i++)
    {
      g_autoptr (GrLayerItem) item =
          g_list_model_get_item (gr_layer_panel_get_model (self->layer_panel), i);

      if (gr_layer_item_get_role (item) == role)
        gr_layer_item_set_visible (item, visible);
    }
}

GListModel *
gr_window_get_layers (GrWindow *self)
{
  return gr_layer_panel_get_model (self->layer_panel);
}

GListModel *
gr_window_get_zones (GrWindow *self)
{
  return gr_zone_table_get_model (self->zone_table);
}

/* Clicks the map at a point of the analysis CRS, as a user would. */
void
gr_window_click_at (GrWindow *self, double x, double y)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double           lon, lat, wx, wy;

  g_return_if_fail (self->session != NULL);
  gr_display_to_lonlat (gr_session_get_display (self->session), x, y, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->map), lat, lon, &wx, &wy);
  _gr_window_on_click (NULL, 1, wx, wy, self);
}

/* Clicks the map @n_press times at a point of the analysis CRS. */
void
gr_window_press_at (GrWindow *self, double x, double y, int n_press)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double           lon, lat, wx, wy;

  g_return_if_fail (self->session != NULL);
  gr_display_to_lonlat (gr_session_get_display (self->session), x, y, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->map), lat, lon, &wx, &wy);
  _gr_window_on_click (NULL, n_press, wx, wy, self);
}

/* Moves the pointer over a point of the analysis CRS, as a user would;
 * returns the status bar's text. */
const char *
gr_window_hover_at (GrWindow *self, double x, double y)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double           lon, lat, wx, wy;

  g_return_val_if_fail (self->session != NULL, NULL);
  gr_display_to_lonlat (gr_session_get_display (self->session), x, y, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->map), lat, lon, &wx, &wy);
  _gr_window_on_motion (NULL, wx, wy, self);
  return gtk_label_get_text (self->cursor_label);
}

/* The text of the last feature description, %NULL before any. */
const char *
gr_window_get_selection_text (GrWindow *self)
{
  return self->selection_text;
}

GrCoverageLayer *
gr_window_get_coverage_layer (GrWindow *self)
{
  return self->coverage;
}

/* The new-park tool, as its header-bar button turns it on and off. */
void
gr_window_set_adding (GrWindow *self, gboolean adding)
{
  gr_window_set_tool (self, adding ? "add" : "pan");
}

GrScenario *
gr_window_get_scenario (GrWindow *self)
{
  return self->current;
}

/* The occupation–compensation text shown, or %NULL when nothing is taken. */
const char *
gr_window_get_balance_text (GrWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->balance_label))
             ? gtk_label_get_text (self->balance_label)
             : NULL;
}

/* The indicators panel's row for @id: its value and verdict as shown. */
gboolean
gr_window_get_indicator_row (GrWindow     *self,
                             GrIndicatorId id,
                             const char  **value,
                             const char  **verdict)
{
  return gr_indicator_panel_get_row (self->indicator_panel, id, value, verdict);
}

/* The import dialog for @path, as Import Layer… opens it after the file
 * chooser. */
GrImportDialog *
gr_window_ask_import_file (GrWindow *self, const char *path)
{
  _gr_window_ask_role (self, path);
  return self->import_dialog;
}

/* What the last import of the delivery again changed, one line each. */
const char *
gr_window_get_reimport_notes (GrWindow *self)
{
  return self->reimport_notes;
}

/* The indicators panel's note on where the residents come from. */
const char *
gr_window_get_residents_note (GrWindow *self)
{
  return gr_indicator_panel_get_residents_note (self->indicator_panel);
}

/* Chooses the targets and the zone of the indicators panel (0: the city). */
void
gr_window_set_targets (GrWindow *self, GrTargetSet set, guint scope)
{
  gr_indicator_panel_set_target_set (self->indicator_panel, set);
  gr_indicator_panel_set_scope (self->indicator_panel, scope);
}

/* The comparison on the map, %NULL when none is open. */
GrComparison *
gr_window_get_comparison (GrWindow *self)
{
  return self->comparison;
}

GrSketchLayer *
gr_window_get_sketch_layer (GrWindow *self)
{
  return self->sketch;
}

/* The coverage figures the panel shows now. */
void
gr_window_get_summary (GrWindow *self, GrSummary *summary)
{
  *summary = self->summary;
}

/* Why the chosen base map is not shown, or %NULL when it is. */
const char *
gr_window_get_base_map_error (GrWindow *self)
{
  return self->base_map_error;
}

/* The last error shown, for tests and the status line. */
const char *
gr_window_get_error (GrWindow *self)
{
  return self->error;
}

GrHistoryPanel *
gr_window_get_history (GrWindow *self)
{
  return self->history;
}

/* The switcher's list: the baseline, then each scenario (GrScenarioItem). */
GListModel *
gr_window_get_scenarios (GrWindow *self)
{
  return G_LIST_MODEL (self->scenario_items);
}
