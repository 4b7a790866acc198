/* gr-window-indicators.c — the coverage panel, the zone table and the park-city indicators with their targets */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- coverage and zones ----------------------------------------------------- */

/* The coverage block, for the city or the zone chosen in the indicators'
 * scope, against the baseline's when a scenario is shown. */
void
_gr_window_update_indicators (GrWindow *self)
{
  GrAnalysis *analysis = self->session ? gr_session_get_analysis (self->session) : NULL;
  guint       zone = gr_indicator_panel_get_scope (self->indicator_panel);
  GrSummary   shown;

  if (analysis == NULL)
    return;
  gr_analysis_summarize (analysis, -1, &self->summary);
  if (zone == 0)
    {
      gr_coverage_panel_show (self->coverage_panel, &self->summary,
                              self->current != NULL ? &self->baseline_summary : NULL);
      return;
    }
  gr_analysis_summarize (analysis, zone, &shown);
  gr_coverage_panel_show (self->coverage_panel, &shown,
                          self->current != NULL && self->zone_baselines != NULL
                                  && zone <= self->zone_baselines->len
                              ? &g_array_index (self->zone_baselines, GrSummary, zone - 1)
                              : NULL);
}

/* Each zone's baseline figures, for the changes a scenario makes there
 * (taken before the scenario is applied to a new analysis). */
GArray *
_gr_window_summarize_zones (GrWindow *self, GrAnalysis *analysis)
{
  GrLayer *zones = gr_session_get_project (self->session)->layers[GR_ROLE_ZONES];
  guint    n = zones != NULL ? MIN (zones->features->len, G_MAXUINT16 - 1) : 0;
  GArray  *out = g_array_sized_new (FALSE, TRUE, sizeof (GrSummary), n);

  g_array_set_size (out, n);
  for (guint z = 1; z <= n; z++)
    gr_analysis_summarize (analysis, z, &g_array_index (out, GrSummary, z - 1));
  return out;
}

/* A zone chosen: the whole panel follows, and the map goes to the zone,
 * outlined (_gr_window_refresh_edits draws it). */
void
_gr_window_on_scope_changed (GrWindow *self)
{
  guint    zone = gr_indicator_panel_get_scope (self->indicator_panel);
  GrLayer *zones =
      self->session != NULL ? gr_session_get_project (self->session)->layers[GR_ROLE_ZONES] : NULL;
  OGREnvelope env;
  double      b[4];

  _gr_window_refresh_targets (self);
  _gr_window_update_indicators (self);
  _gr_window_refresh_edits (self);
  if (zone == 0 || zones == NULL || zone > zones->features->len)
    return;
  OGR_G_GetEnvelope (((GrFeature *) g_ptr_array_index (zones->features, zone - 1))->geometry, &env);
  if (gr_display_to_lonlat (gr_session_get_display (self->session), env.MinX, env.MinY, &b[0],
                            &b[1])
      && gr_display_to_lonlat (gr_session_get_display (self->session), env.MaxX, env.MaxY, &b[2],
                               &b[3]))
    _gr_window_zoom_to_lonlat (self, b);
}

void
_gr_window_update_zone_table (GrWindow *self, GrAnalysis *analysis)
{
  gr_zone_table_show (self->zone_table, gr_session_get_project (self->session), analysis);
}

/* ---- park-city indicators ---------------------------------------------------- */

static void
show_priorities (GrWindow *self, GrProject *project, GrAnalysis *analysis, int scope, GArray *kept);

/* The zone the indicators are for (1-based), or -1 for the whole city. */
int
_gr_window_scope (GrWindow *self)
{
  guint scope = gr_indicator_panel_get_scope (self->indicator_panel);

  return scope > 0 ? (int) scope : -1;
}

/* The project's own targets, into shown_targets. A project file is read
 * each time (a script may have set one meanwhile, and it costs nothing);
 * a project in a database once, until they are set here or the project
 * is read again: not a connection to the server after every edit. */
