/* greenreach-cli — the analysis without a window, for batch runs and scripts
 *
 * Exit status: 0 success, 1 a data or analysis error, 2 a usage error.
 */
#include "config.h"

#include "gr-cli-common.h"
#include "gr-cli-evaluation.h"
#include "gr-cli-indicators.h"
#include "gr-cli-render.h"
#include "gr-cli-scenario.h"
#include "gr-evaluate.h"
#include "gr-import.h"
#include "gr-runtime.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  char      *crs;
  char      *source_crs;
  char      *encoding;
  char      *population_field;
  char      *zone_field;
  char      *rules;
  char      *output;
  char      *mode;
  char      *scenario;
  gboolean   exact;
  gboolean   json;
  GrCriteria criteria;
  char     **inputs;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->crs);
  g_free (o->source_crs);
  g_free (o->encoding);
  g_free (o->population_field);
  g_free (o->zone_field);
  g_free (o->rules);
  g_free (o->output);
  g_free (o->mode);
  g_free (o->scenario);
  g_strfreev (o->inputs);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
add_import_entries (GOptionContext *context, Options *o)
{
  GOptionEntry entries[] = {
    { "crs", 0, 0, G_OPTION_ARG_STRING, &o->crs,
      N_("Analysis CRS (default: CGCS2000 3-degree Gauss-Kruger zone in China, UTM elsewhere)"), "EPSG:N" },
    { "source-crs", 0, 0, G_OPTION_ARG_STRING, &o->source_crs,
      N_("CRS of the input coordinates, for data without (or with a wrong) .prj"), "EPSG:N" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &o->encoding,
      N_("Attribute text encoding (default: UTF-8, else CP936/GBK)"), "NAME" },
    { "population-field", 0, 0, G_OPTION_ARG_STRING, &o->population_field,
      N_("Numeric field with residents in the population layer"), "NAME" },
    { "zone-field", 0, 0, G_OPTION_ARG_STRING, &o->zone_field,
      N_("Field with the zone name in the zones layer (default: name)"), "NAME" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->inputs, NULL, NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static void
add_analyze_entries (GOptionContext *context, Options *o)
{
  GOptionEntry entries[] = {
    { "resolution", 0, 0, G_OPTION_ARG_DOUBLE, &o->criteria.resolution,
      N_("Grid cell size in metres (default 5)"), "M" },
    { "exact", 0, 0, G_OPTION_ARG_NONE, &o->exact,
      N_("Compute from vectors (buffer, union, intersection) instead of the grid"), NULL },
    { "green-radius", 0, 0, G_OPTION_ARG_DOUBLE, &o->criteria.green_radius,
      N_("Distance to green space in metres (default 300)"), "M" },
    { "park-radius", 0, 0, G_OPTION_ARG_DOUBLE, &o->criteria.park_radius,
      N_("Distance to a park in metres (default 500)"), "M" },
    { "green-min-area", 0, 0, G_OPTION_ARG_DOUBLE, &o->criteria.green_min_area,
      N_("Smallest green space that counts, m² (default 400)"), "M2" },
    { "park-min-area", 0, 0, G_OPTION_ARG_DOUBLE, &o->criteria.park_min_area,
      N_("Smallest park that counts, m² (default 10000)"), "M2" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &o->rules,
      N_("Park service-radius rule table (CSV: min_area_m2,max_area_m2,radius_m,historic_only)"), "FILE" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &o->mode,
      N_("Distance: straight-line (default) or walking, along the path network"), "MODE" },
    { "access-distance", 0, 0, G_OPTION_ARG_DOUBLE, &o->criteria.access_distance,
      N_("Walking: a path this near a green space enters it, metres (default 20)"), "M" },
    { "attach-distance", 0, 0, G_OPTION_ARG_DOUBLE, &o->criteria.attach_distance,
      N_("Walking: homes this near a path reach the network, metres (default 50)"), "M" },
    { "snap", 0, 0, G_OPTION_ARG_DOUBLE, &o->criteria.snap,
      N_("Walking: join line ends this near another line, metres (default 0, off)"), "M" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Print one JSON object"), NULL },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &o->scenario,
      N_("Analyse this scenario of the project file instead of its own data"), "NAME" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static GrImportOptions
import_options (const Options *o)
{
  GrImportOptions io = { o->crs, o->source_crs, o->encoding, o->population_field,
                         o->zone_field, NULL };
  return io;
}

/* OSM extracts are positional; every other source is ROLE=PATH[:LAYER]. */
static GrProject *
import_inputs (const Options *o, GError **error)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  GrImportOptions io = import_options (o);
  const char *osm = NULL;

  for (guint i = 0; o->inputs[i] != NULL; i++)
    {
      GrSource *source;

      if (strchr (o->inputs[i], '=') == NULL && gr_path_is_osm (o->inputs[i]) && osm == NULL)
        {
          osm = o->inputs[i];
          continue;
        }
      if ((source = gr_source_parse (o->inputs[i], error)) == NULL)
        return NULL;
      g_ptr_array_add (sources, source);
    }
  return gr_project_import (osm, sources->len > 0 ? sources : NULL, &io, error);
}

static void
print_warnings (GrProject *project)
{
  for (guint i = 0; i < project->warnings->len; i++)
    g_printerr ("greenreach-cli: %s\n", (char *) g_ptr_array_index (project->warnings, i));
}

static gboolean
crs_option_is_valid (const char *option, const char *value, GError **error)
{
  g_auto (OGRSpatialReferenceH) srs = NULL;

  gr_gdal_init ();
  gr_gdal_capture_begin ();
  srs = value != NULL ? gr_srs_new_from_user (value) : NULL;
  g_free (gr_gdal_capture_end ());
  if (value == NULL || srs != NULL)
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s “%s” is not a coordinate reference system GDAL knows (try EPSG:4546)"),
               option, value);
  return FALSE;
}

/* Problems with the command line itself are usage errors (exit 2). */
static gboolean
inputs_are_usable (const Options *o, GError **error)
{
  if (!crs_option_is_valid ("--crs", o->crs, error)
      || !crs_option_is_valid ("--source-crs", o->source_crs, error))
    return FALSE;
  for (guint i = 0; o->inputs != NULL && o->inputs[i] != NULL; i++)
    if (strchr (o->inputs[i], '=') != NULL)
      {
        g_autoptr (GrSource) source = gr_source_parse (o->inputs[i], error);

        if (source == NULL)
          {
            error[0]->domain = G_OPTION_ERROR;
            error[0]->code = G_OPTION_ERROR_BAD_VALUE;
            return FALSE;
          }
      }
    else if (!gr_path_is_osm (o->inputs[i]))
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("“%s”: give an OSM file (.osm.pbf, .osm, .osm.gz), a project (.gpkg) "
                       "or ROLE=PATH[:LAYER]"), o->inputs[i]);
        return FALSE;
      }
  if (o->inputs == NULL || o->inputs[0] == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("no input given"));
      return FALSE;
    }
  return TRUE;
}

static int
parse (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  return EXIT_OK;
}

static int
run_import (int argc, char **argv)
{
  g_auto (Options) o = { 0 };
  g_autoptr (GOptionContext) context = g_option_context_new (_("ROLE=PATH[:LAYER]… | OSMFILE -o PROJECT.gpkg"));
  GOptionEntry output[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("Project file to write"), "PROJECT.gpkg" },
    { NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = NULL;
  int status;

  g_option_context_set_summary (context, _("Import layers into a project file (GeoPackage)."));
  add_import_entries (context, &o);
  g_option_context_add_main_entries (context, output, GETTEXT_PACKAGE);
  if ((status = parse (context, &argc, &argv)) != EXIT_OK)
    return status;
  if (o.output == NULL)
    return gr_cli_fail (EXIT_USAGE, _("no project file given: use -o PROJECT.gpkg"));
  if (!inputs_are_usable (&o, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  if ((project = import_inputs (&o, &error)) == NULL || !gr_project_save (project, o.output, &error))
    return gr_cli_fail (error->domain == G_OPTION_ERROR ? EXIT_USAGE : EXIT_DATA, error->message);
  print_warnings (project);
  return EXIT_OK;
}

static GrProject *
load_inputs (const Options *o, GError **error)
{
  const char *first = o->inputs[0];
  gboolean project = o->inputs[1] == NULL && strchr (first, '=') == NULL && !gr_path_is_osm (first);

  if (o->scenario != NULL && !project)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--scenario needs a project file (.gpkg), where scenarios are kept"));
      return NULL;
    }
  if (o->scenario != NULL)
    return gr_cli_load_scenario (first, o->scenario, error);
  if (project)
    return gr_project_load (first, error);
  if (!inputs_are_usable (o, error))
    return NULL;
  return import_inputs (o, error);
}

static gboolean
criteria_are_valid (const GrCriteria *c, GError **error)
{
  if (!(c->resolution >= 0.5 && c->resolution <= 1000))
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("--resolution must be between 0.5 and 1000 metres"));
  else if (!(c->green_radius >= 0 && c->park_radius >= 0 && c->green_radius <= 1e5
             && c->park_radius <= 1e5))
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("radii must be between 0 and 100,000 metres"));
  else if (!(c->green_min_area >= 0 && c->park_min_area >= 0 && isfinite (c->green_min_area)
             && isfinite (c->park_min_area)))
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("minimum areas must be zero or more square metres"));
  else if (!(c->access_distance >= 0 && c->access_distance <= 1000
             && c->attach_distance >= 0 && c->attach_distance <= 1000
             && c->snap >= 0 && c->snap <= 100))
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("--access-distance and --attach-distance must be between 0 and 1000 metres, "
                   "--snap between 0 and 100"));
  else
    return TRUE;
  return FALSE;
}

