/* gr-window-basemap.c — "Make an Offline Base Map from This Project…": the
 * project's layers rendered into `city.mbtiles` beside `city.gpkg`, which
 * the window, the exports and the report then draw under the layers
 */
#include "config.h"

#include "gr-window-private.h"

#include "gr-basemap-job.h"

#include <glib/gi18n.h>

/* Tiles made at most from the window: about a minute on two cores. */
#define WINDOW_MAX_TILES 60000

typedef struct
{
  GrWindow *self; /* a reference: the progress goes to the window */
  char     *path;
} BasemapJob;

static void
basemap_job_free (BasemapJob *job)
{
  g_object_unref (job->self);
  g_free (job->path);
  g_free (job);
}

static void
on_written (GObject *source, GAsyncResult *result, gpointer data)
{
  BasemapJob *job = data;
  GrWindow   *self = job->self;
  g_autoptr (GError) error = NULL;
  GrBasemapStats stats;
  gboolean       written = gr_basemap_write_finish (result, &stats, &error);

  if (!_gr_window_is_gone (self))
    {
      _gr_window_set_busy (self, NULL);
      if (written)
        {
          g_autofree char *name = g_filename_display_basename (job->path);
          g_autofree char *text =
              g_strdup_printf (g_dngettext (NULL, "Base map %s made: %u tile",
                                            "Base map %s made: %u tiles", stats.tiles),
                               name, stats.tiles);

          _gr_window_apply_base_map (self);
          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _gr_window_show_error (self, _ ("Could not make the base map"), error);
    }
  basemap_job_free (job);
}

/**
 * gr_window_make_basemap:
 * @max_zoom: the deepest zoom level, fewer when the city would need more
 *   than WINDOW_MAX_TILES
 *
 * Renders the open project's layers into the base map beside its file.
 *
 * Returns: %FALSE with @error set when it cannot start (no saved project,
 *   nothing to draw)
 */
gboolean
gr_window_make_basemap (GrWindow *self, int max_zoom, GError **error)
{
  const char *project = _gr_window_get_project_path (self);
  g_autoptr (GrBasemapData) data = NULL;
  GrBasemapOptions options;
  BasemapJob      *job;

  g_return_val_if_fail (!self->busy, FALSE);
  if (project == NULL || self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _ ("The base map is kept beside the project file: save the project "
                              "first"));
      return FALSE;
    }
  if ((data = gr_basemap_data_new_from_project (gr_session_get_project (self->session), error))
      == NULL)
    return FALSE;
  gr_basemap_options_init (&options);
  options.max_zoom = MAX (max_zoom, options.min_zoom);
  while (options.max_zoom > options.min_zoom
         && gr_basemap_count_tiles (data, &options) > WINDOW_MAX_TILES)
    options.max_zoom--;
  options.name = project;
  if (!gr_basemap_check (data, &options, error))
    return FALSE;
  job = g_new0 (BasemapJob, 1);
  job->self = g_object_ref (self);
  job->path = gr_basemap_path_beside (project);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _gr_window_set_busy (self, _ ("Making the base map…"));
  gr_basemap_write_async (g_steal_pointer (&data), &options, job->path, _gr_window_on_progress,
                          self, self->cancellable, on_written, job);
  return TRUE;
}

void
_gr_window_make_basemap_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->session == NULL || self->busy)
    return;
  if (self->store == NULL)
    {
      adw_toast_overlay_add_toast (
          self->toasts, adw_toast_new (_ ("The base map is kept beside the project file: save "
                                          "the project first")));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
      return;
    }
  if (!gr_window_make_basemap (self, 17, &error))
    _gr_window_show_error (self, _ ("Could not make the base map"), error);
}
