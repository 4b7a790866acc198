/* gr-report-async.c — the printed report written in a thread, with
 * progress on the caller's main context
 */
#include "config.h"

#include "gr-report.h"

#include <pango/pangocairo.h>

/* The options and the progress callback, copied for the thread. */
typedef struct
{
  GrReportOptions options;
  char           *project;
  GStrv           scenarios;
  GrCriteria      criteria;
  GrMapStyle      style;
  char          **basemap_urls;
  char           *basemap_credit;
  char           *basemap;
  char           *output;
  GrProgressFunc  progress;
  gpointer        progress_data;
} ReportData;

static void
report_data_free (gpointer data)
{
  ReportData *r = data;

  g_free (r->project);
  g_strfreev (r->scenarios);
  g_free (r->basemap);
  g_strfreev (r->basemap_urls);
  g_free (r->basemap_credit);
  g_free (r->output);
  g_free (r);
}

static ReportData *
report_data_new (const GrReportOptions *o, const char *output)
{
  ReportData *r = g_new0 (ReportData, 1);

  r->options = *o;
  r->options.project = r->project = g_strdup (o->project);
  r->scenarios = g_strdupv ((char **) o->scenarios);
  r->options.scenarios = (const char *const *) r->scenarios;
  if (o->criteria != NULL)
    {
      r->criteria = *o->criteria;
      r->options.criteria = &r->criteria;
    }
  if (o->style != NULL)
    {
      r->style = *o->style;
      r->options.style = &r->style;
    }
  r->options.basemap = r->basemap = g_strdup (o->basemap);
  r->basemap_urls = g_strdupv ((char **) o->basemap_urls);
  r->options.basemap_urls = (const char *const *) r->basemap_urls;
  r->options.basemap_credit = r->basemap_credit = g_strdup (o->basemap_credit);
  r->options.left_out = NULL;
  r->output = g_strdup (output);
  return r;
}

static void
relay_progress (double fraction, const char *what, gpointer task)
{
  ReportData *r = g_task_get_task_data (task);

  gr_progress_relay (task, r->progress, r->progress_data, fraction, what);
}

static void
report_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ReportData *r = data;
  GError     *error = NULL;

  gboolean written =
      gr_report_write (&r->options, r->output, relay_progress, task, cancellable, &error);

  /* Pango keeps a font map per thread: unset, this pool thread lets go of
   * the report's fonts and caches now rather than whenever it exits. */
  pango_cairo_font_map_set_default (NULL);
  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gr_report_write_async:
 * @options: copied, with everything it points to
 * @progress: (nullable): called on the thread-default main context of the
 *   caller, never after @callback; @progress_data must live until then
 *
 * gr_report_write() in a thread. A cancelled report stops between its
 * analyses and leaves no file behind: it does not return before the
 * thread is done with the output.
 */
void
gr_report_write_async (const GrReportOptions *options,
                       const char            *output,
                       GrProgressFunc         progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;
  ReportData *r;

  g_return_if_fail (options != NULL && options->project != NULL);
  g_return_if_fail (output != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  r = report_data_new (options, output);
  r->progress = progress;
  r->progress_data = progress_data;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gr_report_write_async);
  g_task_set_task_data (task, r, report_data_free);
  g_task_run_in_thread (task, report_thread);
}

/**
 * gr_report_write_finish:
 *
 * Returns: FALSE with @error set, as gr_report_write() does
 *   (%G_IO_ERROR_CANCELLED when it was cancelled)
 */
gboolean
gr_report_write_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, gr_report_write_async), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
