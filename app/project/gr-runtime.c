/* gr-runtime.c — where the program finds its translations and data
 *
 * Installed, the program reads them from LOCALEDIR and PKGDATADIR. Run from
 * the build tree (`meson devenv`, the tests), GREENREACH_LOCALEDIR and
 * GREENREACH_DATADIR point it at the build's translations and the source
 * tree's resources instead, so it works without being installed.
 */
#include "config.h"

#include "gr-runtime.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

static const char *
dir_from_env (const char *variable, const char *installed)
{
  const char *dir = g_getenv (variable);

  return dir != NULL && *dir != '\0' ? dir : installed;
}

void
gr_runtime_init_i18n (void)
{
  const char *dir = dir_from_env ("GREENREACH_LOCALEDIR", LOCALEDIR);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

char *
gr_runtime_data_path (const char *relative)
{
  return g_build_filename (dir_from_env ("GREENREACH_DATADIR", PKGDATADIR), relative, NULL);
}
