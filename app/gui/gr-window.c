/* gr-window.c — the map window
 *
 * Opening a file and analysing run on worker threads; the window keeps
 * showing what it had until the new project is complete, and a failure
 * leaves it untouched and says so in plain words.
 */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

G_DEFINE_FINAL_TYPE (GrWindow, gr_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_SHOW_BLIND_SPOTS,
  PROP_SHOW_MARKERS,
  PROP_TOOL,
  PROP_EDIT_BASELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* TRUE once the window is disposed (its template children are gone): a
 * job that ends after that only lets go of what it brought. */
gboolean
_gr_window_is_gone (GrWindow *self)
{
  return self->map == NULL;
}

/* ---- busy state --------------------------------------------------------- */

/* Which actions make sense now. Nothing opens or imports while a job
 * runs, and nothing edits the project while presenting. */
void
_gr_window_update_actions (GrWindow *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  /* Nothing changes the analysis while site suggestion reads it. */
  gboolean    edit = !self->presenting && !self->measuring;
  gboolean    scenario = edit && self->current != NULL;
  const char *editing[] = { "win.save-as",      "win.edit-targets", "win.delete-selected",
                            "win.scenario-new", "win.tool",         "win.edit-baseline",
                            "win.escape" };
  const char *presenting[] = { "win.present-step", "win.present-leave", "win.present-toggle" };

  gtk_widget_action_set_enabled (w, "win.open", edit && !self->busy);
  gtk_widget_action_set_enabled (w, "win.make-basemap",
                                 edit && !self->busy && self->session != NULL);
  gtk_widget_action_set_enabled (w, "win.import", edit && !self->busy);
  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    gtk_widget_action_set_enabled (w, editing[i], edit);
  gtk_widget_action_set_enabled (
      w, "win.undo",
      (scenario && self->current->position > 0)
          || (edit && self->current == NULL && self->import_done != NULL && !self->busy));
  gtk_widget_action_set_enabled (w, "win.redo",
                                 scenario && self->current->position < self->current->edits->len);
  gtk_widget_action_set_enabled (w, "win.scenario-duplicate", scenario);
  gtk_widget_action_set_enabled (w, "win.scenario-rename", scenario);
  gtk_widget_action_set_enabled (w, "win.scenario-delete", scenario);
  for (guint i = 0; i < G_N_ELEMENTS (presenting); i++)
    gtk_widget_action_set_enabled (w, presenting[i], self->presenting);
  gtk_widget_action_set_enabled (w, "win.undo-import",
                                 edit && !self->busy && self->import_done != NULL);
  gtk_widget_action_set_enabled (w, "win.present", !self->measuring);
  gtk_widget_action_set_enabled (w, "win.finish-drawing",
                                 edit && self->tool == GR_MAP_TOOL_DRAW && self->draft != NULL
                                     && self->draft->len > 0);
}

static gboolean
pulse (gpointer data)
{
  gtk_progress_bar_pulse (GR_WINDOW (data)->progress);
  return G_SOURCE_CONTINUE;
}

void
_gr_window_set_busy (GrWindow *self, const char *what)
{
  gboolean busy = what != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_progress_bar_set_text (self->progress, what);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_handle_id (&self->style_id, g_source_remove);
  if (busy)
    self->pulse_id = g_timeout_add (100, pulse, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_dropdown), !busy && self->session != NULL);
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  _gr_window_update_actions (self);
}

/* A library job's progress (GrProgressFunc) in the header bar's bar, the
 * pulsing stopped; nothing once the job is done or the window gone. */
void
_gr_window_on_progress (double fraction, const char *what, gpointer data)
{
  GrWindow *self = data;

  if (!self->busy || _gr_window_is_gone (self))
    return;
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress, fraction);
  gtk_progress_bar_set_text (self->progress, what);
}

static void
on_cancel_clicked (GrWindow *self)
{
  g_cancellable_cancel (self->cancellable);
}

void
_gr_window_show_error (GrWindow *self, const char *heading, const GError *error)
{
  GtkWidget *dialog;

  g_free (self->error);
  self->error = g_strdup (error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_ ("Cancelled")));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  /* A change refused because someone else changed the scenario first: the
   * scenario is shown as it now is, with their change. */
  if (g_error_matches (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT))
    _gr_window_reload_later (self);
}

