/* gr-window-present.c — presentation mode: full screen, the cards, before/after and the flash of newly covered homes */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- presentation mode ------------------------------------------------------ */

/* The window's chrome: everything around the map, header bar included. */
static void
show_chrome (GrWindow *self, gboolean shown)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self->map_overlay));
  GtkWidget *column = gtk_widget_get_parent (row);

  for (GtkWidget *c = gtk_widget_get_first_child (row); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (c != GTK_WIDGET (self->map_overlay))
      gtk_widget_set_visible (c, shown);
  for (GtkWidget *c = gtk_widget_get_first_child (column); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (c != row)
      gtk_widget_set_visible (c, shown);
}

static void
attach_baseline (GrWindow *self)
{
  g_autofree char *basemap =
      gr_base_map_get_mbtiles (gr_settings_get (), _gr_window_get_project_path (self));
  GrSession   *s = self->session;
  GrTargetSet  set = gr_indicator_panel_get_target_set (self->indicator_panel);
  GrIndicators b;

  gr_swipe_layer_set_baseline (self->swipe, self->baseline_analysis, gr_session_get_analysis (s),
                               gr_session_get_display (s),
                               gr_vector_layer_get_style (self->vectors), basemap);
  if (set >= GR_N_TARGET_SETS)
    set = GR_TARGETS_NONE;
  gr_indicators_compute_with (&b, gr_session_get_project (s), self->baseline_analysis, -1, set,
                              self->shown_targets);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    self->baseline_values[i] = b.items[i].value;
  gr_indicators_clear (&b);
  _gr_window_update_presentation (self);
}

static void
on_baseline_ready (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GrWindow) self = data;
  g_autoptr (GError) error = NULL;
  GrAnalysis *analysis = gr_project_build_analysis_finish (result, NULL, &error);

  if (_gr_window_is_gone (self))
    {
      g_clear_pointer (&analysis, gr_analysis_free);
      return;
    }
  if (analysis == NULL)
    {
      /* The cards then show no change against the baseline; say why. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _gr_window_show_error (self, _ ("Could not compute the baseline for the presentation"),
                               error);
      return;
    }
  g_clear_object (&self->baseline_cancellable);
  self->baseline_analysis = analysis;
  attach_baseline (self);
}

/* The baseline's own analysis, built off the main thread while the room
 * already sees the map: the swipe, the flash and the cards need it. The
 * window lives until it is done; the session's project is borrowed. */
static void
start_baseline (GrWindow *self)
{
  if (self->baseline_analysis != NULL || self->baseline_cancellable != NULL
      || self->session == NULL)
    return;
  self->baseline_cancellable = g_cancellable_new ();
  gr_project_build_analysis_async (gr_session_get_project (self->session), &self->criteria,
                                   self->baseline_cancellable, on_baseline_ready,
                                   g_object_ref (self));
}

/* After the project or the criteria changed: the baseline is rebuilt. */
void
_gr_window_drop_baseline (GrWindow *self)
{
  if (self->baseline_cancellable != NULL)
    g_cancellable_cancel (self->baseline_cancellable);
  g_clear_object (&self->baseline_cancellable);
  if (self->swipe != NULL)
    gr_swipe_layer_set_baseline (self->swipe, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->baseline_analysis, gr_analysis_free);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    self->baseline_values[i] = NAN;
  if (self->presenting)
    start_baseline (self);
}

void
_gr_window_update_presentation (GrWindow *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  if (!self->presenting)
    return;
  g_ptr_array_add (names, _ ("Baseline"));
  for (guint i = 0; self->scenarios != NULL && i < self->scenarios->len; i++)
    g_ptr_array_add (names, ((GrScenario *) g_ptr_array_index (self->scenarios, i))->name);
  g_ptr_array_add (names, NULL);
  gr_presentation_set_options (self->presentation, (const char *const *) names->pdata,
                               gtk_drop_down_get_selected (self->scenario_dropdown));
  gr_presentation_set_cards (self->presentation, &self->shown, self->baseline_values,
                             self->current != NULL,
                             gtk_widget_get_height (GTK_WIDGET (self->map_overlay)));
  gr_swipe_layer_refresh_gains (self->swipe);
}

static void
on_presentation_choose (gpointer data, guint index)
{
  GrWindow *self = data;

  gtk_drop_down_set_selected (self->scenario_dropdown, index);
}

static gboolean
flash_tick (gpointer data)
{
  GrWindow *self = data;

  self->flash_on = !self->flash_on;
  gr_swipe_layer_set_flash (self->swipe, self->flash_on);
  return G_SOURCE_CONTINUE;
}

static void
on_flash_toggled (GtkToggleButton *button, GrWindow *self)
{
  g_clear_handle_id (&self->flash_id, g_source_remove);
  self->flash_on = gtk_toggle_button_get_active (button);
  gr_swipe_layer_set_flash (self->swipe, self->flash_on);
  if (self->flash_on)
    self->flash_id = g_timeout_add (600, flash_tick, self);
}

static void
place_handle (GrWindow *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->map_overlay));
  double d = gr_swipe_layer_get_divider (self->swipe);

  gtk_widget_set_margin_start (gr_presentation_get_handle (self->presentation),
                               (int) MAX (0, d * w - 22));
}

static void
on_swipe_toggled (GtkToggleButton *button, GrWindow *self)
{
  gboolean on = gtk_toggle_button_get_active (button);

  gr_swipe_layer_set_divider (self->swipe, on ? 0.5 : -1);
  gtk_widget_set_visible (gr_presentation_get_handle (self->presentation), on && self->presenting);
  place_handle (self);
}

