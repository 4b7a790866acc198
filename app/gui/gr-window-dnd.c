/* gr-window-dnd.c — opening and importing: the file choosers, the role of a layer, files dropped on the map */
#include "config.h"

#include "gr-window-private.h"

#include "gr-connection-dialog.h"
#include "gr-pg.h"

#include <glib/gi18n.h>
#include <math.h>

/* ---- open dialog ----------------------------------------------------------- */

/* The local file a file chooser answered with, or %NULL; the dialog,
 * answered, is let go. */
char *
_gr_window_chosen_path (GtkNativeDialog *dialog, int response)
{
  char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  g_object_unref (dialog);
  return path;
}

/* Open takes projects and OpenStreetMap extracts; a data layer is
 * imported into the open project, or, with none open, says how. */
void
gr_window_open_chosen (GrWindow *self, const char *path)
{
  if (gr_path_is_osm (path) || gr_project_file_is_project (path))
    gr_window_open (self, path);
  else if (self->session != NULL)
    _gr_window_ask_role (self, path);
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr (GError) error =
          g_error_new (GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
                       _ ("%s is a data layer, not a project. Open a project (.gpkg) or an "
                          "OpenStreetMap extract first, then bring the layer in with Import "
                          "Layer (Ctrl+I) or by dropping it on the map."),
                       name);

      _gr_window_show_error (self, _ ("Not a project"), error);
    }
}

static void
on_file_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  g_autofree char *path = _gr_window_chosen_path (dialog, response);

  if (path != NULL)
    gr_window_open_chosen (GR_WINDOW (data), path);
}

void
_gr_window_open_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GtkFileChooserNative *dialog =
      gtk_file_chooser_native_new (_ ("Open a Project or Data File"), GTK_WINDOW (widget),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Projects and OpenStreetMap files"));
  gtk_file_filter_add_pattern (filter, "*.gpkg");
  gtk_file_filter_add_pattern (filter, "*.osm.pbf");
  gtk_file_filter_add_pattern (filter, "*.osm");
  gtk_file_filter_add_pattern (filter, "*.osm.gz");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  {
    GtkFileFilter *all = gtk_file_filter_new ();

    gtk_file_filter_set_name (all, _ ("All files"));
    gtk_file_filter_add_pattern (all, "*");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  }
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- importing a layer ------------------------------------------------------- */

static void
on_import_response (GrImportDialog *dialog, const char *response, GrWindow *self)
{
  g_autoptr (GrSource) source = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;
  source = gr_import_dialog_get_source (dialog);
  if (self->busy)
    adw_toast_overlay_add_toast (self->toasts,
                                 adw_toast_new (_ ("Wait for the current work to finish")));
  else
    _gr_window_ask_import (self, source);
}

/* Shows what a data file holds, read as the role it seems to have (a land-use
 * layer by its code field, else by its name), before it is imported. */
void
_gr_window_ask_role (GrWindow *self, const char *path)
{
  GrImportDialog *dialog =
      gr_import_dialog_new (GTK_WINDOW (self), path, _gr_window_baseline_project (self),
                            _gr_window_get_project_path (self));

  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  g_set_weak_pointer (&self->import_dialog, dialog);
}

static void
on_connection_response (GrConnectionDialog *dialog, const char *response, GrWindow *self)
{
  const char *connection = gr_connection_dialog_get_connection (dialog);

  if (g_strcmp0 (response, "read") != 0)
    return;
  /* Offered again next time, without what should not be kept. */
  g_free (self->last_connection);
  self->last_connection = gr_pg_redact_connection (connection);
  if (self->session == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (
          GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN,
          _ ("A database table is a data layer: open a project (.gpkg) or an OpenStreetMap "
             "extract first, then import the table into it."));

      _gr_window_show_error (self, _ ("No project open"), error);
      return;
    }
  _gr_window_ask_role (self, connection);
}

/* A table of a PostgreSQL/PostGIS database, then the same import dialog
 * as a file's. */
void
_gr_window_import_database_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow           *self = GR_WINDOW (widget);
  GrConnectionDialog *dialog = gr_connection_dialog_new (GTK_WINDOW (self), self->last_connection);

  g_signal_connect (dialog, "response", G_CALLBACK (on_connection_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_database_response (GrConnectionDialog *dialog, const char *response, GrWindow *self)
{
  const char *connection = gr_connection_dialog_get_connection (dialog);

  if (g_strcmp0 (response, "read") != 0)
    return;
  g_free (self->last_connection);
  self->last_connection = gr_pg_redact_connection (connection);
  if (self->busy)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_ ("Wait for the current work to finish")));
      return;
    }
  gr_window_open (self, connection);
}

/* A project shared in a database's schema, opened as a file is. */
void
_gr_window_open_database_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow           *self = GR_WINDOW (widget);
  GrConnectionDialog *dialog = gr_connection_dialog_new_for (
      GTK_WINDOW (self), self->last_connection, GR_CONNECTION_OPEN_PROJECT);

  g_signal_connect (dialog, "response", G_CALLBACK (on_open_database_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_database_response (GrConnectionDialog *dialog, const char *response, GrWindow *self)
{
  const char *connection = gr_connection_dialog_get_connection (dialog);
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "read") != 0 || self->session == NULL)
    return;
  g_free (self->last_connection);
  self->last_connection = gr_pg_redact_connection (connection);
  if (!gr_window_save_as (self, connection, &error))
    _gr_window_show_error (self, _ ("Could not save the project"), error);
  else
    adw_toast_overlay_add_toast (
        self->toasts, adw_toast_new (_ ("Saved to the database: others can open it now")));
}

/* The open project copied into a database's schema, and worked on there. */
void
_gr_window_save_database_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GrWindow           *self = GR_WINDOW (widget);
  GrConnectionDialog *dialog;

  if (self->session == NULL || self->busy)
    return;
  dialog = gr_connection_dialog_new_for (GTK_WINDOW (self), self->last_connection,
                                         GR_CONNECTION_SAVE_PROJECT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_database_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chosen (GtkNativeDialog *dialog, int response, gpointer data)
{
  g_autofree char *path = _gr_window_chosen_path (dialog, response);

  if (path != NULL)
    _gr_window_ask_role (GR_WINDOW (data), path);
}

void
_gr_window_import_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GtkFileChooserNative *dialog =
      gtk_file_chooser_native_new (_ ("Import a Layer"), GTK_WINDOW (widget),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  const char    *patterns[] = { "*.shp", "*.gpkg", "*.geojson", "*.json", "*.kml",    "*.gml",
                                "*.fgb", "*.csv",  "*.tab",     "*.mif",  "*.sqlite", "*.zip" };
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("GIS data"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A project or an OSM extract is opened; any other file is a layer. */
gboolean
gr_window_drop_file (GrWindow *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return FALSE;
  if (self->busy)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_ ("Wait for the current work to finish")));
      return FALSE;
    }
  if (gr_path_is_osm (path) || gr_project_file_is_project (path))
    gr_window_open (self, path);
  else
    _gr_window_ask_role (self, path);
  return TRUE;
}

gboolean
_gr_window_on_drop (GtkDropTarget *target, const GValue *value, double x, double y, GrWindow *self)
{
  GSList  *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean taken;

  if (files == NULL)
    return FALSE;
  if (files->next != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_ ("Drop one file at a time")));
  taken = gr_window_drop_file (self, files->data);
  g_slist_free (files);
  return taken;
}
