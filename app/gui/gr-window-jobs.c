/* gr-window-jobs.c — opening and analysing off the main thread */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- worker threads ------------------------------------------------------- */

typedef struct
{
  gboolean    open;     /* open (path and/or sources), or analyse the session */
  char       *path;
  GPtrArray  *sources;  /* GrSource imported over path */
  GrCriteria  criteria;
  GrSession  *session;  /* open: the result; analyse: borrowed, read only */
  GrAnalysis *analysis;
  GArray     *refs;     /* GrSupplyRef of the analysis */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_clear_pointer (&job->sources, g_ptr_array_unref);
  if (job->open)
    gr_session_free (job->session);
  gr_analysis_free (job->analysis);
  g_clear_pointer (&job->refs, g_array_unref);
  g_free (job);
}

/* Opens the file when the job has a path, then analyses the project. */
static void
job_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (job->open)
    job->session = gr_session_open (job->path, job->sources, cancellable, &error);
  if (job->session != NULL)
    job->analysis = gr_project_build_analysis (gr_session_get_project (job->session), &job->criteria,
                                               job->refs, &error);
  if (job->analysis == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
same_criteria (const GrCriteria *a, const GrCriteria *b)
{
  return a->green_radius == b->green_radius && a->park_radius == b->park_radius
         && a->green_min_area == b->green_min_area && a->park_min_area == b->park_min_area
         && a->walking == b->walking;
}

static void
job_done (GObject *source, GAsyncResult *result, gpointer data)
{
  GrWindow *self = GR_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  _gr_window_set_busy (self, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _gr_window_show_error (self, job->open ? _("Could not open the file") : _("Could not compute the coverage"), error);
  else if (job->open)
    _gr_window_show_session (self, g_steal_pointer (&job->session), g_steal_pointer (&job->analysis),
                  g_steal_pointer (&job->refs));
  else
    _gr_window_show_analysis (self, g_steal_pointer (&job->analysis), g_steal_pointer (&job->refs));
  _gr_window_set_busy (self, NULL);
  /* The preferences changed while the job ran. */
  if (self->session != NULL && !same_criteria (&job->criteria, &self->criteria))
    _gr_window_reanalyze (self);
}

static void
start_job (GrWindow *self, Job *job, const char *what)
{
  g_autoptr (GTask) task = NULL;

  job->criteria = self->criteria;
  job->refs = g_array_new (FALSE, FALSE, sizeof (GrSupplyRef));
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, job_done, NULL);
  g_task_set_task_data (task, job, job_free);
  _gr_window_set_busy (self, what);
  g_task_run_in_thread (task, job_thread);
}

/**
 * gr_window_open:
 * @path: a project (.gpkg) or an OpenStreetMap extract
 */
void
gr_window_open (GrWindow   *self,
                const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *what = g_strdup_printf (_("Opening %s…"), name);
  Job *job;

  g_return_if_fail (!self->busy);
  job = g_new0 (Job, 1);
  job->open = TRUE;
  job->path = g_strdup (path);
  start_job (self, job, what);
}

/**
 * gr_window_import:
 * @source: a layer for the open project; it replaces the layer of its role
 *
 * The project is read again with the layer over it, off the main thread;
 * if the layer cannot be imported the open project stays as it was.
 */
void
gr_window_import (GrWindow       *self,
                  const GrSource *source)
{
  g_autofree char *name = g_path_get_basename (source->path);
  g_autofree char *what = g_strdup_printf (_("Importing %s…"), name);
  GPtrArray *before = self->session != NULL ? gr_session_get_sources (self->session) : NULL;
  Job *job;

  g_return_if_fail (!self->busy);
  job = g_new0 (Job, 1);
  job->open = TRUE;
  job->path = self->session != NULL ? g_strdup (gr_session_get_path (self->session)) : NULL;
  job->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  for (guint i = 0; before != NULL && i < before->len; i++)
    {
      const GrSource *earlier = g_ptr_array_index (before, i);

      if (earlier->role != source->role)
        g_ptr_array_add (job->sources, gr_source_copy (earlier));
    }
  g_ptr_array_add (job->sources, gr_source_copy (source));
  start_job (self, job, what);
}

/* The open session's project, analysed afresh with the current criteria;
 * the job borrows the session, which the window keeps until it is done. */
void
_gr_window_reanalyze (GrWindow *self)
{
  Job *job;

  if (self->session == NULL || self->busy)
    return;
  job = g_new0 (Job, 1);
  job->session = self->session;
  start_job (self, job, self->criteria.walking ? _("Computing walking distances…")
                                               : _("Computing straight-line distances…"));
}

void
gr_window_set_walking (GrWindow *self,
                       gboolean  walking)
{
  gtk_drop_down_set_selected (self->mode_dropdown, walking ? 1 : 0);
}

void
_gr_window_on_mode_changed (GrWindow *self)
{
  gboolean walking = gtk_drop_down_get_selected (self->mode_dropdown) == 1;

  if (walking == self->criteria.walking)
    return;
  self->criteria.walking = walking;
  _gr_window_reanalyze (self);
}
