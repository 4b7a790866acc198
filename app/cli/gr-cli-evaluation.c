/* gr-cli-evaluation.c — what analyze prints: an evaluation as JSON or as a readable table */
#include "config.h"

#include "gr-cli-evaluation.h"

#include "gr-format.h"
#include "gr-population.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

static double
share (double part, double whole)
{
  return whole > 0 ? part / whole : 0;
}

static void
add_double (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

/* null where the value is not @known: no population layer, no upper bound. */
static void
add_double_or_null (JsonBuilder *b, const char *name, double value, gboolean known)
{
  json_builder_set_member_name (b, name);
  if (known)
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* A number, or null where it is not finite (no data, no bound). */
void
gr_cli_json_add_number (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_amount (JsonBuilder *b, const GrAmount *amount, const GrAmount *total, gboolean people)
{
  add_double (b, "area_m2", amount->area_m2);
  add_double (b, "area_share", share (amount->area_m2, total->area_m2));
  add_double_or_null (b, "population", amount->population, people);
  add_double_or_null (b, "population_share", share (amount->population, total->population), people);
}

static void
add_block (JsonBuilder    *b,
           const char     *name,
           const GrAmount *amount,
           const GrAmount *total,
           gboolean        people,
           double          radius,
           double          min_area)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_double (b, "radius_m", radius);
  if (!isnan (min_area))
    add_double (b, "min_area_m2", min_area);
  add_amount (b, amount, total, people);
  json_builder_end_object (b);
}

/* "both" and "neither" combine two rules: their radius is the pair. */
static void
add_pair_block (JsonBuilder      *b,
                const char       *name,
                const GrAmount   *amount,
                const GrAmount   *total,
                gboolean          people,
                const GrCriteria *c)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "radius_m");
  json_builder_begin_array (b);
  json_builder_add_double_value (b, c->green_radius);
  json_builder_add_double_value (b, c->park_radius);
  json_builder_end_array (b);
  add_amount (b, amount, total, people);
  json_builder_end_object (b);
}

static void
add_rules (JsonBuilder *b, const GrServiceRules *rules)
{
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  for (guint i = 0; i < gr_service_rules_get_n_rules (rules); i++)
    {
      const GrServiceRule *r = gr_service_rules_get_rule (rules, i);

      json_builder_begin_object (b);
      add_double (b, "min_area_m2", r->min_area);
      add_double_or_null (b, "max_area_m2", r->max_area, !isinf (r->max_area));
      add_double (b, "radius_m", r->radius);
      json_builder_set_member_name (b, "historic_only");
      json_builder_add_boolean_value (b, r->historic_only);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The coverage blocks of a summary, as analyze --json writes them. */
void
gr_cli_evaluation_add_summary (JsonBuilder *b, const GrCliEvaluation *ev, const GrSummary *s)
{
  const GrCriteria *c = ev->criteria;
  gboolean          people = ev->evaluation->has_population;

  json_builder_set_member_name (b, "residential");
  json_builder_begin_object (b);
  add_double (b, "area_m2", s->residential.area_m2);
  add_double_or_null (b, "population", s->residential.population, people);
  json_builder_end_object (b);
  add_block (b, "green", &s->green, &s->residential, people, c->green_radius, c->green_min_area);
  add_block (b, "park", &s->park, &s->residential, people, c->park_radius, c->park_min_area);
  add_pair_block (b, "both", &s->both, &s->residential, people, c);
  add_pair_block (b, "neither", &s->neither, &s->residential, people, c);
  json_builder_set_member_name (b, "service_radius_rate");
  json_builder_begin_object (b);
  add_amount (b, &s->service, &s->residential, people);
  add_rules (b, ev->project->rules);
  json_builder_end_object (b);
}

/* Where the residents came from: features (a population layer), a table
 * per zone or a raster; null without residents. */
static void
add_population (JsonBuilder *b, const GrCliEvaluation *ev)
{
  const GrEvaluation *e = ev->evaluation;

  json_builder_set_member_name (b, "population");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "method");
  if (ev->project->population_method != NULL)
    json_builder_add_string_value (b, ev->project->population_method);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "estimate");
  json_builder_add_boolean_value (b, gr_population_is_estimate (ev->project));
  add_double_or_null (b, "placed", e->city.residential.population, e->has_population);
  add_double_or_null (b, "unplaced", e->unplaced, e->has_population);
  json_builder_end_object (b);
}