/* ---- showing a session ---------------------------------------------------- */

/* The map over @b (west, south, east, north in degrees), whole. */
void
_gr_window_zoom_to_lonlat (GrWindow *self, const double b[4])
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double           width = MAX (gtk_widget_get_width (GTK_WIDGET (self->map)), 640);
  double           height = MAX (gtk_widget_get_height (GTK_WIDGET (self->map)), 480);
  double           span = MAX (b[2] - b[0], 1e-4);
  double           lat = (b[1] + b[3]) / 2;
  /* The north–south span in degrees of longitude at this latitude. */
  double tall = MAX (b[3] - b[1], 1e-4) / MAX (cos (lat * G_PI / 180), 0.1);
  double zoom = MIN (log2 (width * 360.0 / (256.0 * span)), log2 (height * 360.0 / (256.0 * tall)));

  shumate_viewport_set_zoom_level (viewport, CLAMP (zoom - 0.2, 2, 18));
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, (b[0] + b[2]) / 2);
}

/* The residential land is what the analysis is about: frame it. */
void
_gr_window_zoom_to_project (GrWindow *self)
{
  GrDisplay *display = gr_session_get_display (self->session);
  double     b[4];

  gr_display_get_bounds (display, GR_ROLE_RESIDENTIAL, b);
  if (!isfinite (b[0]))
    gr_display_get_bounds (display, GR_N_ROLES, b);
  if (!isfinite (b[0]))
    return;
  _gr_window_zoom_to_lonlat (self, b);
}

/* The distances and sizes of two analyses are the same. */
static gboolean
same_sizes (const GrCriteria *a, const GrCriteria *b)
{
  return a->green_radius == b->green_radius && a->park_radius == b->park_radius
         && a->green_min_area == b->green_min_area && a->park_min_area == b->park_min_area
         && a->resolution == b->resolution;
}

void
_gr_window_drop_other_mode (GrWindow *self)
{
  /* The layer is the map's: gone with it once the window is disposed. */
  if (!_gr_window_is_gone (self) && self->coverage != NULL)
    gr_coverage_layer_drop_spare (self->coverage);
  g_clear_pointer (&self->other_editor, gr_editor_free);
  g_clear_pointer (&self->other_analysis, gr_analysis_free);
  g_clear_pointer (&self->other_refs, g_array_unref);
  g_clear_pointer (&self->other_zone_baselines, g_array_unref);
  g_clear_pointer (&self->other_priorities, g_array_unref);
  g_clear_pointer (&self->kept_priorities, g_array_unref);
}

/* What follows the analysis shown: the panels, the edits, the status. */
static void
show_current (GrWindow *self)
{
  _gr_window_update_indicators (self);
  _gr_window_update_zone_table (self, gr_session_get_analysis (self->session));
  _gr_window_refresh_edits (self);
  _gr_window_refresh_targets (self);
  _gr_window_refresh_status (self);
}

/* Switches to the kept analysis of the other distance mode, if there is
 * one for the same distances and sizes: the one shown is kept in its
 * place. The kept one's editor brings it to the scenario shown now. */
