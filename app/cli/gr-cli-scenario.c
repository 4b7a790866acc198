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
 * Every change is written to the project file as it is made. PROJECT may
 * be a project in a database (PG:"host=… dbname=…" schema=NAME), which
 * several analysts change at once.
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-compare.h"
#include "gr-offset.h"
#include "gr-project-file.h"
#include "gr-scenario-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The subcommands' options beside the shared -o and arguments. */
typedef struct
{
  GrCliOptions common;
  char        *at;
  gboolean     lonlat;
  char        *lonlat_crs;
  double       area;
  gboolean     circle;
  char        *park_name;
  char        *klass;
  char        *feature;
  char        *from;
} Options;

static void
options_clear (Options *o)
{
  gr_cli_options_clear (&o->common);
  g_free (o->at);
  g_free (o->lonlat_crs);
  g_free (o->park_name);
  g_free (o->klass);
  g_free (o->feature);
  g_free (o->from);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_point (const Options *o, GrProject *project, double *x, double *y, GError **error)
{
  g_auto (GStrv) parts = o->at != NULL ? g_strsplit (o->at, ",", -1) : NULL;
  char *end1 = NULL, *end2 = NULL;

  if (parts == NULL || g_strv_length (parts) != 2
      || (*x = g_ascii_strtod (parts[0], &end1), *end1 != '\0')
      || (*y = g_ascii_strtod (parts[1], &end2), *end2 != '\0') || !isfinite (*x) || !isfinite (*y))
    {
      g_set_error (
          error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
          _ ("--at needs X,Y (in the project's CRS, or longitude,latitude with --lonlat)"));
      return FALSE;
    }
  if (o->lonlat_crs != NULL)
    {
      GrOffset offset = gr_offset_from_name (o->lonlat_crs);

      if (offset == GR_OFFSET_NONE && g_ascii_strcasecmp (o->lonlat_crs, "WGS84") != 0
          && g_ascii_strcasecmp (o->lonlat_crs, "WGS-84") != 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("--lonlat-crs takes WGS84, GCJ-02 or BD-09, not “%s”"), o->lonlat_crs);
          return FALSE;
        }
      gr_offset_to_wgs84 (offset, x, y);
    }
  if (o->lonlat || o->lonlat_crs != NULL)
    {
      g_auto (OGRSpatialReferenceH) from = gr_srs_new_from_user ("EPSG:4326");
      g_auto (OGRSpatialReferenceH) to = gr_srs_new_from_user (project->crs_wkt);
      g_auto (OGRCoordinateTransformationH) ct = OCTNewCoordinateTransformation (from, to);

      if (ct == NULL || !OCTTransform (ct, 1, x, y, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("--at %s is not a usable longitude,latitude"), o->at);
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
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--feature needs park:N or green:N"));
      return FALSE;
    }
  *index = (guint) n - 1;
  return TRUE;
}

/* What a subcommand works on. */
typedef struct
{
  const Options   *o;
  GrProject       *baseline;
  GrScenarioStore *store;
  const char      *name;     /* the scenario after the project file; NULL for list */
  const char      *other;    /* the argument after it (a new name, a second scenario), or NULL */
  GrScenario      *scenario; /* @name, for the subcommands that find it first */
} Job;

static int
run_list (const Job *job)
{
  GrProject *baseline = job->baseline;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) scenarios = gr_scenario_store_load (job->store, &error);
  guint parks =
      baseline->layers[GR_ROLE_PARK] != NULL ? baseline->layers[GR_ROLE_PARK]->features->len : 0;

  if (scenarios == NULL)
    return gr_cli_fail_error (error);
  for (guint i = 0; i < scenarios->len; i++)
    {
      GrScenario *s = g_ptr_array_index (scenarios, i);
      guint       candidates = gr_scenario_next_candidate (s, baseline) - parks;

      gr_cli_print_left_out (s);

      /* TRANSLATORS: a scenario's name, its edits in force of all, and its new parks */
      printf (_ ("%s\t%u of %u edits\t%u candidate parks\n"), s->name, s->position, s->edits->len,
              candidates);
    }
  return EXIT_OK;
}

