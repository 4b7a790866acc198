/* greenreach-cli — the analysis without a window, for batch runs and scripts
 *
 * Each command is a function in its own file (gr-cli-commands.h); this
 * file starts the locale and picks the command.
 *
 * Exit status: 0 success, 1 a data or analysis error, 2 a usage error.
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-pg.h"
#include "gr-cli-common.h"
#include "gr-runtime.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

static const struct
{
  const char *name;
  int (*run) (int argc, char **argv);
} commands[] = {
  { "import", gr_cli_import },     { "reimport", gr_cli_reimport },
  { "analyze", gr_cli_analyze },   { "analyse", gr_cli_analyze },
  { "targets", gr_cli_targets },   { "indicators", gr_cli_indicators },
  { "render", gr_cli_render },     { "report", gr_cli_report },
  { "scenario", gr_cli_scenario }, { "suggest", gr_cli_suggest },
  { "basemap", gr_cli_basemap },   { "publish", gr_cli_publish },
  { "copy", gr_cli_copy },
};

static void
usage (FILE *to)
{
  fprintf (to,
           "%s\n\n  greenreach-cli import %s\n  greenreach-cli reimport %s\n"
           "  greenreach-cli analyze %s\n  greenreach-cli "
           "indicators %s\n"
           "  greenreach-cli targets %s\n  greenreach-cli scenario %s\n  greenreach-cli render %s\n"
           "  greenreach-cli report %s\n  greenreach-cli suggest %s\n  greenreach-cli basemap "
           "%s\n  greenreach-cli publish %s\n  greenreach-cli copy %s\n\n%s\n",
           _ ("Usage:"), _ ("ROLE=PATH[:LAYER]… | OSMFILE -o PROJECT.gpkg"), _ ("PROJECT.gpkg"),
           _ ("PROJECT.gpkg | ROLE=PATH[:LAYER]… | OSMFILE [OPTION…]"),
           _ ("PROJECT.gpkg [--scenario NAME] [--targets SET] [--json|--csv]"),
           _ ("PROJECT.gpkg [INDICATOR VALUE|none] [--strict]"),
           _ ("list|create|rename|delete|add-park|remove|undo|redo|export PROJECT.gpkg [NAME] "
              "[OPTION…]"),
           _ ("PROJECT.gpkg [--scenario NAME] [--bbox MINX,MINY,MAXX,MAXY] [--width PX --height "
              "PX] -o MAP.png|svg"),
           _ ("PROJECT.gpkg [--scenario NAME]… [--targets SET] [--paper A4|A3] [--orientation "
              "landscape|portrait] "
              "-o REPORT.pdf"),
           _ ("PROJECT.gpkg [--scenario NAME] (--count K | --target KEY=VALUE) [--sites "
              "auto|layer|FILE] [--exact] [--apply NEW-SCENARIO] [--json]"),
           _ ("OSMFILE|PROJECT.gpkg -o BASEMAP.mbtiles [--zoom MIN-MAX] [--bbox "
              "LON0,LAT0,LON1,LAT1]"),
           _ ("PROJECT.gpkg PG:CONNECTION [--schema NAME] [--scenario NAME]… [--targets SET] "
              "[--mode MODE]"),
           _ ("PROJECT.gpkg PG:CONNECTION schema=NAME [--replace] | PG:CONNECTION schema=NAME "
              "COPY.gpkg"),
           _ ("Run “greenreach-cli COMMAND --help” for the options of a command."));
}

int
main (int argc, char **original)
{
  /* `PG:"…" schema=NAME` is one project. */
  g_auto (GStrv) argv = gr_pg_join_schema_args (original);

  argc = (int) g_strv_length (argv);
  gr_runtime_init_i18n ();
  if (argc < 2)
    {
      usage (stderr);
      return EXIT_USAGE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("greenreach-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      usage (stdout);
      return EXIT_OK;
    }
  g_printerr (_ ("greenreach-cli: unknown command “%s”\n"), argv[1]);
  usage (stderr);
  return EXIT_USAGE;
}
