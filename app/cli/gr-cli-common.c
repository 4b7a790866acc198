/* gr-cli-common.c — what every greenreach-cli command shares */
#include "config.h"

#include "gr-cli-common.h"

#include <glib/gi18n-lib.h>

const char gr_cli_targets_help[] =
  N_("Target set: yuncheng-2025 (default), yuncheng-2030, datong-2035, gb55014-2021, eco-garden-city, project "
     "(the project's own), none");

int
gr_cli_fail (int         status,
             const char *message)
{
  g_printerr ("greenreach-cli: %s\n", message);
  return status;
}

/* --mode: straight-line (the default when @mode is %NULL) or walking. */
gboolean
gr_cli_parse_mode (const char *mode,
                   gboolean   *walking,
                   GError    **error)
{
  if (mode == NULL || g_str_equal (mode, "straight-line") || g_str_equal (mode, "straight"))
    *walking = FALSE;
  else if (g_str_equal (mode, "walking"))
    *walking = TRUE;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--mode must be “straight-line” or “walking”, not “%s”"), mode);
      return FALSE;
    }
  return TRUE;
}
