/* gr-cli-render.c — greenreach-cli render: the map as PNG, SVG or PDF;
 * greenreach-cli report: the printed report as a PDF
 */
#include "config.h"

#include "gr-cli-render.h"

#include "gr-cli-common.h"
#include "gr-cli-scenario.h"
#include "gr-report.h"
#include "gr-runtime.h"
#include "gr-scenario-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

/* The base map: a file, "none", or the bundled one when it is there. */
static char *
basemap_path (const char *option)
{
  char *path;

  if (option != NULL)
    return g_str_equal (option, "none") ? NULL : g_strdup (option);
  path = gr_runtime_data_path ("sample/basemap.mbtiles");
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}

/* --bbox X0,Y0,X1,Y1 in the project's CRS, as Web Mercator bounds. */
static gboolean
parse_bbox (const char *text, GrDisplay *display, double bounds[4], GError **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  double v[4];

  if (g_strv_length (parts) != 4)
    goto bad;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      v[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0' || !isfinite (v[i]))
        goto bad;
    }
  if (!(v[2] > v[0] && v[3] > v[1]))
    goto bad;
  gr_bounds_clear (bounds);
  for (guint k = 0; k < 4; k++)
    {
      double lon, lat, b[4];

      if (!gr_display_to_lonlat (display, v[k & 1 ? 2 : 0], v[k & 2 ? 3 : 1], &lon, &lat))
        goto bad;
      gr_lonlat_to_mercator (lon, lat, &b[0], &b[1]);
      b[2] = b[0], b[3] = b[1];
      gr_bounds_union (bounds, b);
    }
  return TRUE;
bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--bbox needs MINX,MINY,MAXX,MAXY in the project's CRS, not “%s”"), text);
  return FALSE;
}