static gboolean
parse_mode (Options *o, GError **error)
{
  if (!gr_cli_parse_mode (o->mode, &o->criteria.walking, error))
    return FALSE;
  if (o->criteria.walking && o->exact)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--exact measures straight-line distance only; drop it for --mode walking"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_rules (GrProject *project, const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  GrServiceRules *rules;

  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN, "%s", local->message);
      return FALSE;
    }
  if ((rules = gr_service_rules_parse (text, &local)) == NULL)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID, "%s: %s", path, local->message);
      return FALSE;
    }
  gr_service_rules_free (project->rules);
  project->rules = rules;
  return TRUE;
}

static int
report (const Options *o, GrProject *project)
{
  g_autoptr (GError) error = NULL;
  GrEvaluation evaluation;
  g_autofree char *text = NULL;
  GrCliEvaluation r = { project, &o->criteria, o->exact, &evaluation, o->scenario };

  if (!gr_project_evaluate (project, &o->criteria, o->exact, &evaluation, &error))
    return gr_cli_fail (EXIT_DATA, error->message);
  text = o->json ? gr_cli_evaluation_to_json (&r) : gr_cli_evaluation_to_table (&r);
  fputs (text, stdout);
  if (o->json)
    fputc ('\n', stdout);
  gr_evaluation_clear (&evaluation);
  return EXIT_OK;
}

