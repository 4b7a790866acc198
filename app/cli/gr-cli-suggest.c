/* gr-cli-suggest.c — greenreach-cli suggest: where the next parks should
 * go, with the existing parks kept
 *
 *   suggest PROJECT.gpkg [--scenario NAME] (--count K | --target KEY=VALUE)
 *           [--sites auto|layer|FILE[:LAYER]] [--area M2] [--shape square|circle]
 *           [--mode straight-line|walking] [--objective residents|area|service-rate]
 *           [--spacing M] [--exact [--time-limit S]] [--apply NEW-SCENARIO] [--json]
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-cli-evaluation.h"
#include "gr-cli-open.h"
#include "gr-format.h"
#include "gr-gdal.h"
#include "gr-pg.h"
#include "gr-site-suggestion.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

typedef struct
{
  GrCliOptions common;
  int          count;
  char        *target;
  char        *sites;
  double       area;
  char        *shape;
  char        *objective;
  double       spacing;
  gboolean     exact;
  double       seconds;
  char        *apply;
} Options;

static void
options_clear (Options *o)
{
  gr_cli_options_clear (&o->common);
  g_free (o->target);
  g_free (o->sites);
  g_free (o->shape);
  g_free (o->objective);
  g_free (o->apply);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
options_parse (Options *o, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("PROJECT.gpkg"));
  GOptionEntry entries[] = {
    gr_cli_entry (&o->common, GR_CLI_SCENARIO),
    { "count", 0, 0, G_OPTION_ARG_INT, &o->count, N_ ("The number of new parks to place"), "K" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &o->target,
      N_ ("The fewest new parks to reach a share: service_rate, green300 or park500 (of "
          "residential land), e.g. service_rate=0.85"),
      "KEY=VALUE" },
    { "sites", 0, 0, G_OPTION_ARG_STRING, &o->sites,
      N_ ("Candidates: auto (usable land the project knows, the default), layer (its sites "
          "layer) or a file of plots"),
      "auto|layer|FILE[:LAYER]" },
    { "area", 0, 0, G_OPTION_ARG_DOUBLE, &o->area,
      N_ ("A park of this area in each plot (400–10,000 m²; default 3,000 for auto, each plot's "
          "own outline otherwise)"),
      "M2" },
    { "shape", 0, 0, G_OPTION_ARG_STRING, &o->shape, N_ ("The new parks' shape"), "square|circle" },
    gr_cli_entry (&o->common, GR_CLI_MODE),
    { "objective", 0, 0, G_OPTION_ARG_STRING, &o->objective,
      N_ ("What to serve the most of: residents or residential area out of the blind spots "
          "(300 m to green, 500 m to a park), or the service-radius coverage rate"),
      "residents|area|service-rate" },
    { "spacing", 0, 0, G_OPTION_ARG_DOUBLE, &o->spacing,
      N_ ("The least distance between new parks' centres, metres"), "M" },
    { "exact", 0, 0, G_OPTION_ARG_NONE, &o->exact,
      N_ ("Solve the integer program (GLPK) and say whether it is optimal"), NULL },
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &o->seconds,
      N_ ("--exact: stop after this many seconds with the best bound and gap (default 60)"), "S" },
    { "apply", 0, 0, G_OPTION_ARG_STRING, &o->apply,
      N_ ("Write the sites as candidate parks into a new scenario, one edit each"), "NAME" },
    gr_cli_entry (&o->common, GR_CLI_JSON),
    gr_cli_entry (&o->common, GR_CLI_ARGS),
    { NULL },
  };

  gr_cli_options_init (&o->common);
  o->seconds = 60;
  g_option_context_set_summary (
      context, _ ("Where new parks serve the most, with the existing parks and green space kept."));
  return gr_cli_parse_options (context, entries, argc, argv);
}

static gboolean
usage_error (GError **error, const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return FALSE;
}

/* service_rate=0.85, green300=90%, park500=0.9 */
static gboolean
parse_target (const char *text, GrSiteOptions *s, GError **error)
{
  g_auto (GStrv) kv = g_strsplit (text, "=", 2);
  char  *end = NULL;
  double value;

  if (g_strv_length (kv) != 2)
    return usage_error (error, _ ("--target takes KEY=VALUE, e.g. service_rate=0.85"));
  value = g_ascii_strtod (kv[1], &end);
  if (end != NULL && *end == '%')
    value /= 100, end++;
  else if (value > 1)
    value /= 100;
  if (end == kv[1] || (end != NULL && *end != '\0') || !(value > 0 && value <= 1))
    return usage_error (error, _ ("--target's value is a share: 0.85 or 85%"));
  s->weight = GR_SUGGEST_BY_AREA;
  if (g_str_equal (kv[0], "service_rate"))
    s->cover = GR_SUGGEST_SERVICE;
  else if (g_str_equal (kv[0], "green300"))
    s->cover = GR_SUGGEST_GREEN;
  else if (g_str_equal (kv[0], "park500"))
    s->cover = GR_SUGGEST_PARK;
  else
    return usage_error (error, _ ("--target's key is service_rate, green300 or park500"));
  s->target = value;
  return TRUE;
}

