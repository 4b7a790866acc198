/* gr-cli-common.c — what the greenreach-cli commands share */
#include "config.h"

#include "gr-cli-common.h"
#include "gr-pg.h"

#include "gr-basemap-job.h"
#include "gr-code-table.h"

#include "gr-gdal.h"
#include "gr-runtime.h"

#include <glib/gi18n-lib.h>

int
gr_cli_fail (int status, const char *message)
{
  /* A database's password, if one was in a connection string the message
   * quotes, is never printed. */
  g_autofree char *shown = gr_pg_redact (message);

  g_printerr ("greenreach-cli: %s\n", shown);
  return status;
}

/* Problems with the command line itself (G_OPTION_ERROR) are usage
 * errors; everything else is about the data. */
int
gr_cli_fail_error (const GError *error)
{
  return gr_cli_fail (error->domain == G_OPTION_ERROR ? EXIT_USAGE : EXIT_DATA, error->message);
}

/* Adds the command's own @entries to @context, after the shared ones it
 * has, and parses the command line.
 *
 * Returns: %FALSE, with the message printed, on a usage error. */
gboolean
gr_cli_parse_options (GOptionContext *context, const GOptionEntry *entries, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  gr_cli_fail (EXIT_USAGE, error->message);
  return FALSE;
}

/* ---- how sources are read ----------------------------------------------------- */

