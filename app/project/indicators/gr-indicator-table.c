/* gr-indicator-table.c — the indicators' keys, names and units, and the
 * target sets of the cities' plans and the national standards
 *
 * Targets from GB 55014-2021 (园林绿化工程项目规范),
 * the national ecological garden city standard, Yuncheng's 2023
 * landscaping plan and Datong's 2025 park-city plan.
 */
#include "config.h"

#include "gr-indicator-table.h"

#include "gr-indicators-private.h"
#include "gr-enum.h"
#include "gr-project-enums.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* The keys are the enums' nicks (gr-indicator-table.h). Each definition
 * says in one line what is divided by what, and the standard or plan the
 * indicator comes from: the window's tooltip, the CLI's --definitions and
 * the report's appendix. */
static const struct
{
  const char *name;
  const char *unit;
  const char *definition;
} indicators[GR_N_INDICATORS] = {
  [GR_IND_PARK_PER_CAPITA] = { N_ ("Per-capita park green area (人均公园绿地面积)"),
                               N_ ("m²/person"),
                               N_ ("Park green area (inside the built-up boundary when there is "
                                   "one) ÷ residents. GB/T 50563-2010, GB 55014-2021") },
  [GR_IND_COMPREHENSIVE_PER_CAPITA] = { N_ ("Per-capita comprehensive-park area"), N_ ("m²/person"),
                                        N_ ("Area of comprehensive parks (G11) ÷ residents. "
                                            "GB 55014-2021") },
  [GR_IND_COMMUNITY_PER_CAPITA] = { N_ ("Per-capita community-park area"), N_ ("m²/person"),
                                    N_ ("Area of community parks (G12) ÷ residents. "
                                        "GB 55014-2021") },
  [GR_IND_SERVICE_RATE] = { N_ ("Park service-radius coverage (公园绿地服务半径覆盖率)"), "%",
                            N_ ("Residential land inside a park's service radius (by park size, "
                                "the rule table) ÷ all residential land. GB/T 50563-2010") },
  [GR_IND_SERVICE_POPULATION] = { N_ ("Residents inside a park service radius"), "%",
                                  N_ ("Residents inside a park's service radius ÷ all "
                                      "residents. GB/T 50563-2010, counted by residents") },
  [GR_IND_GREEN_300] = { N_ ("Homes within 300 m of green space (300米见绿)"), "%",
                         N_ ("Residential land within 300 m of green space ÷ all residential "
                             "land. Datong 2025 and Yuncheng 2023 plans (300米见绿)") },
  [GR_IND_GREEN_300_POPULATION] = { N_ ("Residents within 300 m of green space"), "%",
                                    N_ ("Residents within 300 m of green space ÷ all "
                                        "residents. 300米见绿, counted by residents") },
  [GR_IND_PARK_500] = { N_ ("Homes within 500 m of a park (500米见园)"), "%",
                        N_ ("Residential land within 500 m of a park ÷ all residential land. "
                            "Datong 2025 and Yuncheng 2023 plans (500米见园)") },
  [GR_IND_PARK_500_POPULATION] = { N_ ("Residents within 500 m of a park"), "%",
                                   N_ ("Residents within 500 m of a park ÷ all residents. "
                                       "500米见园, counted by residents") },
  [GR_IND_GREENWAY_PER_10K] = { N_ ("Greenway length per 10,000 residents (万人拥有绿道长度)"),
                                N_ ("km"),
                                N_ ("Greenway length (overlapping ways once) ÷ residents × "
                                    "10,000. Yuncheng 2023 and Datong 2025 plans") },
  [GR_IND_NURSERY_SHARE] = { N_ ("Nursery land in the built-up area (苗圃面积占比)"), "%",
                             N_ ("Nursery land inside the built-up boundary ÷ built-up area. "
                                 "Yuncheng 2023 plan") },
  [GR_IND_GREENWAY_SERVICE] = { N_ ("Greenway service-radius coverage (城市绿道服务半径覆盖率)"),
                                "%",
                                N_ ("Residential land within 1 km of a greenway ÷ all "
                                    "residential land. City health check (城市体检) 2021") },
  [GR_IND_GREENWAY_SERVICE_POPULATION] = { N_ ("Residents within 1 km of a greenway"), "%",
                                           N_ ("Residents within 1 km of a greenway ÷ all "
                                               "residents. 城市体检 2021, counted by "
                                               "residents") },
  [GR_IND_CORRIDOR_COMPLIANCE] = { N_ ("Ecological corridors up to standard (城市生态廊道达标率)"),
                                   "%",
                                   N_ ("Length of corridors at least 100 m wide net from end to "
                                       "end ÷ length of all corridors. 城市体检 2021; width "
                                       "from the Yuncheng 2023 plan") },
  [GR_IND_GREEN_RATIO] = { N_ ("Green space ratio of the built-up area (建成区绿地率)"), "%",
                           N_ ("Green space and parks inside the built-up boundary (overlaps "
                               "once) ÷ built-up area. GB/T 50563-2010") },
  [GR_IND_GREEN_COVER] = { N_ ("Green coverage of the built-up area (建成区绿化覆盖率)"), "%",
                           N_ ("Vegetation (green space, parks and tree canopy, overlaps once) "
                               "inside the built-up boundary ÷ built-up area. GB/T 50563-2010") },
  [GR_IND_LIFECIRCLE_GREEN] = { N_ ("15-minute life circles with 2 m² of public green a "
                                    "resident"),
                                "%",
                                N_ ("15-minute life circles whose parks give at least 2.0 m² a "
                                    "resident ÷ all 15-minute circles. GB 50180-2018, "
                                    "Table 4.0.4") },
  [GR_IND_LIFECIRCLE_PARK] = { N_ ("10-minute life circles with a park of 1 ha"), "%",
                               N_ ("10-minute life circles holding a residential-area park of "
                                   "at least 1 ha ÷ all 10-minute circles. GB 50180-2018, "
                                   "Table 4.0.4") },
  [GR_IND_SHADED_ROADS] = { N_ ("Tree-shaded roads (林荫路覆盖率)"), "%",
                            N_ ("Length of secondary and branch roads under tree crowns ÷ their "
                                "length. National ecological garden city standard") },
  [GR_IND_SERVICE_CHILDREN] = { N_ ("Children inside a park service radius"), "%",
                                N_ ("Residents aged 0–14 inside a park's service radius ÷ all "
                                    "aged 0–14. GB/T 50563-2010 by the census's age groups") },
  [GR_IND_SERVICE_ELDERLY] = { N_ ("Elderly inside a park service radius"), "%",
                               N_ ("Residents aged 60 and over inside a park's service radius ÷ "
                                   "all aged 60 and over. GB/T 50563-2010 by the census's age "
                                   "groups") },
};

