/* gr-cli-common.h — what the greenreach-cli commands share: exit statuses
 * and error messages, the options several commands take, and the parsers
 * of their values
 */
#pragma once

#include "gr-import.h"
#include "gr-indicator-table.h"
#include "gr-scenario.h"

G_BEGIN_DECLS

/* Exit status: 0 success, 1 a data or analysis error, 2 a usage error. */
enum
{
  EXIT_OK = 0,
  EXIT_DATA = 1,
  EXIT_USAGE = 2,
};

int      gr_cli_fail (int status, const char *message);
int      gr_cli_fail_error (const GError *error);
gboolean gr_cli_parse_options (GOptionContext     *context,
                               const GOptionEntry *entries,
                               int                *argc,
                               char             ***argv);

/* --crs, --source-crs, --encoding, --population-field, --zone-field and
 * the land-use layer's --code-field, --code-table, --code-role, --strict:
 * how sources are read (import, analyze). */
typedef struct
{
  char    *crs;
  char    *source_crs;
  char    *encoding;
  char    *population_field;
  char    *zone_field;
  char    *population_table; /* residents per zone */
  char    *population_join;
  double   floor_area_per_resident; /* estimates from buildings */
  double   default_storeys;
  gboolean no_estimate;
  char    *code_field; /* land-use layers */
  char    *code_table;
  char   **code_roles;
  gboolean strict;
  char    *greenways; /* OSM greenways: routes (default) or cycleways */
} GrCliImportOptions;

void            gr_cli_add_import_entries (GOptionContext *context, GrCliImportOptions *options);
GrImportOptions gr_cli_import_options_get (const GrCliImportOptions *options);
gboolean        gr_cli_import_options_check (const GrCliImportOptions *options, GError **error);
const char     *gr_cli_import_options_given (const GrCliImportOptions *options);
const char     *gr_cli_import_options_given_for_codes (const GrCliImportOptions *options);

/* What an analysis measures: analyze takes every criterion as an option
 * (--resolution … --snap), the other commands --mode alone. */
typedef struct
{
  GrCriteria values;
  gboolean   exact; /* from vectors instead of the grid */
  char      *rules; /* a service-radius rule table, or NULL */
  char      *mode;  /* straight-line or walking */
} GrCliCriteria;

void     gr_cli_add_criteria_entries (GOptionContext *context, GrCliCriteria *criteria);
gboolean gr_cli_criteria_check (GrCliCriteria *criteria, GError **error);

/* The values of the options several commands take; each command lists
 * the entries it has, in its own order, so that its --help reads as it
 * always has. */
typedef struct
{
  GrCliImportOptions import;   /* import, analyze */
  GrCliCriteria      criteria; /* analyze's criteria; --mode */
  char              *scenario; /* --scenario NAME */
  char              *targets;  /* --targets SET */
  char              *basemap;  /* --basemap FILE|none */
  char              *output;   /* -o FILE */
  gboolean           json;     /* --json */
  char             **args;     /* what is not an option: files, names */
} GrCliOptions;

void gr_cli_options_init (GrCliOptions *options);
void gr_cli_options_clear (GrCliOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GrCliOptions, gr_cli_options_clear)

/* The options several commands take, as entries for their own lists. */
typedef enum
{
  GR_CLI_MODE,     /* --mode */
  GR_CLI_SCENARIO, /* --scenario, one */
  GR_CLI_TARGETS,  /* --targets */
  GR_CLI_BASEMAP,  /* --basemap */
  GR_CLI_JSON,     /* --json */
  GR_CLI_ARGS,     /* the arguments that are not options */
} GrCliOption;

GOptionEntry gr_cli_entry (GrCliOptions *options, GrCliOption option);

gboolean gr_cli_has_one_arg (char *const *args);
gboolean gr_cli_parse_targets (const char *key, GrTargetSet *set, GError **error);
char    *gr_cli_basemap_path (const char *option, const char *project);
void     gr_cli_print_warnings (GrProject *project);
void     gr_cli_print_left_out (const GrScenario *scenario);

G_END_DECLS