void
gr_cli_add_import_entries (GOptionContext *context, GrCliImportOptions *o)
{
  GOptionEntry entries[] = {
    { "crs", 0, 0, G_OPTION_ARG_STRING, &o->crs,
      N_ ("Analysis CRS (default: CGCS2000 3-degree Gauss-Kruger zone in China, UTM elsewhere)"),
      "EPSG:N" },
    { "source-crs", 0, 0, G_OPTION_ARG_STRING, &o->source_crs,
      N_ ("CRS of the input coordinates, for data without (or with a wrong) .prj; GCJ-02 or BD-09 "
          "for coordinates copied from Amap, Tencent or Baidu"),
      "EPSG:N" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &o->encoding,
      N_ ("Attribute text encoding (default: UTF-8, else CP936/GBK)"), "NAME" },
    { "population-field", 0, 0, G_OPTION_ARG_STRING, &o->population_field,
      N_ ("Numeric field with residents in the population layer"), "NAME" },
    { "zone-field", 0, 0, G_OPTION_ARG_STRING, &o->zone_field,
      N_ ("Field with the zone name in the zones layer (default: name)"), "NAME" },
    { "population-table", 0, 0, G_OPTION_ARG_FILENAME, &o->population_table,
      N_ ("Residents per zone from a table (CSV, XLSX, ODS), joined to the zones by name"),
      "FILE" },
    { "population-join", 0, 0, G_OPTION_ARG_STRING, &o->population_join,
      N_ ("The zones' field and the table's column that name the same zone (default: name)"),
      "ZONEFIELD[=COLUMN]" },
    { "floor-area-per-resident", 0, 0, G_OPTION_ARG_DOUBLE, &o->floor_area_per_resident,
      N_ ("Housing floor area per resident for residents estimated from buildings (default "
          "36.52 m², the 2020 census figure for city households)"),
      "M2" },
    { "default-storeys", 0, 0, G_OPTION_ARG_DOUBLE, &o->default_storeys,
      N_ ("Storeys of a residential building that gives neither storeys nor height (default 3)"),
      "N" },
    { "no-population-estimate", 0, 0, G_OPTION_ARG_NONE, &o->no_estimate,
      N_ ("Without a population source, leave residents out instead of estimating them from "
          "residential buildings"),
      NULL },
    { "code-field", 0, 0, G_OPTION_ARG_STRING, &o->code_field,
      N_ ("Field with the land-use code in a landuse= layer (default: DLBM, YDDM, 用地代码…)"),
      "NAME" },
    { "code-table", 0, 0, G_OPTION_ARG_STRING, &o->code_table,
      N_ ("Land-use code table: guide-2023, gbt-21010-2017, gb-50137-2011, cjjt-85-2017 or a "
          "CSV file (default: recognised from the codes)"),
      "ID|FILE" },
    { "code-role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->code_roles,
      N_ ("Count a land-use code for another role than the table's (repeatable): 1402=green, "
          "0702=none"),
      "CODE=ROLE" },
    { "greenways", 0, 0, G_OPTION_ARG_STRING, &o->greenways,
      N_ ("Greenways from OpenStreetMap: “routes” (default) counts routes of their own and "
          "cycleways apart from motor roads, “cycleways” every cycleway"),
      "routes|cycleways" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &o->strict,
      N_ ("Stop at a land-use code the table does not have, instead of leaving its features "
          "out"),
      NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

GrImportOptions
gr_cli_import_options_get (const GrCliImportOptions *o)
{
  GrImportOptions options = {
    .crs = o->crs,
    .source_crs = o->source_crs,
    .encoding = o->encoding,
    .population_field = o->population_field,
    .zone_field = o->zone_field,
    .population_table = o->population_table,
    .population_join = o->population_join,
    .floor_area_per_resident = o->floor_area_per_resident,
    .default_storeys = o->default_storeys,
    .no_estimate = o->no_estimate,
    .code_field = o->code_field,
    .code_table = o->code_table,
    .code_roles = (const char *const *) o->code_roles,
    .strict = o->strict,
    .all_cycleways = g_strcmp0 (o->greenways, "cycleways") == 0,
  };

  return options;
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
               _ ("%s “%s” is not a coordinate reference system GDAL knows (try EPSG:4546)"),
               option, value);
  return FALSE;
}

/* 0 is an option's default; any other value must lie in [@lo, @hi]. */
static gboolean
unset_or_in_range (const char *option, double value, double lo, double hi, GError **error)
{
  if (value == 0 || (value >= lo && value <= hi))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _ ("%s %g: give a number between %g and %g"), option, value, lo, hi);
  return FALSE;
}

/* A home has at least a few m² a resident, and no building 200 storeys. */
static gboolean
estimate_options_are_valid (const GrCliImportOptions *o, GError **error)
{
  return unset_or_in_range ("--floor-area-per-resident", o->floor_area_per_resident, 5, 500, error)
         && unset_or_in_range ("--default-storeys", o->default_storeys, 1, 200, error);
}

/**
 * gr_cli_import_options_given:
 *
 * Returns: (nullable): the first import option on the command line, as
 *   written there, or %NULL when none is
 */
const char *
gr_cli_import_options_given (const GrCliImportOptions *o)
{
  const struct
  {
    const char *name;
    gboolean    given;
  } options[] = {
    { "--crs", o->crs != NULL },
    { "--source-crs", o->source_crs != NULL },
    { "--encoding", o->encoding != NULL },
    { "--population-field", o->population_field != NULL },
    { "--zone-field", o->zone_field != NULL },
    { "--population-table", o->population_table != NULL },
    { "--population-join", o->population_join != NULL },
    { "--floor-area-per-resident", o->floor_area_per_resident != 0 },
    { "--default-storeys", o->default_storeys != 0 },
    { "--no-population-estimate", o->no_estimate },
    { "--code-field", o->code_field != NULL },
    { "--code-table", o->code_table != NULL },
    { "--code-role", o->code_roles != NULL },
    { "--strict", o->strict },
    { "--greenways", o->greenways != NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (options[i].given)
      return options[i].name;
  return NULL;
}

/* The first option about land-use codes, or NULL. */
const char *
gr_cli_import_options_given_for_codes (const GrCliImportOptions *o)
{
  return o->code_field != NULL   ? "--code-field"
         : o->code_table != NULL ? "--code-table"
         : o->code_roles != NULL ? "--code-role"
         : o->strict             ? "--strict"
                                 : NULL;
}

gboolean
gr_cli_import_options_check (const GrCliImportOptions *o, GError **error)
{
  if (o->greenways != NULL && !g_str_equal (o->greenways, "routes")
      && !g_str_equal (o->greenways, "cycleways"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--greenways “%s”: give routes or cycleways"), o->greenways);
      return FALSE;
    }
  return crs_option_is_valid ("--crs", o->crs, error)
         && crs_option_is_valid ("--source-crs", o->source_crs, error)
         && estimate_options_are_valid (o, error);
}

/* ---- what an analysis measures -------------------------------------------------- */

/* The help states each default (tests/analysis/test-defaults.c checks
 * them against gr-defaults.h). */
void
gr_cli_add_criteria_entries (GOptionContext *context, GrCliCriteria *c)
{
  GOptionEntry entries[] = {
    { "resolution", 0, 0, G_OPTION_ARG_DOUBLE, &c->values.resolution,
      N_ ("Grid cell size in metres (default 5)"), "M" },
    { "exact", 0, 0, G_OPTION_ARG_NONE, &c->exact,
      N_ ("Compute from vectors (buffer, union, intersection) instead of the grid"), NULL },
    { "green-radius", 0, 0, G_OPTION_ARG_DOUBLE, &c->values.green_radius,
      N_ ("Distance to green space in metres (default 300)"), "M" },
    { "park-radius", 0, 0, G_OPTION_ARG_DOUBLE, &c->values.park_radius,
      N_ ("Distance to a park in metres (default 500)"), "M" },
    { "green-min-area", 0, 0, G_OPTION_ARG_DOUBLE, &c->values.green_min_area,
      N_ ("Smallest green space that counts, m² (default 400)"), "M2" },
    { "park-min-area", 0, 0, G_OPTION_ARG_DOUBLE, &c->values.park_min_area,
      N_ ("Smallest park that counts, m² (default 10000)"), "M2" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &c->rules,
      N_ ("Park service-radius rule table (CSV: min_area_m2,max_area_m2,radius_m,historic_only)"),
      "FILE" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &c->mode,
      N_ ("Distance: straight-line (default) or walking, along the path network"), "MODE" },
    { "access-distance", 0, 0, G_OPTION_ARG_DOUBLE, &c->values.access_distance,
      N_ ("Walking: a path this near a green space enters it, metres (default 20)"), "M" },
    { "attach-distance", 0, 0, G_OPTION_ARG_DOUBLE, &c->values.attach_distance,
      N_ ("Walking: homes this near a path reach the network, metres (default 50)"), "M" },
    { "snap", 0, 0, G_OPTION_ARG_DOUBLE, &c->values.snap,
      N_ ("Walking: join line ends this near another line, metres (default 0, off)"), "M" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* --mode: straight-line (the default when @mode is %NULL) or walking. */
static gboolean
parse_mode (const char *mode, gboolean *walking, GError **error)
{
  if (mode == NULL || g_str_equal (mode, "straight-line") || g_str_equal (mode, "straight"))
    *walking = FALSE;
  else if (g_str_equal (mode, "walking"))
    *walking = TRUE;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--mode must be “straight-line” or “walking”, not “%s”"), mode);
      return FALSE;
    }
  return TRUE;
}

/* The mode, then the option that contradicts it, then the ranges. */
gboolean
gr_cli_criteria_check (GrCliCriteria *c, GError **error)
{
  if (!parse_mode (c->mode, &c->values.walking, error))
    return FALSE;
  if (c->values.walking && c->exact)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--exact measures straight-line distance only; drop it for --mode walking"));
      return FALSE;
    }
  return gr_criteria_validate (&c->values, error);
}

/* ---- the options several commands take ------------------------------------------ */

void
gr_cli_options_init (GrCliOptions *o)
{
  *o = (GrCliOptions){ 0 };
  gr_criteria_init_default (&o->criteria.values);
}

void
gr_cli_options_clear (GrCliOptions *o)
{
  g_free (o->import.crs);
  g_free (o->import.source_crs);
  g_free (o->import.encoding);
  g_free (o->import.population_field);
  g_free (o->import.zone_field);
  g_free (o->import.population_table);
  g_free (o->import.population_join);
  g_free (o->import.code_field);
  g_free (o->import.code_table);
  g_strfreev (o->import.code_roles);
  g_free (o->import.greenways);
  g_free (o->criteria.rules);
  g_free (o->criteria.mode);
  g_free (o->scenario);
  g_free (o->targets);
  g_free (o->basemap);
  g_free (o->output);
  g_strfreev (o->args);
}

/* One row per shared option, pointing into GrCliOptions. */
static const struct
{
  GOptionEntry entry;
  gsize        offset;
} shared[] = {
  [GR_CLI_MODE] = { { "mode", 0, 0, G_OPTION_ARG_STRING, NULL,
                      N_ ("Distance: straight-line (default) or walking"), "MODE" },
                    G_STRUCT_OFFSET (GrCliOptions, criteria.mode) },
  [GR_CLI_SCENARIO] = { { "scenario", 0, 0, G_OPTION_ARG_STRING, NULL,
                          N_ ("A scenario of the project instead of its own data"), "NAME" },
                        G_STRUCT_OFFSET (GrCliOptions, scenario) },
  [GR_CLI_TARGETS] = { { "targets", 0, 0, G_OPTION_ARG_STRING, NULL,
                         N_ ("Target set: yuncheng-2025 (default), yuncheng-2030, datong-2035, "
                             "gb55014-2021, "
                             "eco-garden-city, project (the project's own), none"),
                         "SET" },
                       G_STRUCT_OFFSET (GrCliOptions, targets) },
  [GR_CLI_BASEMAP] = { { "basemap", 0, 0, G_OPTION_ARG_FILENAME, NULL,
                         N_ ("Offline base map (MBTiles), or “none” (default: the bundled one)"),
                         "FILE" },
                       G_STRUCT_OFFSET (GrCliOptions, basemap) },
  [GR_CLI_JSON] = { { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Print one JSON object"), NULL },
                    G_STRUCT_OFFSET (GrCliOptions, json) },
  /* The arguments that are not options: files, names, ROLE=PATH. */
  [GR_CLI_ARGS] = { { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, NULL },
                    G_STRUCT_OFFSET (GrCliOptions, args) },
};

/* Returns: the entry of a shared @option, setting its field of @o. */
GOptionEntry
gr_cli_entry (GrCliOptions *o, GrCliOption option)
{
  GOptionEntry entry = shared[option].entry;

  entry.arg_data = G_STRUCT_MEMBER_P (o, shared[option].offset);
  return entry;
}

/* ---- values ------------------------------------------------------------------------ */

gboolean
gr_cli_has_one_arg (char *const *args)
{
  return args != NULL && args[0] != NULL && args[1] == NULL;
}

/* --targets: yuncheng-2025 when @key is %NULL. */
gboolean
gr_cli_parse_targets (const char *key, GrTargetSet *set, GError **error)
{
  *set = GR_TARGETS_YUNCHENG_2025;
  if (key == NULL || gr_target_set_from_key (key, set))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _ ("unknown target set “%s”"), key);
  return FALSE;
}

/* --basemap: a file, "none", or the project's own base map beside it
 * (`city.mbtiles` beside `city.gpkg`), or the bundled one when it is
 * there. */
char *
gr_cli_basemap_path (const char *option, const char *project)
{
  char *path;

  if (option != NULL)
    return g_str_equal (option, "none") ? NULL : g_strdup (option);
  if ((path = gr_basemap_find_beside (project)) != NULL)
    return path;
  path = gr_runtime_data_path ("sample/basemap.mbtiles");
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}

/* The edits of @scenario that no longer fit the data, on stderr. */
void
gr_cli_print_left_out (const GrScenario *scenario)
{
  for (guint i = 0; i < scenario->left_out->len; i++)
    g_printerr (_ ("greenreach-cli: warning: %s\n"),
                (const char *) g_ptr_array_index (scenario->left_out, i));
}

/* What the import understood, noticed and mended, for the user to know. */
void
gr_cli_print_warnings (GrProject *project)
{
  for (guint i = 0; i < project->landuse->len; i++)
    {
      g_autofree char *text = gr_landuse_report_to_text (g_ptr_array_index (project->landuse, i));
      g_printerr ("%s", text);
    }
  for (guint i = 0; i < project->warnings->len; i++)
    {
      g_autofree char *shown = gr_pg_redact (g_ptr_array_index (project->warnings, i));

      g_printerr ("greenreach-cli: %s\n", shown);
    }
}
