/* main.c — greenreach, the desktop shell */
#include "config.h"

#include "gr-application.h"
#include "gr-runtime.h"

int
main (int argc, char **argv)
{
  g_autoptr (GrApplication) app = NULL;

  gr_runtime_init_i18n ();
  g_set_application_name ("Greenreach");
  app = gr_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
