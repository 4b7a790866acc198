/* gr-window-export.c — exporting the current view as a map and the project as a printed report */
#include "config.h"

#include "gr-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- GObject ---------------------------------------------------------------- */

/* ---- exporting the map and the report ---------------------------------------- */

/**
 * gr_window_export_map:
 * @path: .png, .svg or .pdf
 * @dpi: PNG only
 *
 * The current view as the window draws it — same layers, style, blind
 * spots, edits and offline base map, by the same renderer — with legend,
 * scale bar and north arrow.
 */
gboolean
gr_window_export_map (GrWindow *self, const char *path, double dpi, GError **error)
{
  g_autofree char *basemap_file =
      gr_base_map_get_mbtiles (gr_settings_get (), _gr_window_get_project_path (self));
  g_autoptr (GrMbtiles) basemap = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *title = NULL;
  GtkWidget       *map = GTK_WIDGET (self->map);
  double           w = gtk_widget_get_width (map), h = gtk_widget_get_height (map), a[4];
  GrMapRender      render = { 0 };

  if (self->session == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _ ("There is no map to export: open a project."));
      return FALSE;
    }
  gr_map_affine (shumate_map_get_viewport (self->map), map, a);
  attribution = gr_project_attribution (gr_session_get_project (self->session));
  title = g_strdup_printf (_ ("Blind spots: %s"),
                           self->current != NULL ? self->current->name : _ ("Baseline"));
  render.display = gr_session_get_display (self->session);
  render.style = gr_vector_layer_get_style (self->vectors);
  render.coverage = gtk_widget_get_visible (GTK_WIDGET (self->coverage))
                        ? gr_coverage_layer_get_tiles (self->coverage)
                        : NULL;
  render.gains = self->comparison != NULL;
  render.marks = gr_sketch_layer_get_marks (self->sketch);
  /* One that cannot be read is named on the map already; here it is left
   * out. An online one is drawn from the tiles the window has fetched. */
  if (basemap_file != NULL)
    basemap = gr_mbtiles_open (basemap_file, NULL);
  else
    {
      g_auto (GStrv) urls = NULL;
      g_autofree char *credit = NULL;

      if (gr_base_map_get_online (gr_settings_get (), &urls, &credit))
        basemap = gr_mbtiles_open_cache ((const char *const *) urls, credit, 19);
    }
  render.basemap = basemap;
  render.title = title;
  render.attribution = attribution;
  gr_render_view_bounds (a, w, h, render.bounds);
  render.scale = 1;
  render.decorations = TRUE;
  return gr_render_map_to_file (&render, path, w, h, dpi, NULL, error);
}

static void
on_map_file_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  GrWindow        *self = data;
  const char      *suffix = g_object_get_data (G_OBJECT (dialog), "suffix");
  double           dpi = *(double *) g_object_get_data (G_OBJECT (dialog), "dpi");
  g_autofree char *path = _gr_window_chosen_path (dialog, response);
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    return;
  if (!g_str_has_suffix (path, suffix))
    {
      char *with = g_strconcat (path, suffix, NULL);

      g_free (path), path = with;
    }
  if (!gr_window_export_map (self, path, dpi, &error))
    _gr_window_show_error (self, _ ("Could not export the map"), error);
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *text = g_strdup_printf (_ ("Map exported to %s"), name);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
    }
}

