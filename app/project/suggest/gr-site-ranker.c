/* gr-site-ranker.c — site suggestion kept ready between rankings
 *
 * Preparing (finding the candidates and the unserved cells each would
 * serve) is the long part and runs once; a ranking reads the live coverage
 * counts, so a site accepted since (its park added to the analysis) counts
 * as served and the rest are ranked around it, in milliseconds.
 */
#include "config.h"

#include "gr-site-ranker.h"

#include "gr-candidate-rules.h"
#include "gr-format.h"
#include "gr-gdal.h"
#include "gr-role.h"

#include <glib/gi18n-lib.h>
#include <math.h>

struct _GrSiteRanker
{
  GrProject    *project;  /* borrowed */
  GrAnalysis   *analysis; /* borrowed */
  GrSiteOptions options;
  GPtrArray    *geometries; /* OGRGeometryH per candidate, project CRS */
  GrSuggest    *suggest;
  guint         n_plots_skipped;
  guint         n_rejected;
};

static GrSuggest *
suggest_new (GrAnalysis *analysis, const GrSiteOptions *o, GPtrArray *geometries)
{
  GrSuggest *suggest = gr_suggest_new (analysis, o->cover, o->weight);

  for (guint i = 0; i < geometries->len;)
    {
      g_autoptr (GrPolygon) polygon = gr_polygon_new_from_ogr (g_ptr_array_index (geometries, i));

      if (polygon == NULL)
        {
          g_ptr_array_remove_index (geometries, i);
          continue;
        }
      gr_suggest_add_candidate (suggest, polygon);
      i++;
    }
  gr_suggest_set_spacing (suggest, o->spacing);
  return suggest;
}

/* Why there is nothing to choose from: no usable land at all, or none
 * that holds a park of the size asked for. */
static void
no_candidates (GrProject *project, const GrSiteOptions *o, GError **error)
{
  guint            n_land = gr_site_count_usable_land (project);
  g_autofree char *area = gr_format_area (o->area_m2 > 0 ? o->area_m2 : GR_SITE_DEFAULT_AREA);

  if (o->sites != NULL)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                 _ ("none of the plots can hold a park of %s: try a smaller park, or the plots "
                    "as drawn"),
                 area);
  else if (n_land == 0)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                 _ ("the project knows no usable land (vacant or brownfield land, surface "
                    "parking, grass, 空闲地 or 留白用地): import a layer of plots with the role "
                    "“%s” (sites=PATH)"),
                 gr_role_get_label (GR_ROLE_SITES));
  else
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                 g_dngettext (GETTEXT_PACKAGE,
                              "the project's %u piece of usable land holds no park of %s clear of "
                              "buildings, water and streets: try a smaller park, or the candidate "
                              "plots as drawn",
                              "none of the project's %u pieces of usable land holds a park of %s "
                              "clear of buildings, water and streets: try a smaller park, or the "
                              "candidate plots as drawn",
                              n_land),
                 n_land, area);
}

/**
 * gr_site_ranker_new:
 * @project: (transfer none): whose sites layer or usable land gives the
 *   candidates; it must outlive the ranker
 * @analysis: (transfer none): @project's analysis as it stands (a
 *   scenario's edits in force); it must outlive the ranker and is only
 *   read, so that the caller may draw from it meanwhile
 * @progress: (nullable): called from this thread; %FALSE stops
 *
 * Finds the candidates and prepares them. Slow for thousands of
 * candidates: call it off the main thread (gr_site_ranker_new_async()).
 *
 * Returns: (transfer full): the ranker, or %NULL with @error when there is
 *   nothing to choose from or it was stopped
 */
GrSiteRanker *
gr_site_ranker_new (GrProject           *project,
                    GrAnalysis          *analysis,
                    const GrSiteOptions *o,
                    GrSuggestProgress    progress,
                    gpointer             user_data,
                    GError             **error)
{
  g_autoptr (GrSiteRanker) ranker = g_new0 (GrSiteRanker, 1);

  ranker->project = project;
  ranker->analysis = analysis;
  ranker->options = *o;
  if (o->sites != NULL)
    ranker->geometries =
        gr_site_candidates_from_plots (o->sites, o->area_m2, o->circle, &ranker->n_plots_skipped);
  else
    ranker->geometries = gr_site_candidates_auto (
        project, o->area_m2 > 0 ? o->area_m2 : GR_SITE_DEFAULT_AREA, o->circle);
  ranker->suggest = suggest_new (analysis, o, ranker->geometries);
  if (ranker->geometries->len == 0)
    {
      no_candidates (project, o, error);
      return NULL;
    }
  if (!gr_suggest_prepare (ranker->suggest, progress, user_data))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("Cancelled"));
      return NULL;
    }
  return g_steal_pointer (&ranker);
}

void
gr_site_ranker_free (GrSiteRanker *ranker)
{
  if (ranker == NULL)
    return;
  g_clear_pointer (&ranker->suggest, gr_suggest_free);
  g_clear_pointer (&ranker->geometries, g_ptr_array_unref);
  g_free (ranker);
}

