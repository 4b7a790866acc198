/* gr-cli-scenario.c — greenreach-cli scenario: what-if edits from scripts
 *
 *   scenario list PROJECT.gpkg
 *   scenario create PROJECT.gpkg NAME [--from SCENARIO]
 *   scenario rename PROJECT.gpkg NAME NEW-NAME
 *   scenario delete PROJECT.gpkg NAME
 *   scenario add-park PROJECT.gpkg NAME --at X,Y [--lonlat] [--area M2] [--circle]
 *                                       [--park-name TEXT] [--class TEXT]
 *   scenario remove PROJECT.gpkg NAME --feature park:N|green:N
 *   scenario undo|redo PROJECT.gpkg NAME
 *   scenario export PROJECT.gpkg NAME -o OUT.gpkg
 *   scenario compare PROJECT.gpkg NAME OTHER   ("baseline" names the baseline)
 *
 * Every change is written to the project file as it is made.
 */
#include "config.h"

#include "gr-cli-scenario.h"

#include "gr-cli-common.h"
#include "gr-compare.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  char    *at;
  gboolean lonlat;
  double   area;
  gboolean circle;
  char    *park_name;
  char    *klass;
  char    *feature;
  char    *from;
  char    *output;
  char   **args;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->at);
  g_free (o->park_name);
  g_free (o->klass);
  g_free (o->feature);
  g_free (o->from);
  g_free (o->output);
  g_strfreev (o->args);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
fail_error (const GError *error)
{
  return gr_cli_fail (error->domain == G_OPTION_ERROR ? EXIT_USAGE : EXIT_DATA, error->message);
}

/**
 * gr_cli_load_scenario:
 *
 * Returns: (transfer full): the project at @path with scenario @name's
 * edits in force applied
 */
GrProject *
gr_cli_load_scenario (const char *path,
                      const char *name,
                      GError    **error)
{
  g_autoptr (GrProject) baseline = gr_project_load (path, error);
  g_autoptr (GrScenarioStore) store = NULL;
  g_autoptr (GrScenario) scenario = NULL;

  if (baseline == NULL || (store = gr_scenario_store_open (path, error)) == NULL
      || (scenario = gr_scenario_store_find (store, name, error)) == NULL)
    return NULL;
  return gr_scenario_apply (scenario, baseline);
}

static gboolean
parse_point (const Options *o, GrProject *project, double *x, double *y, GError **error)
{
  g_auto (GStrv) parts = o->at != NULL ? g_strsplit (o->at, ",", -1) : NULL;
  char *end1 = NULL, *end2 = NULL;

  if (parts == NULL || g_strv_length (parts) != 2 || (*x = g_ascii_strtod (parts[0], &end1), *end1 != '\0')
      || (*y = g_ascii_strtod (parts[1], &end2), *end2 != '\0') || !isfinite (*x) || !isfinite (*y))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--at needs X,Y (in the project's CRS, or longitude,latitude with --lonlat)"));
      return FALSE;
    }
  if (o->lonlat)
    {
      g_auto (OGRSpatialReferenceH) from = gr_srs_new_from_user ("EPSG:4326");
      g_auto (OGRSpatialReferenceH) to = gr_srs_new_from_user (project->crs_wkt);
      g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (from, to);

      if (ct == NULL || !OCTTransform (ct, 1, x, y, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--at %s is not a usable longitude,latitude"),
                       o->at);
          return FALSE;
        }
    }
  return TRUE;
}

/* "park:12" → the 12th park (1-based, as reports number features). */
static gboolean
parse_feature (const char *text, GrRole *role, guint *index, GError **error)
{
  g_auto (GStrv) parts = text != NULL ? g_strsplit (text, ":", 2) : NULL;
  guint64 n = 0;

  if (parts == NULL || g_strv_length (parts) != 2 || !gr_role_from_string (parts[0], role)
      || (*role != GR_ROLE_PARK && *role != GR_ROLE_GREEN)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT32, &n, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--feature needs park:N or green:N"));
      return FALSE;
    }
  *index = (guint) n - 1;
  return TRUE;
}

