/* gr-window-actions.c — the window's actions: the table, and the handlers that only step or toggle */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- map actions -------------------------------------------------------------- */

static void
zoom_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow        *self = GR_WINDOW (widget);
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double           zoom = shumate_viewport_get_zoom_level (viewport);

  if (g_str_equal (action, "win.zoom-fit"))
    {
      if (self->session != NULL)
        _gr_window_zoom_to_project (self);
      return;
    }
  zoom = round (zoom) + (g_str_equal (action, "win.zoom-in") ? 1 : -1);
  shumate_viewport_set_zoom_level (viewport,
                                   CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                                          shumate_viewport_get_max_zoom_level (viewport)));
}

static void
mode_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gr_window_set_walking (GR_WINDOW (widget),
                         g_str_equal (g_variant_get_string (parameter, NULL), "walking"));
}

static void
step_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  gboolean  undo = g_str_equal (action, "win.undo");
  g_autoptr (GError) error = NULL;

  /* The baseline's history is its imports: undo takes the last back. */
  if (undo && self->current == NULL && self->import_done != NULL)
    {
      _gr_window_undo_import_activated (widget, "win.undo-import", NULL);
      return;
    }
  if (self->current == NULL || (undo && self->current->position == 0)
      || (!undo && self->current->position == self->current->edits->len))
    return;
  if (!gr_scenario_store_set_position (self->store, self->current,
                                       self->current->position + (undo ? -1 : 1), &error))
    _gr_window_show_error (self, _ ("Could not make the edit"), error);
  _gr_window_after_change (self);
}

static void
delete_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  if (self->session == NULL || !self->has_selection
      || !_gr_window_may_edit (self, self->selection, TRUE))
    return;
  self->has_selection = FALSE;
  _gr_window_push_or_say (
      self, gr_edit_new (GR_EDIT_REMOVE, self->selection.role, self->selection.index, NULL));
}

/* Esc: back to the pan tool, nothing selected, no drawing left half done. */
static void
escape_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  _gr_window_escape (GR_WINDOW (widget));
}

/* Enter while drawing, whatever has the focus: the park is closed. */
static void
finish_drawing_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gr_window_finish_drawing (GR_WINDOW (widget));
}

static void
present_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  if (g_str_equal (action, "win.present-leave"))
    gr_window_set_presenting (self, FALSE);
  else if (self->measuring)
    adw_toast_overlay_add_toast (self->toasts,
                                 adw_toast_new (_ ("Wait until the candidate sites are measured")));
  else if (self->session != NULL || self->presenting)
    gr_window_set_presenting (self, !self->presenting);
}

/* Left and right arrows: the previous or next option. */
static void
present_step_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  int       n = 1 + (self->scenarios != NULL ? (int) self->scenarios->len : 0);
  int       at = (int) gtk_drop_down_get_selected (self->scenario_dropdown)
           + g_variant_get_int32 (parameter) % n;

  gtk_drop_down_set_selected (self->scenario_dropdown, (guint) ((at + n) % n));
}

static void
present_toggle_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow        *self = GR_WINDOW (widget);
  GtkToggleButton *button = g_str_equal (g_variant_get_string (parameter, NULL), "swipe")
                                ? gr_presentation_get_swipe (self->presentation)
                                : gr_presentation_get_flash (self->presentation);

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

void
_gr_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, _gr_window_open_activated);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_activated);
  gtk_widget_class_install_action (widget_class, "win.suggest-sites", NULL,
                                   _gr_window_suggest_activated);
  gtk_widget_class_install_action (widget_class, "win.export-map", NULL,
                                   _gr_window_export_map_activated);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL,
                                   _gr_window_export_report_activated);
  gtk_widget_class_install_action (widget_class, "win.make-basemap", NULL,
                                   _gr_window_make_basemap_activated);
  gtk_widget_class_install_action (widget_class, "win.present-leave", NULL, present_activated);
  gtk_widget_class_install_action (widget_class, "win.present-step", "i", present_step_activated);
  gtk_widget_class_install_action (widget_class, "win.present-toggle", "s",
                                   present_toggle_activated);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, _gr_window_import_activated);
  gtk_widget_class_install_action (widget_class, "win.import-database", NULL,
                                   _gr_window_import_database_activated);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL,
                                   _gr_window_open_database_activated);
  gtk_widget_class_install_action (widget_class, "win.save-database", NULL,
                                   _gr_window_save_database_activated);
  gtk_widget_class_install_action (widget_class, "win.reimport", NULL,
                                   _gr_window_reimport_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.mode", "s", mode_activated);
  gtk_widget_class_install_property_action (widget_class, "win.show-blind-spots",
                                            "show-blind-spots");
  gtk_widget_class_install_property_action (widget_class, "win.show-markers", "show-markers");
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL, delete_activated);
  gtk_widget_class_install_property_action (widget_class, "win.tool", "tool");
  gtk_widget_class_install_property_action (widget_class, "win.edit-baseline", "edit-baseline");
  gtk_widget_class_install_action (widget_class, "win.escape", NULL, escape_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL,
                                   _gr_window_undo_import_activated);
  gtk_widget_class_install_action (widget_class, "win.finish-drawing", NULL,
                                   finish_drawing_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, _gr_window_save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.scenario-new", NULL,
                                   _gr_window_scenario_activated);
  gtk_widget_class_install_action (widget_class, "win.scenario-duplicate", NULL,
                                   _gr_window_scenario_activated);
  gtk_widget_class_install_action (widget_class, "win.scenario-rename", NULL,
                                   _gr_window_scenario_activated);
  gtk_widget_class_install_action (widget_class, "win.scenario-delete", NULL,
                                   _gr_window_scenario_activated);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, _gr_window_compare_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-targets", NULL,
                                   _gr_window_edit_targets_activated);
}