/* ---- off the main thread ------------------------------------------------------ */

typedef struct
{
  GrProject     *project;
  GrAnalysis    *analysis;
  GrSiteOptions  options;
  GrProgressFunc progress;
  gpointer       progress_data;
  GTask         *task; /* borrowed, while the thread runs */
  double         sent; /* the last fraction passed on */
} RankerJob;

static gboolean
job_progress (double fraction, gpointer data)
{
  RankerJob *job = data;

  /* A hundredth at a time: not one main-loop call per candidate. */
  if (fraction >= job->sent + 0.01 || (fraction >= 1 && job->sent < 1))
    {
      job->sent = fraction;
      gr_progress_relay (job->task, job->progress, job->progress_data, fraction,
                         _ ("Measuring the candidate sites"));
    }
  return !g_cancellable_is_cancelled (g_task_get_cancellable (job->task));
}

static void
ranker_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RankerJob    *job = data;
  GError       *error = NULL;
  GrSiteRanker *ranker;

  if (g_task_return_error_if_cancelled (task))
    return;
  job->task = task;
  ranker =
      gr_site_ranker_new (job->project, job->analysis, &job->options, job_progress, job, &error);
  /* The measuring threads other than this one say nothing: the end is
   * said here, before the result. */
  if (ranker != NULL && job->sent < 1)
    gr_progress_relay (task, job->progress, job->progress_data, 1,
                       _ ("Measuring the candidate sites"));
  if (ranker != NULL)
    g_task_return_pointer (task, ranker, (GDestroyNotify) gr_site_ranker_free);
  else
    g_task_return_error (task, error);
}

/**
 * gr_site_ranker_new_async:
 * @progress: (nullable): called on the caller's main context
 *
 * gr_site_ranker_new() in a thread. @project and @analysis must not change
 * until the callback (reading them, as drawing does, is fine).
 */
void
gr_site_ranker_new_async (GrProject           *project,
                          GrAnalysis          *analysis,
                          const GrSiteOptions *options,
                          GrProgressFunc       progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RankerJob *job = g_new0 (RankerJob, 1);

  job->project = project;
  job->analysis = analysis;
  job->options = *options;
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_source_tag (task, gr_site_ranker_new_async);
  g_task_set_task_data (task, job, g_free);
  g_task_run_in_thread (task, ranker_thread);
}

GrSiteRanker *
gr_site_ranker_new_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, gr_site_ranker_new_async), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- ranking ------------------------------------------------------------------ */

GrAnalysis *
gr_site_ranker_get_analysis (GrSiteRanker *ranker)
{
  return ranker->analysis;
}

/* The options it was measured and ranks with. */
const GrSiteOptions *
gr_site_ranker_get_options (GrSiteRanker *ranker)
{
  return &ranker->options;
}

guint
gr_site_ranker_get_n_candidates (GrSiteRanker *ranker)
{
  return ranker->geometries->len;
}

guint
gr_site_ranker_get_n_rejected (GrSiteRanker *ranker)
{
  return ranker->n_rejected;
}

/* Left out of every later ranking. */
void
gr_site_ranker_reject (GrSiteRanker *ranker, guint candidate)
{
  g_return_if_fail (candidate < ranker->geometries->len);
  gr_suggest_set_excluded (ranker->suggest, candidate, TRUE);
  ranker->n_rejected++;
}

/**
 * gr_site_ranker_get_cells:
 * @cells: (element-type GrCellDistance): the cells @candidate would lift out
 *   of being unserved now are appended
 */
gboolean
gr_site_ranker_get_cells (GrSiteRanker *ranker, guint candidate, GArray *cells)
{
  return gr_suggest_candidate_cells (ranker->suggest, candidate, cells);
}

/* Whether a ranking now measures the analysis as it stands (see
 * gr_suggest_is_current()). */
gboolean
gr_site_ranker_is_current (GrSiteRanker *ranker)
{
  return gr_suggest_is_current (ranker->suggest);
}

/* The exact solution's sites, in the order greedy would add them. */
static GArray *
order_chosen (GrSuggest *suggest, GArray *chosen, double spacing)
{
  guint                n = gr_suggest_get_n_candidates (suggest);
  GArray              *picks;
  g_autofree gboolean *was = g_new (gboolean, MAX (n, 1));

  for (guint c = 0; c < n; c++)
    was[c] = gr_suggest_get_excluded (suggest, c);
  for (guint c = 0; c < n; c++)
    gr_suggest_set_excluded (suggest, c, TRUE);
  for (guint i = 0; i < chosen->len; i++)
    gr_suggest_set_excluded (suggest, g_array_index (chosen, guint, i), FALSE);
  gr_suggest_set_spacing (suggest, 0); /* the solution kept it already */
  picks = gr_suggest_rank (suggest, chosen->len);
  gr_suggest_set_spacing (suggest, spacing);
  for (guint c = 0; c < n; c++)
    gr_suggest_set_excluded (suggest, c, was[c]);
  return picks;
}

