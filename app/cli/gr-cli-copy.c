/* gr-cli-copy.c — greenreach-cli copy: a project from a file into a
 * database's schema, where several analysts share it, or back into a file
 * (gr-project-copy.h)
 *
 *   copy PROJECT.gpkg PG:"host=… dbname=…" schema=NAME [--replace]
 *   copy PG:"host=… dbname=… schema=NAME" COPY.gpkg [--replace]
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-pg.h"
#include "gr-project-copy.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  GrCliOptions common;
  gboolean     replace;
  char        *schema;
} Options;

static void
options_clear (Options *o)
{
  gr_cli_options_clear (&o->common);
  g_free (o->schema);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
options_parse (Options *o, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("FROM TO"));
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &o->replace,
      N_ ("Write over a project already at the destination"), NULL },
    { "schema", 0, 0, G_OPTION_ARG_STRING, &o->schema,
      N_ ("The database schema the project is in or goes to (or schema=NAME after the "
          "connection)"),
      "NAME" },
    gr_cli_entry (&o->common, GR_CLI_ARGS),
    { NULL },
  };

  gr_cli_options_init (&o->common);
  g_option_context_set_summary (
      context,
      _ ("Copy a project whole — layers, roles, rules, scenarios with their history, targets "
         "and layer styles — from a project file into a database's schema, where several "
         "analysts open and change it at once, or from a database back into a file.\n\nA "
         "project in a database is named by GDAL's connection and its schema: "
         "PG:\"host=… dbname=… user=…\" schema=NAME. The schema is created; one that holds "
         "other tables is not written to."));
  return gr_cli_parse_options (context, entries, argc, argv);
}

/* The arguments as locations: a connection takes the schema= word after
 * it, or --schema. */
static GPtrArray *
locations (const Options *o, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  char *const *args = o->common.args;

  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      const char *schema = o->schema;

      if (!gr_pg_is_connection (args[i]))
        {
          g_ptr_array_add (out, g_strdup (args[i]));
          continue;
        }
      if (args[i + 1] != NULL && g_str_has_prefix (args[i + 1], "schema="))
        schema = args[++i] + strlen ("schema=");
      if (schema != NULL && *schema == '\0')
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _ ("schema= needs a name"));
          return NULL;
        }
      g_ptr_array_add (out, schema != NULL ? gr_pg_project_location (args[i], schema)
                                           : g_strdup (args[i]));
    }
  if (out->len != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _ ("copy needs where the project is and where it goes: "
                              "PROJECT.gpkg PG:\"host=… dbname=…\" schema=NAME, or back"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

int
gr_cli_copy (int argc, char **argv)
{
  g_auto (Options) o = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) where = NULL;
  g_autoptr (GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *shown = NULL;

  if (!options_parse (&o, &argc, &argv))
    return EXIT_USAGE;
  if ((where = locations (&o, &error)) == NULL)
    return gr_cli_fail (EXIT_USAGE, error->message);
  if (!gr_project_copy (g_ptr_array_index (where, 0), g_ptr_array_index (where, 1),
                        o.replace ? GR_PROJECT_COPY_REPLACE : GR_PROJECT_COPY_NONE, left_out,
                        &error))
    return gr_cli_fail_error (error);
  for (guint i = 0; i < left_out->len; i++)
    g_printerr (_ ("greenreach-cli: warning: %s\n"),
                (const char *) g_ptr_array_index (left_out, i));
  shown = gr_pg_redact_connection (g_ptr_array_index (where, 1));
  printf (_ ("Copied the project to %s\n"), shown);
  return EXIT_OK;
}
