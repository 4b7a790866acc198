/* gr-cli-import.c — greenreach-cli import: layers into a project file
 *
 *   import ROLE=PATH[:LAYER]… | OSMFILE -o PROJECT.gpkg [--crs …]
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-cli-open.h"
#include "gr-project-file.h"

#include <glib/gi18n-lib.h>

int
gr_cli_import (int argc, char **argv)
{
  g_auto (GrCliOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_ ("Project file to write"),
      "PROJECT.gpkg" },
    gr_cli_entry (&o, GR_CLI_ARGS),
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new (_ ("ROLE=PATH[:LAYER]… | OSMFILE -o PROJECT.gpkg"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = NULL;

  gr_cli_options_init (&o);
  g_option_context_set_summary (context, _ ("Import layers into a project file (GeoPackage)."));
  gr_cli_add_import_entries (context, &o.import);
  if (!gr_cli_parse_options (context, entries, &argc, &argv))
    return EXIT_USAGE;
  if (o.output == NULL)
    return gr_cli_fail (EXIT_USAGE, _ ("no project file given: use -o PROJECT.gpkg"));
  if (!gr_cli_sources_check (o.args, &o.import, &error))
    return gr_cli_fail_error (error);
  if ((project = gr_cli_sources_import (o.args, &o.import, &error)) == NULL
      || !gr_project_save (project, o.output, &error))
    return gr_cli_fail_error (error);
  gr_cli_print_warnings (project);
  return EXIT_OK;
}
