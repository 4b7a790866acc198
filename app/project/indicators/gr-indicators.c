/* gr-indicators.c — the park-city indicators a bureau reports
 *
 * Definitions and targets from GB/T 50563-2010, GB 55014-2021 (园林绿化
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

#include "gr-format.h"

#include "gr-indicators-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

typedef GrTarget Target;

/* The ecological garden city asks every district for ≥ 5.5 m²/person. */
#define ECO_DISTRICT_PER_CAPITA 5.5

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
  double           need;

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
      {
        g_autofree char *m2 = gr_format_number (need, 0);
        ground = g_strdup_printf (_ ("%s m² of park"), m2);
      }
      break;
    case LAND_RESIDENTS:
      {
        g_autofree char *people = gr_format_number (need, 0);
        ground = g_strdup_printf (_ ("%s residents"), people);
      }
      break;
    case LAND_RESIDENTIAL_HA:
      ground = g_strdup_printf (_ ("%.2f ha of residential land"), need);
      break;
    case LAND_GREENWAY_KM:
      ground = g_strdup_printf (_ ("%.2f km of greenway"), need);
      break;
    case LAND_NURSERY_HA:
      ground = g_strdup_printf (_ ("%.2f ha of nursery"), need);
      break;
    }
  /* TRANSLATORS: "short by 1.20 m²/person = 84,000 m² of park"; shares
   * fall short in percentage points (pp) */
  item->gap_text =
      g_strdup_printf (_ ("short by %.2f %s = %s"), item->gap,
                       g_str_equal (_gr_indicator_get_untranslated_unit (item->id), "%")
                           ? _ ("pp")
                           : gr_indicator_get_unit (item->id),
                       ground);
}

/* Coverage (300米见绿、500米见园; the GB/T 50563-2010 service radius): area
 * shares, and residents' shares, from the analysis's summary alone. */
