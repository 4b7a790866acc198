/* gr-runtime.c — where the program finds its translations and data
 *
 * A program run from the build tree uses the build tree's translations and
 * the source tree's resources, so it works without being installed.
 */
#include "config.h"

#include "gr-runtime.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

gboolean
gr_runtime_is_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *root = g_canonicalize_filename (BUILD_ROOT, NULL);

  return exe != NULL && g_str_has_prefix (exe, root);
}

void
gr_runtime_init_i18n (void)
{
  const char *dir = g_getenv ("GREENREACH_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (dir == NULL)
    dir = gr_runtime_is_uninstalled () ? BUILD_LOCALEDIR : LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

char *
gr_runtime_data_path (const char *relative)
{
  if (gr_runtime_is_uninstalled ())
    return g_build_filename (SOURCE_ROOT, "resources", relative, NULL);
  return g_build_filename (PKGDATADIR, relative, NULL);
}
