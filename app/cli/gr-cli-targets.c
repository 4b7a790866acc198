/* gr-cli-targets.c — greenreach-cli targets: the project's own targets,
 * listed or set one at a time
 *
 *   targets PROJECT.gpkg [INDICATOR VALUE|none [--strict]]
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-indicators.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

/* INDICATOR VALUE|none: the indicator and its target, NAN for none. */
static gboolean
parse_target (char *const *args, GrIndicatorId *id, double *value, GError **error)
{
  char *end = NULL;

  *value = g_str_equal (args[1], "none") ? NAN : g_ascii_strtod (args[1], &end);
  if (!gr_indicator_from_key (args[0], id))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _ ("unknown indicator “%s”"),
                   args[0]);
      return FALSE;
    }
  if (end != NULL && (*end != '\0' || end == args[1]))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _ ("“%s” is not a number"),
                   args[1]);
      return FALSE;
    }
  return TRUE;
}

static int
print_targets (const char *path)
{
  g_autoptr (GError) error = NULL;
  GrTarget targets[GR_N_INDICATORS];

  if (!gr_project_targets_load (path, targets, &error))
    return gr_cli_fail (EXIT_DATA, error->message);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    if (isfinite (targets[i].value))
      printf ("%s\t%s %g\t%s\n", gr_indicator_get_key (i),
              targets[i].strict ? ">" : ">=", targets[i].value, gr_indicator_get_name (i));
  return EXIT_OK;
}

int
gr_cli_targets (int argc, char **argv)
{
  g_auto (GrCliOptions) o = { 0 };
  gboolean     strict = FALSE;
  GOptionEntry entries[] = {
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      N_ ("The value must exceed the target, not only reach it"), NULL },
    gr_cli_entry (&o, GR_CLI_ARGS),
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new (_ ("PROJECT.gpkg [INDICATOR VALUE|none]"));
  g_autoptr (GError) error = NULL;
  GrIndicatorId id;
  double        value;
  guint         n;

  gr_cli_options_init (&o);
  g_option_context_set_summary (context, _ ("The project's own targets: list them, or set one."));
  if (!gr_cli_parse_options (context, entries, &argc, &argv))
    return EXIT_USAGE;
  n = o.args != NULL ? g_strv_length (o.args) : 0;
  if (n != 1 && n != 3)
    return gr_cli_fail (
        EXIT_USAGE, _ ("targets needs a project file, then an indicator and a value to set one"));
  if (n == 3
      && (!parse_target (o.args + 1, &id, &value, &error)
          || !gr_project_targets_set (o.args[0], id, value, strict, &error)))
    return gr_cli_fail_error (error);
  return print_targets (o.args[0]);
}