gboolean
_gr_window_swap_mode (GrWindow *self)
{
  GrAnalysis *analysis;
  GArray     *refs;
  GrEditor   *editor;
  GrSummary   summary;
  GArray     *zones, *priorities;
  int         priorities_scope;
  double      changed[4];

  if (self->other_analysis == NULL || self->session == NULL || self->busy
      || gr_analysis_is_walking (self->other_analysis) != self->criteria.walking
      || !same_sizes (gr_analysis_get_criteria (self->other_analysis), &self->criteria))
    return FALSE;
  if (self->comparison_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->comparison_window));
  _gr_window_suggest_drop (self, _ ("The distance mode changed: suggest again"));
  _gr_window_drop_baseline (self);
  /* The layer borrows the analysis; the one it shows now is kept. */
  analysis = gr_session_steal_analysis (self->session);
  refs = self->refs, editor = self->editor, summary = self->baseline_summary;
  gr_session_set_analysis (self->session, g_steal_pointer (&self->other_analysis));
  self->refs = g_steal_pointer (&self->other_refs);
  self->editor = g_steal_pointer (&self->other_editor);
  self->baseline_summary = self->other_baseline_summary;
  self->other_analysis = analysis, self->other_refs = refs, self->other_editor = editor;
  self->other_baseline_summary = summary;
  zones = self->zone_baselines;
  self->zone_baselines = g_steal_pointer (&self->other_zone_baselines);
  self->other_zone_baselines = zones;
  priorities = g_steal_pointer (&self->other_priorities);
  priorities_scope = self->other_priorities_scope;
  self->other_priorities = self->priorities != NULL ? g_array_ref (self->priorities) : NULL;
  self->other_priorities_scope = self->shown_scope;
  gr_editor_sync (self->editor, self->current != NULL ? self->current : self->empty, changed);
  /* Its priority areas stand while the edits since changed nothing in it
   * (finding them again is most of a switch in a large city). */
  g_clear_pointer (&self->kept_priorities, g_array_unref);
  if (priorities != NULL && !isfinite (changed[0]) && priorities_scope == _gr_window_scope (self))
    self->kept_priorities = g_steal_pointer (&priorities);
  g_clear_pointer (&priorities, g_array_unref);
  if (isfinite (changed[0]))
    _gr_window_grow_by_reach (self, changed);
  /* Its images were kept with it: only what the edits since changed is
   * drawn again. */
  if (!gr_coverage_layer_swap_spare (self->coverage, gr_session_get_analysis (self->session),
                                     changed))
    gr_coverage_layer_set_analysis (self->coverage, gr_session_get_analysis (self->session),
                                    gr_session_get_display (self->session));
  show_current (self);
  return TRUE;
}

/* @refs: (transfer full) */
void
_gr_window_show_analysis (GrWindow *self, GrAnalysis *analysis, GArray *refs)
{
  GrAnalysis *old = self->session != NULL ? gr_session_get_analysis (self->session) : NULL;
  gboolean    keep;

  /* A comparison shown was of the figures now replaced. */
  if (self->comparison_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->comparison_window));
  _gr_window_suggest_drop (self, _ ("The coverage was computed again: suggest again"));
  /* The layer borrows the analysis: point it at the new one before the
   * session frees the old. */
  _gr_window_drop_baseline (self);
  /* The other mode's analysis of the same distances is kept for the
   * switch back, with its images; any other is let go. */
  _gr_window_drop_other_mode (self);
  keep = old != NULL && gr_analysis_is_walking (old) != gr_analysis_is_walking (analysis)
         && same_sizes (gr_analysis_get_criteria (old), gr_analysis_get_criteria (analysis));
  if (keep)
    gr_coverage_layer_keep_spare (self->coverage);
  /* The layer lets go of the old analysis before the session frees it,
   * and draws the new one once, with the scenario in it (below). */
  gr_coverage_layer_set_analysis (self->coverage, NULL, NULL);
  if (keep)
    {
      self->other_analysis = gr_session_steal_analysis (self->session);
      self->other_refs = g_steal_pointer (&self->refs);
      self->other_editor = g_steal_pointer (&self->editor);
      self->other_baseline_summary = self->baseline_summary;
      self->other_zone_baselines = g_steal_pointer (&self->zone_baselines);
      self->other_priorities = g_steal_pointer (&self->priorities);
      self->other_priorities_scope = self->shown_scope;
    }
  g_clear_pointer (&self->editor, gr_editor_free);
  gr_session_set_analysis (self->session, analysis);
  g_clear_pointer (&self->refs, g_array_unref);
  self->refs = refs;
  gr_analysis_summarize (analysis, -1, &self->baseline_summary);
  g_clear_pointer (&self->zone_baselines, g_array_unref);
  self->zone_baselines = _gr_window_summarize_zones (self, analysis);
  self->editor = gr_editor_new (gr_session_get_project (self->session), analysis, self->refs);
  if (self->current != NULL)
    gr_editor_sync (self->editor, self->current, NULL);
  gr_coverage_layer_set_analysis (self->coverage, analysis, gr_session_get_display (self->session));
  show_current (self);
}

