/* gr-indicators.c — the park-city indicators a bureau reports
 *
 * Definitions and targets: STANDARDS.md §2–7, from GB 55014-2021 (园林绿化
 * 工程项目规范), the national ecological garden city standard, Yuncheng's
 * 2023 landscaping plan and Datong's 2025 park-city plan. Where a definition
 * leaves a choice, the choice is reported with the figure:
 * - park green area counts parks inside the built-up boundary when the
 *   project has one, else every park (GrIndicators.builtup says which);
 * - residents are the population layer's, the unplaced included for the
 *   city, those placed in the zone for a zone.
 */
#include "config.h"

#include "gr-indicators.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

static const struct
{
  const char *key;
  const char *name;
  const char *unit;
} indicators[GR_N_INDICATORS] = {
  [GR_IND_PARK_PER_CAPITA] = { "park_per_capita", N_("Per-capita park green area (人均公园绿地面积)"), N_("m²/person") },
  [GR_IND_COMPREHENSIVE_PER_CAPITA] = { "comprehensive_park_per_capita", N_("Per-capita comprehensive-park area"),
                                        N_("m²/person") },
  [GR_IND_COMMUNITY_PER_CAPITA] = { "community_park_per_capita", N_("Per-capita community-park area"),
                                    N_("m²/person") },
  [GR_IND_SERVICE_RATE] = { "service_radius_rate", N_("Park service-radius coverage (公园绿地服务半径覆盖率)"), "%" },
  [GR_IND_SERVICE_POPULATION] = { "service_radius_residents", N_("Residents inside a park service radius"), "%" },
  [GR_IND_GREEN_300] = { "green_300m", N_("Homes within 300 m of green space (300米见绿)"), "%" },
  [GR_IND_GREEN_300_POPULATION] = { "green_300m_residents", N_("Residents within 300 m of green space"), "%" },
  [GR_IND_PARK_500] = { "park_500m", N_("Homes within 500 m of a park (500米见园)"), "%" },
  [GR_IND_PARK_500_POPULATION] = { "park_500m_residents", N_("Residents within 500 m of a park"), "%" },
  [GR_IND_GREENWAY_PER_10K] = { "greenway_per_10k", N_("Greenway length per 10,000 residents (万人拥有绿道长度)"),
                                N_("km") },
  [GR_IND_NURSERY_SHARE] = { "nursery_share", N_("Nursery land in the built-up area (苗圃面积占比)"), "%" },
};

typedef GrTarget Target;

#define AT_LEAST(v) { v, FALSE }
#define MORE_THAN(v) { v, TRUE }
#define NO_TARGET { NAN, FALSE }