static int
run_analyze (int argc, char **argv)
{
  g_auto (Options) o = { 0 };
  g_autoptr (GOptionContext) context = g_option_context_new (_("PROJECT.gpkg | ROLE=PATH[:LAYER]… | OSMFILE"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = NULL;
  int status;

  gr_criteria_init_default (&o.criteria);
  g_option_context_set_summary (context, _("Residents within 300 m of green space and 500 m of a park."));
  add_import_entries (context, &o);
  add_analyze_entries (context, &o);
  if ((status = parse (context, &argc, &argv)) != EXIT_OK)
    return status;
  if (o.inputs == NULL || o.inputs[0] == NULL)
    return gr_cli_fail (EXIT_USAGE, _("no input given"));
  if (!parse_mode (&o, &error) || !criteria_are_valid (&o.criteria, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  if ((project = load_inputs (&o, &error)) == NULL
      || (o.rules != NULL && !load_rules (project, o.rules, &error)))
    return gr_cli_fail (error->domain == G_OPTION_ERROR ? EXIT_USAGE : EXIT_DATA, error->message);
  print_warnings (project);
  return report (&o, project);
}

static void
usage (FILE *to)
{
  fprintf (to,
           "%s\n\n  greenreach-cli import %s\n  greenreach-cli analyze %s\n  greenreach-cli indicators %s\n"
           "  greenreach-cli targets %s\n  greenreach-cli scenario %s\n  greenreach-cli render %s\n"
           "  greenreach-cli report %s\n\n%s\n",
           _("Usage:"), _("ROLE=PATH[:LAYER]… | OSMFILE -o PROJECT.gpkg"),
           _("PROJECT.gpkg | ROLE=PATH[:LAYER]… | OSMFILE [OPTION…]"),
           _("PROJECT.gpkg [--scenario NAME] [--targets SET] [--json|--csv]"),
           _("PROJECT.gpkg [INDICATOR VALUE|none] [--strict]"),
           _("list|create|rename|delete|add-park|remove|undo|redo|export PROJECT.gpkg [NAME] [OPTION…]"),
           _("PROJECT.gpkg [--scenario NAME] [--bbox MINX,MINY,MAXX,MAXY] [--width PX --height PX] -o MAP.png|svg"),
           _("PROJECT.gpkg [--scenario NAME]… [--targets SET] [--paper A4|A3] [--orientation landscape|portrait] "
             "-o REPORT.pdf"),
           _("Run “greenreach-cli COMMAND --help” for the options of a command."));
}

int
main (int argc, char **argv)
{
  gr_runtime_init_i18n ();
  if (argc < 2)
    {
      usage (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "import"))
    return run_import (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "analyze") || g_str_equal (argv[1], "analyse"))
    return run_analyze (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "targets"))
    return gr_cli_targets (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "indicators"))
    return gr_cli_indicators (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "render"))
    return gr_cli_render (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "report"))
    return gr_cli_report (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "scenario"))
    return gr_cli_scenario (argc - 1, argv + 1);
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
  g_printerr (_("greenreach-cli: unknown command “%s”\n"), argv[1]);
  usage (stderr);
  return EXIT_USAGE;
}
