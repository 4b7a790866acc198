/* gr-cli-publish.c — greenreach-cli publish: a project's results written to
 * a PostGIS schema for the "一张图" systems and QGIS, replacing the last
 * publish there in one transaction (gr-publish.h)
 *
 *   publish PROJECT.gpkg PG:"host=… dbname=…" [--schema NAME] [--scenario NAME]…
 *           [--targets SET] [--mode MODE]
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-pg.h"
#include "gr-publish.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

typedef struct
{
  GrCliOptions common;
  char       **scenarios;
  char        *schema;
} Options;

static void
options_clear (Options *o)
{
  gr_cli_options_clear (&o->common);
  g_strfreev (o->scenarios);
  g_free (o->schema);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Returns: %FALSE on a usage error, printed. */
static gboolean
options_parse (Options *o, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("PROJECT.gpkg PG:CONNECTION"));
  GOptionEntry entries[] = {
    { "schema", 0, 0, G_OPTION_ARG_STRING, &o->schema,
      N_ ("The database schema to publish to (default: greenreach)"), "NAME" },
    { "scenario", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->scenarios,
      N_ ("A scenario to publish beside the baseline (repeat for more)"), "NAME" },
    gr_cli_entry (&o->common, GR_CLI_TARGETS),
    gr_cli_entry (&o->common, GR_CLI_MODE),
    gr_cli_entry (&o->common, GR_CLI_ARGS),
    { NULL },
  };

  gr_cli_options_init (&o->common);
  g_option_context_set_summary (
      context,
      _ ("Write the blind spots, the coverage and indicators of the city and each zone, the "
         "scenarios' candidate parks and suggested sites, and what run they came from to a "
         "PostGIS schema. A publish replaces the last one in the schema in one transaction: "
         "readers see the last run or the new one whole.\n\nThe connection is GDAL's "
         "(PG:host=… port=… dbname=… user=…); a password is best kept in ~/.pgpass or "
         "PGPASSFILE, or a service in PGSERVICE."));
  return gr_cli_parse_options (context, entries, argc, argv);
}

static void
show_progress (double fraction, const char *what, gpointer data)
{
  g_printerr ("greenreach-cli: %3.0f %% %s\n", fraction * 100, what);
}

int
gr_cli_publish (int argc, char **argv)
{
  g_auto (Options) o = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *shown = NULL;
  GrPublishOptions publish = { 0 };
  GrPublishCounts  counts;

  if (!options_parse (&o, &argc, &argv))
    return EXIT_USAGE;
  if (o.common.args == NULL || g_strv_length (o.common.args) != 2)
    return gr_cli_fail (EXIT_USAGE, _ ("publish needs a project file and a database connection "
                                       "(PG:\"host=… dbname=…\")"));
  if (!gr_pg_is_connection (o.common.args[1]))
    return gr_cli_fail (EXIT_USAGE, _ ("the second argument must be a database connection: "
                                       "PG:\"host=… dbname=…\""));
  /* PG:"…" schema=NAME names the schema as --schema does. */
  if (o.schema == NULL && gr_pg_has_schema (o.common.args[1]))
    o.schema = gr_pg_get_schema (o.common.args[1]);
  if (o.schema != NULL && *o.schema == '\0')
    return gr_cli_fail (EXIT_USAGE, _ ("--schema needs a name"));
  if (!gr_cli_parse_targets (o.common.targets, &publish.targets, &error)
      || !gr_cli_criteria_check (&o.common.criteria, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  publish.project = o.common.args[0];
  publish.scenarios = (const char *const *) o.scenarios;
  publish.criteria = &o.common.criteria.values;
  publish.schema = o.schema;
  publish.left_out = left_out;
  if (!gr_publish (&publish, o.common.args[1], &counts, show_progress, NULL, &error))
    return gr_cli_fail (EXIT_DATA, error->message);
  for (guint i = 0; i < left_out->len; i++)
    g_printerr (_ ("greenreach-cli: warning: %s\n"),
                (const char *) g_ptr_array_index (left_out, i));
  shown = gr_pg_redact_connection (o.common.args[1]);
  /* TRANSLATORS: the schema, the connection (without its password), then counts */
  printf (_ ("Published to schema “%s” of %s: %u coverage regions, %u zone rows, %u indicator "
             "rows, %u candidate parks, %u suggested sites\n"),
          o.schema != NULL ? o.schema : GR_PUBLISH_DEFAULT_SCHEMA, shown, counts.regions,
          counts.zones, counts.indicators, counts.candidates, counts.suggested);
  return EXIT_OK;
}
