/* gr-window-jobs.c — opening and analysing, through the project library's
 * _async calls */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- opening and analysing ------------------------------------------------ */

/* One open (then analysis) or analysis of the open session, done by the
 * project library in a thread; this is what the window needs back. */
typedef struct
{
  GrWindow     *self; /* a reference: the window outlives its job */
  gboolean      open;
  GrCriteria    criteria; /* as the job started */
  GCancellable *cancellable;
  GrSession    *session; /* open: the new session, once read */
} Job;

static Job *
job_new (GrWindow *self, gboolean open)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->open = open;
  job->criteria = self->criteria;
  job->cancellable = g_object_ref (self->cancellable);
  return job;
}

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  g_object_unref (job->cancellable);
  gr_session_free (job->session);
  g_free (job);
}

static gboolean
same_criteria (const GrCriteria *a, const GrCriteria *b)
{
  return a->green_radius == b->green_radius && a->park_radius == b->park_radius
         && a->green_min_area == b->green_min_area && a->park_min_area == b->park_min_area
         && a->walking == b->walking;
}

/* Shows what the job brought, or its error (@analysis %NULL). */
static void
job_done (Job *job, GrAnalysis *analysis, GArray *refs, const GError *error)
{
  GrWindow *self = job->self;

  /* The window was closed while the job ran: nothing to show it in. */
  if (_gr_window_is_gone (self))
    {
      g_clear_pointer (&analysis, gr_analysis_free);
      g_clear_pointer (&refs, g_array_unref);
      job_free (job);
      return;
    }
  _gr_window_set_busy (self, NULL);
  if (analysis == NULL)
    {
      _gr_window_show_error (self,
                             self->importing != NULL ? _ ("Could not import the layer")
                             : job->open             ? _ ("Could not open the file")
                                                     : _ ("Could not compute the coverage"),
                             error);
      if (job->open)
        _gr_window_import_failed (self);
    }
  else if (job->open && self->importing != NULL && !_gr_window_import_opened (self, job->session))
    {
      gr_analysis_free (analysis);
      g_clear_pointer (&refs, g_array_unref);
    }
  else if (job->open)
    {
      _gr_window_show_session (self, g_steal_pointer (&job->session), analysis, refs);
      if (self->importing != NULL)
        _gr_window_import_shown (self);
    }
  else
    _gr_window_show_analysis (self, analysis, refs);
  _gr_window_set_busy (self, NULL);
  /* The preferences changed while the job ran. */
  if (self->session != NULL && !same_criteria (&job->criteria, &self->criteria))
    _gr_window_reanalyze (self);
  job_free (job);
}

static void
on_analysed (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  GArray     *refs = NULL;
  GrAnalysis *analysis = gr_project_build_analysis_finish (result, &refs, &error);

  job_done (data, analysis, refs, error);
}

static void
analyse (Job *job, GrSession *session)
{
  gr_project_build_analysis_async (gr_session_get_project (session), &job->criteria,
                                   job->cancellable, on_analysed, job);
}

static void
on_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  Job *job = data;
  g_autoptr (GError) error = NULL;

  job->session = gr_session_open_finish (result, &error);
  if (job->session == NULL)
    job_done (job, NULL, NULL, error);
  else
    analyse (job, job->session);
}

/* A new cancellable for the Cancel button, and the window busy. */
static void
begin_job (GrWindow *self, const char *what)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _gr_window_set_busy (self, what);
}

/* Opens @path (nullable) with @sources (nullable) over it, then analyses
 * the new session. */
static void
start_open (GrWindow *self, const char *path, GPtrArray *sources, const char *what)
{
  begin_job (self, what);
  gr_session_open_async (path, sources, self->cancellable, on_opened, job_new (self, TRUE));
}

/* Reads the project again: @path with @sources (nullable, borrowed) over it. */
void
_gr_window_reopen (GrWindow *self, const char *path, GPtrArray *sources)
{
  g_return_if_fail (!self->busy);
  start_open (self, path, sources, _ ("Reading the project again…"));
}

/**
 * gr_window_open:
 * @path: a project (.gpkg) or an OpenStreetMap extract
 */
void
gr_window_open (GrWindow *self, const char *path)
{
  g_autofree char *name = gr_project_file_get_name (path);
  g_autofree char *what = g_strdup_printf (_ ("Opening %s…"), name);

  g_return_if_fail (!self->busy);
  start_open (self, path, NULL, what);
}

/**
 * gr_window_import:
 * @source: a layer for the open project; it replaces the layer of its role,
 *   or with source->add adds to it
 *
 * The project is read again with the layer over it, off the main thread;
 * if the layer cannot be imported the open project stays as it was.
 */