static gboolean
parse_objective (const char *text, gboolean has_people, GrSiteOptions *s, GError **error)
{
  s->cover = GR_SUGGEST_BLIND_SPOTS;
  s->weight = has_people ? GR_SUGGEST_BY_RESIDENTS : GR_SUGGEST_BY_AREA;
  if (text == NULL)
    return TRUE;
  if (g_str_equal (text, "residents"))
    {
      if (!has_people)
        return usage_error (error, _ ("--objective residents needs a population layer; the "
                                      "project has no residents"));
      s->weight = GR_SUGGEST_BY_RESIDENTS;
    }
  else if (g_str_equal (text, "area"))
    s->weight = GR_SUGGEST_BY_AREA;
  else if (g_str_equal (text, "service-rate"))
    s->cover = GR_SUGGEST_SERVICE, s->weight = GR_SUGGEST_BY_AREA;
  else
    return usage_error (error, _ ("--objective is residents, area or service-rate"));
  return TRUE;
}

static gboolean
options_check (const Options *o, gboolean has_people, GrSiteOptions *s, GError **error)
{
  gr_site_options_init (s);
  if ((o->count > 0) == (o->target != NULL))
    return usage_error (error, _ ("give either --count K or --target KEY=VALUE"));
  if (o->target != NULL && o->objective != NULL)
    return usage_error (error, _ ("--target decides what is measured; drop --objective"));
  if (o->count > 1000)
    return usage_error (error, _ ("--count is at most 1,000"));
  if (o->area != 0 && !(o->area >= GR_SITE_MIN_AREA && o->area <= GR_SITE_MAX_AREA))
    return usage_error (error, _ ("--area is a pocket park's: 400 to 10,000 m²"));
  if (o->shape != NULL && !g_str_equal (o->shape, "square") && !g_str_equal (o->shape, "circle"))
    return usage_error (error, _ ("--shape is square or circle"));
  if (!(o->spacing >= 0 && o->spacing <= 10000))
    return usage_error (error, _ ("--spacing is 0 to 10,000 m"));
  if (!(o->seconds > 0 && o->seconds <= 86400))
    return usage_error (error, _ ("--time-limit is 1 second to a day"));
  if (o->target != NULL ? !parse_target (o->target, s, error)
                        : !parse_objective (o->objective, has_people, s, error))
    return FALSE;
  s->count = (guint) MAX (o->count, 0);
  s->area_m2 = o->area;
  s->circle = g_strcmp0 (o->shape, "circle") == 0;
  s->spacing = o->spacing;
  s->exact = o->exact;
  s->seconds = o->seconds;
  return TRUE;
}

/* --sites FILE[:LAYER]: the plots read into the project's CRS, near its
 * layers (@name: what messages call the project). */
static GrProject *
import_plots (const char *spec, GrProject *project, const char *name, GError **error)
{
  g_autofree char *arg = g_strconcat ("sites=", spec, NULL);
  g_autofree char *shown = gr_pg_redact_connection (name);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  GrImportOptions options = {
    .crs = project->crs_wkt, .no_estimate = TRUE, .near_extent = project->extent, .near_name = shown
  };
  GrSource *source = gr_source_parse (arg, error);

  if (source == NULL)
    return NULL;
  g_ptr_array_add (sources, source);
  return gr_project_import (NULL, sources, &options, error);
}

/* ---- printing ---------------------------------------------------------------- */