static void
on_map_format_chosen (GrExportMapDialog *dialog, const char *response, GrWindow *self)
{
  const char           *suffix = gr_export_map_dialog_get_suffix (dialog);
  GtkFileChooserNative *chooser;
  g_autofree char      *name = NULL;
  double               *dpi;

  if (!g_str_equal (response, "export"))
    return;
  dpi = g_new (double, 1);
  *dpi = gr_export_map_dialog_get_dpi (dialog);
  chooser =
      gtk_file_chooser_native_new (_ ("Export the Map"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  name = g_strconcat (_ ("map"), suffix, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "suffix", (gpointer) suffix);
  g_object_set_data_full (G_OBJECT (chooser), "dpi", dpi, g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_map_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_gr_window_export_map_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow          *self = GR_WINDOW (widget);
  GrExportMapDialog *dialog;

  if (self->session == NULL)
    return;
  dialog = gr_export_map_dialog_new (GTK_WINDOW (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_map_format_chosen), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The report is written by the project library in a thread; its
 * progress comes on the main context, before the report is done. */
/* What the window needs back from a report it was asked for. */
typedef struct
{
  GrWindow *self; /* a reference: the progress goes to the window */
  char     *output;
} ReportJob;

static ReportJob *
report_job_new (GrWindow *self, const char *output)
{
  ReportJob *job = g_new0 (ReportJob, 1);

  job->self = g_object_ref (self);
  job->output = g_strdup (output);
  return job;
}

static void
report_job_free (ReportJob *job)
{
  g_object_unref (job->self);
  g_free (job->output);
  g_free (job);
}

static void
on_report_done (GObject *source, GAsyncResult *result, gpointer data)
{
  ReportJob *job = data;
  GrWindow  *self = job->self;
  g_autoptr (GError) error = NULL;
  gboolean written = gr_report_write_finish (result, &error);

  if (_gr_window_is_gone (self))
    {
      report_job_free (job);
      return;
    }
  _gr_window_set_busy (self, NULL);
  if (!written)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _gr_window_show_error (self, _ ("Could not write the report"), error);
    }
  else
    {
      g_autofree char *name = g_filename_display_basename (job->output);
      g_autofree char *text = g_strdup_printf (_ ("Report written to %s"), name);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
    }
  report_job_free (job);
}

/* Starts writing the report with the window's figures: its target set,
 * distance mode, radii and layer style; the library copies them. */
/* What the map shows, in the project's CRS: the report's frame when its
 * maps are to show the window's view. */
static gboolean
current_view (GrWindow *self, double view[4])
{
  GtkWidget       *map = GTK_WIDGET (self->map);
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  GrDisplay       *display = gr_session_get_display (self->session);

  view[0] = view[1] = G_MAXDOUBLE, view[2] = view[3] = -G_MAXDOUBLE;
  for (guint k = 0; k < 4; k++)
    {
      double lat, lon, x, y;

      shumate_viewport_widget_coords_to_location (
          viewport, map, k & 1 ? gtk_widget_get_width (map) : 0,
          k & 2 ? gtk_widget_get_height (map) : 0, &lat, &lon);
      if (!gr_display_from_lonlat (display, lon, lat, &x, &y))
        return FALSE;
      view[0] = MIN (view[0], x), view[1] = MIN (view[1], y);
      view[2] = MAX (view[2], x), view[3] = MAX (view[3], y);
    }
  return view[2] > view[0] && view[3] > view[1];
}

static void
start_report (GrWindow           *self,
              const char         *path,
              const char *const  *scenarios,
              GrPaper             paper,
              gboolean            portrait,
              gboolean            view,
              GAsyncReadyCallback done,
              gpointer            done_data)
{
  g_auto (GStrv) urls = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *basemap =
      gr_base_map_get_mbtiles (gr_settings_get (), _gr_window_get_project_path (self));
  GrTargetSet     set = gr_indicator_panel_get_target_set (self->indicator_panel);
  GrReportOptions options = {
    .project = gr_session_get_path (self->session),
    .scenarios = scenarios,
    .targets = set < GR_N_TARGET_SETS ? set : GR_TARGETS_NONE,
    .paper = paper,
    .portrait = portrait,
    .criteria = &self->criteria,
    .style = gr_vector_layer_get_style (self->vectors),
    .basemap = basemap,
  };

  if (view && !current_view (self, options.view))
    memset (options.view, 0, sizeof options.view);
  if (basemap == NULL && gr_base_map_get_online (gr_settings_get (), &urls, &credit))
    {
      options.basemap_urls = (const char *const *) urls;
      options.basemap_credit = credit;
    }
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  _gr_window_set_busy (self, _ ("Writing the report…"));
  gr_report_write_async (&options, path, _gr_window_on_progress, self, self->cancellable, done,
                         done_data);
}

static void
on_report_file_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  GrWindow        *self = data;
  GStrv            scenarios = g_object_steal_data (G_OBJECT (dialog), "scenarios");
  GrPaper          paper = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "paper"));
  gboolean         portrait = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "portrait"));
  gboolean         view = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "view"));
  g_autofree char *path = _gr_window_chosen_path (dialog, response);

  if (path != NULL && !self->busy)
    {
      if (!g_str_has_suffix (path, ".pdf"))
        {
          char *with = g_strconcat (path, ".pdf", NULL);

          g_free (path), path = with;
        }
      start_report (self, path, (const char *const *) scenarios, paper, portrait, view,
                    on_report_done, report_job_new (self, path));
    }
  g_strfreev (scenarios);
}

static void
on_report_options (GrExportReportDialog *dialog, const char *response, GrWindow *self)
{
  GtkFileChooserNative *chooser;

  if (!g_str_equal (response, "export"))
    return;
  chooser =
      gtk_file_chooser_native_new (_ ("Export the Report"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _ ("report.pdf"));
  g_object_set_data_full (G_OBJECT (chooser), "scenarios",
                          gr_export_report_dialog_get_scenarios (dialog),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (chooser), "paper",
                     GUINT_TO_POINTER (gr_export_report_dialog_get_paper (dialog)));
  g_object_set_data (G_OBJECT (chooser), "portrait",
                     GUINT_TO_POINTER (gr_export_report_dialog_get_portrait (dialog)));
  g_object_set_data (G_OBJECT (chooser), "view",
                     GUINT_TO_POINTER (gr_export_report_dialog_get_current_view (dialog)));
  g_signal_connect (chooser, "response", G_CALLBACK (on_report_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_gr_window_export_report_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow             *self = GR_WINDOW (widget);
  GrExportReportDialog *dialog;

  if (self->session == NULL || self->busy)
    return;
  if (self->store == NULL)
    {
      adw_toast_overlay_add_toast (
          self->toasts,
          adw_toast_new (_ ("The report is written from the project file: save the project "
                            "first")));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
      return;
    }
  dialog = gr_export_report_dialog_new (GTK_WINDOW (self), self->scenarios);
  g_signal_connect (dialog, "response", G_CALLBACK (on_report_options), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_report_waited (GObject *source, GAsyncResult *result, gpointer data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/**
 * gr_window_export_report:
 *
 * Writes the report as the Export Report dialog does, and waits for it:
 * for the tests. The figures are the window's: its target set, distance
 * mode, radii and layer style.
 */
gboolean
gr_window_export_report (GrWindow          *self,
                         const char        *path,
                         const char *const *scenarios,
                         GrPaper            paper,
                         gboolean           portrait,
                         gboolean           view,
                         GError           **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  if (self->session == NULL || self->store == NULL)
    {
      g_set_error_literal (
          error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
          _ ("The report is written from the project file: save the project first"));
      return FALSE;
    }
  start_report (self, path, scenarios, paper, portrait, view, on_report_waited, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  _gr_window_set_busy (self, NULL);
  return gr_report_write_finish (result, error);
}