static char *
session_title (GrSession *session)
{
  GPtrArray       *sources = gr_session_get_sources (session);
  const char      *path = gr_session_get_path (session);
  g_autofree char *name = NULL;
  guint            more = sources->len;

  if (path == NULL)
    path = ((GrSource *) g_ptr_array_index (sources, 0))->path, more--;
  name = gr_project_file_get_name (path);
  if (more == 0)
    return g_steal_pointer (&name);
  /* TRANSLATORS: a file name, then how many layers were imported over it */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s + %u layer", "%s + %u layers", more),
                          name, more);
}

/* Corridor pinch points below the 100 m net width and greenway breaks,
 * marked on the map. Corridors and greenways are not edited by
 * scenarios: found once per project. */
static void
mark_findings (GrWindow *self)
{
  GrProject *project = gr_session_get_project (self->session);
  GrLayer   *corridors = project->layers[GR_ROLE_CORRIDOR];
  g_autoptr (GArray) pinches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  GrGreenwayReport r = { 0 };

  for (guint i = 0; corridors != NULL && i < corridors->features->len; i++)
    {
      GrCorridorWidth w;

      if (gr_corridor_measure (((GrFeature *) g_ptr_array_index (corridors->features, i))->geometry,
                               GR_CORRIDOR_MIN_WIDTH, &w)
          && !w.passes && isfinite (w.pinch_x))
        {
          g_array_append_val (pinches, w.pinch_x);
          g_array_append_val (pinches, w.pinch_y);
        }
    }
  if (project->layers[GR_ROLE_GREENWAY] != NULL)
    {
      gr_greenway_report (project, GR_GREENWAY_JOIN_M, GR_GREENWAY_GAP_M, &r);
      for (guint i = 0; i < r.gaps->len; i++)
        {
          GrGreenwayGap *g = &g_array_index (r.gaps, GrGreenwayGap, i);
          double         q[4] = { g->x0, g->y0, g->x1, g->y1 };

          g_array_append_vals (gaps, q, 4);
        }
      gr_greenway_report_clear (&r);
    }
  gr_sketch_layer_set_findings (self->sketch, gr_session_get_display (self->session),
                                (double *) pinches->data, pinches->len / 2, (double *) gaps->data,
                                gaps->len / 4);
}

void
_gr_window_show_session (GrWindow *self, GrSession *session, GrAnalysis *analysis, GArray *refs)
{
  g_autofree char *name = session_title (session);
  /* A layer imported over the open project keeps the view. */
  gboolean same_place =
      self->keep_view
      || (self->session != NULL && session != NULL
          && g_strcmp0 (gr_session_get_path (self->session), gr_session_get_path (session)) == 0
          && gr_session_get_path (session) != NULL);

  self->keep_view = FALSE;
  _gr_window_measure_clear (self);

  _gr_window_suggest_drop (self, _ ("Another project is shown: suggest again"));
  gr_coverage_layer_set_analysis (self->coverage, NULL, NULL);
  _gr_window_drop_other_mode (self);
  gr_vector_layer_set_display (self->vectors, NULL);
  if (self->swipe != NULL)
    gr_swipe_layer_set_baseline (self->swipe, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->editor, gr_editor_free);
  g_clear_pointer (&self->session, gr_session_free);
  self->session = session;
  _gr_window_load_scenarios (self);
  if (!same_place)
    _gr_window_load_style (self);
  gr_vector_layer_set_display (self->vectors, gr_session_get_display (session));
  _gr_window_fill_layers (self, gr_session_get_project (session));
  gr_indicator_panel_set_zones (self->indicator_panel, gr_session_get_project (session));
  _gr_window_show_analysis (self, analysis, refs);
  mark_findings (self);
  /* A project may carry its own base map beside its file. */
  _gr_window_apply_base_map (self);
  adw_window_title_set_subtitle (self->window_title, name);
  if (!same_place)
    _gr_window_zoom_to_project (self);
}

