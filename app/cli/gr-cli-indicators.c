/* gr-cli-indicators.c — greenreach-cli indicators: every park-city
 * indicator of a project (or one of its scenarios) against a target set,
 * for the city and each zone, as a table, JSON or CSV
 */
#include "config.h"

#include "gr-cli-commands.h"
#include "gr-cli-common.h"
#include "gr-cli-open.h"
#include "gr-cli-evaluation.h"
#include "gr-corridor.h"
#include "gr-format.h"
#include "gr-indicators.h"
#include "gr-priority.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_indicator (JsonBuilder *b, GrIndicatorId id, const GrIndicator *it)
{
  gboolean judged = it->has_target && isfinite (it->value);

  json_builder_begin_object (b);
  add_string (b, "key", gr_indicator_get_key (id));
  add_string (b, "name", gr_indicator_get_name (id));
  add_string (b, "unit", gr_indicator_get_unit (id));
  add_string (b, "definition", gr_indicator_get_definition (id));
  gr_cli_json_add_number (b, "value", it->value);
  gr_cli_json_add_number (b, "target", it->has_target ? it->target : NAN);
  add_string (b, "comparison", !it->has_target ? "none" : it->strict ? ">" : ">=");
  json_builder_set_member_name (b, "pass");
  if (judged)
    json_builder_add_boolean_value (b, it->pass);
  else
    json_builder_add_null_value (b);
  gr_cli_json_add_number (b, "gap", judged ? it->gap : NAN);
  add_string (b, "gap_text", it->gap_text);
  add_string (b, "missing", it->missing);
  json_builder_end_object (b);
}

/* How many parks of a kind, and their area. */
static void
add_parks (JsonBuilder *b, const char *name, guint count, double area)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "count");
  json_builder_add_int_value (b, count);
  gr_cli_json_add_number (b, "area_m2", area);
  json_builder_end_object (b);
}

static const char *
level_key (GrLifeCircleLevel level)
{
  switch (level)
    {
    case GR_LIFE_CIRCLE_5:
      return "5-minute";
    case GR_LIFE_CIRCLE_10:
      return "10-minute";
    case GR_LIFE_CIRCLE_15:
      return "15-minute";
    case GR_LIFE_CIRCLE_UNKNOWN:
      break;
    }
  return "unknown";
}