void
gr_window_import (GrWindow *self, const GrSource *source)
{
  g_autofree char *name = gr_source_get_short_name (source);
  g_autofree char *what = g_strdup_printf (_ ("Importing %s…"), name);
  GPtrArray       *before = self->session != NULL ? gr_session_get_sources (self->session) : NULL;
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();

  g_return_if_fail (!self->busy);
  /* Borrowed: the library copies them. */
  /* Replacing a role drops what was imported for it before; adding keeps it. */
  for (guint i = 0; before != NULL && i < before->len; i++)
    {
      GrSource *earlier = g_ptr_array_index (before, i);

      if (earlier->role != source->role || source->add)
        g_ptr_array_add (sources, earlier);
    }
  g_ptr_array_add (sources, (gpointer) source);
  start_open (self, self->session != NULL ? gr_session_get_path (self->session) : NULL, sources,
              what);
}

/* The open session's project, analysed afresh with the current criteria;
 * the job borrows the session, which the window keeps until it is done. */
void
_gr_window_reanalyze (GrWindow *self)
{
  if (self->session == NULL || self->busy)
    return;
  begin_job (self, self->criteria.walking ? _ ("Computing walking distances…")
                                          : _ ("Computing straight-line distances…"));
  analyse (job_new (self, FALSE), self->session);
}

void
gr_window_set_walking (GrWindow *self, gboolean walking)
{
  gtk_drop_down_set_selected (self->mode_dropdown, walking ? 1 : 0);
}

void
_gr_window_on_mode_changed (GrWindow *self)
{
  gboolean walking = gtk_drop_down_get_selected (self->mode_dropdown) == 1;

  GrProject *project = self->session != NULL ? gr_session_get_project (self->session) : NULL;

  if (walking == self->criteria.walking)
    return;
  /* Without a path network there are no walking distances: the switch
   * stays on straight-line and says why, rather than show "Walking" over
   * straight-line figures. */
  if (walking && project != NULL
      && (project->layers[GR_ROLE_WALK] == NULL
          || project->layers[GR_ROLE_WALK]->features->len == 0))
    {
      gtk_drop_down_set_selected (self->mode_dropdown, 0);
      adw_toast_overlay_add_toast (
          self->toasts, adw_toast_new (_ ("Walking distances need a path network: this project "
                                          "has no layer with the role “walk”")));
      return;
    }
  self->criteria.walking = walking;
  /* Back to the mode shown before: its analysis was kept. */
  if (!_gr_window_swap_mode (self))
    {
      _gr_window_reanalyze (self);
      /* The status bar says so at once. */
      _gr_window_refresh_status (self);
    }
  else
    _gr_window_update_presentation (self);
}

/* ---- importing the delivery again --------------------------------------------- */

static char *
join_lines (GPtrArray *lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (lines, i));
  return g_string_free (text, FALSE);
}

static void
on_reimported (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr (GrWindow) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GrProject) project = gr_project_reimport_finish (result, &notes, &error);
  g_autofree char *path = NULL;

  if (_gr_window_is_gone (self))
    return;
  path = g_strdup (gr_session_get_path (self->session));
  _gr_window_set_busy (self, NULL);
  if (project == NULL)
    {
      _gr_window_show_error (self, _ ("Could not import the delivery again"), error);
      /* The file is as it was: read it again for its scenarios. */
      gr_window_open (self, path);
      return;
    }
  g_free (self->reimport_notes);
  self->reimport_notes = join_lines (notes);
  gr_window_open (self, path);
  if (notes->len == 0)
    adw_toast_overlay_add_toast (
        self->toasts, adw_toast_new (_ ("The delivery was imported again: nothing changed")));
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (
          GTK_WINDOW (self), _ ("The delivery was imported again"), self->reimport_notes);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Imports the project's recipe again (next year's delivery where this
 * year's was), keeping its scenarios; what changed is said. */
void
_gr_window_reimport_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow   *self = GR_WINDOW (widget);
  const char *path = self->session != NULL ? gr_session_get_path (self->session) : NULL;

  if (self->busy)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_ ("Wait for the current work to finish")));
      return;
    }
  if (path == NULL || !gr_project_file_is_project (path))
    {
      adw_toast_overlay_add_toast (
          self->toasts, adw_toast_new (_ ("Save the project first: a project file keeps how its "
                                          "delivery was imported")));
      return;
    }
  /* The scenario store lets go of the file while it is written. */
  g_clear_pointer (&self->store, gr_scenario_store_close);
  begin_job (self, _ ("Importing the delivery again…"));
  gr_project_reimport_async (path, self->cancellable, on_reimported, g_object_ref (self));
}