static void
on_handle_begin (GtkGestureDrag *gesture, double x, double y, GrWindow *self)
{
  self->handle_start = gr_swipe_layer_get_divider (self->swipe)
                       * gtk_widget_get_width (GTK_WIDGET (self->map_overlay));
}

/* The before/after divider at @fraction of the map's width, its handle
 * with it. */
void
gr_window_set_divider (GrWindow *self, double fraction)
{
  gr_swipe_layer_set_divider (self->swipe, fraction);
  place_handle (self);
}

static void
on_handle_update (GtkGestureDrag *gesture, double dx, double dy, GrWindow *self)
{
  double w = MAX (1, gtk_widget_get_width (GTK_WIDGET (self->map_overlay)));

  gr_window_set_divider (self, (self->handle_start + dx) / w);
}

/**
 * gr_window_set_presenting:
 *
 * Presentation mode: full screen, the panels and the header bar hidden,
 * the key indicators as cards, the options in a strip; nothing edits.
 */
static void
fit_to_screen (gpointer data)
{
  g_autoptr (GrWindow) self = data;

  if (!_gr_window_is_gone (self) && self->presenting && self->session != NULL)
    _gr_window_zoom_to_project (self);
}

void
gr_window_set_presenting (GrWindow *self, gboolean presenting)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  if (presenting)
    {
      /* The view the planner left, to come back to. */
      self->view_before_presenting[0] = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
      self->view_before_presenting[1] =
          shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
      self->view_before_presenting[2] = shumate_viewport_get_zoom_level (viewport);
      _gr_window_escape (self);
      gr_indicator_panel_set_scope (self->indicator_panel, 0);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      shumate_viewport_set_zoom_level (viewport, self->view_before_presenting[2]);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), self->view_before_presenting[0],
                                     self->view_before_presenting[1]);
    }
  show_chrome (self, !presenting);
  gr_presentation_show (self->presentation, presenting);
  /* The scale bar goes above the room's view of the cards: top right,
   * under the switches. */
  gtk_widget_set_halign (GTK_WIDGET (self->map_scale),
                         presenting ? GTK_ALIGN_END : GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->map_scale),
                         presenting ? GTK_ALIGN_START : GTK_ALIGN_END);
  gtk_widget_set_margin_top (GTK_WIDGET (self->map_scale), presenting ? 72 : 0);
  gtk_widget_set_margin_end (GTK_WIDGET (self->map_scale), presenting ? 16 : 0);
  _gr_window_update_actions (self);
  /* The city fitted to the screen once it is full screen. */
  if (presenting && self->session != NULL)
    g_timeout_add_once (300, fit_to_screen, g_object_ref (self));
  if (presenting)
    {
      start_baseline (self);
      _gr_window_update_presentation (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->map));
    }
}

gboolean
gr_window_get_presenting (GrWindow *self)
{
  return self->presenting;
}

/* Presentation mode has its baseline: the swipe and the flash can show. */
gboolean
gr_window_presentation_ready (GrWindow *self)
{
  return self->baseline_analysis != NULL;
}

GrSwipeLayer *
gr_window_get_swipe_layer (GrWindow *self)
{
  return self->swipe;
}

GrPresentation *
gr_window_get_presentation (GrWindow *self)
{
  return self->presentation;
}

/* A plain key for a window action, with its target (nullable). */
void
_gr_window_add_key (GtkShortcutController *controller, guint key, const char *action, GVariant *arg)
{
  GtkShortcut *shortcut =
      gtk_shortcut_new (gtk_keyval_trigger_new (key, 0), gtk_named_action_new (action));

  if (arg != NULL)
    gtk_shortcut_set_arguments (shortcut, arg);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

void
_gr_window_build_presentation (GrWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkGesture         *drag = gtk_gesture_drag_new ();

  for (guint i = 0; i < GR_N_INDICATORS; i++)
    self->baseline_values[i] = NAN;
  self->swipe = gr_swipe_layer_new (shumate_map_get_viewport (self->map));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->swipe));
  self->presentation = GR_PRESENTATION (gr_presentation_new ());
  gtk_overlay_add_overlay (self->map_overlay, GTK_WIDGET (self->presentation));
  g_signal_connect_swapped (self->presentation, "choose", G_CALLBACK (on_presentation_choose),
                            self);
  g_signal_connect (gr_presentation_get_swipe (self->presentation), "toggled",
                    G_CALLBACK (on_swipe_toggled), self);
  g_signal_connect (gr_presentation_get_flash (self->presentation), "toggled",
                    G_CALLBACK (on_flash_toggled), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_handle_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_handle_update), self);
  gtk_widget_add_controller (gr_presentation_get_handle (self->presentation),
                             GTK_EVENT_CONTROLLER (drag));
  /* Before the map sees the keys, and only while presenting (the actions
   * are disabled otherwise, and the keys go on to the map). */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, "win.present-leave", NULL);
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Left, "win.present-step",
                      g_variant_new_int32 (-1));
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Up, "win.present-step",
                      g_variant_new_int32 (-1));
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Right, "win.present-step",
                      g_variant_new_int32 (1));
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Down, "win.present-step",
                      g_variant_new_int32 (1));
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_space, "win.present-step",
                      g_variant_new_int32 (1));
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_s, "win.present-toggle",
                      g_variant_new_string ("swipe"));
  _gr_window_add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_n, "win.present-toggle",
                      g_variant_new_string ("flash"));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  _gr_window_update_actions (self);
}