static gboolean
load_own_targets (GrWindow *self)
{
  const char *path = gr_session_get_path (self->session);

  if (!gr_pg_is_connection (path))
    return gr_project_targets_load (path, self->shown_targets, NULL);
  if (g_strcmp0 (self->own_targets_path, path) != 0)
    {
      if (!gr_project_targets_load (path, self->own_targets, NULL))
        return FALSE;
      g_free (self->own_targets_path);
      self->own_targets_path = g_strdup (path);
    }
  memcpy (self->shown_targets, self->own_targets, sizeof self->shown_targets);
  return TRUE;
}

/* Read again at the next refresh. */
void
_gr_window_forget_targets (GrWindow *self)
{
  g_clear_pointer (&self->own_targets_path, g_free);
}

/* Every indicator of the scenario shown, judged against the chosen targets,
 * for the city or the chosen zone. Rebuilt after every edit; while a park
 * is dragged, the coverage rows follow the pointer (_gr_window_update_targets_live). */
void
_gr_window_refresh_targets (GrWindow *self)
{
  GrAnalysis *analysis = self->session != NULL ? gr_session_get_analysis (self->session) : NULL;
  g_autoptr (GrProject) edited = NULL;
  GrProject  *project, view;
  int         scope = _gr_window_scope (self);
  GrTargetSet set = gr_indicator_panel_get_target_set (self->indicator_panel);
  /* Left by a switch of distance modes that changed nothing: good for
   * this refresh only. */
  g_autoptr (GArray) kept = g_steal_pointer (&self->kept_priorities);

  if (self->dragging)
    return;
  gr_indicators_clear (&self->shown);
  g_clear_pointer (&self->priorities, g_array_unref);
  if (analysis == NULL)
    {
      gr_indicator_panel_show (self->indicator_panel, NULL);
      gr_indicator_panel_show_priorities (self->indicator_panel, NULL, NULL);
      gr_sketch_layer_set_priorities (self->sketch, NULL, NULL, 0);
      return;
    }
  project = gr_session_get_project (self->session);
  /* The scenario's parks and green space over the baseline's other layers. */
  if (self->current != NULL)
    {
      edited = gr_scenario_view (self->current, project, &view);
      project = &view;
    }
  if (set >= GR_N_TARGET_SETS)
    set = GR_TARGETS_NONE;
  memcpy (self->shown_targets, gr_target_set_get_targets (set), sizeof self->shown_targets);
  /* An unsaved project has no targets of its own yet. */
  if (set == GR_TARGETS_PROJECT && (self->store == NULL || !load_own_targets (self)))
    memcpy (self->shown_targets, gr_target_set_get_targets (GR_TARGETS_NONE),
            sizeof self->shown_targets);
  if (set == GR_TARGETS_PROJECT)
    gr_indicators_compute_with (&self->shown, project, analysis, scope, set, self->shown_targets);
  else
    gr_indicators_compute (&self->shown, project, analysis, scope, set);
  self->shown_scope = scope;
  gr_indicator_panel_show (self->indicator_panel, &self->shown);
  show_priorities (self, project, analysis, scope, g_steal_pointer (&kept));
}

/* The blind-spot areas leaving the most residents out (of the zone
 * chosen), numbered on the map and listed under the indicators.
 * @kept: (transfer full) (nullable): the areas, when they are known */
static void
show_priorities (GrWindow *self, GrProject *project, GrAnalysis *analysis, int scope, GArray *kept)
{
  g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));

  self->priorities = kept != NULL ? kept : gr_priority_areas_find (project, analysis, scope, 10);
  for (guint i = 0; i < self->priorities->len; i++)
    {
      const GrPriorityArea *a = &g_array_index (self->priorities, GrPriorityArea, i);

      g_array_append_vals (xy, (double[]){ a->x, a->y }, 2);
    }
  gr_indicator_panel_show_priorities (self->indicator_panel, self->priorities, project);
  gr_sketch_layer_set_priorities (self->sketch, gr_session_get_display (self->session),
                                  (double *) xy->data, xy->len / 2);
}