static const char *
objective_key (const GrSiteOptions *s)
{
  switch (s->cover)
    {
    case GR_SUGGEST_SERVICE:
      return "service-rate";
    case GR_SUGGEST_GREEN:
      return "green300";
    case GR_SUGGEST_PARK:
      return "park500";
    case GR_SUGGEST_BLIND_SPOTS:
    default:
      return s->weight == GR_SUGGEST_BY_RESIDENTS ? "residents" : "area";
    }
}

static const char *
objective_label (const GrSiteOptions *s)
{
  switch (s->cover)
    {
    case GR_SUGGEST_SERVICE:
      return _ ("service-radius coverage rate");
    case GR_SUGGEST_GREEN:
      return _ ("green within 300 m");
    case GR_SUGGEST_PARK:
      return _ ("a park within 500 m");
    case GR_SUGGEST_BLIND_SPOTS:
    default:
      return s->weight == GR_SUGGEST_BY_RESIDENTS ? _ ("residents out of blind spots")
                                                  : _ ("residential land out of blind spots");
    }
}

/* The residents and land a site serves, in the objective's terms. */
static const GrAmount *
objective_amount (const GrSiteOptions *s, const GrSuggestGain *g)
{
  switch (s->cover)
    {
    case GR_SUGGEST_SERVICE:
      return &g->service;
    case GR_SUGGEST_GREEN:
      return &g->green;
    case GR_SUGGEST_PARK:
      return &g->park;
    case GR_SUGGEST_BLIND_SPOTS:
    default:
      return &g->blind_spots;
    }
}

static double
pp (double area, const GrSummary *before)
{
  return before->residential.area_m2 > 0 ? 100 * area / before->residential.area_m2 : 0;
}

typedef struct
{
  GrProject                   *project;
  const GrCliOptions          *common;
  const GrSiteOptions         *options;
  const GrSiteSuggestion      *result;
  OGRCoordinateTransformationH to_lonlat;
} Printed;

static void
add_site (JsonBuilder *b, const Printed *p, const GrSite *site)
{
  const GrAmount *amount = objective_amount (p->options, &site->gain);
  double          lon = site->x, lat = site->y;
  gboolean        known = p->to_lonlat != NULL && OCTTransform (p->to_lonlat, 1, &lon, &lat, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rank");
  json_builder_add_int_value (b, site->rank);
  gr_cli_json_add_number (b, "x", site->x);
  gr_cli_json_add_number (b, "y", site->y);
  gr_cli_json_add_number (b, "lon", known ? lon : NAN);
  gr_cli_json_add_number (b, "lat", known ? lat : NAN);
  gr_cli_json_add_number (b, "area_m2", site->area_m2);
  json_builder_set_member_name (b, "gain");
  json_builder_begin_object (b);
  gr_cli_json_add_number (b, "residents", amount->population);
  gr_cli_json_add_number (b, "residential_area_m2", amount->area_m2);
  gr_cli_json_add_number (b, "service_rate_pp",
                          pp (site->gain.service.area_m2, &p->result->before));
  gr_cli_json_add_number (b, "green300_pp", pp (site->gain.green.area_m2, &p->result->before));
  gr_cli_json_add_number (b, "park500_pp", pp (site->gain.park.area_m2, &p->result->before));
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_coverage (JsonBuilder *b, const Printed *p, const char *name, const GrSummary *s)
{
  GrEvaluation    evaluation = { 0 };
  GrCliEvaluation ev = { p->project, &p->common->criteria.values, FALSE, &evaluation, NULL };

  evaluation.has_population = p->result->before.residential.population > 0;
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  gr_cli_evaluation_add_summary (b, &ev, s);
  json_builder_end_object (b);
}

static char *
to_json (const Printed *p)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  const GrSiteSuggestion *r = p->result;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, r->exact && r->optimum.feasible ? "exact" : "greedy");
  json_builder_set_member_name (b, "objective");
  json_builder_add_string_value (b, objective_key (p->options));
  json_builder_set_member_name (b, "mode");
  json_builder_add_string_value (b,
                                 p->common->criteria.values.walking ? "walking" : "straight-line");
  json_builder_set_member_name (b, "candidates");
  json_builder_add_int_value (b, r->n_candidates);
  if (!isnan (p->options->target))
    {
      gr_cli_json_add_number (b, "target", p->options->target);
      json_builder_set_member_name (b, "reached");
      json_builder_add_boolean_value (b, r->reached);
    }
  json_builder_set_member_name (b, "sites");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->sites->len; i++)
    add_site (b, p, &g_array_index (r->sites, GrSite, i));
  json_builder_end_array (b);
  add_coverage (b, p, "before", &r->before);
  add_coverage (b, p, "after", &r->after);
  if (r->exact)
    {
      json_builder_set_member_name (b, "optimum");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "optimal");
      json_builder_add_boolean_value (b, r->optimum.optimal);
      gr_cli_json_add_number (b, "objective", r->optimum.objective);
      gr_cli_json_add_number (b, "bound", r->optimum.bound);
      gr_cli_json_add_number (b, "gap", r->optimum.gap);
      gr_cli_json_add_number (b, "greedy", r->greedy_value);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