static const struct
{
  const char *key;
  const char *label;
  Target      targets[GR_N_INDICATORS];
} sets[GR_N_TARGET_SETS] = {
  [GR_TARGETS_NONE] = { "none", N_("No targets"),
                        { NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET,
                          NO_TARGET, NO_TARGET, NO_TARGET } },
  /* Yuncheng 2023 plan: 13 m², 80 %, 1 km per 10,000 by 2025; nursery ≥ 2 %. */
  [GR_TARGETS_YUNCHENG_2025] = { "yuncheng-2025", N_("Yuncheng 2025"),
                                 { [GR_IND_PARK_PER_CAPITA] = AT_LEAST (13), [GR_IND_COMPREHENSIVE_PER_CAPITA] = NO_TARGET,
                                   [GR_IND_COMMUNITY_PER_CAPITA] = NO_TARGET, [GR_IND_SERVICE_RATE] = AT_LEAST (80),
                                   [GR_IND_SERVICE_POPULATION] = NO_TARGET, [GR_IND_GREEN_300] = NO_TARGET,
                                   [GR_IND_GREEN_300_POPULATION] = NO_TARGET, [GR_IND_PARK_500] = NO_TARGET,
                                   [GR_IND_PARK_500_POPULATION] = NO_TARGET, [GR_IND_GREENWAY_PER_10K] = AT_LEAST (1.0),
                                   [GR_IND_NURSERY_SHARE] = AT_LEAST (2) } },
  /* … and 14 m², 85 %, 1.5 km by 2030. */
  [GR_TARGETS_YUNCHENG_2030] = { "yuncheng-2030", N_("Yuncheng 2030"),
                                 { [GR_IND_PARK_PER_CAPITA] = AT_LEAST (14), [GR_IND_COMPREHENSIVE_PER_CAPITA] = NO_TARGET,
                                   [GR_IND_COMMUNITY_PER_CAPITA] = NO_TARGET, [GR_IND_SERVICE_RATE] = AT_LEAST (85),
                                   [GR_IND_SERVICE_POPULATION] = NO_TARGET, [GR_IND_GREEN_300] = NO_TARGET,
                                   [GR_IND_GREEN_300_POPULATION] = NO_TARGET, [GR_IND_PARK_500] = NO_TARGET,
                                   [GR_IND_PARK_500_POPULATION] = NO_TARGET, [GR_IND_GREENWAY_PER_10K] = AT_LEAST (1.5),
                                   [GR_IND_NURSERY_SHARE] = AT_LEAST (2) } },
  /* Datong 2025 plan: 1.25 km per 10,000 by 2035; "300 m to green, 500 m
   * to a park" for every home (服务半径全覆盖). */
  [GR_TARGETS_DATONG_2035] = { "datong-2035", N_("Datong 2035"),
                               { [GR_IND_PARK_PER_CAPITA] = NO_TARGET, [GR_IND_COMPREHENSIVE_PER_CAPITA] = NO_TARGET,
                                 [GR_IND_COMMUNITY_PER_CAPITA] = NO_TARGET, [GR_IND_SERVICE_RATE] = NO_TARGET,
                                 [GR_IND_SERVICE_POPULATION] = NO_TARGET, [GR_IND_GREEN_300] = AT_LEAST (100),
                                 [GR_IND_GREEN_300_POPULATION] = NO_TARGET, [GR_IND_PARK_500] = AT_LEAST (100),
                                 [GR_IND_PARK_500_POPULATION] = NO_TARGET, [GR_IND_GREENWAY_PER_10K] = AT_LEAST (1.25),
                                 [GR_IND_NURSERY_SHARE] = NO_TARGET } },
  /* GB 55014-2021 minimums: > 8.0 m², comprehensive and community > 3.0
   * each, service radius > 80 %. */
  [GR_TARGETS_GB55014] = { "gb55014-2021", N_("GB 55014-2021 minimums"),
                           { [GR_IND_PARK_PER_CAPITA] = MORE_THAN (8.0), [GR_IND_COMPREHENSIVE_PER_CAPITA] = MORE_THAN (3.0),
                             [GR_IND_COMMUNITY_PER_CAPITA] = MORE_THAN (3.0), [GR_IND_SERVICE_RATE] = MORE_THAN (80),
                             [GR_IND_SERVICE_POPULATION] = NO_TARGET, [GR_IND_GREEN_300] = NO_TARGET,
                             [GR_IND_GREEN_300_POPULATION] = NO_TARGET, [GR_IND_PARK_500] = NO_TARGET,
                             [GR_IND_PARK_500_POPULATION] = NO_TARGET, [GR_IND_GREENWAY_PER_10K] = NO_TARGET,
                             [GR_IND_NURSERY_SHARE] = NO_TARGET } },
  /* National ecological garden city: ≥ 14.8 m² (≥ 5.5 in every district),
   * service radius ≥ 90 %. */
  [GR_TARGETS_ECO_GARDEN_CITY] = { "eco-garden-city", N_("National ecological garden city"),
                                   { [GR_IND_PARK_PER_CAPITA] = AT_LEAST (14.8),
                                     [GR_IND_COMPREHENSIVE_PER_CAPITA] = NO_TARGET,
                                     [GR_IND_COMMUNITY_PER_CAPITA] = NO_TARGET, [GR_IND_SERVICE_RATE] = AT_LEAST (90),
                                     [GR_IND_SERVICE_POPULATION] = NO_TARGET, [GR_IND_GREEN_300] = NO_TARGET,
                                     [GR_IND_GREEN_300_POPULATION] = NO_TARGET, [GR_IND_PARK_500] = NO_TARGET,
                                     [GR_IND_PARK_500_POPULATION] = NO_TARGET, [GR_IND_GREENWAY_PER_10K] = NO_TARGET,
                                     [GR_IND_NURSERY_SHARE] = NO_TARGET } },
  /* Filled from the project file (gr_project_targets_load ()). */
  [GR_TARGETS_PROJECT] = { "project", N_("This project's own targets"),
                           { NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET, NO_TARGET,
                             NO_TARGET, NO_TARGET, NO_TARGET } },
};

