/* gr-window-suggest.c — the Sites page: where new pocket parks would serve
 * the most
 *
 * Measuring the candidates runs in the project library's thread
 * (gr_site_ranker_new_async()) while the window is busy and the analysis
 * it reads is left alone (no edits, no mode switch); every ranking after
 * it runs here, on the live analysis, in milliseconds: after a site is
 * accepted (an ordinary candidate-park edit, undone as any other) or
 * rejected, and after any change that leaves the ranking exact. A change
 * that takes supply away (a park removed or moved) or another analysis
 * drops it, and the panel says to suggest again.
 */
#include "config.h"

#include "gr-window-private.h"

#include "gr-format.h"

#include <glib/gi18n.h>
#include <math.h>

typedef struct
{
  GrWindow   *self; /* a reference: the window outlives the job */
  GrAnalysis *analysis;
  gboolean    by_area; /* asked for residents in a project without them */
} SuggestJob;

static void
show_marks (GrWindow *self, guint chosen)
{
  GrMarks   *marks = gr_sketch_layer_get_marks (self->sketch);
  GrDisplay *display = self->session != NULL ? gr_session_get_display (self->session) : NULL;
  g_autoptr (GPtrArray) sites = g_ptr_array_new ();
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
  g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  GArray     *list = self->suggestion.sites;
  GrAnalysis *analysis = self->ranker != NULL ? gr_site_ranker_get_analysis (self->ranker) : NULL;
  GrGrid     *grid =
      analysis != NULL ? gr_coverage_get_grid (gr_analysis_get_coverage (analysis)) : NULL;

  for (guint i = 0; self->ranker != NULL && list != NULL && i < list->len; i++)
    g_ptr_array_add (sites, g_array_index (list, GrSite, i).geometry);
  if (self->ranker != NULL && list != NULL && chosen > 0 && chosen <= list->len)
    gr_site_ranker_get_cells (self->ranker, g_array_index (list, GrSite, chosen - 1).candidate,
                              cells);
  for (guint i = 0; grid != NULL && i < cells->len; i++)
    {
      const GrCellDistance *c = &g_array_index (cells, GrCellDistance, i);
      double                p[2];

      gr_grid_cell_center (grid, c->col, c->row, &p[0], &p[1]);
      g_array_append_vals (xy, p, 2);
    }
  gr_marks_set_sites (marks, display, sites, chosen);
  gr_marks_set_reach (marks, display, (const double *) xy->data, xy->len / 2,
                      grid != NULL ? gr_grid_get_resolution (grid) : 0);
  self->highlighted = chosen;
  gtk_widget_queue_draw (GTK_WIDGET (self->sketch));
}

/* What the ranking found, in a line over the list. */
static char *
describe (GrWindow *self)
{
  const GrSiteSuggestion *s = &self->suggestion;
  GrSiteOptions           o;
  g_autofree char        *candidates = gr_format_number (s->n_candidates, 0);
  g_autofree char        *now = NULL;
  g_autofree char        *after = NULL;
  GString                *text = g_string_new (NULL);
  double                  gained = 0;

  o = *gr_site_ranker_get_options (self->ranker);
  for (guint i = 0; i < s->sites->len; i++)
    gained += g_array_index (s->sites, GrSite, i).value;
  now = gr_format_number (s->total > 0 ? 100 * s->served_before / s->total : 0, 1);
  after = gr_format_number (s->total > 0 ? 100 * (s->served_before + gained) / s->total : 0, 1);
  /* TRANSLATORS: "3 sites from 1,024 candidates, walking distance." */
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u site from %s candidates, %s.",
                                       "%u sites from %s candidates, %s.", s->sites->len),
                          s->sites->len, candidates,
                          self->criteria.walking ? _ ("walking distance") : _ ("straight-line"));
  g_string_append (text, " ");
  /* TRANSLATORS: the share of what the objective counts that is served: "62.0 % → 71.3 %" */
  g_string_append_printf (text, _ ("Served: %s %% → %s %%."), now, after);
  if (!isnan (o.target))
    g_string_append_printf (text, " %s",
                            s->reached ? _ ("The share is reached.")
                                       : _ ("The candidates cannot reach the share: this is as far "
                                            "as they get."));
  else if (s->sites->len == 0 && o.cover == GR_SUGGEST_PARK && o.area_m2 > 0
           && o.area_m2 < self->criteria.park_min_area)
    {
      g_autofree char *size = gr_format_area (self->criteria.park_min_area);

      g_string_append_printf (text, " ");
      g_string_append_printf (text,
                              _ ("Parks this small do not count for 500 m of a park, which "
                                 "needs one of at least %s: choose a larger area."),
                              size);
    }
  else if (s->sites->len == 0)
    g_string_append_printf (text, " %s", _ ("No candidate adds anything any more."));
  if (self->ranker != NULL && gr_site_ranker_get_n_rejected (self->ranker) > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, " %u site rejected.",
                                         " %u sites rejected.",
                                         gr_site_ranker_get_n_rejected (self->ranker)),
                            gr_site_ranker_get_n_rejected (self->ranker));
  return g_string_free (text, FALSE);
}

