/* gr-cli-analyze.c — greenreach-cli analyze: residents within reach of
 * green space and parks, for a project, one of its scenarios, or sources
 * imported on the fly; as a table or JSON
 *
 *   analyze PROJECT.gpkg | ROLE=PATH[:LAYER]… | OSMFILE [OPTION…]
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-cli-evaluation.h"
#include "gr-cli-open.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

/* Returns: %FALSE on a usage error, printed. */
static gboolean
options_parse (GrCliOptions *o, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context =
      g_option_context_new (_ ("PROJECT.gpkg | ROLE=PATH[:LAYER]… | OSMFILE"));
  GOptionEntry entries[] = {
    gr_cli_entry (o, GR_CLI_JSON),
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &o->scenario,
      N_ ("Analyse this scenario of the project file instead of its own data"), "NAME" },
    gr_cli_entry (o, GR_CLI_ARGS),
    { NULL },
  };

  gr_cli_options_init (o);
  g_option_context_set_summary (context,
                                _ ("Residents within 300 m of green space and 500 m of a park."));
  gr_cli_add_import_entries (context, &o->import);
  gr_cli_add_criteria_entries (context, &o->criteria);
  return gr_cli_parse_options (context, entries, argc, argv);
}

/* --rules FILE replaces the project's service-radius rule table. */
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
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID, "%s: %s", path,
                   local->message);
      return FALSE;
    }
  gr_service_rules_free (project->rules);
  project->rules = rules;
  return TRUE;
}

static int
print_evaluation (const GrCliOptions *o, GrProject *project)
{
  g_autoptr (GError) error = NULL;
  const GrCriteria *criteria = &o->criteria.values;
  GrEvaluation      evaluation;
  GrCliEvaluation   printed = { project, criteria, o->criteria.exact, &evaluation, o->scenario };
  g_autofree char  *text = NULL;

  if (!gr_project_evaluate (project, criteria, o->criteria.exact, &evaluation, &error))
    return gr_cli_fail (EXIT_DATA, error->message);
  text = o->json ? gr_cli_evaluation_to_json (&printed) : gr_cli_evaluation_to_table (&printed);
  fputs (text, stdout);
  if (o->json)
    fputc ('\n', stdout);
  gr_evaluation_clear (&evaluation);
  return EXIT_OK;
}

int
gr_cli_analyze (int argc, char **argv)
{
  g_auto (GrCliOptions) o = { 0 };
  g_auto (GrCliInput) input = { 0 };
  g_autoptr (GError) error = NULL;

  if (!options_parse (&o, &argc, &argv))
    return EXIT_USAGE;
  if (o.args == NULL || o.args[0] == NULL)
    return gr_cli_fail (EXIT_USAGE, _ ("no input given"));
  if (!gr_cli_criteria_check (&o.criteria, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  if (!gr_cli_input_open (&input, o.args, o.scenario, &o.import, NULL, &error)
      || (o.criteria.rules != NULL && !load_rules (input.project, o.criteria.rules, &error)))
    return gr_cli_fail_error (error);
  gr_cli_print_warnings (input.project);
  return print_evaluation (&o, input.project);
}