static double
served_after (const GrSiteSuggestion *r)
{
  double served = r->served_before;

  for (guint i = 0; i < r->sites->len; i++)
    served += g_array_index (r->sites, GrSite, i).value;
  return served;
}

static void
print_table (const Printed *p)
{
  const GrSiteSuggestion *r = p->result;
  const GrSummary        *a = &r->before, *z = &r->after;
  g_autoptr (GString) out = g_string_new (NULL);

  /* TRANSLATORS: how many sites were ranked out of how many candidates */
  g_string_append_printf (out, _ ("%u sites from %u candidates (%s, %s)\n"), r->sites->len,
                          r->n_candidates, objective_label (p->options),
                          p->common->criteria.values.walking ? _ ("walking distance")
                                                             : _ ("straight-line distance"));
  g_string_append (out, "  ");
  gr_format_pad (out, "#", -3);
  gr_format_pad (out, "X", -13);
  gr_format_pad (out, "Y", -13);
  gr_format_pad (out, "m²", -10);
  gr_format_pad (out, _ ("residents"), -10);
  gr_format_pad (out, _ ("land (m²)"), -11);
  gr_format_pad (out, _ ("service"), -11);
  gr_format_pad (out, _ ("green"), -10);
  gr_format_pad (out, _ ("park"), -10);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < r->sites->len; i++)
    {
      const GrSite   *s = &g_array_index (r->sites, GrSite, i);
      const GrAmount *m = objective_amount (p->options, &s->gain);

      g_string_append_printf (
          out, "  %3u %12.1f %12.1f %9.0f %9.0f %10.0f %+7.2f pp %+6.2f pp %+6.2f pp\n", s->rank,
          s->x, s->y, s->area_m2, m->population, m->area_m2, pp (s->gain.service.area_m2, a),
          pp (s->gain.green.area_m2, a), pp (s->gain.park.area_m2, a));
    }
  g_string_append_printf (out, _ ("Service-radius coverage rate: %.2f%% → %.2f%%\n"),
                          pp (a->service.area_m2, a), pp (z->service.area_m2, a));
  g_string_append_printf (out,
                          _ ("Green within 300 m: %.2f%% → %.2f%%; a park within 500 m: "
                             "%.2f%% → %.2f%%\n"),
                          pp (a->green.area_m2, a), pp (z->green.area_m2, a),
                          pp (a->park.area_m2, a), pp (z->park.area_m2, a));
  if (a->residential.population > 0)
    g_string_append_printf (out, _ ("Residents in blind spots: %.0f → %.0f\n"),
                            a->neither.population, z->neither.population);
  if (!isnan (p->options->target))
    g_string_append_printf (
        out,
        r->reached ? _ ("The target %.1f%% is reached.\n")
                   : _ ("The candidates cannot reach the target %.1f%%: they get to %.2f%%.\n"),
        100 * p->options->target, r->total > 0 ? 100 * served_after (r) / r->total : 0);
  if (r->exact)
    g_string_append_printf (
        out,
        r->optimum.optimal ? _ ("Exact: optimal (objective %.1f; greedy %.1f).\n")
                           : _ ("Exact: best found %.1f, bound %.1f, gap %.2f%% (time limit).\n"),
        r->optimum.objective, r->optimum.optimal ? r->greedy_value : r->optimum.bound,
        100 * r->optimum.gap);
  fputs (out->str, stdout);
}

/* ---- the command ------------------------------------------------------------ */

