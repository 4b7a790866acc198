/* gr-window-compare.c — comparing two scenarios: the figures side by side and the map coloured by what each newly covers */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- comparing scenarios ---------------------------------------------------------- */

static void
on_comparison_closed (GtkWindow *results, GrWindow *self)
{
  gr_coverage_layer_set_comparison (self->coverage, NULL);
  g_clear_pointer (&self->comparison, gr_comparison_free);
}

/* Grows @b (analysis CRS) by what @scenario changes: the new outlines and
 * what it removes. */
static void
add_changes (GrWindow *self, const GrScenario *scenario, double b[4])
{
  GrProject *baseline = _gr_window_baseline_project (self);
  g_autoptr (GArray) touched = scenario != NULL ? gr_scenario_get_touched (scenario) : NULL;

  for (guint i = 0; touched != NULL && i < touched->len; i++)
    {
      GrFeatureKey key = g_array_index (touched, GrFeatureKey, i);
      OGRGeometryH g[2] = { gr_scenario_get_geometry (scenario, baseline, key), NULL };
      OGREnvelope  env;

      if (baseline->layers[key.role] != NULL
          && key.index < baseline->layers[key.role]->features->len)
        g[1] = ((GrFeature *) g_ptr_array_index (baseline->layers[key.role]->features, key.index))
                   ->geometry;
      for (guint k = 0; k < 2; k++)
        if (g[k] != NULL)
          {
            OGR_G_GetEnvelope (g[k], &env);
            b[0] = MIN (b[0], env.MinX), b[1] = MIN (b[1], env.MinY);
            b[2] = MAX (b[2], env.MaxX), b[3] = MAX (b[3], env.MaxY);
          }
    }
}

/* The map over what the compared options change, with a margin. */
static void
on_zoom_to_changes (GrCompareWindow *results, GrWindow *self)
{
  const double *b = self->compare_bounds;
  double        margin, ll[4];
  GrDisplay    *display;

  if (self->session == NULL)
    return;
  if (!isfinite (b[0]))
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_ ("The options compared change nothing")));
      return;
    }
  display = gr_session_get_display (self->session);
  margin = MAX (MAX (b[2] - b[0], b[3] - b[1]) * 0.15, 200);
  if (gr_display_to_lonlat (display, b[0] - margin, b[1] - margin, &ll[0], &ll[1])
      && gr_display_to_lonlat (display, b[2] + margin, b[3] + margin, &ll[2], &ll[3]))
    _gr_window_zoom_to_lonlat (self, ll);
}

static void
compare_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GrWindow) self = data;
  g_autoptr (GError) error = NULL;
  GrComparison *comparison = gr_comparison_new_finish (result, &error);
  GrComparison *before;
  GtkWidget    *results;

  if (_gr_window_is_gone (self))
    {
      g_clear_pointer (&comparison, gr_comparison_free);
      return;
    }
  _gr_window_set_busy (self, NULL);
  if (comparison == NULL)
    {
      _gr_window_show_error (self, _ ("Could not compare the scenarios"), error);
      return;
    }
  /* The results shown before go with their comparison (their window
   * closing lets go of it), and the map lets go of it before it is freed:
   * the map may be drawing it on another thread. */
  if (self->comparison_window != NULL)
    {
      GtkWindow *shown = GTK_WINDOW (self->comparison_window);

      g_clear_weak_pointer (&self->comparison_window);
      gtk_window_destroy (shown);
    }
  before = g_steal_pointer (&self->comparison);
  self->comparison = comparison;
  gr_coverage_layer_set_comparison (self->coverage, self->comparison);
  g_clear_pointer (&before, gr_comparison_free);
  results = gr_compare_window_new (GTK_WINDOW (self), self->comparison);
  g_signal_connect_object (results, "destroy", G_CALLBACK (on_comparison_closed), self, 0);
  g_signal_connect_object (results, "zoom-to-changes", G_CALLBACK (on_zoom_to_changes), self, 0);
  self->comparison_window = results;
  g_object_add_weak_pointer (G_OBJECT (results), (gpointer *) &self->comparison_window);
  gtk_window_present (GTK_WINDOW (results));
}

/**
 * gr_window_compare:
 * @a: (nullable): a scenario, %NULL for the baseline
 * @b: (nullable): another
 *
 * Compares them off the main thread; the results open in a window and
 * colour the map.
 */
void
gr_window_compare (GrWindow *self, GrScenario *a, GrScenario *b)
{
  g_return_if_fail (self->session != NULL && !self->busy);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _gr_window_set_busy (self, _ ("Comparing scenarios…"));
  self->compare_bounds[0] = self->compare_bounds[1] = INFINITY;
  self->compare_bounds[2] = self->compare_bounds[3] = -INFINITY;
  add_changes (self, a, self->compare_bounds);
  add_changes (self, b, self->compare_bounds);
  /* The baseline is borrowed: the session outlives the window's jobs. */
  gr_comparison_new_async (_gr_window_baseline_project (self), a, b, &self->criteria,
                           self->cancellable, compare_done, g_object_ref (self));
}

static void
on_compare_response (GrCompareDialog *dialog, const char *response, GrWindow *self)
{
  if (g_strcmp0 (response, "compare") != 0 || self->busy)
    return;
  gr_window_compare (self, gr_compare_dialog_get_first (dialog),
                     gr_compare_dialog_get_second (dialog));
}

void
_gr_window_compare_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow        *self = GR_WINDOW (widget);
  guint            shown = gtk_drop_down_get_selected (self->scenario_dropdown);
  guint            n = self->scenarios != NULL ? self->scenarios->len : 0;
  GrCompareDialog *dialog;

  if (self->session == NULL || self->busy)
    return;
  /* The scenario shown against the baseline (the first scenario when the
   * baseline is shown). */
  dialog = gr_compare_dialog_new (GTK_WINDOW (self), G_LIST_MODEL (self->scenario_items),
                                  n > 0 ? MAX (shown, 1) : 0, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_compare_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
