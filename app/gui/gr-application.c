/* gr-application.c — the Greenreach desktop application */
#include "config.h"

#include "gr-application.h"

#include "gr-pg.h"
#include "gr-preferences.h"
#include "gr-runtime.h"
#include "gr-window.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

struct _GrApplication
{
  AdwApplication parent_instance;
  GStrv          databases; /* projects in databases named on the command line */
};

G_DEFINE_FINAL_TYPE (GrApplication, gr_application, ADW_TYPE_APPLICATION)

/* A project in a database is named as GDAL names it (PG:"host=… dbname=…"
 * schema=NAME), which is no file: taken from the command line before
 * GApplication reads the rest as files. */
static gboolean
gr_application_local_command_line (GApplication *app, char ***arguments, int *exit_status)
{
  GrApplication *self = GR_APPLICATION (app);
  g_auto (GStrv) joined = gr_pg_join_schema_args (*arguments);
  g_autoptr (GStrvBuilder) files = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) databases = g_strv_builder_new ();

  for (guint i = 0; joined[i] != NULL; i++)
    g_strv_builder_add (i > 0 && gr_pg_is_connection (joined[i]) ? databases : files, joined[i]);
  g_strfreev (*arguments);
  *arguments = g_strv_builder_end (files);
  g_strfreev (self->databases);
  self->databases = g_strv_builder_end (databases);
  return G_APPLICATION_CLASS (gr_application_parent_class)
      ->local_command_line (app, arguments, exit_status);
}

/* A window for each project in a database the command line named. */
static gboolean
open_databases (GrApplication *self)
{
  g_auto (GStrv) databases = g_steal_pointer (&self->databases);

  for (guint i = 0; databases != NULL && databases[i] != NULL; i++)
    {
      GrWindow *window = gr_window_new (self);

      gtk_window_present (GTK_WINDOW (window));
      gr_window_open (window, databases[i]);
    }
  return databases != NULL && databases[0] != NULL;
}

/* With no file the bundled sample city opens, so there is always a map. */
static void
gr_application_activate (GApplication *app)
{
  g_autofree char *sample = gr_runtime_data_path ("sample/andorra.osm.pbf");
  GrWindow        *window;

  if (open_databases (GR_APPLICATION (app)))
    return;
  window = gr_window_new (GR_APPLICATION (app));
  /* Read on another thread while the window is shown. */
  gr_window_open (window, sample);
  gtk_window_present (GTK_WINDOW (window));
}

static void
gr_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  open_databases (GR_APPLICATION (app));
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      GrWindow        *window = gr_window_new (GR_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      /* A data layer named on the command line is said to be one, as Open
       * says; a GeoPackage or a file that is not there, as opening it
       * says (a damaged project is not called a layer). */
      if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS)
          && !g_str_has_suffix (path, ".gpkg"))
        gr_window_open_chosen (window, path);
      else if (path != NULL)
        gr_window_open (window, path);
    }
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer app)
{
  g_application_quit (G_APPLICATION (app));
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer app)
{
  gtk_window_present (gr_preferences_new (gtk_application_get_active_window (app)));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer app)
{
  GtkWidget *about = adw_about_window_new ();

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _ ("Greenreach"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_comments (
      ADW_ABOUT_WINDOW (about),
      _ ("Finds the homes beyond 300 m of green space and 500 m of a park, and "
         "tests where new pocket parks should go."));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _ ("translator-credits"));
  adw_about_window_add_legal_section (
      ADW_ABOUT_WINDOW (about), _ ("Sample city"),
      _ ("Map data © OpenStreetMap contributors, under the Open Database "
         "License."),
      GTK_LICENSE_CUSTOM, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (about));
}

static void
gr_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
    { "preferences", preferences_activated },
    { "about", about_activated },
  };
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-fit", { "<Control>0", NULL } },
    { "win.mode::straight", { "<Control>1", NULL } },
    { "win.mode::walking", { "<Control>2", NULL } },
    { "win.show-blind-spots", { "<Control>b", NULL } },
    { "win.show-markers", { "<Control>m", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.go-to", { "<Control>l", NULL } },
    { "win.zoom-to-selection", { "<Control>j", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.delete-selected", { "Delete", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.scenario-new", { "<Control>n", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.suggest-sites", { "<Control>g", NULL } },
    { "win.export-map", { "<Control>e", NULL } },
    { "win.export-report", { "<Control>p", NULL } },
  };

  G_APPLICATION_CLASS (gr_application_parent_class)->startup (app);
#ifdef __GLIBC__
  /* The map's drawings, and cairo's scratch space while it fills and
   * strokes a city's outlines, are megabytes each, made and freed at every
   * redraw: they are reused from the heap instead of being mapped afresh
   * each time, where their page faults cost more than drawing a district. */
  mallopt (M_MMAP_THRESHOLD, 32 << 20);
  mallopt (M_TRIM_THRESHOLD, 64 << 20);
#endif
  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
gr_application_finalize (GObject *object)
{
  g_strfreev (GR_APPLICATION (object)->databases);
  G_OBJECT_CLASS (gr_application_parent_class)->finalize (object);
}

static void
gr_application_class_init (GrApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = gr_application_finalize;
  app_class->local_command_line = gr_application_local_command_line;
  app_class->activate = gr_application_activate;
  app_class->open = gr_application_open;
  app_class->startup = gr_application_startup;
}

static void
gr_application_init (GrApplication *self)
{
}

GrApplication *
gr_application_new (void)
{
  return g_object_new (GR_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE, NULL);
}