static void
add_circles (JsonBuilder *b, const GrIndicators *in)
{
  json_builder_set_member_name (b, "life_circles");
  if (in->circles == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  add_string (b, "from", gr_role_to_string (in->circles_from));
  json_builder_set_member_name (b, "circles");
  json_builder_begin_array (b);
  for (guint i = 0; i < in->circles->len; i++)
    {
      const GrLifeCircle *c = &g_array_index (in->circles, GrLifeCircle, i);

      json_builder_begin_object (b);
      add_string (b, "name", c->name);
      add_string (b, "level", level_key (c->level));
      gr_cli_json_add_number (b, "residents", c->residents);
      gr_cli_json_add_number (b, "public_green_m2", c->green_m2);
      gr_cli_json_add_number (b, "green_per_resident_m2", c->per_capita);
      gr_cli_json_add_number (b, "largest_park_m2", c->largest_park_m2);
      json_builder_set_member_name (b, "green_ok");
      json_builder_add_boolean_value (b, c->green_ok);
      json_builder_set_member_name (b, "park_ok");
      json_builder_add_boolean_value (b, c->park_ok);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_scope (JsonBuilder *b, const GrIndicators *in)
{
  gr_cli_json_add_number (b, "population", in->population);
  gr_cli_json_add_number (b, "children", in->children);
  gr_cli_json_add_number (b, "elderly", in->elderly);
  gr_cli_json_add_number (b, "park_area_m2", in->park_area);
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    add_indicator (b, i, &in->items[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "park_system");
  json_builder_begin_object (b);
  for (guint c = 0; c < GR_N_PARK_CLASSES; c++)
    add_parks (b, gr_park_class_get_code (c), in->inventory.counts[c], in->inventory.areas[c]);
  add_parks (b, "pocket_park", in->inventory.pocket, in->inventory.pocket_area);
  add_parks (b, "disaster_prevention", in->inventory.disaster, in->inventory.disaster_area);
  json_builder_end_object (b);
  add_string (b, "system_check", in->system_check);
  add_circles (b, in);
}

static char *
value_text (const GrIndicator *it)
{
  if (!isfinite (it->value))
    return g_strdup ("–");
  return g_strdup_printf ("%.2f %s", it->value, gr_indicator_get_unit (it->id));
}

static char *
verdict_text (const GrIndicator *it)
{
  if (it->missing != NULL)
    return g_strdup (it->missing);
  if (!it->has_target)
    return g_strdup ("");
  if (it->pass)
    return g_strdup_printf (_ ("met (%s %.2f)"), it->strict ? ">" : "≥", it->target);
  return g_strdup_printf (_ ("NOT MET (%s %.2f): %s"), it->strict ? ">" : "≥", it->target,
                          it->gap_text);
}

/* @definitions: each indicator's definition on a line of its own (the
 * city's table), else the figures alone (the zones'). */
static void
print_table (const char *scope, const GrIndicators *in, gboolean definitions)
{
  printf ("\n%s\n", scope);
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      g_autofree char *value = value_text (&in->items[i]);
      g_autofree char *verdict = verdict_text (&in->items[i]);

      printf ("  %s: %s  %s\n", gr_indicator_get_name (i), value, verdict);
      if (definitions)
        printf ("      = %s\n", gr_indicator_get_definition (i));
    }
  printf ("  %s", _ ("Parks by class:"));
  for (guint c = 0; c < GR_N_PARK_CLASSES; c++)
    printf (" %s %u (%.1f ha)", gr_park_class_get_code (c), in->inventory.counts[c],
            in->inventory.areas[c] / 1e4);
  printf (_ ("; pocket parks %u; disaster-prevention %u\n"), in->inventory.pocket,
          in->inventory.disaster);
  if (in->system_check != NULL)
    {
      g_auto (GStrv) lines = g_strsplit (in->system_check, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        printf ("  %s\n", lines[i]);
    }
  for (guint i = 0; definitions && in->circles != NULL && i < in->circles->len; i++)
    {
      const GrLifeCircle *c = &g_array_index (in->circles, GrLifeCircle, i);
      g_autofree char    *people = gr_format_number (c->residents, 0);
      g_autofree char    *per =
          isfinite (c->per_capita) ? g_strdup_printf ("%.2f", c->per_capita) : g_strdup ("–");

      /* TRANSLATORS: a life circle: its name, residents, public green a
       * resident, and whether it holds a park of 1 ha */
      printf (_ ("  Life circle %s: %s residents, %s m² of park a resident, largest park "
                 "%.2f ha%s\n"),
              c->name, people, per, c->largest_park_m2 / 1e4,
              !gr_life_circle_checks_park (c->level) ? ""
              : c->park_ok                           ? ""
                                                     : _ (" — no park of 1 ha"));
    }
}

/* Units for machines: stable, ASCII. */
static const char *
indicators_unit_ascii (GrIndicatorId id)
{
  switch (id)
    {
    case GR_IND_PARK_PER_CAPITA:
    case GR_IND_COMPREHENSIVE_PER_CAPITA:
    case GR_IND_COMMUNITY_PER_CAPITA:
      return "m2/person";
    case GR_IND_GREENWAY_PER_10K:
      return "km/10000 residents";
    default:
      return "%";
    }
}

static void
csv_field (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The last column says where the residents come from (population.method
 * of the JSON): an estimate from buildings is marked on every row. */
static void
csv_rows (GString *out, const char *scope, const GrIndicators *in, const char *population)
{
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      const GrIndicator *it = &in->items[i];

      csv_field (out, scope);
      g_string_append_printf (out, ",%s,", gr_indicator_get_key (i));
      if (isfinite (it->value))
        g_string_append_printf (out, "%.6g", it->value);
      g_string_append_c (out, ',');
      csv_field (out, indicators_unit_ascii (i));
      g_string_append_c (out, ',');
      if (it->has_target)
        g_string_append_printf (out, "%s%.6g", it->strict ? ">" : ">=", it->target);
      g_string_append_c (out, ',');
      if (it->has_target && isfinite (it->value))
        g_string_append (out, it->pass ? "pass" : "fail");
      g_string_append_c (out, ',');
      if (it->has_target && isfinite (it->value) && !it->pass)
        g_string_append_printf (out, "%.6g", it->gap);
      g_string_append_c (out, ',');
      csv_field (out, it->missing != NULL ? it->missing : it->gap_text);
      g_string_append_c (out, ',');
      if (population != NULL)
        g_string_append (out, population);
      g_string_append_c (out, '\n');
    }
}

/* Loose greenway ends this near one another are one break to close, and
 * ends within a few metres of another greenway meet it. */

/* The CRS the coordinates of pinch points and greenway gaps are in: the
 * project's analysis CRS (a bureau's zone with prefix when its data had one). */
static char *
coordinates_crs (GrProject *project)
{
  return project->epsg > 0 ? g_strdup_printf ("EPSG:%d", project->epsg)
                           : g_strdup (project->crs_name != NULL ? project->crs_name : "");
}

static void
add_networks (JsonBuilder *b, GrProject *project)
{
  GrLayer         *corridors = project->layers[GR_ROLE_CORRIDOR];
  g_autofree char *crs = coordinates_crs (project);
  GrGreenwayReport r;

  add_string (b, "coordinates_crs", crs);

  json_builder_set_member_name (b, "corridors");
  json_builder_begin_array (b);
  for (guint i = 0; corridors != NULL && i < corridors->features->len; i++)
    {
      GrFeature      *f = g_ptr_array_index (corridors->features, i);
      GrCorridorWidth w;

      if (!gr_corridor_measure (f->geometry, GR_CORRIDOR_MIN_WIDTH, &w))
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, i + 1);
      add_string (b, "name", f->name);
      gr_cli_json_add_number (b, "narrowest_m", w.narrowest_m);
      gr_cli_json_add_number (b, "pinch_x", w.pinch_x);
      gr_cli_json_add_number (b, "pinch_y", w.pinch_y);
      json_builder_set_member_name (b, "continuous_100m");
      json_builder_add_boolean_value (b, w.passes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "greenways");
  if (project->layers[GR_ROLE_GREENWAY] == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  gr_greenway_report (project, GR_GREENWAY_JOIN_M, GR_GREENWAY_GAP_M, &r);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "networks");
  json_builder_add_int_value (b, r.n_networks);
  json_builder_set_member_name (b, "gaps");
  json_builder_begin_array (b);
  for (guint i = 0; i < r.gaps->len; i++)
    {
      GrGreenwayGap *g = &g_array_index (r.gaps, GrGreenwayGap, i);

      json_builder_begin_object (b);
      gr_cli_json_add_number (b, "length_m", g->length_m);
      gr_cli_json_add_number (b, "x0", g->x0);
      gr_cli_json_add_number (b, "y0", g->y0);
      gr_cli_json_add_number (b, "x1", g->x1);
      gr_cli_json_add_number (b, "y1", g->y1);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "links");
  json_builder_begin_array (b);
  for (guint i = 0; i < r.links->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (r.links, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  gr_greenway_report_clear (&r);
}

static void
print_networks (GrProject *project)
{
  GrLayer         *corridors = project->layers[GR_ROLE_CORRIDOR];
  g_autofree char *crs = coordinates_crs (project);
  GrGreenwayReport r;

  for (guint i = 0; corridors != NULL && i < corridors->features->len; i++)
    {
      GrFeature       *f = g_ptr_array_index (corridors->features, i);
      g_autofree char *name = f->name != NULL ? g_strdup (f->name) : g_strdup_printf ("#%u", i + 1);
      GrCorridorWidth  w;

      if (!gr_corridor_measure (f->geometry, GR_CORRIDOR_MIN_WIDTH, &w))
        continue;
      if (isfinite (w.pinch_x))
        printf (_ ("Corridor %s: narrowest %.0f m at x %.0f y %.0f (%s); a %.0f m passage end to "
                   "end: %s\n"),
                name, w.narrowest_m, w.pinch_x, w.pinch_y, crs, GR_CORRIDOR_MIN_WIDTH,
                w.passes ? _ ("yes") : _ ("no"));
      else
        printf (_ ("Corridor %s: narrowest %.0f m; a %.0f m passage end to end: %s\n"), name,
                w.narrowest_m, GR_CORRIDOR_MIN_WIDTH, w.passes ? _ ("yes") : _ ("no"));
    }
  if (project->layers[GR_ROLE_GREENWAY] == NULL)
    return;
  gr_greenway_report (project, GR_GREENWAY_JOIN_M, GR_GREENWAY_GAP_M, &r);
  printf (g_dngettext (GETTEXT_PACKAGE, "Greenways: %u network", "Greenways: %u networks",
                       r.n_networks),
          r.n_networks);
  printf (g_dngettext (GETTEXT_PACKAGE, ", %u gap to close\n", ", %u gaps to close\n", r.gaps->len),
          r.gaps->len);
  for (guint i = 0; i < r.gaps->len; i++)
    {
      GrGreenwayGap *g = &g_array_index (r.gaps, GrGreenwayGap, i);
      printf (_ ("  gap of %.0f m between x %.0f y %.0f and x %.0f y %.0f (%s)\n"), g->length_m,
              g->x0, g->y0, g->x1, g->y1, crs);
    }
  for (guint i = 0; i < r.links->len; i++)
    if (((char *) g_ptr_array_index (r.links, i))[0] != '\0')
      printf (_ ("  network %u links: %s\n"), i + 1, (char *) g_ptr_array_index (r.links, i));
  gr_greenway_report_clear (&r);
}

/* The ten blind-spot areas leaving the most residents out. */
#define N_PRIORITIES 10

static void
add_priorities (JsonBuilder *b, GrProject *project, GrAnalysis *analysis)
{
  g_autoptr (GArray) areas = gr_priority_areas_find (project, analysis, -1, N_PRIORITIES);

  json_builder_set_member_name (b, "priority_areas");
  json_builder_begin_array (b);
  for (guint i = 0; i < areas->len; i++)
    {
      const GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, i);
      g_autofree char      *zone = a->zone > 0 ? gr_project_zone_name (project, a->zone) : NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rank");
      json_builder_add_int_value (b, a->rank);
      gr_cli_json_add_number (b, "residents", a->residents);
      gr_cli_json_add_number (b, "children", a->children);
      gr_cli_json_add_number (b, "elderly", a->elderly);
      gr_cli_json_add_number (b, "area_m2", a->area_m2);
      gr_cli_json_add_number (b, "x", a->x);
      gr_cli_json_add_number (b, "y", a->y);
      add_string (b, "zone", zone);
      add_string (b, "nearest_site", a->site);
      gr_cli_json_add_number (b, "site_distance_m", a->site_distance_m);
      gr_cli_json_add_number (b, "site_x", a->site_x);
      gr_cli_json_add_number (b, "site_y", a->site_y);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_priorities (GrProject *project, GrAnalysis *analysis)
{
  g_autoptr (GArray) areas = gr_priority_areas_find (project, analysis, -1, N_PRIORITIES);
  g_autofree char *crs = coordinates_crs (project);

  if (areas->len == 0)
    return;
  printf ("\n%s\n", _ ("Priority areas: blind spots ranked by the residents they leave out"));
  for (guint i = 0; i < areas->len; i++)
    {
      const GrPriorityArea *a = &g_array_index (areas, GrPriorityArea, i);
      g_autofree char      *people = gr_format_number (a->residents, 0);
      g_autofree char      *zone = a->zone > 0 ? gr_project_zone_name (project, a->zone) : NULL;

      /* TRANSLATORS: "1. 1,324 residents, 7.00 ha at x 378570 y 4706895 (EPSG:32631)" */
      printf (_ ("  %u. %s residents, %.2f ha at x %.0f y %.0f (%s)"), a->rank, people,
              a->area_m2 / 1e4, a->x, a->y, crs);
      if (isfinite (a->children) || isfinite (a->elderly))
        {
          g_autofree char *children =
              isfinite (a->children) ? gr_format_number (a->children, 0) : g_strdup ("–");
          g_autofree char *elderly =
              isfinite (a->elderly) ? gr_format_number (a->elderly, 0) : g_strdup ("–");

          /* TRANSLATORS: children aged 0–14 and elderly aged 60+ among them */
          printf (_ (", %s children, %s elderly"), children, elderly);
        }
      if (zone != NULL)
        printf (", %s", zone);
      if (a->site != NULL)
        printf (_ ("; nearest site %s, %.0f m"), a->site, a->site_distance_m);
      printf ("\n");
    }
}

/* One run of the command: what is measured, against which targets. */
typedef struct
{
  GrProject  *project;
  GrAnalysis *analysis;
  GrTargetSet targets;
  GrTarget    custom[GR_N_INDICATORS]; /* the project's own, for GR_TARGETS_PROJECT */
  const char *scenario;                /* NULL: the project's own data */
  gboolean    walking;
} Run;

/* @zone: 1-based, or -1 for the city. */
static void
compute (const Run *run, int zone, GrIndicators *out)
{
  if (run->targets == GR_TARGETS_PROJECT)
    gr_indicators_compute_with (out, run->project, run->analysis, zone, run->targets, run->custom);
  else
    gr_indicators_compute (out, run->project, run->analysis, zone, run->targets);
}

static void
add_zones (JsonBuilder *b, const Run *run)
{
  json_builder_set_member_name (b, "zones");
  json_builder_begin_array (b);
  for (guint z = 1; z <= gr_project_get_n_zones (run->project); z++)
    {
      g_autofree char *name = gr_project_zone_name (run->project, z);
      GrIndicators     zone;

      compute (run, z, &zone);
      json_builder_begin_object (b);
      add_string (b, "name", name);
      add_scope (b, &zone);
      json_builder_end_object (b);
      gr_indicators_clear (&zone);
    }
  json_builder_end_array (b);
}

static void
print_json (const Run *run, const GrIndicators *city)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  add_string (b, "scenario", run->scenario);
  add_string (b, "targets", gr_target_set_get_key (run->targets));
  add_string (b, "mode", run->walking ? "walking" : "straight-line");
  json_builder_set_member_name (b, "builtup_boundary");
  json_builder_add_boolean_value (b, city->builtup);
  json_builder_set_member_name (b, "city");
  json_builder_begin_object (b);
  add_scope (b, city);
  json_builder_end_object (b);
  add_networks (b, run->project);
  add_priorities (b, run->project, run->analysis);
  add_zones (b, run);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

static void
print_csv (const Run *run, const GrIndicators *city)
{
  g_autoptr (GString) out =
      g_string_new ("scope,indicator,value,unit,target,result,gap,note,population\n");
  const char *population = run->project->population_method;

  csv_rows (out, "city", city, population);
  for (guint z = 1; z <= gr_project_get_n_zones (run->project); z++)
    {
      g_autofree char *name = gr_project_zone_name (run->project, z);
      GrIndicators     zone;

      compute (run, z, &zone);
      csv_rows (out, name, &zone, population);
      gr_indicators_clear (&zone);
    }
  fputs (out->str, stdout);
}

static void
print_text (const Run *run, const GrIndicators *city)
{
  printf (_ ("Targets: %s; distance: %s; park area counted %s\n"),
          gr_target_set_get_label (run->targets),
          run->walking ? _ ("walking") : _ ("straight-line"),
          city->builtup ? _ ("inside the built-up boundary")
                        : _ ("everywhere (no built-up boundary layer)"));
  if (run->scenario != NULL)
    printf (_ ("Scenario: %s\n"), run->scenario);
  print_table (_ ("City"), city, TRUE);
  print_networks (run->project);
  print_priorities (run->project, run->analysis);
  for (guint z = 1; z <= gr_project_get_n_zones (run->project); z++)
    {
      g_autofree char *name = gr_project_zone_name (run->project, z);
      GrIndicators     zone;

      compute (run, z, &zone);
      print_table (name, &zone, FALSE);
      gr_indicators_clear (&zone);
    }
}

/* Returns: %FALSE on a usage error, printed. */
static gboolean
options_parse (GrCliOptions *o, gboolean *csv, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("PROJECT.gpkg"));
  GOptionEntry entries[] = {
    gr_cli_entry (o, GR_CLI_SCENARIO),
    gr_cli_entry (o, GR_CLI_TARGETS),
    gr_cli_entry (o, GR_CLI_MODE),
    gr_cli_entry (o, GR_CLI_JSON),
    { "csv", 0, 0, G_OPTION_ARG_NONE, csv, N_ ("Print CSV: one row per indicator and scope"),
      NULL },
    gr_cli_entry (o, GR_CLI_ARGS),
    { NULL },
  };

  gr_cli_options_init (o);
  g_option_context_set_summary (
      context, _ ("The park-city indicators against a target set, for the city and each "
                  "zone."));
  return gr_cli_parse_options (context, entries, argc, argv);
}

/* greenreach-cli indicators PROJECT [--scenario NAME] [--targets SET] [--mode MODE] [--json|--csv] */
int
gr_cli_indicators (int argc, char **argv)
{
  g_auto (GrCliOptions) o = { 0 };
  g_auto (GrCliInput) input = { 0 };
  g_autoptr (GError) error = NULL;
  gboolean     csv = FALSE;
  Run          run = { 0 };
  GrIndicators city;

  if (!options_parse (&o, &csv, &argc, &argv))
    return EXIT_USAGE;
  if (!gr_cli_has_one_arg (o.args))
    return gr_cli_fail (EXIT_USAGE, _ ("indicators needs one project file"));
  if (o.json && csv)
    return gr_cli_fail (EXIT_USAGE, _ ("choose --json or --csv, not both"));
  if (!gr_cli_parse_targets (o.targets, &run.targets, &error)
      || !gr_cli_criteria_check (&o.criteria, &error))
    return gr_cli_fail (EXIT_USAGE, error->message);
  if (!gr_cli_input_open (&input, o.args, o.scenario, NULL, &o.criteria.values, &error)
      || (run.targets == GR_TARGETS_PROJECT
          && !gr_project_targets_load (o.args[0], run.custom, &error)))
    return gr_cli_fail (EXIT_DATA, error->message);
  run.project = input.project;
  run.analysis = input.analysis;
  run.scenario = o.scenario;
  run.walking = o.criteria.values.walking;
  compute (&run, -1, &city);
  if (o.json)
    print_json (&run, &city);
  else if (csv)
    print_csv (&run, &city);
  else
    print_text (&run, &city);
  gr_indicators_clear (&city);
  return EXIT_OK;
}