/* A command's change is made to the scenario as it is in the project when
 * the change is stored: one refused because another analyst changed the
 * scenario in between (a shared project) is made again over theirs. */
#define ATTEMPTS 50

static gboolean
try_again (GError **error, guint attempt)
{
  if (!g_error_matches (*error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_CONFLICT)
      || attempt + 1 >= ATTEMPTS)
    return FALSE;
  g_clear_error (error);
  g_usleep (g_random_int_range (1000, 20000));
  return TRUE;
}

/* Records @owned in the named scenario and says what it did. */
static int
edit (const Job *job, GrEdit *owned)
{
  GrProject *baseline = job->baseline;
  g_autoptr (GrEdit) e = owned;
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenario) scenario = NULL;
  g_autofree char *what = NULL;

  for (guint attempt = 0;; attempt++)
    {
      g_clear_pointer (&scenario, gr_scenario_free);
      if ((scenario = gr_scenario_store_find (job->store, job->name, &error)) == NULL)
        return gr_cli_fail_error (error);
      if (attempt == 0)
        gr_cli_print_left_out (scenario);
      if (e->kind == GR_EDIT_ADD)
        e->target.index = gr_scenario_next_candidate (scenario, baseline);
      if (!gr_scenario_check_edit (scenario, baseline, e, &error))
        return gr_cli_fail_error (error);
      if (gr_scenario_store_push (job->store, scenario, gr_edit_copy (e), &error))
        break;
      if (!try_again (&error, attempt))
        return gr_cli_fail_error (error);
    }
  what = gr_scenario_describe_edit (scenario, baseline, scenario->position - 1);
  printf ("%s\n", what);
  return EXIT_OK;
}

/* Undo (@by -1) or redo (+1) in the named scenario. Not made again over
 * another analyst's change: undo would then take back theirs. */
static int
step (const Job *job, int by)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenario) scenario = gr_scenario_store_find (job->store, job->name, &error);
  g_autofree char *what = NULL;
  guint            to;

  if (scenario == NULL)
    return gr_cli_fail_error (error);
  gr_cli_print_left_out (scenario);
  if ((by < 0 && scenario->position == 0) || (by > 0 && scenario->position == scenario->edits->len))
    return gr_cli_fail (EXIT_DATA, by < 0 ? _ ("nothing to undo") : _ ("nothing to redo"));
  to = scenario->position + by;
  if (!gr_scenario_store_set_position (job->store, scenario, to, &error))
    return gr_cli_fail_error (error);
  what = gr_scenario_describe_edit (scenario, job->baseline, by < 0 ? to : to - 1);
  printf (by < 0 ? _ ("Undone: %s\n") : _ ("Redone: %s\n"), what);
  return EXIT_OK;
}

static int
run_create (const Job *job)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenario) from = NULL;
  g_autoptr (GrScenario) scenario = NULL;

  if (job->o->from != NULL
      && (from = gr_scenario_store_find (job->store, job->o->from, &error)) == NULL)
    return gr_cli_fail_error (error);
  scenario = from != NULL ? gr_scenario_copy (from, job->name) : gr_scenario_new (job->name);
  if (!gr_scenario_store_add (job->store, scenario, &error))
    return gr_cli_fail_error (error);
  return EXIT_OK;
}

static int
run_rename (const Job *job)
{
  g_autoptr (GError) error = NULL;

  if (job->other == NULL)
    return gr_cli_fail (EXIT_USAGE, _ ("rename needs the new name"));
  if (!gr_scenario_store_rename (job->store, job->scenario, job->other, &error))
    return gr_cli_fail_error (error);
  return EXIT_OK;
}

static int
run_delete (const Job *job)
{
  g_autoptr (GError) error = NULL;

  if (!gr_scenario_store_delete (job->store, job->scenario, &error))
    return gr_cli_fail_error (error);
  return EXIT_OK;
}