static void
gr_window_dispose (GObject *object)
{
  GrWindow *self = GR_WINDOW (object);

  /* A job still running ends on its own (_gr_window_is_gone). */
  g_cancellable_cancel (self->cancellable);
  self->busy = FALSE;
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_handle_id (&self->live_text_id, g_source_remove);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_handle_id (&self->status_id, g_source_remove);
  /* A shared project is let go of: no more looks, and the others see this
   * window no longer editing (its session, and so its lock, ends). */
  g_clear_handle_id (&self->share_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->store, gr_scenario_store_close);
  if (self->baseline_cancellable != NULL)
    g_cancellable_cancel (self->baseline_cancellable);
  g_clear_object (&self->baseline_cancellable);
  if (self->swipe != NULL)
    gr_swipe_layer_set_baseline (self->swipe, NULL, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->baseline_analysis, gr_analysis_free);
  if (self->comparison_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->comparison_window));
  if (self->coverage != NULL)
    gr_coverage_layer_set_analysis (self->coverage, NULL, NULL);
  if (self->vectors != NULL)
    gr_vector_layer_set_display (self->vectors, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_WINDOW);
  G_OBJECT_CLASS (gr_window_parent_class)->dispose (object);
}

static void
gr_window_finalize (GObject *object)
{
  GrWindow *self = GR_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->last_connection, g_free);
  g_clear_pointer (&self->editor, gr_editor_free);
  _gr_window_drop_other_mode (self);
  gr_indicators_clear (&self->shown);
  g_clear_pointer (&self->priorities, g_array_unref);
  g_clear_pointer (&self->comparison, gr_comparison_free);
  g_clear_pointer (&self->refs, g_array_unref);
  g_clear_pointer (&self->zone_baselines, g_array_unref);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->store, gr_scenario_store_close);
  g_clear_pointer (&self->empty, gr_scenario_free);
  g_clear_pointer (&self->draft, g_array_unref);
  g_clear_pointer (&self->measure, g_array_unref);
  g_clear_pointer (&self->measure_text, g_free);
  g_clear_pointer (&self->drag_start, OGR_G_DestroyGeometry);
  g_clear_pointer (&self->drag_now, OGR_G_DestroyGeometry);
  g_clear_pointer (&self->pending, gr_edit_free);
  g_clear_pointer (&self->importing, _gr_import_step_free);
  g_clear_pointer (&self->import_done, _gr_import_step_free);
  g_clear_pointer (&self->ranker, gr_site_ranker_free);
  gr_site_suggestion_clear (&self->suggestion);
  g_clear_pointer (&self->session, gr_session_free);
  g_clear_object (&self->scenario_items);
  g_clear_pointer (&self->base_layers, g_ptr_array_unref);
  g_free (self->base_map_error);
  g_free (self->selection_text);
  g_free (self->error);
  g_free (self->reimport_notes);
  g_free (self->own_targets_path);
  g_clear_weak_pointer (&self->import_dialog);
  G_OBJECT_CLASS (gr_window_parent_class)->finalize (object);
}