static int
apply (const Options *o, GrCliInput *input, const GrSiteSuggestion *result)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenarioStore) store =
      gr_scenario_store_open (o->common.args[0], input->baseline, GR_SCENARIO_STORE_WRITE, &error);
  g_autoptr (GrScenario) scenario = NULL;

  if (store == NULL)
    return gr_cli_fail_error (error);
  scenario = input->scenario != NULL ? gr_scenario_copy (input->scenario, o->apply)
                                     : gr_scenario_new (o->apply);
  gr_site_suggestion_add_to (result, scenario, input->baseline);
  if (!gr_scenario_store_add (store, scenario, &error))
    return gr_cli_fail_error (error);
  if (!o->common.json)
    printf (_ ("Scenario “%s” made with %u suggested sites.\n"), o->apply, result->sites->len);
  return EXIT_OK;
}

static gboolean
choose_sites (const Options *o,
              GrCliInput    *input,
              GrProject    **plots,
              GrSiteOptions *s,
              GError       **error)
{
  if (o->sites == NULL || g_str_equal (o->sites, "auto"))
    return TRUE;
  if (g_str_equal (o->sites, "layer"))
    {
      s->sites = input->project->layers[GR_ROLE_SITES];
      if (s->sites == NULL || s->sites->features->len == 0)
        {
          g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY,
                       _ ("%s has no sites layer: import plots with sites=PATH, or use --sites "
                          "auto or a file"),
                       o->common.args[0]);
          return FALSE;
        }
      return TRUE;
    }
  if ((*plots = import_plots (o->sites, input->project, o->common.args[0], error)) == NULL)
    return FALSE;
  s->sites = (*plots)->layers[GR_ROLE_SITES];
  if (s->sites == NULL || s->sites->features->len == 0)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_EMPTY, _ ("%s: no plots in it"),
                   o->sites);
      return FALSE;
    }
  return TRUE;
}

/* Parks too small for the rule table cannot raise the service-radius rate. */
static void
warn_no_service_radius (GrProject *project, const GrSiteOptions *s)
{
  double area = s->area_m2 > 0 ? s->area_m2 : s->sites == NULL ? GR_SITE_DEFAULT_AREA : 0;

  if (s->cover == GR_SUGGEST_SERVICE && area > 0
      && !(gr_service_rules_radius (project->rules, area, FALSE) > 0))
    g_printerr (_ ("greenreach-cli: a park of %g m² has no service radius in the rule table: no "
                   "site of that size raises the service-radius coverage rate\n"),
                area);
}

int
gr_cli_suggest (int argc, char **argv)
{
  g_auto (Options) o = { 0 };
  g_auto (GrCliInput) input = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) plots = NULL;
  GrSiteOptions    s;
  GrSiteSuggestion result;
  GrSummary        now;
  Printed          printed;
  int              status = EXIT_OK;

  if (!options_parse (&o, &argc, &argv))
    return EXIT_USAGE;
  if (!gr_cli_has_one_arg (o.common.args))
    return gr_cli_fail (EXIT_USAGE, _ ("suggest needs one project file"));
  if (!gr_cli_criteria_check (&o.common.criteria, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  if (!gr_cli_input_open (&input, o.common.args, o.common.scenario, NULL, &o.common.criteria.values,
                          &error))
    return gr_cli_fail_error (error);
  gr_analysis_summarize (input.analysis, -1, &now);
  if (!options_check (&o, now.residential.population > 0, &s, &error)
      || !choose_sites (&o, &input, &plots, &s, &error))
    return gr_cli_fail_error (error);
  warn_no_service_radius (input.project, &s);
  if (!gr_site_suggestion_run (input.project, input.analysis, &s, &result, &error))
    {
      g_prefix_error (&error, "%s: ", o.common.args[0]);
      return gr_cli_fail_error (error);
    }
  printed = (Printed){ input.project, &o.common, &s, &result, NULL };
  {
    g_auto (OGRSpatialReferenceH) from = gr_srs_new_from_user (input.project->crs_wkt);
    g_auto (OGRSpatialReferenceH) to = gr_srs_new_from_user ("EPSG:4326");

    printed.to_lonlat =
        from != NULL && to != NULL ? OCTNewCoordinateTransformation (from, to) : NULL;
  }
  if (o.common.json)
    {
      g_autofree char *text = to_json (&printed);

      puts (text);
    }
  else
    print_table (&printed);
  if (printed.to_lonlat != NULL)
    OCTDestroyCoordinateTransformation (printed.to_lonlat);
  if (o.apply != NULL)
    status = apply (&o, &input, &result);
  gr_site_suggestion_clear (&result);
  return status;
}