static int
run_add_park (const Job *job)
{
  const Options *o = job->o;
  g_autoptr (GError) error = NULL;
  GrEdit *e;
  double  x, y;

  if (!parse_point (o, job->baseline, &x, &y, &error))
    return gr_cli_fail_error (error);
  /* Pocket parks are 400–10,000 m² (MOHURD guideline); larger parks are
   * allowed and flagged, absurd sizes are refused. */
  if (!(o->area >= 1 && o->area <= 1e8))
    return gr_cli_fail (EXIT_USAGE, _ ("--area must be between 1 and 100,000,000 m²"));
  e = gr_edit_new (GR_EDIT_ADD, GR_ROLE_PARK, 0, gr_pocket_park_new (x, y, o->area, o->circle));
  e->name = g_strdup (o->park_name != NULL ? o->park_name : _ ("Candidate park"));
  e->klass = g_strdup (o->klass != NULL ? o->klass : "G14");
  return edit (job, e);
}

static int
run_remove (const Job *job)
{
  g_autoptr (GError) error = NULL;
  GrRole role;
  guint  index;

  if (!parse_feature (job->o->feature, &role, &index, &error))
    return gr_cli_fail_error (error);
  return edit (job, gr_edit_new (GR_EDIT_REMOVE, role, index, NULL));
}

static int
run_undo (const Job *job)
{
  return step (job, -1);
}

static int
run_redo (const Job *job)
{
  return step (job, +1);
}

/* "baseline" names the project's own data: no scenario. */
static gboolean
find_or_baseline (const Job *job, const char *name, GrScenario **scenario, GError **error)
{
  *scenario = NULL;
  if (g_str_equal (name, "baseline"))
    return TRUE;
  *scenario = gr_scenario_store_find (job->store, name, error);
  if (*scenario != NULL)
    gr_cli_print_left_out (*scenario);
  return *scenario != NULL;
}

static int
run_compare (const Job *job)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenario) a = NULL;
  g_autoptr (GrScenario) b = NULL;
  g_autoptr (GrComparison) comparison = NULL;
  g_autofree char *text = NULL;
  GrCriteria       criteria;

  if (job->other == NULL)
    return gr_cli_fail (EXIT_USAGE,
                        _ ("compare needs two scenario names (“baseline” for the baseline)"));
  if (!find_or_baseline (job, job->name, &a, &error)
      || !find_or_baseline (job, job->other, &b, &error))
    return gr_cli_fail_error (error);
  gr_criteria_init_default (&criteria);
  if ((comparison = gr_comparison_new (job->baseline, a, b, &criteria, NULL, &error)) == NULL)
    return gr_cli_fail_error (error);
  text = gr_comparison_to_text (comparison);
  fputs (text, stdout);
  return EXIT_OK;
}

static int
run_export (const Job *job)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) edited = NULL;

  if (job->o->common.output == NULL)
    return gr_cli_fail (EXIT_USAGE, _ ("export needs -o OUT.gpkg"));
  edited = gr_scenario_apply (job->scenario, job->baseline);
  if (!gr_project_save (edited, job->o->common.output, &error))
    return gr_cli_fail_error (error);
  return EXIT_OK;
}

typedef struct
{
  const char *name;
  int (*run) (const Job *job);
  gboolean finds;  /* the named scenario is found before anything else is checked */
  gboolean writes; /* reading subcommands open the file read-only */
} Subcommand;

static const Subcommand subcommands[] = {
  { "list", run_list, FALSE, FALSE },        { "create", run_create, FALSE, TRUE },
  { "rename", run_rename, TRUE, TRUE },      { "delete", run_delete, TRUE, TRUE },
  { "add-park", run_add_park, FALSE, TRUE }, { "remove", run_remove, FALSE, TRUE },
  { "undo", run_undo, FALSE, TRUE },         { "redo", run_redo, FALSE, TRUE },
  { "compare", run_compare, FALSE, FALSE },  { "export", run_export, TRUE, FALSE },
};