static void
gr_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GrWindow *self = GR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SHOW_BLIND_SPOTS:
      /* Asked by the legend's check box before the map is set up. */
      g_value_set_boolean (value, self->coverage == NULL
                                      || gtk_widget_get_visible (GTK_WIDGET (self->coverage)));
      break;
    case PROP_SHOW_MARKERS:
      g_value_set_boolean (
          value, self->sketch == NULL
                     || gr_marks_get_findings_visible (gr_sketch_layer_get_marks (self->sketch)));
      break;
    case PROP_TOOL:
      g_value_set_string (value, _gr_window_get_tool_name (self));
      break;
    case PROP_EDIT_BASELINE:
      g_value_set_boolean (value, self->edit_baseline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GrWindow *self = GR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_BLIND_SPOTS:
      if (gtk_widget_get_visible (GTK_WIDGET (self->coverage)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->coverage), g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_MARKERS:
      {
        GrMarks *marks = gr_sketch_layer_get_marks (self->sketch);

        if (gr_marks_get_findings_visible (marks) != g_value_get_boolean (value))
          {
            gr_marks_set_findings_visible (marks, g_value_get_boolean (value));
            gtk_widget_queue_draw (GTK_WIDGET (self->sketch));
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    case PROP_TOOL:
      if (!_gr_window_set_tool_name (self, g_value_get_string (value)))
        g_warning ("no map tool “%s”", g_value_get_string (value));
      break;
    case PROP_EDIT_BASELINE:
      if (self->edit_baseline != g_value_get_boolean (value))
        {
          self->edit_baseline = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_window_class_init (GrWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_window_dispose;
  object_class->finalize = gr_window_finalize;
  object_class->get_property = gr_window_get_property;
  object_class->set_property = gr_window_set_property;
  properties[PROP_BUSY] =
      g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_BLIND_SPOTS] =
      g_param_spec_boolean ("show-blind-spots", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Greenway breaks and corridor pinch points: the markers layer. */
  properties[PROP_SHOW_MARKERS] =
      g_param_spec_boolean ("show-markers", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* pan, move, reshape, add or draw (GrMapTool); the win.tool action. */
  properties[PROP_TOOL] =
      g_param_spec_string ("tool", NULL, NULL, "pan",
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDIT_BASELINE] =
      g_param_spec_boolean ("edit-baseline", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (GR_TYPE_COVERAGE_PANEL);
  g_type_ensure (GR_TYPE_HISTORY_PANEL);
  g_type_ensure (GR_TYPE_INDICATOR_PANEL);
  g_type_ensure (GR_TYPE_LAYER_PANEL);
  g_type_ensure (GR_TYPE_PARK_POPOVER);
  g_type_ensure (GR_TYPE_ZONE_TABLE);
  g_type_ensure (GR_TYPE_SCENARIO_ITEM);
  g_type_ensure (GR_TYPE_SUGGEST_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/greenreach/Greenreach/gr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GrWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, layer_panel);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, map);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, map_scale);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, license);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, base_map_notice);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, measure_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, coverage_panel);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, zone_table);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, cursor_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, park_popover);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, history);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, edits_pane);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, edits_hint);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, balance_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, indicator_panel);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, suggest_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  _gr_window_class_init_actions (widget_class);
  _gr_window_class_init_find (widget_class);
}

/* The distances and sizes of the preferences (by default 300米见绿、500米见园,
 * green space of 400 m² and parks of 1 ha: gr-defaults.h). */
static void
read_criteria (GrWindow *self)
{
  GSettings *settings = gr_settings_get ();

  self->criteria.green_radius = g_settings_get_double (settings, "green-radius");
  self->criteria.park_radius = g_settings_get_double (settings, "park-radius");
  self->criteria.green_min_area = g_settings_get_double (settings, "green-min-area");
  self->criteria.park_min_area = g_settings_get_double (settings, "park-min-area");
}

static void
on_settings_changed (GSettings *settings, const char *key, GrWindow *self)
{
  if (g_str_has_suffix (key, "-radius") || g_str_has_suffix (key, "-min-area"))
    {
      read_criteria (self);
      _gr_window_reanalyze (self);
    }
  else
    _gr_window_apply_base_map (self);
}

static void
gr_window_init (GrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gr_criteria_init_default (&self->criteria);
  read_criteria (self);
  g_signal_connect_object (gr_settings_get (), "changed", G_CALLBACK (on_settings_changed), self,
                           0);
  _gr_window_setup_map (self);
  _gr_window_build_layer_panel (self);
  _gr_window_build_editing (self);
  g_signal_connect_swapped (self->indicator_panel, "notify::target-set",
                            G_CALLBACK (_gr_window_refresh_targets), self);
  g_signal_connect_swapped (self->indicator_panel, "notify::scope",
                            G_CALLBACK (_gr_window_on_scope_changed), self);
  g_signal_connect_swapped (self->indicator_panel, "priority-activated",
                            G_CALLBACK (_gr_window_go_to_priority), self);
  _gr_window_build_presentation (self);
  _gr_window_build_suggest (self);
  g_signal_connect_swapped (self->mode_dropdown, "notify::selected",
                            G_CALLBACK (_gr_window_on_mode_changed), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_dropdown), FALSE);
}

GrWindow *
gr_window_new (GrApplication *app)
{
  return g_object_new (GR_TYPE_WINDOW, "application", app, NULL);
}
