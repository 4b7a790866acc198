/* gr-cli-import.c — greenreach-cli import: layers into a project file
 *
 *   import ROLE=PATH[:LAYER]… | OSMFILE -o PROJECT.gpkg [--crs …]
 *   reimport PROJECT.gpkg: the same import again, scenarios kept
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-cli-open.h"
#include "gr-project-file.h"
#include "gr-reimport.h"
#include "gr-targets-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* What a project file at @path holds that an import over it would drop:
 * its scenarios and its own targets, said in one phrase; NULL for none,
 * and NULL with @error when it cannot be read (a newer version, a damaged
 * file): then what it holds is not known. */
static char *
what_would_be_dropped (const char *path, GError **error)
{
  g_autoptr (GrProject) old = gr_project_load (path, error);
  g_autoptr (GrScenarioStore) store =
      old != NULL ? gr_scenario_store_open (path, old, GR_SCENARIO_STORE_READ, error) : NULL;
  g_autoptr (GPtrArray) scenarios = store != NULL ? gr_scenario_store_load (store, error) : NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  GrTarget targets[GR_N_INDICATORS];
  guint    n_targets = 0;

  if (scenarios == NULL || !gr_project_targets_load (path, targets, error))
    return NULL;
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    n_targets += !isnan (targets[i].value);
  for (guint i = 0; scenarios != NULL && i < scenarios->len; i++)
    {
      GrScenario *s = g_ptr_array_index (scenarios, i);

      /* TRANSLATORS: a scenario and its number of edits, e.g. “Plan A” (4 edits) */
      g_string_append_printf (
          text,
          g_dngettext (GETTEXT_PACKAGE, "%s“%s” (%u edit)", "%s“%s” (%u edits)", s->edits->len),
          i > 0 ? ", " : "", s->name, s->edits->len);
    }
  if (n_targets > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "%s%u target of the project's own",
                                         "%s%u targets of the project's own", n_targets),
                            text->len > 0 ? "; " : "", n_targets);
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* An import writes a new project: over a file that is not a project, or
 * one with scenarios or targets, only with --force. */
static gboolean
check_output (const char *path, gboolean force, GError **error)
{
  g_autofree char *dropped = NULL;
  g_autoptr (GError) unread = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (gr_project_file_is_read_only (path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_READ_ONLY,
                   _ ("%s: the file or its folder is read-only: nothing was written"), path);
      return FALSE;
    }
  if (!gr_project_file_is_project (path))
    {
      if (force)
        return TRUE;
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("%s exists and is not a Greenreach project: not overwritten (give --force "
                      "to replace it)"),
                   path);
      return FALSE;
    }
  if ((dropped = what_would_be_dropped (path, &unread)) == NULL && unread == NULL)
    return TRUE;
  if (dropped == NULL)
    {
      if (force)
        {
          g_printerr (_ ("greenreach-cli: replacing %s, which could not be read: %s\n"), path,
                      unread->message);
          return TRUE;
        }
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("%s is a Greenreach project whose scenarios could not be read (%s): not "
                      "overwritten (give --force to replace it)"),
                   path, unread->message);
      return FALSE;
    }
  if (!force)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE,
                   _ ("%s holds %s: a new import over it would drop them. Import into another "
                      "file, or give --force to replace it"),
                   path, dropped);
      return FALSE;
    }
  g_printerr (_ ("greenreach-cli: replacing %s: dropped %s\n"), path, dropped);
  return TRUE;
}

int
gr_cli_import (int argc, char **argv)
{
  g_auto (GrCliOptions) o = { 0 };
  gboolean     force = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_ ("Project file to write"),
      "PROJECT.gpkg" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_ ("Replace the project file even if it holds scenarios or targets (says what is "
          "dropped)"),
      NULL },
    gr_cli_entry (&o, GR_CLI_ARGS),
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new (_ ("ROLE=PATH[:LAYER]… | OSMFILE -o PROJECT.gpkg"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) project = NULL;

  gr_cli_options_init (&o);
  g_option_context_set_summary (context, _ ("Import layers into a project file (GeoPackage)."));
  gr_cli_add_import_entries (context, &o.import);
  if (!gr_cli_parse_options (context, entries, &argc, &argv))
    return EXIT_USAGE;
  if (o.output == NULL)
    return gr_cli_fail (EXIT_USAGE, _ ("no project file given: use -o PROJECT.gpkg"));
  if (!gr_cli_sources_check (o.args, &o.import, &error))
    return gr_cli_fail_error (error);
  /* Checked before the import, which can take minutes. */
  if (!check_output (o.output, force, &error))
    return gr_cli_fail_error (error);
  if ((project = gr_cli_sources_import (o.args, &o.import, &error)) == NULL
      || !gr_project_save (project, o.output, &error))
    return gr_cli_fail_error (error);
  gr_cli_print_warnings (project);
  return EXIT_OK;
}

int
gr_cli_reimport (int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("PROJECT.gpkg"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GrProject) project = NULL;

  g_option_context_set_summary (
      context, _ ("Import the project's sources again, as its first import read them (next "
                  "year's delivery put where this year's was), keeping its scenarios and "
                  "targets. Edits of features that changed or are gone are left out and said."));
  if (!gr_cli_parse_options (context, entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    return gr_cli_fail (EXIT_USAGE, _ ("give one project file"));
  if ((project = gr_project_reimport (argv[1], NULL, notes, &error)) == NULL)
    return gr_cli_fail_error (error);
  gr_cli_print_warnings (project);
  for (guint i = 0; i < notes->len; i++)
    g_printerr ("greenreach-cli: %s\n", (const char *) g_ptr_array_index (notes, i));
  return EXIT_OK;
}