static void
add_zones (JsonBuilder *b, const GrCliEvaluation *ev)
{
  json_builder_set_member_name (b, "zones");
  json_builder_begin_array (b);
  for (guint z = 0; z < ev->evaluation->zones->len; z++)
    {
      g_autofree char *name = gr_project_zone_name (ev->project, z + 1);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, name);
      gr_cli_evaluation_add_summary (b, ev, &g_array_index (ev->evaluation->zones, GrSummary, z));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_unreachable (JsonBuilder *b, const GrCliEvaluation *ev)
{
  GArray *refs = ev->evaluation->unreachable;

  json_builder_set_member_name (b, "unreachable");
  json_builder_begin_array (b);
  for (guint i = 0; i < refs->len; i++)
    {
      GrSupplyRef *ref = &g_array_index (refs, GrSupplyRef, i);
      GrFeature   *f = g_ptr_array_index (ev->project->layers[ref->role]->features, ref->index);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, gr_role_to_string (ref->role));
      add_int (b, "id", ref->index + 1);
      json_builder_set_member_name (b, "name");
      if (f->name != NULL)
        json_builder_add_string_value (b, f->name);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_walking (JsonBuilder *b, const GrCliEvaluation *ev)
{
  const GrEvaluation *e = ev->evaluation;
  const GrCriteria   *c = ev->criteria;

  json_builder_set_member_name (b, "network");
  json_builder_begin_object (b);
  add_int (b, "nodes", e->network.nodes);
  add_int (b, "edges", e->network.edges);
  add_int (b, "components", e->network.components);
  add_int (b, "dangling_ends", e->network.dangling_ends);
  add_int (b, "snapped", e->network.snapped);
  add_double (b, "access_distance_m", c->access_distance);
  add_double (b, "attach_distance_m", c->attach_distance);
  add_double (b, "snap_m", c->snap);
  json_builder_end_object (b);
  add_unreachable (b, ev);
  json_builder_set_member_name (b, "unattached");
  json_builder_begin_object (b);
  add_double (b, "area_m2", e->unattached.area_m2);
  add_double_or_null (b, "population", e->unattached.population, e->has_population);
  json_builder_end_object (b);
}

char *
gr_cli_evaluation_to_json (const GrCliEvaluation *ev)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *crs = g_strdup_printf ("EPSG:%d", ev->project->epsg);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "crs");
  json_builder_add_string_value (b, ev->project->epsg > 0 ? crs : ev->project->crs_name);
  json_builder_set_member_name (b, "crs_name");
  json_builder_add_string_value (b, ev->project->crs_name);
  json_builder_set_member_name (b, "scenario");
  if (ev->scenario != NULL)
    json_builder_add_string_value (b, ev->scenario);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "mode");
  json_builder_add_string_value (b, ev->evaluation->walking ? "walking" : "straight-line");
  add_double_or_null (b, "resolution_m", ev->criteria->resolution, !ev->exact);
  json_builder_set_member_name (b, "exact");
  json_builder_add_boolean_value (b, ev->exact);
  gr_cli_evaluation_add_summary (b, ev, &ev->evaluation->city);
  add_double (b, "population_unplaced", ev->evaluation->unplaced);
  add_population (b, ev);
  add_int (b, "repaired_geometries", ev->project->repaired);
  if (ev->evaluation->walking)
    add_walking (b, ev);
  add_zones (b, ev);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/* ---- the table -------------------------------------------------------------- */

static void
table_row (GString        *out,
           const char     *label,
           const GrAmount *a,
           const GrAmount *total,
           gboolean        people)
{
  g_string_append (out, "  ");
  gr_format_pad (out, label, 36);
  g_string_append_printf (out, " %14.0f  %6.1f%%", a->area_m2,
                          100 * share (a->area_m2, total->area_m2));
  if (people)
    g_string_append_printf (out, "  %12.0f  %6.1f%%", a->population,
                            100 * share (a->population, total->population));
  g_string_append_c (out, '\n');
}