static int
list (GrScenarioStore *store, GrProject *baseline)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) scenarios = gr_scenario_store_load (store, &error);

  if (scenarios == NULL)
    return fail_error (error);
  for (guint i = 0; i < scenarios->len; i++)
    {
      GrScenario *s = g_ptr_array_index (scenarios, i);
      guint candidates = gr_scenario_next_candidate (s, baseline) - baseline->layers[GR_ROLE_PARK]->features->len;

      /* TRANSLATORS: a scenario's name, its edits in force of all, and its new parks */
      printf (_("%s\t%u of %u edits\t%u candidate parks\n"), s->name, s->position, s->edits->len, candidates);
    }
  return EXIT_OK;
}

static int
edit (GrScenarioStore *store, GrProject *baseline, const char *name, GrEdit *owned)
{
  g_autoptr (GrEdit) e = owned;
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenario) scenario = gr_scenario_store_find (store, name, &error);
  g_autofree char *what = NULL;

  if (scenario == NULL)
    return fail_error (error);
  if (e->kind == GR_EDIT_ADD)
    e->target.index = gr_scenario_next_candidate (scenario, baseline);
  if (!gr_scenario_check_edit (scenario, baseline, e, &error))
    return fail_error (error);
  what = gr_edit_describe (e);
  if (!gr_scenario_store_push (store, scenario, g_steal_pointer (&e), &error))
    return fail_error (error);
  printf ("%s\n", what);
  return EXIT_OK;
}

static int
step (GrScenarioStore *store, const char *name, int by)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenario) scenario = gr_scenario_store_find (store, name, &error);
  guint to;

  if (scenario == NULL)
    return fail_error (error);
  if ((by < 0 && scenario->position == 0) || (by > 0 && scenario->position == scenario->edits->len))
    return gr_cli_fail (EXIT_DATA, by < 0 ? _("nothing to undo") : _("nothing to redo"));
  to = scenario->position + by;
  if (!gr_scenario_store_set_position (store, scenario, to, &error))
    return fail_error (error);
  {
    g_autofree char *what = gr_edit_describe (g_ptr_array_index (scenario->edits, by < 0 ? to : to - 1));
    printf (by < 0 ? _("Undone: %s\n") : _("Redone: %s\n"), what);
  }
  return EXIT_OK;
}

