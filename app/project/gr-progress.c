/* gr-progress.c — progress from a task's thread, delivered on the
 * caller's main context */
#include "config.h"

#include "gr-progress.h"

typedef struct
{
  GTask         *task;
  GrProgressFunc progress;
  gpointer       user_data;
  double         fraction;
  char          *what;
} Report;

static void
report_free (gpointer data)
{
  Report *report = data;

  g_object_unref (report->task);
  g_free (report->what);
  g_free (report);
}

static gboolean
deliver (gpointer data)
{
  Report *report = data;

  /* Once the caller has its result, it may have let go of @user_data. */
  if (!g_task_get_completed (report->task))
    report->progress (report->fraction, report->what, report->user_data);
  return G_SOURCE_REMOVE;
}

/**
 * gr_progress_relay:
 * @task: running in a thread; its context is the caller's
 * @progress: (nullable): nothing is sent when %NULL
 *
 * Calls @progress from the main context @task was created in, so that
 * callers of an _async function never see its thread. An idle source is
 * attached explicitly rather than through g_main_context_invoke(), which
 * would call @progress right here when this thread can acquire the
 * context. It has the task's priority and is queued before the task
 * returns, so every report arrives before the task's callback.
 */
void
gr_progress_relay (GTask         *task,
                   GrProgressFunc progress,
                   gpointer       user_data,
                   double         fraction,
                   const char    *what)
{
  g_autoptr (GSource) source = NULL;
  Report *report;

  g_return_if_fail (G_IS_TASK (task));
  if (progress == NULL)
    return;
  report = g_new0 (Report, 1);
  report->task = g_object_ref (task);
  report->progress = progress;
  report->user_data = user_data;
  report->fraction = fraction;
  report->what = g_strdup (what);
  source = g_idle_source_new ();
  g_source_set_priority (source, g_task_get_priority (task));
  g_source_set_static_name (source, "[greenreach] progress");
  g_source_set_callback (source, deliver, report, report_free);
  g_source_attach (source, g_task_get_context (task));
}