static void
table_summary (GString *out, const GrCliEvaluation *ev, const GrSummary *s)
{
  const GrCriteria *c = ev->criteria;
  gboolean          people = ev->evaluation->has_population;
  g_autofree char  *green =
      g_strdup_printf (_ ("Green ≥ %g m² within %g m"), c->green_min_area, c->green_radius);
  g_autofree char *park =
      g_strdup_printf (_ ("Park ≥ %g m² within %g m"), c->park_min_area, c->park_radius);

  g_string_append (out, "  ");
  gr_format_pad (out, "", 37);
  gr_format_pad (out, _ ("area (m²)"), -14);
  gr_format_pad (out, _ ("share"), -9);
  if (people)
    {
      gr_format_pad (out, _ ("residents"), -14);
      gr_format_pad (out, _ ("share"), -9);
    }
  g_string_append_c (out, '\n');
  table_row (out, _ ("Residential land"), &s->residential, &s->residential, people);
  table_row (out, green, &s->green, &s->residential, people);
  table_row (out, park, &s->park, &s->residential, people);
  table_row (out, _ ("Both"), &s->both, &s->residential, people);
  table_row (out, _ ("Neither (blind spot)"), &s->neither, &s->residential, people);
  table_row (out, _ ("Park service-radius coverage"), &s->service, &s->residential, people);
}

static void
table_walking (GString *out, const GrCliEvaluation *ev)
{
  const GrEvaluation *e = ev->evaluation;

  g_string_append_printf (
      out, _ ("Path network: %u nodes, %u edges, %u components, %u dangling ends\n"),
      e->network.nodes, e->network.edges, e->network.components, e->network.dangling_ends);
  g_string_append_printf (out, _ ("Homes more than %g m from any path (never covered): %.0f m²\n"),
                          ev->criteria->attach_distance, e->unattached.area_m2);
  for (guint i = 0; i < e->unreachable->len; i++)
    {
      GrSupplyRef *ref = &g_array_index (e->unreachable, GrSupplyRef, i);
      GrFeature   *f = g_ptr_array_index (ev->project->layers[ref->role]->features, ref->index);

      g_string_append_printf (out, _ ("Not reached by any path: %s %u %s\n"),
                              gr_role_get_label (ref->role), ref->index + 1,
                              f->name != NULL ? f->name : "");
    }
}

char *
gr_cli_evaluation_to_table (const GrCliEvaluation *ev)
{
  GString         *out = g_string_new (NULL);
  const GrSummary *city = &ev->evaluation->city;
  g_autofree char *residents = gr_population_describe (ev->project);

  if (ev->evaluation->walking)
    g_string_append_printf (
        out, _ ("Walking coverage along the path network (300 m to green, 500 m to a park)\n"));
  else
    g_string_append_printf (out, _ ("Straight-line coverage (300 m to green, 500 m to a park)\n"));
  if (ev->scenario != NULL)
    g_string_append_printf (out, _ ("Scenario: %s\n"), ev->scenario);
  g_string_append_printf (out, _ ("CRS: %s (EPSG:%d); method: %s\n"), ev->project->crs_name,
                          ev->project->epsg, ev->exact ? _ ("exact vectors") : _ ("grid"));
  if (!ev->exact)
    g_string_append_printf (out, _ ("Grid resolution: %g m\n"), ev->criteria->resolution);
  if (residents != NULL)
    g_string_append_printf (out, "%s\n", residents);
  g_string_append_c (out, '\n');
  table_summary (out, ev, city);
  g_string_append_printf (out, _ ("\nPark service-radius coverage rate: %.1f%%\n"),
                          100 * share (city->service.area_m2, city->residential.area_m2));
  if (ev->evaluation->unplaced > 0.5)
    g_string_append_printf (out, _ ("Residents on no residential land (not counted): %.0f\n"),
                            ev->evaluation->unplaced);
  if (ev->evaluation->walking)
    table_walking (out, ev);
  if (ev->project->repaired > 0)
    g_string_append_printf (out, _ ("Invalid geometries repaired: %u\n"), ev->project->repaired);
  for (guint z = 0; z < ev->evaluation->zones->len; z++)
    {
      g_autofree char *name = gr_project_zone_name (ev->project, z + 1);
      g_string_append_printf (out, "\n%s\n", name);
      table_summary (out, ev, &g_array_index (ev->evaluation->zones, GrSummary, z));
    }
  return g_string_free (out, FALSE);
}