static void
rank (GrWindow *self)
{
  g_autofree char *status = NULL;

  gr_site_suggestion_clear (&self->suggestion);
  gr_site_ranker_rank (self->ranker, &self->suggestion);
  status = describe (self);
  gr_suggest_panel_show (self->suggest_panel, &self->suggestion,
                         gr_site_ranker_get_options (self->ranker)->cover, status);
  show_marks (self, gr_suggest_panel_get_selected (self->suggest_panel));
}

/**
 * _gr_window_suggest_drop:
 * @why: (nullable): said in the panel
 *
 * Lets the ranking go: the analysis it measured is replaced or changed
 * beyond it.
 */
void
_gr_window_suggest_drop (GrWindow *self, const char *why)
{
  if (self->ranker == NULL)
    return;
  g_clear_pointer (&self->ranker, gr_site_ranker_free);
  gr_site_suggestion_clear (&self->suggestion);
  gr_suggest_panel_clear (self->suggest_panel, why, FALSE);
  show_marks (self, 0);
}

/* After any change of the scenario shown: ranked again around it, or let
 * go when it took supply away. */
void
_gr_window_suggest_after_change (GrWindow *self)
{
  if (self->ranker == NULL)
    return;
  if (self->session == NULL
      || gr_site_ranker_get_analysis (self->ranker) != gr_session_get_analysis (self->session)
      || !gr_site_ranker_is_current (self->ranker))
    {
      _gr_window_suggest_drop (self, _ ("The coverage changed in a way the candidates were not "
                                        "measured for (a park removed, moved or reshaped): "
                                        "suggest again"));
      return;
    }
  rank (self);
}

static void
on_progress (double fraction, const char *what, gpointer data)
{
  GrWindow *self = data;

  if (_gr_window_is_gone (self) || !self->measuring)
    return;
  gr_suggest_panel_set_progress (self->suggest_panel, fraction);
  gtk_progress_bar_set_fraction (self->progress, fraction);
}

static void
end_measuring (GrWindow *self)
{
  self->measuring = FALSE;
  gr_suggest_panel_set_running (self->suggest_panel, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scenario_dropdown), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->history), TRUE);
  _gr_window_set_busy (self, NULL);
}

/* The distance mode or the preferences changed while the candidates were
 * measured (nothing is computed again while the window is busy). */
static void
catch_up (GrWindow *self)
{
  GrAnalysis *analysis = self->session != NULL ? gr_session_get_analysis (self->session) : NULL;
  const GrCriteria *c = analysis != NULL ? gr_analysis_get_criteria (analysis) : NULL;

  if (c == NULL)
    return;
  if (c->walking != self->criteria.walking && _gr_window_swap_mode (self))
    return;
  if (c->walking != self->criteria.walking || c->green_radius != self->criteria.green_radius
      || c->park_radius != self->criteria.park_radius
      || c->green_min_area != self->criteria.green_min_area
      || c->park_min_area != self->criteria.park_min_area)
    _gr_window_reanalyze (self);
}

static void
on_measured (GObject *source, GAsyncResult *result, gpointer data)
{
  SuggestJob *job = data;
  GrWindow   *self = job->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GrSiteRanker) ranker = gr_site_ranker_new_finish (result, &error);

  if (!_gr_window_is_gone (self))
    {
      end_measuring (self);
      if (ranker == NULL)
        gr_suggest_panel_clear (self->suggest_panel, error->message,
                                !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      else if (self->session != NULL && gr_session_get_analysis (self->session) == job->analysis)
        {
          self->ranker = g_steal_pointer (&ranker);
          rank (self);
          if (job->by_area)
            adw_toast_overlay_add_toast (
                self->toasts, adw_toast_new (_ ("The project has no residents: the sites are "
                                                "ranked by residential land instead")));
        }
      catch_up (self);
    }
  g_object_unref (job->self);
  g_free (job);
}