/* Frames priority area @rank, with room around. */
void
_gr_window_go_to_priority (GrWindow *self, guint rank)
{
  GrDisplay *display = self->session != NULL ? gr_session_get_display (self->session) : NULL;
  const GrPriorityArea *a;
  double                b[4] = { INFINITY, INFINITY, -INFINITY, -INFINITY };
  double                margin;

  if (display == NULL || self->priorities == NULL || rank == 0 || rank > self->priorities->len)
    return;
  a = &g_array_index (self->priorities, GrPriorityArea, rank - 1);
  margin = MAX (200, MAX (a->bounds[2] - a->bounds[0], a->bounds[3] - a->bounds[1]) / 2);
  for (guint k = 0; k < 4; k++)
    {
      double lon, lat;

      if (!gr_display_to_lonlat (display, k % 2 ? a->bounds[2] + margin : a->bounds[0] - margin,
                                 k / 2 ? a->bounds[3] + margin : a->bounds[1] - margin, &lon, &lat))
        return;
      b[0] = MIN (b[0], lon), b[1] = MIN (b[1], lat), b[2] = MAX (b[2], lon),
      b[3] = MAX (b[3], lat);
    }
  _gr_window_zoom_to_lonlat (self, b);
}

/* During a drag: the coverage panel and the indicators' coverage rows from
 * the live analysis (the park-area rows do not change when a park moves).
 * Text is re-laid out at most every LIVE_TEXT_MS (a reader needs no more),
 * the map every frame. */
#define LIVE_TEXT_MS 100

static gboolean
targets_live_now (gpointer data)
{
  GrWindow   *self = data;
  GrAnalysis *analysis = self->session != NULL ? gr_session_get_analysis (self->session) : NULL;
  const char *value, *verdict;

  self->live_text_id = 0;
  self->live_text_time = g_get_monotonic_time ();
  _gr_window_update_indicators (self);
  if (analysis == NULL
      || !gr_indicator_panel_get_row (self->indicator_panel, GR_IND_SERVICE_RATE, &value, &verdict))
    return G_SOURCE_REMOVE;
  gr_indicators_update_coverage (&self->shown, analysis, self->shown_scope, self->shown_targets);
  gr_indicator_panel_update (self->indicator_panel, &self->shown, GR_IND_SERVICE_RATE,
                             GR_IND_PARK_500_POPULATION);
  return G_SOURCE_REMOVE;
}

void
_gr_window_update_targets_live (GrWindow *self)
{
  gint64 since = (g_get_monotonic_time () - self->live_text_time) / 1000;

  if (self->live_text_id != 0)
    return;
  if (since >= LIVE_TEXT_MS)
    targets_live_now (self);
  else
    self->live_text_id = g_timeout_add (LIVE_TEXT_MS - since, targets_live_now, self);
}

/* ---- the project's own targets ---- */

static void
on_targets_response (GrTargetsDialog *dialog, const char *response, GrWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL)
    return;
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      double   value;
      gboolean strict;

      gr_targets_dialog_get_target (dialog, i, &value, &strict);
      if (!gr_project_targets_set (gr_session_get_path (self->session), i, value, strict, &error))
        {
          _gr_window_show_error (self, _ ("Could not save the targets"), error);
          return;
        }
    }
  _gr_window_forget_targets (self);
  gr_window_set_targets (self, GR_TARGETS_PROJECT,
                         gr_indicator_panel_get_scope (self->indicator_panel));
  _gr_window_refresh_targets (self);
}

/* Every indicator with its own target: on or off, the value, "more than". */
void
_gr_window_edit_targets_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow        *self = GR_WINDOW (widget);
  GrTarget         own[GR_N_INDICATORS];
  GrTargetsDialog *dialog;

  if (self->session == NULL || !_gr_window_ensure_store (self))
    return;
  gr_project_targets_load (gr_session_get_path (self->session), own, NULL);
  dialog = gr_targets_dialog_new (GTK_WINDOW (self), own);
  g_signal_connect (dialog, "response", G_CALLBACK (on_targets_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