typedef GrTarget Target;

typedef struct
{
  GrTargetSet   set;
  GrIndicatorId id;
  double        value;
  gboolean      strict;
} TargetRow;

/* Every target the sets give; an indicator a set does not name has none. */
static const TargetRow target_rows[] = {
  /* Yuncheng 2023 plan: 13 m², 80 %, 1 km per 10,000 by 2025; nursery ≥ 2 %;
   * corridors between clusters ≥ 100 m wide net and continuous. */
  { GR_TARGETS_YUNCHENG_2025, GR_IND_PARK_PER_CAPITA, 13, FALSE },
  { GR_TARGETS_YUNCHENG_2025, GR_IND_SERVICE_RATE, 80, FALSE },
  { GR_TARGETS_YUNCHENG_2025, GR_IND_GREENWAY_PER_10K, 1.0, FALSE },
  { GR_TARGETS_YUNCHENG_2025, GR_IND_NURSERY_SHARE, 2, FALSE },
  { GR_TARGETS_YUNCHENG_2025, GR_IND_CORRIDOR_COMPLIANCE, 100, FALSE },
  /* … and 14 m², 85 %, 1.5 km by 2030. */
  { GR_TARGETS_YUNCHENG_2030, GR_IND_PARK_PER_CAPITA, 14, FALSE },
  { GR_TARGETS_YUNCHENG_2030, GR_IND_SERVICE_RATE, 85, FALSE },
  { GR_TARGETS_YUNCHENG_2030, GR_IND_GREENWAY_PER_10K, 1.5, FALSE },
  { GR_TARGETS_YUNCHENG_2030, GR_IND_NURSERY_SHARE, 2, FALSE },
  { GR_TARGETS_YUNCHENG_2030, GR_IND_CORRIDOR_COMPLIANCE, 100, FALSE },
  /* Datong 2025 plan: 1.25 km per 10,000 by 2035; "300 m to green, 500 m
   * to a park" for every home (服务半径全覆盖). */
  { GR_TARGETS_DATONG_2035, GR_IND_GREEN_300, 100, FALSE },
  { GR_TARGETS_DATONG_2035, GR_IND_PARK_500, 100, FALSE },
  { GR_TARGETS_DATONG_2035, GR_IND_GREENWAY_PER_10K, 1.25, FALSE },
  /* GB 55014-2021 minimums: > 8.0 m², comprehensive and community > 3.0
   * each, service radius > 80 %. */
  { GR_TARGETS_GB55014, GR_IND_PARK_PER_CAPITA, 8.0, TRUE },
  { GR_TARGETS_GB55014, GR_IND_COMPREHENSIVE_PER_CAPITA, 3.0, TRUE },
  { GR_TARGETS_GB55014, GR_IND_COMMUNITY_PER_CAPITA, 3.0, TRUE },
  { GR_TARGETS_GB55014, GR_IND_SERVICE_RATE, 80, TRUE },
  /* National ecological garden city: ≥ 14.8 m² (≥ 5.5 in every district),
   * service radius ≥ 90 %, tree-shaded roads ≥ 85 %. */
  { GR_TARGETS_ECO_GARDEN_CITY, GR_IND_PARK_PER_CAPITA, 14.8, FALSE },
  { GR_TARGETS_ECO_GARDEN_CITY, GR_IND_SERVICE_RATE, 90, FALSE },
  { GR_TARGETS_ECO_GARDEN_CITY, GR_IND_SHADED_ROADS, 85, FALSE },
};