static double
picks_value (GArray *picks)
{
  double sum = 0;

  for (guint i = 0; i < picks->len; i++)
    sum += g_array_index (picks, GrSuggestPick, i).value;
  return sum;
}

static GArray *
solve_exact (GrSiteRanker *ranker, GArray *greedy, GrSiteSuggestion *out)
{
  const GrSiteOptions *o = &ranker->options;
  GrSuggest           *suggest = ranker->suggest;
  GrSuggestProblem     problem;
  guint                n = gr_suggest_get_n_candidates (suggest);
  g_autoptr (GArray) chosen = NULL;
  g_autofree double *areas = g_new (double, MAX (n, 1));

  gr_suggest_get_problem (suggest, &problem);
  out->exact = TRUE;
  out->greedy_value = picks_value (greedy);
  if (isnan (o->target))
    chosen = gr_suggest_exact_count (&problem, n, o->count, o->seconds, &out->optimum);
  else
    {
      for (guint c = 0; c < n; c++)
        areas[c] = gr_polygon_area (gr_suggest_get_candidate (suggest, c));
      chosen =
          gr_suggest_exact_target (&problem, areas, n, o->target * problem.total - problem.served,
                                   o->seconds, &out->optimum);
    }
  gr_suggest_problem_clear (&problem);
  if (!out->optimum.feasible)
    return g_array_ref (greedy);
  if (!isnan (o->target))
    out->reached = TRUE;
  return order_chosen (suggest, chosen, o->spacing);
}

static void
site_clear (gpointer data)
{
  GrSite *site = data;

  g_clear_pointer (&site->geometry, OGR_G_DestroyGeometry);
}

static void
fill_sites (GrSiteRanker *ranker, GArray *picks, GrSiteSuggestion *out)
{
  g_autofree GrSuggestGain *gains = g_new0 (GrSuggestGain, MAX (picks->len, 1));

  gr_suggest_measure (ranker->suggest, (GrSuggestPick *) picks->data, picks->len, gains);
  for (guint i = 0; i < picks->len; i++)
    {
      const GrSuggestPick *p = &g_array_index (picks, GrSuggestPick, i);
      OGRGeometryH         g = g_ptr_array_index (ranker->geometries, p->candidate);
      double               b[4];
      GrSite               site = { i + 1, p->candidate,         OGR_G_Clone (g), 0,
                                    0,     gr_geometry_area (g), p->value,        gains[i] };

      gr_polygon_bounds (gr_suggest_get_candidate (ranker->suggest, p->candidate), b);
      site.x = (b[0] + b[2]) / 2;
      site.y = (b[1] + b[3]) / 2;
      g_array_append_val (out->sites, site);
    }
}

/* The summary with the sites entered, then taken out again. */
static void
summarize_after (GrSiteRanker *ranker, GrSiteSuggestion *out)
{
  g_autofree guint *ids = g_new (guint, MAX (out->sites->len, 1));

  for (guint i = 0; i < out->sites->len; i++)
    ids[i] = gr_analysis_add_supply (
        ranker->analysis,
        gr_suggest_get_candidate (ranker->suggest, g_array_index (out->sites, GrSite, i).candidate),
        TRUE, FALSE);
  gr_analysis_summarize (ranker->analysis, -1, &out->after);
  for (guint i = 0; i < out->sites->len; i++)
    gr_analysis_remove_supply (ranker->analysis, ids[i]);
}

/**
 * gr_site_ranker_rank:
 * @suggestion: (out caller-allocates): the sites, best first, with what
 *   each adds and the figures before and after; clear it with
 *   gr_site_suggestion_clear()
 *
 * Ranks the candidates on the analysis as it stands now, by the options'
 * count or target (and, with @exact, the integer program). The analysis
 * is changed while the figures after are measured and left as it was:
 * call it where nothing else reads the analysis (the main thread).
 */
void
gr_site_ranker_rank (GrSiteRanker *ranker, GrSiteSuggestion *out)
{
  const GrSiteOptions *o = &ranker->options;
  g_autoptr (GArray) picks = NULL;

  *out = (GrSiteSuggestion){ 0 };
  out->sites = g_array_new (FALSE, FALSE, sizeof (GrSite));
  g_array_set_clear_func (out->sites, site_clear);
  out->n_candidates = ranker->geometries->len;
  out->n_plots_skipped = ranker->n_plots_skipped;
  out->served_before = gr_suggest_served (ranker->suggest);
  out->total = gr_suggest_total (ranker->suggest);
  if (isnan (o->target))
    picks = gr_suggest_rank (ranker->suggest, o->count);
  else
    picks = gr_suggest_reach (ranker->suggest, o->target, &out->reached);
  if (o->exact)
    {
      GArray *exact = solve_exact (ranker, picks, out);

      g_array_unref (picks);
      picks = exact;
    }
  gr_analysis_summarize (ranker->analysis, -1, &out->before);
  fill_sites (ranker, picks, out);
  summarize_after (ranker, out);
}