/* ::run: the candidates measured afresh against the coverage shown. */
static void
on_run (GrWindow *self)
{
  GrAnalysis   *analysis = self->session != NULL ? gr_session_get_analysis (self->session) : NULL;
  GrProject    *baseline;
  SuggestJob   *job;
  GrSiteOptions options;
  GrSummary     summary;

  if (analysis == NULL || self->busy || self->presenting || self->pending != NULL)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_ ("Wait for the current work to finish")));
      return;
    }
  _gr_window_suggest_drop (self, NULL);
  baseline = _gr_window_baseline_project (self);
  gr_suggest_panel_get_options (self->suggest_panel, &options);
  if (gr_suggest_panel_get_source (self->suggest_panel) != GR_SITE_SOURCE_LAND)
    {
      options.sites = baseline->layers[GR_ROLE_SITES];
      if (options.sites == NULL || options.sites->features->len == 0)
        {
          gr_suggest_panel_clear (self->suggest_panel,
                                  _ ("The project has no candidate plots: import a layer of plots "
                                     "the city can use with the role “candidate sites”"),
                                  TRUE);
          return;
        }
    }
  job = g_new0 (SuggestJob, 1);
  job->self = g_object_ref (self);
  job->analysis = analysis;
  gr_analysis_summarize (analysis, -1, &summary);
  if (options.weight == GR_SUGGEST_BY_RESIDENTS && !(summary.residential.population > 0))
    {
      options.weight = GR_SUGGEST_BY_AREA;
      job->by_area = TRUE;
    }
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->measuring = TRUE;
  _gr_window_set_busy (self, _ ("Measuring the candidate sites…"));
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gr_suggest_panel_set_running (self->suggest_panel, TRUE);
  /* The thread reads the analysis: nothing may change it meanwhile. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->map), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scenario_dropdown), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->history), FALSE);
  gr_site_ranker_new_async (baseline, analysis, &options, on_progress, self, self->cancellable,
                            on_measured, job);
}

static void
on_cancel (GrWindow *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* ::accept: a site (0: every site listed) as a candidate park of the
 * scenario shown, one edit each. */
static void
on_accept (GrWindow *self, guint rank_chosen)
{
  g_autoptr (GPtrArray) parks =
      g_ptr_array_new_with_free_func ((GDestroyNotify) OGR_G_DestroyGeometry);
  GArray *sites = self->suggestion.sites;

  if (self->ranker == NULL || sites == NULL)
    return;
  for (guint i = 0; i < sites->len; i++)
    if (rank_chosen == 0 || rank_chosen == i + 1)
      g_ptr_array_add (parks, OGR_G_Clone (g_array_index (sites, GrSite, i).geometry));
  /* An unsaved project takes its first edit once it is saved: one site. */
  if (self->store == NULL && parks->len > 1)
    {
      g_ptr_array_set_size (parks, 1);
      adw_toast_overlay_add_toast (
          self->toasts, adw_toast_new (_ ("The first site is accepted once the project is saved; "
                                          "accept the others after")));
    }
  for (guint i = 0; i < parks->len && self->ranker != NULL; i++)
    {
      guint       done = self->current != NULL ? self->current->position : 0;
      GrScenario *before = self->current;
      guint       number = _gr_window_candidate_number (self);
      GrEdit *edit = gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, 0, g_steal_pointer (&parks->pdata[i]));

      /* TRANSLATORS: a park that site suggestion placed; %u is its number */
      edit->name = g_strdup_printf (_ ("Suggested site %u"), number);
      edit->klass = g_strdup ("G14");
      edit->suggested = TRUE;
      _gr_window_push_candidate (self, edit, number);
      /* Refused (said once): the rest would be refused too. */
      if (self->store != NULL && self->current == before
          && (self->current == NULL || self->current->position == done))
        break;
    }
}

/* ::reject: left out of the rankings that follow. */
static void
on_reject (GrWindow *self, guint rank_chosen)
{
  GArray *sites = self->suggestion.sites;

  if (self->ranker == NULL || sites == NULL || rank_chosen == 0 || rank_chosen > sites->len)
    return;
  gr_site_ranker_reject (self->ranker, g_array_index (sites, GrSite, rank_chosen - 1).candidate);
  rank (self);
}