/* greenreach-cli render PROJECT [--scenario NAME] [--bbox …] [--width --height] -o map.png|svg|pdf */
int
gr_cli_render (int    argc,
               char **argv)
{
  g_autofree char *scenario = NULL;
  g_autofree char *bbox = NULL;
  g_autofree char *output = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *basemap_option = NULL;
  g_autofree char *basemap_file = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *title = NULL;
  g_auto (GStrv) args = NULL;
  int width = 1280, height = 900;
  double dpi = 96;
  GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario, N_("A scenario of the project instead of its own data"),
      "NAME" },
    { "bbox", 0, 0, G_OPTION_ARG_STRING, &bbox,
      N_("The part to draw, in the project's CRS (default: the residential land)"), "MINX,MINY,MAXX,MAXY" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels at 96 dpi (default 1280)"), "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels at 96 dpi (default 900)"), "PX" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("PNG resolution (default 96)"), "DPI" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, N_("Distance: straight-line (default) or walking"), "MODE" },
    { "basemap", 0, 0, G_OPTION_ARG_FILENAME, &basemap_option,
      N_("Offline base map (MBTiles), or “none” (default: the bundled one)"), "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The image to write: .png, .svg or .pdf"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("PROJECT.gpkg -o MAP.png|MAP.svg"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) base_error = NULL;
  g_autoptr (GrProject) project = NULL;
  g_autoptr (GrProject) baseline = NULL;
  g_autoptr (GrAnalysis) analysis = NULL;
  g_autoptr (GrDisplay) display = NULL;
  g_autoptr (GrCoverageTiles) tiles = NULL;
  g_autoptr (GrMarks) marks = NULL;
  g_autoptr (GrMbtiles) basemap = NULL;
  GrCriteria criteria;
  GrMapRender map = { 0 };

  g_option_context_set_summary (context, _("Draw the map with its blind spots, legend, scale bar and north arrow."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  if (args == NULL || args[0] == NULL || args[1] != NULL)
    return gr_cli_fail (EXIT_USAGE, _("render needs one project file"));
  if (output == NULL)
    return gr_cli_fail (EXIT_USAGE, _("render needs -o MAP.png, MAP.svg or MAP.pdf"));
  if (width < 16 || height < 16 || width > 20000 || height > 20000)
    return gr_cli_fail (EXIT_USAGE, _("--width and --height must be between 16 and 20000 pixels"));
  if (!(dpi >= 24 && dpi <= 1200))
    return gr_cli_fail (EXIT_USAGE, _("--dpi must be between 24 and 1200"));
  gr_criteria_init_default (&criteria);
  if (!gr_cli_parse_mode (mode, &criteria.walking, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  baseline = gr_project_load (args[0], &error);
  if (baseline == NULL)
    return gr_cli_fail (EXIT_DATA, error->message);
  /* The baseline's layers with the scenario's edits over them, as the
   * window draws a scenario. */
  if ((display = gr_display_new (baseline, &error)) == NULL)
    return gr_cli_fail (EXIT_DATA, error->message);
  marks = gr_marks_new ();
  if (scenario != NULL)
    {
      g_autoptr (GrScenarioStore) store = gr_scenario_store_open (args[0], &error);
      g_autoptr (GrScenario) found = store != NULL ? gr_scenario_store_find (store, scenario, &error) : NULL;

      if (found == NULL)
        return gr_cli_fail (EXIT_DATA, error->message);
      project = gr_scenario_apply (found, baseline);
      gr_marks_add_scenario (marks, display, found, baseline);
    }
  if ((analysis = gr_project_build_analysis (project != NULL ? project : baseline, &criteria, NULL, &error)) == NULL)
    return gr_cli_fail (EXIT_DATA, error->message);
  if (bbox != NULL)
    {
      if (!parse_bbox (bbox, display, map.bounds, &error))
        return gr_cli_fail (EXIT_USAGE, error->message);
    }
  else
    gr_render_default_bounds (display, map.bounds);
  tiles = gr_coverage_tiles_new ();
  gr_coverage_tiles_set_source (tiles, analysis, NULL, display);
  /* A base map that cannot be read or drawn is named; the map is drawn
   * without it. */
  basemap_file = basemap_path (basemap_option);
  if (basemap_file != NULL && (basemap = gr_mbtiles_open (basemap_file, &base_error)) == NULL)
    g_printerr (_("greenreach-cli: warning: %s The map is drawn without it.\n"), base_error->message);
  g_clear_error (&base_error);
  attribution = gr_project_attribution (baseline);
  title = g_strdup_printf (_("Blind spots: %s"), scenario != NULL ? scenario : _("Baseline"));
  map.display = display;
  map.coverage = tiles;
  map.marks = marks;
  map.basemap = basemap;
  map.title = title;
  map.attribution = attribution;
  map.scale = 1;
  map.decorations = TRUE;
  if (!gr_render_map_to_file (&map, output, width, height, dpi, &base_error, &error))
    return gr_cli_fail (EXIT_DATA, error->message);
  if (base_error != NULL)
    g_printerr (_("greenreach-cli: warning: %s The map is drawn without it.\n"), base_error->message);
  return EXIT_OK;
}

/* greenreach-cli report PROJECT [--scenario NAME]… [--targets SET] [--paper A4|A3]
 * [--orientation landscape|portrait] -o report.pdf */
int
gr_cli_report (int    argc,
               char **argv)
{
  g_auto (GStrv) scenarios = NULL;
  g_autofree char *targets_key = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *orientation = NULL;
  g_autofree char *output = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *basemap_option = NULL;
  g_autofree char *basemap = NULL;
  g_auto (GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_STRING_ARRAY, &scenarios,
      N_("A scenario to present beside the baseline (repeat for more)"), "NAME" },
    { "targets", 0, 0, G_OPTION_ARG_STRING, &targets_key,
      GR_CLI_TARGETS_HELP,
      "SET" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper: A4 (default) or A3"), "SIZE" },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &orientation, N_("landscape (default) or portrait"), "WHICH" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, N_("Distance: straight-line (default) or walking"), "MODE" },
    { "basemap", 0, 0, G_OPTION_ARG_FILENAME, &basemap_option,
      N_("Offline base map (MBTiles), or “none” (default: the bundled one)"), "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("PROJECT.gpkg -o REPORT.pdf"));
  g_autoptr (GError) error = NULL;
  GrReportOptions o = { 0 };
  GrCriteria criteria;

  g_option_context_set_summary (context, _("Write the report: maps, indicators against targets, zones, the "
                                           "scenarios compared and their candidate parks. Its language follows "
                                           "the locale."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  if (args == NULL || args[0] == NULL || args[1] != NULL)
    return gr_cli_fail (EXIT_USAGE, _("report needs one project file"));
  if (output == NULL)
    return gr_cli_fail (EXIT_USAGE, _("report needs -o REPORT.pdf"));
  o.targets = GR_TARGETS_YUNCHENG_2025;
  if (targets_key != NULL && !gr_target_set_from_key (targets_key, &o.targets))
    {
      g_autofree char *message = g_strdup_printf (_("unknown target set “%s”"), targets_key);
      return gr_cli_fail (EXIT_USAGE, message);
    }
  if (paper != NULL && !gr_paper_from_string (paper, &o.paper))
    {
      g_autofree char *message = g_strdup_printf (_("--paper must be A4 or A3, not “%s”"), paper);
      return gr_cli_fail (EXIT_USAGE, message);
    }
  if (orientation != NULL && !g_str_equal (orientation, "landscape") && !g_str_equal (orientation, "portrait"))
    {
      g_autofree char *message = g_strdup_printf (_("--orientation must be landscape or portrait, not “%s”"),
                                                  orientation);
      return gr_cli_fail (EXIT_USAGE, message);
    }
  gr_criteria_init_default (&criteria);
  if (!gr_cli_parse_mode (mode, &criteria.walking, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  basemap = basemap_path (basemap_option);
  o.project = args[0];
  o.scenarios = (const char *const *) scenarios;
  o.portrait = orientation != NULL && g_str_equal (orientation, "portrait");
  o.criteria = &criteria;
  o.basemap = basemap;
  if (!gr_report_write (&o, output, NULL, NULL, NULL, &error))
    return gr_cli_fail (EXIT_DATA, error->message);
  return EXIT_OK;
}