static void
coverage_items (GrIndicators *out, const GrSummary *s, const Target *t)
{
  double residential = s->residential.area_m2;
  const struct
  {
    GrIndicatorId   id;
    const GrAmount *amount;
    gboolean        people;
  } shares[] = {
    { GR_IND_SERVICE_RATE, &s->service, FALSE }, { GR_IND_SERVICE_POPULATION, &s->service, TRUE },
    { GR_IND_GREEN_300, &s->green, FALSE },      { GR_IND_GREEN_300_POPULATION, &s->green, TRUE },
    { GR_IND_PARK_500, &s->park, FALSE },        { GR_IND_PARK_500_POPULATION, &s->park, TRUE },
  };

  for (guint k = 0; k < G_N_ELEMENTS (shares); k++)
    {
      GrIndicator *item = &out->items[shares[k].id];

      g_clear_pointer (&item->gap_text, g_free);
      item->pass = FALSE, item->gap = 0, item->value = NAN;
      if (!(residential > 0))
        set_missing (item, _ ("needs residential land"));
      else if (shares[k].people && !(s->residential.population > 0))
        set_missing (item, _ ("needs a population layer (residents)"));
      else
        item->value = 100
                      * (shares[k].people ? shares[k].amount->population / s->residential.population
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

static void
check_system (GrIndicators *out, GrProject *project, int zone)
{
  GrLayer *parks = project->layers[GR_ROLE_PARK];
  GrLayer *zones = project->layers[GR_ROLE_ZONES];
  GString *text = g_string_new (NULL);
  guint    first = zone > 0 ? zone : 1,
        last = zone > 0 ? (guint) zone : gr_project_get_n_zones (project);

  /* Yuncheng 2025: every county at least one comprehensive park, one
   * country park and one disaster-prevention park. */
  for (guint z = first; zones != NULL && z <= last; z++)
    {
      GrFeature       *area = g_ptr_array_index (zones->features, z - 1);
      guint            comprehensive = 0, country = 0, refuge = 0;
      g_autofree char *name = gr_project_zone_name (project, z);
      GString         *lacks = g_string_new (NULL);

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
        g_string_append_printf (lacks, "%s%s", lacks->len ? _ (", ") : "",
                                _ ("a comprehensive park"));
      if (country == 0)
        g_string_append_printf (lacks, "%s%s", lacks->len ? _ (", ") : "", _ ("a country park"));
      if (refuge == 0)
        g_string_append_printf (lacks, "%s%s", lacks->len ? _ (", ") : "",
                                _ ("a disaster-prevention park"));
      if (lacks->len > 0)
        g_string_append_printf (text, _ ("%s lacks %s\n"), name, lacks->str);
      g_string_free (lacks, TRUE);
    }
  /* … and the city at least one botanical or specialised park and one
   * country park. */
  if (zone < 0)
    {
      guint specialised = 0, country = 0;

      for (guint i = 0; parks != NULL && i < parks->features->len; i++)
        {
          GrFeature  *f = g_ptr_array_index (parks->features, i);
          GrParkClass c = gr_park_class_from_kind (f->kind, OGR_G_Area (f->geometry), NULL);

          specialised += c == GR_PARK_CLASS_SPECIALISED;
          country += c == GR_PARK_CLASS_COUNTRY;
        }
      if (specialised == 0 || country == 0)
        g_string_append_printf (text, _ ("The city lacks %s\n"),
                                specialised == 0 && country == 0
                                    ? _ ("a botanical or specialised park, a country park")
                                : specialised == 0 ? _ ("a botanical or specialised park")
                                                   : _ ("a country park"));
    }
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  out->system_check =
      text->len > 0 ? g_string_free (text, FALSE) : (g_string_free (text, TRUE), NULL);
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
  gr_indicators_compute_with (out, project, analysis, zone, targets,
                              gr_target_set_get_targets (targets));
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
  GrSummary     s;
  double        class_area[GR_N_PARK_CLASSES] = { 0 };
  const Target *t = targets;

  memset (out, 0, sizeof *out);
  out->targets = set;
  for (guint i = 0; i < GR_N_INDICATORS; i++)
    out->items[i].id = i;
  if (zone > 0 && project->layers[GR_ROLE_ZONES] != NULL
      && (guint) zone <= gr_project_get_n_zones (project))
    zone_area = OGR_G_Clone (
        ((GrFeature *) g_ptr_array_index (project->layers[GR_ROLE_ZONES]->features, zone - 1))
            ->geometry);
  builtup = layer_union (project->layers[GR_ROLE_BUILTUP], zone_area);
  out->builtup = builtup != NULL;
  gr_analysis_summarize (analysis, zone, &s);

  /* Residents: the population layer's. */
  out->population =
      s.residential.population + (zone > 0 ? 0 : gr_analysis_get_unplaced_population (analysis));
  if (pop == NULL || !(out->population > 0))
    out->population = NAN;

  /* Park green area, by class, inside the built-up area when there is one. */
  for (guint i = 0; parks != NULL && i < parks->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (parks->features, i);
      g_auto (OGRGeometryH) clip = builtup != NULL     ? OGR_G_Clone (builtup)
                                   : zone_area != NULL ? OGR_G_Clone (zone_area)
                                                       : NULL;
      double      whole = OGR_G_Area (f->geometry), counted = area_within (f->geometry, clip);
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

  /* Per capita (GB 55014-2021: park green area over residents). */
  {
    const GrIndicatorId ids[] = { GR_IND_PARK_PER_CAPITA, GR_IND_COMPREHENSIVE_PER_CAPITA,
                                  GR_IND_COMMUNITY_PER_CAPITA };
    const double        areas[] = { out->park_area, class_area[GR_PARK_CLASS_COMPREHENSIVE],
                                    class_area[GR_PARK_CLASS_COMMUNITY] };

    for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
      {
        GrIndicator *item = &out->items[ids[k]];
        Target       target = t[ids[k]];

        if (!isfinite (out->population))
          set_missing (item, _ ("needs a population layer (residents)"));
        else if (parks == NULL)
          set_missing (item, _ ("needs a park layer"));
        else
          item->value = areas[k] / out->population;
        if (set == GR_TARGETS_ECO_GARDEN_CITY && zone > 0 && ids[k] == GR_IND_PARK_PER_CAPITA)
          target = (Target){ ECO_DISTRICT_PER_CAPITA, FALSE };
        judge (item, target, isfinite (out->population) ? out->population : 0, LAND_PARK_M2);
      }
  }

  coverage_items (out, &s, t);

  /* Greenways (Yuncheng 2023, Datong 2025): km per 10,000 residents. */
  {
    GrIndicator *item = &out->items[GR_IND_GREENWAY_PER_10K];
    GrLayer     *greenways = project->layers[GR_ROLE_GREENWAY];
    double       km = 0;

    for (guint i = 0; greenways != NULL && i < greenways->features->len; i++)
      km += length_within (((GrFeature *) g_ptr_array_index (greenways->features, i))->geometry,
                           zone_area)
            / 1000;
    if (greenways == NULL)
      set_missing (item, _ ("needs a greenway layer"));
    else if (!isfinite (out->population))
      set_missing (item, _ ("needs a population layer (residents)"));
    else
      item->value = km / (out->population / 1e4);
    judge (item, t[GR_IND_GREENWAY_PER_10K], isfinite (out->population) ? out->population / 1e4 : 0,
           LAND_GREENWAY_KM);
  }

  /* Nursery land (Yuncheng 2023): ≥ 2 % of the built-up area. */
  {
    GrIndicator *item = &out->items[GR_IND_NURSERY_SHARE];
    g_auto (OGRGeometryH) nursery =
        builtup != NULL ? layer_union (project->layers[GR_ROLE_NURSERY], builtup) : NULL;
    double built = builtup != NULL ? OGR_G_Area (builtup) : 0;

    if (project->layers[GR_ROLE_BUILTUP] == NULL || project->layers[GR_ROLE_NURSERY] == NULL)
      set_missing (item, _ ("needs nursery and built-up boundary layers"));
    else if (!(built > 0))
      set_missing (item, _ ("the built-up boundary has no area here"));
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
