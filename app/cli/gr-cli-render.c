/* gr-cli-render.c — greenreach-cli render: the map with its blind spots,
 * legend, scale bar and north arrow, as PNG, SVG or PDF
 *
 *   render PROJECT.gpkg [--scenario NAME] [--bbox MINX,MINY,MAXX,MAXY]
 *                       [--width PX --height PX] [--dpi DPI] -o MAP.png|svg|pdf
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-cli-open.h"
#include "gr-report.h"
#include "gr-style-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

/* Its own options beside the shared ones. */
typedef struct
{
  GrCliOptions common;
  char        *bbox;
  int          width;
  int          height;
  double       dpi;
} Options;

static void
options_clear (Options *o)
{
  gr_cli_options_clear (&o->common);
  g_free (o->bbox);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Returns: %FALSE on a usage error, printed. */
static gboolean
options_parse (Options *o, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("PROJECT.gpkg -o MAP.png|MAP.svg"));
  GOptionEntry entries[] = {
    gr_cli_entry (&o->common, GR_CLI_SCENARIO),
    { "bbox", 0, 0, G_OPTION_ARG_STRING, &o->bbox,
      N_ ("The part to draw, in the project's CRS (default: the residential land)"),
      "MINX,MINY,MAXX,MAXY" },
    { "width", 0, 0, G_OPTION_ARG_INT, &o->width, N_ ("Width in pixels at 96 dpi (default 1280)"),
      "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &o->height, N_ ("Height in pixels at 96 dpi (default 900)"),
      "PX" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o->dpi, N_ ("PNG resolution (default 96)"), "DPI" },
    gr_cli_entry (&o->common, GR_CLI_MODE),
    gr_cli_entry (&o->common, GR_CLI_BASEMAP),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->common.output,
      N_ ("The image to write: .png, .svg or .pdf"), "FILE" },
    gr_cli_entry (&o->common, GR_CLI_ARGS),
    { NULL },
  };

  gr_cli_options_init (&o->common);
  g_option_context_set_summary (
      context, _ ("Draw the map with its blind spots, legend, scale bar and north arrow."));
  return gr_cli_parse_options (context, entries, argc, argv);
}

/* Usage errors, before anything is read. */
static gboolean
options_check (Options *o, GError **error)
{
  const char *message = NULL;

  if (!gr_cli_has_one_arg (o->common.args))
    message = _ ("render needs one project file");
  else if (o->common.output == NULL)
    message = _ ("render needs -o MAP.png, MAP.svg or MAP.pdf");
  else if (o->width < 16 || o->height < 16 || o->width > 20000 || o->height > 20000)
    message = _ ("--width and --height must be between 16 and 20000 pixels");
  else if (!(o->dpi >= 24 && o->dpi <= 1200))
    message = _ ("--dpi must be between 24 and 1200");
  else
    return gr_cli_criteria_check (&o->common.criteria, error);
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return FALSE;
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
               _ ("--bbox needs MINX,MINY,MAXX,MAXY in the project's CRS, not “%s”"), text);
  return FALSE;
}

/* A base map that cannot be read or drawn is named; the map is drawn
 * without it. */
static void
warn_basemap (const GError *error)
{
  g_printerr (_ ("greenreach-cli: warning: %s The map is drawn without it.\n"), error->message);
}

static GrMbtiles *
open_basemap (const char *option, const char *project)
{
  g_autofree char *path = gr_cli_basemap_path (option, project);
  g_autoptr (GError) error = NULL;
  GrMbtiles *basemap;

  if (path == NULL)
    return NULL;
  if ((basemap = gr_mbtiles_open (path, &error)) == NULL)
    warn_basemap (error);
  return basemap;
}

/* The baseline's layers with the scenario's edits over them, as the
 * window draws a scenario. */
static int
draw (const Options *o, const GrCliInput *input, GrDisplay *display)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) basemap_error = NULL;
  g_autoptr (GrCoverageTiles) tiles = gr_coverage_tiles_new ();
  g_autoptr (GrMarks) marks = gr_marks_new ();
  g_autoptr (GrMbtiles) basemap = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *title = NULL;
  GrMapRender      map = { 0 };
  GrMapStyle       style;

  if (input->scenario != NULL)
    gr_marks_add_scenario (marks, display, input->scenario, input->baseline);
  if (o->bbox != NULL)
    {
      if (!parse_bbox (o->bbox, display, map.bounds, &error))
        return gr_cli_fail (EXIT_USAGE, error->message);
    }
  else
    gr_render_default_bounds (display, map.bounds);
  gr_coverage_tiles_set_source (tiles, input->analysis, NULL, display);
  basemap = open_basemap (o->common.basemap, o->common.args[0]);
  attribution = gr_project_attribution (input->baseline);
  title = g_strdup_printf (_ ("Blind spots: %s"),
                           o->common.scenario != NULL ? o->common.scenario : _ ("Baseline"));
  /* The layers as the project file keeps their style. */
  if (gr_project_style_load (o->common.args[0], &style, NULL))
    map.style = &style;
  map.display = display;
  map.coverage = tiles;
  map.marks = marks;
  map.basemap = basemap;
  map.title = title;
  map.attribution = attribution;
  map.scale = 1;
  map.decorations = TRUE;
  if (!gr_render_map_to_file (&map, o->common.output, o->width, o->height, o->dpi, &basemap_error,
                              &error))
    return gr_cli_fail (EXIT_DATA, error->message);
  if (basemap_error != NULL)
    warn_basemap (basemap_error);
  return EXIT_OK;
}

int
gr_cli_render (int argc, char **argv)
{
  g_auto (Options) o = { .width = 1280, .height = 900, .dpi = 96 };
  g_auto (GrCliInput) input = { 0 };
  g_autoptr (GrDisplay) display = NULL;
  g_autoptr (GError) error = NULL;

  if (!options_parse (&o, &argc, &argv))
    return EXIT_USAGE;
  if (!options_check (&o, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  if (!gr_cli_input_open (&input, o.common.args, o.common.scenario, NULL, &o.common.criteria.values,
                          &error)
      || (display = gr_display_new (input.baseline, &error)) == NULL)
    return gr_cli_fail (EXIT_DATA, error->message);
  return draw (&o, &input, display);
}
