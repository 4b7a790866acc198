/* gr-application.c — the Greenreach desktop application */
#include "config.h"

#include "gr-application.h"

#include "gr-runtime.h"
#include "gr-window.h"

#include <glib/gi18n.h>

struct _GrApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GrApplication, gr_application, ADW_TYPE_APPLICATION)

/* With no file the bundled sample city opens, so there is always a map. */
static void
gr_application_activate (GApplication *app)
{
  g_autofree char *sample = gr_runtime_data_path ("sample/andorra.osm.pbf");
  GrWindow *window = gr_window_new (GR_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  gr_window_open (window, sample);
}

static void
gr_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      GrWindow *window = gr_window_new (GR_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      if (path != NULL)
        gr_window_open (window, path);
    }
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer app)
{
  g_application_quit (G_APPLICATION (app));
}

static void
gr_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = { { "quit", quit_activated } };
  const char *quit[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (gr_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit);
}

static void
gr_application_class_init (GrApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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
  return g_object_new (GR_TYPE_APPLICATION, "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE, NULL);
}
