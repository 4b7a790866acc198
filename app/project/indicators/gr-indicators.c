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

#include "gr-corridor.h"
#include "gr-format.h"
#include "gr-green-cover.h"

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

/* Greenway length with overlapping ways counted once: a cycleway that is
 * also part of a walking route, or two routes sharing a path. */
static double
greenways_length (GrLayer *layer, OGRGeometryH clip)
{
  g_auto (OGRGeometryH) merged = layer != NULL ? gr_layer_dup_dissolved_lines (layer) : NULL;

  return merged != NULL ? length_within (merged, clip) : 0;
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
  LAND_GREEN_HA,
  LAND_ROAD_KM,
  LAND_NONE, /* the gap alone */
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
    case LAND_GREEN_HA:
      ground = g_strdup_printf (_ ("%.2f ha of green space"), need);
      break;
    case LAND_ROAD_KM:
      ground = g_strdup_printf (_ ("%.2f km of shaded road"), need);
      break;
    case LAND_NONE:
      break;
    }
  if (ground == NULL)
    {
      /* TRANSLATORS: "short by 20.00 pp" */
      item->gap_text =
          g_strdup_printf (_ ("short by %.2f %s"), item->gap,
                           g_str_equal (_gr_indicator_get_untranslated_unit (item->id), "%")
                               ? _ ("pp")
                               : gr_indicator_get_unit (item->id));
      return;
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

/* 城市绿道服务半径覆盖率 (城市体检 2021): homes within 1 km of a greenway,
 * by land and by residents, as the analysis measures distance. */
static void
greenway_items (GrIndicators    *out,
                GrProject       *project,
                GrAnalysis      *analysis,
                const GrSummary *s,
                const Target    *t)
{
  GrIndicator *land = &out->items[GR_IND_GREENWAY_SERVICE];
  GrIndicator *people = &out->items[GR_IND_GREENWAY_SERVICE_POPULATION];
  gboolean has = project->layers[GR_ROLE_GREENWAY] != NULL && gr_analysis_has_greenways (analysis);

  if (!(s->residential.area_m2 > 0))
    set_missing (land, _ ("needs residential land"));
  else if (!has)
    set_missing (land, _ ("needs a greenway layer"));
  else
    land->value = 100 * s->greenway.area_m2 / s->residential.area_m2;
  if (!(s->residential.population > 0))
    set_missing (people, _ ("needs a population layer (residents)"));
  else if (!has)
    set_missing (people, _ ("needs a greenway layer"));
  else
    people->value = 100 * s->greenway.population / s->residential.population;
  judge (land, t[GR_IND_GREENWAY_SERVICE], s->residential.area_m2 / 100 / 1e4, LAND_RESIDENTIAL_HA);
  judge (people, t[GR_IND_GREENWAY_SERVICE_POPULATION], s->residential.population / 100,
         LAND_RESIDENTS);
}

/* A corridor's length: the long side of the rectangle of its area and
 * perimeter, its centre line for a long strip. */
static double
corridor_length (OGRGeometryH corridor)
{
  g_auto (OGRGeometryH) ring = OGR_G_Boundary (corridor);
  double perimeter = ring != NULL ? OGR_G_Length (ring) : 0, area = OGR_G_Area (corridor);

  return (perimeter + sqrt (MAX (perimeter * perimeter - 16 * area, 0))) / 4;
}

/* 城市生态廊道达标率 (城市体检 2021): the length of corridors whose ≥ 100 m
 * passage runs end to end (the Yuncheng 2023 plan's width) over the
 * length of all corridors, those mostly in @zone_area for a zone. */
static void
corridor_item (GrIndicators *out, GrProject *project, OGRGeometryH zone_area, const Target *t)
{
  GrIndicator *item = &out->items[GR_IND_CORRIDOR_COMPLIANCE];
  GrLayer     *corridors = project->layers[GR_ROLE_CORRIDOR];
  double       all = 0, passing = 0;

  for (guint i = 0; corridors != NULL && i < corridors->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (corridors->features, i);
      g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (f->geometry);
      GrCorridorWidth w;
      double          length;

      if (zone_area != NULL && (inside == NULL || !OGR_G_Contains (zone_area, inside)))
        continue;
      length = corridor_length (f->geometry);
      all += length;
      if (gr_corridor_measure (f->geometry, GR_CORRIDOR_MIN_WIDTH, &w) && w.passes)
        passing += length;
    }
  if (corridors == NULL)
    set_missing (item, _ ("needs an ecological corridor layer"));
  else if (!(all > 0))
    set_missing (item, _ ("no ecological corridor here"));
  else
    item->value = 100 * passing / all;
  judge (item, t[GR_IND_CORRIDOR_COMPLIANCE], 0, LAND_NONE);
}

/* 建成区绿地率 and 建成区绿化覆盖率 (GB/T 50563-2010): green space and parks,
 * then with the tree canopy, inside the built-up boundary. */
static void
green_items (GrIndicators *out, GrProject *project, OGRGeometryH builtup, const Target *t)
{
  double built = builtup != NULL ? OGR_G_Area (builtup) : 0;

  for (guint k = 0; k < 2; k++)
    {
      GrIndicator *item = &out->items[k == 0 ? GR_IND_GREEN_RATIO : GR_IND_GREEN_COVER];

      if (project->layers[GR_ROLE_BUILTUP] == NULL)
        set_missing (item, _ ("needs a built-up boundary layer"));
      else if (!(built > 0))
        set_missing (item, _ ("the built-up boundary has no area here"));
      else if (project->layers[GR_ROLE_GREEN] == NULL && project->layers[GR_ROLE_PARK] == NULL)
        set_missing (item, _ ("needs green space or park layers"));
      else
        {
          g_auto (OGRGeometryH) green = gr_green_union (project, builtup, k == 1);

          item->value = 100 * (green != NULL ? OGR_G_Area (green) : 0) / built;
        }
      judge (item, t[item->id], built / 100 / 1e4, LAND_GREEN_HA);
    }
}

/* GB 50180-2018 Table 4.0.4: the share of 15-minute circles with 2.0 m²
 * of public green a resident, and of 10-minute circles with a park of
 * 1 ha. */
static void
life_circle_items (GrIndicators *out,
                   GrProject    *project,
                   GrAnalysis   *analysis,
                   int           zone,
                   const Target *t)
{
  GrIndicator *green = &out->items[GR_IND_LIFECIRCLE_GREEN];
  GrIndicator *park = &out->items[GR_IND_LIFECIRCLE_PARK];
  guint        n_green = 0, ok_green = 0, n_park = 0, ok_park = 0;

  out->circles = gr_life_circles_measure (project, analysis, zone, &out->circles_from);
  for (guint i = 0; out->circles != NULL && i < out->circles->len; i++)
    {
      const GrLifeCircle *c = &g_array_index (out->circles, GrLifeCircle, i);

      if (gr_life_circle_checks_green (c->level) && c->residents > 0)
        n_green++, ok_green += c->green_ok;
      if (gr_life_circle_checks_park (c->level))
        n_park++, ok_park += c->park_ok;
    }
  if (out->circles == NULL)
    {
      set_missing (green, _ ("needs a life-circle or zones layer"));
      set_missing (park, _ ("needs a life-circle or zones layer"));
    }
  else
    {
      if (project->layers[GR_ROLE_POPULATION] == NULL)
        set_missing (green, _ ("needs a population layer (residents)"));
      else if (n_green == 0)
        set_missing (green, _ ("no 15-minute life circle with residents here"));
      else
        green->value = 100.0 * ok_green / n_green;
      if (n_park == 0)
        set_missing (park, _ ("no 10-minute life circle here"));
      else
        park->value = 100.0 * ok_park / n_park;
    }
  judge (green, t[GR_IND_LIFECIRCLE_GREEN], 0, LAND_NONE);
  judge (park, t[GR_IND_LIFECIRCLE_PARK], 0, LAND_NONE);
}

/* 林荫路覆盖率 (national ecological garden city standard). */
static void
shade_item (GrIndicators *out, GrProject *project, OGRGeometryH zone_area, const Target *t)
{
  GrIndicator *item = &out->items[GR_IND_SHADED_ROADS];
  double       shaded, total;

  if (project->layers[GR_ROLE_TREES] == NULL)
    set_missing (item, _ ("needs a trees layer (street trees or tree canopy)"));
  else if (!gr_shaded_roads (project, zone_area, &shaded, &total))
    set_missing (item, _ ("needs a road network with secondary and branch roads"));
  else
    item->value = 100 * shaded / total;
  judge (item, t[GR_IND_SHADED_ROADS], !isnan (item->value) ? total / 100 / 1000 : 0, LAND_ROAD_KM);
}

/* Children and the elderly inside a park service radius: each census
 * area's age groups share its residents' coverage, its homes being
 * counted by their cells. A point (a grid cell's centre) is taken with
 * the homes within the analysis's 50 m snap of it. */
static void
age_items (GrIndicators *out,
           GrProject    *project,
           GrAnalysis   *analysis,
           OGRGeometryH  zone_area,
           const Target *t)
{
  GrLayer *pop = project->layers[GR_ROLE_POPULATION];
  double   children = 0, elderly = 0, children_in = 0, elderly_in = 0;
  gboolean any_children = FALSE, any_elderly = FALSE;

  for (guint i = 0; pop != NULL && i < pop->features->len; i++)
    {
      GrFeature *f = g_ptr_array_index (pop->features, i);
      g_autoptr (GrPolygon) area = NULL;
      GrAmount all, covered;
      double   share;

      if (isnan (f->children) && isnan (f->elderly))
        continue;
      if (zone_area != NULL)
        {
          g_auto (OGRGeometryH) inside = OGR_G_PointOnSurface (f->geometry);

          if (inside == NULL || !OGR_G_Contains (zone_area, inside))
            continue;
        }
      if (wkbFlatten (OGR_G_GetGeometryType (f->geometry)) == wkbPoint)
        area = gr_polygon_new_rect (
            OGR_G_GetX (f->geometry, 0) - 50, OGR_G_GetY (f->geometry, 0) - 50,
            OGR_G_GetX (f->geometry, 0) + 50, OGR_G_GetY (f->geometry, 0) + 50);
      else
        area = gr_polygon_new_from_ogr (f->geometry);
      if (area == NULL)
        continue;
      gr_analysis_sum_within (analysis, area, GR_LAYER_SERVICE, &all, &covered);
      if (!(all.area_m2 > 0))
        continue; /* no homes: its people are not placed, as for everyone's share */
      share =
          all.population > 0 ? covered.population / all.population : covered.area_m2 / all.area_m2;
      if (!isnan (f->children))
        any_children = TRUE, children += f->children, children_in += share * f->children;
      if (!isnan (f->elderly))
        any_elderly = TRUE, elderly += f->elderly, elderly_in += share * f->elderly;
    }
  out->children = any_children ? children : NAN;
  out->elderly = any_elderly ? elderly : NAN;
  for (guint k = 0; k < 2; k++)
    {
      GrIndicator *item = &out->items[k == 0 ? GR_IND_SERVICE_CHILDREN : GR_IND_SERVICE_ELDERLY];
      double       n = k == 0 ? children : elderly, in = k == 0 ? children_in : elderly_in;

      if (!(k == 0 ? any_children : any_elderly))
        set_missing (item, k == 0 ? _ ("needs a population layer with residents aged 0–14")
                                  : _ ("needs a population layer with residents aged 60 and over"));
      else if (!(n > 0))
        set_missing (item, _ ("no residents of that age here"));
      else
        item->value = 100 * in / n;
      judge (item, t[item->id], n / 100, LAND_RESIDENTS);
    }
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

    km = greenways_length (greenways, zone_area) / 1000;
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

  greenway_items (out, project, analysis, &s, t);
  corridor_item (out, project, zone_area, t);
  green_items (out, project, builtup, t);
  life_circle_items (out, project, analysis, zone, t);
  shade_item (out, project, zone_area, t);
  age_items (out, project, analysis, zone_area, t);
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
  g_clear_pointer (&out->circles, g_array_unref);
}