int
gr_cli_scenario (int    argc,
                 char **argv)
{
  g_auto (Options) o = { .area = 2500 };
  g_autoptr (GOptionContext) context = g_option_context_new (
    _("list|create|rename|delete|add-park|remove|undo|redo|export|compare PROJECT.gpkg [NAME] [NEW-NAME|OTHER]"));
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &o.at, N_("add-park: the park's centre, in the project's CRS"), "X,Y" },
    { "lonlat", 0, 0, G_OPTION_ARG_NONE, &o.lonlat, N_("add-park: --at is longitude,latitude (WGS 84)"), NULL },
    { "area", 0, 0, G_OPTION_ARG_DOUBLE, &o.area, N_("add-park: area in m² (default 2500)"), "M2" },
    { "circle", 0, 0, G_OPTION_ARG_NONE, &o.circle, N_("add-park: a circle instead of a square"), NULL },
    { "park-name", 0, 0, G_OPTION_ARG_STRING, &o.park_name, N_("add-park: the park's name"), "TEXT" },
    { "class", 0, 0, G_OPTION_ARG_STRING, &o.klass, N_("add-park: the park's class (default G14 pocket park)"),
      "TEXT" },
    { "feature", 0, 0, G_OPTION_ARG_STRING, &o.feature, N_("remove: the feature, as park:N or green:N"), "ROLE:N" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("create: a copy of this scenario"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("export: the GeoPackage to write"), "OUT.gpkg" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.args, NULL, NULL },
    { NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) baseline = NULL;
  g_autoptr (GrScenarioStore) store = NULL;
  const char *command, *path, *name;
  guint n;

  g_option_context_set_summary (context, _("Scenarios: named lists of edits over the project's own data."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  n = o.args != NULL ? g_strv_length (o.args) : 0;
  if (n < 2)
    return gr_cli_fail (EXIT_USAGE, _("scenario needs a command and a project file"));
  command = o.args[0], path = o.args[1], name = n > 2 ? o.args[2] : NULL;
  if (!g_str_equal (command, "list") && name == NULL)
    return gr_cli_fail (EXIT_USAGE, _("which scenario? Give its name after the project file"));
  if ((baseline = gr_project_load (path, &error)) == NULL || (store = gr_scenario_store_open (path, &error)) == NULL)
    return fail_error (error);

  if (g_str_equal (command, "list"))
    return list (store, baseline);
  if (g_str_equal (command, "create"))
    {
      g_autoptr (GrScenario) scenario = NULL;
      g_autoptr (GrScenario) from = NULL;

      if (o.from != NULL && (from = gr_scenario_store_find (store, o.from, &error)) == NULL)
        return fail_error (error);
      scenario = from != NULL ? gr_scenario_copy (from, name) : gr_scenario_new (name);
      if (!gr_scenario_store_add (store, scenario, &error))
        return fail_error (error);
      return EXIT_OK;
    }
  if (g_str_equal (command, "rename") || g_str_equal (command, "delete"))
    {
      g_autoptr (GrScenario) scenario = gr_scenario_store_find (store, name, &error);
      gboolean ok;

      if (scenario == NULL)
        return fail_error (error);
      if (g_str_equal (command, "rename") && n < 4)
        return gr_cli_fail (EXIT_USAGE, _("rename needs the new name"));
      ok = g_str_equal (command, "rename") ? gr_scenario_store_rename (store, scenario, o.args[3], &error)
                                           : gr_scenario_store_delete (store, scenario, &error);
      return ok ? EXIT_OK : fail_error (error);
    }
  if (g_str_equal (command, "add-park"))
    {
      GrEdit *e;
      double x, y;

      if (!parse_point (&o, baseline, &x, &y, &error))
        return fail_error (error);
      /* Pocket parks are 400–10,000 m² (MOHURD guideline); larger parks are
       * allowed and flagged, absurd sizes are refused. */
      if (!(o.area >= 1 && o.area <= 1e8))
        return gr_cli_fail (EXIT_USAGE, _("--area must be between 1 and 100,000,000 m²"));
      e = gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, 0, gr_pocket_park_new (x, y, o.area, o.circle));
      e->name = g_strdup (o.park_name != NULL ? o.park_name : _("Candidate park"));
      e->klass = g_strdup (o.klass != NULL ? o.klass : "G14");
      return edit (store, baseline, name, e);
    }
  if (g_str_equal (command, "remove"))
    {
      GrRole role;
      guint index;

      if (!parse_feature (o.feature, &role, &index, &error))
        return fail_error (error);
      return edit (store, baseline, name, gr_edit_new (GR_EDIT_REMOVE, role, index, NULL));
    }
  if (g_str_equal (command, "undo") || g_str_equal (command, "redo"))
    return step (store, name, g_str_equal (command, "undo") ? -1 : +1);
  if (g_str_equal (command, "compare"))
    {
      g_autoptr (GrScenario) a = NULL;
      g_autoptr (GrScenario) b = NULL;
      g_autoptr (GrComparison) comparison = NULL;
      g_autofree char *text = NULL;
      GrCriteria criteria;

      if (n < 4)
        return gr_cli_fail (EXIT_USAGE, _("compare needs two scenario names (“baseline” for the baseline)"));
      if ((!g_str_equal (name, "baseline") && (a = gr_scenario_store_find (store, name, &error)) == NULL)
          || (!g_str_equal (o.args[3], "baseline") && (b = gr_scenario_store_find (store, o.args[3], &error)) == NULL))
        return fail_error (error);
      gr_criteria_init_default (&criteria);
      if ((comparison = gr_comparison_new (baseline, a, b, &criteria, NULL, &error)) == NULL)
        return fail_error (error);
      text = gr_comparison_to_text (comparison);
      fputs (text, stdout);
      return EXIT_OK;
    }
  if (g_str_equal (command, "export"))
    {
      g_autoptr (GrScenario) scenario = gr_scenario_store_find (store, name, &error);
      g_autoptr (GrProject) edited = NULL;

      if (scenario == NULL)
        return fail_error (error);
      if (o.output == NULL)
        return gr_cli_fail (EXIT_USAGE, _("export needs -o OUT.gpkg"));
      edited = gr_scenario_apply (scenario, baseline);
      return gr_project_save (edited, o.output, &error) ? EXIT_OK : fail_error (error);
    }
  {
    g_autofree char *message = g_strdup_printf (_("unknown scenario command “%s”"), command);
    return gr_cli_fail (EXIT_USAGE, message);
  }
}
