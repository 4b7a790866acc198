/* gr-cli-open.c — what a command works on, and its analysis */
#include "config.h"

#include "gr-cli-open.h"

#include "gr-pg.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gboolean
is_source_spec (const char *arg)
{
  return strchr (arg, '=') != NULL;
}

/* A source that cannot be parsed is a mistake on the command line. */
static gboolean
source_spec_is_valid (const char *arg, GError **error)
{
  g_autoptr (GrSource) source = gr_source_parse (arg, error);

  if (source != NULL)
    return TRUE;
  error[0]->domain = G_OPTION_ERROR;
  error[0]->code = G_OPTION_ERROR_BAD_VALUE;
  return FALSE;
}

/**
 * gr_cli_sources_check:
 *
 * Problems with the command line itself — an unknown CRS, a bad
 * ROLE=PATH, a file that is neither, no input at all — found before
 * anything is read, as %G_OPTION_ERROR (a usage error).
 */
gboolean
gr_cli_sources_check (char *const *args, const GrCliImportOptions *import, GError **error)
{
  const char *codes = gr_cli_import_options_given_for_codes (import);
  gboolean    osm = FALSE;

  if (!gr_cli_import_options_check (import, error))
    return FALSE;
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    if (is_source_spec (args[i]))
      {
        g_autoptr (GrSource) source = NULL;

        if (!source_spec_is_valid (args[i], error))
          return FALSE;
        source = gr_source_parse (args[i], NULL);
        if (source->landuse)
          codes = NULL;
      }
    else if (gr_path_is_osm (args[i]))
      osm = TRUE;
    else
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _ ("“%s”: give an OSM file (.osm.pbf, .osm, .osm.gz), a project (.gpkg) "
                        "or ROLE=PATH[:LAYER]"),
                     args[i]);
        return FALSE;
      }
  if (args == NULL || args[0] == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _ ("no input given"));
      return FALSE;
    }
  /* An option nothing reads would leave the user believing it was used. */
  if (codes != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("%s is for a land-use layer (landuse=PATH), and none is given"), codes);
      return FALSE;
    }
  if (import->greenways != NULL && !osm)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--greenways is for an OpenStreetMap extract, and none is given"));
      return FALSE;
    }
  return TRUE;
}

/* OSM extracts are positional; every other source is ROLE=PATH[:LAYER]. */
GrProject *
gr_cli_sources_import (char *const *args, const GrCliImportOptions *import, GError **error)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_source_free);
  GrImportOptions options = gr_cli_import_options_get (import);
  const char     *osm = NULL;

  for (guint i = 0; args[i] != NULL; i++)
    {
      GrSource *source;

      if (!is_source_spec (args[i]) && gr_path_is_osm (args[i]) && osm == NULL)
        {
          osm = args[i];
          continue;
        }
      if ((source = gr_source_parse (args[i], error)) == NULL)
        return NULL;
      g_ptr_array_add (sources, source);
    }
  return gr_project_import (osm, sources->len > 0 ? sources : NULL, &options, error);
}

/* The project file at @path, with scenario @name's edits in force when
 * there is a name. */
static gboolean
open_project (GrCliInput *input, const char *path, const char *name, GError **error)
{
  g_autoptr (GrScenarioStore) store = NULL;

  if ((input->baseline = gr_project_load (path, error)) == NULL)
    return FALSE;
  input->project = input->baseline;
  if (name == NULL)
    return TRUE;
  if ((store = gr_scenario_store_open (path, input->baseline, GR_SCENARIO_STORE_READ, error))
          == NULL
      || (input->scenario = gr_scenario_store_find (store, name, error)) == NULL)
    return FALSE;
  gr_cli_print_left_out (input->scenario);
  input->project = gr_scenario_apply (input->scenario, input->baseline);
  return TRUE;
}

/* One argument that is neither ROLE=PATH nor an OSM extract is a project. */
static gboolean
args_are_project (char *const *args)
{
  return gr_cli_has_one_arg (args)
         && (gr_pg_is_connection (args[0])
             || (!is_source_spec (args[0]) && !gr_path_is_osm (args[0])));
}

static gboolean
open_args (GrCliInput               *input,
           char *const              *args,
           const char               *scenario,
           const GrCliImportOptions *import,
           GError                  **error)
{
  if (import == NULL || args_are_project (args))
    {
      const char *given = import != NULL ? gr_cli_import_options_given (import) : NULL;

      /* The project was imported already: the option would change nothing.
       * (Anything else fails to open as a project, and says so.) */
      if (given != NULL && (gr_pg_is_connection (args[0]) || gr_project_file_is_project (args[0])))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("%s is for reading sources, and %s is a project imported already: "
                          "import its sources again with the option"),
                       given, args[0]);
          return FALSE;
        }
      return open_project (input, args[0], scenario, error);
    }
  if (scenario != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--scenario needs a project file (.gpkg), where scenarios are kept"));
      return FALSE;
    }
  if (!gr_cli_sources_check (args, import, error))
    return FALSE;
  input->baseline = input->project = gr_cli_sources_import (args, import, error);
  return input->baseline != NULL;
}

/**
 * gr_cli_input_open:
 * @args: the command's arguments: one project file, or (when @import is
 *   given) sources to import: OSM extracts and ROLE=PATH[:LAYER]
 * @scenario: (nullable): a scenario of the project file to apply
 * @import: (nullable): how to read sources; %NULL: @args[0] is a project
 * @criteria: (nullable): what to analyse; %NULL: no analysis
 *
 * Fills @input, which the caller clears also on failure. Mistakes on the
 * command line fail with %G_OPTION_ERROR, see gr_cli_fail_error().
 */
gboolean
gr_cli_input_open (GrCliInput               *input,
                   char *const              *args,
                   const char               *scenario,
                   const GrCliImportOptions *import,
                   const GrCriteria         *criteria,
                   GError                  **error)
{
  g_return_val_if_fail (args != NULL && args[0] != NULL, FALSE);

  *input = (GrCliInput){ 0 };
  if (!open_args (input, args, scenario, import, error))
    return FALSE;
  if (criteria == NULL)
    return TRUE;
  if ((input->analysis = gr_project_build_analysis (input->project, criteria, NULL, error)) == NULL)
    {
      /* The analysis knows no file names: what it says is of this one. */
      if (error != NULL && *error != NULL && (*error)->domain != G_OPTION_ERROR
          && !g_str_has_prefix ((*error)->message, args[0]))
        g_prefix_error (error, "%s: ", gr_cli_has_one_arg (args) ? args[0] : _ ("the sources"));
      return FALSE;
    }
  return TRUE;
}

void
gr_cli_input_clear (GrCliInput *input)
{
  g_clear_pointer (&input->analysis, gr_analysis_free);
  if (input->project != input->baseline)
    g_clear_pointer (&input->project, gr_project_free);
  input->project = NULL;
  g_clear_pointer (&input->baseline, gr_project_free);
  g_clear_pointer (&input->scenario, gr_scenario_free);
}
