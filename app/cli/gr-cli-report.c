/* gr-cli-report.c — greenreach-cli report: the printed report as a PDF:
 * maps, indicators against targets, zones, the scenarios compared and
 * their candidate parks, in the locale's language
 *
 *   report PROJECT.gpkg [--scenario NAME]… [--targets SET] [--paper A4|A3]
 *                       [--orientation landscape|portrait] -o REPORT.pdf
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-report.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Its own options beside the shared ones; its --scenario repeats. */
typedef struct
{
  GrCliOptions common;
  char       **scenarios;
  char        *paper;
  char        *orientation;
  char        *bbox;
} Options;

static void
options_clear (Options *o)
{
  gr_cli_options_clear (&o->common);
  g_strfreev (o->scenarios);
  g_free (o->paper);
  g_free (o->orientation);
  g_free (o->bbox);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Returns: %FALSE on a usage error, printed. */
static gboolean
options_parse (Options *o, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("PROJECT.gpkg -o REPORT.pdf"));
  GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->scenarios,
      N_ ("A scenario to present beside the baseline (repeat for more)"), "NAME" },
    gr_cli_entry (&o->common, GR_CLI_TARGETS),
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o->paper, N_ ("Paper: A4 (default) or A3"), "SIZE" },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &o->orientation,
      N_ ("landscape (default) or portrait"), "WHICH" },
    { "bbox", 0, 0, G_OPTION_ARG_STRING, &o->bbox,
      N_ ("The part the maps show, in the project's CRS (default: the residential land)"),
      "MINX,MINY,MAXX,MAXY" },
    gr_cli_entry (&o->common, GR_CLI_MODE),
    gr_cli_entry (&o->common, GR_CLI_BASEMAP),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->common.output, N_ ("The PDF to write"), "FILE" },
    gr_cli_entry (&o->common, GR_CLI_ARGS),
    { NULL },
  };

  gr_cli_options_init (&o->common);
  g_option_context_set_summary (
      context, _ ("Write the report: maps, indicators against targets, zones, the "
                  "scenarios compared and their candidate parks. Its language follows "
                  "the locale."));
  return gr_cli_parse_options (context, entries, argc, argv);
}

static gboolean
parse_page (const Options *o, GrReportOptions *report, GError **error)
{
  if (o->paper != NULL && !gr_paper_from_string (o->paper, &report->paper))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--paper must be A4 or A3, not “%s”"), o->paper);
      return FALSE;
    }
  if (o->orientation != NULL && !g_str_equal (o->orientation, "landscape")
      && !g_str_equal (o->orientation, "portrait"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--orientation must be landscape or portrait, not “%s”"), o->orientation);
      return FALSE;
    }
  report->portrait = o->orientation != NULL && g_str_equal (o->orientation, "portrait");
  return TRUE;
}

/* Usage errors, before anything is read. */
static gboolean
parse_view (const char *text, double view[4])
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);

  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      view[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0' || !isfinite (view[i]))
        return FALSE;
    }
  return view[2] > view[0] && view[3] > view[1];
}

static gboolean
options_check (Options *o, GrReportOptions *report, GError **error)
{
  if (!gr_cli_has_one_arg (o->common.args))
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         _ ("report needs one project file"));
  else if (o->common.output == NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         _ ("report needs -o REPORT.pdf"));
  else if (o->bbox != NULL && !parse_view (o->bbox, report->view))
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _ ("--bbox must be MINX,MINY,MAXX,MAXY in the project's CRS, not “%s”"), o->bbox);
  else
    return gr_cli_parse_targets (o->common.targets, &report->targets, error)
           && parse_page (o, report, error) && gr_cli_criteria_check (&o->common.criteria, error);
  return FALSE;
}

/* The report opens the project and its scenarios itself. */
int
gr_cli_report (int argc, char **argv)
{
  g_auto (Options) o = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *basemap = NULL;
  g_autoptr (GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);
  GrReportOptions report = { 0 };

  if (!options_parse (&o, &argc, &argv))
    return EXIT_USAGE;
  if (!options_check (&o, &report, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  basemap = gr_cli_basemap_path (o.common.basemap, o.common.args[0]);
  report.project = o.common.args[0];
  report.scenarios = (const char *const *) o.scenarios;
  report.criteria = &o.common.criteria.values;
  report.basemap = basemap;
  report.left_out = left_out;
  if (!gr_report_write (&report, o.common.output, NULL, NULL, NULL, &error))
    return gr_cli_fail (EXIT_DATA, error->message);
  for (guint i = 0; i < left_out->len; i++)
    g_printerr (_ ("greenreach-cli: warning: %s\n"),
                (const char *) g_ptr_array_index (left_out, i));
  return EXIT_OK;
}