static int
run (const Subcommand *subcommand, Job *job, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrScenario) scenario = NULL;
  g_autoptr (GrScenarioStore) store = gr_scenario_store_open (
      path, job->baseline, subcommand->writes ? GR_SCENARIO_STORE_WRITE : GR_SCENARIO_STORE_READ,
      &error);

  if (store == NULL)
    return gr_cli_fail_error (error);
  job->store = store;
  if (subcommand->finds
      && (scenario = gr_scenario_store_find (job->store, job->name, &error)) == NULL)
    return gr_cli_fail_error (error);
  if (scenario != NULL)
    gr_cli_print_left_out (scenario);
  job->scenario = scenario;
  return subcommand->run (job);
}

/* Returns: %FALSE on a usage error, printed. */
static gboolean
options_parse (Options *o, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context =
      g_option_context_new (_ ("list|create|rename|delete|add-park|remove|undo|redo|export|compare "
                               "PROJECT.gpkg [NAME] [NEW-NAME|OTHER]"));
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &o->at,
      N_ ("add-park: the park's centre, in the project's CRS"), "X,Y" },
    { "lonlat", 0, 0, G_OPTION_ARG_NONE, &o->lonlat,
      N_ ("add-park: --at is longitude,latitude (WGS 84)"), NULL },
    { "lonlat-crs", 0, 0, G_OPTION_ARG_STRING, &o->lonlat_crs,
      N_ ("add-park: --at is longitude,latitude of this kind: WGS84, GCJ-02 (Amap, Tencent) or "
          "BD-09 (Baidu)"),
      "CRS" },
    { "area", 0, 0, G_OPTION_ARG_DOUBLE, &o->area, N_ ("add-park: area in m² (default 2500)"),
      "M2" },
    { "circle", 0, 0, G_OPTION_ARG_NONE, &o->circle, N_ ("add-park: a circle instead of a square"),
      NULL },
    { "park-name", 0, 0, G_OPTION_ARG_STRING, &o->park_name, N_ ("add-park: the park's name"),
      "TEXT" },
    { "class", 0, 0, G_OPTION_ARG_STRING, &o->klass,
      N_ ("add-park: the park's class (default G14 pocket park)"), "TEXT" },
    { "feature", 0, 0, G_OPTION_ARG_STRING, &o->feature,
      N_ ("remove: the feature, as park:N or green:N"), "ROLE:N" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o->from, N_ ("create: a copy of this scenario"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->common.output,
      N_ ("export: the GeoPackage to write"), "OUT.gpkg" },
    gr_cli_entry (&o->common, GR_CLI_ARGS),
    { NULL },
  };

  gr_cli_options_init (&o->common);
  g_option_context_set_summary (context,
                                _ ("Scenarios: named lists of edits over the project's own data."));
  return gr_cli_parse_options (context, entries, argc, argv);
}

/* The project is opened before the subcommand is looked up, so that a
 * file that cannot be read is named first. */
static int
run_subcommand (const Options *o, const char *command, const char *path, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GrProject) baseline = NULL;
  g_autofree char *message = NULL;
  char *const     *args = o->common.args;
  Job              job = { o, NULL, NULL, n > 2 ? args[2] : NULL, n > 3 ? args[3] : NULL, NULL };

  if ((baseline = gr_project_load (path, &error)) == NULL)
    return gr_cli_fail_error (error);
  job.baseline = baseline;
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (command, subcommands[i].name))
      return run (&subcommands[i], &job, path);
  message = g_strdup_printf (_ ("unknown scenario command “%s”"), command);
  return gr_cli_fail (EXIT_USAGE, message);
}

int
gr_cli_scenario (int argc, char **argv)
{
  g_auto (Options) o = { .area = 2500 };
  char **args;
  guint  n;

  if (!options_parse (&o, &argc, &argv))
    return EXIT_USAGE;
  args = o.common.args;
  n = args != NULL ? g_strv_length (args) : 0;
  if (n < 2)
    return gr_cli_fail (EXIT_USAGE, _ ("scenario needs a command and a project file"));
  if (!g_str_equal (args[0], "list") && n < 3)
    return gr_cli_fail (EXIT_USAGE, _ ("which scenario? Give its name after the project file"));
  return run_subcommand (&o, args[0], args[1], n);
}