/* The ecological garden city asks every district for ≥ 5.5 m²/person. */
#define ECO_DISTRICT_PER_CAPITA 5.5

const char *
gr_indicator_get_name (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return _(indicators[id].name);
}

const char *
gr_indicator_get_key (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return indicators[id].key;
}

const char *
gr_indicator_get_unit (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return _(indicators[id].unit);
}

gboolean
gr_indicator_from_key (const char    *key,
                       GrIndicatorId *id)
{
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    if (g_strcmp0 (key, indicators[i].key) == 0)
      {
        *id = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gr_target_set_get_key (GrTargetSet set)
{
  g_return_val_if_fail (set < GR_N_TARGET_SETS, NULL);
  return sets[set].key;
}

const char *
gr_target_set_get_label (GrTargetSet set)
{
  g_return_val_if_fail (set < GR_N_TARGET_SETS, NULL);
  return _(sets[set].label);
}

gboolean
gr_target_set_from_key (const char  *key,
                        GrTargetSet *set)
{
  for (guint i = 0; i < GR_N_TARGET_SETS; i++)
    if (g_strcmp0 (key, sets[i].key) == 0)
      {
        *set = i;
        return TRUE;
      }
  return FALSE;
}

/* 防灾避险公园: a park of any class with the emergency-shelter role, known
 * from its class or name. */
gboolean
gr_park_is_disaster_refuge (const GrFeature *feature)
{
  static const char words[] = "防灾|避险|避难|应急|disaster|emergency|shelter";

  return gr_text_has_word (feature->kind, words) || gr_text_has_word (feature->name, words);
}

/* ---- geometry helpers ------------------------------------------------------ */

/* One geometry for a layer's areas (NULL for no layer), clipped to @clip. */
static OGRGeometryH
layer_union (GrLayer *layer, OGRGeometryH clip)
{
  OGRGeometryH all, merged;

  if (layer == NULL || layer->features->len == 0)
    return NULL;
  all = OGR_G_CreateGeometry (wkbMultiPolygon);
  for (guint i = 0; i < layer->features->len; i++)
    {
      OGRGeometryH g = ((GrFeature *) g_ptr_array_index (layer->features, i))->geometry;

      if (wkbFlatten (OGR_G_GetGeometryType (g)) == wkbMultiPolygon)
        for (int k = 0; k < OGR_G_GetGeometryCount (g); k++)
          OGR_G_AddGeometry (all, OGR_G_GetGeometryRef (g, k));
      else if (wkbFlatten (OGR_G_GetGeometryType (g)) == wkbPolygon)
        OGR_G_AddGeometry (all, g);
    }
  merged = OGR_G_UnionCascaded (all);
  OGR_G_DestroyGeometry (all);
  if (merged != NULL && clip != NULL)
    {
      OGRGeometryH cut = OGR_G_Intersection (merged, clip);

      OGR_G_DestroyGeometry (merged);
      merged = cut;
    }
  return merged;
}

static double
area_within (OGRGeometryH g, OGRGeometryH clip)
{
  g_auto (OGRGeometryH) cut = NULL;

  if (clip == NULL)
    return OGR_G_Area (g);
  cut = OGR_G_Intersection (g, clip);
  return cut != NULL ? OGR_G_Area (cut) : 0;
}

static double
length_within (OGRGeometryH g, OGRGeometryH clip)
{
  g_auto (OGRGeometryH) cut = NULL;

  if (clip == NULL)
    return OGR_G_Length (g);
  cut = OGR_G_Intersection (g, clip);
  return cut != NULL ? OGR_G_Length (cut) : 0;
}

/* ---- the indicators ---------------------------------------------------------- */

static void
set_missing (GrIndicator *item, const char *missing)
{
  item->value = NAN;
  g_free (item->missing);
  item->missing = g_strdup (missing);
}

typedef enum
{
  LAND_PARK_M2,
  LAND_RESIDENTS,
  LAND_RESIDENTIAL_HA,
  LAND_GREENWAY_KM,
  LAND_NURSERY_HA,
} Land;

/* Target, pass/fail and the gap in the indicator's unit and in what it
 * takes on the ground (@per_unit of @land per unit of the indicator). */
static void
judge (GrIndicator *item, Target t, double per_unit, Land land)
{
  g_autofree char *ground = NULL;
  double need;

  item->has_target = isfinite (t.value);
  item->target = t.value;
  item->strict = t.strict;
  if (!item->has_target || !isfinite (item->value))
    return;
  item->pass = t.strict ? item->value > t.value : item->value >= t.value;
  if (item->pass)
    return;
  item->gap = t.value - item->value;
  need = item->gap * per_unit;
  switch (land)
    {
    case LAND_PARK_M2:
      ground = g_strdup_printf (_("%.0f m² of park"), need);
      break;
    case LAND_RESIDENTS:
      ground = g_strdup_printf (_("%.0f residents"), need);
      break;
    case LAND_RESIDENTIAL_HA:
      ground = g_strdup_printf (_("%.2f ha of residential land"), need);
      break;
    case LAND_GREENWAY_KM:
      ground = g_strdup_printf (_("%.2f km of greenway"), need);
      break;
    case LAND_NURSERY_HA:
      ground = g_strdup_printf (_("%.2f ha of nursery"), need);
      break;
    }
  /* TRANSLATORS: "short by 1.20 m²/person = 84000 m² of park"; shares
   * fall short in percentage points */
  item->gap_text = g_strdup_printf (_("short by %.2f %s = %s"), item->gap,
                                    g_str_equal (indicators[item->id].unit, "%") ? _("points")
                                                                                 : gr_indicator_get_unit (item->id),
                                    ground);
}

/* Coverage (STANDARDS §1–2): area shares, and residents' shares, from the
 * analysis's summary alone. */
static void
coverage_items (GrIndicators *out, const GrSummary *s, const Target *t)
{
  double residential = s->residential.area_m2;
  const struct
  {
    GrIndicatorId id;
    const GrAmount *amount;
    gboolean people;
  } shares[] = {
    { GR_IND_SERVICE_RATE, &s->service, FALSE },    { GR_IND_SERVICE_POPULATION, &s->service, TRUE },
    { GR_IND_GREEN_300, &s->green, FALSE },         { GR_IND_GREEN_300_POPULATION, &s->green, TRUE },
    { GR_IND_PARK_500, &s->park, FALSE },           { GR_IND_PARK_500_POPULATION, &s->park, TRUE },
  };

  for (guint k = 0; k < G_N_ELEMENTS (shares); k++)
    {
      GrIndicator *item = &out->items[shares[k].id];

      g_clear_pointer (&item->gap_text, g_free);
      item->pass = FALSE, item->gap = 0, item->value = NAN;
      if (!(residential > 0))
        set_missing (item, _("needs residential land"));
      else if (shares[k].people && !(s->residential.population > 0))
        set_missing (item, _("needs a population layer (residents)"));
      else
        item->value = 100 * (shares[k].people ? shares[k].amount->population / s->residential.population
                                              : shares[k].amount->area_m2 / residential);
      if (shares[k].people)
        judge (item, t[shares[k].id], s->residential.population / 100, LAND_RESIDENTS);
      else
        judge (item, t[shares[k].id], residential / 100 / 1e4, LAND_RESIDENTIAL_HA);
    }
}

/**
 * gr_indicators_update_coverage:
 * @targets: as given to the computation @out came from
 *
 * Brings only the coverage indicators up to date with @analysis: what a
 * dragged park changes, cheaply enough for every pointer motion.
 */
void
gr_indicators_update_coverage (GrIndicators   *out,
                               GrAnalysis     *analysis,
                               int             zone,
                               const GrTarget *targets)
{
  GrSummary s;

  gr_analysis_summarize (analysis, zone, &s);
  coverage_items (out, &s, targets);
}

const GrTarget *
gr_target_set_get_targets (GrTargetSet set)
{
  g_return_val_if_fail (set < GR_N_TARGET_SETS, NULL);
  return sets[set].targets;
}

static void
check_system (GrIndicators *out, GrProject *project, int zone)
{
  GrLayer *parks = project->layers[GR_ROLE_PARK];
  GrLayer *zones = project->layers[GR_ROLE_ZONES];
  GString *text = g_string_new (NULL);
  guint first = zone > 0 ? zone : 1, last = zone > 0 ? (guint) zone : gr_project_get_n_zones (project);

  /* Yuncheng 2025: every county at least one comprehensive park, one
   * country park and one disaster-prevention park. */
  for (guint z = first; zones != NULL && z <= last; z++)
    {
      GrFeature *area = g_ptr_array_index (zones->features, z - 1);
      guint comprehensive = 0, country = 0, refuge = 0;
      g_autofree char *name = gr_project_zone_name (project, z);
      GString *lacks = g_string_new (NULL);

      for (guint i = 0; parks != NULL && i < parks->features->len; i++)
        {
          GrFeature *f = g_ptr_array_index (parks->features, i);
          g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (f->geometry);
          GrParkClass c;

          if (inside == NULL || !OGR_G_Contains (area->geometry, inside))
            continue;
          c = gr_park_class_from_kind (f->kind, OGR_G_Area (f->geometry), NULL);
          comprehensive += c == GR_PARK_CLASS_COMPREHENSIVE;
          country += c == GR_PARK_CLASS_COUNTRY;
          refuge += gr_park_is_disaster_refuge (f);
        }
      if (comprehensive == 0)
        g_string_append_printf (lacks, "%s%s", lacks->len ? _(", ") : "", _("a comprehensive park"));
      if (country == 0)
        g_string_append_printf (lacks, "%s%s", lacks->len ? _(", ") : "", _("a country park"));
      if (refuge == 0)
        g_string_append_printf (lacks, "%s%s", lacks->len ? _(", ") : "", _("a disaster-prevention park"));
      if (lacks->len > 0)
        g_string_append_printf (text, _("%s lacks %s\n"), name, lacks->str);
      g_string_free (lacks, TRUE);
    }
  /* … and the city at least one botanical or specialised park and one
   * country park. */
  if (zone < 0)
    {
      guint specialised = 0, country = 0;

      for (guint i = 0; parks != NULL && i < parks->features->len; i++)
        {
          GrFeature *f = g_ptr_array_index (parks->features, i);
          GrParkClass c = gr_park_class_from_kind (f->kind, OGR_G_Area (f->geometry), NULL);

          specialised += c == GR_PARK_CLASS_SPECIALISED;
          country += c == GR_PARK_CLASS_COUNTRY;
        }
      if (specialised == 0 || country == 0)
        g_string_append_printf (text, _("The city lacks %s\n"),
                                specialised == 0 && country == 0 ? _("a botanical or specialised park, a country park")
                                : specialised == 0               ? _("a botanical or specialised park")
                                                                 : _("a country park"));
    }
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  out->system_check = text->len > 0 ? g_string_free (text, FALSE) : (g_string_free (text, TRUE), NULL);
}

/**
 * gr_indicators_compute:
 * @analysis: the project's coverage, straight-line or walking
 * @zone: a zone (1-based) or -1 for the whole city
 *
 * Every indicator with its target in @targets. Clear with
 * gr_indicators_clear().
 */
void
gr_indicators_compute (GrIndicators *out,
                       GrProject    *project,
                       GrAnalysis   *analysis,
                       int           zone,
                       GrTargetSet   targets)
{
  g_return_if_fail (targets < GR_N_TARGET_SETS);
  gr_indicators_compute_with (out, project, analysis, zone, targets, sets[targets].targets);
}

/**
 * gr_indicators_compute_with:
 * @set: what @targets are, for the report
 * @targets: one per indicator (the project's own, say)
 */
void
gr_indicators_compute_with (GrIndicators   *out,
                            GrProject      *project,
                            GrAnalysis     *analysis,
                            int             zone,
                            GrTargetSet     set,
                            const GrTarget *targets)
{
  GrLayer *parks = project->layers[GR_ROLE_PARK];
  GrLayer *pop = project->layers[GR_ROLE_POPULATION];
  g_auto (OGRGeometryH) zone_area = NULL;
  g_auto (OGRGeometryH) builtup = NULL;
  GrSummary s;
  double class_area[GR_N_PARK_CLASSES] = { 0 };
  const Target *t = targets;

  memset (out, 0, sizeof *out);
  out->targets = set;
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    out->items[i].id = i;
  if (zone > 0 && project->layers[GR_ROLE_ZONES] != NULL && (guint) zone <= gr_project_get_n_zones (project))
    zone_area = OGR_G_Clone (((GrFeature *) g_ptr_array_index (project->layers[GR_ROLE_ZONES]->features,
                                                               zone - 1))->geometry);
  builtup = layer_union (project->layers[GR_ROLE_BUILTUP], zone_area);
  out->builtup = builtup != NULL;
  gr_analysis_summarize (analysis, zone, &s);

  /* Residents: the population layer's. */
  out->population = s.residential.population + (zone > 0 ? 0 : gr_analysis_get_unplaced_population (analysis));
  if (pop == NULL || !(out->population > 0))
    out->population = NAN;

  /* Park green area, by class, inside the built-up area when there is one. */
  for (guint i = 0; parks != NULL && i < parks->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (parks->features, i);
      g_auto (OGRGeometryH) clip = builtup != NULL ? OGR_G_Clone (builtup)
                                   : zone_area != NULL ? OGR_G_Clone (zone_area) : NULL;
      double whole = OGR_G_Area (f->geometry), counted = area_within (f->geometry, clip);
      GrParkClass c = gr_park_class_from_kind (f->kind, whole, NULL);
      g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (f->geometry);

      out->park_area += counted;
      class_area[c] += counted;
      /* The inventory counts a park where it mostly is. */
      if (zone_area == NULL || (inside != NULL && OGR_G_Contains (zone_area, inside)))
        {
          out->inventory.counts[c]++;
          out->inventory.areas[c] += whole;
          if (gr_park_is_disaster_refuge (f))
            out->inventory.disaster++, out->inventory.disaster_area += whole;
          /* 口袋公园: street gardens of 400–10,000 m² (MOHURD guideline). */
          if (c == GR_PARK_CLASS_STREET_GARDEN && whole >= 400 && whole <= 10000)
            out->inventory.pocket++, out->inventory.pocket_area += whole;
        }
    }

  /* Per capita (STANDARDS §3). */
  {
    const GrIndicatorId ids[] = { GR_IND_PARK_PER_CAPITA, GR_IND_COMPREHENSIVE_PER_CAPITA,
                                  GR_IND_COMMUNITY_PER_CAPITA };
    const double areas[] = { out->park_area, class_area[GR_PARK_CLASS_COMPREHENSIVE],
                             class_area[GR_PARK_CLASS_COMMUNITY] };

    for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
      {
        GrIndicator *item = &out->items[ids[k]];
        Target target = t[ids[k]];

        if (!isfinite (out->population))
          set_missing (item, _("needs a population layer (residents)"));
        else if (parks == NULL)
          set_missing (item, _("needs a park layer"));
        else
          item->value = areas[k] / out->population;
        if (set == GR_TARGETS_ECO_GARDEN_CITY && zone > 0 && ids[k] == GR_IND_PARK_PER_CAPITA)
          target = (Target) AT_LEAST (ECO_DISTRICT_PER_CAPITA);
        judge (item, target, isfinite (out->population) ? out->population : 0, LAND_PARK_M2);
      }
  }

  coverage_items (out, &s, t);

  /* Greenways (STANDARDS §4): km per 10,000 residents. */
  {
    GrIndicator *item = &out->items[GR_IND_GREENWAY_PER_10K];
    GrLayer *greenways = project->layers[GR_ROLE_GREENWAY];
    double km = 0;

    for (guint i = 0; greenways != NULL && i < greenways->features->len; i++)
      km += length_within (((GrFeature *) g_ptr_array_index (greenways->features, i))->geometry, zone_area) / 1000;
    if (greenways == NULL)
      set_missing (item, _("needs a greenway layer"));
    else if (!isfinite (out->population))
      set_missing (item, _("needs a population layer (residents)"));
    else
      item->value = km / (out->population / 1e4);
    judge (item, t[GR_IND_GREENWAY_PER_10K], isfinite (out->population) ? out->population / 1e4 : 0,
           LAND_GREENWAY_KM);
  }

  /* Nursery land (STANDARDS §7): ≥ 2 % of the built-up area. */
  {
    GrIndicator *item = &out->items[GR_IND_NURSERY_SHARE];
    g_auto (OGRGeometryH) nursery = builtup != NULL ? layer_union (project->layers[GR_ROLE_NURSERY], builtup) : NULL;
    double built = builtup != NULL ? OGR_G_Area (builtup) : 0;

    if (project->layers[GR_ROLE_BUILTUP] == NULL || project->layers[GR_ROLE_NURSERY] == NULL)
      set_missing (item, _("needs nursery and built-up boundary layers"));
    else if (!(built > 0))
      set_missing (item, _("the built-up boundary has no area here"));
    else
      item->value = 100 * (nursery != NULL ? OGR_G_Area (nursery) : 0) / built;
    judge (item, t[GR_IND_NURSERY_SHARE], built / 100 / 1e4, LAND_NURSERY_HA);
  }

  check_system (out, project, zone);
}

void
gr_indicators_clear (GrIndicators *out)
{
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    {
      g_clear_pointer (&out->items[i].missing, g_free);
      g_clear_pointer (&out->items[i].gap_text, g_free);
    }
  g_clear_pointer (&out->system_check, g_free);
}

/* ---- the project's own targets ---------------------------------------------- */

static sqlite3 *
open_targets (const char *path, int flags, GError **error)
{
  sqlite3 *db = NULL;

  if (!gr_project_file_is_project (path))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_FORMAT,
                   _("%s: not a Greenreach project: save the project first"), path);
      return NULL;
    }
  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_OPEN, _("%s: cannot open (%s)"), path,
                   sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/**
 * gr_project_targets_load:
 *
 * The targets the project's users set (table gr_targets); indicators
 * without one have none (NAN).
 */
gboolean
gr_project_targets_load (const char *path,
                         GrTarget    targets[GR_N_INDICATORS],
                         GError    **error)
{
  sqlite3 *db = open_targets (path, SQLITE_OPEN_READONLY, error);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < GR_N_INDICATORS; i++)
    targets[i] = (GrTarget){ NAN, FALSE };
  if (db == NULL)
    return FALSE;
  if (sqlite3_prepare_v2 (db, "SELECT indicator, value, strict FROM gr_targets", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        GrIndicatorId id;

        if (gr_indicator_from_key ((const char *) sqlite3_column_text (stmt, 0), &id))
          targets[id] = (GrTarget){ sqlite3_column_double (stmt, 1), sqlite3_column_int (stmt, 2) != 0 };
      }
  /* No table: no targets set yet. */
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return TRUE;
}

/**
 * gr_project_targets_set:
 * @value: the target, or NAN to remove it
 *
 * Sets one of the project's own targets, in its own transaction.
 */
gboolean
gr_project_targets_set (const char   *path,
                        GrIndicatorId id,
                        double        value,
                        gboolean      strict,
                        GError      **error)
{
  static const char schema[] =
    "PRAGMA journal_mode = WAL;"
    "CREATE TABLE IF NOT EXISTS gr_targets (indicator TEXT PRIMARY KEY, value REAL NOT NULL, strict INTEGER NOT NULL);"
    "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
    "  VALUES ('gr_targets', 'attributes', 'gr_targets', 'Greenreach project targets');";
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (id < GR_N_INDICATORS, FALSE);
  if (isinf (value) || (isfinite (value) && fabs (value) > 1e9))
    {
      g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_INVALID, _("%g is not a usable target"), value);
      return FALSE;
    }
  if ((db = open_targets (path, SQLITE_OPEN_READWRITE, error)) == NULL)
    return FALSE;
  ok = sqlite3_exec (db, schema, NULL, NULL, NULL) == SQLITE_OK
       && sqlite3_prepare_v2 (db,
                              isnan (value) ? "DELETE FROM gr_targets WHERE indicator = ?1"
                                            : "INSERT OR REPLACE INTO gr_targets VALUES (?1, ?2, ?3)",
                              -1, &stmt, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, indicators[id].key, -1, SQLITE_STATIC);
      if (!isnan (value))
        {
          sqlite3_bind_double (stmt, 2, value);
          sqlite3_bind_int (stmt, 3, strict);
        }
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  if (!ok)
    g_set_error (error, GR_PROJECT_ERROR, GR_PROJECT_ERROR_WRITE, _("%s: cannot record the change (%s)"), path,
                 sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}