static const char *const set_labels[GR_N_TARGET_SETS] = {
  [GR_TARGETS_NONE] = N_ ("No targets"),
  [GR_TARGETS_YUNCHENG_2025] = N_ ("Yuncheng 2025"),
  [GR_TARGETS_YUNCHENG_2030] = N_ ("Yuncheng 2030"),
  [GR_TARGETS_DATONG_2035] = N_ ("Datong 2035"),
  [GR_TARGETS_GB55014] = N_ ("GB 55014-2021 minimums"),
  [GR_TARGETS_ECO_GARDEN_CITY] = N_ ("National ecological garden city"),
  /* Filled from the project file (gr_project_targets_load ()). */
  [GR_TARGETS_PROJECT] = N_ ("This project's own targets"),
};

/* GB 50180-2018 binds every residential area, whatever the city's plan:
 * each life circle meets Table 4.0.4 under every set but "none" and the
 * project's own. */
static const GrIndicatorId everywhere[] = { GR_IND_LIFECIRCLE_GREEN, GR_IND_LIFECIRCLE_PARK };

static Target tables[GR_N_TARGET_SETS][GR_N_INDICATORS];

static gpointer
fill_tables (gpointer data)
{
  for (guint set = 0; set < GR_N_TARGET_SETS; set++)
    {
      for (guint i = 0; i < GR_N_INDICATORS; i++)
        tables[set][i] = (Target){ NAN, FALSE };
      for (guint k = 0;
           set != GR_TARGETS_NONE && set != GR_TARGETS_PROJECT && k < G_N_ELEMENTS (everywhere);
           k++)
        tables[set][everywhere[k]] = (Target){ 100, FALSE };
    }
  for (guint r = 0; r < G_N_ELEMENTS (target_rows); r++)
    tables[target_rows[r].set][target_rows[r].id] =
        (Target){ target_rows[r].value, target_rows[r].strict };
  return NULL;
}

const char *
gr_indicator_get_name (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return _ (indicators[id].name);
}

/* What the indicator divides by what, and where it comes from, in a line. */
const char *
gr_indicator_get_definition (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return _ (indicators[id].definition);
}

const char *
gr_indicator_get_key (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return gr_enum_get_nick (GR_TYPE_INDICATOR_ID, id);
}

const char *
gr_indicator_get_unit (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return _ (indicators[id].unit);
}

gboolean
gr_indicator_from_key (const char *key, GrIndicatorId *id)
{
  int value;

  if (!gr_enum_from_nick (GR_TYPE_INDICATOR_ID, key, &value))
    return FALSE;
  *id = value;
  return TRUE;
}

const char *
gr_target_set_get_key (GrTargetSet set)
{
  g_return_val_if_fail (set < GR_N_TARGET_SETS, NULL);
  return gr_enum_get_nick (GR_TYPE_TARGET_SET, set);
}

const char *
gr_target_set_get_label (GrTargetSet set)
{
  g_return_val_if_fail (set < GR_N_TARGET_SETS, NULL);
  return _ (set_labels[set]);
}

gboolean
gr_target_set_from_key (const char *key, GrTargetSet *set)
{
  int value;

  if (!gr_enum_from_nick (GR_TYPE_TARGET_SET, key, &value))
    return FALSE;
  *set = value;
  return TRUE;
}
/* The unit as the table has it, untranslated: "%" for shares. */
const char *
_gr_indicator_get_untranslated_unit (GrIndicatorId id)
{
  g_return_val_if_fail (id < GR_N_INDICATORS, NULL);
  return indicators[id].unit;
}

const GrTarget *
gr_target_set_get_targets (GrTargetSet set)
{
  static GOnce once = G_ONCE_INIT;

  g_return_val_if_fail (set < GR_N_TARGET_SETS, NULL);
  g_once (&once, fill_tables, NULL);
  return tables[set];
}