static void
on_highlight (GrWindow *self, guint rank_chosen)
{
  if (!_gr_window_is_gone (self) && rank_chosen != self->highlighted)
    show_marks (self, rank_chosen);
}

/* ::selected: the map goes to the site chosen in the list, with room for
 * the homes it would serve. */
static void
on_selected (GrWindow *self, guint rank_chosen)
{
  GArray     *sites = self->suggestion.sites;
  GrDisplay  *display = self->session != NULL ? gr_session_get_display (self->session) : NULL;
  OGREnvelope e;
  double      lonlat[4];

  if (_gr_window_is_gone (self) || display == NULL || sites == NULL || rank_chosen == 0
      || rank_chosen > sites->len)
    return;
  OGR_G_GetEnvelope (g_array_index (sites, GrSite, rank_chosen - 1).geometry, &e);
  gr_display_to_lonlat (display, e.MinX - self->criteria.park_radius,
                        e.MinY - self->criteria.park_radius, &lonlat[0], &lonlat[1]);
  gr_display_to_lonlat (display, e.MaxX + self->criteria.park_radius,
                        e.MaxY + self->criteria.park_radius, &lonlat[2], &lonlat[3]);
  _gr_window_zoom_to_lonlat (self, lonlat);
}

void
_gr_window_build_suggest (GrWindow *self)
{
  g_signal_connect_swapped (self->suggest_panel, "run", G_CALLBACK (on_run), self);
  g_signal_connect_swapped (self->suggest_panel, "cancel", G_CALLBACK (on_cancel), self);
  g_signal_connect_swapped (self->suggest_panel, "accept", G_CALLBACK (on_accept), self);
  g_signal_connect_swapped (self->suggest_panel, "reject", G_CALLBACK (on_reject), self);
  g_signal_connect_swapped (self->suggest_panel, "highlight", G_CALLBACK (on_highlight), self);
  g_signal_connect_swapped (self->suggest_panel, "selected", G_CALLBACK (on_selected), self);
}

/* win.suggest-sites: the Sites page. */
void
_gr_window_suggest_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->side_stack, "sites");
  gtk_widget_grab_focus (GTK_WIDGET (self->suggest_panel));
}

/* ---- for the tests ---- */

GrSuggestPanel *
gr_window_get_suggest_panel (GrWindow *self)
{
  return self->suggest_panel;
}

const GrSiteSuggestion *
gr_window_get_suggestion (GrWindow *self)
{
  return self->ranker != NULL ? &self->suggestion : NULL;
}

gboolean
gr_window_get_measuring (GrWindow *self)
{
  return self->measuring;
}

/* Whether the cell at (@x, @y) is residential land out of reach of both
 * green space and parks: a blind spot. */
static gboolean
is_blind (GrAnalysis *analysis, double x, double y)
{
  GrCoverage *coverage = gr_analysis_get_coverage (analysis);

  return gr_grid_cell_area (gr_coverage_get_grid (coverage), x, y) > 0
         && gr_coverage_cell_count (coverage, GR_LAYER_GREEN, x, y) == 0
         && gr_coverage_cell_count (coverage, GR_LAYER_PARK, x, y) == 0;
}

/**
 * gr_window_get_site_cell:
 *
 * The centre of a cell that site @rank would lift out of the blind spots,
 * with the eight cells around it blind spots too, for a test to look at
 * its colour.
 */
gboolean
gr_window_get_site_cell (GrWindow *self, guint rank, double *x, double *y)
{
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (GrCellDistance));
  GrAnalysis *analysis;
  GrGrid     *grid;
  double      r;

  if (self->ranker == NULL || rank == 0 || rank > self->suggestion.sites->len)
    return FALSE;
  analysis = gr_site_ranker_get_analysis (self->ranker);
  grid = gr_coverage_get_grid (gr_analysis_get_coverage (analysis));
  r = gr_grid_get_resolution (grid);
  gr_site_ranker_get_cells (
      self->ranker, g_array_index (self->suggestion.sites, GrSite, rank - 1).candidate, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      const GrCellDistance *c = &g_array_index (cells, GrCellDistance, i);
      gboolean              inside = TRUE;

      gr_grid_cell_center (grid, c->col, c->row, x, y);
      for (int dr = -1; dr <= 1 && inside; dr++)
        for (int dc = -1; dc <= 1 && inside; dc++)
          inside = is_blind (analysis, *x + dc * r, *y + dr * r);
      if (inside)
        return TRUE;
    }
  return FALSE;
}
